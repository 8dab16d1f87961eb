#!/usr/bin/env bash
# Whole-process figures at two or more sizes, for the README's Performance
# table: each row is the release binary run on a synthetic archive written
# to a scratch directory (and read once beforehand, so that it is in the
# page cache), RUNS times; it prints the range of wall times, the
# throughput, the CPU time and the peak resident memory (`/usr/bin/time`).
#
#   benches/scale.sh                       # every row at 250 MiB and 1 GiB
#   benches/scale.sh 100 200               # every row at 100 and 200 MiB
#   ROWS="text wxr" RUNS=5 benches/scale.sh 100 500
#
# Rows (ROWS, in this order by default):
#   text    `pundit tree` on plain text with comment threads (`--threads`)
#   json    `pundit tree` on that archive's native JSON export, against
#           Python's `json.load` of the same file
#   search  `pundit search --count WORD` on the plain text, against
#           `grep -ci WORD` on the same file
#   wxr     `pundit tree` on a WordPress export, topic tree included; its
#           peak memory beside the text the corpus keeps
#   first   the reader in a pseudo-terminal on the plain text, parsing it
#           (`--no-cache`): the time from launch to the first screen showing
#           a post's title (run it on its own: ROWS=first benches/scale.sh);
#           then a first open with the cache (parsed, indexed, its cache
#           entry written, the reader moved onto it): the reader's peak
#           resident memory (VmHWM) and what it holds once it has settled
#           (VmRSS, and RssAnon: its own, not the mapped file's pages)
#   reopen  the reader reopening the plain text from its cache: the time
#           from starting it in a tmux pane until the screen shows a post
#           (the pane polled every 5 ms), and the reader's resident memory
#           a second later
#   searched the reader reopened from the cache in a tmux pane, three
#           searches typed one after another (WORD, then SECOND_WORD,
#           then WORD again, each confirmed with Enter): its resident
#           memory before, its peak (VmHWM) and what it holds a second
#           after each search (VmRSS)
#   cached  `pundit search` (the count, and every line) on the plain text
#           read from its cache, against `grep -ci WORD` on the same file
# A row is a function `row_NAME SIZE_MIB`, named in ROWS to run.
#
# The rows up to `first` parse every time (`--no-cache`); the cache rows
# write the cache once first. The cache lives in SCRATCH too
# (XDG_CACHE_HOME), never in the user's.
#
# The archives take SIZE MiB each (JSON about twice that) in SCRATCH
# (default: a directory under /tmp), deleted on exit. The load average is
# printed before and after: on a shared machine, read the lower wall times.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
ROWS=${ROWS:-text json search wxr first reopen searched cached}
WORD=${WORD:-minister}
SECOND_WORD=${SECOND_WORD:-president}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(250 1024)

cargo build --release --quiet --bin pundit --example synthetic_archive
pundit="$(pwd)/target/release/pundit"
generate="$(pwd)/target/release/examples/synthetic_archive"
scratch=$(mktemp -d "${SCRATCH:-/tmp}/pundit-scale.XXXXXX")
export XDG_CACHE_HOME="$scratch/cache" XDG_STATE_HOME="$scratch/state"
session="pundit-scale-$$"
# (`|| true`: under `set -e` a failing command would end the trap before
# the scratch directory is removed.)
trap 'tmux kill-session -t "$session" 2>/dev/null || true; tmux kill-session -t "$session-keep" 2>/dev/null || true; rm -rf "$scratch"' EXIT

# `measure LABEL BYTES COMMAND...`: the command RUNS times, its output
# kept in a scratch file; prints one table row and leaves the peak in `last_peak`,
# the wall times in `last_walls`.
measure() {
    local label=$1 bytes=$2
    shift 2
    local walls=() cpus=() peak=0
    for _ in $(seq "$RUNS"); do
        # Output to a file, not /dev/null, where grep would stop at the
        # first match.
        /usr/bin/time -o "$scratch/time" -f '%e %U %S %M' "$@" >"$scratch/out" 2>&1
        read -r wall user sys kilobytes <"$scratch/time"
        walls+=("$wall")
        cpus+=("$(echo "$user + $sys" | bc)")
        ((kilobytes > peak)) && peak=$kilobytes
    done
    last_peak=$((peak * 1024))
    last_walls=${walls[*]}
    python3 - "$label" "$bytes" "$peak" "${walls[*]}" "${cpus[*]}" <<'EOF'
import sys
label, size, peak = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) * 1024
walls = [float(w) for w in sys.argv[4].split()]
cpus = [float(c) for c in sys.argv[5].split()]
lo, hi = max(min(walls), 0.01), max(max(walls), 0.01)
print(f"| {label} | {size / 1e6:.0f} MB | {lo:.2f}–{hi:.2f} s | "
      f"{size / 1e6 / hi:.0f}–{size / 1e6 / lo:.0f} MB/s | "
      f"{min(cpus):.2f}–{max(cpus):.2f} s | {peak / 1e6:.0f} MB ({peak / size:.2f}×) |")
EOF
}

# `archive SIZE KIND...`: the path of a synthetic archive, written once.
archive() {
    local size=$1 kind=${2:-} path
    path="$scratch/$size${kind//-/}"
    [[ -f $path ]] || "$generate" "$size" $kind >"$path"
    cat "$path" >/dev/null
    echo "$path"
}

row_text() {
    local path
    path=$(archive "$1" --threads)
    measure "pundit tree, plain text with threads" "$(stat -c %s "$path")" "$pundit" tree --no-cache "$path"
}

row_json() {
    local text json
    text=$(archive "$1" --threads)
    json="$text.json"
    [[ -f $json ]] || "$pundit" export --no-cache "$text" >"$json"
    cat "$json" >/dev/null
    local bytes
    bytes=$(stat -c %s "$json")
    measure "pundit tree, native JSON" "$bytes" "$pundit" tree --no-cache "$json"
    # Python's parse alone, timed inside the process (start-up left out).
    python3 - "$json" "$RUNS" "$last_walls" <<'EOF'
import json, sys, time
path, runs, pundit = sys.argv[1], int(sys.argv[2]), [float(w) for w in sys.argv[3].split()]
times = []
for _ in range(runs):
    start = time.time()
    json.load(open(path))
    times.append(time.time() - start)
print(f"| python3 json.load, the same file (parse alone) | | {min(times):.2f}–{max(times):.2f} s | "
      f"pundit / Python: {min(pundit) / max(times):.2f}–{max(pundit) / min(times):.2f}× | | |")
EOF
}

row_search() {
    local path
    path=$(archive "$1" --threads)
    local bytes
    bytes=$(stat -c %s "$path")
    measure "pundit search --count $WORD" "$bytes" "$pundit" search --no-cache --count "$WORD" "$path"
    measure "grep -ci $WORD, the same file" "$bytes" grep -ci "$WORD" "$path"
}

# `cache_of PATH`: writes PATH's cache entry (pundit tree writes it after
# its output), and reads the entry once so that it is in the page cache.
cache_of() {
    "$pundit" tree "$1" >/dev/null
    cat "$XDG_CACHE_HOME"/pundit/*.pundit-cache >/dev/null
    # The entry's writeback to disk would otherwise compete with the runs.
    sync
}

row_reopen() {
    local path
    path=$(archive "$1" --threads)
    cache_of "$path"
    python3 - "$pundit" "$path" "$session" "$RUNS" "$(stat -c %s "$path")" <<'EOF'
import os, subprocess, sys, time
pundit, path, session, runs, size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout
times, rss, status = [], [], ""
# The tmux server may be older than this script: its panes do not
# inherit this environment, so the cache's directory is named here.
env = f"env XDG_CACHE_HOME={os.environ['XDG_CACHE_HOME']} XDG_STATE_HOME={os.environ['XDG_STATE_HOME']}"
# A session of its own keeps one tmux server up for every run: the time
# measured is pundit's, not a server's start.
tmux("new-session", "-d", "-s", session + "-keep", "sleep 600")
for _ in range(runs):
    # Should the server still be exiting from an earlier script, it refuses
    # the new session: try again until one is made.
    for _attempt in range(100):
        start = time.monotonic()
        made = subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                               f"{env} {pundit} {path}; sleep 60"], capture_output=True)
        if made.returncode == 0:
            break
        time.sleep(0.05)
    while True:
        lines = tmux("capture-pane", "-p", "-t", session).rstrip().splitlines()
        if lines and "post 1/" in lines[-1]:
            break
        if time.monotonic() - start > 60:
            sys.exit("no post on screen after 60 s: " + "\n".join(lines[-3:]))
        time.sleep(0.005)
    times.append(time.monotonic() - start)
    status = lines[-1]
    time.sleep(1)
    pane = tmux("list-panes", "-t", session, "-F", "#{pane_pid}").strip()
    child = subprocess.run(["ps", "--ppid", pane, "-o", "rss="], capture_output=True, text=True).stdout.split()
    rss.append(int(child[0]) * 1024 if child else 0)
    tmux("kill-session", "-t", session)
tmux("kill-session", "-t", session + "-keep")
assert "Opened from the cache" in status, status
print(f"| reader reopened from the cache: a post on screen (tmux) | {size / 1e6:.0f} MB | "
      f"{min(times) * 1000:.0f}–{max(times) * 1000:.0f} ms | | | {max(rss) / 1e6:.0f} MB resident after 1 s |")
EOF
}

row_searched() {
    local path
    path=$(archive "$1" --threads)
    cache_of "$path"
    # A fresh state, so that the reader opens on the first post.
    rm -rf "$XDG_STATE_HOME"
    python3 - "$pundit" "$path" "$session" "$WORD" "$SECOND_WORD" <<'EOF'
import os, subprocess, sys, time
pundit, path, session, word, second = sys.argv[1:6]
def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout
def status_line():
    lines = tmux("capture-pane", "-p", "-t", session).rstrip().splitlines()
    return lines[-1] if lines else ""
def wait_for(*texts):
    start = time.monotonic()
    while not all(text in status_line() for text in texts):
        if time.monotonic() - start > 120:
            sys.exit(f"no {texts} on the status line after 120 s: {status_line()}")
        time.sleep(0.02)
def memory(pid):
    fields = {}
    for line in open(f"/proc/{pid}/status"):
        if line.endswith(" kB\n"):
            fields[line.split(":")[0]] = int(line.split()[1]) * 1024
    return fields["VmHWM"], fields["VmRSS"]
env = f"env XDG_CACHE_HOME={os.environ['XDG_CACHE_HOME']} XDG_STATE_HOME={os.environ['XDG_STATE_HOME']}"
tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", f"{env} {pundit} {path}; sleep 60")
wait_for("post 1/")
pane = tmux("list-panes", "-t", session, "-F", "#{pane_pid}").strip()
pid = subprocess.run(["pgrep", "-P", pane], capture_output=True, text=True).stdout.split()[0]
_, before = memory(pid)
after = []
for query in [word, second, word]:
    tmux("send-keys", "-t", session, "/", query)
    # The prompt shows the query's count once its search is done.
    wait_for(f"/ {query} ", "match ")
    tmux("send-keys", "-t", session, "Enter")
    wait_for("Topics")
    time.sleep(1)
    after.append(memory(pid))
tmux("send-keys", "-t", session, "q")
tmux("kill-session", "-t", session)
size = os.path.getsize(path)
peak = max(hwm for hwm, _ in after)
held = " / ".join(f"{rss / 1e6:.0f}" for _, rss in after)
print(f"| reader from the cache, searched for {word}, {second}, {word}: resident before / peak / "
      f"after each search | {size / 1e6:.0f} MB | | | | {before / 1e6:.0f} MB / {peak / 1e6:.0f} MB "
      f"({peak / size:.2f}×) / {held} MB |")
EOF
}

row_cached() {
    local path
    path=$(archive "$1" --threads)
    cache_of "$path"
    local bytes
    bytes=$(stat -c %s "$path")
    measure "pundit search --count $WORD, from the cache" "$bytes" "$pundit" search --count "$WORD" "$path"
    measure "pundit search $WORD (every line), from the cache" "$bytes" "$pundit" search "$WORD" "$path"
    measure "grep -ci $WORD, the same file" "$bytes" grep -ci "$WORD" "$path"
}

row_first() {
    local path
    path=$(archive "$1" --threads)
    # The reader remembers where it was left: in the scratch directory.
    XDG_STATE_HOME="$scratch/state" XDG_CONFIG_HOME="$scratch/config" \
        XDG_CACHE_HOME="$scratch/cache" python3 - "$pundit" "$path" "$RUNS" <<'EOF'
import fcntl, os, pty, select, struct, sys, termios, time
pundit, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
# The first post's title, as the Article pane's border shows it.
title = b"French outrage over Trump comments on Paris attack"
times = []
for _ in range(runs):
    start = time.monotonic()
    child, fd = pty.fork()
    if child == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execv(pundit, [pundit, "--no-cache", path])
    seen, shown = b"", None
    while shown is None and time.monotonic() - start < 60:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen += os.read(fd, 1 << 16)
            except OSError:
                break
            if title in seen:
                shown = time.monotonic() - start
    os.write(fd, b"q")
    os.waitpid(child, 0)
    os.close(fd)
    if shown is None:
        sys.exit("pundit showed no post title within 60 s")
    times.append(shown)
size = os.path.getsize(path)
print(f"| pundit (the reader): first frame with a post's title | {size / 1e6:.0f} MB | "
      f"{min(times) * 1000:.0f}–{max(times) * 1000:.0f} ms | | | |")
EOF
    # A first open with the cache, in a cache directory of its own.
    rm -rf "$scratch/first-cache"
    XDG_STATE_HOME="$scratch/state" XDG_CONFIG_HOME="$scratch/config" \
        XDG_CACHE_HOME="$scratch/first-cache" python3 - "$pundit" "$path" "$scratch/first-cache" <<'EOF'
import glob, fcntl, os, pty, select, struct, sys, termios, time
pundit, path, cache = sys.argv[1], sys.argv[2], sys.argv[3]
start = time.monotonic()
child, fd = pty.fork()
if child == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    os.execv(pundit, [pundit, path])
def status():
    lines = open(f"/proc/{child}/status").read().splitlines()
    return {l.split(":")[0]: int(l.split()[1]) * 1024 for l in lines if l.endswith(" kB")}
def cpu():
    fields = open(f"/proc/{child}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])
# Settled: the entry is in place and pundit has used no CPU for 3 s.
last, idle_since = cpu(), time.monotonic()
while time.monotonic() - start < 900:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            os.read(fd, 1 << 16)
        except OSError:
            break
    now = cpu()
    if now != last:
        last, idle_since = now, time.monotonic()
    elif glob.glob(f"{cache}/pundit/*.pundit-cache") and time.monotonic() - idle_since > 3:
        break
else:
    sys.exit("the reader did not settle within 900 s")
memory = status()
os.write(fd, b"q")
os.waitpid(child, 0)
os.close(fd)
size = os.path.getsize(path)
peak, held, own = memory["VmHWM"], memory["VmRSS"], memory["RssAnon"]
print(f"| pundit (the reader), first open with the cache: peak / settled resident | {size / 1e6:.0f} MB | "
      f"settled after {time.monotonic() - start:.0f} s | | | {peak / 1e6:.0f} MB ({peak / size:.2f}×) / "
      f"{held / 1e6:.0f} MB ({own / 1e6:.0f} MB its own) |")
EOF
    rm -rf "$scratch/first-cache"
}

row_wxr() {
    local path
    path=$(archive "$1" wxr)
    measure "pundit tree, WordPress export" "$(stat -c %s "$path")" "$pundit" tree --no-cache "$path"
    # The text the corpus keeps, counted as `benches/formats.rs` counts it:
    # every string of every post and comment (ids, titles, names, dates,
    # links, tags, block texts, sources), not the export's field names,
    # block kinds or topic tree.
    local kept
    kept=$("$pundit" export --no-cache "$path" | python3 -c '
import json, sys
def length(*values):
    return sum(len(v.encode()) for v in values if v is not None)
def blocks(items):
    return sum(length(b["text"]) for b in items)
def sources(items):
    return sum(length(s["outlet"], s["headline"], s["url"]) for s in items)
def comment(c):
    return length(c["id"], c["author"], c["date"], c["label"]) + blocks(c["blocks"]) + sources(c["sources"])
def post(p):
    return (length(p["id"], p["title"], p["author"], p["date"], p["url"], *p["tags"])
            + blocks(p["blocks"]) + sources(p["sources"]) + sum(comment(c) for c in p["comments"]))
print(sum(post(p) for p in json.load(sys.stdin)["posts"]))')
    python3 -c 'import sys; kept, peak = int(sys.argv[1]), int(sys.argv[2]); print(f"| the same: peak memory beside the {kept / 1e6:.0f} MB of text kept | | | | | {peak / kept:.2f}× |")' "$kept" "$last_peak"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "| row | size | wall (${RUNS} runs) | throughput | CPU (user + sys) | peak memory |"
echo "| --- | --- | --- | --- | --- | --- |"
for row in $ROWS; do
    for size in "${sizes[@]}"; do
        "row_$row" "$size"
    done
    rm -rf "$scratch"/*[0-9]* "$XDG_CACHE_HOME"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
