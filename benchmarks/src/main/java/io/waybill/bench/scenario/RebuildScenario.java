package io.waybill.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.bench.RunContext;
import io.waybill.bench.report.Row;
import java.util.Optional;

/**
 * Full rebuild of every projection: the service resets the tokens of all its streaming processors
 * that support a reset (their reset handlers clear the projection tables) and the scenario waits
 * until every one of them has caught up again. The rate is events in the store per second of wall time.
 * The processors rebuild side by side, so each of them read that many events in that time.
 */
public final class RebuildScenario implements Scenario {

    @Override
    public String key() {
        return "rebuild";
    }

    @Override
    public String title() {
        return "full rebuild of all projections";
    }

    @Override
    public Optional<String> unavailable(RunContext run) {
        boolean projections = Projections.groups(run).stream()
                .anyMatch(group -> group.title().equals(Projections.PROJECTIONS));
        return projections ? Optional.empty() : Optional.of(Projections.noProjections());
    }

    @Override
    public void run(RunContext run) {
        RunContext.Measured<JsonNode> measured = run.measure(0, () -> run.service().request("rebuild", null));
        JsonNode result = measured.value();
        long events = result.path("events").asLong();
        double seconds = result.path("millis").asLong() / 1000.0;
        String note = events + " events, processors " + result.path("processors") + ", skipped "
                + result.path("skipped") + (result.path("completed").asBoolean() ? "" : "; NOT caught up within the limit");
        run.report().add(new Row(title(), 0, seconds > 0 ? events / seconds : 0, "events/s", -1, -1, -1, 0, false,
                measured.stats(), note));
    }
}
