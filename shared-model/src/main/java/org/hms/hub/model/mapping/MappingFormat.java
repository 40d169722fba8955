package org.hms.hub.model.mapping;

/** The shape a mapping reads or writes. */
public enum MappingFormat {
    JSON, XML, FHIR_R4
}
