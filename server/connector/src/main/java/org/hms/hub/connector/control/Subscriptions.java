package org.hms.hub.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.connector.entity.Subscription;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.model.sync.SubscriptionRequest;
import org.hms.hub.model.sync.SubscriptionView;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.problem.InvalidFields;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;
import org.hms.hub.platform.transform.PayloadTransformer;

/** The tenant's subscriptions: which connectors receive which event types (seed 004's fan-out). */
@ApplicationScoped
public class Subscriptions {

    static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,119}");
    static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    PayloadTransformer transformer;

    @Inject
    EventPublisher events;

    @Inject
    CurrentCaller caller;

    @Transactional
    public List<SubscriptionView> list(Long connectorId) {
        return (connectorId == null
                ? tenancy.bind(em).createNamedQuery(Subscription.ALL, Subscription.class)
                : tenancy.bind(em).createNamedQuery(Subscription.FOR_CONNECTOR, Subscription.class)
                .setParameter("connectorId", connectorId)).getResultList().stream().map(Subscriptions::view).toList();
    }

    @Transactional
    public SubscriptionView get(long id) {
        return view(find(id));
    }

    @Transactional
    public SubscriptionView create(SubscriptionRequest r) {
        InvalidFields errors = new InvalidFields();
        errors.check(r.eventType() != null && EVENT_TYPE.matcher(r.eventType()).matches(), "eventType",
                "An event type is required: a letter, then letters, digits, '_', '.', ':' or '-' (at most 120).");
        errors.check(r.connectorId() != null, "connectorId", "The connector to deliver to is required.");
        validate(r, errors);
        errors.throwIfAny();
        Subscription s = new Subscription(r.connectorId(), r.eventType());
        s.change(r.eventType(), r.mappingId(), method(r.method(), "POST"), r.path());
        if (Boolean.FALSE.equals(r.enabled())) {
            s.disable("Created switched off");
        }
        requireUnique(r.connectorId(), r.eventType(), null);
        tenancy.bind(em).persist(s);
        em.flush();
        publish("SubscriptionCreated", s);
        return view(s);
    }

    @Transactional
    public SubscriptionView update(long id, long expectedVersion, SubscriptionRequest r) {
        Subscription s = find(id);
        if (s.version() != expectedVersion) {
            throw new ProblemException(412, "Changed meanwhile", "The subscription was changed by someone else (now "
                    + "version " + s.version() + "); reload it and apply your change again.");
        }
        if (r.connectorId() != null && r.connectorId() != s.connectorId()) {
            new InvalidFields().add("connectorId", "A subscription's connector cannot change; create another one.")
                    .throwIfAny();
        }
        InvalidFields errors = new InvalidFields();
        if (r.eventType() != null) {
            errors.check(EVENT_TYPE.matcher(r.eventType()).matches(), "eventType",
                    "A letter, then letters, digits, '_', '.', ':' or '-' (at most 120).");
        }
        validate(new SubscriptionRequest(r.eventType(), s.connectorId(), r.mappingId(), r.method(), r.path(),
                r.enabled()), errors);
        errors.throwIfAny();
        String eventType = r.eventType() != null ? r.eventType() : s.eventType();
        requireUnique(s.connectorId(), eventType, id);
        s.change(eventType, r.mappingId() != null ? (r.mappingId() == 0 ? null : r.mappingId()) : s.mappingId(),
                method(r.method(), s.method()), r.path() != null ? (r.path().isEmpty() ? null : r.path()) : s.path());
        if (r.enabled() != null) {
            if (r.enabled()) {
                s.enable();
            } else {
                s.disable("Switched off by " + caller.actor());
            }
        }
        em.flush();
        publish("SubscriptionUpdated", s);
        return view(s);
    }

    @Transactional
    public void delete(long id) {
        Subscription s = find(id);
        em.remove(s);
        em.flush();
        publish("SubscriptionDeleted", s);
    }

    private void validate(SubscriptionRequest r, InvalidFields errors) {
        if (r.connectorId() != null && tenancy.bind(em).find(Connector.class, r.connectorId()) == null) {
            errors.add("connectorId", "There is no connector " + r.connectorId() + ".");
        }
        if (r.mappingId() != null && r.mappingId() != 0 && !transformer.exists(r.mappingId())) {
            errors.add("mappingId", "There is no mapping " + r.mappingId() + ".");
        }
        if (r.method() != null) {
            errors.check(METHODS.contains(r.method().toUpperCase(Locale.ROOT)), "method", "POST, PUT or PATCH.");
        }
        if (r.path() != null && !r.path().isEmpty()) {
            errors.check(r.path().startsWith("/") && r.path().length() <= 500 && !r.path().contains("..")
                            && r.path().chars().noneMatch(ch -> ch < 0x21 || ch == '#'), "path",
                    "A path starting with '/', without spaces, '..' or '#', at most 500 characters.");
        }
    }

    private static String method(String requested, String current) {
        return requested == null ? current : requested.toUpperCase(Locale.ROOT);
    }

    private void requireUnique(long connectorId, String eventType, Long self) {
        tenancy.bind(em).createNamedQuery(Subscription.FOR_CONNECTOR, Subscription.class)
                .setParameter("connectorId", connectorId).getResultStream()
                .filter(s -> s.eventType().equals(eventType) && (self == null || s.id() != self)).findFirst()
                .ifPresent(s -> {
                    throw new ProblemException(409, "Already subscribed", "Connector " + connectorId
                            + " is subscribed to " + eventType + " already (subscription " + s.id() + ").");
                });
    }

    private Subscription find(long id) {
        Subscription s = tenancy.bind(em).find(Subscription.class, id);
        if (s == null) {
            throw new ProblemException(404, "No such subscription", "There is no subscription " + id + ".");
        }
        return s;
    }

    private void publish(String action, Subscription s) {
        events.publish(SyncEvent.of(tenant.current(), action, caller.actor(), s.connectorId(), "Subscription",
                Long.toString(s.id()), "success", null, Map.of("eventType", s.eventType(), "enabled",
                        Boolean.toString(s.enabled()))));
    }

    static SubscriptionView view(Subscription s) {
        return new SubscriptionView(s.id(), s.eventType(), s.connectorId(), s.mappingId(), s.method(), s.path(),
                s.enabled(), s.disabledReason(), s.createdAt(), s.updatedAt(), s.version());
    }
}
