package org.hms.hub.model.order;

/** Flips an integration's kill switch; the reason is kept and audited. */
public record IntegrationStateChange(IntegrationState state, String reason) {
}
