package org.hms.hub.connector.control.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hms.hub.connector.control.inbound.WebhookVerifier;
import org.hms.hub.connector.control.outbound.OutboundClient;
import org.hms.hub.connector.control.outbound.OutboundException;
import org.hms.hub.connector.control.outbound.ResolvedConnector;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorType;

/**
 * Makes one delivery attempt over HTTP through {@link OutboundClient} (the connector's auth, headers, timeout).
 * Every request carries {@code Idempotency-Key} (the delivery's, the same on every attempt) and
 * {@code X-Hub-Event-Type}. To a WEBHOOK connector the body is the Standard Webhooks envelope
 * {@code {type, timestamp, data}}, signed with the connector's webhook secret ({@code webhook-id} = the
 * idempotency key, so the receiver can de-duplicate retries).
 */
@ApplicationScoped
public class DeliverySender {

    static final Pattern SECRET_HEADER = Pattern.compile("(?i).*(auth|token|key|secret|signature|cookie|password).*");

    @Inject
    OutboundClient client;

    public Outcome send(Attempt a) {
        ResolvedConnector c = a.connector();
        String body = a.payload();
        String contentType = body.stripLeading().startsWith("<") ? "application/xml" : "application/json";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", a.idempotencyKey());
        headers.put("X-Hub-Event-Type", a.eventType());
        if (c.type() == ConnectorType.WEBHOOK) {
            body = envelope(a);
            contentType = "application/json";
            if (c.webhookSecret() != null) {
                long timestamp = Instant.now().getEpochSecond();
                headers.put("webhook-id", a.idempotencyKey());
                headers.put("webhook-timestamp", Long.toString(timestamp));
                headers.put("webhook-signature", WebhookVerifier.signStandard(c.webhookSecret(), a.idempotencyKey(),
                        timestamp, body.getBytes(StandardCharsets.UTF_8)));
            }
        }
        Map<String, String> shown = shown(c, headers, contentType);
        try {
            OutboundClient.Answer answer = client.call(c, a.method(), a.target(), contentType, body, headers);
            String error = answer.status() >= 300 ? "HTTP " + answer.status() + snippet(answer.body()) : null;
            List<String> retryAfter = answer.headers().get("retry-after");
            return new Outcome(answer.status(), retryAfter == null || retryAfter.isEmpty() ? null
                    : RetryPolicy.retryAfterMillis(retryAfter.get(0), Instant.now()), error, answer.latencyNanos(), shown);
        } catch (OutboundException e) {
            return new Outcome(null, null, e.getMessage(), e.latencyNanos(), shown);
        }
    }

    /** The Standard Webhooks payload: stable for the delivery (its creation time, not the attempt's). */
    static String envelope(Attempt a) {
        String data;
        try (var reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(a.payload()))) {
            data = reader.readValue().toString();
        } catch (jakarta.json.JsonException e) {
            data = org.hms.hub.platform.json.Json.JSONP.createValue(a.payload()).toString();
        }
        return "{\"type\":" + org.hms.hub.platform.json.Json.JSONP.createValue(a.eventType()) + ",\"timestamp\":\""
                + a.createdAt().toInstant() + "\",\"data\":" + data + "}";
    }

    /** The headers as a dead letter shows them: secrets masked. */
    private static Map<String, String> shown(ResolvedConnector c, Map<String, String> headers, String contentType) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("Content-Type", contentType);
        c.headers().forEach((k, v) -> shown.put(k, SECRET_HEADER.matcher(k).matches() ? "****" : v));
        headers.forEach((k, v) -> shown.put(k, k.equals("webhook-signature") ? "v1,****" : v));
        if (c.authType() == AuthType.API_KEY && c.apiKeyQueryParam() == null) {
            shown.put(c.apiKeyHeader() != null ? c.apiKeyHeader() : ResolvedConnector.DEFAULT_API_KEY_HEADER, "****");
        } else if (c.authType() != AuthType.NONE && c.authType() != AuthType.API_KEY) {
            shown.put("Authorization", (c.authType() == AuthType.BASIC_AUTH ? "Basic" : "Bearer") + " ****");
        }
        return shown;
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return ": " + (oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine);
    }

    static URI target(ResolvedConnector c, String path) {
        if (path == null || path.isBlank()) {
            return c.endpoint();
        }
        String base = c.endpoint().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + (path.startsWith("/") ? path : "/" + path));
    }
}
