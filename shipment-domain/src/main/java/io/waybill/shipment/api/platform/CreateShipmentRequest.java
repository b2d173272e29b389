package io.waybill.shipment.api.platform;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.Address;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.PromisedDelivery;
import io.waybill.order.api.ServiceLevel;
import io.waybill.shipment.api.ShipmentId;
import java.math.BigDecimal;

/** Asks a platform to create a shipment for an order. {@code parcelWeightKg} may be null when the ERP sent none. */
public record CreateShipmentRequest(String requestId, TenantId tenantId, ShipmentId shipmentId, OrderId orderId,
                                    String erpOrderNumber, Address shipTo, ServiceLevel serviceLevel,
                                    BigDecimal parcelWeightKg, PromisedDelivery promisedDelivery) {
}
