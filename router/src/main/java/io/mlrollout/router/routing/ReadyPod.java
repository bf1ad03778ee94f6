package io.mlrollout.router.routing;

/** A Ready, not terminating model-server pod of the ModelDeployment, by the version label it carries. */
public record ReadyPod(String versionSlug, Endpoint endpoint) {
}
