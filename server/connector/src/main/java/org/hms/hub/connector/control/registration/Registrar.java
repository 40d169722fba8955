package org.hms.hub.connector.control.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.hms.hub.connector.control.outbound.OAuthTokens;
import org.hms.hub.connector.control.outbound.OutboundException;
import org.hms.hub.connector.entity.Registration;
import org.hms.hub.connector.entity.Registration.Sub;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Keeps one connector's registration with its system in step with the connector (issue #11): with OAuth, the
 * token is fetched whenever the connector changes and the outcome shows as {@code CONNECTED} or {@code ERROR};
 * a connector that is active, takes webhooks and declares a {@code subscription} has the hub subscribed there
 * (an R4 Subscription is waited for until the server makes it active, and looked at again every
 * {@link #VERIFY_EVERY}); a connector switched off, or one whose endpoint, declaration or webhook secret
 * changed, has the old subscription removed first. Calls go out with no transaction open; each outcome is stored
 * in one of its own. Failures are retried every {@link #RETRY_AFTER}.
 */
@ApplicationScoped
public class Registrar {

    static final Duration VERIFY_EVERY = Duration.ofMinutes(5);
    static final Duration RETRY_AFTER = Duration.ofSeconds(60);
    static final Duration ACTIVATION_WAIT = Duration.ofMinutes(5);
    static final Duration ACTIVATION_POLL = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(Registrar.class.getName());

    @Inject
    Registrations store;

    @Inject
    SubscriptionCalls calls;

    @Inject
    OAuthTokens tokens;

    @Inject
    TenantContext tenant;

    /** Works the connector's registration out, when it changed or is due; the tenant must be set. */
    public void reconcile(long connectorId) {
        Registrations.Plan p = store.plan(connectorId);
        if (p == null || !p.due()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<SyncEvent> out = new ArrayList<>();
        String[] auth = {p.authState(), null};
        if (p.oauth() && (p.versionChanged() || !"CONNECTED".equals(p.authState()))) {
            tokens.invalidate(p.connector());
            try {
                tokens.token(p.connector());
                auth = new String[] {"CONNECTED", null};
            } catch (OutboundException e) {
                auth = new String[] {"ERROR", "The token could not be fetched: " + e.getMessage()};
            }
            if (!auth[0].equals(p.authState())) {
                out.add(event(connectorId, auth[0].equals("CONNECTED") ? "ConnectorConnected" : "ConnectorAuthFailed",
                        auth[0].equals("CONNECTED") ? "success" : "failure", auth[1], Map.of()));
            }
        } else if (!p.oauth()) {
            auth = new String[] {null, null};
        }
        Step step = subscription(p, now, out);
        String[] authOutcome = auth;
        OffsetDateTime next = step.next;
        if ("ERROR".equals(auth[0]) && (next == null || next.isAfter(now.plus(RETRY_AFTER)))) {
            next = now.plus(RETRY_AFTER);
        }
        store.save(connectorId, p.version(), r -> {
            r.auth(authOutcome[0], authOutcome[1]);
            step.change.accept(r);
        }, next, out);
    }

    /** Removes the connector's subscription before the connector is deleted; a failure is recorded, not thrown. */
    public Optional<String> release(long connectorId) {
        Registrations.Plan p = store.plan(connectorId);
        if (p == null || p.subId() == null) {
            return Optional.empty();
        }
        List<SyncEvent> out = new ArrayList<>();
        Optional<String> failure = remove(p, out);
        store.delete(connectorId, out);
        return failure;
    }

    private record Step(java.util.function.Consumer<Registration> change, OffsetDateTime next) {
    }

    private Step subscription(Registrations.Plan p, OffsetDateTime now, List<SyncEvent> out) {
        if (p.configError() != null) {
            return new Step(r -> r.sub(Sub.ERROR, "The subscription declaration is not usable: " + p.configError()),
                    null);
        }
        Optional<URI> hook = p.config() == null ? Optional.empty() : p.config().webhookUrl(p.connector().id());
        String key = hook.map(h -> p.key(h.toString())).orElse(null);
        boolean stale = p.subId() != null && (!p.wanted() || !p.subKey().equals(key) || p.sub() == Sub.ERROR);
        if (stale) {
            Optional<String> failure = remove(p, out);
            if (failure.isPresent()) {
                return new Step(r -> r.sub(Sub.ERROR, failure.get()), now.plus(RETRY_AFTER));
            }
            if (!p.wanted()) {
                return new Step(r -> {
                    r.removed();
                    r.sub(p.config() == null ? null : Sub.OFF, null);
                }, null);
            }
        }
        if (!p.wanted()) {
            return new Step(r -> r.sub(p.config() == null ? null : Sub.OFF, null), null);
        }
        if (hook.isEmpty()) {
            return new Step(r -> r.sub(Sub.ERROR, "The hub has no public URL to give the system: set hub.public-url"
                    + " (or subscription.publicUrl for this connector)."), null);
        }
        if (stale || p.subId() == null) {
            return subscribe(p, hook.get(), key, now, out);
        }
        return check(p, now, out);
    }

    private Step subscribe(Registrations.Plan p, URI hook, String key, OffsetDateTime now, List<SyncEvent> out) {
        if (p.connector().webhookSecret() == null) {
            return new Step(r -> r.sub(Sub.ERROR, "The connector has no webhook secret to give the system."),
                    now.plus(RETRY_AFTER));
        }
        try {
            SubscriptionCalls.Made made = calls.subscribe(p.connector(), p.config(), hook, p.connector().webhookSecret());
            out.add(event(p.connector().id(), "SubscriptionRequested", "success", null, Map.of("subscriptionId",
                    String.valueOf(made.id()))));
            Sub state = made.active() ? Sub.ACTIVE : Sub.REQUESTED;
            return new Step(r -> {
                r.made(made.id(), p.connector().endpoint().toString(), p.configJson(), key, now);
                r.sub(state, null);
            }, made.active() ? null : now.plus(ACTIVATION_POLL));
        } catch (SubscriptionCalls.Failed e) {
            out.add(event(p.connector().id(), "SubscriptionFailed", "failure", e.getMessage(), Map.of()));
            return new Step(r -> {
                r.removed();
                r.sub(Sub.ERROR, e.getMessage());
            }, now.plus(RETRY_AFTER));
        }
    }

    private Step check(Registrations.Plan p, OffsetDateTime now, List<SyncEvent> out) {
        if (!p.config().fhir()) {
            return new Step(r -> r.sub(Sub.ACTIVE, null), null);
        }
        try {
            SubscriptionCalls.Seen seen = calls.check(p.connector(), p.subId());
            if (seen.status().equals("active")) {
                if (p.sub() != Sub.ACTIVE) {
                    out.add(event(p.connector().id(), "SubscriptionActive", "success", null, Map.of("subscriptionId", p.subId())));
                }
                return new Step(r -> r.sub(Sub.ACTIVE, null), now.plus(VERIFY_EVERY));
            }
            if (seen.status().equals("requested")) {
                if (p.requestedAt() != null && p.requestedAt().plus(ACTIVATION_WAIT).isBefore(now)) {
                    String reason = "The FHIR server has not made Subscription/" + p.subId() + " active within "
                            + ACTIVATION_WAIT.toMinutes() + " min; it is made again.";
                    out.add(event(p.connector().id(), "SubscriptionFailed", "failure", reason, Map.of()));
                    return new Step(r -> r.sub(Sub.ERROR, reason), now.plus(RETRY_AFTER));
                }
                return new Step(r -> r.sub(Sub.REQUESTED, null), now.plus(ACTIVATION_POLL));
            }
            String reason = "The FHIR server set Subscription/" + p.subId() + " to " + seen.status()
                    + (seen.error() == null ? "" : ": " + seen.error()) + "; it is made again.";
            out.add(event(p.connector().id(), "SubscriptionFailed", "failure", reason, Map.of()));
            return new Step(r -> r.sub(Sub.ERROR, reason), now.plus(RETRY_AFTER));
        } catch (SubscriptionCalls.Failed e) {
            return new Step(r -> r.sub(p.sub(), "Last check failed: " + e.getMessage()), now.plus(RETRY_AFTER));
        }
    }

    /** Removes the subscription the plan records, as it was made; empty when it is gone. */
    private Optional<String> remove(Registrations.Plan p, List<SyncEvent> out) {
        try {
            SubscriptionConfig made = p.subConfig() == null ? p.config()
                    : SubscriptionConfig.of(p.connector().type(), Map.of("subscription",
                    Json.JSONB.fromJson(p.subConfig(), Map.class), "polling", Map.of()));
            if (made != null) {
                calls.unsubscribe(withEndpoint(p), made, p.subId());
            }
            out.add(event(p.connector().id(), "SubscriptionRemoved", "success", null, Map.of("subscriptionId", p.subId())));
            return Optional.empty();
        } catch (SubscriptionCalls.Failed | IllegalArgumentException e) {
            String reason = "The subscription " + p.subId() + " could not be removed: " + e.getMessage();
            LOG.warning(() -> "Connector " + p.connector().id() + ": " + reason);
            out.add(event(p.connector().id(), "SubscriptionRemoveFailed", "failure", reason, Map.of()));
            return Optional.of(reason);
        }
    }

    /** The connector as it was when the subscription was made (its endpoint then), with today's credentials. */
    private static org.hms.hub.connector.control.outbound.ResolvedConnector withEndpoint(Registrations.Plan p) {
        var c = p.connector();
        return p.subEndpoint() == null || p.subEndpoint().equals(c.endpoint().toString()) ? c
                : c.withEndpoint(URI.create(p.subEndpoint()));
    }

    private SyncEvent event(long connectorId, String action, String outcome, String reason, Map<String, String> details) {
        return SyncEvent.of(tenant.current(), action, "connector:" + connectorId, connectorId, "Connector",
                Long.toString(connectorId), outcome, reason, details);
    }
}
