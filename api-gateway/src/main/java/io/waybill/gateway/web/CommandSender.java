package io.waybill.gateway.web;

import io.waybill.gateway.messaging.RequestMetadata;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends commands and directory look-ups off the event loop. The local command bus handles a command
 * on the sending thread with blocking JDBC, so that thread must come from the bounded elastic pool.
 */
@Component
class CommandSender {

    private final CommandGateway commandGateway;

    CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    <R> Mono<R> send(Object command, RequestMetadata metadata) {
        return Mono.defer(() -> Mono.<R>fromFuture(commandGateway.send(command, metadata.toMetaData())))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Sends a command with metadata beyond the request's, such as a partner's original event time. */
    <R> Mono<R> send(Object command, MetaData metadata) {
        return Mono.defer(() -> Mono.<R>fromFuture(commandGateway.send(command, metadata)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
