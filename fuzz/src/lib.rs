//! Helpers shared by the fuzz targets of `fcc-notice`: the checks run on every parse
//! ([`check`]), and the structure-aware PDF generator of `pdf_structure` ([`pdf`], with the
//! stored-deflate encoder it compresses streams with, [`deflate`]).

pub mod check;
pub mod deflate;
pub mod pdf;
