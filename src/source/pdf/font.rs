//! Fonts: how a shown string's bytes become character codes, text and advance widths.
//!
//! Simple fonts (Type1, TrueType) take one byte per code; their text comes from `/ToUnicode`
//! when present, else from `/Encoding` (a base encoding plus `/Differences`) through glyph
//! names. Widths come from `/FirstChar` and `/Widths`, or, for the standard 14 fonts written
//! without them, from the fonts' AFM metrics. Type0 fonts with `/Identity-H` take two bytes
//! per code; their widths come from the descendant's `/W` (both array forms) and `/DW`.

use super::base14::{glyph_to_unicode, Base14, BaseEncoding};
use super::cmap::{Bounds, ToUnicode, TEXT_PER_CODE};
use super::{key, number, resolve, stream_data, Key};
use crate::limits::Limits;
use lopdf::{Document, Object};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// The text of each of a simple font's 256 codes.
type Encoded = Rc<[Option<Cow<'static, str>>]>;

/// A font ready to decode shown strings.
#[derive(Debug, Default)]
pub(super) struct Font {
    /// Two-byte codes (Type0).
    composite: bool,
    to_unicode: Rc<ToUnicode>,
    /// Simple fonts: the text of each code from the encoding.
    encoded: Encoded,
    /// Simple fonts: widths by code (1/1000 em).
    widths: Rc<[f32]>,
    /// Type0: widths by code (none where `/W` gives none), and the default.
    cid_widths: Rc<CidWidths>,
    default_width: f32,
}

/// How a simple font's tables were made, for sharing them between fonts: the `/Encoding`
/// (its object, or its name) and the standard font named.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum TablesKey {
    /// The encoding's text for each code.
    Encoded(EncodingKey, Option<Base14Key>),
    /// Widths from a `/Widths` array (its object) from `/FirstChar`.
    Widths(Key, usize),
    /// The standard font's widths for its encoding.
    Standard(EncodingKey, Option<Base14Key>),
}

/// A standard font, by its `/BaseFont` name.
type Base14Key = Vec<u8>;

/// A font's `/Encoding`: none, a name, or a dictionary (by its object).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum EncodingKey {
    /// No `/Encoding`: the font's built-in one.
    None,
    /// A named encoding (`/WinAnsiEncoding`), by its name.
    Name(Vec<u8>),
    /// An encoding dictionary, by its object.
    Object(Key),
}

/// What fonts share while a document is read: the fonts themselves (by their dictionary),
/// their `/ToUnicode` CMaps (by stream), encodings, width tables, and what is left of the
/// document's budget of CMap codes.
#[derive(Debug)]
pub(super) struct FontCache {
    fonts: HashMap<Key, Rc<Font>>,
    cmaps: HashMap<Key, Rc<ToUnicode>>,
    encodings: HashMap<TablesKey, Encoded>,
    widths: HashMap<TablesKey, Rc<[f32]>>,
    cid_widths: HashMap<Key, Rc<CidWidths>>,
    /// Codes the CMaps not read yet may still map, over all of them.
    cmap_codes: usize,
    /// One CMap's bound.
    cmap_bounds: Bounds,
    /// Whether a CMap was left unread for the document's budget.
    pub(super) cmaps_skipped: bool,
    /// Most bytes one stream may inflate to.
    max_stream: usize,
}

/// How many times one CMap's codes all of a document's CMaps may map together.
pub(super) const CMAP_CODES_PER_DOCUMENT: usize = 8;

impl FontCache {
    /// An empty cache within `limits`.
    pub(super) fn new(limits: &Limits) -> Self {
        let codes = limits.max_cmap_codes;
        FontCache {
            fonts: HashMap::new(),
            cmaps: HashMap::new(),
            encodings: HashMap::new(),
            widths: HashMap::new(),
            cid_widths: HashMap::new(),
            cmap_codes: codes.saturating_mul(CMAP_CODES_PER_DOCUMENT),
            cmap_bounds: Bounds {
                codes,
                text: codes.saturating_mul(TEXT_PER_CODE),
            },
            cmaps_skipped: false,
            max_stream: limits.max_inflated_stream,
        }
    }

    /// The font of a font dictionary (`object`, resolved), read once.
    pub(super) fn font(&mut self, doc: &Document, object: &Object) -> Option<Rc<Font>> {
        let object = resolve(doc, object);
        let dict = object.as_dict().ok()?;
        let key = key(object);
        if let Some(font) = self.fonts.get(&key) {
            return Some(Rc::clone(font));
        }
        let font = Rc::new(Font::load(doc, dict, self));
        self.fonts.insert(key, Rc::clone(&font));
        Some(font)
    }

    /// How many fonts and CMaps were read.
    #[cfg(test)]
    pub(super) fn counts(&self) -> (usize, usize) {
        (self.fonts.len(), self.cmaps.len())
    }

    /// A `/ToUnicode` stream's map, parsed once; empty past the document's budget.
    fn cmap(&mut self, doc: &Document, object: &Object) -> Rc<ToUnicode> {
        let object = resolve(doc, object);
        let key = key(object);
        if let Some(cmap) = self.cmaps.get(&key) {
            return Rc::clone(cmap);
        }
        let Ok(stream) = object.as_stream() else {
            return Rc::default();
        };
        let bounds = Bounds {
            codes: self.cmap_bounds.codes.min(self.cmap_codes),
            ..self.cmap_bounds
        };
        if bounds.codes == 0 {
            self.cmaps_skipped = true;
        }
        let cmap = Rc::new(ToUnicode::parse_within(
            &stream_data(stream, self.max_stream),
            bounds,
        ));
        self.cmap_codes = self.cmap_codes.saturating_sub(cmap.len());
        self.cmaps.insert(key, Rc::clone(&cmap));
        cmap
    }
}

impl Font {
    /// Reads a font dictionary; whatever cannot be read falls back to a default.
    fn load(doc: &Document, dict: &lopdf::Dictionary, cache: &mut FontCache) -> Font {
        let mut font = Font {
            default_width: 500.0,
            ..Font::default()
        };
        let raw = |key: &[u8]| dict.get(key).ok();
        let get = |key: &[u8]| raw(key).map(|o| resolve(doc, o));
        if let Some(cmap) = raw(b"ToUnicode") {
            font.to_unicode = cache.cmap(doc, cmap);
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
                let w = d.get(b"W").ok().map(|o| resolve(doc, o));
                if let Some((w, list)) = w.and_then(|o| Some((o, o.as_array().ok()?))) {
                    font.cid_widths = Rc::clone(
                        cache
                            .cid_widths
                            .entry(key(w))
                            .or_insert_with(|| Rc::new(CidWidths::read(doc, list))),
                    );
                }
            }
            return font;
        }
        let standard = Base14::from_base_font(base_font);
        let standard_key = standard.map(|_| base_font.to_vec());
        let encoding = get(b"Encoding");
        let encoding_key = match encoding {
            None => EncodingKey::None,
            Some(Object::Name(name)) => EncodingKey::Name(name.clone()),
            Some(object) => EncodingKey::Object(key(object)),
        };
        font.encoded = Rc::clone(
            cache
                .encodings
                .entry(TablesKey::Encoded(
                    encoding_key.clone(),
                    standard_key.clone(),
                ))
                .or_insert_with(|| {
                    font_glyph_names(doc, encoding, standard)
                        .iter()
                        .map(|name| name.as_deref().and_then(glyph_to_unicode))
                        .collect()
                }),
        );
        let first = get(b"FirstChar").and_then(number).unwrap_or(0.0).max(0.0) as usize;
        let widths = get(b"Widths").and_then(|o| Some((o, o.as_array().ok()?)));
        font.widths = Rc::clone(match widths {
            Some((object, list)) => cache
                .widths
                .entry(TablesKey::Widths(key(object), first))
                .or_insert_with(|| {
                    let mut widths = vec![0.0; 256];
                    for (slot, w) in widths.iter_mut().skip(first).zip(list) {
                        if let Some(w) = number(resolve(doc, w)) {
                            *slot = w;
                        }
                    }
                    widths.into()
                }),
            None => cache
                .widths
                .entry(TablesKey::Standard(encoding_key, standard_key))
                .or_insert_with(|| {
                    let names = font_glyph_names(doc, encoding, standard);
                    (0..256)
                        .map(|code| {
                            let name = names.get(code).and_then(|n| n.as_deref());
                            match (standard, name) {
                                (Some(s), Some(n)) => s.width(n).map_or(0.0, f32::from),
                                _ => 500.0,
                            }
                        })
                        .collect()
                }),
        });
        font
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
            let width = self.cid_widths.get(code).unwrap_or(0.0);
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

/// Codes are two bytes: `/W` gives widths to at most 65,536 of them.
const CID_CODES: u32 = 65_536;

/// A Type0 font's `/W` widths: disjoint runs of codes `first..=last` of one width, by
/// `first`. Each entry of `/W` paints its codes over what earlier ones gave, in time
/// proportional to the runs it covers (so to the array's size in all, however many codes
/// its ranges claim).
#[derive(Debug, Default)]
pub(super) struct CidWidths {
    /// While `/W` is read: runs by first code.
    runs: BTreeMap<u32, (u32, f32)>,
    /// Once read: (first, last, width) by first code, for a binary search.
    sorted: Vec<(u32, u32, f32)>,
}

impl CidWidths {
    /// `/W` arrays: `c [w1 w2 …]` and `c_first c_last w`; codes past 65,535 are ignored.
    fn read(doc: &Document, w: &[Object]) -> CidWidths {
        let mut out = CidWidths::default();
        let mut items = w.iter().map(|o| resolve(doc, o)).peekable();
        while let Some(first) = items.next() {
            let Some(start) = number(first).filter(|n| *n >= 0.0).map(|n| n as u32) else {
                continue;
            };
            match items.next() {
                Some(Object::Array(list)) => {
                    let codes = CID_CODES.saturating_sub(start) as usize;
                    for (i, width) in list.iter().enumerate().take(codes) {
                        if let Some(width) = number(resolve(doc, width)) {
                            let code = start.saturating_add(i as u32);
                            out.paint(code, code, width);
                        }
                    }
                }
                Some(last) => {
                    let (Some(last), Some(width)) = (number(last), items.next().and_then(number))
                    else {
                        continue;
                    };
                    let last = (last.max(0.0) as u32)
                        .min(start.saturating_add(65_535))
                        .min(CID_CODES - 1);
                    if start <= last {
                        out.paint(start, last, width);
                    }
                }
                None => break,
            }
        }
        out.sorted = std::mem::take(&mut out.runs)
            .into_iter()
            .map(|(first, (last, width))| (first, last, width))
            .collect();
        out
    }

    /// Gives `first..=last` the width `width`, over whatever they had.
    fn paint(&mut self, first: u32, last: u32, width: f32) {
        // A run that starts before `first` and reaches it keeps its head (and its tail, when
        // it passes `last`).
        if let Some((&start, &(end, w))) = self.runs.range(..first).next_back() {
            if end >= first {
                self.runs.insert(start, (first - 1, w));
                if end > last {
                    self.runs.insert(last + 1, (end, w));
                }
            }
        }
        // Runs that start inside lose all but what passes `last`.
        let inside: Vec<(u32, (u32, f32))> = self
            .runs
            .range(first..=last)
            .map(|(&s, &r)| (s, r))
            .collect();
        for (start, (end, w)) in inside {
            self.runs.remove(&start);
            if end > last {
                self.runs.insert(last + 1, (end, w));
            }
        }
        self.runs.insert(first, (last, width));
    }

    /// The width `/W` gives `code`.
    fn get(&self, code: u32) -> Option<f32> {
        let at = self.sorted.partition_point(|&(first, _, _)| first <= code);
        let &(_, last, width) = self.sorted.get(at.checked_sub(1)?)?;
        (last >= code).then_some(width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_widths_paint_over_earlier_ones() {
        let w: Vec<Object> = vec![
            0.into(),
            100.into(),
            500.into(),
            10.into(),
            Object::Array(vec![1.into(), 2.into(), 3.into()]),
            50.into(),
            60.into(),
            700.into(),
            5.into(),
            70.into(),
            0.into(),
            // Past the two-byte codes: ignored, and no time spent on them.
            70_000.into(),
            4_000_000_000i64.into(),
            9.into(),
        ];
        let doc = Document::new();
        let widths = CidWidths::read(&doc, &w);
        let get = |c| widths.get(c);
        assert_eq!(get(0), Some(500.0));
        assert_eq!(get(4), Some(500.0));
        assert_eq!(get(5), Some(0.0));
        assert_eq!(
            (get(10), get(11), get(12)),
            (Some(0.0), Some(0.0), Some(0.0))
        );
        assert_eq!(get(70), Some(0.0));
        assert_eq!(get(71), Some(500.0));
        assert_eq!(get(100), Some(500.0));
        assert_eq!(get(101), None);
        assert_eq!(widths.sorted.len(), 3);
        // Narrow runs painted inside a wide one split it.
        let w: Vec<Object> = vec![
            0.into(),
            65_535.into(),
            500.into(),
            7.into(),
            7.into(),
            1.into(),
        ];
        let widths = CidWidths::read(&doc, &w);
        assert_eq!(
            (
                widths.get(6),
                widths.get(7),
                widths.get(8),
                widths.get(65_535)
            ),
            (Some(500.0), Some(1.0), Some(500.0), Some(500.0))
        );
        assert_eq!(widths.get(65_536), None);
    }
}
