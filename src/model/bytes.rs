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
    owner: Arc<dyn AsRef<[u8]> + Send + Sync>,
    range: Range<usize>,
}

impl Bytes {
    /// The bytes of anything that holds some: a `Vec<u8>`, a mapped file.
    pub fn new(owner: impl AsRef<[u8]> + Send + Sync + 'static) -> Bytes {
        let len = owner.as_ref().len();
        Bytes {
            owner: Arc::new(owner),
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
        Ok(Bytes::new(map))
    }

    pub fn as_slice(&self) -> &[u8] {
        // The range was checked against the owner when it was made.
        &(*self.owner).as_ref()[self.range.clone()]
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

#[cfg(test)]
mod tests {
    use super::*;

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
