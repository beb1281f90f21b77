package io.netpolviz.ui;

import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.fix.Draft;
import io.netpolviz.view.DraftPolicies;
import io.netpolviz.view.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adds a proposal to the open place as draft policies: the place is read again with them among
 * its policies, and a policy a draft would replace is switched off (one command, undoable), so
 * that the picture shows the cluster as it would be. Drafts stay until another place is opened.
 */
final class DraftAdding {

    private final Picture picture;
    private final SwitchesViewModel switches;
    private final PictureLoads loads;
    private final StatusLine status;

    DraftAdding(Picture picture, SwitchesViewModel switches, PictureLoads loads, StatusLine status) {
        this.picture = picture;
        this.switches = switches;
        this.loads = loads;
        this.status = status;
    }

    void add(Draft draft) {
        Workspace current = picture.current();
        if (current == null || current.live()) {
            status.say("Drafts can be added to a place of files; a live cluster is only ever read.");
            return;
        }
        DraftPolicies drafts = current.drafts().with(draft, current.snapshot());
        Set<PolicyId> replaced = new TreeSet<>();
        drafts.entries().stream().filter(entry -> entry.replaces() != null && draft.policies().contains(entry.applied()))
                .forEach(entry -> replaced.add(entry.replaces()));
        drafts.clusterEntries().stream().filter(entry -> entry.replaces() != null && draft.clusterPolicies().contains(entry.applied()))
                .forEach(entry -> replaced.add(entry.replaces()));
        switches.switchOffReplaced(replaced);
        List<Path> place = current.place();
        loads.place(current.name(), progressReport -> place, current.step(), current.bundled(), PictureLoads.Plan.RELOAD, drafts);
        int count = draft.policies().size() + draft.clusterPolicies().size();
        status.say("Adding " + count + (count == 1 ? " draft policy" : " draft policies") + "\u2026");
    }
}
