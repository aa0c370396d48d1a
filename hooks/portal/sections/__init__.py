"""Derive: what the templates of each section of the site show, as prepared objects.

Templates receive these and do not compute: ``magazine_views`` (listings, article pages, print
issues), ``conference_views`` (#UpConf), ``structure_views`` (the directory, a structure's page)
with ``structure_map`` (the map of the structures, drawn as SVG data from ``data/france.json``), and
``jsonld`` (their schema.org blocks).

Uses ``content``, ``text`` and ``cache``; the view of a whole page, which gathers these, is
``plan.views``.
"""
