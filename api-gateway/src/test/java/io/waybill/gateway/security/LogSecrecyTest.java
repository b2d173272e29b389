package io.waybill.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import io.waybill.gateway.support.Shipments;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LogSecrecyTest extends LedgerIntegrationTest {

    /** Loggers raised to DEBUG during the test, so that even verbose logging is checked. */
    private static final List<String> VERBOSE = List.of("io.waybill", "org.springframework.security",
            "org.springframework.web", "org.springframework.http", "reactor.netty", "org.axonframework");

    @Autowired
    LoggingSystem logging;

    @BeforeEach
    void verbose() {
        VERBOSE.forEach(name -> logging.setLogLevel(name, LogLevel.DEBUG));
    }

    @AfterEach
    void quiet() {
        VERBOSE.forEach(name -> logging.setLogLevel(name, null));
    }

    @Test
    void keysAndTokensNeverReachTheLog(CapturedOutput output) {
        String token = token("log-user", TENANT, null, Role.PROCESS, Role.ADMIN);
        Map<String, String> issued = Map.of(
                "process", issueKey("{\"name\":\"log-process\",\"roles\":[\"process\"]}"),
                "partner", issueKey("{\"name\":\"log-partner\",\"partnerId\":\"logpost\",\"roles\":[\"partner\"]}"));
        String processKey = issued.get("process");
        String partnerKey = issued.get("partner");
        String wrongSecret = processKey.substring(0, processKey.indexOf('.') + 1) + "C".repeat(43);
        String expired = JWT_ISSUER.expiredToken("log-user", TENANT, List.of("process"));
        String shipmentId = Shipments.tenderedShipment(withBearer(token), uniqueErpOrderNumber(), "logpost");

        withApiKey(processKey).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange().expectStatus().isCreated();
        withApiKey(wrongSecret).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange().expectStatus().isUnauthorized();
        withBearer(expired).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange().expectStatus().isUnauthorized();
        sendSignedMilestone(partnerKey, shipmentId);
        withApiKey(partnerKey).post().uri("/api/v1/partners/probe/shipments/{id}/milestones", shipmentId)
                .bodyValue("{}").exchange().expectStatus().isUnauthorized();

        String log = serverLines(output.getAll());
        assertThat(log).contains(keyId(processKey)).contains(keyId(partnerKey));
        for (String secret : List.of(token, expired, processKey, partnerKey, wrongSecret, secretOf(processKey),
                secretOf(partnerKey))) {
            assertThat(log).doesNotContain(secret);
        }
    }

    /**
     * Drops the lines of the test's own HTTP client. It runs in this JVM and logs the response
     * bodies it receives, and one of them carries a new key. Its lines come from the main thread
     * and from Reactor Netty's client threads, shown as "or-http-epoll-N" in the thread column.
     */
    private static String serverLines(String log) {
        return log.lines()
                .filter(line -> !line.contains("[or-http-epoll-") && !line.contains("[           main]"))
                .collect(Collectors.joining("\n"));
    }

    private String issueKey(String body) {
        return ApiKeyTest.issue(http, body).get("apiKey").asText();
    }

    private void sendSignedMilestone(String partnerKey, String shipmentId) {
        String path = "/api/v1/partners/probe/shipments/" + shipmentId + "/milestones";
        String body = "{\"code\":\"PICKED_UP\",\"occurredAt\":\"2026-12-01T11:00:00Z\",\"sourceEventId\":\"log-1\"}";
        long now = Instant.now().getEpochSecond();
        withApiKey(partnerKey).post().uri(path)
                .header("X-Waybill-Timestamp", Long.toString(now))
                .header("X-Waybill-Signature", "v1=" + hmac(partnerKey, now + ".POST." + path + "." + body))
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated();
    }

    private static String keyId(String key) {
        return key.substring(4, key.indexOf('.'));
    }

    private static String secretOf(String key) {
        return key.substring(key.indexOf('.') + 1);
    }

    private static String hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
