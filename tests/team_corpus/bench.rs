//! A measurement, not a check (it prints, it asserts nothing about time): a server corpus
//! of generated Turkish and Arabic articles, loaded through `okur::team::corpus::upload`,
//! then the selective query and the loaded working set for a filter selecting about 20,000
//! of a million.
//!
//! ```sh
//! OKUR_BENCH_ARTICLES=1000000 cargo test --release --test team_corpus -- --ignored \
//!     --nocapture bench_selecting
//! ```
//! With `OKUR_BENCH_OKUR=target/release/okur` it also times the reader's first frame on the
//! selection (benches/support/first_frame.py, 5 runs).

use std::time::Instant;

use okur::corpus::{ArticleMeta, Document};
use okur::team::corpus::{Selection, select, upload};
use okur::team::schema;

use super::team_cluster::{self, Cluster};

const TR_SOURCES: [&str; 10] = [
    "TRT Haber",
    "Anadolu Ajansı",
    "Hürriyet",
    "Sabah",
    "Milliyet",
    "Cumhuriyet",
    "Sözcü",
    "NTV",
    "Habertürk",
    "Dünya",
];
const AR_SOURCES: [&str; 10] = [
    "الجزيرة نت",
    "العربية",
    "الأهرام",
    "الشرق الأوسط",
    "القدس العربي",
    "الخليج",
    "الرياض",
    "النهار",
    "الوطن",
    "البيان",
];
const TR_WORDS: [&str; 24] = [
    "ERDOĞAN",
    "Cumhurbaşkanı",
    "Ankara'da",
    "İstanbul",
    "görüştü",
    "açıkladı",
    "ekonomi",
    "Merkez Bankası",
    "faiz",
    "seçim",
    "belediye",
    "Dışişleri",
    "Bakanı",
    "toplantı",
    "enerji",
    "işbirliği",
    "güvenlik",
    "deprem",
    "İzmir'de",
    "Çavuşoğlu",
    "Şanlıurfa",
    "öğrenciler",
    "üniversite",
    "meclis",
];
const AR_WORDS: [&str; 24] = [
    "مُحَمَّد",
    "الرئيس",
    "القاهرة",
    "الرياض",
    "وزير",
    "الخارجية",
    "اجتماع",
    "الاقتصاد",
    "الحكومة",
    "الانتخابات",
    "الأمن",
    "مجلس",
    "النواب",
    "الطاقة",
    "التعاون",
    "قِمَّة",
    "بغداد",
    "دمشق",
    "لافروف",
    "أَرْدُوغان",
    "الطلاب",
    "الجامعة",
    "المؤتمر",
    "السلام",
];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let i = usize::try_from(self.0 % u64::try_from(words.len()).unwrap_or(1)).unwrap_or(0);
        words[i]
    }
}

/// Article `i`: a source out of twenty, a day in 2020–2024, a title and three paragraphs
/// (about 700 bytes), unique by its number.
fn article(i: u64, rng: &mut Rng) -> Document {
    let s = usize::try_from(i % 20).unwrap_or(0);
    let (source, words) = match s < 10 {
        true => (TR_SOURCES[s], &TR_WORDS),
        false => (AR_SOURCES[s - 10], &AR_WORDS),
    };
    let mut text = String::with_capacity(800);
    for _ in 0..6 {
        text.push_str(rng.pick(words));
        text.push(' ');
    }
    text.push_str(&format!("{i}\n"));
    for _ in 0..3 {
        text.push('\n');
        for _ in 0..22 {
            text.push_str(rng.pick(words));
            text.push(' ');
        }
        text.push_str(".\n");
    }
    // 1827 days from 2020-01-01; the step is prime to it, so the days spread evenly.
    let day = time::Date::from_calendar_date(2020, time::Month::January, 1).expect("a date")
        + time::Duration::days(i64::try_from((i / 20 * 7919) % 1827).unwrap_or(0));
    let mut doc = Document::from_text(format!("gen/{i}"), text);
    doc.meta = Some(Box::new(ArticleMeta {
        source: Some(source.to_string()),
        published: Some(format!("{day}T10:00:00+03:00")),
        ..ArticleMeta::default()
    }));
    doc
}

#[test]
#[ignore = "a measurement: OKUR_BENCH_ARTICLES=N cargo test --release --test team_corpus -- --ignored --nocapture bench_selecting"]
fn bench_selecting_from_a_large_server_corpus() {
    // `.ci/run` runs this file's checks with `--ignored`: the measurement runs only when
    // asked for by its size (a million articles take minutes to load).
    let Some(total) = std::env::var("OKUR_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse::<u64>().ok())
    else {
        eprintln!("bench skipped: set OKUR_BENCH_ARTICLES=N to run it");
        return;
    };
    let cluster = Cluster::start();
    let mut admin = cluster.admin();
    schema::migrate(&mut admin).expect("init");
    // A bulk load builds the trigram index once at the end rather than row by row.
    admin
        .batch_execute("DROP INDEX okur.articles_folded; SET maintenance_work_mem = '1GB'")
        .expect("drop the index for the bulk load");
    let started = Instant::now();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let (mut generated, mut sent) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
    let chunk = 10_000;
    for start in (0..total).step_by(chunk) {
        let t = Instant::now();
        let docs: Vec<Document> = (start..total.min(start + 10_000))
            .map(|i| article(i, &mut rng))
            .collect();
        generated += t.elapsed();
        let t = Instant::now();
        upload(&mut admin, &docs, &[]).expect("upload");
        sent += t.elapsed();
    }
    let t = Instant::now();
    admin
        .batch_execute(
            "CREATE INDEX articles_folded ON okur.articles USING gin (folded gin_trgm_ops);
             ANALYZE okur.articles",
        )
        .expect("index");
    let indexed = t.elapsed();
    let size: String = admin
        .query_one(
            "SELECT pg_size_pretty(pg_total_relation_size('okur.articles'))",
            &[],
        )
        .expect("size")
        .get(0);
    eprintln!(
        "{total} articles: generated in {generated:?}, uploaded in {sent:?}, trigram index and analyze {indexed:?} (total {:?}); table with indexes {size}",
        started.elapsed()
    );
    // The first selects about 20,000 of 200,000, the second about 20,000 of 1,000,000.
    let filters = [
        "lang:tr since:2024-01-01",
        "src:\"trt haber\" since:2023-01-01 until:2024-12-31",
        "src:الجزيرة since:2023-01-01 until:2024-12-31",
        "src:trt since:2023 erdogan",
        "since:2024-06 until:2024-06 محمد",
        "قمه دمشق since:2024-11",
    ];
    for filter in filters {
        measure(&cluster, filter);
    }
    if let Ok(binary) = std::env::var("OKUR_BENCH_OKUR") {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = dir.path().join("journal.jsonl");
        let url = cluster.url(team_cluster::ADMIN);
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/benches/support/first_frame.py"
        );
        let out = std::process::Command::new("python3")
            .args([script, "5", &binary, "--store"])
            .arg(&store)
            .args(["--team", &url, "--select", filters[1]])
            .output()
            .expect("first_frame.py");
        eprintln!(
            "first frame, `okur --team URL --select '{}'`:\n{}",
            filters[1],
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

/// Prints the server's own time for the selective query (EXPLAIN ANALYZE, best of 3 after
/// a warm-up run) and the client's time to the loaded working set (connect, query, every
/// row made a document).
fn measure(cluster: &Cluster, filter: &str) {
    let selection = Selection::parse(filter).expect("a selection");
    let (sql, params) = selection.sql(50_001);
    let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
        params.iter().map(|p| p.as_ref()).collect();
    let mut admin = cluster.admin();
    let mut server_ms = f64::MAX;
    let mut plan = String::new();
    for _ in 0..4 {
        let rows = admin
            .query(&format!("EXPLAIN (ANALYZE, FORMAT JSON) {sql}"), &refs)
            .expect("explain");
        let json: serde_json::Value = rows[0].get(0);
        let ms = json[0]["Execution Time"].as_f64().unwrap_or(f64::NAN);
        server_ms = server_ms.min(ms);
        plan = json[0]["Plan"]["Plans"][0]["Node Type"]
            .as_str()
            .or(json[0]["Plan"]["Node Type"].as_str())
            .unwrap_or("?")
            .to_string();
    }
    let mut loaded = Vec::new();
    let mut count = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let mut client =
            postgres::Client::connect(&cluster.url(team_cluster::ADMIN), postgres::NoTls)
                .expect("connect");
        let selected = select(&mut client, &selection, 50_000).expect("select");
        loaded.push(t.elapsed());
        count = selected.docs.len();
    }
    loaded.sort();
    eprintln!(
        "{filter:?}: {count} articles; server {server_ms:.1} ms (best of 4, plan {plan}); loaded working set {:?} median of 3 ({:?}..{:?})",
        loaded[1], loaded[0], loaded[2]
    );
}
