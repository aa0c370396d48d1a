"""Each reach of ``portal_mkdocs.internals`` still finds, in the installed MkDocs and Material, the shape it
was checked against; and no other module of the adapter reaches past their public interfaces.

When one of these fails after an upgrade: read the function named in the failure against the new
version, fix it, then update ``internals.CHECKED`` (and the digests of Material's templates).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import inspect
import logging
import re
from pathlib import Path

import mkdocs.commands.build as mkdocs_build
import mkdocs.config as mkdocs_config
import mkdocs.structure.pages as mkdocs_pages
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme

import portal_mkdocs
from portal_mkdocs import internals
from support import REPO

MATERIAL_TEMPLATES = Path(importlib.import_module("material").__file__).parent / "templates"  # type: ignore[arg-type]
ADAPTER = Path(portal_mkdocs.__file__).parent


@pytest.fixture(scope="module")
def config():
    return load_config(str(REPO / "mkdocs.yml"))


@pytest.fixture
def docs(tmp_path):
    return tmp_path / "docs"


def file_of(docs: Path, src_uri: str, content: str = "") -> File:
    (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
    (docs / src_uri).write_text(content, encoding="utf-8")
    return File(src_uri, str(docs), str(docs.parent / "site"), use_directory_urls=True)


def page_of(config, docs: Path, src_uri: str = "notes.md", markdown: str = "# Notes\n") -> Page:
    page = Page(None, file_of(docs, src_uri, markdown), config)
    page.markdown = markdown
    return page


# -- versions ---------------------------------------------------------------------------------------

def test_the_installed_and_pinned_versions_are_the_ones_checked():
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (REPO / "requirements.txt").read_text(), re.MULTILINE))
    for name, checked in internals.CHECKED.items():
        assert importlib.metadata.version(name) == checked, (
            f"{name} {importlib.metadata.version(name)} is installed; portal_mkdocs/internals.py was checked "
            f"against {checked}: check each of its functions, then update CHECKED")
        assert pins[name] == checked, f"requirements.txt pins {name}=={pins[name]}, internals checked {checked}"


def test_materials_end_of_life_is_said_where_the_reaches_are_listed():
    assert internals.MATERIAL_END_OF_LIFE == "2027-05-05"
    assert "end of life on 2027-05-05" in (internals.__doc__ or "")
    assert "internals" in (portal_mkdocs.__doc__ or "")


# -- pages --------------------------------------------------------------------------------------------

def test_page_render_sets_what_put_back_render_sets(config, docs):
    init, render = inspect.getsource(Page.__init__), inspect.getsource(Page.render)
    assert "self._title_from_render: str | None = None" in init
    for name in ("self._title_from_render =", "self.present_anchor_ids =", "self.links_to_anchors ="):
        assert name in render, f"Page.render no longer sets {name}: see internals.put_back_render"
    assert list(inspect.signature(Page.render).parameters) == ["self", "config", "files"]
    # Rendered for real, the page's title, anchors and links come from where internals reads them.
    files = Files([])
    page = page_of(config, docs, markdown="# Notes\n\n## Plus loin\n\n[voir](#plus-loin)\n")
    files.append(page.file)
    page.render(config, files)
    assert internals.rendered_title(page) == "Notes" and page.title == "Notes"
    assert {"notes", "plus-loin"} <= (internals.anchors_of(page) or set())
    # Put back on a page that is not rendered: MkDocs' title and anchor validation read them.
    other = page_of(config, docs, "other.md", markdown="")
    internals.put_back_render(other, "Autre", {"ici"}, {page.file: {"absent": "notes.md#absent"}})
    assert other.title == "Autre" and internals.links_to_anchors(other) == {page.file: {"absent": "notes.md#absent"}}


def test_validate_anchor_links_reads_what_put_back_render_sets(config, docs, caplog):
    target = page_of(config, docs, "target.md")
    internals.put_back_render(target, "Cible", {"ici"}, {})
    source = page_of(config, docs, "source.md")
    internals.put_back_render(source, "Source", set(), {target.file: {"ici": "target.md#ici", "la": "target.md#la"}})
    with caplog.at_level(logging.INFO, logger="mkdocs.structure.pages"):
        source.validate_anchor_links(files=Files([source.file, target.file]), log_level=logging.WARNING)
    assert [r.getMessage() for r in caplog.records] == [
        "Doc file 'source.md' contains a link 'target.md#la', but the doc 'target.md' does not contain an anchor "
        "'#la'."]


def test_log_missing_anchor_says_it_as_mkdocs_does(config, caplog):
    source = inspect.getsource(Page.validate_anchor_links)
    assert "f\"Doc file '{self.file.src_uri}' contains a link '{original_link}', but {problem}.{context}\"" in source
    assert "problem = f\"the doc '{to_file.src_uri}' does not contain an anchor '#{anchor}'\"" in source
    assert mkdocs_pages.log.name == "mkdocs.structure.pages"
    with caplog.at_level(logging.INFO, logger="mkdocs.structure.pages"):
        internals.log_missing_anchor(config, "source.md", "target.md#la", "target.md", "la")
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("mkdocs.structure.pages", config.validation.links.anchors,
         "Doc file 'source.md' contains a link 'target.md#la', but the doc 'target.md' does not contain an anchor "
         "'#la'.")]


def test_skip_render_replaces_the_call_mkdocs_makes_between_markdown_and_content(config, docs):
    populate = inspect.getsource(mkdocs_build._populate_page)
    assert populate.index("on_page_markdown") < populate.index("page.render(config, files)") < populate.index(
        "on_page_content")
    page = page_of(config, docs)
    internals.skip_render(page)
    page.render(config, Files([]))
    assert page.content == ""


def test_mkdocs_renders_every_page_before_the_first_template_and_reads_no_text_after(config, docs):
    build = inspect.getsource(mkdocs_build.build)
    # Every page's Markdown is rendered in one loop, the templates in the next, the anchors checked last.
    assert build.index("_populate_page(") < build.index("_build_page(") < build.index("validate_anchor_links(")
    validate = inspect.getsource(Page.validate_anchor_links)
    assert ".content" not in validate and ".markdown" not in validate


def test_forgetting_a_generated_pages_text_keeps_its_title(config, docs):
    file = File("notes.md", str(docs), str(docs.parent / "site"), use_directory_urls=True)
    file.content_string, file.generated_by = "---\ntitle: Notes\n---\n\n# Heading\n\nA long body.\n", "hooks"
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    internals.forget_markdown(page)
    internals.forget_content(page)
    assert (page.markdown, page.content, file.content_string) == ("", "", "")
    assert page.title == "Notes"  # from the front matter; with markdown None, Page.title would be None


def test_forgetting_a_real_files_markdown_leaves_the_file_readable(config, docs):
    page = page_of(config, docs, markdown="# Notes\n\nBody.\n")
    page.render(config, Files([page.file]))
    internals.forget_markdown(page)
    assert page.markdown == ""
    assert page.title == "Notes"  # from the render's heading
    assert page.file.content_string == "# Notes\n\nBody.\n"


def test_a_stand_in_page_is_the_files_page_with_its_anchors(config, docs):
    assert list(inspect.signature(Page.__init__).parameters)[:4] == ["self", "title", "file", "config"]
    file = file_of(docs, "gone.md", "# Gone\n")
    page = internals.stand_in_page(file, config, {"ici"})
    assert file.page is page and internals.anchors_of(page) == {"ici"}


def test_theme_blocks_are_kept_on_the_page(config, docs):
    page = page_of(config, docs)
    assert internals.theme_blocks(page) == []
    internals.set_theme_blocks(page, ["<figure>"])
    assert internals.theme_blocks(page) == ["<figure>"]


# -- files --------------------------------------------------------------------------------------------

def test_every_link_lookup_of_mkdocs_goes_through_the_watched_lookup(config, docs):
    assert list(inspect.signature(Files.get_file_from_path).parameters) == ["self", "path"]
    assert "self.files.get_file_from_path(" in inspect.getsource(mkdocs_pages)  # link resolution
    target = file_of(docs, "target.md", "# Cible\n")
    page = page_of(config, docs, markdown="[cible](target.md) [rien](missing.md)\n")
    files = Files([page.file, target])
    asked: list[str] = []

    def watched(lookup):
        def get_file_from_path(path):
            asked.append(path)
            return lookup(path)
        return get_file_from_path

    internals.watch_lookups(files, watched)
    page.render(config, files)
    assert "target.md" in asked and "missing.md" in asked and 'href="../target/"' in (page.content or "")


def test_a_file_left_in_place_is_not_copied(docs):
    assert list(inspect.signature(File.copy_file).parameters) == ["self", "dirty"]
    assert "file.copy_file(dirty)" in inspect.getsource(Files.copy_static_files)
    copied, kept = file_of(docs, "upconf/copied.ics", "BEGIN:VCALENDAR\n"), file_of(docs, "upconf/upconf.ics")
    internals.leave_in_place(kept)
    Files([copied, kept]).copy_static_files()
    assert Path(copied.abs_dest_path).is_file() and not Path(kept.abs_dest_path).exists()


# -- output -------------------------------------------------------------------------------------------

def test_mkdocs_writes_no_file_for_an_empty_output_and_says_so():
    source = inspect.getsource(mkdocs_build)
    assert source.count("if output.strip():") == 3  # theme templates, extra templates, pages
    assert "log.info(f\"Page skipped: '{page.file.src_uri}'. Generated empty output.\")" in source
    assert not internals.NOTHING_TO_WRITE.strip()
    assert mkdocs_build.log.name == "mkdocs.commands.build"


def test_skipped_pages_are_quiet_for_their_build_only(config):
    logger = logging.getLogger("mkdocs.commands.build")

    def shown(src_uri: str) -> bool:
        record = logger.makeRecord(logger.name, logging.INFO, __file__, 0,
                                   f"Page skipped: '{src_uri}'. Generated empty output.", None, None)
        return all(f.filter(record) for f in logger.filters)

    first_pages: set[str] = set()
    end_first = internals.quiet_skipped_pages(config, first_pages)
    first_pages.add("kept.md")
    assert not shown("kept.md") and shown("other.md")
    end_first()
    second_pages: set[str] = set()
    end_second = internals.quiet_skipped_pages(config, second_pages)
    try:
        assert shown("kept.md")  # the first build's pages are not the second's
    finally:
        end_second()
    assert not any(isinstance(f, internals.SkippedPagesFilter) for f in logger.filters)


# -- theme and builds ---------------------------------------------------------------------------------

def test_every_environment_of_the_theme_goes_through_the_wrapper():
    assert list(inspect.signature(Theme.get_env).parameters) == ["self"]
    config = load_config(str(REPO / "mkdocs.yml"))
    seen = []
    internals.wrap_theme_env(config, lambda env: seen.append(env) or env)
    env = config.theme.get_env()
    assert seen == [env] and env.get_template("main.html")


def test_the_build_and_config_functions_have_the_signatures_called():
    build = inspect.signature(internals.build_function("mkdocs"))
    assert internals.build_function("mkdocs") is mkdocs_build.build
    assert list(build.parameters) == ["config", "serve_url", "dirty"]
    assert build.parameters["serve_url"].kind is inspect.Parameter.KEYWORD_ONLY
    assert build.parameters["dirty"].kind is inspect.Parameter.KEYWORD_ONLY
    load = inspect.signature(internals.load_config_function("mkdocs"))
    assert internals.load_config_function("mkdocs") is mkdocs_config.load_config
    assert list(load.parameters)[:1] == ["config_file"]


# -- Material -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(internals.MATERIAL_TEMPLATE_COPIES))
def test_materials_templates_copied_into_overrides_are_the_ones_copied(name):
    original = hashlib.sha256((MATERIAL_TEMPLATES / name).read_bytes()).hexdigest()
    assert original == internals.MATERIAL_TEMPLATE_COPIES[name], (
        f"Material's {name} changed: compare it with overrides/{name} (made from Material {internals.MATERIAL})")
    assert (REPO / "overrides" / name).is_file()


def test_the_overrides_copy_every_template_of_material_they_replace():
    ours = {p.relative_to(REPO / "overrides").as_posix() for p in (REPO / "overrides").rglob("*.html")}
    # main.html is Material's empty extension point ({% extends "base.html" %}), meant to be replaced; our
    # 404.html is the portal's own page (it extends main.html), not a copy.
    replaced = {name for name in ours if (MATERIAL_TEMPLATES / name).is_file()} - {"main.html", "404.html"}
    assert replaced == set(internals.MATERIAL_TEMPLATE_COPIES)
    for name in replaced:  # each copy says what it was copied from (and what it changes)
        assert f"Material {internals.MATERIAL}'s" in (REPO / "overrides" / name).read_text(encoding="utf-8")[:300], name


def test_materials_blocks_and_partials_the_overrides_use_are_there():
    base = (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")
    for block in internals.MATERIAL_BLOCKS:
        assert f"{{% block {block} %}}" in base, block
    for partial in internals.MATERIAL_PARTIALS:
        assert (MATERIAL_TEMPLATES / partial).is_file(), partial


# -- the rest of the adapter --------------------------------------------------------------------------

REACHES = ("_title_from_render", "present_anchor_ids", "links_to_anchors", ".render =", "get_file_from_path =",
           "get_env =", "copy_file =", "Page skipped", "Page(None", "portal_blocks", "commands.build\")",
           'commands.build"', "Generated empty output")


def test_no_other_module_of_the_adapter_reaches_past_the_public_interfaces():
    for path in sorted(ADAPTER.glob("*.py")):
        if path.name in ("internals.py", "__init__.py"):
            continue
        code = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith("#"))
        code = re.sub(r"internals\.\w+", "", code)  # calls of the interface
        found = [reach for reach in REACHES if reach in code]
        assert found == [], f"{path.name} reaches {found}: go through portal_mkdocs/internals.py"
    hooks = (REPO / "hooks" / "site_hooks.py").read_text(encoding="utf-8")
    assert not [reach for reach in REACHES if reach in hooks]
