package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Protocol;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.SideVerdict;
import io.netpolviz.policy.Verdict;
import io.netpolviz.policy.fix.Advice;
import io.netpolviz.policy.fix.FixAdvisor;
import io.netpolviz.policy.fix.Goal;
import io.netpolviz.policy.fix.Proposal;
import io.netpolviz.policy.fix.Target;
import io.netpolviz.testing.ProposalCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every probe of every lesson, turned around: a blocked one asks how to allow it, an allowed one
 * how to block it. Each proposal is applied to the lesson's manifests through the loader and
 * checked connection by connection by the reference evaluator (target changed, exactly the
 * listed collateral changed). Where no proposal is made, the advice must say why, and an
 * Admin-tier decision must be named as such: an Admin-tier Allow or Deny is final, before any
 * NetworkPolicy is consulted (kubernetes-sigs/network-policy-api, the conformance test
 * {@code admin-network-policy-standard-integration.go}: "Should Deny traffic from slytherin to
 * gryffindor respecting admin CNP/ANP" although a NetworkPolicy allows it), so no NetworkPolicy
 * change can undo it.
 */
class LessonProposalsTest {

    @TempDir
    Path work;

    static Stream<Path> lessons() throws IOException {
        try (Stream<Path> lessons = Files.list(Path.of("sample-clusters"))) {
            return lessons.filter(lesson -> Files.isRegularFile(lesson.resolve("probes.tsv"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void everyProbeTurnedAroundGetsAVerifiedProposalOrAReason(Path lesson) throws IOException {
        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(lesson));
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate();
        FixAdvisor advisor = new FixAdvisor(evaluation);
        int proposals = 0;
        for (String line : Files.readAllLines(lesson.resolve("probes.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] column = line.split("\t");
            Endpoint source = engine.resolve(column[0]).orElseThrow();
            Endpoint destination = engine.resolve(column[1]).orElseThrow();
            Protocol protocol = Protocol.parse(column[3]).orElseThrow();
            int port = Integer.parseInt(column[2]);
            Verdict verdict = evaluation.verdict(source, destination, protocol, port);
            Advice advice = advisor.advise(verdict.allowed() ? Goal.BLOCK : Goal.ALLOW, new Target(source, destination, protocol, port));
            for (Proposal proposal : advice.proposals()) {
                ProposalCheck.assertHolds(snapshot, Set.of(), proposal, work);
                proposals++;
            }
            if (advice.proposals().isEmpty()) {
                assertFalse(advice.whyNone().isBlank(), line);
                boolean adminDecides = List.of(verdict.egress(), verdict.ingress()).stream()
                        .anyMatch(side -> side.decidedBy() == SideVerdict.Layer.ADMIN_TIER);
                if (adminDecides) {
                    // Cilium's deny rules decide first like an Admin tier, and are named as Cilium's.
                    assertTrue(advice.whyNone().contains("Admin tier") || advice.whyNone().contains("Cilium"), line + ": " + advice.whyNone());
                }
            }
        }
        assertTrue(proposals > 0, lesson + " gave no proposal to check");
    }
}
