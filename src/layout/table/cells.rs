//! Reading the lines of an aligned table by character column, and the words its cells hold.

use crate::grammar::date::{date_head_len, parse_date_prefix};
use crate::model::ColumnKind;
use crate::source::{Document, Line};
use std::ops::Range;

/// A line of an aligned table with its text by character column: `(column, text)` runs.
pub(super) fn columns_of(text: &str, indent: usize) -> Vec<(usize, usize)> {
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
pub(super) fn cell_runs(text: &str, indent: usize) -> Vec<(usize, usize)> {
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
pub(super) fn typed_len(text: &str) -> Option<usize> {
    let chars = |bytes: usize| text.get(..bytes).map_or(bytes, |t| t.chars().count());
    let word = text.split(' ').next().unwrap_or("");
    parse_date_prefix(text)
        .map(|(_, len)| chars(len))
        .or_else(|| crate::grammar::phone::phone_at_start(text).map(|(_, r)| chars(r.end)))
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
pub(super) fn slice_columns(
    doc: &Document<'_>,
    line: &Line,
    from: usize,
    to: usize,
) -> Option<(String, Range<usize>)> {
    let (indent, line) = (line.indent, &line.range);
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

/// `range` without the whitespace at its ends.
pub(super) fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = text.get(range.clone()).unwrap_or("");
    let start = range.start + (piece.len() - piece.trim_start().len());
    start..start + piece.trim().len()
}

/// Whether `text` is a year on its own: the rest of a date wrapped in its cell.
pub(super) fn is_year(text: &str) -> bool {
    let text = text.trim();
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `word` is a section number, the rest of a citation wrapped in its cell
/// (`227(b)(1)(A)(iii)`, `64.1200(a)(2);`).
pub(super) fn section_like(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word.contains(['(', '.'])
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "().;,".contains(c))
}

/// Whether a unit of a table line starts with a date, or with the month and day of one whose
/// year the cell wraps to its next line.
pub(super) fn is_date_unit(text: &str) -> bool {
    parse_date_prefix(text).is_some() || date_head_len(text).is_some()
}

/// Whether a word of an aligned table's line is prose that no date or phone cell holds: it
/// has a letter and is not a month's name (`Mar.`, `January`), a redaction or `U.S.C.`-style
/// abbreviation (a date or number wrapped in its cell leaves pieces such as `January 10,` /
/// `2025`, `+1 (312)` / `555-0138`).
pub(super) fn is_prose(word: &str) -> bool {
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
pub(super) fn typed_column(kind: ColumnKind) -> bool {
    matches!(
        kind,
        ColumnKind::Date | ColumnKind::CallerId | ColumnKind::CalledNumber
    )
}

/// A redacted cell: `[REDACTED]`, `XXX-XXX-XXXX`, `(XXX) XXX-XXXX`.
pub(super) fn is_redaction(text: &str) -> bool {
    let text = text.trim();
    text.eq_ignore_ascii_case("[redacted]")
        || text.eq_ignore_ascii_case("redacted")
        || (text.contains(['X', 'x'])
            && text
                .chars()
                .all(|c| matches!(c, 'X' | 'x' | '-' | '(' | ')' | '.' | ' ')))
}
