//! The corpus on a real PostgreSQL: `okur team corpus add` stores each text once, and
//! `okur list --team URL --select ...` reads back what a selection picks, matching words
//! on okur's fold exactly as the local search does. `#[ignore]`d like `team_pg.rs`;
//! `.ci/run` runs them with `cargo test --test team_corpus -- --ignored`.
//!
//! `bench_selecting_from_a_large_server_corpus` is a measurement, not a check: run it with
//! `--release` (see its comment).

mod common;
mod team_cluster;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use okur::corpus::{DocKey, Document};
use okur::store::Change;
use okur::team::{schema, server};
use okur::text::fold_str;
use team_cluster::Cluster;

fn okur() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("okur").expect("the okur binary")
}

/// A fresh cluster with the schema, an uploader (ayse) and an analyst who is not one (omar).
fn team() -> Cluster {
    let cluster = Cluster::with_team(["ayse", "omar"]);
    let mut admin = cluster.admin();
    schema::grant_uploader(&mut admin, "ayse").expect("--uploader");
    cluster
}

const ERDOGAN: &str =
    "ERDOĞAN Ankara'da konuştu\n\nCumhurbaşkanı ERDOĞAN bugün İstanbul'dan döndü.\n";
const MUHAMMAD: &str = "مُحَمَّد يزور القاهرة\n\nزار مُحَمَّد بن سلمان القاهرة اليوم.\n";
const WEATHER: &str = "Hava durumu\n\nYarın Ankara'da yağmur bekleniyor.\n";

/// Three text files and the two news-format fixtures (three RSS items of `Anadolu Haber`,
/// two Atom entries of `نشرة الأخبار`, with dates).
fn inputs(dir: &Path) -> Vec<PathBuf> {
    for (name, text) in [
        ("erdogan.txt", ERDOGAN),
        ("muhammad.txt", MUHAMMAD),
        ("hava.txt", WEATHER),
    ] {
        std::fs::write(dir.join(name), text).expect("write");
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    vec![
        dir.to_path_buf(),
        fixtures.join("tr_haber.xml"),
        fixtures.join("ar_atom.xml"),
    ]
}

/// `okur list --team URL --select FILTER [extra...]`: the listed titles in order, and stderr.
fn select(url: &str, filter: &str, extra: &[&str]) -> (Vec<String>, String) {
    let out = okur()
        .args(["list", "--team", url, "--select", filter])
        .args(extra)
        .assert()
        .success();
    let output = out.get_output();
    let titles = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            row["title"].as_str().expect("a title").to_string()
        })
        .collect();
    (titles, String::from_utf8_lossy(&output.stderr).to_string())
}

/// The titles of the local documents whose folded title or text contains every word.
fn local(docs: &[Document], words: &[&str]) -> BTreeSet<String> {
    docs.iter()
        .filter(|d| {
            let folded = fold_str(&format!("{}\n{}", d.title, d.text().expect("reads")));
            words.iter().all(|w| folded.contains(&fold_str(w)))
        })
        .map(|d| d.title.clone())
        .collect()
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_corpus -- --ignored"]
fn an_upload_is_stored_once_and_selections_find_what_the_local_fold_finds() {
    let cluster = team();
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = inputs(dir.path());
    let ayse = cluster.url("ayse");
    let add = || {
        let out = okur()
            .args(["team", "corpus", "add", "--team", &ayse, "--tag", "arşiv"])
            .args(&paths)
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stdout).to_string()
    };
    let said = add();
    assert!(
        said.starts_with("8 documents sent to postgres://ayse@"),
        "{said}"
    );
    assert!(said.ends_with(": 8 added, 0 already there\n"), "{said}");
    assert!(
        add().ends_with(": 0 added, 8 already there\n"),
        "sent twice, stored once"
    );

    let docs = okur::corpus::load_paths(&paths).expect("load").corpus.docs;
    let omar = cluster.url("omar");
    // Latin and Arabic words, with and without the marks the text has.
    for word in [
        "erdogan",
        "ERDOĞAN",
        "istanbul",
        "ankara",
        "محمد",
        "مُحَمَّد",
        "القاهره",
    ] {
        let (titles, _) = select(&omar, word, &[]);
        let found: BTreeSet<String> = titles.into_iter().collect();
        assert!(!found.is_empty(), "{word} finds something");
        assert_eq!(
            found,
            local(&docs, &[word]),
            "{word}: server and local fold agree"
        );
    }
    let (titles, _) = select(&omar, "erdogan", &[]);
    assert_eq!(titles, ["ERDOĞAN Ankara'da konuştu"]);
    let out = okur()
        .args(["list", "--team", &omar, "--select", "erdogan"])
        .assert()
        .success();
    let line = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let hash = DocKey::of_text(ERDOGAN).text;
    assert!(
        line.contains(&format!(r#""doc":"team:{hash}""#)),
        "the same text, the same key: {line}"
    );
    let (titles, _) = select(&omar, "مُحَمَّد", &[]);
    assert_eq!(titles, ["مُحَمَّد يزور القاهرة"]);

    // Filters: source, dates (newest first), language, a word left out.
    let (titles, _) = select(&omar, "src:anadolu since:2024-03-06", &[]);
    assert_eq!(
        titles,
        [
            "Merkez Bankası faiz kararını açıkladı",
            "İstanbul'da kar yağışı ulaşımı aksattı"
        ]
    );
    let (titles, _) = select(&omar, "%src:\"Anadolu Haber\" until:2024-03-05", &[]);
    assert_eq!(titles, ["Dışişleri Bakanı Ankara'da mevkidaşıyla görüştü"]);
    let (titles, _) = select(&omar, "src:نشرة", &[]);
    assert_eq!(titles.len(), 2, "{titles:?}");
    let (titles, _) = select(&omar, "lang:ar", &[]);
    assert_eq!(titles.len(), 3, "{titles:?}");
    let (titles, _) = select(&omar, "ankara !erdogan", &[]);
    let expected: BTreeSet<String> = local(&docs, &["ankara"])
        .difference(&local(&docs, &["erdogan"]))
        .cloned()
        .collect();
    assert_eq!(titles.into_iter().collect::<BTreeSet<_>>(), expected);

    // Tags: the uploader's, and the team's (a tag an analyst pushed).
    assert_eq!(select(&omar, "tag:arşiv", &[]).0.len(), 8);
    let mut client = postgres::Client::connect(&omar, postgres::NoTls).expect("omar");
    server::register(&mut client, "omar-desk").expect("register");
    let tag = Change::Tag {
        doc: DocKey::of_text(WEATHER),
        tag: "hava".into(),
        value: true,
    };
    server::push(&mut client, None, "omar-desk", 0, &[(1, tag)]).expect("push");
    assert_eq!(select(&omar, "tag:hava", &[]).0, ["Hava durumu"]);
    assert!(select(&omar, "tag:hava tag:yok", &[]).0.is_empty());

    // A cap: the newest articles, and a message saying so.
    let (titles, err) = select(&omar, "tag:arşiv", &["--max", "3"]);
    assert_eq!(titles.len(), 3);
    assert!(
        err.contains("the selection holds more than 3 articles: loaded the newest 3"),
        "{err}"
    );
}

/// The reader opens a selection like a local corpus, and the filter line searches it in
/// memory; a star on it is saved in the journal under the article's text hash.
#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_corpus -- --ignored"]
fn the_reader_opens_a_selection_and_searches_it() {
    if !common::tmux_available() {
        return;
    }
    let cluster = team();
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = inputs(dir.path());
    okur()
        .args(["team", "corpus", "add", "--team", &cluster.url("ayse")])
        .args(&paths)
        .assert()
        .success();
    let journal = dir.path().join("journal.jsonl");
    let cmd = format!(
        "{} --store {} --team {} --select 'ankara'",
        common::okur(),
        journal.display(),
        cluster.url("omar")
    );
    let t = common::Tmux::start(&cmd, 120, 30);
    let screen = t.wait_for("articles selected on the team server");
    assert!(screen.contains("ERDOĞAN Ankara'da konuştu"), "{screen}");
    assert!(screen.contains("Hava durumu"), "{screen}");
    assert!(!screen.contains("Merkez Bankası"), "not selected: {screen}");
    t.send(&["/"]);
    t.send_raw("erdogan".as_bytes());
    t.send(&["Enter"]);
    std::thread::sleep(std::time::Duration::from_millis(500));
    let screen = t.capture();
    assert!(screen.contains("ERDOĞAN Ankara'da konuştu"), "{screen}");
    assert!(!screen.contains("Hava durumu"), "filtered out: {screen}");
    t.send(&["s"]);
    let saved = common::wait_for_file(&journal).unwrap_or_default();
    let hash = DocKey::of_text(ERDOGAN).text;
    assert!(
        saved.contains(&format!("\"doc\":\"{hash}:team:{hash}\"")),
        "{saved}"
    );
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_corpus -- --ignored"]
fn bad_selections_and_missing_servers_are_clear_errors() {
    let cluster = team();
    let omar = cluster.url("omar");
    let fails = |args: &[&str]| {
        let out = okur().args(args).assert().failure();
        String::from_utf8_lossy(&out.get_output().stderr).to_string()
    };
    let err = fails(&["list", "--team", &omar, "--select", "since:2024-13"]);
    assert!(err.contains("is not a date"), "{err}");
    let err = fails(&["list", "--team", &omar, "--select", ""]);
    assert!(err.contains("an empty selection"), "{err}");
    let err = fails(&[
        "list",
        "--select",
        "erdogan",
        "--config",
        "/nonexistent/okur.toml",
    ]);
    assert!(
        err.contains("no team server") || err.contains("config"),
        "{err}"
    );
    let err = fails(&["list", "--team", &omar]);
    assert!(err.contains("needs --select"), "{err}");
    // A server whose okur schema is older: told to migrate.
    let old = Cluster::start();
    schema::migrate_to(&mut old.admin(), 1).expect("version 1");
    let err = fails(&[
        "list",
        "--team",
        &old.url(team_cluster::ADMIN),
        "--select",
        "x",
    ]);
    assert!(
        err.contains("run `okur team init URL` to migrate it"),
        "{err}"
    );
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_corpus -- --ignored"]
fn only_uploaders_write_articles_and_nobody_rewrites_them() {
    let cluster = team();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, WEATHER).expect("write");
    let out = okur()
        .args(["team", "corpus", "add", "--team", &cluster.url("omar")])
        .arg(&file)
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("permission denied"), "{err}");

    let connect =
        |who: &str| postgres::Client::connect(&cluster.url(who), postgres::NoTls).expect("connect");
    let refused = |result: Result<u64, postgres::Error>, what: &str| {
        let err = result.expect_err(what);
        let code = err.code().map(|c| c.code().to_string());
        assert_eq!(code.as_deref(), Some("42501"), "{what}: {err}");
    };
    let insert = "INSERT INTO okur.articles (hash, title, lang, body, folded, uploader)
        VALUES ('0123456789abcdef0123456789abcdef', 't', 'tr', 'b', 'b', $1)";
    let (mut ayse, mut omar) = (connect("ayse"), connect("omar"));
    refused(
        omar.execute(insert, &[&"omar"]),
        "an analyst who is no uploader",
    );
    refused(
        ayse.execute(insert, &[&"omar"]),
        "an upload in another's name",
    );
    assert_eq!(ayse.execute(insert, &[&"ayse"]).expect("her own"), 1);
    refused(
        ayse.execute("UPDATE okur.articles SET title = 'x'", &[]),
        "update",
    );
    refused(ayse.execute("DELETE FROM okur.articles", &[]), "delete");
    let read: i64 = omar
        .query_one("SELECT count(*) FROM okur.articles", &[])
        .expect("analysts read")
        .get(0);
    assert_eq!(read, 1);
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_corpus -- --ignored"]
fn a_version_1_server_migrates_and_keeps_its_changes() {
    let cluster = Cluster::start();
    let mut admin = cluster.admin();
    assert_eq!(schema::migrate_to(&mut admin, 1).expect("version 1"), [1]);
    // What `okur team add ayse` did on a version 1 server.
    admin
        .batch_execute("CREATE ROLE ayse LOGIN; GRANT okur_analyst TO ayse")
        .expect("an analyst of version 1");
    let mut ayse = postgres::Client::connect(&cluster.url("ayse"), postgres::NoTls).expect("ayse");
    server::register(&mut ayse, "dev").expect("register");
    let star = Change::Star {
        doc: DocKey::from_hash("d"),
        value: true,
    };
    server::push(&mut ayse, None, "dev", 0, &[(1, star)]).expect("push on version 1");
    assert!(
        schema::check(&mut admin).is_err(),
        "this okur needs the new version"
    );

    let out = okur()
        .args(["team", "init", &cluster.url(team_cluster::ADMIN)])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        said.starts_with(&format!(
            "okur schema at version {}",
            schema::SCHEMA_VERSION
        )),
        "{said}"
    );
    schema::check(&mut admin).expect("migrated");
    let changes: i64 = admin
        .query_one("SELECT count(*) FROM okur.changes", &[])
        .expect("count")
        .get(0);
    assert_eq!(changes, 1, "the change made before the migration is kept");
    // An analyst made before the migration becomes an uploader afterwards.
    let out = okur()
        .args([
            "team",
            "add",
            "ayse",
            "--uploader",
            "--team",
            &cluster.url(team_cluster::ADMIN),
        ])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout),
        "analyst ayse: already there; grants given, without a password, may upload articles\n"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), WEATHER).expect("write");
    okur()
        .args(["team", "corpus", "add", "--team", &cluster.url("ayse")])
        .arg(dir.path())
        .assert()
        .success();
}

#[path = "team_corpus/bench.rs"]
mod bench;
