package org.hms.hub.launcher;

import fish.payara.micro.BootstrapException;
import fish.payara.micro.ClusterCommandResult;
import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;
import fish.payara.micro.boot.AdminCommandRunner;
import java.net.URISyntaxException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import org.hms.hub.broker.EmbeddedBroker;

/**
 * Starts the whole hub in this JVM: the embedded Artemis broker (unless an external one is named), then Payara
 * Micro with the Artemis resource adapter and the hub WAR at context root {@code /}, its third-party jars given as
 * application libraries ({@link ApplicationLibraries}). Everything listens on 127.0.0.1 only. Ctrl-C (SIGTERM)
 * stops Payara first, then the broker, so no message is in flight.
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    private static final String RAR_NAME = "artemis-rar";
    /** How long a stop waits for the embedded broker's consumers to finish the messages they hold. */
    private static final Duration DRAIN = Duration.ofSeconds(10);
    private static final String PAYARA_HOOK = "Payara Micro Shutdown Hook";
    /** What every "the launcher's files are not there" message ends with. */
    static final String BUILD_FIRST = "build the hub first (mvn -DskipTests install)";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(ClassArchive.CREATE_OPTION)) {
            createClassArchive();
            return;
        }
        LaunchSettings settings;
        try {
            settings = LaunchSettings.parse(args, System.getenv());
            settings.dataSourceClass();
            settings.brokerHostPort();
        } catch (LaunchSettings.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.print(LaunchSettings.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new Main().run(settings);
        } catch (Exception e) {
            System.err.println("The hub could not start: " + e.getMessage());
            LOG.log(java.util.logging.Level.SEVERE, "Start-up failed", e);
            System.exit(1);
        }
    }

    private static void createClassArchive() {
        try {
            Path home = home();
            System.out.println(ClassArchive.create(home));
        } catch (Exception e) {
            System.err.println("The class archive could not be created: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run(LaunchSettings settings) throws Exception {
        long started = System.nanoTime();
        Path home = home();
        if (!ClassArchive.isTrainingRun()) {
            ClassArchive.startAdvice(home, java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
                    .ifPresent(advice -> LOG.log(advice.warning() ? java.util.logging.Level.WARNING
                            : java.util.logging.Level.INFO, advice.text()));
        }
        Path war = home.resolve("deploy/hub-app.war");
        Path rar = home.resolve("deploy/artemis-rar.rar");
        for (Path p : new Path[] {war, rar}) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(p + " is missing; " + BUILD_FIRST);
            }
        }
        Files.createDirectories(settings.dataDir());
        Path libraries = settings.dataDir().resolve("libraries.jar").toAbsolutePath();
        if (libraries.toString().contains(",")) {
            // deploy --libraries separates its paths with commas
            throw new IllegalStateException("The data directory's path must not contain a comma: " + libraries.getParent());
        }
        ApplicationLibraries.writeClassPathJar(home.resolve("deploy/libs"), libraries);
        TrustAnchors.prepare(settings.dataDir().resolve("truststore.p12"), new java.util.Date()).ifPresentOrElse(
                outcome -> LOG.info(outcome.describe()),
                () -> LOG.info("This JDK has no trust store of its own; using Payara Micro's"));
        configureApplication(settings);

        // The embedded broker starts on a thread of its own while Payara boots (about a second of the start); Payara
        // waits for it before it deploys the resource adapter, the first of its parts that connects to it. It starts
        // once Payara has configured logging (pre-boot), which would otherwise turn its audit loggers back on.
        CompletableFuture<EmbeddedBroker> brokerStart = new CompletableFuture<>();
        Thread starter = settings.embeddedBroker() ? new Thread(() -> {
                try {
                    EmbeddedBroker broker = EmbeddedBroker.start(settings.dataDir().resolve("artemis"),
                            settings.host(), settings.brokerPort());
                    if (settleInDoubt()) {
                        broker.settlePrepared(CommitTokens.lookup(settings, home.resolve("deploy/libs")));
                    }
                    brokerStart.complete(broker);
                } catch (Throwable e) {
                    brokerStart.completeExceptionally(e);
                }
            }, "hub-broker-start") : null;
        if (starter == null) {
            brokerStart.complete(null);
        }
        PayaraRuntime.prepare(home);
        PayaraMicro micro = PayaraMicro.getInstance();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(micro, starter, brokerStart), "hub-shutdown"));

        String[] brokerAt = settings.brokerHostPort();
        micro.setHttpPort(settings.httpPort());
        micro.setPrintLogo(false);
        micro.setNoHazelcast(true);
        micro.setPreBootHandler(admin -> {
            if (starter != null) {
                starter.start();
            }
            run(admin, "set", "configs.config.server-config.network-config.network-listeners.network-listener"
                    + ".http-listener.address=" + settings.host());
            // Payara Micro keeps its transaction log in a temporary directory that a restart replaces, so the log
            // can never serve a recovery (in-doubt branches are settled at start instead: settle-in-doubt). Writing
            // it is pure cost: a synchronized file write per prepare and per commit of every two-phase commit.
            run(admin, "set", "configs.config.server-config.transaction-service.property"
                    + ".disable-distributed-transaction-logging=true");
        });
        micro.setPostBootHandler(admin -> {
            // Payara's logging configuration replaces the levels set before boot: keep the embedded broker's audit
            // loggers (every message with its body, at INFO) off
            run(admin, "set-log-levels", "org.apache.activemq.audit.base=OFF:org.apache.activemq.audit.message=OFF"
                    + ":org.apache.activemq.audit.resource=OFF");
            run(admin, "create-resource-adapter-config", "--property",
                    "ConnectionParameters=host\\=" + brokerAt[0] + ";port\\=" + brokerAt[1], RAR_NAME);
            awaitBroker(brokerStart);
            run(admin, "deploy", "--name", RAR_NAME, "--type", "rar", rar.toString());
            run(admin, "deploy", "--name", "hub", "--contextroot", "/", "--libraries", libraries.toString(),
                    war.toString());
        });
        PayaraMicroRuntime runtime = micro.bootStrap();
        takeOverPayaraStop();
        if (!runtime.getDeployedApplicationNames().contains("hub")) {
            throw new IllegalStateException("Payara Micro did not deploy " + war + "; see the log above");
        }

        String base = "http://" + settings.host() + ":" + settings.httpPort();
        awaitReady(base + "/health/ready", Duration.ofSeconds(120));
        // Deployment leaves a heap of garbage (annotation scanning, descriptors, the first transactions) that G1
        // would keep committed for as long as the hub idles: about 150 MiB of resident memory. One full collection,
        // once, right after start, gives it back to the system (a pause of a few hundred milliseconds).
        System.gc();
        System.out.printf("%nHMS Integration Hub ready in %.1f s at %s/api  (health: %s/health, data: %s)%n%n",
                (System.nanoTime() - started) / 1e9, base, base, settings.dataDir());
        if (ClassArchive.isTrainingRun()) {
            System.exit(0); // stops the hub (shutdown hook); the JVM then writes the class archive
        }
    }

    /**
     * {@code hub.startup.settle-in-doubt} (system property, or {@code HUB_STARTUP_SETTLE_IN_DOUBT}), default true:
     * the key the application reads to settle the database's in-doubt branches, here applied to the embedded
     * broker's.
     */
    static boolean settleInDoubt() {
        String v = System.getProperty("hub.startup.settle-in-doubt", System.getenv("HUB_STARTUP_SETTLE_IN_DOUBT"));
        return v == null || !v.trim().equalsIgnoreCase("false");
    }

    static final String STARTUP_THREAD_POLICY = "org.glassfish.startupThreadPolicy";

    /**
     * Payara starts its services in run levels; by default several threads start the services of a level at once.
     * That start can fail on a race inside HK2 ({@code ConcurrentModificationException} in
     * {@code SystemDescriptor.invokeInstanceListeners}, "Failed to start, exiting"; seen once in CI, and reported as
     * Payara issue 6101). One thread starts them in order instead, which costs nothing measurable on two cores
     * (14.0 s against 14.3 s in alternating starts). An operator's own setting is kept.
     */
    static void startServicesOnOneThread() {
        if (System.getProperty(STARTUP_THREAD_POLICY) == null) {
            System.setProperty(STARTUP_THREAD_POLICY, "USE_NO_THREADS");
        }
    }

    /** Passes the database settings and the data directory to the application as MicroProfile Config system properties. */
    private static void configureApplication(LaunchSettings settings) {
        startServicesOnOneThread();
        System.setProperty("h2.bindAddress", settings.host());
        System.setProperty("hub.datasource.class-name", settings.dataSourceClass());
        System.setProperty("hub.datasource.url", settings.dbUrl());
        System.setProperty("hub.datasource.user", settings.dbUser());
        System.setProperty("hub.datasource.password", settings.dbPassword());
        System.setProperty("hub.data-dir", settings.dataDir().toAbsolutePath().toString());
    }

    private static void run(AdminCommandRunner admin, String command, String... args) {
        ClusterCommandResult result = admin.run(command, args);
        if (result.getExitStatus() == ClusterCommandResult.ExitStatus.FAILURE) {
            throw new IllegalStateException("asadmin " + command + " failed: " + result.getOutput(),
                    result.getFailureCause());
        }
    }

    private static void awaitReady(String url, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                // Payara answers /health/ready with no checks until the hub itself is deployed
                if (response.statusCode() == 200 && response.body().matches("(?s).*\"name\"\\s*:\\s*\"broker\".*")) {
                    return;
                }
                last = response.body();
            } catch (java.io.IOException e) {
                last = e.getMessage();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("not ready after " + timeout.toSeconds() + " s: " + last);
    }

    /** Waits for the embedded broker's start (done at once for an external one); its failure stops the start. */
    private static void awaitBroker(CompletableFuture<EmbeddedBroker> brokerStart) {
        try {
            brokerStart.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("The embedded broker did not start: " + cause.getMessage(), cause);
        }
    }

    private static void stop(PayaraMicro micro, Thread starter, CompletableFuture<EmbeddedBroker> brokerStart) {
        EmbeddedBroker running = brokerStart.isDone() && !brokerStart.isCompletedExceptionally()
                ? brokerStart.getNow(null) : null;
        if (running != null) {
            drain(running);
        }
        try {
            micro.shutdown();
        } catch (BootstrapException | RuntimeException e) {
            LOG.warning("Payara Micro did not stop cleanly: " + e.getMessage());
        }
        if (starter != null && !starter.isAlive() && !brokerStart.isDone()) {
            return; // Payara stopped before its pre-boot handler started the broker: nothing to wait for
        }
        EmbeddedBroker broker;
        try {
            // stopped while the broker was still starting: let it finish, then stop it
            broker = brokerStart.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return; // it never started (its failure was reported by the start), or it hangs: nothing to stop
        }
        if (broker != null) {
            try {
                // Payara Micro's own shutdown hook may run beside this one (a stop during the start, before
                // takeOverPayaraStop): the broker stops only once Payara has stopped and the hub has closed its
                // connections, so that no transaction is cut between its database commit and its broker commit.
                awaitPayaraStopped(Duration.ofSeconds(60));
                if (!broker.awaitClientsGone(Duration.ofSeconds(5))) {
                    LOG.warning("The hub still had broker connections after it stopped; stopping the broker anyway");
                }
                broker.close();
            } catch (Exception e) {
                LOG.warning("The broker did not stop cleanly: " + e.getMessage());
            }
        }
    }

    /**
     * Lets the hub's consumers finish the messages they hold before Payara stops: Payara's stop does not wait for
     * them, and a transaction it cuts between its database commit and its broker commit loses what it sent (an
     * audit event, a call's result). The queues stay paused until the broker stops; what arrives meanwhile waits
     * for the next start. Reports on standard error: the JDK's logging may already be closing (its own shutdown
     * hook runs beside this one).
     */
    private static void drain(EmbeddedBroker broker) {
        long started = System.nanoTime();
        try {
            long left = broker.drain(DRAIN);
            long ms = (System.nanoTime() - started) / 1_000_000;
            System.err.println(left > 0
                    ? "HMS Integration Hub stopping although its consumers still hold " + left + " message(s) after "
                            + ms + " ms; that work is done again at the next start"
                    : "HMS Integration Hub stopping: its consumers finished the messages they held (" + ms + " ms)");
        } catch (Exception e) {
            System.err.println("HMS Integration Hub stopping without waiting for its consumers: " + e);
        }
    }

    /**
     * Removes Payara Micro's own shutdown hook, which would stop Payara at once, beside the launcher's, so that the
     * launcher's hook decides the order: drain the consumers, stop Payara, stop the broker. Without it (a JDK that
     * hides its hook list) both run, as before.
     */
    private static void takeOverPayaraStop() {
        try {
            Class<?> hooks = Class.forName("java.lang.ApplicationShutdownHooks");
            java.lang.reflect.Field field = hooks.getDeclaredField("hooks");
            field.setAccessible(true); // the launcher's manifest opens java.lang (Add-Opens)
            java.util.List<Thread> payara;
            synchronized (hooks) {
                payara = ((java.util.Map<?, ?>) field.get(null)).keySet().stream().map(Thread.class::cast)
                        .filter(t -> PAYARA_HOOK.equals(t.getName())).toList();
            }
            payara.forEach(Runtime.getRuntime()::removeShutdownHook);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "Payara Micro's shutdown hook stays: " + e);
        }
    }

    /** Waits for Payara Micro's shutdown hook thread ("Payara Micro Shutdown Hook"), if it runs, to finish. */
    private static void awaitPayaraStopped(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && PAYARA_HOOK.equals(t.getName())) {
                t.join(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (t.isAlive()) {
                    LOG.warning("Payara Micro had not stopped after " + timeout.toSeconds() + " s");
                }
            }
        }
    }

    /** The directory of the launcher jar; lib/ and deploy/ are beside it. */
    private static Path home() throws URISyntaxException {
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent();
    }
}
