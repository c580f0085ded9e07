//! Jekyll: url (being written).
