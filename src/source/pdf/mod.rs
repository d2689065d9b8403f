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

#[cfg(test)]
#[path = "../../../tests/hostile/pdf_families.rs"]
mod pdf_families;

#[cfg(test)]
mod tests {
    use super::*;

    /// Limits small enough for the families to reach them quickly in a debug build.
    fn small() -> Limits {
        Limits {
            max_inflated: 4 << 20,
            max_inflated_stream: 1 << 20,
            max_operators: 200_000,
            max_form_draws: 500,
            max_pages: 200,
            max_cmap_codes: 1 << 12,
            max_glyphs: 100_000,
            max_text: 1 << 20,
            max_objects: 100_000,
            ..Limits::default()
        }
    }

    fn family(name: &str) -> fn(usize) -> Vec<u8> {
        pdf_families::families()
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| f)
            .unwrap()
    }

    fn too_large(result: Result<(String, Notes), Error>) -> &'static str {
        match result {
            Err(Error::TooLarge { setting, .. }) => setting,
            other => panic!("{other:?}"),
        }
    }

    /// Every family, small, gives text or an error within the limits.
    #[test]
    fn every_family_answers() {
        for (name, build) in pdf_families::families() {
            for size in [2_000, 50_000] {
                let result = to_text(&build(size), &small());
                if let Ok((text, _)) = &result {
                    assert!(text.len() <= small().max_text, "{name} {size}");
                }
            }
        }
    }

    /// Each limit is the error of the family that reaches it.
    #[test]
    fn limits_are_errors() {
        let limits = small();
        let cases = [
            ("many_pages", 400_000, "max_pages"),
            ("many_glyphs", 400_000, "max_glyphs"),
            ("glyph_bomb", 10_000, "max_glyphs"),
            ("glyph_text_bomb", 10_000, "max_text"),
            ("many_operators", 1_000_000, "max_operators"),
            ("deflate_bomb", 10_000, "max_inflated"),
            ("contents_repeated", 200_000, "max_inflated"),
            ("values", 400_000, "max_objects"),
            ("objstm_values", 10_000, "max_inflated_stream"),
        ];
        for (name, size, setting) in cases {
            assert_eq!(
                too_large(to_text(&family(name)(size), &limits)),
                setting,
                "{name}"
            );
        }
        let objects = to_text(&family("objstm_values")(10_000), &Limits::default());
        assert_eq!(too_large(objects), "max_objects");
        let text = Limits {
            max_text: 1_000,
            ..limits
        };
        assert_eq!(
            too_large(to_text(&family("many_text_pages")(100_000), &text)),
            "max_text"
        );
    }

    /// CMaps past the document's codes are read as empty, with one note.
    #[test]
    fn cmaps_past_the_documents_codes_are_noted() {
        let limits = Limits {
            max_cmap_codes: 1 << 16,
            ..Limits::default()
        };
        let (text, notes) = to_text(&family("many_cmaps")(5_000), &limits).unwrap();
        // Eight CMaps of 65,536 codes each are read; each font shows one code.
        assert_eq!(
            text.chars().filter(|c| !c.is_whitespace()).count(),
            8,
            "{text:?}"
        );
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].1.ends_with("(Limits::max_cmap_codes)"),
            "{notes:?}"
        );
    }

    /// Form XObjects past the draws or the depth are skipped with one note each for the
    /// document, and what was drawn is read.
    #[test]
    fn forms_past_their_limits_are_noted_once() {
        let limits = Limits {
            max_form_draws: 50,
            ..Limits::default()
        };
        // The form draws itself a hundred times: eight deep first, then fifty in all.
        let (text, notes) = to_text(&family("form_fanout")(600), &limits).unwrap();
        assert_eq!(text.matches('x').count(), 50);
        let notes: Vec<&str> = notes.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("8 deep") && notes[0].ends_with("(Limits::max_form_depth)"));
        assert!(notes[1].contains("50 times") && notes[1].ends_with("(Limits::max_form_draws)"));
        let limits = Limits {
            max_form_depth: 3,
            ..Limits::default()
        };
        // Ten draws of itself, three deep: 1 + 10 + 100 drawn.
        let (text, notes) = to_text(&family("form_fanout")(60), &limits).unwrap();
        assert_eq!(text.matches('x').count(), 111);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].1.ends_with("(Limits::max_form_depth)"));
        // The text of a chain's last form, deeper than that, is not read.
        assert!(matches!(
            to_text(&family("form_chain")(2_000), &limits),
            Err(Error::NoText { .. })
        ));
        // Each draw counts the form's inflated bytes.
        let limits = Limits {
            max_inflated: 100_000,
            ..Limits::default()
        };
        assert_eq!(
            too_large(to_text(&family("form_fanout")(600), &limits)),
            "max_inflated"
        );
    }
}
