package io.waybill.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecurityPropertiesTest {

    @Test
    void negativeKeyCacheTimeNamesTheSetting() {
        assertThatThrownBy(() -> new WaybillSecurityProperties.ApiKeys(Duration.ofHours(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("waybill.security.api-keys.cache-ttl")
                .hasMessageContaining("PT-1S");
    }

    @Test
    void zeroKeyCacheTimeIsAccepted() {
        assertThat(new WaybillSecurityProperties.ApiKeys(Duration.ofHours(1), Duration.ZERO).cacheTtl()).isZero();
    }
}
