package io.waybill.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.waybill.gateway.support.StubPlatformServer;
import io.waybill.gateway.support.StubPlatformServer.Answer;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.Address;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.ServiceLevel;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.platform.CreateShipmentRequest;
import io.waybill.shipment.api.platform.PlatformResponse;
import io.waybill.shipment.api.platform.PlatformResponse.Accepted;
import io.waybill.shipment.api.platform.PlatformResponse.Rejected;
import io.waybill.shipment.api.platform.ReturnRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** The REST adapter against a platform stub on 127.0.0.1 that accepts, rejects, fails and times out. */
class HttpDeliveryPlatformTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final OrderId ORDER_ID = OrderId.forErpOrder(TENANT, "SO-1");
    private static final ShipmentId SHIPMENT_ID = ShipmentId.forOrder(ORDER_ID, "1");
    private static final String REQUEST_ID = "create:" + SHIPMENT_ID + ":1:courier-x";

    private StubPlatformServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpDeliveryPlatform adapter(Duration responseTimeout, int maxAttempts, int minimumCallsToOpen) {
        PlatformProperties.Http settings = new PlatformProperties.Http(server.baseUrl(), "secret-key",
                Duration.ofSeconds(2), responseTimeout,
                new PlatformProperties.Retry(maxAttempts, Duration.ofMillis(20), 2.0, Duration.ofMillis(100)),
                new PlatformProperties.CircuitBreaker(50, minimumCallsToOpen, minimumCallsToOpen,
                        Duration.ofMinutes(1)));
        return new HttpDeliveryPlatform(PartnerId.of("courier-x"), settings, WebClient.builder());
    }

    private static CreateShipmentRequest createRequest() {
        return new CreateShipmentRequest(REQUEST_ID, TENANT, SHIPMENT_ID, ORDER_ID, "SO-1",
                new Address("Ana", "Rua Augusta 100", null, "01304-000", "Sao Paulo", "SP", "BR"),
                ServiceLevel.SAME_DAY, new BigDecimal("2.5"), null);
    }

    private static PlatformResponse await(CompletionStage<PlatformResponse> stage)
            throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void acceptedShipmentReturnsPlatformIds() throws Exception {
        server = new StubPlatformServer(request -> Answer.json(201,
                "{\"id\":\"CX-9\",\"trackingNumber\":\"CX000123\",\"carrier\":\"courier-x\",\"extra\":true}"));

        PlatformResponse response = await(adapter(Duration.ofSeconds(2), 3, 10).createShipment(createRequest()));

        assertThat(response).isEqualTo(new Accepted("CX-9", "CX000123", "courier-x"));
        assertThat(server.received()).hasSize(1);
        StubPlatformServer.Received received = server.received().get(0);
        assertThat(received.path()).isEqualTo("/v1/shipments");
        assertThat(received.idempotencyKey()).isEqualTo(REQUEST_ID);
        assertThat(received.authorization()).isEqualTo("Bearer secret-key");
        assertThat(received.body()).contains("\"postalCode\":\"01304-000\"").contains("\"serviceLevel\":\"SAME_DAY\"");
    }

    @Test
    void rejectionIsReturnedWithoutRetry() throws Exception {
        server = new StubPlatformServer(request -> Answer.json(422,
                "{\"code\":\"OUT_OF_AREA\",\"message\":\"we do not deliver to 01304\"}"));

        PlatformResponse response = await(adapter(Duration.ofSeconds(2), 3, 10).createShipment(createRequest()));

        assertThat(response).isEqualTo(new Rejected("OUT_OF_AREA", "we do not deliver to 01304"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void problemDetailRejectionUsesTitleAndStatus() throws Exception {
        server = new StubPlatformServer(request -> Answer.json(409, "{\"title\":\"Duplicate shipment\"}"));

        PlatformResponse response = await(adapter(Duration.ofSeconds(2), 3, 10).createShipment(createRequest()));

        assertThat(response).isEqualTo(new Rejected("HTTP_409", "Duplicate shipment"));
    }

    @Test
    void serverErrorIsRetriedWithSameKey() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = new StubPlatformServer(request -> calls.incrementAndGet() < 3
                ? Answer.json(503, "{\"message\":\"maintenance\"}")
                : Answer.json(201, "{\"id\":\"CX-10\",\"trackingNumber\":\"CX000124\",\"carrier\":\"courier-x\"}"));

        PlatformResponse response = await(adapter(Duration.ofSeconds(2), 3, 10).createShipment(createRequest()));

        assertThat(response).isEqualTo(new Accepted("CX-10", "CX000124", "courier-x"));
        assertThat(server.received()).hasSize(3);
        assertThat(server.received()).extracting(StubPlatformServer.Received::idempotencyKey).containsOnly(REQUEST_ID);
    }

    @Test
    void slowPlatformTimesOutAfterRetries() {
        server = new StubPlatformServer(request -> Answer.delayed(Duration.ofSeconds(3), 201, "{\"id\":\"late\"}"));
        HttpDeliveryPlatform platform = adapter(Duration.ofMillis(200), 2, 10);

        assertThatThrownBy(() -> await(platform.createShipment(createRequest())))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void openCircuitFailsFastWithoutCalling() throws Exception {
        server = new StubPlatformServer(request -> Answer.json(500, "{}"));
        HttpDeliveryPlatform platform = adapter(Duration.ofSeconds(2), 1, 4);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> await(platform.createShipment(createRequest())))
                    .isInstanceOf(ExecutionException.class);
        }
        int callsBeforeOpen = server.received().size();

        assertThat(platform.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> await(platform.createShipment(createRequest())))
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(server.received()).hasSize(callsBeforeOpen);
    }

    @Test
    void returnIsPostedUnderPlatformReference() throws Exception {
        server = new StubPlatformServer(request -> Answer.json(202, "{\"id\":\"RT-1\"}"));

        PlatformResponse response = await(adapter(Duration.ofSeconds(2), 3, 10).requestReturn(new ReturnRequest(
                "return:" + SHIPMENT_ID, TENANT, SHIPMENT_ID, "CX 9/1", "CX000123", "3 failed delivery attempts")));

        assertThat(response).isEqualTo(new Accepted("RT-1", null, null));
        assertThat(server.received().get(0).path()).isEqualTo("/v1/shipments/CX%209%2F1/returns");
    }
}
