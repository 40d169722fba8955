package org.hms.hub.connector.control.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hms.hub.connector.control.ConnectorRegistry;
import org.hms.hub.connector.control.outbound.OutboundClient;
import org.hms.hub.connector.control.outbound.OutboundException;
import org.hms.hub.connector.control.outbound.ResolvedConnector;
import org.hms.hub.connector.control.polling.PollLeases;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.Digests;

/**
 * FHIR R4 rest-hook notifications become inbound sync work (issue #11). A notification is
 * <ul>
 *   <li>empty (no body): something matching the Subscription changed — the connector's poll is made due now;</li>
 *   <li>a resource, or a Bundle of them (a history Bundle, or the R4 backport's notification Bundle): each
 *   resource with content is taken as it is; one that carries only its id — as does an entry with only a
 *   {@code fullUrl}, or a request to {@code /api/webhooks/{id}/{type}/{id}} without a body — is read from the
 *   FHIR server first.</li>
 * </ul>
 * Each resource version is one inbound item, keyed {@code poll:Type/id/_history/version} — the key polling gives
 * it too — so a version that comes by notification and by poll, or twice by notification, is applied once.
 */
@ApplicationScoped
public class FhirNotifications {

    private static final Set<String> BARE = Set.of("resourceType", "id", "meta");
    private static final Set<String> STATUS_TYPES = Set.of("SubscriptionStatus", "Parameters");

    @Inject
    Inbound inbound;

    @Inject
    PollLeases polling;

    @Inject
    ConnectorRegistry registry;

    @Inject
    OutboundClient client;

    /** What came of a notification: the items accepted (none for an empty one), and whether a poll was made due. */
    public record Outcome(List<Inbound.Accepted> accepted, boolean pollDue) {
    }

    public Outcome accept(long connectorId, String body, String pathType, String pathId, InboundShape shape) {
        if ((body == null || body.isBlank()) && pathType == null) {
            if (!polling.pollNow(connectorId)) {
                throw new ProblemException(422, "Nothing to act on", "The notification is empty and connector "
                        + connectorId + " is not polled, so the hub cannot tell what changed. Give the connector"
                        + " polling, or have the Subscription send the resource (payload full or id-only).");
            }
            return new Outcome(List.of(), true);
        }
        List<JsonObject> resources = new ArrayList<>();
        ResolvedConnector[] connector = {null};
        java.util.function.BiConsumer<String, String> fetch = (type, id) -> {
            if (connector[0] == null) {
                connector[0] = registry.resolve(connectorId);
            }
            resources.add(read(connector[0], type, id));
        };
        if (body == null || body.isBlank()) {
            fetch.accept(pathType, pathId);
        } else {
            JsonObject notification = parse(body);
            if ("Bundle".equals(notification.getString("resourceType", null))) {
                entries(notification, resources, fetch);
            } else {
                take(notification, resources, fetch);
            }
        }
        List<Inbound.Accepted> accepted = new ArrayList<>();
        for (JsonObject resource : resources) {
            String text = resource.toString();
            accepted.add(inbound.accept(connectorId, InboundReceipt.Source.WEBHOOK, "poll:" + versionKey(resource, text),
                    text, resource, shape, null));
        }
        return new Outcome(accepted, false);
    }

    private static void entries(JsonObject bundle, List<JsonObject> resources,
                                java.util.function.BiConsumer<String, String> fetch) {
        if (bundle.getJsonArray("entry") == null) {
            return;
        }
        for (JsonValue e : bundle.getJsonArray("entry")) {
            if (!(e instanceof JsonObject entry)) {
                continue;
            }
            if (entry.get("resource") instanceof JsonObject resource) {
                if (!STATUS_TYPES.contains(resource.getString("resourceType", ""))) {
                    take(resource, resources, fetch);
                }
                continue;
            }
            String url = entry.getString("fullUrl", null);
            if (url == null && entry.get("request") instanceof JsonObject request) {
                url = request.getString("url", null);
            }
            String[] ref = reference(url);
            if (ref != null) {
                fetch.accept(ref[0], ref[1]);
            }
        }
    }

    private static void take(JsonObject resource, List<JsonObject> resources,
                             java.util.function.BiConsumer<String, String> fetch) {
        String type = resource.getString("resourceType", null);
        String id = resource.get("id") instanceof JsonString s ? s.getString() : null;
        if (type == null || id == null) {
            throw new ProblemException(400, "Not a FHIR notification", "A notified resource names its resourceType"
                    + " and id.");
        }
        if (BARE.containsAll(resource.keySet())) {
            fetch.accept(type, id);
        } else {
            resources.add(resource);
        }
    }

    /** {@code [type, id]} of a resource URL ({@code …/Patient/123} or {@code …/Patient/123/_history/2}). */
    static String[] reference(String url) {
        if (url == null) {
            return null;
        }
        String[] parts = URI.create(url).getPath().split("/");
        int end = parts.length;
        if (end >= 2 && parts[end - 2].equals("_history")) {
            end -= 2;
        }
        if (end < 2 || !parts[end - 2].matches("[A-Z][A-Za-z]{1,63}")) {
            return null;
        }
        return new String[] {parts[end - 2], parts[end - 1]};
    }

    private JsonObject read(ResolvedConnector c, String type, String id) {
        if (type == null || !type.matches("[A-Z][A-Za-z]{1,63}") || id == null || !id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new ProblemException(400, "Not a FHIR reference", "'" + type + "/" + id + "' is not a FHIR resource"
                    + " reference.");
        }
        String base = c.endpoint().toString();
        URI target = URI.create((base.endsWith("/") ? base : base + "/") + type + "/" + id);
        OutboundClient.Answer answer;
        try {
            answer = client.call(c, "GET", target, null, null, Map.of("Accept", "application/fhir+json"));
        } catch (OutboundException e) {
            throw unavailable(type, id, e.getMessage());
        }
        if (answer.status() != 200) {
            throw unavailable(type, id, "HTTP " + answer.status());
        }
        JsonObject resource = parse(answer.body());
        if (!type.equals(resource.getString("resourceType", null))) {
            throw unavailable(type, id, "the server answered a " + resource.getString("resourceType", "non-FHIR body"));
        }
        return resource;
    }

    private static ProblemException unavailable(String type, String id, String why) {
        return new ProblemException(503, "Resource not readable", "The notification names " + type + "/" + id
                + ", which could not be read from the FHIR server (" + why + "); nothing was accepted. Send the"
                + " notification again.", Map.of("Retry-After", "30"));
    }

    private static String versionKey(JsonObject resource, String text) {
        JsonObject meta = resource.get("meta") instanceof JsonObject m ? m : null;
        String version = meta == null ? null : meta.getString("versionId", null);
        if (version == null && meta != null) {
            version = meta.getString("lastUpdated", null);
        }
        return resource.getString("resourceType") + "/" + resource.getString("id") + "/_history/"
                + (version != null ? version : "sha256:" + Digests.sha256(text));
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.JSONP.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject o) {
                return o;
            }
        } catch (jakarta.json.JsonException e) {
            throw new ProblemException(400, "Malformed JSON", "The notification is not FHIR JSON: " + e.getMessage());
        }
        throw new ProblemException(400, "Not a FHIR notification", "The notification is not a FHIR resource.");
    }
}
