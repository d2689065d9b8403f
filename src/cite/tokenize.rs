//! Finds where citations may start with one regex of anchors, then hands each anchor to the
//! grammar of its family.

use super::{docket, reporter, short_form, statute, Grammar, Piece};
use crate::text::regex;

/// Every citation piece in `text`, in order, not yet resolved.
pub(super) fn pieces(text: &str) -> Vec<Piece> {
    let anchors = regex!(
        r"(?-u:\b)(?:U\.\s?S\.\s?C\.|USC|C\.\s?F\.\s?R\.|CFR|FCC\s+Rcd|Fed\.\s?Reg\.|Stat\.|WL\s[0-9]|Pub\.\s?L\.|Docket|File\s+Nos?\.|EB-[A-Z]|DA\s+[0-9]|FCC\s+[0-9]|[Ii]d\.|supra|[Ss]ections?\s+[0-9])"
    );
    let mut out: Vec<Piece> = Vec::with_capacity(text.len() / 128);
    let mut consumed = 0;
    for m in anchors.find_iter(text) {
        if m.start() < consumed {
            continue;
        }
        let anchor = m.as_str();
        // The grammar for this anchor, and where its citation starts.
        let (grammar, start): (Grammar, Option<usize>) = match anchor.as_bytes().first() {
            Some(b'U' | b'C') => (statute::code, number_before(text, m.start())),
            Some(b'F' | b'S' | b'W') if is_reporter(anchor) => {
                (reporter::reporter, number_before(text, m.start()))
            }
            Some(b'P') => (reporter::public_law, Some(m.start())),
            Some(b'D') if anchor.starts_with("Docket") => (docket::docket, Some(m.start())),
            Some(b'F') if anchor.starts_with("File") => (docket::file, Some(m.start())),
            Some(b'E') => (docket::bare_file, Some(m.start())),
            Some(b'D' | b'F') => (docket::document, Some(m.start())),
            Some(b'I' | b'i') => (short_form::id, Some(m.start())),
            Some(b's') if anchor.starts_with("supra") => (short_form::supra, Some(m.start())),
            Some(b's' | b'S') => (statute::prose, Some(m.start())),
            _ => continue,
        };
        let Some(start) = start.filter(|&s| s >= consumed) else {
            continue;
        };
        let before = out.len();
        match grammar(text, start, &mut out) {
            // A docket's bureau is read backwards and may reach into an earlier cite.
            Some(end) if out.get(before).is_some_and(|p| p.range.start >= consumed) => {
                consumed = end
            }
            _ => out.truncate(before),
        }
    }
    out
}

fn is_reporter(anchor: &str) -> bool {
    anchor.starts_with("FCC") && anchor.ends_with("Rcd")
        || anchor.starts_with("Fed")
        || anchor.starts_with("Stat")
        || anchor.starts_with("WL")
}

/// The start of the number (title, volume or year) that stands, after whitespace, before
/// `at`: `47` in `47 CFR`, `35` in `35 FCC Rcd`.
pub(super) fn number_before(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?;
    let trimmed = before.trim_end_matches(char::is_whitespace);
    if trimmed.len() == before.len() {
        return None;
    }
    let digits = trimmed.len() - trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let start = trimmed.len() - digits;
    let glued = trimmed
        .get(..start)
        .and_then(|s| s.chars().next_back())
        .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '-');
    (1..=4)
        .contains(&digits)
        .then_some(start)
        .filter(|_| !glued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_before_anchors() {
        let cases = [
            ("47 CFR", 3, Some(0)),
            ("see 35 FCC", 7, Some(4)),
            ("47CFR", 2, None),
            ("CFR", 0, None),
            ("12345 CFR", 6, None),
            ("1.47 CFR", 5, None),
            ("a 47\u{a0}CFR", 6, Some(2)),
        ];
        for (text, at, want) in cases {
            assert_eq!(number_before(text, at), want, "{text}");
        }
    }
}
