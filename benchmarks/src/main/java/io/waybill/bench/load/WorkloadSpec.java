package io.waybill.bench.load;

/**
 * One milestone phase: how many shipments to prepare, how many clients send milestones, and for how long.
 *
 * @param label        prefix of the phase's ERP order numbers; unique per phase
 * @param clients      concurrent milestone clients
 * @param setupClients concurrent clients that release, create and tender the shipments first
 * @param shipments    shipments to prepare; the phase ends early when the clients use them all
 * @param batchItems   milestones per request, or 0 to send one milestone per request
 * @param warmupMillis time the clients run before the measurement window opens
 * @param measureMillis length of the measurement window
 */
public record WorkloadSpec(String label, String tenant, long seed, int clients, int setupClients, int shipments,
                           int batchItems, long warmupMillis, long measureMillis) {
}
