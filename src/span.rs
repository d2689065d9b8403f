//! Byte spans into the caller's input, and line/column lookup for showing them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// A byte range `start..end` in the text that was parsed.
///
/// For text input this is the caller's `&str`; markup such as `**` or `<sup>1</sup>` is skipped
/// by the lexer rather than rewritten, so spans always index the original input.
/// Serialised as `[start, end]`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (swapped if given the wrong way round).
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start.min(end),
            end: start.max(end),
        }
    }

    /// The span as a `Range`, for slicing with `str::get`.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Number of bytes covered.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span::new(start, end)
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Byte offset → 1-based line and column, built once per text: the line starts, and the
/// number of characters before every [`BLOCK`]th byte, so that a column is counted over at
/// most one block however long its line.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    /// (byte offset, characters before it) at the first character boundary at or after
    /// each multiple of [`BLOCK`].
    blocks: Vec<(usize, usize)>,
}

/// Bytes between two of [`LineIndex`]'s character counts.
const BLOCK: usize = 256;

/// Whether byte `b` of UTF-8 text starts a character (is not a continuation byte).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// `offset`, clamped to `text` and moved back to the start of the character it falls in.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl LineIndex {
    /// Indexes the line starts and character counts of `text`.
    pub(crate) fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let (mut at, mut chars) = (0, 0);
        while at < text.len() {
            blocks.push((at, chars));
            let mut next = (at + BLOCK).min(text.len());
            while !text.is_char_boundary(next) {
                next += 1;
            }
            let block = text.as_bytes().get(at..next).unwrap_or(&[]);
            chars += block.iter().filter(|&&b| starts_char(b)).count();
            at = next;
        }
        blocks.push((text.len(), chars));
        LineIndex { starts, blocks }
    }

    /// The number of characters of `text` before byte `offset` (a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let i = self.blocks.partition_point(|&(b, _)| b <= offset).max(1);
        let (at, chars) = self.blocks.get(i - 1).copied().unwrap_or((0, 0));
        let bytes = text.as_bytes().get(at..offset).unwrap_or(&[]);
        chars + bytes.iter().filter(|&&b| starts_char(b)).count()
    }

    /// The byte offset of the `n`th character of `text` (its length past the last).
    fn byte_of_char(&self, text: &str, n: usize) -> usize {
        let i = self.blocks.partition_point(|&(_, c)| c <= n).max(1);
        let (at, chars) = self.blocks.get(i - 1).copied().unwrap_or((0, 0));
        let bytes = text.as_bytes().get(at..).unwrap_or(&[]);
        bytes
            .iter()
            .enumerate()
            .filter(|(_, &b)| starts_char(b))
            .nth(n - chars)
            .map_or(text.len(), |(b, _)| at + b)
    }

    /// 1-based line and column (in characters) of `offset`, clamped to the text and to the
    /// start of the character it falls in.
    pub(crate) fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(text, offset);
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let col = self.chars_before(text, offset) - self.chars_before(text, start);
        (line, col + 1)
    }

    /// The text of 1-based line `line`, without its line ending.
    pub(crate) fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(&start) = self.starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .starts
            .get(line)
            .map_or(text.len(), |e| e.saturating_sub(1));
        text.get(start..end.max(start))
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    /// Line `line` as [`line_text`](Self::line_text) gives it, with its length in
    /// characters, and a window of at most `take` of them starting at character `skip`
    /// (and whether characters follow it).
    pub(crate) fn line_window<'t>(
        &self,
        text: &'t str,
        line: usize,
        skip: usize,
        take: usize,
    ) -> LineWindow<'t> {
        let content = self.line_text(text, line);
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        let first = self.chars_before(text, start);
        let chars = self.chars_before(text, start + content.len()) - first;
        let skip = skip.min(chars);
        let end = (skip + take).min(chars);
        let from = self.byte_of_char(text, first + skip);
        let to = self.byte_of_char(text, first + end);
        LineWindow {
            chars,
            shown: text.get(from..to).unwrap_or(""),
            more: end < chars,
        }
    }
}

/// A part of a line shown by a rendered diagnostic; see [`LineIndex::line_window`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineWindow<'t> {
    /// The line's length in characters.
    pub(crate) chars: usize,
    /// The characters shown.
    pub(crate) shown: &'t str,
    /// Whether characters of the line follow them.
    pub(crate) more: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_cases() {
        let text = "ab\ncd§e\n\nlast";
        let idx = LineIndex::new(text);
        let cases = [
            (0, (1, 1)),
            (2, (1, 3)),
            (3, (2, 1)),
            (7, (2, 4)),
            (9, (3, 1)),
            (10, (4, 1)),
            (99, (4, 5)),
        ];
        for (offset, want) in cases {
            assert_eq!(idx.line_col(text, offset), want, "offset {offset}");
        }
        assert_eq!(idx.line_text(text, 2), "cd§e");
        assert_eq!(idx.line_text(text, 3), "");
        assert_eq!(idx.line_text(text, 4), "last");
        assert_eq!(idx.line_text(text, 9), "");
    }

    #[test]
    fn span_serialises_as_pair() {
        let s = Span::new(5, 2);
        assert_eq!(s, Span { start: 2, end: 5 });
        assert_eq!(serde_json::to_string(&s).unwrap(), "[2,5]");
        assert_eq!(serde_json::from_str::<Span>("[2,5]").unwrap(), s);
    }
}
