package io.mlrollout.e2e.traffic;

import java.net.URI;

/** Where one request goes: a Ready pod, its model version, and its address as this JVM reaches it. */
public record Backend(String pod, String version, URI baseUri) {
}
