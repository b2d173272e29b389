package io.waybill.gateway.directory;

import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderCancelled;
import io.waybill.order.api.OrderHoldReleased;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.OrderPlacedOnHold;
import io.waybill.order.api.OrderMarkedReturnPending;
import io.waybill.order.api.OrderReleased;
import io.waybill.order.api.OrderRestocked;
import io.waybill.order.api.OrderReturnCancelled;
import io.waybill.order.api.OrderStatus;
import io.waybill.shipment.api.ShipmentCreated;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.ShipmentTendered;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which orders and shipments exist, for which tenant, and to which partner each shipment was
 * tendered. It runs in a subscribing processor, so a
 * row is written in the same transaction as the event and a request right after a release sees it.
 * Process APIs look ids up here to answer 404 before a command is sent, and partner callers are
 * checked against the provider here.
 */
@Component
@ProcessingGroup(CommandDirectory.PROCESSING_GROUP)
public class CommandDirectory {

    public static final String PROCESSING_GROUP = "command-directory";

    private final JdbcTemplate jdbc;

    CommandDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderReleased event) {
        jdbc.update("""
                INSERT INTO order_directory (order_id, tenant_id, erp_order_number, status, released_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""",
                event.orderId().value(), event.tenantId().value(), event.erpOrderNumber(),
                OrderStatus.RELEASED.name(), Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(OrderPlacedOnHold event) {
        updateStatus(event.orderId(), OrderStatus.ON_HOLD);
    }

    @EventHandler
    void on(OrderHoldReleased event) {
        updateStatus(event.orderId(), OrderStatus.RELEASED);
    }

    @EventHandler
    void on(OrderCancelled event) {
        updateStatus(event.orderId(), OrderStatus.CANCELLED);
    }

    /** A cancelled order stays cancelled while one of its shipments comes back. */
    @EventHandler
    void on(OrderMarkedReturnPending event) {
        jdbc.update("UPDATE order_directory SET status = ? WHERE order_id = ? AND status <> ?",
                OrderStatus.RETURN_PENDING.name(), event.orderId().value(), OrderStatus.CANCELLED.name());
    }

    @EventHandler
    void on(OrderReturnCancelled event) {
        jdbc.update("UPDATE order_directory SET status = ? WHERE order_id = ? AND status = ?",
                OrderStatus.RELEASED.name(), event.orderId().value(), OrderStatus.RETURN_PENDING.name());
    }

    @EventHandler
    void on(OrderRestocked event) {
        jdbc.update("UPDATE order_directory SET status = ? WHERE order_id = ? AND status <> ?",
                OrderStatus.RETURNED.name(), event.orderId().value(), OrderStatus.CANCELLED.name());
    }

    @EventHandler
    void on(ShipmentCreated event) {
        jdbc.update("""
                INSERT INTO shipment_directory (shipment_id, tenant_id, order_id)
                VALUES (?, ?, ?) ON CONFLICT (shipment_id) DO NOTHING""",
                event.shipmentId().value(), event.tenantId().value(), event.orderId().value());
    }

    @EventHandler
    void on(ShipmentTendered event) {
        jdbc.update("UPDATE shipment_directory SET provider_id = ? WHERE shipment_id = ?",
                event.providerId().value(), event.shipmentId().value());
    }

    /** Returns the order's status when it exists for this tenant; another tenant's order is absent. */
    public Optional<OrderStatus> orderStatus(TenantId tenantId, OrderId orderId) {
        return jdbc.query("SELECT status FROM order_directory WHERE order_id = ? AND tenant_id = ?",
                (rs, row) -> OrderStatus.valueOf(rs.getString(1)), orderId.value(), tenantId.value())
                .stream().findFirst();
    }

    /** Returns the order a shipment belongs to when the shipment exists for this tenant. */
    public Optional<OrderId> orderOfShipment(TenantId tenantId, ShipmentId shipmentId) {
        return jdbc.query("SELECT order_id FROM shipment_directory WHERE shipment_id = ? AND tenant_id = ?",
                (rs, row) -> new OrderId(rs.getObject(1, UUID.class)), shipmentId.value(), tenantId.value())
                .stream().findFirst();
    }

    /**
     * Returns the order a shipment belongs to when the caller may see the shipment: it belongs to the
     * caller's tenant and, for a partner caller, was tendered to that partner. Anything else is
     * absent, so another tenant's or partner's shipment looks the same as one that does not exist.
     */
    public Optional<OrderId> orderOfShipment(RequestMetadata caller, ShipmentId shipmentId) {
        if (caller.partnerId() == null) {
            return orderOfShipment(caller.tenantId(), shipmentId);
        }
        return shipmentOfPartner(caller.tenantId(), caller.partnerId(), shipmentId);
    }

    /** Returns the shipment's order when the shipment belongs to the tenant and was tendered to the partner. */
    public Optional<OrderId> shipmentOfPartner(TenantId tenantId, PartnerId partnerId, ShipmentId shipmentId) {
        if (tenantId == null) {
            return Optional.empty();
        }
        return jdbc.query("""
                        SELECT order_id FROM shipment_directory
                        WHERE shipment_id = ? AND tenant_id = ? AND provider_id = ?""",
                (rs, row) -> new OrderId(rs.getObject(1, UUID.class)), shipmentId.value(), tenantId.value(),
                partnerId.value()).stream().findFirst();
    }

    private void updateStatus(OrderId orderId, OrderStatus status) {
        jdbc.update("UPDATE order_directory SET status = ? WHERE order_id = ?", status.name(), orderId.value());
    }
}
