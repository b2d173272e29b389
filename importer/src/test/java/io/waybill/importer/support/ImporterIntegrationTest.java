package io.waybill.importer.support;

import io.waybill.gateway.WaybillApplication;
import io.waybill.importer.BootstrapKey;
import io.waybill.importer.client.AdminApi;
import io.waybill.importer.client.ApiRejectedException;
import io.waybill.importer.client.ServiceUnreachableException;
import io.waybill.importer.client.WaybillHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of importer tests that need a running service: the real Waybill application on embedded
 * PostgreSQL in a temporary folder, reached over HTTP. Test classes with this configuration share
 * one running service, so each uses its own tenant from {@link #TENANTS}. Those tenants import
 * history, so the routing and failed-delivery processes are off for them and their time zone is
 * Sao Paulo's, as the importer's in-process service sets them for its tenant.
 */
@SpringBootTest(classes = WaybillApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ImporterIntegrationTest {

    protected static final String FULL_IMPORT_TENANT = "olist-test";
    protected static final String REJECTIONS_TENANT = "olist-rejections";
    private static final String[] TENANTS = {FULL_IMPORT_TENANT, REJECTIONS_TENANT};

    private static final Path DATA_DIRECTORY = createDataDirectory();
    /** Started before Spring starts the service, which prints its first admin key to standard output. */
    private static final BootstrapKey.Recording STARTUP_OUTPUT = BootstrapKey.record();
    private static final Map<String, String> TENANT_KEYS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("waybill.embedded-db.data-directory", () -> DATA_DIRECTORY.resolve("pgdata").toString());
        for (String tenant : TENANTS) {
            registry.add("waybill.processes.tenants." + tenant + ".routing.enabled", () -> "false");
            registry.add("waybill.processes.tenants." + tenant + ".failed-delivery.enabled", () -> "false");
            registry.add("waybill.tenants." + tenant + ".time-zone", () -> "America/Sao_Paulo");
        }
    }

    protected URI url() {
        return URI.create("http://localhost:" + port);
    }

    /** Returns an API key of {@code tenant} with the importer's roles, issued once with the bootstrap admin key. */
    protected String apiKey(String tenant) {
        return TENANT_KEYS.computeIfAbsent(tenant, this::issueKey);
    }

    private String issueKey(String tenant) {
        STARTUP_OUTPUT.stop();
        String admin = STARTUP_OUTPUT.adminKey()
                .orElseThrow(() -> new IllegalStateException("the service printed no admin key at start-up"));
        try {
            return new AdminApi(new WaybillHttp(url(), admin, Duration.ofSeconds(10)))
                    .issueImporterKey(tenant, "importer-test");
        } catch (ApiRejectedException | ServiceUnreachableException e) {
            throw new IllegalStateException("cannot issue a key of tenant " + tenant, e);
        }
    }

    /** Events in the event store, of every tenant. */
    protected long eventCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    private static Path createDataDirectory() {
        try {
            return Files.createTempDirectory("waybill-importer-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
