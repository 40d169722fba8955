package org.hms.hub.order.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.tenancy.TenantContext;

/** Order sync's audit events on {@code hub.events}, in the transaction of the change (catalogue: docs/orders.md). */
@ApplicationScoped
public class OrderEvents {

    @Inject
    EventPublisher events;

    @Inject
    TenantContext tenant;

    public void publish(String action, String actor, long connectorId, String targetType, String targetId,
                        boolean success, String reason, Map<String, String> details) {
        events.publish(SyncEvent.of(tenant.current(), action, actor, connectorId, targetType, targetId,
                success ? "success" : "failure", reason, details));
    }
}
