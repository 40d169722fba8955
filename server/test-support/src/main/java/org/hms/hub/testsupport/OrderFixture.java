package org.hms.hub.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * An order integration on a running hub between the two fakes: an HMS-API connector (JWT bearer token, Standard
 * Webhooks in) and an HMS-OMS connector (Rails token header, Standard Webhooks in), both switched on, each fake
 * sending its webhooks to its connector's webhook URL, and the integration itself.
 */
public record OrderFixture(String admin, FakeHmsApi api, FakeHmsOms oms, long apiConnector, long omsConnector,
                           long integration) {

    public static final String API_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJobXMtaHViIn0.OrderFixture-api-jwt";
    public static final String OMS_TOKEN = "oms-api-token-OrderFixture-5e1";
    public static final String API_WEBHOOK_SECRET = "whsec_T3JkZXJGaXh0dXJlLWFwaS13ZWJob29rLXNlY3JldDE=";
    public static final String OMS_WEBHOOK_SECRET = "whsec_T3JkZXJGaXh0dXJlLW9tcy13ZWJob29rLXNlY3JldDI=";

    /** Sets it all up under names ending in {@code suffix} (ITs share one database). */
    public static OrderFixture create(String admin, String suffix) {
        FakeHmsApi api = new FakeHmsApi(API_JWT);
        FakeHmsOms oms = new FakeHmsOms(OMS_TOKEN);
        long apiConnector = Hub.createConnector(admin, Json.createObjectBuilder().add("name", "HMS-API " + suffix)
                .add("type", "API").add("endpoint", api.baseUrl()).add("localNetwork", true).add("authType", "TOKEN")
                .add("credentials", Json.createObjectBuilder().add("token", API_JWT)).add("timeoutMs", 3000)
                .add("retryBackoffMs", 200).add("retryAttempts", 20)
                .add("webhook", Json.createObjectBuilder().add("enabled", true).add("style", "STANDARD")
                        .add("secret", API_WEBHOOK_SECRET)).build());
        long omsConnector = Hub.createConnector(admin, Json.createObjectBuilder().add("name", "HMS-OMS " + suffix)
                .add("type", "API").add("endpoint", oms.baseUrl()).add("localNetwork", true).add("authType", "API_KEY")
                .add("credentials", Json.createObjectBuilder().add("apiKey", "Token token=\"" + OMS_TOKEN + "\"")
                        .add("apiKeyHeader", "Authorization")).add("timeoutMs", 3000)
                .add("retryBackoffMs", 200).add("retryAttempts", 20)
                .add("webhook", Json.createObjectBuilder().add("enabled", true).add("style", "STANDARD")
                        .add("secret", OMS_WEBHOOK_SECRET)).build());
        Hub.activateConnector(admin, apiConnector);
        Hub.activateConnector(admin, omsConnector);
        api.sendWebhooksTo(webhookUrl(apiConnector), API_WEBHOOK_SECRET);
        oms.sendWebhooksTo(webhookUrl(omsConnector), OMS_WEBHOOK_SECRET);
        Response r = Hub.as(admin, "order-integrations").post(Entity.json(Json.createObjectBuilder()
                .add("name", "Orders " + suffix).add("apiConnectorId", apiConnector).add("omsConnectorId", omsConnector)
                .build()));
        if (r.getStatus() != 201) {
            throw new AssertionError("Order integration not created: HTTP " + r.getStatus() + " "
                    + r.readEntity(String.class));
        }
        long integration = r.readEntity(JsonObject.class).getJsonNumber("id").longValue();
        return new OrderFixture(admin, api, oms, apiConnector, omsConnector, integration);
    }

    public static URI webhookUrl(long connectorId) {
        return Hub.api("webhooks/" + connectorId).getUri();
    }

    /** Maps an HMS-API user to an HMS-OMS user; fails unless the hub answers 200. */
    public void mapUser(String apiUser, String omsUser) {
        Response r = Hub.as(admin, "order-integrations/" + integration + "/users/" + apiUser)
                .put(Entity.json(Json.createObjectBuilder().add("omsUserId", omsUser).build()));
        if (r.getStatus() != 200) {
            throw new AssertionError("User not mapped: HTTP " + r.getStatus() + " " + r.readEntity(String.class));
        }
    }

    /** The hub's view of the order ({@code GET /api/orders/{id}}), or null while it knows none. */
    public JsonObject order(long apiOrderId) {
        Response r = Hub.as(admin, "orders/" + apiOrderId).get();
        if (r.getStatus() == 404) {
            r.close();
            return null;
        }
        if (r.getStatus() != 200) {
            throw new AssertionError("GET /api/orders/" + apiOrderId + ": HTTP " + r.getStatus() + " "
                    + r.readEntity(String.class));
        }
        return r.readEntity(JsonObject.class);
    }

    /** The order's sync state, or null while the hub knows no such order. */
    public String syncState(long apiOrderId) {
        JsonObject o = order(apiOrderId);
        return o == null ? null : o.getJsonObject("order").getString("syncState");
    }

    /** Flips the kill switch; fails unless the hub answers 200. */
    public void state(String state) {
        Response r = Hub.as(admin, "order-integrations/" + integration + "/state")
                .put(Entity.json(Json.createObjectBuilder().add("state", state).add("reason", "test").build()));
        if (r.getStatus() != 200) {
            throw new AssertionError("State not changed: HTTP " + r.getStatus() + " " + r.readEntity(String.class));
        }
    }

    public void close() {
        api.close();
        oms.close();
    }
}
