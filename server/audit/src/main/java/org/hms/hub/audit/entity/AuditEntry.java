package org.hms.hub.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hms.hub.model.audit.AuditEntryView;

/** One recorded event. Entries are only ever inserted: nothing in the hub updates or deletes them. */
@Entity
@Table(name = "aud_entry")
@org.eclipse.persistence.annotations.Multitenant
@org.eclipse.persistence.annotations.TenantDiscriminatorColumn(name = "tenant_id", length = 64)
@NamedQuery(name = AuditEntry.BY_EVENT_ID, query = "SELECT COUNT(e) FROM AuditEntry e WHERE e.eventId = :eventId")
@NamedQuery(name = AuditEntry.FIND_BY_EVENT_ID, query = "SELECT e FROM AuditEntry e WHERE e.eventId = :eventId")
@NamedQuery(name = AuditEntry.NEWEST, query = "SELECT e FROM AuditEntry e ORDER BY e.id DESC")
@NamedQuery(name = AuditEntry.NEWEST_BEFORE,
        query = "SELECT e FROM AuditEntry e WHERE e.id < :before ORDER BY e.id DESC")
public class AuditEntry {

    public static final String BY_EVENT_ID = "AuditEntry.countByEventId";
    public static final String FIND_BY_EVENT_ID = "AuditEntry.findByEventId";
    public static final String NEWEST = "AuditEntry.newest";
    public static final String NEWEST_BEFORE = "AuditEntry.newestBefore";

    @Id
    @SequenceGenerator(name = "aud_entry_seq", sequenceName = "aud_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aud_entry_seq")
    private Long id;

    @Column(name = "event_id", nullable = false, updatable = false, length = 36)
    private String eventId;

    /** Read-only: EclipseLink writes the column from the tenant the entity manager is bound to. */
    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenant;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "correlation_id", updatable = false)
    private String correlationId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @Column(updatable = false)
    private String details;

    protected AuditEntry() {
    }

    public AuditEntry(UUID eventId, String tenant, String action, String actor, String correlationId,
                      OffsetDateTime occurredAt, String details) {
        this.eventId = eventId.toString();
        this.tenant = tenant;
        this.action = action;
        this.actor = actor;
        this.correlationId = correlationId;
        this.occurredAt = occurredAt.withOffsetSameInstant(ZoneOffset.UTC);
        this.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.details = details;
    }

    public Long id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String tenant() {
        return tenant;
    }

    public AuditEntryView view() {
        return new AuditEntryView(id, UUID.fromString(eventId), tenant, action, actor, correlationId,
                occurredAt.withOffsetSameInstant(ZoneOffset.UTC), recordedAt.withOffsetSameInstant(ZoneOffset.UTC),
                details);
    }
}
