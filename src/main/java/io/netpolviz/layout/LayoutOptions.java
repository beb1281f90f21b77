package io.netpolviz.layout;

/**
 * What a layout needs besides the graph: the title, the fonts (which size every box), the text
 * measurer, and the seed that makes ELK's choices repeatable.
 */
public record LayoutOptions(String title, Typography typography, TextMeasurer measurer, long randomSeed,
        FlowDirection direction, String note, String noteAction, String changedMeaning) {

    /** What the legend says the change halo means when nothing else is said: the last what-if or update. */
    public static final String CHANGED_BY_LAST = "changed by the last toggle or update";

    public static final String DEFAULT_TITLE = "Network reachability";

    public LayoutOptions {
        title = title == null ? "" : title;
        note = note == null ? "" : note;
        noteAction = noteAction == null ? "" : noteAction;
        if (typography == null || measurer == null || direction == null) {
            throw new IllegalArgumentException("typography, measurer and direction are required");
        }
    }

    /** Standard fonts measured with AWT, seed 1, traffic flowing left to right. */
    public static LayoutOptions defaults() {
        return new LayoutOptions(DEFAULT_TITLE, Typography.standard(), new AwtTextMeasurer(), 1L,
                FlowDirection.LEFT_TO_RIGHT, "", "", CHANGED_BY_LAST);
    }

    public LayoutOptions withTitle(String newTitle) {
        return new LayoutOptions(newTitle, typography, measurer, randomSeed, direction, note, noteAction, changedMeaning);
    }

    public LayoutOptions withTypography(Typography newTypography) {
        return new LayoutOptions(title, newTypography, measurer, randomSeed, direction, note, noteAction, changedMeaning);
    }

    public LayoutOptions withRandomSeed(long seed) {
        return new LayoutOptions(title, typography, measurer, seed, direction, note, noteAction, changedMeaning);
    }

    public LayoutOptions withDirection(FlowDirection newDirection) {
        return new LayoutOptions(title, typography, measurer, randomSeed, newDirection, note, noteAction, changedMeaning);
    }

    /**
     * The line under the title saying what the picture leaves out, and the words after it that
     * show it on screen (empty for exports, which cannot be clicked).
     */
    public LayoutOptions withNote(String newNote, String newAction) {
        return new LayoutOptions(title, typography, measurer, randomSeed, direction, newNote, newAction, changedMeaning);
    }

    /** What the change halo means in this picture's legend: in a compared picture, how it differs from the other side. */
    public LayoutOptions withChangedMeaning(String meaning) {
        return new LayoutOptions(title, typography, measurer, randomSeed, direction, note, noteAction, meaning);
    }

    /** The padding unit inside boxes and labels: grows with the fonts so text keeps its room. */
    double unit() {
        return typography.nodeLabel().size() / Typography.standard().nodeLabel().size();
    }

    /**
     * The unit of spacing between boxes: grows only with the square root of the fonts, so larger
     * fonts make text a larger share of the picture rather than a larger picture.
     */
    double spacing() {
        return Math.sqrt(unit());
    }
}
