package org.hms.hub.connector.control.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hms.hub.connector.control.ConnectorRegistry;
import org.hms.hub.connector.control.ConnectorViews;
import org.hms.hub.connector.control.outbound.ResolvedConnector;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.connector.entity.Registration;
import org.hms.hub.connector.entity.Settings;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.platform.security.Digests;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.tenancy.Tenancy;

/** The registration rows, read into a {@link Plan} and written back, each in a short transaction of its own. */
@ApplicationScoped
public class Registrations {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    ConnectorRegistry registry;

    @Inject
    EventPublisher events;

    /**
     * What the registrar needs to work out one connector's registration. {@code config} is null when the connector
     * declares no subscription; {@code configError} says why a declaration cannot be used.
     */
    public record Plan(ResolvedConnector connector, long version, boolean versionChanged, boolean oauth,
                       boolean wanted, SubscriptionConfig config, String configJson, String configError,
                       String authState, Registration.Sub sub, String subId, String subEndpoint, String subConfig,
                       String subKey, OffsetDateTime requestedAt, boolean due) {

        /** Digests everything a subscription is made from: a change to any of them means making it again. */
        public String key(String hook) {
            return Digests.sha256(connector.endpoint() + "|" + configJson + "|" + hook + "|" + connector.webhookSecret());
        }
    }

    /** The connector's plan, or null when it does not exist (any more). */
    @Transactional
    @SuppressWarnings("unchecked")
    public Plan plan(long connectorId) {
        Connector c = tenancy.bind(em).find(Connector.class, connectorId);
        if (c == null) {
            return null;
        }
        Settings s = c.settings();
        Map<String, Object> config = ConnectorViews.config(s);
        SubscriptionConfig subscription = null;
        String error = null;
        try {
            subscription = SubscriptionConfig.of(s.type(), config);
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        Registration r = em.find(Registration.class, connectorId);
        if (r == null) {
            r = new Registration(connectorId);
            em.persist(r);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean changed = !r.fingerprint().equals(Long.toString(c.version()));
        boolean wanted = c.status() == ConnectorStatus.ACTIVE && s.webhookEnabled() && subscription != null;
        return new Plan(registry.resolve(connectorId), c.version(), changed, s.authType() == AuthType.OAUTH, wanted,
                subscription, config.get("subscription") == null ? null : Json.JSONB.toJson(config.get("subscription")),
                error, r.authState(), r.sub(), r.subId(), r.subEndpoint(), r.subConfig(), r.subKey(), r.requestedAt(),
                changed || r.nextAt() != null && !r.nextAt().isAfter(now));
    }

    /** Applies what the registrar found; {@code next} is when it looks again ({@code null}: when the connector changes). */
    @Transactional
    public void save(long connectorId, long version, Consumer<Registration> change, OffsetDateTime next,
                     List<SyncEvent> happened) {
        happened.forEach(events::publish);
        Registration r = tenancy.bind(em).find(Registration.class, connectorId);
        if (r == null) {
            return;
        }
        change.accept(r);
        r.fingerprint(Long.toString(version));
        r.checked(OffsetDateTime.now(ZoneOffset.UTC), next);
    }

    @Transactional
    public Registration find(long connectorId) {
        return tenancy.bind(em).find(Registration.class, connectorId);
    }

    @Transactional
    public void delete(long connectorId, List<SyncEvent> happened) {
        happened.forEach(events::publish);
        Registration r = tenancy.bind(em).find(Registration.class, connectorId);
        if (r != null) {
            em.remove(r);
        }
    }
}
