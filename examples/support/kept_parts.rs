//! What the reader keeps beside the index once a corpus is extracted, by part, for
//! `corpus_memory`: the extraction's table, the panels' facts, the search's entity items
//! and the documents beyond their text. Bytes as the allocator is asked for them
//! (capacities, not lengths), so that spare room shows as a part of its own.

use std::mem::size_of;

use okur::corpus::Document;
use okur::extract::MentionTable;
use okur::search::EntityItem;
use okur::tui::app::Facts;

/// Heap bytes of an optional string.
fn opt(s: &Option<String>) -> usize {
    s.as_ref().map_or(0, String::capacity)
}

/// Heap bytes of a list of strings: its slots and their text.
fn strings(list: &[String], capacity: usize) -> usize {
    capacity * size_of::<String>() + list.iter().map(String::capacity).sum::<usize>()
}

/// The extraction's table, by part.
pub fn table(table: &MentionTable) -> Vec<(&'static str, usize)> {
    table.held_parts()
}

/// The panels' facts and the search's items made with them, by part.
pub fn facts(facts: &Facts, items: &[EntityItem]) -> Vec<(&'static str, usize)> {
    let mut parts = facts.held_parts();
    let names: usize = items.iter().map(|i| i.name.capacity() + opt(&i.iso)).sum();
    let aliases: usize = (items.iter())
        .map(|i| strings(&i.aliases, i.aliases.capacity()))
        .sum();
    let docs: usize = items.iter().map(|i| i.docs.capacity()).sum();
    parts.extend([
        ("items", std::mem::size_of_val(items)),
        ("items' names", names),
        ("items' aliases", aliases),
        ("items' documents", docs * size_of::<u32>()),
    ]);
    parts
}

/// The documents beyond their text, by part (their text as held first: zstd frames, or
/// plain where packing would not pay).
pub fn documents(docs: &[Document]) -> Vec<(&'static str, usize)> {
    let sum = |f: &dyn Fn(&Document) -> usize| docs.iter().map(f).sum::<usize>();
    let text = sum(&|d| d.held_text().heap_bytes());
    let meta = |d: &Document| {
        d.meta.as_ref().map_or(0, |m| {
            size_of::<okur::corpus::ArticleMeta>()
                + [&m.source, &m.url, &m.author, &m.published, &m.lang, &m.feed]
                    .into_iter()
                    .map(opt)
                    .sum::<usize>()
                + strings(&m.also, m.also.capacity())
        })
    };
    vec![
        ("text", text),
        ("documents", std::mem::size_of_val(docs)),
        ("paths", sum(&|d| d.path.capacity())),
        ("keys' hashes", sum(&|d| d.key.text.capacity())),
        ("keys' copies", sum(&|d| opt(&d.key.copy))),
        ("titles", sum(&|d| d.title.capacity())),
        (
            "datelines",
            sum(&|d| d.dateline.as_ref().map_or(0, |l| l.iso.capacity())),
        ),
        (
            "notices",
            sum(&|d| strings(&d.notices, d.notices.capacity())),
        ),
        ("meta", sum(&meta)),
    ]
}
