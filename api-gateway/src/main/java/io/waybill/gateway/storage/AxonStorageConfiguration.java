package io.waybill.gateway.storage;

import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL specifics of Axon's JDBC stores. The tables themselves are created by the Flyway
 * migration {@code V1__axon_stores.sql}, because Axon creates none.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    /** The generic saga schema declares a {@code blob} column, which PostgreSQL does not have. */
    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }
}
