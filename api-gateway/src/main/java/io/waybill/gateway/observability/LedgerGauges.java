package io.waybill.gateway.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the database at each scrape: {@code waybill.deadletters} counts the entries of
 * Axon's dead-letter table once it exists, and is NaN before. Pending ERP postings are published
 * per delivery state as {@code waybill.erp.postings} by the read-model configuration.
 */
@Component
class LedgerGauges implements InitializingBean {

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;

    LedgerGauges(MeterRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        Gauge.builder("waybill.deadletters", this, LedgerGauges::deadLetters)
                .description("Event messages parked in the dead-letter queue, all processors together")
                .register(registry);
    }

    private double deadLetters() {
        Boolean exists = jdbc.queryForObject("SELECT to_regclass('deadletterentry') IS NOT NULL", Boolean.class);
        if (!Boolean.TRUE.equals(exists)) {
            return Double.NaN;
        }
        Long count = jdbc.queryForObject("SELECT count(*) FROM deadletterentry", Long.class);
        return count == null ? 0 : count;
    }
}
