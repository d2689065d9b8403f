//! The citation forms of real FCC letters (VARIATIONS.md §7) as templates, each with the
//! citations a careful reader finds in it, written the way the crate reports them: the
//! canonical string, and for a short form (`Id.`, a named short cite, `supra`) the canonical
//! string of the full citation it stands for.
//!
//! The expected strings follow the conventions of the crate's reviewed snapshots and of
//! `fixtures/citations/cases.tsv` (hand-derived expectations); a form is used here only when
//! its expected output is stated there.

use super::rng::Rng;

/// One citation a reader finds in a text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CiteTruth {
    /// The canonical form: `47 CFR § 64.1200(k)(4)`, `35 FCC Rcd 7614, 7630, para. 42`.
    pub canonical: String,
    /// For a short form, the canonical form of the full citation it refers to.
    pub refers: Option<String>,
}

impl CiteTruth {
    /// A full citation.
    pub fn full(canonical: &str) -> Self {
        CiteTruth {
            canonical: canonical.to_string(),
            refers: None,
        }
    }

    /// A short form resolving to `canonical`, referring to the full cite `refers`.
    pub fn short(canonical: &str, refers: &str) -> Self {
        CiteTruth {
            canonical: canonical.to_string(),
            refers: Some(refers.to_string()),
        }
    }
}

/// A piece of cited text and its citations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The text as printed.
    pub text: String,
    /// The citations in it, in reading order.
    pub cites: Vec<CiteTruth>,
}

fn cited(text: &str, cites: Vec<CiteTruth>) -> Cited {
    Cited {
        text: text.to_string(),
        cites,
    }
}

/// A reporter document a footnote may define a short name for.
#[derive(Debug, Clone, Copy)]
struct Reporter {
    /// Everything before the reporter cite: title, docket, document type.
    lead: &'static str,
    /// The dockets cited in `lead` (their canonical forms).
    dockets: &'static [&'static str],
    /// `35`.
    volume: u32,
    /// `7614`.
    page: u32,
    /// `2020`.
    year: u32,
    /// The short names this document is given.
    names: &'static [&'static str],
    /// Pin pages (with a paragraph) that fall inside the document.
    pins: &'static [(u32, u32)],
}

const REPORTERS: &[Reporter] = &[
    Reporter {
        lead: "Advanced Methods to Target and Eliminate Unlawful Robocalls, CG Docket No. 17-59, Third Report and Order, Order on Reconsideration, and Fourth Further Notice of Proposed Rulemaking",
        dockets: &["CG Docket No. 17-59"],
        volume: 35,
        page: 7614,
        year: 2020,
        names: &["Call Blocking Safe Harbor Report and Order", "Safe Harbor Order"],
        pins: &[(7630, 42), (7630, 43), (7628, 39), (7631, 44)],
    },
    Reporter {
        lead: "Call Authentication Trust Anchor, WC Docket No. 17-97, Second Report and Order",
        dockets: &["WC Docket No. 17-97"],
        volume: 36,
        page: 1859,
        year: 2020,
        names: &["Second Caller ID Order", "Gateway Provider Order"],
        pins: &[(1903, 83), (1904, 86), (1905, 88)],
    },
    Reporter {
        lead: "Advanced Methods to Target and Eliminate Unlawful Robocalls, Call Authentication Trust Anchor, CG Docket No. 17-59, WC Docket No. 17-97, Sixth Report and Order",
        dockets: &["CG Docket No. 17-59", "WC Docket No. 17-97"],
        volume: 37,
        page: 6865,
        year: 2022,
        names: &["Gateway Provider Report and Order", "Gateway Order"],
        pins: &[(6880, 32), (6912, 101)],
    },
];

/// A short name defined in an earlier footnote: which reporter, the name, the note number.
#[derive(Debug, Clone)]
pub struct Defined {
    reporter: usize,
    name: String,
    note: u32,
}

/// The state carried from footnote to footnote while drawing them in order.
#[derive(Debug, Clone, Default)]
pub struct CiteContext {
    /// Short names defined so far.
    pub defined: Vec<Defined>,
    /// Reporters cited in full without a short name (never given one later).
    pub unnamed: Vec<usize>,
    /// The provider's short name or name (for letter cites).
    pub provider: String,
    /// The recipient organisation, for `Letter from … to …` cites.
    pub organization: String,
    /// The letter year: cited documents are older.
    pub year: i32,
}

fn full_reporter(r: &Reporter) -> String {
    format!("{} FCC Rcd {}", r.volume, r.page)
}

/// A footnote body drawn from the table of forms: its text and its citations.
pub fn footnote(rng: &mut Rng, note: u32, ctx: &mut CiteContext) -> Cited {
    // Weighted choice among the forms below.
    let weights = [6, 3, 3, 3, 3, 2, 4, 3, 2, 2, 3, 3, 2, 2, 1, 1, 2, 2, 2, 2];
    match rng.weighted(&weights) {
        0 => cited("See 47 CFR § 64.1200(k)(4).", vec![CiteTruth::full("47 CFR § 64.1200(k)(4)")]),
        1 => cited(
            "See 47 CFR § 64.1200(k)(4), (f)(18).",
            vec![
                CiteTruth::full("47 CFR § 64.1200(k)(4)"),
                CiteTruth::full("47 CFR § 64.1200(f)(18)"),
            ],
        ),
        2 => cited(
            "47 CFR § 1.17. See also 47 CFR § 1.16 (describing the format such declarations).",
            vec![CiteTruth::full("47 CFR § 1.17"), CiteTruth::full("47 CFR § 1.16")],
        ),
        3 => {
            let (first, second) = *rng.pick(&[
                ("64.1200(n)(5)(iii)", "64.1200(n)(6)"),
                ("64.1200(n)(5)", "64.1200(n)(6)"),
                ("64.1200(k)(3)", "64.1200(k)(4)"),
            ]);
            let paren = if second.ends_with("(k)(4)") && rng.chance(0.5) {
                " (permitting downstream voice service providers to block calls)"
            } else {
                ""
            };
            let a = format!("47 CFR § {first}");
            cited(
                &format!("See {a}. Id. § {second}{paren}."),
                vec![CiteTruth::full(&a), CiteTruth::short(&format!("47 CFR § {second}"), &a)],
            )
        }
        4 => {
            let (text, canon): (&str, &[&str]) = *rng.pick(&[
                ("See 47 U.S.C. § 227(b).", &["47 U.S.C. § 227(b)"][..]),
                ("47 U.S.C. § 227.", &["47 U.S.C. § 227"][..]),
                ("See 47 U.S.C. § 227(e)(1).", &["47 U.S.C. § 227(e)(1)"][..]),
                ("See 47 U.S.C. § 227 et seq.", &["47 U.S.C. § 227 et seq."][..]),
                ("47 CFR § 64.6305.", &["47 CFR § 64.6305"][..]),
                ("See 47 CFR § 64.1200(n)(2).", &["47 CFR § 64.1200(n)(2)"][..]),
                ("See 47 CFR § 64.1200(n)(5)(iii).", &["47 CFR § 64.1200(n)(5)(iii)"][..]),
                ("47 CFR § 64.1200(n)(2).", &["47 CFR § 64.1200(n)(2)"][..]),
                (
                    "See 47 CFR § 64.1200(k)(3)-(4).",
                    &["47 CFR § 64.1200(k)(3)", "47 CFR § 64.1200(k)(4)"][..],
                ),
                (
                    "See 47 CFR § 64.1200(n)(2)(ii), (iii).",
                    &["47 CFR § 64.1200(n)(2)(ii)", "47 CFR § 64.1200(n)(2)(iii)"][..],
                ),
                (
                    "See 47 CFR § 64.1200(n)(5)(i)(A)-(B).",
                    &["47 CFR § 64.1200(n)(5)(i)(A)", "47 CFR § 64.1200(n)(5)(i)(B)"][..],
                ),
                (
                    "See 47 CFR §§ 1.16, 1.17.",
                    &["47 CFR § 1.16", "47 CFR § 1.17"][..],
                ),
                (
                    "See 47 U.S.C. § 227(b); 47 CFR § 64.1200(a)(1)(iii) and (a)(2).",
                    &["47 U.S.C. § 227(b)", "47 CFR § 64.1200(a)(1)(iii)", "47 CFR § 64.1200(a)(2)"][..],
                ),
            ]);
            cited(text, canon.iter().map(|c| CiteTruth::full(c)).collect())
        }
        5 => cited(
            "Section 227(b) of the Act, 47 U.S.C. § 227(b), prohibits such calls.",
            vec![CiteTruth::full("47 U.S.C. § 227(b)"), CiteTruth::full("47 U.S.C. § 227(b)")],
        ),
        6 => defining_reporter(rng, note, ctx),
        7 => match ctx.defined.last().cloned() {
            Some(d) => named_short(rng, &d),
            None => defining_reporter(rng, note, ctx),
        },
        8 => {
            // `Name, supra note N, at PIN.`: only after the name was defined in note N.
            match ctx.defined.last().cloned() {
                Some(d) => {
                    let r = &REPORTERS[d.reporter];
                    let (pin, para) = *rng.pick(r.pins);
                    let full = full_reporter(r);
                    if rng.chance(0.5) {
                        cited(
                            &format!("See {}, supra note {}, at {pin}, para. {para}.", d.name, d.note),
                            vec![CiteTruth::short(&format!("{full}, {pin}, para. {para}"), &full)],
                        )
                    } else {
                        cited(
                            &format!("{}, supra note {}, at {pin}.", d.name, d.note),
                            vec![CiteTruth::short(&format!("{full}, {pin}"), &full)],
                        )
                    }
                }
                None => defining_reporter(rng, note, ctx),
            }
        }
        9 => {
            // The Urth Access form: two pins joined by `&`, the second an added pin.
            cited(
                "Call Authentication Trust Anchor, WC Docket No. 17-97, Second Report and Order, 36 FCC Rcd 1859, 1903, para. 83 & 1904, para. 86 (2020); 47 CFR § 64.6305.",
                vec![
                    CiteTruth::full("WC Docket No. 17-97"),
                    CiteTruth::full("36 FCC Rcd 1859, 1903, para. 83"),
                    CiteTruth::short("36 FCC Rcd 1859, 1904, para. 86", "36 FCC Rcd 1859, 1903, para. 83"),
                    CiteTruth::full("47 CFR § 64.6305"),
                ],
            )
        }
        10 => {
            let text = *rng.pick(&[
                "You are encouraged to reach out to the Commission before the deadline if you anticipate needing more time to execute this step.",
                "The Traceback Consortium is the registered industry consortium selected to conduct tracebacks.",
                "A response by the provider to this letter does not preclude further enforcement action.",
                "The Commission’s top consumer protection priority is combatting unwanted and illegal robocalls.",
                "Traceback is the process of identifying the source of a call by following it back through each provider in the call path.",
            ]);
            cited(text, vec![])
        }
        11 => {
            // A letter cited by date only: no reporter, no citation.
            let date = rng.pick(&["(Nov. 10, 2022)", "(Aug. 1, 2023)", "(April 4, 2024)", "(Mar. 13, 2020)"]);
            cited(
                &format!(
                    "Letter from Loyaan A. Egal, Chief, FCC Enforcement Bureau, to Fawaz Saleem, CEO, Urth Access, LLC {date}."
                ),
                vec![],
            )
        }
        12 => {
            let year = (ctx.year - 1).clamp(2020, 2025);
            let num = 1_000_000 + rng.below(8_999_999);
            let wl = format!("{year} WL {num}");
            let month = rng.pick(&["Aug. 1", "Sept. 10", "April 4", "Mar. 13", "Jan. 8"]);
            cited(
                &format!(
                    "Letter from Patrick Webre, Chief, Enforcement Bureau, FCC, to {}, {wl} ({month}, {year}) (Notice).",
                    ctx.organization
                ),
                vec![CiteTruth::full(&wl)],
            )
        }
        13 => {
            let file = format!("EB-TCD-{}-000{}", rng.range(20, 25), rng.range(30_000, 39_999));
            cited(
                &format!(
                    "See Letter from Loyaan A. Egal, Chief, FCC Enforcement Bureau, to {}, File No. {file} (Aug. 1, 2023).",
                    ctx.organization
                ),
                vec![CiteTruth::full(&format!("File No. {file}"))],
            )
        }
        14 => cited(
            "Pallone-Thune Telephone Robocall Abuse Criminal Enforcement and Deterrence Act, Pub. L. No. 116-105, 133 Stat. 3274 (2019).",
            vec![CiteTruth::full("Pub. L. No. 116-105, 133 Stat. 3274")],
        ),
        15 => cited(
            "Advanced Methods to Target and Eliminate Unlawful Robocalls, Notice of Proposed Rulemaking, 85 Fed. Reg. 21785 (Apr. 20, 2020).",
            vec![CiteTruth::full("85 Fed. Reg. 21785")],
        ),
        16 => cited(
            "FCC, Consumer Guide: Stop Unwanted Robocalls and Texts, https://www.fcc.gov/consumers/guides/stop-unwanted-robocalls-and-texts (last visited Jan. 24, 2023).",
            vec![],
        ),
        17 => {
            let (text, canon) = *rng.pick(&[
                ("See Order, DA 22-1271.", "DA 22-1271"),
                ("See Final Determination Order, DA 26-172.", "DA 26-172"),
                ("See Third Report and Order, FCC 20-96.", "FCC 20-96"),
            ]);
            cited(text, vec![CiteTruth::full(canon)])
        }
        18 => {
            // A full cite followed by `Id.` in the same note.
            let (text, cites) = match rng.below(3) {
                0 => (
                    "See 47 CFR § 64.1200(k)(4); see also id.",
                    vec![
                        CiteTruth::full("47 CFR § 64.1200(k)(4)"),
                        CiteTruth::short("47 CFR § 64.1200(k)(4)", "47 CFR § 64.1200(k)(4)"),
                    ],
                ),
                1 => (
                    "See 47 U.S.C. § 227(b). Id. § 227(e).",
                    vec![
                        CiteTruth::full("47 U.S.C. § 227(b)"),
                        CiteTruth::short("47 U.S.C. § 227(e)", "47 U.S.C. § 227(b)"),
                    ],
                ),
                _ => (
                    "See 47 CFR § 64.1200(k)(3)-(4). Id.",
                    vec![
                        CiteTruth::full("47 CFR § 64.1200(k)(3)"),
                        CiteTruth::full("47 CFR § 64.1200(k)(4)"),
                        CiteTruth::short("47 CFR § 64.1200(k)(4)", "47 CFR § 64.1200(k)(4)"),
                    ],
                ),
            };
            cited(text, cites)
        }
        _ => {
            let free: Vec<usize> = (0..REPORTERS.len())
                .filter(|i| !ctx.defined.iter().any(|d| d.reporter == *i))
                .collect();
            if free.is_empty() {
                return cited("See 47 CFR § 64.1200(k)(4).", vec![CiteTruth::full("47 CFR § 64.1200(k)(4)")]);
            }
            let index = *rng.pick(&free);
            ctx.unnamed.push(index);
            let r = &REPORTERS[index];
            let (pin, para) = *rng.pick(r.pins);
            let canon = format!("{} FCC Rcd {}, {pin}, para. {para}", r.volume, r.page);
            let mut cites = Vec::new();
            cites.extend(r.dockets.iter().map(|d| CiteTruth::full(d)));
            cites.push(CiteTruth::full(&canon));
            cited(
                &format!(
                    "See {}, {} FCC Rcd {}, {pin}, para. {para} ({}).",
                    r.lead, r.volume, r.page, r.year
                ),
                cites,
            )
        }
    }
}

/// A full reporter cite that defines a short name, sometimes followed in the same note by a
/// named short form and an `Id.`, as in the sample letter's fifth footnote.
fn defining_reporter(rng: &mut Rng, note: u32, ctx: &mut CiteContext) -> Cited {
    let free: Vec<usize> = (0..REPORTERS.len())
        .filter(|i| !ctx.unnamed.contains(i))
        .collect();
    if free.is_empty() {
        return cited(
            "See 47 U.S.C. § 227(b).",
            vec![CiteTruth::full("47 U.S.C. § 227(b)")],
        );
    }
    let index = *rng.pick(&free);
    let r = &REPORTERS[index];
    // A document is given its short name once per letter.
    if let Some(d) = ctx.defined.iter().find(|d| d.reporter == index).cloned() {
        return named_short(rng, &d);
    }
    let name = r.names[rng.below(r.names.len())];
    let full = full_reporter(r);
    let quoted = rng.chance(0.25);
    let defined = if quoted {
        format!("(“{name}”)")
    } else {
        format!("({name})")
    };
    let mut text = format!(
        "{}, {} FCC Rcd {} ({}) {defined}",
        r.lead, r.volume, r.page, r.year
    );
    let mut cites = Vec::new();
    cites.extend(r.dockets.iter().map(|d| CiteTruth::full(d)));
    cites.push(CiteTruth::full(&full));
    if rng.chance(0.4) {
        text.push_str("; see also 47 CFR § 64.1200(k)(3)-(4)");
        cites.push(CiteTruth::full("47 CFR § 64.1200(k)(3)"));
        cites.push(CiteTruth::full("47 CFR § 64.1200(k)(4)"));
    }
    text.push('.');
    if rng.chance(0.5) {
        let (pin, para) = *rng.pick(r.pins);
        text.push_str(&format!(
            " Any voice service provider that decides to block traffic must first notify the Commission. {name}, {} FCC Rcd at {pin}, para. {para}.",
            r.volume
        ));
        cites.push(CiteTruth::short(
            &format!("{full}, {pin}, para. {para}"),
            &full,
        ));
        if rng.chance(0.6) {
            let (pin2, para2) = *rng.pick(r.pins);
            text.push_str(&format!(
                " The provider must also describe its basis for doing so. Id. at {pin2}, para. {para2}; 47 CFR § 64.1200(k)(4)."
            ));
            cites.push(CiteTruth::short(
                &format!("{full}, {pin2}, para. {para2}"),
                &full,
            ));
            cites.push(CiteTruth::full("47 CFR § 64.1200(k)(4)"));
        }
    }
    if rng.chance(0.3) {
        text = format!(
            "In {}, the Commission adopted the {name}, which authorized voice service providers to block illegal robocalls. {text}",
            r.year
        );
    }
    ctx.defined.push(Defined {
        reporter: index,
        name: name.to_string(),
        note,
    });
    cited(&text, cites)
}

/// `Name, 35 FCC Rcd at 7630, para. 43.` after `Name` was defined.
fn named_short(rng: &mut Rng, d: &Defined) -> Cited {
    let r = &REPORTERS[d.reporter];
    let (pin, para) = *rng.pick(r.pins);
    let full = full_reporter(r);
    let see = if rng.chance(0.6) { "See " } else { "" };
    if rng.chance(0.7) {
        cited(
            &format!(
                "{see}{}, {} FCC Rcd at {pin}, para. {para}.",
                d.name, r.volume
            ),
            vec![CiteTruth::short(
                &format!("{full}, {pin}, para. {para}"),
                &full,
            )],
        )
    } else {
        cited(
            &format!("{see}{}, {} FCC Rcd at {pin}.", d.name, r.volume),
            vec![CiteTruth::short(&format!("{full}, {pin}"), &full)],
        )
    }
}

/// The Violation cells of Attachment A, with their citations.
pub const VIOLATIONS: &[(&str, &[&str])] = &[
    (
        "47 U.S.C. § 227(b); 47 CFR § 64.1200",
        &["47 U.S.C. § 227(b)", "47 CFR § 64.1200"],
    ),
    ("47 U.S.C. § 227(b)", &["47 U.S.C. § 227(b)"]),
    ("47 CFR § 64.1200(a)(2)", &["47 CFR § 64.1200(a)(2)"]),
    ("47 CFR § 64.1200(n)(2)", &["47 CFR § 64.1200(n)(2)"]),
    (
        "47 U.S.C. § 227(b)(1)(A)(iii)",
        &["47 U.S.C. § 227(b)(1)(A)(iii)"],
    ),
    (
        "47 U.S.C. § 227(e); 47 CFR § 64.1604",
        &["47 U.S.C. § 227(e)", "47 CFR § 64.1604"],
    ),
    (
        "47 U.S.C. § 227(b); 47 CFR § 64.1200(a)(1)(iii)",
        &["47 U.S.C. § 227(b)", "47 CFR § 64.1200(a)(1)(iii)"],
    ),
];
