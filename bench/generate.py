"""Write a complete synthetic site for benchmarking the build: N magazine articles in French and English.

    python bench/generate.py --articles N --out DIR [--seed S]

DIR receives:

- ``content/``, ``structures/`` and ``upconf/``: copies of the repository's;
- ``magazine/``: 15 authors, 40 tags, 4 print issues and N articles, each in both
  languages (``magazine/<year>/<stem>.fr.md`` and ``<stem>.en.md``);
- ``mkdocs.yml``: the repository's, with ``docs_dir`` = DIR/content, our hooks and
  theme overrides referenced by absolute path (``overrides/`` is not copied),
  ``site_url: https://bench.example/``; ``mkdocs serve`` watches its magazine and structures.

Every article body has 600–900 words of seeded pseudo-random text, 2–4 ``##``
headings (unique within the article), one bulleted list and one relative link to
another article of the same language; 3–8 tags, 1–2 authors, a date between
2016-01-01 and 2025-12-31 (the folder is the date's year), a rubric and a
description of at most 180 characters. No covers or images.

Everything comes from one ``random.Random(seed)`` consumed in a fixed order and is
written in a fixed order, so the same N and seed give byte-identical files.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MARKER = ".bench-corpus"  #: marks a folder written by this script (safe to overwrite)

AUTHOR_COUNT = 15
TAG_COUNT = 40
ISSUE_COUNT = 4
RUBRICS = ("report", "portrait", "investigation", "opinion", "news")
FIRST_DAY = dt.date(2016, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
WORDS_MIN, WORDS_MAX = 600, 900
DESCRIPTION_MAX = 180
MIN_SHARE = 60  #: fewest words of prose in the intro and in each section
#: Front matter keys this generator writes: all must be in ARTICLE_KEYS of hooks/portal/content/magazine.py.
WRITTEN_KEYS = ("title", "date", "authors", "tags", "rubric", "description", "issue", "cover", "cover_alt")

# -- vocabularies: one token = one word (no apostrophes or hyphens), so counting is exact -----------

FRENCH = ["culture", "art", "public", "publics", "lieu", "lieux", "projet", "projets", "artiste", "artistes", "atelier", "ateliers", "musée", "théâtre", "cinéma", "patrimoine", "mémoire", "quartier", "ville", "villes", "territoire", "territoires", "habitant", "habitants", "jeunesse", "école", "écoles", "enfant", "enfants", "famille", "familles", "rencontre", "rencontres", "spectacle", "spectacles", "exposition", "œuvre", "œuvres", "création", "créations", "regard", "regards", "métier", "métiers", "savoir", "geste", "gestes", "parcours", "chemin", "avenir", "histoire", "histoires", "récit", "récits", "parole", "paroles", "voix", "image", "images", "écran", "scène", "scènes", "musique", "danse", "lecture", "livre", "livres", "bibliothèque", "médiathèque", "festival", "saison", "résidence", "équipe", "équipes", "association", "structure", "structures", "réseau", "partenaire", "partenaires", "institution", "collectivité", "budget", "emploi", "insertion", "formation", "apprentissage", "transmission", "accès", "accueil", "médiation", "éducation", "citoyen", "citoyenne", "citoyens", "société", "débat", "débats", "idée", "idées", "question", "questions", "réponse", "engagement", "solidarité", "respect", "différence", "planète", "climat", "nature", "jardin", "fabrique", "chantier", "pierre", "bois", "terre", "lumière", "couleur", "ouvre", "accueille", "propose", "invite", "réunit", "partage", "construit", "transmet", "raconte", "défend", "accompagne", "imagine", "découvre", "explore", "interroge", "rassemble", "soutient", "relie", "ouvre", "change", "porte", "apprend", "crée", "montre", "nouveau", "nouvelle", "nouveaux", "nouvelles", "grand", "grande", "petit", "petite", "commun", "commune", "ancien", "ancienne", "vivant", "vivante", "ouvert", "ouverte", "libre", "libres", "fragile", "durable", "collectif", "collective", "local", "locale", "populaire", "européen", "européenne", "numérique", "culturel", "culturelle", "culturels", "culturelles", "artistique", "singulier", "ensemble", "aujourd", "hier", "demain", "souvent", "toujours", "parfois", "encore", "déjà", "aussi", "ainsi", "enfin", "pourtant", "vraiment", "longtemps", "ailleurs", "ici", "autour", "devant", "derrière", "avec", "pour", "dans", "sans", "chez", "vers", "entre", "depuis", "pendant", "avant", "après", "comme", "mais", "donc", "car", "puis", "quand", "où", "le", "la", "les", "un", "une", "des", "du", "de", "et", "à", "au", "aux", "en", "sur", "sous", "par", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "chaque", "plusieurs", "beaucoup", "tous", "toutes"]

ENGLISH = ["culture", "art", "audience", "audiences", "venue", "venues", "project", "projects", "artist", "artists", "workshop", "workshops", "museum", "theatre", "cinema", "heritage", "memory", "neighbourhood", "city", "cities", "region", "regions", "resident", "residents", "youth", "school", "schools", "child", "children", "family", "families", "meeting", "meetings", "show", "shows", "exhibition", "work", "works", "creation", "creations", "gaze", "view", "craft", "crafts", "knowledge", "gesture", "gestures", "journey", "path", "future", "history", "stories", "story", "voice", "voices", "image", "images", "screen", "stage", "stages", "music", "dance", "reading", "book", "books", "library", "festival", "season", "residency", "team", "teams", "association", "organisation", "organisations", "network", "partner", "partners", "institution", "council", "budget", "employment", "training", "learning", "access", "welcome", "outreach", "education", "citizen", "citizens", "society", "debate", "debates", "idea", "ideas", "question", "questions", "answer", "commitment", "solidarity", "respect", "difference", "planet", "climate", "nature", "garden", "workshop", "site", "stone", "wood", "earth", "light", "colour", "opens", "welcomes", "offers", "invites", "brings", "shares", "builds", "passes", "tells", "defends", "supports", "imagines", "discovers", "explores", "questions", "gathers", "connects", "changes", "carries", "learns", "creates", "shows", "new", "great", "small", "shared", "common", "old", "living", "open", "free", "fragile", "lasting", "collective", "local", "popular", "european", "digital", "cultural", "artistic", "unique", "together", "today", "yesterday", "tomorrow", "often", "always", "sometimes", "still", "already", "also", "thus", "finally", "yet", "really", "long", "elsewhere", "here", "around", "before", "behind", "with", "for", "in", "without", "at", "towards", "between", "since", "during", "after", "like", "but", "so", "because", "then", "when", "where", "the", "a", "an", "of", "and", "to", "on", "under", "by", "this", "these", "its", "their", "our", "each", "several", "many", "all", "every"]

#: 40 tags: key -> (French name, English name).
TAGS = (
    ("acces-a-la-culture", "Accès à la culture", "Access to culture"), ("architecture", "Architecture", "Architecture"),
    ("arts-plastiques", "Arts plastiques", "Visual arts"), ("arts-vivants", "Arts vivants", "Performing arts"),
    ("bande-dessinee", "Bande dessinée", "Comics"), ("bibliotheques", "Bibliothèques", "Libraries"),
    ("cinema", "Cinéma", "Cinema"), ("cirque", "Cirque", "Circus"), ("climat", "Climat", "Climate"),
    ("danse", "Danse", "Dance"), ("design", "Design", "Design"), ("droits-culturels", "Droits culturels",
                                                                    "Cultural rights"),
    ("economie-sociale", "Économie sociale", "Social economy"), ("education-aux-medias", "Éducation aux médias",
                                                                  "Media education"),
    ("egalite", "Égalité", "Equality"), ("enfance", "Enfance", "Childhood"),
    ("entrepreneuriat-culturel", "Entrepreneuriat culturel", "Cultural entrepreneurship"),
    ("europe", "Europe", "Europe"), ("festivals", "Festivals", "Festivals"), ("handicap", "Handicap", "Disability"),
    ("innovation-numerique", "Innovation numérique", "Digital innovation"), ("insertion", "Insertion",
                                                                             "Work integration"),
    ("jeunesse", "Jeunesse", "Youth"), ("litterature", "Littérature", "Literature"),
    ("metiers-d-art", "Métiers d’art", "Crafts"), ("mediation", "Médiation", "Outreach"),
    ("memoire", "Mémoire", "Memory"), ("musees", "Musées", "Museums"), ("musique", "Musique", "Music"),
    ("patrimoine", "Patrimoine", "Heritage"), ("photographie", "Photographie", "Photography"),
    ("plaidoyer", "Plaidoyer", "Advocacy"), ("podcast", "Podcast", "Podcasts"),
    ("quartiers", "Quartiers", "Neighbourhoods"), ("ruralite", "Ruralité", "Rural life"),
    ("sante", "Santé", "Health"), ("solidarite", "Solidarité", "Solidarity"), ("theatre", "Théâtre", "Theatre"),
    ("territoires", "Territoires", "Local areas"), ("upconf", "#UpConf", "#UpConf"),
)

FIRST_NAMES = ("Camille", "Léa", "Hugo", "Inès", "Nora", "Jules", "Chloé", "Yanis", "Manon", "Élise", "Karim",
               "Sofia", "Théo", "Amina", "Lucas", "Zoé", "Malik", "Clara", "Bastien", "Salomé")
LAST_NAMES = ("Martin", "Benali", "Durand", "Lefèvre", "Nguyen", "Moreau", "Diallo", "Girard", "Rousseau",
              "Fontaine", "Chevalier", "Haddad", "Lambert", "Perrin", "Garnier", "Mercier", "Traoré", "Blanc",
              "Faure", "Leroy")
ISSUE_DATES = (dt.date(2019, 3, 15), dt.date(2021, 6, 15), dt.date(2023, 9, 15), dt.date(2025, 11, 15))
ISSUE_WINDOW = dt.timedelta(days=120)  #: articles this long before an issue may appear in it


# -- text ----------------------------------------------------------------------------------------

def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens (as the site's slugify does for our vocabulary)."""
    text = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("’", " "))
    return re.sub(r"[^a-z0-9]+", "-", text.encode("ascii", "ignore").decode().lower()).strip("-")


class Writer:
    """Pseudo-random words, sentences and paragraphs in one language, from the shared generator."""

    def __init__(self, rng: random.Random, words: list[str]) -> None:
        self.rng = rng
        self.words = words

    def phrase(self, count: int) -> list[str]:
        return [self.rng.choice(self.words) for _ in range(count)]

    def sentence(self, count: int) -> str:
        words = self.phrase(count)
        return " ".join([words[0].capitalize(), *words[1:]]) + "."

    def title(self, count: int) -> str:
        words = self.phrase(count)
        return " ".join([words[0].capitalize(), *words[1:]])

    def paragraphs(self, total: int) -> list[str]:
        """Paragraphs of 3–6 sentences of 8–20 words, ``total`` words in all (exactly)."""
        sentences = []
        while total > 0:
            count = min(total, self.rng.randint(8, 20))
            if 0 < total - count < 4:  # no stub sentence at the end
                count = total
            sentences.append(self.sentence(count))
            total -= count
        result = []
        while sentences:
            take = self.rng.randint(3, 6)
            result.append(" ".join(sentences[:take]))
            sentences = sentences[take:]
        return result


def count_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


# -- data model ----------------------------------------------------------------------------------

@dataclass
class Article:
    stem: str
    date: dt.date
    authors: list[str]
    tags: list[str]
    rubric: str
    issue: int | None
    link_to: int = -1  #: index of the article this one links to

    @property
    def year(self) -> int:
        return self.date.year


def plan_articles(rng: random.Random, count: int, authors: list[str], tags: list[str],
                  fr: Writer) -> list[Article]:
    """Metadata of every article: unique stems, dates evenly spread with jitter over the ten years."""
    span = (LAST_DAY - FIRST_DAY).days + 1
    stems: set[str] = set()
    articles = []
    for index in range(count):
        low = index * span // count
        high = max(low, (index + 1) * span // count - 1)
        date = FIRST_DAY + dt.timedelta(days=rng.randint(low, high))
        stem = base = slug(fr.title(rng.randint(3, 6)))[:60].strip("-") or "article"
        suffix = 2
        while stem in stems:
            stem = f"{base}-{suffix}"
            suffix += 1
        stems.add(stem)
        issue = None
        for number, issue_date in enumerate(ISSUE_DATES, 1):
            if issue_date - ISSUE_WINDOW <= date <= issue_date and rng.random() < 0.5:
                issue = number
        articles.append(Article(stem, date, rng.sample(authors, rng.randint(1, 2)),
                                rng.sample(tags, rng.randint(3, 8)), rng.choice(RUBRICS), issue))
    for index, article in enumerate(articles):
        other = rng.randrange(count - 1)
        article.link_to = other if other < index else other + 1
    return articles


LINK_WORDS = {"fr": ("voir", "aussi"), "en": ("see", "also")}
LIST_INTRO = {"fr": "Quelques repères", "en": "A few pointers"}


def article_body(writer: Writer, lang: str, article: Article, target: Article) -> str:
    """600–900 words: intro, 2–4 sections under unique headings, one list, one link to ``target``."""
    rng = writer.rng
    total = rng.randint(WORDS_MIN, WORDS_MAX - 20)  # margin for the link path's words (year, stem, md)
    headings: list[str] = []
    slugs: set[str] = set()
    for _ in range(rng.randint(2, 4)):
        while True:
            heading = writer.title(rng.randint(2, 5))
            if slug(heading) not in slugs:
                break
        slugs.add(slug(heading))
        headings.append(heading)
    items = [writer.sentence(rng.randint(4, 10)) for _ in range(rng.randint(3, 5))]
    intro = LIST_INTRO[lang] + " :" if lang == "fr" else LIST_INTRO[lang] + ":"
    link_text = writer.title(rng.randint(2, 4))
    href = f"../{target.year}/{target.stem}.{lang}.md"
    link = f"{' '.join(LINK_WORDS[lang]).capitalize()} [{link_text}]({href})."
    fixed = sum(count_words(h) for h in headings) + sum(count_words(i) for i in items) + count_words(intro) \
        + count_words(link.replace(href, ""))
    # Split the prose between the intro and the sections, at least MIN_SHARE words each.
    parts = len(headings) + 1
    extra = max(0, total - fixed - parts * MIN_SHARE)
    cuts = sorted(rng.randint(0, extra) for _ in range(parts - 1))
    shares = [MIN_SHARE + b - a for a, b in zip([0, *cuts], [*cuts, extra])]
    list_section = rng.randrange(len(headings))
    link_section = rng.randrange(len(headings))
    blocks = writer.paragraphs(shares[0])
    for number, heading in enumerate(headings):
        paragraphs = writer.paragraphs(shares[number + 1])
        blocks.append(f"## {heading}")
        blocks.append(paragraphs[0])
        if number == list_section:
            blocks.append(intro)
            blocks.append("\n".join(f"- {item}" for item in items))
        blocks.extend(paragraphs[1:])
        if number == link_section:
            blocks.append(link)
    body = "\n\n".join(blocks) + "\n"
    words = count_words(body)
    assert WORDS_MIN <= words <= WORDS_MAX, (article.stem, lang, words)
    return body


def description(writer: Writer) -> str:
    text = writer.sentence(writer.rng.randint(14, 30))
    while len(text) > DESCRIPTION_MAX:
        text = text[:text[:-1].rfind(" ")].rstrip(",") + "."
    return text


def front_matter(meta: dict[str, object]) -> str:
    """YAML front matter: strings as JSON (valid YAML, always quoted), dates bare, key lists in brackets."""
    lines = ["---"]
    for key, value in meta.items():
        assert key in WRITTEN_KEYS, key
        if value is None:
            continue
        if isinstance(value, dt.date):
            text = value.isoformat()  # a YAML date
        elif isinstance(value, str):
            text = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, list):
            text = "[" + ", ".join(value) + "]"
        else:
            text = str(value)  # issue numbers
        lines.append(f"{key}: {text}")
    return "\n".join(lines) + "\n---\n\n"


# -- registries ----------------------------------------------------------------------------------

def make_authors(rng: random.Random, fr: Writer, en: Writer) -> dict[str, dict]:
    firsts = rng.sample(FIRST_NAMES, AUTHOR_COUNT)
    lasts = rng.sample(LAST_NAMES, AUTHOR_COUNT)
    authors = {}
    for first, last in zip(firsts, lasts):
        name = f"{first} {last}"
        authors[slug(name)] = {"name": name, "bio": {"fr": fr.sentence(rng.randint(12, 24)),
                                                     "en": en.sentence(rng.randint(12, 24))}}
    return authors


def make_issues(fr: Writer, en: Writer) -> list[dict]:
    issues = []
    for number, date in enumerate(ISSUE_DATES, 1):
        issues.append({
            "number": number, "date": date,
            "title": {"fr": fr.title(3), "en": en.title(3)},
            "editorial": {"fr": "\n\n".join(fr.paragraphs(90)) + "\n", "en": "\n\n".join(en.paragraphs(90)) + "\n"},
        })
    return issues


def site_config(out: Path, social_cards: bool = False) -> dict:
    """The repository's mkdocs.yml, pointed at ``out`` (its `!ENV [NAME, default]` read as the default).

    Social cards are off unless asked for: the magazine bench measures pages and
    feeds; bench/images.py measures images and cards.
    """

    class EnvLoader(yaml.SafeLoader):
        pass

    EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=EnvLoader)
    config.update(site_url="https://bench.example/", docs_dir=str(out / "content"),
                  hooks=[str(REPO / "hooks" / "site_hooks.py")], watch=["magazine", "structures"])
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config.setdefault("extra", {}).setdefault("portal", {})["social_cards"] = social_cards
    return config


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


# -- the corpus ----------------------------------------------------------------------------------

def prepare(out: Path) -> None:
    """Make ``out`` an empty folder; refuse to wipe a non-empty folder this script did not write."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            sys.exit(f"{out} is not empty and was not written by bench/generate.py: choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("written by bench/generate.py; may be overwritten\n", encoding="utf-8")


def allowed_keys() -> tuple[str, ...]:
    """ARTICLE_KEYS of hooks/portal/content/magazine.py, read without importing the hooks."""
    tree = ast.parse((REPO / "hooks" / "portal" / "content" / "magazine.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "ARTICLE_KEYS" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise LookupError("ARTICLE_KEYS not found in hooks/portal/content/magazine.py")


def generate(articles: int, out: Path, seed: int = 1, covers: int = 0, social_cards: bool = False,
             distinct_covers: int = 0) -> Path:
    """Write the synthetic site into ``out``; return the path of its mkdocs.yml.

    The first ``covers`` articles get a cover image (a 1600×1000 JPEG drawn here),
    each its own unless ``distinct_covers`` is set: then they take turns among
    that many images, each copied beside the article under its own name (the same
    bytes in many places, as editors reuse a photo).
    """
    if articles < 2:
        raise ValueError("--articles must be at least 2 (each article links to another one)")
    unknown = set(WRITTEN_KEYS) - set(allowed_keys())
    if unknown:
        raise ValueError(f"front matter keys not in ARTICLE_KEYS: {sorted(unknown)}")
    out = out.resolve()
    prepare(out)
    shutil.copytree(REPO / "content", out / "content")
    shutil.copytree(REPO / "structures", out / "structures")
    shutil.copytree(REPO / "upconf", out / "upconf")  # the site's pages link to #UpConf: a corpus without it fails
    config = out / "mkdocs.yml"
    config.write_text(dump(site_config(out, social_cards)), encoding="utf-8")

    rng = random.Random(seed)
    fr, en = Writer(rng, FRENCH), Writer(rng, ENGLISH)
    magazine = out / "magazine"
    magazine.mkdir()
    authors = make_authors(rng, fr, en)
    (magazine / "authors.yml").write_text(dump(authors), encoding="utf-8")
    (magazine / "tags.yml").write_text(dump({key: {"fr": f, "en": e} for key, f, e in TAGS}), encoding="utf-8")
    (magazine / "issues.yml").write_text(dump(make_issues(fr, en)), encoding="utf-8")

    plan = plan_articles(rng, articles, list(authors), [key for key, _, _ in TAGS], fr)
    for number, article in enumerate(plan):
        folder = magazine / str(article.year)
        folder.mkdir(exist_ok=True)
        target = plan[article.link_to]
        cover = None
        if number < covers:
            cover = f"{article.stem}.jpg"
            if distinct_covers:
                shared = out / ".bench-covers" / f"{number % distinct_covers}.jpg"
                if not shared.exists():
                    shared.parent.mkdir(exist_ok=True)
                    draw_cover(random.Random(seed * 100_003 + number), shared)
                shutil.copyfile(shared, folder / cover)
            else:
                draw_cover(random.Random(seed * 100_003 + number), folder / cover)
        for lang, writer in (("fr", fr), ("en", en)):
            meta = {"title": writer.title(rng.randint(4, 9)), "date": article.date,
                    "authors": article.authors, "tags": article.tags, "rubric": article.rubric,
                    "description": description(writer), "issue": article.issue}
            if cover:
                meta.update(cover=cover, cover_alt=writer.title(5))
            text = front_matter(meta) + article_body(writer, lang, article, target)
            (folder / f"{article.stem}.{lang}.md").write_text(text, encoding="utf-8")
    return config


def draw_cover(rng: random.Random, path: Path) -> None:
    """A 1600×1000 JPEG of coloured rectangles, different for each seed."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1600, 1000), (35, 26, 46))
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x, y = rng.randint(0, 1500), rng.randint(0, 900)
        draw.rectangle([x, y, x + rng.randint(40, 500), y + rng.randint(40, 400)],
                       fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    image.save(path, quality=85)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="number of articles (each in fr and en)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the site into")
    parser.add_argument("--seed", type=int, default=1, help="seed of the pseudo-random text (default 1)")
    args = parser.parse_args(argv)
    if args.articles < 2:
        parser.error("--articles must be at least 2 (each article links to another one)")
    config = generate(args.articles, args.out, args.seed)
    print(f"wrote {args.articles} articles × 2 languages; build with: mkdocs build --strict -f {config}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
