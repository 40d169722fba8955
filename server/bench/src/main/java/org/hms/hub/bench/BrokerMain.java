package org.hms.hub.bench;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.hms.hub.broker.EmbeddedBroker;

/**
 * The hub's broker configuration in a JVM of its own — the "external broker" the order benchmark restarts during
 * its fault-injection run. Arguments: data directory, port (on 127.0.0.1). Stops on SIGTERM.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception e) {
                System.err.println("Broker did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("BROKER READY " + broker.url());
        stopped.await();
    }
}
