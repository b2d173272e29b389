package io.waybill.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of an API key, {@code wbk_<key id>.<secret>}. The key id (16 base32 characters) is
 * public and names the key in the admin API, logs and audit metadata. The secret (32 random bytes,
 * base64url) is shown once at creation; the ledger stores only its SHA-256 digest. A slow password
 * hash is not needed because the secret is random, not chosen by a person.
 */
final class ApiKeyFormat {

    static final String PREFIX = "wbk_";
    private static final Pattern FORMAT = Pattern.compile("wbk_([a-z2-7]{16})\\.([A-Za-z0-9_-]{43})");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int SECRET_BYTES = 32;

    /** A key as presented by a caller, split into its parts. */
    record Presented(String keyId, String secret) {
        @Override
        public String toString() {
            return "Presented[keyId=" + keyId + "]";
        }
    }

    /** A newly generated key; {@code text} is what the caller sends and is never stored. */
    record Generated(String keyId, String text, byte[] secretDigest) {
        @Override
        public String toString() {
            return "Generated[keyId=" + keyId + "]";
        }
    }

    private ApiKeyFormat() {
    }

    static Generated generate(SecureRandom random) {
        StringBuilder keyId = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            keyId.append(BASE32[random.nextInt(BASE32.length)]);
        }
        byte[] secretBytes = new byte[SECRET_BYTES];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        return new Generated(keyId.toString(), PREFIX + keyId + "." + secret, digest(secret));
    }

    static Optional<Presented> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text.trim());
        return matcher.matches() ? Optional.of(new Presented(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Compares in constant time, so response times do not reveal how much of a digest matched. */
    static boolean matches(Presented presented, byte[] storedDigest) {
        return MessageDigest.isEqual(digest(presented.secret()), storedDigest);
    }
}
