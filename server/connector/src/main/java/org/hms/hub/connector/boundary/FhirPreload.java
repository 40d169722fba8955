package org.hms.hub.connector.boundary;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Initialises HAPI's {@link FhirContext} class on the deploying thread, before the web module's start ends. Payara's
 * web class loader closes its jar files at that moment; a timer that used FHIR for the first time just then (the
 * registration scheduler, with connectors left registered by an earlier run) had the class's static initialiser
 * fail on "zip file closed", and a failed static initialiser leaves the class unusable until the JVM stops: every
 * later FHIR call (audit export, FHIR mappings, subscriptions) failed with {@code NoClassDefFoundError}. Seen once
 * in {@code WalkingSkeletonIT}. Loading the class costs a few milliseconds; the FHIR contexts themselves are still
 * built on first use.
 */
@Startup
@Singleton
public class FhirPreload {

    private static final Logger LOG = Logger.getLogger(FhirPreload.class.getName());

    @PostConstruct
    void load() {
        try {
            Class.forName(FhirContext.class.getName(), true, FhirContext.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.WARNING, "HAPI FHIR could not be loaded; FHIR connectors and mappings will fail", e);
        }
    }
}
