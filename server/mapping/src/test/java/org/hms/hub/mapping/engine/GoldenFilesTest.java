package org.hms.hub.mapping.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every directory under {@code golden/} is a case: {@code mapping.json} (with its {@code "fhir"} declarations;
 * {@code format.json} holds the XML conventions of source and target) applied to {@code input.json} or
 * {@code input.xml} gives {@code expected.json} or {@code expected.xml}, or the errors listed in
 * {@code expected-errors.txt}; a definition that must be refused when saved lists its issues in
 * {@code expected-invalid.txt}.
 */
class GoldenFilesTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenFilesTest.class.getResource("/golden").toURI());
        return Files.list(root).filter(Files::isDirectory).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsInputToExpectedOutput(Path dir) throws IOException {
        JsonObject definition = definition(dir);
        if (Files.exists(dir.resolve("expected-invalid.txt"))) {
            List<String> expected = lines(dir, "expected-invalid.txt");
            assertThatThrownBy(() -> Conversion.compile(definition)).isInstanceOfSatisfying(InvalidMappingException.class,
                    e -> assertThat(e.issues()).extracting(Issue::toString).containsExactlyElementsOf(expected));
            return;
        }
        Conversion conversion = Conversion.compile(definition);
        String input = Files.readString(dir.resolve(Files.exists(dir.resolve("input.xml")) ? "input.xml" : "input.json"));

        Conversion.Converted result = conversion.convert(input);

        if (Files.exists(dir.resolve("expected-errors.txt"))) {
            assertThat(result.ok()).isFalse();
            assertThat(result.text()).as("no output when a rule failed or the output is invalid").isNull();
            assertThat(result.errors()).extracting(Issue::toString).containsExactlyElementsOf(lines(dir, "expected-errors.txt"));
        } else {
            assertThat(result.errors()).as("errors").isEmpty();
            if (Files.exists(dir.resolve("expected.xml"))) {
                assertThat(result.text()).isEqualTo(Files.readString(dir.resolve("expected.xml")).strip());
            } else {
                assertThat(parse(result.text())).isEqualTo(read(dir.resolve("expected.json")));
            }
            if (conversion.targetFormat().equals("FHIR_R4")) {
                assertThat(result.warnings()).as("FHIR output validates clean but for the narrative recommendation")
                        .allSatisfy(w -> assertThat(w.message()).contains("dom-6"));
            }
            assertThat(result.trace()).as("a step per rule applied").isNotEmpty();
        }
    }

    /** The case's mapping, with the XML conventions of {@code format.json} declared in it. */
    private static JsonObject definition(Path dir) throws IOException {
        JsonObject mapping = (JsonObject) read(dir.resolve("mapping.json"));
        if (!Files.exists(dir.resolve("format.json"))) {
            return mapping;
        }
        return Json.createObjectBuilder(mapping).add("xml", read(dir.resolve("format.json"))).build();
    }

    private static List<String> lines(Path dir, String file) throws IOException {
        return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    static JsonValue read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return reader.readValue();
        }
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
