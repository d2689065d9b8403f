//! Where each column of an aligned table's page starts, and which column each span is.

use super::super::cells::*;
use super::*;
use crate::grammar::date::{date_head_len, parse_date, parse_date_prefix};
use crate::grammar::phone::parse_phone;
use crate::model::{Column, ColumnKind};
use crate::source::Document;

/// Where each of a table's `columns` starts on a page whose spans' columns are `kinds`: at
/// its span, or (a column the page leaves out) where the next column's span starts, so no
/// word is placed in it by where it starts. `None` unless every span is a column, in the
/// table's order.
pub(super) fn edges_by_spans(
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
pub(super) fn cited_column(
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

/// The header of the page before (`cells`, whose columns started at `edges`) carried to a page
/// without one, whose text runs between gutters are `spans`: each cell moved by how far the
/// span starting nearest its edge (at most a few characters away) starts from it, or, where
/// none does, by the middle such move. `None` when fewer than half the columns have a span
/// starting near them (unless every span starts near one), or when a span holds what the kind of the column it starts in cannot
/// (`fits`): the page sets its columns elsewhere (`pdftotext` drops empty columns).
pub(super) fn carried_header(
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
pub(super) fn column_edges(
    doc: &Document<'_>,
    block: &[&crate::source::Line],
    header: &[HeaderCell],
) -> Vec<usize> {
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); header.len()];
    let mut squeezed: Vec<Option<usize>> = vec![None; header.len()];
    for line in block {
        let by_column = LineCols::new(doc, line);
        for (a, e) in cell_runs(by_column.text(), line.indent) {
            // A run one space after the text before it was set tighter than the page (`…
            // Claiming to Be 47 CFR §`): it tells where its column starts only when nothing
            // else does.
            let before = |n: usize| a.checked_sub(n).and_then(|c| by_column.char_at(c));
            let tight = before(1) == Some(' ') && before(2).is_some_and(|c| !c.is_whitespace());
            match run_column(header, &by_column, (a, e)) {
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

/// The column a run of `text` (a line set from character column `indent`) between columns
/// `a..e` is set under: the header cell it overlaps most, else (a header centred over a wide
/// column) the nearest column of its kind for a date, phone number or citation list, else the
/// nearest text column a few characters away.
fn run_column(header: &[HeaderCell], line: &LineCols<'_>, (a, e): (usize, usize)) -> Option<usize> {
    let overlap = |h: &HeaderCell| e.min(h.1) as isize - a.max(h.0) as isize;
    let run = line.rest(a)?;
    // A run never belongs to a column whose header's left neighbour ends right of its start
    // (a column is at least as wide as its header), give or take a drift: `Service Imposter
    // 227(b)(1)(A)(iii)` or `Westgate Marketing Group IRS Imposter`, two cells one space
    // apart, are not the right-hand column's. Nor does prose (`IRS Imposter` pushed left
    // after a redaction) belong to a date or phone column.
    let prose = run
        .chars()
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
    let nearest = |keep: &dyn Fn(usize, &HeaderCell) -> bool| {
        header
            .iter()
            .enumerate()
            .filter(|&(k, h)| keep(k, h))
            .map(|(k, h)| (k, overlap(h)))
            .max_by_key(|&(_, o)| o)
    };
    if let Some((k, _)) = nearest(&|k, _| fits(k)).filter(|&(_, o)| o > 0) {
        return Some(k);
    }
    let kinds: &[ColumnKind] = if parse_date_prefix(run).is_some() {
        &[ColumnKind::Date]
    } else if typed_len(run).is_some_and(|len| len > 0) {
        &[ColumnKind::CallerId, ColumnKind::CalledNumber]
    } else if typed_len(run) == Some(0) {
        &[ColumnKind::Violation]
    } else {
        &[]
    };
    let of_kind = header
        .iter()
        .enumerate()
        .filter(|(_, h)| kinds.contains(&h.2))
        .min_by_key(|(_, h)| (-overlap(h)).max(0));
    if let Some((k, _)) = of_kind {
        return Some(k);
    }
    nearest(&|k, h| fits(k) && !typed_column(h.2))
        .filter(|&(_, o)| o > -(JITTER as isize))
        .map(|(k, _)| k)
}

/// Where a column's runs start (`starts`, sorted here): the leftmost start that enough of them
/// share (a quarter, within [`DRIFT`]), or a start a few characters left of it. A row
/// `pdftotext` set much tighter than the rest of its page starts every column well left of
/// the others, and does not move the page's edges.
pub(super) fn leftmost_shared(starts: &mut [usize]) -> Option<usize> {
    starts.sort_unstable();
    let need = starts.len().div_ceil(4);
    let shared = starts
        .iter()
        .enumerate()
        .find(|&(i, &s)| {
            starts
                .get(i..)
                .is_some_and(|rest| rest.partition_point(|&t| t <= s + DRIFT) >= need)
        })
        .map(|(_, &s)| s)?;
    starts.iter().copied().find(|&s| s + JITTER >= shared)
}

/// Whether what `block` holds between character columns `span` can be a column of `kind`:
/// mostly dates for a date column, phone numbers or redactions for a phone column, citations
/// for a violation column, free text for the others.
pub(super) fn span_fits(block: &[LineCols<'_>], (a, e): (usize, usize), kind: ColumnKind) -> bool {
    // Judged by the lines that set text at the span's left edge: where a tight page leaves
    // no gutter between two columns (`Apr. 20, 2025 3055550186`), the wrapped lines of the
    // right-hand one (`Robocall Offering Extended`) do not tell what the span starts with.
    let texts: Vec<String> = block
        .iter()
        .filter(|l| l.slice(a, a + DRIFT + 1).is_some())
        .filter_map(|l| l.slice(a, e).map(|p| p.0))
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
pub(super) fn kinds_by_content(
    block: &[LineCols<'_>],
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
                .filter_map(|l| l.slice(a, e).map(|p| p.0))
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
                .filter(|l| l.slice(a, a + DRIFT + 1).is_some())
                .filter_map(|l| l.slice(a, e).map(|p| p.0))
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
