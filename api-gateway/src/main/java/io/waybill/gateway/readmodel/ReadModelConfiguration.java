package io.waybill.gateway.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.settlement.Projection;
import io.waybill.settlement.journal.JournalProjection;
import io.waybill.settlement.journal.JournalQueries;
import io.waybill.settlement.kpi.KpiProjection;
import io.waybill.settlement.kpi.KpiQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.waybill.settlement.posting.DeliveryState;
import io.waybill.settlement.posting.ErpPostingProjection;
import io.waybill.settlement.posting.PostingDeliveries;
import io.waybill.settlement.posting.PostingQueries;
import io.waybill.settlement.reconciliation.ReconciliationProjection;
import io.waybill.settlement.reconciliation.ReconciliationQueries;
import io.waybill.settlement.replay.ProjectionAdmin;
import io.waybill.settlement.replay.ProjectionStatus;
import io.waybill.settlement.visibility.ShipmentVisibilityProjection;
import io.waybill.settlement.visibility.VisibilityQueries;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the read models of {@code settlement-projections}. Each projection is an Axon event handler
 * bean in its own processing group; the processors themselves (pooled, batch size, segments) are
 * configured under {@code axon.eventhandling.processors} in {@code application.yml}. The jOOQ
 * {@link DSLContext} runs on the Spring-managed transaction of the processor, so projection rows
 * and the processor's token commit together.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    ShipmentVisibilityProjection shipmentVisibilityProjection(DSLContext dsl) {
        return new ShipmentVisibilityProjection(dsl);
    }

    @Bean
    JournalProjection journalProjection(DSLContext dsl) {
        return new JournalProjection(dsl);
    }

    @Bean
    ErpPostingProjection erpPostingProjection(DSLContext dsl, ObjectMapper objectMapper) {
        return new ErpPostingProjection(dsl, objectMapper);
    }

    @Bean
    ReconciliationProjection reconciliationProjection(DSLContext dsl) {
        return new ReconciliationProjection(dsl);
    }

    @Bean
    KpiProjection kpiProjection(DSLContext dsl) {
        return new KpiProjection(dsl);
    }

    @Bean
    VisibilityQueries visibilityQueries(DSLContext dsl) {
        return new VisibilityQueries(dsl);
    }

    @Bean
    JournalQueries journalQueries(DSLContext dsl) {
        return new JournalQueries(dsl);
    }

    @Bean
    PostingQueries postingQueries(DSLContext dsl) {
        return new PostingQueries(dsl);
    }

    @Bean
    PostingDeliveries postingDeliveries(DSLContext dsl) {
        return new PostingDeliveries(dsl);
    }

    @Bean
    ReconciliationQueries reconciliationQueries(DSLContext dsl) {
        return new ReconciliationQueries(dsl);
    }

    @Bean
    KpiQueries kpiQueries(DSLContext dsl) {
        return new KpiQueries(dsl);
    }

    @Bean
    ProjectionAdmin projectionAdmin(EventProcessingConfiguration processing, EventStore eventStore) {
        return new ProjectionAdmin(processing, eventStore);
    }

    /**
     * Publishes ERP postings per delivery state ({@code waybill.erp.postings}) and each projection's
     * lag behind the event store in events ({@code waybill.projection.lag}). Each gauge runs one
     * query when the registry reads it.
     */
    @Bean
    MeterBinder readModelMetrics(PostingDeliveries deliveries, ProjectionAdmin projections) {
        return registry -> {
            for (DeliveryState state : DeliveryState.values()) {
                Gauge.builder("waybill.erp.postings", () -> deliveries.count(state))
                        .description("ERP postings in this delivery state")
                        .tag("state", state.name().toLowerCase())
                        .register(registry);
            }
            for (Projection projection : Projection.values()) {
                Gauge.builder("waybill.projection.lag", () -> lag(projections.status(projection)))
                        .description("events in the event store that the projection has not processed yet")
                        .tag("projection", projection.processingGroup())
                        .register(registry);
            }
        };
    }

    private static double lag(ProjectionStatus status) {
        long position = status.position() == null ? -1 : status.position();
        return Math.max(0, status.head() - Math.max(position, 0));
    }

    /**
     * Makes a failing projection handler stop its segment instead of skipping the event (Axon's
     * default logs and moves on). The processor releases the segment and tries the batch again
     * later, so a projection never silently misses an event.
     */
    @Bean
    ConfigurerModule projectionErrorHandling() {
        return configurer -> {
            for (Projection projection : Projection.values()) {
                configurer.eventProcessing().registerListenerInvocationErrorHandler(projection.processingGroup(),
                        config -> PropagatingErrorHandler.instance());
            }
        };
    }
}
