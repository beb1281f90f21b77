#!/bin/sh
# Regenerates src/test/resources/corpus from public projects at pinned commits: small excerpts,
# with each project's LICENSE next to them. RealWorldCorpusTest reads them; the expected verdicts
# (expected-probes.tsv) are written by hand from the policies and are not touched by this script.
#
#   scripts/vendor-corpus.sh [WORKDIR]     # clones into WORKDIR (default: a temporary folder)
set -eu
OUT="$(cd "$(dirname "$0")/.." && pwd)/src/test/resources/corpus"
WORK="${1:-$(mktemp -d)}"

# name, repository, commit
fetch() {
    if [ ! -d "$WORK/$1" ]; then
        git clone --quiet --filter=blob:none "https://github.com/$2.git" "$WORK/$1"
    fi
    git -C "$WORK/$1" checkout --quiet "$3"
}

copy() { # project, path in it, destination under the corpus, files to drop
    src="$WORK/$1/$2"; dst="$OUT/$3"
    rm -rf "$dst"; mkdir -p "$dst"; cp -R "$src/." "$dst/"
    find "$dst" \( -name 'README.md' -o -name '*.png' -o -name 'NOTES.txt' \) -delete
}

# Online Boutique (Apache-2.0): a Helm chart, and a kustomize base with its network-policies component.
fetch microservices-demo GoogleCloudPlatform/microservices-demo 34ffea9175946982c3088ed84994fe6019ad6e92
copy microservices-demo helm-chart online-boutique/helm-chart
copy microservices-demo kustomize/base online-boutique/kustomize/base
copy microservices-demo kustomize/components/network-policies online-boutique/kustomize/components/network-policies
cp "$WORK/microservices-demo/LICENSE" "$OUT/online-boutique/LICENSE"

# Network policy recipes (Apache-2.0): policies only, kept in Markdown; the YAML blocks of a few recipes.
fetch recipes ahmetb/kubernetes-network-policy-recipes 11f5018e269359d9f900ae3b5c2e94c306623053
rm -rf "$OUT/policy-recipes"; mkdir -p "$OUT/policy-recipes"
for recipe in 01-deny-all-traffic-to-an-application 02-limit-traffic-to-an-application 04-deny-traffic-from-other-namespaces \
        06-allow-traffic-from-a-namespace 09-allow-traffic-only-to-a-port 11-deny-egress-traffic-from-an-application; do
    # The first ```yaml block that holds a NetworkPolicy (later ones are variants of it, with the same name).
    awk '/^```yaml/{on=1; doc=""; next} /^```/{ if (on && !done && doc ~ /kind: NetworkPolicy/) { printf "%s", doc; done=1 } on=0; next} on{doc=doc $0 "\n"}' \
        "$WORK/recipes/$recipe.md" > "$OUT/policy-recipes/$recipe.yaml"
done
cp "$WORK/recipes/LICENSE" "$OUT/policy-recipes/LICENSE"
echo "corpus written to $OUT (sources in $WORK)"
