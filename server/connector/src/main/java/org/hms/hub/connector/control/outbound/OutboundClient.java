package org.hms.hub.connector.control.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Logger;
import org.hms.hub.model.connector.AuthType;

/**
 * The one way the hub calls a connector's system over HTTP: applies the connector's auth (API key as header or
 * query parameter, OAuth 2.0 client credentials with the token cached and fetched again once on a 401, basic,
 * bearer token), its custom headers and timeout. Logs method, host and path only — never headers, query or body.
 */
@ApplicationScoped
public class OutboundClient {

    private static final Logger LOG = Logger.getLogger(OutboundClient.class.getName());

    @Inject
    OAuthTokens tokens;

    /** An answer: status, headers, body, and the time from sending the request to the peer's answer arriving. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, String body, long latencyNanos,
                         long tokenLatencyNanos) {
    }

    public Answer call(ResolvedConnector c, String method, URI target, String contentType, String body,
                       Map<String, String> extraHeaders) throws OutboundException {
        OAuthTokens.Fetched token = c.authType() == AuthType.OAUTH ? tokens.token(c) : null;
        Answer answer = send(c, method, target, contentType, body, extraHeaders, token);
        if (answer.status() == 401 && token != null && token.fromCache()) {
            tokens.invalidate(c);
            token = tokens.token(c);
            answer = send(c, method, target, contentType, body, extraHeaders, token);
        }
        return answer;
    }

    private Answer send(ResolvedConnector c, String method, URI target, String contentType, String body,
                        Map<String, String> extraHeaders, OAuthTokens.Fetched token) throws OutboundException {
        URI uri = withApiKeyParam(c, target);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(c.timeoutMs()));
        c.headers().forEach(request::header);
        extraHeaders.forEach(request::header);
        switch (c.authType()) {
            case API_KEY -> {
                if (c.apiKeyQueryParam() == null) {
                    request.header(c.apiKeyHeader() != null ? c.apiKeyHeader() : ResolvedConnector.DEFAULT_API_KEY_HEADER,
                            c.apiKey());
                }
            }
            case BASIC_AUTH -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)));
            case TOKEN -> request.header("Authorization", "Bearer " + c.token());
            case OAUTH -> request.header("Authorization", "Bearer " + token.accessToken());
            case NONE -> { }
            default -> { }
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        LOG.fine(() -> method + " " + target.getScheme() + "://" + target.getHost() + ":" + target.getPort()
                + target.getRawPath() + " for connector " + c.id());
        long[] answeredAt = new long[1];
        HttpResponse.BodyHandler<String> timed = info -> {
            answeredAt[0] = System.nanoTime();
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        };
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HttpClients.forTimeout(c.timeoutMs()).send(request.build(), timed);
            long latency = answeredAt[0] - start;
            return new Answer(response.statusCode(), response.headers().map(), response.body(), latency,
                    token == null ? 0 : token.latencyNanos());
        } catch (IOException e) {
            throw new OutboundException(Diagnosis.of(e, target, c.timeoutMs()), System.nanoTime() - start, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundException("Interrupted", System.nanoTime() - start, e);
        }
    }

    private static URI withApiKeyParam(ResolvedConnector c, URI target) {
        if (c.authType() != AuthType.API_KEY || c.apiKeyQueryParam() == null) {
            return target;
        }
        String param = URLEncoder.encode(c.apiKeyQueryParam(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(c.apiKey(), StandardCharsets.UTF_8);
        String query = target.getRawQuery() == null ? param : target.getRawQuery() + "&" + param;
        return URI.create(target.getScheme() + "://" + target.getRawAuthority() + target.getRawPath() + "?" + query);
    }
}
