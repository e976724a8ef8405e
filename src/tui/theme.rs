//! Colours: the 16-colour palette by default, none when `NO_COLOR` is set. Passed around as
//! a value, never a global, so tests do not depend on process state.

use ratatui::style::{Color, Modifier, Style};

/// The styles the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Border of the focused pane.
    pub focus_border: Style,
    /// Border of other panes.
    pub border: Style,
    /// The selected row of a list.
    pub selected: Style,
    /// Page furniture in the reading pane.
    pub dim: Style,
    /// Titles and headings.
    pub heading: Style,
    /// The status line.
    pub status: Style,
    /// Highlighted text (entity mentions, search matches).
    pub highlight: Style,
    /// The reading pane's cursor row.
    pub cursor: Style,
    /// The caret cell.
    pub caret: Style,
    /// The visual selection.
    pub selection: Style,
    /// Spans labelled or accepted as a person.
    pub person: Style,
    /// Spans labelled or accepted as a place.
    pub place: Style,
    /// Spans labelled or accepted as a date (and custom labels).
    pub date: Style,
    /// Extractor suggestions not yet decided.
    pub suggestion: Style,
    /// A document marked in the list (`Space`), for triage on many at once.
    pub marked: Style,
}

impl Theme {
    /// The default 16-colour theme.
    pub fn colored() -> Theme {
        Theme {
            focus_border: Style::new().fg(Color::Cyan),
            border: Style::new().fg(Color::DarkGray),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            dim: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            status: Style::new().fg(Color::Black).bg(Color::Gray),
            highlight: Style::new().fg(Color::Black).bg(Color::Yellow),
            cursor: Style::new().add_modifier(Modifier::UNDERLINED),
            caret: Style::new().add_modifier(Modifier::REVERSED),
            selection: Style::new().bg(Color::Blue).fg(Color::White),
            person: Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            place: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            date: Style::new()
                .fg(Color::LightMagenta)
                .add_modifier(Modifier::BOLD),
            // The kind's colour comes from the kind's style: see [`Theme::suggested`].
            suggestion: Style::new().add_modifier(Modifier::ITALIC),
            marked: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// No colour at all: only bold, reverse and underline.
    pub fn monochrome() -> Theme {
        Theme {
            focus_border: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new().add_modifier(Modifier::DIM),
            heading: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            highlight: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            cursor: Style::new().add_modifier(Modifier::UNDERLINED),
            caret: Style::new().add_modifier(Modifier::REVERSED),
            selection: Style::new().add_modifier(Modifier::REVERSED),
            person: Style::new().add_modifier(Modifier::BOLD),
            place: Style::new().add_modifier(Modifier::BOLD),
            date: Style::new().add_modifier(Modifier::BOLD),
            suggestion: Style::new().add_modifier(Modifier::ITALIC),
            marked: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// Colour unless `no_color` (the caller reads `NO_COLOR`); italics only where the
    /// terminal draws italic Arabic legibly.
    pub fn for_env(no_color: bool, italics: bool) -> Theme {
        let theme = if no_color {
            Theme::monochrome()
        } else {
            Theme::colored()
        };
        if italics {
            theme
        } else {
            theme.without_italics()
        }
    }

    /// The same theme with suggestions underlined instead of italic: mlterm draws italic
    /// Arabic as empty boxes and Konsole drops letters of it, so a suggestion must not
    /// depend on italics to be seen or read.
    pub fn without_italics(self) -> Theme {
        Theme {
            suggestion: self
                .suggestion
                .remove_modifier(Modifier::ITALIC)
                .add_modifier(Modifier::UNDERLINED),
            ..self
        }
    }

    /// How a suggestion of a kind with style `kind` looks: the kind's colour, not bold,
    /// and the suggestion's mark (italic, or underlined where italics are off).
    pub fn suggested(&self, kind: Style) -> Style {
        kind.remove_modifier(Modifier::BOLD).patch(self.suggestion)
    }

    /// True when any style uses italics.
    pub fn uses_italics(&self) -> bool {
        self.suggestion.add_modifier.contains(Modifier::ITALIC)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggestion_has_its_kinds_colour_and_the_suggestion_mark() {
        let t = Theme::colored();
        let person = t.suggested(t.person);
        assert_eq!(person.fg, t.person.fg);
        assert!(person.add_modifier.contains(Modifier::ITALIC));
        assert!(!person.add_modifier.contains(Modifier::BOLD));
        assert_ne!(t.suggested(t.place).fg, person.fg, "kinds stay apart");
        let plain = t.without_italics().suggested(t.place);
        assert!(plain.add_modifier.contains(Modifier::UNDERLINED));
    }

    #[test]
    fn without_italics_suggestions_are_underlined_and_keep_their_colour() {
        for no_color in [false, true] {
            let theme = Theme::for_env(no_color, false);
            assert!(!theme.uses_italics());
            assert!(theme.suggestion.add_modifier.contains(Modifier::UNDERLINED));
            assert_eq!(
                theme.suggestion.fg,
                Theme::for_env(no_color, true).suggestion.fg
            );
            assert!(Theme::for_env(no_color, true).uses_italics());
        }
    }
}
