package io.netpolviz.view;

/** Where long work (reading, compiling, laying out) tells how far it got, as a fraction and a sentence. */
@FunctionalInterface
public interface Progress {

    /** Progress that nobody watches. */
    Progress SILENT = (fraction, message) -> { };

    public void report(double fraction, String message);
}
