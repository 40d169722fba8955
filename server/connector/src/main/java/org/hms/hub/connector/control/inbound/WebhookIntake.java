package org.hms.hub.connector.control.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.hub.connector.control.ConnectorViews;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.connector.entity.Settings;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.connector.WebhookStyle;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;
import org.hms.hub.platform.vault.Vault;

/**
 * What the webhook endpoint needs to know of a connector before it trusts a request: whose it is (webhooks carry
 * no token, so the connector id in the path decides the tenant), whether it takes webhooks, how they are signed
 * and with which secrets — the current one, and the one it replaced while within {@code hub.webhooks.rotation-grace}
 * (ISO-8601 duration, default PT24H).
 */
@ApplicationScoped
public class WebhookIntake {

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

    private final Duration grace = ConfigProvider.getConfig()
            .getOptionalValue("hub.webhooks.rotation-grace", Duration.class).orElse(Duration.ofHours(24));

    /**
     * A connector ready to take webhooks.
     *
     * @param previousSecretUntil when the replaced secret among {@code secrets} stops being accepted; null when
     *                            there is none
     */
    public record Target(String tenant, long connectorId, ConnectorStatus status, WebhookStyle style,
                         List<String> secrets, InboundShape shape, OffsetDateTime previousSecretUntil) {

        @Override
        public String toString() {
            return "Target[" + tenant + "/" + connectorId + " " + style + "]";
        }
    }

    /**
     * The connector, when it exists and takes webhooks, with its tenant (set as the current one for this read).
     * Read afresh: the webhook endpoint asks {@link WebhookTargets}, which keeps the answer for a few seconds.
     */
    @Transactional
    public Optional<Target> target(long connectorId) {
        List<?> owner = Tenancy.acrossTenants(em, "SELECT tenant_id FROM con_connector WHERE id = ?")
                .setParameter(1, connectorId).getResultList();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        tenant.set((String) owner.get(0));
        Connector connector = tenancy.bind(em).find(Connector.class, connectorId);
        if (connector == null) {
            return Optional.empty();
        }
        Settings s = connector.settings();
        if (!s.webhookEnabled()) {
            return Optional.empty();
        }
        List<String> secrets = new ArrayList<>();
        if (s.webhookSecret() != null) {
            secrets.add(vault.reveal(s.webhookSecret()));
        }
        OffsetDateTime previousUntil = null;
        if (s.webhookPreviousSecret() != null && s.webhookRotatedAt() != null
                && s.webhookRotatedAt().plus(grace).isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
            secrets.add(vault.reveal(s.webhookPreviousSecret()));
            previousUntil = s.webhookRotatedAt().plus(grace);
        }
        return Optional.of(new Target(tenant.current(), connectorId, connector.status(),
                s.webhookStyle() == null ? WebhookStyle.STANDARD : s.webhookStyle(), List.copyOf(secrets),
                InboundShape.of(ConnectorViews.config(s)), previousUntil));
    }

    /**
     * Records a refused webhook in the audit trail of the connector's tenant (its own transaction: nothing else of
     * the request commits).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String tenantId, long connectorId, int status, String reason, String remoteAddress) {
        events.publish(SyncEvent.of(tenantId, "WebhookRejected", "connector:" + connectorId, connectorId,
                "Connector", Long.toString(connectorId), "failure", reason,
                Map.of("httpStatus", Integer.toString(status), "sourceAddress", remoteAddress == null ? "" : remoteAddress)));
    }
}
