//! The built-in table of 47 U.S.C. and 47 CFR section headings and URLs.
//!
//! `sections.tsv` is data, not code: one row per section with its heading, its place in the
//! code, its canonical URL and where the heading was seen (see the file's header row). It is
//! read once, on first use.

use super::statute::Code;
use std::sync::OnceLock;

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    code: Code,
    section: &'static str,
    /// The heading as the code prints it; `None` where the table could not verify it.
    pub(super) heading: Option<&'static str>,
    /// `Part 64, Subpart L (Restrictions on Telemarketing, …)`.
    part: &'static str,
    pub(super) url: &'static str,
}

const TABLE: &str = include_str!("sections.tsv");

fn table() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut entries = TABLE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let code = match cols.next()? {
                    "usc" => Code::Usc,
                    "cfr" => Code::Cfr,
                    _ => return None,
                };
                let _title = cols.next()?;
                let section = cols.next()?;
                let heading = cols.next().filter(|h| !h.is_empty());
                let part = cols.next()?;
                let url = cols.next()?;
                Some(Entry {
                    code,
                    section,
                    heading,
                    part,
                    url,
                })
            })
            .collect::<Vec<_>>();
        entries.sort_by(|a, b| (a.code, a.section).cmp(&(b.code, b.section)));
        entries
    })
}

/// The row of title 47 `code` § `section`.
pub(super) fn section(code: Code, section: &str) -> Option<&'static Entry> {
    let table = table();
    let i = table
        .binary_search_by(|e| (e.code, e.section).cmp(&(code, section)))
        .ok()?;
    table.get(i)
}

/// The name and eCFR URL of 47 CFR Part `part` (and Subpart `subpart`), when the table
/// holds a section in it.
pub(super) fn part(part: &str, subpart: Option<&str>) -> Option<(Option<&'static str>, String)> {
    let prefix = match subpart {
        Some(sub) => format!("Part {part}, Subpart {sub}"),
        None => format!("Part {part}"),
    };
    let entry = table().iter().find(|e| {
        e.code == Code::Cfr
            && e.part.strip_prefix(prefix.as_str()).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(" (") || rest.starts_with(',')
            })
    })?;
    let heading = match subpart {
        Some(_) => entry.part.strip_prefix(prefix.as_str()),
        None => entry
            .part
            .strip_prefix(prefix.as_str())
            .filter(|rest| rest.starts_with(" (")),
    }
    .and_then(|rest| rest.trim().strip_prefix('('))
    .and_then(|rest| rest.strip_suffix(')'));
    let url = match subpart {
        Some(sub) => format!("https://www.ecfr.gov/current/title-47/part-{part}/subpart-{sub}"),
        None => format!("https://www.ecfr.gov/current/title-47/part-{part}"),
    };
    Some((heading, url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(table().len(), 48);
        let cases = [
            (Code::Cfr, "64.1200", Some(Some("Delivery restrictions."))),
            (
                Code::Cfr,
                "1.17",
                Some(Some("Truthful and accurate statements to the Commission.")),
            ),
            (
                Code::Usc,
                "227",
                Some(Some("Restrictions on use of telephone equipment")),
            ),
            (Code::Usc, "227b", Some(Some("Call authentication"))),
            (Code::Cfr, "64.1204", Some(None)),
            (Code::Cfr, "20.19", None),
            (Code::Usc, "64.1200", None),
        ];
        for (code, s, want) in cases {
            assert_eq!(section(code, s).map(|e| e.heading), want, "{s}");
        }
        assert_eq!(
            section(Code::Cfr, "64.1200").map(|e| e.url),
            Some("https://www.ecfr.gov/current/title-47/section-64.1200")
        );
        let (heading, url) = part("64", Some("L")).unwrap();
        assert_eq!(
            heading,
            Some(
                "Restrictions on Telemarketing, Telephone Solicitation, and Facsimile Advertising"
            )
        );
        assert_eq!(
            url,
            "https://www.ecfr.gov/current/title-47/part-64/subpart-L"
        );
        assert_eq!(
            part("1", None).map(|p| p.0),
            Some(Some("Practice and Procedure"))
        );
        assert!(part("99", None).is_none());
    }
}
