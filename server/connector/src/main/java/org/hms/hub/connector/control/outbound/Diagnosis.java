package org.hms.hub.connector.control.outbound;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Explains in plain words why a call to a peer failed or what its answer means. */
public final class Diagnosis {

    private Diagnosis() {
    }

    public static String of(Throwable failure, URI target, int timeoutMs) {
        String where = target.getHost() + (target.getPort() > 0 ? ":" + target.getPort() : "");
        Throwable cause = rootOf(failure);
        if (failure instanceof HttpConnectTimeoutException || cause instanceof java.net.SocketTimeoutException) {
            return "No connection to " + where + " within " + timeoutMs + " ms (timeout): the host is unreachable from"
                    + " the hub or a firewall drops the packets.";
        }
        if (failure instanceof HttpTimeoutException) {
            return "No answer from " + where + " within " + timeoutMs + " ms (timeout): the system is slow or stuck;"
                    + " check it, or raise the connector's timeout.";
        }
        if (has(failure, UnknownHostException.class) || has(failure, java.nio.channels.UnresolvedAddressException.class)) {
            return "DNS: the host name '" + target.getHost() + "' does not resolve. Check the endpoint's host name"
                    + " and the hub's DNS.";
        }
        if (has(failure, SSLHandshakeException.class)) {
            cause = first(failure, SSLHandshakeException.class);
        } else if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || has(failure, ConnectException.class)) {
            return "Connection refused by " + where + ": nothing listens on that port, or a firewall rejects the hub.";
        }
        if (cause instanceof SSLHandshakeException) {
            return "TLS handshake with " + where + " failed: " + tlsReason(cause) + " Check the system's certificate"
                    + " (issuer, validity, host name) or add its CA to the hub's trust store.";
        }
        if (cause instanceof SSLException) {
            return "TLS with " + where + " failed: " + cause.getMessage() + ".";
        }
        return "The call to " + where + " failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "") + ".";
    }

    /** What an HTTP status from the peer means for the connection. */
    public static String ofStatus(int status, ResolvedConnector c, long latencyMs) {
        if (status >= 200 && status < 400) {
            return "Connected: HTTP " + status + " in " + latencyMs + " ms.";
        }
        return switch (status) {
            case 401 -> "The system refused the credentials (HTTP 401): check " + c.suspectCredential() + ".";
            case 403 -> "The system accepted the credentials but refuses access (HTTP 403): the account or key lacks"
                    + " permission for this path; check " + c.suspectCredential() + " and its rights.";
            case 404 -> "The system answered 404 for the tested path: check the endpoint and the health path.";
            case 429 -> "The system is rate-limiting the hub (HTTP 429); try again later.";
            default -> status >= 500 ? "The system is reachable but failing (HTTP " + status + ")."
                    : "The system answered HTTP " + status + ".";
        };
    }

    private static String tlsReason(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.contains("PKIX") || message.contains("unable to find valid certification path")) {
            return "its certificate is not trusted (unknown or self-signed issuer).";
        }
        if (message.contains("No subject alternative") || message.contains("doesn't match")) {
            return "its certificate is not issued for this host name.";
        }
        if (message.contains("expired") || message.contains("NotAfter")) {
            return "its certificate has expired.";
        }
        return message + ".";
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        return first(t, type) != null;
    }

    private static Throwable first(Throwable t, Class<? extends Throwable> type) {
        for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
            if (type.isInstance(cur)) {
                return cur;
            }
        }
        return null;
    }

    private static Throwable rootOf(Throwable t) {
        Throwable cur = t;
        while (cur.getCause() != null && cur.getCause() != cur) {
            if (cur instanceof UnknownHostException || cur instanceof ConnectException
                    || cur instanceof SSLHandshakeException) {
                return cur;
            }
            cur = cur.getCause();
        }
        return cur;
    }
}
