//! The steps a letter tells the provider to take: a list after a lead-in that ends with a
//! colon, in any of the markers letters use.
//!
//! ```text
//! Actions You Should Take Now. R Squared should take the following steps to resolve this matter:
//! 1. Promptly investigate the transmissions identified above.
//! 2. If necessary, "effectively mitigate" the identified unlawful traffic by …
//! ```
//!
//! Items may be numbered (`1.`, `1)`, `(1)`), lettered (`a.`, `a)`, `(a)`) or bulleted (`•`,
//! `·`, `▪`, `-`, `*`), one paragraph each, several run together in one paragraph (a lettered
//! list whose lines the layout joined), or all inline after the lead-in in a collapsed copy
//! (`… to resolve this matter: a. Promptly investigate … b. Implement …`), where the last step
//! ends at the next run-in heading (`Consequences for Failure to Comply.`) or at the
//! paragraph's end. Numbered and lettered items count up from `1` or `a` without a gap.

use crate::text::squash;
use std::borrow::Cow;

/// How a list marks its items; every item of a list is marked alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `1.` `1)` `(1)`.
    Number(Shape),
    /// `a.` `a)` `(a)`; `upper` for `A.`.
    Letter { upper: bool, shape: Shape },
    /// `•`, `·`, `▪`, `-`, `*`: the glyph.
    Bullet(char),
}

/// The punctuation around an ordinal marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `1.`
    Dot,
    /// `1)`
    Close,
    /// `(1)`
    Paren,
}

/// A marker at the start of a text: its style, its ordinal (1 for `1.` or `a.`, 0 for a bullet)
/// and where the item's text starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    style: Style,
    ordinal: usize,
    text_start: usize,
}

/// Bullet glyphs; `-` and `*` only at the start of a paragraph or after a sentence end.
const GLYPHS: &[char] = &['•', '·', '▪', '◦', '‣'];

/// The marker `text` starts with, followed by whitespace and some text.
fn marker(text: &str) -> Option<Marker> {
    // Most words are no marker: a letter starts one only before `.` or `)`.
    if let [first, second, ..] = text.as_bytes() {
        if first.is_ascii_alphabetic() && !matches!(second, b'.' | b')') {
            return None;
        }
    }
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    let (style, ordinal, end) = if GLYPHS.contains(&first) || matches!(first, '-' | '*') {
        (Style::Bullet(first), 0, first.len_utf8())
    } else {
        let open = first == '(';
        let body = if open { text.get(1..)? } else { text };
        let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (ordinal, len, number) = match digits {
            1 | 2 => (body.get(..digits)?.parse::<usize>().ok()?, digits, true),
            0 => {
                let c = body.chars().next().filter(char::is_ascii_alphabetic)?;
                let ordinal = usize::from(c.to_ascii_lowercase() as u8 - b'a') + 1;
                (ordinal, 1, false)
            }
            _ => return None,
        };
        let after = body.get(len..)?;
        let shape = match (open, after.chars().next()?) {
            (true, ')') => Shape::Paren,
            (false, ')') => Shape::Close,
            (false, '.') => Shape::Dot,
            _ => return None,
        };
        let style = if number {
            Style::Number(shape)
        } else {
            Style::Letter {
                upper: first.is_ascii_uppercase()
                    || (open && body.starts_with(|c: char| c.is_ascii_uppercase())),
                shape,
            }
        };
        (style, ordinal, usize::from(open) + len + 1)
    };
    let rest = text.get(end..)?;
    let text_start = end + rest.len() - rest.trim_start().len();
    // Whitespace after the marker (a glyph may touch the text: `•Implement`), then the
    // item's text.
    let glued = matches!(style, Style::Bullet(c) if GLYPHS.contains(&c));
    ((text_start > end || glued) && text_start < text.len()).then_some(Marker {
        style,
        ordinal,
        text_start,
    })
}

/// Whether `m` is the item a list of `style` (if started) expects after `count` items.
fn continues(m: &Marker, style: Option<Style>, count: usize) -> bool {
    match style {
        None => matches!(m.style, Style::Bullet(_)) || m.ordinal == 1,
        Some(style) => m.style == style && (m.ordinal == 0 || m.ordinal == count + 1),
    }
}

/// Whether a marker may start inside a paragraph at byte `at` of `p` (after whitespace):
/// bullets from [`GLYPHS`] anywhere, other markers after a sentence or clause end, or before a
/// capitalised or quoted first word.
fn inline_start(p: &str, at: usize, m: &Marker) -> bool {
    let before = p.get(..at).unwrap_or("").trim_end();
    let after_end = before.ends_with(['.', ';', ':', '!', '?', '"', '”', '’', ')']);
    match m.style {
        Style::Bullet(c) if GLYPHS.contains(&c) => true,
        Style::Bullet(_) => after_end,
        _ => {
            after_end
                || p.get(at + m.text_start..).is_some_and(|t| {
                    t.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“'))
                })
        }
    }
}

/// A list being read: its style once the first item is seen, and the items' text ranges in
/// the paragraph being read.
#[derive(Default)]
struct List {
    style: Option<Style>,
    items: Vec<String>,
}

impl List {
    /// Reads the items of `p` from byte `from`, where a marker that continues the list stands
    /// (or the rest of the last item, cut by a page break or footnotes); every later marker
    /// that continues it, in one left-to-right pass over the words, starts the next item.
    fn read(&mut self, p: &str, from: usize) {
        let mut starts: Vec<(usize, usize)> = Vec::new();
        let mut at = from;
        while at < p.len() {
            let rest = p.get(at..).unwrap_or("");
            let found = marker(rest).filter(|m| {
                continues(m, self.style, self.items.len() + starts.len())
                    && (at == from || inline_start(p, at, m))
            });
            if let Some(m) = found {
                self.style = Some(m.style);
                starts.push((at, at + m.text_start));
            }
            // The next word: past this one and the whitespace after it.
            let word = crate::text::next_whitespace(rest).unwrap_or(rest.len());
            let gap = rest.get(word..).unwrap_or("");
            at += word + gap.len() - gap.trim_start().len();
            if word == 0 && gap.is_empty() {
                break;
            }
        }
        let first = starts.first().map_or(p.len(), |&(marker, _)| marker);
        if first > from {
            if let Some(last) = self.items.last_mut() {
                let rest = squash(p.get(from..first).unwrap_or(""));
                *last = squash(&format!("{last} {rest}"));
            }
        }
        let mut ends = starts.iter().skip(1).map(|&(marker, _)| marker);
        for &(_, text) in &starts {
            let end = ends.next().unwrap_or(p.len());
            self.items.push(squash(p.get(text..end).unwrap_or("")));
        }
    }

    /// Cuts the last item at a run-in heading that follows it; whether there was one.
    fn cut_last(&mut self) -> bool {
        let Some(last) = self.items.last_mut() else {
            return false;
        };
        let Some(end) = heading_start(last) else {
            return false;
        };
        let kept = last.get(..end).unwrap_or("").trim_end().to_owned();
        *last = kept;
        true
    }
}

/// The list of steps of a letter's body: after a paragraph that ends with a colon (`… should
/// take the following steps to resolve this matter:`, a footnote number after it allowed), run
/// inline after such a colon, or a numbered list `1.` … on its own; items in order, markers
/// dropped, whitespace squashed. Orders number their paragraphs: the caller reads actions of
/// letters only.
pub(crate) fn actions(body: &[Cow<'_, str>]) -> Vec<String> {
    for (i, p) in body.iter().enumerate() {
        let mut list = List::default();
        let inline = inline_lead(p);
        if let Some(from) = inline {
            list.read(p, from);
        } else if !ends_with_colon(p) {
            // A numbered list with no lead-in: `1. Promptly investigate …`.
            let q = p.trim_start();
            match marker(q) {
                Some(m) if m.style == Style::Number(Shape::Dot) && m.ordinal == 1 => {
                    list.read(q, 0);
                }
                _ => continue,
            }
        }
        // The items that follow, one paragraph each (or several run together).
        for q in body.get(i + 1..).unwrap_or(&[]) {
            let q = q.trim_start();
            let next = marker(q).is_some_and(|m| continues(&m, list.style, list.items.len()));
            let resumed = marker(q).is_none() && list.items.last().is_some_and(|l| resumes(l, q));
            if !next && !resumed {
                break;
            }
            list.read(q, 0);
        }
        let headed = list.cut_last();
        // A single step run inline is a list only when it starts a line of its own or a
        // run-in heading ends it.
        let own_line = inline.is_some_and(|from| {
            p.get(..from)
                .is_some_and(|b| b.trim_end_matches([' ', '\t']).ends_with('\n'))
        });
        let least = if inline.is_some() && !own_line && !headed {
            2
        } else {
            1
        };
        if list.items.len() >= least {
            return list.items.iter().map(|item| drop_marks(item)).collect();
        }
    }
    Vec::new()
}

/// An item's text without the footnote marks a copy left glued to its words (`… illegal
/// calls.4`, `… (2022)5 Then`): a number of one to three digits right after a word's closing
/// punctuation and before whitespace or the end. (`section 1.17 of` keeps its number: a digit
/// stands before the period.)
fn drop_marks(item: &str) -> String {
    let mut out = String::with_capacity(item.len());
    let mut from = 0;
    for (start, digits, before) in crate::text::short_numbers(item) {
        let letter_before = || {
            item.get(..start)
                .and_then(|head| head.chars().rev().nth(1))
                .is_some_and(|c| c.is_ascii_alphabetic())
        };
        let closes = matches!(before, ')' | '"' | '”' | '’')
            || (matches!(before, '.' | ';' | ':' | ',') && letter_before());
        if closes {
            out.push_str(item.get(from..start).unwrap_or(""));
            from = start + digits.len();
        }
    }
    out.push_str(item.get(from..).unwrap_or(""));
    out
}

/// Whether paragraph `next` is the rest of the item `last`, cut by a page break or footnotes:
/// `… of this letter (September 10, 2022),` / `inform the Commission …`. The item stops
/// mid-phrase (a comma, an open parenthesis, a dash, or a word like `the` or `and`) or the
/// paragraph starts in lowercase, as no sentence does (the caller has checked it does not start
/// with a marker, `c. Report`).
fn resumes(last: &str, next: &str) -> bool {
    let last = last.trim_end();
    let word = last.rsplit(' ').next().unwrap_or(last);
    next.starts_with(char::is_lowercase)
        || last.ends_with([',', '(', '-', '–', '—'])
        || [
            "the", "a", "an", "and", "or", "of", "to", "in", "for", "from", "with", "by", "on",
        ]
        .contains(&word)
}

/// Whether a paragraph ends with a colon, maybe followed by a footnote number (`matter:3`).
fn ends_with_colon(p: &str) -> bool {
    p.trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end()
        .ends_with(':')
}

/// Where the first item of a list run inline after a colon starts: `… this matter: 1.
/// Promptly …`, `… this matter: • Promptly …`.
fn inline_lead(p: &str) -> Option<usize> {
    p.match_indices(':').find_map(|(at, _)| {
        let rest = p.get(at + 1..)?;
        let trimmed = rest.trim_start();
        let from = p.len() - trimmed.len();
        (from > at + 1)
            .then(|| marker(trimmed))
            .flatten()
            .filter(|m| continues(m, None, 0))
            .map(|_| from)
    })
}

/// Small words a title-case heading leaves in lowercase.
const HEADING_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "for", "from", "in", "of", "on", "the", "to", "with",
];

/// Whether `sentence` (without its period) is a run-in heading of three to eight title-case
/// words: `Consequences for Failure to Comply`, `Actions You Should Take Now`.
fn is_run_in_heading(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    (3..=8).contains(&words.len())
        && capitalised >= 2
        && words
            .first()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        && words.iter().all(|w| {
            (w.starts_with(|c: char| c.is_uppercase()) || HEADING_SMALL_WORDS.contains(w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
}

/// Where a run-in heading starts in `text` after its first sentence (`Report within 14 days.
/// Consequences for Failure to Comply. If you fail …` → the offset of `Consequences`).
fn heading_start(text: &str) -> Option<usize> {
    let mut sentence_start = 0;
    for (j, _) in text.match_indices(". ") {
        let sentence = text.get(sentence_start..j).unwrap_or("");
        if sentence_start > 0 && is_run_in_heading(sentence) {
            return Some(sentence_start);
        }
        sentence_start = j + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_dropped_as_the_pattern_says() {
        // The rule, as a regular expression: one to three digits after a word's closing
        // punctuation (`calls.4`, `(2022)5`), before whitespace or the end.
        let rule = regex::Regex::new(r#"([A-Za-z][.;:,]|[)"”’])[0-9]{1,3}(\s|$)"#).unwrap();
        for item in [
            "investigate the calls.4 Then",
            "the traffic (2022)5 Then a.1 b.2",
            "section 1.17 of the rules",
            "end.123",
            "end.1234 x",
            "“quoted”7\nnext;8 last,9",
            "x.1.2 y",
            "9. item",
            "",
        ] {
            assert_eq!(
                drop_marks(item),
                rule.replace_all(item, "${1}${2}"),
                "{item:?}"
            );
        }
    }

    #[test]
    fn run_in_headings() {
        for (sentence, want) in [
            ("Consequences for Failure to Comply", true),
            ("Actions You Should Take Now", true),
            ("Why You Are Receiving This Notification", true),
            ("You must also include a declaration", false),
            ("Failure to provide this information within 14 days", false),
            ("Done", false),
            ("See 47 CFR § 1.16", false),
        ] {
            assert_eq!(is_run_in_heading(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn markers() {
        let number = |s| Style::Number(s);
        let lower = |shape| Style::Letter {
            upper: false,
            shape,
        };
        type Case<'a> = (&'a str, Option<(Style, usize, usize)>);
        let cases: &[Case] = &[
            ("1. Investigate", Some((number(Shape::Dot), 1, 3))),
            ("12) Investigate", Some((number(Shape::Close), 12, 4))),
            ("(3)  Investigate", Some((number(Shape::Paren), 3, 5))),
            ("b. Implement", Some((lower(Shape::Dot), 2, 3))),
            ("(c) Report", Some((lower(Shape::Paren), 3, 4))),
            ("a) Investigate", Some((lower(Shape::Close), 1, 3))),
            (
                "B. Implement",
                Some((
                    Style::Letter {
                        upper: true,
                        shape: Shape::Dot,
                    },
                    2,
                    3,
                )),
            ),
            ("• Investigate", Some((Style::Bullet('•'), 0, 4))),
            ("· Investigate", Some((Style::Bullet('·'), 0, 3))),
            ("- Investigate", Some((Style::Bullet('-'), 0, 2))),
            ("* Investigate", Some((Style::Bullet('*'), 0, 2))),
            ("•Implement", Some((Style::Bullet('•'), 0, 3))),
            ("-Implement", None),
            // No whitespace after the marker, no text, or not a marker.
            ("1.17 of the rules", None),
            ("1.", None),
            ("-FCC-", None),
            ("123. Too long", None),
            ("ab. Word", None),
            ("(a Word", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = marker(text).map(|m| (m.style, m.ordinal, m.text_start));
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn lists() {
        let lead = "Actions You Should Take Now. R Squared should take the following steps to resolve this matter:";
        let cases: &[(&[&str], &[&str])] = &[
            // One paragraph per item, in each marker style.
            (
                &[lead, "1. Promptly investigate.", "2. Implement safeguards.", "Consequences."],
                &["Promptly investigate.", "Implement safeguards."],
            ),
            (
                &[lead, "a. Promptly investigate.", "b. Implement\n   safeguards."],
                &["Promptly investigate.", "Implement safeguards."],
            ),
            (
                &[lead, "(a) Promptly investigate;", "(b) Implement safeguards."],
                &["Promptly investigate;", "Implement safeguards."],
            ),
            (
                &[lead, "a) Promptly investigate.", "b) Implement safeguards."],
                &["Promptly investigate.", "Implement safeguards."],
            ),
            (
                &[lead, "• Promptly investigate.", "• Implement safeguards.", "Failure to act."],
                &["Promptly investigate.", "Implement safeguards."],
            ),
            (
                &[lead, "- Promptly investigate.", "- Implement safeguards."],
                &["Promptly investigate.", "Implement safeguards."],
            ),
            (&[lead, "* Promptly investigate."], &["Promptly investigate."]),
            // A footnote number after the lead-in's colon.
            (
                &["take the following steps:3", "· Investigate.", "· Report."],
                &["Investigate.", "Report."],
            ),
            // Lines of a list joined into one paragraph.
            (
                &[lead, "a. Promptly investigate. b. Implement safeguards. c. Report within 14 days (January 14, 2026)."],
                &["Promptly investigate.", "Implement safeguards.", "Report within 14 days (January 14, 2026)."],
            ),
            // A collapsed copy: inline after the colon, the last step ending at a run-in heading.
            (
                &["Take these steps: 1. Investigate. 2. Report within 14 days. See Id. Consequences for Failure to Comply. If you fail, we act."],
                &["Investigate.", "Report within 14 days. See Id."],
            ),
            (
                &["this matter: (a) Investigate. (b) Report under section 1.17 of the rules. Consequences for Failure to Comply. If"],
                &["Investigate.", "Report under section 1.17 of the rules."],
            ),
            (
                &["this matter: • Investigate the calls. • Implement safeguards. Consequences for Failure to Comply. Downstream"],
                &["Investigate the calls.", "Implement safeguards."],
            ),
            (
                &["this matter: - Investigate the calls - today. - Implement safeguards."],
                &["Investigate the calls - today.", "Implement safeguards."],
            ),
            // A single step on a line of its own after the lead-in's line; a glyph glued to
            // the text.
            (
                &["should take the following steps to resolve\nthis matter:\n      a. Promptly investigate the calls."],
                &["Promptly investigate the calls."],
            ),
            (
                &[lead, "• Investigate.", "•Implement safeguards."],
                &["Investigate.", "Implement safeguards."],
            ),
            // An item cut by a page break resumes in the next paragraph.
            (
                &[lead, "1. Investigate.", "2. Within 14 days of this letter (May 1, 2021),", "inform the Commission.", "3. Report.", "Consequences."],
                &["Investigate.", "Within 14 days of this letter (May 1, 2021), inform the Commission.", "Report."],
            ),
            (
                &[lead, "• Investigate the", "calls. • Report.", "If you fail, we act."],
                &["Investigate the calls.", "Report."],
            ),
            // A numbered list with no lead-in.
            (
                &["We found calls.", "1. Investigate.", "2. Report."],
                &["Investigate.", "Report."],
            ),
            // The sequence must count up without a gap; the list ends at the first paragraph
            // that is not its next item.
            (
                &[lead, "a. Investigate.", "c. Report."],
                &["Investigate."],
            ),
            (
                &[lead, "1. Investigate.", "• Report."],
                &["Investigate."],
            ),
            (
                &[lead, "b. Investigate.", "c. Report."],
                &[],
            ),
            // Without the colon before an inline list, or with a single inline step, there
            // is no list; nor are bullets without a lead-in.
            (&["Rules 1. Investigate. 2. Report."], &[]),
            (&["Do this: 1. Investigate."], &[]),
            (
                &["this matter: a. Investigate. Consequences for Failure to Comply. If"],
                &["Investigate."],
            ),
            (&["We found calls.", "• Investigate.", "• Report."], &[]),
            (&[lead, "Nothing follows."], &[]),
            (&[""], &[]),
            (&[], &[]),
        ];
        for (body, want) in cases {
            let body: Vec<Cow<'_, str>> = body.iter().map(|p| Cow::Borrowed(*p)).collect();
            assert_eq!(actions(&body), *want, "{body:?}");
        }
    }
}
