package io.waybill.shipment.api.platform;

import io.waybill.kernel.PartnerId;
import java.util.concurrent.CompletionStage;

/**
 * Port to a last-mile delivery platform. Every request carries a {@code requestId} that stays the
 * same when Waybill sends the request again, so an adapter passes it on as the platform's
 * idempotency key.
 *
 * <p>An adapter completes the stage with a {@link PlatformResponse} when the platform responded,
 * accepted or not. It completes the stage exceptionally when no response came: with a
 * {@link java.util.concurrent.TimeoutException} after its timeout, or with another exception when
 * the platform was unreachable or failed. Callers still bound their wait, because a stage may never
 * complete.
 */
public interface DeliveryPlatform {

    /** The partner id that routing policies and shipments use for this platform. */
    PartnerId id();

    CompletionStage<PlatformResponse> createShipment(CreateShipmentRequest request);

    CompletionStage<PlatformResponse> requestRedelivery(RedeliveryRequest request);

    CompletionStage<PlatformResponse> requestReturn(ReturnRequest request);

    CompletionStage<PlatformResponse> cancel(CancelRequest request);
}
