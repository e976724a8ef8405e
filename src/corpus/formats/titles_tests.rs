use super::*;
use crate::corpus::formats::documents;

/// The (id, title, day) of every document the full reader makes of `bytes`.
fn full(name: &str, bytes: &[u8]) -> Vec<(String, String, Option<String>)> {
    let docs = documents(name, bytes).map(|d| d.docs).unwrap_or_default();
    docs.into_iter()
        .map(|d| {
            let date = d.date().map(str::to_string);
            (d.path, d.title, date)
        })
        .collect()
}

/// The same, from the title scan.
fn scanned(name: &str, bytes: &[u8]) -> Vec<(String, String, Option<String>)> {
    let first_line = |t: &str| {
        let line = t.lines().map(str::trim).find(|l| !l.is_empty());
        line.unwrap_or("").to_string()
    };
    match titles(name, bytes) {
        Some(Titles::Single(t)) => vec![(name.to_string(), first_line(&t.title), t.date)],
        Some(Titles::Items(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, t)| (format!("{name}#{}", i + 1), first_line(&t.title), t.date))
            .collect(),
        Some(Titles::Later) | None => Vec::new(),
    }
}

/// Every fixture file of the news formats, mail and links, Maildir messages included.
fn fixture_files() -> std::io::Result<Vec<std::path::PathBuf>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut folders: Vec<std::path::PathBuf> = ["formats", "mail", "links"]
        .iter()
        .map(|f| std::path::Path::new(root).join(f))
        .collect();
    let mut files = Vec::new();
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder)? {
            let path = entry?.path();
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            match path.is_dir() {
                true => folders.push(path),
                false if !hidden => files.push(path),
                false => {}
            }
        }
    }
    Ok(files)
}

#[test]
fn the_scan_agrees_with_the_full_readers_on_every_fixture() -> std::io::Result<()> {
    let mut checked = 0;
    for path in fixture_files()? {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path)?;
        if matches!(titles(&name, &bytes), Some(Titles::Later) | None) {
            continue;
        }
        let want = full(&name, &bytes);
        assert!(!want.is_empty(), "{name}");
        assert_eq!(scanned(&name, &bytes), want, "{name}");
        checked += 1;
    }
    assert!(checked >= 16, "{checked} fixtures checked");
    Ok(())
}

#[test]
fn items_the_full_reader_skips_are_not_numbered() {
    let xml = "<rss version=\"2.0\"><channel><title>T</title>\
        <item><title>Birinci &amp; son</title><pubDate>Tue, 05 Mar 2024 23:30:00 +0300</pubDate></item>\
        <item><link>https://x.example/bos</link></item>\
        <item><description>&lt;p&gt;Başlıksız haber metni.&lt;/p&gt;</description></item>\
        <item><title><![CDATA[<b>Kalın</b> başlık]]></title></item>\
        </channel></rss>";
    let got = scanned("f.xml", xml.as_bytes());
    assert_eq!(got, full("f.xml", xml.as_bytes()));
    let titles: Vec<&str> = got.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(
        titles,
        ["Birinci & son", "Başlıksız haber metni.", "Kalın başlık"]
    );
    assert_eq!(got[0].2.as_deref(), Some("2024-03-05"));
}

#[test]
fn atom_html_titles_and_json_records_agree() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>نشرة</title><id>x</id><updated>2024-03-06T10:00:00+03:00</updated>
<entry><title type="html">قمة &lt;b&gt;إقليمية&lt;/b&gt; في الدوحة</title><id>1</id><updated>2024-03-06T01:50:00+03:00</updated><content type="html">&lt;p&gt;نص.&lt;/p&gt;</content></entry>
<entry><title></title><id>2</id><updated>2024-03-06T01:50:00+03:00</updated><summary>ملخص الخبر</summary></entry></feed>"#;
    assert_eq!(
        scanned("a.atom", atom.as_bytes()),
        full("a.atom", atom.as_bytes())
    );
    let lines = "{\"title\":\"Bir\\nİki\",\"text\":\"metin\",\"date\":\"2024-03-05T23:30:00+03:00\"}\n\
        [1]\n{oops\n{\"headline\":\"  \",\"body\":\"<p>Gövde</p>\"}\n{\"title\":7}\n\
        {\"name\":\"x\",\"title\":\"Önce\",\"title\":\"Sonra\",\"nested\":{\"title\":\"yok\"}}\n";
    assert_eq!(
        scanned("d.jsonl", lines.as_bytes()),
        full("d.jsonl", lines.as_bytes())
    );
    let array = "[{\"title\":\"A\"}, 3, null, {\"text\":\"B metni\"}, [\"x\"]]";
    assert_eq!(
        scanned("d.json", array.as_bytes()),
        full("d.json", array.as_bytes())
    );
}

#[test]
fn a_page_title_comes_from_its_head() {
    let html = "<!DOCTYPE html><html lang=\"tr\"><head><meta charset=\"utf-8\"><title>Kısa</title>\
        <meta property=\"article:published_time\" content=\"2024-03-05T23:30:00+03:00\"></head>\
        <body><nav>menü</nav><h1>Valilik kar yağışı nedeniyle okulları tatil etti</h1>\
        <p>İstanbul Valiliği, kar yağışı nedeniyle yarın okulların tatil edildiğini açıkladı. Valilik, vatandaşların zorunlu olmadıkça yola çıkmamasını istedi.</p></body></html>";
    let got = scanned("p.html", html.as_bytes());
    assert_eq!(got, full("p.html", html.as_bytes()));
    assert_eq!(got[0].2.as_deref(), Some("2024-03-05"));
}

#[test]
fn xml_text_decodes_entities_and_cdata() {
    assert_eq!(
        xml_text("a &amp;lt; &#x15F;&#287; <![CDATA[<b>&amp;</b>]]>"),
        "a &lt; şğ <b>&amp;</b>"
    );
    assert_eq!(xml_text("&nbsp;&"), "&nbsp;&");
}
