package org.hms.hub.connector.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.connector.control.SyncTimes;

/** Writes the connectors' last-sync times noted by {@link SyncTimes} every two seconds, and once more at a stop. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncTimesWriter {

    private static final Logger LOG = Logger.getLogger(SyncTimesWriter.class.getName());

    @Inject
    SyncTimes times;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "last-sync writer")
    void write() {
        if (!times.pending()) {
            return;
        }
        try {
            times.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The connectors' last-sync times could not be written; trying again shortly", e);
        }
    }

    @PreDestroy
    void stop() {
        write();
    }
}
