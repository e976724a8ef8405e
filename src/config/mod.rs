//! The config file: TOML, parsed strictly (unknown fields are errors), defaults embedded
//! from `assets/default-config.toml`, validated once at start-up.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::kind::Kind;

mod settings;

pub use settings::{BidiSetting, RememberedDisplay, Toggle};

/// The default config, embedded so `okur` runs the same from any folder.
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/default-config.toml");

/// Why the config file was refused. Each message names the file and the offending entry.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read config {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not valid TOML or has unknown fields.
    #[error("config {path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What the TOML parser said.
        message: String,
    },
    /// A `[labels]` entry is not a digit 1-9 or names a built-in label.
    #[error(
        "config {path}: [labels] {slot} = {name:?}: use keys \"1\" to \"9\" and a name other than person/place/date"
    )]
    BadLabel {
        /// The file.
        path: PathBuf,
        /// The key as written.
        slot: String,
        /// The name as written.
        name: String,
    },
}

/// Settings read from the config file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Draw Arabic presentation forms (`auto`: per terminal).
    #[serde(default)]
    pub shape: Toggle,
    /// Who reorders right-to-left text (`auto`: per terminal).
    #[serde(default)]
    pub bidi: BidiSetting,
    /// Italic suggestions (`auto`: off on terminals that draw italic Arabic badly).
    #[serde(default)]
    pub italics: Toggle,
    /// Draw harakat (`auto`: off on terminals that draw them on the wrong letter).
    #[serde(default)]
    pub harakat: Toggle,
    /// Display choices remembered per terminal (the reader's first-run check and display
    /// key write them): key = terminal name or `term:` + `TERM`.
    #[serde(default)]
    pub terminals: BTreeMap<String, RememberedDisplay>,
    /// Custom labels by digit key.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Key overrides: action name -> keys.
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
    /// Mouse clicks and wheel in the reader (default on). Off, the terminal's own text
    /// selection works without holding Shift.
    #[serde(default = "mouse_on")]
    pub mouse: bool,
    /// The team server (`postgres://USER@HOST/DB`) the reader syncs with, as `--team`
    /// does; unset, okur stays on this machine.
    #[serde(default)]
    pub team: Option<String>,
}

/// The default of [`Config::mouse`].
fn mouse_on() -> bool {
    true
}

impl Default for Config {
    fn default() -> Config {
        Config::parse(DEFAULT_CONFIG, Path::new("(built-in)")).unwrap_or(Config {
            shape: Toggle::Auto,
            bidi: BidiSetting::Auto,
            italics: Toggle::Auto,
            harakat: Toggle::Auto,
            terminals: BTreeMap::new(),
            labels: BTreeMap::new(),
            keys: BTreeMap::new(),
            mouse: true,
            team: None,
        })
    }
}

impl Config {
    /// Parses and validates config text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.message().to_string(),
        })?;
        for (slot, name) in &config.labels {
            let digit_ok =
                slot.len() == 1 && ('1'..='9').contains(&slot.chars().next().unwrap_or('0'));
            let builtin = name.to_lowercase().parse::<Kind>().is_ok();
            if !digit_ok || builtin || name.trim().is_empty() {
                return Err(ConfigError::BadLabel {
                    path: path.to_path_buf(),
                    slot: slot.clone(),
                    name: name.clone(),
                });
            }
        }
        Ok(config)
    }

    /// Reads the config: `explicit` if given (it must exist), else the XDG config file if
    /// present, else the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let Some(path) = Config::path_in_use(explicit) else {
            return Ok(Config::default());
        };
        // A config is a few hundred bytes: 1 MiB is generous, and a pipe or a device
        // named by mistake is refused instead of read forever.
        let read = crate::corpus::read_small_file(&path, 1 << 20).and_then(|bytes| {
            String::from_utf8(bytes)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
        });
        let text = read.map_err(|source| ConfigError::Read {
            path: path.clone(),
            source,
        })?;
        Config::parse(&text, &path)
    }

    /// The file [`Config::load`] reads: `explicit` if given, else the XDG config file when
    /// it exists; `None` when the defaults apply. Messages about the config name it.
    pub fn path_in_use(explicit: Option<&Path>) -> Option<PathBuf> {
        match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => default_config_path().filter(|p| p.exists()),
        }
    }

    /// Custom label names in key order 1..9 (a gap leaves an empty name).
    pub fn custom_labels(&self) -> Vec<String> {
        (1..=9)
            .map(|d| self.labels.get(&d.to_string()).cloned().unwrap_or_default())
            .collect()
    }
}

/// `$XDG_CONFIG_HOME/okur/config.toml`, else `~/.config/okur/config.toml`.
pub fn default_config_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("okur").join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("test.toml"))
    }

    #[test]
    fn default_config_parses() {
        let c = parse(DEFAULT_CONFIG).expect("default parses");
        assert_eq!(c.shape, Toggle::Auto);
        assert_eq!(c.bidi, BidiSetting::Auto);
        assert_eq!(c.italics, Toggle::Auto);
        assert!(c.terminals.is_empty());
    }

    #[test]
    fn values_are_read() {
        let c = parse(
            "shape = true\nbidi = \"terminal\"\n[labels]\n1 = \"ORG\"\n[keys]\nstar = [\"S\"]\n",
        )
        .expect("parses");
        assert_eq!(c.shape, Toggle::On);
        assert_eq!(c.bidi, BidiSetting::Terminal);
        assert_eq!(c.custom_labels()[0], "ORG");
        assert_eq!(c.keys["star"], ["S"]);
    }

    #[test]
    fn unknown_field_is_refused_with_the_file_name() {
        let err = parse("colour = 3").expect_err("unknown field");
        assert!(
            err.to_string()
                .starts_with("config test.toml: unknown field `colour`"),
            "{err}"
        );
    }

    #[test]
    fn bad_bidi_value_is_refused() {
        let err = parse("bidi = \"sideways\"").expect_err("bad value");
        assert!(
            err.to_string().contains("unknown variant `sideways`"),
            "{err}"
        );
    }

    #[test]
    fn toggles_take_words_or_booleans() {
        let c = parse("shape = \"off\"\nitalics = false\nbidi = \"auto\"").expect("parses");
        assert_eq!(
            (c.shape, c.italics, c.bidi),
            (Toggle::Off, Toggle::Off, BidiSetting::Auto)
        );
        let err = parse("shape = \"sometimes\"").expect_err("bad toggle");
        assert!(err.to_string().contains("\"auto\""), "{err}");
    }

    #[test]
    fn remembered_terminals_are_read_strictly() {
        let c = parse("[terminals]\nkonsole = { bidi = \"terminal\", shape = false }\n")
            .expect("parses");
        assert_eq!(
            c.terminals["konsole"].bidi,
            crate::layout::BidiMode::Terminal
        );
        let err = parse("[terminals]\nkonsole = { bidi = \"terminal\", colour = 1 }\n")
            .expect_err("unknown field");
        assert!(err.to_string().contains("colour"), "{err}");
    }

    #[test]
    fn bad_label_slot_is_refused() {
        let err = parse("[labels]\n0 = \"ORG\"").expect_err("slot 0");
        assert!(err.to_string().contains("[labels] 0"), "{err}");
        let err = parse("[labels]\n1 = \"Person\"").expect_err("built-in name");
        assert!(
            err.to_string().contains("other than person/place/date"),
            "{err}"
        );
    }

    #[test]
    fn missing_explicit_file_is_an_error() {
        let err = Config::load(Some(Path::new("/no/such/okur.toml"))).expect_err("missing");
        assert!(
            err.to_string()
                .starts_with("cannot read config /no/such/okur.toml"),
            "{err}"
        );
    }
}
