//! The content-stream interpreter: graphics and text state, glyphs placed through the text
//! rendering matrix (`Trm = [Tfs·Th 0 0 Tfs 0 Trise] × Tm × CTM`), Form XObjects followed,
//! and the straight strokes and thin filled rectangles a table's rulings are drawn with.

use super::font::{Font, FontCache};
use super::lexer::{numbers, operations, Operand};
use super::{key, number, resolve, stream_data, Key, KeyMap};
use crate::error::Error;
use crate::limits::Limits;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// An affine matrix `[a b c d e f]`.
pub(super) type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`.
fn mul(m: Matrix, n: Matrix) -> Matrix {
    let [a, b, c, d, e, f] = m;
    let [na, nb, nc, nd, ne, nf] = n;
    [
        a * na + b * nc,
        a * nb + b * nd,
        c * na + d * nc,
        c * nb + d * nd,
        e * na + f * nc + ne,
        e * nb + f * nd + nf,
    ]
}

fn apply(m: Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// A placed glyph, in display coordinates (origin top-left, y down).
#[derive(Debug, Clone, Copy)]
pub(super) struct Glyph {
    /// Start of the baseline.
    pub(super) x: f32,
    pub(super) y: f32,
    /// Advance along the baseline.
    pub(super) width: f32,
    /// Font size as drawn.
    pub(super) size: f32,
    /// Its text in the page's text buffer.
    pub(super) start: u32,
    pub(super) len: u32,
}

/// A straight ruling: from (x0, y0) to (x1, y1), display coordinates.
#[derive(Debug, Clone, Copy)]
pub(super) struct Segment {
    pub(super) x0: f32,
    pub(super) y0: f32,
    pub(super) x1: f32,
    pub(super) y1: f32,
}

/// Most points a path keeps (a table's rulings take a few each); later ones are ignored
/// until it is painted.
const MAX_PATH_POINTS: usize = 1 << 16;

/// Most rulings a page keeps: far more than a grid of [`super::grid`]'s most cells needs.
const MAX_PAGE_RULES: usize = 1 << 18;

/// What a page draws.
#[derive(Debug, Default)]
pub(super) struct PageContent {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) text: String,
    pub(super) glyphs: Vec<Glyph>,
    pub(super) rules: Vec<Segment>,
    pub(super) images: usize,
}

impl PageContent {
    /// The text of a glyph.
    pub(super) fn glyph_text(&self, g: &Glyph) -> &str {
        self.text
            .get(g.start as usize..(g.start + g.len) as usize)
            .unwrap_or("")
    }
}

#[derive(Debug, Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

/// What reading a document keeps from page to page: the fonts, CMaps and forms read so far,
/// and what is left of each of its [`Limits`].
pub(super) struct Reader<'d> {
    doc: &'d Document,
    limits: &'d Limits,
    fonts: FontCache,
    /// Form XObjects' content, inflated once each.
    forms: HashMap<Key, Rc<[u8]>>,
    /// The fonts and XObjects that resources dictionaries name, looked up once each name
    /// (names a dictionary has: as many as the file holds).
    names: KeyMap<Names<'d>>,
    /// Bytes of content (pages' and forms', as often as read) that may still be inflated.
    inflated: usize,
    /// Operators that may still be run.
    operators: usize,
    /// Form XObject draws still allowed.
    draws: usize,
    /// Glyphs that may still be shown.
    glyphs: usize,
    /// Bytes of text the glyphs may still give.
    text: usize,
    /// Which notes were written already: one of each kind for the document.
    noted: Noted,
    /// Notes of the page being read.
    notes: Vec<String>,
}

/// What one resources dictionary's names were found to be.
#[derive(Debug, Default)]
struct Names<'d> {
    /// `/Font` entries.
    fonts: HashMap<Box<[u8]>, Rc<Font>>,
    /// `/XObject` entries.
    xobjects: HashMap<Box<[u8]>, XObject<'d>>,
}

/// An XObject, by its `/Subtype`.
#[derive(Debug, Clone, Copy)]
enum XObject<'d> {
    /// An image (counted, for [`Error::NoText`]).
    Image,
    /// The form's object (resolved) and stream.
    Form(&'d Object, &'d lopdf::Stream),
    /// Anything else (PostScript XObjects, damaged entries): ignored.
    Other,
}

/// The kinds of notes a document gets once each.
#[derive(Debug, Default)]
struct Noted {
    /// Form XObjects past [`Limits::max_form_draws`].
    draws: bool,
    /// Form XObjects deeper than [`Limits::max_form_depth`].
    depth: bool,
    /// CMaps past the document's codes.
    cmaps: bool,
}

impl<'d> Reader<'d> {
    /// A reader of `doc` within `limits`.
    pub(super) fn new(doc: &'d Document, limits: &'d Limits) -> Self {
        Reader {
            doc,
            limits,
            fonts: FontCache::new(limits),
            forms: HashMap::new(),
            names: KeyMap::default(),
            inflated: limits.max_inflated,
            operators: limits.max_operators,
            draws: limits.max_form_draws,
            glyphs: limits.max_glyphs,
            text: limits.max_text,
            noted: Noted::default(),
            notes: Vec::new(),
        }
    }

    /// What the last page read noted: the limits that made it skip something.
    pub(super) fn take_notes(&mut self) -> Vec<String> {
        if self.fonts.cmaps_skipped && !self.noted.cmaps {
            self.noted.cmaps = true;
            self.notes.push(format!(
                "the PDF's /ToUnicode CMaps map more than {} codes in all: later ones were not read (Limits::max_cmap_codes)",
                self.limits.max_cmap_codes.saturating_mul(super::font::CMAP_CODES_PER_DOCUMENT)
            ));
        }
        std::mem::take(&mut self.notes)
    }

    /// The TooLarge error of the inflated-content budget.
    fn too_much_inflated(&self) -> Error {
        Error::TooLarge {
            what: "bytes of inflated page content",
            limit: self.limits.max_inflated,
            setting: "max_inflated",
        }
    }

    /// Interprets one page.
    pub(super) fn page(&mut self, page_id: ObjectId) -> Result<PageContent, Error> {
        let doc = self.doc;
        let Ok(page) = doc.get_dictionary(page_id) else {
            return Ok(PageContent::default());
        };
        let bbox = inherited(doc, page, b"CropBox")
            .or_else(|| inherited(doc, page, b"MediaBox"))
            .and_then(|o| o.as_array().ok())
            .and_then(|a| nums::<4>(a))
            .unwrap_or([0.0, 0.0, 612.0, 792.0]);
        let (x0, y0) = (bbox[0].min(bbox[2]), bbox[1].min(bbox[3]));
        let (w, h) = ((bbox[2] - bbox[0]).abs(), (bbox[3] - bbox[1]).abs());
        let rotate = inherited(doc, page, b"Rotate")
            .and_then(number)
            .unwrap_or(0.0) as i64;
        // User space to display space (top-left origin) with /Rotate applied once.
        let shift = [1.0, 0.0, 0.0, 1.0, -x0, -y0];
        let (display, width, height) = match rotate.rem_euclid(360) {
            90 => (mul(shift, [0.0, 1.0, 1.0, 0.0, 0.0, 0.0]), h, w),
            180 => (mul(shift, [-1.0, 0.0, 0.0, 1.0, w, 0.0]), w, h),
            270 => (mul(shift, [0.0, -1.0, -1.0, 0.0, h, w]), h, w),
            _ => (mul(shift, [1.0, 0.0, 0.0, -1.0, 0.0, h]), w, h),
        };
        let resources = page_resources(doc, page);
        // Inflated within what is left of the document's budget; over it, nothing more is read.
        let content = doc
            .get_page_content_with_limit(page_id, self.inflated)
            .map_err(|_| self.too_much_inflated())?;
        self.inflated = self.inflated.saturating_sub(content.len());
        let mut it = Interpreter {
            reader: self,
            display,
            state: State {
                ctm: IDENTITY,
                font: None,
                size: 0.0,
                char_spacing: 0.0,
                word_spacing: 0.0,
                scale: 1.0,
                leading: 0.0,
                rise: 0.0,
            },
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            path: Vec::new(),
            out: PageContent {
                width,
                height,
                ..PageContent::default()
            },
            depth: 0,
        };
        it.run(&content, resources)?;
        Ok(it.out)
    }

    /// A Form XObject's content, inflated once (within the stream bound) and counted against
    /// the document's inflated-content budget each time it is drawn.
    fn form_content(&mut self, object: &Object, stream: &lopdf::Stream) -> Result<Rc<[u8]>, Error> {
        let key = key(object);
        let content = match self.forms.get(&key) {
            Some(content) => Rc::clone(content),
            None => {
                let content: Rc<[u8]> = stream_data(stream, self.limits.max_inflated_stream).into();
                self.forms.insert(key, Rc::clone(&content));
                content
            }
        };
        if content.len() > self.inflated {
            return Err(self.too_much_inflated());
        }
        self.inflated -= content.len();
        Ok(content)
    }
}

/// Interprets one page's content (and the forms it draws) into a [`PageContent`].
struct Interpreter<'r, 'd> {
    /// The document's reader: its caches and what is left of its limits.
    reader: &'r mut Reader<'d>,
    /// User space → display space.
    display: Matrix,
    state: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
    path: Vec<(f32, f32, bool)>,
    out: PageContent,
    depth: usize,
}

fn nums<const N: usize>(ops: &[Object]) -> Option<[f32; N]> {
    let mut out = [0.0; N];
    if ops.len() < N {
        return None;
    }
    for (slot, o) in out.iter_mut().zip(ops) {
        *slot = number(o).unwrap_or(0.0);
    }
    Some(out)
}

/// A name operand.
fn name<'a>(o: &Operand<'a>) -> Option<&'a [u8]> {
    match o {
        Operand::Name(n) => Some(n),
        _ => None,
    }
}

/// The page's `/Resources`, inherited from the page tree when the page has none.
fn page_resources<'d>(doc: &'d Document, page: &'d Dictionary) -> Option<&'d Dictionary> {
    let mut node = page;
    for _ in 0..32 {
        if let Ok(res) = node.get(b"Resources") {
            return resolve(doc, res).as_dict().ok();
        }
        node = resolve(doc, node.get(b"Parent").ok()?).as_dict().ok()?;
    }
    None
}

/// An inheritable page attribute (`/MediaBox`, `/CropBox`, `/Rotate`).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..32 {
        if let Ok(v) = node.get(key) {
            return Some(resolve(doc, v));
        }
        node = resolve(doc, node.get(b"Parent").ok()?).as_dict().ok()?;
    }
    None
}

impl<'d> Interpreter<'_, 'd> {
    fn run(&mut self, content: &[u8], resources: Option<&'d Dictionary>) -> Result<(), Error> {
        let nesting = self.reader.limits.max_nesting;
        operations(content, nesting, |op, operands| {
            self.op(op, operands, resources)
        })
    }

    /// The font `resources` name `name`.
    fn font(&mut self, resources: Option<&'d Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let resources = resources?;
        let reader = &mut *self.reader;
        let names = reader.names.entry(key(resources)).or_default();
        if let Some(font) = names.fonts.get(name) {
            return Some(Rc::clone(font));
        }
        let doc = reader.doc;
        let fonts = resolve(doc, resources.get(b"Font").ok()?).as_dict().ok()?;
        let font = reader.fonts.font(doc, fonts.get(name).ok()?)?;
        names.fonts.insert(name.into(), Rc::clone(&font));
        Some(font)
    }

    /// The XObject `resources` name `name`, resolved.
    fn named_xobject(
        &mut self,
        resources: Option<&'d Dictionary>,
        name: &[u8],
    ) -> Option<XObject<'d>> {
        let resources = resources?;
        let reader = &mut *self.reader;
        let names = reader.names.entry(key(resources)).or_default();
        if let Some(&xobject) = names.xobjects.get(name) {
            return Some(xobject);
        }
        let doc = reader.doc;
        let object = resources
            .get(b"XObject")
            .ok()
            .map(|o| resolve(doc, o))
            .and_then(|o| o.as_dict().ok())
            .and_then(|x| x.get(name).ok())
            .map(|o| resolve(doc, o))?;
        let xobject = match object.as_stream() {
            Ok(stream) => match stream.dict.get(b"Subtype").and_then(Object::as_name) {
                Ok(b"Image") => XObject::Image,
                Ok(b"Form") => XObject::Form(object, stream),
                _ => XObject::Other,
            },
            Err(_) => XObject::Other,
        };
        names.xobjects.insert(name.into(), xobject);
        Some(xobject)
    }

    /// Runs one operator: graphics state, text state and positioning, text showing, paths,
    /// XObjects and inline images (counted); the rest is ignored.
    fn op(
        &mut self,
        op: &[u8],
        o: &[Operand<'_>],
        resources: Option<&'d Dictionary>,
    ) -> Result<(), Error> {
        let Some(left) = self.reader.operators.checked_sub(1) else {
            return Err(Error::TooLarge {
                what: "content-stream operators",
                limit: self.reader.limits.max_operators,
                setting: "max_operators",
            });
        };
        self.reader.operators = left;
        match op {
            b"q" if self.stack.len() < 64 => self.stack.push(self.state.clone()),
            b"Q" => {
                if let Some(s) = self.stack.pop() {
                    self.state = s;
                }
            }
            b"cm" => {
                if let Some(m) = numbers::<6>(o) {
                    self.state.ctm = mul(m, self.state.ctm);
                }
            }
            b"BT" | b"Tf" | b"Tc" | b"Tw" | b"Tz" | b"TL" | b"Ts" | b"Td" | b"TD" | b"Tm"
            | b"T*" => self.text_state_op(op, o, resources),
            b"Tj" | b"'" | b"\"" | b"TJ" => return self.show_op(op, o),
            b"Do" => {
                if let Some(name) = o.first().and_then(name) {
                    return self.xobject(resources, name);
                }
            }
            b"BI" | b"ID" | b"EI" => self.out.images += 1,
            _ => self.path_op(op, o),
        }
        Ok(())
    }

    /// The text state and text positioning operators.
    fn text_state_op(&mut self, op: &[u8], o: &[Operand<'_>], resources: Option<&'d Dictionary>) {
        let first = || o.first().map(Operand::number);
        match op {
            b"BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            b"Tf" => {
                if let (Some(name), Some(size)) = (o.first().and_then(name), o.get(1)) {
                    self.state.font = self.font(resources, name);
                    self.state.size = size.number();
                }
            }
            b"Tc" => self.state.char_spacing = first().unwrap_or(0.0),
            b"Tw" => self.state.word_spacing = first().unwrap_or(0.0),
            b"Tz" => self.state.scale = first().unwrap_or(100.0) / 100.0,
            b"TL" => self.state.leading = first().unwrap_or(0.0),
            b"Ts" => self.state.rise = first().unwrap_or(0.0),
            b"Td" | b"TD" => {
                if let Some([tx, ty]) = numbers::<2>(o) {
                    if op == b"TD" {
                        self.state.leading = -ty;
                    }
                    self.move_line(tx, ty);
                }
            }
            b"Tm" => {
                if let Some(m) = numbers::<6>(o) {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            b"T*" => self.move_line(0.0, -self.state.leading),
            _ => {}
        }
    }

    /// The text showing operators: `Tj`, `'`, `"` and `TJ` (its numbers move the text).
    fn show_op(&mut self, op: &[u8], o: &[Operand<'_>]) -> Result<(), Error> {
        match op {
            b"Tj" => {
                if let Some(Operand::String(bytes)) = o.first() {
                    self.show(bytes)?;
                }
            }
            b"'" => {
                self.move_line(0.0, -self.state.leading);
                if let Some(Operand::String(bytes)) = o.first() {
                    self.show(bytes)?;
                }
            }
            b"\"" => {
                if let (Some(aw), Some(ac)) = (o.first(), o.get(1)) {
                    self.state.word_spacing = aw.number();
                    self.state.char_spacing = ac.number();
                }
                self.move_line(0.0, -self.state.leading);
                if let Some(Operand::String(bytes)) = o.get(2) {
                    self.show(bytes)?;
                }
            }
            b"TJ" => {
                let Some(Operand::Array(items)) = o.first() else {
                    return Ok(());
                };
                for item in items {
                    match item {
                        Operand::String(bytes) => self.show(bytes)?,
                        other => {
                            let tx = -other.number() / 1000.0 * self.state.size * self.state.scale;
                            self.tm = mul([1.0, 0.0, 0.0, 1.0, tx, 0.0], self.tm);
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The path construction and painting operators, for the rulings of tables.
    fn path_op(&mut self, op: &[u8], o: &[Operand<'_>]) {
        match op {
            b"m" | b"l" | b"re" if self.path.len() >= MAX_PATH_POINTS => {}
            b"m" | b"l" => {
                if let Some([x, y]) = numbers::<2>(o) {
                    let (x, y) = apply(self.state.ctm, x, y);
                    self.path.push((x, y, op == b"m"));
                }
            }
            b"re" => {
                if let Some([x, y, w, h]) = numbers::<4>(o) {
                    let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
                    for (i, (px, py)) in corners.into_iter().enumerate() {
                        let (px, py) = apply(self.state.ctm, px, py);
                        self.path.push((px, py, i == 0));
                    }
                }
            }
            b"S" | b"s" if self.out.rules.len() < MAX_PAGE_RULES => {
                self.stroke();
                self.path.clear();
            }
            b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*"
                if self.out.rules.len() < MAX_PAGE_RULES =>
            {
                self.fill();
                self.path.clear();
            }
            b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" | b"n" => {
                self.path.clear()
            }
            _ => {}
        }
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.tlm = mul([1.0, 0.0, 0.0, 1.0, tx, ty], self.tlm);
        self.tm = self.tlm;
    }

    /// Shows a string: each code is a glyph (counted against the document's glyphs, with
    /// text or not), placed where the text matrix is, which it then advances.
    fn show(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let Some(font) = self.state.font.clone() else {
            return Ok(());
        };
        let s = &self.state;
        let (size, scale) = (s.size, s.scale);
        for (code, n) in font.codes(bytes) {
            let Some(left) = self.reader.glyphs.checked_sub(1) else {
                return Err(Error::TooLarge {
                    what: "glyphs",
                    limit: self.reader.limits.max_glyphs,
                    setting: "max_glyphs",
                });
            };
            self.reader.glyphs = left;
            let w0 = font.width(code) / 1000.0;
            let trm = mul(
                mul(
                    [size * scale, 0.0, 0.0, size, 0.0, self.state.rise],
                    self.tm,
                ),
                self.state.ctm,
            );
            let device = mul(trm, self.display);
            let (x0, y0) = apply(device, 0.0, 0.0);
            let (x1, _) = apply(device, w0, 0.0);
            let drawn = (device[2] * device[2] + device[3] * device[3]).sqrt();
            if let Some(text) = font.text(code).filter(|t| !t.is_empty()) {
                // The glyphs' text, all of the document's, is held to the text's bound.
                let Some(left) = self.reader.text.checked_sub(text.len()) else {
                    return Err(Error::TooLarge {
                        what: "bytes of text",
                        limit: self.reader.limits.max_text,
                        setting: "max_text",
                    });
                };
                self.reader.text = left;
                if self.out.text.len() < u32::MAX as usize / 2 {
                    let start = self.out.text.len() as u32;
                    self.out.text.push_str(text);
                    let len = self.out.text.len() as u32 - start;
                    self.out.glyphs.push(Glyph {
                        x: x0,
                        y: y0,
                        width: x1 - x0,
                        size: drawn,
                        start,
                        len,
                    });
                }
            }
            let space = n == 1 && code == 32 && font.single_byte();
            let tx = (w0 * size
                + self.state.char_spacing
                + if space { self.state.word_spacing } else { 0.0 })
                * scale;
            self.tm = mul([1.0, 0.0, 0.0, 1.0, tx, 0.0], self.tm);
        }
        Ok(())
    }

    /// Notes, once for the document, that a kind of Form XObject draw was skipped.
    fn note_skipped_form(&mut self, depth: bool) {
        let limits = self.reader.limits;
        let noted = &mut self.reader.noted;
        let message = if depth {
            if std::mem::replace(&mut noted.depth, true) {
                return;
            }
            format!(
                "Form XObjects nested more than {} deep were not drawn (Limits::max_form_depth)",
                limits.max_form_depth
            )
        } else {
            if std::mem::replace(&mut noted.draws, true) {
                return;
            }
            format!(
                "Form XObjects drawn more than {} times in all were not drawn again (Limits::max_form_draws)",
                limits.max_form_draws
            )
        };
        self.reader.notes.push(message);
    }

    /// `Do`: an image is counted; a Form XObject is drawn (its content run with its own
    /// resources and matrix) within the document's draws and the depth of nesting.
    fn xobject(&mut self, resources: Option<&'d Dictionary>, name: &[u8]) -> Result<(), Error> {
        let doc = self.reader.doc;
        match self.named_xobject(resources, name) {
            None | Some(XObject::Other) => {}
            Some(XObject::Image) => self.out.images += 1,
            Some(XObject::Form(..)) if self.depth >= self.reader.limits.max_form_depth => {
                self.note_skipped_form(true);
            }
            Some(XObject::Form(..)) if self.reader.draws == 0 => self.note_skipped_form(false),
            Some(XObject::Form(object, stream)) => {
                self.reader.draws -= 1;
                let matrix = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|o| o.as_array().ok())
                    .and_then(|a| nums::<6>(a))
                    .unwrap_or(IDENTITY);
                let own = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .map(|o| resolve(doc, o))
                    .and_then(|o| o.as_dict().ok());
                let content = self.reader.form_content(object, stream)?;
                let saved = (self.state.clone(), self.tm, self.tlm, self.stack.len());
                self.state.ctm = mul(matrix, self.state.ctm);
                self.depth += 1;
                let ran = self.run(&content, own.or(resources));
                self.depth -= 1;
                (self.state, self.tm, self.tlm) = (saved.0, saved.1, saved.2);
                self.stack.truncate(saved.3);
                ran?;
            }
        }
        Ok(())
    }

    fn to_display(&self, (x, y): (f32, f32)) -> (f32, f32) {
        apply(self.display, x, y)
    }

    /// Straight stroked segments.
    fn stroke(&mut self) {
        let mut last: Option<(f32, f32)> = None;
        for &(x, y, moved) in &self.path {
            let p = self.to_display((x, y));
            if let (Some(a), false) = (last, moved) {
                let straight = (a.0 - p.0).abs() < 0.5 || (a.1 - p.1).abs() < 0.5;
                if straight {
                    self.out.rules.push(Segment {
                        x0: a.0,
                        y0: a.1,
                        x1: p.0,
                        y1: p.1,
                    });
                }
            }
            last = Some(p);
        }
    }

    /// Thin filled rectangles, as the ruling through their middle.
    fn fill(&mut self) {
        for rect in self.path.chunks(5) {
            if rect.len() < 4 {
                continue;
            }
            let pts: Vec<(f32, f32)> = rect
                .iter()
                .map(|&(x, y, _)| self.to_display((x, y)))
                .collect();
            let (min_x, max_x) = pts.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
                (lo.min(p.0), hi.max(p.0))
            });
            let (min_y, max_y) = pts.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
                (lo.min(p.1), hi.max(p.1))
            });
            let (w, h) = (max_x - min_x, max_y - min_y);
            if h <= 3.0 && w > h {
                let y = (min_y + max_y) / 2.0;
                self.out.rules.push(Segment {
                    x0: min_x,
                    y0: y,
                    x1: max_x,
                    y1: y,
                });
            } else if w <= 3.0 && h > w {
                let x = (min_x + max_x) / 2.0;
                self.out.rules.push(Segment {
                    x0: x,
                    y0: min_y,
                    x1: x,
                    y1: max_y,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads every page of `bytes`, returning the reader's counts of fonts and CMaps.
    fn fonts_read(bytes: &[u8]) -> (usize, usize) {
        let doc = Document::load_mem(bytes).unwrap();
        let limits = Limits::default();
        let mut reader = Reader::new(&doc, &limits);
        for id in doc.page_iter() {
            reader.page(id).unwrap();
        }
        reader.fonts.counts()
    }

    /// A font written inline is read once however often `Tf` selects it, and fonts that
    /// share a CMap share it.
    #[test]
    fn fonts_and_cmaps_are_read_once() {
        let families = super::super::pdf_families::families();
        let build = |name: &str| families.iter().find(|(n, _)| *n == name).unwrap().1;
        assert_eq!(fonts_read(&build("inline_font_retf")(20_000)), (1, 1));
        let (fonts, cmaps) = fonts_read(&build("fonts_share_cmap")(20_000));
        assert!(fonts > 50, "{fonts}");
        assert_eq!(cmaps, 1);
    }

    #[test]
    fn matrices() {
        let translate = [1.0, 0.0, 0.0, 1.0, 10.0, 20.0];
        let scale = [2.0, 0.0, 0.0, 3.0, 0.0, 0.0];
        // Scale, then translate; and the other way round.
        assert_eq!(apply(mul(scale, translate), 1.0, 1.0), (12.0, 23.0));
        assert_eq!(apply(mul(translate, scale), 1.0, 1.0), (22.0, 63.0));
        assert_eq!(mul(IDENTITY, translate), translate);
        assert_eq!(
            nums::<2>(&[Object::Integer(3), Object::Real(1.5)]),
            Some([3.0, 1.5])
        );
        assert_eq!(nums::<2>(&[Object::Integer(3)]), None);
    }
}
