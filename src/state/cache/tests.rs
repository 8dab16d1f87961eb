use std::fs;
use std::time::{Duration, SystemTime};

use super::*;
use crate::load::load_bundled;

fn temp_cache(name: &str, limit: u64) -> (tempfile::TempDir, Cache) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("pundit-cache-{name}-"))
        .tempdir()
        .expect("a temporary directory");
    let cache = Cache::at(dir.path().join("cache"), limit);
    (dir, cache)
}

/// The identity of an archive at `path`, large enough to be cached.
fn id(path: &str, modified: &str) -> ArchiveId {
    ArchiveId {
        fingerprint: "0123456789abcdef".into(),
        paths: vec![path.into()],
        modified: modified.into(),
        size: MIN_ARCHIVE_SIZE,
    }
}

fn write(cache: &Cache, id: &ArchiveId, warnings: &[Warning]) -> Entry {
    let corpus = load_bundled();
    let entry = cache.entry(id).expect("a cached archive");
    entry
        .write(&corpus, Some(&SearchIndex::default()), warnings)
        .unwrap();
    entry
}

/// The size of the bundled corpus's entry, written by [`write`].
fn seed_entry_size() -> u64 {
    let (_dir, probe) = temp_cache("probe", DEFAULT_LIMIT);
    fs::metadata(write(&probe, &id("/p.txt", "1"), &[]).file())
        .unwrap()
        .len()
}

fn names_in(cache: &Cache) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(cache.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn hit(lookup: Lookup) -> Hit {
    match lookup {
        Lookup::Hit(hit) => hit,
        other => panic!("not a hit: {other:?}"),
    }
}

#[test]
fn an_entry_written_opens_back_with_its_warnings() {
    let (_dir, cache) = temp_cache("roundtrip", DEFAULT_LIMIT);
    let warning = Warning {
        path: "dir/a: b.txt".into(),
        message: "skipped: not UTF-8 text\t(at 3)".into(),
    };
    let entry = write(&cache, &id("/a.txt", "1"), std::slice::from_ref(&warning));
    let hit = hit(entry.open(Verify::All));
    assert_eq!(hit.warnings, [warning]);
    let corpus = flat::corpus::FlatCorpus::new(&hit.file);
    assert_eq!(corpus.len(), load_bundled().len());
    // The entry alone: no temporary file is left.
    assert_eq!(names_in(&cache).len(), 1);
    assert!(names_in(&cache)[0].ends_with(".pundit-cache"));
}

#[test]
fn small_archives_and_the_bundled_corpus_have_no_entry() {
    let (_dir, cache) = temp_cache("small", DEFAULT_LIMIT);
    let small = ArchiveId {
        size: MIN_ARCHIVE_SIZE - 1,
        ..id("/a.txt", "1")
    };
    assert!(cache.entry(&small).is_none());
    let bundled = ArchiveId::of(&[]).unwrap();
    assert!(cache.entry(&bundled).is_none());
    assert!(cache.entry(&id("/a.txt", "1")).is_some());
}

#[test]
fn an_archive_changed_since_is_stale_and_its_entry_replaced() {
    let (_dir, cache) = temp_cache("stale", DEFAULT_LIMIT);
    write(&cache, &id("/a.txt", "1"), &[]);
    let changed = cache.entry(&id("/a.txt", "2")).unwrap();
    assert!(matches!(changed.open(Verify::All), Lookup::Stale));
    // The same paths: the same entry, rewritten in place of the old one.
    write(&cache, &id("/a.txt", "2"), &[]);
    assert_eq!(names_in(&cache).len(), 1);
    hit(changed.open(Verify::All));
    let other = cache.entry(&id("/b.txt", "2")).unwrap();
    assert!(matches!(other.open(Verify::All), Lookup::Missing));
}

#[test]
fn a_damaged_entry_is_removed_with_a_warning() {
    let truncate = |bytes: &mut Vec<u8>| bytes.truncate(bytes.len() / 2);
    let flip = |bytes: &mut Vec<u8>| {
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x20;
    };
    let replace = |bytes: &mut Vec<u8>| *bytes = b"something else entirely".to_vec();
    type Damage<'a> = &'a dyn Fn(&mut Vec<u8>);
    let damages: [Damage; 3] = [&truncate, &flip, &replace];
    for damage in damages {
        let (_dir, cache) = temp_cache("damaged", DEFAULT_LIMIT);
        let entry = write(&cache, &id("/a.txt", "1"), &[]);
        let mut bytes = fs::read(entry.file()).unwrap();
        damage(&mut bytes);
        fs::write(entry.file(), &bytes).unwrap();
        match entry.open(Verify::All) {
            Lookup::Damaged(warning) => {
                let said = ["damaged (", "cut short (", "not a pundit cache file;"];
                assert!(
                    said.iter().any(|s| warning.message.starts_with(s)),
                    "{warning}"
                );
                assert!(warning.message.contains("rebuilt"), "{warning}");
            }
            other => panic!("not found damaged: {other:?}"),
        }
        assert!(!entry.file().exists());
    }
}

#[test]
fn the_least_recently_used_entries_go_first_when_over_the_bound() {
    let size = seed_entry_size();
    // Room for two entries, not three.
    let (_dir, cache) = temp_cache("bound", 2 * size + size / 2);
    let [a, b, c] = ["/a.txt", "/b.txt", "/c.txt"].map(|path| id(path, "1"));
    let age = |entry: &Entry, seconds: u64| {
        let file = File::options().write(true).open(entry.file()).unwrap();
        file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(seconds))
            .unwrap();
    };
    let first = write(&cache, &a, &[]);
    age(&first, 1000);
    let second = write(&cache, &b, &[]);
    age(&second, 2000);
    // Using the older entry makes the other the least recently used.
    hit(first.open(Verify::All));
    let third = write(&cache, &c, &[]);
    assert!(first.file().exists());
    assert!(!second.file().exists());
    assert!(third.file().exists());
    // An entry that alone is over the bound is not kept.
    let (_dir, tiny) = temp_cache("tiny", size / 2);
    let entry = tiny.entry(&a).unwrap();
    let kept = entry
        .write(&load_bundled(), Some(&SearchIndex::default()), &[])
        .unwrap();
    assert_eq!(kept, 0);
    assert!(names_in(&tiny).is_empty());
}

#[test]
fn an_entry_over_the_bound_is_given_up_and_the_others_stay() {
    let size = seed_entry_size();
    let (_dir, cache) = temp_cache("over", size + size / 2);
    let kept = write(&cache, &id("/a.txt", "1"), &[]);
    // The seed twice over: an entry larger than the whole cache.
    let mut posts = load_bundled().into_posts();
    posts.extend(load_bundled().into_posts());
    let twice = Corpus::new(posts, None);
    let entry = cache.entry(&id("/b.txt", "1")).unwrap();
    let written = entry.write(&twice, None, &[]).unwrap();
    assert_eq!(written, 0);
    assert!(!entry.file().exists());
    assert!(kept.file().exists(), "the entry already there is kept");
    assert_eq!(names_in(&cache).len(), 1, "no temporary file is left");
}

#[test]
fn a_write_that_fails_leaves_the_old_entry_and_no_temporary_file() {
    let (_dir, cache) = temp_cache("failed", DEFAULT_LIMIT);
    let entry = write(&cache, &id("/a.txt", "1"), &[]);
    let before = fs::read(entry.file()).unwrap();
    let failed = entry.write_with(&[], |_, out| {
        out.write_all(b"half a file")?;
        Err(io::Error::other("the disk is full"))
    });
    assert!(failed.is_err());
    assert_eq!(names_in(&cache).len(), 1);
    assert_eq!(fs::read(entry.file()).unwrap(), before);
}

#[test]
fn clear_removes_entries_and_what_dead_writers_left() {
    let (_dir, cache) = temp_cache("clear", DEFAULT_LIMIT);
    assert_eq!(cache.clear().unwrap(), Contents::default());
    write(&cache, &id("/a.txt", "1"), &[]);
    // A writer killed mid-write (no such pid), and one still writing.
    let dead = cache.dir().join(".99999999.abcdef.tmp");
    let live = cache
        .dir()
        .join(format!(".{}.abcdef.tmp", std::process::id()));
    fs::write(&dead, b"half").unwrap();
    fs::write(&live, b"half").unwrap();
    write(&cache, &id("/b.txt", "1"), &[]);
    assert!(!dead.exists(), "a dead writer's file is swept by a write");
    assert!(live.exists(), "a live writer's file is left to it");
    let entries_size: u64 = names_in(&cache)
        .iter()
        .filter(|name| name.ends_with(".pundit-cache"))
        .map(|name| fs::metadata(cache.dir().join(name)).unwrap().len())
        .sum();
    assert_eq!(cache.contents().unwrap().entries, 2);
    assert_eq!(cache.contents().unwrap().bytes, entries_size);
    let cleared = cache.clear().unwrap();
    assert_eq!(cleared.entries, 2);
    assert_eq!(cleared.bytes, entries_size + 4);
    assert!(names_in(&cache).is_empty());
}

#[test]
fn waiting_for_writes_waits_for_the_pending_one() {
    let pending = PendingWrite::start();
    let (sender, receiver) = std::sync::mpsc::channel();
    let waiter = std::thread::spawn(move || {
        wait_for_writes();
        sender.send(()).unwrap();
    });
    assert!(receiver.recv_timeout(Duration::from_millis(50)).is_err());
    drop(pending);
    receiver.recv_timeout(Duration::from_secs(10)).unwrap();
    waiter.join().unwrap();
}

#[test]
fn pundits_writing_one_entry_at_once_leave_a_whole_one() {
    let (_dir, cache) = temp_cache("concurrent", DEFAULT_LIMIT);
    let corpus = std::sync::Arc::new(load_bundled());
    let writers: Vec<_> = (0..6)
        .map(|_| {
            let (cache, corpus) = (cache.clone(), std::sync::Arc::clone(&corpus));
            std::thread::spawn(move || {
                let entry = cache.entry(&id("/a.txt", "1")).unwrap();
                for _ in 0..5 {
                    entry
                        .write(&corpus, Some(&SearchIndex::default()), &[])
                        .unwrap();
                    // Each read sees a whole file, old or new.
                    hit(entry.open(Verify::All));
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    assert_eq!(names_in(&cache).len(), 1, "{:?}", names_in(&cache));
    hit(cache.entry(&id("/a.txt", "1")).unwrap().open(Verify::All));
}

#[test]
fn a_large_section_is_checked_by_reading_the_file() {
    use crate::model::{Block, BlockKind, Post};
    let (_dir, cache) = temp_cache("large", DEFAULT_LIMIT);
    let text = "A long paragraph of commentary. ".repeat(80_000);
    let post = Post {
        id: "long".into(),
        title: "A long post".into(),
        topics: vec!["Length".into()],
        blocks: vec![Block::new(BlockKind::Paragraph, text.as_str())],
        ..Default::default()
    };
    let corpus = Corpus::new(vec![post], None);
    let entry = cache.entry(&id("/a.txt", "1")).unwrap();
    let index = SearchIndex::new(&corpus);
    entry.write(&corpus, Some(&index), &[]).unwrap();
    hit(entry.open(Verify::All));
    let bytes = fs::read(entry.file()).unwrap();
    let opened = File::open(entry.file()).unwrap();
    let middle = bytes.len() as u64 / 2;
    assert_eq!(
        hash_by_reading(&opened, middle, 3 << 20).unwrap(),
        xxhash_rust::xxh3::xxh3_64(&bytes[middle as usize..][..3 << 20])
    );
    // A letter changed in the text, a section far larger than what is
    // checked through the mapping.
    let at = bytes.windows(10).position(|w| w == b"commentary").unwrap() + 1000;
    let mut damaged = bytes.clone();
    damaged[at] = if damaged[at] == b'a' { b'b' } else { b'a' };
    fs::write(entry.file(), &damaged).unwrap();
    match entry.open(Verify::All) {
        Lookup::Damaged(warning) => {
            assert!(warning.message.contains("checksum"), "{warning}")
        }
        other => panic!("not found damaged: {other:?}"),
    }
}
