//! Jekyll: date (being written).
