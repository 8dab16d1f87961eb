//! Which files the paths on a command line name: a file as given; a
//! directory read recursively, entries in name order, hidden ones (`.git`,
//! `.DS_Store`) left out, at most [`MAX_DEPTH`] directories deep, each
//! directory and file read once however many links lead to it (so a link
//! back up the tree ends rather than loops). Anything that is neither a
//! regular file nor a directory (a FIFO, a device, a socket) is refused
//! when named and skipped with a warning inside a directory: reading one
//! could block forever or never end.

use std::collections::HashMap;
use std::fs::{self, Metadata};
use std::io::IsTerminal;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::{LoadError, Warning, name_of};

/// How many directories deep below a named directory files are read.
pub const MAX_DEPTH: usize = 32;

/// A file to read, and whether it was found in a directory (its errors
/// then skip it rather than stop the load).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileToRead {
    pub path: PathBuf,
    pub in_directory: bool,
}

/// The PATH that stands for standard input.
pub const STDIN: &str = "-";

/// Whether `path` is `-`, standard input. (A file named `-` is `./-`.)
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// The files `paths` name, in order, and what was skipped on the way.
/// `-` is standard input, unless that is a terminal: an archive is piped
/// or redirected in, not typed.
pub fn files_named(paths: &[PathBuf]) -> Result<(Vec<FileToRead>, Vec<Warning>), LoadError> {
    let mut walk = Walk::default();
    for path in paths {
        if is_stdin(path) {
            if std::io::stdin().is_terminal() {
                return Err(LoadError::Invalid {
                    path: super::STDIN_NAME.to_string(),
                    message:
                        "a terminal; pipe or redirect an archive in (`pundit - < archive.txt`)"
                            .to_string(),
                });
            }
            walk.files.push(FileToRead {
                path: path.clone(),
                in_directory: false,
            });
            continue;
        }
        let metadata = fs::metadata(path).map_err(|source| LoadError::Io {
            path: name_of(path),
            source,
        })?;
        if metadata.is_dir() {
            walk.directory(path, &metadata, 0)?;
        } else if metadata.is_file() {
            walk.files.push(FileToRead {
                path: path.clone(),
                in_directory: false,
            });
        } else {
            return Err(not_a_file(path, &metadata));
        }
    }
    Ok((walk.files, walk.warnings))
}

/// Opens `path` for reading without blocking (a FIFO with no writer would
/// block in open(2)), then refuses it unless it is a regular file: what
/// was checked before opening may have been replaced since. Returns the
/// file and its length.
pub fn open_regular(path: &Path) -> Result<(fs::File, u64), LoadError> {
    let io_error = |source| LoadError::Io {
        path: name_of(path),
        source,
    };
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    if !metadata.is_file() {
        return Err(not_a_file(path, &metadata));
    }
    // O_NONBLOCK changes nothing when reading a regular file.
    Ok((file, metadata.len()))
}

/// The refusal of something that is neither a file nor a directory.
fn not_a_file(path: &Path, metadata: &Metadata) -> LoadError {
    LoadError::NotAFile {
        path: name_of(path),
        kind: kind_of(metadata),
    }
}

/// A FIFO, as a message names it.
pub const FIFO: &str = "a FIFO";

/// What a special file is, as a message says it.
fn kind_of(metadata: &Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_fifo() {
        FIFO
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

/// A walk under way: what it found, and every directory and file it has
/// met, by device and inode, with the path it was met at.
#[derive(Default)]
struct Walk {
    files: Vec<FileToRead>,
    warnings: Vec<Warning>,
    seen: HashMap<(u64, u64), PathBuf>,
}

impl Walk {
    /// Reads directory `dir`, `depth` levels below the one named.
    fn directory(
        &mut self,
        dir: &Path,
        metadata: &Metadata,
        depth: usize,
    ) -> Result<(), LoadError> {
        let identity = (metadata.dev(), metadata.ino());
        if let Some(first) = self.seen.get(&identity) {
            let message = if dir.starts_with(first) {
                format!("a link back to {} (a loop)", name_of(first))
            } else {
                format!("already read as {}", name_of(first))
            };
            self.warnings.push(Warning::skipped(dir, message));
            return Ok(());
        }
        self.seen.insert(identity, dir.to_path_buf());
        let entries = match read_sorted(dir) {
            Ok(entries) => entries,
            Err(source) if depth == 0 => {
                return Err(LoadError::Io {
                    path: name_of(dir),
                    source,
                });
            }
            Err(error) => {
                self.warnings.push(Warning::skipped(dir, error.to_string()));
                return Ok(());
            }
        };
        for path in entries {
            // Follows links: a link to a file or a directory is read as one.
            let metadata = match fs::metadata(&path) {
                Ok(metadata) => metadata,
                Err(error) => {
                    self.warnings
                        .push(Warning::skipped(&path, error.to_string()));
                    continue;
                }
            };
            if metadata.is_dir() {
                if depth + 1 > MAX_DEPTH {
                    let message = format!("more than {MAX_DEPTH} directories deep");
                    self.warnings.push(Warning::skipped(&path, message));
                } else {
                    self.directory(&path, &metadata, depth + 1)?;
                }
            } else if metadata.is_file() {
                self.file(path, &metadata);
            } else {
                let message = format!("{}, not a file", kind_of(&metadata));
                self.warnings.push(Warning::skipped(&path, message));
            }
        }
        Ok(())
    }

    fn file(&mut self, path: PathBuf, metadata: &Metadata) {
        let identity = (metadata.dev(), metadata.ino());
        if let Some(first) = self.seen.get(&identity) {
            let message = format!("the same file as {}", name_of(first));
            self.warnings.push(Warning::skipped(&path, message));
            return;
        }
        self.seen.insert(identity, path.clone());
        self.files.push(FileToRead {
            path,
            in_directory: true,
        });
    }
}

/// The entries of `dir` that are not hidden, sorted by name.
fn read_sorted(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        entries.push(entry.path());
    }
    entries.sort();
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn temp_dir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("pundit-walk-{name}-"))
            .tempdir()
            .expect("a temporary directory")
    }

    fn names(files: &[FileToRead], root: &Path) -> Vec<String> {
        files
            .iter()
            .map(|f| f.path.strip_prefix(root).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn directories_are_read_recursively_in_name_order_hidden_entries_left_out() {
        let tmp = temp_dir("order");
        let dir = tmp.path().to_path_buf();
        fs::create_dir_all(dir.join("2018/05")).unwrap();
        fs::create_dir_all(dir.join(".git")).unwrap();
        for file in [
            "b.txt",
            "a.txt",
            "2018/05/x.txt",
            "2018/c.txt",
            ".git/HEAD",
            ".hidden",
        ] {
            fs::write(dir.join(file), "x").unwrap();
        }
        let (files, warnings) = files_named(std::slice::from_ref(&dir)).unwrap();
        assert_eq!(
            names(&files, &dir),
            ["2018/05/x.txt", "2018/c.txt", "a.txt", "b.txt"]
        );
        assert!(files.iter().all(|f| f.in_directory));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_link_back_up_the_tree_is_read_once_with_a_warning() {
        let tmp = temp_dir("loop");
        let dir = tmp.path().to_path_buf();
        fs::create_dir_all(dir.join("a")).unwrap();
        fs::write(dir.join("a/post.txt"), "x").unwrap();
        symlink(&dir, dir.join("a/up")).unwrap();
        symlink(dir.join("a/post.txt"), dir.join("again.txt")).unwrap();
        let (files, warnings) = files_named(std::slice::from_ref(&dir)).unwrap();
        assert_eq!(names(&files, &dir), ["a/post.txt"]);
        let said: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(
            said[0].contains("a/up: skipped: a link back to"),
            "{said:?}"
        );
        assert!(said[0].ends_with("(a loop)"), "{said:?}");
        assert!(
            said[1].contains("again.txt: skipped: the same file as"),
            "{said:?}"
        );
    }

    #[test]
    fn depth_is_bounded() {
        let tmp = temp_dir("deep");
        let dir = tmp.path().to_path_buf();
        let mut deep = dir.clone();
        for level in 0..=MAX_DEPTH {
            deep.push(format!("d{level}"));
        }
        fs::create_dir_all(&deep).unwrap();
        fs::write(deep.join("too-deep.txt"), "x").unwrap();
        fs::write(deep.parent().unwrap().join("deep-enough.txt"), "x").unwrap();
        let (files, warnings) = files_named(std::slice::from_ref(&dir)).unwrap();
        assert_eq!(files.len(), 1);
        assert!(files[0].path.ends_with("deep-enough.txt"));
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0]
                .to_string()
                .ends_with("more than 32 directories deep")
        );
    }

    #[test]
    fn special_files_are_refused_when_named_and_skipped_in_a_directory() {
        let tmp = temp_dir("special");
        let dir = tmp.path().to_path_buf();
        let fifo = dir.join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        fs::write(dir.join("post.txt"), "x").unwrap();
        let error = files_named(std::slice::from_ref(&fifo))
            .unwrap_err()
            .to_string();
        assert!(
            error
                .ends_with("pipe: a FIFO, not a file or a directory (to read a pipe, name it `-`)"),
            "{error}"
        );
        let error = files_named(&[PathBuf::from("/dev/zero")])
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "/dev/zero: a character device, not a file or a directory"
        );
        // Opening does not block and refuses it too (it may have been
        // swapped in after the check).
        let error = open_regular(&fifo).unwrap_err().to_string();
        assert!(
            error.ends_with("a FIFO, not a file or a directory (to read a pipe, name it `-`)"),
            "{error}"
        );
        let (files, warnings) = files_named(std::slice::from_ref(&dir)).unwrap();
        assert_eq!(names(&files, &dir), ["post.txt"]);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0]
                .to_string()
                .ends_with("pipe: skipped: a FIFO, not a file"),
            "{}",
            warnings[0]
        );
    }
}
