package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import io.netpolviz.load.PolicyManifests;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.policy.fix.Advice;
import io.netpolviz.policy.fix.Draft;
import io.netpolviz.policy.fix.FixAdvisor;
import io.netpolviz.policy.fix.Proposal;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.Explanation;
import io.netpolviz.view.FixAnswer;
import io.netpolviz.view.FixQuestion;
import io.netpolviz.view.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * "How do I allow this?" and "How do I block this?": the smallest fix for the selected edge's
 * connection, found and verified off the JavaFX thread against the evaluation on show; the
 * proposal can be added to the open place as a draft policy, or saved as a YAML file.
 */
public final class FixViewModel {

    /** An answer on show: the advice, the proposal shown (the best, or the narrower one), its YAML and its blocks. */
    public record Answer(Advice advice, Proposal shown, String yaml, List<Explanation.Block> blocks) {

        public boolean hasProposal() {
            return shown != null;
        }

        /** Whether a narrower proposal exists that is not the one on show. */
        public boolean offersNarrower() {
            return advice.narrower().isPresent() && advice.narrower().get() != shown;
        }

        /** Whether an Admin-tier change is offered beside the one on show. */
        public boolean offersAdminTier() {
            return advice.adminTier().isPresent() && advice.adminTier().get() != shown;
        }

        /** Whether the first proposal was set aside for the narrower or the Admin-tier one: the way back to it. */
        public boolean offersBest() {
            return advice.best().isPresent() && advice.best().get() != shown;
        }
    }

    private final BackgroundWork work;
    private final Picture picture;
    private final StatusLine status;
    private final Consumer<Draft> addDraft;
    private final ReadOnlyObjectWrapper<Answer> answer = new ReadOnlyObjectWrapper<>(this, "answer");
    private final ReadOnlyBooleanWrapper thinking = new ReadOnlyBooleanWrapper(this, "thinking");
    private Evaluated askedOf;

    FixViewModel(BackgroundWork work, Picture picture, StatusLine status, Consumer<Draft> addDraft) {
        this.work = work;
        this.picture = picture;
        this.status = status;
        this.addDraft = addDraft;
    }

    /** Finds and verifies the smallest change for the question, against the evaluation on show. */
    public void ask(FixQuestion question) {
        Evaluated against = picture.evaluated();
        if (against == null) {
            return;
        }
        askedOf = against;
        answer.set(null);
        thinking.set(true);
        status.say("Looking for the smallest change that would " + question.goal().verb() + " " + question.target().display()
                + ", and verifying it\u2026");
        work.submit(Lane.ADVICE, progressReport -> {
            Advice advice = new FixAdvisor(against.evaluation()).advise(question.goal(), question.target());
            return answerFor(against, advice, advice.best().orElse(null));
        }, new BackgroundWork.Delivery<Answer>() {
            @Override
            public void result(Answer value) {
                thinking.set(false);
                answer.set(value);
                status.say(value.hasProposal() ? "Proposal verified: " + value.shown().draft().steps().get(0)
                        : "No proposal: " + value.advice().whyNone());
            }

            @Override
            public void failure(Throwable error) {
                thinking.set(false);
                status.say("Could not find a change: " + StatusLine.message(error));
            }
        });
    }

    /** Shows the narrower proposal (a label of their own for the workloads first) in place of the best one. */
    public void showNarrower() {
        Answer current = answer.get();
        if (current != null && current.offersNarrower()) {
            answer.set(answerFor(askedOf, current.advice(), current.advice().narrower().get()));
        }
    }

    /** Shows the Admin-tier change offered beside the NetworkPolicy edit in its place. */
    public void showAdminTier() {
        Answer current = answer.get();
        if (current != null && current.offersAdminTier()) {
            answer.set(answerFor(askedOf, current.advice(), current.advice().adminTier().get()));
        }
    }

    /** Shows the first proposal again, after the narrower or the Admin-tier one was on show. */
    public void showBest() {
        Answer current = answer.get();
        if (current != null && current.offersBest()) {
            answer.set(answerFor(askedOf, current.advice(), current.advice().best().get()));
        }
    }

    private static Answer answerFor(Evaluated against, Advice advice, Proposal shown) {
        String yaml = shown == null ? "" : PolicyManifests.toYaml(shown.draft().policies(), shown.draft().clusterPolicies());
        return new Answer(advice, shown, yaml, FixAnswer.blocks(against.evaluation(), advice, shown, yaml));
    }

    /** Adds the proposal on show to the open place as draft policies: evaluated and switchable, not written anywhere. */
    public void addAsDraft() {
        Answer current = answer.get();
        if (current == null || !current.hasProposal()) {
            return;
        }
        Draft draft = current.shown().draft();
        // Each draft policy shows its own YAML, as a policy of the files shows its text.
        List<NetworkPolicy> written = draft.policies().stream().map(p -> new NetworkPolicy(p.namespace(), p.name(), p.podSelector(),
                p.declaredPolicyTypes(), p.ingress(), p.egress(), p.where(), PolicyManifests.toYaml(List.of(p)).substring(4))).toList();
        List<ClusterPolicy> clusterWritten = draft.clusterPolicies().stream().map(p -> new ClusterPolicy(p.kind(), p.name(), p.tier(),
                p.priority(), p.subject(), p.ingress(), p.egress(), p.where(), PolicyManifests.toYaml(List.of(), List.of(p)).substring(4)))
                .toList();
        addDraft.accept(new Draft(written, clusterWritten, draft.created(), draft.labels(), draft.steps()));
    }

    /** Writes the proposal on show to {@code file}, ready for {@code kubectl apply -f}. */
    public void save(Path file) {
        Answer current = answer.get();
        if (current != null && current.hasProposal()) {
            write(file, current.yaml(), "the proposal");
        }
    }

    /** Writes every draft policy of the open place to {@code file}, each under the name it would be applied with. */
    public void saveDrafts(Path file) {
        Workspace workspace = picture.current();
        if (workspace != null && !workspace.drafts().isEmpty()) {
            write(file, PolicyManifests.toYaml(workspace.drafts().toApply(), workspace.drafts().clusterToApply()),
                    workspace.drafts().entries().size() + workspace.drafts().clusterEntries().size() + " draft policies");
        }
    }

    private void write(Path file, String yaml, String what) {
        work.submit(Lane.EXPORT, progressReport -> Files.writeString(file, yaml, StandardCharsets.UTF_8), new BackgroundWork.Delivery<Path>() {
            @Override
            public void result(Path value) {
                status.say("Saved " + what + " to " + value + ": kubectl apply -f " + value);
            }

            @Override
            public void failure(Throwable error) {
                status.say("Could not save " + file + ": " + StatusLine.message(error));
            }
        });
    }

    /** The place changed or was cleared: an answer about another cluster would mislead. */
    void forget() {
        work.cancel(Lane.ADVICE);
        thinking.set(false);
        answer.set(null);
    }

    public ReadOnlyObjectProperty<Answer> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty thinkingProperty() {
        return thinking.getReadOnlyProperty();
    }
}
