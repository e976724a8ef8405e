//! The filter line's triage words (`%unread`, `%read`, `%star`, `%archived`, `%tag:x`,
//! `%tag:"two words"`, each negated by a leading `!`) and the test of a document against
//! them; everything else on the line is the search's.

use crate::search::{filter_word, split_query};
use crate::store::{DocState, TriageFlags};
use crate::text::fold_str;

/// A triage word of the filter line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateWord {
    /// `%unread`.
    Unread,
    /// `%read`.
    Read,
    /// `%star` (or `%starred`).
    Star,
    /// `%archived` (or `%archive`).
    Archived,
    /// `%tag:NAME`; `%tag:"two words"` for a tag with spaces. Held folded: a tag matches
    /// whatever its case and diacritics, like every other filter word (`%tag:suriye`
    /// finds `Suriye`, `%tag:istanbul` finds `İstanbul`).
    Tag(String),
}

impl StateWord {
    /// The state word a filter word (without `%` and quotes) names, if any.
    fn from_word(word: &str) -> Option<StateWord> {
        Some(match word {
            "unread" => StateWord::Unread,
            "read" => StateWord::Read,
            "star" | "starred" => StateWord::Star,
            "archived" | "archive" => StateWord::Archived,
            w => StateWord::Tag(fold_str(w.strip_prefix("tag:")?)),
        })
    }

    /// True when a document with triage `flags` has it; `state` gives the document's
    /// whole state, asked only for a tag of a document that has tags.
    fn holds<'a>(&self, flags: TriageFlags, state: impl FnOnce() -> &'a DocState) -> bool {
        match self {
            StateWord::Unread => !flags.read(),
            StateWord::Read => flags.read(),
            StateWord::Star => flags.star(),
            StateWord::Archived => flags.archived(),
            StateWord::Tag(tag) => {
                flags.tagged() && state().tags.iter().any(|t| fold_str(t) == *tag)
            }
        }
    }
}

/// Triage conditions parsed from the filter line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Listed documents have every one of these (`%word`).
    pub with: Vec<StateWord>,
    /// Listed documents have none of these (`!%word`).
    pub without: Vec<StateWord>,
}

impl ListFilter {
    /// Parses the filter line's triage words. Everything else (search terms, scopes) is the
    /// search's: words narrow the list only through its results, which come from the worker
    /// thread, so a keystroke never folds document texts here. The line is split as the
    /// search splits it, so `%tag:"two words"` is one word here and none there.
    pub fn parse(query: &str) -> ListFilter {
        let mut f = ListFilter::default();
        for token in split_query(query) {
            let Some((negated, word)) = filter_word(token) else {
                continue;
            };
            let Some(word) = StateWord::from_word(&word) else {
                continue;
            };
            match negated {
                true => f.without.push(word),
                false => f.with.push(word),
            }
        }
        f
    }

    /// True when a document in `state` is listed. Archived documents are hidden unless the
    /// filter names `%archived` (or `!%archived`, which hides them too).
    pub fn passes(&self, state: &DocState) -> bool {
        self.passes_flags(TriageFlags::of(state), || state)
    }

    /// [`ListFilter::passes`] from a document's triage flags (the list's per-document
    /// table); `state` gives its whole state, asked only for `%tag:` words.
    pub fn passes_flags<'a>(&self, flags: TriageFlags, state: impl Fn() -> &'a DocState) -> bool {
        let archived = StateWord::Archived;
        let hidden = flags.archived() && !self.with.contains(&archived);
        !hidden
            && self.with.iter().all(|w| w.holds(flags, &state))
            && !self.without.iter().any(|w| w.holds(flags, &state))
    }

    /// True when the line names no triage word: then only archived documents are hidden.
    pub fn is_empty(&self) -> bool {
        self.with.is_empty() && self.without.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `okur find` tells triage words from other `%words` with the core's list: it must be
    /// the reader's.
    #[test]
    fn the_core_knows_the_readers_triage_words() {
        for word in [
            "unread", "read", "star", "starred", "archived", "archive", "tag:x",
        ] {
            assert!(StateWord::from_word(word).is_some(), "{word}");
            assert!(crate::search::is_triage_word(word), "{word}");
        }
        for word in ["per:", "date:2020-13-45", "colour", "stars"] {
            assert!(StateWord::from_word(word).is_none(), "{word}");
            assert!(!crate::search::is_triage_word(word), "{word}");
        }
    }

    #[test]
    fn parses_triage_filters_and_leaves_words_to_the_search() {
        let f = ListFilter::parse("%unread %star %tag:ukraine ERDOĞAN %per");
        assert_eq!(
            f,
            ListFilter {
                with: vec![
                    StateWord::Unread,
                    StateWord::Star,
                    StateWord::Tag("ukraine".into())
                ],
                without: Vec::new(),
            }
        );
    }

    #[test]
    fn a_bang_negates_and_quotes_keep_a_tag_whole() {
        let f = ListFilter::parse("!%star %tag:\"iki kelime\" !%tag:x");
        assert_eq!(f.with, [StateWord::Tag("iki kelime".into())]);
        assert_eq!(f.without, [StateWord::Star, StateWord::Tag("x".into())]);
        let mut state = DocState::default();
        state.tags.insert("iki kelime".into());
        assert!(f.passes(&state));
        state.star = true;
        assert!(!f.passes(&state));
    }

    #[test]
    fn archived_documents_show_only_when_asked_for() {
        let archived = DocState {
            archived: true,
            ..Default::default()
        };
        assert!(!ListFilter::parse("").passes(&archived));
        assert!(ListFilter::parse("%archived").passes(&archived));
        assert!(!ListFilter::parse("!%archived").passes(&archived));
        assert!(!ListFilter::parse("%archived").passes(&DocState::default()));
    }
}
