"""Fetching: pages, feeds and sitemaps over HTTP into a WARC archive, politely; the stage before reading."""
