package io.waybill.importer.olist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OlistValuesTest {

    @Test
    void zipPrefixGetsLeadingZerosBack() {
        assertThat(OlistValues.zipCodePrefix("zip", "4571")).isEqualTo("04571");
        assertThat(OlistValues.zipCodePrefix("zip", "18682")).isEqualTo("18682");
    }

    @Test
    void zipPrefixOfSixDigitsIsRejected() {
        assertThatThrownBy(() -> OlistValues.zipCodePrefix("customer_zip_code_prefix", "123456"))
                .hasMessageContaining("customer_zip_code_prefix '123456'");
    }

    @Test
    void standardTimeIsUtcMinusThree() {
        assertThat(OlistValues.instant("t", "2017-10-02 10:56:33")).isEqualTo(Instant.parse("2017-10-02T13:56:33Z"));
    }

    @Test
    void summerTimeIsUtcMinusTwo() {
        assertThat(OlistValues.instant("t", "2017-11-18 19:28:06")).isEqualTo(Instant.parse("2017-11-18T21:28:06Z"));
    }

    @Test
    void skippedHourMovesForward() {
        // Clocks went from 00:00 to 01:00 on 2017-10-15 in Sao Paulo, so 00:30 did not exist.
        assertThat(OlistValues.instant("t", "2017-10-15 00:30:00")).isEqualTo(Instant.parse("2017-10-15T03:30:00Z"));
    }

    @Test
    void emptyTimestampIsNull() {
        assertThat(OlistValues.instant("t", "")).isNull();
    }

    @Test
    void malformedTimestampNamesColumnAndValue() {
        assertThatThrownBy(() -> OlistValues.instant("order_approved_at", "2017-13-40 00:00:00"))
                .hasMessageContaining("order_approved_at '2017-13-40 00:00:00'");
    }

    @Test
    void estimatedDeliveryKeepsItsDay() {
        assertThat(OlistValues.date("t", "2017-10-18 00:00:00")).isEqualTo(LocalDate.of(2017, 10, 18));
    }
}
