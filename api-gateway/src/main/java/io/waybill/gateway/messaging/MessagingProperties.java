package io.waybill.gateway.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the command side.
 *
 * @param cacheAggregates keep loaded orders and shipments in memory between commands, so a command skips reading
 *                        and deserializing the aggregate's events. Turn it off when more than one process handles
 *                        commands on the same database, because a cached aggregate misses the other process's
 *                        events. A write based on it fails on the event sequence number, but a rejection may rest
 *                        on the stale state.
 */
@ConfigurationProperties("waybill.messaging")
public record MessagingProperties(@DefaultValue("true") boolean cacheAggregates) {
}
