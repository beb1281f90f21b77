package io.netpolviz.ui;

import io.netpolviz.view.PolicyRow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.PolicyId;
import io.netpolviz.testing.Timing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Measures what a toggle costs on each lesson: evaluation, projection onto the frame and restyle
 * (what the picture waits for), and the same with lint and the policy list. Prints the numbers.
 * What a toggle does is checked untimed by the view-model's own tests.
 */
@Timing
class ToggleTimingTest {

    @ParameterizedTest
    @ValueSource(strings = {"01-tutorial", "02-cross-namespace", "03-egress-internet", "04-ports", "05-shop"})
    void everyToggleOnALessonRestylesWellUnderOneHundredMilliseconds(String lesson) {
        try (MainViewModel model = Lessons.synchronousModel()) {
            model.open(List.of(Path.of("sample-clusters", lesson)));
            // A lesson in steps opens at its first; its last has every policy to toggle.
            model.lesson().goToStep(model.lesson().stepCountProperty().get());
            List<PolicyId> policies = model.switches().policies().stream()
                    .filter(row -> row instanceof PolicyRow.PolicySwitch)
                    .map(row -> ((PolicyRow.PolicySwitch) row).id()).toList();
            // Warm up the JIT the way a user's first clicks would, then measure.
            for (int round = 0; round < 3; round++) {
                for (PolicyId policy : policies) {
                    model.switches().toggle(policy);
                    model.switches().toggle(policy);
                }
            }
            List<Double> picture = new ArrayList<>();
            List<Double> total = new ArrayList<>();
            for (PolicyId policy : policies) {
                for (int flip = 0; flip < 2; flip++) {
                    model.switches().toggle(policy);
                    picture.add(model.evaluationProperty().get().millis());
                    total.add(model.evaluationProperty().get().totalMillis());
                }
            }
            picture.sort(Double::compare);
            total.sort(Double::compare);
            double median = picture.get(picture.size() / 2);
            double worst = picture.get(picture.size() - 1);
            System.out.printf(Locale.ROOT, "toggle timing %-20s %3d policies, %3d edges: restyled median %.2f ms, max %.2f ms;"
                            + " with lint and list median %.2f ms, max %.2f ms%n",
                    lesson, policies.size(), model.evaluationProperty().get().picture().graph().edges().size(),
                    median, worst, total.get(total.size() / 2), total.get(total.size() - 1));
            assertTrue(median < 100, lesson + ": median " + median + " ms");
        }
    }
}
