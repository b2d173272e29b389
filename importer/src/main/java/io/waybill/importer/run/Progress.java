package io.waybill.importer.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress line of an import: orders done, rate, requests, retries and rejected records. On a
 * terminal the line is redrawn in place twice a second. Elsewhere, for example in a log file, a new
 * line is written every ten seconds. Error lines go to the error stream, between progress lines.
 */
public final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final long total;
    private final ImportStats stats;
    private final LongSupplier requests;
    private final LongSupplier retries;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private boolean lineOpen;

    public Progress(PrintStream out, PrintStream err, boolean terminal, long total, ImportStats stats,
                    LongSupplier requests, LongSupplier retries) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.total = total;
        this.stats = stats;
        this.requests = requests;
        this.retries = retries;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "import-progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = terminal ? 500 : 10_000;
        timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
    }

    /** Prints one error line to the error stream, after clearing a half-drawn progress line. */
    public synchronized void error(String line) {
        clearLine();
        out.flush();
        err.println(line);
        err.flush();
    }

    public synchronized void print() {
        String line = line();
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Elapsed time since the progress started. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    String line() {
        long done = stats.ordersDone();
        double seconds = Math.max(elapsed().toMillis() / 1000.0, 0.001);
        return String.format(Locale.ROOT, "orders %,d/%,d (%d%%) | %,.0f orders/s | %,d requests | %,d retries"
                        + " | %,d rejected records | %ds",
                done, total, total == 0 ? 100 : done * 100 / total, done / seconds, requests.getAsLong(),
                retries.getAsLong(), stats.rejectedRecords(), (long) seconds);
    }

    private void clearLine() {
        if (lineOpen) {
            out.print("\r\u001b[K");
            lineOpen = false;
        }
    }

    /** Stops the timer and prints the final progress line. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        print();
        if (terminal) {
            out.println();
            lineOpen = false;
        }
    }
}
