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
 * Every directory under {@code golden/} is a case: {@code mapping.json} applied to {@code input.json} gives
 * {@code expected.json}, or the errors listed in {@code expected-errors.txt}.
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

        MappingResult result = mapping.apply(read(dir.resolve("input.json")));

        Path errors = dir.resolve("expected-errors.txt");
        if (Files.exists(errors)) {
            assertThat(result.ok()).isFalse();
            assertThat(result.output()).as("no output when a rule failed").isNull();
            assertThat(result.errors()).extracting(Issue::toString)
                    .containsExactlyElementsOf(Files.readAllLines(errors, StandardCharsets.UTF_8).stream()
                            .filter(l -> !l.isBlank()).toList());
        } else {
            assertThat(result.errors()).as("errors").isEmpty();
            assertThat(result.output()).isEqualTo(read(dir.resolve("expected.json")));
            assertThat(result.trace()).as("a step per rule applied").isNotEmpty();
        }
    }

    static JsonValue read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return reader.readValue();
        }
    }

}
