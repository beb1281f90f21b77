package io.netpolviz.policy.fix;

import io.netpolviz.policy.Connectivity;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the connectivity of a cluster before and after a change, pair by pair, and splits the
 * differences into the target connection and everything else. Workloads are matched by id (a
 * label change moves a workload to another class); workloads that fell into the same pair of
 * classes before and after are compared once. External peers are every block either cluster's
 * rules name, plus the target's own address: a rule that names a new block must not make that
 * block look like a change for pods nobody isolates — and any address at all, for what changes for
 * addresses no rule names.
 */
final class EffectMeasure {

    private EffectMeasure() {
    }

    static Effect between(Evaluation before, Evaluation after, Target target) {
        Map<String, ConnectivityChange> changes = changes(before, after, target);
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
            return evaluation.engine().resolve(pods.id())
                    .orElseThrow(() -> new IllegalStateException("a change removed " + pods.id()));
        }
        return endpoint;
    }

    /** Every changed pair, keyed {@code source<TAB>destination}, sorted. */
    private static Map<String, ConnectivityChange> changes(Evaluation before, Evaluation after, Target target) {
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
        List<Endpoint.Pods> workloads = List.copyOf(before.engine().workloadEndpoints());
        // Workloads that share a class before and a class after behave alike: compare each such group once.
        Map<List<Integer>, List<Endpoint.Pods[]>> groups = new LinkedHashMap<>();
        for (Endpoint.Pods was : workloads) {
            Endpoint.Pods is = (Endpoint.Pods) rebind(after, was);
            groups.computeIfAbsent(List.of(was.podClass().index(), is.podClass().index()), k -> new ArrayList<>())
                    .add(new Endpoint.Pods[] {was, is});
        }
        List<List<Endpoint.Pods[]>> members = List.copyOf(groups.values());
        Map<String, ConnectivityChange> changes = new TreeMap<>();
        Connectivity old = before.connectivity();
        Connectivity now = after.connectivity();
        for (List<Endpoint.Pods[]> from : members) {
            Endpoint.Pods[] fromRep = from.get(0);
            for (List<Endpoint.Pods[]> to : members) {
                Endpoint.Pods[] toRep = to.get(0);
                PortSet was = old.allowed(fromRep[0].podClass().index(), toRep[0].podClass().index());
                PortSet is = now.allowed(fromRep[1].podClass().index(), toRep[1].podClass().index());
                if (was.equals(is)) {
                    continue;
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
            for (Endpoint.External external : externals.values()) {
                PortSet wasOut = allowed(before, fromRep[0], external);
                PortSet isOut = allowed(after, fromRep[1], external);
                PortSet wasIn = allowed(before, external, fromRep[0]);
                PortSet isIn = allowed(after, external, fromRep[1]);
                for (Endpoint.Pods[] workload : from) {
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

    private static PortSet allowed(Evaluation evaluation, Endpoint source, Endpoint destination) {
        return evaluation.connectivity().allowed(source, destination).orElseGet(() -> evaluation.allowedPorts(source, destination));
    }

    private static void put(Map<String, ConnectivityChange> changes, String source, String destination, PortSet was, PortSet is) {
        changes.put(source + "\t" + destination, new ConnectivityChange(source, destination, was, is));
    }
}
