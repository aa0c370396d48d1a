"""Broken inputs at the edges of what the site reads (issue 14): links out of the repository, files content/
does not publish, images beside hand-written pages, addresses claimed twice, misnamed and misplaced files.

A value may be a :class:`Symlink`: the test makes a link instead of a file. Its target is absolute
('/etc/passwd'), relative to the link's folder ('guide'), or under 'OUTSIDE/': a folder beside the
repository that the test fills with ``text`` (a file) or ``files`` (a folder).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from cases import ARTICLE, CONFERENCE, IMAGE_OK, STRUCTURE, Case, s

OUTSIDE = "OUTSIDE/"
SECRET = "SECRET-OUTSIDE-THE-REPOSITORY"  #: written in every outside file: must never reach the site


@dataclass(frozen=True)
class Symlink:
    """A link in place of a file (see the module's docstring)."""

    target: str
    text: str | None = None  #: content of the outside file the link points to
    files: dict[str, str] = field(default_factory=dict)  #: content of the outside folder the link points to

    def make(self, link: Path, root: Path) -> None:
        """Create the link at ``link`` (in the site copy at ``root``), and what it points to outside."""
        target = self.target
        if target.startswith(OUTSIDE):
            outside = root.parent / "outside" / target.removeprefix(OUTSIDE)
            if self.text is not None:
                outside.parent.mkdir(parents=True, exist_ok=True)
                outside.write_text(self.text, encoding="utf-8")
            for name, text in self.files.items():
                (outside / name).parent.mkdir(parents=True, exist_ok=True)
                (outside / name).write_text(text, encoding="utf-8")
            target = os.path.relpath(outside, link.parent)
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(target)


def _gif() -> bytes:
    out = io.BytesIO()
    Image.new("P", (8, 8)).save(out, format="GIF")
    return out.getvalue()


PAGE = "---\ntitle: Notes\ndescription: Une page.\n---\n\nTexte.\n"
PAGE_WITH_SLUG = "---\ntitle: Notes\ndescription: Une page.\nslug: {slug}\n---\n\nTexte.\n"
PAGE_WITH_IMAGE = "---\ntitle: Notes\ndescription: Une page.\n---\n\n{image}\n"
OUTSIDE_PAGE = f"---\ntitle: Secret\ndescription: {SECRET}\n---\n\n{SECRET}\n"
OUTSIDE_YAML = f"name: {SECRET}\n"
A, N = "magazine/2025/un-article.fr.md", "content/notes.fr.md"
OUT = "a link pointing outside the repository is not allowed (copy the file into the repository instead of linking to it)"
STRAY = ("this file is not published: content/ holds pages (*.fr.md, *.en.md) and the JPEG, PNG or WebP images "
         "they show (remove it, or move it out of content/)")
KEEPS = "the article named by its file, or else published first, keeps it"

FILE_CASES = [
    # -- links: nothing outside the repository is read or published -----------------------------
    Case("content file linked to /etc/passwd", {"content/notes.txt": Symlink("/etc/passwd")},
         [f"content/notes.txt: {OUT}"], ["notes.txt", "en/notes.txt"]),
    Case("content folder linked outside", {"content/linked": Symlink(OUTSIDE + "folder",
                                                                      files={"secret.txt": SECRET, "x.fr.md": OUTSIDE_PAGE})},
         [f"content/linked: {OUT}"], ["linked/secret.txt", "linked/x/index.html"]),
    Case("content page linked outside", {"content/secret.fr.md": Symlink(OUTSIDE + "secret.md", OUTSIDE_PAGE)},
         [f"content/secret.fr.md: {OUT}"], ["secret/index.html"]),
    Case("content folder linked inside the repository", {"content/autre-guide": Symlink("guide")},
         ["content/autre-guide: a link to a folder is not followed "
          "(move the files into the repository's folder instead of linking to it)"], ["autre-guide/index.html"]),
    Case("content link to nothing", {"content/parti.fr.md": Symlink("nulle-part.fr.md")},
         ["content/parti.fr.md: the link points to a missing file (remove the link)"], ["parti/index.html"]),
    Case("content page linked inside the repository is fine", {N: Symlink("contact.fr.md")}, []),
    Case("key figures linked to /etc/passwd", {"content/_data/key-figures.yml": Symlink("/etc/passwd")},
         [f"content/_data/key-figures.yml: {OUT}"]),
    Case("structure linked to /etc/passwd", {"structures/gamma.yml": Symlink("/etc/passwd")},
         [f"structures/gamma.yml: {OUT}"], ["structures/gamma/index.html"]),
    Case("structure linked to /dev/zero", {"structures/gamma.yml": Symlink("/dev/zero")},
         [f"structures/gamma.yml: {OUT}"]),
    Case("structure photo linked outside", {"structures/gamma.yml": STRUCTURE + "photo:\n  src: gamma.jpg\n  alt: {fr: Photo, en: Photo}\n",
                                            "structures/gamma.jpg": Symlink("/etc/passwd")},
         [f"structures/gamma.jpg: {OUT}", "structures/gamma.yml:7: photo.src: a link pointing outside the repository "
                                          "is not allowed"], ["structures/gamma/index.html"]),
    Case("article linked outside", {A: Symlink(OUTSIDE + "article.md", ARTICLE.replace("Texte.", SECRET))},
         [f"{A}: {OUT}"], ["magazine/2025/un-article/index.html"]),
    Case("year folder linked outside", {"magazine/2024": Symlink(OUTSIDE + "year", files={
        "vieux.fr.md": ARTICLE.replace("2025-05-02", "2024-05-02").replace("Texte.", SECRET)})},
         [f"magazine/2024: {OUT}"], ["magazine/2024/vieux/index.html"]),
    Case("conference linked to /dev/zero", {"upconf/2026-07-01-zero.yml": Symlink("/dev/zero")},
         [f"upconf/2026-07-01-zero.yml: {OUT}"]),
    Case("conference linked outside", {"upconf/2026-07-01-ailleurs.yml": Symlink(OUTSIDE + "c.yml", CONFERENCE)},
         [f"upconf/2026-07-01-ailleurs.yml: {OUT}"], ["upconf/2026-07-01-ailleurs/index.html"]),
    # -- content/ publishes pages and the images they show, nothing else ------------------------
    Case("content Word draft", {"content/brouillon.docx": b"PK\x03\x04 a draft"},
         [f"content/brouillon.docx: {STRAY}"], ["brouillon.docx", "en/brouillon.docx"]),
    Case("content PDF in a folder", {"content/guide/plan.pdf": b"%PDF-1.4"},
         [f"content/guide/plan.pdf: {STRAY}"], ["guide/plan.pdf"]),
    Case("content image no page shows", {"content/photo.jpg": IMAGE_OK},
         ["content/photo.jpg: no page shows this image, so it is not published "
          "(show it in a page with ![what it shows](photo.jpg), or remove it)"], ["photo.jpg"]),
    Case("content page image without alt text", {N: PAGE_WITH_IMAGE.format(image="![](photo.jpg)"),
                                                 "content/photo.jpg": IMAGE_OK},
         [f"{N}:6: image: 'photo.jpg' has no alt text "
          "(describe the image between the brackets: ![what it shows](file))"], ["notes/index.html"]),
    Case("content page image missing", {N: PAGE_WITH_IMAGE.format(image="![Une photo](photo.jpg)")},
         [f"{N}:6: image: 'photo.jpg' does not exist next to the file"], ["notes/index.html"]),
    Case("content page image is a GIF", {N: PAGE_WITH_IMAGE.format(image="![Une photo](photo.gif)"),
                                         "content/photo.gif": _gif()},
         [f"{N}:6: image: 'photo.gif' is a GIF image (use JPEG, PNG or WebP)"], ["notes/index.html", "photo.gif"]),
    Case("content page image linked outside", {N: PAGE_WITH_IMAGE.format(image="![Une photo](photo.jpg)"),
                                               "content/photo.jpg": Symlink("/etc/passwd")},
         [f"{N}:6: image: a link pointing outside the repository is not allowed", f"content/photo.jpg: {OUT}"],
         ["notes/index.html", "photo.jpg"]),
    Case("content page image is fine", {N: PAGE_WITH_IMAGE.format(image="![Une photo](photo.jpg)"),
                                        "content/photo.jpg": IMAGE_OK}, []),
    # -- every address is claimed once ---------------------------------------------------------
    Case("page named like the magazine", {"content/magazine.fr.md": PAGE},
         ["content/magazine.fr.md: 'magazine/' is where generated pages go (rename the file, or give the page a 'slug:')"]),
    Case("page named like #UpConf", {"content/upconf.fr.md": PAGE},
         ["content/upconf.fr.md: 'upconf/' is where generated pages go (rename the file, or give the page a 'slug:')"]),
    Case("page named like the directory", {"content/structures.en.md": PAGE},
         ["content/structures.en.md: 'structures/' is where generated pages go "
          "(rename the file, or give the page a 'slug:')"]),
    Case("page slug upconf", {N: PAGE_WITH_SLUG.format(slug="upconf")},
         [f"{N}:4: slug: 'upconf/' is where generated pages go (choose another slug)"], ["notes/index.html"]),
    Case("page slug en", {N: PAGE_WITH_SLUG.format(slug="en")},
         [f"{N}:4: slug: 'en/' is reserved for the en build (choose another slug)"], ["notes/index.html"]),
    Case("page named en", {"content/en.fr.md": PAGE},
         ["content/en.fr.md: 'en/' is reserved for the en build (rename the file, or give the page a 'slug:')"]),
    Case("page named assets", {"content/assets.fr.md": PAGE},
         ["content/assets.fr.md: 'assets/' is where the build writes the theme's files "
          "(rename the file, or give the page a 'slug:')"]),
    Case("page slug pagefind", {N: PAGE_WITH_SLUG.format(slug="pagefind")},
         [f"{N}:4: slug: 'pagefind/' is where the build writes the search index (choose another slug)"],
         ["notes/index.html"]),
    Case("page folder and page file with one address", {"content/equipe/index.fr.md": PAGE},
         ["content/equipe/index.fr.md: gives the same URL as content/equipe.fr.md (rename one of the two files)"]),
    Case("page slug takes another page's address", {"content/aaa.fr.md": PAGE_WITH_SLUG.format(slug="equipe")},
         ["content/aaa.fr.md:4: slug: gives the same URL as content/equipe.fr.md (choose another slug)"]),
    Case("structure named index", {"structures/index.yml": STRUCTURE},
         ["structures/index.yml: 'structures/' is already the address of a generated page "
          "(give this one another file name or slug)"]),
    Case("structure slug index", {"structures/gamma.yml": STRUCTURE + "slug: index\n"},
         ["structures/gamma.yml: 'structures/' is already the address of a generated page "
          "(give this one another file name or slug)"]),
    # -- an alias or a new file never pushes out a published article ---------------------------
    Case("alias equal to another article's address", {A: s(ARTICLE, "rubric: report", "rubric: report\naliases: [premier-article]")},
         [f"{A}:7: aliases: 'premier-article' is the address of magazine/2025/premier-article.fr.md "
          "(an alias never takes another article's address; remove it)"]),
    Case("alias equal to another article's alias", {A: s(ARTICLE, "rubric: report", "rubric: report\naliases: [ancien-titre]")},
         [f"{A}:7: aliases: 'ancien-titre' is an alias of magazine/2025/premier-article.fr.md "
          "(an alias never takes another article's address; remove it)"]),
    Case("slug set to another article's address", {"magazine/2025/aaa.fr.md": s(ARTICLE, "rubric: report", "rubric: report\nslug: premier-article")},
         [f"magazine/2025/aaa.fr.md:7: slug: 'premier-article' gives the same URL as magazine/2025/premier-article.fr.md "
          f"({KEEPS}; choose another slug)"], ["magazine/2025/aaa/index.html"]),
    Case("slug index", {A: s(ARTICLE, "rubric: report", "rubric: report\nslug: index")},
         [f"{A}:7: slug: 'index' is the address of the year's listing (choose another slug)"]),
    Case("new article with a published article's stem", {"magazine/2026/premier-article.fr.md": s(ARTICLE, "2025-05-02", "2026-02-01")},
         ["magazine/2026/premier-article.fr.md: translation_key: 'premier-article' already has a fr version: "
          f"magazine/2025/premier-article.fr.md ({KEEPS}; give this one its own stem or translation_key)"],
         ["magazine/2026/premier-article/index.html"]),
    Case("draft with a published article's stem", {"magazine/2024/premier-article.fr.md": s(s(ARTICLE, "2025-05-02", "2024-05-02"), "rubric: report", "rubric: report\ndraft: true")},
         ["magazine/2024/premier-article.fr.md: translation_key: 'premier-article' already has a fr version: "
          f"magazine/2025/premier-article.fr.md ({KEEPS}; give this one its own stem or translation_key)"]),
    # -- misnamed and misplaced files are named, never silently ignored ------------------------
    Case("article with an upper-case extension", {"magazine/2025/un-article.fr.MD": ARTICLE},
         ["magazine/2025/un-article.fr.MD: the extension '.MD' is not '.md' (rename the file 'un-article.fr.md')"]),
    Case("article directly in magazine/", {"magazine/un-article.fr.md": ARTICLE},
         ["magazine/un-article.fr.md: an article must be in a year folder (move it to magazine/<year>/un-article.fr.md)"]),
    Case("article in a subfolder of its year", {"magazine/2025/brouillons/un-article.fr.md": ARTICLE},
         ["magazine/2025/brouillons/un-article.fr.md: an article must be directly in its year folder "
          "(move it to magazine/<year>/un-article.fr.md)"]),
    Case("page with an upper-case extension", {"content/notes.fr.MD": PAGE},
         ["content/notes.fr.MD: the extension '.MD' is not '.md' (rename the file 'notes.fr.md')"], ["notes.fr.MD"]),
    Case("page with a .markdown extension", {"content/notes.fr.markdown": PAGE},
         ["content/notes.fr.markdown: the extension '.markdown' is not '.md' (rename the file 'notes.fr.md')"]),
    Case("structure with an upper-case extension", {"structures/gamma.YML": STRUCTURE},
         ["structures/gamma.YML: the extension '.YML' is not '.yml' (rename the file 'gamma.yml')"]),
    Case("conference in a subfolder", {"upconf/2026/2026-04-09-debat.yml": CONFERENCE},
         ["upconf/2026/2026-04-09-debat.yml: a file of upconf/ must be directly in upconf/ "
          "(move it to upconf/2026-04-09-debat.yml)"]),
]
