"""French versions of the content problems, for `portal check --lang fr`.

Messages are written in English where they are raised; this table turns
each known shape into French. A shape missing here is shown in English
(a unit test keeps the table in step with the messages the loaders raise).
"""

from __future__ import annotations

import re

from .problems import Problem

_MESSAGES: list[tuple[str, str]] = [
    (r"required field is missing", "champ obligatoire manquant"),
    (r"unknown key", "clé inconnue"),
    (r"must not be empty", "ne doit pas être vide"),
    (r"must be text, not (.+)", r"doit être un texte, pas \1"),
    (r"must be a whole number, not (.+)", r"doit être un nombre entier, pas \1"),
    (r"must be true or false, not (.+)", r"doit être true ou false, pas \1"),
    (r"must be a list of keys", "doit être une liste de clés"),
    (r"must list at least one key", "doit contenir au moins une clé"),
    (r"lists the same key twice", "contient deux fois la même clé"),
    (r"must be at least (\d+), not (.+)", r"doit valoir au moins \1, pas \2"),
    (r"is (\d+) characters long; keep it under (\d+)", r"fait \1 caractères ; restez sous \2"),
    (r"unknown value '(.+)'", r"valeur inconnue « \1 »"),
    (r"unknown language '(.+)'", r"langue inconnue « \1 »"),
    (r"the (\w\w) text is missing", r"le texte \1 manque"),
    (r"the (\w\w) text must be text, not (.+)", r"le texte \1 doit être un texte, pas \2"),
    (r"'(.+)' is not a slug", r"« \1 » n’est pas un identifiant d’URL"),
    (r"'(.+)' is not a date and time", r"« \1 » n’est pas une date avec heure"),
    (r"'(.+)' is not a date", r"« \1 » n’est pas une date"),
    (r"'(.+)' is not in (.+)", r"« \1 » n’existe pas dans \2"),
    (r"'(.+)' has the scheme '(.+)'; only http, https and mailto are allowed",
     r"« \1 » utilise le schéma « \2 » ; seuls http, https et mailto sont acceptés"),
    (r"'(.+)' has no host", r"« \1 » n’a pas de nom de domaine"),
    (r"'(.+)' does not exist next to the file", r"« \1 » n’existe pas à côté du fichier"),
    (r"a path outside the repository is not allowed", "un chemin qui sort du dépôt est interdit"),
    (r"a link pointing outside the repository is not allowed", "un lien qui pointe hors du dépôt est interdit"),
    (r"'(.+)' is not an image", r"« \1 » n’est pas une image"),
    (r"'(.+)' cannot be read \((.+)\)", r"« \1 » est illisible (\2)"),
    (r"'(.+)' is truncated \(the file is incomplete\)", r"« \1 » est tronquée (fichier incomplet)"),
    (r"'(.+)' has more than (.+) pixels", r"« \1 » dépasse \2 pixels"),
    (r"'(.+)' is a (\w+) image", r"« \1 » est une image \2"),
    (r"is set but there is no 'cover'", "est renseigné mais il n’y a pas de « cover »"),
    (r"is before the publication date", "est antérieur à la date de publication"),
    (r"is in (\d+) but the file is in (.+)", r"est en \1 mais le fichier est dans \2"),
    (r"is not after '(.+)'", r"n’est pas après « \1 »"),
    (r"is after the start", "est postérieur au début"),
    (r"is on (.+) but the file name says (.+)", r"tombe le \1 mais le nom du fichier dit \2"),
    (r"is only for a postponed conference", "ne sert que pour une conférence reportée"),
    (r"give both 'new_start' and 'new_end'", "indiquez « new_start » et « new_end »"),
    (r"a conference needs a venue, or 'online: true', or both",
     "une conférence a besoin d’un lieu, ou de « online: true », ou des deux"),
    (r"print issue (\d+) is not in magazine/issues.yml", r"le numéro \1 n’existe pas dans magazine/issues.yml"),
    (r"'(.+)' already has a (\w\w) version: (.+)", r"« \1 » a déjà une version \2 : \3"),
    (r"'(.+)' \(or an alias\) gives the same URL as (.+)", r"« \1 » (ou un ancien slug) donne la même URL que \2"),
    (r"'(.+)' is already used by (.+)", r"« \1 » est déjà utilisé par \2"),
    (r"gives the same URL as (.+)", r"donne la même URL que \1"),
    (r"the file name has no language suffix", "le nom du fichier n’indique pas la langue"),
    (r"the file name '(.+)' is not a slug", r"le nom de fichier « \1 » n’est pas un identifiant d’URL"),
    (r"the file name '(.+)' is not '<yyyy-mm-dd>-<slug>.yml'", r"le nom de fichier « \1 » n’est pas de la forme « <aaaa-mm-jj>-<slug>.yml »"),
    (r"'(.+)/' is not a year folder", r"« \1/ » n’est pas un dossier d’année"),
    (r"'(.+)/' is reserved for the (\w\w) build", r"« \1/ » est réservé au site \2"),
    (r"YAML syntax error: a tab is used for indentation; indent with spaces",
     "erreur de syntaxe YAML : une tabulation sert d’indentation ; indentez avec des espaces"),
    (r"YAML syntax error: (.+)", r"erreur de syntaxe YAML : \1"),
    (r"key '(.+)' appears twice", r"la clé « \1 » apparaît deux fois"),
    (r"the YAML tag (.+) is not allowed", r"l’étiquette YAML \1 est interdite"),
    (r"not valid UTF-8 text; save the file as UTF-8", "ce n’est pas du texte UTF-8 ; enregistrez le fichier en UTF-8"),
    (r"file is larger than (\d+) kB", r"le fichier dépasse \1 ko"),
    (r"nesting deeper than (\d+) levels", r"plus de \1 niveaux d’imbrication"),
    (r"front matter opened with '---' on line 1 is never closed", "l’en-tête ouvert par « --- » à la ligne 1 n’est jamais fermé"),
    (r"an article starts with front matter between '---' lines", "un article commence par un en-tête entre deux lignes « --- »"),
    (r"unknown marker", "marqueur inconnu"),
    (r"'(.+)' has no alt text", r"« \1 » n’a pas de texte alternatif"),
    (r"'(.+)' must stand alone on its line", r"« \1 » doit être seule sur sa ligne"),
    (r"'(.+)' is not a (\w+) video id", r"« \1 » n’est pas un identifiant de vidéo \2"),
    (r"the video needs a title", "la vidéo a besoin d’un titre"),
    (r"name one video host and the video id", "indiquez un hébergeur de vidéo et l’identifiant"),
    (r"says (\d+) structures, but structures/ has (\d+) files and 'unlisted' is (\d+)",
     r"annonce \1 structures, mais structures/ contient \2 fichiers et « unlisted » vaut \3"),
    (r"still holds the '# TO FILL' placeholder", "contient encore le repère « # TO FILL »"),
    (r"the (\w\w) text still holds the '# TO FILL' placeholder", r"le texte \1 contient encore le repère « # TO FILL »"),
    (r"must be (.+)", r"doit être \1"),
    (r"placeholder text '(.+)' would be published", r"le texte provisoire « \1 » serait publié"),
    (r"must hold 'title' and 'fields'", "doit contenir « title » et « fields »"),
    (r"must hold 'label' \(fr, en\) and 'value'", "doit contenir « label » (fr, en) et « value »"),
    (r"must give the title in fr and en", "doit donner le titre en fr et en en"),
]
_HINTS: list[tuple[str, str]] = [
    (r"did you mean '(.+)'\?", r"vouliez-vous dire « \1 » ?"),
    (r"add '(.+):' under '(.+)'", r"ajoutez « \1: » sous « \2 »"),
    (r"add '(.+):'", r"ajoutez « \1: »"),
    (r"allowed keys: (.+)", r"clés possibles : \1"),
    (r"choose one of: (.+)", r"choisissez parmi : \1"),
    (r"write it as (.+)", r"écrivez-la sous la forme \1"),
    (r"add a date as YYYY-MM-DD", "ajoutez une date AAAA-MM-JJ"),
    (r"use lowercase ASCII letters, digits and hyphens", "utilisez des minuscules sans accents, des chiffres et des tirets"),
    (r"use an http, https or mailto address", "utilisez une adresse http, https ou mailto"),
    (r"name it like (.+)", r"nommez-le comme \1"),
    (r"move the file to (.+)", r"déplacez le fichier dans \1"),
    (r"list keys of (.+)", r"listez des clés de \1"),
    (r"add it to (.+) or fix the spelling", r"ajoutez-la à \1 ou corrigez l’orthographe"),
    (r"choose another slug", "choisissez un autre slug"),
    (r"export it again as JPEG or PNG", "exportez-la de nouveau en JPEG ou PNG"),
    (r"check the end time", "vérifiez l’heure de fin"),
    (r"known issues: (.+)", r"numéros connus : \1"),
    (r"indent with spaces", "indentez avec des espaces"),
    (r"an update comes after 'date'", "une mise à jour vient après « date »"),
    (r"copy the fields of another article", "copiez les champs d’un autre article"),
    (r"give each article its own stem or translation_key", "donnez à chaque article son propre nom de fichier ou translation_key"),
    (r"give the structure another file name or slug", "donnez à la structure un autre nom de fichier ou slug"),
    (r"rename the file after the start date \(a new date of a postponed conference goes in 'new_start'\)",
     "renommez le fichier d’après la date de début (la nouvelle date d’une conférence reportée va dans « new_start »)"),
    (r"resize it before adding it", "réduisez-la avant de l’ajouter"),
    (r"set 'status: postponed' or remove it", "indiquez « status: postponed » ou retirez-le"),
    (r"add 'cover:' or remove 'cover_alt:'", "ajoutez « cover: » ou retirez « cover_alt: »"),
    (r"add 'venue:' or 'online:'", "ajoutez « venue: » ou « online: »"),
    (r"check (.+)", r"vérifiez \1"),
    (r"write (.+): \[key-one, key-two\]", r"écrivez \1: [cle-une, cle-deux]"),
    (r"write it as 'YYYY-MM-DD HH:MM' \(Paris time\)", "écrivez-la sous la forme « AAAA-MM-JJ HH:MM » (heure de Paris)"),
    (r"update the figure, or 'unlisted' \(structures of the group without a file yet\)",
     "mettez à jour le chiffre, ou « unlisted » (structures du groupe sans fichier pour l’instant)"),
    (r"move this page elsewhere in content/", "déplacez cette page ailleurs dans content/"),
    (r"put the article in magazine/<year>/", "rangez l’article dans magazine/<année>/"),
    (r"name it after the start date and a short slug, e.g. (.+)", r"nommez-le d’après la date de début et un court slug, par exemple \1"),
    (r"rename it with lowercase ASCII letters, digits and hyphens", "renommez-le avec des minuscules sans accents, des chiffres et des tirets"),
    (r"move the file and name it '(.+)'", r"déplacez le fichier et nommez-le « \1 »"),
    (r"known markers: (.+)", r"marqueurs connus : \1"),
    (r"languages are: (.+)", r"langues : \1"),
    (r"write <!-- portal:video youtube=ID title=\"…\" -->", "écrivez <!-- portal:video youtube=ID title=\"…\" -->"),
    (r"add title=\"…\" for readers of screen readers", "ajoutez title=\"…\" pour les lecteurs d’écran"),
    (r"use JPEG, PNG or WebP", "utilisez JPEG, PNG ou WebP"),
    (r"replace it with the real text", "remplacez-le par le vrai texte"),
    (r"describe the image between the brackets: !\[what it shows\]\(file\)",
     "décrivez l’image entre les crochets : ![ce qu’elle montre](fichier)"),
    (r"put the image in a paragraph of its own", "mettez l’image dans un paragraphe à elle"),
    (r"give each figure its own id", "donnez à chaque chiffre son propre id"),
    (r"add a date as YYYY-MM-DD", "ajoutez une date AAAA-MM-JJ"),
    (r"write the real text, or leave the field out until it is known",
     "écrivez le vrai texte, ou laissez le champ de côté tant qu’il n’est pas connu"),
]


def _translate(text: str, table: list[tuple[str, str]]) -> str:
    for pattern, replacement in table:
        if re.fullmatch(pattern, text):
            return re.sub(pattern, replacement, text)
    return text


def in_french(problem: Problem) -> Problem:
    """The same problem, its message and hint in French when their shape is known."""
    return Problem(problem.path, problem.line, problem.field, _translate(problem.message, _MESSAGES),
                   _translate(problem.hint, _HINTS) if problem.hint else "")


def is_translated(message: str) -> bool:
    return any(re.fullmatch(pattern, message) for pattern, _ in _MESSAGES)
