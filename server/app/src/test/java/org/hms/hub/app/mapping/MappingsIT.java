package org.hms.hub.app.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.model.audit.AuditEntryView;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.model.mapping.MappingVersionView;
import org.hms.hub.model.mapping.MappingView;
import org.hms.hub.model.problem.Problem;
import org.hms.hub.testsupport.Hub;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Versioned mappings on the real hub: checked when saved, previewed on samples, versions activated, audited. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MappingsIT {

    private static final String ORDER_RULES = "{\"rules\":["
            + "{\"kind\":\"copy\",\"from\":\"/id\",\"to\":\"/ext_code\"},"
            + "{\"kind\":\"copy\",\"from\":\"/title\",\"to\":\"/data/title\"},"
            + "{\"kind\":\"valueMap\",\"from\":\"/status\",\"to\":\"/status\",\"map\":{\"new\":\"pending\"},\"default\":\"pending\"}]}";
    private static String admin;

    @Deployment(testable = false)
    static WebArchive hub() {
        return Deployments.hub();
    }

    @BeforeEach
    void ready() {
        Hub.awaitReady();
        if (admin == null) {
            admin = Hub.adminToken();
        }
    }

    @Test
    void createsAMappingAndPreviewsItOnASample() {
        Response created = create("Orders to OMS", ORDER_RULES, "JSON");
        MappingView mapping = created.readEntity(MappingView.class);

        JsonObject preview = Hub.as(admin, "mappings/" + mapping.id() + "/preview").post(Entity.json(
                "{\"sample\":{\"id\":4711,\"title\":\"Blood panel\",\"status\":\"new\"}}")).readEntity(JsonObject.class);

        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(mapping.activeVersion()).isEqualTo(1);
        assertThat(preview.getJsonObject("output").getInt("ext_code")).isEqualTo(4711);
        assertThat(preview.getJsonObject("output").getJsonObject("data").getString("title")).isEqualTo("Blood panel");
        assertThat(preview.getJsonObject("output").getString("status")).isEqualTo("pending");
        assertThat(preview.getJsonArray("trace")).hasSize(3);
        assertThat(preview.getJsonArray("errors")).isEmpty();
    }

    @Test
    void refusesABrokenRuleWhenSavedNamingIt() {
        Response response = create("Broken", "{\"rules\":[{\"kind\":\"copy\",\"from\":\"/a\",\"to\":\"/b\"},"
                + "{\"kind\":\"eval\",\"code\":\"1+1\"}]}", "JSON");

        assertThat(response.getStatus()).isEqualTo(422);
        Problem problem = response.readEntity(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("definition.rules[1]");
        assertThat(problem.errors().get(0).message()).contains("unknown rule kind 'eval'");
    }

    @Test
    void keepsEveryVersionAndReactivatesAnEarlierOne() {
        long id = create("Orders versions", ORDER_RULES, "JSON").readEntity(MappingView.class).id();

        MappingView second = Hub.as(admin, "mappings/" + id + "/versions").post(Entity.json("{\"definition\":"
                + "{\"rules\":[{\"kind\":\"const\",\"to\":\"/v\",\"value\":2}]}}")).readEntity(MappingView.class);
        MappingView back = Hub.as(admin, "mappings/" + id + "/active").put(Entity.json("{\"version\":1}"))
                .readEntity(MappingView.class);
        List<MappingVersionView> versions = Hub.as(admin, "mappings/" + id + "/versions")
                .get(new GenericType<List<MappingVersionView>>() { });

        assertThat(second.activeVersion()).isEqualTo(2);
        assertThat(back.activeVersion()).isEqualTo(1);
        assertThat(back.latestVersion()).isEqualTo(2);
        assertThat(versions).extracting(MappingVersionView::version).containsExactly(2, 1);
        assertThat(versions).filteredOn(MappingVersionView::active).extracting(MappingVersionView::version)
                .containsExactly(1);
        assertThat(Hub.as(admin, "mappings/" + id + "/active").put(Entity.json("{\"version\":9}")).getStatus())
                .isEqualTo(404);
    }

    @Test
    void dryRunsAnInlineDefinitionReportingRuleErrors() {
        JsonObject result = Hub.as(admin, "mappings/preview").post(Entity.json("{\"definition\":{\"rules\":["
                + "{\"kind\":\"required\",\"path\":\"/id\"}]},\"sample\":{\"title\":\"no id\"}}")).readEntity(JsonObject.class);

        assertThat(result.get("output")).as("no output when a rule failed").isIn(null, jakarta.json.JsonValue.NULL);
        assertThat(result.getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("rules[0]");
        assertThat(result.getJsonArray("errors").getJsonObject(0).getString("message")).contains("required");
    }

    @Test
    void previewsAnXmlSourceDeclaredInTheDefinition() {
        String rules = "{\"rules\":[{\"kind\":\"copy\",\"from\":\"/@id\",\"to\":\"/ext_code\"},"
                + "{\"kind\":\"forEach\",\"from\":\"/items/item\",\"to\":\"/items\",\"rules\":["
                + "{\"kind\":\"copy\",\"from\":\"/sku\",\"to\":\"/code\"}]}],"
                + "\"xml\":{\"source\":{\"root\":\"order\",\"arrays\":[\"/items/item\"]}}}";
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", "XML orders").add("resourceType", "Order")
                .add("direction", "INBOUND").add("sourceFormat", "XML").add("targetFormat", "JSON")
                .add("definition", Json.createReader(new StringReader(rules)).readObject());
        Response created = Hub.as(admin, "mappings").post(Entity.json(body.build()));
        long id = created.readEntity(MappingView.class).id();

        JsonObject preview = Hub.as(admin, "mappings/" + id + "/preview").post(Entity.json(Json.createObjectBuilder()
                .add("sample", "<order id=\"9\"><items><item><sku>CBC</sku></item></items></order>").build()))
                .readEntity(JsonObject.class);
        Response notXml = Hub.as(admin, "mappings/" + id + "/preview").post(Entity.json(Json.createObjectBuilder()
                .add("sample", "<patient/>").build()));

        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(preview.getJsonObject("output").getString("ext_code")).isEqualTo("9");
        assertThat(preview.getJsonObject("output").getJsonArray("items").getJsonObject(0).getString("code"))
                .isEqualTo("CBC");
        assertThat(notXml.getStatus()).isEqualTo(422);
        assertThat(notXml.readEntity(Problem.class).errors()).extracting(Problem.FieldError::field).containsExactly("sample");
    }

    @Test
    void copiesTheOrderTemplateAndMapsAnApiOrderToOms() {
        List<JsonObject> listed = Hub.as(admin, "mappings/templates").get(new GenericType<List<JsonObject>>() { });
        Response copied = Hub.as(admin, "mappings/templates/order-api-to-oms/copy")
                .post(Entity.json("{\"name\":\"Orders API to OMS (ward 5)\"}"));
        long id = copied.readEntity(MappingView.class).id();

        JsonObject preview = Hub.as(admin, "mappings/" + id + "/preview").post(Entity.json("{\"sample\":{\"id\":4711,"
                + "\"title\":\"Blood panel\",\"user_id\":12,\"items\":[{\"sku\":\"CBC\"}],\"status\":\"pending\"}}"))
                .readEntity(JsonObject.class);

        assertThat(listed).extracting(t -> t.getString("key")).contains("order-api-to-oms", "order-oms-to-api");
        assertThat(copied.getStatus()).isEqualTo(201);
        assertThat(preview.getJsonObject("output").getInt("ext_code")).isEqualTo(4711);
        assertThat(preview.getJsonObject("output").getString("status")).isEqualTo("new");
        assertThat(preview.getJsonObject("output").getJsonObject("data").getJsonArray("items")).hasSize(1);
        assertThat(Hub.as(admin, "mappings/templates/no-such/copy").post(Entity.json("{}")).getStatus()).isEqualTo(404);
    }

    @Test
    void mapsAnHmsPatientToAValidatedFhirPatientThroughTheSeedTemplate() {
        Response copied = Hub.as(admin, "mappings/templates/patient-hms-to-fhir/copy")
                .post(Entity.json("{\"name\":\"Patients to state EHR\"}"));
        MappingView mapping = copied.readEntity(MappingView.class);

        JsonObject preview = Hub.as(admin, "mappings/" + mapping.id() + "/preview").post(Entity.json(
                "{\"sample\":{\"hmsPatientId\":\"p-20931\",\"hmsName\":\"Amara Okafor\"}}")).readEntity(JsonObject.class);

        assertThat(copied.getStatus()).isEqualTo(201);
        assertThat(mapping.targetFormat().name()).isEqualTo("FHIR_R4");
        assertThat(preview.getJsonArray("errors")).isEmpty();
        JsonObject patient = preview.getJsonObject("output");
        assertThat(patient.getString("resourceType")).isEqualTo("Patient");
        assertThat(patient.getString("id")).isEqualTo("p-20931");
        assertThat(patient.getJsonArray("name").getJsonObject(0).getString("text")).isEqualTo("Amara Okafor");
    }

    @Test
    void mapsAFhirPatientGivenAsAnObjectOrAsTextBackToTheHmsShape() {
        long id = Hub.as(admin, "mappings/templates/patient-fhir-to-hms/copy")
                .post(Entity.json("{\"name\":\"Patients from state EHR\"}")).readEntity(MappingView.class).id();
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"p-7\",\"name\":[{\"text\":\"Ann Lee\"}]}";

        JsonObject asObject = Hub.as(admin, "mappings/" + id + "/preview").post(Entity.json("{\"sample\":" + patient
                + "}")).readEntity(JsonObject.class);
        JsonObject asText = Hub.as(admin, "mappings/" + id + "/preview").post(Entity.json(Json.createObjectBuilder()
                .add("sample", patient).build())).readEntity(JsonObject.class);
        Response notFhir = Hub.as(admin, "mappings/" + id + "/preview").post(Entity.json(
                "{\"sample\":{\"resourceType\":\"Patient\",\"id\":\"p-8\",\"nickname\":\"A\"}}"));

        assertThat(asObject.getJsonObject("output").getString("hmsPatientId")).isEqualTo("p-7");
        assertThat(asText.getJsonObject("output").getString("hmsName")).isEqualTo("Ann Lee");
        assertThat(notFhir.getStatus()).isEqualTo(422);
        assertThat(notFhir.readEntity(Problem.class).errors().get(0).message()).contains("unknown element 'nickname'");
    }

    @Test
    void reportsTheValidatorsFindingsAndNoOutputForInvalidFhir() {
        JsonObject result = Hub.as(admin, "mappings/preview").post(Entity.json("{\"definition\":{"
                + "\"fhir\":{\"target\":{\"resourceType\":\"ServiceRequest\"}},\"rules\":["
                + "{\"kind\":\"const\",\"to\":\"/status\",\"value\":\"active\"},"
                + "{\"kind\":\"const\",\"to\":\"/intent\",\"value\":\"order\"}]},\"sample\":{}}"))
                .readEntity(JsonObject.class);

        assertThat(result.get("output")).as("invalid FHIR is never output").isIn(null, jakarta.json.JsonValue.NULL);
        assertThat(result.getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("message"))
                .anySatisfy(m -> assertThat(m).contains("ServiceRequest.subject: minimum required = 1"));
    }

    @Test
    void refusesAPathThatCanNeverMatchTheFhirSource() {
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", "Patients in").add("resourceType", "Patient")
                .add("direction", "INBOUND").add("sourceFormat", "FHIR_R4").add("targetFormat", "JSON")
                .add("definition", Json.createReader(new StringReader("{\"fhir\":{\"source\":{\"resourceType\":"
                        + "\"Patient\"}},\"rules\":[{\"kind\":\"copy\",\"from\":\"/name/famliy\",\"to\":\"/n\"}]}")).readObject());

        Response response = Hub.as(admin, "mappings").post(Entity.json(body.build()));

        assertThat(response.getStatus()).isEqualTo(422);
        Problem problem = response.readEntity(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("definition.rules[0]");
        assertThat(problem.errors().get(0).message()).contains("Patient.name is a list");
    }

    @Test
    void refusesAFhirFormatTheDefinitionDoesNotDeclare() {
        Response response = create("FHIR orders undeclared", ORDER_RULES, "FHIR_R4");

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(Problem.class).errors()).extracting(Problem.FieldError::field)
                .containsExactly("definition.fhir.target");
    }

    @Test
    void auditsCreationVersionsAndActivation() {
        long id = create("Orders audited", ORDER_RULES, "JSON").readEntity(MappingView.class).id();
        Hub.as(admin, "mappings/" + id + "/versions").post(Entity.json("{\"definition\":" + ORDER_RULES + "}"));

        Hub.await("mapping events", Duration.ofSeconds(20), () -> actions().contains("MappingActivated"));

        assertThat(actions()).contains("MappingCreated", "MappingVersionAdded", "MappingActivated");
    }

    private static List<String> actions() {
        return Hub.as(admin, "audit").get(AuditPage.class).items().stream()
                .filter(e -> e.details().contains("Orders audited")).map(AuditEntryView::action).toList();
    }

    private static Response create(String name, String rules, String targetFormat) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", name).add("resourceType", "Order")
                .add("direction", "OUTBOUND").add("sourceFormat", "JSON").add("targetFormat", targetFormat)
                .add("definition", Json.createReader(new StringReader(rules)).readObject());
        return Hub.as(admin, "mappings").post(Entity.json(body.build()));
    }
}
