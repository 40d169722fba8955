package org.hms.hub.console.client;

import org.hms.hub.model.sync.Throughput;

/** {@code /api/deliveries} for the console. */
public record DeliveriesApi(HubClient hub) {

    public Throughput perMinute(int minutes) throws HubException {
        return hub.get("api/deliveries/per-minute", HubClient.query("minutes", minutes), Throughput.class);
    }
}
