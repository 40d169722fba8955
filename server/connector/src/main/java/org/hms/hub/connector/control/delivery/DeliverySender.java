package org.hms.hub.connector.control.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
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
import org.hms.hub.platform.sync.OutboundRequest;

/**
 * Makes one delivery attempt over HTTP through {@link OutboundClient} (the connector's auth, headers, timeout).
 * Every request carries {@code Idempotency-Key} (the delivery's, the same on every attempt) and
 * {@code X-Hub-Event-Type}. To a WEBHOOK connector the body is the Standard Webhooks envelope
 * {@code {type, timestamp, data}}, signed with the connector's webhook secret ({@code webhook-id} = the
 * idempotency key, so the receiver can de-duplicate retries).
 * <p>
 * A delivery another module asked for may carry a lookup (a GET first): to create only what does not exist yet
 * (found → delivered, nothing sent: a retry after a lost answer cannot create a duplicate), or to find the id its
 * path needs. The id the call created or found is the attempt's result.
 */
@ApplicationScoped
public class DeliverySender {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DeliverySender.class.getName());

    static final Pattern SECRET_HEADER = Pattern.compile("(?i).*(auth|token|key|secret|signature|cookie|password).*");

    @Inject
    OutboundClient client;

    public Outcome send(Attempt a) {
        if (a.lookup() == null) {
            return call(a, a.target());
        }
        ResolvedConnector c = a.connector();
        Map<String, String> shown = shown(c, Map.of("Idempotency-Key", a.idempotencyKey()), "application/json");
        OutboundRequest.Lookup lookup = a.lookup();
        String found;
        long lookupNanos;
        try {
            OutboundClient.Answer answer = client.call(c, "GET", target(c, lookup.path()), null, null,
                    Map.of("Accept", "application/json", "X-Hub-Event-Type", a.eventType()));
            lookupNanos = answer.latencyNanos();
            if (answer.status() < 200 || answer.status() >= 300) {
                String error = "Lookup GET " + lookup.path() + " answered HTTP " + answer.status() + snippet(answer.body());
                // A refused lookup is not retried into eternity: it is judged like the call itself would be.
                return new Outcome(answer.status(), null, error, lookupNanos, shown);
            }
            found = foundId(answer.body(), lookup);
        } catch (OutboundException e) {
            return new Outcome(null, null, "Lookup GET " + lookup.path() + ": " + e.getMessage(), e.latencyNanos(), shown);
        } catch (RuntimeException e) {
            return new Outcome(502, null, "Lookup GET " + lookup.path() + " gave an answer that cannot be read: "
                    + e.getMessage(), 0, shown);
        }
        if (lookup.mode() == OutboundRequest.Lookup.Mode.CREATE_IF_ABSENT) {
            if (found != null) {
                // Created already (by an earlier attempt whose answer was lost, or by anyone): done, nothing sent.
                return new Outcome(200, null, null, lookupNanos, shown, found);
            }
            return call(a, a.target());
        }
        if (found == null) {
            return new Outcome(404, null, "Lookup GET " + lookup.path() + " found nothing to " + a.method(),
                    lookupNanos, shown);
        }
        Outcome outcome = call(a, URI.create(a.target().toString().replace("%7Bid%7D",
                URLEncoder.encode(found, StandardCharsets.UTF_8))));
        return outcome.resultId() != null ? outcome : new Outcome(outcome.status(), outcome.retryAfterMillis(),
                outcome.error(), outcome.latencyNanos(), outcome.sentHeaders(), found);
    }

    /** The id of the first item the lookup's answer lists, or null when it lists none. */
    static String foundId(String body, OutboundRequest.Lookup lookup) {
        if (body == null || body.isBlank()) {
            return null;
        }
        jakarta.json.JsonValue root;
        try (var reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(body))) {
            root = reader.readValue();
        }
        jakarta.json.JsonValue items = pointer(root, lookup.itemsPointer());
        jakarta.json.JsonValue first = items == null ? null : switch (items.getValueType()) {
            case ARRAY -> items.asJsonArray().isEmpty() ? null : items.asJsonArray().get(0);
            case OBJECT -> items;
            default -> null;
        };
        return first == null ? null : text(pointer(first, lookup.idPointer()));
    }

    /** The value at a JSON Pointer, or null when there is none. */
    static jakarta.json.JsonValue pointer(jakarta.json.JsonValue root, String pointer) {
        if (root == null || pointer == null || pointer.isEmpty()) {
            return root;
        }
        var p = org.hms.hub.platform.json.Json.JSONP.createPointer(pointer);
        if (!(root instanceof jakarta.json.JsonStructure structure) || !p.containsValue(structure)) {
            return null;
        }
        return p.getValue(structure);
    }

    private static String text(jakarta.json.JsonValue v) {
        if (v == null || v.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            return null;
        }
        return v instanceof jakarta.json.JsonString str ? str.getString() : v.toString();
    }

    private Outcome call(Attempt a, URI target) {
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
            OutboundClient.Answer answer = client.call(c, a.method(), target, contentType, body, headers);
            String error = answer.status() >= 300 ? "HTTP " + answer.status() + snippet(answer.body()) : null;
            List<String> retryAfter = answer.headers().get("retry-after");
            String resultId = null;
            if (a.resultPointer() != null && error == null) {
                try {
                    resultId = foundId(answer.body(), new OutboundRequest.Lookup(null, "", a.resultPointer(), null));
                } catch (RuntimeException e) {
                    LOG.warning(a + ": the answer carries no readable id at " + a.resultPointer() + ": " + e);
                }
            }
            return new Outcome(answer.status(), retryAfter == null || retryAfter.isEmpty() ? null
                    : RetryPolicy.retryAfterMillis(retryAfter.get(0), Instant.now()), error, answer.latencyNanos(), shown,
                    resultId);
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

    public static URI target(ResolvedConnector c, String path) {
        if (path == null || path.isBlank()) {
            return c.endpoint();
        }
        String base = c.endpoint().toString();
        // "{id}" is the place of a looked-up id (OutboundRequest.Lookup.Mode.TARGET), filled in just before the call.
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + (path.startsWith("/") ? path : "/" + path).replace("{id}", "%7Bid%7D"));
    }
}
