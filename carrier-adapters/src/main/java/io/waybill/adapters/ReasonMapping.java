package io.waybill.adapters;

import io.waybill.shipment.api.ReasonCode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** One partner's table from raw reason or exception codes to canonical {@link ReasonCode}s. */
public final class ReasonMapping {

    private final Map<String, ReasonCode> rows = new HashMap<>();

    public ReasonMapping map(String raw, ReasonCode reason) {
        rows.put(raw.toUpperCase(Locale.ROOT), reason);
        return this;
    }

    /** Returns the canonical reason, or {@code null} when the code is not in the table. */
    public ReasonCode lookup(String raw) {
        return raw == null ? null : rows.get(raw.trim().toUpperCase(Locale.ROOT));
    }
}
