package org.hms.hub.order.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hms.hub.model.order.OrderSyncState;
import org.hms.hub.model.order.ReconcileReport;
import org.hms.hub.order.entity.OrderIntegration;
import org.hms.hub.order.entity.OrderLink;
import org.hms.hub.order.entity.OrderOperation;
import org.hms.hub.order.entity.ReconcileRun;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.sync.OutboundRequest;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.transform.PayloadTransformer;

/** The repairs of a reconciliation, each in a transaction of its own, and the record of the run. */
@ApplicationScoped
public class OrderRepairs {

    @PersistenceContext(unitName = "order")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    OrderSync sync;

    @Inject
    OrderEvents events;

    /** The HMS-OMS status the API order should have there (the mapping's value map), or null. */
    @Transactional
    public String omsStatusOf(long integrationId, JsonObject apiOrder) {
        PayloadTransformer.Result mapped = sync.toOms(integration(integrationId), apiOrder);
        return mapped.ok() ? OrderJson.text(OrderJson.parse(mapped.output()).asJsonObject(), "status") : null;
    }

    /** An API order HMS-OMS does not have: its create call again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String recreate(long integrationId, JsonObject apiOrder) {
        OrderIntegration i = integration(integrationId);
        String apiId = OrderJson.text(apiOrder, "id");
        OrderLink link = sync.lock(integrationId, apiId);
        if (link == null) {
            link = new OrderLink(integrationId, apiId);
            em.persist(link);
            em.flush();
        }
        link.apiSide(OrderJson.text(apiOrder, "status"), OrderJson.time(apiOrder, "updated_at"),
                OrderJson.text(apiOrder, "title"), OrderJson.text(apiOrder, "user_id"));
        sync.requestCreate(new OrderSync.Inbound(i, i.apiConnectorId(), null, OffsetDateTime.now(ZoneOffset.UTC),
                apiOrder.toString(), "reconciliation", apiOrder), link, "RECREATE");
        return switch (link.syncState()) {
            case UNMAPPED_USER -> "not repaired: the user is not mapped (dead letter UNMAPPED_USER)";
            case FAILED -> "not repaired: " + link.view().lastError();
            default -> "re-created in HMS-OMS";
        };
    }

    /** Both have the order with different statuses: the newer side's status goes to the other, if allowed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String reapply(long integrationId, JsonObject apiOrder, JsonObject omsOrder) {
        OrderIntegration i = integration(integrationId);
        String apiId = OrderJson.text(apiOrder, "id");
        OrderLink link = sync.lock(integrationId, apiId);
        if (link == null) {
            link = new OrderLink(integrationId, apiId);
            em.persist(link);
            em.flush();
            link.markCreateRequested();
        }
        String apiStatus = OrderJson.text(apiOrder, "status");
        String omsStatus = OrderJson.text(omsOrder, "status");
        OffsetDateTime apiUpdated = OrderJson.time(apiOrder, "updated_at");
        OffsetDateTime omsUpdated = OrderJson.time(omsOrder, "updated_at");
        link.apiSide(apiStatus, apiUpdated, OrderJson.text(apiOrder, "title"), OrderJson.text(apiOrder, "user_id"));
        link.omsSide(OrderJson.text(omsOrder, "id"), omsStatus, omsUpdated);
        boolean omsNewer = omsUpdated != null && apiUpdated != null && omsUpdated.isAfter(apiUpdated);
        if (!omsNewer) {
            PayloadTransformer.Result mapped = sync.toOms(i, apiOrder);
            if (!mapped.ok()) {
                return "not repaired: " + String.join("; ", mapped.errors());
            }
            String target = OrderJson.text(OrderJson.parse(mapped.output()).asJsonObject(), "status");
            OrderOperation op = sync.operation(null, link, OrderSync.API_TO_OMS, "RECONCILE_STATUS", target);
            sync.send(i, op, new OutboundRequest(i.omsConnectorId(), "OrderStatusChanged", link.extCode(),
                    "order-op:" + op.id(), "PATCH", OrderSync.OMS_ORDERS + "/" + OrderSync.enc(OrderJson.text(omsOrder,
                    "id")), Json.JSONP.createObjectBuilder().add("status", target).build().toString(), null, null,
                    Jms.ORDER_RESULTS_ADDRESS, "op:" + op.id(), OrderSync.holdKey(i)));
            link.pushedToOms(target);
            link.state(OrderSyncState.PENDING, null);
            return "applied HMS-API's " + apiStatus + " to HMS-OMS (" + target + ")";
        }
        PayloadTransformer.Result mapped = sync.toApi(i, omsOrder);
        if (!mapped.ok()) {
            return "not repaired: " + String.join("; ", mapped.errors());
        }
        String target = OrderJson.text(OrderJson.parse(mapped.output()).asJsonObject(), "status");
        if (OrderStatusModel.check(apiStatus, target) != OrderStatusModel.Verdict.VALID) {
            link.state(OrderSyncState.CONFLICT, OrderStatusModel.refusal(apiStatus, target));
            return "not repaired: " + OrderStatusModel.refusal(apiStatus, target);
        }
        OrderOperation op = sync.operation(null, link, OrderSync.OMS_TO_API, "RECONCILE_STATUS", target);
        sync.send(i, op, new OutboundRequest(i.apiConnectorId(), "OrderStatusChanged", link.apiOrderId(),
                "order-op:" + op.id(), "PATCH", OrderSync.API_ORDERS + "/" + OrderSync.enc(apiId),
                Json.JSONP.createObjectBuilder().add("status", target).build().toString(), null, null,
                Jms.ORDER_RESULTS_ADDRESS, "op:" + op.id(), OrderSync.holdKey(i)));
        link.pushedToApi(target);
        link.state(OrderSyncState.PENDING, null);
        return "applied HMS-OMS's " + omsStatus + " to HMS-API (" + target + ")";
    }

    /** Keeps the run and its report, and puts it in the audit trail. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ReconcileReport record(long integrationId, OffsetDateTime from, OffsetDateTime to, boolean repair,
                                  OffsetDateTime started, String actor, int apiRead, int omsRead,
                                  List<ReconcileReport.Finding> missing, List<ReconcileReport.Finding> mismatches,
                                  List<ReconcileReport.Finding> orphans, int repaired, List<String> errors) {
        OrderIntegration i = integration(integrationId);
        ReconcileRun run = new ReconcileRun(integrationId, from, to, repair, started, actor);
        em.persist(run);
        em.flush();
        OffsetDateTime finished = OffsetDateTime.now(ZoneOffset.UTC);
        ReconcileReport report = new ReconcileReport(run.id(), integrationId, from, to, repair, started, finished,
                apiRead, omsRead, missing, mismatches, orphans, repaired, errors);
        run.finished(finished, Json.JSONB.toJson(report));
        i.reconciled(finished);
        Map<String, String> d = new HashMap<>();
        d.put("runId", Long.toString(run.id()));
        d.put("integrationId", Long.toString(integrationId));
        d.put("from", from.toString());
        d.put("to", to.toString());
        d.put("apiOrdersRead", Integer.toString(apiRead));
        d.put("omsOrdersRead", Integer.toString(omsRead));
        d.put("missingInOms", Integer.toString(missing.size()));
        d.put("statusMismatches", Integer.toString(mismatches.size()));
        d.put("orphans", Integer.toString(orphans.size()));
        d.put("repaired", Integer.toString(repaired));
        events.publish("OrderReconciled", actor, i.apiConnectorId(), "OrderIntegration", Long.toString(integrationId),
                errors.isEmpty(), errors.isEmpty() ? null : String.join("; ", errors), d);
        return report;
    }

    @Transactional
    public List<ReconcileReport> recent(long integrationId, int limit) {
        integration(integrationId);
        return em.createNamedQuery(ReconcileRun.RECENT, ReconcileRun.class).setParameter("integrationId", integrationId)
                .setMaxResults(limit).getResultStream()
                .map(r -> (ReconcileReport) org.hms.hub.platform.json.Records.read(OrderJson.parse(r.report()),
                        ReconcileReport.class)).toList();
    }

    private OrderIntegration integration(long id) {
        OrderIntegration i = tenancy.bind(em).find(OrderIntegration.class, id);
        if (i == null) {
            throw new org.hms.hub.platform.problem.ProblemException(404, "No such order integration",
                    "There is no order integration " + id + ".");
        }
        return i;
    }
}
