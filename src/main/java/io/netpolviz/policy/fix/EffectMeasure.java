package io.netpolviz.policy.fix;

import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the connectivity of a cluster before and after a change and splits the differences
 * into the target connection and everything else. A policy of any kind decides only the sides of
 * the pods it selects, and a label only moves the pods that get it, so only pairs with an end
 * among those pods — the draft's policies' subjects before and after, and the relabelled
 * workloads — can change: each of them is compared with every workload and address, computed
 * pair by pair, and the rest of the cluster is never evaluated again. Workloads are matched by id
 * (a label change moves a workload to another class); workloads that fell into the same pair of
 * classes before and after are compared once. External peers are every block either cluster's
 * rules name, plus the target's own address: a rule that names a new block must not make that
 * block look like a change for pods nobody isolates — and any address at all, for what changes for
 * addresses no rule names.
 */
final class EffectMeasure {

    private EffectMeasure() {
    }

    static Effect between(Evaluation before, Evaluation after, Target target, Draft draft) {
        Map<String, ConnectivityChange> changes = changes(before, after, target, draft);
        String targetKey = target.source().id() + "\t" + target.destination().id();
        boolean allowedBefore = allowed(before, target).contains(target.protocol(), target.port());
        boolean allowedAfter = allowed(after, target).contains(target.protocol(), target.port());
        List<ConnectivityChange> collateral = new ArrayList<>();
        changes.forEach((key, change) -> {
            if (!key.equals(targetKey)) {
                collateral.add(change);
                return;
            }
            // The target pair: only the target port is meant to change.
            PortSet port = PortSet.of(PortRange.single(target.protocol(), target.port()));
            PortSet was = change.before().minus(port);
            PortSet is = change.after().minus(port);
            if (!was.equals(is)) {
                collateral.add(new ConnectivityChange(change.sourceId(), change.destinationId(), was, is));
            }
        });
        return new Effect(allowedBefore, allowedAfter, collateral);
    }

    private static PortSet allowed(Evaluation evaluation, Target target) {
        Endpoint source = rebind(evaluation, target.source());
        Endpoint destination = rebind(evaluation, target.destination());
        return evaluation.allowedPorts(source, destination);
    }

    /** The same endpoint in another engine: a workload by id, an address as it is. */
    static Endpoint rebind(Evaluation evaluation, Endpoint endpoint) {
        if (endpoint instanceof Endpoint.Pods pods) {
            return evaluation.engine().workloadEndpoint(pods.id())
                    .orElseThrow(() -> new IllegalStateException("a change removed " + pods.id()));
        }
        return endpoint;
    }

    /** The classes whose sides the draft can change in {@code evaluation}'s engine: its policies' subjects and the relabelled workloads. */
    private static BitSet touched(Evaluation evaluation, Draft draft) {
        PolicyEngine engine = evaluation.engine();
        BitSet touched = new BitSet(engine.classes().size());
        draft.policies().forEach(p -> engine.policy(p.id()).ifPresent(compiled -> touched.or(compiled.selectedClasses())));
        draft.clusterPolicies().forEach(p -> engine.tierPolicy(p.id()).ifPresent(compiled -> touched.or(compiled.selectedClasses())));
        draft.labels().forEach(label -> engine.workloadEndpoint(label.workloadId()).ifPresent(end -> touched.set(end.podClass().index())));
        return touched;
    }

    /** Every changed pair, keyed {@code source<TAB>destination}, sorted. */
    private static Map<String, ConnectivityChange> changes(Evaluation before, Evaluation after, Target target, Draft draft) {
        Map<String, Endpoint.External> externals = new TreeMap<>();
        // Any address at all: what changes for addresses no rule names (a side newly isolated, say) shows here.
        Endpoint.External anywhere = Endpoint.External.anyIpv4();
        externals.put(anywhere.id(), anywhere);
        before.engine().externalPeers().forEach(x -> externals.put(x.id(), x));
        after.engine().externalPeers().forEach(x -> externals.put(x.id(), x));
        for (Endpoint end : List.of(target.source(), target.destination())) {
            if (end instanceof Endpoint.External external) {
                externals.put(external.id(), external);
            }
        }
        // Workloads that share a class before and a class after behave alike: compare each such group once.
        Map<List<Integer>, List<Endpoint.Pods[]>> groups = new LinkedHashMap<>();
        for (Endpoint.Pods was : before.engine().workloadEndpoints()) {
            Endpoint.Pods is = (Endpoint.Pods) rebind(after, was);
            groups.computeIfAbsent(List.of(was.podClass().index(), is.podClass().index()), k -> new ArrayList<>())
                    .add(new Endpoint.Pods[] {was, is});
        }
        BitSet touchedBefore = touched(before, draft);
        BitSet touchedAfter = touched(after, draft);
        List<List<Endpoint.Pods[]>> members = List.copyOf(groups.values());
        Map<String, ConnectivityChange> changes = new TreeMap<>();
        for (List<Endpoint.Pods[]> touched : members) {
            Endpoint.Pods[] rep = touched.get(0);
            if (!touchedBefore.get(rep[0].podClass().index()) && !touchedAfter.get(rep[1].podClass().index())) {
                continue;
            }
            for (List<Endpoint.Pods[]> other : members) {
                compare(before, after, touched, other, changes);
                compare(before, after, other, touched, changes);
            }
            for (Endpoint.External external : externals.values()) {
                PortSet wasOut = before.allowedPorts(rep[0], external);
                PortSet isOut = after.allowedPorts(rep[1], external);
                PortSet wasIn = before.allowedPorts(external, rep[0]);
                PortSet isIn = after.allowedPorts(external, rep[1]);
                for (Endpoint.Pods[] workload : touched) {
                    if (!wasOut.equals(isOut)) {
                        put(changes, workload[0].id(), external.id(), wasOut, isOut);
                    }
                    if (!wasIn.equals(isIn)) {
                        put(changes, external.id(), workload[0].id(), wasIn, isIn);
                    }
                }
            }
        }
        return changes;
    }

    /** One group of workloads to another, compared once by representatives (a class with itself stands for two of its pods). */
    private static void compare(Evaluation before, Evaluation after, List<Endpoint.Pods[]> from, List<Endpoint.Pods[]> to,
            Map<String, ConnectivityChange> changes) {
        Endpoint.Pods[] fromRep = from.get(0);
        Endpoint.Pods[] toRep = to.get(0);
        PortSet was = before.classPorts(fromRep[0], toRep[0]);
        PortSet is = after.classPorts(fromRep[1], toRep[1]);
        if (was.equals(is)) {
            return;
        }
        for (Endpoint.Pods[] source : from) {
            for (Endpoint.Pods[] destination : to) {
                // A one-pod workload with itself is a pod reaching itself: always allowed, never changed.
                if (!Evaluation.isSelf(source[0], destination[0])) {
                    put(changes, source[0].id(), destination[0].id(), was, is);
                }
            }
        }
    }

    private static void put(Map<String, ConnectivityChange> changes, String source, String destination, PortSet was, PortSet is) {
        changes.put(source + "\t" + destination, new ConnectivityChange(source, destination, was, is));
    }
}
