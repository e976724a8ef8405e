//! Arabic people across documents and family names (issue 15): what a name's last word may
//! spread to, and what a person's span keeps.

use okur::extract::{Extractor, Kind, KnownPeople, Lexicon, RawMention};

fn person(text: &str, what: &str) -> RawMention {
    let start = text.find(what).expect("name in text");
    RawMention {
        start,
        end: start + what.len(),
        kind: Kind::Person,
        value: None,
        canonical: None,
    }
}

/// The words `known`, built from one document, marks as people in `text`.
fn spread(known: &KnownPeople, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    Extractor::rules_only().add_known(text, known, &mut out);
    out.iter()
        .map(|m| text[m.start..m.end].to_string())
        .collect()
}

#[test]
fn a_compound_given_name_is_not_spread_by_its_second_half() {
    let text = "وصل صلاح الدين إلى المدينة";
    let known = KnownPeople::from_mentions(text, &[person(text, "صلاح الدين")]);
    let known = known.corpus_wide(&Lexicon::load());
    assert!(spread(&known, "تحدث الشيخ عن الدين والدنيا").is_empty());
}

#[test]
fn the_name_after_a_family_link_is_not_spread_alone() {
    // `طلال` is the father of `حسين بن طلال`, `خليفة` the family of `حمد بن عيسى آل خليفة`:
    // alone they name someone else, or nobody (`خليفة` is also "caliph").
    let text = "التقى الملك حسين بن طلال والشيخ حمد بن عيسى آل خليفة";
    let ms = [
        person(text, "حسين بن طلال"),
        person(text, "حمد بن عيسى آل خليفة"),
    ];
    let known = KnownPeople::from_mentions(text, &ms).corpus_wide(&Lexicon::load());
    assert!(spread(&known, "وصل طلال إلى مقر الخليفة ثم خليفة").is_empty());
    // A plain surname still spreads.
    let text = "وقال نيكولاي باتروشيف إن";
    let known = KnownPeople::from_mentions(text, &[person(text, "نيكولاي باتروشيف")]);
    let known = known.corpus_wide(&Lexicon::load());
    assert_eq!(spread(&known, "وأضاف باتروشيف أن"), ["باتروشيف"]);
}

/// The people the rules alone find in `text`.
fn rule_people(text: &str) -> Vec<String> {
    Extractor::rules_only()
        .extract_text(text, None)
        .into_iter()
        .filter(|m| m.kind == Kind::Person)
        .map(|m| text[m.start..m.end].to_string())
        .collect()
}

#[test]
fn an_arabic_given_name_opens_a_name_with_the_word_after_it() {
    // No title and no speech verb: only the given names `رامي` and `حمزة` (given_ar.txt)
    // say that a person starts here.
    assert_eq!(rule_people("وكان رامي زعتري في المدينة"), ["رامي زعتري"]);
    assert_eq!(
        rule_people("ووصل حمزة بن يوسف إلى المدينة"),
        ["حمزة بن يوسف"]
    );
}

#[test]
fn an_arabic_given_name_before_an_ordinary_word_is_no_person() {
    // `أمين عام` is "secretary general", `رامي في` a name before a preposition: without
    // capitals, the word after the given name must look like a name too.
    assert!(rule_people("وانتخب أمين عام جديد للحزب").is_empty());
    assert!(rule_people("ويعمل رامي في المصنع").is_empty());
}

#[test]
fn the_arabic_given_names_are_loaded() {
    let lx = Lexicon::load();
    let has = |w: &str| lx.given.contains(&okur::text::fold_str(w));
    assert!(has("محمد") && has("جورج") && has("زينب"));
    // Family names and ordinary words stay out.
    assert!(!has("بوتين") && !has("أردوغان") && !has("نظر"));
}
