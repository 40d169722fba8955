package org.hms.hub.connector.control.polling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.function.BooleanSupplier;
import org.hms.hub.connector.control.inbound.Inbound;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.connector.entity.InboundReceipt;

/**
 * Enqueues one pulled page in one transaction, together with whatever must move with it (the poll watermark):
 * if that fails — the lease was lost — nothing of the page is kept, and whoever holds the lease pulls it again.
 */
@ApplicationScoped
public class PageIntake {

    @Inject
    Inbound inbound;

    /** What a page brought: items new to the hub, and items it had seen (same id and version). */
    public record Counts(int enqueued, int skipped) {
    }

    /** Thrown (rolling the page back) when {@code alongside} fails. */
    public static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("The poll lease was lost to another hub instance");
        }
    }

    @Transactional
    public Counts accept(long connectorId, Page page, InboundShape shape, InboundReceipt.Source source,
                         String syncJobId, BooleanSupplier alongside) {
        int enqueued = 0;
        int skipped = 0;
        for (Page.Item item : page.items()) {
            JsonValue parsed;
            try (var reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(item.body()))) {
                parsed = reader.readValue();
            }
            Inbound.Accepted accepted = inbound.accept(connectorId, source, "poll:" + item.externalId(), item.body(),
                    parsed, shape, syncJobId);
            if (accepted.duplicate()) {
                skipped++;
            } else {
                enqueued++;
            }
        }
        if (!alongside.getAsBoolean()) {
            throw new LeaseLost();
        }
        return new Counts(enqueued, skipped);
    }
}
