package org.hms.hub.connector.control.registration;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Subscription;
import org.hms.hub.connector.control.outbound.OutboundClient;
import org.hms.hub.connector.control.outbound.OutboundException;
import org.hms.hub.connector.control.outbound.ResolvedConnector;
import org.hms.hub.platform.json.Json;

/**
 * The calls that subscribe the hub with a connector's system and remove it again: an R4 {@code Subscription}
 * (rest-hook) on a FHIR server, or the declared subscribe and unsubscribe calls of a REST system. Every call goes
 * through {@link OutboundClient}, with the connector's auth. A failure is a {@link Failed} with a readable reason.
 */
@ApplicationScoped
public class SubscriptionCalls {

    /** The R4 backport's extension that asks for id-only notifications. */
    static final String PAYLOAD_CONTENT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content";
    private static final String FHIR_JSON = "application/fhir+json";

    private final FhirContext fhir = FhirContext.forR4Cached();

    @Inject
    OutboundClient client;

    /** A subscription made: the system's id for it, and whether it is active already (REST) or requested (FHIR). */
    public record Made(String id, boolean active) {
    }

    /** What the FHIR server says of a Subscription: its status and, in error, why. */
    public record Seen(String status, String error) {
    }

    /** A call that did not succeed, with the reason in words. */
    public static final class Failed extends Exception {
        public Failed(String reason) {
            super(reason);
        }
    }

    public Made subscribe(ResolvedConnector c, SubscriptionConfig config, URI hook, String secret) throws Failed {
        try {
            return make(c, config, hook, secret);
        } catch (Failed e) {
            // a system that echoes the request in its error must not put the secret into a status or the audit trail
            throw new Failed(e.getMessage().replace(secret, "***"));
        }
    }

    private Made make(ResolvedConnector c, SubscriptionConfig config, URI hook, String secret) throws Failed {
        if (config.fhir()) {
            Subscription s = new Subscription();
            s.setStatus(Subscription.SubscriptionStatus.REQUESTED);
            s.setReason(config.reason() != null ? config.reason() : "HMS Integration Hub: connector " + c.name());
            s.setCriteria(config.criteria());
            Subscription.SubscriptionChannelComponent channel = s.getChannel();
            channel.setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(hook.toString());
            channel.addHeader("Authorization: Bearer " + secret);
            if (!config.payload().equals("empty")) {
                channel.setPayload(FHIR_JSON);
                if (config.payload().equals("id-only")) {
                    channel.getPayloadElement().addExtension(PAYLOAD_CONTENT, new CodeType("id-only"));
                }
            }
            OutboundClient.Answer answer = call(c, "POST", resolve(c, "Subscription"), "Subscription", FHIR_JSON,
                    fhir.newJsonParser().encodeResourceToString(s));
            String id = idOf(answer);
            if (id == null) {
                throw new Failed("The FHIR server created the Subscription but named no id (no Location, no id in the body).");
            }
            return new Made(id, false);
        }
        String body = config.subscribeBody() == null ? null
                : fill(Json.JSONB.toJson(config.subscribeBody()), hook, secret, null, true);
        OutboundClient.Answer answer = call(c, config.subscribeMethod(),
                resolve(c, fill(config.subscribePath(), hook, secret, null, false)), config.subscribePath(),
                "application/json", body);
        String id = config.idPointer() == null ? null : pointer(answer.body(), config.idPointer());
        if (config.idPointer() != null && id == null) {
            throw new Failed("The system subscribed the hub but its answer has nothing at " + config.idPointer()
                    + " (subscription.idPointer).");
        }
        return new Made(id, true);
    }

    public Seen check(ResolvedConnector c, String id) throws Failed {
        OutboundClient.Answer answer = call(c, "GET", resolve(c, "Subscription/" + id), "Subscription/" + id, null, null);
        try {
            Subscription s = fhir.newJsonParser().parseResource(Subscription.class, answer.body());
            return new Seen(s.getStatus() == null ? "unknown" : s.getStatus().toCode(), s.getError());
        } catch (DataFormatException e) {
            throw new Failed("The FHIR server's answer for Subscription/" + id + " is not a Subscription: " + e.getMessage());
        }
    }

    /** Removes the subscription; one the system no longer knows (404, 410) counts as removed. */
    public void unsubscribe(ResolvedConnector c, SubscriptionConfig config, String id) throws Failed {
        if (config.fhir()) {
            call(c, "DELETE", resolve(c, "Subscription/" + id), "Subscription/" + id, null, null, 404, 410);
        } else if (config.unsubscribeMethod() != null) {
            call(c, config.unsubscribeMethod(), resolve(c, fill(config.unsubscribePath(), null, null, id, false)),
                    config.unsubscribePath(), null, null, 404, 410);
        }
    }

    /** {@code path} names the call in messages: the declared path, never one filled with the secret. */
    private OutboundClient.Answer call(ResolvedConnector c, String method, URI target, String path, String type,
                                       String body, int... alsoFine) throws Failed {
        OutboundClient.Answer answer;
        try {
            answer = client.call(c, method, target, type, body, type == null ? Map.of("Accept", FHIR_JSON + ", application/json")
                    : Map.of("Accept", type));
        } catch (OutboundException e) {
            throw new Failed(method + " " + path + ": " + e.getMessage());
        }
        if (answer.status() / 100 != 2 && java.util.Arrays.stream(alsoFine).noneMatch(s -> s == answer.status())) {
            String text = answer.body() == null ? "" : answer.body().strip();
            throw new Failed(method + " " + path + " answered HTTP " + answer.status()
                    + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(text.length(), 300))));
        }
        return answer;
    }

    private static URI resolve(ResolvedConnector c, String path) {
        String base = c.endpoint().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + (path.startsWith("/") ? path.substring(1) : path));
    }

    private String idOf(OutboundClient.Answer answer) {
        if (answer.body() != null && !answer.body().isBlank()) {
            try {
                Subscription s = fhir.newJsonParser().parseResource(Subscription.class, answer.body());
                if (s.getIdElement().getIdPart() != null) {
                    return s.getIdElement().getIdPart();
                }
            } catch (DataFormatException e) {
                // fall back to the Location header
            }
        }
        List<String> location = answer.headers().getOrDefault("location", answer.headers().get("Location"));
        if (location == null || location.isEmpty()) {
            return null;
        }
        String path = URI.create(location.get(0)).getPath();
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("Subscription")) {
                return parts[i + 1];
            }
        }
        return null;
    }

    /** Fills {url}, {secret} and {id}; in a JSON body, as JSON string content. */
    private static String fill(String template, URI hook, String secret, String id, boolean json) {
        String out = template;
        if (hook != null) {
            out = out.replace("{url}", json ? escape(hook.toString()) : hook.toString());
        }
        if (secret != null) {
            out = out.replace("{secret}", json ? escape(secret) : java.net.URLEncoder.encode(secret,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        if (id != null) {
            out = out.replace("{id}", java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String escape(String s) {
        String quoted = Json.JSONB.toJson(s);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String pointer(String body, String pointer) {
        try (var reader = Json.JSONP.createReader(new StringReader(body == null ? "" : body))) {
            JsonValue root = reader.readValue();
            JsonPointer p = Json.JSONP.createPointer(pointer);
            if (!(root instanceof jakarta.json.JsonStructure s) || !p.containsValue(s)) {
                return null;
            }
            JsonValue v = p.getValue(s);
            return v instanceof JsonString str ? str.getString() : v instanceof jakarta.json.JsonNumber n ? n.toString() : null;
        } catch (jakarta.json.JsonException e) {
            return null;
        }
    }
}
