package org.hms.hub.platform.lifecycle;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.hms.hub.model.event.HubStarted;
import org.hms.hub.platform.messaging.EventPublisher;

/** Publishes the start event in a transaction of its own, so a failed attempt leaves nothing behind. */
@Stateless
public class StartupAnnouncer {

    @Inject
    EventPublisher events;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void announce(HubStarted started) {
        events.publish(started);
    }
}
