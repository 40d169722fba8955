package org.hms.hub.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hub's third-party libraries (HAPI FHIR and its validator, Flyway, the PostgreSQL driver, …), which the launcher
 * gives Payara Micro as application libraries ({@code deploy --libraries}) instead of inside the WAR.
 *
 * <p>Why: before it deploys a WAR, Payara builds a model of every class in it — all 80 jars of {@code WEB-INF/lib},
 * some 25,000 classes, whatever {@code glassfish-web.xml}'s scanning filter says — and its sniffers then walk that
 * model. That took about 4.5 s of a start on the single thread that deploys (flight recording and Payara's deployment
 * trace, docs/performance.md). Application libraries are not part of that model; the launcher's WAR holds the hub's
 * own jars only ({@code hub-app-launcher.war}, built beside the full WAR that the integration tests and the EAR use).
 *
 * <p>Payara loads each application library with a class loader of its own, so a library could not see the libraries
 * it depends on (HAPI's structures could not find {@code hapi-fhir-base}). The launcher therefore gives Payara one
 * library: a jar holding nothing but a manifest whose {@code Class-Path} names every library, which makes all of
 * them one class loader. The delegation is the same as inside the WAR: Payara's own classes first, then the
 * libraries, then the hub's jars.
 */
final class ApplicationLibraries {

    private ApplicationLibraries() {
    }

    /**
     * Writes {@code target}: an otherwise empty jar whose manifest's {@code Class-Path} lists, as absolute
     * {@code file:} URLs, every jar in {@code libraries} (in name order). Rewritten at each start, so a new build's
     * libraries are what the next start loads.
     *
     * @return how many libraries it names
     * @throws IllegalStateException when the directory is missing or holds no jar (the hub is not built)
     */
    static int writeClassPathJar(Path libraries, Path target) throws IOException {
        if (!Files.isDirectory(libraries)) {
            throw new IllegalStateException(libraries + " is missing; " + Main.BUILD_FIRST);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(libraries)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().collect(Collectors.toList());
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException(libraries + " holds no library jar; " + Main.BUILD_FIRST);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, jars.stream()
                .map(j -> j.toAbsolutePath().normalize().toUri().toString()).collect(Collectors.joining(" ")));
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.finish();
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return jars.size();
    }
}
