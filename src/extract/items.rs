//! Extraction results as the search index takes them.

use super::{CorpusExtraction, Kind};
use crate::search::EntityItem;

impl CorpusExtraction {
    /// One search item per entity: canonical name, every other surface form seen (any
    /// script), the ISO value of dates, and the documents that mention it.
    pub fn entity_items(&self, texts: &[&str]) -> Vec<EntityItem> {
        let mut items: Vec<EntityItem> = self
            .entities
            .iter()
            .map(|e| EntityItem {
                kind: e.kind,
                name: e.canonical.clone(),
                aliases: e.aliases.clone(),
                iso: (e.kind == Kind::Date).then(|| e.canonical.clone()),
                docs: Vec::new(),
            })
            .collect();
        for (doc, mentions) in self.mentions.iter().enumerate() {
            for m in mentions {
                let Some(item) = items.get_mut(m.entity) else {
                    continue;
                };
                if item.docs.last() != Some(&doc) {
                    item.docs.push(doc);
                }
                if let (Kind::Date, Some(v)) = (item.kind, &m.value) {
                    item.iso.get_or_insert_with(|| v.clone());
                }
                let surface = texts.get(doc).and_then(|t| t.get(m.start..m.end));
                if let Some(s) =
                    surface.filter(|s| *s != item.name && !item.aliases.iter().any(|a| a == s))
                {
                    item.aliases.push(s.to_string());
                }
            }
        }
        items
    }
}
