//! A deadline's period: `48 hours`, `14 days`.

use super::name::named_enum;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// How long a deadline gives, counted from the letter date: `48 hours`, `14 days`.
///
/// Serialised as its phrase (`"48 hours"`, `"1 day"`), which [`FromStr`] reads back.
/// `FromStr` is strict; deserialising is lenient about the unit only, so that a phrase of a
/// later version (`"2 weeks"`) loads as `2` [`PeriodUnit::Unknown`] (written back as
/// `"2 unknown"`, which `FromStr` reads too).
///
/// ```
/// use fcc_notice::{Period, PeriodUnit};
/// let p: Period = "48 hours".parse()?;
/// assert_eq!((p.amount, p.unit), (48, PeriodUnit::Hours));
/// assert_eq!(Period::new(1, PeriodUnit::Days).to_string(), "1 day");
/// # Ok::<(), fcc_notice::ParsePeriodError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Period {
    /// How many units: `48`.
    pub amount: u32,
    /// Hours or days.
    pub unit: PeriodUnit,
}

named_enum! {
    /// The unit of a [`Period`].
    #[non_exhaustive]
    pub enum PeriodUnit {
        /// Hours (`within 48 hours`); a due date rounds them up to whole days.
        Hours = "hours",
        /// Days, calendar days included (`within fourteen (14) days`).
        Days = "days",
        /// A unit this version does not know, read from JSON written by a later one (`"2 weeks"`
        /// reads as 2 `Unknown`). The parser never gives it.
        Unknown = "unknown",
    }
    unknown = Unknown;
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
            (PeriodUnit::Unknown, _) => PeriodUnit::Unknown.as_str(),
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

    /// Reads the phrase [`Display`](fmt::Display) writes: `48 hours`, `1 day` (`2 unknown`
    /// for a [`PeriodUnit::Unknown`]).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let error = || ParsePeriodError(s.to_owned());
        let (amount, unit) = s.trim().split_once(' ').ok_or_else(error)?;
        let amount = amount.parse().map_err(|_| error())?;
        let unit = match unit {
            "hour" | "hours" => PeriodUnit::Hours,
            "day" | "days" => PeriodUnit::Days,
            "unknown" => PeriodUnit::Unknown,
            _ => return Err(error()),
        };
        Ok(Period { amount, unit })
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = Cow::<'de, str>::deserialize(deserializer)?;
        s.parse().or_else(|e| {
            // A later version's unit: `<number> <word>`.
            let amount = s
                .split_once(' ')
                .filter(|(_, unit)| !unit.is_empty() && !unit.contains(char::is_whitespace))
                .and_then(|(amount, _)| amount.parse().ok());
            match amount {
                Some(amount) => Ok(Period::new(amount, PeriodUnit::Unknown)),
                None => Err(D::Error::custom(e)),
            }
        })
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
        // Deserialising is lenient about the unit only.
        let later: Period = serde_json::from_str(r#""2 weeks""#).unwrap();
        assert_eq!(later, Period::new(2, PeriodUnit::Unknown));
        assert_eq!(later.to_string(), "2 unknown");
        assert_eq!("2 unknown".parse::<Period>().unwrap(), later);
        for bad in [
            "",
            "48",
            "hours 48",
            "-1 days",
            "48  hours",
            "2 fort nights",
        ] {
            let json = format!("{bad:?}");
            assert!(serde_json::from_str::<Period>(&json).is_err(), "{bad}");
        }
    }
}
