package org.hms.hub.app.env;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Hands the machine over cleanly from one test class's server to the next. After a test class's undeployment, and
 * again before the next deployment starts a Payara Micro, it waits until the server has exited (forcing it after two
 * minutes): a server still shutting down holds the H2 file and the next one's application would not deploy, and the
 * last one would outlive the build once the broker is gone; then it rolls back what that server left prepared in the
 * shared broker. And it points the tests' client ({@code Hub}, which reads {@code it.http.port}) at the port the server actually bound.
 * Payara Micro runs with {@code --autoBindHttp}: while the previous test class's server is still shutting down
 * and holds the configured port, the next one binds the next free port — and a client that kept the configured
 * one talked to the dying server and got "connection refused".
 */
public class ActualPortExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    /** After each deployment: the HTTP port of the deployed application. */
    public static class Observer {

        private static final String MICRO_JAR = java.nio.file.Path.of("target", "arquillian", "payara-micro.jar")
                .toAbsolutePath().toString();

        public void beforeDeploy(@Observes BeforeDeploy event) throws InterruptedException {
            awaitServersExited("previous");
            org.hms.hub.testsupport.TestEnvironment.settleBroker();
        }

        /**
         * The container's undeploy only sends the server SIGTERM and returns. Waiting here for it to exit means that
         * the last test class's server has gone before the test run closes the shared broker: a server still shutting
         * down when the broker goes keeps trying to reach it and never exits (it outlived the build).
         */
        public void afterUnDeploy(@Observes AfterUnDeploy event) throws InterruptedException {
            awaitServersExited("undeployed");
        }

        /** Waits until every Payara Micro of these tests has exited, killing one that has not after two minutes. */
        private static void awaitServersExited(String which) throws InterruptedException {
            java.util.List<ProcessHandle> servers = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(MICRO_JAR)).orElse(false)).toList();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
            for (ProcessHandle p : servers) {
                while (p.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                if (p.isAlive()) {
                    System.out.println("ActualPortExtension: the " + which + " server (pid " + p.pid() + ") did not"
                            + " exit within two minutes; killing it");
                    p.destroyForcibly();
                    p.onExit().join();
                }
            }
        }

        @Inject
        private Instance<ProtocolMetaData> metaData;

        public void afterDeploy(@Observes AfterDeploy event) {
            ProtocolMetaData md = metaData.get();
            if (md == null) {
                return;
            }
            md.getContexts(HTTPContext.class).stream().findFirst().ifPresent(http -> {
                String configured = System.getProperty("it.http.port");
                String actual = Integer.toString(http.getPort());
                if (!actual.equals(configured)) {
                    System.out.println("ActualPortExtension: the server bound port " + actual + " (configured "
                            + configured + ", still held by the previous server); the tests use " + actual);
                }
                System.setProperty("it.http.port", actual);
            });
        }
    }
}
