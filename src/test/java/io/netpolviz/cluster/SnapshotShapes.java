package io.netpolviz.cluster;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.Service;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;

import java.util.List;

/**
 * Snapshots with every source reference blanked, to compare what two sources hold. The names of
 * pods that are as their template are left out too: a written snapshot keeps only the pods that
 * decide (those shown apart from their workload), so only their names travel.
 */
final class SnapshotShapes {

    private SnapshotShapes() {
    }

    static ClusterSnapshot withoutSources(ClusterSnapshot snapshot) {
        SourceRef none = SourceRef.NONE;
        return new ClusterSnapshot("",
                snapshot.namespaces().stream().map(ns -> new Namespace(ns.name(), ns.labels(), ns.implicit(), none)).toList(),
                snapshot.workloads().stream().map(w -> new Workload(w.namespace(), w.name(), w.kind(), w.replicas(), w.podLabels(),
                        w.ports(), w.hostNetwork(), w.podAddresses(), w.variant() == null ? List.of() : w.podNames(), w.variant(), none))
                        .toList(),
                snapshot.services().stream().map(s -> new Service(s.namespace(), s.name(), s.selector(), s.ports(), none)).toList(),
                snapshot.policies().stream().map(p -> new NetworkPolicy(p.namespace(), p.name(), p.podSelector(),
                        p.declaredPolicyTypes(), rules(p.ingress()), rules(p.egress()), none, p.sourceText())).toList(),
                snapshot.diagnostics().stream().map(d -> new Diagnostic(d.severity(), none, d.message())).toList());
    }

    private static List<PolicyRule> rules(List<PolicyRule> rules) {
        return rules.stream().map(rule -> new PolicyRule(rule.peers(), rule.ports(), SourceRef.NONE)).toList();
    }
}
