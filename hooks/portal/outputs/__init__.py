"""Render and write: the files the site publishes beside its pages.

``feeds`` (RSS, Atom and JSON Feed of the magazine and #UpConf), ``calendar`` (iCalendar),
``cards`` (social cards drawn with Pillow), ``media`` (every image rendition a language build
publishes), ``search`` (which pages the search index carries, under which section) and ``minify``
(the written HTML's whitespace). Made from the prepared objects of ``sections`` and the site of
``content``.
"""
