package io.waybill.gateway.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that runs when no external database URL is configured.
 *
 * @param dataDirectory where the cluster's files live; kept across restarts
 * @param port          TCP port on the loopback interface, or 0 to pick a free one at each start
 */
@ConfigurationProperties("waybill.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue(".waybill/pgdata") Path dataDirectory,
                                         @DefaultValue("0") int port) {
}
