//! A letter as a PDF, written with lopdf: US Letter pages set in the base-14 fonts
//! (`/WinAnsiEncoding`, nothing embedded), as a word processor exports a letter: a centred
//! letterhead, justified paragraphs, raised footnote marks with the footnote bodies at the foot
//! of their page below a short rule, page numbers, and Attachment A as a ruled table on
//! (usually landscape) pages with its header row repeated.
//!
//! What producers vary, the rng draws: margins, type sizes and leading, paragraph spacing and
//! indents, how text is shown (a `Tj` per line with `Tw` justification, a `Tj` per word placed
//! with `Tm`, or `TJ` arrays with kerning numbers inside words), how a mark is raised (`Ts`
//! or a text object of its own), literal or hex strings, font resource names, `/Widths` or
//! not, compressed content streams or not, and in the table its font, column widths, padding,
//! header shading and rules (`m l S` lines or `re S` cells).
//!
//! Glyph widths come from the Adobe metrics of the base-14 fonts, so lines are wrapped,
//! centred and right-aligned where a real producer would put them; the reader advances the
//! text itself.

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Dictionary, Document, Object, Stream, StringFormat};

use super::doc::{Align, Block, Doc, ListStyle, Table};
use super::layout::{marks, paginate, para_words, runs, words, wrap, Item, Piece, Style, Word};
use super::rng::Rng;

/// A base-14 font of the letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Face {
    Roman,
    Bold,
    Italic,
    Sans,
    SansBold,
}

const FACES: [Face; 5] = [
    Face::Roman,
    Face::Bold,
    Face::Italic,
    Face::Sans,
    Face::SansBold,
];

impl Face {
    fn base_font(self) -> &'static str {
        match self {
            Face::Roman => "Times-Roman",
            Face::Bold => "Times-Bold",
            Face::Italic => "Times-Italic",
            Face::Sans => "Helvetica",
            Face::SansBold => "Helvetica-Bold",
        }
    }

    fn index(self) -> usize {
        FACES.iter().position(|&f| f == self).unwrap_or(0)
    }

    fn sans(self) -> bool {
        matches!(self, Face::Sans | Face::SansBold)
    }

    /// The advance of one WinAnsi byte, in 1/1000 em.
    fn advance(self, byte: u8) -> f64 {
        let table = match self {
            Face::Roman => &TIMES_ROMAN,
            Face::Bold => &TIMES_BOLD,
            Face::Italic => &TIMES_ITALIC,
            Face::Sans => &HELVETICA,
            Face::SansBold => &HELVETICA_BOLD,
        };
        let sans = self.sans();
        let w = match byte {
            32..=126 => table[usize::from(byte - 32)],
            0xA7 | 0x96 => 500 + 56 * u16::from(sans),
            0x91 | 0x92 => {
                if sans {
                    222
                } else {
                    333
                }
            }
            0x93 | 0x94 => {
                if sans {
                    333
                } else {
                    444
                }
            }
            0x95 => 350,
            0x97 => 1000,
            0xA0 | 0xB7 => {
                if sans {
                    278
                } else {
                    250
                }
            }
            _ => 556,
        };
        f64::from(w)
    }

    /// The width of `bytes` at `size` points.
    fn width(self, bytes: &[u8], size: f64) -> f64 {
        bytes.iter().map(|&b| self.advance(b)).sum::<f64>() * size / 1000.0
    }
}

/// Encodes text in WinAnsiEncoding; characters it lacks become `?`.
pub(crate) fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '§' => 0xA7,
            '’' => 0x92,
            '‘' => 0x91,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '·' => 0xB7,
            '€' => 0x80,
            '…' => 0x85,
            '™' => 0x99,
            '\u{a0}'..='\u{ff}' => c as u8,
            _ => b'?',
        })
        .collect()
}

/// How text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Show {
    /// One `Tj` per run of a style, spaces included, `Tw` for justification.
    Lines,
    /// Each word placed with its own `Tm`, no space glyphs.
    Words,
    /// `TJ` arrays with kerning numbers inside words, justification as numbers after spaces.
    Kerned,
}

/// What this PDF looks like; drawn once per letter.
#[derive(Debug, Clone)]
struct Look {
    width: f64,
    height: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    size: f64,
    leading: f64,
    note_size: f64,
    note_leading: f64,
    mark_scale: f64,
    rise_scale: f64,
    /// Space between blocks (points).
    block_space: f64,
    first_indent: f64,
    number_indent: f64,
    number_text: f64,
    list_indent: f64,
    letter_extra: f64,
    list_gap: f64,
    paren_letters: bool,
    justify: bool,
    show: Show,
    /// Marks are drawn as text objects of their own, not with `Ts`.
    mark_objects: bool,
    /// The footnote number at the foot is raised (else printed on the baseline).
    note_label_raised: bool,
    note_indent: f64,
    rule_length: f64,
    /// Letterhead: size of its first line and whether it is bold.
    letterhead_size: f64,
    letterhead_bold: bool,
    /// Bold lines use Helvetica-Bold.
    sans_bold: bool,
    number_from: usize,
    hex: bool,
    compress: bool,
    font_widths: bool,
    names: [String; 5],
    version: &'static str,
}

impl Look {
    fn draw(rng: &mut Rng) -> Self {
        let size = *rng.pick(&[12.0, 12.0, 11.5, 11.0]);
        let margin = *rng.pick(&[72.0, 72.0, 64.8, 90.0, 54.0]);
        let note_size = *rng.pick(&[10.0, 10.0, 9.0]);
        let prefix = rng.pick(&["F", "TT", "R", "Font"]).to_string();
        let start = rng.range(1, 9);
        let names = [0, 1, 2, 3, 4].map(|i| format!("{prefix}{}", start + i));
        Self {
            width: 612.0,
            height: 792.0,
            left: margin,
            right: margin + *rng.pick(&[0.0, 0.0, 18.0]),
            top: *rng.pick(&[72.0, 54.0, 60.0]),
            bottom: *rng.pick(&[72.0, 54.0, 60.0]),
            size,
            leading: (size * *rng.pick(&[1.15, 1.2, 1.25]) * 10.0).round() / 10.0,
            note_size,
            note_leading: note_size * 1.15,
            mark_scale: *rng.pick(&[0.58, 0.65, 0.67]),
            rise_scale: *rng.pick(&[0.33, 0.38, 0.42]),
            block_space: *rng.pick(&[0.0, 6.0, size, size * 1.2]),
            first_indent: *rng.pick(&[0.0, 36.0, 36.0, 54.0]),
            number_indent: *rng.pick(&[36.0, 18.0]),
            number_text: 72.0,
            list_indent: *rng.pick(&[18.0, 36.0, 27.0]),
            letter_extra: *rng.pick(&[18.0, 27.0]),
            list_gap: *rng.pick(&[18.0, 12.0, 6.0]),
            paren_letters: rng.chance(0.25),
            justify: rng.chance(0.7),
            show: *rng.pick(&[Show::Lines, Show::Words, Show::Kerned]),
            mark_objects: rng.chance(0.4),
            note_label_raised: rng.chance(0.7),
            note_indent: *rng.pick(&[0.0, 0.0, 18.0, 36.0]),
            rule_length: *rng.pick(&[144.0, 144.0, 180.0]),
            letterhead_size: *rng.pick(&[size, 14.0, 16.0, 18.0]),
            letterhead_bold: rng.chance(0.5),
            sans_bold: rng.chance(0.2),
            number_from: rng.range(1, 2),
            hex: rng.chance(0.15),
            compress: rng.chance(0.5),
            font_widths: rng.chance(0.4),
            names,
            version: *rng.pick(&["1.4", "1.5", "1.7"]),
        }
    }

    fn text_width(&self) -> f64 {
        self.width - self.left - self.right
    }

    fn bold(&self) -> Face {
        if self.sans_bold {
            Face::SansBold
        } else {
            Face::Bold
        }
    }
}

/// A line of text ready to draw: pieces of words at a left offset, in a base face and size.
#[derive(Debug, Clone)]
struct Line {
    /// Offset from the left margin (points).
    x: f64,
    words: Vec<Word>,
    /// The face of `Regular` pieces.
    face: Face,
    size: f64,
    /// Width to justify the line to, when it is not a paragraph's last line.
    justify: Option<f64>,
    /// Text set apart from the words at tab stops: a paragraph number or list label in the
    /// indent, a caption's `)` column; each with its offset from the margin.
    tabs: Vec<(f64, String)>,
}

/// The face a piece is set in, on a line whose roman face is `base`.
fn face_of(style: Style, base: Face) -> Face {
    match (style, base.sans()) {
        (Style::Bold, false) => Face::Bold,
        (Style::Bold, true) => Face::SansBold,
        (Style::Italic, _) => Face::Italic,
        _ => base,
    }
}

impl Look {
    /// The size of a piece of a line set at `size`.
    fn piece_size(&self, style: Style, size: f64) -> f64 {
        if style == Style::Mark {
            (size * self.mark_scale * 2.0).round() / 2.0
        } else {
            size
        }
    }

    fn word_width(&self, word: &Word, face: Face, size: f64) -> f64 {
        word.iter()
            .map(|p| {
                face_of(p.style, face).width(&win_ansi(&p.text), self.piece_size(p.style, size))
            })
            .sum()
    }

    /// Wraps words into lines at `first` / `rest` offsets from the left margin.
    fn prose(&self, words: &[Word], face: Face, size: f64, first: f64, rest: f64) -> Vec<Line> {
        let full = self.text_width();
        let measure = |w: &Word| self.word_width(w, face, size);
        let space = face.width(b" ", size);
        let lines = wrap(words, full - first, full - rest, space, &measure);
        let n = lines.len();
        lines
            .into_iter()
            .enumerate()
            .map(|(i, words)| {
                let x = if i == 0 { first } else { rest };
                let justify = (self.justify && i + 1 < n).then_some(full - x);
                Line {
                    x,
                    words,
                    face,
                    size,
                    justify,
                    tabs: Vec::new(),
                }
            })
            .collect()
    }

    /// One line of text placed by its alignment.
    fn placed(&self, text: &str, face: Face, size: f64, align: Align) -> Vec<Line> {
        let ws = words(&[(text.to_string(), Style::Regular)]);
        let mut lines = self.prose(&ws, face, size, 0.0, 0.0);
        for line in &mut lines {
            line.justify = None;
            let w = self.line_width(line);
            line.x = match align {
                Align::Left => 0.0,
                Align::Center => ((self.text_width() - w) / 2.0).max(0.0),
                Align::Right => (self.text_width() - w).max(0.0),
            };
        }
        lines
    }

    /// A line whose runs of spaces are tab stops (a caption's `)` column, `Adopted: … Released:
    /// …`): each segment starts where its column would be at half an em per character.
    fn tabbed(&self, text: &str, face: Face, size: f64) -> Line {
        let mut segments: Vec<(usize, String)> = Vec::new();
        let mut spaces = 0;
        for (col, c) in text.trim_end().chars().enumerate() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            match segments.last_mut() {
                Some((_, seg)) if spaces < 2 => {
                    seg.push_str(&" ".repeat(spaces));
                    seg.push(c);
                }
                _ => segments.push((col, c.to_string())),
            }
            spaces = 0;
        }
        let mut line = Line {
            x: 0.0,
            words: Vec::new(),
            face,
            size,
            justify: None,
            tabs: Vec::new(),
        };
        let mut end = 0.0f64;
        for (k, (col, seg)) in segments.into_iter().enumerate() {
            let seg_width = face.width(&win_ansi(&seg), size);
            // A segment set past the right margin is set against it, as a right tab stop
            // would (`Federal Communications Commission      DA 23-1259 DA 23-1259`).
            let x = (col as f64 * size * 0.5)
                .min(self.text_width() - seg_width)
                .max(end + size);
            end = x + seg_width;
            if k == 0 {
                line.x = col as f64 * size * 0.5;
                line.words = words(&[(seg, Style::Regular)]);
                end = line.x + self.line_width(&line);
            } else {
                line.tabs.push((x, seg));
            }
        }
        line
    }

    fn line_width(&self, line: &Line) -> f64 {
        let space = line.face.width(b" ", line.size);
        let words: f64 = line
            .words
            .iter()
            .map(|w| self.word_width(w, line.face, line.size))
            .sum();
        words + space * line.words.len().saturating_sub(1) as f64
    }
}

/// Renders `doc` as a PDF.
pub fn render(doc: &Doc, rng: &mut Rng) -> Vec<u8> {
    let look = Look::draw(rng);
    let items = body_items(doc, &look, rng);
    let mut note = |n: u32| note_lines(doc, &look, n);
    let capacity = look.height - look.top - look.bottom;
    let pages = paginate(items, capacity, look.note_leading, &mut note);

    let mut contents: Vec<(Vec<Operation>, f64, f64)> = Vec::new();
    for page in pages {
        let mut ops = Ops::new(&look, rng);
        let mut y = look.height - look.top;
        for (line, h) in &page.body {
            if let Some(line) = line {
                ops.line(line, look.left, y - line.size);
            }
            y -= h;
        }
        if !page.feet.is_empty() {
            let total: f64 = page.feet.iter().map(|(_, h)| h).sum();
            let mut y = look.bottom + total;
            ops.rule(
                look.left,
                y + look.note_leading * 0.4,
                look.left + look.rule_length,
                0.5,
            );
            for (line, h) in &page.feet {
                ops.line(line, look.left, y - line.size);
                y -= h;
            }
        }
        contents.push((ops.ops, look.width, look.height));
    }
    if let Some(table) = &doc.table {
        contents.extend(table_pages(table, &look, rng));
    }
    write(doc, &look, contents, rng)
}

/// The body's lines, before pagination.
fn body_items(doc: &Doc, look: &Look, rng: &mut Rng) -> Vec<Item<Line>> {
    let mut out: Vec<Item<Line>> = Vec::new();
    let mut gaps = 0usize;
    let mut break_next = false;
    let mut first_block = true;
    let push = |out: &mut Vec<Item<Line>>, line: Line, leading: f64| {
        let m = marks(&line.words);
        out.push(Item::line(line, leading, m));
    };
    for block in &doc.blocks {
        match block {
            Block::Gap => {
                gaps += 1;
                continue;
            }
            Block::PageBreak => {
                break_next = true;
                continue;
            }
            _ => {}
        }
        if !first_block {
            let space = look.block_space.max(gaps as f64 * look.leading);
            if space > 0.0 {
                out.push(Item::space(space));
            }
        }
        gaps = 0;
        let start = out.len();
        match block {
            Block::Lines { lines, align, bold } => {
                for (i, text) in lines.iter().enumerate() {
                    let letterhead = first_block && *align == Align::Center;
                    let (face, size) = match (letterhead, i) {
                        (true, 0) => (
                            if look.letterhead_bold {
                                look.bold()
                            } else {
                                Face::Roman
                            },
                            look.letterhead_size,
                        ),
                        (true, _) => (Face::Roman, look.size - 1.0),
                        _ if *bold => (look.bold(), look.size),
                        _ => (Face::Roman, look.size),
                    };
                    let leading = look.leading * size / look.size;
                    if text.trim().is_empty() {
                        out.push(Item::space(leading));
                    } else if *align == Align::Left && text.trim_end().contains("  ") {
                        push(&mut out, look.tabbed(text, face, size), leading);
                    } else {
                        for line in look.placed(text, face, size, *align) {
                            push(&mut out, line, leading);
                        }
                    }
                }
            }
            Block::Heading { text, align } => {
                for line in look.placed(text, look.bold(), look.size, *align) {
                    let mut item = Item::line(line, look.leading, Vec::new());
                    item.keep_with_next = true;
                    out.push(item);
                }
            }
            Block::Para {
                run_in,
                number,
                text,
            } => {
                let ws = para_words(run_in.as_deref(), text);
                let mut lines = match number {
                    Some(_) => look.prose(&ws, Face::Roman, look.size, look.number_text, 0.0),
                    None => {
                        let first = if run_in.is_none() {
                            look.first_indent
                        } else {
                            0.0
                        };
                        look.prose(&ws, Face::Roman, look.size, first, 0.0)
                    }
                };
                if let (Some(n), Some(first)) = (number, lines.first_mut()) {
                    first.tabs.push((look.number_indent, format!("{n}.")));
                }
                for line in lines {
                    push(&mut out, line, look.leading);
                }
            }
            Block::List { style, items } => {
                let x = look.list_indent
                    + if *style == ListStyle::Lettered {
                        look.letter_extra
                    } else {
                        0.0
                    };
                let labels: Vec<String> = (0..items.len())
                    .map(|k| list_label(*style, k, look.paren_letters))
                    .collect();
                let label_w = labels
                    .iter()
                    .map(|l| Face::Roman.width(&win_ansi(l), look.size))
                    .fold(0.0, f64::max);
                let text_x = x + label_w.max(12.0) + look.list_gap;
                for (item, label) in items.iter().zip(&labels) {
                    let mut lines =
                        look.prose(&words(&runs(item)), Face::Roman, look.size, text_x, text_x);
                    if let Some(first) = lines.first_mut() {
                        first.tabs.push((x, label.clone()));
                    }
                    for line in lines {
                        push(&mut out, line, look.leading);
                    }
                }
            }
            Block::SignatureImage(_) => {
                out.push(Item::space(look.leading * rng.range(3, 5) as f64));
            }
            Block::PageBreak | Block::Gap => {}
        }
        if break_next {
            if let Some(item) = out.get_mut(start) {
                item.break_before = true;
            }
            break_next = false;
        }
        first_block = false;
    }
    out
}

/// A list item's label.
fn list_label(style: ListStyle, k: usize, paren: bool) -> String {
    match style {
        ListStyle::Numbered => format!("{}.", k + 1),
        ListStyle::Lettered => {
            let letter = char::from(b'a' + (k % 26) as u8);
            if paren {
                format!("({letter})")
            } else {
                format!("{letter}.")
            }
        }
        ListStyle::Bullet => "•".to_string(),
        ListStyle::MiddleDot => "·".to_string(),
    }
}

/// The lines of footnote `n` at a page foot, in the smaller size; its number raised before
/// the text or printed on the baseline.
fn note_lines(doc: &Doc, look: &Look, n: u32) -> Vec<(Line, f64)> {
    let Some(body) = doc.footnotes.get(n as usize - 1) else {
        return Vec::new();
    };
    let style = if look.note_label_raised {
        Style::Mark
    } else {
        Style::Regular
    };
    let mut ws: Vec<Word> = vec![vec![Piece {
        text: n.to_string(),
        style,
    }]];
    ws.extend(words(&[(body.clone(), Style::Regular)]));
    let mut lines = look.prose(&ws, Face::Roman, look.note_size, look.note_indent, 0.0);
    if !look.justify {
        for line in &mut lines {
            line.justify = None;
        }
    }
    lines.into_iter().map(|l| (l, look.note_leading)).collect()
}

/// The text state a piece is shown in.
#[derive(Debug, Clone, Copy, PartialEq)]
struct State {
    face: Face,
    size: f64,
    rise: f64,
}

/// Content-stream operations of one page.
struct Ops<'a> {
    ops: Vec<Operation>,
    look: &'a Look,
    rng: &'a mut Rng,
}

/// A number operand, rounded as producers print them.
fn num(x: f64) -> Object {
    let r = (x * 1000.0).round() / 1000.0;
    if r.fract() == 0.0 && r.abs() < 1e9 {
        Object::Integer(r as i64)
    } else {
        Object::Real(r as f32)
    }
}

impl<'a> Ops<'a> {
    fn new(look: &'a Look, rng: &'a mut Rng) -> Self {
        Self {
            ops: Vec::new(),
            look,
            rng,
        }
    }

    fn op(&mut self, name: &str, operands: Vec<Object>) {
        self.ops.push(Operation::new(name, operands));
    }

    fn string(&self, bytes: Vec<u8>) -> Object {
        let format = if self.look.hex {
            StringFormat::Hexadecimal
        } else {
            StringFormat::Literal
        };
        Object::String(bytes, format)
    }

    fn font(&mut self, face: Face, size: f64) {
        let name = self.look.names[face.index()].clone();
        self.op("Tf", vec![Object::Name(name.into_bytes()), num(size)]);
    }

    fn at(&mut self, x: f64, y: f64) {
        self.op(
            "Tm",
            vec![num(1.0), num(0.0), num(0.0), num(1.0), num(x), num(y)],
        );
    }

    /// A horizontal rule.
    fn rule(&mut self, x1: f64, y: f64, x2: f64, width: f64) {
        self.op("w", vec![num(width)]);
        self.op("m", vec![num(x1), num(y)]);
        self.op("l", vec![num(x2), num(y)]);
        self.op("S", vec![]);
    }

    /// Text on one baseline at `x`, `y`, in one face, outside any other text object.
    fn text(&mut self, text: &str, face: Face, size: f64, x: f64, y: f64) {
        self.op("BT", vec![]);
        self.font(face, size);
        self.at(x, y);
        let s = self.string(win_ansi(text));
        self.op("Tj", vec![s]);
        self.op("ET", vec![]);
    }

    fn state(&self, piece: &Piece, line: &Line) -> State {
        let size = self.look.piece_size(piece.style, line.size);
        let rise = if piece.style == Style::Mark {
            (line.size * self.look.rise_scale * 2.0).round() / 2.0
        } else {
            0.0
        };
        State {
            face: face_of(piece.style, line.face),
            size,
            rise,
        }
    }

    fn set(&mut self, from: Option<State>, to: State) {
        if from.map(|f| (f.face, f.size)) != Some((to.face, to.size)) {
            self.font(to.face, to.size);
        }
        if from.map_or(0.0, |f| f.rise) != to.rise {
            self.op("Ts", vec![num(to.rise)]);
        }
    }

    /// The extra width each space of a justified line gets.
    fn stretch(&self, line: &Line) -> f64 {
        let gaps = line.words.len().saturating_sub(1);
        match line.justify {
            Some(target) if gaps > 0 => {
                let extra = (target - self.look.line_width(line)) / gaps as f64;
                if extra > 0.0 && extra < line.size {
                    extra
                } else {
                    0.0
                }
            }
            _ => 0.0,
        }
    }

    /// Draws a line with its baseline at `y`, its margin at `left`.
    fn line(&mut self, line: &Line, left: f64, y: f64) {
        for (x, text) in &line.tabs {
            self.text(text, line.face, line.size, left + x, y);
        }
        match self.look.show {
            Show::Lines => self.line_tj(line, left + line.x, y),
            Show::Words => self.line_words(line, left + line.x, y),
            Show::Kerned => self.line_kerned(line, left + line.x, y),
        }
    }

    /// One `Tj` per run of a state; spaces stretched with `Tw`.
    fn line_tj(&mut self, line: &Line, x: f64, y: f64) {
        let tw = self.stretch(line);
        self.op("BT", vec![]);
        self.op("Td", vec![num(x), num(y)]);
        if tw > 0.0 {
            self.op("Tw", vec![num(tw)]);
        }
        let mut state: Option<State> = None;
        let mut run: Vec<u8> = Vec::new();
        for (i, word) in line.words.iter().enumerate() {
            if i > 0 {
                run.push(b' ');
            }
            for piece in word {
                let next = self.state(piece, line);
                if state != Some(next) {
                    if !run.is_empty() {
                        let s = self.string(std::mem::take(&mut run));
                        self.op("Tj", vec![s]);
                    }
                    self.set(state, next);
                    state = Some(next);
                }
                run.extend(win_ansi(&piece.text));
            }
        }
        if !run.is_empty() {
            let s = self.string(run);
            self.op("Tj", vec![s]);
        }
        self.end_text(state, tw);
    }

    /// Resets the text state this line changed and closes the text object.
    fn end_text(&mut self, state: Option<State>, tw: f64) {
        if state.is_some_and(|s| s.rise != 0.0) {
            self.op("Ts", vec![num(0.0)]);
        }
        if tw > 0.0 {
            self.op("Tw", vec![num(0.0)]);
        }
        self.op("ET", vec![]);
    }

    /// Each word placed with `Tm`; marks raised with `Ts` or placed as text of their own.
    fn line_words(&mut self, line: &Line, x: f64, y: f64) {
        let stretch = self.stretch(line);
        let space = line.face.width(b" ", line.size) + stretch;
        self.op("BT", vec![]);
        let mut state: Option<State> = None;
        let mut wx = x;
        for word in &line.words {
            self.at(wx, y);
            let mut px = wx;
            let mut raised = false;
            for piece in word {
                let mut next = self.state(piece, line);
                let bytes = win_ansi(&piece.text);
                if next.rise != 0.0 && self.look.mark_objects {
                    self.at(px, y + next.rise);
                    next.rise = 0.0;
                    raised = true;
                } else if raised {
                    self.at(px, y);
                    raised = false;
                }
                if state != Some(next) {
                    self.set(state, next);
                    state = Some(next);
                }
                px += next.face.width(&bytes, next.size);
                let s = self.string(bytes);
                self.op("Tj", vec![s]);
            }
            wx += self.look.word_width(word, line.face, line.size) + space;
        }
        self.end_text(state, 0.0);
    }

    /// `TJ` arrays: kerning numbers inside some words, justification after spaces.
    fn line_kerned(&mut self, line: &Line, x: f64, y: f64) {
        let stretch = self.stretch(line);
        self.op("BT", vec![]);
        self.op("Td", vec![num(x), num(y)]);
        let mut state: Option<State> = None;
        let mut array: Vec<Object> = Vec::new();
        let mut run: Vec<u8> = Vec::new();
        for (i, word) in line.words.iter().enumerate() {
            for (k, piece) in word.iter().enumerate() {
                let next = self.state(piece, line);
                if state != Some(next) {
                    if !run.is_empty() {
                        array.push(self.string(std::mem::take(&mut run)));
                    }
                    if !array.is_empty() {
                        self.op("TJ", vec![Object::Array(std::mem::take(&mut array))]);
                    }
                    self.set(state, next);
                    state = Some(next);
                }
                if i > 0 && k == 0 {
                    run.push(b' ');
                    if stretch > 0.0 {
                        array.push(self.string(std::mem::take(&mut run)));
                        array.push(num(-(stretch * 1000.0 / next.size).round()));
                    }
                }
                let bytes = win_ansi(&piece.text);
                if piece.style != Style::Mark && bytes.len() >= 4 && self.rng.chance(0.3) {
                    // Pair kerning inside the word, as typesetters apply it.
                    let cut = 1 + self.rng.below(bytes.len() - 2);
                    run.extend(&bytes[..cut]);
                    array.push(self.string(std::mem::take(&mut run)));
                    array.push(num(*self.rng.pick(&[10.0, 15.0, 18.0, 25.0, 30.0, -10.0])));
                    run.extend(&bytes[cut..]);
                } else {
                    run.extend(bytes);
                }
            }
        }
        if !run.is_empty() {
            array.push(self.string(run));
        }
        if !array.is_empty() {
            self.op("TJ", vec![Object::Array(array)]);
        }
        self.end_text(state, 0.0);
    }
}

// ---------------------------------------------------------------------------------------------
// Attachment A.

/// How the table is drawn; drawn once per letter.
struct TableLook {
    width: f64,
    height: f64,
    face: Face,
    bold: Face,
    size: f64,
    leading: f64,
    pad: f64,
    /// Column widths (points, padding included).
    widths: Vec<f64>,
    header_centred: bool,
    shade: bool,
    /// Rules as `re S` cell boxes (else `m l S` lines).
    boxes: bool,
    repeat_header: bool,
    title_size: f64,
}

impl TableLook {
    fn draw(table: &Table, look: &Look, rng: &mut Rng) -> Self {
        let sans = rng.chance(0.5);
        let (face, bold) = if sans {
            (Face::Sans, Face::SansBold)
        } else {
            (Face::Roman, Face::Bold)
        };
        let size = *rng.pick(&[9.0, 10.0, 10.0, 11.0]);
        let pad = *rng.pick(&[3.0, 4.0, 5.4]);
        let landscape = rng.chance(0.75);
        let (width, height) = if landscape {
            (792.0, 612.0)
        } else {
            (612.0, 792.0)
        };
        let wrap_headers = rng.chance(0.5);
        let longest = |s: &str, f: Face| {
            s.split(' ')
                .map(|w| f.width(&win_ansi(w), size))
                .fold(0.0, f64::max)
        };
        let mut widths = Vec::new();
        let mut floors = Vec::new();
        for (c, head) in table.header.iter().enumerate() {
            let cells: Vec<&String> = table.rows.iter().filter_map(|r| r.get(c)).collect();
            let natural = cells
                .iter()
                .map(|s| face.width(&win_ansi(s), size))
                .fold(0.0, f64::max);
            let word = cells
                .iter()
                .map(|s| longest(s, face))
                .fold(longest(head, bold), f64::max);
            let floor = word.max(natural.min(size * 7.0));
            let head_w = if wrap_headers {
                longest(head, bold)
            } else {
                bold.width(&win_ansi(head), size)
            };
            let cap = size * rng.range(9, 16) as f64;
            let w = if natural > cap {
                cap.max(floor)
            } else {
                natural
            }
            .max(head_w)
            .max(floor);
            widths.push(w + 2.0 * pad + 1.0);
            floors.push(floor + 2.0 * pad + 1.0);
        }
        let avail = width - look.left - look.right.min(look.left);
        let mut total: f64 = widths.iter().sum();
        while total > avail {
            let widest = widths
                .iter()
                .enumerate()
                .filter(|&(c, &w)| w > floors[c] + 1.0)
                .max_by(|a, b| a.1.total_cmp(b.1));
            let Some((c, _)) = widest else { break };
            widths[c] -= 1.0;
            total -= 1.0;
        }
        // Spread what is left over, as a table set to the full text width is.
        if rng.chance(0.5) && total < avail {
            let extra = (avail - total) / widths.len() as f64;
            for w in &mut widths {
                *w += extra;
            }
        }
        Self {
            width,
            height,
            face,
            bold,
            size,
            leading: size * 1.15,
            pad,
            widths,
            header_centred: rng.chance(0.7),
            shade: rng.chance(0.4),
            boxes: rng.chance(0.3),
            repeat_header: rng.chance(0.8),
            title_size: *rng.pick(&[12.0, 12.0, 14.0]),
        }
    }

    /// A cell's text wrapped to its column.
    fn cell_lines(&self, text: &str, c: usize, face: Face) -> Vec<String> {
        let ws = words(&[(text.to_string(), Style::Regular)]);
        let room = self.widths[c] - 2.0 * self.pad - 1.0;
        let measure = |w: &Word| face.width(&win_ansi(&w[0].text), self.size);
        wrap(&ws, room, room, face.width(b" ", self.size), &measure)
            .iter()
            .map(|l| {
                l.iter()
                    .map(|w| w[0].text.clone())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }
}

/// Draws one table row (cells wrapped into lines) with its top at `top`; returns its height.
fn table_row(
    ops: &mut Ops<'_>,
    t: &TableLook,
    x0: f64,
    top: f64,
    cells: &[Vec<String>],
    header: bool,
) -> f64 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let h = lines as f64 * t.leading + 2.0 * t.pad;
    let face = if header { t.bold } else { t.face };
    if header && t.shade {
        ops.op("g", vec![num(0.85)]);
        let w: f64 = t.widths.iter().sum();
        ops.op("re", vec![num(x0), num(top - h), num(w), num(h)]);
        ops.op("f", vec![]);
        ops.op("g", vec![num(0.0)]);
    }
    let mut x = x0;
    for (c, cell) in cells.iter().enumerate() {
        for (k, text) in cell.iter().enumerate() {
            let tw = face.width(&win_ansi(text), t.size);
            let inset = if header && t.header_centred {
                (t.widths[c] - tw) / 2.0
            } else {
                t.pad
            };
            let y = top - t.pad - t.size * 0.85 - k as f64 * t.leading;
            ops.text(text, face, t.size, x + inset, y);
        }
        if t.boxes {
            ops.op("re", vec![num(x), num(top - h), num(t.widths[c]), num(h)]);
            ops.op("S", vec![]);
        }
        x += t.widths[c];
    }
    h
}

/// The pages of Attachment A: their operations and sizes.
fn table_pages(table: &Table, look: &Look, rng: &mut Rng) -> Vec<(Vec<Operation>, f64, f64)> {
    let t = TableLook::draw(table, look, rng);
    let header: Vec<Vec<String>> = table
        .header
        .iter()
        .enumerate()
        .map(|(c, h)| t.cell_lines(h, c, t.bold))
        .collect();
    let rows: Vec<Vec<Vec<String>>> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .map(|(c, cell)| t.cell_lines(cell, c, t.face))
                .collect()
        })
        .collect();
    let total: f64 = t.widths.iter().sum();
    let x0 = ((t.width - total) / 2.0).max(18.0).min(look.left);
    let bottom = look.bottom;
    let mut pages = Vec::new();
    let mut next = 0;
    while next < rows.len() {
        let mut ops = Ops::new(look, rng);
        let mut top = t.height - look.top;
        if pages.is_empty() {
            let w = Face::Bold.width(&win_ansi(&table.title), t.title_size);
            ops.text(
                &table.title,
                Face::Bold,
                t.title_size,
                (t.width - w) / 2.0,
                top - t.title_size,
            );
            top -= t.title_size * 2.5;
        }
        let table_top = top;
        let mut boundaries = vec![top];
        ops.op("w", vec![num(0.5)]);
        if pages.is_empty() || t.repeat_header {
            top -= table_row(&mut ops, &t, x0, top, &header, true);
            boundaries.push(top);
        }
        let first = next;
        while next < rows.len() {
            let lines = rows[next].iter().map(Vec::len).max().unwrap_or(1).max(1);
            let h = lines as f64 * t.leading + 2.0 * t.pad;
            if top - h < bottom && next > first {
                break;
            }
            top -= table_row(&mut ops, &t, x0, top, &rows[next], false);
            boundaries.push(top);
            next += 1;
        }
        if !t.boxes {
            for &y in &boundaries {
                ops.op("m", vec![num(x0), num(y)]);
                ops.op("l", vec![num(x0 + total), num(y)]);
            }
            let mut x = x0;
            for w in std::iter::once(0.0).chain(t.widths.iter().copied()) {
                x += w;
                ops.op("m", vec![num(x), num(table_top)]);
                ops.op("l", vec![num(x), num(top)]);
            }
            ops.op("S", vec![]);
        }
        pages.push((ops.ops, t.width, t.height));
    }
    pages
}

// ---------------------------------------------------------------------------------------------
// The file.

/// Adds the running header and page number to each page and writes the document.
fn write(doc: &Doc, look: &Look, pages: Vec<(Vec<Operation>, f64, f64)>, rng: &mut Rng) -> Vec<u8> {
    let mut pdf = Document::with_version(look.version);
    let pages_id = pdf.new_object_id();
    let mut fonts = Dictionary::new();
    for face in FACES {
        let mut font = dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => face.base_font(),
            "Encoding" => "WinAnsiEncoding",
        };
        if look.font_widths {
            let widths: Vec<Object> = (32..=255u8)
                .map(|b| Object::Integer(face.advance(b) as i64))
                .collect();
            font.set("FirstChar", Object::Integer(32));
            font.set("LastChar", Object::Integer(255));
            font.set("Widths", widths);
        }
        let id = pdf.add_object(font);
        fonts.set(look.names[face.index()].as_bytes(), id);
    }
    let resources_id = pdf.add_object(dictionary! { "Font" => fonts });
    let count = pages.len();
    let mut kids = Vec::new();
    for (i, (ops, width, height)) in pages.into_iter().enumerate() {
        let mut furniture = Ops::new(look, rng);
        if let (true, Some(header)) = (i > 0, &doc.running_header) {
            let y = height - look.top / 2.0 - look.size / 2.0;
            furniture.text(&header.left, Face::Roman, look.size, look.left, y);
            let w = Face::Roman.width(&win_ansi(&header.right), look.size);
            furniture.text(
                &header.right,
                Face::Roman,
                look.size,
                width - look.right - w,
                y,
            );
        }
        if doc.page_numbers && i + 1 >= look.number_from {
            let n = (i + 1).to_string();
            let w = Face::Roman.width(n.as_bytes(), look.size);
            furniture.text(
                &n,
                Face::Roman,
                look.size,
                (width - w) / 2.0,
                look.bottom / 2.0,
            );
        }
        let mut operations = furniture.ops;
        operations.extend(ops);
        let bytes = Content { operations }.encode().unwrap();
        let mut stream = Stream::new(dictionary! {}, bytes);
        if look.compress {
            stream.compress().unwrap();
        }
        let content_id = pdf.add_object(stream);
        let page_id = pdf.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), num(width), num(height)],
            "Resources" => resources_id,
        });
        kids.push(page_id.into());
    }
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count as i64,
        }),
    );
    let catalog_id = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    pdf.trailer.set("Root", catalog_id);
    if rng.chance(0.5) {
        let producer = *rng.pick(&[
            "Microsoft® Word for Microsoft 365",
            "LibreOffice 7.4",
            "Acrobat Distiller 21.0",
        ]);
        let info = pdf
            .add_object(dictionary! { "Producer" => Object::string_literal(win_ansi(producer)) });
        pdf.trailer.set("Info", info);
    }
    let mut out = Vec::new();
    pdf.save_to(&mut out).unwrap();
    out
}

/// Times Roman: advance widths (1/1000 em) of ASCII 32–126, from the Adobe AFM.
const TIMES_ROMAN: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 333, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 333,
];
/// Times Bold: advance widths (1/1000 em) of ASCII 32–126, from the Adobe AFM.
const TIMES_BOLD: [u16; 95] = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667,
    611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
    722, 667, 333, 278, 333, 333, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
    278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 333,
];
/// Times Italic: advance widths (1/1000 em) of ASCII 32–126, from the Adobe AFM.
const TIMES_ITALIC: [u16; 95] = [
    250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 333, 333, 675, 675, 675, 500, 920, 611, 611, 667, 722, 611,
    611, 722, 722, 333, 444, 667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611,
    556, 556, 389, 278, 389, 333, 500, 333, 500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444,
    278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389, 400, 275, 400, 333,
];
/// Helvetica: advance widths (1/1000 em) of ASCII 32–126, from the Adobe AFM.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 333, 556, 222, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 333,
];
/// Helvetica Bold: advance widths (1/1000 em) of ASCII 32–126, from the Adobe AFM.
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 333, 556, 278, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 333,
];
