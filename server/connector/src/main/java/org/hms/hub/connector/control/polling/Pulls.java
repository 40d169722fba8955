package org.hms.hub.connector.control.polling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hms.hub.connector.control.outbound.OutboundClient;
import org.hms.hub.connector.control.outbound.OutboundException;
import org.hms.hub.connector.control.outbound.ResolvedConnector;

/**
 * Fetches one page from a connector's source through {@link OutboundClient} (its auth, headers, timeout).
 * A FHIR {@code next} link is followed only to the connector's own host and port, so that credentials never go
 * elsewhere.
 */
@ApplicationScoped
public class Pulls {

    @Inject
    OutboundClient client;

    /** Thrown when the source cannot be read; the message says why in plain words. */
    public static final class PullException extends Exception {
        public PullException(String message) {
            super(message);
        }
    }

    /** The first page of a FHIR resource type, changed at or after {@code since} (all of them when null). */
    public Page fhirFirst(ResolvedConnector c, PollConfig config, String type, String since) throws PullException {
        StringBuilder url = new StringBuilder(base(c)).append('/').append(type).append("?_sort=_lastUpdated&_count=")
                .append(config.pageSize());
        if (since != null) {
            url.append("&_lastUpdated=").append(encode("ge" + since));
        }
        return fhir(c, URI.create(url.toString()));
    }

    public Page fhirNext(ResolvedConnector c, String next) throws PullException {
        URI uri = URI.create(next);
        URI base = c.endpoint();
        if (!uri.getHost().equalsIgnoreCase(base.getHost()) || port(uri) != port(base)
                || !uri.getScheme().equalsIgnoreCase(base.getScheme())) {
            throw new PullException("The FHIR server's next link points to another server (" + uri.getScheme() + "://"
                    + uri.getHost() + ":" + port(uri) + "); the hub does not follow it with the connector's credentials.");
        }
        return fhir(c, uri);
    }

    /** A REST page: changed since {@code since}, at {@code cursor}. */
    public Page rest(ResolvedConnector c, PollConfig config, String since, String cursor) throws PullException {
        List<String> params = new ArrayList<>();
        if (config.sinceParam() != null && since != null) {
            params.add(encode(config.sinceParam()) + "=" + encode(since));
        }
        if (config.cursorParam() != null && cursor != null) {
            params.add(encode(config.cursorParam()) + "=" + encode(cursor));
        }
        if (config.pageSizeParam() != null) {
            params.add(encode(config.pageSizeParam()) + "=" + config.pageSize());
        }
        String url = base(c) + (config.path().isEmpty() || config.path().startsWith("/") ? config.path()
                : "/" + config.path()) + (params.isEmpty() ? "" : "?" + String.join("&", params));
        return Page.rest(get(c, URI.create(url), "application/json"), config);
    }

    private Page fhir(ResolvedConnector c, URI uri) throws PullException {
        JsonValue body = get(c, uri, "application/fhir+json");
        if (!(body instanceof jakarta.json.JsonObject bundle)) {
            throw new PullException("The FHIR server's answer to " + uri.getPath() + " is not a JSON object.");
        }
        try {
            return Page.fhir(bundle);
        } catch (IllegalArgumentException e) {
            throw new PullException(e.getMessage());
        }
    }

    private JsonValue get(ResolvedConnector c, URI uri, String accept) throws PullException {
        OutboundClient.Answer answer;
        try {
            answer = client.call(c, "GET", uri, null, null, Map.of("Accept", accept));
        } catch (OutboundException e) {
            throw new PullException(e.getMessage());
        }
        if (answer.status() != 200) {
            throw new PullException("GET " + uri.getPath() + " answered HTTP " + answer.status() + ".");
        }
        try (var reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(answer.body()))) {
            return reader.readValue();
        } catch (jakarta.json.JsonException e) {
            throw new PullException("GET " + uri.getPath() + " answered something that is not JSON.");
        }
    }

    private static String base(ResolvedConnector c) {
        String base = c.endpoint().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
