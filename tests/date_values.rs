//! Date values: a checked list of Turkish and Arabic date phrases in sentences, each with the
//! value it must resolve to against a known dateline (2020-11-13, a Friday, unless a case
//! says otherwise), kept in `tests/fixtures/date_values.tsv`. The list was worked out by hand
//! from the calendar, not from okur's output. At least 95% must be right; every miss is
//! printed.

use okur::extract::{Extractor, Kind};

/// The dateline the sentences of the tests below the list are read against (a Friday).
const D: &str = "2020-11-13";

/// One line of the list: a sentence read against a dateline, the date phrase in it, and the
/// value the phrase must get (`None` when it must have none).
struct Case {
    dateline: String,
    lang: String,
    sentence: String,
    phrase: String,
    value: Option<String>,
}

/// The list's cases, in its order; a line that is not five tab-separated fields fails the test
/// (a list quietly read short would still pass at 95%).
fn cases() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/date_values.tsv"
    );
    let list = std::fs::read_to_string(path).expect("tests/fixtures/date_values.tsv");
    list.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let [dateline, lang, sentence, phrase, value] = f[..] else {
                panic!("not five fields: {line}");
            };
            Case {
                dateline: dateline.to_string(),
                lang: lang.to_string(),
                sentence: sentence.to_string(),
                phrase: phrase.to_string(),
                value: (value != "-").then(|| value.to_string()),
            }
        })
        .collect()
}

/// The value of the date mention that overlaps `phrase` in `text`, if one does.
fn value_of(
    ex: &Extractor,
    dateline: &str,
    text: &str,
    phrase: &str,
) -> Result<Option<String>, String> {
    let at = text.find(phrase).ok_or("phrase not in sentence")?;
    let end = at + phrase.len();
    let ms = ex.extract_text(text, Some(dateline));
    ms.into_iter()
        .find(|m| m.kind == Kind::Date && m.start < end && at < m.end)
        .map(|m| m.value)
        .ok_or_else(|| "no date found".to_string())
}

fn score(cases: &[&Case]) -> (usize, Vec<String>) {
    let ex = Extractor::new();
    let mut misses = Vec::new();
    for case in cases {
        let (text, phrase, want) = (&case.sentence, &case.phrase, case.value.as_deref());
        match value_of(&ex, &case.dateline, text, phrase) {
            Ok(got) if got.as_deref() == want => {}
            Ok(got) => misses.push(format!("{phrase}: got {got:?}, want {want:?}  ({text})")),
            Err(e) => misses.push(format!("{phrase}: {e}  ({text})")),
        }
    }
    (cases.len() - misses.len(), misses)
}

#[test]
fn date_values_are_right() {
    let mut total = 0;
    let mut right = 0;
    let all = cases();
    for name in ["tr", "ar"] {
        let cases: Vec<&Case> = all.iter().filter(|c| c.lang == name).collect();
        assert!(!cases.is_empty(), "no {name} cases");
        let (ok, misses) = score(&cases);
        println!("date values {name}: {ok}/{} right", cases.len());
        for m in &misses {
            println!("  miss {m}");
        }
        total += cases.len();
        right += ok;
    }
    let share = right as f64 / total as f64;
    assert!(
        share >= 0.95,
        "date values right {right}/{total} = {share:.3} < 0.95"
    );
}

/// The date mentions of `text` read against [`D`]: their text and value.
fn dates<'t>(ex: &Extractor, text: &'t str) -> Vec<(&'t str, Option<String>)> {
    ex.extract_text(text, Some(D))
        .into_iter()
        .filter(|m| m.kind == Kind::Date)
        .map(|m| (&text[m.start..m.end], m.value))
        .collect()
}

#[test]
fn year_halves_and_month_ranges_have_their_spans_and_values() {
    let ex = Extractor::new();
    let mut wrong = Vec::new();
    for (text, span, want) in [
        (
            "Büyüme 2024'ün ilk yarısında yavaşladı.",
            "2024'ün ilk yarı",
            "2024-40",
        ),
        (
            "Büyüme yılın ikinci yarısında hızlanacak.",
            "yılın ikinci yarı",
            "2020-41",
        ),
        (
            "İhracat geçen yılın ilk yarısında arttı.",
            "geçen yılın ilk yarı",
            "2019-40",
        ),
        (
            "نما الاقتصاد في النصف الأول من 2024.",
            "النصف الأول من 2024",
            "2024-40",
        ),
        (
            "تراجع النمو في النصف الثاني من العام الماضي.",
            "النصف الثاني من العام الماضي",
            "2019-41",
        ),
        (
            "Hasat Mart-Nisan 2024 döneminde yapıldı.",
            "Mart-Nisan 2024",
            "2024-03/2024-04",
        ),
        (
            "Fiyatlar Ocak ile Mart arasında yükseldi.",
            "Ocak ile Mart",
            "2020-01/2020-03",
        ),
        (
            "تراجعت المبيعات في مارس وأبريل.",
            "مارس وأبريل",
            "2020-03/2020-04",
        ),
        (
            "ارتفعت الأسعار من يناير إلى مارس 2024.",
            "يناير إلى مارس 2024",
            "2024-01/2024-03",
        ),
        (
            "ارتفعت الأسعار من يناير حتى مارس.",
            "يناير حتى مارس",
            "2020-01/2020-03",
        ),
    ] {
        let got = dates(&ex, text);
        if got != [(span, Some(want.to_string()))] {
            wrong.push(format!("{text}: got {got:?}, want {span:?} = {want}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_half_without_its_year_is_a_game_not_a_date() {
    let ex = Extractor::new();
    for text in [
        "Takım ilk yarıda iki gol attı.",
        "Maçın ilk yarısında gol yok.",
        "سجل الفريق هدفين في النصف الأول من المباراة.",
        "Ev sahibi ikinci yarıya hızlı başladı.",
    ] {
        let dates: Vec<&str> = ex
            .extract_text(text, Some(D))
            .into_iter()
            .filter(|m| m.kind == Kind::Date)
            .map(|m| &text[m.start..m.end])
            .collect();
        assert!(dates.is_empty(), "{text}: {dates:?}");
    }
}

#[test]
fn words_that_only_look_like_dates_are_not_dates() {
    let ex = Extractor::new();
    let mut wrong = Vec::new();
    for text in [
        "Kasım Bey dün değil, bugünkü toplantıya katıldı.",
        "مارس الرياضة منذ صغره.",
        "Bunu bir kenara yaz ve unut.",
        "بلغت السياسة مرحلة صعبة.",
        // `pazar` "market"; `Ramazan`, `Recep` as a feast and a name; a cup quarter-final.
        "Türk şirketleri yeni pazar arıyor.",
        "İhracatçılar pazar kaybetmedi.",
        "Ürünler pazara çıktı.",
        "Bu pazarda rekabet sert.",
        "Türkiye'nin yüzde 53 pazar payı var.",
        "Ramazan Bayramı kutlandı.",
        "Recep Tayyip Erdoğan konuştu.",
        "Takım çeyrek finale yükseldi.",
        // Counted nouns, years inside names, a law's title, amounts, a newspaper.
        "قتل 2023 شخصا في الزلزال.",
        "شاركت ١٥ دولة في القمة.",
        "فاز المنتخب بكأس آسيا 2023.",
        "وفق مستهدفات رؤية المملكة 2030.",
        "صدر القانون رقم ٤ لسنة ٢٠٢٢ بشأن الضرائب.",
        "بدأ المؤتمر بمشاركة ٢٠٠٠ خبير.",
        "تراوحت المبالغ بين 2000 و5000 يورو.",
        "قال المدير لصحيفة اليوم السابع إن العمل مستمر.",
        "أقيمت المباراة على ملعب 5 جويلية.",
        "تقدم الفريق في الربع الأول من المباراة.",
        // Identifiers and codes that open with digits: letters after a number are a decade
        // only as `-lı`, `-lar` and their case endings.
        "Haber 80LhOt6ZPFHhJC2dfJKpBB0u7aIlCw9g geldi.",
        "Kod 90lxq ile giriş yapıldı.",
        "Token 20leaks sızdırıldı.",
    ] {
        let dates: Vec<&str> = ex
            .extract_text(text, Some(D))
            .into_iter()
            .filter(|m| m.kind == Kind::Date)
            .map(|m| &text[m.start..m.end])
            .filter(|t| !matches!(*t, "dün"))
            .collect();
        if !dates.is_empty() {
            wrong.push(format!("{text}: {dates:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "dates where none are:\n{}",
        wrong.join("\n")
    );
}

/// `kişi` "person" folds like `kış` "winter" with an ending (`kis` + `i`): no date takes it
/// in as a season, in capitals neither (`KİŞİ`: a dotted capital is `i`). The season words
/// still are seasons.
#[test]
fn a_season_is_read_by_its_letters_not_its_fold() {
    let ex = Extractor::new();
    let mut wrong = Vec::new();
    for (text, word) in [
        ("1000'lerce kişi meydanda toplandı.", "kişi"),
        ("Törene 2000 kişi katıldı.", "kişi"),
        ("Meydanda 2000 KİŞİ vardı.", "KİŞİ"),
        ("2000 kişiyle yürüdüler.", "kişiyle"),
        ("Yüzlerce araç, 300'lerce kişi geldi.", "kişi"),
        // Typed without Turkish letters `kişi` is `kisi`, as `kışı` is: a count of people by
        // its verb.
        ("Toplantiya 2000 kisi katildi.", "kisi"),
        ("Meydanda 1500 kisi toplandi.", "kisi"),
        // or by a demonstrative: "this winter" is `bu kis`, without the ending.
        ("Bu kisi cok iyi konustu.", "kisi"),
    ] {
        let at = text.find(word).expect("word in text");
        let (from, to) = (at, at + word.len());
        let seasons: Vec<(&str, Option<String>)> = dates(&ex, text)
            .into_iter()
            .filter(|(span, _)| {
                // The span is a slice of `text`: its offset there.
                let start = span.as_ptr() as usize - text.as_ptr() as usize;
                start < to && from < start + span.len()
            })
            .collect();
        if !seasons.is_empty() {
            wrong.push(format!("{text}: {seasons:?} takes in {word}"));
        }
    }
    for (text, span, want) in [
        ("2019 kışında kar yağdı.", "2019 kış", "2019-24"),
        ("Seçim 2018 güzü yapıldı.", "2018 güz", "2018-23"),
        ("2019 kisinda kar yagdi.", "2019 kis", "2019-24"),
        ("Sonra 2019 kisi cok soguk gecti.", "2019 kis", "2019-24"),
        // In capitals the case says nothing; with the compound ending it is the year's.
        ("TOPLANTI 2019 KIŞI YAPILDI.", "2019 KIŞ", "2019-24"),
        (
            "Proje 2018 İLKBAHARINDA başladı.",
            "2018 İLKBAHAR",
            "2018-21",
        ),
        ("Proje 2019 Sonbaharı başladı.", "2019 Sonbahar", "2019-23"),
    ] {
        let got = dates(&ex, text);
        if got != [(span, Some(want.to_string()))] {
            wrong.push(format!("{text}: got {got:?}, want {span} = {want}"));
        }
    }
    // A bare capitalised season word after a year opens a name.
    let olympics = dates(&ex, "2022 Kış Olimpiyatları başladı.");
    if !olympics.is_empty() {
        wrong.push(format!("2022 Kış Olimpiyatları: {olympics:?}"));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn relative_dates_resolve_after_a_dateline_with_a_month_name() {
    use okur::corpus::Document;
    let ex = Extractor::new();
    for (text, phrase, want) in [
        (
            "Başlık\n\nANKARA, 3 Kasım 2020 (AA) - Bakan dün açıklama yaptı.",
            "dün",
            "2020-11-02",
        ),
        (
            "عنوان\n\nالقاهرة - 3 تشرين الثاني/نوفمبر 2020\n\nقال الوزير أمس إن المحادثات مستمرة.",
            "أمس",
            "2020-11-02",
        ),
    ] {
        let doc = Document::from_text("d.txt", text.to_string());
        let at = text.find(phrase).expect("phrase in text");
        let got = ex
            .extract_doc(&doc)
            .into_iter()
            .find(|m| m.kind == Kind::Date && m.start == at)
            .and_then(|m| m.value);
        assert_eq!(got.as_deref(), Some(want), "{text}");
    }
}

/// A number with the plural and the equative (`1000'lerce`, `10'larca`: by the thousands,
/// by the tens) counts things: no year, decade or day, whatever follows it.
#[test]
fn a_number_counting_by_the_thousands_is_no_date() {
    let ex = Extractor::new();
    let mut wrong = Vec::new();
    for text in [
        "1000'lerce kişi meydanda toplandı.",
        "2000'lerce yıl önce yapılmış.",
        "Ocak ayında 10'larca kişi gözaltına alındı.",
    ] {
        let got: Vec<_> = dates(&ex, text)
            .into_iter()
            .filter(|(span, _)| {
                span.contains("lerce") || span.contains("larca") || span.contains("000")
            })
            .collect();
        if !got.is_empty() {
            wrong.push(format!("{text}: {got:?}"));
        }
    }
    // The decades stay: the plural alone or with a case ending.
    let got = dates(&ex, "1990'larda enflasyon yüksekti.");
    if got != [("1990'larda", Some("199X".to_string()))] {
        wrong.push(format!("1990'larda: {got:?}"));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A number just before a word that counts or measures (people, money, units) is a
/// quantity, not a year: `2000 kişi katıldı` is two thousand people. A year before other
/// words stays (`1980 askeri darbesi`, the military coup of 1980; `2019 seçimlerinde`).
#[test]
fn a_number_before_a_word_that_counts_is_no_year() {
    let ex = Extractor::new();
    let mut wrong = Vec::new();
    for text in [
        "Törene 2000 kişi katıldı.",
        "Toplantiya 2000 kisi katildi.",
        "Fiyat 1500 dolar oldu.",
        "Ordu 1700 asker gönderdi.",
        "Şirket 2000 ton buğday sattı.",
        "2000 kişilik salon doldu.",
        "Yardım 1990 kişiye ulaştı.",
        "بلغت الكلفة 1500 دولار.",
        "يبعد 1800 كيلومتر عن العاصمة.",
    ] {
        let got = dates(&ex, text);
        if !got.is_empty() {
            wrong.push(format!("{text}: {got:?}"));
        }
    }
    for (text, year) in [
        ("1980 askeri darbesi ülkeyi değiştirdi.", "1980"),
        ("2019 seçimlerinde kazandı.", "2019"),
        ("Sonra 2019 kisi cok soguk gecti.", "2019-24"),
    ] {
        let got = dates(&ex, text);
        if !got.iter().any(|(_, v)| v.as_deref() == Some(year)) {
            wrong.push(format!("{text}: {got:?}, want {year}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Turkish also writes the year before the month (`2020 Ocak ayında`): the span is that
/// month of that year, not the year and a month of the dateline's.
#[test]
fn a_year_before_a_month_name_is_that_month() {
    let ex = Extractor::new();
    let mut wrong = Vec::new();
    for (text, span, want) in [
        ("Seçim 2020 Ocak ayında yapıldı.", "2020 Ocak", "2020-01"),
        ("2019 Mart ayında başladı.", "2019 Mart", "2019-03"),
        (
            "Proje 2018 Kasım-Aralık döneminde bitti.",
            "2018 Kasım-Aralık",
            "2018-11/2018-12",
        ),
    ] {
        let got = dates(&ex, text);
        if got != [(span, Some(want.to_string()))] {
            wrong.push(format!("{text}: got {got:?}, want {span} = {want}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
