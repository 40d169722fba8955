package org.hms.hub.platform.security;

import com.nimbusds.jose.proc.BadJOSEException;

/** A bearer token that is not acceptable; the message says why in words fit for the caller. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason);
    }

    static String describe(BadJOSEException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Expired")) {
            return "The token has expired; refresh it or log in again.";
        }
        if (message.contains("issuer") || message.contains("iss")) {
            return "The token was issued by an issuer the hub does not trust.";
        }
        if (message.contains("missing")) {
            return "The token lacks a required claim.";
        }
        return "The token's signature or claims are not valid.";
    }
}
