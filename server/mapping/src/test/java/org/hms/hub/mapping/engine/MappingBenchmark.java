package org.hms.hub.mapping.engine;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Throughput of the mapping engine on one thread over ≈1 KiB HMS-API orders: seed 000's order mapping (JSON →
 * JSON), and the built-in order → FHIR R4 ServiceRequest template (rules, HAPI's validator against the base R4
 * profiles, HAPI's encoding), with the FHIR steps also measured alone. A harness, not a test: run it as
 * docs/mapping.md says; it prints its figures.
 */
public final class MappingBenchmark {

    private MappingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        JsonObject order = order();
        String orderText = order.toString();
        int bytes = orderText.getBytes(StandardCharsets.UTF_8).length;

        Mapping oms = Mappings.compile(template("order-api-to-oms"));
        Conversion fhir = Conversion.compile(template("order-api-to-fhir-servicerequest"));
        Conversion.Converted sample = fhir.convert(orderText);
        if (!sample.ok()) {
            throw new IllegalStateException("the ServiceRequest template failed: " + sample.errors());
        }
        System.out.printf("one thread, a %d-byte HMS-API order (6 items); %s%n", bytes,
                sample.warnings().isEmpty() ? "the ServiceRequest validates clean" : "warnings: " + sample.warnings());
        FhirFormat serviceRequest = FhirFormat.declared(template("order-api-to-fhir-servicerequest"), "target");

        measure("JSON -> OMS JSON (seed 000 rules)", seconds, () -> oms.apply(order).ok());
        Mapping fhirRules = Mappings.compile(template("order-api-to-fhir-servicerequest"));
        measure("JSON -> FHIR ServiceRequest, rules only", seconds, () -> fhirRules.apply(order).ok());
        measure("JSON -> FHIR ServiceRequest structure (read, rules, HAPI parse + encode)", seconds, () -> {
            JsonObject built = fhirRules.apply(fhir.read(orderText)).output().asJsonObject();
            String json = Tree.json().createObjectBuilder().add("resourceType", "ServiceRequest").addAll(
                    Tree.json().createObjectBuilder(built)).build().toString();
            return !FhirValidation.R4.newJsonParser().encodeResourceToString(
                    FhirValidation.R4.newJsonParser().parseResource(json)).isEmpty();
        });
        measure("JSON -> FHIR ServiceRequest, whole (read, rules, validate, encode)", seconds,
                () -> fhir.convert(orderText).ok());
        measure("  of which HAPI validation alone", seconds,
                () -> FhirValidation.validate(sample.text()).errors().isEmpty());
        measure("  of which HAPI parse + encode alone", seconds,
                () -> !FhirValidation.R4.newJsonParser().encodeResourceToString(
                        FhirValidation.R4.newJsonParser().parseResource(sample.text())).isEmpty());
    }

    private static void measure(String what, long seconds, BooleanSupplier op) {
        long warmEnd = System.nanoTime() + Math.min(seconds, 5) * 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            op.getAsBoolean();
        }
        long ops = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 20; i++) {
                if (!op.getAsBoolean()) {
                    throw new IllegalStateException(what + ": failed");
                }
            }
            ops += 20;
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-70s %,10.0f ops/s  %8.1f us/op%n", what, ops / s, s * 1e6 / ops);
    }

    static JsonObject template(String key) throws java.io.IOException {
        try (InputStream in = MappingBenchmark.class.getResourceAsStream("/org/hms/hub/mapping/templates/" + key + ".json")) {
            return Json.createReader(in).readObject().getJsonObject("definition");
        }
    }

    static JsonObject order() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < 6; i++) {
            items.add(Json.createObjectBuilder().add("sku", "LAB-" + (1000 + i)).add("qty", String.valueOf(i + 1))
                    .add("note", "fasting sample, collect before 09:00"));
        }
        return Json.createObjectBuilder().add("id", 4711).add("patient_id", "p-20931").add("title",
                        "  Blood panel and lipids  ").add("user_id", 12)
                .add("status", "pending").add("items", items).add("created_at", "2026-11-20T08:15:00+01:00")
                .add("updated_at", "2026-11-20T09:00:00+01:00").add("ward", "Cardiology 3B")
                .add("requested_by", "Dr. A. Okafor").add("clinical_notes", "Follow-up after statin change; patient"
                        + " reports muscle pain. Check CK and liver enzymes as well.").add("priority", "routine").build();
    }
}
