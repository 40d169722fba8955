package org.hms.hub.connector.control.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hms.hub.connector.control.inbound.WebhookVerifier.Refused;
import org.hms.hub.model.connector.WebhookStyle;
import org.junit.jupiter.api.Test;

/** FHIR notifications: the bearer secret of the hub's Subscription, and the references they name. */
class FhirWebhookTest {

    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void acceptsTheSubscriptionsBearerSecret() throws Refused {
        assertThat(WebhookVerifier.verify(WebhookStyle.FHIR, Map.of("authorization", "Bearer s3cret-one"), BODY,
                List.of("s3cret-one"), NOW).webhookId()).isNull();
        assertThat(WebhookVerifier.verify(WebhookStyle.FHIR, Map.of("authorization", "bearer s3cret-old"), BODY,
                List.of("s3cret-new", "s3cret-old"), NOW).timestamp()).isEqualTo(NOW);
    }

    @Test
    void rejectsANotificationWithoutTheSecret() {
        assertThatThrownBy(() -> WebhookVerifier.verify(WebhookStyle.FHIR, Map.of(), BODY, List.of("s3cret"), NOW))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> WebhookVerifier.verify(WebhookStyle.FHIR, Map.of("authorization", "Bearer s3cre"),
                BODY, List.of("s3cret"), NOW)).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.getMessage()).contains("not this connector's webhook secret"));
        assertThatThrownBy(() -> WebhookVerifier.verify(WebhookStyle.FHIR, Map.of("authorization", "Basic czNjcmV0"),
                BODY, List.of("s3cret"), NOW)).isInstanceOf(Refused.class);
    }

    @Test
    void readsResourceReferencesFromNotificationUrls() {
        assertThat(FhirNotifications.reference("https://ehr.example/fhir/Patient/p-1")).containsExactly("Patient", "p-1");
        assertThat(FhirNotifications.reference("https://ehr.example/fhir/Patient/p-1/_history/4"))
                .containsExactly("Patient", "p-1");
        assertThat(FhirNotifications.reference("Encounter/e.7")).containsExactly("Encounter", "e.7");
        assertThat(FhirNotifications.reference("https://ehr.example/fhir/metadata")).isNull();
        assertThat(FhirNotifications.reference(null)).isNull();
    }
}
