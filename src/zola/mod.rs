//! Zola (0.22.1) sites: its configuration, the files it reads, the URLs it
//! writes, its slugs, heading ids and links.

pub mod config;
pub mod content;
pub mod date_check;
pub mod heading_id;
pub mod index;
pub mod links;
pub mod slug;
pub mod template;
