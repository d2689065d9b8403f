//! The header of an aligned table, its cells wrapped over up to three lines.

use super::super::cells::*;
use crate::layout::table::{column_kind, SYNONYMS};
use crate::model::ColumnKind;
use crate::source::{Document, LineKind};

/// A header cell of an aligned table: its character columns, kind and text.
pub(super) type HeaderCell = (usize, usize, ColumnKind, String);

/// The header of an aligned table: the first run of one to three lines whose cells, joined
/// down each column (`Date of` / `Call`, `Caller` / `ID`), name at least three known columns;
/// of the runs starting at a line, the one naming the most. Returns where it starts, its
/// number of lines and its cells.
pub(super) fn header_block(
    doc: &Document<'_>,
    lines: &[crate::source::Line],
) -> Option<(usize, usize, Vec<HeaderCell>)> {
    const MAX_HEADER_LINES: usize = 3;
    for (i, line) in lines.iter().enumerate() {
        if line.kind != LineKind::Text {
            continue;
        }
        let mut best: Option<(usize, usize, Vec<HeaderCell>)> = None;
        for len in 1..=MAX_HEADER_LINES {
            let Some(block) = lines.get(i..i + len) else {
                break;
            };
            if block
                .iter()
                .any(|l| l.kind != LineKind::Text || !could_be_header(doc.slice(l.range.clone())))
                || block.iter().skip(1).any(|l| l.page_break)
            {
                break;
            }
            let cells = header_cells(doc, block);
            let known = cells.iter().filter(|c| c.2 != ColumnKind::Other).count();
            let better = best.as_ref().is_none_or(|(k, _, b)| {
                let other = |cells: &[HeaderCell]| {
                    cells.iter().filter(|c| c.2 == ColumnKind::Other).count()
                };
                known > *k || (known == *k && other(&cells) < other(b))
            });
            if known >= 3 && better {
                best = Some((known, len, cells));
            }
        }
        if let Some((_, len, cells)) = best {
            return Some((i, len, cells));
        }
    }
    None
}

/// Whether a line is short enough to be a line of a table's header: at most
/// [`MAX_HEADER_CELLS`] runs of text in at most [`MAX_HEADER_LINE`] bytes.
fn could_be_header(text: &str) -> bool {
    text.len() <= MAX_HEADER_LINE && columns_of(text, 0).len() <= MAX_HEADER_CELLS
}

/// The longest line of a table's header, in bytes (a page is about a hundred characters wide).
const MAX_HEADER_LINE: usize = 500;

/// The most runs of text a line of a table's header sets (Attachment A has six columns).
const MAX_HEADER_CELLS: usize = 24;

/// A run of header text that is two or more known headers set one space apart (`Call Date
/// Calling Number`, `Upstream Provider Date of Call ANI Dialed Number`), split into them: the
/// longest known header at each word, or the first words of one that wraps. Each piece is
/// (character offset, character length, text). `None` when the run is one header or holds an
/// unknown word.
pub(super) fn segment_header(text: &str) -> Option<Vec<(usize, usize, String)>> {
    if column_kind(text) != ColumnKind::Other {
        return None;
    }
    // The words with their character offsets.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut byte_start = None;
    for (i, (byte, c)) in text.char_indices().enumerate() {
        match (c.is_whitespace(), byte_start) {
            (false, None) => byte_start = Some((byte, i)),
            (true, Some((b, ci))) => {
                words.push((ci, text.get(b..byte)?));
                byte_start = None;
            }
            _ => {}
        }
    }
    if let Some((b, ci)) = byte_start {
        words.push((ci, text.get(b..)?));
    }
    const LONGEST_HEADER: usize = 4;
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let phrase = |n: usize| -> Vec<&str> {
            words
                .get(i..i + n)
                .unwrap_or(&[])
                .iter()
                .map(|w| w.1)
                .collect()
        };
        let most = LONGEST_HEADER.min(words.len() - i);
        // The longest run of words that is a whole header or the first words of one wrapped
        // onto the next line (`Upstream` / `Provider`; `Date of` / `Call`, not `Date`).
        let n = (1..=most).rev().find(|&n| {
            column_kind(&phrase(n).join(" ")) != ColumnKind::Other || starts_header(&phrase(n))
        })?;
        let (first, _) = words.get(i)?;
        let (last_at, last) = words.get(i + n - 1)?;
        let len = last_at + last.chars().count() - first;
        let phrase: Vec<&str> = words.get(i..i + n)?.iter().map(|w| w.1).collect();
        pieces.push((*first, len, phrase.join(" ")));
        i += n;
    }
    (pieces.len() >= 2).then_some(pieces)
}

/// Whether `words` are the first words of a longer known header.
pub(super) fn starts_header(words: &[&str]) -> bool {
    SYNONYMS.iter().any(|(synonym, _)| {
        let mut theirs = synonym.split(' ');
        let prefix = words
            .iter()
            .all(|a| theirs.next().is_some_and(|b| a.eq_ignore_ascii_case(b)));
        prefix && theirs.next().is_some()
    })
}

/// The cells of a header set over `block`'s lines: each line's runs, grouped down the page
/// where their columns overlap, their words joined in line order.
pub(super) fn header_cells<'l>(
    doc: &Document<'_>,
    block: impl IntoIterator<Item = &'l crate::source::Line>,
) -> Vec<HeaderCell> {
    let mut cells: Vec<(usize, usize, String)> = Vec::new();
    for line in block {
        let by_column = LineCols::new(doc, line);
        let runs = columns_of(by_column.text(), line.indent)
            .into_iter()
            .filter_map(|(a, b)| {
                let (text, _) = by_column.slice(a, b)?;
                Some((a, b, text))
            })
            .flat_map(|(a, b, text)| match segment_header(&text) {
                // Cells one space apart: `Upstream Provider Date of Call ANI`.
                Some(pieces) => pieces
                    .into_iter()
                    .map(|(at, len, piece)| (a + at, a + at + len, piece))
                    .collect(),
                None => vec![(a, b, text)],
            });
        for (a, b, text) in runs {
            let above: Vec<usize> = (0..cells.len())
                .filter(|&k| cells.get(k).is_some_and(|(ca, cb, _)| *ca < b && a < *cb))
                .collect();
            if above.len() >= 2 {
                // A wrapped line under two or more cells (`Caller Called` / `ID Number`): each
                // word goes to one of them.
                let words = words_at(&text, a);
                if let Some(choice) = split_among(&cells, &above, &words) {
                    for ((wa, wb, word), k) in words.iter().zip(choice) {
                        if let Some((ca, cb, t)) = above.get(k).and_then(|&i| cells.get_mut(i)) {
                            (*ca, *cb) = ((*ca).min(*wa), (*cb).max(*wb));
                            t.push(' ');
                            t.push_str(word);
                        }
                    }
                    continue;
                }
            }
            match above.first().and_then(|&k| cells.get_mut(k)) {
                Some((ca, cb, words)) => {
                    (*ca, *cb) = ((*ca).min(a), (*cb).max(b));
                    words.push(' ');
                    words.push_str(&text);
                }
                None => cells.push((a, b, text)),
            }
        }
    }
    cells.sort_by_key(|c| c.0);
    cells
        .into_iter()
        .map(|(a, b, text)| (a, b, column_kind(&text), text))
        .collect()
}

/// The words of `text` (set from character column `at`) as `(start, end, word)` columns.
pub(super) fn words_at(text: &str, at: usize) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte, column)
    let mut col = at;
    for (byte, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some((byte, col)),
            (true, Some((b, s))) => {
                out.extend(text.get(b..byte).map(|w| (s, col, w)));
                start = None;
            }
            _ => {}
        }
        col += 1;
    }
    if let Some((b, s)) = start {
        out.extend(text.get(b..).map(|w| (s, col, w)));
    }
    out
}

/// How to share `words`, a wrapped header line's run, among the header cells `targets`
/// (indices into `cells`, left to right) that it lies under: for each word, its target's
/// position in `targets`, in order. The sharing that makes the most cells known headers wins
/// (`Caller` + `ID`, `Called` + `Number`, not `Caller` + `ID Number`), then the one whose words
/// lie most under their cells. `None` when there are too many words or cells to try.
pub(super) fn split_among(
    cells: &[(usize, usize, String)],
    targets: &[usize],
    words: &[(usize, usize, &str)],
) -> Option<Vec<usize>> {
    const MAX_WORDS: usize = 8;
    const MAX_TARGETS: usize = 4;
    if words.is_empty() || words.len() > MAX_WORDS || targets.len() > MAX_TARGETS {
        return None;
    }
    let score = |choice: &[usize]| {
        let known = targets
            .iter()
            .enumerate()
            .filter(|&(t, &k)| {
                let Some((_, _, text)) = cells.get(k) else {
                    return false;
                };
                let mut joined = text.clone();
                for (w, _) in words.iter().zip(choice).filter(|(_, &c)| c == t) {
                    joined.push(' ');
                    joined.push_str(w.2);
                }
                column_kind(&joined) != ColumnKind::Other
            })
            .count();
        let overlap: isize = words
            .iter()
            .zip(choice)
            .filter_map(|(&(wa, wb, _), &t)| {
                let (ca, cb, _) = cells.get(*targets.get(t)?)?;
                Some(wb.min(*cb) as isize - wa.max(*ca) as isize)
            })
            .sum();
        (known, overlap)
    };
    // Every non-decreasing choice of target per word (at most C(11, 3) of them).
    let mut choice = vec![0; words.len()];
    let mut best: Option<((usize, isize), Vec<usize>)> = None;
    loop {
        let s = score(&choice);
        if best.as_ref().is_none_or(|(b, _)| s > *b) {
            best = Some((s, choice.clone()));
        }
        // The next non-decreasing sequence: bump the last position that can go up, and set
        // those after it to its new value.
        let Some(i) = (0..choice.len())
            .rev()
            .find(|&i| choice.get(i).is_some_and(|&c| c + 1 < targets.len()))
        else {
            break;
        };
        let next = choice.get(i).map_or(0, |c| c + 1);
        for c in choice.iter_mut().skip(i) {
            *c = next;
        }
    }
    best.map(|(_, choice)| choice)
}
