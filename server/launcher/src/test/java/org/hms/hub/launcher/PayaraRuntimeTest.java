package org.hms.hub.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's start with the real unpacked runtime is covered by the launcher's ITs, which start hms-hub.jar. */
class PayaraRuntimeTest {

    @TempDir
    Path home;

    @Test
    void stopsTheStartWhenTheUnpackedRuntimeIsMissing() {
        assertThatThrownBy(() -> PayaraRuntime.prepare(home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(home.resolve("payara").resolve("payara-runtime.jar").toString())
                .hasMessageContaining("build the hub first");
    }

    @Test
    void stopsTheStartWhenTheRuntimeIsNotOnTheClassPath() throws Exception {
        // the files are there, but this JVM was not started with java -jar hms-hub.jar: Payara's implementation,
        // nested in payara-micro.jar on this test's class path, is not loadable
        Files.createDirectories(home.resolve("payara/runtime"));
        Files.write(home.resolve("payara/payara-runtime.jar"), new byte[0]);
        String before = System.getProperty(PayaraRuntime.BOOT_JAR_PROPERTY);

        assertThatThrownBy(() -> PayaraRuntime.prepare(home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not on the class path")
                .hasMessageContaining("java -jar " + home.resolve("hms-hub.jar"));
        assertThat(System.getProperty(PayaraRuntime.BOOT_JAR_PROPERTY)).isEqualTo(before);
    }
}
