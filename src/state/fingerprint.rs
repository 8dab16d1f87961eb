//! What makes two runs "the same archive": the same set of paths, or the
//! same content wherever it now lives.
//!
//! Content is identified cheaply, without reading whole files: each file
//! by its length and a hash of its first and last [`SAMPLE`] bytes, the
//! archive by the hash of its files' identities, sorted, so that the
//! order paths are named in does not matter. A file moved or renamed
//! keeps its identity; one edited in the middle without changing its
//! length would too, which is the price of not reading gigabytes at start.
//! The cache, which must never serve an edited archive, also compares each
//! file's path, length and modification time ([`ArchiveId::modified`]).

use std::fs::{self, File};
use std::hash::Hasher;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use rustc_hash::FxHasher;

use crate::load::{BUNDLED, walk};

/// Bytes hashed at each end of a file.
pub const SAMPLE: u64 = 64 * 1024;

/// An archive's identity: its content's fingerprint and the paths it was
/// opened by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveId {
    /// Hex of the content hash.
    pub fingerprint: String,
    /// The paths named, made absolute, sorted and without repeats; empty
    /// for the bundled corpus.
    pub paths: Vec<String>,
    /// Hex of a hash of every file's path, length and modification time:
    /// it changes whenever a file is written, even where the fingerprint
    /// (which samples only the ends of a file) would not.
    pub modified: String,
    /// The bytes of all the archive's files together.
    pub size: u64,
}

impl ArchiveId {
    /// The identity of the archive `paths` name (the bundled corpus when
    /// there are none). Fails only when a file cannot be read.
    pub fn of(paths: &[PathBuf]) -> io::Result<ArchiveId> {
        if paths.is_empty() {
            let mut hasher = FxHasher::default();
            hash_file_identity(&mut hasher, BUNDLED.len() as u64, BUNDLED.as_bytes(), b"");
            return Ok(ArchiveId {
                fingerprint: format!("{:016x}", hasher.finish()),
                paths: Vec::new(),
                modified: String::new(),
                size: BUNDLED.len() as u64,
            });
        }
        // Standard input is read once and gone: nothing to know it by.
        if paths.iter().any(|path| walk::is_stdin(path)) {
            return Err(io::Error::other("standard input is not remembered"));
        }
        let (files, _) = walk::files_named(paths).map_err(io::Error::other)?;
        let mut identities = files
            .iter()
            .map(|file| file_identity(&file.path))
            .collect::<io::Result<Vec<u64>>>()?;
        identities.sort_unstable();
        let mut hasher = FxHasher::default();
        for identity in identities {
            hasher.write_u64(identity);
        }
        let mut stamps = files
            .iter()
            .map(|file| file_stamp(&file.path))
            .collect::<io::Result<Vec<(String, u64, u128)>>>()?;
        stamps.sort_unstable();
        let size = stamps.iter().map(|(_, length, _)| length).sum();
        let mut modified = FxHasher::default();
        for (path, length, nanos) in &stamps {
            modified.write(path.as_bytes());
            modified.write_u8(0);
            modified.write_u64(*length);
            modified.write_u128(*nanos);
        }
        let mut named: Vec<String> = paths
            .iter()
            .map(|path| absolute(path).display().to_string())
            .collect();
        named.sort();
        named.dedup();
        Ok(ArchiveId {
            fingerprint: format!("{:016x}", hasher.finish()),
            paths: named,
            modified: format!("{:016x}", modified.finish()),
            size,
        })
    }
}

/// `path` made absolute and with its links resolved, where it can be.
fn absolute(path: &Path) -> PathBuf {
    path.canonicalize()
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// One file's absolute path, length and modification time (nanoseconds
/// since the epoch; 0 where the system keeps none).
fn file_stamp(path: &Path) -> io::Result<(String, u64, u128)> {
    let metadata = fs::metadata(path)?;
    let nanos = metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |since| since.as_nanos());
    let path = absolute(path).display().to_string();
    Ok((path, metadata.len(), nanos))
}

/// One file's length and the hash of its two ends.
fn file_identity(path: &Path) -> io::Result<u64> {
    let mut file = File::open(path)?;
    let length = file.metadata()?.len();
    let mut head = Vec::with_capacity(SAMPLE as usize);
    (&mut file).take(SAMPLE).read_to_end(&mut head)?;
    let mut tail = Vec::new();
    if length > SAMPLE {
        file.seek(SeekFrom::Start(length.saturating_sub(SAMPLE).max(SAMPLE)))?;
        file.take(SAMPLE).read_to_end(&mut tail)?;
    }
    let mut hasher = FxHasher::default();
    hash_file_identity(&mut hasher, length, &head, &tail);
    Ok(hasher.finish())
}

fn hash_file_identity(hasher: &mut FxHasher, length: u64, head: &[u8], tail: &[u8]) {
    hasher.write_u64(length);
    hasher.write(head);
    hasher.write(tail);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("pundit-fingerprint-{name}-"))
            .tempdir()
            .expect("a temporary directory")
    }

    #[test]
    fn a_moved_file_keeps_its_fingerprint_and_an_edited_one_does_not() {
        let tmp = temp_dir("moved");
        let dir = tmp.path().to_path_buf();
        let first = dir.join("a.txt");
        std::fs::write(&first, BUNDLED).unwrap();
        let before = ArchiveId::of(std::slice::from_ref(&first)).unwrap();
        let moved = dir.join("renamed.txt");
        std::fs::rename(&first, &moved).unwrap();
        let after = ArchiveId::of(std::slice::from_ref(&moved)).unwrap();
        assert_eq!(before.fingerprint, after.fingerprint);
        assert_ne!(before.paths, after.paths);
        std::fs::write(&moved, format!("{BUNDLED}\nOne more line.\n")).unwrap();
        let edited = ArchiveId::of(std::slice::from_ref(&moved)).unwrap();
        assert_ne!(edited.fingerprint, after.fingerprint);
        assert_eq!(edited.paths, after.paths);
    }

    #[test]
    fn a_file_written_again_is_modified_even_with_the_same_ends() {
        let tmp = temp_dir("modified");
        let path = tmp.path().join("big.txt");
        let mut bytes = vec![b'a'; 3 * SAMPLE as usize];
        std::fs::write(&path, &bytes).unwrap();
        let file = File::options().write(true).open(&path).unwrap();
        let before_time = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1000);
        file.set_modified(before_time).unwrap();
        let before = ArchiveId::of(std::slice::from_ref(&path)).unwrap();
        assert_eq!(before.size, 3 * SAMPLE);
        // The middle changes, which the fingerprint does not sample.
        bytes[SAMPLE as usize + 10] = b'b';
        std::fs::write(&path, &bytes).unwrap();
        let after = ArchiveId::of(std::slice::from_ref(&path)).unwrap();
        assert_eq!(before.fingerprint, after.fingerprint);
        assert_ne!(before.modified, after.modified);
    }

    #[test]
    fn standard_input_has_no_identity() {
        let tmp = temp_dir("stdin");
        let named = tmp.path().join("a.txt");
        std::fs::write(&named, "text").unwrap();
        assert!(ArchiveId::of(&[named, PathBuf::from("-")]).is_err());
    }

    #[test]
    fn the_order_of_paths_does_not_matter() {
        let tmp = temp_dir("order");
        let dir = tmp.path().to_path_buf();
        let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
        std::fs::write(&a, "first").unwrap();
        std::fs::write(&b, "second").unwrap();
        let ab = ArchiveId::of(&[a.clone(), b.clone()]).unwrap();
        let ba = ArchiveId::of(&[b, a]).unwrap();
        assert_eq!(ab, ba);
    }

    #[test]
    fn both_ends_of_a_large_file_count() {
        let tmp = temp_dir("ends");
        let dir = tmp.path().to_path_buf();
        let path = dir.join("big.txt");
        let mut bytes = vec![b'a'; 3 * SAMPLE as usize];
        std::fs::write(&path, &bytes).unwrap();
        let before = ArchiveId::of(std::slice::from_ref(&path)).unwrap();
        *bytes.last_mut().unwrap() = b'b';
        std::fs::write(&path, &bytes).unwrap();
        let after = ArchiveId::of(std::slice::from_ref(&path)).unwrap();
        assert_ne!(before.fingerprint, after.fingerprint);
    }
}
