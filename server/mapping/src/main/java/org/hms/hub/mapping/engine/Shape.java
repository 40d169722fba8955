package org.hms.hub.mapping.engine;

/**
 * What a declared document can hold at a path, so that a rule whose path can never match is refused when the
 * mapping is saved. JSON and XML sides declare no shape ({@link #ANY}); a FHIR R4 side has its resource's.
 */
public interface Shape {

    /** A document about which nothing is known: every path may match. */
    Shape ANY = new Shape() {
        @Override
        public Shape step(Object step) {
            return this;
        }

        @Override
        public String name() {
            return "document";
        }

        @Override
        public boolean list() {
            return false;
        }
    };

    /** The shape one step (a member name or an array index) further, or null when nothing can be there. */
    Shape step(Object step);

    /** Where this is, for messages ({@code Patient.name}). */
    String name();

    /** Whether this holds an array, so that the next step must be an index. */
    boolean list();
}
