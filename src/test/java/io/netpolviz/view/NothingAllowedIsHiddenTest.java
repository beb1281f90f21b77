package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.policy.ConnectivityMatrix;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PortSet;
import io.netpolviz.testing.PictureReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * For every lesson and every step of the tutorial, every connection {@code analyze} reports as
 * allowed on some port is drawn in the default picture — by an edge of its own or by an edge
 * that stands for its group (a namespace, the zone no policy isolates, everywhere) — with exactly
 * the ports {@code analyze} gives; and nothing the picture says is false. Two pods of a
 * one-replica workload (a pod and itself, which no NetworkPolicy governs) are not drawn.
 */
class NothingAllowedIsHiddenTest {

    @Test
    void everyAllowedConnectionOfEveryLessonIsDrawnWithItsPorts() throws Exception {
        List<ReadabilityPictures.Shown> pictures = new ArrayList<>(ReadabilityPictures.tutorialSteps());
        pictures.addAll(ReadabilityPictures.lessons());
        pictures.addAll(ReadabilityPictures.apps());
        for (ReadabilityPictures.Shown shown : pictures) {
            int allowed = assertEveryPairReadsRight(shown);
            assertTrue(allowed > 0 || shown.name().contains("step 2"), shown.name() + " allows nothing?");
        }
    }

    /**
     * Checks that every pair the evaluation allows reads from the picture with exactly its ports and no
     * blocked pair reads as allowed; returns how many allowed pairs there were.
     */
    static int assertEveryPairReadsRight(ReadabilityPictures.Shown shown) {
        int[] allowed = {0};
        ConnectivityMatrix.forEach(shown.evaluation(), connection -> {
            Endpoint source = connection.source();
            Endpoint destination = connection.destination();
            if (source == destination && ((Endpoint.Pods) source).workload().replicas() == 1) {
                return;
            }
            Optional<PortSet> said = PictureReading.read(shown.picture().graph(), shown.nodes(), source.id(), destination);
            String pair = shown.name() + ": " + source.id() + " -> " + destination.id();
            if (connection.allowed().isEmpty()) {
                said.ifPresent(ports -> assertTrue(ports.isEmpty(), pair + " is blocked but reads " + ports.display()));
            } else {
                allowed[0]++;
                assertTrue(said.isPresent(), pair + " is allowed on " + connection.allowed().display() + " but not drawn");
                assertEquals(connection.allowed(), said.get(), pair);
            }
        });
        return allowed[0];
    }
}
