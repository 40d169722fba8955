package org.hms.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.model.audit.AuditEntryView;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.model.identity.UserView;
import org.hms.hub.model.problem.Problem;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.TestIdentityProvider;
import org.hms.hub.testsupport.TestSecrets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two tenants side by side: neither can read, change or even learn of the other's users and audit entries;
 * tenants are created by platform administrators only; tokens of the external identity provider are scoped the
 * same way.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenancyIT {

    private static String alphaAdmin;
    private static String betaAdmin;
    private static long alphaUserId;

    @Deployment(testable = false)
    static WebArchive hub() {
        return Deployments.hub();
    }

    @BeforeEach
    void twoTenants() {
        Hub.awaitReady();
        if (alphaAdmin != null) {
            return;
        }
        String platform = Hub.adminToken();
        assertThat(createTenant(platform, "alpha", "alpha-admin", TestSecrets.ALPHA_ADMIN).getStatus()).isEqualTo(201);
        assertThat(createTenant(platform, "beta", "beta-admin", TestSecrets.BETA_ADMIN).getStatus()).isEqualTo(201);
        alphaAdmin = Hub.login("alpha-admin", TestSecrets.ALPHA_ADMIN);
        betaAdmin = Hub.login("beta-admin", TestSecrets.BETA_ADMIN);
        alphaUserId = Hub.createUser(alphaAdmin, "alpha-auditor", TestSecrets.USER, "hub-auditor");
        Hub.createUser(betaAdmin, "beta-auditor", TestSecrets.USER, "hub-auditor");
    }

    @Test
    void listsOnlyTheUsersOfTheCallersTenant() {
        List<UserView> alpha = Hub.as(alphaAdmin, "users").get(new GenericType<List<UserView>>() { });

        assertThat(alpha).extracting(UserView::username).containsExactlyInAnyOrder("alpha-admin", "alpha-auditor");
        assertThat(alpha).extracting(UserView::tenant).containsOnly("alpha");
    }

    @Test
    void answersAnotherTenantsUserWithNotFound() {
        Response read = Hub.as(betaAdmin, "users/" + alphaUserId).get();
        Response change = Hub.as(betaAdmin, "users/" + alphaUserId).header("If-Match", "\"1\"")
                .method("PATCH", Entity.json(Json.createObjectBuilder().add("enabled", false).build()));
        Response delete = Hub.as(betaAdmin, "users/" + alphaUserId).delete();

        assertThat(read.getStatus()).isEqualTo(404);
        assertThat(change.getStatus()).isEqualTo(404);
        assertThat(delete.getStatus()).isEqualTo(404);
        assertThat(Hub.as(alphaAdmin, "users/" + alphaUserId).get().getStatus()).as("still there for alpha").isEqualTo(200);
    }

    @Test
    void showsEachTenantOnlyItsOwnAuditEntries() {
        String alphaAuditor = Hub.login("alpha-auditor", TestSecrets.USER);
        Hub.await("alpha's own entries", Duration.ofSeconds(20), () -> audit(alphaAuditor).stream()
                .anyMatch(e -> e.action().equals("LoginSucceeded") && e.actor().equals("alpha-auditor")));

        List<AuditEntryView> entries = audit(alphaAuditor);

        assertThat(entries).extracting(AuditEntryView::tenant).containsOnly("alpha");
        assertThat(entries).extracting(AuditEntryView::action).contains("UserCreated", "LoginSucceeded")
                .doesNotContain("HubStarted");
    }

    @Test
    void letsOnlyPlatformAdministratorsCreateTenants() {
        Response response = createTenant(alphaAdmin, "gamma", "gamma-admin", TestSecrets.USER);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.readEntity(Problem.class).detail()).contains("platform administrators");
    }

    @Test
    void keepsATenantsLastAdministrator() {
        long self = Hub.as(betaAdmin, "users").get(new GenericType<List<UserView>>() { }).stream()
                .filter(u -> u.username().equals("beta-admin")).findFirst().orElseThrow().id();
        String etag = Hub.as(betaAdmin, "users/" + self).get().getHeaderString("ETag");

        Response response = Hub.as(betaAdmin, "users/" + self).header("If-Match", etag)
                .method("PATCH", Entity.json(Json.createObjectBuilder().add("enabled", false).build()));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(Hub.login("beta-admin", TestSecrets.BETA_ADMIN)).isNotBlank();
    }

    @Test
    void refusesAChangeBasedOnAStaleVersion() {
        Response response = Hub.as(alphaAdmin, "users/" + alphaUserId).header("If-Match", "\"0\"")
                .method("PATCH", Entity.json(Json.createObjectBuilder().add("password", TestSecrets.CHANGED).build()));

        assertThat(response.getStatus()).isEqualTo(412);
        assertThat(Hub.login("alpha-auditor", TestSecrets.USER)).as("password unchanged").isNotBlank();
    }

    @Test
    void scopesTokensOfTheExternalProviderToTheirTenant() {
        String external = TestIdentityProvider.token("dr.jones", "alpha", List.of("hub-auditor", "offline_access"), 300);

        Response response = Hub.as(external, "audit").get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.readEntity(AuditPage.class).items()).extracting(AuditEntryView::tenant).containsOnly("alpha");
        assertThat(Hub.as(external, "users").get().getStatus()).as("auditor only").isEqualTo(403);
    }

    @Test
    void refusesAnExternalTokenNamingAnUnknownTenant() {
        String ghost = TestIdentityProvider.token("dr.who", "no-such-hospital", List.of("hub-admin"), 300);

        Response response = Hub.as(ghost, "users").post(Entity.json(Json.createObjectBuilder()
                .add("username", "planted").add("password", TestSecrets.USER).add("roles",
                        Json.createArrayBuilder().add("hub-admin")).build()));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.readEntity(Problem.class).detail()).contains("tenant is not known");
    }

    @Test
    void refusesExpiredAndForgedTokensOfTheExternalProvider() {
        Response expired = Hub.as(TestIdentityProvider.token("dr.jones", "alpha", List.of("hub-auditor"), -120), "audit").get();
        Response forged = Hub.as(TestIdentityProvider.forgedToken("dr.jones", "alpha", List.of("hub-auditor")), "audit").get();

        assertThat(expired.getStatus()).isEqualTo(401);
        assertThat(expired.readEntity(Problem.class).detail()).contains("expired");
        assertThat(forged.getStatus()).isEqualTo(401);
    }

    private static List<AuditEntryView> audit(String token) {
        return Hub.as(token, "audit").get(AuditPage.class).items();
    }

    private static Response createTenant(String token, String id, String admin, String password) {
        JsonObject body = Json.createObjectBuilder().add("id", id).add("name", id + " hospital")
                .add("adminUsername", admin).add("adminPassword", password).build();
        return Hub.as(token, "tenants").post(Entity.json(body));
    }
}
