package io.netpolviz.view;

/**
 * A regrouping refused on the worker, once its graph showed more edges than a person can read;
 * the message says so and what to do instead. Nothing was laid out.
 */
public final class TooMuchToDraw extends Exception {

    private static final long serialVersionUID = 1L;

    public TooMuchToDraw(String message) {
        super(message);
    }
}
