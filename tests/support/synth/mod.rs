//! A generator of FCC robocall letters for round-trip tests: from a seed it draws a letter's
//! facts (the truth), composes them into logical blocks ([`doc::Doc`]) and renders those in
//! every text form a user feeds the crate, and as a PDF.
//!
//! Written from `../shared/letters/VARIATIONS.md`, the real excerpts and the sample letter,
//! not from the crate's grammar: it shares no parsing code with `src/`.
//!
//! - [`rng`]: the seeded generator every drawing goes through;
//! - [`facts`] and [`cites`]: the truth, drawn from a seed;
//! - [`compose`]: facts → [`doc::Doc`], choosing the wording;
//! - [`paginate`], [`markdown`], [`plain`], [`collapsed`]: the text renderers; `layout`
//!   (`pdftotext -layout`-style text) and `pdf` (a PDF, feature `pdf`) are the page renderers;
//! - [`compare`]: a parse compared with the truth, field by field.
#![allow(
    dead_code,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub mod cites;
pub mod collapsed;
pub mod compare;
pub mod compose;
pub mod doc;
pub mod facts;
pub mod layout;
pub mod markdown;
pub mod paginate;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod plain;
pub mod rng;

use cites::CiteTruth;
use facts::{Facts, Profile};

/// A drawn letter: its facts, its document, and every citation a reader finds in it.
#[derive(Debug, Clone)]
pub struct Letter {
    pub facts: Facts,
    pub doc: doc::Doc,
    /// Every citation: body and headers, footnotes, Attachment A.
    pub cites: Vec<CiteTruth>,
    /// The document's own DA number, which running headers may repeat any number of times.
    pub own_da: Option<String>,
    /// The header's file numbers and dockets (the document's own).
    pub own_files: Vec<String>,
    pub own_dockets: Vec<String>,
}

impl Letter {
    /// Draws and composes the letter of `seed` for a form with `profile`'s constraints.
    pub fn draw(seed: u64, profile: Profile) -> Letter {
        let facts = Facts::draw(seed, profile);
        let mut rng = rng::Rng::new(seed ^ 0x5EED_C0DE_0000_0001);
        let composed = compose::compose(&facts, &mut rng);
        let mut cites = composed.cites;
        for n in &facts.footnotes {
            cites.extend(n.cites.iter().cloned());
        }
        if let Some(t) = &facts.table {
            for r in &t.rows {
                cites.extend(r.cites.iter().cloned());
            }
        }
        Letter {
            facts,
            doc: composed.doc,
            cites,
            own_da: composed.own_da,
            own_files: composed.own_files,
            own_dockets: composed.own_dockets,
        }
    }
}
