package org.hms.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsPersistentMessagesAcrossRestart() throws Exception {
        int port = freePort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", port);
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             JMSContext jms = cf.createContext()) {
            jms.createProducer().send(jms.createQueue("hub.inbound"), "order-1");
        }

        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", port);
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             JMSContext jms = cf.createContext()) {
            Queue inbound = jms.createQueue("hub.inbound");
            assertThat(jms.createConsumer(inbound).receiveBody(String.class, 5_000)).isEqualTo("order-1");
        }
    }

    @Test
    void refusesToStartOnAPortAnotherProgramListensOn() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            int taken = other.getLocalPort();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedBroker.start(dataDir, "127.0.0.1", taken))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken + " is taken by another program")
                    .hasMessageContaining("--broker-port");
        }
    }

    @Test
    void keepsForTheAuditTrailEveryEventPublishedBeforeAnyoneReadsIt() throws Exception {
        int port = freePort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", port);
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             JMSContext jms = cf.createContext()) {
            jms.createProducer().send(jms.createTopic("hub.events"), "event-1"); // nobody subscribed yet
        }

        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", port);
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             JMSContext jms = cf.createContext()) {
            Queue audit = jms.createQueue("hub.events::" + EmbeddedBroker.AUDIT_QUEUE);
            assertThat(jms.createConsumer(audit).receiveBody(String.class, 5_000)).isEqualTo("event-1");
            assertThat(jms.createConsumer(audit).receiveBody(String.class, 200)).as("once").isNull();
        }
    }

    @Test
    void rollsBackWhatAnEarlierRunLeftPreparedSoItsConsumedMessageIsDeliveredAgain() throws Exception {
        int port = freePort();
        javax.transaction.xa.Xid xid = new org.apache.activemq.artemis.core.transaction.impl.XidImpl(
                "branch".getBytes(), 4711, "global-1".getBytes());
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", port);
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             JMSContext jms = cf.createContext()) {
            jms.createProducer().send(jms.createQueue("hub.order-results"), "result-1");
            try (var xaCf = new org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory(broker.url());
                 jakarta.jms.XAJMSContext xa = xaCf.createXAContext()) {
                var resource = xa.getXAResource();
                resource.start(xid, javax.transaction.xa.XAResource.TMNOFLAGS);
                JMSContext work = xa.getContext();
                assertThat(work.createConsumer(work.createQueue("hub.order-results"))
                        .receiveBody(String.class, 5_000)).isEqualTo("result-1");
                work.createProducer().send(work.createQueue("hub.orders"), "sent-in-doubt");
                resource.end(xid, javax.transaction.xa.XAResource.TMSUCCESS);
                assertThat(resource.prepare(xid)).isEqualTo(javax.transaction.xa.XAResource.XA_OK);
            } // the "hub" goes away between prepare and commit
        }

        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", port);
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             JMSContext jms = cf.createContext()) {
            Queue results = jms.createQueue("hub.order-results");
            try (var before = jms.createConsumer(results)) {
                assertThat(before.receiveBody(String.class, 500)).as("held by the prepared branch").isNull();
            }

            assertThat(broker.rollBackPrepared()).isEqualTo(1);

            assertThat(jms.createConsumer(results).receiveBody(String.class, 5_000)).isEqualTo("result-1");
            assertThat(jms.createConsumer(jms.createQueue("hub.orders")).receiveBody(String.class, 500))
                    .as("sent in the rolled-back branch").isNull();
            assertThat(broker.rollBackPrepared()).isZero();
        }
    }

    @Test
    void commitsTheBranchesOfATransactionWhoseCommitTokenTheDatabaseHoldsAndRollsBackTheOthers() throws Exception {
        int port = freePort();
        // transaction 1: its database part committed (token t-1); one branch sent, another consumed a result
        var sentBranch = new org.apache.activemq.artemis.core.transaction.impl.XidImpl("a".getBytes(), 4711,
                "global-1".getBytes());
        var consumedBranch = new org.apache.activemq.artemis.core.transaction.impl.XidImpl("b".getBytes(), 4711,
                "global-1".getBytes());
        // transaction 2: its database part did not commit (token t-2 is not in the database)
        var aborted = new org.apache.activemq.artemis.core.transaction.impl.XidImpl("a".getBytes(), 4711,
                "global-2".getBytes());
        // transaction 3: only consumed a message, which an earlier, committed transaction (token t-0) had sent
        var consumedOnly = new org.apache.activemq.artemis.core.transaction.impl.XidImpl("a".getBytes(), 4711,
                "global-3".getBytes());
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", port);
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             JMSContext jms = cf.createContext();
             var xaCf = new org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory(broker.url())) {
            jms.createProducer().setProperty(EmbeddedBroker.COMMIT_TOKEN, "t-0")
                    .send(jms.createQueue("hub.order-results"), "result-1");
            jms.createProducer().setProperty(EmbeddedBroker.COMMIT_TOKEN, "t-0")
                    .send(jms.createQueue("hub.deliveries"), "delivery-1");
            prepare(xaCf, sentBranch, work -> work.createProducer().setProperty(EmbeddedBroker.COMMIT_TOKEN, "t-1")
                    .send(work.createQueue("hub.orders"), "sent-committed"));
            prepare(xaCf, consumedBranch, work -> assertThat(work.createConsumer(work.createQueue("hub.order-results"))
                    .receiveBody(String.class, 5_000)).isEqualTo("result-1"));
            prepare(xaCf, aborted, work -> work.createProducer().setProperty(EmbeddedBroker.COMMIT_TOKEN, "t-2")
                    .send(work.createQueue("hub.orders"), "sent-aborted"));
            prepare(xaCf, consumedOnly, work -> assertThat(work.createConsumer(work.createQueue("hub.deliveries"))
                    .receiveBody(String.class, 5_000)).isEqualTo("delivery-1"));
        } // the "hub" is killed between prepare and commit

        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", port);
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             JMSContext jms = cf.createContext()) {
            java.util.List<java.util.Set<String>> asked = new java.util.ArrayList<>();
            EmbeddedBroker.Settled settled = broker.settlePrepared(tokens -> {
                asked.add(tokens);
                return java.util.Set.of("t-0", "t-1");
            });

            assertThat(asked).as("the tokens of the messages sent, not of those consumed")
                    .containsExactly(java.util.Set.of("t-1", "t-2"));
            assertThat(settled).isEqualTo(new EmbeddedBroker.Settled(2, 2));
            var orders = jms.createConsumer(jms.createQueue("hub.orders"));
            assertThat(orders.receiveBody(String.class, 5_000)).isEqualTo("sent-committed");
            assertThat(orders.receiveBody(String.class, 500)).as("sent by the transaction that did not commit").isNull();
            assertThat(jms.createConsumer(jms.createQueue("hub.order-results")).receiveBody(String.class, 500))
                    .as("consumed by the committed transaction").isNull();
            assertThat(jms.createConsumer(jms.createQueue("hub.deliveries")).receiveBody(String.class, 5_000))
                    .as("consumed by a transaction without a token of its own: delivered again").isEqualTo("delivery-1");
            assertThat(broker.settlePrepared(tokens -> java.util.Set.of())).isEqualTo(new EmbeddedBroker.Settled(0, 0));
        }
    }

    /** Does the work in an XA branch and prepares it, leaving it for the next run to settle. */
    private static void prepare(org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory xaCf,
                                javax.transaction.xa.Xid xid, java.util.function.Consumer<JMSContext> work)
            throws Exception {
        try (jakarta.jms.XAJMSContext xa = xaCf.createXAContext()) {
            var resource = xa.getXAResource();
            resource.start(xid, javax.transaction.xa.XAResource.TMNOFLAGS);
            work.accept(xa.getContext());
            resource.end(xid, javax.transaction.xa.XAResource.TMSUCCESS);
            assertThat(resource.prepare(xid)).isEqualTo(javax.transaction.xa.XAResource.XA_OK);
        }
    }

    @Test
    void waitsForItsClientsToDisconnectBeforeItMayStop() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", freePort())) {
            ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
            JMSContext client = cf.createContext();
            client.createProducer().send(client.createQueue("hub.inbound"), "in flight");

            assertThat(broker.awaitClientsGone(java.time.Duration.ofMillis(300))).isFalse();

            client.close();
            cf.close();
            assertThat(broker.awaitClientsGone(java.time.Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void drainWaitsForTheMessagesConsumersHoldAndHandsOutNoMore() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", freePort());
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             JMSContext consumer = cf.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
             JMSContext producer = cf.createContext()) {
            Queue orders = producer.createQueue("hub.orders");
            producer.createProducer().send(orders, "in hand");
            var reader = consumer.createConsumer(consumer.createQueue("hub.orders"));
            jakarta.jms.Message inHand = reader.receive(5_000);
            assertThat(inHand).isNotNull();

            assertThat(broker.drain(java.time.Duration.ofMillis(300))).as("still in hand after the wait").isEqualTo(1);

            var drained = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return broker.drain(java.time.Duration.ofSeconds(20));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(drained).as("waits while the consumer holds a message").isNotDone();
            inHand.acknowledge();
            assertThat(drained.get(10, java.util.concurrent.TimeUnit.SECONDS)).isZero();

            producer.createProducer().send(orders, "after the drain");
            assertThat(reader.receive(500)).as("handed out after the drain").isNull();
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", freePort());
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             JMSContext jms = cf.createContext()) {
            assertThat(jms.createConsumer(jms.createQueue("hub.orders")).receiveBody(String.class, 5_000))
                    .as("kept for the next start, which hands it out").isEqualTo("after the drain");
        }
    }

    @Test
    void appliesHubRedeliveryPolicyAndDeadLetterAddressToEveryAddress() throws Exception {
        var settings = EmbeddedBroker.configuration(dataDir, "127.0.0.1", 61699).getAddressSettings().get("#");

        assertThat(settings.getRedeliveryDelay()).isEqualTo(1_000);
        assertThat(settings.getRedeliveryMultiplier()).isEqualTo(2.0);
        assertThat(settings.getMaxRedeliveryDelay()).isEqualTo(600_000);
        assertThat(settings.getMaxDeliveryAttempts()).isEqualTo(10);
        assertThat(settings.getDeadLetterAddress().toString()).isEqualTo(EmbeddedBroker.DEAD_LETTERS);
    }

    @Test
    void opensOnlyItsOwnCoreAcceptorOnLoopback() throws Exception {
        var config = EmbeddedBroker.configuration(dataDir, "127.0.0.1", 61699);

        assertThat(config.getAcceptorConfigurations()).hasSize(1);
        var acceptor = config.getAcceptorConfigurations().iterator().next();
        assertThat(acceptor.getParams()).containsEntry("host", "127.0.0.1").containsEntry("port", "61699")
                .containsEntry("protocols", "CORE");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
