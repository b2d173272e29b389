package io.waybill.gateway.directory;

import io.waybill.adapters.Carriers;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.ShipmentTendered;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tracking numbers of tendered shipments, so that partner status can be matched to a shipment by
 * carrier and tracking number. It runs in a subscribing processor: the row is written in the
 * transaction that records the tender, so a webhook that arrives right after the tender finds it.
 * Carrier names are stored normalised ({@link Carriers#normalise(String)}), so "FedEx" and "FDXG"
 * match the same rows.
 */
@Component
@ProcessingGroup(TrackingDirectory.PROCESSING_GROUP)
public class TrackingDirectory {

    public static final String PROCESSING_GROUP = "tracking-directory";

    private final JdbcTemplate jdbc;

    TrackingDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A tendered shipment, with the fields partner matching needs. */
    public record TrackedShipment(ShipmentId shipmentId, OrderId orderId, String carrier, String providerId,
                                  String providerShipmentId) {
    }

    @EventHandler
    void on(ShipmentTendered event) {
        jdbc.update("""
                INSERT INTO partner_tracking (shipment_id, tenant_id, carrier_key, tracking_number, carrier,
                                              provider_id, provider_shipment_id, order_id, tendered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shipment_id) DO NOTHING""",
                event.shipmentId().value(), event.tenantId().value(), Carriers.normalise(event.carrier()),
                Carriers.normaliseTrackingNumber(event.trackingNumber()), event.carrier(),
                event.providerId().value(), event.providerShipmentId(), event.orderId().value(),
                Timestamp.from(event.occurredAt()));
    }

    /** Returns the tenant's shipments tendered with this carrier and tracking number, oldest tender first. */
    public List<TrackedShipment> find(TenantId tenantId, String carrierKey, String trackingNumber) {
        return jdbc.query("""
                SELECT shipment_id, order_id, carrier, provider_id, provider_shipment_id FROM partner_tracking
                WHERE tenant_id = ? AND carrier_key = ? AND tracking_number = ? ORDER BY tendered_at, shipment_id""",
                (rs, row) -> new TrackedShipment(new ShipmentId(rs.getObject(1, UUID.class)),
                        new OrderId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4), rs.getString(5)),
                tenantId.value(), carrierKey, Carriers.normaliseTrackingNumber(trackingNumber));
    }
}
