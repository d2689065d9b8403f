//! Paragraph paths of statute and rule citations: `(k)(4)`, `(n)(5)(i)(A)`, their levels in
//! each code's order (CFR: (a) → (1) → (i) → (A); U.S.C.: (a) → (1) → (A) → (i) → (I)), and
//! continuation paths (`(4)` after `(k)(3)` is `(k)(4)`).

use super::statute::Code;
use std::borrow::Cow;

/// The kind of paragraph designation at each level of `code`.
fn levels(code: Code) -> &'static [Level] {
    use Level::*;
    match code {
        Code::Cfr => &[Lower, Digit, Roman, Upper, Digit, Roman],
        Code::Usc => &[Lower, Digit, Upper, Roman, UpperRoman],
    }
}

/// A paragraph level's designation style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Level {
    Lower,
    Digit,
    Roman,
    Upper,
    UpperRoman,
}

impl Level {
    pub(super) fn fits(self, token: &str) -> bool {
        let all = |f: fn(char) -> bool| !token.is_empty() && token.chars().all(f);
        match self {
            Level::Lower => token.len() <= 2 && all(|c| c.is_ascii_lowercase()),
            Level::Digit => token.len() <= 3 && all(|c| c.is_ascii_digit()),
            Level::Roman => all(|c| "ivxlc".contains(c)),
            Level::Upper => token.len() <= 2 && all(|c| c.is_ascii_uppercase()),
            Level::UpperRoman => all(|c| "IVXLC".contains(c)),
        }
    }
}

/// Whether `path` follows `code`'s level order; returns the first token out of order.
pub(super) fn invalid_path<'p>(code: Code, path: &'p [Cow<'static, str>]) -> Option<&'p str> {
    let levels = levels(code);
    path.iter()
        .enumerate()
        .find(|(i, p)| !levels.get(*i).is_some_and(|l| l.fits(p)))
        .map(|(_, p)| &**p)
}

/// A paragraph path of up to eight levels (`(n)(5)(i)(A)`), kept inline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Path<'a> {
    tokens: [&'a str; 8],
    pub(super) len: usize,
}

impl<'a> Path<'a> {
    /// Adds a level; false when the path is full.
    pub(super) fn push(&mut self, token: &'a str) -> bool {
        match self.tokens.get_mut(self.len) {
            Some(slot) => {
                *slot = token;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    pub(super) fn as_slice(&self) -> &[&'a str] {
        self.tokens.get(..self.len).unwrap_or(&[])
    }

    /// The path as owned strings, for a citation.
    /// The path as a citation keeps it (the common designators borrowed, not copied).
    pub(super) fn to_vec(self) -> Vec<Cow<'static, str>> {
        self.as_slice().iter().map(|p| designator(p)).collect()
    }
}

/// A paragraph designator as a citation keeps it: one letter or digit, a number below 100 or
/// a roman numeral below 40 are borrowed from static text; others are copied.
fn designator(p: &str) -> Cow<'static, str> {
    const SINGLE: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const TENS: &str = "10111213141516171819202122232425262728293031323334353637383940414243444546474849\
        50515253545556575859606162636465666768697071727374757677787980818283848586878889909192939495969798\
        99";
    const ROMAN: [&str; 39] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi",
        "xxvii", "xxviii", "xxix", "xxx", "xxxi", "xxxii", "xxxiii", "xxxiv", "xxxv", "xxxvi",
        "xxxvii", "xxxviii", "xxxix",
    ];
    let found = match p.as_bytes() {
        [b] => SINGLE
            .find(char::from(*b))
            .and_then(|i| SINGLE.get(i..i + 1)),
        [b'1'..=b'9', b'0'..=b'9'] => {
            let n = p.parse::<usize>().unwrap_or(10);
            TENS.get(2 * (n - 10)..2 * (n - 10) + 2)
        }
        _ => None,
    }
    .or_else(|| ROMAN.iter().find(|r| **r == p).copied());
    match found {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(p.to_owned()),
    }
}

/// A continuation path (`(4)` after `(k)(3)`) put in place: it replaces `base` from the
/// deepest level its first token can stand at.
pub(super) fn merge<'a>(code: Option<Code>, base: Path<'a>, cont: Path<'a>) -> Path<'a> {
    let levels = levels(code.unwrap_or(Code::Cfr));
    let first = cont.as_slice().first().copied().unwrap_or("");
    let depth = (0..base.len.min(levels.len()))
        .rev()
        .find(|&l| levels.get(l).is_some_and(|level| level.fits(first)))
        .unwrap_or(0);
    let mut path = Path {
        tokens: base.tokens,
        len: depth,
    };
    for token in cont.as_slice() {
        path.push(token);
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designators_borrowed_as_written() {
        let mut all: Vec<String> = (0..200).map(|n| n.to_string()).collect();
        all.extend(
            ["a", "k", "Z", "iii", "xxxix", "xl", "aa", "IV", "007", "05"].map(String::from),
        );
        for p in &all {
            let d = designator(p);
            assert_eq!(d, p.as_str());
            let borrowed = matches!(d, Cow::Borrowed(_));
            let common = p.len() == 1
                || (p.len() == 2 && !p.starts_with('0') && p.bytes().all(|b| b.is_ascii_digit()));
            assert!(!common || borrowed, "{p}");
        }
    }

    #[test]
    fn paths() {
        let p = |v: &[&str]| {
            v.iter()
                .map(|s| Cow::Owned((*s).to_owned()))
                .collect::<Vec<_>>()
        };
        assert_eq!(invalid_path(Code::Cfr, &p(&["k", "4"])), None);
        assert_eq!(invalid_path(Code::Cfr, &p(&["n", "5", "i", "A"])), None);
        assert_eq!(invalid_path(Code::Cfr, &p(&["4", "k"])), Some("4"));
        assert_eq!(invalid_path(Code::Cfr, &p(&["a", "b"])), Some("b"));
        assert_eq!(invalid_path(Code::Usc, &p(&["b", "1", "A", "iii"])), None);
        assert_eq!(invalid_path(Code::Usc, &p(&["b", "1", "i"])), Some("i"));
        let path = |tokens: &[&'static str]| {
            let mut p = Path::default();
            tokens.iter().for_each(|t| assert!(p.push(t)));
            p
        };
        let merged = |base, cont| merge(Some(Code::Cfr), path(base), path(cont)).to_vec();
        assert_eq!(merged(&["k", "3"], &["4"]), ["k", "4"]);
        assert_eq!(merged(&["k", "4"], &["f", "18"]), ["f", "18"]);
        assert_eq!(merged(&["a", "1", "iii"], &["a", "2"]), ["a", "2"]);
        assert_eq!(merged(&["a", "1", "i", "A", "1", "i"], &["B"]).len(), 4);
    }
}
