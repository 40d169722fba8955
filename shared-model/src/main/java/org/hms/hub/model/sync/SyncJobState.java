package org.hms.hub.model.sync;

/** Where a sync job is. The last three are final. */
public enum SyncJobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
