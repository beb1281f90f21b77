package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleMarkerTest {

    private static final String YAML = String.join("\n",
            "# Lets the web tier in.",
            "kind: NetworkPolicy",
            "spec:",
            "  ingress:",
            "  - from:",
            "    - podSelector: {}",
            "    ports:",
            "    - port: 80",
            "  - from:",
            "    - ipBlock:",
            "        cidr: 10.0.0.0/8",
            "");

    private static NetworkPolicy policy(String text, SourceRef where) {
        return new NetworkPolicy("shop", "web", LabelSelector.EVERYTHING, null, List.of(), List.of(), where, text);
    }

    @Test
    void marksTheLinesOfTheGivenRuleOnly() {
        // The file has the comment on line 10 and "kind" on line 11; the second rule starts on line 18, column 5.
        String marked = RuleMarker.marked(policy(YAML, new SourceRef("p.yaml", 11, 1)), List.of(new SourceRef("p.yaml", 18, 5)));
        List<String> lines = marked.lines().toList();
        assertEquals("  - from:", lines.get(4).substring(2));
        assertEquals(RuleMarker.BLANK + "  - from:", lines.get(4));
        assertEquals(RuleMarker.MARK + "  - from:", lines.get(8));
        assertEquals(RuleMarker.MARK + "    - ipBlock:", lines.get(9));
        assertEquals(RuleMarker.MARK + "        cidr: 10.0.0.0/8", lines.get(10));
    }

    @Test
    void aPolicyWrittenAsAListItemIsMarkedDespiteTheRemovedIndentation() {
        // In the file the policy was "- kind: ..." at column 3 inside a List, so every line was two deeper.
        String marked = RuleMarker.marked(policy(YAML, new SourceRef("list.yaml", 21, 3)), List.of(new SourceRef("list.yaml", 24, 7)));
        List<String> lines = marked.lines().toList();
        assertEquals(RuleMarker.MARK + "  - from:", lines.get(4));
        assertEquals(RuleMarker.MARK + "    - port: 80", lines.get(7));
        assertEquals(RuleMarker.BLANK + "  - from:", lines.get(8));
    }

    @Test
    void withoutSourceTextThePolicysPlaceStandsIn() {
        String marked = RuleMarker.marked(policy("", new SourceRef("p.yaml", 3, 1)), List.of());
        assertEquals("(no YAML recorded for shop/web, defined at p.yaml:3:1)\n", marked);
    }
}
