package org.hms.hub.platform.messaging;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes the commit tokens older than {@link CommitMarkers#KEPT}, once a minute (never before the schema is
 * migrated: a first run could otherwise come while the deployment is still creating the table).
 */
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommitMarkerPruner {

    private static final Logger LOG = Logger.getLogger(CommitMarkerPruner.class.getName());

    @Inject
    CommitMarkers markers;

    @Schedule(second = "40", minute = "*", hour = "*", persistent = false, info = "commit token pruner")
    void prune() {
        try {
            int n = markers.prune(Instant.now().minus(CommitMarkers.KEPT));
            LOG.fine(() -> "Deleted " + n + " commit token(s)");
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Old commit tokens could not be deleted; trying again in a minute", e);
        }
    }
}
