package org.hms.hub.app.logscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hms.hub.testsupport.TestSecrets;
import org.junit.jupiter.api.Test;

/**
 * Runs after all other integration tests (a failsafe execution of its own): the server output of the whole run
 * (every IT class's Payara Micro, captured in failsafe-reports/*-output.txt) holds none of the passwords and
 * secrets the tests gave the hub, and no bearer token.
 */
class ServerLogIT {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.");

    @Test
    void holdsNoSecretPasswordOrTokenOfTheRun() throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("it.server.logs")))) {
            logs = files.filter(p -> p.getFileName().toString().endsWith("-output.txt"))
                    .filter(p -> !p.getFileName().toString().contains("logscan")).toList();
        }
        assertThat(logs).as("server output of the IT classes").hasSizeGreaterThanOrEqualTo(3);
        StringBuilder all = new StringBuilder();
        for (Path log : logs) {
            all.append(Files.readString(log, StandardCharsets.UTF_8));
        }
        String text = all.toString();
        assertThat(text).as("the output of real runs").contains("Payara Micro").contains("Hub instance");

        for (String secret : TestSecrets.all()) {
            assertThat(text).as("server output").doesNotContain(secret);
        }
        assertThat(JWT.matcher(text).find()).as("a JWT in the server output").isFalse();
    }
}
