package org.hms.hub.order.control;

import java.util.List;
import java.util.Map;

/**
 * The order status model, in HMS-API's words (the hub's canonical statuses; HMS-OMS's are translated by the
 * value maps of the order mappings): {@code pending → processing → fulfilled → completed}, moving forward only
 * (steps may be skipped), and {@code cancelled} from {@code pending} or {@code processing}. {@code completed} and
 * {@code cancelled} are final. Anything else is an invalid transition: refused, audited, not propagated.
 */
public final class OrderStatusModel {

    public static final List<String> STATUSES = List.of("pending", "processing", "fulfilled", "completed", "cancelled");

    private static final Map<String, Integer> RANK = Map.of("pending", 0, "processing", 1, "fulfilled", 2,
            "completed", 3);

    public enum Verdict { SAME, VALID, INVALID }

    private OrderStatusModel() {
    }

    /** Judges a change from {@code from} (null: not known yet) to {@code to}. */
    public static Verdict check(String from, String to) {
        if (to == null || !STATUSES.contains(to)) {
            return Verdict.INVALID;
        }
        if (from == null) {
            return Verdict.VALID;
        }
        if (from.equals(to)) {
            return Verdict.SAME;
        }
        if (isFinal(from)) {
            return Verdict.INVALID;
        }
        if (to.equals("cancelled")) {
            return from.equals("pending") || from.equals("processing") ? Verdict.VALID : Verdict.INVALID;
        }
        Integer f = RANK.get(from);
        Integer t = RANK.get(to);
        return f != null && t != null && t > f ? Verdict.VALID : Verdict.INVALID;
    }

    public static boolean isFinal(String status) {
        return "completed".equals(status) || "cancelled".equals(status);
    }

    /** Why a change is refused, in words. */
    public static String refusal(String from, String to) {
        if (to == null || !STATUSES.contains(to)) {
            return "'" + to + "' is not an order status (" + String.join(", ", STATUSES) + ").";
        }
        if (isFinal(from)) {
            return "The order is " + from + " already; it cannot become " + to + ".";
        }
        return "An order cannot go from " + from + " to " + to + ".";
    }
}
