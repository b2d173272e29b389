package io.waybill.shipment;

import io.waybill.order.api.OrderCommands.RecordCarrierHandover;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.ShipmentStatus;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Tells the order when a carrier first takes one of its shipments, so that the order can reject a
 * cancellation from then on. It runs in a subscribing processor, inside the unit of work that
 * records the milestone, so the order learns of the hand-over in the same transaction.
 */
@ProcessingGroup(CarrierHandoverPolicy.PROCESSING_GROUP)
class CarrierHandoverPolicy {

    static final String PROCESSING_GROUP = "carrier-handover";

    private static final Set<MilestoneCode> CARRIER_HAS_PARCEL = EnumSet.of(MilestoneCode.PICKED_UP,
            MilestoneCode.IN_TRANSIT, MilestoneCode.OUT_FOR_DELIVERY, MilestoneCode.DELIVERED,
            MilestoneCode.DELIVERY_ATTEMPT_FAILED, MilestoneCode.AVAILABLE_FOR_PICKUP,
            MilestoneCode.RETURN_INITIATED, MilestoneCode.RETURNED_TO_SENDER, MilestoneCode.EXCEPTION);

    private final CommandGateway commandGateway;

    CarrierHandoverPolicy(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(MilestoneRecorded event) {
        boolean firstCarrierActivity = event.statusBefore() == ShipmentStatus.CREATED
                || event.statusBefore() == ShipmentStatus.TENDERED;
        if (firstCarrierActivity && CARRIER_HAS_PARCEL.contains(event.code())) {
            commandGateway.sendAndWait(new RecordCarrierHandover(event.orderId(), event.tenantId(),
                    event.shipmentId().toString(), event.occurredAt()));
        }
    }
}
