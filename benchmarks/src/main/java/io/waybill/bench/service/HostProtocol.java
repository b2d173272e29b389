package io.waybill.bench.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.bench.load.WorkloadSpec;

/**
 * Line protocol between the harness and the service JVM it starts. The harness writes one JSON
 * request per line to the service's standard input. The service replies on standard output with a
 * line that starts with {@link #MARKER}, which separates replies from log lines.
 */
final class HostProtocol {

    static final String MARKER = "@@waybill-bench ";

    /** Reply id of the line the service prints once it is ready. */
    static final int READY_ID = 0;

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private HostProtocol() {
    }

    /**
     * A request. {@code op} is one of {@code gateway-setup} (prepare the shipments of {@code spec}
     * through the command gateway), {@code gateway-run} (send their milestones), {@code stats} (heap
     * and collections), {@code reset-heap-peak}, {@code processors} (streaming processors and whether
     * each caught up) and {@code stop}.
     */
    record Request(int id, String op, WorkloadSpec spec) {
    }

    /** A reply: {@code result} when {@code ok}, otherwise {@code error}. */
    record Reply(int id, boolean ok, JsonNode result, String error) {
    }
}
