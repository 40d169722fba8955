package org.hms.hub.platform.messaging;

import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.AdministeredObjectDefinitions;

/**
 * Binds the hub's JMS connection factory and destinations to the Artemis resource adapter.
 * <p>
 * The adapter is {@code artemis-rar}, the rar deployed on its own (Payara Micro). Payara does not expand
 * configuration placeholders in {@code resourceAdapter}, so the EAR, where the embedded adapter is
 * {@code #artemis-rar}, overrides these definitions by name in its deployment descriptors.
 * The factory is transactional (XA), so a send inside a JTA transaction is delivered only on commit.
 */
@JMSConnectionFactoryDefinition(
        name = Jms.CONNECTION_FACTORY,
        resourceAdapter = Jms.RESOURCE_ADAPTER,
        transactional = true,
        minPoolSize = 1,
        maxPoolSize = 64)
@AdministeredObjectDefinitions({
        @AdministeredObjectDefinition(
                name = Jms.EVENTS,
                resourceAdapter = Jms.RESOURCE_ADAPTER,
                interfaceName = "jakarta.jms.Topic",
                className = "org.apache.activemq.artemis.jms.client.ActiveMQTopic",
                properties = "Address=" + Jms.EVENTS_ADDRESS),
        @AdministeredObjectDefinition(
                name = Jms.INBOUND,
                resourceAdapter = Jms.RESOURCE_ADAPTER,
                interfaceName = "jakarta.jms.Queue",
                className = "org.apache.activemq.artemis.jms.client.ActiveMQQueue",
                properties = "Address=" + Jms.INBOUND_ADDRESS),
        @AdministeredObjectDefinition(
                name = Jms.DELIVERIES,
                resourceAdapter = Jms.RESOURCE_ADAPTER,
                interfaceName = "jakarta.jms.Queue",
                className = "org.apache.activemq.artemis.jms.client.ActiveMQQueue",
                properties = "Address=" + Jms.DELIVERIES_ADDRESS)
})
@Singleton
public class MessagingResources {
}
