package org.hms.hub.platform.security;

import java.util.Set;

/** The hub's roles; {@code docs/security.md} says which endpoint each may call. */
public final class Roles {

    /** Connectors, mappings, users, configuration. */
    public static final String ADMIN = "hub-admin";
    /** Trigger syncs, replay or discard dead letters, read status. */
    public static final String OPERATOR = "hub-operator";
    /** Read, export and verify the audit trail. */
    public static final String AUDITOR = "hub-auditor";
    /** Service accounts of HMS components: publish events ({@code POST /api/events}), nothing else. */
    public static final String PUBLISHER = "hub-publisher";

    /** The roles of people; the first administrator gets these. */
    public static final Set<String> STAFF = Set.of(ADMIN, OPERATOR, AUDITOR);
    public static final Set<String> ALL = Set.of(ADMIN, OPERATOR, AUDITOR, PUBLISHER);

    private Roles() {
    }
}
