package io.waybill.importer;

import io.waybill.importer.client.AdminApi;
import io.waybill.importer.client.ApiRejectedException;
import io.waybill.importer.client.ServiceUnreachableException;
import io.waybill.importer.client.WaybillHttp;
import io.waybill.importer.olist.InvalidDatasetException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line of the Olist importer. */
@Command(name = "importer", mixinStandardHelpOptions = true,
        description = {
            "Imports the Olist order life cycle (orders, items, customers, payments) into Waybill through its",
            "public HTTP process APIs, then prints a report read back from the service.",
            "Exit status: 0 all records imported, 1 some records rejected, 2 unreadable input,",
            "3 the service stopped answering (rerun the same command to continue)."})
public final class ImporterMain implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FOLDER",
            description = "Folder with the Olist CSV files.")
    Path data;

    @Option(names = "--url", paramLabel = "URL",
            description = "Base URL of a running Waybill service, for example http://localhost:8080, started with"
                    + " the tenant settings in docs/olist.md. Without it the importer starts the service in-process with its defaults (embedded"
                    + " PostgreSQL in .waybill/ under the working directory) and stops it at the end.")
    URI url;

    @Option(names = "--tenant", defaultValue = "olist", paramLabel = "TENANT",
            description = "Tenant to import into (default: ${DEFAULT-VALUE}). The in-process service is set up for"
                    + " it, and a key issued with --admin-key belongs to it; otherwise the API key decides.")
    String tenant;

    @Option(names = "--api-key", defaultValue = "${env:WAYBILL_API_KEY}", paramLabel = "KEY",
            description = "API key of the tenant with the roles process, finance, auditor and admin"
                    + " (default: the WAYBILL_API_KEY environment variable).")
    String apiKey;

    @Option(names = "--admin-key", defaultValue = "${env:WAYBILL_ADMIN_KEY}", paramLabel = "KEY",
            description = "Admin API key without tenant; the importer issues itself a key of the tenant with it"
                    + " (default: the WAYBILL_ADMIN_KEY environment variable).")
    String adminKey;

    @Option(names = "--concurrency", defaultValue = "16", paramLabel = "N",
            description = "Orders imported at the same time (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--retry-for", defaultValue = "60", paramLabel = "SECONDS",
            description = "How long a request is retried while the service is unreachable or busy before it counts"
                    + " as failed (default: ${DEFAULT-VALUE}).")
    long retrySeconds;

    @Option(names = "--report-wait", defaultValue = "600", paramLabel = "SECONDS",
            description = "How long the report waits for the service's read models to process the import"
                    + " (default: ${DEFAULT-VALUE}).")
    long reportWaitSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImporterMain()).execute(args));
    }

    @Override
    public Integer call() {
        if (concurrency < 1) {
            System.err.println("--concurrency must be at least 1, got " + concurrency);
            return OlistImport.EXIT_BAD_INPUT;
        }
        OlistImport.Options options = new OlistImport.Options(data, tenant, concurrency,
                Duration.ofSeconds(Math.max(retrySeconds, 0)), Duration.ofSeconds(Math.max(reportWaitSeconds, 0)));
        OlistImport importer = new OlistImport(options, System.out, System.err, System.console() != null);
        try {
            if (url != null) {
                String key = importerKey(url, apiKey, adminKey);
                return key == null ? OlistImport.EXIT_BAD_INPUT : importer.run(url, key).exitCode();
            }
            System.out.println("Starting Waybill in-process (no --url given)...");
            try (EmbeddedLedger ledger = EmbeddedLedger.start(tenant)) {
                System.out.println("Waybill is listening on " + ledger.url());
                String key = importerKey(ledger.url(), apiKey, adminKey != null ? adminKey
                        : ledger.bootstrapAdminKey().orElse(null));
                return key == null ? OlistImport.EXIT_BAD_INPUT : importer.run(ledger.url(), key).exitCode();
            }
        } catch (InvalidDatasetException e) {
            System.err.println(e.getMessage());
            return OlistImport.EXIT_BAD_INPUT;
        }
    }

    /**
     * Returns the key to import with: the given API key, or a key of the tenant issued with the admin
     * key. Prints why and returns {@code null} when there is neither, or the service rejects the admin key.
     */
    private String importerKey(URI serviceUrl, String tenantKey, String admin) {
        if (tenantKey != null && !tenantKey.isBlank()) {
            return tenantKey.strip();
        }
        if (admin == null || admin.isBlank()) {
            System.err.println("missing API key: give a key of tenant " + tenant + " with --api-key, or an admin key"
                    + " with --admin-key; the service prints an admin key on its first start with a new data"
                    + " directory");
            return null;
        }
        try {
            String issued = new AdminApi(new WaybillHttp(serviceUrl, admin.strip(), Duration.ofSeconds(retrySeconds)))
                    .issueImporterKey(tenant, "olist-importer");
            System.out.println("Issued API key " + issued + " of tenant " + tenant + " with the roles "
                    + String.join(", ", AdminApi.IMPORTER_ROLES) + "; pass it with --api-key to import again or to"
                    + " query the service");
            return issued;
        } catch (ApiRejectedException | ServiceUnreachableException e) {
            System.err.println("cannot issue an API key of tenant " + tenant + " with the admin key: " + e.getMessage());
            return null;
        }
    }
}
