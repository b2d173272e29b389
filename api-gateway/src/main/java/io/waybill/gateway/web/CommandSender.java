package io.waybill.gateway.web;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.waybill.gateway.messaging.RequestMetadata;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends commands and directory look-ups off the event loop. The local command bus handles a command
 * on the sending thread with blocking JDBC, so that thread must come from the bounded elastic pool.
 * The request's {@code traceparent} is made the current trace context while the command is sent,
 * so Axon's dispatch and handler spans join the HTTP request's trace on that other thread.
 */
@Component
public class CommandSender {

    private static final TextMapGetter<RequestMetadata> TRACEPARENT_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(RequestMetadata carrier) {
            return List.of(RequestMetadata.TRACEPARENT);
        }

        @Override
        public String get(RequestMetadata carrier, String key) {
            return carrier != null && RequestMetadata.TRACEPARENT.equals(key) ? carrier.traceparent() : null;
        }
    };

    private final CommandGateway commandGateway;

    CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> Mono<R> send(Object command, RequestMetadata metadata) {
        return Mono.defer(() -> Mono.<R>fromFuture(dispatch(command, metadata)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Sends a command with metadata beyond the request's, such as a partner's original event time. */
    <R> Mono<R> send(Object command, MetaData metadata) {
        return Mono.defer(() -> Mono.<R>fromFuture(commandGateway.send(command, metadata)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    public static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    private <R> CompletableFuture<R> dispatch(Object command, RequestMetadata metadata) {
        if (metadata.traceparent() == null) {
            return commandGateway.send(command, metadata.toMetaData());
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), metadata, TRACEPARENT_GETTER);
        try (Scope ignored = parent.makeCurrent()) {
            return commandGateway.send(command, metadata.toMetaData());
        }
    }
}
