//! A parse compared with a drawn letter's truth, field by field.
//!
//! Each check is one field of one letter (or one item: a deadline, contact, footnote or table
//! cell). A check applies unless the truth and the parse are both empty, so that fields a
//! template does not have do not count as correct. Citations are compared as multisets of
//! canonical strings, since their reading order differs between text forms (a footnote body
//! stands where its page ends); the document's own number, file numbers and dockets are
//! header facts (`identifiers`), not citations, however often page headers repeat them.

use super::cites::CiteTruth;
use super::facts::Facts;
use super::Letter;
use chrono::NaiveDate;
use fcc_notice::{ColumnKind, Notice};
use std::collections::BTreeMap;
use std::fmt::Debug;

/// One field compared.
#[derive(Debug, Clone)]
pub struct Check {
    pub field: &'static str,
    pub ok: bool,
    pub expected: String,
    pub got: String,
}

/// The checks of one letter.
#[derive(Debug, Default)]
pub struct Checks {
    pub items: Vec<Check>,
}

/// The order fields are reported in.
pub const FIELDS: &[&str] = &[
    "parse",
    "kind",
    "date",
    "issuer",
    "delivery",
    "recipient.name",
    "recipient.title",
    "recipient.organization",
    "recipient.address",
    "recipient.emails",
    "provider.name",
    "provider.short_name",
    "providers",
    "subject",
    "deadlines",
    "deadline.within",
    "deadline.due",
    "deadline.stated",
    "actions",
    "action",
    "contacts",
    "contact.role",
    "contact.name",
    "contact.title",
    "contact.organization",
    "contact.email",
    "contact.phone",
    "signatory",
    "footnotes",
    "footnote.text",
    "identifiers",
    "citations",
    "citations.refers",
    "attachment.columns",
    "records.count",
    "record.customer",
    "record.date",
    "record.caller_id",
    "record.called_number",
    "record.description",
    "record.violation",
    "record.raw",
    "records.exact",
    "customers",
];

fn short<T: Debug>(v: &T) -> String {
    let s = format!("{v:?}");
    if s.chars().count() > 400 {
        format!("{}…", s.chars().take(400).collect::<String>())
    } else {
        s
    }
}

impl Checks {
    /// Records a check of `field` unless both sides are empty (`applies` false).
    fn check<T: PartialEq + Debug>(
        &mut self,
        field: &'static str,
        expected: T,
        got: T,
        applies: bool,
    ) {
        if !applies {
            return;
        }
        debug_assert!(FIELDS.contains(&field), "unknown field {field}");
        let ok = expected == got;
        self.items.push(Check {
            field,
            ok,
            expected: short(&expected),
            got: short(&got),
        });
    }

    /// Compares two optional values; applies when either is present.
    fn opt<T: PartialEq + Debug>(
        &mut self,
        field: &'static str,
        expected: Option<T>,
        got: Option<T>,
    ) {
        let applies = expected.is_some() || got.is_some();
        self.check(field, expected, got, applies);
    }

    /// Compares two lists; applies when either is non-empty.
    fn list<T: PartialEq + Debug>(&mut self, field: &'static str, expected: Vec<T>, got: Vec<T>) {
        let applies = !expected.is_empty() || !got.is_empty();
        self.check(field, expected, got, applies);
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The address as a collapsed copy lets a reader split it: the street lines run together,
/// the `City, ST ZIP` line stands apart.
fn collapsed_address(lines: &[String]) -> Vec<String> {
    match lines.split_last() {
        Some((city, streets)) if !streets.is_empty() => vec![streets.join(" "), city.clone()],
        _ => lines.to_vec(),
    }
}

/// Compares a parse (`None`: the parse failed) with the letter's truth.
pub fn compare(letter: &Letter, notice: Option<&Notice>, collapsed: bool) -> Checks {
    let f = &letter.facts;
    let mut c = Checks::default();
    c.check("parse", true, notice.is_some(), true);
    let n = notice;

    c.check("kind", Some(f.template.kind()), n.map(|n| n.kind), true);
    c.opt("date", Some(f.date), n.and_then(|n| n.date));

    if f.template.is_letter() {
        let expected = f.issuer.as_ref().map(|i| {
            (
                i.agency.clone(),
                i.bureau.clone(),
                i.division.clone(),
                i.address.clone(),
            )
        });
        let got = n.and_then(|n| n.issuer.as_ref()).map(|i| {
            (
                i.agency.clone().unwrap_or_default(),
                i.bureau.clone(),
                i.division.clone(),
                i.address.clone(),
            )
        });
        c.opt("issuer", expected, got);
    }
    c.opt(
        "delivery",
        f.delivery.clone(),
        n.and_then(|n| n.delivery.clone()),
    );

    let got_r = n.and_then(|n| n.recipient.as_ref());
    let r = f.recipient.as_ref();
    c.opt(
        "recipient.name",
        r.map(|r| r.name.clone()),
        got_r.and_then(|g| g.name.clone()),
    );
    c.opt(
        "recipient.title",
        r.and_then(|r| r.title.clone()),
        got_r.and_then(|g| g.title.clone()),
    );
    c.opt(
        "recipient.organization",
        r.map(|r| r.organization.clone()),
        got_r.and_then(|g| g.organization.clone()),
    );
    let address = r.map_or(vec![], |r| {
        if collapsed {
            collapsed_address(&r.address)
        } else {
            r.address.clone()
        }
    });
    c.list(
        "recipient.address",
        address,
        got_r.map_or(vec![], |g| g.address.clone()),
    );
    c.list(
        "recipient.emails",
        r.map_or(vec![], |r| r.emails.clone()),
        got_r.map_or(vec![], |g| g.emails.clone()),
    );

    let got_p = n.and_then(|n| n.provider.as_ref());
    c.opt(
        "provider.name",
        Some(f.provider.name.clone()),
        got_p.map(|p| p.name.clone()),
    );
    c.opt(
        "provider.short_name",
        f.provider.short_name.clone(),
        got_p.and_then(|p| p.short_name.clone()),
    );
    if let Some(list) = &f.providers {
        let expected: Vec<(String, Option<String>)> = list
            .iter()
            .map(|p| (p.name.clone(), p.short_name.clone()))
            .collect();
        let got = n.map_or(vec![], |n| {
            n.providers
                .iter()
                .map(|p| (p.name.clone(), p.short_name.clone()))
                .collect()
        });
        c.list("providers", expected, got);
    }
    c.opt(
        "subject",
        f.subject.clone(),
        n.and_then(|n| n.subject.clone()),
    );

    deadlines(&mut c, f, n);

    let expected: Vec<String> = f.actions.iter().map(|a| collapse(&a.text)).collect();
    let got: Vec<String> = n.map_or(vec![], |n| n.actions.iter().map(|a| collapse(a)).collect());
    for (i, e) in expected.iter().enumerate() {
        c.check("action", Some(e), got.get(i), true);
    }
    c.list("actions", expected, got);

    contacts(&mut c, f, n);

    let sig = f.signatory.as_ref().map(|s| {
        (
            s.name.clone(),
            Some(s.title.clone()),
            s.division.clone(),
            Some(s.bureau.clone()),
        )
    });
    let got_sig = n.and_then(|n| n.signatory.as_ref()).map(|s| {
        (
            s.name.clone(),
            s.title.clone(),
            s.division.clone(),
            s.bureau.clone(),
        )
    });
    c.opt("signatory", sig, got_sig);

    let expected: Vec<(u32, String)> = f
        .footnotes
        .iter()
        .enumerate()
        .map(|(i, t)| (i as u32 + 1, collapse(&t.text)))
        .collect();
    let got: Vec<(u32, String)> = n.map_or(vec![], |n| {
        n.footnotes
            .iter()
            .map(|t| (t.number, collapse(&t.text)))
            .collect()
    });
    for (number, text) in &expected {
        let g = got.iter().find(|(k, _)| k == number).map(|(_, t)| t);
        c.check("footnote.text", Some(text), g, true);
    }
    c.list("footnotes", expected, got);

    citations(&mut c, letter, n);
    table(&mut c, f, n);
    c
}

fn deadlines(c: &mut Checks, f: &Facts, n: Option<&Notice>) {
    type Row = (String, String, Option<NaiveDate>, Option<NaiveDate>);
    let expected: Vec<Row> = f
        .deadlines
        .iter()
        .map(|d| {
            (
                format!("{:?}", d.kind),
                d.within.to_string(),
                Some(d.due),
                d.stated,
            )
        })
        .collect();
    let mut got: Vec<Row> = n.map_or(vec![], |n| {
        n.deadlines
            .iter()
            .map(|d| {
                (
                    format!("{:?}", d.kind),
                    d.within.to_string(),
                    d.due,
                    d.stated,
                )
            })
            .collect()
    });
    got.sort();
    let mut sorted = expected.clone();
    sorted.sort();
    for e in &expected {
        let g = got.iter().find(|g| g.0 == e.0);
        c.check("deadline.within", Some(&e.1), g.map(|g| &g.1), true);
        c.check("deadline.due", e.2, g.and_then(|g| g.2), true);
        c.check(
            "deadline.stated",
            e.3,
            g.and_then(|g| g.3),
            e.3.is_some() || g.is_some_and(|g| g.3.is_some()),
        );
    }
    c.list("deadlines", sorted, got);
}

fn contacts(c: &mut Checks, f: &Facts, n: Option<&Notice>) {
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let expected: Vec<Row> = f
        .contacts
        .iter()
        .map(|k| {
            (
                format!("{:?}", k.role),
                k.name.clone(),
                Some(k.title.clone()),
                k.organization.clone(),
                k.email.clone(),
                k.phone.as_ref().map(|p| p.1.clone()),
            )
        })
        .collect();
    let got: Vec<Row> = n.map_or(vec![], |n| {
        n.contacts
            .iter()
            .map(|k| {
                (
                    format!("{:?}", k.role),
                    k.name.clone(),
                    k.title.clone(),
                    k.organization.clone(),
                    k.email.clone(),
                    k.phone.clone(),
                )
            })
            .collect()
    });
    for (i, e) in expected.iter().enumerate() {
        let g = got.get(i);
        c.check("contact.role", Some(&e.0), g.map(|g| &g.0), true);
        c.check("contact.name", Some(&e.1), g.map(|g| &g.1), true);
        c.check(
            "contact.title",
            e.2.as_ref(),
            g.and_then(|g| g.2.as_ref()),
            true,
        );
        c.opt(
            "contact.organization",
            e.3.as_ref(),
            g.and_then(|g| g.3.as_ref()),
        );
        c.opt("contact.email", e.4.as_ref(), g.and_then(|g| g.4.as_ref()));
        c.opt("contact.phone", e.5.as_ref(), g.and_then(|g| g.5.as_ref()));
    }
    c.list("contacts", expected, got);
}

/// The difference of two sorted multisets, for failure messages.
fn diff(expected: &[String], got: &[String]) -> (Vec<String>, Vec<String>) {
    let mut missing = Vec::new();
    let mut extra = got.to_vec();
    for e in expected {
        match extra.iter().position(|g| g == e) {
            Some(i) => {
                extra.remove(i);
            }
            None => missing.push(e.clone()),
        }
    }
    (missing, extra)
}

fn citations(c: &mut Checks, letter: &Letter, n: Option<&Notice>) {
    let own = (&letter.own_da, &letter.own_files, &letter.own_dockets);
    let got_own = n.map(|n| (&n.document_number, &n.file_numbers, &n.dockets));
    let applies = own.0.is_some() || !own.1.is_empty() || !own.2.is_empty();
    c.check(
        "identifiers",
        Some(own),
        got_own,
        applies || got_own.is_some_and(|g| g.0.is_some() || !g.1.is_empty() || !g.2.is_empty()),
    );
    let mut expected: Vec<String> = letter.cites.iter().map(|t| t.canonical.clone()).collect();
    expected.sort();
    let got_all: Vec<&fcc_notice::Citation> = n.map_or(vec![], |n| n.citations.iter().collect());
    let mut got: Vec<String> = got_all.iter().map(|t| t.canonical.clone()).collect();
    got.sort();
    let (missing, extra) = diff(&expected, &got);
    c.check(
        "citations",
        format!("all {} found", expected.len()),
        if missing.is_empty() && extra.is_empty() {
            format!("all {} found", expected.len())
        } else {
            format!("missing {missing:?}, extra {extra:?}")
        },
        !expected.is_empty() || !got.is_empty(),
    );

    let refers =
        |t: &CiteTruth| format!("{} -> {}", t.canonical, t.refers.as_deref().unwrap_or(""));
    let mut expected: Vec<String> = letter
        .cites
        .iter()
        .filter(|t| t.refers.is_some())
        .map(refers)
        .collect();
    expected.sort();
    let mut got: Vec<String> = got_all
        .iter()
        .filter_map(|t| {
            let target = got_all.get(t.refers_to?)?;
            Some(format!("{} -> {}", t.canonical, target.canonical))
        })
        .collect();
    got.sort();
    let applies = !expected.is_empty() || !got.is_empty();
    let (missing, extra) = diff(&expected, &got);
    let ok_text = format!("all {} resolved", expected.len());
    c.check(
        "citations.refers",
        ok_text.clone(),
        if missing.is_empty() && extra.is_empty() {
            ok_text
        } else {
            format!("missing {missing:?}, extra {extra:?}")
        },
        applies,
    );
}

fn table(c: &mut Checks, f: &Facts, n: Option<&Notice>) {
    let got_att = n.and_then(|n| n.attachment.as_ref());
    let expected_cols = f.table.as_ref().map(|t| t.columns.clone());
    let got_cols = got_att.map(|a| {
        a.columns
            .iter()
            .map(|k| (k.header.clone(), k.kind))
            .collect::<Vec<_>>()
    });
    c.opt("attachment.columns", expected_cols, got_cols);
    let rows = f.table.as_ref().map_or(&[][..], |t| t.rows.as_slice());
    let got = n.map_or(&[][..], |n| n.records());
    c.check(
        "records.count",
        rows.len(),
        got.len(),
        !rows.is_empty() || !got.is_empty(),
    );
    let Some(t) = &f.table else { return };
    let kinds: Vec<ColumnKind> = t.columns.iter().map(|k| k.1).collect();
    let has = |k: ColumnKind| kinds.contains(&k);
    let mut exact = rows.len() == got.len();
    for (i, r) in rows.iter().enumerate() {
        let g = got.get(i);
        let mut cell = |c: &mut Checks,
                        field: &'static str,
                        applies: bool,
                        e: Option<String>,
                        v: Option<String>| {
            if applies {
                exact &= e == v;
                c.check(field, e, v, true);
            }
        };
        cell(
            c,
            "record.customer",
            has(ColumnKind::Customer),
            r.customer.clone(),
            g.and_then(|g| g.customer.clone()),
        );
        cell(
            c,
            "record.date",
            has(ColumnKind::Date),
            r.date.map(|d| d.to_string()),
            g.and_then(|g| g.date.map(|d| d.to_string())),
        );
        cell(
            c,
            "record.caller_id",
            has(ColumnKind::CallerId),
            r.caller_id.clone(),
            g.and_then(|g| g.caller_id.clone()),
        );
        cell(
            c,
            "record.called_number",
            has(ColumnKind::CalledNumber),
            r.called_number.clone(),
            g.and_then(|g| g.called_number.clone()),
        );
        cell(
            c,
            "record.description",
            has(ColumnKind::Description),
            r.description.clone(),
            g.and_then(|g| g.description.clone()),
        );
        cell(
            c,
            "record.violation",
            has(ColumnKind::Violation),
            r.violation.clone(),
            g.and_then(|g| g.violation.as_ref().map(|v| v.text.clone())),
        );
        let e: BTreeMap<ColumnKind, String> = r.raw.clone();
        let v = g.map(|g| g.raw.clone()).unwrap_or_default();
        exact &= e == v;
        c.check(
            "record.raw",
            e.clone(),
            v.clone(),
            !e.is_empty() || !v.is_empty(),
        );
    }
    c.check("records.exact", true, exact, !rows.is_empty());
    if has(ColumnKind::Customer) {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for r in rows {
            *counts.entry(r.customer.clone().unwrap()).or_default() += 1;
        }
        let expected: Vec<(String, usize)> = counts.into_iter().collect();
        let mut got: Vec<(String, usize)> = n.map_or(vec![], |n| {
            n.customers()
                .into_iter()
                .map(|k| (k.name, k.calls))
                .collect()
        });
        got.sort();
        c.list("customers", expected, got);
    }
}
