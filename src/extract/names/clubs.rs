//! Arabic places that name a sports club where they stand: a city in a results table
//! (`بوردو ( فرنسا ) - أيندهوفن ( هولندا ) 1 - صفر`) and a place before the nisba of its town
//! (`المغرب الفاسي`).

use crate::extract::lexicon::Lexicon;
use crate::extract::ordinary_ar::MAJOR_PLACES;
use crate::extract::token::Tokens;
use crate::extract::{Kind, RawMention};
use crate::text::fold_str;

/// True when `m` is an Arabic place named as a club in a results table: its country follows
/// in brackets, then a dash or a score (`بوردو ( فرنسا ) - أيندهوفن ( هولندا ) 1 - صفر`), or
/// it follows a dash (the second club). A line's first word is a dateline (`صفاقس (تونس) -`).
/// In ANERcorp train 17 of 19 such words are clubs (the other two inside a club's name), in
/// the okur news and Wojood train splits none is, and only datelines look so.
pub fn club_in_results(lx: &Lexicon, text: &str, m: &RawMention) -> bool {
    let (Some(from), Some(after_m), Some(up_to)) =
        (text.get(m.start..), text.get(m.end..), text.get(..m.start))
    else {
        return false;
    };
    if m.kind != Kind::Place || !crate::text::starts_arabic(from) {
        return false;
    }
    // The bracket first: most places have none, and the line before may be long.
    let Some(rest) = after_m.trim_start().strip_prefix('(') else {
        return false;
    };
    let before = up_to.rsplit('\n').next().unwrap_or_default().trim_end();
    if before.is_empty() {
        return false;
    }
    let Some((country, after)) = rest.split_once(')') else {
        return false;
    };
    let country = country.trim();
    if country.split_whitespace().count() > 2 || lx.place(&fold_str(country)).is_none() {
        return false;
    }
    let after = after.trim_start();
    let scored = after.starts_with(['-', '–']) || after.starts_with(|c: char| c.is_ascii_digit());
    scored || after.starts_with("صفر") || before.ends_with(['-', '–'])
}

/// True when `m` is a one-word Arabic place right before the masculine definite nisba of a
/// town (`المغرب الفاسي` of Fes, `المغرب التطواني` of Tetouan): a club (`نادي`, masculine)
/// that bears its town's adjective. A place itself is feminine and so is its nisba
/// (`بعلبك اللبنانية`, `مصر الفرعونية`); a masculine one describes a noun before the place
/// (`إقليم البنجاب الباكستاني`), so the nisba's stem must name a town, none of the gazetteer's
/// best-ranked places (countries, regions, seas, the largest cities) and no place read with
/// the article (`العراقي` is of `العراق`). In ANERcorp, Wojood and okur news ar train 12
/// words so placed are gazetteer places: 9 clubs, a club's city (`موسكو الروسي`), two
/// persons' names; none is a gold place.
pub fn club_of_town(lx: &Lexicon, text: &str, toks: &Tokens, m: &RawMention) -> bool {
    if m.kind != Kind::Place {
        return false;
    }
    let span = toks.covering(m.start, m.end);
    let i = span.start;
    if span.len() != 1 || !toks.joined(i) {
        return false;
    }
    let (Some(t), Some(next)) = (toks.toks.get(i), toks.toks.get(i + 1)) else {
        return false;
    };
    if !t.arabic || !next.arabic {
        return false;
    }
    let Some(stem) = toks.key(i + 1).strip_prefix("ال") else {
        return false;
    };
    let Some(stem) = stem.strip_suffix('ي') else {
        return false;
    };
    if stem.chars().count() < 3 || lx.place(&format!("ال{stem}")).is_some() {
        return false;
    }
    let town = lx.place(stem).filter(|&c| c >= MAJOR_PLACES);
    let place = text.get(m.start..m.end).map(|p| lx.place(&fold_str(p)));
    town.is_some() && place.is_some_and(|p| p != town)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn club(text: &str, place: &str) -> bool {
        let lx = Lexicon::load();
        club_in_results(&lx, text, &RawMention::first_in(text, place, Kind::Place))
    }

    #[test]
    fn a_city_in_a_results_table_is_a_club() {
        let table = "المجموعة الثانية : بوردو ( فرنسا ) - أيندهوفن ( هولندا ) 1 - صفر .";
        assert!(club(table, "بوردو"));
        assert!(club(table, "أيندهوفن"));
        // A dateline opens its line; a place in brackets without a score is none.
        assert!(!club("خبر\nصفاقس ( تونس ) - أعلنت الشركة", "صفاقس"));
        assert!(!club("وصل إلى بوردو ( فرنسا ) أمس", "بوردو"));
    }

    fn town_club(text: &str, place: &str) -> bool {
        let (lx, toks) = (Lexicon::load(), Tokens::new(text));
        club_of_town(
            &lx,
            text,
            &toks,
            &RawMention::first_in(text, place, Kind::Place),
        )
    }

    #[test]
    fn a_place_before_the_nisba_of_a_town_is_a_club() {
        assert!(town_club("وانهزم أمام المغرب الفاسي أمس", "المغرب"));
        assert!(town_club("رحلة شاقة للمغرب التطواني إلى العيون", "مغرب"));
        // A place's own adjective is feminine; a masculine one of a country describes the
        // noun before the place.
        assert!(!town_club("في بعلبك اللبنانية أمس", "بعلبك"));
        assert!(!town_club("في إقليم البنجاب الباكستاني أمس", "البنجاب"));
        assert!(!town_club("في إقليم كردستان العراقي أمس", "كردستان"));
        assert!(!town_club("زار المغرب العربي أمس", "المغرب"));
        assert!(!town_club("زار المغرب أمس", "المغرب"));
    }
}
