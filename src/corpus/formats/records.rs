//! JSON lines and JSON arrays of article records, as scrapers and news APIs write them
//! (news-please, Common Crawl News, GDELT-style exports). Each record is an object; its
//! fields are found by name, from a list of the usual names for each, which
//! `OKUR_FIELDS` can replace (`OKUR_FIELDS="title=headline,text=maintext,date=seendate"`).

use serde_json::{Map, Value};

use super::date::parse_published;
use super::{Article, FormatError, Read, body_paragraphs};
use crate::corpus::ArticleMeta;

/// The environment variable that names a record's fields: comma-separated `ROLE=NAME`
/// pairs, where ROLE is title, text, date, url, lang, source or author, and NAME a field
/// (several names for one role are tried in order: `text=body,text=content`).
pub const FIELDS_ENV: &str = "OKUR_FIELDS";

/// How many problem lines are named one by one before the rest are only counted.
const NAMED_PROBLEMS: usize = 5;

/// The field names tried, in order, for each part of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The headline.
    pub title: Vec<String>,
    /// The article text (plain or HTML).
    pub text: Vec<String>,
    /// The publication time.
    pub date: Vec<String>,
    /// The article's url.
    pub url: Vec<String>,
    /// The declared language.
    pub lang: Vec<String>,
    /// The site or outlet.
    pub source: Vec<String>,
    /// The author(s).
    pub author: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for Fields {
    /// The names news-please, Common Crawl News, GDELT and most scrapers use.
    fn default() -> Fields {
        Fields {
            title: names(&["title", "headline", "name"]),
            text: names(&[
                "text",
                "maintext",
                "content",
                "body",
                "article",
                "description",
            ]),
            date: names(&[
                "date",
                "date_publish",
                "published",
                "pubDate",
                "datePublished",
                "published_at",
                "seendate",
            ]),
            url: names(&["url", "link", "source_url", "href"]),
            lang: names(&["lang", "language"]),
            source: names(&[
                "source",
                "source_domain",
                "domain",
                "site",
                "sourcename",
                "outlet",
            ]),
            author: names(&["author", "authors", "byline", "creator"]),
        }
    }
}

impl Fields {
    /// The defaults with `spec` (as `OKUR_FIELDS` holds it) put first. Unknown roles and
    /// pairs without `=` are an error naming them.
    pub fn parse(spec: &str) -> Result<Fields, String> {
        let mut fields = Fields::default();
        let mut given: Vec<(String, String)> = Vec::new();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (role, name) = pair
                .split_once('=')
                .ok_or_else(|| format!("{FIELDS_ENV}: `{pair}` is not ROLE=NAME"))?;
            given.push((role.trim().to_ascii_lowercase(), name.trim().to_string()));
        }
        for (role, name) in given.into_iter().rev() {
            let list = match role.as_str() {
                "title" => &mut fields.title,
                "text" => &mut fields.text,
                "date" => &mut fields.date,
                "url" => &mut fields.url,
                "lang" => &mut fields.lang,
                "source" => &mut fields.source,
                "author" => &mut fields.author,
                _ => {
                    return Err(format!(
                        "{FIELDS_ENV}: unknown role `{role}` (title, text, date, url, lang, source, author)"
                    ));
                }
            };
            list.insert(0, name);
        }
        Ok(fields)
    }

    /// The fields as `OKUR_FIELDS` sets them (read once per process); the defaults when it is
    /// unset or wrong (a wrong value is reported by [`Fields::env_error`]).
    pub fn configured() -> Fields {
        configured().0.clone()
    }

    /// What is wrong with `OKUR_FIELDS`, if anything.
    pub fn env_error() -> Option<String> {
        configured().1.clone()
    }
}

fn configured() -> &'static (Fields, Option<String>) {
    static FIELDS: std::sync::OnceLock<(Fields, Option<String>)> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| match std::env::var(FIELDS_ENV) {
        Ok(spec) => match Fields::parse(&spec) {
            Ok(fields) => (fields, None),
            Err(e) => (Fields::default(), Some(e)),
        },
        Err(_) => (Fields::default(), None),
    })
}

/// Reads JSON lines (one object per line) or a JSON array of objects.
pub fn read_records(bytes: &[u8], fields: &Fields) -> Result<Read, FormatError> {
    let (text, notice) = super::charset::decode_declared(bytes, None);
    let mut read = Read::default();
    read.notices.extend(notice);
    read.notices.extend(Fields::env_error());
    let mut problems = Vec::new();
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        let values: Vec<Value> =
            serde_json::from_str(trimmed).map_err(|e| FormatError::Json(e.to_string()))?;
        for (i, value) in values.into_iter().enumerate() {
            take(
                &mut read,
                &mut problems,
                format!("record {}", i + 1),
                value,
                fields,
            );
        }
    } else {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Value>(line) {
                Ok(value) => take(
                    &mut read,
                    &mut problems,
                    format!("line {}", i + 1),
                    value,
                    fields,
                ),
                Err(e) => problems.push(format!("line {}: not JSON ({e})", i + 1)),
            }
        }
    }
    if !problems.is_empty() {
        read.notices.push(summarize(&problems));
    }
    Ok(read)
}

/// One notice for all skipped records: the first few by name, then a count.
fn summarize(problems: &[String]) -> String {
    let named = problems
        .iter()
        .take(NAMED_PROBLEMS)
        .cloned()
        .collect::<Vec<_>>();
    let more = problems.len().saturating_sub(NAMED_PROBLEMS);
    let tail = if more > 0 {
        format!("; {more} more")
    } else {
        String::new()
    };
    format!("{} skipped: {}{tail}", problems.len(), named.join("; "))
}

fn take(read: &mut Read, problems: &mut Vec<String>, at: String, value: Value, fields: &Fields) {
    let Value::Object(object) = value else {
        problems.push(format!("{at}: not an object"));
        return;
    };
    match record_article(&object, fields) {
        Some(article) => read.articles.push(article),
        None => problems.push(format!("{at}: no title or text")),
    }
}

fn record_article(object: &Map<String, Value>, fields: &Fields) -> Option<Article> {
    let get = |names: &[String]| names.iter().find_map(|n| string_of(object.get(n)?));
    let paragraphs = get(&fields.text)
        .map(|t| body_paragraphs(&t))
        .unwrap_or_default();
    let title = get(&fields.title).unwrap_or_default();
    if title.trim().is_empty() && paragraphs.is_empty() {
        return None;
    }
    Some(Article {
        title,
        paragraphs,
        meta: ArticleMeta {
            source: get(&fields.source),
            url: get(&fields.url),
            author: get(&fields.author),
            published: get(&fields.date).and_then(|d| parse_published(&d)),
            lang: get(&fields.lang),
            feed: None,
            also: Vec::new(),
        },
    })
}

/// A field as text: a string, a number, or a list of them (authors) joined by commas.
pub(super) fn string_of(value: &Value) -> Option<String> {
    let s = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .filter_map(string_of)
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(o) => o.get("name").and_then(string_of)?,
        _ => return None,
    };
    (!s.trim().is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_names_come_first_and_bad_roles_are_named() -> Result<(), String> {
        let fields = Fields::parse("title=baslik, text=metin")?;
        assert_eq!(fields.title[0], "baslik");
        assert_eq!(fields.text[..2], ["metin".to_string(), "text".to_string()]);
        let err = Fields::parse("colour=x").err().unwrap_or_default();
        assert!(err.contains("unknown role `colour`"), "{err}");
        Ok(())
    }

    #[test]
    fn lines_that_are_not_objects_are_skipped_with_a_notice() -> Result<(), FormatError> {
        let input = "{\"title\":\"Bir\",\"text\":\"metin\"}\n[1,2]\n{oops\n{\"baslik\":\"İki\",\"metin\":\"x\"}\n";
        let read = read_records(input.as_bytes(), &Fields::default())?;
        assert_eq!(read.articles.len(), 1);
        let notice = read.notices.join("|");
        assert!(notice.contains("line 2: not an object"), "{notice}");
        assert!(notice.contains("line 3: not JSON"), "{notice}");
        assert!(notice.contains("line 4: no title or text"), "{notice}");
        let read = read_records(
            input.as_bytes(),
            &Fields::parse("title=baslik,text=metin").map_err(FormatError::Json)?,
        )?;
        assert_eq!(read.articles.len(), 2);
        Ok(())
    }
}
