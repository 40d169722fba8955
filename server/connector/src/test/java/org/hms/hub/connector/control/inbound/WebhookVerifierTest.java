package org.hms.hub.connector.control.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hms.hub.connector.control.inbound.WebhookVerifier.Refused;
import org.hms.hub.model.connector.WebhookStyle;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

    // The example of the Standard Webhooks specification.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TS = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant NOW = Instant.ofEpochSecond(TS + 10);

    private static Map<String, String> standard(String id, long ts, String signature) {
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(ts), "webhook-signature", signature);
    }

    @Test
    void signsLikeTheSpecificationExample() {
        assertThat(WebhookVerifier.signStandard(SECRET, ID, TS, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsTheSpecificationExample() throws Refused {
        var verified = WebhookVerifier.verify(WebhookStyle.STANDARD, standard(ID, TS, SIGNATURE), BODY,
                List.of(SECRET), NOW);
        assertThat(verified.webhookId()).isEqualTo(ID);
        assertThat(verified.timestamp()).isEqualTo(Instant.ofEpochSecond(TS));
    }

    @Test
    void acceptsWhenOneOfSeveralSignaturesMatches() throws Refused {
        String both = "v1,bm90IHRoaXMgb25l " + SIGNATURE + " v2,ignored";
        assertThat(WebhookVerifier.verify(WebhookStyle.STANDARD, standard(ID, TS, both), BODY, List.of(SECRET), NOW)
                .webhookId()).isEqualTo(ID);
    }

    @Test
    void acceptsTheSecretStillInItsRotationGracePeriod() throws Refused {
        String newSecret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(WebhookVerifier.verify(WebhookStyle.STANDARD, standard(ID, TS, SIGNATURE), BODY,
                List.of(newSecret, SECRET), NOW).webhookId()).isEqualTo(ID);
    }

    @Test
    void rejectsWebhookSignedWithAnotherSecret() {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> WebhookVerifier.verify(WebhookStyle.STANDARD, standard(ID, TS, SIGNATURE), BODY,
                List.of(other), NOW)).isInstanceOf(Refused.class).hasMessageContaining("does not match")
                .extracting(e -> ((Refused) e).status()).isEqualTo(401);
    }

    @Test
    void rejectsTamperedBody() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WebhookVerifier.verify(WebhookStyle.STANDARD, standard(ID, TS, SIGNATURE), tampered,
                List.of(SECRET), NOW)).isInstanceOf(Refused.class);
    }

    @Test
    void rejectsWebhookWithStaleTimestamp() {
        assertThatThrownBy(() -> WebhookVerifier.verify(WebhookStyle.STANDARD, standard(ID, TS, SIGNATURE), BODY,
                List.of(SECRET), Instant.ofEpochSecond(TS + 301))).isInstanceOf(Refused.class)
                .hasMessageContaining("old");
    }

    @Test
    void rejectsWebhookWithFutureTimestamp() {
        assertThatThrownBy(() -> WebhookVerifier.verify(WebhookStyle.STANDARD, standard(ID, TS, SIGNATURE), BODY,
                List.of(SECRET), Instant.ofEpochSecond(TS - 301))).isInstanceOf(Refused.class)
                .hasMessageContaining("future");
    }

    @Test
    void rejectsMissingHeadersWith400() {
        assertThatThrownBy(() -> WebhookVerifier.verify(WebhookStyle.STANDARD, Map.of("webhook-id", ID), BODY,
                List.of(SECRET), NOW)).extracting(e -> ((Refused) e).status()).isEqualTo(400);
    }

    @Test
    void verifiesGithubStyle() throws Refused {
        String secret = "It's a Secret to Everybody";
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        // GitHub's documented example
        String header = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        var verified = WebhookVerifier.verify(WebhookStyle.GITHUB,
                Map.of("x-hub-signature-256", header, "x-github-delivery", "d-1"), body, List.of(secret), NOW);
        assertThat(verified.webhookId()).isEqualTo("d-1");
        assertThatThrownBy(() -> WebhookVerifier.verify(WebhookStyle.GITHUB,
                Map.of("x-hub-signature-256", header, "x-github-delivery", "d-1"), body, List.of("wrong"), NOW))
                .isInstanceOf(Refused.class);
    }

    @Test
    void verifiesStripeStyleWithItsTimestamp() throws Refused {
        String secret = "whsec_test";
        long t = NOW.getEpochSecond();
        String sig = HexFormat.of().formatHex(WebhookVerifier.hmac(secret.getBytes(StandardCharsets.UTF_8),
                (t + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        Map<String, String> headers = Map.of("stripe-signature", "t=" + t + ",v1=00ff,v1=" + sig);
        assertThat(WebhookVerifier.verify(WebhookStyle.STRIPE, headers, BODY, List.of(secret), NOW).timestamp())
                .isEqualTo(Instant.ofEpochSecond(t));
        assertThatThrownBy(() -> WebhookVerifier.verify(WebhookStyle.STRIPE, headers, BODY, List.of(secret),
                NOW.plusSeconds(400))).hasMessageContaining("old");
    }
}
