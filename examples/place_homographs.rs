//! Reports the place homographs of the gazetteer: names two different places share, as
//! linking sees them. Three counts:
//! - homographs: names the build marked (a third column) because two distinct, major places
//!   bear them, like عمان for Oman and Amman; linking resolves each mention from its context
//!   or leaves it ambiguous (src/extract/homograph.rs);
//! - one bare spelling (folded: harakat, hamza seats, case and diacritics gone) given two
//!   canonical names: the marked homographs and, unmarked, mostly one place spelt two ways by
//!   two sources (`Senegal`, `Sénégal`), which keep the first line's name as before;
//! - one Arabic consonant skeleton ([`okur::text::name_key`]) shared by names of two places,
//!   which linking never merges, since places link by canonical name and only people's names
//!   join by skeleton.
//!
//! Run: `cargo run --example place_homographs [-- --list]`.

use std::collections::{BTreeMap, BTreeSet};

use okur::text::{fold_str, is_arabic, name_key};

const SOURCES: [&str; 2] = [
    include_str!("../assets/gazetteer/places_extra.tsv"),
    include_str!("../assets/gazetteer/places.tsv"),
];

type Groups<'a> = BTreeMap<String, BTreeMap<&'a str, BTreeSet<&'a str>>>;

fn main() {
    let list = std::env::args().any(|a| a == "--list");
    // key -> canonical -> the names written with it
    let mut bare: Groups = BTreeMap::new();
    let mut skeleton: Groups = BTreeMap::new();
    let mut marked: BTreeSet<String> = BTreeSet::new();
    for line in SOURCES.iter().flat_map(|s| s.lines()) {
        if line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(name), Some(canon)) = (cols.next(), cols.next()) else {
            continue;
        };
        let add = |groups: &mut Groups<'_>, key: String| {
            groups
                .entry(key)
                .or_default()
                .entry(canon)
                .or_default()
                .insert(name);
        };
        if cols.next().is_some() {
            marked.insert(fold_str(name));
        }
        add(&mut bare, fold_str(name));
        if name.chars().any(is_arabic) {
            let key = name_key(name);
            if !key.is_empty() {
                add(&mut skeleton, key);
            }
        }
    }
    let homographs: Groups = bare
        .iter()
        .filter(|(k, _)| marked.contains(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (title, groups) in [
        ("homographs (marked, resolved by context)", &homographs),
        ("one bare spelling, two or more places", &bare),
        (
            "one Arabic consonant skeleton, two or more places",
            &skeleton,
        ),
    ] {
        let shared: Vec<_> = groups.iter().filter(|(_, c)| c.len() >= 2).collect();
        let arabic = shared
            .iter()
            .filter(|(_, c)| c.values().flatten().any(|n| n.chars().any(is_arabic)))
            .count();
        println!(
            "{title}: {} ({arabic} in Arabic script, {} in Latin)",
            shared.len(),
            shared.len() - arabic
        );
        if list || title.starts_with("homographs") {
            for (key, canons) in &shared {
                let readings: Vec<String> = canons
                    .iter()
                    .map(|(c, names)| format!("{c} ({})", join(names)))
                    .collect();
                println!("  {key}\t{}", readings.join(" | "));
            }
        }
    }
}

fn join(names: &BTreeSet<&str>) -> String {
    names.iter().copied().collect::<Vec<_>>().join(", ")
}
