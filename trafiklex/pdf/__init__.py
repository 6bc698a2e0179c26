"""The printed editions: PDF handbooks (one per language, and a parallel one of the authoritative text
with each translation), Annex 1's screening form, and an obligation sheet per institution, built
from the same Markdown and data as the site
(pandoc writes Typst, the `typst` package compiles it). No MkDocs here: scripts/build_pdf.py runs it,
and scripts/build.py calls that after the site is built.

Where each PDF lives in the site, and the link to an institution's sheet
(`paths.sheet_link(institution, lang, root)`): trafiklex.core.print_paths.
"""
