package io.waybill.shipment;

import io.waybill.kernel.RejectedCommandException;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a saga's commands. A rejection ({@link RejectedCommandException}) is a business decision
 * the saga cannot change, so it is logged with the command and the saga goes on; every command a saga
 * sends is idempotent, so a person can send it again once the cause is fixed. Any other failure
 * (no handler during shutdown, a database error, a timeout) is thrown, so the saga's unit of work
 * rolls back and the event or deadline is handled again later instead of being lost.
 *
 * <p>The wait is bounded by {@value #TIMEOUT_SECONDS} seconds. On the local command bus the command
 * has already been handled on this thread when the call returns.
 */
final class SagaCommands {

    static final long TIMEOUT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(SagaCommands.class);

    private SagaCommands() {
    }

    static void send(CommandGateway commandGateway, Object command) {
        try {
            commandGateway.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedCommandException rejection) {
            log.warn("Saga command {} was rejected: {} (field {}, value {})", command, rejection.getMessage(),
                    rejection.field(), rejection.value());
        }
    }
}
