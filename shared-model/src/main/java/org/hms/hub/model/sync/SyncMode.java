package org.hms.hub.model.sync;

/** What a manual sync does. */
public enum SyncMode {
    /** Pull everything (since a time, if given) from the connector's source again; already-seen versions are skipped. */
    FULL,
    /** Send again what did not reach the connector: its dead-lettered deliveries and any that are stuck. */
    RESEND_MISSED
}
