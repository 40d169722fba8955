package org.hms.hub.model.order;

/**
 * Where an order's synchronisation is: PENDING (a change is on its way to the other side), SYNCED (both sides
 * confirmed), FAILED (a change became a dead letter — see the order's history), CONFLICT (a side made a change the
 * status model refuses), UNMAPPED_USER (waiting for a user mapping and the dead letter's replay).
 */
public enum OrderSyncState {
    PENDING, SYNCED, FAILED, CONFLICT, UNMAPPED_USER
}
