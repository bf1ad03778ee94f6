package io.mlrollout.router.routing;

import java.nio.charset.StandardCharsets;

/**
 * Sticky routing by a key (a user id, say): the key hashes to one of 10,000 buckets, and the buckets
 * below {@code weight * 100} go to the canary. Raising the weight therefore only moves keys from the
 * stable version to the canary, never back, so each key sees one model switch at most per rollout. The
 * canary's slug salts the hash, so each rollout draws a different set of keys for its canary rather
 * than the same users being first every time.
 */
public final class StickyChoice {

    static final int BUCKETS = 10_000;

    private StickyChoice() {
    }

    public static Role choose(String key, String canarySlug, int canaryWeight) {
        if (canaryWeight < 0 || canaryWeight > 100) {
            throw new IllegalArgumentException("canaryWeight " + canaryWeight + " is not in 0..100");
        }
        return bucket(key, canarySlug) < canaryWeight * (BUCKETS / 100) ? Role.CANARY : Role.STABLE;
    }

    /** FNV-1a over the salt and the key, then a 64-bit finalizer so that similar keys spread evenly. */
    static int bucket(String key, String salt) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (salt + '\n' + key).getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return (int) Long.remainderUnsigned(hash, BUCKETS);
    }
}
