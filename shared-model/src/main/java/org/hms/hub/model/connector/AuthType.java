package org.hms.hub.model.connector;

/**
 * How the hub authenticates to the external system: an API key (header or query parameter), OAuth 2.0 client
 * credentials, HTTP basic, a static bearer token, or nothing.
 */
public enum AuthType {
    API_KEY, OAUTH, BASIC_AUTH, TOKEN, NONE
}
