package io.waybill.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.bench.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service's streaming event processors in the two groups the lag scenarios report: projections,
 * which support a token reset, and the rest (sagas and dispatchers with side effects), which must not
 * replay and so do not.
 */
final class Projections {

    static final String PROJECTIONS = "projections";
    static final String OTHERS = "sagas, dispatchers";

    private Projections() {
    }

    /** A named group of event processors. */
    record Group(String title, Set<String> processors) {
    }

    /** Returns the non-empty groups, projections first. */
    static List<Group> groups(RunContext run) {
        Set<String> projections = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        for (JsonNode processor : run.service().request("processors", null)) {
            (processor.path("supportsReset").asBoolean() ? projections : others).add(processor.path("name").asText());
        }
        List<Group> groups = new ArrayList<>();
        if (!projections.isEmpty()) {
            groups.add(new Group(PROJECTIONS, projections));
        }
        if (!others.isEmpty()) {
            groups.add(new Group(OTHERS, others));
        }
        return groups;
    }

    /** Returns why lag cannot be measured: the service has no streaming event processor. */
    static Optional<String> missing(RunContext run) {
        return groups(run).isEmpty() ? Optional.of("the service runs no streaming event processor")
                : Optional.empty();
    }

    /** Returns the remark for a report without projections: they are what the figure is meant for. */
    static String noProjections() {
        return "the service has no projection (no streaming processor that supports a reset)";
    }
}
