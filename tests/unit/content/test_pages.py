from pathlib import Path

from portal.content.pages import load_hand_pages, page_src_uri
from support import write


def load(root: Path):
    pages, problems = load_hand_pages(root / "content", root)
    return pages, [str(p) for p in problems]


def test_translations_share_a_key_and_slugs_rename(tmp_path):
    write(tmp_path, "content/engagements.fr.md", "---\ntitle: Engagements\ndescription: D.\n---\nx\n")
    write(tmp_path, "content/engagements.en.md", "---\ntitle: Commitments\ndescription: D.\nslug: commitments\n---\nx\n")
    pages, problems = load(tmp_path)
    assert problems == []
    assert {(p.lang, p.key, p.src_uri) for p in pages} == {
        ("fr", "engagements", "engagements.md"), ("en", "engagements", "commitments.md")}


def test_slug_of_an_index_page_renames_its_folder():
    assert page_src_uri("guide/index", "handbook") == "guide/handbook/index.md"
    assert page_src_uri("guide/step", None) == "guide/step.md"


def test_every_problem_of_a_page_is_reported_with_its_line(tmp_path):
    write(tmp_path, "content/a.fr.md", """
        ---
        titel: Mission
        description: 3
        slug: Not A Slug
        template: blog.html
        ---
        Body
        """)
    pages, problems = load(tmp_path)
    assert pages == []
    assert problems == [
        "content/a.fr.md:2: titel: unknown key (did you mean 'title'?)",
        "content/a.fr.md:2: title: required field is missing (add 'title:')",
        "content/a.fr.md:3: description: must be text, not a whole number (3)",
        "content/a.fr.md:4: slug: 'Not A Slug' is not a slug (use lowercase ASCII letters, digits and hyphens)",
        "content/a.fr.md:5: template: unknown value 'blog.html' (choose one of: home.html)",
    ]


def test_file_names_and_reserved_folders(tmp_path):
    write(tmp_path, "content/nolang.md", "---\ntitle: x\ndescription: y\n---\n")
    write(tmp_path, "content/en/page.en.md", "---\ntitle: x\ndescription: y\n---\n")
    write(tmp_path, "content/page.de.md", "---\ntitle: x\ndescription: y\n---\n")
    pages, problems = load(tmp_path)
    assert pages == []
    assert problems == [
        "content/en/page.en.md: 'en/' is reserved for the en build (move the file and name it '*.en.md')",
        "content/nolang.md: the file name has no language suffix (name it like 'page.fr.md' or 'page.en.md')",
        "content/page.de.md: the file name has no language suffix (name it like 'page.fr.md' or 'page.en.md')",
    ]


def test_broken_yaml_and_duplicate_urls(tmp_path):
    write(tmp_path, "content/a.fr.md", "---\ntitle: [x\n---\n")
    write(tmp_path, "content/b.fr.md", "---\ntitle: B\ndescription: y\n---\n")
    write(tmp_path, "content/c.fr.md", "---\ntitle: C\ndescription: y\nslug: b\n---\n")
    pages, problems = load(tmp_path)
    assert [p.source for p in pages] == ["content/b.fr.md"]
    assert problems[0].startswith("content/a.fr.md:3: YAML syntax error")
    assert problems[1] == "content/c.fr.md:4: slug: gives the same URL as content/b.fr.md (choose another slug)"
