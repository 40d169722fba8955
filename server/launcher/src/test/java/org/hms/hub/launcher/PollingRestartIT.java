package org.hms.hub.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hms.hub.model.sync.SyncStatus;
import org.hms.hub.testsupport.FakePeer;
import org.hms.hub.testsupport.FakePeer.Reply;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.LaunchedHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Polling survives the hub being killed (SIGKILL) in the middle of a poll: after the restart every change on the
 * FHIR server reaches the subscriber (no gap), and no change is pulled twice (each patient version has exactly
 * one delivery, i.e. one Idempotency-Key). The hub runs as the README runs it: the launcher jar, embedded broker
 * and H2 in a data directory that outlives the kill.
 */
class PollingRestartIT {

    private static final org.hms.hub.testsupport.FakeFhirPatients PATIENTS = new org.hms.hub.testsupport.FakeFhirPatients();
    /** patient@version → the Idempotency-Keys it arrived with. */
    private static final Map<String, Set<String>> ARRIVED = new ConcurrentHashMap<>();

    private static final FakePeer PEERS = FakePeer.start()
            .on("/fhir/Patient", r -> PATIENTS.search(r, PollingRestartIT.PEERS.uri("/fhir/Patient").toString()).after(600))
            .on("/oms/patients", r -> {
                JsonObject body = Json.createReader(new java.io.StringReader(r.body())).readObject();
                ARRIVED.computeIfAbsent(body.getString("id") + "@" + body.getJsonObject("meta").getString("versionId"),
                        k -> ConcurrentHashMap.newKeySet()).add(r.header("Idempotency-Key"));
                return Reply.json(201, "{}");
            });

    @AfterAll
    static void stopPeers() {
        PEERS.close();
    }

    @Test
    void pollsAcrossAKillAndARestartWithoutGapOrDuplicate() throws Exception {
        IntStream.rangeClosed(1, 10).forEach(i -> PATIENTS.change("p" + i));
        try (LaunchedHub hub = LaunchedHub.start(Path.of(System.getProperty("it.data.dir")), Hub.adminPassword())) {
            String admin = Hub.adminToken();
            long fhir = create(admin, Json.createObjectBuilder().add("name", "EHR FHIR").add("type", "FHIR")
                    .add("endpoint", PEERS.uri("/fhir").toString()).add("localNetwork", true).add("authType", "NONE")
                    .add("config", Json.createObjectBuilder().add("polling", Json.createObjectBuilder()
                            .add("intervalSeconds", 5).add("pageSize", 2)
                            .add("resourceTypes", Json.createArrayBuilder().add("Patient")))));
            long oms = create(admin, Json.createObjectBuilder().add("name", "OMS").add("type", "API")
                    .add("endpoint", PEERS.uri("/oms").toString()).add("localNetwork", true).add("authType", "NONE"));
            Hub.subscribe(admin, "Patient", oms, "/patients");
            activate(admin, oms);
            activate(admin, fhir);

            Hub.await("the first pages to arrive", Duration.ofSeconds(60), () -> ARRIVED.size() >= 3);
            hub.kill();
            assertThat(ARRIVED.size()).as("patients delivered before the kill").isLessThan(10);
            PATIENTS.change("p2");
            PATIENTS.change("p11");
            PATIENTS.change("p12");
            hub.restart();

            Set<String> expected = PATIENTS.all().stream().flatMap(p -> IntStream.rangeClosed(1, p.version())
                    .mapToObj(v -> p.id() + "@" + v)).collect(Collectors.toSet());
            Hub.await("every patient version to arrive", Duration.ofSeconds(120),
                    () -> ARRIVED.keySet().containsAll(expected));
            Thread.sleep(7000); // another poll, which must bring nothing
            assertThat(ARRIVED.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ARRIVED.entrySet().stream().filter(e -> e.getValue().size() != 1).map(Map.Entry::getKey)
                    .toList()).as("patient versions pulled more than once (several Idempotency-Keys)").isEmpty();
            SyncStatus status = Hub.as(admin, "connectors/" + fhir + "/status").get(SyncStatus.class);
            assertThat(status.polling().watermark()).isEqualTo(PATIENTS.get("p12").lastUpdated());
        }
    }

    private static long create(String admin, JsonObjectBuilder connector) {
        return Hub.createConnector(admin, connector.build());
    }

    private static void activate(String admin, long id) {
        Hub.activateConnector(admin, id);
    }
}
