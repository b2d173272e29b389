package io.waybill.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.PlatformShipmentRequested;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.platform.CancelRequest;
import io.waybill.shipment.api.platform.CreateShipmentRequest;
import io.waybill.shipment.api.platform.DeliveryPlatform;
import io.waybill.shipment.api.platform.PlatformResponse;
import io.waybill.shipment.api.platform.PlatformResponse.Accepted;
import io.waybill.shipment.api.platform.RedeliveryRequest;
import io.waybill.shipment.api.platform.ReturnRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dispatcher on the real database with a platform that counts its calls. The events are built
 * here rather than recorded, so the shipment does not know their request ids and rejects their
 * outcomes; the tests look at the request log and the calls.
 */
class PlatformRequestDispatcherTest extends LedgerIntegrationTest {

    private static final PartnerId COUNTING = PartnerId.of("counting");

    @Autowired
    private PlatformRequestLog requestLog;
    @Autowired
    private CommandGateway commandGateway;
    @Autowired
    private EventStore eventStore;

    /** A platform that answers every shipment request from a supplier and records the request ids. */
    private static final class CountingPlatform implements DeliveryPlatform {

        private final List<String> requestIds = new CopyOnWriteArrayList<>();
        private final Supplier<CompletionStage<PlatformResponse>> answer;

        CountingPlatform(Supplier<CompletionStage<PlatformResponse>> answer) {
            this.answer = answer;
        }

        @Override
        public PartnerId id() {
            return COUNTING;
        }

        @Override
        public CompletionStage<PlatformResponse> createShipment(CreateShipmentRequest request) {
            requestIds.add(request.requestId());
            return answer.get();
        }

        @Override
        public CompletionStage<PlatformResponse> requestRedelivery(RedeliveryRequest request) {
            throw new UnsupportedOperationException("not used by this test");
        }

        @Override
        public CompletionStage<PlatformResponse> requestReturn(ReturnRequest request) {
            throw new UnsupportedOperationException("not used by this test");
        }

        @Override
        public CompletionStage<PlatformResponse> cancel(CancelRequest request) {
            throw new UnsupportedOperationException("not used by this test");
        }
    }

    private PlatformRequestDispatcher dispatcher(CountingPlatform platform) {
        PlatformProperties properties = new PlatformProperties(Duration.ofMillis(300),
                new PlatformProperties.Sandbox(false, "none", List.of(), null, false, Duration.ZERO), Map.of());
        return new PlatformRequestDispatcher(new DeliveryPlatforms(List.of(platform)), requestLog, commandGateway,
                eventStore, Clock.systemUTC(), properties);
    }

    private PlatformShipmentRequested requestFor(String requestId) {
        JsonNode response = http.post().uri("/api/v1/orders")
                .bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        OrderId orderId = OrderId.parse(response.get("orderId").asText());
        http.post().uri("/api/v1/orders/" + orderId + "/shipments")
                .bodyValue("{}")
                .exchange()
                .expectStatus().isCreated();
        return new PlatformShipmentRequested(ShipmentId.forOrder(orderId, "1"), TenantId.of(TENANT), orderId,
                requestId, COUNTING, Instant.now());
    }

    private Map<String, Object> logRow(String requestId) {
        return jdbc.queryForMap("SELECT * FROM platform_request WHERE request_id = ?", requestId);
    }

    @Test
    void eventHandledTwiceCallsPlatformOnce() {
        CountingPlatform platform = new CountingPlatform(() -> CompletableFuture.completedFuture(
                new Accepted("CNT-1", "CNT000001", "counting-express")));
        PlatformRequestDispatcher dispatcher = dispatcher(platform);
        PlatformShipmentRequested event = requestFor("create:twice:" + uniqueErpOrderNumber());

        dispatcher.on(event);
        dispatcher.on(event);

        assertThat(platform.requestIds).containsExactly(event.requestId());
        Map<String, Object> row = logRow(event.requestId());
        assertThat(row.get("outcome")).isEqualTo("ACCEPTED");
        assertThat(row.get("tracking_number")).isEqualTo("CNT000001");
        assertThat(row.get("platform_id")).isEqualTo("counting");
    }

    @Test
    void platformThatNeverAnswersTimesOut() {
        CountingPlatform platform = new CountingPlatform(CompletableFuture::new);
        PlatformShipmentRequested event = requestFor("create:silent:" + uniqueErpOrderNumber());

        dispatcher(platform).on(event);

        Map<String, Object> row = logRow(event.requestId());
        assertThat(row.get("outcome")).isEqualTo("TIMED_OUT");
        assertThat(row.get("reason")).isEqualTo("timed out after the call timeout of 300 ms, retries included");
    }

    @Test
    void failingPlatformIsUnavailable() {
        CountingPlatform platform = new CountingPlatform(() -> CompletableFuture.failedFuture(
                new IllegalStateException("connection refused")));
        PlatformShipmentRequested event = requestFor("create:failing:" + uniqueErpOrderNumber());

        dispatcher(platform).on(event);

        Map<String, Object> row = logRow(event.requestId());
        assertThat(row.get("outcome")).isEqualTo("UNAVAILABLE");
        assertThat(row.get("reason")).isEqualTo("platform call failed: IllegalStateException");
    }

    @Test
    void acceptanceWithoutTrackingNumberIsUnavailable() {
        CountingPlatform platform = new CountingPlatform(() -> CompletableFuture.completedFuture(
                new Accepted("CNT-2", null, "counting-express")));
        PlatformShipmentRequested event = requestFor("create:incomplete:" + uniqueErpOrderNumber());

        dispatcher(platform).on(event);

        Map<String, Object> row = logRow(event.requestId());
        assertThat(row.get("outcome")).isEqualTo("UNAVAILABLE");
        assertThat(row.get("code")).isEqualTo("INCOMPLETE_ANSWER");
    }

    @Test
    void unknownPlatformIsNotConfigured() {
        PlatformShipmentRequested known = requestFor("create:unknown:" + uniqueErpOrderNumber());
        PlatformShipmentRequested event = new PlatformShipmentRequested(known.shipmentId(), known.tenantId(),
                known.orderId(), known.requestId(), PartnerId.of("nowhere"), known.occurredAt());

        dispatcher(new CountingPlatform(CompletableFuture::new)).on(event);

        Map<String, Object> row = logRow(event.requestId());
        assertThat(row.get("outcome")).isEqualTo("NOT_CONFIGURED");
        assertThat(row.get("reason")).isEqualTo("no adapter is configured for delivery platform nowhere");
    }
}
