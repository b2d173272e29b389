package io.waybill.gateway.security;

import java.io.PrintStream;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin API key when none was ever created, so a fresh installation can be used
 * without a built-in password. The key is printed once to standard output, not to the log, and is
 * stored only as a digest. A later start finds an admin key and prints nothing. By default this
 * happens only with the embedded database ({@code waybill.security.bootstrap-admin-key}).
 */
@Component
class AdminKeyBootstrap implements ApplicationRunner {

    static final String NAME = "bootstrap-admin";
    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final ApiKeyIssuer issuer;
    private final ApiKeyStore store;
    private final WaybillSecurityProperties.BootstrapMode mode;
    private final boolean embeddedDatabase;

    AdminKeyBootstrap(ApiKeyIssuer issuer, ApiKeyStore store, WaybillSecurityProperties properties,
                      @Value("${waybill.db.url:}") String databaseUrl) {
        this.issuer = issuer;
        this.store = store;
        this.mode = properties.bootstrapAdminKey();
        this.embeddedDatabase = databaseUrl.isBlank();
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean enabled = switch (mode) {
            case ALWAYS -> true;
            case EMBEDDED -> embeddedDatabase;
            case NEVER -> false;
        };
        if (enabled) {
            createIfNoneExists(System.out);
        }
    }

    /** Creates and prints the key when no admin key was ever created; returns its key id if it did. */
    Optional<String> createIfNoneExists(PrintStream out) {
        ApiKeyIssuer.Issued issued = issuer.issue(NAME, null, null, Set.of(Role.ADMIN), null, "bootstrap", null);
        if (!store.insertFirstAdminKey(issued.stored())) {
            return Optional.empty();
        }
        String keyId = issued.stored().keyId();
        log.info("Created the first admin API key {}; its text was printed to standard output once and is not "
                + "stored", keyId);
        out.println();
        out.println("================================================================================");
        out.println(" Waybill created the first admin API key. It is shown only now; store it safely:");
        out.println();
        out.println("   " + issued.text());
        out.println();
        out.println(" Send it as 'Authorization: ApiKey <key>'. Create further keys with");
        out.println(" POST /api/v1/admin/api-keys, and revoke this one once you have your own.");
        out.println("================================================================================");
        out.println();
        out.flush();
        return Optional.of(keyId);
    }
}
