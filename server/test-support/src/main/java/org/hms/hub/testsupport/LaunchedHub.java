package org.hms.hub.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hub started the way the README starts it — the launcher jar in a JVM of its own (with its class archive,
 * {@code hms-hub.jsa}, when the build wrote one), embedded broker and H2 under a data directory — so that
 * tests can stop it, kill it (SIGKILL) and start it again on the same data.
 * System properties: {@code it.launcher.jar}, {@code it.http.port}, {@code it.hub.broker.port} (or
 * {@code it.hub.broker}: HOST:PORT of an external broker), {@code it.hub.db.url}, {@code it.hub.db.user}, {@code it.hub.db.password} (the launcher's
 * database options; H2 under the data directory without them), {@code it.hub.xmx} (heap, default 512m), {@code it.hub.jvm.args} (more JVM options,
 * space-separated, e.g. a flight recording).
 */
public final class LaunchedHub implements AutoCloseable {

    private final Path data;
    private final String adminPassword;
    private final List<String> extraProperties;
    private final URI base;
    private Process process;
    private int starts;

    private LaunchedHub(Path data, String adminPassword, List<String> extraProperties) {
        this.data = data;
        this.adminPassword = adminPassword;
        this.extraProperties = extraProperties;
        this.base = URI.create("http://127.0.0.1:" + System.getProperty("it.http.port"));
    }

    /** Starts a hub on an empty data directory and waits until it is ready. */
    public static LaunchedHub start(Path data, String adminPassword, String... systemProperties)
            throws IOException, InterruptedException {
        deleteTree(data);
        Files.createDirectories(data);
        LaunchedHub hub = new LaunchedHub(data, adminPassword, List.of(systemProperties));
        hub.launch();
        return hub;
    }

    public URI base() {
        return base;
    }

    /** The server log of the current run. */
    public Path log() {
        return data.resolve("hub-" + starts + ".log");
    }

    /** Kills the JVM without warning (SIGKILL): no shutdown hook, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts it again on the same data and waits until it is ready. */
    public void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            close();
        }
        launch();
    }

    public long pid() {
        return process.pid();
    }

    private void launch() throws IOException, InterruptedException {
        starts++;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms128m", "-Xmx" + System.getProperty("it.hub.xmx", "512m")));
        // as the README starts it: with the class archive the build wrote beside the launcher jar, when it is there
        Path archive = Path.of(System.getProperty("it.launcher.jar")).toAbsolutePath().resolveSibling("hms-hub.jsa");
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        String jvmArgs = System.getProperty("it.hub.jvm.args", "").trim();
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+")));
        }
        extraProperties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-jar", System.getProperty("it.launcher.jar"), "--http-port",
                System.getProperty("it.http.port"), "--data-dir", data.toString()));
        String dbUrl = System.getProperty("it.hub.db.url");
        if (dbUrl != null) {
            command.addAll(List.of("--db-url", dbUrl, "--db-user", System.getProperty("it.hub.db.user", "postgres"),
                    "--db-password", System.getProperty("it.hub.db.password", "postgres")));
        }
        String external = System.getProperty("it.hub.broker");
        command.addAll(external != null ? List.of("--broker", external)
                : List.of("--broker-port", System.getProperty("it.hub.broker.port")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile());
        builder.environment().put("HUB_SECURITY_INITIAL_ADMIN_PASSWORD", adminPassword);
        process = builder.start();
        awaitReady(Duration.ofSeconds(120));
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The hub exited with " + process.exitValue() + "; see " + log());
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
            Thread.sleep(300);
        }
        throw new IllegalStateException("The hub was not ready within " + timeout.toSeconds() + " s; see " + log());
    }

    /** Stops it the polite way (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
