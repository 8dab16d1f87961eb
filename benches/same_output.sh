#!/usr/bin/env bash
# Checks that a faster loader reads every archive as the slower one did:
# `pundit export` (posts, blocks, sources, threads and the topic tree) and
# its stderr and exit status, byte for byte, from this tree's binary and
# from a base binary, on the bundled seed, every fixture in tests/fixtures/,
# variants of the plain-text ones (CRLF line ends, hard-wrapped lines, no
# blank lines) and synthetic archives of 10 MiB in every format (plain text
# with and without comment threads, native JSON, WordPress export, RSS,
# saved archive page).
#
#   benches/same_output.sh                 # base: main, built in a scratch worktree
#   benches/same_output.sh REF             # base: any commit
#   BASE=/path/to/pundit benches/same_output.sh   # base: a binary built before
#
# Exits 0 when every output is the same, 1 naming the inputs that differ.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/pundit-same-output.XXXXXX")
cleanup() {
    if [[ -d "$scratch/base-tree" ]]; then
        git -C "$root" worktree remove --force "$scratch/base-tree" >/dev/null 2>&1 || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT
# Archives of the cache's size and more are cached: in the scratch, never in
# the user's cache directory.
export XDG_CACHE_HOME="$scratch/cache" XDG_STATE_HOME="$scratch/state"

cargo build --release --quiet --bin pundit --example synthetic_archive
new="$root/target/release/pundit"
generate="$root/target/release/examples/synthetic_archive"

base=${BASE:-}
if [[ -z "$base" ]]; then
    ref=${1:-main}
    echo "building $ref in a scratch worktree"
    git -C "$root" worktree add --detach --quiet "$scratch/base-tree" "$ref"
    # A target directory of its own, so that this tree's build stays warm.
    cargo build --release --quiet --bin pundit \
        --manifest-path "$scratch/base-tree/Cargo.toml" \
        --target-dir "${BASE_TARGET_DIR:-$root/target/same-output-base}"
    base="${BASE_TARGET_DIR:-$root/target/same-output-base}/release/pundit"
fi

inputs="$scratch/inputs"
mkdir -p "$inputs"
cp -r tests/fixtures/. "$inputs/"
cp assets/seed.txt "$inputs/seed.txt"
"$generate" 10 >"$inputs/synthetic.txt"
"$generate" 10 --threads >"$inputs/synthetic-threads.txt"
"$generate" 10 wxr >"$inputs/synthetic.xml"
"$generate" 10 rss >"$inputs/synthetic.rss"
"$generate" 10 html >"$inputs/synthetic.html"
"$base" export "$inputs/synthetic-threads.txt" >"$inputs/synthetic-threads.json"
# Variants of every plain-text archive: the paragraph splitter's paths.
for text in "$inputs"/*.txt "$inputs"/archives/*.txt; do
    stem=${text%.txt}
    sed 's/$/\r/' "$text" >"$stem.crlf.txt"
    fold -s -w 72 "$text" >"$stem.wrapped.txt"
    grep -v '^[[:space:]]*$' "$text" >"$stem.no-blank-lines.txt" || true
done

# Every file on its own, and the formats folder as one corpus.
mapfile -t files < <(find "$inputs" -type f | sort)
files+=("$inputs/formats")
differ=0
for file in "${files[@]}"; do
    name=${file#"$inputs"/}
    status_base=0
    status_new=0
    "$base" export "$file" >"$scratch/base.out" 2>"$scratch/base.err" || status_base=$?
    "$new" export "$file" >"$scratch/new.out" 2>"$scratch/new.err" || status_new=$?
    if [[ $status_base != "$status_new" ]] ||
        ! cmp -s "$scratch/base.out" "$scratch/new.out" ||
        ! cmp -s "$scratch/base.err" "$scratch/new.err"; then
        echo "DIFFERS: $name (exit $status_base, now $status_new)"
        differ=1
    fi
done
# The bundled corpus, read when no path is given.
"$base" export >"$scratch/base.out"
"$new" export >"$scratch/new.out"
if ! cmp -s "$scratch/base.out" "$scratch/new.out"; then
    echo "DIFFERS: the bundled corpus"
    differ=1
fi
if [[ $differ == 0 ]]; then
    echo "same output on all ${#files[@]} inputs and the bundled corpus"
fi
exit $differ
