//! Zola 0.22.1 (placeholder: the zola-core branch brings the real module
//! list and documentation).

pub mod config;
pub mod heading_id;
pub mod links;
pub mod slug;
