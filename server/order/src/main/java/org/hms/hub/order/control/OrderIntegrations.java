package org.hms.hub.order.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hms.hub.model.order.IntegrationState;
import org.hms.hub.model.order.IntegrationStateChange;
import org.hms.hub.model.order.OrderIntegrationRequest;
import org.hms.hub.model.order.OrderIntegrationView;
import org.hms.hub.model.order.UserMapping;
import org.hms.hub.order.entity.OrderIntegration;
import org.hms.hub.order.entity.UserLink;
import org.hms.hub.platform.problem.InvalidFields;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.sync.InboundRoutes;
import org.hms.hub.platform.sync.Outbox;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;
import org.hms.hub.platform.transform.PayloadTransformer;

/**
 * Order integrations: create, change, delete, the kill switch, and the user map. Also what the connector module's
 * {@link InboundRoutes} ({@link OrderRoutes}) answers: the items of an integration's two connectors go to
 * {@code hub.orders}, and while it is DISABLED their webhooks are refused.
 */
@ApplicationScoped
public class OrderIntegrations {

    /** How long a sender is asked to wait before sending a refused webhook again. */
    static final int DISABLED_RETRY_AFTER_SECONDS = 300;

    @PersistenceContext(unitName = "order")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentCaller caller;

    @Inject
    Outbox outbox;

    @Inject
    PayloadTransformer transformer;

    @Inject
    OrderEvents events;

    @Inject
    OrderRoutes routes;

    /** The route of the connector's inbound items, read afresh ({@link OrderRoutes} keeps it for a few seconds). */
    @Transactional
    public InboundRoutes.Route route(String tenantId, long connectorId) {
        List<OrderIntegration> found = tenancy.bind(em, tenantId).createNamedQuery(OrderIntegration.BY_CONNECTOR,
                OrderIntegration.class).setParameter("connectorId", connectorId).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        OrderIntegration i = found.get(0);
        boolean accepting = i.state() != IntegrationState.DISABLED;
        return new InboundRoutes.Route(org.hms.hub.platform.messaging.Jms.ORDERS_ADDRESS, accepting, accepting ? null
                : "Order integration '" + i.name() + "' is switched off (DISABLED).", DISABLED_RETRY_AFTER_SECONDS);
    }

    @Transactional
    public List<OrderIntegrationView> list() {
        return tenancy.bind(em).createNamedQuery(OrderIntegration.ALL, OrderIntegration.class).getResultStream()
                .map(OrderIntegration::view).toList();
    }

    @Transactional
    public OrderIntegrationView get(long id) {
        return find(id).view();
    }

    @Transactional
    public List<OrderIntegration> all() {
        return tenancy.bind(em).createNamedQuery(OrderIntegration.ALL, OrderIntegration.class).getResultList();
    }

    @Transactional
    public OrderIntegration find(long id) {
        OrderIntegration i = tenancy.bind(em).find(OrderIntegration.class, id);
        if (i == null) {
            throw new ProblemException(404, "No such order integration", "There is no order integration " + id + ".");
        }
        return i;
    }

    @Transactional
    public OrderIntegrationView create(OrderIntegrationRequest r) {
        validate(r, null);
        OrderIntegration i = new OrderIntegration(r.name().strip(), r.apiConnectorId(), r.omsConnectorId(),
                r.apiToOmsMappingId(), r.omsToApiMappingId(), hours(r));
        tenancy.bind(em).persist(i);
        em.flush();
        publish("OrderIntegrationCreated", i, null);
        return i.view();
    }

    @Transactional
    public OrderIntegrationView update(long id, long expectedVersion, OrderIntegrationRequest r) {
        OrderIntegration i = find(id);
        if (i.version() != expectedVersion) {
            throw new ProblemException(412, "Changed meanwhile", "Order integration " + id + " was changed by someone"
                    + " else (version " + i.version() + "); read it again and repeat the change.");
        }
        validate(r, id);
        i.change(r.name().strip(), r.apiConnectorId(), r.omsConnectorId(), r.apiToOmsMappingId(),
                r.omsToApiMappingId(), hours(r));
        em.flush();
        publish("OrderIntegrationUpdated", i, null);
        return i.view();
    }

    @Transactional
    public void delete(long id) {
        OrderIntegration i = find(id);
        if (i.state() != IntegrationState.ACTIVE) {
            // What is held stays for review in the connectors' queues; release it rather than strand it.
            outbox.release(i.holdKey());
        }
        em.remove(i);
        publish("OrderIntegrationDeleted", i, null);
    }

    /**
     * Flips the kill switch. Back to ACTIVE, everything held while PAUSED or DISABLED is queued in its order.
     */
    @Transactional
    public OrderIntegrationView changeState(long id, IntegrationStateChange change) {
        if (change == null || change.state() == null) {
            throw new InvalidFields().add("state", "Give the state: ACTIVE, PAUSED or DISABLED.").failed();
        }
        OrderIntegration i = tenancy.bind(em).find(OrderIntegration.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            throw new ProblemException(404, "No such order integration", "There is no order integration " + id + ".");
        }
        IntegrationState before = i.state();
        i.state(change.state(), change.reason());
        em.flush();
        int released = 0;
        if (change.state() == IntegrationState.ACTIVE) {
            released = outbox.release(i.holdKey());
        }
        Map<String, String> details = new HashMap<>();
        details.put("from", before.name());
        details.put("to", change.state().name());
        details.put("released", Integer.toString(released));
        publish("OrderIntegrationStateChanged", i, details, change.reason());
        return i.view();
    }

    /** Sends on what a race between a consumer and a resume left held (called now and then by the scheduler). */
    @Transactional
    public void releaseStranded(long id) {
        OrderIntegration i = tenancy.bind(em).find(OrderIntegration.class, id);
        if (i != null && i.state() == IntegrationState.ACTIVE) {
            outbox.release(i.holdKey());
        }
    }

    // --- user map ---

    @Transactional
    public List<UserMapping> users(long integrationId) {
        find(integrationId);
        return em.createNamedQuery(UserLink.ALL, UserLink.class).setParameter("integrationId", integrationId)
                .getResultStream().map(UserLink::view).toList();
    }

    @Transactional
    public UserMapping mapUser(long integrationId, String apiUserId, String omsUserId) {
        OrderIntegration i = find(integrationId);
        InvalidFields invalid = new InvalidFields();
        invalid.check(apiUserId != null && !apiUserId.isBlank() && apiUserId.length() <= 64, "apiUserId",
                "Give the HMS-API user id (at most 64 characters).");
        invalid.check(omsUserId != null && !omsUserId.isBlank() && omsUserId.length() <= 64, "omsUserId",
                "Give the HMS-OMS user id (at most 64 characters).");
        invalid.throwIfAny();
        UserLink link = em.createNamedQuery(UserLink.FIND, UserLink.class).setParameter("integrationId", integrationId)
                .setParameter("apiUserId", apiUserId).getResultStream().findFirst().orElse(null);
        if (link == null) {
            link = new UserLink(integrationId, apiUserId, omsUserId.strip(), caller.actor());
            em.persist(link);
        } else {
            link.set(omsUserId.strip(), caller.actor());
        }
        events.publish("OrderUserMapped", caller.actor(), i.apiConnectorId(), "OrderIntegration",
                Long.toString(i.id()), true, null, Map.of("apiUserId", apiUserId, "omsUserId", omsUserId.strip()));
        return link.view();
    }

    @Transactional
    public void unmapUser(long integrationId, String apiUserId) {
        OrderIntegration i = find(integrationId);
        UserLink link = em.createNamedQuery(UserLink.FIND, UserLink.class).setParameter("integrationId", integrationId)
                .setParameter("apiUserId", apiUserId).getResultStream().findFirst()
                .orElseThrow(() -> new ProblemException(404, "No such user mapping", "HMS-API user " + apiUserId
                        + " is not mapped in order integration " + integrationId + "."));
        em.remove(link);
        events.publish("OrderUserUnmapped", caller.actor(), i.apiConnectorId(), "OrderIntegration",
                Long.toString(i.id()), true, null, Map.of("apiUserId", apiUserId));
    }

    /** The OMS user of an API user, or null. */
    String omsUser(long integrationId, String apiUserId) {
        return em.createNamedQuery(UserLink.FIND, UserLink.class).setParameter("integrationId", integrationId)
                .setParameter("apiUserId", apiUserId).getResultStream().findFirst().map(UserLink::omsUserId)
                .orElse(null);
    }

    private static int hours(OrderIntegrationRequest r) {
        return r.reconcileHours() == null ? 24 : r.reconcileHours();
    }

    private void validate(OrderIntegrationRequest r, Long self) {
        if (r == null) {
            throw new ProblemException(400, "Body missing", "Send the integration as JSON: name, apiConnectorId,"
                    + " omsConnectorId.");
        }
        InvalidFields invalid = new InvalidFields();
        invalid.check(r.name() != null && !r.name().isBlank() && r.name().strip().length() <= 120, "name",
                "Give a name of at most 120 characters.");
        invalid.check(r.apiConnectorId() != null && outbox.connectorExists(r.apiConnectorId()), "apiConnectorId",
                "Give the id of an existing connector for HMS-API.");
        invalid.check(r.omsConnectorId() != null && outbox.connectorExists(r.omsConnectorId()), "omsConnectorId",
                "Give the id of an existing connector for HMS-OMS.");
        if (r.apiConnectorId() != null && r.apiConnectorId().equals(r.omsConnectorId())) {
            invalid.add("omsConnectorId", "HMS-OMS needs a connector of its own, not HMS-API's.");
        }
        invalid.check(r.apiToOmsMappingId() == null || transformer.exists(r.apiToOmsMappingId()), "apiToOmsMappingId",
                "There is no mapping " + r.apiToOmsMappingId() + ".");
        invalid.check(r.omsToApiMappingId() == null || transformer.exists(r.omsToApiMappingId()), "omsToApiMappingId",
                "There is no mapping " + r.omsToApiMappingId() + ".");
        invalid.check(r.reconcileHours() == null || (r.reconcileHours() >= 1 && r.reconcileHours() <= 24 * 31),
                "reconcileHours", "Give between 1 and 744 hours.");
        for (OrderIntegration other : all()) {
            if (self != null && other.id() == self) {
                continue;
            }
            if (r.name() != null && other.name().equalsIgnoreCase(r.name().strip())) {
                invalid.add("name", "Another order integration is called '" + other.name() + "'.");
            }
            for (Long c : new Long[] {r.apiConnectorId(), r.omsConnectorId()}) {
                if (c != null && (other.apiConnectorId() == c || other.omsConnectorId() == c)) {
                    invalid.add(c.equals(r.apiConnectorId()) ? "apiConnectorId" : "omsConnectorId", "Connector " + c
                            + " belongs to order integration '" + other.name() + "' already.");
                }
            }
        }
        invalid.throwIfAny();
    }

    private void publish(String action, OrderIntegration i, Map<String, String> details) {
        publish(action, i, details, null);
    }

    private void publish(String action, OrderIntegration i, Map<String, String> details, String reason) {
        routes.changed();
        Map<String, String> d = new HashMap<>(details == null ? Map.of() : details);
        d.put("name", i.name());
        d.put("apiConnectorId", Long.toString(i.apiConnectorId()));
        d.put("omsConnectorId", Long.toString(i.omsConnectorId()));
        d.put("state", i.state().name());
        events.publish(action, caller.actor(), i.apiConnectorId(), "OrderIntegration", Long.toString(i.id()), true,
                reason, d);
    }
}
