package io.waybill.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line options of the harness. {@code --quick} shortens every phase so that a run takes about
 * two minutes instead of about eight; explicit durations override either.
 *
 * @param clients        client counts of the milestone phases and of the ceiling
 * @param warmupMillis   warm-up of each milestone phase, in milliseconds
 * @param measureMillis  measurement window of each milestone phase, in milliseconds
 * @param ceilingMillis  measurement window of each ceiling phase, in milliseconds
 * @param lagMillis      length of the steady load that projection lag is measured under
 * @param lagRate        milestones per second of that steady load
 * @param burstShipments shipments whose milestones form the catch-up burst
 * @param batchItems     milestones per batch request
 * @param scenarios      which scenarios run; all when empty
 * @param profile        whether the service runs with a flight recording whose summary is printed
 * @param outputDirectory where the run folder goes, or null for {@code benchmarks/target/runs} next to the jar
 */
public record BenchmarkOptions(boolean quick, List<Integer> clients, long warmupMillis, long measureMillis,
                               long ceilingMillis, long lagMillis, int lagRate, int burstShipments, int batchItems,
                               Set<String> scenarios, boolean profile, List<String> serviceJvmArguments,
                               List<String> serviceArguments, Path outputDirectory, boolean keepData, long seed) {

    static final String USAGE = """
            Usage: java -jar benchmarks/target/benchmarks.jar [options]
              --quick                 short phases, about 2 minutes in all (default about 8 minutes)
              --clients=1,8,32,64     concurrent clients of each milestone and ceiling phase
              --warmup=SECONDS        warm-up before each milestone phase (default 4, quick 2)
              --measure=SECONDS       measurement window of each milestone phase (default 10, quick 3)
              --ceiling=SECONDS       measurement window of each PostgreSQL ceiling phase (default 4, quick 2)
              --lag-seconds=SECONDS   steady load for projection lag (default 20, quick 8)
              --lag-rate=PER_SECOND   milestones per second of that load (default 1000)
              --batch=ITEMS           milestones per batch request (default 100, at most 1000)
              --only=NAME,...         run only these scenarios: http, batch, gateway, ceiling, lag,
                                      catch-up, rebuild, olist
              --profile               record the service with Java Flight Recorder and print where CPU went
              --service-jvm=ARG       extra JVM argument for the service (repeatable), e.g. --service-jvm=-Xmx1g
              --service-arg=ARG       extra application argument (repeatable), e.g. --service-arg=--logging.level.root=warn
              --output=DIR            folder for the run's results (default benchmarks/target/runs)
              --keep-data             keep the run's PostgreSQL data folder
              --seed=N                seed of the generated shipments (default 8)
            """;

    static final Set<String> SCENARIOS = Set.of("http", "batch", "gateway", "ceiling", "lag", "catch-up", "rebuild",
            "olist");

    static BenchmarkOptions parse(String[] arguments) {
        boolean quick = Arrays.asList(arguments).contains("--quick");
        Builder builder = new Builder(quick);
        for (String argument : arguments) {
            builder.apply(argument);
        }
        return builder.build();
    }

    public boolean runs(String scenario) {
        return scenarios.isEmpty() || scenarios.contains(scenario);
    }

    private static final class Builder {
        private final boolean quick;
        private List<Integer> clients = List.of(1, 8, 32, 64);
        private long warmup;
        private long measure;
        private long ceiling;
        private long lag;
        private int lagRate = 1_000;
        private int burstShipments;
        private int batchItems = 100;
        private final Set<String> scenarios = new TreeSet<>();
        private boolean profile;
        private final List<String> jvm = new ArrayList<>();
        private final List<String> service = new ArrayList<>();
        private Path output;
        private boolean keepData;
        private long seed = 8;

        Builder(boolean quick) {
            this.quick = quick;
            this.warmup = seconds(quick ? 2 : 4);
            this.measure = seconds(quick ? 3 : 10);
            this.ceiling = seconds(quick ? 2 : 4);
            this.lag = seconds(quick ? 8 : 20);
            this.burstShipments = quick ? 300 : 1_000;
        }

        void apply(String argument) {
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            String value = argument.contains("=") ? argument.substring(argument.indexOf('=') + 1) : "";
            switch (name) {
                case "--quick" -> { }
                case "--clients" -> clients = Arrays.stream(value.split(",")).map(v -> positive(name, v)).toList();
                case "--warmup" -> warmup = seconds(positive(name, value));
                case "--measure" -> measure = seconds(positive(name, value));
                case "--ceiling" -> ceiling = seconds(positive(name, value));
                case "--lag-seconds" -> lag = seconds(positive(name, value));
                case "--lag-rate" -> lagRate = positive(name, value);
                case "--batch" -> batchItems = Math.min(1_000, positive(name, value));
                case "--only" -> scenarios(value);
                case "--profile" -> profile = true;
                case "--service-jvm" -> jvm.add(value);
                case "--service-arg" -> service.add(value);
                case "--output" -> output = Path.of(value);
                case "--keep-data" -> keepData = true;
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + argument + "\n" + USAGE);
            }
        }

        BenchmarkOptions build() {
            return new BenchmarkOptions(quick, clients, warmup, measure, ceiling, lag, lagRate, burstShipments,
                    batchItems, scenarios, profile, jvm, service, output, keepData, seed);
        }

        private void scenarios(String value) {
            for (String scenario : value.split(",")) {
                if (!SCENARIOS.contains(scenario)) {
                    throw new IllegalArgumentException("unknown scenario " + scenario + " in --only; choose from "
                            + new TreeSet<>(SCENARIOS));
                }
                scenarios.add(scenario);
            }
        }

        private static int positive(String option, String value) {
            try {
                int number = Integer.parseInt(value.trim());
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // Reported below with the option's name.
            }
            throw new IllegalArgumentException(option + " needs a positive whole number, got '" + value + "'");
        }

        private static long seconds(int seconds) {
            return seconds * 1_000L;
        }
    }
}
