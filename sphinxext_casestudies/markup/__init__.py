"""Rich text from data to docutils nodes: parsers, plain-text fast path, allow-list, sanitizing."""
