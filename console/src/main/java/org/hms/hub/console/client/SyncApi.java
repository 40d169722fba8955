package org.hms.hub.console.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hms.hub.model.sync.BulkResult;
import org.hms.hub.model.sync.DeadLetterEdit;
import org.hms.hub.model.sync.DeadLetterPage;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.model.sync.DeadLetterSelection;
import org.hms.hub.model.sync.DeadLetterView;
import org.hms.hub.model.sync.SyncJobView;
import org.hms.hub.model.sync.SyncMode;
import org.hms.hub.model.sync.SyncRequest;
import org.hms.hub.model.sync.SyncStatus;

/** The sync engine for the console: connector status, manual syncs and their jobs, dead letters. */
public record SyncApi(HubClient hub) {

    public SyncStatus status(long connectorId) throws HubException {
        return hub.get("api/connectors/" + connectorId + "/status", Map.of(), SyncStatus.class);
    }

    public SyncJobView sync(long connectorId, SyncMode mode, OffsetDateTime since) throws HubException {
        return hub.post("api/connectors/" + connectorId + "/sync", new SyncRequest(mode, since), SyncJobView.class);
    }

    public SyncJobView job(String id) throws HubException {
        return hub.get("api/sync-jobs/" + id, Map.of(), SyncJobView.class);
    }

    public SyncJobView cancel(String id) throws HubException {
        return hub.post("api/sync-jobs/" + id + "/cancel", null, SyncJobView.class);
    }

    /** {@code state}: OPEN, REPLAYED, DISCARDED or ALL. */
    public DeadLetterPage deadLetters(Long connectorId, DeadLetterReason reason, String state, int offset, int limit)
            throws HubException {
        return hub.get("api/dead-letters", HubClient.query("connectorId", connectorId, "reason", reason,
                "state", state, "offset", offset, "limit", limit), DeadLetterPage.class);
    }

    public Versioned<DeadLetterView> deadLetter(long id) throws HubException {
        return hub.getVersioned("api/dead-letters/" + id, DeadLetterView.class);
    }

    public DeadLetterView edit(long id, long version, String payload) throws HubException {
        return hub.putVersioned("api/dead-letters/" + id + "/payload", version, new DeadLetterEdit(payload),
                DeadLetterView.class);
    }

    public DeadLetterView replay(long id) throws HubException {
        return hub.post("api/dead-letters/" + id + "/replay", null, DeadLetterView.class);
    }

    public DeadLetterView discard(long id) throws HubException {
        return hub.post("api/dead-letters/" + id + "/discard", null, DeadLetterView.class);
    }

    public BulkResult replay(List<Long> ids) throws HubException {
        return hub.post("api/dead-letters/replay", new DeadLetterSelection(ids, null, null, null, null, null),
                BulkResult.class);
    }

    public BulkResult discard(List<Long> ids) throws HubException {
        return hub.post("api/dead-letters/discard", new DeadLetterSelection(ids, null, null, null, null, null),
                BulkResult.class);
    }
}
