//! The command line: argument parsing and the `check`, `rule`, `rules` and
//! `config` commands. Returns the process exit code.

use std::collections::HashSet;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::config::{Config, ConfigError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::hugo::config::{self as hugo_config, HugoConfig, HugoConfigError};
use crate::render;
use crate::rules::RULES;
use crate::site::Site;

pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_FAILURE: i32 = 2;

#[derive(Parser)]
#[command(
    name = "bloglint",
    version,
    about = "An editorial linter for Hugo sites"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint a site, or some of its files (the whole site is indexed).
    Check(CheckArgs),
    /// Show a rule's documentation.
    Rule {
        /// The rule's name, e.g. `date-format`.
        name: String,
    },
    /// List every rule and its default severity.
    Rules,
    /// Print the default configuration, a bloglint.toml to start from.
    Config,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style reports with source lines.
    Human,
    /// `path:line:col: severity[rule] message`.
    Concise,
    /// A JSON array (fields documented in the README).
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories; default: the current directory.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Use this configuration file instead of discovering bloglint.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Ignore every bloglint.toml: defaults only.
    #[arg(long, conflicts_with = "config")]
    isolated: bool,
    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
}

pub fn run() -> i32 {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = match cli.command {
        Command::Check(args) => check(&args, &mut out),
        Command::Rule { name } => match crate::rules::find(&name) {
            Some(m) => writeln!(out, "{}", m.doc.trim_end()).map(|_| EXIT_OK),
            None => {
                eprintln!("bloglint: unknown rule `{name}`; `bloglint rules` lists them");
                Ok(EXIT_FAILURE)
            }
        },
        Command::Rules => rules_table(&mut out).map(|_| EXIT_OK),
        Command::Config => write!(out, "{}", Config::default_toml()).map(|_| EXIT_OK),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`bloglint … | head`) is not a failure of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("bloglint: {e}");
            EXIT_FAILURE
        }
    }
}

fn rules_table(out: &mut dyn Write) -> io::Result<()> {
    let width = RULES.iter().map(|m| m.name.len()).max().unwrap_or(0);
    for m in RULES {
        writeln!(
            out,
            "{:width$}  {:7}  {}",
            m.name,
            m.severity.as_str(),
            m.summary
        )?;
    }
    Ok(())
}

/// "Now" for rules about the future: `BLOGLINT_NOW` (Unix seconds) when set,
/// so tests and reproducible runs can pin it.
fn now() -> i64 {
    if let Some(n) = std::env::var("BLOGLINT_NOW")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return n;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn check(args: &CheckArgs, out: &mut dyn Write) -> io::Result<i32> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    for p in &paths {
        if !p.exists() {
            eprintln!("bloglint: {}: no such file or directory", p.display());
            return Ok(EXIT_FAILURE);
        }
    }
    let start = paths[0].clone();
    let start_dir = if start.is_dir() {
        start.clone()
    } else {
        start.parent().map_or(PathBuf::from("."), Path::to_path_buf)
    };
    let start_dir = if start_dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        start_dir
    };
    let root = hugo_config::find_root(&start_dir).unwrap_or_else(|| start_dir.clone());
    let hugo = match HugoConfig::load(&root) {
        Ok(h) => h,
        Err(e) => {
            report_config_error(&e.into());
            return Ok(EXIT_FAILURE);
        }
    };
    let config = if args.isolated {
        Config::defaults(&root)
    } else {
        let file = args.config.clone().or_else(|| Config::discover(&start_dir));
        match file {
            Some(f) => match Config::load(&f) {
                Ok(c) => c,
                Err(e) => {
                    report_config_error(&e);
                    return Ok(EXIT_FAILURE);
                }
            },
            None => Config::defaults(&root),
        }
    };

    let site = Site::load(hugo);

    // Paths other than the site root narrow the report to their files.
    let only: Option<HashSet<PathBuf>> = if paths.iter().all(|p| same_dir(p, &root)) {
        None
    } else {
        let mut set = HashSet::new();
        for p in &paths {
            for post in &site.posts {
                if post.path == *p || (p.is_dir() && post.path.starts_with(p)) {
                    set.insert(post.path.clone());
                }
            }
            for e in &site.errors {
                if e.path == *p || (p.is_dir() && e.path.starts_with(p)) {
                    set.insert(e.path.clone());
                }
            }
        }
        Some(set)
    };
    let checked = only
        .as_ref()
        .map_or(site.posts.len() + site.errors.len(), HashSet::len);

    let diags = crate::lint(&site, &config, now(), only.as_ref());

    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none() && io::stdout().is_terminal(),
    };
    match args.format {
        Format::Human => render::human::render(&diags, &site, color, out)?,
        Format::Concise => render::concise::render(&diags, &site, out)?,
        Format::Json => render::json::render(&diags, &site, out)?,
    }
    out.flush()?;

    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    eprintln!("{}", summary(errors, warnings, infos, checked));
    let too_many_warnings = args.max_warnings.is_some_and(|max| warnings > max);
    if too_many_warnings {
        eprintln!(
            "bloglint: {warnings} warnings exceed --max-warnings {}",
            args.max_warnings.unwrap_or(0)
        );
    }
    Ok(if errors > 0 || too_many_warnings {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn summary(errors: usize, warnings: usize, infos: usize, files: usize) -> String {
    format!(
        "bloglint: {}, {}, {} info in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        infos,
        plural(files, "file")
    )
}

impl From<HugoConfigError> for ConfigError {
    fn from(e: HugoConfigError) -> ConfigError {
        ConfigError {
            path: e.path,
            source: e.source,
            span: e.span,
            message: e.message,
        }
    }
}

/// A configuration error, drawn like a diagnostic when it has a position.
fn report_config_error(e: &ConfigError) {
    let d = Diagnostic::new(
        "",
        Severity::Error,
        e.span.clone().unwrap_or(0..0),
        e.message.clone(),
    );
    let d = Diagnostic {
        path: e.path.clone(),
        ..d
    };
    struct One<'a>(&'a ConfigError);
    impl render::Sources for One<'_> {
        fn source(&self, path: &Path) -> Option<&str> {
            (path == self.0.path && self.0.span.is_some()).then_some(self.0.source.as_str())
        }
    }
    let mut buf = Vec::new();
    let color = std::env::var_os("NO_COLOR").is_none() && io::stderr().is_terminal();
    if render::human::render(std::slice::from_ref(&d), &One(e), color, &mut buf).is_ok() {
        eprint!("{}", String::from_utf8_lossy(&buf));
    }
    eprintln!("bloglint: invalid configuration in {}", e.path.display());
}
