package org.hms.hub.connector.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.hub.connector.control.inbound.FhirNotifications;
import org.hms.hub.connector.control.inbound.Inbound;
import org.hms.hub.connector.control.inbound.WebhookIntake;
import org.hms.hub.connector.control.inbound.WebhookVerifier;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.connector.WebhookStyle;
import org.hms.hub.model.sync.WebhookAck;
import org.hms.hub.platform.problem.ProblemException;

/**
 * {@code POST /api/webhooks/{connectorId}}: webhooks from external systems. No bearer token — the signature made
 * with the connector's secret is the authentication ({@link WebhookVerifier}). In order: body within
 * {@code hub.webhooks.max-body-bytes} (default 1 MiB, else 413), a connector that takes webhooks (else 404),
 * signature and timestamp (401; 400 for missing headers), JSON (400), connector switched on (409, so the sender
 * retries later), the order integration claiming the connector not DISABLED (503 with {@code Retry-After}). Then the item is receipted and queued durably, and only then answered 202 with the receipt id.
 * A webhook id received before is answered 202 with {@code duplicate: true} and not processed again.
 */
@Path("webhooks/{connectorId}")
// One instance for all requests (it keeps no state of a request): creating and injecting a request-scoped resource
// and reading its configuration again took about a seventh of a webhook request's CPU (#10).
@ApplicationScoped
@PermitAll
public class WebhooksResource {

    private final int maxBytes = ConfigProvider.getConfig()
            .getOptionalValue("hub.webhooks.max-body-bytes", Integer.class).orElse(1024 * 1024);

    @Inject
    WebhookIntake intake;

    @Inject
    org.hms.hub.connector.control.inbound.WebhookTargets targets;

    @Inject
    org.hms.hub.connector.control.inbound.WebhookBatches batches;


    @Inject
    FhirNotifications notifications;

    @Inject
    org.hms.hub.platform.sync.InboundRoutes routes;

    @Inject
    org.hms.hub.connector.control.ConnectorMetrics metrics;

    /** Set only for a FHIR notification, which is accepted in the request; other webhooks name their tenant. */
    @Inject
    org.hms.hub.platform.tenancy.TenantContext tenant;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("connectorId") long connectorId, @Context HttpHeaders headers,
                            @Context HttpServletRequest request, InputStream body) {
        return handle(connectorId, null, null, headers, request, body);
    }

    /** FHIR servers may PUT a notified resource to the endpoint (HAPI does), or to {@code endpoint/Type/id}. */
    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receivePut(@PathParam("connectorId") long connectorId, @Context HttpHeaders headers,
                               @Context HttpServletRequest request, InputStream body) {
        return handle(connectorId, null, null, headers, request, body);
    }

    @POST
    @Path("{type}/{resourceId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receiveResource(@PathParam("connectorId") long connectorId, @PathParam("type") String type,
                                    @PathParam("resourceId") String resourceId, @Context HttpHeaders headers,
                                    @Context HttpServletRequest request, InputStream body) {
        return handle(connectorId, type, resourceId, headers, request, body);
    }

    @PUT
    @Path("{type}/{resourceId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receiveResourcePut(@PathParam("connectorId") long connectorId, @PathParam("type") String type,
                                       @PathParam("resourceId") String resourceId, @Context HttpHeaders headers,
                                       @Context HttpServletRequest request, InputStream body) {
        return handle(connectorId, type, resourceId, headers, request, body);
    }

    private Response handle(long connectorId, String type, String resourceId, HttpHeaders headers,
                            HttpServletRequest request, InputStream body) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parseLong(length) > maxBytes) {
            throw tooLarge();
        }
        byte[] bytes = read(body);
        WebhookIntake.Target target = targets.target(connectorId).orElseThrow(() -> new ProblemException(404,
                "No webhook endpoint", "Connector " + connectorId + " does not exist or does not take webhooks."));
        WebhookVerifier.Verified verified;
        try {
            verified = WebhookVerifier.verify(target.style(), lowerCase(headers), bytes, target.secrets(), Instant.now());
        } catch (WebhookVerifier.Refused e) {
            intake.refused(target.tenant(), connectorId, e.status(), e.getMessage(), request.getRemoteAddr());
            metrics.webhook(target.tenant(), connectorId, "rejected");
            throw new ProblemException(e.status(), e.status() == 401 ? "Webhook signature refused" : "Webhook malformed",
                    e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (target.style() == WebhookStyle.FHIR) {
            return fhir(target, text, type, resourceId, request);
        }
        if (type != null || !"POST".equals(request.getMethod())) {
            throw new ProblemException(405, "Not a FHIR connector", "Connector " + connectorId + " takes webhooks as"
                    + " POST to /api/webhooks/" + connectorId + "; resource paths and PUT are for FHIR notifications.");
        }
        JsonValue parsed;
        try (var reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(text))) {
            parsed = reader.readValue();
        } catch (jakarta.json.JsonException e) {
            intake.refused(target.tenant(), connectorId, 400, "Body is not JSON", request.getRemoteAddr());
            throw new ProblemException(400, "Malformed JSON", "The webhook body is not valid JSON: " + e.getMessage());
        }
        requireAccepting(target, request);
        String externalId = verified.webhookId() != null ? verified.webhookId() : eventId(parsed, bytes);
        // committed together with the webhooks arriving meanwhile; answered once this one is committed
        Inbound.Accepted accepted = batches.accept(target.tenant(), connectorId, "webhook:" + externalId, text, parsed,
                target.shape());
        metrics.webhook(target.tenant(), connectorId, accepted.duplicate() ? "duplicate" : "accepted");
        return Response.accepted(new WebhookAck(java.util.UUID.fromString(accepted.receiptId()), accepted.duplicate(),
                accepted.receivedAt())).type(MediaType.APPLICATION_JSON).build();
    }

    /** A FHIR notification: checked like any webhook above, then turned into inbound items (or a poll made due). */
    private Response fhir(WebhookIntake.Target target, String text, String type, String resourceId,
                          HttpServletRequest request) {
        requireAccepting(target, request);
        tenant.set(target.tenant()); // the notification is read and accepted in this request, for this tenant
        FhirNotifications.Outcome outcome;
        try {
            outcome = notifications.accept(target.connectorId(), text, type, resourceId, target.shape());
        } catch (ProblemException e) {
            intake.refused(target.tenant(), target.connectorId(), e.status(), e.getMessage(), request.getRemoteAddr());
            throw e;
        }
        metrics.webhook(target.tenant(), target.connectorId(), outcome.accepted().stream()
                .allMatch(Inbound.Accepted::duplicate) && !outcome.pollDue() ? "duplicate" : "accepted");
        if (outcome.accepted().isEmpty()) {
            return Response.accepted().build();
        }
        Inbound.Accepted last = outcome.accepted().get(outcome.accepted().size() - 1);
        return Response.accepted(new WebhookAck(java.util.UUID.fromString(last.receiptId()), outcome.accepted().stream()
                .allMatch(Inbound.Accepted::duplicate), last.receivedAt())).type(MediaType.APPLICATION_JSON).build();
    }

    /** A switched-off connector (409) or integration (503) takes nothing now; the sender is to try again. */
    private void requireAccepting(WebhookIntake.Target target, HttpServletRequest request) {
        long connectorId = target.connectorId();
        if (target.status() == ConnectorStatus.INACTIVE) {
            throw new ProblemException(409, "Connector switched off", "Connector " + connectorId
                    + " is switched off; the webhook was not accepted. Send it again once the connector is active.",
                    Map.of("Retry-After", "60"));
        }
        org.hms.hub.platform.sync.InboundRoutes.Route route = routes.route(target.tenant(), connectorId);
        if (route != null && !route.accepting()) {
            intake.refused(target.tenant(), connectorId, 503, route.reason(), request.getRemoteAddr());
            throw new ProblemException(503, "Integration switched off", route.reason() + " The webhook was not"
                    + " accepted; send it again later.", Map.of("Retry-After",
                    Integer.toString(route.retryAfterSeconds())));
        }
    }

    /** Stripe-style senders carry the event id in the body; failing that, the body's digest identifies it. */
    private static String eventId(JsonValue parsed, byte[] bytes) {
        if (parsed instanceof jakarta.json.JsonObject o && o.get("id") instanceof jakarta.json.JsonString id) {
            return id.getString();
        }
        return "sha256:" + Inbound.sha256(bytes);
    }

    private byte[] read(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(400, "Body unreadable", "The request body could not be read: " + e.getMessage());
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "Payload too large", "A webhook body may have at most " + maxBytes + " bytes.");
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> lowerCase(HttpHeaders headers) {
        Map<String, String> map = new HashMap<>();
        headers.getRequestHeaders().forEach((k, v) -> {
            if (!v.isEmpty()) {
                map.put(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        return map;
    }
}
