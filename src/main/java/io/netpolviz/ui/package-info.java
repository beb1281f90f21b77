/**
 * The JavaFX desktop app: views and view-models only. From the {@code view} pipeline's
 * workspaces and evaluations it produces a window that shows the laid-out reachability diagram,
 * lets the user switch policies off and on with undo, explains edges, nodes and policies in words,
 * and exports the view as PNG or SVG. {@link io.netpolviz.ui.MainViewModel} holds the picture on
 * show and puts each load in place; its parts hold the rest, and views bind to the part they
 * need: {@link io.netpolviz.ui.SwitchesViewModel}, {@link io.netpolviz.ui.LiveClusterViewModel},
 * {@link io.netpolviz.ui.LessonViewModel}, {@link io.netpolviz.ui.SelectionViewModel}, {@link
 * io.netpolviz.ui.FilterViewModel}, {@link io.netpolviz.ui.RegroupViewModel}, {@link
 * io.netpolviz.ui.ProblemsViewModel}, {@link io.netpolviz.ui.ExportViewModel}, {@link
 * io.netpolviz.ui.FixViewModel} (the smallest fix, drafts), {@link io.netpolviz.ui.AttackViewModel}
 * (reach, paths and cuts, marked on the diagram), {@link io.netpolviz.ui.CompareViewModel} (File →
 * Compare with: the picture compared with a folder, a git revision or a cluster, and the list of
 * changes) and {@link io.netpolviz.ui.RecentPlacesViewModel}. Loading, evaluation, layout, export, file watching and
 * preferences run through {@code io.netpolviz.app.BackgroundWork}, never on the JavaFX thread.
 * An exception nobody caught, on any thread, reaches {@link io.netpolviz.ui.FailureDialog} (the
 * stack trace to copy) through {@link io.netpolviz.ui.FailureReporting}; the app goes on.
 * The only package that imports JavaFX.
 */
package io.netpolviz.ui;
