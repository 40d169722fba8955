package org.hms.hub.audit.entity;

import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.hms.hub.platform.json.Json;

/**
 * The chain's hash: {@code hash = SHA-256(previous hash + canonical entry)}, hex. The canonical entry is a JSON
 * object of every recorded field, members in alphabetical order, no whitespace, times in UTC with exactly six
 * fraction digits, absent values as {@code null} — so any change to a stored field, or to the order of entries,
 * changes the hash of that entry and breaks the link to the next.
 */
public final class EntryHash {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private EntryHash() {
    }

    public static String of(String prevHash, AuditEntry e) {
        return sha256(prevHash + canonical(e));
    }

    public static String canonical(AuditEntry e) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.JSONP.createGenerator(out)) {
            g.writeStartObject();
            str(g, "action", e.action());
            str(g, "actor", e.actor());
            str(g, "actorType", e.actorType());
            if (e.connectorId() == null) {
                g.writeNull("connectorId");
            } else {
                g.write("connectorId", e.connectorId());
            }
            str(g, "correlationId", e.correlationId());
            str(g, "details", e.details());
            str(g, "eventId", e.eventId());
            str(g, "occurredAt", time(e.occurredAt()));
            str(g, "outcome", e.outcome());
            str(g, "reason", e.reason());
            str(g, "recordedAt", time(e.recordedAt()));
            g.write("seq", e.seq());
            str(g, "sourceAddress", e.sourceAddress());
            str(g, "targetId", e.targetId());
            str(g, "targetType", e.targetType());
            str(g, "tenant", e.tenant());
            str(g, "userAgent", e.userAgent());
            g.writeEnd();
        }
        return out.toString();
    }

    /** UTC with exactly six fraction digits (what both databases keep). */
    public static String time(OffsetDateTime t) {
        return t == null ? null : MICROS.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static void str(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNull(name);
        } else {
            g.write(name, value);
        }
    }

    public static String sha256(String text) {
        return org.hms.hub.platform.security.Digests.sha256(text);
    }
}
