package io.waybill.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends the load over Waybill's process API with Apache HttpClient's blocking client: HTTP/1.1, one
 * kept-alive pooled connection per concurrent request. Responses are checked by status code and, for
 * a batch, by the count of rejected items.
 */
public final class HttpLedger implements Ledger, AutoCloseable {

    /** Connections kept open; more than the largest client count the harness runs. */
    private static final int MAX_CONNECTIONS = 256;

    private final CloseableHttpClient client;
    private final URI base;
    private final String apiKey;
    private final ObjectMapper json;

    /**
     * @param base   the service's root, for example {@code http://127.0.0.1:8080}
     * @param apiKey API key with the {@code process} role; the service takes the tenant from it
     */
    public HttpLedger(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(60))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        this.json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    @Override
    public void release(ShipmentPlan plan) {
        post("/api/v1/orders", releaseBody(plan), 201);
    }

    @Override
    public void createShipment(ShipmentPlan plan) {
        post("/api/v1/orders/" + plan.orderId() + "/shipments",
                Map.of("shipmentNumber", ShipmentPlan.SHIPMENT_NUMBER, "occurredAt", plan.milestones().get(0)
                        .occurredAt().minus(Duration.ofHours(2))), 201);
    }

    @Override
    public void tender(ShipmentPlan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerId", "sandbox");
        body.put("providerShipmentId", "BP-" + plan.trackingNumber());
        body.put("trackingNumber", plan.trackingNumber());
        body.put("carrier", "Correios");
        body.put("occurredAt", plan.milestones().get(0).occurredAt().minus(Duration.ofHours(1)));
        post("/api/v1/shipments/" + plan.shipmentId() + "/tender", body, 200);
    }

    @Override
    public void recordMilestone(ShipmentPlan plan, MilestoneStep step) {
        int status = send("/api/v1/shipments/" + plan.shipmentId() + "/milestones", milestoneBody(null, step));
        if (status != 201 && status != 200) {
            throw new LedgerException("milestone " + step.sourceEventId() + " returned HTTP " + status);
        }
    }

    @Override
    public void recordBatch(List<BatchItem> items) {
        List<Map<String, Object>> milestones = new ArrayList<>(items.size());
        for (BatchItem item : items) {
            milestones.add(milestoneBody(item.plan().shipmentId().toString(), item.step()));
        }
        String answer = exchange("/api/v1/milestones/batch", Map.of("milestones", milestones), 200);
        if (!answer.contains("\"rejected\":0")) {
            throw new LedgerException("batch of " + items.size() + " had rejected items: "
                    + answer.substring(0, Math.min(answer.length(), 400)));
        }
    }

    private void post(String path, Object body, int expected) {
        exchange(path, body, expected);
    }

    private String exchange(String path, Object body, int expected) {
        Answer response = call(path, body);
        if (response.statusCode() != expected) {
            throw new LedgerException(path + " returned HTTP " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(response.body().length(), 400)));
        }
        return response.body();
    }

    private int send(String path, Object body) {
        return call(path, body).statusCode();
    }

    /**
     * Issues an API key for {@code tenant} with the given roles, using an admin key; returns the key's text.
     */
    public String issueKey(String adminKey, String tenant, List<String> roles) {
        HttpPost request = new HttpPost(base.resolve("/api/v1/admin/api-keys"));
        request.setHeader("Authorization", "ApiKey " + adminKey);
        request.setEntity(new StringEntity(write(Map.of("name", "benchmark-" + tenant, "tenant", tenant,
                "roles", roles)), ContentType.APPLICATION_JSON));
        Answer answer = execute(request, "/api/v1/admin/api-keys");
        if (answer.statusCode() != 201) {
            throw new LedgerException("issuing an API key returned HTTP " + answer.statusCode() + ": " + answer.body());
        }
        try {
            return json.readTree(answer.body()).path("apiKey").asText();
        } catch (JsonProcessingException e) {
            throw new LedgerException("cannot read the issued API key", e);
        }
    }

    /** Sends a POST without body with this ledger's key; returns the status code. */
    public int postEmpty(String path) {
        HttpPost request = new HttpPost(base.resolve(path));
        request.setHeader("Authorization", "ApiKey " + apiKey);
        return execute(request, path).statusCode();
    }

    private Answer call(String path, Object body) {
        HttpPost request = new HttpPost(base.resolve(path));
        request.setHeader("Authorization", "ApiKey " + apiKey);
        request.setEntity(new StringEntity(write(body), ContentType.APPLICATION_JSON));
        return execute(request, path);
    }

    private Answer execute(HttpPost request, String path) {
        try {
            return client.execute(request, response -> new Answer(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new LedgerException(path + " failed: " + e, e);
        }
    }

    /** Status code and body of a response. */
    private record Answer(int statusCode, String body) {
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
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
                    "unitPrice", new BigDecimal("49.90").add(BigDecimal.valueOf(i * 10L))));
        }
        body.put("lines", lines);
        LocalDate promised = LocalDate.ofInstant(plan.milestones().get(0).occurredAt(), ZoneOffset.UTC).plusDays(7);
        body.put("promisedDelivery", Map.of("latestDate", promised));
        body.put("serviceLevel", "STANDARD");
        body.put("parcelWeightKg", new BigDecimal("1.5"));
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
        body.values().removeIf(Objects::isNull);
        return body;
    }
}
