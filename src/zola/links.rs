//! stub
use super::config::ZolaConfig;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::site::index::SiteIndex;
pub fn check(_site: &SiteIndex, _zola: &ZolaConfig, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
