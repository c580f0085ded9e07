//! The neutral site model's vocabulary: what kind of page a content file
//! becomes and why one is not published. Each generator (`src/hugo/`,
//! `src/jekyll/`) fills the model; the rules read it without knowing which
//! generator built it.

/// Why a page is not published.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Unpublished {
    Draft,
    /// Its date (or publishDate) is after "now".
    Future,
    /// Its expiryDate is before "now".
    Expired,
    /// `build.render: never` or `link` (or `headless: true`): no page file.
    NotRendered,
    /// A content file inside a leaf bundle (`posts/a/other.md` next to
    /// `posts/a/index.md`): a resource of the bundle, never a page.
    LeafResource,
    /// A file Hugo ignores: its name starts with `#` or ends with `~`.
    Ignored,
    /// Its kind is in `disableKinds`.
    DisabledKind,
    /// Its language is disabled (`disableLanguages`, `disabled = true`).
    DisabledLanguage,
    /// Another content file has the same page path (`posts/x.md` and
    /// `posts/x/index.md`, `x.md` and `x.markdown`, `X.md` and `x.md`):
    /// Hugo keeps one of them without a word, as the order it reads files
    /// in decides (usually the one it reads last: the bundle). The index
    /// (in the site's pages) of the one taken as kept.
    SamePath(usize),
    /// Another content file of the same page path is not built (a draft,
    /// dated in the future, expired): Hugo drops the whole path, this page
    /// and its resources with it. The index of that file.
    PathDropped(usize),
    /// `published: false` (Jekyll).
    PublishedFalse,
    /// A file in `_posts` whose name lacks the `YYYY-MM-DD-` date: Jekyll
    /// skips it without a word.
    UndatedPost,
    /// Its date is one the generator fails the build on.
    InvalidDate,
    /// A document of a collection that is not written (`output` is not
    /// true).
    NoOutput,
    /// The generator cannot make its URL (it fails the build).
    BadUrl,
    /// A Markdown file without front matter: Jekyll copies it as it is,
    /// unconverted.
    NoFrontMatter,
    /// A page of a section that sorts its pages by a field the page lacks
    /// (Zola 0.22.1: `sort_by = "date"` and no date): left out of the
    /// section and not written, though its `@/` links resolve. With the
    /// key the section sorts by (`date`, `updated`, `title`, `weight`).
    Unsorted(&'static str),
    /// A file whose language code is not configured (Zola fails the
    /// build).
    UnknownLanguage,
    /// A content file the generator fails the build on (Zola 0.22.1: no
    /// `+++`/`---` front matter, a section key it does not know, a
    /// taxonomy `config.toml` does not declare, `index.md` beside
    /// `_index.md`): why.
    FailsBuild(&'static str),
}

impl Unpublished {
    pub fn reason(&self) -> &'static str {
        match self {
            Unpublished::Draft => "a draft",
            Unpublished::Future => "dated in the future",
            Unpublished::Expired => "expired",
            Unpublished::NotRendered => "never rendered (build options or headless)",
            Unpublished::LeafResource => {
                "a content file inside a leaf bundle (a resource, not a page)"
            }
            Unpublished::Ignored => "a file Hugo ignores",
            Unpublished::DisabledKind => "of a kind the site disables (disableKinds)",
            Unpublished::DisabledLanguage => "in a language the site disables",
            Unpublished::SamePath(_) => {
                "one of two content files with the same page path (Hugo keeps only one)"
            }
            Unpublished::PathDropped(_) => {
                "dropped with its page path (another content file of that path is not built)"
            }
            Unpublished::PublishedFalse => "`published: false`",
            Unpublished::UndatedPost => {
                "a post without the `YYYY-MM-DD-` date in its file name (Jekyll skips it)"
            }
            Unpublished::InvalidDate => "its date is invalid: the build fails",
            Unpublished::NoOutput => "a document of a collection without `output: true`",
            Unpublished::BadUrl => "its URL cannot be made: the build fails",
            Unpublished::NoFrontMatter => {
                "no front matter: Jekyll copies the Markdown file as it is, not as a page"
            }
            Unpublished::Unsorted(_) => {
                "without the field its section sorts by (`sort_by`): Zola leaves it out of the section and does not write it"
            }
            Unpublished::UnknownLanguage => {
                "its file name's language code is not configured: the build fails"
            }
            Unpublished::FailsBuild(why) => why,
        }
    }
}

/// Hugo's page kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Home,
    Section,
    Taxonomy,
    Term,
    Page,
}

impl Kind {
    /// Hugo's name for the kind (`.Kind`, `disableKinds`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Home => "home",
            Kind::Section => "section",
            Kind::Taxonomy => "taxonomy",
            Kind::Term => "term",
            Kind::Page => "page",
        }
    }

    pub fn is_branch(self) -> bool {
        self != Kind::Page
    }
}

/// Where a page belongs for the statistics.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    /// A regular page in its current section, as Hugo sees it: the nearest
    /// folder above it that is a section (a top-level folder, or a nested
    /// folder with an `_index.md` of the page's language). Hugo's page path,
    /// `/posts` or `/docs/guides`.
    Section(String),
    /// A regular page at the root of the content (`about.md`).
    Root,
    /// A list page: the home, a section, a taxonomy or a term `_index.md`.
    Lists,
}

/// A regular page whose URL is built from its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateUrl {
    /// The first date token, as written (`:year`).
    pub token: String,
    /// The pattern holding it: the page's `url`, or its permalink.
    pub pattern: String,
    /// Whether the pattern is the page's own `url`.
    pub from_url: bool,
    /// The URL the page has now (Hugo 0.168 expands the tokens of a page
    /// without a date from 0001-01-01: `:year` is `1`, `:month` `01`).
    pub url: String,
}

/// What a front matter field means, whatever the generator calls it: the
/// rules ask for a role, each generator names its key
/// ([`super::Generator::key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Description,
    /// Other URLs that redirect to the page (`aliases`, `redirect_from`).
    Aliases,
    /// The page's own URL (`url`, `permalink`).
    Url,
    Slug,
    /// Whether the page is left out of the build (`draft`, `published`).
    Draft,
}

/// What puts a page at its URL: the front matter value that does, or its
/// file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlSource {
    /// The page's own URL key (`url` for Hugo, `permalink` for Jekyll).
    Url(&'static str),
    Slug,
    /// The title, through `:slug` or `:title` in a permalink.
    Title,
    /// Its file name and folders.
    File,
}

/// Make a URL path absolute with a trailing slash (or keep a file name):
/// `posts/a` → `/posts/a/`, `/x/index.html` → `/x/`, `/a.png` → `/a.png`.
pub fn normalize(url: &str) -> String {
    let mut u = String::from("/");
    u.push_str(url.trim_start_matches('/'));
    if let Some(dir) = u.strip_suffix("index.html")
        && dir.ends_with('/')
    {
        u = dir.to_string();
    }
    let last = u.rsplit('/').next().unwrap_or_default();
    if !u.ends_with('/') && !last.contains('.') {
        u.push('/');
    }
    u
}

/// The URL of an output file: `/posts/a/index.html` → `/posts/a/`.
pub fn file_url(file: &str) -> String {
    let file = collapse_slashes(file);
    match file.strip_suffix("index.html") {
        Some(dir) if dir.ends_with('/') => dir.to_string(),
        _ if file.is_empty() => "/".into(),
        _ => file,
    }
}

pub(crate) fn collapse_slashes(s: &str) -> String {
    if !s.contains("//") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '/' && out.ends_with('/') {
            continue;
        }
        out.push(c);
    }
    out
}
