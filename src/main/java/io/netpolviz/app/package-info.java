/**
 * What the desktop app needs besides JavaFX: the one seam for background work ({@link
 * io.netpolviz.app.BackgroundWork}) that runs the {@code view} pipeline off the UI thread and
 * delivers results to it, the watcher that notices saved manifests (kept on the open place and
 * registered on the worker by {@link io.netpolviz.app.PlaceWatch}), the list of recent places,
 * the feed of a followed live cluster with its status line, and the reading of the side a picture is
 * compared with ({@link io.netpolviz.app.ComparisonSources}). No JavaFX: the UI thread is an
 * {@link java.util.concurrent.Executor} handed in by {@code ui}.
 */
package io.netpolviz.app;
