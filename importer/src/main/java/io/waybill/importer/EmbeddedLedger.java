package io.waybill.importer;

import io.waybill.gateway.WaybillApplication;
import io.waybill.importer.olist.OlistValues;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Waybill service started inside the importer's JVM, with its own defaults: the embedded
 * PostgreSQL in {@code .waybill/pgdata} under the working directory unless {@code WAYBILL_DATA_DIR}
 * or {@code WAYBILL_DB_URL} is set. The importer still talks to it only over HTTP.
 *
 * <p>The routing and failed-delivery processes are switched off for the importing tenant. The data
 * already says how each order was shipped and delivered; routing would tender every released order
 * to a delivery platform of its own choosing, and the imported tender would then be rejected. The
 * tenant's time zone is Sao Paulo's, so that KPIs count days as the Olist timestamps do.
 */
final class EmbeddedLedger implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Optional<String> bootstrapAdminKey;

    private EmbeddedLedger(ConfigurableApplicationContext context, Optional<String> bootstrapAdminKey) {
        this.context = context;
        this.bootstrapAdminKey = bootstrapAdminKey;
    }

    /** Starts the service on a free loopback port and returns once it accepts requests. */
    static EmbeddedLedger start(String tenant) {
        // Command-line arguments, because they take precedence over the service's application.yml.
        BootstrapKey.Started<ConfigurableApplicationContext> started = BootstrapKey.capture(() ->
                new SpringApplicationBuilder(WaybillApplication.class).run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                        "--logging.level.root=error",
                        "--waybill.processes.tenants." + tenant + ".routing.enabled=false",
                        "--waybill.processes.tenants." + tenant + ".failed-delivery.enabled=false",
                        "--waybill.tenants." + tenant + ".time-zone=" + OlistValues.OLIST_ZONE.getId()));
        return new EmbeddedLedger(started.value(), started.adminKey());
    }

    /** The admin key the service printed on this start; empty unless the data directory was new. */
    Optional<String> bootstrapAdminKey() {
        return bootstrapAdminKey;
    }

    URI url() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        context.close();
    }
}
