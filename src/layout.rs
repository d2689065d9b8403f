//! Lines → letter parts: header, body paragraphs, footnotes, closing and signatory block,
//! Attachment A.
//!
//! The header is a region of clean text rather than a list of lines, so that the
//! extractors find its parts by their cue words (`Re:`, `VIA`, a date) whether the copy keeps
//! line breaks or collapsed them. Body paragraphs are runs of lines; a numbered item starts a
//! new one, and a paragraph cut by a page break or a block of footnotes is joined again when
//! it had not ended its sentence.

use crate::source::{Document, LineKind};
use crate::text::{ends_sentence, find_words, is_list_item, regex};
use std::ops::Range;

/// The parts of a letter, as clean-text ranges and line indices of its [`Document`].
#[derive(Debug, Default)]
pub(crate) struct Layout {
    /// From the start to the salutation (or to `By the Chief, Enforcement Bureau:`).
    pub(crate) header: Range<usize>,
    /// `Dear Mr. Luna,`, when there is one.
    pub(crate) salutation: Option<Range<usize>>,
    /// Body paragraphs between the salutation and the closing, in order.
    pub(crate) body: Vec<Paragraph>,
    /// Footnote texts, in the order they stand.
    pub(crate) footnotes: Vec<FootnoteText>,
    /// `Sincerely,` and the like.
    pub(crate) closing: Option<Range<usize>>,
    /// The lines of the signatory block (name, title, division, …).
    pub(crate) signature: Vec<Range<usize>>,
    /// `ATTACHMENT A` and the lines after it.
    pub(crate) attachment: Option<AttachmentLines>,
    /// The last text of the document before any attachment.
    pub(crate) last_text: Option<Range<usize>>,
}

/// A body paragraph: one or more pieces of clean text (more than one when a page break or
/// footnotes interrupted it).
#[derive(Debug, Clone)]
pub(crate) struct Paragraph {
    pub(crate) pieces: Vec<Range<usize>>,
}

/// The text of one footnote.
#[derive(Debug, Clone)]
pub(crate) struct FootnoteText {
    pub(crate) number: u32,
    pub(crate) range: Range<usize>,
}

/// The attachment title line and the line indices after it.
#[derive(Debug, Clone)]
pub(crate) struct AttachmentLines {
    pub(crate) title: Range<usize>,
    pub(crate) lines: Range<usize>,
}

/// Splits `doc` into letter parts.
pub(crate) fn layout(doc: &Document<'_>) -> Layout {
    let mut out = Layout::default();
    let text = doc.text.as_str();

    let attachment_line = doc.lines.iter().position(|l| {
        let t = doc.line_text(l);
        l.label.is_none() && t.len() <= 60 && is_attachment_title(t)
    });
    let letter_end = attachment_line
        .and_then(|i| doc.lines.get(i))
        .map_or(text.len(), |l| l.range.start);
    if let Some(i) = attachment_line {
        out.attachment = doc.lines.get(i).map(|l| AttachmentLines {
            title: l.range.clone(),
            lines: i + 1..doc.lines.len(),
        });
    }

    let head = text.get(..letter_end).unwrap_or("");
    let header_end = match salutation(head) {
        Some(range) => {
            let start = range.start;
            out.salutation = Some(range);
            Some(start)
        }
        None => [
            "By the Chief, Enforcement Bureau:",
            "By the Acting Chief, Enforcement Bureau:",
        ]
        .iter()
        .filter_map(|opening| head.find(opening).map(|i| i + opening.len()))
        .min(),
    };
    // Without a salutation or an order's opening, the header is the first text line.
    let body_start = match (&out.salutation, header_end) {
        (Some(s), _) => s.end,
        (None, Some(end)) => end,
        (None, None) => first_text_line_end(doc),
    };
    out.header = 0..header_end.unwrap_or(body_start);

    let closing_line = doc.lines.iter().position(|l| {
        l.range.start >= body_start && l.range.end <= letter_end && is_closing(doc.line_text(l))
    });
    let body_end = closing_line
        .and_then(|i| doc.lines.get(i))
        .map_or(letter_end, |l| l.range.start);
    out.closing = closing_line
        .and_then(|i| doc.lines.get(i))
        .map(|l| l.range.clone());

    let mut walker = Walker::default();
    for line in &doc.lines {
        if line.range.start >= letter_end {
            break;
        }
        let range = line.range.start.max(body_start)..line.range.end;
        if line.kind == LineKind::Text && range.start < line.range.end {
            out.last_text = Some(range.clone());
        }
        if line.page_break || line.kind == LineKind::Rule {
            walker.broken = true;
            walker.in_footnote = false;
        }
        if let Some(number) = line.label {
            out.footnotes.push(FootnoteText {
                number,
                range: line.range.clone(),
            });
            walker.in_footnote = true;
            walker.broken = true;
            walker.open = false;
            continue;
        }
        if line.kind != LineKind::Text {
            walker.in_footnote = false;
            walker.open = false;
            continue;
        }
        if walker.in_footnote {
            if let Some(note) = out.footnotes.last_mut() {
                note.range.end = line.range.end;
            }
            continue;
        }
        if range.start >= line.range.end || range.start >= body_end {
            if line.range.start >= body_end {
                walker.closing_lines.push(line.range.clone());
            }
            continue;
        }
        walker.body_line(
            &mut out.body,
            range.start..range.end.min(body_end),
            line.indent,
            doc,
        );
    }
    if out.closing.is_some() {
        out.signature = signature_block(doc, &walker.closing_lines);
    }
    split_run_on_footnotes(doc, &mut out.footnotes);
    out
}

/// Footnotes printed as one paragraph (`… (Mar. 13, 2020), . 2 The Federal Trade …`) are
/// split where the next footnote's number follows a sentence end, when the body has a mark
/// with that number and no footnote of its own.
fn split_run_on_footnotes(doc: &Document<'_>, notes: &mut Vec<FootnoteText>) {
    let mut i = 0;
    while let Some(note) = notes.get(i) {
        let next = note.number + 1;
        let wanted =
            doc.marks.iter().any(|m| m.number == next) && !notes.iter().any(|n| n.number == next);
        let text = doc.slice(note.range.clone());
        let split = wanted.then(|| {
            regex!(r"[.)]\s+([0-9]{1,3})\s+[A-Z]")
                .captures_iter(text)
                .filter_map(|c| c.get(1))
                .find(|m| m.as_str().parse() == Ok(next))
        });
        if let Some(Some(m)) = split {
            let start = note.range.start;
            let end = note.range.end;
            let before = text.get(..m.start()).map_or(0, |t| t.trim_end().len());
            let rest = text
                .get(m.end()..)
                .map_or(0, |t| t.len() - t.trim_start().len());
            if let Some(note) = notes.get_mut(i) {
                note.range.end = start + before;
            }
            notes.insert(
                i + 1,
                FootnoteText {
                    number: next,
                    range: start + m.end() + rest..end,
                },
            );
        }
        i += 1;
    }
}

/// `ATTACHMENT A`, `Attachment B – Calls`: the word, whitespace, and a one-character name.
fn is_attachment_title(line: &str) -> bool {
    let Some(rest) = line
        .get(..10)
        .filter(|h| h.eq_ignore_ascii_case("attachment"))
        .and_then(|_| line.get(10..))
    else {
        return false;
    };
    let name = rest.trim_start();
    let mut chars = name.chars();
    name.len() < rest.len()
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && !chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
}

/// `Sincerely,` and the other closings, and an order's `FEDERAL COMMUNICATIONS COMMISSION`
/// above its signer.
fn is_closing(line: &str) -> bool {
    let line = line.strip_suffix(',').unwrap_or(line);
    line == "FEDERAL COMMUNICATIONS COMMISSION"
        || [
            "sincerely",
            "respectfully",
            "respectfully submitted",
            "very truly yours",
            "regards",
            "best regards",
        ]
        .iter()
        .any(|c| line.eq_ignore_ascii_case(c))
}

/// `Dear Mr. Luna,` or `Dear Mr. Saleem:`: `Dear` after whitespace or at a line start, then at
/// most 60 more characters on the same line up to a comma or colon.
fn salutation(text: &str) -> Option<Range<usize>> {
    find_words(text, "Dear").find_map(|start| {
        let before = text.get(..start)?.chars().next_back();
        let after = text.get(start..)?.strip_prefix("Dear")?;
        if before.is_some_and(|c| !c.is_whitespace()) || !after.starts_with(char::is_whitespace) {
            return None;
        }
        let m_end = start + 4 + after.chars().next().map_or(0, char::len_utf8);
        let rest = text.get(m_end..)?;
        let end = rest
            .char_indices()
            .take(60)
            .take_while(|(_, c)| *c != '\n')
            .find(|(_, c)| matches!(c, ',' | ':'))
            .map(|(i, c)| m_end + i + c.len_utf8())?;
        (end > m_end + 1).then_some(start..end)
    })
}

/// The end of the first non-blank line.
fn first_text_line_end(doc: &Document<'_>) -> usize {
    doc.lines
        .iter()
        .find(|l| l.kind == LineKind::Text)
        .map_or(0, |l| l.range.end)
}

/// The signatory block: the last run of short lines after the closing (a description of the
/// signature image, or a page rule, may stand between).
fn signature_block(doc: &Document<'_>, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut blocks: Vec<Vec<Range<usize>>> = Vec::new();
    let mut previous_end = None;
    for line in lines {
        let joined = previous_end.is_some_and(|end: usize| {
            doc.slice(end..line.start)
                .chars()
                .filter(|&c| c == '\n')
                .count()
                <= 1
        });
        match blocks.last_mut() {
            Some(block) if joined => block.push(line.clone()),
            _ => blocks.push(vec![line.clone()]),
        }
        previous_end = Some(line.end);
    }
    blocks
        .into_iter()
        .rev()
        .find(|b| b.iter().all(|l| doc.slice(l.clone()).len() <= 80))
        .unwrap_or_default()
}

#[derive(Debug, Default)]
struct Walker {
    /// The last paragraph may take the next line (no blank line since).
    open: bool,
    /// A page rule or footnote block came after the last body line.
    broken: bool,
    /// Inside a footnote's text.
    in_footnote: bool,
    /// Text lines after the closing.
    closing_lines: Vec<Range<usize>>,
    /// The indent of the last body line.
    indent: usize,
}

impl Walker {
    fn body_line(
        &mut self,
        body: &mut Vec<Paragraph>,
        range: Range<usize>,
        indent: usize,
        doc: &Document<'_>,
    ) {
        let item = is_list_item(doc.slice(range.clone()));
        let last_unfinished = body
            .last()
            .and_then(|p| p.pieces.last())
            .is_some_and(|r| !ends_sentence(doc.slice(r.clone())));
        // Set text: a line back at the margin after a finished sentence of an indented block
        // (a list item's last line) starts a new paragraph.
        let outdent = indent + 2 < self.indent && !last_unfinished;
        self.indent = indent;
        match body.last_mut() {
            Some(p) if self.open && !item && !outdent => {
                if let Some(piece) = p.pieces.last_mut() {
                    piece.end = range.end;
                }
            }
            Some(p) if self.broken && !item && last_unfinished => p.pieces.push(range),
            _ => body.push(Paragraph {
                pieces: vec![range],
            }),
        }
        self.open = true;
        self.broken = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(input: &str) -> (Vec<String>, Vec<(u32, String)>) {
        let doc = Document::from_text(input);
        let l = layout(&doc);
        let body = l
            .body
            .iter()
            .map(|p| {
                p.pieces
                    .iter()
                    .map(|r| doc.slice(r.clone()))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect();
        let notes = l
            .footnotes
            .iter()
            .map(|f| (f.number, doc.slice(f.range.clone()).to_owned()))
            .collect();
        (body, notes)
    }

    #[test]
    fn paragraphs_and_footnotes() {
        type Case<'a> = (&'a str, &'a [&'a str], &'a [(u32, &'a str)]);
        let cases: &[Case] = &[
            // A paragraph cut by a page rule and a footnote is joined again.
            (
                "Dear Sir,\n\nWe ask you to prevent<sup>1</sup>\n\n---\n\n<sup>1</sup> A note.\n\ncustomers from calling.\n",
                &["We ask you to prevent | customers from calling."],
                &[(1, "A note.")],
            ),
            // A finished sentence is not joined to the next page.
            (
                "Dear Sir,\n\nDone.<sup>1</sup>\n\n---\n\n<sup>1</sup> Note.\n\nNext paragraph.\n",
                &["Done.", "Next paragraph."],
                &[(1, "Note.")],
            ),
            // Numbered items are paragraphs of their own; wrapped lines join their paragraph.
            (
                "Dear Sir,\n\n1. First.\n2. Second\nwraps here.\n\nAfter.\n",
                &["1. First.", "2. Second\nwraps here.", "After."],
                &[],
            ),
            // Plain text: glued marks, a form feed, footnotes by number, one run-on footnote paragraph.
            (
                "Dear Sir,\n\nOne.1 Two.2 Three\n\u{c}\n1 First note. 2 Second note.\n\nand more.\n",
                &["One. Two. Three | and more."],
                &[(1, "First note."), (2, "Second note.")],
            ),
        ];
        for (input, body, notes) in cases {
            let (got_body, got_notes) = parts(input);
            assert_eq!(got_body, *body, "{input:?}");
            let got_notes: Vec<(u32, &str)> =
                got_notes.iter().map(|(n, t)| (*n, t.as_str())).collect();
            assert_eq!(got_notes, *notes, "{input:?}");
        }
    }
}
