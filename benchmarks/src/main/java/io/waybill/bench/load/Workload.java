package io.waybill.bench.load;

import io.waybill.kernel.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Plays a {@link WorkloadSpec} against a {@link Ledger}: first prepares every shipment (release,
 * create, tender), then lets the milestone clients work through them, each client finishing one
 * shipment's milestones in order before it takes the next. The same code drives HTTP and the
 * in-process command gateway, so the two differ only in the ledger.
 */
public final class Workload {

    /** Maximum time a set-up may take before the phase goes on with the shipments prepared so far. */
    private static final long SETUP_LIMIT_MILLIS = Duration.ofMinutes(3).toMillis();

    private final Ledger ledger;

    public Workload(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Shipments released, created and tendered for a phase, and how fast that went. */
    public record Prepared(PhaseResult setup, Queue<ShipmentPlan> shipments, int count) {
    }

    /** Prepares the phase's shipments: release, create and tender each, by {@code spec.setupClients()} clients. */
    public Prepared prepare(WorkloadSpec spec) {
        Instant base = Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.HOURS);
        PlanGenerator generator = new PlanGenerator(new TenantId(spec.tenant()), spec.label(), spec.seed(), base);
        Queue<ShipmentPlan> unprepared = new ConcurrentLinkedQueue<>(generator.plans(spec.shipments()));
        Queue<ShipmentPlan> prepared = new ConcurrentLinkedQueue<>();
        PhaseResult setup = new ClosedLoop(spec.setupClients(), 0, SETUP_LIMIT_MILLIS)
                .run(client -> new SetupClient(unprepared, prepared)::next, spec.label() + "-setup");
        return new Prepared(setup, prepared, prepared.size());
    }

    /** Sends the prepared shipments' milestones: warm-up first, then the measurement window. */
    public WorkloadResult run(WorkloadSpec spec, Prepared prepared) {
        long startedAt = System.currentTimeMillis() + spec.warmupMillis();
        ClosedLoop loop = new ClosedLoop(spec.clients(), spec.warmupMillis(), spec.measureMillis());
        Queue<ShipmentPlan> shipments = prepared.shipments();
        PhaseResult milestones = loop.run(client -> client(shipments, spec.batchItems()), spec.label());
        return new WorkloadResult(prepared.setup(), milestones, prepared.count(), startedAt,
                System.currentTimeMillis());
    }

    /**
     * Returns a client that works through {@code shipments}: one milestone per request when
     * {@code batchItems} is 0, otherwise batches of about {@code batchItems} milestones.
     */
    public ClosedLoop.Client client(Queue<ShipmentPlan> shipments, int batchItems) {
        return batchItems > 0 ? new BatchClient(shipments, batchItems)::next : new MilestoneClient(shipments)::next;
    }

    /** Runs the three set-up commands of one shipment after another; each is one timed operation. */
    private final class SetupClient {
        private final Queue<ShipmentPlan> unprepared;
        private final Queue<ShipmentPlan> prepared;
        private ShipmentPlan current;
        private int nextStep;

        SetupClient(Queue<ShipmentPlan> unprepared, Queue<ShipmentPlan> prepared) {
            this.unprepared = unprepared;
            this.prepared = prepared;
        }

        int next() {
            if (current == null) {
                current = unprepared.poll();
                nextStep = 0;
                if (current == null) {
                    return -1;
                }
            }
            try {
                switch (nextStep++) {
                    case 0 -> ledger.release(current);
                    case 1 -> ledger.createShipment(current);
                    default -> {
                        ledger.tender(current);
                        prepared.add(current);
                        current = null;
                    }
                }
            } catch (RuntimeException e) {
                current = null;
                throw e;
            }
            return 1;
        }
    }

    /** Sends one milestone per request, working through one shipment at a time. */
    private final class MilestoneClient {
        private final Queue<ShipmentPlan> shipments;
        private ShipmentPlan current;
        private int nextStep;

        MilestoneClient(Queue<ShipmentPlan> shipments) {
            this.shipments = shipments;
        }

        int next() {
            if (current == null || nextStep == current.milestones().size()) {
                current = shipments.poll();
                nextStep = 0;
                if (current == null) {
                    return -1;
                }
            }
            MilestoneStep step = current.milestones().get(nextStep++);
            ledger.recordMilestone(current, step);
            return 1;
        }
    }

    /**
     * Sends batches of about {@code size} milestones drawn from whole shipments, interleaved the way a
     * carrier feed mixes them; within a shipment the items keep their order.
     */
    private final class BatchClient {
        private final Queue<ShipmentPlan> shipments;
        private final int size;

        BatchClient(Queue<ShipmentPlan> shipments, int size) {
            this.shipments = shipments;
            this.size = size;
        }

        int next() {
            List<ShipmentPlan> taken = new ArrayList<>();
            int items = 0;
            while (items < size) {
                ShipmentPlan plan = shipments.poll();
                if (plan == null) {
                    break;
                }
                taken.add(plan);
                items += plan.milestones().size();
            }
            if (taken.isEmpty()) {
                return -1;
            }
            List<Ledger.BatchItem> batch = interleave(taken, items);
            ledger.recordBatch(batch);
            return batch.size();
        }

        private static List<Ledger.BatchItem> interleave(List<ShipmentPlan> plans, int items) {
            List<Ledger.BatchItem> batch = new ArrayList<>(items);
            for (int step = 0; batch.size() < items; step++) {
                for (ShipmentPlan plan : plans) {
                    if (step < plan.milestones().size()) {
                        batch.add(new Ledger.BatchItem(plan, plan.milestones().get(step)));
                    }
                }
            }
            return batch;
        }
    }
}
