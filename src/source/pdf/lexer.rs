//! A content-stream lexer: operands and operators, read straight from the bytes with no
//! allocation but for strings that need decoding (escapes, hex) and `TJ` arrays.
//!
//! ```text
//! BT /F1 12 Tf 72 712 Td [(Hello) -250 (world)] TJ ET
//! ```

use super::syntax::{is_white, Scanner};
use std::borrow::Cow;

/// One operand of a content-stream operator.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Operand<'a> {
    Number(f32),
    Name(&'a [u8]),
    String(Cow<'a, [u8]>),
    Array(Vec<Operand<'a>>),
    /// Booleans, `null`, dictionaries: read past.
    Other,
}

impl Operand<'_> {
    /// The number, or 0 for anything else.
    pub(super) fn number(&self) -> f32 {
        match self {
            Operand::Number(n) => *n,
            _ => 0.0,
        }
    }
}

/// The first `N` operands as numbers, if there are that many.
pub(super) fn numbers<const N: usize>(operands: &[Operand<'_>]) -> Option<[f32; N]> {
    let mut out = [0.0; N];
    if operands.len() < N {
        return None;
    }
    for (slot, o) in out.iter_mut().zip(operands) {
        *slot = o.number();
    }
    Some(out)
}

/// What a content stream adds to the shared lexical layer: operands, skipped dictionaries
/// and inline images.
impl<'a> Scanner<'a> {
    /// Skips a `<< … >>` dictionary (inline in `BDC`/`DP` marked content); `<<` is consumed.
    fn skip_dictionary(&mut self) {
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            match (b, self.data.get(self.pos + 1).copied()) {
                (b'<', Some(b'<')) => {
                    depth += 1;
                    self.pos += 2;
                }
                (b'>', Some(b'>')) => {
                    depth -= 1;
                    self.pos += 2;
                    if depth == 0 {
                        return;
                    }
                }
                (b'(', _) => {
                    self.pos += 1;
                    self.literal();
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Skips the rest of an array (its `[` consumed) and every array in it, by counting
    /// brackets outside strings: no recursion, whatever the nesting.
    fn skip_array(&mut self) {
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'[' => depth += 1,
                b']' => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                b'(' => {
                    self.literal();
                }
                _ => {}
            }
        }
    }

    /// One operand, or `None` at an operator or the end. Arrays deeper than `limits.nesting`
    /// are skipped, not recursed into, and arrays keep at most `limits.items` elements in
    /// all (the rest are read past).
    fn operand(&mut self, depth: usize, limits: &mut Bounds) -> Option<Operand<'a>> {
        self.skip_space();
        let b = self.peek()?;
        match b {
            b'/' => {
                self.pos += 1;
                Some(Operand::Name(self.regular_run()))
            }
            b'(' => {
                self.pos += 1;
                Some(Operand::String(self.literal().0))
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.skip_dictionary();
                Some(Operand::Other)
            }
            b'<' => {
                self.pos += 1;
                Some(Operand::String(Cow::Owned(self.hex().0)))
            }
            b'[' if depth >= limits.nesting => {
                // Deeper than any real content stream nests: skipped, not recursed into.
                self.pos += 1;
                self.skip_array();
                Some(Operand::Other)
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match self.peek() {
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        None => break,
                        _ => match self.operand(depth + 1, limits) {
                            Some(item) if limits.items > 0 => {
                                limits.items -= 1;
                                items.push(item);
                            }
                            Some(_) => {}
                            // An operator inside an array: skip it.
                            None => {
                                if self.regular_run().is_empty() {
                                    self.pos += 1;
                                }
                            }
                        },
                    }
                }
                Some(Operand::Array(items))
            }
            b']' | b'>' | b')' | b'{' | b'}' => {
                self.pos += 1;
                Some(Operand::Other)
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => Some(Operand::Number(number(self.regular_run()))),
            _ => {
                let start = self.pos;
                let token = self.regular_run();
                match token {
                    b"true" | b"false" | b"null" => Some(Operand::Other),
                    _ => {
                        self.pos = start;
                        None
                    }
                }
            }
        }
    }

    /// Skips inline image data after `ID`: up to whitespace, `EI`, and whitespace or the end.
    fn skip_inline_image(&mut self) {
        self.pos += 1;
        while self.pos < self.data.len() {
            let window = self.data.get(self.pos..self.pos + 3).unwrap_or(&[]);
            let at_ei = window.first().is_some_and(|b| is_white(*b))
                && window.get(1) == Some(&b'E')
                && window.get(2) == Some(&b'I')
                && self.data.get(self.pos + 3).is_none_or(|b| is_white(*b));
            if at_ei {
                self.pos += 3;
                return;
            }
            self.pos += 1;
        }
    }
}

/// A PDF number (`12`, `-.5`, `+3.25`; no exponents in PDF), read without `str::parse`,
/// which is the hot path of glyph-by-glyph content. Malformed numbers read as far as they go.
fn number(token: &[u8]) -> f32 {
    let (negative, digits) = match token.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, token),
    };
    let mut value = 0.0f64;
    let mut scale = 0.0f64;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                let d = f64::from(b - b'0');
                if scale == 0.0 {
                    value = value * 10.0 + d;
                } else {
                    value += d * scale;
                    scale /= 10.0;
                }
            }
            b'.' if scale == 0.0 => scale = 0.1,
            _ => break,
        }
    }
    let value = if negative { -value } else { value };
    value as f32
}

/// Most array elements kept for one operator's operands (a `TJ` array of a whole page is a
/// few thousand); the rest are read past.
const MAX_ARRAY_ITEMS: usize = 1 << 16;

/// The deepest arrays are ever read (deeper ones are skipped), whatever the limits say.
const MAX_NESTING: usize = 256;

/// What one operator's operands may hold: arrays nested `nesting` deep, `items` elements.
struct Bounds {
    /// How deep arrays may nest before they are skipped.
    nesting: usize,
    /// How many more array elements may be kept.
    items: usize,
}

/// Calls `f` with each operator and its operands, in order, until it fails; arrays nested
/// deeper than `nesting` are skipped (and read past, whatever their depth, without
/// recursion).
pub(super) fn operations<'a, E>(
    data: &'a [u8],
    nesting: usize,
    mut f: impl FnMut(&'a [u8], &[Operand<'a>]) -> Result<(), E>,
) -> Result<(), E> {
    let mut lexer = Scanner::new(data);
    let mut operands: Vec<Operand<'a>> = Vec::new();
    // Each level read is a call: however deep the limits allow, the stack stays small.
    let nesting = nesting.min(MAX_NESTING);
    loop {
        let mut bounds = Bounds {
            nesting,
            items: MAX_ARRAY_ITEMS,
        };
        while let Some(o) = lexer.operand(0, &mut bounds) {
            if operands.len() < 64 {
                operands.push(o);
            }
        }
        lexer.skip_space();
        if lexer.pos >= data.len() {
            break;
        }
        let op = lexer.regular_run();
        if op.is_empty() {
            lexer.pos += 1;
            operands.clear();
            continue;
        }
        if op == b"ID" {
            lexer.skip_inline_image();
        }
        f(op, &operands)?;
        operands.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut out = Vec::new();
        let _ = operations(data, 16, |op, operands| {
            out.push((String::from_utf8_lossy(op).into_owned(), operands.to_vec()));
            Ok::<(), ()>(())
        });
        out
    }

    #[test]
    fn operators_and_operands() {
        let got = ops(b"BT /F1 12 Tf 72 712.5 Td [(Hello) -250 (w\\(o\\)rld\\051)] TJ <48 65 6c6C 6> Tj ET % done");
        let names: Vec<&str> = got.iter().map(|(op, _)| op.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Td", "TJ", "Tj", "ET"]);
        assert_eq!(got[1].1, [Operand::Name(b"F1"), Operand::Number(12.0)]);
        assert_eq!(got[2].1, [Operand::Number(72.0), Operand::Number(712.5)]);
        let Operand::Array(items) = &got[3].1[0] else {
            panic!("{:?}", got[3])
        };
        assert_eq!(items[0], Operand::String(Cow::Borrowed(b"Hello")));
        assert_eq!(items[1], Operand::Number(-250.0));
        assert_eq!(items[2], Operand::String(Cow::Owned(b"w(o)rld)".to_vec())));
        assert_eq!(got[4].1, [Operand::String(Cow::Owned(b"Hell`".to_vec()))]);
        assert_eq!(numbers::<2>(&got[2].1), Some([72.0, 712.5]));
    }

    #[test]
    fn deep_arrays_are_skipped_not_recursed() {
        // A million nested arrays (a 2 MB stream) would overflow the stack if each level
        // were a call.
        let mut data = vec![b'['; 1_000_000];
        data.extend_from_slice(b"(a]b)");
        data.extend(std::iter::repeat_n(b']', 1_000_000));
        data.extend_from_slice(b" TJ (x) Tj");
        let got = ops(&data);
        let names: Vec<&str> = got.iter().map(|(op, _)| op.as_str()).collect();
        assert_eq!(names, ["TJ", "Tj"]);
        // Unclosed: the rest of the stream is the array.
        assert_eq!(ops(&vec![b'['; 100_000]).len(), 0);
    }

    #[test]
    fn numbers_read_fast_and_right() {
        for (text, want) in [
            ("12", 12.0),
            ("-.5", -0.5),
            ("+3.25", 3.25),
            ("0.24", 0.24),
            ("7.", 7.0),
            ("1.2.3", 1.2),
            ("-", 0.0),
            ("", 0.0),
        ] {
            assert!((number(text.as_bytes()) - want).abs() < 1e-6, "{text}");
        }
    }

    #[test]
    fn marked_content_inline_images_and_garbage() {
        let got = ops(b"/P <</MCID 0 /Alt (a>>b)>> BDC EMC BI /W 2 /H 2 ID \x00EI\xff\x01 EI Q");
        let names: Vec<&str> = got.iter().map(|(op, _)| op.as_str()).collect();
        assert_eq!(names, ["BDC", "EMC", "BI", "ID", "Q"]);
        for garbage in [
            &b"(unclosed"[..],
            b"<4",
            b"[[[[",
            b"<<",
            b")))",
            b"\\",
            b"1 2 3",
            b"/",
        ] {
            let _ = ops(garbage);
        }
    }
}
