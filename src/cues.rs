//! Cue words shared by the layout and the extractors: one list each, so that every reader of
//! a letter agrees on what closes it and what kind of document it is.

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

/// The agency's name, as letterheads, running headers and signature blocks print it.
pub(crate) const AGENCY: &str = "Federal Communications Commission";

/// The word a letter's greeting starts with (`Dear Mr. Luna,`).
pub(crate) const SALUTATION: &str = "Dear";

/// The openings that end an order's header where a letter has its salutation.
pub(crate) const ORDER_OPENINGS: [&str; 2] = [
    "By the Chief, Enforcement Bureau:",
    "By the Acting Chief, Enforcement Bureau:",
];

/// The word that titles an attachment (`ATTACHMENT A`, `Attachment B – Calls`), any case.
pub(crate) const ATTACHMENT: &str = "attachment";

/// How the text refers to the table of calls it should carry.
pub(crate) const ATTACHMENT_A: &str = "Attachment A";

/// Whether `line` is an attachment's title: the word ([`ATTACHMENT`], any case), whitespace
/// and a one-character name, then nothing or a caption (`– Calls`, `: Calls`, `Calls`); a
/// sentence that wrapped to start with `Attachment A.` or `Attachment A to the Notice` is
/// not a title.
pub(crate) fn is_attachment_title(line: &str) -> bool {
    let Some(rest) = line
        .get(..ATTACHMENT.len())
        .filter(|h| h.eq_ignore_ascii_case(ATTACHMENT))
        .and_then(|_| line.get(ATTACHMENT.len()..))
    else {
        return false;
    };
    let name = rest.trim_start();
    let mut chars = name.chars();
    let named = name.len() < rest.len() && chars.next().is_some_and(|c| c.is_ascii_alphanumeric());
    let after = chars.as_str();
    let caption = after.trim_start();
    named
        && (after.is_empty()
            || caption.starts_with(['–', '—', '-', ':'])
            || (after.starts_with(char::is_whitespace) && caption.starts_with(char::is_uppercase)))
}

/// An order's caption title, in capitals: a Final Determination Order.
pub(crate) const FINAL_ORDER: &str = "FINAL DETERMINATION ORDER";

/// An order's caption title, in capitals: an Initial Determination Order.
pub(crate) const INITIAL_ORDER: &str = "INITIAL DETERMINATION ORDER";

/// A Notice of Suspected Illegal Traffic's subject line, in lower case.
pub(crate) const SUSPECTED_TRAFFIC: &str = "suspected illegal";

/// A public notice's title, in capitals.
pub(crate) const PUBLIC_NOTICE_TITLES: [&str; 2] = ["PUBLIC NOTICE", "NOTICE TO ALL"];

/// How a public notice speaks of itself in its first paragraphs.
pub(crate) const PUBLIC_NOTICE_BODY: &str = "this Public Notice";

/// What a cease-and-desist letter tells the provider to cease doing: `cease transmitting`.
const CEASE_VERBS: [&str; 5] = [
    "transmitting",
    "routing",
    "originating",
    "carrying",
    "accepting",
];

/// What a letter says the provider is apparently doing with illegal robocall traffic:
/// `apparently (routing and) originating … robocall traffic`.
const CARRY_VERBS: [&str; 3] = ["transmitting", "originating", "routing"];

/// Whether `paragraph` tells the provider to cease (`cease transmitting`, `cease and
/// desist`) or says it is apparently carrying robocall traffic (`apparently routing and
/// transmitting illegal robocall traffic`): any case, any whitespace, up to six words between
/// the verb and `robocall traffic`. A scan of the words after each `cease` and `apparently`.
pub(crate) fn tells_to_cease(paragraph: &str) -> bool {
    let text = paragraph.as_bytes();
    let at_start = |at: usize| at == 0 || text.get(at - 1).is_some_and(|&b| !is_word_byte(b));
    let ceases = crate::text::find_words(paragraph, "cease")
        .filter(|&at| at_start(at))
        .any(|at| {
            let Some(next) = spaces(text, at + "cease".len()) else {
                return false;
            };
            CEASE_VERBS
                .iter()
                .any(|v| whole_word(text, next, v).is_some())
                || word(text, next, "and")
                    .and_then(|i| spaces(text, i))
                    .is_some_and(|i| whole_word(text, i, "desist").is_some())
        });
    ceases
        || crate::text::find_words(paragraph, "apparently")
            .filter(|&at| at_start(at))
            .any(|at| spaces(text, at + "apparently".len()).is_some_and(|i| carries(text, i)))
}

/// After `apparently `: `(routing and) <verb> (up to six words) robocall traffic`.
fn carries(text: &[u8], at: usize) -> bool {
    let routing_and = word(text, at, "routing")
        .and_then(|i| spaces(text, i))
        .and_then(|i| word(text, i, "and"))
        .and_then(|i| spaces(text, i));
    [Some(at), routing_and].into_iter().flatten().any(|start| {
        CARRY_VERBS.iter().any(|v| {
            let Some(mut i) = word(text, start, v).and_then(|i| spaces(text, i)) else {
                return false;
            };
            for _ in 0..=6 {
                let traffic = word(text, i, "robocall")
                    .and_then(|j| spaces(text, j))
                    .and_then(|j| whole_word(text, j, "traffic"));
                if traffic.is_some() {
                    return true;
                }
                let run = text
                    .get(i..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'(' | b')' | b'-'))
                    .count();
                match spaces(text, i + run).filter(|_| run > 0) {
                    Some(next) => i = next,
                    None => return false,
                }
            }
            false
        })
    })
}

/// A regex word character (`\w` in ASCII): letters, digits, `_`.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `w`, any case, at `at`; where it ends.
fn word(text: &[u8], at: usize, w: &str) -> Option<usize> {
    let end = at + w.len();
    text.get(at..end)
        .filter(|s| s.eq_ignore_ascii_case(w.as_bytes()))
        .map(|_| end)
}

/// `w`, any case, at `at`, not followed by a word character; where it ends.
fn whole_word(text: &[u8], at: usize, w: &str) -> Option<usize> {
    word(text, at, w).filter(|&end| text.get(end).is_none_or(|&b| !is_word_byte(b)))
}

/// One or more ASCII whitespace bytes at `at`; where they end.
fn spaces(text: &[u8], at: usize) -> Option<usize> {
    let run = text
        .get(at..)
        .unwrap_or(&[])
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
        .count();
    (run > 0).then_some(at + run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cease_cues() {
        for yes in [
            "you must cease transmitting the traffic",
            "a CEASE AND DESIST letter",
            "is apparently routing and transmitting illegal robocall traffic",
            "apparently originating a large volume of robocall traffic",
        ] {
            assert!(tells_to_cease(yes), "{yes}");
        }
        for no in [
            "ceased operations",
            "apparently routing calls",
            "cease transmittingly",
        ] {
            assert!(!tells_to_cease(no), "{no}");
        }
        // The rule as a regular expression, on the edges of the scan.
        let rule = regex::Regex::new(&format!(
            r"(?i-u)\bcease\s+(?:{})\b|\bcease\s+and\s+desist\b|\bapparently\s+(?:routing\s+and\s+)?(?:{})\s+(?:[a-z0-9()-]+\s+){{0,6}}?robocall\s+traffic\b",
            CEASE_VERBS.join("|"),
            CARRY_VERBS.join("|"),
        ))
        .unwrap();
        for text in [
            "Apparently routing and transmitting a b c d e f robocall traffic.",
            "apparently routing and transmitting a b c d e f g robocall traffic",
            "apparently routing and routing robocall\ttraffic",
            "apparently   originating (illegal) re-routed robocall traffics",
            "_cease transmitting",
            "xcease and desist",
            "CEASE\nAND\nDESIST now",
            "cease and desisting",
            "apparently routing and a robocall traffic",
            "apparently routing robocall traffic",
            "apparently routing , robocall traffic",
            "cease",
            "",
        ] {
            assert_eq!(tells_to_cease(text), rule.is_match(text), "{text:?}");
        }
    }

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
