//! Where pundit's own files live: the platform's config, state and cache
//! directories (`$XDG_CONFIG_HOME/pundit`, `$XDG_STATE_HOME/pundit` and
//! `$XDG_CACHE_HOME/pundit` on Linux), found by the `directories` crate.

use std::path::PathBuf;

use directories::ProjectDirs;

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "pundit")
}

/// The config file read when `--config` names none: `config.toml` in the
/// platform's config directory. `None` without a home directory.
pub fn default_config_file() -> Option<PathBuf> {
    Some(project()?.config_dir().join("config.toml"))
}

/// The directory for what pundit remembers: the platform's state directory
/// where it has one (Linux), else its local data directory. `None` without
/// a home directory.
pub fn state_dir() -> Option<PathBuf> {
    let dirs = project()?;
    Some(
        dirs.state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .to_path_buf(),
    )
}

/// The directory for the cache of parsed archives: the platform's cache
/// directory. `None` without a home directory.
pub fn cache_dir() -> Option<PathBuf> {
    Some(project()?.cache_dir().to_path_buf())
}
