//! The signatory block after the closing.
//!
//! ```text
//! Kristi Thompson
//! Division Chief
//! Telecommunications Consumers Division
//! Enforcement Bureau
//! Federal Communications Commission
//! ```

use crate::model::Signatory;
use crate::text::{regex, squash};
use std::ops::Range;

/// Reads the block's lines: a name, then title, division and bureau in any order; a line
/// may hold several, comma-separated (`Chief, Enforcement Bureau`).
pub(crate) fn signatory<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<Signatory> {
    let mut lines = lines.into_iter().skip_while(|l| is_signature_image(l));
    let name = squash(lines.next()?);
    if name.is_empty() {
        return None;
    }
    let mut s = Signatory {
        name,
        title: None,
        division: None,
        bureau: None,
    };
    for part in lines
        .flat_map(|l| l.split(','))
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let slot = if part.ends_with("Division") {
            &mut s.division
        } else if part.ends_with("Bureau") {
            &mut s.bureau
        } else if part.ends_with("Commission") || part == "FCC" {
            continue;
        } else {
            &mut s.title
        };
        if slot.is_none() {
            *slot = Some(squash(part));
        }
    }
    Some(s)
}

/// Whether a line above the name stands for the signature image: `[signature]`, `/s/`, or
/// a converter's description of it (`A cursive signature, partly illegible, …`).
fn is_signature_image(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('[')
        || line.starts_with("/s/")
        || line.split_whitespace().count() > 6
        || line.to_ascii_lowercase().contains("signature")
}

/// Whether `word` may be part of a signer's name: a capitalised word of letters (`Egal`,
/// `O'Neil`, `Smith-Jones`) or an initial (`A.`), not a word that ends a sentence (`Thompson.`).
fn is_name_word(word: &str) -> bool {
    let initial = word.len() == 2 && word.ends_with('.');
    word.starts_with(|c: char| c.is_uppercase())
        && (initial || !word.ends_with('.'))
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// The closing of a copy whose lines were collapsed: `Sincerely,` and the like, or an
/// order's `FEDERAL COMMUNICATIONS COMMISSION` above its signer (the last one, and not the
/// caption's `Before the FEDERAL COMMUNICATIONS COMMISSION`).
pub(crate) fn collapsed_closing(text: &str) -> Option<Range<usize>> {
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
pub(crate) fn collapsed_block(text: &str, start: usize, notes: &[Range<usize>]) -> String {
    /// The most text read for the block and the last page's footnotes.
    const MAX_BLOCK: usize = 3000;
    let mut end = crate::layout::inline_attachment_start(text)
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

/// The signatory of a copy whose lines were collapsed: the text after `Sincerely,`, e.g. `A
/// handwritten signature … to the right. Kristi Thompson Division Chief Telecommunications
/// Consumers Division Enforcement Bureau Federal Communications Commission`. The title is
/// found from a list; the name is the words just before it.
pub(crate) fn collapsed(text: &str) -> Option<Signatory> {
    let title = regex!(
        r"(?-u)\b(?:(?:Acting|Deputy|Assistant) )?(?:Division Chief|Bureau Chief|Chief|Attorney Advisor|Special Counsel|Director)\b"
    )
    .find(text)?;
    let before = text.get(..title.start())?;
    // The name is the run of capitalised words just before the title: not what stands for the
    // signature image (`[signature]`, `/s/`, a description ending `… to the right.`). A word
    // ending a sentence stops it, but a middle initial (`Loyaan A. Egal`) does not.
    let mut words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take_while(|w| is_name_word(w))
        .take(4)
        .collect();
    words.reverse();
    let name = words.join(" ");
    if name.is_empty() {
        return None;
    }
    let after = text.get(title.end()..)?;
    let named = |suffix: &str| {
        let re = regex!(r"(?-u)\b[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*? (Division|Bureau)\b");
        re.captures_iter(after)
            .find(|c| c.get(1).is_some_and(|m| m.as_str() == suffix))
            .and_then(|c| c.get(0))
            .map(|m| squash(m.as_str()))
    };
    Some(Signatory {
        name: squash(&name),
        title: Some(squash(title.as_str())),
        division: named("Division"),
        bureau: named("Bureau"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks() {
        type Want<'a> = Option<(&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>)>;
        let cases: &[(&[&str], Want)] = &[
            (
                &[
                    "Kristi Thompson",
                    "Division Chief",
                    "Telecommunications Consumers Division",
                    "Enforcement Bureau",
                    "Federal Communications Commission",
                ],
                Some((
                    "Kristi Thompson",
                    Some("Division Chief"),
                    Some("Telecommunications Consumers Division"),
                    Some("Enforcement Bureau"),
                )),
            ),
            (
                &["Loyaan A. Egal", "Chief, Enforcement Bureau"],
                Some((
                    "Loyaan A. Egal",
                    Some("Chief"),
                    None,
                    Some("Enforcement Bureau"),
                )),
            ),
            (&["Jane Roe"], Some(("Jane Roe", None, None, None))),
            // What stands for the signature image is not the name.
            (
                &["[signature]", "Jane Roe", "Chief"],
                Some(("Jane Roe", Some("Chief"), None, None)),
            ),
            (
                &["A cursive signature, partly illegible.", "Jane Roe"],
                Some(("Jane Roe", None, None, None)),
            ),
            (&[], None),
            (&["  "], None),
        ];
        for (lines, want) in cases {
            let got = signatory(lines.iter().copied());
            let got = got.as_ref().map(|s| {
                (
                    s.name.as_str(),
                    s.title.as_deref(),
                    s.division.as_deref(),
                    s.bureau.as_deref(),
                )
            });
            assert_eq!(got, *want, "{lines:?}");
        }
    }

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

    #[test]
    fn collapsed_blocks() {
        type Want<'a> = Option<(&'a str, &'a str, Option<&'a str>, Option<&'a str>)>;
        let cases: &[(&str, Want)] = &[
            (
                "A handwritten signature in black ink, appearing to read \"K. THOMPSON\", with a long horizontal flourish extending to the right. Kristi Thompson Division Chief Telecommunications Consumers Division Enforcement Bureau Federal Communications Commission",
                Some(("Kristi Thompson", "Division Chief", Some("Telecommunications Consumers Division"), Some("Enforcement Bureau"))),
            ),
            (
                "Loyaan A. Egal Chief Enforcement Bureau",
                Some(("Loyaan A. Egal", "Chief", None, Some("Enforcement Bureau"))),
            ),
            // What stands for the signature image is not part of the name.
            (
                "[signature] Loyaan A. Egal Chief Enforcement Bureau",
                Some(("Loyaan A. Egal", "Chief", None, Some("Enforcement Bureau"))),
            ),
            (
                "/s/ Patrick Webre Acting Chief Enforcement Bureau",
                Some(("Patrick Webre", "Acting Chief", None, Some("Enforcement Bureau"))),
            ),
            ("no title here", None),
            ("[signature] Chief", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = collapsed(text);
            let got = got.as_ref().map(|s| {
                (
                    s.name.as_str(),
                    s.title.as_deref().unwrap_or(""),
                    s.division.as_deref(),
                    s.bureau.as_deref(),
                )
            });
            assert_eq!(got, *want, "{text}");
        }
    }
}
