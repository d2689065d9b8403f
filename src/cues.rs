//! Cue words shared by the layout and the extractors: one list each, so that every reader of
//! a letter agrees on what closes it.

use std::ops::Range;

/// The closings of a letter before its signature, as written: distinctive enough to be found
/// inside running text (a copy whose line breaks were collapsed) as well as on a line of
/// their own.
pub(crate) const CLOSINGS: [&str; 4] = [
    "Sincerely,",
    "Respectfully submitted,",
    "Respectfully,",
    "Very truly yours,",
];

/// Closings taken only on a line of their own (inside prose they are just words).
const LINE_CLOSINGS: [&str; 2] = ["Regards,", "Best regards,"];

/// An order's closing: the Commission's name above the signer.
pub(crate) const ORDER_CLOSING: &str = "FEDERAL COMMUNICATIONS COMMISSION";

/// A public notice's closing mark.
pub(crate) const NOTICE_CLOSING: &str = "-FCC-";

/// Whether `line` (trimmed) is a closing on a line of its own: a letter's closing, its comma
/// optional and its case free, or an order's [`ORDER_CLOSING`].
pub(crate) fn is_closing_line(line: &str) -> bool {
    let line = line.strip_suffix(',').unwrap_or(line);
    line == ORDER_CLOSING
        || CLOSINGS
            .iter()
            .chain(&LINE_CLOSINGS)
            .any(|c| line.eq_ignore_ascii_case(c.trim_end_matches(',')))
}

/// The first letter closing in `text`, wherever it stands: one pass for all of [`CLOSINGS`]
/// (the earlier one listed wins where two start together: `Respectfully submitted,` over
/// `Respectfully,`).
pub(crate) fn first_closing(text: &str) -> Option<Range<usize>> {
    static ANY: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let any = ANY.get_or_init(|| {
        let alternatives: Vec<String> = CLOSINGS.iter().map(|c| regex::escape(c)).collect();
        crate::text::compile(&alternatives.join("|"))
    });
    any.find(text).map(|m| m.range())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closings() {
        for line in [
            "Sincerely,",
            "SINCERELY",
            "Respectfully submitted,",
            "Best regards,",
        ] {
            assert!(is_closing_line(line), "{line}");
        }
        assert!(is_closing_line(ORDER_CLOSING));
        for line in ["Sincerely yours truly,", "Regards to the Bureau", ""] {
            assert!(!is_closing_line(line), "{line}");
        }
        let text = "… Consortium. Respectfully, Sincerely, Jane Roe";
        assert_eq!(
            first_closing(text).and_then(|r| text.get(r)),
            Some("Respectfully,")
        );
        assert_eq!(first_closing("Best regards, Jane"), None);
    }
}
