//! Placed glyphs → the markdown-ish text the text lexer reads.
//!
//! Per page: glyphs inside a ruled grid become table rows (cells joined by tabs); the others
//! become lines by baseline, with smaller raised runs as `<sup>n</sup>` footnote marks and a
//! space wherever the gap between glyphs exceeds 0.15 em. Lines become paragraphs (a line that
//! reaches the right margin continues on the next), page numbers are dropped, the footnotes
//! at the foot of a page follow a `---` rule, and pages are separated by form feeds. A table
//! row split across a page break is merged again.

use super::content::{Glyph, PageContent};
use super::grid::Grid;
use super::Notes;
use crate::error::Error;
use crate::limits::Limits;
use std::collections::HashMap;

// Thresholds of the page reader. Sizes and distances are in PDF points (1/72 in); ratios of a
// font size are in ems; page fractions are measured from the top of the page.

/// Sizes are counted to half a point when the body size is found ([`body_size`]).
const SIZE_BINS_PER_POINT: f32 = 2.0;
/// The body size of a page without glyphs.
const DEFAULT_BODY_SIZE: f32 = 12.0;
/// A line set smaller than this share of the body size may be a footnote.
const NOTE_SIZE: f32 = 0.92;
/// Footnotes stand below this share of the page's height.
const FOOT_OF_PAGE: f32 = 0.4;
/// Two lines are set in the same size when their sizes differ by at most this share.
const SAME_SIZE: f32 = 0.1;
/// A line reaches the right margin when it ends within this share of its width of it.
const MARGIN_REACH: f32 = 0.08;
/// A gap between lines larger than this many times their size starts a paragraph.
const PARAGRAPH_GAP: f32 = 1.45;
/// A line set in (or back out) by more than this starts a paragraph or an item's later lines.
const INDENT: f32 = 4.0;
/// A line continues a list item of the previous page when set within this of its later lines.
const HANGING_SLACK: f32 = 2.0;
/// A page number stands below this share of the page's height …
const PAGE_NUMBER_BOTTOM: f32 = 0.88;
/// … or above this one …
const PAGE_NUMBER_TOP: f32 = 0.06;
/// … centred within this share of the page's width.
const PAGE_NUMBER_CENTRE: f32 = 0.15;
/// Glyphs smaller than this are invisible (clipping tricks, hidden text).
const MIN_GLYPH_SIZE: f32 = 0.5;
/// Glyphs whose baselines differ by at most this many ems stand on one line.
const SAME_BASELINE: f32 = 0.2;
/// A footnote mark is set smaller than this share of its line's size …
const MARK_SIZE: f32 = 0.85;
/// … and raised above its baseline by less than this many ems.
const MARK_RAISE: f32 = 0.75;
/// A gap between glyphs wider than this many ems is a space.
const WORD_GAP: f32 = 0.15;

/// A line of text on a page, as laid out: its text is a range of the page's text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placed {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    start: u32,
    end: u32,
}

impl Placed {
    /// The line's text in its page's `text`.
    pub(super) fn text(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// The line with its text.
    fn with<'t>(self, text: &'t str) -> Line<'t> {
        Line {
            x0: self.x0,
            x1: self.x1,
            y: self.y,
            size: self.size,
            text: self.text(text),
        }
    }
}

/// A line of text on a page, as written.
#[derive(Debug, Clone, Copy)]
struct Line<'t> {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: &'t str,
}

/// What a page contributes, top to bottom.
#[derive(Debug)]
enum Block<'t> {
    Line(Line<'t>),
    Row(Vec<String>),
}

/// How many glyphs of each size (to half a point) a document has, for its most common size:
/// the body text's, when the glyphs of ruled tables are left out (a long Attachment A may be
/// set smaller and hold more glyphs than the letter).
#[derive(Debug, Default)]
struct SizeCounts {
    /// Size key → (glyphs, the order in which the key was first seen).
    counts: HashMap<i32, (usize, usize)>,
    /// The last glyphs counted, all of one size key, not yet in `counts`.
    run: Option<(i32, usize)>,
}

impl SizeCounts {
    /// Counts a glyph.
    fn add(&mut self, g: &Glyph) {
        let key = (g.size * SIZE_BINS_PER_POINT).round() as i32;
        match &mut self.run {
            Some((k, n)) if *k == key => *n += 1,
            run => {
                if let Some((k, n)) = run.replace((key, 1)) {
                    let order = self.counts.len();
                    self.counts.entry(k).or_insert((0, order)).0 += n;
                }
            }
        }
    }

    /// Whether no glyph was counted.
    fn is_empty(&self) -> bool {
        self.counts.is_empty() && self.run.is_none()
    }

    /// The most common size (of those as common, the one seen first last), or the default.
    fn most_common(mut self) -> f32 {
        if let Some((k, n)) = self.run.take() {
            let order = self.counts.len();
            self.counts.entry(k).or_insert((0, order)).0 += n;
        }
        self.counts
            .iter()
            .max_by_key(|(_, &(n, order))| (n, order))
            .map_or(DEFAULT_BODY_SIZE, |(k, _)| *k as f32 / SIZE_BINS_PER_POINT)
    }
}

/// A page laid out: its lines (page numbers too) and its table rows, top to bottom, and
/// what reading it noted.
#[derive(Debug)]
struct Laid {
    width: f32,
    height: f32,
    /// The text of the lines, one after another.
    text: String,
    lines: Vec<Placed>,
    /// Rows as their cells joined by tabs (split again when written).
    rows: Vec<(f32, String)>,
    notes: Vec<String>,
}

/// A document's pages laid out one at a time (each page's glyphs are dropped once its lines
/// and rows are made), then written out: the body size and the right margin are the whole
/// document's.
#[derive(Debug)]
pub(super) struct Layout<'l> {
    limits: &'l Limits,
    pages: Vec<Laid>,
    /// Sizes of the glyphs outside ruled tables, and of all glyphs.
    outside: SizeCounts,
    all: SizeCounts,
    glyphs: usize,
    images: usize,
    /// Bytes of text the laid-out pages will write, at least.
    text: usize,
}

impl<'l> Layout<'l> {
    /// No pages yet.
    pub(super) fn new(limits: &'l Limits) -> Self {
        Layout {
            limits,
            pages: Vec::new(),
            outside: SizeCounts::default(),
            all: SizeCounts::default(),
            glyphs: 0,
            images: 0,
            text: 0,
        }
    }

    /// How many pages were added.
    pub(super) fn pages(&self) -> usize {
        self.pages.len()
    }

    /// How many glyphs with text they hold.
    pub(super) fn glyphs(&self) -> usize {
        self.glyphs
    }

    /// How many images they draw.
    pub(super) fn images(&self) -> usize {
        self.images
    }

    /// The TooLarge error of the text bound.
    fn too_much_text(&self) -> Error {
        Error::TooLarge {
            what: "bytes of text",
            limit: self.limits.max_text,
            setting: "max_text",
        }
    }

    /// Lays out a page (with the notes reading it gave) and drops its glyphs.
    pub(super) fn add(&mut self, page: PageContent, notes: Vec<String>) -> Result<(), Error> {
        let grid = Grid::find(&page.rules);
        let (inside, outside): (Vec<&Glyph>, Vec<&Glyph>) = page
            .glyphs
            .iter()
            .partition(|g| grid.as_ref().is_some_and(|t| t.contains(g)));
        for g in &outside {
            self.outside.add(g);
        }
        // All glyphs' sizes count only while no glyph stood outside a table.
        if self.outside.is_empty() {
            for g in &page.glyphs {
                self.all.add(g);
            }
        }
        let mut text = String::new();
        let mut scratch = Scratch::default();
        let lines = lines(&page, &outside, &mut text, &mut scratch);
        text.shrink_to_fit();
        let rows = grid.map_or_else(Vec::new, |grid| grid.rows(&page, &inside, &mut scratch));
        let laid = text.len() + lines.len() + rows.iter().map(|(_, r)| r.len() + 1).sum::<usize>();
        self.text = self.text.saturating_add(laid);
        if self.text > self.limits.max_text {
            return Err(self.too_much_text());
        }
        self.glyphs += page.glyphs.len();
        self.images += page.images;
        self.pages.push(Laid {
            width: page.width,
            height: page.height,
            text,
            lines,
            rows,
            notes,
        });
        Ok(())
    }

    /// The text of all pages, and the notes at their pages' offsets in it.
    pub(super) fn finish(self) -> Result<(String, Notes), Error> {
        let limits = self.limits;
        let body = if self.outside.is_empty() {
            self.all.most_common()
        } else {
            self.outside.most_common()
        };
        // The document's right margin: a page with only short lines (a signature page) has
        // no line that reaches it.
        let right = self
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .filter(|l| l.size >= body * NOTE_SIZE)
            .map(|l| l.x1)
            .fold(0.0f32, f32::max);
        let mut out = String::new();
        let mut notes = Notes::new();
        let mut table = Table::default();
        // The hanging indent of a list item that the last page ended in.
        let mut hanging: Option<(f32, f32)> = None;
        for (n, page) in self.pages.into_iter().enumerate() {
            if n > 0 {
                out.push_str("\n\u{c}\n");
            }
            notes.extend(page.notes.into_iter().map(|note| (out.len(), note)));
            let size = (page.width, page.height);
            let mut blocks: Vec<(f32, Block)> = page
                .lines
                .into_iter()
                .map(|l| l.with(&page.text))
                .filter(|l| !is_page_number(l, size))
                .map(|l| (l.y, Block::Line(l)))
                .collect();
            blocks.extend(
                page.rows
                    .into_iter()
                    .map(|(y, r)| (y, Block::Row(r.split('\t').map(str::to_owned).collect()))),
            );
            blocks.sort_by(|a, b| a.0.total_cmp(&b.0));
            emit_page(
                &mut out,
                blocks,
                (body, right),
                size,
                (&mut table, &mut hanging),
            );
        }
        if let Some(row) = table.pending.take() {
            push_row(&mut out, &row);
        }
        if out.len() > limits.max_text {
            return Err(Error::TooLarge {
                what: "bytes of text",
                limit: limits.max_text,
                setting: "max_text",
            });
        }
        Ok((out, notes))
    }
}

/// A table as it runs across pages: its header (to drop where a page repeats it) and the
/// last row read (held back, since the next page may continue it).
#[derive(Debug, Default)]
struct Table {
    header: Option<Vec<String>>,
    pending: Option<Vec<String>>,
}

impl Table {
    /// Takes a table row: the header (once; repeated at the top of a new page, skipped:
    /// returns false), a row continued from the previous page (an empty first cell) joined to
    /// the pending one, else a new pending row, the last one written.
    fn row(&mut self, out: &mut String, cells: &[String]) -> bool {
        match &self.header {
            None => self.header = Some(cells.to_vec()),
            Some(header) if header == cells => return false,
            Some(_) => {}
        }
        let continued = cells.first().is_some_and(|c| c.is_empty()) && self.pending.is_some();
        match self.pending.as_mut() {
            Some(last) if continued => {
                for (a, b) in last.iter_mut().zip(cells) {
                    if !b.is_empty() {
                        if !a.is_empty() {
                            a.push(' ');
                        }
                        a.push_str(b);
                    }
                }
            }
            _ => {
                if let Some(done) = self.pending.replace(cells.to_vec()) {
                    push_row(out, &done);
                }
            }
        }
        true
    }
}

/// Writes a table row: its cells joined by tabs, and a line break.
fn push_row(out: &mut String, row: &[String]) {
    out.push_str(&row.join("\t"));
    out.push('\n');
}

/// Emits one page's blocks: paragraphs, then the footnotes after a `---` rule. `hanging` is
/// the x of the first line and of the later lines of a list item that the previous page ended
/// in (its later lines set in, under the item's text); a first line of this page set at the
/// later lines' x goes on with the item, and is emitted indented so that the lexer sees it so.
/// It is updated for the next page.
fn emit_page(
    out: &mut String,
    blocks: Vec<(f32, Block)>,
    (body, right): (f32, f32),
    page: (f32, f32),
    (table, hanging): (&mut Table, &mut Option<(f32, f32)>),
) {
    let notes_from = notes_start(&blocks, body, page.1);
    let mut items = Items {
        carried: hanging.take(),
        item_x: None,
        last_x: None,
        first_body_line: true,
    };
    let mut prev: Option<&Line> = None;
    let mut in_table = false;
    for (i, (_, block)) in blocks.iter().enumerate() {
        if i == notes_from {
            out.push_str("\n\n---\n");
            prev = None;
        }
        match block {
            Block::Row(cells) => {
                if !in_table {
                    out.push_str("\n\n");
                    in_table = true;
                }
                if table.row(out, cells) {
                    prev = None;
                }
            }
            Block::Line(line) => {
                if let Some(done) = table.pending.take() {
                    push_row(out, &done);
                }
                in_table = false;
                let note = i >= notes_from;
                let paragraph = line_break(out, prev, line, note, right);
                if !note {
                    items.body_line(out, line, paragraph);
                }
                out.push_str(line.text);
                prev = Some(line);
            }
        }
    }
    *hanging = match (items.item_x, items.last_x) {
        (Some(item), Some(last)) if last > item + INDENT && !in_table => Some((item, last)),
        _ => None,
    };
    // A table that reaches the foot of the page may go on (even mid-row) on the next page.
    if !in_table {
        if let Some(done) = table.pending.take() {
            push_row(out, &done);
        }
    }
    out.push('\n');
}

/// Where a page's footnotes start among its blocks: the run of small lines at the foot of
/// the page, from its first line that starts with a mark.
fn notes_start(blocks: &[(f32, Block)], body: f32, height: f32) -> usize {
    let lines_at = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b.1, Block::Line(_)))
        .map(|(i, _)| i);
    let mut notes_from = blocks.len();
    for i in lines_at.rev() {
        match blocks.get(i).map(|b| &b.1) {
            Some(Block::Line(l)) if l.size < body * NOTE_SIZE && l.y > height * FOOT_OF_PAGE => {
                notes_from = i
            }
            _ => break,
        }
    }
    while notes_from < blocks.len()
        && !matches!(blocks.get(notes_from).map(|b| &b.1), Some(Block::Line(l)) if starts_note(l.text))
    {
        notes_from += 1;
    }
    notes_from
}

/// Writes what stands between the previous line of a block and `line`: a paragraph break,
/// a space (the previous line reached the margin and goes on), or a line break; returns
/// whether `line` starts a paragraph.
fn line_break(out: &mut String, prev: Option<&Line>, line: &Line, note: bool, right: f32) -> bool {
    let Some(p) = prev else {
        out.push('\n');
        return true;
    };
    let gap = line.y - p.y;
    // A line that reaches the margin goes on in the next one of its size (a large centred
    // heading may reach as far).
    let same_size = (p.size - line.size).abs() <= SAME_SIZE * p.size.max(1.0);
    let full = p.x1 >= right - MARGIN_REACH * (right - p.x0).max(1.0) && !note && same_size;
    let item = crate::text::is_list_item(line.text);
    if note && starts_note(line.text) || gap > PARAGRAPH_GAP * p.size.max(line.size) {
        out.push_str("\n\n");
        return true;
    }
    if full && !item && gap > 0.0 {
        let hyphen = p.text.ends_with('-') && !p.text.ends_with(" -");
        if !hyphen {
            out.push(' ');
        }
    } else if note {
        out.push(' ');
    } else if (line.x0 - p.x0 > INDENT && ends_clause(p.text))
        || (p.x0 - line.x0 > INDENT && ends_clause(p.text) && !p.text.ends_with(','))
    {
        // A new indented paragraph, or text back at the margin after a finished sentence; an
        // indented first line that ends at a comma (a long word went to the next line) goes
        // on.
        out.push_str("\n\n");
        return true;
    } else {
        out.push('\n');
    }
    false
}

/// The list item a page's body lines are in, for the hanging indent a page break hides.
struct Items {
    /// The previous page's item this page may go on with: (its first line's x, its later
    /// lines' x).
    carried: Option<(f32, f32)>,
    /// The x of the current paragraph's first line, when it is a list item.
    item_x: Option<f32>,
    /// The x of the last body line.
    last_x: Option<f32>,
    first_body_line: bool,
}

impl Items {
    /// Notes a body line (that starts a paragraph or not); a first line of the page that goes
    /// on with the previous page's item is indented as the item's later lines are.
    fn body_line(&mut self, out: &mut String, line: &Line, paragraph: bool) {
        // (Lettered items too: `d. Within 14 days …`.)
        let item = crate::text::is_list_item(line.text)
            || crate::text::regex!(r"^[a-z]\. [A-Z]").is_match(line.text);
        let first = self.first_body_line;
        let continues = self
            .carried
            .filter(|&(_, x)| first && !item && (line.x0 - x).abs() <= HANGING_SLACK);
        if let Some((x, _)) = continues {
            out.push_str("    ");
            self.item_x = Some(x);
        } else if paragraph || item {
            self.item_x = item.then_some(line.x0);
        }
        self.last_x = Some(line.x0);
        self.first_body_line = false;
    }
}

/// Whether a line of a page's foot starts a footnote: a raised mark, or a number set in the
/// line's own size and a space (`2 See 47 CFR …`).
fn starts_note(text: &str) -> bool {
    if text.starts_with("<sup>") {
        return true;
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&digits)
        && text
            .get(digits..)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| !r.starts_with(|c: char| c.is_lowercase()))
}

/// Whether a line ends a sentence or clause (a footnote mark after it aside).
fn ends_clause(s: &str) -> bool {
    let s = s
        .trim_end()
        .trim_end_matches("</sup>")
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches("<sup>");
    s.trim_end_matches(['"', '”', '’', ')'])
        .ends_with(['.', ':', '?', '!', ','])
}

/// A page number: a short number alone, centred, near the top or bottom of a page of this
/// (width, height).
fn is_page_number(line: &Line, (width, height): (f32, f32)) -> bool {
    let t = line.text.trim();
    let centre = (line.x0 + line.x1) / 2.0;
    !t.is_empty()
        && t.len() <= 3
        && t.bytes().all(|b| b.is_ascii_digit())
        && (line.y > height * PAGE_NUMBER_BOTTOM || line.y < height * PAGE_NUMBER_TOP)
        && (centre - width / 2.0).abs() < width * PAGE_NUMBER_CENTRE
}

/// A key that orders as `f32::total_cmp` orders `v`.
fn total_key(v: f32) -> u32 {
    let bits = v.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

/// Room for [`lines`] to sort and group a page's glyphs in, kept from one call to the next.
#[derive(Debug, Default)]
pub(super) struct Scratch<'g> {
    /// (baseline and x key, index) of each visible glyph.
    keyed: Vec<(u64, u32)>,
    /// The glyphs in that order.
    sorted: Vec<&'g Glyph>,
    /// Where each run of `sorted` on one baseline starts.
    clusters: Vec<u32>,
    /// One line's glyphs (raised or not) by x.
    line: Vec<(u32, u32, (&'g Glyph, bool))>,
}

/// Groups glyphs into lines by baseline; a run of smaller glyphs raised just above a line
/// (within 0.75 em, horizontally within it) joins that line as superscript. The lines' text is
/// appended to `text`.
pub(super) fn lines<'g>(
    page: &PageContent,
    glyphs: &[&'g Glyph],
    text: &mut String,
    scratch: &mut Scratch<'g>,
) -> Vec<Placed> {
    let Scratch {
        keyed,
        sorted,
        clusters,
        line,
    } = scratch;
    // By baseline, then x (a stable sort: glyphs at one place keep their order), on integer
    // keys that order as the coordinates do.
    keyed.clear();
    keyed.extend(
        glyphs
            .iter()
            .enumerate()
            .filter(|(_, g)| g.size > MIN_GLYPH_SIZE)
            .map(|(i, g)| {
                let key = u64::from(total_key(g.y)) << 32 | u64::from(total_key(g.x));
                (key, i as u32)
            }),
    );
    keyed.sort();
    sorted.clear();
    sorted.extend(
        keyed
            .iter()
            .filter_map(|&(_, i)| glyphs.get(i as usize).copied()),
    );
    // A page's worth of keys is not kept for the cells of its table.
    keyed.clear();
    keyed.shrink_to(1 << 12);
    let sorted = &*sorted;
    // Clusters: runs of `sorted` whose baselines are within reach of their first's.
    clusters.clear();
    let mut first: Option<&Glyph> = None;
    for (i, g) in sorted.iter().enumerate() {
        match first {
            Some(f) if (g.y - f.y).abs() <= SAME_BASELINE * f.size.max(g.size) => {}
            _ => {
                clusters.push(i as u32);
                first = Some(g);
            }
        }
    }
    let clusters = &*clusters;
    let cluster = |i: usize| {
        let start = *clusters.get(i)? as usize;
        let end = clusters.get(i + 1).map_or(sorted.len(), |&e| e as usize);
        sorted.get(start..end)
    };
    let size_of = |c: &[&Glyph]| c.iter().map(|g| g.size).fold(0.0f32, f32::max);
    let y_of = |c: &[&Glyph]| c.first().map_or(0.0, |g| g.y);
    let span_of = |c: &[&Glyph]| {
        c.iter().fold((f32::MAX, f32::MIN), |(lo, hi), g| {
            (lo.min(g.x), hi.max(g.x + g.width))
        })
    };
    // A raised run of marks: digits (and the spaces between marks), not a line of smaller
    // text above a larger one (a letterhead's lines).
    let marks_only = |c: &[&Glyph]| {
        c.iter().all(|g| {
            page.glyph_text(g)
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b' ' || b == b',')
        })
    };
    let is_sup = |c: &[&Glyph], d: &[&Glyph]| {
        let (size, raise) = (size_of(d), y_of(d) - y_of(c));
        let ((c0, c1), (d0, d1)) = (span_of(c), span_of(d));
        marks_only(c)
            && size_of(c) < MARK_SIZE * size
            && raise > 0.0
            && raise < MARK_RAISE * size
            && c0 >= d0 - size
            && c1 <= d1 + size
    };
    let mut out = Vec::with_capacity(clusters.len());
    let mut i = 0;
    while let Some(c) = cluster(i) {
        match cluster(i + 1) {
            Some(d) if is_sup(c, d) => {
                out.extend(build_line(page, d, c, text, line));
                i += 2;
            }
            _ => {
                out.extend(build_line(page, c, &[], text, line));
                i += 1;
            }
        }
    }
    out.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    out
}

/// The text of a line, appended to `text`: glyphs in x order, spaces from gaps, raised runs
/// as `<sup>`. `scratch` is room to sort the glyphs in.
fn build_line<'g>(
    page: &PageContent,
    main: &[&'g Glyph],
    sup: &[&'g Glyph],
    text: &mut String,
    scratch: &mut Vec<(u32, u32, (&'g Glyph, bool))>,
) -> Option<Placed> {
    if main.is_empty() && sup.is_empty() {
        return None;
    }
    // By x, stably (main glyphs before raised ones at one x).
    scratch.clear();
    scratch.extend(
        main.iter()
            .map(|g| (*g, false))
            .chain(sup.iter().map(|g| (*g, true)))
            .enumerate()
            .map(|(i, a)| (total_key(a.0.x), i as u32, a)),
    );
    scratch.sort_by_key(|&(key, i, _)| (key, i));
    let size = main.iter().map(|g| g.size).fold(0.0f32, f32::max);
    let start = text.len();
    let mut in_sup = false;
    let mut last_end: Option<f32> = None;
    for &(_, _, (g, raised)) in scratch.iter() {
        let t = page.glyph_text(g);
        let digits = t.bytes().all(|b| b.is_ascii_digit());
        let mark = raised && digits;
        if in_sup && !mark {
            text.push_str("</sup>");
            in_sup = false;
        }
        if let Some(end) = last_end {
            let gap = g.x - end;
            let em = g.size.max(1.0);
            let spaced = text.ends_with(' ') || t.starts_with(' ');
            if gap > WORD_GAP * em && !spaced && !(mark && in_sup) {
                text.push(' ');
            }
        }
        if mark && !in_sup {
            text.push_str("<sup>");
            in_sup = true;
        }
        text.push_str(t);
        last_end = Some(g.x + g.width);
    }
    if in_sup {
        text.push_str("</sup>");
    }
    // The line's text, trimmed.
    let written = text.get(start..).unwrap_or("");
    let lead = written.len() - written.trim_start().len();
    let kept = written.trim().len();
    if kept == 0 {
        text.truncate(start);
        return None;
    }
    let (start, end) = (start + lead, start + lead + kept);
    let x0 = scratch
        .iter()
        .map(|(_, _, (g, _))| g.x)
        .fold(f32::MAX, f32::min);
    let x1 = scratch
        .iter()
        .map(|(_, _, (g, _))| g.x + g.width)
        .fold(f32::MIN, f32::max);
    let y = main.first().or(sup.first()).map_or(0.0, |g| g.y);
    Some(Placed {
        x0,
        x1,
        y,
        size,
        start: u32::try_from(start).ok()?,
        end: u32::try_from(end).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The most common size, counted as the reader counted it before (each size's count in
    /// the order first seen; the last of the most common wins).
    #[test]
    fn most_common_size_breaks_ties_as_before() {
        fn before(sizes: &[f32]) -> f32 {
            let mut counts: Vec<(i32, usize)> = Vec::new();
            for s in sizes {
                let key = (s * SIZE_BINS_PER_POINT).round() as i32;
                match counts.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((key, 1)),
                }
            }
            counts
                .iter()
                .max_by_key(|(_, n)| *n)
                .map_or(DEFAULT_BODY_SIZE, |(k, _)| *k as f32 / SIZE_BINS_PER_POINT)
        }
        let glyph = |size| Glyph {
            x: 0.0,
            y: 0.0,
            width: 1.0,
            size,
            start: 0,
            len: 1,
        };
        for case in 0..500u64 {
            let mut seed = case;
            let sizes: Vec<f32> = (0..(case % 40))
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    [9.0, 10.0, 10.2, 12.0, 11.9, 7.5][(seed >> 33) as usize % 6]
                })
                .collect();
            let mut counts = SizeCounts::default();
            for &s in &sizes {
                counts.add(&glyph(s));
            }
            assert_eq!(counts.is_empty(), sizes.is_empty());
            assert_eq!(counts.most_common(), before(&sizes), "{sizes:?}");
        }
    }

    #[test]
    fn helpers() {
        for (line, want) in [
            ("sources listed in Attachment A.", true),
            ("to prevent", false),
            ("in place.<sup>4</sup>", true),
            ("Division,", true),
        ] {
            assert_eq!(ends_clause(line), want, "{line}");
        }
        for (line, want) in [
            ("1. Promptly investigate", true),
            ("12. Item", true),
            ("2021. Year", false),
            ("1.17 of", false),
        ] {
            assert_eq!(crate::text::is_list_item(line), want, "{line}");
        }
    }
}
