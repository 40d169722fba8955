package org.hms.hub.console.client;

import java.util.List;
import java.util.Map;
import org.hms.hub.model.order.IntegrationStateChange;
import org.hms.hub.model.order.OrderDetail;
import org.hms.hub.model.order.OrderIntegrationView;
import org.hms.hub.model.order.OrderPage;
import org.hms.hub.model.order.ReconcileReport;
import org.hms.hub.model.order.ReconcileRequest;
import org.hms.hub.model.order.SyncLag;

/** {@code /api/orders} and {@code /api/order-integrations} for the console. */
public record OrdersApi(HubClient hub) {

    private static final java.lang.reflect.Type REPORTS = new java.util.ArrayList<ReconcileReport>() { }.getClass()
            .getGenericSuperclass();
    private static final java.lang.reflect.Type INTEGRATIONS = new java.util.ArrayList<OrderIntegrationView>() { }
            .getClass().getGenericSuperclass();

    /** Orders matching {@code q} (API id, ext_code or OMS id), a status on either side and a sync state. */
    public OrderPage search(String q, String status, String syncState, int offset, int limit) throws HubException {
        return hub.get("api/orders", HubClient.query("q", blankToNull(q), "status", blankToNull(status),
                "syncState", blankToNull(syncState), "offset", offset, "limit", limit), OrderPage.class);
    }

    public OrderDetail order(String apiOrderId, long integrationId) throws HubException {
        return hub.get("api/orders/" + apiOrderId, HubClient.query("integrationId", integrationId), OrderDetail.class);
    }

    public SyncLag lag(int minutes) throws HubException {
        return hub.get("api/orders/lag", HubClient.query("minutes", minutes), SyncLag.class);
    }

    /** Reconciles every integration of the tenant over its look-back window, repairing what is safe. */
    public List<ReconcileReport> reconcile(boolean repair) throws HubException {
        return hub.post("api/orders/reconcile", new ReconcileRequest(null, null, null, repair), REPORTS);
    }

    public List<OrderIntegrationView> integrations() throws HubException {
        return hub.get("api/order-integrations", Map.of(), INTEGRATIONS);
    }

    public OrderIntegrationView state(long integrationId, IntegrationStateChange change) throws HubException {
        return hub.put("api/order-integrations/" + integrationId + "/state", change, OrderIntegrationView.class);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
