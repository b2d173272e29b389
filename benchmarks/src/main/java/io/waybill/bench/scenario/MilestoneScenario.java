package io.waybill.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.bench.RunContext;
import io.waybill.bench.load.PhaseResult;
import io.waybill.bench.load.Workload;
import io.waybill.bench.load.WorkloadResult;
import io.waybill.bench.load.WorkloadSpec;
import io.waybill.bench.report.PhaseStats;
import io.waybill.bench.report.Row;
import io.waybill.bench.service.ServiceProcess;
import java.util.Optional;

/**
 * Milestone throughput and latency at each client count, on freshly released and tendered shipments,
 * sent one per HTTP request, in HTTP batches, or through the command gateway inside the service.
 */
public final class MilestoneScenario implements Scenario {

    /** Route by which the milestones reach the ledger. */
    public enum Path { HTTP, BATCH, GATEWAY }

    /** Average milestones per generated shipment: 6 to 10, with a few extra steps on some. */
    private static final double MILESTONES_PER_SHIPMENT = 8;
    private static final int SETUP_CLIENTS = 16;
    private static final int MAX_SHIPMENTS = 30_000;

    private final Path path;
    private final int batchItems;
    /** Milestones per second assumed for the next client count, to size its set-up. */
    private double expectedRate;

    /** @param batchItems milestones per request on the batch path; ignored on the others */
    public MilestoneScenario(Path path, int batchItems) {
        this.path = path;
        this.batchItems = path == Path.BATCH ? batchItems : 0;
        this.expectedRate = path == Path.HTTP ? 800 : 2_500;
    }

    @Override
    public String key() {
        return switch (path) {
            case HTTP -> "http";
            case BATCH -> "batch";
            case GATEWAY -> "gateway";
        };
    }

    @Override
    public String title() {
        return switch (path) {
            case HTTP -> "milestones, HTTP, 1 per request";
            case BATCH -> "milestones, HTTP, " + batchItems + " per request";
            case GATEWAY -> "milestones, command gateway";
        };
    }

    @Override
    public Optional<String> unavailable(RunContext run) {
        return Optional.empty();
    }

    @Override
    public void run(RunContext run) {
        PhaseResult lastSetup = null;
        for (int clients : run.options().clients()) {
            WorkloadSpec spec = spec(run, clients);
            RunContext.Measured<WorkloadResult> measured = measure(run, spec);
            WorkloadResult result = measured.value();
            PhaseResult milestones = result.milestones();
            run.window(title() + ", " + clients + " clients", result.startedAtMillis(), result.finishedAtMillis());
            run.report().add(new Row(title(), clients, milestones.itemsPerSecond(), "items/s",
                    milestones.p50Micros(), milestones.p99Micros(), milestones.maxMicros(), milestones.errors(),
                    true, measured.stats(), note(milestones, coverage(measured.stats(), result))));
            expectedRate = Math.max(expectedRate, milestones.itemsPerSecond() * 1.5);
            lastSetup = result.setup();
        }
        if (lastSetup != null && path != Path.BATCH) {
            run.report().add(new Row(path == Path.HTTP ? "set-up, HTTP (release/create/tender)"
                    : "set-up, command gateway", SETUP_CLIENTS, lastSetup.itemsPerSecond(), "commands/s",
                    lastSetup.p50Micros(), lastSetup.p99Micros(), lastSetup.maxMicros(), lastSetup.errors(), false,
                    null, lastSetup.errors() > 0 ? "first error: " + lastSetup.firstError() : null));
        }
    }

    /** Warms the JIT and the connection pools with one phase that is not reported. */
    public void warmUp(RunContext run, long millis) {
        int clients = 16;
        WorkloadSpec spec = new WorkloadSpec(run.nextLabel("warmup-" + key()), RunContext.TENANT,
                run.options().seed(), clients, SETUP_CLIENTS, shipments(millis, 0), batchItems, 0, millis);
        execute(run, spec);
    }

    private WorkloadSpec spec(RunContext run, int clients) {
        long warmup = run.options().warmupMillis();
        long measure = run.options().measureMillis();
        return new WorkloadSpec(run.nextLabel(key() + "-" + clients), RunContext.TENANT, run.options().seed(),
                clients, SETUP_CLIENTS, shipments(warmup + measure, clients), batchItems, warmup, measure);
    }

    /** Sizes the set-up for the phase's length at 1.3 times the expected rate, and at least a few shipments per client. */
    private int shipments(long millis, int clients) {
        double needed = expectedRate * millis / 1000.0 * 1.3 / MILESTONES_PER_SHIPMENT;
        return (int) Math.min(MAX_SHIPMENTS, Math.max(needed, clients * 4L + 50));
    }

    private RunContext.Measured<WorkloadResult> measure(RunContext run, WorkloadSpec spec) {
        if (path == Path.GATEWAY) {
            JsonNode setup = run.service().request("gateway-setup", spec);
            PhaseResult setupResult = read(setup.path("setup"), PhaseResult.class);
            return run.measure(spec.warmupMillis(), () -> {
                WorkloadResult result = read(run.service().request("gateway-run", spec), WorkloadResult.class);
                return new WorkloadResult(setupResult, result.milestones(), result.shipmentsPrepared(),
                        result.startedAtMillis(), result.finishedAtMillis());
            });
        }
        Workload workload = new Workload(run.http());
        Workload.Prepared prepared = workload.prepare(spec);
        return run.measure(spec.warmupMillis(), () -> workload.run(spec, prepared));
    }

    private void execute(RunContext run, WorkloadSpec spec) {
        if (path == Path.GATEWAY) {
            run.service().request("gateway-setup", spec);
            run.service().request("gateway-run", spec);
        } else {
            Workload workload = new Workload(run.http());
            workload.run(spec, workload.prepare(spec));
        }
    }

    /** Returns a remark when the machine figures missed more than a tenth of the measurement window. */
    private static String coverage(PhaseStats stats, WorkloadResult result) {
        long windowEnd = result.startedAtMillis() + Math.round(result.milestones().seconds() * 1000);
        double covered = stats.coverage(result.startedAtMillis(), windowEnd);
        return covered < 0.9 ? String.format(java.util.Locale.ROOT,
                "CPU and database figures cover only %.0f%% of the window (the machine was too busy)", 100 * covered)
                : null;
    }

    private static String note(PhaseResult result, String extra) {
        String note = extra;
        if (result.note() != null) {
            note = note == null ? result.note() : result.note() + "; " + note;
        }
        if (result.errors() > 0) {
            String error = "first error: " + result.firstError();
            note = note == null ? error : note + "; " + error;
        }
        return note;
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        return ServiceProcess.convert(node, type);
    }
}
