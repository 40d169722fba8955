package org.hms.hub.connector.control.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hms.hub.model.connector.ConnectorType;
import org.junit.jupiter.api.Test;

/** The {@code subscription} declaration of a connector's config: what it means, and what is refused when saved. */
class SubscriptionConfigTest {

    @Test
    void readsAFhirSubscriptionWithFullPayloadByDefault() {
        SubscriptionConfig c = SubscriptionConfig.of(ConnectorType.FHIR, Map.of("subscription",
                Map.of("criteria", "Patient?organization=Organization/12", "publicUrl", "https://hub.example/")));

        assertThat(c.fhir()).isTrue();
        assertThat(c.payload()).isEqualTo("full");
        assertThat(c.webhookUrl(41)).hasValueSatisfying(u -> assertThat(u).hasToString(
                "https://hub.example/api/webhooks/41"));
    }

    @Test
    void refusesFhirDeclarationsThatCannotWork() {
        assertThatThrownBy(() -> SubscriptionConfig.of(ConnectorType.FHIR, Map.of("subscription",
                Map.of("criteria", "patients please")))).hasMessageContaining("a resource type, then search parameters");
        assertThatThrownBy(() -> SubscriptionConfig.of(ConnectorType.FHIR, Map.of("subscription",
                Map.of("criteria", "Patient?", "payload", "some")))).hasMessageContaining("full, id-only or empty");
        assertThatThrownBy(() -> SubscriptionConfig.of(ConnectorType.FHIR, Map.of("subscription",
                Map.of("criteria", "Patient?", "payload", "empty")))).hasMessageContaining("needs polling");
        assertThatThrownBy(() -> SubscriptionConfig.of(ConnectorType.FHIR, Map.of("subscription",
                Map.of("criteria", "Patient?", "publicUrl", "ftp://hub")))).hasMessageContaining("https://");
    }

    @Test
    void readsTheRestCallsAndRequiresTheIdTheUnsubscribeCallUses() {
        SubscriptionConfig c = SubscriptionConfig.of(ConnectorType.API, Map.of("subscription", Map.of(
                "subscribe", Map.of("method", "post", "path", "/hooks", "body", Map.of("url", "{url}",
                        "events", List.of("order.updated"))),
                "idPointer", "/id", "unsubscribe", Map.of("method", "DELETE", "path", "/hooks/{id}"))));

        assertThat(c.fhir()).isFalse();
        assertThat(c.subscribeMethod()).isEqualTo("POST");
        assertThat(c.unsubscribePath()).isEqualTo("/hooks/{id}");
        assertThatThrownBy(() -> SubscriptionConfig.of(ConnectorType.API, Map.of("subscription", Map.of(
                "subscribe", Map.of("path", "/hooks"), "unsubscribe", Map.of("method", "DELETE", "path",
                        "/hooks/{id}"))))).hasMessageContaining("idPointer");
        assertThatThrownBy(() -> SubscriptionConfig.of(ConnectorType.API, Map.of("subscription", Map.of(
                "subscribe", Map.of("path", "https://elsewhere/hooks"))))).hasMessageContaining("starts with '/'");
        assertThat(SubscriptionConfig.of(ConnectorType.API, Map.of("polling", Map.of()))).isNull();
    }
}
