//! Contacts named in the body.
//!
//! ```text
//! Please direct any inquiries regarding this letter to Daniel Stepanicich, Attorney Advisor,
//! Telecommunications Consumers Division, Enforcement Bureau, FCC, at Daniel.Stepanicich@fcc.gov
//! or (202) 418-7451; and cc: to Kristi Thompson, Division Chief, Telecommunications Consumers
//! Division, Enforcement Bureau, FCC, at kristi.thompson@fcc.gov.
//! ```
//!
//! Each entry is `NAME, TITLE, ORGANIZATION…, at EMAIL [or PHONE]`; entries after `cc:` are
//! copies. Notices and shorter letters write `contact NAME, TITLE, …, at EMAIL` instead.

use super::phone::{find_email, find_phone};
use crate::model::{Contact, ContactRole};
use crate::text::{find_words, regex, squash};

/// The contacts of the first paragraph that directs inquiries somewhere.
pub(crate) fn contacts(text: &str) -> Vec<Contact> {
    // Every contact has an email address: most paragraphs are ruled out by one memchr.
    if !text.contains('@') {
        return Vec::new();
    }
    // "… inquiries regarding this letter to NAME": the `to` in the same clause.
    let cues = find_words(text, "inquiries").map(|at| at + "inquiries".len());
    let cues = cues.chain(find_words(text, "questions").map(|at| at + "questions".len()));
    let to = cues.into_iter().find_map(|end| {
        let after = text.get(end..)?;
        let clause = after.get(..after.find(['.', ';']).unwrap_or(after.len()))?;
        let to = find_words(clause, "to").find(|&at| {
            clause
                .get(at + 2..)
                .is_some_and(|r| r.starts_with(char::is_whitespace))
        })?;
        let name = clause.get(to + 2..)?;
        Some(end + clause.len() - name.trim_start().len())
    });
    // "Please contact NAME, …" / "For further information, contact NAME, …".
    let contact = || {
        find_words(text, "contact").find_map(|at| {
            let rest = text.get(at + "contact".len()..)?;
            let name = rest.trim_start();
            (rest.starts_with(char::is_whitespace) && name.starts_with(char::is_uppercase))
                .then(|| text.len() - name.len())
        })
    };
    let Some(start) = to.or_else(contact) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut rest = text.get(start..).unwrap_or("");
    let mut role = ContactRole::Inquiries;
    while let Some((email, range)) = find_email(rest) {
        let who = rest.get(..range.start).unwrap_or("");
        let who = who
            .trim_end()
            .strip_suffix("at")
            .unwrap_or(who)
            .trim_end()
            .trim_end_matches(',');
        let mut parts = who.split(',').map(str::trim).filter(|p| !p.is_empty());
        let Some(name) = parts.next() else { break };
        if name.split_whitespace().count() > 5 {
            break;
        }
        let title = parts.next().map(squash);
        let organization: Vec<&str> = parts.collect();
        let after = rest.get(range.end..).unwrap_or("");
        let entry_end = after.find(';').unwrap_or(after.len());
        let entry = after.get(..entry_end).unwrap_or("");
        let or = entry
            .trim_start()
            .strip_prefix("or")
            .is_some_and(|r| r.starts_with(char::is_whitespace));
        let phone = if or {
            find_phone(entry).map(|(p, _)| p)
        } else {
            None
        };
        out.push(Contact {
            role,
            name: squash(name),
            title,
            organization: (!organization.is_empty()).then(|| squash(&organization.join(", "))),
            email: Some(email.to_owned()),
            phone,
        });
        let tail = after.get(entry_end..).unwrap_or("");
        match regex!(r"(?i-u)^;\s*(?:and\s+)?(?:cc:?|copy)\s*(?:to\s+)?").find(tail) {
            Some(m) => {
                role = ContactRole::Copy;
                rest = tail.get(m.end()..).unwrap_or("");
            }
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_table() {
        let sample = "Please direct any inquiries regarding this letter to Daniel Stepanicich, Attorney Advisor, Telecommunications Consumers Division, Enforcement Bureau, FCC, at Daniel.Stepanicich@fcc.gov or (202) 418-7451; and cc: to Kristi Thompson, Division Chief, Telecommunications Consumers Division, Enforcement Bureau, FCC, at kristi.thompson@fcc.gov. A copy of this letter has been sent to the Traceback Consortium.";
        let got = contacts(sample);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].role, ContactRole::Inquiries);
        assert_eq!(got[0].name, "Daniel Stepanicich");
        assert_eq!(got[0].title.as_deref(), Some("Attorney Advisor"));
        assert_eq!(
            got[0].organization.as_deref(),
            Some("Telecommunications Consumers Division, Enforcement Bureau, FCC")
        );
        assert_eq!(got[0].email.as_deref(), Some("Daniel.Stepanicich@fcc.gov"));
        assert_eq!(got[0].phone.as_deref(), Some("+12024187451"));
        assert_eq!(got[1].role, ContactRole::Copy);
        assert_eq!(got[1].name, "Kristi Thompson");
        assert_eq!(got[1].title.as_deref(), Some("Division Chief"));
        assert_eq!(got[1].email.as_deref(), Some("kristi.thompson@fcc.gov"));
        assert_eq!(got[1].phone, None);

        let short = contacts("Please contact Alex Example, Attorney Advisor, Telecommunications Consumers Division, Enforcement Bureau, at alex.example@fcc.test or (202) 555-0100 with any questions.");
        let short: Vec<_> = short
            .iter()
            .map(|c| (c.name.as_str(), c.title.as_deref(), c.phone.as_deref()))
            .collect();
        assert_eq!(
            short,
            [(
                "Alex Example",
                Some("Attorney Advisor"),
                Some("+12025550100")
            )]
        );

        let cases: &[(&str, usize)] = &[
            ("Direct questions to Jane Roe at jane.roe@fcc.gov.", 1),
            ("No contact here.", 0),
            (
                "For further information, contact Alex Example, Attorney Advisor, Enforcement Bureau, at alex.example@fcc.test.",
                1,
            ),
            ("Direct inquiries to", 0),
            ("Direct inquiries to the Enforcement Bureau of the Federal Communications Commission by writing at x@fcc.gov", 0),
        ];
        for (text, n) in cases {
            assert_eq!(contacts(text).len(), *n, "{text}");
        }
    }
}
