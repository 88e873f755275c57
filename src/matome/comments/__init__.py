"""Reader comments: threads, flags, viewpoints and the digest of what readers think."""
