package org.hms.hub.app.incontainer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hms.hub.connector.control.inbound.Inbound;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.messaging.WorkQueues;
import org.hms.hub.platform.tenancy.TenantContext;

/** Queues many inbound items in one transaction, so that the fan-out takes them as one batch. */
@Stateless
public class FanOutProbe {

    @Inject
    Inbound inbound;

    @Inject
    WorkQueues queues;

    @Inject
    TenantContext tenant;

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
        return "{\"type\":\"ProbeFannedOut\",\"entityKey\":\"" + prefix + "-" + i + "\",\"payload\":{\"i\":" + i + "}}";
    }
}
