"""Repairs to parses the small model gets wrong in ways that many rules would otherwise
have to read around, each made once, right after parsing.

"The ministry declared three diplomats persona non grata and gave them 48 hours to leave":
the model makes "persona" a verb, with the ones declared for its subject and the declarer's
next act for its conjunct. Left so, the diplomats look like a subject (a pronoun's
antecedent, the giver of the 48 hours) and the giving looks like part of what the ministry
declared. The repair gives the parse a reader sees: the ones declared are the object of
"declared", "persona non grata" is what they are declared, and what hung on "persona"
(the next act, "accusing…") hangs on the declaring verb.

"Britain froze the assets of three generals and Canada sanctioned nine officials": the model
joins "Canada" to "generals" and leaves "sanctioned" without a subject, so Britain seems to
sanction Canada. The repair makes such a name, followed at once by a finite verb that lacks
a subject, that verb's subject.

"Tripoli accused Moscow of fuelling the war; the Kremlin denied sending fighters": the model
hangs the clause before the semicolon on the verb after it, as what the Kremlin denied, so
the accusation looks denied and is lost. A clause so hung is a clause of its own (parataxis);
so is one before a colon ("Tehran dismissed it: its envoy argued…" is no report).

"The council urges Eritrea to settle the dispute and asks Asmara to share…": the model joins
the finite "asks" to the infinitive "settle", so Eritrea seems to ask. A finite verb joined to
an infinitive, in the tense of the verb that governs the infinitive, is joined to that verb.

"On Sunday Azerbaijan agreed to delay the handover": the model reads "Sunday Azerbaijan" as
one name, the object of "On", and leaves "agreed" without a subject. The repair gives the
date to "On" and the name to the verb as its subject.

"Chile and Peru, which said they would support Bolivia's bid, called on Brazil to…": the model
may end the relative clause late, hang "called" inside it and leave "Chile" the root, so
Bolivia seems to call. The repair makes the verb after the clause's comma the root, with the
noun as its subject.
"""

from __future__ import annotations

from spacy.attrs import DEP, LOWER, POS
from spacy.language import Language
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

from entente.values import DAY_AND_MONTH_NAMES, MONTH_WORDS  # (the repairs run before the entity recogniser)

FINITE = ("VBD", "VBZ", "VBP")  # the tags of a verb that makes a clause of its own
# Nouns of acting with another side, whose "with" phrase the model may hang on the verb:
# "expelled a diplomat in solidarity with Britain".
PARTNERING_NOUNS = ("solidarity", "cooperation", "coordination")


@Language.component("entente_parse_repairs")
def parse_repairs(doc: Doc) -> Doc:
    # the few tokens worth a look, read from arrays (a Token object for every word is slow)
    lowers, deps, tags = doc.to_array([LOWER, DEP, POS]).T.tolist()
    persona, propn = doc.vocab.strings["persona"], PROPN
    separators = {doc.vocab.strings[";"], doc.vocab.strings[":"]}
    pobj, conj = doc.vocab.strings["pobj"], doc.vocab.strings["conj"]
    for i in [i for i, lower in enumerate(lowers) if lower == persona]:
        if _persona_as_verb(doc[i]):
            _repair_persona(doc[i])
    for i in [i for i, (dep, tag) in enumerate(zip(deps, tags)) if dep == conj and tag == propn]:
        verb = _subject_taken_for_a_conjunct(doc[i])
        if verb is not None:
            _repair_subject(doc[i], verb)
    for i in [i for i, lower in enumerate(lowers) if lower in separators]:
        _free_clause_before(doc[i])
    for i in [i for i, (dep, tag) in enumerate(zip(deps, tags)) if dep == pobj and tag == propn]:
        _subject_after_a_date(doc[i])
    for i in [i for i, dep in enumerate(deps) if dep == conj]:
        _finite_verb_joined_to_an_infinitive(doc[i])
    partnering = {doc.vocab.strings[w] for w in PARTNERING_NOUNS}
    for i in [i for i, lower in enumerate(lowers) if lower in partnering]:
        _with_hung_past_its_noun(doc[i])
    root = doc.vocab.strings["ROOT"]
    for i in [i for i, (dep, tag) in enumerate(zip(deps, tags)) if dep == root and tag in (NOUN, PROPN)]:
        _verb_after_a_relative_clause(doc[i])
    return doc


def _with_hung_past_its_noun(noun: Token) -> None:
    """'In solidarity with Britain': a "with" right after such a noun, the object of "in",
    that the model hung on the verb the "in" hangs on, is the noun's."""
    doc = noun.doc
    if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.i + 1 >= len(doc):
        return
    with_ = doc[noun.i + 1]
    if with_.lower_ == "with" and with_.dep_ == "prep" and with_.head == noun.head.head:
        with_.head = noun


def _verb_after_a_relative_clause(subject: Token) -> None:
    """'Chile and Peru, which said they would support Bolivia's bid, called on Brazil to
    reconsider': the model may end the relative clause late, hanging the main verb inside it
    and leaving the subject as the sentence's root. The first finite verb after a comma that
    follows the clause, with no subject of its own, becomes the root, and the noun its subject."""
    clause = next((c for c in subject.subtree if c.dep_ == "relcl" and c.head in (subject, *subject.conjuncts)), None)
    if clause is None:
        return
    doc = subject.doc
    inside = {t.i for t in clause.subtree}
    for verb in doc[clause.i + 1:subject.sent.end]:
        # (a past the tagger took for a participle hangs inside the clause as its modifier)
        past = verb.tag_ in FINITE or verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.i in inside and \
            not any(c.dep_ in ("agent", "aux", "auxpass") for c in verb.children)
        if past and verb.pos_ == "VERB" and doc[verb.i - 1].text == "," and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            verb.head, verb.dep_ = verb, "ROOT"
            subject.head, subject.dep_ = verb, "nsubj"
            return


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


def _free_clause_before(separator: Token) -> None:
    """A clause before a semicolon or a colon that the model hung as the complement of the
    verb after it becomes a clause of its own (the separator may hang on either)."""
    clause = separator.head
    if clause.dep_ == "ccomp" and clause.i < separator.i < clause.head.i:
        clause.dep_ = "parataxis"
        return
    if clause.i <= separator.i:
        return
    for child in clause.children:  # the verb after the separator
        if child.dep_ == "ccomp" and child.right_edge.i < separator.i:
            child.dep_ = "parataxis"


def _subject_after_a_date(name: Token) -> None:
    """'On Sunday Azerbaijan agreed…', 'on Sept 7 Venezuela revoked…': a name that the model
    joined to the date before it, as the object of the preposition, is the subject of the
    verb that follows."""
    preposition, dates = name.head, [c for c in name.children if c.dep_ in ("compound", "nmod") and (
        c.lower_ in DAY_AND_MONTH_NAMES or c.lower_ in MONTH_WORDS)]
    days = [c for c in name.children if c.dep_ == "nummod" and c.like_num]  # "Sept 7"
    verb = preposition.head
    if len(dates) != 1 or len(list(name.children)) != 1 + len(days) or len(days) > 1 or \
            not preposition.i < dates[0].i < name.i or \
            verb.pos_ != "VERB" or verb.i <= name.i or preposition.dep_ != "prep" or \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return
    dates[0].head, dates[0].dep_ = preposition, "pobj"
    for day in days:
        day.head = dates[0]
    name.head, name.dep_ = verb, "nsubj"


def _finite_verb_joined_to_an_infinitive(verb: Token) -> None:
    """'urges Eritrea to settle… and asks Asmara to share…': a finite verb with no subject,
    joined to an infinitive complement, in the tense of the verb that governs that complement
    (not "set", "put", whose past looks like the infinitive), is joined to the governing verb.
    So is one joined to a bare verb in a clause ("demanded that Canada take the waste back
    and threatened war": the demander threatened), or to a gerund after a preposition
    ("condemned Stockholm for allowing the burning and asked for…": the condemner asked)."""
    infinitive = verb.head
    governor = infinitive.head
    tag = verb.tag_
    if infinitive.tag_ == "VBG" and infinitive.dep_ == "pcomp" and governor.dep_ == "prep":
        # "condemned Stockholm for allowing the burning and asked for…": joined to the gerund
        # after a preposition, it is the verb's that governs the preposition (a past form the
        # tagger reads as a participle, with no auxiliary, is that verb's past)
        governor = governor.head
        if tag == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            tag = "VBD"
    elif infinitive.dep_ not in ("xcomp", "ccomp") or infinitive.tag_ != "VB":
        return
    if tag not in ("VBZ", "VBD") or verb.lower_ == verb.lemma_.lower() or governor.tag_ != tag or \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return
    for c in infinitive.children:
        if c.dep_ == "cc" and verb.i - 2 <= c.i < verb.i:
            c.head = governor  # the "and" before it
    verb.head = governor


def _subject_taken_for_a_conjunct(name: Token) -> Token | None:
    """The verb a name joined to an object should be the subject of, or None."""
    if name.dep_ != "conj" or name.pos_ != "PROPN" or name.head.dep_ not in ("dobj", "pobj", "conj", "appos"):
        return None
    after = name.right_edge.i + 1
    if after >= len(name.doc):
        return None
    verb = name.doc[after]
    if verb.pos_ != "VERB" or verb.dep_ not in ("conj", "ccomp") or verb.tag_ not in FINITE or \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    # both verbs finite clauses ("Rockets fired by Hamas and Islamic Jihad killed…" is not)
    first = verb.head
    if first.dep_ in ("acl", "relcl", "amod") or first not in name.ancestors:
        return None
    if first.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in first.children) and (
            first.dep_ != "ROOT" or any(c.dep_ == "agent" for c in first.children)):
        return None  # a participle ("Rockets fired by Hamas and Islamic Jihad killed…")
    return verb


def _repair_subject(name: Token, verb: Token) -> None:
    before = name.doc[name.i - 1] if name.i > 0 else None
    if before is not None and before.dep_ == "cc" and before.head == name.head:
        before.head = verb.head  # "and" joins the two clauses
    name.head, name.dep_ = verb, "nsubj"
    verb.dep_ = "conj"  # (a clause of its own the model may hang as a complement)
