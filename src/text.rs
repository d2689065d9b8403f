//! Small text helpers shared by the phases.

/// A `&'static Regex` compiled on first use.
macro_rules! regex {
    ($re:literal $(,)?) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| $crate::text::compile($re))
    }};
}
pub(crate) use regex;

/// Compiles one of the crate's literal patterns (through [`regex!`], once per pattern).
pub(crate) fn compile(pattern: &str) -> regex::Regex {
    // Every pattern is a literal exercised by the unit tests; none can fail at run time.
    #[allow(clippy::expect_used)]
    regex::Regex::new(pattern).expect("literal regex compiles")
}

/// Collapses every run of whitespace (NBSP, newlines and tabs included) into one space and
/// trims the ends.
pub(crate) fn squash(s: &str) -> String {
    let s = s.trim();
    let clean = !s.contains(|c: char| c.is_whitespace() && c != ' ') && !s.contains("  ");
    if clean {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `a` and `b` have the same words, ignoring case and the whitespace between them.
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    let mut a = a.split_whitespace();
    let mut b = b.split_whitespace();
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
            (None, None) => return true,
            _ => return false,
        }
    }
}

/// Whether `s` ends a sentence: `.`, `?`, `!` or `:`, possibly inside closing quotes or brackets.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let s = s
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    s.ends_with(['.', '?', '!', ':'])
}

/// The byte offset of `part` inside `whole`, when `part` is a subslice of it.
pub(crate) fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .checked_sub(whole.as_ptr() as usize)
        .filter(|&o| o <= whole.len())
        .unwrap_or(0)
}

/// Trimmed, non-empty pieces of `s` split at `sep`, each with its offset in `s`.
pub(crate) fn pieces(s: &str, sep: char) -> impl Iterator<Item = (usize, &str)> + '_ {
    s.split(sep).filter_map(move |p| {
        let t = p.trim();
        (!t.is_empty()).then(|| (offset_in(s, t), t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(squash("  a\u{a0} b\n\tc  "), "a b c");
        for (s, want) in [
            ("end.", true),
            ("to prevent", false),
            ("Division,", false),
            ("“quoted.”", true),
            ("Q?", true),
            ("(x.)", true),
            ("", false),
        ] {
            assert_eq!(ends_sentence(s), want, "{s}");
        }
        let s = "a\n  b c \n\n";
        assert_eq!(pieces(s, '\n').collect::<Vec<_>>(), [(0, "a"), (4, "b c")]);
        assert_eq!(offset_in(s, &s[4..]), 4);
        assert_eq!(offset_in(s, "elsewhere"), 0);
        assert!(regex!(r"^[0-9]+$").is_match("42"));
        assert!(same_words(" Date of\u{a0}Call ", "date OF call"));
        assert!(!same_words("Date of Call", "Date of"));
        assert!(!same_words("Date", "Data"));
    }
}
