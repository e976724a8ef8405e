//! Date values: a checked list of Turkish and Arabic date phrases in sentences, each with the
//! value it must resolve to against a known dateline (2020-11-13, a Friday, unless a case
//! says otherwise). The list was worked out by hand from the calendar, not from okur's output.
//! At least 95% must be right; every miss is printed.

use okur::extract::{Extractor, Kind};

/// (dateline, sentence, the date phrase in it, its value; `None` when it must have none).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

const D: &str = "2020-11-13";

const TURKISH: &[Case] = &[
    (
        D,
        "Toplantı geçen hafta yapıldı.",
        "geçen hafta",
        Some("2020-W45"),
    ),
    (
        D,
        "Karar önümüzdeki hafta açıklanacak.",
        "önümüzdeki hafta",
        Some("2020-W47"),
    ),
    (
        D,
        "Seçim gelecek ay yapılacak.",
        "gelecek ay",
        Some("2020-12"),
    ),
    (D, "Ekonomi geçen yıl küçüldü.", "geçen yıl", Some("2019")),
    (D, "Bu yıl ihracat arttı.", "Bu yıl", Some("2020")),
    (
        D,
        "Anlaşma gelecek yıl yürürlüğe girecek.",
        "gelecek yıl",
        Some("2021"),
    ),
    (D, "Festival bu yaz yapılamadı.", "bu yaz", Some("2020-22")),
    (D, "Geçen kış kar az yağdı.", "Geçen kış", Some("2019-24")),
    (
        D,
        "Proje 2019 baharında başladı.",
        "2019 bahar",
        Some("2019-21"),
    ),
    (
        D,
        "Çalışmalar 2020 sonbaharında bitti.",
        "2020 sonbahar",
        Some("2020-23"),
    ),
    (
        D,
        "21. yüzyılın en büyük salgını.",
        "21. yüzyıl",
        Some("20XX"),
    ),
    (D, "Kent XX. yüzyılda büyüdü.", "XX. yüzyıl", Some("19XX")),
    (
        D,
        "Bölge 1990'lı yıllarda göç verdi.",
        "1990'lı yıllar",
        Some("199X"),
    ),
    (
        D,
        "Bölge 90'lı yıllarda göç verdi.",
        "90'lı yıllar",
        Some("199X"),
    ),
    (D, "Kongre Mart ayında yapıldı.", "Mart", Some("2020-03")),
    (
        D,
        "Kongre Şubat ayında yapılacak.",
        "Şubat",
        Some("2021-02"),
    ),
    (D, "Sonuçlar Ocak'ta açıklandı.", "Ocak", Some("2020-01")),
    (
        D,
        "Hasat Mart-Nisan döneminde yapıldı.",
        "Mart-Nisan",
        Some("2020-03/2020-04"),
    ),
    (
        D,
        "Olay 3 gün önce yaşandı.",
        "3 gün önce",
        Some("2020-11-10"),
    ),
    (
        D,
        "Fabrika iki yıl önce kapandı.",
        "iki yıl önce",
        Some("2018"),
    ),
    (D, "Bakan dün Ankara'ya döndü.", "dün", Some("2020-11-12")),
    (D, "Sonuç yarın belli olacak.", "yarın", Some("2020-11-14")),
    (
        D,
        "Bakan pazartesi günü Ankara'ya gitti.",
        "pazartesi",
        Some("2020-11-09"),
    ),
    (
        D,
        "Bakan pazartesi günü Ankara'ya gidecek.",
        "pazartesi",
        Some("2020-11-16"),
    ),
    (
        D,
        "Heyet geçen salı geldi.",
        "geçen salı",
        Some("2020-11-10"),
    ),
    (
        D,
        "Zirve 15 Mayıs'ta yapılacak.",
        "15 Mayıs",
        Some("2021-05-15"),
    ),
    (
        D,
        "Zirve 15 Mayıs'ta yapıldı.",
        "15 Mayıs",
        Some("2020-05-15"),
    ),
    (
        D,
        "ANKARA, 3 Kasım 2020 (AA) - Açıklama yapıldı.",
        "3 Kasım 2020",
        Some("2020-11-03"),
    ),
    (D, "Toplantı 31.02.2020 tarihinde.", "31.02.2020", None),
    (
        D,
        "Rapor 2019-2021 dönemini kapsıyor.",
        "2019-2021",
        Some("2019/2021"),
    ),
    (D, "Kent M.Ö. 323 yılında alındı.", "323", Some("-0322")),
    (
        D,
        "Perşembe, 7 Kasım 2024 tarihli karar.",
        "7 Kasım 2024",
        Some("2024-11-07"),
    ),
    (
        D,
        "Veriler Ocak 09, 2024 tarihinde yayımlandı.",
        "Ocak 09, 2024",
        Some("2024-01-09"),
    ),
    (D, "Fiyatlar Şubat sonunda arttı.", "Şubat", Some("2020-02")),
    (
        D,
        "Şirket 2024'ün üçüncü çeyreğinde kâr açıkladı.",
        "üçüncü çeyre",
        Some("2024-35"),
    ),
    (
        D,
        "Büyüme yılın ilk çeyreğinde yavaşladı.",
        "ilk çeyre",
        Some("2020-33"),
    ),
    (
        D,
        "Satışlar ilk çeyrekte artacak.",
        "ilk çeyrek",
        Some("2021-33"),
    ),
    (
        D,
        "Geçen yılın son çeyreğinde ihracat arttı.",
        "son çeyre",
        Some("2019-36"),
    ),
    (
        D,
        "Fuar 15-17 Mart tarihlerinde yapılacak.",
        "15-17 Mart",
        Some("2021-03-15/2021-03-17"),
    ),
    (
        D,
        "Fuar 15 ila 17 Mart 2024 tarihlerinde yapıldı.",
        "15 ila 17 Mart 2024",
        Some("2024-03-15/2024-03-17"),
    ),
    (
        D,
        "Karar 3 Muharrem 1442 tarihinde alındı.",
        "3 Muharrem 1442",
        Some("2020-08-22"),
    ),
    (
        D,
        "Hacılar 9 Zilhicce 1445'te Arafat'ta toplandı.",
        "9 Zilhicce 1445",
        Some("2024-06-15"),
    ),
    (
        D,
        "Ramazan ayında oruç tutuldu.",
        "Ramazan",
        Some("2020-04-24/2020-05-23"),
    ),
    (
        D,
        "Seçim pazar günü yapılacak.",
        "pazar",
        Some("2020-11-15"),
    ),
    (
        D,
        "Pazar'a kadar sonuç açıklanacak.",
        "Pazar",
        Some("2020-11-15"),
    ),
    (
        D,
        "Geçen pazar miting yapıldı.",
        "Geçen pazar",
        Some("2020-11-08"),
    ),
];

const ARABIC: &[Case] = &[
    (
        D,
        "ارتفعت الأسعار الأسبوع الماضي.",
        "الأسبوع الماضي",
        Some("2020-W45"),
    ),
    (
        D,
        "تجرى الانتخابات الشهر المقبل.",
        "الشهر المقبل",
        Some("2020-12"),
    ),
    (D, "تراجع النمو العام الماضي.", "العام الماضي", Some("2019")),
    (D, "ارتفعت الصادرات هذا العام.", "هذا العام", Some("2020")),
    (D, "تنتهي المهلة نهاية العام.", "العام", Some("2020")),
    (D, "عقد المؤتمر في آذار/مارس.", "آذار/مارس", Some("2020-03")),
    (
        D,
        "تراجعت المبيعات في يناير وفبراير.",
        "يناير وفبراير",
        Some("2020-01/2020-02"),
    ),
    (D, "بدأ المشروع صيف 2020.", "صيف 2020", Some("2020-22")),
    (
        D,
        "يبدأ التشغيل الصيف المقبل.",
        "الصيف المقبل",
        Some("2021-22"),
    ),
    (D, "شهد القرن العشرين حربين.", "القرن العشرين", Some("19XX")),
    (
        D,
        "تحديات القرن الحادي والعشرين كثيرة.",
        "القرن الحادي والعشرين",
        Some("20XX"),
    ),
    (
        D,
        "بني القصر في القرن التاسع عشر.",
        "القرن التاسع عشر",
        Some("18XX"),
    ),
    (D, "هاجر كثيرون في التسعينيات.", "التسعينيات", Some("199X")),
    (
        D,
        "ازدهرت المدينة في ستينيات القرن الماضي.",
        "ستينيات القرن الماضي",
        Some("196X"),
    ),
    (
        D,
        "صدر القرار في 15 رمضان 1441 هـ.",
        "15 رمضان 1441",
        Some("2020-05-08"),
    ),
    (
        D,
        "بدأ العام الهجري في 1 محرم 1445 هـ.",
        "1 محرم 1445",
        Some("2023-07-19"),
    ),
    (D, "تأسست المدرسة عام 1308 هجري.", "1308", Some("1890/1891")),
    (
        D,
        "تعقد القمة الأحد المقبل.",
        "الأحد المقبل",
        Some("2020-11-15"),
    ),
    (
        D,
        "وصل الوفد الأحد الماضي.",
        "الأحد الماضي",
        Some("2020-11-08"),
    ),
    (
        D,
        "سيزور الوزير أنقرة الاثنين.",
        "الاثنين",
        Some("2020-11-16"),
    ),
    (D, "زار الوزير أنقرة الاثنين.", "الاثنين", Some("2020-11-09")),
    (
        D,
        "قال الوزير أمس الخميس إن المحادثات مستمرة.",
        "أمس الخميس",
        Some("2020-11-12"),
    ),
    (D, "وصل الوفد أول أمس.", "أول أمس", Some("2020-11-11")),
    (D, "تستأنف المحادثات بعد غد.", "بعد غد", Some("2020-11-15")),
    (
        D,
        "وقع الاتفاق في 4 أبريل الماضي.",
        "4 أبريل الماضي",
        Some("2020-04-04"),
    ),
    (
        D,
        "تبدأ المرحلة الثانية في مارس المقبل.",
        "مارس المقبل",
        Some("2021-03"),
    ),
    (
        D,
        "وقع الحادث قبل ثلاثة أيام.",
        "قبل ثلاثة أيام",
        Some("2020-11-10"),
    ),
    (D, "وصل الوفد قبل أسبوعين.", "قبل أسبوعين", Some("2020-W44")),
    (D, "أغلق المصنع منذ عامين.", "منذ عامين", Some("2018")),
    (
        D,
        "صدر القرار بتاريخ ١٢/٩/٢٠٢٠.",
        "١٢/٩/٢٠٢٠",
        Some("2020-09-12"),
    ),
    (
        D,
        "وقع الاتفاق الخميس 9 كانون الثاني/يناير 2025.",
        "9 كانون الثاني/يناير 2025",
        Some("2025-01-09"),
    ),
    (
        D,
        "تنتهي المهلة في ١٤ من الشهر الجاري.",
        "١٤ من الشهر الجاري",
        Some("2020-11-14"),
    ),
    (
        D,
        "وقعت الحرب في الرابع من حزيران 1967.",
        "الرابع من حزيران 1967",
        Some("1967-06-04"),
    ),
    (
        D,
        "وصل السبت ١٨ ديسمبر ٢٠٢١ إلى الدوحة.",
        "١٨ ديسمبر ٢٠٢١",
        Some("2021-12-18"),
    ),
    (
        D,
        "ارتفعت الأرباح في الربع الأول من 2024.",
        "الربع الأول من 2024",
        Some("2024-33"),
    ),
    (
        D,
        "تراجع النمو في الربع الثالث من العام الماضي.",
        "الربع الثالث",
        Some("2019-35"),
    ),
    (
        D,
        "نمت المبيعات في الربع الأخير من العام الجاري.",
        "الربع الأخير",
        Some("2020-36"),
    ),
    (
        D,
        "يعقد المعرض من 15 إلى 17 مارس المقبل.",
        "15 إلى 17 مارس",
        Some("2021-03-15/2021-03-17"),
    ),
    (
        D,
        "عقد المؤتمر بين 15 و17 مارس 2024.",
        "15 و17 مارس 2024",
        Some("2024-03-15/2024-03-17"),
    ),
    (
        D,
        "صام المسلمون رمضان الماضي.",
        "رمضان الماضي",
        Some("2020-04-24/2020-05-23"),
    ),
    (
        D,
        "يصوم المسلمون في شهر رمضان.",
        "رمضان",
        Some("2021-04-13/2021-05-12"),
    ),
];

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

fn score(cases: &[Case]) -> (usize, Vec<String>) {
    let ex = Extractor::new();
    let mut misses = Vec::new();
    for &(dl, text, phrase, want) in cases {
        match value_of(&ex, dl, text, phrase) {
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
    for (name, cases) in [("tr", TURKISH), ("ar", ARABIC)] {
        let (ok, misses) = score(cases);
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
        let got: Vec<(&str, Option<String>)> = ex
            .extract_text(text, Some(D))
            .into_iter()
            .filter(|m| m.kind == Kind::Date)
            .map(|m| (&text[m.start..m.end], m.value))
            .collect();
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
