package org.hms.hub.connector.control.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectionTest;
import org.hms.hub.model.connector.WebhookStyle;

/**
 * A real check of a connector, by type: FHIR → {@code GET [base]/metadata} (version and server software);
 * WEBHOOK → a signed test event posted to the endpoint; HL7 → a TCP connect to host:port; every other type →
 * {@code GET} of the health path (default: the endpoint). With OAUTH the token request is part of the test.
 */
@ApplicationScoped
public class ConnectionTester {

    @Inject
    OutboundClient client;

    @Inject
    OAuthTokens tokens;

    public ConnectionTest test(ResolvedConnector c) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            return switch (c.type()) {
                case HL7 -> tcp(c, at);
                case FHIR -> fhir(c, at);
                case WEBHOOK -> webhook(c, at);
                default -> http(c, at, c.healthPath() == null ? c.endpoint() : resolve(c.endpoint(), c.healthPath()));
            };
        } catch (OutboundException e) {
            return new ConnectionTest(false, millis(e.latencyNanos()), null, e.getMessage(), null, at);
        }
    }

    private ConnectionTest http(ResolvedConnector c, OffsetDateTime at, URI target) throws OutboundException {
        if (c.authType() == AuthType.OAUTH) {
            tokens.invalidate(c); // the test proves the token request too
        }
        OutboundClient.Answer answer = client.call(c, "GET", target, null, null, Map.of("Accept", "application/json, */*"));
        long latency = millis(answer.latencyNanos());
        boolean ok = answer.status() >= 200 && answer.status() < 400;
        String tokenNote = answer.tokenLatencyNanos() > 0 ? " (token fetched in " + millis(answer.tokenLatencyNanos()) + " ms)" : "";
        return new ConnectionTest(ok, latency, answer.status(), Diagnosis.ofStatus(answer.status(), c, latency) + tokenNote,
                null, at);
    }

    private ConnectionTest fhir(ResolvedConnector c, OffsetDateTime at) throws OutboundException {
        if (c.authType() == AuthType.OAUTH) {
            tokens.invalidate(c);
        }
        URI metadata = resolve(c.endpoint(), "metadata");
        OutboundClient.Answer answer = client.call(c, "GET", metadata, null, null,
                Map.of("Accept", "application/fhir+json"));
        long latency = millis(answer.latencyNanos());
        if (answer.status() != 200) {
            return new ConnectionTest(false, latency, answer.status(), Diagnosis.ofStatus(answer.status(), c, latency),
                    null, at);
        }
        try (JsonReader reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(answer.body()))) {
            JsonObject capability = reader.readObject();
            if (!"CapabilityStatement".equals(capability.getString("resourceType", null))) {
                return new ConnectionTest(false, latency, 200, "The endpoint answered, but /metadata is not a FHIR"
                        + " CapabilityStatement: is the endpoint the FHIR base URL?", null, at);
            }
            String version = capability.getString("fhirVersion", "unknown");
            JsonObject software = capability.containsKey("software") ? capability.getJsonObject("software") : null;
            String server = software == null ? "unnamed server"
                    : software.getString("name", "unnamed server") + " " + software.getString("version", "");
            boolean r4 = version.startsWith("4.0");
            return new ConnectionTest(r4, latency, 200, r4 ? "Connected to a FHIR R4 server in " + latency + " ms."
                    : "Connected, but the server speaks FHIR " + version + "; the hub needs R4 (4.0.x).",
                    "FHIR " + version + ", " + server.strip(), at);
        } catch (RuntimeException e) {
            return new ConnectionTest(false, latency, 200, "The endpoint's /metadata is not FHIR JSON.", null, at);
        }
    }

    private ConnectionTest webhook(ResolvedConnector c, OffsetDateTime at) throws OutboundException {
        String id = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        String body = "{\"type\":\"hub.test\",\"timestamp\":\"" + at + "\",\"data\":{\"connector\":" + c.id() + "}}";
        Map<String, String> headers = c.webhookSecret() == null ? Map.of()
                : signatureHeaders(c.webhookStyle(), c.webhookSecret(), id, timestamp, body);
        OutboundClient.Answer answer = client.call(c, "POST", c.endpoint(), "application/json", body, headers);
        long latency = millis(answer.latencyNanos());
        boolean ok = answer.status() >= 200 && answer.status() < 300;
        String note = c.webhookSecret() == null ? " The event was not signed: the connector has no webhook secret." : "";
        return new ConnectionTest(ok, latency, answer.status(), (ok ? "The test event was accepted (HTTP "
                + answer.status() + ") in " + latency + " ms." : Diagnosis.ofStatus(answer.status(), c, latency)) + note,
                null, at);
    }

    private ConnectionTest tcp(ResolvedConnector c, OffsetDateTime at) throws OutboundException {
        URI target = c.endpoint();
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), c.timeoutMs());
            long latency = millis(System.nanoTime() - start);
            return new ConnectionTest(true, latency, null, "TCP connection to " + target.getHost() + ":"
                    + target.getPort() + " opened in " + latency + " ms.", null, at);
        } catch (IOException e) {
            throw new OutboundException(Diagnosis.of(e, target, c.timeoutMs()), System.nanoTime() - start, e);
        }
    }

    /** The signature headers a receiver of the given style verifies (Standard Webhooks, GitHub or Stripe). */
    static Map<String, String> signatureHeaders(WebhookStyle style, String secret, String id, long timestamp,
                                                String body) {
        return switch (style == null ? WebhookStyle.STANDARD : style) {
            case STANDARD -> Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", "v1," + Base64.getEncoder().encodeToString(hmac(
                            Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1)),
                            id + "." + timestamp + "." + body)));
            case GITHUB -> Map.of("X-Hub-Signature-256", "sha256=" + java.util.HexFormat.of().formatHex(
                    hmac(secret.getBytes(StandardCharsets.UTF_8), body)));
            case STRIPE -> Map.of("Stripe-Signature", "t=" + timestamp + ",v1=" + java.util.HexFormat.of().formatHex(
                    hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body)));
            // FHIR servers verify no signature; the secret is what they send the hub, not what they expect from it
            case FHIR -> Map.of();
        };
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI resolve(URI base, String path) {
        String b = base.toString();
        String p = path.startsWith("/") ? path.substring(1) : path;
        return URI.create(b.endsWith("/") ? b + p : b + "/" + p);
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1_000_000.0);
    }
}
