package org.hms.hub.connector.control.inbound;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hms.hub.model.connector.WebhookStyle;

/**
 * Checks that a webhook comes from the system it claims to: an HMAC-SHA256 signature made with the connector's
 * secret, in one of three styles, compared in constant time.
 * <ul>
 *   <li>STANDARD (Standard Webhooks): {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and
 *   {@code webhook-signature} — space-separated {@code v1,<base64 HMAC of id.timestamp.body>}, several allowed
 *   (a sender rotating its key signs with both); the secret is {@code whsec_} + base64 of the key.</li>
 *   <li>GITHUB: {@code X-Hub-Signature-256: sha256=<hex HMAC of body>}, id {@code X-GitHub-Delivery}; GitHub sends
 *   no timestamp, so only the delivery id protects against replays.</li>
 *   <li>STRIPE: {@code Stripe-Signature: t=<seconds>,v1=<hex HMAC of t.body>[,v1=…]}; the secret string itself is
 *   the key; the id is taken from the event's {@code id} by the caller.</li>
 *   <li>FHIR: not signed — {@code Authorization: Bearer <secret>}, as the hub's Subscription asks the server.</li>
 * </ul>
 * Timestamps more than {@link #TOLERANCE} from now, in either direction, are refused. Pure: no I/O.
 */
public final class WebhookVerifier {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final String STANDARD_PREFIX = "whsec_";

    /** A verified webhook: the sender's id for it ({@code null} when the style has none) and its timestamp. */
    public record Verified(String webhookId, Instant timestamp) {
    }

    /** A refused webhook: the HTTP status to answer and a message that names the problem, never the secret. */
    public static final class Refused extends Exception {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private WebhookVerifier() {
    }

    /**
     * @param headers request headers, names in lower case
     * @param secrets the secrets that may have signed it (the current one first, then one still in its rotation
     *                grace period)
     */
    public static Verified verify(WebhookStyle style, Map<String, String> headers, byte[] body, List<String> secrets,
                                  Instant now) throws Refused {
        if (secrets.isEmpty()) {
            throw new Refused(401, "This connector has no webhook secret; set one before it sends webhooks.");
        }
        return switch (style) {
            case STANDARD -> standard(headers, body, secrets, now);
            case GITHUB -> github(headers, body, secrets);
            case STRIPE -> stripe(headers, body, secrets, now);
            case FHIR -> fhir(headers, secrets, now);
        };
    }

    private static Verified standard(Map<String, String> headers, byte[] body, List<String> secrets, Instant now)
            throws Refused {
        String id = required(headers, "webhook-id");
        String timestamp = required(headers, "webhook-timestamp");
        String signatures = required(headers, "webhook-signature");
        Instant at = fresh(timestamp, now);
        byte[] signed = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        List<byte[]> offered = new ArrayList<>();
        for (String part : signatures.trim().split(" +")) {
            int comma = part.indexOf(',');
            if (comma > 0 && part.substring(0, comma).equals("v1")) {
                try {
                    offered.add(Base64.getDecoder().decode(part.substring(comma + 1)));
                } catch (IllegalArgumentException e) {
                    // not base64: cannot match; the others may
                }
            }
        }
        for (String secret : secrets) {
            byte[] expected = hmac(standardKey(secret), signed);
            for (byte[] candidate : offered) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return new Verified(id, at);
                }
            }
        }
        throw new Refused(401, "The webhook-signature does not match the body signed with this connector's secret.");
    }

    /**
     * FHIR rest-hook notifications cannot be signed: the Subscription the hub registered makes the server send
     * {@code Authorization: Bearer <secret>}, compared in constant time. No id and no timestamp: FHIR has neither.
     */
    private static Verified fhir(Map<String, String> headers, List<String> secrets, Instant now) throws Refused {
        String authorization = headers.get("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refused(401, "A FHIR notification carries 'Authorization: Bearer <secret>', the header of the"
                    + " Subscription the hub registered.");
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        for (String secret : secrets) {
            if (MessageDigest.isEqual(given, secret.getBytes(StandardCharsets.UTF_8))) {
                return new Verified(null, now);
            }
        }
        throw new Refused(401, "The bearer secret is not this connector's webhook secret.");
    }

    private static Verified github(Map<String, String> headers, byte[] body, List<String> secrets) throws Refused {
        String header = required(headers, "x-hub-signature-256");
        String id = required(headers, "x-github-delivery");
        if (!header.startsWith("sha256=")) {
            throw new Refused(401, "X-Hub-Signature-256 must be 'sha256=<hex>'.");
        }
        byte[] offered = hex(header.substring("sha256=".length()));
        for (String secret : secrets) {
            if (offered != null && MessageDigest.isEqual(hmac(secret.getBytes(StandardCharsets.UTF_8), body), offered)) {
                return new Verified(id, null);
            }
        }
        throw new Refused(401, "X-Hub-Signature-256 does not match the body signed with this connector's secret.");
    }

    private static Verified stripe(Map<String, String> headers, byte[] body, List<String> secrets, Instant now)
            throws Refused {
        String header = required(headers, "stripe-signature");
        String timestamp = null;
        List<byte[]> offered = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                timestamp = value;
            } else if (key.equals("v1")) {
                byte[] decoded = hex(value);
                if (decoded != null) {
                    offered.add(decoded);
                }
            }
        }
        if (timestamp == null) {
            throw new Refused(400, "Stripe-Signature carries no timestamp (t=…).");
        }
        Instant at = fresh(timestamp, now);
        byte[] signed = concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        for (String secret : secrets) {
            byte[] expected = hmac(secret.getBytes(StandardCharsets.UTF_8), signed);
            for (byte[] candidate : offered) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return new Verified(null, at);
                }
            }
        }
        throw new Refused(401, "Stripe-Signature does not match the body signed with this connector's secret.");
    }

    /** Signs an outbound webhook per Standard Webhooks: the value of {@code webhook-signature}. */
    public static String signStandard(String secret, String id, long timestampSeconds, byte[] body) {
        byte[] signed = concat((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8), body);
        return "v1," + Base64.getEncoder().encodeToString(hmac(standardKey(secret), signed));
    }

    static byte[] standardKey(String secret) {
        String encoded = secret.startsWith(STANDARD_PREFIX) ? secret.substring(STANDARD_PREFIX.length()) : secret;
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Instant fresh(String timestamp, Instant now) throws Refused {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new Refused(400, "The webhook timestamp must be Unix seconds.");
        }
        Instant at = Instant.ofEpochSecond(seconds);
        if (at.isBefore(now.minus(TOLERANCE))) {
            throw new Refused(401, "The webhook timestamp is more than " + TOLERANCE.toMinutes()
                    + " minutes old; it may be a replay.");
        }
        if (at.isAfter(now.plus(TOLERANCE))) {
            throw new Refused(401, "The webhook timestamp is more than " + TOLERANCE.toMinutes()
                    + " minutes in the future; check the sender's clock.");
        }
        return at;
    }

    private static String required(Map<String, String> headers, String name) throws Refused {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new Refused(400, "The header " + name + " is missing.");
        }
        return value;
    }

    private static byte[] hex(String value) {
        try {
            return HexFormat.of().parseHex(value.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable: " + e.getMessage(), e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
