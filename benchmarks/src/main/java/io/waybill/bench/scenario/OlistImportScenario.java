package io.waybill.bench.scenario;

import io.waybill.bench.RunContext;
import io.waybill.bench.report.Row;
import io.waybill.importer.OlistImport;
import io.waybill.importer.client.AdminApi;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Import of the Olist e-commerce sample (Brazilian orders of 2017) in orders per second, by the
 * {@code importer} module's own import over HTTP, as tenant {@value #TENANT}. The data folder is
 * {@code WAYBILL_SHARED_DATA/olist} (system property or environment variable), or
 * {@code shared/data/olist} in the nearest folder above the working directory that has it. The
 * importer's output goes to {@code olist-import.log} in the run folder.
 */
public final class OlistImportScenario implements Scenario {

    /** Tenant of the import; the harness starts the service with this tenant's processes off, as the importer needs. */
    public static final String TENANT = "olist";
    private static final int CONCURRENCY = 16;
    private static final Duration RETRY_WINDOW = Duration.ofSeconds(60);
    private static final Duration REPORT_WAIT = Duration.ofMinutes(10);

    private final Path runDirectory;

    public OlistImportScenario(Path runDirectory) {
        this.runDirectory = runDirectory;
    }

    @Override
    public String key() {
        return "olist";
    }

    @Override
    public String title() {
        return "Olist import";
    }

    @Override
    public Optional<String> unavailable(RunContext run) {
        return dataFolder().isPresent() ? Optional.empty()
                : Optional.of("no Olist data folder (set WAYBILL_SHARED_DATA to the folder that contains olist/)");
    }

    @Override
    public void run(RunContext run) throws IOException {
        Path data = dataFolder().orElseThrow();
        String key = run.http().issueKey(run.service().adminKey(), TENANT, AdminApi.IMPORTER_ROLES);
        OlistImport.Options options = new OlistImport.Options(data, TENANT, CONCURRENCY, RETRY_WINDOW, REPORT_WAIT);
        try (PrintStream log = new PrintStream(Files.newOutputStream(runDirectory.resolve("olist-import.log")), true,
                StandardCharsets.UTF_8)) {
            RunContext.Measured<OlistImport.Result> measured = run.measure(0, () -> importFolder(run, options, key, log));
            OlistImport.Result result = measured.value();
            double seconds = result.importTime().toMillis() / 1000.0;
            long orders = result.dataset().orders().size();
            String note = String.format(Locale.ROOT,
                    "%,d orders in %.1f s, %d records rejected, exit status %d; the read models caught up and the"
                            + " report was read %.1f s after the last request%s", orders, seconds,
                    result.rejections().size(), result.exitCode(), result.reportTime().toMillis() / 1000.0,
                    result.failure() == null ? "" : "; " + result.failure());
            run.report().add(new Row(title(), CONCURRENCY, seconds > 0 ? orders / seconds : 0, "orders/s", -1, -1, -1,
                    result.rejections().size(), false, measured.stats(), note));
        }
    }

    private static OlistImport.Result importFolder(RunContext run, OlistImport.Options options, String key,
                                                   PrintStream log) {
        try {
            return new OlistImport(options, log, log, false).run(run.service().baseUri(), key);
        } catch (Exception e) {
            throw new IllegalStateException("the Olist import failed: " + e.getMessage(), e);
        }
    }

    private static Optional<Path> dataFolder() {
        String configured = System.getProperty("WAYBILL_SHARED_DATA", System.getenv("WAYBILL_SHARED_DATA"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured, "olist")).filter(Files::isDirectory);
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared").resolve("data").resolve("olist");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
