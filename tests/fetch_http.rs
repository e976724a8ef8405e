#![cfg(feature = "fetch")]
//! The HTTP client against a real server on 127.0.0.1: conditional requests, error statuses,
//! size limits, redirect loops and a server that never answers.

mod common;

use std::time::Duration;

use common::web::{Route, WebServer};
use okur::fetch::{Client, FetchError, Fetched, Validators};

#[test]
fn a_second_request_with_the_etag_is_answered_304() -> Result<(), FetchError> {
    let web = WebServer::start();
    web.route("/feed.xml", Route::body("application/rss+xml", "<rss/>"));
    let client = Client::default();
    let Fetched::Body(page) = client.get(&web.url("/feed.xml"), &Validators::default())? else {
        panic!("first fetch must have a body");
    };
    assert_eq!(page.bytes, b"<rss/>");
    assert!(page.validators.etag.is_some());
    assert_eq!(page.content_type.as_deref(), Some("application/rss+xml"));
    assert_eq!(
        client.get(&web.url("/feed.xml"), &page.validators)?,
        Fetched::NotModified
    );
    assert_eq!(web.not_modified("/feed.xml"), 1);
    Ok(())
}

#[test]
fn errors_are_named() {
    let web = WebServer::start();
    web.route("/gone", Route::Status(404));
    web.route("/a", Route::Redirect("/b".into()));
    web.route("/b", Route::Redirect("/a".into()));
    web.route("/big", Route::body("text/html", vec![b'x'; 3 << 20]));
    web.route("/slow", Route::Hang);
    let client = Client::new(Duration::from_millis(700), 1 << 20);
    let get = |path: &str| client.get(&web.url(path), &Validators::default());
    assert_eq!(get("/gone"), Err(FetchError::Status(404)));
    assert_eq!(get("/a"), Err(FetchError::Redirects));
    assert_eq!(get("/big"), Err(FetchError::TooBig(1)));
    assert!(
        matches!(get("/slow"), Err(FetchError::Timeout(_))),
        "{:?}",
        get("/slow")
    );
    assert!(matches!(
        client.get("file:///etc/passwd", &Validators::default()),
        Err(FetchError::BadUrl(_))
    ));
}

#[test]
fn a_redirect_is_followed_and_the_final_url_kept() -> Result<(), FetchError> {
    let web = WebServer::start();
    web.route("/old", Route::Redirect("/new".into()));
    web.route("/new", Route::body("text/html", "<p>x</p>"));
    let Fetched::Body(page) = Client::default().get(&web.url("/old"), &Validators::default())?
    else {
        panic!("a body");
    };
    assert_eq!(page.final_url, web.url("/new"));
    Ok(())
}

#[test]
fn a_dead_server_is_a_network_error() {
    let url = {
        let web = WebServer::start();
        web.url("/feed.xml")
    };
    let got = Client::new(Duration::from_secs(2), 1 << 20).get(&url, &Validators::default());
    assert!(matches!(got, Err(FetchError::Network(_))), "{got:?}");
}

/// A feed whose items link to a server that accepts and never answers: each page waited
/// the whole timeout, one after another (50 items at the default 20 s: 17 minutes before
/// anything was stored). After two pages of a host time out, its other pages are not
/// asked for in this run; every item is stored with the feed's own text, as when a page
/// fails, and the line says why.
#[test]
fn pages_of_a_host_that_never_answers_are_given_up_after_two() {
    let web = WebServer::start();
    let items: String = (1..=6)
        .map(|i| {
            let link = web.url(&format!("/silent/{i}"));
            web.route(&format!("/silent/{i}"), Route::Hang);
            format!("<item><title>Haber {i}</title><link>{link}</link><description>Özet {i}.</description></item>")
        })
        .collect();
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>S</title>{items}</channel></rss>"
    );
    web.route("/feed.xml", Route::body("application/rss+xml", rss));
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = okur::fetch::Feed {
        url: web.url("/feed.xml"),
        name: "silent".into(),
        title: None,
    };
    let client = Client::new(Duration::from_millis(300), 1 << 20);
    let outcome = okur::fetch::fetch_feed(&client, dir.path(), &feed);
    let okur::fetch::Outcome::Read(added) = outcome else {
        panic!("the feed is read: {outcome:?}");
    };
    assert_eq!(added.new, 6, "every item stored with the feed's text");
    assert_eq!(added.page_errors.len(), 6, "{:?}", added.page_errors);
    let asked: usize = (1..=6).map(|i| web.hits(&format!("/silent/{i}"))).sum();
    assert_eq!(asked, 2, "pages asked of the silent host");
    assert!(
        added.page_errors[5].contains("did not answer"),
        "{:?}",
        added.page_errors
    );
}
