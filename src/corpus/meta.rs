//! What an article read from a feed, a page, a dump or a web archive says about itself,
//! kept beside its text and never inside it: annotations are byte spans into the text, so
//! re-reading a feed whose metadata changed moves none of them.

use serde::Serialize;

/// An article's metadata, as its source gave it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ArticleMeta {
    /// Who published it: the feed's or the site's name (`TRT Haber`, `الجزيرة نت`), else
    /// the host of its url.
    pub source: Option<String>,
    /// Where the article lives on the web.
    pub url: Option<String>,
    /// The author or byline.
    pub author: Option<String>,
    /// The publication time as RFC 3339 with the offset the source gave
    /// (`2024-03-05T21:30:00+03:00`), or the source's own words when they could not be read
    /// as a time.
    pub published: Option<String>,
    /// The language the source declared (`tr`, `ar-SA`), as written.
    pub lang: Option<String>,
    /// The feed (its title) or dump the article came in, when it came in one.
    pub feed: Option<String>,
    /// The other sources that carried the same story (same url or near-identical text),
    /// merged into this one when the corpus was loaded.
    pub also: Vec<String>,
}

impl ArticleMeta {
    /// The day of publication in the source's own time zone (`2024-03-05`): an article
    /// published at 23:30 in Istanbul is dated that day, not the next one in UTC.
    pub fn day(&self) -> Option<&str> {
        let published = self.published.as_deref()?;
        let day = published.get(..10)?;
        let b = day.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
            .then_some(day)
    }

    /// The name shown for the source: the declared source, else the feed.
    pub fn source_name(&self) -> Option<&str> {
        self.source.as_deref().or(self.feed.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_is_the_sources_own() {
        let meta = ArticleMeta {
            published: Some("2024-03-05T23:30:00+03:00".into()),
            ..ArticleMeta::default()
        };
        assert_eq!(meta.day(), Some("2024-03-05"));
        let words = ArticleMeta {
            published: Some("dün akşam".into()),
            ..ArticleMeta::default()
        };
        assert_eq!(words.day(), None);
    }
}
