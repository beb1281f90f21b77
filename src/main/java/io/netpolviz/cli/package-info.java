/**
 * The command line: from arguments and a source (manifest paths or a live cluster) it produces
 * text, JSON, CSV, Markdown, DOT and pictures on standard output or in files, with the exit
 * codes 0 (done), 1 (the input had errors, or {@code suggest} has no proposal) and 2 (usage error).
 * Uses the same engine as the GUI: {@code suggest} the smallest fix ({@code policy.fix}), {@code paths}
 * and {@code reach} the attack graph ({@code graph.AttackSearch}).
 */
package io.netpolviz.cli;
