//! Where the journal lives: `--store FILE`, else `$OKUR_STORE`, else
//! `$XDG_DATA_HOME/okur/journal.jsonl`, else `$HOME/.local/share/okur/journal.jsonl`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::StoreError;

/// The journal path from the environment (`OKUR_STORE`, `XDG_DATA_HOME`, `HOME`).
pub fn default_store_path() -> Option<PathBuf> {
    store_path_from(|name| std::env::var_os(name))
}

/// The journal path from an environment lookup. Empty values count as unset, and a relative
/// `XDG_DATA_HOME` is ignored, as the XDG specification says.
pub fn store_path_from(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let var = |name: &str| env(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(path) = var("OKUR_STORE") {
        return Some(path);
    }
    if let Some(data) = var("XDG_DATA_HOME").filter(|p| p.is_absolute()) {
        return Some(data.join("okur").join("journal.jsonl"));
    }
    var("HOME").map(|home| home.join(".local/share/okur/journal.jsonl"))
}

/// The journal path to use: the `--store` flag when given, else [`default_store_path`].
pub fn resolve_store_path(flag: Option<&Path>) -> Result<PathBuf, StoreError> {
    match flag {
        Some(path) => Ok(path.to_path_buf()),
        None => default_store_path().ok_or(StoreError::NoPath),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|p| p.0 == name)
                .map(|p| OsString::from(p.1))
        }
    }

    #[test]
    fn precedence_of_store_paths() {
        let all = [
            ("OKUR_STORE", "/s/j"),
            ("XDG_DATA_HOME", "/x"),
            ("HOME", "/h"),
        ];
        assert_eq!(store_path_from(env(&all)), Some(PathBuf::from("/s/j")));
        let xdg = [("OKUR_STORE", ""), ("XDG_DATA_HOME", "/x"), ("HOME", "/h")];
        assert_eq!(
            store_path_from(env(&xdg)),
            Some(PathBuf::from("/x/okur/journal.jsonl"))
        );
        let home = [("XDG_DATA_HOME", "rel"), ("HOME", "/h")];
        let want = PathBuf::from("/h/.local/share/okur/journal.jsonl");
        assert_eq!(store_path_from(env(&home)), Some(want));
        assert_eq!(store_path_from(env(&[])), None);
    }

    #[test]
    fn flag_wins() -> Result<(), StoreError> {
        assert_eq!(
            resolve_store_path(Some(Path::new("f.jsonl")))?,
            PathBuf::from("f.jsonl")
        );
        Ok(())
    }
}
