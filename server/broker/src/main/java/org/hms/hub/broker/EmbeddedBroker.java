package org.hms.hub.broker;

import java.nio.file.Path;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An Artemis broker inside the hub's JVM: a persistent journal in a directory of its own, one CORE acceptor on
 * the given loopback host and port (no AMQP, MQTT, STOMP or OpenWire), and the hub's addresses with redelivery
 * (1 s, doubling, at most 10 min, 10 attempts) ending in the dead-letter address {@value #DEAD_LETTERS}.
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String DEAD_LETTERS = "hub.dlq";
    /** The audit trail's subscription to {@code hub.events} (the hub's {@code Jms.AUDIT_QUEUE}). */
    public static final String AUDIT_QUEUE = "hub-audit.hub-audit";
    public static final String EXPIRED = "hub.expired";

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());

    /**
     * Artemis's audit loggers write every message (with its body) at INFO; bodies may carry patient data, so they
     * stay off. Held here so that the configured level is not lost when the logger is collected.
     */
    private static final java.util.List<Logger> SILENCED = java.util.stream.Stream.of(
                    "org.apache.activemq.audit.base", "org.apache.activemq.audit.message",
                    "org.apache.activemq.audit.resource")
            .map(Logger::getLogger)
            .peek(l -> l.setLevel(java.util.logging.Level.OFF))
            .toList();

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final String host;
    private final int port;

    private EmbeddedBroker(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Starts a broker whose journal lives under {@code dataDir}; it keeps its messages across restarts. */
    public static EmbeddedBroker start(Path dataDir, String host, int port) throws Exception {
        requireFree(host, port);
        // again: a logging configuration read since this class was loaded (Payara's, at boot) resets levels
        SILENCED.forEach(l -> l.setLevel(java.util.logging.Level.OFF));
        EmbeddedBroker broker = new EmbeddedBroker(host, port);
        broker.server.setConfiguration(configuration(dataDir, host, port));
        broker.server.start();
        LOG.info(() -> "Embedded Artemis broker listening on " + host + ":" + port + ", journal in " + dataDir);
        return broker;
    }

    /**
     * Artemis logs an acceptor that cannot bind its port and starts anyway, without listening: the hub would then
     * connect to whatever holds the port (on this machine RabbitMQ holds 5672) and retry for ever. The port is
     * therefore tried first, and a taken one stops the start with the reason.
     */
    private static void requireFree(String host, int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(host + ":" + port + " is taken by another program (" + e.getMessage()
                    + "); the embedded broker needs a port of its own: choose one with --broker-port or HUB_BROKER_PORT");
        }
    }

    static Configuration configuration(Path dataDir, String host, int port) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("hub-broker")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dataDir.toString())
                .setJournalMinFiles(2)
                .setJournalPoolFiles(10);
        config.addAcceptorConfiguration("core", "tcp://" + host + ":" + port + "?protocols=CORE");

        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(DEAD_LETTERS))
                .setExpiryAddress(org.apache.activemq.artemis.api.core.SimpleString.of(EXPIRED))
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(600_000)
                .setMaxDeliveryAttempts(10)
                .setMaxSizeBytes(64L * 1024 * 1024)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));

        // hub.events: every domain event; the audit trail's durable subscription is configured here (not created by
        // a subscriber), so that it exists, and keeps every event, from the broker's first start on
        config.addAddressConfiguration(new CoreAddressConfiguration().setName("hub.events")
                .addRoutingType(RoutingType.MULTICAST)
                .addQueueConfiguration(QueueConfiguration.of(AUDIT_QUEUE).setAddress("hub.events")
                        .setRoutingType(RoutingType.MULTICAST).setDurable(true)));
        for (String queue : new String[] {"hub.inbound", "hub.deliveries", "hub.publish", "hub.orders", "hub.order-results",
                DEAD_LETTERS, EXPIRED}) {
            config.addAddressConfiguration(new CoreAddressConfiguration().setName(queue)
                    .addRoutingType(RoutingType.ANYCAST)
                    .addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST)));
        }
        return config;
    }

    /**
     * The message property that carries the commit token of the transaction that sent the message (the hub's
     * {@code CommitMarkers.PROPERTY}).
     */
    public static final String COMMIT_TOKEN = "hubTransaction";

    /** What {@link #settlePrepared} did: how many branches it committed and how many it rolled back. */
    public record Settled(int committed, int rolledBack) {
    }

    /**
     * Rolls back every XA transaction branch an earlier run left prepared (presumed abort, as the hub's tests do
     * between servers); see {@link #settlePrepared}. Returns how many there were.
     */
    public int rollBackPrepared() throws Exception {
        return settlePrepared(tokens -> java.util.Set.of()).rolledBack();
    }

    /**
     * Settles the XA transaction branches an earlier run of the hub left prepared in this broker. A hub stopped or
     * killed between the two phases of a commit leaves its branch here prepared, holding the messages it consumed
     * (never redelivered) and the messages it sent (never visible); the hub's transaction manager keeps its log in
     * a temporary directory, so no recovery would ever settle them.
     * <p>
     * The database decided each such transaction: it commits last, and a transaction that sent messages wrote its
     * commit token there in that commit and put it on every message it sent ({@value #COMMIT_TOKEN}). So the
     * branches of one global transaction are committed when a message one of them <em>sent</em> carries a token that
     * {@code committed} reports as committed (its messages then go out, as the rows committed with them expect), and
     * rolled back otherwise — presumed abort: what was consumed is delivered again and processed by the idempotent
     * consumers, what was sent is sent again by the redone work. Tokens on consumed messages are those of earlier
     * transactions and are not looked at.
     *
     * @param committed given the tokens found, answers those that the database holds (an empty set when it cannot
     *                  tell, which rolls every branch back)
     */
    public Settled settlePrepared(java.util.function.Function<java.util.Set<String>, java.util.Set<String>> committed)
            throws Exception {
        org.apache.activemq.artemis.core.server.ActiveMQServer active = server.getActiveMQServer();
        org.apache.activemq.artemis.api.core.management.ActiveMQServerControl control =
                active.getActiveMQServerControl();
        org.apache.activemq.artemis.core.transaction.ResourceManager resources = active.getResourceManager();
        java.util.List<javax.transaction.xa.Xid> prepared = resources.getPreparedTransactions();
        if (prepared.isEmpty()) {
            return new Settled(0, 0);
        }
        // what each branch holds (the addresses it sent to, the messages it consumed), for whoever reads the log
        String details = control.listPreparedTransactionDetailsAsJSON();
        LOG.info(() -> "Transaction branches left prepared by an earlier run: "
                + details.substring(0, Math.min(details.length(), 8_000)));

        java.util.Map<String, java.util.List<javax.transaction.xa.Xid>> branches = new java.util.LinkedHashMap<>();
        java.util.Map<String, java.util.Set<String>> tokens = new java.util.HashMap<>();
        for (javax.transaction.xa.Xid xid : prepared) {
            String global = xid.getFormatId() + ":" + java.util.HexFormat.of().formatHex(xid.getGlobalTransactionId());
            branches.computeIfAbsent(global, g -> new java.util.ArrayList<>()).add(xid);
            java.util.Set<String> sent = tokens.computeIfAbsent(global, g -> new java.util.HashSet<>());
            org.apache.activemq.artemis.core.transaction.Transaction tx = resources.getTransaction(xid);
            if (tx == null) {
                continue;
            }
            for (var operation : tx.getAllOperations()) {
                if (operation instanceof org.apache.activemq.artemis.core.server.impl.RefsOperation) {
                    continue; // the messages the branch consumed
                }
                for (var ref : operation.getRelatedMessageReferences()) {
                    String token = ref.getMessage().getStringProperty(COMMIT_TOKEN);
                    if (token != null) {
                        sent.add(token);
                    }
                }
            }
        }
        java.util.Set<String> found = new java.util.HashSet<>();
        tokens.values().forEach(found::addAll);
        java.util.Set<String> decided = found.isEmpty() ? java.util.Set.of() : committed.apply(found);

        int commits = 0;
        int rollbacks = 0;
        for (var global : branches.entrySet()) {
            boolean commit = tokens.get(global.getKey()).stream().anyMatch(decided::contains);
            for (javax.transaction.xa.Xid xid : global.getValue()) {
                String id = org.apache.activemq.artemis.core.transaction.impl.XidImpl.toBase64String(xid);
                if (commit ? control.commitPreparedTransaction(id) : control.rollbackPreparedTransaction(id)) {
                    if (commit) {
                        commits++;
                    } else {
                        rollbacks++;
                    }
                }
            }
        }
        Settled settled = new Settled(commits, rollbacks);
        if (commits > 0) {
            LOG.warning(() -> "Committed " + settled.committed() + " transaction branch(es) an earlier run left"
                    + " prepared in the embedded broker: their database part had committed, their messages are sent");
        }
        if (rollbacks > 0) {
            LOG.warning(() -> "Rolled back " + settled.rolledBack() + " transaction branch(es) an earlier run left"
                    + " prepared in the embedded broker; their messages are delivered again");
        }
        return settled;
    }

    /**
     * The first step of a graceful stop: hands no more messages to consumers (every queue paused, for this run of
     * the broker only) and waits, at most {@code timeout}, until the consumers have finished the messages they already
     * hold — the hub's message-driven beans commit their transactions — so that stopping the hub afterwards cuts no
     * transaction between its two commits. Returns how many messages were still in hand when it stopped waiting
     * (0: drained). Messages sent meanwhile are kept for the next start.
     */
    public long drain(java.time.Duration timeout) throws Exception {
        org.apache.activemq.artemis.core.server.ActiveMQServer active = server.getActiveMQServer();
        java.util.List<org.apache.activemq.artemis.core.server.Queue> queues = new java.util.ArrayList<>();
        for (String name : active.getActiveMQServerControl().getQueueNames()) {
            org.apache.activemq.artemis.core.server.Queue queue = active.locateQueue(name);
            if (queue != null) {
                queue.pause();
                queues.add(queue);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long inHand = 0;
            for (var queue : queues) {
                inHand += queue.getDeliveringCount();
            }
            if (inHand == 0 || System.nanoTime() > deadline) {
                return inHand;
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until no client is connected any more (the hub's resource adapter has closed its connections), at most
     * {@code timeout}; returns whether that happened. Stopping the broker while the hub still commits would leave
     * those transactions' broker branches prepared although their database part has committed.
     */
    public boolean awaitClientsGone(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (server.getActiveMQServer().getConnectionCount() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** The URL a core client uses to reach this broker. */
    public String url() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        LOG.info("Embedded Artemis broker stopped");
    }
}
