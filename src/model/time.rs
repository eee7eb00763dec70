//! Dates ("YYYY-MM-DD") and clock times ("HH:MM") as stored in documents, with typed parsing.
//!
//! Documents keep the plain strings people typed (so a half-typed value never breaks a load);
//! rules parse them here and get an error that says what to fix.

use std::fmt;

use chrono::NaiveDate;

use crate::i18n::Bilingual;

/// A date (datum) or clock time (klockslag) that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("“{0}” is not a date; write it as YYYY-MM-DD, e.g. 2019-04-04")]
    BadDate(String),
    #[error("“{0}” is not a time of day; write it as HH:MM, e.g. 13:00")]
    BadTime(String),
}

impl Bilingual for TimeError {
    fn sv(&self) -> String {
        match self {
            TimeError::BadDate(text) => format!("”{text}” är inget datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2019-04-04"),
            TimeError::BadTime(text) => format!("”{text}” är inget klockslag; skriv det som TT:MM, t.ex. 13:00"),
        }
    }
}

/// Parse a stored date (datum), "YYYY-MM-DD".
pub fn parse_date(text: &str) -> Result<NaiveDate, TimeError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| TimeError::BadDate(text.to_string()))
}

/// Format a date the way documents store it.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A time of day (klockslag) in whole minutes since midnight, 00:00 ..= 23:59.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    pub const MINUTES_PER_DAY: u32 = 24 * 60;
    pub const MIDNIGHT: ClockTime = ClockTime(0);

    pub fn from_hm(hours: u8, minutes: u8) -> Option<Self> {
        (hours < 24 && minutes < 60).then(|| Self(hours as u16 * 60 + minutes as u16))
    }

    /// Read "HH:MM"; also accepts "13.00" and "9:05" because that is how the council's own
    /// agendas write times (ca tid), so pasted text works.
    pub fn parse(text: &str) -> Result<Self, TimeError> {
        let bad = || TimeError::BadTime(text.to_string());
        let trimmed = text.trim();
        let (h, m) = trimmed.split_once([':', '.']).ok_or_else(bad)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(bad());
        }
        let hours: u8 = h.parse().map_err(|_| bad())?;
        let minutes: u8 = m.parse().map_err(|_| bad())?;
        Self::from_hm(hours, minutes).ok_or_else(bad)
    }

    pub fn minutes_since_midnight(self) -> u32 {
        self.0 as u32
    }

    /// The time `minutes` later, or `None` if that passes midnight.
    pub fn plus_minutes(self, minutes: u32) -> Option<Self> {
        let total = self.0 as u32 + minutes;
        (total < Self::MINUTES_PER_DAY).then_some(Self(total as u16))
    }

    /// Whole minutes from `earlier` to `self` (negative if `self` is before).
    pub fn minutes_after(self, earlier: ClockTime) -> i32 {
        self.0 as i32 - earlier.0 as i32
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_time(input: &str, expected: Result<&str, ()>) {
        let got = ClockTime::parse(input).map(|t| t.to_string()).map_err(|_| ());
        assert_eq!(got, expected.map(str::to_string), "input {input:?}");
    }

    #[test]
    fn clock_times() {
        check_time("13:00", Ok("13:00"));
        check_time("13.05", Ok("13:05"));
        check_time("9:05", Ok("09:05"));
        check_time(" 00:00 ", Ok("00:00"));
        check_time("23:59", Ok("23:59"));
        check_time("24:00", Err(()));
        check_time("12:60", Err(()));
        check_time("1300", Err(()));
        check_time("13:0", Err(()));
        check_time("", Err(()));
        check_time("ca 13", Err(()));
    }

    #[test]
    fn dates() {
        assert_eq!(format_date(parse_date("2019-04-04").unwrap()), "2019-04-04");
        let err = parse_date("4/4 2019").unwrap_err();
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
        assert!(parse_date("2019-02-30").is_err());
    }

    #[test]
    fn arithmetic() {
        let t = ClockTime::parse("23:50").unwrap();
        assert_eq!(t.plus_minutes(9).unwrap().to_string(), "23:59");
        assert_eq!(t.plus_minutes(10), None);
        assert_eq!(ClockTime::parse("13:00").unwrap().minutes_after(t), -650);
    }
}
