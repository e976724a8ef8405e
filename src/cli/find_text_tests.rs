use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use super::*;
use crate::corpus::load_paths;
use crate::search::Index;

/// (score, path, text, start, line) of every match, best first.
type Rows = Vec<(i32, String, String, usize, usize)>;

/// What the full path finds: the corpus loaded whole, every line indexed.
fn indexed(paths: &[PathBuf], query: &Query) -> Rows {
    let docs = load_paths(paths).map(|r| r.corpus.docs).unwrap_or_default();
    let index = Index::of_documents(docs.clone(), &[]);
    let Some(mut results) = index.search(query, None, &AtomicBool::new(false)) else {
        return Vec::new();
    };
    index.rank_all(&mut results);
    let rows = results.hits.iter().filter_map(|hit| {
        let view = index.item(hit.item)?;
        let r = Record::of_item(&view, hit.score, &docs);
        Some((
            r.score,
            r.doc?.to_string(),
            r.text.to_string(),
            r.start?,
            r.line?,
        ))
    });
    rows.collect()
}

/// What the streamed path finds, read back from the JSON lines it writes.
fn streamed(paths: &[PathBuf], query: &Query) -> Rows {
    let listed = list_files(paths).unwrap_or_default();
    let Some(mut scanned) = scan_in_parallel(&listed, query, FindFormat::Jsonl) else {
        return Vec::new();
    };
    rank(&mut scanned.hits);
    let row = |h: &LineHit| -> Option<(i32, String, String, usize, usize)> {
        let v: serde_json::Value = serde_json::from_str(scanned.line(h)).ok()?;
        let number = |key: &str| v.get(key)?.as_u64().and_then(|n| usize::try_from(n).ok());
        Some((
            i32::try_from(v.get("score")?.as_i64()?).ok()?,
            v.get("doc")?.as_str()?.to_string(),
            v.get("text")?.as_str()?.to_string(),
            number("start")?,
            number("line")?,
        ))
    };
    scanned.hits.iter().filter_map(row).collect()
}

#[test]
fn streamed_lines_match_and_rank_as_the_index_does() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let sub = dir.path().join("b");
    std::fs::create_dir(&sub)?;
    let files = [
        (
            dir.path().join("a.txt"),
            "Lavrov Ankara'da\n\n  Sergey Lavrov Ankara'ya geldi.\r\nRusya Dışişleri Bakanı Lavrov konuştu.\n",
        ),
        (
            sub.join("c.txt"),
            "لافروف في أنقرة\n\nقال سيرغي لافروف إن روسيا ستراقب.\n\tبوتين وأردوغان\n",
        ),
        (
            sub.join("d.md"),
            "Putin ile Erdoğan\n\nPutinle görüşen Erdoğan, bütünleşme dedi.\nAnkara Ankara ankara\n",
        ),
        (
            dir.path().join("e.txt"),
            "Kısa\n\n2020-11-03 tarihli haber: Lavrov ve Putin.\n",
        ),
        // Presentation forms, as some PDFs give Arabic text.
        (
            dir.path().join("p.txt"),
            "ﺗﺼﺮﻳﺢ\n\nﻗﺎﻝ ﻻﻓﺮﻭﻑ ﺇﻥ ﻣﻮﺳﻜﻮ ﺳﺘﺮﺍﻗﺐ\n",
        ),
    ];
    for (path, text) in &files {
        std::fs::write(path, text)?;
    }
    // What the full load has notices for: binary, empty, a legacy encoding (Windows-1254).
    std::fs::write(sub.join("f.txt"), b"PK\x03\x04\x00\x00binary")?;
    std::fs::write(sub.join("g.txt"), " \n\n\t\n")?;
    std::fs::write(
        sub.join("h.txt"),
        b"Lavrov \xfeimdi \xe7ok \xf0\xfcz\xe9l konu\xfetu.\n",
    )?;
    // What the plain read passes to the full load: a BOM, a control character near the
    // top (not enough to look binary), bytes past the binary sniff that are not UTF-8, a
    // file of no word.
    std::fs::write(sub.join("i.txt"), "\u{FEFF}Lavrov ve Putin\n")?;
    std::fs::write(
        sub.join("j.txt"),
        "Lavrov \x1b[31mAnkara'da\x0c ve\tPutin\n",
    )?;
    let mut late = "Lavrov Ankara'da şimdi konuştu.\n".repeat(400).into_bytes();
    late.extend(b"Putin \xfe\xe7 Lavrov\n");
    std::fs::write(sub.join("k.md"), late)?;
    std::fs::write(sub.join("l.txt"), "--- ... ***\n")?;
    let paths = vec![dir.path().to_path_buf()];
    let listed = list_files(&paths)?;
    let scanned = scan_in_parallel(&listed, &Query::parse_in("x", Scope::Text), FindFormat::Tsv);
    let full = load_paths(&paths)?;
    assert_eq!(scanned.map(|s| s.notices), Some(full.notices.clone()));
    assert!(full.notices.len() >= 5, "{:?}", full.notices);
    let queries = [
        "lavrov",
        "lav",
        "ankara",
        "'putin",
        "^rusya",
        "lavrov$",
        "!putin lavrov",
        "lavrov | putin",
        "بوتين",
        "لافروف",
        "erdogan",
        "a",
        "",
        "%text lavrov",
        "geldi$",
        "^'sergey",
        "moskova",
        "موسكو",
    ];
    let mut matched = 0;
    for raw in queries {
        let query = Query::parse_in(raw, Scope::Text);
        let (want, got) = (indexed(&paths, &query), streamed(&paths, &query));
        assert_eq!(got, want, "query {raw:?}");
        matched += usize::from(!want.is_empty());
    }
    // The comparison means something only when queries match.
    assert!(matched >= 12, "{matched}");
    Ok(())
}

/// Many files, taken a chunk at a time by several threads, come back in corpus order: the
/// same matches, scores, lines and ties as the index (whose order is corpus order).
#[test]
fn chunks_scanned_in_parallel_keep_corpus_order() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let lines = [
        "Lavrov Ankara'da konuştu.",
        "قال لافروف إن موسكو ستراقب.",
        "Putin ve Erdoğan görüştü.",
        "Moskova'da Lavrov ile Putin.",
    ];
    for n in 0..(CHUNK * 5 + 7) {
        // Equal lines in many files: ties are broken by corpus order alone.
        let text = format!(
            "Haber {n}\n\n{}\n{}\n",
            lines[n % lines.len()],
            lines[(n / 3) % lines.len()]
        );
        std::fs::write(dir.path().join(format!("{n:04}.txt")), text)?;
    }
    let paths = vec![dir.path().to_path_buf()];
    for raw in ["lavrov", "موسكو", "putin erdogan", "haber"] {
        let query = Query::parse_in(raw, Scope::Text);
        let (want, got) = (indexed(&paths, &query), streamed(&paths, &query));
        assert!(want.len() > CHUNK, "query {raw:?}: {}", want.len());
        assert_eq!(got, want, "query {raw:?}");
    }
    Ok(())
}

#[test]
fn only_text_queries_are_streamed() {
    assert!(text_only_query(&Query::parse_in("lavrov", Scope::Text)));
    assert!(text_only_query(&Query::parse("%text lavrov")));
    assert!(!text_only_query(&Query::parse("lavrov")));
    assert!(!text_only_query(&Query::parse_in(
        "%per lavrov",
        Scope::Text
    )));
}

/// A folder's files are read without asking their type before opening when the walk saw a
/// regular file; a FIFO, a link to one and a link to a file still go the careful way: the
/// FIFO skipped with the full load's notice (never waited on), the linked file read.
#[cfg(unix)]
#[test]
fn files_the_walk_saw_are_read_and_fifos_still_skipped() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("a.txt"), "Haber\n\nLavrov Ankara'da.\n")?;
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("b.txt"))
        .status()?;
    assert!(status.success());
    std::os::unix::fs::symlink(dir.path().join("b.txt"), dir.path().join("c.txt"))?;
    std::os::unix::fs::symlink(dir.path().join("a.txt"), dir.path().join("d.txt"))?;
    let paths = vec![dir.path().to_path_buf()];
    let listed = list_files(&paths)?;
    let kinds: Vec<bool> = listed
        .iter()
        .map(|l| matches!(l, Listed::Regular(_)))
        .collect();
    assert_eq!(kinds, [true, false, false, false]);
    let query = Query::parse_in("lavrov", Scope::Text);
    let scanned = scan_in_parallel(&listed, &query, FindFormat::Tsv).ok_or("not scanned")?;
    let full = load_paths(&paths)?;
    assert_eq!(scanned.notices, full.notices);
    let fifo = |n: &String| n.contains("a named pipe (FIFO), not a regular file");
    assert_eq!(scanned.notices.iter().filter(|n| fifo(n)).count(), 2);
    assert_eq!(scanned.docs, 2);
    assert_eq!(streamed(&paths, &query), indexed(&paths, &query));
    Ok(())
}
