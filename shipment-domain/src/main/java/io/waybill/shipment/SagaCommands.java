package io.waybill.shipment;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a saga's commands without waiting for them. A saga cannot undo its own step when a
 * command fails, so a failure is logged with the command and left for a person; every command a
 * saga sends is idempotent, which makes sending it again by hand safe.
 */
final class SagaCommands {

    private static final Logger log = LoggerFactory.getLogger(SagaCommands.class);

    private SagaCommands() {
    }

    static void send(CommandGateway commandGateway, Object command) {
        commandGateway.send(command).whenComplete((result, failure) -> {
            if (failure != null) {
                log.warn("Saga command {} failed: {}", command, failure.toString());
            }
        });
    }
}
