package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.AttackGraph;
import io.netpolviz.graph.AttackPaths;
import io.netpolviz.graph.AttackSearch;
import io.netpolviz.graph.PathHop;
import io.netpolviz.model.ClusterSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reach, shortest paths and minimum cuts against brute force on small random clusters. The
 * brute force works workload by workload on a matrix of {@link Evaluation#allowedPorts} (the
 * engine is held to the reference evaluator elsewhere): plain breadth-first search for hop counts
 * and path lengths; for a cut, closing its connections must leave no path, and its size must equal
 * the maximum number of connection-disjoint paths, found by a unit-capacity augmenting-path search
 * written here (max-flow min-cut theorem), not by JGraphT.
 */
class AttackSearchMatchesBruteForceTest {

    private static final int FAR = Integer.MAX_VALUE;

    private static int longPathsWithWideCuts;
    private static int limitedBeyondReach;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void reachPathsAndCutsAgreeWithBruteForce(long seed) {
        Random random = new Random(seed);
        ClusterSnapshot snapshot = RandomClusters.small(random);
        Evaluation evaluation = PolicyEngine.compile(snapshot).evaluate();
        Brute brute = new Brute(evaluation);
        AttackSearch search = new AttackSearch(AttackGraph.of(evaluation));
        List<String> nodes = new ArrayList<>(brute.ids);
        nodes.add(AttackGraph.INTERNET);
        for (String from : nodes) {
            int[] distance = brute.distances(from);
            for (int maxHops : new int[] {1, 2, 64}) {
                Map<String, Integer> expected = new TreeMap<>();
                for (int i = 0; i < brute.size(); i++) {
                    if (distance[i] <= maxHops && !brute.name(i).equals(from)) {
                        expected.put(brute.name(i), distance[i]);
                    }
                }
                Map<String, Integer> actual = new TreeMap<>();
                search.reach(from, maxHops).reached().forEach(r -> actual.put(r.node(), r.hops()));
                assertEquals(expected, actual, "reach from " + from + " within " + maxHops);
            }
            for (String to : nodes) {
                if (to.equals(from) || (from.equals(AttackGraph.INTERNET) && to.equals(AttackGraph.INTERNET))) {
                    continue;
                }
                int length = distance[brute.index(to)];
                AttackPaths paths = search.paths(from, to, 64, 5);
                String what = from + " -> " + to;
                if (length == FAR) {
                    assertTrue(paths.unreachable() && paths.cut().isEmpty(), what);
                    continue;
                }
                assertEquals(length, paths.hops(), what);
                assertFalse(paths.paths().isEmpty(), what);
                for (List<PathHop> path : paths.paths()) {
                    assertEquals(length, path.size(), what);
                    assertEquals(from, path.get(0).source(), what);
                    assertEquals(to, path.get(path.size() - 1).destination(), what);
                    for (int h = 0; h < path.size(); h++) {
                        PathHop hop = path.get(h);
                        if (h > 0) {
                            assertEquals(path.get(h - 1).destination(), hop.source(), what);
                        }
                        assertEquals(brute.ports(hop.source(), hop.destination()), hop.ports(), what + " hop " + hop.display());
                    }
                }
                assertEquals(brute.maxDisjointPaths(from, to), paths.cut().size(), "cut size " + what + " " + paths.cut());
                // A hop limit bounds the paths shown, never the cut: it closes every path, however long.
                for (int maxHops : new int[] {1, 2, 3}) {
                    AttackPaths limited = search.paths(from, to, maxHops, 5);
                    String within = what + " within " + maxHops;
                    if (length <= maxHops) {
                        assertEquals(length, limited.hops(), within);
                        assertEquals(paths.paths(), limited.paths(), within);
                    } else {
                        assertTrue(limited.paths().isEmpty(), within + ": the shortest path takes " + length + " hops");
                        assertTrue(limited.unreachable() && !limited.cut().isEmpty(), within + ": no path within the limit, yet a cut");
                        limitedBeyondReach++;
                    }
                    assertEquals(paths.cut(), limited.cut(), within);
                }
                longPathsWithWideCuts += length >= 2 && paths.cut().size() >= 2 ? 1 : 0;
                assertEquals(FAR, brute.withClassPairsClosed(paths.cut()).distances(from)[brute.index(to)],
                        what + " still connected after closing " + paths.cut());
            }
        }
    }

    /** The cases that tell a cut algorithm from a guess must occur: paths of several hops with cuts of several connections. */
    @AfterAll
    static void theSeedsReachHardCases() {
        assertTrue(longPathsWithWideCuts >= 20, "only " + longPathsWithWideCuts + " paths of 2+ hops with a cut of 2+ connections");
        assertTrue(limitedBeyondReach >= 20, "only " + limitedBeyondReach + " targets lay beyond a hop limit");
    }

    /** Workload by workload, with "the internet" as the last node (reached out to, never passed through). */
    private static final class Brute {
        final Evaluation evaluation;
        final List<String> ids = new ArrayList<>();
        final Map<String, Endpoint.Pods> endpoints = new HashMap<>();
        PortSet[][] ports;

        Brute(Evaluation evaluation) {
            this.evaluation = evaluation;
            evaluation.engine().workloadEndpoints().forEach(e -> {
                ids.add(e.id());
                endpoints.put(e.id(), e);
            });
            int n = ids.size();
            ports = new PortSet[n + 1][n + 1];
            List<Endpoint.External> outside = new ArrayList<>(List.of(Endpoint.External.anyIpv4()));
            evaluation.engine().externalPeers().stream().filter(x -> !x.isAnyAddress()).forEach(outside::add);
            for (int i = 0; i < n; i++) {
                Endpoint.Pods a = endpoints.get(ids.get(i));
                for (int j = 0; j < n; j++) {
                    ports[i][j] = i == j ? PortSet.NONE : evaluation.allowedPorts(a, endpoints.get(ids.get(j)));
                }
                PortSet out = PortSet.NONE;
                PortSet in = PortSet.NONE;
                for (Endpoint.External x : outside) {
                    out = out.union(evaluation.allowedPorts(a, x));
                    in = in.union(evaluation.allowedPorts(x, a));
                }
                ports[i][n] = out;
                ports[n][i] = in;
            }
            ports[n][n] = PortSet.NONE;
        }

        int size() {
            return ids.size() + 1;
        }

        String name(int i) {
            return i == ids.size() ? AttackGraph.INTERNET : ids.get(i);
        }

        int index(String name) {
            return name.equals(AttackGraph.INTERNET) ? ids.size() : ids.indexOf(name);
        }

        PortSet ports(String from, String to) {
            return ports[index(from)][index(to)];
        }

        /** Breadth-first hop counts; the internet is entered only from the start. */
        int[] distances(String from) {
            int[] distance = new int[size()];
            Arrays.fill(distance, FAR);
            int start = index(from);
            distance[start] = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                int at = queue.poll();
                if (at == ids.size() && at != start) {
                    continue;
                }
                for (int next = 0; next < size(); next++) {
                    if (!ports[at][next].isEmpty() && distance[next] == FAR) {
                        distance[next] = distance[at] + 1;
                        queue.add(next);
                    }
                }
            }
            return distance;
        }

        /** Closing a connection closes it for every pod of the two classes: no policy tells those pods apart. */
        Brute withClassPairsClosed(List<PathHop> cut) {
            Brute closed = new Brute(evaluation);
            for (PathHop hop : cut) {
                for (int i = 0; i < size(); i++) {
                    for (int j = 0; j < size(); j++) {
                        if (sameClass(name(i), hop.source()) && sameClass(name(j), hop.destination())) {
                            closed.ports[i][j] = PortSet.NONE;
                        }
                    }
                }
            }
            return closed;
        }

        boolean sameClass(String a, String b) {
            if (a.equals(AttackGraph.INTERNET) || b.equals(AttackGraph.INTERNET)) {
                return a.equals(b);
            }
            return endpoints.get(a).podClass().index() == endpoints.get(b).podClass().index();
        }

        /**
         * The most paths from {@code from} to {@code to} that share no class-to-class connection:
         * augmenting paths over unit capacities on the class graph, with the start and the end as
         * nodes of their own that have their classes' edges.
         */
        int maxDisjointPaths(String from, String to) {
            List<Integer> classes = new ArrayList<>();
            Map<Integer, Integer> node = new HashMap<>();
            for (String id : ids) {
                node.computeIfAbsent(endpoints.get(id).podClass().index(), c -> {
                    classes.add(c);
                    return classes.size() - 1;
                });
            }
            int internet = classes.size();
            int source = internet + 1;
            int sink = internet + 2;
            int n = internet + 3;
            int[][] capacity = new int[n][n];
            Map<Integer, String> representative = new HashMap<>();
            for (String id : ids) {
                representative.putIfAbsent(node.get(endpoints.get(id).podClass().index()), id);
            }
            for (int a = 0; a < internet; a++) {
                for (int b = 0; b < internet; b++) {
                    capacity[a][b] = classPorts(representative.get(a), representative.get(b)).isEmpty() ? 0 : 1;
                }
                capacity[a][internet] = ports(representative.get(a), AttackGraph.INTERNET).isEmpty() ? 0 : 1;
            }
            int start = from.equals(AttackGraph.INTERNET) ? internet : node.get(endpoints.get(from).podClass().index());
            int end = to.equals(AttackGraph.INTERNET) ? internet : node.get(endpoints.get(to).podClass().index());
            for (int b = 0; b < internet; b++) {
                capacity[source][b] = start == internet ? (ports(AttackGraph.INTERNET, representative.get(b)).isEmpty() ? 0 : 1) : capacity[start][b];
            }
            for (int a = 0; a < n - 2; a++) {
                capacity[a][sink] = capacity[a][end];
            }
            capacity[source][sink] = start == internet ? (end == internet ? 0 : capacity[source][end]) : capacity[start][end];
            int flow = 0;
            while (true) {
                int[] parent = new int[n];
                Arrays.fill(parent, -1);
                parent[source] = source;
                ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(source));
                while (!queue.isEmpty() && parent[sink] < 0) {
                    int at = queue.poll();
                    for (int next = 0; next < n; next++) {
                        if (parent[next] < 0 && capacity[at][next] > 0) {
                            parent[next] = at;
                            queue.add(next);
                        }
                    }
                }
                if (parent[sink] < 0) {
                    return flow;
                }
                for (int v = sink; v != source; v = parent[v]) {
                    capacity[parent[v]][v]--;
                    capacity[v][parent[v]]++;
                }
                flow++;
            }
        }

        /** Between two classes, by representatives: a class with itself means two of its pods. */
        PortSet classPorts(String a, String b) {
            Endpoint.Pods x = endpoints.get(a);
            Endpoint.Pods y = endpoints.get(b);
            return evaluation.connectivity().allowed(x.podClass().index(), y.podClass().index());
        }
    }
}
