//! The feeds a user follows: a small TOML file (`$XDG_CONFIG_HOME/okur/feeds.toml`, or
//! `$OKUR_FEEDS`), one `[[feed]]` table per feed, written whole and renamed into place so a
//! crash never leaves half a list.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One followed feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feed {
    /// Where the feed is fetched from.
    pub url: String,
    /// A short unique name: the file its articles are stored in and what `%src:` matches.
    pub name: String,
    /// The feed's own title, when known (from OPML or a fetch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// The followed feeds, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedList {
    /// The feeds.
    #[serde(default, rename = "feed")]
    pub feeds: Vec<Feed>,
}

/// Why the feeds file could not be read, written or changed.
#[derive(Debug, thiserror::Error)]
pub enum FeedsError {
    /// The file exists but cannot be read or written.
    #[error("feeds file {path}: {source}")]
    Io {
        /// The feeds file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not a feeds list.
    #[error("feeds file {path}: {message}")]
    Parse {
        /// The feeds file.
        path: PathBuf,
        /// What is wrong, with the line.
        message: String,
    },
    /// `add` of a URL or name already followed.
    #[error("already followed: {0}")]
    Duplicate(String),
    /// `remove` of something not followed.
    #[error("no followed feed has the url or name {0}")]
    Unknown(String),
    /// Neither `$OKUR_FEEDS`, `$XDG_CONFIG_HOME` nor `$HOME` is set.
    #[error("no feeds file: set HOME, XDG_CONFIG_HOME or OKUR_FEEDS")]
    NoPath,
}

impl FeedList {
    /// Reads the list; a missing file is an empty list.
    pub fn load(path: &Path) -> Result<FeedList, FeedsError> {
        let text = match crate::corpus::read_small_file(path, 4 << 20) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| FeedsError::Parse {
                path: path.to_path_buf(),
                message: "not UTF-8 text".into(),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FeedList::default()),
            Err(source) => {
                return Err(FeedsError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        toml::from_str(&text).map_err(|e| FeedsError::Parse {
            path: path.to_path_buf(),
            message: e.to_string().trim().replace('\n', " "),
        })
    }

    /// Writes the list whole: a temporary file, synced, renamed over the old one.
    pub fn save(&self, path: &Path) -> Result<(), FeedsError> {
        let io = |source| FeedsError::Io {
            path: path.to_path_buf(),
            source,
        };
        let text = toml::to_string(self).map_err(|e| FeedsError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let header = "# Feeds okur follows: `okur feeds add URL`, `okur fetch`.\n\n";
        crate::store::write_whole(path, format!("{header}{text}").as_bytes()).map_err(io)
    }

    /// Follows `url` under `name` (or a name made from the URL), refusing a second copy.
    pub fn add(&mut self, url: &str, name: Option<&str>) -> Result<&Feed, FeedsError> {
        let url = url.trim();
        if self.feeds.iter().any(|f| f.url == url) {
            return Err(FeedsError::Duplicate(url.to_string()));
        }
        let name = match name {
            Some(n) if self.feeds.iter().any(|f| f.name == n) => {
                return Err(FeedsError::Duplicate(n.to_string()));
            }
            Some(n) => slug(n),
            None => self.unused_name(&slug(url)),
        };
        self.feeds.push(Feed {
            url: url.to_string(),
            name,
            title: None,
        });
        Ok(&self.feeds[self.feeds.len() - 1])
    }

    /// Stops following the feed with this URL or name; its stored articles stay.
    pub fn remove(&mut self, url_or_name: &str) -> Result<Feed, FeedsError> {
        let at = self
            .feeds
            .iter()
            .position(|f| f.url == url_or_name || f.name == url_or_name)
            .ok_or_else(|| FeedsError::Unknown(url_or_name.to_string()))?;
        Ok(self.feeds.remove(at))
    }

    /// `base`, or `base-2`, `base-3`… when a feed already has it.
    fn unused_name(&self, base: &str) -> String {
        let taken = |n: &str| self.feeds.iter().any(|f| f.name == n);
        if !taken(base) {
            return base.to_string();
        }
        (2..)
            .map(|i| format!("{base}-{i}"))
            .find(|n| !taken(n))
            .unwrap_or_else(|| base.to_string())
    }
}

/// A file-name-safe name from a URL or title: the host and path without the scheme, `www.`
/// and punctuation, lower case, at most 60 characters.
pub fn slug(text: &str) -> String {
    let bare = text
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    let mut out = String::new();
    for c in bare.chars() {
        if c.is_alphanumeric() || c == '.' {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out: String = out.trim_matches(['-', '.']).chars().take(60).collect();
    if out.is_empty() { "feed".into() } else { out }
}

/// The feeds file: `$OKUR_FEEDS`, else `$XDG_CONFIG_HOME/okur/feeds.toml`, else
/// `~/.config/okur/feeds.toml`.
pub fn default_feeds_file() -> Result<PathBuf, FeedsError> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(path) = var("OKUR_FEEDS") {
        return Ok(PathBuf::from(path));
    }
    crate::config::default_config_path()
        .map(|config| config.with_file_name("feeds.toml"))
        .ok_or(FeedsError::NoPath)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_url_and_stay_unique() -> Result<(), FeedsError> {
        let mut list = FeedList::default();
        list.add("https://www.aa.com.tr/tr/rss/default?cat=guncel", None)?;
        list.add("https://aa.com.tr/tr/rss/default?cat=guncel&x", None)?;
        assert_eq!(list.feeds[0].name, "aa.com.tr-tr-rss-default-cat-guncel");
        assert_eq!(list.feeds[1].name, "aa.com.tr-tr-rss-default-cat-guncel-x");
        list.add("https://a.example/one", Some("haber"))?;
        assert!(matches!(
            list.add("https://a.example/two", Some("haber")),
            Err(FeedsError::Duplicate(_))
        ));
        Ok(())
    }

    #[test]
    fn same_url_twice_is_refused_and_remove_takes_url_or_name() -> Result<(), FeedsError> {
        let mut list = FeedList::default();
        list.add("https://aljazeera.net/rss", Some("jazeera"))?;
        assert!(list.add("https://aljazeera.net/rss", None).is_err());
        assert_eq!(list.remove("jazeera")?.url, "https://aljazeera.net/rss");
        assert!(matches!(
            list.remove("jazeera"),
            Err(FeedsError::Unknown(_))
        ));
        Ok(())
    }

    #[test]
    fn arabic_names_keep_their_letters() {
        assert_eq!(slug("الجزيرة نت"), "الجزيرة-نت");
        assert_eq!(slug("!!!"), "feed");
    }

    #[test]
    fn the_list_round_trips_and_a_missing_file_is_empty() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("sub/feeds.toml");
        assert_eq!(FeedList::load(&path)?, FeedList::default());
        let mut list = FeedList::default();
        list.add("https://www.trthaber.com/manset_articles.rss", None)?;
        list.feeds[0].title = Some("TRT Haber \"Manşet\"".into());
        list.save(&path)?;
        assert_eq!(FeedList::load(&path)?, list);
        Ok(())
    }

    #[test]
    fn a_damaged_file_says_where() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("feeds.toml");
        std::fs::write(&path, "[[feed]]\nurl = 3\n")?;
        let err = FeedList::load(&path).expect_err("damaged");
        assert!(err.to_string().contains("feeds.toml"), "{err}");
        Ok(())
    }
}
