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

    public static final Set<String> ALL = Set.of(ADMIN, OPERATOR, AUDITOR);

    private Roles() {
    }
}
