//! The first frame's titles of feeds, pages, dumps and mailboxes: each file is read whole
//! (they are not large next to a frame's budget) but only scanned for its articles' titles
//! and dates (see `formats::titles`); the full load makes the documents later.

use std::path::Path;

use super::super::formats::{Titles, titles};
use super::{HEAD, TitleEntry, shorten, title_entry};
use crate::corpus::load::{BINARY, skipped};
use crate::corpus::read::{Unread, max_input_bytes, read_regular};

/// The title entries of a file that is not `.txt`/`.md`, by its content: one per article of
/// a feed, dump or mailbox (`FILE#N`, numbered as the full load numbers them), one for a
/// page or a mail message, none for a web archive (its titles cost its full read). A file
/// that is plain text after all gives its head's title. Else the notice saying why it is
/// left out, or the error when it cannot be read.
pub(super) fn formatted_titles(path: &Path) -> std::io::Result<Result<Vec<TitleEntry>, String>> {
    let bytes = match read_regular(path, max_input_bytes()) {
        Ok(bytes) => bytes,
        Err(Unread::Skipped(why)) => return Ok(Err(skipped(path, &why))),
        Err(Unread::Io(e)) => return Err(e),
    };
    let name = crate::escape::path_name(path);
    let entries = match titles(&name, &bytes) {
        None => {
            let head = bytes.get(..HEAD).unwrap_or(&bytes);
            return Ok(title_entry(path, head)
                .map(|e| vec![e])
                .ok_or_else(|| skipped(path, BINARY)));
        }
        Some(Titles::Single(item)) => vec![entry(name, item.title, item.date)],
        Some(Titles::Items(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| entry(format!("{name}#{}", i + 1), item.title, item.date))
            .collect(),
        Some(Titles::Later) => Vec::new(),
    };
    Ok(Ok(entries))
}

/// The entry of an article whose text will start with its title (see
/// `formats::to_document`): its first line, at offset 0 on line 1.
fn entry(path: String, title: String, date: Option<String>) -> TitleEntry {
    let first = title.lines().map(str::trim).find(|l| !l.is_empty());
    TitleEntry {
        path,
        title: shorten(first.unwrap_or("")),
        title_offset: 0,
        title_line: 1,
        date,
    }
}
