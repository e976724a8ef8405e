//! The same story from several feeds, shown once: articles with the same url (scheme,
//! `www.`, trailing slash, fragment and tracking parameters aside) or near-identical text
//! (the same words once case, punctuation and spacing are set aside) are merged into the
//! first, which lists the others' sources.

use std::collections::HashMap;

use crate::corpus::Document;
use crate::text::is_word_char;

/// Merges repeated stories among the documents that came with metadata (plain text files
/// are left alone: two copies of a file are two documents, each with its own triage).
/// Returns one notice when anything was merged.
pub fn merge_same_stories(docs: &mut Vec<Document>) -> Option<String> {
    let mut first_by: HashMap<String, usize> = HashMap::new();
    let mut merged_into: Vec<Option<usize>> = vec![None; docs.len()];
    for (i, doc) in docs.iter().enumerate() {
        let Some(meta) = doc.meta.as_deref() else {
            continue;
        };
        let keys = [
            meta.url.as_deref().map(|u| format!("u {}", url_key(u))),
            Some(format!("t {}", words_key(&doc.text().unwrap_or_default()))),
        ];
        let mut found = None;
        for key in keys.iter().flatten() {
            if let Some(&first) = first_by.get(key) {
                found = Some(first);
                break;
            }
        }
        match found {
            Some(first) => merged_into[i] = Some(first),
            None => {
                for key in keys.into_iter().flatten() {
                    first_by.entry(key).or_insert(i);
                }
            }
        }
    }
    let count = merged_into.iter().flatten().count();
    if count == 0 {
        return None;
    }
    let mut also: Vec<(usize, String)> = Vec::new();
    for (i, into) in merged_into.iter().enumerate() {
        if let Some(first) = into {
            let name = docs[i]
                .source()
                .unwrap_or(docs[i].path.as_str())
                .to_string();
            also.push((*first, name));
        }
    }
    for (first, name) in also {
        if let Some(meta) = docs[first].meta.as_deref_mut()
            && meta.source_name() != Some(name.as_str())
            && !meta.also.contains(&name)
        {
            meta.also.push(name);
        }
    }
    let mut i = 0;
    docs.retain(|_| {
        let keep = merged_into[i].is_none();
        i += 1;
        keep
    });
    Some(format!(
        "{count} repeated {} shown once, with {} other sources",
        if count == 1 { "story" } else { "stories" },
        if count == 1 { "its" } else { "their" }
    ))
}

/// A url without what does not change the page it names.
fn url_key(url: &str) -> String {
    let url = url.trim();
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.split('#').next().unwrap_or(rest);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("utm_") && !p.starts_with("fbclid"))
        .collect();
    let path = path.trim_end_matches('/').to_lowercase();
    if kept.is_empty() {
        path
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

/// The text's words, lower-cased, joined by single spaces, hashed. Hashed as it goes, with
/// fast paths for ASCII and Arabic letters: this runs over every article of every feed.
fn words_key(text: &str) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = [0u8; 4];
    let mut in_word = false;
    let mut any = false;
    for c in text.chars() {
        if !is_word_char(c) {
            in_word = false;
            continue;
        }
        if !in_word && any {
            hasher.update(b" ");
        }
        in_word = true;
        any = true;
        if c.is_ascii() || is_arabic_letter(c) {
            hasher.update(c.to_ascii_lowercase().encode_utf8(&mut buf).as_bytes());
            continue;
        }
        // `İ` lowers to `i` and a combining dot: the dot is dropped so `BİR` meets `bir`.
        for l in c.to_lowercase().filter(|&l| l != '\u{307}') {
            hasher.update(l.encode_utf8(&mut buf).as_bytes());
        }
    }
    format!("{:032x}", hasher.digest128())
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::ArticleMeta;

    fn doc(path: &str, text: &str, source: &str, url: &str) -> Document {
        let mut d = Document::from_text(path, text.to_string());
        d.meta = Some(Box::new(ArticleMeta {
            source: Some(source.into()),
            url: (!url.is_empty()).then(|| url.to_string()),
            ..ArticleMeta::default()
        }));
        d
    }

    #[test]
    fn same_url_or_same_words_are_one_story() {
        let mut docs = vec![
            doc(
                "a.xml#1",
                "Başlık\n\nMetin bir.",
                "AA",
                "https://www.aa.com.tr/x/?utm_source=rss",
            ),
            doc(
                "b.xml#1",
                "Başka başlık\n\nBaşka metin.",
                "TRT",
                "http://aa.com.tr/x",
            ),
            doc("b.xml#2", "başlık!\n\nmetin   BİR", "Hürriyet", ""),
            doc("c.xml#1", "Yepyeni\n\nHaber.", "AA", "https://aa.com.tr/y"),
            Document::from_text("d.txt", "Başlık\n\nMetin bir.".into()),
        ];
        let notice = merge_same_stories(&mut docs);
        let paths: Vec<&str> = docs.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["a.xml#1", "c.xml#1", "d.txt"]);
        let also = docs[0]
            .meta
            .as_ref()
            .map(|m| m.also.clone())
            .unwrap_or_default();
        assert_eq!(also, ["TRT", "Hürriyet"]);
        assert!(notice.is_some_and(|n| n.starts_with("2 repeated stories")));
    }
}
