package org.hms.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Base64;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.model.audit.AuditEntryView;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.model.problem.Problem;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.TestSecrets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Logging in, refreshing and throttling, seen from a client of the real hub. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginIT {

    @Deployment(testable = false)
    static WebArchive hub() {
        return Deployments.hub();
    }

    @BeforeEach
    void hubIsReady() {
        Hub.awaitReady();
    }

    @Test
    void issuesASignedTokenNamingUserTenantAndRoles() {
        JsonObject answer = login(Hub.ADMIN, Hub.adminPassword()).readEntity(JsonObject.class);

        String[] parts = answer.getString("accessToken").split("\\.");
        JsonObject header = json(parts[0]);
        JsonObject claims = json(parts[1]);
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(claims.getString("iss")).isEqualTo("hms-hub");
        assertThat(claims.getString("upn")).isEqualTo("admin");
        assertThat(claims.getString("tenant")).isEqualTo("system");
        assertThat(claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactlyInAnyOrder("hub-admin", "hub-operator", "hub-auditor");
        assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue()).isEqualTo(900);
        assertThat(answer.getInt("expiresIn")).isEqualTo(900);
    }

    @Test
    void answersAWrongPasswordAndAnUnknownUserAlike() {
        Response wrong = login(Hub.ADMIN, TestSecrets.WRONG);
        Response unknown = login("nobody-" + System.nanoTime(), TestSecrets.WRONG);

        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(unknown.getStatus()).isEqualTo(401);
        assertThat(wrong.getMediaType().toString()).startsWith(Problem.MEDIA_TYPE);
        Problem a = wrong.readEntity(Problem.class);
        Problem b = unknown.readEntity(Problem.class);
        assertThat(a.detail()).isEqualTo(b.detail()).isEqualTo("The user name or password is wrong.");
    }

    @Test
    void recordsFailedLoginsWithoutThePasswordTried() {
        String name = "guesser-" + System.nanoTime();
        login(name, TestSecrets.WRONG);

        String token = Hub.adminToken();
        Hub.await("the LoginFailed entry", Duration.ofSeconds(20), () -> failedLoginOf(token, name) != null);
        AuditEntryView entry = failedLoginOf(token, name);
        assertThat(entry.actor()).isEqualTo(name);
        assertThat(entry.reason()).contains("unknown user");
        assertThat(entry.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(entry.outcome()).isEqualTo("failure");
        assertThat(String.join("|", entry.details(), String.valueOf(entry.reason()), String.valueOf(entry.userAgent())))
                .doesNotContain(TestSecrets.WRONG);
    }

    @Test
    void exchangesARefreshTokenOnceOnly() {
        String refresh = login(Hub.ADMIN, Hub.adminPassword()).readEntity(JsonObject.class).getString("refreshToken");

        Response first = refresh(refresh);
        Response second = refresh(refresh);

        assertThat(first.getStatus()).isEqualTo(200);
        String newAccess = first.readEntity(JsonObject.class).getString("accessToken");
        assertThat(Hub.as(newAccess, "audit").get().getStatus()).isEqualTo(200);
        assertThat(second.getStatus()).isEqualTo(401);
        assertThat(second.readEntity(Problem.class).detail()).contains("used already");
        assertThat(refresh("not-a-token").getStatus()).isEqualTo(401);
    }

    @Test
    void throttlesRepeatedFailuresForOneUserWithRetryAfter() {
        String admin = Hub.adminToken();
        String name = "throttled-" + System.nanoTime();
        Hub.createUser(admin, name, TestSecrets.USER, "hub-operator");
        for (int i = 0; i < 5; i++) {
            assertThat(login(name, TestSecrets.WRONG).getStatus()).isEqualTo(401);
        }

        Response refused = login(name, TestSecrets.USER);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeaderString("Retry-After"))).isBetween(1L, 30L);
        assertThat(refused.readEntity(Problem.class).title()).isEqualTo("Too many failed logins");
        assertThat(login(Hub.ADMIN, Hub.adminPassword()).getStatus()).as("other users are not affected").isEqualTo(200);
    }

    @Test
    void rejectsAMalformedLoginBodyAsProblemJson() {
        Response response = Hub.api("auth/token").request().post(Entity.json("{\"username\": "));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.readEntity(Problem.class).title()).isEqualTo("Malformed JSON");
    }

    private static AuditEntryView failedLoginOf(String token, String name) {
        return Hub.as(token, "audit").get(AuditPage.class).items().stream()
                .filter(e -> e.action().equals("LoginFailed") && e.actor().equals(name)).findFirst().orElse(null);
    }

    static Response login(String username, String password) {
        return Hub.api("auth/token").request().post(Entity.json(Json.createObjectBuilder()
                .add("username", username).add("password", password).build()));
    }

    private static Response refresh(String token) {
        return Hub.api("auth/refresh").request().post(Entity.json(Json.createObjectBuilder()
                .add("refreshToken", token).build()));
    }

    private static JsonObject json(String base64url) {
        return Json.createReader(new java.io.StringReader(new String(Base64.getUrlDecoder().decode(base64url))))
                .readObject();
    }
}
