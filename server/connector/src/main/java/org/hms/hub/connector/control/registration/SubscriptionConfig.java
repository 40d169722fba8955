package org.hms.hub.connector.control.registration;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.platform.config.PublicUrl;

/**
 * How the hub subscribes itself with a connector's system, from the connector's config {@code subscription}:
 * <pre>
 * FHIR: {"subscription": {"criteria": "Patient?organization=Organization/12", "payload": "full",
 *                         "reason": "HMS patient sync"}}
 * REST: {"subscription": {"subscribe": {"method": "POST", "path": "/api/webhooks",
 *                                       "body": {"url": "{url}", "secret": "{secret}", "events": ["order.*"]}},
 *                         "idPointer": "/id", "unsubscribe": {"method": "DELETE", "path": "/api/webhooks/{id}"}}}
 * </pre>
 * FHIR: an R4 {@code Subscription} (rest-hook) whose endpoint is the hub's webhook URL for the connector and whose
 * channel header carries the connector's webhook secret; {@code payload} is {@code full} (the resource comes with
 * the notification), {@code id-only} (only its id: the hub reads it) or {@code empty} (nothing: the hub polls,
 * so the connector needs {@code polling}). REST: a call whose path and body may hold {@code {url}} (the hub's
 * webhook URL) and {@code {secret}}; the answer's {@code idPointer} names the subscription, which the
 * unsubscribe call's path may hold as {@code {id}}. Either may set {@code publicUrl}, the hub's address as this
 * system reaches it, instead of {@code hub.public-url}. Pure.
 */
public record SubscriptionConfig(boolean fhir, String criteria, String payload, String reason, String publicUrl,
                                 String subscribeMethod, String subscribePath, Object subscribeBody, String idPointer,
                                 String unsubscribeMethod, String unsubscribePath) {

    static final Set<String> PAYLOADS = Set.of("full", "id-only", "empty");
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The connector's declaration, or null when it declares none; throws with a readable message when malformed. */
    @SuppressWarnings("unchecked")
    public static SubscriptionConfig of(ConnectorType type, Map<String, Object> config) {
        if (config == null || !(config.get("subscription") instanceof Map<?, ?> raw)) {
            return null;
        }
        Map<String, Object> s = (Map<String, Object>) raw;
        String publicUrl = text(s, "publicUrl");
        if (publicUrl != null) {
            PublicUrl.parse(publicUrl);
        }
        if (type == ConnectorType.FHIR) {
            String criteria = text(s, "criteria");
            if (criteria == null || !criteria.matches("[A-Z][A-Za-z]{1,63}(\\?.*)?")) {
                throw new IllegalArgumentException("subscription.criteria is a FHIR search such as \"Patient?"
                        + "organization=Organization/12\" (a resource type, then search parameters).");
            }
            String payload = s.get("payload") instanceof String p ? p : "full";
            if (!PAYLOADS.contains(payload)) {
                throw new IllegalArgumentException("subscription.payload is full, id-only or empty.");
            }
            if (payload.equals("empty") && !(config.get("polling") instanceof Map)) {
                throw new IllegalArgumentException("An empty notification says only that something changed: with"
                        + " subscription.payload \"empty\" the connector needs polling, which the hub runs on each one.");
            }
            return new SubscriptionConfig(true, criteria, payload, text(s, "reason"), publicUrl, null, null, null,
                    null, null, null);
        }
        Map<String, Object> subscribe = call(s, "subscribe");
        if (subscribe == null) {
            throw new IllegalArgumentException("subscription.subscribe is the call that subscribes the hub: {\"method\":"
                    + " \"POST\", \"path\": \"/webhooks\", \"body\": {…\"{url}\"…}}.");
        }
        Map<String, Object> unsubscribe = call(s, "unsubscribe");
        String idPointer = text(s, "idPointer");
        if (unsubscribe != null && String.valueOf(unsubscribe.get("path")).contains("{id}") && idPointer == null) {
            throw new IllegalArgumentException("subscription.idPointer says where the answer to subscribe names the"
                    + " subscription (e.g. /id), which unsubscribe's path uses as {id}.");
        }
        return new SubscriptionConfig(false, null, null, null, publicUrl, method(subscribe, "subscribe"),
                path(subscribe, "subscribe"), subscribe.get("body"), idPointer,
                unsubscribe == null ? null : method(unsubscribe, "unsubscribe"),
                unsubscribe == null ? null : path(unsubscribe, "unsubscribe"));
    }

    /** The hub's webhook URL for the connector, as its system reaches the hub; empty when no public URL is set. */
    public java.util.Optional<URI> webhookUrl(long connectorId) {
        java.util.Optional<URI> base = publicUrl != null ? java.util.Optional.of(PublicUrl.parse(publicUrl))
                : PublicUrl.configured();
        return base.map(u -> URI.create(u + "/api/webhooks/" + connectorId));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(Map<String, Object> s, String name) {
        return s.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static String method(Map<String, Object> call, String name) {
        String method = call.get("method") instanceof String m ? m.toUpperCase(java.util.Locale.ROOT) : "POST";
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("subscription." + name + ".method is one of " + METHODS + ".");
        }
        return method;
    }

    private static String path(Map<String, Object> call, String name) {
        if (!(call.get("path") instanceof String p) || !p.startsWith("/") || p.contains("://")) {
            throw new IllegalArgumentException("subscription." + name + ".path starts with '/', e.g. /webhooks.");
        }
        return p;
    }

    private static String text(Map<String, Object> s, String key) {
        return s.get(key) instanceof String v && !v.isBlank() ? v : null;
    }
}
