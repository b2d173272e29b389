package io.waybill.gateway.erp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.settlement.posting.PostingDeliveries;
import io.waybill.settlement.replay.ProjectionAdmin;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.reactive.function.client.WebClient;

/** Starts the ERP push dispatcher when {@code waybill.erp.push.url} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${waybill.erp.push.url:}'.isBlank()")
class ErpDispatchConfiguration {

    @Bean
    ErpDispatcher erpDispatcher(PostingDeliveries deliveries, ProjectionAdmin projections, ErpProperties properties,
                                Clock clock, WebClient.Builder webClients, ObjectMapper json, DSLContext dsl,
                                PlatformTransactionManager transactions) {
        return new ErpDispatcher(deliveries, projections, properties, clock, webClients, json, dsl, transactions);
    }
}
