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
