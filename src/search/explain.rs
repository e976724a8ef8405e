//! Which key form of an item each term met: `okur find --explain`, from the same matcher
//! as the search itself.

use super::index::Index;
use super::matcher::Via;
use super::plan::{ItemFields, Plan};
use super::query::{Query, Scope};
use super::skeleton::ShapeFinder;
use crate::text::is_arabic;

impl Index {
    /// One line per group of `query` that item `id` answers: the term, how it met the item
    /// (`text`, `fuzzy`, `name`, `tag`, `alias`, `skeleton`, `date`, `source`) and the key it
    /// met, such as `lavrov: skeleton لافروف` or `moskova: alias موسكو`. Empty when the item
    /// does not exist.
    pub fn explain(&self, query: &Query, id: u32) -> Vec<String> {
        let Some(item) = self.items.get(id as usize) else {
            return Vec::new();
        };
        let mut plan = Plan::new(query);
        let mut key = String::new();
        let mut fields = self.fields(&item, self.key(&item, &mut key));
        let text = self.text(&item);
        // A document line keeps entry numbers, not the place of the word met: its
        // skeleton field is written again, as the other items store it.
        let mut skel = String::new();
        if item.in_doc {
            super::index::push_skeletons(&text, &mut skel);
            fields.own.skel = &skel;
            fields.own.words = None;
        }
        plan.explain(item.kind, &fields)
            .into_iter()
            .filter_map(|(term, via)| {
                let (scope, t) = plan.term(term)?;
                let how = describe(via, scope, &fields, &text, &t.term);
                Some(format!("{}: {how}", t.term.pattern))
            })
            .collect()
    }
}

/// The way and the key, for one hit.
fn describe(via: Via, scope: Scope, f: &ItemFields<'_>, text: &str, term: &super::Term) -> String {
    let slice = |s: &str, at: usize, len: usize| s.get(at..at + len).unwrap_or("").to_string();
    match via {
        Via::Text { at, len } if scope == Scope::Source => {
            let source = f.source.map_or("", |s| s.key);
            format!("source {}", slice(source, at, len))
        }
        Via::Text { at, len } => format!("text {}", slice(f.own.key, at, len)),
        Via::Scattered => "fuzzy (scattered letters)".to_string(),
        Via::Name { at, .. } => format!("name {}", form_at(f.own.extra, at)),
        Via::Tag { at, .. } => format!("tag {}", form_at(f.tags.map_or("", |t| t.extra), at)),
        Via::Alias { alias, .. } => {
            format!(
                "alias {}",
                term.aliases.get(alias).map_or("", String::as_str)
            )
        }
        Via::Skeleton { at } => {
            let skeleton = term.skeleton.as_deref().unwrap_or("");
            let shape =
                ShapeFinder::new(skeleton, &term.vowels, term.pattern.chars().any(is_arabic));
            let mut scratch = String::new();
            let word = text
                .split(|c: char| !crate::text::is_word_char(c))
                .find(|w| shape.meets_word(w, term.mode, &mut scratch));
            let entry = form_at(f.own.skel.get(at + 1..).unwrap_or(""), 0);
            match word {
                Some(word) => format!("skeleton {word} ({skeleton})"),
                None => format!("skeleton {}", entry.split(' ').next().unwrap_or(skeleton)),
            }
        }
        Via::Iso => format!("date {}", f.own.iso),
    }
}

/// The ` | `-separated form of `forms` that byte `at` falls in.
fn form_at(forms: &str, at: usize) -> &str {
    let start = forms
        .get(..at)
        .and_then(|b| b.rfind(" | "))
        .map_or(0, |i| i + 3);
    let rest = forms.get(start..).unwrap_or("");
    rest.split(" | ").next().unwrap_or("")
}
