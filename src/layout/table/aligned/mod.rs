//! Attachment A set with spaces (`pdftotext -layout`): columns from the header and the
//! gutters of each page.

mod columns;
mod header;
mod words;

use self::columns::*;
use self::header::*;
use self::words::*;
use super::cells::*;
use super::{Cell, Row, Table};
use crate::diagnostic::{Diagnostic, DiagnosticCode, Diagnostics, Severity};
use crate::grammar::date::parse_date;
use crate::grammar::phone::parse_phone;
use crate::model::{Column, ColumnKind};
use crate::source::{Document, LineKind};
use crate::text::squash;
use std::borrow::Cow;
use std::ops::Range;

/// A cell's text in an aligned table, and its clean range (the first line's piece to the last).
pub(super) type Piece = Option<(String, Range<usize>)>;

/// The most columns (runs of text between gutters) a page without a header may set to be
/// read: Attachment A has six, set in at most a dozen runs.
const MAX_PAGE_COLUMNS: usize = 64;

/// The most lines of a page whose cells tell what its columns hold (a page of a real letter
/// has about fifty).
const JUDGED_LINES: usize = 256;

/// A table set with spaces (`pdftotext -layout`): columns from the header's words and the
/// gutters of each page's rows, rows started by a date (or a first cell), wrapped lines folded
/// into the row above, column kinds of header-less pages from what their cells hold. At most
/// `max_rows` rows are read. `title` is the attachment's title.
pub(super) fn aligned<'d>(
    doc: &'d Document<'_>,
    title: Range<usize>,
    lines: &[crate::source::Line],
    max_rows: usize,
    diagnostics: &mut Diagnostics,
) -> Option<Table<'d>> {
    let (header_at, header_len, header) = header_block(doc, lines)?;
    let columns: Vec<Column> = header
        .iter()
        .map(|(_, _, kind, t)| Column {
            header: squash(t),
            kind: *kind,
        })
        .collect();
    let header_lines = lines.get(header_at..header_at + header_len).unwrap_or(&[]);
    let (pages, too_long) = pages(doc, lines, header_at + header_len, header_lines, &header);
    for line in too_long {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::SkippedLine,
            doc.span(line.range.clone()),
            format!(
                "line of {} bytes is too long to be a row of a table set with spaces (at most \
                 {MAX_ROW_LINE}); skipped",
                line.range.len()
            ),
        ));
    }
    let mut table = Reading {
        doc,
        columns: &columns,
        kinds: columns.iter().map(|c| c.kind).collect(),
        records: Vec::new(),
        previous: None,
    };
    'pages: for (b, page) in pages.iter().enumerate() {
        let extra = if b == 0 { header_lines } else { &[] };
        let Some(setting) = table.page_setting(b, page, extra, &header) else {
            if let (Some(first), Some(last)) = (page.rows.first(), page.rows.last()) {
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    DiagnosticCode::SkippedLine,
                    doc.span(first.range.start..last.range.end),
                    format!(
                        "page of the table sets its text in more than {MAX_PAGE_COLUMNS} \
                         columns and has no header: not read"
                    ),
                ));
            }
            continue;
        };
        let mut row_starts: Option<Vec<Option<usize>>> = None;
        for line in &page.rows {
            table.read_line(line, &setting, &mut row_starts);
            if table.records.len() > max_rows {
                break 'pages; // the row just started is the first not read
            }
        }
    }
    let unread = table.records.get(max_rows).map(|(_, span, _, _)| {
        let end = lines.last().map_or(span.start, |l| l.range.end);
        span.start..end.max(span.start)
    });
    table.records.truncate(max_rows);
    let out = table
        .records
        .into_iter()
        .map(|(cells, span, _, pieces)| Row {
            cells: cells
                .into_iter()
                .zip(pieces)
                .map(|(c, pieces)| match c {
                    Some((text, range)) if doc.slice(range.clone()) == text => {
                        Cell::whole(doc, range)
                    }
                    Some((text, range)) => Cell {
                        text: Cow::Owned(text),
                        range,
                        pieces,
                    },
                    None => Cell::empty(span.start),
                })
                .collect(),
            span,
        })
        .collect();
    Some(Table {
        title,
        columns,
        rows: out,
        unread,
    })
}

/// A page of an aligned table: its rows' lines and the header lines it repeats.
#[derive(Default)]
struct Page<'l> {
    rows: Vec<&'l crate::source::Line>,
    repeats: Vec<&'l crate::source::Line>,
}

/// The longest line of a table set with spaces, in bytes: a page is about a hundred
/// characters wide (three hundred for a wide table in small type).
const MAX_ROW_LINE: usize = 1_000;

/// The table's lines from `from` on, by page (a page break or rule starts a new one), each
/// header line a page repeats (whole, or one of its wrapped lines) set apart; and the text
/// lines longer than [`MAX_ROW_LINE`], left out.
fn pages<'l>(
    doc: &Document<'_>,
    lines: &'l [crate::source::Line],
    from: usize,
    header_lines: &[crate::source::Line],
    header: &[HeaderCell],
) -> (Vec<Page<'l>>, Vec<&'l crate::source::Line>) {
    let header_words = header
        .iter()
        .map(|h| h.3.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut pages = vec![Page::default()];
    let mut too_long = Vec::new();
    for line in lines.iter().skip(from) {
        if line.page_break || line.kind == LineKind::Rule {
            pages.push(Page::default());
        }
        if line.kind == LineKind::Text && line.range.len() > MAX_ROW_LINE {
            too_long.push(line);
            continue;
        }
        let words = doc.slice(line.range.clone());
        let repeated = crate::text::same_words(words, &header_words)
            || (header_lines.len() > 1
                && header_lines
                    .iter()
                    .any(|h| crate::text::same_words(words, doc.slice(h.range.clone()))));
        if let (LineKind::Text, Some(page)) = (line.kind, pages.last_mut()) {
            match repeated {
                true => page.repeats.push(line),
                false => page.rows.push(line),
            }
        }
    }
    (pages, too_long)
}

/// The runs of columns a page's lines (and `extra` lines) set text in, between gutters of at
/// least one blank column.
fn page_spans<'l>(
    doc: &Document<'_>,
    lines: impl Iterator<Item = &'l crate::source::Line>,
) -> Vec<(usize, usize)> {
    let mut occupied: Vec<bool> = Vec::new();
    for line in lines {
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
    spans
}

/// How a page sets its columns: where each starts under a header (its own, the table's or
/// one carried from the last page that set one), or else its spans and which column each is.
struct PageSetting {
    edges: Option<Vec<usize>>,
    spans: Vec<(usize, usize)>,
    kinds: Vec<Option<usize>>,
    /// Edges built from the spans of a page whose columns are told by content.
    span_edges: Option<Vec<usize>>,
}

/// Each row's cells, its range, which cells its first line filled, and the clean range each
/// cell holds on each of its lines (its text is their texts joined with a space).
type RowSoFar = (Vec<Piece>, Range<usize>, Vec<bool>, Vec<Vec<Range<usize>>>);

/// An aligned table being read, page by page.
struct Reading<'a, 'd> {
    doc: &'a Document<'d>,
    columns: &'a [Column],
    kinds: Vec<ColumnKind>,
    records: Vec<RowSoFar>,
    /// The header cells and column edges of the last page that set a header.
    previous: Option<(Vec<HeaderCell>, Vec<usize>)>,
}

impl Reading<'_, '_> {
    /// How page `b` sets its columns.
    fn page_setting(
        &mut self,
        b: usize,
        page: &Page<'_>,
        extra: &[crate::source::Line],
        header: &[HeaderCell],
    ) -> Option<PageSetting> {
        let doc = self.doc;
        let block = page.rows.as_slice();
        let spans = page_spans(
            doc,
            block
                .iter()
                .copied()
                .chain(extra)
                .chain(page.repeats.iter().copied()),
        );
        // Which column each span is: under the header, or under the header this page
        // repeats (set anew: a page may set its columns elsewhere), or else by what the
        // cells hold.
        let own_header = (!page.repeats.is_empty())
            .then(|| header_cells(doc, page.repeats.iter().copied()))
            .filter(|cells| cells.len() == header.len());
        if b > 0 && own_header.is_none() && spans.len() > MAX_PAGE_COLUMNS {
            return None; // no table's page: judging each column by its cells would not end soon
        }
        // A page without a header of its own keeps the last header's columns, each moved
        // to where this page's text starts near it, when its text starts near most of them.
        // What the cells hold is judged by the page's first lines, by column.
        let judged: Vec<LineCols<'_>> = block
            .iter()
            .take(JUDGED_LINES)
            .map(|line| LineCols::new(doc, line))
            .collect();
        let carried = match (b, &own_header, &self.previous) {
            (0, _, _) | (_, Some(_), _) | (_, None, None) => None,
            (_, None, Some((cells, edges))) => {
                carried_header(cells, edges, &spans, |span, kind| {
                    span_fits(&judged, span, kind)
                })
            }
        };
        let page_header = match (b, &own_header) {
            (0, _) => Some(header),
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
            self.previous = Some((cells.to_vec(), edges.clone()));
        }
        let kinds = match edges {
            Some(_) => Vec::new(),
            None => kinds_by_content(&judged, &spans, self.columns),
        };
        // Columns told by content still start where their spans do, so dates and phone
        // numbers in a span without a gutter before them (`Beta Dialer Co. March 2, 2023`)
        // are placed like under a header.
        let span_edges = match edges {
            Some(_) => None,
            None => edges_by_spans(&spans, &kinds, self.columns.len()).map(|mut edges| {
                cited_column(doc, block, &self.kinds, &mut edges);
                edges
            }),
        };
        Some(PageSetting {
            edges,
            spans,
            kinds,
            span_edges,
        })
    }

    /// Reads one line of a page: a row of its own, or a wrapped line of the row above.
    /// `row_starts` is where the cells of the current row's first line start on this page.
    fn read_line(
        &mut self,
        line: &crate::source::Line,
        setting: &PageSetting,
        row_starts: &mut Option<Vec<Option<usize>>>,
    ) {
        let (doc, columns) = (self.doc, self.columns);
        let mut cells: Vec<Piece> = vec![None; columns.len()];
        let mut starts = Vec::new();
        match (&setting.edges, &setting.span_edges) {
            (Some(edges), _) => {
                starts = words_by_edges(doc, line, edges, &self.kinds, &mut cells);
            }
            (None, Some(edges)) => {
                words_by_edges(doc, line, edges, &self.kinds, &mut cells);
            }
            (None, None) => {
                let by_column = LineCols::new(doc, line);
                for (&(a, e), kind) in setting.spans.iter().zip(&setting.kinds) {
                    if let (Some(k), Some(piece)) = (kind, by_column.words(a, e)) {
                        if let Some(slot) = cells.get_mut(*k) {
                            *slot = Some(piece);
                        }
                    }
                }
            }
        }
        // A wrapped line is set like its row's first line: a page may set one row tighter
        // than the others (`Tau Leads LLC Auto Warranty Sales` / `Robocall`, `June 13, 2026
        // +1 646 555` / `0172`), so its columns start no further right than the first line's
        // cells did. The line goes on with the row when it does so read either way.
        let by_row = match (&setting.edges, &*row_starts) {
            (Some(edges), Some(first)) => row_cells(doc, line, edges, first, &self.kinds),
            _ => None,
        };
        let last = self
            .records
            .last()
            .map(|r| (r.0.as_slice(), r.2.as_slice()));
        let new_row = starts_row(&cells, last, columns)
            && by_row
                .as_ref()
                .is_none_or(|row| starts_row(row, last, columns));
        if let (false, Some(row)) = (new_row, by_row) {
            cells = row;
        }
        if new_row {
            *row_starts = setting.edges.is_some().then(|| starts.clone());
        }
        match self.records.last_mut() {
            Some((row, span, _, pieces)) if !new_row => {
                for ((slot, piece), pieces) in row.iter_mut().zip(cells).zip(pieces.iter_mut()) {
                    if let Some((_, pr)) = &piece {
                        pieces.push(pr.clone());
                    }
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
                let pieces = cells
                    .iter()
                    .map(|c| c.iter().map(|(_, r)| r.clone()).collect())
                    .collect();
                self.records
                    .push((cells, line.range.clone(), filled, pieces));
            }
        }
    }
}

/// The cells of `line` read with its row's own column edges: each page edge moved left to
/// where the row's first line started that column (`first`), if further left; `None` when
/// that moves no edge.
pub(super) fn row_cells(
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

/// How far (in characters) `pdftotext` may set a line's cells left of where the rest of
/// its page sets them.
pub(super) const JITTER: usize = 4;

/// How far (in characters) text set at a column's left edge may drift left of where the
/// rest of the page sets that column in `pdftotext -layout` output.
pub(super) const DRIFT: usize = 2;

/// Whether an aligned table's line, cut into `cells`, starts a new row rather than going on
/// with the `last` one. Cells are set at the top of their row, so a wrapped line has text
/// only in columns the row already has, and never a second date or phone number: a line
/// starts a row when it has a date (unless it finishes a date wrapped in a narrow column,
/// `Mar. 19,` / `2021`), a phone number where the row has a whole one, a new list of
/// citations after a finished one, or (in a table without dates) text in a column where the
/// row has none or in every column the row's first line filled. `last` is the row so far
/// and which cells its first line filled.
pub(super) fn starts_row(
    cells: &[Piece],
    last: Option<(&[Piece], &[bool])>,
    columns: &[Column],
) -> bool {
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
