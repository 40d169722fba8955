package org.hms.hub.connector.control.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hms.hub.connector.control.inbound.Inbound;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.model.sync.EventAck;
import org.hms.hub.model.sync.EventRequest;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.problem.InvalidFields;

/**
 * Takes a domain event from an HMS component: checks it against its type's schema, and hands it to the sync
 * engine's inbound door — receipted under the publisher's idempotency key, durably queued, then fanned out to the
 * type's subscribers. The same key from the same publisher again is acknowledged as a duplicate.
 */
@ApplicationScoped
public class EventIntake {

    static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    @Inject
    EventTypes types;

    @Inject
    Inbound inbound;

    /** Validates and accepts; throws a 422 naming the fields that are wrong. */
    public EventAck publish(EventRequest r, String publisher) {
        Prepared prepared = prepare(r);
        String externalId = "event:" + publisher + ":" + r.idempotencyKey();
        Inbound.Accepted accepted;
        try {
            accepted = inbound.accept(Inbound.PUBLISHERS, InboundReceipt.Source.EVENT, externalId, prepared.body(),
                    prepared.parsed(), InboundShape.PUBLISHED, null);
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            Optional<Inbound.Accepted> existing = inbound.existing(Inbound.PUBLISHERS, externalId);
            accepted = existing.orElseThrow(() -> e);
        }
        return new EventAck(java.util.UUID.fromString(accepted.receiptId()), accepted.duplicate(),
                accepted.receivedAt());
    }

    /** The event as the hub queues it, after every check. */
    public record Prepared(String body, JsonValue parsed) {
    }

    public Prepared prepare(EventRequest r) {
        InvalidFields errors = new InvalidFields();
        if (r == null) {
            throw errors.add("type", "Send the event as JSON: {type, payload, idempotencyKey, …}.").failed();
        }
        Optional<EventTypes.Version> version = types.find(r.type(), r.version());
        if (r.type() == null || r.type().isBlank()) {
            errors.add("type", "The event type is required; registered types: " + String.join(", ", types.names())
                    + ".");
        } else if (version.isEmpty()) {
            errors.add(r.version() == null || types.find(r.type(), null).isEmpty() ? "type" : "version",
                    types.find(r.type(), null).isEmpty() ? "Unknown event type '" + r.type() + "'; registered: "
                            + String.join(", ", types.names()) + "."
                            : "Event type " + r.type() + " has no schema version " + r.version() + ".");
        }
        errors.check(r.idempotencyKey() != null && KEY.matcher(r.idempotencyKey()).matches(), "idempotencyKey",
                "An idempotency key is required: 1 to 200 printable characters, no spaces.");
        errors.check(r.entityKey() == null || (r.entityKey().length() <= 300 && !r.entityKey().isBlank()),
                "entityKey", "At most 300 characters.");
        errors.check(r.correlationId() == null || r.correlationId().length() <= 200, "correlationId",
                "At most 200 characters.");
        String payloadJson = null;
        if (r.payload() == null) {
            errors.add("payload", "The payload is required.");
        } else {
            payloadJson = Json.JSONB.toJson(r.payload());
            if (payloadJson.length() > 256 * 1024) {
                errors.add("payload", "A payload may have at most 256 KiB of JSON.");
            } else if (version.isPresent()) {
                types.validate(version.get(), payloadJson).forEach(v -> errors.add(v.field(), v.message()));
            }
        }
        errors.throwIfAny();
        JsonValue payload = parse(payloadJson);
        EventTypes.Version v = version.get();
        String entityKey = r.entityKey() != null ? r.entityKey() : entity(payload, v.entityField());
        JsonObjectBuilder body = Json.JSONP.createObjectBuilder().add("type", v.type()).add("version", v.version())
                .add("payload", payload).add("occurredAt", (r.occurredAt() != null ? r.occurredAt()
                        : OffsetDateTime.now(ZoneOffset.UTC)).toString());
        if (entityKey != null) {
            body.add("entityKey", entityKey);
        }
        if (r.correlationId() != null) {
            body.add("correlationId", r.correlationId());
        }
        JsonObject built = body.build();
        return new Prepared(built.toString(), built);
    }

    private static String entity(JsonValue payload, String field) {
        if (field == null || !(payload instanceof JsonObject o) || !o.containsKey(field)) {
            return null;
        }
        JsonValue v = o.get(field);
        return v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.JSONP.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
