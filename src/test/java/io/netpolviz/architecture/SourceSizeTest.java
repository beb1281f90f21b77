package io.netpolviz.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Classes a maintainer can hold in mind at once: no source file of the application is longer than
 * 400 lines (the measure issue 16 set when {@code MainViewModel} had grown to 1,127). A class that
 * outgrows it splits along a seam, as {@code SelectionDetails} did into node and policy details.
 */
class SourceSizeTest {

    private static final int MOST_LINES = 400;

    @Test
    void noApplicationSourceFileIsLongerThanFourHundredLines() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> tooLong = files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> lines(path) > MOST_LINES)
                    .map(path -> path + ": " + lines(path) + " lines").sorted().toList();
            assertEquals(List.of(), tooLong);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
