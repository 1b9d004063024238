"""The trust boundary for data: the links it may write, the files and SVG it may ship."""
