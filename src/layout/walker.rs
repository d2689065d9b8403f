//! The page walker: the letter's lines one by one into body paragraphs, footnotes (their
//! pieces across page breaks) and the lines after the closing.

use super::*;

/// A line set back by more than this many columns returns to the margin.
const INDENT_SLACK: usize = 2;

/// A list item's hanging indent goes on within this many columns (pdftotext may map a page's
/// columns a little differently).
const HANGING_SLACK: usize = 3;

/// Whether the last footnote so far stops mid-sentence (its rest may come later).
fn unfinished(doc: &Document<'_>, out: &Parts) -> bool {
    out.footnotes.last().is_some_and(|n| {
        let last = n.more.last().unwrap_or(&n.range);
        !ends_note(doc.slice(last.clone()))
    })
}

#[derive(Debug, Default)]
pub(super) struct Walker {
    /// A blank line came after the last footnote line.
    pub(super) note_gap: bool,
    /// The last footnote was cut mid-sentence (by a page break, or by body text at the foot
    /// of a copy that prints footnotes where their page ended): its rest may come later.
    pub(super) open_note: bool,
    /// The last line that was not blank is a page rule.
    pub(super) after_rule: bool,
    /// The last paragraph may take the next line (no blank line since).
    pub(super) open: bool,
    /// A page rule or footnote block came after the last body line.
    pub(super) broken: bool,
    /// Inside a footnote's text.
    pub(super) in_footnote: bool,
    /// Text lines after the closing.
    pub(super) closing_lines: Vec<(Range<usize>, bool)>,
    /// A page began since the last line after the closing.
    pub(super) page_since: bool,
    /// The indent of the last body line.
    pub(super) indent: usize,
    /// The indent of the last paragraph's first line, when that paragraph is a list item.
    pub(super) item_indent: Option<usize>,
    /// The last body line started a paragraph that is no list item: an indented first line,
    /// from which the next line returns to the margin.
    pub(super) lead_line: bool,
}

/// A line as the walker sees it: its index, the line, and the next line's indent when that is
/// text of the same block.
pub(super) struct Walked<'l> {
    pub(super) i: usize,
    pub(super) line: &'l Line,
    pub(super) next_indent: Option<usize>,
}

impl Walker {
    /// Takes one line of the letter: a page break or rule, a footnote's labelled first line,
    /// a blank line, a footnote's continuation, a body line or a line after the closing.
    pub(super) fn line(
        &mut self,
        doc: &Document<'_>,
        out: &mut Parts,
        walked: &Walked<'_>,
        ahead: &Ahead,
        bounds: &Bounds,
    ) {
        let line = walked.line;
        let range = line.range.start.max(bounds.body_start)..line.range.end;
        if line.kind == LineKind::Text && range.start < line.range.end {
            out.last_text = Some(range.clone());
        }
        if line.page_break || line.kind == LineKind::Rule {
            // A footnote cut mid-sentence by a page break goes on at the next page's foot.
            self.open_note |= self.in_footnote && unfinished(doc, out);
            // A page rule (`---`) stands above the page's footnotes, the open one first.
            self.after_rule = !line.page_break;
            self.page_since |= line.page_break;
            self.broken = true;
            self.in_footnote = false;
        }
        if let Some(number) = line.label {
            out.footnotes.push(FootnoteText {
                number,
                range: line.range.clone(),
                more: Vec::new(),
            });
            self.in_footnote = true;
            self.note_gap = false;
            self.open_note = false;
            self.after_rule = false;
            self.broken = true;
            self.open = false;
            return;
        }
        if line.kind != LineKind::Text {
            // A blank line may fall inside a footnote; what follows decides.
            self.note_gap = self.in_footnote && line.kind == LineKind::Blank;
            self.in_footnote = self.note_gap;
            self.open = false;
            return;
        }
        let continues = self.continues_note(doc, out, walked, ahead, bounds);
        self.after_rule = false;
        if continues {
            self.extend_note(out, line.range.clone());
            return;
        }
        self.open_note |= self.in_footnote && unfinished(doc, out);
        self.in_footnote = false;
        self.note_gap = false;
        if range.start >= line.range.end || range.start >= bounds.body_end {
            // The lines after the closing (the closing itself is `out.closing`).
            if line.range.start > bounds.body_end {
                self.closing_lines
                    .push((line.range.clone(), self.page_since));
                self.page_since = false;
            }
            return;
        }
        self.body_line(
            &mut out.body,
            range.start..range.end.min(bounds.body_end),
            (line.indent, walked.next_indent),
            doc,
        );
    }

    /// Whether a text line goes on with the last footnote.
    fn continues_note(
        &self,
        doc: &Document<'_>,
        out: &Parts,
        walked: &Walked<'_>,
        ahead: &Ahead,
        bounds: &Bounds,
    ) -> bool {
        let i = walked.i;
        if self.in_footnote {
            // After a blank line, a block at the page's foot goes on with the footnote when
            // the footnote is unfinished, when another footnote of the page follows the block
            // (body text never stands between two footnotes), or when the block ends a page
            // whose footnotes stand below its body text.
            !self.note_gap
                || (ahead.foot_of_page(i)
                    && (unfinished(doc, out) || ahead.before_label(i) || ahead.notes_below_body(i)))
        } else {
            // The rest of an open footnote: under a page rule, or the last block of a page's
            // foot (after the closing, only prose: the signature block is not a footnote).
            let start = walked.line.range.start;
            self.open_note
                && (self.after_rule
                    || (ahead.foot_of_page(i)
                        && ahead.below_text(i)
                        && (start < bounds.body_end || reads_as_prose(doc, i))))
        }
    }

    /// Adds `range` to the last footnote: a piece of its own on a new page, else the end of
    /// its last piece.
    fn extend_note(&mut self, out: &mut Parts, range: Range<usize>) {
        if let Some(note) = out.footnotes.last_mut() {
            match note.more.last_mut() {
                // On a new page: a piece of its own (the page's top lies between).
                _ if !self.in_footnote => note.more.push(range),
                Some(piece) => piece.end = range.end,
                // A label alone on its line: the text starts below it.
                None if note.range.is_empty() => note.range = range,
                None => note.range.end = range.end,
            }
        }
        self.in_footnote = true;
        self.note_gap = false;
        self.open_note = false;
    }

    /// Adds a body line (its indent and the next line's, when that is text of the same block)
    /// to the last paragraph or starts a new one.
    pub(super) fn body_line(
        &mut self,
        body: &mut Vec<Paragraph>,
        range: Range<usize>,
        (indent, next_indent): (usize, Option<usize>),
        doc: &Document<'_>,
    ) {
        let item = is_list_item(doc.slice(range.clone()));
        // (`… at 3350, para.` / page break / `7.`: a period that takes more ends nothing.)
        let last_unfinished = body
            .last()
            .and_then(|p| p.pieces.last())
            .is_some_and(|r| !ends_note(doc.slice(r.clone())));
        // Set text: a line back at the margin after a finished sentence of an indented block
        // (a list item's last line) starts a new paragraph; after a paragraph's indented
        // first line it goes on (`… determined that Silverline Telecommunications Corp.` /
        // `(“Silverline”) is …`).
        let outdent = indent + INDENT_SLACK < self.indent && !last_unfinished && !self.lead_line;
        // A list item's hanging indent goes on after a page break or footnotes: a line set
        // deeper than the item's first line, at about the indent of the item's last line
        // (pdftotext may map a page's columns a little differently; any deeper indent when
        // the item has one line), and not the first line of a paragraph (whose next line
        // would return to the margin).
        let hanging = self.item_indent.is_some_and(|first| {
            indent > first
                && (indent.abs_diff(self.indent) <= HANGING_SLACK || self.indent == first)
                && next_indent.is_none_or(|n| n + 1 >= indent)
        });
        self.indent = indent;
        self.lead_line = false;
        match body.last_mut() {
            Some(p) if self.open && !item && !outdent => {
                if let Some(piece) = p.pieces.last_mut() {
                    piece.end = range.end;
                }
            }
            Some(p) if self.broken && !item && (last_unfinished || hanging) => {
                p.pieces.push(range);
            }
            _ => {
                // (Lettered items too: `d. Within 14 days …`.)
                let lettered = regex!(r"^[a-z]\. [A-Z]").is_match(doc.slice(range.clone()));
                self.item_indent = (item || lettered).then_some(indent);
                self.lead_line = self.item_indent.is_none();
                body.push(Paragraph {
                    pieces: vec![range],
                });
            }
        }
        self.open = true;
        self.broken = false;
    }
}
