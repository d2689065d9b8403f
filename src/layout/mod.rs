//! Lines → letter parts: header, body paragraphs, footnotes, closing and signatory block,
//! Attachment A.
//!
//! The header is a region of clean text rather than a list of lines, so that the
//! extractors find its parts by their cue words (`Re:`, `VIA`, a date) whether the copy keeps
//! line breaks or collapsed them. Body paragraphs are runs of lines; a numbered item starts a
//! new one, and a paragraph cut by a page break or a block of footnotes is joined again when
//! it had not ended its sentence.

use crate::cues::{is_attachment_title, ATTACHMENT_A, SALUTATION};
use crate::diagnostic::{Diagnostic, DiagnosticCode, Diagnostics, Severity};
use crate::limits::Limits;
use crate::source::{Document, Line, LineKind, Mark};
use crate::span::Span;
use crate::text::{ends_sentence, find_words, is_abbreviation, is_list_item, regex, squash};
use std::collections::BTreeSet;
use std::ops::Range;

mod citations;
mod collapsed;
mod pages;
mod table;
mod walker;

pub(crate) use self::citations::{within, Found, Identifiers};
use self::collapsed::*;
use self::pages::*;
pub(crate) use self::table::{Cell, Row, Table};
use self::walker::*;

/// Everything the extractors read: the letter's parts, its citations and its Attachment A
/// table, with the text they are ranges of and the map from that text back to the input.
#[derive(Debug)]
pub(crate) struct Layout<'d> {
    doc: &'d Document<'d>,
    /// The letter's parts.
    pub(crate) parts: Parts,
    /// Every citation of the letter, resolved, in text order; parts claim theirs by range.
    pub(crate) citations: Vec<Found>,
    /// The document's own number, file numbers and dockets, out of its header (not citations).
    pub(crate) identifiers: Identifiers,
    /// Attachment A as rows of cells, in whatever form the copy set it.
    pub(crate) table: Option<Table<'d>>,
    /// The text names the FCC or the Commission somewhere.
    pub(crate) mentions_fcc: bool,
    /// Without a closing line: a copy whose line breaks were collapsed, where the closing
    /// stands inside running text.
    pub(crate) run_in: Option<RunInClosing>,
}

/// The closing of a copy whose line breaks were collapsed, found inside running text.
#[derive(Debug, Clone)]
pub(crate) struct RunInClosing {
    /// `Sincerely,`, or an order's `FEDERAL COMMUNICATIONS COMMISSION` above its signer.
    pub(crate) closing: Range<usize>,
    /// A letter's closing (not an order's) stands in the text: the letter is whole.
    pub(crate) letter: bool,
    /// The signature block after the closing, the last page's footnotes cut out of it.
    pub(crate) block: String,
}

impl<'d> Layout<'d> {
    /// The clean text of `range` (empty when out of bounds).
    pub(crate) fn slice(&self, range: Range<usize>) -> &'d str {
        self.doc.slice(range)
    }

    /// The input span of clean range `range`.
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        self.doc.span(range)
    }

    /// The whole clean text.
    pub(crate) fn text(&self) -> &'d str {
        self.doc.text.as_str()
    }

    /// The input span of the whole text.
    pub(crate) fn whole(&self) -> Span {
        self.doc.span(0..self.doc.text.len())
    }

    /// The footnote marks found in the body, in text order.
    pub(crate) fn marks(&self) -> &'d [Mark] {
        &self.doc.marks
    }
}

/// Lays out `doc`: its parts, Attachment A as rows of cells, and the citations of the whole,
/// each part and cell read as a unit.
pub(crate) fn layout<'d>(
    doc: &'d Document<'d>,
    limits: &Limits,
    diagnostics: &mut Diagnostics,
) -> Layout<'d> {
    let parts = parts(doc);
    // A table set on lines is read first, so that its wrapped cells are read whole; a
    // collapsed copy's table is found by its citations.
    let lined = parts
        .attachment
        .as_ref()
        .map(|part| table::read(doc, part, limits.max_records, diagnostics));
    let mut found = citations::citations(
        doc,
        &parts,
        lined.as_ref(),
        limits.max_citations,
        diagnostics,
    );
    let identifiers = citations::own_identifiers(&mut found, parts.header.clone());
    let table = lined.or_else(|| {
        table::collapsed(doc, &found, limits.max_records, diagnostics).or_else(|| {
            // Referred to (`as set forth in Attachment A`) but not in this text.
            let at = find_words(&doc.text, ATTACHMENT_A).next()?;
            diagnostics.push(Diagnostic::new(
                Severity::Info,
                DiagnosticCode::MissingTable,
                doc.span(at..at + ATTACHMENT_A.len()),
                "the text refers to Attachment A, which it does not contain",
            ));
            None
        })
    });
    let text = doc.text.as_str();
    let mentions_fcc =
        find_words(text, "commission").next().is_some() || find_words(text, "FCC").next().is_some();
    let run_in = match parts.closing {
        Some(_) => None,
        None => run_in_closing(text, &parts),
    };
    Layout {
        doc,
        parts,
        citations: found,
        identifiers,
        table,
        mentions_fcc,
        run_in,
    }
}

/// The closing and signature block of a copy whose line breaks were collapsed: the block
/// runs on after `Sincerely,` (an order's `FEDERAL COMMUNICATIONS COMMISSION`) up to the
/// attachment, with the last page's footnotes before or after it.
fn run_in_closing(text: &str, parts: &Parts) -> Option<RunInClosing> {
    let closing = collapsed_closing(text)?;
    let notes: Vec<Range<usize>> = parts.footnotes.iter().map(|f| f.range.clone()).collect();
    Some(RunInClosing {
        block: collapsed_block(text, closing.end, &notes),
        letter: text
            .get(closing.clone())
            .is_some_and(|c| crate::cues::CLOSINGS.contains(&c)),
        closing,
    })
}

/// The parts of a letter, as clean-text ranges and line indices of its [`Document`].
#[derive(Debug, Default)]
pub(crate) struct Parts {
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
    /// Its text on the page where it starts.
    pub(crate) range: Range<usize>,
    /// Where it goes on at the foot of the next page, when a page break cut it.
    pub(crate) more: Vec<Range<usize>>,
}

/// The attachment title line and the line indices after it.
#[derive(Debug, Clone)]
pub(crate) struct AttachmentLines {
    pub(crate) title: Range<usize>,
    pub(crate) lines: Range<usize>,
}

/// The longest line (in bytes) that may be an attachment's title.
const MAX_TITLE_LEN: usize = 60;

/// A line longer than this many characters is prose, not a line of a signature block.
const PROSE_LINE_CHARS: usize = 60;

/// The longest line (in bytes) of a signatory block.
const MAX_SIGNATURE_LINE: usize = 80;

/// Splits `doc` into letter parts: the regions first (attachment, header, body, closing),
/// then the lines of the letter one by one into paragraphs, footnotes and the signature
/// block.
fn parts(doc: &Document<'_>) -> Parts {
    let mut out = Parts::default();
    let bounds = regions(doc, &mut out);
    let PageLines { lines, detached } = page_lines(doc);
    let ahead = Ahead::new(doc, &lines, bounds.letter_end);
    let mut walker = Walker::default();
    for (i, line) in lines.iter().enumerate() {
        if line.range.start >= bounds.letter_end {
            break;
        }
        if detached.get(i).copied().unwrap_or(false) {
            // A footnote mark set on a line of its own: the paragraph goes on below it.
            walker.broken = true;
            walker.open = false;
            continue;
        }
        let next_indent = lines
            .get(i + 1)
            .filter(|l| l.kind == LineKind::Text && l.label.is_none() && !l.page_break)
            .map(|l| l.indent);
        let line = Walked {
            i,
            line,
            next_indent,
        };
        walker.line(doc, &mut out, &line, &ahead, &bounds);
    }
    if out.closing.is_some() {
        out.signature = signature_block(doc, &walker.closing_lines);
    }
    split_run_on_footnotes(doc, &mut out.footnotes);
    inline_footnotes(doc, &mut out, bounds.letter_end);
    out
}

/// Where the letter's regions end: the letter before any attachment, the header before the
/// body, the body before the closing.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bounds {
    pub(super) letter_end: usize,
    pub(super) body_start: usize,
    pub(super) body_end: usize,
}

/// Finds the attachment title, the salutation (or an order's opening) that ends the header,
/// and the closing line; records them in `out` and returns the bounds they set.
fn regions(doc: &Document<'_>, out: &mut Parts) -> Bounds {
    let text = doc.text.as_str();
    let attachment_line = doc.lines.iter().position(|l| {
        let t = doc.line_text(l);
        l.label.is_none() && t.len() <= MAX_TITLE_LEN && is_attachment_title(t)
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
        None => crate::cues::ORDER_OPENINGS
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
    let closing = closing_line.and_then(|i| doc.lines.get(i));
    out.closing = closing.map(|l| l.range.clone());
    Bounds {
        letter_end,
        body_start,
        body_end: closing.map_or(letter_end, |l| l.range.start),
    }
}

/// `Sincerely,` and the other closings, and an order's `FEDERAL COMMUNICATIONS COMMISSION`
/// above its signer.
fn is_closing(line: &str) -> bool {
    crate::cues::is_closing_line(line)
}

/// `Dear Mr. Luna,` or `Dear Mr. Saleem:`: `Dear` after whitespace or at a line start, then at
/// most 60 more characters on the same line up to a comma or colon.
fn salutation(text: &str) -> Option<Range<usize>> {
    find_words(text, SALUTATION).find_map(|start| {
        let before = text.get(..start)?.chars().next_back();
        let after = text.get(start..)?.strip_prefix(SALUTATION)?;
        if before.is_some_and(|c| !c.is_whitespace()) || !after.starts_with(char::is_whitespace) {
            return None;
        }
        let m_end = start + SALUTATION.len() + after.chars().next().map_or(0, char::len_utf8);
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
fn signature_block(doc: &Document<'_>, lines: &[(Range<usize>, bool)]) -> Vec<Range<usize>> {
    let short = |l: &Range<usize>| doc.slice(l.clone()).len() <= MAX_SIGNATURE_LINE;
    let mut blocks: Vec<Vec<Range<usize>>> = Vec::new();
    let mut previous_end = None;
    for (line, new_page) in lines {
        // Lines one break apart, or a block of short lines split by a page break (`Lee
        // Placeholder` / page / `Chief`).
        let split = *new_page && blocks.last().is_some_and(|b| b.iter().all(short));
        let joined = split
            || previous_end.is_some_and(|end: usize| {
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
        .find(|b| b.iter().all(short))
        .unwrap_or_default()
}

/// Whether the block of lines from line `i` to the next blank line reads as prose rather than
/// a signature block: it starts in lowercase or with a digit, has a line of more than 60
/// characters, or ends a sentence or parenthesis.
fn reads_as_prose(doc: &Document<'_>, i: usize) -> bool {
    let mut block = doc
        .lines
        .get(i..)
        .unwrap_or(&[])
        .iter()
        .take_while(|l| l.kind == LineKind::Text)
        .map(|l| doc.slice(l.range.clone()));
    let first = block.next().unwrap_or("");
    let lines: Vec<&str> = std::iter::once(first).chain(block).collect();
    // (A signature line never ends a sentence or a parenthesis: `Report and Order”).` does.)
    first.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        || lines.iter().any(|l| l.chars().count() > PROSE_LINE_CHARS)
        || lines
            .last()
            .is_some_and(|l| l.trim_end().ends_with(['.', ')', ';', '”']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(input: &str) -> (Vec<String>, Vec<(u32, String)>) {
        let doc = Document::from_text(input);
        let l = super::parts(&doc);
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
            .map(|f| {
                let pieces = std::iter::once(&f.range).chain(&f.more);
                let text: Vec<&str> = pieces.map(|r| doc.slice(r.clone())).collect();
                (f.number, text.join(" "))
            })
            .collect();
        (body, notes)
    }

    #[test]
    fn attachment_titles() {
        for (line, want) in [
            ("ATTACHMENT A", true),
            ("Attachment A", true),
            ("Attachment B – Calls", true),
            ("Attachment A: Traced Calls", true),
            ("Attachment A Traced Calls", true),
            ("Attachment A.", false),
            ("Attachment A. The Bureau", false),
            ("Attachment A to the Notice.", false),
            ("Attachments", false),
            ("Attachment", false),
        ] {
            assert_eq!(is_attachment_title(line), want, "{line}");
        }
    }

    #[test]
    fn collapsed_footnotes() {
        let cases: &[(&str, &[(u32, &str)])] = &[
            // The last page's footnotes follow the signature block, up to the attachment.
            (
                "Dear Sir, Act now.1 Thanks. Sincerely, Jane Roe Chief Enforcement Bureau 1 See 47 CFR § 64.1200(k)(4). ATTACHMENT A Customer Date of Call Violation",
                &[(1, "See 47 CFR § 64.1200(k)(4).")],
            ),
            // A run-in heading at the next page's top ends the body.
            (
                "Dear Sir, We act.1 Stop now 1 See 47 CFR § 64.6305. Actions You Should Take Now. Do it.",
                &[(1, "See 47 CFR § 64.6305.")],
            ),
            // So does a list item, after a closing `Id.`.
            (
                "Dear Sir, Steps:1 1 See 47 CFR § 64.1200(k)(3)-(4). Id. 1. Promptly investigate. 2. Act.",
                &[(1, "See 47 CFR § 64.1200(k)(3)-(4). Id.")],
            ),
            // An order's running header starts the next page.
            (
                "Federal Communications Commission DA 24-886 In the Matter of X By the Chief, Enforcement Bureau: The order.1 It goes on (X 1 Section 227(b) of the Act prohibits such calls. Federal Communications Commission DA 24-886 IDO). More text.",
                &[(1, "Section 227(b) of the Act prohibits such calls.")],
            ),
            // A page may end after `at`; the body opens with a capital.
            (
                "Dear Sir, Call us.1 Reach Jane at 1 Section 227(b) of the Act, 47 U.S.C. § 227(b), prohibits such calls. jane@fcc.gov today.",
                &[(1, "Section 227(b) of the Act, 47 U.S.C. § 227(b), prohibits such calls.")],
            ),
            // A body that cites nothing ends after its first sentence once body text (a mark)
            // follows; a pin cite (`at 7630, para.`) is not a body.
            (
                "Dear Sir, One.1 Two 1 The Consortium conducts tracebacks. Resumed text here.2 Then Id. at 2, para. 4 says 2 See 47 CFR § 1.17. more.",
                &[(1, "The Consortium conducts tracebacks."), (2, "See 47 CFR § 1.17.")],
            ),
            // A public notice's `-FCC-` ends the text.
            (
                "Contact Lisa Zaina,1 1 You may ask for more time. Assistant Division Chief, at lisa.zaina@fcc.gov. -FCC-",
                &[(1, "You may ask for more time.")],
            ),
            // Text before the stop that ends no sentence is not the body's.
            (
                "Dear Sir, Done.1 Sincerely, 1 Id. at 7630. Loyaan A. Egal Chief Enforcement Bureau",
                &[(1, "Id. at 7630.")],
            ),
        ];
        for (input, notes) in cases {
            let (_, got) = parts(input);
            let got: Vec<(u32, &str)> = got.iter().map(|(n, t)| (*n, t.as_str())).collect();
            assert_eq!(got, *notes, "{input:?}");
        }
    }

    #[test]
    fn collapsed_attachment_titles() {
        for (text, want) in [
            ("Bureau ATTACHMENT A Customer Date", Some(7)),
            ("(k)(4). Attachment A Customer Date", Some(8)),
            ("action. Attachment A Date of Call", Some(8)),
            ("listed in Attachment A. The Bureau", None),
            ("listed in Attachment A The Bureau", None),
            (
                "Commission Attachment A Federal Communications Commission DA 24-1",
                None,
            ),
            ("calls in Attachment A to the Notice.", None),
        ] {
            assert_eq!(inline_attachment_start(text), want, "{text}");
        }
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
            // Collapsed: a body inlined mid-sentence, resumed by a lowercase word.
            (
                "Dear Sir, We ask you to stop.1 Then we will prevent 1 See 47 CFR § 64.1200(k)(4). customers from calling within 14 days.",
                &["We ask you to stop. Then we will prevent | customers from calling within 14 days."],
                &[(1, "See 47 CFR § 64.1200(k)(4).")],
            ),
            // Collapsed: two bodies in a row, the second ended by prose after its citation;
            // `para. 43` and `within 14 days` are not footnote numbers.
            (
                "Dear Sir, Act now.1 See para. 43 below. Reply within 14 days.2 Write to Jane Roe, 1 Id. at 7630, para. 43. 2 See also 47 CFR § 1.16 (format). Enforcement Bureau, at once. We thank you. We mean it. Truly.",
                &["Act now. See para. 43 below. Reply within 14 days. Write to Jane Roe, | Enforcement Bureau, at once. We thank you. We mean it. Truly."],
                &[(1, "Id. at 7630, para. 43."), (2, "See also 47 CFR § 1.16 (format).")],
            ),
            // Layout text: a footnote body goes on after a blank line at its page's foot, and
            // another one onto the next page's foot, below that page's body text.
            (
                "Dear Sir,\n\nWe wrote.1 We ask you to stop\n\n1\n  Letter to Belthrough, LLC, 2025 WL\n\n  2622184 (Sept. 10, 2025), https://x.test/a.pdf\n                      1\n\u{c}calling now.2\n\n2\n  See 47 CFR § 64.1200(n)(2), which\n\u{c}Federal Communications Commission\n\nPlease act at once. Thank you.\n\n  requires blocking.\n\u{c}",
                &["We wrote. We ask you to stop | calling now.", "Federal Communications Commission", "Please act at once. Thank you."],
                &[(1, "Letter to Belthrough, LLC, 2025 WL\n\n  2622184 (Sept. 10, 2025), https://x.test/a.pdf"), (2, "See 47 CFR § 64.1200(n)(2), which requires blocking.")],
            ),
            // A mark with no body anywhere stays unmatched.
            (
                "Dear Sir, Act now.1 Nothing follows.",
                // (A collapsed body keeps the space after the salutation.)
                &[" Act now. Nothing follows."],
                &[],
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
