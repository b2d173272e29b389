package io.waybill.gateway.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs PostgreSQL inside the application when {@code waybill.db.url} is empty, so the service
 * starts with one command. The data directory survives restarts. The embedded library turns
 * {@code synchronous_commit} off by default; a ledger must not acknowledge a write that a power
 * cut could lose, so it is switched back on here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${waybill.db.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath();
        Path workingDirectory = dataDirectory.resolveSibling("pgbin");
        Files.createDirectories(dataDirectory);
        Files.createDirectories(workingDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workingDirectory.toFile())
                // Spring closes the database after the beans that use it. The library's own JVM hook
                // would stop it in parallel, before the event processors release their token claims.
                .setRegisterShutdownHook(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started at jdbc:postgresql://localhost:{}/postgres with data in {}",
                postgres.getPort(), dataDirectory);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setPoolName("waybill-embedded");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

}
