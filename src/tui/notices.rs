//! What loading said about individual files (skipped, legacy encoding, empty), in the reader.
//!
//! The alternate screen hides anything printed while the reader runs, and the status line has
//! room for one message. So the status line says how many notices there are and shows the
//! first, and the whole list is printed to standard error once the terminal is restored.

/// Where the notices go, said in the summary; the status line leaves it out when it would
/// crowd out the first notice, so the count and the notice stay in view.
pub const ON_EXIT: &str = " (all printed on exit)";

/// What comes before the first notice in the summary.
pub const FIRST: &str = "; first: ";

/// The status line for a load: the notice itself when there is one, else how many there are
/// and the first. `None` when loading had nothing to say.
pub fn summary(notices: &[String]) -> Option<String> {
    match notices {
        [] => None,
        [one] => Some(one.clone()),
        [first, ..] => Some(format!("{} notices{ON_EXIT}{FIRST}{first}", notices.len())),
    }
}

/// The status line when the full documents of a large folder have arrived.
pub fn loaded(count: usize, notices: &[String]) -> String {
    let loaded = super::status::counted(count, "document");
    match summary(notices) {
        Some(summary) => format!("{loaded} loaded; {summary}"),
        None => format!("{loaded} loaded"),
    }
}

/// Prints every notice to standard error, one per line, after the reader has left the
/// alternate screen.
pub fn print_after_exit(notices: &[String]) {
    use std::io::Write;
    // After a dropped link standard error is gone too: losing the lines beats a panic.
    let mut err = std::io::stderr().lock();
    for notice in notices {
        // A file name can hold a newline or an escape sequence: one line, nothing raw.
        let _ = writeln!(err, "okur: {}", crate::escape::message(notice));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_notice_is_shown_whole_several_are_counted() {
        assert_eq!(summary(&[]), None);
        let one = vec!["a.txt: empty".to_string()];
        assert_eq!(summary(&one).as_deref(), Some("a.txt: empty"));
        let two = vec![
            "a.txt: skipped, looks like a binary file".to_string(),
            "b.txt: empty".to_string(),
        ];
        assert_eq!(
            summary(&two).as_deref(),
            Some(
                "2 notices (all printed on exit); first: a.txt: skipped, looks like a binary file"
            )
        );
        assert_eq!(loaded(5, &[]), "5 documents loaded");
        assert_eq!(loaded(5, &one), "5 documents loaded; a.txt: empty");
    }
}
