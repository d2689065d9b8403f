//! Input → [`Document`]: the letter's lines with markup set aside.
//!
//! The text lexer reads the sample letter's markdown-ish form (`**bold**`, `*italic*`,
//! `<b>`, `<sup>1</sup>`, `[x](mailto:x)`, `---` page rules) and plain text (form feeds, a
//! footnote mark glued to the word it follows: `calls.1`) alike. Markup is skipped, never
//! rewritten: the clean text is built from verbatim slices of the input plus a segment map,
//! so every clean offset translates back to a byte offset in the caller's input.

#[cfg(feature = "pdf")]
pub(crate) mod pdf;

use crate::span::Span;
use std::ops::Range;

/// The letter as lines of clean text, with footnote marks and labels found.
#[derive(Debug)]
pub(crate) struct Document<'a> {
    /// The text spans index: the caller's input.
    pub(crate) input: &'a str,
    /// The input with markup removed; lines are separated by `\n`.
    pub(crate) text: String,
    /// Where each verbatim run of `text` starts, in `text` and in `input`.
    segments: Vec<Segment>,
    /// One entry per input line.
    pub(crate) lines: Vec<Line>,
    /// Footnote reference marks in the body, in order.
    pub(crate) marks: Vec<Mark>,
    /// Clean ranges of page furniture blanked out of the lines (running headers repeated atop
    /// pages), in order: not part of what the letter says.
    pub(crate) furniture: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    clean: usize,
    raw: usize,
}

/// A line of the document.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Its clean text, trimmed, without a leading footnote label.
    pub(crate) range: Range<usize>,
    /// Blank, rule or text.
    pub(crate) kind: LineKind,
    /// The footnote number this line starts with (`<sup>2</sup> See …` or `2 See …`).
    pub(crate) label: Option<u32>,
    /// A form feed starts the line: a new page begins here.
    pub(crate) page_break: bool,
    /// How many whitespace characters the line starts with (layout text indents).
    pub(crate) indent: usize,
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Only whitespace.
    Blank,
    /// A page rule: `---`, or a line holding only a form feed.
    Rule,
    /// Anything else.
    Text,
}

/// A footnote reference mark in the running text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    /// The footnote number.
    pub(crate) number: u32,
    /// The mark in the input.
    pub(crate) span: Span,
    /// Where it stood in the clean text (marks are not part of it).
    pub(crate) at: usize,
}

/// Inline tags that are dropped. `<sup>` is handled apart, since it may carry a footnote mark.
const DROPPED_TAGS: &[&str] = &[
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

impl<'a> Document<'a> {
    /// Lexes text input.
    pub(crate) fn from_text(input: &'a str) -> Self {
        let glued = if input.contains("<sup>") {
            Vec::new()
        } else {
            glued_marks(input)
        };
        let mut lexer = Lexer {
            doc: Document {
                input,
                text: String::with_capacity(input.len()),
                segments: Vec::new(),
                lines: Vec::new(),
                marks: Vec::new(),
                furniture: Vec::new(),
            },
            glued,
            next_glued: 0,
            labelled: Vec::new(),
            page_number: false,
        };
        let mut offset = 0;
        for raw_line in input.split_inclusive('\n') {
            let end = offset + raw_line.len();
            let content_end = offset + raw_line.trim_end_matches(['\n', '\r']).len();
            lexer.line(offset, content_end);
            if content_end < end && input.as_bytes().get(end - 1) == Some(&b'\n') {
                lexer.push(end - 1..end);
            }
            offset = end;
        }
        let mut doc = lexer.doc;
        doc.drop_running_headers();
        doc
    }

    /// Blanks the running header at the top of each page after the first
    /// (`Federal Communications Commission  DA 24-632`): the first line of a page that repeats
    /// the document's first line, or that names the Commission atop two or more pages, and any
    /// line that repeats a first line carrying the document's number (a page break without a
    /// form feed). It is page furniture, like a
    /// page number, and would otherwise split the paragraph or signature block it interrupts.
    fn drop_running_headers(&mut self) {
        let text = self.text.as_str();
        let first_line = |from: usize| {
            self.lines
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .position(|l| l.kind == LineKind::Text)
                .map(|i| from + i)
        };
        // The first text line of the document and of each later page.
        let mut tops: Vec<usize> = first_line(0).into_iter().collect();
        for (i, line) in self.lines.iter().enumerate() {
            if line.page_break {
                if let Some(top) = first_line(i) {
                    if tops.last() != Some(&top) {
                        tops.push(top);
                    }
                }
            }
        }
        // Each top line's words, lowercased, and how many tops share them.
        let key = |i: usize| {
            let line = self
                .lines
                .get(i)
                .filter(|l| l.label.is_none())
                .map_or("", |l| text.get(l.range.clone()).unwrap_or(""));
            header_key(line)
        };
        let keys: Vec<String> = tops.iter().map(|&i| key(i)).collect();
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for k in keys.iter().filter(|k| !k.is_empty()) {
            *counts.entry(k.as_str()).or_default() += 1;
        }
        // The document's own first line, or the agency's name repeated at the top of pages
        // (identical table rows may start two pages: they are not furniture).
        let first = keys.first().map_or("", String::as_str);
        let repeated: Vec<usize> = tops
            .iter()
            .zip(&keys)
            .skip(1)
            .filter(|(_, k)| {
                !k.is_empty()
                    && (k.as_str() == first
                        || (k.contains("commission") && counts.get(k.as_str()) >= Some(&2)))
            })
            .map(|(&i, _)| i)
            .collect();
        // A first line that carries the document's number (`… DA 26-1251`) is a running
        // header wherever it repeats: it also marks a page break that has no form feed.
        let mut repeated = repeated;
        let numbered = first.contains("commission") && first.bytes().any(|b| b.is_ascii_digit());
        if let (true, Some(&top)) = (numbered, tops.first()) {
            let first_text = self
                .lines
                .get(top)
                .map_or("", |l| text.get(l.range.clone()).unwrap_or(""));
            let first_key = header_key(first_text);
            let first_word = first_text.split_whitespace().next();
            repeated.extend(
                self.lines
                    .iter()
                    .enumerate()
                    .skip(top + 1)
                    .filter_map(|(i, l)| {
                        let line = text.get(l.range.clone()).unwrap_or("");
                        // (A cheap test first: only a line with the same first word is keyed.)
                        let candidate = l.kind == LineKind::Text
                            && line.split_whitespace().next() == first_word;
                        (candidate && header_key(line) == first_key).then_some(i)
                    }),
            );
            repeated.sort_unstable();
            repeated.dedup();
        }
        for i in repeated {
            if let Some(line) = self.lines.get_mut(i) {
                self.furniture.push(line.range.clone());
                line.range.start = line.range.end;
                line.kind = LineKind::Blank;
                line.page_break = true;
            }
        }
    }

    /// The clean text of `line`.
    pub(crate) fn line_text(&self, line: &Line) -> &str {
        self.slice(line.range.clone())
    }

    /// A slice of the clean text (empty if out of range).
    pub(crate) fn slice(&self, range: Range<usize>) -> &str {
        self.text.get(range).unwrap_or("")
    }

    /// Translates a clean-text offset into an input offset.
    fn to_input(&self, clean: usize) -> usize {
        let i = self.segments.partition_point(|s| s.clean <= clean);
        match i.checked_sub(1).and_then(|i| self.segments.get(i)) {
            Some(seg) => (seg.raw + (clean - seg.clean)).min(self.input.len()),
            None => 0,
        }
    }

    /// Translates a clean-text range into a span of the input.
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        let start = self.to_input(range.start);
        if range.end <= range.start {
            return Span::new(start, start);
        }
        let end = (self.to_input(range.end - 1) + 1).min(self.input.len());
        Span::new(start, end)
    }
}

struct Lexer<'a> {
    doc: Document<'a>,
    /// Plain-text footnote marks glued to a word, found before lexing: (input range, number).
    glued: Vec<(Range<usize>, u32)>,
    next_glued: usize,
    /// Footnote numbers whose text has started.
    labelled: Vec<u32>,
    /// The last text line was a page number: the next one starts a page.
    page_number: bool,
}

impl Lexer<'_> {
    /// Appends input `range` verbatim to the clean text.
    fn push(&mut self, range: Range<usize>) {
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
    fn line(&mut self, start: usize, end: usize) {
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
        let mut p = begin;
        while p < end {
            let rest = input.get(p..end).unwrap_or("");
            let glued = self
                .glued
                .get(self.next_glued)
                .filter(|(r, _)| r.start < end)
                .cloned();
            let markup = rest
                .bytes()
                .position(|b| matches!(b, b'<' | b'*' | b'['))
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
                let at = self.doc.text.len();
                self.doc.marks.push(Mark {
                    number,
                    span: Span::from(r.clone()),
                    at,
                });
                p = r.end;
                continue;
            }
            let at_line_start = self
                .doc
                .text
                .get(clean_start..)
                .is_some_and(|s| s.trim().is_empty());
            p = self.markup(next, end, at_line_start, &mut label);
        }
        let line_text = self.doc.text.get(clean_start..).unwrap_or("");
        let lead = line_text.len() - line_text.trim_start().len();
        let mut range = clean_start + lead..clean_start + line_text.trim_end().len();
        let text = self.doc.slice(range.clone());
        // A page number: a short number alone, set far from the margin (pdftotext centres it).
        let page_number = indent >= 20
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

    /// Handles the markup at input offset `at`; returns where lexing goes on.
    fn markup(
        &mut self,
        at: usize,
        end: usize,
        at_line_start: bool,
        label: &mut Option<u32>,
    ) -> usize {
        let input = self.doc.input;
        let rest = input.get(at..end).unwrap_or("");
        if rest.starts_with("<sup>") {
            if let Some(close) = rest.find("</sup>") {
                let inner = rest.get(5..close).unwrap_or("");
                let after = at + close + "</sup>".len();
                match footnote_number(inner.trim()) {
                    Some(number) if at_line_start && label.is_none() => *label = Some(number),
                    Some(number) => {
                        let clean = self.doc.text.len();
                        self.doc.marks.push(Mark {
                            number,
                            span: Span::new(at, after),
                            at: clean,
                        });
                    }
                    None => self.push(at + 5..at + close),
                }
                return after;
            }
        }
        if let Some(tag) = DROPPED_TAGS
            .iter()
            .find(|t| starts_with_ignore_case(rest, t))
        {
            return at + tag.len();
        }
        if rest.starts_with('*') {
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
        if let Some(link) = markdown_link(rest) {
            self.push(at + 1..at + 1 + link.text_len);
            return at + link.len;
        }
        // A bracketed footnote mark, as an HTML copy prints it: `clients.[4]` in the text,
        // `[4] See …` at the start of the footnote.
        let bracketed = rest
            .strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .and_then(|(n, _)| Some((footnote_number(n)?, n.len() + 2)));
        if let Some((number, len)) = bracketed {
            let before = input.get(..at).and_then(|s| s.chars().next_back());
            if at_line_start && label.is_none() {
                *label = Some(number);
                return at + len;
            }
            if before.is_some_and(|c| !c.is_whitespace()) {
                let clean = self.doc.text.len();
                self.doc.marks.push(Mark {
                    number,
                    span: Span::new(at, at + len),
                    at: clean,
                });
                return at + len;
            }
        }
        // A lone '<' or '[' is text.
        self.push(at..at + 1);
        at + 1
    }

    /// A plain-text footnote line starts with the number of a mark already seen: `2 See …`.
    /// A number alone on its line (`1`, then the text on the lines below) also labels a
    /// footnote, as pdftotext sets them.
    /// Blanks the page's last line when it is a page number (a short number alone on the line
    /// before a form feed).
    fn drop_page_number(&mut self) {
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

    fn plain_label(&self, line: &str) -> Option<(u32, usize)> {
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
fn footnote_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|&n| n > 0)
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

struct Link {
    text_len: usize,
    len: usize,
}

/// `[text](target)` at the start of `s`: the text's length and the whole link's length.
fn markdown_link(s: &str) -> Option<Link> {
    let inner = s.strip_prefix('[')?;
    let close = inner.find(']')?;
    let text = inner.get(..close)?;
    let target = inner.get(close + 1..)?.strip_prefix('(')?;
    let target_len = target.find(')')?;
    if text.is_empty()
        || text.contains('[')
        || target.get(..target_len)?.contains(char::is_whitespace)
    {
        return None;
    }
    Some(Link {
        text_len: close,
        len: 1 + close + 2 + target_len + 1,
    })
}

/// Plain-text footnote marks: a number glued to the word or punctuation it follows and
/// followed by whitespace (`calls.1 In`, `rules.3`), taken only when it is the next footnote
/// number in sequence, so `COVID19` or `Part 64` are never marks.
/// A running header's words, lowercased, with a number the page repeats said once
/// (`Federal Communications Commission DA 25-777 DA 25-777` is the header of the pages after
/// the first, `… DA 25-777`).
fn header_key(line: &str) -> String {
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

/// Abbreviations a number follows (`para. 2`, `No. 17-59`), which is then no footnote mark.
const NUMBERED_WORDS: &[&str] = &[
    "para.", "paras.", "p.", "pp.", "n.", "nn.", "No.", "Nos.", "Vol.", "Pt.", "Sec.", "ch.",
    "art.", "fig.",
];

fn glued_marks(input: &str) -> Vec<(Range<usize>, u32)> {
    let bytes = input.as_bytes();
    let mut marks = Vec::new();
    let mut expected = 1u32;
    let mut i = 0;
    while i < bytes.len() {
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
        // `para. 2`, `No. 3`: the number belongs to the word before it.
        let word_before = input
            .get(..i)
            .map(str::trim_end)
            .and_then(|s| s.rsplit(char::is_whitespace).next())
            .unwrap_or("");
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

#[cfg(test)]
mod tests {
    use super::*;

    fn clean_lines(input: &str) -> Vec<(String, Option<u32>, LineKind)> {
        let doc = Document::from_text(input);
        doc.lines
            .iter()
            .map(|l| (doc.line_text(l).to_owned(), l.label, l.kind))
            .collect()
    }

    #[test]
    fn markup_is_skipped() {
        let cases: &[(&str, &str)] = &[
            ("**To:** Omar Luna  ", "To: Omar Luna"),
            (
                "block all of **R Squared's traffic** if",
                "block all of R Squared's traffic if",
            ),
            ("See *Id.* at 7630", "See Id. at 7630"),
            ("a * b", "a * b"),
            ("[omar@x.com](mailto:omar@x.com)", "omar@x.com"),
            ("at [a@b.gov](mailto:a@b.gov) or", "at a@b.gov or"),
            ("[not a link] (x)", "[not a link] (x)"),
            ("<b>Customer</b>\t<b>Date</b>", "Customer\tDate"),
            ("x < y and <unknown>", "x < y and <unknown>"),
            ("calls.<sup>1</sup> Next", "calls. Next"),
            ("<sup>a</sup>", "a"),
            ("unclosed <sup>1", "unclosed <sup>1"),
            ("trailing [", "trailing ["),
        ];
        for (input, want) in cases {
            let lines = clean_lines(input);
            assert_eq!(lines[0].0, *want, "{input:?}");
        }
    }

    #[test]
    fn rules_labels_and_blanks() {
        let lines = clean_lines(
            "a.<sup>1</sup>\n\n---\n<sup>1</sup> See 47 CFR.\n\u{c}\n\u{c}Page two\r\n",
        );
        let kinds: Vec<_> = lines.iter().map(|l| (l.0.as_str(), l.1, l.2)).collect();
        assert_eq!(
            kinds,
            [
                ("a.", None, LineKind::Text),
                ("", None, LineKind::Blank),
                ("", None, LineKind::Rule),
                ("See 47 CFR.", Some(1), LineKind::Text),
                ("", None, LineKind::Rule),
                ("Page two", None, LineKind::Text),
            ]
        );
    }

    /// A short number alone before a form feed is a page number; elsewhere it is text.
    #[test]
    fn page_numbers_before_a_form_feed_are_blank() {
        let lines = clean_lines("Row\t1\n2\n\n\u{c}Row\t2\n12\nlast\n3\n\u{c}1234\n\u{c}x");
        let kinds: Vec<_> = lines.iter().map(|l| (l.0.as_str(), l.2)).collect();
        assert_eq!(
            kinds,
            [
                ("Row\t1", LineKind::Text),
                ("", LineKind::Blank),
                ("", LineKind::Blank),
                ("Row\t2", LineKind::Text),
                ("12", LineKind::Text),
                ("last", LineKind::Text),
                ("", LineKind::Blank),
                ("1234", LineKind::Text),
                ("x", LineKind::Text),
            ]
        );
    }

    #[test]
    fn numbers_after_para_are_not_marks() {
        let input = "Order, 35 FCC Rcd 7614, para. 1 (2020). See No. 2 below; and para.2 too. Done.1\n1 Note.";
        let doc = Document::from_text(input);
        let marks: Vec<(u32, &str)> = doc
            .marks
            .iter()
            .map(|m| (m.number, &input[m.span.start..m.span.end]))
            .collect();
        assert_eq!(marks, [(1, "1")]);
        assert_eq!(doc.marks[0].span.start, input.find("Done.1").unwrap() + 5);
    }

    #[test]
    fn plain_marks_are_sequential() {
        let input = "the COVID19 outbreak.1 Then rules.2 and Part 64 of 3\n1 First note.\n2 Second note.\n3 Not a note.";
        let doc = Document::from_text(input);
        let numbers: Vec<u32> = doc.marks.iter().map(|m| m.number).collect();
        assert_eq!(numbers, [1, 2]);
        assert_eq!(
            doc.line_text(&doc.lines[0]),
            "the COVID19 outbreak. Then rules. and Part 64 of 3"
        );
        let labels: Vec<_> = doc.lines.iter().map(|l| l.label).collect();
        assert_eq!(labels, [None, Some(1), Some(2), None]);
        assert_eq!(doc.line_text(&doc.lines[1]), "First note.");
    }

    #[test]
    fn spans_point_into_the_input() {
        let input = "**Re: Subject**\r\nDear *Mr.* Luna,<sup>1</sup>\n";
        let doc = Document::from_text(input);
        for line in &doc.lines {
            let span = doc.span(line.range.clone());
            let raw = &input[span.range()];
            assert!(
                raw.contains(doc.line_text(line).split(' ').next().unwrap()),
                "{raw:?}"
            );
        }
        let second = &doc.lines[1];
        assert_eq!(doc.line_text(second), "Dear Mr. Luna,");
        assert_eq!(
            &input[doc.span(second.range.clone()).range()],
            "Dear *Mr.* Luna,"
        );
        assert_eq!(&input[doc.marks[0].span.range()], "<sup>1</sup>");
    }
}
