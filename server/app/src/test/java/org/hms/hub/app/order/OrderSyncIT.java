package org.hms.hub.app.order;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.model.audit.AuditEntryView;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.model.sync.DeadLetterPage;
import org.hms.hub.model.sync.DeadLetterView;
import org.hms.hub.testsupport.FakeHmsApi;
import org.hms.hub.testsupport.FakeOrderSystem;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.OrderFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 000's success criteria on the real hub and broker, between contract fakes of HMS-API and HMS-OMS that
 * answer as docs/orders.md says, keep their own stores, fail when told to and send their (signed) webhooks back to
 * the hub after every change — the hub's own included, so echoes are real.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrderSyncIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static OrderFixture f;

    @Deployment(testable = false)
    static WebArchive hub() {
        return Deployments.hub();
    }

    @BeforeEach
    void setUp() {
        Hub.awaitReady();
        if (f == null) {
            f = OrderFixture.create(Hub.adminToken(), "OrderSyncIT");
            f.mapUser("u-1", "oms-u-1");
            f.mapUser("u-2", "oms-u-2");
        }
    }

    @AfterAll
    static void stopFakes() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void createsExactlyOneOmsOrderForAnApiOrderWithTitleItemsAndMappedUser() throws Exception {
        JsonArray items = FakeHmsApi.items("MRI head", "contrast agent");
        long id = f.api().createOrder("MRI brain with contrast", "u-1", items);
        awaitSynced(id);
        List<JsonObject> inOms = f.oms().byExtCode(Long.toString(id));
        assertThat(inOms).hasSize(1);
        JsonObject o = inOms.get(0);
        assertThat(o.getJsonObject("data").getString("title")).isEqualTo("MRI brain with contrast");
        assertThat(o.getJsonObject("data").getJsonArray("items")).isEqualTo(items);
        assertThat(o.getString("user_id")).isEqualTo("oms-u-1");
        assertThat(o.getString("status")).isEqualTo("new");
        assertThat(o.getString("order_type")).isEqualTo("hms_api");
        JsonObject view = f.order(id).getJsonObject("order");
        assertThat(view.getString("omsOrderId")).isEqualTo(o.get("id").toString());
        assertThat(view.getString("extCode")).isEqualTo(Long.toString(id));
        assertThat(view.getString("apiStatus")).isEqualTo("pending");
        assertThat(view.getString("omsStatus")).isEqualTo("new");
        Thread.sleep(1_500);
        assertThat(f.oms().byExtCode(Long.toString(id))).hasSize(1);
    }

    @Test
    void reflectsStatusesBothWaysAndDoesNotBounceEchoesBack() throws Exception {
        long id = f.api().createOrder("Blood panel", "u-1", FakeHmsApi.items("CBC"));
        long omsId = awaitOmsId(id);
        f.oms().fulfil(omsId);
        Hub.await("HMS-API to show the fulfilment", WAIT, () -> "fulfilled".equals(f.api().status(id)));
        f.oms().complete(omsId);
        Hub.await("HMS-API to show the completion", WAIT, () -> "completed".equals(f.api().status(id)));
        awaitSynced(id);
        // HMS-API sent order.updated for each of the hub's two PATCHes: recognised as echoes, nothing sent back.
        Hub.await("both echoes to be recognised", WAIT, () -> actions(id).stream()
                .filter(a -> a.equals("API_TO_OMS ECHO_SUPPRESSED IGNORED")).count() == 2);
        assertThat(f.oms().count("PATCH", "/api/v1/orders/" + omsId)).isZero();
        assertThat(actions(id)).contains("OMS_TO_API FULFILMENT DONE", "OMS_TO_API COMPLETION DONE");

        long other = f.api().createOrder("Chest X-ray", "u-2", FakeHmsApi.items("PA view"));
        long otherOms = awaitOmsId(other);
        f.api().setStatus(other, "processing");
        Hub.await("HMS-OMS to show in_progress", WAIT,
                () -> "in_progress".equals(f.oms().order(otherOms).getString("status")));
        Hub.await("the OMS echo to be recognised", WAIT, () -> actions(other)
                .contains("OMS_TO_API ECHO_SUPPRESSED IGNORED"));
        assertThat(f.api().count("PATCH", "/api/order/" + other)).isZero();
        assertThat(audit("OrderEchoSuppressed", Long.toString(other))).isNotEmpty();
    }

    @Test
    void processesDuplicateAndRepeatedWebhooksOnceAndIgnoresStaleUpdates() throws Exception {
        long id = f.api().createOrder("Ultrasound abdomen", "u-1", FakeHmsApi.items("US"));
        awaitSynced(id);
        FakeOrderSystem.Webhook created = webhookOf(f.api().sentWebhooks(), "order.created", id);
        f.api().resend(created);          // the same webhook id: a duplicate receipt
        f.api().resendAsNew(created);     // the same content under a new id: nothing new for HMS-OMS
        Hub.await("the repeat to be recognised", WAIT, () -> actions(id).contains("API_TO_OMS NO_CHANGE IGNORED"));
        f.api().setStatus(id, "processing");
        Hub.await("HMS-OMS to show in_progress", WAIT, () -> "in_progress".equals(
                f.oms().byExtCode(Long.toString(id)).get(0).getString("status")));
        f.api().resendAsNew(created);     // now older than what was applied: stale
        Hub.await("the stale update to be ignored", WAIT, () -> actions(id).contains("API_TO_OMS STALE_IGNORED IGNORED"));
        assertThat(audit("OrderUpdateStale", Long.toString(id))).isNotEmpty();
        Thread.sleep(1_000);
        assertThat(f.oms().byExtCode(Long.toString(id))).hasSize(1);
        assertThat(f.oms().byExtCode(Long.toString(id)).get(0).getString("status")).isEqualTo("in_progress");
        assertThat(f.oms().requests().stream().filter(r -> r.method().equals("POST") && createOf(r, id))).hasSize(1);
    }

    @Test
    void refusesAndAuditsAStatusChangeTheModelForbids() {
        long id = f.api().createOrder("ECG", "u-1", FakeHmsApi.items("12-lead"));
        long omsId = awaitOmsId(id);
        f.oms().complete(omsId);
        Hub.await("HMS-API to show the completion", WAIT, () -> "completed".equals(f.api().status(id)));
        f.oms().setStatus(omsId, "in_progress");   // backwards from completed
        Hub.await("the order to be in conflict", WAIT, () -> "CONFLICT".equals(f.syncState(id)));
        assertThat(actions(id)).contains("OMS_TO_API TRANSITION_REJECTED REJECTED");
        assertThat(f.api().status(id)).isEqualTo("completed");
        assertThat(audit("OrderTransitionRejected", Long.toString(id))).isNotEmpty();
    }

    @Test
    void concurrentUpdatesToOneOrderEndTheSameOnBothSides() throws Exception {
        long id = f.api().createOrder("Physiotherapy", "u-1", FakeHmsApi.items("session"));
        long omsId = awaitOmsId(id);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        IntStream.rangeClosed(1, 12).forEach(i -> pool.submit(() -> f.api().setTitle(id, "Physiotherapy #" + i)));
        pool.submit(() -> f.oms().setStatus(omsId, "in_progress"));
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        Hub.await("both sides to agree", WAIT, () -> f.api().pendingWebhooks() == 0 && f.oms().pendingWebhooks() == 0
                && "SYNCED".equals(f.syncState(id))
                && f.oms().order(omsId).getJsonObject("data").getString("title")
                .equals(f.api().order(id).getString("title"))
                && "processing".equals(f.api().status(id)));
        assertThat(f.oms().byExtCode(Long.toString(id))).hasSize(1);
        assertThat(f.oms().order(omsId).getString("status")).isEqualTo("in_progress");
    }

    @Test
    void losesNothingWhileHmsOmsIsDown() {
        f.oms().down();
        List<Long> ids = new ArrayList<>();
        try {
            IntStream.range(0, 5).forEach(i -> ids.add(f.api().createOrder("Outage order " + i, "u-2",
                    FakeHmsApi.items("item"))));
            Hub.await("the hub to have tried HMS-OMS", WAIT, () -> f.oms().requests().stream()
                    .anyMatch(r -> r.status() == 503));
        } finally {
            f.oms().up();
        }
        for (long id : ids) {
            awaitSynced(id);
            assertThat(f.oms().byExtCode(Long.toString(id))).hasSize(1);
        }
    }

    @Test
    void parksAnOrderOfAnUnmappedUserUntilTheUserIsMappedAndItIsReplayed() {
        long id = f.api().createOrder("Dental X-ray", "u-unmapped", FakeHmsApi.items("bitewing"));
        Hub.await("the order to wait for its user", WAIT, () -> "UNMAPPED_USER".equals(f.syncState(id)));
        DeadLetterView letter = Hub.api("dead-letters").queryParam("connectorId", f.apiConnector()).queryParam("limit", 200).request()
                .header("Authorization", Hub.bearer(f.admin())).get()
                .readEntity(DeadLetterPage.class).items().stream()
                .filter(d -> d.reason().name().equals("UNMAPPED_USER") && Long.toString(id).equals(d.entityKey()))
                .findFirst().orElseThrow();
        assertThat(letter.error()).contains("u-unmapped");
        assertThat(f.oms().byExtCode(Long.toString(id))).isEmpty();
        f.mapUser("u-unmapped", "oms-u-9");
        Response replay = Hub.as(f.admin(), "dead-letters/" + letter.id() + "/replay").post(Entity.json("{}"));
        assertThat(replay.getStatus()).isEqualTo(200);
        awaitSynced(id);
        assertThat(f.oms().byExtCode(Long.toString(id))).singleElement()
                .satisfies(o -> assertThat(o.getString("user_id")).isEqualTo("oms-u-9"));
    }

    @Test
    void pausedIntegrationQueuesEverythingAndResumingDeliversItInOrder() throws Exception {
        f.state("PAUSED");
        long id;
        try {
            id = f.api().createOrder("Paused order", "u-1", FakeHmsApi.items("x"));
            Hub.await("the order to be received", WAIT, () -> f.order(id) != null);
            f.api().setStatus(id, "processing");
            Hub.await("the status change to be received", WAIT, () -> "processing".equals(
                    f.order(id).getJsonObject("order").getString("apiStatus")));
            Thread.sleep(2_000);
            assertThat(f.oms().byExtCode(Long.toString(id))).isEmpty();
            JsonObject status = Hub.as(f.admin(), "connectors/" + f.omsConnector() + "/status").get()
                    .readEntity(JsonObject.class);
            assertThat(status.getJsonNumber("queued").longValue()).isGreaterThanOrEqualTo(2);
        } finally {
            f.state("ACTIVE");
        }
        Hub.await("HMS-OMS to get the order and then its status", WAIT, () -> !f.oms().byExtCode(Long.toString(id))
                .isEmpty() && "in_progress".equals(f.oms().byExtCode(Long.toString(id)).get(0).getString("status")));
        awaitSynced(id);
        String omsId = f.order(id).getJsonObject("order").getString("omsOrderId");
        List<String> calls = f.oms().requests().stream().filter(r -> r.status() < 300 && (createOf(r, id)
                || r.method().equals("PATCH") && r.path().endsWith("/" + omsId)))
                .map(FakeOrderSystem.Request::method).toList();
        assertThat(calls).containsExactly("POST", "PATCH");
    }

    @Test
    void disabledIntegrationRefusesWebhooksWith503AndRetryAfter() {
        f.state("DISABLED");
        try {
            String body = Json.createObjectBuilder().add("type", "order.updated").add("data",
                    Json.createObjectBuilder().add("id", 424242).add("status", "pending")).build().toString();
            long ts = Instant.now().getEpochSecond();
            Response r = Hub.api("webhooks/" + f.apiConnector()).request().header("webhook-id", "msg_disabled_1")
                    .header("webhook-timestamp", Long.toString(ts))
                    .header("webhook-signature", FakeOrderSystem.sign(OrderFixture.API_WEBHOOK_SECRET, "msg_disabled_1",
                            ts, body))
                    .post(Entity.entity(body.getBytes(StandardCharsets.UTF_8), "application/json"));
            assertThat(r.getStatus()).isEqualTo(503);
            assertThat(r.getHeaderString("Retry-After")).isEqualTo("300");
            assertThat(r.getMediaType().toString()).startsWith("application/problem+json");
            assertThat(r.readEntity(JsonObject.class).getString("detail")).contains("DISABLED");
        } finally {
            f.state("ACTIVE");
        }
    }

    @Test
    void reconciliationFindsAndRepairsDriftInjectedIntoTheFakes() {
        long missing = f.api().createOrder("Drift: lost in OMS", "u-1", FakeHmsApi.items("a"));
        long omsNewer = f.api().createOrder("Drift: OMS moved on", "u-1", FakeHmsApi.items("b"));
        long apiNewer = f.api().createOrder("Drift: API moved on", "u-1", FakeHmsApi.items("c"));
        long missingOms = awaitOmsId(missing);
        long omsNewerId = awaitOmsId(omsNewer);
        long apiNewerOms = awaitOmsId(apiNewer);
        for (long id : new long[] {missing, omsNewer, apiNewer}) {
            awaitSynced(id);
        }
        f.oms().deleteSilently(missingOms);
        f.oms().setStatusSilently(omsNewerId, "fulfilled");
        f.api().setStatusSilently(apiNewer, "processing");
        Response orphan = Hub.as(f.admin(), "orders/reconcile").post(Entity.json(Json.createObjectBuilder()
                .add("integrationId", f.integration()).add("repair", false).build()));
        assertThat(orphan.getStatus()).isEqualTo(200);
        JsonObject dryRun = orphan.readEntity(JsonArray.class).getJsonObject(0);
        assertThat(ids(dryRun.getJsonArray("missingInOms"))).contains(Long.toString(missing));
        assertThat(f.oms().byExtCode(Long.toString(missing))).isEmpty();

        Response r = Hub.as(f.admin(), "orders/reconcile").post(Entity.json(Json.createObjectBuilder()
                .add("integrationId", f.integration()).build()));
        assertThat(r.getStatus()).isEqualTo(200);
        JsonObject report = r.readEntity(JsonArray.class).getJsonObject(0);
        assertThat(report.getJsonArray("errors")).isEmpty();
        assertThat(ids(report.getJsonArray("missingInOms"))).contains(Long.toString(missing));
        assertThat(ids(report.getJsonArray("statusMismatches"))).contains(Long.toString(omsNewer), Long.toString(apiNewer));
        Hub.await("the missing OMS order to be re-created", WAIT, () -> f.oms().byExtCode(Long.toString(missing)).size() == 1);
        Hub.await("HMS-API to get HMS-OMS's newer status", WAIT, () -> "fulfilled".equals(f.api().status(omsNewer)));
        Hub.await("HMS-OMS to get HMS-API's newer status", WAIT, () -> "in_progress".equals(
                f.oms().order(apiNewerOms).getString("status")));
        assertThat(audit("OrderReconciled", Long.toString(f.integration()), 2)).hasSizeGreaterThanOrEqualTo(2);

        JsonObject again = Hub.as(f.admin(), "orders/reconcile").post(Entity.json(Json.createObjectBuilder()
                .add("integrationId", f.integration()).add("repair", false).build())).readEntity(JsonArray.class)
                .getJsonObject(0);
        Hub.await("the repairs to settle", WAIT, () -> f.api().pendingWebhooks() == 0 && f.oms().pendingWebhooks() == 0);
        assertThat(again.getJsonArray("missingInOms")).isEmpty();
    }

    @Test
    void listsOrdersWithFiltersAndExplainsBadInput() {
        long id = f.api().createOrder("Listed order", "u-2", FakeHmsApi.items("l"));
        awaitSynced(id);
        JsonObject page = Hub.api("orders").queryParam("q", Long.toString(id)).request()
                .header("Authorization", Hub.bearer(f.admin())).get(JsonObject.class);
        assertThat(page.getJsonNumber("total").longValue()).isEqualTo(1);
        JsonObject synced = Hub.api("orders").queryParam("syncState", "SYNCED").queryParam("limit", 500).request()
                .header("Authorization", Hub.bearer(f.admin())).get(JsonObject.class);
        assertThat(synced.getJsonArray("items").getValuesAs(JsonObject.class))
                .allSatisfy(o -> assertThat(o.getString("syncState")).isEqualTo("SYNCED"));
        Response bad = Hub.api("orders").queryParam("syncState", "SIDEWAYS").request()
                .header("Authorization", Hub.bearer(f.admin())).get();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(Hub.as(f.admin(), "orders/999999999").get().getStatus()).isEqualTo(404);
    }

    /** Seed 000 allows 5 minutes; the target is p99 under 2 s without load. Printed for the record. */
    @Test
    void statusesReachTheOtherSideWellWithinTwoSecondsWithoutLoad() {
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long id = f.api().createOrder("Lag probe " + i, "u-1", FakeHmsApi.items("p"));
            awaitSynced(id);
            lags.add(f.order(id).getJsonArray("history").getValuesAs(JsonObject.class).stream()
                    .filter(op -> op.getString("action").equals("CREATE")).findFirst().orElseThrow()
                    .getJsonNumber("lagMs").longValue());
        }
        lags.sort(null);
        long p50 = lags.get(9);
        long p99 = lags.get(19);
        System.out.printf("Order sync lag (webhook received → HMS-OMS confirmed), 20 orders one at a time:"
                + " p50 %d ms, p99/max %d ms%n", p50, p99);
        JsonObject lag = Hub.as(f.admin(), "orders/lag").get(JsonObject.class);
        System.out.println("GET /api/orders/lag: " + lag);
        assertThat(p99).isLessThan(2_000);
        assertThat(lag.getJsonNumber("count").longValue()).isGreaterThanOrEqualTo(20);
    }

    // --- helpers ---

    private static void awaitSynced(long id) {
        Hub.await("order " + id + " to be SYNCED", WAIT, () -> "SYNCED".equals(f.syncState(id)));
    }

    private static long awaitOmsId(long id) {
        awaitSynced(id);
        return Long.parseLong(f.order(id).getJsonObject("order").getString("omsOrderId"));
    }

    /** "direction action outcome" of each step of the order's history. */
    private static List<String> actions(long id) {
        JsonObject o = f.order(id);
        return o == null ? List.of() : o.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(op -> op.getString("direction") + " " + op.getString("action") + " " + op.getString("outcome"))
                .toList();
    }

    private static FakeOrderSystem.Webhook webhookOf(List<FakeOrderSystem.Webhook> sent, String type, long id) {
        return sent.stream().filter(w -> w.type().equals(type) && w.body().contains("\"id\":" + id + ",")).findFirst()
                .orElseThrow();
    }

    /** A create call of HMS-OMS for the API order, answered 2xx. */
    private static boolean createOf(FakeOrderSystem.Request r, long apiOrderId) {
        return r.method().equals("POST") && r.status() < 300 && r.body().matches(".*\"ext_code\":\"?" + apiOrderId
                + "\"?[,}].*");
    }

    private static List<String> ids(JsonArray findings) {
        return findings.getValuesAs(JsonObject.class).stream().map(x -> x.getString("apiOrderId")).toList();
    }

    /** The newest audit entries of an action about a target. */
    private static List<AuditEntryView> audit(String action, String targetId) {
        return audit(action, targetId, 1);
    }

    private static List<AuditEntryView> audit(String action, String targetId, int atLeast) {
        List<AuditEntryView> found = new ArrayList<>();
        Hub.await(action + " in the audit trail", WAIT, () -> {
            found.clear();
            found.addAll(Hub.api("audit").queryParam("action", action).queryParam("targetId", targetId)
                    .queryParam("limit", 500).request().header("Authorization", Hub.bearer(f.admin()))
                    .get(AuditPage.class).items());
            return found.size() >= atLeast;
        });
        return found;
    }
}
