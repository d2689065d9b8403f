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

/// Words whose period does not end a sentence: `Id. at`, `para. 42`, `No. 17-59`, `Mar. 13`,
/// `Rho Networks, Inc.`.
const ABBREVIATIONS: &[&str] = &[
    "Id", "id", "para", "paras", "No", "Nos", "seq", "e.g", "i.e", "U.S", "Mr", "Ms", "Mrs", "Dr",
    "Inc", "Corp", "Co", "Ltd", "L.L.C", "L.P", "S.A", "Jr", "Sr", "v", "Jan", "Feb", "Mar", "Apr",
    "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "St", "Rcd", "Reg", "Fed", "Stat", "Cir", "cf",
    "Cf", "al",
];

/// Whether `word` (without its period) is an abbreviation whose period does not end a
/// sentence.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

/// The length of the whitespace character starting at byte `i` of `s` (whose byte it is),
/// or 0. Only the lead bytes of Unicode's non-ASCII white space (`U+0085`, NBSP, `U+1680`,
/// `U+2000`–`U+205F`, `U+3000`) are decoded.
#[inline]
fn whitespace_len(s: &str, i: usize, byte: u8) -> usize {
    match byte {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// The offset of the first whitespace character of `s` (`s.find(char::is_whitespace)`, a
/// byte at a time).
pub(crate) fn next_whitespace(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b > b' ' && b < 0x80 {
            i += 1;
            continue;
        }
        if whitespace_len(s, i, b) > 0 {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Collapses every run of whitespace (NBSP, newlines and tabs included) into one space and
/// trims the ends. One pass: runs already spaced by single spaces are copied whole.
pub(crate) fn squash(s: &str) -> String {
    let s = s.trim();
    let bytes = s.as_bytes();
    // Most text is squashed ASCII already: told by branch-free (vectorised) passes.
    let odd = bytes
        .iter()
        .fold(false, |seen, &b| seen | !(b' '..0x80).contains(&b));
    let next = bytes.get(1..).unwrap_or(&[]);
    let doubled = bytes
        .iter()
        .zip(next)
        .fold(false, |seen, (&a, &b)| seen | ((a == b' ') & (b == b' ')));
    if !odd && !doubled {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    // The start of the verbatim run not yet copied.
    let mut run = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Visible ASCII, and a single space before it, stay in the run.
        if b > b' ' && b < 0x80 {
            i += 1;
            continue;
        }
        if b == b' ' && bytes.get(i + 1).is_some_and(|&n| n > b' ' && n < 0x80) {
            i += 2;
            continue;
        }
        let len = whitespace_len(s, i, b);
        if len == 0 {
            i += 1;
            continue;
        }
        // Other white space (`s` is trimmed: there is a word on each side): one space.
        out.push_str(s.get(run..i).unwrap_or(""));
        out.push(' ');
        i += len;
        while let Some(len) = bytes
            .get(i)
            .map(|&b| whitespace_len(s, i, b))
            .filter(|&len| len > 0)
        {
            i += len;
        }
        run = i;
    }
    out.push_str(s.get(run..).unwrap_or(""));
    out
}

/// The length of the run of whitespace (NBSP and line breaks included) `s` starts with.
fn leading_whitespace(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match whitespace_len(s, i, b) {
            0 => break,
            n => i += n,
        }
    }
    i
}

/// One or more whitespace characters, NBSP and line breaks included (a byte at a time, not
/// a char decode per character).
pub(crate) fn ws1(input: &str) -> nom::IResult<&str, &str> {
    match leading_whitespace(input) {
        0 => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TakeWhile1,
        ))),
        n => Ok((input.get(n..).unwrap_or(""), input.get(..n).unwrap_or(""))),
    }
}

/// Zero or more whitespace characters, NBSP and line breaks included.
pub(crate) fn ws0(input: &str) -> nom::IResult<&str, &str> {
    let n = leading_whitespace(input);
    Ok((input.get(n..).unwrap_or(""), input.get(..n).unwrap_or("")))
}

/// The offset of `rest` in `text`, of which it is a suffix (what a nom parser left over).
pub(crate) fn offset_of(text: &str, rest: &str) -> usize {
    text.len().saturating_sub(rest.len())
}

/// A list item's start: `1. `, `• `, `(a) `.
pub(crate) fn is_list_item(line: &str) -> bool {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = match line.chars().next() {
        Some(c @ ('•' | '·' | '▪')) => line.get(c.len_utf8()..),
        Some('(') => line.get(1..).and_then(|r| {
            let mut c = r.chars();
            c.next()
                .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit())?;
            r.get(1..)?.strip_prefix(')')
        }),
        _ if (1..=2).contains(&digits) => line.get(digits..).and_then(|r| r.strip_prefix('.')),
        _ => None,
    };
    rest.is_some_and(|r| r.starts_with(char::is_whitespace))
}

/// Byte offsets where `word` stands in `text` as a whole word, ignoring ASCII case: no ASCII
/// letter or digit touches it where its own first and last characters are letters or digits.
/// A byte scan, for the cue words that need no regex: candidates for the first byte are found
/// eight bytes at a time.
pub(crate) fn find_words<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    let (hay, needle) = (text.as_bytes(), word.as_bytes());
    let alnum = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let open_start = alnum(needle.first());
    let open_end = alnum(needle.last());
    let first = needle.first().copied();
    let mut pos = 0;
    std::iter::from_fn(move || {
        let first = first?;
        while let Some(i) = find_byte_ignoring_case(hay, pos, first) {
            pos = i + 1;
            let whole = hay
                .get(i..i + needle.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(needle))
                && !(open_start && alnum(i.checked_sub(1).and_then(|j| hay.get(j))))
                && !(open_end && alnum(hay.get(i + needle.len())));
            if whole {
                return Some(i);
            }
        }
        pos = hay.len();
        None
    })
}

/// The first offset at or after `from` of `byte`, or of its other ASCII case. Eight bytes at a
/// time: a byte equal to the (lowercased) target zeroes its lane of `chunk ^ target`.
fn find_byte_ignoring_case(hay: &[u8], from: usize, byte: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let letter = byte.is_ascii_alphabetic();
    let target = byte.to_ascii_lowercase();
    // For a letter, `b | 0x20 == target` holds exactly for its two cases.
    let fold = if letter { 0x2020_2020_2020_2020 } else { 0 };
    let pattern = ONES * u64::from(target);
    let mut i = from;
    while let Some(chunk) = hay.get(i..i + 8) {
        let mut lanes = [0; 8];
        lanes.copy_from_slice(chunk);
        let x = (u64::from_le_bytes(lanes) | fold) ^ pattern;
        let zero = x.wrapping_sub(ONES) & !x & HIGHS;
        if zero != 0 {
            // The lowest flagged lane is a true match (borrows only run upwards).
            return Some(i + (zero.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let tail = hay.get(i..).unwrap_or(&[]);
    let matches = |b: &u8| {
        if letter {
            b.to_ascii_lowercase() == target
        } else {
            *b == byte
        }
    };
    tail.iter().position(matches).map(|j| i + j)
}

/// Each run of one to three ASCII digits that follows a character and ends at whitespace or
/// at the end of `text`: (the run's start, the run, the character before it). One pass over
/// the bytes; where footnote marks glued to a word may stand (`calls.4 `).
pub(crate) fn short_numbers(text: &str) -> impl Iterator<Item = (usize, &str, char)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        let start = next_digit(bytes, pos)?;
        let len = bytes
            .get(start..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let end = start + len;
        pos = end;
        let ends_word = text
            .get(end..)
            .and_then(|rest| rest.chars().next())
            .is_none_or(char::is_whitespace);
        let before = text.get(..start).and_then(|head| head.chars().next_back());
        if let (true, true, Some(before)) = (len <= 3, ends_word, before) {
            return Some((start, text.get(start..end)?, before));
        }
    })
}

/// The offset of the first ASCII digit of `bytes` at or after `from`. Sixteen bytes at a
/// time: a chunk without a digit is told by a branch-free (vectorised) test.
pub(crate) fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 16) {
        if chunk
            .iter()
            .fold(false, |seen, &b| seen | (b.wrapping_sub(b'0') < 10))
        {
            break;
        }
        i += 16;
    }
    bytes
        .get(i..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|j| i + j)
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

/// `s` as a reader sees it (a citation's text): each run of whitespace that holds a line
/// break or a tab made one space (other whitespace stays), and markup dropped: emphasis
/// marks (`*Id.*`, `_Order_`: a `*` anywhere, a `_` at a word's edge) and HTML tags (`<i>`,
/// `</sup>`).
pub(crate) fn as_read(s: &str) -> std::borrow::Cow<'_, str> {
    // The bytes that may need a change: `_`, and those below 64 in a bit set.
    const LOW: u64 = 1 << b'\n' | 1 << b'\r' | 1 << b'\t' | 1 << b'*' | 1 << b'<';
    let mark = |b: u8| b < 64 && LOW >> b & 1 == 1 || b == b'_';
    let marked = s.bytes().any(mark);
    if !marked {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    // Clean text is copied a run at a time, up to the next byte that may need a change.
    while let Some(at) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| mark(b)))
        .map(|at| i + at)
    {
        out.push_str(s.get(i..at).unwrap_or(""));
        let (before, after) = (s.get(..at).unwrap_or(""), s.get(at + 1..).unwrap_or(""));
        let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        i = at + 1;
        match bytes.get(at) {
            Some(b'\n' | b'\r' | b'\t') => {
                // The whole run of whitespace around the break is one space.
                out.truncate(out.trim_end().len());
                out.push(' ');
                i = s.len() - after.trim_start().len();
            }
            Some(b'_') if !edge(before.chars().next_back()) && !edge(after.chars().next()) => {
                out.push('_');
            }
            Some(b'<') => match html_tag(s.get(at..).unwrap_or("")) {
                Some(len) => i = at + len,
                None => out.push('<'),
            },
            _ => {} // `*`, an emphasis `_`
        }
    }
    out.push_str(s.get(i..).unwrap_or(""));
    std::borrow::Cow::Owned(out)
}

/// The length in bytes of the HTML tag `s` starts with (`<i>`, `</sup>`), if it is one.
fn html_tag(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('<')?;
    let name = inner.strip_prefix('/').unwrap_or(inner);
    let letters = name.len()
        - name
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    let rest = name.get(letters..)?;
    ((1..=10).contains(&letters) && rest.starts_with('>')).then_some(s.len() - rest.len() + 1)
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
    fn squashing() {
        for (input, want) in [
            ("", ""),
            ("  plain words  ", "plain words"),
            ("a  b\tc\n\nd", "a b c d"),
            ("§ 64.1200\u{a0}(k)", "§ 64.1200 (k)"),
            ("x \u{2003} y\r\n", "x y"),
            ("one\u{a0}", "one"),
            ("“quoted”  text", "“quoted” text"),
            (
                "a é\u{85}b\u{1680}c\u{3000}d\u{202f}e \u{2028}f",
                "a é b c d e f",
            ),
            ("x \u{a0}y", "x y"),
        ] {
            assert_eq!(squash(input), want, "{input:?}");
            let reference: Vec<&str> = input.split_whitespace().collect();
            assert_eq!(squash(input), reference.join(" "), "{input:?}");
        }
        // Every string of up to five characters from an alphabet of word characters, ASCII
        // and Unicode white space and non-ASCII letters, against `split_whitespace`.
        let alphabet = [
            'a', ' ', '\t', '\n', '\u{a0}', '\u{2003}', 'é', '\u{85}', '§', '\u{1}', '7',
        ];
        let mut input = String::new();
        for n in 0..alphabet.len().pow(5) {
            input.clear();
            let mut k = n;
            while k > 0 {
                input.push(alphabet[k % alphabet.len()]);
                k /= alphabet.len();
            }
            let reference: Vec<&str> = input.split_whitespace().collect();
            assert_eq!(squash(&input), reference.join(" "), "{input:?}");
            assert_eq!(
                next_digit(input.as_bytes(), 0),
                input.bytes().position(|b| b.is_ascii_digit()),
                "{input:?}"
            );
            assert_eq!(
                next_whitespace(&input),
                input.find(char::is_whitespace),
                "{input:?}"
            );
            let lead = input.len() - input.trim_start_matches(char::is_whitespace).len();
            assert_eq!(ws0(&input).map(|(_, w)| w.len()), Ok(lead), "{input:?}");
            assert_eq!(ws1(&input).is_ok(), lead > 0, "{input:?}");
        }
    }

    /// The digit finder's chunked scan, at every place of a digit and every start.
    #[test]
    fn digits_found() {
        for at in 0..40 {
            let mut text = vec![b'x'; 40];
            text[at] = b'4';
            for from in 0..=at + 1 {
                let want = (from <= at).then_some(at);
                assert_eq!(next_digit(&text, from), want, "digit at {at}, from {from}");
            }
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(squash("  a\u{a0} b\n\tc  "), "a b c");
        for (input, want) in [
            ("a b c", "a b c"),
            ("a  b", "a b"),
            ("a\tb", "a b"),
            ("a\u{c}b", "a b"),
            ("é b", "é b"),
            ("é  b", "é b"),
            ("a\u{2003}b", "a b"),
            ("47 U.S.C. § 227(b)", "47 U.S.C. § 227(b)"),
            ("§\u{a0}227", "§ 227"),
            ("a\u{85}b", "a b"),
            ("“quoted”  x", "“quoted” x"),
            ("a\u{3000}b", "a b"),
            (" ", ""),
        ] {
            assert_eq!(squash(input), want, "{input:?}");
        }
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
        assert_eq!(as_read("47 CFR §\n   64.1200"), "47 CFR § 64.1200");
        assert_eq!(as_read("47\u{a0}CFR  §"), "47\u{a0}CFR  §");
        assert_eq!(as_read("*Id.* at 7630"), "Id. at 7630");
        assert_eq!(as_read("**Order**, 35 FCC Rcd"), "Order, 35 FCC Rcd");
        assert_eq!(as_read("_Id._ at 5; snake_case"), "Id. at 5; snake_case");
        assert_eq!(as_read("<i>Id.</i> at\t5 </sup>"), "Id. at 5 ");
        assert_eq!(as_read("a < b, c <d"), "a < b, c <d");
        assert_eq!(as_read("x \n y"), "x y");
        let found = |t, w| find_words(t, w).collect::<Vec<_>>();
        assert_eq!(found("Re: x; RE: y; Reb: z; are: w", "re:"), [0, 7]);
        assert_eq!(found("within withinx xwithin WITHIN", "within"), [0, 23]);
        assert_eq!(found("", "x"), Vec::<usize>::new());
        for (line, want) in [
            ("1. Promptly", true),
            ("12. Item", true),
            ("• Call Pipe", true),
            ("(a) first", true),
            ("2021. Year", false),
            ("1.17 of", false),
            ("(ab) x", false),
            ("", false),
        ] {
            assert_eq!(is_list_item(line), want, "{line}");
        }
        assert!(!same_words("Date of Call", "Date of"));
        assert!(!same_words("Date", "Data"));
    }

    /// The eight-at-a-time byte search agrees with a plain scan at every offset.
    #[test]
    fn byte_search_matches_a_plain_scan() {
        let hay = "xAbc@`§ zZ 7 aa\u{c3}\u{a9}Q-q:: the ENd@".repeat(3);
        let hay = hay.as_bytes();
        for byte in [
            b'a', b'A', b'z', b'q', b'@', b'`', b':', b'7', b'e', 0xc3, b'!',
        ] {
            for from in 0..=hay.len() {
                let plain = hay.get(from..).and_then(|rest| {
                    rest.iter()
                        .position(|b| b.eq_ignore_ascii_case(&byte))
                        .map(|i| from + i)
                });
                assert_eq!(
                    find_byte_ignoring_case(hay, from, byte),
                    plain,
                    "{byte} from {from}"
                );
            }
        }
        assert_eq!(find_byte_ignoring_case(b"", 0, b'a'), None);
        assert_eq!(find_byte_ignoring_case(b"abc", 9, b'a'), None);
    }
}
