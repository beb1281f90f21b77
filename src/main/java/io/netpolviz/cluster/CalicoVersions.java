package io.netpolviz.cluster;

import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Chooses between the two API groups a cluster may serve Calico's kinds in. Calico stores its
 * objects as crd.projectcalico.org/v1 and, where its API server runs, also serves them as
 * projectcalico.org/v3 (the form users write, with names as written); reading both would count
 * each object twice. So per kind, v3's objects when v3 holds any, else v1's; and a version that
 * could not be read is no gap when the other one was.
 */
final class CalicoVersions {

    private CalicoVersions() {
    }

    /** Whether the objects read for {@code kind} give way to its v3 version's, because that one holds some. */
    static boolean superseded(ResourceKind kind, Predicate<ResourceKind> holdsObjects) {
        return kind.newerVersion() != null && holdsObjects.test(kind.newerVersion());
    }

    /** The gaps, without those of a Calico kind whose other version was read in the same place. */
    static List<AccessGap> uncovered(List<AccessGap> gaps, BiPredicate<ResourceKind, String> read) {
        return gaps.stream().filter(gap -> {
            ResourceKind other = otherVersion(gap.kind());
            return other == null || !read.test(other, gap.namespace());
        }).toList();
    }

    /** The v1 kind of a v3 one and the v3 kind of a v1 one; null for non-Calico kinds. */
    static ResourceKind otherVersion(ResourceKind kind) {
        if (kind.newerVersion() != null) {
            return kind.newerVersion();
        }
        for (ResourceKind candidate : ResourceKind.values()) {
            if (Objects.equals(candidate.newerVersion(), kind)) {
                return candidate;
            }
        }
        return null;
    }
}
