//! Lines → letter parts: header, body paragraphs, footnotes, closing and signatory block,
//! Attachment A.
//!
//! The header is a region of clean text rather than a list of lines, so that the
//! extractors find its parts by their cue words (`Re:`, `VIA`, a date) whether the copy keeps
//! line breaks or collapsed them. Body paragraphs are runs of lines; a numbered item starts a
//! new one, and a paragraph cut by a page break or a block of footnotes is joined again when
//! it had not ended its sentence.

use crate::source::{Document, Line, LineKind};
use crate::text::{ends_sentence, find_words, is_abbreviation, is_list_item, regex, squash};
use std::collections::{BTreeMap, BTreeSet};
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

    let PageLines { lines, detached } = page_lines(doc);
    let ahead = Ahead::new(doc, &lines, letter_end);
    let mut walker = Walker::default();
    for (i, line) in lines.iter().enumerate() {
        if line.range.start >= letter_end {
            break;
        }
        if detached.get(i).copied().unwrap_or(false) {
            // A footnote mark set on a line of its own: the paragraph goes on below it.
            walker.broken = true;
            walker.open = false;
            continue;
        }
        let range = line.range.start.max(body_start)..line.range.end;
        if line.kind == LineKind::Text && range.start < line.range.end {
            out.last_text = Some(range.clone());
        }
        let unfinished = || {
            out.footnotes.last().is_some_and(|n| {
                let last = n.more.last().unwrap_or(&n.range);
                !ends_note(doc.slice(last.clone()))
            })
        };
        if line.page_break || line.kind == LineKind::Rule {
            // A footnote cut mid-sentence by a page break goes on at the next page's foot.
            walker.open_note |= walker.in_footnote && unfinished();
            // A page rule (`---`) stands above the page's footnotes, the open one first.
            walker.after_rule = !line.page_break;
            walker.page_since |= line.page_break;
            walker.broken = true;
            walker.in_footnote = false;
        }
        if let Some(number) = line.label {
            out.footnotes.push(FootnoteText {
                number,
                range: line.range.clone(),
                more: Vec::new(),
            });
            walker.in_footnote = true;
            walker.note_gap = false;
            walker.open_note = false;
            walker.after_rule = false;
            walker.broken = true;
            walker.open = false;
            continue;
        }
        if line.kind != LineKind::Text {
            // A blank line may fall inside a footnote; what follows decides.
            walker.note_gap = walker.in_footnote && line.kind == LineKind::Blank;
            walker.in_footnote = walker.note_gap;
            walker.open = false;
            continue;
        }
        let continues = if walker.in_footnote {
            // After a blank line, a block at the page's foot goes on with the footnote when
            // the footnote is unfinished, when another footnote of the page follows the block
            // (body text never stands between two footnotes), or when the block ends a page
            // whose footnotes stand below its body text.
            !walker.note_gap
                || (ahead.foot_of_page(i)
                    && (unfinished() || ahead.before_label(i) || ahead.notes_below_body(i)))
        } else {
            // The rest of an open footnote: under a page rule, or the last block of a page's
            // foot (after the closing, only prose: the signature block is not a footnote).
            walker.open_note
                && (walker.after_rule
                    || (ahead.foot_of_page(i)
                        && ahead.below_text(i)
                        && (line.range.start < body_end || reads_as_prose(doc, i))))
        };
        walker.after_rule = false;
        if continues {
            if let Some(note) = out.footnotes.last_mut() {
                match note.more.last_mut() {
                    // On a new page: a piece of its own (the page's top lies between).
                    _ if !walker.in_footnote => note.more.push(line.range.clone()),
                    Some(piece) => piece.end = line.range.end,
                    // A label alone on its line: the text starts below it.
                    None if note.range.is_empty() => note.range = line.range.clone(),
                    None => note.range.end = line.range.end,
                }
            }
            walker.in_footnote = true;
            walker.note_gap = false;
            walker.open_note = false;
            continue;
        }
        walker.open_note |= walker.in_footnote && unfinished();
        walker.in_footnote = false;
        walker.note_gap = false;
        if range.start >= line.range.end || range.start >= body_end {
            // The lines after the closing (the closing itself is `out.closing`).
            if line.range.start > body_end {
                walker
                    .closing_lines
                    .push((line.range.clone(), walker.page_since));
                walker.page_since = false;
            }
            continue;
        }
        // The next line's indent, when it is text of the same block.
        let next_indent = lines
            .get(i + 1)
            .filter(|l| l.kind == LineKind::Text && l.label.is_none() && !l.page_break)
            .map(|l| l.indent);
        walker.body_line(
            &mut out.body,
            range.start..range.end.min(body_end),
            (line.indent, next_indent),
            doc,
        );
    }
    if out.closing.is_some() {
        out.signature = signature_block(doc, &walker.closing_lines);
    }
    split_run_on_footnotes(doc, &mut out.footnotes);
    inline_footnotes(doc, &mut out, letter_end);
    out
}

/// The document's lines as the page walker reads them, with what pdftotext's placement of
/// small raised glyphs and repeated page headers hide from the source fixed.
struct PageLines {
    lines: Vec<Line>,
    /// Lines that hold only a footnote mark set apart from the word it follows.
    detached: Vec<bool>,
}

/// Reads the page layout of the lines:
/// - a number that only wrapped to start a line of running text, right after a line that
///   ends with a word taking a number (`… 3518, para.` / `5 (2026) (X IDO).`) with no blank
///   line between, is no footnote label;
/// - a footnote mark raised above its line may be printed on a line of its own, set in from
///   the margin, inside the running text (`… Kestrel's` / `   4` / `response did not …`):
///   a detached mark, the next one in sequence;
/// - a footnote label the source could not tie to a mark is read from the sequence: the next
///   number, alone on its line or before the footnote's text, right below a finished
///   footnote of the same page, or after a blank line when its mark was detached or stands
///   glued to a word earlier in the text (`… calls.4`, which the source skips once a mark
///   went missing);
/// - the first line of a page that repeats the letter's first line (or a part of it: `Federal
///   Communications Commission DA 23-1259`) is a running header.
fn page_lines(doc: &Document<'_>) -> PageLines {
    let n = doc.lines.len();
    let mut lines: Vec<Line> = Vec::with_capacity(n);
    let mut detached = vec![false; n];
    let first_line = doc
        .lines
        .iter()
        .find(|l| l.kind == LineKind::Text)
        .map(|l| squash(doc.slice(l.range.clone())))
        .unwrap_or_default();
    let (mut last_label, mut max_mark) = (0u32, 0u32);
    let mut detached_numbers: BTreeSet<u32> = BTreeSet::new();
    // Where each number first stands glued to the word before it (`calls.4 `).
    let mut glued: BTreeMap<u32, usize> = BTreeMap::new();
    // (`find_iter`, not captures: the digits are the match less its first character.)
    for m in regex!(r#"[A-Za-z.,;:)"”’][0-9]{1,3}(?:\s|$)"#).find_iter(&doc.text) {
        let digits = m.as_str().trim_end();
        let start = digits.len()
            - digits
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .len();
        if let Some(number) = digits.get(start..).and_then(|d| d.parse::<u32>().ok()) {
            glued.entry(number).or_insert(m.start() + start);
        }
    }
    let (mut page_has_label, mut page_top, mut new_page) = (false, true, false);
    let mut marks = doc.marks.iter().peekable();
    for (i, source) in doc.lines.iter().enumerate() {
        let mut line = source.clone();
        if line.page_break || line.kind == LineKind::Rule {
            (page_has_label, page_top, new_page) = (false, true, true);
        }
        while let Some(m) = marks.next_if(|m| m.at <= line.range.end) {
            max_mark = max_mark.max(m.number);
        }
        let previous = i.checked_sub(1).and_then(|p| lines.get(p));
        let previous_text = previous
            .filter(|p| p.kind == LineKind::Text)
            .map(|p| doc.slice(p.range.clone()));
        let text = doc.slice(line.range.clone());
        if line.kind == LineKind::Text && page_top {
            page_top = false;
            if new_page && line.label.is_none() && repeats_header(text, &first_line) {
                line.kind = LineKind::Blank;
                line.range = line.range.end..line.range.end;
                lines.push(line);
                continue;
            }
        }
        if line.label.is_some() && !line.page_break && wraps_number(previous_text) {
            line.label = None;
            line.range.start = line_start(doc, line.range.clone());
        }
        let text = doc.slice(line.range.clone());
        if line.kind == LineKind::Text && line.label.is_none() {
            let next = last_label.saturating_add(1);
            let next_is_text = doc
                .lines
                .get(i + 1)
                .is_some_and(|l| l.kind == LineKind::Text && !l.page_break);
            let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let number: Option<u32> = text.get(..digits).and_then(|d| d.parse().ok());
            let rest = text.get(digits..).unwrap_or("");
            let alone = rest.is_empty() && (1..=3).contains(&digits);
            let opens = rest.starts_with(' ')
                && rest.trim_start().starts_with(|c: char| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '§')
                });
            // Under a finished footnote of the page, or starting a block for a detached mark.
            let marked = detached_numbers.contains(&next)
                || glued.get(&next).is_some_and(|&at| at < line.range.start);
            let in_sequence = number == Some(next)
                && ((page_has_label && previous_text.is_some_and(ends_note))
                    || (marked && previous_text.is_none()));
            if in_sequence && ((alone && next_is_text) || opens) {
                line.label = Some(next);
                let skip = digits + (rest.len() - rest.trim_start().len());
                line.range.start = (line.range.start + skip).min(line.range.end);
            } else if alone
                && !line.page_break
                && (3..20).contains(&line.indent)
                && previous_text.is_some()
                && !page_has_label
                && number.is_some_and(|m| m > max_mark && m <= max_mark.saturating_add(3))
            {
                if let (Some(slot), Some(m)) = (detached.get_mut(i), number) {
                    *slot = true;
                    max_mark = m;
                    detached_numbers.insert(m);
                    line.kind = LineKind::Blank;
                }
            }
        }
        if let Some(number) = line.label {
            last_label = number;
            page_has_label = true;
        }
        lines.push(line);
    }
    label_before_labels(doc, &mut lines);
    PageLines { lines, detached }
}

/// The most text lines a footnote without its label may run over above the next one's label.
const MAX_NOTE_LINES: usize = 8;

/// Labels the footnote right above a labelled one when its own label was not read: for a
/// label `n` whose `n - 1` has none, the nearest of the few text lines right above it (no
/// blank line between) that reads `n - 1` alone, followed by text, or `n - 1` and the
/// footnote's first words (`1` / `Traceback is the process …` / `2` / `Letter from …`).
fn label_before_labels(doc: &Document<'_>, lines: &mut [Line]) {
    let mut seen: BTreeSet<u32> = BTreeSet::new();
    for j in 0..lines.len() {
        let Some(number) = lines.get(j).and_then(|l| l.label) else {
            continue;
        };
        seen.insert(number);
        let Some(wanted) = number
            .checked_sub(1)
            .filter(|&w| w > 0 && !seen.contains(&w))
        else {
            continue;
        };
        let digits = wanted.to_string();
        let found = (j.saturating_sub(MAX_NOTE_LINES)..j).rev().find_map(|k| {
            let line = lines.get(k)?;
            let text = doc.slice(line.range.clone());
            let rest = text.strip_prefix(digits.as_str())?;
            let next_is_text = lines
                .get(k + 1)
                .is_some_and(|l| l.kind == LineKind::Text && l.label.is_none());
            let alone = rest.is_empty() && next_is_text;
            let opens = rest.starts_with(' ')
                && rest
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '§'));
            (alone || opens).then_some((k, digits.len() + rest.len() - rest.trim_start().len()))
        });
        // Only through text lines of one block.
        let Some((k, skip)) = found.filter(|&(k, _)| {
            lines.get(k..j).is_some_and(|b| {
                b.iter()
                    .all(|l| l.kind == LineKind::Text && l.label.is_none())
            })
        }) else {
            continue;
        };
        if let Some(line) = lines.get_mut(k) {
            line.label = Some(wanted);
            line.range.start = (line.range.start + skip).min(line.range.end);
            seen.insert(wanted);
        }
    }
}

/// Whether a line ending with `previous` (the line right above, when it is text) leaves a
/// number to start the next line: `para.`, `No.`, `§`, `at`.
fn wraps_number(previous: Option<&str>) -> bool {
    let last_word = previous
        .and_then(|p| p.rsplit([' ', '\t']).next())
        .unwrap_or("");
    [
        "para.", "paras.", "No.", "Nos.", "§", "§§", "at", "Part", "section", "sections", "Stat.",
        "note", "n.", "p.", "pp.", "¶", "¶¶",
    ]
    .contains(&last_word)
}

/// Whether a page's first line `line` repeats the letter's first line `first` (squashed),
/// whole or cut short: a running header (`Federal Communications Commission DA 23-1259`).
fn repeats_header(line: &str, first: &str) -> bool {
    let line = squash(line);
    let (short, long) = if line.len() <= first.len() {
        (line.as_str(), first)
    } else {
        (first, line.as_str())
    };
    short.len() >= 24 && long.starts_with(short)
}

/// Where the line holding clean range `range` starts, past its indent.
fn line_start(doc: &Document<'_>, range: Range<usize>) -> usize {
    let text = doc.text.as_str();
    let before = text.get(..range.start).unwrap_or("");
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    let line = text.get(start..range.start).unwrap_or("");
    start + (line.len() - line.trim_start().len())
}

/// Whether a footnote's text so far ends where a footnote may end: a sentence's end, and not
/// an abbreviation's period that always takes more after it (`File No.` / `17-59`, `para.` /
/// `32`, `133 Stat.` / `3274`, `Pub. L.` / `No.`), as a line or page may end inside a citation.
fn ends_note(text: &str) -> bool {
    if !ends_sentence(text) {
        return false;
    }
    let text = text.trim_end();
    let Some(stem) = text.strip_suffix('.') else {
        return true;
    };
    let word = stem.rsplit([' ', '\n', '(']).next().unwrap_or("");
    // (`Id.`, `et seq.`, `Inc.`, `Co.` may close a footnote; these never do.)
    const OPEN: &[&str] = &[
        "No", "Nos", "para", "paras", "Stat", "Rcd", "Reg", "Fed", "Pub", "L", "v", "e.g", "i.e",
        "cf", "Cf", "U.S.C", "C.F.R", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct",
        "Nov", "Dec", "Mr", "Ms", "Mrs", "Dr", "St", "Cir", "n",
    ];
    !OPEN.contains(&word)
}

/// Whether a line plainly leaves its sentence open: it does not end a footnote (see
/// [`ends_note`]) and ends with a lowercase word, a number, punctuation or an abbreviation
/// that takes more (`… must first notify the`, `… Rulemaking,`, `File No.`), not with a
/// capitalised word (`Enforcement Bureau`, a heading) nor a closing (`Sincerely,`).
fn leaves_open(line: &str) -> bool {
    let line = line.trim_end();
    let last_word = line.rsplit([' ', '\t']).next().unwrap_or("");
    !ends_note(line)
        && !is_closing(line)
        && (line.ends_with('.') || !last_word.starts_with(char::is_uppercase))
}

/// Whether a sentence of a footnote cites something.
fn cites(sentence: &str) -> bool {
    regex!(r"§|(?-u:\b)(?:U\.S\.C\.|C\.?F\.?R(?-u:\b)|Id\.|[Ss]ee(?-u:\b)|supra(?-u:\b)|DA [0-9]{2}-[0-9])|FCC Rcd|Fed\. Reg\.|Docket No\.|https?://|\((?:[A-Z][a-z]{2,8}\.? [0-9]{1,2}, )?[0-9]{4}\)")
        .is_match(sentence)
}

/// Where an inlined footnote body `number` starts at or after `from` (before `limit`): the
/// number alone as a word, after a space and not after a word that takes a number (`para.`,
/// `§`, `section`), before a capital, digit or quotation mark. Returns the number's start and
/// the body text's start.
fn inline_body_start(text: &str, number: u32, from: usize, limit: usize) -> Option<(usize, usize)> {
    let digits = number.to_string();
    let region = text.get(from..limit)?;
    let found = crate::text::find_words(region, &digits).find_map(|i| {
        let at = from + i;
        let before = text.get(..at)?;
        let previous = before
            .trim_end()
            .rsplit([' ', '\n', '\t'])
            .next()
            .unwrap_or("");
        let after = text.get(at + digits.len()..limit)?;
        let body = after.trim_start();
        // (A pin cite's `at 7630, para.` or `1859, 1903,` is no body: no capital follows.)
        let takes_number = ["§", "para.", "paras.", "No.", "Part", "section"].contains(&previous);
        let spaced = before.ends_with([' ', '\n']) && after.starts_with([' ', '\n']);
        let opens = body.starts_with(|c: char| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '§')
        });
        (spaced && opens && !takes_number).then(|| (at, limit - body.len()))
    });
    // A body glued to the word before and its own first word (`Call Pipe1The Cox/Jones/…`),
    // as some converters print a page's end: a number between a lowercase and a capital.
    let glued = regex!(r"[a-z]([0-9]{1,3})[A-Z]")
        .captures_iter(region)
        .filter_map(|c| c.get(1))
        .find(|m| m.as_str() == digits)
        .map(|m| (from + m.start(), from + m.end()));
    match (found, glued) {
        (Some(f), Some(g)) => Some(if g.0 < f.0 { g } else { f }),
        (f, g) => f.or(g),
    }
}

/// Where an inlined footnote body that starts at `start` ends, before `limit` (a page's stop:
/// a closing, the next page's running header, the attachment or the end). Footnote bodies end
/// with a sentence: the body ends
/// - where the interrupted sentence resumes with a lowercase word (`… § 64.1200(k)(4).
///   customers from using …`), where the next missing footnote's number follows
///   (`… (2020). 2 See …`), or where a list item or heading starts (`… (k)(3)-(4). 1. Promptly
///   investigate …`, `(b) Within`, `II. BACKGROUND`);
/// - otherwise, once body text is certain (a sentence holding a mark of the body text, three
///   sentences of plain prose, or the stop), after its last citation, or after its first
///   sentence when it cites nothing. Text before the stop that does not end a sentence is not
///   the body's (`… at 7630. Loyaan A. Egal Division Chief …`), unless the copy was `cut_short`
///   (it ends there, before any closing: an excerpt that stops mid-word).
fn inline_body_end(
    doc: &Document<'_>,
    start: usize,
    next: Option<u32>,
    (limit, cut_short): (usize, bool),
) -> usize {
    let text = doc.text.as_str();
    let region = text.get(start..limit).unwrap_or("");
    let (mut sentence_start, mut last_cite, mut first_end, mut prose) = (start, None, None, 0);
    // The stop closes the last sentence, an abbreviation's period included (`… Id.`, `et seq.`).
    let tail_end = ends_sentence(region).then(|| start + region.trim_end().len());
    let periods = region
        .match_indices('.')
        .map(|(i, _)| (start + i, false))
        .chain(tail_end.map(|e| (e, true)));
    for (dot, at_stop) in periods {
        let end = if at_stop {
            dot
        } else {
            let word = text
                .get(sentence_start.max(start)..dot)
                .and_then(|b| b.rsplit([' ', '(', '\n']).next())
                .unwrap_or("");
            let single_initial =
                word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
            // `… see also id. 6 You are …`, `… Id. Any voice …`, `… see also id. traffic.`: a
            // citation's closing abbreviation ends the sentence unless the citation goes on
            // (`Id. at 7630`, `Id. § 64.1200(n)(6)`, `id., para. 4`).
            let resumed = text.get(dot + 1..limit).unwrap_or("").trim_start();
            let cite_goes_on = ["at ", "§", "para", "¶", ",", ";", "(", "n.", "note"]
                .iter()
                .any(|w| resumed.starts_with(w));
            let closes = starts_number(resumed, next)
                || (["Id", "id", "seq"].contains(&word)
                    && (!cite_goes_on || starts_block(resumed)));
            if (is_abbreviation(word) || single_initial) && !closes {
                continue;
            }
            let closers = text
                .get(dot + 1..limit)
                .unwrap_or("")
                .chars()
                .take_while(|c| matches!(c, '"' | '”' | '’' | ')'))
                .map(char::len_utf8)
                .sum::<usize>();
            dot + 1 + closers
        };
        if end <= sentence_start {
            continue;
        }
        let after = text.get(end..limit).unwrap_or("");
        if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
            continue;
        }
        let sentence = text.get(sentence_start..end).unwrap_or("");
        // Body text: a sentence with a mark (`… robocalls.2`), or a run-in heading (`Actions
        // You Should Take Now.`); the footnote ended before it.
        if doc
            .marks
            .iter()
            .any(|m| (sentence_start..=end).contains(&m.at))
            || is_heading(sentence)
        {
            return if prose == 0 {
                sentence_start
            } else {
                last_cite.or(first_end).unwrap_or(sentence_start)
            };
        }
        if cites(sentence) {
            (last_cite, prose) = (Some(end), 0);
        } else {
            prose += 1;
        }
        first_end.get_or_insert(end);
        if at_stop {
            return if prose == 0 {
                end
            } else {
                last_cite.or(first_end).unwrap_or(end)
            };
        }
        let resumed = after.trim_start();
        // A list item or heading at the top of the next page, possibly after the rest of the
        // interrupted paragraph.
        if starts_block(resumed) {
            return if prose == 0 {
                end
            } else {
                last_cite.or(first_end).unwrap_or(end)
            };
        }
        if resumed.starts_with(char::is_lowercase) || starts_number(resumed, next) {
            return end;
        }
        if prose >= 3 {
            return last_cite.or(first_end).unwrap_or(end);
        }
        sentence_start = end;
    }
    if cut_short {
        // A copy that stops mid-sentence before its closing: the rest may be the body's.
        return last_cite.unwrap_or(limit);
    }
    // No sentence ends before the stop: what follows the last one is not the body's.
    last_cite.or(first_end).unwrap_or(limit)
}

/// Whether `text` starts with footnote number `next` and a space (`2 See …`).
fn starts_number(text: &str, next: Option<u32>) -> bool {
    next.is_some_and(|n| {
        text.strip_prefix(n.to_string().as_str())
            .is_some_and(|r| r.starts_with(' '))
    })
}

/// Whether a sentence is a run-in heading: at most eight words, each capitalised but for short
/// ones (`Actions You Should Take Now.`, `Consequences for Failure to Comply.`, `Why You Are
/// Receiving This Notification.`), and no citation.
fn is_heading(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || (w.len() <= 3 && w.starts_with(char::is_lowercase))
        })
        && !cites(sentence)
}

/// Whether the text resumed after a footnote body starts a list item or a heading of its own:
/// `1. Promptly`, `(b) Within`, `• Call Pipe`, `a. Promptly`, `II. BACKGROUND`.
fn starts_block(resumed: &str) -> bool {
    is_list_item(resumed) || regex!(r"^(?:[a-z]|[IVX]{1,4})\. [A-Z]").is_match(resumed)
}

/// Footnote bodies inlined in the text, for marks that have no footnote of their own. The
/// FCC's one-line `.txt` renditions print each page's footnotes where the page ended, in the
/// middle of a sentence: `… to prevent 1 See 47 CFR § 64.1200(k)(4). customers from using …`.
/// The last page's footnotes follow the signature block (`… Enforcement Bureau 5 See 47 CFR
/// § 64.1200(k)(4). ATTACHMENT A Customer …`). Each body becomes a footnote and is cut out of
/// the paragraph it interrupted, and so is an order's running header (`Federal Communications
/// Commission DA 24-886`) repeated at the top of each page.
fn inline_footnotes(doc: &Document<'_>, out: &mut Layout, letter_end: usize) {
    let text = doc.text.as_str();
    let missing: Vec<(u32, usize)> = doc
        .marks
        .iter()
        .filter(|m| !out.footnotes.iter().any(|f| f.number == m.number))
        .map(|m| (m.number, m.at))
        .collect();
    if missing.is_empty() {
        return;
    }
    let letter_end = inline_attachment_start(text)
        .filter(|&a| a < letter_end)
        .unwrap_or(letter_end);
    let furniture = running_headers(text, letter_end);
    let stops = page_stops(text, letter_end, &furniture);
    // A body starts within a few pages of its mark; it ends at the next stop.
    let search_limit = |from: usize| from.saturating_add(8000).min(letter_end);
    // Whether the copy has a closing; without one it may stop mid-sentence (an excerpt).
    let closed = stops.len() > furniture.len() + 1;
    let end_limit = |from: usize| {
        let next = stops
            .get(stops.partition_point(|&s| s <= from))
            .copied()
            .unwrap_or(letter_end);
        let limit = next.min(search_limit(from));
        (limit, limit == text.len() && !closed)
    };
    let mut cuts: Vec<Range<usize>> = furniture;
    let mut from = 0;
    for (i, &(number, at)) in missing.iter().enumerate() {
        let search = at.max(from);
        let Some((number_at, body)) = inline_body_start(text, number, search, search_limit(search))
        else {
            continue;
        };
        let next = missing.get(i + 1).map(|&(n, _)| n);
        let end = inline_body_end(doc, body, next, end_limit(body));
        let trimmed = body..end.max(body);
        if trimmed.is_empty() {
            continue;
        }
        out.footnotes.push(FootnoteText {
            number,
            range: trimmed,
            more: Vec::new(),
        });
        cuts.push(number_at..end);
        from = end;
    }
    cuts.sort_by_key(|c| c.start);
    out.footnotes.sort_by_key(|f| f.range.start);
    let trimmed = |r: Range<usize>| {
        let piece = doc.slice(r.clone());
        let start = r.start + (piece.len() - piece.trim_start().len());
        start..(r.end - (piece.len() - piece.trim_end().len())).max(start)
    };
    for paragraph in &mut out.body {
        let cut = |p: &Range<usize>| cuts.iter().any(|c| c.start < p.end && c.end > p.start);
        if !paragraph.pieces.iter().any(cut) {
            continue;
        }
        let mut pieces = Vec::with_capacity(paragraph.pieces.len() + 1);
        for piece in &paragraph.pieces {
            let mut rest = piece.clone();
            for cut in cuts
                .iter()
                .filter(|c| c.start < piece.end && c.end > piece.start)
            {
                pieces.push(trimmed(rest.start..cut.start.max(rest.start)));
                rest.start = cut.end.min(rest.end).max(rest.start);
            }
            pieces.push(trimmed(rest));
        }
        pieces.retain(|r| !r.is_empty());
        paragraph.pieces = pieces;
    }
    out.body.retain(|p| !p.pieces.is_empty());
}

/// Where Attachment A starts in a one-line copy: `ATTACHMENT A`, or `Attachment A` after a
/// sentence or a capitalised word, followed by a capitalised caption or header (`… (k)(4).
/// Attachment A Customer Date of Call …`). After a lowercase word (`listed in Attachment A`)
/// it is a reference, and so it is when a page's running header follows it.
pub(crate) fn inline_attachment_start(text: &str) -> Option<usize> {
    find_words(text, "attachment").find(|&at| {
        let Some(rest) = text.get(at..) else {
            return false;
        };
        let previous = text
            .get(..at)
            .and_then(|b| b.trim_end().rsplit([' ', '\n', '\t']).next())
            .unwrap_or("");
        let title = rest.starts_with("ATTACHMENT")
            || (rest.starts_with("Attachment")
                && (!previous.starts_with(char::is_lowercase) || ends_sentence(previous)));
        // `… Attachment A` + a page's running header is a reference cut by a page break.
        let header = rest
            .get(10..)
            .map(str::trim_start)
            .and_then(|r| r.get(1..))
            .is_some_and(|r| {
                r.trim_start()
                    .starts_with("Federal Communications Commission")
            });
        title && !header && is_attachment_title(rest.get(..rest.len().min(80)).unwrap_or(rest))
    })
}

/// An order's running header repeated at the top of each page after the first, in a copy
/// whose line breaks were collapsed: the text opens with it (`Federal Communications
/// Commission DA 23-279 Before the …`, as DA 23-279 does) and each later page starts with
/// the same words. Returns the ranges of the repetitions before `end`.
fn running_headers(text: &str, end: usize) -> Vec<Range<usize>> {
    let Some(first) =
        regex!(r"^\s*Federal Communications Commission (?:DA|FCC) [0-9]{2}-[0-9]{1,4}\b")
            .find(text)
    else {
        return Vec::new();
    };
    let header = first.as_str().trim_start();
    let region = text.get(..end).unwrap_or("");
    region
        .match_indices(header)
        .map(|(at, h)| at..at + h.len())
        .filter(|r| r.start >= first.end())
        // `DA 24-88` is not the header of `DA 24-886`.
        .filter(|r| {
            !region
                .get(r.end..)
                .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_alphanumeric()))
        })
        .collect()
}

/// Where the text of one page stops, so that no footnote body printed at a page's foot can run
/// past it: a closing (`Sincerely,`, an order's `FEDERAL COMMUNICATIONS COMMISSION` above its
/// signer, a public notice's closing `-FCC-`), the top of a page (its running header) and the
/// letter's end. Sorted.
fn page_stops(text: &str, end: usize, furniture: &[Range<usize>]) -> Vec<usize> {
    let region = text.get(..end).unwrap_or("");
    let mut stops: Vec<usize> = [
        "Sincerely,",
        "Respectfully,",
        "Respectfully submitted,",
        "Very truly yours,",
        "FEDERAL COMMUNICATIONS COMMISSION",
        "-FCC-",
    ]
    .iter()
    .flat_map(|c| region.match_indices(c).map(|(i, _)| i))
    .chain(furniture.iter().map(|r| r.start))
    .chain(std::iter::once(end))
    .collect();
    stops.sort_unstable();
    stops
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
                    more: Vec::new(),
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
    let named = name.len() < rest.len() && chars.next().is_some_and(|c| c.is_ascii_alphanumeric());
    // After the name: nothing, or a caption (`– Calls`, `: Calls`); a sentence that wrapped
    // to start with `Attachment A.` or `Attachment A to the Notice` is not a title.
    let after = chars.as_str();
    let caption = after.trim_start();
    named
        && (after.is_empty()
            || caption.starts_with(['–', '—', '-', ':'])
            || (after.starts_with(char::is_whitespace) && caption.starts_with(char::is_uppercase)))
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
fn signature_block(doc: &Document<'_>, lines: &[(Range<usize>, bool)]) -> Vec<Range<usize>> {
    let short = |l: &Range<usize>| doc.slice(l.clone()).len() <= 80;
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
        || lines.iter().any(|l| l.chars().count() > 60)
        || lines
            .last()
            .is_some_and(|l| l.trim_end().ends_with(['.', ')', ';', '”']))
}

/// What lies ahead of each line: where the page ends and where the next footnote starts.
struct Ahead {
    /// For each line, the index of the next line after it that starts a page (a form feed or
    /// a page rule), or the letter's end.
    page_end: Vec<usize>,
    /// For each line, the index of the line that starts its page.
    page_start: Vec<usize>,
    /// For each line, the index of the next footnote label line (itself included).
    next_label: Vec<usize>,
    /// Whether each line is blank.
    blank: Vec<bool>,
    /// Whether each line is text that leaves a footnote unfinished (see [`leaves_open`]).
    open_end: Vec<bool>,
    /// The index of the first line at or after the letter's end (the attachment).
    letter_end_line: usize,
    /// For each line, whether its page has text that is not a footnote's before the page's
    /// first footnote label at or before the line.
    body_above_notes: Vec<bool>,
    /// Whether the text has form feeds: its page feet are followed by a page break.
    form_feeds: bool,
}

impl Ahead {
    /// The most lines a footnote's continuation may run over at a page's foot.
    const MAX_FOOT_LINES: usize = 6;
    /// The most lines, blank ones included, from a footnote's continuation to its page's end.
    const MAX_FOOT_SPAN: usize = 40;

    fn new(doc: &Document<'_>, lines: &[Line], letter_end: usize) -> Self {
        let n = lines.len();
        let (mut page_end, mut next_label) = (vec![n; n], vec![n; n]);
        let (mut end, mut label) = (n, n);
        for (i, line) in lines.iter().enumerate().rev() {
            // A line that starts a page ends the page before it.
            if line.label.is_some() {
                label = i;
            }
            if let (Some(e), Some(l)) = (page_end.get_mut(i), next_label.get_mut(i)) {
                (*e, *l) = (end, label);
            }
            if line.page_break || line.kind == LineKind::Rule || line.range.start >= letter_end {
                end = i;
            }
        }
        let mut start = 0;
        let page_start = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                if line.page_break || line.kind == LineKind::Rule {
                    start = i;
                }
                start
            })
            .collect();
        let (mut seen_label, mut body) = (false, false);
        let body_above_notes = lines
            .iter()
            .map(|line| {
                if line.page_break || line.kind == LineKind::Rule {
                    (seen_label, body) = (false, false);
                }
                if line.label.is_some() {
                    seen_label = true;
                } else if line.kind == LineKind::Text && !seen_label {
                    body = true;
                }
                body && seen_label
            })
            .collect();
        Ahead {
            page_end,
            page_start,
            body_above_notes,
            open_end: lines
                .iter()
                .map(|l| l.kind == LineKind::Text && leaves_open(doc.slice(l.range.clone())))
                .collect(),
            letter_end_line: lines
                .iter()
                .position(|l| l.range.start >= letter_end)
                .unwrap_or(n),
            next_label,
            blank: lines.iter().map(|l| l.kind != LineKind::Text).collect(),
            form_feeds: lines.iter().any(|l| l.page_break),
        }
    }

    /// Whether line `i` starts a block of the page's foot: a few lines that run to the next
    /// footnote of the same page or, in a text with form feeds, to the page's end (the
    /// letter's end ends a page too). Body text never stands between two footnotes of a page,
    /// nor after them. A blank line may stand inside the block only after a line that leaves
    /// a footnote unfinished (`… must first notify the` / blank line / `Commission.`).
    fn foot_of_page(&self, i: usize) -> bool {
        let (Some(&end), Some(&label)) = (self.page_end.get(i), self.next_label.get(i)) else {
            return false;
        };
        let stop = if label < end {
            label
        } else if self.form_feeds || end >= self.letter_end_line {
            end
        } else {
            return false;
        };
        let (mut text_lines, mut open, mut closed_gap) = (0, false, false);
        for j in i..stop {
            if j - i > Self::MAX_FOOT_SPAN {
                return false;
            }
            match (self.blank.get(j), self.open_end.get(j)) {
                (Some(true), _) => closed_gap |= !open,
                (Some(false), Some(&ends_open)) if !closed_gap => {
                    text_lines += 1;
                    open = ends_open;
                }
                _ => return false,
            }
        }
        text_lines <= Self::MAX_FOOT_LINES
    }

    /// Whether the block from line `i` runs to a footnote label on the same page (as
    /// [`Ahead::foot_of_page`] measures it).
    fn before_label(&self, i: usize) -> bool {
        matches!((self.page_end.get(i), self.next_label.get(i)), (Some(end), Some(label)) if label < end)
    }

    /// Whether line `i`'s page set body text above its first footnote: its footnotes stand at
    /// its foot, not at its top (as a copy that prints a page's notes after the page break).
    /// Only in a text whose pages end with form feeds: without them, the letter's end is no
    /// page's foot (an excerpt may stop in the next page's text).
    fn notes_below_body(&self, i: usize) -> bool {
        self.form_feeds && self.body_above_notes.get(i).copied().unwrap_or(false)
    }

    /// Whether line `i` starts a block below other text of its page: a blank line before it,
    /// and text before that since the page began.
    fn below_text(&self, i: usize) -> bool {
        let Some(&start) = self.page_start.get(i) else {
            return false;
        };
        let before = self.blank.get(start..i).unwrap_or(&[]);
        before.last() == Some(&true) && before.contains(&false)
    }
}

#[derive(Debug, Default)]
struct Walker {
    /// A blank line came after the last footnote line.
    note_gap: bool,
    /// The last footnote was cut mid-sentence (by a page break, or by body text at the foot
    /// of a copy that prints footnotes where their page ended): its rest may come later.
    open_note: bool,
    /// The last line that was not blank is a page rule.
    after_rule: bool,
    /// The last paragraph may take the next line (no blank line since).
    open: bool,
    /// A page rule or footnote block came after the last body line.
    broken: bool,
    /// Inside a footnote's text.
    in_footnote: bool,
    /// Text lines after the closing.
    closing_lines: Vec<(Range<usize>, bool)>,
    /// A page began since the last line after the closing.
    page_since: bool,
    /// The indent of the last body line.
    indent: usize,
    /// The indent of the last paragraph's first line, when that paragraph is a list item.
    item_indent: Option<usize>,
    /// The last body line started a paragraph that is no list item: an indented first line,
    /// from which the next line returns to the margin.
    lead_line: bool,
}

impl Walker {
    /// Adds a body line (its indent and the next line's, when that is text of the same block)
    /// to the last paragraph or starts a new one.
    fn body_line(
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
        let outdent = indent + 2 < self.indent && !last_unfinished && !self.lead_line;
        // A list item's hanging indent goes on after a page break or footnotes: a line set
        // deeper than the item's first line, at about the indent of the item's last line
        // (pdftotext may map a page's columns a little differently; any deeper indent when
        // the item has one line), and not the first line of a paragraph (whose next line
        // would return to the margin).
        let hanging = self.item_indent.is_some_and(|first| {
            indent > first
                && (indent.abs_diff(self.indent) <= 3 || self.indent == first)
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
