//! Attachment A: the table of traced calls.
//!
//! ```text
//! Customer | Date of Call | Caller ID | Called Number | Description | Violation
//! Dawz Telecom | Mar. 19, 2021 | | | Auto Warranty Sales Robocall | 47 U.S.C. § 227(b); 47 CFR § 64.1200
//! ```
//!
//! Cells are tab-separated. The header is recognised by what its cells mean (synonyms, any
//! order, any subset), not by position; blank lines, page rules and repeated headers between
//! rows are skipped; empty cells are `None`.

use super::date::{date_head_len, parse_date, parse_date_prefix};
use super::phone::parse_phone;
use super::Found;
use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
use crate::layout::AttachmentLines;
use crate::model::{Attachment, CallRecord, CampaignCategory, Column, ColumnKind, ViolationCell};
use crate::source::{Document, LineKind};
use crate::text::{regex, squash};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

/// Header wordings, compared word by word ignoring case and punctuation.
const SYNONYMS: &[(&str, ColumnKind)] = &[
    ("customer", ColumnKind::Customer),
    ("customer name", ColumnKind::Customer),
    ("upstream provider", ColumnKind::Customer),
    ("upstream customer", ColumnKind::Customer),
    ("originating provider", ColumnKind::Customer),
    ("source", ColumnKind::Customer),
    ("date of call", ColumnKind::Date),
    ("date of calls", ColumnKind::Date),
    ("call date", ColumnKind::Date),
    ("date", ColumnKind::Date),
    ("date time", ColumnKind::Date),
    ("date and time", ColumnKind::Date),
    ("caller id", ColumnKind::CallerId),
    ("caller id number", ColumnKind::CallerId),
    ("calling number", ColumnKind::CallerId),
    ("calling party number", ColumnKind::CallerId),
    ("ani", ColumnKind::CallerId),
    ("called number", ColumnKind::CalledNumber),
    ("called party number", ColumnKind::CalledNumber),
    ("dialed number", ColumnKind::CalledNumber),
    ("dnis", ColumnKind::CalledNumber),
    ("description", ColumnKind::Description),
    ("call description", ColumnKind::Description),
    ("campaign", ColumnKind::Description),
    ("campaign description", ColumnKind::Description),
    ("violation", ColumnKind::Violation),
    ("violations", ColumnKind::Violation),
    ("apparent violation", ColumnKind::Violation),
    ("rule violated", ColumnKind::Violation),
];

/// What a header cell means, from its words (`Date of Call`, `CALL DATE`, `Date/Time`).
pub(crate) fn column_kind(header: &str) -> ColumnKind {
    let words = || {
        header
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    SYNONYMS
        .iter()
        .find(|(synonym, _)| {
            let mut theirs = synonym.split(' ');
            let mut ours = words();
            loop {
                match (ours.next(), theirs.next()) {
                    (Some(a), Some(b)) if a.eq_ignore_ascii_case(b) => {}
                    (None, None) => break true,
                    _ => break false,
                }
            }
        })
        .map_or(ColumnKind::Other, |&(_, kind)| kind)
}

/// The tab-separated cells of clean range `line`, trimmed, as clean ranges.
fn cells(doc: &Document<'_>, line: Range<usize>) -> Vec<Range<usize>> {
    let text = doc.slice(line.clone());
    let mut out = Vec::new();
    let mut start = 0;
    for cell in text.split('\t') {
        let lead = cell.len() - cell.trim_start().len();
        let s = line.start + start + lead;
        out.push(s..s + cell.trim().len());
        start += cell.len() + 1;
    }
    out
}

/// What the rows of a table share while it is read, and what they leave for the letter's
/// citation list: the citations of cells that wrap over lines, and each record's Violation
/// cell range, whose citations become indices into the letter's list once it is complete.
#[derive(Debug, Default)]
pub(crate) struct Rows {
    /// Citations read from the joined text of a cell wrapped over lines (the letter-wide scan
    /// could not see them whole); each has the cell's range.
    pub(crate) wrapped: Vec<Found>,
    /// The clean range of each record's Violation cell, in record order.
    pub(crate) violations: Vec<Option<Range<usize>>>,
    /// The last description and its category: rows repeat their campaign.
    last_category: Option<(String, CampaignCategory)>,
}

impl Rows {
    /// The campaign category of `description`, from the previous row when it is the same.
    fn category(&mut self, description: &str) -> CampaignCategory {
        match &self.last_category {
            Some((last, category)) if last == description => *category,
            _ => {
                let category = CampaignCategory::from_description(description);
                self.last_category = Some((description.to_owned(), category));
                category
            }
        }
    }
}

/// Reads the table under the attachment title.
pub(crate) fn attachment(
    doc: &Document<'_>,
    part: &AttachmentLines,
    rows: &mut Rows,
    diagnostics: &mut Vec<Diagnostic>,
) -> Attachment {
    let title = squash(doc.slice(part.title.clone()));
    let lines = doc.lines.get(part.lines.clone()).unwrap_or(&[]);
    let mut columns: Vec<Column> = Vec::new();
    let mut records = Vec::new();
    for line in lines.iter().filter(|l| l.kind == LineKind::Text) {
        let row = cells(doc, line.range.clone());
        if columns.is_empty() {
            let kinds: Vec<ColumnKind> = row
                .iter()
                .map(|c| column_kind(doc.slice(c.clone())))
                .collect();
            let recognised = kinds.iter().filter(|k| **k != ColumnKind::Other).count();
            if row.len() > 1 && recognised >= 2 {
                for (cell, kind) in row.iter().zip(&kinds) {
                    if *kind == ColumnKind::Other {
                        diagnostics.push(Diagnostic::new(
                            Severity::Warning,
                            DiagnosticCode::UnknownColumn,
                            doc.span(cell.clone()),
                            format!(
                                "unknown column {:?}; its cells are ignored",
                                doc.slice(cell.clone())
                            ),
                        ));
                    }
                }
                columns = row
                    .iter()
                    .zip(kinds)
                    .map(|(c, kind)| Column {
                        header: squash(doc.slice(c.clone())),
                        kind,
                    })
                    .collect();
            }
            continue;
        }
        let repeated_header = row.len() == columns.len()
            && row.iter().zip(&columns).all(|(cell, column)| {
                crate::text::same_words(doc.slice(cell.clone()), &column.header)
            });
        if repeated_header {
            continue; // a header repeated on a new page
        }
        if row.len() < 2 {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::SkippedLine,
                doc.span(line.range.clone()),
                "line in the attachment is not a table row; skipped",
            ));
            continue;
        }
        if row.len() != columns.len() {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::RowCellCount,
                doc.span(line.range.clone()),
                format!(
                    "row has {} cells, the header has {}",
                    row.len(),
                    columns.len()
                ),
            ));
        }
        let cells: Vec<Cell<'_>> = row
            .iter()
            .map(|r| Cell {
                text: Cow::Borrowed(doc.slice(r.clone())),
                range: r.clone(),
                whole: true,
            })
            .collect();
        records.push(record(
            doc,
            &columns,
            &cells,
            line.range.clone(),
            rows,
            diagnostics,
        ));
    }
    if columns.is_empty() {
        if let Some((aligned_columns, aligned_records)) = aligned(doc, lines, rows, diagnostics) {
            return Attachment {
                title,
                columns: aligned_columns,
                records: aligned_records,
            };
        }
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::MissingTable,
            doc.span(part.title.clone()),
            "the attachment has no table header row",
        ));
    }
    Attachment {
        title,
        columns,
        records,
    }
}

/// A table cell: its text (joined when it wraps over lines) and the clean range it covers.
#[derive(Debug, Clone)]
struct Cell<'d> {
    text: Cow<'d, str>,
    range: Range<usize>,
    /// Its text is one piece of the document (its citations can be looked up by range).
    whole: bool,
}

fn record(
    doc: &Document<'_>,
    columns: &[Column],
    row: &[Cell<'_>],
    line: Range<usize>,
    rows: &mut Rows,
    diagnostics: &mut Vec<Diagnostic>,
) -> CallRecord {
    let cell = |kind: ColumnKind| {
        let i = columns.iter().position(|c| c.kind == kind)?;
        row.get(i).filter(|c| !c.text.trim().is_empty())
    };
    let text = |kind| cell(kind).map(|c| squash(&c.text));
    let mut raw = BTreeMap::new();
    let date = cell(ColumnKind::Date).and_then(|c| {
        let date = parse_date(&c.text);
        if date.is_none() {
            raw.insert(ColumnKind::Date, squash(&c.text));
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::UnparseableDate,
                doc.span(c.range.clone()),
                format!("cannot read the date {:?}", squash(&c.text)),
            ));
        }
        date
    });
    let mut phone = |kind| {
        let c = cell(kind)?;
        let phone = parse_phone(&c.text);
        if phone.is_none() {
            raw.insert(kind, squash(&c.text));
        }
        if phone.is_none() && c.text.bytes().filter(u8::is_ascii_digit).count() >= 7 {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::UnparseablePhone,
                doc.span(c.range.clone()),
                format!("cannot read the phone number {:?}", squash(&c.text)),
            ));
        }
        phone
    };
    let caller_id = phone(ColumnKind::CallerId);
    let called_number = phone(ColumnKind::CalledNumber);
    let description = text(ColumnKind::Description);
    let violation_cell = cell(ColumnKind::Violation);
    // The cell's citations become indices once the letter's citation list is complete.
    rows.violations
        .push(violation_cell.map(|c| c.range.clone()));
    let violation = violation_cell.map(|c| {
        let text = squash(&c.text);
        if !c.whole {
            // A cell wrapped over lines: its citations are read from its joined text and
            // stand where the cell does.
            let span = doc.span(c.range.clone());
            rows.wrapped
                .extend(crate::cite::extract(&text).into_iter().map(|mut citation| {
                    citation.span = span;
                    Found {
                        range: c.range.clone(),
                        citation,
                    }
                }));
        }
        ViolationCell {
            text,
            citations: Vec::new(),
        }
    });
    CallRecord {
        customer: text(ColumnKind::Customer),
        date,
        caller_id,
        called_number,
        category: description
            .as_deref()
            .map_or(CampaignCategory::Other, |d| rows.category(d)),
        description,
        violation,
        raw,
        span: doc.span(line),
    }
}

/// A line of an aligned table with its text by character column: `(column, text)` runs.
fn columns_of(text: &str, indent: usize) -> Vec<(usize, usize)> {
    // (start, end) character columns of the runs separated by two or more spaces.
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut blanks = 0;
    let mut last_end = 0;
    for (i, c) in text.chars().enumerate() {
        let col = indent + i;
        if c.is_whitespace() {
            blanks += 1;
            if blanks >= 2 {
                if let Some(s) = start.take() {
                    out.push((s, last_end));
                }
            }
        } else {
            blanks = 0;
            if start.is_none() {
                start = Some(col);
            }
            last_end = col + 1;
        }
    }
    if let Some(s) = start {
        out.push((s, last_end));
    }
    out
}

/// The cells of a data line of an aligned table, as `(start, end)` character columns: runs
/// separated by two or more spaces, each split again where, after a single space, a new
/// typed value begins (`Dawz Telecom 11/9/2025`, `XXX-XXX-XXXX 47 U.S.C. § 227(e)`): a date,
/// a phone number or redaction, or a citation list that does not go on from the words
/// before it; and after a date, phone number or redaction, which fills its cell (`(404)
/// 555-0149 Fraudulent Credit …`).
fn cell_runs(text: &str, indent: usize) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |c: usize| chars.get(c.checked_sub(indent)?).copied();
    let mut out = Vec::new();
    for (a, e) in columns_of(text, indent) {
        let mut start = a;
        // The end of the typed value found last: no cut inside it (`+1 312 555 0104`).
        let first = at(a).and_then(|(byte, _)| typed_len(text.get(byte..)?));
        let mut inside_until = first.map_or(a, |len| a + len);
        // A date, phone or redaction fills its cell: the next word starts another.
        let mut after_value = first.is_some_and(|len| len > 0);
        for col in a + 1..e {
            let (Some((_, ' ')), Some((byte, next))) = (at(col - 1), at(col)) else {
                continue;
            };
            if next.is_whitespace() || col < inside_until {
                continue;
            }
            let before = text
                .get(..byte)
                .unwrap_or("")
                .trim_end()
                .rsplit(' ')
                .next()
                .unwrap_or("");
            let goes_on = before.ends_with([';', ',', '§']) || before == "and" || before == "or";
            let typed = typed_len(text.get(byte..).unwrap_or(""));
            if (typed.is_some() && !goes_on) || after_value {
                out.push((start, col - 1));
                start = col;
                inside_until = col + typed.unwrap_or(0);
                after_value = typed.is_some_and(|len| len > 0);
            }
        }
        out.push((start, e));
    }
    out
}

/// The length in characters of the typed value `text` starts with, if any: a date, a phone
/// number, a redaction, or (length 0: it runs to the cell's end) a citation list.
fn typed_len(text: &str) -> Option<usize> {
    let chars = |bytes: usize| text.get(..bytes).map_or(bytes, |t| t.chars().count());
    let word = text.split(' ').next().unwrap_or("");
    parse_date_prefix(text)
        .map(|(_, len)| chars(len))
        .or_else(|| super::phone::phone_at_start(text).map(|(_, r)| chars(r.end)))
        .or_else(|| is_redaction(word).then(|| word.chars().count()))
        .or_else(|| {
            ["47 U.S.C.", "47 CFR", "47 C.F.R."]
                .iter()
                .any(|c| text.starts_with(c))
                .then_some(0)
        })
}

/// The text of `line` between character columns `from..to` (the line starts at `indent`),
/// with its clean range.
fn slice_columns(
    doc: &Document<'_>,
    line: &Range<usize>,
    indent: usize,
    from: usize,
    to: usize,
) -> Option<(String, Range<usize>)> {
    let text = doc.slice(line.clone());
    let mut start = None;
    let mut end = 0;
    for (i, (byte, c)) in text.char_indices().enumerate() {
        let col = indent + i;
        if col >= from && col < to {
            start.get_or_insert(byte);
            end = byte + c.len_utf8();
        }
    }
    let start = start?;
    let piece = text.get(start..end)?.trim();
    (!piece.is_empty()).then(|| {
        let lead = text
            .get(start..end)
            .map_or(0, |p| p.len() - p.trim_start().len());
        let s = line.start + start + lead;
        (piece.to_owned(), s..s + piece.len())
    })
}

/// The column headers at the start of `text` in a copy whose line breaks were collapsed
/// (`Customer Date of Call Caller ID …`): the longest synonym at each step. Returns the
/// columns and where the header ends; `None` for fewer than three columns.
fn collapsed_header(text: &str) -> Option<(Vec<Column>, usize)> {
    let mut columns = Vec::new();
    let mut at = 0;
    loop {
        let rest = text.get(at..)?;
        let lead = rest.len() - rest.trim_start().len();
        let rest = rest.trim_start();
        // The longest synonym (in words) that the text starts with, whole words only.
        let best = SYNONYMS
            .iter()
            .filter_map(|&(synonym, kind)| {
                let head = rest.get(..synonym.len())?;
                let whole = !rest
                    .get(synonym.len()..)?
                    .starts_with(|c: char| c.is_alphanumeric());
                (head.eq_ignore_ascii_case(synonym) && whole).then_some((synonym.len(), kind, head))
            })
            .max_by_key(|(len, _, _)| *len);
        match best {
            Some((len, kind, head)) => {
                columns.push(Column {
                    header: head.to_owned(),
                    kind,
                });
                at += lead + len;
            }
            // One unknown capitalised word between known headers is a column of its own.
            None if !columns.is_empty() => {
                let word = rest.split_whitespace().next().unwrap_or("");
                let after = rest.get(word.len()..).unwrap_or("").trim_start();
                let known_next = SYNONYMS.iter().any(|(synonym, _)| {
                    after
                        .get(..synonym.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(synonym))
                });
                if !(word.starts_with(|c: char| c.is_uppercase()) && known_next) {
                    break;
                }
                columns.push(Column {
                    header: word.to_owned(),
                    kind: ColumnKind::Other,
                });
                at += lead + word.len();
            }
            None => break,
        }
    }
    (columns.len() >= 3).then_some((columns, at))
}

/// Attachment A in a copy whose line breaks were collapsed (`ATTACHMENT A Customer Date of
/// Call … Dawz Telecom Mar. 19, 2021 Auto Warranty Sales Robocall 47 U.S.C. § 227(b); 47 CFR
/// § 64.1200 Mash Telecom …`): empty cells are gone and the columns come in the header's
/// order, whatever it is. The table is read by its anchors — dates, phone numbers (or
/// `XXX-XXX-XXXX`, `[REDACTED]`) and runs of citations — each filling the next column of its
/// kind; the text between two anchors is the cell of the one free-text column (customer,
/// description) that lies between their columns. Text that could belong to two free-text
/// columns, or a phone number that could be either of two adjacent phone columns, is not
/// guessed: those cells are `None`, with a diagnostic.
pub(crate) fn collapsed(
    doc: &Document<'_>,
    found: &[Found],
    rows: &mut Rows,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Attachment> {
    let text = doc.text.as_str();
    // `ATTACHMENT A` or `Attachment A`, then the column headers.
    let (title, (columns, header_end)) =
        crate::text::find_words(text, "attachment ").find_map(|at| {
            let word = text.get(at..at + "attachment ".len())?;
            if !(word == "ATTACHMENT " || word == "Attachment ") {
                return None;
            }
            let name = text.get(at + word.len()..)?;
            let letter = name.chars().next().filter(char::is_ascii_alphanumeric)?;
            let after = at + word.len() + letter.len_utf8();
            Some((
                at..after,
                collapsed_header(text.get(after..)?).map(|(c, end)| (c, after + end))?,
            ))
        })?;
    // At least one anchored column, or rows cannot be told apart.
    if !columns.iter().any(|c| anchor_of(c.kind).is_some()) {
        return None;
    }
    let header_words: Vec<&str> = columns
        .iter()
        .flat_map(|c| c.header.split_whitespace())
        .collect();
    let tokens = anchors(text, header_end..text.len(), found);
    let mut reader = RowReader {
        text,
        columns: &columns,
        header_words: &header_words,
        row: vec![None; columns.len()],
        col: 0,
        pos: header_end,
        rows: Vec::new(),
        problems: Vec::new(),
    };
    for (anchor, range) in tokens {
        reader.token(anchor, range);
    }
    reader.finish(text.len());
    for (range, message) in reader.problems {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::RowCellCount,
            doc.span(range),
            message,
        ));
    }
    let records = reader
        .rows
        .into_iter()
        .map(|row| {
            let start = row.iter().flatten().map(|r| r.start).min().unwrap_or(0);
            let end = row.iter().flatten().map(|r| r.end).max().unwrap_or(start);
            let cells: Vec<Cell<'_>> = row
                .into_iter()
                .map(|r| r.map_or_else(|| empty_cell(start), |r| whole_cell(doc, r)))
                .collect();
            record(doc, &columns, &cells, start..end, rows, diagnostics)
        })
        .collect();
    Some(Attachment {
        title: squash(doc.slice(title)),
        columns,
        records,
    })
}

/// What marks a cell of a collapsed table where it stands: a date, a phone number or a run of
/// citations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Date,
    Phone,
    Citations,
}

/// The anchor that starts a column's cells; `None` for free text (customer, description).
fn anchor_of(kind: ColumnKind) -> Option<Anchor> {
    match kind {
        ColumnKind::Date => Some(Anchor::Date),
        ColumnKind::CallerId | ColumnKind::CalledNumber => Some(Anchor::Phone),
        ColumnKind::Violation => Some(Anchor::Citations),
        _ => None,
    }
}

/// The anchors in `region` of the text, in order: runs of citations separated by `;` or `,`
/// (`47 U.S.C. § 227(b); 47 CFR § 64.1200`), then, outside them, dates and phone numbers
/// (`Mar. 19, 2021`, `(202) 555-0160`, `XXX-XXX-XXXX`, `[REDACTED]`) starting at a word
/// boundary — the longer reading when both parse. One pass over the region.
fn anchors(text: &str, region: Range<usize>, found: &[Found]) -> Vec<(Anchor, Range<usize>)> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    let first = found.partition_point(|f| f.range.start < region.start);
    for f in found
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|f| f.range.end <= region.end)
    {
        match runs.last_mut() {
            Some(run)
                if f.range.start >= run.end
                    && text.get(run.end..f.range.start).is_some_and(|gap| {
                        gap.chars()
                            .all(|c| c.is_whitespace() || c == ';' || c == ',')
                    }) =>
            {
                run.end = f.range.end;
            }
            Some(run) if f.range.start < run.end => run.end = run.end.max(f.range.end),
            _ => runs.push(f.range.clone()),
        }
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut next_run = runs.iter().peekable();
    let mut i = region.start;
    while i < region.end {
        if let Some(run) = next_run.peek() {
            if i >= run.start {
                out.push((Anchor::Citations, (*run).clone()));
                i = i.max(run.end);
                next_run.next();
                continue;
            }
        }
        let boundary = i == 0 || bytes.get(i - 1).is_some_and(|b| !b.is_ascii_alphanumeric());
        let starts = bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'(' | b'+' | b'['));
        let rest = match (boundary && starts, text.get(i..)) {
            (true, Some(rest)) => rest,
            _ => {
                i += 1;
                continue;
            }
        };
        let date = super::date::parse_date_prefix(rest)
            .map(|(_, used)| used)
            .filter(|&used| {
                !rest
                    .get(used..)
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_alphanumeric)
            });
        let phone = super::phone::phone_at_start(rest)
            .map(|(_, r)| r.end)
            .or_else(|| {
                regex!(r"^(?:\[REDACTED\]|\(?XXX\)?[-. ]?XXX[-. ]XXXX(?-u:\b))")
                    .find(rest)
                    .map(|m| m.end())
            });
        let found = match (date, phone) {
            (Some(d), Some(p)) if p > d => Some((Anchor::Phone, p)),
            (Some(d), _) => Some((Anchor::Date, d)),
            (None, Some(p)) => Some((Anchor::Phone, p)),
            (None, None) => None,
        };
        match found {
            // A date or number must not run into a citation.
            Some((anchor, used)) if next_run.peek().is_none_or(|r| i + used <= r.start) => {
                out.push((anchor, i..i + used));
                i += used.max(1);
            }
            _ => i += 1,
        }
    }
    out
}

/// Reads a collapsed table's rows from its anchors, in the header's column order.
struct RowReader<'a> {
    text: &'a str,
    columns: &'a [Column],
    header_words: &'a [&'a str],
    /// The cells of the row being read.
    row: Vec<Option<Range<usize>>>,
    /// The next column to fill (`columns.len()` once the row's last column is filled).
    col: usize,
    /// Where the text not yet read starts.
    pos: usize,
    rows: Vec<Vec<Option<Range<usize>>>>,
    /// What could not be read: where, and why.
    problems: Vec<(Range<usize>, String)>,
}

impl RowReader<'_> {
    /// Places an anchor in the next column of its kind (in this row or the next one), and the
    /// text before it in the free-text column between.
    fn token(&mut self, anchor: Anchor, range: Range<usize>) {
        let n = self.columns.len();
        // The first column of its kind from the current one on, at most one row ahead.
        let Some(step) = (0..n).find(|k| {
            let idx = (self.col + k) % n;
            self.columns
                .get(idx)
                .is_some_and(|c| anchor_of(c.kind) == Some(anchor))
        }) else {
            // No column of its kind: the anchor is part of some free text.
            return;
        };
        let target = self.col + step;
        self.passing_phones(target);
        let ended = self.free_text(self.pos..range.start, target);
        if target >= n && !ended {
            self.end_row();
        }
        let idx = target % n;
        if let Some(cell) = self.row.get_mut(idx) {
            *cell = Some(range.clone());
        }
        self.col = idx + 1;
        self.pos = range.end;
    }

    /// The text `gap` read up to column `target` (beyond the row's end when `target >= n`): the
    /// cell of the one free-text column passed on the way.
    /// Returns whether it closed the row (the text starts the next one).
    fn free_text(&mut self, gap: Range<usize>, target: usize) -> bool {
        let n = self.columns.len();
        let gap = self.without_header(trimmed(self.text, gap));
        if gap.is_empty() {
            return false;
        }
        let free: Vec<usize> = (self.col..target)
            .filter(|k| {
                self.columns
                    .get(k % n)
                    .is_some_and(|c| anchor_of(c.kind).is_none())
            })
            .collect();
        match free.as_slice() {
            [k] if *k < n => {
                if let Some(cell) = self.row.get_mut(*k) {
                    *cell = Some(gap);
                }
                false
            }
            [k] => {
                // The first free column of the next row: close this one first.
                let k = k % n;
                self.end_row();
                if let Some(cell) = self.row.get_mut(k) {
                    *cell = Some(gap);
                }
                true
            }
            [] => {
                let message = "text in Attachment A that fits no column; skipped";
                self.problems.push((gap, message.to_owned()));
                false
            }
            _ => {
                let message = "text between two cells of Attachment A may belong to more than \
                               one text column; those cells are null";
                self.problems.push((gap, message.to_owned()));
                false
            }
        }
    }

    /// Before moving on to column `target`: a phone number in one of two phone columns side by
    /// side, the other one left empty, could be either; both are `None`.
    fn passing_phones(&mut self, target: usize) {
        let is_phone = |k: usize| {
            self.columns
                .get(k)
                .is_some_and(|c| anchor_of(c.kind) == Some(Anchor::Phone))
        };
        let Some(last) = self.col.checked_sub(1) else {
            return;
        };
        let filled = self.row.get(last).is_some_and(Option::is_some);
        if target > self.col && is_phone(last) && is_phone(self.col) && filled {
            if let Some(cell) = self.row.get_mut(last).and_then(Option::take) {
                self.problems.push((
                    cell,
                    "one phone number for two phone columns side by side: which one it is \
                     cannot be told; both are null"
                        .to_owned(),
                ));
            }
        }
    }

    /// `gap` without a table header repeated on a new page at its start or end.
    fn without_header(&self, gap: Range<usize>) -> Range<usize> {
        let piece = self.text.get(gap.clone()).unwrap_or("");
        if let Some(rest) = strip_words(piece, self.header_words) {
            return gap.end - rest.len()..gap.end;
        }
        let words: Vec<&str> = piece.split_whitespace().collect();
        let h = self.header_words.len();
        let tail = words.len().checked_sub(h).and_then(|i| words.get(i..));
        let repeated = tail.is_some_and(|t| {
            h > 0
                && t.iter()
                    .zip(self.header_words)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        });
        match (
            repeated,
            words.len().checked_sub(h).and_then(|i| words.get(i)),
        ) {
            (true, Some(first)) => {
                let at = gap.start + crate::text::offset_in(piece, first);
                trimmed(self.text, gap.start..at)
            }
            _ => gap,
        }
    }

    fn end_row(&mut self) {
        let row = std::mem::replace(&mut self.row, vec![None; self.columns.len()]);
        if row.iter().any(Option::is_some) {
            self.rows.push(row);
        }
        self.col = 0;
    }

    /// The text after the last anchor: the last row's free-text cell, if it has one.
    fn finish(&mut self, end: usize) {
        let n = self.columns.len();
        self.passing_phones(n);
        self.free_text(self.pos..end, n);
        self.end_row();
    }
}

/// `range` without the whitespace at its ends.
/// An empty cell standing at `at`.
fn empty_cell<'d>(at: usize) -> Cell<'d> {
    Cell {
        text: Cow::Borrowed(""),
        range: at..at,
        whole: true,
    }
}

/// The cell that is `range` of the document's text.
fn whole_cell<'d>(doc: &'d Document<'_>, range: Range<usize>) -> Cell<'d> {
    Cell {
        text: Cow::Borrowed(doc.slice(range.clone())),
        range,
        whole: true,
    }
}

/// `text` after a leading run of `words` (compared ignoring ASCII case), or `None` when it
/// does not start with them all.
fn strip_words<'t>(text: &'t str, words: &[&str]) -> Option<&'t str> {
    let mut rest = text.trim_start();
    for word in words {
        let head = rest.get(..word.len())?;
        if !head.eq_ignore_ascii_case(word) {
            return None;
        }
        rest = rest.get(word.len()..)?.trim_start();
    }
    (!words.is_empty()).then_some(rest)
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = text.get(range.clone()).unwrap_or("");
    let start = range.start + (piece.len() - piece.trim_start().len());
    start..start + piece.trim().len()
}

/// A cell's text in an aligned table, and its clean range (the first line's piece to the last).
type Piece = Option<(String, Range<usize>)>;

/// A table set with spaces (`pdftotext -layout`): columns from the header's words and the
/// gutters of each page's rows, rows started by a date (or a first cell), wrapped lines folded
/// into the row above, column kinds of header-less pages from what their cells hold.
fn aligned(
    doc: &Document<'_>,
    lines: &[crate::source::Line],
    rows: &mut Rows,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Vec<Column>, Vec<CallRecord>)> {
    let (header_at, header_len, header) = header_block(doc, lines)?;
    let columns: Vec<Column> = header
        .iter()
        .map(|(_, _, kind, t)| Column {
            header: squash(t),
            kind: *kind,
        })
        .collect();
    // Page blocks of rows after the header (a page break or rule starts a new one; a
    // repeated header is dropped).
    let header_lines = lines.get(header_at..header_at + header_len).unwrap_or(&[]);
    let header_words = header
        .iter()
        .map(|h| h.3.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut blocks: Vec<Vec<&crate::source::Line>> = vec![Vec::new()];
    // The header lines each page block repeats, if it does.
    let mut repeats: Vec<Vec<&crate::source::Line>> = vec![Vec::new()];
    for line in lines.iter().skip(header_at + header_len) {
        if line.page_break || line.kind == LineKind::Rule {
            blocks.push(Vec::new());
            repeats.push(Vec::new());
        }
        // A header repeated on a new page, whole or as one of its wrapped lines.
        let words = doc.slice(line.range.clone());
        let repeated = crate::text::same_words(words, &header_words)
            || (header_len > 1
                && header_lines
                    .iter()
                    .any(|h| crate::text::same_words(words, doc.slice(h.range.clone()))));
        let target = if repeated {
            repeats.last_mut()
        } else {
            blocks.last_mut()
        };
        if let (LineKind::Text, Some(target)) = (line.kind, target) {
            target.push(line);
        }
    }
    // Each row's cells, its range, and which cells its first line filled.
    let mut records: Vec<(Vec<Piece>, Range<usize>, Vec<bool>)> = Vec::new();
    let column_kinds: Vec<ColumnKind> = columns.iter().map(|c| c.kind).collect();
    // The header cells and column edges of the last page that set a header.
    let mut previous: Option<(Vec<HeaderCell>, Vec<usize>)> = None;
    for (b, block) in blocks.iter().enumerate() {
        // Column spans: the header's (first block) or the gutters of this block's rows.
        let repeated: &[&crate::source::Line] = repeats.get(b).map_or(&[], Vec::as_slice);
        let mut occupied: Vec<bool> = Vec::new();
        for line in block
            .iter()
            .copied()
            .chain(if b == 0 { header_lines } else { &[] })
            .chain(repeated.iter().copied())
        {
            for (a, e) in cell_runs(doc.slice(line.range.clone()), line.indent) {
                if occupied.len() < e {
                    occupied.resize(e, false);
                }
                for slot in occupied.iter_mut().take(e).skip(a) {
                    *slot = true;
                }
            }
        }
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut gap = 1;
        for (col, &on) in occupied.iter().enumerate() {
            if on {
                match spans.last_mut() {
                    Some(last) if gap < 1 => last.1 = col + 1,
                    _ => spans.push((col, col + 1)),
                }
                gap = 0;
            } else {
                gap += 1;
            }
        }
        // Which column each span is: under the header, or under the header this page repeats
        // (set anew: a page may set its columns elsewhere), or else by what the cells hold.
        let own_header = (!repeated.is_empty())
            .then(|| header_cells(doc, repeated.iter().copied()))
            .filter(|cells| cells.len() == header.len());
        // A page without a header of its own keeps the previous page's columns, each moved
        // to where this page's text starts near it, when its text starts near most of them.
        let carried = match (b, &own_header, &previous) {
            (0, _, _) | (_, Some(_), _) => None,
            (_, None, Some((cells, edges))) => {
                carried_header(cells, edges, &spans, |span, kind| {
                    span_fits(doc, block, span, kind)
                })
            }
            (_, None, None) => None,
        };
        let page_header = match (b, &own_header) {
            (0, _) => Some(header.as_slice()),
            (_, Some(cells)) => Some(cells.as_slice()),
            _ => carried.as_deref(),
        };
        // Under a header, each column starts where the leftmost text set under its header
        // starts, and a word belongs to the column it starts in; else the spans between the
        // page's gutters are the columns, their kinds told by what they hold.
        let edges = page_header.map(|cells| column_edges(doc, block, cells));
        // Carried pages move from the last header actually set, never from a page that
        // carried one: a move measured each page (text set one space tighter starts a column
        // a character left) would add up page after page.
        if let (None, Some(cells), Some(edges)) = (&carried, page_header, &edges) {
            previous = Some((cells.to_vec(), edges.clone()));
        }
        let kinds = match edges {
            Some(_) => Vec::new(),
            None => kinds_by_content(doc, block, &spans, &columns),
        };
        // Columns told by content still start where their spans do, so dates and phone
        // numbers in a span without a gutter before them (`Beta Dialer Co. March 2, 2023`)
        // are placed like under a header.
        let span_edges = match edges {
            Some(_) => None,
            None => edges_by_spans(&spans, &kinds, columns.len()).map(|mut edges| {
                cited_column(doc, block, &column_kinds, &mut edges);
                edges
            }),
        };
        // Where the cells of the current row's first line start (on this page).
        let mut row_starts: Option<Vec<Option<usize>>> = None;
        for line in block {
            let mut cells: Vec<Piece> = vec![None; columns.len()];
            let mut starts = Vec::new();
            match (&edges, &span_edges) {
                (Some(edges), _) => {
                    starts = words_by_edges(doc, line, edges, &column_kinds, &mut cells);
                }
                (None, Some(edges)) => {
                    words_by_edges(doc, line, edges, &column_kinds, &mut cells);
                }
                (None, None) => {
                    for (&(a, e), kind) in spans.iter().zip(&kinds) {
                        if let (Some(k), Some(piece)) =
                            (kind, slice_words(doc, &line.range, line.indent, a, e))
                        {
                            if let Some(slot) = cells.get_mut(*k) {
                                *slot = Some(piece);
                            }
                        }
                    }
                }
            }
            // A wrapped line is set like its row's first line: a page may set one row tighter
            // than the others (`Tau Leads LLC Auto Warranty Sales` / `Robocall`, `June 13, 2026
            // +1 646 555` / `0172`), so its columns start no further right than the first
            // line's cells did. The line goes on with the row when it does so read either way.
            let by_row = match (&edges, &row_starts) {
                (Some(edges), Some(first)) => row_cells(doc, line, edges, first, &column_kinds),
                _ => None,
            };
            let last = records.last().map(|r| (r.0.as_slice(), r.2.as_slice()));
            let new_row = starts_row(&cells, last, &columns)
                && by_row
                    .as_ref()
                    .is_none_or(|row| starts_row(row, last, &columns));
            if let (false, Some(row)) = (new_row, by_row) {
                cells = row;
            }
            if new_row {
                row_starts = edges.is_some().then(|| starts.clone());
            }
            match records.last_mut() {
                Some((row, span, _)) if !new_row => {
                    for (slot, piece) in row.iter_mut().zip(cells) {
                        match (slot, piece) {
                            (Some((t, r)), Some((p, pr))) => {
                                t.push(' ');
                                t.push_str(&p);
                                r.end = pr.end;
                            }
                            (slot @ None, piece @ Some(_)) => *slot = piece,
                            _ => {}
                        }
                    }
                    span.end = line.range.end;
                }
                _ => {
                    let filled = cells.iter().map(Option::is_some).collect();
                    records.push((cells, line.range.clone(), filled));
                }
            }
        }
    }
    let out = records
        .into_iter()
        .map(|(cells, span, _)| {
            let row: Vec<Cell<'_>> = cells
                .into_iter()
                .map(|c| match c {
                    Some((text, range)) => Cell {
                        whole: doc.slice(range.clone()) == text,
                        text: Cow::Owned(text),
                        range,
                    },
                    None => Cell {
                        text: Cow::Borrowed(""),
                        range: span.start..span.start,
                        whole: true,
                    },
                })
                .collect();
            record(doc, &columns, &row, span, rows, diagnostics)
        })
        .collect();
    Some((columns, out))
}

/// Whether `text` is a year on its own: the rest of a date wrapped in its cell.
fn is_year(text: &str) -> bool {
    let text = text.trim();
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `word` is a section number, the rest of a citation wrapped in its cell
/// (`227(b)(1)(A)(iii)`, `64.1200(a)(2);`).
fn section_like(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word.contains(['(', '.'])
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "().;,".contains(c))
}

/// Whether a unit of a table line starts with a date, or with the month and day of one whose
/// year the cell wraps to its next line.
fn is_date_unit(text: &str) -> bool {
    parse_date_prefix(text).is_some() || date_head_len(text).is_some()
}

/// Where each of a table's `columns` starts on a page whose spans' columns are `kinds`: at
/// its span, or (a column the page leaves out) where the next column's span starts, so no
/// word is placed in it by where it starts. `None` unless every span is a column, in the
/// table's order.
fn edges_by_spans(
    spans: &[(usize, usize)],
    kinds: &[Option<usize>],
    columns: usize,
) -> Option<Vec<usize>> {
    let mut edges = vec![usize::MAX; columns];
    let mut last: Option<usize> = None;
    for (&(a, _), kind) in spans.iter().zip(kinds) {
        let k = (*kind)?;
        if last.is_some_and(|l| l >= k) {
            return None;
        }
        *edges.get_mut(k)? = a;
        last = Some(k);
    }
    let mut next = usize::MAX;
    for edge in edges.iter_mut().rev() {
        if *edge == usize::MAX {
            *edge = next;
        }
        next = *edge;
    }
    // The first column starts the line, whatever it holds.
    if let Some(first) = edges.first_mut() {
        *first = 0;
    }
    Some(edges)
}

/// A Violation column the page's spans leave out (set one space after the description,
/// no gutter between them) starts where the page's first citation list starts (`47 U.S.C.
/// §`), when that is right of the column before it: the wrapped rest of a citation
/// (`227(b)(1)(A)(iii)`) is then placed in it.
fn cited_column(
    doc: &Document<'_>,
    block: &[&crate::source::Line],
    kinds: &[ColumnKind],
    edges: &mut [usize],
) {
    let Some(v) = kinds.iter().position(|&k| k == ColumnKind::Violation) else {
        return;
    };
    let next = edges.get(v + 1).copied().unwrap_or(usize::MAX);
    let before = v.checked_sub(1).and_then(|b| edges.get(b)).copied();
    if edges.get(v) != Some(&next) || before.is_none_or(|b| b == next) {
        return;
    }
    let starts = block.iter().filter_map(|line| {
        let text = doc.slice(line.range.clone());
        let (byte, _) = text
            .match_indices("47 ")
            .find(|&(i, _)| text.get(i..).and_then(typed_len) == Some(0))?;
        Some(line.indent + text.get(..byte)?.chars().count())
    });
    if let (Some(at), Some(before)) = (starts.min(), before) {
        if at > before && at < next {
            if let Some(edge) = edges.get_mut(v) {
                *edge = at;
            }
        }
    }
}

/// The cells of `line` read with its row's own column edges: each page edge moved left to
/// where the row's first line started that column (`first`), if further left; `None` when
/// that moves no edge.
fn row_cells(
    doc: &Document<'_>,
    line: &crate::source::Line,
    edges: &[usize],
    first: &[Option<usize>],
    kinds: &[ColumnKind],
) -> Option<Vec<Piece>> {
    let mut floor = 0;
    let row_edges: Vec<usize> = edges
        .iter()
        .zip(first)
        .map(|(&edge, start)| {
            let at = start.map_or(edge, |s| s.min(edge)).max(floor);
            floor = at + 1;
            at
        })
        .collect();
    if row_edges == edges {
        return None;
    }
    let mut cells = vec![None; kinds.len()];
    words_by_edges(doc, line, &row_edges, kinds, &mut cells);
    Some(cells)
}

/// A header cell of an aligned table: its character columns, kind and text.
type HeaderCell = (usize, usize, ColumnKind, String);

/// The header of an aligned table: the first run of one to three lines whose cells, joined
/// down each column (`Date of` / `Call`, `Caller` / `ID`), name at least three known columns;
/// of the runs starting at a line, the one naming the most. Returns where it starts, its
/// number of lines and its cells.
fn header_block(
    doc: &Document<'_>,
    lines: &[crate::source::Line],
) -> Option<(usize, usize, Vec<HeaderCell>)> {
    const MAX_HEADER_LINES: usize = 3;
    for (i, line) in lines.iter().enumerate() {
        if line.kind != LineKind::Text {
            continue;
        }
        let mut best: Option<(usize, usize, Vec<HeaderCell>)> = None;
        for len in 1..=MAX_HEADER_LINES {
            let Some(block) = lines.get(i..i + len) else {
                break;
            };
            if block.iter().any(|l| l.kind != LineKind::Text)
                || block.iter().skip(1).any(|l| l.page_break)
            {
                break;
            }
            let cells = header_cells(doc, block);
            let known = cells.iter().filter(|c| c.2 != ColumnKind::Other).count();
            let better = best.as_ref().is_none_or(|(k, _, b)| {
                let other = |cells: &[HeaderCell]| {
                    cells.iter().filter(|c| c.2 == ColumnKind::Other).count()
                };
                known > *k || (known == *k && other(&cells) < other(b))
            });
            if known >= 3 && better {
                best = Some((known, len, cells));
            }
        }
        if let Some((_, len, cells)) = best {
            return Some((i, len, cells));
        }
    }
    None
}

/// The header of the page before (`cells`, whose columns started at `edges`) carried to a page
/// without one, whose text runs between gutters are `spans`: each cell moved by how far the
/// span starting nearest its edge (at most a few characters away) starts from it, or, where
/// none does, by the middle such move. `None` when fewer than half the columns have a span
/// starting near them (unless every span starts near one), or when a span holds what the kind of the column it starts in cannot
/// (`fits`): the page sets its columns elsewhere (`pdftotext` drops empty columns).
fn carried_header(
    cells: &[HeaderCell],
    edges: &[usize],
    spans: &[(usize, usize)],
    fits: impl Fn((usize, usize), ColumnKind) -> bool,
) -> Option<Vec<HeaderCell>> {
    const MAX_SHIFT: isize = 4;
    for &(a, e) in spans {
        // The column the span starts in (a little left of its edge counts).
        let k = edges
            .partition_point(|&edge| edge as isize - MAX_SHIFT <= a as isize)
            .saturating_sub(1);
        if !cells.get(k).is_some_and(|c| fits((a, e), c.2)) {
            return None;
        }
    }
    let moves: Vec<Option<isize>> = edges
        .iter()
        .map(|&edge| {
            spans
                .iter()
                .map(|&(a, _)| a as isize - edge as isize)
                .filter(|d| d.abs() <= MAX_SHIFT)
                .min_by_key(|d| d.abs())
        })
        .collect();
    let mut found: Vec<isize> = moves.iter().flatten().copied().collect();
    // A page with few columns filled (a row's last wrapped lines) keeps the header when each
    // of its spans starts near a column.
    let each_near = !spans.is_empty()
        && spans.iter().all(|&(a, _)| {
            edges
                .iter()
                .any(|&edge| (a as isize - edge as isize).abs() <= MAX_SHIFT)
        });
    if found.len() * 2 < cells.len() && !each_near {
        return None;
    }
    found.sort_unstable();
    let middle = found.get(found.len() / 2).copied().unwrap_or(0);
    let shift = |at: usize, by: isize| at.saturating_add_signed(by);
    Some(
        cells
            .iter()
            .zip(moves)
            .map(|(c, by)| {
                let by = by.unwrap_or(middle);
                (shift(c.0, by), shift(c.1, by), c.2, c.3.clone())
            })
            .collect(),
    )
}

/// Where each column of a table page starts: the leftmost start of the text runs set under
/// its header cell (the cell they overlap most; runs split off one space after other text
/// count only for a column with no other runs), or the header's own start for a column with
/// no text under it; strictly increasing.
fn column_edges(
    doc: &Document<'_>,
    block: &[&crate::source::Line],
    header: &[HeaderCell],
) -> Vec<usize> {
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); header.len()];
    let mut squeezed: Vec<Option<usize>> = vec![None; header.len()];
    for line in block {
        let text = doc.slice(line.range.clone());
        for (a, e) in cell_runs(text, line.indent) {
            let overlap = |h: &HeaderCell| e.min(h.1) as isize - a.max(h.0) as isize;
            // A run never belongs to a column whose header's left neighbour ends right of its
            // start (a column is at least as wide as its header), give or take a drift:
            // `Service Imposter 227(b)(1)(A)(iii)` or `Westgate Marketing Group IRS
            // Imposter`, two cells one space apart, are not the right-hand column's.
            // Nor does prose (`IRS Imposter` pushed left after a redaction) belong to a date
            // or phone column.
            let prose = text
                .chars()
                .skip(a.saturating_sub(line.indent))
                .take(e.saturating_sub(a))
                .collect::<String>()
                .split_whitespace()
                .next()
                .is_some_and(|w| is_prose(w) && typed_len(w).is_none());
            let fits = |k: usize| {
                k.checked_sub(1)
                    .and_then(|p| header.get(p))
                    .is_none_or(|before| a + DRIFT >= before.1)
                    && !(prose && header.get(k).is_some_and(|h| typed_column(h.2)))
            };
            let best = header
                .iter()
                .enumerate()
                .filter(|&(k, _)| fits(k))
                .map(|(k, h)| (k, overlap(h)))
                .max_by_key(|&(_, o)| o)
                .filter(|&(_, o)| o > 0)
                .map(|(k, _)| k)
                .or_else(|| {
                    // Under no header (a header centred over a wide column): a date, phone
                    // number or citation list goes to the nearest column of its kind.
                    let run = text
                        .char_indices()
                        .nth(a.checked_sub(line.indent)?)
                        .and_then(|(byte, _)| text.get(byte..))?;
                    let kinds: &[ColumnKind] = if parse_date_prefix(run).is_some() {
                        &[ColumnKind::Date]
                    } else if typed_len(run).is_some_and(|len| len > 0) {
                        &[ColumnKind::CallerId, ColumnKind::CalledNumber]
                    } else if typed_len(run) == Some(0) {
                        &[ColumnKind::Violation]
                    } else {
                        return None;
                    };
                    header
                        .iter()
                        .enumerate()
                        .filter(|(_, h)| kinds.contains(&h.2))
                        .min_by_key(|(_, h)| (-overlap(h)).max(0))
                        .map(|(k, _)| k)
                })
                .or_else(|| {
                    // Or the nearest a few characters away: a header centred over a wide
                    // column (`Psi Contact Group` before a centred `Customer`) that holds
                    // text, not dates or numbers.
                    header
                        .iter()
                        .enumerate()
                        .filter(|&(k, h)| fits(k) && !typed_column(h.2))
                        .map(|(k, h)| (k, overlap(h)))
                        .max_by_key(|&(_, o)| o)
                        .filter(|&(_, o)| o > -(JITTER as isize))
                        .map(|(k, _)| k)
                });
            // A run one space after the text before it was set tighter than the page (`…
            // Claiming to Be 47 CFR §`): it tells where its column starts only when nothing
            // else does.
            let before = |n: usize| {
                a.checked_sub(line.indent + n)
                    .and_then(|i| text.chars().nth(i))
            };
            let tight = before(1) == Some(' ') && before(2).is_some_and(|c| !c.is_whitespace());
            match best {
                Some(k) if tight => {
                    if let Some(slot) = squeezed.get_mut(k) {
                        *slot = Some(slot.map_or(a, |x| x.min(a)));
                    }
                }
                Some(k) => {
                    if let Some(list) = starts.get_mut(k) {
                        list.push(a);
                    }
                }
                None => {}
            }
        }
    }
    let mut floor = 0;
    header
        .iter()
        .zip(starts.iter_mut().map(|s| leftmost_shared(s)).zip(squeezed))
        .map(|(h, (left, tight))| {
            let edge = left.or(tight).unwrap_or(h.0).max(floor);
            floor = edge + 1;
            edge
        })
        .collect()
}

/// Where a column's runs start (`starts`, sorted here): the leftmost start that enough of them
/// share (a quarter, within [`DRIFT`]), or a start a few characters left of it. A row
/// `pdftotext` set much tighter than the rest of its page starts every column well left of
/// the others, and does not move the page's edges.
fn leftmost_shared(starts: &mut [usize]) -> Option<usize> {
    starts.sort_unstable();
    let need = starts.len().div_ceil(4);
    let shared = starts
        .iter()
        .enumerate()
        .find(|&(i, &s)| {
            starts
                .iter()
                .skip(i)
                .take_while(|&&t| t <= s + DRIFT)
                .count()
                >= need
        })
        .map(|(_, &s)| s)?;
    starts.iter().copied().find(|&s| s + JITTER >= shared)
}

/// How far (in characters) `pdftotext` may set a line's cells left of where the rest of
/// its page sets them.
const JITTER: usize = 4;

/// How far (in characters) text set at a column's left edge may drift left of where the
/// rest of the page sets that column in `pdftotext -layout` output.
const DRIFT: usize = 2;

/// Puts each word of `line` in the column it starts in (`edges` from [`column_edges`]). A
/// date, phone number or redaction (`+1 512 555 0143`) is one unit, in the column its first
/// word starts in. A word that starts just left of a column's edge, one space after the word
/// before, while that column's own text on the line starts well right of its edge, is the
/// column's text drifted left (`Contract Sales 227(e); 47 CFR` under `47 U.S.C. §`).
fn words_by_edges(
    doc: &Document<'_>,
    line: &crate::source::Line,
    edges: &[usize],
    kinds: &[ColumnKind],
    cells: &mut [Piece],
) -> Vec<Option<usize>> {
    let text = doc.slice(line.range.clone());
    // (start byte, end byte, start column, end column, typed) of each unit.
    let mut units: Vec<(usize, usize, usize, usize, bool)> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while let Some(&(byte, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // The unit runs to the end of the word holding its typed value's last character.
        let rest = text.get(byte..).unwrap_or("");
        let typed = typed_len(rest)
            .or_else(|| {
                date_head_len(rest).map(|len| rest.get(..len).map_or(0, |h| h.chars().count()))
            })
            .unwrap_or(0);
        let mut j = i + typed.max(1);
        while chars.get(j).is_some_and(|(_, c)| !c.is_whitespace()) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        units.push((byte, end, line.indent + i, line.indent + j, typed > 0));
        i = j.max(i + 1);
    }
    let column = |col: usize| edges.partition_point(|&e| e <= col).saturating_sub(1);
    let mut placed: Vec<usize> = units.iter().map(|u| column(u.2)).collect();
    // A citation's words (`47 CFR §`) are the Violation column's when they cross its edge
    // into a column beside it (`§` under the next header, `CFR` wrapped one space after the
    // description).
    if let Some(v) = kinds.iter().position(|&k| k == ColumnKind::Violation) {
        for (unit, p) in units.iter().zip(placed.iter_mut()) {
            let word = text.get(unit.0..unit.1).unwrap_or("");
            let cites = ["U.S.C.", "CFR", "C.F.R.", "§", "§§"].contains(&word)
                || text.get(unit.0..).and_then(typed_len) == Some(0);
            if cites && p.abs_diff(v) == 1 {
                *p = v;
            }
        }
        // A capitalised word one space after a finished citation list (`47 U.S.C. § 227(b)
        // Epsilon Leads`) starts the next column, where that holds text.
        let word = |u: usize| units.get(u).and_then(|w| text.get(w.0..w.1)).unwrap_or("");
        if kinds.get(v + 1).is_some_and(|&k| !typed_column(k)) {
            let ends = (1..units.len()).find(|&u| {
                let (before, this) = (word(u - 1), word(u));
                placed.get(u - 1) == Some(&v)
                    && placed.get(u) == Some(&v)
                    && section_like(before)
                    && !before.ends_with([';', ','])
                    && this.starts_with(|c: char| c.is_uppercase())
                    && is_prose(this)
                    && !["U.S.C.", "CFR", "C.F.R.", "Id.", "See"].contains(&this)
            });
            if let Some(u) = ends {
                for p in placed.iter_mut().skip(u).take_while(|p| **p == v) {
                    *p = v + 1;
                }
            }
        }
    }
    for u in 1..units.len() {
        let (Some(&(_, _, start, _, _)), Some(&(_, _, _, before_end, _))) =
            (units.get(u), units.get(u - 1))
        else {
            continue;
        };
        let Some(&k) = placed.get(u) else { continue };
        let Some(&edge) = edges.get(k + 1) else {
            continue;
        };
        // ... and runs on into that column's text one space later.
        let runs_on = units
            .get(u + 1)
            .zip(placed.get(u + 1))
            .is_some_and(|(next, &p)| {
                p == k + 1 && units.get(u).is_some_and(|me| next.2 == me.3 + 1)
            });
        let cramped = start == before_end + 1 && start + DRIFT >= edge && runs_on;
        // The next column's own text on this line starts well right of its edge, and is not
        // a date, phone number or redaction (which fills its cell: nothing comes before it).
        let late = placed
            .iter()
            .zip(&units)
            .find(|(&p, _)| p == k + 1)
            .is_some_and(|(_, unit)| unit.2 > edge.saturating_add(DRIFT) && !unit.4);
        if cramped && late {
            for p in placed.iter_mut().skip(u).take_while(|p| **p == k) {
                *p = k + 1;
            }
        }
    }
    // Words set in a date or phone column just before that column's own value are the end
    // of the column before it, set one space tighter than the page (`Beta Dialer Co.
    // October 5, 2023` where `Co.` starts under `Date of Call`).
    // So are words set in a Violation column before its citations (`Auto Warranty Sales
    // Robocall 47 U.S.C. § 227(b)`).
    let mut value_in: Option<usize> = None;
    for (unit, p) in units.iter().zip(placed.iter_mut()).rev() {
        let word = text.get(unit.0..).unwrap_or("");
        if unit.4 {
            let kind = kinds.get(*p).copied();
            let fits = match is_date_unit(word) {
                true => kind == Some(ColumnKind::Date),
                false => matches!(kind, Some(ColumnKind::CallerId | ColumnKind::CalledNumber)),
            };
            value_in = fits.then_some(*p);
            continue;
        }
        let before = p.checked_sub(1);
        match (value_in, before.and_then(|b| kinds.get(b))) {
            (Some(k), Some(&kind)) if k == *p && !typed_column(kind) => {
                *p = k - 1;
            }
            _ => value_in = None,
        }
    }
    // A section number wrapped in a Violation cell (`227(b)(1)(A)(iii)`, `64.1200(a)(2)`) set
    // a little left of its column's edge, at the end of the line, is the Violation's.
    let last = units.len().saturating_sub(1);
    if let (Some(unit), Some(p)) = (units.get(last), placed.get_mut(last)) {
        let next = *p + 1;
        let near = edges.get(next).is_some_and(|&edge| unit.2 + JITTER >= edge);
        if near
            && kinds.get(next) == Some(&ColumnKind::Violation)
            && kinds.get(*p).is_some_and(|&k| !typed_column(k))
            && section_like(text.get(unit.0..unit.1).unwrap_or(""))
        {
            *p = next;
        }
    }
    let first_citation = units.iter().zip(&placed).position(|(unit, p)| {
        kinds.get(*p) == Some(&ColumnKind::Violation)
            && text.get(unit.0..).and_then(typed_len) == Some(0)
    });
    if let Some((c, &k)) = first_citation.and_then(|c| Some((c, placed.get(c)?))) {
        let before = k.checked_sub(1).and_then(|b| kinds.get(b));
        if before.is_some_and(|&kind| !typed_column(kind)) {
            // Words, not the end of a citation wrapped from the line above (`227(e); 47 CFR`).
            let word = |unit: &(usize, usize, usize, usize, bool)| {
                let w = text.get(unit.0..unit.1).unwrap_or("");
                w.starts_with(char::is_alphabetic)
                    && !["U.S.C.", "CFR", "C.F.R.", "and", "Id."].contains(&w)
            };
            for (_, p) in units
                .iter()
                .zip(placed.iter_mut())
                .take(c)
                .rev()
                .take_while(|(unit, p)| **p == k && word(unit))
            {
                *p = k - 1;
            }
        }
    }
    // Prose placed in a date or phone column (the line is set tighter than the page) goes to
    // the next column that can hold it; a second date or phone number in a column that holds
    // one already, to the next column of its kind (`XXX-XXX-XXXX +1 (617) 555-0130`); and
    // what follows on the line no further left.
    let mut floor = 0;
    let mut typed_in: Option<usize> = None;
    for (unit, p) in units.iter().zip(placed.iter_mut()) {
        let word = text.get(unit.0..unit.1).unwrap_or("");
        let is_date = unit.4 && is_date_unit(word);
        // A citation list (`47 U.S.C. §`) starts a Violation cell, where there is one.
        let citation = text
            .get(unit.0..)
            .is_some_and(|rest| typed_len(rest) == Some(0));
        let violation_after = kinds
            .iter()
            .skip(*p + 1)
            .any(|&k| k == ColumnKind::Violation);
        let fits_next = |j: usize| {
            kinds.get(j).is_some_and(|&k| match (unit.4, is_date) {
                (false, _) if citation && violation_after => k == ColumnKind::Violation,
                (false, _) => !typed_column(k),
                (true, true) => k == ColumnKind::Date,
                (true, false) => matches!(k, ColumnKind::CallerId | ColumnKind::CalledNumber),
            })
        };
        let misplaced = if unit.4 {
            // A second value in one column, or a value in a column of another kind.
            typed_in == Some(*p) || !fits_next(*p)
        } else if citation {
            !fits_next(*p)
        } else {
            is_prose(word) && kinds.get(*p).is_some_and(|k| typed_column(*k))
        };
        // A date or phone number fills its cell: a piece of a number set one space after it
        // in the same column (`June 13, 2026 +1 646 555`) starts the next column's cell.
        let after_typed = !unit.4 && !misplaced && !citation && typed_in == Some(*p);
        if misplaced {
            // The next column that can hold it or, where none can, the nearest free one
            // before it (a page that sets a number one space before the description).
            // A column that holds a date or number on this line already is not free.
            let free = |j: &usize| fits_next(*j) && !(unit.4 && typed_in == Some(*j));
            if let Some(next) = (floor.max(*p + 1)..kinds.len())
                .find(free)
                .or_else(|| (floor..*p).rev().find(|j| unit.4 && free(j)))
            {
                *p = next;
            }
        } else if after_typed && *p + 1 < kinds.len() {
            *p += 1;
        }
        *p = (*p).max(floor);
        floor = *p;
        if unit.4 {
            typed_in = Some(*p);
        }
    }
    let mut starts: Vec<Option<usize>> = vec![None; edges.len()];
    for (&(start, end, col, _, _), &k) in units.iter().zip(&placed) {
        if let Some(slot @ None) = starts.get_mut(k) {
            *slot = Some(col);
        }
        let (Some(slot), Some(piece)) = (cells.get_mut(k), text.get(start..end)) else {
            continue;
        };
        let range = line.range.start + start..line.range.start + end;
        match slot {
            Some((t, r)) => {
                let gap = text
                    .get(r.end.saturating_sub(line.range.start)..start)
                    .unwrap_or(" ");
                t.push_str(gap);
                t.push_str(piece);
                r.end = range.end;
            }
            None => *slot = Some((piece.to_owned(), range)),
        }
    }
    starts
}

/// The words of `line` that start between character columns `from..to` (the line starts at
/// `indent`), joined as written, with their clean range: a cell's text, even where a single
/// space separates it from the next cell.
fn slice_words(
    doc: &Document<'_>,
    line: &Range<usize>,
    indent: usize,
    from: usize,
    to: usize,
) -> Option<(String, Range<usize>)> {
    let text = doc.slice(line.clone());
    let (mut start, mut end) = (None, 0);
    let mut previous_blank = true;
    for (i, (byte, c)) in text.char_indices().enumerate() {
        let col = indent + i;
        let blank = c.is_whitespace();
        if !blank && previous_blank {
            // A word starts here: it belongs to the cell whose columns hold its start.
            if col >= to {
                break;
            }
            if col >= from {
                start.get_or_insert(byte);
            }
        }
        if !blank && start.is_some() {
            end = byte + c.len_utf8();
        }
        previous_blank = blank;
    }
    let start = start?;
    let piece = text.get(start..end)?;
    Some((piece.to_owned(), line.start + start..line.start + end))
}

/// A run of header text that is two or more known headers set one space apart (`Call Date
/// Calling Number`, `Upstream Provider Date of Call ANI Dialed Number`), split into them: the
/// longest known header at each word, or the first words of one that wraps. Each piece is
/// (character offset, character length, text). `None` when the run is one header or holds an
/// unknown word.
fn segment_header(text: &str) -> Option<Vec<(usize, usize, String)>> {
    if column_kind(text) != ColumnKind::Other {
        return None;
    }
    // The words with their character offsets.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut byte_start = None;
    for (i, (byte, c)) in text.char_indices().enumerate() {
        match (c.is_whitespace(), byte_start) {
            (false, None) => byte_start = Some((byte, i)),
            (true, Some((b, ci))) => {
                words.push((ci, text.get(b..byte)?));
                byte_start = None;
            }
            _ => {}
        }
    }
    if let Some((b, ci)) = byte_start {
        words.push((ci, text.get(b..)?));
    }
    const LONGEST_HEADER: usize = 4;
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let phrase = |n: usize| -> Vec<&str> {
            words
                .get(i..i + n)
                .unwrap_or(&[])
                .iter()
                .map(|w| w.1)
                .collect()
        };
        let most = LONGEST_HEADER.min(words.len() - i);
        // The longest run of words that is a whole header or the first words of one wrapped
        // onto the next line (`Upstream` / `Provider`; `Date of` / `Call`, not `Date`).
        let n = (1..=most).rev().find(|&n| {
            column_kind(&phrase(n).join(" ")) != ColumnKind::Other || starts_header(&phrase(n))
        })?;
        let (first, _) = words.get(i)?;
        let (last_at, last) = words.get(i + n - 1)?;
        let len = last_at + last.chars().count() - first;
        let phrase: Vec<&str> = words.get(i..i + n)?.iter().map(|w| w.1).collect();
        pieces.push((*first, len, phrase.join(" ")));
        i += n;
    }
    (pieces.len() >= 2).then_some(pieces)
}

/// Whether `words` are the first words of a longer known header.
fn starts_header(words: &[&str]) -> bool {
    SYNONYMS.iter().any(|(synonym, _)| {
        let theirs: Vec<&str> = synonym.split(' ').collect();
        theirs.len() > words.len()
            && words
                .iter()
                .zip(&theirs)
                .all(|(a, b)| a.eq_ignore_ascii_case(b))
    })
}

/// The cells of a header set over `block`'s lines: each line's runs, grouped down the page
/// where their columns overlap, their words joined in line order.
fn header_cells<'l>(
    doc: &Document<'_>,
    block: impl IntoIterator<Item = &'l crate::source::Line>,
) -> Vec<HeaderCell> {
    let mut cells: Vec<(usize, usize, String)> = Vec::new();
    for line in block {
        let runs = columns_of(doc.slice(line.range.clone()), line.indent)
            .into_iter()
            .filter_map(|(a, b)| {
                let (text, _) = slice_columns(doc, &line.range, line.indent, a, b)?;
                Some((a, b, text))
            })
            .flat_map(|(a, b, text)| match segment_header(&text) {
                // Cells one space apart: `Upstream Provider Date of Call ANI`.
                Some(pieces) => pieces
                    .into_iter()
                    .map(|(at, len, piece)| (a + at, a + at + len, piece))
                    .collect(),
                None => vec![(a, b, text)],
            });
        for (a, b, text) in runs {
            let above: Vec<usize> = (0..cells.len())
                .filter(|&k| cells.get(k).is_some_and(|(ca, cb, _)| *ca < b && a < *cb))
                .collect();
            if above.len() >= 2 {
                // A wrapped line under two or more cells (`Caller Called` / `ID Number`): each
                // word goes to one of them.
                let words = words_at(&text, a);
                if let Some(choice) = split_among(&cells, &above, &words) {
                    for ((wa, wb, word), k) in words.iter().zip(choice) {
                        if let Some((ca, cb, t)) = above.get(k).and_then(|&i| cells.get_mut(i)) {
                            (*ca, *cb) = ((*ca).min(*wa), (*cb).max(*wb));
                            t.push(' ');
                            t.push_str(word);
                        }
                    }
                    continue;
                }
            }
            match above.first().and_then(|&k| cells.get_mut(k)) {
                Some((ca, cb, words)) => {
                    (*ca, *cb) = ((*ca).min(a), (*cb).max(b));
                    words.push(' ');
                    words.push_str(&text);
                }
                None => cells.push((a, b, text)),
            }
        }
    }
    cells.sort_by_key(|c| c.0);
    cells
        .into_iter()
        .map(|(a, b, text)| (a, b, column_kind(&text), text))
        .collect()
}

/// The words of `text` (set from character column `at`) as `(start, end, word)` columns.
fn words_at(text: &str, at: usize) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte, column)
    let mut col = at;
    for (byte, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some((byte, col)),
            (true, Some((b, s))) => {
                out.extend(text.get(b..byte).map(|w| (s, col, w)));
                start = None;
            }
            _ => {}
        }
        col += 1;
    }
    if let Some((b, s)) = start {
        out.extend(text.get(b..).map(|w| (s, col, w)));
    }
    out
}

/// How to share `words`, a wrapped header line's run, among the header cells `targets`
/// (indices into `cells`, left to right) that it lies under: for each word, its target's
/// position in `targets`, in order. The sharing that makes the most cells known headers wins
/// (`Caller` + `ID`, `Called` + `Number`, not `Caller` + `ID Number`), then the one whose words
/// lie most under their cells. `None` when there are too many words or cells to try.
fn split_among(
    cells: &[(usize, usize, String)],
    targets: &[usize],
    words: &[(usize, usize, &str)],
) -> Option<Vec<usize>> {
    const MAX_WORDS: usize = 8;
    const MAX_TARGETS: usize = 4;
    if words.is_empty() || words.len() > MAX_WORDS || targets.len() > MAX_TARGETS {
        return None;
    }
    let score = |choice: &[usize]| {
        let known = targets
            .iter()
            .enumerate()
            .filter(|&(t, &k)| {
                let Some((_, _, text)) = cells.get(k) else {
                    return false;
                };
                let mut joined = text.clone();
                for (w, _) in words.iter().zip(choice).filter(|(_, &c)| c == t) {
                    joined.push(' ');
                    joined.push_str(w.2);
                }
                column_kind(&joined) != ColumnKind::Other
            })
            .count();
        let overlap: isize = words
            .iter()
            .zip(choice)
            .filter_map(|(&(wa, wb, _), &t)| {
                let (ca, cb, _) = cells.get(*targets.get(t)?)?;
                Some(wb.min(*cb) as isize - wa.max(*ca) as isize)
            })
            .sum();
        (known, overlap)
    };
    // Every non-decreasing choice of target per word (at most C(11, 3) of them).
    let mut choice = vec![0; words.len()];
    let mut best: Option<((usize, isize), Vec<usize>)> = None;
    loop {
        let s = score(&choice);
        if best.as_ref().is_none_or(|(b, _)| s > *b) {
            best = Some((s, choice.clone()));
        }
        // The next non-decreasing sequence: bump the last position that can go up, and set
        // those after it to its new value.
        let Some(i) = (0..choice.len())
            .rev()
            .find(|&i| choice.get(i).is_some_and(|&c| c + 1 < targets.len()))
        else {
            break;
        };
        let next = choice.get(i).map_or(0, |c| c + 1);
        for c in choice.iter_mut().skip(i) {
            *c = next;
        }
    }
    best.map(|(_, choice)| choice)
}

/// Whether an aligned table's line, cut into `cells`, starts a new row rather than going on
/// with the `last` one. Cells are set at the top of their row, so a wrapped line has text
/// only in columns the row already has, and never a second date or phone number: a line
/// starts a row when it has a date (unless it finishes a date wrapped in a narrow column,
/// `Mar. 19,` / `2021`), a phone number where the row has a whole one, a new list of
/// citations after a finished one, or (in a table without dates) text in a column where the
/// row has none or in every column the row's first line filled. `last` is the row so far
/// and which cells its first line filled.
fn starts_row(cells: &[Piece], last: Option<(&[Piece], &[bool])>, columns: &[Column]) -> bool {
    let Some((last, first_line)) = last else {
        return cells.iter().any(Option::is_some);
    };
    let has_date_column = columns.iter().any(|c| c.kind == ColumnKind::Date);
    // Without dates: a line that fills every cell the row's first line filled (two or more)
    // is a row of its own.
    let filled = cells.iter().filter(|c| c.is_some()).count();
    let repeats_first = filled >= 2
        && first_line
            .iter()
            .zip(cells)
            .all(|(was, now)| !*was || now.is_some());
    // A citation list wrapped in its cell goes on (`47 U.S.C. §` / `227(b)(1)(A)(iii)`).
    let open = |before: &str| {
        ["§", "CFR", "C.F.R.", "U.S.C.", ";", ",", "and", "47"]
            .iter()
            .any(|end| before.ends_with(end))
    };
    let cites_on = cells
        .iter()
        .zip(last)
        .zip(columns)
        .any(|((this, before), column)| {
            matches!((this, before), (Some((this, _)), Some((before, _)))
            if column.kind == ColumnKind::Violation && open(before) && !this.starts_with("47 "))
        });
    if !has_date_column && repeats_first && !cites_on {
        return true;
    }
    cells
        .iter()
        .zip(last)
        .zip(columns)
        .any(|((this, before), column)| match (this, before) {
            (None, _) => false,
            (Some(_), None) => !has_date_column || column.kind == ColumnKind::Date,
            (Some((this, _)), Some((before, _))) => match column.kind {
                ColumnKind::Date => {
                    parse_date(before).is_some()
                        || parse_date(&format!("{before} {this}")).is_none()
                }
                ColumnKind::CallerId | ColumnKind::CalledNumber => {
                    let number = this.bytes().any(|b| b.is_ascii_digit()) || is_redaction(this);
                    number
                        && (parse_phone(before).is_some()
                            || !before.bytes().any(|b| b.is_ascii_digit()))
                }
                // A new list of citations (`47 U.S.C. …`) after a finished one; a wrapped list
                // goes on after `§`, `CFR`, `;` or `and`.
                ColumnKind::Violation => !open(before) && this.starts_with("47 "),
                _ => false,
            },
        })
}

/// Whether a word of an aligned table's line is prose that no date or phone cell holds: it
/// has a letter and is not a month's name (`Mar.`, `January`), a redaction or `U.S.C.`-style
/// abbreviation (a date or number wrapped in its cell leaves pieces such as `January 10,` /
/// `2025`, `+1 (312)` / `555-0138`).
fn is_prose(word: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let letters: String = word.chars().filter(char::is_ascii_alphabetic).collect();
    let month = letters.len() <= 9
        && letters
            .get(..3)
            .is_some_and(|m| MONTHS.iter().any(|n| m.eq_ignore_ascii_case(n)));
    !letters.is_empty() && !month && !is_redaction(word)
}

/// Whether a column of `kind` holds only a typed value (a date, a phone number), so prose
/// never stands in it.
fn typed_column(kind: ColumnKind) -> bool {
    matches!(
        kind,
        ColumnKind::Date | ColumnKind::CallerId | ColumnKind::CalledNumber
    )
}

/// A redacted cell: `[REDACTED]`, `XXX-XXX-XXXX`, `(XXX) XXX-XXXX`.
fn is_redaction(text: &str) -> bool {
    let text = text.trim();
    text.eq_ignore_ascii_case("[redacted]")
        || text.eq_ignore_ascii_case("redacted")
        || (text.contains(['X', 'x'])
            && text
                .chars()
                .all(|c| matches!(c, 'X' | 'x' | '-' | '(' | ')' | '.' | ' ')))
}

/// Whether what `block` holds between character columns `span` can be a column of `kind`:
/// mostly dates for a date column, phone numbers or redactions for a phone column, citations
/// for a violation column, free text for the others.
fn span_fits(
    doc: &Document<'_>,
    block: &[&crate::source::Line],
    (a, e): (usize, usize),
    kind: ColumnKind,
) -> bool {
    // Judged by the lines that set text at the span's left edge: where a tight page leaves
    // no gutter between two columns (`Apr. 20, 2025 3055550186`), the wrapped lines of the
    // right-hand one (`Robocall Offering Extended`) do not tell what the span starts with.
    let texts: Vec<String> = block
        .iter()
        .filter(|l| slice_columns(doc, &l.range, l.indent, a, a + DRIFT + 1).is_some())
        .filter_map(|l| slice_columns(doc, &l.range, l.indent, a, e).map(|p| p.0))
        .collect();
    let share =
        |f: &dyn Fn(&str) -> bool| texts.iter().filter(|t| f(t)).count() * 2 >= texts.len().max(1);
    // A piece of a number or date wrapped in its cell (`+1 (971)` / `555-0195`).
    let numeric = |t: &str| {
        t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '(' | ')' | '+' | '-' | '.' | '/'))
    };
    // Judged by what each piece starts with: a page set tighter than the others may leave no
    // gutter between two columns.
    let typed = |t: &str| typed_len(t).is_some_and(|len| len > 0);
    let citation_like = |t: &str| {
        t.starts_with(|c: char| c.is_ascii_digit() || c == '§')
            || ["U.S.C.", "CFR", "C.F.R."].iter().any(|w| t.starts_with(w))
    };
    // Citations wrapped in their cell leave bare section numbers (`64.1604`), numeric like a
    // phone number's piece: a span with citations and no whole phone number is citations.
    let citations = texts.iter().any(|t| {
        ["U.S.C.", "CFR", "C.F.R.", "§"]
            .iter()
            .any(|w| t.contains(w))
    }) && !texts.iter().any(|t| typed(t));
    let held = if share(&|t| is_date_unit(t) || is_year(t)) {
        ColumnKind::Date
    } else if citations && share(&citation_like) {
        ColumnKind::Violation
    } else if share(&|t| typed(t) || numeric(t)) {
        ColumnKind::CallerId
    } else if share(&citation_like) {
        ColumnKind::Violation
    } else {
        ColumnKind::Description
    };
    match kind {
        ColumnKind::Date | ColumnKind::Violation => held == kind,
        ColumnKind::CallerId | ColumnKind::CalledNumber => held == ColumnKind::CallerId,
        _ => held == ColumnKind::Description,
    }
}

/// Column kinds of a page that has no header, from what its spans hold: dates, phone numbers,
/// citations, then the first and second text columns as customer and description.
fn kinds_by_content(
    doc: &Document<'_>,
    block: &[&crate::source::Line],
    spans: &[(usize, usize)],
    columns: &[Column],
) -> Vec<Option<usize>> {
    let index = |kind: ColumnKind| columns.iter().position(|c| c.kind == kind);
    // Spans run left to right, so they take the table's text and phone columns in the
    // table's order (`Customer`, `Called Number`, …, `Caller ID`).
    let in_order = |kinds: [ColumnKind; 2]| {
        let mut found: Vec<usize> = kinds.into_iter().filter_map(index).collect();
        found.sort_unstable();
        found.into_iter()
    };
    let mut texts_free = in_order([ColumnKind::Customer, ColumnKind::Description]);
    let mut phones = in_order([ColumnKind::CallerId, ColumnKind::CalledNumber]);
    spans
        .iter()
        .map(|&(a, e)| {
            let texts: Vec<String> = block
                .iter()
                .filter_map(|l| slice_columns(doc, &l.range, l.indent, a, e).map(|p| p.0))
                .collect();
            let share = |f: &dyn Fn(&str) -> bool| {
                texts.iter().filter(|t| f(t)).count() * 2 >= texts.len().max(1)
            };
            // Dates judged by the lines that set text at the span's left edge, by what they
            // start with: a tight page leaves no gutter after a date (`June 26, 2021
            // 202-555-0199 …`), and the wrapped lines of the columns it runs into do not
            // start there.
            let at_edge: Vec<String> = block
                .iter()
                .filter(|l| slice_columns(doc, &l.range, l.indent, a, a + DRIFT + 1).is_some())
                .filter_map(|l| slice_columns(doc, &l.range, l.indent, a, e).map(|p| p.0))
                .collect();
            let dated = at_edge
                .iter()
                .filter(|t| is_date_unit(t) || is_year(t))
                .count();
            if dated * 2 >= at_edge.len().max(1)
                || share(&|t| parse_date(t).is_some() || date_head_len(t).is_some() || is_year(t))
            {
                index(ColumnKind::Date)
            } else if share(&|t| parse_phone(t).is_some() || is_redaction(t)) {
                phones.next()
            } else if share(&|t| {
                typed_len(t) == Some(0) || t.split(' ').next().is_some_and(section_like)
            }) {
                index(ColumnKind::Violation)
            } else {
                texts_free.next()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (customer, date, caller ID, called number, description, violation) of each record.
    type Row<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );

    #[test]
    fn collapsed_tables() {
        let cases: &[(&str, &[Row], usize)] = &[
            // The sample's order; empty phone cells are gone.
            (
                "ATTACHMENT A Customer Date of Call Caller ID Called Number Description Violation Dawz Telecom Mar. 19, 2021 Auto Warranty 47 U.S.C. § 227(b); 47 CFR § 64.1200 Mash Telecom Mar. 20, 2021 Health Insurance 47 CFR § 64.1200(a)(2)",
                &[
                    (Some("Dawz Telecom"), Some("2021-03-19"), None, None, Some("Auto Warranty"), Some("47 U.S.C. § 227(b); 47 CFR § 64.1200")),
                    (Some("Mash Telecom"), Some("2021-03-20"), None, None, Some("Health Insurance"), Some("47 CFR § 64.1200(a)(2)")),
                ],
                0,
            ),
            // Any column order: the customer last, a redaction kept raw.
            (
                "Attachment A Date of Call Called Number Caller ID Violation Customer 12/22/23 5125550146 [REDACTED] 47 U.S.C. § 227(b) Omega Calls Ltd. 12/11/23 18085550138 305.555.0181 47 CFR § 64.1200(a)(2) Sunrise VoIP",
                &[
                    (Some("Omega Calls Ltd."), Some("2023-12-22"), None, Some("+15125550146"), None, Some("47 U.S.C. § 227(b)")),
                    (Some("Sunrise VoIP"), Some("2023-12-11"), Some("+13055550181"), Some("+18085550138"), None, Some("47 CFR § 64.1200(a)(2)")),
                ],
                0,
            ),
            // No violation column: the description runs to the next row's date.
            (
                "ATTACHMENT A Call Date Caller ID Called Number Campaign 08/22/24 Debt Relief 6/14/2024 XXX-XXX-XXXX 2025550100 Utility Disconnect",
                &[
                    (None, Some("2024-08-22"), None, None, Some("Debt Relief"), None),
                    (None, Some("2024-06-14"), None, Some("+12025550100"), Some("Utility Disconnect"), None),
                ],
                0,
            ),
            // One number for two phone columns side by side: not guessed.
            (
                "ATTACHMENT A Customer Date of Call Caller ID Called Number Violation Dawz 3/1/2021 2025550100 47 CFR § 64.1200(a)(2)",
                &[(Some("Dawz"), Some("2021-03-01"), None, None, None, Some("47 CFR § 64.1200(a)(2)"))],
                1,
            ),
            // Description and the next row's customer side by side: not split.
            (
                "ATTACHMENT A Customer Date of Call Description Dawz 3/1/2021 Robocall Mash 3/2/2021 Other",
                &[
                    (Some("Dawz"), Some("2021-03-01"), None, None, None, None),
                    (None, Some("2021-03-02"), None, None, Some("Other"), None),
                ],
                1,
            ),
        ];
        for (text, want, problems) in cases {
            let doc = Document::from_text(text);
            let layout = crate::layout::layout(&doc);
            let mut diagnostics = Vec::new();
            let found = super::super::citations(&doc, &layout, &mut diagnostics);
            let before = diagnostics.len();
            let table = collapsed(&doc, &found, &mut Rows::default(), &mut diagnostics);
            let records = table.map(|t| t.records).unwrap_or_default();
            let date = |r: &CallRecord| r.date.map(|d| d.to_string());
            let dates: Vec<Option<String>> = records.iter().map(date).collect();
            let got: Vec<Row> = records
                .iter()
                .zip(&dates)
                .map(|(r, d)| {
                    (
                        r.customer.as_deref(),
                        d.as_deref(),
                        r.caller_id.as_deref(),
                        r.called_number.as_deref(),
                        r.description.as_deref(),
                        r.violation.as_ref().map(|v| v.text.as_str()),
                    )
                })
                .collect();
            assert_eq!(got, *want, "{text}");
            let raised = diagnostics
                .iter()
                .skip(before)
                .filter(|d| d.code == DiagnosticCode::RowCellCount)
                .count();
            assert_eq!(raised, *problems, "{text}");
        }
    }

    #[test]
    fn column_synonyms() {
        let cases = [
            ("Customer", ColumnKind::Customer),
            ("Upstream Provider", ColumnKind::Customer),
            ("Date of Call", ColumnKind::Date),
            ("Call Date", ColumnKind::Date),
            ("Caller ID", ColumnKind::CallerId),
            ("Calling Number", ColumnKind::CallerId),
            ("ANI", ColumnKind::CallerId),
            ("Called Number", ColumnKind::CalledNumber),
            ("Dialed Number", ColumnKind::CalledNumber),
            ("Description", ColumnKind::Description),
            ("Campaign", ColumnKind::Description),
            ("Violation", ColumnKind::Violation),
            ("VIOLATION", ColumnKind::Violation),
            ("Notes", ColumnKind::Other),
            ("", ColumnKind::Other),
        ];
        for (header, want) in cases {
            assert_eq!(column_kind(header), want, "{header}");
        }
    }
}
