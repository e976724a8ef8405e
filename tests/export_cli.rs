//! `okur export` end to end: journal written through the store, exported by the binary
//! while the store is still held open (the TUI case), into stdout or a folder.

use std::path::Path;

use assert_cmd::Command;
use okur::corpus::load_seeds;
use okur::kind::Kind;
use okur::store::{Change, Label, Source, Span, Store};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn write_journal(path: &Path) -> Result<Store, Box<dyn std::error::Error>> {
    let corpus = load_seeds().corpus;
    let tr = &corpus.docs[0];
    let start = tr.text()?.find("Sergey Lavrov").ok_or("seed text")?;
    let mut store = Store::open(path)?;
    let span = Span {
        start,
        end: start + 13,
        kind: Label::Entity(Kind::Person),
        text: "Sergey Lavrov".into(),
        source: Source::User,
    };
    store.apply(Change::AddSpan {
        doc: tr.key.clone(),
        span,
    })?;
    store.apply(Change::Star {
        doc: tr.key.clone(),
        value: true,
    })?;
    Ok(store)
}

fn okur() -> Result<Command, Box<dyn std::error::Error>> {
    let mut cmd = Command::cargo_bin("okur")?;
    cmd.env_remove("OKUR_STORE");
    Ok(cmd)
}

#[test]
fn jsonl_to_stdout_while_the_store_is_locked() -> TestResult {
    let dir = tempfile::tempdir()?;
    let journal = dir.path().join("journal.jsonl");
    let _held = write_journal(&journal)?;
    let out = okur()?
        .args(["export", "--format", "jsonl", "--store"])
        .arg(&journal)
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout)?;
    assert!(
        text.contains(
            r#""kind":"person","start":172,"end":185,"text":"Sergey Lavrov","source":"user""#
        ),
        "{text}"
    );
    assert!(text.contains(r#""star":true"#));
    assert_eq!(text.lines().filter(|l| l.contains(r#""read":"#)).count(), 5);
    Ok(())
}

#[test]
fn store_from_environment_and_files_into_a_folder() -> TestResult {
    let dir = tempfile::tempdir()?;
    let journal = dir.path().join("journal.jsonl");
    drop(write_journal(&journal)?);
    let out_dir = dir.path().join("out");
    okur()?
        .env("OKUR_STORE", &journal)
        .args(["export", "--format", "conll", "--out"])
        .arg(&out_dir)
        .assert()
        .success();
    let conll = std::fs::read_to_string(out_dir.join("okur.conll"))?;
    assert!(conll.contains("\nSergey B-PER\nLavrov I-PER\n"), "{conll}");
    okur()?
        .args(["export", "--format", "brat", "--store"])
        .arg(&journal)
        .arg("--out")
        .arg(&out_dir)
        .assert()
        .success();
    assert!(out_dir.join("000_e846ee86f0b51d87.ann").exists());
    assert!(out_dir.join("004_ae8907a019e6b4f1.txt").exists());
    Ok(())
}

#[test]
fn brat_needs_a_folder_and_bad_spans_are_skipped() -> TestResult {
    let dir = tempfile::tempdir()?;
    let journal = dir.path().join("journal.jsonl");
    let out = okur()?
        .args(["export", "--format", "brat", "--store"])
        .arg(&journal)
        .output()?;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out DIR"));

    let key = load_seeds().corpus.docs[0].key.clone();
    let mut store = Store::open(&journal)?;
    let span = Span {
        start: 0,
        end: 3,
        kind: Label::Entity(Kind::Place),
        text: "xyz".into(),
        source: Source::User,
    };
    store.apply(Change::AddSpan { doc: key, span })?;
    // The bad span is left out and said; every document is still exported.
    let out = okur()?
        .args(["export", "--format", "doccano", "--store"])
        .arg(&journal)
        .output()?;
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("span skipped: 000_e846ee86f0b51d87.txt: span 0..3"),
        "{err}"
    );
    let lines = String::from_utf8(out.stdout)?.lines().count();
    assert_eq!(
        lines,
        load_seeds().corpus.docs.len(),
        "one line per document"
    );
    Ok(())
}

#[test]
fn damaged_span_line_in_the_journal_is_skipped_with_a_clear_warning() -> TestResult {
    let dir = tempfile::tempdir()?;
    let journal = dir.path().join("journal.jsonl");
    let key = load_seeds().corpus.docs[0].key.clone();
    let line = format!(
        r#"{{"op":"add_span","doc":"{}","start":172,"end":999999,"kind":"person","text":"Sergey Lavrov","source":"user"}}"#,
        key.text
    );
    std::fs::write(&journal, line + "\n")?;
    for format in ["jsonl", "conll", "doccano"] {
        let out = okur()?
            .args(["export", "--format", format, "--store"])
            .arg(&journal)
            .output()?;
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{format}: {err}");
        assert!(
            err.contains("000_e846ee86f0b51d87.txt: span 172..999999: past the end"),
            "{format}: {err}"
        );
        assert!(!out.stdout.is_empty(), "{format}: the rest is exported");
        assert!(!err.contains("panicked"), "{err}");
    }
    Ok(())
}

#[test]
fn help_documents_every_option() -> TestResult {
    let out = okur()?.args(["export", "--help"]).output()?;
    let help = String::from_utf8(out.stdout)?;
    for word in [
        "--format",
        "--out",
        "--store",
        "OKUR_STORE",
        "brat",
        "conll",
        "doccano",
        "jsonl",
    ] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }
    Ok(())
}

/// Spans, a name accepted everywhere and triage over three seeds.
fn grouped_changes() -> Result<Vec<Change>, Box<dyn std::error::Error>> {
    let corpus = load_seeds().corpus;
    let (tr, other) = (&corpus.docs[0], &corpus.docs[2]);
    let start = tr.text()?.find("Sergey Lavrov").ok_or("seed text")?;
    let span = Span {
        start,
        end: start + 13,
        kind: Label::Entity(okur::kind::Kind::Person),
        text: "Sergey Lavrov".into(),
        source: Source::User,
    };
    let doc = |i: usize| corpus.docs[i].key.clone();
    Ok(vec![
        Change::AddSpan {
            doc: tr.key.clone(),
            span,
        },
        Change::Accept {
            kind: Label::Entity(okur::kind::Kind::Place),
            text: "Moskova".into(),
            value: true,
        },
        Change::Star {
            doc: doc(0),
            value: true,
        },
        Change::Star {
            doc: other.key.clone(),
            value: true,
        },
        Change::Tag {
            doc: doc(4),
            tag: "rusya".into(),
            value: true,
        },
        Change::Archive {
            doc: doc(4),
            value: true,
        },
        Change::Note {
            doc: doc(0),
            value: "bak".into(),
        },
    ])
}

fn export(journal: &Path, format: &str) -> Result<String, Box<dyn std::error::Error>> {
    let out = okur()?
        .args(["export", "--format", format, "--store"])
        .arg(journal)
        .output()?;
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.is_empty(), "{format}: {err}");
    Ok(String::from_utf8(out.stdout)?)
}

#[test]
fn a_batch_exports_exactly_as_its_parts_written_one_by_one() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (single, grouped) = (dir.path().join("one.jsonl"), dir.path().join("batch.jsonl"));
    let mut store = Store::open(&single)?;
    for change in grouped_changes()? {
        store.apply(change)?;
    }
    drop(store);
    let mut store = Store::open(&grouped)?;
    store.apply_all(grouped_changes()?)?;
    drop(store);
    assert_eq!(std::fs::read_to_string(&grouped)?.lines().count(), 1);
    for format in ["jsonl", "conll", "doccano"] {
        let (one, batch) = (export(&single, format)?, export(&grouped, format)?);
        assert_eq!(one, batch, "{format}");
        assert!(one.contains("Lavrov"), "{format}: {one}");
    }
    assert!(export(&grouped, "jsonl")?.contains(r#""archived":true"#));
    Ok(())
}

/// The okur JSONL export's document lines, as (file name, starred).
fn starred_files(
    journal: &Path,
    dir: &Path,
) -> Result<Vec<(String, bool)>, Box<dyn std::error::Error>> {
    let out = okur()?
        .args(["export", "--format", "jsonl", "--store"])
        .arg(journal)
        .arg(dir)
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files = Vec::new();
    for line in String::from_utf8(out.stdout)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        if let (Some(doc), Some(star)) = (v["doc"].as_str(), v["star"].as_bool()) {
            let name = Path::new(doc).file_name().ok_or("a file name")?;
            files.push((name.to_string_lossy().into_owned(), star));
        }
    }
    files.sort();
    Ok(files)
}

#[test]
fn identical_files_keep_their_own_triage_and_a_moved_one_keeps_its_own() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (docs, journal) = (dir.path().join("docs"), dir.path().join("journal.jsonl"));
    std::fs::create_dir(&docs)?;
    let text = "Aynı metin\n\nİki dosyada.\n";
    for name in ["a.txt", "b.txt"] {
        std::fs::write(docs.join(name), text)?;
    }
    let a = docs.join("a.txt");
    let key = |path: &Path| okur::corpus::DocKey::of_copy(text, &path.to_string_lossy());
    let mut store = Store::open(&journal)?;
    store.apply(Change::Star {
        doc: key(&a),
        value: true,
    })?;
    // b.txt has state of its own too, so a renamed a.txt is the one candidate.
    store.apply(Change::Read {
        doc: key(&docs.join("b.txt")),
        value: true,
    })?;
    drop(store);
    let want = |first: &str| vec![(first.to_string(), true), ("b.txt".to_string(), false)];
    let mut got = starred_files(&journal, &docs)?;
    got.sort_by_key(|(name, star)| (!star, name.clone()));
    assert_eq!(got, want("a.txt"));
    // Renamed: the one copy without state of its own takes the one recorded copy no
    // longer there.
    std::fs::rename(&a, docs.join("c.txt"))?;
    let mut got = starred_files(&journal, &docs)?;
    got.sort_by_key(|(name, star)| (!star, name.clone()));
    assert_eq!(got, want("c.txt"));
    Ok(())
}
