package io.netpolviz.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Calico's selector language by recursive descent over a small tokenizer. Grammar, loosest
 * binding first: {@code or := and ('||' and)*}, {@code and := unary ('&&' unary)*},
 * {@code unary := '!' unary | '(' or ')' | term}, where a term is {@code all()}, {@code global()},
 * {@code has(key)}, or {@code key OP 'value'} / {@code key [not] in {'a', 'b'}}. The empty text
 * selects everything, as Calico's {@code selector: ""} does.
 */
final class CalicoSelectorParser {

    private final String text;
    private int position;

    CalicoSelectorParser(String text) {
        this.text = text == null ? "" : text;
    }

    CalicoSelector parse() {
        skipSpace();
        if (position == text.length()) {
            return CalicoSelector.ALL;
        }
        CalicoSelector result = or();
        skipSpace();
        if (position < text.length()) {
            throw error("unexpected '" + text.charAt(position) + "'; expected && or || or the end of the selector");
        }
        return result;
    }

    private CalicoSelector or() {
        List<CalicoSelector> operands = new ArrayList<>(List.of(and()));
        while (accept("||")) {
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new CalicoSelector.Or(operands);
    }

    private CalicoSelector and() {
        List<CalicoSelector> operands = new ArrayList<>(List.of(unary()));
        while (accept("&&")) {
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new CalicoSelector.And(operands);
    }

    private CalicoSelector unary() {
        skipSpace();
        if (peek("!=")) {
            throw error("'!=' needs a label key before it");
        }
        if (accept("!")) {
            return new CalicoSelector.Not(unary());
        }
        if (accept("(")) {
            CalicoSelector inner = or();
            expect(")", "a ')' to close the '('");
            return inner;
        }
        return term();
    }

    private CalicoSelector term() {
        int start = position;
        String word = key();
        if (word.isEmpty()) {
            throw error(position == text.length() ? "the selector ends where a label key, has(), all() or global() was expected"
                    : "unexpected '" + text.charAt(position) + "'; expected a label key, has(), all(), global(), '!' or '('");
        }
        skipSpace();
        if (peek("(")) {
            return function(word, start);
        }
        if (accept("==")) {
            return compare(word, CalicoSelector.Compare.Operator.EQUALS);
        }
        if (accept("!=")) {
            return compare(word, CalicoSelector.Compare.Operator.NOT_EQUALS);
        }
        if (acceptWord("not")) {
            if (!acceptWord("in")) {
                throw error("expected 'in' after 'not' (as in: key not in {'a', 'b'})");
            }
            return new CalicoSelector.Compare(word, CalicoSelector.Compare.Operator.NOT_IN, set());
        }
        if (acceptWord("in")) {
            return new CalicoSelector.Compare(word, CalicoSelector.Compare.Operator.IN, set());
        }
        if (acceptWord("contains")) {
            return compare(word, CalicoSelector.Compare.Operator.CONTAINS);
        }
        if (acceptWord("starts")) {
            expectWord("with");
            return compare(word, CalicoSelector.Compare.Operator.STARTS_WITH);
        }
        if (acceptWord("ends")) {
            expectWord("with");
            return compare(word, CalicoSelector.Compare.Operator.ENDS_WITH);
        }
        throw error(position == text.length() ? "the selector ends after '" + word + "'; expected ==, !=, in, not in, or has(" + word + ")"
                : "expected ==, !=, in or not in after '" + word + "'");
    }

    private CalicoSelector function(String name, int start) {
        expect("(", "'('");
        switch (name) {
            case "all", "global" -> {
                expect(")", "')': " + name + "() takes nothing");
                return name.equals("all") ? CalicoSelector.ALL : new CalicoSelector.Global();
            }
            case "has" -> {
                skipSpace();
                String key = key();
                if (key.isEmpty()) {
                    throw error("has() needs a label key, as in has(app)");
                }
                expect(")", "')' after the key in has(" + key);
                return new CalicoSelector.Has(key);
            }
            default -> {
                position = start;
                throw error("unknown function '" + name + "()'; Calico selectors know all(), global() and has(key)");
            }
        }
    }

    private CalicoSelector compare(String key, CalicoSelector.Compare.Operator operator) {
        return new CalicoSelector.Compare(key, operator, List.of(string()));
    }

    private List<String> set() {
        expect("{", "'{' to start the set of values, as in {'a', 'b'}");
        List<String> values = new ArrayList<>();
        skipSpace();
        if (accept("}")) {
            return values;
        }
        values.add(string());
        while (accept(",")) {
            values.add(string());
        }
        expect("}", "',' or '}' in the set of values");
        return values;
    }

    private String string() {
        skipSpace();
        if (position >= text.length() || (text.charAt(position) != '\'' && text.charAt(position) != '"')) {
            throw error("expected a quoted value ('value' or \"value\")");
        }
        char quote = text.charAt(position);
        int end = text.indexOf(quote, position + 1);
        if (end < 0) {
            throw error("the value that starts here is never closed with " + quote);
        }
        String value = text.substring(position + 1, end);
        position = end + 1;
        return value;
    }

    /** A label key: letters, digits and {@code _ . / -}, as label keys with a prefix are written. */
    private String key() {
        int start = position;
        while (position < text.length() && isKeyChar(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == '-';
    }

    private boolean peek(String token) {
        skipSpace();
        return text.startsWith(token, position);
    }

    private boolean accept(String token) {
        if (peek(token)) {
            position += token.length();
            return true;
        }
        return false;
    }

    private boolean acceptWord(String word) {
        skipSpace();
        int end = position + word.length();
        if (text.startsWith(word, position) && (end == text.length() || !isKeyChar(text.charAt(end)))) {
            position = end;
            return true;
        }
        return false;
    }

    private void expectWord(String word) {
        if (!acceptWord(word)) {
            throw error("expected '" + word + "'");
        }
    }

    private void expect(String token, String what) {
        if (!accept(token)) {
            throw error(position == text.length() ? "the selector ends where " + what + " was expected" : "expected " + what);
        }
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private CalicoSelector.SyntaxError error(String message) {
        return new CalicoSelector.SyntaxError(position, "at character " + (position + 1) + ": " + message);
    }
}
