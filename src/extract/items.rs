//! Extraction results as the search index takes them.

use super::{CorpusExtraction, Entity, Kind, MentionTable};
use crate::search::EntityItem;

impl CorpusExtraction {
    /// One search item per entity: canonical name, every other surface form seen (any
    /// script), the ISO value of dates, and the documents that mention it.
    pub fn entity_items(&self, texts: &[&str]) -> Vec<EntityItem> {
        let mentions = self
            .mentions
            .iter()
            .enumerate()
            .flat_map(|(doc, ms)| ms.iter().map(move |m| (doc, m.start, m.end, m.entity)));
        items(&self.entities, mentions, texts)
    }
}

impl MentionTable {
    /// [`CorpusExtraction::entity_items`] for the compact table: the same items.
    pub fn entity_items(&self, texts: &[&str]) -> Vec<EntityItem> {
        let mentions = self.per_doc().enumerate().flat_map(|(doc, ms)| {
            ms.iter()
                .map(move |m| (doc, m.start(), m.end(), m.entity()))
        });
        items(&self.entities, mentions, texts)
    }
}

/// The items of `entities`, given every mention as (document, start, end, entity) in
/// corpus order. A date's ISO value is its entity's canonical name.
fn items(
    entities: &[Entity],
    mentions: impl Iterator<Item = (usize, usize, usize, usize)>,
    texts: &[&str],
) -> Vec<EntityItem> {
    let mut items: Vec<EntityItem> = entities
        .iter()
        .map(|e| EntityItem {
            kind: e.kind,
            name: e.canonical.clone(),
            aliases: e.aliases.clone(),
            iso: (e.kind == Kind::Date).then(|| e.canonical.clone()),
            docs: Vec::new(),
        })
        .collect();
    for (doc, start, end, entity) in mentions {
        let Some(item) = items.get_mut(entity) else {
            continue;
        };
        if item.docs.last() != Some(&doc) {
            item.docs.push(doc);
        }
        let surface = texts.get(doc).and_then(|t| t.get(start..end));
        if let Some(s) = surface.filter(|s| *s != item.name && !item.aliases.iter().any(|a| a == s))
        {
            item.aliases.push(s.to_string());
        }
    }
    items
}
