package io.waybill.importer.client;

import io.waybill.importer.client.ShipmentRequests.Milestone;
import io.waybill.importer.client.ShipmentRequests.Tender;

/** Client of the shipment process API: tender and milestones. */
public final class ShipmentApi {

    private final WaybillHttp http;

    public ShipmentApi(WaybillHttp http) {
        this.http = http;
    }

    public record Tendered(String shipmentId, String status) {
    }

    /**
     * Result of a milestone request, whose {@code outcome} is {@code RECORDED}, {@code RECORDED_LATE},
     * {@code RECORDED_CONFLICT} or {@code DUPLICATE}.
     */
    public record MilestoneAnswer(String shipmentId, String sourceEventId, String outcome, String currentStatus,
                                  int failedAttempts) {
    }

    public Tendered tender(String shipmentId, Tender body) throws ApiRejectedException, ServiceUnreachableException {
        return http.post("/api/v1/shipments/" + shipmentId + "/tender", body, Tendered.class);
    }

    public MilestoneAnswer recordMilestone(String shipmentId, Milestone body)
            throws ApiRejectedException, ServiceUnreachableException {
        return http.post("/api/v1/shipments/" + shipmentId + "/milestones", body, MilestoneAnswer.class);
    }
}
