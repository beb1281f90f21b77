package io.netpolviz.load;

import io.netpolviz.model.ClusterSnapshot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads the manifests of a folder (or one file) as a git revision holds them, straight from the
 * repository's objects with JGit: nothing is checked out and no git binary is needed, so
 * {@code git:main:deploy} means what {@code main} holds even while the working tree differs.
 * Files are found as {@link ManifestFinder} finds them on disk: {@code .yaml}, {@code .yml} and
 * {@code .json}, folders whose name starts with a dot skipped, in path order; a folder with a
 * {@code Chart.yaml} is a Helm chart, read whole and rendered ({@link GitCharts}). Each file is named
 * {@code git:REV:path/in/repository} in diagnostics.
 */
public final class GitRevisionReader {

    /** The revision or the path cannot be read: the message says which and what to do. */
    public static final class GitSourceException extends Exception {
        private static final long serialVersionUID = 1L;

        GitSourceException(String message) {
            super(message);
        }
    }

    private final ManifestLoader loader;

    public GitRevisionReader(ManifestLoader loader) {
        this.loader = loader;
    }

    /**
     * @param revision anything git accepts for a commit: a branch, a tag, {@code HEAD~2}, a hash
     * @param path a folder or file inside a repository's working tree, relative to the current
     *     directory or absolute; the repository is the one that contains it
     */
    public ClusterSnapshot read(String revision, Path path) throws GitSourceException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
        if (existing != null) {
            builder.findGitDir(existing.toFile());
        }
        if (builder.getGitDir() == null) {
            throw new GitSourceException(path + " is not inside a git repository; give a folder of a repository's working tree");
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            File workTree = repository.isBare() ? null : repository.getWorkTree();
            if (workTree == null) {
                throw new GitSourceException(builder.getGitDir() + " is a bare repository; give a folder of a working tree");
            }
            Path root = workTree.toPath().toAbsolutePath().normalize();
            Path realRoot = realPath(root);
            Path inRepository = realPath(absolute).startsWith(realRoot) ? realRoot.relativize(realPath(absolute)) : root.relativize(absolute);
            String relative = inRepository.toString().replace(File.separatorChar, '/');
            RevCommit commit = commit(repository, revision);
            List<ManifestBytes> files = files(repository, commit, relative, revision);
            String name = "git:" + revision + ":" + (relative.isEmpty() ? "." : relative);
            return loader.loadBytes(name, files);
        } catch (IOException e) {
            throw new GitSourceException("cannot read the repository at " + builder.getGitDir() + " (" + e.getMessage() + ")");
        }
    }

    /** The real path of the longest existing prefix, with the rest appended: the working tree may be reached through a link. */
    private static Path realPath(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }

    private static RevCommit commit(Repository repository, String revision) throws GitSourceException, IOException {
        ObjectId id;
        try {
            id = repository.resolve(revision + "^{commit}");
        } catch (AmbiguousObjectException e) {
            throw new GitSourceException("revision '" + revision + "' is ambiguous: give more characters of the hash");
        } catch (RevisionSyntaxException e) {
            throw new GitSourceException("'" + revision + "' is not a revision git understands (a branch, tag, hash or HEAD~N)");
        }
        if (id == null) {
            throw new GitSourceException("revision '" + revision + "' does not exist in " + repository.getWorkTree()
                    + "; check the branch, tag or hash (git log --oneline shows them)");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        }
    }

    private static List<ManifestBytes> files(Repository repository, RevCommit commit, String relative, String revision)
            throws GitSourceException, IOException {
        List<ManifestBytes> files = new ArrayList<>();
        String prefix = "git:" + revision + ":";
        if (!relative.isEmpty()) {
            try (TreeWalk single = TreeWalk.forPath(repository, relative, commit.getTree())) {
                if (single == null) {
                    throw new GitSourceException(relative + " does not exist at revision '" + revision + "' of the repository at "
                            + repository.getWorkTree() + "; check the path and the revision (git ls-tree -r " + revision
                            + " --name-only shows what it holds)");
                }
                if (!single.isSubtree()) {
                    files.add(new ManifestBytes(prefix + relative, repository.open(single.getObjectId(0)).getBytes()));
                    return files;
                }
            }
        }
        // Every file below the path first: a Helm chart is rendered from all of its files, whatever their names.
        java.util.Map<String, org.eclipse.jgit.lib.ObjectId> found = new java.util.TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(false);
            String under = relative.isEmpty() ? "" : relative + "/";
            while (walk.next()) {
                String path = walk.getPathString();
                boolean inside = path.startsWith(under) || under.startsWith(path + "/");
                if (walk.isSubtree()) {
                    String name = walk.getNameString();
                    // Enter the folders on the way down to the path, and those below it that are not hidden.
                    if (inside && (under.startsWith(path + "/") || !name.startsWith("."))) {
                        walk.enterSubtree();
                    }
                } else if (path.startsWith(under) && walk.getFileMode(0) != FileMode.GITLINK) {
                    found.put(path, walk.getObjectId(0));
                }
            }
        }
        List<String> charts = GitCharts.roots(found.keySet());
        for (java.util.Map.Entry<String, org.eclipse.jgit.lib.ObjectId> file : found.entrySet()) {
            String path = file.getKey();
            String chart = GitCharts.chartOf(path, charts);
            if (chart != null || ManifestFinder.isManifestName(path.substring(path.lastIndexOf('/') + 1))) {
                files.add(new ManifestBytes(prefix + path, repository.open(file.getValue()).getBytes(),
                        chart == null ? null : prefix + chart));
            }
        }
        files.sort(Comparator.comparing(ManifestBytes::display));
        return files;
    }
}
