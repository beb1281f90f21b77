/**
 * The command line: from arguments and a source (manifest paths or a live cluster) it produces
 * text, JSON, CSV, Markdown, DOT and pictures on standard output or in files, with the exit
 * codes 0 (done), 1 (the input had errors) and 2 (usage error), and for {@code diff}, which compares
 * two sides (manifests, live clusters, git revisions), 3 (connectivity changed). Uses the same engine as the GUI.
 */
package io.netpolviz.cli;
