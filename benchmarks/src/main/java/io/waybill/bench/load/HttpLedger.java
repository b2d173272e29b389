package io.waybill.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the load over Waybill's process API with the JDK HTTP client (HTTP/1.1, one kept-alive
 * connection per concurrent request). Responses are checked by status code and, for a batch, by the
 * count of rejected items.
 */
public final class HttpLedger implements Ledger {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final URI base;
    private final ObjectMapper json;

    /** @param base the service's root, for example {@code http://127.0.0.1:8080} */
    public HttpLedger(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    @Override
    public void release(ShipmentPlan plan) {
        post("/api/v1/orders", plan, releaseBody(plan), 201);
    }

    @Override
    public void createShipment(ShipmentPlan plan) {
        post("/api/v1/orders/" + plan.orderId() + "/shipments", plan,
                Map.of("shipmentNumber", ShipmentPlan.SHIPMENT_NUMBER, "occurredAt", plan.milestones().get(0)
                        .occurredAt().minus(Duration.ofHours(2))), 201);
    }

    @Override
    public void tender(ShipmentPlan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerId", "bench-platform");
        body.put("providerShipmentId", "BP-" + plan.trackingNumber());
        body.put("trackingNumber", plan.trackingNumber());
        body.put("carrier", "Correios");
        body.put("occurredAt", plan.milestones().get(0).occurredAt().minus(Duration.ofHours(1)));
        post("/api/v1/shipments/" + plan.shipmentId() + "/tender", plan, body, 200);
    }

    @Override
    public void recordMilestone(ShipmentPlan plan, MilestoneStep step) {
        int status = send("/api/v1/shipments/" + plan.shipmentId() + "/milestones", plan, milestoneBody(null, step));
        if (status != 201 && status != 200) {
            throw new LedgerException("milestone " + step.sourceEventId() + " answered HTTP " + status);
        }
    }

    @Override
    public void recordBatch(List<BatchItem> items) {
        List<Map<String, Object>> milestones = new ArrayList<>(items.size());
        for (BatchItem item : items) {
            milestones.add(milestoneBody(item.plan().shipmentId().toString(), item.step()));
        }
        String answer = exchange("/api/v1/milestones/batch", items.get(0).plan(), Map.of("milestones", milestones), 200);
        if (!answer.contains("\"rejected\":0")) {
            throw new LedgerException("batch of " + items.size() + " had rejected items: "
                    + answer.substring(0, Math.min(answer.length(), 400)));
        }
    }

    private void post(String path, ShipmentPlan plan, Object body, int expected) {
        exchange(path, plan, body, expected);
    }

    private String exchange(String path, ShipmentPlan plan, Object body, int expected) {
        HttpResponse<String> response = call(path, plan, body);
        if (response.statusCode() != expected) {
            throw new LedgerException(path + " answered HTTP " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(response.body().length(), 400)));
        }
        return response.body();
    }

    private int send(String path, ShipmentPlan plan, Object body) {
        return call(path, plan, body).statusCode();
    }

    private HttpResponse<String> call(String path, ShipmentPlan plan, Object body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Tenant-Id", plan.tenantId().value())
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LedgerException(path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(path + " interrupted", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request body", e);
        }
    }

    private static Map<String, Object> releaseBody(ShipmentPlan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("erpOrderNumber", plan.erpOrderNumber());
        body.put("customerReference", "CUST-" + Math.abs(plan.erpOrderNumber().hashCode() % 100_000));
        body.put("shipTo", Map.of("name", "Ana Souza", "line1", "Rua Augusta 100", "postalCode", "01304-000",
                "city", "Sao Paulo", "region", "SP", "countryCode", "BR"));
        body.put("currency", "BRL");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < plan.lines(); i++) {
            lines.add(Map.of("sku", "SKU-" + (1000 + i * 17), "quantity", 1 + i % 3,
                    "unitPrice", new java.math.BigDecimal("49.90").add(java.math.BigDecimal.valueOf(i * 10))));
        }
        body.put("lines", lines);
        LocalDate promised = LocalDate.ofInstant(plan.milestones().get(0).occurredAt(), ZoneOffset.UTC).plusDays(7);
        body.put("promisedDelivery", Map.of("latestDate", promised));
        body.put("serviceLevel", "STANDARD");
        body.put("parcelWeightKg", new java.math.BigDecimal("1.5"));
        body.put("releasedAt", plan.milestones().get(0).occurredAt().minus(Duration.ofHours(3)));
        return body;
    }

    private static Map<String, Object> milestoneBody(String shipmentId, MilestoneStep step) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (shipmentId != null) {
            body.put("shipmentId", shipmentId);
        }
        body.put("code", step.code());
        body.put("occurredAt", step.occurredAt());
        body.put("sourceEventId", step.sourceEventId());
        body.put("source", "carrier:bench");
        body.put("rawCode", step.rawCode());
        body.put("reason", step.reason());
        body.put("description", step.description());
        body.put("location", step.location());
        body.put("proofOfDelivery", step.proofOfDelivery());
        body.put("estimatedDelivery", step.estimatedDelivery());
        body.put("attemptNumber", step.attemptNumber());
        body.values().removeIf(java.util.Objects::isNull);
        return body;
    }
}
