//! Copies whose line breaks were collapsed: footnote bodies inlined in the text, running
//! headers and where Attachment A starts.

use super::*;

/// An inlined footnote body ends after this many sentences of plain prose since its last
/// citation: body text is certain by then.
const MAX_PROSE_SENTENCES: usize = 3;

/// A run-in heading (`Actions You Should Take Now.`) has this many words.
const HEADING_WORDS: std::ops::RangeInclusive<usize> = 2..=8;

/// Whether a sentence of a footnote cites something.
pub(super) fn cites(sentence: &str) -> bool {
    regex!(r"§|(?-u:\b)(?:U\.S\.C\.|C\.?F\.?R(?-u:\b)|Id\.|[Ss]ee(?-u:\b)|supra(?-u:\b)|DA [0-9]{2}-[0-9])|FCC Rcd|Fed\. Reg\.|Docket No\.|https?://|\((?:[A-Z][a-z]{2,8}\.? [0-9]{1,2}, )?[0-9]{4}\)")
        .is_match(sentence)
}

/// Where an inlined footnote body `number` starts at or after `from` (before `limit`): the
/// number alone as a word, after a space and not after a word that takes a number (`para.`,
/// `§`, `section`), before a capital, digit or quotation mark. Returns the number's start and
/// the body text's start.
pub(super) fn inline_body_start(
    text: &str,
    number: u32,
    from: usize,
    limit: usize,
) -> Option<(usize, usize)> {
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
pub(super) fn inline_body_end(
    doc: &Document<'_>,
    start: usize,
    next: Option<u32>,
    (limit, cut_short): (usize, bool),
) -> usize {
    let text = doc.text.as_str();
    let region = text.get(start..limit).unwrap_or("");
    let mut sentence_start = start;
    let mut tally = Tally::default();
    // The stop closes the last sentence, an abbreviation's period included (`… Id.`, `et seq.`).
    let tail_end = ends_sentence(region).then(|| start + region.trim_end().len());
    let periods = region
        .match_indices('.')
        .map(|(i, _)| (start + i, false))
        .chain(tail_end.map(|e| (e, true)));
    for (dot, at_stop) in periods {
        let end = match at_stop {
            true => dot,
            false => match sentence_end(text, sentence_start.max(start), dot, limit, next) {
                Some(end) => end,
                None => continue,
            },
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
        let marked = doc
            .marks
            .iter()
            .any(|m| (sentence_start..=end).contains(&m.at));
        if marked || is_heading(sentence) {
            return tally.settle(sentence_start);
        }
        if cites(sentence) {
            (tally.last_cite, tally.prose) = (Some(end), 0);
        } else {
            tally.prose += 1;
        }
        tally.first_end.get_or_insert(end);
        let resumed = after.trim_start();
        // At the stop, or a list item or heading at the top of the next page, possibly after
        // the rest of the interrupted paragraph.
        if at_stop || starts_block(resumed) {
            return tally.settle(end);
        }
        if resumed.starts_with(char::is_lowercase) || starts_number(resumed, next) {
            return end;
        }
        if tally.prose >= MAX_PROSE_SENTENCES {
            return tally.last_cite.or(tally.first_end).unwrap_or(end);
        }
        sentence_start = end;
    }
    if cut_short {
        // A copy that stops mid-sentence before its closing: the rest may be the body's.
        return tally.last_cite.unwrap_or(limit);
    }
    // No sentence ends before the stop: what follows the last one is not the body's.
    tally.last_cite.or(tally.first_end).unwrap_or(limit)
}

/// What an inlined footnote body has shown so far, sentence by sentence.
#[derive(Debug, Default)]
struct Tally {
    /// The end of its last sentence that cites something.
    last_cite: Option<usize>,
    /// The end of its first sentence.
    first_end: Option<usize>,
    /// Sentences of plain prose since the last that cites.
    prose: usize,
}

impl Tally {
    /// Where the body ends when body text is certain at `at`: there, unless plain prose came
    /// since its last citation (then after that citation, or after its first sentence).
    fn settle(&self, at: usize) -> usize {
        match self.prose {
            0 => at,
            _ => self.last_cite.or(self.first_end).unwrap_or(at),
        }
    }
}

/// Where the sentence that started at `sentence_start` ends, for the period at `dot`: after
/// the period and any closing quotes or parentheses; `None` when the period ends an
/// abbreviation or an initial, not the sentence (`para.`, `Loyaan A. Egal`), though a
/// citation's closing `Id.` or `seq.` ends one unless the citation goes on (`Id. at 7630`).
fn sentence_end(
    text: &str,
    sentence_start: usize,
    dot: usize,
    limit: usize,
    next: Option<u32>,
) -> Option<usize> {
    let word = text
        .get(sentence_start..dot)
        .and_then(|b| b.rsplit([' ', '(', '\n']).next())
        .unwrap_or("");
    let single_initial = word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
    // `… see also id. 6 You are …`, `… Id. Any voice …`, `… see also id. traffic.`: a
    // citation's closing abbreviation ends the sentence unless the citation goes on
    // (`Id. at 7630`, `Id. § 64.1200(n)(6)`, `id., para. 4`).
    let resumed = text.get(dot + 1..limit).unwrap_or("").trim_start();
    let cite_goes_on = ["at ", "§", "para", "¶", ",", ";", "(", "n.", "note"]
        .iter()
        .any(|w| resumed.starts_with(w));
    let closes = starts_number(resumed, next)
        || (["Id", "id", "seq"].contains(&word) && (!cite_goes_on || starts_block(resumed)));
    if (is_abbreviation(word) || single_initial) && !closes {
        return None;
    }
    let closers = text
        .get(dot + 1..limit)
        .unwrap_or("")
        .chars()
        .take_while(|c| matches!(c, '"' | '”' | '’' | ')'))
        .map(char::len_utf8)
        .sum::<usize>();
    Some(dot + 1 + closers)
}

/// Whether `text` starts with footnote number `next` and a space (`2 See …`).
pub(super) fn starts_number(text: &str, next: Option<u32>) -> bool {
    next.is_some_and(|n| {
        text.strip_prefix(n.to_string().as_str())
            .is_some_and(|r| r.starts_with(' '))
    })
}

/// Whether a sentence is a run-in heading: at most eight words, each capitalised but for short
/// ones (`Actions You Should Take Now.`, `Consequences for Failure to Comply.`, `Why You Are
/// Receiving This Notification.`), and no citation.
pub(super) fn is_heading(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    HEADING_WORDS.contains(&words.len())
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
pub(super) fn starts_block(resumed: &str) -> bool {
    is_list_item(resumed) || regex!(r"^(?:[a-z]|[IVX]{1,4})\. [A-Z]").is_match(resumed)
}

/// Footnote bodies inlined in the text, for marks that have no footnote of their own. The
/// FCC's one-line `.txt` renditions print each page's footnotes where the page ended, in the
/// middle of a sentence: `… to prevent 1 See 47 CFR § 64.1200(k)(4). customers from using …`.
/// The last page's footnotes follow the signature block (`… Enforcement Bureau 5 See 47 CFR
/// § 64.1200(k)(4). ATTACHMENT A Customer …`). Each body becomes a footnote and is cut out of
/// the paragraph it interrupted, and so is an order's running header (`Federal Communications
/// Commission DA 24-886`) repeated at the top of each page.
pub(super) fn inline_footnotes(doc: &Document<'_>, out: &mut Parts, letter_end: usize) {
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
pub(super) fn inline_attachment_start(text: &str) -> Option<usize> {
    find_words(text, crate::cues::ATTACHMENT).find(|&at| {
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
            .get(crate::cues::ATTACHMENT.len()..)
            .map(str::trim_start)
            .and_then(|r| r.get(1..))
            .is_some_and(|r| r.trim_start().starts_with(crate::cues::AGENCY));
        title && !header && is_attachment_title(rest.get(..rest.len().min(80)).unwrap_or(rest))
    })
}

/// An order's running header repeated at the top of each page after the first, in a copy
/// whose line breaks were collapsed: the text opens with it (`Federal Communications
/// Commission DA 23-279 Before the …`, as DA 23-279 does) and each later page starts with
/// the same words. Returns the ranges of the repetitions before `end`.
pub(super) fn running_headers(text: &str, end: usize) -> Vec<Range<usize>> {
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
pub(super) fn page_stops(text: &str, end: usize, furniture: &[Range<usize>]) -> Vec<usize> {
    let region = text.get(..end).unwrap_or("");
    let mut stops: Vec<usize> = crate::cues::CLOSINGS
        .iter()
        .chain(&[crate::cues::ORDER_CLOSING, crate::cues::NOTICE_CLOSING])
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
pub(super) fn split_run_on_footnotes(doc: &Document<'_>, notes: &mut Vec<FootnoteText>) {
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

/// The closing of a copy whose lines were collapsed: `Sincerely,` and the like, or an
/// order's `FEDERAL COMMUNICATIONS COMMISSION` above its signer (the last one, and not the
/// caption's `Before the FEDERAL COMMUNICATIONS COMMISSION`).
pub(super) fn collapsed_closing(text: &str) -> Option<Range<usize>> {
    crate::cues::first_closing(text).or_else(|| {
        let closing = crate::cues::ORDER_CLOSING;
        let at = text.rfind(closing)?;
        let caption = text.get(..at)?.trim_end().ends_with("Before the");
        (!caption).then_some(at..at + closing.len())
    })
}

/// The signature block of a collapsed copy: the text from `start` (after the closing) to the
/// attachment, without the footnote bodies `notes` printed at the last page's foot, before or
/// after the block (`FEDERAL COMMUNICATIONS COMMISSION 4 See 47 CFR § 64.1200(k)(4). Loyaan
/// A. Egal Chief Enforcement Bureau`), nor their numbers.
pub(super) fn collapsed_block(text: &str, start: usize, notes: &[Range<usize>]) -> String {
    /// The most text read for the block and the last page's footnotes.
    const MAX_BLOCK: usize = 3000;
    let mut end = inline_attachment_start(text)
        .filter(|&a| a > start)
        .unwrap_or(text.len())
        .min(start.saturating_add(MAX_BLOCK));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut block = String::new();
    let mut at = start;
    let first = notes.partition_point(|n| n.end <= start);
    let inside = notes
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|n| n.start < end);
    for note in inside.chain(std::iter::once(&(end..end))) {
        let piece = text.get(at..note.start.max(at)).unwrap_or("");
        // The footnote's number stands before its body.
        let piece = match note.start < end {
            true => piece
                .trim_end()
                .trim_end_matches(|c: char| c.is_ascii_digit()),
            false => piece,
        };
        if !piece.trim().is_empty() {
            block.push_str(piece.trim());
            block.push(' ');
        }
        at = note.end.max(at);
    }
    block.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsed_closings_and_blocks() {
        // (text, closing, footnote bodies, block)
        type Case<'a> = (&'a str, Option<&'a str>, &'a [&'a str], &'a str);
        let cases: &[Case] = &[
            (
                "Thank you. Sincerely, [signature] Jane Roe Chief Enforcement Bureau 4 See 47 CFR § 64.1200(k)(4). ATTACHMENT A Customer Date",
                Some("Sincerely,"),
                &["See 47 CFR § 64.1200(k)(4)."],
                "[signature] Jane Roe Chief Enforcement Bureau",
            ),
            // An order: the caption's name is not the closing; footnotes before the signer.
            (
                "Before the FEDERAL COMMUNICATIONS COMMISSION Washington ORDERED. FEDERAL COMMUNICATIONS COMMISSION 3 Letter from Loyaan A. Egal, Chief, FCC Enforcement Bureau (2024). Patrick Webre Acting Chief Enforcement Bureau",
                Some("FEDERAL COMMUNICATIONS COMMISSION"),
                &["Letter from Loyaan A. Egal, Chief, FCC Enforcement Bureau (2024)."],
                "Patrick Webre Acting Chief Enforcement Bureau",
            ),
            (
                "Before the FEDERAL COMMUNICATIONS COMMISSION Washington -FCC-",
                None,
                &[],
                "",
            ),
        ];
        for (text, closing, notes, block) in cases {
            let found = collapsed_closing(text);
            assert_eq!(found.clone().and_then(|r| text.get(r)), *closing, "{text}");
            let Some(found) = found else { continue };
            let notes: Vec<Range<usize>> = notes
                .iter()
                .filter_map(|n| text.find(n).map(|at| at..at + n.len()))
                .collect();
            assert_eq!(collapsed_block(text, found.end, &notes), *block, "{text}");
        }
    }
}
