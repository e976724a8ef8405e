//! A huge document is extracted in pieces (`okur::extract::chunk`), cut at line breaks no
//! mention crosses and read with a margin of words on each side: what it finds must be what
//! reading it whole finds, people spread from one piece to another and homographs read with
//! the places of every piece included.

use okur::corpus::{Corpus, Document, load_seeds};
use okur::extract::chunk::pieces;
use okur::extract::{Extractor, RawMention, extract_corpus_table, extract_corpus_table_in_pieces};

/// The seeds one after the other, and between them paragraphs that begin and end with
/// names, some wrapped across a line break, so that every cut falls beside names.
fn long_text() -> String {
    let seeds = load_seeds().corpus.docs;
    let around = [
        "Dışişleri Bakanı Sergey Lavrov Ankara'ya geldi ve Mevlüt Çavuşoğlu ile görüştü.\n\
         Görüşmenin ardından Lavrov, İstanbul'a geçti; Kohl da anıldı, Helmut Kohl",
        "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن لافروف سيزور أنقرة وعمان\n\
         والتقى أردوغان في إسطنبول يوم 5 مارس 2024، ثم عاد لافروف إلى موسكو",
        "Cumhurbaşkanı Recep Tayyip Erdoğan 3 Mart 2024'te Bakü'de İlham Aliyev ile\n\
         görüştü, Erdoğan ertesi gün Ankara'ya döndü. Görüşmeye Başbakan Yardımcısı Ali\n\
         Babacan da katıldı",
    ];
    // A homograph (عمان) is read by the other places of its document: Umman only here.
    let mut text = String::from("Heyet daha önce Umman'a gitmişti.\n\n");
    // The seeds three times over: about 50 KB.
    for (i, d) in seeds.iter().cycle().take(3 * seeds.len()).enumerate() {
        text.push_str(&d.text);
        text.push_str("\n\n");
        text.push_str(around[i % around.len()]);
        text.push_str(if i % 2 == 0 { "\n\n" } else { ".\n" });
    }
    text
}

fn texts<'a>(text: &'a str, ms: &[RawMention]) -> Vec<(usize, &'a str)> {
    ms.iter()
        .map(|m| (m.start, &text[m.start..m.end]))
        .collect()
}

#[test]
fn pieces_agree_with_the_whole_document() {
    let text = long_text();
    let ex = Extractor::new();
    let whole = ex.extract_text(&text, Some("2024-03-05"));
    assert!(whole.len() > 600, "{} mentions", whole.len());
    for piece in [700, 1500, 4000] {
        let cuts = pieces(&text, piece).len();
        assert!(cuts > text.len() / piece / 4, "{cuts} pieces of {piece}");
        let got = ex.extract_text_in_pieces(&text, Some("2024-03-05"), piece);
        if got != whole {
            // The first difference, with its text, rather than a thousand mentions.
            let at = got.iter().zip(&whole).position(|(g, w)| g != w);
            let at = at.unwrap_or(got.len().min(whole.len()));
            panic!(
                "pieces of {piece}: mention {at} is {:?}, whole {:?}",
                texts(&text, got.get(at..at + 1).unwrap_or_default()),
                texts(&text, whole.get(at..at + 1).unwrap_or_default()),
            );
        }
    }
}

#[test]
fn a_corpus_with_a_huge_document_links_the_same() {
    let mut docs = load_seeds().corpus.docs;
    // Surnames the big document names in full in one piece and alone in others, and a
    // homograph (عمان) whose reading another piece decides.
    docs.push(Document::from_text("big.txt", long_text()));
    docs.push(Document::from_text(
        "short.txt",
        "Lavrov ile Aliyev Bakü'de görüştü; عمان".to_string(),
    ));
    let corpus = Corpus { docs };
    let ex = Extractor::new();
    let done = Default::default();
    let whole = extract_corpus_table(&ex, &corpus, &done);
    let cut = extract_corpus_table_in_pieces(&ex, &corpus, &done, 1000);
    assert!(whole.len() > 1000, "{} mentions", whole.len());
    assert_eq!(cut.entities, whole.entities);
    assert_eq!(cut.to_extraction().mentions, whole.to_extraction().mentions);
}

/// A day of "the same month" in a piece that names no month before it takes the month named
/// last in the pieces before, as reading the document whole does (it had no value).
#[test]
fn a_day_of_the_same_month_takes_the_month_named_in_an_earlier_piece() {
    let mut text = String::from("وصل لافروف إلى أنقرة في 5 مارس 2024 والتقى أردوغان.\n\n");
    for _ in 0..40 {
        text.push_str("Dışişleri Bakanı Sergey Lavrov Ankara'ya geldi ve görüştü.\n\n");
    }
    text.push_str("ثم عاد لافروف إلى موسكو في 20 من الشهر نفسه.\n\n");
    for _ in 0..10 {
        text.push_str("Lavrov İstanbul'a geçti.\n\n");
    }
    let ex = Extractor::new();
    let whole = ex.extract_text(&text, None);
    let day = |ms: &[RawMention]| {
        ms.iter()
            .find(|m| text[m.start..m.end].contains("نفسه"))
            .and_then(|m| m.value.clone())
    };
    assert_eq!(day(&whole).as_deref(), Some("2024-03-20"));
    for piece in [300, 700, 1500] {
        assert!(pieces(&text, piece).len() > 2, "pieces of {piece}");
        let got = ex.extract_text_in_pieces(&text, None, piece);
        assert_eq!(day(&got), day(&whole), "pieces of {piece}");
        assert_eq!(got, whole, "pieces of {piece}");
    }
}
