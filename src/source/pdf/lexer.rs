//! A content-stream lexer: operands and operators, read straight from the bytes with no
//! allocation but for strings that need decoding (escapes, hex) and `TJ` arrays.
//!
//! ```text
//! BT /F1 12 Tf 72 712 Td [(Hello) -250 (world)] TJ ET
//! ```

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

fn is_white(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.peek().is_some_and(|b| b != b'\n' && b != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// A run of regular characters (a number, an operator, a name's body).
    fn token(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| !is_white(b) && !is_delimiter(b))
        {
            self.pos += 1;
        }
        self.data.get(start..self.pos).unwrap_or(&[])
    }

    /// `(…)` with nesting and escapes; the opening parenthesis is consumed.
    fn literal(&mut self) -> Cow<'a, [u8]> {
        let start = self.pos;
        let mut depth = 1usize;
        let mut plain = true;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => {
                    plain = false;
                    self.pos += 2;
                    continue;
                }
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        let end = self.pos.min(self.data.len());
        self.pos = (self.pos + 1).min(self.data.len().max(self.pos));
        let raw = self.data.get(start..end).unwrap_or(&[]);
        if plain {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(unescape(raw))
        }
    }

    /// `<48656C6C6F>`; the `<` is consumed.
    fn hex(&mut self) -> Cow<'a, [u8]> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            let digit = match b {
                b'>' => break,
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => continue,
            };
            match high.take() {
                Some(h) => out.push(h << 4 | digit),
                None => high = Some(digit),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        Cow::Owned(out)
    }

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

    /// One operand, or `None` at an operator or the end.
    fn operand(&mut self, depth: usize) -> Option<Operand<'a>> {
        self.skip_space();
        let b = self.peek()?;
        match b {
            b'/' => {
                self.pos += 1;
                Some(Operand::Name(self.token()))
            }
            b'(' => {
                self.pos += 1;
                Some(Operand::String(self.literal()))
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.skip_dictionary();
                Some(Operand::Other)
            }
            b'<' => {
                self.pos += 1;
                Some(Operand::String(self.hex()))
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
                        _ => match self.operand(depth + 1) {
                            Some(item) if depth < 16 => items.push(item),
                            Some(_) => {}
                            // An operator inside an array: skip it.
                            None => {
                                if self.token().is_empty() {
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
            b'+' | b'-' | b'.' | b'0'..=b'9' => Some(Operand::Number(number(self.token()))),
            _ => {
                let start = self.pos;
                let token = self.token();
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

/// Unescapes a literal string's body.
fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        i += 1;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let Some(&e) = raw.get(i) else { break };
        i += 1;
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'\r' => {
                if raw.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => {}
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    match raw.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xff) as u8);
            }
            other => out.push(other),
        }
    }
    out
}

/// Calls `f` with each operator and its operands, in order.
pub(super) fn operations<'a>(data: &'a [u8], mut f: impl FnMut(&'a [u8], &[Operand<'a>])) {
    let mut lexer = Lexer { data, pos: 0 };
    let mut operands: Vec<Operand<'a>> = Vec::new();
    loop {
        while let Some(o) = lexer.operand(0) {
            if operands.len() < 64 {
                operands.push(o);
            }
        }
        lexer.skip_space();
        if lexer.pos >= data.len() {
            break;
        }
        let op = lexer.token();
        if op.is_empty() {
            lexer.pos += 1;
            operands.clear();
            continue;
        }
        if op == b"ID" {
            lexer.skip_inline_image();
        }
        f(op, &operands);
        operands.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut out = Vec::new();
        operations(data, |op, operands| {
            out.push((String::from_utf8_lossy(op).into_owned(), operands.to_vec()))
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
