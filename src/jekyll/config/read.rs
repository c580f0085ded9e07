//! Which files Jekyll 4.3.1 reads, and as what: `EntryFilter`, `Reader`,
//! `PostReader`, `Collection#read`, `DataReader`, and
//! jekyll-optional-front-matter 0.3.2.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::JekyllConfig;
use super::fnmatch::fnmatch;

/// What Jekyll does with one file under the source folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A page: the file's first line is `---` (see [`has_yaml_header`]).
    /// `markdown`: its extension is in `markdown_ext` (converted to HTML).
    /// `front_matter: false`: a Markdown file without front matter that
    /// jekyll-optional-front-matter turns into a page; `copied`: its raw
    /// file is still copied too (unless `remove_originals`).
    Page {
        markdown: bool,
        front_matter: bool,
        copied: bool,
    },
    /// Copied as is (no front matter: even a `.md` file).
    Static,
    /// A post: under a `_posts` folder, its name `YYYY-MM-DD-title.ext`.
    /// `dir`: the folder above `_posts` (`""` at the top; its names become
    /// categories). Front matter is not needed.
    Post { dir: String },
    /// A file in `_posts` whose name lacks the date: Jekyll skips it silently.
    UndatedPost,
    /// A draft (`_drafts`, a name with an extension); read only when
    /// `show_drafts` is on.
    Draft { dir: String },
    /// A document of a collection (front matter needed); written only when
    /// the collection has `output`.
    Document { collection: String, output: bool },
    /// A file of a collection without front matter: a static file, written
    /// only when the collection has `output`.
    CollectionStatic { collection: String, output: bool },
    /// A data file (`_data`, `.yml`, `.yaml`, `.json`, `.csv`, `.tsv`).
    Data,
    /// A layout (`_layouts`).
    Layout,
    /// An include (`_includes`).
    Include,
    /// A Sass partial (`_sass`).
    Sass,
    /// A Ruby plugin (`_plugins`).
    Plugin,
    /// Not read: filtered out (`_`, `.`, `#`, `~` names, `exclude`, the
    /// destination folder, …). A folder nothing is read from is one entry,
    /// its path ending with `/`.
    Skipped,
}

/// One file under the source folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Relative to the source folder, `/`-separated.
    pub path: String,
    pub kind: Kind,
}

/// Whether jekyll-optional-front-matter 0.3.2 makes a page of a Markdown
/// file without front matter: all but README, LICENSE, LICENCE, COPYING,
/// CODE_OF_CONDUCT, CONTRIBUTING, ISSUE_TEMPLATE, PULL_REQUEST_TEMPLATE
/// (any case), unless `include`d.
pub fn optional_page(config: &JekyllConfig, path: &str) -> bool {
    const BLACKLIST: [&str; 8] = [
        "README",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "CODE_OF_CONDUCT",
        "CONTRIBUTING",
        "ISSUE_TEMPLATE",
        "PULL_REQUEST_TEMPLATE",
    ];
    let name = basename(path);
    let stem = match name.rfind('.') {
        Some(dot) => &name[..dot],
        None => name,
    };
    !BLACKLIST.contains(&stem.to_uppercase().as_str())
        || EntryFilter::new(config, "").included(path)
}

/// Whether a file starts with a front matter line as Jekyll 4.3.1's
/// `Utils.has_yaml_header?` sees it: its first line is `---`, then only
/// spaces, tabs, `\r`, `\f` or `\v`, then a line break. An empty file, a
/// byte order mark or `--- x` means no front matter.
pub fn has_yaml_header(path: &Path) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    // Read only as far as the first line can still be a `---` line.
    let mut buf = Vec::new();
    let mut chunk = [0u8; 256];
    loop {
        let n = match file.read(&mut chunk) {
            Ok(0) | Err(_) => return yaml_header_line(&buf),
            Ok(n) => n,
        };
        buf.extend_from_slice(&chunk[..n]);
        let undecided = buf.len() < 3
            || (buf.starts_with(b"---") && buf[3..].iter().all(|b| b" \t\r\x0b\x0c".contains(b)));
        if !undecided || buf.len() > 1 << 20 {
            return yaml_header_line(&buf);
        }
    }
}

fn yaml_header_line(bytes: &[u8]) -> bool {
    let Some(rest) = bytes.strip_prefix(b"---") else {
        return false;
    };
    for &b in rest {
        match b {
            b'\n' => return true,
            b' ' | b'\t' | b'\r' | 0x0c | 0x0b => {}
            _ => return false,
        }
    }
    false
}

/// `Document::DATE_FILENAME_MATCHER` on a path relative to `_posts`: its
/// last component (or, when it has `/`, also the whole path) is
/// `YYYY-MM-DD-title.ext` (2 to 4 digits of year, 1 or 2 of month and day).
pub fn date_filename_matches(entry: &str) -> bool {
    let last = entry.rsplit('/').next().unwrap_or(entry);
    dated(last) || (entry.contains('/') && dated(entry))
}

/// `(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$` from the start of `s`.
fn dated(s: &str) -> bool {
    let mut rest = s;
    for (min, max) in [(2, 4), (1, 2), (1, 2)] {
        // A run of digits must be followed by '-': its whole length counts.
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        if n < min || n > max {
            return false;
        }
        match rest[n..].strip_prefix('-') {
            Some(r) => rest = r,
            None => return false,
        }
    }
    // The last '.', followed by at least one character, no '/' before it.
    rest.rfind('.')
        .is_some_and(|dot| dot + 1 < rest.len() && !rest[..dot].contains('/'))
}

/// `Document::DATELESS_FILENAME_MATCHER`: the path has a `.` that is
/// followed by at least one character and no other `.`.
pub fn dateless_filename_matches(entry: &str) -> bool {
    entry.rfind('.').is_some_and(|dot| dot + 1 < entry.len())
}

/// Jekyll's `File.join(site.source, x)` with a neutral source `/SRC`.
fn with_source(x: &str) -> String {
    if x.starts_with('/') {
        format!("/SRC{x}")
    } else {
        format!("/SRC/{x}")
    }
}

/// `EntryFilter#glob_include?` on a path as Jekyll passes it (relative to
/// the source, maybe with a leading `/`): a pattern matches when
/// `File.fnmatch` (no flags, see [`fnmatch`]) matches, when it is a plain
/// string prefix of the path (`foo` also excludes `foobar.md`), or when the
/// entry is a folder and the pattern is the folder with a trailing `/`.
/// Both are joined to the source first, so `/x` and `x` are the same and
/// an empty pattern matches everything.
pub fn glob_include(patterns: &[String], entry: &str, entry_is_dir: bool) -> bool {
    let entry = with_source(entry);
    patterns.iter().any(|pattern| {
        let pattern = with_source(pattern);
        fnmatch(&pattern, &entry)
            || entry.starts_with(&pattern)
            || (entry_is_dir && pattern.strip_suffix('/') == Some(entry.as_str()))
    })
}

/// Jekyll 4.3.1's `EntryFilter` for one folder.
pub struct EntryFilter<'c> {
    config: &'c JekyllConfig,
    /// `base_directory`: the folder relative to the source, as Jekyll
    /// spells it (`""`, `/sub`, `_label`).
    base: String,
    /// `exclude` minus `include`.
    exclude: Vec<String>,
}

impl<'c> EntryFilter<'c> {
    pub fn new(config: &'c JekyllConfig, base: &str) -> EntryFilter<'c> {
        let exclude = config
            .exclude
            .iter()
            .filter(|e| !config.include.contains(e))
            .cloned()
            .collect();
        EntryFilter {
            config,
            base: base.to_owned(),
            exclude,
        }
    }

    fn relative_to_source(&self, entry: &str) -> String {
        if self.base.is_empty() {
            format!("/{entry}")
        } else {
            format!("{}/{entry}", self.base)
        }
    }

    fn is_dir(&self, rel: &str) -> bool {
        self.config
            .source
            .join(rel.trim_start_matches('/'))
            .is_dir()
    }

    /// `included?`: the entry or its last component matches `include`
    /// (both taken relative to the source, whatever folder is read).
    pub fn included(&self, entry: &str) -> bool {
        let include = &self.config.include;
        let base = basename(entry);
        glob_include(include, entry, self.is_dir(entry))
            || glob_include(include, base, self.is_dir(base))
    }

    /// `excluded?`: the entry, under this folder, matches `exclude`
    /// (without the patterns also in `include`).
    pub fn excluded(&self, entry: &str) -> bool {
        let rel = self.relative_to_source(entry);
        glob_include(&self.exclude, &rel, self.is_dir(&rel))
    }

    /// `filter`: whether Jekyll keeps `entry` (a name, or a path relative to
    /// this folder). Dropped: names ending in `.`; excluded and not
    /// included; a symlink leaving the source in `safe` mode; unless
    /// included, anything whose path or last component starts with `.`,
    /// `_`, `#` or `~`, or whose path ends with `~`.
    pub fn keeps(&self, entry: &str, full: &Path) -> bool {
        if entry.ends_with('.') {
            return false;
        }
        let included = self.included(entry);
        if self.excluded(entry) && !included {
            return false;
        }
        if self.config.safe && symlink_outside(full, &self.config.source) {
            return false;
        }
        if included {
            return true;
        }
        let special = |s: &str| s.starts_with(['.', '_', '#', '~']);
        !(special(entry) || special(basename(entry)) || entry.ends_with('~'))
    }
}

fn basename(entry: &str) -> &str {
    entry
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(entry)
}

fn symlink_outside(full: &Path, source: &Path) -> bool {
    let is_link = std::fs::symlink_metadata(full).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return false;
    }
    let source = std::fs::canonicalize(source).unwrap_or_else(|_| source.to_path_buf());
    match std::fs::canonicalize(full) {
        Ok(real) => !real.starts_with(source),
        Err(_) => true,
    }
}

/// Folders deeper than this are not read (a symlink loop would recurse
/// forever; Jekyll would too).
const MAX_DEPTH: usize = 64;

impl JekyllConfig {
    /// Every file under the source folder and what Jekyll 4.3.1 does with
    /// it, sorted by path: the files `Reader#read` reads as pages, static
    /// files, posts, drafts, collection documents and static files, data,
    /// layouts and includes, and the rest as [`Kind::Skipped`].
    ///
    /// Publication (`published: false`, future dates, `show_drafts`) is left
    /// to the caller: this is about files. Folders under the source are
    /// followed through symlinks (Jekyll does, outside `safe` mode).
    pub fn read_plan(&self) -> Vec<Entry> {
        let mut plan = Plan {
            config: self,
            kinds: std::collections::BTreeMap::new(),
            visited: HashSet::new(),
        };
        plan.read_directories("", 0);
        plan.included_files();
        plan.collections();
        plan.special_dirs();
        if self.has_plugin("jekyll-optional-front-matter") && self.optional_front_matter.enabled {
            plan.optional_front_matter();
        }
        // Everything else is skipped: files beside what is read, and whole
        // folders nothing is read from (one entry each).
        let mut read_dirs: HashSet<String> = HashSet::new();
        for path in plan.kinds.keys() {
            let mut end = 0;
            while let Some(i) = path[end..].find('/') {
                end += i;
                read_dirs.insert(path[..end].to_owned());
                end += 1;
            }
        }
        let mut skipped = Vec::new();
        skipped_files(&self.source, "", &read_dirs, &mut skipped, 0);
        for path in skipped {
            plan.kinds.entry(path).or_insert(Kind::Skipped);
        }
        plan.kinds
            .into_iter()
            .map(|(path, kind)| Entry { path, kind })
            .collect()
    }
}

struct Plan<'c> {
    config: &'c JekyllConfig,
    kinds: std::collections::BTreeMap<String, Kind>,
    visited: HashSet<PathBuf>,
}

/// The names in a folder, sorted; `None` if it cannot be read.
fn names(dir: &Path) -> Option<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    Some(names)
}

fn join_rel(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}/{name}")
    }
}

impl Plan<'_> {
    fn abs(&self, rel: &str) -> PathBuf {
        self.config.source.join(rel)
    }

    fn markdown(&self, rel: &str) -> bool {
        match rel.rfind('.') {
            Some(dot) if !rel[dot..].contains('/') => self.config.is_markdown_ext(&rel[dot..]),
            _ => false,
        }
    }

    fn page_or_static(&self, rel: &str) -> Kind {
        if has_yaml_header(&self.abs(rel)) {
            Kind::Page {
                markdown: self.markdown(rel),
                front_matter: true,
                copied: false,
            }
        } else {
            Kind::Static
        }
    }

    /// `Reader#read_directories`; `dir` is relative to the source without
    /// a leading `/`.
    fn read_directories(&mut self, dir: &str, depth: usize) {
        let base = self.abs(dir);
        if depth > MAX_DEPTH || !base.is_dir() {
            return;
        }
        // Only a folder inside itself (a symlink loop) is not read again.
        let real = std::fs::canonicalize(&base).ok();
        if let Some(real) = &real
            && !self.visited.insert(real.clone())
        {
            return;
        }
        self.read_directory(dir, &base, depth);
        if let Some(real) = &real {
            self.visited.remove(real);
        }
    }

    fn read_directory(&mut self, dir: &str, base: &Path, depth: usize) {
        let Some(entries) = names(base) else { return };
        let jekyll_base = if dir.is_empty() {
            String::new()
        } else {
            format!("/{dir}")
        };
        let filter = EntryFilter::new(self.config, &jekyll_base);
        let mut dirs = Vec::new();
        for name in entries {
            let rel = join_rel(dir, &name);
            let full = self.abs(&rel);
            if !filter.keeps(&name, &full) {
                continue;
            }
            if full.is_dir() {
                dirs.push(rel);
            } else {
                let kind = self.page_or_static(&rel);
                self.kinds.insert(rel, kind);
            }
        }
        self.posts(dir, &jekyll_base);
        for sub in dirs {
            if self.abs(&sub) == self.config.destination {
                continue;
            }
            self.read_directories(&sub, depth + 1);
        }
    }

    /// `Reader#retrieve_posts`: `<dir>/_posts` and `<dir>/_drafts`, unless a
    /// `collections_dir` is set and `dir` is outside it (a string prefix).
    fn posts(&mut self, dir: &str, jekyll_base: &str) {
        let cd = &self.config.collections_dir;
        if !cd.is_empty() && !jekyll_base.starts_with(&format!("/{cd}")) {
            return;
        }
        for (magic, draft) in [("_posts", false), ("_drafts", true)] {
            let magic_rel = join_rel(dir, magic);
            for entry in self.entries(&magic_rel) {
                let rel = join_rel(&magic_rel, &entry);
                let kind = match draft {
                    false if date_filename_matches(&entry) => Kind::Post {
                        dir: dir.to_owned(),
                    },
                    false => Kind::UndatedPost,
                    true if dateless_filename_matches(&entry) => Kind::Draft {
                        dir: dir.to_owned(),
                    },
                    true => Kind::Skipped,
                };
                self.kinds.insert(rel, kind);
            }
        }
    }

    /// `Reader#get_entries`: the files under `rel` as `Dir["**/*"]` lists
    /// them (no names starting with `.`), through the folder's filter.
    fn entries(&self, rel: &str) -> Vec<String> {
        let base = self.abs(rel);
        if !base.is_dir() {
            return Vec::new();
        }
        let mut all = Vec::new();
        glob_star_star(&base, "", false, &mut all, 0);
        let filter = EntryFilter::new(self.config, &format!("/{rel}"));
        all.into_iter()
            .filter(|e| filter.keeps(e, &base.join(e)))
            .filter(|e| !base.join(e).is_dir())
            .collect()
    }

    /// `Reader#read_included_excludes`: an `include` entry naming a file
    /// (relative to the source) is read even inside a filtered folder.
    fn included_files(&mut self) {
        for entry in &self.config.include {
            let rel = entry.trim_start_matches('/').to_owned();
            if rel.is_empty() || rel.split('/').any(|c| c == "..") {
                continue;
            }
            let full = self.abs(&rel);
            if !full.is_file() || (self.config.safe && symlink_outside(&full, &self.config.source))
            {
                continue;
            }
            if !self.kinds.contains_key(&rel) {
                let kind = self.page_or_static(&rel);
                self.kinds.insert(rel, kind);
            }
        }
    }

    /// `Collection#read` for each collection but `posts` (and `data`).
    fn collections(&mut self) {
        for c in &self.config.collections {
            if c.label == "posts" || c.label == "data" {
                continue;
            }
            let relative_directory = format!("_{}", c.label);
            let dir = join_rel(
                self.config.collections_dir.trim_matches('/'),
                &relative_directory,
            );
            let base = self.abs(&dir);
            if !base.is_dir() || (self.config.safe && symlink_outside(&base, &self.config.source)) {
                continue;
            }
            let mut all = Vec::new();
            glob_star_star(&base, "", true, &mut all, 0);
            let filter = EntryFilter::new(self.config, &relative_directory);
            for entry in all {
                let full = base.join(&entry);
                if !filter.keeps(&entry, &full) || full.is_dir() {
                    continue;
                }
                let kind = if has_yaml_header(&full) {
                    Kind::Document {
                        collection: c.label.clone(),
                        output: c.output,
                    }
                } else {
                    Kind::CollectionStatic {
                        collection: c.label.clone(),
                        output: c.output,
                    }
                };
                self.kinds.insert(join_rel(&dir, &entry), kind);
            }
        }
    }

    /// Layouts, includes, Sass partials, plugins and data, which Jekyll
    /// reads as material rather than content.
    fn special_dirs(&mut self) {
        let c = self.config;
        let clean = |dir: &str| -> Option<String> {
            let dir = dir.trim_matches('/');
            (!dir.is_empty() && !dir.split('/').any(|c| c == "..")).then(|| dir.to_owned())
        };
        if let Some(dir) = clean(&c.layouts_dir) {
            self.layouts(&dir);
        }
        // Includes, Sass partials and plugins are read when used: every file
        // there is material.
        for (dir, kind) in [
            (c.includes_dir.as_str(), Kind::Include),
            ("_sass", Kind::Sass),
            (c.plugins_dir.as_str(), Kind::Plugin),
        ] {
            let Some(dir) = clean(dir) else { continue };
            let mut all = Vec::new();
            walk_all(&self.abs(&dir), "", &mut all, 0, &mut HashSet::new());
            for f in all {
                self.kinds
                    .entry(join_rel(&dir, &f))
                    .or_insert_with(|| kind.clone());
            }
        }
        if let Some(dir) = clean(&c.data_dir) {
            self.data(&dir, 0);
        }
    }

    /// `LayoutReader#layout_entries`: `Dir["**/*.*"]` in the layouts folder
    /// through the site's top filter (so `exclude` is matched as if the
    /// paths were at the top of the source).
    fn layouts(&mut self, dir: &str) {
        let base = self.abs(dir);
        if !base.is_dir() {
            return;
        }
        let mut all = Vec::new();
        glob_star_star(&base, "", false, &mut all, 0);
        let filter = EntryFilter::new(self.config, "");
        for entry in all {
            let full = base.join(&entry);
            if basename(&entry).contains('.') && !full.is_dir() && filter.keeps(&entry, &full) {
                self.kinds.insert(join_rel(dir, &entry), Kind::Layout);
            }
        }
    }

    /// `DataReader#read_data_to`: `*.{yaml,yml,json,csv,tsv}` and folders
    /// (no names starting with `.`; no other filter: `_x.yml` is read),
    /// recursively; in `safe` mode, not through a symlink leaving the source.
    fn data(&mut self, dir: &str, depth: usize) {
        let base = self.abs(dir);
        let safe = self.config.safe;
        if depth > MAX_DEPTH
            || !base.is_dir()
            || (safe && symlink_outside(&base, &self.config.source))
        {
            return;
        }
        let Some(entries) = names(&base) else { return };
        for name in entries {
            let full = base.join(&name);
            let is_dir = full.is_dir();
            let data_ext = [".yaml", ".yml", ".json", ".csv", ".tsv"]
                .iter()
                .any(|e| name.ends_with(e));
            if name.starts_with('.')
                || !(is_dir || data_ext)
                || (safe && symlink_outside(&full, &self.config.source))
            {
                continue;
            }
            let rel = join_rel(dir, &name);
            if is_dir {
                self.data(&rel, depth + 1);
            } else {
                self.kinds.insert(rel, Kind::Data);
            }
        }
    }

    /// jekyll-optional-front-matter 0.3.2: every Markdown static file (of
    /// the site or a collection) but the ones [`optional_page`] leaves
    /// alone also becomes a page.
    fn optional_front_matter(&mut self) {
        let copied = !self.config.optional_front_matter.remove_originals;
        let paths: Vec<String> = self
            .kinds
            .iter()
            .filter(|(path, kind)| {
                matches!(kind, Kind::Static | Kind::CollectionStatic { .. }) && self.markdown(path)
            })
            .map(|(p, _)| p.clone())
            .collect();
        for path in paths {
            if !optional_page(self.config, &path) {
                continue;
            }
            self.kinds.insert(
                path,
                Kind::Page {
                    markdown: true,
                    front_matter: false,
                    copied,
                },
            );
        }
    }
}

/// The files under `rel` and the folders not in `read_dirs` (as `dir/`),
/// entering only the folders in `read_dirs`.
fn skipped_files(
    source: &Path,
    rel: &str,
    read_dirs: &HashSet<String>,
    out: &mut Vec<String>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for name in names(&source.join(rel)).unwrap_or_default() {
        let path = join_rel(rel, &name);
        if !source.join(&path).is_dir() {
            out.push(path);
        } else if read_dirs.contains(&path) {
            skipped_files(source, &path, read_dirs, out, depth + 1);
        } else {
            out.push(format!("{path}/"));
        }
    }
}

/// Ruby's `Dir.glob("**/*")` (with `dotmatch`: `File::FNM_DOTMATCH`) under
/// `base`: paths relative to it, folders included; without `dotmatch`,
/// names starting with `.` are neither listed nor entered. Symlinked folders
/// are listed but not entered (Ruby's `**/` does not follow them).
fn glob_star_star(base: &Path, rel: &str, dotmatch: bool, out: &mut Vec<String>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let Some(entries) = names(&base.join(rel)) else {
        return;
    };
    for name in entries {
        if !dotmatch && name.starts_with('.') {
            continue;
        }
        let path = join_rel(rel, &name);
        let full = base.join(&path);
        out.push(path.clone());
        let is_real_dir = std::fs::symlink_metadata(&full).is_ok_and(|m| m.is_dir());
        if is_real_dir {
            glob_star_star(base, &path, dotmatch, out, depth + 1);
        }
    }
}

/// Every file under `dir` (relative paths), following symlinked folders
/// but not into a folder that contains them.
fn walk_all(
    dir: &Path,
    rel: &str,
    out: &mut Vec<String>,
    depth: usize,
    seen: &mut HashSet<PathBuf>,
) {
    let here = dir.join(rel);
    if depth > MAX_DEPTH {
        return;
    }
    let real = std::fs::canonicalize(&here).ok();
    if let Some(real) = &real
        && !seen.insert(real.clone())
    {
        return;
    }
    for name in names(&here).unwrap_or_default() {
        let path = join_rel(rel, &name);
        if dir.join(&path).is_dir() {
            walk_all(dir, &path, out, depth + 1, seen);
        } else {
            out.push(path);
        }
    }
    if let Some(real) = &real {
        seen.remove(real);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Jekyll 4.3.1's matchers, checked with `ruby -rjekyll`.
    #[test]
    fn post_file_names() {
        for (name, want) in [
            ("2020-01-01-x.md", true),
            ("20-1-1-x.md", true),
            ("2020-01-01-.md", true),
            ("2020-01-01-x", false),
            ("2020-01-01x.md", false),
            ("12345-01-01-x.md", false),
            ("2020-001-01-x.md", false),
            ("sub/2020-01-01-x.md", true),
            ("2020-01-01-x.a/b", true),
            ("x-2020-01-01-x.md", false),
            ("2020-01-01-x.", false),
            ("２０２０-01-01-x.md", false),
        ] {
            assert_eq!(date_filename_matches(name), want, "{name}");
        }
        for (name, want) in [
            ("a.md", true),
            ("README", false),
            ("a.", false),
            ("d.x/f", true),
        ] {
            assert_eq!(dateless_filename_matches(name), want, "{name}");
        }
    }

    #[test]
    fn yaml_header_first_line() {
        for (text, want) in [
            (&b"---\n"[..], true),
            (b"---  \r\n", true),
            (b"--- \t\x0b\x0c\r\nx", true),
            (b"---", false),
            (b"", false),
            (b"--- x\n", false),
            (b"----\n", false),
            (b"\xef\xbb\xbf---\n", false),
            (b" ---\n", false),
        ] {
            assert_eq!(yaml_header_line(text), want, "{text:?}");
        }
    }

    #[test]
    fn exclude_patterns() {
        let p = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(glob_include(&p(&["foo"]), "/foobar.md", false));
        assert!(glob_include(
            &p(&["vendor/bundle/"]),
            "/vendor/bundle",
            true
        ));
        assert!(!glob_include(
            &p(&["vendor/bundle/"]),
            "/vendor/bundle",
            false
        ));
        assert!(glob_include(&p(&["*.txt"]), "/a/b.txt", false));
        assert!(glob_include(&p(&[""]), "/anything", false));
        assert!(glob_include(&p(&["/docs"]), "/docs/x.md", false));
        assert!(!glob_include(&p(&["docs"]), "/a/docs/x.md", false));
    }
}
