//! An Xvfb display of the test's own, and what the test does on it: find a window, press
//! keys, take screenshots and wait for them to stop changing.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::procs::{Guard, timed};

/// Pause between two screenshots while waiting for the screen.
const POLL: Duration = Duration::from_millis(200);
/// Equal screenshots in a row that make a screen "settled".
const STABLE_SHOTS: usize = 4;
/// Share of pixels that differ from the background once okur has drawn its screen (borders
/// and text); an empty terminal with a cursor stays far below.
const MIN_INK: f64 = 0.02;

/// An Xvfb server on a display number it chose itself (`-displayfd`), killed on drop.
pub struct Display {
    /// `:N`, for `DISPLAY`.
    pub name: String,
    _server: Guard,
}

impl Display {
    /// Starts Xvfb (1280x1024, 24 bits, no TCP), logging to `log`, and waits until it
    /// accepts clients: it writes its display number to fd 1 only then.
    pub fn start(log: &Path) -> Display {
        let log = std::fs::File::create(log).expect("Xvfb log file");
        let mut cmd = Command::new("Xvfb");
        cmd.args(["-displayfd", "1", "-screen", "0", "1280x1024x24"])
            .args(["-nolisten", "tcp", "-noreset"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log);
        let mut server = Guard::spawn(&mut cmd, "Xvfb (package xvfb)");
        let stdout = server.take_stdout().expect("Xvfb stdout is piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
            // Keep the pipe open (and drained) for the server's lifetime.
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("Xvfb names its display within 20 s");
        let number: u32 = line.trim().parse().expect("Xvfb wrote a display number");
        Display {
            name: format!(":{number}"),
            _server: server,
        }
    }

    /// A command bounded by `seconds` that talks to this display.
    fn command(&self, seconds: u32, program: &str) -> Command {
        let mut cmd = timed(seconds, program);
        cmd.env("DISPLAY", &self.name);
        cmd
    }

    /// The first visible window of WM_CLASS `class`, polled for up to `timeout`.
    pub fn wait_window(&self, class: &str, timeout: Duration) -> Option<String> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            let out = self
                .command(5, "xdotool")
                .args(["search", "--onlyvisible", "--class", class])
                .output()
                .expect("xdotool runs (package xdotool)");
            let ids = String::from_utf8_lossy(&out.stdout);
            if let Some(id) = ids.split_whitespace().next() {
                return Some(id.to_string());
            }
            std::thread::sleep(POLL);
        }
        None
    }

    /// Gives `window` the keyboard focus (there is no window manager) and types `key`
    /// (an X keysym name: `Return`, `Next`, ...) through XTEST.
    pub fn key(&self, window: &str, key: &str) {
        let status = self
            .command(10, "xdotool")
            .args(["windowfocus", window, "key", key])
            .status()
            .expect("xdotool runs");
        assert!(status.success(), "xdotool could not type {key}");
    }

    /// A screenshot of `window` (xwd's dump format).
    pub fn shot(&self, window: &str) -> Shot {
        let out = self
            .command(20, "xwd")
            .args(["-silent", "-id", window])
            .output()
            .expect("xwd runs (package x11-apps)");
        assert!(out.status.success(), "xwd failed: {out:?}");
        Shot::parse(out.stdout)
    }

    /// Waits until `window` shows a drawn screen (see [`MIN_INK`]) that differs from `before`
    /// and stays the same for [`STABLE_SHOTS`] screenshots. After `timeout` it returns the last
    /// screenshot anyway, and says so: the OCR check decides, never the clock.
    pub fn settle(&self, window: &str, before: Option<&Shot>, timeout: Duration) -> Shot {
        let deadline = Instant::now() + timeout;
        let mut last = self.shot(window);
        let mut same = 1;
        while Instant::now() < deadline {
            let ready = last.ink() >= MIN_INK && before != Some(&last);
            if ready && same >= STABLE_SHOTS {
                return last;
            }
            std::thread::sleep(POLL);
            let next = self.shot(window);
            same = if next == last { same + 1 } else { 1 };
            last = next;
        }
        eprintln!("the screen did not settle within {timeout:?}; checking the last screenshot");
        last
    }
}

/// One screenshot: xwd's header fields that matter and the pixels, compared byte for byte.
#[derive(PartialEq)]
pub struct Shot {
    /// The whole xwd dump (kept to be converted to PNG).
    pub xwd: Vec<u8>,
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    pixels_at: usize,
    pixel_count: usize,
    /// Pixel byte order: least significant byte first.
    lsb_first: bool,
    /// Red, green and blue masks of a pixel value.
    masks: [u32; 3],
}

impl Shot {
    /// Reads the xwd header (25 big-endian u32 fields, then the window name and a colour map).
    fn parse(xwd: Vec<u8>) -> Shot {
        let field = |i: usize| -> usize {
            let bytes: [u8; 4] = xwd[i * 4..i * 4 + 4].try_into().expect("4 bytes");
            u32::from_be_bytes(bytes) as usize
        };
        assert!(xwd.len() >= 100, "xwd wrote {} bytes", xwd.len());
        let (header, bits_per_pixel, bytes_per_line) = (field(0), field(11), field(12));
        let (width, height, colours) = (field(4), field(5), field(19));
        assert_eq!(bits_per_pixel, 32, "a 24-bit Xvfb screen has 32-bit pixels");
        assert_eq!(bytes_per_line, width * 4, "no padding at 32 bits per pixel");
        let pixels_at = header + colours * 12;
        assert!(
            xwd.len() >= pixels_at + width * height * 4,
            "xwd dump cut short"
        );
        let mask = |i: usize| u32::try_from(field(i)).expect("a 32-bit field");
        Shot {
            width,
            height,
            pixels_at,
            pixel_count: width * height,
            lsb_first: field(7) == 0,
            masks: [mask(14), mask(15), mask(16)],
            xwd,
        }
    }

    /// The pixels, each as its raw bytes.
    fn pixels(&self) -> impl Iterator<Item = &[u8]> {
        let end = self.pixels_at + self.pixel_count * 4;
        self.xwd[self.pixels_at..end].chunks_exact(4)
    }

    /// The most common pixel: the terminal's background.
    fn background(&self) -> &[u8] {
        let mut counts: HashMap<&[u8], usize> = HashMap::new();
        for p in self.pixels() {
            *counts.entry(p).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map_or(&[][..], |(p, _)| p)
    }

    /// Share of pixels that are not the background.
    pub fn ink(&self) -> f64 {
        let background = self.background().to_vec();
        let inked = self
            .pixels()
            .filter(|p| *p != background.as_slice())
            .count();
        inked as f64 / self.pixel_count.max(1) as f64
    }

    /// True when the background is dark (light text on it): OCR wants dark on light.
    pub fn dark(&self) -> bool {
        let bytes: [u8; 4] = self.background().try_into().expect("32-bit pixel");
        let value = if self.lsb_first {
            u32::from_le_bytes(bytes)
        } else {
            u32::from_be_bytes(bytes)
        };
        let level = |mask: u32| {
            let shift = mask.trailing_zeros();
            f64::from((value & mask) >> shift) / f64::from((mask >> shift).max(1))
        };
        self.masks.iter().map(|&m| level(m)).sum::<f64>() < 1.5
    }
}
