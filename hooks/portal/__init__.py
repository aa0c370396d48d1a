"""The portal's content core: pure Python, no MkDocs.

It reads the repository's content (hand-written pages, key figures, and later
structures, magazine articles and #UpConf conferences), validates it into plain
frozen objects, and derives what the site needs (translations, URLs, page
context, robots.txt). The MkDocs adapter (``portal_mkdocs``) is the only code
that converts these objects to and from MkDocs objects.
"""
