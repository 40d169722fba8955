package org.hms.hub.model.connector;

/** How an external system signs the webhooks it sends to the hub. */
public enum WebhookStyle {
    /** Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,…}. */
    STANDARD,
    /** GitHub: {@code X-Hub-Signature-256: sha256=…}. */
    GITHUB,
    /** Stripe: {@code Stripe-Signature: t=…,v1=…}. */
    STRIPE,
    /**
     * FHIR R4 rest-hook notifications from a Subscription the hub registered: FHIR servers cannot sign, so the
     * Subscription's channel header carries {@code Authorization: Bearer <the connector's webhook secret>}.
     */
    FHIR
}
