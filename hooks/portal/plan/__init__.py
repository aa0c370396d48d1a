"""The whole site planned, page by page, for every language: what the host builds.

``build`` plans the site once (content loaded, pages decided, translations paired), ``plans``
decides every generated page (its path, Markdown and view), ``claims`` gives every written file one
claimant, ``views`` prepares what each page's template is handed (switcher, alternates, home,
footer, social card), with ``subscribe`` (the feeds and calendar box); ``outline`` is everything
one page shows of the others, which the ledger (``cache.ledger``) records to skip unchanged pages.

The last step before rendering; uses every package but ``editors``. The MkDocs adapter
(``portal_mkdocs``) hands these plans to MkDocs.
"""
