/**
 * The picture pipeline, shared by the desktop app and the {@code export} command: from a place
 * (a folder, files, a lesson's step) or a live cluster's snapshot it produces a {@link
 * io.netpolviz.view.Workspace} (snapshot, compiled engine, the graph's frame laid out), and from a
 * workspace and a set of switched-off policies an {@link io.netpolviz.view.Evaluated} picture:
 * verdicts projected on the frame, the diagram restyled, warnings, the policy list. It also
 * answers what a selection means, as blocks of words with links ({@link io.netpolviz.view.SelectionDetails},
 * {@link io.netpolviz.view.Explanation}), how the keyboard moves through a diagram ({@link
 * io.netpolviz.view.DiagramNavigation}), what an
 * expansion or collapse asks for ({@link io.netpolviz.view.Regrouping}), keeps the switches
 * with undo ({@link io.netpolviz.view.ToggleHistory}) and compares a workspace with another side
 * ({@link io.netpolviz.view.Comparison}: the changes of every evaluation, marked on its picture).
 * A workload picture adds the ingress controller as a peer with its edges to the workloads Ingresses
 * and Routes route to, and its words ({@code IngressControllerPicture}).
 * It says what can be asked of a selected edge ({@link io.netpolviz.view.FixQuestion}) and puts the
 * answers in words ({@link io.netpolviz.view.FixAnswer}, {@link io.netpolviz.view.AttackAnswer}) and
 * marks ({@link io.netpolviz.view.AttackOverlay}); proposals added as drafts are policies of the
 * workspace ({@link io.netpolviz.view.DraftPolicies}). The app enters it through one door, {@link
 * io.netpolviz.view.ViewPipeline}: opening, regrouping, re-evaluating and filtering. No JavaFX, no threads of its own beyond a
 * load begun ahead: callers decide where the work runs.
 */
package io.netpolviz.view;
