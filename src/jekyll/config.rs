//! Jekyll: config (being written).
