"""Finding a trigger's arguments in the dependency parse: who acts, on whom, with what.

A frame (triggers.yaml) lists slots per role; `fill(slot, trigger)` returns the actor spans a
slot yields. Coordination ("the U.S. and the EU") yields every conjunct; passive verbs swap
subject and "by" agent; a trigger without its own subject borrows the subject of the verb
that governs it ("started imposing sanctions", "deny supplying missiles").
"""

from __future__ import annotations

import copy

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from entente.extract import tree
from entente.extract.items import CURRENCIES
from entente.knowledge.actors import out_of_office

PREP_SLOTS = {"by", "to", "on", "against", "with", "from", "of", "at", "for", "in", "over",
              "between", "into", "onto", "toward", "towards", "outside"}
SUBJECT_DEPS = {"nsubj", "csubj"}
# Nouns that make a fixed phrase with "in" and name no act of the clause's doer: "in return
# for the deployment", "in exchange for prisoners", "in response to the strikes".
IN_IDIOMS = {"return", "exchange", "response", "addition", "contrast", "turn"}
# Nouns for others related to a possessor ("Syria's neighbours"): the possessor is not one of them.
RELATIONAL_NOUNS = {"neighbour", "neighbor", "ally", "partner", "rival", "enemy", "adversary", "member"}
# Nouns that count people rather than name them: their "of" phrase says who.
QUANTITY_HEADS = {"thousands", "hundreds", "dozens", "tens", "scores", "millions", "crowds",
                  "groups", "group", "number", "majority",
                  # and people of a body: "fighters of the M23 rebel movement took Goma"
                  "fighters", "members", "militants", "units", "troops", "soldiers", "forces"}
# Traded goods, whose "from" phrase names whose they are: "tariffs on imports from the US".
TRADED_GOODS = {"import", "imports", "export", "exports", "good", "goods", "product", "products", "shipment",
                "shipments", "produce", "commodity", "commodities"}
# Nouns that hold a set of acts: "a package of export controls", "a new round of sanctions".
CONTAINERS = {"package", "round", "wave", "series", "set", "raft", "batch", "slew", "tranche", "list",
              "note"}   # "a note of protest", "a protest note"
# Nouns that undo what they govern ("the lifting of sanctions", "sanctions relief", "the
# suspension of aid"): like a container, they lend the act their carrier, and reverse it.
REVERSALS = {"lifting", "easing", "removal", "relief", "suspension", "ending", "termination", "cancellation",
             "repeal", "rollback", "waiver"}
# Nouns for a share of something: "parts of their aid to Kigali".
PARTITIVES = {"part", "parts", "some", "much", "most", "all", "half", "portion", "share", "bulk",
              # and measures: "shipped vast quantities of ammunition to Russian forces"
              "quantity", "quantities", "amount", "amounts", "volume", "volumes", "batch", "batches",
              # and counts: "sent thousands of additional soldiers"
              # (the tagger's lemma of "thousands" is "thousand")
              "hundreds", "thousands", "tens", "dozens", "scores", "number", "numbers",
              "hundred", "thousand", "dozen"}
# Verbs of making whose actor modifier names only a weapon's maker: "Iranian-made drones".
MAKING_VERBS = {"make", "build", "design", "manufacture", "produce", "develop"}
# Prepositions the parser often hangs on a verb's object rather than on the verb: "shipped
# 40 drones to Russia".
OBJECT_PREPS = {"on", "against", "with", "from", "to", "into", "between", "in", "behind", "around", "along"}
# Nouns for a border: troops sent "to its border with Belarus" face the side across it.
FRONTIERS = {"border", "frontier", "boundary"}
# Texts a body issues that then speak for it: "passed a resolution calling on…".
DOCUMENTS = {"resolution", "statement", "letter", "motion", "bill", "decree", "communique",
             "communiqué", "complaint", "petition", "note", "report", "declaration",
             "application", "lawsuit", "submission", "memorandum", "indictment", "draft"}
# Verb types whose object is an act judged: its "on" phrase names the act's victim, not the judged.
JUDGING_TYPES = {"ACCUSE", "PROTEST", "REJECT"}
# Verbs by which a side stops a text that is not its own: "blocked a statement backing them".
BLOCKING_VERBS = {"block", "veto", "reject", "oppose", "dismiss", "scupper", "kill", "thwart", "stall"}
# Verbs of naming in a free relative: "struck what it called bases of…"
NAMING_VERBS = {"call", "describe", "term", "label", "dub", "brand"}
# Prepositions of force aimed at something: "fired at camps of X" aims at X
FORCE_PREPS = ("at", "on", "against")
# Occasions an act is done at, whose "with" names the other side: "signed the deal at a
# ceremony with Mauritian officials".
OCCASIONS = {"ceremony", "meeting", "summit", "talks", "conference", "event", "signing"}
# Prepositions read as another: "talks among Ethiopia, Sudan and Egypt" are talks between them.
SYNONYM_PREPS = {"among": "between", "amongst": "between"}
# Verbs of going somewhere: "flew to Niamey for talks with the junta" is the traveller's talks.
MOTION_VERBS = {"travel", "fly", "go", "come", "head", "arrive", "return", "journey"}
STATE_VERBS = {"stand", "remain", "stay"}  # "stood united": the participle says how the subject is
PARTNER_ADVERBS = {"together", "along"}  # "together with Ireland": one more side doing the act
# Participles of a stance the subject holds: "Israel is opposed to X" is Israel opposing X,
# no passive, when no "by" names another doer.
STANCE_PARTICIPLES = {"oppose"}
# Verbs of answering whose "with" names the answer ("Seoul replied with sanctions"), and
# whose "against" names what is answered ("retaliated against the EU tariffs": events.py).
REPLY_VERBS = {"reply", "respond", "react", "answer", "retaliate", "hit"}
# Participles whose agents are the parties of the deal they qualify: "the accord reached by A and B"
CONCLUDING_VERBS = {"reach", "announce", "strike", "conclude", "seal"}
# Prepositions that time a clause by a meeting with someone: "said after talks with Starmer"
MEETING_TIME_PREPS = {"after", "following", "during"}
# Nouns of a journey to someone: "during a state visit to Morocco, Macron…" is Macron's.
VISIT_NOUNS = {"visit", "trip", "tour"}
BORROW_DEPS = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "acl", "relcl", "acomp"}

# The actor entry of each span of the document being read, looked up once: `Span._` builds a
# new object on every read. Keyed by the span (offsets and label); the event builder clears it
# per document.
_ACTORS: dict[Span, object] = {}


def prep_word(prep: Token) -> str:
    """The slot word a preposition fills ("among" fills "between")."""
    return SYNONYM_PREPS.get(prep.lower_, prep.lower_)


def actor_of(span: Span):
    try:
        return _ACTORS[span]
    except KeyError:
        entry = _ACTORS[span] = span._.actor
        return entry


def remember_actor(span: Span, entry) -> None:
    """Give a span the builder made its actor. Not through `span._`: spaCy keeps a span's
    extension values by its character offsets alone, so spans over the same words ("the E3"
    as each of its members) would share one."""
    _ACTORS[span] = entry


# The code of each actor span, likewise worked out once: the rules ask for codes thousands of
# times per document.
_CODES: dict[Span, str | None] = {}


def code_of(span: Span) -> str | None:
    """The code an actor span is scored by: its state, else its own id; None for a person out
    of office, who speaks for no one we can code."""
    try:
        return _CODES[span]
    except KeyError:
        entry = actor_of(span)
        code = _CODES[span] = None if entry is None or out_of_office(entry) else \
            (getattr(entry, "country", None) or getattr(entry, "actor_id", None) or "").upper() or None
        return code


def forget_actors() -> None:
    _ACTORS.clear()
    _CODES.clear()


class Arguments:
    """Slot filling over one parsed Doc with its actor and item spans."""

    def __init__(self, doc: Doc, light_verbs: frozenset[str], is_trigger=lambda token: False,
                 compound_is_place=lambda noun: False, instrument_verbs: frozenset[str] = frozenset(),
                 subject_control_verbs: frozenset[str] = frozenset(), acting_nouns: frozenset[str] = frozenset(),
                 speaks=lambda token: False, proposal_nouns: frozenset[str] = frozenset(),
                 undoing_verbs: frozenset[str] = frozenset(), undone=lambda noun: False,
                 blamed_for=lambda noun: None, verb_type=lambda verb: None, readiness: frozenset[str] = frozenset(),
                 behest_nouns: frozenset[str] = frozenset(), speech_verbs: frozenset[str] = frozenset(),
                 backer_nouns: frozenset[str] = frozenset()):
        self.doc = doc
        # "Iran, Hezbollah's main backer": the one the noun names backs its possessor
        self.backer_nouns = backer_nouns
        self.speech_verbs = speech_verbs  # "said", "announced", "denied": verbs that report a clause
        # "at the request of Beijing", "under pressure from Washington": the asker is named with
        # "of" or "from" ("by" is any request's agent)
        self.behest_nouns = behest_nouns
        self.readiness = readiness  # "open", "ready": "Kyiv is open to talks with Budapest" is Kyiv's act in prospect
        # the event type a verb triggers: a request's object is to do what follows ("pressed
        # Budapest to lift"), an accusation's is said to have done it ("accused Indian troops of…")
        self.verb_type = verb_type
        self.blamed_for = blamed_for  # "Russia was behind the attack": who is said to have done it
        # "the EU suspended sanctions": one undoes one's own hostile act, which `undone` tells
        self.undoing_verbs, self.undone = undoing_verbs, undone
        self.speaks = speaks  # "urged", "warned": an act in words, which only an actor does
        self.acting_nouns = acting_nouns  # "officials", "minister", "reports": they act for someone
        # what one side puts to another, naming the proposer with "from": "an offer of talks from Kenya"
        self.proposal_nouns = proposal_nouns
        self.where = False
        self.is_trigger = is_trigger
        self.compound_is_place = compound_is_place  # "the Damascus strike": where, not who
        self.instrument_verbs = instrument_verbs  # "fired Iranian missiles": the maker is no target
        self.subject_control_verbs = subject_control_verbs  # "summoned the envoy to protest"
        self.light_verbs = light_verbs
        self.actor_spans = list(doc.spans.get("actors", []))  # (a SpanGroup builds its spans anew each read)
        self.actor_at = _by_token(self.actor_spans)
        # Token.sent walks the document's sentences each time: where each token's sentence
        # starts, worked out once
        self.sent_start = [0] * len(doc)
        for sentence in doc.sents:
            for i in range(sentence.start, sentence.end):
                self.sent_start[i] = sentence.start
        # (sentence start, word) of every preposition ("by" for an agent): a prepositional
        # slot whose word its sentence lacks is empty, without walking the tree
        strings = doc.vocab.strings
        deps = doc.to_array(DEP)
        agent = strings["agent"]
        self.preps = {(self.sent_start[i], "by" if deps[i] == agent else prep_word(doc[i]))
                      for i in numpy.flatnonzero((deps == strings["prep"]) | (deps == strings["dative"])
                                                 | (deps == agent)).tolist()}
        self.item_at = _by_token(doc.spans.get("items", []))

    def places(self) -> Arguments:
        """The same slots over places and states as places: where force fell ("hit a hospital
        in Kharkiv"), looked for also inside the phrase a slot names. Shares this document's
        tables; only the spans differ."""
        where = copy.copy(self)
        where.where = True
        where.actor_at = _by_token([*self.doc.spans.get("places", []),
                                    *(s for s in self.actor_spans if getattr(actor_of(s), "kind", None) == "state")])
        return where

    # -- actors of a phrase ------------------------------------------------------------------
    def actors_of(self, token: Token) -> list[Span]:
        """The actors a noun phrase names: itself, its modifiers, and its conjuncts."""
        found = []
        for head in self._listed(token):
            # "several governments, including Saudi Arabia": the members named; of "Syria's
            # neighbours, including Jordan", only the members (Syria is whose neighbours they are)
            members = [m for prep in tree.children(head) if prep.dep_ == "prep" and prep.lower_ == "including"
                       for obj in tree.children(prep) if obj.dep_ == "pobj" for m in (obj, *obj.conjuncts)]
            if self.is_role(head):  # "the defence chiefs of 12 countries, including Japan": theirs
                members += [m for prep in tree.children(head) if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
                            for group in tree.children(prep) if group.dep_ == "pobj"
                            for inner in tree.children(group) if inner.dep_ == "prep" and inner.lower_ == "including"
                            for obj in tree.children(inner) if obj.dep_ == "pobj" for m in (obj, *obj.conjuncts)]
            for member in members:
                other = self._actor_of_phrase(member)
                if other is not None and other not in found:
                    found.append(other)
            if members and head.lemma_.lower() in RELATIONAL_NOUNS:
                continue
            span = self._actor_of_phrase(head)
            if span is not None and span not in found:
                found.append(span)
            if span is not None and self.is_role(head):  # "reports from the U.S. and the U.K."
                for other in self._role_conjuncts(head):
                    if other not in found:
                        found.append(other)
            if span is not None and (head.i not in self.actor_at or self.is_role(head)):
                # "French and British jets", "Polish and Czech officials": every actor
                # modifier of the noun, and their conjuncts, names one of the actors (not
                # so for a name: "Yemen's Houthi movement" is the Houthis alone)
                modifiers = [c for c in tree.children(head) if c.dep_ in ("amod", "compound", "poss", "nmod")]
                # ("the Turkish-Armenian dialogue": the parser hangs the first on the second)
                paired = [m for c in modifiers for m in tree.children(c) if m.dep_ in ("amod", "compound")
                          and m.i == c.i - 2 and c.doc[c.i - 1].text in ("-", "–")]
                for modifier in modifiers + paired + [m for c in modifiers for m in c.conjuncts]:
                    other = self.actor_at.get(modifier.i)
                    if other is not None and other not in found:
                        found.append(other)
        return found

    def _listed(self, token: Token) -> list[Token]:
        """The token and its conjuncts. In "Saudi Arabia, the United Arab Emirates, Bahrain and
        Egypt" the parser hangs the second name on the first as an apposition, and the rest on
        it: two different actors in apposition are items of one list, not one actor twice."""
        heads = [token, *token.conjuncts]
        for head in list(heads):
            for child in tree.children(head):
                if child.dep_ == "appos" and child not in heads and self._different_actors(head, child):
                    heads += [child, *(c for c in child.conjuncts if c not in heads)]
                elif child.dep_ == "appos" and child not in heads:
                    # "Guyana's president Irfaan Ali and Venezuela's Nicolas Maduro": the parser
                    # hangs the second name on the first one's name in apposition to its title
                    heads += [c for c in child.conjuncts if c not in heads and c.i in self.actor_at]
        return heads

    def _different_actors(self, a: Token, b: Token) -> bool:
        first, second = self.actor_at.get(a.i), self.actor_at.get(b.i)
        if first is None or second is None or first.root != a or second.root != b:
            return False
        return _named(first) not in (None, _named(second))

    def _role_conjuncts(self, role: Token) -> list[Span]:
        found = []
        for prep in (c for c in tree.children(role) if c.dep_ == "prep" and c.lower_ in ("in", "from", "of", "for", "at")):
            for obj in (c for c in tree.children(prep) if c.dep_ == "pobj"):
                found += [self.actor_at[c.i] for c in obj.conjuncts if c.i in self.actor_at]
        return found

    def _actor_of_phrase(self, token: Token) -> Span | None:
        if token.i in self.actor_at:
            span = self.actor_at[token.i]
            if not out_of_office(actor_of(span)):
                return span
            # "James Kabarebe, Rwanda's minister of state": a person out of every office we
            # know speaks for whatever the apposition names
            return next((found for c in tree.children(token) if c.dep_ == "appos"
                         if (found := self._actor_of_phrase(c)) is not None), span)
        if token.lower_ in QUANTITY_HEADS:  # "thousands of Iraqi Kurds", "tens of thousands of …"
            for obj in (o for p in tree.children(token) if p.dep_ == "prep" and p.lower_ == "of"
                        for o in tree.children(p) if o.dep_ == "pobj"):
                return self._actor_of_phrase(obj)
        for dep in ("poss", "compound", "amod", "nmod", "npadvmod", "appos"):
            for child in tree.children(token):
                if child.dep_ == dep and child.i in self.actor_at:
                    return self.actor_at[child.i]
        for child in tree.children(token):  # "Tehran-based company", "Iranian-made drones"
            if child.dep_ == "appos" and child.i in self.actor_at:
                return self.actor_at[child.i]
            # ("China's Vice Foreign Minister Deng Li", "Ana Rojas, Chile's interior minister":
            # a title's own owner, whatever its tag, before the name or in apposition)
            titled = self.is_role(child) and token.pos_ == "PROPN"
            if child.dep_ in ("amod", "compound") or child.dep_ == "appos" and titled:
                # ("the American contractor Alan Gross": a name's title noun and its adjective)
                # ("GCC foreign ministers meeting in…": the parser may hang the body on the
                # ministers as an nmod, and the ministers on "meeting")
                deps = ("npadvmod", "compound", "amod", "nmod", "poss") if titled \
                    else ("npadvmod", "compound", "amod", "nmod") if child.pos_ == "NOUN" and token.pos_ == "PROPN" \
                    else ("npadvmod", "compound", "nmod")
                for grandchild in tree.children(child):
                    if grandchild.dep_ in deps and grandchild.i in self.actor_at:
                        return self.actor_at[grandchild.i]
                if child.dep_ == "appos":
                    # "Joseph Votel, head of U.S. Central Command": whom the title is of
                    found = self._actor_of_phrase(child)
                    if found is not None:
                        return found
        for child in tree.children(token):  # "governors loyal to Maduro", "militias allied to Iran"
            # (and "militias linked to Iran", of armed or political groups only, not set off by
            # commas: "ships linked to Israel" are only linked. Groups "backed by" a state stay
            # groups: "militant groups backed by Tehran" are the militias)
            if child.dep_ == "amod" and child.lower_ in ALLEGIANCE_WORDS or child.dep_ == "acl" and \
                    child.i == token.i + 1 and token.lemma_.lower() in PROXY_NOUNS and child.lower_ in ALLEGIANCE_WORDS:
                for obj in (o for p in tree.children(child) if p.dep_ == "prep" and p.lower_ in ("to", "with")
                            for o in tree.children(p) if o.dep_ == "pobj"):
                    found = self._actor_of_phrase(obj)
                    if found is not None:
                        return found
        for child in tree.children(token):  # "officials in Kyiv", "forces from Iran", "a reporter for Kayhan"
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "of", "for", "at", "throughout", "across"):
                for obj in tree.children(child):
                    if obj.dep_ == "pobj" and obj.i in self.actor_at and (
                            self.is_role(token) or token.lemma_.lower() in RELATIONAL_NOUNS and child.lower_ == "in"
                            or token.lower_ in TRADED_GOODS and child.lower_ == "from"):
                        # (and "its partners in the EU", "allies in NATO": the body they sit in)
                        return self.actor_at[obj.i]
            # "a delegation led by Lavrov": a body acts for whoever leads it
            if child.dep_ == "acl" and child.lemma_.lower() in ("lead", "head") and self.is_role(token):
                for agent in (c for c in tree.children(child) if c.dep_ == "agent"):
                    for obj in tree.children(agent):
                        leaders = self.actors_of(obj) if obj.dep_ == "pobj" else []
                        if leaders:
                            return leaders[0]
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.i in self.actor_at and \
                not out_of_office(actor_of(self.actor_at[token.head.i])):
            # "Fethullah Gulen, the US-based cleric whom Ankara blames": one named before in
            # apposition (and naming no one else)
            return self.actor_at[token.head.i]
        return None

    def is_role(self, token: Token) -> bool:
        """A noun for people or bodies acting for someone: officials, government, forces…"""
        return token.lower_ in self.acting_nouns

    # -- slots -------------------------------------------------------------------------------
    def fill(self, slot: str, trigger: Token, items: list[Span]) -> list[Span]:
        if slot == "subj":
            found = self._subject(trigger)
            if self.verb_type(trigger) == "AID":
                return found
            return [a for a in found if not _maker(a)]  # "an Iranian-made drone struck…": not its maker
        if slot == "obj":
            return self._object(trigger)
        if slot in ("poss", "adj", "compound"):
            return self._modifier(trigger, slot)
        if slot in ("iobj", "dative"):
            return self._dative(trigger, items)
        if slot in ("producer", "adj_item"):
            return []  # resolved by the event builder from the items
        if slot == "clause_subj":  # "demanded that the Houthis halt…": who is to act
            # (and of each that-clause joined to it: "that M23 halt and that Rwanda withdraw")
            return [a for c in tree.children(trigger) if c.dep_ in ("ccomp", "xcomp")
                    for clause in (c, *(j for j in c.conjuncts if any(m.dep_ == "mark" for m in tree.children(j))))
                    for s in tree.children(clause) if s.dep_ in ("nsubj", "nsubjpass") for a in self.actors_of(s)]
        return self._prep(trigger, slot)

    def _subject(self, trigger: Token) -> list[Span]:
        if trigger.pos_ in ("NOUN", "PROPN"):
            return self._noun_agent(trigger)
        if is_passive(trigger):
            return self._prep(trigger, "by")
        if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and any(c.dep_ == "agent" for c in tree.children(trigger)):
            return self._prep(trigger, "by")  # "an agreement brokered by Turkey"
        backer = _hyphenated_doer(trigger)
        if backer is not None:
            return self.actors_of(backer)  # "the Iranian-backed Houthis": Iran backs them
        for child in tree.children(trigger):
            if child.dep_ in SUBJECT_DEPS or child.dep_ == "nsubjpass":  # a stance: "is opposed"
                found = self._resolve_subject(child)
                if not found and _later_subject(trigger, child) is not None:
                    continue  # "…, a charge Caracas denied": the parser makes both subjects
                if found:
                    found += [p for p in self._partners(trigger, child) if p not in found]
                    found += [a for a in self._joined_subject(trigger, child) if a not in found]
                    found += [a for a in self._likewise(trigger) if a not in found]
                return found
        if trigger.dep_ == "ROOT" and trigger.tag_ in ("VBD", "VBZ", "VBP"):
            return self._left_actor(trigger)
        found = self._borrowed_subject(trigger)
        joining = _joining_in(trigger)
        if found and joining is not None:
            # "Australia joined Germany and Italy in condemning…": the ones joined do it too
            found += [a for c in tree.children(joining) if c.dep_ == "dobj"
                      for a in self.actors_in(self.doc[c.left_edge.i:c.right_edge.i + 1]) if a not in found]
        return found

    def _joined_subject(self, verb: Token, subject: Token) -> list[Span]:
        """'Angola's president, João Lourenço, and Congo's Félix Tshisekedi hosted…': after an
        apposition the parser may make the second of two joined subjects a subject of its own."""
        later = _later_subject(verb, subject)
        if later is None or not any(t.dep_ == "cc" and t.lower_ == "and" for t in verb.doc[subject.i:later.i]):
            return []
        return self.actors_of(later)

    def _likewise(self, verb: Token) -> list[Span]:
        """'Qatar welcomed the ruling, as did Bangladesh': those said to do the same do it too."""
        return [a for clause in tree.children(verb) if clause.dep_ == "advcl" and clause.lemma_.lower() in ("do", "have")
                and any(m.dep_ == "mark" and m.lower_ == "as" for m in tree.children(clause))
                for s in tree.children(clause) if s.dep_ == "nsubj" for a in self.actors_of(s)]

    def _partners(self, verb: Token, subject: Token) -> list[Span]:
        """Sides named as doing the act with its subject: "Spain, together with Ireland,
        would recognise…", "Qatari mediators, joined by Turkey, are pressing…". After the verb
        such a phrase names more of what is acted on ("sent a battery to Israel, together
        with 100 soldiers"), and "alongside" is as often whom the act helps ("fought the
        rebels alongside the army"), so only phrases before the verb count."""
        phrases = []
        for head in (subject, verb):
            for child in tree.children(head):
                if child.dep_ != "prep" or child.i > verb.i:
                    continue
                if child.lower_ == "with" and any(a.lower_ in PARTNER_ADVERBS for a in tree.children(child)):
                    phrases.append(child)  # "Spain, together with Ireland, …"
                elif child.lower_ in PARTNER_ADVERBS:  # "France, along with Britain, imposed…"
                    phrases += [w for w in tree.children(child) if w.dep_ == "prep" and w.lower_ == "with"]
        phrases += [agent for acl in tree.children(subject) if acl.dep_ == "acl" and acl.lemma_.lower() == "join"
                    for agent in tree.children(acl) if agent.dep_ == "agent"]
        return [a for phrase in phrases for obj in tree.children(phrase) if obj.dep_ == "pobj"
                for a in self.actors_of(obj)]

    def _left_actor(self, verb: Token) -> list[Span]:
        """A finite main verb with no subject is a misparse (a long apposition, a fronted
        phrase); its subject is almost always the last actor named before it, other than one
        a preposition governs ("Trump, increasingly frustrated with Moscow, warned…")."""
        before = self.actors_in(verb.doc[self.sent_start[verb.i]:verb.i])
        free = [a for a in before if a.root.dep_ != "pobj"]
        if not free:
            return before[-1:]
        # with those named together with it ("…, at the White House, Pashinyan and Aliyev initialled…")
        joined = {free[-1].root.i} | {c.i for c in free[-1].root.conjuncts}
        return [a for a in free if a.root.i in joined]

    def _resolve_subject(self, subject: Token) -> list[Span]:
        if subject.dep_ == "nsubj" and subject.tag_ in ("WDT", "WP"):  # "the state that supplied…", "Trump, who hosted…"
            antecedent = subject.head.head
            found = self.actors_of(antecedent)
            if not found and antecedent.lemma_.lower() in DOCUMENTS and antecedent.dep_ == "dobj" and \
                    antecedent.head.lemma_.lower() not in BLOCKING_VERBS:
                found = self._subject(antecedent.head)  # "adopted a resolution that condemned…": who adopted it
            return found
        found = self.actors_of(subject) or self._side_of_weapons(subject)
        return found + [a for a in self._co_subjects(subject) if a not in found]

    def _co_subjects(self, subject: Token) -> list[Span]:
        """'Aliyev and Armenia's prime minister Pashinyan agreed': the parser hangs the first
        of the pair on the second's possessive; only the last conjunct owns the title."""
        out = []
        for token in tree.subtree(subject):
            if token.i not in self.actor_at or not any(c.dep_ == "conj" for c in tree.children(token)):
                continue
            if token.dep_ == "poss" and not any(c.dep_ == "case" for c in tree.children(token)) and \
                    any(c.dep_ == "conj" and any(g.dep_ == "case" for g in tree.children(c)) for c in tree.children(token)):
                out.append(self.actor_at[token.i])
            elif token.dep_ == "nmod":  # "Aliyev and Armenia's prime minister Pashinyan", parsed another way
                out.append(self.actor_at[token.i])
        return out

    def _side_of_weapons(self, phrase: Token) -> list[Span]:
        """'Two Greek F-16 jets shot down…': a weapon phrase the parser has taken apart
        still names the side it fights for, in a modifier somewhere inside it (not in its
        prepositional phrases: "drones made in Iran")."""
        words = [t for t in tree.subtree(phrase) if not any(a.dep_ in ("prep", "relcl", "acl", "appos")
                                                     for a in path_up(t, phrase))]
        if not any(t.i in self.item_at for t in words):
            return []
        return [self.actor_at[t.i] for t in words if t.i in self.actor_at][:1]

    def _borrowed_subject(self, trigger: Token, depth: int = 0) -> list[Span]:
        """'The U.S. started imposing…', 'officials deny supplying…': the governor's subject."""
        if depth > 4 or trigger.dep_ not in BORROW_DEPS or trigger.head == trigger:
            return []
        if trigger.tag_ == "VBN" and trigger.dep_ == "advcl" and depth == 0 and \
                trigger.head.lemma_.lower() not in STATE_VERBS:
            # "Asked whether…, Biden said": a passive participle's subject is its patient (but
            # "the allies stood united behind Warsaw": a state of the subject)
            return []
        head = trigger.head
        if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and head.lemma_.lower() in BLOCKING_VERBS:
            blocked = [c for c in tree.children(head) if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS]
            if blocked:
                # "vetoed a US draft at the council calling for…": the parser hangs the draft's
                # words on the veto; they are the draft's owner's
                return self._modifier(blocked[0], "poss") or self._modifier(blocked[0], "adj") or \
                    self._modifier(blocked[0], "compound")
        if depth == 0 and self._speakers_aside(trigger):
            return self._borrowed_subject(head, depth + 1)
        controller = self._object_control(trigger)
        if controller is not None:
            return controller
        if trigger.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
            if trigger.dep_ == "relcl":
                return self.actors_of(head)
            if trigger.tag_ == "VBG" and head.i in self.actor_at:
                return self.actors_of(head)  # "Wang Yi, visiting Dhaka, proposed…": he visits
            # "Iran's decision to send", "Iraq's right to retaliate": the noun's possessor
            found = self._modifier(head, "poss") or self._modifier(head, "adj")
            if not found and head.lemma_.lower() in DOCUMENTS and head.dep_ == "dobj" and \
                    head.head.lemma_.lower() not in BLOCKING_VERBS:
                # "passed a resolution calling on…": who passed it (not "blocked a statement backing…")
                found = self._subject(head.head)
            if not found and head.dep_ == "dobj" and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")
                                                         for c in tree.children(head)):
                found = self._subject(head.head)  # "Washington reaffirmed its commitment to defend…"
            return found
        if trigger.dep_ == "pcomp" and head.head != head:
            head = head.head
        if head.pos_ in ("NOUN", "PROPN"):
            return self._noun_agent(head)
        if trigger.dep_ == "xcomp" and is_passive(head):
            # "Iran is expected to deliver…", "Kyiv was forced to withdraw": a passive governor's
            # subject does the act it governs, when it names an actor ("the blast was reported
            # to have targeted…" does not)
            for child in tree.children(head):
                if child.dep_ == "nsubjpass":
                    found = self._resolve_subject(child)
                    if child.pos_ == "PRON" and found or any(a.start <= child.i < a.end for a in found):
                        return found
        for child in tree.children(head):
            if child.dep_ in SUBJECT_DEPS:
                found = self._resolve_subject(child)
                if not found and trigger.dep_ == "conj" and head.dep_ == "ccomp" and self.speaks(trigger):
                    # "Washington said the strikes endangered troops and urged Ankara…": strikes
                    # urge no one; the parser has joined the speaker's second verb to what he said
                    return self._borrowed_subject(head, depth + 1)
                return found
        return self._borrowed_subject(head, depth + 1)

    def _speakers_aside(self, participle: Token) -> bool:
        """'Putin demanded that Kyiv stop its operations, warning that…': a participle of speech
        after a comma, which the parser hangs on the reported clause's verb, is the speaker's
        (not after a semicolon: "Cairo said…; Ankara refused, arguing…" is Ankara's)."""
        clause = participle.head
        speaker_verb = clause.head
        if participle.dep_ != "advcl" or participle.tag_ != "VBG" or clause.dep_ != "ccomp" or speaker_verb.i > clause.i or \
                participle.i == 0 or self.doc[participle.i - 1].text != "," or not (
                self.speaks(participle) or self.verb_type(participle) == "THREATEN") or not (
                speaker_verb.lemma_.lower() in self.speech_verbs or self.speaks(speaker_verb)):
            return False
        return not any(t.text == ";" for t in self.doc[speaker_verb.i:participle.i])

    def asked_to(self, verb: Token) -> bool:
        """'Pressed Budapest privately to lift its veto': an act asked of a side, which the
        parser, after an adverb, hangs on the request as an adverbial clause, not a complement."""
        head = verb.head
        return verb.dep_ == "advcl" and self.verb_type(head) == "REQUEST" and head.lemma_.lower() not in self.subject_control_verbs and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in tree.children(verb)) and \
            any(c.dep_ == "dobj" and self.actors_of(c) for c in tree.children(head))

    def _object_control(self, trigger: Token) -> list[Span] | None:
        """'accused Iran of supplying', 'urged Israel to halt', 'warned the junta against
        deepening ties': the object does the act."""
        verb = trigger.head
        if trigger.dep_ == "pcomp" and verb.dep_ == "prep" and verb.lower_ in ("of", "for", "against"):
            verb = verb.head
            if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj" and self.verb_type(verb.head) == "ACCUSE":
                # "accused Saudi-led warplanes of bombing…": the parser hangs "of" on the one accused
                return self.actors_of(verb) or None
            if verb.pos_ in ("VERB", "AUX") and is_passive(verb):
                # "Iran has been accused by Washington of supplying…": the one accused does it
                found = [a for c in tree.children(verb) if c.dep_ == "nsubjpass" for a in self.actors_of(c)]
                return found or None
        elif self.asked_to(trigger):
            pass  # "pressed Budapest privately to lift its veto": the parser's adverbial clause
        elif trigger.dep_ != "xcomp":
            return None
        if verb.lemma_.lower() in self.instrument_verbs | self.subject_control_verbs:
            return None  # "used Iranian drones to strike", "summoned the envoy to protest": the subject acts
        for child in tree.children(verb):
            if child.dep_ in ("dobj", "obj") and child.i != trigger.i:
                found = self.actors_of(child)
                if found:
                    return found
                if child.pos_ in ("NOUN", "PROPN") and self.verb_type(verb) == "ACCUSE":
                    return []  # "accused the police of attacking…": the police did it, whoever they are
        return None

    def _dative_as_modifier(self, noun: Token) -> Token | None:
        """'Offered Tokyo public backing': the parser takes the one offered the noun for a
        modifier of it, a name right after the light verb."""
        verb = self.carrier(noun)
        return None if verb is None else self._name_after(verb, noun)

    def _name_after(self, verb: Token, obj: Token) -> Token | None:
        """An actor's name right after the verb that the parser hangs on the object as a
        modifier: in "gave Ukraine tanks" it is the one given to."""
        if verb.i + 1 >= len(self.doc) or obj.left_edge.i != verb.i + 1:
            return None
        name = self.doc[verb.i + 1]  # on the object or on a modifier of it ("Ukraine Leopard tanks")
        if name == obj or name.dep_ not in ("nmod", "amod", "compound") or name.pos_ != "PROPN" \
                or name.i not in self.actor_at:
            return None
        # "sent Revolutionary Guards advisers": the giver's own people, not a recipient
        own = {code_of(s) for s in self._subject(verb)}
        return None if code_of(self.actor_at[name.i]) in own else name

    def _noun_agent(self, noun: Token) -> list[Span]:
        """A nominal trigger's agent: its possessor or actor modifier, else the light verb's subject."""
        if noun.lemma_.lower() in self.backer_nouns:
            return self._backer(noun)
        slots = ("poss", "adj") if self.compound_is_place(noun) else ("poss", "compound", "adj")
        recipient = self._dative_as_modifier(noun)
        for slot in slots:
            found = [a for a in self._modifier(noun, slot) if recipient is None or a.root != recipient]
            if found:
                return found
        holder = holder_of(noun)
        if holder is not None:
            # "Washington unveiled a package of export controls", "announced $500 million in aid"
            return self._noun_agent(holder)
        blamed = self.blamed_for(noun)
        if blamed is not None:
            return self._resolve_subject(blamed)  # "said Russia was behind the attack": Russia attacked
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX") and \
                not is_passive(noun.head.head) and (self.is_trigger(noun.head.head) or
                                                    noun.head.head.lemma_.lower() in self.speech_verbs) and \
                noun.lower_ not in IN_IDIOMS:
            # ("said in a joint statement": the speakers')
            # "recalled its ambassador in protest at…", "struck Gaza in retaliation": the doer of
            # the act it qualifies
            found = self._subject(noun.head.head)
            if found:
                return found
        joining = _joining_in(noun)
        if joining is not None:
            return self._subject(joining)  # "Niger joined Mali in an alliance": the joiner's
        if behest_clause(noun, self.behest_nouns) is not None:
            # "at the request of Beijing", "under intense pressure from Washington"
            found = [a for p in tree.children(noun) if p.dep_ == "prep" and p.lower_ in ("of", "from")
                     for o in tree.children(p) if o.dep_ == "pobj" for a in self.actors_of(o)]
            if found:
                return found
        if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in MOTION_VERBS:
            return self._subject(noun.head.head)  # "a Saudi delegation travelled to Sanaa for talks"
        if noun.dep_ == "pobj" and noun.head.lower_ in ("to", "for") and noun.head.head.pos_ == "ADJ" and \
                noun.head.head.dep_ == "acomp" and noun.head.head.lemma_.lower() in self.readiness:
            return self._subject(noun.head.head.head)  # "Washington remained open to talks with Moscow"
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.lemma_.lower() in ("be", "remain", "stay") and \
                any(c.dep_ == "prep" and c.lower_ == "with" for c in tree.children(noun)):
            return self._subject(noun.head.head)  # "Tehran has been in talks with Riyadh", "was in close contact with"
        by_participle = self._participle_agents(noun)
        if by_participle:
            return by_participle  # "the deal announced by Netanyahu in Rome and by Yildirim in Ankara"
        accused = self._accused_of_gerund(noun)
        if accused:
            return accused  # "accused Indian troops of trespassing on…", the gerund tagged a noun
        timed = self._timed_by_meeting(noun)
        if timed is not None:
            # "Trump said after talks with Starmer…", "following talks with Erdogan, Putin
            # announced…": the talks are the speaker's
            found = self._subject(timed)
            if found:
                return found
        if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.lemma_.lower() in REPLY_VERBS:
            return self._subject(noun.head.head)  # "Washington and Seoul replied with a show of force"
        relative = self.relative_carrier(noun)
        if relative is not None and (found := self._subject(relative)):
            return found  # "the sanctions that Washington imposed"
        verb = noun.head
        if noun.dep_ == "dobj" and verb.i in self.actor_at and verb.pos_ in ("VERB", "AUX"):
            return [self.actor_at[verb.i]]  # "ECOWAS imposed sanctions": a name the tagger took for the verb
        if noun.dep_ in ("dobj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and \
                verb.lemma_.lower() in self.undoing_verbs and self.undone(noun):
            # "the EU suspended sanctions", "Moscow halted attacks": one undoes one's own act
            return self._subject(verb)  # (its "by" agent when passive)
        if verb.lemma_.lower() not in self.light_verbs and self.is_trigger(verb):
            return []  # "Russia received shipments": the verb's own event says who did what
        if any(c.dep_ == "oprd" for c in tree.children(verb)):
            return []  # "calling the attack an act of terrorism": a judgement, not "call talks"
        if noun.dep_ in ("dobj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and \
                verb.lemma_.lower() in self.light_verbs:
            # "Japan imposed sanctions": the light verb's subject acts; "the supply triggered
            # sanctions" says nothing of who imposed them
            if is_passive(verb):
                return self._prep(verb, "by")
            return self._subject(verb)
        return []

    def _participle_agents(self, noun: Token) -> list[Span]:
        """'The accord reached by Armenia and Azerbaijan', 'the deal announced by Netanyahu and
        by Yildirim': the agents of a participle of concluding on the noun are its parties (not
        those of "brokered by", who went between)."""
        found = []
        for acl in tree.children(noun):
            if acl.dep_ != "acl" or acl.tag_ != "VBN" or acl.lemma_.lower() not in CONCLUDING_VERBS:
                continue
            for agent in (c for c in tree.children(acl) if c.dep_ == "agent"):
                for by in (agent, *(c for c in tree.children(agent) if c.dep_ == "conj" and c.lower_ == "by")):
                    found += [a for o in tree.children(by) if o.dep_ == "pobj" for a in self.actors_of(o) if a not in found]
        return found

    def _accused_of_gerund(self, noun: Token) -> list[Span]:
        """'Accused Indian troops of trespassing on Chinese territory': a gerund the tagger
        takes for a noun, and the parser hangs on the one accused, is that one's act."""
        if noun.dep_ != "pobj" or noun.tag_ != "NN" or not noun.lower_.endswith("ing") or noun.head.lower_ not in ("of", "for"):
            return []
        owner = noun.head.head
        if owner.pos_ in ("VERB", "AUX") and self.verb_type(owner) == "ACCUSE" and not is_passive(owner):
            return [a for c in tree.children(owner) if c.dep_ == "dobj" for a in self.actors_of(c)]
        if owner.pos_ in ("NOUN", "PROPN") and owner.dep_ == "dobj" and self.verb_type(owner.head) == "ACCUSE":
            return self.actors_of(owner)
        return []

    def _timed_by_meeting(self, noun: Token) -> Token | None:
        """The clause a meeting or a visit times, with a named side ("said after talks with
        Starmer", "announced a ceasefire following talks with Erdogan", "during a visit to
        Morocco, Macron restated…") or among the sides the clause's
        subject joins ("after a trilateral meeting, the ministers of A, B and C urged…"): its
        verb, whose subject met."""
        visit = noun.lemma_.lower() in VISIT_NOUNS
        if noun.dep_ not in ("pobj", "dobj") or noun.head.lower_ not in MEETING_TIME_PREPS | ({"on"} if visit else set()):
            return None
        verb = noun.head.head
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
            verb = verb.head  # ("following" taken for a participle on the object)
        if verb.pos_ not in ("VERB", "AUX") or is_passive(verb):
            return None
        with_someone = any(c.dep_ == "prep" and (c.lower_ == "with" or visit and c.lower_ == "to") and any(
            o.dep_ == "pobj" and self.actors_of(o) for o in tree.children(c)) for c in tree.children(noun))
        return verb if with_someone or len({code_of(a) for a in self._subject(verb)} - {None}) > 1 else None

    def _backer(self, noun: Token) -> list[Span]:
        """Who a backer noun names: the phrase it stands in apposition to ("Iran, Hezbollah's
        main backer") or the subject it is said of ("Egypt is Burhan's main backer")."""
        if noun.dep_ == "appos":
            return self.actors_of(noun.head)
        if noun.dep_ == "attr" and noun.head.lemma_.lower() in ("be", "remain", "become"):
            return self._subject(noun.head)
        return []

    def _object(self, trigger: Token) -> list[Span]:
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.lemma_.lower() in self.backer_nouns:
            return self._modifier(trigger, "poss")  # the one backed: "Hezbollah's main backer"
        if trigger.pos_ in ("NOUN", "PROPN"):
            found = self._prep(trigger, "of")
            verb = self.carrier(trigger)
            if not found and verb is not None:  # "handed Doha a list of demands": the one handed it
                found = [a for c in tree.children(verb) if c.dep_ == "dative" for a in self.actors_of(c)]
            recipient = self._dative_as_modifier(trigger)
            if not found and recipient is not None:
                found = [self.actor_at[recipient.i]]
            if not found:  # "sanctions targeting Belarusian potash exports": what the participle aims at
                found = [a for c in tree.children(trigger) if c.dep_ == "acl" and c.lemma_.lower() == "target"
                         for o in tree.children(c) if o.dep_ == "dobj" for a in self.actors_of(o)]
            joining = _joining_in(trigger)
            if not found and joining is not None:
                # "Niger joined Mali and Burkina Faso in an alliance": with the ones joined
                found = [a for c in tree.children(joining) if c.dep_ == "dobj"
                         for a in self.actors_in(self.doc[c.left_edge.i:c.right_edge.i + 1])
                         if not a.start <= trigger.i < a.end]
            if not found and trigger.dep_ == "pobj" and trigger.head.lower_ == "under" and \
                    trigger.head.head.lemma_.lower() in ("come", "be", "remain"):
                found = self._subject(trigger.head.head)  # "peacekeepers came under fire from…"
            return found
        if _hyphenated_doer(trigger) is not None:  # "the US-backed SDF": the ones backed
            backed = trigger.head
            found = [a for a in self.actors_of(backed) if not a.start <= trigger.i < a.end + 2]
            if not found and backed.dep_ == "appos":  # "Transnistria, the Russian-backed breakaway region"
                found = self.actors_of(backed.head)
            return found
        deps = ("nsubjpass",) if is_passive(trigger) else ("dobj", "obj")
        objects = [c for c in tree.children(trigger) if c.dep_ in deps]
        if not objects and is_passive(trigger) and trigger.dep_ == "conj":
            # "crossed the border and was received by Zelensky": the subject the two verbs share
            objects = [c for c in tree.children(trigger.head) if c.dep_ in ("nsubj", "nsubjpass")]
        if not objects and trigger.dep_ == "relcl" and self.is_role(trigger.head) and any(
                c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in tree.children(trigger)):
            # "16 officials it accused of fraud": the antecedent, with no relative pronoun
            objects = [trigger.head]
        # "struck what it called hideouts of the PKK": the phrase the free relative names
        objects += [named for c in tree.children(trigger) if c.dep_ == "ccomp" and (named := what_it_called(c))]
        for child in objects:
            if child.tag_ in ("WDT", "WP") and trigger.dep_ == "relcl":
                child = trigger.head  # "North Korea, which Japan also criticised": the antecedent
            if child.i in self.item_at and child.i not in self.actor_at and \
                    trigger.lemma_.lower() in self.instrument_verbs:
                return []  # "fired Iranian missiles": the adjective names the maker, not the target
            found = self.actors_of(child)
            if not found:  # "vetoed the renewal of the U.N. panel": the thing's owner;
                # "rebuffed an offer of mediation from Nairobi": the proposer
                preps = ("of", "from") if child.lemma_.lower() in self.proposal_nouns else ("of",)
                found = [a for prep in tree.children(child) if prep.dep_ == "prep" and prep.lower_ in preps
                         for obj in tree.children(prep) if obj.dep_ == "pobj" for a in self.actors_of(obj)]
            if not found and child.pos_ in ("NOUN", "PROPN") and not is_passive(trigger):
                # "condemned the attack by North Korea": the doer of the act named (the parser
                # often hangs the "by" on the verb)
                found = [a for prep in (*tree.children(child), *tree.children(trigger)) if prep.dep_ == "prep"
                         and prep.lower_ == "by" for obj in tree.children(prep) if obj.dep_ == "pobj"
                         for a in self.actors_of(obj)]
            if not found and not self.where:
                # "welcomed the steps towards peace between Baku and Yerevan": the two sides
                found = [a for t in tree.subtree(child) if t.dep_ == "prep" and t.lower_ == "between"
                         and t.head.i - child.i in range(0, 4) for o in tree.children(t) if o.dep_ == "pobj"
                         for a in self.actors_of(o)]
            if not found and self.where:
                found = self._inside(child)  # "struck a hospital in Kyiv"
            return found
        return []

    def relative_carrier(self, noun: Token) -> Token | None:
        """The light verb of a relative clause that carries the noun back ("the sanctions that
        Washington imposed", "the exercises Russia and Belarus began"): its subject did the act."""
        for clause in tree.children(noun):
            if clause.dep_ == "relcl" and clause.lemma_.lower() in self.light_verbs and not is_passive(clause) and \
                    any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in tree.children(clause)) and \
                    not any(c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") and c.lower_ not in ("that", "which")
                            for c in tree.children(clause)):
                return clause
        return None

    def carrier(self, noun: Token) -> Token | None:
        """The light verb that carries a noun trigger as its object, directly ("made a request")
        or in a container ("handed over a list of demands")."""
        noun = holder_of(noun) or noun
        if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") and noun.head.lemma_.lower() in self.light_verbs \
                and not any(c.dep_ == "oprd" for c in tree.children(noun.head)):  # "called the transfer a threat"
            return noun.head
        return None

    def _modifier(self, noun: Token, slot: str) -> list[Span]:
        deps = {"poss": ("poss",), "compound": ("compound", "nmod"), "adj": ("amod", "npadvmod")}[slot]
        found = []
        for child in tree.children(noun):
            if child.dep_ in deps and child.i in self.actor_at:
                span = self.actor_at[child.i]
                if span not in found:
                    found.append(span)
                for conj in child.conjuncts:
                    if conj.i in self.actor_at and self.actor_at[conj.i] not in found:
                        found.append(self.actor_at[conj.i])
        return found

    def _dative(self, trigger: Token, items: list[Span]) -> list[Span]:
        """'gave Ukraine tanks', 'supply Tehran with jets': an actor object is the recipient;
        of a noun, the one its light verb gives it to ("gave Russia a shipment of drones")."""
        if trigger.pos_ in ("NOUN", "PROPN"):
            verb = self.carrier(trigger)
            return [] if verb is None else \
                [a for c in tree.children(verb) if c.dep_ == "dative" for a in self.actors_of(c)]
        for child in tree.children(trigger):
            if child.dep_ == "dative":
                return self.actors_of(child)
            if child.dep_ == "dobj" and child.i in self.actor_at:
                return self.actors_of(child)
            if child.dep_ == "dobj" and (recipient := self._name_after(trigger, child)) is not None:
                return [self.actor_at[recipient.i]]  # "gave Ukraine tanks", parsed as "Ukraine tanks"
        return []

    def _prep(self, trigger: Token, word: str) -> list[Span]:
        if (self.sent_start[trigger.i], word) not in self.preps:
            return []
        heads = [trigger]
        if trigger.pos_ in ("NOUN", "PROPN"):
            # "tariffs of 25 percent on Mexican goods": the prep may hang on the measure; "the
            # suspension of aid to Tanzania": on what holds the act
            # and on a bare noun that completes the trigger's name: "a memorandum of
            # understanding with Somaliland", "a treaty of friendship with Moscow"
            heads += [o for p in tree.children(trigger) if p.dep_ == "prep" and p.lower_ == "of"
                      for o in tree.children(p) if o.dep_ == "pobj" and (
                          o.ent_type_ in ("PERCENT", "MONEY", "CARDINAL") or o.pos_ == "NOUN" and o.i not in self.actor_at
                          and not any(c.dep_ in ("det", "poss") for c in tree.children(o)))]
            holder = holder_of(trigger)
            if holder is not None:
                heads.append(holder)
                if holder.dep_ in ("dobj", "nsubjpass") and trigger.dep_ == "compound":
                    heads.append(holder.head)  # "handed a protest note to the ambassador"
        if trigger.pos_ in ("NOUN", "PROPN") and word in ("to", "with"):
            # "signed a treaty transferring sovereignty to Mauritius": on the participle that
            # says what the pact does
            heads += [c for c in tree.children(trigger) if c.dep_ == "acl" and c.tag_ == "VBG"]
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "pobj", "nsubjpass"):
            heads.append(trigger.head)  # "imposed sanctions on Iran": the prep may hang on the verb
        elif trigger.pos_ in ("VERB", "AUX"):
            # "shipped 40 drones to Russia": the parser often hangs the prep on the object
            # (not whom a condemned attack fell on: "condemned the attack on Malian forces"
            # censures the attackers, not Mali)
            heads += [c for c in tree.children(trigger) if c.dep_ in ("dobj", "obj")
                      and (word in OBJECT_PREPS or c.i in self.item_at)
                      and not (word in FORCE_PREPS and self.verb_type(trigger) in JUDGING_TYPES
                               and self.verb_type(c) in ("ASSAULT", "COERCE"))]
            # "warned of retaliatory measures against Western firms": on the act warned of
            heads += [o for p in tree.children(trigger) if p.dep_ == "prep" and p.lower_ == "of" and word == "against"
                      for o in tree.children(p) if o.dep_ == "pobj"]
            # "suspended parts of their aid to Kigali": the prep hangs on what the part is of;
            # "hosted five days of talks between Riyadh and Tehran": on what the measure is of;
            # "passed recordings of the killing to Washington": on what the object is of
            heads += [o for h in heads[1:] if h.lemma_.lower() in PARTITIVES or word in ("between", "to")
                      for p in tree.children(h) if p.dep_ == "prep" and p.lower_ == "of"
                      for o in tree.children(p) if o.dep_ == "pobj"]
        if trigger.pos_ in ("NOUN", "PROPN") and (relative := self.relative_carrier(trigger)) is not None:
            heads.append(relative)  # "the sanctions that Washington imposed on Moscow"
        if word == "with":
            # "signed the agreement at a ceremony with Mauritian officials": on the occasion
            heads += [o for h in heads if h.pos_ in ("VERB", "AUX") for p in tree.children(h)
                      if p.dep_ == "prep" and p.lower_ in ("at", "during")
                      for o in tree.children(p) if o.dep_ == "pobj" and o.lemma_.lower() in OCCASIONS]
        for head in heads:
            children = list(tree.children(head))
            # "out of Mali", "away from the border": the second word carries the object
            children += [g for c in children if c.dep_ in ("prep", "prt") and c.lower_ in ("out", "away", "back")
                         or c.dep_ == "advmod" and c.lower_ == "home"   # "brought its soldiers home from Mali"
                         for g in tree.children(c) if g.dep_ == "prep"]
            # "delivered helicopters, along with arms, to the Malian army": the parser may hang
            # the next preposition on "along"
            children += [g for c in children if c.dep_ == "prep" and c.lower_ == "along" and word != "with"
                         for g in tree.children(c) if g.dep_ == "prep" and g.lower_ != "with"]
            for child in children:
                if child.dep_ == "agent" and word == "by" or (
                        child.dep_ in ("prep", "dative") and prep_word(child) == word):
                    found = self._prep_object(child, word)
                    if found:
                        # "fired missiles at Israel and at a US base": each preposition joined
                        return found + [a for c in child.conjuncts if c.lower_ == word
                                        for a in self._prep_object(c, word) if a not in found]
        return []

    def _prep_object(self, prep: Token, word: str) -> list[Span]:
        """The actors a preposition's object names, directly or as `_prep` widens it."""
        for obj in tree.children(prep):
            if obj.dep_ == "pobj" and obj.lemma_.lower() == "side" and word in ("on", "at", "by", "alongside"):
                continue  # "fought on Iraq's side against Iran": an ally, not whom it is aimed at
            if obj.dep_ in ("pobj", "pcomp"):
                named = what_it_called(obj)  # "fired at what it called camps of…"
                if named is not None and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                             for c in tree.children(named)):
                    # "support for what Moscow calls its special military operation": the namer's
                    found = [a for c in tree.children(obj) if c.dep_ == "nsubj" for a in self.actors_of(c)]
                    if found:
                        return found
                obj = named or obj
                found = self.actors_of(obj) or (self._inside(obj) if self.where else []) or (
                    self._destination(obj) if word in ("on", "against") else []) or (
                    self._phrase_actors(obj, ("of",)) if word in FORCE_PREPS or word in ("into", "for", "to") else []) or (
                    self._across(obj) if not self.where else [])
                if found:
                    return found
        return []

    def _across(self, noun: Token) -> list[Span]:
        """'sent troops to its border with Belarus': a frontier faces the side across it."""
        return self._phrase_actors(noun, ("with",)) if noun.lemma_.lower() in FRONTIERS else []

    def _destination(self, noun: Token) -> list[Span]:
        """'a ban on exports to the United States', 'curbs on sales to China': whom the
        restricted flow goes to."""
        return self._phrase_actors(noun, ("to",))

    def _inside(self, noun: Token) -> list[Span]:
        """'an air base in Qatar', 'targets in southern Lebanon': the place a phrase lies in
        (also as its apposition says: "Pituffik, the US outpost in Greenland")."""
        here = ("in", "near", "outside")
        return self._phrase_actors(noun, here) or [
            a for c in tree.children(noun) if c.dep_ == "appos" for a in self._phrase_actors(c, here)] or [
            # "a camp for displaced people in Rafah", "the home of a commander in Beirut"
            a for p in tree.children(noun) if p.dep_ == "prep" and p.lower_ in ("for", "of")
            for o in tree.children(p) if o.dep_ == "pobj" for a in self._phrase_actors(o, here)]

    def _phrase_actors(self, noun: Token, words: tuple[str, ...]) -> list[Span]:
        """The actors named by the noun's prepositional phrases headed by one of `words`."""
        return [a for prep in tree.children(noun) if prep.dep_ == "prep" and prep.lower_ in words
                for obj in tree.children(prep) if obj.dep_ == "pobj" for a in self.actors_of(obj)]

    def possessive_pronoun(self, slot: str, trigger: Token) -> Token | None:
        """'an airstrike on its consulate': the "its"/"their" that owns the slot's phrase,
        for the event builder to resolve (the phrase names no actor itself)."""
        if slot == "obj":
            # (and the subject of a passive that names no agent: "five of its members had
            # been killed")
            deps = ("dobj", "obj", "nsubjpass") if is_agentless_passive(trigger) else ("dobj", "obj")
            phrases = [c for c in tree.children(trigger) if c.dep_ in deps]
            phrases += [o for c in phrases if c.pos_ == "NUM" or c.lower_ in QUANTITY_HEADS
                        for p in tree.children(c) if p.dep_ == "prep" and p.lower_ == "of"
                        for o in tree.children(p) if o.dep_ == "pobj"]
        elif slot in PREP_SLOTS:
            phrases = [o for c in tree.children(trigger) if c.dep_ == "prep" and c.lower_ == slot
                       for o in tree.children(c) if o.dep_ == "pobj"]
        else:
            return None
        for phrase in phrases:
            if phrase.lower_ == "own":
                continue  # "sanctions of their own": whose they are, the doer's, not whom they hit
            for child in tree.children(phrase):
                if child.dep_ == "poss" and child.lower_ in ("its", "their"):
                    return child
        return None

    # -- items -------------------------------------------------------------------------------
    def items_near(self, trigger: Token) -> list[Span]:
        """Items in the trigger's own phrase (not in a nested clause with its own trigger)."""
        found = []
        for token in _own_subtree(trigger):
            span = self.item_at.get(token.i)
            if span is not None and span not in found:
                found.append(span)
        if not found and trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj":
            for token in _own_subtree(trigger.head):
                span = self.item_at.get(token.i)
                if span is not None and span not in found:
                    found.append(span)
        if is_passive(trigger) or trigger.dep_ in ("acl", "relcl"):  # "the S-300s it bought"
            for token in (trigger.head, *[c for c in tree.children(trigger) if c.dep_ == "nsubjpass"]):
                for t in tree.subtree(token) if token != trigger.head else [token]:
                    span = self.item_at.get(t.i)
                    if span is not None and span not in found:
                        found.append(span)
        return found

    def actors_in(self, tokens) -> list[Span]:
        """The actors named in a span or among some tokens, in order, each once."""
        found = []
        indices = range(tokens.start, tokens.end) if isinstance(tokens, Span) else (t.i for t in tokens)
        for i in indices:  # (a span's indices: building its tokens is slow)
            span = self.actor_at.get(i)
            if span is not None and span not in found:
                found.append(span)
        return found


# "men loyal to the Houthis", "a carrier linked to an Israeli businessman": whose they are
ALLEGIANCE_WORDS = {"loyal", "allied", "close", "linked", "tied", "affiliated", "aligned"}
# Groups that "linked to Iran" makes Iran's ("militias linked to Iran")
PROXY_NOUNS = {"militia", "group", "fighter", "force", "rebel", "movement", "faction", "proxy", "network",
               "cell", "gang", "unit", "organisation", "organization", "party", "insurgent", "paramilitary",
               "militant", "mercenary", "man"}


def _later_subject(verb: Token, subject: Token) -> Token | None:
    """A second subject the parser gives a verb after `subject`: "…, a charge Caracas denied",
    "A's president, X, and B's Y hosted…" (`Arguments._subject` reads both)."""
    return next((c for c in tree.children(verb) if c.dep_ == "nsubj" and c.i > subject.i), None)


def _maker(span: Span) -> bool:
    """Does the actor name only who made a thing ("Iranian-made", "Turkish-built drones")?"""
    root = span.root
    return root.dep_ == "npadvmod" and root.head.dep_ == "amod" and root.head.lemma_.lower() in MAKING_VERBS


def holder_of(noun: Token) -> Token | None:
    """The container or sum that holds a noun trigger: "a package of export controls",
    "a sanctions package", "$500 million in military aid", "50 billion euros of support". A
    verb that carries the holder carries the trigger."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in CONTAINERS:
        return noun.head  # "a sanctions package", "a protest note"
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    prep, holder = noun.head, noun.head.head
    if prep.lower_ == "of" and holder.lemma_.lower() in CONTAINERS | REVERSALS:
        return holder
    if prep.lower_ in ("of", "in") and (holder.ent_type_ == "MONEY" or holder.lower_ in CURRENCIES):
        return holder
    if prep.lower_ == "for" and holder.lower_ == "responsibility":
        return holder  # "claimed responsibility for the bombing": the claimer's act
    return None


def what_it_called(clause: Token) -> Token | None:
    """'what it called hideouts of the PKK', 'what Kyiv described as a grain terminal': the
    phrase a free relative of naming names, or None for any other clause."""
    if clause.lemma_.lower() not in NAMING_VERBS or \
            not any(c.dep_ == "dobj" and c.lower_ == "what" for c in tree.children(clause)):
        return None
    for child in tree.children(clause):
        if child.dep_ == "oprd":
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((o for o in tree.children(child) if o.dep_ == "pobj"), None)
    return None


def _hyphenated_doer(participle: Token) -> Token | None:
    """The doer a hyphenated participle names before its noun ("the Iran-backed militia",
    "Turkish-backed fighters"), or None."""
    if participle.dep_ != "amod" or participle.tag_ != "VBN" or participle.i < 2 or \
            participle.doc[participle.i - 1].text != "-":
        return None
    doer = participle.doc[participle.i - 2]
    return doer if doer.head == participle and doer.dep_ in ("npadvmod", "amod", "compound", "nmod") else None


def is_passive(verb: Token) -> bool:
    if verb.lemma_.lower() in STANCE_PARTICIPLES and not any(c.dep_ == "agent" for c in tree.children(verb)):
        return False  # "is opposed to": a stance, held by the subject
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tree.children(verb))


def is_agentless_passive(token: Token) -> bool:
    """A passive verb that names no agent ("five of its members had been killed")."""
    return token.pos_ in ("VERB", "AUX") and is_passive(token) and \
        not any(c.dep_ == "agent" for c in tree.children(token))


BEHEST_PREPS = ("at", "upon", "under", "after", "following")


def behest_clause(noun: Token, nouns: frozenset[str]) -> Token | None:
    """The verb of the clause an asking noun sets the occasion of ("At the request of
    Beijing, the council met", "after months of lobbying by US officials, Japan agreed"), or
    None: whoever does that clause's act is the one asked."""
    if noun.lemma_.lower() not in nouns:
        return None
    token = noun
    for _ in range(3):
        if token.dep_ != "pobj" or token.head.dep_ != "prep":
            return None
        prep = token.head
        if prep.lower_ in BEHEST_PREPS:
            return prep.head if prep.head.pos_ in ("VERB", "AUX") else None
        if prep.lower_ != "of" or prep.head.pos_ != "NOUN":
            return None
        token = prep.head  # "months of lobbying"
    return None


def _joining_in(noun: Token) -> Token | None:
    """The verb "join" whose "in" phrase holds the noun or verb ("joined Mali in an alliance",
    "joined Mali in condemning…"; the parser may hang the "in" on the one joined), or None."""
    if noun.dep_ not in ("pobj", "pcomp") or noun.head.lower_ != "in":
        return None
    head = noun.head.head
    if head.dep_ == "dobj" and head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() == "join" else None


def path_up(token: Token, top: Token) -> list[Token]:
    """The tokens from `token` up to `top`, not counting `top`."""
    path = []
    while token != top and token.head != token:
        path.append(token)
        token = token.head
    return path


def _own_subtree(trigger: Token):
    """The trigger's subtree without subordinate clauses, which carry their own events."""
    stack = [trigger]
    while stack:
        token = stack.pop()
        yield token
        for child in tree.children(token):
            if child.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "nsubj"):
                continue
            if child.dep_ == "conj" and (token == trigger or token.pos_ in ("VERB", "AUX")):
                continue  # a conjoined clause is its own event; conjoined nouns ("drones and missiles") are not
            stack.append(child)


def _named(span: Span) -> str | None:
    """Who an actor span names, its state or its own id, in office or not (unlike `code_of`)."""
    entry = actor_of(span)
    return getattr(entry, "country", None) or getattr(entry, "actor_id", None)


def _by_token(spans) -> dict[int, Span]:
    """The span each token is part of (the later span where two overlap)."""
    at: dict[int, Span] = {}
    for span in spans:
        for i in range(span.start, span.end):
            at[i] = span
    return at
