//! Writes a news corpus in okur's formats for start-up measurements: RSS and Atom feeds in
//! Turkish and Arabic (10,000 items in all), 1,000 saved article pages padded with the
//! menus, scripts and links real ones carry, and a JSON-lines dump.
//!
//! ```sh
//! cargo run --release --example formats_corpus -- DIR [FEEDS ITEMS PAGES RECORDS]
//! python3 benches/support/first_frame.py 7 target/release/okur --store J.jsonl DIR
//! ```
//!
//! The defaults are 10 feeds of 1,000 items, 1,000 pages and 5,000 dump records. The
//! content is deterministic, so two runs write the same bytes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const TR_SENTENCES: [&str; 6] = [
    "Dışişleri Bakanı bugün Ankara'da mevkidaşıyla bir araya gelerek bölgesel gelişmeleri ele aldı.",
    "Merkez Bankası politika faizini sabit tutarken enflasyonun ana eğiliminin izleneceğini açıkladı.",
    "İstanbul'da düzenlenen zirvede enerji işbirliği ve ticaret hacmi konuşuldu.",
    "Meclis Genel Kurulu'nda kabul edilen düzenleme yarın Resmî Gazete'de yayımlanacak.",
    "Uzmanlar, kuraklığın tarım üretimini önümüzdeki yıl da etkileyebileceği uyarısında bulundu.",
    "Görüşmenin ardından iki ülke arasında üç ayrı anlaşma imzalandı.",
];

const AR_SENTENCES: [&str; 6] = [
    "قال وزير الخارجية إن المحادثات مع نظيره في أنقرة تناولت التطورات الإقليمية.",
    "أعلن البنك المركزي إبقاء سعر الفائدة دون تغيير مع مراقبة اتجاه التضخم.",
    "ناقشت القمة المنعقدة في الدوحة التعاون في مجال الطاقة وحجم التبادل التجاري.",
    "وافق مجلس النواب على مشروع القانون الذي سينشر في الجريدة الرسمية غدا.",
    "حذر خبراء من أن الجفاف قد يؤثر على الإنتاج الزراعي في العام المقبل.",
    "ووقع البلدان ثلاث اتفاقيات عقب المحادثات في العاصمة.",
];

fn count(args: &[String], at: usize, default: usize) -> usize {
    args.get(at).and_then(|a| a.parse().ok()).unwrap_or(default)
}

/// `n` sentences of `from`, starting at `seed`, with the number `seed` in the first.
fn text(from: &[&str; 6], seed: usize, n: usize) -> Vec<String> {
    (0..n)
        .map(|k| format!("{} ({seed}-{k})", from[(seed + k) % from.len()]))
        .collect()
}

fn rss_feed(name: &str, lang: &str, items: usize, feed: usize) -> String {
    let sentences = if lang == "ar" {
        &AR_SENTENCES
    } else {
        &TR_SENTENCES
    };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>{name}</title><link>https://{lang}{feed}.haber.example/</link><language>{lang}</language>\n"
    );
    for i in 0..items {
        let paras: String = text(sentences, i + feed, 4)
            .iter()
            .map(|p| format!("<p>{p}</p>"))
            .collect();
        let _ = writeln!(
            out,
            "<item><title>{} {feed}/{i}</title><link>/haber/{feed}/{i}</link><guid isPermaLink=\"false\">{feed}-{i}</guid><pubDate>Tue, 05 Mar 2024 {:02}:{:02}:00 +0300</pubDate><dc:creator>Muhabir {i}</dc:creator><description><![CDATA[{paras}]]></description></item>",
            sentences[i % sentences.len()].trim_end_matches('.'),
            i % 24,
            i % 60
        );
    }
    out.push_str("</channel></rss>\n");
    out
}

fn atom_feed(name: &str, items: usize, feed: usize) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\" xml:base=\"https://ar{feed}.nashra.example/\"><title>{name}</title><id>urn:okur:{feed}</id><updated>2024-03-06T10:00:00+03:00</updated><author><name>غرفة الأخبار</name></author>\n"
    );
    for i in 0..items {
        let paras: String = text(&AR_SENTENCES, i + feed, 4)
            .iter()
            .map(|p| format!("&lt;p&gt;{p}&lt;/p&gt;"))
            .collect();
        let _ = writeln!(
            out,
            "<entry><title>{} {feed}/{i}</title><link rel=\"alternate\" href=\"akhbar/{i}\"/><id>urn:okur:{feed}:{i}</id><published>2024-03-06T{:02}:{:02}:00+03:00</published><updated>2024-03-06T10:00:00+03:00</updated><content type=\"html\">{paras}</content></entry>",
            AR_SENTENCES[i % AR_SENTENCES.len()].trim_end_matches('.'),
            i % 24,
            i % 60
        );
    }
    out.push_str("</feed>\n");
    out
}

/// A saved page as browsers save them: a head with inline scripts and meta tags, menus,
/// the article, related links and a footer.
fn page(i: usize) -> String {
    let (lang, dir, sentences, site) = match i % 2 {
        0 => ("tr", "ltr", &TR_SENTENCES, "Haber Sitesi"),
        _ => ("ar", "rtl", &AR_SENTENCES, "موقع الأخبار"),
    };
    let title = format!("{} {i}", sentences[i % 6].trim_end_matches('.'));
    let script =
        "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} "
            .repeat(120);
    let menu: String = (0..120)
        .map(|k| format!("<li><a href='/kategori/{k}'>bağlantı {k}</a></li>"))
        .collect();
    let body: String = text(sentences, i, 14)
        .iter()
        .map(|p| format!("<p>{p} {p}</p>\n"))
        .collect();
    let related: String = (0..30)
        .map(|k| format!("<li><a href='/haber/{k}'>{} {k}</a></li>", sentences[k % 6]))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\n<title>{title} | {site}</title>\n<meta property=\"og:site_name\" content=\"{site}\">\n<meta property=\"og:title\" content=\"{title}\">\n<meta property=\"og:url\" content=\"/{lang}/haber/{i}\">\n<link rel=\"canonical\" href=\"/{lang}/haber/{i}\">\n<meta property=\"article:published_time\" content=\"2024-03-05T21:{:02}:00+03:00\">\n<script>{script}</script>\n<style>body{{margin:0}} .menu li{{display:inline}}</style>\n</head><body>\n<header><nav><ul class=\"menu\">{menu}</ul></nav></header>\n<main><article><h1>{title}</h1><div class=\"news-content\">\n{body}</div></article>\n<aside><h3>İlgili</h3><ul>{related}</ul></aside></main>\n<footer><p>© {site}</p><script>{script}</script></footer></body></html>\n",
        i % 60
    )
}

fn dump(records: usize) -> String {
    let mut out = String::new();
    for i in 0..records {
        let (sentences, lang) = match i % 2 {
            0 => (&TR_SENTENCES, "tr"),
            _ => (&AR_SENTENCES, "ar"),
        };
        let record = serde_json::json!({
            "title": format!("{} {i}", sentences[i % 6].trim_end_matches('.')),
            "maintext": text(sentences, i, 10).join("\n\n"),
            "url": format!("https://dump.example/{lang}/{i}"),
            "date_publish": format!("2024-03-{:02} 20:00:00", 1 + i % 28),
            "language": lang,
            "source_domain": "dump.example",
        });
        let _ = writeln!(out, "{record}");
    }
    out
}

fn write(path: PathBuf, content: &str) -> std::io::Result<usize> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&path, content)?;
    Ok(content.len())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(Path::new) else {
        eprintln!("usage: formats_corpus DIR [FEEDS ITEMS PAGES RECORDS]");
        std::process::exit(2);
    };
    let (feeds, items) = (count(&args, 1, 10), count(&args, 2, 1000));
    let (pages, records) = (count(&args, 3, 1000), count(&args, 4, 5000));
    let mut bytes = [0usize; 3];
    for f in 0..feeds {
        let (name, xml) = match f % 4 {
            0 | 2 => (
                format!("tr_{f:02}.xml"),
                rss_feed("Haber Ajansı", "tr", items, f),
            ),
            1 => (
                format!("ar_{f:02}.atom"),
                atom_feed("نشرة الأخبار", items, f),
            ),
            _ => (format!("ar_{f:02}.rss"), rss_feed("الأخبار", "ar", items, f)),
        };
        bytes[0] += write(dir.join("feeds").join(name), &xml)?;
    }
    for i in 0..pages {
        bytes[1] += write(dir.join("pages").join(format!("{i:04}.html")), &page(i))?;
    }
    if records > 0 {
        bytes[2] += write(dir.join("dump.jsonl"), &dump(records))?;
    }
    let mb = |b: usize| b as f64 / 1e6;
    println!(
        "{}: {feeds} feeds of {items} items ({:.1} MB), {pages} pages ({:.1} MB), {records} dump records ({:.1} MB)",
        dir.display(),
        mb(bytes[0]),
        mb(bytes[1]),
        mb(bytes[2])
    );
    Ok(())
}
