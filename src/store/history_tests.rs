//! History with implicit read marks.

use super::*;
use crate::corpus::DocKey;

fn key(d: u8) -> DocKey {
    DocKey(d.to_string())
}

#[test]
fn seen_changes_state_but_not_history() {
    let mut h = History::default();
    h.commit(&Change::Star {
        doc: key(0),
        value: true,
    });
    h.commit(&Change::Undo);
    assert!(h.is_effective(&Change::Seen { doc: key(1) }));
    assert!(h.commit(&Change::Seen { doc: key(1) }).is_some());
    assert!(
        !h.is_effective(&Change::Seen { doc: key(1) }),
        "already read"
    );
    assert!(
        !h.can_undo() && h.can_redo(),
        "seen neither records nor clears redo"
    );
    h.commit(&Change::Redo);
    assert!(h.state().doc(&key(0)).star && h.state().doc(&key(1)).read);
}
