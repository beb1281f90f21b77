package io.netpolviz.model;

/** A policy port written as a number or as the name of a container port. Exactly one is set. */
public record PortRef(Integer number, String name) {

    public static PortRef number(int number) {
        return new PortRef(number, null);
    }

    public static PortRef named(String name) {
        return new PortRef(null, name);
    }

    public boolean isNamed() {
        return name != null;
    }

    public String display() {
        return isNamed() ? name : Integer.toString(number);
    }
}
