package io.waybill.gateway.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.gateway.erp.ErpProperties.MaintenanceWindow;
import io.waybill.gateway.erp.ErpProperties.Push;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErpPropertiesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Push push(String initial, String max) {
        return new Push("http://127.0.0.1:1/postings", Duration.ofSeconds(5), 100, Duration.ofSeconds(10),
                Duration.parse(initial), Duration.parse(max), 8);
    }

    @Test
    void backoffDoublesUpToMaximum() {
        Push push = push("PT30S", "PT5M");

        assertThat(push.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(push.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(push.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(push.backoff(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(push.backoff(50)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void windowOnItsDayIsOpen() {
        MaintenanceWindow sunday = new MaintenanceWindow(Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0),
                LocalTime.of(3, 0), BERLIN);

        // 2026-03-08 is a Sunday; 01:30 in Berlin (UTC+1) is 00:30 UTC.
        assertThat(sunday.openUntil(Instant.parse("2026-03-08T00:30:00Z")))
                .contains(Instant.parse("2026-03-08T02:00:00Z"));
        assertThat(sunday.openUntil(Instant.parse("2026-03-08T02:00:00Z"))).isEmpty();
        assertThat(sunday.openUntil(Instant.parse("2026-03-09T00:30:00Z"))).isEmpty();
    }

    @Test
    void windowPastMidnightBelongsToItsStartDay() {
        MaintenanceWindow fridayNight = new MaintenanceWindow(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0),
                LocalTime.of(2, 0), ZoneId.of("UTC"));

        // 2026-03-06 is a Friday.
        assertThat(fridayNight.openUntil(Instant.parse("2026-03-06T23:00:00Z")))
                .contains(Instant.parse("2026-03-07T02:00:00Z"));
        assertThat(fridayNight.openUntil(Instant.parse("2026-03-07T01:00:00Z")))
                .contains(Instant.parse("2026-03-07T02:00:00Z"));
        assertThat(fridayNight.openUntil(Instant.parse("2026-03-08T01:00:00Z"))).isEmpty();
        assertThat(fridayNight.openUntil(Instant.parse("2026-03-07T23:00:00Z"))).isEmpty();
    }

    @Test
    void windowWithoutDaysOpensDaily() {
        MaintenanceWindow daily = new MaintenanceWindow(Set.of(), LocalTime.of(2, 0), LocalTime.of(3, 0),
                ZoneId.of("UTC"));
        ErpProperties properties = new ErpProperties(push("PT30S", "PT1H"), List.of(daily));

        assertThat(properties.maintenanceUntil(Instant.parse("2026-03-10T02:59:59Z")))
                .isEqualTo(Optional.of(Instant.parse("2026-03-10T03:00:00Z")));
        assertThat(properties.maintenanceUntil(Instant.parse("2026-03-10T03:00:00Z"))).isEmpty();
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        Instant now = Instant.parse("2026-03-10T03:00:00Z");

        assertThat(ErpDispatcher.retryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(ErpDispatcher.retryAfter("Tue, 10 Mar 2026 03:05:00 GMT", now)).contains(Duration.ofMinutes(5));
        assertThat(ErpDispatcher.retryAfter("soon", now)).isEmpty();
        assertThat(ErpDispatcher.retryAfter(null, now)).isEmpty();
    }
}
