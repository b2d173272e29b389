package io.waybill.bench.load;

import io.waybill.kernel.TenantId;
import io.waybill.shipment.api.DeliveryPlace;
import io.waybill.shipment.api.GeoPoint;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates shipment plans that look like carrier traffic: a pick-up, one or more hub scans, an
 * optional delay notice, a failed attempt or a pick-up point now and then, and the delivery with
 * proof. About one shipment in six gets a resent milestone and one in six a milestone that arrives
 * after a later one. The same seed and label give the same plans.
 */
public final class PlanGenerator {

    static final int MIN_MILESTONES = 6;
    static final int MAX_MILESTONES = 10;

    private static final String[][] HUBS = {
            {"GRU hub", "Guarulhos", "SP", "07190-100", "-23.4356", "-46.4731"},
            {"Campinas sorting centre", "Campinas", "SP", "13069-380", "-22.9056", "-47.0608"},
            {"Rio depot", "Rio de Janeiro", "RJ", "20220-360", "-22.8965", "-43.1845"},
            {"Belo Horizonte cross-dock", "Contagem", "MG", "32210-110", "-19.9317", "-44.0536"},
            {"Curitiba hub", "Curitiba", "PR", "81460-000", "-25.5163", "-49.3133"},
            {"Sao Paulo last-mile station", "Sao Paulo", "SP", "01304-000", "-23.5505", "-46.6333"}};

    private final TenantId tenantId;
    private final String label;
    private final long seed;
    private final Instant base;

    /**
     * @param label prefix of every ERP order number, unique per phase so that phases never share an order
     * @param base  time of the first pick-up; milestones follow over the next few days
     */
    public PlanGenerator(TenantId tenantId, String label, long seed, Instant base) {
        this.tenantId = tenantId;
        this.label = label;
        this.seed = seed;
        this.base = base;
    }

    public List<ShipmentPlan> plans(int count) {
        List<ShipmentPlan> plans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            plans.add(plan(i));
        }
        return plans;
    }

    public ShipmentPlan plan(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        String erpOrderNumber = label + "-" + index;
        String tracking = "BR" + Long.toString(Math.abs(random.nextLong()) % 1_000_000_000_000L, 36).toUpperCase();
        Instant start = base.plus(Duration.ofSeconds(random.nextInt(86_400)));
        int target = MIN_MILESTONES + random.nextInt(MAX_MILESTONES - MIN_MILESTONES + 1);
        List<MilestoneStep> steps = milestones(random, tracking, start, target);
        return new ShipmentPlan(tenantId, erpOrderNumber, 1 + random.nextInt(4), tracking, steps);
    }

    private static List<MilestoneStep> milestones(Random random, String tracking, Instant start, int target) {
        boolean resend = random.nextInt(6) == 0;
        boolean late = random.nextInt(6) == 0;
        int ending = random.nextInt(10);
        // Pick-up, out for delivery and delivery; a failed attempt adds two steps, a pick-up point one.
        int fixed = 3 + (resend ? 1 : 0);
        if (ending == 0) {
            fixed += 2;
        } else if (ending == 1) {
            fixed += 1;
        }
        int hubs = Math.max(1, target - fixed);
        List<MilestoneStep> steps = new ArrayList<>(target);
        Clock clock = new Clock(start, random);

        steps.add(step(MilestoneCode.PICKED_UP, "PU", clock.next(), tracking, steps.size(), hub(0), random));
        for (int i = 0; i < hubs; i++) {
            MilestoneCode code = i == 1 && hubs > 2 && random.nextBoolean() ? MilestoneCode.DELAYED : MilestoneCode.IN_TRANSIT;
            Instant at = clock.next();
            MilestoneStep step = step(code, code == MilestoneCode.DELAYED ? "DL" : "IT", at, tracking, steps.size(),
                    hub(1 + random.nextInt(HUBS.length - 2)), random);
            if (code == MilestoneCode.DELAYED) {
                step = withDelay(step, at.plus(Duration.ofDays(1)));
            }
            steps.add(step);
        }
        steps.add(step(MilestoneCode.OUT_FOR_DELIVERY, "OD", clock.next(), tracking, steps.size(), lastMile(), random));
        if (ending == 0) {
            steps.add(failedAttempt(clock.next(), tracking, steps.size(), random));
            steps.add(step(MilestoneCode.OUT_FOR_DELIVERY, "OD", clock.next(), tracking, steps.size(), lastMile(), random));
        } else if (ending == 1) {
            steps.add(step(MilestoneCode.AVAILABLE_FOR_PICKUP, "AP", clock.next(), tracking, steps.size(), lastMile(), random));
        }
        steps.add(delivered(clock.next(), tracking, steps.size(), ending == 1, random));
        if (late) {
            int swap = 1 + random.nextInt(hubs);
            Collections.swap(steps, swap, swap + 1);
        }
        if (resend) {
            steps.add(1 + random.nextInt(steps.size() - 1), steps.get(random.nextInt(steps.size() - 1)));
        }
        return steps;
    }

    private static MilestoneStep step(MilestoneCode code, String rawCode, Instant at, String tracking, int number,
                                      Location location, Random random) {
        return new MilestoneStep(code, at, tracking + "-" + number, rawCode, null,
                describe(code) + " at " + location.facility(), jitter(location, random), null, null, null);
    }

    private static MilestoneStep withDelay(MilestoneStep step, Instant newEstimate) {
        return new MilestoneStep(step.code(), step.occurredAt(), step.sourceEventId(), step.rawCode(),
                ReasonCode.CAPACITY, "Delayed: network capacity", step.location(), null, newEstimate, null);
    }

    private static MilestoneStep failedAttempt(Instant at, String tracking, int number, Random random) {
        return new MilestoneStep(MilestoneCode.DELIVERY_ATTEMPT_FAILED, at, tracking + "-" + number, "NH",
                ReasonCode.RECIPIENT_NOT_AVAILABLE, "Recipient not at home, card left", jitter(lastMile(), random),
                null, null, 1);
    }

    private static MilestoneStep delivered(Instant at, String tracking, int number, boolean pickupPoint,
                                           Random random) {
        Location location = jitter(lastMile(), random);
        ProofOfDelivery proof = new ProofOfDelivery("R. OLIVEIRA", "pod/" + tracking + ".jpg", location.point(),
                pickupPoint ? DeliveryPlace.PICKUP_POINT : DeliveryPlace.values()[random.nextInt(6)]);
        return new MilestoneStep(MilestoneCode.DELIVERED, at, tracking + "-" + number, "DL1", null,
                "Delivered", location, proof, null, null);
    }

    private static Location hub(int index) {
        String[] hub = HUBS[index];
        return new Location(hub[0], hub[1], hub[2], hub[3], "BR",
                new GeoPoint(new BigDecimal(hub[4]), new BigDecimal(hub[5])));
    }

    private static Location lastMile() {
        return hub(HUBS.length - 1);
    }

    private static Location jitter(Location location, Random random) {
        GeoPoint point = location.point();
        GeoPoint moved = new GeoPoint(shift(point.latitude(), random), shift(point.longitude(), random));
        return new Location(location.facility(), location.city(), location.region(), location.postalCode(),
                location.countryCode(), moved);
    }

    private static BigDecimal shift(BigDecimal degrees, Random random) {
        return degrees.add(BigDecimal.valueOf(random.nextInt(2_000) - 1_000, 5)).setScale(5, RoundingMode.HALF_UP);
    }

    private static String describe(MilestoneCode code) {
        return switch (code) {
            case PICKED_UP -> "Picked up";
            case IN_TRANSIT -> "Arrived";
            case DELAYED -> "Delayed";
            case OUT_FOR_DELIVERY -> "Out for delivery";
            case AVAILABLE_FOR_PICKUP -> "Ready for collection";
            default -> code.name();
        };
    }

    /** Milestone times: each one 1 to 12 hours after the previous. */
    private static final class Clock {
        private Instant now;
        private final Random random;

        Clock(Instant start, Random random) {
            this.now = start;
            this.random = random;
        }

        Instant next() {
            now = now.plus(Duration.ofMinutes(60 + random.nextInt(660)));
            return now;
        }
    }
}
