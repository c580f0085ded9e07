//! The command line: argument parsing and the `check`, `rule`, `rules`,
//! `config`, `completions` and `man` commands. Returns the process exit code.

pub mod site_cmd;

use std::collections::HashSet;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::cache::Cache;
use crate::config::{Config, ConfigError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::render;
use crate::rules::RULES;
use crate::site::Generator;
use crate::site::generator::GeneratorKind;
use crate::site::{self, Site};
use crate::{EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK};
use crate::{fix, write};

#[derive(Parser)]
#[command(
    name = "bloglint",
    // The version and, when known, the commit it was built from (build.rs).
    version = env!("BLOGLINT_VERSION"),
    about = "An editorial linter for Hugo sites",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// With no command, `bloglint [OPTIONS] [PATHS]` is `bloglint check`.
    #[command(flatten)]
    check: CheckArgs,
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
    /// List every URL the site publishes and what serves it, or (--url) what serves one URL.
    Site(site_cmd::SiteArgs),
    /// Print a shell completion script, e.g. `bloglint completions bash`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `bloglint man > bloglint.1`.
    Man,
    /// Run the language server (LSP over stdin and stdout) for editors.
    Server,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
enum Format {
    /// rustc-style reports with source lines.
    #[default]
    Human,
    /// `path:line:col: severity[rule] message`.
    Concise,
    /// A JSON array (fields documented in the README).
    Json,
    /// GitHub Actions workflow commands (annotations on the diff).
    Github,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// GitLab Code Quality report.
    Gitlab,
    /// JUnit XML.
    Junit,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
enum Color {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Default)]
struct CheckArgs {
    /// Files or directories; default: the whole site the current directory
    /// belongs to.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Apply safe fixes to the files, then report what is left.
    #[arg(long)]
    fix: bool,
    /// Also apply unsafe fixes (they change meaning or outline) with --fix or --diff.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the fixes as unified diffs, write nothing; exit 1 when a fix is pending.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// Re-lint whenever a file of the site changes; print what changed.
    #[arg(long, conflicts_with_all = ["fix", "diff", "stdin_filename"])]
    watch: bool,
    /// Read the post from stdin, linted as the file PATH of its site; with
    /// --fix, write the fixed post to stdout.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// The site's generator, where its folder could be either's (default:
    /// detected: `_config.yml` is Jekyll; `hugo.toml`, `config.toml` or
    /// `content/` is Hugo)
    #[arg(long, value_enum)]
    generator: Option<GeneratorKind>,
    /// Use this configuration file instead of discovering bloglint.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Ignore every bloglint.toml: defaults only.
    #[arg(long, conflicts_with = "config")]
    isolated: bool,
    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Fail (exit 1) on any warning: `--max-warnings 0`.
    #[arg(long, conflicts_with = "max_warnings")]
    deny_warnings: bool,
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Parse every file again: neither read nor write .bloglint-cache/.
    #[arg(long)]
    no_cache: bool,
}

pub fn run() -> i32 {
    let cli = Cli::parse();
    // The server writes stdout from its own thread: no lock held here.
    if let Some(Command::Server) = cli.command {
        return crate::server::run();
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = match cli.command {
        None => check(&cli.check, &mut out),
        Some(Command::Check(args)) => check(&args, &mut out),
        Some(Command::Rule { name }) => match crate::rules::find(&name) {
            Some(m) => writeln!(out, "{}", m.doc.trim_end()).map(|_| EXIT_OK),
            None => {
                eprintln!("bloglint: unknown rule `{name}`; `bloglint rules` lists them");
                Ok(EXIT_FAILURE)
            }
        },
        Some(Command::Rules) => rules_table(&mut out).map(|_| EXIT_OK),
        Some(Command::Config) => write!(out, "{}", Config::default_toml()).map(|_| EXIT_OK),
        Some(Command::Site(args)) => {
            site_cmd::run(&args, now(), &|e| report_config_error(&e), &mut out)
        }
        Some(Command::Completions { shell }) => {
            // Into memory first: the generator panics on a failed write,
            // and `bloglint completions bash | head` closes the pipe.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "bloglint", &mut script);
            out.write_all(&script).map(|_| EXIT_OK)
        }
        Some(Command::Server) => unreachable!("run before stdout is locked"),
        Some(Command::Man) => clap_mangen::Man::new(Cli::command())
            .render(&mut out)
            .map(|_| EXIT_OK),
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
pub(crate) fn now() -> i64 {
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

/// Everything a run needs: the site read, the configuration, which files
/// to report on. `Err` holds the exit code of a failure already reported.
struct Run {
    root: PathBuf,
    config: Config,
    site: Site,
    only: Option<HashSet<PathBuf>>,
    stdin_path: Option<PathBuf>,
    checked: usize,
}

fn prepare(args: &CheckArgs) -> io::Result<Result<Run, i32>> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    for p in &paths {
        if !p.exists() {
            eprintln!("bloglint: {}: no such file or directory", p.display());
            return Ok(Err(EXIT_FAILURE));
        }
    }
    // The site is the one of the first path (or of the stdin file).
    let anchor = args.stdin_filename.as_ref().unwrap_or(&paths[0]);
    let start_dir = if anchor.is_dir() {
        anchor.clone()
    } else {
        anchor.parent().map_or(PathBuf::new(), Path::to_path_buf)
    };
    let start_dir = if start_dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        start_dir
    };
    let found_root = Generator::find_root(&start_dir, args.generator);
    // Files given outside any Hugo site: each is linted as a post of a
    // default site (a folder outside a site still reports where content was
    // looked for).
    let loose = found_root.is_none()
        && (args.stdin_filename.is_some()
            || (!args.paths.is_empty() && paths.iter().all(|p| p.is_file())));
    let (root, kind) = found_root.unwrap_or_else(|| {
        (
            start_dir.clone(),
            args.generator.unwrap_or(GeneratorKind::Hugo),
        )
    });
    let generator = match Generator::load(&root, kind) {
        Ok(g) => g,
        Err(e) => {
            report_config_error(&e);
            return Ok(Err(EXIT_FAILURE));
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
                    return Ok(Err(EXIT_FAILURE));
                }
            },
            None => Config::defaults(&root),
        }
    };

    // Texts are read only when something asks for them, except in runs
    // that rewrite files: those keep every text they may fix.
    let keep_texts = args.fix || args.diff || args.stdin_filename.is_some();
    if loose {
        return loose_run(args, root, generator, config, &paths).map(Ok);
    }
    let cache = (!args.no_cache).then(|| {
        let mut cache = crate::timing("cache open", || Cache::open(&root));
        cache.trust_stamps = !keep_texts;
        cache
    });
    let mut site = Site::load_with(generator, cache.as_ref(), keep_texts);
    if let Some(cache) = cache {
        crate::timing("cache save", || cache.save(&site.posts));
    }
    let locate = Locator::new(&root);
    // One site per run: a path of another site is not checked; say so
    // rather than pass it over (its own run checks it).
    let root_abs = root.canonicalize().ok();
    for p in &paths {
        let dir = if p.is_dir() {
            p.clone()
        } else {
            p.parent().map_or(PathBuf::from("."), Path::to_path_buf)
        };
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        if let Some((other, _)) = Generator::find_root(&dir, args.generator)
            && other.canonicalize().ok() != root_abs
        {
            eprintln!(
                "bloglint: {}: part of another site ({}), not checked: bloglint checks one site per run",
                p.display(),
                other.display()
            );
        }
    }

    // A post from stdin takes the place of its file in the site.
    let stdin_path = match &args.stdin_filename {
        Some(p) => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes)?;
            let path = locate.site_path(p);
            let content_path = site.generator.content_path(&path).unwrap_or_else(|| {
                path.file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned())
            });
            site.errors.retain(|e| e.path != path);
            match site::post_from_bytes(path.clone(), content_path, bytes) {
                Ok(post) => site.replace(post),
                Err(d) => site.errors.push(*d),
            }
            Some(path)
        }
        None => None,
    };

    // Paths other than the site root narrow the report to their files.
    let only: Option<HashSet<PathBuf>> = if let Some(p) = &stdin_path {
        Some(HashSet::from([p.clone()]))
    } else if args.paths.is_empty() || paths.iter().all(|p| same_dir(p, &root)) {
        // No path: the whole site the current folder belongs to.
        None
    } else {
        let given: Vec<(PathBuf, bool)> = paths
            .iter()
            .map(|p| (locate.site_path(p), p.is_dir()))
            .collect();
        let inside = |path: &PathBuf| {
            given
                .iter()
                .any(|(g, dir)| path == g || (*dir && path.starts_with(g)))
        };
        let mut set: HashSet<PathBuf> = site
            .posts
            .iter()
            .map(|p| &p.path)
            .filter(|p| inside(p))
            .cloned()
            .collect();
        set.extend(
            site.errors
                .iter()
                .map(|e| &e.path)
                .filter(|p| inside(p))
                .cloned(),
        );
        Some(set)
    };
    let checked = only
        .as_ref()
        .map_or(site.posts.len() + site.errors.len(), HashSet::len);
    Ok(Ok(Run {
        root,
        config,
        site,
        only,
        stdin_path,
        checked,
    }))
}

fn check(args: &CheckArgs, out: &mut dyn Write) -> io::Result<i32> {
    if args.watch {
        return watch(args, out);
    }
    let Run {
        config,
        mut site,
        only,
        stdin_path,
        checked,
        ..
    } = match prepare(args)? {
        Ok(run) => run,
        Err(code) => return Ok(code),
    };
    let now = now();

    let fixing = args.fix || args.diff;
    let (diags, fixed) = if fixing {
        let outcome = fix::fix_site(&mut site, &config, now, only.as_ref(), args.unsafe_fixes);
        (outcome.diagnostics, outcome.changed)
    } else {
        (crate::lint(&site, &config, now, only.as_ref()), Vec::new())
    };

    if args.diff {
        for (path, before, after) in &fixed {
            write!(out, "{}", fix::unified_diff(path, before, after))?;
        }
        out.flush()?;
        eprintln!("bloglint: {} would change", plural(fixed.len(), "file"));
        return Ok(if fixed.is_empty() {
            EXIT_OK
        } else {
            EXIT_FINDINGS
        });
    }

    let mut diags = diags;
    if let (true, Some(path)) = (args.fix, &stdin_path) {
        // Editor integration: the fixed post on stdout, the report on stderr.
        if let Some(post) = site.post(path) {
            out.write_all(post.source.as_bytes())?;
        }
        out.flush()?;
        let stderr = io::stderr();
        report(
            args,
            &diags,
            &site,
            &mut stderr.lock(),
            io::stderr().is_terminal(),
        )?;
        return Ok(finish(args, &diags, checked, fixed.len()));
    }
    if args.fix {
        for (path, before, after) in &fixed {
            if let Err(e) = write::write_fixed(path, before.as_bytes(), after.as_bytes()) {
                diags.push(
                    Diagnostic::new(
                        fix::FIX_ERROR,
                        Severity::Error,
                        0..0,
                        format!("fixed text not written: {e}"),
                    )
                    .in_file(path.clone()),
                );
            }
        }
        crate::sort(&mut diags);
    }
    report(args, &diags, &site, out, io::stdout().is_terminal())?;
    let code = finish(args, &diags, checked, fixed.len());
    // The process ends here: let the OS reclaim the site, not a walk over
    // every tree of it.
    std::mem::forget(site);
    Ok(code)
}

/// Where a file outside any site sits in the default site it is linted in:
/// `_index.md` is the home page, any other file a post (`posts/<name>`).
fn loose_content_path(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    if name.starts_with("_index.") {
        name
    } else {
        format!("posts/{name}")
    }
}

/// Files (or the stdin post) outside any Hugo site: a default site of just
/// them, without the rules that need the whole site, said once on stderr.
/// No cache is written next to them.
fn loose_run(
    args: &CheckArgs,
    root: PathBuf,
    generator: Generator,
    config: Config,
    paths: &[PathBuf],
) -> io::Result<Run> {
    let mut posts = Vec::new();
    let mut errors = Vec::new();
    let stdin_path = match &args.stdin_filename {
        Some(p) => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes)?;
            match site::post_from_bytes(p.clone(), loose_content_path(p), bytes) {
                Ok(post) => posts.push(post),
                Err(d) => errors.push(*d),
            }
            Some(p.clone())
        }
        None => {
            for p in paths {
                if !crate::hugo::content::is_content(p) {
                    errors.push(*site::read_error(
                        p.clone(),
                        format!(
                            "not a content file: bloglint reads .{}",
                            crate::hugo::PARSED_EXTENSIONS.join(", .")
                        ),
                    ));
                    continue;
                }
                match site::read_post(p.clone(), loose_content_path(p)) {
                    Ok(post)
                        if posts
                            .iter()
                            .all(|q: &crate::document::Post| q.path != post.path) =>
                    {
                        posts.push(post)
                    }
                    Ok(_) => {}
                    Err(d) => errors.push(*d),
                }
            }
            None
        }
    };
    let skipped: Vec<&str> = RULES
        .iter()
        .filter(|m| m.scope == crate::rules::Scope::Site)
        .map(|m| m.name)
        .collect();
    eprintln!(
        "bloglint: not inside a Hugo site (no hugo.toml, config.toml or content/ folder in {} or above): linted as {} of a default site, without the rules that need the whole site ({})",
        root.display(),
        if posts.len() + errors.len() == 1 {
            "a post"
        } else {
            "posts"
        },
        skipped.join(", ")
    );
    let mut site = Site::new(generator, posts, errors);
    site.loose = true;
    let checked = site.posts.len() + site.errors.len();
    Ok(Run {
        root,
        config,
        only: stdin_path.as_ref().map(|p| HashSet::from([p.clone()])),
        site,
        stdin_path,
        checked,
    })
}

/// `--watch`: poll the site's files (size and modification time), and on a
/// change that has settled, lint again and print only the findings that are
/// new since the last run, and how many went away.
fn watch(args: &CheckArgs, out: &mut dyn Write) -> io::Result<i32> {
    let root = match prepare(args)? {
        Ok(run) => run.root,
        Err(code) => return Ok(code),
    };
    let mut shown: HashSet<(PathBuf, &'static str, String, String)> = HashSet::new();
    let mut last: Option<u64> = None;
    loop {
        let now_stamp = stamp(&root);
        if last != Some(now_stamp) {
            // Let a burst of saves settle before linting.
            std::thread::sleep(std::time::Duration::from_millis(150));
            if stamp(&root) == now_stamp {
                last = Some(now_stamp);
                // A configuration error is reported; the next change retries.
                if let Ok(run) = prepare(args)? {
                    let diags = crate::lint(&run.site, &run.config, now(), run.only.as_ref());
                    let key = |d: &Diagnostic| {
                        let text = run
                            .site
                            .post(&d.path)
                            .and_then(|p| p.source.get(d.span.clone()))
                            .unwrap_or_default()
                            .to_string();
                        (d.path.clone(), d.rule, d.message.clone(), text)
                    };
                    let current: HashSet<_> = diags.iter().map(key).collect();
                    let new: Vec<Diagnostic> = diags
                        .iter()
                        .filter(|d| !shown.contains(&key(d)))
                        .cloned()
                        .collect();
                    let gone = shown.difference(&current).count();
                    writeln!(
                        out,
                        "bloglint --watch: {} new, {gone} gone",
                        plural(new.len(), "finding")
                    )?;
                    report(args, &new, &run.site, out, io::stdout().is_terminal())?;
                    finish(args, &diags, run.checked, 0);
                    shown = current;
                }
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
}

/// A fingerprint of the site's files: paths, sizes, modification times.
fn stamp(root: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for entry in ignore::WalkBuilder::new(root).build().flatten() {
        if let Ok(m) = entry.metadata() {
            entry.path().hash(&mut h);
            m.len().hash(&mut h);
            m.modified().ok().hash(&mut h);
        }
    }
    h.finish()
}

/// Render the diagnostics in the chosen format.
fn report(
    args: &CheckArgs,
    diags: &[Diagnostic],
    site: &Site,
    out: &mut dyn Write,
    terminal: bool,
) -> io::Result<()> {
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none() && terminal,
    };
    match args.format {
        Format::Human => render::human::render(diags, site, color, out)?,
        Format::Concise => render::concise::render(diags, site, out)?,
        Format::Json => render::json::render(diags, site, out)?,
        Format::Github => render::github::render(diags, site, out)?,
        Format::Sarif => render::sarif::render(diags, site, out)?,
        Format::Gitlab => render::gitlab::render(diags, site, out)?,
        Format::Junit => render::junit::render(diags, site, out)?,
    }
    out.flush()
}

/// Print the summary line and choose the exit code.
fn finish(args: &CheckArgs, diags: &[Diagnostic], checked: usize, fixed_files: usize) -> i32 {
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let mut line = summary(errors, warnings, infos, checked);
    if args.fix {
        line.push_str(&format!("; fixed {}", plural(fixed_files, "file")));
    }
    let safe = diags
        .iter()
        .filter(|d| fix::applicable(d, false).is_some())
        .count();
    let unsafe_only = diags
        .iter()
        .filter(|d| d.fix.is_some() && fix::applicable(d, false).is_none())
        .count();
    if safe > 0 && !args.fix {
        line.push_str(&format!("; {safe} fixable with --fix"));
    }
    if unsafe_only > 0 && !args.unsafe_fixes {
        line.push_str(&format!("; {unsafe_only} more with --fix --unsafe-fixes"));
    }
    eprintln!("{line}");
    let max_warnings = if args.deny_warnings {
        Some(0)
    } else {
        args.max_warnings
    };
    let too_many_warnings = max_warnings.is_some_and(|max| warnings > max);
    if too_many_warnings {
        eprintln!(
            "bloglint: {warnings} warnings exceed --max-warnings {}",
            max_warnings.unwrap_or(0)
        );
    }
    if errors > 0 || too_many_warnings {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Maps paths as the user wrote them (relative, `./`, absolute, through
/// symlinked folders) onto the paths of the site's files, which all start
/// with the site root as found.
struct Locator {
    root: PathBuf,
    root_abs: Option<PathBuf>,
}

impl Locator {
    fn new(root: &Path) -> Locator {
        Locator {
            root: root.to_path_buf(),
            root_abs: root.canonicalize().ok(),
        }
    }

    fn site_path(&self, p: &Path) -> PathBuf {
        let abs = p.canonicalize().ok().or_else(|| {
            // A file that does not exist (yet): resolve its folder.
            let parent = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            Some(parent.canonicalize().ok()?.join(p.file_name()?))
        });
        match (abs, &self.root_abs) {
            (Some(abs), Some(root)) => match abs.strip_prefix(root) {
                Ok(rel) if rel.as_os_str().is_empty() => self.root.clone(),
                Ok(rel) => self.root.join(rel),
                Err(_) => p.to_path_buf(),
            },
            _ => p.to_path_buf(),
        }
    }
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
