package io.waybill.bench.scenario;

import io.waybill.bench.RunContext;
import io.waybill.bench.probe.LagTracker;
import io.waybill.bench.report.Row;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Full rebuild of every projection, started the way an operator starts it: {@code POST
 * /api/v1/admin/projections/rebuild}, which resets each projection's tokens (its reset handler clears
 * the tables) and starts it again. The harness then reads the projections' tokens until every one
 * of them covers the newest event. The rate is events in the store per second of wall time.
 * The projections rebuild side by side, so each of them read that many events in that time.
 */
public final class RebuildScenario implements Scenario {

    private static final String REBUILD_PATH = "/api/v1/admin/projections/rebuild";
    private static final long LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(5);
    private static final long SETTLE_MILLIS = TimeUnit.MINUTES.toMillis(3);

    @Override
    public String key() {
        return "rebuild";
    }

    @Override
    public String title() {
        return "full rebuild of all projections";
    }

    @Override
    public Optional<String> unavailable(RunContext run) {
        return projections(run).isEmpty() ? Optional.of(Projections.noProjections()) : Optional.empty();
    }

    @Override
    public void run(RunContext run) throws SQLException {
        Set<String> projections = projections(run);
        try (Connection connection = run.postgres().connect()) {
            long head = LagTracker.head(connection);
            settle(run, connection, head);
            long startMillis = System.currentTimeMillis();
            RunContext.Measured<Long> measured = run.measure(0, () -> rebuild(run, connection, projections, head));
            run.window(title(), startMillis, System.currentTimeMillis());
            long millis = measured.value();
            String note = head + " events (highest global index) through " + projections
                    + (millis < 0 ? "; NOT caught up within " + LIMIT_MILLIS / 1000 + " s" : "");
            double seconds = Math.abs(millis) / 1000.0;
            run.report().add(new Row(title(), 0, seconds > 0 ? head / seconds : 0, "events/s", -1, -1, -1, 0, false,
                    measured.stats(), note));
        }
    }

    /**
     * Waits until every processor, sagas included, has worked off the earlier phases' events, so that
     * the window contains the rebuild's work only.
     */
    private static void settle(RunContext run, Connection connection, long head) throws SQLException {
        Set<String> all = new TreeSet<>();
        Projections.groups(run).forEach(group -> all.addAll(group.processors()));
        try {
            new LagTracker(connection, all, head)
                    .sampleUntilCovered(head, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the processors to catch up", e);
        }
    }

    /**
     * Starts the rebuild and returns the milliseconds until every projection's tokens cover {@code head},
     * negative on time-out. In test runs with Axon 4.13 the processors' replay flag stayed set after the
     * last event was processed, so the tokens, not that flag, tell when the rebuild is done.
     */
    private static long rebuild(RunContext run, Connection connection, Set<String> projections, long head) {
        long start = System.nanoTime();
        int status = run.http().postEmpty(REBUILD_PATH);
        if (status != 202) {
            throw new IllegalStateException(REBUILD_PATH + " returned HTTP " + status);
        }
        try {
            long done = new LagTracker(connection, projections, head)
                    .sampleUntilCovered(head, start + TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS));
            long end = done < 0 ? System.nanoTime() : done;
            long millis = TimeUnit.NANOSECONDS.toMillis(end - start);
            return done < 0 ? -millis : millis;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the projections' tokens: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rebuild", e);
        }
    }

    private static Set<String> projections(RunContext run) {
        return Projections.groups(run).stream()
                .filter(group -> group.title().equals(Projections.PROJECTIONS))
                .map(Projections.Group::processors)
                .findFirst().orElse(Set.of());
    }
}
