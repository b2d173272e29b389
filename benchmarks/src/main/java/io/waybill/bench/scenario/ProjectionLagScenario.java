package io.waybill.bench.scenario;

import io.waybill.bench.RunContext;
import io.waybill.bench.load.PacedLoop;
import io.waybill.bench.load.PhaseResult;
import io.waybill.bench.load.Workload;
import io.waybill.bench.load.WorkloadSpec;
import io.waybill.bench.probe.LagTracker;
import io.waybill.bench.report.Row;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Projection lag under a steady load: milestones over HTTP at a fixed rate while {@link LagTracker}
 * measures, for every event, how long it took until every projection had it. Sagas and dispatchers,
 * the streaming processors that are not projections, get a row of their own.
 */
public final class ProjectionLagScenario implements Scenario {

    private static final int CLIENTS = 64;
    private static final int SETUP_CLIENTS = 16;
    /** Maximum wait for the processors to work off earlier events before the load starts. */
    private static final long CATCH_UP_MILLIS = 180_000;
    /** Time after the load stops that the tracker keeps waiting for the projections. */
    private static final long DRAIN_MILLIS = 30_000;

    @Override
    public String key() {
        return "lag";
    }

    @Override
    public String title() {
        return "projection lag";
    }

    @Override
    public Optional<String> unavailable(RunContext run) throws Exception {
        return Projections.missing(run);
    }

    @Override
    public void run(RunContext run) throws Exception {
        int rate = run.options().lagRate();
        long millis = run.options().lagMillis();
        int shipments = (int) (rate * millis / 1000 * 1.2 / 6) + CLIENTS;
        WorkloadSpec spec = new WorkloadSpec(run.nextLabel("lag"), RunContext.TENANT, run.options().seed(), CLIENTS,
                SETUP_CLIENTS, shipments, 0, 0, millis);
        Workload workload = new Workload(run.http());
        Workload.Prepared prepared = workload.prepare(spec);
        List<Projections.Group> groups = Projections.groups(run);
        List<Connection> connections = new ArrayList<>();
        try {
            List<LagTracker> trackers = new ArrayList<>();
            for (Projections.Group group : groups) {
                Connection connection = run.postgres().connect();
                connections.add(connection);
                long head = LagTracker.head(connection);
                LagTracker tracker = new LagTracker(connection, group.processors(), head);
                // Start from caught-up processors, so that the figure is lag under the load and not the
                // time to work off the set-up's events.
                tracker.sampleUntilCovered(head, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CATCH_UP_MILLIS));
                trackers.add(tracker);
            }
            AtomicBoolean loadFinished = new AtomicBoolean();
            List<CompletableFuture<Void>> tracking = trackers.stream()
                    .map(tracker -> CompletableFuture.runAsync(() -> track(tracker, loadFinished))).toList();
            RunContext.Measured<PhaseResult> measured;
            long startMillis = System.currentTimeMillis();
            try {
                measured = run.measure(0, () -> new PacedLoop(CLIENTS, rate, millis)
                        .run(client -> workload.client(prepared.shipments(), 0), "lag"));
            } finally {
                loadFinished.set(true);
            }
            run.window(title(), startMillis, System.currentTimeMillis());
            CompletableFuture.allOf(tracking.toArray(CompletableFuture[]::new))
                    .get(DRAIN_MILLIS + 10_000, TimeUnit.MILLISECONDS);
            if (groups.stream().noneMatch(group -> group.title().equals(Projections.PROJECTIONS))) {
                run.report().add(Row.unavailable(title(), Projections.noProjections()));
            }
            for (int i = 0; i < groups.size(); i++) {
                report(run, groups.get(i), trackers.get(i), measured, rate);
            }
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private void report(RunContext run, Projections.Group group, LagTracker tracker,
                        RunContext.Measured<PhaseResult> measured, int rate) {
        Histogram lag = tracker.lagMicros();
        PhaseResult load = measured.value();
        run.report().add(new Row("lag of " + group.title() + " at " + rate + "/s", CLIENTS, load.itemsPerSecond(),
                "items/s", lag.getValueAtPercentile(50), lag.getValueAtPercentile(99), lag.getMaxValue(),
                load.errors(), false, measured.stats(), "latencies are the time until every processor of "
                + group.processors() + " had the event (" + lag.getTotalCount() + " events; " + tracker.uncovered()
                + " not covered " + DRAIN_MILLIS / 1000 + " s after the load)"));
    }

    private static void track(LagTracker tracker, AtomicBoolean loadFinished) {
        try {
            tracker.sampleWhile(loadFinished::get, DRAIN_MILLIS);
        } catch (SQLException e) {
            throw new IllegalStateException("lag sampling failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
