package org.hms.hub.model.order;

import java.util.List;

/** An order with its history of sync operations, newest first. */
public record OrderDetail(OrderView order, List<OrderOperationView> history) {
}
