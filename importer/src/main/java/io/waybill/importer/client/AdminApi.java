package io.waybill.importer.client;

import java.time.Instant;
import java.util.List;

/** Client of the API key administration, used to issue the importer a key of its tenant. */
public final class AdminApi {

    /** Roles the importer needs: writes, finance and audit reads, and the projection status for the report. */
    public static final List<String> IMPORTER_ROLES = List.of("process", "finance", "auditor", "admin");

    private final WaybillHttp http;

    public AdminApi(WaybillHttp http) {
        this.http = http;
    }

    record CreateKey(String name, String tenant, List<String> roles, Instant expiresAt) {
    }

    record IssuedKey(String apiKey) {
    }

    /** Issues a key of {@code tenant} with {@link #IMPORTER_ROLES}; the caller's key must be an admin key without tenant. */
    public String issueImporterKey(String tenant, String name) throws ApiRejectedException, ServiceUnreachableException {
        return http.post("/api/v1/admin/api-keys", new CreateKey(name, tenant, IMPORTER_ROLES, null), IssuedKey.class)
                .apiKey();
    }
}
