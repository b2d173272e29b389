package io.waybill.gateway.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Removes the client-side percentiles (0.5 to 0.999) that Axon's message timers request. Each timer
 * then keeps a rolling histogram that every message it times updates: 2 to 4 % of the service's
 * CPU samples in the benchmarks. Percentiles computed on one node cannot be added up across nodes
 * anyway. The timers still publish count, total time and maximum.
 */
@Component
class AxonTimerFilter implements MeterFilter {

    /** Name prefixes of the meters that Axon's Micrometer module registers per component. */
    static final List<String> AXON_PREFIXES = List.of("commandBus", "eventBus", "eventStore", "eventProcessor",
            "queryBus", "queryUpdateEmitter");

    private static final DistributionStatisticConfig NO_PERCENTILES = DistributionStatisticConfig.builder()
            .percentiles(new double[0])
            .build();

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() == Meter.Type.TIMER && AXON_PREFIXES.stream().anyMatch(id.getName()::startsWith)) {
            return NO_PERCENTILES.merge(config);
        }
        return config;
    }
}
