//! A letter as `pdftotext -layout` prints its PDF: a fixed-width character grid, one block of
//! lines per page, pages separated by a form feed (or not), footnote bodies at the foot of the
//! page where their mark falls, and Attachment A as columns of wrapped cells.
//!
//! Written from the four real `pdftotext -layout` copies of the sample letter (LibreOffice,
//! LibreOffice with split rows, Chromium, reportlab) and the layout copy of a 2026 order
//! described in `VARIATIONS.md` §10. What those copies vary, the renderer draws from the rng:
//! the line width, page length, paragraph spacing and first-line indents, justification
//! gaps, list indents, how a footnote body is labelled, whether a form feed separates pages,
//! the running header and page-number placement, and in the table the column widths, gutters,
//! header wrapping and alignment, and whether the header row is repeated on each page.
//!
//! The word-wrapping and pagination (with footnotes) are shared with the PDF renderer, which
//! measures in points where this one measures in columns.

use std::collections::VecDeque;

use super::doc::{Align, Block, Doc, Inline, ListStyle, Table};
use super::rng::Rng;

// ---------------------------------------------------------------------------------------------
// Shared with `pdf.rs`: words, wrapping, pagination.

/// How a piece of prose is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Roman text.
    Regular,
    /// A bold run-in heading or a bold line.
    Bold,
    /// A case name.
    Italic,
    /// A footnote reference mark (its number), set raised and small.
    Mark,
}

/// A piece of a word in one style.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    /// The characters.
    pub(crate) text: String,
    /// How they are set.
    pub(crate) style: Style,
}

/// Pieces printed with no space between them (`calls.` + mark `1`).
pub(crate) type Word = Vec<Piece>;

/// Splits styled runs into words at spaces; a run that does not start with a space (a mark,
/// punctuation after an italic name) is glued to the word before it.
pub(crate) fn words(runs: &[(String, Style)]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut open = false;
    for (text, style) in runs {
        for (i, token) in text.split(' ').enumerate() {
            if i > 0 {
                open = false;
            }
            if token.is_empty() {
                continue;
            }
            let piece = Piece {
                text: token.to_string(),
                style: *style,
            };
            match out.last_mut() {
                Some(word) if open => word.push(piece),
                _ => out.push(vec![piece]),
            }
            open = true;
        }
    }
    out
}

/// The styled runs of a piece of prose.
pub(crate) fn runs(text: &[Inline]) -> Vec<(String, Style)> {
    text.iter()
        .map(|inline| match inline {
            Inline::Text(t) => (t.clone(), Style::Regular),
            Inline::Italic(t) => (t.clone(), Style::Italic),
            Inline::Mark(n) => (n.to_string(), Style::Mark),
        })
        .collect()
}

/// The words of a paragraph with an optional bold run-in heading before its text.
pub(crate) fn para_words(run_in: Option<&str>, text: &[Inline]) -> Vec<Word> {
    let mut out = run_in.map_or_else(Vec::new, |r| words(&[(r.to_string(), Style::Bold)]));
    out.extend(words(&runs(text)));
    out
}

/// The footnote numbers marked in a line.
pub(crate) fn marks(line: &[Word]) -> Vec<u32> {
    line.iter()
        .flatten()
        .filter(|p| p.style == Style::Mark)
        .filter_map(|p| p.text.parse().ok())
        .collect()
}

/// Greedy word wrap: the first line is `first` wide, the others `rest`; `space` is the width
/// of a space. A word wider than a line gets a line of its own.
pub(crate) fn wrap(
    words: &[Word],
    first: f64,
    rest: f64,
    space: f64,
    measure: &dyn Fn(&Word) -> f64,
) -> Vec<Vec<Word>> {
    let mut lines: Vec<Vec<Word>> = Vec::new();
    let mut line: Vec<Word> = Vec::new();
    let mut used = 0.0;
    for word in words {
        let w = measure(word);
        let limit = if lines.is_empty() { first } else { rest };
        if !line.is_empty() && used + space + w > limit + 1e-6 {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
        }
        used += if line.is_empty() { w } else { space + w };
        line.push(word.clone());
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps plain text (a table cell, a footnote) into lines of at most `width` characters.
pub(crate) fn wrap_plain(text: &str, width: usize) -> Vec<String> {
    let ws = words(&[(text.to_string(), Style::Regular)]);
    let measure = |w: &Word| w.iter().map(|p| p.text.chars().count()).sum::<usize>() as f64;
    wrap(&ws, width as f64, width as f64, 1.0, &measure)
        .iter()
        .map(|l| {
            l.iter()
                .map(|w| w[0].text.clone())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// One line (or vertical space) of the body, before pagination.
#[derive(Debug, Clone)]
pub(crate) struct Item<L> {
    /// The line, or `None` for vertical space.
    pub(crate) line: Option<L>,
    /// Its height (lines or points).
    pub(crate) height: f64,
    /// The footnotes marked in it, whose bodies go to the foot of its page.
    pub(crate) marks: Vec<u32>,
    /// Starts a new page.
    pub(crate) break_before: bool,
    /// Must share a page with the next line (a heading).
    pub(crate) keep_with_next: bool,
}

impl<L> Item<L> {
    /// A line of the given height.
    pub(crate) fn line(line: L, height: f64, marks: Vec<u32>) -> Self {
        Self {
            line: Some(line),
            height,
            marks,
            break_before: false,
            keep_with_next: false,
        }
    }

    /// Vertical space.
    pub(crate) fn space(height: f64) -> Self {
        Self {
            line: None,
            height,
            marks: Vec::new(),
            break_before: false,
            keep_with_next: false,
        }
    }
}

/// A page after pagination: body lines from the top, footnote lines at the foot.
#[derive(Debug, Clone)]
pub(crate) struct Page<L, F> {
    /// Body lines (`None`: vertical space) and their heights.
    pub(crate) body: Vec<(Option<L>, f64)>,
    /// Footnote lines and their heights, in order.
    pub(crate) feet: Vec<(F, f64)>,
}

impl<L, F> Page<L, F> {
    fn new() -> Self {
        Self {
            body: Vec::new(),
            feet: Vec::new(),
        }
    }

    fn has_lines(&self) -> bool {
        self.body.iter().any(|(l, _)| l.is_some())
    }
}

/// Pages being filled.
struct Paginator<L, F> {
    pages: Vec<Page<L, F>>,
    page: Page<L, F>,
    body: f64,
    feet: f64,
    /// Footnote lines waiting for room, each with whether it is its note's first line.
    carry: VecDeque<(F, f64, bool)>,
    capacity: f64,
    separator: f64,
}

impl<L, F> Paginator<L, F> {
    fn separator_for(&self) -> f64 {
        if self.page.feet.is_empty() {
            self.separator
        } else {
            0.0
        }
    }

    fn foot(&mut self, line: (F, f64)) {
        self.feet += self.separator_for() + line.1;
        self.page.feet.push(line);
    }

    /// Closes the page and opens the next, which starts its foot with the footnote lines
    /// carried over (up to `share` of the page).
    fn next_page(&mut self, share: f64) {
        let done = std::mem::replace(&mut self.page, Page::new());
        self.pages.push(done);
        self.body = 0.0;
        self.feet = 0.0;
        while let Some(front) = self.carry.front() {
            // A note's first line goes only with the two after it (its label, a blank line
            // its body may start after, and the body's first line).
            let second: f64 = if front.2 {
                self.carry
                    .iter()
                    .skip(1)
                    .take(2)
                    .take_while(|next| !next.2)
                    .map(|next| next.1)
                    .sum()
            } else {
                0.0
            };
            let need = self.separator_for() + front.1 + second;
            if !self.page.feet.is_empty() && self.feet + need > self.capacity * share {
                break;
            }
            let (line, height, _) = self.carry.pop_front().unwrap();
            self.foot((line, height));
        }
    }

    fn place(&mut self, item: Item<L>, notes: Vec<(F, f64, bool)>) {
        self.body += item.height;
        self.page.body.push((item.line, item.height));
        // A footnote's first lines stay together (no label or line left alone at the foot, as
        // Word's and LibreOffice's orphan control keep them).
        let heights: Vec<(f64, bool)> = notes.iter().map(|n| (n.1, n.2)).collect();
        let mut notes = notes.into_iter().enumerate();
        for (k, (line, height, first)) in notes.by_ref() {
            let with: f64 = if first {
                heights
                    .iter()
                    .skip(k + 1)
                    .take(2)
                    .take_while(|h| !h.1)
                    .map(|h| h.0)
                    .sum()
            } else {
                0.0
            };
            let need = self.separator_for() + height + with;
            if !self.carry.is_empty() || self.body + self.feet + need > self.capacity + 1e-6 {
                self.carry.push_back((line, height, first));
                break;
            }
            self.foot((line, height));
        }
        self.carry.extend(notes.map(|(_, note)| note));
    }
}

/// Breaks body lines into pages of `capacity`, putting the lines of each footnote (from
/// `note`) at the foot of the page where its mark falls, below a `separator`. A footnote that
/// does not fit runs on at the foot of the next page, as Word and LibreOffice print them.
pub(crate) fn paginate<L, F>(
    items: Vec<Item<L>>,
    capacity: f64,
    separator: f64,
    note: &mut dyn FnMut(u32) -> Vec<(F, f64)>,
) -> Vec<Page<L, F>> {
    let mut p = Paginator {
        pages: Vec::new(),
        page: Page::new(),
        body: 0.0,
        feet: 0.0,
        carry: VecDeque::new(),
        capacity,
        separator,
    };
    let heights: Vec<f64> = items.iter().map(|i| i.height).collect();
    for (i, item) in items.into_iter().enumerate() {
        if item.break_before && p.page.has_lines() {
            p.next_page(0.5);
        }
        if item.line.is_none() && !p.page.has_lines() {
            continue;
        }
        // Each footnote line, and whether it is its note's first.
        let notes: Vec<(F, f64, bool)> = item
            .marks
            .iter()
            .flat_map(|&n| {
                note(n)
                    .into_iter()
                    .enumerate()
                    .map(|(k, (line, height))| (line, height, k == 0))
            })
            .collect();
        let keep = if item.keep_with_next {
            heights.get(i + 1).copied().unwrap_or(0.0)
        } else {
            0.0
        };
        loop {
            let used = p.body + p.feet + item.height;
            let sep = if notes.is_empty() {
                0.0
            } else {
                p.separator_for()
            };
            let all: f64 = notes.iter().map(|n| n.1).sum();
            let first = notes.first().map_or(0.0, |n| n.1);
            let fits_all = used + keep + sep + all <= capacity + 1e-6;
            let fits_first = used + keep + sep + first <= capacity + 1e-6;
            if !p.page.has_lines() || fits_all || (fits_first && p.carry.is_empty()) {
                break;
            }
            p.next_page(0.5);
        }
        if item.line.is_none() && !p.page.has_lines() {
            continue;
        }
        p.place(item, notes);
    }
    p.next_page(1.0);
    while !p.carry.is_empty() {
        p.next_page(1.0);
    }
    p.pages
        .retain(|page| page.has_lines() || !page.feet.is_empty());
    p.pages
}

// ---------------------------------------------------------------------------------------------
// The layout text.

/// What this copy of the letter looks like; drawn once per letter.
#[derive(Debug, Clone)]
struct Look {
    /// Columns of a full body line.
    width: usize,
    /// Lines of body and footnotes a page holds.
    page_len: usize,
    /// Pages are separated by a form feed.
    form_feed: bool,
    /// Blank lines between blocks.
    block_gap: usize,
    /// First-line indent of paragraphs without a run-in heading.
    first_indent: usize,
    /// Column of an order's paragraph number, and of its text on the first line.
    number_col: usize,
    number_text: usize,
    /// Wide justification gaps show as runs of spaces.
    justify: bool,
    /// Column of a list label; lettered items go `letter_extra` further in.
    list_col: usize,
    letter_extra: usize,
    /// Spaces between a list label and the item's text.
    list_gap: usize,
    /// Lettered labels print as `(a)` rather than `a.`.
    paren_letters: bool,
    /// Blank lines between list items.
    item_gap: usize,
    /// Columns of a footnote line (smaller type: more characters per line).
    note_width: usize,
    /// The footnote number stands alone on a line above its body.
    label_alone: bool,
    /// First-line indent of a footnote body (after the label, or after a label alone).
    note_indent: usize,
    /// Blank lines between the body and the footnotes.
    note_gap: usize,
    /// A long footnote body is sometimes broken by a blank line.
    note_blank: bool,
    /// Probability that a mark is printed apart (`robocalls. 2 You`), as justified lines do.
    spaced_marks: f64,
    /// Where centred lines centre (a letterhead in large type sits off the text centre).
    centre_shift: usize,
    /// Blank lines after the running header.
    header_gap: usize,
    /// Blank lines above the page number.
    foot_gap: usize,
    /// The first page with a number (1 or 2).
    number_from: usize,
    /// Page numbers at the right margin instead of centred.
    number_right: bool,
}

impl Look {
    fn draw(rng: &mut Rng) -> Self {
        let width = rng.range(90, 100);
        let justify = rng.chance(0.6);
        let label_alone = rng.chance(0.6);
        Self {
            width,
            page_len: rng.range(45, 60),
            form_feed: rng.chance(0.8),
            block_gap: usize::from(rng.chance(0.6)),
            first_indent: if rng.chance(0.5) { rng.range(4, 8) } else { 0 },
            number_col: rng.range(4, 8),
            number_text: rng.range(11, 16),
            justify,
            list_col: rng.range(3, 8),
            letter_extra: rng.range(3, 6),
            list_gap: rng.range(1, 2),
            paren_letters: rng.chance(0.25),
            item_gap: usize::from(rng.chance(0.15)),
            note_width: width + rng.range(12, 24),
            label_alone,
            note_indent: if label_alone {
                rng.range(1, 4)
            } else {
                rng.range(0, 1)
            },
            note_gap: rng.range(1, 3),
            note_blank: rng.chance(0.2),
            spaced_marks: if justify && rng.chance(0.2) {
                0.15
            } else {
                0.0
            },
            centre_shift: rng.range(0, 6),
            header_gap: rng.range(1, 2),
            foot_gap: rng.range(1, 4),
            number_from: rng.range(1, 2),
            number_right: rng.chance(0.15),
        }
    }
}

/// Renders `doc` as `pdftotext -layout` prints a PDF of it.
pub fn render(doc: &Doc, rng: &mut Rng) -> String {
    let mut look = Look::draw(rng);
    // Without a form feed, only the running header or a page number shows a page break.
    let numbered_from_1 = doc.page_numbers && look.number_from == 1;
    if doc.running_header.is_none() && !numbered_from_1 {
        look.form_feed = true;
    }
    let items = body_items(doc, &look, rng);
    let mut note = |n: u32| note_lines(doc, &look, n, rng);
    let pages = paginate(items, look.page_len as f64, look.note_gap as f64, &mut note);

    let mut sheets: Vec<Sheet> = pages
        .into_iter()
        .map(|page| {
            let mut lines: Vec<String> = page
                .body
                .into_iter()
                .map(|(l, _)| l.unwrap_or_default())
                .collect();
            while lines.last().is_some_and(|l| l.is_empty()) {
                lines.pop();
            }
            if !page.feet.is_empty() {
                lines.extend(std::iter::repeat_n(String::new(), look.note_gap.max(1)));
                lines.extend(page.feet.into_iter().map(|(l, _)| l));
            }
            Sheet {
                lines,
                width: look.width,
            }
        })
        .collect();
    if let Some(table) = &doc.table {
        sheets.extend(table_sheets(table, &look, rng));
    }
    assemble(doc, &look, sheets, rng)
}

/// A page's lines and the width its furniture is set to.
struct Sheet {
    lines: Vec<String>,
    width: usize,
}

/// Prints the pages with their running header, page number and form feeds.
fn assemble(doc: &Doc, look: &Look, sheets: Vec<Sheet>, rng: &mut Rng) -> String {
    let mut out = String::new();
    for (i, sheet) in sheets.into_iter().enumerate() {
        if i > 0 && look.form_feed {
            out.push('\u{c}');
        } else if i > 0 {
            out.push('\n');
        }
        if let (true, Some(header)) = (i > 0, &doc.running_header) {
            let room = sheet
                .width
                .saturating_sub(header.left.chars().count())
                .max(4);
            out.push_str(format!("{}{:>room$}", header.left, header.right).trim_end());
            out.push('\n');
            out.push_str(&"\n".repeat(look.header_gap));
        }
        for line in &sheet.lines {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        if doc.page_numbers && i + 1 >= look.number_from {
            out.push_str(&"\n".repeat(look.foot_gap));
            let number = (i + 1).to_string();
            let col = if look.number_right {
                sheet.width.saturating_sub(number.len())
            } else {
                (sheet.width / 2 + rng.below(5)).saturating_sub(2)
            };
            out.push_str(&format!("{}{number}\n", " ".repeat(col)));
        } else {
            out.push_str(&"\n".repeat(rng.range(1, 3)));
        }
    }
    if look.form_feed {
        out.push('\u{c}');
    }
    out
}

/// Prints a word, its marks glued to it (now and then apart, as justified lines space them).
fn word_text(word: &Word, look: &Look, rng: &mut Rng) -> String {
    let mut s = String::new();
    for piece in word {
        if piece.style == Style::Mark && look.spaced_marks > 0.0 && rng.chance(look.spaced_marks) {
            s.push(' ');
        }
        s.push_str(&piece.text);
    }
    s
}

fn chars(word: &Word) -> f64 {
    word.iter().map(|p| p.text.chars().count()).sum::<usize>() as f64
}

/// Sets one wrapped line at `indent`; a justified line whose gaps the PDF stretched by a
/// character or more shows them as runs of spaces.
fn set_line(
    line: &[Word],
    indent: usize,
    width: usize,
    justify: bool,
    look: &Look,
    rng: &mut Rng,
) -> String {
    let texts: Vec<String> = line.iter().map(|w| word_text(w, look, rng)).collect();
    let len: usize =
        texts.iter().map(|t| t.chars().count()).sum::<usize>() + texts.len().saturating_sub(1);
    let gaps = texts.len().saturating_sub(1);
    let slack = width.saturating_sub(len);
    let mut out = " ".repeat(indent);
    if justify && gaps > 0 && slack >= gaps {
        let (each, extra) = (slack / gaps, slack % gaps);
        for (i, t) in texts.iter().enumerate() {
            if i > 0 {
                out.push_str(&" ".repeat(1 + each + usize::from(i <= extra)));
            }
            out.push_str(t);
        }
    } else {
        out.push_str(&texts.join(" "));
    }
    out
}

/// A wrapped block of prose: `first` is the first line's indent, `rest` the others'.
fn prose(
    out: &mut Vec<Item<String>>,
    words: &[Word],
    first: usize,
    rest: usize,
    prefix: Option<String>,
    look: &Look,
    rng: &mut Rng,
) {
    let w = look.width;
    let lines = wrap(
        words,
        w.saturating_sub(first) as f64,
        w.saturating_sub(rest) as f64,
        1.0,
        &chars,
    );
    let n = lines.len();
    for (i, line) in lines.iter().enumerate() {
        let indent = if i == 0 { first } else { rest };
        let justify = look.justify && i + 1 < n;
        let mut text = set_line(line, indent, w.saturating_sub(indent), justify, look, rng);
        if let (0, Some(prefix)) = (i, &prefix) {
            // The label sits left of the text, in the indent.
            let lead: String = text.chars().skip(prefix.chars().count()).collect();
            text = format!("{prefix}{lead}");
        }
        out.push(Item::line(text, 1.0, marks(line)));
    }
}

/// The body's lines, before pagination.
fn body_items(doc: &Doc, look: &Look, rng: &mut Rng) -> Vec<Item<String>> {
    let mut out: Vec<Item<String>> = Vec::new();
    let mut gaps = 0usize;
    let mut break_next = false;
    let mut first_block = true;
    let w = look.width;
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
            for _ in 0..look.block_gap.max(gaps) {
                out.push(Item::space(1.0));
            }
        }
        gaps = 0;
        let start = out.len();
        match block {
            Block::Lines { lines, align, .. } => {
                for line in lines {
                    let line = line.trim_end();
                    if line.is_empty() {
                        out.push(Item::space(1.0));
                    } else if line.chars().count() <= w {
                        // Kept as set: a caption's `)` column is made of tab stops.
                        let text = align_text(line, *align, w, look, first_block);
                        out.push(Item::line(text, 1.0, Vec::new()));
                    } else {
                        let ws = words(&[(line.to_string(), Style::Regular)]);
                        for l in wrap(&ws, w as f64, w as f64, 1.0, &chars) {
                            let text = set_line(&l, 0, w, false, look, rng);
                            let text = align_text(&text, *align, w, look, first_block);
                            out.push(Item::line(text, 1.0, Vec::new()));
                        }
                    }
                }
            }
            Block::Heading { text, align } => {
                let ws = words(&[(text.clone(), Style::Bold)]);
                for l in wrap(&ws, w as f64, w as f64, 1.0, &chars) {
                    let text = set_line(&l, 0, w, false, look, rng);
                    let mut item =
                        Item::line(align_text(&text, *align, w, look, false), 1.0, Vec::new());
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
                match number {
                    Some(n) => {
                        let label = format!("{}{n}.", " ".repeat(look.number_col));
                        let col = look.number_text.max(label.len() + 2);
                        prose(&mut out, &ws, col, 0, Some(label), look, rng);
                    }
                    None => {
                        let first = if run_in.is_none() {
                            look.first_indent
                        } else {
                            0
                        };
                        prose(&mut out, &ws, first, 0, None, look, rng);
                    }
                }
            }
            Block::List { style, items } => {
                let col = look.list_col
                    + if *style == ListStyle::Lettered {
                        look.letter_extra
                    } else {
                        0
                    };
                let labels: Vec<String> = (0..items.len())
                    .map(|k| list_label(*style, k, look))
                    .collect();
                let label_w = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
                let text_col = col + label_w + look.list_gap;
                for (k, (item, label)) in items.iter().zip(&labels).enumerate() {
                    if k > 0 {
                        for _ in 0..look.item_gap {
                            out.push(Item::space(1.0));
                        }
                    }
                    let prefix = format!("{}{label}", " ".repeat(col));
                    prose(
                        &mut out,
                        &words(&runs(item)),
                        text_col,
                        text_col,
                        Some(prefix),
                        look,
                        rng,
                    );
                }
            }
            Block::SignatureImage(_) => {
                // The image leaves only vertical space.
                for _ in 0..rng.range(2, 4) {
                    out.push(Item::space(1.0));
                }
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
fn list_label(style: ListStyle, k: usize, look: &Look) -> String {
    match style {
        ListStyle::Numbered => format!("{}.", k + 1),
        ListStyle::Lettered => {
            let letter = char::from(b'a' + (k % 26) as u8);
            if look.paren_letters {
                format!("({letter})")
            } else {
                format!("{letter}.")
            }
        }
        ListStyle::Bullet => "•".to_string(),
        ListStyle::MiddleDot => "·".to_string(),
    }
}

/// Places a line of text by its alignment in `width` columns.
fn align_text(text: &str, align: Align, width: usize, look: &Look, letterhead: bool) -> String {
    let len = text.chars().count();
    let col = match align {
        Align::Left => 0,
        Align::Center => {
            let shift = if letterhead {
                look.centre_shift
            } else {
                look.centre_shift / 2
            };
            (width.saturating_sub(len) / 2 + shift).min(width.saturating_sub(len))
        }
        Align::Right => width.saturating_sub(len),
    };
    format!("{}{text}", " ".repeat(col))
}

/// The lines of footnote `n` as printed at a page foot.
fn note_lines(doc: &Doc, look: &Look, n: u32, rng: &mut Rng) -> Vec<(String, f64)> {
    let Some(body) = doc.footnotes.get(n as usize - 1) else {
        return Vec::new();
    };
    let label = n.to_string();
    let mut out = Vec::new();
    let w = look.note_width;
    let ws = words(&[(body.clone(), Style::Regular)]);
    let (first, lead) = if look.label_alone {
        out.push(label);
        (look.note_indent, " ".repeat(look.note_indent))
    } else {
        let lead = format!("{label}{}", " ".repeat(1 + look.note_indent));
        (lead.chars().count(), lead)
    };
    let lines = wrap(&ws, w.saturating_sub(first) as f64, w as f64, 1.0, &chars);
    let count = lines.len();
    let blank_at = if look.note_blank && count > 2 {
        Some(rng.range(1, count - 1))
    } else {
        None
    };
    for (i, line) in lines.iter().enumerate() {
        if blank_at == Some(i) {
            out.push(String::new());
        }
        let text: Vec<String> = line.iter().map(|w| w[0].text.clone()).collect();
        let text = text.join(" ");
        out.push(if i == 0 {
            format!("{lead}{text}")
        } else {
            text
        });
    }
    out.into_iter().map(|l| (l, 1.0)).collect()
}

// ---------------------------------------------------------------------------------------------
// Attachment A.

/// How the table is printed; drawn once per letter.
struct TableLook {
    /// Columns of a table page (landscape pages are wider).
    width: usize,
    /// Lines a table page holds.
    page_len: usize,
    /// Column widths and the gutter after each column.
    widths: Vec<usize>,
    gutters: Vec<usize>,
    /// Header cells centred in their column (else left).
    header_centred: bool,
    /// Header cells sit at the top of the header row (else at its bottom).
    header_top: bool,
    /// The header row is printed again on each page.
    repeat_header: bool,
    /// A row may break across pages.
    split_rows: bool,
    /// Blank lines between rows.
    row_gap: usize,
}

fn longest_word(text: &str) -> usize {
    text.split(' ')
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

impl TableLook {
    fn draw(table: &Table, look: &Look, rng: &mut Rng) -> Self {
        let n = table.header.len();
        let wrap_headers = rng.chance(0.5);
        let mut widths = Vec::with_capacity(n);
        let mut floors = Vec::with_capacity(n);
        for (c, head) in table.header.iter().enumerate() {
            let cells = table.rows.iter().filter_map(|r| r.get(c));
            let natural = cells.clone().map(|s| s.chars().count()).max().unwrap_or(0);
            let word = cells
                .map(|s| longest_word(s))
                .max()
                .unwrap_or(0)
                .max(longest_word(head))
                .max(1);
            // Short cells (dates, numbers) are not wrapped unless nothing else can give.
            let floor = word.max(natural.min(14));
            let head_w = if wrap_headers {
                longest_word(head)
            } else {
                head.chars().count()
            };
            let cap = rng.range(18, 32);
            let w = if natural > cap {
                cap.max(floor)
            } else {
                natural
            }
            .max(head_w)
            .max(floor);
            widths.push(w);
            floors.push(floor);
        }
        // A table too wide for a portrait page goes on landscape pages, as in the sample.
        let gutter = rng.range(2, 8);
        let portrait = widths.iter().sum::<usize>() + gutter * n.saturating_sub(1) <= look.width;
        let landscape = !portrait || rng.chance(0.3);
        let width = if landscape {
            rng.range(120, 140)
        } else {
            look.width
        };
        let page_len = if landscape {
            rng.range(32, 42)
        } else {
            look.page_len
        };
        let mut gutters: Vec<usize> = (0..n).map(|_| gutter + rng.below(3)).collect();
        if let Some(last) = gutters.last_mut() {
            *last = 0;
        }
        // Shrink the widest columns (then the gutters) until the table fits the page.
        let avail = |gutters: &[usize]| width.saturating_sub(gutters.iter().sum());
        while widths.iter().sum::<usize>() > avail(&gutters) {
            let widest = widths
                .iter()
                .enumerate()
                .filter(|&(c, &w)| w > floors[c])
                .max_by_key(|&(_, &w)| w);
            if let Some((c, _)) = widest {
                widths[c] -= 1;
            } else if let Some(g) = gutters.iter_mut().filter(|g| **g > 2).max_by_key(|g| **g) {
                *g -= 1;
            } else {
                break;
            }
        }
        Self {
            width,
            page_len,
            widths,
            gutters,
            header_centred: rng.chance(0.7),
            header_top: rng.chance(0.6),
            repeat_header: rng.chance(0.75),
            split_rows: rng.chance(0.1),
            row_gap: usize::from(rng.chance(0.1)),
        }
    }

    /// Prints rows of wrapped cells (`cells[c]` the lines of column `c`) in the given columns,
    /// `shown` saying which columns are printed (pdftotext drops columns it sees nothing in).
    fn lines(&self, cells: &[Vec<String>], shown: &[bool], centred: bool) -> Vec<String> {
        let height = cells.iter().map(Vec::len).max().unwrap_or(0);
        (0..height)
            .map(|k| {
                let mut line = String::new();
                let mut col = 0;
                for (c, lines) in cells.iter().enumerate() {
                    if !shown[c] {
                        continue;
                    }
                    let text = lines.get(k).map_or("", String::as_str);
                    let len = text.chars().count();
                    let pad = if centred {
                        self.widths[c].saturating_sub(len) / 2
                    } else {
                        0
                    };
                    let at = col + pad;
                    let have = line.chars().count();
                    if !text.is_empty() {
                        line.push_str(
                            &" ".repeat(at.saturating_sub(have).max(usize::from(have > 0))),
                        );
                        line.push_str(text);
                    }
                    col += self.widths[c] + self.gutters[c];
                }
                line
            })
            .collect()
    }
}

/// The pages of Attachment A.
fn table_sheets(table: &Table, look: &Look, rng: &mut Rng) -> Vec<Sheet> {
    let t = TableLook::draw(table, look, rng);
    let n = table.header.len();
    let mut head: Vec<Vec<String>> = table
        .header
        .iter()
        .zip(&t.widths)
        .map(|(h, &w)| wrap_plain(h, w))
        .collect();
    let head_h = head.iter().map(Vec::len).max().unwrap_or(1);
    if !t.header_top {
        for cell in &mut head {
            while cell.len() < head_h {
                cell.insert(0, String::new());
            }
        }
    }
    let all = vec![true; n];
    let header_lines = t.lines(&head, &all, t.header_centred);
    let rows: Vec<Vec<Vec<String>>> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .zip(&t.widths)
                .map(|(cell, &w)| wrap_plain(cell, w))
                .collect()
        })
        .collect();

    // Pages of row pieces: (row, first line, line count).
    let mut pages: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new()];
    let mut used = 2 + header_lines.len() + 1; // title, blank, header, blank
    for (r, row) in rows.iter().enumerate() {
        let h = row.iter().map(Vec::len).max().unwrap_or(1);
        let mut from = 0;
        while from < h {
            let room = t.page_len.saturating_sub(used);
            let need = h - from + t.row_gap;
            let on_page = pages.last().is_some_and(|p| !p.is_empty());
            if need <= room || !on_page {
                pages.last_mut().unwrap().push((r, from, h - from));
                used += need;
                from = h;
            } else if t.split_rows && room > t.row_gap {
                let take = room - t.row_gap;
                pages.last_mut().unwrap().push((r, from, take));
                from += take;
                pages.push(Vec::new());
                used = if t.repeat_header {
                    header_lines.len() + 1
                } else {
                    0
                };
            } else {
                pages.push(Vec::new());
                used = if t.repeat_header {
                    header_lines.len() + 1
                } else {
                    0
                };
            }
        }
    }

    let mut sheets = Vec::new();
    for (p, pieces) in pages.iter().enumerate() {
        let mut lines = Vec::new();
        let shown: Vec<bool> = if p == 0 || t.repeat_header {
            all.clone()
        } else {
            (0..n)
                .map(|c| pieces.iter().any(|&(r, _, _)| !table.rows[r][c].is_empty()))
                .collect()
        };
        if p == 0 {
            lines.push(align_text(
                &table.title,
                Align::Center,
                t.width.min(look.width + 20),
                look,
                false,
            ));
            lines.push(String::new());
        }
        if p == 0 || t.repeat_header {
            lines.extend(header_lines.iter().cloned());
            if rng.chance(0.3) {
                lines.push(String::new());
            }
        }
        for &(r, from, count) in pieces {
            let part: Vec<Vec<String>> = rows[r]
                .iter()
                .map(|cell| cell.iter().skip(from).take(count).cloned().collect())
                .collect();
            let mut printed = t.lines(&part, &shown, false);
            printed.resize(count, String::new());
            lines.extend(printed);
            lines.extend(std::iter::repeat_n(String::new(), t.row_gap));
        }
        sheets.push(Sheet {
            lines,
            width: t.width,
        });
    }
    sheets
}
