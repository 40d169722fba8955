package org.hms.hub.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code hub.public-url}: the address external systems reach this hub at (through the hospital's reverse proxy,
 * say), from which the hub builds the callback URLs it gives them — its webhook endpoints. An absolute
 * {@code http}/{@code https} URL with a host and no user info, query or fragment; checked at start-up
 * ({@code PublicUrlCheck}), which refuses to start the hub with a malformed one.
 */
public final class PublicUrl {

    public static final String KEY = "hub.public-url";

    private PublicUrl() {
    }

    /** The configured URL without a trailing slash; empty when not configured. */
    public static Optional<URI> configured() {
        return ConfigProvider.getConfig().getOptionalValue(KEY, String.class).filter(s -> !s.isBlank())
                .map(PublicUrl::parse);
    }

    /** Parses and checks a public URL; the exception says what is wrong with it. */
    public static URI parse(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(KEY + " is not a URL: " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(KEY + " must start with https:// (or http:// on a closed network): "
                    + value);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(KEY + " must name a host and carry no user, query or fragment: " + value);
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
