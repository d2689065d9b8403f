//! Attachment A: the table of traced calls, read into rows of cells.
//!
//! ```text
//! Customer | Date of Call | Caller ID | Called Number | Description | Violation
//! Dawz Telecom | Mar. 19, 2021 | | | Auto Warranty Sales Robocall | 47 U.S.C. § 227(b); 47 CFR § 64.1200
//! ```
//!
//! The header is recognised by what its cells mean (synonyms, any order, any subset), not by
//! position; blank lines, page rules and repeated headers between rows are skipped; empty
//! cells are empty. Three readers, one per way a copy sets the table: tab-separated cells
//! (here), cells aligned with spaces (`aligned`, `pdftotext -layout`) and a table whose line
//! breaks were collapsed (`collapsed`). They return cells; the extractor types them.

mod aligned;
mod cells;
mod collapsed;

use self::aligned::aligned;
use self::cells::*;
pub(crate) use self::collapsed::collapsed;
use super::AttachmentLines;
use crate::diagnostic::{Diagnostic, DiagnosticCode, Diagnostics, Severity};
use crate::model::{Column, ColumnKind};
use crate::source::{Document, LineKind};
use crate::text::squash;
use std::borrow::Cow;
use std::ops::Range;

/// Attachment A as read: its title, its columns and its rows of cells.
#[derive(Debug, Clone)]
pub(crate) struct Table<'d> {
    /// `ATTACHMENT A`, as a clean range.
    pub(crate) title: Range<usize>,
    pub(crate) columns: Vec<Column>,
    pub(crate) rows: Vec<Row<'d>>,
    /// The clean range of the rows past [`Limits::max_records`](crate::Limits::max_records),
    /// which are not read.
    pub(crate) unread: Option<Range<usize>>,
}

/// A row of the table: one cell per column, and the clean range the row covers.
#[derive(Debug, Clone)]
pub(crate) struct Row<'d> {
    pub(crate) cells: Vec<Cell<'d>>,
    pub(crate) span: Range<usize>,
}

/// A table cell: its text (joined with a space where it wraps over lines) and the clean
/// range it covers.
#[derive(Debug, Clone)]
pub(crate) struct Cell<'d> {
    pub(crate) text: Cow<'d, str>,
    pub(crate) range: Range<usize>,
    /// The clean range its text holds on each line, for a cell wrapped over lines (empty
    /// for a cell that is one piece of the text, `range`): the citation scan reads them
    /// joined.
    pub(crate) pieces: Vec<Range<usize>>,
}

impl<'d> Cell<'d> {
    /// An empty cell standing at `at`.
    pub(crate) fn empty(at: usize) -> Self {
        Cell {
            text: Cow::Borrowed(""),
            range: at..at,
            pieces: Vec::new(),
        }
    }

    /// The cell that is `range` of the document's text.
    pub(crate) fn whole(doc: &'d Document<'_>, range: Range<usize>) -> Self {
        Cell {
            text: Cow::Borrowed(doc.slice(range.clone())),
            range,
            pieces: Vec::new(),
        }
    }
}

impl<'d> Table<'d> {
    /// The cell of `row` in the first column of `kind`, when something is written in it.
    pub(crate) fn cell<'r>(&self, row: &'r Row<'d>, kind: ColumnKind) -> Option<&'r Cell<'d>> {
        let i = self.columns.iter().position(|c| c.kind == kind)?;
        row.cells.get(i).filter(|c| !c.text.trim().is_empty())
    }
}

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
    // The header's words, lowercased and joined by single spaces, as the synonyms are
    // written; a header longer than any synonym is none of them.
    const LONGEST: usize = 24;
    let mut words = [0u8; LONGEST];
    let mut len = 0;
    for word in header
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let space = usize::from(len > 0);
        let Some(slot) = words.get_mut(len..len + space + word.len()) else {
            return ColumnKind::Other;
        };
        let (gap, rest) = slot.split_at_mut(space);
        gap.fill(b' ');
        for (to, from) in rest.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        len += space + word.len();
    }
    let words = words.get(..len).unwrap_or(&[]);
    SYNONYMS
        .iter()
        .find(|(synonym, _)| synonym.as_bytes() == words)
        .map_or(ColumnKind::Other, |&(_, kind)| kind)
}

/// The tab-separated cells of clean range `line`, trimmed, as clean ranges.
fn cells(doc: &Document<'_>, line: Range<usize>) -> Vec<Range<usize>> {
    let text = doc.slice(line.clone());
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\t', text.as_bytes()).count() + 1);
    let mut start = 0;
    for cell in text.split('\t') {
        let lead = cell.len() - cell.trim_start().len();
        let s = line.start + start + lead;
        out.push(s..s + cell.trim().len());
        start += cell.len() + 1;
    }
    out
}

/// Reads the table under the attachment title: tab-separated cells, else cells aligned with
/// spaces; without a header row, a table of no rows and a diagnostic. At most `max_rows`
/// rows are read.
pub(crate) fn read<'d>(
    doc: &'d Document<'_>,
    part: &AttachmentLines,
    max_rows: usize,
    diagnostics: &mut Diagnostics,
) -> Table<'d> {
    let lines = doc.lines.get(part.lines.clone()).unwrap_or(&[]);
    let end = lines.last().map_or(0, |l| l.range.end);
    let mut table = Table {
        title: part.title.clone(),
        columns: Vec::new(),
        rows: Vec::new(),
        unread: None,
    };
    for line in lines.iter().filter(|l| l.kind == LineKind::Text) {
        let row = cells(doc, line.range.clone());
        if table.columns.is_empty() {
            table.columns = tab_header(doc, &row, diagnostics).unwrap_or_default();
            continue;
        }
        let repeated_header = row.len() == table.columns.len()
            && row.iter().zip(&table.columns).all(|(cell, column)| {
                crate::text::same_words(doc.slice(cell.clone()), &column.header)
            });
        if repeated_header {
            continue; // a header repeated on a new page
        }
        if row.len() >= 2 && table.rows.len() == max_rows {
            table.unread = Some(line.range.start..end.max(line.range.start));
            break;
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
        if row.len() != table.columns.len() {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::RowCellCount,
                doc.span(line.range.clone()),
                format!(
                    "row has {} cells, the header has {}",
                    row.len(),
                    table.columns.len()
                ),
            ));
        }
        let mut cells = Vec::with_capacity(table.columns.len().max(row.len()));
        cells.extend(row.into_iter().map(|r| Cell::whole(doc, r)));
        table.rows.push(Row {
            cells,
            span: line.range.clone(),
        });
    }
    if table.columns.is_empty() {
        if let Some(table) = aligned(doc, part.title.clone(), lines, max_rows, diagnostics) {
            return table;
        }
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::MissingTable,
            doc.span(part.title.clone()),
            "the attachment has no table header row",
        ));
    }
    table
}

/// The columns a tab-separated line names, when it is a header (two or more cells, two or
/// more of them known); each unknown column gets a diagnostic.
fn tab_header(
    doc: &Document<'_>,
    row: &[Range<usize>],
    diagnostics: &mut Diagnostics,
) -> Option<Vec<Column>> {
    if row.len() < 2 {
        return None;
    }
    let kinds: Vec<ColumnKind> = row
        .iter()
        .map(|c| column_kind(doc.slice(c.clone())))
        .collect();
    let recognised = kinds.iter().filter(|k| **k != ColumnKind::Other).count();
    if recognised < 2 {
        return None;
    }
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
    Some(
        row.iter()
            .zip(kinds)
            .map(|(c, kind)| Column {
                header: squash(doc.slice(c.clone())),
                kind,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColumnKind::*;

    /// The cells of a collapsed table, row by row: (column kind, text) of each cell with
    /// something in it.
    type Grid<'a> = &'a [&'a [(ColumnKind, &'a str)]];

    /// The non-empty cells of each row of `table`, (column kind, text whitespace-squashed).
    fn grid(table: &Table<'_>) -> Vec<Vec<(ColumnKind, String)>> {
        table
            .rows
            .iter()
            .map(|row| {
                table
                    .columns
                    .iter()
                    .zip(&row.cells)
                    .filter(|(_, cell)| !cell.text.trim().is_empty())
                    .map(|(column, cell)| (column.kind, squash(&cell.text)))
                    .collect()
            })
            .collect()
    }

    fn owned(want: Grid<'_>) -> Vec<Vec<(ColumnKind, String)>> {
        want.iter()
            .map(|row| row.iter().map(|&(k, t)| (k, t.to_owned())).collect())
            .collect()
    }

    /// Tables set on lines, tab-separated or aligned with spaces (`pdftotext -layout`).
    #[test]
    fn lined_tables() {
        let cases: &[(&str, Grid)] = &[
            // Tabs; an empty cell; a header repeated on a new page is no row.
            (
                "ATTACHMENT A\nCustomer\tDate of Call\tCaller ID\tViolation\nDawz\tMar. 19, 2021\t\t47 CFR § 64.1200\n\u{c}Customer\tDate of Call\tCaller ID\tViolation\nMash\t3/20/2021\t(202) 555-0100\t47 U.S.C. § 227(b)\n",
                &[
                    &[(Customer, "Dawz"), (Date, "Mar. 19, 2021"), (Violation, "47 CFR § 64.1200")],
                    &[(Customer, "Mash"), (Date, "3/20/2021"), (CallerId, "(202) 555-0100"), (Violation, "47 U.S.C. § 227(b)")],
                ],
            ),
            // Aligned with spaces; a citation wrapped over two lines joins its cell.
            (
                "ATTACHMENT A\n\nCustomer        Date of Call     Description          Violation\nDawz Telecom    Mar. 19, 2021    Auto Warranty        47 U.S.C. § 227(b); 47 CFR §\n                                                      64.1200\nMash Telecom    Mar. 20, 2021    Health Insurance     47 CFR § 64.1200(a)(2)\n",
                &[
                    &[(Customer, "Dawz Telecom"), (Date, "Mar. 19, 2021"), (Description, "Auto Warranty"), (Violation, "47 U.S.C. § 227(b); 47 CFR § 64.1200")],
                    &[(Customer, "Mash Telecom"), (Date, "Mar. 20, 2021"), (Description, "Health Insurance"), (Violation, "47 CFR § 64.1200(a)(2)")],
                ],
            ),
            // Aligned; a customer name wrapped under itself.
            (
                "ATTACHMENT A\n\nCustomer             Date of Call     Caller ID\nBlue Ridge Voice     6/14/2024        XXX-XXX-XXXX\nServices LLC\nOmega Calls Ltd.     6/15/2024        2025550100\n",
                &[
                    &[(Customer, "Blue Ridge Voice Services LLC"), (Date, "6/14/2024"), (CallerId, "XXX-XXX-XXXX")],
                    &[(Customer, "Omega Calls Ltd."), (Date, "6/15/2024"), (CallerId, "2025550100")],
                ],
            ),
        ];
        for (text, want) in cases {
            let doc = Document::from_text(text);
            let parts = crate::layout::parts(&doc);
            let part = parts.attachment.as_ref().unwrap();
            let table = read(&doc, part, usize::MAX, &mut Diagnostics::unbounded());
            assert_eq!(grid(&table), owned(want), "{text}");
            // A wrapped cell keeps the pieces its lines hold, for the citation scan.
            for cell in table.rows.iter().flat_map(|r| &r.cells) {
                let joined: Vec<&str> = cell.pieces.iter().map(|p| doc.slice(p.clone())).collect();
                if !cell.pieces.is_empty() {
                    assert_eq!(joined.join(" "), cell.text, "{text}");
                }
            }
        }
    }

    #[test]
    fn collapsed_tables() {
        let cases: &[(&str, Grid, usize)] = &[
            // The sample's order; empty phone cells are gone.
            (
                "ATTACHMENT A Customer Date of Call Caller ID Called Number Description Violation Dawz Telecom Mar. 19, 2021 Auto Warranty 47 U.S.C. § 227(b); 47 CFR § 64.1200 Mash Telecom Mar. 20, 2021 Health Insurance 47 CFR § 64.1200(a)(2)",
                &[
                    &[(Customer, "Dawz Telecom"), (Date, "Mar. 19, 2021"), (Description, "Auto Warranty"), (Violation, "47 U.S.C. § 227(b); 47 CFR § 64.1200")],
                    &[(Customer, "Mash Telecom"), (Date, "Mar. 20, 2021"), (Description, "Health Insurance"), (Violation, "47 CFR § 64.1200(a)(2)")],
                ],
                0,
            ),
            // Any column order: the customer last, a redaction in its column.
            (
                "Attachment A Date of Call Called Number Caller ID Violation Customer 12/22/23 5125550146 [REDACTED] 47 U.S.C. § 227(b) Omega Calls Ltd. 12/11/23 18085550138 305.555.0181 47 CFR § 64.1200(a)(2) Sunrise VoIP",
                &[
                    &[(Date, "12/22/23"), (CalledNumber, "5125550146"), (CallerId, "[REDACTED]"), (Violation, "47 U.S.C. § 227(b)"), (Customer, "Omega Calls Ltd.")],
                    &[(Date, "12/11/23"), (CalledNumber, "18085550138"), (CallerId, "305.555.0181"), (Violation, "47 CFR § 64.1200(a)(2)"), (Customer, "Sunrise VoIP")],
                ],
                0,
            ),
            // No violation column: the description runs to the next row's date.
            (
                "ATTACHMENT A Call Date Caller ID Called Number Campaign 08/22/24 Debt Relief 6/14/2024 XXX-XXX-XXXX 2025550100 Utility Disconnect",
                &[
                    &[(Date, "08/22/24"), (Description, "Debt Relief")],
                    &[(Date, "6/14/2024"), (CallerId, "XXX-XXX-XXXX"), (CalledNumber, "2025550100"), (Description, "Utility Disconnect")],
                ],
                0,
            ),
            // One number for two phone columns side by side: not guessed.
            (
                "ATTACHMENT A Customer Date of Call Caller ID Called Number Violation Dawz 3/1/2021 2025550100 47 CFR § 64.1200(a)(2)",
                &[&[(Customer, "Dawz"), (Date, "3/1/2021"), (Violation, "47 CFR § 64.1200(a)(2)")]],
                1,
            ),
            // Description and the next row's customer side by side: not split.
            (
                "ATTACHMENT A Customer Date of Call Description Dawz 3/1/2021 Robocall Mash 3/2/2021 Other",
                &[
                    &[(Customer, "Dawz"), (Date, "3/1/2021")],
                    &[(Date, "3/2/2021"), (Description, "Other")],
                ],
                1,
            ),
        ];
        for (text, want, problems) in cases {
            let doc = Document::from_text(text);
            let parts = crate::layout::parts(&doc);
            let mut diagnostics = Diagnostics::unbounded();
            let found = crate::layout::citations::citations(
                &doc,
                &parts,
                None,
                usize::MAX,
                &mut diagnostics,
            );
            let before = diagnostics.as_slice().len();
            let table = collapsed(&doc, &found, usize::MAX, &mut diagnostics).unwrap();
            let (got, want) = (grid(&table), owned(want));
            assert_eq!(got, want, "{text}");
            let raised = diagnostics
                .as_slice()
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
