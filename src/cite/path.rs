//! Paragraph paths of statute and rule citations: `(k)(4)`, `(n)(5)(i)(A)`, their levels in
//! each code's order (CFR: (a) → (1) → (i) → (A); U.S.C.: (a) → (1) → (A) → (i) → (I)), and
//! continuation paths (`(4)` after `(k)(3)` is `(k)(4)`).

use super::statute::Code;

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
pub(super) fn invalid_path(code: Code, path: &[String]) -> Option<&str> {
    let levels = levels(code);
    path.iter()
        .enumerate()
        .find(|(i, p)| !levels.get(*i).is_some_and(|l| l.fits(p)))
        .map(|(_, p)| p.as_str())
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
    pub(super) fn to_vec(self) -> Vec<String> {
        self.as_slice().iter().map(|p| (*p).to_owned()).collect()
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
    fn paths() {
        let p = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
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
