//! The edge of the reader: the terminal's events (crossterm's) become okur's messages here
//! and nowhere else, so `update`, the session and the tests never see crossterm.

use crossterm::event::{
    Event, KeyCode as Code, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

use super::key::{Key, KeyCode};
use super::msg::{Mouse, MouseKind, Msg};

/// The message for a terminal event; `None` for events okur has no use for (key releases,
/// focus changes, mouse moves and drags).
pub fn message(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => Some(Msg::Key(key_of(&key))),
        Event::Key(_) => None,
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(..) => Some(Msg::Resize),
        Event::Mouse(mouse) => mouse_of(&mouse).map(Msg::Mouse),
        Event::FocusGained | Event::FocusLost => None,
    }
}

/// okur's key for a terminal key event (Shift is already in the character).
pub fn key_of(ev: &KeyEvent) -> Key {
    let code = match ev.code {
        Code::Char(c) => KeyCode::Char(c),
        Code::Enter => KeyCode::Enter,
        Code::Esc => KeyCode::Esc,
        Code::Tab => KeyCode::Tab,
        Code::BackTab => KeyCode::BackTab,
        Code::Backspace => KeyCode::Backspace,
        Code::Delete => KeyCode::Delete,
        Code::Up => KeyCode::Up,
        Code::Down => KeyCode::Down,
        Code::Left => KeyCode::Left,
        Code::Right => KeyCode::Right,
        Code::Home => KeyCode::Home,
        Code::End => KeyCode::End,
        Code::PageUp => KeyCode::PageUp,
        Code::PageDown => KeyCode::PageDown,
        Code::F(n) => KeyCode::F(n),
        _ => KeyCode::Other,
    };
    Key {
        code,
        ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        alt: ev.modifiers.contains(KeyModifiers::ALT),
    }
}

/// okur's mouse event: a left click or a wheel turn.
fn mouse_of(ev: &MouseEvent) -> Option<Mouse> {
    let kind = match ev.kind {
        MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
        MouseEventKind::ScrollUp => MouseKind::WheelUp,
        MouseEventKind::ScrollDown => MouseKind::WheelDown,
        _ => return None,
    };
    Some(Mouse {
        kind,
        column: ev.column,
        row: ev.row,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_mice_and_pastes_become_messages() {
        let ctrl_r = Event::Key(KeyEvent::new(Code::Char('r'), KeyModifiers::CONTROL));
        assert!(matches!(message(ctrl_r), Some(Msg::Key(k)) if k == Key::ctrl('r')));
        let altgr = KeyEvent::new(Code::Char('@'), KeyModifiers::CONTROL | KeyModifiers::ALT);
        assert_eq!(key_of(&altgr).binding(), Key::char('@'));
        let mut release = KeyEvent::new(Code::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert!(message(Event::Key(release)).is_none());
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 3,
            row: 4,
            modifiers: KeyModifiers::NONE,
        });
        assert!(matches!(
            message(wheel),
            Some(Msg::Mouse(Mouse {
                kind: MouseKind::WheelDown,
                column: 3,
                row: 4
            }))
        ));
        assert!(matches!(message(Event::Paste("x".into())), Some(Msg::Paste(t)) if t == "x"));
        assert!(message(Event::FocusLost).is_none());
    }
}
