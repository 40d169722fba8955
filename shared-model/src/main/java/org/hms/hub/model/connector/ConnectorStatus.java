package org.hms.hub.model.connector;

/** A connector's state: in use, switched off, failing, or being tested. */
public enum ConnectorStatus {
    ACTIVE, INACTIVE, ERROR, TESTING
}
