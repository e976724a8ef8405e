//! Linking reads a name broken over two lines as the name: a word cut by a hyphen at a
//! line's end (`El-` then `Nusra` on the next line) is one entity with its whole mentions.

use okur::extract::{Kind, Lexicon, RawMention, link};

/// A person mention over the first `name` in `text`.
fn person(text: &str, name: &str) -> RawMention {
    let start = text.find(name).expect("name in text");
    RawMention {
        start,
        end: start + name.len(),
        kind: Kind::Person,
        value: None,
        canonical: None,
    }
}

#[test]
fn a_name_broken_by_a_hyphen_at_a_line_end_links_with_its_whole_mentions() {
    let texts = [
        "Lavrov, \"DAEŞ ve El-\nNusra'nın kontrolündeki bölgeler\" dedi.",
        "Muhalefet El-Nusra tarafından kontrol edilen bölgeleri terk etmedi.",
        "Ali Veli-\n  Can geldi.",
    ];
    let raw = vec![
        vec![person(texts[0], "El-\nNusra")],
        vec![person(texts[1], "El-Nusra")],
        vec![person(texts[2], "Veli-\n  Can")],
    ];
    let linked = link(&Lexicon::load(), &texts, raw);
    let names: Vec<&str> = linked.entities.iter().map(|e| &*e.canonical).collect();
    assert_eq!(names, ["El-Nusra", "Veli-Can"]);
    assert_eq!(linked.entities[0].mention_count, 2);
    assert_eq!(linked.entities[0].doc_count, 2);
}
