package io.waybill.bench.scenario;

import io.waybill.bench.RunContext;
import io.waybill.bench.load.ClosedLoop;
import io.waybill.bench.load.PhaseResult;
import io.waybill.bench.report.Row;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database's ceiling on the same machine in the same run: the milestone events Waybill stored
 * during the run, copied with new ids into a table built like {@code domainevententry} (same columns,
 * keys and indexes), by plain JDBC. Once as one row per transaction, which is the least a command that
 * appends one event must pay, and once as batches of {@value #BATCH_ROWS} rows per transaction.
 */
public final class PostgresCeilingScenario implements Scenario {

    static final int BATCH_ROWS = 100;
    private static final int SAMPLE_ROWS = 2_000;
    private static final String TABLE = "bench_ceiling_event";
    private static final String INSERT = "INSERT INTO " + TABLE + " (eventidentifier, metadata, payload, payloadrevision,"
            + " payloadtype, timestamp, aggregateidentifier, sequencenumber, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One stored event's columns, as read from the event store. */
    private record EventRow(byte[] metadata, byte[] payload, String revision, String payloadType, String timestamp,
                            String type) {
    }

    @Override
    public String key() {
        return "ceiling";
    }

    @Override
    public String title() {
        return "PostgreSQL ceiling";
    }

    @Override
    public Optional<String> unavailable(RunContext run) throws SQLException {
        return sample(run).isEmpty() ? Optional.of("no milestone events in the store to copy; run a milestone scenario first")
                : Optional.empty();
    }

    @Override
    public void run(RunContext run) throws SQLException {
        List<EventRow> rows = sample(run);
        createTable(run);
        try {
            for (int clients : run.options().clients()) {
                measure(run, rows, clients, 1, "PostgreSQL: 1 row per commit", "single");
            }
            for (int clients : run.options().clients()) {
                measure(run, rows, clients, BATCH_ROWS, "PostgreSQL: " + BATCH_ROWS + " rows per commit", "batch");
            }
        } finally {
            dropTable(run);
        }
    }

    private void measure(RunContext run, List<EventRow> rows, int clients, int rowsPerCommit, String title,
                         String kind) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(connect(run, rowsPerCommit > 1));
            }
            long warmup = Math.min(1_000, run.options().ceilingMillis());
            ClosedLoop loop = new ClosedLoop(clients, warmup, run.options().ceilingMillis());
            RunContext.Measured<PhaseResult> measured = run.measure(warmup, () -> loop.run(
                    client -> writer(connections.get(client), rows, client, rowsPerCommit), "ceiling"));
            PhaseResult result = measured.value();
            run.report().ceiling(kind, clients, result.itemsPerSecond());
            run.report().add(new Row(title, clients, result.itemsPerSecond(), "rows/s", result.p50Micros(),
                    result.p99Micros(), result.maxMicros(), result.errors(), false, measured.stats(),
                    result.errors() > 0 ? "first error: " + result.firstError() : result.note()));
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** Returns a client that inserts {@code rowsPerCommit} rows per transaction, cycling through the sample. */
    private static ClosedLoop.Client writer(Connection connection, List<EventRow> rows, int client, int rowsPerCommit) {
        String aggregatePrefix = "ceiling-" + client + "-" + UUID.randomUUID() + "-";
        long[] written = {0};
        return () -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < rowsPerCommit; i++) {
                    long n = written[0]++;
                    bind(insert, rows.get((int) (n % rows.size())), aggregatePrefix + n / 8, n % 8);
                    if (rowsPerCommit > 1) {
                        insert.addBatch();
                    }
                }
                if (rowsPerCommit > 1) {
                    insert.executeBatch();
                    connection.commit();
                } else {
                    insert.executeUpdate();
                }
                return rowsPerCommit;
            } catch (SQLException e) {
                throw new IllegalStateException("insert failed: " + e.getMessage(), e);
            }
        };
    }

    private static void bind(PreparedStatement insert, EventRow row, String aggregate, long sequence)
            throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setBytes(2, row.metadata());
        insert.setBytes(3, row.payload());
        insert.setString(4, row.revision());
        insert.setString(5, row.payloadType());
        insert.setString(6, row.timestamp());
        insert.setString(7, aggregate);
        insert.setLong(8, sequence);
        insert.setString(9, row.type());
    }

    /**
     * Opens a connection; for batches, with pgJDBC's {@code reWriteBatchedInserts}, which sends a batch as
     * multi-row INSERT statements.
     */
    private static Connection connect(RunContext run, boolean batched) throws SQLException {
        String url = run.service().jdbcUrl() + (batched ? "&reWriteBatchedInserts=true" : "");
        Connection connection = DriverManager.getConnection(url);
        connection.setAutoCommit(!batched);
        return connection;
    }

    private static List<EventRow> sample(RunContext run) throws SQLException {
        List<EventRow> rows = new ArrayList<>();
        try (Connection connection = run.postgres().connect();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT metadata, payload, payloadrevision, payloadtype, timestamp, type FROM domainevententry
                     WHERE payloadtype LIKE '%.MilestoneRecorded' ORDER BY globalindex DESC LIMIT ?""")) {
            select.setInt(1, SAMPLE_ROWS);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new EventRow(result.getBytes(1), result.getBytes(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6)));
                }
            }
        }
        return rows;
    }

    private static void createTable(RunContext run) throws SQLException {
        try (Connection connection = run.postgres().connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (LIKE domainevententry INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            statement.execute("CREATE SEQUENCE IF NOT EXISTS " + TABLE + "_seq");
            statement.execute("ALTER TABLE " + TABLE + " ALTER COLUMN globalindex SET DEFAULT nextval('" + TABLE + "_seq')");
        }
    }

    private static void dropTable(RunContext run) throws SQLException {
        try (Connection connection = run.postgres().connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("DROP SEQUENCE IF EXISTS " + TABLE + "_seq");
        }
    }
}
