package io.waybill.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of tests that drive the real application over HTTP: embedded PostgreSQL in a temporary
 * folder, real Axon processors, real WebFlux. Spring caches the context, so test classes with the
 * same configuration share one running ledger; tests therefore use unique ERP order numbers
 * ({@link #uniqueErpOrderNumber()}) instead of expecting an empty database.
 *
 * <p>The routing and failed-delivery processes are switched off for every tenant but
 * {@link #ROUTED_TENANT}, so tests that create, tender and record milestones by hand (in
 * {@value #TENANT} or a tenant of their own) see only the events they cause. Tests of the processes
 * use {@link #ROUTED_TENANT}, which runs them with the default settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LedgerIntegrationTest {

    protected static final String TENANT = "acme";
    protected static final String ROUTED_TENANT = "acme-routed";

    private static final Path DATA_DIRECTORY = createDataDirectory();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected WebTestClient http;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("waybill.embedded-db.data-directory", () -> DATA_DIRECTORY.resolve("pgdata").toString());
        registry.add("waybill.processes.defaults.routing.enabled", () -> "false");
        registry.add("waybill.processes.defaults.failed-delivery.enabled", () -> "false");
        registry.add("waybill.processes.tenants." + ROUTED_TENANT + ".routing.enabled", () -> "true");
        registry.add("waybill.processes.tenants." + ROUTED_TENANT + ".failed-delivery.enabled", () -> "true");
        registry.add("waybill.tenants." + ReadModels.SAO_PAULO_TENANT + ".time-zone", () -> "America/Sao_Paulo");
    }

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .defaultHeader("X-Tenant-Id", TENANT)
                .defaultHeader("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    protected static String uniqueErpOrderNumber() {
        return "SO-" + UUID.randomUUID();
    }

    protected long eventCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    private static Path createDataDirectory() {
        try {
            return Files.createTempDirectory("waybill-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
