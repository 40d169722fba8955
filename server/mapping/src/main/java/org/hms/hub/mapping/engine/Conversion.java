package org.hms.hub.mapping.engine;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole mapping as a definition declares it: the formats of both sides ({@code "xml"} and {@code "fhir"}
 * declarations; JSON where none is made) and the rules, their paths checked against a declared FHIR shape.
 * Reads a payload of the source format, runs the rules, writes the target format. Pure and thread-safe.
 */
public final class Conversion {

    private final Mapping mapping;
    private final XmlFormat sourceXml;
    private final XmlFormat targetXml;
    private final FhirFormat sourceFhir;
    private final FhirFormat targetFhir;

    private Conversion(Mapping mapping, XmlFormat sourceXml, XmlFormat targetXml, FhirFormat sourceFhir,
                       FhirFormat targetFhir) {
        this.mapping = mapping;
        this.sourceXml = sourceXml;
        this.targetXml = targetXml;
        this.sourceFhir = sourceFhir;
        this.targetFhir = targetFhir;
    }

    /** Compiles a definition; every broken declaration or rule is an issue of the exception. */
    public static Conversion compile(JsonObject definition) {
        List<Issue> issues = new ArrayList<>();
        XmlFormat[] xml = new XmlFormat[2];
        FhirFormat[] fhir = new FhirFormat[2];
        String[] sides = {"source", "target"};
        for (int i = 0; i < 2; i++) {
            try {
                xml[i] = XmlFormat.declared(definition, sides[i]);
            } catch (IllegalArgumentException e) {
                issues.add(new Issue("xml." + sides[i], null, e.getMessage()));
            }
            try {
                fhir[i] = FhirFormat.declared(definition, sides[i]);
            } catch (IllegalArgumentException e) {
                issues.add(new Issue("fhir." + sides[i], null, e.getMessage()));
            }
            if (xml[i] != null && fhir[i] != null) {
                issues.add(new Issue("fhir." + sides[i], null, "the " + sides[i] + " is declared both XML and FHIR"));
            }
        }
        Mapping mapping = null;
        try {
            mapping = Mappings.compile(definition, fhir[0] != null ? fhir[0].shape() : Shape.ANY,
                    fhir[1] != null ? fhir[1].shape() : Shape.ANY);
        } catch (InvalidMappingException e) {
            issues.addAll(e.issues());
        }
        if (!issues.isEmpty()) {
            throw new InvalidMappingException(issues);
        }
        return new Conversion(mapping, xml[0], xml[1], fhir[0], fhir[1]);
    }

    /** {@code JSON}, {@code XML} or {@code FHIR_R4}. */
    public String sourceFormat() {
        return sourceXml != null ? "XML" : sourceFhir != null ? "FHIR_R4" : "JSON";
    }

    public String targetFormat() {
        return targetXml != null ? "XML" : targetFhir != null ? "FHIR_R4" : "JSON";
    }

    /** The FHIR resource type of a side, or null when that side is not FHIR. */
    public String fhirType(String side) {
        FhirFormat f = side.equals("source") ? sourceFhir : targetFhir;
        return f == null ? null : f.resourceType();
    }

    /** Reads a payload of the source format; throws {@link IllegalArgumentException} saying what is wrong. */
    public JsonValue read(String payload) {
        if (sourceXml != null) {
            return sourceXml.readJson(payload);
        }
        if (sourceFhir != null) {
            return sourceFhir.read(payload);
        }
        try {
            return Tree.parse(payload);
        } catch (JsonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
    }

    /** Runs the rules on a read payload and writes the target; with any error there is no text. */
    public Converted apply(JsonValue input) {
        MappingResult result = mapping.apply(input);
        if (!result.ok()) {
            return new Converted(null, null, result.trace(), result.warnings(), result.errors());
        }
        if (targetXml != null) {
            return new Converted(targetXml.writeJson(result.output()), "application/xml", result.trace(),
                    result.warnings(), List.of());
        }
        if (targetFhir != null) {
            FhirFormat.Written written = targetFhir.write(result.output());
            List<Issue> warnings = new ArrayList<>(result.warnings());
            warnings.addAll(written.warnings());
            return new Converted(written.text(), written.text() == null ? null : targetFhir.contentType(),
                    result.trace(), warnings, written.errors());
        }
        return new Converted(result.output().toString(), "application/json", result.trace(), result.warnings(),
                List.of());
    }

    /** Reads and converts a payload; a payload that is not of the source format is an error of the result. */
    public Converted convert(String payload) {
        JsonValue input;
        try {
            input = read(payload);
        } catch (IllegalArgumentException e) {
            return new Converted(null, null, List.of(), List.of(), List.of(new Issue("source", null,
                    "the payload is not valid " + sourceFormat() + ": " + e.getMessage())));
        }
        return apply(input);
    }

    /** The output text and its media type (absent with errors), the trace, warnings and errors. */
    public record Converted(String text, String contentType, List<Step> trace, List<Issue> warnings,
                            List<Issue> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }
}
