package org.hms.hub.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationLibrariesTest {

    @TempDir
    Path dir;

    @Test
    void makesEveryLibraryVisibleThroughOneClassLoader() throws Exception {
        // a directory with a space, as installations under "Program Files" or a user's home may have
        Path libs = Files.createDirectories(dir.resolve("hub home/deploy/libs"));
        library(libs.resolve("fhir-base-1.0.jar"), "org/example/base.txt", "base");
        library(libs.resolve("fhir-structures-1.0.jar"), "org/example/structures.txt", "structures");
        Files.writeString(libs.resolve("README.txt"), "not a library");
        Path target = dir.resolve("data/libraries.jar");

        int named = ApplicationLibraries.writeClassPathJar(libs, target);

        assertThat(named).isEqualTo(2);
        try (JarFile jar = new JarFile(target.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path"))
                    .isEqualTo(libs.resolve("fhir-base-1.0.jar").toUri() + " " + libs.resolve("fhir-structures-1.0.jar").toUri());
            assertThat(jar.stream().map(JarEntry::getName)).containsOnly("META-INF/MANIFEST.MF");
        }
        // what Payara does with one application library: a class loader over that jar alone
        try (URLClassLoader loader = new URLClassLoader(new URL[] {target.toUri().toURL()}, null)) {
            assertThat(read(loader, "org/example/base.txt")).isEqualTo("base");
            assertThat(read(loader, "org/example/structures.txt")).isEqualTo("structures");
        }
        assertThat(target.resolveSibling("libraries.jar.partial")).doesNotExist();
    }

    @Test
    void replacesTheClassPathOfAnEarlierBuild() throws Exception {
        Path libs = Files.createDirectories(dir.resolve("libs"));
        library(libs.resolve("guava-33.2.1.jar"), "com/example/a.txt", "old");
        Path target = dir.resolve("libraries.jar");
        ApplicationLibraries.writeClassPathJar(libs, target);
        Files.delete(libs.resolve("guava-33.2.1.jar"));
        library(libs.resolve("guava-33.3.0.jar"), "com/example/a.txt", "new");

        ApplicationLibraries.writeClassPathJar(libs, target);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {target.toUri().toURL()}, null)) {
            assertThat(read(loader, "com/example/a.txt")).isEqualTo("new");
        }
    }

    @Test
    void refusesToStartWithoutTheLibraries() throws IOException {
        Path target = dir.resolve("libraries.jar");
        assertThatThrownBy(() -> ApplicationLibraries.writeClassPathJar(dir.resolve("deploy/libs"), target))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("deploy/libs is missing; build the hub first");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ApplicationLibraries.writeClassPathJar(empty, target))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds no library jar");
        assertThat(target).doesNotExist();
    }

    private static void library(Path jar, String entry, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry(entry));
            j.write(content.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
    }

    private static String read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
