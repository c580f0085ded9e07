//! Jekyll 4.3.1's post dates: the date in a post's file name, and a front
//! matter `date:` value as Psych types it and `Jekyll::Utils.parse_date`
//! (Ruby's `Time.parse`, then `localtime`) reads it.
//!
//! What a real build does (checked with Jekyll 4.3.1, Ruby 3.1.2, Psych 4):
//!
//! - A date only (`2024-01-05`, quoted or not, `2024-1-5`, `20240105`,
//!   `January 5, 2024`) is midnight on the build's wall clock: the URL does
//!   not depend on the zone.
//! - An unquoted date-time with seconds (`2024-01-05 10:00:00`,
//!   `2024-01-05T10:00:00`) is a YAML timestamp: without an offset Psych
//!   reads it as UTC, and Jekyll then moves it to the site's zone (so the URL
//!   depends on `timezone:` or, without it, on the build machine). Quoted, or
//!   without seconds (`2024-01-05T10:00`), it is read on the wall clock.
//! - A day past the end of its month rolls over (`2024-02-30` is published as
//!   2024-03-01, `2024-04-31` as 2024-05-01), and so do `24:00` (the next
//!   day) and second 60; a month of 0 or 13, a day of 0 or 32, an hour of 25,
//!   a minute of 60, an empty value (`date:`), `2024`, `yesterday`, `today`,
//!   `now` fail the build (`Jekyll::Errors::InvalidDateError`).
//! - Ruby's `Time.parse` reads much more, some of it by accident
//!   (`2024-01-05 junk` is June 5th of the build year, `5/1/2024` is
//!   January 5th, `+2` and `CEST` are ignored): such forms are
//!   [`DateError::NotModelled`], never an error bloglint reports as Jekyll's.

use crate::hugo::date::{Form, HugoDate};

/// A date as Jekyll reads it: the civil fields after any roll-over, in
/// `offset` when the value fixes its instant, else on the site's wall clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JekyllDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Seconds east of UTC: written (`+01:00`, `Z`), or 0 for an unquoted
    /// YAML timestamp without one (see [`JekyllDate::yaml_utc`]). `None`:
    /// read in the site's zone.
    pub offset: Option<i32>,
    /// A field was past its range and Jekyll moved the date on
    /// (`2024-02-30` is published as 2024-03-01).
    pub rolled_over: bool,
    /// A time of day was written.
    pub has_time: bool,
    /// An unquoted YAML timestamp without an offset, which Psych reads as
    /// UTC: the publication date depends on the site's zone.
    pub yaml_utc: bool,
}

/// Why a value gives no date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Jekyll fails the build (`Jekyll::Errors::InvalidDateError`).
    Invalid,
    /// A form bloglint does not model; Jekyll may well read it.
    NotModelled,
}

impl DateError {
    /// Whether the Jekyll build fails on this value.
    pub fn fails_build(self) -> bool {
        self == DateError::Invalid
    }
}

/// Civil fields on the site's clock, for `:year`, `:month`, `:day`,
/// `:hour`… of permalinks: the URL code's own.
pub use super::url::Civil;

/// What Jekyll takes from a post's file name (`Document::DATE_FILENAME_MATCHER`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileNameDate {
    /// The date as written (`2024-1-5`).
    pub text: String,
    /// The date Jekyll reads from it, midnight on the wall clock; a front
    /// matter `date` replaces it.
    pub date: Result<JekyllDate, DateError>,
    /// The title part, trailing `.`s removed (`:title`, `slug`); may be empty.
    pub slug: String,
    /// The extension, dot included (`.md`).
    pub ext: String,
}

/// The date, slug and extension of a post's file name (a path is allowed:
/// its last component is read). `None` when the name does not match
/// `YYYY-MM-DD-title.ext` (2 to 4 digits of year, 1 or 2 of month and
/// day, an extension): Jekyll silently skips such a file in `_posts`. An
/// impossible date fails the build (`2024-13-01`, `2024-02-32`) or rolls
/// over (`2024-02-30`); a year of two digits is 1969–2068 (`24-01-05` is
/// 2024), of three the year as written.
pub fn filename_date(file_name: &str) -> Option<FileNameDate> {
    let name = file_name.rsplit('/').next().unwrap_or(file_name);
    let (y, rest) = digits(name, 2, 4)?;
    let rest = rest.strip_prefix('-')?;
    let (m, rest) = digits(rest, 1, 2)?;
    let rest = rest.strip_prefix('-')?;
    let (d, rest) = digits(rest, 1, 2)?;
    let rest = rest.strip_prefix('-')?;
    let dot = rest.rfind('.')?;
    let ext = &rest[dot..];
    if ext.len() < 2 || ext.contains('\n') {
        return None;
    }
    let text = &name[..name.len() - rest.len() - 1];
    let year = year_of(y)?;
    let date = civil(year, num(m)?, num(d)?, None, None).map(|mut date| {
        date.offset = None;
        date
    });
    Some(FileNameDate {
        text: text.to_string(),
        date,
        slug: rest[..dot].trim_end_matches('.').to_string(),
        ext: ext.to_string(),
    })
}

/// A front matter `date:` as Jekyll reads it. `text` is the scalar's text;
/// `quoted` when YAML reads it as a string (quoted, or a block scalar),
/// else Psych types it first (timestamps, integers, `null`).
pub fn parse_value(text: &str, quoted: bool) -> Result<JekyllDate, DateError> {
    let t = text.trim_matches([' ', '\t', '\n', '\r']);
    if !quoted {
        if t.is_empty() || t == "~" || t == "null" || t == "Null" || t == "NULL" {
            return Err(DateError::Invalid);
        }
        if let Some(result) = yaml_timestamp(t) {
            return result;
        }
        if t.bytes().all(|b| b.is_ascii_digit()) && !t.starts_with('0') {
            return time_parse(t);
        }
        if t.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-' || c == '.')
            && !t.contains(['-', ':', '/', ' '])
        {
            // Other YAML numbers (0x10, 1_000, 2024.5): not modelled.
            return if t.bytes().any(|b| b.is_ascii_digit()) {
                Err(DateError::NotModelled)
            } else {
                time_parse(t)
            };
        }
    }
    time_parse(t)
}

/// The civil fields Jekyll uses for a date's permalink placeholders: the
/// date moved to the site's `timezone:` (`tz`, which Jekyll sets as `TZ`)
/// when it has an offset, else as written (a wall time in a daylight-saving
/// gap, which Ruby moves on an hour, is not modelled). `None` when that
/// depends on the build machine (an offset and no `timezone:`) or the zone
/// is not in the system's database (Ruby then reads UTC), or the date is
/// past the database's last transition in a zone that still changes clocks.
pub fn local(date: &JekyllDate, tz: Option<&str>) -> Option<Civil> {
    let Some(offset) = date.offset else {
        return Some(date.civil());
    };
    let tz = tz?;
    let utc = date.unix_utc(offset);
    // The offset in force at that instant. The zone answers for wall
    // times: of the offsets a day before and a day after (either side of
    // a transition), the one whose wall time gives itself back.
    let at = |wall: i64| crate::hugo::zone::offset_at(Some(tz), &hugo_date(from_unix(wall)));
    let before = at(utc - 86_400)?;
    let after = at(utc + 86_400)?;
    let local_offset = [before, after]
        .into_iter()
        .find(|&o| at(utc + i64::from(o)) == Some(o))
        .unwrap_or(after);
    Some(from_unix(utc + i64::from(local_offset)))
}

impl JekyllDate {
    pub fn civil(&self) -> Civil {
        Civil {
            year: self.year,
            month: self.month,
            day: self.day,
            hour: self.hour,
            minute: self.minute,
            second: self.second,
        }
    }

    /// Seconds since the epoch of the date read at `offset` (seconds east
    /// of UTC).
    pub fn unix_utc(&self, offset: i32) -> i64 {
        days_from_civil(self.year, self.month, 1) * 86_400
            + (i64::from(self.day) - 1) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(offset)
    }
}

/// Seconds since the epoch of a date: exact when it has an offset, else
/// read on the wall clock of `tz`. `None` when that depends on the build
/// machine (no offset, no `timezone:`) or the zone is not in the system's
/// database.
pub fn instant(date: &JekyllDate, tz: Option<&str>) -> Option<i64> {
    let offset = match date.offset {
        Some(o) => o,
        None => crate::hugo::zone::offset_at(Some(tz?), &hugo_date(date.civil()))?,
    };
    Some(date.unix_utc(offset))
}

fn hugo_date(c: Civil) -> HugoDate {
    HugoDate {
        year: c.year,
        month: c.month,
        day: c.day,
        hour: c.hour,
        minute: c.minute,
        second: c.second,
        nanosecond: 0,
        offset: None,
        form: Form::Toml,
        has_time: true,
        has_year: true,
        ignored_zone: None,
    }
}

/// Psych's timestamp (`YYYY-M-D[Tt ]H:MM:SS[.frac][ zone]`, seconds
/// required): UTC without a zone. `None` when the text is not one.
fn yaml_timestamp(t: &str) -> Option<Result<JekyllDate, DateError>> {
    let (y, rest) = digits(t, 4, 4)?;
    let rest = rest.strip_prefix('-')?;
    let (mo, rest) = digits(rest, 1, 2)?;
    let rest = rest.strip_prefix('-')?;
    let (d, rest) = digits(rest, 1, 2)?;
    let rest = if let Some(r) = rest.strip_prefix(['T', 't']) {
        r
    } else {
        let r = rest.trim_start_matches([' ', '\t']);
        if r.len() == rest.len() {
            return None;
        }
        r
    };
    let (h, rest) = digits(rest, 1, 2)?;
    let rest = rest.strip_prefix(':')?;
    let (mi, rest) = digits(rest, 2, 2)?;
    let rest = rest.strip_prefix(':')?;
    let (s, mut rest) = digits(rest, 2, 2)?;
    if let Some(frac) = rest.strip_prefix('.') {
        rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let rest = rest.trim_start_matches([' ', '\t']);
    let offset = if rest.is_empty() {
        None
    } else if rest == "Z" {
        Some(0)
    } else {
        let sign = rest.chars().next().filter(|c| *c == '+' || *c == '-')?;
        let (hh, r) = digits(&rest[1..], 1, 2)?;
        let r = r.strip_prefix(':').unwrap_or(r);
        let mm = if r.is_empty() {
            0
        } else {
            let (mm, r) = digits(r, 2, 2)?;
            if !r.is_empty() {
                return None;
            }
            num(mm)?
        };
        let hours = i32::from(num(hh)?);
        let hours = if sign == '-' { -hours } else { hours };
        // Psych signs the minutes by the hours: `-0:30` is +00:30.
        let minutes = i32::from(mm) * if hours < 0 { -1 } else { 1 };
        Some(hours * 3600 + minutes * 60)
    };
    let year = num4(y)?;
    let (mo, d, h, mi, s) = (num(mo)?, num(d)?, num(h)?, num(mi)?, num(s)?);
    // Psych's `Time.utc`/`Time.new` rolls days 29–31 and hour 24 over; out
    // of range, Psych keeps the string and `Time.parse` rejects it.
    if !(1..=12).contains(&mo)
        || !(1..=31).contains(&d)
        || h > 24
        || (h == 24 && (mi > 0 || s > 0))
        || mi > 59
        || s > 60
    {
        return Some(Err(DateError::Invalid));
    }
    if offset.is_some_and(|o| o.abs() >= 24 * 3600) {
        return Some(Err(DateError::NotModelled));
    }
    let mut date = match civil(year, mo, d, Some((h, mi, s)), offset) {
        Ok(date) => date,
        Err(e) => return Some(Err(e)),
    };
    if offset.is_none() {
        date.offset = Some(0);
        date.yaml_utc = true;
    }
    Some(Ok(date))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Ruby's `Time.parse`, for the forms bloglint models.
fn time_parse(t: &str) -> Result<JekyllDate, DateError> {
    if t.is_empty() {
        return Err(DateError::Invalid);
    }
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        // Words: `Time.parse` finds no date unless a month or weekday name
        // (or its first three letters) is in there.
        let lower = t.to_ascii_lowercase();
        let names = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            "sun", "mon", "tue", "wed", "thu", "fri", "sat",
        ];
        return if names.iter().any(|n| lower.contains(n)) || !t.is_ascii() {
            Err(DateError::NotModelled)
        } else {
            Err(DateError::Invalid)
        };
    }
    if let Some(date) = iso(t) {
        return date;
    }
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        let y = num4(&t[..4]).ok_or(DateError::NotModelled)?;
        let m = num(&t[4..6]).ok_or(DateError::NotModelled)?;
        let d = num(&t[6..]).ok_or(DateError::NotModelled)?;
        return calendar(y, m, d);
    }
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        // A year alone.
        return Err(DateError::Invalid);
    }
    month_name_date(t).unwrap_or(Err(DateError::NotModelled))
}

/// A calendar date alone, as `Time.parse` reads it.
fn calendar(y: i32, m: u8, d: u8) -> Result<JekyllDate, DateError> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(DateError::Invalid);
    }
    civil(y, m, d, None, None)
}

/// `YYYY-M-D`, then optionally `T` or spaces and `H:MM[:SS[.frac]]`, then
/// optionally spaces and `Z`, `UTC`, `GMT` or `±HH[[:]MM]`.
fn iso(t: &str) -> Option<Result<JekyllDate, DateError>> {
    let (y, rest) = digits(t, 4, 4)?;
    let rest = rest.strip_prefix('-')?;
    let (mo, rest) = digits(rest, 1, 2)?;
    let rest = rest.strip_prefix('-')?;
    let (d, rest) = digits(rest, 1, 2)?;
    let (y, mo, d) = (num4(y)?, num(mo)?, num(d)?);
    if rest.is_empty() {
        return Some(calendar(y, mo, d));
    }
    let after_sep = if let Some(r) = rest.strip_prefix('T') {
        r
    } else {
        let r = rest.trim_start_matches([' ', '\t']);
        if r.len() == rest.len() {
            return Some(Err(DateError::NotModelled));
        }
        r
    };
    let parsed = (|| {
        let (h, rest) = digits(after_sep, 1, 2)?;
        let rest = rest.strip_prefix(':')?;
        let (mi, rest) = digits(rest, 1, 2)?;
        let (s, rest) = match rest.strip_prefix(':') {
            Some(r) => {
                let (s, mut r) = digits(r, 1, 2)?;
                if let Some(f) = r.strip_prefix(['.', ',']) {
                    let n = f.len() - f.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                    if n == 0 {
                        return None;
                    }
                    r = &f[n..];
                }
                (num(s)?, r)
            }
            None => (0, rest),
        };
        let zone = rest.trim_start_matches([' ', '\t']);
        let offset = if zone.is_empty() {
            if !rest.is_empty() {
                return None;
            }
            None
        } else {
            Some(zone_offset(zone)?)
        };
        Some((num(h)?, num(mi)?, s, offset))
    })();
    let Some((h, mi, s, offset)) = parsed else {
        return Some(Err(DateError::NotModelled));
    };
    if offset.is_some()
        && (1..=12).contains(&mo)
        && (d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 59)
    {
        // With an offset, `Time.parse` checks the fields once the offset is
        // taken off (`2024-01-32 00:30 +14:00` is January 31st, 10:30 UTC):
        // not modelled.
        return Some(Err(DateError::NotModelled));
    }
    if !(1..=12).contains(&mo)
        || !(1..=31).contains(&d)
        || h > 24
        || (h == 24 && (mi > 0 || s > 0))
        || mi > 59
        || s > 60
    {
        return Some(Err(DateError::Invalid));
    }
    Some(civil(y, mo, d, Some((h, mi, s)), offset))
}

/// `Z`, `UTC`, `GMT`, `±HH`, `±HHMM`, `±HH:MM` (hours below 24).
fn zone_offset(zone: &str) -> Option<i32> {
    if matches!(zone, "Z" | "UTC" | "GMT") {
        return Some(0);
    }
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let body = &zone[1..];
    if !body.is_ascii() {
        return None;
    }
    let (h, m) = match body.len() {
        2 => (body, "00"),
        4 => (&body[..2], &body[2..]),
        5 if body.as_bytes()[2] == b':' => (&body[..2], &body[3..]),
        _ => return None,
    };
    if !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = (i32::from(num(h)?), i32::from(num(m)?));
    (h < 24 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// `January 5, 2024`, `Jan 5 2024`, `5 January 2024` (English month names
/// or their first three letters, any case).
fn month_name_date(t: &str) -> Option<Result<JekyllDate, DateError>> {
    let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.len() != 3 {
        return None;
    }
    let month = |w: &str| -> Option<u8> {
        let w = w.to_ascii_lowercase();
        let at = MONTHS
            .iter()
            .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))?;
        u8::try_from(at + 1).ok()
    };
    let day = |w: &str| {
        digits(w, 1, 2)
            .filter(|(_, r)| r.is_empty())
            .and_then(|(d, _)| num(d))
    };
    let year = |w: &str| {
        digits(w, 4, 4)
            .filter(|(_, r)| r.is_empty())
            .and_then(|(y, _)| num4(y))
    };
    // A comma only after the day of `Month D, YYYY`.
    let comma_ok = match t.find(',') {
        None => true,
        Some(at) => {
            t[at + 1..].find(',').is_none()
                && month(words[0]).is_some()
                && t[..at].trim_end().ends_with(words[1])
        }
    };
    if !comma_ok {
        return None;
    }
    let (m, d, y) = if let Some(m) = month(words[0]) {
        (m, day(words[1])?, year(words[2])?)
    } else {
        (month(words[1])?, day(words[0])?, year(words[2])?)
    };
    Some(if (1..=31).contains(&d) {
        civil(y, m, d, None, None)
    } else {
        Err(DateError::NotModelled)
    })
}

/// Builds the date, rolling a day past its month, hour 24 and second 60
/// over as Ruby's `Time` does.
fn civil(
    year: i32,
    month: u8,
    day: u8,
    time: Option<(u8, u8, u8)>,
    offset: Option<i32>,
) -> Result<JekyllDate, DateError> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(DateError::Invalid);
    }
    let (h, mi, s) = time.unwrap_or((0, 0, 0));
    let secs = days_from_civil(year, month, 1) * 86_400
        + (i64::from(day) - 1) * 86_400
        + i64::from(h) * 3600
        + i64::from(mi) * 60
        + i64::from(s);
    let c = from_unix(secs);
    Ok(JekyllDate {
        year: c.year,
        month: c.month,
        day: c.day,
        hour: c.hour,
        minute: c.minute,
        second: c.second,
        offset,
        rolled_over: (c.year, c.month, c.day, c.hour, c.minute, c.second)
            != (year, month, day, h, mi, s),
        has_time: time.is_some(),
        yaml_utc: false,
    })
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if crate::calendar::is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Leading ASCII digits, `min` to `max` of them (no more may follow).
fn digits(s: &str, min: usize, max: usize) -> Option<(&str, &str)> {
    let n = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (min..=max).contains(&n).then(|| s.split_at(n))
}

fn num(s: &str) -> Option<u8> {
    s.parse().ok()
}

fn num4(s: &str) -> Option<i32> {
    s.parse().ok()
}

/// A year of the file name: two digits are 1969–2068.
fn year_of(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    Some(if y.len() == 2 {
        if n >= 69 { 1900 + n } else { 2000 + n }
    } else {
        n
    })
}

/// Days from 1970-01-01 to the first `day` of a proleptic Gregorian month.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil fields of seconds since 1970-01-01 (no zone).
fn from_unix(secs: i64) -> Civil {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Civil {
        year: i32::try_from(year).unwrap_or(i32::MAX),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
        hour: u8::try_from(rem / 3600).unwrap_or(0),
        minute: u8::try_from(rem % 3600 / 60).unwrap_or(0),
        second: u8::try_from(rem % 60).unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd_hms(d: &JekyllDate) -> (i32, u8, u8, u8, u8, u8) {
        (d.year, d.month, d.day, d.hour, d.minute, d.second)
    }

    // Each case was checked with a real build (Jekyll 4.3.1, Ruby 3.1.2):
    // where the post is written, or whether the build fails.

    #[test]
    fn file_names() {
        let f = filename_date("2024-01-05-hello.md").expect("a post name");
        assert_eq!(
            (f.text.as_str(), f.slug.as_str(), f.ext.as_str()),
            ("2024-01-05", "hello", ".md")
        );
        let d = f.date.expect("a date");
        assert_eq!(ymd_hms(&d), (2024, 1, 5, 0, 0, 0));
        assert_eq!(d.offset, None);
        assert!(!d.rolled_over);

        let rolled = filename_date("2024-02-30-x.md").expect("a post name").date;
        let rolled = rolled.expect("rolled over");
        assert_eq!((rolled.month, rolled.day, rolled.rolled_over), (3, 1, true));
        for bad in [
            "2024-13-01-x.md",
            "2024-02-32-x.md",
            "2024-00-10-x.md",
            "2024-01-00-x.md",
        ] {
            let f = filename_date(bad).expect("a post name");
            assert_eq!(f.date, Err(DateError::Invalid), "{bad}");
        }
        assert_eq!(
            filename_date("24-01-05-x.md")
                .and_then(|f| f.date.ok())
                .map(|d| d.year),
            Some(2024)
        );
        assert_eq!(
            filename_date("2024-1-5-x.md")
                .and_then(|f| f.date.ok())
                .map(|d| d.day),
            Some(5)
        );
        assert_eq!(
            filename_date("2024-01-05-x..md").map(|f| f.slug),
            Some("x".into())
        );
        assert_eq!(
            filename_date("2024-01-05-x.y.md").map(|f| f.slug),
            Some("x.y".into())
        );
        assert_eq!(
            filename_date("2024-01-05-.md").map(|f| f.slug),
            Some(String::new())
        );
        assert_eq!(
            filename_date("_posts/a/2024-01-05-x.md").map(|f| f.slug),
            Some("x".into())
        );
        // Skipped by Jekyll: no extension, no `-` after the date.
        assert_eq!(filename_date("2024-01-05-x"), None);
        assert_eq!(filename_date("2024-01-05x.md"), None);
        assert_eq!(filename_date(""), None);
    }

    #[test]
    fn dates_alone_are_wall_clock_midnight() {
        for (text, quoted) in [
            ("2024-01-05", false),
            ("2024-01-05", true),
            ("2024-1-5", false),
            ("20240105", false),
            ("January 5, 2024", false),
        ] {
            let d = parse_value(text, quoted).expect(text);
            assert_eq!(ymd_hms(&d), (2024, 1, 5, 0, 0, 0), "{text}");
            assert_eq!(d.offset, None, "{text}");
            assert!(!d.has_time, "{text}");
        }
    }

    #[test]
    fn unquoted_timestamps_are_utc_quoted_ones_wall_clock() {
        let utc = parse_value("2024-01-05 10:00:00", false).expect("a timestamp");
        assert_eq!((utc.offset, utc.yaml_utc), (Some(0), true));
        let ny = local(&utc, Some("America/New_York")).expect("a zone");
        assert_eq!((ny.day, ny.hour), (5, 5));
        assert_eq!(local(&utc, None), None);

        let wall = parse_value("2024-01-05 10:00:00", true).expect("a string");
        assert_eq!((wall.offset, wall.yaml_utc), (None, false));
        assert_eq!(
            local(&wall, Some("America/New_York")).map(|c| c.hour),
            Some(10)
        );
        // No seconds: not a YAML timestamp.
        assert_eq!(
            parse_value("2024-01-05T10:00", false)
                .expect("a string")
                .offset,
            None
        );

        let plus = parse_value("2024-01-05 10:00:00 +0100", false).expect("a timestamp");
        assert_eq!(plus.offset, Some(3600));
        assert_eq!(
            local(&plus, Some("America/New_York")).map(|c| c.hour),
            Some(4)
        );
        let t = parse_value("2024-01-05T10:00+02:00", true).expect("a string");
        assert_eq!(local(&t, Some("UTC")).map(|c| c.hour), Some(8));
    }

    #[test]
    fn roll_overs() {
        for (text, quoted, want) in [
            ("2024-02-30", false, (2024, 3, 1, 0, 0, 0)),
            ("2024-02-30", true, (2024, 3, 1, 0, 0, 0)),
            ("2024-04-31", false, (2024, 5, 1, 0, 0, 0)),
            ("2023-02-29", false, (2023, 3, 1, 0, 0, 0)),
            ("2024-01-05 24:00", true, (2024, 1, 6, 0, 0, 0)),
            ("2024-01-05 10:00:60", true, (2024, 1, 5, 10, 1, 0)),
        ] {
            let d = parse_value(text, quoted).expect(text);
            assert_eq!(ymd_hms(&d), want, "{text}");
            assert!(d.rolled_over, "{text}");
        }
    }

    #[test]
    fn values_that_fail_the_build() {
        for (text, quoted) in [
            ("2024-13-01", false),
            ("2024-02-32", false),
            ("2024-01-05 25:00", true),
            ("2024-01-05 10:60", true),
            ("2024-01-05 24:00:01", true),
            ("2024-13-01 10:00:00", false),
            ("", false),
            ("", true),
            ("~", false),
            ("2024", false),
            ("yesterday", false),
            ("today", true),
            ("now", false),
            ("true", false),
        ] {
            let e = parse_value(text, quoted).expect_err(text);
            assert!(e.fails_build(), "{text}");
        }
    }

    #[test]
    fn forms_left_to_ruby() {
        // Time.parse reads these, not always sensibly: bloglint does not guess.
        for text in [
            "2024-01-05 junk",
            "5/1/2024",
            "2024-01-05 10:00 +2",
            "2024-01-05 10:00 CEST",
            "March",
            "2024-01-32 00:30 +14:00",
            "0x10",
            "日本",
        ] {
            assert_eq!(
                parse_value(text, true),
                Err(DateError::NotModelled),
                "{text}"
            );
        }
    }

    #[test]
    fn local_moves_offset_dates_into_the_zone() {
        let d = parse_value("2024-06-01 00:30:00 +0000", false).expect("a timestamp");
        let paris = local(&d, Some("Europe/Paris")).expect("a zone");
        assert_eq!((paris.month, paris.day, paris.hour), (6, 1, 2));
        let ny = local(&d, Some("America/New_York")).expect("a zone");
        assert_eq!((ny.month, ny.day, ny.hour, ny.minute), (5, 31, 20, 30));
        assert_eq!(local(&d, Some("Not/AZone")), None);
    }
}
