package io.waybill.importer;

import io.waybill.importer.client.AuditApi;
import io.waybill.importer.client.ChargeApi;
import io.waybill.importer.client.OrderApi;
import io.waybill.importer.client.PaymentApi;
import io.waybill.importer.client.QueryApi;
import io.waybill.importer.client.ShipmentApi;
import io.waybill.importer.client.WaybillHttp;
import io.waybill.importer.mapping.OlistMapping;
import io.waybill.importer.mapping.OrderPlan;
import io.waybill.importer.olist.InvalidDatasetException;
import io.waybill.importer.olist.OlistDataset;
import io.waybill.importer.olist.RejectedRecord;
import io.waybill.importer.report.LedgerReport;
import io.waybill.importer.report.QueryReportReader;
import io.waybill.importer.report.ReportException;
import io.waybill.importer.run.ImportRun;
import io.waybill.importer.run.ImportStats;
import io.waybill.importer.run.Progress;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One import of an Olist folder into a running service, followed by the report read back from it. */
public final class OlistImport {

    /** Exit status when every record was imported. */
    public static final int EXIT_OK = 0;
    /** Exit status when at least one record was rejected. */
    public static final int EXIT_RECORDS_FAILED = 1;
    /** Exit status when the data folder cannot be read. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit status when the service became unreachable; a rerun continues where this one stopped. */
    public static final int EXIT_SERVICE_UNREACHABLE = 3;

    /**
     * @param concurrency    orders in flight at once
     * @param retryWindow    how long a request is retried after temporary failures before it counts as failed
     * @param catchUpTimeout how long the report waits for the read models to process the import
     */
    public record Options(Path data, String tenant, int concurrency, Duration retryWindow, Duration catchUpTimeout) {
    }

    /**
     * Outcome of one import. {@code report} is {@code null} when the import stopped early or the
     * report could not be read, and {@code failure} then gives the reason.
     */
    public record Result(OlistDataset dataset, ImportStats stats, List<RejectedRecord> rejections,
                         LedgerReport report, String failure, int exitCode, Duration importTime,
                         Duration reportTime) {
    }

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    public OlistImport(Options options, PrintStream out, PrintStream err, boolean terminal) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** Imports into the service at {@code url} with an API key of the tenant that has {@code AdminApi.IMPORTER_ROLES}. */
    public Result run(URI url, String apiKey) throws InvalidDatasetException {
        out.println("Reading the Olist files in " + options.data().toAbsolutePath().normalize());
        OlistDataset dataset = OlistDataset.load(options.data());
        List<RejectedRecord> rejections = Collections.synchronizedList(new ArrayList<>(dataset.rejections()));
        dataset.rejections().forEach(rejection -> err.println(rejection.toErrorLine()));
        out.printf(Locale.ROOT, "Read %,d orders, %,d item rows, %,d customers and %,d payment rows"
                        + " (of %,d in the payments file; the others belong to orders outside the orders file)%n",
                dataset.orders().size(), dataset.itemCount(), dataset.customerCount(), dataset.paymentCount(),
                dataset.paymentRowsRead());
        List<OrderPlan> plans = dataset.orders().stream().map(order -> OlistMapping.plan(order, dataset)).toList();
        InputSummary.of(plans, dataset).print(out);

        WaybillHttp http = new WaybillHttp(url, apiKey, options.retryWindow());
        ImportStats stats = new ImportStats();
        out.printf(Locale.ROOT, "Importing into %s as tenant %s, %d orders at a time%n", url, options.tenant(),
                options.concurrency());
        ImportRun run;
        Duration importTime;
        try (Progress progress = new Progress(out, err, terminal, plans.size(), stats, http::requestCount,
                http::retryCount)) {
            run = new ImportRun(new OrderApi(http), new ShipmentApi(http), new PaymentApi(http), new ChargeApi(http),
                    options.concurrency(), stats, rejection -> {
                        rejections.add(rejection);
                        progress.error(rejection.toErrorLine());
                    });
            run.run(plans);
            importTime = progress.elapsed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(dataset, stats, rejections, null, "interrupted", EXIT_SERVICE_UNREACHABLE,
                    Duration.ZERO, Duration.ZERO);
        }
        printSummary(stats, rejections.size(), importTime);

        if (run.stoppedBy() != null) {
            String failure = "stopped early because the service became unreachable: " + run.stoppedBy().getMessage()
                    + "; start it again and rerun the same command, which skips what is already stored";
            err.println(failure);
            return new Result(dataset, stats, rejections, null, failure, EXIT_SERVICE_UNREACHABLE, importTime,
                    Duration.ZERO);
        }

        long reportStart = System.nanoTime();
        LedgerReport report;
        try {
            report = readReport(http, stats, plans);
        } catch (ReportException e) {
            err.println(e.getMessage());
            return new Result(dataset, stats, rejections, null, e.getMessage(), EXIT_SERVICE_UNREACHABLE, importTime,
                    Duration.ZERO);
        }
        Duration reportTime = Duration.ofNanos(System.nanoTime() - reportStart);
        out.println();
        report.print(out);
        out.printf(Locale.ROOT, "Report read in %.1f s%n", reportTime.toMillis() / 1000.0);

        return new Result(dataset, stats, rejections, report, null,
                rejections.isEmpty() ? EXIT_OK : EXIT_RECORDS_FAILED, importTime, reportTime);
    }

    private LedgerReport readReport(WaybillHttp http, ImportStats stats, List<OrderPlan> plans)
            throws ReportException {
        out.println("Waiting for the read models to catch up, then reading the report...");
        Map<String, String> orderIds = stats.waybillOrderIds();
        Map<String, String> shipmentIds = stats.waybillShipmentIds();
        List<String> withoutShipment = new ArrayList<>();
        orderIds.forEach((olistId, orderId) -> {
            if (!shipmentIds.containsKey(olistId)) {
                withoutShipment.add(orderId);
            }
        });
        // Shipments are created at the release time, and the read models count days in the tenant's zone.
        LocalDate firstDay = plans.stream().map(plan -> plan.release().releasedAt()).min(Instant::compareTo)
                .map(at -> at.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1)).orElse(LocalDate.now());
        LocalDate lastDay = plans.stream().map(plan -> plan.release().releasedAt()).max(Instant::compareTo)
                .map(at -> at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1)).orElse(LocalDate.now());
        return new QueryReportReader(new QueryApi(http), new AuditApi(http), options.concurrency(),
                options.catchUpTimeout()).read(withoutShipment, firstDay, lastDay);
    }

    private void printSummary(ImportStats stats, int rejected, Duration elapsed) {
        out.printf(Locale.ROOT, "Import finished in %.1f s: %,d orders (%,d new, %,d already stored), %,d with"
                        + " rejected records%n", elapsed.toMillis() / 1000.0, stats.ordersDone(),
                stats.ordersCreated(), stats.ordersRepeated(), stats.ordersWithRejections());
        out.printf(Locale.ROOT, "  shipments %,d new, %,d already stored; %,d tenders; %,d cancels, %,d holds sent"
                        + "%s%n", stats.shipmentsCreated(), stats.shipmentsRepeated(), stats.tendersSent(),
                stats.cancelsSent(), stats.holdsSent(), stats.cancelsNotSent() == 0 ? ""
                        : String.format(Locale.ROOT, "; %,d cancels not sent because a carrier had the order",
                        stats.cancelsNotSent()));
        out.println("  milestones " + stats.milestoneOutcomes());
        out.printf(Locale.ROOT, "  freight charges %,d new, %,d already stored; payments %,d new, %,d already"
                        + " stored, %,d of 0.00 not sent%n", stats.chargesRecorded(), stats.chargesRepeated(),
                stats.paymentsRecorded(), stats.paymentsRepeated(), stats.zeroPaymentsNotSent());
        out.printf(Locale.ROOT, "  rejected records: %,d; requests that stored something new: %,d%n", rejected,
                stats.changes());
    }
}
