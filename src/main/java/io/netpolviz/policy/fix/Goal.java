package io.netpolviz.policy.fix;

/** What a proposal is for: to open a blocked connection, or to close an allowed one. */
public enum Goal {
    ALLOW("allow"), BLOCK("block");

    private final String verb;

    Goal(String verb) {
        this.verb = verb;
    }

    public String verb() {
        return verb;
    }
}
