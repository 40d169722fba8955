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
    /**
     * The audit trail's durable subscription to {@link #EVENTS_ADDRESS}: a queue of that multicast address, configured
     * in the broker (its name is the one the JMS durable subscription "hub-audit" of client "hub-audit" had), read in
     * batches through its fully qualified name.
     */
    public static final String AUDIT_QUEUE = "hub-audit.hub-audit";
    public static final String AUDIT_QUEUE_FQQN = EVENTS_ADDRESS + "::" + AUDIT_QUEUE;

    /** Accepted webhooks and polled records waiting to be mapped and applied. */
    public static final String INBOUND = "java:app/jms/hub.inbound";
    public static final String INBOUND_ADDRESS = "hub.inbound";

    /** One message per outbound call. */
    public static final String DELIVERIES = "java:app/jms/hub.deliveries";
    public static final String DELIVERIES_ADDRESS = "hub.deliveries";

    /** Events published over JMS by HMS components inside the network (validated like POST /api/events). */
    public static final String PUBLISH_ADDRESS = "hub.publish";

    /** Inbound items of the connectors an order integration claims (order sync's work queue). */
    public static final String ORDERS_ADDRESS = "hub.orders";

    /** Outcomes of the calls order sync asked the sync engine to make. */
    public static final String ORDER_RESULTS_ADDRESS = "hub.order-results";

    /** Where the broker puts messages the hub failed to process ten times (the embedded broker's settings). */
    public static final String DEAD_LETTER_ADDRESS = "hub.dlq";

    /** Message properties set on every event. */
    public static final String PROP_TYPE = "type";
    public static final String PROP_TENANT = "tenant";
    public static final String PROP_EVENT_ID = "eventId";
    public static final String PROP_CORRELATION_ID = "correlationId";

    /** Message properties of work messages on {@code hub.inbound} and {@code hub.deliveries}. */
    public static final String PROP_CONNECTOR = "connectorId";
    public static final String PROP_RECEIPT = "receiptId";
    public static final String PROP_DELIVERY = "deliveryId";
    public static final String PROP_VERSION = "rowVersion";
    public static final String PROP_HOPS = "hops";
    public static final String PROP_SOURCE = "source";
    public static final String PROP_SYNC_JOB = "syncJobId";
    /** JMS message grouping: messages with one group id are consumed in order by one consumer. */
    public static final String PROP_GROUP = "JMSXGroupID";

    private Jms() {
    }

    /** A string property the message must carry; a message without it is not one of the hub's (thrown). */
    public static String requiredProperty(jakarta.jms.Message message, String property)
            throws jakarta.jms.JMSException {
        String value = message.getStringProperty(property);
        if (value == null) {
            throw new IllegalArgumentException("no " + property + " property");
        }
        return value;
    }
}
