package org.hms.hub.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hms.hub.testsupport.FakePeer.Reply;

/**
 * The Subscription side of a FHIR R4 server, on a {@link FakePeer} under {@code base}: {@code POST Subscription}
 * stores it as {@code requested} and answers 201 with its id; the server makes it {@code active} on the first
 * read after that (as a server does once it has checked the endpoint); {@code DELETE} removes it. It sends
 * rest-hook notifications as a server would: to the Subscription's endpoint, with the Subscription's headers.
 */
public final class FakeFhirSubscriptions {

    /** A Subscription as the server keeps it. */
    public record Stored(String id, JsonObject resource, String status, boolean deleted) {
        public String endpoint() {
            return resource.getJsonObject("channel").getString("endpoint");
        }

        public String header() {
            return resource.getJsonObject("channel").getJsonArray("header").getString(0);
        }
    }

    private final FakePeer peer;
    private final String base;
    private final Map<String, Stored> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FakeFhirSubscriptions(FakePeer peer, String base) {
        this.peer = peer;
        this.base = base;
        peer.on(base + "/Subscription", this::create);
    }

    public Map<String, Stored> all() {
        return Map.copyOf(subscriptions);
    }

    private Reply create(FakePeer.Request r) {
        if (!r.method().equals("POST")) {
            return Reply.status(405);
        }
        JsonObject posted = Json.createReader(new StringReader(r.body())).readObject();
        if (!"Subscription".equals(posted.getString("resourceType", null))
                || !"rest-hook".equals(posted.getJsonObject("channel").getString("type", null))) {
            return Reply.json(400, "{\"resourceType\":\"OperationOutcome\"}");
        }
        String id = "sub-" + ids.incrementAndGet();
        JsonObject resource = Json.createObjectBuilder(posted).add("id", id).build();
        subscriptions.put(id, new Stored(id, resource, "requested", false));
        peer.on(base + "/Subscription/" + id, request -> one(id, request));
        return Reply.json(201, resource.toString()).header("Location", peer.uri(base + "/Subscription/" + id
                + "/_history/1").toString());
    }

    private Reply one(String id, FakePeer.Request r) {
        Stored s = subscriptions.get(id);
        if (s == null || s.deleted()) {
            return Reply.status(404);
        }
        if (r.method().equals("DELETE")) {
            subscriptions.put(id, new Stored(id, s.resource(), s.status(), true));
            return Reply.status(204);
        }
        Stored now = new Stored(id, s.resource(), "active", false);
        subscriptions.put(id, now);
        return Reply.json(200, Json.createObjectBuilder(now.resource()).add("status", now.status()).build().toString());
    }

    /** Sends a notification for the Subscription as the server would; returns the HTTP status the hub answered. */
    public int notify(String subscriptionId, String body) {
        return send(subscriptionId, body, null);
    }

    /** The same, with another {@code Authorization} header than the Subscription's. */
    public int send(String subscriptionId, String body, String authorization) {
        Stored s = subscriptions.get(subscriptionId);
        String[] header = s.header().split(":", 2);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s.endpoint())).timeout(Duration.ofSeconds(30))
                .header(header[0].strip(), authorization != null ? authorization : header[1].strip())
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/fhir+json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
