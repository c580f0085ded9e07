//! The site's time zone (`timeZone`): at what offset from UTC Hugo reads a
//! date written without one.
//!
//! Hugo (Go's `time.LoadLocation`) reads named zones from the system's time
//! zone database; so does bloglint, from the same files (TZif, RFC 8536).

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use super::date::HugoDate;

/// The names Go reads as UTC.
const UTC_NAMES: [&str; 19] = [
    "",
    "UTC",
    "Etc/UTC",
    "UCT",
    "Etc/UCT",
    "GMT",
    "Etc/GMT",
    "GMT0",
    "Etc/GMT0",
    "GMT+0",
    "Etc/GMT+0",
    "GMT-0",
    "Etc/GMT-0",
    "Greenwich",
    "Etc/Greenwich",
    "Universal",
    "Etc/Universal",
    "Zulu",
    "Etc/Zulu",
];

/// The site's offset from UTC (seconds east) when it is the same all year:
/// UTC (also when `timeZone` is unset) and `Etc/GMT±N`. `None` for a named
/// zone (`Europe/Paris`: its offset depends on the date, see [`offset_at`])
/// and for a name Hugo would not know.
pub fn fixed_offset(time_zone: Option<&str>) -> Option<i32> {
    let tz = time_zone.unwrap_or("");
    if UTC_NAMES.contains(&tz) {
        return Some(0);
    }
    // POSIX-style names count west as positive: Etc/GMT+5 is UTC−05:00.
    let hours: i32 = tz.strip_prefix("Etc/GMT")?.parse().ok()?;
    (-14..=12).contains(&hours).then_some(-hours * 3600)
}

/// The offset (seconds east of UTC) at which Hugo reads the wall-clock time
/// `date` (its own offset ignored) in the site's time zone: Go's `time.Date`
/// in the zone, so `2024-06-01T10:30:00` in `Europe/Paris` is +02:00 and
/// `2024-01-15T09:30:00` is +01:00 (checked with Hugo 0.168). `None` when
/// the zone is not in the system's database, or the date is past the
/// database's last transition in a zone that still changes its clocks.
pub fn offset_at(time_zone: Option<&str>, date: &HugoDate) -> Option<i32> {
    if let Some(o) = fixed_offset(time_zone) {
        return Some(o);
    }
    let zone = load(time_zone?)?;
    // As Go does: the offset in force at the wall time read as UTC, then,
    // when the instant that gives falls outside that period, the offset in
    // force at that instant.
    let wall = date.unix_in(0);
    let (offset, start, end) = zone.lookup(wall)?;
    let utc = wall - i64::from(offset);
    if (start..end).contains(&utc) {
        Some(offset)
    } else {
        zone.lookup(utc).map(|(o, _, _)| o)
    }
}

/// A zone's history: when each offset starts.
#[derive(Debug)]
struct Zone {
    /// Transition instants, ascending, with the offset they start.
    transitions: Vec<(i64, i32)>,
    /// The offset before the first transition.
    first: i32,
    /// Whether the zone still changes its clocks after the last transition
    /// (the file's footer rule has a daylight saving part).
    changes_later: bool,
}

impl Zone {
    /// The offset in force at `t`, and the period it is in force.
    fn lookup(&self, t: i64) -> Option<(i32, i64, i64)> {
        let i = self.transitions.partition_point(|&(at, _)| at <= t);
        let end = self.transitions.get(i).map_or(i64::MAX, |&(at, _)| at);
        match i.checked_sub(1).map(|j| self.transitions[j]) {
            None => Some((self.first, i64::MIN, end)),
            Some(_) if i == self.transitions.len() && self.changes_later => None,
            Some((at, offset)) => Some((offset, at, end)),
        }
    }
}

/// The directories Go looks for zone files in (`$ZONEINFO` first).
const ZONE_DIRS: [&str; 4] = [
    "/usr/share/zoneinfo",
    "/usr/share/lib/zoneinfo",
    "/usr/lib/locale/TZ",
    "/etc/zoneinfo",
];

/// A named zone from the system's database, read once per run.
fn load(name: &str) -> Option<Arc<Zone>> {
    static ZONES: OnceLock<Mutex<HashMap<String, Option<Arc<Zone>>>>> = OnceLock::new();
    let zones = ZONES.get_or_init(|| Mutex::new(HashMap::new()));
    let mut zones = zones.lock().unwrap_or_else(|e| e.into_inner());
    zones
        .entry(name.to_string())
        .or_insert_with(|| read_zone(name).map(Arc::new))
        .clone()
}

fn read_zone(name: &str) -> Option<Zone> {
    // Go refuses names that could leave the database.
    let safe = !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && name.split('/').all(|part| !part.is_empty() && part != "..");
    if !safe {
        return None;
    }
    let env = std::env::var("ZONEINFO").ok();
    env.iter()
        .map(String::as_str)
        .chain(ZONE_DIRS)
        .find_map(|dir| std::fs::read(Path::new(dir).join(name)).ok())
        .and_then(|bytes| parse_tzif(&bytes))
}

/// A TZif file (RFC 8536): the 64-bit data block of version 2 and later,
/// else the 32-bit one; and the footer's rule.
fn parse_tzif(b: &[u8]) -> Option<Zone> {
    let counts = |at: usize| -> Option<[usize; 6]> {
        if b.get(at..at + 4)? != b"TZif" {
            return None;
        }
        let mut c = [0; 6];
        for (k, n) in c.iter_mut().enumerate() {
            let s = at + 20 + 4 * k;
            *n = u32::from_be_bytes(b.get(s..s + 4)?.try_into().ok()?) as usize;
        }
        Some(c)
    };
    let [isut, isstd, leap, time, types, chars] = counts(0)?;
    let v1_len = time * 5 + types * 6 + chars + leap * 8 + isstd + isut;
    let (at, size) = if b.get(4).is_some_and(|&v| v >= b'2') {
        (44 + v1_len, 8)
    } else {
        (0, 4)
    };
    let [isut, isstd, leap, time, types, chars] = counts(at)?;
    let data = at + 44;
    let read_time = |i: usize| -> Option<i64> {
        let s = data + i * size;
        let bytes = b.get(s..s + size)?;
        Some(match size {
            8 => i64::from_be_bytes(bytes.try_into().ok()?),
            _ => i64::from(i32::from_be_bytes(bytes.try_into().ok()?)),
        })
    };
    let index_at = data + time * size;
    let types_at = index_at + time;
    let offset_of = |t: usize| -> Option<(i32, bool)> {
        let s = types_at + t * 6;
        let o = i32::from_be_bytes(b.get(s..s + 4)?.try_into().ok()?);
        Some((o, *b.get(s + 4)? != 0))
    };
    let mut transitions = Vec::with_capacity(time);
    for i in 0..time {
        let t = usize::from(*b.get(index_at + i)?);
        transitions.push((read_time(i)?, offset_of(t)?.0));
    }
    // Before the first transition: the first standard-time type (Go's
    // `lookupFirstZone`, simplified).
    let first = (0..types)
        .filter_map(offset_of)
        .find(|&(_, dst)| !dst)
        .or_else(|| offset_of(0))?
        .0;
    let footer_at = types_at + types * 6 + chars + leap * (size + 4) + isstd + isut;
    let footer = b.get(footer_at..).unwrap_or_default();
    let rule = std::str::from_utf8(footer).unwrap_or_default().trim();
    Some(Zone {
        transitions,
        first,
        changes_later: rule.contains(','),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hugo::date;

    #[test]
    fn fixed_offsets() {
        assert_eq!(fixed_offset(None), Some(0));
        assert_eq!(fixed_offset(Some("Etc/UTC")), Some(0));
        assert_eq!(fixed_offset(Some("Etc/GMT+5")), Some(-5 * 3600));
        assert_eq!(fixed_offset(Some("Etc/GMT-14")), Some(14 * 3600));
        assert_eq!(fixed_offset(Some("Etc/GMT+13")), None);
        assert_eq!(fixed_offset(Some("Europe/Paris")), None);
        assert_eq!(fixed_offset(Some("Local")), None);
    }

    fn at(tz: &str, text: &str) -> Option<i32> {
        let d = date::parse(text).ok()?;
        offset_at(Some(tz), &d)
    }

    /// Hugo 0.168 with `timeZone = "Europe/Paris"` shows
    /// `2024-06-01 10:30:00 +0200 CEST` and `2024-01-15 09:30:00 +0100 CET`.
    #[test]
    fn named_zones_follow_the_database() {
        if !Path::new("/usr/share/zoneinfo/Europe/Paris").is_file() {
            eprintln!("skipped: no time zone database");
            return;
        }
        assert_eq!(at("Europe/Paris", "2024-06-01T10:30:00"), Some(7200));
        assert_eq!(at("Europe/Paris", "2024-01-15T09:30:00"), Some(3600));
        assert_eq!(at("America/Los_Angeles", "2024-07-04"), Some(-7 * 3600));
        assert_eq!(at("Asia/Tokyo", "2024-01-15"), Some(9 * 3600));
        // The hour skipped in spring: Go takes the offset before the change.
        assert_eq!(at("Europe/Paris", "2024-03-31T02:30:00"), Some(3600));
        assert_eq!(at("UTC", "2024-06-01T10:30:00"), Some(0));
        assert_eq!(at("Mars/Olympus", "2024-06-01"), None);
        assert_eq!(at("../../etc/passwd", "2024-06-01"), None);
    }

    #[test]
    fn bad_zone_files_are_no_zone() {
        assert!(parse_tzif(b"").is_none());
        assert!(parse_tzif(b"TZif2").is_none());
        assert!(parse_tzif(&[b'T', b'Z', b'i', b'f', b'2', 0, 0, 0]).is_none());
    }
}
