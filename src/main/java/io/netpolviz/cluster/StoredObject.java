package io.netpolviz.cluster;

import java.util.Map;

/**
 * One object from an informer store: as the server sent it (owner references, uid and status
 * still in) and as a cleaned, read-only manifest. Both are computed once per resourceVersion.
 */
record StoredObject(ObjectKey key, String resourceVersion, Map<String, Object> raw, Map<String, Object> manifest) {
}
