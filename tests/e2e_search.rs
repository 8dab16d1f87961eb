//! End-to-end search: the real `pundit` in a pseudo-terminal on the bundled
//! corpus. Queries are chosen from the corpus with the search engine, so the
//! tests follow the corpus rather than hard-coded titles.

#[path = "common/pty.rs"]
mod pty;

use pundit::load::load_bundled;
use pundit::model::{Corpus, PostId};
use pundit::search::{Location, Mode, Query, Scope, SearchIndex, SearchResults};

const COLUMNS: u16 = 160;
const ROWS: u16 = 48;

fn results(index: &SearchIndex, text: &str) -> SearchResults {
    let query = Query::new(text, Scope::Everything, Mode::Literal).expect("a literal query");
    index.search(&query)
}

/// Lower-case words of seven or more ASCII letters in the blocks of `post`.
fn long_words(corpus: &Corpus, post: usize) -> Vec<String> {
    let mut words: Vec<String> = corpus
        .post(PostId(post))
        .blocks
        .iter()
        .flat_map(|block| block.text.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|word| word.len() >= 7)
        .map(str::to_ascii_lowercase)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// A word found only in the blocks of one post after the first, and that post.
fn word_of_one_later_post(corpus: &Corpus, index: &SearchIndex) -> (String, usize) {
    for post in 1..corpus.len() {
        for word in long_words(corpus, post) {
            let found = results(index, &word);
            let only_here = found.post_count() == 1
                && found.count_in_post(PostId(post)) == found.len()
                && found
                    .matches()
                    .iter()
                    .all(|m| matches!(m.location, Location::Block(_)));
            if only_here {
                return (word, post);
            }
        }
    }
    panic!("no word of the bundled corpus is in one later post only");
}

/// A word with matches in the first post and in a later one: the word, the
/// number of matches in the first post, and the later post.
fn word_of_first_and_later_post(corpus: &Corpus, index: &SearchIndex) -> (String, usize, usize) {
    for word in long_words(corpus, 0) {
        let found = results(index, &word);
        let in_first = found.count_in_post(PostId(0));
        let next = found
            .counts_per_post()
            .map(|(post, _)| post.0)
            .find(|&post| post > 0);
        if let Some(next) = next
            && in_first > 0
            && in_first < 6
        {
            return (word, in_first, next);
        }
    }
    panic!("no word of the bundled corpus is in the first post and a later one");
}

fn started(corpus: &Corpus) -> pty::Session {
    let session = pty::Session::start(&[], &[], COLUMNS, ROWS);
    let total = corpus.len();
    session.wait_for_text(&format!("post 1/{total}"));
    session
}

/// Whether `word` shows in reverse video somewhere in the article pane
/// (between the Topics and Sources panes), ignoring case.
fn highlighted_in_article(screen: &vt100::Screen, word: &str) -> bool {
    let (left, right) = (COLUMNS / 4, COLUMNS - COLUMNS / 4);
    let word: Vec<char> = word.chars().collect();
    for row in 0..ROWS {
        let cells: Vec<(u16, char, bool)> = (left..right)
            .filter_map(|col| {
                let cell = screen.cell(row, col)?;
                let c = cell.contents().chars().next().unwrap_or(' ');
                Some((col, c, cell.inverse()))
            })
            .collect();
        for start in 0..cells.len().saturating_sub(word.len()) {
            let here = &cells[start..start + word.len()];
            let same = here
                .iter()
                .zip(&word)
                .all(|((_, c, _), w)| c.eq_ignore_ascii_case(w));
            if same && here.iter().all(|(_, _, inverse)| *inverse) {
                return true;
            }
        }
    }
    false
}

#[test]
fn slash_query_enter_opens_the_post_with_the_match_highlighted() {
    let corpus = load_bundled();
    let index = SearchIndex::new(&corpus);
    let (word, post) = word_of_one_later_post(&corpus, &index);
    let total = corpus.len();
    let mut session = started(&corpus);
    session.send("/");
    session.send(&word);
    session.wait_for_text(&format!("/ {word}"));
    session.send("\r");
    session.wait_for(&format!("post {}/{total} for {word:?}", post + 1), |s| {
        s.contains(&format!("post {}/{total}", post + 1)) && s.contains("match 1/")
    });
    assert!(
        session.with_screen(|screen| highlighted_in_article(screen, &word)),
        "{word:?} is highlighted in the article:\n{}",
        session.screen()
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn n_reaches_a_match_in_another_post() {
    let corpus = load_bundled();
    let index = SearchIndex::new(&corpus);
    let (word, in_first, later) = word_of_first_and_later_post(&corpus, &index);
    let total = corpus.len();
    let mut session = started(&corpus);
    session.send(&format!("/{word}\r"));
    // The status line (with "post n/N") is back once the prompt closed.
    session.wait_for("the first match in the first post", |s| {
        s.contains(&format!("post 1/{total}")) && s.contains("match 1/")
    });
    for _ in 0..in_first {
        session.send("n");
    }
    session.wait_for(&format!("post {} after n", later + 1), |s| {
        s.contains(&format!("post {}/{total}", later + 1))
            && s.contains(&format!("match {}/", in_first + 1))
    });
    assert!(session.with_screen(|screen| highlighted_in_article(screen, &word)));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn up_in_the_prompt_recalls_the_previous_query() {
    let corpus = load_bundled();
    let index = SearchIndex::new(&corpus);
    let (word, _) = word_of_one_later_post(&corpus, &index);
    let mut session = started(&corpus);
    session.send(&format!("/{word}\r"));
    session.wait_for("the search to be kept", |s| {
        s.contains("match 1/") && s.contains("post ")
    });
    session.send("/");
    session.wait_for("an empty prompt", |s| {
        s.lines().last().is_some_and(|l| l.starts_with(" / "))
    });
    session.send("\x1b[A");
    session.wait_for(&format!("{word:?} recalled"), |s| {
        s.lines()
            .last()
            .is_some_and(|l| l.starts_with(&format!(" / {word}")))
    });
    // A lone Esc, then q once it took effect (Esc q together reads as Alt-q).
    session.send("\x1b");
    session.wait_for("the prompt to close", |s| {
        s.lines().last().is_some_and(|l| !l.starts_with(" / "))
    });
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn esc_restores_the_position() {
    let corpus = load_bundled();
    let index = SearchIndex::new(&corpus);
    let (word, post) = word_of_one_later_post(&corpus, &index);
    let total = corpus.len();
    let mut session = started(&corpus);
    // Somewhere other than the start: the second post, scrolled a little.
    let home = if post == 1 { 3 } else { 2 };
    for _ in 1..home {
        session.send("]");
    }
    session.send("\t");
    session.send("jjj");
    session.wait_for("the scrolled post", |s| {
        s.contains(&format!("post {home}/{total}")) && s.contains("lines 4–")
    });
    session.send("/");
    session.send(&word);
    session.wait_for("the preview of the match", |s| s.contains("match 1/"));
    session.send("\x1b");
    session.wait_for("the place before the search", |s| {
        let status = s.lines().last().unwrap_or_default();
        status.contains(&format!("post {home}/{total}"))
            && status.contains("lines 4–")
            && !status.contains("match")
    });
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

/// A corpus of a few megabytes, large enough that queries go to the search
/// worker, with one rare word in its last post.
fn large_corpus_file() -> std::path::PathBuf {
    use pundit::model::{Block, BlockKind, Post};
    let paragraph = "The minister said the budget would hold, and the opposition said \
                     it would not; commentators were divided as usual. "
        .repeat(8);
    let count = 2000;
    let posts: Vec<Post> = (0..count)
        .map(|n| {
            let mut blocks = vec![Block::new(BlockKind::Paragraph, paragraph.clone())];
            if n == count - 1 {
                blocks.push(Block::new(BlockKind::Paragraph, "A zanzibarite turns up."));
            }
            Post {
                id: format!("post-{n}").into(),
                title: format!("Post number {n}"),
                author: None,
                date: None,
                topics: vec![],
                blocks,
                sources: vec![],
                ..Default::default()
            }
        })
        .collect();
    let corpus = Corpus::new(posts, None);
    let path = std::env::temp_dir().join(format!("pundit-e2e-search-{}.json", std::process::id()));
    std::fs::write(&path, pundit::import::json::export(&corpus)).expect("write the corpus");
    path
}

#[test]
fn a_large_corpus_is_searched_in_the_background_and_enter_still_jumps() {
    let path = large_corpus_file();
    let arg = path.to_str().expect("UTF-8 path");
    let mut session = pty::Session::start(&[arg], &[], COLUMNS, ROWS);
    session.wait_for_text("post 1/2000");
    session.send("/zanzibarite");
    session.wait_for("the worker's answer", |s| s.contains("match 1/1 in 1 post"));
    session.send("\r");
    session.wait_for("the last post", |s| {
        s.contains("post 2000/2000") && s.contains("zanzibarite turns up")
    });
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let _ = std::fs::remove_file(&path);
}
