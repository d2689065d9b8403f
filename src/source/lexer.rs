//! The lexer: input text to clean lines, with markup set aside and footnote marks found.

use super::*;

/// Inline tags that are dropped. `<sup>` is handled apart, since it may carry a footnote mark.
pub(super) const DROPPED_TAGS: &[&str] = &[
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<u>",
    "</u>",
    "<em>",
    "</em>",
    "<strong>",
    "</strong>",
    "<br>",
    "<br/>",
    "<br />",
    "</sup>",
];

pub(super) struct Lexer<'a> {
    pub(super) doc: Document<'a>,
    /// Plain-text footnote marks glued to a word, found before lexing: (input range, number).
    pub(super) glued: Vec<(Range<usize>, u32)>,
    pub(super) next_glued: usize,
    /// Footnote numbers whose text has started.
    pub(super) labelled: Vec<u32>,
    /// The last text line was a page number: the next one starts a page.
    pub(super) page_number: bool,
    /// Where the closing `</sup>`, `]` and `)` of markup are, searched once per line: a long
    /// line of unclosed markup is not searched to its end again for each opening.
    pub(super) closers: [NextFind; 3],
}

/// The closers [`Lexer::closers`] finds.
const SUP: usize = 0;
const BRACKET: usize = 1;
const PAREN: usize = 2;
const CLOSERS: [&str; 3] = ["</sup>", "]", ")"];

/// The last search for a closer: from `from` to `end`, it was first found at `found`. The
/// answer holds for any later search from `from..=found` to the same `end`, and for every
/// later one when it was not found: searches move forward, so each byte is scanned about once.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct NextFind {
    from: usize,
    end: usize,
    found: Option<usize>,
}

impl Lexer<'_> {
    /// The input offset of the first `CLOSERS[which]` in `from..end`.
    fn next_closer(&mut self, which: usize, from: usize, end: usize) -> Option<usize> {
        let needle = CLOSERS.get(which)?;
        let cache = self.closers.get_mut(which)?;
        if cache.end == end && from >= cache.from && cache.found.is_none_or(|f| from <= f) {
            return cache.found;
        }
        let found = self
            .doc
            .input
            .get(from..end)
            .and_then(|hay| memchr::memmem::find(hay.as_bytes(), needle.as_bytes()))
            .map(|i| from + i);
        *cache = NextFind { from, end, found };
        found
    }
}

impl Lexer<'_> {
    /// Appends input `range` verbatim to the clean text.
    pub(super) fn push(&mut self, range: Range<usize>) {
        let Some(piece) = self.doc.input.get(range.clone()) else {
            return;
        };
        if piece.is_empty() {
            return;
        }
        let clean = self.doc.text.len();
        let contiguous = self
            .doc
            .segments
            .last()
            .is_some_and(|s| s.raw + (clean - s.clean) == range.start);
        if !contiguous {
            self.doc.segments.push(Segment {
                clean,
                raw: range.start,
            });
        }
        self.doc.text.push_str(piece);
    }

    /// Lexes the input line `start..end` (without its line ending).
    pub(super) fn line(&mut self, start: usize, end: usize) {
        let input = self.doc.input;
        let content = input.get(start..end).unwrap_or("");
        let body = content.trim_start_matches('\u{c}');
        let begin = start + (content.len() - body.len());
        let trimmed = body.trim();
        // A page number ends its page even where no form feed follows it.
        let page_break = body.len() < content.len() || (self.page_number && !trimmed.is_empty());
        if !trimmed.is_empty() {
            self.page_number = false;
        }
        let indent = body.chars().take_while(|c| c.is_whitespace()).count();
        let first = trimmed.chars().next();
        let is_rule = trimmed.len() >= 3
            && matches!(first, Some('-' | '*' | '_'))
            && trimmed.chars().all(|c| Some(c) == first);
        if page_break {
            self.drop_page_number();
        }
        let clean_start = self.doc.text.len();
        let mut label = None;
        if is_rule || (page_break && trimmed.is_empty()) {
            self.doc.lines.push(Line {
                range: clean_start..clean_start,
                kind: LineKind::Rule,
                label,
                page_break,
                indent,
            });
            return;
        }
        self.content(begin, end, clean_start, &mut label);
        let (range, label) = self.line_range(clean_start, indent, label);
        let kind = if range.is_empty() && label.is_none() {
            LineKind::Blank
        } else {
            LineKind::Text
        };
        self.doc.lines.push(Line {
            range,
            kind,
            label,
            page_break,
            indent,
        });
    }

    /// Lexes the text of input range `begin..end`: plain runs copied to the clean text,
    /// markup handled, glued footnote marks taken out.
    fn content(&mut self, begin: usize, end: usize, clean_start: usize, label: &mut Option<u32>) {
        let input = self.doc.input;
        let bytes = input.as_bytes().get(..end).unwrap_or(&[]);
        let mut p = begin;
        while p < end {
            let glued = self
                .glued
                .get(self.next_glued)
                .filter(|(r, _)| r.start < end)
                .cloned();
            let markup = bytes
                .get(p..)
                .and_then(|rest| memchr::memchr3(b'<', b'*', b'[', rest))
                .map(|i| p + i);
            let next = match (&glued, markup) {
                (Some((r, _)), Some(m)) => r.start.min(m),
                (Some((r, _)), None) => r.start,
                (None, Some(m)) => m,
                (None, None) => end,
            };
            self.push(p..next);
            if next >= end {
                break;
            }
            if let Some((r, number)) = glued.filter(|(r, _)| r.start == next) {
                self.next_glued += 1;
                self.mark(number, r.clone());
                p = r.end;
                continue;
            }
            p = self.markup(next, end, clean_start, label);
        }
    }

    /// Records footnote mark `number`, written at input range `span`, where the clean text
    /// now ends.
    fn mark(&mut self, number: u32, span: Range<usize>) {
        let at = self.doc.text.len();
        self.doc.marks.push(Mark {
            number,
            span: Span::from(span),
            at,
        });
    }

    /// Whether nothing but whitespace was lexed of the line that started at `clean_start`.
    fn at_line_start(&self, clean_start: usize) -> bool {
        self.doc
            .text
            .get(clean_start..)
            .is_some_and(|s| s.trim().is_empty())
    }

    /// The clean range of the line lexed from `clean_start`, trimmed, and its footnote label:
    /// a page number set far from the margin is no text, and a plain-text label
    /// (`1 See …`) is cut off the line.
    fn line_range(
        &mut self,
        clean_start: usize,
        indent: usize,
        mut label: Option<u32>,
    ) -> (Range<usize>, Option<u32>) {
        let line_text = self.doc.text.get(clean_start..).unwrap_or("");
        let lead = line_text.len() - line_text.trim_start().len();
        let mut range = clean_start + lead..clean_start + line_text.trim_end().len();
        let text = self.doc.slice(range.clone());
        // A page number: a short number alone, set far from the margin (pdftotext centres it).
        let page_number = indent >= PAGE_NUMBER_INDENT
            && text.len() <= 3
            && !text.is_empty()
            && text.bytes().all(|b| b.is_ascii_digit());
        if page_number {
            range.start = range.end;
            self.page_number = true;
        } else if label.is_none() {
            if let Some((number, skip)) = self.plain_label(text) {
                label = Some(number);
                range.start += skip;
            }
        }
        if let Some(n) = label {
            self.labelled.push(n);
        }
        (range, label)
    }

    /// Handles the markup at input offset `at` (a `<`, `*` or `[`) of the line whose clean
    /// text starts at `clean_start`; returns where lexing goes on.
    pub(super) fn markup(
        &mut self,
        at: usize,
        end: usize,
        clean_start: usize,
        label: &mut Option<u32>,
    ) -> usize {
        let input = self.doc.input;
        let rest = input.get(at..end).unwrap_or("");
        match rest.as_bytes().first() {
            Some(b'<') => {
                if let Some(after) = self.tag(at, rest, clean_start, label) {
                    return after;
                }
            }
            Some(b'*') => {
                let run = rest.len() - rest.trim_start_matches('*').len();
                let before = input.get(..at).and_then(|s| s.chars().next_back());
                let after = rest.get(run..).and_then(|s| s.chars().next());
                let open = after.is_some_and(|c| !c.is_whitespace());
                let close = before.is_some_and(|c| !c.is_whitespace());
                if !(open || close) {
                    self.push(at..at + run);
                }
                return at + run;
            }
            _ => {
                if let Some(after) = self.bracket(at, rest, clean_start, label) {
                    return after;
                }
            }
        }
        // A lone '<' or '[' is text.
        self.push(at..at + 1);
        at + 1
    }

    /// `<sup>…</sup>` (a footnote mark or label, or raised text kept) or a dropped inline tag
    /// at input offset `at`; where lexing goes on after it.
    fn tag(
        &mut self,
        at: usize,
        rest: &str,
        clean_start: usize,
        label: &mut Option<u32>,
    ) -> Option<usize> {
        if rest.starts_with("<sup>") {
            let end = at + rest.len();
            if let Some(close) = self.next_closer(SUP, at + 5, end).map(|c| c - at) {
                let inner = rest.get(5..close).unwrap_or("");
                let after = at + close + "</sup>".len();
                match footnote_number(inner.trim()) {
                    Some(number) if label.is_none() && self.at_line_start(clean_start) => {
                        *label = Some(number)
                    }
                    Some(number) => self.mark(number, at..after),
                    None => self.push(at + 5..at + close),
                }
                return Some(after);
            }
        }
        DROPPED_TAGS
            .iter()
            .find(|t| starts_with_ignore_case(rest, t))
            .map(|tag| at + tag.len())
    }

    /// A markdown link (its text kept) or a bracketed footnote mark or label at input offset
    /// `at`; where lexing goes on after it.
    fn bracket(
        &mut self,
        at: usize,
        rest: &str,
        clean_start: usize,
        label: &mut Option<u32>,
    ) -> Option<usize> {
        let input = self.doc.input;
        let end = at + rest.len();
        let close = self.next_closer(BRACKET, at + 1, end)? - at;
        let paren = match rest.as_bytes().get(close + 1) {
            Some(b'(') => self.next_closer(PAREN, at + close + 2, end).map(|p| p - at),
            _ => None,
        };
        if let Some(link) = markdown_link(rest, close, paren) {
            self.push(at + 1..at + 1 + link.text_len);
            return Some(at + link.len);
        }
        // A bracketed footnote mark, as an HTML copy prints it: `clients.[4]` in the text,
        // `[4] See …` at the start of the footnote.
        let n = rest.get(1..close)?;
        let (number, len) = (footnote_number(n)?, n.len() + 2);
        if label.is_none() && self.at_line_start(clean_start) {
            *label = Some(number);
            return Some(at + len);
        }
        let before = input.get(..at).and_then(|s| s.chars().next_back());
        if before.is_some_and(|c| !c.is_whitespace()) {
            self.mark(number, at..at + len);
            return Some(at + len);
        }
        None
    }

    /// A plain-text footnote line starts with the number of a mark already seen: `2 See …`.
    /// A number alone on its line (`1`, then the text on the lines below) also labels a
    /// footnote, as pdftotext sets them.
    /// Blanks the page's last line when it is a page number (a short number alone on the line
    /// before a form feed).
    pub(super) fn drop_page_number(&mut self) {
        let Some(last) = self
            .doc
            .lines
            .iter_mut()
            .rev()
            .find(|l| l.kind != LineKind::Blank)
        else {
            return;
        };
        let text = self.doc.text.get(last.range.clone()).unwrap_or("");
        let page_number = last.kind == LineKind::Text
            && last.label.is_none()
            && (1..=3).contains(&text.len())
            && text.bytes().all(|b| b.is_ascii_digit());
        if page_number {
            last.range.start = last.range.end;
            last.kind = LineKind::Blank;
        }
    }

    pub(super) fn plain_label(&self, line: &str) -> Option<(u32, usize)> {
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let number = footnote_number(line.get(..digits)?)?;
        let rest = line.get(digits..)?;
        let space = rest.len() - rest.trim_start().len();
        if space == 0 && !rest.is_empty() {
            return None;
        }
        let marked = self.doc.marks.iter().any(|m| m.number == number);
        (marked && !self.labelled.contains(&number)).then_some((number, digits + space))
    }
}

/// A footnote number: one to three digits, not zero.
pub(super) fn footnote_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|&n| n > 0)
}

pub(super) fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

pub(super) struct Link {
    pub(super) text_len: usize,
    pub(super) len: usize,
}

/// `[text](target)` at the start of `s`, whose first `]` is at `close` and the first `)`
/// after `](` at `paren`: the text's length and the whole link's length.
pub(super) fn markdown_link(s: &str, close: usize, paren: Option<usize>) -> Option<Link> {
    let text = s.get(1..close)?;
    let target = s.get(close + 2..paren?)?;
    if text.is_empty() || text.contains('[') || target.contains(char::is_whitespace) {
        return None;
    }
    Some(Link {
        text_len: close - 1,
        len: paren? + 1,
    })
}

/// A running header's words, lowercased, with a number the page repeats said once
/// (`Federal Communications Commission DA 25-777 DA 25-777` is the header of the pages after
/// the first, `… DA 25-777`). Empty for a line longer than [`RUNNING_HEADER_MAX`]: no
/// running header.
pub(super) fn header_key(line: &str) -> String {
    if line.len() > RUNNING_HEADER_MAX {
        return String::new();
    }
    let mut words: Vec<String> = Vec::new();
    for w in line.split_whitespace().map(str::to_ascii_lowercase) {
        words.push(w);
        let n = words.len();
        let repeats = n >= 4
            && words.get(n - 2..) == words.get(n - 4..n - 2)
            && words
                .last()
                .is_some_and(|w| w.bytes().any(|b| b.is_ascii_digit()));
        if repeats {
            words.truncate(n - 2);
        }
    }
    words.join(" ")
}

/// The longest running header, in bytes: a name, a document number and a date, spaced
/// across the page by `pdftotext -layout`.
const RUNNING_HEADER_MAX: usize = 400;

/// pdftotext centres a page number: set at least this far from the margin, a short number
/// alone is one.
const PAGE_NUMBER_INDENT: usize = 20;

/// Abbreviations a number follows (`para. 2`, `No. 17-59`), which is then no footnote mark.
pub(super) const NUMBERED_WORDS: &[&str] = &[
    "para.", "paras.", "p.", "pp.", "n.", "nn.", "No.", "Nos.", "Vol.", "Pt.", "Sec.", "ch.",
    "art.", "fig.",
];

#[test]
fn numbered_word_max_is_the_longest() {
    let longest = NUMBERED_WORDS.iter().map(|w| w.chars().count()).max();
    assert_eq!(longest, Some(NUMBERED_WORD_MAX));
}

/// The longest of [`NUMBERED_WORDS`], in characters.
const NUMBERED_WORD_MAX: usize = 6;

/// Plain-text footnote marks: a number glued to the word or punctuation it follows and
/// followed by whitespace (`calls.1 In`, `rules.3`), taken only when it is the next footnote
/// number in sequence, so `COVID19` or `Part 64` are never marks.
pub(super) fn glued_marks(input: &str) -> Vec<(Range<usize>, u32)> {
    let bytes = input.as_bytes();
    let mut marks = Vec::new();
    let mut expected = 1u32;
    let mut i = 0;
    while let Some(digit) = crate::text::next_digit(bytes, i) {
        i = digit;
        let starts_run = bytes.get(i).is_some_and(u8::is_ascii_digit)
            && !i
                .checked_sub(1)
                .and_then(|j| bytes.get(j))
                .is_some_and(u8::is_ascii_digit);
        if !starts_run {
            i += 1;
            continue;
        }
        let len = bytes
            .get(i..)
            .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count());
        let end = i + len;
        let before = input.get(..i).and_then(|s| s.chars().next_back());
        let punctuation = |c: char| ".,;:)\"'”’".contains(c);
        // `calls.1`, or with one space after the sentence as pdftotext sets it: `robocalls. 2`.
        let spaced = before == Some(' ')
            && input
                .get(..i.saturating_sub(1))
                .and_then(|s| s.chars().next_back())
                .is_some_and(punctuation);
        // `para. 2`, `No. 3`: the number belongs to the word before it. Only the last few
        // characters are looked at (the words are short), so a long word costs no more.
        let head = input.get(..i).map_or("", str::trim_end);
        let tail = head
            .char_indices()
            .rev()
            .nth(NUMBERED_WORD_MAX)
            .map_or(head, |(at, _)| head.get(at..).unwrap_or(""));
        let word_before = tail.rsplit(char::is_whitespace).next().unwrap_or("");
        let takes_number = NUMBERED_WORDS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word_before));
        let glued = !takes_number
            && (spaced || before.is_some_and(|c| c.is_ascii_alphabetic() || punctuation(c)));
        let after = input.get(end..).and_then(|s| s.chars().next());
        let free = after.is_none_or(char::is_whitespace);
        let number = input.get(i..end).and_then(footnote_number);
        if glued && free && number == Some(expected) {
            marks.push((i..end, expected));
            expected += 1;
        }
        i = end;
    }
    marks
}
