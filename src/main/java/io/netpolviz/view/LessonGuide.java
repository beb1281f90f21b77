package io.netpolviz.view;

import java.nio.file.Path;
import java.util.List;

/**
 * What the app tells a learner beside the picture of a lesson, in plain text: which lesson, the
 * heading of what is on show, a caption saying what it shows, and what to look at in it. A lesson
 * told in steps takes the heading and caption from the step folder's README and what to look at
 * from the lesson README's sub-section for that step; a lesson in one folder takes its README's
 * title, first paragraph and "What to look at".
 *
 * @param lesson the lesson's title over a step's heading; empty for a lesson in one folder
 * @param heading {@code Step 3: The tutorial's allow rules}, or the lesson's title
 * @param caption what the step or lesson shows, in a few sentences; may be empty
 * @param lookAt what to look at, one sentence or a few per entry; may be empty
 */
public record LessonGuide(String lesson, String heading, String caption, List<String> lookAt) {

    public static final LessonGuide NONE = new LessonGuide("", "", "", List.of());

    public LessonGuide {
        lookAt = List.copyOf(lookAt);
    }

    public boolean isEmpty() {
        return heading.isEmpty() && caption.isEmpty() && lookAt.isEmpty();
    }

    /**
     * The guide for a place at a step: reads the READMEs, so it runs where loading runs.
     *
     * @param steps the place's steps, or null
     * @param position the 1-based step shown, when there are steps
     */
    public static LessonGuide of(List<Path> place, StepSequence steps, int position) {
        if (steps != null) {
            StepSequence.Step step = steps.step(position);
            LessonReadme readme = LessonReadme.read(steps.root()).orElse(LessonReadme.NONE);
            return new LessonGuide(readme.title(), step.title(), step.notes(), readme.lookAtStep(step.number()));
        }
        if (place.size() != 1) {
            return NONE;
        }
        // A folder whose README says what to look at is a lesson; any other README is not the app's to show.
        return LessonReadme.read(place.get(0)).filter(LessonReadme::hasLookAt)
                .map(readme -> new LessonGuide("", readme.title(), readme.intro(), readme.lookAt()))
                .orElse(NONE);
    }
}
