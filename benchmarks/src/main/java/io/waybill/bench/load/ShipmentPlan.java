package io.waybill.bench.load;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.ShipmentId;
import java.util.List;

/**
 * One shipment's life as the load generator plays it: the order release, the shipment, its tender
 * and 6 to 10 milestones in the order a carrier would send them.
 *
 * @param erpOrderNumber unique within a run, so every plan reaches a fresh order
 * @param lines          number of order lines in the release
 * @param milestones     in sending order, which is not always the order they happened in
 */
public record ShipmentPlan(TenantId tenantId, String erpOrderNumber, int lines, String trackingNumber,
                           List<MilestoneStep> milestones) {

    public static final String SHIPMENT_NUMBER = "1";

    public OrderId orderId() {
        return OrderId.forErpOrder(tenantId, erpOrderNumber);
    }

    public ShipmentId shipmentId() {
        return ShipmentId.forOrder(orderId(), SHIPMENT_NUMBER);
    }
}
