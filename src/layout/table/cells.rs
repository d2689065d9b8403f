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

/// A line of an aligned table by character column: what stands at a column, or between two,
/// found without counting the characters before it.
pub(super) struct LineCols<'a> {
    text: &'a str,
    /// The clean offset of the text.
    start: usize,
    /// The column the text starts at.
    indent: usize,
    /// The byte offset of each character, then the text's length; empty for ASCII text,
    /// whose characters are its bytes.
    offsets: Vec<usize>,
}

impl<'a> LineCols<'a> {
    /// `line` of `doc`, by column.
    pub(super) fn new(doc: &'a Document<'_>, line: &Line) -> Self {
        let text = doc.slice(line.range.clone());
        let offsets = match text.is_ascii() {
            true => Vec::new(),
            false => text
                .char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .collect(),
        };
        LineCols {
            text,
            start: line.range.start,
            indent: line.indent,
            offsets,
        }
    }

    /// The line's text.
    pub(super) fn text(&self) -> &'a str {
        self.text
    }

    /// How many characters the text has.
    fn chars(&self) -> usize {
        match self.offsets.len() {
            0 => self.text.len(),
            n => n - 1,
        }
    }

    /// The byte offset of the character at column `col` (the text's start before it, its
    /// end past it).
    pub(super) fn byte(&self, col: usize) -> usize {
        let i = col.saturating_sub(self.indent);
        match self.offsets.is_empty() {
            true => i.min(self.text.len()),
            false => self.offsets.get(i).copied().unwrap_or(self.text.len()),
        }
    }

    /// The text from column `col` on, when a character stands there.
    pub(super) fn rest(&self, col: usize) -> Option<&'a str> {
        let i = col.checked_sub(self.indent)?;
        (i < self.chars()).then(|| self.text.get(self.byte(col)..))?
    }

    /// The character at column `col`.
    pub(super) fn char_at(&self, col: usize) -> Option<char> {
        self.rest(col)?.chars().next()
    }

    /// The text between columns `from..to`, trimmed, with its clean range; `None` when blank.
    pub(super) fn slice(&self, from: usize, to: usize) -> Option<(String, Range<usize>)> {
        let (a, e) = (self.byte(from), self.byte(to.max(from)));
        let raw = self.text.get(a..e)?;
        let piece = raw.trim();
        (!piece.is_empty()).then(|| {
            let s = self.start + a + (raw.len() - raw.trim_start().len());
            (piece.to_owned(), s..s + piece.len())
        })
    }

    /// The words that start between columns `from..to`, joined as written, with their clean
    /// range: a cell's text, even where a single space separates it from the next cell.
    pub(super) fn words(&self, from: usize, to: usize) -> Option<(String, Range<usize>)> {
        let first = self.byte(from);
        let mut previous_blank = from
            .checked_sub(1)
            .and_then(|c| self.char_at(c))
            .is_none_or(char::is_whitespace);
        let (mut start, mut end) = (None, 0);
        let rest = self.text.get(first..)?;
        for (i, (byte, c)) in rest.char_indices().enumerate() {
            let blank = c.is_whitespace();
            if !blank && previous_blank {
                // A word starts here: it belongs to the cell whose columns hold its start.
                if from.max(self.indent) + i >= to {
                    break;
                }
                start.get_or_insert(first + byte);
            }
            if !blank && start.is_some() {
                end = first + byte + c.len_utf8();
            }
            previous_blank = blank;
        }
        let start = start?;
        let piece = self.text.get(start..end)?;
        Some((piece.to_owned(), self.start + start..self.start + end))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the characters whose columns are in `from..to`, counted one by one.
    fn counted(text: &str, indent: usize, from: usize, to: usize) -> String {
        let chars = text.chars().enumerate();
        let kept = chars.filter(|(i, _)| (from..to).contains(&(indent + i)));
        kept.map(|(_, c)| c).collect::<String>().trim().to_owned()
    }

    /// Columns are found by offset as they are by counting, in ASCII lines and others.
    #[test]
    fn line_columns_agree_with_counting() {
        for input in [
            "   Mash Telecom   Mar. 16, 2021   47 U.S.C. § 227(b); 47 CFR §",
            "      ß§é  Über  x",
            "a",
        ] {
            let doc = Document::from_text(input);
            let line = doc.lines.first().unwrap();
            let cols = LineCols::new(&doc, line);
            let width = line.indent + cols.text().chars().count() + 2;
            for from in 0..width {
                let at = from.checked_sub(line.indent);
                let want = at.and_then(|i| cols.text().chars().nth(i));
                assert_eq!(cols.char_at(from), want, "{input:?} {from}");
                for to in from..width {
                    let got = cols.slice(from, to);
                    let want = counted(cols.text(), line.indent, from, to);
                    assert_eq!(got.as_ref().map_or("", |g| g.0.as_str()), want);
                    if let Some((text, range)) = got {
                        assert_eq!(doc.slice(range), text);
                    }
                }
            }
        }
    }

    /// The words starting in `from..to`, found by counting every character of the line.
    fn counted_words(text: &str, indent: usize, from: usize, to: usize) -> Option<String> {
        let (mut start, mut end) = (None, 0);
        let mut previous_blank = true;
        for (i, (byte, c)) in text.char_indices().enumerate() {
            let col = indent + i;
            let blank = c.is_whitespace();
            if !blank && previous_blank {
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
        text.get(start?..end).map(str::to_owned)
    }

    /// A cell's words are those that start in its columns, whole, in ASCII lines and others.
    #[test]
    fn line_words_start_in_their_columns() {
        let doc = Document::from_text("  Dawz Telecom 47 U.S.C. § 227(b)");
        let line = doc.lines.first().unwrap();
        let cols = LineCols::new(&doc, line);
        let words = |a, e| cols.words(a, e).map(|(t, r)| (t, doc.slice(r).to_owned()));
        let pair = |t: &str| Some((t.to_owned(), t.to_owned()));
        assert_eq!(words(0, 14), pair("Dawz Telecom"));
        assert_eq!(words(3, 16), pair("Telecom 47"));
        assert_eq!(words(6, 27), pair("Telecom 47 U.S.C. §"));
        assert_eq!(words(8, 14), None);
        assert_eq!(words(25, 99), pair("§ 227(b)"));
        for input in ["   Mash  Telecom §§ 1  x", "  ßé  Über  a b", "a"] {
            let doc = Document::from_text(input);
            let line = doc.lines.first().unwrap();
            let cols = LineCols::new(&doc, line);
            let width = line.indent + cols.text().chars().count() + 2;
            for from in 0..width {
                for to in from..width {
                    let want = counted_words(cols.text(), line.indent, from, to);
                    assert_eq!(
                        cols.words(from, to).map(|w| w.0),
                        want,
                        "{input:?} {from} {to}"
                    );
                }
            }
        }
    }
}
