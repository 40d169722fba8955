package org.hms.hub.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.model.sync.SyncStatus;
import org.hms.hub.testsupport.FakeFhirSubscriptions;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registration handshake with a FHIR server (a fake on 127.0.0.1 that keeps Subscriptions and sends
 * rest-hook notifications as a server does) and FHIR notifications as inbound work, on the real hub: the hub
 * subscribes its webhook URL and waits for the Subscription to become active; id-only and full notifications
 * lead to exactly one inbound change per resource version; a notification without the Subscription's secret is
 * refused; deleting the connector removes the Subscription.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FhirSubscriptionIT {

    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"fsub-1\",\"meta\":{\"versionId\":\"3\","
            + "\"lastUpdated\":\"2026-12-03T10:00:00Z\"},\"name\":[{\"family\":\"Okafor\",\"given\":[\"Amara\"]}]}";
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    private static final FakePeer PEERS = FakePeer.start()
            .on("/ehr/fhir/Patient/fsub-1", r -> Reply.json(200, PATIENT))
            .on("/auth/token", r -> r.body().contains("client_id") || r.header("authorization") != null
                    && r.header("authorization").equals(basic("hub", TestSecrets.CONNECTOR_CLIENT_SECRET))
                    ? Reply.json(200, "{\"access_token\":\"tok-sub\",\"expires_in\":600}")
                    : Reply.json(401, "{\"error\":\"invalid_client\"}"))
            .on("/shop/hooks", r -> Reply.json(201, "{\"id\":\"hook-77\",\"url\":" + quote(r.body()) + "}"))
            .on("/shop/hooks/hook-77", r -> Reply.status(204))
            .on("/hms/patients", r -> {
                JsonObject body = Json.createReader(new java.io.StringReader(r.body())).readObject();
                if (body.getString("id", "").startsWith("fsub-")) {
                    RECEIVED.add(body.getString("id") + "@" + body.getJsonObject("meta").getString("versionId"));
                }
                return Reply.json(201, "{}");
            });
    private static final FakeFhirSubscriptions SERVER = new FakeFhirSubscriptions(PEERS, "/ehr/fhir");

    private static String admin;
    private static long fhir;

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
        long hms = Hub.createConnector(admin, Json.createObjectBuilder().add("name", "HMS patients (subscription IT)")
                .add("type", "API").add("endpoint", PEERS.uri("/hms").toString()).add("localNetwork", true)
                .add("authType", "NONE").add("retryAttempts", 0).build());
        Hub.subscribe(admin, "Patient", hms, "/patients");
        Hub.activateConnector(admin, hms);
        String hubUrl = Hub.root().getUri().toString();
        fhir = Hub.createConnector(admin, Json.createObjectBuilder().add("name", "State EHR (subscription IT)")
                .add("type", "FHIR").add("endpoint", PEERS.uri("/ehr/fhir").toString()).add("localNetwork", true)
                .add("authType", "NONE")
                .add("webhook", Json.createObjectBuilder().add("enabled", true).add("style", "FHIR"))
                .add("config", Json.createObjectBuilder().add("subscription", Json.createObjectBuilder()
                        .add("criteria", "Patient?").add("payload", "id-only").add("publicUrl", hubUrl))).build());
        Hub.activateConnector(admin, fhir);
    }

    @AfterAll
    static void stopPeers() {
        PEERS.close();
    }

    @Test
    @Order(1)
    void subscribesItsWebhookUrlAndShowsTheSubscriptionActive() {
        Hub.await("the Subscription to become active", Duration.ofSeconds(60), () -> registration() != null
                && "ACTIVE".equals(registration().subscription()), () -> "registration: " + registration());

        FakeFhirSubscriptions.Stored made = SERVER.all().values().iterator().next();
        assertThat(SERVER.all()).hasSize(1);
        assertThat(made.endpoint()).isEqualTo(Hub.root().getUri().toString().replaceAll("/$", "") + "/api/webhooks/" + fhir);
        assertThat(made.header()).startsWith("Authorization: Bearer ");
        assertThat(made.resource().getString("criteria")).isEqualTo("Patient?");
        assertThat(registration().subscriptionId()).isEqualTo(made.id());
    }

    @Test
    @Order(2)
    void appliesEachNotifiedResourceVersionOnce() {
        String id = subscription();
        String idOnly = "{\"resourceType\":\"Bundle\",\"type\":\"history\",\"entry\":[{\"fullUrl\":\""
                + PEERS.uri("/ehr/fhir/Patient/fsub-1") + "\"}]}";

        assertThat(SERVER.notify(id, idOnly)).isEqualTo(202);
        assertThat(SERVER.notify(id, idOnly)).isEqualTo(202);
        assertThat(SERVER.notify(id, PATIENT)).as("the same version, sent whole").isEqualTo(202);

        Hub.await("the patient to reach HMS", Duration.ofSeconds(40), () -> !RECEIVED.isEmpty());
        sleep(5000);
        assertThat(RECEIVED).containsExactly("fsub-1@3");
        assertThat(PEERS.requests("/ehr/fhir/Patient/fsub-1")).as("the id-only notifications were read")
                .hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(3)
    void refusesANotificationWithoutTheSubscriptionsSecret() {
        assertThat(SERVER.send(subscription(), PATIENT, "Bearer not-the-secret")).isEqualTo(401);
        assertThat(SERVER.send(subscription(), PATIENT, "Basic YTpi")).isEqualTo(401);
    }

    @Test
    @Order(4)
    void refusesAnEmptyNotificationForAConnectorThatIsNotPolled() {
        assertThat(SERVER.notify(subscription(), null)).isEqualTo(422);
    }

    @Test
    @Order(5)
    void showsWhetherAnOAuthConnectorsTokenCouldBeFetched() {
        long good = Hub.createConnector(admin, oauth("Payments OAuth (subscription IT)", TestSecrets.CONNECTOR_CLIENT_SECRET));
        long bad = Hub.createConnector(admin, oauth("Payments OAuth refused (subscription IT)", TestSecrets.WRONG));

        Hub.await("both token outcomes", Duration.ofSeconds(30), () -> registration(good) != null
                && registration(bad) != null, () -> registration(good) + " / " + registration(bad));

        assertThat(registration(good).auth()).isEqualTo("CONNECTED");
        assertThat(registration(bad).auth()).isEqualTo("ERROR");
        assertThat(registration(bad).authReason()).contains("401");
    }

    @Test
    @Order(6)
    void subscribesWithTheDeclaredRestCallAndUnsubscribesWhenSwitchedOff() {
        long shop = Hub.createConnector(admin, Json.createObjectBuilder().add("name", "Shop REST (subscription IT)")
                .add("type", "API").add("endpoint", PEERS.uri("/shop").toString()).add("localNetwork", true)
                .add("authType", "NONE")
                .add("webhook", Json.createObjectBuilder().add("enabled", true).add("style", "STANDARD")
                        .add("secret", TestSecrets.WEBHOOK_SECRET))
                .add("config", Json.createObjectBuilder().add("subscription", Json.createObjectBuilder()
                        .add("subscribe", Json.createObjectBuilder().add("method", "POST").add("path", "/hooks")
                                .add("body", Json.createObjectBuilder().add("url", "{url}").add("events",
                                        Json.createArrayBuilder().add("order.updated"))))
                        .add("idPointer", "/id")
                        .add("unsubscribe", Json.createObjectBuilder().add("method", "DELETE").add("path", "/hooks/{id}"))
                        .add("publicUrl", Hub.root().getUri().toString()))).build());
        Hub.activateConnector(admin, shop);
        Hub.await("the REST subscription", Duration.ofSeconds(30), () -> registration(shop) != null
                && "ACTIVE".equals(registration(shop).subscription()), () -> "registration: " + registration(shop));

        Hub.as(admin, "connectors/" + shop + "/status").put(jakarta.ws.rs.client.Entity.json("{\"status\":\"INACTIVE\"}"));
        Hub.await("the REST subscription to be removed", Duration.ofSeconds(30),
                () -> "OFF".equals(registration(shop).subscription()), () -> "registration: " + registration(shop));

        JsonObject subscribed = Json.createReader(new java.io.StringReader(PEERS.requests("/shop/hooks").get(0).body()))
                .readObject();
        assertThat(subscribed.getString("url")).endsWith("/api/webhooks/" + shop);
        assertThat(registration(shop).subscriptionId()).isNull();
        assertThat(PEERS.requests("/shop/hooks/hook-77")).extracting(FakePeer.Request::method).containsExactly("DELETE");
    }

    @Test
    @Order(7)
    void removesTheSubscriptionWhenTheConnectorIsDeleted() {
        String id = subscription();

        Response deleted = Hub.as(admin, "connectors/" + fhir).delete();

        assertThat(deleted.getStatus()).isEqualTo(204);
        assertThat(SERVER.all().get(id).deleted()).isTrue();
        assertThat(PEERS.requests("/ehr/fhir/Subscription/" + id)).extracting(FakePeer.Request::method).contains("DELETE");
    }

    private static String subscription() {
        return SERVER.all().keySet().iterator().next();
    }

    private static SyncStatus.Registration registration() {
        return registration(fhir);
    }

    private static SyncStatus.Registration registration(long connector) {
        return Hub.as(admin, "connectors/" + connector + "/status").get(SyncStatus.class).registration();
    }

    private static JsonObject oauth(String name, String clientSecret) {
        return Json.createObjectBuilder().add("name", name).add("type", "PAYMENT_GATEWAY")
                .add("endpoint", PEERS.uri("/pay").toString()).add("localNetwork", true).add("authType", "OAUTH")
                .add("credentials", Json.createObjectBuilder().add("clientId", "hub").add("clientSecret", clientSecret)
                        .add("tokenUrl", PEERS.uri("/auth/token").toString())).build();
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String quote(String body) {
        return Json.createValue(body).toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
