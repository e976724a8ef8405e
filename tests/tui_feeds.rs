//! The reader side of following feeds, on a test screen: the article's header above its
//! text (source, time with its offset, author, url, the other sources of a merged story),
//! right to left in an Arabic article with the url still left to right; the fetch's
//! progress on the status line; and a reload that keeps the user's place.
#![cfg(feature = "tui")]

mod common;

use common::tui::Harness;
use okur::corpus::{ArticleMeta, Corpus, Document};
use okur::tui::Action;
use okur::tui::fetching::{FeedDone, FetchEvent};
use okur::tui::{Effect, Msg};

/// An article read from a feed: `text`, with this metadata.
fn article(path: &str, text: &str, meta: ArticleMeta) -> Document {
    let mut doc = Document::from_text(path, text.to_string());
    doc.meta = Some(Box::new(meta));
    doc
}

fn turkish() -> Document {
    article(
        "feeds/trt.jsonl#1",
        "Ankara'da toplantı\n\nDışişleri Bakanı Ankara'da konuştu.",
        ArticleMeta {
            source: Some("TRT Haber".into()),
            url: Some("https://www.trthaber.com/haber/1.html".into()),
            author: Some("Ayşe Yılmaz".into()),
            published: Some("2024-03-05T21:30:00+03:00".into()),
            ..ArticleMeta::default()
        },
    )
}

fn arabic() -> Document {
    article(
        "feeds/aj.jsonl#1",
        "لافروف يلتقي جاويش أوغلو\n\nالتقى وزير الخارجية الروسي نظيره التركي في أنقرة.",
        ArticleMeta {
            source: Some("الجزيرة نت".into()),
            url: Some("https://www.aljazeera.net/news/2024/3/5".into()),
            author: Some("أحمد محمد".into()),
            published: Some("2024-03-06T01:50:00+03:00".into()),
            also: vec!["العربية".into(), "BBC Arabic".into()],
            ..ArticleMeta::default()
        },
    )
}

/// The reading pane's rows inside its frame, every cell of each.
fn reader_rows(h: &mut Harness) -> Vec<String> {
    let pane = h.panes().reader;
    h.inside(pane)
}

/// A harness over `docs` on a 90x14 screen, with document `open` open.
fn reading(docs: Vec<Document>, open: usize) -> Harness {
    let mut h = Harness::over(Corpus { docs }).screen(90, 14).start();
    for _ in 0..open {
        h.press(&[Action::Down]);
    }
    h.press(&[Action::Open]);
    h
}

#[test]
fn a_turkish_article_shows_source_time_with_its_offset_author_and_url_dimmed() {
    let mut h = reading(vec![turkish()], 0);
    let rows = reader_rows(&mut h);
    let trimmed: Vec<&str> = rows.iter().map(|r| r.trim_end()).collect();
    assert_eq!(
        trimmed[..4],
        [
            "TRT Haber · 2024-03-05 21:30 +03:00 · Ayşe Yılmaz",
            "https://www.trthaber.com/haber/1.html",
            "Ankara'da toplantı",
            "",
        ]
    );
    // The header is dimmed; the article's title is not.
    let buf = h.buffer();
    let area = h.panes().reader.expect("a reading pane");
    let dim = h.app().theme.dim;
    let (x, y) = (area.x + 1, area.y + 1);
    assert_eq!(buf[(x, y)].style().add_modifier, dim.add_modifier);
    assert_eq!(buf[(x, y + 1)].style().add_modifier, dim.add_modifier);
    assert_ne!(buf[(x, y + 2)].style().add_modifier, dim.add_modifier);
}

#[test]
fn an_arabic_header_reads_right_to_left_and_its_url_left_to_right() {
    let mut h = reading(vec![turkish(), arabic()], 1);
    let rows = reader_rows(&mut h);
    let width = rows[0].chars().count();
    let right = |r: &str| format!("{r:>width$}");
    assert_eq!(
        rows[..4],
        [
            // The source first, at the right; then the time (digits left to right), then
            // the author. Letters are in visual order, as the screen shows them.
            right("دمحم دمحأ · 2024-03-06 01:50 +03:00 · تن ةريزجلا"),
            // The url, whole and left to right, at the right edge with the text.
            right("https://www.aljazeera.net/news/2024/3/5"),
            // The label reads left to right at the right; the other sources follow it.
            right("BBC Arabic ,ةيبرعلا also in:"),
            right("ولغوأ شيواج يقتلي فورفال"),
        ]
    );
}

#[test]
fn a_plain_text_file_has_no_header_and_a_short_pane_keeps_its_text_rows() {
    let plain = Document::from_text("a.txt", "Başlık\n\nMetin.".to_string());
    let mut h = reading(vec![plain], 0);
    assert_eq!(reader_rows(&mut h)[0].trim_end(), "Başlık");
    // Six rows inside the frame: three stay the text's, so the header's three rows fit;
    // with five, the last header row (the other sources) gives way.
    let mut h = reading(vec![arabic()], 0);
    h.resize(90, 9);
    let rows = reader_rows(&mut h);
    assert!(rows[2].contains("also in:"), "{rows:#?}");
    h.resize(90, 8);
    let rows = reader_rows(&mut h);
    assert!(rows[1].contains("https://www.aljazeera.net"), "{rows:#?}");
    assert!(rows[2].contains("فورفال"), "{rows:#?}");
}

#[test]
fn y_in_the_list_copies_the_articles_url() {
    let mut h = Harness::over(Corpus {
        docs: vec![turkish(), arabic()],
    })
    .start();
    h.press(&[Action::Down, Action::CopyUrl]);
    assert_eq!(
        h.session.take_copy().as_deref(),
        Some("https://www.aljazeera.net/news/2024/3/5")
    );
    let mut h = Harness::texts(&["Başlık\n\nMetin."]).start();
    h.press(&[Action::CopyUrl]);
    assert_eq!(h.session.take_copy(), None);
    assert!(h.status().starts_with("no url to copy"), "{}", h.status());
}

/// The status line's row, trimmed.
fn status_row(h: &mut Harness) -> String {
    let screen = h.screen();
    screen
        .last()
        .map(|r| r.trim_end().to_string())
        .unwrap_or_default()
}

fn feed(name: &str, new: usize, failed: Option<&str>) -> Msg {
    Msg::Fetch(FetchEvent::Feed(FeedDone {
        name: name.into(),
        new,
        failed: failed.map(str::to_string),
    }))
}

#[test]
fn the_status_line_counts_feeds_new_articles_and_names_failures() {
    let mut h = Harness::texts(&["Başlık\n\nMetin."])
        .screen(100, 10)
        .start();
    // The key through `update` alone: no real fetch thread starts.
    h.update(&[Action::FetchFeeds]);
    assert!(status_row(&mut h).starts_with("fetching feeds…"));
    h.send(Msg::Fetch(FetchEvent::Started(3)));
    h.send(feed("trt", 2, None));
    h.send(feed("aj", 0, Some("the server answered 500")));
    let row = status_row(&mut h);
    assert!(
        row.starts_with("fetching feeds: 2/3 · 2 new · failed: aj"),
        "{row}"
    );
    // A second press says the fetch is running, and starts nothing.
    let panes = h.prepare();
    let effects = okur::tui::update(&mut h.session.app, Msg::Action(Action::FetchFeeds), &panes);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(
        h.status()
            .starts_with("already fetching: fetching feeds: 2/3"),
        "{}",
        h.status()
    );
    // A key's own message stays while feeds finish; after Esc the progress is back.
    h.press(&[Action::Star]);
    let said = h.status();
    h.send(feed("bbc", 1, None));
    assert_eq!(h.status(), said);
    h.press(&[Action::Cancel]);
    assert!(status_row(&mut h).contains("fetching feeds: 3/3 · 3 new"));
    // The end names the failure and why; the corpus is no feeds folder: no reload.
    let panes = h.prepare();
    let done = Msg::Fetch(FetchEvent::Finished { covered: false });
    let effects = okur::tui::update(&mut h.session.app, done, &panes);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(
        h.status(),
        "fetched 3 feeds: 3 new articles; failed: aj (the server answered 500) \
         (okur --feeds opens the feeds folder)"
    );
    assert!(h.app().fetch.is_none());
}

#[test]
fn a_fetch_that_cannot_start_says_why_and_the_key_works_again() {
    let mut h = Harness::texts(&["Başlık\n\nMetin."]).start();
    h.update(&[Action::FetchFeeds]);
    let busy = "not started: another `okur fetch` is running on /x/feeds";
    h.send(Msg::Fetch(FetchEvent::Failed(busy.into())));
    assert_eq!(h.status(), format!("fetch: {busy}"));
    let panes = h.prepare();
    let effects = okur::tui::update(&mut h.session.app, Msg::Action(Action::FetchFeeds), &panes);
    assert_eq!(effects, [Effect::FetchFeeds]);
}

#[test]
fn new_articles_in_the_feeds_folder_the_corpus_reads_ask_for_a_reload() {
    let mut h = Harness::texts(&["Başlık\n\nMetin."]).start();
    h.app_mut().sources = vec!["/somewhere/feeds".into()];
    h.update(&[Action::FetchFeeds]);
    h.send(Msg::Fetch(FetchEvent::Started(1)));
    h.send(feed("trt", 4, None));
    let panes = h.prepare();
    let done = Msg::Fetch(FetchEvent::Finished { covered: true });
    let effects = okur::tui::update(&mut h.session.app, done, &panes);
    assert_eq!(effects, [Effect::Reload]);
    assert_eq!(h.status(), "fetched 1 feed: 4 new articles; reloading…");
    // Nothing new: nothing to reload.
    h.update(&[Action::FetchFeeds]);
    h.send(Msg::Fetch(FetchEvent::Started(1)));
    h.send(feed("trt", 0, None));
    let panes = h.prepare();
    h.session.app.reloading = false;
    let done = Msg::Fetch(FetchEvent::Finished { covered: true });
    let effects = okur::tui::update(&mut h.session.app, done, &panes);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(h.status(), "fetched 1 feed: 0 new articles");
}
