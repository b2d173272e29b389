package io.waybill.bench.scenario;

import io.waybill.bench.RunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Import of the Olist e-commerce sample (Brazilian orders of 2017) in orders per second. The data
 * folder is {@code WAYBILL_SHARED_DATA} (system property or environment variable), or the nearest
 * {@code shared/data} above the working directory.
 */
public final class OlistImportScenario implements Scenario {

    @Override
    public String key() {
        return "olist";
    }

    @Override
    public String title() {
        return "Olist import";
    }

    @Override
    public Optional<String> unavailable(RunContext run) {
        Optional<Path> data = dataFolder().map(folder -> folder.resolve("olist")).filter(Files::isDirectory);
        if (data.isEmpty()) {
            return Optional.of("no Olist data folder (set WAYBILL_SHARED_DATA)");
        }
        // TODO: time the service's Olist importer on the files in the data folder once the service has one.
        return Optional.of("the service has no Olist importer");
    }

    @Override
    public void run(RunContext run) {
        throw new UnsupportedOperationException("the service has no Olist importer");
    }

    private static Optional<Path> dataFolder() {
        String configured = System.getProperty("WAYBILL_SHARED_DATA", System.getenv("WAYBILL_SHARED_DATA"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
