package io.waybill.gateway.erp;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ERP push ({@code waybill.erp}). The push dispatcher runs only when
 * {@code push.url} is set; the pull feed is always available.
 *
 * @param push               the push dispatcher's endpoint, pacing and retry policy
 * @param maintenanceWindows recurring times when the ERP takes no postings; postings wait until the window ends
 */
@ConfigurationProperties("waybill.erp")
public record ErpProperties(@DefaultValue Push push, @DefaultValue List<MaintenanceWindow> maintenanceWindows) {

    /**
     * @param url            the ERP endpoint that receives one posting per POST; empty disables pushing
     * @param pollInterval   pause between two dispatch rounds
     * @param batchSize      most postings one round looks at
     * @param requestTimeout how long one request may take before it counts as failed
     * @param initialBackoff wait after the first failure; it doubles with each further failure
     * @param maxBackoff     longest wait between two tries of one posting
     * @param maxFailures    consecutive failures after which a posting becomes a dead letter
     */
    public record Push(@DefaultValue("") String url, @DefaultValue("5s") Duration pollInterval,
                       @DefaultValue("100") int batchSize, @DefaultValue("10s") Duration requestTimeout,
                       @DefaultValue("30s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
                       @DefaultValue("8") int maxFailures) {

        /** Returns the wait after the given number of consecutive failures (1 for the first). */
        public Duration backoff(int failures) {
            Duration delay = initialBackoff;
            for (int i = 1; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
        }
    }

    /**
     * A weekly maintenance window from {@code start} to {@code end} local time in {@code zone}, on the
     * given days (every day when empty). A window whose end is not after its start runs past midnight
     * into the next day; its day is the day it starts.
     */
    public record MaintenanceWindow(@DefaultValue Set<DayOfWeek> days, LocalTime start, LocalTime end,
                                    @DefaultValue("UTC") ZoneId zone) {

        /** Returns when this window ends if it is open at {@code instant}. */
        public Optional<Instant> openUntil(Instant instant) {
            ZonedDateTime local = instant.atZone(zone);
            LocalTime time = local.toLocalTime();
            boolean crossesMidnight = !end.isAfter(start);
            if (!crossesMidnight) {
                boolean inside = !time.isBefore(start) && time.isBefore(end) && appliesTo(local.getDayOfWeek());
                return inside ? Optional.of(local.with(end).toInstant()) : Optional.empty();
            }
            if (!time.isBefore(start) && appliesTo(local.getDayOfWeek())) {
                return Optional.of(local.plusDays(1).with(end).toInstant());
            }
            if (time.isBefore(end) && appliesTo(local.getDayOfWeek().minus(1))) {
                return Optional.of(local.with(end).toInstant());
            }
            return Optional.empty();
        }

        private boolean appliesTo(DayOfWeek day) {
            return days.isEmpty() || days.contains(day);
        }
    }

    /** Returns the end of the open maintenance window at {@code instant}, the latest if several overlap. */
    public Optional<Instant> maintenanceUntil(Instant instant) {
        return maintenanceWindows.stream()
                .map(window -> window.openUntil(instant))
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
    }
}
