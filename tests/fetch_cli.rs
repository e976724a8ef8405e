//! `okur feeds` and `okur fetch` end to end against a real HTTP server on 127.0.0.1: new
//! items stored with their full article text, an unchanged feed answered 304, a failing
//! feed that does not stop the others, a second fetch adding nothing twice, and an
//! annotation made on a fetched article surviving a re-fetch.
#![cfg(feature = "fetch")]

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::web::{Route, WebServer};
use okur::kind::Kind;
use okur::store::{Change, Label, Source, Span, Store};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A Turkish RSS 2.0 feed whose items link to pages on `base`; the descriptions are short
/// summaries, HTML-escaped as real feeds send them.
fn turkish_feed(base: &str, items: usize) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Örnek Haber</title><link>https://ornek.example/</link>
<language>tr</language>"#,
    );
    for i in 1..=items {
        xml.push_str(&format!(
            r#"<item><title>Ankara'da toplantı {i}</title><link>{base}/haber/{i}.html</link>
<guid>{base}/haber/{i}.html</guid><pubDate>Tue, 03 Nov 2020 21:30:00 +0300</pubDate>
<description>&lt;p&gt;Kısa özet {i}.&lt;/p&gt;</description></item>"#
        ));
    }
    xml.push_str("</channel></rss>");
    xml
}

/// An article page with boilerplate around the story; the story's last sentence is
/// only on the page, never in the feed.
fn article_page(i: usize) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>Ankara'da toplantı {i}</title></head>
<body><nav><a href="/">Ana sayfa</a> <a href="/spor">Spor</a> <a href="/ekonomi">Ekonomi</a></nav>
<article><h1>Ankara'da toplantı {i}</h1>
<p>Dışişleri Bakanı Mevlüt Çavuşoğlu, Rusya Dışişleri Bakanı Sergey Lavrov ile Ankara'da bir araya geldi. Görüşmede Suriye ve Libya'daki son gelişmeler ele alındı.</p>
<p>İki bakan, bölgedeki ateşkesin korunması için ortak çalışma yapılması konusunda uzlaştı. Görüşmenin ardından ortak basın toplantısı düzenlendi.</p>
<p>Yalnızca sayfada bulunan cümle numarası {i}: taraflar gelecek ay yeniden görüşecek.</p>
</article>
<aside><h3>İlgili haberler</h3><ul><li><a href="/a">Başka haber</a></li><li><a href="/b">Bir başka haber</a></li></ul></aside>
<footer>© 2020 Örnek Haber. Tüm hakları saklıdır.</footer></body></html>"#
    )
}

const ARABIC_ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar"><title>أخبار المثال</title>
<id>urn:example:ar</id><updated>2020-11-03T18:00:00+03:00</updated>
<entry><title>لافروف يلتقي جاويش أوغلو</title><id>urn:example:ar:1</id>
<updated>2020-11-03T18:00:00+03:00</updated>
<content type="html">&lt;p&gt;التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو في أنقرة.&lt;/p&gt;</content>
</entry></feed>"#;

struct Setup {
    web: WebServer,
    home: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let web = WebServer::start();
        web.route(
            "/tr.xml",
            Route::body("application/rss+xml", turkish_feed(&web.base, 2)),
        );
        for i in 1..=3 {
            web.route(
                &format!("/haber/{i}.html"),
                Route::body("text/html; charset=utf-8", article_page(i)),
            );
        }
        web.route("/ar.xml", Route::body("application/atom+xml", ARABIC_ATOM));
        web.route("/broken.xml", Route::Status(500));
        let home = tempfile::tempdir().expect("temp dir");
        Setup { web, home }
    }

    fn okur(&self) -> Command {
        let mut cmd = Command::cargo_bin("okur").expect("binary");
        cmd.env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("XDG_CACHE_HOME", self.home.path().join("cache"))
            .env_remove("OKUR_FEEDS")
            .env_remove("OKUR_STORE");
        cmd
    }

    fn feeds_dir(&self) -> PathBuf {
        self.home.path().join("data/okur/feeds")
    }

    fn run(&self, args: &[&str]) -> (bool, String, String) {
        let out = self.okur().args(args).output().expect("okur runs");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn follow_all(&self) {
        for (name, path) in [
            ("tr", "/tr.xml"),
            ("ar", "/ar.xml"),
            ("broken", "/broken.xml"),
        ] {
            let (ok, _, err) = self.run(&["feeds", "add", &self.web.url(path), "--name", name]);
            assert!(ok, "{err}");
        }
    }
}

fn lines_sorted(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

#[test]
fn fetch_stores_full_articles_and_a_failing_feed_does_not_stop_the_others() -> TestResult {
    let s = Setup::new();
    s.follow_all();
    let (ok, out, err) = s.run(&["fetch"]);
    assert!(!ok, "a failed feed makes the exit status non-zero");
    assert_eq!(
        lines_sorted(&out),
        [
            "ar: 1 new (0 full articles)",
            "broken: failed: the server answered 500",
            "tr: 2 new (2 full articles)",
        ],
        "{err}"
    );
    let archive = std::fs::read_to_string(s.feeds_dir().join("tr.jsonl"))?;
    assert_eq!(archive.lines().count(), 2);
    assert!(
        archive.contains("Yalnızca sayfada bulunan cümle numarası 1"),
        "{archive}"
    );
    assert!(
        !archive.contains("Ana sayfa"),
        "navigation left out: {archive}"
    );
    assert!(
        archive.contains("2020-11-03T21:30:00+03:00"),
        "offset kept: {archive}"
    );
    // The feeds folder opens like any folder: four documents, with their urls.
    let (ok, list, err) = s.run(&[
        "list",
        "--format",
        "jsonl",
        s.feeds_dir().to_str().ok_or("path")?,
    ]);
    assert!(ok, "{err}");
    assert_eq!(list.lines().count(), 3, "{list}");
    assert!(list.contains(&s.web.url("/haber/2.html")), "{list}");
    Ok(())
}

#[test]
fn a_second_fetch_is_answered_304_and_adds_nothing_twice() -> TestResult {
    let s = Setup::new();
    s.follow_all();
    s.run(&["fetch"]);
    let (_, out, _) = s.run(&["fetch", "tr", "ar"]);
    assert_eq!(lines_sorted(&out), ["ar: unchanged", "tr: unchanged"]);
    assert_eq!(s.web.not_modified("/tr.xml"), 1);
    assert_eq!(
        s.web.hits("/haber/1.html"),
        1,
        "a stored article is not fetched again"
    );
    // The feed changes: only the new item is added.
    s.web.route(
        "/tr.xml",
        Route::body("application/rss+xml", turkish_feed(&s.web.base, 3)),
    );
    let (ok, out, err) = s.run(&["fetch", "tr"]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "tr: 1 new (1 full articles)");
    let archive = std::fs::read_to_string(s.feeds_dir().join("tr.jsonl"))?;
    assert_eq!(archive.lines().count(), 3);
    Ok(())
}

/// The key and text of the first document in the feeds folder whose text holds `needle`.
fn doc_with(
    dir: &Path,
    needle: &str,
) -> Result<(okur::corpus::DocKey, String), Box<dyn std::error::Error>> {
    let corpus = okur::corpus::load_paths(&[dir.to_path_buf()])?.corpus;
    let doc = corpus
        .docs
        .iter()
        .find(|d| d.text().expect("reads").contains(needle))
        .ok_or("fetched article")?;
    Ok((doc.key.clone(), doc.text().expect("reads").into_owned()))
}

#[test]
fn an_annotation_on_a_fetched_article_survives_a_refetch() -> TestResult {
    let s = Setup::new();
    s.follow_all();
    s.run(&["fetch"]);
    let (key, text) = doc_with(&s.feeds_dir(), "numarası 1")?;
    let start = text.find("Sergey Lavrov").ok_or("name in text")?;
    let journal = s.home.path().join("journal.jsonl");
    {
        let mut store = Store::open(&journal)?;
        store.apply(Change::AddSpan {
            doc: key.clone(),
            span: Span {
                start,
                end: start + "Sergey Lavrov".len(),
                kind: Label::Entity(Kind::Person),
                text: "Sergey Lavrov".into(),
                source: Source::User,
            },
        })?;
        store.apply(Change::Star {
            doc: key,
            value: true,
        })?;
    }
    s.web.route(
        "/tr.xml",
        Route::body("application/rss+xml", turkish_feed(&s.web.base, 3)),
    );
    s.run(&["fetch"]);
    let feeds = s.feeds_dir();
    let (ok, out, err) = s.run(&[
        "export",
        "--format",
        "jsonl",
        "--store",
        journal.to_str().ok_or("path")?,
        feeds.to_str().ok_or("path")?,
    ]);
    assert!(ok, "{err}");
    assert!(
        out.contains(r#""text":"Sergey Lavrov","source":"user""#),
        "{out}"
    );
    assert!(out.contains(r#""star":true"#), "{out}");
    Ok(())
}

#[test]
fn feeds_add_list_remove_and_opml_round_trip() -> TestResult {
    let s = Setup::new();
    let (ok, out, _) = s.run(&["feeds", "add", "http://127.0.0.1:9/tr/rss?cat=guncel"]);
    assert!(ok);
    assert_eq!(
        out.trim(),
        "following http://127.0.0.1:9/tr/rss?cat=guncel as 127.0.0.1-9-tr-rss-cat-guncel"
    );
    let (ok, _, err) = s.run(&["feeds", "add", "http://127.0.0.1:9/tr/rss?cat=guncel"]);
    assert!(!ok && err.contains("already followed"), "{err}");
    let (_, opml, _) = s.run(&["feeds", "export"]);
    let opml_file = s.home.path().join("feeds.opml");
    std::fs::write(&opml_file, &opml)?;
    let (_, out, _) = s.run(&["feeds", "remove", "127.0.0.1-9-tr-rss-cat-guncel"]);
    assert!(out.starts_with("no longer following"), "{out}");
    let (_, out, _) = s.run(&["feeds", "import", opml_file.to_str().ok_or("path")?]);
    assert_eq!(out.trim(), "following 1 new feeds (1 in all)");
    let (_, list, _) = s.run(&["feeds", "list"]);
    assert!(list.contains("never fetched"), "{list}");
    let (ok, _, err) = s.run(&["fetch", "--timeout", "3"]);
    assert!(!ok, "an unreachable feed fails");
    assert!(err.is_empty() || !err.contains("panicked"), "{err}");
    let (_, list, _) = s.run(&["feeds", "list"]);
    assert!(list.contains("failed:"), "{list}");
    Ok(())
}

#[test]
fn the_http_charset_is_honoured_and_a_page_at_a_feed_address_is_named() -> TestResult {
    let s = Setup::new();
    let xml = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Yerel Gazete</title>
<item><title>Şırnak'ta güçlü yağış</title><description>Öğle saatlerinde başlayan yağış ılık havayı soğuttu.</description></item>
</channel></rss>"#;
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1254.encode(xml);
    assert!(!unmappable);
    s.web.route(
        "/yerel.xml",
        Route::body("text/xml; charset=windows-1254", bytes.into_owned()),
    );
    s.web
        .route("/page.xml", Route::body("text/html", article_page(1)));
    for (name, path) in [("yerel", "/yerel.xml"), ("page", "/page.xml")] {
        s.run(&["feeds", "add", &s.web.url(path), "--name", name]);
    }
    let (_, out, _) = s.run(&["fetch"]);
    assert_eq!(
        lines_sorted(&out),
        [
            "page: failed: an HTML page, not a feed",
            "yerel: 1 new (0 full articles)"
        ]
    );
    let archive = std::fs::read_to_string(s.feeds_dir().join("yerel.jsonl"))?;
    assert!(archive.contains("Şırnak'ta güçlü yağış"), "{archive}");
    Ok(())
}
