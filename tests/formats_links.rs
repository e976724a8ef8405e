//! Relative links made absolute: a feed item's link against its `xml:base`, the feed's,
//! the channel's link or the address the feed came from; a saved page's canonical link or
//! `og:url` against its `<base href>` or address. Turkish and Arabic fixtures in
//! tests/fixtures/links.

use assert_cmd::Command;
use okur::corpus::formats::{read_feed, read_page};
use serde_json::Value;

const DIR: &str = "tests/fixtures/links";

/// `okur list` of one fixture: each document's id and url.
fn urls(name: &str) -> Result<Vec<(String, Value)>, Box<dyn std::error::Error>> {
    let out = Command::cargo_bin("okur")?
        .args(["list", &format!("{DIR}/{name}")])
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut rows = Vec::new();
    for line in String::from_utf8(out.stdout)?.lines() {
        let row: Value = serde_json::from_str(line)?;
        let doc = row["doc"].as_str().unwrap_or_default();
        let doc = doc.rsplit('/').next().unwrap_or_default().to_string();
        rows.push((doc, row["url"].clone()));
    }
    Ok(rows)
}

#[test]
fn rss_links_resolve_against_the_item_base_then_the_channel_link()
-> Result<(), Box<dyn std::error::Error>> {
    assert_eq!(
        urls("tr_goreli.xml")?,
        [
            (
                "tr_goreli.xml#1".into(),
                "https://haber.example.com.tr/gundem/ankara-zirvesi-1".into()
            ),
            (
                "tr_goreli.xml#2".into(),
                "https://haber.example.com.tr/ekonomi/faiz-karari-2".into()
            ),
            (
                "tr_goreli.xml#3".into(),
                "https://spor.example.com.tr/derbi-3?kaynak=rss".into()
            ),
        ]
    );
    Ok(())
}

#[test]
fn atom_links_resolve_against_nested_xml_base() -> Result<(), Box<dyn std::error::Error>> {
    assert_eq!(
        urls("ar_goreli.atom")?,
        [
            (
                "ar_goreli.atom#1".into(),
                "https://nashra.example.org/ar/akhbar/qimma-1".into()
            ),
            (
                "ar_goreli.atom#2".into(),
                "https://nashra.example.org/riyada/nihai-2".into()
            ),
        ]
    );
    Ok(())
}

#[test]
fn a_fetched_feed_resolves_links_against_its_address() -> Result<(), Box<dyn std::error::Error>> {
    let xml = "<rss version=\"2.0\"><channel><title>أخبار</title>\
        <item><title>خبر عاجل</title><link>../akhbar/3</link><description>نص الخبر.</description></item>\
        <item><title>خبر بلا رابط</title><description>نص.</description></item>\
        </channel></rss>";
    let read = read_feed(xml.as_bytes(), "https://akhbar.example/rss/ar.xml")?;
    let urls: Vec<Option<&str>> = read
        .articles
        .iter()
        .map(|a| a.meta.url.as_deref())
        .collect();
    assert_eq!(urls, [Some("https://akhbar.example/akhbar/3"), None]);
    // Read from a file, a relative link has nothing to resolve against: no url, rather
    // than one that leads nowhere.
    let read = read_feed(xml.as_bytes(), "ar.xml")?;
    assert_eq!(read.articles[0].meta.url, None);
    Ok(())
}

#[test]
fn a_page_canonical_link_resolves_against_its_base() -> Result<(), Box<dyn std::error::Error>> {
    assert_eq!(
        urls("tr_kanonik.html")?,
        [(
            "tr_kanonik.html".into(),
            "https://gazete.example.com.tr/spor/derbi-sonucu".into()
        )]
    );
    Ok(())
}

#[test]
fn a_page_og_url_resolves_against_its_address() -> Result<(), Box<dyn std::error::Error>> {
    let html = std::fs::read(format!("{DIR}/ar_kanonik.html"))?;
    let (article, _) = read_page(&html, Some("https://akhbar.example/x?utm_source=rss"))?;
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://akhbar.example/ar/iqtisad/2024/03/faida")
    );
    // Saved without its address, the relative og:url resolves against nothing.
    assert_eq!(
        urls("ar_kanonik.html")?,
        [("ar_kanonik.html".into(), Value::Null)]
    );
    Ok(())
}
