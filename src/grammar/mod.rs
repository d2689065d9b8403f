//! Field grammars shared by the layout and the extractors: dates, telephone numbers, email
//! and postal addresses, each a `nom` grammar with a cheap scan for where one may start.

pub(crate) mod address;
pub(crate) mod date;
pub(crate) mod email;
pub(crate) mod phone;
