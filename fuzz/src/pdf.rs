//! A structure-aware PDF for `pdf_structure`: an [`Arbitrary`] description of a document
//! (page tree with `/Kids`, content streams of a small operator vocabulary, fonts with
//! `/ToUnicode` CMaps, Form XObjects that draw one another, loose objects of nested
//! dictionaries and arrays) and [`Doc::write`], a small PDF writer: the objects, an xref
//! table and a trailer.
//!
//! Sizes are bounded so that every input is written and read quickly: at most [`MAX_PAGES`]
//! pages, [`MAX_FONTS`] fonts, [`MAX_FORMS`] forms and [`MAX_LOOSE`] loose objects (a few
//! hundred objects in all), content streams of at most [`MAX_STREAM`] bytes, and loose
//! values nested at most [`MAX_DEPTH`] deep.

use crate::deflate::zlib_stored;
use arbitrary::{Arbitrary, Result, Unstructured};
use std::fmt::Write as _;

/// Most pages.
pub const MAX_PAGES: usize = 32;
/// Most fonts (each is up to three objects: the font, its CMap, its descendant).
pub const MAX_FONTS: usize = 12;
/// Most Form XObjects.
pub const MAX_FORMS: usize = 24;
/// Most loose objects.
pub const MAX_LOOSE: usize = 48;
/// Most bytes of one content stream or CMap (before compression).
pub const MAX_STREAM: usize = 64 << 10;
/// Deepest nesting of generated dictionaries and arrays.
pub const MAX_DEPTH: u32 = 6;
/// Most entries in one generated dictionary or array, one CMap section, one `TJ` array.
const MAX_ITEMS: usize = 64;
/// Most operators in one content stream.
const MAX_OPS: usize = 2_000;
/// Deepest `[[[…]]]` of [`Value::Deep`].
const MAX_DEEP: usize = 256;
/// Resource names are `/F0`…`/F3`, `/X0`…`/X3` (few, so that an operator's name often
/// finds its resource).
const NAMES: u8 = 4;

/// A PDF document.
#[derive(Arbitrary, Debug)]
pub struct Doc {
    /// `%PDF-1.x` (x is this mod 10).
    pub version: u8,
    pub pages: Many<Page>,
    /// How the pages hang from the root: groups of consecutive pages, each under a chain of
    /// intermediate `/Pages` nodes.
    pub groups: Vec<Group>,
    pub fonts: Vec<FontSpec>,
    pub forms: Vec<Form>,
    /// Indirect objects that nothing is known to use; references anywhere may land on them.
    pub loose: Vec<Loose>,
    /// `/Count` of the root.
    pub count: Count,
    /// `/Resources` on the root (inherited by every page without its own): `/F0`…`/F3`
    /// Helvetica, `/X0` the first form.
    pub root_resources: bool,
    /// A reference put among the root's `/Kids` (any object, a cycle to the root, or dangling).
    pub stray_kid: Option<u16>,
    pub info: Option<Value>,
    pub xref: Xref,
}

/// Pages under intermediate nodes.
#[derive(Arbitrary, Debug)]
pub struct Group {
    /// How many of the next pages (0: the rest hang from the root directly).
    pub pages: u8,
    /// How many intermediate nodes between the root and them (at most 4).
    pub depth: u8,
    /// Inheritable attributes put on the intermediate nodes.
    pub inherit: Option<Attributes>,
}

/// `/Resources`, `/MediaBox`, `/CropBox`, `/Rotate`.
#[derive(Arbitrary, Debug)]
pub struct Attributes {
    pub resources: Option<Resources>,
    pub media_box: Option<Rect>,
    pub crop_box: Option<Rect>,
    pub rotate: Option<Num>,
}

/// The root's `/Count`.
#[derive(Debug)]
pub enum Count {
    Right,
    Missing,
    Wrong(Num),
}

/// The cross-reference table.
#[derive(Debug)]
pub enum Xref {
    /// Every offset right.
    Right,
    /// Every offset moved by this many bytes.
    Shifted(i8),
    /// No table; `startxref` points at nothing (the reader has to rebuild it).
    Missing,
    /// One entry (by index) pointing elsewhere.
    OneWrong(u16, u32),
}

#[derive(Arbitrary, Debug)]
pub struct Page {
    /// No stream: no `/Contents`; one: a reference; more: an array of references.
    pub contents: Many<Content>,
    /// `None`: inherited from the tree, if anything there has some.
    pub resources: Option<Resources>,
    pub attributes: Attributes,
    /// More entries of the page dictionary.
    pub extra: Vec<(Key, Value)>,
}

/// A resource dictionary: the fonts and XObjects by name (`/F0`…, `/X0`…).
#[derive(Arbitrary, Debug)]
pub struct Resources {
    pub fonts: Many<(u8, FontUse)>,
    pub xobjects: Vec<(u8, XObjectUse)>,
    /// Written as an indirect object rather than inline.
    pub indirect: bool,
    /// `/Font` written as `null`, a number…: not a dictionary.
    pub broken_font_dict: Rare,
    /// No `/F0` unless `fonts` names it (else `/F0` is Helvetica, so that most text shows).
    pub no_default_font: Rare,
}

/// A page box.
#[derive(Debug)]
pub enum Rect {
    /// US Letter, `[0 0 612 792]`.
    Letter,
    /// A4, `[0 0 595 842]`.
    A4,
    /// `[x0 y0 x0+w y0+h]`, all small.
    Near([u8; 4]),
    Any([Num; 4]),
}

impl Rect {
    fn numbers(&self) -> [Num; 4] {
        match self {
            Rect::Letter => [Num::Small(0), Num::Small(0), Num::Int(612), Num::Int(792)],
            Rect::A4 => [Num::Small(0), Num::Small(0), Num::Int(595), Num::Int(842)],
            Rect::Near([x, y, w, h]) => [
                Num::Small(*x),
                Num::Small(*y),
                Num::Int(i16::from(*x) + 200 + 2 * i16::from(*w)),
                Num::Int(i16::from(*y) + 200 + 3 * i16::from(*h)),
            ],
            Rect::Any(n) => *n,
        }
    }
}

impl<'a> Arbitrary<'a> for Rect {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.arbitrary::<u8>()? {
            0..=127 => Rect::Letter,
            128..=191 => Rect::A4,
            192..=239 => Rect::Near(u.arbitrary()?),
            _ => Rect::Any(u.arbitrary()?),
        })
    }
}

/// What a font name stands for.
#[derive(Debug)]
pub enum FontUse {
    /// Helvetica, WinAnsiEncoding: the bytes of the vocabulary below show as themselves.
    Standard,
    /// One of [`Doc::fonts`], by reference.
    Shared(u8),
    /// One of [`Doc::fonts`], its dictionary written inline (no object id to cache it by).
    Inline(u8),
    /// Anything else.
    Other(Value),
}

/// What an XObject name stands for.
#[derive(Debug)]
pub enum XObjectUse {
    /// One of [`Doc::forms`], by reference.
    Form(u8),
    /// A small image.
    Image,
    Other(Value),
}

impl<'a> Arbitrary<'a> for FontUse {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.arbitrary::<u8>()? {
            0..=111 => FontUse::Standard,
            112..=191 => FontUse::Shared(u.arbitrary()?),
            192..=231 => FontUse::Inline(u.arbitrary()?),
            _ => FontUse::Other(u.arbitrary()?),
        })
    }
}

impl<'a> Arbitrary<'a> for XObjectUse {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.arbitrary::<u8>()? {
            0..=159 => XObjectUse::Form(u.arbitrary()?),
            160..=223 => XObjectUse::Image,
            _ => XObjectUse::Other(u.arbitrary()?),
        })
    }
}

/// A content stream.
#[derive(Arbitrary, Debug)]
pub struct Content {
    /// Lines of the sample letter before the other operators.
    pub lead: Option<Lines>,
    pub ops: Many<Op>,
    pub filter: Filter,
    pub length: Length,
}

/// How a stream's data is stored.
#[derive(Debug)]
pub enum Filter {
    None,
    /// `/FlateDecode`, stored deflate blocks.
    Flate,
    /// `[/FlateDecode]`.
    FlateArray,
    /// `/FlateDecode`, the zlib data cut short.
    FlateCut(u16),
    /// `/FlateDecode` on data that is not zlib.
    FlateBogus,
    /// A filter no reader has.
    Unknown,
}

/// A stream's `/Length`.
#[derive(Debug)]
pub enum Length {
    Right,
    Off(i8),
    Missing,
}

/// One content-stream operation.
#[derive(Arbitrary, Debug)]
pub enum Op {
    BT,
    ET,
    Tf(u8, Num),
    Td(Num, Num),
    TD(Num, Num),
    Tm([Num; 6]),
    TStar,
    Tc(Num),
    Tw(Num),
    Tz(Num),
    TL(Num),
    Ts(Num),
    Tj(Str),
    Quote(Str),
    DoubleQuote(Num, Num, Str),
    TJ(Vec<TjItem>),
    Cm([Num; 6]),
    Save,
    Restore,
    Re([Num; 4]),
    MoveTo(Num, Num),
    LineTo(Num, Num),
    Stroke,
    Fill,
    EndPath,
    Do(u8),
    /// Lines of the sample letter.
    Letter(Lines),
    /// A ruled grid of `rows × cols` thin rectangles or strokes, and a word in each cell.
    Grid {
        x: u8,
        y: u8,
        rows: u8,
        cols: u8,
        filled: bool,
    },
    /// An inline image.
    InlineImage(Blob),
    /// Operands of any kind, then an operator name (maybe unknown).
    Any(Vec<Value>, Blob),
    /// Bytes as they are.
    Raw(Blob),
}

/// `BT /Fn size Tf x 760 Td`, lines of the sample letter one `Td` apart, `ET`.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct Lines {
    pub font: u8,
    pub size: u8,
    pub x: u8,
    /// The first line: `first % lines` below 128, else the letter's first.
    pub first: u8,
    pub lines: u8,
}

#[derive(Arbitrary, Debug)]
pub enum TjItem {
    Str(Str),
    Num(Num),
}

/// A number as written in a PDF.
#[derive(Debug, Clone, Copy)]
pub enum Num {
    Small(u8),
    Int(i16),
    /// `mantissa / 10^(places % 6)`.
    Real(i32, u8),
    Big(i64),
    /// An odd spelling: `-0`, `.5`, `1.`, `+3`, `1e5`, a 24-digit number…
    Odd(u8),
}

/// A string operand or value.
#[derive(Arbitrary, Debug)]
pub enum Str {
    /// `(…)` with the needed escapes.
    Literal(Blob),
    /// `<…>`.
    Hex(Blob),
    /// A word of the letter vocabulary, in WinAnsi.
    Word(u8),
}

/// A font.
#[derive(Arbitrary, Debug)]
pub struct FontSpec {
    pub kind: FontKind,
    pub to_unicode: Option<CMap>,
}

#[derive(Arbitrary, Debug)]
pub enum FontKind {
    Simple {
        /// `/Type1`, `/TrueType`, `/Type3`, `/MMType1` or another name.
        subtype: u8,
        /// One of the standard 14 names, or another.
        base: u8,
        encoding: Option<Encoding>,
        first_char: Option<Num>,
        widths: Option<Vec<Num>>,
    },
    Type0 {
        /// `/Identity-H`, `/Identity-V`, or another name.
        encoding: u8,
        default_width: Option<Num>,
        widths: Vec<WidthItem>,
        /// The descendant written inline in `/DescendantFonts` rather than by reference.
        inline_descendant: bool,
    },
}

#[derive(Arbitrary, Debug)]
pub enum Encoding {
    Name(u8),
    Dict {
        base: Option<u8>,
        differences: Vec<Difference>,
    },
    Other(Value),
}

#[derive(Arbitrary, Debug)]
pub enum Difference {
    Code(i16),
    Glyph(u8),
    Other(Blob),
}

/// An entry of a Type0 descendant's `/W`.
#[derive(Arbitrary, Debug)]
pub enum WidthItem {
    List(Num, Vec<Num>),
    Range(Num, Num, Num),
    Other(Value),
}

/// A `/ToUnicode` CMap.
#[derive(Arbitrary, Debug)]
pub struct CMap {
    /// The `/CIDInit … begincmap` prelude and `endcmap … end end` close.
    pub prelude: bool,
    pub sections: Vec<CMapSection>,
    pub filter: Filter,
}

#[derive(Arbitrary, Debug)]
pub enum CMapSection {
    Codespace(Count8, Vec<(Code, Code)>),
    BfChar(Count8, Vec<(Code, Dst)>),
    BfRange(Count8, Vec<(Code, Code, RangeDst)>),
    UseCMap(u8),
    Raw(Blob),
}

/// The count written before a CMap section: right, or this number.
#[derive(Debug)]
pub enum Count8 {
    Right,
    Wrong(u8),
}

/// A code: 1 to 4 bytes, in hex.
#[derive(Debug)]
pub struct Code(pub Vec<u8>);

impl<'a> Arbitrary<'a> for Code {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let n = 1 + usize::from(u.arbitrary::<u8>()? % 4);
        let n = n.min(u.len()).max(1);
        let mut code = u.bytes(n.min(u.len()))?.to_vec();
        code.resize(n, 0);
        Ok(Code(code))
    }
}

/// A CMap destination.
#[derive(Arbitrary, Debug)]
pub enum Dst {
    /// UTF-16BE bytes as they are (odd lengths and lone surrogates included).
    Utf16(Blob),
    /// A character, encoded right.
    Char(char),
    /// A glyph name.
    Name(u8),
    /// A literal string.
    Literal(Blob),
}

#[derive(Arbitrary, Debug)]
pub enum RangeDst {
    Start(Dst),
    Array(Vec<Dst>),
}

/// A Form XObject.
#[derive(Arbitrary, Debug)]
pub struct Form {
    pub content: Content,
    /// `None`: it uses the resources of whoever draws it.
    pub resources: Option<Resources>,
    pub matrix: Option<[Num; 6]>,
    pub bbox: Option<[Num; 4]>,
    /// A wrong `/Subtype` (not `/Form`).
    pub wrong_subtype: Rare,
}

/// A loose indirect object.
#[derive(Arbitrary, Debug)]
pub enum Loose {
    Value(Value),
    Stream(Vec<(Key, Value)>, Blob),
}

/// A dictionary key.
#[derive(Arbitrary, Debug)]
pub enum Key {
    Known(u8),
    Other(Blob),
}

const KEYS: &[&str] = &[
    "Type",
    "Subtype",
    "Font",
    "XObject",
    "Resources",
    "Kids",
    "Parent",
    "Count",
    "Contents",
    "Length",
    "Filter",
    "DecodeParms",
    "MediaBox",
    "CropBox",
    "Rotate",
    "ToUnicode",
    "Encoding",
    "BaseEncoding",
    "Differences",
    "Widths",
    "FirstChar",
    "LastChar",
    "W",
    "DW",
    "DescendantFonts",
    "BaseFont",
    "Matrix",
    "BBox",
    "Root",
    "Pages",
    "Size",
    "Prev",
    "Encrypt",
    "ID",
    "N",
    "First",
];

/// A list of mostly 1 to 3 items (sometimes none, sometimes up to 15): `Vec`'s own
/// `Arbitrary` gives an empty list half the time, which would leave most pages without
/// contents and most streams without operators.
#[derive(Debug)]
pub struct Many<T>(pub Vec<T>);

impl<T> std::ops::Deref for Many<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<'a, T: Arbitrary<'a>> Arbitrary<'a> for Many<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let n = match u.arbitrary::<u8>()? {
            0..=15 => 0,
            b @ 16..=191 => 1 + usize::from(b % 3),
            b => 4 + usize::from(b % 12),
        };
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            if u.is_empty() {
                break;
            }
            items.push(u.arbitrary()?);
        }
        Ok(Many(items))
    }
}

/// At most 255 bytes (`Vec<u8>`'s own `Arbitrary` takes a length up to all the data left,
/// so that one name or string would swallow the rest of the document).
#[derive(Debug)]
pub struct Blob(pub Vec<u8>);

impl std::ops::Deref for Blob {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl<'a> Arbitrary<'a> for Blob {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let n = usize::from(u.arbitrary::<u8>()?).min(u.len());
        Ok(Blob(u.bytes(n)?.to_vec()))
    }
}

/// A flag that is set for 1 in 16 values: for the broken variants of an otherwise
/// well-formed document.
#[derive(Debug, Clone, Copy)]
pub struct Rare(pub bool);

impl<'a> Arbitrary<'a> for Rare {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        // (Set for the highest values: data that has run out reads as zeros.)
        Ok(Rare(u.arbitrary::<u8>()? >= 240))
    }
}

// The enums whose well-formed variants should come first and most often: one byte picks
// the variant by weight.

impl<'a> Arbitrary<'a> for Count {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.arbitrary::<u8>()? {
            0..=223 => Count::Right,
            224..=239 => Count::Missing,
            _ => Count::Wrong(u.arbitrary()?),
        })
    }
}

impl<'a> Arbitrary<'a> for Xref {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.arbitrary::<u8>()? {
            0..=207 => Xref::Right,
            208..=223 => Xref::Shifted(u.arbitrary()?),
            224..=239 => Xref::Missing,
            _ => Xref::OneWrong(u.arbitrary()?, u.arbitrary()?),
        })
    }
}

impl<'a> Arbitrary<'a> for Filter {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.arbitrary::<u8>()? {
            0..=127 => Filter::None,
            128..=207 => Filter::Flate,
            208..=223 => Filter::FlateArray,
            224..=235 => Filter::FlateCut(u.arbitrary()?),
            236..=247 => Filter::FlateBogus,
            _ => Filter::Unknown,
        })
    }
}

impl<'a> Arbitrary<'a> for Length {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.arbitrary::<u8>()? {
            0..=223 => Length::Right,
            224..=239 => Length::Off(u.arbitrary()?),
            _ => Length::Missing,
        })
    }
}

impl<'a> Arbitrary<'a> for Count8 {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.arbitrary::<u8>()? {
            0..=223 => Count8::Right,
            _ => Count8::Wrong(u.arbitrary()?),
        })
    }
}

impl<'a> Arbitrary<'a> for Num {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.arbitrary::<u8>()? {
            0..=111 => Num::Small(u.arbitrary()?),
            112..=175 => Num::Int(u.arbitrary()?),
            176..=223 => Num::Real(u.arbitrary()?, u.arbitrary()?),
            224..=239 => Num::Big(u.arbitrary()?),
            _ => Num::Odd(u.arbitrary()?),
        })
    }
}

/// Any PDF value, nested at most [`MAX_DEPTH`] deep.
#[derive(Debug)]
pub enum Value {
    Null,
    Bool(bool),
    Num(Num),
    Name(Blob),
    Str(Str),
    /// A reference to object `n % (objects + 3) + 1` (the last few dangling), generation `g`.
    Ref(u16, u8),
    Array(Vec<Value>),
    Dict(Vec<(Key, Value)>),
    /// `[[[ … ]]]`, this many deep (at most [`MAX_DEEP`]).
    Deep(u16),
}

impl<'a> Arbitrary<'a> for Value {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        value(u, 0)
    }
}

fn value(u: &mut Unstructured<'_>, depth: u32) -> Result<Value> {
    let last = if depth >= MAX_DEPTH { 6 } else { 8 };
    Ok(match u.int_in_range(0..=last)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::Num(u.arbitrary()?),
        3 => Value::Name(u.arbitrary()?),
        4 => Value::Str(u.arbitrary()?),
        5 => Value::Ref(u.arbitrary()?, u.arbitrary()?),
        6 => Value::Deep(u.arbitrary()?),
        7 => {
            let n = u.int_in_range(0..=MAX_ITEMS)?;
            let mut items = Vec::new();
            for _ in 0..n {
                if u.is_empty() {
                    break;
                }
                items.push(value(u, depth + 1)?);
            }
            Value::Array(items)
        }
        _ => {
            let n = u.int_in_range(0..=MAX_ITEMS)?;
            let mut items = Vec::new();
            for _ in 0..n {
                if u.is_empty() {
                    break;
                }
                items.push((u.arbitrary()?, value(u, depth + 1)?));
            }
            Value::Dict(items)
        }
    })
}

/// Lines of a letter, shown by [`Op::Letter`], so that some documents get past the
/// letter gate and through the whole parser.
const LETTER: &[&str] = &[
    "Federal Communications Commission",
    "Enforcement Bureau",
    "45 L Street, NE",
    "Washington, DC 20554",
    "",
    "April 13, 2021",
    "",
    "VIA ELECTRONIC MAIL",
    "To: Omar Luna",
    "R Squared Telecom LLC",
    "526 S Main St.",
    "Akron, OH 44311",
    "Re: Official Correspondence from the Federal Communications Commission",
    "Dear Mr. Luna,",
    "We have determined that R Squared Telecom LLC (R Squared) is apparently transmitting",
    "illegal robocall traffic on behalf of one or more of its clients. You should investigate",
    "within fourteen (14) days of this letter (April 27, 2021) of the steps you have taken.1",
    "1. Promptly investigate the transmissions identified above.",
    "2. Within 48 hours, inform the Commission and the Traceback Consortium.",
    "1 See 47 CFR \u{a7} 64.1200(k)(4).",
    "2 See Call Blocking Safe Harbor Report and Order, 35 FCC Rcd at 7630, para. 43.",
    "3 47 U.S.C. \u{a7} 227(b); Id. at 7631; supra note 2; CG Docket No. 17-59.",
    "Sincerely,",
    "Loyaan A. Egal",
    "Chief",
    "Enforcement Bureau",
    "ATTACHMENT A",
    "Date of Call\tCaller ID\tCalled Number\tDescription",
    "Jan 5, 2021\t202-555-0100\t(202) 418-7451\tAuto warranty",
];

/// Words for [`Str::Word`] and the cells of [`Op::Grid`].
const WORDS: &[&str] = &[
    "the",
    "Commission",
    "robocall",
    "47",
    "U.S.C.",
    "\u{a7}",
    "227(b)",
    "CFR",
    "64.1200(k)(4)",
    "Id.",
    "at",
    "supra",
    "note",
    "1",
    "2",
    "Dear",
    "Sincerely,",
    "ATTACHMENT A",
    "Date of Call",
    "Caller ID",
    "Jan 5, 2021",
    "202-555-0100",
    "\u{201c}quoted\u{201d}",
    "\u{2013}",
    "R\u{2019}s",
    " ",
    "",
];

/// Glyph names for `/Differences` and CMap destinations.
const GLYPHS: &[&str] = &[
    "A",
    "a",
    "space",
    "section",
    "quotedblleft",
    "quotedblright",
    "endash",
    "fi",
    "uni00A7",
    "uniD800",
    "u1F600",
    "g123",
    "period",
    "comma",
    ".notdef",
    "a.sc",
    "f_f_i",
    "zero",
];

const BASE_FONTS: &[&str] = &[
    "Helvetica",
    "Helvetica-Bold",
    "Times-Roman",
    "Times-Italic",
    "Courier",
    "Symbol",
    "ZapfDingbats",
    "ABCDEF+Calibri",
    "Arial,Bold",
    "TimesNewRomanPSMT",
    "",
];

const ENCODINGS: &[&str] = &[
    "WinAnsiEncoding",
    "MacRomanEncoding",
    "StandardEncoding",
    "PDFDocEncoding",
    "MacExpertEncoding",
    "Identity-H",
    "Bogus",
];

const ODD_NUMBERS: &[&str] = &[
    "-0",
    ".5",
    "-.5",
    "1.",
    "+3",
    "1e5",
    "999999999999999999999999",
    "-999999999999999999999999.5",
    "--1",
    ".",
    "-",
    "0.000000000000000000001",
    "3.4028236e38",
    "340282370000000000000000000000000000000",
    "nan",
    "inf",
];

/// Text in WinAnsi: the letter's few non-ASCII characters as their WinAnsi bytes, anything
/// else outside ASCII as `?`.
fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '\u{a7}' => 0xA7,
            '\u{a0}' => 0xA0,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2019}' => 0x92,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect()
}

fn pick<'s>(list: &[&'s str], i: u8) -> &'s str {
    list.get(usize::from(i) % list.len()).copied().unwrap_or("")
}

/// How the objects are numbered: fixed slots for each kind, so that every reference can
/// be written before the objects it points to.
struct Layout {
    catalog: u32,
    root: u32,
    image: u32,
    standard_font: u32,
    info: u32,
    /// First id of each kind.
    nodes: u32,
    pages: u32,
    contents: u32,
    /// Three ids per font: the font, its CMap, its descendant.
    fonts: u32,
    forms: u32,
    resources: u32,
    loose: u32,
    total: u32,
}

/// Pages per group, depth per group, after bounds.
struct Tree {
    /// (first page, pages, depth, group index).
    groups: Vec<(usize, usize, usize, usize)>,
    /// Pages hanging from the root directly: from this index on.
    rest: usize,
    nodes: usize,
}

impl Doc {
    fn pages(&self) -> &[Page] {
        self.pages
            .get(..self.pages.len().min(MAX_PAGES))
            .unwrap_or(&[])
    }

    fn fonts(&self) -> &[FontSpec] {
        self.fonts
            .get(..self.fonts.len().min(MAX_FONTS))
            .unwrap_or(&[])
    }

    fn forms(&self) -> &[Form] {
        self.forms
            .get(..self.forms.len().min(MAX_FORMS))
            .unwrap_or(&[])
    }

    fn loose(&self) -> &[Loose] {
        self.loose
            .get(..self.loose.len().min(MAX_LOOSE))
            .unwrap_or(&[])
    }

    fn tree(&self) -> Tree {
        let n = self.pages().len();
        let mut groups = Vec::new();
        let mut at = 0;
        let mut nodes = 0;
        for (i, g) in self.groups.iter().enumerate().take(MAX_PAGES) {
            let take = usize::from(g.pages).min(n - at);
            if take == 0 {
                break;
            }
            let depth = usize::from(g.depth % 5).max(1);
            groups.push((at, take, depth, i));
            nodes += depth;
            at += take;
        }
        Tree {
            groups,
            rest: at,
            nodes,
        }
    }

    /// Every resource dictionary to write as an object of its own, in order: the pages',
    /// the groups', the forms'.
    fn resource_dicts(&self) -> Vec<&Resources> {
        let from_pages = self
            .pages()
            .iter()
            .flat_map(|p| [p.resources.as_ref(), p.attributes.resources.as_ref()]);
        let from_groups = self
            .groups
            .iter()
            .take(MAX_PAGES)
            .map(|g| g.inherit.as_ref().and_then(|a| a.resources.as_ref()));
        let from_forms = self.forms().iter().map(|f| f.resources.as_ref());
        from_pages
            .chain(from_groups)
            .chain(from_forms)
            .flatten()
            .collect()
    }

    fn layout(&self, tree: &Tree) -> Layout {
        let mut next = 1u32;
        let mut take = |n: usize| {
            let id = next;
            next += n as u32;
            id
        };
        let catalog = take(1);
        let root = take(1);
        let image = take(1);
        let standard_font = take(1);
        let info = take(1);
        let nodes = take(tree.nodes);
        let pages = take(self.pages().len());
        let contents = take(self.pages().iter().map(|p| p.contents.len().min(8)).sum());
        let fonts = take(3 * self.fonts().len());
        let forms = take(self.forms().len());
        let resources = take(self.resource_dicts().len());
        let loose = take(self.loose().len());
        Layout {
            catalog,
            root,
            image,
            standard_font,
            info,
            nodes,
            pages,
            contents,
            fonts,
            forms,
            resources,
            loose,
            total: next - 1,
        }
    }

    /// The document as a PDF file.
    pub fn write(&self) -> Vec<u8> {
        let tree = self.tree();
        let layout = self.layout(&tree);
        let mut w = Writer {
            layout: &layout,
            doc: self,
            objects: vec![None; layout.total as usize],
            resource_ids: Vec::new(),
        };
        w.write_all(&tree);
        w.finish(self)
    }
}

struct Writer<'d> {
    layout: &'d Layout,
    doc: &'d Doc,
    /// The body of each object (`None`: written as `null`).
    objects: Vec<Option<Vec<u8>>>,
    /// Ids of the resource dictionaries written as objects, by address.
    resource_ids: Vec<(*const Resources, u32)>,
}

impl Writer<'_> {
    fn set(&mut self, id: u32, body: Vec<u8>) {
        if let Some(slot) = self.objects.get_mut(id as usize - 1) {
            *slot = Some(body);
        }
    }

    fn write_all(&mut self, tree: &Tree) {
        let l = self.layout;
        let doc = self.doc;
        // Resource dictionaries that are objects of their own get their ids first.
        for (i, r) in doc.resource_dicts().into_iter().enumerate() {
            self.resource_ids
                .push((r as *const Resources, l.resources + i as u32));
        }
        for (i, r) in doc.resource_dicts().into_iter().enumerate() {
            let mut body = Vec::new();
            self.resources(&mut body, r, true);
            self.set(l.resources + i as u32, body);
        }

        let catalog = format!("<< /Type /Catalog /Pages {} 0 R >>", l.root).into_bytes();
        self.set(l.catalog, catalog);
        self.set(
            l.image,
            stream_object(
                b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
                &[0, 255, 255, 0],
                &Filter::None,
                &Length::Right,
            ),
        );
        self.set(
            l.standard_font,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
                .to_vec(),
        );
        if let Some(info) = &doc.info {
            let mut body = Vec::new();
            self.value(&mut body, info);
            self.set(l.info, body);
        }

        // The page tree.
        let pages = doc.pages();
        let mut root_kids: Vec<u32> = Vec::new();
        let mut node = l.nodes;
        let mut parent_of = vec![l.root; pages.len()];
        for &(first, count, depth, gi) in &tree.groups {
            let group = doc.groups.get(gi);
            let chain: Vec<u32> = (0..depth as u32).map(|k| node + k).collect();
            node += depth as u32;
            root_kids.extend(chain.first());
            for (k, &id) in chain.iter().enumerate() {
                let parent = if k == 0 { l.root } else { chain[k - 1] };
                let kids: Vec<u32> = match chain.get(k + 1) {
                    Some(&below) => vec![below],
                    None => (first..first + count).map(|p| l.pages + p as u32).collect(),
                };
                let mut body = format!(
                    "<< /Type /Pages /Parent {parent} 0 R /Count {count} /Kids {} ",
                    refs(&kids)
                )
                .into_bytes();
                if let Some(attrs) = group.and_then(|g| g.inherit.as_ref()) {
                    self.attributes(&mut body, attrs, false);
                }
                body.extend_from_slice(b">>");
                self.set(id, body);
            }
            if let Some(&last) = chain.last() {
                for p in first..first + count {
                    parent_of[p] = last;
                }
            }
        }
        root_kids.extend((tree.rest..pages.len()).map(|p| l.pages + p as u32));
        let mut root_kids = refs(&root_kids);
        if let Some(stray) = doc.stray_kid {
            root_kids.pop();
            let _ = write!(root_kids, " {} 0 R]", self.ref_id(stray));
        }
        let mut root = format!("<< /Type /Pages /Kids {root_kids}").into_bytes();
        if doc.root_resources {
            let _ = write!(
                Bytes(&mut root),
                " /Resources << /Font << /F0 {f} 0 R /F1 {f} 0 R /F2 {f} 0 R /F3 {f} 0 R >>",
                f = l.standard_font
            );
            if !doc.forms().is_empty() {
                let _ = write!(Bytes(&mut root), " /XObject << /X0 {} 0 R >>", l.forms);
            }
            root.extend_from_slice(b" >>");
        }
        match &doc.count {
            Count::Right => {
                let _ = write!(Bytes(&mut root), " /Count {}", pages.len());
            }
            Count::Missing => {}
            Count::Wrong(n) => {
                root.extend_from_slice(b" /Count ");
                num(&mut root, *n);
            }
        }
        root.extend_from_slice(b" >>");
        self.set(l.root, root);

        let mut content_id = l.contents;
        for (i, page) in pages.iter().enumerate() {
            let mut body = format!(
                "<< /Type /Page /Parent {} 0 R ",
                parent_of.get(i).copied().unwrap_or(l.root)
            )
            .into_bytes();
            let streams: Vec<u32> = (0..page.contents.len().min(8) as u32)
                .map(|k| content_id + k)
                .collect();
            for (content, &id) in page.contents.iter().zip(&streams) {
                let data = self.content(content);
                self.set(
                    id,
                    stream_object(b"", &data, &content.filter, &content.length),
                );
            }
            content_id += streams.len() as u32;
            match streams.as_slice() {
                [] => {}
                [one] => {
                    let _ = write!(Bytes(&mut body), "/Contents {one} 0 R ");
                }
                more => {
                    let _ = write!(Bytes(&mut body), "/Contents {} ", refs(more));
                }
            }
            if let Some(r) = &page.resources {
                body.extend_from_slice(b"/Resources ");
                self.resources(&mut body, r, false);
            }
            self.attributes(&mut body, &page.attributes, page.resources.is_some());
            for (k, v) in page.extra.iter().take(MAX_ITEMS) {
                key(&mut body, k);
                body.push(b' ');
                self.value(&mut body, v);
                body.push(b' ');
            }
            body.extend_from_slice(b">>");
            self.set(l.pages + i as u32, body);
        }

        for (i, font) in doc.fonts().iter().enumerate() {
            self.font(l.fonts + 3 * i as u32, font);
        }
        for (i, form) in doc.forms().iter().enumerate() {
            self.form(l.forms + i as u32, form);
        }
        for (i, loose) in doc.loose().iter().enumerate() {
            let mut body = Vec::new();
            match loose {
                Loose::Value(v) => self.value(&mut body, v),
                Loose::Stream(dict, data) => {
                    let mut d = Vec::new();
                    for (k, v) in dict.iter().take(MAX_ITEMS) {
                        key(&mut d, k);
                        d.push(b' ');
                        self.value(&mut d, v);
                        d.push(b' ');
                    }
                    let data = data.get(..data.len().min(MAX_STREAM)).unwrap_or(&[]);
                    body = stream_object(&d, data, &Filter::None, &Length::Right);
                }
            }
            self.set(l.loose + i as u32, body);
        }
    }

    /// Header, objects, xref table, trailer.
    fn finish(self, doc: &Doc) -> Vec<u8> {
        let mut out =
            format!("%PDF-1.{}\n%\u{e2}\u{e3}\u{cf}\u{d3}\n", doc.version % 10).into_bytes();
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (i, body) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            let _ = write!(Bytes(&mut out), "{} 0 obj\n", i + 1);
            out.extend_from_slice(body.as_deref().unwrap_or(b"null"));
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref_at = out.len();
        let size = self.objects.len() + 1;
        let info = if doc.info.is_some() {
            format!(" /Info {} 0 R", self.layout.info)
        } else {
            String::new()
        };
        let trailer = format!(
            "trailer\n<< /Size {size} /Root {} 0 R{info} >>\n",
            self.layout.catalog
        );
        match doc.xref {
            Xref::Missing => {
                out.extend_from_slice(trailer.as_bytes());
                out.extend_from_slice(b"startxref\n0\n%%EOF\n");
                return out;
            }
            Xref::Right | Xref::Shifted(_) | Xref::OneWrong(..) => {}
        }
        let _ = write!(Bytes(&mut out), "xref\n0 {size}\n0000000000 65535 f \n");
        for (i, &at) in offsets.iter().enumerate() {
            let at = match doc.xref {
                Xref::Shifted(by) => at.saturating_add_signed(isize::from(by)),
                Xref::OneWrong(which, to) if usize::from(which) % offsets.len() == i => {
                    to as usize % 10_000_000_000
                }
                _ => at,
            };
            let _ = write!(Bytes(&mut out), "{at:010} 00000 n \n");
        }
        out.extend_from_slice(trailer.as_bytes());
        let _ = write!(Bytes(&mut out), "startxref\n{xref_at}\n%%EOF\n");
        out
    }

    /// An id for a generated reference: any object, or one of the three past the last.
    fn ref_id(&self, n: u16) -> u32 {
        u32::from(n) % (self.layout.total + 3) + 1
    }

    /// Inheritable attributes; `/Resources` unless `resources_written`.
    fn attributes(&self, out: &mut Vec<u8>, a: &Attributes, resources_written: bool) {
        if let Some(r) = a.resources.as_ref().filter(|_| !resources_written) {
            out.extend_from_slice(b"/Resources ");
            self.resources(out, r, false);
        }
        for (name, rect) in [
            (&b"/MediaBox ["[..], &a.media_box),
            (b"/CropBox [", &a.crop_box),
        ] {
            if let Some(rect) = rect {
                out.extend_from_slice(name);
                for n in rect.numbers() {
                    num(out, n);
                    out.push(b' ');
                }
                out.extend_from_slice(b"] ");
            }
        }
        if let Some(r) = a.rotate {
            out.extend_from_slice(b"/Rotate ");
            // Mostly right angles.
            let r = match r {
                Num::Small(k) => Num::Int(i16::from(k % 8) * 90 - 360),
                other => other,
            };
            num(out, r);
            out.push(b' ');
        }
    }

    /// A resource dictionary, inline or (`own`: it is the object itself) in full; a
    /// dictionary to write indirectly becomes a reference.
    fn resources(&self, out: &mut Vec<u8>, r: &Resources, own: bool) {
        if r.indirect && !own {
            let id = self
                .resource_ids
                .iter()
                .find(|(p, _)| std::ptr::eq(*p, r))
                .map(|&(_, id)| id);
            if let Some(id) = id {
                let _ = write!(Bytes(out), "{id} 0 R ");
                return;
            }
        }
        let l = self.layout;
        out.extend_from_slice(b"<< /Font ");
        if r.broken_font_dict.0 {
            out.extend_from_slice(b"42 ");
        } else {
            out.extend_from_slice(b"<< ");
            if !r.no_default_font.0 && !r.fonts.iter().any(|(n, _)| n % NAMES == 0) {
                let _ = write!(Bytes(out), "/F0 {} 0 R ", l.standard_font);
            }
            for (name, font) in r.fonts.iter().take(MAX_ITEMS) {
                let _ = write!(Bytes(out), "/F{} ", name % NAMES);
                match font {
                    FontUse::Standard => {
                        let _ = write!(Bytes(out), "{} 0 R ", l.standard_font);
                    }
                    FontUse::Shared(i) => match self.font_index(*i) {
                        Some(i) => {
                            let _ = write!(Bytes(out), "{} 0 R ", l.fonts + 3 * i as u32);
                        }
                        None => out.extend_from_slice(b"null "),
                    },
                    FontUse::Inline(i) => match self.font_index(*i) {
                        Some(i) => {
                            let font = self.font_dict(l.fonts + 3 * i as u32, &self.doc.fonts[i]);
                            out.extend_from_slice(&font);
                            out.push(b' ');
                        }
                        None => out.extend_from_slice(b"null "),
                    },
                    FontUse::Other(v) => {
                        self.value(out, v);
                        out.push(b' ');
                    }
                }
            }
            out.extend_from_slice(b">> ");
        }
        out.extend_from_slice(b"/XObject << ");
        for (name, x) in r.xobjects.iter().take(MAX_ITEMS) {
            let _ = write!(Bytes(out), "/X{} ", name % NAMES);
            match x {
                XObjectUse::Form(i) => {
                    let forms = self.doc.forms().len();
                    if forms == 0 {
                        out.extend_from_slice(b"null ");
                    } else {
                        let _ = write!(
                            Bytes(out),
                            "{} 0 R ",
                            l.forms + u32::from(*i) % forms as u32
                        );
                    }
                }
                XObjectUse::Image => {
                    let _ = write!(Bytes(out), "{} 0 R ", l.image);
                }
                XObjectUse::Other(v) => {
                    self.value(out, v);
                    out.push(b' ');
                }
            }
        }
        out.extend_from_slice(b">> >>");
    }

    fn font_index(&self, i: u8) -> Option<usize> {
        let n = self.doc.fonts().len();
        (n > 0).then(|| usize::from(i) % n)
    }

    /// A font's dictionary; `id` is its slot (the CMap and descendant follow it).
    fn font_dict(&self, id: u32, font: &FontSpec) -> Vec<u8> {
        let mut out = b"<< /Type /Font ".to_vec();
        match &font.kind {
            FontKind::Simple {
                subtype,
                base,
                encoding,
                first_char,
                widths,
            } => {
                let subtype = match subtype % 5 {
                    0 => "Type1",
                    1 => "TrueType",
                    2 => "Type3",
                    3 => "MMType1",
                    _ => "Simple",
                };
                let _ = write!(
                    Bytes(&mut out),
                    "/Subtype /{subtype} /BaseFont /{} ",
                    pick(BASE_FONTS, *base)
                );
                match encoding {
                    None => {}
                    Some(Encoding::Name(n)) => {
                        let _ = write!(Bytes(&mut out), "/Encoding /{} ", pick(ENCODINGS, *n));
                    }
                    Some(Encoding::Dict { base, differences }) => {
                        out.extend_from_slice(b"/Encoding << /Type /Encoding ");
                        if let Some(b) = base {
                            let _ =
                                write!(Bytes(&mut out), "/BaseEncoding /{} ", pick(ENCODINGS, *b));
                        }
                        out.extend_from_slice(b"/Differences [");
                        for d in differences.iter().take(4 * MAX_ITEMS) {
                            match d {
                                Difference::Code(c) => {
                                    let _ = write!(Bytes(&mut out), "{c} ");
                                }
                                Difference::Glyph(g) => {
                                    let _ = write!(Bytes(&mut out), "/{} ", pick(GLYPHS, *g));
                                }
                                Difference::Other(n) => {
                                    name(&mut out, n);
                                    out.push(b' ');
                                }
                            }
                        }
                        out.extend_from_slice(b"] >> ");
                    }
                    Some(Encoding::Other(v)) => {
                        out.extend_from_slice(b"/Encoding ");
                        self.value(&mut out, v);
                        out.push(b' ');
                    }
                }
                if let Some(n) = first_char {
                    out.extend_from_slice(b"/FirstChar ");
                    num(&mut out, *n);
                    out.push(b' ');
                }
                if let Some(widths) = widths {
                    out.extend_from_slice(b"/Widths [");
                    for w in widths.iter().take(256) {
                        num(&mut out, *w);
                        out.push(b' ');
                    }
                    out.extend_from_slice(b"] ");
                }
            }
            FontKind::Type0 {
                encoding,
                inline_descendant,
                ..
            } => {
                let _ = write!(
                    Bytes(&mut out),
                    "/Subtype /Type0 /BaseFont /ABCDEF+Font /Encoding /{} /DescendantFonts [",
                    pick(
                        &["Identity-H", "Identity-V", "UniGB-UCS2-H", "Bogus"],
                        *encoding
                    )
                );
                if *inline_descendant {
                    out.extend_from_slice(&self.descendant(&font.kind));
                } else {
                    let _ = write!(Bytes(&mut out), "{} 0 R", id + 2);
                }
                out.extend_from_slice(b"] ");
            }
        }
        if font.to_unicode.is_some() {
            let _ = write!(Bytes(&mut out), "/ToUnicode {} 0 R ", id + 1);
        }
        out.extend_from_slice(b">>");
        out
    }

    fn descendant(&self, kind: &FontKind) -> Vec<u8> {
        let mut out = b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Font /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ".to_vec();
        if let FontKind::Type0 {
            default_width,
            widths,
            ..
        } = kind
        {
            if let Some(dw) = default_width {
                out.extend_from_slice(b"/DW ");
                num(&mut out, *dw);
                out.push(b' ');
            }
            out.extend_from_slice(b"/W [");
            for item in widths.iter().take(MAX_ITEMS) {
                match item {
                    WidthItem::List(first, list) => {
                        num(&mut out, *first);
                        out.extend_from_slice(b" [");
                        for w in list.iter().take(MAX_ITEMS) {
                            num(&mut out, *w);
                            out.push(b' ');
                        }
                        out.extend_from_slice(b"] ");
                    }
                    WidthItem::Range(a, b, w) => {
                        for n in [a, b, w] {
                            num(&mut out, *n);
                            out.push(b' ');
                        }
                    }
                    WidthItem::Other(v) => {
                        self.value(&mut out, v);
                        out.push(b' ');
                    }
                }
            }
            out.extend_from_slice(b"] ");
        }
        out.extend_from_slice(b">>");
        out
    }

    fn font(&mut self, id: u32, font: &FontSpec) {
        let dict = self.font_dict(id, font);
        self.set(id, dict);
        if let Some(cmap) = &font.to_unicode {
            let data = cmap_data(cmap);
            self.set(
                id + 1,
                stream_object(b"", &data, &cmap.filter, &Length::Right),
            );
        }
        if let FontKind::Type0 { .. } = font.kind {
            let d = self.descendant(&font.kind);
            self.set(id + 2, d);
        }
    }

    fn form(&mut self, id: u32, form: &Form) {
        let mut dict = Vec::new();
        let subtype = if form.wrong_subtype.0 { "PS" } else { "Form" };
        let _ = write!(Bytes(&mut dict), "/Type /XObject /Subtype /{subtype} ");
        dict.extend_from_slice(b"/BBox [");
        for n in form
            .bbox
            .unwrap_or([Num::Small(0), Num::Small(0), Num::Int(612), Num::Int(792)])
        {
            num(&mut dict, n);
            dict.push(b' ');
        }
        dict.extend_from_slice(b"] ");
        if let Some(m) = &form.matrix {
            dict.extend_from_slice(b"/Matrix [");
            for n in m {
                num(&mut dict, *n);
                dict.push(b' ');
            }
            dict.extend_from_slice(b"] ");
        }
        if let Some(r) = &form.resources {
            dict.extend_from_slice(b"/Resources ");
            self.resources(&mut dict, r, false);
        }
        let data = self.content(&form.content);
        self.set(
            id,
            stream_object(&dict, &data, &form.content.filter, &form.content.length),
        );
    }

    /// A content stream's operators, cut at [`MAX_STREAM`] bytes.
    fn content(&self, c: &Content) -> Vec<u8> {
        let mut out = Vec::new();
        if let Some(lines) = &c.lead {
            letter(&mut out, lines);
            out.push(b'\n');
        }
        for op in c.ops.iter().take(MAX_OPS) {
            if out.len() > MAX_STREAM {
                out.truncate(MAX_STREAM);
                break;
            }
            self.op(&mut out, op);
            out.push(b'\n');
        }
        out
    }

    fn op(&self, out: &mut Vec<u8>, op: &Op) {
        let nums = |out: &mut Vec<u8>, ns: &[Num], op: &str| {
            for n in ns {
                num(out, *n);
                out.push(b' ');
            }
            out.extend_from_slice(op.as_bytes());
        };
        match op {
            Op::BT => out.extend_from_slice(b"BT"),
            Op::ET => out.extend_from_slice(b"ET"),
            Op::Tf(f, size) => {
                let _ = write!(Bytes(out), "/F{} ", f % NAMES);
                nums(out, &[*size], "Tf");
            }
            Op::Td(x, y) => nums(out, &[*x, *y], "Td"),
            Op::TD(x, y) => nums(out, &[*x, *y], "TD"),
            Op::Tm(m) => nums(out, m, "Tm"),
            Op::TStar => out.extend_from_slice(b"T*"),
            Op::Tc(n) => nums(out, &[*n], "Tc"),
            Op::Tw(n) => nums(out, &[*n], "Tw"),
            Op::Tz(n) => nums(out, &[*n], "Tz"),
            Op::TL(n) => nums(out, &[*n], "TL"),
            Op::Ts(n) => nums(out, &[*n], "Ts"),
            Op::Tj(s) => {
                string(out, s);
                out.extend_from_slice(b" Tj");
            }
            Op::Quote(s) => {
                string(out, s);
                out.extend_from_slice(b" '");
            }
            Op::DoubleQuote(a, b, s) => {
                nums(out, &[*a, *b], "");
                string(out, s);
                out.extend_from_slice(b" \"");
            }
            Op::TJ(items) => {
                out.push(b'[');
                for item in items.iter().take(MAX_ITEMS) {
                    match item {
                        TjItem::Str(s) => string(out, s),
                        TjItem::Num(n) => num(out, *n),
                    }
                    out.push(b' ');
                }
                out.extend_from_slice(b"] TJ");
            }
            Op::Cm(m) => nums(out, m, "cm"),
            Op::Save => out.push(b'q'),
            Op::Restore => out.push(b'Q'),
            Op::Re(r) => nums(out, r, "re"),
            Op::MoveTo(x, y) => nums(out, &[*x, *y], "m"),
            Op::LineTo(x, y) => nums(out, &[*x, *y], "l"),
            Op::Stroke => out.push(b'S'),
            Op::Fill => out.push(b'f'),
            Op::EndPath => out.push(b'n'),
            Op::Do(x) => {
                let _ = write!(Bytes(out), "/X{} Do", x % NAMES);
            }
            Op::Letter(lines) => letter(out, lines),
            Op::Grid {
                x,
                y,
                rows,
                cols,
                filled,
            } => {
                let (rows, cols) = (usize::from(rows % 16) + 1, usize::from(cols % 8) + 1);
                let (x0, y0) = (f32::from(*x), 100.0 + f32::from(*y));
                let (w, h) = (60.0, 14.0);
                let (right, bottom) = (x0 + w * cols as f32, y0 + h * rows as f32);
                for r in 0..=rows {
                    let yy = y0 + h * r as f32;
                    if *filled {
                        let _ = write!(Bytes(out), "{x0} {yy} {} 0.5 re f\n", right - x0);
                    } else {
                        let _ = write!(Bytes(out), "{x0} {yy} m {right} {yy} l S\n");
                    }
                }
                for c in 0..=cols {
                    let xx = x0 + w * c as f32;
                    if *filled {
                        let _ = write!(Bytes(out), "{xx} {y0} 0.5 {} re f\n", bottom - y0);
                    } else {
                        let _ = write!(Bytes(out), "{xx} {y0} m {xx} {bottom} l S\n");
                    }
                }
                out.extend_from_slice(b"BT /F0 9 Tf");
                for r in 0..rows {
                    for c in 0..cols {
                        let _ = write!(
                            Bytes(out),
                            "\n1 0 0 1 {} {} Tm ",
                            x0 + w * c as f32 + 2.0,
                            y0 + h * r as f32 + 3.0
                        );
                        string(out, &Str::Word((r * cols + c) as u8 ^ *x));
                        out.extend_from_slice(b" Tj");
                    }
                }
                out.extend_from_slice(b"\nET");
            }
            Op::InlineImage(data) => {
                out.extend_from_slice(b"BI /W 1 /H 1 /CS /G /BPC 8 ID ");
                out.extend_from_slice(data.get(..data.len().min(256)).unwrap_or(&[]));
                out.extend_from_slice(b" EI");
            }
            Op::Any(operands, operator) => {
                for v in operands.iter().take(16) {
                    self.value(out, v);
                    out.push(b' ');
                }
                let op: Vec<u8> = operator
                    .iter()
                    .take(8)
                    .copied()
                    .filter(|b| b.is_ascii_graphic() && !b"()<>[]{}/%".contains(b))
                    .collect();
                out.extend_from_slice(if op.is_empty() { b"Tj" } else { &op });
            }
            Op::Raw(bytes) => {
                out.extend_from_slice(bytes.get(..bytes.len().min(1024)).unwrap_or(&[]))
            }
        }
    }

    fn value(&self, out: &mut Vec<u8>, v: &Value) {
        match v {
            Value::Null => out.extend_from_slice(b"null"),
            Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Value::Num(n) => num(out, *n),
            Value::Name(n) => name(out, n),
            Value::Str(s) => string(out, s),
            Value::Ref(n, g) => {
                let _ = write!(Bytes(out), "{} {} R", self.ref_id(*n), g % 3);
            }
            Value::Array(items) => {
                out.push(b'[');
                for item in items {
                    self.value(out, item);
                    out.push(b' ');
                }
                out.push(b']');
            }
            Value::Dict(items) => {
                out.extend_from_slice(b"<<");
                for (k, v) in items {
                    key(out, k);
                    out.push(b' ');
                    self.value(out, v);
                    out.push(b' ');
                }
                out.extend_from_slice(b">>");
            }
            Value::Deep(n) => {
                let n = usize::from(*n) % (MAX_DEEP + 1);
                out.extend(std::iter::repeat(b'[').take(n));
                out.extend(std::iter::repeat(b']').take(n));
            }
        }
    }
}

/// `fmt::Write` into a byte buffer.
struct Bytes<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Bytes<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// [`Op::Letter`].
fn letter(out: &mut Vec<u8>, l: &Lines) {
    let size = 6 + l.size % 10;
    let _ = write!(
        Bytes(out),
        "BT /F{} {size} Tf {} 760 Td",
        l.font % NAMES,
        l.x
    );
    let first = if l.first < 128 {
        usize::from(l.first) % LETTER.len()
    } else {
        0
    };
    for line in LETTER.iter().skip(first).take(usize::from(l.lines)) {
        let _ = write!(Bytes(out), "\n0 -{} Td ", u32::from(size) + 4);
        literal(out, &win_ansi(line));
        out.extend_from_slice(b" Tj");
    }
    out.extend_from_slice(b"\nET");
}

fn refs(ids: &[u32]) -> String {
    let mut s = String::from("[");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        let _ = write!(s, "{id} 0 R");
    }
    s.push(']');
    s
}

fn num(out: &mut Vec<u8>, n: Num) {
    let _ = match n {
        Num::Small(v) => write!(Bytes(out), "{v}"),
        Num::Int(v) => write!(Bytes(out), "{v}"),
        Num::Real(m, places) => {
            let places = u32::from(places % 6);
            let scale = 10i64.pow(places);
            let m = i64::from(m);
            let (sign, m) = if m < 0 { ("-", -m) } else { ("", m) };
            if places == 0 {
                write!(Bytes(out), "{sign}{m}")
            } else {
                write!(
                    Bytes(out),
                    "{sign}{}.{:0width$}",
                    m / scale,
                    m % scale,
                    width = places as usize
                )
            }
        }
        Num::Big(v) => write!(Bytes(out), "{v}"),
        Num::Odd(i) => write!(Bytes(out), "{}", pick(ODD_NUMBERS, i)),
    };
}

/// A name, its delimiters and odd bytes escaped as `#xx`.
fn name(out: &mut Vec<u8>, n: &[u8]) {
    out.push(b'/');
    for &b in n.iter().take(64) {
        if b.is_ascii_graphic() && !b"()<>[]{}/%#".contains(&b) {
            out.push(b);
        } else {
            let _ = write!(Bytes(out), "#{b:02X}");
        }
    }
}

fn key(out: &mut Vec<u8>, k: &Key) {
    match k {
        Key::Known(i) => {
            out.push(b'/');
            out.extend_from_slice(pick(KEYS, *i).as_bytes());
        }
        Key::Other(n) => name(out, n),
    }
}

fn string(out: &mut Vec<u8>, s: &Str) {
    match s {
        Str::Literal(bytes) => literal(out, bytes.get(..bytes.len().min(4096)).unwrap_or(&[])),
        Str::Hex(bytes) => {
            out.push(b'<');
            for b in bytes.iter().take(4096) {
                let _ = write!(Bytes(out), "{b:02X}");
            }
            out.push(b'>');
        }
        Str::Word(i) => literal(out, &win_ansi(pick(WORDS, *i))),
    }
}

/// A literal string: `(`, `)` and `\` escaped, control bytes as octal.
fn literal(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0..=31 | 127 => {
                let _ = write!(Bytes(out), "\\{b:03o}");
            }
            _ => out.push(b),
        }
    }
    out.push(b')');
}

fn hex(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'<');
    for b in bytes {
        let _ = write!(Bytes(out), "{b:02X}");
    }
    out.push(b'>');
}

/// A code of 1 to 4 bytes (an empty one as one zero byte).
fn code(out: &mut Vec<u8>, c: &Code) {
    match c.0.get(..c.0.len().min(4)) {
        Some(b) if !b.is_empty() => hex(out, b),
        _ => hex(out, &[0]),
    }
}

fn dst(out: &mut Vec<u8>, d: &Dst) {
    match d {
        Dst::Utf16(units) => hex(out, units.get(..units.len().min(32)).unwrap_or(&[])),
        Dst::Char(c) => {
            let mut buf = [0u16; 2];
            let units: Vec<u8> = c
                .encode_utf16(&mut buf)
                .iter()
                .flat_map(|u| u.to_be_bytes())
                .collect();
            hex(out, &units);
        }
        Dst::Name(g) => {
            out.push(b'/');
            out.extend_from_slice(pick(GLYPHS, *g).as_bytes());
        }
        Dst::Literal(bytes) => literal(out, bytes.get(..bytes.len().min(32)).unwrap_or(&[])),
    }
}

fn count(out: &mut Vec<u8>, c: &Count8, right: usize) {
    let _ = match c {
        Count8::Right => write!(Bytes(out), "{right} "),
        Count8::Wrong(n) => write!(Bytes(out), "{n} "),
    };
}

/// A CMap's text, cut at [`MAX_STREAM`] bytes.
fn cmap_data(cmap: &CMap) -> Vec<u8> {
    let mut out = Vec::new();
    if cmap.prelude {
        out.extend_from_slice(
            b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
              /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
              /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n",
        );
    }
    for section in &cmap.sections {
        if out.len() > MAX_STREAM {
            out.truncate(MAX_STREAM);
            return out;
        }
        match section {
            CMapSection::Codespace(c, ranges) => {
                let ranges = ranges.get(..ranges.len().min(MAX_ITEMS)).unwrap_or(&[]);
                count(&mut out, c, ranges.len());
                out.extend_from_slice(b"begincodespacerange\n");
                for (lo, hi) in ranges {
                    code(&mut out, lo);
                    code(&mut out, hi);
                    out.push(b'\n');
                }
                out.extend_from_slice(b"endcodespacerange\n");
            }
            CMapSection::BfChar(c, pairs) => {
                let pairs = pairs.get(..pairs.len().min(MAX_ITEMS)).unwrap_or(&[]);
                count(&mut out, c, pairs.len());
                out.extend_from_slice(b"beginbfchar\n");
                for (k, d) in pairs {
                    code(&mut out, k);
                    out.push(b' ');
                    dst(&mut out, d);
                    out.push(b'\n');
                }
                out.extend_from_slice(b"endbfchar\n");
            }
            CMapSection::BfRange(c, ranges) => {
                let ranges = ranges.get(..ranges.len().min(MAX_ITEMS)).unwrap_or(&[]);
                count(&mut out, c, ranges.len());
                out.extend_from_slice(b"beginbfrange\n");
                for (lo, hi, d) in ranges {
                    code(&mut out, lo);
                    code(&mut out, hi);
                    out.push(b' ');
                    match d {
                        RangeDst::Start(d) => dst(&mut out, d),
                        RangeDst::Array(items) => {
                            out.push(b'[');
                            for d in items.iter().take(MAX_ITEMS) {
                                dst(&mut out, d);
                                out.push(b' ');
                            }
                            out.push(b']');
                        }
                    }
                    out.push(b'\n');
                }
                out.extend_from_slice(b"endbfrange\n");
            }
            CMapSection::UseCMap(n) => {
                let _ = write!(Bytes(&mut out), "/{} usecmap\n", pick(ENCODINGS, *n));
            }
            CMapSection::Raw(bytes) => {
                out.extend_from_slice(bytes.get(..bytes.len().min(1024)).unwrap_or(&[]));
                out.push(b'\n');
            }
        }
    }
    if cmap.prelude {
        out.extend_from_slice(
            b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n",
        );
    }
    out
}

/// A stream object: `<< dict /Length n /Filter … >> stream … endstream`.
fn stream_object(dict: &[u8], data: &[u8], filter: &Filter, length: &Length) -> Vec<u8> {
    let (data, filter_entry): (Vec<u8>, &[u8]) = match filter {
        Filter::None => (data.to_vec(), b""),
        Filter::Flate => (zlib_stored(data), b"/Filter /FlateDecode "),
        Filter::FlateArray => (zlib_stored(data), b"/Filter [/FlateDecode] "),
        Filter::FlateCut(keep) => {
            let mut z = zlib_stored(data);
            z.truncate(usize::from(*keep) % (z.len() + 1));
            (z, b"/Filter /FlateDecode ")
        }
        Filter::FlateBogus => (data.to_vec(), b"/Filter /FlateDecode "),
        Filter::Unknown => (data.to_vec(), b"/Filter /JBIG3Decode "),
    };
    let mut out = b"<< ".to_vec();
    out.extend_from_slice(dict);
    out.push(b' ');
    out.extend_from_slice(filter_entry);
    match length {
        Length::Right => {
            let _ = write!(Bytes(&mut out), "/Length {} ", data.len());
        }
        Length::Off(by) => {
            let _ = write!(
                Bytes(&mut out),
                "/Length {} ",
                data.len() as i64 + i64::from(*by)
            );
        }
        Length::Missing => {}
    }
    out.extend_from_slice(b">>\nstream\n");
    out.extend_from_slice(&data);
    out.extend_from_slice(b"\nendstream");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_pdf_reads() {
        let lines = Lines {
            font: 0,
            size: 4,
            x: 72,
            first: 0,
            lines: 40,
        };
        let page = |lead, ops, resources| Page {
            contents: Many(vec![Content {
                lead,
                ops,
                filter: Filter::Flate,
                length: Length::Right,
            }]),
            resources,
            attributes: Attributes {
                resources: None,
                media_box: Some(Rect::Letter),
                crop_box: None,
                rotate: None,
            },
            extra: vec![],
        };
        let doc = Doc {
            version: 7,
            pages: Many(vec![
                // Inherits the root's resources.
                page(Some(lines), Many(vec![]), None),
                page(
                    None,
                    Many(vec![Op::Letter(Lines { first: 20, ..lines })]),
                    Some(Resources {
                        fonts: Many(vec![(4, FontUse::Standard)]),
                        xobjects: vec![],
                        indirect: true,
                        broken_font_dict: Rare(false),
                        no_default_font: Rare(false),
                    }),
                ),
            ]),
            groups: vec![Group {
                pages: 1,
                depth: 2,
                inherit: None,
            }],
            fonts: vec![],
            forms: vec![],
            loose: vec![],
            count: Count::Right,
            root_resources: true,
            stray_kid: None,
            info: None,
            xref: Xref::Right,
        };
        let pdf = doc.write();
        let text = fcc_notice::pdf_text(&pdf).expect("the PDF reads");
        assert!(text.contains("Federal Communications Commission"), "{text}");
        assert!(text.contains("\u{a7} 64.1200"), "{text}");
        let parsed = fcc_notice::parse_pdf(&pdf).expect("the letter parses");
        assert!(parsed.notice.provider.is_some(), "{parsed:?}");
    }
}

#[cfg(test)]
mod survey {
    use super::*;

    /// How the reader takes documents drawn from random bytes: most must be read as PDFs
    /// (not refused as broken), or the generator would fuzz lopdf's error paths only.
    #[test]
    fn random_documents_mostly_read() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut kinds = std::collections::BTreeMap::new();
        for len in (0..400).map(|i| 64 + i * 37) {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            let Ok(doc) = Doc::arbitrary(&mut Unstructured::new(&bytes)) else {
                continue;
            };
            let pdf = doc.write();
            let kind = match fcc_notice::pdf_text(&pdf) {
                Ok(_) => "text".to_owned(),
                Err(fcc_notice::Error::Pdf { reason, .. }) => format!("pdf: {reason}"),
                Err(e) => format!("{e}").chars().take(40).collect(),
            };
            *kinds.entry(kind).or_insert(0) += 1;
        }
        eprintln!("{kinds:#?}");
        let broken: usize = kinds
            .iter()
            .filter(|(k, _)| k.starts_with("pdf: ") && !k.ends_with("has no pages"))
            .map(|(_, n)| n)
            .sum();
        let all: usize = kinds.values().sum();
        assert!(
            broken * 10 <= all,
            "{broken} of {all} documents refused as broken"
        );
    }
}

#[cfg(test)]
mod corpus_survey {
    use super::*;

    /// `PDF_CORPUS=dir cargo test --lib corpus -- --ignored --nocapture`: what a corpus of
    /// `pdf_structure` inputs becomes.
    #[test]
    #[ignore]
    fn corpus() {
        let dir = std::env::var("PDF_CORPUS").expect("PDF_CORPUS");
        let mut kinds = std::collections::BTreeMap::new();
        for e in std::fs::read_dir(dir).expect("a directory") {
            let bytes = std::fs::read(e.expect("an entry").path()).expect("a file");
            let Ok(doc) = Doc::arbitrary_take_rest(Unstructured::new(&bytes)) else {
                continue;
            };
            let pdf = doc.write();
            let kind = match fcc_notice::parse_pdf(&pdf) {
                Ok(_) => "ok".to_owned(),
                Err(e) => format!("{e}").chars().take(120).collect(),
            };
            *kinds.entry(kind).or_insert(0) += 1;
        }
        eprintln!("{kinds:#?}");
    }
}

#[cfg(test)]
mod dump {
    use super::*;

    /// `PDF_INPUT=file cargo test --lib dump -- --ignored --nocapture`: the document a
    /// `pdf_structure` input describes, and the PDF written of it (to `PDF_INPUT.pdf`).
    #[test]
    #[ignore]
    fn dump() {
        let path = std::env::var("PDF_INPUT").expect("PDF_INPUT");
        let bytes = std::fs::read(&path).expect("a file");
        let doc = Doc::arbitrary_take_rest(Unstructured::new(&bytes)).expect("a document");
        eprintln!("{doc:#?}");
        let pdf = doc.write();
        std::fs::write(format!("{path}.pdf"), &pdf).expect("written");
        eprintln!("{:?}", fcc_notice::pdf_text(&pdf));
    }
}

#[cfg(test)]
mod seeds {
    use super::*;

    /// `PDF_SEEDS=seeds/pdf_structure cargo test --lib make_seeds -- --ignored`: writes
    /// seed inputs for `pdf_structure`, drawn from a fixed xorshift stream and kept by what
    /// they parse to: letters that parse, texts that are not letters, and PDFs without
    /// text. (Inputs mean what this file's `Arbitrary` impls make of them: rerun it after
    /// changing the description.)
    #[test]
    #[ignore]
    fn make_seeds() {
        let dir = std::env::var("PDF_SEEDS").expect("PDF_SEEDS");
        std::fs::create_dir_all(&dir).expect("a directory");
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut kept: std::collections::BTreeMap<&str, usize> = Default::default();
        let want = [
            ("letter", 8),
            ("not-a-letter", 6),
            ("no-text", 3),
            ("other", 3),
        ];
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = 256 + (state % 8192) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            let Ok(doc) = Doc::arbitrary_take_rest(Unstructured::new(&bytes)) else {
                continue;
            };
            let kind = match fcc_notice::parse_pdf(&doc.write()) {
                Ok(_) => "letter",
                Err(fcc_notice::Error::NotANotice { .. }) => "not-a-letter",
                Err(fcc_notice::Error::NoText { .. }) => "no-text",
                Err(_) => "other",
            };
            let n = kept.entry(kind).or_default();
            let cap = want.iter().find(|(k, _)| *k == kind).map_or(0, |w| w.1);
            if *n < cap {
                std::fs::write(format!("{dir}/{kind}-{n}.bin"), &bytes).expect("written");
                *n += 1;
            }
            if want
                .iter()
                .all(|(k, cap)| kept.get(k).copied().unwrap_or(0) >= *cap)
            {
                break;
            }
        }
        eprintln!("{kept:?}");
    }
}
