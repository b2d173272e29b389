package io.waybill.bench.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * Measures the lag of a group of event processors from the database: every {@value #SAMPLE_MILLIS} ms
 * it reads the events appended since the last look and the processors' tokens, and for each event that
 * every processor of the group now covers records {@code now - event timestamp}. The event timestamp is the time Axon created the
 * event message in the service, on the same machine clock, so the lag includes the command's own
 * commit. The sampling interval bounds the resolution.
 */
public final class LagTracker {

    static final long SAMPLE_MILLIS = 20;
    /** Indexes below the last seen one by this much are read again, for events that committed late. */
    private static final long LATE_COMMIT_WINDOW = 500;

    private final Connection connection;
    private final ProcessorTokens tokens = new ProcessorTokens();
    private final Deque<long[]> pending = new ArrayDeque<>();
    private final Set<Long> seen = new HashSet<>();
    private final Histogram lagMicros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final Set<String> processors;
    private final long startAfter;
    private long lastSeen;

    /**
     * @param processors names of the event processors whose lag is measured
     * @param startAfter global index of the last event that should not be measured
     */
    public LagTracker(Connection connection, Set<String> processors, long startAfter) {
        this.connection = connection;
        this.processors = Set.copyOf(processors);
        this.startAfter = startAfter;
        this.lastSeen = startAfter;
    }

    /** Global index of the newest event in the store, or 0 for an empty store. */
    public static long head(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(max(globalindex), 0) FROM domainevententry");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Samples until {@code loadFinished} is true and every event seen is covered, or until
     * {@code drainMillis} passed after the load finished.
     */
    public void sampleWhile(BooleanSupplier loadFinished, long drainMillis) throws SQLException, InterruptedException {
        long finishedAt = -1;
        while (true) {
            sampleOnce();
            if (finishedAt < 0 && loadFinished.getAsBoolean()) {
                finishedAt = System.nanoTime();
                sampleOnce();
            }
            if (finishedAt >= 0 && (pending.isEmpty()
                    || System.nanoTime() - finishedAt > TimeUnit.MILLISECONDS.toNanos(drainMillis))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
        }
    }

    /**
     * Samples until every processor of the group covers {@code headIndex} or the limit passes; returns
     * the {@code System.nanoTime()} when that happened, or -1.
     */
    public long sampleUntilCovered(long headIndex, long limitNanos) throws SQLException, InterruptedException {
        while (System.nanoTime() < limitNanos) {
            Map<String, List<ProcessorTokens.Position>> positions = tokens.read(connection, processors);
            if (positions.keySet().containsAll(processors) && ProcessorTokens.allCover(positions, headIndex)) {
                return System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return -1;
    }

    public Histogram lagMicros() {
        return lagMicros;
    }

    public int uncovered() {
        return pending.size();
    }

    private void sampleOnce() throws SQLException {
        readNewEvents();
        Map<String, List<ProcessorTokens.Position>> positions = tokens.read(connection, processors);
        long now = System.currentTimeMillis();
        pending.removeIf(event -> {
            if (!ProcessorTokens.allCover(positions, event[0])) {
                return false;
            }
            lagMicros.recordValue(Math.max(0, now - event[1]) * 1_000);
            return true;
        });
    }

    private void readNewEvents() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT globalindex, timestamp FROM domainevententry WHERE globalindex > ? ORDER BY globalindex")) {
            statement.setLong(1, lastSeen - LATE_COMMIT_WINDOW);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long index = rows.getLong(1);
                    if (index > startAfter && seen.add(index)) {
                        pending.add(new long[] {index, Instant.parse(rows.getString(2)).toEpochMilli()});
                        lastSeen = Math.max(lastSeen, index);
                    }
                }
            }
        }
        seen.removeIf(index -> index <= lastSeen - 2 * LATE_COMMIT_WINDOW);
    }
}
