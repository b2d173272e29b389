package io.waybill.gateway.platform;

import io.waybill.gateway.platform.PlatformRequestLog.Entry;
import io.waybill.gateway.platform.PlatformRequestLog.Outcome;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.RejectedCommandException;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderReleased;
import io.waybill.shipment.api.PlatformCancellationRequested;
import io.waybill.shipment.api.PlatformShipmentRequested;
import io.waybill.shipment.api.RedeliveryRequested;
import io.waybill.shipment.api.ReturnCancelled;
import io.waybill.shipment.api.ReturnRequested;
import io.waybill.shipment.api.ShipmentCommands.RecordPlatformAcceptance;
import io.waybill.shipment.api.ShipmentCommands.RecordPlatformRejection;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.platform.CancelRequest;
import io.waybill.shipment.api.platform.CreateShipmentRequest;
import io.waybill.shipment.api.platform.DeliveryPlatform;
import io.waybill.shipment.api.platform.PlatformFailure;
import io.waybill.shipment.api.platform.PlatformOperation;
import io.waybill.shipment.api.platform.PlatformResponse;
import io.waybill.shipment.api.platform.PlatformResponse.Accepted;
import io.waybill.shipment.api.platform.PlatformResponse.Rejected;
import io.waybill.shipment.api.platform.RedeliveryRequest;
import io.waybill.shipment.api.platform.ReturnRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the platform requests that sagas record, and records each outcome back on the shipment as
 * {@link RecordPlatformAcceptance} or {@link RecordPlatformRejection}. It runs in its own streaming
 * processor, never on a saga's thread, and waits for a platform at most
 * {@code waybill.platforms.call-timeout}. It never runs during a replay.
 *
 * <p>A request whose outcome is already in the {@link PlatformRequestLog} is not sent again; only
 * its outcome is recorded again, which the shipment ignores. A failure to record the outcome is
 * thrown, so the processor handles the event again. A request can still reach a platform twice when
 * the application stops between the platform's response and storing it; the platform then sees the
 * same {@code requestId} as its idempotency key.
 */
@Component
@ProcessingGroup(PlatformRequestDispatcher.PROCESSING_GROUP)
@DisallowReplay
class PlatformRequestDispatcher {

    static final String PROCESSING_GROUP = "platform-requests";
    private static final Logger log = LoggerFactory.getLogger(PlatformRequestDispatcher.class);
    /** Longest text a shipment command accepts in one field. */
    private static final int MAX_TEXT = 200;

    private final DeliveryPlatforms platforms;
    private final PlatformRequestLog requestLog;
    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final Clock clock;
    private final Duration callTimeout;

    PlatformRequestDispatcher(DeliveryPlatforms platforms, PlatformRequestLog requestLog,
                              CommandGateway commandGateway, EventStore eventStore, Clock clock,
                              PlatformProperties properties) {
        this.platforms = platforms;
        this.requestLog = requestLog;
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.clock = clock;
        this.callTimeout = properties.callTimeout();
    }

    @EventHandler
    void on(PlatformShipmentRequested event) {
        dispatch(event.shipmentId(), event.tenantId(), event.requestId(), event.platformId(),
                PlatformOperation.CREATE_SHIPMENT, platform -> platform.createShipment(createRequest(event)));
    }

    @EventHandler
    void on(RedeliveryRequested event) {
        dispatch(event.shipmentId(), event.tenantId(), event.requestId(), event.platformId(),
                PlatformOperation.REDELIVERY, platform -> platform.requestRedelivery(new RedeliveryRequest(
                        event.requestId(), event.tenantId(), event.shipmentId(), event.providerShipmentId(),
                        event.trackingNumber(), event.failedAttempts())));
    }

    @EventHandler
    void on(ReturnRequested event) {
        dispatch(event.shipmentId(), event.tenantId(), event.requestId(), event.platformId(),
                PlatformOperation.RETURN, platform -> platform.requestReturn(new ReturnRequest(event.requestId(),
                        event.tenantId(), event.shipmentId(), event.providerShipmentId(), event.trackingNumber(),
                        event.reason())));
    }

    @EventHandler
    void on(ReturnCancelled event) {
        String returnReference = requestLog.platformReference(event.returnRequestId()).orElse(null);
        dispatch(event.shipmentId(), event.tenantId(), event.requestId(), event.platformId(),
                PlatformOperation.CANCEL, platform -> platform.cancel(new CancelRequest(event.requestId(),
                        event.tenantId(), event.shipmentId(), event.returnRequestId(), PlatformOperation.RETURN,
                        returnReference, event.reason())));
    }

    @EventHandler
    void on(PlatformCancellationRequested event) {
        String reference = requestLog.platformReference(event.cancelledRequestId()).orElse(null);
        dispatch(event.shipmentId(), event.tenantId(), event.requestId(), event.platformId(),
                PlatformOperation.CANCEL, platform -> platform.cancel(new CancelRequest(event.requestId(),
                        event.tenantId(), event.shipmentId(), event.cancelledRequestId(),
                        event.cancelledOperation(), reference, event.reason())));
    }

    private void dispatch(ShipmentId shipmentId, TenantId tenantId, String requestId, PartnerId platformId,
                          PlatformOperation operation,
                          Function<DeliveryPlatform, CompletionStage<PlatformResponse>> call) {
        Outcome outcome = requestLog.outcome(requestId).orElse(null);
        if (outcome == null) {
            requestLog.start(new Entry(requestId, tenantId.value(), shipmentId.value(),
                    platformId == null ? null : platformId.value(), operation.name()), clock.instant());
            outcome = platforms.find(platformId)
                    .map(platform -> send(platform, requestId, operation, call))
                    .orElseGet(() -> Outcome.failed(PlatformFailure.NOT_CONFIGURED, null,
                            "no adapter is configured for delivery platform " + platformId));
            requestLog.finish(requestId, outcome, clock.instant());
        } else {
            log.info("Platform request {} already has outcome {}; recording it again without a call", requestId,
                    outcome.isAccepted() ? "ACCEPTED" : outcome.failure());
        }
        record(shipmentId, tenantId, requestId, outcome);
    }

    private Outcome send(DeliveryPlatform platform, String requestId, PlatformOperation operation,
                         Function<DeliveryPlatform, CompletionStage<PlatformResponse>> call) {
        CompletableFuture<PlatformResponse> pending = null;
        try {
            pending = call.apply(platform).toCompletableFuture();
            PlatformResponse response = pending.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response instanceof Rejected rejected) {
                log.info("Platform {} rejected {} request {}: {} {}", platform.id(), operation, requestId,
                        rejected.code(), rejected.reason());
                return Outcome.failed(PlatformFailure.REJECTED, rejected.code(), shorten(rejected.reason()));
            }
            Accepted accepted = (Accepted) response;
            if (operation == PlatformOperation.CREATE_SHIPMENT && !complete(accepted)) {
                log.warn("Platform {} accepted request {} without id, tracking number or carrier: {}", platform.id(),
                        requestId, accepted);
                return Outcome.failed(PlatformFailure.UNAVAILABLE, "INCOMPLETE_ANSWER",
                        "the platform accepted the shipment without id, tracking number or carrier");
            }
            return Outcome.accepted(accepted.platformReference(), accepted.trackingNumber(), accepted.carrier());
        } catch (TimeoutException e) {
            pending.cancel(true);
            return timedOut(platform, requestId, operation);
        } catch (ExecutionException e) {
            if (causedByTimeout(e.getCause())) {
                return timedOut(platform, requestId, operation);
            }
            log.warn("Platform {} failed {} request {}: {}", platform.id(), operation, requestId,
                    String.valueOf(e.getCause()));
            return Outcome.failed(PlatformFailure.UNAVAILABLE, null, shorten("platform call failed: "
                    + e.getCause().getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for platform " + platform.id(), e);
        } catch (RuntimeException e) {
            log.warn("Platform {} adapter failed {} request {}", platform.id(), operation, requestId, e);
            return Outcome.failed(PlatformFailure.UNAVAILABLE, null, shorten("platform adapter failed: "
                    + e.getClass().getSimpleName()));
        }
    }

    private Outcome timedOut(DeliveryPlatform platform, String requestId, PlatformOperation operation) {
        log.warn("Platform {} timed out on {} request {} after {}", platform.id(), operation, requestId,
                callTimeout);
        return Outcome.failed(PlatformFailure.TIMED_OUT, null, "timed out after the call timeout of "
                + callTimeout.toMillis() + " ms, retries included");
    }

    private void record(ShipmentId shipmentId, TenantId tenantId, String requestId, Outcome outcome) {
        Object command = outcome.isAccepted()
                ? new RecordPlatformAcceptance(shipmentId, tenantId, requestId, outcome.platformReference(),
                        outcome.trackingNumber(), outcome.carrier(), clock.instant())
                : new RecordPlatformRejection(shipmentId, tenantId, requestId, outcome.failure(), outcome.code(),
                        outcome.reason() == null ? outcome.failure().name() : outcome.reason(), clock.instant());
        try {
            commandGateway.sendAndWait(command);
        } catch (RejectedCommandException rejection) {
            log.warn("Outcome of platform request {} was rejected by shipment {}: {}", requestId, shipmentId,
                    rejection.getMessage());
        }
    }

    /** Reads the order's release, the first event of its stream, for the address and parcel details. */
    private CreateShipmentRequest createRequest(PlatformShipmentRequested event) {
        OrderReleased release = eventStore.readEvents(event.orderId().toString()).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(OrderReleased.class::isInstance)
                .map(OrderReleased.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("order " + event.orderId() + " of shipment "
                        + event.shipmentId() + " has no release event"));
        return new CreateShipmentRequest(event.requestId(), event.tenantId(), event.shipmentId(), event.orderId(),
                release.erpOrderNumber(), release.shipTo(), release.serviceLevel(), release.parcelWeightKg(),
                release.promisedDelivery());
    }

    /** A created shipment can only be tendered with the platform's id, tracking number and carrier. */
    private static boolean complete(Accepted accepted) {
        return isText(accepted.platformReference()) && isText(accepted.trackingNumber()) && isText(accepted.carrier());
    }

    private static boolean isText(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_TEXT;
    }

    private static boolean causedByTimeout(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String reason) {
        if (reason == null) {
            return null;
        }
        return reason.length() <= MAX_TEXT ? reason : reason.substring(0, MAX_TEXT - 1) + "…";
    }
}
