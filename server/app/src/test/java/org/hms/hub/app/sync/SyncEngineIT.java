package org.hms.hub.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.model.audit.AuditEntryView;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.model.connector.ConnectorView;
import org.hms.hub.model.problem.Problem;
import org.hms.hub.model.sync.BulkResult;
import org.hms.hub.model.sync.CircuitState;
import org.hms.hub.model.sync.DeadLetterPage;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.model.sync.DeadLetterState;
import org.hms.hub.model.sync.DeadLetterView;
import org.hms.hub.model.sync.SubscriptionView;
import org.hms.hub.model.sync.SyncStatus;
import org.hms.hub.model.sync.WebhookAck;
import org.hms.hub.testsupport.FakePeer;
import org.hms.hub.testsupport.FakePeer.Reply;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.TestSecrets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sync engine end to end on the real hub and broker: signed webhooks in, fan-out to subscribed connectors,
 * deliveries to real HTTP peers on 127.0.0.1 that go down, refuse and disappear, dead letters edited and
 * replayed. The server runs with {@code hub.circuit.open-seconds=3}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncEngineIT {

    /** Successful (2xx) requests per Idempotency-Key, and the order in which each entity's versions arrived. */
    private static final Map<String, AtomicInteger> ACCEPTED = new ConcurrentHashMap<>();
    private static final Map<String, List<Integer>> ARRIVALS = new ConcurrentHashMap<>();
    /** Attempts per key at the peer that answers 429 with Retry-After the first time. */
    private static final Map<String, AtomicInteger> BUSY = new ConcurrentHashMap<>();

    private static final FakePeer TARGET = FakePeer.start()
            .on("/orders", r -> {
                ACCEPTED.computeIfAbsent(r.header("Idempotency-Key"), k -> new AtomicInteger()).incrementAndGet();
                JsonObject body = json(r.body());
                ARRIVALS.computeIfAbsent(body.getString("id"), k -> java.util.Collections.synchronizedList(
                        new ArrayList<>())).add(body.getInt("version"));
                return Reply.json(200, "{\"ok\":true}");
            })
            .on("/strict", r -> {
                if (!json(r.body()).containsKey("title")) {
                    return Reply.json(400, "{\"error\":\"title is required\"}");
                }
                ACCEPTED.computeIfAbsent(r.header("Idempotency-Key"), k -> new AtomicInteger()).incrementAndGet();
                return Reply.json(201, "{}");
            })
            .on("/busy", r -> BUSY.computeIfAbsent(r.header("Idempotency-Key"),
                    k -> new AtomicInteger()).incrementAndGet() == 1
                    ? Reply.status(429).header("Retry-After", "2") : Reply.json(200, "{}"))
            .on("/gone", r -> Reply.status(410))
            .on("/hooks", r -> Reply.json(204, ""));

    private static String admin;
    private static long source;
    private static String sourceEtag;
    private static long target;
    private static long github;

    @Deployment(testable = false)
    static WebArchive hub() {
        return Deployments.hub();
    }

    @BeforeEach
    void setUp() {
        Hub.awaitReady();
        if (admin != null) {
            return;
        }
        admin = Hub.adminToken();
        ConnectorView src = create(connector("HMS-API (webhooks)", "http://127.0.0.1:9/api")
                .add("webhook", Json.createObjectBuilder().add("enabled", true).add("style", "STANDARD")
                        .add("secret", TestSecrets.WEBHOOK_SECRET)));
        source = src.id();
        sourceEtag = "\"" + activate(source).version() + "\"";
        target = create(connector("HMS-OMS", TARGET.uri("").toString()).add("retryBackoffMs", 200)
                .add("retryAttempts", 20)).id();
        activate(target);
        github = create(connector("GitHub-style sender", "http://127.0.0.1:9/gh")
                .add("webhook", Json.createObjectBuilder().add("enabled", true).add("style", "GITHUB")
                        .add("secret", TestSecrets.GITHUB_WEBHOOK_SECRET))).id();
        activate(github);
        subscribe("OrderUpdated", target, "/orders");
    }

    @AfterAll
    static void stopPeer() {
        TARGET.close();
    }

    @Test
    void deliversEverythingInOrderPerEntityAfterTheTargetWasDown() {
        TARGET.down();
        List<String> entities = List.of("ord-A", "ord-B", "ord-C");
        for (int version = 1; version <= 5; version++) {
            for (String entity : entities) {
                Response sent = webhook(source, TestSecrets.WEBHOOK_SECRET, UUID.randomUUID().toString(),
                        Instant.now(), order("OrderUpdated", entity, version));
                assertThat(sent.getStatus()).isEqualTo(202);
            }
        }
        Hub.await("the circuit to open while the target is down", Duration.ofSeconds(30),
                () -> status(target).circuit() != CircuitState.CLOSED);
        TARGET.up();

        Hub.await("all 15 changes to arrive", Duration.ofSeconds(90),
                () -> entities.stream().mapToInt(e -> ARRIVALS.getOrDefault(e, List.of()).size()).sum() >= 15);
        for (String entity : entities) {
            assertThat(ARRIVALS.get(entity)).as("versions of %s in arrival order", entity)
                    .containsExactly(1, 2, 3, 4, 5);
        }
        assertThat(ACCEPTED.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).toList())
                .as("Idempotency-Keys the target accepted more than once").isEmpty();
        Hub.await("the status to show nothing queued", Duration.ofSeconds(20), () -> {
            SyncStatus s = status(target);
            return s.queued() == 0 && s.inFlight() == 0 && s.retrying() == 0;
        });
        SyncStatus status = status(target);
        assertThat(status.lastHour().delivered()).isGreaterThanOrEqualTo(15);
        assertThat(status.circuit()).isEqualTo(CircuitState.CLOSED);
        assertThat(status.oldestUndeliveredSeconds()).isNull();
        assertThat(status.lastSuccessAt()).isNotNull();

        org.hms.hub.model.sync.Throughput perMinute = Hub.as(admin, "deliveries/per-minute")
                .get(org.hms.hub.model.sync.Throughput.class);
        assertThat(perMinute.minutes()).hasSize(60);
        assertThat(perMinute.minutes().stream().mapToLong(org.hms.hub.model.sync.Throughput.Minute::delivered).sum())
                .isGreaterThanOrEqualTo(15);

        String metrics = Hub.root().path("metrics").queryParam("scope", "application").request().get(String.class);
        assertThat(metrics.lines().filter(l -> l.startsWith("hub_deliveries") && l.contains("connector=\"" + target
                + "\"") && l.contains("outcome=\"delivered\"")).toList()).as(metrics).isNotEmpty();
        assertThat(metrics.lines().anyMatch(l -> l.startsWith("hub_webhooks") && l.contains("outcome=\"accepted\"")))
                .isTrue();
        Hub.await("the gauges of the target", Duration.ofSeconds(20), () -> Hub.root().path("metrics")
                .queryParam("scope", "application").request().get(String.class).lines()
                .anyMatch(l -> l.startsWith("hub_connector_queued") && l.contains("connector=\"" + target + "\"")));
    }

    @Test
    void fansOutToEverySubscriberAndDeadLettersARefusalOnItsOwn() {
        ConnectorView strict = create(connector("Strict OMS", TARGET.uri("").toString()));
        activate(strict.id());
        subscribe("ThingChanged", strict.id(), "/strict");
        subscribe("ThingChanged", target, "/orders");

        assertThat(webhook(source, TestSecrets.WEBHOOK_SECRET, "thing-1", Instant.now(),
                "{\"type\":\"ThingChanged\",\"payload\":{\"id\":\"thing-1\",\"version\":1,\"name\":\"no title\"}}")
                .getStatus()).isEqualTo(202);

        Hub.await("the refusal to become a dead letter", Duration.ofSeconds(30),
                () -> !deadLetters(strict.id()).items().isEmpty());
        Hub.await("the other subscriber to get it", Duration.ofSeconds(30),
                () -> ARRIVALS.containsKey("thing-1"));
        assertThat(status(strict.id()).lastSyncAt()).as("last sync of a connector that refused everything").isNull();
        DeadLetterView letter = deadLetter(deadLetters(strict.id()).items().get(0).id());
        assertThat(letter.reason()).isEqualTo(DeadLetterReason.REJECTED);
        assertThat(letter.httpStatus()).isEqualTo(400);
        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(letter.error()).contains("title is required");
        assertThat(letter.headers()).containsKey("Idempotency-Key");
        String key = letter.headers().get("Idempotency-Key");

        Response edited = Hub.as(admin, "dead-letters/" + letter.id() + "/payload").header("If-Match",
                "\"" + letter.version() + "\"").put(Entity.json(Json.createObjectBuilder().add("payload",
                "{\"id\":\"thing-1\",\"version\":1,\"title\":\"now with a title\"}").build()));
        assertThat(edited.getStatus()).isEqualTo(200);
        Response replayed = Hub.as(admin, "dead-letters/" + letter.id() + "/replay").post(Entity.json("{}"));
        assertThat(replayed.getStatus()).isEqualTo(200);
        assertThat(replayed.readEntity(DeadLetterView.class).state()).isEqualTo(DeadLetterState.REPLAYED);
        Response again = Hub.as(admin, "dead-letters/" + letter.id() + "/replay").post(Entity.json("{}"));
        assertThat(again.getStatus()).isEqualTo(409);
        BulkResult bulk = Hub.as(admin, "dead-letters/replay").post(Entity.json(Json.createObjectBuilder()
                .add("ids", Json.createArrayBuilder().add(letter.id())).build()), BulkResult.class);
        assertThat(bulk.done()).isEmpty();
        assertThat(bulk.skipped()).containsExactly(letter.id());

        Hub.await("the corrected payload to be delivered", Duration.ofSeconds(30),
                () -> ACCEPTED.containsKey(key));
        Hub.await("the connector's last sync to be the replayed delivery's", Duration.ofSeconds(10),
                () -> status(strict.id()).lastSyncAt() != null);
        sleep(2000);
        assertThat(ACCEPTED.get(key).get()).as("deliveries of the replayed payload").isEqualTo(1);
        assertThat(TARGET.requests("/strict").stream().filter(r -> key.equals(r.header("Idempotency-Key")))
                .count()).isEqualTo(2);
        Hub.await("the audit trail to show the webhook, the deliveries and the dead-letter actions",
                Duration.ofSeconds(20), () -> actions().containsAll(List.of("WebhookReceived", "DeliverySucceeded",
                        "DeliveryDeadLettered", "DeadLetterEdited", "DeadLetterReplayed")));
    }

    @Test
    void honoursRetryAfterAndDeliversOnTheNextAttempt() {
        subscribe("BusyThing", target, "/busy");
        webhook(source, TestSecrets.WEBHOOK_SECRET, "busy-1", Instant.now(),
                "{\"type\":\"BusyThing\",\"payload\":{\"id\":\"busy-1\"}}");
        Hub.await("a second attempt", Duration.ofSeconds(30), () -> TARGET.requests("/busy").size() >= 2);
        List<FakePeer.Request> attempts = TARGET.requests("/busy");
        assertThat(attempts.get(0).header("Idempotency-Key")).isEqualTo(attempts.get(1).header("Idempotency-Key"));
        // The peer asked for 2 s; the connector's own first delay would have been 0.1-0.2 s.
        assertThat(java.time.Duration.between(attempts.get(0).receivedAt(), attempts.get(1).receivedAt()).toMillis())
                .isGreaterThanOrEqualTo(1900);
    }

    @Test
    void switchesOffASubscriptionWhoseTargetAnswers410() {
        SubscriptionView s = subscribe("GoneThing", target, "/gone");
        webhook(source, TestSecrets.WEBHOOK_SECRET, "gone-1", Instant.now(),
                "{\"type\":\"GoneThing\",\"payload\":{\"id\":\"g-1\"}}");
        Hub.await("the subscription to be switched off", Duration.ofSeconds(30),
                () -> !Hub.as(admin, "subscriptions/" + s.id()).get(SubscriptionView.class).enabled());
        assertThat(deadLetters(target).items()).anyMatch(d -> d.reason() == DeadLetterReason.GONE);
    }

    @Test
    void signsOutboundWebhooksPerStandardWebhooks() {
        ConnectorView hooks = create(connector("Partner webhook", TARGET.uri("/hooks").toString())
                .add("type", "WEBHOOK").add("webhook", Json.createObjectBuilder().add("enabled", false)
                        .add("style", "STANDARD").add("secret", TestSecrets.OUTBOUND_WEBHOOK_SECRET)));
        activate(hooks.id());
        subscribe("PatientUpdated", hooks.id(), null);
        webhook(source, TestSecrets.WEBHOOK_SECRET, "pat-1", Instant.now(),
                "{\"type\":\"PatientUpdated\",\"payload\":{\"id\":\"p-1\"}}");
        Hub.await("the outbound webhook", Duration.ofSeconds(30), () -> !TARGET.requests("/hooks").isEmpty());
        FakePeer.Request hook = TARGET.requests("/hooks").get(0);
        String signed = hook.header("webhook-id") + "." + hook.header("webhook-timestamp") + "." + hook.body();
        assertThat(hook.header("webhook-signature")).isEqualTo("v1," + java.util.Base64.getEncoder().encodeToString(
                hmac(java.util.Base64.getDecoder().decode(TestSecrets.OUTBOUND_WEBHOOK_SECRET.substring(6)), signed)));
        assertThat(hook.header("webhook-id")).isEqualTo(hook.header("Idempotency-Key"));
        JsonObject body = json(hook.body());
        assertThat(body.getString("type")).isEqualTo("PatientUpdated");
        assertThat(body.getJsonObject("data").getString("id")).isEqualTo("p-1");
    }

    @Test
    void acceptsOnlyValidlySignedFreshWebhooks() {
        String body = order("Ping", "sig-1", 1);
        Instant now = Instant.now();

        Response valid = webhook(source, TestSecrets.WEBHOOK_SECRET, "sig-valid", now, body);
        assertThat(valid.getStatus()).isEqualTo(202);
        WebhookAck ack = valid.readEntity(WebhookAck.class);
        assertThat(ack.duplicate()).isFalse();

        Response replay = webhook(source, TestSecrets.WEBHOOK_SECRET, "sig-valid", now, body);
        assertThat(replay.getStatus()).isEqualTo(202);
        WebhookAck replayAck = replay.readEntity(WebhookAck.class);
        assertThat(replayAck.duplicate()).isTrue();
        assertThat(replayAck.receiptId()).isEqualTo(ack.receiptId());
        assertThat(replayAck.receivedAt()).as("the repeat names the first call's time, as stored")
                .isEqualTo(ack.receivedAt());

        assertRefused(webhook(source, TestSecrets.WEBHOOK_SECRET_WRONG, "sig-wrong", now, body), 401, "does not match");
        assertRefused(webhook(source, TestSecrets.WEBHOOK_SECRET, "sig-stale", now.minusSeconds(400), body), 401, "old");
        assertRefused(webhook(source, TestSecrets.WEBHOOK_SECRET, "sig-future", now.plusSeconds(400), body), 401,
                "future");
        long ts = now.getEpochSecond();
        assertRefused(Hub.root().path("api/webhooks/" + source).request()
                .header("webhook-id", "sig-tampered").header("webhook-timestamp", ts)
                .header("webhook-signature", standardSignature(TestSecrets.WEBHOOK_SECRET, "sig-tampered", ts, body))
                .post(Entity.json(body.replace("sig-1", "sig-2"))), 401, "does not match");
        assertRefused(Hub.root().path("api/webhooks/" + source).request().post(Entity.json(body)), 400, "missing");
        assertRefused(webhook(source, TestSecrets.WEBHOOK_SECRET, "sig-json", now, "{not json"), 400, "JSON");
        assertRefused(webhook(source, TestSecrets.WEBHOOK_SECRET, "sig-big", now,
                "{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}"), 413, "at most");
        assertRefused(webhook(999_999, TestSecrets.WEBHOOK_SECRET, "sig-nobody", now, body), 404, "does not exist");

        // The sender rotates: the hub takes the new secret, and the old one still works for the grace period.
        Response rotated = Hub.as(admin, "connectors/" + source).header("If-Match", sourceEtag).method("PATCH",
                Entity.json(Json.createObjectBuilder().add("webhook", Json.createObjectBuilder()
                        .add("secret", TestSecrets.WEBHOOK_SECRET_ROTATED)).build()));
        assertThat(rotated.getStatus()).isEqualTo(200);
        sourceEtag = rotated.getHeaderString("ETag");
        assertThat(webhook(source, TestSecrets.WEBHOOK_SECRET_ROTATED, "sig-rotated", now, body).getStatus())
                .isEqualTo(202);
        assertThat(webhook(source, TestSecrets.WEBHOOK_SECRET, "sig-old-in-grace", now, body).getStatus())
                .isEqualTo(202);
        String both = standardSignature(TestSecrets.WEBHOOK_SECRET_WRONG, "sig-both", ts, body) + " "
                + standardSignature(TestSecrets.WEBHOOK_SECRET_ROTATED, "sig-both", ts, body);
        assertThat(Hub.root().path("api/webhooks/" + source).request().header("webhook-id", "sig-both")
                .header("webhook-timestamp", ts).header("webhook-signature", both).post(Entity.json(body))
                .getStatus()).isEqualTo(202);

        String hex = HexFormat.of().formatHex(hmac(TestSecrets.GITHUB_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                body));
        assertThat(Hub.root().path("api/webhooks/" + github).request().header("X-GitHub-Delivery", "gh-1")
                .header("X-Hub-Signature-256", "sha256=" + hex).post(Entity.json(body)).getStatus()).isEqualTo(202);
        assertRefused(Hub.root().path("api/webhooks/" + github).request().header("X-GitHub-Delivery", "gh-2")
                .header("X-Hub-Signature-256", "sha256=" + hex).post(Entity.json(body + " ")), 401, "does not match");

        Hub.await("the refusals in the audit trail", Duration.ofSeconds(20),
                () -> actions().stream().filter("WebhookRejected"::equals).count() >= 6);
    }

    @Test
    void takesConcurrentWebhooksInSharedCommitsEachOnceAndTheirRepeatsAsDuplicates() throws Exception {
        // 30 webhooks, each sent twice at the same time by 12 senders: the hub writes those arriving together in
        // one transaction, and a repeat in the same or a concurrent batch must still be answered as the duplicate
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add("burst-" + i);
            ids.add("burst-" + i);
        }
        java.util.Collections.shuffle(ids, new java.util.Random(7));
        Instant now = Instant.now();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(12);
        Map<String, List<WebhookAck>> acks = new ConcurrentHashMap<>();
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (String id : ids) {
                sent.add(senders.submit(() -> {
                    Response r = webhook(source, TestSecrets.WEBHOOK_SECRET, id, now, order("OrderUpdated", id, 1));
                    assertThat(r.getStatus()).as("answer to %s", id).isEqualTo(202);
                    acks.computeIfAbsent(id, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .add(r.readEntity(WebhookAck.class));
                }));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(acks).hasSize(30);
        acks.forEach((id, both) -> {
            assertThat(both).as("answers to %s", id).hasSize(2);
            assertThat(both.get(0).receiptId()).as("receipt of %s", id).isEqualTo(both.get(1).receiptId());
            assertThat(both.stream().filter(WebhookAck::duplicate).count()).as("duplicates of %s", id).isEqualTo(1);
        });
        assertThat(acks.values().stream().map(a -> a.get(0).receiptId()).distinct().count()).isEqualTo(30);
        Hub.await("every webhook delivered", Duration.ofSeconds(60),
                () -> acks.keySet().stream().allMatch(ARRIVALS::containsKey));
        sleep(1000);
        acks.keySet().forEach(id -> assertThat(ARRIVALS.get(id)).as("deliveries of %s", id).containsExactly(1));
    }

    @Test
    void refusesWebhooksFromTheMomentItsConnectorIsSwitchedOffOrStopsTakingThem() {
        long sender = create(connector("Ward system (webhooks)", "http://127.0.0.1:9/ward")
                .add("webhook", Json.createObjectBuilder().add("enabled", true).add("style", "STANDARD")
                        .add("secret", TestSecrets.WEBHOOK_SECRET))).id();
        activate(sender);
        Instant now = Instant.now();
        // the endpoint keeps what it read of a connector for a few seconds (hub.webhooks.target-cache)
        assertThat(webhook(sender, TestSecrets.WEBHOOK_SECRET, "ward-1", now, order("Ping", "ward-1", 1)).getStatus())
                .isEqualTo(202);

        Response off = Hub.as(admin, "connectors/" + sender + "/status").put(Entity.json("{\"status\":\"INACTIVE\"}"));
        assertThat(off.getStatus()).isEqualTo(200);
        assertRefused(webhook(sender, TestSecrets.WEBHOOK_SECRET, "ward-2", now, order("Ping", "ward-2", 1)), 409,
                "switched off");

        ConnectorView on = activate(sender);
        assertThat(webhook(sender, TestSecrets.WEBHOOK_SECRET, "ward-3", now, order("Ping", "ward-3", 1)).getStatus())
                .isEqualTo(202);

        Response changed = Hub.as(admin, "connectors/" + sender).header("If-Match", "\"" + on.version() + "\"")
                .method("PATCH", Entity.json(Json.createObjectBuilder().add("webhook", Json.createObjectBuilder()
                        .add("enabled", false)).build()));
        assertThat(changed.getStatus()).isEqualTo(200);
        assertRefused(webhook(sender, TestSecrets.WEBHOOK_SECRET, "ward-4", now, order("Ping", "ward-4", 1)), 404,
                "does not take webhooks");
    }

    @Test
    void refusesToDeleteAConnectorWithQueuedDeliveries() {
        ConnectorView nowhere = create(connector("Unreachable lab", "http://127.0.0.1:9/lab")
                .add("retryBackoffMs", 60_000));
        activate(nowhere.id());
        subscribe("LabOrderPlaced", nowhere.id(), "/orders");
        webhook(source, TestSecrets.WEBHOOK_SECRET, "lab-1", Instant.now(),
                "{\"type\":\"LabOrderPlaced\",\"payload\":{\"id\":\"l-1\"}}");
        Hub.await("a delivery waiting for its retry", Duration.ofSeconds(30),
                () -> status(nowhere.id()).retrying() + status(nowhere.id()).queued() > 0);

        Response refused = Hub.as(admin, "connectors/" + nowhere.id()).delete();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.readEntity(Problem.class).detail()).contains("not finished");
    }

    @Test
    void takesInboundDataFromQueuesOnTheHubsBrokerAndAnExternalOne() throws Exception {
        String brokerUrl = "tcp://127.0.0.1:" + System.getProperty("it.broker.port");
        ConnectorView internal = create(connector("Lab results queue", "http://127.0.0.1:9/lab")
                .add("config", Json.createObjectBuilder().add("queue", Json.createObjectBuilder()
                        .add("address", "lab.results"))));
        ConnectorView external = create(connector("Partner broker", "http://127.0.0.1:9/partner")
                .add("config", Json.createObjectBuilder().add("queue", Json.createObjectBuilder()
                        .add("address", "partner.events").add("brokerUrl", brokerUrl))));
        activate(internal.id());
        activate(external.id());
        subscribe("LabResult", target, "/orders");

        try (var factory = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(brokerUrl);
             var jms = factory.createContext()) {
            jms.createProducer().send(jms.createQueue("lab.results"),
                    "{\"type\":\"LabResult\",\"payload\":{\"id\":\"lab-7\",\"version\":1,\"title\":\"CBC\"}}");
            jms.createProducer().send(jms.createQueue("lab.results"), "not json at all");
            jms.createProducer().send(jms.createQueue("partner.events"),
                    "{\"type\":\"LabResult\",\"payload\":{\"id\":\"lab-8\",\"version\":1,\"title\":\"TSH\"}}");
        }

        Hub.await("both queued results to arrive", Duration.ofSeconds(40),
                () -> ARRIVALS.containsKey("lab-7") && ARRIVALS.containsKey("lab-8"));
        Hub.await("the malformed message to become a dead letter", Duration.ofSeconds(20),
                () -> deadLetters(internal.id()).items().stream().anyMatch(d -> d.reason()
                        == DeadLetterReason.INVALID_PAYLOAD));
        assertThat(ARRIVALS.get("lab-7")).containsExactly(1);
        assertThat(ARRIVALS.get("lab-8")).containsExactly(1);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void assertRefused(Response response, int status, String detail) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(response.readEntity(Problem.class).detail()).contains(detail);
    }

    private static Response webhook(long connector, String secret, String id, Instant at, String body) {
        long ts = at.getEpochSecond();
        Invocation.Builder request = Hub.root().path("api/webhooks/" + connector).request()
                .header("webhook-id", id).header("webhook-timestamp", ts)
                .header("webhook-signature", standardSignature(secret, id, ts, body));
        return request.post(Entity.entity(body, "application/json"));
    }

    private static String standardSignature(String secret, String id, long ts, String body) {
        byte[] key = java.util.Base64.getDecoder().decode(secret.substring("whsec_".length()));
        return "v1," + java.util.Base64.getEncoder().encodeToString(hmac(key, id + "." + ts + "." + body));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String order(String type, String id, int version) {
        return Json.createObjectBuilder().add("type", type).add("payload", Json.createObjectBuilder()
                .add("id", id).add("version", version).add("title", "Order " + id)).build().toString();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new java.io.StringReader(body)).readObject();
    }

    private static JsonObjectBuilder connector(String name, String endpoint) {
        return Json.createObjectBuilder().add("name", name).add("type", "API").add("endpoint", endpoint)
                .add("localNetwork", true).add("authType", "NONE").add("timeoutMs", 2000);
    }

    private static ConnectorView create(JsonObjectBuilder connector) {
        Response response = Hub.as(admin, "connectors").post(Entity.json(connector.build()));
        assertThat(response.getStatus()).as(response.toString()).isEqualTo(201);
        return response.readEntity(ConnectorView.class);
    }

    private static ConnectorView activate(long id) {
        Response response = Hub.as(admin, "connectors/" + id + "/status").put(Entity.json("{\"status\":\"ACTIVE\"}"));
        assertThat(response.getStatus()).isEqualTo(200);
        return response.readEntity(ConnectorView.class);
    }

    private static SubscriptionView subscribe(String eventType, long connector, String path) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("eventType", eventType).add("connectorId", connector);
        if (path != null) {
            body.add("path", path);
        }
        Response response = Hub.as(admin, "subscriptions").post(Entity.json(body.build()));
        assertThat(response.getStatus()).isEqualTo(201);
        return response.readEntity(SubscriptionView.class);
    }

    private static SyncStatus status(long connector) {
        return Hub.as(admin, "connectors/" + connector + "/status").get(SyncStatus.class);
    }

    private static DeadLetterPage deadLetters(long connector) {
        return Hub.root().path("api/dead-letters").queryParam("connectorId", connector).request()
                .header("Authorization", Hub.bearer(admin)).get(DeadLetterPage.class);
    }

    private static DeadLetterView deadLetter(long id) {
        return Hub.as(admin, "dead-letters/" + id).get(DeadLetterView.class);
    }

    private static List<String> actions() {
        return Hub.root().path("api/audit").queryParam("limit", 200).request()
                .header("Authorization", Hub.bearer(admin)).get(AuditPage.class).items().stream()
                .map(AuditEntryView::action).collect(Collectors.toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
