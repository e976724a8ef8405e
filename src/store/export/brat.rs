//! brat standoff: for each document a copy of its text (`NAME.txt`) and its annotations
//! (`NAME.ann`), one text-bound annotation per line: `T1<TAB>PER 0 6<TAB>Lavrov`.
//! Offsets count characters (code points) of the `.txt`, as brat does. A span across a line
//! break is written as fragments (`LOC 0 5;6 11`), since an `.ann` line cannot hold one.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{CharIndex, ExportDoc, ExportError, short_label};

/// The `.ann` text of one document.
pub fn ann(doc: &ExportDoc) -> String {
    let index = CharIndex::new(&doc.text);
    let mut out = String::new();
    for (i, span) in doc.spans.iter().enumerate() {
        let mut frags = Vec::new();
        let mut texts = Vec::new();
        let mut pos = span.start;
        for line in doc.text[span.start..span.end].split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            if !body.is_empty() {
                let (s, e) = (index.chars(pos), index.chars(pos + body.len()));
                frags.push(format!("{s} {e}"));
                texts.push(body);
            }
            pos += line.len();
        }
        let label = short_label(&span.kind);
        out.push_str(&format!(
            "T{}\t{label} {}\t{}\n",
            i + 1,
            frags.join(";"),
            texts.join(" ")
        ));
    }
    out
}

/// The longest stem a file is named with, in bytes: a file name holds at most 255 bytes on
/// common file systems, and the stem gets `.txt` or `.ann` and, on a clash, `_N`. A
/// document named with 252 bytes or more (`NAME.md`, a name without extension) stopped the
/// whole export with `File name too long`.
const MAX_STEM_BYTES: usize = 255 - ".txt".len() - "_9999999".len();

/// A file name stem per document, unique within the export: the document's file stem with
/// path separators and unusual characters replaced, cut to [`MAX_STEM_BYTES`] at a
/// character's end, `_2`, `_3` added on clashes.
pub fn file_stems(docs: &[ExportDoc]) -> Vec<String> {
    let mut seen = HashSet::new();
    docs.iter()
        .map(|doc| {
            let stem = Path::new(doc.path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| !s.is_empty() && s != "-")
                .unwrap_or_else(|| "stdin".into());
            let stem: String = stem
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || "-_.".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let stem = crate::text::floor_boundary(&stem, MAX_STEM_BYTES).to_string();
            let mut unique = stem.clone();
            let mut n = 1;
            while !seen.insert(unique.clone()) {
                n += 1;
                unique = format!("{stem}_{n}");
            }
            unique
        })
        .collect()
}

/// Writes `STEM.txt` and `STEM.ann` for every document into `dir` (created if needed) and
/// returns the `.ann` paths.
pub fn write_brat(dir: &Path, docs: &[ExportDoc]) -> Result<Vec<PathBuf>, ExportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut written = Vec::new();
    for (doc, stem) in docs.iter().zip(file_stems(docs)) {
        let txt = dir.join(format!("{stem}.txt"));
        std::fs::write(&txt, doc.text.as_bytes()).map_err(io(&txt))?;
        let ann_path = dir.join(format!("{stem}.ann"));
        std::fs::write(&ann_path, ann(doc)).map_err(io(&ann_path))?;
        written.push(ann_path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DocState;

    #[test]
    fn documents_with_the_longest_names_are_written_under_names_that_fit()
    -> Result<(), Box<dyn std::error::Error>> {
        let names = [
            "x".repeat(255),
            format!("{}.md", "y".repeat(252)),
            format!("{}.md", "ş".repeat(126)),
            format!("{}.txt", "y".repeat(251)),
        ];
        let triage = DocState::default();
        let docs: Vec<ExportDoc> = names
            .iter()
            .map(|name| ExportDoc {
                path: name,
                text: "Ankara".into(),
                url: None,
                triage: &triage,
                spans: Vec::new(),
            })
            .collect();
        let dir = tempfile::tempdir()?;
        let written = write_brat(dir.path(), &docs)?;
        assert_eq!(written.len(), names.len());
        let stems = file_stems(&docs);
        assert!(
            stems.iter().all(|s| s.len() + ".txt".len() <= 255),
            "{stems:?}"
        );
        assert_eq!(
            stems[3],
            format!("{}_2", stems[1]),
            "cut stems that meet stay apart"
        );
        assert_eq!(file_stems(&docs[..1])[0].len(), MAX_STEM_BYTES);
        Ok(())
    }
}
