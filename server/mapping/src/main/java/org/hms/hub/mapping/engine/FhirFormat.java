package org.hms.hub.mapping.engine;

import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A FHIR R4 side of a mapping, declared as {@code "fhir": {"source" | "target": {"resourceType": "Patient",
 * "encoding": "json" | "xml"}}}. A source is read through HAPI's structures (FHIR JSON or XML; an unknown
 * element or a malformed value is an error, not dropped) and given to the rules as FHIR JSON. A target is what
 * the rules built, checked by HAPI's validator against the base R4 profiles; with any error there is no output.
 */
public final class FhirFormat {

    private final RuntimeResourceDefinition resource;
    private final boolean xml;

    private FhirFormat(RuntimeResourceDefinition resource, boolean xml) {
        this.resource = resource;
        this.xml = xml;
    }

    /** The declaration of one side ({@code "source"} or {@code "target"}), or null when that side is not FHIR. */
    public static FhirFormat declared(JsonObject definition, String side) {
        if (!(definition.get("fhir") instanceof JsonObject fhir) || !(fhir.get(side) instanceof JsonObject format)) {
            return null;
        }
        String type = format.getString("resourceType", null);
        String encoding = format.getString("encoding", "json");
        if (!encoding.equals("json") && !encoding.equals("xml")) {
            throw new IllegalArgumentException("encoding is \"json\" or \"xml\"");
        }
        return new FhirFormat(resourceDefinition(type), encoding.equals("xml"));
    }

    static RuntimeResourceDefinition resourceDefinition(String type) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a FHIR side needs its \"resourceType\" (Patient, ServiceRequest, …)");
        }
        try {
            return FhirValidation.R4.getResourceDefinition(type);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("'" + type + "' is not a FHIR R4 resource type");
        }
    }

    public String resourceType() {
        return resource.getName();
    }

    public String contentType() {
        return xml ? "application/fhir+xml" : "application/fhir+json";
    }

    Shape shape() {
        return FhirShape.of(resource);
    }

    /** Reads a FHIR resource (JSON or XML) of the declared type into the JSON the rules read. */
    public JsonValue read(String text) {
        String body = text == null ? "" : text.strip();
        Problems problems = new Problems();
        IParser parser = (body.startsWith("<") ? FhirValidation.R4.newXmlParser() : FhirValidation.R4.newJsonParser())
                .setParserErrorHandler(problems);
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(body);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a FHIR resource: " + e.getMessage());
        }
        if (!problems.found.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems.found));
        }
        String type = FhirValidation.R4.getResourceType(parsed);
        if (!type.equals(resource.getName())) {
            throw new IllegalArgumentException("expected a " + resource.getName() + ", found a " + type);
        }
        return Tree.parse(FhirValidation.R4.newJsonParser().encodeResourceToString(parsed));
    }

    /**
     * Writes what the rules built as the declared resource: {@code resourceType} is filled in, the result is
     * validated, and only a valid resource is encoded.
     */
    Written write(JsonValue built) {
        JsonObject object = built.getValueType() == JsonValue.ValueType.OBJECT ? built.asJsonObject() : null;
        if (object == null) {
            return Written.failed(List.of(new Issue("fhir", null, "the rules built a " + built.getValueType()
                    + ", not a FHIR resource object")), List.of());
        }
        if (!object.containsKey("resourceType")) {
            object = Tree.json().createObjectBuilder().add("resourceType", resource.getName()).addAll(
                    Tree.json().createObjectBuilder(object)).build();
        } else if (!resource.getName().equals(object.getString("resourceType", null))) {
            return Written.failed(List.of(new Issue("fhir", "resourceType", "the target is a " + resource.getName()
                    + "; the rules wrote resourceType " + object.get("resourceType"))), List.of());
        }
        String json = object.toString();
        FhirValidation.Findings findings = FhirValidation.validate(json);
        if (!findings.errors().isEmpty()) {
            return Written.failed(findings.errors(), findings.warnings());
        }
        IBaseResource parsed = FhirValidation.R4.newJsonParser().parseResource(json);
        IParser encoder = xml ? FhirValidation.R4.newXmlParser() : FhirValidation.R4.newJsonParser();
        return new Written(encoder.encodeResourceToString(parsed), List.of(), findings.warnings());
    }

    /** The resource as text, or the errors that keep it from being written; warnings either way. */
    record Written(String text, List<Issue> errors, List<Issue> warnings) {
        static Written failed(List<Issue> errors, List<Issue> warnings) {
            return new Written(null, errors, warnings);
        }
    }

    /** Collects what HAPI's parser finds wrong instead of logging and dropping it. */
    private static final class Problems extends ErrorHandlerAdapter {
        final List<String> found = new ArrayList<>();

        @Override
        public void unknownElement(IParseLocation location, String name) {
            found.add(at(location) + "unknown element '" + name + "'");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String name) {
            found.add(at(location) + "unknown attribute '" + name + "'");
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            found.add(at(location) + "invalid value '" + value + "': " + error);
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String name) {
            found.add(at(location) + "'" + name + "' repeats but may occur once");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String name, ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType expected,
                                      ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType expectedScalar,
                                      ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType found,
                                      ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType foundScalar) {
            this.found.add(at(location) + "'" + name + "' should be " + (expectedScalar != null ? expectedScalar : expected)
                    + ", found " + (foundScalar != null ? foundScalar : found));
        }

        private static String at(IParseLocation location) {
            return location == null || location.getParentElementName() == null ? ""
                    : "in " + location.getParentElementName() + ": ";
        }
    }
}
