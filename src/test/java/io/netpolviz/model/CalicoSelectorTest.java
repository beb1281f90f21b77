package io.netpolviz.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calico's selector language, each case from the table in docs.tigera.io's NetworkPolicy
 * reference, "Selectors" (https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors).
 */
class CalicoSelectorTest {

    private static final Map<String, String> DB = Map.of("app", "db", "tier", "back");
    private static final Map<String, String> WEB = Map.of("app", "web");

    private static boolean matches(String selector, Map<String, String> labels) {
        return CalicoSelector.parse(selector).matches(labels);
    }

    @Test
    void equalityMatchesOnlyThatValue() {
        // "k == 'v' | Matches resources with the label 'k' and value 'v'."
        assertTrue(matches("app == 'db'", DB));
        assertFalse(matches("app == 'db'", WEB));
        assertTrue(matches("app == \"db\"", DB), "double quotes are accepted too");
    }

    @Test
    void inequalityAlsoMatchesResourcesWithoutTheLabel() {
        // "k != 'v' | Matches resources without label 'k' or with label 'k' and value not equal to v"
        assertTrue(matches("tier != 'back'", WEB));
        assertFalse(matches("tier != 'back'", DB));
    }

    @Test
    void hasAndNotHas() {
        // "has(k) | Matches resources with label 'k', independent of value. To match pods that do not
        // have label k, combine this operator with ! to form !has(k)"
        assertTrue(matches("has(tier)", DB));
        assertFalse(matches("has(tier)", WEB));
        assertTrue(matches("!has(tier)", WEB));
    }

    @Test
    void setMembership() {
        // "k in { 'v1', 'v2' } | Matches resources with label 'k' and value in the given set"
        // "k not in { 'v1', 'v2' } | Matches resources without label 'k' or with label 'k' and value not in the given set"
        assertTrue(matches("app in { 'db', 'cache' }", DB));
        assertFalse(matches("app in {'cache'}", DB));
        assertTrue(matches("tier not in {'front'}", WEB), "a resource without the label is not in the set");
        assertFalse(matches("app not in {'db','web'}", WEB));
    }

    @Test
    void allMatchesEverythingAndGlobalNoPod() {
        // "all() | Match all in-scope resources."; "global() | Match all non-namespaced resources.
        // Useful in a namespaceSelector to select global resources such as global network sets."
        assertTrue(matches("all()", Map.of()));
        assertTrue(matches("", WEB), "an empty selector selects everything, as all() does");
        assertFalse(CalicoSelector.parse("global()").matches(WEB, true));
        assertTrue(CalicoSelector.parse("global()").matches(Map.of(), false));
    }

    @Test
    void substringOperators() {
        // "k contains 's'", "k starts with 's'", "k ends with 's'"
        assertTrue(matches("app contains 'e'", WEB));
        assertTrue(matches("app starts with 'w'", WEB));
        assertTrue(matches("app ends with 'b'", WEB));
        assertFalse(matches("team starts with 'w'", WEB));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        // "Operators have the following precedence: Highest: all the match operators; Parentheses;
        // Negation with !; Conjunction with &&; Lowest: Disjunction with ||"
        assertTrue(matches("app == 'web' || app == 'db' && tier == 'front'", WEB), "a || (b && c)");
        assertFalse(matches("(app == 'web' || app == 'db') && tier == 'front'", WEB));
        assertTrue(matches("!app == 'db' && has(app)", WEB), "(!a) && b");
        assertFalse(matches("!(app == 'web' || has(tier))", WEB));
    }

    @Test
    void displayWritesTheExpressionBackSoThatItParsesToTheSameTree() {
        for (String text : new String[] {"app == 'db' && !has(debug)", "a in {'x', 'y'} || (b != 'z' && all())", "!(x == 'y')"}) {
            CalicoSelector parsed = CalicoSelector.parse(text);
            assertEquals(parsed, CalicoSelector.parse(parsed.display()), text);
        }
    }

    @Test
    void syntaxErrorsNameTheCharacterWhereTheyWereFound() {
        CalicoSelector.SyntaxError unclosed = assertThrows(CalicoSelector.SyntaxError.class, () -> CalicoSelector.parse("app == 'db"));
        assertEquals(7, unclosed.position());
        assertTrue(unclosed.getMessage().contains("character 8") && unclosed.getMessage().contains("never closed"), unclosed.getMessage());
        CalicoSelector.SyntaxError kubectl = assertThrows(CalicoSelector.SyntaxError.class, () -> CalicoSelector.parse("app = db"));
        assertEquals(4, kubectl.position());
        assertTrue(kubectl.getMessage().contains("expected ==, !=, in or not in"), kubectl.getMessage());
        CalicoSelector.SyntaxError dangling = assertThrows(CalicoSelector.SyntaxError.class, () -> CalicoSelector.parse("has(app) &&"));
        assertTrue(dangling.getMessage().contains("ends"), dangling.getMessage());
        CalicoSelector.SyntaxError function = assertThrows(CalicoSelector.SyntaxError.class, () -> CalicoSelector.parse("exists(app)"));
        assertEquals(0, function.position());
        assertThrows(CalicoSelector.SyntaxError.class, () -> CalicoSelector.parse("(app == 'a'"));
        assertThrows(CalicoSelector.SyntaxError.class, () -> CalicoSelector.parse("app in {'a' 'b'}"));
    }
}
