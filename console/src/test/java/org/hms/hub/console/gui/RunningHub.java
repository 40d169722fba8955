package org.hms.hub.console.gui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real hub for the console's GUI tests: the launcher jar the build made, started as its own process with
 * the README's heap flags, on reserved ports and a fresh data directory; stopped with SIGTERM.
 */
final class RunningHub implements AutoCloseable {

    private final Process process;
    private final URI base;

    private RunningHub(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static RunningHub start(String adminPassword) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("it.launcher.jar"));
        Path data = Path.of(System.getProperty("it.data.dir"));
        deleteTree(data);
        Files.createDirectories(data);
        String port = System.getProperty("it.http.port");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms128m", "-Xmx512m", "-jar", jar.toString(), "--http-port", port, "--data-dir",
                data.toString(), "--broker-port", System.getProperty("it.hub.broker.port")))
                .redirectErrorStream(true).redirectOutput(data.resolve("hub.log").toFile());
        builder.environment().put("HUB_SECURITY_INITIAL_ADMIN_PASSWORD", adminPassword);
        RunningHub hub = new RunningHub(builder.start(), URI.create("http://127.0.0.1:" + port));
        hub.awaitReady(Duration.ofSeconds(120));
        return hub;
    }

    URI base() {
        return base;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The hub exited with " + process.exitValue() + "; see its log in "
                        + System.getProperty("it.data.dir"));
            }
            try {
                // Payara answers UP before the hub is deployed (no checks yet): wait for the hub's own checks
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"broker\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The hub was not ready within " + timeout.toSeconds() + " s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
