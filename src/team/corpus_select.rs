//! `--select`: which of the server's articles make the working set, as one parameterised
//! query.
//!
//! The words are the local search's: a filter is `KEY:VALUE` (a leading `%` as in the
//! reader's filter line is allowed: `%src:trt`, `%tag:x`), anything else a word; a
//! double-quoted stretch keeps its spaces. `src:NAME` (folded source name starts with NAME;
//! several are alternatives), `since:DATE` and `until:DATE` (`2024`, `2024-03` or
//! `2024-03-05`, both ends included), `tag:T` (an uploader's tag, or the team's tag: every
//! one must hold), `lang:tr|ar`, `word` (title or text contains it, folded as the local
//! search folds, so `erdogan` finds `ERDOĞAN` and `محمد` finds `مُحَمَّد`) and `!word` (does
//! not contain it).

use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;

use super::TeamError;
use crate::corpus::{ArticleMeta, Document};
use crate::text::fold_str;

/// What a selection says, folded and checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Folded source-name prefixes; one must match.
    pub sources: Vec<String>,
    /// First day included.
    pub since: Option<time::Date>,
    /// Last day included.
    pub until: Option<time::Date>,
    /// Tags that must all hold.
    pub tags: Vec<String>,
    /// Language codes; one must match.
    pub langs: Vec<&'static str>,
    /// Folded words (or quoted phrases) the title or text must contain.
    pub words: Vec<String>,
    /// Folded words it must not contain.
    pub without: Vec<String>,
}

/// Why a selection cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectionError {
    /// Nothing given: that would load the whole server corpus.
    #[error(
        "an empty selection would load the whole server corpus: give src:NAME, since:DATE, until:DATE, tag:T, lang:tr|ar or words"
    )]
    Empty,
    /// A `%word` or `KEY:` this grammar does not know.
    #[error("--select does not know the filter {0:?}: use src:, since:, until:, tag:, lang:")]
    UnknownFilter(String),
    /// A filter without its value.
    #[error("{0:?} needs a value, e.g. src:trt, since:2024-01-01, tag:gündem")]
    EmptyValue(String),
    /// Not a date.
    #[error("{0:?} is not a date: write 2024, 2024-03 or 2024-03-05")]
    BadDate(String),
    /// `since` after `until`.
    #[error("since:{since} is after until:{until}: nothing could match")]
    Backwards {
        /// The first day asked for.
        since: String,
        /// The last day asked for.
        until: String,
    },
    /// Not `tr` or `ar`.
    #[error("lang:{0} is not a language okur tells apart: lang:tr or lang:ar")]
    BadLang(String),
    /// An operator of the reader's search that a selection does not take.
    #[error(
        "{0:?}: --select matches words anywhere in the title or text; ^, $ and | belong to the reader's search, which runs on the selection once it is loaded"
    )]
    Operator(String),
    /// A word that folds to nothing (only marks).
    #[error("{0:?} has no letters to match")]
    NoLetters(String),
}

/// The tokens of a selection: split at whitespace outside double quotes, quotes removed.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut token, mut quoted, mut any) = (String::new(), false, false);
    for c in text.chars() {
        match c {
            '"' => (quoted, any) = (!quoted, true),
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut token));
                }
                any = false;
            }
            c => {
                token.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(token);
    }
    out
}

/// A date of the selection as (first day, last day) of what it names.
fn date_range(word: &str) -> Option<(time::Date, time::Date)> {
    let mut parts = word.split('-');
    let number = |p: Option<&str>, digits: usize| -> Option<Option<u16>> {
        match p {
            None => Some(None),
            Some(p) if p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()) => {
                p.parse().ok().map(Some)
            }
            Some(_) => None,
        }
    };
    let year = i32::from(number(parts.next(), 4)??);
    let month = number(parts.next(), 2)?;
    let day = number(parts.next(), 2)?;
    if parts.next().is_some() || (month.is_none() && day.is_some()) {
        return None;
    }
    let month_of = |m: u16| time::Month::try_from(u8::try_from(m).ok()?).ok();
    let (first_month, last_month) = match month {
        Some(m) => (month_of(m)?, month_of(m)?),
        None => (time::Month::January, time::Month::December),
    };
    let last_day = time::util::days_in_month(last_month, year);
    let (first, last) = match day {
        Some(d) => (u8::try_from(d).ok()?, u8::try_from(d).ok()?),
        None => (1, last_day),
    };
    Some((
        time::Date::from_calendar_date(year, first_month, first).ok()?,
        time::Date::from_calendar_date(year, last_month, last).ok()?,
    ))
}

impl Selection {
    /// Reads a selection (see the module's documentation for the words).
    pub fn parse(text: &str) -> Result<Selection, SelectionError> {
        let mut s = Selection::default();
        for token in tokens(text) {
            let (filter, bare) = match token.strip_prefix('%') {
                Some(rest) => (true, rest),
                None => (false, token.as_str()),
            };
            if let Some((key, value)) = bare.split_once(':')
                && (filter || matches!(key, "src" | "source" | "since" | "until" | "tag" | "lang"))
            {
                s.filter(key, value, &token)?;
            } else if filter {
                return Err(SelectionError::UnknownFilter(token));
            } else {
                s.word(&token)?;
            }
        }
        if s == Selection::default() {
            return Err(SelectionError::Empty);
        }
        if let (Some(since), Some(until)) = (s.since, s.until)
            && since > until
        {
            return Err(SelectionError::Backwards {
                since: since.to_string(),
                until: until.to_string(),
            });
        }
        Ok(s)
    }

    fn filter(&mut self, key: &str, value: &str, token: &str) -> Result<(), SelectionError> {
        if value.is_empty() {
            return Err(SelectionError::EmptyValue(token.to_string()));
        }
        let date = || date_range(value).ok_or_else(|| SelectionError::BadDate(value.into()));
        match key {
            "src" | "source" => self.sources.push(fold_str(value)),
            "since" => self.since = Some(date()?.0),
            "until" => self.until = Some(date()?.1),
            "tag" => self.tags.push(value.to_string()),
            "lang" => self.langs.push(match value {
                "tr" => "tr",
                "ar" => "ar",
                _ => return Err(SelectionError::BadLang(value.into())),
            }),
            _ => return Err(SelectionError::UnknownFilter(token.to_string())),
        }
        Ok(())
    }

    fn word(&mut self, token: &str) -> Result<(), SelectionError> {
        if token == "|" || token.starts_with('^') || token.ends_with('$') {
            return Err(SelectionError::Operator(token.to_string()));
        }
        let (negated, rest) = match token.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, token),
        };
        let rest = rest.strip_prefix('\'').unwrap_or(rest);
        let folded = fold_str(rest);
        if folded.trim().is_empty() {
            return Err(SelectionError::NoLetters(token.to_string()));
        }
        match negated {
            true => self.without.push(folded),
            false => self.words.push(folded),
        }
        Ok(())
    }

    /// The query and its parameters, newest articles first, at most `limit` rows.
    pub fn sql(&self, limit: i64) -> (String, Vec<Box<dyn ToSql + Sync>>) {
        let mut sql = String::from(
            "SELECT a.hash, a.title, a.source, a.url, a.published, a.author, a.body
            FROM okur.articles a WHERE true",
        );
        let mut params: Vec<Box<dyn ToSql + Sync>> = Vec::new();
        let mut param = |sql: &mut String, value: Box<dyn ToSql + Sync>, clause: &str| {
            params.push(value);
            sql.push_str(&clause.replace('?', &format!("${}", params.len())));
        };
        // One `LIKE` per name, not `LIKE ANY (array)`: the planner turns a prefix pattern
        // into a range on the source index only when it sees the pattern itself.
        for (i, source) in self.sources.iter().enumerate() {
            let open = if i == 0 { " AND (" } else { " OR " };
            let pattern = like_escape(source) + "%";
            param(
                &mut sql,
                Box::new(pattern),
                &format!("{open}a.source_key LIKE ?"),
            );
        }
        if !self.sources.is_empty() {
            sql.push(')');
        }
        if let Some(since) = self.since {
            param(
                &mut sql,
                Box::new(since.to_string()),
                " AND a.day >= ?::text::date",
            );
        }
        if let Some(until) = self.until {
            param(
                &mut sql,
                Box::new(until.to_string()),
                " AND a.day <= ?::text::date",
            );
        }
        for tag in &self.tags {
            param(
                &mut sql,
                Box::new(tag.clone()),
                " AND (a.tags @> ARRAY[?::text] OR a.hash IN (SELECT t.doc FROM okur.team_triage t
                    WHERE t.field = 'tag:' || ?::text AND t.value = 'true'::jsonb))",
            );
        }
        if !self.langs.is_empty() {
            let langs: Vec<String> = self.langs.iter().map(|l| l.to_string()).collect();
            param(&mut sql, Box::new(langs), " AND a.lang = ANY (?::text[])");
        }
        for word in &self.words {
            let pattern = format!("%{}%", like_escape(word));
            param(&mut sql, Box::new(pattern), " AND a.folded LIKE ?");
        }
        for word in &self.without {
            let pattern = format!("%{}%", like_escape(word));
            param(&mut sql, Box::new(pattern), " AND a.folded NOT LIKE ?");
        }
        param(
            &mut sql,
            Box::new(limit),
            " ORDER BY a.day DESC NULLS LAST, a.hash LIMIT ?",
        );
        (sql, params)
    }
}

/// `text` as a LIKE pattern matching itself (backslash is LIKE's default escape).
fn like_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A selection read from the server.
#[derive(Debug, Default)]
pub struct Selected {
    /// The articles, newest first, as documents.
    pub docs: Vec<Document>,
    /// True when the selection holds more than the cap: `docs` are the newest of them.
    pub capped: bool,
}

/// Reads the articles `selection` picks, at most `cap` of them, as they stream in (each
/// row becomes a document as it arrives; nothing waits for the whole answer).
pub fn select(
    client: &mut postgres::Client,
    selection: &Selection,
    cap: usize,
) -> Result<Selected, TeamError> {
    let limit = i64::try_from(cap.saturating_add(1)).unwrap_or(i64::MAX);
    let (sql, params) = selection.sql(limit);
    let mut rows = client.query_raw(&sql, params.iter().map(|p| p.as_ref() as &dyn ToSql))?;
    let mut out = Selected::default();
    while let Some(row) = rows.next()? {
        if out.docs.len() == cap {
            out.capped = true;
            break;
        }
        let hash: String = row.try_get(0)?;
        let meta = ArticleMeta {
            source: row.try_get(2)?,
            url: row.try_get(3)?,
            published: row.try_get(4)?,
            author: row.try_get(5)?,
            ..ArticleMeta::default()
        };
        let meta = (meta != ArticleMeta::default()).then_some(meta);
        let doc = super::corpus::document(&hash, row.try_get(6)?, row.try_get(1)?, meta);
        out.docs.push(doc);
    }
    Ok(out)
}

#[cfg(test)]
#[path = "corpus_select_tests.rs"]
mod tests;
