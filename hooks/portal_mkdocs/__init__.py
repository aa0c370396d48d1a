"""The MkDocs adapter: the only code that touches MkDocs objects.

It converts between MkDocs (config, files, pages, template contexts) and the
pure core in ``portal``. Keep it thin: logic that can be tested without MkDocs
belongs in the core.

Where it reaches past MkDocs' and Material's public interfaces (plugin events,
config, ``Files``, ``Page`` and template contexts), checked against MkDocs 1.6.1
and Material 9.8.1, the pinned versions; Material reaches its end of life on
2027-05-05 and MkDocs 1.x is no longer developed, so each reach is listed here,
with what breaks first if it changes:

- ``rendercache``: sets ``Page._title_from_render`` (private; mkdocs/structure/pages.py:57,
  read by ``Page.title``), ``Page.present_anchor_ids`` and ``Page.links_to_anchors``
  (set by ``Page.render``, pages.py:287-292) for a page put back from the cache, and
  replaces ``page.render`` of such a page; wraps ``Files.get_file_from_path`` to
  record the files a page's links look up. Tested by tests/integration/test_render_cache.py
  (a warm build equals a build from nothing, byte for byte).
- ``sitefolder.QuietSkips``: filters MkDocs' log line "Page skipped: '…'. Generated
  empty output." by its text (mkdocs/commands/build.py:234) for pages kept on purpose;
  ``outputs.unchanged_template`` relies on an empty template output being skipped,
  not written (build.py:121, 144).
- ``theme.list_theme_files_quickly``: wraps ``Theme.get_env`` to swap Jinja's loader
  for one that lists the theme's files once.
- ``host``: imports MkDocs' modules through the package that runs the build
  (``mkdocs`` or ``properdocs``), never by name.
"""
