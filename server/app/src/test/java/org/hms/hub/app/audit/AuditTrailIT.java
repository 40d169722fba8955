package org.hms.hub.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.model.audit.AuditEntryView;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.model.audit.AuditVerification;
import org.hms.hub.testsupport.FakeOrderSystem;
import org.hms.hub.testsupport.Hub;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail over the REST API on the real hub: events of connectors, the sync engine, order sync and
 * security each recorded once with actor, target, outcome and address; filters and keyset paging; the chain
 * verified; exports as CSV and as a FHIR R4 AuditEvent Bundle that HAPI's validator accepts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTrailIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WEBHOOK_SECRET = "whsec_QXVkaXRUcmFpbElULXdlYmhvb2stc2VjcmV0LTAx";
    private static String admin;

    @Deployment(testable = false)
    static WebArchive hub() {
        return Deployments.hub();
    }

    @BeforeEach
    void setUp() {
        Hub.awaitReady();
        if (admin == null) {
            admin = Hub.adminToken();
        }
    }

    @Test
    void recordsEventsOfConnectorsSyncOrdersAndSecurityOnceEach() {
        long connector = Hub.createConnector(admin, Json.createObjectBuilder().add("name", "AuditTrailIT source")
                .add("type", "API").add("endpoint", "http://127.0.0.1:9/x").add("localNetwork", true)
                .add("authType", "NONE").add("webhook", Json.createObjectBuilder().add("enabled", true)
                        .add("style", "STANDARD").add("secret", WEBHOOK_SECRET)).build());
        Hub.activateConnector(admin, connector);
        AuditEntryView created = one("action=ConnectorCreated&targetType=Connector&targetId=" + connector);
        assertThat(created.actor()).isEqualTo("admin");
        assertThat(created.actorType()).isEqualTo("USER");
        assertThat(created.connectorId()).isEqualTo(connector);
        assertThat(created.outcome()).isEqualTo("success");
        assertThat(created.seq()).isPositive();
        assertThat(created.hash()).hasSize(64);

        String body = "{\"type\":\"PatientUpdated\",\"data\":{\"id\":\"p-audit-1\"}}";
        long ts = Instant.now().getEpochSecond();
        Response accepted = Hub.api("webhooks/" + connector).request().header("webhook-id", "msg_audit_1")
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", FakeOrderSystem.sign(WEBHOOK_SECRET, "msg_audit_1", ts, body))
                .post(Entity.entity(body.getBytes(StandardCharsets.UTF_8), "application/json"));
        assertThat(accepted.getStatus()).isEqualTo(202);
        AuditEntryView received = one("action=WebhookReceived&connectorId=" + connector);
        assertThat(received.actorType()).isEqualTo("CONNECTOR");
        assertThat(received.details()).contains("payloadSha256").doesNotContain("p-audit-1");

        Response integration = Hub.as(admin, "order-integrations").post(Entity.json(Json.createObjectBuilder()
                .add("name", "AuditTrailIT orders").add("apiConnectorId", connector)
                .add("omsConnectorId", Hub.createConnector(admin, Json.createObjectBuilder().add("name",
                        "AuditTrailIT OMS").add("type", "API").add("endpoint", "http://127.0.0.1:9/oms")
                        .add("localNetwork", true).add("authType", "NONE").build())).build()));
        assertThat(integration.getStatus()).isEqualTo(201);
        long integrationId = integration.readEntity(JsonObject.class).getJsonNumber("id").longValue();
        one("action=OrderIntegrationCreated&targetType=OrderIntegration&targetId=" + integrationId);

        String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        Response refused = Hub.api("auth/token").request().header("User-Agent", "AuditTrailIT/1.0")
                .post(Entity.json(Json.createObjectBuilder().add("username", stranger).add("password", "Wrong-Passw0rd-1")
                        .build()));
        assertThat(refused.getStatus()).isEqualTo(401);
        AuditEntryView failed = one("action=LoginFailed&targetId=" + stranger);
        assertThat(failed.outcome()).isEqualTo("failure");
        assertThat(failed.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(failed.userAgent()).isEqualTo("AuditTrailIT/1.0");
        assertThat(failed.targetType()).isEqualTo("User");
    }

    @Test
    void filtersAndPagesNewestFirstWithoutGapsOrRepeats() {
        for (int i = 0; i < 5; i++) {
            Hub.createConnector(admin, Json.createObjectBuilder().add("name", "AuditTrailIT paging " + i).add("type", "API")
                    .add("endpoint", "http://127.0.0.1:9/p").add("localNetwork", true).add("authType", "NONE").build());
        }
        Hub.await("five creations in the trail", WAIT, () -> page("action=ConnectorCreated&limit=500").items().stream()
                .filter(e -> e.details().contains("AuditTrailIT paging")).count() == 5);
        List<AuditEntryView> all = new ArrayList<>();
        String before = null;
        do {
            AuditPage p = page("action=ConnectorCreated&actor=admin&limit=2" + (before == null ? "" : "&before=" + before));
            assertThat(p.items()).hasSizeLessThanOrEqualTo(2);
            all.addAll(p.items());
            before = p.next();
        } while (before != null);
        assertThat(all).extracting(AuditEntryView::action).containsOnly("ConnectorCreated");
        assertThat(all).extracting(AuditEntryView::id).doesNotHaveDuplicates();
        assertThat(all).extracting(AuditEntryView::occurredAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all.stream().filter(e -> e.details().contains("AuditTrailIT paging"))).hasSize(5);
        Hub.api("auth/token").request().post(Entity.json(Json.createObjectBuilder().add("username", "admin")
                .add("password", "Not-The-Passw0rd-9").build())).close();
        Hub.await("a failure in the trail", WAIT, () -> !page("outcome=failure&limit=500").items().isEmpty());
        assertThat(page("outcome=failure&limit=500").items()).extracting(AuditEntryView::outcome).containsOnly("failure");
        Response bad = Hub.api("audit").queryParam("from", "yesterday").request()
                .header("Authorization", Hub.bearer(admin)).get();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getMediaType().toString()).startsWith("application/problem+json");
    }

    @Test
    void verifiesTheTenantsChain() {
        Hub.createConnector(admin, Json.createObjectBuilder().add("name", "AuditTrailIT verify").add("type", "API")
                .add("endpoint", "http://127.0.0.1:9/v").add("localNetwork", true).add("authType", "NONE").build());
        AuditVerification v = Hub.as(admin, "audit/verify").get(AuditVerification.class);
        assertThat(v.ok()).as(v.toString()).isTrue();
        assertThat(v.checked()).isPositive();
        assertThat(v.tenant()).isEqualTo("system");
    }

    @Test
    void exportsCsvAndAFhirAuditEventBundleThatValidates() {
        long connector = Hub.createConnector(admin, Json.createObjectBuilder().add("name", "AuditTrailIT export")
                .add("type", "API").add("endpoint", "http://127.0.0.1:9/e").add("localNetwork", true)
                .add("authType", "NONE").build());
        one("action=ConnectorCreated&targetId=" + connector);
        Response csv = Hub.api("audit/export").queryParam("format", "csv").queryParam("connectorId", connector)
                .request().header("Authorization", Hub.bearer(admin)).get();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getMediaType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaderString("Content-Disposition")).contains("attachment").contains(".csv");
        String[] lines = csv.readEntity(String.class).split("\r\n");
        assertThat(lines[0]).startsWith("id,seq,occurred_at,recorded_at,tenant,actor_type,actor,action,");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines[1]).contains("ConnectorCreated").contains(",admin,");

        Response fhir = Hub.api("audit/export").queryParam("format", "fhir").queryParam("action", "ConnectorCreated")
                .queryParam("actor", "admin").request().header("Authorization", Hub.bearer(admin)).get();
        assertThat(fhir.getStatus()).isEqualTo(200);
        FhirContext ctx = FhirContext.forR4Cached();
        Bundle bundle = ctx.newJsonParser().parseResource(Bundle.class, fhir.readEntity(String.class));
        assertThat(bundle.getEntry()).isNotEmpty();
        AuditEvent first = (AuditEvent) bundle.getEntryFirstRep().getResource();
        assertThat(first.getSubtypeFirstRep().getCode()).isEqualTo("ConnectorCreated");
        assertThat(first.getAgentFirstRep().getWho().getDisplay()).isEqualTo("admin");

        ValidationSupportChain support = new ValidationSupportChain(
                new ca.uhn.fhir.context.support.DefaultProfileValidationSupport(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx));
        FhirValidator validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        ValidationResult result = validator.validateWithResult(bundle);
        List<SingleValidationMessage> errors = result.getMessages().stream().filter(m -> m.getSeverity()
                .ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
        assertThat(errors).as(errors.toString()).isEmpty();
    }

    private static AuditPage page(String query) {
        WebTarget t = Hub.api("audit");
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            t = t.queryParam(kv[0], kv[1]);
        }
        return t.request().header("Authorization", Hub.bearer(admin)).get(AuditPage.class);
    }

    /** Waits for the filter to match, then requires exactly one entry (no event is recorded twice). */
    private static AuditEntryView one(String query) {
        Hub.await(query + " in the audit trail", WAIT, () -> !page(query).items().isEmpty());
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<AuditEntryView> found = page(query + "&limit=500").items();
        Set<UUID> events = new HashSet<>();
        found.forEach(e -> events.add(e.eventId()));
        assertThat(found).as(query).hasSize(1);
        assertThat(events).hasSize(1);
        return found.get(0);
    }
}
