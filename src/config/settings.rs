//! Display settings as written in the config file: each may say `auto` (okur picks for the
//! recognised terminal) or fix a value.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Visitor};

use crate::layout::BidiMode;

/// `bidi` in the config file and `--bidi`: `auto` picks per terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BidiSetting {
    /// Pick for the recognised terminal (ask once where it is not recognised).
    #[default]
    Auto,
    /// okur reorders.
    App,
    /// The terminal reorders.
    Terminal,
    /// Nobody reorders.
    Off,
}

impl BidiSetting {
    /// The fixed mode, or `None` for `auto`.
    pub fn fixed(self) -> Option<BidiMode> {
        match self {
            BidiSetting::Auto => None,
            BidiSetting::App => Some(BidiMode::App),
            BidiSetting::Terminal => Some(BidiMode::Terminal),
            BidiSetting::Off => Some(BidiMode::Off),
        }
    }
}

/// An on/off setting that may also be `auto` (`shape`, `italics`). The file may say
/// `true`/`false` or `"on"`/`"off"`/`"auto"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Toggle {
    /// Pick for the recognised terminal.
    #[default]
    Auto,
    /// On.
    On,
    /// Off.
    Off,
}

impl Toggle {
    /// The fixed value, or `None` for `auto`.
    pub fn fixed(self) -> Option<bool> {
        match self {
            Toggle::Auto => None,
            Toggle::On => Some(true),
            Toggle::Off => Some(false),
        }
    }
}

impl<'de> Deserialize<'de> for Toggle {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Toggle, D::Error> {
        deserializer.deserialize_any(ToggleVisitor)
    }
}

struct ToggleVisitor;

impl Visitor<'_> for ToggleVisitor {
    type Value = Toggle;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("true, false, \"on\", \"off\" or \"auto\"")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Toggle, E> {
        Ok(if v { Toggle::On } else { Toggle::Off })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Toggle, E> {
        match v {
            "auto" => Ok(Toggle::Auto),
            "on" | "true" => Ok(Toggle::On),
            "off" | "false" => Ok(Toggle::Off),
            other => Err(E::invalid_value(de::Unexpected::Str(other), &self)),
        }
    }
}

/// A display choice remembered for one terminal (`[terminals]` table): written by the
/// reader's first-run check and its display key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RememberedDisplay {
    /// Who reorders.
    pub bidi: BidiMode,
    /// Presentation forms.
    pub shape: bool,
}
