"""Core logic for the metastatic breast cancer patient guide.

The package knows nothing about MkDocs except in `mkdocs_plugin`; everything else
(models, loading, checks, plain-language numbers, SVG pictures) is engine-neutral.
"""
