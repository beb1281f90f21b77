package io.netpolviz.view;

import io.netpolviz.model.PolicyId;
import java.util.ArrayList;
import java.util.List;

/**
 * The explanation pane's content as a short list of typed blocks rather than a block of text: a
 * verdict header, the two sides of a connection with their marks, facts, items, the fix, and
 * YAML. Words can carry links that select what they name (a policy, a node, an edge, a port). The
 * app lays the blocks out; {@link #plain} reads them as text, for tests, copying and screen
 * readers. No JavaFX here.
 */
public final class Explanation {

    private Explanation() {
    }

    /** A verdict in the legend's words. */
    public enum Mark {
        ALLOWED("\u2713", "allowed"),
        PARTLY("\u25D0", "partly allowed"),
        BLOCKED("\u2717", "blocked");

        private final String symbol;
        private final String words;

        Mark(String symbol, String words) {
            this.symbol = symbol;
            this.words = words;
        }

        public String symbol() {
            return symbol;
        }

        public String words() {
            return words;
        }

        /** {@code ✓ allowed}. */
        public String display() {
            return symbol + " " + words;
        }

        /** The mark of a side or a verdict that either allows or does not. */
        public static Mark of(boolean allowed) {
            return allowed ? ALLOWED : BLOCKED;
        }
    }

    /** A run of words inside a block: plain, or a link. */
    public sealed interface Inline permits Text, Link {

        String text();
    }

    /** Plain words. */
    public record Text(String text) implements Inline {
    }

    /** Words that select {@code target} when clicked. */
    public record Link(String text, Selection target) implements Inline {
    }

    /** One block of the pane. */
    public sealed interface Block permits Verdict, Heading, Side, Paragraph, Fact, Item, Fix, Code, Hint {
    }

    /** The verdict, first and large: {@code ✗ blocked} and what it is about ({@code on TCP 8080}). */
    public record Verdict(Mark mark, List<Inline> about) implements Block {

        public Verdict {
            about = List.copyOf(about);
        }
    }

    /** A heading over the blocks that follow. */
    public record Heading(String text) implements Block {
    }

    /**
     * One side of a connection, or of a pod: its mark (null for none), its name ({@code Egress of
     * production/frontend}) and why.
     */
    public record Side(Mark mark, String title, List<Inline> text) implements Block {

        public Side {
            text = List.copyOf(text);
        }
    }

    /** Words, possibly with links. */
    public record Paragraph(List<Inline> text) implements Block {

        public Paragraph {
            text = List.copyOf(text);
        }
    }

    /** A named fact: {@code Labels: app=frontend}. */
    public record Fact(String label, List<Inline> value) implements Block {

        public Fact {
            value = List.copyOf(value);
        }
    }

    /** An item of a list, with a mark (or null). */
    public record Item(Mark mark, List<Inline> text) implements Block {

        public Item {
            text = List.copyOf(text);
        }
    }

    /** The one sentence that says what to change. */
    public record Fix(List<Inline> text) implements Block {

        public Fix {
            text = List.copyOf(text);
        }
    }

    /** A line of YAML; {@code marked} when it belongs to a rule the explanation is about. */
    public record CodeLine(String text, boolean marked) {
    }

    /** A policy's YAML with a caption (its name, why it is shown, where it is written). */
    public record Code(List<Inline> caption, List<CodeLine> lines) implements Block {

        public Code {
            caption = List.copyOf(caption);
            lines = List.copyOf(lines);
        }

        /** The YAML as written, without marks. */
        public String source() {
            StringBuilder out = new StringBuilder();
            lines.forEach(line -> out.append(line.text()).append('\n'));
            return out.toString();
        }
    }

    /** A quieter remark: how to read or use what is shown. */
    public record Hint(String text) implements Block {
    }

    // ---------------------------------------------------------------- building

    /** Words with links, built in reading order. */
    public static final class Words {

        private final List<Inline> parts = new ArrayList<>();

        public Words text(String text) {
            if (text.isEmpty()) {
                return this;
            }
            // Neighbouring plain words read as one run.
            if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Text last) {
                parts.set(parts.size() - 1, new Text(last.text() + text));
            } else {
                parts.add(new Text(text));
            }
            return this;
        }

        public Words link(String text, Selection target) {
            parts.add(new Link(text, target));
            return this;
        }

        /** A policy's full name, selecting it. */
        public Words policy(PolicyId id) {
            return link(id.toString(), new Selection.Policy(id));
        }

        /** Policies as links, joined with commas and a final "and". */
        public Words policies(List<PolicyId> ids) {
            for (int i = 0; i < ids.size(); i++) {
                text(i == 0 ? "" : i == ids.size() - 1 ? " and " : ", ");
                policy(ids.get(i));
            }
            return this;
        }

        public boolean isEmpty() {
            return parts.isEmpty();
        }

        public List<Inline> build() {
            return List.copyOf(parts);
        }
    }

    public static Words words() {
        return new Words();
    }

    public static List<Inline> text(String text) {
        return List.of(new Text(text));
    }

    /** Plain text cut into paragraphs at blank lines, for explanations not yet written as blocks. */
    public static List<Block> paragraphs(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String chunk : text.strip().split("\\n\\s*\\n")) {
            if (!chunk.isBlank()) {
                blocks.add(new Paragraph(text(chunk.stripTrailing())));
            }
        }
        return List.copyOf(blocks);
    }

    // ---------------------------------------------------------------- reading as text

    /** The blocks as plain text, one block a paragraph or line, each fact as the pane shows it. */
    public static String plain(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        Block previous = null;
        for (Block block : blocks) {
            if (previous != null && !(block instanceof Item && previous instanceof Item)
                    && !(block instanceof Fact && previous instanceof Fact)) {
                out.append('\n');
            }
            if (block instanceof Verdict verdict) {
                String about = join(verdict.about());
                out.append(verdict.mark().display()).append(about.isEmpty() ? "" : " " + about).append('\n');
            } else if (block instanceof Heading heading) {
                out.append(heading.text()).append('\n');
            } else if (block instanceof Side side) {
                out.append(side.mark() == null ? "" : side.mark().symbol() + " ").append(side.title()).append('\n')
                        .append(join(side.text())).append('\n');
            } else if (block instanceof Paragraph paragraph) {
                out.append(join(paragraph.text())).append('\n');
            } else if (block instanceof Fact fact) {
                out.append(fact.label()).append(": ").append(join(fact.value())).append('\n');
            } else if (block instanceof Item item) {
                out.append(item.mark() == null ? "\u2022" : item.mark().symbol()).append(' ').append(join(item.text())).append('\n');
            } else if (block instanceof Fix fix) {
                out.append("Fix: ").append(join(fix.text())).append('\n');
            } else if (block instanceof Code code) {
                out.append(join(code.caption())).append('\n');
                code.lines().forEach(line -> out.append(line.marked() ? RuleMarker.MARK : RuleMarker.BLANK).append(line.text()).append('\n'));
            } else if (block instanceof Hint hint) {
                out.append(hint.text()).append('\n');
            }
            previous = block;
        }
        return out.toString();
    }

    /** The words of a run of inlines. */
    public static String join(List<Inline> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(part -> out.append(part.text()));
        return out.toString();
    }

    /** The words of a block that may carry links. */
    public static List<Inline> inlines(Block block) {
        if (block instanceof Verdict verdict) {
            return verdict.about();
        } else if (block instanceof Side side) {
            return side.text();
        } else if (block instanceof Paragraph paragraph) {
            return paragraph.text();
        } else if (block instanceof Fact fact) {
            return fact.value();
        } else if (block instanceof Item item) {
            return item.text();
        } else if (block instanceof Fix fix) {
            return fix.text();
        } else if (block instanceof Code code) {
            return code.caption();
        }
        return List.of();
    }

    /** Every link in the blocks, in reading order. */
    public static List<Link> links(List<Block> blocks) {
        List<Link> links = new ArrayList<>();
        for (Block block : blocks) {
            List<Inline> parts = inlines(block);
            parts.stream().filter(Link.class::isInstance).map(Link.class::cast).forEach(links::add);
        }
        return links;
    }
}
