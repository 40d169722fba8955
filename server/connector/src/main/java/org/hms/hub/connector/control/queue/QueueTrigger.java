package org.hms.hub.connector.control.queue;

import java.util.Map;

/**
 * A connector that takes its inbound data from a JMS address, from its config's {@code queue} object:
 * {@code {"queue": {"address": "lab.results"}}} on the hub's own broker, or
 * {@code {"queue": {"address": "lab.results", "brokerUrl": "tcp://broker.lab:61616", "user": "hub"}}} on another
 * Artemis broker (its password is the connector's {@code password} credential). Pure.
 */
public record QueueTrigger(String address, String brokerUrl, String user) {

    @SuppressWarnings("unchecked")
    public static QueueTrigger of(Map<String, Object> config) {
        if (config == null || !(config.get("queue") instanceof Map<?, ?> raw)) {
            return null;
        }
        Map<String, Object> q = (Map<String, Object>) raw;
        if (Boolean.FALSE.equals(q.get("enabled"))) {
            return null;
        }
        String address = q.get("address") instanceof String a ? a.trim() : "";
        if (!address.matches("[A-Za-z0-9_.:-]{1,200}")) {
            throw new IllegalArgumentException("queue.address names the JMS address to consume (letters, digits, "
                    + "'_', '.', ':', '-').");
        }
        if (address.startsWith("hub.")) {
            throw new IllegalArgumentException("queue.address may not be one of the hub's own addresses (hub.*).");
        }
        String url = q.get("brokerUrl") instanceof String u && !u.isBlank() ? u.trim() : null;
        if (url != null && !url.matches("(tcp|ssl)://[^\\s/]+(:\\d+)?(\\?\\S*)?")) {
            throw new IllegalArgumentException("queue.brokerUrl is an Artemis URL such as tcp://broker:61616.");
        }
        return new QueueTrigger(address, url, q.get("user") instanceof String u ? u : null);
    }

    public boolean external() {
        return brokerUrl != null;
    }
}
