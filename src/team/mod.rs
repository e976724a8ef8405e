//! Team mode on PostgreSQL: analysts share triage and annotations through a server, each
//! okur working offline-first from its own journal.
//!
//! - [`schema`]: the server schema (`okur team init`), analyst roles (`okur team add`),
//!   row-level security and the SQL views of the team state.
//! - [`TeamUrl`]: the server's address and credentials, never printed.
//! - [`Sync`]: the background thread that pushes the store's outbox and pulls the team's
//!   changes; [`LinkStatus`] for the status line.
//! - [`TeamView`]: the client-side merge, by the rules the README states.
//! - [`corpus`]: the corpus on the server: upload, and the working set a selection picks.

mod cache;
pub mod corpus;
mod corpus_select;
mod link;
mod merge;
pub mod schema;
pub mod server;
mod status;
mod sync;
mod tls;

pub use cache::{Cache, Loaded};
pub use link::{TeamUrl, describe, redact};
pub use merge::{Row, SpanKey, TeamState, TeamView};
pub use status::LinkStatus;
pub use sync::{Fault, Sync, SyncOptions};
pub use tls::{Tls, TlsMode};

/// What went wrong talking to the team server. Messages never hold a password.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    /// The URL could not be read.
    #[error("bad team server address {url}: {reason}")]
    BadUrl {
        /// The URL, password removed.
        url: String,
        /// What the parser said.
        reason: String,
    },
    /// The server refused or failed (message already free of the password).
    #[error("team server: {0}")]
    Server(String),
    /// The server has no okur schema.
    #[error("the team server has no okur schema yet: run `okur team init URL` first")]
    NoSchema,
    /// The server's schema is newer than this okur.
    #[error(
        "the team server's schema is version {server}, newer than this okur's ({ours}): update okur"
    )]
    NewerSchema {
        /// On the server.
        server: i32,
        /// This okur's.
        ours: i32,
    },
    /// The server's schema is older than this okur's.
    #[error("the team server's schema is version {server}: run `okur team init URL` to migrate it")]
    OlderSchema {
        /// On the server.
        server: i32,
    },
    /// Not a usable role name.
    #[error("{0:?} cannot be an analyst's name: 1 to 63 bytes, no NUL")]
    BadName(String),
    /// The local store failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// The sync thread was asked to stop.
    #[error("stopped")]
    Stopped,
}

impl From<postgres::Error> for TeamError {
    /// Errors from statements (the connection's own errors go through
    /// [`TeamUrl::error`], which also removes the password).
    fn from(e: postgres::Error) -> TeamError {
        TeamError::Server(describe(&e))
    }
}
