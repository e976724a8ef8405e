//! Remembering a display choice for one terminal in the config file's `[terminals]` table,
//! keeping everything else in the file (comments included) as the user wrote it.

use std::path::{Path, PathBuf};

use super::DisplayMode;
use crate::config::Config;

/// Why a choice could not be remembered. The reader still uses it for this session.
#[derive(Debug, thiserror::Error)]
pub enum RememberError {
    /// Reading or writing the file failed.
    #[error("cannot write config {path}: {source}")]
    Io {
        /// The config file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not TOML that can be edited (it was valid when okur started, so it was
    /// changed meanwhile), or the edit would make it invalid.
    #[error("config {path}: {message}; the choice was not remembered")]
    Edit {
        /// The config file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// Writes `[terminals] KEY = { bidi = ..., shape = ... }` into the config file at `path`,
/// creating the file (from the commented defaults) and its folder if needed. The new text is
/// checked with the same strict parser okur starts with, then written to a temporary file,
/// synced and renamed over the old one, so a crash leaves the old file or the new one.
pub fn remember(path: &Path, key: &str, mode: &DisplayMode) -> Result<(), RememberError> {
    let io = |source| RememberError::Io {
        path: path.to_path_buf(),
        source,
    };
    let edit = |message: String| RememberError::Edit {
        path: path.to_path_buf(),
        message,
    };
    let old = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => NEW_FILE.to_string(),
        Err(e) => return Err(io(e)),
    };
    let new = with_choice(&old, key, mode).map_err(edit)?;
    Config::parse(&new, path).map_err(|e| edit(e.to_string()))?;
    crate::store::write_whole(path, new.as_bytes()).map_err(io)
}

/// What a config file okur creates to remember a display choice starts with: only what
/// okur wrote and where the rest is explained, so that a user who never asked for a
/// config file is not handed a full one to read (the defaults stay okur's own).
const NEW_FILE: &str = "\
# okur configuration. okur wrote the [terminals] entry below when you chose a display
# (the T key or the first-run check); delete it to be asked again. Every other setting,
# with its default and a comment: `okur doctor --default-config`.

[terminals]
";

/// The config text with the choice for `key` set.
fn with_choice(text: &str, key: &str, mode: &DisplayMode) -> Result<String, String> {
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e| format!("{e}"))?;
    let terminals = doc
        .entry("terminals")
        .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()));
    let Some(table) = terminals.as_table_like_mut() else {
        return Err("`terminals` is not a table".to_string());
    };
    let mut choice = toml_edit::InlineTable::new();
    choice.insert("bidi", mode.bidi.name().into());
    choice.insert("shape", mode.shape.into());
    table.insert(key, toml_edit::value(choice));
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::BidiMode;

    fn mode(bidi: BidiMode, shape: bool) -> DisplayMode {
        DisplayMode {
            bidi,
            shape,
            italics: true,
            harakat: true,
        }
    }

    #[test]
    fn a_new_file_holds_only_the_choice_and_says_where_the_rest_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("okur/config.toml");
        remember(
            &path,
            "term:xterm-256color",
            &mode(BidiMode::Terminal, true),
        )
        .expect("saved");
        let text = std::fs::read_to_string(&path).expect("written");
        assert!(text.starts_with("# okur configuration"), "{text}");
        assert!(!text.contains("[keys]"), "not the whole template: {text}");
        let config = Config::parse(&text, &path).expect("valid");
        let choice = config.terminals["term:xterm-256color"];
        assert_eq!((choice.bidi, choice.shape), (BidiMode::Terminal, true));
    }

    #[test]
    fn the_users_own_lines_and_comments_stay() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        let own = "# mine\nbidi = \"app\"  # keep\n[labels]\n1 = \"ORG\"\n";
        std::fs::write(&path, own).expect("write");
        remember(&path, "konsole", &mode(BidiMode::Terminal, false)).expect("saved");
        remember(&path, "konsole", &mode(BidiMode::App, true)).expect("saved again");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.starts_with(own), "{text}");
        let config = Config::parse(&text, &path).expect("valid");
        assert_eq!(config.terminals.len(), 1);
        assert_eq!(config.terminals["konsole"].bidi, BidiMode::App);
        assert_eq!(config.custom_labels()[0], "ORG");
    }

    #[test]
    fn a_file_that_became_invalid_is_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "terminals = 3\n").expect("write");
        let err = remember(&path, "vte", &mode(BidiMode::App, false)).expect_err("refused");
        assert!(err.to_string().contains("not remembered"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "terminals = 3\n"
        );
    }
}
