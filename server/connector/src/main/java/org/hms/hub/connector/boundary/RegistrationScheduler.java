package org.hms.hub.connector.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.connector.control.registration.Registrar;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Every five seconds: works out the registration of each connector that uses OAuth or declares a subscription,
 * when the connector changed since (its version) or its registration is due again. Runs without a container
 * transaction: each connector's calls go out with none open, and its outcome commits on its own.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegistrationScheduler {

    private static final Logger LOG = Logger.getLogger(RegistrationScheduler.class.getName());

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Registrar registrar;

    @Inject
    TenantContext tenant;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "connector registrations")
    @SuppressWarnings("unchecked")
    void reconcile() {
        List<Object[]> due;
        try {
            due = Tenancy.acrossTenants(em, "SELECT c.id, c.tenant_id FROM con_connector c LEFT JOIN con_registration r"
                    + " ON r.connector_id = c.id WHERE (c.config LIKE '%\"subscription\"%' OR c.auth_type = 'OAUTH'"
                    + " OR r.sub_id IS NOT NULL) AND (r.connector_id IS NULL OR r.fingerprint <> CAST(c.version AS"
                    + " VARCHAR(64)) OR r.next_at <= ?)").setParameter(1, OffsetDateTime.now(ZoneOffset.UTC))
                    .getResultList();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the connectors whose registration is due; the next round tries again", e);
            return;
        }
        for (Object[] row : due) {
            long id = ((Number) row[0]).longValue();
            try {
                tenant.set((String) row[1]);
                registrar.reconcile(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Registration of connector " + id + " failed; the next round tries again", e);
            }
        }
    }
}
