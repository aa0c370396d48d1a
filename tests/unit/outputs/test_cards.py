"""Social cards: 1200×630, the committed fonts (accents, œ), the cover when there is one, cached."""


from PIL import Image

from portal.outputs.cards import CardSpec, card_path, draw_card, draw_cards, has_own_card
from support import REPO

FONTS = REPO / "overrides" / "assets" / "fonts"


def test_card_paths():
    assert card_path("") == "assets/cards/index.jpg"
    assert card_path("magazine/2025/x/") == "assets/cards/magazine/2025/x.jpg"
    assert card_path("magazine/2025/page/") == "assets/cards/magazine/2025/page.jpg"  # an article named 'page'


def test_the_later_pages_of_a_listing_show_its_first_pages_card():
    assert card_path("magazine/page/2/") == card_path("magazine/") == "assets/cards/magazine.jpg"
    assert card_path("magazine/tags/patrimoine/page/12/") == "assets/cards/magazine/tags/patrimoine.jpg"
    assert not has_own_card("magazine/page/2/") and has_own_card("magazine/") and has_own_card("")


def test_card_size_and_cover(tmp_path):
    Image.new("RGB", (800, 600), (0, 200, 0)).save(tmp_path / "cover.jpg")
    with_cover = draw_card(CardSpec("a", "Œuvres à l’écran : l’été des cœurs", "Magazine", "x.org", tmp_path / "cover.jpg"), FONTS)
    without = draw_card(CardSpec("b", "Œuvres à l’écran : l’été des cœurs", "Magazine", "x.org"), FONTS)
    assert with_cover.size == without.size == (1200, 630)
    assert with_cover.getpixel((1100, 300))[1] > 150, "the cover fills the right side"
    assert without.getpixel((1100, 300))[1] < 100
    # The title is drawn: many white pixels where the text goes.
    text = without.crop((80, 140, 700, 300)).convert("L")
    assert sum(1 for value in text.get_flattened_data() if value > 200) > 2000


def test_long_titles_shrink_and_stay_in_four_lines(tmp_path):
    spec = CardSpec("c", " ".join(["interminable"] * 40), "Magazine", "x.org")
    card = draw_card(spec, FONTS)
    bottom = card.crop((80, 400, 1100, 530)).convert("L")  # between 4 lines of 40 px and the footer
    assert max(bottom.get_flattened_data()) < 200, "the title never runs into the footer"


def test_cards_are_cached(tmp_path):
    specs = [CardSpec(f"p{i}.png", f"Titre {i}", "Section", "x.org") for i in range(3)]
    first = draw_cards(specs, tmp_path / "cache", FONTS, workers=2)
    stamps = {path.stat().st_mtime_ns for path in first.values()}
    second = draw_cards(specs, tmp_path / "cache", FONTS, workers=2)
    assert first == second and {path.stat().st_mtime_ns for path in second.values()} == stamps
    changed = draw_cards([CardSpec("p0.png", "Autre titre", "Section", "x.org")], tmp_path / "cache", FONTS)
    assert changed["p0.png"] != first["p0.png"]


def test_a_card_is_drawn_again_when_a_font_or_the_cover_changes(tmp_path):
    import shutil

    fonts = tmp_path / "fonts"
    shutil.copytree(FONTS, fonts)
    Image.new("RGB", (800, 600), (0, 200, 0)).save(tmp_path / "cover.jpg")
    spec = CardSpec("p.png", "Titre", "Section", "x.org", tmp_path / "cover.jpg")
    first = draw_cards([spec], tmp_path / "cache", fonts, workers=1)["p.png"]
    shutil.copyfile(fonts / "source-sans-3-latin-700-normal.woff2", fonts / "source-sans-3-latin-600-normal.woff2")
    second = draw_cards([spec], tmp_path / "cache", fonts, workers=1)["p.png"]
    assert second != first and second.read_bytes() != first.read_bytes()
    Image.new("RGB", (800, 600), (200, 0, 0)).save(tmp_path / "cover.jpg")
    assert draw_cards([spec], tmp_path / "cache", fonts, workers=1)["p.png"] != second
