//! Views grouped from the Attachment A records: customers, campaigns and violations.

use super::name::named_enum;
use super::{CallRecord, Citation};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

named_enum! {
    /// A robocall campaign's category, from the words of its description.
    #[non_exhaustive]
    pub enum CampaignCategory {
        /// Auto warranty / vehicle service contract sales.
        AutoWarranty = "auto_warranty",
        /// Credit card interest rate reduction offers.
        CreditCardRateReduction = "credit_card_rate_reduction",
        /// Callers posing as the Social Security Administration.
        SocialSecurityImposter = "social_security_imposter",
        /// Callers posing as the IRS or the Treasury.
        IrsImposter = "irs_imposter",
        /// Callers posing as Medicare.
        MedicareImposter = "medicare_imposter",
        /// Callers posing as Amazon.
        AmazonImposter = "amazon_imposter",
        /// Callers posing as a utility (electric, gas, water).
        UtilityImposter = "utility_imposter",
        /// Callers posing as a company's customer service.
        CustomerServiceImposter = "customer_service_imposter",
        /// Offers to verify or improve a business listing (Google and others).
        BusinessListing = "business_listing",
        /// Health insurance sales.
        HealthInsurance = "health_insurance",
        /// Student loan relief.
        StudentLoan = "student_loan",
        /// COVID-19 related scams.
        Covid19 = "covid19",
        /// Anything else (and, when deserialising, a category this version does not know).
        Other = "other",
    }
    unknown = Other;
}

impl Default for CampaignCategory {
    /// [`Other`](Self::Other), the category of a description no keyword matches (and of no
    /// description).
    fn default() -> Self {
        CampaignCategory::Other
    }
}

impl CampaignCategory {
    /// Classifies a campaign description by its words (case-insensitive).
    ///
    /// ```
    /// use fcc_notice::CampaignCategory;
    /// assert_eq!(
    ///     CampaignCategory::from_description("Fraudulent Credit Card Rate Reduction Robocalls"),
    ///     CampaignCategory::CreditCardRateReduction
    /// );
    /// ```
    pub fn from_description(description: &str) -> Self {
        let d = description.to_ascii_lowercase();
        let has = |w: &str| d.contains(w);
        let word = |w: &str| {
            d.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| t == w)
        };
        // (Read only when the categories before them did not match.)
        let imposter = || has("imposter") || has("impostor") || has("posing as") || has("spoof");
        // `Utility Disconnect`: threats to cut off service are utility imposters.
        let disconnect = || has("disconnect") || has("shut off") || has("shutoff");
        if has("warranty") || has("vehicle service") {
            CampaignCategory::AutoWarranty
        } else if has("credit card") || has("interest rate") || has("rate reduction") {
            CampaignCategory::CreditCardRateReduction
        } else if has("social security") || word("ssa") {
            CampaignCategory::SocialSecurityImposter
        } else if word("irs") || has("internal revenue") || has("treasury") {
            CampaignCategory::IrsImposter
        } else if has("medicare") {
            CampaignCategory::MedicareImposter
        } else if has("amazon") {
            CampaignCategory::AmazonImposter
        } else if (imposter() || disconnect())
            && (has("utility") || has("electric") || has("gas company") || has("power"))
        {
            CampaignCategory::UtilityImposter
        } else if has("business listing") || has("google listing") || has("google business") {
            CampaignCategory::BusinessListing
        } else if has("health insurance") || has("health plan") {
            CampaignCategory::HealthInsurance
        } else if has("student loan") {
            CampaignCategory::StudentLoan
        } else if has("covid") || has("coronavirus") {
            CampaignCategory::Covid19
        } else if imposter() && has("customer service") {
            CampaignCategory::CustomerServiceImposter
        } else {
            CampaignCategory::Other
        }
    }
}

/// A customer of the provider named as a call source in Attachment A.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Customer {
    /// The name as written.
    pub name: String,
    /// How many traced calls came from it.
    pub calls: usize,
    /// Its earliest traced call.
    #[serde(default)]
    pub first_call: Option<NaiveDate>,
    /// Its latest traced call.
    #[serde(default)]
    pub last_call: Option<NaiveDate>,
    /// The categories of its campaigns, in order of first appearance.
    #[serde(default)]
    pub campaigns: Vec<CampaignCategory>,
}

impl Customer {
    /// A customer named `name` with no calls.
    pub fn new(name: impl Into<String>) -> Self {
        Customer {
            name: name.into(),
            calls: 0,
            first_call: None,
            last_call: None,
            campaigns: Vec::new(),
        }
    }
}

/// A campaign: the calls that share a description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Campaign {
    /// The description as written.
    pub description: String,
    /// Its category.
    pub category: CampaignCategory,
    /// How many traced calls it has.
    pub calls: usize,
    /// The customers its calls came from, in order of first appearance.
    #[serde(default)]
    pub customers: Vec<String>,
    /// Its earliest traced call.
    #[serde(default)]
    pub first_call: Option<NaiveDate>,
    /// Its latest traced call.
    #[serde(default)]
    pub last_call: Option<NaiveDate>,
}

impl Campaign {
    /// A campaign described as `description`, of `category`, with no calls.
    pub fn new(description: impl Into<String>, category: CampaignCategory) -> Self {
        Campaign {
            description: description.into(),
            category,
            calls: 0,
            customers: Vec::new(),
            first_call: None,
            last_call: None,
        }
    }
}

/// A violation cited in Attachment A and how many calls it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Violation {
    /// The violation text as written.
    pub text: String,
    /// Its citations (those of the first row that has it).
    #[serde(default)]
    pub citations: Vec<Citation>,
    /// How many calls cite it.
    pub calls: usize,
}

impl Violation {
    /// A violation reading `text`, with no citations and no calls.
    pub fn new(text: impl Into<String>) -> Self {
        Violation {
            text: text.into(),
            citations: Vec::new(),
            calls: 0,
        }
    }
}

/// Folds a call date into a running first and last call.
fn widen(first: &mut Option<NaiveDate>, last: &mut Option<NaiveDate>, date: Option<NaiveDate>) {
    if let Some(d) = date {
        *first = Some(first.map_or(d, |f| f.min(d)));
        *last = Some(last.map_or(d, |l| l.max(d)));
    }
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Groups records by `key` in order of first appearance, then sorts by calls, most first
/// (a stable sort, so ties keep table order).
fn group<'r, G>(
    records: &'r [CallRecord],
    key: impl Fn(&'r CallRecord) -> Option<&'r str>,
    new: impl Fn(&'r str, &'r CallRecord) -> G,
    add: impl Fn(&mut G, &'r CallRecord),
    calls: impl Fn(&G) -> usize,
) -> Vec<G> {
    let mut keys: Vec<&str> = Vec::new();
    let mut groups: Vec<G> = Vec::new();
    for record in records {
        let Some(k) = key(record) else { continue };
        let group = match keys.iter().position(|&seen| seen == k) {
            Some(i) => groups.get_mut(i),
            None => {
                keys.push(k);
                groups.push(new(k, record));
                groups.last_mut()
            }
        };
        if let Some(g) = group {
            add(g, record);
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(calls(g)));
    groups
}

pub(super) fn customers(records: &[CallRecord]) -> Vec<Customer> {
    group(
        records,
        |r| r.customer.as_deref(),
        |name, _| Customer {
            name: name.to_owned(),
            calls: 0,
            first_call: None,
            last_call: None,
            campaigns: Vec::new(),
        },
        |c, r| {
            c.calls += 1;
            widen(&mut c.first_call, &mut c.last_call, r.date);
            push_unique(&mut c.campaigns, r.category);
        },
        |c| c.calls,
    )
}

pub(super) fn campaigns(records: &[CallRecord]) -> Vec<Campaign> {
    group(
        records,
        |r| r.description.as_deref(),
        |description, r| Campaign {
            description: description.to_owned(),
            category: r.category,
            calls: 0,
            customers: Vec::new(),
            first_call: None,
            last_call: None,
        },
        |c, r| {
            c.calls += 1;
            widen(&mut c.first_call, &mut c.last_call, r.date);
            if let Some(name) = &r.customer {
                if !c.customers.contains(name) {
                    c.customers.push(name.clone());
                }
            }
        },
        |c| c.calls,
    )
}

pub(super) fn violations(records: &[CallRecord], citations: &[Citation]) -> Vec<Violation> {
    group(
        records,
        |r| r.violation.as_ref().map(|v| v.text.as_str()),
        |text, r| Violation {
            text: text.to_owned(),
            citations: r
                .violation
                .iter()
                .flat_map(|v| &v.citations)
                .filter_map(|&i| citations.get(i).cloned())
                .collect(),
            calls: 0,
        },
        |v, _| v.calls += 1,
        |v| v.calls,
    )
}

#[cfg(test)]
mod tests {
    use super::CampaignCategory::{self, *};

    #[test]
    fn categories() {
        let cases = [
            ("Auto Warranty Sales Robocall", AutoWarranty),
            (
                "Fraudulent Credit Card Rate Reduction Robocalls",
                CreditCardRateReduction,
            ),
            (
                "Customer Service Imposter Offering Discount on Monthly Bill",
                CustomerServiceImposter,
            ),
            ("Fraudulent Google Business Listing Offer", BusinessListing),
            (
                "Social Security Administration Imposter Robocall",
                SocialSecurityImposter,
            ),
            ("SSA Imposter", SocialSecurityImposter),
            ("IRS Imposter", IrsImposter),
            ("Medicare Card Robocall", MedicareImposter),
            ("Amazon Imposter - Unauthorized Purchase", AmazonImposter),
            (
                "Electric Utility Imposter Disconnection Threat",
                UtilityImposter,
            ),
            ("Utility Disconnect", UtilityImposter),
            ("Power Shut Off Warning", UtilityImposter),
            ("Utility Bill Discount Offer", Other),
            ("Health Insurance Sales", HealthInsurance),
            ("Student Loan Forgiveness", StudentLoan),
            ("COVID-19 Test Kit Offer", Covid19),
            ("Political Survey", Other),
            ("", Other),
            ("Hairs and firs", Other),
        ];
        for (text, want) in cases {
            assert_eq!(CampaignCategory::from_description(text), want, "{text}");
        }
    }
}
