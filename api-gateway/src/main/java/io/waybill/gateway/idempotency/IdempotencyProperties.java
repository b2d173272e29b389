package io.waybill.gateway.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code Idempotency-Key} handling for writes.
 *
 * @param required          true rejects a write without the header (400); false runs it without replay protection
 * @param ttl               how long a stored response is replayed; afterwards the key may be used afresh
 * @param inProgressTimeout how long a first request may run before a repeat is allowed to take over
 *                          its key, for example after the node running it stopped
 */
@ConfigurationProperties("waybill.idempotency")
public record IdempotencyProperties(@DefaultValue("false") boolean required,
                                    @DefaultValue("24h") Duration ttl,
                                    @DefaultValue("2m") Duration inProgressTimeout) {
}
