"""What a build keeps for the next one, and the keys that find it again.

Beside the data flow rather than a step of it: ``cachekey`` makes every key complete by
construction (the producing code read from its files, with every module of ours it imports; the
installed distributions; the inputs whole), and the stores use it: ``memo`` (the articles' excerpts
and reading times, used while the content is loaded), ``pagecache`` (rendered pages and their blobs)
and ``ledger`` (what the last build needs to skip unchanged pages), both used by the MkDocs adapter.
Imports nothing of ours but ``cachekey``; ``content.parsed`` and ``plan.outline`` serve the caches
from where their inputs are.
"""
