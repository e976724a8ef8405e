//! Extraction results as the search index takes them.

use super::{CorpusExtraction, Entity, Kind, MentionTable};
use crate::corpus::Texts;
use crate::search::EntityItem;

impl CorpusExtraction {
    /// One search item per entity: canonical name, every other surface form seen (any
    /// script), the ISO value of dates, and the documents that mention it.
    pub fn entity_items(&self, texts: &(impl Texts + ?Sized)) -> Vec<EntityItem> {
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
    pub fn entity_items(&self, texts: &(impl Texts + ?Sized)) -> Vec<EntityItem> {
        let mentions = (self.per_doc().enumerate())
            .flat_map(|(doc, ms)| ms.map(move |m| (doc, m.start(), m.end(), m.entity())));
        items(&self.entities, mentions, texts)
    }
}

/// The items of `entities`, given every mention as (document, start, end, entity) in
/// corpus order. A date's ISO value is its entity's canonical name.
fn items(
    entities: &[Entity],
    mentions: impl Iterator<Item = (usize, usize, usize, usize)>,
    texts: &(impl Texts + ?Sized),
) -> Vec<EntityItem> {
    let mut items = EntityItems::new(entities.to_vec());
    // A document's mentions come together: its text is read once for them.
    let mut held: Option<(usize, std::borrow::Cow<'_, str>)> = None;
    for (doc, start, end, entity) in mentions {
        if held.as_ref().is_none_or(|(at, _)| *at != doc) {
            held = (doc < texts.count()).then(|| (doc, texts.text(doc)));
        }
        let text = held.as_ref().filter(|(at, _)| *at == doc);
        items.add(doc, start..end, entity, text.map(|(_, t)| &**t));
    }
    items.finish()
}

/// The search's entity items, made one mention at a time in corpus order: the reader
/// makes them as it takes the extraction's table apart for the panels, so that the items
/// and the whole table are never held at once (at 200k articles the table is 0.59 times
/// the corpus and the items 0.13).
#[derive(Debug)]
pub struct EntityItems {
    items: Vec<EntityItem>,
}

impl EntityItems {
    /// Items of `entities`, without documents yet: their names and aliases are taken, not
    /// copied (the entities are not needed once the panels' rows are made). Each item's
    /// list of documents is taken at its entity's count of them: grown by doubling, a list
    /// had up to as much room again unused, beside extraction's table.
    pub fn new(entities: Vec<Entity>) -> EntityItems {
        let items = entities
            .into_iter()
            .map(|e| EntityItem {
                kind: e.kind,
                iso: (e.kind == Kind::Date).then(|| e.canonical.clone()),
                docs: Vec::with_capacity(e.doc_count.min(e.mention_count)),
                name: e.canonical,
                aliases: e.aliases,
            })
            .collect();
        EntityItems { items }
    }

    /// Adds a mention of `entity` at `range` of document `doc` (documents in corpus order),
    /// whose text is `text`: the document joins the entity's, and a surface form not seen
    /// yet its aliases. A document past 32-bit numbers is left out, as the index leaves out
    /// its lines (no corpus holds that many).
    pub fn add(
        &mut self,
        doc: usize,
        range: std::ops::Range<usize>,
        entity: usize,
        text: Option<&str>,
    ) {
        let (Some(item), Ok(doc)) = (self.items.get_mut(entity), u32::try_from(doc)) else {
            return;
        };
        if item.docs.last() != Some(&doc) {
            item.docs.push(doc);
        }
        let surface = text.and_then(|t| t.get(range));
        if let Some(s) = surface.filter(|s| *s != item.name && !item.aliases.iter().any(|a| a == s))
        {
            item.aliases.push(s.to_string());
        }
    }

    /// The items, each list without the room it grew by doubling and did not use.
    pub fn finish(mut self) -> Vec<EntityItem> {
        for item in &mut self.items {
            item.docs.shrink_to_fit();
            item.aliases.shrink_to_fit();
        }
        self.items
    }
}
