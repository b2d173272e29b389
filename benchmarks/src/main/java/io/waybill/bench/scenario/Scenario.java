package io.waybill.bench.scenario;

import io.waybill.bench.RunContext;
import java.util.Optional;

/**
 * One kind of measurement. A scenario that needs something the service does not have yet (a
 * projection, an importer) returns the reason from {@link #unavailable}, and the harness prints
 * "not available yet" in its row instead of failing.
 */
public interface Scenario {

    /** Option name used with {@code --only}. */
    String key();

    /** Name in the figures table. */
    String title();

    /** Returns why the scenario cannot run against this service, or empty when it can. */
    Optional<String> unavailable(RunContext run) throws Exception;

    /** Runs the scenario and adds its rows to the run's report. */
    void run(RunContext run) throws Exception;
}
