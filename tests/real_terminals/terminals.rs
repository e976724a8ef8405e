//! The terminal emulators under test, each started as a user would: its defaults, a font that
//! has Arabic letters, and a size that shows only okur's reading pane.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};

/// Columns: under 60 okur shows only the focused pane, so the reading pane fills the window.
pub const COLUMNS: u16 = 56;
/// Rows.
pub const ROWS: u16 = 22;
/// The monospace font with Arabic glyphs (package fonts-dejavu-core).
const FONT: &str = "DejaVu Sans Mono";

/// A terminal emulator under test.
#[derive(Clone, Copy, Debug)]
pub enum Terminal {
    /// sakura, a VTE-based terminal (VTE draws GNOME Terminal, Tilix and xfce4-terminal).
    Sakura,
    /// xterm.
    Xterm,
    /// mlterm.
    Mlterm,
}

impl Terminal {
    /// A short name for paths and messages.
    pub fn name(self) -> &'static str {
        match self {
            Terminal::Sakura => "sakura",
            Terminal::Xterm => "xterm",
            Terminal::Mlterm => "mlterm",
        }
    }

    /// The WM_CLASS of its window, to find it.
    pub fn class(self) -> &'static str {
        match self {
            Terminal::Sakura => "Sakura",
            Terminal::Xterm => "XTerm",
            Terminal::Mlterm => "mlterm",
        }
    }

    /// The command that opens a window running `program` (okur and its arguments). Writes the
    /// terminal's settings, if it needs any, under `home` (HOME) and `config`
    /// (XDG_CONFIG_HOME); the caller sets the environment.
    pub fn command(self, home: &Path, config: &Path, program: &[OsString]) -> Command {
        let mut cmd = Command::new(self.name());
        let size = format!("{COLUMNS}x{ROWS}+0+0");
        match self {
            Terminal::Sakura => {
                // A blinking cursor would keep the screen from ever settling.
                write(
                    &config.join("sakura/sakura.conf"),
                    "[sakura]\nblinking_cursor=false\n",
                );
                cmd.args(["-f", &format!("{FONT} 18")]).args([
                    "-c",
                    &COLUMNS.to_string(),
                    "-r",
                    &ROWS.to_string(),
                ]);
            }
            Terminal::Xterm => {
                cmd.args(["-fa", FONT, "-fs", "18", "-geometry", &size]);
            }
            Terminal::Mlterm => {
                write(
                    &home.join(".mlterm/aafont"),
                    &format!("DEFAULT={FONT}\nISO10646_UCS4_1={FONT}\n"),
                );
                // No scrollbar: the screenshot is the terminal's text only.
                cmd.args(["-w", "24", "-g", &size, "-O", "none"]);
            }
        }
        cmd.arg("-e").args(program);
        cmd.stdin(Stdio::null());
        cmd
    }
}

/// Writes a settings file, creating its folder.
fn write(path: &Path, text: &str) {
    let dir = path.parent().expect("settings file in a folder");
    std::fs::create_dir_all(dir).expect("settings folder");
    std::fs::write(path, text).expect("settings file");
}
