//! A deadline's period: `48 hours`, `14 days`.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How long a deadline gives, counted from the letter date: `48 hours`, `14 days`.
///
/// Serialised as its phrase (`"48 hours"`, `"1 day"`), which [`FromStr`] reads back.
///
/// ```
/// use fcc_notice::{Period, PeriodUnit};
/// let p: Period = "48 hours".parse()?;
/// assert_eq!((p.amount, p.unit), (48, PeriodUnit::Hours));
/// assert_eq!(Period::new(1, PeriodUnit::Days).to_string(), "1 day");
/// # Ok::<(), fcc_notice::ParsePeriodError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
#[non_exhaustive]
pub struct Period {
    /// How many units: `48`.
    pub amount: u32,
    /// Hours or days.
    pub unit: PeriodUnit,
}

/// The unit of a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PeriodUnit {
    /// Hours (`within 48 hours`); a due date rounds them up to whole days.
    Hours,
    /// Days, calendar days included (`within fourteen (14) days`).
    Days,
}

impl Period {
    /// `amount` hours or days.
    pub fn new(amount: u32, unit: PeriodUnit) -> Self {
        Period { amount, unit }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match (self.unit, self.amount) {
            (PeriodUnit::Hours, 1) => "hour",
            (PeriodUnit::Hours, _) => "hours",
            (PeriodUnit::Days, 1) => "day",
            (PeriodUnit::Days, _) => "days",
        };
        write!(f, "{} {unit}", self.amount)
    }
}

/// Why a text is not a [`Period`]: it is not `<number> hour(s)` or `<number> day(s)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsePeriodError(String);

impl fmt::Display for ParsePeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a period such as `48 hours` or `14 days`: {:?}",
            self.0
        )
    }
}

impl std::error::Error for ParsePeriodError {}

impl FromStr for Period {
    type Err = ParsePeriodError;

    /// Reads the phrase [`Display`](fmt::Display) writes: `48 hours`, `1 day`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let error = || ParsePeriodError(s.to_owned());
        let (amount, unit) = s.trim().split_once(' ').ok_or_else(error)?;
        let amount = amount.parse().map_err(|_| error())?;
        let unit = match unit {
            "hour" | "hours" => PeriodUnit::Hours,
            "day" | "days" => PeriodUnit::Days,
            _ => return Err(error()),
        };
        Ok(Period { amount, unit })
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.to_string()
    }
}

impl TryFrom<String> for Period {
    type Error = ParsePeriodError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_round_trip() {
        for (text, amount, unit) in [
            ("48 hours", 48, PeriodUnit::Hours),
            ("1 hour", 1, PeriodUnit::Hours),
            ("14 days", 14, PeriodUnit::Days),
            ("1 day", 1, PeriodUnit::Days),
        ] {
            let p: Period = text.parse().unwrap();
            assert_eq!(p, Period::new(amount, unit));
            assert_eq!(p.to_string(), text);
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("{text:?}"));
            assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p);
        }
        for bad in ["", "48", "hours 48", "48 weeks", "-1 days", "48  hours"] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }
}
