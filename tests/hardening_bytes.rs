//! File names that are not UTF-8: every output that prints a name prints it so that it can
//! be turned back into the file's bytes and the file opened again. A line of text writes
//! a byte that is not UTF-8 as `\xHH` (a backslash as `\\`, a tab `\t`, and so on); JSON
//! carries it as the character U+10FF00 + byte. The rule is the README's (Outputs).

#![cfg(unix)]

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Latin-1 `é`, not UTF-8, and a backslash that must not be read as an escape.
const NAME: &[u8] = b"caf\xe9\\x41.txt";
/// A binary file, skipped with a notice that names it.
const BINARY: &[u8] = b"bin\xff.txt";

const TEXT: &str = "Başlık\n\nAnkara'da Ahmet Yılmaz 3 Kasım 2020 konuştu.\n";

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(OsStr::from_bytes(NAME)), TEXT).expect("article");
    let binary = dir.path().join(OsStr::from_bytes(BINARY));
    std::fs::write(binary, [0u8, 1, 2, 3].repeat(64)).expect("binary");
    dir
}

fn okur(args: &[&str], dir: &Path) -> Output {
    let out = common::okur_in(args, dir);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The bytes a name printed on a line of text stands for (the README's rule).
fn unescape_line(printed: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut chars = printed.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            bytes.extend_from_slice(c.encode_utf8(&mut [0u8; 4]).as_bytes());
            continue;
        }
        match chars.next() {
            Some('\\') => bytes.push(b'\\'),
            Some('t') => bytes.push(b'\t'),
            Some('n') => bytes.push(b'\n'),
            Some('r') => bytes.push(b'\r'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                bytes.push(u8::from_str_radix(&hex, 16).expect("two hex digits"));
            }
            Some('u') => {
                let code: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                let c = u32::from_str_radix(&code, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .expect("a code point");
                bytes.extend_from_slice(c.encode_utf8(&mut [0u8; 4]).as_bytes());
            }
            other => panic!("unknown escape \\{other:?} in {printed:?}"),
        }
    }
    bytes
}

/// The bytes a name in JSON stands for: U+10FF80–U+10FFFF are the bytes 0x80–0xFF.
fn unescape_json(name: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    for c in name.chars() {
        match u32::from(c).checked_sub(0x10_ff00) {
            Some(b) if b >= 0x80 => bytes.push(u8::try_from(b).expect("a byte")),
            _ => bytes.extend_from_slice(c.encode_utf8(&mut [0u8; 4]).as_bytes()),
        }
    }
    bytes
}

/// Opens the file a printed name stands for; it must be the article.
fn opens_the_article(dir: &Path, what: &str, name: &[u8]) {
    let path: PathBuf = dir.join(OsStr::from_bytes(name));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{what}: {:?} does not open: {e}", path));
    assert_eq!(text, TEXT, "{what}");
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
}

fn json_docs(out: &Output) -> Vec<String> {
    stdout(out)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["doc"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn text_outputs_print_a_name_that_opens_the_file_again() {
    let dir = folder();
    let d = dir.path();
    let find = okur(&["find", "--scope", "text", "ankara", "."], d);
    let line = stdout(&find);
    let doc = line.lines().next().and_then(|l| l.split('\t').nth(2));
    opens_the_article(d, "find", &unescape_line(doc.expect("a match")));
    let list = okur(&["list", "--format", "table", "."], d);
    let row = stdout(&list);
    let doc = row.split_whitespace().next().expect("a row");
    opens_the_article(d, "list --format table", &unescape_line(doc));
    let extract = okur(&["extract", "--format", "table", "."], d);
    let table = stdout(&extract);
    let doc = table
        .lines()
        .nth(1)
        .and_then(|l| l.split_whitespace().next());
    opens_the_article(
        d,
        "extract --format table",
        &unescape_line(doc.expect("a row")),
    );
    let store = d.join("journal.jsonl");
    let store = store.to_str().expect("utf-8 temp path");
    let conll = okur(&["export", "--format", "conll", "--store", store, "."], d);
    let conll = stdout(&conll);
    let doc = conll.lines().find_map(|l| l.strip_prefix("# doc: "));
    opens_the_article(d, "conll", &unescape_line(doc.expect("a # doc: line")));
}

#[test]
fn json_outputs_carry_a_name_that_opens_the_file_again() {
    let dir = folder();
    let d = dir.path();
    let store = d.join("journal.jsonl");
    let store = store.to_str().expect("utf-8 temp path");
    for args in [
        &["list", "--format", "jsonl", "."][..],
        &["extract", "--format", "jsonl", "."],
        &[
            "find", "--scope", "text", "--format", "jsonl", "ankara", ".",
        ],
        &["export", "--format", "jsonl", "--store", store, "."],
    ] {
        let docs = json_docs(&okur(args, d));
        assert!(!docs.is_empty(), "{args:?}");
        for doc in docs {
            opens_the_article(d, &format!("{args:?}"), &unescape_json(&doc));
        }
    }
}

#[test]
fn a_notice_names_the_skipped_file_so_that_it_can_be_found() {
    let dir = folder();
    let out = okur(&["list", "--format", "table", "."], dir.path());
    let err = String::from_utf8(out.stderr).expect("notices are UTF-8");
    let named = err.lines().find_map(|l| {
        l.strip_prefix("okur: ")?
            .strip_suffix(": skipped, looks like a binary file")
    });
    let name = unescape_line(named.unwrap_or_else(|| panic!("no notice: {err}")));
    assert!(dir.path().join(OsStr::from_bytes(&name)).is_file(), "{err}");
}
