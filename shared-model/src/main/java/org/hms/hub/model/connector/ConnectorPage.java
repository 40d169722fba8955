package org.hms.hub.model.connector;

import java.util.List;

/** One page of connectors, sorted by name, and how many match in all. */
public record ConnectorPage(List<ConnectorView> items, long total, int offset, int limit) {
}
