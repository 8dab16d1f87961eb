//! The cache end to end, in a pseudo-terminal: a second open of a large
//! archive reads the cache and says so, a damaged cache is rebuilt with a
//! warning while the reader shows the archive, and the bundled corpus and
//! small archives leave no cache behind.

#[path = "common/pty.rs"]
mod pty;

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use pty::{Home, Session, status_line};

/// A plain-text archive above the size cached (8 MiB), written once per
/// test run in the build's own scratch space.
fn large_archive() -> &'static str {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("e2e-cache-9mb.txt");
        let archive = synthetic::synthetic_archive(9 << 20);
        assert!(archive.len() as u64 > 8 << 20);
        fs::write(&path, archive).expect("write the archive");
        path
    })
    .to_str()
    .expect("UTF-8 path")
}

/// Opens `archive` in `home`, waits for the whole of it to load, quits
/// (which waits for the cache to be written), and returns the one entry.
fn open_and_quit(home: &Home, archive: &str, status: &str) -> PathBuf {
    let session = home.start(&[archive]);
    session.wait_for_status(status);
    wait_for_the_whole_archive(&session);
    quit(session);
    let entries = home.cache_entries();
    assert_eq!(entries.len(), 1, "{entries:?}");
    entries[0].clone()
}

/// Waits until the archive has loaded: the status line shows a post and
/// no longer what is loaded so far.
fn wait_for_the_whole_archive(session: &Session) {
    session.wait_for("the whole archive", |screen| {
        let status = status_line(screen);
        status.contains("post ") && !status.contains("so far") && !status.contains("loading")
    });
}

fn quit(mut session: Session) {
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_cooked_mode();
}

#[test]
fn a_second_open_of_a_large_archive_reads_the_cache() {
    let home = Home::new();
    let archive = large_archive();
    let session = home.start(&[archive]);
    session.wait_for_status("post 1/");
    wait_for_the_whole_archive(&session);
    assert!(!status_line(&session.screen()).contains("cache"));
    quit(session);
    assert_eq!(
        home.cache_entries().len(),
        1,
        "the entry is written by the time pundit exits"
    );

    let mut session = home.start(&[archive]);
    session.wait_for_status("Opened from the cache");
    let screen = session.screen();
    assert!(screen.contains("post 1/"), "{screen}");
    // Searchable at once: the index came with it.
    session.send("/government\r");
    session.wait_for("search results", |screen| {
        status_line(screen).contains("match")
    });
    quit(session);
}

/// Once a first open has written the cache, the reader lets go of the
/// archive it parsed and reads the entry instead: it maps the entry, what
/// it holds of its own falls below three times the archive's size (it held
/// the parsed corpus and its index, over four times, before), and the
/// reader goes on as it was, searchable.
#[cfg(target_os = "linux")]
#[test]
fn after_a_first_open_the_reader_holds_less_than_three_times_the_archive() {
    let home = Home::new();
    let archive = large_archive();
    let mut session = home.start(&[archive]);
    session.wait_for_status("post 1/");
    wait_for_the_whole_archive(&session);
    session.send("]]");
    session.wait_for_status("post 3/");
    let limit = 3 * fs::metadata(archive).expect("the archive").len();
    // (The entry, not the temporary file it is written to.)
    let written = || {
        let entries = home.cache_entries();
        entries
            .into_iter()
            .find(|entry| entry.extension().is_some_and(|e| e == "pundit-cache"))
    };
    session.wait_for("the cache entry to be written", |_| written().is_some());
    let entry = written().expect("the entry");
    let entry_name = entry.file_name().expect("an entry's name");
    session.wait_for("the reader to read the entry it wrote", |_| {
        session.maps_file_named(entry_name)
    });
    session.wait_for(
        "the reader to hold less than three times the archive",
        |_| {
            session
                .anonymous_memory()
                .is_some_and(|bytes| bytes < limit)
        },
    );
    assert!(status_line(&session.screen()).contains("post 3/"));
    session.send("/government\r");
    session.wait_for("search results", |screen| {
        status_line(screen).contains("match")
    });
    quit(session);
}

#[test]
fn a_damaged_cache_is_rebuilt_with_a_warning_and_the_archive_still_shows() {
    let home = Home::new();
    let archive = large_archive();
    type Damage = fn(&Path);
    let damages: [(&str, Damage); 2] = [
        ("a byte flipped in the text", |file| {
            let mut bytes = fs::read(file).unwrap();
            let middle = bytes.len() / 3;
            bytes[middle] ^= 0x01;
            fs::write(file, bytes).unwrap();
        }),
        ("cut short", |file| {
            let bytes = fs::read(file).unwrap();
            fs::write(file, &bytes[..bytes.len() / 2]).unwrap();
        }),
    ];
    let mut status = "post 1/";
    for (what, damage) in damages {
        let entry = open_and_quit(&home, archive, status);
        damage(&entry);
        let session = home.start(&[archive]);
        session.wait_for_status("cache: ");
        let screen = session.screen();
        assert!(screen.contains("rebuilt"), "{what}: {screen}");
        // The reader shows the archive all the same.
        assert!(
            session
                .screen()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count()
                > 10,
            "{what}: {screen}"
        );
        quit(session);
        // Rebuilt by the time the damaged run exits.
        let session = home.start(&[archive]);
        session.wait_for_status("Opened from the cache");
        quit(session);
        status = "Opened from the cache";
    }
}

/// The temporary files in `home`'s cache directory.
fn temporaries(home: &Home) -> Vec<PathBuf> {
    home.cache_entries()
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "tmp"))
        .collect()
}

/// A large archive is parsed straight into its cache entry's temporary
/// file; a reader quit before that is done keeps no entry, and leaves no
/// temporary file behind for the next write to sweep.
#[test]
fn a_reader_quit_while_the_archive_loads_leaves_no_temporary_file() {
    let home = Home::new();
    let session = home.start(&[large_archive()]);
    let deadline = Instant::now() + pty::timeout();
    while temporaries(&home).is_empty() {
        assert!(
            Instant::now() < deadline,
            "no entry was being written; the cache held {:?}",
            home.cache_entries()
        );
        thread::sleep(Duration::from_millis(5));
    }
    quit(session);
    assert_eq!(temporaries(&home), Vec::<PathBuf>::new());
}

#[test]
fn the_bundled_corpus_and_small_archives_leave_no_cache() {
    let home = Home::new();
    let session = home.start(&[]);
    session.wait_for_status("post 1/10");
    quit(session);
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/seed.txt");
    let session = home.start(&[seed]);
    session.wait_for_status("post 1/10");
    quit(session);
    assert!(!home.dir.path().join("cache").exists());
}
