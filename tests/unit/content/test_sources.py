"""The edges of what the site reads: links out of the repository, folder links, FIFOs, content/'s allow-list."""

from __future__ import annotations

import os
from pathlib import Path

from portal.content.sources import content_files, link_problems, misplaced_sources, readable, repository_files
from support import write


def _repo(tmp_path: Path) -> tuple[Path, Path]:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / "content").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.yml").write_text("name: secret\n", encoding="utf-8")
    return repo, outside


def test_links_out_of_the_repository_are_never_readable(tmp_path):
    repo, outside = _repo(tmp_path)
    write(repo, "structures/alpha.yml", "name: Alpha\n")
    (repo / "structures/out.yml").symlink_to(outside / "secret.yml")
    (repo / "structures/in.yml").symlink_to("alpha.yml")
    (repo / "structures/gone.yml").symlink_to("nowhere.yml")
    (repo / "structures/zero.yml").symlink_to("/dev/zero")
    os.mkfifo(repo / "structures/fifo.yml")  # opening it would wait for a writer forever
    (repo / "structures/sub").symlink_to(outside)
    found = repository_files((repo / "structures").glob("*.y*ml"), repo)
    assert [p.name for p in found] == ["alpha.yml", "in.yml"]
    assert not readable(repo / "structures/sub/secret.yml", repo)
    assert [str(p) for p in link_problems(repo / "structures", repo)] == [
        "structures/sub: a link pointing outside the repository is not allowed "
        "(copy the file into the repository instead of linking to it)",
        "structures/fifo.yml: is not a regular file (remove it)",
        "structures/gone.yml: the link points to a missing file (remove the link)",
        "structures/out.yml: a link pointing outside the repository is not allowed "
        "(copy the file into the repository instead of linking to it)",
        "structures/zero.yml: a link pointing outside the repository is not allowed "
        "(copy the file into the repository instead of linking to it)",
    ]


def test_a_folder_link_inside_the_repository_is_not_followed(tmp_path):
    repo, _ = _repo(tmp_path)
    write(repo, "content/guide/index.fr.md", "---\n---\n")
    (repo / "content/copy").symlink_to("guide")
    assert not readable(repo / "content/copy/index.fr.md", repo)
    assert [p.name for p in content_files(repo / "content", repo).pages] == ["index.fr.md"]
    assert [str(p) for p in link_problems(repo / "content", repo)] == [
        "content/copy: a link to a folder is not followed "
        "(move the files into the repository's folder instead of linking to it)"]


def test_content_files_by_kind(tmp_path):
    repo, _ = _repo(tmp_path)
    for name in ("a.fr.md", "b.fr.MD", "_data/key-figures.yml", "_data/notes.txt", "photo.JPG", "draft.docx",
                 ".hidden", "guide/plan.pdf"):
        write(repo, f"content/{name}", "x\n")
    files = content_files(repo / "content", repo)
    names = lambda paths: [p.relative_to(repo / "content").as_posix() for p in paths]  # noqa: E731
    assert names(files.pages) == ["a.fr.md"]
    assert names(files.data) == ["_data/key-figures.yml"]
    assert names(files.images) == ["photo.JPG"]
    assert names(files.stray) == ["_data/notes.txt", "b.fr.MD", "draft.docx", "guide/plan.pdf"]


def test_misplaced_articles_and_data_files(tmp_path):
    repo, _ = _repo(tmp_path)
    for name in ("magazine/x.fr.md", "magazine/2025/y.fr.Md", "magazine/2025/z/w.en.md", "magazine/2025/ok.fr.md",
                 "magazine/authors.yml", "structures/a.YAML", "upconf/old/2026-01-01-a.yml", "structures/b.yml"):
        write(repo, name, "x\n")
    assert [str(p) for p in misplaced_sources(repo)] == [
        "magazine/x.fr.md: an article must be in a year folder (move it to magazine/<year>/x.fr.md)",
        "magazine/2025/y.fr.Md: the extension '.Md' is not '.md' (rename the file 'y.fr.md')",
        "magazine/2025/z/w.en.md: an article must be directly in its year folder (move it to magazine/<year>/w.en.md)",
        "structures/a.YAML: the extension '.YAML' is not '.yml' (rename the file 'a.yml')",
        "upconf/old/2026-01-01-a.yml: a file of upconf/ must be directly in upconf/ (move it to upconf/2026-01-01-a.yml)",
    ]
