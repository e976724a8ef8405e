//! Links as sources write them, made absolute: a feed item's `<link>` may be relative to
//! the `xml:base` around it, to the channel's own link or to the address the feed was
//! fetched from; a saved page's canonical link or `og:url` to its `<base href>` or address.
//! A relative link is useless outside its source (it cannot be fetched, and two feeds'
//! `/haber/1` would pass for the same story), so one that no base resolves is dropped.

use url::Url;

/// `link` as an absolute url: as written when it is one, else joined to the first of
/// `bases` that is an absolute url (relative bases and file names are passed over).
/// `None` for an empty link, or a relative one with no usable base.
pub fn resolve(link: &str, bases: &[Option<&str>]) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    // As written, not re-serialised: the url is part of an item's key (its triage state).
    if Url::parse(link).is_ok() {
        return Some(link.to_string());
    }
    bases
        .iter()
        .flatten()
        .find_map(|base| Url::parse(base.trim()).ok()?.join(link).ok())
        .map(String::from)
}

/// True when `s` is an absolute url (`https://...`), not a file name or a relative path.
pub fn is_absolute(s: &str) -> bool {
    Url::parse(s.trim()).is_ok()
}

/// Where a page's relative links point from: its `<base href>` (itself resolved against
/// the page's address) else the address.
pub fn page_base(base_href: Option<&str>, address: Option<&str>) -> Option<String> {
    base_href
        .and_then(|b| resolve(b, &[address]))
        .or_else(|| address.filter(|a| is_absolute(a)).map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_join_the_first_absolute_base() {
        let bases = [Some("haber.xml"), Some("https://www.aa.com.tr/tr/rss/")];
        assert_eq!(
            resolve("../gundem/ankara-1", &bases).as_deref(),
            Some("https://www.aa.com.tr/tr/gundem/ankara-1")
        );
        assert_eq!(
            resolve(
                "/ar/akhbar/2",
                &[None, Some("https://aljazeera.example/x/y")]
            )
            .as_deref(),
            Some("https://aljazeera.example/ar/akhbar/2")
        );
    }

    #[test]
    fn absolute_links_stay_as_written_and_orphans_are_dropped() {
        let written = "https://example.com.tr/a b?x=1";
        assert_eq!(resolve(written, &[]).as_deref(), Some(written));
        assert_eq!(resolve("/haber/1", &[Some("haber.xml"), None]), None);
        assert_eq!(resolve("  ", &[Some("https://x.example/")]), None);
    }

    #[test]
    fn a_relative_base_is_resolved_against_the_address() {
        assert_eq!(
            page_base(Some("/ar/"), Some("https://nashra.example/x/y.html")).as_deref(),
            Some("https://nashra.example/ar/")
        );
        assert_eq!(page_base(None, Some("sayfa.html")), None);
    }
}
