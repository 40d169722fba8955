package org.hms.hub.connector.control.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.hms.hub.platform.sync.OutboundRequest.Lookup;
import org.junit.jupiter.api.Test;

class DeliverySenderLookupTest {

    private static final Lookup ARRAY = new Lookup("/api/v1/orders?ext_code=1001", "", "/id",
            Lookup.Mode.CREATE_IF_ABSENT);

    @Test
    void findsTheFirstListedItemsId() {
        assertThat(DeliverySender.foundId("[{\"id\":501,\"ext_code\":\"1001\"},{\"id\":502}]", ARRAY)).isEqualTo("501");
        assertThat(DeliverySender.foundId("{\"data\":[{\"id\":\"a-1\"}]}", new Lookup("/x", "/data", "/id",
                Lookup.Mode.TARGET))).isEqualTo("a-1");
    }

    @Test
    void findsNothingInAnEmptyListOrAnEmptyAnswer() {
        assertThat(DeliverySender.foundId("[]", ARRAY)).isNull();
        assertThat(DeliverySender.foundId("", ARRAY)).isNull();
        assertThat(DeliverySender.foundId("{\"data\":[]}", new Lookup("/x", "/data", "/id", Lookup.Mode.TARGET)))
                .isNull();
    }

    @Test
    void readsAnObjectAnswerAsOneItem() {
        assertThat(DeliverySender.foundId("{\"id\":77,\"status\":\"new\"}", ARRAY)).isEqualTo("77");
        assertThat(DeliverySender.foundId("{\"status\":\"new\"}", ARRAY)).isNull();
    }

    @Test
    void putsTheLookedUpIdInThePlaceTheTargetLeavesForIt() {
        var connector = new org.hms.hub.connector.control.outbound.ResolvedConnector("t", 1, 1, "OMS",
                org.hms.hub.model.connector.ConnectorType.API, java.net.URI.create("http://127.0.0.1:1/base/"),
                org.hms.hub.model.connector.AuthType.NONE, null, null, null, null, null, null, null, null, null,
                java.util.List.of(), java.util.Map.of(), 1000, null, null, null);
        assertThat(DeliverySender.target(connector, "/api/v1/orders/{id}").toString())
                .isEqualTo("http://127.0.0.1:1/base/api/v1/orders/%7Bid%7D");
    }
}
