//! The synthetic archives the load benchmark reads and the README's speed
//! and memory figures are measured on.

use std::io::{self, Write};

use pundit::import::clean::clean;
use pundit::load::BUNDLED;
use pundit::load::load_bundled;

/// The seed repeated until it reaches `bytes`, each copy's titles numbered
/// so that every post is new.
// The generator writes it instead of returning it.
#[allow(dead_code)]
pub fn synthetic_archive(bytes: usize) -> String {
    build(bytes, false)
}

/// As [`synthetic_archive`], with a comment thread printed under every
/// post the way post pages print them: a "N comments on “Title”" header,
/// then comments labelled with a name and a dotted position behind a list
/// marker, indented by depth up to a cap of five (deeper replies printed at
/// the cap), each with its time and a "Reply" line.
// Not every file that includes this one writes threads.
#[allow(dead_code)]
pub fn synthetic_archive_with_threads(bytes: usize) -> String {
    build(bytes, true)
}

fn build(bytes: usize, threads: bool) -> String {
    let mut archive = Vec::with_capacity(bytes + BUNDLED.len());
    write_archive(&mut archive, bytes, threads).expect("writing to memory does not fail");
    String::from_utf8(archive).expect("the archive is written from text")
}

/// Writes the archive [`synthetic_archive`] returns (with `threads`, the
/// one [`synthetic_archive_with_threads`] returns) to `out`, a copy of the
/// seed at a time: an archive of any size is written in the memory of one
/// copy.
// Only the generator writes archives; the benchmarks and tests hold them.
#[allow(dead_code)]
pub fn write_archive(out: &mut dyn Write, bytes: usize, threads: bool) -> io::Result<()> {
    let titles: Vec<String> = load_bundled()
        .into_posts()
        .into_iter()
        .map(|p| p.title)
        .collect();
    let lines: Vec<&str> = BUNDLED.split('\n').collect();
    // What commenters say: the seed's longer paragraphs, in turn, less
    // its list items.
    let sayings: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| l.len() > 120 && !l.starts_with('•'))
        .collect();
    let mut written = 0;
    let mut archive = String::new();
    let mut copy = 0;
    let mut said = 0;
    while written < bytes {
        copy += 1;
        archive.clear();
        let mut title: Option<String> = None;
        for line in &lines {
            let is_title = titles.iter().any(|t| *t == clean(line));
            if is_title {
                if let (true, Some(previous)) = (threads, title.take()) {
                    push_thread(&mut archive, &previous, copy, &sayings, &mut said);
                }
                title = Some(format!("{} number {copy}", clean(line)));
            }
            archive.push_str(line);
            if is_title {
                archive.push_str(&format!(" number {copy}"));
            }
            archive.push('\n');
        }
        if let (true, Some(previous)) = (threads, title.take()) {
            archive.push('\n');
            push_thread(&mut archive, &previous, copy, &sayings, &mut said);
        }
        archive.push('\n');
        out.write_all(archive.as_bytes())?;
        written += archive.len();
    }
    Ok(())
}

/// The depth of each comment of a thread, in order: replies nest up to
/// seven deep, past the cap of five.
const DEPTHS: [usize; 14] = [0, 1, 2, 1, 0, 0, 1, 2, 3, 4, 5, 6, 7, 0];
const NAMES: [&str; 8] = [
    "Rangi",
    "mike_s",
    "Tui",
    "pat",
    "Jo Martin",
    "karol",
    "Dennis Frank",
    "alwyn",
];

fn push_thread(archive: &mut String, title: &str, copy: usize, sayings: &[&str], said: &mut usize) {
    let count = 4 + (copy + title.len()) % DEPTHS.len();
    archive.push_str(&format!("{count} comments on “{title}”\n\n"));
    // The position of the comment at each depth so far.
    let mut position: Vec<usize> = Vec::new();
    for (n, &depth) in DEPTHS.iter().cycle().take(count).enumerate() {
        let depth = depth.min(position.len());
        position.truncate(depth + 1);
        if position.len() == depth {
            position.push(0);
        }
        position[depth] += 1;
        let label: Vec<String> = position.iter().map(usize::to_string).collect();
        let indent = " ".repeat(2 + 2 * depth.min(5));
        let marker = if depth == 0 {
            format!("{}.", position[0])
        } else {
            "•".to_string()
        };
        let name = NAMES[(n + copy) % NAMES.len()];
        archive.push_str(&format!("{indent}{marker} {name} {}\n\n", label.join(".")));
        archive.push_str(&format!(
            "{indent}  June {}, 2022 at {}:{:02} am\n\n",
            1 + n % 28,
            1 + n % 11,
            (n * 7) % 60
        ));
        for _ in 0..1 + n % 2 {
            archive.push_str(&format!("{indent}  {}\n\n", sayings[*said % sayings.len()]));
            *said += 1;
        }
        archive.push_str(&format!("{indent}  Reply\n\n"));
    }
}
