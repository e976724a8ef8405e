//! HTML turned into plain-text paragraphs: a feed's description (CDATA or entity-encoded),
//! a record's HTML body, and the article a page reader kept.

/// The paragraphs of an HTML fragment: one per block element or line break, whitespace
/// collapsed, entities decoded, scripts and styles left out.
pub fn html_paragraphs(html: &str) -> Vec<String> {
    let doc = dom_query::Document::fragment(html);
    doc.select("script, style, noscript, template").remove();
    let text = doc.formatted_text();
    lines_as_paragraphs(&text)
}

/// Every non-empty line of formatted text as a paragraph, whitespace collapsed.
pub(super) fn lines_as_paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_breaks_make_paragraphs() {
        let html = "<p>Birinci   paragraf <b>kalın</b>.</p><p>İkinci &amp; son.</p>Üçüncü<br/>Dördüncü<script>x()</script>";
        assert_eq!(
            html_paragraphs(html),
            [
                "Birinci paragraf kalın.",
                "İkinci & son.",
                "Üçüncü",
                "Dördüncü"
            ]
        );
    }

    #[test]
    fn arabic_text_keeps_its_letters() {
        let html = "<div dir=\"rtl\"><p>قال وزير الخارجية&nbsp;التركي</p></div>";
        assert_eq!(html_paragraphs(html), ["قال وزير الخارجية التركي"]);
    }
}
