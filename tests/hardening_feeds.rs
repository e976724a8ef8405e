//! `okur --feeds` before anything was fetched opens an empty reader whose list says what to
//! do (the fetch key), instead of refusing to start; the keys that move, open and mark do
//! nothing harmful on an empty list, and `q` quits cleanly.
#![cfg(all(feature = "tui", feature = "fetch"))]

mod common;

use common::{Tmux, okur, tmux_available};

#[test]
fn feeds_before_any_fetch_open_an_empty_reader_that_invites_the_fetch_key() {
    if !tmux_available() {
        return;
    }
    let t = Tmux::start(&format!("unset OKUR_FEEDS; {} --feeds", okur()), 100, 20);
    let screen = t.wait_for("No articles yet.");
    assert!(screen.contains("No articles yet."), "{screen}");
    assert!(screen.contains("U fetches the"), "{screen}");
    assert!(screen.contains("nothing fetched yet"), "{screen}");
    // Every key that acts on a document, on none.
    t.send(&["j", "k", "Enter", "G", "g", "s", "m", "Tab", "Tab", "Tab"]);
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
fn the_fetch_key_on_the_empty_reader_says_what_is_missing() {
    if !tmux_available() {
        return;
    }
    let t = Tmux::start(&format!("unset OKUR_FEEDS; {} --feeds", okur()), 100, 20);
    t.wait_for("No articles yet.");
    t.send(&["U"]);
    let screen = t.wait_for("okur feeds add");
    assert!(screen.contains("okur feeds add"), "{screen}");
    assert!(screen.contains("No articles yet."), "{screen}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}

#[test]
fn the_fetch_key_fills_the_empty_reader() {
    use common::web::{Route, WebServer};
    if !tmux_available() {
        return;
    }
    let web = WebServer::start();
    let feed = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Yerel</title><link>https://yerel.example/</link><language>tr</language>
<item><title>Birinci haber</title><link>{base}/haber/1.html</link><guid>{base}/haber/1.html</guid>
<description>Ankara'da bakanlar bir araya geldi.</description></item></channel></rss>"#,
        base = web.base
    );
    web.route("/yerel.xml", Route::body("application/rss+xml", feed));
    let cmd = format!(
        "unset OKUR_FEEDS; {okur} feeds add {url} --name yerel >/dev/null && {okur} --feeds",
        okur = okur(),
        url = web.url("/yerel.xml"),
    );
    let t = Tmux::start(&cmd, 120, 20);
    t.wait_for("No articles yet.");
    t.send(&["U"]);
    let screen = t.wait_for_within("Birinci haber", std::time::Duration::from_secs(30));
    assert!(screen.contains("Birinci haber"), "{screen}");
    assert!(!screen.contains("No articles yet."), "{screen}");
    t.send(&["q"]);
    assert_eq!(t.wait_exit(), Some(0));
}
