//! Input → [`Document`]: the letter's lines with markup set aside.
//!
//! The text lexer reads the sample letter's markdown-ish form (`**bold**`, `*italic*`,
//! `<b>`, `<sup>1</sup>`, `[x](mailto:x)`, `---` page rules) and plain text (form feeds, a
//! footnote mark glued to the word it follows: `calls.1`) alike. Markup is skipped, never
//! rewritten: the clean text is built from verbatim slices of the input plus a segment map,
//! so every clean offset translates back to a byte offset in the caller's input.

#[cfg(feature = "pdf")]
pub(crate) mod pdf;

mod lexer;

use self::lexer::*;

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
                lines: Vec::with_capacity(memchr::memchr_iter(b'\n', input.as_bytes()).count() + 1),
                marks: Vec::new(),
                furniture: Vec::new(),
            },
            glued,
            next_glued: 0,
            labelled: Vec::new(),
            page_number: false,
            closers: Default::default(),
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
        let tops = self.page_tops();
        let keys: Vec<String> = tops.iter().map(|&i| self.header_key_of(i)).collect();
        let mut repeated = repeated_tops(&tops, &keys);
        // A first line that carries the document's number (`… DA 26-1251`) is a running
        // header wherever it repeats: it also marks a page break that has no form feed.
        let first = keys.first().map_or("", String::as_str);
        let numbered = first.contains("commission") && first.bytes().any(|b| b.is_ascii_digit());
        if let (true, Some(&top)) = (numbered, tops.first()) {
            repeated.extend(self.repeats_of(top));
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

    /// The first text line of the document and of each later page.
    fn page_tops(&self) -> Vec<usize> {
        let first_line = |from: usize| {
            self.lines
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .position(|l| l.kind == LineKind::Text)
                .map(|i| from + i)
        };
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
        tops
    }

    /// Line `i`'s words, lowercased ([`header_key`]); empty for a footnote's labelled line.
    fn header_key_of(&self, i: usize) -> String {
        let line = self
            .lines
            .get(i)
            .filter(|l| l.label.is_none())
            .map_or("", |l| self.text.get(l.range.clone()).unwrap_or(""));
        header_key(line)
    }

    /// The lines after `top` that repeat it, the document's numbered first line.
    fn repeats_of(&self, top: usize) -> Vec<usize> {
        let text = self.text.as_str();
        let first_text = self
            .lines
            .get(top)
            .map_or("", |l| text.get(l.range.clone()).unwrap_or(""));
        let first_key = header_key(first_text);
        let first_word = first_text.split_whitespace().next();
        let lines = self.lines.iter().enumerate().skip(top + 1);
        lines
            .filter_map(|(i, l)| {
                let line = text.get(l.range.clone()).unwrap_or("");
                // (A cheap test first: only a line with the same first word is keyed.)
                let candidate =
                    l.kind == LineKind::Text && line.split_whitespace().next() == first_word;
                (candidate && header_key(line) == first_key).then_some(i)
            })
            .collect()
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

/// The page tops after the first that repeat the document's first line, or the agency's name
/// repeated at the top of two or more pages (identical table rows may start two pages: they
/// are not furniture). `keys` are the tops' [`header_key`]s.
fn repeated_tops(tops: &[usize], keys: &[String]) -> Vec<usize> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for k in keys.iter().filter(|k| !k.is_empty()) {
        *counts.entry(k.as_str()).or_default() += 1;
    }
    let first = keys.first().map_or("", String::as_str);
    tops.iter()
        .zip(keys)
        .skip(1)
        .filter(|(_, k)| {
            !k.is_empty()
                && (k.as_str() == first
                    || (k.contains("commission") && counts.get(k.as_str()) >= Some(&2)))
        })
        .map(|(&i, _)| i)
        .collect()
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
