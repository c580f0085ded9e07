//! Ports of Jekyll behaviours bloglint must match (Jekyll 4.3.1 with
//! kramdown 2.4.0, as Debian 12 packages them): its configuration, its
//! URLs and permalinks, its dates, its heading ids.

pub mod config;
pub mod content;
pub mod date;
pub mod date_check;
pub mod heading_id;
pub mod index;
pub mod layout;
pub mod links;
pub mod url;
