package io.waybill.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in identity provider for tests: it serves its JWK set over HTTP on 127.0.0.1 and signs
 * JWTs with the matching RSA key, as a real issuer would. The service under test is pointed at the
 * JWK set URI and checks issuer and audience like in production.
 */
public final class TestJwtIssuer {

    public static final String AUDIENCE = "waybill-test";

    private final RSAKey signingKey;
    private final HttpServer server;

    private TestJwtIssuer(RSAKey signingKey, HttpServer server) {
        this.signingKey = signingKey;
        this.server = server;
    }

    /** Starts the JWK set endpoint; it runs on a daemon thread until the JVM exits. */
    public static TestJwtIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            return new TestJwtIssuer(key, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwkSetUri() {
        return issuer() + "/jwks.json";
    }

    /**
     * Returns the settings that make an application trust this issuer, as command-line arguments
     * for a test that starts its own application.
     */
    public List<String> applicationArguments() {
        return List.of("--waybill.security.jwt.issuer-uri=" + issuer(), "--waybill.security.jwt.jwk-set-uri=" + jwkSetUri(),
                "--waybill.security.jwt.audiences=" + AUDIENCE);
    }

    /** Returns an {@code Authorization} header value for a user of {@code tenant} holding every role but partner. */
    public String bearerForAllRoles(String tenant) {
        return "Bearer " + token("test-user", tenant, null, List.of("process", "finance", "auditor", "admin"));
    }

    /** Signs a token valid for one hour; {@code tenant} and {@code partner} may be null to leave the claim out. */
    public String token(String subject, String tenant, String partner, Collection<String> roles) {
        JWTClaimsSet.Builder claims = claims(subject, tenant, partner, roles, Instant.now().plus(Duration.ofHours(1)));
        return sign(claims.build(), signingKey);
    }

    /** Signs a token that expired ten minutes ago, past the decoder's default clock skew. */
    public String expiredToken(String subject, String tenant, Collection<String> roles) {
        JWTClaimsSet.Builder claims = claims(subject, tenant, null, roles, Instant.now().minus(Duration.ofMinutes(10)));
        return sign(claims.build(), signingKey);
    }

    /** Signs a well-formed token with a key this issuer does not publish. */
    public String tokenSignedByAnotherKey(String subject, String tenant, Collection<String> roles) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
            return sign(claims(subject, tenant, null, roles, Instant.now().plus(Duration.ofHours(1))).build(), other);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet.Builder claims(String subject, String tenant, String partner, Collection<String> roles,
                                        Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer())
                .audience(List.of(AUDIENCE))
                .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.copyOf(roles));
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        if (partner != null) {
            claims.claim("partner", partner);
        }
        return claims;
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
