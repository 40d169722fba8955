package org.hms.hub.audit.control;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hms.hub.audit.entity.AuditEntry;
import org.hms.hub.audit.entity.EntryHash;

/**
 * Exports of the trail for a filter, streamed in batches so that memory stays bounded whatever the size: CSV
 * (RFC 4180) and a FHIR R4 Bundle of AuditEvents (after the IHE Basic Audit Log Patterns where they fit: the
 * actor as requestor agent with its network address, the hub as observer source, the target as entity, the
 * outcome coded 0/4, the chain's hash as an entity detail).
 */
@ApplicationScoped
public class AuditExports {

    static final String[] CSV_COLUMNS = {"id", "seq", "occurred_at", "recorded_at", "tenant", "actor_type", "actor",
        "action", "target_type", "target_id", "outcome", "reason", "correlation_id", "connector_id",
        "source_address", "user_agent", "event_id", "details", "prev_hash", "hash"};

    /** The hub's own code system for its action verbs (docs/audit.md). */
    public static final String ACTION_SYSTEM = "urn:hms-hub:audit-action";

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Inject
    AuditTrail trail;

    /** @return how many entries were written */
    public long csv(AuditQuery filter, Writer out) throws IOException {
        out.write(String.join(",", CSV_COLUMNS));
        out.write("\r\n");
        long written = 0;
        AuditTrail.Cursor before = null;
        while (true) {
            List<AuditEntry> rows = trail.batch(filter, before, AuditTrail.BATCH);
            for (AuditEntry e : rows) {
                row(out, e);
                written++;
            }
            if (rows.size() < AuditTrail.BATCH) {
                out.flush();
                return written;
            }
            before = AuditTrail.Cursor.of(rows.get(rows.size() - 1));
            out.flush();
        }
    }

    static void row(Writer out, AuditEntry e) throws IOException {
        Object[] values = {e.id(), e.seq(), EntryHash.time(e.occurredAt()), EntryHash.time(e.recordedAt()), e.tenant(),
            e.actorType(), e.actor(), e.action(), e.targetType(), e.targetId(), e.outcome(), e.reason(),
            e.correlationId(), e.connectorId(), e.sourceAddress(), e.userAgent(), e.eventId(), e.details(),
            e.prevHash(), e.hash()};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvField(values[i]));
        }
        out.write("\r\n");
    }

    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // A leading =, +, - or @ would be a formula in a spreadsheet: neutralised with a quote (CSV injection).
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** A FHIR R4 Bundle (type collection) of AuditEvents, written entry by entry. */
    public long fhir(AuditQuery filter, Writer out) throws IOException {
        IParser parser = FHIR.newJsonParser();
        out.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        long written = 0;
        AuditTrail.Cursor before = null;
        while (true) {
            List<AuditEntry> rows = trail.batch(filter, before, AuditTrail.BATCH);
            for (AuditEntry e : rows) {
                if (written > 0) {
                    out.write(',');
                }
                out.write("{\"fullUrl\":\"urn:uuid:" + e.eventId() + "\",\"resource\":");
                out.write(parser.encodeResourceToString(auditEvent(e)));
                out.write('}');
                written++;
            }
            if (rows.size() < AuditTrail.BATCH) {
                break;
            }
            before = AuditTrail.Cursor.of(rows.get(rows.size() - 1));
            out.flush();
        }
        out.write("]}");
        out.flush();
        return written;
    }

    static AuditEvent auditEvent(AuditEntry e) {
        AuditEvent a = new AuditEvent();
        a.setId(e.eventId());
        boolean rest = e.actorType() != null && e.actorType().equals("USER");
        a.setType(rest ? new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest",
                "Restful Operation") : new Coding("http://dicom.nema.org/resources/ontology/DCM", "110100",
                "Application Activity"));
        a.addSubtype(new Coding(ACTION_SYSTEM, e.action(), e.action()));
        a.setAction(action(e.action()));
        a.setRecorded(Date.from(e.occurredAt().toInstant()));
        boolean ok = e.outcome() == null || e.outcome().equals("success");
        a.setOutcome(ok ? AuditEvent.AuditEventOutcome._0 : AuditEvent.AuditEventOutcome._4);
        if (e.reason() != null) {
            a.setOutcomeDesc(e.reason());
        }
        AuditEvent.AuditEventAgentComponent agent = a.addAgent();
        agent.setRequestor(true);
        agent.setWho(new Reference().setDisplay(e.actor()));
        agent.getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/extra-security-role-type",
                e.actorType() != null && e.actorType().equals("USER") ? "humanuser" : "dataprocessor",
                e.actorType() != null && e.actorType().equals("USER") ? "human user" : "data processor"));
        if (e.sourceAddress() != null) {
            agent.getNetwork().setAddress(e.sourceAddress()).setType(AuditEvent.AuditEventAgentNetworkType._2);
        }
        AuditEvent.AuditEventSourceComponent source = a.getSource();
        source.setSite(e.tenant());
        source.setObserver(new Reference().setDisplay("HMS Integration Hub"));
        source.addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                "Application Server"));
        AuditEvent.AuditEventEntityComponent entity = a.addEntity();
        if (e.targetType() != null) {
            entity.setWhat(new Reference().setDisplay(e.targetType() + "/" + e.targetId()));
        }
        entity.setDescription(e.details());
        entity.addDetail().setType("hash").setValue(new org.hl7.fhir.r4.model.StringType(e.hash() == null ? ""
                : e.hash()));
        if (e.seq() != null) {
            entity.addDetail().setType("seq").setValue(new org.hl7.fhir.r4.model.StringType(e.seq().toString()));
        }
        if (e.userAgent() != null) {
            entity.addDetail().setType("userAgent").setValue(new org.hl7.fhir.r4.model.StringType(e.userAgent()));
        }
        if (e.correlationId() != null) {
            entity.addDetail().setType("correlationId").setValue(new org.hl7.fhir.r4.model.StringType(
                    e.correlationId()));
        }
        return a;
    }

    /** C, U, D for verbs that create, change or delete; E (execute) for the rest. */
    static AuditEvent.AuditEventAction action(String verb) {
        if (verb.endsWith("Created") || verb.endsWith("Mapped") || verb.endsWith("Added")) {
            return AuditEvent.AuditEventAction.C;
        }
        if (verb.endsWith("Updated") || verb.endsWith("Changed") || verb.endsWith("Edited")
                || verb.endsWith("Activated") || verb.endsWith("Disabled")) {
            return AuditEvent.AuditEventAction.U;
        }
        if (verb.endsWith("Deleted") || verb.endsWith("Unmapped") || verb.endsWith("Pruned")) {
            return AuditEvent.AuditEventAction.D;
        }
        return AuditEvent.AuditEventAction.E;
    }
}
