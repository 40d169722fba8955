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
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hms.hub.model.audit.AuditEntryView;

/** One recorded event. Entries are only ever inserted: nothing in the hub updates or deletes them. */
@Entity
@Table(name = "aud_entry")
@org.eclipse.persistence.annotations.Multitenant
@org.eclipse.persistence.annotations.TenantDiscriminatorColumn(name = "tenant_id", length = 64,
        contextProperty = org.hms.hub.platform.tenancy.Tenancy.PROPERTY)
@NamedQuery(name = AuditEntry.RECORDED_AMONG, query = "SELECT e.eventId FROM AuditEntry e WHERE e.eventId IN :eventIds")
@NamedQuery(name = AuditEntry.FIND_BY_EVENT_ID, query = "SELECT e FROM AuditEntry e WHERE e.eventId = :eventId")
@NamedQuery(name = AuditEntry.NEWEST, query = "SELECT e FROM AuditEntry e ORDER BY e.id DESC")
@NamedQuery(name = AuditEntry.NEWEST_BEFORE,
        query = "SELECT e FROM AuditEntry e WHERE e.id < :before ORDER BY e.id DESC")
public class AuditEntry {

    public static final String FIND_BY_EVENT_ID = "AuditEntry.findByEventId";
    /** Which of the event ids given ({@code eventIds}) have an entry already. */
    public static final String RECORDED_AMONG = "AuditEntry.recordedAmong";
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

    /** Position in the tenant's chain (null for entries recorded before the chain existed). */
    @Column(updatable = false)
    private Long seq;

    @Column(name = "actor_type", updatable = false, length = 16)
    private String actorType;

    @Column(name = "target_type", updatable = false, length = 64)
    private String targetType;

    @Column(name = "target_id", updatable = false, length = 200)
    private String targetId;

    @Column(updatable = false, length = 16)
    private String outcome;

    @Column(updatable = false, length = 1000)
    private String reason;

    @Column(name = "connector_id", updatable = false)
    private Long connectorId;

    @Column(name = "source_address", updatable = false, length = 100)
    private String sourceAddress;

    @Column(name = "user_agent", updatable = false, length = 300)
    private String userAgent;

    @Column(name = "prev_hash", updatable = false, length = 64)
    private String prevHash;

    @Column(updatable = false, length = 64)
    private String hash;

    protected AuditEntry() {
    }

    public AuditEntry(UUID eventId, String tenant, String action, String actor, String correlationId,
                      OffsetDateTime occurredAt, String details) {
        this.eventId = eventId.toString();
        this.tenant = tenant;
        this.action = action;
        this.actor = actor;
        this.correlationId = correlationId;
        this.occurredAt = occurredAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        this.recordedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        this.details = details;
    }

    /** An entry with the facts of its event; {@link #chain} places it in the tenant's chain before it is stored. */
    public AuditEntry(UUID eventId, String tenant, String action, String actor, String correlationId,
                      OffsetDateTime occurredAt, EntryFacts facts) {
        this(eventId, tenant, action, actor, correlationId, occurredAt, facts.details());
        this.actorType = facts.actorType();
        this.targetType = facts.targetType();
        this.targetId = facts.targetId();
        this.outcome = facts.outcome();
        this.reason = facts.reason();
        this.connectorId = facts.connectorId();
        this.sourceAddress = facts.sourceAddress();
        this.userAgent = facts.userAgent();
    }

    /** Places the entry after {@code prevHash} at position {@code seq}; its hash covers the canonical entry. */
    public void chain(long seq, String prevHash) {
        this.seq = seq;
        this.prevHash = prevHash;
        this.hash = EntryHash.of(prevHash, this);
    }

    public String action() { return action; }
    public String actor() { return actor; }
    public String correlationId() { return correlationId; }
    public OffsetDateTime occurredAt() { return occurredAt; }
    public OffsetDateTime recordedAt() { return recordedAt; }
    public String details() { return details; }
    public Long seq() { return seq; }
    public String actorType() { return actorType; }
    public String targetType() { return targetType; }
    public String targetId() { return targetId; }
    public String outcome() { return outcome; }
    public String reason() { return reason; }
    public Long connectorId() { return connectorId; }
    public String sourceAddress() { return sourceAddress; }
    public String userAgent() { return userAgent; }
    public String prevHash() { return prevHash; }
    public String hash() { return hash; }

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
                details, seq, actorType, targetType, targetId, outcome, reason, connectorId, sourceAddress, userAgent,
                hash);
    }
}
