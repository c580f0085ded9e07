//! Jekyll: heading_id (being written).
