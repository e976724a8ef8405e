use super::*;

#[test]
fn the_format_is_sniffed_from_content_then_name() {
    let cases: [(&str, &[u8], Option<Format>); 10] = [
        (
            "a.xml",
            b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
            Some(Format::Feed),
        ),
        (
            "a",
            b"\xEF\xBB\xBF <?xml version=\"1.0\"?><!-- x --><feed xmlns=\"\">",
            Some(Format::Feed),
        ),
        (
            "a.rdf",
            b"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"\">",
            Some(Format::Feed),
        ),
        ("a.xml", b"<!DOCTYPE html><html><body>", Some(Format::Page)),
        (
            "page",
            b"<html lang=\"ar\" dir=\"rtl\">",
            Some(Format::Page),
        ),
        (
            "a.json",
            b"{\"version\": \"https://jsonfeed.org/version/1.1\"}",
            Some(Format::JsonFeed),
        ),
        ("dump", b"[{\"title\": \"x\"}]", Some(Format::Records)),
        ("crawl", b"WARC/1.0\r\n", Some(Format::Warc)),
        ("notes.txt", b"<rss>", None),
        ("notes", b"Haber metni", None),
    ];
    for (name, bytes, want) in cases {
        assert_eq!(sniff(name, bytes), want, "{name}");
    }
}

#[test]
fn feed_items_are_numbered_documents_keyed_by_text() -> Result<(), String> {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Haber Ajansı</title><language>tr</language>
<item><title>Birinci haber</title><link>https://example.com.tr/1</link>
<description><![CDATA[<p>Ankara'da <b>önemli</b> bir toplantı yapıldı.</p><p>İkinci paragraf.</p>]]></description>
<pubDate>Tue, 05 Mar 2024 23:30:00 +0300</pubDate></item>
<item><title>İkinci haber</title><description>&lt;p&gt;Kısa metin &amp;amp; devamı.&lt;/p&gt;</description></item>
</channel></rss>"#;
    let out = documents("news.xml", xml.as_bytes()).ok_or("not read as a feed")?;
    assert!(out.notices.is_empty(), "{:?}", out.notices);
    let paths: Vec<&str> = out.docs.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["news.xml#1", "news.xml#2"]);
    let first = &out.docs[0];
    assert_eq!(
        first.text().expect("reads"),
        "Birinci haber\n\nAnkara'da önemli bir toplantı yapıldı.\n\nİkinci paragraf.\n"
    );
    assert_eq!(first.date(), Some("2024-03-05"));
    assert_eq!(first.source(), Some("Haber Ajansı"));
    assert_eq!(first.url(), Some("https://example.com.tr/1"));
    assert_eq!(
        first.key.text,
        crate::corpus::DocKey::of_text(&first.text().expect("reads")).text
    );
    assert!(
        first
            .key
            .copy
            .as_deref()
            .is_some_and(|c| c.ends_with("news.xml#https://example.com.tr/1"))
    );
    // An item without a url is keyed by its number.
    let second = out.docs[1].key.copy.as_deref().unwrap_or("");
    assert!(second.ends_with("news.xml#2"), "{second}");
    assert_eq!(
        out.docs[1].text().expect("reads"),
        "İkinci haber\n\nKısa metin & devamı.\n"
    );
    Ok(())
}

#[test]
fn a_feed_that_is_html_is_read_as_a_page_with_a_notice() -> Result<(), String> {
    let html = "<!DOCTYPE html><html><head><title>Hata</title></head><body><p>Bu sayfa bir besleme değil, ama okunabilir bir metin içeriyor.</p></body></html>";
    let out = documents("feed.xml", html.as_bytes()).ok_or("not read")?;
    assert_eq!(out.docs.len(), 1);
    assert_eq!(out.docs[0].path, "feed.xml");
    assert!(
        out.notices[0].contains("an HTML page, not a feed"),
        "{:?}",
        out.notices
    );
    Ok(())
}

#[test]
fn malformed_xml_keeps_the_items_that_parse() -> Result<(), String> {
    let xml = "<rss version=\"2.0\"><channel><title>T</title>\
        <item><title>Sağlam</title><description>Bir.</description></item>\
        <item><title>Bozuk & kötü</title><description>İki.</description></item>\
        <item><title>Yine sağlam</title><description>Üç.</description></item>";
    let out = documents("bad.xml", xml.as_bytes()).ok_or("not read")?;
    let titles: Vec<&str> = out.docs.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["Sağlam", "Yine sağlam"]);
    assert!(
        out.notices.iter().any(|n| n.contains("malformed XML")),
        "{:?}",
        out.notices
    );
    Ok(())
}

#[test]
fn garbage_named_as_a_feed_is_skipped_with_a_reason() -> Result<(), String> {
    let out = documents("x.xml", b"<rss><channel><title>only").ok_or("not read")?;
    assert!(out.docs.is_empty());
    assert!(
        out.notices[0].starts_with("x.xml: skipped,"),
        "{:?}",
        out.notices
    );
    Ok(())
}

#[test]
fn item_ids_split_back() {
    assert_eq!(split_item("dir/news.xml#3"), Some(("dir/news.xml", 3)));
    assert_eq!(split_item("a#b"), None);
    assert_eq!(split_item("a#0"), None);
}

#[test]
fn rereading_a_grown_feed_keeps_each_articles_text_key() -> Result<(), String> {
    let item = |t: &str, d: &str| {
        format!(
            "<item><title>{t}</title><link>https://haber.example/{t}</link><description>{d}</description><pubDate>Tue, 05 Mar 2024 10:00:00 +0300</pubDate></item>"
        )
    };
    let feed = |items: &str| {
        format!("<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>")
    };
    let before = feed(&item("Eski haber", "Metin."));
    let after = feed(&format!(
        "{}{}",
        item("Yeni haber", "Başka."),
        item("Eski haber", "Metin.")
    ));
    let old = documents("f.xml", before.as_bytes()).ok_or("not read")?;
    let new = documents("f.xml", after.as_bytes()).ok_or("not read")?;
    // Annotations are keyed by the text's hash and triage by the url: the article moved to
    // #2, its key did not.
    assert_eq!(old.docs[0].key, new.docs[1].key);
    assert_eq!(new.docs[1].path, "f.xml#2");
    Ok(())
}
