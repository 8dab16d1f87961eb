//! Shared, immutable bytes: built in memory or mapped from a file, cheap to
//! clone and to slice, and read only through checked accessors.
//!
//! Whatever the bytes hold, reading them never panics: every offset and
//! length is checked, and a read past the end is `None`. That is what lets
//! pundit read a cache file that may have been damaged on disk.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// A range of bytes in a shared buffer.
#[derive(Clone)]
pub struct Bytes {
    owner: Arc<dyn Buffer>,
    range: Range<usize>,
}

/// What holds the bytes: memory, or a file mapped into it.
trait Buffer: Send + Sync {
    fn bytes(&self) -> &[u8];

    /// The file the bytes are mapped from, to read them without the
    /// mapping (see [`Bytes::read`]); `None` for bytes in memory.
    fn file(&self) -> Option<&std::fs::File> {
        None
    }

    /// Lets the process's resident memory give up the pages of `range`
    /// (see [`Bytes::release`]).
    fn release(&self, _range: Range<usize>) {}
}

/// Bytes in memory: a `Vec<u8>`, a `String`.
struct InMemory<T>(T);

impl<T: AsRef<[u8]> + Send + Sync> Buffer for InMemory<T> {
    fn bytes(&self) -> &[u8] {
        self.0.as_ref()
    }
}

/// A file mapped read-only, never written while mapped (see [`Bytes::map`]),
/// and the file itself, to read from without touching the mapping.
struct Mapped {
    map: memmap2::Mmap,
    file: std::fs::File,
}

impl Buffer for Mapped {
    fn bytes(&self) -> &[u8] {
        &self.map
    }

    fn file(&self) -> Option<&std::fs::File> {
        Some(&self.file)
    }

    #[cfg(unix)]
    fn release(&self, range: Range<usize>) {
        if range.is_empty() || range.end > self.map.len() {
            return;
        }
        // SAFETY: MADV_DONTNEED on a shared read-only mapping of a file
        // unmaps the pages from this process only: they stay in the page
        // cache, and the next read of them maps them again from there or
        // from the file. As the file is never written while mapped (see
        // `Bytes::map`), that read gives the same bytes, so a slice of the
        // mapping held meanwhile, by this thread or another, reads the
        // same bytes before and after. (The range is widened down to its
        // first page's start: the bytes before it on that page are read
        // again the same way.)
        let _ = unsafe {
            self.map.unchecked_advise_range(
                memmap2::UncheckedAdvice::DontNeed,
                range.start,
                range.len(),
            )
        };
    }
}

impl Bytes {
    /// The bytes of anything that holds some: a `Vec<u8>`, a `String`.
    pub fn new(owner: impl AsRef<[u8]> + Send + Sync + 'static) -> Bytes {
        let len = owner.as_ref().len();
        Bytes {
            owner: Arc::new(InMemory(owner)),
            range: 0..len,
        }
    }

    /// The bytes of `file`, mapped into memory rather than read: pages
    /// are read from disk as they are touched, and shared with the page
    /// cache rather than copied.
    ///
    /// A mapping is only sound while nobody changes the file under it (a
    /// file cut short under a mapping makes reads of the lost pages fault).
    /// pundit maps only files it wrote itself under its own directories,
    /// and replaces them by renaming a new file over them, never by
    /// writing into them, so a mapped file keeps its bytes.
    pub fn map(file: &std::fs::File) -> std::io::Result<Bytes> {
        // SAFETY: see above: the files pundit maps are never written in
        // place; a new version is a new file renamed over the old name,
        // which leaves the mapped inode as it was.
        let map = unsafe { memmap2::Mmap::map(file)? };
        let len = map.len();
        Ok(Bytes {
            owner: Arc::new(Mapped {
                map,
                file: file.try_clone()?,
            }),
            range: 0..len,
        })
    }

    pub fn as_slice(&self) -> &[u8] {
        // The range was checked against the owner when it was made.
        &self.owner.bytes()[self.range.clone()]
    }

    /// The bytes in `range` of these, if it lies inside and can be read:
    /// bytes in memory where they lie; a mapped file's read from the file
    /// into `room` (grown as needed, reused from one read to the next),
    /// so that a pass over a gigabyte of them leaves none of its pages in
    /// the process and takes no page fault. The bytes are the same either
    /// way: the file is never written while mapped (see [`Bytes::map`]).
    /// `None` if the file cannot be read there.
    pub fn read<'a>(&'a self, range: Range<usize>, room: &'a mut Vec<u8>) -> Option<&'a [u8]> {
        let bytes = self.get(range.clone())?;
        #[cfg(unix)]
        if let Some(file) = self.owner.file() {
            use std::os::unix::fs::FileExt;
            if room.len() < range.len() {
                room.resize(range.len(), 0);
            }
            let room = &mut room[..range.len()];
            let at = (self.range.start + range.start) as u64;
            file.read_exact_at(room, at).ok()?;
            return Some(room);
        }
        #[cfg(not(unix))]
        let _ = room;
        Some(bytes)
    }

    /// Gives back the memory these bytes take in the process, where that
    /// costs nothing: the pages of a mapped file that a pass over it made
    /// resident are unmapped from the process and stay in the system's
    /// page cache, from which the next read maps them again (a minor fault,
    /// no disk read while the system has room for them). Bytes in memory
    /// are kept. The bytes read the same before and after.
    ///
    /// A search over a gigabyte of mapped index would otherwise leave a
    /// gigabyte counted in the reader's resident memory until the system
    /// ran short.
    pub fn release(&self) {
        self.owner.release(self.range.clone());
    }

    pub fn len(&self) -> usize {
        self.range.len()
    }

    pub fn is_empty(&self) -> bool {
        self.range.is_empty()
    }

    /// The bytes in `range` of these, sharing the buffer; `None` if the
    /// range does not lie inside.
    pub fn slice(&self, range: Range<usize>) -> Option<Bytes> {
        if range.start > range.end || range.end > self.len() {
            return None;
        }
        Some(Bytes {
            owner: Arc::clone(&self.owner),
            range: self.range.start + range.start..self.range.start + range.end,
        })
    }

    /// The bytes in `range`, if it lies inside.
    pub fn get(&self, range: Range<usize>) -> Option<&[u8]> {
        self.as_slice().get(range)
    }

    /// The text in `range`, if it lies inside and is UTF-8.
    pub fn str_at(&self, range: Range<usize>) -> Option<&str> {
        std::str::from_utf8(self.get(range)?).ok()
    }
}

impl Default for Bytes {
    fn default() -> Bytes {
        Bytes::new(Vec::new())
    }
}

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bytes({} bytes)", self.len())
    }
}

/// Reads little-endian numbers from a record's bytes, front to back.
/// A record too short for what is read gives zeros: records are sliced
/// to their full size before they are read, so that never happens to a
/// record that was found at all.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        if let Some(head) = self.bytes.get(..N) {
            out.copy_from_slice(head);
            self.bytes = &self.bytes[N..];
        } else {
            self.bytes = &[];
        }
        out
    }

    pub fn u8(&mut self) -> u8 {
        self.take::<1>()[0]
    }

    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take())
    }

    pub fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take())
    }
}

/// Appends little-endian numbers to a record being written.
pub trait Put {
    fn put_u8(&mut self, value: u8);
    fn put_u32(&mut self, value: u32);
    fn put_u64(&mut self, value: u64);
}

impl Put for Vec<u8> {
    fn put_u8(&mut self, value: u8) {
        self.push(value);
    }

    fn put_u32(&mut self, value: u32) {
        self.extend_from_slice(&value.to_le_bytes());
    }

    fn put_u64(&mut self, value: u64) {
        self.extend_from_slice(&value.to_le_bytes());
    }
}

/// For tests: the bytes of the mapping holding `bytes` that are resident
/// in this process (`Rss` in `/proc/self/smaps`); `None` if they are not
/// mapped from a file.
#[cfg(all(test, target_os = "linux"))]
pub(crate) fn resident_in_mapping(bytes: &Bytes) -> Option<usize> {
    let at = bytes.owner.bytes().as_ptr() as usize;
    let smaps = std::fs::read_to_string("/proc/self/smaps").ok()?;
    let mut inside = false;
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or_default();
        if let Some((start, end)) = first.split_once('-')
            && let (Ok(start), Ok(end)) = (
                usize::from_str_radix(start, 16),
                usize::from_str_radix(end, 16),
            )
        {
            inside = (start..end).contains(&at);
        } else if inside && let Some(kilobytes) = line.strip_prefix("Rss:") {
            let kilobytes = kilobytes.trim().trim_end_matches("kB").trim();
            return kilobytes.parse::<usize>().ok().map(|kb| kb * 1024);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn released_pages_of_a_mapped_file_leave_the_process_and_read_the_same() {
        use std::io::Write;
        const MIB: usize = 1 << 20;
        let written: Vec<u8> = (0..4 * MIB).map(|n| (n % 251) as u8).collect();
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&written).unwrap();
        let bytes = Bytes::map(&file).unwrap();
        let touch = |bytes: &Bytes| {
            bytes
                .as_slice()
                .iter()
                .map(|&b| usize::from(b))
                .sum::<usize>()
        };
        let sum = touch(&bytes);
        assert!(resident_in_mapping(&bytes).unwrap() >= 4 * MIB);
        // The second half let go: about half stays.
        bytes.slice(2 * MIB..4 * MIB).unwrap().release();
        let half = resident_in_mapping(&bytes).unwrap();
        assert!((2 * MIB..3 * MIB).contains(&half), "{half}");
        bytes.release();
        assert_eq!(resident_in_mapping(&bytes), Some(0));
        // Read again, from the page cache: the same bytes.
        assert_eq!(touch(&bytes), sum);
        assert_eq!(bytes.as_slice(), written);
        // Bytes in memory are kept.
        let in_memory = Bytes::new(written.clone());
        in_memory.release();
        assert_eq!(in_memory.as_slice(), written);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn bytes_read_from_a_mapped_file_leave_no_page_resident() {
        use std::io::Write;
        const MIB: usize = 1 << 20;
        let written: Vec<u8> = (0..4 * MIB).map(|n| (n % 251) as u8).collect();
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&written).unwrap();
        let bytes = Bytes::map(&file).unwrap();
        let part = bytes.slice(MIB..4 * MIB).unwrap();
        let mut room = Vec::new();
        for range in [0..3 * MIB, 5..70_000, 3 * MIB - 1..3 * MIB, 7..7] {
            let read = part.read(range.clone(), &mut room).unwrap().to_vec();
            assert_eq!(read, written[MIB + range.start..MIB + range.end]);
        }
        assert_eq!(resident_in_mapping(&bytes), Some(0));
        assert!(part.read(0..3 * MIB + 1, &mut room).is_none());
        // Bytes in memory are read where they lie.
        let in_memory = Bytes::new(written.clone());
        assert_eq!(in_memory.read(9..99, &mut room), Some(&written[9..99]));
    }

    #[test]
    fn slices_and_reads_are_checked() {
        let bytes = Bytes::new(b"hello world".to_vec());
        let world = bytes.slice(6..11).unwrap();
        assert_eq!(world.as_slice(), b"world");
        assert_eq!(world.str_at(1..3), Some("or"));
        assert!(world.slice(3..9).is_none());
        assert!(world.get(4..6).is_none());
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = world.slice(3..2);
        assert!(backwards.is_none());
        assert!(Bytes::new(vec![0xff]).str_at(0..1).is_none());
    }

    #[test]
    fn a_short_record_reads_as_zeros() {
        let mut record = Vec::new();
        record.put_u32(7);
        record.put_u8(2);
        let mut reader = Reader::new(&record);
        assert_eq!((reader.u32(), reader.u8(), reader.u64()), (7, 2, 0));
    }
}
