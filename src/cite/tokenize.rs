//! Finds where citations may start with one regex of anchors, then hands each anchor to the
//! grammar of its family.

use super::{docket, prose, reporter, short_form, statute, Grammar, Hint, Piece};
use crate::text::regex;
use std::collections::HashMap;
use std::ops::Range;

/// Every citation piece in `text`, in order, not yet resolved. Each of `cells` (ranges of
/// `text`, in order and apart: a table's cells) is read as a unit of its own, so that no
/// citation runs over a cell's edge, and the rest of the text between them as prose. A cell
/// whose text repeats an earlier cell's (a table's Violation column) takes that cell's
/// pieces, moved, instead of being read again. Reading stops at about `max` pieces (give or
/// take one grammar call's): returns where it stopped when it did.
fn pieces_unbounded(text: &str, cells: &[Range<usize>], max: usize) -> (Vec<Piece>, Option<usize>) {
    let mut out: Vec<Piece> = Vec::with_capacity((text.len() / 128 + cells.len() / 2).min(max));
    // Each cell text read so far: where it stood, and the pieces it gave in `out`.
    let mut read: HashMap<&str, (usize, Range<usize>)> = HashMap::new();
    let mut prose = 0;
    for cell in cells {
        let (Some(cell_text), true) = (text.get(cell.clone()), cell.start >= prose) else {
            continue;
        };
        if let Some(at) = unit(text, prose..cell.start, max, &mut out) {
            return (out, Some(at));
        }
        prose = cell.end;
        if let Some((at, given)) = read.get(cell_text).cloned() {
            for i in given {
                if out.len() >= max {
                    return (out, Some(cell.start));
                }
                if let Some(mut piece) = out.get(i).cloned() {
                    piece.shift(cell.start - at);
                    out.push(piece);
                }
            }
            continue;
        }
        let before = out.len();
        if let Some(at) = unit(text, cell.clone(), max, &mut out) {
            return (out, Some(at));
        }
        read.insert(cell_text, (cell.start, before..out.len()));
    }
    let stopped = unit(text, prose..text.len(), max, &mut out);
    (out, stopped)
}

/// [`pieces_unbounded`] cut to `max` pieces, and where the first dropped one stood (or where
/// reading stopped) when any was.
pub(super) fn pieces(
    text: &str,
    cells: &[Range<usize>],
    max: usize,
) -> (Vec<Piece>, Option<usize>) {
    let (mut out, stopped) = pieces_unbounded(text, cells, max);
    // (One grammar call may have gone past `max`: a list's items are bounded on their own.)
    let over = out.get(max).map(|p| p.range.start);
    out.truncate(max);
    (out, over.or(stopped))
}

impl Piece {
    /// Moves the piece `by` bytes later in the text.
    fn shift(&mut self, by: usize) {
        let moved = |r: &mut Range<usize>| *r = r.start + by..r.end + by;
        moved(&mut self.range);
        match &mut self.hint {
            Hint::Short(Some(name)) | Hint::Supra(_, Some(name)) => moved(name),
            _ => {}
        }
    }
}

/// Appends the pieces of `range` of `text`, read on its own, to `out` (with ranges in `text`),
/// while `out` holds fewer than `max`; returns where it stopped when it did.
fn unit(text: &str, range: Range<usize>, max: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let unit = text.get(range.clone())?;
    // No anchor is shorter than `Id.`; nothing between two cells is worth a search.
    if unit.len() < 3 || unit.bytes().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let first = out.len();
    let stopped = read_unit(unit, max, out);
    if range.start > 0 {
        for piece in out.get_mut(first..).unwrap_or(&mut []) {
            piece.shift(range.start);
        }
    }
    stopped.map(|at| range.start + at)
}

/// The pieces of `text`, in order, while `out` holds fewer than `max`; returns where it
/// stopped when it did.
fn read_unit(text: &str, max: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let anchors = regex!(
        r"(?-u:\b)(?:U\.\s?S\.\s?C\.|USC|C\.\s?F\.\s?R\.|CFR|FCC\s+Rcd|Fed\.\s?Reg\.|Stat\.|WL\s[0-9]|Pub\.\s?L\.|Docket|File\s+Nos?\.|EB-[A-Z]|DA\s+[0-9]|FCC\s+[0-9]|[Ii]d\.|supra|[Ss]ections?\s+[0-9])"
    );
    let mut consumed = 0;
    for m in anchors.find_iter(text) {
        if out.len() >= max {
            return Some(consumed);
        }
        if m.start() < consumed {
            continue;
        }
        consumed = bare_signs(text, consumed..m.start(), out);
        if m.start() < consumed {
            continue;
        }
        let anchor = m.as_str();
        // The grammar for this anchor, and where its citation starts.
        let (grammar, start): (Grammar, Option<usize>) = match anchor.as_bytes().first() {
            Some(b'U' | b'C') => (statute::code, number_before(text, m.start())),
            Some(b'F' | b'S' | b'W') if is_reporter(anchor) => {
                (reporter::reporter, number_before(text, m.start()))
            }
            Some(b'P') => (reporter::public_law, Some(m.start())),
            Some(b'D') if anchor.starts_with("Docket") => (docket::docket, Some(m.start())),
            Some(b'F') if anchor.starts_with("File") => (docket::file, Some(m.start())),
            Some(b'E') => (docket::bare_file, Some(m.start())),
            Some(b'D' | b'F') => (docket::document, Some(m.start())),
            Some(b'I' | b'i') => (short_form::id, Some(m.start())),
            Some(b's') if anchor.starts_with("supra") => (short_form::supra, Some(m.start())),
            Some(b's' | b'S') => (prose::prose, Some(m.start())),
            _ => continue,
        };
        let Some(start) = start.filter(|&s| s >= consumed) else {
            continue;
        };
        let before = out.len();
        match grammar(text, start, out) {
            // A docket's bureau is read backwards and may reach into an earlier cite.
            Some(end) if out.get(before).is_some_and(|p| p.range.start >= consumed) => {
                consumed = end
            }
            _ => out.truncate(before),
        }
    }
    bare_signs(text, consumed..text.len(), out);
    None
}

/// Reads the cites of `gap` (text between anchors, outside any cite) that start with a bare
/// section sign (`§ 73.51`: no code name before it, so no anchor found it); returns where the
/// last one ends, or the gap's start. Signs are looked for only here, not as anchors, so the
/// sign of every `47 CFR §` costs nothing.
fn bare_signs(text: &str, gap: Range<usize>, out: &mut Vec<Piece>) -> usize {
    let mut consumed = gap.start;
    let bytes = text.as_bytes();
    let mut at = gap.start;
    while let Some(i) = bytes
        .get(at..gap.end)
        .and_then(|b| memchr::memchr(0xA7, b))
        .map(|i| at + i)
    {
        at = i + 1;
        // `§` is C2 A7 in UTF-8.
        let Some(start) = i.checked_sub(1).filter(|&s| bytes.get(s) == Some(&0xC2)) else {
            continue;
        };
        if start < consumed {
            continue;
        }
        if let Some(end) = prose::bare(text, start, out) {
            consumed = end;
            at = at.max(end);
        }
    }
    consumed
}

fn is_reporter(anchor: &str) -> bool {
    anchor.starts_with("FCC") && anchor.ends_with("Rcd")
        || anchor.starts_with("Fed")
        || anchor.starts_with("Stat")
        || anchor.starts_with("WL")
}

/// The start of the number (title, volume or year) that stands, after whitespace, before
/// `at`: `47` in `47 CFR`, `35` in `35 FCC Rcd`.
pub(super) fn number_before(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?;
    let trimmed = before.trim_end_matches(char::is_whitespace);
    if trimmed.len() == before.len() {
        return None;
    }
    let digits = trimmed.len() - trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let start = trimmed.len() - digits;
    let glued = trimmed
        .get(..start)
        .and_then(|s| s.chars().next_back())
        .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '-');
    (1..=4)
        .contains(&digits)
        .then_some(start)
        .filter(|_| !glued)
}

#[cfg(test)]
mod tests {
    use super::super::IdForm;
    use super::*;

    /// Cells are read on their own: a citation stops at a cell's edge, and a repeated cell
    /// gives what reading it afresh gives, where it stands.
    #[test]
    fn cells_are_units() {
        let text = "See Id.\t47 CFR § 64.1200\t(a)(2) and\n47 U.S.C. § 227(b); Id. at 5\t47 CFR § 64.1200\t(a)(2) and\n";
        let cell = |s: &str, from: usize| {
            let start = from + text[from..].find(s).unwrap();
            start..start + s.len()
        };
        let first = cell("47 CFR § 64.1200", 0);
        let second = cell("47 CFR § 64.1200", first.end);
        let cells = [first.clone(), cell("(a)(2) and", 0), second.clone()];
        let (got, _) = pieces(text, &cells, usize::MAX);
        let read: Vec<(&str, &Hint)> = got
            .iter()
            .map(|p| (&text[p.range.clone()], &p.hint))
            .collect();
        assert_eq!(
            read,
            [
                ("Id.", &Hint::Id(IdForm::Bare)),
                ("47 CFR § 64.1200", &Hint::Full),
                ("47 U.S.C. § 227(b)", &Hint::Full),
                ("Id. at 5", &Hint::Id(IdForm::Pin)),
                ("47 CFR § 64.1200", &Hint::Full),
            ]
        );
        // The copy of the repeated cell is what a fresh read of it gives.
        let copy = got.iter().find(|p| p.range.start == second.start).unwrap();
        let (fresh, _) = pieces(text, &[first.clone(), cell("(a)(2) and", 0)], usize::MAX);
        let fresh = fresh
            .iter()
            .find(|p| p.range.start == second.start)
            .unwrap();
        assert_eq!(
            (copy.range.clone(), &copy.citation),
            (fresh.range.clone(), &fresh.citation)
        );
        // Read as prose, a section in the next column runs into the citation; read as
        // cells, it does not.
        let text = "Dawz\t47 CFR §\t64.1200\n";
        let (prose, _) = pieces(text, &[], usize::MAX);
        assert_eq!(&text[prose[0].range.clone()], "47 CFR §\t64.1200");
        assert!(pieces(text, &[5..14, 15..22], usize::MAX).0.is_empty());
    }

    #[test]
    fn numbers_before_anchors() {
        let cases = [
            ("47 CFR", 3, Some(0)),
            ("see 35 FCC", 7, Some(4)),
            ("47CFR", 2, None),
            ("CFR", 0, None),
            ("12345 CFR", 6, None),
            ("1.47 CFR", 5, None),
            ("a 47\u{a0}CFR", 6, Some(2)),
        ];
        for (text, at, want) in cases {
            assert_eq!(number_before(text, at), want, "{text}");
        }
    }

    #[test]
    fn reading_stops_at_the_bound() {
        let text = "47 CFR § 1.16; 47 CFR § 1.17; 47 CFR § 1.18; 47 CFR §§ 1.1, 1.2, 1.3, 1.4";
        let (all, stopped) = pieces(text, &[], usize::MAX);
        assert_eq!((all.len(), stopped), (7, None));
        let (some, stopped) = pieces(text, &[], 2);
        assert_eq!(some.len(), 2);
        assert_eq!(stopped, text.find("; 47 CFR § 1.18"));
        // Within one list: cut after the bound, at the first item dropped.
        let (some, stopped) = pieces(text, &[], 5);
        assert_eq!(some.len(), 5);
        assert_eq!(stopped, text.find("1.3,"));
    }
}
