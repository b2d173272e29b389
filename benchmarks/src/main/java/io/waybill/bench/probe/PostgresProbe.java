package io.waybill.bench.probe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Reads PostgreSQL's cumulative statistics (pg_stat_database, pg_stat_wal) before and after a phase,
 * and samples what the client backends wait on (pg_stat_activity) while it runs. The figures cover
 * every client of the database, so they describe a phase only while nothing else writes.
 */
public final class PostgresProbe {

    private static final long WAIT_SAMPLE_MILLIS = 20;

    private final String jdbcUrl;

    public PostgresProbe(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Counters of one moment. {@code writeTransactions} (from the next transaction id) and
     * {@code walBytes} (from the WAL insert position) are exact. The others come from the cumulative
     * statistics, which PostgreSQL 15 and later flush from each backend at most once a second (see
     * {@code PGSTAT_MIN_INTERVAL} in its {@code pgstat.c}), so over a window of a few seconds they are estimates.
     */
    public record Counters(long writeTransactions, long walBytes, long commits, long rowsFetched, long walSyncs) {

        public Counters minus(Counters earlier) {
            return new Counters(writeTransactions - earlier.writeTransactions, walBytes - earlier.walBytes,
                    commits - earlier.commits, rowsFetched - earlier.rowsFetched, walSyncs - earlier.walSyncs);
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    public Counters counters() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint,
                            pg_current_wal_insert_lsn() - '0/0'::pg_lsn,
                            d.xact_commit, d.tup_fetched, w.wal_sync
                     FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = current_database()""")) {
            row.next();
            return new Counters(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
        }
    }

    /** Writes dirty pages now, so that no checkpoint of earlier writes runs inside the next phase. */
    public void checkpoint() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    /** The server's version and the settings that decide what a commit costs. */
    public Map<String, String> settings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT name, setting, coalesce(unit, '') FROM pg_settings
                     WHERE name IN ('server_version', 'synchronous_commit', 'fsync', 'full_page_writes',
                                    'wal_sync_method', 'shared_buffers', 'max_connections', 'commit_delay')
                     ORDER BY name""")) {
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2) + rows.getString(3));
            }
        }
        return settings;
    }

    /** Starts sampling wait events; {@link WaitSampler#stop()} returns the counts. */
    public WaitSampler sampleWaits() {
        WaitSampler sampler = new WaitSampler();
        sampler.thread.start();
        return sampler;
    }

    /**
     * Counts, every {@value #WAIT_SAMPLE_MILLIS} ms, what each active client backend is doing: a wait
     * event such as {@code IO:WALSync} or {@code Lock:transactionid}, {@code CPU} when it runs, and
     * {@code idle in transaction} when it waits for the application inside an open transaction.
     */
    public final class WaitSampler {
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        private final AtomicLong samples = new AtomicLong();
        private final Thread thread = new Thread(this::sample, "postgres-wait-sampler");
        private volatile boolean running = true;

        private WaitSampler() {
            thread.setDaemon(true);
        }

        private void sample() {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                // One read-only transaction for all samples, so that sampling adds no commits to the counters.
                // Clearing the statistics snapshot makes each sample read the current state.
                connection.setAutoCommit(false);
                while (running) {
                    statement.execute("SELECT pg_stat_clear_snapshot()");
                    try (ResultSet rows = statement.executeQuery("""
                            SELECT CASE WHEN state = 'idle in transaction' THEN 'idle in transaction'
                                        WHEN wait_event IS NULL THEN 'CPU'
                                        ELSE wait_event_type || ':' || wait_event END
                            FROM pg_stat_activity
                            WHERE backend_type = 'client backend' AND state <> 'idle'
                              AND pid <> pg_backend_pid()""")) {
                        while (rows.next()) {
                            counts.computeIfAbsent(rows.getString(1), key -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    samples.incrementAndGet();
                    TimeUnit.MILLISECONDS.sleep(WAIT_SAMPLE_MILLIS);
                }
                connection.rollback();
            } catch (SQLException e) {
                counts.computeIfAbsent("sampling failed: " + e.getMessage(), key -> new AtomicLong()).incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stops sampling; returns, per state, the average number of backends in it. */
        public Map<String, Double> stop() {
            running = false;
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long taken = Math.max(1, samples.get());
            return counts.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> (double) entry.getValue().get() / taken,
                            (a, b) -> a, LinkedHashMap::new));
        }
    }
}
