//! PDF → text, with lopdf: a content-stream interpreter places every glyph, and the glyphs
//! become the same markdown-ish text the text lexer reads (paragraph lines, `<sup>n</sup>`
//! footnote marks, `---` before footnotes, tab-separated table rows, form feeds between
//! pages). Spans of a PDF parse index that text, which [`Parsed::text`](crate::Parsed::text)
//! holds.

mod base14;
mod cmap;
mod content;
mod font;
mod grid;
mod lexer;
mod load;
mod syntax;
mod text;

use crate::error::Error;
use crate::limits::Limits;
use lopdf::{Document, Object, Stream};
use std::borrow::Cow;

/// `object`, or what it refers to when it is a reference (a dangling one stays as is).
fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map_or(object, |(_, o)| o)
}

/// A stream's data with its filters undone, inflated to at most `max` bytes; as stored when
/// it has no filters or they fail (or empty when that is over the bound too).
fn stream_data(stream: &Stream, max: usize) -> Cow<'_, [u8]> {
    match stream.decompressed_content_with_limit(max) {
        Ok(data) => Cow::Owned(data),
        Err(_) if stream.content.len() <= max => Cow::Borrowed(&stream.content),
        Err(_) => Cow::Borrowed(&[]),
    }
}

/// An object of the document, by where it is: an object read from the file stays where it
/// is for the whole parse, so fonts, CMaps, forms and encodings written inline are known
/// again as surely as those referred to by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Key(usize);

/// The [`Key`] of an object (already resolved) or dictionary.
fn key<T>(object: &T) -> Key {
    Key(std::ptr::from_ref(object) as usize)
}

/// Hashes [`Key`]s, which are addresses (not chosen by the file), with one multiplication.
#[derive(Debug, Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map by [`Key`].
type KeyMap<V> = std::collections::HashMap<Key, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// A numeric object's value.
fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// What reading a PDF noted as it went: (offset in the text, message) of each limit that
/// made it skip something.
pub(crate) type Notes = Vec<(usize, String)>;

/// The text of a PDF's pages, within `limits`.
pub(crate) fn to_text(bytes: &[u8], limits: &Limits) -> Result<(String, Notes), Error> {
    limits.check_input(bytes.len())?;
    load::scan(bytes, limits)?;
    let doc = load::load(bytes, limits)?;
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(Error::Encrypted);
    }
    let mut reader = content::Reader::new(&doc, limits);
    let mut layout = text::Layout::new(limits);
    // The page tree is walked as lopdf's iterator does (every node once at most, as many
    // steps as the document has objects), one page at a time: each is read, laid out and
    // dropped before the next.
    for (n, id) in doc.page_iter().enumerate() {
        if n >= limits.max_pages {
            return Err(Error::TooLarge {
                what: "pages",
                limit: limits.max_pages,
                setting: "max_pages",
            });
        }
        let page = reader.page(id)?;
        layout.add(page, reader.take_notes())?;
    }
    if layout.pages() == 0 {
        return Err(Error::Pdf {
            reason: "the document has no pages".to_owned(),
            source: None,
        });
    }
    if layout.glyphs() == 0 {
        return Err(Error::NoText {
            pages: layout.pages(),
            images: layout.images(),
        });
    }
    layout.finish()
}
