package io.waybill.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.bench.probe.JfrSummary;
import io.waybill.bench.probe.ProcessCpu;
import io.waybill.bench.report.Report;
import io.waybill.bench.report.Row;
import io.waybill.bench.scenario.CatchUpScenario;
import io.waybill.bench.scenario.MilestoneScenario;
import io.waybill.bench.scenario.OlistImportScenario;
import io.waybill.bench.scenario.PostgresCeilingScenario;
import io.waybill.bench.scenario.ProjectionLagScenario;
import io.waybill.bench.scenario.RebuildScenario;
import io.waybill.bench.scenario.Scenario;
import io.waybill.bench.service.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the Waybill benchmark: starts the service on a fresh embedded PostgreSQL in a folder of its
 * own, runs every scenario, stops the service and prints the figures. Every phase is bounded in time
 * and in work, and all traffic goes to the service and database this run started on 127.0.0.1.
 */
public final class BenchmarkMain {

    private static final String PROFILE_LABEL_MARKER = "32 clients";

    private BenchmarkMain() {
    }

    public static void main(String[] arguments) throws Exception {
        if (List.of(arguments).contains("--help")) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path runDirectory = runDirectory(options);
        Report report = new Report();
        header(report, options, runDirectory);
        System.out.println("Waybill benchmark: results and logs in " + runDirectory);

        List<String> jvm = new ArrayList<>(options.serviceJvmArguments());
        Path recording = runDirectory.resolve("service.jfr");
        if (options.profile()) {
            jvm.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
        }
        // The harness creates and tenders its shipments through the process API, so routing is off for its
        // tenant. The failed-delivery process keeps its defaults.
        List<String> application = new ArrayList<>(List.of("--server.address=127.0.0.1",
                "--waybill.processes.tenants." + RunContext.TENANT + ".routing.enabled=false"));
        // The Olist import replays history, so its tenant needs the settings the importer documents.
        String olist = "--waybill.processes.tenants." + OlistImportScenario.TENANT;
        application.addAll(List.of(olist + ".routing.enabled=false", olist + ".failed-delivery.enabled=false",
                "--waybill.tenants." + OlistImportScenario.TENANT + ".time-zone=America/Sao_Paulo"));
        application.addAll(options.serviceArguments());

        RunContext run;
        try (ServiceProcess service = ServiceProcess.start(runDirectory, jvm, application)) {
            Thread stopOnExit = new Thread(service::close, "stop-service");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            run = new RunContext(options, service, report);
            run.postgres().settings().forEach((name, value) -> report.header("postgres " + name, value));
            runAll(run, runDirectory);
            memory(run);
            run.http().close();
            service.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        report.header("load average after", MachineInfo.loadAverage());
        if (options.profile()) {
            List<JfrSummary.Profile> profiles = JfrSummary.summarise(recording, run.windows());
            report.profiles(profiles.stream().filter(p -> p.label().contains(PROFILE_LABEL_MARKER)).toList());
            Files.writeString(runDirectory.resolve("profile.txt"), profileText(profiles));
        }
        if (!options.keepData()) {
            deleteTree(runDirectory.resolve("pgdata"));
            deleteTree(runDirectory.resolve("pgbin"));
        }
        String text = render(report);
        System.out.print(text);
        Files.writeString(runDirectory.resolve("results.txt"), text);
    }

    private static void runAll(RunContext run, Path runDirectory) {
        BenchmarkOptions options = run.options();
        MilestoneScenario http = new MilestoneScenario(MilestoneScenario.Path.HTTP, options.batchItems());
        MilestoneScenario batch = new MilestoneScenario(MilestoneScenario.Path.BATCH, options.batchItems());
        MilestoneScenario gateway = new MilestoneScenario(MilestoneScenario.Path.GATEWAY, options.batchItems());
        long warmup = options.warmupMillis() * 2;
        progress("warming up for " + 2 * warmup / 1000 + " s");
        http.warmUp(run, warmup);
        gateway.warmUp(run, warmup);
        List<Scenario> scenarios = List.of(http, batch, gateway, new PostgresCeilingScenario(),
                new ProjectionLagScenario(), new CatchUpScenario(), new RebuildScenario(),
                new OlistImportScenario(runDirectory));
        for (Scenario scenario : scenarios) {
            if (options.quick() && scenario.key().equals("olist") && !options.scenarios().contains("olist")) {
                run.report().add(Row.skipped(scenario.title(),
                        "--quick leaves it out because it imports 10,000 orders; run it with --only=olist"));
            } else if (options.runs(scenario.key())) {
                runOne(run, scenario);
            }
        }
    }

    private static void runOne(RunContext run, Scenario scenario) {
        try {
            Optional<String> missing = scenario.unavailable(run);
            if (missing.isPresent()) {
                progress(scenario.title() + ": not available yet: " + missing.get());
                run.report().add(Row.unavailable(scenario.title(), missing.get()));
                return;
            }
            progress(scenario.title());
            scenario.run(run);
        } catch (Exception e) {
            progress(scenario.title() + " failed: " + e);
            run.report().add(new Row(scenario.title(), 0, Double.NaN, "", -1, -1, -1, 0, false, null,
                    "failed: " + e.getMessage()));
            if (!run.service().isAlive()) {
                throw new IllegalStateException("the service stopped during " + scenario.title(), e);
            }
        }
    }

    private static void memory(RunContext run) {
        JsonNode heap = run.service().request("stats", null);
        ProcessCpu.Memory service = ProcessCpu.memory(run.service().pid());
        long postgres = ProcessCpu.proportionalBytes(ProcessCpu.postgresPids(run.service().dataDirectory()));
        run.report().memory(String.format(Locale.ROOT,
                "peak heap in use %s (committed %s, limit %s), %d collections taking %.1f s in all",
                mib(heap.path("peakUsedBytes").asLong()), mib(heap.path("peakCommittedBytes").asLong()),
                mib(heap.path("maxBytes").asLong()), heap.path("collections").asLong(),
                heap.path("collectionMillis").asLong() / 1000.0));
        run.report().memory("service JVM resident set: now " + mib(service.residentBytes()) + ", peak "
                + mib(service.peakResidentBytes()));
        run.report().memory("PostgreSQL processes together (proportional set size): " + mib(postgres));
    }

    private static void header(Report report, BenchmarkOptions options, Path runDirectory) {
        report.header("date", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        report.header("commit", MachineInfo.gitCommit());
        report.header("machine", MachineInfo.describe());
        report.header("load average before", MachineInfo.loadAverage() + " (1, 5, 15 min; running/total tasks)");
        report.header("phases", String.format(Locale.ROOT,
                "%s: warm-up %d s, window %d s per milestone phase; ceiling window %d s; lag load %d s",
                options.quick() ? "quick" : "full", options.warmupMillis() / 1000, options.measureMillis() / 1000,
                options.ceilingMillis() / 1000, options.lagMillis() / 1000));
        report.header("run folder", runDirectory.toString());
    }

    private static String render(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            out.println();
            report.print(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String profileText(List<JfrSummary.Profile> profiles) {
        Report only = new Report();
        only.profiles(profiles);
        return render(only);
    }

    private static Path runDirectory(BenchmarkOptions options) throws IOException {
        Path parent = options.outputDirectory() != null ? options.outputDirectory() : defaultOutput();
        String name = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        return Files.createDirectories(parent.resolve(name)).toAbsolutePath();
    }

    /** {@code runs} beside the harness's jar, which is {@code benchmarks/target/runs} after a build. */
    private static Path defaultOutput() {
        try {
            Path jar = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolve("runs");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("benchmark-runs");
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    private static void progress(String message) {
        System.out.printf("[%s] %s%n", DateTimeFormatter.ISO_LOCAL_TIME.withZone(ZoneOffset.UTC)
                .format(Instant.now().truncatedTo(ChronoUnit.SECONDS)), message);
    }
}
