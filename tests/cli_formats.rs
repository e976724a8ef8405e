//! News formats as a user opens them: feeds (RSS 2.0, RSS 1.0 RDF, Atom, JSON Feed), saved
//! pages, JSON lines and arrays, WARC, in Turkish and Arabic (fixtures in
//! tests/fixtures/formats), through `okur list`, `render --text`, `extract` and `find`.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const DIR: &str = "tests/fixtures/formats";

fn okur() -> Command {
    let mut cmd = Command::cargo_bin("okur").expect("binary built");
    cmd.env_remove("OKUR_FIELDS");
    cmd
}

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// `okur list` of the paths, one JSON object per document.
fn list(paths: &[&str]) -> Result<Vec<Value>, Box<dyn std::error::Error>> {
    let out = okur().arg("list").args(paths).output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout)?;
    Ok(text
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?)
}

fn row<'a>(rows: &'a [Value], doc: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["doc"] == doc)
        .unwrap_or_else(|| panic!("{doc} not listed"))
}

#[test]
fn list_gives_every_article_with_its_id_source_url_and_date()
-> Result<(), Box<dyn std::error::Error>> {
    let rows = list(&[DIR])?;
    let docs: Vec<&str> = rows.iter().filter_map(|r| r["doc"].as_str()).collect();
    assert_eq!(
        docs,
        [
            "ar_atom.xml#1",
            "ar_atom.xml#2",
            "ar_dump.jsonl#1",
            "ar_dump.jsonl#2",
            "ar_rdf.rdf#1",
            "ar_rdf.rdf#2",
            "ar_safha.html",
            "arsiv.warc#1",
            "tr_1254.xml#1",
            "tr_1254.xml#2",
            "tr_dump.json#1",
            "tr_dump.json#2",
            "tr_feed.json#1",
            "tr_feed.json#2",
            "tr_haber.xml#1",
            "tr_haber.xml#2",
            "tr_haber.xml#3",
        ]
        .map(fixture)
    );
    let first = row(&rows, &fixture("tr_haber.xml#1"));
    assert_eq!(
        first["title"],
        "Dışişleri Bakanı Ankara'da mevkidaşıyla görüştü"
    );
    assert_eq!(first["source"], "Anadolu Haber");
    assert_eq!(
        first["url"],
        "https://haber.example.com.tr/dunya/disisleri-gorusme-1"
    );
    assert_eq!(first["lang"], "tr");
    assert_eq!(first["date"], "2024-03-05");
    let raw = okur()
        .args(["list", &fixture("tr_haber.xml#1")])
        .output()?
        .stdout;
    let raw = String::from_utf8(raw)?;
    let at: Vec<usize> = ["doc", "title", "date", "lang", "source", "url", "bytes"]
        .iter()
        .filter_map(|k| raw.find(&format!("\"{k}\":")))
        .collect();
    assert!(at.len() == 7 && at.windows(2).all(|w| w[0] < w[1]), "{raw}");
    let rdf = row(&rows, &fixture("ar_rdf.rdf#1"));
    assert_eq!(rdf["source"], "أخبار المثال");
    assert_eq!(rdf["lang"], "ar");
    let dump = row(&rows, &fixture("ar_dump.jsonl#2"));
    assert_eq!(dump["url"], "https://dump.example.sa/2");
    assert_eq!(dump["source"], "dump.example.sa");
    Ok(())
}

#[test]
fn a_date_keeps_the_day_of_its_own_offset() -> Result<(), Box<dyn std::error::Error>> {
    // Published 01:50 in +03:00: in UTC it is still the 5th; the readers saw the 6th.
    let rows = list(&[&fixture("ar_atom.xml")])?;
    assert_eq!(row(&rows, &fixture("ar_atom.xml#1"))["date"], "2024-03-06");
    Ok(())
}

#[test]
fn bad_records_and_a_cut_warc_give_notices_and_the_rest_loads() {
    okur()
        .args(["list", &fixture("ar_dump.jsonl"), &fixture("arsiv.warc")])
        .assert()
        .success()
        .stdout(predicate::str::contains("ar_dump.jsonl#2"))
        .stdout(predicate::str::contains("arsiv.warc#2"))
        .stderr(predicate::str::contains("line 2: not an object"))
        .stderr(predicate::str::contains("line 4: not JSON"))
        .stderr(predicate::str::contains("record 5 is cut short"));
}

#[test]
fn the_same_story_from_two_sources_is_listed_once() -> Result<(), Box<dyn std::error::Error>> {
    // The WARC holds the two saved pages again: each story once, the first by path.
    let out = okur().args(["list", DIR]).output()?;
    let stderr = String::from_utf8(out.stderr)?;
    assert!(stderr.contains("2 repeated stories shown once"), "{stderr}");
    Ok(())
}

#[test]
fn render_text_prints_the_stored_text_of_one_item() {
    okur()
        .args(["render", "--text", &fixture("tr_haber.xml#2")])
        .assert()
        .success()
        .stdout(
            "İstanbul'da kar yağışı ulaşımı aksattı\n\n\
             İstanbul'da gece saatlerinde başlayan kar yağışı sabah trafiğini olumsuz etkiledi.\n\n\
             Valilik, vatandaşları toplu taşıma kullanmaya çağırdı & uyardı.\n",
        );
}

#[test]
fn a_declared_windows_1254_feed_is_decoded() {
    okur()
        .args(["render", "--text", &fixture("tr_1254.xml#1")])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Çiftçiler ürün fiyatlarından şikâyetçi\n",
        ))
        .stderr(predicate::str::contains(
            "decoded as windows-1254, as declared",
        ));
}

#[test]
fn an_item_past_the_end_is_a_one_line_error() {
    okur()
        .args(["render", &fixture("tr_haber.xml#9")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no item 9 in tests/fixtures/formats/tr_haber.xml (it holds 3)",
        ));
}

#[test]
fn extract_counts_offsets_in_the_items_text() -> Result<(), Box<dyn std::error::Error>> {
    let id = fixture("ar_rdf.rdf#1");
    let text = okur().args(["render", "--text", &id]).output()?.stdout;
    let text = String::from_utf8(text)?;
    let out = okur().args(["extract", &id]).output()?;
    assert!(out.status.success());
    let mentions: Vec<Value> = String::from_utf8(out.stdout)?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    assert!(
        mentions.iter().any(|m| m["entity"] == "Kahire"),
        "{mentions:?}"
    );
    for m in &mentions {
        assert_eq!(m["doc"], id.as_str());
        let (start, end) = (
            m["start"].as_u64().unwrap_or(0),
            m["end"].as_u64().unwrap_or(0),
        );
        let span = text.get(usize::try_from(start)?..usize::try_from(end)?);
        assert_eq!(span, m["text"].as_str(), "{m}");
    }
    Ok(())
}

#[test]
fn find_src_matches_the_source_name() -> Result<(), Box<dyn std::error::Error>> {
    let out = okur().args(["find", "%src:anadolu", DIR]).output()?;
    let lines = String::from_utf8(out.stdout)?;
    let docs: Vec<&str> = lines.lines().filter_map(|l| l.split('\t').nth(2)).collect();
    assert_eq!(docs.len(), 3, "{lines}");
    assert!(docs.iter().all(|d| d.contains("tr_haber.xml#")), "{lines}");
    let out = okur().args(["find", "%src:المثال", DIR]).output()?;
    let lines = String::from_utf8(out.stdout)?;
    assert!(
        lines
            .lines()
            .all(|l| l.contains("ar_rdf.rdf#") || l.contains("ar_safha.html")),
        "{lines}"
    );
    assert!(!lines.is_empty());
    Ok(())
}

#[test]
fn export_carries_the_url() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let store = dir.path().join("journal.jsonl");
    let out = okur()
        .args(["export", "--format", "jsonl", "--store"])
        .arg(&store)
        .arg(fixture("tr_feed.json#1"))
        .output()?;
    let line: Value = serde_json::from_str(String::from_utf8(out.stdout)?.trim())?;
    assert_eq!(line["url"], "https://gazete.example.com.tr/spor/derbi");
    Ok(())
}

#[test]
fn configured_field_names_read_other_dumps() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("dump.jsonl");
    std::fs::write(
        &path,
        "{\"baslik\": \"Yerel seçim sonuçları\", \"govde\": \"Sonuçlar açıklandı.\", \"adres\": \"https://x.example.com.tr/s\"}\n",
    )?;
    let out = okur()
        .env("OKUR_FIELDS", "title=baslik,text=govde,url=adres")
        .arg("list")
        .arg(&path)
        .output()?;
    let row: Value = serde_json::from_str(String::from_utf8(out.stdout)?.trim())?;
    assert_eq!(row["title"], "Yerel seçim sonuçları");
    assert_eq!(row["url"], "https://x.example.com.tr/s");
    Ok(())
}

#[test]
fn list_table_has_source_and_date_columns() {
    okur()
        .args(["list", "--format", "table", &fixture("tr_feed.json")])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "tests/fixtures/formats/tr_feed.json#1  2024-03-09  tr  Gazete Örnek  Derbide kazanan çıkmadı",
        ));
}

#[test]
fn find_over_titles_alone_still_reads_the_feeds() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("a.txt"), "Yerel haber\n\nMetin.")?;
    std::fs::copy(fixture("tr_haber.xml"), dir.path().join("haber.xml"))?;
    let out = okur()
        .args(["find", "--scope", "docs", "merkez bankası"])
        .arg(dir.path())
        .output()?;
    let lines = String::from_utf8(out.stdout)?;
    assert!(
        lines.contains("haber.xml#3\tMerkez Bankası faiz kararını açıkladı"),
        "{lines}"
    );
    Ok(())
}
