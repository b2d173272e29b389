package io.waybill.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import io.waybill.gateway.WaybillApplication;
import io.waybill.importer.OlistImport.Result;
import io.waybill.importer.client.AdminApi;
import io.waybill.importer.client.WaybillHttp;
import io.waybill.importer.report.LedgerReport;
import io.waybill.importer.support.OlistExpectations;
import io.waybill.importer.support.OlistSubset;
import io.waybill.importer.support.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stops the service in the middle of an import of real Olist orders, starts it again on the same
 * data, reruns the import, and compares the figures with those worked out from the CSV files.
 */
class RestartDuringImportTest {

    private static final String TENANT = "olist-restart";
    private static final int ORDERS = 500;
    private static final long EVENTS_BEFORE_STOP = 150;

    @Test
    void rerunAfterRestartEndsWithCsvFigures() throws Exception {
        Path subset = OlistSubset.firstOrders(SharedData.olistFolderOrSkip(), ORDERS);
        OlistExpectations expected = OlistExpectations.compute(subset);
        Path dataDirectory = Files.createTempDirectory("waybill-import-restart-").resolve("pgdata");

        Result interrupted;
        String apiKey;
        // Without a graceful shutdown the service stops at once, in the middle of requests.
        BootstrapKey.Started<ConfigurableApplicationContext> started =
                BootstrapKey.capture(() -> start(dataDirectory, "--server.shutdown=immediate"));
        try (ConfigurableApplicationContext first = started.value()) {
            String admin = started.adminKey().orElseThrow();
            apiKey = new AdminApi(new WaybillHttp(url(first), admin, Duration.ofSeconds(10)))
                    .issueImporterKey(TENANT, "importer-test");
            CompletableFuture<Result> run = CompletableFuture.supplyAsync(() -> runImport(subset, url(first), apiKey));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (eventCount(jdbc) < EVENTS_BEFORE_STOP && !run.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.close();
            interrupted = run.get();
        }

        Result rerun;
        long events;
        try (ConfigurableApplicationContext second = start(dataDirectory)) {
            rerun = runImport(subset, url(second), apiKey);
            events = eventCount(second.getBean(JdbcTemplate.class));
        }

        LedgerReport report = rerun.report();
        assertThat(report).as("report of the rerun; failure: %s", rerun.failure()).isNotNull();
        OlistImportTest.assertReport(expected, report);
        assertAll(
                () -> assertThat(interrupted.exitCode()).as("exit code of the interrupted run")
                        .isEqualTo(OlistImport.EXIT_SERVICE_UNREACHABLE),
                () -> assertThat(interrupted.stats().ordersDone()).as("orders attempted before the stop")
                        .isLessThan(ORDERS),
                () -> assertThat(rerun.rejections()).as("rejected records of the rerun").isEmpty(),
                () -> assertThat(events).as("events stored, none twice")
                        .isEqualTo(OlistImportTest.expectedEvents(expected)));
    }

    private static ConfigurableApplicationContext start(Path dataDirectory, String... settings) {
        String[] arguments = new String[settings.length + 5];
        arguments[0] = "--server.port=0";
        arguments[1] = "--waybill.embedded-db.data-directory=" + dataDirectory;
        arguments[2] = "--waybill.processes.tenants." + TENANT + ".routing.enabled=false";
        arguments[3] = "--waybill.processes.tenants." + TENANT + ".failed-delivery.enabled=false";
        arguments[4] = "--waybill.tenants." + TENANT + ".time-zone=America/Sao_Paulo";
        System.arraycopy(settings, 0, arguments, 5, settings.length);
        return new SpringApplicationBuilder(WaybillApplication.class).run(arguments);
    }

    private static URI url(ConfigurableApplicationContext context) {
        return URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static long eventCount(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    private static Result runImport(Path folder, URI url, String apiKey) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        OlistImport.Options options = new OlistImport.Options(folder, TENANT, 8, Duration.ofSeconds(1),
                Duration.ofMinutes(5));
        try {
            return new OlistImport(options, out, out, false).run(url, apiKey);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            System.out.println(output.toString(StandardCharsets.UTF_8));
        }
    }
}
