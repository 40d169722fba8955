package org.hms.hub.app.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * Writes, directly in the database, the state a hub leaves behind when a crash splits a commit and loses the
 * message that carried the work on: a delivery that has ended while its order operation still waits for the word;
 * a receipt whose item never reached the fan-out.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecoveryProbe {

    @Resource(lookup = "java:app/jdbc/hub")
    DataSource db;

    /** An order (PENDING) with one operation PENDING since {@code since} on a delivery in {@code deliveryState}. */
    public void pendingOperation(String tenant, long orderId, long operationId, long deliveryId, String deliveryState,
                                 OffsetDateTime since) throws SQLException {
        try (Connection c = db.getConnection()) {
            update(c, "INSERT INTO ord_order (id, tenant_id, integration_id, api_order_id, ext_code, create_requested,"
                    + " sync_state, created_at, updated_at, version) VALUES (?, ?, 0, ?, ?, TRUE, 'PENDING', ?, ?, 1)",
                    orderId, tenant, "api-" + orderId, "api-" + orderId, since, since);
            update(c, "INSERT INTO con_delivery (id, tenant_id, connector_id, event_type, entity_key, idempotency_key,"
                    + " http_method, path, payload, state, attempts, last_status, created_at, updated_at, delivered_at,"
                    + " version, reply_to, reference, result_id) VALUES (?, ?, 0, 'OrderCreated', ?, ?, 'POST',"
                    + " '/api/v1/orders', '{}', ?, 1, ?, ?, ?, ?, 1, 'hub.order-results', ?, ?)",
                    deliveryId, tenant, "api-" + orderId, "order-op:" + operationId, deliveryState,
                    "DELIVERED".equals(deliveryState) ? 201 : null, since, since,
                    "DELIVERED".equals(deliveryState) ? since : null, "op:" + operationId,
                    "DELIVERED".equals(deliveryState) ? "oms-" + orderId : null);
            update(c, "INSERT INTO ord_operation (id, tenant_id, order_id, direction, action, status, outcome,"
                    + " delivery_id, received_at, created_at, version) VALUES (?, ?, ?, 'API_TO_OMS', 'CREATE',"
                    + " 'pending', 'PENDING', ?, ?, ?, 1)", operationId, tenant, orderId, deliveryId, since, since);
        }
    }

    /** A receipt RECEIVED at {@code at} whose message is gone. */
    public void lostReceipt(String tenant, String receiptId, long connectorId, String externalId, String sha256,
                            int size, OffsetDateTime at) throws SQLException {
        try (Connection c = db.getConnection()) {
            update(c, "INSERT INTO con_inbound_receipt (id, tenant_id, connector_id, source, external_id, payload_sha256,"
                    + " size_bytes, state, received_at) VALUES (?, ?, ?, 'WEBHOOK', ?, ?, ?, 'RECEIVED', ?)", receiptId,
                    tenant, connectorId, externalId, sha256, size, at);
        }
    }

    /**
     * A receipt RECEIVED and queued at {@code at} whose message is gone, with the payload it keeps until processed
     * (what a stop that split the commit of a webhook's receipt and its message leaves behind).
     */
    public void lostReceiptWithPayload(String tenant, String receiptId, long connectorId, String externalId,
                                       String sha256, String payload, OffsetDateTime at) throws SQLException {
        try (Connection c = db.getConnection()) {
            update(c, "INSERT INTO con_inbound_receipt (id, tenant_id, connector_id, source, external_id, payload_sha256,"
                    + " size_bytes, state, received_at, enqueued_at, pending_payload) VALUES (?, ?, ?, 'WEBHOOK', ?, ?,"
                    + " ?, 'RECEIVED', ?, ?, ?)", receiptId, tenant, connectorId, externalId, sha256,
                    payload.length(), at, at, payload);
        }
    }

    /** The payload the receipt still keeps (null once its item is processed). */
    public String pendingPayload(String receiptId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT pending_payload FROM con_inbound_receipt WHERE id = ?")) {
            s.setString(1, receiptId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** The receipt's state. */
    public String receiptState(String receiptId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT state FROM con_inbound_receipt WHERE id = ?")) {
            s.setString(1, receiptId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** The operation's outcome and its order's sync state and HMS-OMS id, as "outcome/state/omsId". */
    public String state(long operationId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT o.outcome,"
                + " l.sync_state, l.oms_order_id FROM ord_operation o JOIN ord_order l ON l.id = o.order_id"
                + " WHERE o.id = ?")) {
            s.setLong(1, operationId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3) : null;
            }
        }
    }

    /**
     * A PAUSED order integration (no reconciliation, calls held) between two connectors that exist only as its ids:
     * it claims their inbound items.
     */
    public void orderIntegration(String tenant, long id, long apiConnectorId, long omsConnectorId) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        try (Connection c = db.getConnection()) {
            update(c, "INSERT INTO ord_integration (id, tenant_id, name, api_connector_id, oms_connector_id,"
                    + " reconcile_hours, state, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 24, 'PAUSED',"
                    + " ?, ?, 1)", id, tenant, "claims-" + id, apiConnectorId, omsConnectorId, now, now);
        }
    }

    /** The actions of the order operations recorded for an inbound item, comma-separated in id order. */
    public String operationsFor(String receiptId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT action FROM ord_operation WHERE receipt_id = ? ORDER BY id")) {
            s.setString(1, receiptId);
            try (ResultSet r = s.executeQuery()) {
                StringBuilder actions = new StringBuilder();
                while (r.next()) {
                    actions.append(actions.length() == 0 ? "" : ",").append(r.getString(1));
                }
                return actions.toString();
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
