//! Attachment A in a copy whose line breaks were collapsed into one line.

use super::*;
use crate::layout::citations::Found;
use crate::text::regex;

/// The column headers at the start of `text` in a copy whose line breaks were collapsed
/// (`Customer Date of Call Caller ID …`): the longest synonym at each step. Returns the
/// columns and where the header ends; `None` for fewer than three columns.
pub(super) fn collapsed_header(text: &str) -> Option<(Vec<Column>, usize)> {
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
/// guessed: those cells are `None`, with a diagnostic. At most `max_rows` rows are read.
pub(crate) fn collapsed<'d>(
    doc: &'d Document<'_>,
    found: &[Found],
    max_rows: usize,
    diagnostics: &mut Diagnostics,
) -> Option<Table<'d>> {
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
        if reader.rows.len() > max_rows {
            break; // the first row past the limit is read whole: where it starts is known
        }
        reader.token(anchor, range);
    }
    if reader.rows.len() <= max_rows {
        reader.finish(text.len());
    }
    let unread = reader.rows.get(max_rows).map(|row| {
        let start = row.iter().flatten().map(|r| r.start).min().unwrap_or(0);
        start..text.len()
    });
    reader.rows.truncate(max_rows);
    let read_to = unread.as_ref().map_or(text.len(), |r| r.start);
    for (range, message) in reader.problems.into_iter().filter(|p| p.0.start < read_to) {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::RowCellCount,
            doc.span(range),
            message,
        ));
    }
    let rows = reader
        .rows
        .into_iter()
        .map(|row| {
            let start = row.iter().flatten().map(|r| r.start).min().unwrap_or(0);
            let end = row.iter().flatten().map(|r| r.end).max().unwrap_or(start);
            Row {
                cells: row
                    .into_iter()
                    .map(|r| r.map_or_else(|| Cell::empty(start), |r| Cell::whole(doc, r)))
                    .collect(),
                span: start..end,
            }
        })
        .collect();
    Some(Table {
        title,
        columns,
        rows,
        unread,
    })
}

/// What marks a cell of a collapsed table where it stands: a date, a phone number or a run of
/// citations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    Date,
    Phone,
    Citations,
}

/// The anchor that starts a column's cells; `None` for free text (customer, description).
pub(super) fn anchor_of(kind: ColumnKind) -> Option<Anchor> {
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
pub(super) fn anchors(
    text: &str,
    region: Range<usize>,
    found: &[Found],
) -> Vec<(Anchor, Range<usize>)> {
    let runs = citation_runs(text, region.clone(), found);
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
        let found = date_or_phone(rest);
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

/// The runs of citations in `region`: citations separated only by `;`, `,` and whitespace
/// make one run (`47 U.S.C. § 227(b); 47 CFR § 64.1200`).
fn citation_runs(text: &str, region: Range<usize>, found: &[Found]) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    let first = found.partition_point(|f| f.range.start < region.start);
    let inside = found
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|f| f.range.end <= region.end);
    for f in inside {
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
    runs
}

/// A date or a phone number (or redaction) at the start of `rest`, and its length: the
/// longer reading when both parse; a date must not run into a word.
fn date_or_phone(rest: &str) -> Option<(Anchor, usize)> {
    let date = crate::grammar::date::parse_date_prefix(rest)
        .map(|(_, used)| used)
        .filter(|&used| {
            !rest
                .get(used..)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_alphanumeric)
        });
    let phone = crate::grammar::phone::phone_at_start(rest)
        .map(|(_, r)| r.end)
        .or_else(|| {
            regex!(r"^(?:\[REDACTED\]|\(?XXX\)?[-. ]?XXX[-. ]XXXX(?-u:\b))")
                .find(rest)
                .map(|m| m.end())
        });
    match (date, phone) {
        (Some(d), Some(p)) if p > d => Some((Anchor::Phone, p)),
        (Some(d), _) => Some((Anchor::Date, d)),
        (None, Some(p)) => Some((Anchor::Phone, p)),
        (None, None) => None,
    }
}

/// Reads a collapsed table's rows from its anchors, in the header's column order.
pub(super) struct RowReader<'a> {
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

/// `text` after a leading run of `words` (compared ignoring ASCII case), or `None` when it
/// does not start with them all.
pub(super) fn strip_words<'t>(text: &'t str, words: &[&str]) -> Option<&'t str> {
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
