package org.hms.hub.model.connector;

/** The kinds of external system a connector reaches (seed 002). */
public enum ConnectorType {
    HL7, FHIR, PAYMENT_GATEWAY, LAB_SYSTEM, IMAGING_SYSTEM, PHARMACY_SYSTEM, EHR_SYSTEM, INSURANCE, API, WEBHOOK
}
