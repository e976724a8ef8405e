//! Behaviour of the extraction rules on short texts: what must and must not be a person or a
//! place. Each test names the rule it guards.

use okur::extract::{Extractor, Kind};

#[path = "support/texts_corpus.rs"]
mod texts_corpus;
use texts_corpus::extract_texts;

/// `(kind, text)` of every mention in `text`, in order.
fn mentions(text: &str) -> Vec<(Kind, String)> {
    Extractor::new()
        .extract_text(text, None)
        .into_iter()
        .map(|m| (m.kind, text[m.start..m.end].to_string()))
        .collect()
}

fn of_kind(text: &str, kind: Kind) -> Vec<String> {
    mentions(text)
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, t)| t)
        .collect()
}

/// The people found in the last of `texts` when all are extracted as one corpus (so
/// consistency across documents applies).
fn people_in_last(texts: &[&str]) -> Vec<String> {
    let (corpus, out) = extract_texts(texts);
    let last = corpus
        .docs
        .last()
        .map(|d| d.text().expect("reads"))
        .unwrap_or_default();
    out.mentions
        .last()
        .into_iter()
        .flatten()
        .filter(|m| m.kind == Kind::Person)
        .map(|m| m.text(&last).to_string())
        .collect()
}

#[test]
fn arabic_preposition_is_not_the_name_ali_even_across_the_corpus() {
    // Doc 1 makes "علي" a known surname; doc 2's "على" folds onto it but is a preposition.
    let docs = [
        "قال الرئيس حسن علي إن الوضع صعب.\n",
        "وشدد على أن الحل قريب، وعلى الرغم من ذلك علي الأقل.\n",
    ];
    let people = people_in_last(&docs);
    assert!(
        people.is_empty(),
        "prepositions tagged as people: {people:?}"
    );
}

#[test]
fn ordinal_of_a_known_name_is_not_a_person_alone() {
    // "الثاني" ends Abdullah II's name in the curated list; alone it is "the second".
    let people = of_kind(
        "ركز الرجل الثاني في التنظيم على الإعلام. في السابع من نوفمبر / تشرين الثاني.\n",
        Kind::Person,
    );
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn arabic_common_words_are_not_towns() {
    // Each is the Arabic name of some town in the gazetteer (Atar, Amol, Laval, Bay, Aley).
    let places = of_kind(
        "في اطار التعاون قال انه امل كبير لأول مرة بأي شكل بجودة عالية.\n",
        Kind::Place,
    );
    assert!(places.is_empty(), "{places:?}");
}

#[test]
fn arabic_places_are_still_found() {
    let places = of_kind(
        "وصل الوفد إلى موسكو قادما من أنقرة، وزار لبنان والعراق.\n",
        Kind::Place,
    );
    assert_eq!(places, ["موسكو", "أنقرة", "لبنان", "العراق"]);
}

#[test]
fn chained_and_dotted_titles_stay_outside_the_name() {
    let text = "Başlık\n\nDevlet Bakanı ve Başbakan Yardımcısı Meral Akşener konuştu. \
                Doç. Dr. Oya Övünç açıkladı. Prof. Dr. Ahmet Karayiğit dedi.\n";
    assert_eq!(
        of_kind(text, Kind::Person),
        ["Meral Akşener", "Oya Övünç", "Ahmet Karayiğit"]
    );
}

#[test]
fn first_name_before_a_known_surname_joins_it() {
    // Doc 1 names "Helmut Kohl" after a title; in doc 2 a quote cuts the title off, and
    // consistency finds the known full name, not only the surname.
    let docs = [
        "Başlık\n\nAlmanya Başbakanı Helmut Kohl konuştu.\n",
        "Başlık\n\nRekortmen Başbakan ' Helmut Kohl ile adaylar karşılaştı.\n",
    ];
    let people = people_in_last(&docs);
    assert_eq!(people, ["Helmut Kohl"]);
}

#[test]
fn nationality_words_end_a_name_and_are_not_names() {
    let text = "Başlık\n\nOyuncu Jeremy Irons İngiliz basınına konuştu. Kürt lider ile Suriyeli \
                yetkililer görüştü.\n";
    assert_eq!(of_kind(text, Kind::Person), ["Jeremy Irons"]);
}

#[test]
fn acronyms_and_places_are_not_spread_as_surnames() {
    // A wrong two-word reading in one document ("Ali SPD", "Veli Ankara") must not make SPD
    // or Ankara people everywhere else.
    let docs = [
        "Başlık\n\nSPD lideri Gerhard Schröder geldi. Başkanı Ali SPD konuştu. \
         Genel Başkanı Veli Ankara dedi.\n",
        "Başlık\n\nSPD oy oranı arttı. Heyet Ankara ziyaretini tamamladı. Schröder konuştu.\n",
    ];
    let people = people_in_last(&docs);
    assert_eq!(people, ["Schröder"]);
}

#[test]
fn arabic_speech_verb_introduces_a_name_but_not_a_common_noun() {
    let text =
        "وقال لافروف إن الحل قريب. وقالت الوكالة إن الوضع صعب. وقال مسؤولون إن الهدنة صامدة.\n";
    assert_eq!(of_kind(text, Kind::Person), ["لافروف"]);
}

#[test]
fn arabic_connectors_keep_the_family_name_and_wa_starts_another_person() {
    let text = "استقبل الملك حمد بن عيسى آل خليفة الوفد. والتقى الرئيس بوش وبلير في لندن.\n";
    let people = of_kind(text, Kind::Person);
    assert_eq!(people[0], "حمد بن عيسى آل خليفة");
    assert_eq!(people[1], "بوش");
}

#[test]
fn arabic_tagger_finds_names_the_rules_miss_but_not_inside_organisations() {
    let text = "واستقبل نيكولاي باتروشيف الوفد في دمشق. ونقلت وكالة الأناضول عن مصادر في أنقرة.\n";
    let rules: Vec<String> = Extractor::rules_only()
        .extract_text(text, None)
        .into_iter()
        .filter(|m| m.kind == Kind::Person)
        .map(|m| text[m.start..m.end].to_string())
        .collect();
    // The rules' only cue is the given name `نيكولاي` (assets/gazetteer/given_ar.txt); the
    // blend keeps the tagger's person, not the organisation's place.
    assert_eq!(rules, ["نيكولاي باتروشيف"]);
    assert_eq!(of_kind(text, Kind::Person), ["نيكولاي باتروشيف"]);
    let places = of_kind(text, Kind::Place);
    assert!(places.contains(&"دمشق".to_string()), "{places:?}");
    assert!(!places.contains(&"الأناضول".to_string()), "{places:?}");
}

#[test]
fn arabic_tagger_vetoes_a_one_word_place_it_reads_as_an_ordinary_word() {
    // `منطقة X` makes X a place by rule; here X is "the conflict".
    let text = "اتفقنا على إنشاء مركز مراقبة على الأراضي غير القريبة من منطقة الصراع\". ولفت أن المركز سيعمل.\n";
    let places = |ex: &Extractor| -> Vec<String> {
        ex.extract_text(text, None)
            .into_iter()
            .filter(|m| m.kind == Kind::Place)
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    };
    assert_eq!(places(&Extractor::rules_only()), ["الصراع"]);
    assert!(places(&Extractor::new()).is_empty());
}

#[test]
fn a_lone_surname_that_is_an_ordinary_word_spreads_only_when_two_documents_agree() {
    // One document reads "Mehmet Güneş" (a person, or a wrong reading of a headline); a
    // lone `Güneş` ("sun") elsewhere in the corpus is no person on that word alone.
    let one = [
        "Başlık\n\nGazeteci Mehmet Güneş konuştu.\n",
        "Başlık\n\nYarın Güneş tutulması izlenecek.\n",
    ];
    assert!(
        people_in_last(&one).is_empty(),
        "{:?}",
        people_in_last(&one)
    );
    // Two documents naming the person make the lone surname theirs.
    let two = [
        "Başlık\n\nGazeteci Mehmet Güneş konuştu.\n",
        "Başlık\n\nYazar Mehmet Güneş yeni kitabını tanıttı.\n",
        "Başlık\n\nAçıklamayı Güneş yaptı.\n",
    ];
    assert_eq!(people_in_last(&two), ["Güneş"]);
    // A surname that is no ordinary word spreads from one document, as before.
    let rare = [
        "Başlık\n\nGazeteci Mehmet Kılıçdaroğlu konuştu.\n",
        "Başlık\n\nAçıklamayı Kılıçdaroğlu yaptı.\n",
    ];
    assert_eq!(people_in_last(&rare), ["Kılıçdaroğlu"]);
}

#[test]
fn no_name_runs_across_a_sentence_end_or_a_heading_line() {
    let text = "Toplantı Ankara.\nErdoğan Moskova'ya gitti.\n";
    assert!(
        mentions(text).iter().all(|(_, t)| !t.contains('\n')),
        "{:?}",
        mentions(text)
    );
    let heading = "Gazeteci Ali\nVeli Yılmaz geldi.\n";
    assert!(
        mentions(heading).iter().all(|(_, t)| !t.contains('\n')),
        "{:?}",
        mentions(heading)
    );
}

#[test]
fn arabic_family_names_stay_in_the_name_and_org_heads_are_seen_behind_clitics() {
    let ex = Extractor::rules_only();
    let people = |text: &str| -> Vec<String> {
        ex.extract_text(text, None)
            .into_iter()
            .filter(|m| m.kind == Kind::Person)
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    };
    let text = "واستقبل الملك حمد بن عيسى آل خليفة الوفد.\n";
    assert_eq!(people(text), ["حمد بن عيسى آل خليفة"]);
    // `ووزارة` is the ministry behind the conjunction: it ends the name before it.
    let text = "وقال الرئيس محمود عباس ووزارة الخارجية إن الوضع صعب.\n";
    assert_eq!(people(text), ["محمود عباس"]);
}

/// Entities linked from one person mention per text, each the whole text.
fn linked_people(texts: &[&str]) -> Vec<usize> {
    let lx = okur::extract::Lexicon::load();
    let raw = texts
        .iter()
        .map(|t| {
            vec![okur::extract::RawMention {
                start: 0,
                end: t.len(),
                kind: Kind::Person,
                value: None,
                canonical: None,
            }]
        })
        .collect();
    let out = okur::extract::link(&lx, texts, raw);
    out.mentions.iter().map(|ms| ms[0].entity).collect()
}

#[test]
fn consonant_skeletons_link_only_multi_word_names_across_scripts() {
    // One-word names that share a skeleton stay apart, even through the other script:
    // were one-word skeletons joined across scripts, علي would pull all three Latin names
    // into one person.
    let e = linked_people(&["علي", "Ali", "Ela", "Alya"]);
    for i in 0..e.len() {
        for j in i + 1..e.len() {
            assert_ne!(e[i], e[j], "{i} and {j} joined: {e:?}");
        }
    }
    // A one-word name the lexicon knows joins its other spellings.
    let e = linked_people(&["أردوغان", "Erdoğan"]);
    assert_eq!(e[0], e[1]);
    // Two Latin spellings of different people with one skeleton stay apart too.
    let e = linked_people(&["Ahmet Kaya", "Ahmet Koyu"]);
    assert_ne!(e[0], e[1]);
    // A two-word name and its Arabic spelling are one person; its lone surname joins it.
    let e = linked_people(&["Sergey Lavrov", "سيرغي لافروف", "Lavrov"]);
    assert_eq!(e[0], e[1]);
    assert_eq!(e[0], e[2]);
}

#[test]
fn an_inflected_organisation_head_ends_no_person() {
    // `Üniversitesinde`: the head noun with a case suffix and no apostrophe.
    for text in [
        "Dün Orhan Kemal Üniversitesinde bir panel yapıldı.",
        "Bugün Mustafa Kemal Kurumunun toplantısı var.",
    ] {
        let people: Vec<String> = Extractor::rules_only()
            .extract_text(text, None)
            .iter()
            .filter(|m| m.kind == Kind::Person)
            .map(|m| text[m.start..m.end].to_string())
            .collect();
        assert!(people.is_empty(), "{text}: {people:?}");
    }
}

#[test]
fn a_capitalised_word_before_a_turkish_place_noun_is_a_place() {
    // The cue word stays outside; a plural cue makes a list of places.
    let text = "Yangın Hisarönü, Osmaniye ve Turgut mahallelerinde sürdü. Aile Anıtlı köyüne \
                döndü. Mersin'in Gülnar ilçesinde santral var.\n";
    let places = of_kind(text, Kind::Place);
    for p in ["Hisarönü", "Osmaniye", "Turgut", "Anıtlı", "Gülnar"] {
        assert!(places.iter().any(|x| x == p), "{p} missing from {places:?}");
    }
    assert!(of_kind(text, Kind::Person).is_empty());
}

#[test]
fn a_lone_surname_of_a_person_named_in_the_text_is_that_person() {
    let text = "CHP Genel Başkanı Özgür Özel kurultayda konuştu. İkinci turda Özel, oyların \
                çoğunu aldı. Özel'in yanında yer alanlar alkışladı.\n";
    let people = of_kind(text, Kind::Person);
    assert_eq!(people, ["Özgür Özel", "Özel", "Özel"]);
}

#[test]
fn initials_and_all_caps_surnames_are_whole_names() {
    let text = "İddianamede sanıklar H.Y., M.T. ve R.A. hakkında dava açıldı. Şüpheli \
                Levent A.'nın evinde arama yapıldı.\n";
    assert_eq!(
        of_kind(text, Kind::Person),
        ["H.Y.", "M.T.", "R.A.", "Levent A."]
    );
    let notice = "Vefat\n\nKurtuluş'un sevilen terzisi Eleni PAPADOPULOS (92) pazar günü \
                  vefat etti. Eşi Prof. Dr. Nermin ÖZBEK ve ailesinin acısını paylaşırız.\n";
    let people = of_kind(notice, Kind::Person);
    assert!(
        people.iter().any(|p| p == "Eleni PAPADOPULOS"),
        "{people:?}"
    );
    assert!(people.iter().any(|p| p == "Nermin ÖZBEK"), "{people:?}");
}

#[test]
fn ordinary_words_and_conjunctions_are_not_short_places() {
    // `Şarkı` (song) is no `Şark` with a suffix; `Eğer` (if) is not the town Eger; a suffix
    // of two letters written without an apostrophe still comes off (`Rusyaya`).
    let text = "Şarkı büyük ilgi gördü. Eğer gelirse konuşuruz. Putin Rusyaya döndü.\n";
    assert_eq!(of_kind(text, Kind::Place), ["Rusya"]);
}

#[test]
fn places_in_facility_names_and_suffixes_written_apart_end_places() {
    let text = "Cenaze Kocatepe Camii'nde kılındı ve Karşıyaka Mezarlığı'na defnedildi. \
                Ekipler Bitlis' in Tatvan ilçesine gitti.\n";
    let places = of_kind(text, Kind::Place);
    assert!(places.iter().any(|p| p == "Bitlis"), "{places:?}");
    assert!(places.iter().any(|p| p == "Tatvan"), "{places:?}");
    for p in &places {
        assert!(
            !["Kocatepe", "Karşıyaka"].contains(&p.as_str()),
            "{places:?}"
        );
    }
}

/// A group the Turkish tagger reads as a person is none when the sentence says it is a group:
/// listed with an organisation (seed 004's `DAEŞ ve El-Nusra'nın`), or before a noun of its
/// members (`militanları`), and then in the whole text. A person before such a noun in
/// another case stays (`militanlarla`, "with militants").
#[test]
fn groups_named_like_people_are_no_persons() {
    let text = "Lavrov, \"DAEŞ ve El-\nNusra'nın kontrolündeki bölgeler dışında ateşkes \
                uygulanmalı\" dedi. Muhalefet El-Nusra tarafından kontrol edilen bölgeleri \
                terk etmedi.\n\nSomali'de El-Şebab militanları bir otele saldırdı.";
    assert_eq!(of_kind(text, Kind::Person), ["Lavrov"]);
    let text = "Bakan Mehmet Yıldırım militanlarla görüşmedi.";
    assert_eq!(of_kind(text, Kind::Person), ["Mehmet Yıldırım"]);
}

/// A Latin place inside an organisation's name, past its first word, is part of the name
/// (`Heyet Tahrir eş-Şam`, not Damascus; `Borsa İstanbul`, the exchange).
#[test]
fn places_further_inside_an_organisation_are_part_of_its_name() {
    let text = "İdlib'deki Heyet Tahrir eş-Şam militanları çekildi.";
    assert_eq!(of_kind(text, Kind::Place), ["İdlib"]);
    let text = "Ankara'da faizler düşerken Borsa İstanbul'da hisseler yükseldi.";
    assert_eq!(of_kind(text, Kind::Place), ["Ankara"]);
}
