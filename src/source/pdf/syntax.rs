//! The lexical layer that content streams and CMaps share (ISO 32000-1, 7.2 and 7.3.4): white
//! space and `%` comments, delimiters, runs of regular characters, and literal and
//! hexadecimal strings. Forgiving: stray bytes are skipped, an unterminated string gives what
//! it holds and says so.

use std::borrow::Cow;

/// PDF white-space characters.
pub(super) fn is_white(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// PDF delimiter characters.
pub(super) fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// The value of a hexadecimal digit, either case.
pub(super) fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// A position in a stream's bytes.
#[derive(Debug)]
pub(super) struct Scanner<'a> {
    /// The whole stream.
    pub(super) data: &'a [u8],
    /// Offset of the next unread byte (may pass the end after a cut escape).
    pub(super) pos: usize,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `data`.
    pub(super) fn new(data: &'a [u8]) -> Self {
        Scanner { data, pos: 0 }
    }

    /// The byte at the current position.
    pub(super) fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// The byte at the current position, advancing past it.
    pub(super) fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    /// Skips white space and `%` comments.
    pub(super) fn skip_space(&mut self) {
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

    /// A run of regular characters (a number, an operator, a name's body); possibly empty.
    pub(super) fn regular_run(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| !is_white(b) && !is_delimiter(b))
        {
            self.pos += 1;
        }
        self.data.get(start..self.pos).unwrap_or(&[])
    }

    /// A literal string's bytes after its `(`: nested parentheses kept, escapes decoded, an
    /// end of line read as `\n`; borrowed when there is nothing to decode. The flag says
    /// whether the closing `)` came.
    pub(super) fn literal(&mut self) -> (Cow<'a, [u8]>, bool) {
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
                b'\r' => plain = false,
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
        let bytes = match plain {
            true => Cow::Borrowed(raw),
            false => Cow::Owned(unescape(raw)),
        };
        (bytes, depth == 0)
    }

    /// A hexadecimal string's bytes after its `<`: white space and stray characters skipped,
    /// an odd final digit padded with 0. The flag says whether the closing `>` came.
    pub(super) fn hex(&mut self) -> (Vec<u8>, bool) {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        let mut closed = false;
        while let Some(b) = self.bump() {
            if b == b'>' {
                closed = true;
                break;
            }
            let Some(digit) = hex_value(b) else { continue };
            match high.take() {
                Some(h) => out.push(h << 4 | digit),
                None => high = Some(digit),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        (out, closed)
    }
}

/// Decodes a literal string's body: escapes (`\n`, `\(`, `\053`, a backslash before an end of
/// line continues the line) and ends of line (`\r`, `\r\n`) read as `\n`.
fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        i += 1;
        match b {
            b'\\' => {}
            b'\r' => {
                if raw.get(i) == Some(&b'\n') {
                    i += 1;
                }
                out.push(b'\n');
                continue;
            }
            _ => {
                out.push(b);
                continue;
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        let cases: &[(&[u8], &[u8], bool)] = &[
            (b"Hello) rest", b"Hello", true),
            (b"a (nested) b)", b"a (nested) b", true),
            (b"esc \\) \\n \\053 \\\\)", b"esc ) \n + \\", true),
            (b"two\r\nlines\rhere)", b"two\nlines\nhere", true),
            (b"cont\\\r\ninued)", b"continued", true),
            (b"unclosed (", b"unclosed (", false),
            (b"cut \\", b"cut ", false),
        ];
        for (input, want, closed) in cases {
            let mut s = Scanner::new(input);
            let (got, ok) = s.literal();
            assert_eq!(
                (&got[..], ok),
                (*want, *closed),
                "{:?}",
                String::from_utf8_lossy(input)
            );
        }
        let mut s = Scanner::new(b"48 65 6c6C 6>x");
        assert_eq!(s.hex(), (b"Hell`".to_vec(), true));
        assert_eq!(s.peek(), Some(b'x'));
        assert_eq!(Scanner::new(b"4").hex(), (vec![0x40], false));
    }

    #[test]
    fn runs_and_space() {
        let mut s = Scanner::new(b"  % a comment\r\n /Name[1 2]");
        s.skip_space();
        assert_eq!(s.bump(), Some(b'/'));
        assert_eq!(s.regular_run(), b"Name");
        assert_eq!(s.peek(), Some(b'['));
    }
}
