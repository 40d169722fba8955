package org.hms.hub.app.incontainer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hms.hub.audit.control.AuditTrail;
import org.hms.hub.audit.entity.AuditEntry;
import org.hms.hub.platform.messaging.EventPublisher;

/**
 * Writes a row and publishes an event in one container-managed transaction, then fails or not: the shape of
 * every state change in the hub.
 */
@Stateless
public class TransactionProbe {

    @Inject
    AuditTrail trail;

    @Inject
    EventPublisher events;

    public void change(UUID rowEventId, ProbeHappened event, boolean failAfterPublishing) {
        change(rowEventId, java.util.List.of(event), failAfterPublishing);
    }

    /** The same with several events, published in this order. */
    public void change(UUID rowEventId, java.util.List<ProbeHappened> published, boolean failAfterPublishing) {
        trail.record(new AuditEntry(rowEventId, "tenant-probe", "ProbeRow", "test", null,
                OffsetDateTime.now(ZoneOffset.UTC), "{}"));
        published.forEach(event -> events.publish(event, event.marker()));
        if (failAfterPublishing) {
            throw new IllegalStateException("probe failure after publishing");
        }
    }
}
