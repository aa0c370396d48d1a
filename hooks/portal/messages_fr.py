"""French versions of the content problems, for `portal check --lang fr`.

Messages are written in English where they are raised; this table turns
each known shape into French. A shape missing here is shown in English
(a unit test keeps the table in step with the messages the loaders raise).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeAlias

from .problems import Problem

#: French text for an English one: a template of the pattern's groups, or a function of its match.
_Replacement: TypeAlias = "str | Callable[[re.Match[str]], str]"

_MESSAGES: list[tuple[str, _Replacement]] = [
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
    # -- content boundary: links, files content/ does not publish, addresses -------------------
    (r"a link to a folder is not followed", "un lien vers un dossier n’est pas suivi"),
    (r"the link points to a missing file", "le lien pointe vers un fichier qui n’existe pas"),
    (r"is not a regular file", "n’est pas un fichier ordinaire"),
    (r"the extension '(.+)' is not '(.+)'", r"l’extension « \1 » n’est pas « \2 »"),
    (r"this file is not published: content/ holds pages \(\*\.fr\.md, \*\.en\.md\) and the JPEG, PNG or WebP "
     r"images they show",
     "ce fichier n’est pas publié : content/ contient les pages (*.fr.md, *.en.md) et les images JPEG, PNG ou WebP "
     "qu’elles montrent"),
    (r"no page shows this image, so it is not published", "aucune page ne montre cette image : elle n’est pas publiée"),
    (r"an article must be in a year folder", "un article doit être dans un dossier d’année"),
    (r"an article must be directly in its year folder", "un article doit être directement dans son dossier d’année"),
    (r"a file of (.+)/ must be directly in (.+)/", r"un fichier de \1/ doit être directement dans \2/"),
    (r"'(.+)/' is where generated pages go", r"« \1/ » est l’adresse de pages générées"),
    (r"'(.+)/' is where the build writes the theme's files", r"« \1/ » est l’endroit où le site écrit les fichiers du thème"),
    (r"'pagefind/' is where the build writes the search index", "« pagefind/ » est l’endroit où le site écrit l’index de recherche"),
    (r"'(.+)' gives the same URL as (.+)", r"« \1 » donne la même URL que \2"),
    (r"'(.+)' is the address of the year's listing", r"« \1 » est l’adresse de la liste de l’année"),
    (r"'(.+)' is the address of (.+)", r"« \1 » est l’adresse de \2"),
    (r"'(.+)' is an alias of (.+)", r"« \1 » est un ancien slug de \2"),
    (r"'(.+)' is already the address of a generated page", r"« \1 » est déjà l’adresse d’une page générée"),
    (r"'(.+)' is already the address of (.+)", r"« \1 » est déjà l’adresse de \2"),
    (r"is before 'announced'", "est antérieur à « announced »"),
    (r"placeholder text '(.+)' would be published", r"le texte provisoire « \1 » serait publié"),
    (r"must hold 'title' and 'fields'", "doit contenir « title » et « fields »"),
    (r"must hold 'label' \(fr, en\) and 'value'", "doit contenir « label » (fr, en) et « value »"),
    (r"must give the title in fr and en", "doit donner le titre en fr et en en"),
]
_HINTS: list[tuple[str, _Replacement]] = [
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
    # -- content boundary ------------------------------------------------------------------------
    (r"copy the file into the repository instead of linking to it", "copiez le fichier dans le dépôt au lieu d’y faire un lien"),
    (r"move the files into the repository's folder instead of linking to it",
     "déplacez les fichiers dans le dossier du dépôt au lieu d’y faire un lien"),
    (r"remove the link", "supprimez le lien"),
    (r"remove it", "supprimez-le"),
    (r"rename the file '(.+)'", r"renommez le fichier « \1 »"),
    (r"remove it, or move it out of content/", "supprimez-le, ou sortez-le de content/"),
    (r"show it in a page with !\[what it shows\]\((.+)\), or remove it",
     r"montrez-la dans une page avec ![ce qu’elle montre](\1), ou supprimez-la"),
    (r"move it to magazine/<year>/(.+)", r"déplacez-le dans magazine/<année>/\1"),
    (r"move it to (.+)", r"déplacez-le dans \1"),
    (r"rename the file, or give the page a 'slug:'", "renommez le fichier, ou donnez à la page un « slug: »"),
    (r"rename one of the two files", "renommez l’un des deux fichiers"),
    (r"the article named by its file, or else published first, keeps it; give this one its own stem or translation_key",
     "l’article nommé par son fichier, sinon le premier publié, la garde ; donnez à celui-ci son propre nom de fichier "
     "ou translation_key"),
    (r"the article named by its file, or else published first, keeps it; choose another slug",
     "l’article nommé par son fichier, sinon le premier publié, la garde ; choisissez un autre slug"),
    (r"an alias never takes another article's address; remove it",
     "un ancien slug ne prend jamais l’adresse d’un autre article ; retirez-le"),
    (r"give this one another file name or slug", "donnez à celui-ci un autre nom de fichier ou slug"),
    (r"give the date of the latest change", "indiquez la date du dernier changement"),
    (r"write the real text, or leave the field out until it is known",
     "écrivez le vrai texte, ou laissez le champ de côté tant qu’il n’est pas connu"),
]


def _translate(text: str, table: list[tuple[str, _Replacement]]) -> str:
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


# -- text boundary: control characters, registries, YAML slips, empty fields ----------------------
# Put before the table's general shapes ('must be (.+)', 'YAML syntax error: (.+)'), which they refine.

_TYPE_NAMES_FR = {"text": "un texte", "a whole number": "un nombre entier", "true or false": "true ou false",
                  "a list": "une liste", "a mapping": "une table de « clé: valeur »", "date": "une date",
                  "float": "un nombre décimal", "datetime": "une date avec heure", "bytes": "des données binaires"}
_FIELD_NAMES_FR = {"title": "le titre", "description": "la description", "name": "le nom", "summary": "le résumé",
                   "text": "le texte", "cover_alt": "le texte de « cover_alt »", "city": "la ville",
                   "address": "l’adresse", "bio": "la biographie", "editorial": "l’éditorial"}


def _type_fr(text: str) -> str:
    """'a whole number (5)' -> 'un nombre entier (5)'; an unknown type name stays as the code says it."""
    name, _, rest = text.partition(" (")
    return _TYPE_NAMES_FR.get(name, f"« {name} »") + (f" ({rest}" if rest else "")


def _field_fr(key: str) -> str:
    return _FIELD_NAMES_FR.get(key, f"« {key} »")


_MESSAGES[:0] = [
    (r"invisible control character (U\+[0-9A-F]{4,6}); remove it", r"caractère de contrôle invisible \1 ; supprimez-le"),
    (r"is empty", "est vide"),
    (r"the (\w\w) text is empty", r"le texte \1 est vide"),
    (r"'(.+)' has a problem in (.+)", r"« \1 » est en erreur dans \2"),
    (r"this entry is not like the others", "cette entrée n’a pas la forme des autres"),
    (r"must be (text|a whole number|true or false|a list|a mapping), not (.+)",
     lambda m: f"doit être {_type_fr(m.group(1))}, pas {_type_fr(m.group(2))}"),
    (r"must be a mapping of 'key: value' lines", "doit être une suite de lignes « clé: valeur »"),
    (r"the front matter must be a mapping of 'key: value' lines",
     "l’en-tête doit être une suite de lignes « clé: valeur »"),
    (r"must be a list", "doit être une liste"),
    (r"must be a list of facts, each starting with '- value:'",
     "doit être une liste de chiffres, chacun commençant par « - value: »"),
    (r"must be a list of figures, each starting with '- id:'",
     "doit être une liste de chiffres, chacun commençant par « - id: »"),
    (r"must be a list, each speaker starting with '- name:'",
     "doit être une liste d’intervenants, chacun commençant par « - name: »"),
    (r"must be a list of former slugs", "doit être une liste d’anciens slugs"),
    (r"must be a mapping with name, and city or address", "doit être une table avec name, et city ou address"),
    (r"must be a list of: (.+)", r"doit être une liste parmi : \1"),
    (r"each author must be a mapping with name and bio", "chaque auteur doit être une table avec name et bio"),
    (r"each print issue must be a mapping starting with '- number:'",
     "chaque numéro doit être une table commençant par « - number: »"),
    (r"each fact must be a mapping with value, unit and label", "chaque chiffre doit être une table avec value, unit et label"),
    (r"each speaker must be a mapping with a name", "chaque intervenant doit être une table avec un name"),
    (r"each figure must be a mapping", "chaque chiffre doit être une table"),
    (r"issue (\d+) is listed twice", r"le numéro \1 figure deux fois"),
    (r"'(.+)' is used twice", r"« \1 » est utilisé deux fois"),
    (r"'(.+)/' is where generated pages go", r"« \1/ » est réservé aux pages générées"),
    (r"a key must be a plain value", "une clé doit être une valeur simple"),
    (r"invalid value: (.+)", "valeur invalide"),
    (r"more than (\d+) values \(are aliases repeated\?\)", r"plus de \1 valeurs (des alias répétés ?)"),
    (r"YAML syntax error: ': ' inside a text that is not in quotes",
     "erreur de syntaxe YAML : « : » dans un texte qui n’est pas entre guillemets"),
    (r"YAML syntax error: this line is indented more than the key above it",
     "erreur de syntaxe YAML : cette ligne est plus indentée que la clé du dessus"),
    (r"YAML syntax error: a \" inside a text in double quotes ends it too early",
     "erreur de syntaxe YAML : un \" à l’intérieur d’un texte entre guillemets droits le termine trop tôt"),
    (r"YAML syntax error: an apostrophe inside a text in single quotes ends it too early",
     "erreur de syntaxe YAML : une apostrophe à l’intérieur d’un texte entre apostrophes droites le termine trop tôt"),
    (r"YAML syntax error: a text inside \{ \} or \[ \] holds a quote, a comma or ': '",
     "erreur de syntaxe YAML : un texte entre { } ou [ ] contient un guillemet, une virgule ou « : »"),
    (r"YAML syntax error: a quote is never closed", "erreur de syntaxe YAML : un guillemet n’est jamais fermé"),
    (r"YAML syntax error: a text cannot start with '(.)' unless it is in quotes",
     r"erreur de syntaxe YAML : un texte ne peut commencer par « \1 » qu’entre guillemets"),
    (r"YAML syntax error: '\\(.+)' is not allowed in a text in double quotes",
     r"erreur de syntaxe YAML : « \\\1 » est interdit dans un texte entre guillemets droits"),
    (r"YAML syntax error: this line is not 'key: value'",
     "erreur de syntaxe YAML : cette ligne n’est pas de la forme « clé: valeur »"),
    (r"YAML syntax error: a list item '-' where a key was expected",
     "erreur de syntaxe YAML : un élément de liste « - » là où une clé était attendue"),
    (r"YAML syntax error: expected ',' or '(.)', but got '<stream end>'",
     r"erreur de syntaxe YAML : il manque « \1 » avant la fin du fichier"),
    (r"YAML syntax error: (?!a tab is used)(.+)",
     "erreur de syntaxe YAML : vérifiez les guillemets, les « : » et l’indentation de cette ligne"),
]
_HINTS[:0] = [
    (r"written as a backslash escape in the quoted text: remove the escape",
     "il est écrit comme un échappement (barre oblique inverse) dans le texte entre guillemets : retirez-le"),
    (r"text pasted from a word processor often brings one: retype that spot",
     "un texte collé depuis un traitement de texte en apporte souvent : retapez cet endroit"),
    (r"write the (\w+)", lambda m: f"écrivez {_field_fr(m.group(1))}"),
    (r"write it after '(\w\w):'", r"écrivez-le après « \1: »"),
    (r"add (\w\w) and (\w\w) under '(.+)'", r"ajoutez \1 et \2 sous « \3 »"),
    (r"fix (.+) first", r"corrigez d’abord \1"),
    (r"write it as YYYY-MM-DD or 'YYYY-MM-DD HH:MM'", "écrivez-la sous la forme AAAA-MM-JJ ou « AAAA-MM-JJ HH:MM »"),
    (r"write it as YYYY-MM-DD", "écrivez-la sous la forme AAAA-MM-JJ"),
    (r"known issues: none", "aucun numéro connu"),
    (r"write aliases: \[old-slug\]", "écrivez aliases: [ancien-slug]"),
    (r"announce a conference before it takes place", "annoncez une conférence avant qu’elle ait lieu"),
    (r"put the (\w+) in quotes: (.+)", lambda m: f"mettez {_field_fr(m.group(1))} entre guillemets : {m.group(2)}"),
    (r"line up keys of the same level", "alignez les clés de même niveau"),
    (r"inside, use « » or ’ instead, or put the text in single quotes",
     "à l’intérieur, utilisez « » ou ’, ou mettez le texte entre apostrophes droites '…'"),
    (r"write the apostrophe as ’ or put the text in double quotes",
     "écrivez l’apostrophe ’, ou mettez le texte entre guillemets droits \"…\""),
    (r"put each text in double quotes, or write one 'key: value' per line",
     "mettez chaque texte entre guillemets droits, ou écrivez une ligne « clé: valeur » par champ"),
    (r"close it at the end of the text", "fermez-le à la fin du texte"),
    (r"write \\\\ for a backslash, or put the text in single quotes",
     lambda m: "écrivez \\\\ pour une barre oblique inverse, ou mettez le texte entre apostrophes droites"),
    (r"add ': ' after the key, or indent the line if it goes on with the text above",
     "ajoutez « : » après la clé, ou indentez la ligne si elle continue le texte du dessus"),
    (r"indent the list under its key", "indentez la liste sous sa clé"),
]

# -- HTML removed by the allow-list (portal.sanitise) ----------------------------------------------
_MESSAGES[:0] = [
    (r"HTML element <(.+)> removed", r"élément HTML <\1> retiré"),
    (r"HTML attribute '(.+)' removed from <(.+)>", r"attribut HTML « \1 » retiré de <\2>"),
    (r"link to '(.+)' removed", r"lien vers « \1 » retiré"),
    (r"image from another site removed: '(.+)'", r"image d’un autre site retirée : « \1 »"),
]
_HINTS[:0] = [
    (r"write Markdown: raw HTML is limited to the list in the editors' guide",
     "écrivez en Markdown : le HTML brut se limite à la liste du guide des éditeurs"),
    (r"links go to http, https or mailto addresses, or to pages and files of the site",
     "un lien mène à une adresse http, https ou mailto, ou à une page ou un fichier du site"),
    (r"put the image file next to the text: a reader's browser must not call another site",
     "mettez le fichier image à côté du texte : le navigateur d’un lecteur ne doit appeler aucun autre site"),
]
_HINTS[:0] = [(r"name it like '(.+)' or '(.+)'", r"nommez-le comme « \1 » ou « \2 »")]
_MESSAGES[:0] = [(r"the file name holds an invisible control character (U\+[0-9A-F]{4,6})",
                  r"le nom du fichier contient un caractère de contrôle invisible \1")]
_HINTS[:0] = [(r"rename the file", "renommez le fichier")]

# -- structures' coordinates (the map) and articles' cover caption --------------------------------
_MESSAGES[:0] = [
    (r"give both '(.+)' and '(.+)'", r"indiquez « \1 » et « \2 »"),
    (r"'(.+)' is not a number of degrees", r"« \1 » n’est pas un nombre de degrés"),
    (r"must be between (-?\d+) and (-?\d+), not (.+)", r"doit être compris entre \1 et \2, pas \3"),
]
_HINTS[:0] = [
    (r"write decimal degrees, e\.g\. latitude: (.+) and longitude: (.+)",
     r"écrivez des degrés décimaux, par exemple latitude: \1 et longitude: \2"),
    (r"add 'cover:' or remove '(cover_caption|cover_credit):'", r"ajoutez « cover: » ou retirez « \1: »"),
]
