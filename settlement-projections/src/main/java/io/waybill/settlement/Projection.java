package io.waybill.settlement;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The read models of this module. Each runs in its own streaming processor, named after its
 * processing group, and owns the listed tables: a rebuild empties exactly these tables and replays
 * the event store into them.
 */
public enum Projection {

    SHIPMENT_VISIBILITY("shipment-visibility", List.of("shipment_visibility", "shipment_timeline")),
    FINANCE_JOURNAL("finance-journal", List.of("journal_entry", "journal_line")),
    ERP_POSTINGS("erp-postings", List.of("erp_posting", "erp_posting_order")),
    RECONCILIATION("reconciliation", List.of("recon_order", "recon_payment", "recon_shipment", "recon_invoice")),
    KPIS("kpis", List.of("kpi_order", "kpi_shipment"));

    private final String processingGroup;
    private final List<String> tables;

    Projection(String processingGroup, List<String> tables) {
        this.processingGroup = processingGroup;
        this.tables = tables;
    }

    public String processingGroup() {
        return processingGroup;
    }

    public List<String> tables() {
        return tables;
    }

    /** Finds a projection by its processing group name, as used in the admin API. */
    public static Optional<Projection> byProcessingGroup(String name) {
        return Arrays.stream(values()).filter(projection -> projection.processingGroup.equals(name)).findFirst();
    }
}
