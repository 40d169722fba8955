package org.hms.hub.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.hms.hub.bench.noop.NoOpApplication;
import org.hms.hub.bench.noop.NoOpResource;
import org.hms.hub.broker.EmbeddedBroker;

/**
 * The order benchmark's same-run baselines, each measured with what the hub's figure is compared to:
 * (a) bare Payara Micro (the jar the launcher embeds) serving one no-op JAX-RS endpoint, driven by the same HTTP
 * client, concurrency and body as the webhook intake; (b) the machine's durable-commit limit — per item one
 * PostgreSQL insert (its own commit) and one persistent message sent to and received from the hub's broker
 * configuration (a transacted receive), through the same database server and the same disk, without the hub.
 */
final class Baselines {

    private Baselines() {
    }

    /** Requests per second of a no-op endpoint in bare Payara Micro. */
    static double noOpEndpoint(Path work, int requests, int concurrency, String body) throws Exception {
        Path war = work.resolve("noop.war");
        Files.createDirectories(work);
        writeWar(war);
        Path micro;
        try (var files = Files.list(Path.of(System.getProperty("bench.payara.dir", "server/launcher/target/lib")))) {
            micro = files.filter(p -> p.getFileName().toString().startsWith("payara-micro")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No payara-micro jar in server/launcher/target/lib;"
                            + " build with mvn -DskipTests install first"));
        }
        int port = BenchSupport.freePort();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-jar", micro.toString(), "--deploy", war.toString(), "--contextroot", "/",
                "--port", Integer.toString(port), "--nocluster", "--nohazelcast", "--noHostAware")
                .redirectErrorStream(true).redirectOutput(work.resolve("noop-payara.log").toFile()).start();
        try {
            URI url = URI.create("http://127.0.0.1:" + port + "/noop");
            HttpClient http = HttpClient.newHttpClient();
            BenchSupport.await("bare Payara Micro to answer", () -> {
                try {
                    return http.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }, Duration.ofMinutes(2));
            BenchSupport.post(url, Math.min(2000, requests), concurrency, 202, i -> new BenchSupport.Post(body));
            long start = System.nanoTime();
            BenchSupport.post(url, requests, concurrency, 202, i -> new BenchSupport.Post(body));
            return requests / ((System.nanoTime() - start) / 1e9);
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static void writeWar(Path war) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
            for (Class<?> c : List.of(NoOpApplication.class, NoOpResource.class)) {
                String name = c.getName().replace('.', '/') + ".class";
                zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + name));
                try (InputStream in = Baselines.class.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    /** Items per second, each one PostgreSQL insert plus one persistent send and one transacted receive. */
    static double durableCommits(Path work, String database, int items, int concurrency) throws Exception {
        BenchSupport.recreatePostgres(database);
        String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        try (java.sql.Connection c = DriverManager.getConnection(url, "postgres", "");
             var s = c.createStatement()) {
            s.execute("CREATE TABLE item (id BIGINT PRIMARY KEY, payload VARCHAR NOT NULL, created_at "
                    + "TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
        }
        Path dir = work.resolve("baseline-broker");
        BenchSupport.deleteTree(dir);
        int port = BenchSupport.freePort();
        EmbeddedBroker broker = EmbeddedBroker.start(dir, "127.0.0.1", port);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port)) {
            String payload = "{\"title\":\"baseline item\",\"items\":[{\"sku\":\"x\",\"qty\":1}]}";
            run(url, factory, 0, Math.min(1000, items), concurrency, payload);
            long start = System.nanoTime();
            run(url, factory, 1_000_000, items, concurrency, payload);
            return items / ((System.nanoTime() - start) / 1e9);
        } finally {
            broker.close();
        }
    }

    private static void run(String url, ActiveMQConnectionFactory factory, long firstId, int items, int concurrency,
                            String payload) throws Exception {
        AtomicInteger next = new AtomicInteger();
        BenchSupport.inParallel(concurrency, () -> {
            try (java.sql.Connection db = DriverManager.getConnection(url, "postgres", "");
                 PreparedStatement insert = db.prepareStatement("INSERT INTO item (id, payload) VALUES (?, ?)");
                 Connection jms = factory.createConnection()) {
                jms.start();
                Session sendSession = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Session receiveSession = jms.createSession(true, Session.SESSION_TRANSACTED);
                Queue queue = sendSession.createQueue("baseline.items");
                MessageProducer producer = sendSession.createProducer(queue);
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                MessageConsumer consumer = receiveSession.createConsumer(receiveSession.createQueue(
                        "baseline.items"));
                int i;
                while ((i = next.getAndIncrement()) < items) {
                    insert.setLong(1, firstId + i);
                    insert.setString(2, payload);
                    insert.executeUpdate();
                    producer.send(sendSession.createTextMessage(payload));
                    if (consumer.receive(30_000) == null) {
                        throw new IllegalStateException("No message received within 30 s");
                    }
                    receiveSession.commit();
                }
            }
            return null;
        });
    }
}
