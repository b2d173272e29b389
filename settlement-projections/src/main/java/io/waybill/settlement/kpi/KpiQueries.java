package io.waybill.settlement.kpi;

import io.waybill.kernel.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/** KPI queries, always within one tenant and read in the tenant's time zone. */
public class KpiQueries {

    public static final int MAX_DAYS = 366;

    private static final String KPIS = """
            SELECT coalesce(lower(s.carrier), '') AS carrier, coalesce(o.region, '') AS region,
                   (s.created_at AT TIME ZONE ?)::date AS day,
                   count(*) AS shipments,
                   count(*) FILTER (WHERE s.delivered_at IS NOT NULL) AS delivered,
                   count(*) FILTER (WHERE (s.delivered_at AT TIME ZONE ?)::date <= o.promised_date) AS on_time,
                   count(*) FILTER (WHERE s.failed_attempts > 0) AS with_failed_attempt,
                   count(*) FILTER (WHERE s.had_exception) AS with_exception,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.delivered_at - o.released_at))
                     FILTER (WHERE s.delivered_at IS NOT NULL AND o.released_at IS NOT NULL) AS p50_seconds,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM s.delivered_at - o.released_at))
                     FILTER (WHERE s.delivered_at IS NOT NULL AND o.released_at IS NOT NULL) AS p90_seconds
            FROM kpi_shipment s
            LEFT JOIN kpi_order o ON o.order_id = s.order_id
            WHERE s.tenant_id = ? AND (s.created_at AT TIME ZONE ?)::date BETWEEN ? AND ?
            """;

    private final DSLContext dsl;

    public KpiQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Returns one row per carrier, region and day from {@code from} to {@code to} inclusive, optionally for one carrier. */
    public List<KpiRow> kpis(TenantId tenantId, ZoneId zone, LocalDate from, LocalDate to, String carrier) {
        String sql = KPIS + (carrier == null ? "" : " AND lower(s.carrier) = ?")
                + " GROUP BY 1, 2, 3 ORDER BY 3, 1, 2";
        Object[] binds = carrier == null
                ? new Object[] {zone.getId(), zone.getId(), tenantId.value(), zone.getId(), from, to}
                : new Object[] {zone.getId(), zone.getId(), tenantId.value(), zone.getId(), from, to,
                        carrier.toLowerCase()};
        return dsl.resultQuery(sql, binds).fetch(KpiQueries::toRow);
    }

    private static KpiRow toRow(Record record) {
        int shipments = record.get("shipments", Integer.class);
        int delivered = record.get("delivered", Integer.class);
        int onTime = record.get("on_time", Integer.class);
        int failed = record.get("with_failed_attempt", Integer.class);
        int exceptions = record.get("with_exception", Integer.class);
        return new KpiRow(record.get("carrier", String.class), record.get("region", String.class),
                record.get("day", LocalDate.class), shipments, delivered, onTime, rate(onTime, delivered), failed,
                rate(failed, shipments), exceptions, rate(exceptions, shipments),
                hours(record.get("p50_seconds", BigDecimal.class)), hours(record.get("p90_seconds", BigDecimal.class)));
    }

    private static BigDecimal rate(int count, int total) {
        return total == 0 ? null : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal hours(BigDecimal seconds) {
        return seconds == null ? null : seconds.divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_EVEN);
    }
}
