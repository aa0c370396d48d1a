"""The MkDocs adapter: the only code that touches MkDocs objects.

It converts between MkDocs (config, files, pages, template contexts) and the
pure core in ``portal``. Keep it thin: logic that can be tested without MkDocs
belongs in the core.

Every reach past MkDocs' and Material's public interfaces (private attributes,
replaced methods, log lines filtered by their text, Material's templates copied
into ``overrides/``) is a small named function of ``internals``, listed in that
module's docstring with what it relies on and the versions it was checked against
(MkDocs 1.6.1, Material 9.8.1; Material reaches its end of life on 2027-05-05).
The rest of the adapter calls those functions; ``tests/unit/test_internals.py``
fails when an upgrade changes one of them.
"""
