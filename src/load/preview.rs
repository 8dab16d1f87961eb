//! A first look at an archive that is still loading: the posts of its first
//! bytes, parsed on their own, for the reader to show at once.
//!
//! **What a preview covers.** Whole files, in the order the load reads
//! them, while they fit in the budget; then, if the next file is plain
//! text, its first bytes up to the budget, cut at the end of the last blank
//! line in them (a post starts after a blank line, never inside a
//! paragraph). Any other format is not cut: a JSON document or an XML
//! export has no place where its first part is valid on its own, so such a
//! file is previewed only when it is whole within the budget, and a large
//! one is not previewed at all (the reader shows the gauge until it has
//! loaded). UTF-16 text and standard input are never previewed (they would
//! have to be decoded or consumed whole first).
//!
//! **Why it is provisional.** The plain-text importer chooses titles over
//! the whole archive and learns its furniture from what repeats across it,
//! so the posts of a slice can differ from the same posts in the whole
//! (a title read differently, a line of furniture kept as text). The reader
//! therefore treats a preview as provisional and moves onto the final
//! corpus by post identity when it comes.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::walk::{self, FileToRead};
use super::{LoadError, Parsed, load_file, merge, name_of, parsed};
use crate::import::detect::{self, Format};
use crate::import::text::{self, paragraphs};
use crate::model::Corpus;

/// The posts of an archive's first bytes.
#[derive(Debug)]
pub struct Preview {
    pub corpus: Corpus,
    /// The bytes of the archive the preview read.
    pub covered: u64,
    /// The bytes of the whole archive.
    pub total: u64,
}

/// The budgets, in bytes, of the previews to take of an archive of `total`
/// bytes, smallest first: the first is always taken (it is what reaches
/// the screen first), then each eight times the last while all of them
/// together stay within [`PREVIEWS_SHARE`] of the archive, and only budgets
/// smaller than the archive (a preview of it all would be the load itself).
///
/// For 1 GiB with a first budget of 512 KiB: 512 KiB and 4 MiB (with 32 MiB
/// the previews would take more than 32 MiB); for 2 GiB, 32 MiB as well.
pub fn budgets(first: u64, total: u64) -> Vec<u64> {
    let mut budgets = Vec::new();
    let mut budget = first;
    let mut spent = 0u64;
    while budget < total && (budgets.is_empty() || spent + budget <= total / PREVIEWS_SHARE) {
        budgets.push(budget);
        spent += budget;
        budget = budget.saturating_mul(8);
    }
    budgets
}

/// The previews together read at most this share of the archive (one
/// part in 32), past the first: each reads the archive from its start
/// again, and the reader holds the last one, its posts and its search
/// index (about four times the bytes it covers), beside the load until the
/// whole archive replaces it. A tenth let a gigabyte's previews reach
/// 32 MiB, over a hundred megabytes held through the load's own peak.
pub const PREVIEWS_SHARE: u64 = 32;

/// The posts of the first `budget` bytes of the archive `paths` name, or
/// `None` when there is nothing to preview (see the module's rules) or the
/// archive fits in the budget whole.
pub fn preview(paths: &[PathBuf], budget: u64) -> Option<Preview> {
    // What a preview would warn of, the load says again: its warnings are
    // dropped.
    let (files, mut warnings) = walk::files_named(paths).ok()?;
    if files.iter().any(|file| walk::is_stdin(&file.path)) {
        return None;
    }
    let size_of = |file: &FileToRead| std::fs::metadata(&file.path).map_or(0, |m| m.len());
    let total: u64 = files.iter().map(size_of).sum();
    if total <= budget {
        return None;
    }
    let mut parts: Vec<Parsed> = Vec::new();
    let mut covered = 0u64;
    for file in &files {
        let size = size_of(file);
        let room = budget - covered;
        let part = if size <= room {
            load_file(&file.path, &mut |_| {})
        } else {
            match head_of(&file.path, room) {
                Some(part) => part,
                None => break,
            }
        };
        match part {
            Ok(mut part) => {
                warnings.append(&mut part.warnings);
                parts.push(part);
            }
            Err(_) if file.in_directory => {}
            Err(_) => return None,
        }
        covered += size.min(room);
        if covered >= budget {
            break;
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(Preview {
        corpus: merge(parts, &mut warnings),
        covered,
        total,
    })
}

/// The posts of the first `budget` bytes of the plain-text file at `path`,
/// cut after the last blank line in them; `None` when the file is in
/// another format, or has no blank line within the budget.
fn head_of(path: &Path, budget: u64) -> Option<Result<Parsed, LoadError>> {
    let (file, _) = walk::open_regular(path).ok()?;
    let mut head = Vec::new();
    file.take(budget).read_to_end(&mut head).ok()?;
    let extension = path.extension().and_then(|e| e.to_str());
    if detect::format_of(&head, extension).ok()? != Format::PlainText
        || super::encoding::utf16_of(&head).is_some()
    {
        return None;
    }
    let cut = slice_cut(&head)?;
    let name = name_of(path);
    // A multi-byte character cut by the budget is after the blank line;
    // a bad byte before it is the load's to report, not the preview's.
    let content = std::str::from_utf8(&head[..cut]).ok()?;
    Some(text::parse(&name, content).and_then(|posts| parsed(&name, posts)))
}

/// Where the first bytes of a plain-text archive can be cut so that what
/// comes before is whole posts: the end of the last blank line in them.
///
/// Accepts `"Title\n\nText.\n\nNext title\n"` (cut after the second blank
/// line's newline, before "Next title"); rejects `"Title\nText cut in the
/// mid"` (no blank line: `None`).
pub fn slice_cut(head: &[u8]) -> Option<usize> {
    paragraphs::last_cut(head, 0).filter(|&cut| cut > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{BUNDLED, load_paths};
    use std::fs;

    fn temp_dir() -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix("pundit-preview-")
            .tempdir()
            .expect("a temporary directory")
    }

    #[test]
    fn the_cut_falls_after_the_last_blank_line() {
        let head = b"Title\n\nText.\n\nNext title\nand its text cut in the mid";
        let cut = slice_cut(head).unwrap();
        assert_eq!(&head[..cut], b"Title\n\nText.\n\n");
        assert_eq!(slice_cut(b"Title\r\n\r\nText"), Some(9));
        assert_eq!(slice_cut(b"Title\nText cut in the mid"), None);
        assert_eq!(slice_cut(b""), None);
    }

    #[test]
    fn budgets_grow_within_their_share_of_the_archive() {
        const KIB: u64 = 1 << 10;
        const MIB: u64 = 1 << 20;
        assert_eq!(budgets(512 * KIB, 250 * MIB), [512 * KIB, 4 * MIB]);
        assert_eq!(budgets(512 * KIB, 1024 * MIB), [512 * KIB, 4 * MIB]);
        assert_eq!(
            budgets(512 * KIB, 2048 * MIB),
            [512 * KIB, 4 * MIB, 32 * MIB]
        );
        // The first is taken even when it is more than the share.
        assert_eq!(budgets(256 * KIB, MIB), [256 * KIB]);
        // Nothing for an archive that fits the first budget.
        assert!(budgets(256 * KIB, 100 * KIB).is_empty());
        for total in [MIB, 10 * MIB, 250 * MIB, 1024 * MIB, 1 << 40] {
            let all = budgets(256 * KIB, total);
            let share = total / PREVIEWS_SHARE;
            assert!(all[1..].iter().sum::<u64>() + all[0] <= share.max(all[0]));
        }
    }

    /// The bundled seed repeated, each copy's titles numbered.
    fn repeated_seed(copies: usize) -> String {
        (0..copies)
            .map(|n| BUNDLED.replace("\n\n", &format!(" {n}\n\n")) + "\n\n")
            .collect()
    }

    #[test]
    fn a_large_plain_text_file_is_previewed_by_its_head() {
        let tmp = temp_dir();
        let path = tmp.path().join("big.txt");
        let archive = repeated_seed(40);
        fs::write(&path, &archive).unwrap();
        let budget = archive.len() as u64 / 8;
        let preview = preview(std::slice::from_ref(&path), budget).expect("a preview");
        assert!(preview.covered <= budget && preview.covered > budget / 2);
        assert_eq!(preview.total, archive.len() as u64);
        let whole = load_paths(std::slice::from_ref(&path)).unwrap().corpus;
        let (some, all) = (preview.corpus.len(), whole.len());
        assert!(some > 0 && some < all, "{some} of {all}");
        // The first posts are the whole archive's first posts.
        assert_eq!(
            preview.corpus.title(crate::model::PostId(0)),
            whole.title(crate::model::PostId(0))
        );
    }

    #[test]
    fn a_file_that_fits_is_not_previewed() {
        let tmp = temp_dir();
        let path = tmp.path().join("seed.txt");
        fs::write(&path, BUNDLED).unwrap();
        assert!(preview(&[path], 1 << 20).is_none());
    }

    #[test]
    fn a_directory_is_previewed_by_its_first_files() {
        let tmp = temp_dir();
        for n in 0..6 {
            let json = format!(
                r#"{{"posts":[{{"id":"p{n}","title":"Post number {n}","blocks":[{{"kind":"paragraph","text":"Text {n}."}}]}}]}}"#
            );
            fs::write(tmp.path().join(format!("{n}.json")), json).unwrap();
        }
        let one = fs::metadata(tmp.path().join("0.json")).unwrap().len();
        let dir = tmp.path().to_path_buf();
        let preview = preview(&[dir], one * 2 + 1).expect("a preview");
        let titles: Vec<&str> = (preview.corpus.post_ids())
            .map(|p| preview.corpus.title(p))
            .collect();
        assert_eq!(titles, ["Post number 0", "Post number 1"]);
    }

    #[test]
    fn a_large_json_file_is_not_previewed() {
        let tmp = temp_dir();
        let path = tmp.path().join("big.json");
        let posts: Vec<String> = (0..200)
            .map(|n| format!(r#"{{"id":"p{n}","title":"Post {n}","blocks":[]}}"#))
            .collect();
        fs::write(&path, format!(r#"{{"posts":[{}]}}"#, posts.join(","))).unwrap();
        assert!(preview(&[path], 1024).is_none());
    }
}
