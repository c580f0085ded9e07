//! Ports of Hugo behaviours bloglint must match: its configuration, its date
//! layouts, its heading ids.

pub mod config;
pub mod date;
pub mod heading_id;
