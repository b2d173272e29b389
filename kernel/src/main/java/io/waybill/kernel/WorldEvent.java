package io.waybill.kernel;

import java.time.Instant;

/**
 * An event that records when its fact happened in the world. That time is kept apart from the
 * message timestamp, which says when the ledger stored the event.
 */
public interface WorldEvent {

    TenantId tenantId();

    Instant occurredAt();
}
