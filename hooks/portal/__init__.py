"""The portal's content core: pure Python, never imports MkDocs (tests/unit/test_core_is_pure.py).

It reads the repository's content (hand-written pages, structures, magazine articles, #UpConf
conferences, key figures), validates it into frozen dataclasses, derives what each page shows, and
renders what is written beside the pages. The sub-packages follow that flow; each uses only those
listed before it:

- ``text``: the site's languages and how text is written in each: interface strings (gettext
  catalogues in ``text/locale/``), dates, French typography, slugs;
- ``cache``: what a build keeps for the next one, and the keys that find it again;
- ``content``: read and validate: YAML and front matter with every key's line, fields, located
  problems, the edges of what is read; one module per kind of content; the whole ``Site`` and what
  derives from it (articles, translations, the URL scheme);
- ``sections``: derive: what the pages of the magazine, #UpConf and the structures show;
- ``outputs``: render: feeds, calendars, social cards, image renditions, the search index's
  sections, minified HTML;
- ``plan``: the whole site planned for every language: generated pages, one claimant per address,
  the view each page's template is handed;
- ``editors``: ``portal check``, ``portal new``, ``portal translate``, and the French of their
  messages.

The MkDocs adapter (``portal_mkdocs``) is the only code that converts these objects to and from
MkDocs objects; ``hooks/site_hooks.py`` hands it each MkDocs event.
"""
