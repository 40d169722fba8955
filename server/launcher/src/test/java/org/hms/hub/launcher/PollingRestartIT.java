package org.hms.hub.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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

    record Patient(String id, int version, String lastUpdated) {
    }

    private static final Map<String, Patient> PATIENTS = new ConcurrentHashMap<>();
    private static final AtomicInteger CLOCK = new AtomicInteger();
    /** patient@version → the Idempotency-Keys it arrived with. */
    private static final Map<String, Set<String>> ARRIVED = new ConcurrentHashMap<>();

    private static final FakePeer PEERS = FakePeer.start()
            .on("/fhir/Patient", r -> search(r).after(600))
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
        IntStream.rangeClosed(1, 10).forEach(i -> change("p" + i));
        try (LaunchedHub hub = LaunchedHub.start(Path.of(System.getProperty("it.data.dir")), Hub.adminPassword())) {
            String admin = Hub.adminToken();
            long fhir = create(admin, Json.createObjectBuilder().add("name", "EHR FHIR").add("type", "FHIR")
                    .add("endpoint", PEERS.uri("/fhir").toString()).add("localNetwork", true).add("authType", "NONE")
                    .add("config", Json.createObjectBuilder().add("polling", Json.createObjectBuilder()
                            .add("intervalSeconds", 5).add("pageSize", 2)
                            .add("resourceTypes", Json.createArrayBuilder().add("Patient")))));
            long oms = create(admin, Json.createObjectBuilder().add("name", "OMS").add("type", "API")
                    .add("endpoint", PEERS.uri("/oms").toString()).add("localNetwork", true).add("authType", "NONE"));
            assertThat(Hub.as(admin, "subscriptions").post(Entity.json(Json.createObjectBuilder()
                    .add("eventType", "Patient").add("connectorId", oms).add("path", "/patients").build()))
                    .getStatus()).isEqualTo(201);
            activate(admin, oms);
            activate(admin, fhir);

            Hub.await("the first pages to arrive", Duration.ofSeconds(60), () -> ARRIVED.size() >= 3);
            hub.kill();
            assertThat(ARRIVED.size()).as("patients delivered before the kill").isLessThan(10);
            change("p2");
            change("p11");
            change("p12");
            hub.restart();

            Set<String> expected = PATIENTS.values().stream().flatMap(p -> IntStream.rangeClosed(1, p.version())
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

    private static void change(String id) {
        Patient before = PATIENTS.get(id);
        String at = Instant.parse("2026-11-20T08:00:00Z").plusSeconds(CLOCK.incrementAndGet()).toString();
        PATIENTS.put(id, new Patient(id, before == null ? 1 : before.version() + 1, at));
    }

    /** {@code GET /fhir/Patient?_sort=_lastUpdated&_count=n[&_lastUpdated=geT][&page=k]} over the current versions. */
    private static Reply search(FakePeer.Request r) {
        Map<String, String> q = java.util.Arrays.stream(r.query() == null ? new String[0] : r.query().split("&"))
                .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(
                        p.length > 1 ? p[1] : "", java.nio.charset.StandardCharsets.UTF_8)));
        int count = Integer.parseInt(q.getOrDefault("_count", "10"));
        int page = Integer.parseInt(q.getOrDefault("page", "0"));
        String ge = q.containsKey("_lastUpdated") ? q.get("_lastUpdated").substring(2) : null;
        List<Patient> matching = PATIENTS.values().stream()
                .filter(p -> ge == null || Instant.parse(p.lastUpdated()).compareTo(Instant.parse(ge)) >= 0)
                .sorted(java.util.Comparator.comparing(Patient::lastUpdated)).toList();
        JsonArrayBuilder entries = Json.createArrayBuilder();
        matching.stream().skip((long) page * count).limit(count).forEach(p -> entries.add(Json.createObjectBuilder()
                .add("resource", Json.createObjectBuilder().add("resourceType", "Patient").add("id", p.id())
                        .add("meta", Json.createObjectBuilder().add("versionId", Integer.toString(p.version()))
                                .add("lastUpdated", p.lastUpdated())))));
        JsonObjectBuilder bundle = Json.createObjectBuilder().add("resourceType", "Bundle").add("type", "searchset")
                .add("total", matching.size()).add("entry", entries);
        if ((long) (page + 1) * count < matching.size()) {
            bundle.add("link", Json.createArrayBuilder().add(Json.createObjectBuilder().add("relation", "next")
                    .add("url", PEERS.uri("/fhir/Patient") + "?" + r.query().replaceAll("&page=\\d+", "")
                            + "&page=" + (page + 1))));
        }
        return new Reply(200, "application/fhir+json", bundle.build().toString(), 0);
    }

    private static long create(String admin, JsonObjectBuilder connector) {
        Response response = Hub.as(admin, "connectors").post(Entity.json(connector.build()));
        assertThat(response.getStatus()).as(response.toString()).isEqualTo(201);
        return response.readEntity(JsonObject.class).getJsonNumber("id").longValue();
    }

    private static void activate(String admin, long id) {
        assertThat(Hub.as(admin, "connectors/" + id + "/status").put(Entity.json("{\"status\":\"ACTIVE\"}"))
                .getStatus()).isEqualTo(200);
    }
}
