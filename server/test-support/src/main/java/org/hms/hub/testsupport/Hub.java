package org.hms.hub.testsupport;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The running hub as a client sees it. Arquillian may report the machine's address while the listener is bound
 * to 127.0.0.1 only, so the tests address the loopback interface on the reserved port themselves.
 */
public final class Hub {

    /** PATCH through HttpURLConnection needs Jersey's method workaround (and java.net opened to it). */
    private static final Client CLIENT = ClientBuilder.newBuilder()
            .property("jersey.config.client.httpUrlConnection.setMethodWorkaround", true).build();

    private Hub() {
    }

    public static WebTarget root() {
        return CLIENT.target("http://127.0.0.1:" + System.getProperty("it.http.port"));
    }

    public static WebTarget api(String path) {
        return root().path("api").path(path);
    }

    /** The initial platform administrator's user name and password, as the build configured them. */
    public static final String ADMIN = "admin";

    public static String adminPassword() {
        return System.getProperty("it.admin.password");
    }

    /** Logs in; fails the test when the hub refuses. */
    public static String login(String username, String password) {
        jakarta.ws.rs.core.Response response = api("auth/token").request()
                .post(jakarta.ws.rs.client.Entity.json(jakarta.json.Json.createObjectBuilder()
                        .add("username", username).add("password", password).build()));
        if (response.getStatus() != 200) {
            throw new AssertionError("Login of " + username + " refused: HTTP " + response.getStatus() + " "
                    + response.readEntity(String.class));
        }
        return response.readEntity(jakarta.json.JsonObject.class).getString("accessToken");
    }

    /** A token of the initial platform administrator (all three roles, tenant system). */
    public static String adminToken() {
        return login(ADMIN, adminPassword());
    }

    /** A request builder for an API path carrying the token. */
    public static jakarta.ws.rs.client.Invocation.Builder as(String token, String path) {
        return api(path).request().header("Authorization", bearer(token));
    }

    /** Creates a user in the tenant of the token (an administrator's); returns its id. */
    public static long createUser(String adminToken, String username, String password, String... roles) {
        jakarta.json.JsonArrayBuilder array = jakarta.json.Json.createArrayBuilder();
        for (String role : roles) {
            array.add(role);
        }
        jakarta.ws.rs.core.Response response = as(adminToken, "users").post(jakarta.ws.rs.client.Entity.json(
                jakarta.json.Json.createObjectBuilder().add("username", username).add("password", password)
                        .add("roles", array).build()));
        if (response.getStatus() != 201) {
            throw new AssertionError("Creating user " + username + " failed: HTTP " + response.getStatus() + " "
                    + response.readEntity(String.class));
        }
        return response.readEntity(jakarta.json.JsonObject.class).getJsonNumber("id").longValue();
    }

    /** The value of an {@code Authorization} header carrying the token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Creates a connector; fails unless the hub answers 201. Returns its id. */
    public static long createConnector(String token, jakarta.json.JsonObject connector) {
        jakarta.ws.rs.core.Response r = as(token, "connectors").post(jakarta.ws.rs.client.Entity.json(connector));
        if (r.getStatus() != 201) {
            throw new AssertionError("Connector not created: HTTP " + r.getStatus() + " " + r.readEntity(String.class));
        }
        return r.readEntity(jakarta.json.JsonObject.class).getJsonNumber("id").longValue();
    }

    /** Switches a connector on; fails unless the hub answers 200. */
    public static void activateConnector(String token, long id) {
        jakarta.ws.rs.core.Response r = as(token, "connectors/" + id + "/status")
                .put(jakarta.ws.rs.client.Entity.json("{\"status\":\"ACTIVE\"}"));
        if (r.getStatus() != 200) {
            throw new AssertionError("Connector " + id + " not switched on: HTTP " + r.getStatus());
        }
    }

    /** Subscribes a connector to an event type (delivered to its endpoint + {@code path}); returns the id. */
    public static long subscribe(String token, String eventType, long connectorId, String path) {
        jakarta.json.JsonObjectBuilder body = jakarta.json.Json.createObjectBuilder().add("eventType", eventType)
                .add("connectorId", connectorId);
        if (path != null) {
            body.add("path", path);
        }
        jakarta.ws.rs.core.Response r = as(token, "subscriptions").post(jakarta.ws.rs.client.Entity.json(body.build()));
        if (r.getStatus() != 201) {
            throw new AssertionError("Subscription not created: HTTP " + r.getStatus() + " " + r.readEntity(String.class));
        }
        return r.readEntity(jakarta.json.JsonObject.class).getJsonNumber("id").longValue();
    }

    /** Waits until {@code /health/ready} answers UP (database and broker), at most a minute. */
    public static void awaitReady() {
        await("/health/ready to be UP", Duration.ofSeconds(60),
                () -> root().path("health/ready").request().get().getStatus() == 200);
    }

    /** Polls until the condition holds, failing with {@code what} when it has not within the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, () -> "");
    }

    /**
     * Polls until the condition holds; when it has not within the timeout, fails with {@code what} and what
     * {@code diagnosis} says of the state at that moment (e.g. the items still missing and why).
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition,
                             java.util.function.Supplier<String> diagnosis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String why = diagnosis.get();
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + (why.isEmpty() ? "" : ": " + why));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what);
            }
        }
    }
}
