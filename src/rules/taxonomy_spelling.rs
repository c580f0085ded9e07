//! `taxonomy-spelling`: one taxonomy term written several ways. Spellings
//! Hugo merges into one term page (`Go`, `go`), variants it splits into two
//! (`back-end`, `Backend`), near misses of a much more used term, and terms
//! the configured `synonyms` or `vocabulary` rule out.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use rayon::prelude::*;

use super::{Context, OptionError, OptionMeta, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::{Node, Post, Quote, Value, edit};
use crate::site::index::SiteIndex;
use crate::text::edit_distance;

pub static META: RuleMeta = RuleMeta {
    name: "taxonomy-spelling",
    severity: Severity::Warning,
    scope: Scope::Site,
    reads_bodies: false,
    summary: "A taxonomy term spelled several ways, misspelled, or outside the vocabulary",
    doc: include_str!("../../rules/taxonomy-spelling.md"),
    options: &[
        OptionMeta {
            name: "vocabulary",
            default: "{}",
            help: "Allowed terms by taxonomy, e.g. { categories = [\"News\", \"Guides\"] }: other terms are reported",
        },
        OptionMeta {
            name: "synonyms",
            default: "{}",
            help: "Terms to write differently, variant = \"canonical\", e.g. { golang = \"Go\" }",
        },
        OptionMeta {
            name: "near-misses",
            default: "true",
            help: "Report a rare term one typo away from a much more used one",
        },
    ],
    build,
};

fn build(opts: &Options) -> Result<Box<dyn Rule>, OptionError> {
    let vocabulary = opts.table("vocabulary", "a table of term lists by taxonomy", |v| {
        v.as_array()?
            .iter()
            .map(|t| t.as_str().map(str::to_string))
            .collect()
    })?;
    let synonyms = opts.table(
        "synonyms",
        "a table of terms, variant = \"canonical\"",
        |v| v.as_str().map(str::to_string),
    )?;
    Ok(Box::new(TaxonomySpelling {
        vocabulary,
        synonyms: synonyms
            .into_iter()
            .map(|(variant, canonical)| (squash(&variant).key(), canonical))
            .collect(),
        near_misses: opts.bool("near-misses", true)?,
    }))
}

struct TaxonomySpelling {
    /// Allowed terms, by taxonomy plural.
    vocabulary: BTreeMap<String, Vec<String>>,
    /// The spelling to write, by variant (squashed: see [`squash`]).
    synonyms: HashMap<String, String>,
    near_misses: bool,
}

/// One term written on one page.
struct Use<'a> {
    page: usize,
    term: &'a str,
    span: Range<usize>,
    /// The term's scalar.
    node: &'a Node,
    /// The list it is an item of, and its index there; `None` for a term
    /// written as a single string.
    list: Option<(&'a Node, usize)>,
    /// A word of a space-separated string (Jekyll): its own span, no fix.
    word: bool,
}

/// The words of a string and their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace)
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// What is wrong with one use of a term.
#[derive(Debug, Clone, PartialEq)]
enum Finding {
    /// Listed in `synonyms`: write this instead.
    Synonym(String),
    /// The term of an allowed one, spelled otherwise.
    VocabularySpelling(String),
    /// Not in the vocabulary; the nearest allowed term when one is close.
    NotAllowed(Option<String>),
    /// Another spelling of a more used term.
    Like(Kind, Compared),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Hugo merges it with a more used spelling.
    Merged,
    /// Hugo gives it its own page, but it has the letters of a more used term.
    Split,
    /// One typo away from a much more used term.
    NearMiss,
}

/// The spelling a use should follow.
#[derive(Debug, Clone, PartialEq)]
struct Compared {
    /// The first use of the canonical spelling (an index in the uses judged).
    example: usize,
    /// Pages using the canonical spelling and this use's one (for variants
    /// and near misses: the pages of their two Hugo terms).
    canonical_pages: usize,
    pages: usize,
}

/// Terms this long or shorter are only matched letter for letter; two
/// letters swapped need a longer term (`field` and `filed`, `trial` and
/// `trail`, `diary` and `dairy` are words).
const SHORT: usize = 5;
/// A letter added, left out or replaced counts as a typo only in terms at
/// least this long: shorter, it often makes another word (`stated` and
/// `started`, `pages` and `pagers`, `model` and `modal`).
const LONG: usize = 8;

impl Rule for TaxonomySpelling {
    /// The terms a post uses, as written, in every taxonomy.
    fn digest(&self, generator: &crate::site::Generator, post: &Post) -> Option<u64> {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        for (singular, plural) in generator.taxonomies() {
            for (key, split) in generator.term_keys(post, singular, plural) {
                (key, split).hash(&mut h);
                super::hash_written(&mut h, post, generator.term_field(post, key));
            }
        }
        Some(h.finish())
    }

    fn check_site(&self, site: &SiteIndex, cx: &Context, out: &mut Vec<Diagnostic>) {
        let mut order: Vec<usize> = (0..site.pages.len())
            .filter(|&i| site.pages[i].is_published())
            .collect();
        // In path order (as `Path` orders them: by components), each path
        // split once into one key.
        order.par_sort_by_cached_key(|&i| component_key(&site.pages[i].post.path));
        for (singular, plural) in cx.generator.taxonomies() {
            // Every use, by language, in path order (each page's read in
            // parallel).
            let per_page: Vec<Vec<Use>> = order
                .par_iter()
                .map(|&i| uses_in(site, i, singular, plural))
                .collect();
            let mut by_lang: BTreeMap<&str, Vec<Use>> = BTreeMap::new();
            for uses in per_page {
                if let Some(first) = uses.first() {
                    let lang = site.pages[first.page].lang.as_str();
                    by_lang.entry(lang).or_default().extend(uses);
                }
            }
            for (lang, uses) in &by_lang {
                let taxonomy = Taxonomy {
                    singular,
                    plural,
                    lang,
                };
                let found = self.findings(plural, uses, cx.generator.term_key());
                let targets: Vec<Option<Target>> = found
                    .iter()
                    .enumerate()
                    .map(|(u, f)| f.as_ref().and_then(|f| target(uses, u, f)))
                    .collect();
                for (u, finding) in found.into_iter().enumerate() {
                    let reported = cx.reports(&site.pages[uses[u].page].post.path);
                    if let (Some(f), true) = (finding, reported) {
                        let d = taxonomy.report(site, uses, u, f);
                        let page = site.pages[uses[u].page].post;
                        out.push(match fix(&page.source, uses, &targets, u) {
                            Some(fix) => d.with_fix(fix),
                            None => d,
                        });
                    }
                }
            }
        }
    }
}

/// A key whose byte order is the order of `Path`s by components: the
/// components joined by NUL (which sorts before any byte a component holds).
fn component_key(path: &std::path::Path) -> Vec<u8> {
    let mut key = Vec::with_capacity(path.as_os_str().len());
    for (n, c) in path.components().enumerate() {
        if n > 0 {
            key.push(0);
        }
        key.extend_from_slice(c.as_os_str().as_encoded_bytes());
    }
    key
}

/// The uses of a taxonomy's terms in page `i`.
fn uses_in<'a>(site: &'a SiteIndex, i: usize, singular: &str, plural: &str) -> Vec<Use<'a>> {
    let post = site.pages[i].post;
    let mut out = Vec::new();
    for (key, split) in site.generator.term_keys(post, singular, plural) {
        let Some(field) = site.generator.term_field(post, key) else {
            continue;
        };
        uses_of(post, i, field, split, &mut out);
    }
    out
}

/// The uses of one front matter value of terms: a list, or one string
/// (`split`: a term for each word).
fn uses_of<'a>(post: &'a Post, i: usize, field: &'a Node, split: bool, out: &mut Vec<Use<'a>>) {
    if let (Value::String(text), true) = (&field.value, split) {
        // The words' spans when the value is written as it reads (plain,
        // or quoted without escapes); else the value's, and no fix.
        let written = post.source.get(field.span.clone()).unwrap_or_default();
        let offset = written.find(text.as_str()).filter(|_| !text.is_empty());
        out.extend(words(text).map(|(at, term)| Use {
            page: i,
            term,
            span: match offset {
                Some(o) => field.span.start + o + at..field.span.start + o + at + term.len(),
                None => field.span.clone(),
            },
            node: field,
            list: None,
            word: true,
        }));
        return;
    }
    let is_list = matches!(field.value, Value::Array(_));
    let items = field.string_list().unwrap_or_default();
    out.extend(
        items
            .into_iter()
            .enumerate()
            .filter(|(_, (term, _))| !term.trim().is_empty())
            .map(|(index, (term, node))| Use {
                page: i,
                term,
                span: node.span.clone(),
                node,
                list: is_list.then_some((field, index)),
                word: false,
            }),
    );
}

impl TaxonomySpelling {
    /// What is wrong with each use of one taxonomy in one language.
    fn findings(
        &self,
        plural: &str,
        uses: &[Use],
        term_key: fn(&str) -> String,
    ) -> Vec<Option<Finding>> {
        let allowed = self.vocabulary.get(plural);
        let mut found: Vec<Option<Finding>> = uses
            .iter()
            .map(|u| {
                Some(&self.synonyms)
                    .filter(|s| !s.is_empty())
                    .and_then(|s| s.get(&squash(u.term).key()))
                    .filter(|canonical| *canonical != u.term)
                    .map(|canonical| Finding::Synonym(canonical.clone()))
                    .or_else(|| allowed.and_then(|a| vocabulary_finding(u.term, a, term_key)))
            })
            .collect();
        if allowed.is_none() {
            let rest: Vec<usize> = (0..uses.len()).filter(|&u| found[u].is_none()).collect();
            let terms: Vec<(usize, &str)> =
                rest.iter().map(|&u| (uses[u].page, uses[u].term)).collect();
            for (k, f) in judge(&terms, self.near_misses, term_key)
                .into_iter()
                .enumerate()
            {
                found[rest[k]] = f.map(|(kind, c)| {
                    let example = rest[c.example];
                    Finding::Like(kind, Compared { example, ..c })
                });
            }
        }
        found
    }
}

/// A term outside the vocabulary `allowed`, or spelled otherwise.
fn vocabulary_finding(
    term: &str,
    allowed: &[String],
    term_key: fn(&str) -> String,
) -> Option<Finding> {
    if allowed.iter().any(|a| a == term) {
        return None;
    }
    let url = term_key(term);
    if let Some(a) = allowed.iter().find(|a| term_key(a) == url) {
        return Some(Finding::VocabularySpelling(a.clone()));
    }
    let key = squash(term).key();
    let nearest = allowed
        .iter()
        .map(|a| (edit_distance(&squash(a).key(), &key), a))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= (key.chars().count() / 3).max(1))
        .map(|(_, a)| a.clone());
    Some(Finding::NotAllowed(nearest))
}

/// Judge `uses` (page, term), in path order. Spellings group into Hugo
/// terms (same `urlize`), Hugo terms into concepts (same letters once case,
/// spaces, hyphens and underscores are dropped); the most used member of a
/// group is its canonical one, the first seen on a tie.
fn judge(
    uses: &[(usize, &str)],
    near_misses: bool,
    term_key: fn(&str) -> String,
) -> Vec<Option<(Kind, Compared)>> {
    let (spellings, spelling_of) = group(uses.len(), |u| uses[u].1);
    let first_use = |s: usize| spellings[s][0];
    let (terms, term_of) = group(spellings.len(), |s| term_key(uses[first_use(s)].1));
    let squashed: Vec<Squashed> = terms
        .iter()
        .map(|t| squash(uses[first_use(t[0])].1))
        .collect();
    let (concepts, concept_of) = group(terms.len(), |t| squashed[t].key());

    let spelling = |u: usize| spelling_of[u];
    let term = |u: usize| term_of[spelling(u)];
    let concept = |u: usize| concept_of[term(u)];
    let n_spelling = page_counts(uses, spelling, spellings.len());
    let n_term = page_counts(uses, term, terms.len());
    let n_concept = page_counts(uses, concept, concepts.len());
    let main_spelling: Vec<usize> = terms.iter().map(|t| most_used(t, &n_spelling)).collect();
    let main_term: Vec<usize> = concepts.iter().map(|c| most_used(c, &n_term)).collect();
    let near: Vec<Option<usize>> = (0..concepts.len())
        .map(|v| {
            let sv = &squashed[concepts[v][0]];
            (0..concepts.len())
                .filter(|&c| near_misses && dominates(n_concept[c], n_concept[v]))
                .filter(|&c| near_miss(sv, &squashed[concepts[c][0]]))
                .min_by_key(|&c| (Reverse(n_concept[c]), c))
        })
        .collect();

    let example_of_term = |t: usize| first_use(main_spelling[t]);
    (0..uses.len())
        .map(|u| {
            let (s, t, c) = (spelling(u), term(u), concept(u));
            if let Some(k) = near[c] {
                let main = main_term[k];
                Some((
                    Kind::NearMiss,
                    Compared {
                        example: example_of_term(main),
                        canonical_pages: n_term[main],
                        pages: n_term[t],
                    },
                ))
            } else if main_term[c] != t {
                let main = main_term[c];
                Some((
                    Kind::Split,
                    Compared {
                        example: example_of_term(main),
                        canonical_pages: n_term[main],
                        pages: n_term[t],
                    },
                ))
            } else if main_spelling[t] != s {
                let main = main_spelling[t];
                Some((
                    Kind::Merged,
                    Compared {
                        example: first_use(main),
                        canonical_pages: n_spelling[main],
                        pages: n_spelling[s],
                    },
                ))
            } else {
                None
            }
        })
        .collect()
}

/// Group the items `0..n` by `key`: the groups (members in order, groups in
/// the order first seen) and the group of each item.
fn group<K: std::hash::Hash + Eq>(
    n: usize,
    key: impl Fn(usize) -> K,
) -> (Vec<Vec<usize>>, Vec<usize>) {
    // Fx hashing: the keys are the site's own terms and page numbers, and
    // SipHash was most of this rule's time at 10,000 pages.
    let mut index: rustc_hash::FxHashMap<K, usize> = Default::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut of = Vec::with_capacity(n);
    for i in 0..n {
        let g = *index.entry(key(i)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
        of.push(g);
    }
    (groups, of)
}

/// How many distinct pages use each of `n` groups.
fn page_counts(uses: &[(usize, &str)], group_of: impl Fn(usize) -> usize, n: usize) -> Vec<usize> {
    let mut seen = rustc_hash::FxHashSet::default();
    let mut counts = vec![0; n];
    for (u, (page, _)) in uses.iter().enumerate() {
        let g = group_of(u);
        if seen.insert((g, *page)) {
            counts[g] += 1;
        }
    }
    counts
}

/// The member on the most pages; the first on a tie.
fn most_used(members: &[usize], counts: &[usize]) -> usize {
    members
        .iter()
        .copied()
        .min_by_key(|&m| (Reverse(counts[m]), m))
        .unwrap_or_default()
}

/// Whether a term on `more` pages is clearly the established one next to a
/// term on `fewer`: three times as many uses, and at least two more.
fn dominates(more: usize, fewer: usize) -> bool {
    more >= 3 * fewer && more >= fewer + 2
}

/// A term reduced to what names the concept: lower-case, without the
/// spaces, hyphens and underscores between words (kept between two digits:
/// `1-2` is not `12`). `edge[i]`: character `i` starts or ends a word
/// (words also start at a capital after a small letter: `BackEnd`).
#[derive(Debug, Clone, PartialEq)]
struct Squashed {
    chars: Vec<char>,
    edge: Vec<bool>,
}

impl Squashed {
    fn key(&self) -> String {
        self.chars.iter().collect()
    }

    fn end_word(&mut self) {
        if let Some(e) = self.edge.last_mut() {
            *e = true;
        }
    }
}

fn squash(term: &str) -> Squashed {
    let mut out = Squashed {
        chars: Vec::new(),
        edge: Vec::new(),
    };
    let mut gap = false;
    let mut prev: Option<char> = None;
    for c in term.trim().chars() {
        if c.is_whitespace() || c == '-' || c == '_' {
            gap = true;
            continue;
        }
        let camel = c.is_uppercase() && prev.is_some_and(char::is_lowercase);
        let start = out.chars.is_empty() || gap || camel;
        if start {
            out.end_word();
        }
        if gap && c.is_ascii_digit() && out.chars.last().is_some_and(char::is_ascii_digit) {
            out.chars.push('-');
            out.edge.push(true);
        }
        for (k, l) in c.to_lowercase().enumerate() {
            out.chars.push(l);
            out.edge.push(start && k == 0);
        }
        gap = false;
        prev = Some(c);
    }
    out.end_word();
    out
}

/// Whether two concepts differ by one typo inside a word: two neighbours
/// swapped, or, in terms of [`LONG`] letters or more, a letter left out or
/// doubled, or a vowel written for another (`seperate`, `optimisation`).
/// Never for short terms (`rust`/`ruby`), numbers (`python2`/`python3`), or
/// at the start or end of a word, where real words differ
/// (`logging`/`blogging`, `event`/`events`, `spring`/`sprint`).
fn near_miss(a: &Squashed, b: &Squashed) -> bool {
    let (short, long) = if a.chars.len() <= b.chars.len() {
        (a, b)
    } else {
        (b, a)
    };
    let (s, l) = (&short.chars, &long.chars);
    if s.len() <= SHORT || l.len() - s.len() > 1 {
        return false;
    }
    let digit = |c: &&char| c.is_ascii_digit();
    if !s.iter().filter(digit).eq(l.iter().filter(digit)) {
        return false;
    }
    let Some(i) = s.iter().zip(l).position(|(x, y)| x != y) else {
        // Equal, or a letter added at the end: a different word.
        return false;
    };
    let inside = |k: usize| !short.edge[k] && !long.edge[k];
    if l.len() > s.len() {
        s.len() >= LONG && s[i..] == l[i + 1..] && !long.edge[i]
    } else if i + 1 < s.len() && s[i] == l[i + 1] && s[i + 1] == l[i] && s[i + 2..] == l[i + 2..] {
        inside(i) && inside(i + 1)
    } else {
        s.len() >= LONG && s[i + 1..] == l[i + 1..] && inside(i) && confusable(s[i], l[i])
    }
}

/// Letters a misspelling writes for each other: vowels, and `s`/`z`
/// (`injection` and `insection` are different words).
fn confusable(a: char, b: char) -> bool {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    (vowel(a) && vowel(b)) || matches!((a, b), ('s', 'z') | ('z', 's'))
}

/// The spelling a finding asks for, and whether writing it keeps the
/// meaning.
#[derive(Debug, Clone, PartialEq)]
struct Target {
    canonical: String,
    applicability: Applicability,
}

/// What to write instead of use `u`'s term: the canonical spelling; safe
/// when it has the same letters (case, spaces, hyphens and underscores
/// aside), unsafe for a near miss or another word. `None` when the rule has
/// nothing to suggest.
fn target(uses: &[Use], u: usize, finding: &Finding) -> Option<Target> {
    let (canonical, near_miss) = match finding {
        Finding::Synonym(c) | Finding::VocabularySpelling(c) | Finding::NotAllowed(Some(c)) => {
            (c.as_str(), false)
        }
        Finding::NotAllowed(None) => return None,
        Finding::Like(kind, c) => (uses[c.example].term, *kind == Kind::NearMiss),
    };
    let same_letters = squash(uses[u].term).key() == squash(canonical).key();
    Some(Target {
        canonical: canonical.to_string(),
        applicability: if same_letters && !near_miss {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        },
    })
}

/// The fix of use `u`: its term rewritten as the canonical spelling, in its
/// quoting style; or, when its list already has that spelling (or an
/// earlier item is rewritten to it), the item removed, so that the list
/// does not name the term twice.
fn fix(source: &str, uses: &[Use], targets: &[Option<Target>], u: usize) -> Option<Fix> {
    let this = &uses[u];
    if this.word {
        return None;
    }
    let Target {
        canonical,
        applicability,
    } = targets[u].as_ref()?;
    if let Some((list, index)) = this.list {
        // The other items of the list: the uses of this taxonomy on this page.
        let others = (0..uses.len()).filter_map(|v| match uses[v].list {
            Some((l, k)) if v != u && uses[v].page == this.page && std::ptr::eq(l, list) => {
                Some((v, k))
            }
            _ => None,
        });
        let repeated = others.into_iter().any(|(v, k)| {
            match &targets[v] {
                // An item written as the canonical spelling already.
                None => uses[v].term == canonical,
                // An earlier item rewritten to it, by a fix applied at
                // least whenever this one is.
                Some(t) => {
                    k < index && t.canonical == *canonical && t.applicability >= *applicability
                }
            }
        });
        if repeated {
            let edit = edit::remove_list_item(source, list, index)?;
            // Around the item, the edit may take a comment of a list written
            // over several lines: then leave it to the writer.
            let item = &this.node.span;
            let before = source.get(edit.range.start..item.start.max(edit.range.start))?;
            let after = source.get(item.end.min(edit.range.end)..edit.range.end)?;
            if before.contains('#') || after.contains('#') {
                return None;
            }
            return Some(Fix {
                applicability: *applicability,
                message: format!("remove `{}`: the list has `{canonical}`", this.term),
                edits: vec![edit],
            });
        }
    }
    if this.node.quote == Quote::None && !reads_as_string(canonical) {
        return None;
    }
    let edit = edit::replace_scalar(source, this.node, canonical)?;
    Some(Fix {
        applicability: *applicability,
        message: format!("write `{canonical}`"),
        edits: vec![edit],
    })
}

/// Whether a plain (unquoted) YAML scalar reads back as this string, not as
/// a number, a boolean, null or a date (in YAML 1.1 or 1.2).
fn reads_as_string(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let number = lower.replace('_', "").parse::<f64>().is_ok()
        || ["0x", "0o", "0b", ".inf", "-.inf", "+.inf", ".nan"]
            .iter()
            .any(|p| lower.starts_with(p))
        || lower
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b':' || b == b'.');
    let b = lower.as_bytes();
    let date = b.len() >= 8 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-';
    let word = matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~"
    );
    !s.is_empty() && !number && !date && !word
}

/// A taxonomy in one language, to word the reports.
struct Taxonomy<'a> {
    singular: &'a str,
    plural: &'a str,
    lang: &'a str,
}

impl Taxonomy<'_> {
    fn url(&self, site: &SiteIndex, term: &str) -> String {
        site.generator.term_url(self.plural, term, self.lang)
    }

    fn report(&self, site: &SiteIndex, uses: &[Use], u: usize, finding: Finding) -> Diagnostic {
        let (singular, plural) = (self.singular, self.plural);
        let this = &uses[u];
        let term = this.term;
        let page = site.pages[this.page].post;
        let d = |message: String, label: String, help: String| {
            Diagnostic::new(META.name, Severity::Warning, this.span.clone(), message)
                .with_label(label)
                .with_help(help)
                .in_file(page.path.clone())
        };
        let (kind, compared) = match finding {
            Finding::Synonym(canonical) => {
                return d(
                    format!("the {singular} `{term}` is a synonym of `{canonical}`"),
                    format!("write `{canonical}`"),
                    format!(
                        "write `{canonical}`: the option `synonyms` of this rule maps `{term}` to it"
                    ),
                );
            }
            Finding::VocabularySpelling(canonical) => {
                return d(
                    format!("the {singular} `{term}` is spelled `{canonical}` in the vocabulary"),
                    format!("write `{canonical}`"),
                    format!(
                        "write `{canonical}`, as the `{plural}` list of the option `vocabulary` does; {} merges both spellings into {} and titles it with whichever it meets first",
                        site.generator.name(),
                        self.url(site, &canonical)
                    ),
                );
            }
            Finding::NotAllowed(Some(nearest)) => {
                return d(
                    format!("the {singular} `{term}` is not in the vocabulary"),
                    format!("did you mean `{nearest}`?"),
                    format!(
                        "write `{nearest}`, the nearest allowed {singular}, or add `{term}` to the `{plural}` list of the option `vocabulary`"
                    ),
                );
            }
            Finding::NotAllowed(None) => {
                return d(
                    format!("the {singular} `{term}` is not in the vocabulary"),
                    format!("not an allowed {singular}"),
                    format!(
                        "use one of the {plural} listed in the option `vocabulary`, or add `{term}` to that list"
                    ),
                );
            }
            Finding::Like(kind, c) => (kind, c),
        };
        let example = &uses[compared.example];
        let canonical = example.term;
        let relation = match kind {
            Kind::Merged => "is also spelled",
            Kind::Split => "is a variant of",
            Kind::NearMiss => "looks like a misspelling of",
        };
        let message = format!("the {singular} `{term}` {relation} `{canonical}`");
        let help = match kind {
            Kind::Merged => format!(
                "write `{canonical}`: {}, {}; {} merges them into {} and titles that page with whichever spelling it meets first, which can change from one build to the next",
                pages_use(compared.canonical_pages, canonical),
                pages_use(compared.pages, term),
                site.generator.name(),
                self.url(site, term)
            ),
            Kind::Split | Kind::NearMiss if site.generator.splits_term_strings() => format!(
                "write `{canonical}`: Jekyll keeps them as two {plural} as written (`site.{plural}` lists them apart): {} and {}",
                pages_use(compared.canonical_pages, canonical),
                pages_use(compared.pages, term),
            ),
            Kind::Split | Kind::NearMiss => format!(
                "write `{canonical}`: {} makes two pages, {} listing {} and {} listing {}",
                site.generator.name(),
                self.url(site, canonical),
                pages(compared.canonical_pages),
                self.url(site, term),
                pages(compared.pages)
            ),
        };
        let other = (example.page != this.page).then(|| site.pages[example.page].post.path.clone());
        d(message, format!("write `{canonical}`"), help).with_secondary(
            other,
            example.span.clone(),
            format!("`{canonical}` here"),
        )
    }
}

fn pages(n: usize) -> String {
    if n == 1 {
        "1 page".to_string()
    } else {
        format!("{n} pages")
    }
}

fn pages_use(n: usize, term: &str) -> String {
    if n == 1 {
        format!("1 page uses `{term}`")
    } else {
        format!("{n} pages use `{term}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hugo::urls;

    #[test]
    fn component_keys_order_paths_as_path_does() {
        let paths = [
            "content/a/b.md",
            "content/a-b/c.md",
            "content/a.md",
            "content/a/b/c.md",
            "content/ab.md",
            "content/a b/c.md",
            "content//a/z.md",
            "content/_index.md",
        ];
        let mut by_path: Vec<&std::path::Path> = paths.iter().map(std::path::Path::new).collect();
        let mut by_key = by_path.clone();
        by_path.sort();
        by_key.sort_by_key(|p| component_key(p));
        assert_eq!(by_path, by_key);
    }

    fn near(a: &str, b: &str) -> bool {
        near_miss(&squash(a), &squash(b))
    }

    #[test]
    fn typos_inside_a_word_are_near_misses() {
        for (a, b) in [
            ("distributed-sytems", "distributed-systems"),
            ("kuberentes", "kubernetes"),
            ("kubernets", "kubernetes"),
            ("programing", "programming"),
            ("javascirpt", "javascript"),
            ("pyhton3", "python3"),
            ("optimisation", "optimization"),
            ("seperate-chaining", "separate-chaining"),
            ("calender", "calendar"),
            ("Machine Lerning", "machine-learning"),
        ] {
            assert!(near(a, b), "{a} / {b}");
            assert!(near(b, a), "{b} / {a}");
        }
    }

    #[test]
    fn distinct_terms_are_not_near_misses() {
        for (a, b) in [
            // short terms: letter for letter only
            ("rust", "ruby"),
            ("go", "goa"),
            ("css", "scss"),
            ("api", "apis"),
            ("java", "javascript"),
            ("form", "from"),
            ("rest", "reset"),
            // short insertions make other words
            ("stated", "started"),
            ("pages", "pagers"),
            ("fiction", "friction"),
            // short swaps too
            ("field", "filed"),
            ("trial", "trail"),
            ("diary", "dairy"),
            // consonants replaced: other words
            ("injection", "insection"),
            // numbers
            ("python2", "python3"),
            ("es5", "es6"),
            ("html5", "html"),
            ("ipv4", "ipv6"),
            ("ipv4-routing", "ipv6-routing"),
            ("python27-tools", "python37-tools"),
            // word edges: plurals, first letters, endings
            ("event", "events"),
            ("container", "containers"),
            ("design-pattern-book", "design-patterns-book"),
            ("logging", "blogging"),
            ("testing", "nesting"),
            ("spring", "sprint"),
            ("linux", "linus"),
            ("docker", "dockerd"),
            ("angel", "angle"),
            // short substitutions are real words
            ("model", "modal"),
            ("parsing", "passing"),
            ("tokio", "tokyo"),
            ("string", "strong"),
            // two edits
            ("redis", "redux"),
            ("typescript", "javascript"),
            // the same concept is not a near miss of itself
            ("back-end", "Backend"),
        ] {
            assert!(!near(a, b), "{a} / {b}");
            assert!(!near(b, a), "{b} / {a}");
        }
    }

    #[test]
    fn squashing_keeps_letters_digits_and_numbers_apart() {
        assert_eq!(squash("Back End").key(), "backend");
        assert_eq!(squash("back_end").key(), squash("BackEnd").key());
        assert_eq!(squash(" Go ").key(), "go");
        assert_eq!(squash("v1-2").key(), "v1-2");
        assert_eq!(squash("v1 2").key(), squash("v1_2").key());
        assert_ne!(squash("v1-2").key(), squash("v12").key());
        assert_eq!(squash("python-3").key(), "python3");
        assert_eq!(squash("").key(), "");
        // Word edges: `BackEnd` has two words.
        assert_eq!(squash("BackEnd").edge, squash("back-end").edge);
        assert_eq!(squash("x").edge, vec![true]);
    }

    /// `judge` on terms given as (page, term), with the kind of each finding
    /// and the term it points to.
    fn verdicts(uses: &[(usize, &str)]) -> Vec<Option<(&'static str, String, usize, usize)>> {
        judge(uses, true, urls::urlize)
            .into_iter()
            .map(|f| {
                f.map(|(kind, c)| {
                    let kind = match kind {
                        Kind::Merged => "merged",
                        Kind::Split => "split",
                        Kind::NearMiss => "near",
                    };
                    (
                        kind,
                        uses[c.example].1.to_string(),
                        c.canonical_pages,
                        c.pages,
                    )
                })
            })
            .collect()
    }

    /// What the rule takes from `urlize`, checked with Hugo 0.168.0: `Back
    /// End`, `back-end` and `BACK-END` are one term page, /tags/back-end/,
    /// `Backend` another; `C++` is /tags/c++/, `café` and `Café`
    /// /tags/café/. Hugo titles a merged page with whichever spelling it
    /// meets first, which changed between two builds of the same site.
    #[test]
    fn hugo_merges_what_urlize_makes_equal() {
        assert_eq!(urls::urlize("Back End"), "back-end");
        assert_eq!(urls::urlize("BACK-END"), "back-end");
        assert_ne!(urls::urlize("Backend"), urls::urlize("back-end"));
        assert_eq!(urls::urlize("C++"), "c++");
        assert_eq!(urls::urlize("café"), "café");
        assert_eq!(urls::urlize("Café"), "café");
    }

    #[test]
    fn the_most_used_spelling_wins_then_the_first() {
        let v = verdicts(&[(0, "go"), (1, "Go"), (2, "Go"), (3, "GO")]);
        assert_eq!(v[0], Some(("merged", "Go".into(), 2, 1)));
        assert_eq!(v[1], None);
        assert_eq!(v[2], None);
        assert_eq!(v[3], Some(("merged", "Go".into(), 2, 1)));
        // A tie: the first seen in path order.
        let v = verdicts(&[(0, "Back End"), (1, "back-end")]);
        assert_eq!(v, vec![None, Some(("merged", "Back End".into(), 1, 1))]);
    }

    #[test]
    fn a_page_counts_once() {
        let v = verdicts(&[(0, "go"), (0, "go"), (0, "go"), (1, "Go"), (2, "Go")]);
        assert_eq!(v[0], Some(("merged", "Go".into(), 2, 1)));
    }

    #[test]
    fn variants_split_by_hugo_point_at_the_most_used_term() {
        let v = verdicts(&[
            (0, "Backend"),
            (1, "back-end"),
            (2, "back-end"),
            (3, "backend"),
            (4, "Back End"),
        ]);
        // `back-end` and `Back End` are one Hugo term (3 pages), `Backend`
        // and `backend` another (2 pages).
        assert_eq!(v[0], Some(("split", "back-end".into(), 3, 2)));
        assert_eq!(v[1], None);
        assert_eq!(v[3], Some(("split", "back-end".into(), 3, 2)));
        assert_eq!(v[4], Some(("merged", "back-end".into(), 2, 1)));
    }

    #[test]
    fn near_misses_need_a_clearly_more_used_term() {
        let mut uses: Vec<(usize, &str)> = (0..3).map(|p| (p, "distributed-systems")).collect();
        uses.push((9, "distributed-sytems"));
        assert_eq!(
            verdicts(&uses)[3],
            Some(("near", "distributed-systems".into(), 3, 1))
        );
        // Two established terms that look alike stay silent.
        let mut uses: Vec<(usize, &str)> = (0..10).map(|p| (p, "kubernetes")).collect();
        uses.extend((10..18).map(|p| (p, "kubernets")));
        assert!(verdicts(&uses).iter().all(Option::is_none));
        // One use against two is not enough either.
        let uses = [(0, "programming"), (1, "programming"), (2, "programing")];
        assert!(verdicts(&uses).iter().all(Option::is_none));
    }

    #[test]
    fn distinct_established_terms_stay_silent() {
        let mut uses: Vec<(usize, &str)> = (0..10).map(|p| (p, "rust")).collect();
        uses.extend((10..18).map(|p| (p, "ruby")));
        uses.extend((20..30).map(|p| (p, "python3")));
        uses.push((31, "python2"));
        uses.extend((40..50).map(|p| (p, "css")));
        uses.push((51, "scss"));
        uses.extend((60..70).map(|p| (p, "java")));
        uses.push((71, "javascript"));
        uses.extend((80..90).map(|p| (p, "blogging")));
        uses.push((91, "logging"));
        uses.extend((100..110).map(|p| (p, "api")));
        uses.push((111, "apis"));
        assert!(verdicts(&uses).iter().all(Option::is_none));
    }

    #[test]
    fn vocabulary_suggests_the_nearest_allowed_term() {
        let allowed: Vec<String> = ["Go", "Rust", "Back End", "Releases"]
            .map(String::from)
            .to_vec();
        assert_eq!(vocabulary_finding("Go", &allowed, urls::urlize), None);
        assert_eq!(
            vocabulary_finding("go", &allowed, urls::urlize),
            Some(Finding::VocabularySpelling("Go".into()))
        );
        assert_eq!(
            vocabulary_finding("backend", &allowed, urls::urlize),
            Some(Finding::NotAllowed(Some("Back End".into())))
        );
        assert_eq!(
            vocabulary_finding("Relases", &allowed, urls::urlize),
            Some(Finding::NotAllowed(Some("Releases".into())))
        );
        assert_eq!(
            vocabulary_finding("Kubernetes", &allowed, urls::urlize),
            Some(Finding::NotAllowed(None))
        );
    }

    /// Run the rule with `options` over posts given as (content path,
    /// source): each term reported, its fix's message and safety, and the
    /// post's front matter line once that fix is applied.
    fn fixes(options: &str, posts: &[(&str, &str)]) -> Vec<(String, String, bool, String)> {
        use crate::document::Post;
        use crate::hugo::config::HugoConfig;
        let hugo = HugoConfig::default_for(std::path::Path::new("/site"));
        let posts: Vec<Post> = posts
            .iter()
            .map(|(p, src)| Post::parse(p.into(), p.to_string(), src.to_string()))
            .collect();
        let refs: Vec<&Post> = posts.iter().collect();
        let hugo = crate::site::Generator::Hugo(hugo);
        let site = hugo.index(&refs, &[], &[], 0);
        let cx = Context::new(&hugo, 0);
        let mut out = Vec::new();
        build(&opts(options))
            .unwrap()
            .check_site(&site, &cx, &mut out);
        crate::sort(&mut out);
        out.into_iter()
            .map(|d| {
                let post = posts.iter().find(|p| p.path == d.path).unwrap();
                let term = post.source[d.span.clone()].to_string();
                let Some(f) = &d.fix else {
                    return (term, String::new(), false, String::new());
                };
                let fixed = crate::fix::apply(&post.source, &[f]).0;
                let line = fixed.lines().find(|l| l.contains('[')).unwrap_or("");
                (
                    term,
                    f.message.clone(),
                    f.applicability == Applicability::Safe,
                    line.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn fixes_rewrite_in_place_or_remove_a_repeat() {
        let post = |tags: &str| format!("---\ntitle: x\ntags: {tags}\n---\n");
        let posts = [
            ("a.md", post("[Go, Back End]")),
            ("b.md", post("[Go, back-end, distributed-systems]")),
            ("c.md", post("[Go, back-end, distributed-systems]")),
            ("d.md", post("[Go, distributed-systems]")),
            ("e.md", post("['go', Go, \"Backend\", distributed-sytems]")),
            ("f.md", post("[GO, go]")),
        ];
        let posts: Vec<(&str, &str)> = posts.iter().map(|(p, t)| (*p, t.as_str())).collect();
        let found = fixes("", &posts);
        let found: Vec<(&str, &str, bool, &str)> = found
            .iter()
            .map(|(t, m, s, l)| (t.as_str(), m.as_str(), *s, l.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("Back End", "write `back-end`", true, "tags: [Go, back-end]"),
                (
                    "'go'",
                    "remove `go`: the list has `Go`",
                    true,
                    "tags: [Go, \"Backend\", distributed-sytems]"
                ),
                (
                    "\"Backend\"",
                    "write `back-end`",
                    true,
                    "tags: ['go', Go, \"back-end\", distributed-sytems]"
                ),
                (
                    "distributed-sytems",
                    "write `distributed-systems`",
                    false,
                    "tags: ['go', Go, \"Backend\", distributed-systems]"
                ),
                // `GO` is rewritten, then `go` would repeat it.
                ("GO", "write `Go`", true, "tags: [Go, go]"),
                ("go", "remove `go`: the list has `Go`", true, "tags: [GO]"),
            ]
        );
    }

    #[test]
    fn fixes_from_the_options_are_safe_for_the_same_letters_only() {
        let posts = [(
            "a.md",
            "---\ntitle: x\ntags: [golang, back_end, Kubernetes]\ncategories: [news, Relases, Misc]\n---\n",
        )];
        let found = fixes(
            "synonyms = { golang = \"Go\", \"back end\" = \"back-end\", kubernetes = \"true\" }\nvocabulary = { categories = [\"News\", \"Releases\"] }",
            &posts,
        );
        let found: Vec<(&str, &str, bool)> = found
            .iter()
            .map(|(t, m, s, _)| (t.as_str(), m.as_str(), *s))
            .collect();
        assert_eq!(
            found,
            vec![
                ("golang", "write `Go`", false),
                ("back_end", "write `back-end`", true),
                // Plain `true` would be a boolean: no fix.
                ("Kubernetes", "", false),
                ("news", "write `News`", true),
                ("Relases", "write `Releases`", false),
                // Nothing near in the vocabulary.
                ("Misc", "", false),
            ]
        );
    }

    #[test]
    fn plain_yaml_that_reads_as_a_string() {
        for s in ["Go", "back-end", "3d-printing", "C++", "v1.2", "ipv6"] {
            assert!(reads_as_string(s), "{s}");
        }
        for s in [
            "true",
            "No",
            "null",
            "~",
            "2024",
            "1.5",
            "1_000",
            "0x1f",
            ".inf",
            "12:30",
            "2024-01-14",
            "",
        ] {
            assert!(!reads_as_string(s), "{s}");
        }
    }

    /// Run the rule with `options` over posts given as (content path, source).
    fn check(options: &str, posts: &[(&str, &str)]) -> Vec<(String, String, String)> {
        use crate::document::Post;
        use crate::hugo::config::HugoConfig;
        let hugo = HugoConfig::default_for(std::path::Path::new("/site"));
        let posts: Vec<Post> = posts
            .iter()
            .map(|(p, src)| {
                Post::parse(
                    format!("content/{p}").into(),
                    p.to_string(),
                    src.to_string(),
                )
            })
            .collect();
        let refs: Vec<&Post> = posts.iter().collect();
        let hugo = crate::site::Generator::Hugo(hugo);
        let site = hugo.index(&refs, &[], &[], 0);
        let cx = Context::new(&hugo, 0);
        let rule = build(&opts(options)).unwrap();
        let mut out = Vec::new();
        rule.check_site(&site, &cx, &mut out);
        crate::sort(&mut out);
        out.into_iter()
            .map(|d| {
                let path = d.path.display().to_string();
                let post = posts.iter().find(|p| p.path == d.path).unwrap();
                (path, post.source[d.span].to_string(), d.message)
            })
            .collect()
    }

    fn opts(src: &str) -> Options {
        let t: toml::Table = toml::from_str(src).unwrap();
        Options {
            values: t
                .into_iter()
                .map(|(k, v)| (k, toml::Spanned::new(0..0, v)))
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn synonyms_and_vocabulary_from_the_options() {
        let posts = [
            (
                "posts/a.md",
                "---\ntitle: A\ntags: [golang, Go]\ncategories: [news, Relases]\n---\n",
            ),
            (
                "posts/b.md",
                "---\ntitle: B\ntags: [Go-Lang]\ncategories: [Releases, Kubernetes]\n---\n",
            ),
        ];
        let found = check(
            "synonyms = { golang = \"Go\" }\nvocabulary = { categories = [\"News\", \"Releases\"] }",
            &posts,
        );
        let expect = [
            (
                "content/posts/a.md",
                "golang",
                "the tag `golang` is a synonym of `Go`",
            ),
            (
                "content/posts/a.md",
                "news",
                "the category `news` is spelled `News` in the vocabulary",
            ),
            (
                "content/posts/a.md",
                "Relases",
                "the category `Relases` is not in the vocabulary",
            ),
            (
                "content/posts/b.md",
                "Go-Lang",
                "the tag `Go-Lang` is a synonym of `Go`",
            ),
            (
                "content/posts/b.md",
                "Kubernetes",
                "the category `Kubernetes` is not in the vocabulary",
            ),
        ];
        let found: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|(p, t, m)| (p.as_str(), t.as_str(), m.as_str()))
            .collect();
        assert_eq!(found, expect);
        // Without options, the same site only has `Go-Lang`/`golang`.
        let found = check("", &posts);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn options_are_read_and_checked() {
        assert!(
            build(&opts(
                "vocabulary = { tags = [\"Go\"] }\nsynonyms = { golang = \"Go\" }"
            ))
            .is_ok()
        );
        assert!(build(&opts("vocabulary = { tags = \"Go\" }")).is_err());
        assert!(build(&opts("synonyms = { golang = [\"Go\"] }")).is_err());
        assert!(build(&opts("near-misses = 1")).is_err());
    }
}
