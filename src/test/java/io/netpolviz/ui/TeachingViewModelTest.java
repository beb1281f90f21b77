package io.netpolviz.ui;

import static io.netpolviz.ui.Lessons.TUTORIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.PolicyId;
import io.netpolviz.view.LessonGuide;
import io.netpolviz.view.ManifestSource;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxToolkit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A lesson as the view-model teaches it: where it opens, what the guide says, the keys that step it, presentation mode. */
class TeachingViewModelTest {

    private static final Pattern MARKS = Pattern.compile("`|\\*\\*|\\]\\(|^#|^- ");

    /** Counts the reads of manifests: presentation mode must lay out again without one. */
    private final AtomicInteger reads = new AtomicInteger();
    private final ManifestSource counting = paths -> {
        reads.incrementAndGet();
        return new ManifestLoader().load(paths);
    };
    private MainViewModel model = new MainViewModel(new BackgroundWork(Runnable::run, Runnable::run), counting, Lessons.scratchRecents(), false);

    @BeforeAll
    static void startJavaFx() throws Exception {
        // The key test hands the keys a checkbox and a text field, which need the toolkit (headless Monocle in the build);
        // started as TestFX starts it, so the window tests that share this JVM find it as they expect.
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void aLessonOpensAtStepOneWithItsGuide() {
        model.open(List.of(TUTORIAL));
        assertEquals(1, model.lesson().stepProperty().get());
        assertEquals(5, model.lesson().stepCountProperty().get());
        LessonGuide guide = model.lesson().guideProperty().get();
        assertEquals("Step 1: Wide open", guide.heading());
        assertEquals("Lesson 1: The tutorial, step by step", guide.lesson());
        assertTrue(guide.caption().startsWith("No NetworkPolicy exists yet"), guide.caption());
        assertFalse(guide.lookAt().isEmpty());
        assertTrue(model.titleProperty().get().contains("step 1 of 5"), model.titleProperty().get());
    }

    @Test
    void theBundledTutorialOpensAtStepOneToo() {
        model.openBundledSample();
        assertEquals(1, model.lesson().stepProperty().get());
        assertEquals("Step 1: Wide open", model.lesson().guideProperty().get().heading());
    }

    @Test
    void eachStepBringsItsOwnGuideInPlainWords() {
        model.open(List.of(TUTORIAL));
        List<LessonGuide> guides = new ArrayList<>();
        for (int step = 1; step <= 5; step++) {
            model.lesson().goToStep(step);
            assertEquals(step, model.lesson().stepProperty().get());
            LessonGuide guide = model.lesson().guideProperty().get();
            assertEquals(model.lesson().stepTitleProperty().get(), guide.heading());
            List<String> texts = new ArrayList<>(guide.lookAt());
            texts.add(guide.caption());
            for (String text : texts) {
                assertFalse(MARKS.matcher(text).find(), "step " + step + ": " + text);
            }
            guides.add(guide);
        }
        assertEquals(5, guides.stream().map(LessonGuide::lookAt).distinct().count(), "every step says something of its own");
        assertTrue(guides.get(2).lookAt().get(0).contains("frontend \u2192 backend-api is still \u2717 blocked"), guides.get(2).lookAt().get(0));
    }

    @Test
    void aLessonInOneFolderShowsWhatToLookAtInsteadOfNothing() {
        model.open(List.of(Path.of("sample-clusters/02-cross-namespace")));
        assertEquals(0, model.lesson().stepCountProperty().get());
        LessonGuide guide = model.lesson().guideProperty().get();
        assertEquals("Lesson 2: Cross-namespace peers, AND versus OR", guide.heading());
        assertTrue(guide.lookAt().get(0).startsWith("analytics/batch-job \u2192 api-or is allowed"), guide.lookAt().get(0));
        // A place that is no lesson has no guide.
        model.open(List.of(TUTORIAL.resolve("2-deny-all/deny-all.yaml")));
        assertTrue(model.lesson().guideProperty().get().isEmpty());
    }

    @Test
    void aClickerPressedTwiceBeforeTheFirstStepArrivesGoesTwoSteps() {
        Queue<Runnable> worker = new ArrayDeque<>();
        model.close();
        model = new MainViewModel(new BackgroundWork(worker::add, Runnable::run), counting, Lessons.scratchRecents(), false);
        model.open(List.of(TUTORIAL));
        drain(worker);
        assertEquals(1, model.lesson().stepProperty().get());
        model.lesson().nextStep();
        model.lesson().nextStep();
        drain(worker);
        assertEquals(3, model.lesson().stepProperty().get());
        model.lesson().previousStep();
        drain(worker);
        assertEquals(2, model.lesson().stepProperty().get());
    }

    @Test
    void pageDownStepsEvenWhenATickedPolicysCheckboxHasTheFocus() {
        model.open(List.of(TUTORIAL));
        model.lesson().goToStep(2);
        model.switches().toggle(new PolicyId("production", "deny-all"));
        CheckBox ticked = new CheckBox();
        assertTrue(ClassroomKeys.act(KeyCode.PAGE_DOWN, ticked, model));
        assertEquals(3, model.lesson().stepProperty().get());
        assertTrue(ClassroomKeys.act(KeyCode.PAGE_UP, ticked, model));
        assertEquals(2, model.lesson().stepProperty().get());
        // Outside presentation mode the arrows step too, unless the focus types text.
        assertTrue(ClassroomKeys.act(KeyCode.RIGHT, ticked, model));
        assertEquals(3, model.lesson().stepProperty().get());
        assertFalse(ClassroomKeys.act(KeyCode.LEFT, new TextField(), model));
        assertEquals(3, model.lesson().stepProperty().get());
        assertFalse(model.switches().policyRow(new PolicyId("production", "deny-all")).orElseThrow().on(), "the switch carried over");
    }

    @Test
    void withoutStepsTheKeysAreLeftToTheControls() {
        model.open(List.of(Path.of("sample-clusters/04-ports")));
        assertFalse(ClassroomKeys.act(KeyCode.PAGE_DOWN, null, model));
        assertFalse(ClassroomKeys.act(KeyCode.RIGHT, null, model));
        assertFalse(ClassroomKeys.act(KeyCode.ESCAPE, null, model), "Esc outside presentation mode is the selection's");
    }

    @Test
    void presentationModeAndEscLayOutAgainWithoutReadingAnything() {
        model.open(List.of(TUTORIAL));
        model.lesson().goToStep(3);
        int before = reads.get();
        double standardText = model.diagramProperty().get().typography().nodeLabel().size();
        model.setPresentation(true);
        assertEquals("presentation", model.themeProperty().get().name());
        assertTrue(model.diagramProperty().get().typography().nodeLabel().size() > standardText);
        assertTrue(ClassroomKeys.act(KeyCode.ESCAPE, null, model));
        assertFalse(model.presentationProperty().get());
        assertEquals(standardText, model.diagramProperty().get().typography().nodeLabel().size());
        assertEquals(before, reads.get(), "no manifest was read again");
        assertEquals(3, model.lesson().stepProperty().get());
    }

    private static void drain(Queue<Runnable> worker) {
        while (!worker.isEmpty()) {
            worker.poll().run();
        }
    }
}
