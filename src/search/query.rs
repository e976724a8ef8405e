//! Query syntax, as fzf users know it, plus okur's scopes and pass-through filters.
//!
//! Space separates terms that must all match (AND); a lone `|` between terms makes them
//! alternatives (OR). What each operator means, for every key form of an item (its folded
//! text, its other names, the words of the other script), is written once, in
//! [`super::matcher`]: a term is fuzzy by default; `'exact` is a substring, `^prefix` and
//! `suffix$` anchor at the start or end of the item, `^whole$` must equal it, and `!term`
//! excludes exactly what `'term` matches (`!^x`, `!x$`, `!^x$` what `^x`, `x$`, `^x$` match;
//! `!'x` what fuzzy `x` matches), as in fzf. `%per`, `%loc`, `%date`, `%doc`, `%text` and
//! `%src` set the scope of the terms that follow (`!%per x` is `%per !x`); `%src:NAME` is
//! one term matched against the source alone (the path, and a feed's or site's name),
//! leaving the scope as it was; any other `%word`
//! (such as `%unread` or `%tag:x`) is a filter the caller interprets, kept in
//! [`Query::filters`], and so is `!%word` (its negation, kept as `!word`). Inside a `%word` a
//! double-quoted stretch keeps its spaces: `%tag:"two words"` is one filter, `tag:two words`
//! (see [`split_query`]).

use crate::text::{fold_str, is_arabic, push_word_shape};

use super::aliases;

/// Which items a term is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Every kind of item.
    All,
    /// Person entities (`%per`).
    People,
    /// Place entities (`%loc`).
    Places,
    /// Date entities and document datelines (`%date`; ISO prefixes such as `2020-11`).
    Dates,
    /// Documents: title, dateline, tags (`%doc`).
    Docs,
    /// Lines of document text (`%text`).
    Text,
    /// Documents by their source (`%src`): the path the document was opened from, as given
    /// (a file, a file inside a folder, or `FILE#N` for an article of a feed or dump), and
    /// the name of the feed or site it came from.
    Source,
}

impl Scope {
    /// The scope named by a `%word` token, if it names one.
    pub fn from_token(word: &str) -> Option<Scope> {
        let scope = match word {
            "all" => Scope::All,
            "per" | "person" | "people" => Scope::People,
            "loc" | "place" | "places" => Scope::Places,
            "date" | "dates" => Scope::Dates,
            "doc" | "docs" => Scope::Docs,
            "text" => Scope::Text,
            "src" | "source" => Scope::Source,
            _ => return None,
        };
        Some(scope)
    }
}

/// How a term is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Characters in order, gaps allowed (ranked by nucleo-matcher); plain substring on text lines.
    Fuzzy,
    /// A substring (`'term`).
    Exact,
    /// At the start of the item (`^term`).
    Prefix,
    /// At the end of the item (`term$`).
    Suffix,
    /// The whole item (`^term$`).
    Equal,
}

/// One search term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// How it matches.
    pub mode: Mode,
    /// True for `!term`: the item must not contain it.
    pub negated: bool,
    /// The folded pattern (see [`crate::text::fold`]).
    pub pattern: String,
    /// The consonant skeleton used to meet the other script (`lavrov` -> لافروف), when the
    /// term is long enough for the skeleton to mean something.
    pub skeleton: Option<String>,
    /// The vowels the term writes around the skeleton's consonants (see
    /// [`crate::text::push_word_shape`]); empty without a skeleton.
    pub vowels: String,
    /// Folded spellings of the same name from the alias table (`moskova` -> موسكو).
    pub aliases: Vec<String>,
}

/// Terms joined by `|`: one of them must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The scope in force where the group was typed.
    pub scope: Scope,
    /// The alternatives.
    pub terms: Vec<Term>,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The text as typed.
    pub raw: String,
    /// All groups must match (AND).
    pub groups: Vec<Group>,
    /// Unknown `%word` tokens without the `%` and quotes (`unread`, `star`, `tag:x`,
    /// `tag:two words`), and `!%word` tokens as `!word`, for the caller.
    pub filters: Vec<String>,
    /// The scope in force at the end of the query: what an empty query (`%per `) lists.
    pub scope: Scope,
}

/// The NAME of a `%src:NAME` (or `%source:NAME`) word, when it is one.
fn source_term(word: &str) -> Option<&str> {
    let name = word
        .strip_prefix("src:")
        .or_else(|| word.strip_prefix("source:"))?;
    (!name.is_empty()).then_some(name)
}

/// Shortest skeleton (in consonants) that is tried against the other script.
const MIN_SKELETON: usize = 3;

impl Query {
    /// Parses `raw` with every term in scope [`Scope::All`] until a `%scope` token.
    pub fn parse(raw: &str) -> Query {
        Query::parse_in(raw, Scope::All)
    }

    /// Parses `raw` with `scope` in force until a `%scope` token changes it.
    pub fn parse_in(raw: &str, scope: Scope) -> Query {
        let mut query = Query {
            raw: raw.to_string(),
            groups: Vec::new(),
            filters: Vec::new(),
            scope,
        };
        let mut scope = scope;
        let mut join_next = false;
        // `!%per putin` is `%per !putin`: a negated scope negates the terms after it, and
        // `|` between them joins as AND (no person matching either).
        let mut negate = false;
        for token in split_query(raw) {
            if token == "|" {
                join_next = !query.groups.is_empty() && !negate;
                continue;
            }
            if let Some((negated, word)) = filter_word(token) {
                // `%src:NAME` is one source term; the scope in force stays.
                if let Some(name) = source_term(&word) {
                    let token = if negated {
                        format!("!{name}")
                    } else {
                        name.to_string()
                    };
                    if let Some(term) = parse_term(&token) {
                        query.groups.push(Group {
                            scope: Scope::Source,
                            terms: vec![term],
                        });
                    }
                    join_next = false;
                    continue;
                }
                match Scope::from_token(&word) {
                    Some(s) => (scope, negate) = (s, negated),
                    _ if word.is_empty() => {}
                    _ if negated => query.filters.push(format!("!{word}")),
                    _ => query.filters.push(word),
                }
                continue;
            }
            let flipped;
            let token = match (negate, token.strip_prefix('!')) {
                (false, _) => token,
                (true, Some(positive)) => positive,
                (true, None) => {
                    flipped = format!("!{token}");
                    &flipped
                }
            };
            let Some(term) = parse_term(token) else {
                continue;
            };
            match query.groups.last_mut() {
                Some(group) if join_next && group.scope == scope => group.terms.push(term),
                _ => query.groups.push(Group {
                    scope,
                    terms: vec![term],
                }),
            }
            join_next = false;
        }
        query.scope = scope;
        query
    }

    /// True when nothing is left to match (no terms; filters may remain).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The scopes the query's groups use, without duplicates, in order of first use.
    pub fn scopes(&self) -> Vec<Scope> {
        let mut out: Vec<Scope> = Vec::new();
        for g in &self.groups {
            if !out.contains(&g.scope) {
                out.push(g.scope);
            }
        }
        out
    }

    /// True when every item matching `self` is sure to match `prev`, so a search for `self`
    /// may scan only `prev`'s results (the query grew by narrowing characters or terms).
    pub fn narrows(&self, prev: &Query) -> bool {
        if self.groups.len() < prev.groups.len() {
            return false;
        }
        prev.groups
            .iter()
            .zip(&self.groups)
            .all(|(old, new)| group_narrows(new, old))
    }
}

fn group_narrows(new: &Group, old: &Group) -> bool {
    new.scope == old.scope
        && new.terms.len() == old.terms.len()
        && new
            .terms
            .iter()
            .zip(&old.terms)
            .all(|(n, o)| term_narrows(n, o))
}

fn term_narrows(new: &Term, old: &Term) -> bool {
    if new == old {
        return true;
    }
    if new.negated || old.negated || !new.aliases.is_empty() || !old.aliases.is_empty() {
        return false;
    }
    // A skeleton meets the other script's words, and the pattern's letters say which that
    // is: the first Arabic letter typed after Latin ones (`^ankara-` then `^ankara-ا`)
    // turns the skeleton from Arabic words to Latin ones, which `prev` never met.
    let same_side = |t: &Term| t.pattern.chars().any(is_arabic);
    let skeleton_ok = match (&new.skeleton, &old.skeleton) {
        (None, None) => true,
        (Some(n), Some(o)) => same_side(new) == same_side(old) && skeleton_narrows(new, old, n, o),
        _ => false,
    };
    let mode_ok = match (old.mode, new.mode) {
        (a, b) if a == b => matches!(a, Mode::Fuzzy | Mode::Exact | Mode::Prefix),
        (Mode::Fuzzy, _) | (Mode::Exact, Mode::Prefix | Mode::Suffix | Mode::Equal) => true,
        (Mode::Prefix | Mode::Suffix, Mode::Equal) => true,
        _ => false,
    };
    skeleton_ok && mode_ok && new.pattern.contains(old.pattern.as_str())
}

/// Does the new term's skeleton meet only words the old one met? A plain (fuzzy) term
/// meets words whose skeleton starts with its own, comparing the vowels inside its
/// consonants only, so a longer skeleton with the same inner vowels narrows; an exact or
/// anchored term (or one grown out of a plain term) meets whole words, so it narrows only
/// with the same skeleton and vowels.
fn skeleton_narrows(new: &Term, old: &Term, n: &str, o: &str) -> bool {
    if old.mode != Mode::Fuzzy {
        return n == o && new.vowels == old.vowels;
    }
    let inner = old.vowels.len().saturating_sub(1);
    n.starts_with(o) && new.vowels.get(..inner) == old.vowels.get(..inner)
}

/// Splits a query into tokens at whitespace, except inside a double-quoted stretch of a
/// `%word` or `!%word` token: `%tag:"two words" ankara` is two tokens. An unclosed quote
/// runs to the end (the query as typed so far).
pub fn split_query(raw: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut rest = raw.trim_start();
    while !rest.is_empty() {
        let quotes = rest.starts_with('%') || rest.starts_with("!%");
        let mut quoted = false;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            if quotes && c == '"' {
                quoted = !quoted;
            } else if c.is_whitespace() && !quoted {
                end = i;
                break;
            }
        }
        tokens.push(&rest[..end]);
        rest = rest[end..].trim_start();
    }
    tokens
}

/// A `%word` or `!%word` token as (negated, the word without `%` and quotes): `!%star` is
/// `(true, "star")`, `%tag:"two words"` is `(false, "tag:two words")`. `None` for any other
/// token.
pub fn filter_word(token: &str) -> Option<(bool, String)> {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let word = rest.strip_prefix('%')?;
    Some((negated, word.replace('"', "")))
}

/// True when a filter word (without `%`, `!` and quotes) is one of the reader's triage words:
/// `unread`, `read`, `star`/`starred`, `archived`/`archive`, `tag:NAME`. Other unknown
/// `%words` are no filter at all (`%per:`, `%colour`).
pub fn is_triage_word(word: &str) -> bool {
    matches!(
        word,
        "unread" | "read" | "star" | "starred" | "archived" | "archive"
    ) || word.strip_prefix("tag:").is_some_and(|tag| !tag.is_empty())
}

/// Parses one token into a term; `None` for a bare operator such as `'`, `^` or `!`.
fn parse_term(token: &str) -> Option<Term> {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(r) => (true, r),
        None => (false, token),
    };
    let (exact, rest) = match rest.strip_prefix('\'') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (prefix, rest) = match rest.strip_prefix('^') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (suffix, rest) = match rest.strip_suffix('$') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let mode = match (prefix, suffix) {
        (true, true) => Mode::Equal,
        (true, false) => Mode::Prefix,
        (false, true) => Mode::Suffix,
        // `!x` negates `'x`, and `!'x` negates fuzzy `x` (fzf's rule).
        _ if exact != negated => Mode::Exact,
        _ => Mode::Fuzzy,
    };
    let pattern = fold_str(rest);
    if pattern.is_empty() {
        return None;
    }
    // The first word of the term, as `name_key` splits names.
    let word = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let (mut skeleton, mut vowels) = (String::new(), String::new());
    push_word_shape(word, &mut skeleton, Some(&mut vowels));
    let (skeleton, vowels) = if skeleton.len() >= MIN_SKELETON {
        (Some(skeleton), vowels)
    } else {
        (None, String::new())
    };
    let aliases = aliases::expand(&pattern);
    Some(Term {
        mode,
        negated,
        pattern,
        skeleton,
        vowels,
        aliases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negated_and_quoted_filter_words_are_filters_not_terms() {
        let q = Query::parse("!%star %tag:\"iki kelime\" ankara !%tag:x");
        assert_eq!(q.filters, ["!star", "tag:iki kelime", "!tag:x"]);
        assert_eq!(q.groups.len(), 1, "only `ankara` is a term");
        assert_eq!(
            split_query("%tag:\"a b"),
            ["%tag:\"a b"],
            "open quote runs on"
        );
        assert_eq!(
            split_query(" \"a b\" c "),
            ["\"a", "b\"", "c"],
            "terms split at spaces"
        );
    }
}
