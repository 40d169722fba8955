package org.hms.hub.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hms.hub.model.event.SecurityEvent;
import org.hms.hub.platform.messaging.EventPublisher;

/**
 * Publishes security events in a transaction of their own, so that a refused login is recorded although the
 * request that tried it fails.
 */
@ApplicationScoped
public class SecurityAudit {

    @Inject
    EventPublisher events;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(SecurityEvent event) {
        events.publish(event);
    }
}
