//! Fonts: how a shown string's bytes become character codes, text and advance widths.
//!
//! Simple fonts (Type1, TrueType) take one byte per code; their text comes from `/ToUnicode`
//! when present, else from `/Encoding` (a base encoding plus `/Differences`) through glyph
//! names. Widths come from `/FirstChar` and `/Widths`, or, for the standard 14 fonts written
//! without them, from the fonts' AFM metrics. Type0 fonts with `/Identity-H` take two bytes
//! per code; their widths come from the descendant's `/W` (both array forms) and `/DW`.

use super::base14::{glyph_to_unicode, Base14, BaseEncoding};
use super::cmap::ToUnicode;
use super::{number, resolve, stream_data};
use lopdf::{Document, Object};
use std::borrow::Cow;

/// A font ready to decode shown strings.
#[derive(Debug, Default)]
pub(super) struct Font {
    /// Two-byte codes (Type0).
    composite: bool,
    to_unicode: ToUnicode,
    /// Simple fonts: the text of each code from the encoding.
    encoded: Vec<Option<Cow<'static, str>>>,
    /// Simple fonts: widths by code (1/1000 em).
    widths: Vec<f32>,
    /// Type0: widths by code (0 where `/W` gives none), and the default.
    cid_widths: Vec<f32>,
    default_width: f32,
}

impl Font {
    /// Reads a font dictionary; whatever cannot be read falls back to a default.
    pub(super) fn load(doc: &Document, dict: &lopdf::Dictionary) -> Font {
        let mut font = Font {
            default_width: 500.0,
            ..Font::default()
        };
        let get = |key: &[u8]| dict.get(key).ok().map(|o| resolve(doc, o));
        if let Some(bytes) = get(b"ToUnicode")
            .and_then(|o| resolve(doc, o).as_stream().ok())
            .map(stream_data)
        {
            font.to_unicode = ToUnicode::parse(&bytes);
        }
        let subtype = get(b"Subtype")
            .and_then(|o| o.as_name().ok())
            .unwrap_or(b"");
        let base_font = get(b"BaseFont")
            .and_then(|o| o.as_name().ok())
            .unwrap_or(b"");
        if subtype == b"Type0" {
            font.composite = true;
            font.default_width = 1000.0;
            let descendant = get(b"DescendantFonts")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .map(|o| resolve(doc, o))
                .and_then(|o| o.as_dict().ok());
            if let Some(d) = descendant {
                if let Some(dw) = d.get(b"DW").ok().map(|o| resolve(doc, o)).and_then(number) {
                    font.default_width = dw;
                }
                if let Some(w) = d
                    .get(b"W")
                    .ok()
                    .map(|o| resolve(doc, o))
                    .and_then(|o| o.as_array().ok())
                {
                    font.cid_widths = cid_widths(doc, w);
                }
            }
            return font;
        }
        let standard = Base14::from_base_font(base_font);
        font.load_encoding(doc, get(b"Encoding"), standard);
        let first = get(b"FirstChar").and_then(number).unwrap_or(0.0).max(0.0) as usize;
        let widths = get(b"Widths").and_then(|o| o.as_array().ok());
        font.widths = vec![0.0; 256];
        match widths {
            Some(list) => {
                for (i, w) in list.iter().enumerate() {
                    if let (Some(slot), Some(w)) =
                        (font.widths.get_mut(first + i), number(resolve(doc, w)))
                    {
                        *slot = w;
                    }
                }
            }
            None => {
                let names = font_glyph_names(doc, get(b"Encoding"), standard);
                for (code, slot) in font.widths.iter_mut().enumerate() {
                    let name = names.get(code).and_then(|n| n.as_deref());
                    *slot = match (standard, name) {
                        (Some(s), Some(n)) => s.width(n).map_or(0.0, f32::from),
                        _ => 500.0,
                    };
                }
            }
        }
        font
    }

    /// The text of each code from the encoding (used when there is no `/ToUnicode` entry).
    fn load_encoding(
        &mut self,
        doc: &Document,
        encoding: Option<&Object>,
        standard: Option<Base14>,
    ) {
        let names = font_glyph_names(doc, encoding, standard);
        self.encoded = names
            .iter()
            .map(|name| name.as_deref().and_then(glyph_to_unicode))
            .collect();
    }

    /// Splits a shown string into (code, byte count).
    pub(super) fn codes<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = (u32, usize)> + 'a {
        self.to_unicode
            .codes(bytes, if self.composite { 2 } else { 1 })
    }

    /// The text of a code.
    pub(super) fn text(&self, code: u32) -> Option<&str> {
        if let Some(t) = self.to_unicode.get(code) {
            return Some(t);
        }
        if self.composite {
            return None;
        }
        self.encoded.get(code as usize).and_then(|t| t.as_deref())
    }

    /// The advance width of a code in 1/1000 em.
    pub(super) fn width(&self, code: u32) -> f32 {
        if self.composite {
            let width = self.cid_widths.get(code as usize).copied().unwrap_or(0.0);
            return if width > 0.0 {
                width
            } else {
                self.default_width
            };
        }
        self.widths
            .get(code as usize)
            .copied()
            .filter(|w| *w > 0.0)
            .unwrap_or(self.default_width)
    }

    /// Whether a one-byte code 32 is a word space (for `Tw`).
    pub(super) fn single_byte(&self) -> bool {
        !self.composite
    }
}

/// The glyph name of each of the 256 codes of a simple font.
fn font_glyph_names(
    doc: &Document,
    encoding: Option<&Object>,
    standard: Option<Base14>,
) -> Vec<Option<Cow<'static, str>>> {
    let builtin = standard.map_or(BaseEncoding::Standard, Base14::builtin_encoding);
    let (base, differences) = match encoding {
        Some(Object::Name(name)) => (BaseEncoding::from_name(name).unwrap_or(builtin), None),
        Some(Object::Dictionary(d)) => {
            let base = d
                .get(b"BaseEncoding")
                .ok()
                .and_then(|o| o.as_name().ok())
                .and_then(BaseEncoding::from_name)
                .unwrap_or(builtin);
            let diffs = d
                .get(b"Differences")
                .ok()
                .map(|o| resolve(doc, o))
                .and_then(|o| o.as_array().ok());
            (base, diffs)
        }
        _ => (builtin, None),
    };
    let mut names: Vec<Option<Cow<'static, str>>> = (0..=255u8)
        .map(|c| base.glyph(c).map(Cow::Borrowed))
        .collect();
    if let Some(diffs) = differences {
        let mut code = 0usize;
        for item in diffs {
            match resolve(doc, item) {
                Object::Integer(i) => code = usize::try_from(*i).unwrap_or(usize::MAX),
                Object::Name(n) => {
                    if let Some(slot) = names.get_mut(code) {
                        *slot = std::str::from_utf8(n)
                            .ok()
                            .map(|n| Cow::Owned(n.to_owned()));
                    }
                    code = code.saturating_add(1);
                }
                _ => {}
            }
        }
    }
    names
}

/// `/W` arrays: `c [w1 w2 …]` and `c_first c_last w`, as a table indexed by code (codes are
/// two bytes, so at most 65,536 entries).
fn cid_widths(doc: &Document, w: &[Object]) -> Vec<f32> {
    let mut out: Vec<f32> = Vec::new();
    let mut set = |code: u32, width: f32| {
        let Ok(i) = usize::try_from(code) else { return };
        if i < 65_536 {
            if out.len() <= i {
                out.resize(i + 1, 0.0);
            }
            if let Some(slot) = out.get_mut(i) {
                *slot = width;
            }
        }
    };
    let mut items = w.iter().map(|o| resolve(doc, o)).peekable();
    while let Some(first) = items.next() {
        let Some(start) = number(first).filter(|n| *n >= 0.0).map(|n| n as u32) else {
            continue;
        };
        match items.next() {
            Some(Object::Array(list)) => {
                for (i, width) in list.iter().enumerate().take(65_536) {
                    if let Some(width) = number(resolve(doc, width)) {
                        set(start.saturating_add(i as u32), width);
                    }
                }
            }
            Some(last) => {
                let (Some(last), Some(width)) = (number(last), items.next().and_then(number))
                else {
                    continue;
                };
                let last = (last.max(0.0) as u32).min(start.saturating_add(65_535));
                for code in start..=last {
                    set(code, width);
                }
            }
            None => break,
        }
    }
    out
}
