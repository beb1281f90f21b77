/**
 * The command line: from arguments and a source (manifest paths or a live cluster) it produces
 * text, JSON, CSV, Markdown, DOT and pictures on standard output or in files, with the exit
 * codes 0 (done), 1 (the input had errors, or {@code suggest} has no proposal), 2 (usage error),
 * 3 for {@code diff} (connectivity changed between its two sides: manifests, live clusters, git
 * revisions) and 4 for {@code lint} (warnings found). Uses the same engine as the GUI: {@code suggest}
 * the smallest fix ({@code policy.fix}), {@code paths} and {@code reach} the attack graph
 * ({@code graph.AttackSearch}).
 */
package io.netpolviz.cli;
