package io.waybill.gateway.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.settlement.Projection;
import io.waybill.settlement.journal.JournalProjection;
import io.waybill.settlement.journal.JournalQueries;
import io.waybill.settlement.kpi.KpiProjection;
import io.waybill.settlement.kpi.KpiQueries;
import io.waybill.settlement.posting.ErpPostingProjection;
import io.waybill.settlement.posting.PostingDeliveries;
import io.waybill.settlement.posting.PostingQueries;
import io.waybill.settlement.reconciliation.ReconciliationProjection;
import io.waybill.settlement.reconciliation.ReconciliationQueries;
import io.waybill.settlement.replay.ProjectionAdmin;
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
