"""Writers: a story digest as Markdown, HTML and JSON, and the index of stories."""
