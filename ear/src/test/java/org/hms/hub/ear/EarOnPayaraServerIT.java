package org.hms.hub.ear;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.time.Duration;
import org.hms.hub.model.audit.AuditEntryView;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.testsupport.Hub;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR as built (hub WAR + embedded Artemis adapter) deployed on a real Payara Server 6, with a real Artemis
 * broker and a real database: the application server deployment the hub supports besides the launcher.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EarOnPayaraServerIT {

    /** Deployed under its file name, which is the application name the adapter's name depends on. */
    @Deployment(testable = false)
    static EnterpriseArchive hub() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    @Test
    void becomesReadyWithDatabaseAndBrokerChecksUp() {
        Hub.await("/health/ready to be UP", Duration.ofSeconds(90),
                () -> Hub.root().path("health/ready").request().get().getStatus() == 200);

        JsonObject health = Hub.root().path("health/ready").request().get(JsonObject.class);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("name"))
                .contains("database", "broker");
    }

    @Test
    void recordsHubStartedThroughTheEmbeddedAdapter() {
        String token = Hub.adminToken();
        Hub.await("a HubStarted audit entry", Duration.ofSeconds(90),
                () -> newest(token).items().stream().anyMatch(e -> e.action().equals("HubStarted")));

        AuditEntryView started = newest(token).items().stream()
                .filter(e -> e.action().equals("HubStarted")).findFirst().orElseThrow();
        assertThat(started.tenant()).isEqualTo("system");
        assertThat(started.details()).contains("\"version\"");
    }

    private static AuditPage newest(String token) {
        return Hub.api("audit").queryParam("limit", 50).request().header("Authorization", Hub.bearer(token))
                .get(AuditPage.class);
    }
}
