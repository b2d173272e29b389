package io.waybill.gateway.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The Jackson serializer for stored events, messages and sagas. It starts from the HTTP mapper, so
 * Java time and decimals are written the same way. Unlike the HTTP API, which rejects unknown
 * fields, it ignores unknown properties, because an old event must still load after a field is removed.
 */
@Configuration(proxyBeanMethods = false)
class SerializerConfiguration {

    @Bean
    @Primary
    Serializer serializer(ObjectMapper httpMapper) {
        return jackson(httpMapper);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper httpMapper) {
        return jackson(httpMapper);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(ObjectMapper httpMapper) {
        return jackson(httpMapper);
    }

    private static Serializer jackson(ObjectMapper httpMapper) {
        ObjectMapper mapper = httpMapper.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
