package org.hms.hub.mapping.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every directory under {@code golden/} is a case: {@code mapping.json} applied to {@code input.json} (or
 * {@code input.xml}) gives {@code expected.json} (or {@code expected.xml}), or the errors listed in
 * {@code expected-errors.txt}. {@code format.json} declares the XML conventions of source and target.
 */
class GoldenFilesTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenFilesTest.class.getResource("/golden").toURI());
        return Files.list(root).filter(Files::isDirectory).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsInputToExpectedOutput(Path dir) throws IOException {
        Mapping mapping = Mappings.compile((JsonObject) read(dir.resolve("mapping.json")));

        JsonObject formats = Files.exists(dir.resolve("format.json")) ? (JsonObject) read(dir.resolve("format.json"))
                : jakarta.json.JsonValue.EMPTY_JSON_OBJECT;
        JsonValue input = Files.exists(dir.resolve("input.xml"))
                ? xml(formats.getJsonObject("source")).readJson(Files.readString(dir.resolve("input.xml")))
                : read(dir.resolve("input.json"));

        MappingResult result = mapping.apply(input);

        Path errors = dir.resolve("expected-errors.txt");
        if (Files.exists(errors)) {
            assertThat(result.ok()).isFalse();
            assertThat(result.output()).as("no output when a rule failed").isNull();
            assertThat(result.errors()).extracting(Issue::toString)
                    .containsExactlyElementsOf(Files.readAllLines(errors, StandardCharsets.UTF_8).stream()
                            .filter(l -> !l.isBlank()).toList());
        } else {
            assertThat(result.errors()).as("errors").isEmpty();
            if (Files.exists(dir.resolve("expected.xml"))) {
                assertThat(xml(formats.getJsonObject("target")).writeJson(result.output()))
                        .isEqualTo(Files.readString(dir.resolve("expected.xml")).strip());
            } else {
                assertThat(result.output()).isEqualTo(read(dir.resolve("expected.json")));
            }
            assertThat(result.trace()).as("a step per rule applied").isNotEmpty();
        }
    }

    private static XmlFormat xml(JsonObject format) {
        return new XmlFormat(format.getString("root"), format.containsKey("arrays")
                ? format.getJsonArray("arrays").getValuesAs(jakarta.json.JsonString::getString).stream()
                .collect(java.util.stream.Collectors.toSet()) : java.util.Set.of());
    }

    static JsonValue read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return reader.readValue();
        }
    }

}
