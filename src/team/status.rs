//! [`LinkStatus`]: the team link as the status line shows it.

/// The link as the status line shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkStatus {
    /// Connected to the server right now.
    pub connected: bool,
    /// Changes waiting to be pushed.
    pub waiting: usize,
    /// The last error (passwords removed), until the next success.
    pub last_error: Option<String>,
    /// Rows pulled from the server so far.
    pub pulled: usize,
    /// The last pull reached the end of the change table.
    pub caught_up: bool,
    /// Pulls that reached the end so far.
    pub rounds: usize,
    /// Rows the local cache gave back at the start (before any pull).
    pub restored: usize,
    /// What was wrong with the local cache, until the state is pulled again in full.
    pub cache_problem: Option<String>,
}

impl LinkStatus {
    /// One short line for the status bar: `team: connected`, `team: 3 waiting`,
    /// `team: offline (connection refused), 12 waiting`.
    pub fn line(&self) -> String {
        let mut out = match (&self.last_error, self.connected) {
            (_, true) => "team: connected".to_string(),
            (Some(e), false) => format!("team: offline ({e})"),
            (None, false) => "team: connecting".to_string(),
        };
        if self.waiting > 0 {
            out.push_str(&format!(", {} waiting", self.waiting));
        }
        if let Some(problem) = &self.cache_problem {
            out.push_str(&format!(", cache not used ({problem})"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_line_says_the_link_state() {
        let mut status = LinkStatus::default();
        assert_eq!(status.line(), "team: connecting");
        status.connected = true;
        status.waiting = 3;
        assert_eq!(status.line(), "team: connected, 3 waiting");
        status.connected = false;
        status.last_error = Some("connection refused".into());
        assert_eq!(
            status.line(),
            "team: offline (connection refused), 3 waiting"
        );
    }
}
