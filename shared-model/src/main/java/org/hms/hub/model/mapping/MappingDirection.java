package org.hms.hub.model.mapping;

/** OUTBOUND: from the hospital's (HMS) shape to the external system's; INBOUND: the other way. */
public enum MappingDirection {
    OUTBOUND, INBOUND
}
