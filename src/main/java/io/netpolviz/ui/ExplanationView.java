package io.netpolviz.ui;

import io.netpolviz.view.Details;
import io.netpolviz.view.Explanation;
import io.netpolviz.view.Explanation.Block;
import io.netpolviz.view.Explanation.Inline;
import io.netpolviz.view.Explanation.Mark;
import io.netpolviz.view.MarkdownText;
import io.netpolviz.view.Selection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The explanation of what is selected, laid out from its blocks ({@link Explanation}): the verdict
 * large and first, each side with its mark, facts and items as wrapped text whose links select
 * what they name, the fix set apart, and YAML in monospace with the deciding rule's lines marked.
 */
final class ExplanationView extends ScrollPane {

    private final VBox content = new VBox(8);
    private final Consumer<Selection> follow;

    /** @param follow selects what a link names */
    ExplanationView(Consumer<Selection> follow) {
        this.follow = follow;
        setId("explanation");
        getStyleClass().add("explanation");
        content.getStyleClass().add("explanation-content");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox.setVgrow(this, Priority.ALWAYS);
    }

    /** Shows {@code details}, from the top. */
    void show(Details details) {
        content.getChildren().clear();
        for (Block block : details.blocks()) {
            content.getChildren().add(render(block));
        }
        setVvalue(0);
    }

    /** The words on show, a line per block, as a reader sees them (for tests). */
    String text() {
        StringBuilder out = new StringBuilder();
        for (Node block : content.getChildren()) {
            appendWords(block, out);
            out.append('\n');
        }
        return out.toString();
    }

    private static void appendWords(Node node, StringBuilder out) {
        if (node instanceof Label label) {
            out.append(label.getText());
        } else if (node instanceof Hyperlink link) {
            out.append(link.getText());
        } else if (node instanceof Text text) {
            out.append(text.getText());
        } else if (node instanceof javafx.scene.Parent parent) {
            boolean first = true;
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (!first && !(parent instanceof TextFlow)) {
                    out.append(parent instanceof HBox ? " " : "\n");
                }
                appendWords(child, out);
                first = false;
            }
        }
    }

    /** The links on show, in reading order, for tests. */
    List<Hyperlink> links() {
        return content.lookupAll(".explanation-link").stream().filter(Hyperlink.class::isInstance).map(Hyperlink.class::cast).toList();
    }

    private Node render(Block block) {
        if (block instanceof Explanation.Verdict verdict) {
            Label mark = new Label(verdict.mark().display());
            mark.getStyleClass().addAll("verdict-badge", styleOf(verdict.mark()));
            mark.setMinWidth(Region.USE_PREF_SIZE);
            TextFlow about = flow(verdict.about(), "verdict-about");
            HBox row = new HBox(10, mark, about);
            row.setId("explanationVerdict");
            row.getStyleClass().add("verdict-row");
            HBox.setHgrow(about, Priority.ALWAYS);
            return row;
        }
        if (block instanceof Explanation.Heading heading) {
            return label(heading.text(), "explanation-heading");
        }
        if (block instanceof Explanation.Side side) {
            Label title = label((side.mark() == null ? "" : side.mark().symbol() + "  ") + side.title(), "side-title");
            if (side.mark() != null) {
                title.getStyleClass().add(styleOf(side.mark()));
            }
            TextFlow why = flow(side.text(), "side-text");
            VBox box = new VBox(2, title, why);
            box.getStyleClass().add("side");
            return box;
        }
        if (block instanceof Explanation.Paragraph paragraph) {
            return flow(paragraph.text(), "explanation-text");
        }
        if (block instanceof Explanation.Fact fact) {
            TextFlow flow = flow(fact.value(), "explanation-text");
            Text label = new Text(fact.label() + ": ");
            label.getStyleClass().addAll("fact-label", "text");
            flow.getChildren().add(0, label);
            return flow;
        }
        if (block instanceof Explanation.Item item) {
            TextFlow flow = flow(item.text(), "explanation-item");
            Text bullet = new Text((item.mark() == null ? "\u2022" : item.mark().symbol()) + "  ");
            bullet.getStyleClass().add("text");
            if (item.mark() != null) {
                bullet.getStyleClass().add(styleOf(item.mark()));
            }
            flow.getChildren().add(0, bullet);
            return flow;
        }
        if (block instanceof Explanation.Fix fix) {
            Label badge = label("Fix", "fix-badge");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            TextFlow words = flow(fix.text(), "fix-text");
            HBox box = new HBox(8, badge, words);
            HBox.setHgrow(words, Priority.ALWAYS);
            box.setId("explanationFix");
            box.getStyleClass().add("fix");
            return box;
        }
        if (block instanceof Explanation.Code code) {
            VBox lines = new VBox();
            lines.getStyleClass().add("code-lines");
            for (Explanation.CodeLine line : code.lines()) {
                Label text = new Label((line.marked() ? "\u25B6 " : "  ") + line.text());
                text.getStyleClass().addAll("code", "code-line");
                if (line.marked()) {
                    text.getStyleClass().add("code-marked");
                }
                text.setMinHeight(Region.USE_PREF_SIZE);
                text.setMaxWidth(Double.MAX_VALUE);
                text.setWrapText(true);
                lines.getChildren().add(text);
            }
            VBox box = new VBox(2, flow(code.caption(), "code-caption"), lines);
            box.getStyleClass().add("code-block");
            return box;
        }
        if (block instanceof Explanation.Hint hint) {
            return label(hint.text(), "hint");
        }
        throw new IllegalArgumentException("no view for " + block);
    }

    private TextFlow flow(List<Inline> parts, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        for (Inline part : parts) {
            if (part instanceof Explanation.Link link) {
                Hyperlink hyperlink = new Hyperlink(link.text());
                hyperlink.getStyleClass().add("explanation-link");
                hyperlink.setMnemonicParsing(false);
                hyperlink.setAccessibleHelp("Shows " + link.text());
                Selection target = link.target();
                hyperlink.setOnAction(event -> follow.accept(target));
                flow.getChildren().add(hyperlink);
            } else {
                Text text = new Text(MarkdownText.withoutCodeMarks(part.text()));
                text.getStyleClass().add("text");
                flow.getChildren().add(text);
            }
        }
        return flow;
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(MarkdownText.withoutCodeMarks(text));
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static String styleOf(Mark mark) {
        return "mark-" + mark.name().toLowerCase(Locale.ROOT);
    }
}
