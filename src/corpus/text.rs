//! A document's text as it is held: one zstd frame for an article, plain for a text too
//! short to gain from it and for a huge one (see [`DocText`]).

use std::borrow::Cow;
use std::cell::RefCell;

/// Texts shorter than this stay plain: a frame's header and the few bytes it could save
/// on them are about the same.
const PACK_FROM: usize = 64;

/// Texts longer than this stay plain: the reader opens such a document whole and lays it
/// out in the background, so it would hold the frame and the plain text at once, and
/// extraction reads it in pieces ([`crate::extract::chunk::HUGE_BYTES`], the same bound).
const PACK_UP_TO: usize = 2 << 20;

/// zstd's fastest level: about 0.4 of a news article's bytes, at a few hundred MB a
/// second, so loading a corpus barely slows. Higher levels gained a few hundredths.
const LEVEL: i32 = 1;

/// A document's text: one zstd frame, or the plain text (see [`PACK_FROM`],
/// [`PACK_UP_TO`]). Read it with [`DocText::get`], which decompresses a frame each time:
/// what reads a text often (the reading pane) keeps one plain copy while it needs it.
#[derive(Clone, PartialEq, Eq)]
pub struct DocText(Held);

#[derive(Clone, PartialEq, Eq)]
enum Held {
    Plain(Box<str>),
    /// The frame and the text's length in bytes (a frame of a text over 4 GB is never
    /// made: such a text is plain).
    Packed {
        frame: Box<[u8]>,
        len: u32,
    },
}

/// A frame that did not decompress to the text it was made from: a bug in okur (or memory
/// gone bad), never a property of the file, which was read and checked before it was packed.
#[derive(Debug, thiserror::Error)]
#[error("the text of {path} held in memory does not read back ({why}); this is a bug in okur")]
pub struct TextError {
    /// The document's path, as given.
    pub path: String,
    /// What zstd or the UTF-8 check said.
    pub why: String,
}

/// The first text that did not read back in this process, for what cannot stop where it
/// reads (an extraction pass, a search line): the command ends with it as its error.
static FAILED: std::sync::OnceLock<TextError> = std::sync::OnceLock::new();

/// The first text that did not read back, if any did not (see [`DocText::get`]).
pub fn text_failure() -> Option<&'static TextError> {
    FAILED.get()
}

/// Documents' texts by number, read one at a time (each decompressed when asked).
pub trait Texts {
    /// How many texts.
    fn count(&self) -> usize;
    /// Text `d`; empty past the end or when it does not read back (which
    /// [`text_failure`] then says).
    fn text(&self, d: usize) -> Cow<'_, str>;
}

impl Texts for [&str] {
    fn count(&self) -> usize {
        self.len()
    }
    fn text(&self, d: usize) -> Cow<'_, str> {
        Cow::Borrowed(self.get(d).copied().unwrap_or(""))
    }
}

impl Texts for Vec<&str> {
    fn count(&self) -> usize {
        self.len()
    }
    fn text(&self, d: usize) -> Cow<'_, str> {
        self.as_slice().text(d)
    }
}

impl Texts for [super::Document] {
    fn count(&self) -> usize {
        self.len()
    }
    fn text(&self, d: usize) -> Cow<'_, str> {
        self.get(d)
            .and_then(|doc| doc.text().ok())
            .unwrap_or(Cow::Borrowed(""))
    }
}

impl DocText {
    /// The text as it is, never compressed.
    pub fn plain(text: String) -> DocText {
        DocText(Held::Plain(text.into_boxed_str()))
    }

    /// The text compressed to one frame when that saves bytes, else plain.
    pub fn packed(text: String) -> DocText {
        if !(PACK_FROM..=PACK_UP_TO).contains(&text.len()) {
            return DocText::plain(text);
        }
        let Ok(len) = u32::try_from(text.len()) else {
            return DocText::plain(text);
        };
        match compress(text.as_bytes()) {
            Some(frame) if frame.len() < text.len() => DocText(Held::Packed {
                frame: frame.into_boxed_slice(),
                len,
            }),
            _ => DocText::plain(text),
        }
    }

    /// The text's length in bytes (without decompressing it).
    pub fn len(&self) -> usize {
        match &self.0 {
            Held::Plain(text) => text.len(),
            Held::Packed { len, .. } => usize::try_from(*len).unwrap_or(usize::MAX),
        }
    }

    /// True for the empty text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when the text is held as a frame (reading it decompresses).
    pub fn is_packed(&self) -> bool {
        matches!(self.0, Held::Packed { .. })
    }

    /// The bytes held on the heap: the frame's or the plain text's.
    pub fn heap_bytes(&self) -> usize {
        match &self.0 {
            Held::Plain(text) => text.len(),
            Held::Packed { frame, .. } => frame.len(),
        }
    }

    /// The text: borrowed when plain, decompressed when packed. `path` names the document
    /// in the error, which is also kept for [`text_failure`].
    pub fn get(&self, path: &str) -> Result<Cow<'_, str>, TextError> {
        match &self.0 {
            Held::Plain(text) => Ok(Cow::Borrowed(text)),
            Held::Packed { .. } => self.read(path, |text| Cow::Owned(text.to_string())),
        }
    }

    /// `f` on the text, for what reads it once and keeps none of it: a packed text is
    /// decompressed into this thread's buffer, not a new string of its own.
    pub fn read<R>(&self, path: &str, f: impl FnOnce(&str) -> R) -> Result<R, TextError> {
        let Held::Packed { frame, len } = &self.0 else {
            return Ok(f(self.get(path)?.as_ref()));
        };
        // Taken out while `f` runs: an `f` that reads another text gets a buffer of its own.
        let mut buf = BUFFER.take();
        let out = match unpack(frame, self.len(), *len, &mut buf) {
            Ok(text) => Ok(f(text)),
            Err(why) => Err(failed(path, why)),
        };
        BUFFER.set(buf);
        out
    }

    /// The text, plain (decompressed once if packed): what is read many times.
    pub fn to_plain(&self, path: &str) -> Result<DocText, TextError> {
        match &self.0 {
            Held::Plain(_) => Ok(self.clone()),
            Held::Packed { .. } => Ok(DocText::plain(self.get(path)?.into_owned())),
        }
    }
}

impl std::fmt::Debug for DocText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Held::Plain(text) => f.debug_tuple("Plain").field(text).finish(),
            Held::Packed { frame, len } => write!(f, "Packed({len} bytes in {})", frame.len()),
        }
    }
}

impl Default for DocText {
    fn default() -> DocText {
        DocText::plain(String::new())
    }
}

thread_local! {
    /// The packed text read last on this thread by [`super::Document::with_text`], with
    /// the document's address and text hash (the same address may hold another document
    /// later; with the same hash it holds the same text): one text, never more.
    static LAST: RefCell<Option<(usize, String, Box<str>)>> = const { RefCell::new(None) };
    /// Each loading thread's compressor, made once: a new one for each article cost as
    /// much as compressing it.
    static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> =
        const { RefCell::new(None) };
    /// Each reading thread's buffer for the text it decompresses: kept (the largest text
    /// read, at most [`PACK_UP_TO`]) so that reading a text allocates nothing.
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// Each reading thread's decompressor, made once.
    static DECOMPRESSOR: RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        const { RefCell::new(None) };
}

/// `f` on the text of the document at `address` with text hash `hash`, held as `text`:
/// decompressed only when it is not the one read last on this thread.
pub(super) fn with_last<R>(
    address: usize,
    hash: &str,
    path: &str,
    text: &DocText,
    f: impl FnOnce(&str) -> R,
) -> Result<R, TextError> {
    LAST.with_borrow_mut(|last| {
        if let Some((at, h, plain)) = last.as_ref()
            && *at == address
            && h == hash
        {
            return Ok(f(plain));
        }
        *last = None;
        let plain: Box<str> = text.read(path, |t| Box::from(t))?;
        let out = f(&plain);
        *last = Some((address, hash.to_string(), plain));
        Ok(out)
    })
}

/// `bytes` as one frame; `None` when zstd could not make one (the text then stays plain).
fn compress(bytes: &[u8]) -> Option<Vec<u8>> {
    COMPRESSOR.with_borrow_mut(|held| {
        if held.is_none() {
            *held = zstd::bulk::Compressor::new(LEVEL).ok().and_then(|mut c| {
                // The checksum (4 bytes) makes a frame gone bad an error, not another text;
                // the length is held beside the frame, so the frame need not say it.
                c.include_checksum(true).ok()?;
                c.include_contentsize(false).ok()?;
                Some(c)
            });
        }
        held.as_mut()?.compress(bytes).ok()
    })
}

/// Records `why` as the failure of `path`'s text (the first kept for [`text_failure`]).
fn failed(path: &str, why: String) -> TextError {
    let _ = FAILED.set(TextError {
        path: path.to_string(),
        why: why.clone(),
    });
    TextError {
        path: path.to_string(),
        why,
    }
}

/// The text of `frame`, decompressed into `buf`; it must be `len` bytes (`stored` as held)
/// of UTF-8, checked with SIMD (the standard check was a third of reading an Arabic or
/// Turkish text back, the decompression the rest).
fn unpack<'b>(
    frame: &[u8],
    len: usize,
    stored: u32,
    buf: &'b mut Vec<u8>,
) -> Result<&'b str, String> {
    buf.clear();
    buf.reserve(len);
    let got = DECOMPRESSOR.with_borrow_mut(|held| {
        if held.is_none() {
            *held = Some(zstd::bulk::Decompressor::new().map_err(|e| e.to_string())?);
        }
        let Some(d) = held.as_mut() else {
            return Err("no decompressor".to_string());
        };
        d.decompress_to_buffer(frame, buf)
            .map_err(|e| e.to_string())
    })?;
    if got != len {
        return Err(format!("{got} bytes where {stored} were packed"));
    }
    simdutf8::compat::from_utf8(buf).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Ankara'da bugün yapılan toplantıda bakanlar, ekonomi ve dış \
        politika konularını görüştü. Toplantının ardından yapılan açıklamada, ekonomi \
        konusunda yeni adımlar atılacağı belirtildi.\n";

    #[test]
    fn an_article_is_packed_and_reads_back_whole() {
        let text = ARTICLE.repeat(8);
        let held = DocText::packed(text.clone());
        assert!(held.is_packed());
        assert!(held.heap_bytes() < text.len() / 2, "{}", held.heap_bytes());
        assert_eq!(held.len(), text.len());
        assert_eq!(held.get("a.txt").expect("reads").as_ref(), text);
        assert_eq!(held.to_plain("a.txt").expect("reads"), DocText::plain(text));
    }

    #[test]
    fn a_text_is_read_in_place_and_a_read_inside_another_gets_its_own() {
        let first = ARTICLE.repeat(8);
        let second = ARTICLE.replace("Ankara", "İzmir").repeat(5);
        let (a, b) = (
            DocText::packed(first.clone()),
            DocText::packed(second.clone()),
        );
        assert!(a.is_packed() && b.is_packed());
        let both = a.read("a", |outer| {
            let inner = b.read("b", str::to_string).expect("reads");
            (outer.to_string(), inner)
        });
        assert_eq!(both.expect("reads"), (first.clone(), second));
        // Again, through the buffer the first read left.
        assert_eq!(a.read("a", str::len).expect("reads"), first.len());
        let plain = DocText::plain("kısa".to_string());
        assert_eq!(plain.read("p", str::to_string).expect("plain"), "kısa");
    }

    #[test]
    fn short_empty_and_unpackable_texts_stay_plain() {
        for text in [
            "",
            "kısa",
            // Over the length to pack, but a frame would be no shorter.
            "Q7x!kP2#vL9@mZ4$wR8%tY1^nB6&jH3*cF5(gD0)sA_qE+uI=oU{eO}iWa]yT[rG|pK~lMnXbVzC",
        ] {
            let held = DocText::packed(text.to_string());
            assert!(!held.is_packed(), "{text}");
            assert_eq!(held.get("a").expect("plain").as_ref(), text);
        }
    }

    #[test]
    fn a_huge_text_stays_plain() {
        let held = DocText::packed("a".repeat(PACK_UP_TO + 1));
        assert!(!held.is_packed());
    }

    #[test]
    fn a_bad_frame_is_an_error_naming_the_path() {
        let text = ARTICLE.repeat(4);
        let DocText(Held::Packed { mut frame, len }) = DocText::packed(text) else {
            panic!("packed");
        };
        let mid = frame.len() / 2;
        frame[mid] ^= 0xff;
        frame[mid + 1] ^= 0x55;
        let bad = DocText(Held::Packed { frame, len });
        let e = bad.get("haber/a.txt").expect_err("the checksum fails");
        assert!(e.to_string().contains("haber/a.txt"), "{e}");
        let short = DocText(Held::Packed {
            frame: Box::new([0u8; 4]),
            len: 10,
        });
        let e = short.get("b.txt").expect_err("not a frame");
        assert!(e.to_string().contains("b.txt"), "{e}");
    }
}
