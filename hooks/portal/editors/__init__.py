"""What editors run without building: ``portal check``, ``portal new``, ``portal translate``.

``cli`` (the ``portal`` command), ``check`` (the whole content validated as a build would),
``scaffold`` (new files with every field in place), ``placeholders`` (text that promises text to
come), ``messages_fr`` (the French of every content problem, from ``problems.po`` in
``text/locale/``). Uses the rest of the core; nothing in it uses this package.
"""
