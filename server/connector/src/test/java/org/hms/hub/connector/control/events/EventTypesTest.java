package org.hms.hub.connector.control.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    private final EventTypes types = new EventTypes();

    @Test
    void registersTheFiveStartingTypes() {
        assertThat(types.names()).containsExactlyInAnyOrder("ProcessUpdated", "PatientUpdated", "AppointmentBooked",
                "AppointmentCancelled", "OrderStatusChanged");
        assertThat(types.find("OrderStatusChanged", null)).get().extracting(EventTypes.Version::entityField)
                .isEqualTo("orderId");
        assertThat(types.find("Nonsense", null)).isEmpty();
        assertThat(types.find("PatientUpdated", 7)).isEmpty();
    }

    @Test
    void acceptsAValidPayload() {
        EventTypes.Version v = types.find("ProcessUpdated", 1).orElseThrow();
        assertThat(types.validate(v, "{\"processId\":\"p-9\",\"timestamp\":\"2026-11-22T10:00:00Z\"}")).isEmpty();
    }

    @Test
    void namesTheFieldOfEveryViolation() {
        EventTypes.Version v = types.find("AppointmentBooked", null).orElseThrow();
        List<EventTypes.Violation> violations = types.validate(v,
                "{\"appointmentId\":\"a-1\",\"start\":\"next tuesday\",\"serviceType\":7}");
        assertThat(violations).extracting(EventTypes.Violation::field)
                .containsExactlyInAnyOrder("payload.patientId", "payload.start", "payload.serviceType");
        assertThat(violations).filteredOn(x -> x.field().equals("payload.start")).first()
                .extracting(EventTypes.Violation::message).asString().contains("date-time").doesNotStartWith("/");
    }

    @Test
    void refusesAValueOutsideAnEnumeration() {
        EventTypes.Version v = types.find("OrderStatusChanged", null).orElseThrow();
        assertThat(types.validate(v, "{\"orderId\":5,\"status\":\"shipped\",\"changedAt\":\"2026-11-22T10:00:00Z\","
                + "\"source\":\"Excel\"}")).extracting(EventTypes.Violation::field).containsExactly("payload.source");
    }
}
