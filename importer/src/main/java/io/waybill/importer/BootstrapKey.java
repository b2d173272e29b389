package io.waybill.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catches the admin API key that the service prints to standard output on its first start with the
 * embedded database. The output still reaches the terminal; a copy is searched for the key.
 */
public final class BootstrapKey {

    private static final Pattern API_KEY = Pattern.compile("wbk_[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{20,}");

    private BootstrapKey() {
    }

    /** The value {@code start} returned, and the admin key it printed, if it printed one. */
    public record Started<T>(T value, Optional<String> adminKey) {
    }

    /** Runs {@code start} while copying standard output, and looks for an API key in the copy. */
    public static <T> Started<T> capture(Supplier<T> start) {
        Recording recording = record();
        T value;
        try {
            value = start.get();
        } finally {
            recording.stop();
        }
        return new Started<>(value, recording.adminKey());
    }

    /** Starts copying standard output until {@link Recording#stop()}. */
    public static Recording record() {
        return new Recording();
    }

    /** A copy of standard output in progress. */
    public static final class Recording {

        private final PrintStream original = System.out;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        private Recording() {
            System.setOut(new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8));
        }

        /** Puts the original standard output back. */
        public void stop() {
            System.out.flush();
            System.setOut(original);
        }

        /** Returns the first API key printed while recording, if any. */
        public synchronized Optional<String> adminKey() {
            Matcher matcher = API_KEY.matcher(copy.toString(StandardCharsets.UTF_8));
            return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
        }
    }

    /** Writes every byte to two streams. */
    private static final class Tee extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
