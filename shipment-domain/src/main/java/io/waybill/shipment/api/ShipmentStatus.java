package io.waybill.shipment.api;

/** Current status of a shipment, derived from its milestones by occurrence time and terminal precedence. */
public enum ShipmentStatus {
    CREATED,
    TENDERED,
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERY_ATTEMPT_FAILED,
    AVAILABLE_FOR_PICKUP,
    RETURN_INITIATED,
    EXCEPTION,
    DELIVERED,
    RETURNED_TO_SENDER,
    CANCELLED;

    /** A terminal status never changes again; later activity is recorded and flagged for review. */
    public boolean isTerminal() {
        return this == DELIVERED || this == RETURNED_TO_SENDER || this == CANCELLED;
    }

    /** The status a milestone leads to, or {@code null} when the milestone only annotates the shipment. */
    public static ShipmentStatus reachedBy(MilestoneCode code) {
        return switch (code) {
            case PICKED_UP -> PICKED_UP;
            case IN_TRANSIT -> IN_TRANSIT;
            case OUT_FOR_DELIVERY -> OUT_FOR_DELIVERY;
            case DELIVERED -> DELIVERED;
            case DELIVERY_ATTEMPT_FAILED -> DELIVERY_ATTEMPT_FAILED;
            case AVAILABLE_FOR_PICKUP -> AVAILABLE_FOR_PICKUP;
            case RETURN_INITIATED -> RETURN_INITIATED;
            case RETURNED_TO_SENDER -> RETURNED_TO_SENDER;
            case CANCELLED -> CANCELLED;
            case EXCEPTION -> EXCEPTION;
            case DELAYED, UNKNOWN -> null;
        };
    }
}
