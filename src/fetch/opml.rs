//! OPML, the list format every feed reader imports and exports: each `<outline>` with an
//! `xmlUrl` is a feed, at any depth (folders are outlines without one).

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::{Reader, Writer, XmlVersion};

use super::feeds::Feed;

/// A feed found in an OPML file: its URL and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// The `xmlUrl` attribute.
    pub url: String,
    /// The `title` attribute, else `text`, when either is set.
    pub title: Option<String>,
}

/// Why an OPML file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("not a readable OPML file: {0}")]
pub struct OpmlError(String);

/// The feeds listed in an OPML document, in document order.
pub fn read_opml(text: &str) -> Result<Vec<Outline>, OpmlError> {
    let mut reader = Reader::from_str(text);
    let mut found = Vec::new();
    let mut saw_opml = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                b"opml" => saw_opml = true,
                b"outline" => {
                    let attr = |name: &str| -> Result<Option<String>, OpmlError> {
                        let Some(a) = e.try_get_attribute(name).map_err(bad)? else {
                            return Ok(None);
                        };
                        let value = a.normalized_value(XmlVersion::Implicit1_0).map_err(bad)?;
                        Ok(Some(value.trim().to_string()).filter(|v| !v.is_empty()))
                    };
                    if let Some(url) = attr("xmlUrl")? {
                        let title = attr("title")?.or(attr("text")?);
                        found.push(Outline { url, title });
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(bad(e)),
        }
    }
    if !saw_opml {
        return Err(OpmlError("no <opml> element".into()));
    }
    Ok(found)
}

fn bad(e: impl std::fmt::Display) -> OpmlError {
    OpmlError(e.to_string())
}

/// An OPML 2.0 document listing `feeds`, for other readers to import.
pub fn write_opml(feeds: &[Feed]) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail; an error here would be a quick-xml bug.
    let written = writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|()| {
            writer
                .create_element("opml")
                .with_attribute(("version", "2.0"))
                .write_inner_content(|w| {
                    w.create_element("head").write_inner_content(|w| {
                        w.create_element("title")
                            .write_text_content(BytesText::new("okur feeds"))?;
                        Ok(())
                    })?;
                    w.create_element("body").write_inner_content(|w| {
                        for feed in feeds {
                            let title = feed.title.as_deref().unwrap_or(&feed.name);
                            w.create_element("outline")
                                .with_attributes([
                                    ("type", "rss"),
                                    ("text", title),
                                    ("title", title),
                                    ("xmlUrl", feed.url.as_str()),
                                ])
                                .write_empty()?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })
                .map(|_| ())
        });
    debug_assert!(written.is_ok(), "writing OPML into memory failed");
    let mut text = String::from_utf8_lossy(&writer.into_inner()).into_owned();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWSBOAT_EXPORT: &str = r#"<?xml version="1.0"?>
<opml version="1.0">
  <head><title>newsboat - Exported Feeds</title></head>
  <body>
    <outline text="Haber">
      <outline type="rss" xmlUrl="https://www.aa.com.tr/tr/rss/default?cat=guncel&amp;x=1" text="AA Güncel"/>
      <outline type="rss" xmlUrl="https://www.aljazeera.net/aljazeerarss" title="الجزيرة" text="ignored"/>
    </outline>
    <outline text="folder without url"/>
  </body>
</opml>"#;

    #[test]
    fn nested_outlines_are_read_with_entities_decoded() -> Result<(), OpmlError> {
        let found = read_opml(NEWSBOAT_EXPORT)?;
        assert_eq!(
            found,
            vec![
                Outline {
                    url: "https://www.aa.com.tr/tr/rss/default?cat=guncel&x=1".into(),
                    title: Some("AA Güncel".into()),
                },
                Outline {
                    url: "https://www.aljazeera.net/aljazeerarss".into(),
                    title: Some("الجزيرة".into()),
                },
            ]
        );
        Ok(())
    }

    #[test]
    fn written_opml_reads_back() -> Result<(), OpmlError> {
        let feeds = vec![Feed {
            url: "https://example.tr/rss?a=1&b=\"2\"".into(),
            name: "example".into(),
            title: Some("Örnek <Haber>".into()),
        }];
        let text = write_opml(&feeds);
        assert!(text.starts_with("<?xml"), "{text}");
        let back = read_opml(&text)?;
        assert_eq!(back[0].url, feeds[0].url);
        assert_eq!(back[0].title.as_deref(), Some("Örnek <Haber>"));
        Ok(())
    }

    #[test]
    fn html_and_broken_xml_are_refused() {
        assert!(read_opml("<html><body>hello</body></html>").is_err());
        assert!(read_opml("<opml><body><outline xmlUrl=\"x></body>").is_err());
    }
}
