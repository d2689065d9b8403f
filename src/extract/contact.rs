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

use super::phone::{find_email, phone_at_start};
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
        // The next entry's email must belong to the clause: no sentence ends between.
        if !out.is_empty() && who.contains(". ") {
            break;
        }
        let who = who
            .trim_end()
            .strip_suffix("at")
            .unwrap_or(who)
            .trim_end()
            .trim_end_matches(',');
        let mut parts = who.split(',').map(str::trim).filter(|p| !p.is_empty());
        let Some(name) = parts.next() else { break };
        if name.split_whitespace().count() > 5 || !name.starts_with(char::is_uppercase) {
            break;
        }
        let title = parts.next().map(squash);
        let organization: Vec<&str> = parts.collect();
        let mut after = rest.get(range.end..).unwrap_or("");
        // `at EMAIL or PHONE`.
        let mut phone = None;
        if let Some(or) = after
            .trim_start()
            .strip_prefix("or")
            .filter(|r| r.starts_with(char::is_whitespace))
        {
            if let Some((number, range)) = phone_at_start(or) {
                phone = Some(number);
                after = or.get(range.end..).unwrap_or("");
            }
        }
        out.push(Contact {
            role,
            name: squash(name),
            title,
            organization: (!organization.is_empty()).then(|| squash(&organization.join(", "))),
            email: Some(email.to_owned()),
            phone,
        });
        // The next person of the sentence: `; and cc: to B, …`, `, or B, …`, `; B, …`.
        let Some(m) = regex!(
            r"(?i-u)^[ \t\n]*[;,][ \t\n]*(?:(?:and|or)[ \t\n]+)?(?:(cc:?|copy)[ \t\n]*(?:to[ \t\n]+)?)?"
        )
        .captures(after) else {
            break;
        };
        if m.get(1).is_some() {
            role = ContactRole::Copy;
        }
        rest = after.get(m.get(0).map_or(0, |m| m.end())..).unwrap_or("");
        if !rest.starts_with(char::is_uppercase) {
            break;
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

        // Every person the sentence names is a contact, whatever joins them.
        let many = contacts("If you have questions, please contact Ann Smith, Attorney Advisor, at ann.smith@fcc.gov or (202) 555-0100, or Bob Jones, Paralegal Specialist, at bob.jones@fcc.gov or 202-555-0199, or Cy Young, at cy@fcc.gov; and cc: to Di Ross, Deputy Chief, at di.ross@fcc.gov. Other mail goes to ops@fcc.gov.");
        let many: Vec<_> = many
            .iter()
            .map(|c| {
                (
                    c.role,
                    c.name.as_str(),
                    c.title.as_deref(),
                    c.phone.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            many,
            [
                (
                    ContactRole::Inquiries,
                    "Ann Smith",
                    Some("Attorney Advisor"),
                    Some("+12025550100")
                ),
                (
                    ContactRole::Inquiries,
                    "Bob Jones",
                    Some("Paralegal Specialist"),
                    Some("+12025550199")
                ),
                (ContactRole::Inquiries, "Cy Young", None, None),
                (ContactRole::Copy, "Di Ross", Some("Deputy Chief"), None),
            ]
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
