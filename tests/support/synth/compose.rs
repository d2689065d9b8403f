//! Facts → [`Doc`]: the wording of each template, with its variants.
//!
//! The wording follows the real letters quoted in VARIATIONS.md and the sample letter. Every
//! citation the wording itself adds to the body (`section 64.1200(n)(2) of the Commission’s
//! rules`, `See 47 CFR § 64.1200(k)(4), (f)(18).`, caption file numbers) is returned with the
//! document, so that the truth lists every citation a reader finds.

use super::cites::CiteTruth;
use super::doc::{Align, Block, Doc, Inline, ListStyle, RunningHeader, Table};
use super::facts::{self, ContactForm, ContactTruth, Facts, Letterhead, Template};
use super::rng::Rng;
use chrono::{Datelike, Duration};
use fcc_notice::{ContactRole, DeadlineKind};

/// A composed letter: the document and the citations its wording adds.
#[derive(Debug, Clone)]
pub struct Composed {
    pub doc: Doc,
    /// Citations in the body and headers (not those of footnotes or the table).
    pub cites: Vec<CiteTruth>,
    /// The document's own DA number (`DA 24-888`), which page headers may repeat.
    pub own_da: Option<String>,
    /// The file numbers (`EB-TCD-24-00088888`) and dockets (`EB Docket No. 24-188`) of the
    /// header: the document's own, not citations.
    pub own_files: Vec<String>,
    pub own_dockets: Vec<String>,
}

/// Builds a paragraph's inlines; `slot` marks where a footnote mark may go.
#[derive(Default)]
struct P {
    inl: Vec<Inline>,
}

impl P {
    fn t(mut self, s: &str) -> Self {
        match self.inl.last_mut() {
            Some(Inline::Text(prev)) => prev.push_str(s),
            _ => self.inl.push(Inline::Text(s.to_string())),
        }
        self
    }
    fn it(mut self, s: &str) -> Self {
        self.inl.push(Inline::Italic(s.to_string()));
        self
    }
    /// A possible footnote mark (numbered or dropped later).
    fn slot(mut self) -> Self {
        self.inl.push(Inline::Mark(0));
        self
    }
}

struct Writer<'a> {
    f: &'a Facts,
    rng: Rng,
    blocks: Vec<Block>,
    cites: Vec<CiteTruth>,
    own_files: Vec<String>,
    own_dockets: Vec<String>,
}

impl Writer<'_> {
    fn lines(&mut self, lines: Vec<String>, align: Align, bold: bool) {
        self.blocks.push(Block::Lines { lines, align, bold });
    }
    fn para(&mut self, run_in: Option<&str>, number: Option<u32>, p: P) {
        self.blocks.push(Block::Para {
            run_in: run_in.map(str::to_string),
            number,
            text: p.inl,
        });
    }
    fn cite(&mut self, canonical: &str) {
        self.cites.push(CiteTruth::full(canonical));
    }
    fn cite_short(&mut self, canonical: &str, refers: &str) {
        self.cites.push(CiteTruth::short(canonical, refers));
    }
    fn s(&self) -> String {
        self.f.provider.short().to_string()
    }
    fn possessive(&mut self) -> String {
        let s = self.s();
        if self.rng.chance(0.5) {
            format!("{s}’s")
        } else {
            format!("{s}'s")
        }
    }
}

/// Composes the drawn facts into a document.
pub fn compose(f: &Facts, rng: &mut Rng) -> Composed {
    let mut w = Writer {
        f,
        rng: rng.fork(),
        blocks: Vec::new(),
        cites: Vec::new(),
        own_files: Vec::new(),
        own_dockets: Vec::new(),
    };
    let mut own_da = None;
    let mut running_header = None;
    match f.template {
        Template::CeaseAndDesist2020 | Template::CeaseAndDesistK4 | Template::SuspectedTraffic => {
            letter_head(&mut w);
            match f.template {
                Template::CeaseAndDesist2020 => body_2020(&mut w),
                Template::CeaseAndDesistK4 => body_k4(&mut w),
                _ => body_nsit(&mut w),
            }
            contacts(&mut w);
            letter_close(&mut w);
        }
        Template::InitialDetermination | Template::FinalDetermination => {
            let o = f.order.as_ref().unwrap();
            let da = format!("DA {}", o.da);
            own_da = Some(da.clone());
            running_header = Some(RunningHeader {
                left: "Federal Communications Commission".into(),
                right: da.clone(),
            });
            order(&mut w, &da);
        }
        Template::PublicNotice => {
            let o = f.order.as_ref().unwrap();
            let da = format!("DA {}", o.da);
            own_da = Some(da.clone());
            public_notice(&mut w, &da);
        }
    }
    number_marks(&mut w.blocks, f.footnotes.len(), &mut w.rng);
    let page_numbers = f.template.is_order() || w.rng.chance(0.4);
    Composed {
        doc: Doc {
            blocks: w.blocks,
            footnotes: f.footnotes.iter().map(|n| n.text.clone()).collect(),
            table: f.table.as_ref().map(|t| Table {
                title: t.title.clone(),
                header: t.columns.iter().map(|c| c.0.clone()).collect(),
                rows: t.rows.iter().map(|r| r.cells.clone()).collect(),
            }),
            running_header,
            page_numbers,
        },
        cites: w.cites,
        own_da,
        own_files: w.own_files,
        own_dockets: w.own_dockets,
    }
}

/// Numbers `count` of the footnote slots, in reading order, and drops the rest.
fn number_marks(blocks: &mut [Block], count: usize, rng: &mut Rng) {
    let mut slots = 0;
    for_each_text(blocks, &mut |inl| {
        slots += inl.iter().filter(|i| matches!(i, Inline::Mark(0))).count()
    });
    assert!(
        slots >= count,
        "the template has {slots} footnote slots for {count} footnotes"
    );
    // Choose which slots keep a mark: `count` of `slots`, uniformly.
    let mut keep = vec![false; slots];
    let mut chosen = 0;
    for (i, k) in keep.iter_mut().enumerate() {
        let left = slots - i;
        if rng.below(left) < count - chosen {
            *k = true;
            chosen += 1;
        }
    }
    let mut index = 0;
    let mut number = 0;
    for_each_text(blocks, &mut |inl| {
        let mut out = Vec::with_capacity(inl.len());
        for item in inl.drain(..) {
            if item == Inline::Mark(0) {
                if keep[index] {
                    number += 1;
                    out.push(Inline::Mark(number));
                }
                index += 1;
            } else {
                out.push(item);
            }
        }
        *inl = out;
    });
}

fn for_each_text(blocks: &mut [Block], f: &mut dyn FnMut(&mut Vec<Inline>)) {
    for b in blocks {
        match b {
            Block::Para { text, .. } => f(text),
            Block::List { items, .. } => items.iter_mut().for_each(&mut *f),
            _ => {}
        }
    }
}

fn letter_head(w: &mut Writer<'_>) {
    let f = w.f;
    let head: Option<Vec<&str>> = match f.letterhead {
        Letterhead::Sample => Some(vec![
            "Federal Communications Commission",
            "Enforcement Bureau",
            "45 L Street, NE",
            "Washington, DC 20554",
        ]),
        Letterhead::Caps => Some(vec![
            "FEDERAL COMMUNICATIONS COMMISSION",
            "Enforcement Bureau",
            "Telecommunications Consumers Division",
            "45 L Street, NE",
            "Washington, DC 20554",
        ]),
        Letterhead::Old => Some(vec![
            "United States of America",
            "Federal Communications Commission",
            "445 12th Street, SW",
            "Washington, DC 20554",
        ]),
        Letterhead::None => None,
    };
    if let Some(head) = head {
        w.lines(
            head.into_iter().map(String::from).collect(),
            Align::Center,
            false,
        );
    }
    w.lines(vec![facts::long_date(f.date)], Align::Left, false);
    if let Some(d) = &f.delivery {
        w.lines(vec![d.clone()], Align::Left, true);
    }
    let r = f.recipient.as_ref().unwrap();
    let mut lines = vec![if r.to_prefix {
        format!("To: {}", r.name)
    } else {
        r.name.clone()
    }];
    lines.extend(r.title.clone());
    lines.push(r.organization.clone());
    lines.extend(r.address.iter().cloned());
    lines.extend(r.emails.iter().cloned());
    w.lines(lines, Align::Left, false);
    w.lines(
        vec![format!("Re: {}", f.subject.as_deref().unwrap())],
        Align::Left,
        true,
    );
    let end = if f.salutation_colon { ':' } else { ',' };
    let salutation = if w.rng.chance(0.15) {
        format!("Dear {}{end}", r.name)
    } else {
        format!("Dear {} {}{end}", r.honorific, r.last_name)
    };
    w.lines(vec![salutation], Align::Left, false);
}

/// The 14-day report phrase: `within fourteen (14) days of this letter (April 27, 2021)`.
fn report_phrase(w: &mut Writer<'_>, of_date: bool) -> String {
    let f = w.f;
    let d = f.deadline(DeadlineKind::Report).unwrap();
    let of = if of_date || w.rng.chance(0.5) {
        "of the date of this letter"
    } else {
        "of this letter"
    };
    format!(
        "within {} {of}{}",
        facts::period(f.report_numeral, true),
        facts::stated_text(d, f.stated_abbreviated)
    )
}

fn attachment_ref(w: &Writer<'_>, lead: &str) -> String {
    if w.f.table.is_some() {
        format!("{lead} Attachment A")
    } else {
        String::new()
    }
}

fn body_k4(w: &mut Writer<'_>) {
    let f = w.f;
    let (verb, past) = *w.rng.pick(&[
        ("transmitting", "transmitted"),
        ("originating", "originated"),
        ("routing and transmitting", "routed and transmitted"),
    ]);
    let object = *w.rng.pick(&[
        "on behalf of one or more of its clients",
        "on behalf of at least four clients",
    ]);
    let s = w.s();
    let poss = w.possessive();
    let mut p = P::default()
        .t(&format!("We have determined that {} is apparently {verb} illegal robocall traffic {object}.", f.provider.defined()))
        .slot()
        .t(" You should investigate and, if necessary, cease transmitting such traffic immediately and take steps to prevent your network from continuing to be a source of apparently illegal robocalls.")
        .slot();
    if w.rng.chance(0.3) {
        p = p.t(" See 47 CFR § 64.1200(k)(4), (f)(18).");
        w.cite("47 CFR § 64.1200(k)(4)");
        w.cite("47 CFR § 64.1200(f)(18)");
    }
    let hours = facts::period(f.mitigate_numeral, false);
    let sentence = if w.rng.chance(0.35) {
        // The Urth Access shape: the 48-hour phrase inside the quotation.
        let report = report_phrase(w, true);
        format!(
            " As noted below, downstream voice service providers will be authorized to block all of {poss} traffic if you do not (1) take steps to “effectively mitigate illegal traffic within {hours},” and (2) inform the Commission and the Traceback Consortium {report} of the steps you have taken to “implement effective measures” to prevent customers from using your network to make illegal calls."
        )
    } else {
        let report = report_phrase(w, false);
        let mitigate = if w.rng.chance(0.7) {
            format!("take steps to \"effectively mitigate illegal traffic\" within {hours}")
        } else {
            format!("take steps to effectively mitigate illegal traffic within {hours}")
        };
        format!(
            " As noted below, downstream voice service providers will be authorized to block all of {poss} traffic if you do not {mitigate}, or if you fail to inform the Commission and the Traceback Consortium {report} of the steps you have taken to \"implement effective measures\" to prevent customers from using your network to make illegal calls."
        )
    };
    p = p.t(&sentence).slot();
    if w.rng.chance(0.3) {
        p = p.t(" Additionally, if you continue knowingly or negligently to originate illegal robocall campaigns after responding to this letter, we may initiate proceedings to remove your certification from the Robocall Mitigation Database thereby requiring all intermediate providers and terminating voice service providers to cease accepting your traffic.").slot();
    }
    w.para(None, None, p);

    let (run_in, lead) = *w.rng.pick(&[
        (
            "Why You Are Receiving This Notification.",
            " from the sources listed in",
        ),
        (
            "Basis for finding apparent violations.",
            ", as set forth in",
        ),
    ]);
    let att = attachment_ref(w, lead);
    let p = P::default()
        .t(&format!("You are receiving this letter because one or more investigations conducted by the Commission, in conjunction with the Traceback Consortium, revealed that {s} apparently {past} multiple illegal robocall campaigns{att}."))
        .slot()
        .t(" The Traceback Consortium is the registered industry consortium that conducts tracebacks of suspected illegal calls.")
        .slot();
    w.para(Some(run_in), None, p);
    actions(w);
    consequences(w);
}

fn actions(w: &mut Writer<'_>) {
    let f = w.f;
    if f.actions.is_empty() {
        return;
    }
    let s = w.s();
    w.para(
        Some("Actions You Should Take Now."),
        None,
        P::default().t(&format!(
            "{s} should take the following steps to resolve this matter:"
        )),
    );
    let style =
        [ListStyle::Numbered, ListStyle::Lettered, ListStyle::Bullet][w.rng.weighted(&[5, 2, 2])];
    let items = f
        .actions
        .iter()
        .map(|a| P::default().t(&a.text).slot().inl)
        .collect();
    for a in &f.actions {
        w.cites.extend(a.cites.iter().cloned());
    }
    w.blocks.push(Block::List { style, items });
}

fn consequences(w: &mut Writer<'_>) {
    let s = w.s();
    let p = P::default()
        .t(&format!("If after 48 hours of issuance of this letter {s} continues to route or transmit harmful robocall traffic from the entities involved in these campaigns, downstream U.S.-based voice service providers may begin blocking all calls from {s} after notifying the Commission of their decision and providing a brief summary of their basis for making such a determination."))
        .slot()
        .t(&format!(" Furthermore, if {s} fails to take sufficient mitigating actions to prevent its network from continuing to be used to transmit illegal robocalls, then downstream U.S.-based providers may block calls following notice to the Commission."))
        .slot()
        .t(" Failure to act within the deadlines may result in the Commission issuing a notice to all U.S.-based voice service providers that they may permanently block ALL call traffic transmitting from your network.")
        .slot();
    w.para(Some("Consequences for Failure to Comply."), None, p);
}

fn body_2020(w: &mut Writer<'_>) {
    let f = w.f;
    let poss = w.possessive();
    let s = w.s();
    let origin = *w.rng.pick(&[
        "on behalf of one or more of its clients",
        "originating from at least one wholesale provider that your company has refused to identify",
    ]);
    let hours = facts::period(f.mitigate_numeral, false);
    let report = report_phrase(w, true);
    let stop = if w.rng.chance(0.5) {
        format!(" {poss} traffic should cease immediately.")
    } else {
        " We request that you cease routing and transmitting such traffic immediately.".to_string()
    };
    let p = P::default()
        .t(&format!(
            "We have determined that {} is apparently routing and transmitting Novel Coronavirus Disease (COVID-19) scam robocall traffic {origin}.",
            f.provider.defined()
        ))
        .slot()
        .t(&stop)
        .slot()
        .t(&format!(
            " Downstream providers will be authorized to block all of {poss} traffic if you do not take steps to effectively mitigate illegal traffic within {hours}, or if you fail to inform the Commission {report} of the steps you have taken."
        ))
        .slot();
    w.para(None, None, p);
    let mut p = P::default();
    if f.date > chrono::NaiveDate::from_ymd_opt(2020, 3, 20).unwrap() {
        p = p.t("On March 13, 2020, the President declared a national emergency concerning the COVID-19 outbreak.").slot().t(" ");
    }
    p = p
        .t("Fraudsters and unscrupulous actors have taken advantage of this national health crisis to send scam robocalls to consumers across the United States.")
        .slot()
        .t(" These unwanted robocalls include messages alleging that recipients have been charged $399 for tech support services but may receive a refund by responding to the robocall.")
        .slot()
        .t(" Our agencies will aggressively pursue legal action against unlawful robocallers and, where appropriate, pursue legal action against voice providers routing or transmitting such traffic on their networks.")
        .slot();
    w.para(None, None, p);
    let att = attachment_ref(w, ", as identified in");
    let p = P::default()
        .t(&format!("Investigations conducted by our agencies, in conjunction with the USTelecom Industry Traceback Group, revealed that {s} is a gateway voice provider for apparently fraudulent COVID-19 robocalls{att}."))
        .slot();
    w.para(None, None, p);
    actions(w);
    consequences(w);
}

fn body_nsit(w: &mut Writer<'_>) {
    let f = w.f;
    let s = w.s();
    let poss = w.possessive();
    let report = report_phrase(w, true);
    let rules = if w.rng.chance(0.5) {
        "Commission’s rules"
    } else {
        "Commission's rules"
    };
    w.cite("47 CFR § 64.1200(n)(2)");
    let mitigate = if w.rng.chance(0.6) {
        "must take steps to “effectively mitigate illegal traffic within 48 hours,” and must inform the Commission".to_string()
    } else {
        "must effectively mitigate the identified traffic within 48 hours and must inform the Commission".to_string()
    };
    let p = P::default()
        .t(&format!("The Enforcement Bureau has determined that {} is apparently originating illegal robocall traffic on behalf of at least four clients.", f.provider.defined()))
        .slot()
        .t(&format!(" This letter serves as notice under section 64.1200(n)(2) of the {rules}."))
        .slot()
        .t(&format!(" {s} {mitigate} {report} of the steps it has taken."))
        .slot();
    w.para(None, None, p);
    let att = attachment_ref(w, " in");
    let p = P::default()
        .t(&format!("The Bureau identified the suspected illegal calls{att} through tracebacks conducted by the Traceback Consortium."))
        .slot()
        .t(&format!(" If {s} fails to take these steps, downstream providers may be required to block all of {poss} traffic."))
        .slot()
        .t(" Combatting harmful and abusive robocallers is the Commission’s top consumer protection priority.")
        .slot();
    w.para(Some("Suspected Illegal Traffic."), None, p);
    actions(w);
    consequences(w);
}

/// `A, Attorney Advisor, Telecommunications Consumers Division, Enforcement Bureau, FCC, at
/// a@fcc.gov or (202) 555-0100`.
fn contact_text(rng: &mut Rng, c: &ContactTruth) -> String {
    let mut s = format!("{}, {}", c.name, c.title);
    if let Some(o) = &c.organization {
        s.push_str(", ");
        s.push_str(o);
    }
    let reach = match (&c.email, &c.phone) {
        (Some(e), Some((p, _))) if rng.chance(0.2) => format!("{p} or {e}"),
        (Some(e), Some((p, _))) => format!("{e} or {p}"),
        (Some(e), None) => e.clone(),
        (None, Some((p, _))) => p.clone(),
        (None, None) => unreachable!("a contact has an email or a phone"),
    };
    s.push_str(", at ");
    s.push_str(&reach);
    s
}

fn join_contacts(rng: &mut Rng, cs: &[&ContactTruth], last_sep: &str) -> String {
    let texts: Vec<String> = cs.iter().map(|c| contact_text(rng, c)).collect();
    match texts.len() {
        0 => String::new(),
        1 => texts[0].clone(),
        n => format!("{}{last_sep}{}", texts[..n - 1].join("; "), texts[n - 1]),
    }
}

fn contacts(w: &mut Writer<'_>) {
    let f = w.f;
    if f.contacts.is_empty() {
        return;
    }
    let inquiries: Vec<&ContactTruth> = f
        .contacts
        .iter()
        .filter(|c| c.role == ContactRole::Inquiries)
        .collect();
    let copies: Vec<&ContactTruth> = f
        .contacts
        .iter()
        .filter(|c| c.role == ContactRole::Copy)
        .collect();
    let sep = if inquiries.len() > 2 || w.rng.chance(0.5) {
        "; or "
    } else {
        ", or "
    };
    let text = match f.contact_form {
        ContactForm::DirectInquiries => {
            let mut t = format!(
                "Please direct any inquiries regarding this letter to {}",
                join_contacts(&mut w.rng, &inquiries, sep)
            );
            if !copies.is_empty() {
                t.push_str("; and cc: to ");
                t.push_str(&join_contacts(&mut w.rng, &copies, " and "));
            }
            t.push('.');
            t
        }
        ContactForm::PleaseContact if inquiries.len() == 1 && w.rng.chance(0.5) => {
            format!(
                "Please contact {} with any questions.",
                contact_text(&mut w.rng, inquiries[0])
            )
        }
        ContactForm::PleaseContact => {
            format!(
                "If you have any questions, please contact {}.",
                join_contacts(&mut w.rng, &inquiries, sep)
            )
        }
        ContactForm::FurtherInformation => {
            format!(
                "For further information, contact {}.",
                join_contacts(&mut w.rng, &inquiries, sep)
            )
        }
    };
    let mut p = P::default().t(&text);
    if f.template.is_letter() && w.rng.chance(0.6) {
        p = p.t(" A copy of this letter has been sent to the Traceback Consortium.");
    }
    w.para(None, None, p);
}

fn letter_close(w: &mut Writer<'_>) {
    let sig = w.f.signatory.as_ref().unwrap();
    w.lines(vec!["Sincerely,".into()], Align::Left, false);
    if let Some(image) = &sig.image {
        w.blocks.push(Block::SignatureImage(image.clone()));
    }
    if sig.page_break {
        w.blocks.push(Block::PageBreak);
    } else if sig.image.is_none() {
        w.blocks.push(Block::Gap);
    }
    let mut lines = vec![sig.name.clone(), sig.title.clone()];
    lines.extend(sig.division.clone());
    lines.push(sig.bureau.clone());
    if w.rng.chance(0.7) {
        lines.push("Federal Communications Commission".into());
    }
    w.lines(lines, Align::Left, false);
}

/// The caption's `)` column: `In the Matter of  )` / `X  )  File No. …`.
fn caption(w: &mut Writer<'_>, name: &str, right: &[String]) -> Vec<String> {
    let width = name.len().max(16) + w.rng.range(2, 20);
    let pad = |s: &str| format!("{s}{}", " ".repeat(width - s.len()));
    let mut left = vec![
        "In the Matter of".to_string(),
        String::new(),
        name.to_string(),
    ];
    while left.len() < right.len() + 3 {
        left.push(String::new());
    }
    left.push(String::new());
    let gap = " ".repeat(w.rng.range(1, 6));
    left.iter()
        .enumerate()
        .map(|(i, l)| {
            let r = if i >= 2 { right.get(i - 2) } else { None };
            match r {
                Some(r) => format!("{}){gap}{r}", pad(l)),
                None => format!("{})", pad(l)),
            }
        })
        .collect()
}

fn order(w: &mut Writer<'_>, da: &str) {
    let f = w.f;
    let o = f.order.as_ref().unwrap();
    let s = w.s();
    let poss = w.possessive();
    let initial = f.template == Template::InitialDetermination;
    let header = if w.rng.chance(0.3) {
        format!("{da} {da}")
    } else {
        da.to_string()
    };
    let pad = " ".repeat(w.rng.range(4, 40));
    w.lines(
        vec![format!("Federal Communications Commission{pad}{header}")],
        Align::Left,
        false,
    );
    let agency = if w.rng.chance(0.5) {
        "FEDERAL COMMUNICATIONS COMMISSION"
    } else {
        "Federal Communications Commission"
    };
    w.lines(
        vec![
            "Before the".into(),
            agency.into(),
            "Washington, D.C. 20554".into(),
        ],
        Align::Center,
        false,
    );
    let mut right = Vec::new();
    if w.rng.chance(0.7) {
        right.push(format!("File No. {}", o.file));
    } else {
        right.push(o.file.clone());
    }
    w.own_files.push(o.file.clone());
    if let Some(d) = &o.docket {
        right.push(format!("EB Docket No. {d}"));
        w.own_dockets.push(format!("EB Docket No. {d}"));
    }
    let cap = caption(w, &f.provider.name, &right);
    w.lines(cap, Align::Left, false);
    let title = if initial {
        *w.rng.pick(&[
            "INITIAL DETERMINATION ORDER",
            "INITIAL DETERMINATION ORDER AND ORDER TO SHOW CAUSE",
        ])
    } else {
        "FINAL DETERMINATION ORDER"
    };
    let show_cause = title.ends_with("SHOW CAUSE");
    w.blocks.push(Block::Heading {
        text: title.into(),
        align: Align::Center,
    });
    let adopted = format!("Adopted: {}", facts::long_date(o.adopted));
    let released = format!("Released: {}", facts::long_date(f.date));
    if w.rng.chance(0.6) {
        let pad = " ".repeat(w.rng.range(1, 40));
        w.lines(
            vec![format!("{adopted}{pad}{released}")],
            Align::Left,
            false,
        );
    } else {
        w.lines(vec![adopted, released], Align::Left, false);
    }
    w.lines(
        vec![format!("By the {}, Enforcement Bureau:", o.signer_title)],
        Align::Left,
        false,
    );
    let headings = w.rng.chance(0.5);
    if headings {
        w.blocks.push(Block::Heading {
            text: "I. INTRODUCTION".into(),
            align: Align::Center,
        });
    }
    let mut n = 0;
    let mut next = || {
        n += 1;
        Some(n)
    };
    if initial {
        let mut p = if w.rng.chance(0.5) {
            w.cite("47 CFR § 64.1200(n)(2)");
            P::default()
                .t(&format!("By this Initial Determination Order, the Enforcement Bureau (Bureau) of the Federal Communications Commission (FCC or Commission) initially determines that {} has not complied with section 64.1200(n)(2) of the Commission’s rules.", f.provider.defined()))
                .slot()
                .t(&format!(" {s} has 14 days to respond to this order."))
                .slot()
        } else {
            w.cite("47 CFR § 64.1200(n)(5)(i)(A)");
            P::default()
                .t(&format!("By this Initial Determination Order, the Enforcement Bureau (Bureau) apparently finds that {} has not complied with the Federal Communications Commission’s (Commission or FCC) call blocking rules for gateway providers.", f.provider.defined()))
                .slot()
                .t(&format!(" Pursuant to section 64.1200(n)(5)(i)(A) of the Commission rules, {s} has 14 days to respond to this order (Initial Determination Order) with a final response to our apparent finding and to demonstrate compliance with our rules."))
                .slot()
        };
        p = p.t(&format!(" If {s} fails to respond to this Initial Determination Order, the Bureau will issue a Final Determination Order."));
        if w.rng.chance(0.5) {
            p = p.t(" See 47 CFR § 64.1200(n)(5)(iii).");
            w.cite("47 CFR § 64.1200(n)(5)(iii)");
            p = p.t(&format!(" Any provider immediately downstream from {s} will then be required to block and cease accepting all traffic received from {s} beginning 30 days after release of the Final Determination Order. Id. § 64.1200(n)(6)."));
            w.cite_short("47 CFR § 64.1200(n)(6)", "47 CFR § 64.1200(n)(5)(iii)");
        }
        p = p.slot();
        w.para(None, next(), p);
    } else {
        let mut p = P::default()
            .t(&format!("By this Final Determination Order, the Enforcement Bureau (Bureau) finds that {} has not complied with the Commission’s call blocking rules for gateway providers.", f.provider.defined()))
            .slot();
        if w.rng.chance(0.6) {
            p = p.t(&format!(" See 47 CFR § 64.1200(n)(5)(iii). Any provider immediately downstream from {s} must block and cease accepting all traffic received from {s} beginning 30 days after release of this Order. Id. § 64.1200(n)(6)."));
            w.cite("47 CFR § 64.1200(n)(5)(iii)");
            w.cite_short("47 CFR § 64.1200(n)(6)", "47 CFR § 64.1200(n)(5)(iii)");
        } else {
            p = p.t(&format!(" Any provider immediately downstream from {s} must block and cease accepting all traffic received from {s} beginning 30 days after release of this Order."));
        }
        p = p.slot();
        w.para(None, next(), p);
    }
    if headings {
        w.blocks.push(Block::Heading {
            text: "II. BACKGROUND".into(),
            align: Align::Center,
        });
    }
    let p = P::default()
        .t("Protecting consumers in the United States from the dangers and risks of unwanted and illegal robocalls is the Commission’s top consumer protection priority.")
        .slot()
        .t(" Many of these calls originate overseas.")
        .slot()
        .t(" Gateway providers are U.S.-based intermediate providers that receive calls directly from a foreign originating provider or foreign intermediate provider.")
        .slot();
    w.para(None, next(), p);
    let notice_date = o.adopted - Duration::days(w.rng.range(20, 200) as i64);
    let mut p = P::default()
        .t(&format!(
            "On {}, the Bureau sent {s} a Notice of Suspected Illegal Robocall Traffic.",
            facts::long_date(notice_date)
        ))
        .slot()
        .t(" The Bureau identified the suspected illegal calls in Attachment A to the Notice.")
        .slot()
        .t(&format!(
            " {poss} response did not show that it had taken the required steps."
        ))
        .slot();
    if w.rng.chance(0.5) {
        p = p.t(" See 47 CFR § 64.1200(n)(2)(ii).");
        w.cite("47 CFR § 64.1200(n)(2)(ii)");
    }
    w.para(None, next(), p);
    if !initial {
        // The Initial Determination Order, cited in full with a short name, then by it.
        let year = o.adopted.year() - if o.adopted.month() < 3 { 1 } else { 0 };
        let volume = (year - 1985) as u32;
        let page = w.rng.range(1000, 9000) as u32;
        let (pin, para) = (page + w.rng.range(1, 3) as u32, w.rng.range(2, 6) as u32);
        let (pin2, para2) = (
            pin + w.rng.range(1, 3) as u32,
            para + w.rng.range(1, 4) as u32,
        );
        let ido_da = format!("DA {}-{}", year % 100, w.rng.range(100, 1399));
        let name = format!("{s} IDO");
        let full = format!("{volume} FCC Rcd {page}, {pin}, para. {para}");
        w.cite(&ido_da);
        w.cite(&full);
        w.cite_short(
            &format!("{volume} FCC Rcd {page}, {pin2}, para. {para2}"),
            &full,
        );
        let p = P::default()
            .t(&format!("In the Initial Determination Order, the Bureau gave {s} an opportunity to respond. "))
            .it("Initial Determination Order")
            .t(&format!(", {ido_da}, {volume} FCC Rcd {page}, {pin}, para. {para} ({year}) ("))
            .it(&name)
            .t(").").slot()
            .t(&format!(" {s} did not respond. "))
            .it(&name)
            .t(&format!(", {volume} FCC Rcd at {pin2}, para. {para2}."))
            .slot();
        w.para(None, next(), p);
    }
    if headings {
        w.blocks.push(Block::Heading {
            text: "III. ORDERING CLAUSES".into(),
            align: Align::Center,
        });
    }
    let p = if initial && show_cause {
        P::default()
            .t(&format!("Accordingly, IT IS ORDERED that {s} SHALL SHOW CAUSE within 14 days why the Bureau should not issue a Final Determination Order."))
            .slot()
    } else if initial {
        P::default()
            .t(&format!("IT IS FURTHER ORDERED that a copy of this Initial Determination Order shall be sent to {s}."))
            .slot()
    } else {
        w.cite("47 CFR § 64.1200(n)(6)");
        P::default()
            .t(&format!("Accordingly, IT IS ORDERED that, pursuant to section 64.1200(n)(6) of the Commission’s rules, all providers immediately downstream from {s} shall block and cease accepting all traffic received from {s} beginning 30 days after release of this Order."))
            .slot()
    };
    w.para(None, next(), p);
    w.lines(
        vec!["FEDERAL COMMUNICATIONS COMMISSION".into()],
        Align::Left,
        false,
    );
    let sig = f.signatory.as_ref().unwrap();
    w.lines(
        vec![sig.name.clone(), sig.title.clone(), sig.bureau.clone()],
        Align::Left,
        false,
    );
}

fn public_notice(w: &mut Writer<'_>, da: &str) {
    let f = w.f;
    let o = f.order.as_ref().unwrap();
    let mut head = vec!["PUBLIC NOTICE".to_string()];
    if w.rng.chance(0.7) {
        head.extend([
            "Federal Communications Commission".to_string(),
            "45 L Street, NE".to_string(),
            "Washington, DC 20554".to_string(),
        ]);
    }
    w.lines(head, Align::Center, true);
    let released = format!("Released: {}", facts::long_date(f.date));
    let lines = if w.rng.chance(0.5) {
        vec![da.to_string(), released]
    } else {
        vec![format!("{da} {released}")]
    };
    w.lines(lines, Align::Left, false);
    w.blocks.push(Block::Heading {
        text: "ROBOCALL ENFORCEMENT NOTICE TO ALL U.S.-BASED VOICE SERVICE PROVIDERS".into(),
        align: Align::Center,
    });
    w.blocks.push(Block::Heading {
        text: "FCC Enforcement Bureau Notifies All U.S.-Based Voice Service Providers They May Block Robocalls Originating From Certain Providers".into(),
        align: Align::Center,
    });
    w.lines(vec![format!("File No. {}", o.file)], Align::Left, false);
    w.own_files.push(o.file.clone());
    w.lines(
        vec![format!("By the {}, Enforcement Bureau:", o.signer_title)],
        Align::Left,
        false,
    );
    let leader = format!(
        "{} {}",
        w.rng.pick(&["Jordan", "Roy", "Avery", "Dana"]),
        w.rng.pick(&["Sample", "Cox", "Whitfield", "Brandt"])
    );
    let operation = *w
        .rng
        .pick(&["Pi", "Auto Warranty", "Student Loan Robocall", "Sigma"]);
    let rules = if w.rng.chance(0.5) {
        "Commission’s Rules"
    } else {
        "Commission’s rules"
    };
    w.cite("47 CFR § 64.1200(k)(4)");
    let mut p = P::default()
        .t(&format!("The Enforcement Bureau (Bureau) of the Federal Communications Commission (FCC or Commission) issues this Public Notice to notify all U.S.-based voice service providers about substantial amounts of apparently unlawful robocalls originating from a robocalling enterprise led by {leader} and associated entities (collectively, the {operation} Operation)."))
        .slot();
    match &f.providers {
        Some(list) => {
            p = p
                .t(&format!(" Pursuant to section 64.1200(k)(4) of the {rules}, we hereby notify all U.S.-based voice service providers that they may block voice calls or cease to accept traffic from certain originating providers listed in this Notice without liability under the Communications Act or the Commission’s rules."))
                .slot();
            w.para(None, None, p);
            let p = P::default()
                .t("Contemporaneous with this Notice, the Bureau is issuing a cease-and-desist letter to each of the following voice service providers (the Originating Providers):")
                .slot();
            w.para(None, None, p);
            let punctuate = w.rng.chance(0.5);
            let n = list.len();
            let items = list
                .iter()
                .enumerate()
                .map(|(i, pr)| {
                    let mut t = pr.defined();
                    if punctuate && i + 2 < n {
                        t.push(';');
                    } else if punctuate && i + 2 == n {
                        t.push_str("; and");
                    } else if punctuate {
                        t.push('.');
                    }
                    vec![Inline::Text(t)]
                })
                .collect();
            let style = if w.rng.chance(0.5) {
                ListStyle::Bullet
            } else {
                ListStyle::MiddleDot
            };
            w.blocks.push(Block::List { style, items });
            let p = P::default()
                .t("If any of the Originating Providers fails to effectively mitigate the identified traffic within 48 hours of the date of this Public Notice, all U.S.-based voice service providers may block all calls from that provider.")
                .slot()
                .t(" See 47 CFR § 64.1200(k)(4).");
            w.cite("47 CFR § 64.1200(k)(4)");
            w.para(None, None, p);
        }
        None => {
            let s = w.s();
            p = p
                .t(&format!(" Pursuant to section 64.1200(k)(4) of the {rules}, we hereby notify all U.S.-based voice service providers that they may cease accepting traffic from {} without liability under the Communications Act or the Commission’s rules.", f.provider.defined()))
                .slot();
            w.para(None, None, p);
            let p = P::default()
                .t(&format!("If {s} fails to effectively mitigate the identified traffic within 48 hours of the date of this Public Notice, all U.S.-based voice service providers may block all calls from {s}."))
                .slot()
                .t(" See 47 CFR § 64.1200(k)(4).");
            w.cite("47 CFR § 64.1200(k)(4)");
            w.para(None, None, p);
        }
    }
    contacts(w);
    w.lines(vec!["-FCC-".into()], Align::Center, false);
}
