//! A native JSON corpus's posts read on every core.
//!
//! JSON has to be read from its start to know whether a byte is inside a
//! string, so a parser cannot begin in the middle of a file. But a line
//! break is never inside a string (JSON escapes it), and a pretty-printed
//! corpus starts each post on a line of its own, indented as the first
//! post is. So the posts array is cut before such lines, each run of posts
//! between two cuts is parsed on its own core, and the cuts are then
//! proved: the first run starts at the array's first post, and each run
//! must end, after a comma, exactly where the next one starts, which makes
//! every cut the start of a post by induction. (A post read on its own
//! has two levels of nesting fewer above it, which only matters for serde's
//! limit of 128 levels; a post's own fields nest six deep at most, and
//! values serde skips are skipped without a limit.) A run that does not, or
//! anything else out of the ordinary (a compact file, keys in another
//! order, any error), gives `None`, and the caller reads the file from its
//! start with serde alone, which then also names the place of any error.
//!
//! A file being read is parsed the same way as it comes in ([`read`]): a
//! batch is cut before its last post and parsed on a core while this
//! thread reads the next, so that reading the file costs no time of its
//! own.

use std::borrow::Cow;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

use rayon::prelude::*;

use super::PostRead;
use crate::model::Post;

/// A post, cleaned, and its topic names, cleaned, still to be shared.
pub(super) type PostAndTopics<'a> = (Post, Vec<Cow<'a, str>>);

/// What [`posts`] read: every post in file order, and the rest of the
/// file's top-level object.
pub(super) struct Split<'a> {
    pub posts: Vec<PostAndTopics<'a>>,
    /// The top-level object without its posts: `{` and what followed the
    /// posts array's comma, for serde to read the topics from (and to check
    /// that nothing else is wrong with it).
    pub rest: String,
}

impl<'a> Split<'a> {
    /// The split read by `runs`, in file order: every run's posts, and the
    /// rest of the object the last run read.
    fn of_runs(mut runs: Vec<RunRead<'a>>) -> Option<Split<'a>> {
        let rest = runs.last_mut()?.1.take()?;
        Some(Split {
            posts: runs.into_iter().flat_map(|(posts, _)| posts).collect(),
            rest,
        })
    }
}

/// Runs smaller than this are not worth a core of their own.
const SMALLEST_RUN: usize = 1 << 20;

/// Runs per core, so that a core that finishes early takes another.
const RUNS_PER_CORE: usize = 8;

/// What [`read`] read.
pub struct Streamed {
    /// The posts, read in parallel, and the rest of the object; `None`
    /// where the file could not be read that way.
    pub(super) split: Option<Split<'static>>,
    /// Every byte read, in order.
    pub(super) pieces: Vec<Arc<Vec<u8>>>,
    consumed: u64,
}

impl Streamed {
    /// The number of bytes read.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }
}

/// The bytes of `pieces` one after the other, copied only if there are
/// several.
pub(super) fn joined(mut pieces: Vec<Arc<Vec<u8>>>) -> Vec<u8> {
    if pieces.len() == 1 {
        let piece = pieces.pop().expect("one piece");
        return Arc::try_unwrap(piece).unwrap_or_else(|piece| piece.to_vec());
    }
    let mut bytes = Vec::with_capacity(pieces.iter().map(|piece| piece.len()).sum());
    for piece in &pieces {
        bytes.extend_from_slice(piece);
    }
    bytes
}

/// Reads `reader` to its end, `batch` bytes at a time, parsing the posts
/// of each batch on the pool's cores while the next is read, and reporting
/// the bytes read so far to `progress`. The posts are `None` where
/// [`posts`] would not read the file (a compact file, keys in another
/// order, a byte that is not UTF-8, any error): the caller then reads the
/// bytes with serde.
pub(super) fn read(
    mut reader: impl Read,
    batch: u64,
    progress: &mut dyn FnMut(u64),
) -> std::io::Result<Streamed> {
    let mut consumed = 0u64;
    let mut read_batch = |pending: &mut Vec<u8>| -> std::io::Result<usize> {
        pending.reserve(batch as usize);
        let read = (&mut reader).take(batch).read_to_end(pending)?;
        consumed += read as u64;
        progress(consumed);
        Ok(read)
    };
    let mut pending = Vec::new();
    let mut read = read_batch(&mut pending)?;
    let marks = pending.len() - skip_byte_order_marks(&pending).len();
    let opening = opening(&pending[marks..]).map(|(first, line)| (first + marks, line));
    let Some((first, line)) = opening else {
        while read > 0 {
            read = read_batch(&mut pending)?;
        }
        return Ok(Streamed {
            split: None,
            pieces: vec![Arc::new(pending)],
            consumed,
        });
    };
    let mut cuts = LastCut::new(&line, first);
    let mut pieces = Vec::new();
    let (sender, receiver) = mpsc::channel();
    // Once a piece does not read, the file is read again whole: the
    // pieces after it need not be.
    let failed = AtomicBool::new(false);
    let mut start = first;
    rayon::in_place_scope(|scope| -> std::io::Result<()> {
        loop {
            let cut = (read > 0).then(|| cuts.find(&pending)).flatten();
            if read > 0 && cut.is_none() {
                read = read_batch(&mut pending)?;
                continue;
            }
            let at_end = read == 0;
            let mut next = Vec::new();
            if let Some(cut) = cut {
                next.extend_from_slice(&pending[cut..]);
                pending.truncate(cut);
            }
            let piece = Arc::new(std::mem::replace(&mut pending, next));
            pieces.push(Arc::clone(&piece));
            let (index, sender) = (pieces.len() - 1, sender.clone());
            let (run_start, failed) = (start, &failed);
            scope.spawn(move |_| {
                let read = match failed.load(Ordering::Relaxed) {
                    true => None,
                    false => read_piece(&piece, run_start, at_end),
                };
                failed.fetch_or(read.is_none(), Ordering::Relaxed);
                // A send fails only once the reader has given up.
                let _ = sender.send((index, read));
            });
            if at_end {
                return Ok(());
            }
            start = 0;
            cuts = LastCut::new(&line, start);
            read = read_batch(&mut pending)?;
        }
    })?;
    drop(sender);
    let mut read: Vec<_> = receiver.into_iter().collect();
    read.sort_unstable_by_key(|&(index, _)| index);
    let split = read
        .into_iter()
        .map(|(_, piece)| piece)
        .collect::<Option<Vec<_>>>()
        .and_then(Split::of_runs);
    Ok(Streamed {
        split,
        pieces,
        consumed,
    })
}

/// A file's bytes after any byte order marks at its start (serde's reader
/// skips them all).
fn skip_byte_order_marks(mut bytes: &[u8]) -> &[u8] {
    while let Some(rest) = bytes.strip_prefix("\u{feff}".as_bytes()) {
        bytes = rest;
    }
    bytes
}

/// The posts of one piece of a file being read, owned, which start at
/// `start` and run to its end (a piece but the last ends where the next
/// post starts), with, for the last piece, the rest of the object.
fn read_piece(piece: &[u8], start: usize, last: bool) -> Option<RunRead<'static>> {
    let content = std::str::from_utf8(piece).ok()?;
    let run = Run {
        start,
        end: (!last).then_some(piece.len()),
    };
    let (posts, rest) = run.read(content)?;
    let posts = posts
        .into_iter()
        .map(|(post, names)| {
            let names = names
                .into_iter()
                .map(|name| Cow::Owned(name.into_owned()))
                .collect();
            (post, names)
        })
        .collect();
    Some((posts, rest))
}

/// The search for the last cut in a piece of a file being read, as it
/// grows batch by batch: where the last post that starts a line starts,
/// after the piece's first post and after a comma.
///
/// A search that finds none remembers where it stopped, and the next one
/// looks only at the bytes read since (and the needle's length before
/// them): the last needle in the piece is then the last among those, or
/// none if they hold none, since a needle found earlier and turned down
/// (no comma before it) is turned down again. Rescanning the whole piece
/// each time would read a long tail without a cut (a huge final post)
/// once per batch.
struct LastCut<'a> {
    line: &'a PostLine,
    finder: memchr::memmem::FinderRev<'a>,
    /// Where the needle can next start: nothing before it is a cut that
    /// an earlier search did not find.
    from: usize,
}

impl<'a> LastCut<'a> {
    /// The search in a piece whose first post starts at `start`.
    fn new(line: &'a PostLine, start: usize) -> LastCut<'a> {
        LastCut {
            line,
            finder: memchr::memmem::FinderRev::new(&line.needle),
            from: start + 1,
        }
    }

    /// Where to cut `pending` (the piece so far, longer than at the last
    /// search), if anywhere.
    fn find(&mut self, pending: &[u8]) -> Option<usize> {
        let found = (pending.get(self.from..))
            .and_then(|tail| self.finder.rfind(tail))
            .map(|at| self.from + at);
        let cut = found.and_then(|found| self.line.cut_at(pending, found));
        if cut.is_none() {
            let overlap = self.line.needle.len() - 1;
            self.from = self.from.max(pending.len().saturating_sub(overlap));
        }
        cut
    }
}

/// Whether the last byte before `at` that is not white space is a comma.
fn follows_comma(bytes: &[u8], at: usize) -> bool {
    bytes[..at]
        .iter()
        .rposition(|&b| !is_space(b))
        .is_some_and(|before| bytes[before] == b',')
}

/// The start of a line that opens a post like the first: a line break, the
/// first post's indentation, `{` and its first key (`"id"`), so that an
/// object at the same depth after the posts (a topic) is not taken for one.
struct PostLine {
    needle: Vec<u8>,
    /// Where in `needle` the post starts.
    post_at: usize,
}

impl PostLine {
    /// The cut before the post of the [`PostLine`] found at `found` in
    /// `bytes`: `None` unless a comma comes before it (else it is not an
    /// element of the posts array after a post).
    fn cut_at(&self, bytes: &[u8], found: usize) -> Option<usize> {
        follows_comma(bytes, found).then_some(found + self.post_at)
    }
}

/// Where the first post of a file laid out one post per line starts, and
/// the [`PostLine`] its posts start with: `None` for any other file.
fn opening(bytes: &[u8]) -> Option<(usize, PostLine)> {
    let first = first_post(bytes)?;
    Some((first, post_line(bytes, first)?))
}

/// The [`PostLine`] of the first post, at `first`; `None` when it does not
/// start a line (a compact file) or its first key has an escape.
fn post_line(bytes: &[u8], first: usize) -> Option<PostLine> {
    let line_start = bytes[..first].iter().rposition(|&b| b == b'\n')? + 1;
    let indent = &bytes[line_start..first];
    if !indent.iter().all(|&b| b == b' ' || b == b'\t') {
        return None;
    }
    let key = skip_space(bytes, first + 1);
    if bytes.get(key) != Some(&b'"') {
        return None;
    }
    let key_end = key + 1 + memchr::memchr2(b'"', b'\\', bytes.get(key + 1..)?)?;
    (bytes[key_end] == b'"').then(|| PostLine {
        needle: [b"\n", indent, &bytes[first..=key_end]].concat(),
        post_at: 1 + indent.len(),
    })
}

/// The posts of a native corpus `content` (without its byte order mark)
/// read in parallel, or `None` where the file does not open with its posts
/// array laid out one post per line, is too small to share, or any run
/// does not read cleanly.
pub(super) fn posts(content: &str) -> Option<Split<'_>> {
    let runs = (content.len() / SMALLEST_RUN).min(rayon::current_num_threads() * RUNS_PER_CORE);
    posts_in(content, runs)
}

/// [`posts`] in about `runs` runs.
pub(super) fn posts_in(content: &str, runs: usize) -> Option<Split<'_>> {
    let bytes = content.as_bytes();
    let (first, line) = opening(bytes)?;
    let cuts = cuts(bytes, first, &line, runs);
    if cuts.len() < 2 {
        return None;
    }
    let runs: Vec<Run> = cuts
        .iter()
        .enumerate()
        .map(|(index, &start)| Run {
            start,
            end: cuts.get(index + 1).copied(),
        })
        .collect();
    let read: Vec<RunRead<'_>> = runs
        .par_iter()
        .map(|run| run.read(content))
        .collect::<Option<_>>()?;
    Split::of_runs(read)
}

/// JSON's white space.
fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).copied().is_some_and(is_space) {
        at += 1;
    }
    at
}

/// Where the first post of a file that opens `{"posts": [{` starts (the
/// key written plainly, white space anywhere JSON allows it).
fn first_post(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    for token in [&b"{"[..], b"\"posts\"", b":", b"["] {
        at = skip_space(bytes, at);
        at += token.len();
        if bytes.get(at - token.len()..at)? != token {
            return None;
        }
    }
    at = skip_space(bytes, at);
    (bytes.get(at) == Some(&b'{')).then_some(at)
}

/// Where `runs` runs of posts probably start: the first post, at `first`,
/// then, about evenly spaced, lines that open an object as `line` does and
/// follow a comma.
fn cuts(bytes: &[u8], first: usize, line: &PostLine, runs: usize) -> Vec<usize> {
    let mut cuts = vec![first];
    let runs = runs.max(1);
    let step = (bytes.len() - first) / runs;
    let finder = memchr::memmem::Finder::new(&line.needle);
    for target in (1..runs).map(|run| first + run * step) {
        let from = target.max(cuts[cuts.len() - 1] + 1);
        let Some(found) = finder.find(&bytes[from..]) else {
            break;
        };
        if let Some(cut) = line.cut_at(bytes, from + found) {
            cuts.push(cut);
        }
    }
    cuts
}

/// The posts from `start` to the next run's `start`, or to the end of the
/// array for the last run.
struct Run {
    start: usize,
    end: Option<usize>,
}

/// What a run read: its posts, and for the last run the rest of the
/// object (see [`Split::rest`]).
type RunRead<'a> = (Vec<PostAndTopics<'a>>, Option<String>);

impl Run {
    /// Its posts, parsed and cleaned, and for the last run the rest of the
    /// object after the array. `None` unless the run holds whole posts,
    /// each followed by a comma, and ends exactly at the next run's start,
    /// or, the last, at the array's `]` followed by what may follow it.
    fn read<'a>(&self, content: &'a str) -> Option<RunRead<'a>> {
        let bytes = content.as_bytes();
        let limit = self.end.unwrap_or(content.len());
        let mut posts = Vec::new();
        let mut at = self.start;
        loop {
            let mut stream =
                serde_json::Deserializer::from_str(&content[at..limit]).into_iter::<PostRead>();
            let post = stream.next()?.ok()?;
            posts.push(post.into_post());
            at = skip_space(bytes, at + stream.byte_offset());
            match (bytes.get(at), self.end) {
                (Some(b','), _) => at = skip_space(bytes, at + 1),
                (Some(b']'), None) => {
                    return Some((posts, Some(rest_of_object(content, at + 1)?)));
                }
                _ => return None,
            }
            if Some(at) == self.end {
                return Some((posts, None));
            }
        }
    }
}

/// The top-level object after the posts array ending at `after_array`,
/// with the array and its comma taken out: `{` and the rest of the file.
/// `None` after a trailing comma, which the caller's serde must reject.
fn rest_of_object(content: &str, after_array: usize) -> Option<String> {
    let bytes = content.as_bytes();
    let mut at = skip_space(bytes, after_array);
    match bytes.get(at)? {
        b',' => {
            at = skip_space(bytes, at + 1);
            if bytes.get(at) != Some(&b'"') {
                return None;
            }
        }
        b'}' => {}
        _ => return None,
    }
    Some(format!("{{{}", &content[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pretty-printed corpus of `count` posts, each citing a source,
    /// with a topic naming every post.
    fn corpus(count: usize) -> String {
        let posts: Vec<String> = (0..count)
            .map(|n| {
                format!(
                    r#"    {{
      "id": "p{n}",
      "title": "Post {n} with \"quotes\", {{braces}} and a\nbreak",
      "topics": ["T{}"],
      "blocks": [
        {{ "kind": "quote", "text": "q{n} \\ [", "source": 0 }}
      ],
      "sources": [{{ "outlet": "O{n}" }}]
    }}"#,
                    n % 3
                )
            })
            .collect();
        let ids: Vec<String> = (0..count).map(|n| format!("\"p{n}\"")).collect();
        format!(
            "{{\n  \"posts\": [\n{}\n  ],\n  \"topics\": [\n    {{\n      \"name\": \"T\",\n      \"posts\": [{}]\n    }}\n  ]\n}}\n",
            posts.join(",\n"),
            ids.join(", ")
        )
    }

    fn titles_of(posts: &[PostAndTopics<'_>]) -> Vec<String> {
        posts.iter().map(|(post, _)| post.title.clone()).collect()
    }

    fn serial_titles(content: &str) -> Vec<String> {
        let file: super::super::NativeFile = serde_json::from_str(content).unwrap();
        file.posts
            .into_iter()
            .map(|post| post.into_post().0.title)
            .collect()
    }

    #[test]
    fn every_cut_falls_before_a_post_and_the_runs_read_them_all_in_order() {
        let text = corpus(40);
        let bytes = text.as_bytes();
        let (first, line) = opening(bytes).unwrap();
        let cuts = cuts(bytes, first, &line, 7);
        assert!(cuts.len() > 3, "{cuts:?}");
        for &cut in &cuts {
            assert!(text[cut..].starts_with("{\n      \"id\": \"p"), "{cut}");
        }
        let split = posts_in(&text, 7).expect("read in parallel");
        assert_eq!(titles_of(&split.posts), serial_titles(&text));
        assert!(split.rest.starts_with("{\"topics\""), "{}", split.rest);
    }

    #[test]
    fn a_file_read_in_small_batches_gives_every_post_once_in_order() {
        let text = corpus(25);
        for batch in [1, 7, 64, 300, 1 << 20] {
            let mut reported = 0;
            let streamed = read(text.as_bytes(), batch, &mut |at| reported = at).unwrap();
            assert_eq!(streamed.consumed(), text.len() as u64);
            assert_eq!(reported, text.len() as u64);
            // A first batch too short to hold the first post's line leaves
            // the file to serde.
            match streamed.split {
                Some(split) => {
                    assert_eq!(
                        titles_of(&split.posts),
                        serial_titles(&text),
                        "batch {batch}"
                    )
                }
                None => assert!(batch < 64, "batch {batch} not read in parallel"),
            }
            assert_eq!(joined(streamed.pieces), text.as_bytes(), "batch {batch}");
        }
    }

    #[test]
    fn a_compact_file_is_left_to_serde() {
        let text = r#"{"posts":[{"id":"a","title":"A"},{"id":"b","title":"B"}]}"#;
        assert!(posts_in(text, 4).is_none());
        let streamed = read(text.as_bytes(), 8, &mut |_| {}).unwrap();
        assert!(streamed.split.is_none());
        assert_eq!(joined(streamed.pieces), text.as_bytes());
    }

    #[test]
    fn topics_before_posts_are_left_to_serde() {
        let text = "{\n  \"topics\": [],\n  \"posts\": [\n    {\"id\": \"a\", \"title\": \"A\"},\n    {\"id\": \"b\", \"title\": \"B\"}\n  ]\n}";
        assert!(posts_in(text, 4).is_none());
        assert!(
            read(text.as_bytes(), 8, &mut |_| {})
                .unwrap()
                .split
                .is_none()
        );
    }

    /// Each of these is an error for serde reading the whole file, so the
    /// parallel reader must not accept it.
    #[test]
    fn what_serde_rejects_is_not_read_in_parallel() {
        let good = corpus(6);
        let broken = [
            good.replacen("\"p3\",\n      \"title\"", "\"p3\"\n      \"title\"", 1),
            good.replacen("    }\n  ],", "    },\n  ],", 1),
            format!("{}\n}}\n", &good[..good.find("\n  \"topics\"").unwrap()]),
            good.replacen("\n}\n", "\n}\nx", 1),
            good.replacen("\"p5\"", "\"p5", 1),
            good.replacen("Post 2", "Post \u{1}2", 1),
        ];
        for text in &broken {
            assert!(serde_json::from_str::<super::super::NativeFile>(text).is_err());
            for runs in [1, 3, 6] {
                let read = posts_in(text, runs);
                let rest_reads = read.as_ref().is_some_and(|split| {
                    serde_json::from_str::<super::super::Rest>(&split.rest).is_ok()
                });
                assert!(!rest_reads, "{runs} runs accepted:\n{text}");
            }
            for batch in [5, 100, 1 << 20] {
                let streamed = read(text.as_bytes(), batch, &mut |_| {}).unwrap();
                let rest_reads = streamed.split.as_ref().is_some_and(|split| {
                    serde_json::from_str::<super::super::Rest>(&split.rest).is_ok()
                });
                assert!(!rest_reads, "batch {batch} accepted:\n{text}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Titles full of what a scanner could trip on: quotes, escapes,
        /// braces, commas, and lines that look like a post's opening.
        #[test]
        fn any_pretty_corpus_reads_in_batches_as_serde_reads_it(
            titles in proptest::collection::vec(r#"(\PC|[{}\[\],"\\]|\n    \{|\n      "id"){0,40}"#, 1..12),
            batch in 1u64..400,
        ) {
            let posts: Vec<Post> = titles
                .iter()
                .enumerate()
                .map(|(n, title)| Post {
                    id: format!("p{n}").into(),
                    title: title.clone(),
                    ..Post::default()
                })
                .collect();
            let text = super::super::export(&crate::model::Corpus::new(posts, None));
            let streamed = read(text.as_bytes(), batch, &mut |_| {}).unwrap();
            if let Some(split) = &streamed.split {
                proptest::prop_assert_eq!(titles_of(&split.posts), serial_titles(&text));
            }
            proptest::prop_assert!(batch < 64 || streamed.split.is_some());
            proptest::prop_assert_eq!(joined(streamed.pieces), text.as_bytes());
        }
    }

    /// The cut a search over the whole of `pending` finds: the last
    /// needle after `start`, if a comma comes before it.
    fn last_cut_rescanning(pending: &[u8], line: &PostLine, start: usize) -> Option<usize> {
        let from = start + 1;
        let found = from + memchr::memmem::rfind(pending.get(from..)?, &line.needle)?;
        line.cut_at(pending, found)
    }

    #[test]
    fn a_long_tail_without_a_cut_is_searched_once() {
        let text = corpus(3);
        let (first, line) = opening(text.as_bytes()).unwrap();
        // A final post far longer than a batch: no cut anywhere in it.
        let mut pending =
            text.as_bytes()[..text.find("\n    {\n      \"id\": \"p1").unwrap()].to_vec();
        let mut search = LastCut::new(&line, first);
        for _ in 0..50 {
            pending.extend_from_slice(&[b'x'; 1000]);
            assert_eq!(search.find(&pending), None);
            // The next search starts where this one could still find the
            // start of a needle, not at the start of the piece.
            assert!(
                search.from + line.needle.len() > pending.len(),
                "{}",
                search.from
            );
        }
        pending.extend_from_slice(b",\n    {\n      \"id\": \"late\"");
        let found = search.find(&pending);
        assert!(found.is_some());
        assert_eq!(found, last_cut_rescanning(&pending, &line, first));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        /// Searching only what was added finds the cut a search over the
        /// whole piece finds, however the piece grows: needles split
        /// between batches, needles without a comma before them.
        #[test]
        fn the_cut_search_finds_what_a_rescan_finds(
            chunks in proptest::collection::vec(
                r#"(x|,|\n|    |\{|"id"|,\n    \{"id"|\n    \{"id"){0,8}"#, 1..30),
        ) {
            let head = "{\n  \"posts\": [\n    {\"id\": \"a\"}";
            let (first, line) = opening(head.as_bytes()).unwrap();
            let mut pending = head.as_bytes().to_vec();
            let mut search = LastCut::new(&line, first);
            for chunk in &chunks {
                pending.extend_from_slice(chunk.as_bytes());
                let found = search.find(&pending);
                proptest::prop_assert_eq!(found, last_cut_rescanning(&pending, &line, first));
                if found.is_some() {
                    // The reader cuts here and searches a new piece.
                    break;
                }
            }
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let text = format!("\u{feff}\u{feff}{}", corpus(5));
        let split = read(text.as_bytes(), 50, &mut |_| {}).unwrap().split;
        assert_eq!(split.expect("read in parallel").posts.len(), 5);
    }
}
