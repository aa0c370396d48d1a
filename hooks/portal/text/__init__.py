"""The site's languages and how text is written in each.

The bottom of the core: it imports nothing else of ours, and every other package uses it.

- ``languages``: the two languages, their locales, and the rules that tie a file or a URL to one;
- ``l10n``: the interface strings of our templates and generated pages, read from the gettext
  catalogues in ``locale/`` (``portal.po``; the checker's ``problems.po`` lives there too);
  ``l10n_keys`` finds the keys the code uses (Babel extractors for ``scripts/translations``);
- ``dates``: dates and times as each language's readers write them (Babel);
- ``typography``: French spacing (narrow no-break spaces) in rendered HTML;
- ``slugs``: ASCII slugs that read right in French; ``escaping``: titles a theme prints raw.
"""
