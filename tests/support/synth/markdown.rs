//! The markdown dialect of the sample letter (`fixtures/letters/2021-04-13-r-squared-telecom.txt`):
//! `**bold**` lines and run-in headings, `<sup>n</sup>` marks, footnote bodies after a `---`
//! rule at each page's foot, `[x](mailto:x)` emails, two-space line breaks inside line blocks,
//! and Attachment A as tab-separated rows under a `<b>` header, with a blank line at each page
//! break of the table.

use super::doc::{Doc, ListStyle};
use super::paginate::{self, item_marker, render_words, Lead, Piece, Style};
use super::rng::Rng;

/// `[x](mailto:x)` for an email address (keeping trailing punctuation outside the link).
fn link(word: &str) -> String {
    let core = word.trim_end_matches(['.', ',', ';', ':', ')']);
    if core.contains('@') && !core.starts_with('@') {
        format!("[{core}](mailto:{core}){}", &word[core.len()..])
    } else {
        word.to_string()
    }
}

fn link_line(line: &str) -> String {
    line.split(' ').map(link).collect::<Vec<_>>().join(" ")
}

/// Renders `doc` as markdown.
pub fn render(doc: &Doc, rng: &mut Rng) -> String {
    let page_len = rng.range(44, 60);
    let pages = paginate::paginate(doc, page_len);
    let paren = rng.chance(0.3);
    let dash_bullets = rng.chance(0.5);
    let style = Style {
        italic: Some("*"),
        mark: |n| format!("<sup>{n}</sup>"),
        text: link,
    };
    let mut out = "\n".repeat(rng.below(5));
    for (pi, page) in pages.iter().enumerate() {
        let mut parts: Vec<(String, bool)> = Vec::new(); // (text, joins the previous with one newline)
        if pi > 0 {
            if let Some(h) = &doc.running_header {
                parts.push((
                    format!("{}{}{}", h.left, " ".repeat(rng.range(1, 8)), h.right),
                    false,
                ));
            }
        }
        for piece in &page.pieces {
            let (text, tight) = match piece {
                Piece::Lines { lines, bold, .. } => {
                    let lines: Vec<String> = lines
                        .iter()
                        .map(|l| {
                            if *bold {
                                format!("**{}**", link_line(l))
                            } else if let Some(rest) = l.strip_prefix("To: ") {
                                format!("**To:** {}", link_line(rest))
                            } else {
                                link_line(l)
                            }
                        })
                        .collect();
                    (lines.join("  \n"), false)
                }
                Piece::Heading { text, .. } => (format!("**{text}**"), false),
                Piece::Signature(s) => (s.clone(), false),
                Piece::Gap => continue,
                Piece::Text {
                    lead,
                    run_in,
                    words,
                    list,
                } => {
                    let body = render_words(words, &style);
                    let head = match (lead, list) {
                        (Lead::Item(i), Some(s)) => {
                            let m = match s {
                                ListStyle::Bullet | ListStyle::MiddleDot if dash_bullets => {
                                    "-".to_string()
                                }
                                _ => item_marker(*s, *i, paren),
                            };
                            format!("{m} ")
                        }
                        (Lead::Number(n), _) => format!("{n}. "),
                        _ => String::new(),
                    };
                    let run = run_in
                        .as_ref()
                        .map_or(String::new(), |r| format!("**{r}** "));
                    let tight = list.is_some() && matches!(lead, Lead::Item(i) if *i > 0);
                    (format!("{head}{run}{body}"), tight)
                }
            };
            parts.push((text, tight));
        }
        for (i, (text, tight)) in parts.iter().enumerate() {
            if i > 0 {
                out.push_str(if *tight { "\n" } else { "\n\n" });
            }
            out.push_str(text);
        }
        let last = pi + 1 == pages.len();
        if !page.footnotes.is_empty() || !last {
            out.push_str("\n\n---\n\n");
            for n in &page.footnotes {
                out.push_str(&format!(
                    "<sup>{n}</sup> {}\n\n",
                    doc.footnotes[*n as usize - 1]
                ));
            }
        } else {
            out.push_str("\n\n");
        }
    }
    if let Some(table) = &doc.table {
        out.push_str(&format!("**{}**\n\n", table.title));
        let header: Vec<String> = table.header.iter().map(|h| format!("<b>{h}</b>")).collect();
        out.push_str(&header.join("\t"));
        let first = rng.range(8, 20);
        let rest = rng.range(12, 30);
        for (i, range) in paginate::table_pages(table.rows.len(), first, rest)
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                out.push('\n');
            }
            for row in &table.rows[range] {
                out.push('\n');
                out.push_str(&row.join("\t"));
            }
        }
    } else {
        while out.ends_with("\n\n") {
            out.pop();
        }
    }
    out
}
