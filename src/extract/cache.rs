//! A cache of each document's own mentions (the per-document pass, by far the costliest
//! part of extraction), on disk under `$XDG_CACHE_HOME/okur/` (else `~/.cache/okur/`), so a
//! second `okur extract` or `okur find --scope people` over the same documents does not
//! redo them. The corpus-wide passes (people known from other documents, linking) are
//! cheap and always run, so the result is the same as without the cache.
//!
//! Entries are keyed by the document's text hash ([`DocKey`]) inside a folder named after a
//! fingerprint of the extractor (a format version, okur's version, the embedded lexicons and
//! model): a new extractor reads none of the old entries. A damaged or foreign entry is
//! ignored and written again; a cache that cannot be written is no cache, never an error.
//! The folders are created 0700 and the entries 0600: mentions quote the documents.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Kind, RawMention};
use crate::corpus::{DocKey, Document};

/// Bump when the rules change what they find for the same text and lexicons.
const RULES_VERSION: u32 = 4;

/// One cached mention: `[start, end, kind, value, canonical]`.
#[derive(Serialize, Deserialize)]
struct Entry(usize, usize, Kind, Option<String>, Option<String>);

/// The on-disk mention cache of one extractor.
#[derive(Debug, Clone)]
pub struct MentionCache {
    dir: PathBuf,
}

impl MentionCache {
    /// The cache for an extractor identified by `fingerprint` under the user's cache folder
    /// (`$XDG_CACHE_HOME/okur`, else `$HOME/.cache/okur`); `None` when there is none or it
    /// cannot be created.
    pub fn open_default(fingerprint: u64) -> Option<MentionCache> {
        let var = |k: &str| std::env::var_os(k).map(PathBuf::from);
        let root = var("XDG_CACHE_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| {
                var("HOME")
                    .filter(|p| p.is_absolute())
                    .map(|h| h.join(".cache"))
            })?;
        let root = root.join("okur");
        let cache = MentionCache::open_in(&root, fingerprint)?;
        prune_others(&root, &cache.dir);
        Some(cache)
    }

    /// The cache under `root` (created 0700 when missing).
    pub fn open_in(root: &Path, fingerprint: u64) -> Option<MentionCache> {
        let dir = root.join(format!("mentions-{fingerprint:016x}"));
        create_private_dir(&dir).ok()?;
        Some(MentionCache { dir })
    }

    /// The mentions stored for `doc`, when there is a sound entry: one that parses and
    /// whose spans fit the document's text (`text`, read once by the caller).
    pub fn get(&self, doc: &Document, text: &str) -> Option<Vec<RawMention>> {
        let bytes = std::fs::read(self.entry_path(&doc.key)).ok()?;
        let entries: Vec<Entry> = serde_json::from_slice(&bytes).ok()?;
        let fits =
            |e: &Entry| e.0 <= e.1 && text.is_char_boundary(e.0) && text.is_char_boundary(e.1);
        if !entries.iter().all(fits) {
            return None;
        }
        Some(
            entries
                .into_iter()
                .map(|Entry(start, end, kind, value, canonical)| RawMention {
                    start,
                    end,
                    kind,
                    value,
                    canonical,
                })
                .collect(),
        )
    }

    /// Stores the mentions of `doc`; written whole or not at all (a temporary file renamed
    /// into place), so a reader never sees half an entry. Failures are ignored.
    pub fn put(&self, doc: &Document, mentions: &[RawMention]) {
        let entries: Vec<Entry> = mentions
            .iter()
            .map(|m| Entry(m.start, m.end, m.kind, m.value.clone(), m.canonical.clone()))
            .collect();
        let _ = self.write_entry(&doc.key, &entries);
    }

    fn write_entry(&self, key: &DocKey, entries: &[Entry]) -> std::io::Result<()> {
        let path = self.entry_path(key);
        let Some(folder) = path.parent() else {
            return Ok(());
        };
        create_private_dir(folder)?;
        // tempfile creates its files 0600.
        let mut tmp = tempfile::NamedTempFile::new_in(folder)?;
        // Serialised first: written straight to the file, every token was a system call.
        tmp.write_all(&serde_json::to_vec(entries)?)?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    }

    /// `DIR/ab/abcdef…`: 256 subfolders keep each folder small.
    fn entry_path(&self, key: &DocKey) -> PathBuf {
        let shard = key.text.get(..2).unwrap_or("00");
        self.dir.join(shard).join(&key.text)
    }
}

/// A fingerprint of everything that decides what extraction finds besides the text: the
/// rules' version, okur's version, the embedded data (`parts`: lexicons, model), and the
/// running program's size and time (any rebuild, which may change the rules, starts a
/// new cache even when nobody bumped [`RULES_VERSION`]).
pub fn fingerprint(parts: &[&[u8]]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&RULES_VERSION.to_le_bytes());
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    if let Ok(meta) = std::env::current_exe().and_then(std::fs::metadata) {
        hasher.update(&meta.len().to_le_bytes());
        let modified = meta.modified().ok();
        let since = modified.and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        hasher.update(&since.unwrap_or_default().as_nanos().to_le_bytes());
    }
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.digest()
}

/// Removes the entries of other extractors (an older okur): nothing will read them again.
/// Best effort: a folder another okur is still writing may come back.
fn prune_others(root: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let ours = path
            .file_name()
            .is_some_and(|n| n.as_encoded_bytes().starts_with(b"mentions-"));
        if ours && path != keep && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Creates `dir` and its missing parents, private to the user (0700 on Unix).
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize) -> RawMention {
        RawMention {
            start,
            end,
            kind: Kind::Person,
            value: None,
            canonical: Some("Sergey Lavrov".into()),
        }
    }

    #[test]
    fn an_entry_comes_back_and_a_damaged_one_is_ignored() -> Result<(), Box<dyn std::error::Error>>
    {
        let root = tempfile::tempdir()?;
        let cache = MentionCache::open_in(root.path(), 7).ok_or("no cache")?;
        let doc = Document::from_text("a.txt", "Lavrov konuştu.".to_string());
        assert_eq!(cache.get(&doc, &doc.text().expect("plain")), None);
        cache.put(&doc, &[mention(0, 6)]);
        assert_eq!(
            cache.get(&doc, &doc.text().expect("plain")),
            Some(vec![mention(0, 6)])
        );
        std::fs::write(cache.entry_path(&doc.key), b"[[0,6,\"per")?;
        assert_eq!(cache.get(&doc, &doc.text().expect("plain")), None);
        // Spans that do not fit the text (a foreign or edited entry) are not trusted.
        cache.put(&doc, &[mention(0, 999)]);
        assert_eq!(cache.get(&doc, &doc.text().expect("plain")), None);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn folders_are_0700_and_entries_0600() -> Result<(), Box<dyn std::error::Error>> {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir()?;
        let cache = MentionCache::open_in(&root.path().join("okur"), 7).ok_or("no cache")?;
        let doc = Document::from_text("a.txt", "Lavrov".to_string());
        cache.put(&doc, &[mention(0, 6)]);
        let entry = cache.entry_path(&doc.key);
        let mode = |p: &Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode(&entry)?, 0o600);
        for dir in entry.ancestors().skip(1).take(3) {
            assert_eq!(mode(dir)?, 0o700, "{}", dir.display());
        }
        Ok(())
    }

    #[test]
    fn another_extractor_reads_none_of_the_entries() -> Result<(), Box<dyn std::error::Error>> {
        let root = tempfile::tempdir()?;
        let doc = Document::from_text("a.txt", "Lavrov".to_string());
        let old = MentionCache::open_in(root.path(), fingerprint(&[b"old lexicon"]));
        old.ok_or("no cache")?.put(&doc, &[mention(0, 6)]);
        let new = MentionCache::open_in(root.path(), fingerprint(&[b"new lexicon"]));
        assert_eq!(
            new.ok_or("no cache")?
                .get(&doc, &doc.text().expect("plain")),
            None
        );
        Ok(())
    }
}
