"""The Sphinx side: configuration, directives, role, domain, transforms, story pages, assets."""
