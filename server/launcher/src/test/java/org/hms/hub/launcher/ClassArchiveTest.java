package org.hms.hub.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing the archive with a real hub start, and a start using it, are covered by {@code ClassArchiveIT}. */
class ClassArchiveTest {

    @TempDir
    Path home;

    private Path archive;

    @BeforeEach
    void launcherFiles() throws Exception {
        archive = home.resolve("hms-hub.jsa");
        Files.createDirectories(home.resolve("lib"));
        Files.createDirectories(home.resolve("payara/runtime"));
        Files.createDirectories(home.resolve("deploy/libs"));
        for (Path p : List.of(home.resolve("hms-hub.jar"), home.resolve("lib/a.jar"),
                home.resolve("payara/runtime/b.jar"), home.resolve("deploy/hub-app.war"))) {
            Files.write(p, new byte[] {1});
            Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        }
    }

    @Test
    void hintsAtTheArchiveWhenStartedWithoutOne() throws Exception {
        ClassArchive.Advice advice = ClassArchive.startAdvice(home, List.of("-Xmx768m")).orElseThrow();

        assertThat(advice.warning()).isFalse();
        assertThat(advice.text()).contains("-XX:SharedArchiveFile=" + archive)
                .contains("create it first: java -jar " + home.resolve("hms-hub.jar") + " --create-class-archive");
    }

    @Test
    void warnsWhenTheArchiveNamedDoesNotExist() throws Exception {
        ClassArchive.Advice advice = ClassArchive.startAdvice(home,
                List.of("-XX:SharedArchiveFile=" + archive)).orElseThrow();

        assertThat(advice.warning()).isTrue();
        assertThat(advice.text()).contains(archive + " does not exist").contains("--create-class-archive");
    }

    @Test
    void warnsWhenAnyOfTheLaunchersFilesIsNewerThanTheArchive() throws Exception {
        Files.write(archive, new byte[] {1});
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-12-02T10:00:00Z")));
        Files.setLastModifiedTime(home.resolve("payara/runtime/b.jar"),
                FileTime.from(Instant.parse("2026-12-03T10:00:00Z")));

        ClassArchive.Advice advice = ClassArchive.startAdvice(home,
                List.of("-XX:SharedArchiveFile=" + archive)).orElseThrow();

        assertThat(advice.warning()).isTrue();
        assertThat(advice.text()).contains("older than the hub's files").contains("--create-class-archive");
    }

    @Test
    void saysNothingWhenTheArchiveNamedIsNewerThanTheLaunchersFiles() throws Exception {
        Files.write(archive, new byte[] {1});
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-12-02T10:00:00Z")));
        // the data directory may live beside the launcher: its files do not count
        Files.createDirectories(home.resolve("data"));
        Files.write(home.resolve("data/hub.mv.db"), new byte[] {1});

        assertThat(ClassArchive.startAdvice(home, List.of("-Xms128m", "-XX:SharedArchiveFile=" + archive)))
                .isEmpty();
    }

    @Test
    void reportsAFailedTrainingStartWithTheEndOfItsLog() {
        // hms-hub.jar here is no jar: the training JVM cannot start it
        assertThatThrownBy(() -> ClassArchive.create(home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The training start failed")
                .hasMessageContaining("hms-hub.jar");
        assertThat(archive).doesNotExist();
        assertThat(home.resolve("hms-hub.jsa.partial")).doesNotExist();
    }
}
