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
mod syntax;
mod text;

use crate::error::{Error, PdfSource};
use crate::limits::Limits;
use lopdf::{Document, Object, Stream};
use std::borrow::Cow;

/// `object`, or what it refers to when it is a reference (a dangling one stays as is).
fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map_or(object, |(_, o)| o)
}

/// How large one stream (a font, a CMap, a form) may inflate: far more than any letter's.
const MAX_INFLATED_STREAM: usize = 16 << 20;
/// How large a document's page contents may inflate in all (every page, every stream of
/// each, however often `/Contents` lists one stream).
const MAX_INFLATED_PAGES: usize = 64 << 20;

/// A stream's data with its filters undone, inflated to at most [`MAX_INFLATED_STREAM`]; as
/// stored when it has no filters or they fail (or empty when that is over the bound too).
fn stream_data(stream: &Stream) -> Cow<'_, [u8]> {
    match stream.decompressed_content_with_limit(MAX_INFLATED_STREAM) {
        Ok(data) => Cow::Owned(data),
        Err(_) if stream.content.len() <= MAX_INFLATED_STREAM => Cow::Borrowed(&stream.content),
        Err(_) => Cow::Borrowed(&[]),
    }
}

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
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => Error::Encrypted,
        other => Error::Pdf {
            reason: other.to_string(),
            source: Some(PdfSource::new(other)),
        },
    })?;
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(Error::Encrypted);
    }
    let mut fonts = content::FontCache::new();
    let mut budget = limits.max_inflated;
    let pages = doc
        .get_pages()
        .values()
        .map(|&id| content::page(&doc, id, &mut fonts, &mut budget))
        .collect::<Result<Vec<_>, _>>()?;
    if pages.is_empty() {
        return Err(Error::Pdf {
            reason: "the document has no pages".to_owned(),
            source: None,
        });
    }
    if pages.iter().all(|p| p.glyphs.is_empty()) {
        let images: usize = pages.iter().map(|p| p.images).sum();
        return Err(Error::NoText {
            pages: pages.len(),
            images,
        });
    }
    Ok((text::render(&pages), Notes::new()))
}
