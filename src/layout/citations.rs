//! The letter's citations: one scan over its text in reading order, resolved, each with the
//! range parts of the letter claim it by.

use super::{Parts, Table};
pub(crate) use crate::cite::Found;
use crate::cite::IssueKind;
use crate::diagnostic::{Diagnostic, DiagnosticCode, Diagnostics, Severity};
use crate::model::CitationKind;
use crate::source::Document;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

/// The indices of the citations whose range lies inside `range` (`found` is in text order):
/// how a part of the letter claims its citations.
pub(crate) fn within(found: &[Found], range: Range<usize>) -> Range<usize> {
    let first = found.partition_point(|f| f.range.start < range.start);
    let inside = found
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|f| f.range.end <= range.end)
        .count();
    first..first + inside
}

/// The document's own identifiers, as its letterhead and caption give them.
#[derive(Debug, Default)]
pub(crate) struct Identifiers {
    /// `DA 22-1182`, `FCC 22-99`.
    pub(crate) document_number: Option<String>,
    /// `EB-TCD-22-00034232`.
    pub(crate) file_numbers: Vec<String>,
    /// `EB Docket No. 22-174`.
    pub(crate) dockets: Vec<String>,
}

/// Takes the document's own identifiers out of `found` (in clean order): the document
/// number, file numbers and dockets that stand in the header (clean range `header`: the
/// letterhead, the caption), and every repeat of the document number (running headers). The
/// document does not cite them; the body's mentions of other documents stay citations. The
/// others' `refers_to` are renumbered; a short form that referred to one taken out refers to
/// nothing.
pub(super) fn own_identifiers(found: &mut Vec<Found>, header: Range<usize>) -> Identifiers {
    let mut own = Identifiers::default();
    let mut taken = vec![false; found.len()];
    for i in within(found, header) {
        let (Some(f), Some(slot)) = (found.get(i), taken.get_mut(i)) else {
            continue;
        };
        let c = &f.citation;
        *slot = match c.kind {
            // The first number is the document's; a running header may print it twice.
            CitationKind::FccDocument => {
                let first = own
                    .document_number
                    .get_or_insert_with(|| c.canonical.clone());
                *first == c.canonical
            }
            CitationKind::FileNumber => {
                own.file_numbers
                    .push(c.number.clone().unwrap_or_else(|| c.canonical.clone()));
                true
            }
            CitationKind::Docket => {
                own.dockets.push(c.canonical.clone());
                true
            }
            _ => false,
        };
    }
    for list in [&mut own.file_numbers, &mut own.dockets] {
        let mut seen = std::collections::HashSet::new();
        list.retain(|v| seen.insert(v.clone()));
    }
    // A running header repeats the number on every page; where a collapsed copy runs it
    // into the body, it is the header still.
    if let Some(number) = &own.document_number {
        for (f, slot) in found.iter().zip(taken.iter_mut()) {
            *slot |=
                f.citation.kind == CitationKind::FccDocument && f.citation.canonical == *number;
        }
    }
    if taken.contains(&true) {
        // Old index → new index, for what stays.
        let mut kept = 0;
        let new_index: Vec<Option<usize>> = taken
            .iter()
            .map(|&t| {
                if t {
                    return None;
                }
                kept += 1;
                Some(kept - 1)
            })
            .collect();
        let all = std::mem::take(found);
        found.reserve_exact(kept);
        found.extend(
            all.into_iter()
                .zip(&taken)
                .filter(|(_, t)| !**t)
                .map(|(f, _)| f),
        );
        for f in found.iter_mut() {
            let to = f.citation.refers_to;
            f.citation.refers_to = to.and_then(|t| new_index.get(t).copied().flatten());
        }
    }
    own
}

/// Every citation of the letter, resolved, with spans into the input; what could not be
/// resolved or looked up becomes a diagnostic.
pub(super) fn citations(
    doc: &Document<'_>,
    layout: &Parts,
    table: Option<&Table<'_>>,
    max_citations: usize,
    diagnostics: &mut Diagnostics,
) -> Vec<Found> {
    let reading = Reading::new(doc, layout, table);
    let notes: Vec<(u32, Range<usize>)> = layout
        .footnotes
        .iter()
        .map(|f| {
            // A footnote cut by a page break is read whole: up to the end of its last piece.
            let end = f.more.last().map_or(f.range.end, |r| r.end);
            let whole = reading.to_reading(f.range.start..end);
            let first = reading.to_reading(f.range.clone());
            // (Only when its pieces were joined: nothing else stands between them.)
            let joined_len = f.range.len() + f.more.iter().map(|r| r.len() + 1).sum::<usize>();
            let range = if whole.end >= first.end && whole.len() <= joined_len {
                whole
            } else {
                first
            };
            (f.number, range)
        })
        .collect();
    let span_of = |range: Range<usize>| doc.span(reading.to_clean(range));
    let mut scan = crate::cite::scan(
        &reading.text,
        &reading.cells,
        &notes,
        &span_of,
        max_citations,
    );
    for f in &mut scan.found {
        f.range = reading.to_clean(f.range.clone());
    }
    for issue in &mut scan.issues {
        issue.range = reading.to_clean(issue.range.clone());
    }
    reading.put_in_clean_order(&mut scan.found);
    for issue in scan.issues {
        let (severity, code) = match issue.kind {
            IssueKind::UnknownSection => (Severity::Info, DiagnosticCode::UnknownSection),
            IssueKind::InvalidPath => (Severity::Warning, DiagnosticCode::InvalidParagraphPath),
            IssueKind::Unresolved => (Severity::Warning, DiagnosticCode::UnresolvedShortForm),
            IssueKind::TooMany => (Severity::Warning, DiagnosticCode::Limit),
        };
        diagnostics.push(Diagnostic::new(
            severity,
            code,
            doc.span(issue.range),
            issue.message,
        ));
    }
    scan.found
}

/// The letter's text in reading order, for the citation scan: each body paragraph that a
/// page break or footnotes cut is made whole again (`… 38 FCC Rcd 5483, 5485,` / footnotes /
/// `para. 4 (2023)`), what cut it following the paragraph; so is each footnote a blank line
/// or page break cut, and each table cell wrapped over lines (`47 U.S.C. § 227(b); 47 CFR §`
/// / `64.1200`), the other columns' text on its lines following it. Offsets map back to the
/// clean text; a citation read across a cut spans it there.
pub(super) struct Reading<'d> {
    /// The reading text (the clean text itself when no paragraph was cut).
    text: Cow<'d, str>,
    /// Runs of the reading text: (reading start, clean start, length), in reading order. A
    /// space put between two pieces of a paragraph has length 0 in the clean text.
    runs: Vec<(usize, usize, usize)>,
    /// The reading ranges of the table's cells, in order and apart: each is read as a unit.
    cells: Vec<Range<usize>>,
}

impl<'d> Reading<'d> {
    pub(super) fn new(doc: &'d Document<'_>, layout: &Parts, table: Option<&Table<'_>>) -> Self {
        let clean = doc.text.as_str();
        let cut = cut_parts(clean, layout, table);
        let whole_cells = table
            .iter()
            .flat_map(|t| &t.rows)
            .flat_map(|r| &r.cells)
            .filter(|c| c.pieces.len() <= 1 && !c.range.is_empty())
            .map(|c| c.range.clone());
        if cut.is_empty() && doc.furniture.is_empty() {
            return Reading {
                text: Cow::Borrowed(clean),
                runs: vec![(0, 0, clean.len())],
                cells: apart(whole_cells.collect()),
            };
        }
        let mut out = Builder {
            clean,
            furniture: &doc.furniture,
            text: String::with_capacity(clean.len() + cut.len() * 4),
            runs: Vec::new(),
        };
        let mut cells = Vec::new();
        let mut cursor = 0;
        for (start, end, part, k) in placed(&cut) {
            out.push(cursor..start.max(cursor));
            cursor = end.max(cursor);
            if k > 0 {
                continue; // read with its part's first piece
            }
            let Some((pieces, is_cell)) = cut.get(part) else {
                continue;
            };
            let from = out.text.len();
            for (j, piece) in pieces.iter().enumerate() {
                if j > 0 {
                    out.text.push(' ');
                }
                out.push(piece.clone());
            }
            if *is_cell {
                cells.push(from..out.text.len());
            }
            // What cut it, after it.
            out.text.push('\n');
        }
        out.push(cursor..clean.len());
        let mut reading = Reading {
            text: Cow::Owned(out.text),
            runs: out.runs,
            cells: Vec::new(),
        };
        cells.extend(reading.within_runs(whole_cells));
        reading.cells = apart(cells);
        reading
    }

    /// The reading ranges of clean `ranges` that each lie inside one run (and so read as they
    /// stand).
    fn within_runs(&self, ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
        // The runs by clean start (each clean offset is in at most one run).
        let mut by_clean: Vec<&(usize, usize, usize)> = self.runs.iter().collect();
        by_clean.sort_unstable_by_key(|r| r.1);
        ranges
            .filter_map(|range| {
                let i = by_clean.partition_point(|r| r.1 <= range.start);
                let &&(start, clean, len) = by_clean.get(i.checked_sub(1)?)?;
                (range.end <= clean + len)
                    .then(|| start + (range.start - clean)..start + (range.end - clean))
            })
            .collect()
    }

    /// The clean offset of reading offset `at` (a put-in space maps to the end of the run
    /// before it); `end` treats `at` as the end of a range.
    pub(super) fn clean_at(&self, at: usize, end: bool) -> usize {
        let i = self.runs.partition_point(|r| r.0 <= at).saturating_sub(1);
        let Some(&(start, clean, len)) = self.runs.get(i) else {
            return at;
        };
        // The end of a range that closes a run maps to that run's end.
        if end && at == start && i > 0 {
            if let Some(&(_, clean, len)) = self.runs.get(i - 1) {
                return clean + len;
            }
        }
        clean + (at - start).min(len)
    }

    /// A reading range as a clean range.
    pub(super) fn to_clean(&self, range: Range<usize>) -> Range<usize> {
        let start = self.clean_at(range.start, false);
        start..self.clean_at(range.end, true).max(start)
    }

    /// A clean range as a reading range (its ends mapped one by one; a footnote's).
    pub(super) fn to_reading(&self, range: Range<usize>) -> Range<usize> {
        let map = |at: usize, end: bool| {
            self.runs
                .iter()
                .find(|&&(_, clean, len)| {
                    if end {
                        clean < at && at <= clean + len
                    } else {
                        clean <= at && at < clean + len
                    }
                })
                .map_or(at, |&(start, clean, _)| start + (at - clean))
        };
        let start = map(range.start, false);
        start..map(range.end, true).max(start)
    }

    /// Puts the scan's citations (now with clean ranges) in clean-text order, where the
    /// letter's parts look them up, keeping each `refers_to` pointing at its citation.
    pub(super) fn put_in_clean_order(&self, found: &mut Vec<Found>) {
        if matches!(self.text, Cow::Borrowed(_)) || found.is_sorted_by_key(|f| f.range.start) {
            return;
        }
        // A permutation sorted by start (stable), then each citation moved once.
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_by_key(|&i| found.get(i).map_or(0, |f| f.range.start));
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            if let Some(slot) = new_index.get_mut(old) {
                *slot = new;
            }
        }
        let mut slots: Vec<Option<Found>> = std::mem::take(found).into_iter().map(Some).collect();
        // (Sized up front: collecting a filtered iterator would grow and copy the vector.)
        found.reserve_exact(order.len());
        found.extend(
            order
                .iter()
                .filter_map(|&old| slots.get_mut(old).and_then(Option::take))
                .map(|mut f| {
                    f.citation.refers_to =
                        f.citation.refers_to.and_then(|r| new_index.get(r).copied());
                    f
                }),
        );
    }
}

/// The parts of the letter a page break, footnotes or a blank line cut into pieces, each
/// read whole: body paragraphs, footnotes, and table cells wrapped over lines (their pieces
/// in order), sorted by where their first piece stands; each with whether it is a table cell.
fn cut_parts(
    clean: &str,
    layout: &Parts,
    table: Option<&Table<'_>>,
) -> Vec<(Vec<Range<usize>>, bool)> {
    let paragraphs = layout
        .body
        .iter()
        .filter(|p| p.pieces.len() > 1)
        .map(|p| (p.pieces.clone(), false));
    let notes = layout.footnotes.iter().filter_map(|note| {
        let mut pieces = blank_line_pieces(clean, note.range.clone());
        pieces.extend(note.more.iter().cloned());
        (pieces.len() > 1).then_some((pieces, false))
    });
    let cells = table
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| &r.cells)
        .filter(|c| c.pieces.len() > 1)
        .map(|c| (c.pieces.clone(), true));
    let mut cut: Vec<(Vec<Range<usize>>, bool)> = paragraphs.chain(notes).chain(cells).collect();
    cut.sort_by_key(|(pieces, _)| pieces.first().map_or(0, |r| r.start));
    cut
}

/// `ranges` in order, each apart from the one before it (an overlapping one is dropped).
fn apart(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut end = 0;
    ranges.retain(|r| {
        let keep = r.start >= end;
        if keep {
            end = r.end;
        }
        keep
    });
    ranges
}

/// Where the pieces of the cut parts stand, in text order: (start, end, part, index of the
/// piece in its part). Each cut part is read whole where its first piece stands; its later
/// pieces are skipped where they stand, so what cut it follows it. Parts may interleave (a
/// paragraph and a footnote both cut by the same page break); a part whose pieces are out of
/// order or overlap another's is left where it stands.
fn placed(cut: &[(Vec<Range<usize>>, bool)]) -> Vec<(usize, usize, usize, usize)> {
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let free = |taken: &BTreeMap<usize, usize>, r: &Range<usize>| {
        taken
            .range(..r.end)
            .next_back()
            .is_none_or(|(_, &end)| end <= r.start)
    };
    let mut marks = Vec::new();
    for (part, (pieces, _)) in cut.iter().enumerate() {
        let ordered = pieces.windows(2).all(|w| match w {
            [a, b] => a.start <= a.end && a.end <= b.start,
            _ => true,
        });
        if !ordered || !pieces.iter().all(|r| free(&taken, r)) {
            continue;
        }
        for (k, r) in pieces.iter().enumerate() {
            taken.insert(r.start, r.end);
            marks.push((r.start, r.end, part, k));
        }
    }
    marks.sort_unstable();
    marks
}

/// The reading text as it is built, with its runs.
struct Builder<'c> {
    clean: &'c str,
    /// Page furniture (running headers, page numbers), left out.
    furniture: &'c [Range<usize>],
    text: String,
    runs: Vec<(usize, usize, usize)>,
}

impl Builder<'_> {
    /// Appends a clean range, less any page furniture in it.
    fn push(&mut self, range: Range<usize>) {
        let first = self.furniture.partition_point(|f| f.end <= range.start);
        let mut from = range.start;
        let skipped = self.furniture.get(first..).unwrap_or(&[]);
        for f in skipped.iter().take_while(|f| f.start < range.end) {
            self.append(from..f.start.max(from));
            from = f.end.max(from);
        }
        self.append(from..range.end.max(from));
    }

    fn append(&mut self, range: Range<usize>) {
        if let Some(piece) = self.clean.get(range.clone()) {
            self.runs.push((self.text.len(), range.start, piece.len()));
            self.text.push_str(piece);
        }
    }
}

/// `range` of `text` cut at its blank lines, each piece trimmed (a footnote body that runs
/// over a blank line: `… 2025 WL` / blank line / `2622184 (Sept. 10, 2025)`).
pub(super) fn blank_line_pieces(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let Some(body) = text.get(range.clone()) else {
        return vec![range];
    };
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let end = line_start + line.len();
        if line.ends_with('\n') && line.trim().is_empty() && line_start > start {
            pieces.push(start..line_start);
            start = end;
        }
        line_start = end;
    }
    pieces.push(start..body.len());
    pieces
        .into_iter()
        .filter_map(|r| {
            let piece = body.get(r.clone())?;
            let lead = piece.len() - piece.trim_start().len();
            let len = piece.trim().len();
            (len > 0).then(|| range.start + r.start + lead..range.start + r.start + lead + len)
        })
        .collect()
}
