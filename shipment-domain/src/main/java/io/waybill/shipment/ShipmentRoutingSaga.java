package io.waybill.shipment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderCancelled;
import io.waybill.order.api.OrderCommands.PlaceOrderOnHold;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.OrderReleased;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.PlatformRequestAccepted;
import io.waybill.shipment.api.PlatformRequestRejected;
import io.waybill.shipment.api.ShipmentCommands.CancelPlatformRequest;
import io.waybill.shipment.api.ShipmentCommands.CreateShipment;
import io.waybill.shipment.api.ShipmentCommands.RequestPlatformShipment;
import io.waybill.shipment.api.ShipmentCommands.TenderShipment;
import io.waybill.shipment.api.ShipmentCreated;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.ShipmentTendered;
import io.waybill.shipment.api.platform.PlatformFailure;
import io.waybill.shipment.api.policy.ProcessPolicies;
import io.waybill.shipment.api.policy.RoutingPolicy;
import io.waybill.shipment.api.policy.RoutingPolicy.Route;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Routes a released order to a delivery platform: creates shipment {@value #SHIPMENT_NUMBER} of
 * the order, asks the platforms of the tenant's {@link RoutingPolicy} one after the other, and
 * tenders the shipment to the first that accepts. A rejection or timeout moves on to the next
 * platform; when none is left the order is put on hold with every platform's answer as the reason.
 *
 * <p>The saga only records requests. The application's platform request dispatcher sends them
 * and reports each outcome as a {@link PlatformRequestAccepted} or {@link PlatformRequestRejected}
 * event. Request ids are derived from the shipment, the position in the route and the platform, so
 * handling an event twice asks no platform twice. Commands carry the ledger time of the event that
 * caused them.
 *
 * <p>The saga store serializes the fields with Jackson, so they are made visible to it by
 * {@code @JsonAutoDetect}; injected resources are transient and stay out of the stored state.
 */
@ProcessingGroup(ShipmentRoutingSaga.PROCESSING_GROUP)
@DisallowReplay
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class ShipmentRoutingSaga {

    static final String PROCESSING_GROUP = "shipment-routing-saga";
    static final String SHIPMENT_NUMBER = "1";
    /** Maximum length of a reason in order and shipment commands. */
    private static final int MAX_REASON = 200;

    @Inject
    transient CommandGateway commandGateway;
    @Inject
    transient ProcessPolicies processPolicies;

    private OrderId orderId;
    private TenantId tenantId;
    private ShipmentId shipmentId;
    private String ruleName;
    private List<PartnerId> platforms = new ArrayList<>();
    private int platformIndex;
    private String currentRequestId;
    private List<String> failures = new ArrayList<>();

    /**
     * Used by Axon, which creates sagas reflectively without overriding access checks; that is why
     * this class is public while its handlers are not.
     */
    public ShipmentRoutingSaga() {
        // State is assigned by the handlers or restored from the saga store.
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderReleased event, @Timestamp Instant recordedAt) {
        if (shipmentId != null) {
            return;
        }
        RoutingPolicy policy = processPolicies.routing(event.tenantId());
        if (!policy.enabled()) {
            SagaLifecycle.end();
            return;
        }
        orderId = event.orderId();
        tenantId = event.tenantId();
        Route route = policy.routeFor(event.serviceLevel(), event.shipTo(), event.parcelWeightKg());
        if (route.platforms().isEmpty()) {
            placeOnHold("no routing rule or fallback platform covers this order", recordedAt);
            return;
        }
        ruleName = route.ruleName();
        platforms = new ArrayList<>(route.platforms());
        shipmentId = ShipmentId.forOrder(orderId, SHIPMENT_NUMBER);
        SagaLifecycle.associateWith("shipmentId", shipmentId.toString());
        SagaCommands.send(commandGateway, new CreateShipment(shipmentId, tenantId, orderId, SHIPMENT_NUMBER,
                recordedAt));
    }

    @SagaEventHandler(associationProperty = "shipmentId")
    void on(ShipmentCreated event, @Timestamp Instant recordedAt) {
        if (currentRequestId == null) {
            requestCurrentPlatform(recordedAt);
        }
    }

    @SagaEventHandler(associationProperty = "shipmentId")
    void on(PlatformRequestAccepted event, @Timestamp Instant recordedAt) {
        if (event.requestId().equals(currentRequestId)) {
            SagaCommands.send(commandGateway, new TenderShipment(shipmentId, tenantId, event.platformId(),
                    event.platformReference(), event.trackingNumber(), event.carrier(), recordedAt));
        }
    }

    @SagaEventHandler(associationProperty = "shipmentId")
    void on(PlatformRequestRejected event, @Timestamp Instant recordedAt) {
        if (!event.requestId().equals(currentRequestId)) {
            return;
        }
        failures.add(describe(event));
        if (event.failure() == PlatformFailure.TIMED_OUT || event.failure() == PlatformFailure.UNAVAILABLE) {
            // The platform may have created the shipment although no usable response reached Waybill.
            SagaCommands.send(commandGateway, new CancelPlatformRequest(shipmentId, tenantId,
                    "cancel:" + event.requestId(), event.requestId(),
                    shorten(describe(event) + "; another platform is tried"), recordedAt));
        }
        platformIndex++;
        if (platformIndex < platforms.size()) {
            requestCurrentPlatform(recordedAt);
        } else {
            placeOnHold("no delivery platform accepted the shipment (rule " + ruleName + "): "
                    + String.join("; ", failures), recordedAt);
        }
    }

    @SagaEventHandler(associationProperty = "shipmentId")
    void on(ShipmentTendered event) {
        SagaLifecycle.end();
    }

    /** Ends the saga when the shipment is cancelled or otherwise finished before it was tendered. */
    @SagaEventHandler(associationProperty = "shipmentId")
    void on(MilestoneRecorded event) {
        if (event.statusAfter().isTerminal()) {
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCancelled event) {
        SagaLifecycle.end();
    }

    private void requestCurrentPlatform(Instant at) {
        PartnerId platform = platforms.get(platformIndex);
        currentRequestId = "create:" + shipmentId + ":" + (platformIndex + 1) + ":" + platform;
        SagaCommands.send(commandGateway, new RequestPlatformShipment(shipmentId, tenantId, currentRequestId,
                platform, at));
    }

    private void placeOnHold(String reason, Instant at) {
        SagaCommands.send(commandGateway, new PlaceOrderOnHold(orderId, tenantId, shorten(reason), at));
        SagaLifecycle.end();
    }

    private static String shorten(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    private static String describe(PlatformRequestRejected event) {
        String detail = event.code() != null ? event.code() : event.reason();
        return event.platformId() + " " + event.failure().name().toLowerCase().replace('_', ' ')
                + (detail == null ? "" : " (" + detail + ")");
    }
}
