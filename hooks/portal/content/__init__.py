"""Read and validate: the repository's content as frozen dataclasses, then the whole site.

The first steps of the data flow (read → validate → derive → render), in reading order:

- the edges: ``sources`` (which files are read and published), ``yamlsource`` (YAML and front
  matter with every key's line; invisible control characters stop here), ``problems`` (located
  content problems), ``fields`` (field-by-field validation), ``sanitise`` (the HTML an editor may
  write), ``clock`` (the build's "now"), ``parsed`` (front matter reused while a file is unchanged);
- the model, one module per kind: ``pages`` (hand-written pages of ``content/``), ``magazine``
  (articles, authors, tags, print issues), ``conferences`` (#UpConf), ``structures``, ``figures``
  (key figures), ``legal`` (the legal notice's facts), ``trust`` (the site's own pages),
  ``images`` (images checked where they are named), ``pictures`` (their responsive renditions,
  planned and drawn), ``shortcodes`` (the editors' ``<!-- portal:… -->`` markers, checked and
  prepared);
- the site: ``site`` loads everything once per build; ``articles`` (published, related,
  previous/next, excerpts), ``translations`` (which pages translate which) and the URL scheme
  (``urls``, ``magazine_urls``) derive from it.

Uses ``text`` and ``cache``; nothing here knows how a page looks.
"""
