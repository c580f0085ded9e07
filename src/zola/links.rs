//! `broken-link` on Zola sites (a stub: the real module comes from the
//! zola-text branch).

use super::config::ZolaConfig;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::site::index::SiteIndex;

/// Check the links of every page (stub: nothing).
pub fn check(_site: &SiteIndex, _zola: &ZolaConfig, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
