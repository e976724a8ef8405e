//! The team's work in the reader (team mode): the others' spans in the reading pane and
//! the side panel with who made each, the team's relevance and tags (last change wins) with
//! each analyst's own vote, and a team mark in the list. The sync thread's merged state
//! arrives as [`Msg::TeamArrived`] (the loop asks the feed every turn: one atomic load, the
//! network never in the way); read, star and notes stay the user's own and are not shown
//! from the team.
//!
//! Nothing here depends on team mode itself: `team_feed.rs` turns the team's state into
//! the plain [`TeamShown`] the panes draw.

use std::collections::HashMap;
use std::sync::Arc;

use super::app::App;
use super::msg::Msg;
use super::ranges::Intervals;

/// A span somebody on the team made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamSpan {
    /// Byte range in the document's text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The label (`person`, `place`, `date` or a custom label).
    pub kind: String,
    /// The text it covers, as journalled.
    pub text: String,
    /// Who made it.
    pub author: String,
}

/// A triage value and who set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    /// `relevance` or `tag:NAME`.
    pub field: String,
    /// The value as the list writes it: `+`, `-`, `?`, ` ` for relevance; `on`/`off` for a
    /// tag.
    pub value: String,
    /// The analyst.
    pub author: String,
}

/// The team's work on one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocTeam {
    /// The team's values: the last change to relevance and to each tag, with its author.
    pub team: Vec<Vote>,
    /// Each analyst's own latest relevance and tags.
    pub votes: Vec<Vote>,
    /// Every analyst's spans, with their author.
    pub spans: Vec<TeamSpan>,
}

/// The team state as the reader shows it, by document text hash.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamShown {
    /// The feed's version this was made at.
    pub version: u64,
    /// The user's own name on the server: their spans are drawn as their own already.
    pub me: String,
    /// Documents with team work, by text hash.
    pub docs: HashMap<String, DocTeam>,
}

/// Where the reader gets the team state: called with the version it has, answers a newer
/// state or `None`.
#[derive(Clone)]
pub struct TeamFeed(pub Arc<dyn Fn(u64) -> Option<TeamShown> + Send + Sync>);

impl std::fmt::Debug for TeamFeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TeamFeed")
    }
}

/// The reader's team state: the feed, what it gave last, and the open document's others'
/// spans indexed for drawing.
#[derive(Debug, Default)]
pub struct TeamPane {
    /// `None` without team mode.
    pub feed: Option<TeamFeed>,
    /// The state shown.
    pub shown: Arc<TeamShown>,
    /// The open document's spans by others, sorted by start, checked against its text.
    pub here: Vec<TeamSpan>,
    /// `here`'s ranges.
    pub index: Intervals,
    /// The document (text hash: the documents may be replaced under the same index) and
    /// the version `here` was computed for.
    here_for: Option<(String, u64)>,
}

impl TeamPane {
    /// The team's work on the document with text hash `hash`, if any.
    pub fn doc(&self, hash: &str) -> Option<&DocTeam> {
        self.shown.docs.get(hash)
    }

    /// The span by another analyst over bytes `s..e`, if any.
    pub fn span_at(&self, s: usize, e: usize) -> Option<&TeamSpan> {
        let window = self.index.window(s, e);
        let i = self.index.first_overlap(window, s, e)?;
        self.here.get(i)
    }
}

/// A newer team state from the feed, as a message (`None`: nothing new, or no team).
pub fn poll(app: &App) -> Option<Msg> {
    let feed = app.team.feed.as_ref()?;
    (feed.0)(app.team.shown.version).map(|shown| Msg::TeamArrived(Box::new(shown)))
}

/// Takes a newer team state.
pub fn arrived(app: &mut App, shown: TeamShown) {
    app.team.shown = Arc::new(shown);
    refresh(app);
}

/// Indexes the open document's spans by others when the document or the state changed
/// (every frame calls it; it does the work only then).
pub fn refresh(app: &mut App) {
    let doc = app.reader.plain.get(&app.corpus, app.reader.doc);
    let version = app.team.shown.version;
    let hash = doc.map(|d| d.key.text.as_str()).unwrap_or_default();
    if app
        .team
        .here_for
        .as_ref()
        .is_some_and(|(h, v)| h == hash && *v == version)
    {
        return;
    }
    app.team.here_for = Some((hash.to_string(), version));
    let Some(doc) = doc else {
        app.team.here.clear();
        app.team.index = Intervals::default();
        return;
    };
    let me = app.team.shown.me.as_str();
    let mut here: Vec<TeamSpan> = app
        .team
        .doc(&doc.key.text)
        .map(|d| d.spans.as_slice())
        .unwrap_or_default()
        .iter()
        // A span that does not fit this text (another copy, a bad row) is not drawn.
        .filter(|s| {
            s.author != me && doc.text_in(s.start..s.end).as_deref() == Some(s.text.as_str())
        })
        .cloned()
        .collect();
    here.sort_by(|a, b| (a.start, a.end, &a.author).cmp(&(b.start, b.end, &b.author)));
    app.team.index = Intervals::new(here.iter().map(|s| (s.start, s.end)).collect());
    app.team.here = here;
}

#[cfg(test)]
#[path = "team_tests.rs"]
mod tests;
