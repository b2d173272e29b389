package io.waybill.shipment.api;

/** How the ledger took a milestone. */
public enum MilestoneOutcome {
    /** Recorded and applied to the current status. */
    RECORDED,
    /** Recorded, but it happened before the latest applied milestone, so the status stayed. */
    RECORDED_LATE,
    /** Recorded, and flagged for review because it happened after a terminal status. */
    RECORDED_CONFLICT,
    /** Its source event id was already recorded; nothing changed. */
    DUPLICATE
}
