package org.hms.hub.model.order;

import java.util.List;

/** A page of orders, most recently changed first, and the total that matches the filter. */
public record OrderPage(List<OrderView> items, long total, int offset, int limit) {
}
