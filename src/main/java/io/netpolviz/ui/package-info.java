/**
 * The JavaFX desktop app: from a place on disk (a folder of manifests, files, or a lesson in
 * numbered steps) it produces a window that shows the laid-out reachability diagram, lets the
 * user switch policies off and on with undo, and explains edges, nodes and policies in words.
 * Views are thin and bind to {@link io.netpolviz.ui.MainViewModel}; loading, evaluation, layout
 * and export run through the one {@link io.netpolviz.ui.BackgroundWork} seam, never on the
 * JavaFX thread. The only package that imports JavaFX.
 */
package io.netpolviz.ui;
