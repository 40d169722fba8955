package org.hms.hub.platform.messaging;

/**
 * Names of the hub's JMS resources: JNDI names for injection and the broker addresses behind them.
 * DESIGN §4 describes the topology.
 */
public final class Jms {

    /** Name of the Artemis resource adapter (the {@code .rar} file name) on Payara Micro. */
    public static final String RESOURCE_ADAPTER = "artemis-rar";

    public static final String CONNECTION_FACTORY = "java:app/jms/hub";

    /** Topic every domain event is published on; audit, connector and order subscribe. */
    public static final String EVENTS = "java:app/jms/hub.events";
    public static final String EVENTS_ADDRESS = "hub.events";

    /** Accepted webhooks and polled records waiting to be mapped and applied. */
    public static final String INBOUND = "java:app/jms/hub.inbound";
    public static final String INBOUND_ADDRESS = "hub.inbound";

    /** One message per outbound call. */
    public static final String DELIVERIES = "java:app/jms/hub.deliveries";
    public static final String DELIVERIES_ADDRESS = "hub.deliveries";

    /** Message properties set on every event. */
    public static final String PROP_TYPE = "type";
    public static final String PROP_TENANT = "tenant";
    public static final String PROP_EVENT_ID = "eventId";
    public static final String PROP_CORRELATION_ID = "correlationId";

    private Jms() {
    }
}
