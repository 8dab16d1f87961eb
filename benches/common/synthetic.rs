//! The synthetic archive the load benchmark reads and the README's memory
//! figures are measured on.

use pundit::import::clean::clean;
use pundit::load::BUNDLED;
use pundit::load::load_bundled;

/// The seed repeated until it reaches `bytes`, each copy's titles numbered
/// so that every post is new.
pub fn synthetic_archive(bytes: usize) -> String {
    let titles: Vec<String> = load_bundled().posts.into_iter().map(|p| p.title).collect();
    let lines: Vec<&str> = BUNDLED.split('\n').collect();
    let mut archive = String::with_capacity(bytes + BUNDLED.len());
    let mut copy = 0;
    while archive.len() < bytes {
        copy += 1;
        for line in &lines {
            archive.push_str(line);
            if titles.iter().any(|t| *t == clean(line)) {
                archive.push_str(&format!(" number {copy}"));
            }
            archive.push('\n');
        }
        archive.push('\n');
    }
    archive
}
