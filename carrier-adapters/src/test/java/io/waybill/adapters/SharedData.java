package io.waybill.adapters;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared folder of real partner samples, which is never copied into the repository. It is
 * found from the system property or environment variable {@code WAYBILL_SHARED_DATA}, else by
 * walking up from the working directory to a {@code shared/data} folder. Tests that need it are
 * skipped with a message when it is absent.
 */
public final class SharedData {

    private static final String SETTING = "WAYBILL_SHARED_DATA";

    private SharedData() {
    }

    /** Returns the text of a sample, skipping the calling test when the folder or file is absent. */
    public static String read(String relativePath) {
        Path folder = folder();
        assumeTrue(folder != null, "shared sample folder not found; set " + SETTING
                + " to the folder holding SOURCES.md to run this test");
        Path file = folder.resolve(relativePath);
        assumeTrue(Files.isRegularFile(file), "shared sample " + file + " is absent; this test needs it");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder() {
        String configured = System.getProperty(SETTING, System.getenv(SETTING));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? path : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
