package io.netpolviz.load;

/**
 * The limits that keep a hostile or accidental input from exhausting memory or time: the size
 * of one file, how many aliases to lists or mappings one document may use, how deep a document
 * may nest, and how many nodes aliases may add when a document is expanded.
 */
public record LoadLimits(long maxFileBytes, int maxAliasesForCollections, int maxNestingDepth, int maxAliasExpansion) {

    /** 16 MiB per file, 50 collection aliases, 50 levels, 100,000 nodes added through aliases. */
    public static final LoadLimits DEFAULT = new LoadLimits(16L * 1024 * 1024, 50, 50, 100_000);

    public LoadLimits {
        if (maxFileBytes <= 0 || maxAliasesForCollections < 0 || maxNestingDepth <= 0 || maxAliasExpansion < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
