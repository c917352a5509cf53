"""Epistemic status, attribution and negation of an event, from the words around its trigger.

Walks up from the trigger through the verbs that govern it: a reporting verb makes the event
`reported` and says by whom, a denial makes it `denied`, a promise `promised`, a plan or a
future auxiliary `planned`, a conditional `hypothetical`. Cue words live in status.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.strings import hash_string
from spacy.tokens import Span, Token

from entente.extract import tree
from entente.knowledge.lexicon import Lexicon

ACCORDING_TO_DEPTH = 8
ACCORDING = hash_string("according")
# Nouns that name a claim; denying one of them denies the claim, not a nearby clause.
CLAIM_NOUNS = {"charge", "claim", "allegation", "accusation", "report", "suggestion", "assertion"}


@dataclass
class Reading:
    status: str = "asserted"
    negated: bool = False
    attribution_text: str | None = None
    attribution_head: Token | None = None   # the subject of the reporting verb, if any
    stance: str | None = None
    denier: Token | None = None             # the subject of a denial verb
    via_according: bool = False             # attributed by "according to", not by a speaker


@dataclass
class StatusReader:
    lexicon: Lexicon
    words: dict = field(init=False)

    def __post_init__(self):
        w = self.lexicon.words
        self.words = {k: w(k) for k in (
            "report_verbs", "allege_verbs", "deny_verbs", "planned_verbs", "promised_verbs",
            "planned_aux", "hypothetical_aux", "hypothetical_marks", "negation_words",
            "failure_verbs", "failure_nouns", "report_nouns", "admission_verbs", "proposal_nouns",
            "interception_verbs", "own_things", "evaluative_verbs", "accusing_words", "proceeding_nouns",
            "threat_governors", "answering_words", "threatening_words", "praising_words", "denial_of_acts",
            "dismissive_words", "seeking_verbs", "acquiring_verbs", "restraint_words", "force_nouns", "insisting_verbs",
            "readiness_adjectives")}
        self.adverbs = dict(self.lexicon.status.get("adverbs") or {})
        self._accordings: tuple = (None, [])  # (document, where "according" stands in it)

    def read(self, trigger: Token, sentence: Span) -> Reading:
        reading = Reading()
        reading.negated = self._negated(trigger)
        own = self._own_modality(trigger)
        if own:
            reading.status = own
        self._walk_up(trigger, reading)
        if reading.status == "hypothetical" and reading.stance == "reports" and self._future_in_past(trigger):
            reading.status = "planned"  # "said it would send": reported intent, not a condition
        self._according_to(trigger, sentence, reading)
        self._adverbs(trigger, sentence, reading)
        if reading.negated and reading.status == "asserted" and self._still_owed(trigger):
            reading.status = "promised"  # "has yet to supply", "failed to provide promised jets"
        return reading

    @staticmethod
    def _still_owed(trigger: Token) -> bool:
        """An act not done yet that is expected or was promised: 'has yet to deliver',
        'failed to provide the promised S-400s'."""
        if any(c.lower_ == "yet" for t in (trigger, trigger.head) for c in tree.children(t)):
            return True
        return any(c.dep_ in ("dobj", "pobj") and any(
                       a.dep_ == "amod" and a.lower_ in ("promised", "pledged") for a in tree.children(c))
                   for c in tree.children(trigger))

    # -- negation ----------------------------------------------------------------------------
    def _negated(self, trigger: Token) -> bool:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tree.children(trigger)):
            return True
        if trigger.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in tree.children(c))
                for c in tree.children(trigger)):
            return True  # "no US official would attend", "no state has recognised it"
        head = trigger.head
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubjpass") and \
                head.pos_ in ("VERB", "AUX") and head != trigger:
            return self._negated(head)  # "did not impose sanctions", "failed to reach a deal"
        if trigger.dep_ in ("xcomp", "acl", "pcomp") and head != trigger:
            if head.lemma_.lower() in self.words["failure_verbs"] | self.words["failure_nouns"]:
                return True
            if any(c.lower_ == "yet" for c in tree.children(head)) or any(
                    c.lower_ == "yet" for c in tree.children(trigger)):
                return True
            if any(c.dep_ == "neg" for c in tree.children(head)) and head.lemma_ in ("have", "be"):
                return True
        return False

    # -- modality of the trigger itself --------------------------------------------------------
    def _own_modality(self, trigger: Token) -> str | None:
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
        if verb is None:
            for child in tree.children(trigger):  # "promised S-400 systems", "planned talks"
                if child.dep_ == "amod" and child.lower_ in ("promised", "pledged"):
                    return "promised"
                if child.dep_ == "amod" and child.lower_ in ("planned", "proposed", "possible", "future"):
                    return "planned"
                if child.dep_ == "amod" and child.lower_ in ("alleged", "suspected"):
                    return "alleged"
                if child.dep_ == "amod" and child.lower_ == "reported":
                    return "reported"
            return None
        if any(c.dep_ == "mark" and c.lower_ in self.words["hypothetical_marks"] for c in tree.children(verb)):
            return "hypothetical"
        if verb.dep_ == "acl" and any(c.dep_ == "det" and c.lower_ == "any" for c in tree.children(verb.head)):
            return "hypothetical"  # "a precaution against any attempt to move forces across"
        if verb.lemma_.lower() in self.words["promised_verbs"] and not _committed_a_deed(verb):
            return "promised"  # "Spain promised tanks": the verb is both the act and its status
        for child in tree.children(verb):
            if child.dep_ == "aux" and child.lower_ in self.words["planned_aux"]:
                return "planned"
            if child.dep_ == "aux" and child.lower_ in self.words["hypothetical_aux"]:
                return "hypothetical"
        return None

    def _future_in_past(self, trigger: Token) -> bool:
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head  # "would impose sanctions"
        verbs = [verb] + ([verb.head] if verb.dep_ == "conj" else [])  # "would cancel … and pursue"
        auxes = {c.lower_ for v in verbs for c in tree.children(v) if c.dep_ == "aux"}
        marks = {c.lower_ for c in tree.children(verb) if c.dep_ == "mark"}
        return "would" in auxes and not marks & self.words["hypothetical_marks"]

    # -- governing verbs -----------------------------------------------------------------------
    def _walk_up(self, trigger: Token, reading: Reading) -> None:
        token = trigger
        for _ in range(6):
            if token.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "dobj", "pobj",
                                  "prep", "nsubj", "nsubjpass", "compound") or token.head == token:
                return
            if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and \
                    any(c.dep_ in ("nsubj", "nsubjpass") for c in tree.children(token)):
                return  # "Pyongyang denied it, and Moscow called…": a clause with its own subject
            child, token = token, token.head
            if child.dep_ == "ccomp" and child.i < token.i and any(
                    t.text == ";" for t in child.doc[child.right_edge.i + 1:token.i]):
                return  # "X accused Moscow of it; the Kremlin denied…": a clause of its own, misparsed
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and token.lemma_.lower() in (
                    self.words["deny_verbs"] | self.words["allege_verbs"] | self.words["report_verbs"]):
                return  # "accused Belgrade of it, and asked the EU to act": a second act, not what is alleged
            if child.dep_ == "pobj" and token.lower_ in BACKGROUND_PREPS:
                return  # "…after the Iranian attack, officials said": told as known, not as what they say
            lemma = token.lemma_.lower()
            if self._apply_governor(lemma, child, token, reading):
                return

    def _apply_governor(self, lemma: str, child: Token, governor: Token, reading: Reading) -> bool:
        complement = child.dep_ in ("xcomp", "ccomp", "dobj", "pcomp", "compound", "conj")
        if lemma in self.words["deny_verbs"] and child.dep_ == "ccomp" and denies_a_claim(governor):
            return False
        if lemma in self.words["deny_verbs"] and undecided(governor):
            return False  # "…shipped missiles, a charge Tehran denies": the charge is denied, not this clause
        if lemma in self.words["deny_verbs"] and any(c.dep_ == "neg" for c in tree.children(governor)):
            return False  # "Kyiv never denied the strike": no denial
        if lemma in self.words["deny_verbs"] and complement and (
                child.dep_ in ("xcomp", "ccomp", "pcomp") or lemma in self.words["denial_of_acts"]):
            self._attribute(reading, governor, "denied", "denies")
            reading.denier = _subject(governor)
            return True
        if lemma in self.words["allege_verbs"] and (complement or child.dep_ == "prep"):
            self._attribute(reading, governor, "alleged", "alleges")
            return True
        if lemma in self.words["report_verbs"] and child.dep_ in ("ccomp", "xcomp"):
            if any(c.dep_ == "neg" for c in tree.children(governor)):
                # "has not acknowledged carrying out the strike": others say so, not the speaker
                self._attribute(reading, governor, "alleged", "alleges")
            else:
                self._attribute(reading, governor, "reported", "reports")
            return True
        copula = _copula_to_come(governor) if child.dep_ == "xcomp" else None
        if copula is not None:
            # "Israel is to withdraw within 60 days", "the two sides are due to meet again":
            # arranged ahead, and under a deal's terms promised
            if reading.status == "asserted":
                reading.status = "promised" if _under_terms(copula) else "planned"
            return False
        if child.dep_ == "xcomp" and lemma in self.words["promised_verbs"] or \
                child.dep_ == "prep" and child.lower_ in ("to", "for") and governor.pos_ == "ADJ" and \
                lemma in self.words["readiness_adjectives"]:  # ("open to talks", "ready for talks")
            reading.status = "promised" if reading.status == "asserted" else reading.status
            return False
        if (child.dep_ == "xcomp" or child.dep_ == "dobj" and child.pos_ == "NOUN") and \
                (lemma in self.words["planned_verbs"] or lemma == "expect"):
            # (also an act planned as a noun: "is weighing new sanctions", "preparing an offensive")
            reading.status = "planned" if reading.status == "asserted" else reading.status
            return False
        if governor.pos_ in ("VERB", "AUX") and reading.status == "asserted":
            own = self._own_modality(governor)
            if own == "promised" and child.dep_ == "conj":
                # "pledged support and called for his release": a promise verb's own modality
                # is no modality of the next act joined to it (an auxiliary's is: "would cancel
                # … and pursue")
                own = None
            if own and child.dep_ in ("xcomp", "ccomp", "dobj", "nsubjpass", "conj"):
                reading.status = own
        return False

    def _attribute(self, reading: Reading, verb: Token, status: str, stance: str) -> None:
        reading.status = status if status != "reported" or reading.status == "asserted" else reading.status
        if status == "denied":
            reading.status = "denied"
        subject = _subject(verb)
        if subject is not None and subject.dep_ == "nsubjpass":
            # "U.S. officials were reported to have pressed…": the one told of is no teller; the
            # teller, if named, is the agent ("was denied by Moscow")
            subject = next((o for c in tree.children(subject.head) if c.dep_ == "agent"
                            for o in tree.children(c) if o.dep_ == "pobj"), None)
        reading.stance = stance
        if subject is not None:
            words = [t for t in tree.subtree(subject)]
            reading.attribution_text = verb.doc[words[0].i:words[-1].i + 1].text + " " + verb.text
            reading.attribution_head = subject
        else:
            reading.attribution_text = verb.text

    def _according_to(self, trigger: Token, sentence: Span, reading: Reading) -> None:
        doc = sentence.doc
        if self._accordings[0] is not doc:  # where "according" stands, once per document
            self._accordings = (doc, numpy.flatnonzero(doc.to_array("LOWER") == ACCORDING).tolist())
        for i in self._accordings[1]:
            if not sentence.start <= i < sentence.end:
                continue
            token = doc[i]
            if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                obj = next((c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"), None)
                if reading.stance is None:
                    reading.status = "reported" if reading.status == "asserted" else reading.status
                    reading.stance = "reports"
                    reading.via_according = True
                    if obj is not None:
                        words = list(tree.subtree(obj))
                        reading.attribution_text = "according to " + token.doc[words[0].i:words[-1].i + 1].text
                        reading.attribution_head = obj

    def _adverbs(self, trigger: Token, sentence: Span, reading: Reading) -> None:
        scope = list(tree.children(trigger))
        if trigger.pos_ in ("NOUN", "PROPN") or trigger.dep_ in ("xcomp", "pcomp"):
            scope += list(tree.children(trigger.head))  # "reportedly imposed sanctions", "reportedly tried to buy"
        for token in scope:
            status = self.adverbs.get(token.lower_)
            if status and token.dep_ == "advmod" and reading.status in ("asserted", "reported"):
                reading.status = status
                reading.stance = reading.stance or ("alleges" if status == "alleged" else "reports")
                reading.attribution_text = reading.attribution_text or token.text


# Prepositions that place an act in the background of a clause: what they name is taken as
# known, not as part of what the clause's speaker reports.
BACKGROUND_PREPS = {"after", "before", "since", "following", "amid", "despite", "during"}


def undecided(verb: Token) -> bool:
    """'neither confirmed nor denied': no denial (and no confirmation) at all."""
    verbs = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
    return any(c.lower_ in ("neither", "nor") for v in verbs for c in tree.children(v))


def denies_a_claim(verb: Token) -> bool:
    """'a charge Tehran denies': the denial's own phrase names a claim (the parser may hang
    the claimed clause under the denial all the same)."""
    return any(t.lemma_.lower() in CLAIM_NOUNS for c in tree.children(verb)
               if c.dep_ in ("dobj", "nsubj", "npadvmod") for t in tree.subtree(c))


def _subject(verb: Token) -> Token | None:
    for child in tree.children(verb):
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
        return _subject(verb.head)
    return None


AGREED_TERMS = {"deal", "agreement", "accord", "terms", "term", "ceasefire", "truce", "plan", "treaty",
                "pact", "arrangement", "memorandum", "roadmap"}


def _copula_to_come(governor: Token) -> Token | None:
    """'is to withdraw', 'are due to meet': a present copula (or "due" on one) before a
    "to" infinitive tells of an act arranged for later ("was to" tells of the past). The
    copula, or None."""
    copula = governor.head if governor.lower_ == "due" and governor.dep_ == "acomp" else governor
    if copula.lemma_ == "be" and copula.tag_ in ("VBZ", "VBP") and (governor is copula or governor.lower_ == "due"):
        return copula
    return None


def _under_terms(copula: Token) -> bool:
    """'Under the deal, Armenia is to hand over…': arranged by an agreement."""
    return any(p.dep_ == "prep" and p.lower_ in ("under", "by") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in AGREED_TERMS for o in tree.children(p)) for p in tree.children(copula))


def _committed_a_deed(verb: Token) -> bool:
    """'had committed genocide': "commit" with a deed for object is no promise (only
    "committed to withdraw", "committed itself to" is)."""
    return verb.lemma_.lower() == "commit" and any(c.dep_ == "dobj" and c.lower_ not in ("itself", "themselves")
                                                   for c in tree.children(verb))
