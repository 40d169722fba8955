package org.hms.hub.app.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.hms.hub.audit.control.AuditTrail;
import org.hms.hub.audit.entity.AuditEntry;
import org.hms.hub.audit.entity.EntryFacts;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Test-only access to the audit tables: records entries through the trail, and — like someone with database
 * access would — changes, deletes and bulk-inserts rows directly with JDBC, behind the hub's back.
 */
@Stateless
public class AuditProbe {

    @Inject
    AuditTrail trail;

    @Inject
    TenantContext tenant;

    @Resource(lookup = "java:app/jdbc/hub")
    DataSource db;

    @Inject
    org.hms.hub.platform.messaging.EventPublisher events;

    @Resource(lookup = org.hms.hub.platform.messaging.Jms.CONNECTION_FACTORY)
    jakarta.jms.ConnectionFactory factory;

    /** Records {@code n} entries in the tenant's chain, in one transaction. */
    public void record(String tenantId, int n) {
        tenant.set(tenantId);
        for (int i = 1; i <= n; i++) {
            trail.record(new AuditEntry(UUID.randomUUID(), tenantId, "ProbeAudited", "probe", "corr-" + i,
                    OffsetDateTime.now(ZoneOffset.UTC), new EntryFacts("SYSTEM", "Probe", Integer.toString(i),
                    "success", null, null, null, null, "{\"i\":" + i + "}")));
        }
    }

    /** Publishes the events on hub.events, in one transaction, as the hub's modules do. */
    public void publish(java.util.List<org.hms.hub.model.event.HubEvent> published) {
        published.forEach(events::publish);
    }

    /** Sends a text message that is no event (no event properties) to hub.events, in one transaction. */
    public void publishNoEvent(String body) {
        try (jakarta.jms.JMSContext jms = factory.createContext()) {
            jms.createProducer().send(jms.createTopic(org.hms.hub.platform.messaging.Jms.EVENTS_ADDRESS), body);
        }
    }

    /** How many audit entries the tenant has. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long count(String tenantId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM aud_entry WHERE tenant_id = ?")) {
            s.setString(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The tenant's entries' target ids, in chain order. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public java.util.List<String> targetIdsInChainOrder(String tenantId) throws SQLException {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT target_id FROM aud_entry WHERE tenant_id = ? ORDER BY seq")) {
            s.setString(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean postgres() throws SQLException {
        try (Connection c = db.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }

    /** The id of the entry at a position of the tenant's chain. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long idOf(String tenantId, long seq) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM aud_entry WHERE tenant_id = ? AND seq = ?")) {
            s.setString(1, tenantId);
            s.setLong(2, seq);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Changes an entry's details directly in the database. On PostgreSQL a plain UPDATE is refused by the
     * append-only trigger first (returned as true); the test then does what only the table owner could: switches
     * the trigger off, changes the row, switches it on again.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean tamper(long id) throws SQLException {
        boolean refused = false;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            try {
                s.executeUpdate("UPDATE aud_entry SET details = '{\"i\":999}' WHERE id = " + id);
            } catch (SQLException e) {
                refused = true;
                s.execute("ALTER TABLE aud_entry DISABLE TRIGGER aud_entry_append_only");
                try {
                    s.executeUpdate("UPDATE aud_entry SET details = '{\"i\":999}' WHERE id = " + id);
                } finally {
                    s.execute("ALTER TABLE aud_entry ENABLE TRIGGER aud_entry_append_only");
                }
            }
        }
        return refused;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void delete(String tenantId, long seq) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM aud_entry WHERE tenant_id = ? AND seq = ?")) {
            s.setString(1, tenantId);
            s.setLong(2, seq);
            s.executeUpdate();
        }
    }

    /** Inserts {@code n} unchained entries for the tenant in batches (a large trail for the export test). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void bulkInsert(String tenantId, int n, long firstId) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO aud_entry (id, event_id, tenant_id, action, actor,"
                    + " correlation_id, occurred_at, recorded_at, details, actor_type, target_type, target_id, outcome)"
                    + " VALUES (?, ?, ?, 'DeliverySucceeded', 'system', ?, ?, ?, ?, 'SYSTEM', 'Delivery', ?, 'success')")) {
                java.time.Instant now = java.time.Instant.now();
                // Event ids unique to this load and ascending within it: random ones would spread every commit's
                // rows over the whole unique index, and in H2 the load took three times as long (142 s against 48 s).
                long run = UUID.randomUUID().getMostSignificantBits();
                for (int i = 0; i < n; i++) {
                    // A busy day: one entry every 50 ms, older with each row (as a real trail's ids and times run).
                    Timestamp at = Timestamp.from(now.minusMillis(50L * (n - i)));
                    s.setLong(1, firstId + i);
                    s.setString(2, new UUID(run, i).toString());
                    s.setString(3, tenantId);
                    s.setString(4, "bulk-" + i);
                    s.setTimestamp(5, at);
                    s.setTimestamp(6, at);
                    s.setString(7, "{\"attempts\":\"1\",\"entityKey\":\"order-" + i + "\",\"eventType\":\"OrderUpdated\","
                            + "\"httpStatus\":\"200\",\"latencyMs\":\"12\",\"payloadSha256\":\"" + "ab".repeat(32) + "\"}");
                    s.setString(8, Integer.toString(i));
                    s.addBatch();
                    if ((i + 1) % 5_000 == 0) {
                        s.executeBatch();
                        c.commit();
                    }
                }
                s.executeBatch();
                c.commit();
            }
        }
    }
}
