//! `date-format`: front matter dates the generator cannot parse, and dates
//! it reads otherwise than meant. The checks are each generator's own:
//! `hugo::date_check` and `jekyll::date_check`.

use super::{Context, OptionError, OptionMeta, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Post;

pub static META: RuleMeta = RuleMeta {
    name: "date-format",
    severity: Severity::Error,
    scope: Scope::Post,
    reads_bodies: false,
    summary: "Front matter dates Hugo cannot parse, or reads otherwise than meant",
    doc: include_str!("../../rules/date-format.md"),
    options: &[
        OptionMeta {
            name: "future",
            default: "true",
            help: "Warn when a page that is not a draft has a publish date in the future",
        },
        OptionMeta {
            name: "lastmod-before-date",
            default: "true",
            help: "Warn when `lastmod` is earlier than `date`",
        },
    ],
    build,
};

fn build(options: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(DateFormat {
        options: DateOptions {
            future: options.bool("future", true)?,
            lastmod_before_date: options.bool("lastmod-before-date", true)?,
        },
    }))
}

struct DateFormat {
    options: DateOptions,
}

/// The rule's options, as each generator's date checks read them.
#[derive(Debug, Clone, Copy)]
pub struct DateOptions {
    /// Warn about future dates of pages that are built.
    pub future: bool,
    /// Warn when `lastmod` is earlier than `date` (Hugo).
    pub lastmod_before_date: bool,
}

impl Rule for DateFormat {
    fn check_post(&self, post: &Post, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Each generator reads dates its own way (`hugo::date_check`,
        // `jekyll::date_check`).
        cx.generator.check_dates(post, cx, &self.options, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Applicability;
    use crate::document::{Format, Key, Node, Value};
    use crate::document::{FrontMatter, Quote, Table};
    use crate::hugo::config::HugoConfig;
    use crate::hugo::date_check::EXAMPLE;
    use std::path::{Path, PathBuf};

    const NOW: i64 = 1_705_225_800; // 2024-01-14T09:50:00Z

    fn rule(opts: &[(&str, bool)]) -> Box<dyn Rule> {
        let mut o = Options::default();
        for (k, v) in opts {
            o.values.insert(
                k.to_string(),
                toml::Spanned::new(0..0, toml::Value::Boolean(*v)),
            );
        }
        build(&o).expect("options build")
    }

    fn check_with(post: &Post, rule: &dyn Rule, tz: Option<&str>) -> Vec<Diagnostic> {
        let mut hugo = HugoConfig::default_for(Path::new("."));
        hugo.time_zone = tz.map(str::to_string);
        let hugo = crate::site::Generator::Hugo(hugo);
        let cx = Context::new(&hugo, NOW);
        let mut out = Vec::new();
        rule.check_post(post, &cx, &mut out);
        out
    }

    fn check(post: &Post) -> Vec<Diagnostic> {
        check_with(post, &*rule(&[]), None)
    }

    /// A post whose front matter is built by hand: each value is written
    /// out in `source` as `key: <text>` so spans point at real text.
    fn post(format: Format, fields: &[(&str, Value)]) -> Post {
        let mut source = String::from("---\n");
        let mut entries = Vec::new();
        for (k, v) in fields {
            let text = match v {
                Value::String(s) => format!("\"{s}\""),
                Value::Datetime(s) => s.clone(),
                Value::Integer(i) => i.to_string(),
                Value::Float(f) => f.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => "x".to_string(),
            };
            let key_start = source.len();
            source.push_str(&format!("{k}: "));
            let start = source.len();
            source.push_str(&text);
            entries.push((
                Key {
                    name: k.to_string(),
                    span: key_start..key_start + k.len(),
                },
                Node {
                    value: v.clone(),
                    span: start..source.len(),
                    quote: Quote::Double,
                },
            ));
            source.push('\n');
        }
        source.push_str("---\nbody\n");
        let mut p = Post::parse(PathBuf::from("p.md"), "posts/p.md".into(), source.clone());
        p.front_matter = Some(FrontMatter {
            format,
            span: 0..source.len() - 5,
            content: 4..source.len() - 9,
            root: Table { entries },
        });
        p
    }

    fn s(text: &str) -> Value {
        Value::String(text.into())
    }

    fn yaml(fields: &[(&str, Value)]) -> Post {
        post(Format::Yaml, fields)
    }

    /// (severity, text under the span, label) of each finding.
    fn findings(p: &Post) -> Vec<(Severity, String, String)> {
        summarize(p, check(p))
    }

    fn summarize(p: &Post, ds: Vec<Diagnostic>) -> Vec<(Severity, String, String)> {
        ds.into_iter()
            .map(|d| (d.severity, p.source[d.span].to_string(), d.label))
            .collect()
    }

    #[test]
    fn accepted_dates_are_silent() {
        for text in [
            "2024-01-14",
            "2024-01-14T09:30:00",
            "2024-01-14T09:30:00+01:00",
            "2024-01-14 09:30:00",
            "2024-01-14T09:30:00.5Z",
            "14 Jan 2024",
            "Sun, 14 Jan 2024 09:30:00 +0100",
            "",
        ] {
            for key in [
                "date",
                "publishDate",
                "pubdate",
                "published",
                "lastmod",
                "modified",
                "expiryDate",
                "unpublishdate",
                "PUBLISHDATE",
            ] {
                let p = yaml(&[(key, s(text))]);
                let loud: Vec<_> = findings(&p)
                    .into_iter()
                    .filter(|f| f.0 != Severity::Info)
                    .collect();
                assert_eq!(loud, [], "{key}: {text}");
            }
        }
        assert_eq!(findings(&yaml(&[("date", Value::Null)])), []);
        assert_eq!(findings(&yaml(&[("title", s("14/01/2024"))])), []);
    }

    #[test]
    fn other_layouts_get_a_safe_rfc3339_rewrite() {
        for (text, rfc) in [
            ("2024-01-14 09:30:00", "2024-01-14T09:30:00"),
            ("14 Jan 2024", "2024-01-14"),
            (
                "Sun, 14 Jan 2024 09:30:00 +0100",
                "2024-01-14T09:30:00+01:00",
            ),
        ] {
            let src = format!("---\ndate: {text}\n---\n");
            let p = Post::parse("a.md".into(), "posts/a.md".into(), src.clone());
            let ds = check(&p);
            assert_eq!(ds.len(), 1, "{text}");
            assert_eq!(ds[0].severity, Severity::Info);
            let fix = ds[0].fix.as_ref().unwrap();
            assert_eq!(fix.applicability, Applicability::Safe);
            let (fixed, _) = crate::fix::apply(&src, &[fix]);
            assert_eq!(fixed, format!("---\ndate: {rfc}\n---\n"));
            let again = Post::parse("a.md".into(), "posts/a.md".into(), fixed);
            assert!(check(&again).is_empty(), "{text}");
        }
        // Already RFC 3339: nothing.
        for text in [
            "2024-01-14",
            "2024-01-14T09:30:00",
            "2024-01-14T09:30:00.5Z",
        ] {
            let src = format!("---\ndate: {text}\n---\n");
            assert!(check(&Post::parse("a.md".into(), "posts/a.md".into(), src)).is_empty());
        }
    }

    #[test]
    fn unparsable_strings_are_errors_on_the_value() {
        let p = yaml(&[("title", s("x")), ("Date", s("14/01/2024"))]);
        let ds = check(&p);
        assert_eq!(ds.len(), 1);
        let d = &ds[0];
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(&p.source[d.span.clone()], "\"14/01/2024\"");
        assert_eq!(
            d.message,
            "`Date` is not a date Hugo can parse; the build fails"
        );
        assert_eq!(d.label, "not a date Hugo can parse");
        assert_eq!(d.help.as_deref(), Some("write it as 2024-01-14"));

        let p = yaml(&[("date", s("2024-02-30"))]);
        let d = &check(&p)[0];
        assert_eq!(d.label, "February 2024 has 29 days");
        assert_eq!(d.help.as_deref(), Some(EXAMPLE));

        let p = yaml(&[("lastmod", s("2024-01-14 10:00"))]);
        let d = &check(&p)[0];
        assert_eq!(d.help.as_deref(), Some("write it as 2024-01-14T10:00:00"));

        let p = yaml(&[("expirydate", s("03/04/2024"))]);
        assert_eq!(check(&p)[0].help.as_deref(), Some(EXAMPLE)); // ambiguous

        for bad in [
            "2024-1-5",
            "2024-01-14T25:00:00Z",
            " 2024-01-14",
            "Jan 14, 2024",
            "soon",
        ] {
            let p = yaml(&[("unpublishdate", s(bad))]);
            let f = findings(&p);
            assert_eq!(f.len(), 1, "{bad}");
            assert_eq!(f[0].0, Severity::Error, "{bad}");
        }
    }

    #[test]
    fn wrong_types_are_errors() {
        for v in [
            Value::Bool(true),
            Value::Float(2024.5),
            Value::Array(vec![]),
        ] {
            let p = yaml(&[("date", v.clone())]);
            let ds = check(&p);
            assert_eq!(ds.len(), 1, "{v:?}");
            assert_eq!(ds[0].severity, Severity::Error);
            assert_eq!(ds[0].label, "not a date");
        }
        // JSON numbers are floats to Hugo: an error (Hugo v0.168.0).
        let p = post(Format::Json, &[("date", Value::Integer(1_705_190_400))]);
        let ds = check(&p);
        assert_eq!(ds[0].severity, Severity::Error);
        assert_eq!(
            ds[0].message,
            "`date` is a number, not a date; the build fails"
        );
    }

    #[test]
    fn small_integers_are_read_as_unix_time() {
        // Hugo v0.168.0 builds `date: 2024` as 1970-01-01T00:33:44Z.
        let p = yaml(&[("date", Value::Integer(2024))]);
        let ds = check(&p);
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].severity, Severity::Warning);
        assert_eq!(
            ds[0].message,
            "`date` is a number: Hugo reads it as Unix time, 1970-01-01T00:33:44Z"
        );
        let p = post(Format::Toml, &[("date", Value::Integer(20_240_114))]);
        let ds = check(&p);
        assert_eq!(ds[0].help.as_deref(), Some("write it as 2024-01-14"));
        // A real Unix time is left alone.
        assert_eq!(
            findings(&yaml(&[("date", Value::Integer(1_705_190_400))])),
            []
        );
    }

    #[test]
    fn toml_native_dates() {
        let toml = |v: &str| post(Format::Toml, &[("date", Value::Datetime(v.into()))]);
        assert_eq!(findings(&toml("2024-01-14")), []);
        assert_eq!(findings(&toml("2024-01-14T09:30:00")), []);
        assert_eq!(findings(&toml("2024-01-14T09:30:00+01:00")), []);
        let f = findings(&toml("07:32:00"));
        assert_eq!(
            f,
            [(
                Severity::Error,
                "07:32:00".into(),
                "a time of day without a date".into()
            )]
        );
    }

    #[test]
    fn a_bad_alias_hugo_never_reads_is_a_warning() {
        // Hugo v0.168.0: `publishDate: 2024-01-14` + `pubdate: 2024-02-30`
        // builds; Hugo stops at the first date it can read.
        let p = yaml(&[
            ("publishDate", s("2024-01-14")),
            ("pubdate", s("2024-02-30")),
        ]);
        let ds = check(&p);
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].severity, Severity::Warning);
        assert_eq!(
            ds[0].message,
            "`pubdate` is not a date; Hugo ignores it because `publishDate` is set"
        );
        assert_eq!(ds[0].label, "February 2024 has 29 days");
        // …but an unreadable publishDate does not shadow anything.
        let p = yaml(&[("publishDate", s("soon")), ("published", s("2024-02-30"))]);
        let f = findings(&p);
        assert_eq!(f.iter().filter(|x| x.0 == Severity::Error).count(), 2);
    }

    #[test]
    fn future_publish_dates_warn_unless_draft() {
        let f = findings(&yaml(&[("date", s("2024-03-01"))]));
        assert_eq!(
            f,
            [(
                Severity::Warning,
                "\"2024-03-01\"".into(),
                "in the future".into()
            )]
        );
        assert_eq!(
            findings(&yaml(&[
                ("date", s("2024-03-01")),
                ("draft", Value::Bool(true))
            ])),
            []
        );
        assert_eq!(
            findings(&yaml(&[("date", s("2024-03-01")), ("draft", s("true"))])),
            []
        );
        assert_eq!(
            findings(&yaml(&[
                ("date", s("2024-03-01")),
                ("draft", Value::Bool(false))
            ]))
            .len(),
            1
        );
        // publishDate wins over date, as in Hugo.
        let p = yaml(&[("date", s("2024-03-01")), ("publishDate", s("2024-01-01"))]);
        assert_eq!(findings(&p), []);
        let p = yaml(&[("date", s("2024-01-01")), ("publishdate", s("2024-03-01"))]);
        assert_eq!(findings(&p)[0].1, "\"2024-03-01\"");
        // Off by option.
        let p = yaml(&[("date", s("2024-03-01"))]);
        assert_eq!(check_with(&p, &*rule(&[("future", false)]), None), []);
    }

    #[test]
    fn future_respects_what_is_known_of_the_zone() {
        // Now is 2024-01-14T09:50:00Z.
        let at = |text: &str, tz: Option<&str>| {
            check_with(&yaml(&[("date", s(text))]), &*rule(&[]), tz).len()
        };
        // No timeZone: Hugo reads zone-less dates in UTC, exactly.
        assert_eq!(at("2024-01-14T09:51:00", None), 1);
        assert_eq!(at("2024-01-14T09:49:00", None), 0);
        assert_eq!(at("2024-01-14T10:51:00+01:00", Some("Europe/Paris")), 1);
        assert_eq!(at("2024-01-14T10:49:00+01:00", Some("Europe/Paris")), 0);
        // Etc/GMT-1 is UTC+01:00.
        assert_eq!(at("2024-01-14T10:51:00", Some("Etc/GMT-1")), 1);
        assert_eq!(at("2024-01-14T10:49:00", Some("Etc/GMT-1")), 0);
        // An unmodelled zone: only beyond UTC+14:00.
        assert_eq!(at("2024-01-14T23:49:00", Some("Europe/Paris")), 0);
        assert_eq!(at("2024-01-14T23:51:00", Some("Europe/Paris")), 1);
        assert_eq!(at("2024-01-15", Some("Pacific/Kiritimati")), 1);
    }

    #[test]
    fn lastmod_before_date() {
        let p = yaml(&[("date", s("2024-01-10")), ("lastmod", s("2024-01-09"))]);
        let ds = check(&p);
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].severity, Severity::Warning);
        assert_eq!(&p.source[ds[0].span.clone()], "\"2024-01-09\"");
        assert_eq!(
            ds[0].message,
            "`lastmod` (2024-01-09) is earlier than `date` (2024-01-10)"
        );
        assert_eq!(&p.source[ds[0].labels[0].span.clone()], "\"2024-01-10\"");
        // Same day, one without a time: fine.
        let p = yaml(&[
            ("date", s("2024-01-10T10:00:00")),
            ("lastmod", s("2024-01-10")),
        ]);
        assert_eq!(findings(&p), []);
        // Times on both: compared exactly.
        let p = yaml(&[
            ("date", s("2024-01-10T10:00:00")),
            ("modified", s("2024-01-10T09:59:59")),
        ]);
        assert_eq!(findings(&p).len(), 1);
        let p = yaml(&[
            ("date", s("2024-01-10T10:00:00+01:00")),
            ("lastmod", s("2024-01-10T09:30:00Z")),
        ]);
        assert_eq!(findings(&p), []);
        // lastmod vs publishDate when there is no date.
        let p = yaml(&[
            ("publishDate", s("2024-01-10")),
            ("lastmod", s("2023-12-31")),
        ]);
        assert_eq!(findings(&p).len(), 1);
        // Mixed offsets, unknown zone: within the zone slack, silent.
        let p = yaml(&[
            ("date", s("2024-01-10T10:00:00")),
            ("lastmod", s("2024-01-10T09:00:00Z")),
        ]);
        assert_eq!(check_with(&p, &*rule(&[]), Some("Europe/Paris")), []);
        let p = yaml(&[
            ("date", s("2024-01-10T10:00:00")),
            ("lastmod", s("2024-01-09T09:00:00Z")),
        ]);
        assert_eq!(check_with(&p, &*rule(&[]), Some("Europe/Paris")).len(), 1);
        // Off by option.
        let p = yaml(&[("date", s("2024-01-10")), ("lastmod", s("2024-01-09"))]);
        assert_eq!(
            check_with(&p, &*rule(&[("lastmod-before-date", false)]), None),
            []
        );
    }

    #[test]
    fn dates_hugo_reads_otherwise() {
        let f = findings(&yaml(&[("date", s("3:04PM"))]));
        assert_eq!(f[0].0, Severity::Warning);
        assert_eq!(f[0].2, "no year");
        let ds = check(&yaml(&[("date", s("Sun, 14 Jan 2024 09:30:00 PST"))]));
        assert_eq!(ds.len(), 1);
        assert_eq!(
            ds[0].message,
            "Hugo ignores the zone `PST` of `date` and reads 2024-01-14T09:30:00 in the site's time zone"
        );
        // UTC in a UTC site is what it says.
        assert_eq!(
            findings(&yaml(&[("date", s("Sun, 14 Jan 2024 09:30:00 UTC"))])),
            []
        );
        let p = yaml(&[("date", s("Sun, 14 Jan 2024 09:30:00 UTC"))]);
        assert_eq!(check_with(&p, &*rule(&[]), Some("Europe/Paris")).len(), 1);
    }

    #[test]
    fn options_and_page() {
        assert!(META.doc.starts_with("# date-format\n"));
        for section in [
            "## What it does",
            "## Why it matters",
            "## Example",
            "## Options",
            "## Fix",
        ] {
            assert!(META.doc.contains(section), "{section}");
        }
        for o in META.options {
            assert!(META.doc.contains(&format!("`{}`", o.name)), "{}", o.name);
        }
        let mut o = Options::default();
        o.values.insert(
            "future".into(),
            toml::Spanned::new(3..5, toml::Value::Integer(1)),
        );
        assert_eq!(build(&o).err().map(|e| e.span), Some(3..5));
    }

    // These parse real front matter, so they pass only once the YAML and
    // TOML parsers land (the parsers are stubs on this branch).
    fn parsed(src: &str) -> Vec<(Severity, String, String)> {
        let p = Post::parse(PathBuf::from("p.md"), "posts/p.md".into(), src.into());
        findings(&p)
    }

    #[test]
    fn real_yaml_front_matter() {
        let f = parsed("---\ntitle: Hi\ndate: 14/01/2024\n---\nbody\n");
        assert_eq!(
            f,
            [(
                Severity::Error,
                "14/01/2024".into(),
                "not a date Hugo can parse".into()
            )]
        );
        assert_eq!(
            parsed("---\ndate: 2024-01-14\nlastmod: 2024-01-15T10:00:00+01:00\n---\n"),
            []
        );
        let f = parsed("---\ndate: 2024-01-10\nlastmod: '2024-01-09'\n---\n");
        assert_eq!(
            f,
            [(
                Severity::Warning,
                "'2024-01-09'".into(),
                "earlier than the publication date".into()
            )]
        );
        let f = parsed("---\ndate: 2024\n---\n");
        assert_eq!(f[0].0, Severity::Warning);
        let f = parsed("---\ndate: true\n---\n");
        assert_eq!(f[0].0, Severity::Error);
    }

    #[test]
    fn real_toml_front_matter() {
        assert_eq!(parsed("+++\ndate = 2024-01-14T09:30:00+01:00\n+++\n"), []);
        assert_eq!(
            parsed("+++\ndate = 2024-01-14\nlastmod = \"2024-01-15\"\n+++\n"),
            []
        );
        let f = parsed("+++\ndate = \"2024-1-5\"\n+++\n");
        assert_eq!(
            f,
            [(
                Severity::Error,
                "\"2024-1-5\"".into(),
                "not a date Hugo can parse".into()
            )]
        );
        let f = parsed("+++\ndate = 07:32:00\n+++\n");
        assert_eq!(f[0].2, "a time of day without a date");
    }
}
