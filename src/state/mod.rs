//! What pundit remembers between runs, on disk: where each archive was
//! left, which posts were read, which comments were seen, and the search
//! history; the cache of parsed archives; and where its config file is.
//!
//! This is the only code that writes files, and it writes only under
//! pundit's own state and cache directories, always by writing a temporary
//! file and renaming it over the old one (see [`store`] and [`cache`]). The files pundit reads
//! are never written. Nothing here knows of terminals: the reader turns
//! its state into a [`record::ArchiveRecord`] and back.

pub mod cache;
pub mod fingerprint;
pub mod paths;
pub mod record;
pub mod store;

pub use fingerprint::ArchiveId;
pub use record::{ArchiveRecord, Place, StateFile};
pub use store::{Loaded, Store};
