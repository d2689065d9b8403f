//! Short forms: `Id.` and `supra`.
//!
//! ```text
//! id    = ("Id." | "id.") [WS "at" WS pin | [WS] ("§" | "§§") [WS] items | WS paragraph]
//! supra = "supra" [WS "note" WS n] ["," WS "at" WS pin]     Order, supra note 5, at 7630
//! ```
//!
//! What they refer to is decided when resolving: the nearest earlier citation that fits
//! (`Id. at 7630` needs a reporter, `Id. §` a code), or the footnote and name of a `supra`.

use super::reporter::{apply, name_before, pin};
use super::statute::{items, Style};
use super::{Hint, IdForm, Piece};
use crate::model::{Citation, CitationKind};
use crate::text::{offset_of, ws1};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::{map_opt, opt};
use nom::sequence::preceded;
use nom::Parser;

fn new_piece(
    text: &str,
    range: std::ops::Range<usize>,
    kind: CitationKind,
    hint: Hint,
) -> Option<Piece> {
    let citation = Citation::new(kind, text.get(range.clone())?);
    Some(Piece {
        range,
        citation,
        hint,
    })
}

/// `Id.`, `Id. at 7630, para. 42`, `Id. § 64.1200(n)(6)` at `start`.
pub(super) fn id(text: &str, start: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let input = text.get(start..)?;
    let (rest, _) = (
        alt((tag::<_, _, nom::error::Error<&str>>("Id."), tag("id."))),
        take_while(|c| c == '*' || c == '_'),
    )
        .parse(input)
        .ok()?;
    let id_end = offset_of(text, rest);
    if let Ok((r, p)) = preceded((ws1, tag("at"), ws1), pin).parse(rest) {
        let mut piece = new_piece(
            text,
            start..offset_of(text, r),
            CitationKind::Id,
            Hint::Id(IdForm::Pin),
        )?;
        apply(&mut piece.citation, p);
        let end = piece.range.end;
        out.push(piece);
        return Some(end);
    }
    let mut sign = (opt(ws1), alt((tag("§§"), tag("§"))), opt(ws1));
    if let Ok((r, (_, sign, _))) = sign.parse(rest) {
        let mut first = true;
        let found = items(text, r, Style::Any, sign == "§§", |item| {
            let range = if first {
                start..item.range.end
            } else {
                item.range.clone()
            };
            first = false;
            let hint = Hint::Id(IdForm::Section);
            if let Some(mut piece) = new_piece(text, range, CitationKind::Id, hint) {
                piece.citation.section = Some(item.section.to_owned());
                piece.citation.paragraphs = item.paths.to_vec();
                piece.citation.et_seq = item.et_seq;
                out.push(piece);
            }
        });
        if let Some(r) = found {
            return Some(offset_of(text, r));
        }
    }
    let piece = new_piece(
        text,
        start..id_end,
        CitationKind::Id,
        Hint::Id(IdForm::Bare),
    )?;
    let end = piece.range.end;
    out.push(piece);
    Some(end)
}

/// `supra note 5`, `supra note 5, at 7630`, after an optional name.
pub(super) fn supra(text: &str, start: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let input = text.get(start..)?;
    let note = preceded(
        (ws1, tag("note"), ws1),
        map_opt(
            take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
            |d: &str| d.parse::<u32>().ok(),
        ),
    );
    let (rest, (_, note, pin)) = (
        tag("supra"),
        opt(note),
        opt(preceded((char(','), ws1, tag("at"), ws1), pin)),
    )
        .parse(input)
        .ok()?;
    let name = name_before(text, start);
    if note.is_none() && name.is_none() {
        return None;
    }
    let mut piece = new_piece(
        text,
        start..offset_of(text, rest),
        CitationKind::Supra,
        Hint::Supra(note, name),
    )?;
    if let Some(p) = pin {
        apply(&mut piece.citation, p);
    }
    piece.citation.number = note.map(|n| n.to_string());
    let end = piece.range.end;
    out.push(piece);
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        type Want<'a> = Option<(&'a str, Hint, Option<u32>, Option<u32>, Option<&'a str>)>;
        let cases: &[(&str, Want)] = &[
            (
                "Id. at 7630, para. 42; 47",
                Some((
                    "Id. at 7630, para. 42",
                    Hint::Id(IdForm::Pin),
                    Some(7630),
                    Some(42),
                    None,
                )),
            ),
            (
                "Id.* at 7630, para. 43",
                Some((
                    "Id.* at 7630, para. 43",
                    Hint::Id(IdForm::Pin),
                    Some(7630),
                    Some(43),
                    None,
                )),
            ),
            (
                "Id. § 64.1200(n)(6). II.",
                Some((
                    "Id. § 64.1200(n)(6)",
                    Hint::Id(IdForm::Section),
                    None,
                    None,
                    Some("64.1200"),
                )),
            ),
            (
                "id. at 5.",
                Some(("id. at 5", Hint::Id(IdForm::Pin), Some(5), None, None)),
            ),
            (
                "Id.",
                Some(("Id.", Hint::Id(IdForm::Bare), None, None, None)),
            ),
            (
                "Id. at",
                Some(("Id.", Hint::Id(IdForm::Bare), None, None, None)),
            ),
            (
                "Id. §",
                Some(("Id.", Hint::Id(IdForm::Bare), None, None, None)),
            ),
            ("Idaho", None),
        ];
        for (text, want) in cases {
            let got = super::super::run(id, text, 0).map(|(end, p)| {
                let c = &p[0].citation;
                (
                    &text[..end],
                    p[0].hint.clone(),
                    c.pin,
                    c.paragraph_pin,
                    c.section.clone(),
                )
            });
            let got = got
                .as_ref()
                .map(|(t, h, p, pp, s)| (*t, h.clone(), *p, *pp, s.as_deref()));
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn supras() {
        let text = "See Call Blocking Order, supra note 5, at 7630.";
        let (end, p) = super::super::run(supra, text, 25).unwrap();
        assert_eq!(&text[25..end], "supra note 5, at 7630");
        assert_eq!(p[0].citation.pin, Some(7630));
        match &p[0].hint {
            Hint::Supra(Some(5), Some(name)) => {
                assert_eq!(&text[name.clone()], "Call Blocking Order")
            }
            other => panic!("{other:?}"),
        }
        assert!(super::super::run(supra, "the supra clause", 4).is_none());
        assert!(super::super::run(supra, "supra note", 0).is_none());
    }
}
