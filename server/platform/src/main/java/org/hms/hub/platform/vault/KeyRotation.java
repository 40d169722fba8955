package org.hms.hub.platform.vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hms.hub.platform.tenancy.Tenancy;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.hms.hub.model.event.HubEvent;
import org.hms.hub.model.event.SecurityEvent;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.security.SecurityAudit;

/**
 * Rotates the vault's master key: a new key becomes active (key-file mode), then every tenant's secrets under
 * older keys are re-encrypted in batches, each batch its own transaction. Old keys stay in the ring, so
 * secrets not yet re-encrypted stay readable throughout, and a rotation cut short is finished by running it
 * again.
 */
@ApplicationScoped
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());
    private static final int BATCH = 200;

    /**
     * @param unreadable secrets no key could decrypt (altered rows): left as they are, listed by id, never by
     *                   value; they need to be set again through their owner (e.g. the connector's credentials)
     */
    public record Result(String activeKey, int reencrypted, List<Long> unreadable) {
    }

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    VaultKeys keys;

    @Inject
    Vault vault;

    @Inject
    SecurityAudit audit;

    @Inject
    CurrentCaller caller;

    public synchronized Result rotate() {
        String active = keys.rotate();
        int total = 0;
        List<Long> unreadable = new java.util.ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> tenants = Tenancy.acrossTenants(em, "SELECT DISTINCT tenant_id FROM hub_secret WHERE key_id <> ?")
                .setParameter(1, active).getResultList();
        for (String tenant : tenants) {
            Vault.Batch batch;
            long after = 0;
            do {
                batch = vault.reencrypt(tenant, active, after, BATCH);
                total += batch.reencrypted();
                unreadable.addAll(batch.unreadable());
                after = batch.lastId();
            } while (batch.more());
        }
        int reencrypted = total;
        LOG.info(() -> "Vault key rotated: active key " + active + ", " + reencrypted + " secrets re-encrypted");
        if (!unreadable.isEmpty()) {
            LOG.warning(() -> "Vault key rotation could not read secrets " + unreadable
                    + " with any key (altered rows); they keep their old key and must be set again");
        }
        audit.record(SecurityEvent.success(HubEvent.SYSTEM_TENANT, "VaultKeyRotated", caller.actor(), active, null,
                null));
        return new Result(active, reencrypted, List.copyOf(unreadable));
    }
}
