package io.waybill.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs a fixed number of clients, each sending its next operation as soon as the previous one
 * returned. Operations that end inside the measurement window are counted, with their full latency
 * even when they started during the warm-up, so that slow batch requests still count towards the
 * throughput. The window closes at the deadline, or earlier when the first client runs out of work,
 * because from then on fewer clients are busy than the phase claims. A loop whose failures pass
 * {@value #MAX_ERRORS} and a tenth of its operations stops early.
 */
public final class ClosedLoop {

    static final int MAX_ERRORS = 200;
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

    /** One client's work; returns the milestones an operation carried, or -1 when there is no work left. */
    @FunctionalInterface
    public interface Client {
        int next();
    }

    private final int clients;
    private final long warmupNanos;
    private final long measureNanos;

    /**
     * @param clients  concurrent clients, each on its own thread
     * @param warmup   time before the window opens, in milliseconds
     * @param measure  length of the window, in milliseconds
     */
    public ClosedLoop(int clients, long warmup, long measure) {
        this.clients = clients;
        this.warmupNanos = TimeUnit.MILLISECONDS.toNanos(warmup);
        this.measureNanos = TimeUnit.MILLISECONDS.toNanos(measure);
    }

    /** Runs one {@link Client} per thread, made by {@code clientFactory} from the client's number. */
    public PhaseResult run(java.util.function.IntFunction<Client> clientFactory, String name) {
        long start = System.nanoTime();
        long windowStart = start + warmupNanos;
        long deadline = windowStart + measureNanos;
        AtomicLong windowEnd = new AtomicLong(deadline);
        AtomicLong errors = new AtomicLong();
        AtomicLong attempts = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicReference<String> note = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            Worker worker = new Worker(clientFactory.apply(i), windowStart, deadline, windowEnd, errors, attempts,
                    firstError, note);
            worker.thread = new Thread(worker, name + "-" + i);
            worker.thread.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(worker -> worker.thread.start());
        join(workers, deadline);
        return collect(workers, windowStart, windowEnd.get(), errors.get(), firstError.get(), note.get());
    }

    private static void join(List<Worker> workers, long deadline) {
        long graceNanos = TimeUnit.SECONDS.toNanos(70);
        for (Worker worker : workers) {
            long waitMillis = TimeUnit.NANOSECONDS.toMillis(deadline + graceNanos - System.nanoTime());
            try {
                worker.thread.join(Math.max(1, waitMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static PhaseResult collect(List<Worker> workers, long windowStart, long windowEnd, long errors,
                                       String firstError, String note) {
        Histogram total = new Histogram(HIGHEST_MICROS, 3);
        long items = 0;
        for (Worker worker : workers) {
            synchronized (worker) {
                total.add(worker.latencies);
                items += worker.items;
            }
        }
        double seconds = Math.max(0, windowEnd - windowStart) / 1e9;
        return PhaseResult.of(total, items, errors, seconds, firstError, note);
    }

    private static final class Worker implements Runnable {
        private final Client client;
        private final long windowStart;
        private final long deadline;
        private final AtomicLong windowEnd;
        private final AtomicLong errors;
        private final AtomicLong attempts;
        private final AtomicReference<String> firstError;
        private final AtomicReference<String> note;
        private final Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        private long items;
        private Thread thread;

        Worker(Client client, long windowStart, long deadline, AtomicLong windowEnd, AtomicLong errors,
               AtomicLong attempts, AtomicReference<String> firstError, AtomicReference<String> note) {
            this.client = client;
            this.windowStart = windowStart;
            this.deadline = deadline;
            this.windowEnd = windowEnd;
            this.errors = errors;
            this.attempts = attempts;
            this.firstError = firstError;
            this.note = note;
        }

        @Override
        public void run() {
            while (System.nanoTime() < windowEnd.get()) {
                long started = System.nanoTime();
                int carried;
                try {
                    carried = client.next();
                } catch (RuntimeException e) {
                    if (!recordError(e)) {
                        return;
                    }
                    continue;
                }
                long ended = System.nanoTime();
                if (carried < 0) {
                    closeWindow(ended, "clients ran out of prepared shipments");
                    return;
                }
                attempts.incrementAndGet();
                if (ended >= windowStart && ended <= windowEnd.get()) {
                    synchronized (this) {
                        latencies.recordValue(Math.min(HIGHEST_MICROS, (ended - started) / 1_000));
                        items += carried;
                    }
                }
            }
        }

        /** Counts a failure; returns false when the loop should stop because too many failed. */
        private boolean recordError(RuntimeException e) {
            long failed = errors.incrementAndGet();
            firstError.compareAndSet(null, e.getMessage());
            if (failed > MAX_ERRORS && failed * 10 > attempts.get()) {
                closeWindow(System.nanoTime(), "stopped after " + failed + " failures");
                return false;
            }
            return true;
        }

        private void closeWindow(long at, String reason) {
            long end = Math.max(at, windowStart);
            if (end < deadline && windowEnd.getAndAccumulate(end, Math::min) > end) {
                note.compareAndSet(null, reason);
            }
        }
    }
}
