package org.hms.hub.order.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.hms.hub.model.order.IntegrationState;
import org.hms.hub.model.order.OrderSyncState;
import org.hms.hub.order.entity.OrderIntegration;
import org.hms.hub.order.entity.OrderLink;
import org.hms.hub.order.entity.OrderOperation;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.security.Digests;
import org.hms.hub.platform.sync.OutboundRequest;
import org.hms.hub.platform.sync.OutboundResult;
import org.hms.hub.platform.sync.Outbox;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.transform.PayloadTransformer;

/**
 * The order flows of seed 000 (docs/orders.md). Each inbound item of an integration's connectors is applied to
 * the order's cross-reference row under a row lock, and what the other side must learn is queued as a delivery
 * through the sync engine ({@link Outbox}) in the same transaction:
 * <ul>
 * <li>HMS-API created an order → one create call to HMS-OMS (look up by ext_code first; found counts as done),
 *     with the user mapped — an unmapped user makes a dead letter UNMAPPED_USER that a replay sends again;</li>
 * <li>HMS-API changed status, title or items → a PATCH to the OMS order;</li>
 * <li>HMS-OMS changed status (updated, fulfilled, completed) → a PATCH of the status to the HMS-API order.</li>
 * </ul>
 * A change the hub itself wrote that comes back as a webhook (an echo), a repeat, and an update older than the
 * one applied (stale) are recorded and go no further; a change the status model forbids is refused and audited.
 */
@ApplicationScoped
public class OrderSync {

    private static final Logger LOG = Logger.getLogger(OrderSync.class.getName());

    public static final String API_TO_OMS = "API_TO_OMS";
    public static final String OMS_TO_API = "OMS_TO_API";
    static final String HUB = "HUB";

    public static final String TEMPLATE_API_TO_OMS = "order-api-to-oms";
    public static final String TEMPLATE_OMS_TO_API = "order-oms-to-api";

    /** The HMS-OMS and HMS-API paths the hub calls (docs/orders.md, "Contracts"). */
    static final String OMS_ORDERS = "/api/v1/orders";
    static final String API_ORDERS = "/api/order";

    @PersistenceContext(unitName = "order")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    Outbox outbox;

    @Inject
    PayloadTransformer transformer;

    @Inject
    OrderIntegrations integrations;

    @Inject
    OrderEvents events;

    @Inject
    OrderMetrics metrics;

    /** One inbound item from one of an integration's connectors (the {@code hub.orders} consumer). */
    @Transactional
    public void inbound(long connectorId, String receiptId, OffsetDateTime receivedAt, String body) {
        if (receiptId != null) {
            // The intake hands these items straight to hub.orders and leaves the receipt unprocessed: this
            // transaction is the one that takes the item over, whatever becomes of it below.
            outbox.processed(receiptId);
        }
        OrderIntegration integration = tenancy.bind(em).createNamedQuery(OrderIntegration.BY_CONNECTOR,
                OrderIntegration.class).setParameter("connectorId", connectorId).getResultStream().findFirst()
                .orElse(null);
        JsonValue parsed;
        JsonObject order;
        try {
            parsed = OrderJson.parse(body);
            order = OrderJson.order(parsed);
        } catch (RuntimeException e) {
            outbox.deadLetter(connectorId, receiptId, null, null, "INVALID_PAYLOAD", "Not an order: " + e.getMessage(),
                    body);
            return;
        }
        if (integration == null) {
            // The integration was deleted after the item was routed: nothing claims it any more.
            outbox.deadLetter(connectorId, receiptId, OrderJson.type(parsed), OrderJson.text(order, "id"),
                    "NO_TARGET", "No order integration uses connector " + connectorId + " any more.", body);
            return;
        }
        Inbound in = new Inbound(integration, connectorId, receiptId, receivedAt, body, OrderJson.type(parsed), order);
        try {
            if (connectorId == integration.apiConnectorId()) {
                fromApi(in);
            } else {
                fromOms(in);
            }
        } catch (IllegalArgumentException e) {
            outbox.deadLetter(connectorId, receiptId, in.type(), OrderJson.text(order, "id"), "INVALID_PAYLOAD",
                    e.getMessage(), body);
        }
    }

    /** An inbound item and where it came from. */
    record Inbound(OrderIntegration integration, long connectorId, String receiptId, OffsetDateTime receivedAt,
                   String body, String type, JsonObject order) {
    }

    // --- HMS-API → HMS-OMS ---

    private void fromApi(Inbound in) {
        JsonObject order = in.order();
        String apiId = OrderJson.text(order, "id");
        if (apiId == null || apiId.isBlank() || apiId.length() > 64) {
            throw new IllegalArgumentException("The HMS-API order has no usable id.");
        }
        OffsetDateTime updatedAt = OrderJson.time(order, "updated_at");
        String status = OrderJson.text(order, "status");
        OrderLink link = lock(in.integration().id(), apiId);
        if (link == null) {
            link = new OrderLink(in.integration().id(), apiId);
            em.persist(link);
            em.flush(); // a concurrent first sight of the same order fails here on the unique key and is redelivered
        } else if (isStale(updatedAt, link.apiUpdatedAt())) {
            ignored(in, link, API_TO_OMS, "STALE_IGNORED", status, "HMS-API sent updated_at " + updatedAt
                    + ", older than the " + link.apiUpdatedAt() + " applied already.", "OrderUpdateStale");
            return;
        }
        if (!link.createRequested()) {
            if (status != null && OrderStatusModel.check(null, status) == OrderStatusModel.Verdict.INVALID) {
                rejected(in, link, API_TO_OMS, status, OrderStatusModel.refusal(null, status));
                return;
            }
            link.apiSide(status, updatedAt, OrderJson.text(order, "title"), OrderJson.text(order, "user_id"));
            requestCreate(in, link, "CREATE");
            return;
        }
        String digest = contentDigest(order);
        boolean statusChanged = status != null && !status.equals(link.apiStatus());
        boolean contentChanged = !digest.equals(link.contentDigest());
        if (!statusChanged && !contentChanged) {
            boolean echo = status != null && status.equals(link.apiPushedStatus());
            link.apiSeen(updatedAt);
            ignored(in, link, API_TO_OMS, echo ? "ECHO_SUPPRESSED" : "NO_CHANGE", status, echo
                    ? "The status the hub wrote to HMS-API came back; not sent on." : "Nothing new for HMS-OMS.",
                    echo ? "OrderEchoSuppressed" : null);
            return;
        }
        if (statusChanged && OrderStatusModel.check(link.apiStatus(), status) == OrderStatusModel.Verdict.INVALID) {
            link.apiSeen(updatedAt);
            if (!contentChanged && pushedBefore(link, OMS_TO_API, status)) {
                // The echo of an earlier write of the hub, overtaken by a later one.
                ignored(in, link, API_TO_OMS, "ECHO_SUPPRESSED", status, "An earlier status the hub wrote to HMS-API"
                        + " came back after a later one; not sent on.", "OrderEchoSuppressed");
                return;
            }
            rejected(in, link, API_TO_OMS, status, OrderStatusModel.refusal(link.apiStatus(), status));
            return;
        }
        PayloadTransformer.Result mapped = toOms(in.integration(), order);
        if (!mapped.ok()) {
            mappingFailed(in, link, mapped);
            return;
        }
        JsonObject oms = OrderJson.parse(mapped.output()).asJsonObject();
        JsonObjectBuilder patch = Json.JSONP.createObjectBuilder();
        String omsStatus = OrderJson.text(oms, "status");
        if (statusChanged && omsStatus != null) {
            patch.add("status", omsStatus);
        }
        if (contentChanged) {
            if (oms.containsKey("data")) {
                patch.add("data", oms.get("data"));
            }
            String user = OrderJson.text(order, "user_id");
            if (user != null) {
                String omsUser = integrations.omsUser(in.integration().id(), user);
                if (omsUser == null) {
                    unmappedUser(in, link, user);
                    return;
                }
                patch.add("user_id", omsUser);
            }
        }
        link.apiSide(status, updatedAt, OrderJson.text(order, "title"), OrderJson.text(order, "user_id"));
        link.content(digest);
        String action = statusChanged ? "STATUS" : "UPDATE";
        OrderOperation op = operation(in, link, API_TO_OMS, action, statusChanged ? omsStatus : null);
        String path = link.omsOrderId() != null ? OMS_ORDERS + "/" + enc(link.omsOrderId()) : OMS_ORDERS + "/{id}";
        OutboundRequest.Lookup lookup = link.omsOrderId() != null ? null : new OutboundRequest.Lookup(
                OMS_ORDERS + "?ext_code=" + enc(link.extCode()), "", "/id", OutboundRequest.Lookup.Mode.TARGET);
        send(in.integration(), op, new OutboundRequest(in.integration().omsConnectorId(),
                statusChanged ? "OrderStatusChanged" : "OrderUpdated", link.extCode(), "order-op:" + op.id(), "PATCH",
                path, patch.build().toString(), lookup, "/id", Jms.ORDER_RESULTS_ADDRESS, "op:" + op.id(),
                holdKey(in.integration())));
        if (statusChanged && omsStatus != null) {
            link.pushedToOms(omsStatus);
        }
        link.state(OrderSyncState.PENDING, null);
    }

    /** Queues the one create call of the order (or parks it while its user is not mapped). */
    void requestCreate(Inbound in, OrderLink link, String action) {
        String user = OrderJson.text(in.order(), "user_id");
        String omsUser = user == null ? null : integrations.omsUser(in.integration().id(), user);
        if (user != null && omsUser == null) {
            unmappedUser(in, link, user);
            return;
        }
        PayloadTransformer.Result mapped = toOms(in.integration(), in.order());
        if (!mapped.ok()) {
            mappingFailed(in, link, mapped);
            return;
        }
        JsonObject oms = OrderJson.parse(mapped.output()).asJsonObject();
        JsonObjectBuilder body = Json.JSONP.createObjectBuilder(oms);
        if (omsUser != null) {
            body.add("user_id", omsUser);
        }
        String omsStatus = OrderJson.text(oms, "status");
        OrderOperation op = operation(in, link, API_TO_OMS, action, omsStatus);
        send(in.integration(), op, new OutboundRequest(in.integration().omsConnectorId(), "OrderCreated",
                link.extCode(), "order-op:" + op.id(), "POST", OMS_ORDERS, body.build().toString(),
                new OutboundRequest.Lookup(OMS_ORDERS + "?ext_code=" + enc(link.extCode()), "", "/id",
                        OutboundRequest.Lookup.Mode.CREATE_IF_ABSENT), "/id", Jms.ORDER_RESULTS_ADDRESS,
                "op:" + op.id(), holdKey(in.integration())));
        link.markCreateRequested();
        link.content(contentDigest(in.order()));
        if (omsStatus != null) {
            link.pushedToOms(omsStatus);
        }
        link.state(OrderSyncState.PENDING, null);
    }

    private void unmappedUser(Inbound in, OrderLink link, String apiUser) {
        String error = "HMS-API user " + apiUser + " has no HMS-OMS user in order integration '"
                + in.integration().name() + "'. Map it (PUT /api/order-integrations/" + in.integration().id()
                + "/users/" + apiUser + ") and replay this dead letter.";
        long letter = outbox.deadLetter(in.connectorId(), in.receiptId(), in.type(), link.apiOrderId(), "UNMAPPED_USER",
                error, in.body());
        OrderOperation op = new OrderOperation(link.id(), API_TO_OMS, "UNMAPPED_USER", null, OrderOperation.FAILED,
                in.receiptId(), in.receivedAt(), error + " (dead letter " + letter + ")");
        em.persist(op);
        link.state(OrderSyncState.UNMAPPED_USER, error);
        events.publish("OrderUnmappedUser", "system", in.connectorId(), "Order", link.apiOrderId(), false, error,
                Map.of("apiUserId", apiUser, "deadLetterId", Long.toString(letter),
                        "integrationId", Long.toString(in.integration().id())));
    }

    private void mappingFailed(Inbound in, OrderLink link, PayloadTransformer.Result mapped) {
        String error = "The order mapping failed: " + String.join("; ", mapped.errors());
        long letter = outbox.deadLetter(in.connectorId(), in.receiptId(), in.type(), link.apiOrderId(), "MAPPING_FAILED",
                error, in.body());
        em.persist(new OrderOperation(link.id(), in.connectorId() == in.integration().apiConnectorId() ? API_TO_OMS
                : OMS_TO_API, "MAPPING_FAILED", null, OrderOperation.FAILED, in.receiptId(), in.receivedAt(),
                error + " (dead letter " + letter + ")"));
        link.state(OrderSyncState.FAILED, error);
        events.publish("OrderSyncFailed", "system", in.connectorId(), "Order", link.apiOrderId(), false, error,
                Map.of("deadLetterId", Long.toString(letter)));
    }

    // --- HMS-OMS → HMS-API ---

    private void fromOms(Inbound in) {
        JsonObject order = in.order();
        String omsId = OrderJson.text(order, "id");
        String extCode = OrderJson.text(order, "ext_code");
        OrderLink link = extCode == null ? null : lock(in.integration().id(), extCode);
        if (link == null) {
            // Not an order the hub made from HMS-API: reported (reconciliation lists it as an orphan), never touched.
            events.publish("OrderOrphanIgnored", "system", in.connectorId(), "OmsOrder", omsId, true,
                    extCode == null ? "The HMS-OMS order has no ext_code." : "No HMS-API order " + extCode
                            + " is known to the hub.", Map.of("integrationId", Long.toString(in.integration().id())));
            return;
        }
        OffsetDateTime updatedAt = OrderJson.time(order, "updated_at");
        String status = OrderJson.text(order, "status");
        if (isStale(updatedAt, link.omsUpdatedAt())) {
            ignored(in, link, OMS_TO_API, "STALE_IGNORED", status, "HMS-OMS sent updated_at " + updatedAt
                    + ", older than the " + link.omsUpdatedAt() + " applied already.", "OrderUpdateStale");
            return;
        }
        link.omsOrderId(omsId);
        if (status == null || status.equals(link.omsStatus())) {
            boolean echo = status != null && status.equals(link.omsPushedStatus());
            link.omsSeen(updatedAt);
            ignored(in, link, OMS_TO_API, echo ? "ECHO_SUPPRESSED" : "NO_CHANGE", status, echo
                    ? "The status the hub wrote to HMS-OMS came back; not sent on." : "Nothing new for HMS-API.",
                    echo ? "OrderEchoSuppressed" : null);
            return;
        }
        PayloadTransformer.Result mapped = toApi(in.integration(), order);
        if (!mapped.ok()) {
            mappingFailed(in, link, mapped);
            return;
        }
        String apiStatus = OrderJson.text(OrderJson.parse(mapped.output()).asJsonObject(), "status");
        OrderStatusModel.Verdict verdict = OrderStatusModel.check(link.apiStatus(), apiStatus);
        if (verdict == OrderStatusModel.Verdict.INVALID && pushedBefore(link, API_TO_OMS, status)) {
            link.omsSeen(updatedAt);
            ignored(in, link, OMS_TO_API, "ECHO_SUPPRESSED", status, "An earlier status the hub wrote to HMS-OMS"
                    + " came back after a later one; not sent on.", "OrderEchoSuppressed");
            return;
        }
        link.omsSide(omsId, status, updatedAt);
        if (verdict == OrderStatusModel.Verdict.INVALID) {
            rejected(in, link, OMS_TO_API, status, OrderStatusModel.refusal(link.apiStatus(), apiStatus)
                    + " (HMS-OMS status " + status + ")");
            return;
        }
        if (verdict == OrderStatusModel.Verdict.SAME) {
            ignored(in, link, OMS_TO_API, "NO_CHANGE", status, "HMS-API has " + apiStatus + " already.", null);
            return;
        }
        String action = "fulfilled".equals(apiStatus) ? "FULFILMENT" : "completed".equals(apiStatus) ? "COMPLETION"
                : "STATUS";
        OrderOperation op = operation(in, link, OMS_TO_API, action, apiStatus);
        send(in.integration(), op, new OutboundRequest(in.integration().apiConnectorId(), "OrderStatusChanged",
                link.apiOrderId(), "order-op:" + op.id(), "PATCH", API_ORDERS + "/" + enc(link.apiOrderId()),
                Json.JSONP.createObjectBuilder().add("status", apiStatus).build().toString(), null, null,
                Jms.ORDER_RESULTS_ADDRESS, "op:" + op.id(), holdKey(in.integration())));
        link.pushedToApi(apiStatus);
        link.state(OrderSyncState.PENDING, null);
    }

    // --- outcomes of the calls ---

    /**
     * The sync engine's word on a call order sync asked for ({@code hub.order-results}, or the delivery's record when
     * the message was lost: {@link StaleOperations}); whether it changed the operation (the same word again does not).
     */
    @Transactional
    public boolean result(Map<String, String> p) {
        String reference = p.get(OutboundResult.REFERENCE);
        if (reference == null || !reference.startsWith("op:")) {
            LOG.warning("An outcome without an order operation reference: " + p);
            return false;
        }
        OrderOperation op = tenancy.bind(em).find(OrderOperation.class, Long.parseLong(reference.substring(3)));
        if (op == null) {
            LOG.warning("The outcome of delivery " + p.get(OutboundResult.DELIVERY_ID) + " names order operation "
                    + reference + ", which does not exist");
            return false;
        }
        OrderLink link = em.find(OrderLink.class, op.orderId(), LockModeType.PESSIMISTIC_WRITE);
        OrderIntegration integration = link == null ? null : em.find(OrderIntegration.class, link.integrationId());
        long connector = integration == null ? 0 : API_TO_OMS.equals(op.direction()) ? integration.omsConnectorId()
                : integration.apiConnectorId();
        if (OutboundResult.DELIVERED.equals(p.get(OutboundResult.OUTCOME))) {
            if (OrderOperation.DONE.equals(op.outcome())) {
                return false;
            }
            op.done();
            if (op.lagMs() != null) {
                metrics.lag(op.lagMs());
            }
            if (link != null) {
                if ("CREATE".equals(op.action()) || "RECREATE".equals(op.action())) {
                    link.omsOrderId(p.get(OutboundResult.RESULT_ID));
                }
                refresh(link);
                events.publish("OrderSynced", "system", connector, "Order", link.apiOrderId(), true, null,
                        details(op, p));
            }
        } else {
            String error = p.getOrDefault(OutboundResult.ERROR, "the call failed") + " (dead letter "
                    + p.get(OutboundResult.DEAD_LETTER_ID) + ")";
            if (op.failedWith(error)) {
                return false; // this failure is recorded already
            }
            op.failed(error);
            if (link != null) {
                link.state(OrderSyncState.FAILED, error);
                events.publish("OrderSyncFailed", "system", connector, "Order", link.apiOrderId(), false, error,
                        details(op, p));
            }
        }
        return true;
    }

    /**
     * Calls of the current tenant still PENDING since before {@code before}: (operation id, delivery id), oldest
     * first, at most {@code max}.
     */
    @Transactional
    public List<long[]> stalePending(OffsetDateTime before, int max) {
        return tenancy.bind(em).createNamedQuery(OrderOperation.STALE_PENDING, Object[].class)
                .setParameter("before", before).setMaxResults(max).getResultStream()
                .map(r -> new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()}).toList();
    }

    private static Map<String, String> details(OrderOperation op, Map<String, String> p) {
        Map<String, String> d = new HashMap<>();
        d.put("operation", op.action());
        d.put("direction", op.direction());
        d.put("deliveryId", p.get(OutboundResult.DELIVERY_ID));
        d.put("httpStatus", p.get(OutboundResult.HTTP_STATUS));
        d.put("omsOrderId", p.get(OutboundResult.RESULT_ID));
        d.put("lagMs", op.lagMs() == null ? null : op.lagMs().toString());
        d.put("deadLetterId", p.get(OutboundResult.DEAD_LETTER_ID));
        return d;
    }

    /** The order's sync state from its open operations: PENDING while calls are on their way, else the last word. */
    void refresh(OrderLink link) {
        Map<String, Long> open = new HashMap<>();
        for (Object[] row : em.createNamedQuery(OrderOperation.COUNT_OPEN, Object[].class)
                .setParameter("orderId", link.id()).getResultList()) {
            open.put((String) row[0], (Long) row[1]);
        }
        if (open.getOrDefault(OrderOperation.PENDING, 0L) > 0) {
            link.state(OrderSyncState.PENDING, null);
            return;
        }
        List<OrderOperation> last = em.createQuery("SELECT o FROM OrderOperation o WHERE o.orderId = :orderId AND"
                + " o.outcome IN ('DONE', 'FAILED') ORDER BY o.completedAt DESC, o.id DESC", OrderOperation.class)
                .setParameter("orderId", link.id()).setMaxResults(1).getResultList();
        if (!last.isEmpty() && OrderOperation.FAILED.equals(last.get(0).outcome())) {
            link.state(OrderSyncState.FAILED, last.get(0).view().detail());
        } else if (link.syncState() != OrderSyncState.CONFLICT && link.syncState() != OrderSyncState.UNMAPPED_USER) {
            link.state(OrderSyncState.SYNCED, null);
        }
    }

    // --- helpers ---

    /** Whether the hub itself once wrote this status to the side that {@code direction} writes to. */
    boolean pushedBefore(OrderLink link, String direction, String status) {
        return !em.createQuery("SELECT o.id FROM OrderOperation o WHERE o.orderId = :orderId AND o.direction ="
                        + " :direction AND o.status = :status AND o.outcome IN ('PENDING', 'DONE')", Long.class)
                .setParameter("orderId", link.id()).setParameter("direction", direction).setParameter("status", status)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The order's row, locked for this transaction, or null. */
    OrderLink lock(long integrationId, String apiOrderId) {
        return tenancy.bind(em).createNamedQuery(OrderLink.BY_API_ID, OrderLink.class)
                .setParameter("integrationId", integrationId).setParameter("apiOrderId", apiOrderId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
    }

    OrderOperation operation(Inbound in, OrderLink link, String direction, String action, String status) {
        OrderOperation op = new OrderOperation(link.id(), direction, action, status, OrderOperation.PENDING,
                in == null ? null : in.receiptId(), in == null ? OffsetDateTime.now(java.time.ZoneOffset.UTC)
                : in.receivedAt(), in == null ? "reconciliation" : in.type());
        em.persist(op);
        em.flush();
        return op;
    }

    void send(OrderIntegration integration, OrderOperation op, OutboundRequest request) {
        op.delivery(outbox.enqueue(request));
    }

    private void ignored(Inbound in, OrderLink link, String direction, String action, String status, String detail,
                         String auditAction) {
        em.persist(new OrderOperation(link.id(), direction, action, status, OrderOperation.IGNORED, in.receiptId(),
                in.receivedAt(), detail));
        if (auditAction != null) {
            events.publish(auditAction, "system", in.connectorId(), "Order", link.apiOrderId(), true, detail,
                    status == null ? Map.of() : Map.of("status", status, "receiptId", in.receiptId()));
        }
    }

    private void rejected(Inbound in, OrderLink link, String direction, String status, String why) {
        em.persist(new OrderOperation(link.id(), direction, "TRANSITION_REJECTED", status, OrderOperation.REJECTED,
                in.receiptId(), in.receivedAt(), why));
        link.state(OrderSyncState.CONFLICT, why);
        Map<String, String> d = new HashMap<>();
        d.put("status", status);
        d.put("current", link.apiStatus());
        d.put("receiptId", in.receiptId());
        events.publish("OrderTransitionRejected", "system", in.connectorId(), "Order", link.apiOrderId(), false, why, d);
    }

    static boolean isStale(OffsetDateTime incoming, OffsetDateTime applied) {
        return incoming != null && applied != null && incoming.isBefore(applied);
    }

    PayloadTransformer.Result toOms(OrderIntegration i, JsonObject apiOrder) {
        return i.apiToOmsMappingId() != null ? transformer.transform(i.apiToOmsMappingId(), apiOrder.toString())
                : transformer.transformWithTemplate(TEMPLATE_API_TO_OMS, apiOrder.toString());
    }

    PayloadTransformer.Result toApi(OrderIntegration i, JsonObject omsOrder) {
        return i.omsToApiMappingId() != null ? transformer.transform(i.omsToApiMappingId(), omsOrder.toString())
                : transformer.transformWithTemplate(TEMPLATE_OMS_TO_API, omsOrder.toString());
    }

    /** What, besides the status, HMS-OMS keeps of an API order: title, items and user. */
    static String contentDigest(JsonObject apiOrder) {
        String content = String.valueOf(apiOrder.get("title")) + "\u0000" + apiOrder.get("items") + "\u0000"
                + apiOrder.get("user_id");
        return Digests.sha256(content);
    }

    static String holdKey(OrderIntegration i) {
        return i.state() == IntegrationState.ACTIVE ? null : i.holdKey();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
