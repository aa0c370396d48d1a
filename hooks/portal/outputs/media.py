"""Every image a language build publishes: its renditions and the cache files that hold them.

Renditions are published by content (``pictures.plan_picture``): an image used by many pages is
listed once.
"""

from __future__ import annotations

from pathlib import Path

from portal.cache.cachekey import file_digest
from portal.content.images import ContentImage
from portal.content.pages import page_pictures
from portal.content.pictures import Job, Picture, Rendition, drawing_key, jobs_for, plan_picture
from portal.content.site import Site


def media_jobs(site: Site, lang: str, cache_dir: Path) -> list[tuple[Rendition, Job]]:
    """(rendition, job) for each image of the ``lang`` build, once per published file, in a stable order."""
    result: list[tuple[Rendition, Job]] = []
    drawing = drawing_key()
    # The same bytes make the same files, whatever the alt or the page: planned once (a photo reused by
    # thousands of articles costs one plan, not one per article, at every build).
    planned: set[tuple[str, int, int]] = set()

    def add(image: ContentImage, picture: Picture | None = None) -> None:
        """The image's jobs, unless the same bytes were planned already (``picture``: its plan, if made)."""
        key = (file_digest(image.source), image.width, image.height)
        if key not in planned:
            planned.add(key)
            result.extend(jobs_for(image, picture or plan_picture(image, lang), cache_dir, drawing))

    for structure in site.structures:
        for image in (structure.logo, structure.photo):
            if image:
                add(image)
    for article in site.articles.in_language(lang):
        for image in ([article.cover] if article.cover else []) + [body.image for body in article.images]:
            add(image)
    for conference in site.conferences:
        if conference.image:
            add(conference.image)
    for page in site.pages_in(lang):  # images beside hand-written pages: the same pipeline
        for body_image, page_picture in zip(page.images, page_pictures(page)):
            add(body_image.image, page_picture)
    # One file per published path: the same bytes, wherever they are used, are drawn and published once.
    return list({rendition.path: (rendition, job) for rendition, job in result}.values())
