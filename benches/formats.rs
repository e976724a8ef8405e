//! Reading news formats on one core: main-text extraction from saved pages (MB/s of HTML),
//! and feed items per second, on inputs built from the test fixtures (Turkish and Arabic
//! pages padded with menus and scripts as real ones are). Run:
//! `cargo bench --bench formats`. `OKUR_BENCH_PAGES` / `OKUR_BENCH_ITEMS` change the sizes.

use std::time::Instant;

use okur::corpus::formats::{read_feed, read_page};

fn count(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A saved page: a fixture with its body and furniture varied by `i`.
fn page(template: &str, i: usize) -> String {
    let menu: String = (0..150)
        .map(|k| format!("<a href='/k{k}'>bağlantı {k}</a>"))
        .collect();
    let script = "var x = 1;".repeat(2000);
    let body: String = (0..12)
        .map(|p| format!("<p>Paragraf {p} sayfa {i}: Dışişleri Bakanı bugün Ankara'da mevkidaşıyla bir araya gelerek bölgesel gelişmeleri ve enerji işbirliğini ele aldı, ortak basın toplantısında açıklama yaptı.</p>"))
        .collect();
    template
        .replace(
            "<main>",
            &format!("<main><div class='menu'>{menu}</div><script>{script}</script>"),
        )
        .replace(
            "<div class=\"news-content\">",
            &format!("<div class=\"news-content\">{body}"),
        )
}

fn feed(items: usize) -> String {
    let items: String = (0..items)
        .map(|i| format!("<item><title>Haber {i}: Merkez Bankası faiz kararını açıkladı</title><link>https://ex.example/{i}</link><pubDate>Tue, 05 Mar 2024 21:30:00 +0300</pubDate><description><![CDATA[<p>Kurul politika faizini sabit tuttu {i}.</p><p>Enflasyonun ana eğilimi yakından izlenecek.</p><p>Piyasalar karara olumlu tepki verdi.</p>]]></description></item>"))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Kaynak</title>{items}</channel></rss>"
    )
}

fn main() {
    let template = include_str!("../tests/fixtures/formats/tr_sayfa.html");
    let pages: Vec<String> = (0..count("OKUR_BENCH_PAGES", 300))
        .map(|i| page(template, i))
        .collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let t = Instant::now();
    let mut words = 0;
    for p in &pages {
        if let Ok((article, _)) = read_page(p.as_bytes(), None) {
            words += article
                .paragraphs
                .iter()
                .map(|p| p.split_whitespace().count())
                .sum::<usize>();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "main text: {} pages, {:.1} MB of HTML in {:.0} ms: {:.1} MB/s ({words} words)",
        pages.len(),
        bytes as f64 / 1e6,
        secs * 1e3,
        bytes as f64 / 1e6 / secs
    );
    let items = count("OKUR_BENCH_ITEMS", 10_000);
    let xml = feed(items);
    let t = Instant::now();
    let read = read_feed(xml.as_bytes(), "bench.xml")
        .map(|r| r.articles.len())
        .unwrap_or(0);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "feed: {read} items ({:.1} MB) in {:.0} ms: {:.0} items/s, {:.1} MB/s",
        xml.len() as f64 / 1e6,
        secs * 1e3,
        read as f64 / secs,
        xml.len() as f64 / 1e6 / secs
    );
}
