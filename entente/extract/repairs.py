"""Repairs to parses the small model gets wrong in ways that many rules would otherwise
have to read around, each made once, right after parsing.

"The ministry declared three diplomats persona non grata and gave them 48 hours to leave":
the model makes "persona" a verb, with the ones declared for its subject and the declarer's
next act for its conjunct. Left so, the diplomats look like a subject (a pronoun's
antecedent, the giver of the 48 hours) and the giving looks like part of what the ministry
declared. The repair gives the parse a reader sees: the ones declared are the object of
"declared", "persona non grata" is what they are declared, and what hung on "persona"
(the next act, "accusing…") hangs on the declaring verb.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token


@Language.component("entente_parse_repairs")
def parse_repairs(doc: Doc) -> Doc:
    for token in doc:
        if _persona_as_verb(token):
            _repair_persona(token)
    return doc


def _persona_as_verb(token: Token) -> bool:
    doc = token.doc
    return token.lower_ == "persona" and token.dep_ == "ccomp" and token.i + 2 < len(doc) and \
        doc[token.i + 1].lower_ == "non" and doc[token.i + 2].lower_ == "grata"


def _repair_persona(persona: Token) -> None:
    declaring = persona.head
    non, grata = persona.doc[persona.i + 1], persona.doc[persona.i + 2]
    for child in list(persona.children):
        if child.dep_ in ("nsubj", "nsubjpass"):
            child.head, child.dep_ = declaring, "dobj"  # the ones declared
        elif child not in (non, grata):
            child.head = declaring  # "and gave them…", "accusing…": the declarer's
    for word in (non, grata):
        word.head, word.dep_ = persona, "amod"
    persona.dep_, persona.pos_, persona.tag_ = "oprd", "NOUN", "NN"
