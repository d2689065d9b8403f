//! The FCC's one-line `.txt` renditions (VARIATIONS.md §1–2): the printed page's text with
//! every run of whitespace collapsed to one space, so footnote bodies stand where their page
//! ended, often mid-sentence (`permanently.1 CallWin …` then `… or 1 A response by …`), list
//! markers and bullets are kept, and Attachment A's empty cells vanish.

use super::doc::Doc;
use super::plain::{self, Options, PageStyle};
use super::rng::Rng;

/// Renders `doc` collapsed onto one line.
pub fn render(doc: &Doc, rng: &mut Rng) -> String {
    let mut o = Options::draw(rng);
    // A printed page: footnotes at its foot, no page numbers (Word's text export drops them).
    o.pages = PageStyle::NotesThenFeed;
    o.page_numbers = false;
    o.running_header = rng.chance(0.5);
    let text = plain::render_with(doc, &o);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
