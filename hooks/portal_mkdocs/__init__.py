"""The MkDocs adapter: the only code that touches MkDocs objects.

It converts between MkDocs (config, files, pages, template contexts) and the
pure core in ``portal``. Keep it thin: logic that can be tested without MkDocs
belongs in the core.
"""
