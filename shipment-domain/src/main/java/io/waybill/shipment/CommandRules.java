package io.waybill.shipment;

import io.waybill.kernel.InvalidValueException;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ShipmentCommands.CancelPlatformRequest;
import io.waybill.shipment.api.ShipmentCommands.CancelReturn;
import io.waybill.shipment.api.ShipmentCommands.CreateShipment;
import io.waybill.shipment.api.ShipmentCommands.OpenCustomerServiceCase;
import io.waybill.shipment.api.ShipmentCommands.RecordMilestone;
import io.waybill.shipment.api.ShipmentCommands.RecordPlatformAcceptance;
import io.waybill.shipment.api.ShipmentCommands.RecordPlatformRejection;
import io.waybill.shipment.api.ShipmentCommands.RequestPlatformShipment;
import io.waybill.shipment.api.ShipmentCommands.RequestRedelivery;
import io.waybill.shipment.api.ShipmentCommands.RequestReturn;
import io.waybill.shipment.api.ShipmentCommands.TenderShipment;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.platform.PlatformOperation;

/** Field rules of shipment commands, checked before any state is looked at. */
final class CommandRules {

    private static final int MAX_TEXT = 200;

    private CommandRules() {
    }

    static void validate(CreateShipment command) {
        requireText("shipmentNumber", command.shipmentNumber());
        if (command.orderId() == null) {
            throw new InvalidValueException("orderId", null, "give the order the shipment belongs to");
        }
        if (!command.shipmentId().equals(ShipmentId.forOrder(command.orderId(), command.shipmentNumber()))) {
            throw new InvalidValueException("shipmentId", command.shipmentId().toString(),
                    "derive the shipment id from the order id and shipment number with ShipmentId.forOrder");
        }
        requireTime("occurredAt", command.occurredAt());
    }

    static void validate(TenderShipment command) {
        if (command.providerId() == null) {
            throw new InvalidValueException("providerId", null, "give the delivery platform that accepted the shipment");
        }
        requireText("providerShipmentId", command.providerShipmentId());
        requireText("trackingNumber", command.trackingNumber());
        requireText("carrier", command.carrier());
        requireTime("occurredAt", command.occurredAt());
    }

    static void validate(RecordMilestone command) {
        if (command.code() == null) {
            throw new InvalidValueException("code", null, "give a canonical milestone code such as IN_TRANSIT");
        }
        requireTime("occurredAt", command.occurredAt());
        requireText("sourceEventId", command.sourceEventId());
        if (command.proofOfDelivery() != null && command.code() != MilestoneCode.DELIVERED) {
            throw new InvalidValueException("proofOfDelivery", "present",
                    "send proof of delivery only with a DELIVERED milestone");
        }
        if (command.attemptNumber() != null && command.code() != MilestoneCode.DELIVERY_ATTEMPT_FAILED) {
            throw new InvalidValueException("attemptNumber", command.attemptNumber().toString(),
                    "send an attempt number only with a DELIVERY_ATTEMPT_FAILED milestone");
        }
        if (command.attemptNumber() != null && command.attemptNumber() <= 0) {
            throw new InvalidValueException("attemptNumber", command.attemptNumber().toString(),
                    "give a positive attempt number");
        }
    }

    static void validate(RequestPlatformShipment command) {
        requireText("requestId", command.requestId());
        if (command.platformId() == null) {
            throw new InvalidValueException("platformId", null, "give the delivery platform to ask");
        }
        requireTime("occurredAt", command.occurredAt());
    }

    static void validate(RequestRedelivery command) {
        requireText("requestId", command.requestId());
        requireTime("occurredAt", command.occurredAt());
    }

    static void validate(RequestReturn command) {
        requireText("requestId", command.requestId());
        requireText("reason", command.reason());
        requireTime("occurredAt", command.occurredAt());
    }

    static void validate(CancelReturn command) {
        requireText("requestId", command.requestId());
        requireText("reason", command.reason());
        requireTime("occurredAt", command.occurredAt());
    }

    static void validate(CancelPlatformRequest command) {
        requireText("requestId", command.requestId());
        requireText("reason", command.reason());
        requireTime("occurredAt", command.occurredAt());
    }

    /** A created shipment must come back with the identifiers a tender needs. */
    static void validate(RecordPlatformAcceptance command, PlatformOperation operation) {
        if (operation == PlatformOperation.CREATE_SHIPMENT) {
            requireText("platformReference", command.platformReference());
            requireText("trackingNumber", command.trackingNumber());
            requireText("carrier", command.carrier());
        }
        requireTime("occurredAt", command.occurredAt());
    }

    static void validate(RecordPlatformRejection command) {
        if (command.failure() == null) {
            throw new InvalidValueException("failure", null, "give one of REJECTED, TIMED_OUT, UNAVAILABLE, NOT_CONFIGURED");
        }
        requireText("reason", command.reason());
        requireTime("occurredAt", command.occurredAt());
    }

    static void validate(OpenCustomerServiceCase command) {
        requireText("caseId", command.caseId());
        if (command.caseType() == null) {
            throw new InvalidValueException("caseType", null, "give the case type");
        }
        requireText("reason", command.reason());
        requireTime("occurredAt", command.occurredAt());
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, value, "give a non-empty " + field);
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidValueException(field, value.substring(0, 40) + "…",
                    "shorten " + field + " to at most " + MAX_TEXT + " characters");
        }
    }

    private static void requireTime(String field, Object value) {
        if (value == null) {
            throw new InvalidValueException(field, null, "give " + field + " as a UTC instant, for example 2026-03-01T10:15:00Z");
        }
    }
}
