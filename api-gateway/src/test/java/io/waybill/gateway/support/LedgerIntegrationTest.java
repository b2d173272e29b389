package io.waybill.gateway.support;

import io.waybill.gateway.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of tests that drive the real application over HTTP: embedded PostgreSQL in a temporary
 * folder, real Axon processors, real WebFlux, real security. Spring caches the context, so test
 * classes with the same configuration share one running ledger; tests therefore use unique ERP
 * order numbers ({@link #uniqueErpOrderNumber()}) instead of expecting an empty database.
 * <p>
 * Callers authenticate with JWTs from {@link TestJwtIssuer}, a local JWK set server. {@link #http}
 * is a client of tenant {@value #TENANT} holding the roles process, finance, auditor and admin;
 * {@link #clientFor} builds clients with other roles or tenants, {@link #anonymous()} one without
 * credentials. Rate limits are raised far above what tests send, except for the client
 * {@value #RATE_LIMITED_CLIENT}, which may send two process requests per hour.
 *
 * <p>The routing and failed-delivery processes are switched off for every tenant but
 * {@link #ROUTED_TENANT}, so tests that create, tender and record milestones by hand (in
 * {@value #TENANT} or a tenant of their own) see only the events they cause. Tests of the processes
 * use {@link #ROUTED_TENANT}, which runs them with the default settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(LedgerIntegrationTest.TestBeans.class)
public abstract class LedgerIntegrationTest {

    protected static final String TENANT = "acme";
    protected static final String ROUTED_TENANT = "acme-routed";
    /** JWT subject whose process requests are limited to two per hour. */
    protected static final String RATE_LIMITED_CLIENT = "rate-probe";
    protected static final TestJwtIssuer JWT_ISSUER = TestJwtIssuer.start();

    private static final Path DATA_DIRECTORY = createDataDirectory();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected RecordedSpans spans;

    /** Tenant {@value #TENANT} with the roles process, finance, auditor and admin. */
    protected WebTestClient http;

    @DynamicPropertySource
    static void ledgerProperties(DynamicPropertyRegistry registry) {
        registry.add("waybill.embedded-db.data-directory", () -> DATA_DIRECTORY.resolve("pgdata").toString());
        registry.add("waybill.processes.defaults.routing.enabled", () -> "false");
        registry.add("waybill.processes.defaults.failed-delivery.enabled", () -> "false");
        registry.add("waybill.processes.tenants." + ROUTED_TENANT + ".routing.enabled", () -> "true");
        registry.add("waybill.processes.tenants." + ROUTED_TENANT + ".failed-delivery.enabled", () -> "true");
        registry.add("waybill.tenants." + ReadModels.SAO_PAULO_TENANT + ".time-zone", () -> "America/Sao_Paulo");
        // Graceful shutdown waits up to 30 s for open HTTP exchanges, and a test client that leaves a
        // response body unread can keep one open, which only delays the end of the test JVM.
        registry.add("server.shutdown", () -> "immediate");
        registry.add("waybill.security.jwt.issuer-uri", JWT_ISSUER::issuer);
        registry.add("waybill.security.jwt.jwk-set-uri", JWT_ISSUER::jwkSetUri);
        registry.add("waybill.security.jwt.audiences", () -> TestJwtIssuer.AUDIENCE);
        for (String endpointClass : List.of("process", "partner", "finance", "audit", "query", "admin",
                "monitoring", "docs")) {
            registry.add("waybill.rate-limits.endpoint-classes." + endpointClass + ".capacity", () -> "1000000");
            registry.add("waybill.rate-limits.endpoint-classes." + endpointClass + ".period", () -> "1s");
        }
        registry.add("waybill.rate-limits.clients." + RATE_LIMITED_CLIENT + ".process.capacity", () -> "2");
        registry.add("waybill.rate-limits.clients." + RATE_LIMITED_CLIENT + ".process.period", () -> "1h");
    }

    @BeforeEach
    void connect() {
        http = clientFor(TENANT, Role.PROCESS, Role.FINANCE, Role.AUDITOR, Role.ADMIN);
    }

    /** Returns a client of {@code tenant} holding a JWT with these roles and the subject {@code test-user}. */
    protected WebTestClient clientFor(String tenant, Role... roles) {
        return withBearer(token("test-user", tenant, null, roles));
    }

    /** Returns a JWT-authenticated partner client of {@code tenant} speaking for {@code partnerId}. */
    protected WebTestClient partnerClient(String tenant, String partnerId) {
        return withBearer(token("partner-" + partnerId, tenant, partnerId, Role.PARTNER));
    }

    /** Returns a client that sends no credentials. */
    protected WebTestClient anonymous() {
        return client().build();
    }

    /** Returns a client that sends {@code Authorization: ApiKey <key>}. */
    protected WebTestClient withApiKey(String apiKey) {
        return client().defaultHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + apiKey).build();
    }

    protected WebTestClient withBearer(String token) {
        return client().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    /** Signs a JWT; {@code tenant} and {@code partnerId} may be null to leave those claims out. */
    protected static String token(String subject, String tenant, String partnerId, Role... roles) {
        return JWT_ISSUER.token(subject, tenant, partnerId,
                Arrays.stream(roles).map(Role::claimValue).toList());
    }

    protected static String uniqueErpOrderNumber() {
        return "SO-" + UUID.randomUUID();
    }

    protected long eventCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    private WebTestClient.Builder client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
    }

    private static Path createDataDirectory() {
        try {
            return Files.createTempDirectory("waybill-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
        }
    }
}
