package org.hms.hub.connector.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.connector.control.ConnectorRegistry;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.connector.control.queue.QueueTrigger;
import org.hms.hub.connector.control.queue.QueueTriggers;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/** Every ten seconds: start and stop queue consumers to match the active connectors with a {@code queue} trigger. */
@Singleton
public class QueueTriggerScheduler {

    private static final Logger LOG = Logger.getLogger(QueueTriggerScheduler.class.getName());

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    QueueTriggers triggers;

    @Inject
    ConnectorRegistry registry;

    @Inject
    TenantContext tenant;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "queue triggers")
    @SuppressWarnings("unchecked")
    void reconcile() {
        try {
            List<Object[]> rows = Tenancy.acrossTenants(em, "SELECT id, tenant_id, config FROM con_connector WHERE "
                    + "status = 'ACTIVE' AND config LIKE '%\"queue\"%'").getResultList();
            Map<Long, QueueTriggers.Wanted> wanted = new HashMap<>();
            for (Object[] row : rows) {
                long id = ((Number) row[0]).longValue();
                Map<String, Object> config = Json.JSONB.fromJson((String) row[2], Map.class);
                QueueTrigger trigger;
                try {
                    trigger = QueueTrigger.of(config);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (trigger == null) {
                    continue;
                }
                tenant.set((String) row[1]);
                String password = trigger.external() && trigger.user() != null ? registry.resolve(id).password() : null;
                wanted.put(id, new QueueTriggers.Wanted((String) row[1], id, trigger, InboundShape.of(config), password));
            }
            triggers.reconcile(wanted);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Queue trigger reconciliation failed; the next one tries again", e);
        }
    }
}
