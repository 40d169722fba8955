package org.hms.hub.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hms.hub.connector.control.outbound.ConnectionTester;
import org.hms.hub.connector.control.outbound.ResolvedConnector;
import org.hms.hub.model.connector.ConnectionTest;
import org.hms.hub.model.connector.ConnectionTestReport;

/**
 * Tests a connector's connection: TESTING while it runs (committed, so others see it), the network check outside
 * any transaction, then ACTIVE or ERROR with the result kept.
 */
@ApplicationScoped
public class ConnectionTests {

    @Inject
    ConnectorRegistry registry;

    @Inject
    ConnectionTester tester;

    public ConnectionTestReport run(long id) {
        ResolvedConnector connector = registry.startTest(id);
        ConnectionTest result = tester.test(connector);
        return registry.recordTest(id, result);
    }
}
