"""Stories: reports grouped by real-world event, near-duplicates merged, and the digest of each story."""
