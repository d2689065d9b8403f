//! Hostile text families: each builds a letter of about a given size in bytes around one
//! thing repeated that a parser may handle in more than linear time or memory. Used by
//! `tests/hostile` (each family at a fixed size, within a time and memory budget) and by the
//! benchmarks' `hostile` group (each family doubled from 10 KB to 10 MB).
#![allow(dead_code)] // each user takes what it needs

/// The sample letter: a real cease-and-desist letter with footnotes and an Attachment A.
pub(crate) const SAMPLE: &str =
    include_str!("../../fixtures/letters/2021-04-13-r-squared-telecom.txt");

/// The sample letter as `pdftotext -layout` sets it.
const LAYOUT: &str =
    include_str!("../../fixtures/letters/2021-04-13-r-squared-telecom-pdftotext-lo.txt");

/// The sample letter with its line breaks collapsed.
const COLLAPSED: &str =
    include_str!("../../fixtures/letters/2021-04-13-r-squared-telecom-collapsed.txt");

/// A letterhead, date, addressee and salutation that pass the notice gate, then a first
/// sentence with the robocall cue.
const HEAD: &str = "Federal Communications Commission\nEnforcement Bureau\n45 L Street, NE\n\
Washington, DC 20554\n\nApril 13, 2021\n\nTo: Omar Luna\nR Squared Telecom LLC\n526 S Main St.\n\
Akron, OH 44311\n\nDear Mr. Luna,\n\nWe have determined that R Squared Telecom LLC (R Squared) \
is apparently transmitting illegal robocall traffic. ";

/// The closing and signatory.
const TAIL: &str = "\n\nSincerely,\n\nLoyaan A. Egal\nChief\nEnforcement Bureau\n";

/// `HEAD`, then `unit(i)` for i = 0, 1, … until the text is about `size` bytes, then `TAIL`.
fn letter(size: usize, mut unit: impl FnMut(usize) -> String) -> String {
    let mut out = String::with_capacity(size + 256);
    out.push_str(HEAD);
    let mut i = 0;
    while out.len() + TAIL.len() < size {
        out.push_str(&unit(i));
        i += 1;
    }
    out.push_str(TAIL);
    out
}

/// The sample letter, repeated: every part of the parse, many diagnostics to render.
fn repeated_letter(size: usize) -> String {
    let mut out = String::with_capacity(size + SAMPLE.len());
    while out.len() < size {
        out.push_str(SAMPLE);
        out.push('\n');
    }
    out
}

/// `<sup>` opened and never closed, on one line.
fn unclosed_sup(size: usize) -> String {
    letter(size, |_| "<sup>".to_owned())
}

/// `[` and `(` never closed, and `[x](` links never finished, on one line.
fn unclosed_brackets(size: usize) -> String {
    letter(size, |i| ["[", "(", "[x](", "<", "**"][i % 5].to_owned())
}

/// Runs of emphasis markers around words.
fn emphasis_runs(size: usize) -> String {
    letter(size, |i| format!("***{i}** *x* _y_ "))
}

/// Footnote marks in a paragraph, none with a footnote.
fn orphan_marks(size: usize) -> String {
    letter(size, |i| format!("Traffic.<sup>{}</sup> ", i + 2))
}

/// Footnotes with no mark.
fn orphan_footnotes(size: usize) -> String {
    let mut first = true;
    letter(size, |i| {
        let rule = if std::mem::take(&mut first) {
            "\n\n---\n\n"
        } else {
            ""
        };
        format!("{rule}<sup>{}</sup> See 47 CFR § 64.1200(k)(4).\n\n", i + 2)
    })
}

/// `Id.` short forms with nothing before them to refer to.
fn unresolved_id(size: usize) -> String {
    letter(size, |_| "Id. at 7630; ".to_owned())
}

/// `supra` and named short forms with no antecedent.
fn unresolved_supra(size: usize) -> String {
    letter(size, |i| {
        format!("Order {i}, supra note {i}, at {i}; Call Blocking Order, 35 FCC Rcd at {i}; ")
    })
}

/// Full citations, each resolved: sections with paragraph paths, reporters with pin cites.
fn citations(size: usize) -> String {
    letter(size, |i| {
        format!(
            "See 47 U.S.C. § 227(b)(1)(A)(iii); 47 CFR §§ 64.1200(k)(4), 64.1601(a); \
             35 FCC Rcd 7614, {} (2020); 85 Fed. Reg. 12,345 (Mar. 3, 2020); \
             CG Docket No. 17-{}. ",
            7614 + i % 100,
            i % 100
        )
    })
}

/// One paragraph path as long as the text.
fn long_paragraph_path(size: usize) -> String {
    let mut first = true;
    letter(size, |_| {
        if std::mem::take(&mut first) {
            "See 47 CFR § 64.1200".to_owned()
        } else {
            "(a)(1)(i)(A)".to_owned()
        }
    })
}

/// One section list as long as the text.
fn long_section_list(size: usize) -> String {
    let mut first = true;
    letter(size, |i| {
        if std::mem::take(&mut first) {
            "See 47 CFR §§ 64.1200".to_owned()
        } else {
            format!(", 64.{}", 1000 + i % 1000)
        }
    })
}

/// One reporter cite with a pin list as long as the text.
fn long_pin_list(size: usize) -> String {
    let mut first = true;
    letter(size, |i| {
        if std::mem::take(&mut first) {
            "See 35 FCC Rcd 7614".to_owned()
        } else {
            format!(", {}", 7614 + i)
        }
    })
}

/// An Attachment A with many rows.
fn table_rows(size: usize) -> String {
    let mut out = String::from(SAMPLE);
    out.push('\n');
    let mut i = 0usize;
    while out.len() < size {
        out.push_str(&format!(
            "Mash Telecom\tMar. {}, 2021\t202-555-{:04}\t+1 (301) 555-{:04}\tAuto Warranty Sales \
             Robocall\t47 U.S.C. § 227(b); 47 CFR § 64.1200\n",
            i % 28 + 1,
            i % 10_000,
            (i * 7) % 10_000
        ));
        i += 1;
    }
    out
}

/// An Attachment A whose every row is a diagnostic: bad dates and numbers, wrong cell counts.
fn bad_table_rows(size: usize) -> String {
    let mut out = String::from(SAMPLE);
    out.push('\n');
    let mut i = 0usize;
    while out.len() < size {
        let row = match i % 4 {
            0 => "Mash Telecom\tMarch 45, 20211\t202-555\t1234\tRobocall\t47 U.S.C. § 227(b)\n",
            1 => "Mash Telecom\tMar. 8, 2021\n",
            2 => "a\tb\tc\td\te\tf\tg\th\ti\n",
            _ => "Mash Telecom\t13/13/13\tabc\tdef\tRobocall\tnone\n",
        };
        out.push_str(row);
        i += 1;
    }
    out
}

/// The sample letter as `pdftotext -layout` sets it, with `unit(i)` for i = 0, 1, … written
/// before the first row of its Attachment A until the text is about `size` bytes.
fn layout_table(size: usize, mut unit: impl FnMut(usize) -> String) -> String {
    let (head, tail) = LAYOUT.split_at(LAYOUT.find("Dawz Telecom").unwrap_or(LAYOUT.len()));
    let mut out = String::with_capacity(size + LAYOUT.len());
    out.push_str(head);
    let mut i = 0;
    while out.len() + tail.len() < size {
        out.push_str(&unit(i));
        i += 1;
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(tail);
    out
}

/// The sample letter as `pdftotext -layout` sets it, its Attachment A (cells aligned with
/// spaces, rows wrapped over two lines) grown with more rows, a page break every 40.
fn aligned_rows(size: usize) -> String {
    layout_table(size, |i| {
        format!(
            "{}Mash Telecom   Mar. {:>2}, 2021   202-555-{:04}   301-555-{:04}   Auto Warranty \
             Sales Robocall   47 U.S.C. § 227(b); 47 CFR §\n{:>102}\n",
            if i % 40 == 39 { "\u{c}\n" } else { "" },
            i % 28 + 1,
            i % 10_000,
            (i * 7) % 10_000,
            "64.1200"
        )
    })
}

/// The sample letter as `pdftotext -layout` sets it, with one row of its Attachment A as long
/// as the text: words, numbers and citations set two spaces apart.
fn aligned_long_row(size: usize) -> String {
    let pieces = [
        "Mash Telecom ",
        "Mar. 3, 2021  ",
        "202-555-0101 ",
        "47 U.S.C. § 227(b); ",
        "Robocall  ",
    ];
    layout_table(size, |i| pieces[i % pieces.len()].to_owned())
}

/// The sample letter as `pdftotext -layout` sets it, its Attachment A followed by pages of
/// lines that set two hundred narrow columns, none a cell the header names.
fn aligned_many_columns(size: usize) -> String {
    let line = format!("{}\n", "§1  ".repeat(200));
    layout_table(size, |i| {
        let page = if i.is_multiple_of(50) { "\u{c}\n" } else { "" };
        format!("{page}{line}")
    })
}

/// An Attachment A without a header: lines of words set two spaces apart, each a header
/// candidate that names no column.
fn aligned_no_header(size: usize) -> String {
    let mut out = String::from(HEAD);
    out.push_str("\n\nATTACHMENT A\n\n");
    let line = format!("{}\n", "Customer  Caller  Number  Of  ".repeat(12));
    while out.len() + TAIL.len() < size {
        out.push_str(&line);
    }
    out.push_str(TAIL);
    out
}

/// The sample letter with its line breaks collapsed, its Attachment A (one line) grown with
/// more rows.
fn collapsed_rows(size: usize) -> String {
    let at = COLLAPSED.rfind("Dawz Telecom").unwrap_or(COLLAPSED.len());
    let (head, tail) = COLLAPSED.split_at(at);
    let mut out = String::with_capacity(size + COLLAPSED.len());
    out.push_str(head);
    let mut i = 0usize;
    while out.len() + tail.len() < size {
        out.push_str(&format!(
            "Mash Telecom Mar. {}, 2021 202-555-{:04} 301-555-{:04} Fraudulent Credit Card Rate \
             Reduction Robocalls 47 U.S.C. § 227(b); 47 CFR § 64.1200 ",
            i % 28 + 1,
            i % 10_000,
            (i * 7) % 10_000
        ));
        i += 1;
    }
    out.push_str(tail);
    out
}

/// A body of one line without a break.
fn one_long_line(size: usize) -> String {
    letter(size, |i| format!("word{i} "))
}

/// Many short lines and rules.
fn many_lines(size: usize) -> String {
    letter(size, |i| {
        ["\n", "---\n", "\n\n", "1.\n", "**\n"][i % 5].to_owned()
    })
}

/// Deadlines and dates, over and over.
fn deadlines(size: usize) -> String {
    letter(size, |i| {
        format!(
            "Within fourteen (14) days of the date of this letter (April {}, 2021), inform the \
             Commission; within 48 hours, mitigate. ",
            i % 28 + 1
        )
    })
}

/// Digits, slashes and dots that the date, phone and citation grammars try.
fn digits(size: usize) -> String {
    letter(size, |i| format!("{i}/{i}/{i}.{i}-{i} § {i}.{i}({i}) "))
}

/// E-mail addresses and links.
fn emails(size: usize) -> String {
    letter(size, |i| {
        format!("[a{i}@example.com](mailto:a{i}@example.com) aaaa.bbbb.{i}@@cc. ")
    })
}

/// A family: builds its text at about a size in bytes.
pub(crate) type Build = fn(usize) -> String;

/// Each family, by name.
pub(crate) fn families() -> Vec<(&'static str, Build)> {
    vec![
        ("repeated_letter", repeated_letter),
        ("unclosed_sup", unclosed_sup),
        ("unclosed_brackets", unclosed_brackets),
        ("emphasis_runs", emphasis_runs),
        ("orphan_marks", orphan_marks),
        ("orphan_footnotes", orphan_footnotes),
        ("unresolved_id", unresolved_id),
        ("unresolved_supra", unresolved_supra),
        ("citations", citations),
        ("long_paragraph_path", long_paragraph_path),
        ("long_section_list", long_section_list),
        ("long_pin_list", long_pin_list),
        ("table_rows", table_rows),
        ("bad_table_rows", bad_table_rows),
        ("aligned_rows", aligned_rows),
        ("collapsed_rows", collapsed_rows),
        ("aligned_long_row", aligned_long_row),
        ("aligned_many_columns", aligned_many_columns),
        ("aligned_no_header", aligned_no_header),
        ("one_long_line", one_long_line),
        ("many_lines", many_lines),
        ("deadlines", deadlines),
        ("digits", digits),
        ("emails", emails),
    ]
}
