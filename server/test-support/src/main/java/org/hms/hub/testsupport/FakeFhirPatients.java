package org.hms.hub.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hms.hub.testsupport.FakePeer.Reply;

/**
 * The Patient search of a FHIR R4 server, for a {@link FakePeer} route: {@code GET [base]/Patient?_sort=
 * _lastUpdated&_count=n[&_lastUpdated=ge<time>][&page=k]} answers a searchset Bundle of the current versions,
 * sorted by {@code meta.lastUpdated}, with {@code total} and a {@code next} link while there are more. Each
 * {@link #change} makes a new version one second after every change before it.
 */
public final class FakeFhirPatients {

    /** A patient's current version. */
    public record Patient(String id, int version, String lastUpdated) {
    }

    private static final Instant EPOCH = Instant.parse("2026-11-20T08:00:00Z");

    private final Map<String, Patient> patients = new ConcurrentHashMap<>();
    private final AtomicInteger clock = new AtomicInteger();

    /** A new version of the patient (version 1 for a new one). */
    public void change(String id) {
        Patient before = patients.get(id);
        patients.put(id, new Patient(id, before == null ? 1 : before.version() + 1,
                EPOCH.plusSeconds(clock.incrementAndGet()).toString()));
    }

    public Patient get(String id) {
        return patients.get(id);
    }

    public Collection<Patient> all() {
        return List.copyOf(patients.values());
    }

    /** The route: answers the search a request asks for; {@code base} is the peer's URL of {@code /…/Patient}. */
    public Reply search(FakePeer.Request r, String base) {
        Map<String, String> q = Arrays.stream(r.query() == null ? new String[0] : r.query().split("&"))
                .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0],
                        p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
        int count = Integer.parseInt(q.getOrDefault("_count", "10"));
        int page = Integer.parseInt(q.getOrDefault("page", "0"));
        String ge = q.containsKey("_lastUpdated") ? q.get("_lastUpdated").substring(2) : null;
        List<Patient> matching = patients.values().stream()
                .filter(p -> ge == null || Instant.parse(p.lastUpdated()).compareTo(Instant.parse(ge)) >= 0)
                .sorted(Comparator.comparing(Patient::lastUpdated)).toList();
        JsonArrayBuilder entries = Json.createArrayBuilder();
        matching.stream().skip((long) page * count).limit(count).forEach(p -> entries.add(Json.createObjectBuilder()
                .add("resource", Json.createObjectBuilder().add("resourceType", "Patient").add("id", p.id())
                        .add("meta", Json.createObjectBuilder().add("versionId", Integer.toString(p.version()))
                                .add("lastUpdated", p.lastUpdated())))));
        JsonObjectBuilder bundle = Json.createObjectBuilder().add("resourceType", "Bundle").add("type", "searchset")
                .add("total", matching.size()).add("entry", entries);
        if ((long) (page + 1) * count < matching.size()) {
            bundle.add("link", Json.createArrayBuilder().add(Json.createObjectBuilder().add("relation", "next")
                    .add("url", base + "?" + r.query().replaceAll("&page=\\d+", "") + "&page=" + (page + 1))));
        }
        return new Reply(200, "application/fhir+json", bundle.build().toString(), 0);
    }
}
