package org.hms.hub.connector.control.polling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.hms.hub.connector.control.ConnectorRegistry;
import org.hms.hub.connector.control.ConnectorViews;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.connector.control.outbound.ResolvedConnector;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.platform.json.Json;

/**
 * One poll of one connector, under its lease: pulls page after page from the persisted watermark and enqueues
 * each page together with the watermark's advance. A FHIR source is read per resource type, sorted by
 * {@code _lastUpdated}, from {@code ge} the type's watermark: the items at the watermark itself come again and
 * are recognised by their version (no gap, no second processing). A REST source is read with its cursor; the
 * watermark moves to the newest item once the last page of a scan is in, and a scan cut short by a restart
 * resumes at its cursor.
 */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class.getName());
    /** Pages per poll at most; the rest waits for the next poll. */
    static final int MAX_PAGES = 500;
    static final long LEASE_SECONDS = 120;

    @Inject
    ConnectorRegistry registry;

    @Inject
    Pulls pulls;

    @Inject
    PageIntake intake;

    @Inject
    PollLeases leases;

    /** Receives the pages of a scan; false stops the scan (cancelled, or the lease lost). */
    public interface Sink {
        boolean page(Page page, PageIntake.Counts counts);
    }

    /** Polls the connector; the caller holds its lease. Returns the number of new items. */
    public int poll(long connectorId, String owner) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        PollConfig config = null;
        int[] pulled = {0};
        try {
            ResolvedConnector c = registry.resolve(connectorId);
            Map<String, Object> settings = registry.config(connectorId);
            config = PollConfig.of(c.type(), settings);
            if (config == null) {
                leases.release(connectorId, owner, now, null, "Polling is not configured any more.");
                return 0;
            }
            InboundShape shape = InboundShape.of(settings);
            PollLeases.State state = leases.read(connectorId);
            if (config.fhir()) {
                pollFhir(c, config, shape, owner, state, pulled);
            } else {
                pollRest(c, config, shape, owner, state, pulled);
            }
            leases.release(connectorId, owner, now, next(config, now), null);
            return pulled[0];
        } catch (Pulls.PullException | IllegalArgumentException | PageIntake.LeaseLost e) {
            LOG.warning(() -> "Poll of connector " + connectorId + " failed: " + e.getMessage());
            leases.release(connectorId, owner, now, next(config, now), e.getMessage());
            throw new PollFailed(e.getMessage(), pulled[0]);
        }
    }

    /** A failed poll, with what it had enqueued before it failed. */
    public static final class PollFailed extends RuntimeException {
        private final int pulled;

        PollFailed(String message, int pulled) {
            super(message);
            this.pulled = pulled;
        }

        public int pulled() {
            return pulled;
        }
    }

    private static OffsetDateTime next(PollConfig config, OffsetDateTime now) {
        return config == null ? now.plusMinutes(1) : config.next(now.atZoneSameInstant(ZoneOffset.UTC)).toOffsetDateTime();
    }

    @SuppressWarnings("unchecked")
    private void pollFhir(ResolvedConnector c, PollConfig config, InboundShape shape, String owner,
                          PollLeases.State state, int[] pulled) throws Pulls.PullException {
        Map<String, String> marks = new LinkedHashMap<>();
        if (state.position() != null) {
            ((Map<String, Object>) Json.JSONB.fromJson(state.position(), Map.class))
                    .forEach((k, v) -> marks.put(k, String.valueOf(v)));
        }
        int pages = 0;
        for (String type : config.resourceTypes()) {
            Page page = pulls.fhirFirst(c, config, type, marks.get(type));
            while (true) {
                String newest = page.maxUpdated();
                if (newest != null && (marks.get(type) == null || Page.compareTimes(newest, marks.get(type)) > 0)) {
                    marks.put(type, newest);
                }
                String position = Json.JSONB.toJson(marks);
                String watermark = marks.values().stream().min(Page::compareTimes).orElse(null);
                Page current = page;
                PageIntake.Counts counts = intake.accept(c.id(), current, shape, InboundReceipt.Source.POLL, null,
                        () -> leases.advance(c.id(), owner, new PollLeases.State(watermark, position),
                                current.items().size(), lease()));
                pulled[0] += counts.enqueued();
                if (page.next() == null || ++pages >= MAX_PAGES) {
                    break;
                }
                Page following = pulls.fhirNext(c, page.next());
                if (following.items().isEmpty() && following.next() == null) {
                    break;
                }
                page = following;
            }
        }
    }

    private void pollRest(ResolvedConnector c, PollConfig config, InboundShape shape, String owner,
                          PollLeases.State state, int[] pulled) throws Pulls.PullException {
        RestPosition position = RestPosition.of(state.position());
        String watermark = state.watermark();
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Page page = pulls.rest(c, config, watermark, position.cursor());
            String newest = max(position.scanMax(), page.maxUpdated());
            boolean last = page.next() == null || page.items().isEmpty() || config.cursorParam() == null;
            String nextWatermark = last ? max(watermark, newest) : watermark;
            RestPosition next = last ? RestPosition.START : new RestPosition(page.next(), newest);
            PageIntake.Counts counts = intake.accept(c.id(), page, shape, InboundReceipt.Source.POLL, null,
                    () -> leases.advance(c.id(), owner, new PollLeases.State(nextWatermark, next.json()),
                            page.items().size(), lease()));
            pulled[0] += counts.enqueued();
            watermark = nextWatermark;
            position = next;
            if (last) {
                return;
            }
        }
    }

    /** Where a REST scan is: the cursor of its next page and the newest item seen so far. */
    record RestPosition(String cursor, String scanMax) {
        static final RestPosition START = new RestPosition(null, null);

        @SuppressWarnings("unchecked")
        static RestPosition of(String json) {
            if (json == null) {
                return START;
            }
            Map<String, Object> m = Json.JSONB.fromJson(json, Map.class);
            return new RestPosition((String) m.get("cursor"), (String) m.get("scanMax"));
        }

        String json() {
            Map<String, String> m = new LinkedHashMap<>();
            if (cursor != null) {
                m.put("cursor", cursor);
            }
            if (scanMax != null) {
                m.put("scanMax", scanMax);
            }
            return m.isEmpty() ? null : Json.JSONB.toJson(m);
        }
    }

    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || Page.compareTimes(a, b) >= 0 ? a : b;
    }

    private static OffsetDateTime lease() {
        return OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(LEASE_SECONDS);
    }
}
