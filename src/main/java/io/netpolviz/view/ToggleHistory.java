package io.netpolviz.view;

import io.netpolviz.model.PolicyId;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Policy switches as commands with undo and redo. The state is the set of switched-off policies;
 * each command remembers the set before and after, so undo and redo are exact whatever the
 * command was (one toggle, all on, all off).
 */
public final class ToggleHistory {

    /** One command: what it is called and the switched-off sets around it. */
    public record Command(String label, Set<PolicyId> offBefore, Set<PolicyId> offAfter) {
        public Command {
            offBefore = sorted(offBefore);
            offAfter = sorted(offAfter);
        }
    }

    private final Deque<Command> undoStack = new ArrayDeque<>();
    private final Deque<Command> redoStack = new ArrayDeque<>();
    private Set<PolicyId> switchedOff = Set.of();

    /** The policies switched off now, sorted. */
    public Set<PolicyId> switchedOff() {
        return switchedOff;
    }

    /** Forgets every command and starts from {@code off}: a newly opened cluster. */
    public void reset(Collection<PolicyId> off) {
        undoStack.clear();
        redoStack.clear();
        switchedOff = sorted(off);
    }

    /**
     * Forgets switches of policies that no longer exist (a live cluster deleted them), so that a
     * policy created again later starts switched on. Not a command: nothing to undo.
     */
    public void retainExisting(Collection<PolicyId> existing) {
        Set<PolicyId> kept = new TreeSet<>(switchedOff);
        kept.retainAll(Set.copyOf(existing));
        switchedOff = Collections.unmodifiableSet(kept);
    }

    /** Switches one policy over. */
    public Optional<Command> toggle(PolicyId policy) {
        Set<PolicyId> after = new TreeSet<>(switchedOff);
        boolean nowOff = after.add(policy);
        if (!nowOff) {
            after.remove(policy);
        }
        return perform((nowOff ? "switch off " : "switch on ") + policy, after);
    }

    /** Switches every policy on. */
    public Optional<Command> allOn() {
        return perform("all on", Set.of());
    }

    /** Switches every one of {@code policies} off. */
    public Optional<Command> allOff(Collection<PolicyId> policies) {
        return perform("all off", Set.copyOf(policies));
    }

    /** Switches {@code policies} off as well, as one command (a draft that replaces them was added). */
    public Optional<Command> switchOff(String label, Collection<PolicyId> policies) {
        Set<PolicyId> after = new TreeSet<>(switchedOff);
        after.addAll(policies);
        return perform(label, after);
    }

    /** Runs a command that leads to {@code after}; nothing happens when that is the current state. */
    private Optional<Command> perform(String label, Set<PolicyId> after) {
        Set<PolicyId> target = sorted(after);
        if (target.equals(switchedOff)) {
            return Optional.empty();
        }
        Command command = new Command(label, switchedOff, target);
        undoStack.push(command);
        redoStack.clear();
        switchedOff = command.offAfter();
        return Optional.of(command);
    }

    public Optional<Command> undo() {
        if (undoStack.isEmpty()) {
            return Optional.empty();
        }
        Command command = undoStack.pop();
        redoStack.push(command);
        switchedOff = command.offBefore();
        return Optional.of(command);
    }

    public Optional<Command> redo() {
        if (redoStack.isEmpty()) {
            return Optional.empty();
        }
        Command command = redoStack.pop();
        undoStack.push(command);
        switchedOff = command.offAfter();
        return Optional.of(command);
    }

    public boolean canUndo() {
        return !undoStack.isEmpty();
    }

    public boolean canRedo() {
        return !redoStack.isEmpty();
    }

    /** What undo would take back, for the menu item. */
    public Optional<String> undoLabel() {
        return Optional.ofNullable(undoStack.peek()).map(Command::label);
    }

    public Optional<String> redoLabel() {
        return Optional.ofNullable(redoStack.peek()).map(Command::label);
    }

    private static Set<PolicyId> sorted(Collection<PolicyId> policies) {
        return Collections.unmodifiableSet(new TreeSet<>(policies));
    }
}
