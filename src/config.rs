//! `bloglint.toml`: discovery, rule severities and options, per-path
//! overrides. Unknown keys are errors that point at the key.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{Glob, GlobSet, GlobSetBuilder};
use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

pub use crate::diagnostic::ConfigError;
use crate::diagnostic::Level;
use crate::rules::{self, OptionError, Options, RULES, Rule, RuleMeta};

pub const FILE_NAMES: [&str; 2] = ["bloglint.toml", ".bloglint.toml"];

/// One rule's settings at one level of the configuration.
#[derive(Debug, Clone, Default)]
struct RuleSetting {
    level: Option<Level>,
    options: Options,
}

type Settings = BTreeMap<&'static str, RuleSetting>;

struct Override {
    settings: Settings,
}

/// The rules to run on one file, with their levels.
pub struct RuleSet {
    pub rules: Vec<(&'static RuleMeta, Level, Box<dyn Rule>)>,
}

impl RuleSet {
    pub fn level(&self, name: &str) -> Level {
        self.rules
            .iter()
            .find(|(m, _, _)| m.name == name)
            .map_or(Level::Off, |(_, l, _)| *l)
    }
}

/// The resolved configuration.
pub struct Config {
    /// The file it was read from (`None`: defaults).
    pub file: Option<PathBuf>,
    /// The directory globs are relative to.
    pub root: PathBuf,
    exclude: GlobSet,
    base: Settings,
    overrides: Vec<Override>,
    override_globs: Vec<GlobSet>,
    /// Rule sets built so far, keyed by which overrides apply.
    cache: Mutex<HashMap<Vec<usize>, Arc<RuleSet>>>,
}

impl Config {
    /// Every rule at its default severity and options.
    pub fn defaults(root: &Path) -> Config {
        Config {
            file: None,
            root: root.to_path_buf(),
            exclude: GlobSet::empty(),
            base: Settings::new(),
            overrides: Vec::new(),
            override_globs: Vec::new(),
            cache: Mutex::default(),
        }
    }

    /// Look for `bloglint.toml` or `.bloglint.toml` in `start` and its ancestors.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .find_map(|dir| FILE_NAMES.iter().map(|n| dir.join(n)).find(|p| p.is_file()))
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let source = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            source: String::new(),
            span: None,
            message: format!("cannot read: {e}"),
        })?;
        let root = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let mut config = Config::parse(&source, &root).map_err(|(span, message)| ConfigError {
            path: path.to_path_buf(),
            source: source.clone(),
            span,
            message,
        })?;
        config.file = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parse configuration text; errors carry a span into `source`.
    pub fn parse(source: &str, root: &Path) -> Result<Config, (Option<Range<usize>>, String)> {
        let doc = DeTable::parse(source).map_err(|e| (e.span(), e.message().to_string()))?;
        let mut exclude = GlobSet::empty();
        let mut base = Settings::new();
        let mut overrides = Vec::new();
        let mut override_globs = Vec::new();
        for (key, value) in doc.get_ref() {
            match key.get_ref().as_ref() {
                "exclude" => exclude = globs(value)?,
                "rules" => base = settings(value, false)?,
                "overrides" => {
                    let DeValue::Array(items) = value.get_ref() else {
                        return Err(expected(value, "`overrides` must be a list of tables"));
                    };
                    for item in items.iter() {
                        let DeValue::Table(t) = item.get_ref() else {
                            return Err(expected(item, "each override must be a table"));
                        };
                        let mut files = None;
                        let mut rules = Settings::new();
                        for (k, v) in t {
                            match k.get_ref().as_ref() {
                                "files" => files = Some(globs(v)?),
                                "rules" => rules = settings(v, true)?,
                                other => {
                                    return Err(unknown_key(
                                        k,
                                        other,
                                        "an override",
                                        &["files", "rules"],
                                    ));
                                }
                            }
                        }
                        override_globs.push(files.ok_or((
                            Some(item.span()),
                            "an override needs `files`, a list of globs".to_string(),
                        ))?);
                        overrides.push(Override { settings: rules });
                    }
                }
                other => {
                    return Err(unknown_key(
                        key,
                        other,
                        "bloglint.toml",
                        &["exclude", "rules", "overrides"],
                    ));
                }
            }
        }
        let mut config = Config {
            file: None,
            root: root.to_path_buf(),
            exclude,
            base,
            overrides,
            override_globs,
            cache: Mutex::default(),
        };
        // Build every layer once now, so option errors surface at load time
        // rather than on the first file an override applies to.
        for i in 0..=config.overrides.len() {
            let applied: Vec<usize> = (0..i).collect();
            config
                .build(&applied)
                .map_err(|e| (Some(e.span), e.message))?;
            if i > 0 {
                config
                    .build(&[i - 1])
                    .map_err(|e| (Some(e.span), e.message))?;
            }
        }
        config.cache = Mutex::default();
        Ok(config)
    }

    /// Whether a path is excluded from linting.
    pub fn is_excluded(&self, path: &Path) -> bool {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        self.exclude.is_match(rel)
    }

    /// The rules that apply to a file.
    pub fn rules_for(&self, path: &Path) -> Arc<RuleSet> {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        let applied: Vec<usize> = self
            .override_globs
            .iter()
            .enumerate()
            .filter(|(_, g)| g.is_match(rel))
            .map(|(i, _)| i)
            .collect();
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(set) = cache.get(&applied) {
            return set.clone();
        }
        // Options were validated at load time, so building cannot fail here;
        // should it, the rule falls back to its defaults.
        let set = Arc::new(
            self.build(&applied)
                .unwrap_or_else(|_| self.build(&[]).unwrap_or(RuleSet { rules: Vec::new() })),
        );
        cache.insert(applied, set.clone());
        set
    }

    fn build(&self, applied: &[usize]) -> Result<RuleSet, OptionError> {
        let mut rules = Vec::new();
        for meta in RULES {
            let mut level = rules::default_level(meta);
            let mut options = Options::default();
            let layers = std::iter::once(&self.base)
                .chain(applied.iter().map(|&i| &self.overrides[i].settings));
            for layer in layers {
                if let Some(s) = layer.get(meta.name) {
                    if let Some(l) = s.level {
                        level = l;
                    }
                    options.values.extend(s.options.values.clone());
                    options.trees.extend(s.options.trees.clone());
                }
            }
            rules.push((*meta, level, (meta.build)(&options)?));
        }
        Ok(RuleSet { rules })
    }

    /// The embedded default configuration, as a `bloglint.toml` users can
    /// start from: every rule, its severity and its options.
    pub fn default_toml() -> String {
        let mut out = String::from(
            "# bloglint.toml: every rule at its default. Severity: \"error\", \"warning\", \"info\" or \"off\".\n\
             # Paths are relative to this file.\n\n\
             # Files never linted (globs).\nexclude = []\n",
        );
        for m in RULES {
            let severity = match rules::default_level(m) {
                Level::Off => format!("\"off\"  # \"{}\" turns it on", m.severity),
                Level::On(s) => format!("\"{s}\""),
            };
            out.push_str(&format!(
                "\n# {}\n[rules.{}]\nseverity = {severity}\n",
                m.summary, m.name
            ));
            for o in m.options {
                if o.default.starts_with('#') {
                    // A commented example: the option is absent by default.
                    out.push_str(&format!("# {}\n{}\n", o.help, o.default));
                } else {
                    out.push_str(&format!("# {}\n{} = {}\n", o.help, o.name, o.default));
                }
            }
        }
        out.push_str(
            "\n# Per-path settings, applied in order over the ones above:\n\
             # [[overrides]]\n# files = [\"content/legal/**\"]\n\
             # [overrides.rules.description-length]\n# severity = \"off\"\n",
        );
        out
    }
}

type Error = (Option<Range<usize>>, String);

fn expected(v: &Spanned<DeValue>, message: &str) -> Error {
    (Some(v.span()), message.to_string())
}

fn unknown_key(key: &Spanned<DeString>, name: &str, what: &str, known: &[&str]) -> Error {
    (
        Some(key.span()),
        format!(
            "unknown key `{name}` in {what} (known: {})",
            known.join(", ")
        ),
    )
}

fn globs(value: &Spanned<DeValue>) -> Result<GlobSet, Error> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(expected(value, "expected a list of globs"));
    };
    let mut b = GlobSetBuilder::new();
    for item in items.iter() {
        let DeValue::String(p) = item.get_ref() else {
            return Err(expected(item, "a glob must be a string"));
        };
        let g = Glob::new(p).map_err(|e| (Some(item.span()), e.to_string()))?;
        b.add(g);
    }
    b.build().map_err(|e| (Some(value.span()), e.to_string()))
}

/// The rules' settings of `[rules]`, or of an override's `rules`
/// (`in_override`).
fn settings(value: &Spanned<DeValue>, in_override: bool) -> Result<Settings, Error> {
    let DeValue::Table(table) = value.get_ref() else {
        return Err(expected(value, "`rules` must be a table of rule names"));
    };
    let mut out = Settings::new();
    for (name, value) in table {
        let meta = rules::find(name.get_ref()).ok_or_else(|| {
            let hint = RULES
                .iter()
                .map(|m| m.name)
                .min_by_key(|n| crate::text::edit_distance(n, name.get_ref()))
                .filter(|n| crate::text::edit_distance(n, name.get_ref()) <= 3)
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            (
                Some(name.span()),
                format!("unknown rule `{}`{hint}", name.get_ref()),
            )
        })?;
        let mut setting = RuleSetting::default();
        match value.get_ref() {
            // `rule = "off"` shorthand.
            DeValue::String(s) => setting.level = Some(level(s, value.span())?),
            DeValue::Table(t) => {
                for (key, v) in t {
                    let key_name = key.get_ref().as_ref();
                    if key_name == "severity" {
                        let DeValue::String(s) = v.get_ref() else {
                            return Err(expected(v, "`severity` must be a string"));
                        };
                        setting.level = Some(level(s, v.span())?);
                    } else if in_override && rules::is_site_option(meta, key_name) {
                        return Err((
                            Some(key.span()),
                            format!(
                                "`{key_name}` of rule `{}` holds for the whole site: set it in `[rules.{}]` (a schema says which files it applies to with `paths`)",
                                meta.name, meta.name
                            ),
                        ));
                    } else if meta.options.iter().any(|o| o.name == key_name) {
                        setting.options.values.insert(
                            key_name.to_string(),
                            Spanned::new(v.span(), to_value(v.get_ref())),
                        );
                        setting
                            .options
                            .trees
                            .insert(key_name.to_string(), to_tree(v));
                    } else {
                        let mut known = vec!["severity"];
                        known.extend(meta.options.iter().map(|o| o.name));
                        return Err(unknown_key(
                            key,
                            key_name,
                            &format!("rule `{}`", meta.name),
                            &known,
                        ));
                    }
                }
            }
            _ => {
                return Err(expected(
                    value,
                    "a rule's setting is a severity string or a table",
                ));
            }
        }
        out.insert(meta.name, setting);
    }
    Ok(out)
}

/// A spanned TOML value as a plain one (option values keep their outer span).
fn to_value(v: &DeValue) -> toml::Value {
    match v {
        DeValue::String(s) => toml::Value::String(s.to_string()),
        DeValue::Integer(i) => i
            .to_string()
            .replace('_', "")
            .parse()
            .map_or_else(|_| toml::Value::String(i.to_string()), toml::Value::Integer),
        DeValue::Float(f) => f
            .to_string()
            .replace('_', "")
            .parse()
            .map_or_else(|_| toml::Value::String(f.to_string()), toml::Value::Float),
        DeValue::Boolean(b) => toml::Value::Boolean(*b),
        DeValue::Datetime(d) => toml::Value::Datetime(*d),
        DeValue::Array(a) => toml::Value::Array(a.iter().map(|i| to_value(i.get_ref())).collect()),
        DeValue::Table(t) => toml::Value::Table(
            t.iter()
                .map(|(k, v)| (k.get_ref().to_string(), to_value(v.get_ref())))
                .collect(),
        ),
    }
}

/// A spanned TOML value with the span of every part kept.
fn to_tree(v: &Spanned<DeValue>) -> rules::OptionTree {
    let value = match v.get_ref() {
        DeValue::Array(a) => rules::TreeValue::Array(a.iter().map(to_tree).collect()),
        DeValue::Table(t) => rules::TreeValue::Table(
            t.iter()
                .map(|(k, x)| (k.get_ref().to_string(), k.span(), to_tree(x)))
                .collect(),
        ),
        other => rules::TreeValue::Scalar(to_value(other)),
    };
    rules::OptionTree {
        span: v.span(),
        value,
    }
}

fn level(s: &str, span: Range<usize>) -> Result<Level, Error> {
    Level::parse(s).ok_or((
        Some(span),
        format!("unknown severity `{s}`: use \"error\", \"warning\", \"info\" or \"off\""),
    ))
}
