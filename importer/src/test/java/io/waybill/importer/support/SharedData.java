package io.waybill.importer.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the folder of real input data, which is not part of the repository. The system property
 * or environment variable {@code WAYBILL_SHARED_DATA} names it; without either, the folders from
 * the working directory upwards are searched for {@code shared/data}.
 */
public final class SharedData {

    public static final String VARIABLE = "WAYBILL_SHARED_DATA";

    private SharedData() {
    }

    /** Returns the Olist folder, or skips the calling test with a message saying where it was looked for. */
    public static Path olistFolderOrSkip() {
        Path root = root();
        Path olist = root == null ? null : root.resolve("olist");
        assumeTrue(olist != null && Files.isDirectory(olist), () -> "Skipped: no Olist data folder "
                + (olist == null ? "shared/data/olist above " + Path.of("").toAbsolutePath() : olist.toString())
                + "; set " + VARIABLE + " to the shared data folder to run this test");
        return olist;
    }

    private static Path root() {
        String configured = System.getProperty(VARIABLE, System.getenv(VARIABLE));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
