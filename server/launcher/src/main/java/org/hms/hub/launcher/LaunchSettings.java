package org.hms.hub.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the launcher starts, from command-line flags, then environment variables, then defaults.
 *
 * @param brokerAddress {@code null} to run the embedded broker, else {@code host:port} of an external one
 */
public record LaunchSettings(String host, int httpPort, Path dataDir, String dbUrl, String dbUser,
                             String dbPassword, String brokerAddress, int brokerPort) {

    static final String USAGE = """
            Usage: java -jar hms-hub.jar [options]
              --http-port N        HTTP port on 127.0.0.1 (env HUB_HTTP_PORT, default 8080)
              --data-dir DIR       where the database and broker journal live (env HUB_DATA_DIR, default ./data)
              --db-url URL         JDBC URL (env HUB_DB_URL, default an H2 file under the data directory);
                                   jdbc:postgresql://... selects PostgreSQL
              --db-user USER       database user (env HUB_DB_USER, default hub)
              --db-password PW     database password (env HUB_DB_PASSWORD, default hub)
              --broker HOST:PORT   use an external Artemis broker instead of the embedded one (env HUB_BROKER)
              --broker-port N      port of the embedded broker on 127.0.0.1 (env HUB_BROKER_PORT, default 61616)
              --create-class-archive
                                   (alone) write hms-hub.jsa beside hms-hub.jar, the class archive a start
                                   with -XX:SharedArchiveFile=hms-hub.jsa uses, and exit (about 45 s)
              --help               this text
            """;

    public static LaunchSettings parse(String[] args, Map<String, String> env) {
        Map<String, String> flags = flags(args);
        Path dataDir = Path.of(value(flags, env, "data-dir", "HUB_DATA_DIR", "data")).toAbsolutePath().normalize();
        String defaultUrl = "jdbc:h2:file:" + dataDir.resolve("h2").resolve("hub") + ";DB_CLOSE_ON_EXIT=FALSE";
        return new LaunchSettings("127.0.0.1",
                port(value(flags, env, "http-port", "HUB_HTTP_PORT", "8080"), "http-port"),
                dataDir,
                value(flags, env, "db-url", "HUB_DB_URL", defaultUrl),
                value(flags, env, "db-user", "HUB_DB_USER", "hub"),
                value(flags, env, "db-password", "HUB_DB_PASSWORD", "hub"),
                value(flags, env, "broker", "HUB_BROKER", null),
                port(value(flags, env, "broker-port", "HUB_BROKER_PORT", "61616"), "broker-port"));
    }

    /**
     * The datasource class for the configured database. Both are plain (non-XA) datasources: the database joins
     * each transaction as its last agent — the broker's branches are prepared, the database commits, then they
     * commit — which saves PostgreSQL a {@code PREPARE TRANSACTION} and a {@code COMMIT PREPARED} (two durable
     * writes) per transaction and guarantees no less here, where no transaction log survives a restart (see
     * docs/architecture.md, "Transactions").
     */
    public String dataSourceClass() {
        if (dbUrl.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.ds.PGSimpleDataSource";
        }
        if (dbUrl.startsWith("jdbc:h2:")) {
            return "org.hms.hub.platform.data.H2DataSource";
        }
        throw new IllegalArgumentException("Unsupported database URL " + dbUrl
                + ": use jdbc:h2:... or jdbc:postgresql://...");
    }

    public boolean embeddedBroker() {
        return brokerAddress == null;
    }

    /** Host and port of the broker the resource adapter connects to. */
    public String[] brokerHostPort() {
        if (embeddedBroker()) {
            return new String[] {host, Integer.toString(brokerPort)};
        }
        int colon = brokerAddress.lastIndexOf(':');
        if (colon <= 0 || colon == brokerAddress.length() - 1) {
            throw new IllegalArgumentException("--broker must be HOST:PORT, got " + brokerAddress);
        }
        String port = brokerAddress.substring(colon + 1);
        port(port, "broker");
        return new String[] {brokerAddress.substring(0, colon), port};
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new java.util.HashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new UsageException(null);
            }
            if (arg.equals(ClassArchive.CREATE_OPTION)) {
                throw new UsageException(arg + " is given alone: it writes the class archive and exits");
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (!rest.isEmpty()) {
                value = rest.remove(0);
            } else {
                throw new UsageException("Option --" + name + " needs a value");
            }
            if (!USAGE.contains("--" + name + " ")) {
                throw new UsageException("Unknown option --" + name);
            }
            flags.put(name, value);
        }
        return flags;
    }

    private static String value(Map<String, String> flags, Map<String, String> env, String flag, String envName,
                                String fallback) {
        String v = flags.get(flag);
        if (v == null || v.isBlank()) {
            v = env.get(envName);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int port(String text, String what) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + what + " must be a port number (1-65535), got " + text);
        }
    }

    /** A command line the launcher cannot act on; the message says why ({@code null}: help was asked for). */
    public static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}
