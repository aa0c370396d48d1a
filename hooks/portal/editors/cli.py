"""`portal`: check and scaffold the site's content without building it, for editors.

    portal check [PATHS…] [--lang fr|en]
    portal new article --lang fr --title "…"
    portal new conference --title "…" --start "2027-01-14 18:30"
    portal new structure --name "…" [--category production]
    portal translate magazine/2026/x.fr.md --to en
"""

from __future__ import annotations

import argparse
import locale
import os
import sys
import time
from pathlib import Path

from portal.content.problems import did_you_mean

from . import scaffold
from .check import check, find_repository
from .messages_fr import in_french

SUMMARY = {
    "en": {"ok": "No problem in {files} files ({detail}).", "problems": "{count} problem(s) in {files} file(s).",
           "scheduled": "Scheduled (published on or after its date):", "unannounced": "Announced later:",
           "drafts": "Drafts (preview only):", "to_fill": "To fill (left out of the pages until known: legal notice, registration links, websites):", "created": "Created {path}", "time": "checked in {seconds:.2f} s"},
    "fr": {"ok": "Aucun problème dans {files} fichiers ({detail}).",
           "problems": "{count} problème(s) dans {files} fichier(s).",
           "scheduled": "Programmés (publiés à partir de leur date) :", "unannounced": "Annoncées plus tard :",
           "drafts": "Brouillons (aperçu seulement) :", "to_fill": "À compléter (absent des pages tant qu’inconnu : mentions légales, liens d’inscription, sites web) :", "created": "Créé : {path}", "time": "vérifié en {seconds:.2f} s"},
}

COUNT_NAMES = {"en": {"pages": "pages", "structures": "structures", "articles": "articles", "conferences": "conferences"},
               "fr": {"pages": "pages", "structures": "structures", "articles": "articles", "conferences": "conférences"}}


def default_language() -> str:
    """French when the editor's locale is French, English otherwise."""
    value = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    if not value:
        value = (locale.getlocale()[0] or "")
    return "fr" if value.lower().startswith("fr") else "en"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="portal", description="Check and create the culture portal's content.")
    parser.add_argument("--lang", choices=("en", "fr"), default=None, help="language of the messages")
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="validate content; exit 1 on any problem")
    checker.add_argument("paths", nargs="*", help="only report problems of these files or folders")
    checker.add_argument("--lang", choices=("en", "fr"), default=None, dest="lang_")
    new = commands.add_parser("new", help="create a new content file")
    kinds = new.add_subparsers(dest="kind", required=True)
    article = kinds.add_parser("article")
    article.add_argument("--lang", choices=("fr", "en"), default="fr", dest="article_lang")
    article.add_argument("--title", required=True)
    article.add_argument("--slug")
    conference = kinds.add_parser("conference")
    conference.add_argument("--title", required=True)
    conference.add_argument("--start", required=True, help="'YYYY-MM-DD HH:MM', Paris time")
    conference.add_argument("--slug")
    structure = kinds.add_parser("structure")
    structure.add_argument("--name", required=True)
    structure.add_argument("--category")
    structure.add_argument("--slug")
    translate = commands.add_parser("translate", help="create the other language's version of an article")
    translate.add_argument("source", type=Path)
    translate.add_argument("--to", required=True, choices=("fr", "en"))
    translate.add_argument("--slug", help="a slug of its own for the translation")
    args = parser.parse_args(argv)
    lang = getattr(args, "lang_", None) or args.lang or default_language()
    words = SUMMARY[lang]
    try:
        repo = find_repository(Path.cwd())
        if args.command == "check":
            return _check(repo, _repository_paths(repo, args.paths), lang)
        if args.command == "translate":
            created = scaffold.translate_article(repo, args.source.resolve(), args.to, args.slug)
        elif args.kind == "article":
            created = scaffold.new_article(repo, args.article_lang, args.title, slug=args.slug)
        elif args.kind == "conference":
            created = scaffold.new_conference(repo, args.title, args.start, args.slug)
        else:
            created = scaffold.new_structure(repo, args.name, args.category, args.slug)
    except (scaffold.ScaffoldError, FileNotFoundError, PathError) as error:
        print(f"portal: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _reader_left()
    print(words["created"].format(path=created.relative_to(repo)))
    return 0


class PathError(Exception):
    """A path given on the command line that is not in the repository, or does not exist."""


def _repository_paths(repo: Path, paths: list[str]) -> list[str]:
    """The ``paths`` given to `portal check`, relative to the repository; each must exist inside it."""
    relative = []
    for given in paths:
        path = Path(os.path.abspath(Path.cwd() / given))
        try:
            inside = path.relative_to(repo)
        except ValueError:
            raise PathError(f"{given} is outside the repository ({repo}); give a file or folder inside it") from None
        if not os.path.lexists(path):
            siblings = [p.name for p in path.parent.iterdir()] if path.parent.is_dir() else []
            hint = did_you_mean(path.name, siblings)
            raise PathError(f"{given} does not exist" + (f" ({hint})" if hint else "")) from None
        relative.append(inside.as_posix() if inside.parts else ".")
    return relative


def _reader_left() -> int:
    """The reader of our output went away (`portal check | head`): stop quietly, as other tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # Python's flush at exit would fail again otherwise
    return 1


def _check(repo: Path, paths: list[str], lang: str) -> int:
    start = time.perf_counter()
    report = check(repo, paths=None if "." in paths else paths)  # '.': the whole repository
    words = SUMMARY[lang]
    for problem in report.problems:
        print(in_french(problem) if lang == "fr" else problem)
    for title, items in ((words["scheduled"], report.scheduled), (words["unannounced"], report.unannounced),
                         (words["drafts"], report.drafts), (words["to_fill"], report.to_fill)):
        if items:
            print(title)
            for item in items:
                print(f"  {item}")
    files = len({p.path for p in report.problems})
    if report.problems:
        print(words["problems"].format(count=len(report.problems), files=files))
    else:
        names = COUNT_NAMES[lang]
        detail = ", ".join(f"{n} {names[k]}" for k, n in report.counts.items())
        print(words["ok"].format(files=report.files, detail=detail))
    print(words["time"].format(seconds=time.perf_counter() - start))
    sys.stdout.flush()  # here, where a reader that went away is handled, not at exit
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
