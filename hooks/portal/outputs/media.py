"""Every image a language build publishes: its renditions and the cache files that hold them.

Renditions are published by content (``pictures.plan_picture``): an image used by many pages is
listed once.
"""

from __future__ import annotations

from pathlib import Path

from portal.content.pages import page_pictures
from portal.content.pictures import Job, Rendition, drawing_key, jobs_for, plan_picture
from portal.content.site import Site


def media_jobs(site: Site, lang: str, cache_dir: Path) -> list[tuple[Rendition, Job]]:
    """(rendition, job) for each image of the ``lang`` build, once per published file, in a stable order."""
    result: list[tuple[Rendition, Job]] = []
    drawing = drawing_key()
    for structure in site.structures:
        for image in (structure.logo, structure.photo):
            if image:
                result += jobs_for(image, plan_picture(image, lang), cache_dir, drawing)
    for article in site.articles.in_language(lang):
        if article.cover:
            result += jobs_for(article.cover, plan_picture(article.cover, lang), cache_dir,
                               drawing)
        for body_image in article.images:
            result += jobs_for(body_image.image, plan_picture(body_image.image, lang),
                               cache_dir, drawing)
    for conference in site.conferences:
        if conference.image:
            result += jobs_for(conference.image, plan_picture(conference.image, lang),
                               cache_dir, drawing)
    for page in site.pages_in(lang):  # images beside hand-written pages: the same pipeline
        for body_image, picture in zip(page.images, page_pictures(page)):
            result += jobs_for(body_image.image, picture, cache_dir, drawing)
    # One file per published path: the same bytes, wherever they are used, are drawn and published once.
    return list({rendition.path: (rendition, job) for rendition, job in result}.values())
