//! The corpus on the server (`okur.articles`, schema version 2): each article stored once by
//! the hash okur keys its text by locally, with its title, source, url, publication,
//! language, tags, the text, and okur's own fold of title and text ([`crate::text::fold_str`],
//! the fold the local search matches on) under a `pg_trgm` index.
//!
//! - [`upload`]: `okur team corpus add`, multi-row inserts in batches, idempotent by hash.
//! - [`Selection`] and [`select`]: the working set a filter picks, read back as documents
//!   the reader opens and searches in memory like a local corpus.

use postgres::types::ToSql;

use super::TeamError;
use crate::corpus::{ArticleMeta, Document};
use crate::text::fold_str;

pub use super::corpus_select::{Selected, Selection, SelectionError, select};

/// Articles sent per statement: one round trip each, small enough that one batch of long
/// articles stays a few megabytes.
pub const UPLOAD_BATCH: usize = 500;

/// What an upload did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UploadCounts {
    /// Articles sent to the server.
    pub sent: usize,
    /// New on the server.
    pub added: usize,
    /// Already there (same text hash), left as they were.
    pub existing: usize,
    /// Not sent: their text holds a NUL byte, which PostgreSQL's text cannot store.
    pub skipped: usize,
}

impl std::ops::AddAssign for UploadCounts {
    fn add_assign(&mut self, other: UploadCounts) {
        self.sent += other.sent;
        self.added += other.added;
        self.existing += other.existing;
        self.skipped += other.skipped;
    }
}

/// One article as stored: the columns of `okur.articles` an uploader writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The text's hash (32 hex digits, [`crate::corpus::DocKey::of_text`]).
    pub hash: String,
    /// The title as okur showed it.
    pub title: String,
    /// The source's name (a feed's or site's), when it came with one.
    pub source: Option<String>,
    /// The source's name folded: what `src:NAME` matches.
    pub source_key: Option<String>,
    /// The article's url.
    pub url: Option<String>,
    /// The publication time as the source wrote it.
    pub published: Option<String>,
    /// The author or byline.
    pub author: Option<String>,
    /// The day of publication (`YYYY-MM-DD`), when known to the day.
    pub day: Option<String>,
    /// `tr`, `ar` or `--`.
    pub lang: &'static str,
    /// The tags the uploader gave.
    pub tags: Vec<String>,
    /// The decoded text, byte for byte.
    pub body: String,
    /// okur's fold of the title and the text, one line break between them.
    pub folded: String,
}

impl Article {
    /// The row for `doc`, tagged `tags`; `None` when its text holds a NUL byte.
    /// (or does not read back: see [`crate::corpus::text_failure`]).
    pub fn of(doc: &Document, tags: &[String]) -> Option<Article> {
        let text = doc.text().ok()?;
        if text.contains('\0') || doc.title.contains('\0') {
            return None;
        }
        let meta = doc.meta.as_deref();
        let field = |f: fn(&ArticleMeta) -> Option<&String>| {
            meta.and_then(f).filter(|v| !v.contains('\0')).cloned()
        };
        let source = doc
            .source()
            .filter(|s| !s.contains('\0'))
            .map(str::to_string);
        let mut folded = fold_str(&doc.title);
        folded.push('\n');
        crate::text::fold_into(&text, &mut folded);
        Some(Article {
            hash: doc.key.text.clone(),
            title: doc.title.clone(),
            source_key: source.as_deref().map(fold_str),
            source,
            url: field(|m| m.url.as_ref()),
            published: field(|m| m.published.as_ref()),
            author: field(|m| m.author.as_ref()),
            day: doc.date().filter(|d| d.len() == 10).map(str::to_string),
            lang: doc.lang.code(),
            tags: tags.to_vec(),
            body: text.into_owned(),
            folded,
        })
    }
}

/// Rows already on the server (same hash) are skipped, whoever sent them: an article is
/// stored once. The tags go in as one JSON array per row (`text[][]` would need every
/// row to have as many tags).
const INSERT: &str = "INSERT INTO okur.articles
        (hash, title, source, source_key, url, published, author, day, lang, tags, body, folded)
    SELECT a.hash, a.title, a.source, a.source_key, a.url, a.published, a.author, a.day::date,
        a.lang, ARRAY(SELECT jsonb_array_elements_text(a.tags)), a.body, a.folded
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
        $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::text[])
        AS a(hash, title, source, source_key, url, published, author, day, lang, tags, body,
             folded)
    ON CONFLICT (hash) DO NOTHING";

/// Uploads `docs` tagged `tags`, [`UPLOAD_BATCH`] at a time, each batch one statement (all
/// of it stored or none). Sending the same documents again adds nothing.
pub fn upload<'a>(
    client: &mut postgres::Client,
    docs: impl IntoIterator<Item = &'a Document>,
    tags: &[String],
) -> Result<UploadCounts, TeamError> {
    let statement = client.prepare(INSERT)?;
    let mut counts = UploadCounts::default();
    let mut batch = Vec::with_capacity(UPLOAD_BATCH);
    let mut docs = docs.into_iter().peekable();
    while docs.peek().is_some() {
        batch.clear();
        for doc in docs.by_ref() {
            match Article::of(doc, tags) {
                Some(article) => batch.push(article),
                None => counts.skipped += 1,
            }
            if batch.len() == UPLOAD_BATCH {
                break;
            }
        }
        counts += send(client, &statement, &batch)?;
    }
    Ok(counts)
}

/// Sends one batch as one multi-row insert.
fn send(
    client: &mut postgres::Client,
    statement: &postgres::Statement,
    batch: &[Article],
) -> Result<UploadCounts, TeamError> {
    if batch.is_empty() {
        return Ok(UploadCounts::default());
    }
    fn column<'a, T: 'a>(batch: &'a [Article], f: impl Fn(&'a Article) -> T) -> Vec<T> {
        batch.iter().map(f).collect()
    }
    let hash = column(batch, |a| a.hash.as_str());
    let title = column(batch, |a| a.title.as_str());
    let source = column(batch, |a| a.source.as_deref());
    let source_key = column(batch, |a| a.source_key.as_deref());
    let url = column(batch, |a| a.url.as_deref());
    let published = column(batch, |a| a.published.as_deref());
    let author = column(batch, |a| a.author.as_deref());
    let day = column(batch, |a| a.day.as_deref());
    let lang = column(batch, |a| a.lang);
    let tags = column(batch, |a| serde_json::json!(a.tags));
    let body = column(batch, |a| a.body.as_str());
    let folded = column(batch, |a| a.folded.as_str());
    let params: [&(dyn ToSql + Sync); 12] = [
        &hash,
        &title,
        &source,
        &source_key,
        &url,
        &published,
        &author,
        &day,
        &lang,
        &tags,
        &body,
        &folded,
    ];
    let added = usize::try_from(client.execute(statement, &params)?).unwrap_or(usize::MAX);
    Ok(UploadCounts {
        sent: batch.len(),
        added,
        existing: batch.len().saturating_sub(added),
        skipped: 0,
    })
}

/// The document a stored article reads back as: the same text (so the same hash, and the
/// local journal's state for it applies), its stored title and metadata. Its path is
/// `team:HASH`: where the uploader's file lay is not shared.
pub fn document(hash: &str, body: String, title: String, meta: Option<ArticleMeta>) -> Document {
    let mut doc = Document::from_text(format!("team:{hash}"), body);
    if !title.is_empty() {
        doc.title = title;
    }
    doc.meta = meta.map(Box::new);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_keeps_the_documents_hash_and_okurs_fold() {
        let doc = Document::from_text(
            "a.txt",
            "ERDOĞAN Ankara'da\n\nİstanbul 2024-03-05.\n".into(),
        );
        let article = Article::of(&doc, &["gündem".into()]).expect("no NUL");
        assert_eq!(
            article.hash,
            crate::corpus::DocKey::of_text(&doc.text().expect("reads")).text
        );
        assert!(
            article.folded.contains("erdogan ankara'da"),
            "{}",
            article.folded
        );
        assert!(article.folded.contains("istanbul"), "{}", article.folded);
        assert_eq!(article.tags, ["gündem"]);
        let back = document(
            &article.hash,
            article.body.clone(),
            article.title.clone(),
            None,
        );
        assert_eq!(back.key.text, article.hash, "the same text, the same key");
        assert_eq!(back.path, format!("team:{}", article.hash));
    }

    #[test]
    fn a_text_with_a_nul_byte_is_not_an_article() {
        let doc = Document::from_text("b.txt", "a\0b\n".into());
        assert!(Article::of(&doc, &[]).is_none());
    }
}
