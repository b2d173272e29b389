package io.waybill.shipment;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.DeliveryPlace;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import io.waybill.shipment.api.ShipmentCommands.CreateShipment;
import io.waybill.shipment.api.ShipmentCommands.RecordMilestone;
import io.waybill.shipment.api.ShipmentCommands.TenderShipment;
import io.waybill.shipment.api.ShipmentId;
import java.time.Instant;

/** Valid shipment commands for one tenant, order and shipment. Each test changes only the fields it is about. */
final class ShipmentTestData {

    static final TenantId TENANT = TenantId.of("acme");
    static final TenantId OTHER_TENANT = TenantId.of("globex");
    static final OrderId ORDER_ID = OrderId.forErpOrder(TENANT, "ERP-1001");
    static final String SHIPMENT_NUMBER = "1";
    static final ShipmentId SHIPMENT_ID = ShipmentId.forOrder(ORDER_ID, SHIPMENT_NUMBER);
    static final PartnerId PROVIDER = PartnerId.of("shipcloud");
    static final String TRACKING_NUMBER = "JJD000390007880034701";
    static final Instant CREATED_AT = at("07:00");
    static final Instant TENDERED_AT = at("07:30");

    private ShipmentTestData() {
    }

    /** Returns the instant at the given UTC time of day, "HH:mm", on the delivery day all tests share. */
    static Instant at(String timeOfDay) {
        return Instant.parse("2026-03-02T" + timeOfDay + ":00Z");
    }

    static CreateShipment anyCreateShipment() {
        return new CreateShipment(SHIPMENT_ID, TENANT, ORDER_ID, SHIPMENT_NUMBER, CREATED_AT);
    }

    static TenderShipment anyTenderShipment() {
        return new TenderShipment(SHIPMENT_ID, TENANT, PROVIDER, "SC-77812", TRACKING_NUMBER, "dhl", TENDERED_AT);
    }

    static RecordMilestone anyRecordMilestone(MilestoneCode code, Instant occurredAt, String sourceEventId) {
        return aMilestone(code, occurredAt, sourceEventId).build();
    }

    static MilestoneBuilder aMilestone(MilestoneCode code, Instant occurredAt, String sourceEventId) {
        return new MilestoneBuilder(code, occurredAt, sourceEventId);
    }

    static ProofOfDelivery anyProofOfDelivery() {
        return new ProofOfDelivery("E. Mustermann", "pod/77812.jpg", null, DeliveryPlace.RECIPIENT);
    }

    /** Builds a {@link RecordMilestone} from source {@code shipcloud}. Optional fields stay null unless set. */
    static final class MilestoneBuilder {

        private final MilestoneCode code;
        private final Instant occurredAt;
        private final String sourceEventId;
        private TenantId tenantId = TENANT;
        private String rawCode;
        private ReasonCode reason;
        private String rawReason;
        private Location location;
        private ProofOfDelivery proofOfDelivery;
        private Instant estimatedDelivery;
        private Integer attemptNumber;

        private MilestoneBuilder(MilestoneCode code, Instant occurredAt, String sourceEventId) {
            this.code = code;
            this.occurredAt = occurredAt;
            this.sourceEventId = sourceEventId;
        }

        MilestoneBuilder tenantId(TenantId value) {
            tenantId = value;
            return this;
        }

        MilestoneBuilder rawCode(String value) {
            rawCode = value;
            return this;
        }

        MilestoneBuilder reason(ReasonCode value) {
            reason = value;
            return this;
        }

        MilestoneBuilder rawReason(String value) {
            rawReason = value;
            return this;
        }

        MilestoneBuilder location(Location value) {
            location = value;
            return this;
        }

        MilestoneBuilder proofOfDelivery(ProofOfDelivery value) {
            proofOfDelivery = value;
            return this;
        }

        MilestoneBuilder estimatedDelivery(Instant value) {
            estimatedDelivery = value;
            return this;
        }

        MilestoneBuilder attemptNumber(Integer value) {
            attemptNumber = value;
            return this;
        }

        RecordMilestone build() {
            return new RecordMilestone(SHIPMENT_ID, tenantId, code, occurredAt, sourceEventId, "shipcloud",
                    rawCode, reason, rawReason, "event " + sourceEventId, location, proofOfDelivery,
                    estimatedDelivery, attemptNumber);
        }
    }
}
