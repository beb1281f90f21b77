package io.netpolviz;
public final class Main { public static void main(String[] a) {} }
