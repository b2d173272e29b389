package io.waybill.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.bench.load.HttpLedger;
import io.waybill.bench.probe.JfrSummary;
import io.waybill.bench.probe.PostgresProbe;
import io.waybill.bench.probe.ProcessCpu;
import io.waybill.bench.report.PhaseStats;
import io.waybill.bench.report.Report;
import io.waybill.bench.service.ServiceProcess;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shared state of a run for every scenario: the options, the running service, its database, the report, and
 * {@link #measure} to take the machine's figures around a measurement window.
 */
public final class RunContext {

    /**
     * Tenant of every generated order; the run's database is fresh, so nothing else uses it. Its API key
     * has the {@code process} and {@code admin} roles.
     */
    public static final String TENANT = "bench";

    private final BenchmarkOptions options;
    private final ServiceProcess service;
    private final PostgresProbe postgres;
    private final HttpLedger http;
    private final Report report;
    private final List<JfrSummary.Window> windows = new ArrayList<>();
    private int phases;

    RunContext(BenchmarkOptions options, ServiceProcess service, Report report) {
        this.options = options;
        this.service = service;
        this.report = report;
        this.postgres = new PostgresProbe(service.jdbcUrl());
        HttpLedger admin = new HttpLedger(service.baseUri(), service.adminKey());
        String key = admin.issueKey(service.adminKey(), TENANT, List.of("process", "admin"));
        admin.close();
        this.http = new HttpLedger(service.baseUri(), key);
    }

    /** A value produced by a measured phase, and the machine's figures for its window. */
    public record Measured<T>(T value, PhaseStats stats) {
    }

    public BenchmarkOptions options() {
        return options;
    }

    public ServiceProcess service() {
        return service;
    }

    public PostgresProbe postgres() {
        return postgres;
    }

    public HttpLedger http() {
        return http;
    }

    public Report report() {
        return report;
    }

    /** Returns a label unique in this run, used as the prefix of a phase's ERP order numbers. */
    public synchronized String nextLabel(String prefix) {
        return prefix + "-" + (++phases);
    }

    /** Remembers a measurement window for the flight recording summary. */
    public synchronized void window(String label, long startMillis, long endMillis) {
        windows.add(new JfrSummary.Window(label, startMillis, endMillis));
    }

    public synchronized List<JfrSummary.Window> windows() {
        return List.copyOf(windows);
    }

    /**
     * Runs {@code work} and takes the machine's figures from the end of its warm-up until it returns:
     * CPU per process, PostgreSQL counters and waits, and the service's collection time. A checkpoint
     * first keeps writes of earlier phases out of the window.
     */
    public <T> Measured<T> measure(long warmupMillis, Supplier<T> work) {
        checkpoint();
        CompletableFuture<T> running = CompletableFuture.supplyAsync(work);
        sleep(warmupMillis);
        long startMillis = System.currentTimeMillis();
        ProcessCpu.Sample cpuBefore = ProcessCpu.sample(service.pid(), service.dataDirectory());
        PostgresProbe.Counters before = counters();
        long gcBefore = gcMillis();
        PostgresProbe.WaitSampler waits = postgres.sampleWaits();
        T value = ServiceProcess.await(running);
        ProcessCpu.Sample cpuAfter = ProcessCpu.sample(service.pid(), service.dataDirectory());
        var waited = waits.stop();
        PostgresProbe.Counters after = counters();
        long gcAfter = gcMillis();
        double seconds = (cpuAfter.nanoTime() - cpuBefore.nanoTime()) / 1e9;
        return new Measured<>(value, new PhaseStats(ProcessCpu.between(cpuBefore, cpuAfter), after.minus(before),
                waited, gcBefore < 0 || gcAfter < 0 ? -1 : gcAfter - gcBefore, seconds, startMillis,
                System.currentTimeMillis()));
    }

    private void checkpoint() {
        try {
            postgres.checkpoint();
        } catch (SQLException e) {
            throw new IllegalStateException("CHECKPOINT failed: " + e.getMessage(), e);
        }
    }

    private PostgresProbe.Counters counters() {
        try {
            return postgres.counters();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL statistics: " + e.getMessage(), e);
        }
    }

    private long gcMillis() {
        JsonNode stats = service.request("stats", null);
        return stats.path("collectionMillis").asLong(-1);
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
