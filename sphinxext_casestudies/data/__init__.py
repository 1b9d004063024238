"""Pure data layer: load, validate and select case-study entries (no Sphinx import)."""
