package io.waybill.bench.scenario;

import io.waybill.bench.RunContext;
import io.waybill.bench.load.ClosedLoop;
import io.waybill.bench.load.PhaseResult;
import io.waybill.bench.load.Workload;
import io.waybill.bench.load.WorkloadSpec;
import io.waybill.bench.probe.LagTracker;
import io.waybill.bench.report.Row;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Time for every projection to catch up after a burst: the milestones of many shipments sent as fast
 * as the ledger takes them in batches, then the time from the last response until every processor's
 * token covers the newest event.
 */
public final class CatchUpScenario implements Scenario {

    private static final int CLIENTS = 8;
    private static final int SETUP_CLIENTS = 16;
    private static final long BURST_LIMIT_MILLIS = 120_000;
    private static final long CATCH_UP_LIMIT_MILLIS = 300_000;

    @Override
    public String key() {
        return "catch-up";
    }

    @Override
    public String title() {
        return "catch-up after a burst";
    }

    @Override
    public Optional<String> unavailable(RunContext run) throws Exception {
        return Projections.missing(run);
    }

    @Override
    public void run(RunContext run) throws Exception {
        int batch = run.options().batchItems();
        WorkloadSpec spec = new WorkloadSpec(run.nextLabel("burst"), RunContext.TENANT, run.options().seed(), CLIENTS,
                SETUP_CLIENTS, run.options().burstShipments(), batch, 0, BURST_LIMIT_MILLIS);
        Workload workload = new Workload(run.http());
        Workload.Prepared prepared = workload.prepare(spec);
        List<Projections.Group> groups = Projections.groups(run);
        try (Connection connection = run.postgres().connect()) {
            long before = LagTracker.head(connection);
            RunContext.Measured<PhaseResult> measured = run.measure(0, () -> new ClosedLoop(CLIENTS, 0,
                    BURST_LIMIT_MILLIS).run(client -> workload.client(prepared.shipments(), batch), "burst"));
            long burstEnd = System.nanoTime();
            long head = LagTracker.head(connection);
            PhaseResult burst = measured.value();
            if (groups.stream().noneMatch(group -> group.title().equals(Projections.PROJECTIONS))) {
                run.report().add(Row.unavailable(title(), Projections.noProjections()));
            }
            for (Projections.Group group : groups) {
                long caughtUp = new LagTracker(connection, group.processors(), head).sampleUntilCovered(head,
                        burstEnd + TimeUnit.MILLISECONDS.toNanos(CATCH_UP_LIMIT_MILLIS));
                double seconds = caughtUp < 0 ? Double.NaN : (caughtUp - burstEnd) / 1e9;
                run.report().add(new Row(title() + ", " + group.title(), CLIENTS, seconds, "s", -1, -1, -1,
                        burst.errors(), false, measured.stats(), String.format(Locale.ROOT,
                        "burst of %d events in %.1f s (%.0f milestones/s); %s", head - before, burst.seconds(),
                        burst.itemsPerSecond(), caughtUp < 0
                                ? "not caught up within " + CATCH_UP_LIMIT_MILLIS / 1000 + " s"
                                : "the rate column is the seconds from the burst's end until " + group.processors()
                                        + " had its last event")));
            }
        }
    }
}
