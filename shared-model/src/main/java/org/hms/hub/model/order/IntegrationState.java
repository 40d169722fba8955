package org.hms.hub.model.order;

/**
 * The kill switch of an order integration (seed 000's rollback plan). ACTIVE syncs; PAUSED keeps accepting and
 * queueing webhooks but sends nothing until resumed, then delivers everything in order; DISABLED refuses the two
 * systems' webhooks with 503 and {@code Retry-After}, and what was already queued stays held.
 */
public enum IntegrationState {
    ACTIVE, PAUSED, DISABLED
}
