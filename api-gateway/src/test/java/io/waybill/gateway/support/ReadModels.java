package io.waybill.gateway.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.waybill.settlement.Projection;
import io.waybill.settlement.replay.ProjectionAdmin;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Helpers for tests of the read models, which follow the event store asynchronously. */
public final class ReadModels {

    /** A tenant configured with the America/Sao_Paulo time zone in every integration test context. */
    public static final String SAO_PAULO_TENANT = "finance-sp";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private ReadModels() {
    }

    /** Waits until every projection processed the whole event store and none is replaying. */
    public static void awaitCaughtUp(ProjectionAdmin projections) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(projections::caughtUp);
    }

    /** Returns an md5 over the ordered text of every row of every projection table, by table name. */
    public static Map<String, String> checksums(JdbcTemplate jdbc) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (Projection projection : Projection.values()) {
            for (String table : projection.tables()) {
                String sum = jdbc.queryForObject("SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), "
                        + "'empty') || ':' || count(*) FROM " + table + " t", String.class);
                sums.put(table, sum);
            }
        }
        return sums;
    }

    /** Sends a GET and returns the JSON body, failing unless the status is 200. */
    public static JsonNode get(WebTestClient http, String uri) {
        return read(http.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }

    /** Sends a POST and returns the JSON body, failing unless the status is the given one. */
    public static JsonNode post(WebTestClient http, String uri, String body, int status) {
        return read(http.post().uri(uri).bodyValue(body).exchange().expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    public static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null ? "null" : body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("response is not JSON: " + body, e);
        }
    }
}
