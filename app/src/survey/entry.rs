//! How the survey was opened: the QR or kiosk URL
//! (`/s/H001?dept=cardiology&visit=outpatient&channel=phone&kiosk=1&lang=en`).

use scoring::instrument::VisitType;
use scoring::response::Channel;
use scoring::validate::{is_hospital_code, DEPARTMENT_MAX_CHARS};
use serde::{Deserialize, Serialize};

use super::i18n::Lang;

/// Seconds without a touch before a kiosk asks "are you still there?".
pub const DEFAULT_IDLE_SECS: u32 = 90;
/// Longest countdown of that warning before the kiosk resets.
pub const MAX_WARNING_SECS: u32 = 20;

/// Everything the URL (or a stored kiosk configuration) says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Hospital code from the path; `None` when the page was opened
    /// without one (then the survey cannot start).
    pub hospital: Option<String>,
    pub department: String,
    /// The visit type, when the QR code fixes it; else the patient picks.
    pub visit: Option<VisitType>,
    pub channel: Channel,
    pub kiosk: bool,
    /// Language asked by the URL, if any.
    pub lang: Option<Lang>,
    /// Kiosk inactivity before the warning, in seconds.
    pub idle_secs: u32,
}

/// What the URL says about kiosk mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KioskFlag {
    /// `kiosk=1`: this device is a kiosk (and remembers it).
    On,
    /// `kiosk=0`: this device is no longer a kiosk (forget the setting).
    Off,
    /// Not said: a stored kiosk configuration decides.
    Unsaid,
}

impl Entry {
    /// The warning countdown: at most [`MAX_WARNING_SECS`], shorter for a
    /// short idle time (tests use `idle=5`).
    pub fn warning_secs(&self) -> u32 {
        self.idle_secs.clamp(1, MAX_WARNING_SECS)
    }
}

/// Read `location.pathname` and `location.search`.
pub fn parse_entry(path: &str, query: &str) -> (Entry, KioskFlag) {
    let hospital = path
        .strip_prefix("/s/")
        .map(|rest| rest.trim_end_matches('/'))
        .map(percent_decode)
        .filter(|h| is_hospital_code(h));
    let mut entry = Entry {
        hospital,
        department: String::new(),
        visit: None,
        channel: Channel::Web,
        kiosk: false,
        lang: None,
        idle_secs: DEFAULT_IDLE_SECS,
    };
    let mut flag = KioskFlag::Unsaid;
    let mut channel = None;
    for (key, value) in query_pairs(query) {
        match key.as_str() {
            "dept" => {
                let clean: String = value.chars().filter(|c| !c.is_control()).collect();
                entry.department = clean.trim().chars().take(DEPARTMENT_MAX_CHARS).collect();
            }
            "visit" => entry.visit = VisitType::parse(&value),
            "channel" => channel = Channel::parse(&value).filter(|c| *c != Channel::Paper),
            "kiosk" => {
                flag = match value.as_str() {
                    "1" | "true" => KioskFlag::On,
                    "0" | "false" => KioskFlag::Off,
                    _ => flag,
                }
            }
            "lang" => entry.lang = Lang::parse(&value),
            "idle" => {
                if let Ok(secs) = value.parse::<u32>() {
                    entry.idle_secs = secs.clamp(3, 3_600);
                }
            }
            _ => {}
        }
    }
    entry.kiosk = flag == KioskFlag::On;
    entry.channel = match (entry.kiosk, channel) {
        (true, _) => Channel::Kiosk,
        (false, Some(c)) => c,
        (false, None) => Channel::Web,
    };
    (entry, flag)
}

/// A kiosk's setup URL (docs/formats.md §7): the kiosk's id (`kiosk_id`)
/// and the one-time code (`setup`) that `POST /kiosks/{id}/claim` takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupCode {
    pub kiosk_id: String,
    pub code: String,
}

/// The setup code of `query`, if it is a setup URL.
pub fn setup_code(query: &str) -> Option<SetupCode> {
    let (mut kiosk_id, mut code) = (None, None);
    for (key, value) in query_pairs(query) {
        match key.as_str() {
            "kiosk_id" => kiosk_id = Some(value),
            "setup" => code = Some(value),
            _ => {}
        }
    }
    let plain = |s: &String| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    Some(SetupCode {
        kiosk_id: kiosk_id.filter(plain)?,
        code: code.filter(plain)?,
    })
}

/// `query` without the setup URL's `kiosk_id` and `setup` (`?` and the
/// rest as they were; empty when nothing is left).
pub fn without_setup(query: &str) -> String {
    let mut kept = String::new();
    for pair in query.trim_start_matches('?').split('&') {
        if !pair.is_empty() && !pair.starts_with("kiosk_id=") && !pair.starts_with("setup=") {
            kept.push(if kept.is_empty() { '?' } else { '&' });
            kept.push_str(pair);
        }
    }
    kept
}

/// A setup URL makes the device a kiosk even without `kiosk=1`.
pub fn as_kiosk(mut entry: Entry) -> Entry {
    entry.kiosk = true;
    entry.channel = Channel::Kiosk;
    entry
}

/// Decide the entry from the URL and the stored kiosk configuration: a
/// kiosk that reloads at `/` (or its own `/s/<hospital>` without
/// `kiosk=1`) stays a kiosk; `kiosk=0` turns it back into a normal browser.
pub fn resolve_entry(from_url: Entry, flag: KioskFlag, stored: Option<Entry>) -> Entry {
    match (flag, stored) {
        (KioskFlag::Unsaid, Some(stored))
            if stored.kiosk
                && (from_url.hospital.is_none() || from_url.hospital == stored.hospital) =>
        {
            stored
        }
        _ => from_url,
    }
}

fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a
/// byte; invalid UTF-8 becomes U+FFFD.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str, expect: Entry) {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        assert_eq!(parse_entry(path, query).0, expect, "{url}");
    }

    fn phone_h001() -> Entry {
        Entry {
            hospital: Some("H001".to_owned()),
            department: "cardiology".to_owned(),
            visit: Some(VisitType::Outpatient),
            channel: Channel::Phone,
            kiosk: false,
            lang: None,
            idle_secs: DEFAULT_IDLE_SECS,
        }
    }

    #[test]
    fn reads_the_qr_url() {
        check(
            "/s/H001?dept=cardiology&visit=outpatient&channel=phone",
            phone_h001(),
        );
    }

    #[test]
    fn kiosk_flag_forces_the_kiosk_channel_and_reads_idle_and_lang() {
        let mut expect = phone_h001();
        expect.visit = None;
        expect.department = "心内科 A".to_owned();
        expect.channel = Channel::Kiosk;
        expect.kiosk = true;
        expect.lang = Some(Lang::En);
        expect.idle_secs = 5;
        check(
            "/s/H001/?dept=%E5%BF%83%E5%86%85%E7%A7%91+A&channel=phone&kiosk=1&lang=en&idle=5",
            expect,
        );
    }

    #[test]
    fn ignores_what_it_does_not_know() {
        let (entry, flag) = parse_entry(
            "/s/H0<script>",
            "?visit=dental&channel=paper&idle=x&lang=fr&%=%zz",
        );
        assert_eq!(entry.hospital, None);
        assert_eq!(entry.visit, None);
        assert_eq!(entry.channel, Channel::Web);
        assert_eq!(entry.lang, None);
        assert_eq!(entry.idle_secs, DEFAULT_IDLE_SECS);
        assert_eq!(flag, KioskFlag::Unsaid);
        assert_eq!(parse_entry("/", "").0.hospital, None);
    }

    #[test]
    fn idle_is_clamped_and_bounds_the_warning() {
        let (entry, _) = parse_entry("/s/H001", "kiosk=1&idle=1");
        assert_eq!(entry.idle_secs, 3);
        assert_eq!(entry.warning_secs(), 3);
        assert_eq!(
            parse_entry("/s/H001", "kiosk=1").0.warning_secs(),
            MAX_WARNING_SECS
        );
    }

    #[test]
    fn reads_a_setup_url() {
        assert_eq!(
            setup_code("?dept=er&kiosk_id=k-12&setup=Ab3_x"),
            Some(SetupCode {
                kiosk_id: "k-12".to_owned(),
                code: "Ab3_x".to_owned()
            })
        );
        assert_eq!(setup_code("?kiosk_id=k-12"), None);
        assert_eq!(setup_code("?kiosk_id=k/12&setup=a"), None);
        assert_eq!(setup_code("?kiosk_id=&setup=a"), None);
        assert_eq!(
            without_setup("?dept=er&kiosk=1&kiosk_id=k-12&setup=Ab3_x"),
            "?dept=er&kiosk=1"
        );
        assert_eq!(without_setup("?kiosk_id=k&setup=a"), "");
        let (phone, _) = parse_entry("/s/H001", "channel=phone");
        let kiosk = as_kiosk(phone);
        assert!(kiosk.kiosk);
        assert_eq!(kiosk.channel, Channel::Kiosk);
    }

    #[test]
    fn a_stored_kiosk_survives_a_reload_at_the_root_until_kiosk_0() {
        let (kiosk, _) = parse_entry("/s/H001", "kiosk=1&dept=er");
        let (root, flag) = parse_entry("/", "");
        assert_eq!(
            resolve_entry(root.clone(), flag, Some(kiosk.clone())),
            kiosk
        );
        let (other, flag) = parse_entry("/s/H002", "channel=phone");
        assert_eq!(
            resolve_entry(other.clone(), flag, Some(kiosk.clone())),
            other
        );
        let (off, flag) = parse_entry("/s/H001", "kiosk=0");
        assert_eq!(resolve_entry(off.clone(), flag, Some(kiosk)), off);
        assert!(!off.kiosk);
    }
}
