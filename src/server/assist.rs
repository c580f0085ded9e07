//! Completion, hover and go to definition: what the site knows, from the
//! index of the last lint.

use lsp_types::{CompletionResponse, GotoDefinitionResponse, Hover, Position};

use super::text::Encoding;
use super::{Doc, SiteState};
use crate::site::index::SiteIndex;

/// What completion, hover and definition read, kept from the site index of
/// the last lint.
#[derive(Default)]
pub struct Knowledge {}

impl Knowledge {
    pub fn of(_index: &SiteIndex) -> Knowledge {
        Knowledge {}
    }
}

pub fn complete(
    _doc: &Doc,
    _site: Option<&SiteState>,
    _pos: Position,
    _encoding: Encoding,
) -> Option<CompletionResponse> {
    None
}

pub fn hover(
    _doc: &Doc,
    _site: Option<&SiteState>,
    _pos: Position,
    _encoding: Encoding,
) -> Option<Hover> {
    None
}

pub fn definition(
    _doc: &Doc,
    _site: Option<&SiteState>,
    _pos: Position,
    _encoding: Encoding,
) -> Option<GotoDefinitionResponse> {
    None
}
