//! `image-alt`: images published without alternative text.

use super::{Context, OptionError, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Post;
use crate::document::markdown::{Image, ImageForm};

pub static META: RuleMeta = RuleMeta {
    name: "image-alt",
    severity: Severity::Warning,
    scope: Scope::Post,
    reads_bodies: false,
    summary: "An image without alternative text: screen readers cannot say what it shows",
    doc: include_str!("../../rules/image-alt.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(ImageAlt))
}

struct ImageAlt;

const HELP: &str = "say what the image shows and what it adds to the text around it, \
                    in a sentence or less (not its file name)";

impl Rule for ImageAlt {
    fn check_post(&self, post: &Post, cx: &Context, out: &mut Vec<Diagnostic>) {
        if post.outline.images.is_empty() {
            return;
        }
        // Snippets never rendered as pages, redirect pages and Markdown
        // Jekyll copies unconverted show no images.
        if !cx.is_rendered(post)
            || cx.generator.redirects_away(post)
            || cx.generator.copies_unconverted(post)
        {
            return;
        }
        let keeps_html = cx.generator.keeps_raw_html();
        let attributes = cx.generator.reads_span_attributes();
        let mut builtin_figure = None;
        let not_markup = cx.generator.not_markup(post);
        for image in &post.outline.images {
            if not_markup.iter().any(|r| r.contains(&image.span.start)) {
                continue;
            }
            if image.in_raw_html && !keeps_html {
                continue;
            }
            if image.form == ImageForm::Markdown && image.labelled && attributes {
                continue;
            }
            if image.form == ImageForm::Figure
                && !*builtin_figure.get_or_insert_with(|| cx.generator.builtin_figure())
            {
                continue;
            }
            if let Some(d) = finding(image) {
                out.push(d);
            }
        }
    }
}

fn finding(image: &Image) -> Option<Diagnostic> {
    let (message, label, help) = match image.form {
        ImageForm::Markdown => {
            let alt = image.alt.as_deref().unwrap_or_default();
            if !alt.trim().is_empty() {
                return None;
            }
            let (message, label) = if alt.is_empty() {
                (
                    "the image has no alternative text",
                    "nothing between `![` and `]`",
                )
            } else {
                (
                    "the image's alternative text is only blanks",
                    "only blanks between `![` and `]`",
                )
            };
            (
                message,
                label,
                format!("write between `![` and `]`: {HELP}"),
            )
        }
        ImageForm::Html => {
            // `alt=""` (or a bare `alt`) marks a decorative image.
            if image.alt.is_some() || image.labelled {
                return None;
            }
            (
                "the `<img>` has no `alt` attribute",
                "no `alt`",
                format!("add `alt=\"…\"`: {HELP}; `alt=\"\"` if it is only decorative"),
            )
        }
        ImageForm::Figure => {
            if image.alt.is_some() {
                return None;
            }
            (
                "the figure has no `alt` or `caption` text: Hugo writes its `<img>` without `alt`",
                "no `alt`",
                format!("add `alt=\"…\"`: {HELP}"),
            )
        }
    };
    Some(
        Diagnostic::new(META.name, Severity::Warning, image.span.clone(), message)
            .with_label(label)
            .with_help(help),
    )
}
