package io.netpolviz.load;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import java.nio.file.Path;

/**
 * What to say of an object defined twice. In one folder it is a mistake. In two folders it is
 * usually on purpose: a kustomize base and an overlay, or the same example in two variants; then
 * the first copy is used, and the message says which and how to see the other one.
 */
final class DuplicateCopies {

    private DuplicateCopies() {
    }

    static Diagnostic diagnostic(String subject, SourceRef first, SourceRef again) {
        String firstFolder = folderOf(first);
        String againFolder = folderOf(again);
        if (!first.isFile() || !again.isFile() || firstFolder.equals(againFolder)) {
            return Diagnostic.error(again, subject + " is defined twice: first at " + first.display()
                    + ", again here. This copy is ignored; remove one of them");
        }
        return Diagnostic.warning(again, subject + " is also defined in " + firstFolder + " (" + first.display()
                + "); that copy is used and this one, in " + againFolder + ", is not. Different folders often hold a kustomize base"
                + " and an overlay, or variants of one app: to see this one, open its folder alone, or render the overlay"
                + " (kubectl kustomize " + againFolder + " > rendered.yaml) and open rendered.yaml");
    }

    private static String folderOf(SourceRef where) {
        Path parent = Path.of(where.file()).getParent();
        return parent == null ? "." : parent.toString();
    }
}
