package org.hms.hub.connector.control.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import java.util.ArrayList;
import java.util.List;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.platform.tenancy.TenantContext;

/** The transactions of {@link WebhookBatches}, on its writer threads: many webhooks of one tenant, or one. */
@ApplicationScoped
public class WebhookWriter {

    @Inject
    Inbound inbound;

    @Inject
    TenantContext tenant;

    /**
     * All the items in one transaction, in their order (a repeat of an earlier one is answered as its duplicate);
     * their webhook ids are looked up in one query per connector.
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Inbound.Accepted> acceptAll(String tenantId, List<WebhookBatches.Pending> items) {
        tenant.set(tenantId);
        items.stream().collect(java.util.stream.Collectors.groupingBy(WebhookBatches.Pending::connectorId,
                java.util.stream.Collectors.mapping(WebhookBatches.Pending::externalId,
                        java.util.stream.Collectors.toList()))).forEach(inbound::lookUp);
        List<Inbound.Accepted> accepted = new ArrayList<>(items.size());
        for (WebhookBatches.Pending p : items) {
            accepted.add(inbound.accept(p.connectorId(), InboundReceipt.Source.WEBHOOK, p.externalId(), p.body(),
                    p.parsed(), p.shape(), null));
        }
        return accepted;
    }

    /**
     * One item in a transaction of its own; when the same webhook id was accepted concurrently (its unique key
     * failed this transaction), the receipt that won.
     */
    @ActivateRequestContext
    public Inbound.Accepted acceptOne(String tenantId, WebhookBatches.Pending p) {
        tenant.set(tenantId);
        try {
            return inbound.accept(p.connectorId(), InboundReceipt.Source.WEBHOOK, p.externalId(), p.body(), p.parsed(),
                    p.shape(), null);
        } catch (PersistenceException | TransactionalException e) {
            return inbound.existing(p.connectorId(), p.externalId()).orElseThrow(() -> e);
        }
    }
}
