//! Following a feed from inside the reader, in the real binary against a real HTTP server
//! on 127.0.0.1: the fetch key brings the feed's new article into the list without a
//! restart; the article is starred; after the feed gains one more item, a second fetch
//! lists it too and the star is still there.
#![cfg(all(feature = "tui", feature = "fetch"))]

mod common;

use std::time::Duration;

use common::web::{Route, WebServer};
use common::{Tmux, okur, tmux_available};

/// The headlines of the feed's items, oldest first.
const TITLES: [&str; 3] = ["Birinci haber", "İkinci haber", "Üçüncü haber"];

/// A Turkish RSS feed of the first `items` headlines, each linking to its page on `base`.
fn feed(base: &str, items: usize) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Yerel Haber</title><link>https://yerel.example/</link><language>tr</language>"#,
    );
    for (i, title) in TITLES.iter().enumerate().take(items) {
        xml.push_str(&format!(
            r#"<item><title>{title}</title><link>{base}/haber/{i}.html</link>
<guid>{base}/haber/{i}.html</guid><pubDate>Tue, 03 Nov 2020 21:3{i}:00 +0300</pubDate>
<description>&lt;p&gt;{title}: Ankara'da bakanlar bir araya geldi.&lt;/p&gt;</description></item>"#
        ));
    }
    xml.push_str("</channel></rss>");
    xml
}

/// Serves the feed with `items` items.
fn serve(web: &WebServer, items: usize) {
    web.route(
        "/yerel.xml",
        Route::body("application/rss+xml", feed(&web.base, items)),
    );
}

/// The screen row that shows `title` in the list.
fn row_of<'a>(screen: &'a str, title: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("{title} is not on the screen:\n{screen}"))
}

#[test]
fn the_fetch_key_lists_new_articles_and_a_star_survives_the_next_fetch() {
    if !tmux_available() {
        return;
    }
    let web = WebServer::start();
    serve(&web, 1);
    let cmd = format!(
        "unset OKUR_FEEDS; {okur} feeds add {url} --name yerel >/dev/null && \
         {okur} fetch >/dev/null && {okur} --feeds",
        okur = okur(),
        url = web.url("/yerel.xml"),
    );
    let t = Tmux::start(&cmd, 120, 30);
    let screen = t.wait_for(TITLES[0]);
    assert!(!screen.contains(TITLES[1]), "{screen}");
    // The feed gains an item; the fetch key brings it in while the reader runs.
    serve(&web, 2);
    t.send(&["U"]);
    let screen = t.wait_for_within(TITLES[1], Duration::from_secs(30));
    assert!(
        row_of(&screen, TITLES[1]).contains('•'),
        "unread:\n{screen}"
    );
    let screen = t.wait_for("reloaded");
    assert!(
        screen.contains("fetched 1 feed: 1 new article; reloaded: 2 documents, 1 new"),
        "{screen}"
    );
    // Star the new article (the second row of the list).
    t.send(&["j", "s"]);
    let screen = t.wait_for("saved");
    assert!(row_of(&screen, TITLES[1]).contains('★'), "{screen}");
    // One more item: the next fetch lists it and the star stays on its article.
    serve(&web, 3);
    t.send(&["U"]);
    let screen = t.wait_for_within(TITLES[2], Duration::from_secs(30));
    let screen = match screen.contains("reloaded") {
        true => screen,
        false => t.wait_for("reloaded"),
    };
    assert!(row_of(&screen, TITLES[1]).contains('★'), "{screen}");
    assert!(!row_of(&screen, TITLES[2]).contains('★'), "{screen}");
    assert!(!row_of(&screen, TITLES[0]).contains('★'), "{screen}");
    let journal = std::fs::read_to_string(t.default_journal()).unwrap_or_default();
    assert!(journal.contains("star"), "{journal}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}
