//! The page walker of line-broken copies: which lines are page furniture, footnotes, and
//! text that goes on over a page break.

use super::*;

/// A running header repeats at least this many bytes of the letter's first line.
const MIN_HEADER_PREFIX: usize = 24;

/// pdftotext sets a footnote mark it could not place on a line of its own, indented this far
/// (a page number is set further in).
const DETACHED_MARK_INDENT: std::ops::Range<usize> = 3..20;

/// The document's lines as the page walker reads them, with what pdftotext's placement of
/// small raised glyphs and repeated page headers hide from the source fixed.
pub(super) struct PageLines {
    pub(super) lines: Vec<Line>,
    /// Lines that hold only a footnote mark set apart from the word it follows.
    pub(super) detached: Vec<bool>,
}

/// Reads the page layout of the lines:
/// - a number that only wrapped to start a line of running text, right after a line that
///   ends with a word taking a number (`… 3518, para.` / `5 (2026) (X IDO).`) with no blank
///   line between, is no footnote label;
/// - a footnote mark raised above its line may be printed on a line of its own, set in from
///   the margin, inside the running text (`… Kestrel's` / `   4` / `response did not …`):
///   a detached mark, the next one in sequence;
/// - a footnote label the source could not tie to a mark is read from the sequence: the next
///   number, alone on its line or before the footnote's text, right below a finished
///   footnote of the same page, or after a blank line when its mark was detached or stands
///   glued to a word earlier in the text (`… calls.4`, which the source skips once a mark
///   went missing);
/// - the first line of a page that repeats the letter's first line (or a part of it: `Federal
///   Communications Commission DA 23-1259`) is a running header.
pub(super) fn page_lines(doc: &Document<'_>) -> PageLines {
    let n = doc.lines.len();
    let mut lines: Vec<Line> = Vec::with_capacity(n);
    let mut detached = vec![false; n];
    let first_line = doc
        .lines
        .iter()
        .find(|l| l.kind == LineKind::Text)
        .map(|l| squash(doc.slice(l.range.clone())))
        .unwrap_or_default();
    let mut labels = Labels::new(doc);
    let (mut page_top, mut new_page) = (true, false);
    let mut marks = doc.marks.iter().peekable();
    for (i, source) in doc.lines.iter().enumerate() {
        let mut line = source.clone();
        if line.page_break || line.kind == LineKind::Rule {
            (labels.page_has_label, page_top, new_page) = (false, true, true);
        }
        while let Some(m) = marks.next_if(|m| m.at <= line.range.end) {
            labels.max_mark = labels.max_mark.max(m.number);
        }
        let previous = i.checked_sub(1).and_then(|p| lines.get(p));
        let previous_text = previous
            .filter(|p| p.kind == LineKind::Text)
            .map(|p| doc.slice(p.range.clone()));
        let text = doc.slice(line.range.clone());
        if line.kind == LineKind::Text && page_top {
            page_top = false;
            if new_page && line.label.is_none() && repeats_header(text, &first_line) {
                line.kind = LineKind::Blank;
                line.range = line.range.end..line.range.end;
                lines.push(line);
                continue;
            }
        }
        if line.label.is_some() && !line.page_break && wraps_number(previous_text) {
            line.label = None;
            line.range.start = line_start(doc, line.range.clone());
        }
        if line.kind == LineKind::Text && line.label.is_none() {
            labels.read(doc, i, &mut line, previous_text, &mut detached);
        }
        if let Some(number) = line.label {
            labels.last_label = number;
            labels.page_has_label = true;
        }
        lines.push(line);
    }
    label_before_labels(doc, &mut lines);
    PageLines { lines, detached }
}

/// What the page walker knows of the footnote numbering as it reads the lines.
struct Labels {
    /// The last footnote label read.
    last_label: u32,
    /// The highest footnote mark of the body so far.
    max_mark: u32,
    /// Footnote marks set on a line of their own.
    detached_numbers: BTreeSet<u32>,
    /// Where each number first stands glued to the word before it (`calls.4 `): (number,
    /// position), sorted by number.
    glued: Vec<(u32, usize)>,
    /// The current page has a labelled footnote.
    page_has_label: bool,
}

impl Labels {
    fn new(doc: &Document<'_>) -> Self {
        let mut glued: Vec<(u32, usize)> = crate::text::short_numbers(&doc.text)
            .filter(|&(_, _, before)| {
                before.is_ascii_alphabetic()
                    || matches!(before, '.' | ',' | ';' | ':' | ')' | '"' | '”' | '’')
            })
            .filter_map(|(start, digits, _)| Some((digits.parse::<u32>().ok()?, start)))
            .collect();
        // Text order within each number: the first place stays first.
        glued.sort_by_key(|&(number, _)| number);
        glued.dedup_by_key(|&mut (number, _)| number);
        Labels {
            last_label: 0,
            max_mark: 0,
            detached_numbers: BTreeSet::new(),
            glued,
            page_has_label: false,
        }
    }

    /// Reads the number a text line `i` without a label starts with: the next footnote's
    /// label (in sequence, under a finished footnote of the page or starting a block for a
    /// detached mark), or a footnote mark set on a line of its own (`detached`).
    fn read(
        &mut self,
        doc: &Document<'_>,
        i: usize,
        line: &mut Line,
        previous_text: Option<&str>,
        detached: &mut [bool],
    ) {
        let text = doc.slice(line.range.clone());
        let next = self.last_label.saturating_add(1);
        let next_is_text = doc
            .lines
            .get(i + 1)
            .is_some_and(|l| l.kind == LineKind::Text && !l.page_break);
        let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let number: Option<u32> = text.get(..digits).and_then(|d| d.parse().ok());
        let rest = text.get(digits..).unwrap_or("");
        let alone = rest.is_empty() && (1..=3).contains(&digits);
        let opens = rest.starts_with(' ')
            && rest.trim_start().starts_with(|c: char| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '§')
            });
        // Under a finished footnote of the page, or starting a block for a detached mark.
        let marked = self.detached_numbers.contains(&next)
            || self
                .glued
                .binary_search_by_key(&next, |&(number, _)| number)
                .ok()
                .and_then(|i| self.glued.get(i))
                .is_some_and(|&(_, at)| at < line.range.start);
        let in_sequence = number == Some(next)
            && ((self.page_has_label && previous_text.is_some_and(ends_note))
                || (marked && previous_text.is_none()));
        if in_sequence && ((alone && next_is_text) || opens) {
            line.label = Some(next);
            let skip = digits + (rest.len() - rest.trim_start().len());
            line.range.start = (line.range.start + skip).min(line.range.end);
        } else if alone
            && !line.page_break
            && (DETACHED_MARK_INDENT).contains(&line.indent)
            && previous_text.is_some()
            && !self.page_has_label
            && number.is_some_and(|m| m > self.max_mark && m <= self.max_mark.saturating_add(3))
        {
            if let (Some(slot), Some(m)) = (detached.get_mut(i), number) {
                *slot = true;
                self.max_mark = m;
                self.detached_numbers.insert(m);
                line.kind = LineKind::Blank;
            }
        }
    }
}

/// The most text lines a footnote without its label may run over above the next one's label.
pub(super) const MAX_NOTE_LINES: usize = 8;

/// Labels the footnote right above a labelled one when its own label was not read: for a
/// label `n` whose `n - 1` has none, the nearest of the few text lines right above it (no
/// blank line between) that reads `n - 1` alone, followed by text, or `n - 1` and the
/// footnote's first words (`1` / `Traceback is the process …` / `2` / `Letter from …`).
pub(super) fn label_before_labels(doc: &Document<'_>, lines: &mut [Line]) {
    let mut seen: BTreeSet<u32> = BTreeSet::new();
    for j in 0..lines.len() {
        let Some(number) = lines.get(j).and_then(|l| l.label) else {
            continue;
        };
        seen.insert(number);
        let Some(wanted) = number
            .checked_sub(1)
            .filter(|&w| w > 0 && !seen.contains(&w))
        else {
            continue;
        };
        let digits = wanted.to_string();
        let found = (j.saturating_sub(MAX_NOTE_LINES)..j).rev().find_map(|k| {
            let line = lines.get(k)?;
            let text = doc.slice(line.range.clone());
            let rest = text.strip_prefix(digits.as_str())?;
            let next_is_text = lines
                .get(k + 1)
                .is_some_and(|l| l.kind == LineKind::Text && l.label.is_none());
            let alone = rest.is_empty() && next_is_text;
            let opens = rest.starts_with(' ')
                && rest
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '§'));
            (alone || opens).then_some((k, digits.len() + rest.len() - rest.trim_start().len()))
        });
        // Only through text lines of one block.
        let Some((k, skip)) = found.filter(|&(k, _)| {
            lines.get(k..j).is_some_and(|b| {
                b.iter()
                    .all(|l| l.kind == LineKind::Text && l.label.is_none())
            })
        }) else {
            continue;
        };
        if let Some(line) = lines.get_mut(k) {
            line.label = Some(wanted);
            line.range.start = (line.range.start + skip).min(line.range.end);
            seen.insert(wanted);
        }
    }
}

/// Whether a line ending with `previous` (the line right above, when it is text) leaves a
/// number to start the next line: `para.`, `No.`, `§`, `at`.
pub(super) fn wraps_number(previous: Option<&str>) -> bool {
    let last_word = previous
        .and_then(|p| p.rsplit([' ', '\t']).next())
        .unwrap_or("");
    [
        "para.", "paras.", "No.", "Nos.", "§", "§§", "at", "Part", "section", "sections", "Stat.",
        "note", "n.", "p.", "pp.", "¶", "¶¶",
    ]
    .contains(&last_word)
}

/// Whether a page's first line `line` repeats the letter's first line `first` (squashed),
/// whole or cut short: a running header (`Federal Communications Commission DA 23-1259`).
pub(super) fn repeats_header(line: &str, first: &str) -> bool {
    let line = squash(line);
    let (short, long) = if line.len() <= first.len() {
        (line.as_str(), first)
    } else {
        (first, line.as_str())
    };
    short.len() >= MIN_HEADER_PREFIX && long.starts_with(short)
}

/// Where the line holding clean range `range` starts, past its indent.
pub(super) fn line_start(doc: &Document<'_>, range: Range<usize>) -> usize {
    let text = doc.text.as_str();
    let before = text.get(..range.start).unwrap_or("");
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    let line = text.get(start..range.start).unwrap_or("");
    start + (line.len() - line.trim_start().len())
}

/// Whether a footnote's text so far ends where a footnote may end: a sentence's end, and not
/// an abbreviation's period that always takes more after it (`File No.` / `17-59`, `para.` /
/// `32`, `133 Stat.` / `3274`, `Pub. L.` / `No.`), as a line or page may end inside a citation.
pub(super) fn ends_note(text: &str) -> bool {
    if !ends_sentence(text) {
        return false;
    }
    let text = text.trim_end();
    let Some(stem) = text.strip_suffix('.') else {
        return true;
    };
    let word = stem.rsplit([' ', '\n', '(']).next().unwrap_or("");
    // (`Id.`, `et seq.`, `Inc.`, `Co.` may close a footnote; these never do.)
    const OPEN: &[&str] = &[
        "No", "Nos", "para", "paras", "Stat", "Rcd", "Reg", "Fed", "Pub", "L", "v", "e.g", "i.e",
        "cf", "Cf", "U.S.C", "C.F.R", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct",
        "Nov", "Dec", "Mr", "Ms", "Mrs", "Dr", "St", "Cir", "n",
    ];
    !OPEN.contains(&word)
}

/// Whether a line plainly leaves its sentence open: it does not end a footnote (see
/// [`ends_note`]) and ends with a lowercase word, a number, punctuation or an abbreviation
/// that takes more (`… must first notify the`, `… Rulemaking,`, `File No.`), not with a
/// capitalised word (`Enforcement Bureau`, a heading) nor a closing (`Sincerely,`).
pub(super) fn leaves_open(line: &str) -> bool {
    let line = line.trim_end();
    let last_word = line.rsplit([' ', '\t']).next().unwrap_or("");
    !ends_note(line)
        && !is_closing(line)
        && (line.ends_with('.') || !last_word.starts_with(char::is_uppercase))
}

/// What lies ahead of each line: where the page ends and where the next footnote starts.
pub(super) struct Ahead {
    /// For each line, the index of the next line after it that starts a page (a form feed or
    /// a page rule), or the letter's end.
    pub(super) page_end: Vec<usize>,
    /// For each line, the index of the line that starts its page.
    pub(super) page_start: Vec<usize>,
    /// For each line, the index of the next footnote label line (itself included).
    pub(super) next_label: Vec<usize>,
    /// Whether each line is blank.
    pub(super) blank: Vec<bool>,
    /// Whether each line is text that leaves a footnote unfinished (see [`leaves_open`]).
    pub(super) open_end: Vec<bool>,
    /// The index of the first line at or after the letter's end (the attachment).
    pub(super) letter_end_line: usize,
    /// For each line, whether its page has text that is not a footnote's before the page's
    /// first footnote label at or before the line.
    pub(super) body_above_notes: Vec<bool>,
    /// Whether the text has form feeds: its page feet are followed by a page break.
    pub(super) form_feeds: bool,
}

impl Ahead {
    /// The most lines a footnote's continuation may run over at a page's foot.
    const MAX_FOOT_LINES: usize = 6;
    /// The most lines, blank ones included, from a footnote's continuation to its page's end.
    const MAX_FOOT_SPAN: usize = 40;

    pub(super) fn new(doc: &Document<'_>, lines: &[Line], letter_end: usize) -> Self {
        let n = lines.len();
        let (mut page_end, mut next_label) = (vec![n; n], vec![n; n]);
        let (mut end, mut label) = (n, n);
        for (i, line) in lines.iter().enumerate().rev() {
            // A line that starts a page ends the page before it.
            if line.label.is_some() {
                label = i;
            }
            if let (Some(e), Some(l)) = (page_end.get_mut(i), next_label.get_mut(i)) {
                (*e, *l) = (end, label);
            }
            if line.page_break || line.kind == LineKind::Rule || line.range.start >= letter_end {
                end = i;
            }
        }
        let mut start = 0;
        let page_start = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                if line.page_break || line.kind == LineKind::Rule {
                    start = i;
                }
                start
            })
            .collect();
        let (mut seen_label, mut body) = (false, false);
        let body_above_notes = lines
            .iter()
            .map(|line| {
                if line.page_break || line.kind == LineKind::Rule {
                    (seen_label, body) = (false, false);
                }
                if line.label.is_some() {
                    seen_label = true;
                } else if line.kind == LineKind::Text && !seen_label {
                    body = true;
                }
                body && seen_label
            })
            .collect();
        Ahead {
            page_end,
            page_start,
            body_above_notes,
            open_end: lines
                .iter()
                .map(|l| l.kind == LineKind::Text && leaves_open(doc.slice(l.range.clone())))
                .collect(),
            letter_end_line: lines
                .iter()
                .position(|l| l.range.start >= letter_end)
                .unwrap_or(n),
            next_label,
            blank: lines.iter().map(|l| l.kind != LineKind::Text).collect(),
            form_feeds: lines.iter().any(|l| l.page_break),
        }
    }

    /// Whether line `i` starts a block of the page's foot: a few lines that run to the next
    /// footnote of the same page or, in a text with form feeds, to the page's end (the
    /// letter's end ends a page too). Body text never stands between two footnotes of a page,
    /// nor after them. A blank line may stand inside the block only after a line that leaves
    /// a footnote unfinished (`… must first notify the` / blank line / `Commission.`).
    pub(super) fn foot_of_page(&self, i: usize) -> bool {
        let (Some(&end), Some(&label)) = (self.page_end.get(i), self.next_label.get(i)) else {
            return false;
        };
        let stop = if label < end {
            label
        } else if self.form_feeds || end >= self.letter_end_line {
            end
        } else {
            return false;
        };
        let (mut text_lines, mut open, mut closed_gap) = (0, false, false);
        for j in i..stop {
            if j - i > Self::MAX_FOOT_SPAN {
                return false;
            }
            match (self.blank.get(j), self.open_end.get(j)) {
                (Some(true), _) => closed_gap |= !open,
                (Some(false), Some(&ends_open)) if !closed_gap => {
                    text_lines += 1;
                    open = ends_open;
                }
                _ => return false,
            }
        }
        text_lines <= Self::MAX_FOOT_LINES
    }

    /// Whether the block from line `i` runs to a footnote label on the same page (as
    /// [`Ahead::foot_of_page`] measures it).
    pub(super) fn before_label(&self, i: usize) -> bool {
        matches!((self.page_end.get(i), self.next_label.get(i)), (Some(end), Some(label)) if label < end)
    }

    /// Whether line `i`'s page set body text above its first footnote: its footnotes stand at
    /// its foot, not at its top (as a copy that prints a page's notes after the page break).
    /// Only in a text whose pages end with form feeds: without them, the letter's end is no
    /// page's foot (an excerpt may stop in the next page's text).
    pub(super) fn notes_below_body(&self, i: usize) -> bool {
        self.form_feeds && self.body_above_notes.get(i).copied().unwrap_or(false)
    }

    /// Whether line `i` starts a block below other text of its page: a blank line before it,
    /// and text before that since the page began.
    pub(super) fn below_text(&self, i: usize) -> bool {
        let Some(&start) = self.page_start.get(i) else {
            return false;
        };
        let before = self.blank.get(start..i).unwrap_or(&[]);
        before.last() == Some(&true) && before.contains(&false)
    }
}
