//! `okur render` of a letter under thousands of combining marks ("Zalgo" text, issue 13):
//! the row holds the letter and 30 of its marks, and its offsets and the stored text are
//! the file's, every mark kept.

use assert_cmd::Command;
use serde_json::Value;

fn okur() -> Command {
    let mut cmd = Command::cargo_bin("okur").expect("binary built");
    cmd.env_remove("OKUR_FIELDS");
    cmd
}

/// A paragraph with `z` under 10,000 acute accents and an Arabic letter under 10,000
/// harakat among words, written to a file in `dir`.
fn zalgo_file(dir: &tempfile::TempDir) -> (std::path::PathBuf, String) {
    let text = format!(
        "Başlık\n\nbir z{} iki ب{} üç\n",
        "\u{301}".repeat(10_000),
        "\u{651}\u{64E}".repeat(5_000)
    );
    let path = dir.path().join("zalgo.txt");
    std::fs::write(&path, &text).expect("written");
    (path, text)
}

#[test]
fn a_line_with_ten_thousand_marks_renders_small() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (path, text) = zalgo_file(&dir);
    let out = okur().arg("render").arg(&path).output()?;
    assert!(out.status.success());
    let rendered = String::from_utf8(out.stdout)?;
    // Two clusters of 30 marks at most (about 60 bytes each) and a few words.
    assert!(rendered.len() < 300, "{} bytes", rendered.len());
    let row = rendered.lines().nth(2).expect("the paragraph's row");
    assert!(
        row.starts_with(&format!("bir z{} iki ب", "\u{301}".repeat(30))),
        "{row}"
    );
    assert!(row.ends_with(" üç"));

    // As text, the document is whole.
    let stored = okur().args(["render", "--text"]).arg(&path).output()?;
    assert_eq!(String::from_utf8(stored.stdout)?, text);
    Ok(())
}

#[test]
fn rows_of_a_cut_cluster_keep_the_offsets_of_the_file() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (path, text) = zalgo_file(&dir);
    let out = okur()
        .args(["render", "--format", "jsonl", "--width", "12"])
        .arg(&path)
        .output()?;
    assert!(out.status.success());
    let rows: Vec<Value> = String::from_utf8(out.stdout)?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let body: Vec<&Value> = rows.iter().filter(|r| r["para"] == 1).collect();
    let start = |r: &Value| r["start"].as_u64().and_then(|n| usize::try_from(n).ok());
    let end = |r: &Value| r["end"].as_u64().and_then(|n| usize::try_from(n).ok());
    // Every row's range is the file's, and its logical text the file's bytes there.
    for r in &body {
        let (s, e) = (start(r).expect("start"), end(r).expect("end"));
        assert_eq!(r["logical"].as_str(), text.get(s..e));
        let visual = r["visual"].as_str().expect("visual");
        assert!(visual.chars().count() <= 12 + 2 * 30, "{visual}");
    }
    let words: Vec<&str> = body.iter().filter_map(|r| r["logical"].as_str()).collect();
    let para = text.get(text.find("bir").unwrap_or(0)..).unwrap_or("");
    assert_eq!(
        words.concat().replace(' ', ""),
        para.trim_end().replace(' ', "")
    );
    let last = body.last().expect("rows");
    assert_eq!(end(last), Some(text.trim_end().len()));
    Ok(())
}
