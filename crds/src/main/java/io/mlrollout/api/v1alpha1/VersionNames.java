package io.mlrollout.api.v1alpha1;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of per-version objects: {@code <md>-<version-slug>}. The slug ends in a short digest of the
 * whole model (version, uri, sha256), so that a new uri or sha256 under the same version still
 * gets its own Deployment beside the old one.
 */
public final class VersionNames {

    private static final int MAX_NAME = 63;
    private static final int DIGEST_CHARS = 5;

    private VersionNames() {
    }

    /** The value of the version label and the suffix of the object names. */
    public static String slug(ModelRef model) {
        String version = model.getVersion().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return version + "-" + digest(model);
    }

    /** The Deployment and Service name for a model version of a ModelDeployment. */
    public static String objectName(String modelDeployment, ModelRef model) {
        String slug = slug(model);
        int room = MAX_NAME - slug.length() - 1;
        String prefix = modelDeployment.length() > room ? modelDeployment.substring(0, Math.max(room, 1)) : modelDeployment;
        String name = (prefix + "-" + slug).replaceAll("-+", "-");
        if (name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME).replaceFirst("^[^a-z]+", "");
        }
        return name;
    }

    private static String digest(ModelRef model) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String identity = model.getVersion() + "\n" + model.getUri() + "\n" + (model.getSha256() == null ? "" : model.getSha256());
            return HexFormat.of().formatHex(sha.digest(identity.getBytes(StandardCharsets.UTF_8))).substring(0, DIGEST_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
