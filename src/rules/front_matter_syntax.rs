//! `front-matter-syntax`: a front matter block that is not closed or does not parse.

use super::{Context, OptionError, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Post;
use crate::site::generator::GeneratorKind;

pub static META: RuleMeta = RuleMeta {
    name: "front-matter-syntax",
    severity: Severity::Error,
    scope: Scope::Post,
    reads_bodies: false,
    summary: "Front matter that is not closed, or is not valid YAML, TOML or JSON",
    doc: include_str!("../../rules/front-matter-syntax.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(FrontMatterSyntax))
}

struct FrontMatterSyntax;

impl Rule for FrontMatterSyntax {
    fn check_post(&self, post: &Post, cx: &Context, out: &mut Vec<Diagnostic>) {
        let g = cx.generator;
        let name = g.name();
        // A block the generator does not read (Jekyll: `+++` TOML, JSON):
        // its syntax does not matter, that it is not read does.
        if (post.front_matter_error.is_some() || post.front_matter.is_some())
            && !g.reads_block_at(post)
        {
            let span = post
                .front_matter
                .as_ref()
                .map(|_| post.front_matter_anchor())
                .or_else(|| post.front_matter_error.as_ref().map(|e| e.span.clone()))
                .unwrap_or(0..0);
            let markdown = g.copies_unconverted(post);
            out.push(
                Diagnostic::new(
                    META.name,
                    Severity::Error,
                    span,
                    format!("{name} does not read this front matter: only YAML between `---` lines at the top of the file"),
                )
                .with_label("not front matter to Jekyll")
                .with_help(if markdown {
                    "write it as YAML between `---` lines; as it is, Jekyll copies the file unconverted, this block and all, and publishes no page"
                } else {
                    "write it as YAML between `---` lines; as it is, the block is text of the file"
                }),
            );
            return;
        }
        if let Some(e) = &post.front_matter_error {
            let fails = g.unparsed_front_matter_fails();
            out.push(
                Diagnostic::new(
                    META.name,
                    if fails {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    e.span.clone(),
                    e.message.clone(),
                )
                .with_label("here")
                .with_help(match (g.kind(), fails) {
                    (GeneratorKind::Hugo, _) => {
                        "Hugo stops the build on this file; the other checks of this file were skipped"
                    }
                    (GeneratorKind::Zola, _) => {
                        "Zola stops the build on this file; the other checks of this file were skipped"
                    }
                    (_, true) => {
                        "with `strict_front_matter: true`, Jekyll stops the build on this file; the other checks of this file were skipped"
                    }
                    (_, false) => {
                        "Jekyll drops this front matter and publishes the body without it (no title, layout or permalink); the other checks of this file were skipped"
                    }
                }),
            );
            return;
        }
        if let Some(why) = g.front_matter_refused(post) {
            out.push(
                Diagnostic::new(META.name, Severity::Error, post.front_matter_anchor(), why)
                    .with_label("here")
                    .with_help(format!("{name} stops the build on this file")),
            );
            return;
        }
        if g.copies_unconverted(post) {
            out.push(
                Diagnostic::new(
                    META.name,
                    Severity::Warning,
                    0..0,
                    format!("no front matter: {name} copies this Markdown file as it is, unconverted"),
                )
                .with_label("no `---` front matter here")
                .with_help("start the file with two `---` lines (empty front matter is enough) to publish it as a page, or list it in `exclude` in `_config.yml`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jekyll::config::JekyllConfig;

    /// What the rule says of a front matter that does not parse, on a
    /// Jekyll site with and without `strict_front_matter` (Jekyll 4.3.1:
    /// without, it logs the YAML error and publishes the body; with, the
    /// build fails).
    fn unparsed(strict: bool) -> Vec<Diagnostic> {
        let mut jk = JekyllConfig::load(std::path::Path::new("/nonexistent-bloglint-site"))
            .unwrap_or_else(|e| panic!("{e:?}"));
        jk.strict_front_matter = strict;
        let g = crate::site::Generator::Jekyll(jk);
        let post = Post::parse(
            "/nonexistent-bloglint-site/a.md".into(),
            "a.md".into(),
            "---\ntitle: [x\n---\nbody\n".into(),
        );
        let mut out = Vec::new();
        FrontMatterSyntax.check_post(&post, &Context::new(&g, 0), &mut out);
        out
    }

    #[test]
    fn strict_front_matter_makes_it_an_error() {
        let lax = unparsed(false);
        assert_eq!(lax.len(), 1);
        assert_eq!(lax[0].severity, Severity::Warning);
        let strict = unparsed(true);
        assert_eq!(strict.len(), 1);
        assert_eq!(strict[0].severity, Severity::Error);
        assert!(
            strict[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("strict_front_matter")),
            "{:?}",
            strict[0].help
        );
    }
}
