package org.hms.hub.app.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hms.hub.connector.control.inbound.FanOut;
import org.hms.hub.connector.control.inbound.Inbound;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.messaging.WorkQueues;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Queues many inbound items in one transaction, so that the fan-out takes them as one batch; or writes receipts
 * without a message and hands them to the fan-out directly. Subscribers are switched-off connectors, whose
 * deliveries wait (they are postponed, never sent).
 */
@Stateless
public class FanOutProbe {

    @Inject
    Inbound inbound;

    @Inject
    WorkQueues queues;

    @Inject
    TenantContext tenant;

    @Inject
    FanOut fanOut;

    @Resource(lookup = "java:app/jdbc/hub")
    DataSource db;

    /**
     * Accepts {@code n} published events of the tenant (receipt and message each) in this one transaction; when
     * {@code poisonReceiptId} is given, a message for that receipt (which does not exist) and a message that is no
     * inbound item at all (no connector, no receipt id) are queued between them. Returns the accepted receipts' ids.
     */
    public List<String> burst(String tenantId, String prefix, int n, String poisonReceiptId) {
        tenant.set(tenantId);
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (poisonReceiptId != null && i == n / 2) {
                queues.inbound(tenantId, "poison", item(prefix, -1), Map.of(Jms.PROP_CONNECTOR,
                        Long.toString(Inbound.PUBLISHERS), Jms.PROP_RECEIPT, poisonReceiptId, Jms.PROP_SOURCE, "EVENT"));
                queues.inbound(tenantId, "malformed", "{\"not\":\"an inbound item\"}", Map.of());
            }
            String body = item(prefix, i);
            try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
                receipts.add(inbound.accept(Inbound.PUBLISHERS, InboundReceipt.Source.EVENT, prefix + "-" + i, body,
                        reader.readValue(), InboundShape.PUBLISHED, null).receiptId());
            }
        }
        return receipts;
    }

    private static String item(String prefix, int i) {
        return item("ProbeFannedOut", prefix, i);
    }

    private static String item(String type, String prefix, int i) {
        return "{\"type\":\"" + type + "\",\"entityKey\":\"" + prefix + "-" + i + "\",\"payload\":{\"i\":" + i + "}}";
    }

    /**
     * Published events of the tenant, as the fan-out takes them off {@code hub.inbound}, whose receipts (RECEIVED,
     * received now) are written but whose messages are not queued: for {@link #processAll}.
     */
    public List<FanOut.Item> unqueuedItems(String tenantId, String type, String prefix, int n) throws SQLException {
        List<FanOut.Item> items = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO"
                + " con_inbound_receipt (id, tenant_id, connector_id, source, external_id, event_type, entity_key,"
                + " payload_sha256, size_bytes, state, received_at, enqueued_at, pending_payload) VALUES (?, ?, ?,"
                + " 'EVENT', ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                String body = item(type, prefix, i);
                String id = java.util.UUID.randomUUID().toString();
                s.setString(1, id);
                s.setString(2, tenantId);
                s.setLong(3, Inbound.PUBLISHERS);
                s.setString(4, "probe:" + prefix + "-" + i);
                s.setString(5, type);
                s.setString(6, prefix + "-" + i);
                s.setString(7, Inbound.sha256(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                s.setInt(8, body.length());
                s.setObject(9, now);
                s.setObject(10, now);
                s.setString(11, body);
                s.addBatch();
                items.add(new FanOut.Item(Inbound.PUBLISHERS, id, body));
            }
            s.executeBatch();
        }
        return items;
    }

    /** {@link FanOut#processAll}, called as the fan-out's batches call it. */
    public int processAll(String tenantId, List<FanOut.Item> items) {
        return fanOut.processAll(tenantId, new ArrayList<>(items));
    }

    /** {@code n} switched-off connectors of the tenant, ids from {@code firstId}, each subscribed to the type. */
    public void switchedOffSubscribers(String tenantId, String type, int n, long firstId) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = db.getConnection();
             PreparedStatement connector = c.prepareStatement("INSERT INTO con_connector (id, tenant_id, name,"
                     + " connector_type, endpoint, local_network, auth_type, headers, timeout_ms, retry_attempts,"
                     + " retry_backoff_ms, config, webhook_enabled, status, created_at, updated_at, version) VALUES"
                     + " (?, ?, ?, 'API', 'http://127.0.0.1:9/', TRUE, 'NONE', '{}', 1000, 0, 1000, '{}', FALSE,"
                     + " 'INACTIVE', ?, ?, 1)");
             PreparedStatement subscription = c.prepareStatement("INSERT INTO con_subscription (id, tenant_id,"
                     + " connector_id, event_type, http_method, path, enabled, created_at, updated_at, version) VALUES"
                     + " (?, ?, ?, ?, 'POST', '/', TRUE, ?, ?, 1)")) {
            for (int i = 0; i < n; i++) {
                long id = firstId + i;
                connector.setLong(1, id);
                connector.setString(2, tenantId);
                connector.setString(3, "switched-off-" + id);
                connector.setObject(4, now);
                connector.setObject(5, now);
                connector.executeUpdate();
                subscription.setLong(1, id);
                subscription.setString(2, tenantId);
                subscription.setLong(3, id);
                subscription.setString(4, type);
                subscription.setObject(5, now);
                subscription.setObject(6, now);
                subscription.executeUpdate();
            }
        }
    }

    /**
     * Ends the tenant's deliveries (DISCARDED), so that their messages are dropped at once instead of each being
     * postponed for a switched-off connector while the server stops.
     */
    public void discardDeliveries(String tenantId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE con_delivery SET state = 'DISCARDED' WHERE tenant_id = ?")) {
            s.setString(1, tenantId);
            s.executeUpdate();
        }
    }

    /** The tenant's deliveries by receipt, as "count/distinct idempotency keys". */
    public Map<String, String> deliveriesByReceipt(String tenantId) throws SQLException {
        Map<String, String> counts = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT receipt_id,"
                + " COUNT(*), COUNT(DISTINCT idempotency_key) FROM con_delivery WHERE tenant_id = ? GROUP BY receipt_id")) {
            s.setString(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getLong(2) + "/" + r.getLong(3));
                }
            }
        }
        return counts;
    }
}
