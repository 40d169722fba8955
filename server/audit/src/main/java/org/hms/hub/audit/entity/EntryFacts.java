package org.hms.hub.audit.entity;

/**
 * What an audit entry says beyond its event's id, action, actor and time: who acted (USER, CONNECTOR, SYSTEM), on
 * what, with which outcome and why, through which connector, from which address and user agent, and the small JSON
 * of the remaining facts (canonical: members sorted).
 */
public record EntryFacts(String actorType, String targetType, String targetId, String outcome, String reason,
                         Long connectorId, String sourceAddress, String userAgent, String details) {
}
