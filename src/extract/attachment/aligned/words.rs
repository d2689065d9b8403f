//! Placing the words of an aligned table's line in its columns.

use super::super::cells::*;
use super::*;
use crate::extract::date::date_head_len;
use crate::model::ColumnKind;
use crate::source::Document;
use std::ops::Range;

/// Puts each word of `line` in the column it starts in (`edges` from [`column_edges`]). A
/// date, phone number or redaction (`+1 512 555 0143`) is one unit, in the column its first
/// word starts in. A word that starts just left of a column's edge, one space after the word
/// before, while that column's own text on the line starts well right of its edge, is the
/// column's text drifted left (`Contract Sales 227(e); 47 CFR` under `47 U.S.C. §`).
pub(super) fn words_by_edges(
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
pub(super) fn slice_words(
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
