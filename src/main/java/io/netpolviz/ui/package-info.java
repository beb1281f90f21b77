/**
 * The JavaFX desktop app: views and view-models only. From the {@code view} pipeline's
 * workspaces and evaluations it produces a window that shows the laid-out reachability diagram,
 * lets the user switch policies off and on with undo, explains edges, nodes and policies in words,
 * and exports the view as PNG or SVG. Views are thin and bind to {@link io.netpolviz.ui.MainViewModel};
 * loading, evaluation, layout and export run through {@code io.netpolviz.app.BackgroundWork},
 * never on the JavaFX thread. The only package that imports JavaFX.
 */
package io.netpolviz.ui;
