package io.waybill.adapters;

import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ReasonCode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One partner's table from raw status codes to canonical milestones. Codes are matched without
 * regard to case. A code missing from the table maps to {@link MilestoneCode#UNKNOWN} with
 * {@code known = false}, which the gateway counts as an unknown code. A code that is in the table
 * but only annotates the shipment (label created, signature image stored) maps to UNKNOWN with
 * {@code known = true}, because the canonical vocabulary has no milestone for it.
 */
public final class CodeMapping {

    /** The canonical side of one table row. */
    public record Mapped(MilestoneCode code, ReasonCode reason, boolean known) {
    }

    private final Map<String, Mapped> rows = new HashMap<>();

    public CodeMapping map(String raw, MilestoneCode code) {
        return map(raw, code, null);
    }

    public CodeMapping map(String raw, MilestoneCode code, ReasonCode reason) {
        rows.put(raw.toUpperCase(Locale.ROOT), new Mapped(code, reason, true));
        return this;
    }

    /** Declares a known code that changes no status. */
    public CodeMapping annotation(String raw) {
        return map(raw, MilestoneCode.UNKNOWN);
    }

    public Mapped lookup(String raw) {
        Mapped mapped = raw == null ? null : rows.get(raw.trim().toUpperCase(Locale.ROOT));
        return mapped != null ? mapped : new Mapped(MilestoneCode.UNKNOWN, null, false);
    }

    public boolean contains(String raw) {
        return raw != null && rows.containsKey(raw.trim().toUpperCase(Locale.ROOT));
    }
}
