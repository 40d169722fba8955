package org.hms.hub.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.LaunchedHub;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar hms-hub.jar --create-class-archive} on the built launcher: a training start writes
 * {@code hms-hub.jsa}, a second call finds it current, and a hub started with it (as the README starts it) loads
 * most of its classes from it.
 */
class ClassArchiveIT {

    private final Path jar = Path.of(System.getProperty("it.launcher.jar")).toAbsolutePath();
    private final Path archive = jar.resolveSibling("hms-hub.jsa");

    @Test
    void writesAnArchiveThatTheNextStartLoadsItsClassesFrom() throws Exception {
        Files.deleteIfExists(archive);

        assertThat(createArchive()).contains("Class archive written: " + archive);
        assertThat(archive).isRegularFile();
        assertThat(createArchive()).contains("The class archive " + archive + " is up to date");

        Path classLog = Path.of(System.getProperty("it.data.dir")).resolveSibling("class-archive-it-classes.log");
        Files.deleteIfExists(classLog);
        // -Xshare:on: the JVM does not start at all unless it can use the archive
        System.setProperty("it.hub.jvm.args", "-Xshare:on -Xlog:class+load=info:file=" + classLog);
        try (LaunchedHub hub = LaunchedHub.start(Path.of(System.getProperty("it.data.dir")), Hub.adminPassword())) {
            String log = Files.readString(hub.log(), StandardCharsets.UTF_8);
            assertThat(log).doesNotContain("Unable to use shared archive").doesNotContain("class archive");
            long fromArchive;
            try (Stream<String> lines = Files.lines(classLog)) {
                fromArchive = lines.filter(l -> l.endsWith("source: shared objects file (top)")).count();
            }
            assertThat(fromArchive).as("classes loaded from hms-hub.jsa").isGreaterThan(10_000);
        } finally {
            System.clearProperty("it.hub.jvm.args");
        }
    }

    private String createArchive() throws Exception {
        Path out = Files.createTempFile("class-archive-it", ".log");
        try {
            Process create = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms16m", "-Xmx64m", "-jar", jar.toString(), ClassArchive.CREATE_OPTION)
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(create.waitFor(6, TimeUnit.MINUTES)).as("finished").isTrue();
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(create.exitValue()).as(output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
