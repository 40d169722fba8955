package org.hms.hub.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.model.sync.SyncJobState;
import org.hms.hub.model.sync.SyncJobView;
import org.hms.hub.model.sync.SyncStatus;
import org.hms.hub.testsupport.FakePeer;
import org.hms.hub.testsupport.FakePeer.Reply;
import org.hms.hub.testsupport.Hub;
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
 * Polling a FHIR server (a fake on 127.0.0.1 that implements {@code _lastUpdated=ge}, {@code _sort} and paging
 * with {@code next} links) and manual syncs, on the real hub.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PollingIT {

    /** The FHIR server's patients. */
    private static final org.hms.hub.testsupport.FakeFhirPatients PATIENTS = new org.hms.hub.testsupport.FakeFhirPatients();
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean REFUSE_BAD = new AtomicBoolean(true);

    private static final FakePeer PEERS = FakePeer.start()
            .on("/fhir/Patient", r -> PATIENTS.search(r, PollingIT.PEERS.uri("/fhir/Patient").toString()))
            .on("/oms/patients", r -> {
                JsonObject body = Json.createReader(new java.io.StringReader(r.body())).readObject();
                String key = body.getString("id") + "@" + body.getJsonObject("meta").getString("versionId");
                if (REFUSE_BAD.get() && body.getString("id").startsWith("bad")) {
                    return Reply.json(422, "{\"error\":\"cannot take this one yet\"}");
                }
                RECEIVED.add(key);
                return Reply.json(201, "{}");
            });

    private static String admin;
    private static long fhir;
    private static long oms;

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
        for (int i = 1; i <= 5; i++) {
            change("p" + i);
        }
        fhir = create(Json.createObjectBuilder().add("name", "EHR FHIR").add("type", "FHIR")
                .add("endpoint", PEERS.uri("/fhir").toString()).add("localNetwork", true).add("authType", "NONE")
                .add("config", Json.createObjectBuilder().add("polling", Json.createObjectBuilder()
                        .add("intervalSeconds", 5).add("pageSize", 2)
                        .add("resourceTypes", Json.createArrayBuilder().add("Patient")))));
        oms = create(Json.createObjectBuilder().add("name", "OMS patients").add("type", "API")
                .add("endpoint", PEERS.uri("/oms").toString()).add("localNetwork", true).add("authType", "NONE")
                .add("retryAttempts", 0));
        Hub.subscribe(admin, "Patient", oms, "/patients");
        activate(oms);
        activate(fhir);
    }

    @AfterAll
    static void stopPeers() {
        PEERS.close();
    }

    @Test
    @Order(1)
    void pullsEveryPageOnceAndThenOnlyWhatChanged() {
        Hub.await("the five patients to arrive", Duration.ofSeconds(40), () -> RECEIVED.size() >= 5);
        change("p2");
        change("p6");
        Hub.await("the changed and the new patient to arrive", Duration.ofSeconds(40), () -> RECEIVED.size() >= 7);
        sleep(6000); // one more poll: nothing new may come
        assertThat(RECEIVED).containsExactlyInAnyOrder("p1@1", "p2@1", "p3@1", "p4@1", "p5@1", "p2@2", "p6@1");
        SyncStatus status = Hub.as(admin, "connectors/" + fhir + "/status").get(SyncStatus.class);
        assertThat(status.polling()).isNotNull();
        assertThat(status.polling().watermark()).isEqualTo(PATIENTS.get("p6").lastUpdated());
        assertThat(status.polling().lastError()).isNull();
        assertThat(status.polling().itemsPulled()).isGreaterThanOrEqualTo(7);
    }

    @Test
    @Order(2)
    void aFullSyncReadsEverythingAndSkipsWhatWasReceived() {
        SyncJobView job = sync(fhir, "FULL");
        assertThat(job.state()).isEqualTo(SyncJobState.SUCCEEDED);
        assertThat(job.read()).isEqualTo(6);
        assertThat(job.skipped()).isEqualTo(6);
        assertThat(job.enqueued()).isZero();
        assertThat(job.progress()).isEqualTo(100);
        assertThat(RECEIVED).hasSize(7);
    }

    @Test
    @Order(3)
    void resendMissedDeliversWhatTheTargetRefusedOnceItTakesIt() {
        change("bad1");
        Hub.await("the refusal to become a dead letter", Duration.ofSeconds(40),
                () -> Hub.as(admin, "connectors/" + oms + "/status").get(SyncStatus.class).openDeadLetters() > 0);
        REFUSE_BAD.set(false);

        SyncJobView job = sync(oms, "RESEND_MISSED");
        assertThat(job.state()).isEqualTo(SyncJobState.SUCCEEDED);
        assertThat(job.enqueued()).isEqualTo(1);
        Hub.await("the missed patient to arrive", Duration.ofSeconds(30), () -> RECEIVED.contains("bad1@1"));
        Hub.await("the job to count it delivered", Duration.ofSeconds(10),
                () -> Hub.as(admin, "sync-jobs/" + job.id()).get(SyncJobView.class).delivered() == 1);

        SyncJobView again = sync(oms, "RESEND_MISSED");
        assertThat(again.enqueued()).isZero();
        assertThat(RECEIVED.stream().filter("bad1@1"::equals).count()).isEqualTo(1);
        Response cancel = Hub.as(admin, "sync-jobs/" + job.id() + "/cancel").post(Entity.json("{}"));
        assertThat(cancel.getStatus()).isEqualTo(409);
    }

    @Test
    @Order(4)
    void refusesAFullSyncOfAConnectorWithoutASource() {
        Response refused = Hub.as(admin, "connectors/" + oms + "/sync").post(Entity.json("{\"mode\":\"FULL\"}"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.readEntity(String.class)).contains("RESEND_MISSED");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void change(String id) {
        PATIENTS.change(id);
    }

    private static SyncJobView sync(long connector, String mode) {
        Response started = Hub.as(admin, "connectors/" + connector + "/sync")
                .post(Entity.json("{\"mode\":\"" + mode + "\"}"));
        assertThat(started.getStatus()).isIn(200, 202);
        assertThat(started.getLocation().getPath()).startsWith("/api/sync-jobs/");
        SyncJobView job = started.readEntity(SyncJobView.class);
        Hub.await("sync job " + job.id() + " to finish", Duration.ofSeconds(30),
                () -> Hub.as(admin, "sync-jobs/" + job.id()).get(SyncJobView.class).state().isFinal());
        return Hub.as(admin, "sync-jobs/" + job.id()).get(SyncJobView.class);
    }

    private static long create(JsonObjectBuilder connector) {
        return Hub.createConnector(admin, connector.build());
    }

    private static void activate(long id) {
        Hub.activateConnector(admin, id);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
