package io.netpolviz.view;

/** A file's text to show at a line, for a diagnostic's link; {@code problem} is what was wrong there. */
public record SourceExcerpt(String file, int line, int column, String text, String problem) {
}
