package org.hms.hub.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hms.hub.connector.entity.ConnectionTestRecord;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.connector.entity.Settings;
import org.hms.hub.model.connector.ConnectorRequest;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.connector.ConnectorView;
import org.hms.hub.model.connector.Credentials;
import org.hms.hub.model.event.ConnectorChanged;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.problem.InvalidFields;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;
import org.hms.hub.platform.vault.Vault;

/**
 * Creates, changes and removes the current tenant's connectors. Secrets go to the vault; every change is an
 * event ({@link ConnectorChanged}) in the same transaction.
 */
@ApplicationScoped
public class ConnectorRegistry {

    /** How many past connection tests a report shows. */
    public static final int HISTORY = 10;

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    Vault vault;

    @Inject
    EventPublisher events;

    @Inject
    CurrentCaller caller;

    @Inject
    org.hms.hub.connector.control.inbound.WebhookTargets webhookTargets;

    @Transactional
    public ConnectorView create(ConnectorRequest request) {
        Draft draft = new Draft();
        Set<String> fields = draft.apply(request);
        ConnectorValidation.check(draft);
        requireUniqueName(draft.name, null);
        Connector connector = Connector.create();
        write(connector, draft, request.credentials());
        tenancy.bind(em).persist(connector);
        em.flush();
        publish("ConnectorCreated", connector, "success", null, List.copyOf(fields));
        return ConnectorViews.view(connector, tenant.current());
    }

    @Transactional
    public ConnectorView update(long id, long expectedVersion, ConnectorRequest request) {
        Connector connector = find(id);
        if (connector.version() != expectedVersion) {
            throw new ProblemException(412, "Changed meanwhile", "The connector was changed by someone else (now version "
                    + connector.version() + "); reload it and apply your change again.");
        }
        Settings s = connector.settings();
        Draft draft = Draft.of(s, ConnectorViews.headers(s), ConnectorViews.config(s));
        Set<String> fields = draft.apply(request);
        ConnectorValidation.check(draft);
        requireUniqueName(draft.name, id);
        write(connector, draft, request.credentials());
        connector.touch();
        em.flush();
        publish("ConnectorUpdated", connector, "success", null, List.copyOf(fields));
        return ConnectorViews.view(connector, tenant.current());
    }

    @Transactional
    public ConnectorView get(long id) {
        return ConnectorViews.view(find(id), tenant.current());
    }

    /**
     * Deletes the connector, its stored secrets, test history, subscriptions and polling state. Refused (409)
     * while deliveries to it are unfinished: they would be lost.
     */
    @Transactional
    public void delete(long id) {
        deleteChecked(id, checkDeletable(id));
    }

    /** Refuses (409) to delete a connector while deliveries to it are unfinished. */
    @Transactional
    public void requireDeletable(long id) {
        checkDeletable(id);
    }

    private Connector checkDeletable(long id) {
        Connector connector = find(id);
        long unfinished = em.createNamedQuery(org.hms.hub.connector.entity.Delivery.UNFINISHED_FOR, Long.class)
                .setParameter("connectorId", id)
                .setParameter("unfinished", org.hms.hub.connector.entity.Delivery.UNFINISHED).getSingleResult();
        if (unfinished > 0) {
            throw new ProblemException(409, "Deliveries queued", unfinished + " deliveries to this connector are not "
                    + "finished yet. Switch it off and wait for them to end (or discard them as dead letters), then "
                    + "delete it.");
        }
        return connector;
    }

    /** DELETE's own steps, once {@link #checkDeletable} passed. */
    private void deleteChecked(long id, Connector connector) {
        em.createQuery("DELETE FROM Subscription s WHERE s.connectorId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("DELETE FROM PollState p WHERE p.connectorId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("DELETE FROM Registration r WHERE r.connectorId = :id").setParameter("id", id).executeUpdate();
        Settings s = connector.settings();
        for (Long secret : new Long[] {s.apiKeySecret(), s.passwordSecret(), s.tokenSecret(), s.clientSecretSecret(),
                s.webhookSecret(), s.webhookPreviousSecret()}) {
            if (secret != null) {
                vault.delete(secret);
            }
        }
        em.createNamedQuery(ConnectionTestRecord.DELETE_FOR).setParameter("connectorId", id).executeUpdate();
        em.remove(connector);
        em.flush();
        publish("ConnectorDeleted", connector, "success", null, List.of());
    }

    /** Switches a connector on or off; ERROR and TESTING are the hub's own to set. */
    @Transactional
    public ConnectorView changeStatus(long id, ConnectorStatus status, String reason) {
        if (status != ConnectorStatus.ACTIVE && status != ConnectorStatus.INACTIVE) {
            new InvalidFields().add("status", "Set ACTIVE or INACTIVE; ERROR and TESTING are set by the hub.")
                    .throwIfAny();
        }
        Connector connector = find(id);
        connector.changeStatus(status, null);
        em.flush();
        publish("ConnectorStatusChanged", connector, "success", reason, List.of("status"));
        return ConnectorViews.view(connector, tenant.current());
    }

    /** Marks the connector TESTING and returns what the test needs, secrets included. */
    @Transactional
    public org.hms.hub.connector.control.outbound.ResolvedConnector startTest(long id) {
        Connector connector = find(id);
        connector.changeStatus(ConnectorStatus.TESTING, null);
        return resolve(connector);
    }

    /** Records a test's outcome: ACTIVE or ERROR, the test kept for the history, an event. */
    @Transactional
    public org.hms.hub.model.connector.ConnectionTestReport recordTest(long id,
                                                                       org.hms.hub.model.connector.ConnectionTest result) {
        Connector connector = find(id);
        connector.changeStatus(result.success() ? ConnectorStatus.ACTIVE : ConnectorStatus.ERROR, result.diagnosis());
        em.persist(new ConnectionTestRecord(id, result));
        em.flush();
        publish("ConnectorTested", connector, result.success() ? "success" : "failure",
                result.success() ? null : result.diagnosis(), List.of());
        List<org.hms.hub.model.connector.ConnectionTest> history = em.createNamedQuery(ConnectionTestRecord.RECENT,
                        ConnectionTestRecord.class).setParameter("connectorId", id).setMaxResults(HISTORY)
                .getResultList().stream().map(ConnectionTestRecord::view).toList();
        return new org.hms.hub.model.connector.ConnectionTestReport(result, connector.status(), history);
    }

    /** The connector's free-form config. */
    @Transactional
    public java.util.Map<String, Object> config(long id) {
        return ConnectorViews.config(find(id).settings());
    }

    /** The connector with its secrets, for an outbound call. */
    @Transactional
    public org.hms.hub.connector.control.outbound.ResolvedConnector resolve(long id) {
        return resolve(find(id));
    }

    private org.hms.hub.connector.control.outbound.ResolvedConnector resolve(Connector c) {
        Settings s = c.settings();
        return new org.hms.hub.connector.control.outbound.ResolvedConnector(tenant.current(), c.id(), c.version(),
                s.name(), s.type(), java.net.URI.create(s.endpoint()), s.authType(), reveal(s.apiKeySecret()),
                s.apiKeyHeader(), s.apiKeyQueryParam(), s.username(), reveal(s.passwordSecret()),
                reveal(s.tokenSecret()), s.clientId(), reveal(s.clientSecretSecret()),
                s.tokenUrl() == null ? null : java.net.URI.create(s.tokenUrl()),
                s.scopes() == null || s.scopes().isBlank() ? List.of() : List.of(s.scopes().split(" ")),
                ConnectorViews.headers(s), s.timeoutMs(), s.healthPath(), s.webhookStyle(), reveal(s.webhookSecret()));
    }

    private String reveal(Long secret) {
        return secret == null ? null : vault.reveal(secret);
    }

    Connector find(long id) {
        Connector connector = tenancy.bind(em).find(Connector.class, id);
        if (connector == null) {
            throw new ProblemException(404, "No such connector", "There is no connector " + id + ".");
        }
        return connector;
    }

    void publish(String action, Connector c, String outcome, String reason, List<String> fields) {
        webhookTargets.changed(c.id());
        events.publish(ConnectorChanged.of(tenant.current(), action, caller.actor(), c.id(), c.settings().name(),
                c.settings().type().name(), c.status().name(), outcome, reason, fields));
    }

    private void requireUniqueName(String name, Long self) {
        tenancy.bind(em).createNamedQuery(Connector.BY_NAME, Connector.class).setParameter("name", name)
                .getResultStream().filter(c -> self == null || c.id() != self).findFirst().ifPresent(c -> {
                    throw new ProblemException(409, "Name taken", "A connector named '" + name + "' exists already ("
                            + c.id() + ").");
                });
    }

    private void write(Connector connector, Draft d, Credentials credentials) {
        Settings s = connector.settings();
        s.name(d.name);
        s.type(d.type);
        s.provider(d.provider);
        s.description(d.description);
        s.endpoint(d.endpoint);
        s.localNetwork(d.localNetwork);
        s.authType(d.authType);
        s.apiKeyHeader(d.apiKeyHeader);
        s.apiKeyQueryParam(d.apiKeyQueryParam);
        s.username(d.username);
        s.clientId(d.clientId);
        s.tokenUrl(d.tokenUrl);
        s.scopes(d.scopes);
        s.headersJson(ConnectorViews.json(d.headers));
        s.timeoutMs(d.timeoutMs);
        s.retryAttempts(d.retryAttempts);
        s.retryBackoffMs(d.retryBackoffMs);
        s.healthPath(d.healthPath);
        s.configJson(ConnectorViews.json(d.config));
        s.webhookEnabled(d.webhookEnabled);
        s.webhookStyle(d.webhookStyle);
        if (credentials != null) {
            secret(Draft.secretOf(credentials, "apiKey"), "connector.apiKey", s::apiKeySecret, s::apiKeySecret);
            secret(Draft.secretOf(credentials, "password"), "connector.password", s::passwordSecret, s::passwordSecret);
            secret(Draft.secretOf(credentials, "token"), "connector.token", s::tokenSecret, s::tokenSecret);
            secret(Draft.secretOf(credentials, "clientSecret"), "connector.clientSecret", s::clientSecretSecret,
                    s::clientSecretSecret);
        }
        if (d.newWebhookSecret != null && s.webhookSecret() != null) {
            // Rotation: the secret being replaced stays valid for a grace period (WebhookIntake).
            String previous = vault.reveal(s.webhookSecret());
            if (!previous.equals(d.newWebhookSecret)) {
                secret(previous, "connector.webhookSecret.previous", s::webhookPreviousSecret,
                        s::webhookPreviousSecret);
                s.webhookRotatedAt(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            }
        }
        secret(d.newWebhookSecret, "connector.webhookSecret", s::webhookSecret, s::webhookSecret);
        if (d.webhookEnabled && d.webhookStyle == org.hms.hub.model.connector.WebhookStyle.FHIR
                && s.webhookSecret() == null) {
            // FHIR servers cannot sign: the hub makes the secret its Subscription asks them to send back
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            secret(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random), "connector.webhookSecret",
                    s::webhookSecret, s::webhookSecret);
        }
    }

    private void secret(String value, String purpose, Supplier<Long> stored, Consumer<Long> store) {
        if (value == null) {
            return;
        }
        if (stored.get() == null) {
            store.accept(vault.store(purpose, value));
        } else {
            vault.replace(stored.get(), value);
        }
    }
}
