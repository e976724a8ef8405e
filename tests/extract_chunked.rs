//! A huge document is extracted in pieces (`okur::extract::chunk`), cut at line breaks no
//! mention crosses and read with a margin of words on each side: what it finds must be what
//! reading it whole finds, people spread from one piece to another and homographs read with
//! the places of every piece included.

use okur::corpus::{Corpus, Document, load_seeds};
use okur::extract::chunk::pieces;
use okur::extract::{Extractor, RawMention, extract_corpus_table, extract_corpus_table_in_pieces};
use proptest::prelude::*;

#[path = "support/seed_words.rs"]
mod seed_words;

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
        text.push_str(&d.text().expect("reads"));
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

/// A document as `gen_bigdoc.py` makes them, from `seed`: paragraphs of one to four
/// sentences of the seeds, and every so often one of seed words drawn at random on one
/// line (where the taggers read two-word persons such as `Erdoğan Son`, whose last word
/// then stands alone in other pieces), about `bytes` long.
fn generated(seed: u64, bytes: usize) -> String {
    let words = seed_words::seed_words();
    let sentences: Vec<String> = load_seeds()
        .corpus
        .docs
        .iter()
        .flat_map(|d| {
            let text = d.text().expect("reads");
            (text.split_inclusive(['.', '!', '?', '؟', '\n']))
                .map(|s| s.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|s| s.len() > 10)
        .collect();
    // xorshift: the same document for the same seed, no crate for it.
    let mut state = seed | 1;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % n as u64).unwrap_or_default()
    };
    let mut text = String::new();
    while text.len() < bytes {
        if next(6) == 0 {
            let para: Vec<&str> = (0..300)
                .map(|_| words[next(words.len())].as_str())
                .collect();
            text.push_str(&para.join(" "));
        } else {
            let para: Vec<&str> = (0..1 + next(4))
                .map(|_| sentences[next(sentences.len())].as_str())
                .collect();
            text.push_str(&para.join(" "));
        }
        text.push_str("\n\n");
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    /// Whatever the piece size (above a floor of a few margins), a document read in pieces
    /// gives the mentions of the document read as one piece, byte for byte.
    #[test]
    fn mentions_do_not_depend_on_the_piece_size(seed in any::<u64>(), size in 0usize..3) {
        let text = generated(seed, 60_000);
        let ex = Extractor::new();
        let whole = ex.extract_text(&text, Some("2024-03-05"));
        for piece in [2_000 + 1_000 * size, 7_000 + 2_000 * size, 20_000] {
            prop_assert!(pieces(&text, piece).len() > 2, "pieces of {}", piece);
            let got = ex.extract_text_in_pieces(&text, Some("2024-03-05"), piece);
            let at = got.iter().zip(&whole).position(|(g, w)| g != w);
            let at = at.unwrap_or(got.len().min(whole.len()));
            prop_assert!(
                got == whole,
                "pieces of {}: mention {} is {:?}, whole {:?}",
                piece,
                at,
                texts(&text, got.get(at..at + 1).unwrap_or_default()),
                texts(&text, whole.get(at..at + 1).unwrap_or_default()),
            );
        }
    }
}

/// A person named in full in one piece (`Sergey Canyatak`) makes the same word alone a
/// person in another piece, as it does in the document read whole: the steps that read the
/// text's surnames run with the document's.
#[test]
fn a_surname_named_in_one_piece_is_read_alone_in_another() {
    let mut text = String::from("Dışişleri Bakanı Sergey Canyatak Ankara'ya geldi.\n\n");
    for _ in 0..30 {
        text.push_str("Cumhurbaşkanı Erdoğan Bakü'de Aliyev ile görüştü.\n\n");
    }
    text.push_str("Karabağ'da Canyatak yerleşim birimi yakınlarında görüşüldü.\n\n");
    let ex = Extractor::new();
    let whole = ex.extract_text(&text, None);
    let alone = text.rfind("Canyatak").unwrap_or_default();
    let kind = |ms: &[RawMention]| ms.iter().find(|m| m.start == alone).map(|m| m.kind);
    for piece in [300, 700] {
        assert!(pieces(&text, piece).len() > 2, "pieces of {piece}");
        let got = ex.extract_text_in_pieces(&text, None, piece);
        assert_eq!(kind(&got), kind(&whole), "pieces of {piece}");
        assert_eq!(got, whole, "pieces of {piece}");
    }
}
