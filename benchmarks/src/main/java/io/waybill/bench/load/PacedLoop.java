package io.waybill.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Sends operations at a fixed rate instead of as fast as possible: operation {@code k} is due at
 * {@code start + k / rate}, and the next free client sends it. When the ledger is slower than the
 * rate, operations start late and the achieved rate in the result shows it. Stops at the deadline
 * or when the clients run out of work.
 */
public final class PacedLoop {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

    private final int clients;
    private final double perSecond;
    private final long durationNanos;

    public PacedLoop(int clients, double perSecond, long durationMillis) {
        this.clients = clients;
        this.perSecond = perSecond;
        this.durationNanos = TimeUnit.MILLISECONDS.toNanos(durationMillis);
    }

    public PhaseResult run(IntFunction<ClosedLoop.Client> clientFactory, String name) {
        long start = System.nanoTime();
        long deadline = start + durationNanos;
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong finished = new AtomicLong(deadline);
        AtomicLong lastAnswer = new AtomicLong(start);
        AtomicReference<String> firstError = new AtomicReference<>();
        Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ClosedLoop.Client client = clientFactory.apply(i);
            Thread thread = new Thread(() -> {
                while (true) {
                    long due = start + (long) (next.getAndIncrement() * 1e9 / perSecond);
                    if (due >= deadline) {
                        return;
                    }
                    LockSupport.parkNanos(due - System.nanoTime());
                    long sent = System.nanoTime();
                    try {
                        if (client.next() < 0) {
                            finished.accumulateAndGet(System.nanoTime(), Math::min);
                            return;
                        }
                        long answered = System.nanoTime();
                        lastAnswer.accumulateAndGet(answered, Math::max);
                        long micros = Math.min(HIGHEST_MICROS, (answered - sent) / 1_000);
                        synchronized (latencies) {
                            latencies.recordValue(micros);
                        }
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.getMessage());
                    }
                }
            }, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.NANOSECONDS.toMillis(durationNanos) + TimeUnit.SECONDS.toMillis(70));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // The achieved rate: operations over the time until the last response, which comes after the
        // deadline when the ledger fell behind the schedule.
        double seconds = (Math.max(Math.min(finished.get(), deadline), lastAnswer.get()) - start) / 1e9;
        String note = finished.get() < deadline ? "clients ran out of prepared shipments" : null;
        synchronized (latencies) {
            return PhaseResult.of(latencies, latencies.getTotalCount(), errors.get(), seconds, firstError.get(), note);
        }
    }
}
