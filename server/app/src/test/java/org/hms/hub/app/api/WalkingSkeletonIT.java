package org.hms.hub.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.model.problem.Problem;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hub WAR on a real Payara Micro, real Artemis and a real database, seen from a client. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WalkingSkeletonIT {

    @Deployment(testable = false)
    static WebArchive hub() {
        return Deployments.hub();
    }

    @BeforeEach
    void hubIsReady() {
        Hub.awaitReady();
    }

    @Test
    void recordsHubStartedInTheAuditTrailThroughTheBroker() {
        Hub.await("a HubStarted audit entry", Duration.ofSeconds(30), () -> newestPage().items().stream()
                .anyMatch(e -> e.action().equals("HubStarted")));

        var started = newestPage().items().stream().filter(e -> e.action().equals("HubStarted")).findFirst().orElseThrow();
        assertThat(started.tenant()).isEqualTo("system");
        assertThat(started.actor()).isEqualTo("system");
        assertThat(started.details()).contains("\"instance\"").contains("\"version\"");
        assertThat(started.recordedAt()).isAfterOrEqualTo(started.occurredAt().minusSeconds(1));
    }

    @Test
    void reportsReadyWithDatabaseAndBrokerChecks() {
        JsonObject health = Hub.root().path("health/ready").request().get(JsonObject.class);

        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("name"))
                .contains("database", "broker");
    }

    @Test
    void answersAnUnknownPathWithProblemJson() {
        Response response = Hub.api("no-such-resource").request().get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType().toString()).startsWith(Problem.MEDIA_TYPE);
        Problem problem = response.readEntity(Problem.class);
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.title()).isEqualTo("Not Found");
        assertThat(problem.instance()).isEqualTo("/api/no-such-resource");
    }

    @Test
    void rejectsAnOutOfRangePageSizeWithFieldErrors() {
        Response response = Hub.api("audit").queryParam("limit", 0).request()
                .header("Authorization", Hub.bearer(Hub.adminToken())).get();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).startsWith(Problem.MEDIA_TYPE);
        Problem problem = response.readEntity(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("limit");
        assertThat(problem.detail()).doesNotContain("Exception").doesNotContain("org.hms");
    }

    @Test
    void servesMetricsAndOpenApi() {
        assertThat(Hub.root().path("metrics").request().get().getStatus()).isEqualTo(200);
        String openapi = Hub.root().path("openapi").request().get(String.class);
        assertThat(openapi).contains("title: HMS Integration Hub");
        // the resources live in the module jars under WEB-INF/lib (mp.openapi.extensions.scan.lib)
        assertThat(openapi).contains("/api/audit:");
    }

    private static String token;

    private static String token() {
        if (token == null) {
            token = Hub.adminToken();
        }
        return token;
    }

    private static AuditPage newestPage() {
        return Hub.api("audit").queryParam("limit", 100).request()
                .header("Authorization", Hub.bearer(token())).get(AuditPage.class);
    }
}
