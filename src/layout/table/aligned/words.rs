//! Placing the words of an aligned table's line in its columns.

use super::super::cells::*;
use super::*;
use crate::grammar::date::date_head_len;
use crate::model::ColumnKind;
use crate::source::Document;

/// Puts each word of `line` in the column it starts in (`edges` from [`column_edges`]). A
/// date, phone number or redaction (`+1 512 555 0143`) is one unit, in the column its first
/// word starts in; then each correction below moves units whose column the line's setting got
/// wrong. Returns where each column's text starts on the line.
pub(super) fn words_by_edges(
    doc: &Document<'_>,
    line: &crate::source::Line,
    edges: &[usize],
    kinds: &[ColumnKind],
    cells: &mut [Piece],
) -> Vec<Option<usize>> {
    let text = doc.slice(line.range.clone());
    let units = units(text, line.indent);
    let column = |col: usize| edges.partition_point(|&e| e <= col).saturating_sub(1);
    let placed = units.iter().map(|u| column(u.col)).collect();
    let mut line_units = Placing {
        text,
        units,
        placed,
        edges,
        kinds,
    };
    line_units.citations_to_violation();
    line_units.drifted_left();
    line_units.ends_before_value();
    line_units.wrapped_section();
    line_units.before_first_citation();
    line_units.misplaced();
    line_units.fill(line.range.start, cells)
}

/// A unit of an aligned table's line: a word, or a date, phone number or redaction whole.
#[derive(Debug, Clone, Copy)]
struct Unit {
    /// Byte offsets in the line's text.
    start: usize,
    end: usize,
    /// Character columns it spans.
    col: usize,
    end_col: usize,
    /// A date (or the month and day of one wrapped before its year), phone number or
    /// redaction.
    typed: bool,
}

/// The units of `text`, a line set from character column `indent`: a typed value runs to the
/// end of the word holding its last character.
fn units(text: &str, indent: usize) -> Vec<Unit> {
    let mut units = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while let Some(&(byte, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
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
        units.push(Unit {
            start: byte,
            end: chars.get(j).map_or(text.len(), |&(b, _)| b),
            col: indent + i,
            end_col: indent + j,
            typed: typed > 0,
        });
        i = j.max(i + 1);
    }
    units
}

/// Words of a citation list that never start a cell of their own.
const CITATION_WORDS: [&str; 5] = ["U.S.C.", "CFR", "C.F.R.", "§", "§§"];

/// A line's units and the column each is placed in.
struct Placing<'a> {
    text: &'a str,
    units: Vec<Unit>,
    placed: Vec<usize>,
    edges: &'a [usize],
    kinds: &'a [ColumnKind],
}

impl Placing<'_> {
    fn word(&self, unit: &Unit) -> &str {
        self.text.get(unit.start..unit.end).unwrap_or("")
    }

    /// The line from `unit` on.
    fn rest(&self, unit: &Unit) -> &str {
        self.text.get(unit.start..).unwrap_or("")
    }

    /// Whether a citation list (`47 U.S.C. §`) starts at `unit`.
    fn cites(&self, unit: &Unit) -> bool {
        typed_len(self.rest(unit)) == Some(0)
    }

    /// Moves the run of units from `from` on that are in column `k` to column `to`.
    fn move_run(&mut self, from: usize, k: usize, to: usize) {
        for p in self.placed.iter_mut().skip(from).take_while(|p| **p == k) {
            *p = to;
        }
    }

    /// A citation's words (`47 CFR §`) are the Violation column's when they cross its edge
    /// into a column beside it (`§` under the next header, `CFR` wrapped one space after the
    /// description); a capitalised word one space after a finished citation list (`47 U.S.C.
    /// § 227(b) Epsilon Leads`) starts the next column, where that holds text.
    fn citations_to_violation(&mut self) {
        let Some(v) = self.kinds.iter().position(|&k| k == ColumnKind::Violation) else {
            return;
        };
        for u in 0..self.units.len() {
            let Some(unit) = self.units.get(u).copied() else {
                continue;
            };
            let cites = CITATION_WORDS.contains(&self.word(&unit)) || self.cites(&unit);
            if let Some(p) = self.placed.get_mut(u) {
                if cites && p.abs_diff(v) == 1 {
                    *p = v;
                }
            }
        }
        if self.kinds.get(v + 1).is_none_or(|&k| typed_column(k)) {
            return;
        }
        let ends = (1..self.units.len()).find(|&u| {
            let (Some(before), Some(this)) = (self.units.get(u - 1), self.units.get(u)) else {
                return false;
            };
            let (before, this) = (self.word(before), self.word(this));
            self.placed.get(u - 1) == Some(&v)
                && self.placed.get(u) == Some(&v)
                && section_like(before)
                && !before.ends_with([';', ','])
                && this.starts_with(|c: char| c.is_uppercase())
                && is_prose(this)
                && !["U.S.C.", "CFR", "C.F.R.", "Id.", "See"].contains(&this)
        });
        if let Some(u) = ends {
            self.move_run(u, v, v + 1);
        }
    }

    /// A word that starts just left of a column's edge, one space after the word before,
    /// and runs on into that column's text one space later, while that column's own text on
    /// the line starts well right of its edge, is the column's text drifted left (`Contract
    /// Sales 227(e); 47 CFR` under `47 U.S.C. §`).
    fn drifted_left(&mut self) {
        for u in 1..self.units.len() {
            let (Some(me), Some(before)) = (self.units.get(u), self.units.get(u - 1)) else {
                continue;
            };
            let Some(&k) = self.placed.get(u) else {
                continue;
            };
            let Some(&edge) = self.edges.get(k + 1) else {
                continue;
            };
            let runs_on = self
                .units
                .get(u + 1)
                .zip(self.placed.get(u + 1))
                .is_some_and(|(next, &p)| p == k + 1 && next.col == me.end_col + 1);
            let cramped = me.col == before.end_col + 1 && me.col + DRIFT >= edge && runs_on;
            // Not a date, phone number or redaction (which fills its cell: nothing comes
            // before it).
            let late = self
                .placed
                .iter()
                .zip(&self.units)
                .find(|(&p, _)| p == k + 1)
                .is_some_and(|(_, unit)| unit.col > edge.saturating_add(DRIFT) && !unit.typed);
            if cramped && late {
                self.move_run(u, k, k + 1);
            }
        }
    }

    /// Words set in a date or phone column just before that column's own value are the end
    /// of the column before it, set one space tighter than the page (`Beta Dialer Co.
    /// October 5, 2023` where `Co.` starts under `Date of Call`).
    fn ends_before_value(&mut self) {
        let mut value_in: Option<usize> = None;
        for u in (0..self.units.len()).rev() {
            let (Some(unit), Some(&p)) = (self.units.get(u), self.placed.get(u)) else {
                continue;
            };
            if unit.typed {
                let kind = self.kinds.get(p).copied();
                let fits = match is_date_unit(self.rest(unit)) {
                    true => kind == Some(ColumnKind::Date),
                    false => matches!(kind, Some(ColumnKind::CallerId | ColumnKind::CalledNumber)),
                };
                value_in = fits.then_some(p);
                continue;
            }
            let before = p.checked_sub(1).and_then(|b| self.kinds.get(b));
            match (value_in, before) {
                (Some(k), Some(&kind)) if k == p && !typed_column(kind) => {
                    if let Some(p) = self.placed.get_mut(u) {
                        *p = k - 1;
                    }
                }
                _ => value_in = None,
            }
        }
    }

    /// A section number wrapped in a Violation cell (`227(b)(1)(A)(iii)`, `64.1200(a)(2)`) set
    /// a little left of its column's edge, at the end of the line, is the Violation's.
    fn wrapped_section(&mut self) {
        let last = self.units.len().saturating_sub(1);
        let (Some(unit), Some(&p)) = (self.units.get(last), self.placed.get(last)) else {
            return;
        };
        let next = p + 1;
        let near = self
            .edges
            .get(next)
            .is_some_and(|&edge| unit.col + JITTER >= edge);
        if near
            && self.kinds.get(next) == Some(&ColumnKind::Violation)
            && self.kinds.get(p).is_some_and(|&k| !typed_column(k))
            && section_like(self.word(unit))
        {
            if let Some(p) = self.placed.get_mut(last) {
                *p = next;
            }
        }
    }

    /// Words set in a Violation column before its first citation list are the column
    /// before's (`Auto Warranty Sales Robocall 47 U.S.C. § 227(b)`) — words, not the end of a
    /// citation wrapped from the line above (`227(e); 47 CFR`).
    fn before_first_citation(&mut self) {
        let first = self.units.iter().zip(&self.placed).position(|(unit, p)| {
            self.kinds.get(*p) == Some(&ColumnKind::Violation) && self.cites(unit)
        });
        let Some((c, k)) = first.and_then(|c| Some((c, *self.placed.get(c)?))) else {
            return;
        };
        let before = k.checked_sub(1).and_then(|b| self.kinds.get(b));
        if before.is_none_or(|&kind| typed_column(kind)) {
            return;
        }
        for u in (0..c).rev() {
            let Some(unit) = self.units.get(u) else { break };
            let w = self.word(unit);
            let word = w.starts_with(char::is_alphabetic)
                && !["U.S.C.", "CFR", "C.F.R.", "and", "Id."].contains(&w);
            match self.placed.get_mut(u) {
                Some(p) if *p == k && word => *p = k - 1,
                _ => break,
            }
        }
    }

    /// Prose placed in a date or phone column (the line is set tighter than the page) goes
    /// to the next column that can hold it; a second date or phone number in a column that
    /// holds one already, to the next column of its kind (`XXX-XXX-XXXX +1 (617) 555-0130`),
    /// or where none is right of it, to the nearest free one left of it; and what follows on
    /// the line no further left.
    fn misplaced(&mut self) {
        let mut floor = 0;
        let mut typed_in: Option<usize> = None;
        for u in 0..self.units.len() {
            let (Some(unit), Some(&at)) = (self.units.get(u).copied(), self.placed.get(u)) else {
                continue;
            };
            let word = self.word(&unit);
            let is_date = unit.typed && is_date_unit(word);
            // A citation list (`47 U.S.C. §`) starts a Violation cell, where there is one.
            let citation = self.cites(&unit);
            let kinds = self.kinds;
            let violation_after = kinds
                .iter()
                .skip(at + 1)
                .any(|&k| k == ColumnKind::Violation);
            let fits_next = |j: usize| {
                kinds.get(j).is_some_and(|&k| match (unit.typed, is_date) {
                    (false, _) if citation && violation_after => k == ColumnKind::Violation,
                    (false, _) => !typed_column(k),
                    (true, true) => k == ColumnKind::Date,
                    (true, false) => matches!(k, ColumnKind::CallerId | ColumnKind::CalledNumber),
                })
            };
            let misplaced = if unit.typed {
                // A second value in one column, or a value in a column of another kind.
                typed_in == Some(at) || !fits_next(at)
            } else if citation {
                !fits_next(at)
            } else {
                is_prose(word) && kinds.get(at).is_some_and(|k| typed_column(*k))
            };
            // A date or phone number fills its cell: a piece of a number set one space after
            // it in the same column (`June 13, 2026 +1 646 555`) starts the next column's cell.
            let after_typed = !unit.typed && !misplaced && !citation && typed_in == Some(at);
            let mut to = at;
            if misplaced {
                // A column that holds a date or number on this line already is not free.
                let free = |j: &usize| fits_next(*j) && !(unit.typed && typed_in == Some(*j));
                if let Some(next) = (floor.max(at + 1)..kinds.len())
                    .find(free)
                    .or_else(|| (floor..at).rev().find(|j| unit.typed && free(j)))
                {
                    to = next;
                }
            } else if after_typed && at + 1 < kinds.len() {
                to = at + 1;
            }
            to = to.max(floor);
            floor = to;
            if unit.typed {
                typed_in = Some(to);
            }
            if let Some(p) = self.placed.get_mut(u) {
                *p = to;
            }
        }
    }

    /// Joins each column's units into its cell (the line starts at byte `offset` of the
    /// document); returns where each column's text starts on the line.
    fn fill(&self, offset: usize, cells: &mut [Piece]) -> Vec<Option<usize>> {
        let mut starts: Vec<Option<usize>> = vec![None; self.edges.len()];
        for (unit, &k) in self.units.iter().zip(&self.placed) {
            if let Some(slot @ None) = starts.get_mut(k) {
                *slot = Some(unit.col);
            }
            let (Some(slot), Some(piece)) = (cells.get_mut(k), self.text.get(unit.start..unit.end))
            else {
                continue;
            };
            let range = offset + unit.start..offset + unit.end;
            match slot {
                Some((t, r)) => {
                    let gap = self
                        .text
                        .get(r.end.saturating_sub(offset)..unit.start)
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
}
