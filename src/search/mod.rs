//! Search: one index over documents, entities and text lines; fzf-style query syntax with
//! okur's scopes; ranking; match positions as source byte ranges.
//!
//! Titles' and names' keys are folded once, when the [`Index`] is built
//! ([`crate::text::fold`]); a document line keeps its words' numbers instead (once the
//! words are indexed), and is folded again only where its text must be read. A query folds
//! only its own terms. Names also meet across scripts: a term's consonant skeleton is
//! matched against the skeletons of words in the other script (`lavrov` finds لافروف), and
//! place names go through the alias table in `assets/aliases.tsv` (`moskova` finds موسكو).
//!
//! Typical use from a UI, on a background thread:
//! ```
//! use std::sync::atomic::AtomicBool;
//! use okur::search::{Index, Query};
//! let corpus = std::sync::Arc::new(okur::corpus::load_seeds().corpus);
//! let index = Index::build(&corpus, &[]);
//! let stop = AtomicBool::new(false);
//! let first = index.search(&Query::parse("lav"), None, &stop).expect("not cancelled");
//! // The query grew by characters: only the previous hits are scanned.
//! let next = index.search(&Query::parse("lavrov"), Some(&first), &stop).expect("not cancelled");
//! let best = next.hits[0];
//! let ranges = index.highlight(&next.query, best.item);
//! assert!(!ranges.is_empty());
//! ```

mod alias_marks;
mod aliases;
mod arena;
mod bit_select;
mod bytes;
mod count;
mod doc_lines;
mod ends;
mod engine;
mod entry_words;
mod explain;
mod forward;
mod heads;
mod held;
mod highlight;
mod hits;
mod index;
mod item;
pub(crate) mod leb128;
mod line_items;
mod lines;
mod lists;
mod matcher;
mod plan;
mod postings;
mod prefilter;
mod prepared;
mod query;
mod skeleton;
mod stream;
#[cfg(test)]
mod test_docs;
mod word_memo;
mod words;
mod wordscan;

pub use engine::{Hit, Results, covers};
pub use heads::Heads;
pub use highlight::{match_ranges, phrase_ranges};
pub use index::Index;
pub use item::{EntityItem, ItemKind, ItemView, TitleRow};
pub use prepared::Prepared;
pub use query::{Group, Mode, Query, Scope, Term, filter_word, is_triage_word, split_query};
pub use stream::{LineScanner, filter_lines};

/// Expands a folded place name through the alias table (other spellings, other scripts).
pub fn aliases_of(folded: &str) -> Vec<String> {
    aliases::expand(folded)
}
