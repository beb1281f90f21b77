/**
 * The JavaFX desktop app: from a place on disk (a folder of manifests, files, or a lesson in
 * numbered steps) or a live cluster (a kubeconfig context, followed through
 * {@code io.netpolviz.cluster.ClusterSource}) it produces a window that shows the laid-out
 * reachability diagram, lets the user switch policies off and on with undo, explains edges,
 * nodes and policies in words, and exports the view as PNG or SVG. Views are thin and bind to
 * {@link io.netpolviz.ui.MainViewModel}; loading, evaluation, layout and export run through the
 * one {@link io.netpolviz.ui.BackgroundWork} seam, never on the JavaFX thread, and a live
 * cluster's callbacks reach the JavaFX thread through the same seam. The only package that
 * imports JavaFX.
 */
package io.netpolviz.ui;
