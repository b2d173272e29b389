package io.waybill.gateway.observability;

import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.gateway.web.CorrelationIdFilter;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the correlation id and tenant of the message being handled into the logging MDC, for
 * commands, queries and every event processor, and restores the previous values afterwards
 * because subscribing processors run nested inside the command's handling.
 */
@Component
class MessageLogContext implements MessageHandlerInterceptor<Message<?>> {

    static final String TENANT_KEY = "tenantId";

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Map<String, String> previous = new HashMap<>();
        put(previous, CorrelationIdFilter.CONTEXT_KEY, unitOfWork.getMessage().getMetaData()
                .get(RequestMetadata.CORRELATION_ID));
        put(previous, TENANT_KEY, unitOfWork.getMessage().getMetaData().get(RequestMetadata.TENANT_ID));
        try {
            return interceptorChain.proceed();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, value);
                }
            });
        }
    }

    private static void put(Map<String, String> previous, String key, Object value) {
        if (value == null) {
            return;
        }
        previous.put(key, MDC.get(key));
        MDC.put(key, value.toString());
    }
}
