package io.waybill.gateway.platform;

import io.waybill.kernel.PartnerId;
import io.waybill.shipment.api.platform.CancelRequest;
import io.waybill.shipment.api.platform.CreateShipmentRequest;
import io.waybill.shipment.api.platform.DeliveryPlatform;
import io.waybill.shipment.api.platform.PlatformResponse;
import io.waybill.shipment.api.platform.PlatformResponse.Accepted;
import io.waybill.shipment.api.platform.PlatformResponse.Rejected;
import io.waybill.shipment.api.platform.RedeliveryRequest;
import io.waybill.shipment.api.platform.ReturnRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A delivery platform inside the application, so that an embedded installation routes and tenders
 * orders with no outside system. Its ids and tracking numbers are derived from the request id, so a
 * repeated request gets the same response, as it would from a platform that honours idempotency keys.
 */
class SandboxPlatform implements DeliveryPlatform {

    static final PartnerId ID = PartnerId.of("sandbox");

    private final PlatformProperties.Sandbox settings;

    SandboxPlatform(PlatformProperties.Sandbox settings) {
        this.settings = settings;
    }

    @Override
    public PartnerId id() {
        return ID;
    }

    @Override
    public CompletionStage<PlatformResponse> createShipment(CreateShipmentRequest request) {
        String postalCode = request.shipTo() == null || request.shipTo().postalCode() == null ? ""
                : request.shipTo().postalCode().replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        for (String prefix : settings.rejectPostalCodePrefixes()) {
            if (postalCode.startsWith(prefix)) {
                return answer(new Rejected("OUT_OF_AREA", "the sandbox does not deliver to postal codes starting with "
                        + prefix));
            }
        }
        if (request.parcelWeightKg() != null && request.parcelWeightKg().compareTo(settings.maxWeightKg()) > 0) {
            return answer(new Rejected("WEIGHT_LIMIT_EXCEEDED", "the sandbox carries parcels up to "
                    + settings.maxWeightKg().toPlainString() + " kg"));
        }
        return answer(new Accepted("SBX-" + token(request.requestId(), 12), "SBX" + digits(request.requestId()),
                settings.carrier()));
    }

    @Override
    public CompletionStage<PlatformResponse> requestRedelivery(RedeliveryRequest request) {
        return answer(new Accepted("SBX-RD-" + token(request.requestId(), 10), request.trackingNumber(), null));
    }

    @Override
    public CompletionStage<PlatformResponse> requestReturn(ReturnRequest request) {
        if (settings.rejectReturns()) {
            return answer(new Rejected("RETURN_NOT_ALLOWED", "the sandbox is configured to reject returns"));
        }
        return answer(new Accepted("SBX-RT-" + token(request.requestId(), 10), request.trackingNumber(), null));
    }

    @Override
    public CompletionStage<PlatformResponse> cancel(CancelRequest request) {
        return answer(new Accepted("SBX-CX-" + token(request.requestId(), 10), null, null));
    }

    private CompletionStage<PlatformResponse> answer(PlatformResponse response) {
        if (settings.responseDelay().isZero()) {
            return CompletableFuture.completedFuture(response);
        }
        return CompletableFuture.supplyAsync(() -> response,
                CompletableFuture.delayedExecutor(settings.responseDelay().toMillis(), TimeUnit.MILLISECONDS));
    }

    private static String token(String requestId, int length) {
        return uuid(requestId).toString().replace("-", "").substring(0, length).toUpperCase(Locale.ROOT);
    }

    /** Twelve decimal digits derived from the request id, like a carrier's numeric tracking number. */
    private static String digits(String requestId) {
        long value = uuid(requestId).getMostSignificantBits() & Long.MAX_VALUE;
        return String.format("%012d", value % 1_000_000_000_000L);
    }

    private static UUID uuid(String requestId) {
        return UUID.nameUUIDFromBytes(("waybill:sandbox:" + requestId).getBytes(StandardCharsets.UTF_8));
    }
}
