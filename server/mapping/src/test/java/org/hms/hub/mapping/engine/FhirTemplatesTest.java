package org.hms.hub.mapping.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The built-in FHIR templates: what they produce validates clean under HAPI's validator (no error; the one
 * warning allowed is the narrative recommendation dom-6), and seed 003's patient pair is reversible — HMS →
 * FHIR Patient → HMS gives the patient back, for many generated patients (fixed seed, replayable).
 */
class FhirTemplatesTest {

    @Test
    void producesAValidServiceRequestFromAnHmsOrder() {
        Conversion.Converted result = conversion("order-api-to-fhir-servicerequest")
                .convert(MappingBenchmark.order().toString());

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).extracting(Issue::message).allSatisfy(m -> assertThat(m).contains("dom-6"));
        JsonObject request = parse(result.text());
        assertThat(request.getString("resourceType")).isEqualTo("ServiceRequest");
        assertThat(request.getJsonObject("subject").getString("reference")).isEqualTo("Patient/p-20931");
        assertThat(request.getJsonArray("orderDetail")).hasSize(6);
        assertThat(result.contentType()).isEqualTo("application/fhir+json");
    }

    @Test
    void refusesAnOrderWhoseStatusHasNoFhirCode() {
        JsonObject order = Json.createObjectBuilder(MappingBenchmark.order()).add("status", "lost").build();

        Conversion.Converted result = conversion("order-api-to-fhir-servicerequest").convert(order.toString());

        assertThat(result.text()).isNull();
        assertThat(result.errors()).extracting(Issue::message).containsExactly(
                "'lost' is not in the value map and there is no default");
    }

    @Test
    void mapsEveryGeneratedPatientToAValidFhirPatientAndBackUnchanged() {
        Conversion there = conversion("patient-hms-to-fhir");
        Conversion back = conversion("patient-fhir-to-hms");
        Random random = new Random(20261203L);
        String[] names = {"Amara Okafor", "Jan de Vries", "Łucja Nowak-Kowalska", "Ó Briain", "Mei-Ling Chen", "Zoë"};

        for (int n = 0; n < 200; n++) {
            JsonObject patient = Json.createObjectBuilder()
                    .add("hmsPatientId", "p-" + Integer.toString(random.nextInt(1 << 30), 36))
                    .add("hmsName", names[random.nextInt(names.length)] + " " + (char) ('A' + random.nextInt(26)))
                    .build();

            Conversion.Converted fhir = there.convert(patient.toString());
            assertThat(fhir.errors()).as("to FHIR: %s", patient).isEmpty();
            assertThat(fhir.warnings()).extracting(Issue::message).allSatisfy(m -> assertThat(m).contains("dom-6"));
            Conversion.Converted hms = back.convert(fhir.text());

            assertThat(hms.errors()).as("back to HMS: %s", fhir.text()).isEmpty();
            assertThat(parse(hms.text())).as("round trip of %s", patient).isEqualTo(patient);
        }
    }

    @Test
    void refusesASourceThatIsNotTheDeclaredResource() {
        Conversion.Converted result = conversion("patient-fhir-to-hms")
                .convert("{\"resourceType\":\"Practitioner\",\"id\":\"dr-1\"}");
        Conversion.Converted unknownElement = conversion("patient-fhir-to-hms")
                .convert("{\"resourceType\":\"Patient\",\"id\":\"p-1\",\"nickname\":\"Ami\"}");

        assertThat(result.errors()).extracting(Issue::toString)
                .containsExactly("source: the payload is not valid FHIR_R4: expected a Patient, found a Practitioner");
        assertThat(unknownElement.errors()).extracting(Issue::message).singleElement().asString()
                .contains("unknown element 'nickname'");
    }

    static Conversion conversion(String key) {
        try {
            return Conversion.compile(MappingBenchmark.template(key));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
