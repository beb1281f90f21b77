package io.netpolviz.ui;

import io.netpolviz.cluster.ClusterOptions;
import io.netpolviz.cluster.KubeconfigContext;
import io.netpolviz.cluster.KubeconfigContexts;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state behind the connect dialog: the kubeconfig file(s), the contexts read from them (off
 * the UI thread, again whenever the file changes) with their problems, the chosen context, and
 * all namespaces or a chosen list. It says why Connect is not possible yet, and turns a complete
 * form into {@link ClusterOptions}. Lives on the JavaFX thread.
 */
public final class ConnectForm {

    /** A namespace name as the API server accepts it (RFC 1123 label). */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final BackgroundWork work;
    private final List<Path> defaultFiles;

    private final StringProperty kubeconfig = new SimpleStringProperty(this, "kubeconfig", "");
    private final ObservableList<KubeconfigContext> contexts = FXCollections.observableArrayList();
    // Each list has one read-only view, kept: a view holds its listeners weakly, so listeners added
    // to a view made afresh for each call would stop hearing changes once that view is collected.
    private final ObservableList<KubeconfigContext> contextsView = FXCollections.unmodifiableObservableList(contexts);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final StringProperty context = new SimpleStringProperty(this, "context");
    private final BooleanProperty allNamespaces = new SimpleBooleanProperty(this, "allNamespaces", true);
    private final StringProperty namespaces = new SimpleStringProperty(this, "namespaces", "");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper(this, "blocker", "");

    /**
     * @param defaultFiles what kubectl would read ({@code KUBECONFIG}, else {@code ~/.kube/config})
     * @param previous the last connection's options, to start from, or null
     */
    ConnectForm(BackgroundWork work, List<Path> defaultFiles, ClusterOptions previous) {
        this.work = work;
        this.defaultFiles = List.copyOf(defaultFiles);
        String preferredContext = null;
        if (previous != null) {
            kubeconfig.set(previous.kubeconfig() == null ? join(defaultFiles) : previous.kubeconfig().toString());
            preferredContext = previous.context();
            allNamespaces.set(previous.allNamespaces());
            namespaces.set(String.join(", ", previous.sortedNamespaces()));
        } else {
            kubeconfig.set(join(defaultFiles));
        }
        context.set(preferredContext);
        kubeconfig.addListener((o, before, after) -> read());
        context.addListener((o, before, after) -> validate());
        allNamespaces.addListener((o, before, after) -> validate());
        namespaces.addListener((o, before, after) -> validate());
        read();
    }

    /** Reads the contexts of the files now named, keeping the chosen context if they still have it. */
    public void read() {
        List<Path> files = files();
        reading.set(true);
        validate();
        work.submit(Lane.KUBECONFIG, progress -> files.isEmpty() ? null : KubeconfigContexts.read(files),
                new BackgroundWork.Delivery<KubeconfigContexts>() {
                    @Override
                    public void result(KubeconfigContexts value) {
                        reading.set(false);
                        show(value);
                    }

                    @Override
                    public void failure(Throwable error) {
                        reading.set(false);
                        contexts.clear();
                        problems.setAll("Could not read the kubeconfig: " + error.getClass().getSimpleName());
                        validate();
                    }
                });
    }

    private void show(KubeconfigContexts read) {
        String wanted = context.get();
        if (read == null) {
            contexts.clear();
            problems.setAll("Name a kubeconfig file.");
        } else {
            contexts.setAll(read.contexts());
            List<String> found = new ArrayList<>(read.problems().stream().map(Diagnostic::display).toList());
            if (found.isEmpty() && read.contexts().isEmpty()) {
                found.add("The kubeconfig has no contexts: add one with kubectl config set-context, or choose another file.");
            }
            if (read.currentContext().isPresent() && read.context(read.currentContext().get()).isEmpty()) {
                found.add("current-context '" + read.currentContext().get() + "' is not among the contexts.");
            }
            problems.setAll(found);
            if (wanted == null || read.context(wanted).isEmpty()) {
                wanted = read.currentContext().filter(name -> read.context(name).isPresent())
                        .orElse(read.contexts().isEmpty() ? null : read.contexts().get(0).name());
            }
        }
        context.set(wanted);
        validate();
    }

    /** The files the field names: separated as in {@code KUBECONFIG}, {@code ~} for the home folder. */
    List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String entry : kubeconfig.get().split(Pattern.quote(File.pathSeparator))) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.equals("~") || trimmed.startsWith("~/")) {
                trimmed = System.getProperty("user.home") + trimmed.substring(1);
            }
            files.add(Path.of(trimmed));
        }
        return files;
    }

    /** The namespaces typed, separated by commas or spaces, sorted. */
    Set<String> chosenNamespaces() {
        Set<String> names = new TreeSet<>();
        Arrays.stream(namespaces.get().split("[,\\s]+")).map(String::strip).filter(name -> !name.isEmpty()).forEach(names::add);
        return names;
    }

    private void validate() {
        blocker.set(findBlocker());
    }

    private String findBlocker() {
        List<Path> files = files();
        if (files.isEmpty()) {
            return "Name a kubeconfig file.";
        }
        if (files.size() > 1 && !files.equals(defaultFiles)) {
            return "Name one kubeconfig file (several only as KUBECONFIG lists them).";
        }
        if (reading.get()) {
            return "Reading the kubeconfig\u2026";
        }
        if (contexts.isEmpty()) {
            return "No context to connect to.";
        }
        if (context.get() == null || contexts.stream().noneMatch(c -> c.name().equals(context.get()))) {
            return "Choose a context.";
        }
        if (!allNamespaces.get()) {
            Set<String> names = chosenNamespaces();
            if (names.isEmpty()) {
                return "Name at least one namespace, or choose all namespaces.";
            }
            for (String name : names) {
                if (!NAMESPACE.matcher(name).matches()) {
                    return "'" + name + "' is not a namespace name (lower-case letters, digits and '-', at most 63).";
                }
            }
        }
        return "";
    }

    /** The options for {@link MainViewModel#connect}; only when {@link #blockerProperty()} is empty. */
    public ClusterOptions options() {
        if (!blocker.get().isEmpty()) {
            throw new IllegalStateException(blocker.get());
        }
        List<Path> files = files();
        // The default files go as null, so the source merges them exactly as kubectl does.
        Path file = files.equals(defaultFiles) ? null : files.get(0);
        return ClusterOptions.of(file, context.get(), allNamespaces.get() ? Set.of() : chosenNamespaces());
    }

    /** The chosen context's entry, for its server and default namespace. */
    public KubeconfigContext chosenContext() {
        return contexts.stream().filter(c -> c.name().equals(context.get())).findFirst().orElse(null);
    }

    private static String join(List<Path> files) {
        return String.join(File.pathSeparator, files.stream().map(Path::toString).toList());
    }

    public StringProperty kubeconfigProperty() {
        return kubeconfig;
    }

    public ObservableList<KubeconfigContext> contexts() {
        return contextsView;
    }

    /** What went wrong reading the kubeconfig, one line each (file:line: error: message). */
    public ObservableList<String> problems() {
        return problemsView;
    }

    public StringProperty contextProperty() {
        return context;
    }

    public BooleanProperty allNamespacesProperty() {
        return allNamespaces;
    }

    /** The chosen namespaces as typed: {@code shop, payments}. */
    public StringProperty namespacesProperty() {
        return namespaces;
    }

    /** Why Connect cannot be pressed yet, in words; empty when it can. */
    public ReadOnlyStringProperty blockerProperty() {
        return blocker.getReadOnlyProperty();
    }
}
