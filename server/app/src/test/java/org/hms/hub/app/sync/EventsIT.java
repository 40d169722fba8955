package org.hms.hub.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.model.identity.ApiKeyView;
import org.hms.hub.model.problem.Problem;
import org.hms.hub.model.sync.EventAck;
import org.hms.hub.model.sync.EventTypeView;
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
 * Event intake (seed 004's "POST /sync {type, payload}"): HMS components publish with a service account's API key;
 * each registered type reaches every subscribed connector of the publisher's tenant once; bad events are refused
 * with the fields named; a replayed idempotency key is processed once; other roles and other tenants stay out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventsIT {

    /** What each subscriber received: path → bodies. */
    private static final Map<String, List<JsonObject>> RECEIVED = new ConcurrentHashMap<>();
    private static final FakePeer PEERS = FakePeer.start()
            .on("/crm/events", r -> record("/crm/events", r))
            .on("/ehr/events", r -> record("/ehr/events", r))
            .on("/beta/events", r -> record("/beta/events", r));

    private static String admin;
    private static String apiKey;
    private static long publisherId;

    private static Reply record(String path, FakePeer.Request r) {
        RECEIVED.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>())
                .add(Json.createReader(new java.io.StringReader(r.body())).readObject());
        return Reply.status(204);
    }

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
        publisherId = Hub.createUser(admin, "hms-api-events", TestSecrets.USER, "hub-publisher");
        Response issued = Hub.as(admin, "users/" + publisherId + "/api-keys")
                .post(Entity.json("{\"name\":\"HMS-API process events\"}"));
        assertThat(issued.getStatus()).isEqualTo(201);
        apiKey = issued.readEntity(ApiKeyView.class).key();
        assertThat(apiKey).startsWith("hk_");

        long crm = connector(admin, "CRM", "/crm");
        long ehr = connector(admin, "EHR", "/ehr");
        for (String type : List.of("ProcessUpdated", "PatientUpdated", "AppointmentBooked", "AppointmentCancelled",
                "OrderStatusChanged")) {
            subscribe(admin, type, crm);
        }
        subscribe(admin, "ProcessUpdated", ehr);

        // another tenant with a connector subscribed to the same type (the ITs share one database: own names)
        assertThat(Hub.as(admin, "tenants").post(Entity.json(Json.createObjectBuilder().add("id", "events-other")
                .add("name", "Other hospital").add("adminUsername", "events-other-admin")
                .add("adminPassword", TestSecrets.BETA_ADMIN).build())).getStatus()).isEqualTo(201);
        String beta = Hub.login("events-other-admin", TestSecrets.BETA_ADMIN);
        subscribe(beta, "ProcessUpdated", connector(beta, "Beta CRM", "/beta"));
    }

    @AfterAll
    static void stopPeers() {
        PEERS.close();
    }

    @Test
    void deliversEveryRegisteredTypeToEverySubscriberOnce() {
        Map<String, JsonObjectBuilder> samples = Map.of(
                "ProcessUpdated", Json.createObjectBuilder().add("processId", "proc-1")
                        .add("timestamp", "2026-11-22T10:00:00Z"),
                "PatientUpdated", Json.createObjectBuilder().add("patientId", "pat-1")
                        .add("updatedAt", "2026-11-22T10:01:00Z"),
                "AppointmentBooked", Json.createObjectBuilder().add("appointmentId", "ap-1").add("patientId", "pat-1")
                        .add("start", "2026-11-23T09:00:00+01:00"),
                "AppointmentCancelled", Json.createObjectBuilder().add("appointmentId", "ap-1")
                        .add("cancelledAt", "2026-11-22T10:05:00Z"),
                "OrderStatusChanged", Json.createObjectBuilder().add("orderId", 4711).add("status", "fulfilled")
                        .add("changedAt", "2026-11-22T10:06:00Z").add("source", "HMS-OMS"));
        samples.forEach((type, payload) -> assertThat(publish(apiKey, type, payload, "k-" + type).getStatus())
                .as(type).isEqualTo(202));

        Hub.await("five events at the CRM and one at the EHR", Duration.ofSeconds(30),
                () -> ofThisTest(received("/crm/events")).size() >= 5 && ofThisTest(received("/ehr/events")).size() >= 1);
        sleep(1500);
        assertThat(ofThisTest(received("/crm/events"))).hasSize(5);
        assertThat(ofThisTest(received("/ehr/events"))).singleElement()
                .satisfies(e -> assertThat(e.getString("processId")).isEqualTo("proc-1"));
        assertThat(received("/beta/events")).as("the other tenant's subscriber").isEmpty();
    }

    @Test
    void processesAReplayedIdempotencyKeyOnce() {
        JsonObjectBuilder payload = Json.createObjectBuilder().add("processId", "proc-replay")
                .add("timestamp", "2026-11-22T11:00:00Z");
        Response first = publish(apiKey, "ProcessUpdated", payload, "replay-1");
        Response again = publish(apiKey, "ProcessUpdated", Json.createObjectBuilder().add("processId", "proc-replay")
                .add("timestamp", "2026-11-22T11:00:00Z"), "replay-1");
        assertThat(first.getStatus()).isEqualTo(202);
        assertThat(again.getStatus()).isEqualTo(202);
        EventAck a = first.readEntity(EventAck.class);
        EventAck b = again.readEntity(EventAck.class);
        assertThat(b.duplicate()).isTrue();
        assertThat(b.receiptId()).isEqualTo(a.receiptId());
        Hub.await("the event at the EHR", Duration.ofSeconds(30), () -> received("/ehr/events").stream()
                .anyMatch(e -> "proc-replay".equals(e.getString("processId"))));
        sleep(1500);
        assertThat(received("/ehr/events").stream().filter(e -> "proc-replay".equals(e.getString("processId"))))
                .hasSize(1);
    }

    @Test
    void refusesInvalidEventsNamingTheField() {
        Problem invalid = publish(apiKey, "ProcessUpdated", Json.createObjectBuilder().add("processId", "p")
                .add("timestamp", "yesterday"), "bad-1").readEntity(Problem.class);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errors()).extracting(Problem.FieldError::field).containsExactly("payload.timestamp");

        Problem missing = publish(apiKey, "PatientUpdated", Json.createObjectBuilder().add("updatedAt",
                "2026-11-22T10:00:00Z"), "bad-2").readEntity(Problem.class);
        assertThat(missing.errors()).extracting(Problem.FieldError::field).containsExactly("payload.patientId");

        Problem unknown = publish(apiKey, "InvoicePaid", Json.createObjectBuilder().add("x", 1), "bad-3")
                .readEntity(Problem.class);
        assertThat(unknown.errors()).extracting(Problem.FieldError::field).containsExactly("type");
        assertThat(unknown.errors().get(0).message()).contains("ProcessUpdated");

        Response noKey = Hub.api("events").request().header("X-API-Key", apiKey).post(Entity.json(
                "{\"type\":\"ProcessUpdated\",\"payload\":{\"processId\":\"p\",\"timestamp\":\"2026-11-22T10:00:00Z\"}}"));
        assertThat(noKey.readEntity(Problem.class).errors()).extracting(Problem.FieldError::field)
                .containsExactly("idempotencyKey");
    }

    @Test
    void admitsOnlyPublishersWithAValidKey() {
        JsonObject event = Json.createObjectBuilder().add("type", "ProcessUpdated").add("idempotencyKey", "role-1")
                .add("payload", Json.createObjectBuilder().add("processId", "p").add("timestamp",
                        "2026-11-22T10:00:00Z")).build();
        assertThat(Hub.as(admin, "events").post(Entity.json(event)).getStatus()).as("an administrator").isEqualTo(403);
        assertThat(Hub.api("events").request().post(Entity.json(event)).getStatus()).as("nobody").isEqualTo(401);
        assertThat(Hub.api("events").request().header("X-API-Key", apiKey + "x").post(Entity.json(event))
                .getStatus()).as("a wrong key").isEqualTo(401);
        assertThat(Hub.api("event-types").request().header("X-API-Key", apiKey).get(EventTypeView[].class))
                .extracting(EventTypeView::type).contains("ProcessUpdated", "OrderStatusChanged");

        Response token = Hub.api("auth/token").request().post(Entity.json(Json.createObjectBuilder()
                .add("grantType", "client_credentials").add("clientSecret", apiKey).build()));
        assertThat(token.getStatus()).as("client-credentials grant").isEqualTo(200);
        String bearer = token.readEntity(JsonObject.class).getString("accessToken");
        assertThat(Hub.as(bearer, "events").post(Entity.json(Json.createObjectBuilder().add("type", "ProcessUpdated")
                .add("idempotencyKey", "cc-1").add("payload", Json.createObjectBuilder().add("processId", "proc-cc")
                        .add("timestamp", "2026-11-22T10:00:00Z")).build())).getStatus()).isEqualTo(202);
        assertThat(Hub.api("auth/token").request().post(Entity.json(Json.createObjectBuilder()
                .add("grantType", "client_credentials").add("clientSecret", "hk_nope_nope").build())).getStatus())
                .isEqualTo(401);

        Response other = Hub.as(admin, "users/" + Hub.createUser(admin, "not-a-service", TestSecrets.USER,
                "hub-operator") + "/api-keys").post(Entity.json("{\"name\":\"x\"}"));
        assertThat(other.getStatus()).as("keys are for service accounts only").isEqualTo(422);

        ApiKeyView second = Hub.as(admin, "users/" + publisherId + "/api-keys")
                .post(Entity.json("{\"name\":\"to be revoked\"}")).readEntity(ApiKeyView.class);
        assertThat(Hub.api("event-types").request().header("X-API-Key", second.key()).get().getStatus()).isEqualTo(200);
        assertThat(Hub.as(admin, "users/" + publisherId + "/api-keys/" + second.id()).delete().getStatus())
                .isEqualTo(200);
        assertThat(Hub.api("event-types").request().header("X-API-Key", second.key()).get().getStatus())
                .as("a revoked key").isEqualTo(401);
        assertThat(Hub.as(admin, "users/" + publisherId + "/api-keys").get(String.class)).doesNotContain(second.key());
    }

    @Test
    void takesEventsFromTheJmsAddressAndDeadLettersInvalidOnes() throws Exception {
        String brokerUrl = "tcp://127.0.0.1:" + System.getProperty("it.broker.port");
        try (var factory = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(brokerUrl);
             var jms = factory.createContext()) {
            for (String body : List.of(
                    "{\"type\":\"ProcessUpdated\",\"idempotencyKey\":\"jms-1\",\"payload\":{\"processId\":"
                            + "\"proc-jms\",\"timestamp\":\"2026-11-22T12:00:00Z\"}}",
                    "{\"type\":\"ProcessUpdated\",\"idempotencyKey\":\"jms-2\",\"payload\":{\"processId\":"
                            + "\"proc-jms-bad\"}}")) {
                var message = jms.createTextMessage(body);
                message.setStringProperty("tenant", "system");
                message.setStringProperty("publisher", "legacy-his");
                jms.createProducer().send(jms.createQueue("hub.publish"), message);
            }
        }
        Hub.await("the JMS event at the EHR", Duration.ofSeconds(30), () -> received("/ehr/events").stream()
                .anyMatch(e -> "proc-jms".equals(e.getString("processId"))));
        Hub.await("the invalid one as a dead letter", Duration.ofSeconds(30), () -> Hub.root().path("api/dead-letters")
                .queryParam("connectorId", 0).request().header("Authorization", Hub.bearer(admin)).get(String.class)
                .contains("payload.timestamp"));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Response publish(String key, String type, JsonObjectBuilder payload, String idempotencyKey) {
        return Hub.api("events").request().header("X-API-Key", key).post(Entity.json(Json.createObjectBuilder()
                .add("type", type).add("payload", payload).add("idempotencyKey", idempotencyKey).build()));
    }

    /** The events of the first test (the replay test publishes a ProcessUpdated of its own). */
    private static List<JsonObject> ofThisTest(List<JsonObject> events) {
        return events.stream().filter(e -> !List.of("proc-replay", "proc-jms", "proc-cc").contains(e.getString("processId", "")))
                .toList();
    }

    private static List<JsonObject> received(String path) {
        return RECEIVED.getOrDefault(path, List.of());
    }

    private static long connector(String token, String name, String path) {
        long id = Hub.createConnector(token, Json.createObjectBuilder().add("name", name).add("type", "API")
                .add("endpoint", PEERS.uri(path).toString()).add("localNetwork", true).add("authType", "NONE").build());
        Hub.activateConnector(token, id);
        return id;
    }

    private static void subscribe(String token, String type, long connector) {
        Hub.subscribe(token, type, connector, "/events");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
