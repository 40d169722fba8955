package org.hms.hub.testsupport;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The running hub as a client sees it. Arquillian may report the machine's address while the listener is bound
 * to 127.0.0.1 only, so the tests address the loopback interface on the reserved port themselves.
 */
public final class Hub {

    private static final Client CLIENT = ClientBuilder.newClient();

    private Hub() {
    }

    public static WebTarget root() {
        return CLIENT.target("http://127.0.0.1:" + System.getProperty("it.http.port"));
    }

    public static WebTarget api(String path) {
        return root().path("api").path(path);
    }

    /** Polls until the condition holds, failing with {@code what} when it has not within the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what);
            }
        }
    }
}
