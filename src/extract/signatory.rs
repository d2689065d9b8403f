//! The signatory block after the closing.
//!
//! ```text
//! Kristi Thompson
//! Division Chief
//! Telecommunications Consumers Division
//! Enforcement Bureau
//! Federal Communications Commission
//! ```

use crate::model::Signatory;
use crate::text::squash;

/// Reads the block's lines: a name, then title, division and bureau in any order; a line
/// may hold several, comma-separated (`Chief, Enforcement Bureau`).
pub(crate) fn signatory<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<Signatory> {
    let mut lines = lines.into_iter();
    let name = squash(lines.next()?);
    if name.is_empty() {
        return None;
    }
    let mut s = Signatory {
        name,
        title: None,
        division: None,
        bureau: None,
    };
    for part in lines
        .flat_map(|l| l.split(','))
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let slot = if part.ends_with("Division") {
            &mut s.division
        } else if part.ends_with("Bureau") {
            &mut s.bureau
        } else if part.ends_with("Commission") || part == "FCC" {
            continue;
        } else {
            &mut s.title
        };
        if slot.is_none() {
            *slot = Some(squash(part));
        }
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks() {
        type Want<'a> = Option<(&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>)>;
        let cases: &[(&[&str], Want)] = &[
            (
                &[
                    "Kristi Thompson",
                    "Division Chief",
                    "Telecommunications Consumers Division",
                    "Enforcement Bureau",
                    "Federal Communications Commission",
                ],
                Some((
                    "Kristi Thompson",
                    Some("Division Chief"),
                    Some("Telecommunications Consumers Division"),
                    Some("Enforcement Bureau"),
                )),
            ),
            (
                &["Loyaan A. Egal", "Chief, Enforcement Bureau"],
                Some((
                    "Loyaan A. Egal",
                    Some("Chief"),
                    None,
                    Some("Enforcement Bureau"),
                )),
            ),
            (&["Jane Roe"], Some(("Jane Roe", None, None, None))),
            (&[], None),
            (&["  "], None),
        ];
        for (lines, want) in cases {
            let got = signatory(lines.iter().copied());
            let got = got.as_ref().map(|s| {
                (
                    s.name.as_str(),
                    s.title.as_deref(),
                    s.division.as_deref(),
                    s.bureau.as_deref(),
                )
            });
            assert_eq!(got, *want, "{lines:?}");
        }
    }
}
