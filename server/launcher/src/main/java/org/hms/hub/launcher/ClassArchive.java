package org.hms.hub.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The hub's class-data archive, {@code hms-hub.jsa} beside the launcher jar: the JVM's own dynamic class-data
 * sharing (CDS) archive of every class a start of the hub loads, parsed and verified once. A JVM started with
 * {@code -XX:SharedArchiveFile=hms-hub.jsa} maps those classes instead of reading, parsing and verifying them from
 * some 400 jars, which is a good part of the start's CPU time on a small machine.
 * <p>
 * {@code java -jar hms-hub.jar --create-class-archive} writes it: it starts the hub in a second JVM with
 * {@code -XX:ArchiveClassesAtExit} on a throw-away data directory, embedded H2 and broker, free ports and none of
 * the {@code HUB_*} environment (a training start never touches the real database), waits until it is ready and
 * stops it; that JVM writes the archive as it exits. The build does this at {@code install}.
 * <p>
 * The JVM uses an archive only with the same Java build and the same class path: the same directory and the same
 * files, by size and modification time. Otherwise it says "Unable to use shared archive" and starts without it
 * (more slowly); {@link #startAdvice} says so too, with what to do.
 */
final class ClassArchive {

    static final String FILE_NAME = "hms-hub.jsa";
    static final String CREATE_OPTION = "--create-class-archive";
    /** Set on the training JVM: the launcher stops the hub once it is ready, and the JVM writes the archive. */
    static final String TRAINING_PROPERTY = "hub.launcher.class-archive-training";
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

    private ClassArchive() {
    }

    /** The archive of the launcher in {@code home}. */
    static Path file(Path home) {
        return home.resolve(FILE_NAME);
    }

    /** Whether this JVM is a training start, to be stopped as soon as the hub is ready. */
    static boolean isTrainingRun() {
        return Boolean.getBoolean(TRAINING_PROPERTY);
    }

    /**
     * Writes {@code home/hms-hub.jsa} unless the one there is current ({@link #isCurrent}); returns a line saying
     * what was done.
     *
     * @throws IllegalStateException when the training start fails (with the end of its log)
     */
    static String create(Path home) throws IOException, InterruptedException {
        Path archive = file(home);
        long begun = System.nanoTime();
        if (isCurrent(home, archive)) {
            return "The class archive " + archive + " is up to date.";
        }
        if (!starts(javaExecutable(), "-Xshare:on", "-Xmx32m", "-version")) {
            // a dynamic archive extends the JDK's own (lib/server/classes.jsa), which some JDK builds do not ship
            return "No class archive written: this Java (" + javaExecutable() + ") has no class-data archive of its "
                    + "own to extend (java -Xshare:dump, run by the JDK's owner, writes one). The hub starts without "
                    + "one, more slowly.";
        }
        System.out.println("Writing the class archive " + archive + ": a start of the hub on a throw-away data "
                + "directory (about 45 s)...");
        Path work = Files.createTempDirectory("hms-hub-class-archive");
        Path partial = home.resolve(FILE_NAME + ".partial");
        Files.deleteIfExists(partial);
        try {
            Path log = work.resolve("training.log");
            ProcessBuilder builder = new ProcessBuilder(trainingCommand(home, partial, work.resolve("data")))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("HUB_"));
            Process training = builder.start();
            if (!training.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                training.destroyForcibly().waitFor();
                throw new IllegalStateException("The training start did not finish within "
                        + TRAINING_TIMEOUT.toMinutes() + " minutes; the end of its log:\n" + tail(log));
            }
            if (training.exitValue() != 0 || !Files.isRegularFile(partial)) {
                throw new IllegalStateException("The training start failed (exit " + training.exitValue()
                        + ", no archive written); the end of its log:\n" + tail(log));
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
            deleteTree(work);
        }
        if (!usable(home, archive)) {
            throw new IllegalStateException("This JVM cannot use the class archive it has just written: " + archive);
        }
        return String.format("Class archive written: %s (%d MiB, in %.0f s). Start the hub with -XX:SharedArchiveFile=%s",
                archive, Files.size(archive) >> 20, (System.nanoTime() - begun) / 1e9, archive);
    }

    /**
     * Whether {@code archive} exists, this JVM accepts it for the launcher's class path, and it is newer than the
     * deployments (whose classes the JVM does not check against it, only uses when they match).
     */
    static boolean isCurrent(Path home, Path archive) throws IOException, InterruptedException {
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        FileTime written = Files.getLastModifiedTime(archive);
        return newestFile(home.resolve("deploy")).map(newest -> newest.compareTo(written) < 0).orElse(true)
                && usable(home, archive);
    }

    /**
     * What to tell the operator about the archive at a normal start, given this JVM's arguments: nothing when the
     * archive named is there and not older than the launcher's files (the JVM itself warns when it still cannot use
     * it), else why the start is slower and how to fix it.
     */
    static Optional<Advice> startAdvice(Path home, List<String> jvmArguments) throws IOException {
        Path archive = file(home);
        String named = null;
        for (String argument : jvmArguments) {
            if (argument.startsWith("-XX:SharedArchiveFile=")) {
                named = argument.substring("-XX:SharedArchiveFile=".length());
            }
        }
        String create = "java -jar " + home.resolve("hms-hub.jar") + " " + CREATE_OPTION;
        if (named == null) {
            return Optional.of(new Advice(false, "Started without the class archive: start with -XX:SharedArchiveFile="
                    + archive + " for a faster start"
                    + (Files.isRegularFile(archive) ? "" : " (create it first: " + create + ")")));
        }
        Path given = Path.of(named).toAbsolutePath();
        if (!Files.isRegularFile(given)) {
            return Optional.of(new Advice(true, "The class archive " + given
                    + " does not exist, so this start is slower; create it: " + create));
        }
        FileTime written = Files.getLastModifiedTime(given);
        Optional<FileTime> newest = newestFile(home.resolve("hms-hub.jar"), home.resolve("lib"),
                home.resolve("payara"), home.resolve("deploy"));
        if (newest.isPresent() && newest.get().compareTo(written) > 0) {
            return Optional.of(new Advice(true, "The class archive " + given
                    + " is older than the hub's files, so this start is slower; recreate it: " + create));
        }
        return Optional.empty();
    }

    /** What {@link #startAdvice} tells: a warning (an archive was asked for and cannot serve) or a hint. */
    record Advice(boolean warning, String text) {
    }

    /** The training JVM: the README's heap flags, the archive written at exit, a throw-away hub. */
    private static List<String> trainingCommand(Path home, Path partial, Path data) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(List.of("-Xms128m", "-Xmx768m", "-XX:ArchiveClassesAtExit=" + partial,
                "-D" + TRAINING_PROPERTY + "=true", "-jar", home.resolve("hms-hub.jar").toString(),
                "--data-dir", data.toString(), "--http-port", Integer.toString(freePort()),
                "--broker-port", Integer.toString(freePort())));
        return command;
    }

    /** Whether a JVM like this one starts with {@code archive} and the launcher's class path ({@code -Xshare:on}). */
    private static boolean usable(Path home, Path archive) throws IOException, InterruptedException {
        return starts(javaExecutable(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xmx32m",
                "-cp", home.resolve("hms-hub.jar").toString(), ClassArchive.class.getName());
    }

    /** Whether a JVM started with {@code command} exits with 0 within a minute. */
    private static boolean starts(String... command) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!check.waitFor(60, TimeUnit.SECONDS)) {
            check.destroyForcibly().waitFor();
            return false;
        }
        return check.exitValue() == 0;
    }

    /** The check's JVM: it has started, which is all it has to do. */
    public static void main(String[] args) {
        // nothing: the JVM accepted the archive, or it would not have started
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The newest modification time of the files among {@code paths} (files, or directories walked), if any. */
    private static Optional<FileTime> newestFile(Path... paths) throws IOException {
        Optional<FileTime> newest = Optional.empty();
        for (Path path : paths) {
            if (Files.exists(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    Optional<FileTime> here = files.filter(Files::isRegularFile).map(ClassArchive::modifiedUnchecked)
                            .max(FileTime::compareTo);
                    if (here.isPresent() && (newest.isEmpty() || here.get().compareTo(newest.get()) > 0)) {
                        newest = here;
                    }
                }
            }
        }
        return newest;
    }

    private static FileTime modifiedUnchecked(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
