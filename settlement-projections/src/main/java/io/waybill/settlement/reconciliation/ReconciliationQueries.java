package io.waybill.settlement.reconciliation;

import static io.waybill.settlement.EventFacts.amount;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.settlement.Cursors;
import io.waybill.settlement.Page;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Reconciliation queries, always within one tenant. The figures come from the reconciliation
 * projection; what the ERP confirmed comes from the ERP postings and their delivery state.
 */
public class ReconciliationQueries {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_SUMMARY_DAYS = 366;

    // NOTE: amounts are added up as stored, without currency conversion. A carrier invoice in another
    // currency than its order therefore gives that order a wrong carrier difference.
    private static final String FIGURES = """
            WITH figures AS (
              SELECT o.order_id, o.tenant_id, o.erp_order_number, o.currency, o.items_amount, o.released_at,
                     coalesce(s.expected_freight, 0) AS expected_freight,
                     coalesce(p.paid, 0) AS paid, coalesce(p.payments, 0) AS payments,
                     coalesce(i.charged, 0) AS carrier_charged, coalesce(i.expected_invoiced, 0) AS carrier_expected,
                     i.first_invoice_at,
                     coalesce(s.missing_invoices, 0) AS missing_invoices, s.missing_since,
                     coalesce(e.postings, 0) AS postings, coalesce(e.confirmed, 0) AS postings_confirmed,
                     coalesce(e.posted_payments, 0) AS posted_payments, e.unposted_since
              FROM recon_order o
              LEFT JOIN LATERAL (
                SELECT sum(rs.expected_freight) AS expected_freight,
                       count(*) FILTER (WHERE rs.status IN ('DELIVERED', 'RETURNED_TO_SENDER') AND NOT EXISTS
                         (SELECT 1 FROM recon_invoice ri WHERE ri.shipment_id = rs.shipment_id)) AS missing_invoices,
                       min(rs.finished_at) FILTER (WHERE rs.status IN ('DELIVERED', 'RETURNED_TO_SENDER') AND NOT EXISTS
                         (SELECT 1 FROM recon_invoice ri WHERE ri.shipment_id = rs.shipment_id)) AS missing_since
                FROM recon_shipment rs WHERE rs.order_id = o.order_id) s ON TRUE
              LEFT JOIN LATERAL (
                SELECT sum(rp.amount) AS paid, count(*) AS payments
                FROM recon_payment rp WHERE rp.order_id = o.order_id) p ON TRUE
              LEFT JOIN LATERAL (
                SELECT sum(inv.amount) AS charged, sum(coalesce(rs.expected_freight, 0)) AS expected_invoiced,
                       min(inv.first_at) AS first_invoice_at
                FROM (SELECT ri.shipment_id, sum(ri.amount) AS amount, min(ri.occurred_at) AS first_at
                      FROM recon_invoice ri WHERE ri.order_id = o.order_id GROUP BY ri.shipment_id) inv
                LEFT JOIN recon_shipment rs ON rs.shipment_id = inv.shipment_id) i ON TRUE
              LEFT JOIN LATERAL (
                SELECT count(*) AS postings, count(*) FILTER (WHERE d.state = 'POSTED') AS confirmed,
                       sum(ep.amount) FILTER (WHERE d.state = 'POSTED' AND ep.posting_type = 'CUSTOMER_PAYMENT')
                         AS posted_payments,
                       min(ep.recorded_at) FILTER (WHERE d.state IS DISTINCT FROM 'POSTED') AS unposted_since
                FROM erp_posting ep LEFT JOIN erp_posting_delivery d ON d.posting_id = ep.posting_id
                WHERE ep.order_id = o.order_id) e ON TRUE
              WHERE o.tenant_id = ?
            ), flagged AS (
              SELECT f.*, f.items_amount + f.expected_freight AS expected,
                     f.paid - (f.items_amount + f.expected_freight) AS customer_difference,
                     f.carrier_charged - f.carrier_expected AS carrier_difference,
                     f.paid < f.items_amount + f.expected_freight AS underpaid,
                     f.paid > f.items_amount + f.expected_freight AS overpaid,
                     f.carrier_charged > f.carrier_expected AS overcharged,
                     f.missing_invoices > 0 AS invoice_missing,
                     f.postings_confirmed < f.postings AS not_posted
              FROM figures f
            ), categorised AS (
              SELECT g.*,
                     CASE WHEN underpaid THEN 'UNDERPAID' WHEN overpaid THEN 'OVERPAID'
                          WHEN overcharged THEN 'CARRIER_OVERCHARGE' WHEN invoice_missing THEN 'MISSING_INVOICE'
                          WHEN not_posted THEN 'NOT_POSTED' ELSE 'MATCHED' END AS category,
                     CASE WHEN underpaid OR overpaid THEN released_at WHEN overcharged THEN first_invoice_at
                          WHEN invoice_missing THEN missing_since WHEN not_posted THEN unposted_since END
                       AS mismatch_since
              FROM flagged g
            )
            SELECT * FROM categorised c
            """;

    private static final String CARRIER_DAYS = """
            SELECT coalesce(lower(rs.carrier), '') AS carrier, (rs.created_at AT TIME ZONE ?)::date AS day,
                   coalesce(rs.expected_currency, inv.currency) AS currency,
                   count(*) AS shipments, count(inv.shipment_id) AS invoiced_shipments,
                   coalesce(sum(rs.expected_freight), 0) AS expected_freight,
                   coalesce(sum(inv.amount), 0) AS invoiced,
                   coalesce(sum(inv.amount - coalesce(rs.expected_freight, 0)), 0) AS difference,
                   count(*) FILTER (WHERE inv.amount > coalesce(rs.expected_freight, 0)) AS overcharged,
                   coalesce(sum(inv.amount - coalesce(rs.expected_freight, 0))
                     FILTER (WHERE inv.amount > coalesce(rs.expected_freight, 0)), 0) AS overcharge_amount,
                   count(*) FILTER (WHERE rs.status IN ('DELIVERED', 'RETURNED_TO_SENDER')
                     AND inv.shipment_id IS NULL) AS missing_invoices
            FROM recon_shipment rs
            LEFT JOIN (SELECT shipment_id, sum(amount) AS amount, min(currency) AS currency
                       FROM recon_invoice GROUP BY shipment_id) inv ON inv.shipment_id = rs.shipment_id
            WHERE rs.tenant_id = ? AND (rs.created_at AT TIME ZONE ?)::date BETWEEN ? AND ?
            GROUP BY 1, 2, 3
            ORDER BY 2, 1, 3
            """;

    private final DSLContext dsl;

    public ReconciliationQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<OrderReconciliation> byOrder(TenantId tenantId, OrderId orderId, Instant now) {
        return dsl.resultQuery(FIGURES + " WHERE c.order_id = ?", tenantId.value(), orderId.value())
                .fetchOptional()
                .map(record -> toView(record, now));
    }

    /**
     * Lists orders whose category is not MATCHED, oldest mismatch first. {@code category} narrows the
     * list to one category when given. NOTE: each page computes the figures of every order of the
     * tenant before it filters, which gets slow for a tenant with very many orders, because the
     * category depends on ERP delivery state and is not stored.
     */
    public Page<OrderReconciliation> mismatches(TenantId tenantId, MismatchCategory category, String cursor,
                                                int limit, Instant now) {
        List<Object> binds = new ArrayList<>(List.of(tenantId.value()));
        StringBuilder sql = new StringBuilder(FIGURES).append(" WHERE c.category <> 'MATCHED'");
        if (category != null) {
            sql.append(" AND c.category = ?");
            binds.add(category.name());
        }
        List<String> key = Cursors.decode(cursor, 2);
        if (key != null) {
            try {
                binds.add(OffsetDateTime.parse(key.get(0)).toString());
                binds.add(UUID.fromString(key.get(1)).toString());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw Cursors.invalid(cursor);
            }
            sql.append(" AND (c.mismatch_since, c.order_id) > (CAST(? AS timestamptz), CAST(? AS uuid))");
        }
        sql.append(" ORDER BY c.mismatch_since, c.order_id LIMIT ?");
        binds.add(limit + 1);
        List<Record> rows = dsl.resultQuery(sql.toString(), binds.toArray()).fetch();
        List<OrderReconciliation> page = rows.stream().limit(limit).map(record -> toView(record, now)).toList();
        if (rows.size() <= limit) {
            return new Page<>(page, null);
        }
        Record last = rows.get(limit - 1);
        return new Page<>(page, Cursors.encode(last.get("mismatch_since", OffsetDateTime.class).toString(),
                last.get("order_id", UUID.class).toString()));
    }

    /** Summarises carrier charges per carrier and day, from {@code from} to {@code to} inclusive. */
    public List<CarrierDaySummary> carrierDays(TenantId tenantId, ZoneId zone, LocalDate from, LocalDate to) {
        return dsl.resultQuery(CARRIER_DAYS, zone.getId(), tenantId.value(), zone.getId(), from, to)
                .fetch(record -> {
                    String currency = record.get("currency", String.class);
                    return new CarrierDaySummary(record.get("carrier", String.class),
                            record.get("day", LocalDate.class), currency, record.get("shipments", Integer.class),
                            record.get("invoiced_shipments", Integer.class),
                            amount(record.get("expected_freight", BigDecimal.class), currency),
                            amount(record.get("invoiced", BigDecimal.class), currency),
                            amount(record.get("difference", BigDecimal.class), currency),
                            record.get("overcharged", Integer.class),
                            amount(record.get("overcharge_amount", BigDecimal.class), currency),
                            record.get("missing_invoices", Integer.class));
                });
    }

    private static OrderReconciliation toView(Record record, Instant now) {
        String currency = record.get("currency", String.class);
        List<MismatchCategory> categories = new ArrayList<>();
        addIf(categories, record, "underpaid", MismatchCategory.UNDERPAID);
        addIf(categories, record, "overpaid", MismatchCategory.OVERPAID);
        addIf(categories, record, "overcharged", MismatchCategory.CARRIER_OVERCHARGE);
        addIf(categories, record, "invoice_missing", MismatchCategory.MISSING_INVOICE);
        addIf(categories, record, "not_posted", MismatchCategory.NOT_POSTED);
        MismatchCategory category = MismatchCategory.valueOf(record.get("category", String.class));
        OffsetDateTime since = record.get("mismatch_since", OffsetDateTime.class);
        Instant sinceInstant = since == null ? null : since.toInstant();
        Long ageDays = sinceInstant == null ? null : Math.max(0, Duration.between(sinceInstant, now).toDays());
        return new OrderReconciliation(record.get("order_id", UUID.class),
                record.get("erp_order_number", String.class), currency,
                money(record, "items_amount", currency), money(record, "expected_freight", currency),
                money(record, "expected", currency), money(record, "paid", currency),
                record.get("payments", Integer.class), money(record, "carrier_expected", currency),
                money(record, "carrier_charged", currency), money(record, "customer_difference", currency),
                money(record, "carrier_difference", currency), money(record, "posted_payments", currency),
                record.get("postings", Integer.class), record.get("postings_confirmed", Integer.class),
                record.get("missing_invoices", Integer.class), category, categories, sinceInstant, ageDays,
                record.get("released_at", OffsetDateTime.class).toInstant());
    }

    private static BigDecimal money(Record record, String column, String currency) {
        return amount(record.get(column, BigDecimal.class), currency);
    }

    private static void addIf(List<MismatchCategory> categories, Record record, String flag,
                              MismatchCategory category) {
        if (Boolean.TRUE.equals(record.get(flag, Boolean.class))) {
            categories.add(category);
        }
    }
}
