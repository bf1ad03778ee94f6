package io.mlrollout.modelserver.inference;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Model URIs may carry credentials (user info, presigned query strings); they are stripped before
 * a URI reaches a log line or an error message.
 */
public final class Redaction {

    private Redaction() {}

    public static String uri(URI uri) {
        if (uri.getUserInfo() == null && uri.getRawQuery() == null) {
            return uri.toString();
        }
        try {
            URI bare = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
            return bare + (uri.getRawQuery() == null ? "" : "?<redacted>");
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://<redacted>";
        }
    }

    public static String uri(String uri) {
        try {
            return uri(new URI(uri));
        } catch (URISyntaxException e) {
            return "<unparseable URI>";
        }
    }
}
