"""Events from a parsed document: triggers, their arguments, status, items, date and place.

`EventBuilder.build(doc)` reads the actor and item spans that the earlier components wrote
and returns `entente.model.Event` records, each keeping its sentence and the spans of its
trigger, actors and items so a reader can see why it was extracted.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from entente.extract import tree
from entente.extract.arguments import (CONTAINERS, FRONTIERS, NAMING_VERBS, PARTITIVES, REPLY_VERBS, REVERSALS,
                                       Arguments, actor_of, forget_actors, holder_of, is_agentless_passive, is_passive,
                                       behest_clause, path_up, prep_word, remember_actor, what_it_called)
from entente.extract.arguments import code_of as _code
from entente.extract.items import to_item
from entente.extract.sentences import DASHES
from entente.extract.status import CLAIM_NOUNS as STATUS_CLAIM_NOUNS
from entente.extract.status import Reading, StatusReader, denies_a_claim, undecided
from entente.knowledge.actors import ISO_CODES, out_of_office
from entente.knowledge.lexicon import Frame, Lexicon, Trigger
from entente.model import Attribution, Event, Location, Mention, Provenance
from entente.values import parse_date as _parse_date

# Dates repeat within and across documents ("Monday", the document date): parse each once.
parse_date = lru_cache(maxsize=4096)(_parse_date)

# A report by one state that another did one of these is also an accusation.
ACCUSABLE = {"COERCE", "AID", "ASSAULT", "THREATEN"}
MUTUAL = {"CONSULT", "COOPERATE", "AGREE"}
# What "the allegations" a response answers are: the claims a denial denies (status.py), and
# findings and criticism.
CLAIM_NOUNS = STATUS_CLAIM_NOUNS | {"finding", "criticism", "account"}
# What a side denies having in an act: "denied any role", "rejected any involvement".
ROLE_NOUNS = {"role", "part", "involvement", "link", "links", "hand", "responsibility", "complicity"}
# The trigger each kind of judgement is recorded under ("called the talks constructive": support).
JUDGING_VERBS = {"THREATEN": "threaten", "ACCUSE": "accuse", "SUPPORT": "support"}
# What a claim is said to lack when it is rejected: "the finding had no basis in fact".
GROUNDS = {"basis", "foundation", "merit", "truth", "substance", "evidence"}
# Types that answer what another side put to them (an offer, a demand).
ANSWERS = {"REJECT", "AGREE", "CONCEDE", "SUPPORT"}
# How far back (in tokens) a response looks for the act it answers.
ANSWER_WINDOW = 120
# Types whose target an article often leaves implicit once it has named it.
IMPLICIT_TARGET = {"AID", "ASSAULT", "SANCTION", "THREATEN", "ACCUSE", "REJECT", "PROTEST",
                   "CONCEDE", "COERCE", "MOBILIZE", "REQUEST", "RETREAT"}
# Types whose actor an article often leaves to a passive or a bare noun ("were
# blacklisted", "over the supply of drones to Russia").
IMPLICIT_SOURCE = {"SANCTION", "AID"}
# Types that are events without anyone on the receiving end, when none can be found: a
# protest, a deployment, a withdrawal; a threat, refusal, demand, accusation or attack whose
# object the text leaves unnamed ("Israel threatened to ban voting") still says who did it.
# (A transfer or sanction with no recipient is too often a misparse to keep.)
TARGETLESS = {"PROTEST", "MOBILIZE", "RETREAT", "THREATEN", "REJECT", "REQUEST", "ASSAULT", "ACCUSE"}
# Types that answer an earlier act ("rejected the allegations", "provided support"): the
# target is its actor.
RESPONSIVE = {"ACCUSE", "REJECT", "PROTEST"}
# Conjunctions that open what occasioned an act: "protested after Budapest appointed…"
OCCASION_MARKS = {"after", "when", "because"}
# Acts two sides do to each other: "the two countries clashed" is each against the other,
# "Russia and Ukraine swapped prisoners" each releasing to the other.
RECIPROCAL_ACTS = {"clash", "clashes", "fight", "fighting", "skirmish", "skirmishes", "swap", "exchange"}
# Verbs whose plural subject does their object's act to each other: "traded accusations".
RECIPROCAL_VERBS = {"trade", "exchange"}
# Verbs by which fighting starts again or anew: "fighting erupted", "clashes broke out".
BREAKING_OUT = {"erupt", "break", "resume", "flare", "reignite", "restart"}
# Acts that another's act can answer ("retaliation for the strike"): naming them so accuses their actor.
PROVOKING = {"ASSAULT", "COERCE", "SANCTION", "THREATEN"}
# Harm announced for later on a condition is a threat (CAMEO 13): force, coercion,
# sanctions, a walk-out.
ANNOUNCEABLE = {"ASSAULT", "COERCE", "SANCTION", "RETREAT", "REJECT"}
ECHO_VERBS = ("follow", "do", "echo")  # "followed suit", "did the same", "echoed the call": an act told before, again
ECHO_NOUNS = ("step", "move", "measure")  # "announced a matching step of its own": the same
MATCHING = {"matching", "similar", "reciprocal", "same", "mirror", "identical"}
UNTIL = ("until", "till")  # a time given to act by
# Spans of time given to act in ("48 hours", "eight days"), whatever the tagger calls them.
TIME_UNITS = ("hour", "day", "week", "month")
CONTRASTING = {"while", "whereas", "although", "though"}  # marks of a clause set against another
# Force: announced rather than used, it is a threat.
FORCE = {"ASSAULT", "COERCE"}
HARM = FORCE | {"SANCTION"}  # what a speaker menaces with by not ruling it out
AT_ODDS = HARM | {"MOBILIZE", "THREATEN", "ACCUSE"}  # acts that set two sides at odds
# A body's measures aimed against a state: voting against one backs the state.
HOSTILE_MEASURES = {"ACCUSE", "SANCTION", "REQUEST", "COERCE", "THREATEN", "REJECT"}
# Ties that stopping cuts ("stopped cooperating with", "ceased supplying"): then a SANCTION.
TIES = {"COOPERATE", "CONSULT", "AID", "SUPPORT", "AGREE"}
# What forces are sent to do at another's side ("sent troops to fight alongside Russian forces",
# "to help the Malian army"): then the sending is aid to that side.
FIGHTING_VERBS = {"fight", "serve", "battle"}
HELPING_VERBS = {"help", "assist", "support", "aid", "defend", "protect", "back", "reinforce", "bolster"}
# Hostile acts: undoing them de-escalates, and a protest or a censure answers them.
HOSTILE = HARM | {"MOBILIZE"}
# Acts that give to another or back it: one that a side says it will not do is a refusal
# (agreeing and conceding are refused also when only said not to have happened).
YIELDING = {"SUPPORT", "AID", "COOPERATE", "RETREAT", "REQUEST"}
FORCE_UNDONE = {"ASSAULT", "MOBILIZE"}  # undone, a retreat from conflict
OPEN_WATERS = {"sea", "ocean", "water", "waters"}  # fire into them is a show of force
# Acts performed by speaking: an actor reported saying them has done them.
VERBAL = {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"}
FUTURE_AUX = {"will", "would", "'ll", "shall", "could", "might"}
# Prepositions that set a scene rather than say something: "in a letter to the council".
SETTING_PREPS = {"in", "at", "during", "after", "before", "following", "amid"}
OBLIGATION_AUX = {"must", "should"}
EXPECTATION_VERBS = {"require", "oblige", "obligate"}  # "Serbia was required to" ("expected to" also predicts)
CLAIM_REACH = 3  # how many sentences back a rejected claim may have been told
# How often an actor must be named before an article counts as being about it.
SALIENT_MENTIONS = 4
LEAD_WEIGHT = 3
PLACE_PREPS = {"via", "through", "across", "over", "in", "at", "near", "off"}
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them"}
PLURAL_PRONOUNS = {"they", "them", "their"}
PERSONAL_PRONOUNS = {"he", "she", "his", "her", "him"}  # a person's, not a state's
IRREGULARS = {"fighters", "mercenaries", "militants"}  # forces that are no army's: "Wagner fighters"
# Acts of words addressed to others: "urged them", "accused them", "met them".
ADDRESSED = {"REQUEST", "ACCUSE", "THREATEN", "SUPPORT", "CONSULT", "PROTEST"}
# "The three governments", "both sides": a group named by its size refers back.
GROUP_NOUNS = {"government", "country", "side", "nation", "state", "ally", "power", "capital",
               "leader", "neighbour", "neighbor", "group", "junta", "regime",
               "president", "minister", "delegation",  # "the two presidents", "both delegations"
               "rival", "adversary", "foe", "enemy", "partner",  # "talks between the two rivals"
               "camp", "faction", "party", "army", "military", "force", "envoy", "negotiator",
               "administration"}  # "the two warring camps signed a ceasefire", "both armies"
NON_STATE_GROUP_NOUNS = {"group"}  # "both groups": groups, not states
GROUP_MEMBER_DEPS = {"nsubj", "nsubjpass", "conj", "appos"}
NUMBER_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
SIZE_NOUNS = {"pair": 2, "duo": 2, "trio": 3, "quartet": 4}  # "the quartet handed Doha…"
GROUP_HEADS = GROUP_NOUNS | set(NUMBER_WORDS) | set(SIZE_NOUNS) | {"they"}  # the words a group phrase may end in ("the three", "them")
PAIR_PHRASES = ("the two countries", "both countries", "both sides", "the two sides",
                "the two nations", "both nations", "the two governments", "the two states")


@dataclass
class Act:
    """An earlier act a response may answer: who acted, on whom, and its kind (an event
    type, or REPORT for a report that someone did something)."""

    actor: Span
    targets: list[Span]
    kind: str
    at: int = -1  # the trigger's token index: the acts of one trigger go together


@dataclass
class Found:
    """One trigger with its resolved arguments, before it becomes event records."""

    trigger: Token
    meaning: Trigger
    sources: list[Span]
    targets: list[Span]
    items: list[Span]
    reading: Reading


class EventBuilder:
    def __init__(self, lexicon: Lexicon, ontology, actors, extractor: str):
        self.lexicon = lexicon
        self.ontology = ontology
        self.actors = actors
        self.status = StatusReader(lexicon)
        self.extractor = extractor
        self._dated: dict = {}
        self._dates: tuple = (None, [], None, None, {})  # (document, its DATE entities as (start, text), date, base, dates read)
        self._meanings: dict = {}
        self._lead_end = 0  # where the current document's first sentence ends
        self._predicative_only = frozenset(lexicon.words("predicative_accusing_words"))
        # the last word of every noun trigger ("strikes", "air strikes", "military support")
        self._noun_words = frozenset(phrase.split()[-1] for phrase in lexicon.nouns)
        # the first word of every verb trigger, and the verbs that may dismiss a claim or
        # hold to its contrary
        self._verb_words = frozenset(phrase.split()[0] for phrase in lexicon.verbs) | \
            frozenset(self.status.words["evaluative_verbs"]) | self.status.words["insisting_verbs"] | {"be"} | \
            lexicon.words("blaming_verbs") | lexicon.words("declaring_verbs") | lexicon.words("finding_verbs") | {"cite"} | \
            lexicon.words("readying_verbs")
        self._known: dict[tuple[int, int], bool] = {}  # (word hash, word list) → in it
        # verbs that report or allege ("said", "accused"): whose subject says what it governs
        self._speech_verbs = self.status.words["report_verbs"] | self.status.words["allege_verbs"]
        self._sent_start: list[int] = []  # the current document's sentence start of each token
        self._acts: list = []  # the current document's acts so far
        self._doc_text = ""  # the current document's text
        self._args: Arguments | None = None  # the current document's slot filler
        self._actor_spans: list[Span] = []  # the current document's actors
        self._group_sentences: set[int] = set()  # the current document's sentences with a group noun

    # -- triggers ----------------------------------------------------------------------------
    def trigger_of(self, token: Token) -> Trigger | None:
        """What a token means as an event, if anything (remembered for the current document:
        slot filling and the responders ask about the same tokens again)."""
        if self._meanings.get("doc") is not token.doc:
            self._meanings = {"doc": token.doc}
        if token.i not in self._meanings:
            self._meanings[token.i] = self._meaning_of(token)
        return self._meanings[token.i]

    def _candidates(self, doc: Doc) -> list[int]:
        """The tokens that may be triggers, in order: verbs, and nouns that end a noun trigger
        (the same test `_meaning_of` opens with, read from arrays: most tokens are neither,
        and building a Token object for each was a large share of extraction time)."""
        tags, lowers, lemmas = doc.to_array([POS, LOWER, LEMMA]).T.tolist()
        verbal = [tag == VERB or tag == AUX for tag in tags]
        nominal = [tag == NOUN or tag == PROPN for tag in tags]
        # each distinct word tested once
        verbs = {lemma for lemma, v in zip(lemmas, verbal) if v}
        verbs = {lemma for lemma in verbs if self._known_word(lemma, doc, self._verb_words, lowered=True)}
        nothing, have = doc.vocab.strings["nothing"], doc.vocab.strings["have"]
        if nothing in lowers:  # "had nothing to do with it": a denial (`_disowns`)
            verbs.add(have)
        nouns = {w for lower, lemma, n in zip(lowers, lemmas, nominal) if n for w in (lower, lemma)}
        nouns = {w for w in nouns if self._known_word(w, doc, self._noun_words)
                 or self._known_word(w, doc, self._noun_words, lowered=True)}
        return [i for i, (v, n, lower, lemma) in enumerate(zip(verbal, nominal, lowers, lemmas))
                if v and lemma in verbs or n and (lower in nouns or lemma in nouns)]

    def _known_word(self, word: int, doc: Doc, words: frozenset[str], lowered: bool = False) -> bool:
        """Is the word (a string hash) in `words`? Remembered per hash and word list."""
        key = (word, id(words))
        if key not in self._known:
            text = doc.vocab.strings[word]
            self._known[key] = (text.lower() if lowered else text) in words
        return self._known[key]

    def _meaning_of(self, token: Token) -> Trigger | None:
        if token.lemma_ == "have":  # (only in "had nothing to do with": a denial)
            return self.lexicon.trigger("deny", "VERB") if _disowns(token) else None
        if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in self._noun_words and \
                token.lemma_.lower() not in self._noun_words:
            return None  # no noun trigger ends in this word (most nouns): no phrase to try
        if token.pos_ in ("VERB", "AUX") and (self._dismisses_claims(token) or self._declares_void(token)):
            return self.lexicon.trigger("reject", "VERB")  # "called the accusations unfounded", "the deal void"
        if token.pos_ in ("VERB", "AUX") and self._insists_otherwise(token):
            return self.lexicon.trigger("reject", "VERB")  # "Moscow insisted the jet never left Syria"
        if token.pos_ in ("VERB", "AUX") and self._declared_unwelcome(token) is not None:
            return self.lexicon.trigger("expel", "VERB")  # "declared three diplomats persona non grata"
        if token.pos_ in ("VERB", "AUX") and (self._found_guilty(token) is not None or self._cites_a_wrong(token)):
            return self.lexicon.trigger("accuse", "VERB")  # "determined that Russia had used…", "citing violations by Mali"
        if token.pos_ in ("VERB", "AUX") and self._held_responsible(token) is not None:
            return self.lexicon.trigger("accuse", "VERB")  # "held Moscow responsible for the attack"
        if token.lemma_ == "be" and self.behind_an_act(token) is not None:
            return self.lexicon.trigger("accuse", "VERB")  # "said Russia was behind the attack"
        if token.pos_ in ("VERB", "AUX") and self._declared_as(token, "terrorist_phrases") is not None:
            return self.lexicon.trigger("designate", "VERB")  # "declared the group a terrorist organisation"
        if token.lemma_.lower() in REPLY_VERBS and any(
                self.trigger_of(g) is not None for p in tree.children(token) if p.dep_ == "prep" and p.lower_ == "by"
                for g in tree.children(p) if g.dep_ == "pcomp"):
            return None  # "retaliated by expelling…": the means is the act
        if token.pos_ in ("VERB", "AUX") and self._told_in_conversation(token):
            return self.lexicon.trigger("phone", "VERB")  # "told Kerry by phone that…": a call
        if token.pos_ in ("VERB", "AUX"):
            # phrasal verbs first: "turned down the request", "waved the package away"
            particles = [c.lower_ for c in tree.children(token) if c.dep_ in ("prt", "advmod") and c.i > token.i]
            # "brought Kinshasa and Kigali together in Doha": the parser hangs the particle on
            # the preposition after it, or on the object's last conjunct
            particles += [g.lower_ for c in tree.children(token) if c.dep_ == "prep" and c.i > token.i
                          for g in tree.children(c) if g.dep_ == "advmod" and g.i < c.i]
            particles += [g.lower_ for c in tree.children(token) if c.dep_ == "dobj"
                          for o in (c, *c.conjuncts) for g in tree.children(o) if g.dep_ == "advmod" and g.i > o.i]
            # or on a place after the object: "called its ambassadors in all four countries home"
            particles += [g.lower_ for c in tree.children(token) if c.dep_ == "prep" and c.i > token.i
                          for o in tree.children(c) if o.dep_ == "pobj"
                          for g in tree.children(o) if g.dep_ == "advmod" and g.i > o.i]
            phrasal = next((m for p in particles
                            if (m := self.lexicon.trigger(f"{token.lemma_.lower()} {p}", "VERB"))), None)
            if phrasal is not None:
                retyped = self._retyped_by_object(phrasal, _objects(token))
                if retyped is not None:
                    return retyped  # "called off a visit": cancelled, where "called off strikes" yields
                # "called its ambassador home" recalls; "called its citizens home" does not
                if not self._has_required_prep(token, phrasal.lemma):
                    return None  # "pushed back on the demands", not "pushed back the deadline"
                return phrasal if self._has_required_object(phrasal, _objects(token)) else None
            if token.lemma_.lower() in self.lexicon.words("readying_verbs") and self._readied(token):
                return self.lexicon.trigger("mobilize", "VERB")  # "put its forces on alert"
            if self._prospect_of_harm(token):
                return self.lexicon.trigger("threaten", "VERB")  # "raised the prospect of sanctions"
            meaning = self.lexicon.trigger(token.lemma_, "VERB")
            if meaning is None:
                return None
            if meaning.type == "REQUEST" and any(c.dep_ == "oprd" for c in tree.children(token)):
                return None  # "what it called illegal attacks on Armenia", "called the plan credible": a naming
            if not self._has_required_prep(token, meaning.lemma) and self._retyped_by_object(meaning, _objects(token)) is None:
                return None  # (an object may make it another trigger: "called a meeting of the council")
            needed = self.lexicon.requires_prep.get(meaning.lemma)  # (its prepositions may name the object)
            its_objects = _objects(token)
            if meaning.lemma == "receive" and (any((c.i in self._args.actor_at or self._args.is_role(c) or c.lemma_.lower() in
                                                    self.lexicon.words("visiting_nouns")) and c.i not in self._args.item_at
                                                   for c in its_objects) or self._received_by_a_person(token)):
                # "Putin received Erdogan in Sochi", "was received by Zelensky": a meeting
                return self.lexicon.trigger("receive_visit", "VERB")
            if meaning.lemma == "welcome" and self._hosts(token, its_objects):
                return self.lexicon.trigger("receive_visit", "VERB")  # "welcomed Zelensky to Downing Street"
            deadline = self._deadline(token) if meaning.type == "AID" else None
            if deadline is not None:
                named = any(c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN" and c.i in self._args.actor_at
                            for c in tree.children(token))  # a side given time, by its name
                if self._leaving(deadline) and (not named or self._leaves_a_mission(deadline)):
                    # "gave the ambassador 48 hours to leave", "gave China 72 hours to vacate its
                    # consulate" (but "gave Kampala until Friday to withdraw its troops" demands
                    # a withdrawal)
                    return self.lexicon.trigger("expel", "VERB")
                if any(c.dep_ in ("dobj", "npadvmod") and c.ent_type_ in ("TIME", "DATE") or c.dep_ == "prep" and c.lower_ in UNTIL
                       for c in tree.children(token)):
                    # "gave Maduro eight days to call an election": an ultimatum, demanded of the
                    # one given it (the time given is the object, not "a week after")
                    demand = self.lexicon.trigger("demand", "VERB")
                    return replace(demand, frame=replace(demand.frame, target=("dative",) + demand.frame.target))
            blocked = self.lexicon.blocked_particles.get(meaning.lemma, ())
            if any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in blocked for c in tree.children(token)):
                return None
            unwanted = self.lexicon.excluded_objects.get(meaning.lemma, ())
            if any(c.lemma_.lower() in unwanted for c in its_objects):
                return None
            retyped = self._retyped_by_object(meaning, its_objects)
            if retyped is not None and meaning.lemma == "call" and not any(
                    p.dep_ == "prep" and p.lower_ == "of" for o in its_objects for p in tree.children(o)):
                return None  # a meeting called is asked of the body it is "of" ("called the meeting regrettable")
            if retyped is not None:
                return retyped  # "met their demands": yielding, not a meeting
            if meaning.type in FORCE and self._hits_with_measures(token):
                return self.lexicon.trigger("sanction", "VERB")  # "hit Moscow with new sanctions", "hit back with sanctions"
            retyped = self._retyped_by_preposition(token, meaning)
            if retyped is not None:
                return retyped  # "rallied behind Doha": backing it
            if meaning.lemma == "target" and token.dep_ == "acl" and \
                    self._names_a_measure(token.head):
                return None  # "sanctions targeting its potash exports": the sanctions are the act
            if meaning.lemma == "target" and self._aims_at_an_economy(token):
                return self.lexicon.trigger("sanction", "VERB")  # "targeted the country's gold sector"
            if meaning.lemma == "take" and self._takes_off_a_list(token):
                return self.lexicon.trigger("remove", "VERB")  # "took Cuba off its terror list": a delisting
            if meaning.lemma == "take" and self._takes_to_court(token):
                return self.lexicon.trigger("sue", "VERB")  # "took Kenya to the ICJ": legal action
            if meaning.lemma in self.lexicon.requires_place_object and not self._takes_a_place(token):
                return None  # "took part", "took a decision"
            if meaning.lemma in self.lexicon.words("territorial_verbs") and self._takes_a_place(token):
                return self.lexicon.trigger("recapture", "VERB")  # "took Goma": force, not arrest
            if meaning.lemma in self.lexicon.requires_body_object and not self._takes_a_body(token) \
                    and not self._forces_leave(token):
                return None  # "left Kyiv", "quit the talks" (but "Russian troops left Kherson")
            if meaning.type in FORCE and _says_a_clause(token):
                return None  # "shot back that Netanyahu would meet the same end": words, not fire
            if meaning.type == "REQUEST" and meaning.lemma in self.status.words["seeking_verbs"] and any(
                    c.dep_ == "xcomp" and _infinitive(c) and not any(
                        v.lemma_.lower() in self.status.words["acquiring_verbs"] for v in (c, *c.conjuncts))
                    for c in tree.children(token)) and not any(
                    c.dep_ in ("dobj", "dative") for c in tree.children(token)):
                # "sought to stabilise ties": an attempt (the status of what is tried), asked of
                # no one ("seeks to replenish its stocks" asks whoever has them)
                return None
            if meaning.lemma == "expect" and (is_passive(token) or not any(
                    c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in self.lexicon.words("expected_of_others") or
                    c.dep_ == "dobj" and c.lemma_.lower() in self.lexicon.words("expected_of_others_nouns")
                    for c in tree.children(token))):
                # "Tehran is expected to respond", "expected Pyongyang to attempt another
                # launch": a forecast; "expected Iran to apologise" asks it of Iran
                return None
            if meaning.lemma in self.lexicon.requires_infinitive and not any(
                    c.dep_ in ("xcomp", "ccomp") and _infinitive(c) for c in tree.children(token)):
                return None  # "told reporters that…": words, not a demand
            if meaning.lemma in self.lexicon.requires_actor_object and not any(
                    self._args.actors_of(c) for c in _acted_on(token) + [
                        o for p in tree.children(token) if p.dep_ == "prep" and p.lower_ in (needed or ())
                        for o in tree.children(p) if o.dep_ == "pobj"]):
                return None  # "ordered a review", "turned to economic pressure"
            if meaning.type == "AID" and meaning.frame.name == "support" and any(
                    c.dep_ == "nsubj" and c.pos_ == "PRON" for c in tree.children(token)):
                # "saying they helped Russia strike cities": "they" is as often the transfers as a side
                return None
            if not self._has_required_object(meaning, its_objects) \
                    and not (meaning.type == "REJECT" and self._declines_to_act(token)):
                return None
            if meaning.type == "AID" and any(self._is_envoy(c) for c in its_objects):
                # "sent an envoy to Caracas" is a visit; "the Kremlin sent Medinsky instead" no aid
                sent_to = any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in tree.children(token))
                return self.lexicon.trigger("visit", "VERB") if sent_to else None
            if meaning.type == "AID" and meaning.lemma in self.status.words["promised_verbs"] and not any(
                    c.dep_ in ("dobj", "dative") and c.tag_ not in ("WDT", "WP", "PRP") for c in tree.children(token)):
                return None  # "whatever it promised": a promise of nothing named is no transfer
            if not self._has_prep_object(token, meaning):
                return None  # "added to its list", not "added a clause"
            if meaning.lemma == "remove" and self._off_a_favoured_list(token):
                return self.lexicon.trigger("sanction", "VERB")  # "removed Seoul from its white list"
            if meaning.lemma in self.lexicon.words("state_participles") and token.dep_ == "acl" and \
                    not any(c.dep_ == "agent" for c in tree.children(token)):
                return None  # "sailors armed with knives": what they carry, not a transfer
            if meaning.lemma in self.lexicon.light_verbs and self._carries_noun_trigger(token):
                return None
            if meaning.lemma in self.lexicon.words("undoing_verbs") and any(
                    getattr(self._noun_meaning(c), "type", None) in HOSTILE for c in its_objects):
                return None  # "suspended sanctions", "halted its strikes": the act undone is the event
            if meaning.lemma in self.status.words["promised_verbs"] and any(
                    c.dep_ == "xcomp" and self.trigger_of(c) for c in tree.children(token)) and \
                    not (meaning.type == "AGREE" and (_between_sides(token) or self._agreed_ties(token))):
                # "pledged to deliver": the promise is the status of "deliver" (but "Serbia and
                # Kosovo agreed to swap prisoners" is also an agreement between them)
                return None
            if meaning.lemma in self.lexicon.words("intransitive_retreats") and any(
                    c.dep_ == "dobj" for c in tree.children(token)):
                return replace(meaning, type="COERCE")  # "disarm the militia": coercion
            if meaning.type == "ASSAULT" and _a_test(token):
                return self.lexicon.trigger("missile test", "NOUN")  # "test-fired a missile": a show of force
            if meaning.type == "ASSAULT" and _into_the_sea(token):
                return self.lexicon.trigger("missile test", "NOUN")  # "fired missiles into the sea": the same
            if meaning.type == "REJECT" and any(c.dep_ == "xcomp" and _rules_out(c) for c in tree.children(token)):
                return None  # "refused to rule out force": a threat, made by what is not ruled out
            if meaning.type == "THREATEN" and (self._warns_of_danger(token) or self._warns_of_a_fact(token)):
                return None  # "warned of a moment of risk": a warning about, not a threat to
            if meaning.lemma == "regret" and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tree.children(token)):
                return None  # "would come to regret the seizure": a menace (`threatening_words`)
            if meaning.lemma == "regret" and self._regrets_own_harm(token, token):
                return self.lexicon.trigger("apologize", "VERB")  # "regretted that its strike killed…"
            if meaning.lemma in self.status.words["deny_verbs"] and undecided(token):
                return None  # "neither confirmed nor denied"
            if meaning.lemma in self.status.words["deny_verbs"] and self._denies_an_act(token):
                return None  # "denied sending missiles": the denial is the status of "sending"
            return meaning
        if token.pos_ in ("NOUN", "PROPN"):
            if token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.i in self._args.actor_at:
                return None  # a word of an actor's name: "the Popular Mobilisation Forces"
            # "military support" may mean more than "support": the phrase first
            for modifier in (c for c in tree.children(token) if c.dep_ == "amod"):
                meaning = self.lexicon.trigger(f"{modifier.lower_} {token.lower_}", "NOUN")
                if meaning is not None:
                    return meaning
            for compound in (c for c in tree.children(token) if c.dep_ == "compound"):
                for phrase in (f"{compound.lower_} {token.lower_}", f"{compound.lower_} {token.lemma_.lower()}"):
                    meaning = self.lexicon.trigger(phrase, "NOUN")
                    if meaning is not None:
                        return meaning
            unwanted = self.lexicon.excluded_modifiers.get(token.lower_, ())
            if any(c.dep_ in ("compound", "amod") and c.lower_ in unwanted for c in tree.children(token)):
                return None  # "flight operations", "an election campaign"
            owner = self._partitive_owner(token)  # "suspended parts of their aid": as "suspended aid"
            meaning = self._noun_meaning(token)
            if owner.dep_ in ("dobj", "nsubjpass") and \
                    owner.head.lemma_.lower() in self.lexicon.words("reversal_verbs"):
                # "cut ties": the verb, not the noun, is what happened; a reversal verb that is no
                # trigger for this object reverses the noun ("ended its sanctions on Damascus")
                undone = self._undone_by(token, owner.head)
                if meaning is None or owner.head.lemma_.lower() not in self.lexicon.words("undoing_verbs") or \
                        self.trigger_of(owner.head) is not None and not undone:
                    return None
                if meaning.type in FORCE_UNDONE and not undone:
                    return None  # "reduced its visa operations", "to stop Israel's attacks"
                return _reversed(meaning)
            if meaning is not None and self._reversed_by_noun(token):
                return _reversed(meaning)  # "the lifting of sanctions", "sanctions relief"
            if meaning is None:
                return None
            if not self._has_prep_object(token, meaning):
                return None  # "its commitment to the deal": only one to another's defence backs it
            if meaning.type == "AID" and self._restricted(owner):
                return None  # "restricted sales to China", "tariffs on Chinese imports": a sanction's object
            if token.lemma_.lower() in CONTAINERS | REVERSALS and any(
                    self.trigger_of(o) for p in tree.children(token) if p.dep_ == "prep" and p.lower_ == "of"
                    for o in tree.children(p) if o.dep_ == "pobj"):
                return None  # "a package of export controls": the controls are the act
            if token.dep_ == "dobj" and self._dismisses_claims(token.head):
                return None  # "called the accusations unfounded": the verb rejects them
            if token.lemma_.lower() in self.lexicon.words("light_verb_nouns") and not self._carried(token):
                return None  # "security concerns": only "expressed concern" is an act
            if meaning.lemma == "regret" and self._regrets_own_harm(token, token.head):
                return self.lexicon.trigger("apologize", "VERB")  # "expressed regret over the pilot's death"
            return meaning
        return None

    def _noun_meaning(self, noun: Token):
        """The noun trigger a word is, by its form or its lemma ("strikes", "strike")."""
        return self.lexicon.trigger(noun.lower_, "NOUN") or self.lexicon.trigger(noun.lemma_, "NOUN")

    def _names_a_measure(self, noun: Token) -> bool:
        """Is the word a measure's noun ("sanctions", "tariffs", "duties")?"""
        return getattr(self._noun_meaning(noun), "type", None) == "SANCTION"

    def _aims_at_an_economy(self, verb: Token) -> bool:
        """'Targeted the gold sector', 'the restrictions targeted the most advanced machines':
        measures aimed at an economy, by their object or by a measure as the subject."""
        economic = self.lexicon.words("economic_targets")
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in economic or c.lower_ in economic)
                   for c in tree.children(verb)) or any(
            c.dep_ == "nsubj" and self._names_a_measure(c)
            for c in tree.children(verb))

    def _undone_by(self, noun: Token, verb: Token) -> bool:
        """Does the verb undo the hostile act the noun names, as its doer? A measure undone by
        any undoing verb ("suspended sanctions"); force only stopped ("halted its strikes",
        not "reduced"), by an actor named as the verb's subject, and with no other side named
        as its owner ("to stop Israel's attacks", "a truce meant to end their fighting" stop
        nothing of the stopper's)."""
        meaning = self._noun_meaning(noun)
        if meaning is None or meaning.type not in HOSTILE:
            return False
        if verb.dep_ in ("advcl", "acl") and _infinitive(verb):
            return False  # "ready to negotiate to end the occupation": a purpose, not an act
        if meaning.type not in FORCE_UNDONE:
            return True
        args = self._args
        return verb.lemma_.lower() in self.lexicon.words("stopping_verbs") and \
            any(c.dep_ == "nsubj" and args.actors_of(c) for c in tree.children(verb)) and not any(
                c.dep_ == "poss" and c.pos_ != "PRON" or c.i in args.actor_at for c in tree.children(noun))

    def _lodged(self, noun: Token) -> bool:
        """A protest lodged or handed over, formal, or in a note: a complaint to a government."""
        official = self.lexicon.words("official_protest_words")
        return noun.dep_ in ("dobj", "nsubjpass") and \
            noun.head.lemma_.lower() in self.lexicon.words("lodging_verbs") or \
            any(c.dep_ in ("amod", "compound") and c.lower_ in official for c in tree.children(noun)) or \
            noun.dep_ == "compound" and noun.head.lower_ in official or \
            noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in official

    def _goes_between(self, token: Token, meaning) -> bool:
        """A host, broker or mediator of others' talks, as a verb or a noun ("hosted", "under
        Omani mediation"): it consults the sides, and co-mediators do not consult each other."""
        return token.lemma_.lower() in self.lexicon.words("hosting_verbs") or \
            meaning.lemma in self.lexicon.words("brokering_nouns")

    def _has_required_prep(self, verb: Token, lemma: str) -> bool:
        """Does a trigger that counts only with certain prepositions (requires_prep: "launched
        missiles at", "pushed back on") have one? Not one that names a time ("launched a
        mediation effort on Saturday": a day, not a direction)."""
        needed = self.lexicon.requires_prep.get(lemma)
        return not needed or any(c.dep_ in ("prep", "prt") and c.lower_ in needed and not _names_a_time(c)
                                 for c in tree.children(verb))

    def _readied(self, verb: Token) -> bool:
        """Does the verb put something "on alert" or "on a war footing"?"""
        states = self.lexicon.words("readiness_states")
        return any(p.dep_ == "prep" and p.lower_ == "on" and any(o.dep_ == "pobj" and o.lemma_.lower() in states
                                                                 for o in tree.children(p))
                   for p in tree.children(verb))

    def _off_a_favoured_list(self, verb: Token) -> bool:
        """Is the list a side is taken off one that favours those on it ("its white list", "a
        list of trusted trading partners"), by the list's own words or its "of" phrase's?"""
        favoured = self.lexicon.words("favoured_list_words")
        lists = [o for p in tree.children(verb) if p.dep_ == "prep" and p.lower_ == "from"
                 for o in tree.children(p) if o.dep_ == "pobj"]
        lists += [o for lst in lists for p in tree.children(lst) if p.dep_ == "prep" and p.lower_ == "of"
                  for o in tree.children(p) if o.dep_ == "pobj"]
        return any(c.dep_ in ("amod", "compound") and c.lower_ in favoured for lst in lists for c in tree.children(lst))

    def _has_prep_object(self, token: Token, meaning) -> bool:
        """Does the trigger have the prepositional object it needs (requires_prep_object), if any?"""
        objects = self.lexicon.requires_prep_object.get(meaning.lemma)
        return not objects or any(
            c.dep_ == "prep" and c.lower_ in objects and
            any(o.dep_ == "pobj" and o.lemma_.lower() in objects[c.lower_] for o in tree.children(c))
            for c in tree.children(token))

    def _places(self) -> Arguments:
        """The slot filler over this document's places (made on first use: most documents
        need it for few triggers, and reading every place span is slow)."""
        if self._where is None:
            self._where = self._args.places()
        return self._where

    def _asks_amends(self, trigger: Token) -> bool:
        """'Demanded an apology', 'called for an explanation': amends asked of whoever did the
        wrong (`expected_of_others_nouns`)."""
        amends = self.lexicon.words("expected_of_others_nouns")
        return any(o.dep_ in ("dobj", "pobj") and o.lemma_.lower() in amends
                   for h in (trigger, *[p for p in tree.children(trigger) if p.dep_ == "prep" and p.lower_ == "for"])
                   for o in tree.children(h))

    def _takes_off_a_list(self, verb: Token) -> bool:
        """'Took Cuba off its list of state sponsors of terrorism': off a list, as "removed
        from" it (not "took Goma")."""
        lists = self.lexicon.requires_prep_object["remove"]["from"]
        return any(p.dep_ in ("prep", "prt") and p.lower_ == "off" and
                   any(o.dep_ == "pobj" and o.lemma_.lower() in lists for o in tree.children(p))
                   for p in tree.children(verb))

    def _takes_to_court(self, verb: Token) -> bool:
        """'Took China to arbitration', 'took Kenya to the ICJ': to a court or tribunal,
        by its common noun (`legal_forums`) or by a judicial body's name."""
        forums = self.lexicon.words("legal_forums")
        return any(o.lemma_.lower() in forums or o.i in self._args.actor_at and
                   getattr(actor_of(self._args.actor_at[o.i]), "sector", None) == "judiciary"
                   for p in tree.children(verb) if p.dep_ == "prep" and p.lower_ in ("to", "before")
                   for o in tree.children(p) if o.dep_ == "pobj") or any(
            c.dep_ == "xcomp" and c.lower_ in forums for c in tree.children(verb))  # ("to court" as a verb)

    def _takes_a_place(self, verb: Token) -> bool:
        """Is the verb's object a place or a state by name ("took Goma", "took Kherson")?"""
        where = self._places().actor_at  # places and states, by token
        return any(c.dep_ in ("dobj", "nsubjpass") and c.i in where
                   and not getattr(actor_of(where[c.i]), "adjective", False) for c in tree.children(verb))

    def _text(self, span: Span) -> str:
        """A span's text, cut from the document's (Span.text builds every token of it)."""
        return self._doc_text[span.start_char:span.end_char]

    def _main_pair(self, kind: str) -> list[Span]:
        """The pair the article's acts of a kind join most often; of equals, the first named
        (a story names its main pact first)."""
        counts, first, _ = self._pairs(kind=kind)
        if not counts:
            return []
        return first[max(counts, key=lambda k: (counts[k], -first[k][0]))][1]

    def _pairs(self, kind: str | None = None, before: int | None = None) -> tuple[Counter, dict, dict]:
        """How often the article's acts so far (of a kind, before a token) join each pair of
        actors, with the first and the latest such act: pair → (its position, its two spans)."""
        counts: Counter = Counter()
        first: dict = {}
        latest: dict = {}
        for act in self._acts:
            if kind is not None and act.kind != kind or before is not None and act.at >= before:
                continue
            for target in act.targets:
                a, b = _code(act.actor), _code(target)
                if a and b and a != b:
                    key = frozenset((a, b))
                    counts[key] += 1
                    first.setdefault(key, (act.at, [act.actor, target]))
                    latest[key] = (act.at, [act.actor, target])
        return counts, first, latest

    def _in_force(self, noun: Token) -> bool:
        """Is the noun, with a definite article, the subject of its coming into force ("the
        truce took effect", "the accord entered into force")?"""
        if noun.dep_ not in ("nsubj", "nsubjpass") or not any(
                c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in tree.children(noun)):
            return False
        verb = noun.head
        words = {verb.lemma_.lower()} | {f"{verb.lemma_.lower()} {c.lower_}" for c in tree.children(verb)
                                         if c.dep_ in ("dobj", "prep", "prt")}
        return bool(words & self.lexicon.words("coming_into_force"))

    def _reversed_by_noun(self, noun: Token) -> bool:
        """'The lifting of all US sanctions', 'sanctions relief', 'the suspension of aid': a
        noun of reversal governs the act."""
        holder = holder_of(noun)
        if holder is not None and holder.lemma_.lower() in REVERSALS:
            return True
        return noun.dep_ == "compound" and noun.head.lemma_.lower() in REVERSALS

    def _declared_unwelcome(self, verb: Token) -> Token | None:
        """'Declared three Russian diplomats persona non grata', 'declared the ambassador no
        longer welcome': an expulsion of the one declared. Returns that one."""
        return self._declared_as(verb, "unwelcome_phrases")

    def _kept_or_broken(self, noun: Token) -> bool:
        """A measure someone keeps to or breaks ("respect the embargo", "evade sanctions", "in
        breach of EU sanctions"): the measure is not imposed there."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in ("of", "with", "by", "to"):
            head = head.head
        return head.lemma_.lower() in self.lexicon.words("measure_compliance")

    def _held_responsible(self, verb: Token) -> Token | None:
        """'held Moscow responsible for the attack', 'holds Tehran accountable': blame laid on
        the one held so (the verb's object, or the subject the parser gives the predicate).
        Returns that one."""
        if verb.lemma_.lower() not in self.lexicon.words("blaming_verbs"):
            return None
        for predicate in tree.children(verb):
            if predicate.dep_ in ("oprd", "ccomp", "acomp", "xcomp") and \
                    predicate.lower_ in self.lexicon.words("blame_predicates"):
                held = next((c for c in tree.children(predicate) if c.dep_ in ("nsubj", "nsubjpass")), None)
                return held or next((c for c in tree.children(verb) if c.dep_ == "dobj"), None)
        return None

    def _has_required_object(self, meaning: Trigger, objects: list[Token]) -> bool:
        """A trigger that counts only with certain objects (`requires_object`: "eased
        sanctions", "recalled its ambassador") has one of them; any other trigger passes."""
        wanted = self.lexicon.requires_object.get(meaning.lemma)
        return not wanted or any(c.lemma_.lower() in wanted or c.lower_ in wanted for c in objects)

    def _found_guilty(self, verb: Token) -> Token | None:
        """'Determined that Russia had used a chemical weapon': a formal finding that a side
        used force accuses it. Returns that side's subject token."""
        if verb.lemma_.lower() not in self.lexicon.words("finding_verbs"):
            return None
        return next((s for c in tree.children(verb) if c.dep_ == "ccomp"
                     and (getattr(self.trigger_of(c), "type", None) in FORCE or self._commits_a_crime(c))
                     for s in tree.children(c) if s.dep_ == "nsubj" and self._args.actors_of(s)), None)

    def _commits_a_crime(self, verb: Token) -> bool:
        """'Had committed genocide', 'committed war crimes': a wrong done, named by its object."""
        crimes = self.status.words["accusing_words"]
        return verb.lemma_.lower() in ("commit", "perpetrate") and any(
            c.dep_ == "dobj" and (c.lemma_.lower() in crimes or c.lower_ in crimes) for c in tree.children(verb))

    def _cites_a_wrong(self, verb: Token) -> bool:
        """'Closed its airspace to Mali, citing violations by Malian drones': a side that gives
        another's wrong as its reason accuses it (the wrong's doer is the object's actor)."""
        return verb.lemma_.lower() == "cite" and any(
            o.lemma_.lower() in self.lexicon.words("grievance_nouns") or o.lower_ in self.lexicon.words("grievance_nouns")
            or getattr(self.trigger_of(o), "type", None) in FORCE for o in _objects(verb))

    def behind_an_act(self, verb: Token) -> Token | None:
        """'Russia was behind the attack', 'Iran is responsible for the blasts': the copula's
        subject, blamed for a harmful act (not "Qatar was behind the truce"). Returns it."""
        if verb.lemma_ != "be":
            return None
        subject = next((c for c in tree.children(verb) if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        preps = [c for c in tree.children(verb) if c.dep_ == "prep" and c.lower_ == "behind"]
        preps += [p for a in tree.children(verb) if a.dep_ == "acomp" and a.lower_ in self.lexicon.words("blame_predicates")
                  for p in tree.children(a) if p.dep_ == "prep" and p.lower_ == "for"]
        acts = [o for p in preps for o in tree.children(p) if o.dep_ == "pobj"]
        harmful = any(getattr(self.trigger_of(o), "type", None) in HARM or
                      o.lemma_.lower() in self.lexicon.words("blamed_acts") for o in acts)
        return subject if harmful else None

    def _blamed_for(self, act: Token) -> Token | None:
        """Who is said to be behind a harmful act ("Russia was behind the attack", "blamed the
        PKK for the bombing", "an attack Moscow blamed on Kyiv"), or None."""
        laid = _blame_laid(act)
        if laid is not None:
            return laid
        if act.dep_ != "pobj":
            return None
        copula = act.head.head  # the preposition's head: the copula, or the predicate after it
        if copula.dep_ == "acomp":
            copula = copula.head
        return self.behind_an_act(copula)

    def _declared_as(self, verb: Token, phrases: str) -> Token | None:
        """The one a declaring verb declares to be what one of the `phrases` word list says
        ("declared US Central Command a terrorist organisation"): the subject the parser
        gives the clause under the verb, or the declared noun itself."""
        if verb.lemma_.lower() not in self.lexicon.words("declaring_verbs"):
            return None
        for clause in (c for c in tree.children(verb) if c.dep_ in ("ccomp", "oprd", "xcomp", "dative", "dobj")):
            words = " ".join(t.lower_ for t in tree.subtree(clause))
            if any(phrase in words for phrase in self.lexicon.words(phrases)):
                if clause.dep_ == "oprd":  # "declared three diplomats persona non grata"
                    declared = next((c for c in tree.children(verb) if c.dep_ == "dobj"), None)
                    if declared is not None:
                        return declared
                subject = next((c for c in tree.children(clause) if c.dep_ in ("nsubj", "nsubjpass")), None)
                return subject if subject is not None or clause.pos_ not in ("NOUN", "PROPN") else clause
        return None

    def _ordered_out(self, verb: Token) -> bool:
        """'Ordered the diplomats to leave', 'to pull out', 'ordered French troops out': an expulsion
        (also "ordered 60 Russians it called spies to leave", where the parser hangs the
        leaving on the naming clause)."""
        clauses = [c for c in tree.children(verb) if c.dep_ == "ccomp"] + \
            [r for o in tree.children(verb) if o.dep_ == "dobj" for r in tree.children(o) if r.dep_ == "relcl"]
        named = [g for c in clauses if c.lemma_.lower() in NAMING_VERBS
                 for g in tree.children(c) if g.dep_ in ("xcomp", "advcl") and _infinitive(g)]
        return any(c.dep_ == "xcomp" and self._leaving(c) or c.dep_ in ("prt", "advmod", "prep")
                   and c.lower_ == "out" for c in tree.children(verb)) or any(self._leaving(g) for g in named)

    @staticmethod
    def _deadline(verb: Token) -> Token | None:
        """'Gave the ambassador 48 hours to leave', 'gave Maduro eight days to call an
        election': the act a time given is for (a deadline, not a gift), or None."""
        # (or a time to act by: "gave Damascus until the end of February to pull back")
        times = [c for c in tree.children(verb) if c.dep_ in ("dobj", "dative", "npadvmod")] + \
            [o for c in tree.children(verb) if c.dep_ == "prep" and c.lower_ in UNTIL
             for o in tree.children(c) if o.dep_ == "pobj"]
        if not any(t.ent_type_ in ("TIME", "DATE") for c in times for t in tree.subtree(c)) and \
                not any(c.lemma_.lower() in TIME_UNITS and any(n.dep_ == "nummod" for n in tree.children(c)) for c in times):
            return None
        # (the parser may hang the infinitive on the time: "until the end of February to pull
        # back", "24 hours to leave")
        return next((c for c in tree.children(verb) if c.dep_ in ("advcl", "xcomp", "ccomp") and _infinitive(c)), None) or \
            next((c for t in times for c in tree.children(t) if c.dep_ in ("acl", "relcl") and _infinitive(c)), None)

    def _leaving(self, verb: Token) -> bool:
        """'to leave', 'to pull out': a leaving verb."""
        return verb.lemma_.lower() in self.lexicon.words("leaving_verbs") or \
            any(p.dep_ == "prt" and p.lower_ == "out" for p in tree.children(verb))

    def _leaves_a_mission(self, verb: Token) -> bool:
        """'To vacate its consulate', 'to close its embassy': a diplomatic mission left."""
        missions = self.lexicon.words("mission_nouns")
        return any(c.dep_ == "dobj" and c.lemma_.lower() in missions for c in tree.children(verb))

    def _forces_leave(self, verb: Token) -> bool:
        """'Russian troops left Kherson', 'Wagner fighters will leave Mali': forces leaving a
        place withdraw from it (where a minister who leaves Kyiv travels on)."""
        forces = self.status.words["force_nouns"]
        # (with no place named too: "the last Indian soldiers left before the deadline"; not
        # "left for the front", a move)
        return any(c.dep_ == "nsubj" and (c.lower_ in forces or c.lower_ in IRREGULARS) for c in tree.children(verb)) and \
            (any(c.dep_ == "dobj" for c in tree.children(verb)) or
             not any(c.dep_ == "prep" and c.lower_ in ("for", "to", "toward", "towards") for c in tree.children(verb)))

    def _takes_a_body(self, verb: Token) -> bool:
        """Is the verb's object an international body by name ("quit ECOWAS", "left NATO")?"""
        return any(getattr(actor_of(span), "kind", None) == "igo" for c in tree.children(verb)
                   if c.dep_ in ("dobj", "nsubjpass") for span in self._args.actors_of(c))

    @staticmethod
    def _partitive_owner(noun: Token) -> Token:
        """'parts of their aid', 'some of its exports': the partitive phrase the noun is part of."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in PARTITIVES:
            return noun.head.head
        return noun

    def _restricted(self, noun: Token) -> bool:
        """Is a transfer noun what a sanction limits: the object of a sanctioning verb, or
        the "on"/"of" phrase of a sanctioning noun or verb ("a ban on exports")?"""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in ("on", "of", "against") and head.head != head:
            head = head.head
        elif noun.dep_ not in ("dobj", "nsubjpass"):
            return False
        if head == noun:
            return False
        meaning = self.lexicon.trigger(head.lemma_, "VERB" if head.pos_ in ("VERB", "AUX") else "NOUN") \
            or (self.lexicon.trigger(head.lower_, "NOUN") if head.pos_ in ("NOUN", "PROPN") else None)
        return meaning is not None and meaning.type == "SANCTION"

    def _told_in_conversation(self, verb: Token) -> bool:
        """'Told Kerry by phone', 'told Putin in a phone call': telling someone by the means
        of a conversation is that conversation (not "told reporters by Friday")."""
        if verb.lemma_.lower() not in self.lexicon.words("telling_verbs") or \
                not any(c.dep_ in ("dobj", "dative") and self._args.actors_of(c) for c in tree.children(verb)):
            return False
        means = self.lexicon.words("conversation_means")
        return any(p.dep_ == "prep" and p.lower_ in ("by", "over", "in", "during") and any(
            o.dep_ == "pobj" and (o.lemma_.lower() in means or any(
                m.dep_ in ("compound", "amod") and m.lemma_.lower() in means for m in tree.children(o)))
            and (p.lower_ != "in" or o.lemma_.lower() == "call")
            for o in tree.children(p)) for p in tree.children(verb))

    def _warns_of_danger(self, verb: Token) -> bool:
        """'warned of risk and uncertainty' (no one addressed, no harm held out) against
        'warned Iran', 'warned of retaliation', 'warned that it would respond'."""
        if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in tree.children(verb)):
            return False
        objects = [o for c in tree.children(verb) if c.dep_ == "prep" and c.lower_ in ("of", "about")
                   for o in tree.children(c) if o.dep_ == "pobj"]
        if not objects:
            return False
        harm = self.status.words["threatening_words"] | self.status.words["answering_words"]
        return not any(o.lemma_.lower() in harm or getattr(self.trigger_of(o), "type", None) in FORCE | {"SANCTION"}
                       for o in objects)

    def _warns_of_a_fact(self, verb: Token) -> bool:
        """'Warned that Moscow was spending millions to capture the parliament', 'warned that
        Greenland is a target': a warning, to no one named, that something is or was so holds
        nothing out (against "warned that it would respond", "warned that any attack would be
        met with force", "warned that Kyiv could pay a price")."""
        if verb.lemma_.lower() != "warn" or any(c.dep_ in ("dobj", "dative") for c in tree.children(verb)):
            return False
        clauses = [c for c in tree.children(verb) if c.dep_ == "ccomp"]
        if not clauses:
            return False
        harm = self.status.words["threatening_words"] | self.status.words["answering_words"] | \
            self.lexicon.words("harm_warned_of")
        for clause in clauses:
            words = list(tree.subtree(clause))
            if clause.tag_ not in ("VBD", "VBZ", "VBP") and not any(
                    c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP") for c in tree.children(clause)):
                return False  # (a modal, a bare or future verb: something held out)
            if any(w.tag_ == "MD" or w.lower_ in ("if", "unless") or w.lemma_.lower() in harm for w in words):
                return False
        return True

    @staticmethod
    def _accuser_as_victim(item: Found, found: list[Found]) -> list[Span]:
        """The state that accuses another of force aimed at no one named is the one it fell on:
        an accusation's own act ("of preparing an intervention") in its "of" phrase. (Not a
        bloc's: "the GCC accused Iran of meddling in Arab affairs" names no member.)"""
        own = {_code(s) for s in item.sources}
        for f in found:
            if f.meaning.type != "ACCUSE" or not f.sources or not {_code(s) for s in f.sources} <= ISO_CODES or \
                    not any(t.dep_ == "prep" and t.lower_ == "of" and t.head == f.trigger
                            for t in path_up(item.trigger, f.trigger)):
                continue
            if own and own <= {_code(t) for t in f.targets}:
                return [s for s in f.sources if _code(s) not in own]
        return []

    def _requested(self, token: Token) -> bool:
        """An act asked or urged of someone ("asked the EU to impose sanctions", "urged Israel
        to halt the offensive"): the request is the event, not the act."""
        if token.pos_ in ("NOUN", "PROPN") and self._asked_for(token):
            return True
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        while verb.dep_ == "conj" and verb.head.dep_ in ("xcomp", "ccomp") and \
                any(m.dep_ == "mark" for m in tree.children(verb)):
            verb = verb.head  # "demanded that M23 halt and that Rwandan forces withdraw"
        while verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lexicon.words("stopping_verbs"):
            verb = verb.head  # "asked Iran to stop supplying drones": the stop is asked for
        if self._args.asked_to(verb):
            return True  # "pressed Budapest privately to lift its veto"
        if verb.dep_ == "pcomp" and verb.head.lower_ == "against" and \
                verb.head.head.lemma_.lower() in self.lexicon.words("warning_verbs"):
            return True  # "warned the junta against deepening ties with Russia": the warning is the event
        if verb.dep_ == "advcl" and _infinitive(verb) and verb.head.lemma_.lower() == "call" and \
                any(c.dep_ == "prep" and c.lower_ in ("on", "upon") and any(o.i in self._args.actor_at for o in tree.children(c))
                    for c in tree.children(verb.head)):
            return True  # "called on Moscow to free him" (the parser may hang the act on "called")
        if verb.dep_ in ("advcl", "acl") and _infinitive(verb):
            # "gave Kampala until Friday to withdraw": the act a deadline is set for (on the
            # time, the parser may hang it: "until the end of February to pull back")
            givers = (verb.head, verb.head.head.head)
            return any(g.pos_ in ("VERB", "AUX") and getattr(self.trigger_of(g), "type", None) == "REQUEST"
                       and self._deadline(g) == verb for g in givers)
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head == verb:
            return False
        governor = self.trigger_of(verb.head)
        if governor is None or governor.type != "REQUEST":
            return False
        if verb.head.pos_ not in ("VERB", "AUX"):
            # "the demand that Moscow stop its cooperation": a noun's that-clause is asked for too
            return verb.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in tree.children(verb))
        if verb.head.lemma_.lower() in ("order", "instruct", "direct", "command"):
            # an order to one's own forces is carried out ("ordered the army to pull back"); one
            # to another actor is a demand ("ordered Iran to cooperate with the inspectors")
            own = {_code(s) for s in self._args.fill("subj", verb.head, [])}
            return bool({_code(o) for o in self._args.fill("obj", verb.head, [])} - own - {None})
        return True

    def _requested_of_another(self, noun: Token) -> bool:
        """Is the act a carried noun names asked of an actor the asking verb names ("urged
        Germany to join the sanctions"), not of the asker ("applied to join the case")?"""
        verb = noun.head
        return verb.dep_ == "xcomp" and bool(self._args.fill("obj", verb.head, []))

    def _asked_for(self, noun: Token) -> bool:
        """'Demanded the withdrawal of the troops', 'called for the release of the two
        Canadians': an act named as what a request asks for has not happened."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "for":
            asker = noun.head.head
        elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lexicon.words("asking_for_verbs"):
            asker = noun.head
        elif noun.dep_ == "dobj" and getattr(self.trigger_of(noun.head), "lemma", None) in self.lexicon.words("asking_for_verbs"):
            asker = noun.head  # a verb its object makes a request: "called a meeting of the council"
        else:
            return False
        return asker.pos_ in ("VERB", "AUX") and getattr(self.trigger_of(asker), "type", None) == "REQUEST"

    def _insists_otherwise(self, verb: Token) -> bool:
        """'Moscow insisted that the aircraft never left Syrian skies', 'officials insist the
        route threatens no one': holding to the contrary of a claim rejects it."""
        if verb.lemma_.lower() not in self.status.words["insisting_verbs"]:
            return False
        negations = self.status.words["negation_words"] | {"nothing", "none"}
        for clause in (c for c in tree.children(verb) if c.dep_ == "ccomp"):
            # the clause says something did not happen ("never left", "threatens no one"),
            # not that nothing will happen ("insisted that nothing would jeopardise the truce")
            subject = {t.i for s in tree.children(clause) if s.dep_ in ("nsubj", "nsubjpass") for t in tree.subtree(s)}
            if any(t.lower_ in negations and t.i not in subject for t in tree.subtree(clause)):
                return True
        return False

    def _declares_void(self, verb: Token) -> bool:
        """'Declared the Greek-Egyptian deal null and void', 'called the award invalid': an
        accord, ruling or vote a speaker declares void is refused (`voiding_words`). The
        parser often takes "null and void" into the object's phrase."""
        if verb.lemma_.lower() not in self.status.words["evaluative_verbs"]:
            return False
        objects = [t for c in tree.children(verb) if c.dep_ == "dobj" for t in tree.subtree(c)]
        if not any(t.lemma_.lower() in self.lexicon.words("voidable_nouns") for t in objects):
            return False
        voiding = self.lexicon.words("voiding_words")
        return any(t.lower_ in voiding for t in objects) or any(
            t.lower_ in voiding for c in tree.children(verb) if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
            for t in tree.subtree(c))

    def _dismisses_claims(self, verb: Token) -> bool:
        """'called the accusations unfounded', 'described the reports as lies': speech that
        dismisses a claim is a rejection of it (of whoever made it), not the claim itself."""
        dismissive = self.status.words["dismissive_words"]
        if _claim_called_false(verb):  # "said the accusation was false": the copula rejects
            return any(c.dep_ in ("acomp", "attr") and (c.lemma_.lower() in dismissive or c.lower_ in dismissive)
                       for c in tree.children(verb))
        if verb.lemma_.lower() not in self.status.words["evaluative_verbs"]:
            return False
        if any(_no_grounds(c) for c in tree.children(verb) if c.dep_ == "ccomp"):
            return True  # "said the finding had no basis in fact"
        verdicts = [c for c in tree.children(verb) if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")]
        verdicts += [o for c in tree.children(verb) if c.dep_ == "prep" and c.lower_ == "as"
                     for o in tree.children(c) if o.dep_ == "pobj"]
        # the claim is the object, or the subject of a verdict listed second ("called the
        # decision regrettable and the accusations groundless")
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS for c in tree.children(verb)) and \
                not any(w.lower_ in dismissive and any(t.dep_ == "nsubj" and t.lemma_.lower() in CLAIM_NOUNS
                                                       for t in tree.children(w))
                        for v in verdicts for w in (v, *v.conjuncts)):
            return False
        return any(t.lemma_.lower() in dismissive or t.lower_ in dismissive
                   for v in verdicts for t in tree.subtree(v))

    def _no_accord_reached(self, trigger: Token) -> bool:
        """'reached no agreement', 'failed to reach a deal', 'without a deal': an accord that
        did not come about (AGREE, negated), not one side's refusal."""
        if trigger.pos_ in ("NOUN", "PROPN") and (
                any(c.dep_ == "det" and c.lower_ == "no" for c in tree.children(trigger)) or
                trigger.dep_ == "pobj" and trigger.head.lower_ == "without"):
            return True
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail"

    def _agreed_ties(self, verb: Token) -> list[Token]:
        """'agreed to restore relations with Riyadh', 'agreed to buy the S-400 from Russia': the
        ties, talks or sale a verb of agreeing takes as its infinitive, or as the infinitive's
        object."""
        found = []
        for c in tree.children(verb):
            if c.dep_ != "xcomp":
                continue
            found += [act for act in [c] + [o for o in tree.children(c) if o.dep_ == "dobj"]
                      if getattr(self.trigger_of(act), "type", None) in ("COOPERATE", "CONSULT")
                      or self._a_sale(act)]
        return found

    def _a_sale(self, act: Token) -> bool:
        """A purchase or sale ("buy the S-400 from Russia", "sell jets to Egypt"): a deal
        between two sides, where a gift ("send tanks to Ukraine") is one side's."""
        meaning = self.trigger_of(act)
        return meaning is not None and meaning.type == "AID" and (
            meaning.frame.name == "receive" or meaning.lemma in self.lexicon.words("sale_verbs"))

    def _joined_in(self, noun: Token) -> bool:
        """'Joined the sanctions', 'joined South Africa's case': an act others began, which
        the joining verb's subject now takes part in."""
        return self._carried(noun) and noun.head.lemma_.lower() == "join"

    def _joined(self, found: list["Found"], args: Arguments) -> list["Found"]:
        """'Spain will join South Africa's case against Israel': a joiner backs the one whose
        act it joins, named as the act's possessor."""
        out = []
        for f in found:
            if not f.sources or not self._joined_in(f.trigger):
                continue
            own = {_code(s) for s in f.sources}
            backed = [a for a in self._owners(f.trigger, args) if _code(a) not in own]
            if backed:
                verb = f.trigger.head
                out.append(Found(verb, self.lexicon.trigger(JUDGING_VERBS["SUPPORT"], "VERB"), f.sources, backed,
                                 [], self.status.read(verb, verb.sent)))
        return out

    @staticmethod
    def _owners(noun: Token, args: Arguments) -> list[Span]:
        """The actors a noun's possessor names ("South Africa's case")."""
        return [a for c in tree.children(noun) if c.dep_ == "poss" for a in args.actors_of(c)]

    def _regrets_own_harm(self, regret: Token, verb: Token) -> bool:
        """Is what the speaker regrets harm its own side did, or a loss with no other doer
        named ("the pilot's death", "that South Korean soldiers had been wounded"), rather
        than another's act ("regretted Peru's decision")? `verb` is the clause's verb: the
        regretting verb, or the light verb carrying the noun."""
        args = self._args
        own = {_code(a) for c in tree.children(verb) if c.dep_ == "nsubj" for a in args.actors_of(c)}
        parts = [c for c in tree.children(regret) if c.dep_ in ("dobj", "ccomp", "prep", "acl")]
        if verb is not regret:  # "expressed regret that…": the parser may hang the clause on the verb
            parts += [c for c in tree.children(verb) if c.dep_ == "ccomp"]
        phrase = [t for part in parts for t in tree.subtree(part)]
        if not own or not phrase:
            return False
        nouns, verbs = self.lexicon.words("regretted_harm_nouns"), self.lexicon.words("regretted_harm_verbs")
        harms = [t for t in phrase if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in nouns
                 or t.pos_ == "VERB" and t.lemma_.lower() in verbs]
        # the harmed: what a harm verb acts on, whose death or loss it is
        harmed = {v.i for h in harms for c in tree.children(h)
                  if c.dep_ in (("dobj", "nsubjpass") if h.pos_ == "VERB" else ("poss", "prep"))
                  for v in tree.subtree(c)}
        named = {_code(a) for t in phrase if t.i in args.actor_at and t.i not in harmed
                 for a in [args.actor_at[t.i]]}
        return bool(named & own) or bool(harms) and not (named - own)

    def _carried(self, noun: Token) -> bool:
        """'offered his solidarity', 'imposed sanctions': a noun trigger that is the object of a
        light verb, which lends it its clause."""
        return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "dobj" and \
            noun.head.lemma_.lower() in self.lexicon.light_verbs and \
            not any(c.dep_ == "oprd" for c in tree.children(noun.head))  # "called the shootdown a stab…"

    def _declines_to_act(self, verb: Token) -> bool:
        """'declined to take part', 'declined to act on the warrant': a refusal, where
        'declined to comment' is none."""
        return any(c.dep_ == "xcomp" and _infinitive(c) and
                   c.lemma_.lower() not in self.lexicon.words("no_comment_verbs") for c in tree.children(verb))

    def _retyped_by_object(self, meaning, objects):
        """The trigger the verb's object makes of it (`retyped_by_object`), the object's
        conjuncts included ("handed over the Aghdam, Kalbajar and Lachin districts")."""
        for other, retyping in self.lexicon.retyped_by_object.get(meaning.lemma, {}).items():
            if any(c.lemma_.lower() in retyping for o in objects for c in (o, *o.conjuncts)):
                return self.lexicon.trigger(other, "VERB")
        return None

    def _retyped_by_preposition(self, verb: Token, meaning):
        """The trigger a preposition or particle makes of the verb ("rallied behind Doha",
        "hit back at Caracas"), unless force is named ("hit back with missiles"), vowed
        ("vowed to hit back") or, for words, aimed at things ("hit back at Russian positions")."""
        for other, preps in self.lexicon.retyped_by_preposition.get(meaning.lemma, {}).items():
            if not any(c.dep_ in ("prep", "prt", "advmod") and c.lower_ in preps for c in tree.children(verb)):
                continue
            retyped = self.lexicon.trigger(other, "VERB")
            if self._with_force(verb) or self._held_in_prospect(verb) or \
                    retyped.type in VERBAL and self._aims_at_things(verb):
                continue
            return retyped
        return None

    def _intercepts(self, verb: Token, args: Arguments) -> bool:
        """'shot down drones', 'helped bring down missiles': force on weapons, not on a side."""
        return verb.pos_ == "VERB" and getattr(self.trigger_of(verb), "lemma", None) in \
            self.status.words["interception_verbs"] and any(o.i in args.item_at for o in _objects(verb))

    def _aims_at_things(self, verb: Token) -> bool:
        """'hit back at Russian positions': aimed at a thing, not at a side one could answer."""
        return any(o.pos_ == "NOUN" and o.i not in self._args.actor_at and not self._args.is_role(o)
                   for p in tree.children(verb) if p.dep_ == "prep" and p.lower_ == "at"
                   for o in tree.children(p) if o.dep_ == "pobj")

    def _hits_with_measures(self, verb: Token) -> bool:
        """'Hit Moscow with new sanctions', 'retaliated against the EU tariffs', 'hit back at
        Washington's tariffs', 'the tariffs hit Canada': the instrument, what is answered, or
        what hits, is a measure, not force; so is a measure used ("used its sanctions regime
        against four officials")."""
        used = verb.lemma_.lower() in self.lexicon.instrument_verbs
        if any(c.dep_ == "nsubj" and self._names_a_measure(c) or
               used and c.dep_ == "dobj" and any(self._names_a_measure(w) for w in (c, *tree.children(c))
                                                 if w is c or w.dep_ == "compound")
               for c in tree.children(verb)):
            return True
        answering = verb.lemma_.lower() in REPLY_VERBS
        return any(self._names_a_measure(o)
                   for p in _prepositions(verb) if p.lower_ == "with" or answering and p.lower_ in ("against", "at", "for")
                   for o in tree.children(p) if o.dep_ == "pobj")

    def _with_force(self, verb: Token) -> bool:
        """'…with a barrage of missiles': the verb's instrument is force or a weapon."""
        return any(t.i in self._args.item_at or getattr(self.trigger_of(t), "type", None) in FORCE
                   for p in _prepositions(verb) if p.lower_ == "with"
                   for o in tree.children(p) if o.dep_ == "pobj" for t in tree.subtree(o))  # "with a wave of drones"

    def _received_by_a_person(self, verb: Token) -> bool:
        """'Was received by Zelensky', 'was received by the foreign minister': a visitor met
        (not "the drones were received by the Russian army", an item taken in)."""
        return is_passive(verb) and not any(c.dep_ == "nsubjpass" and c.i in self._args.item_at
                                            for c in tree.children(verb)) and any(
            self._args.is_role(o) or any(getattr(actor_of(a), "kind", None) == "person" for a in self._args.actors_of(o))
            for p in tree.children(verb) if p.dep_ == "agent" for o in tree.children(p) if o.dep_ == "pobj")

    def _hosts(self, verb: Token, objects: list[Token]) -> bool:
        """'Welcomed Zelensky to Downing Street', 'welcomed the Indian delegation in Beijing':
        a person or delegation welcomed to a place is hosted (not a state welcomed into a body,
        nor a step welcomed)."""
        people = [o for o in objects if o.i not in self._args.item_at and (
            o.i in self._args.actor_at and (o.ent_type_ == "PERSON" or
                                            getattr(actor_of(self._args.actor_at[o.i]), "kind", None) == "person")
            or self._args.is_role(o)
            or o.lemma_.lower() in self.lexicon.words("visiting_nouns"))]
        places = [o for h in (verb, *people) for p in tree.children(h) if p.dep_ == "prep" and p.lower_ in ("to", "in", "at")
                  for o in tree.children(p) if o.dep_ == "pobj" and
                  getattr(actor_of(self._args.actor_at[o.i]) if o.i in self._args.actor_at else None, "kind", None) != "igo"]
        return bool(people and places)

    def _leaves_talks(self, verb: Token) -> list[Token]:
        """'Pulled out of the summit', 'withdrew from the talks', 'quit the negotiations': the
        meetings left or shunned (not ground or forces given up)."""
        left = [c for c in tree.children(verb) if c.dep_ == "dobj"] + \
            [o for p in tree.children(verb) if p.dep_ == "prep" and p.lower_ in ("from", "of", "out")
             for q in (p, *(g for g in tree.children(p) if g.dep_ == "prep" and g.lower_ == "of"))
             for o in tree.children(q) if o.dep_ == "pobj"]
        meetings = self.lexicon.words("meeting_nouns")
        return [o for o in left if o.lemma_.lower() in meetings or o.lower_ in meetings]

    def _prospect_of_harm(self, verb: Token) -> bool:
        """'Raised the prospect of vetoing EU aid to Kyiv', 'floated the possibility of
        strikes': a measure or force held out by the one who raises it, a threat."""
        if verb.lemma_.lower() not in self.lexicon.words("prospect_raising_verbs"):
            return False
        prospects = [o for o in _objects(verb) if o.lemma_.lower() in self.lexicon.words("prospect_nouns")]
        return any(getattr(self.trigger_of(a), "type", None) in HARM | {"REJECT"}
                   for o in prospects for p in tree.children(o) if p.dep_ == "prep" and p.lower_ == "of"
                   for a in tree.children(p) if a.dep_ in ("pobj", "pcomp"))

    def _held_in_prospect(self, token: Token) -> bool:
        """'vowed to retaliate', 'vowed revenge', 'the right to strike back': force announced,
        not used."""
        governors = self.status.words["threat_governors"]
        head = token.head
        if (token.dep_ in ("xcomp", "acl", "pcomp") or token.dep_ == "dobj" and token.pos_ == "NOUN") \
                and head.lemma_.lower() in governors:
            return not any(c.dep_ == "neg" for c in tree.children(head))
        if token.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in governors:
            return True
        return False

    def _concerned(self, token: Token, meaning, args: Arguments, own: set) -> list[Span]:
        """Whom an act leaves implicit, read off its own phrase: a refusal is aimed at whoever
        the refused act concerns ("refused to extend the transit of Russian gas"), a threat at
        whoever its condition or the act held out names; help goes to the one helped ("helped
        Israel shoot down…"); an expulsion by declaration, to whoever was declared unwelcome;
        "at X's request" asks whoever then acted ("At Yerevan's request, Russian guards left")."""
        if meaning.type == "CONCEDE" and meaning.lemma in self.lexicon.requires_object and token.pos_ in ("VERB", "AUX"):
            # "lifted the pause on intelligence sharing with Kyiv", "lifted the freeze on funds
            # for Hungary": whoever the measure eased was aimed at, named in its phrase
            # (the parser may hang the measure's "on" on the verb)
            return [a for c in tree.children(token) if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("on", "against", "for")
                    for a in args.actors_in(token.doc[c.i:c.right_edge.i + 1]) if _code(a) not in own][:1]
        talks = self._leaves_talks(token) if meaning.type == "REJECT" and token.pos_ in ("VERB", "AUX") else []
        if talks:  # "pulled out of a meeting with Pashinyan": aimed at the other side of the talks
            return [a for o in talks for p in tree.children(o) if p.dep_ == "prep" and p.lower_ == "with"
                    for c in tree.children(p) if c.dep_ == "pobj" for a in args.actors_of(c) if _code(a) not in own][:1]
        if (meaning.type == "REJECT" or token.lemma_.lower() in ("threaten", "float") or
                self._prospect_of_harm(token)) and token.pos_ in ("VERB", "AUX"):
            # (and a threat at whoever the act held out concerns: "threatened to cut off aid to
            # Colombia", "threatened sanctions against Russia", or first at whoever its
            # condition names: "… if the EU imposed sanctions")
            refused = [t for c in tree.children(token) if c.dep_ == "xcomp" or c.dep_ == "dobj" and
                       meaning.type == "THREATEN" and (getattr(self.trigger_of(c), "type", None) in HARM or
                                                       c.lemma_.lower() in self.lexicon.words("prospect_nouns"))
                       for t in tree.subtree(c)]
            conditions = [s for c in refused if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in tree.children(c))
                for s in tree.children(c) if s.dep_ in ("nsubj", "nsubjpass")]
            named = [a for s in conditions for a in args.actors_of(s)] + args.actors_in(refused)
            return [a for a in named if _code(a) not in own][:1]
        if meaning.lemma in self.lexicon.requires_actor_object:  # "helped Israel shoot down…"
            return [a for c in _acted_on(token) for a in args.actors_of(c) if _code(a) not in own]
        if meaning.type in RESPONSIVE | {"SANCTION"} and token.pos_ in ("VERB", "AUX"):
            # "Kyiv protested after Budapest appointed a commissioner": at whoever did what
            # occasioned it
            occasions = [c for c in tree.children(token) if c.dep_ == "advcl" and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in OCCASION_MARKS for m in tree.children(c))]
            named = [a for c in occasions for s in tree.children(c) if s.dep_ == "nsubj" for a in args.actors_of(s)]
            if named:
                return [a for a in named if _code(a) not in own][:1]
        declared = self._declared_unwelcome(token) if meaning.lemma == "expel" else \
            self._declared_as(token, "terrorist_phrases") if meaning.lemma == "designate" else \
            self._held_responsible(token) if meaning.lemma == "accuse" else None
        if declared is not None:  # "declared the ambassador no longer welcome"
            return [a for a in args.actors_of(declared) if _code(a) not in own]
        if meaning.type == "REQUEST" and token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and \
                token.head.lower_ in ("at", "upon") and token.head.head.pos_ in ("VERB", "AUX"):
            return [a for a in args.fill("subj", token.head.head, []) if _code(a) not in own]
        asked = behest_clause(token, self.lexicon.words("behest_nouns")) if meaning.type == "REQUEST" else None
        if asked is not None:  # "under pressure from Washington, Seoul suspended…"
            return [a for a in args.fill("subj", asked, []) if _code(a) not in own]
        return []

    def _defends_itself(self, verb: Token) -> bool:
        """'defend itself', 'protect its sovereignty': the object is the doer's own."""
        own = self.status.words["own_things"]
        return verb.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "dobj" and (c.lower_ in ("itself", "themselves") or c.lemma_.lower() in own
                                  and any(p.dep_ == "poss" and p.lower_ in ("its", "their") for p in tree.children(c)))
            for c in tree.children(verb))

    def _denies_an_act(self, verb: Token) -> bool:
        """A denial whose complement is itself an event (not an accusation) is that event's
        status; the REJECT of the accusers is built with it."""
        if denies_a_claim(verb):
            return False
        for child in tree.children(verb):
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX") and \
                    self.trigger_of(child) is not None and what_it_called(child) is None:
                return True  # (not "rejected what they called ultimatums": a naming, no act)
            if child.dep_ == "dobj" and child.pos_ == "NOUN" and \
                    verb.lemma_.lower() in self.status.words["denial_of_acts"]:
                meaning = self._noun_meaning(child)
                if meaning is not None and meaning.type != "ACCUSE":
                    return True
        return False

    def _carries_noun_trigger(self, verb: Token) -> bool:
        """'imposed sanctions', 'launched strikes': the noun makes the event, not the verb
        (but 'tightened exports' restricts them: there the verb is the event)."""
        objects = [c for c in tree.children(verb) if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
        # "ordered Israel to ensure, without delay, the delivery of food": an object after the
        # verb's infinitive is the infinitive's, whatever the parser says
        infinitives = [c.i for c in tree.children(verb) if c.dep_ == "xcomp"]
        objects = [c for c in objects if not any(i < c.i for i in infinitives)]
        if verb.lemma_.lower() in self.lexicon.words("hosting_verbs") and any(
                p.dep_ == "prep" and prep_word(p) == "between" for c in objects for p in tree.subtree(c)):
            return False  # "Beijing hosted talks between Riyadh and Tehran": the host meets both too
        # "handed Doha a list of demands", "announced $500 million in aid": what the holder holds
        objects += [o for c in tree.children(verb) if c.dep_ in ("dobj", "nsubjpass")
                    for p in tree.children(c) if p.dep_ == "prep"
                    for o in tree.children(p) if o.pos_ in ("NOUN", "PROPN") and holder_of(o) is c]
        return any((meaning := self.lexicon.trigger(c.lemma_, "NOUN"))
                   and not (meaning.type == "AID" and self._restricted(c)) for c in objects)

    def _speaks(self, verb: Token) -> bool:
        """A verb whose event is an act in words (urge, condemn, reject): only an actor does it.
        Not a threat: "the measures threatened the single market" has a thing for its subject."""
        meaning = self.lexicon.trigger(verb.lemma_, "VERB") if verb.pos_ == "VERB" else None
        return meaning is not None and meaning.type != "THREATEN" and \
            self.ontology.quad_for(meaning.type).startswith("verbal")

    # -- building ----------------------------------------------------------------------------
    def build(self, doc: Doc, doc_id: str, doc_name: str | None, text: str | None = None) -> list[Event]:
        """The document's events. `text`, when the caller has it, is the text the Doc was made
        from (spaCy keeps it exactly): `Doc.text` would join every token to rebuild it."""
        forget_actors()
        try:
            return self._build(doc, doc_id, doc_name, doc.text if text is None else text)
        finally:
            forget_actors()  # (the caches' keys hold the document)
            tree.forget()

    def _build(self, doc: Doc, doc_id: str, doc_name: str | None, text: str) -> list[Event]:
        def verb_type(verb: Token) -> str | None:  # the event type a verb's lemma triggers, if any
            return getattr(self.lexicon.trigger(verb.lemma_, "VERB"), "type", None)

        options = (self.lexicon.light_verbs,
                   lambda t: t.pos_ == "VERB" and verb_type(t) is not None,
                   lambda noun: "compound" in getattr(self.trigger_of(noun), "frame", Frame("", (), (), ())).target,
                   self.lexicon.instrument_verbs, self.lexicon.subject_control_verbs, self.actors.acting_nouns,
                   self._speaks)
        args = Arguments(doc, *options, proposal_nouns=self.status.words["proposal_nouns"],
                         undoing_verbs=self.lexicon.words("undoing_verbs"),
                         undone=lambda noun: self._undone_by(noun, noun.head), blamed_for=self._blamed_for,
                         verb_type=verb_type,
                         readiness=self.status.words["readiness_adjectives"],
                         behest_nouns=self.lexicon.words("behest_nouns"), speech_verbs=self._speech_verbs,
                         backer_nouns=self.lexicon.words("backer_nouns"))
        self._doc_text = text
        self._args = args
        self._actor_spans = args.actor_spans
        events: list[Event] = []
        previous: list[Span] = []
        open_ended: list[tuple[Found, Span]] = []
        agentless: list[tuple[Found, Span]] = []
        self._sent_start = args.sent_start
        self._where = None  # where force fell: `_places`, made when first asked
        sentences = list(doc.sents)
        # the lead, what the article is about: its first sentence after any dateline ("LONDON -")
        lead = next((x for x in sentences if x[-1].text not in DASHES), None)
        self._lead_end = lead.end if lead is not None else 0
        # the actors the lead names, first mention of each: "the two countries" is mostly its pair
        self._lead_actors = list({_code(a): a for a in reversed(self._actor_spans)
                                  if a.end <= self._lead_end and _code(a)}.values())[::-1]
        acts: list[Act] = []
        self._acts = acts  # the document's acts so far, for "the two governments"
        candidates = self._candidates(doc)
        # the sentences that hold a group noun ("both countries"): only there can `_group` find one
        lemmas = doc.to_array(LEMMA).tolist()
        heads = {lemma for lemma in set(lemmas) if self._known_word(lemma, doc, GROUP_HEADS, lowered=True)}
        self._group_sentences = {args.sent_start[i] for i, lemma in enumerate(lemmas) if lemma in heads}
        vote = doc.vocab.strings["vote"]
        votes = [i for i, lemma in enumerate(lemmas) if lemma == vote]  # "voted against it"
        echo_lemmas = {doc.vocab.strings[w] for w in ECHO_VERBS + ECHO_NOUNS}
        echo_verbs = [i for i, lemma in enumerate(lemmas) if lemma in echo_lemmas]  # "did the same"
        done: list[Found] = []  # the acts found so far, for "followed suit"
        for n, sentence in enumerate(sentences):
            first_new = len(events)  # this sentence's events start here
            words = [doc[i] for i in candidates[bisect_left(candidates, sentence.start):bisect_left(candidates, sentence.end)]]
            found = [f for word in words if (f := self._find(word, sentence, args, previous))]
            found += self._joined(found, args)
            # this sentence's acts first, so "…, which Belarus denies" can answer them
            # (a mutual act, listed all with all, is its first-named party's: "the US and
            # Guyana held joint flights… Caracas denounced the flights" answers the US)
            acts += [Act(source, list(f.targets), f.meaning.type, f.trigger.i)
                     for f in found if f.targets
                     for source in (f.sources[:1] if f.meaning.type in MUTUAL else f.sources)]
            # a report that X did something is an act aimed at X ("a U.N. report found…")
            acts += [Act(speaker, list(f.sources), "REPORT", f.trigger.i) for f in found
                     if f.reading.attribution_head is not None and f.reading.stance in ("reports", "alleges")
                     for speaker in args.actors_of(f.reading.attribution_head)]
            for item in found:
                if not item.sources:
                    agentless.append((item, sentence))
                    continue
                if not item.targets and self._goes_between(item.trigger, item.meaning):
                    item.targets = self._mediated(item, found)
                if not item.targets and item.meaning.type in FORCE:
                    # "an Israeli strike on a camp in Rafah killed 45 people": the strike's target
                    item.targets = next((list(f.targets) for f in found if f.meaning.type in FORCE and f.targets
                                         and f.trigger.head == item.trigger and f.trigger.dep_ == "nsubj"), [])
                if not item.targets and item.meaning.type in FORCE:
                    # "the junta accused Paris of preparing a military intervention": against the accuser
                    item.targets = self._accuser_as_victim(item, found)
                if any(c.dep_ == "amod" and c.lower_ in ("similar", "same", "identical")
                       for c in tree.children(item.trigger)):
                    # "Berlin voiced similar concerns": aimed where the like act before was
                    item.targets = _echoed(item, acts, sentence) or item.targets
                if not item.targets and _of_its_own(item.trigger) and not self._answers(item.trigger.head.head):
                    item.targets = _echoed(item, acts, sentence)  # (not "answered with accusations of its own")
                if not item.targets and item.meaning.type == "REQUEST" and self._urges_restraint(item.trigger):
                    item.targets = self._latest_force(item, acts, sentence)
                if not item.targets and item.meaning.type == "REQUEST" and self._asks_amends(item.trigger):
                    # "summoned the French ambassador and demanded an apology": of the side its
                    # asker just acted on (in this sentence or the one before)
                    own = {_code(s) for s in item.sources}
                    since = sentences[max(n - 1, 0)].start
                    item.targets = next((list(a.targets) for a in reversed(acts)
                                         if since <= a.at < item.trigger.i and a.targets and _code(a.actor) in own
                                         and not {_code(t) for t in a.targets} & own), [])
                if not item.targets and item.meaning.type in RESPONSIVE:
                    item.targets = self._claimant(item, args, previous, sentence)
                if not item.targets and (item.meaning.type in RESPONSIVE or self._answers(item.trigger)):
                    # "…U.S. allegations surfaced, and Moscow called the accusations unfounded"
                    claims_before = [Act(source, list(f.targets), "ACCUSE", f.trigger.i) for f in found
                                     if f.meaning.type == "ACCUSE" and f.trigger.i < item.trigger.i
                                     for source in f.sources]
                    item.targets = self._answered(item, acts + claims_before, sentence)
                    if not item.targets and item.meaning.type in RESPONSIVE:
                        # "Turkey sent troops into Iraq, and Baghdad objected": failing any
                        # act before, one just told in this sentence by another side
                        own = {_code(s) for s in item.sources}
                        item.targets = next(([s] for f in reversed(found) if f.trigger.i < item.trigger.i
                                             and not f.targets for s in f.sources if _code(s) not in own), [])
                if item.targets:
                    events += self._records(item, sentence, doc, doc_id, doc_name, args)
                else:
                    open_ended.append((item, sentence))
            acts += [Act(source, [], f.meaning.type, f.trigger.i)
                     for f in found if not f.targets for source in f.sources]
            done += [f for f in found if f.sources]
            echoing = [doc[i] for i in echo_verbs if sentence.start <= i < sentence.end]
            for echo in filter(None, (self._echo(verb, done, sentence, args, previous) for verb in echoing)):
                events += self._records(echo, sentence, doc, doc_id, doc_name, args)
                acts += [Act(source, list(echo.targets), echo.meaning.type, echo.trigger.i) for source in echo.sources]
            events += self._accusations_and_denials(found, sentence, doc, doc_id, doc_name, args)
            events += self._judgements(sentence, words, acts, doc, doc_id, doc_name, args, previous)
            here = [doc[i] for i in votes if sentence.start <= i < sentence.end]
            if here:
                events += self._votes(here, sentence, acts, doc, doc_id, doc_name, args)
            window = sentences[max(n - CLAIM_REACH, 0)].start_char
            claimed = {f.trigger.idx for f in found if f.meaning.type == "REJECT" and _rejects_a_claim(f.trigger)}
            events += _denied_claims(events[first_new:], events[:first_new], window, sentence, doc_id, claimed)
            previous = (previous + args.actors_in(sentence))[-6:]
        # a judgement may have found whom an open-ended act was aimed at ("warned that Moscow
        # would face tariffs"): that act is not made again without a target
        judged = {(e.span[0], e.type) for e in events if e.span and e.target is not None}
        open_ended = [(f, s) for f, s in open_ended if (f.trigger.idx, f.meaning.type) not in judged]
        events += self._implicit_targets(open_ended, events, doc, doc_id, doc_name, args)
        events += self._implicit_sources(agentless, events, doc, doc_id, doc_name, args)
        return _unique(events)

    def _echo(self, verb: Token, done: list[Found], sentence: Span, args: Arguments,
              previous: list[Span]) -> Found | None:
        """'Canada and Brazil followed suit', 'the Arab League did the same', 'the Netherlands
        did so the next day': the latest act before, told in this sentence or the one before,
        done by the verb's subject on the same side. Its target doing the same pays it back
        ("Canada expelled Indian diplomats; India did likewise"), but does not when asked to
        ("asked Rome to withdraw, and Rome did so")."""
        if verb.pos_ == "NOUN":  # "Beijing announced a matching step of its own"
            if not (verb.dep_ == "dobj" and _matching(verb)):
                return None
            verb = verb.head
        elif not _echoes(verb):
            return None
        sources = [a for a in self._fill(("subj",), verb, args, [], previous, sentence) if _code(a)]
        # (not an act the last one only alleged or denied: "accused Iran of meddling, and the
        # Arab League did the same" accuses Iran too)
        model = next((f for f in reversed(done) if f.trigger.i < verb.i
                      and f.reading.status not in ("alleged", "denied")), None)
        if not sources or model is None or not model.targets or model.trigger.i < self._previous_sentence_start(verb):
            return None
        own = {_code(a) for a in sources}
        targets = list(model.targets)
        if own & {_code(a) for a in model.sources}:
            return None
        if own & {_code(a) for a in targets}:
            if model.meaning.type == "REQUEST" or not own >= {_code(a) for a in targets}:
                return None
            targets = list(model.sources)
        return Found(verb, model.meaning, sources, targets, [], self.status.read(verb, sentence))

    def _implicit_sources(self, agentless, events: list[Event], doc: Doc, doc_id: str,
                          name: str | None, args: Arguments) -> list[Event]:
        """'Three airlines were blacklisted' in an article about EU sanctions: the actor is
        the one the article's other events of that type name, when one stands out."""
        by_type: dict[str, Counter] = {}
        spans: dict[str, Span] = {}
        for span in self._actor_spans:
            if _code(span):
                spans.setdefault(_code(span), span)
        for ev in events:
            if ev.source is not None:
                by_type.setdefault(ev.type, Counter())[ev.source.code] += 1
        records = []
        for f, sentence in agentless:
            aimed_at = {_code(t) for t in f.targets}
            if f.meaning.type == "SANCTION" and f.reading.attribution_head is not None:
                # "Prague said 18 Russian diplomats would be expelled": a measure announced
                # in the passive is the announcer's
                speakers = [a for a in args.actors_of(f.reading.attribution_head) if _code(a) not in aimed_at]
                if speakers and all(_code(a) for a in speakers):
                    f.sources = speakers
                    records += self._records(f, sentence, doc, doc_id, name, args)
                    continue
            code = _standout(by_type.get(f.meaning.type, Counter()), aimed_at, least=1)
            if code is None or code not in spans:
                continue
            f.sources = [spans[code]]
            records += [ev.model_copy(update={"confidence": 0.5})
                        for ev in self._records(f, sentence, doc, doc_id, name, args)]
        return records

    def _answered(self, f: Found, acts: list[Act], sentence: Span) -> list[Span]:
        """'Tehran rejected the allegations', 'Canada condemned the decision': a response
        answers the latest act of the sentences just before, preferably one aimed at the
        responder, and an accusation or report when it answers "the allegations"; that
        act's actor is the target. `acts` holds the earlier acts in document order."""
        own = {_code(s) for s in f.sources}
        if f.meaning.type == "REJECT" and any(c.dep_ == "dobj" and c.lemma_.lower() in ROLE_NOUNS
                                              for c in tree.children(f.trigger)):
            # "Russia has denied any part in the attack": answered to the side the force it is
            # said to have used fell on (the one that holds it to account)
            done = [a for a in acts if a.kind in FORCE and _code(a.actor) in own
                    and {_code(t) for t in a.targets} - own - {None}]
            if done:
                return [t for t in done[-1].targets if _code(t) not in own]
        recent = [a for a in acts if a.actor.start >= sentence.start - ANSWER_WINDOW
                  and _code(a.actor) not in own]
        aimed = [a for a in recent if {_code(t) for t in a.targets} & own]
        if f.meaning.type in RESPONSIVE:
            # a protest or a censure answers a hostile act done to the responder, not a
            # transfer or a deal ("condemned the decision" after "sanctioned Ankara over its
            # purchase of the Russian S-400": Washington's, not Moscow's)
            hostile = [a for a in aimed if a.kind in HOSTILE]
            if not hostile and f.meaning.type != "REJECT" and not any(a.kind in HOSTILE for a in recent):
                # "condemned the incident" paragraphs after the seizure: the last hostile act
                # done to the responder, not a friendly one named in between
                hostile = [a for a in acts if a.kind in HOSTILE and _code(a.actor) not in own
                           and {_code(t) for t in a.targets} & own]
            aimed = hostile or aimed
        if f.meaning.type in FORCE | {"THREATEN"}:
            # force answers force: "Tehran's retaliation" answers the strikes on it, not a
            # censure or an appeal made in between
            aimed = [a for a in aimed if a.kind in PROVOKING] or aimed
            recent = [a for a in recent if a.kind in PROVOKING]
        answers_claims = _claim_called_false(f.trigger) or any(_no_grounds(c) for c in tree.children(f.trigger)) or any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in CLAIM_NOUNS for c in tree.children(f.trigger))
        # "the allegations" may have been made well before: look back over the whole text
        claims = _claims_against(acts, own) if answers_claims else []
        if answers_claims and not claims:  # "…U.S. allegations surfaced, and Moscow called the accusations…"
            claims = [a for a in acts if a.kind in ("ACCUSE", "REPORT") and a.at >= sentence.start
                      and _code(a.actor) not in own]
        # "condemned the strikes", "called the transfer an escalation": the last act of that kind
        kind = self._kind_of_object(f.trigger)
        same_kind = [a for a in acts if a.kind == kind and _code(a.actor) not in own] if kind else []
        # "condemned the strikes": acts called strikes before other attacks
        word = self._object_lemma(f.trigger)
        same_kind = [a for a in same_kind if f.trigger.doc[a.at].lemma_.lower() == word] or same_kind
        introducer = [] if claims else self._introducer(f)
        if introducer:
            return introducer
        latest = claims or same_kind or aimed or recent
        if kind and not same_kind and not claims:
            return []  # "condemned the attack" when no attack was coded: not some other act
        if not claims and (self._definite_object(f.trigger) or self._object_lemma(f.trigger) is None):
            # "condemned the decision", "the strikes": in news, the act the article leads with
            lead = [a for a in (same_kind or [a for a in acts if {_code(t) for t in a.targets} & own])
                    if a.at < self._lead_end and _code(a.actor) not in own and (
                        a.kind in PROVOKING or f.meaning.type not in FORCE | {"THREATEN"})]
            if f.meaning.type in RESPONSIVE and not same_kind:
                lead = [a for a in lead if a.kind in HOSTILE] or lead
            latest = lead or latest
        if not latest:
            return []
        last = latest[-1]
        together = [a.actor for a in latest if a.at == last.at and a.at >= 0] or [last.actor]
        if (f.meaning.type == "ACCUSE" and kind == "AID" or kind in MUTUAL) and same_kind and not claims or \
                last.kind in MUTUAL and not kind and self._welcomes_a_decision(f.trigger) and \
                len({_code(t) for t in last.targets} - {_code(last.actor)}) == 1:
            # "condemned the transfers": the supplier and the receiver alike; "welcomed the
            # agreement", "welcomed the outcome" of talks: both its sides
            together += [t for a in latest if a.at == last.at for t in a.targets if _code(t) not in own]
        return list({_code(a): a for a in together}.values())

    def _mediated(self, f: Found, found: list[Found]) -> list[Span]:
        """'an agreement brokered by Turkey', 'brokered the talks', 'talks hosted by Russia':
        the mediator or host consults the parties to what it brokered, the deal's own sides
        when the sentence names them, else the pair the article is about."""
        own = {_code(s) for s in f.sources}
        brokered = [f.trigger.head] if f.trigger.dep_ == "acl" else \
            [c for c in tree.children(f.trigger) if c.dep_ in ("dobj", "nsubjpass")]
        # "agreed to a truce at talks hosted by Russia", "agreed to end the dispute after
        # talks hosted by Erdogan", "agreed to a truce under Egyptian mediation": the sides of
        # the mutual act the talks or the mediation are part of (or whose verb holds them:
        # "talks were held under Omani mediation")
        done_at = [a for b in brokered if b.dep_ == "pobj" for a in b.ancestors]
        if f.trigger.pos_ in ("NOUN", "PROPN") and f.trigger.dep_ == "pobj":
            done_at += list(f.trigger.ancestors)
            done_at += [c for a in done_at if a.pos_ in ("VERB", "AUX") for c in tree.children(a)
                        if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        for g in found:
            if g.trigger in brokered or any(g.trigger.i == b.i for b in brokered) or \
                    g.trigger in done_at and (g.meaning.type in MUTUAL or g.sources and g.targets):
                # (or the sides of any act done under it: "freed the teacher in an exchange
                # mediated by Qatar")
                sides = [s for s in g.sources + g.targets if _code(s) not in own]
                if sides:
                    return list({_code(s): s for s in sides}.values())
        if any(prep_word(p) == "between" for b in brokered for p in tree.children(b)):
            return []  # "a truce between rebel factions": parties named, none of them coded
        # "the talks, mediated by Norway, produced a truce between A and B": the outcome's sides
        outcomes = [s for g in found if g.meaning.type in MUTUAL and g.trigger.pos_ in ("NOUN", "PROPN")
                    for s in g.sources + g.targets if _code(s) not in own]
        if outcomes:
            return list({_code(s): s for s in outcomes}.values())
        if not self._between_the_pair(f.trigger, brokered):
            return []
        return [s for s in self._last_pair(f.trigger) if _code(s) not in own]

    def _between_the_pair(self, trigger: Token, brokered: list[Token]) -> bool:
        """May a go-between whose sides the sentence leaves unnamed be read as between the
        article's pair? A broker or mediator, yes; a host only of talks (a CONSULT noun) that
        name no members ("talks hosted by the US Treasury"), not of "the destroyer USS
        Gravely" or "a summit of allies"; a facilitator, convener or sponsor ("the dialogue
        facilitated by the EU") or a mediation noun, no."""
        lemma = trigger.lemma_.lower()
        if lemma in ("broker", "mediate"):
            return True
        return lemma == "host" and all(
            getattr(self._noun_meaning(b), "type", None) == "CONSULT" and
            not any(p.dep_ == "prep" and p.lower_ == "of" for p in tree.children(b))
            for b in brokered)

    def _urges_restraint(self, trigger: Token) -> bool:
        words = self.status.words["restraint_words"]
        return any(c.dep_ in ("dobj", "pobj") and c.lemma_.lower() in words
                   for t in (trigger, *[p for p in tree.children(trigger) if p.dep_ == "prep"]) for c in tree.children(t))

    @staticmethod
    def _latest_force(f: Found, acts: list[Act], sentence: Span) -> list[Span]:
        """'Biden urged restraint': whoever used or threatened force last (not the urger), and
        the side it was aimed at when that side struck back ("Iran and Pakistan traded
        strikes. China urged restraint": both)."""
        own = {_code(s) for s in f.sources}
        recent = [a for a in acts if a.kind in PROVOKING and a.actor.start >= sentence.start - ANSWER_WINDOW
                  and _code(a.actor) not in own]
        if not recent:
            return []
        last = recent[-1]
        hit = {_code(t) for t in last.targets}
        back = next((a.actor for a in reversed(recent[:-1]) if _code(a.actor) in hit
                     and any(_code(t) == _code(last.actor) for t in a.targets)), None)
        if back is not None:
            return [back, last.actor]
        if last.kind in FORCE:
            return [last.actor]  # "Azerbaijani forces shelled Armenian villages": the shelling side
        # "Ethiopia signed a deal with Somaliland; Somalia recalled its ambassador. The AU urged
        # restraint": after a measure or a threat, both sides of the quarrel
        hit = [t for t in last.targets if _code(t) and _code(t) not in own | {_code(last.actor)}]
        return [last.actor] + hit[:1]

    @staticmethod
    def _helped_by_purpose(verb: Token, args: Arguments) -> list[Span]:
        """Whom a purpose infinitive says the sending helps: "to fight alongside Russian
        forces", "to help the Malian army", "to support Kyiv"."""
        found = []
        # (the parser may hang it on what is sent: "sent two battalions to fight alongside…")
        purposes = [c for c in tree.children(verb) if c.dep_ in ("xcomp", "advcl")] + \
            [c for o in _objects(verb) for c in tree.children(o) if c.dep_ in ("relcl", "acl")]
        for purpose in purposes:
            if not _infinitive(purpose):
                continue
            lemma = purpose.lemma_.lower()
            if lemma in FIGHTING_VERBS:
                found += [a for p in tree.children(purpose) if p.dep_ == "prep" and p.lower_ in ("alongside", "beside")
                          for o in tree.children(p) if o.dep_ == "pobj" for a in args.actors_of(o)]
            elif lemma in HELPING_VERBS:
                found += [a for o in tree.children(purpose) if o.dep_ == "dobj" for a in args.actors_of(o)]
        return found

    def _claimant(self, f: Found, args: Arguments, previous: list[Span], sentence: Span) -> list[Span]:
        """'Tehran said the ship had hit a boat, an account its owners rejected': an answer to
        a claim set in apposition answers whoever made it, the subject of the clause the
        apposition hangs in (of the verb that reports that clause, if one does)."""
        trigger, claim = f.trigger, f.trigger.head
        # (or a participle: "…, a claim denied by both Moscow and Tehran")
        if trigger.dep_ not in ("relcl", "acl") or claim.lemma_.lower() not in CLAIM_NOUNS or \
                claim.dep_ not in ("appos", "dep", "npadvmod") or claim.left_edge.i == 0 or \
                claim.doc[claim.left_edge.i - 1].text != ",":  # set off by a comma, however parsed
            if not _claim_taken_for_a_modifier(trigger):
                return []
            claim = trigger  # "…in western Tigray, a charge Ethiopia's foreign ministry rejected"
        verb = _clause_of(claim.head)
        while verb.dep_ == "ccomp" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "said that Moscow had flown jets…, a claim Moscow denied": the sayer
        own = {_code(s) for s in f.sources}
        return [a for a in self._fill(("subj",), verb, args, [], previous, sentence) if _code(a) not in own]

    def _introducer(self, f: Found) -> list[Span]:
        """'Seoul announced a plan to pay the victims. Tokyo welcomed the plan': a definite
        object that repeats a noun of the sentence before, or earlier in its own, answers
        whoever brought that noun in (the subject of the verb it was the object of, or its
        possessor: "Iran's offer")."""
        earlier = self._repeated_noun(f.trigger)
        if earlier is None:
            return []
        own = {_code(s) for s in f.sources}
        found = self._args.fill("poss", earlier, [])
        if not found and earlier.dep_ == "dobj":
            found = self._args.fill("subj", earlier.head, [])
        if not found:  # "…to five principles, which he presented to the Council"
            sentence = earlier.doc[self._sent_start[earlier.i]:earlier.i]
            found = [a for c in tree.children(earlier) if c.dep_ == "relcl"
                     for a in self._fill(("subj",), c, self._args, [], [], sentence)]
        return [a for a in found if _code(a) and _code(a) not in own]  # the nearest mention only

    def _repeated_noun(self, verb: Token) -> Token | None:
        """The nearest earlier mention (in the sentence before, or earlier in its own) of the
        noun a verb's definite object repeats: "presented five principles… endorsed the principles"."""
        obj = next((c for c in tree.children(verb) if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"
                    and any(d.dep_ == "det" and d.lower_ in ("the", "this") for d in tree.children(c))), None)
        if obj is None or obj.i in self._args.actor_at:
            return None
        return next((earlier for earlier in reversed(obj.doc[self._previous_sentence_start(obj):obj.i])
                     if earlier.lemma_.lower() == obj.lemma_.lower() and earlier.pos_ == "NOUN"), None)

    @staticmethod
    def _object_lemma(verb: Token) -> str | None:
        return next((c.lemma_.lower() for c in tree.children(verb) if c.dep_ in ("dobj", "nsubjpass")), None)

    @staticmethod
    def _definite_object(verb: Token) -> bool:
        # "the decision", "this step", and a day's: "Monday's decision", "last week's move"
        return any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and
                   any(d.dep_ == "det" and d.lower_ in ("the", "this", "these") or
                       d.dep_ == "poss" and d.ent_type_ == "DATE" for d in tree.children(c))
                   for c in tree.children(verb))

    def _kind_of_object(self, verb: Token) -> str | None:
        """The event type of what a verb's object names ('the strikes' → ASSAULT)."""
        for child in tree.children(verb):
            if child.dep_ in ("dobj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
                meaning = self._noun_meaning(child)
                if meaning is None and child.tag_ == "NN":
                    # "called the raids terrorism": the parser may make one phrase of the
                    # object and what it is called, the act a compound on the name
                    meaning = next((m for c in tree.children(child) if c.dep_ == "compound" and c.tag_ == "NNS"
                                    if (m := self._noun_meaning(c)) is not None), None)
                if meaning is not None:
                    return meaning.type
        return None

    @staticmethod
    def _pursued(speakers: list[Span], acts: list[Act], sentence: Span, before: int) -> list[Span]:
        """Whom the speakers' own latest act (before position `before`) was aimed at: 'Canada
        criticised China's drills. The three governments called them an escalation.'"""
        own = {_code(s) for s in speakers}
        for act in reversed(acts):
            if act.at >= before:
                continue
            if act.actor.start >= sentence.start - ANSWER_WINDOW and _code(act.actor) in own and act.targets:
                return [t for t in act.targets if _code(t) not in own]
        return []

    def _answers(self, trigger: Token) -> bool:
        """Words that answer an earlier act: "retaliate", "respond", and support given as
        such ("Canada provided support", "Japan backed the strikes")."""
        if trigger.lemma_.lower() in self.status.words["answering_words"]:
            return True
        meaning = self.trigger_of(trigger)
        if meaning is None or meaning.type != "SUPPORT":
            return False
        if trigger.pos_ in ("NOUN", "PROPN"):
            return self._carried(trigger) and not any(c.dep_ in ("poss", "prep") for c in tree.children(trigger))
        # "Kenya welcomed the agreement", "Damascus welcomed the steps": support for those
        # who made or took them
        return self._kind_of_object(trigger) is not None or self._welcomes_a_decision(trigger)

    def _welcomes_a_decision(self, verb: Token) -> bool:
        """'Damascus welcomed the steps', 'Kyiv hailed the decision', 'welcomed it': a plain
        definite decision welcomed (not "did not recognise the decision", not "the move against
        Qatar", whose phrase names its own side), or what was just told."""
        if verb.lemma_.lower() not in self.lexicon.words("welcoming_verbs"):
            return False
        if any(c.dep_ == "dobj" and c.lower_ in ("it", "this") for c in tree.children(verb)):
            return True  # "welcomed it as a first step": what was just told
        if not self._definite_object(verb):
            return False
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lexicon.words("decision_nouns")
                   and not any(p.dep_ == "prep" for p in tree.children(c)) for c in tree.children(verb)) \
            or self._repeated_noun(verb) is not None  # "presented five principles… endorsed the principles"

    def _implicit_targets(self, open_ended, events: list[Event], doc: Doc, doc_id: str,
                          name: str | None, args: Arguments) -> list[Event]:
        """'Denmark pledged 19 more jets' in an article about aid to Ukraine: the recipient
        is the one the article's events of that type told before it name, else the actor the
        article is most about. Only when one stands out; such events get a lower confidence."""
        shooters: Counter = Counter()  # who fired what an interception destroys
        for ev in events:
            if ev.target is not None and ev.source is not None and ev.type == "ASSAULT":
                shooters[ev.source.code] += 1
        salience: Counter = Counter()
        spans_by_code = {}
        lead_end = self._lead_end
        for span in self._actor_spans:
            code = _code(span)
            if code:
                spans_by_code.setdefault(code, span)
                # the lead sentence names what the article is about
                salience[code] += LEAD_WEIGHT if span.start < lead_end else 1
        # whom a warning's own words condemn ("warned that American aggression will not go
        # unanswered"): the warning is aimed at them
        condemned: dict[int, list[str]] = {}
        for ev in events:
            if ev.type == "ACCUSE" and ev.target is not None and ev.span:
                condemned.setdefault(ev.span[0], []).append(ev.target.code)
        records = []
        for f, sentence in open_ended:
            own = {_code(s) for s in f.sources}
            if f.meaning.type == "THREATEN" and condemned.get(f.trigger.idx):
                f.targets = [spans_by_code[c] for c in dict.fromkeys(condemned[f.trigger.idx])
                             if c in spans_by_code and c not in own]
                if f.targets:
                    records += self._records(f, sentence, doc, doc_id, name, args)
                    continue
            accuser = None
            if f.meaning.type == "REJECT":
                # "Rwanda denies arming the rebels": a denial answers whoever accused the denier
                # last, as well as the side the article's refusals face
                accusers = [ev for ev in events if ev.type == "ACCUSE" and ev.target is not None and
                            ev.target.code in own and ev.source is not None and ev.source.code not in own
                            and ev.span and ev.span[0] <= f.trigger.idx and ev.source.code in spans_by_code]
                if accusers:
                    accuser = max(accusers, key=lambda ev: ev.span[0]).source.code
            if f.meaning.type == "THREATEN":
                # "warned that Taurus strikes would make Germany a party": at whom its words name
                f.targets = [s for s in self._named_in_warning(f.trigger, args) if _code(s) not in own]
                if f.targets:
                    records += self._records(f, sentence, doc, doc_id, name, args)
                    continue
            if self._addressed_to_many(f.trigger, args):
                # "urged countries to send troops": asked of no side in particular
                records += [self._event(f, source, None, sentence, doc, doc_id, name, args)
                            for source in f.sources if _code(source)]
                continue
            if f.meaning.type not in IMPLICIT_TARGET or f.meaning.type == "MOBILIZE" and _a_test(f.trigger):
                if f.meaning.type in TARGETLESS:  # "NATO is reinforcing its force": aimed at no one named
                    records += [self._event(f, source, None, sentence, doc, doc_id, name, args)
                                for source in f.sources if _code(source)]
                continue  # a response that found nothing to answer is left out
            if self._intercepts(f.trigger, args):  # "helped bring down drones": whoever fired them
                code = _standout(shooters, own, least=1)
            else:
                # the acts of that type told so far, as a reader has them (not those told later:
                # "Germany expelled four diplomats" before Moscow's expulsions in return)
                told = Counter(ev.target.code for ev in events if ev.type == f.meaning.type and ev.target is not None
                               and ev.source is not None and ev.span and ev.span[0] < f.trigger.idx)
                code = _standout(told, own, least=2) or \
                    _standout(salience, own, least=SALIENT_MENTIONS)
            codes = [c for c in dict.fromkeys((code, accuser)) if c in spans_by_code]
            if not codes:
                if f.meaning.type in TARGETLESS:  # "students protested", "troops withdrew"
                    records += [self._event(f, source, None, sentence, doc, doc_id, name, args)
                                for source in f.sources if _code(source)]
                continue
            f.targets = [spans_by_code[c] for c in codes]
            for ev in self._records(f, sentence, doc, doc_id, name, args):
                records.append(ev.model_copy(update={"confidence": 0.5}))
        return records

    def _addressed_to_many(self, trigger: Token, args: Arguments) -> bool:
        """'Urged countries to send troops', 'urged other countries to follow': addressed to
        states at large (a plural common noun, as the object, naming no actor), not to one the
        article is about."""
        return any(c.dep_ == "dobj" and c.tag_ == "NNS" and c.lemma_.lower() in self.lexicon.words("states_at_large")
                   and c.i not in args.actor_at and all(m.lower_ in ("other", "more", "many") for m in tree.children(c))
                   for c in tree.children(trigger))  # (not "all three countries", "member states")

    def _drawn_by(self, verb: Token, args: Arguments, previous: list[Span], sentence: Span) -> list[Span]:
        """Who did what drew a reaction: the drawing verb's subject or its possessor ("Moscow's
        decision drew…"), the antecedent of "that" ("the ban, which drew…"), the doer of the
        act a summing-up noun stands for ("Syria expelled the envoy, a step that drew…"), or
        for a participle ("…, drawing condemnation from Washington") the subject of the
        clause it hangs on."""
        subjects = [c for c in tree.children(verb) if c.dep_ == "nsubj"]
        if subjects and subjects[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            subjects = [verb.head]
        doer = None  # the verb whose subject did it
        if subjects:
            found = args.actors_of(subjects[0]) or [a for c in tree.children(subjects[0]) if c.dep_ == "poss"
                                                    for a in args.actors_of(c)]
            if found:
                return found
            summed = subjects[0]
            if summed.dep_ == "appos" and summed.head.dep_ == "dobj" and summed.head.head.pos_ in ("VERB", "AUX"):
                doer = summed.head.head
        else:
            doer = verb
        # a participle hangs on the clause whose subject did it ("he rejected the result,
        # citing irregularities, a reversal that drew…")
        while doer is not None and doer.tag_ == "VBG" and doer.dep_ in ("advcl", "xcomp", "conj") and \
                doer.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "nsubj" for c in tree.children(doer)):
            doer = doer.head
        return self._fill(("subj",), doer, args, [], previous, sentence) if doer not in (None, verb) else []

    def _proposers(self, verb: Token, args: Arguments, own: set) -> list[Span]:
        """Who drafted or put forward the proposal a verb answers, named by a participle's
        agent on it ("a resolution drafted by Malaysia", "the plan put forward by Qatar")."""
        proposals = [o for o in _objects(verb) if o.lemma_.lower() in self.status.words["proposal_nouns"]]
        return [a for o in proposals for p in tree.children(o) if p.dep_ == "acl" and p.tag_ == "VBN"
                for by in tree.children(p) if by.dep_ == "agent" or by.dep_ == "prep" and by.lower_ == "by"
                for w in tree.children(by) if w.dep_ == "pobj" for a in args.actors_of(w) if _code(a) not in own]

    def _named_in_warning(self, verb: Token, args: Arguments) -> list[Span]:
        """The sides a warning's own clause names ("warned that Russia would respond with
        decisions Seoul would not like"): those it is aimed at, when it names no one else."""
        clause = next((c for c in tree.children(verb) if c.dep_ == "ccomp"), None)
        if clause is None:
            return []
        found = []
        for span in args.actors_in(clause.doc[clause.left_edge.i:clause.right_edge.i + 1]):
            if _code(span) and all(_code(span) != _code(f) for f in found):
                found.append(span)
        return found

    def _find(self, token: Token, sentence: Span, args: Arguments, previous: list[Span]) -> Found | None:
        meaning = self.trigger_of(token)
        if meaning is None:
            return None
        blamed = (_to_blame(token) or self.behind_an_act(token) or self._found_guilty(token)) \
            if meaning.type == "ACCUSE" else None
        if blamed is not None:
            # "Britain said Russia was to blame": the one to blame is accused, by whoever says so
            reading = self.status.read(token, sentence)
            if reading.status in ("planned", "promised"):
                reading.status = "reported"  # ("is to blame" is no act to come)
            speaker = reading.attribution_head or _clause_speaker(token)
            if token.lemma_.lower() in self.lexicon.words("finding_verbs"):
                speaker = _speech_subject(token)  # who made the finding
            speakers = args.actors_of(speaker) if speaker is not None else []
            accused = [a for a in args.actors_of(blamed) if _code(a) not in {_code(s) for s in speakers}]
            return Found(token, meaning, speakers, accused, [], reading) if speakers and accused else None
        if self._requested(token) and not (self._joined_in(token) and not self._requested_of_another(token)):
            # "asked the EU to impose sanctions": what is asked for has not happened (but
            # "asked to join South Africa's case" is the joining, applied for)
            return None
        if meaning.lemma in self.lexicon.requires_actor_object and self._ordered_out(token):
            meaning = self.lexicon.trigger("expel", "VERB")  # "ordered the diplomats to leave"
        ruled_out = _ruling_out(token, self.status.words["failure_verbs"])
        if ruled_out == "ruled out":
            meaning = replace(meaning, type="REJECT")  # "ruled out talks with Hamas": a refusal
        elif ruled_out == "not ruled out" and meaning.type in HARM:
            meaning = replace(meaning, type="THREATEN")  # "would not rule out military action"
        if meaning.type in FORCE and self._held_in_prospect(token):
            meaning = self.lexicon.trigger("threaten", "VERB")
        if meaning.type == "RETREAT" and token.pos_ in ("VERB", "AUX") and self._leaves_talks(token):
            meaning = replace(meaning, type="REJECT")  # "pulled out of the summit": a refusal, not a retreat
        if meaning.type in ("PROTEST", "ACCUSE") and token.dep_ in ("xcomp", "advcl") and \
                _infinitive(token) and getattr(self.trigger_of(token.head), "type", None) == "ACCUSE":
            return None  # "summoned a Chinese diplomat to protest the incident": the summons is the protest
        if token.dep_ == "compound" and holder_of(token) is not None and \
                getattr(self.trigger_of(token.head), "type", None) == meaning.type:
            return None  # "an aid package" is one event, the package's
        if meaning.type == "SANCTION" and token.pos_ == "NOUN" and self._kept_or_broken(token):
            return None  # "pledged to respect the arms embargo", "in breach of EU sanctions": no new measure
        if meaning.type == "PROTEST" and token.pos_ == "NOUN" and self._lodged(token):
            meaning = replace(meaning, type="ACCUSE")  # "lodged a formal protest with Japan"
        if meaning.type == "SUPPORT" and self._defends_itself(token):
            # "reserved all options to defend its sovereignty": no one else is backed; held
            # out against an attacker, it is a threat
            if not self._held_in_prospect(token):
                return None
            meaning = self.lexicon.trigger("threaten", "VERB")
        if meaning.type in HARM and token.dep_ == "pobj" and token.head.lower_ == "of" and \
                token.head.head.lemma_.lower() in self.status.words["threat_governors"]:
            return None  # "warned of retaliatory measures against…": the warning is the event
        if meaning.pos == "NOUN" and token.lower_ in self.lexicon.needs_agent and \
                token.head.lemma_.lower() not in self.status.words["denial_of_acts"] and \
                not self._fill(tuple(x for x in meaning.frame.source if x != "producer"),
                               token, args, [], previous, sentence):
            return None  # ("denied the deliveries": the denier is the agent)
        needed = self.lexicon.noun_requires_prep.get(token.lower_) if meaning.pos == "NOUN" else None
        if needed and not any(c.dep_ == "prep" and c.lower_ in needed for c in
                              [*tree.children(token), *(tree.children(token.head) if self._carried(token) else ())]):
            return None  # "an inquiry into the sabotage", "filed a case against Israel"; not "closed its inquiry"
        items = args.items_near(token)
        thing = self._its_item(token, meaning, args, sentence)
        if thing is not None and thing not in items:
            items = [thing] + items
        reading = self.status.read(token, sentence)
        blamed = self._blamed_for(token) if token.pos_ in ("NOUN", "PROPN") else None
        laid = _blame_laid(token)  # "blamed the PKK for the attack": the PKK
        if blamed is not None and reading.status in ("asserted", "reported") and \
                (reading.attribution_head is not None or _clause_speaker(blamed.head) is not None
                 or laid is not None):
            reading.status = "alleged"  # "Moscow says Kyiv was behind the blasts": the act accused
        if ruled_out is not None:
            reading.negated, reading.status = False, "asserted"  # the refusal or menace is made now
        elif meaning.type == "REJECT" and reading.negated and any(
                c.dep_ == "neg" for c in tree.children(token)):
            return None  # "Putin did not deny the reports": no refusal, and no act either
        conditioned = False
        # aid, backing or a retreat one will not give is refused to the side it would have gone
        # to, when named
        refused = meaning.type in YIELDING and reading.negated and _will_not(token)
        if meaning.type in ("AGREE", "CONCEDE") and reading.negated and reading.status in ("asserted", "planned") \
                and not (meaning.type == "AGREE" and self._no_accord_reached(token)) or \
                meaning.type in ("AGREE", "CONCEDE", "SUPPORT") and reading.negated and _present_stance(token) or \
                meaning.type == "CONSULT" and reading.negated and reading.status == "planned" or refused:
            # "failed to reach agreement", "would not accept the plan": a refusal; so is a stance
            # held now, also when said of oneself ("said it does not recognise the court"), a
            # meeting declined ahead ("would not attend the summit in Johannesburg"), and any
            # giving way that one will not do ("vowed that Kyrgyzstan would not give up an inch",
            # "will never hand the Donbas to Moscow", "would not back the French draft")
            meaning = replace(meaning, type="REJECT")
            reading.negated, reading.status = False, "asserted"
        if meaning.type in TIES and token.dep_ == "xcomp" and \
                token.head.lemma_.lower() in self.lexicon.words("stopping_verbs"):
            # "would stop cooperating with the IAEA": a cut in ties, as the stopping verb tells it;
            # "stopped buying wheat from Russia" is cut by the buyer
            frame = meaning.frame
            if frame.name == "receive":
                frame = replace(frame, source=frame.target, target=frame.source)
            meaning = replace(meaning, type="SANCTION", frame=frame)
            reading = self.status.read(token.head, sentence)
        if meaning.type in FORCE and token.dep_ in ("xcomp", "dobj") and \
                token.head.lemma_.lower() in self.lexicon.words("stopping_verbs"):
            # "would stop bombing the Houthis", "halted its strikes on Gaza", "pledged to stop
            # interfering in the war": a de-escalation (CAMEO 087), as the stopping verb tells
            # it, not an attack denied
            meaning = replace(meaning, type="RETREAT")
            reading = self.status.read(token.head, sentence)
        if meaning.type in ANNOUNCEABLE and reading.status == "planned" and not reading.negated \
                and _conditional(token):
            # "will impose sanctions unless the talks resume": harm announced on a condition
            # (its arguments found as the act's: "withdraw from Chad")
            meaning = replace(meaning, type="THREATEN")
            conditioned = True
        if meaning.type == "AGREE" and token.lemma_.lower() in self.status.words["promised_verbs"] and \
                reading.status == "promised":
            reading.status = "asserted"  # "agreed that…": the agreement is made; its content is promised
        if meaning.type == "SUPPORT" and token.dep_ == "dobj" and reading.status == "promised" and \
                token.head.lemma_.lower() in self.status.words["promised_verbs"] and \
                not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tree.children(token.head)):
            reading.status = "asserted"  # "offered Tokyo its backing": backing given in the words
        if meaning.type == "THREATEN" and token.lemma_.lower() not in ("threaten", "warn") and \
                reading.status in ("promised", "planned"):
            reading.status = "asserted"  # the threat is made; only the force is in prospect
        source_slots = meaning.frame.source
        if "subj" in source_slots and token.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in tree.children(token)):
            # "Tiraspol turned down the offer from Brussels": with a subject named, "from"
            # names where something came from, not who acts (even when the subject is no actor)
            source_slots = tuple(s for s in source_slots if s != "from")
        sources = self._fill(source_slots, token, args, items, previous, sentence)
        broke_out = not sources and token.lemma_.lower() in RECIPROCAL_ACTS | {"war", "hostilities"} and \
            self._broke_out(token)
        if broke_out:
            # "Fighting erupted the next morning": the two sides at odds the article is about,
            # each against the other
            pair = self._last_pair(token)
            sources = pair if self._at_odds(pair, FORCE) else []
        if self._joined_in(token):
            # "Colombia joined South Africa's case against Israel": the joiner acts (and backs
            # the one whose act it joins: `_joined`)
            sources = args.fill("subj", token.head, items) or sources
        # "would strike hard if Hezbollah broke the deal": the threat is aimed at the condition's subject
        condition_subjects = [a for c in _conditions(token) for s in tree.children(c) if s.dep_ in ("nsubj", "nsubjpass")
                              for a in args.actors_of(s)] if conditioned else []
        if not sources and token.pos_ == "VERB" and is_passive(token) and \
                token.lemma_.lower() in self.lexicon.subject_control_verbs:
            # "Moscow's ambassador was summoned to the foreign ministry in Berlin": whoever's
            # ministry it is summons
            sources = args.actors_in([t for p in tree.children(token) if p.dep_ == "prep" and p.lower_ == "to"
                                      for t in tree.subtree(p)])[:1]
        if not sources and _claim_called_false(token):
            sources = args.fill("subj", token.head, items)  # the one who says the claim is false
        if not sources and reading.denier is not None:
            sources = args.actors_of(reading.denier)
        officials = any(getattr(actor_of(s), "kind", None) == "person" or
                        getattr(actor_of(s), "sector", None) == "government" for s in sources) or \
            any(getattr(actor_of(a), "kind", None) == "person" for c in tree.children(token) if c.dep_ == "nsubj"
                for p in tree.children(c) if p.dep_ == "appos" for a in args.actors_of(p))  # "the EU's foreign policy chief, Josep Borrell,"
        if meaning.frame.name == "arrival" and not officials:
            return None  # "Russian troops arrived in Mali" is no visit; "the minister arrived in Amman" is
        # ("joined South Africa's case against Israel": not against South Africa)
        backed = {_code(a) for a in self._owners(token, args)} if self._joined_in(token) else set()
        targets = self._fill(meaning.frame.target, token, args, items, previous, sentence,
                             exclude={_code(s) for s in sources} | backed)
        targets = [t for t in targets if t not in sources and _code(t) not in backed] if not broke_out else []
        if refused and not targets:
            return None
        if meaning.type in ANSWERS and token.pos_ in ("VERB", "AUX"):
            # "vetoed a Security Council resolution drafted by Malaysia": the answer is to
            # whoever put the proposal forward, not to the body it was put to
            targets = self._proposers(token, args, {_code(s) for s in sources}) or targets
        if meaning.frame.name == "expel":
            # expelled from a body is expelled by it ("its expulsion from the alliance"), not
            # sent back to it as to a state ("expelled seven diplomats from Latvia")
            targets = [t for t in targets if not (getattr(actor_of(t), "kind", None) == "igo"
                                                  and t.root.dep_ == "pobj" and t.root.head.lower_ == "from")]
        if not targets and meaning.type == "AGREE" and token.pos_ in ("VERB", "AUX"):
            # "Morocco agreed to establish relations with Israel": agreed with the other side of the
            # ties (or of the sale: "agreed to buy the S-400 from Russia")
            targets = [a for c in self._agreed_ties(token) for p in tree.children(c)
                       if p.dep_ in ("prep", "dative") and p.lower_ in ("with", "from", "to")
                       for o in tree.children(p) if o.dep_ == "pobj" for a in args.actors_of(o) if a not in sources]
        if meaning.type in MUTUAL and token.pos_ in ("NOUN", "PROPN") and \
                meaning.lemma not in self.lexicon.words("brokering_nouns"):
            # "announced a truce between Ethiopia and Somalia": its parties are the two named,
            # not whoever announced or brokered it (but a mediator's effort between them is
            # the mediator's, with each)
            parties = list({_code(p): p for p in args.fill("between", token, items) if _code(p)}.values())
            if len(parties) < 2 and not sources:
                # "a meeting of the two presidents", "a summit of Russia, China and Iran": those
                # it is of (two or more; "a meeting of the Security Council" is one body's)
                parties = list({_code(p): p for p in self._fill(("of",), token, args, items, previous, sentence)
                                if _code(p)}.values())
            if len(parties) >= 2:
                sources, targets = parties, list(parties)
            elif not sources and self._in_force(token):
                # "The agreement, brokered by Egypt, took effect on Sunday": the pair the
                # article's pacts join most often
                pair = self._main_pair(meaning.type)
                if pair:
                    sources, targets = pair[:1], pair[1:]
        if not targets and meaning.type == "REQUEST" and token.pos_ == "NOUN" and token.dep_ == "dobj" and \
                token.head.lemma_.lower() not in self.lexicon.light_verbs and self.trigger_of(token.head) is not None:
            # "Rutte turned down Kyiv's request": a request to the one who answers it
            targets = [t for t in args.fill("subj", token.head, items) if _code(t) not in {_code(s) for s in sources}]
        if not targets and meaning.type in ANSWERS and token.pos_ in ("VERB", "AUX"):
            # "rebuffed an offer of mediation from Anwar": an answer to whoever made the offer
            # ("welcomed the offer from Ankara": the parser may hang "from" on the verb)
            # (and "dismissed the accusations from Finland": whoever made the claim)
            proposals = [o for o in _objects(token) if o.lemma_.lower() in self.status.words["proposal_nouns"]
                         or meaning.type == "REJECT" and o.lemma_.lower() in CLAIM_NOUNS]
            holders = proposals + [token] if proposals else []
            targets = [a for o in holders
                       for p in tree.children(o) if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "from")
                       for w in tree.children(p) if w.dep_ == "pobj" for a in args.actors_of(w)
                       if _code(a) not in {_code(s) for s in sources}]
        if not targets and token.pos_ == "NOUN" and token.dep_ == "dobj" and \
                token.head.lemma_.lower() in self.lexicon.words("drawing_verbs"):
            # "Moscow's decision drew criticism from Berlin", "…, prompting a protest from
            # Tokyo": a reaction is aimed at whoever did what drew it
            targets = [t for t in self._drawn_by(token.head, args, previous, sentence)
                       if _code(t) not in {_code(s) for s in sources}]
        if not targets and meaning.type == "ACCUSE" and token.tag_ == "VBG" and \
                token.dep_ in ("advcl", "xcomp", "conj") and any(c.dep_ == "dobj" and c.tag_ == "PRP" for c in tree.children(token)):
            # "expelled seven UN officials, accusing them of meddling": those the main verb acted on
            targets = [a for c in tree.children(token.head) if c.dep_ == "dobj" for a in args.actors_of(c)
                       if _code(a) not in {_code(s) for s in sources}]
        if not targets and condition_subjects:
            targets = [t for t in condition_subjects if _code(t) not in {_code(x) for x in sources}]
        if not targets and sources:
            targets = self._concerned(token, meaning, args, {_code(s) for s in sources})
        if not targets and sources and laid is not None:
            # "Turkey blamed the PKK for the attack": an act that names no target was done,
            # as the one who lays the blame has it, to that one
            targets = self._fill(("subj",), _blaming_verb(token), args, items, previous, sentence,
                                 exclude={_code(s) for s in sources})
        own = {_code(s) for s in sources}
        visit = officials and meaning.lemma in self.lexicon.words("visiting_verbs") and \
            not self._travels_for_talks(token)
        if sources and (not targets and meaning.type in FORCE | {"AID"} or
                        visit and not [t for t in targets if _code(t) not in own]):
            # "drones hit Kharkiv"; "the vice president visited a (US) base in Greenland";
            # "Jordan sent aid to Gaza"
            targets = self._state_of_place(token, meaning, items, own) or targets
        head_type = getattr(self.trigger_of(token.head), "type", None) if token.dep_ == "conj" else None
        if not targets and (head_type == meaning.type or head_type == "CONSULT" and meaning.type in VERBAL):
            # "ended its cooperation with Brussels and severed relations": the same side;
            # "phoned Aliyev and apologised": said to the one called
            head = token.head
            targets = [t for t in self._fill(self.trigger_of(head).frame.target, head, args, items, previous, sentence,
                                             exclude={_code(s) for s in sources}) if t not in sources]
        if meaning.frame.name == "receive" and token.dep_ == "xcomp" and \
                token.head.lemma_.lower() in self.status.words["seeking_verbs"]:
            # "is trying to obtain missiles from Iran": a request to Iran, not yet a transfer
            meaning = self.lexicon.trigger("request", "VERB")
            sources, targets = targets, [s for s in sources if s not in targets]
            reading = self.status.read(token.head, sentence)
            if not targets:
                return None  # "trying to obtain weapons" from no one named asks no one
        sends_forces = meaning.type == "AID" and token.pos_ == "VERB" and \
            token.lemma_.lower() not in self.status.words["promised_verbs"] and any(
            w.lower_ in self.status.words["force_nouns"] for c in _objects(token)
            # a named ship: "the destroyer HMS Duncan" (not "Army Tactical Missile Systems")
            for w in (c, *(m for m in tree.children(c) if m.dep_ in ("compound", "amod") and m.is_lower
                           and c.pos_ == "PROPN")))
        if sends_forces and not targets:
            # "sent troops to fight alongside Russian forces", "sent troops to help the army": forces
            # sent to another's side are aid to it
            targets = [a for a in self._helped_by_purpose(token, args) if _code(a) not in {_code(s) for s in sources}]
        if sends_forces and (not targets or any(c.dep_ == "prep" and (c.lower_ == "into" or any(
                o.lemma_.lower() in FRONTIERS for o in tree.children(c) if o.dep_ == "pobj")) for c in tree.children(token))):
            # "dispatched forces to monitor…", "sending its army into Kosovo", "sent troops to
            # its border with Belarus": a deployment
            meaning = self.lexicon.trigger("deploy", "VERB")
        if not targets and meaning.type in ("SUPPORT", "AID") and token.dep_ == "pobj" and \
                token.head.lower_ == "with" and token.head.head.pos_ in ("VERB", "AUX"):
            # "were intercepted with help from the U.S.", Israel's military said: help to
            # whoever did it, the clause's subject or agent, else the one who says so
            verb = token.head.head
            targets = args.fill("subj", verb, []) or (
                args.actors_of(reading.attribution_head) if reading.attribution_head is not None else [])
            targets = [t for t in targets if t not in sources]
        ties = ("relation", "tie", "link", "contact")
        breaks_ties = meaning.type == "SANCTION" and (any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ties for c in tree.children(token))
            or token.dep_ == "relcl" and token.head.lemma_.lower() in ties)  # "the ties they had cut"
        reciprocal = broke_out or token.lemma_.lower() in RECIPROCAL_ACTS or (  # "traded accusations", "exchanged fire"
            token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in RECIPROCAL_VERBS) or any(
            c.dep_ == "compound" and c.lemma_.lower() in RECIPROCAL_VERBS for c in tree.children(token))  # "kept trading fire"
        if len(sources) >= 2 and _each_other(token):  # "accused each other", "each side blamed the other"
            reciprocal, targets = True, []  # the other is among the sources
        if meaning.type == "RETREAT" and not targets and len(sources) == 2 and (
                self._at_odds(sources) or _told_as_a_pair(token)):
            reciprocal = True  # "Indian and Chinese troops began pulling back", "each side will withdraw": each from the other
        if meaning.type == "SANCTION" and not targets and len(sources) == 2 and self._at_odds(sources) and \
                self._their_envoys(token):
            reciprocal = True  # "Egypt and Turkey recalled their ambassadors": each from the other
        if meaning.type in MUTUAL and len(sources) >= 2 and targets and all(
                t.root.head.lower_ == "alongside" for t in targets):
            targets = []  # "A and B signed the deal alongside C": between A and B; C looked on
        if meaning.type == "MOBILIZE" and not targets and len({_code(s) for s in sources}) >= 2 and \
                meaning.pos == "NOUN" and meaning.lemma in self.lexicon.words("exercise_nouns") and \
                not any(c.lower_ in ("separate", "parallel", "respective", "own") for c in tree.children(token)):
            meaning = self.lexicon.trigger("joint exercises", "NOUN")  # drills held together
        mediating = self._goes_between(token, meaning)
        if (meaning.type in MUTUAL or breaks_ties or reciprocal) and not targets and len(sources) >= 2 \
                and not mediating:  # co-mediators do not consult each other
            # "Riyadh and Tehran severed relations": between the two; "the two countries
            # clashed": each against the other
            # (all with all: a mutual act of three is one between each pair, see _records)
            sources, targets = (sources, list(sources)) if reciprocal or meaning.type in MUTUAL \
                else (sources[:1], sources[1:])
        if not sources and meaning.type in MUTUAL:
            pair = self._pair(token, sentence, previous) or self._parties_again(token, sentence)
            if pair:
                sources, targets = pair[:1], pair[1:]
        if meaning.type in MUTUAL and sources and not targets:
            # "Erdogan met Sisi. They agreed…": "they" stand for both, not the last one named
            parties = self._parties_again(token, sentence, ("they",))
            if {_code(s) for s in sources} < {_code(p) for p in parties}:
                sources, targets = parties[:1], parties[1:]
        # the clause the act is told in: its own verb, or the light verb carrying its noun
        clause = token.head if self._carried(token) else token
        if not targets and sources and clause.dep_ in ("xcomp", "advcl") and \
                clause.head.lemma_.lower() in self.lexicon.subject_control_verbs and \
                _infinitive(clause):
            # "telephoned Putin to apologise", "telephoned Maduro to offer his solidarity": the
            # act is addressed to the one called
            targets = [a for c in tree.children(clause.head) if c.dep_ in ("dobj", "obj")
                       for a in args.actors_of(c) if _code(a) not in {_code(s) for s in sources}]
        if sources and targets and clause.dep_ == "conj" and clause.head.dep_ == "ccomp" and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in tree.children(clause)) and \
                {_code(s) for s in sources} == {_code(t) for t in targets}:
            # "the US determined that the RSF had committed genocide, imposed sanctions on its
            # commander…": the parser joins the second act to the reported clause; an actor
            # acting on itself is the reporting verb's subject acting
            matrix = args.fill("subj", clause.head.head, items)
            if matrix and not {_code(m) for m in matrix} & {_code(t) for t in targets}:
                sources = matrix
        if not sources and targets and _doer_left_to_the_article(token, meaning, args):
            return Found(token, meaning, [], targets, items, reading)  # by whom, later, from the article
        if not sources or (not targets and meaning.type not in IMPLICIT_TARGET | RESPONSIVE | TARGETLESS
                           and not self._answers(token) and not mediating):
            return None
        if meaning.lemma in self.lexicon.words("joint_texts") and len({_code(a) for a in sources + targets}) > 2:
            return None  # a joint statement of allies agrees no one; one of two parties agrees them
        return Found(token, meaning, sources, targets, items, reading)

    def _their_envoys(self, verb: Token) -> bool:
        """'Recalled their ambassadors', 'expelled each other's diplomats': a pair's envoys,
        which each side recalls from, or sends home to, the other."""
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lexicon.words("envoy_nouns")
                   and any(p.dep_ == "poss" and p.lower_ in ("their", "other", "other's")
                           for p in tree.children(c)) for c in tree.children(verb))

    def _is_envoy(self, noun: Token) -> bool:
        """A person by name or an envoy by office ("sent Medinsky", "dispatched an envoy")."""
        if noun.i in self._args.item_at:
            return False  # "hand over F-16s", which the tagger may take for a name
        if noun.lemma_.lower() in self.lexicon.words("envoy_nouns"):
            return True
        span = self._args.actor_at.get(noun.i)
        if span is not None:  # the tagger takes "the Houthis" for a person too
            return getattr(actor_of(span), "kind", None) == "person"
        return noun.ent_type_ == "PERSON"

    def _travels_for_talks(self, verb: Token) -> bool:
        """'Travelled to Sanaa for talks with Houthi leaders': the talks are the event."""
        return any(c.dep_ == "prep" and c.lower_ == "for" and any(o.dep_ == "pobj" and self.trigger_of(o)
                                                                   for o in tree.children(c)) for c in tree.children(verb))

    def _state_of_place(self, token: Token, meaning: Trigger, items, own: set) -> list[Span]:
        """'Russian drones hit Kharkiv', 'missiles fired at a base in Qatar', 'captured Goma':
        force that names only where it fell is aimed at the state the place lies in; so is a
        visit that names only where it went ("Modi visited Kharkiv")."""
        for slot in meaning.frame.target:
            if slot == "compound":
                continue  # "the Damascus strike" tells where only when it names who was hit
            found = [p for p in self._places().fill(slot, token, items) if _code(p) not in own]
            if found:
                return found[:1]
        return []

    def _fill(self, slots, token, args: Arguments, items, previous, sentence,
              exclude: set | None = None) -> list[Span]:
        for slot in slots:
            if slot in ("producer", "adj_item"):
                receiving = getattr(getattr(self.trigger_of(token), "frame", None), "name", None) == "receive"
                found = self._producers(items, args, token if receiving else None)
            else:
                found = args.fill(slot, token, items)
                if exclude and token.pos_ == "NOUN" and slot == "obj":
                    # "the support of the U.S. for Israel": "of" named the source, not the target
                    found = [f for f in found if _code(f) not in exclude]
                found = self._resolve_pronouns(found, token, args, previous, sentence, slot)
                found = found or self._group(token, slot, previous, exclude or set())
                found = found or self._possessor(slot, token, args, previous, exclude)
                if not found and slot == "obj" and exclude:
                    found = self._person_addressed(token, args, previous, sentence, exclude) or \
                        self._speaker_harmed(token, args, exclude) or \
                        self._side_at_odds(token, args, sentence, exclude)
            if found:
                return found
        return []

    def _resolve_pronouns(self, found, token, args, previous, sentence, slot):
        if found or slot not in ("subj", "poss"):
            return found
        if token.pos_ in ("VERB", "AUX") and is_passive(token):
            return found  # "five of its members had been killed": the subject is who suffered it
        governors = [token] + ([token.head] if self._carried(token) else [])
        # "they would cancel … and pursue sanctions": a conjoined verb shares its subject, and
        # "he hopes to conclude a deal": so does a verb under one that controls it
        governors += [g.head for g in governors if g.dep_ in ("conj", "xcomp") and g.pos_ in ("VERB", "AUX")]
        # "it is prepared to withdraw": through the adjective to the copula's subject
        governors += [g.head for g in governors if g.dep_ == "acomp" and g.pos_ == "ADJ"]
        heads = [c for g in governors for c in tree.children(g)
                 if c.dep_ in ("nsubj", "poss") and c.lower_ in PRONOUNS | {"its", "their"}]
        # "his government has asked…", "their officials said…": the owner of a role noun
        # and the owner of weapons: "its missiles had hit the plane"
        heads += [p for g in governors for c in tree.children(g)
                  if c.dep_ == "nsubj" and (args.is_role(c) or c.i in args.item_at
                                            or c.lower_ in self.status.words["force_nouns"])
                  for p in tree.children(c) if p.dep_ == "poss" and p.lower_ in ("his", "her", "its", "their")]
        if not heads:
            return found
        meaning = self.trigger_of(token)
        if heads[0].lower_ == "its" and meaning is not None and self._its_item(token, meaning, args, sentence):
            return found  # the weapon's "its": its producer supplies it, not the last actor
        before = [s for s in args.actors_in(sentence) if s.end <= heads[0].i]
        agents = [s for s in before if _agentive(s)]
        earlier = [s for s in previous if _agentive(s)]
        # a subject pronoun takes a subject before a possessor: "Biden called Assad's fall
        # just. He promised…" is Biden ("its backing", a possessive, takes the nearest)
        subjects = [s for s in agents or earlier if _subject_like(s)] if heads[0].dep_ == "nsubj" else []
        antecedent = (subjects or agents or earlier or previous)[-1:]
        if heads[0].lower_ in PERSONAL_PRONOUNS:
            # "the Treasury sanctioned Burhan, and his government…": "his" is a person's, the
            # one the clause before would take, else any named in this sentence or earlier (not
            # one addressed by "she" or "he": "she told Tsai…, and she flew on" is not Tsai)
            here = [s for s in before if not _addressed_by_a_pronoun(s)]
            people = [[s for s in group if _code(s) and self._one_person(s, args)]
                      for group in (subjects, agents, here, earlier)]
            antecedent = next((group[-1:] for group in people if group), antecedent)
        if antecedent and heads[0].lower_ in PLURAL_PRONOUNS:
            # "Britain, France and Germany said they would…": all the conjoined actors
            group = args.actors_of(antecedent[0].root)
            return group if len(group) > 1 else antecedent
        return antecedent

    def _possessor(self, slot: str, token: Token, args: Arguments, previous: list[Span],
                   exclude: set | None) -> list[Span]:
        """'Israel's strike on its consulate', said Tehran: the owner named by "its" is the
        last actor named before it other than the event's other side. Only for a target
        (`exclude`, the source's codes, is None when a source is sought)."""
        if exclude is None or (not exclude and not is_agentless_passive(token)):
            # once the source is known, or when none is named: "Hamas said five of its members
            # had been killed"
            return []
        pronoun = args.possessive_pronoun(slot, token)
        if pronoun is None:
            return []
        subjects = [a for c in tree.children(token) if c.dep_ == "nsubj" for a in args.actors_of(c)]
        if subjects and {_code(a) for a in subjects} <= exclude:
            return []  # "Brazil sent troops to its border": its own, the subject's
        # in its own sentence, an actor word on a noun counts too: "sank three Houthi boats,
        # killing their crews"
        named = args.actors_in(token.doc[args.sent_start[token.i]:pronoun.i])
        before = [s for s in named if _agentive(s) or s.root.dep_ in ("amod", "compound")]
        candidates = [s for s in before if _code(s) not in exclude]
        if not candidates and getattr(self.trigger_of(token), "type", None) in AT_ODDS:
            # "cut ties with Prague, accusing its leaders of meddling": whom the doer is at
            # odds with is another than the doer, named before in the sentence in any role
            candidates = [s for s in named if _code(s) not in exclude]
        candidates = candidates or [p for p in previous if _agentive(p) and _code(p) not in exclude]
        return candidates[-1:]

    def _person_addressed(self, token: Token, args: Arguments, previous: list[Span],
                          sentence: Span, exclude: set) -> list[Span]:
        """'Trump recognised him as Venezuela's leader': "him" or "her" as the object is the
        person last named, other than the doer (`exclude`: asked once the source is known)."""
        pronoun = _object_pronoun(token, ("him", "her"))
        if pronoun is None:
            return []
        named = previous + [s for s in args.actors_in(sentence) if s.end <= pronoun.i]
        people = [s for s in named if _code(s) not in exclude and self._one_person(s, args)]
        return people[-1:] if people and _code(people[-1]) else []  # (no one coded: left open)

    def _side_at_odds(self, token: Token, args: Arguments, sentence: Span, exclude: set) -> list[Span]:
        """'Algeria broke off relations with Morocco, accusing it of hostile acts': "it"
        accused of or blamed for something is the side last named before it in the sentence,
        in any role, other than the doer (not "condemned it as a seizure": "it" is the act)."""
        pronoun = _object_pronoun(token, ("it",))
        if pronoun is None or getattr(self.trigger_of(token), "type", None) != "ACCUSE" or not any(
                c.dep_ == "prep" and c.lower_ in ("of", "for") for c in tree.children(token)):
            return []
        named = [s for s in args.actors_in(sentence) if s.end <= pronoun.i and _code(s) and _code(s) not in exclude]
        return named[-1:]

    def _speaker_harmed(self, token: Token, args: Arguments, exclude: set) -> list[Span]:
        """'Kyiv said Russia had attacked it', 'Poland accused Belarus of attacking them': "it"
        or "them" harmed, in words someone says, is the one who says so."""
        if _object_pronoun(token, ("it", "them")) is None or \
                getattr(self.trigger_of(token), "type", None) not in HARM | {"THREATEN"} or \
                any(c.dep_ == "prep" and c.lower_ in ("against", "on", "at") for c in tree.children(token)):
            return []  # ("use them against Ukraine": the weapons)
        clause = token
        while clause.dep_ in ("pcomp", "pobj", "prep", "ccomp", "conj") and clause.head is not clause:
            clause = clause.head
            if clause.pos_ in ("VERB", "AUX") and clause.lemma_.lower() in self._speech_verbs:
                return [a for c in tree.children(clause) if c.dep_ == "nsubj"
                        for a in args.actors_of(c) if _code(a) and _code(a) not in exclude]
        return []

    @staticmethod
    def _one_person(span: Span, args: Arguments) -> bool:
        """A person by name, or by office: "the Iranian foreign minister", "Britain's ambassador"."""
        if getattr(span._.actor, "kind", None) == "person":
            return True
        root = span.root
        office = root.head if root.dep_ in ("poss", "amod", "compound") else root
        return office.tag_ == "NN" and args.is_role(office)

    def _its_item(self, token: Token, meaning, args: Arguments, sentence: Span) -> Span | None:
        """'the S-300 system … since Iran sought its delivery': 'its' is the weapon named
        before, not an actor; the weapon's producer then supplies it."""
        if meaning.type != "AID" or token.pos_ not in ("NOUN", "PROPN"):
            return None
        if not any(c.dep_ == "poss" and c.lower_ == "its" for c in tree.children(token)):
            return None
        before = [args.item_at[i] for i in range(sentence.start, token.i)
                  if i in args.item_at and args.item_at[i].label_ == "ITEM"]
        return before[-1] if before else None

    def _at_odds(self, sides: list[Span], kinds=AT_ODDS) -> bool:
        """Are these two sides the two of an earlier hostile act in the article (force,
        coercion, a deployment, a threat, an accusation or a measure, either way round; or
        only the `kinds` asked for: FORCE, "has either used force on the other")?"""
        codes = {_code(s) for s in sides}
        return len(codes) == 2 and None not in codes and any(
            act.kind in kinds and {_code(act.actor), *(_code(t) for t in act.targets)} == codes
            for act in self._acts)

    def _group(self, token: Token, slot: str, previous: list[Span], exclude: set) -> list[Span]:
        """'The three governments', 'both countries': the last N distinct actors named
        (other than `exclude`, the event's other side)."""
        if self._sent_start[token.i] not in self._group_sentences:
            return []
        deps = {"subj": ("nsubj",), "obj": ("dobj",), "speaker": ("nsubj",)}.get(slot, ())
        if slot == "subj" and token.pos_ in ("NOUN", "PROPN"):
            token = self._args.carrier(token) or token  # "the four states handed Doha a list of demands"
        children = list(tree.children(token))
        # "sanctions on both countries", "signed a memorandum with the two countries"
        if slot in ("of", "from", "in", "to", "on", "against", "with", "between"):
            deps = ("pobj",)
            preps = [c for c in children if c.dep_ == "prep" and c.lower_ == slot]
            # "out of the country": the second word carries the object
            preps += [p for c in children if c.dep_ in ("prep", "prt") and c.lower_ == "out"
                      for p in tree.children(c) if p.dep_ == "prep" and p.lower_ == slot]
            children = [o for p in preps for o in tree.children(p) if o.dep_ == "pobj"]
        for child in children:
            if child.lower_ == "them" and child.dep_ in deps and slot == "obj" and \
                    getattr(self.trigger_of(token), "type", None) in ADDRESSED:
                # "Putin spoke with the two leaders. He urged them to…": the sides an act just
                # before was aimed at, else the sides just named together ("Kyrgyz and Tajik
                # troops clashed…"); not an act's "them", which is as often the weapons sent
                addressed = self._addressed_before(token, exclude)
                together = self._named_together(previous + self._before(token), exclude)
                if addressed or together and self._just_before(together, token):
                    return addressed or together
                continue
            words = {c.lower_ for c in tree.children(child) if c.dep_ in ("nummod", "det", "predet", "amod")}
            bare_number = child.lower_ in NUMBER_WORDS and child.tag_ == "CD" and "the" in words or \
                child.lower_ == "both" and not words and child.pos_ in ("PRON", "DET") and slot == "obj"  # "accused the three", "urged both"
            sized = SIZE_NOUNS.get(child.lemma_.lower()) if "the" in words else None
            if child.dep_ not in deps or child.lemma_.lower() not in GROUP_NOUNS and not bare_number and not sized:
                continue
            size = NUMBER_WORDS[child.lower_] if bare_number else sized or \
                next((NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS), None)
            if size is None and "each" in words and child.lemma_.lower() == "side":
                size = 2  # "each side accused the other": the two sides
            named = previous + self._before(token)  # "A and B signed … alongside C, who hosted the two leaders"
            non_state = child.lemma_.lower() in NON_STATE_GROUP_NOUNS
            if non_state:  # "blamed the PKK and the YPG … Both groups denied any role"
                named = [p for p in named if not _is_state(p)]
            elif child.lemma_.lower() in ("country", "nation", "state"):  # "the two Nordic countries": states only
                named = [p for p in named if _is_state(p)]
            together = self._named_together(named, exclude)
            if size is None and words & {"those", "these"} and child.tag_ in ("NNS", "NNPS") and together:
                return together  # "ordered diplomats from A, B and C out, accusing those governments…"
            if size is None and words == {"the"} and child.lower_ in ("country", "nation"):
                # "pulled its troops out of the country": the last state named, not a side
                states = [p for p in named if _code(p) and _code(p) not in exclude
                          and _is_state(p) and p[0].pos_ == "PROPN"]  # named as a place, not "Russian instructors"
                return states[-1:]
            if size is None:
                continue
            met = self._met_just_now(token) if size == 2 and not non_state else []
            if met and not {_code(p) for p in met} & exclude:
                return met  # "Mekdad visited Jeddah, and the two sides agreed…": the meeting's sides
            if size == 2 and len(together) == 2 and self._just_before(together, token):
                return together  # "Canada and Australia condemned Iran. Both countries…"
            if size == 2 and not non_state:
                pair = self._last_pair(token)
                if pair and not {_code(p) for p in pair} & exclude:
                    return pair  # the article's main pair, not the last two actors named
            if len(together) == size:  # "the pact between A, B and C … accused the three"
                return together
            picked = _latest_distinct([p for p in named if p.root.dep_ in GROUP_MEMBER_DEPS], size, exclude)
            if not picked and size > 2:
                # "Erdogan hosted Putin and Rouhani…. The three leaders agreed": those met count too
                picked = _latest_distinct(named, size, exclude)
            if picked:
                return picked
            if size == 2 and not non_state:  # "Guyana accused Venezuela…. Lula telephoned both leaders": the pair
                pair = self._last_pair(token)
                if pair and not {_code(p) for p in pair} & exclude:
                    return pair
        return []

    def _addressed_before(self, token: Token, exclude: set) -> list[Span]:
        """The two or more sides the latest act of the token's sentence, or the one before,
        was aimed at ("accused the three of interfering")."""
        since = self._previous_sentence_start(token)
        for act in reversed(self._acts):
            if act.at < since:
                break
            sides = list({_code(t): t for t in act.targets if _code(t) and _code(t) not in exclude}.values())
            if len(sides) >= 2 and act.at < token.i:
                return sides
        return []

    @staticmethod
    def _named_together(named: list[Span], exclude: set) -> list[Span]:
        """The latest actors named as one coordination ("Argentina, Chile and Peru"), two or more."""
        for span in reversed(named):
            joined = {span.root.i} | {c.i for c in span.root.conjuncts}
            members = list({_code(p): p for p in named if p.root.i in joined
                            and _code(p) and _code(p) not in exclude}.values())
            if len(members) >= 2:
                return members
        return []

    @staticmethod
    def _broke_out(noun: Token) -> bool:
        """'Fighting erupted the next morning', 'fresh fighting broke out on Oct 15': fighting
        told as a main clause's news with no side named (not "since the fighting began")."""
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.lemma_.lower() not in BREAKING_OUT:
            return False
        if verb.lemma_.lower() == "break" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tree.children(verb)):
            return False
        main = verb
        while main.dep_ == "conj":
            main = main.head
        return main.dep_ == "ROOT" and not any(c.dep_ == "mark" for c in tree.children(verb)) and \
            not any(c.dep_ in ("poss", "compound", "amod") and c.ent_type_ in ("NORP", "GPE") for c in tree.children(noun))

    def _met_just_now(self, token: Token) -> list[Span]:
        """'Mekdad visited Jeddah, and the two sides agreed…': the sides of the meeting told
        in the clause the act is joined to (its subject and its object)."""
        clause = token.head if self._carried(token) or token.dep_ == "xcomp" else token
        if clause.dep_ != "conj" or clause.head.pos_ not in ("VERB", "AUX") or \
                getattr(self.trigger_of(clause.head), "type", None) != "CONSULT":
            return []
        # (one on each side: not "A and B hosted C and D")
        subjects = {_code(s): s for s in self._args.fill("subj", clause.head, []) if _code(s)}
        objects = {_code(s): s for s in self._args.fill("obj", clause.head, []) or
                   self._places().fill("obj", clause.head, []) if _code(s) and _code(s) not in subjects}
        return [*subjects.values(), *objects.values()] if len(subjects) == 1 and len(objects) == 1 else []

    def _just_before(self, spans: list[Span], token: Token) -> bool:
        """Are the spans all in the token's sentence or the one before it?"""
        previous = self._previous_sentence_start(token)
        return all(previous <= s.start < token.i for s in spans)

    def _previous_sentence_start(self, token: Token) -> int:
        """Where the sentence before the token's starts (its own, for the first)."""
        start = self._sent_start[token.i]
        return self._sent_start[start - 1] if start > 0 else start

    def _last_pair(self, token: Token) -> list[Span]:
        """'The two governments', 'both countries': the two actors the lead names, else the
        pair the article's acts so far join most often (the latest such act breaks ties)."""
        if len(self._lead_actors) == 2 and all(_is_state(a) for a in self._lead_actors):
            return self._lead_actors  # a lead about two states makes them the article's pair
        counts, _, latest = self._pairs(before=self._sent_start[token.i])
        if not counts:
            return []
        best = max(counts, key=lambda k: (counts[k], latest[k][0]))
        return latest[best][1]

    def _before(self, token: Token) -> list[Span]:
        """Actors named earlier in the token's sentence."""
        return [s for s in self._actor_spans if self._sent_start[token.i] <= s.start and s.end <= token.i]

    def _parties_again(self, token: Token, sentence: Span, pronouns: tuple[str, ...] = ()) -> list[Span]:
        """'Egypt and Turkey held talks in Cairo. The sides agreed to…', '… the envoys agreed':
        "the" and a plural group noun, unnumbered (or one of `pronouns`), as a mutual act's
        subject are the parties of the mutual act told just before."""
        clause = token.head if self._carried(token) or token.dep_ == "xcomp" else token
        if pronouns:
            if not any(c.dep_ == "nsubj" and c.lower_ in pronouns for c in tree.children(clause)):
                return []
        elif not any(c.dep_ == "nsubj" and c.tag_ == "NNS" and c.lemma_.lower() in GROUP_NOUNS
                   and any(d.dep_ == "det" and d.lower_ == "the" for d in tree.children(c))
                   and not any(d.dep_ in ("nummod", "compound", "poss") or d.i in self._args.actor_at
                               for d in tree.children(c))
                   for c in tree.children(clause)):
            return []
        told = [a for a in self._acts if a.kind in MUTUAL and a.targets
                and sentence.start - ANSWER_WINDOW <= a.at < sentence.start]
        if not told:
            return []
        last = told[-1]
        return list({_code(s): s for s in [last.actor, *last.targets] if _code(s)}.values())

    def _pair(self, token: Token, sentence: Span, previous: list[Span]) -> list[Span] | None:
        text = self._text(sentence).lower()
        if not any(p in text for p in PAIR_PHRASES):
            return None
        met = self._met_just_now(token)
        if met:
            return met
        main = self._last_pair(token)
        if main:
            return main
        codes, pair = set(), []
        for span in reversed(previous):
            code = _code(span)
            if code and code not in codes:
                codes.add(code)
                pair.append(span)
            if len(pair) == 2:
                return pair[::-1]
        return None

    def _producers(self, items: list[Span], args: Arguments, receiver: Token | None = None) -> list[Span]:
        """Who made the items: the actor adjectives on them ('Iranian-made Mohajer-6s and
        Turkish-built TB2s': each maker), else the catalogue's maker of the first it knows.
        `receiver` is a verb of receiving, whose subject is the recipient, not the maker."""
        found: list[Span] = []
        for item in items:
            start = max(item.start - 3, args.sent_start[item.start])
            if receiver is not None and receiver.i < item.start:
                start = max(start, receiver.i + 1)  # not "Russia" in "Russia received Iranian drones"
            left = item.doc[start:item.end]
            found += [a for a in args.actors_in(left)[:1] if _code(a) not in {_code(f) for f in found}]
        if found:
            return found
        for item in items:
            producer = getattr(item._.item, "producer", None)
            if producer:
                entry = self.actors.state(producer)
                if entry is not None:
                    span = Span(item.doc, item.start, item.end, label=producer)
                    remember_actor(span, entry)
                    return [span]
        return []

    def _members(self, spans: list[Span]) -> list[Span]:
        """A group of named states ("the E3", "the three European powers") acts as each of
        them: one span per member, over the group's words."""
        out = []
        for span in spans:
            members = getattr(actor_of(span), "members", ())
            if not members:
                out.append(span)
                continue
            for code in members:
                entry = self.actors.state(code)
                if entry is not None:
                    member = Span(span.doc, span.start, span.end, label=code)
                    remember_actor(member, entry)
                    out.append(member)
        return out

    # -- records -----------------------------------------------------------------------------
    def _records(self, f: Found, sentence: Span, doc: Doc, doc_id: str, name: str | None,
                 args: Arguments) -> list[Event]:
        records, pairs = [], set()
        sides = [(source, target) for source in self._members(f.sources) for target in self._members(f.targets)]
        if f.meaning.lemma == "bring together":
            # "Qatar brought Tshisekedi and Kagame together": the two meet as well as their host
            brought = self._members(f.targets)
            sides += [(a, b) for i, a in enumerate(brought) for b in brought[i + 1:]]
        for source, target in sides:
            pair = (_code(source), _code(target))
            if pair[0] == pair[1] or not pair[0] or not pair[1] or pair in pairs or \
                    f.meaning.type in MUTUAL and pair[::-1] in pairs:
                continue  # one event per pair of actors (a mutual act, either way round)
            if (source.start, source.end) == (target.start, target.end):
                continue  # two members of one group named as one ("the P5+1")
            pairs.add(pair)
            records.append(self._event(f, source, target, sentence, doc, doc_id, name, args))
        return records

    def _event(self, f: Found, source: Span, target: Span | None, sentence: Span, doc: Doc,
               doc_id: str, name: str | None, args: Arguments, type_: str | None = None,
               reading: Reading | None = None) -> Event:
        type_ = type_ or f.meaning.type
        reading = reading or f.reading
        mode = self._mode(type_, f) if type_ == f.meaning.type else None
        date, precision = self._date(f.trigger, sentence, doc)
        trigger = f.trigger
        attribution = self._attribution(reading, args)
        status = reading.status
        if status == "reported" and type_ in VERBAL and any(_code(source) in a.actors for a in attribution):
            status = "asserted"  # "the State Department said … and urged Beijing": saying is doing
        elif status == "alleged" and any(_code(source) in a.actors for a in attribution) and \
                reading.attribution_head is not None and reading.attribution_head.dep_ == "nsubj" and \
                not any(c.dep_ == "neg" for c in tree.children(reading.attribution_head.head)):
            # "Hamas claimed the attack": a side's claim of its own act is no allegation (but
            # "Israel has not acknowledged the strike" or "Belarus has been accused of" leave it alleged)
            status = "reported"
        if reading.negated and type_ == f.meaning.type and any(
                _code(source) in a.actors for a in attribution):
            # "Araghchi wrote that Iran had not delivered missiles": the actor denies its own act
            status = "denied"
            attribution = [a.model_copy(update={"stance": "denies"}) for a in attribution]
        # A cooperative act promised or planned is, in CAMEO and PLOVER, an intention (AGREE)
        intended = self.ontology.intended(type_, status, reading.negated)
        context = [mode] if mode in ("military", "economic") else []
        return Event(
            event_id=Event.make_id(doc_id, sentence.start_char, trigger.idx, type_,
                                   _code(source) or "", (_code(target) or "") if target is not None else ""),
            doc=name, doc_id=doc_id, sentence=self._text(sentence),
            span=(trigger.idx, trigger.idx + len(trigger.text)), trigger=trigger.text,
            date=date, date_precision=precision,
            source=_mention(source, self._text(source)),
            target=_mention(target, self._text(target)) if target is not None else None,
            type=type_, mode=mode, context=context,
            cameo=self._safe(self.ontology.cameo_for, type_, mode, context, intended),
            intensity=self._safe(self.ontology.intensity_for, type_, mode, intended),
            quad=self._safe(self.ontology.quad_for, type_, intended),
            status=status, negated=reading.negated,
            attribution=attribution,
            items=[to_item(i) for i in f.items] if type_ == f.meaning.type else [],
            location=self._location(trigger),
            confidence=0.8 if reading.status == "asserted" else 0.7,
            provenance=Provenance(extractor=self.extractor),
        )

    @staticmethod
    def _safe(method, *a):
        try:
            return method(*a)
        except (KeyError, ValueError):
            return None

    def _mode(self, type_: str, f: Found) -> str | None:
        words = self.lexicon.modes.get(type_, {})
        if type_ == "AID" and any(i.label_ == "ITEM" and _military(i) for i in f.items):
            return "military"
        phrase = [f.trigger] + [c for c in tree.children(f.trigger) if c.dep_ in ("amod", "compound")
                                or type_ == "AID" and c.dep_ == "dobj"]  # "sent troops"
        if type_ == "AGREE" and f.trigger.dep_ in ("dobj", "nsubjpass"):
            phrase.append(f.trigger.head)  # "signed a treaty": the verb says how it was agreed
        phrase += [t for s in f.sources for t in s] + [t for i in f.items for t in i]
        for token in phrase:
            mode = words.get(token.lower_) or words.get(token.lemma_.lower())
            if mode:
                return mode
        return None

    def _attribution(self, reading: Reading, args: Arguments) -> list[Attribution]:
        if not reading.attribution_text:
            return []
        codes = []
        if reading.attribution_head is not None:
            codes = [_code(s) for s in args.actors_of(reading.attribution_head) if _code(s)]
        return [Attribution(text=reading.attribution_text, actors=codes, stance=reading.stance)]

    def _date(self, trigger: Token, sentence: Span, doc: Doc) -> tuple[str | None, str | None]:
        """The event's date: the DATE entity nearest the trigger, else the document's date
        (cached per trigger: a list of actors makes many events of one trigger)."""
        if self._dated.get("doc") is not doc or self._dated.get("i") != trigger.i:
            self._dated = {"doc": doc, "i": trigger.i, "value": self._find_date(trigger, sentence, doc)}
        return self._dated["value"]

    def _find_date(self, trigger: Token, sentence: Span, doc: Doc) -> tuple[str | None, str | None]:
        if self._dates[0] is not doc:  # doc.ents builds every entity span anew: once per document
            published = doc._.date
            self._dates = (doc, [(e.start, e.text) for e in doc.ents if e.label_ == "DATE"],
                           published, _relative_base(published), {})
        _, all_dates, published, base, parsed_texts = self._dates
        dates = [(start, text) for start, text in all_dates if sentence.start <= start < sentence.end]
        for _, text in sorted(dates, key=lambda d: abs(d[0] - trigger.i)):  # "for a week on Monday"
            if text not in parsed_texts:  # (each date of the document read once)
                parsed_texts[text] = parse_date(text, base, any_language=False)
            if parsed_texts[text]:
                return parsed_texts[text]
        if published:
            parsed = parse_date(published)
            if parsed:
                return parsed
        return None, None

    def _location(self, trigger: Token) -> Location | None:
        for child in tree.children(trigger):
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                for obj in tree.children(child):
                    if obj.dep_ == "pobj" and obj.ent_type_ in ("LOC", "FAC", "GPE") and obj.ent_type_:
                        words = list(tree.subtree(obj))
                        text = obj.doc[words[0].i:words[-1].i + 1].text
                        entry = self.actors.resolve(text)
                        return Location(text=text, country=getattr(entry, "country", None))
        return None

    # -- judgements: "called the transfer an escalation" --------------------------------------
    @staticmethod
    def _views_holding(word: Token, verb: Token) -> list[Token]:
        """The nouns between a judging word and its verb whose clause holds it ("the US
        finding that Russia was in breach": finding)."""
        return [t.head for t in path_up(word, verb)
                if t.dep_ in ("ccomp", "acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN")]

    @staticmethod
    def _judges_its_own(words: list[Token], own: set, sentence: Span, args: Arguments) -> bool:
        """'Insisted that all its targets were terrorists': a judgement of what is the
        speaker's own (its targets, their victims: no other side named before the pronoun)
        judges no one the article has named."""
        pronouns = [c for w in words for s in tree.children(_clause_of(w)) if s.dep_ in ("nsubj", "nsubjpass")
                    for c in tree.children(s) if c.dep_ == "poss" and c.lower_ in ("its", "their", "our")]
        return any(not [a for a in args.actors_in(sentence[:p.i - sentence.start]) if _code(a) not in own]
                   for p in pronouns)

    def _judgements(self, sentence: Span, candidates: list[Token], acts: list[Act], doc: Doc, doc_id: str,
                    name: str | None, args: Arguments, previous: list[Span]) -> list[Event]:
        """Speech that judges or menaces. A speaker who calls what others did a threat, a
        crime or a provocation accuses them; one who says they "will pay a price" threatens
        them. The accused are the actors the judgement names outside the judging word's own
        phrase ("a threat to Europe" names the victim); the threatened are the actors the
        menace names. Failing those, the actor of the latest act. `candidates` are the sentence's
        trigger candidates, among them every evaluative verb."""
        verbs = self.status.words["evaluative_verbs"]
        proceedings = self.status.words["proceeding_nouns"]  # "the genocide case"
        records = []
        for verb in candidates:
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in verbs:
                continue
            if self._dismisses_claims(verb):
                continue  # "described the claims as lies" rejects them (a REJECT event)
            unwanted = self.lexicon.excluded_objects.get(verb.lemma_.lower(), ())
            objects = [c for c in tree.children(verb) if c.dep_ == "dobj"]
            verdict = any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") for c in tree.children(verb))
            if not verdict and (any(c.lemma_.lower() in unwanted for c in objects) or
                                (meaning := self.lexicon.trigger(verb.lemma_, "VERB")) is not None and
                                self._retyped_by_object(meaning, objects) is not None):
                continue  # "called an early election", "called a meeting of the council": not judged
                # (but "called the meeting regrettable" judges it)
            subject = _speech_subject(verb)
            speakers = args.actors_of(subject) if subject is not None else []
            if not speakers and subject is not None and subject.head == verb:
                speakers = self._group(verb, "speaker", previous, set())
            if not speakers and subject is not None:
                # "…, he warned", "It called…": the speaker a pronoun stands for, found as for
                # every other trigger (a subject before a possessor, a person for "he")
                speakers = self._resolve_pronouns([], subject.head, args, previous, sentence, "subj")
            if not speakers or any(c.dep_ == "neg" for c in tree.children(verb)):
                continue
            # what is said, not where or when ("in the letter to the council, X called…")
            # (nor a clause of its own the parser hangs on the verb: "…, while Spain offered…")
            said = [t for c in tree.children(verb) if c.dep_ not in ("nsubj", "nsubjpass", "csubj", "aux", "neg", "punct")
                    and not (c.dep_ == "prep" and c.lower_ in SETTING_PREPS)
                    and not (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONTRASTING
                                                        for m in tree.children(c)))
                    for t in tree.subtree(c)]
            own = {_code(s) for s in speakers}
            answering = self.status.words["answering_words"]
            # two-word cues: a word after its head ("at risk") or before it ("red line")
            forms = [(t, t.lemma_.lower(), t.lower_, f"{tree.head_lower(t)} {t.lower_}", f"{t.lower_} {tree.head_lower(t)}")
                     for t in said]
            menacing = False  # a menace was found
            for type_, words_key in (("THREATEN", "threatening_words"), ("ACCUSE", "accusing_words"),
                                     ("ACCUSE", "answering_words"), ("SUPPORT", "praising_words")):
                cues = self.status.words[words_key]
                words = [t for t, lemma, lower, pair, pair_before in forms
                         if lemma in cues or lower in cues or pair in cues or pair_before in cues]
                if menacing:  # after a menace, only the judging verb's own words judge
                    words = [w for w in words if _clause_of(w) == verb]
                if type_ == "THREATEN" and not any(t.dep_ == "aux" and t.lower_ in FUTURE_AUX for t in said):
                    # "reserved the right to respond": held in prospect without a future tense
                    # (a force verb there, "the right to retaliate", is its own THREATEN event)
                    words = [w for w in words if self._held_in_prospect(w)
                             and getattr(self.trigger_of(w), "type", None) not in FORCE]
                words = [w for w in words if not _cue_negated(w)]  # "harboured no hostile intent"
                words = [w for w in words if not (w.dep_ == "compound" and w.head.lemma_.lower() in proceedings)]
                if type_ == "ACCUSE":
                    # "warned that any aggression would meet a response": a wrong still to come
                    # is a menace, not an accusation ("said any interference was unacceptable"
                    # is one); and "called the move an attack", not "said the attack…"
                    words = [w for w in words if not _wrong_to_come(w) and (
                        w.lemma_.lower() not in self._predicative_only or _called_as(w, verb))]
                if type_ == "SUPPORT":
                    # "its legitimate right to resist": what a speaker claims for itself
                    words = [w for w in words
                             if not any(c.dep_ == "poss" for c in (w.head if w.dep_ == "amod" else w).children)]
                if not words:
                    continue
                meaning = self.lexicon.trigger(JUDGING_VERBS[type_], "VERB")
                asked = Found(verb, meaning, speakers, [], [], Reading())
                if type_ == "SUPPORT":
                    targets = self._praised(verb, own, said, acts, sentence, args, previous)
                elif words_key == "answering_words":
                    # "said its barrage was retaliation for Israel's strike": the speaker
                    # accuses whoever did what it answers
                    targets = self._provokers(words, own, acts, sentence)
                else:
                    # the accusing word's own phrase names the victim ("a threat to Europe"), but
                    # not its possessor, the accused ("said Tehran's breaches left them no choice")
                    victims = {t.i for w in words for c in tree.children(w) if c.dep_ not in ("poss", "nsubj")
                               for t in tree.subtree(c)} if type_ == "ACCUSE" else set()
                    # also of the noun a judging adjective qualifies ("a dangerous precedent
                    # for Europe": Europe is endangered, not accused)
                    # ("illegal attacks by Azerbaijan on Armenian territory": Armenia is struck)
                    victims |= {t.i for w in words if w.dep_ == "amod" and type_ == "ACCUSE"
                                for c in tree.children(w.head) if c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "against")
                                for t in tree.subtree(c)}
                    # and the harmed the wrong is said of ("Polish victims of the occupation")
                    wrongs = [w.head if w.dep_ == "conj" else w for w in words] if type_ == "ACCUSE" else []
                    victims |= {t.i for w in wrongs if w.dep_ == "pobj" and w.head.lower_ == "of"
                                and w.head.head.lemma_.lower() in self.lexicon.words("harmed_nouns")
                                for c in tree.children(w.head.head) if c.dep_ in ("amod", "compound", "poss", "nmod")
                                for t in tree.subtree(c)}
                    # nor the doer of a participle on it ("the threats posed by Iran"), or of
                    # the noun a judging adjective qualifies ("illegal attacks by Azerbaijan")
                    doers = {a.i for w in words for t in tree.subtree(w)
                             if t.dep_ == "agent" or t.dep_ == "prep" and t.lower_ == "by" for a in tree.subtree(t)} | \
                        {a.i for w in words for c in tree.children(w) if c.dep_ == "poss" for a in tree.subtree(c)} | \
                        {a.i for w in words if w.pos_ in ("VERB", "AUX") for c in tree.children(w)  # "said Moscow was violating…"
                         if c.dep_ == "nsubj" for a in tree.subtree(c)} | \
                        {a.i for w in words if w.dep_ == "amod" for c in tree.children(w.head)
                         if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for a in tree.subtree(c)}
                    if any(w.dep_ == "oprd" or w.head.dep_ == "oprd" for w in words):
                        # "what it called illegal attacks by Azerbaijan on Armenian territory": the
                        # parser hangs the named act's phrases on the naming verb
                        victims |= {t.i for c in tree.children(verb) if c.dep_ == "prep" and c.lower_ in ("on", "against")
                                    for t in tree.subtree(c)}
                        doers |= {t.i for c in tree.children(verb) if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
                                  for t in tree.subtree(c)}
                    victims -= doers
                    # nor whose view the judgement is ("backed the US finding that Russia was in
                    # breach": the US found, Russia is judged)
                    victims |= {t.i for w in words for noun in self._views_holding(w, verb)
                                for c in tree.children(noun) if c.dep_ in ("compound", "poss", "amod")
                                for t in tree.subtree(c)}
                    judged = [t for t in said if _clause_of(t) == verb] if menacing else said
                    named = [s for s in args.actors_in(judged) if s.start not in victims and _code(s) not in own]
                    if type_ == "ACCUSE" and any(s.start in doers for s in named):
                        named = [s for s in named if s.start in doers]  # the doer named is the accused
                    if type_ == "THREATEN":  # a menace names whom it menaces, or answers an act
                        targets = named or (self._answered(asked, acts, sentence)
                                            if any(w.lemma_.lower() in answering for w in words) else [])
                    else:
                        # the speakers' own act in this sentence first ("summoned the US
                        # envoy, saying any interference was unacceptable"), then what they answer
                        # (a hostile one: "visited Warsaw and called it a mistake" accuses no host)
                        pursued = [a for a in acts if a.kind not in TIES]
                        here = [a for a in pursued if a.at >= sentence.start]
                        # (after a menace, what is answered came before: not "called the step illegal
                        # and warned…, while Russia and China sided with Tehran")
                        prior = [a for a in acts if a.at < verb.i] if menacing else acts
                        targets = named if named or self._judges_its_own(words, own, sentence, args) else \
                            self._pursued(speakers, here, sentence, verb.i) \
                            or self._answered(asked, prior, sentence) or self._pursued(speakers, pursued, sentence, verb.i)
                if targets:
                    found = Found(verb, meaning, speakers, targets, [], Reading())
                    records += self._records(found, sentence, doc, doc_id, name, args)
                    if type_ != "THREATEN":
                        break  # one judgement per verb
                    # a menace is not also an accusation, but the judging verb's own words may
                    # judge: "called the mutiny treason and vowed that its leaders would pay"
                    menacing = True
            else:
                obliged = self._obliged(verb, own, args)
                if obliged:  # "Paris said Baghdad must cooperate": a demand of Baghdad
                    found = Found(verb, self.lexicon.trigger("demand", "VERB"), speakers, obliged, [], Reading())
                    records += self._records(found, sentence, doc, doc_id, name, args)
        return records

    # -- votes: "Russia and China voted against it" -------------------------------------------
    def _votes(self, verbs: list[Token], sentence: Span, acts: list[Act], doc: Doc, doc_id: str,
               name: str | None, args: Arguments) -> list[Event]:
        """A vote for or against a measure of an international body. The measure is the body's
        latest act before the vote: voting for it joins in it ("voted for the censure of Iran"
        accuses Iran); voting against a hostile one backs its target, against a friendly one
        rejects it."""
        records = []
        for verb in verbs:
            side = _vote_side(verb)
            voters = args.fill("subj", verb, []) if verb.pos_ in ("VERB", "AUX") else []
            measure = next((a for a in reversed(acts) if a.at < verb.i and a.targets and
                            getattr(actor_of(a.actor), "kind", None) == "igo" and
                            a.actor.start >= sentence.start - ANSWER_WINDOW), None)
            if side is None or not voters or measure is None:
                continue
            hostile = measure.kind in HOSTILE_MEASURES
            if side == "for":
                kind = measure.kind if measure.kind in self.ontology.types else None
            else:
                kind = "SUPPORT" if hostile else "REJECT"
            if kind is None:
                continue
            found = Found(verb, replace(self.lexicon.trigger("support", "VERB"), type=kind), voters,
                          list(measure.targets), [], Reading())
            records += self._records(found, sentence, doc, doc_id, name, args)
        return records

    def _praised(self, verb: Token, own: set, said: list[Token], acts: list[Act], sentence: Span,
                 args: Arguments, previous: list[Span]) -> list[Span]:
        """Whom praise backs: the actors it names ("called him the legitimate president"),
        else the other sides of the act it judges ("called the talks constructive", "the
        withdrawal a positive step"): of that kind when the judged noun names one, else the
        latest act that is no hostile one. Praise of oneself backs no one."""
        named = [s for s in args.actors_in(said) if _code(s)]
        if any(_code(s) in own for s in named):
            return []  # "calling Denmark a good and strong ally"
        if named:
            return named
        judged = [c for c in tree.children(verb) if c.dep_ == "dobj"] + \
            [s for c in tree.children(verb) if c.dep_ == "ccomp" for s in tree.children(c) if s.dep_ in ("nsubj", "nsubjpass")]
        if any(j.lower_ in ("him", "her") for j in judged):  # the person named last before
            people = [s for s in previous + [s for s in args.actors_in(sentence) if s.end <= verb.i]
                      if getattr(actor_of(s), "kind", None) == "person" and _code(s) not in own]
            return people[-1:]
        kinds = {m.type for j in judged if (m := self._noun_meaning(j)) is not None}
        inside = {t.i for t in said}
        recent = [a for a in acts if (a.at < verb.i or a.at in inside) and a.kind in self.ontology.types
                  and a.actor.start >= sentence.start - ANSWER_WINDOW
                  and (a.kind in kinds if kinds else a.kind not in PROVOKING | {"ACCUSE", "REJECT"})]
        for act in reversed(recent):
            if _code(act.actor) in own:
                if act.kind in PROVOKING:
                    return []  # its own strike called a success backs no one
                others = [t for t in act.targets if _code(t) not in own]
            else:
                others = [act.actor] + [t for t in act.targets if _code(t) not in own and act.kind in MUTUAL]
            if others:
                return list({_code(o): o for o in others}.values())
        return []

    def _obliged(self, verb: Token, own: set, args: Arguments) -> list[Span]:
        """Those a speaker says must or should act: the subjects of the clauses it says with
        an auxiliary of obligation, other than the speaker itself."""
        found = []
        for clause in (c for c in tree.children(verb) if c.dep_ == "ccomp"):
            expected = clause.lemma_.lower() in EXPECTATION_VERBS and is_passive(clause)  # "was expected to"
            if not expected and not any(a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in tree.children(clause)):
                continue
            if any(a.dep_ == "neg" for a in tree.children(clause)):
                continue  # "must not be allowed": a warning, not a demand of the subject
            for subject in (c for c in tree.children(clause) if c.dep_ in ("nsubj", "nsubjpass")):
                found += [s for s in args.actors_of(subject) if _code(s) not in own]
        return found

    def _provokers(self, words: list[Token], own: set, acts: list[Act], sentence: Span) -> list[Span]:
        """Who did the hostile acts that answering words ("retaliation for …", "a response to
        …") name: the acts' actors in the phrase, else the latest earlier act of that kind."""
        inside = {t.i for w in words for t in tree.subtree(w) if t != w}
        named = [a.actor for a in acts if a.at in inside and a.kind in PROVOKING and _code(a.actor) not in own]
        if named:
            return list({_code(a): a for a in named}.values())
        kinds = {m.type for i in sorted(inside) if (m := self.trigger_of(sentence.doc[i])) is not None
                 and m.type in PROVOKING}
        earlier = [a for a in acts if a.kind in kinds and a.at < sentence.start and _code(a.actor) not in own]
        return [earlier[-1].actor] if earlier else []

    # -- events implied by reports and denials -------------------------------------------------
    def _accusations_and_denials(self, found: list[Found], sentence: Span, doc: Doc,
                                 doc_id: str, name: str | None, args: Arguments) -> list[Event]:
        """'U.S. intelligence says Iran sent drones' is also the U.S. accusing Iran; a denial
        of it is Iran rejecting the accusers; and a doer admitting a harm it did ("Iran
        admitted its forces shot down the airliner") concedes to those it harmed."""
        records: list[Event] = []
        accusers: list[Span] = []
        admitting = self.status.words["admission_verbs"]
        for f in found:
            head = f.reading.attribution_head
            if head is None or f.reading.status not in ("reported", "alleged"):
                continue
            if head.head.lemma_.lower() in admitting and f.meaning.type in PROVOKING and f.targets \
                    and not any(c.dep_ == "neg" for c in tree.children(head.head)) \
                    and {_code(s) for s in args.actors_of(head)} == {_code(s) for s in f.sources}:
                for source in f.sources:
                    for target in f.targets:
                        records.append(self._event(replace(f, trigger=head.head), source, target, sentence,
                                                   doc, doc_id, name, args, type_="CONCEDE", reading=Reading()))
                continue
            if f.meaning.type not in ACCUSABLE or self._blamed_for(f.trigger) is not None:
                continue  # (one said to be behind an act is accused by the copula's own event)
            named_weapon = any(hasattr(i._.item, "producer") for i in f.items)  # a catalogued system
            if f.meaning.type == "AID" and ((not f.targets and not named_weapon) or self._mode("AID", f) != "military"):
                continue  # only arming someone named, or with a named weapon, is held against the supplier
            if f.reading.via_according:
                continue
            # (one harmed who says so accuses; one armed who says so does not)
            involved = {_code(s) for s in f.sources + (f.targets if f.meaning.type == "AID" else [])}
            # "Tehran accused Riyadh of bombing…": the telling verb is itself the accusation
            told = {(_code(s), _code(t)) for g in found if g.trigger.i == head.head.i and g.meaning.type == "ACCUSE"
                    for s in g.sources for t in g.targets}
            for accuser in args.actors_of(head):
                if getattr(actor_of(accuser), "kind", None) == "media":
                    continue  # "the BBC reported that…": news, not a charge
                for source in f.sources:
                    if (_code(accuser), _code(source)) in told:
                        accusers.append(accuser)  # (a denial still answers it)
                    elif _code(accuser) and _code(source) and _code(accuser) not in involved:
                        accusers.append(accuser)
                        records.append(self._event(
                            f, accuser, source, sentence, doc, doc_id, name, args,
                            type_="ACCUSE", reading=Reading()))
        for f in found:
            if f.reading.status != "denied" or f.reading.denier is None:
                continue
            for denier in args.actors_of(f.reading.denier):
                others = [a for a in accusers if _code(a) != _code(denier)] or \
                    self._accusers_before(denier, f.trigger) or [None]
                for accuser in others:
                    records.append(self._event(
                        f, denier, accuser, sentence, doc, doc_id, name, args,
                        type_="REJECT", reading=Reading()))
        return records

    def _accusers_before(self, denier: Span, denial: Token) -> list[Span]:
        """'U.S. officials said Iran armed the Houthis. Iran denies it': a denial with no
        accuser named with it answers the latest accusation or report against the denier
        before it, in its sentence ("Tripoli accused Moscow…; the Kremlin denied…") or
        the ones just before."""
        start = self._sent_start[denial.i]
        claims = [a for a in _claims_against(self._acts, {_code(denier)})
                  if (a.at < start or a.at < denial.i and a.kind == "ACCUSE")  # (in its sentence, an accusation)
                  and a.actor.start >= start - ANSWER_WINDOW]
        if not claims:
            return []
        last = claims[-1].at
        return list({_code(a.actor): a.actor for a in claims if a.at == last}.values())


def _conditions(trigger: Token) -> list[Token]:
    """The 'if …'/'unless …' clauses an act is held out on: '…unless Chad agrees'."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return [c for v in (verb, verb.head) for c in tree.children(v)
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in tree.children(c))]


def _claims_against(acts: list[Act], own: set) -> list[Act]:
    """Accusations and reports by others aimed at any of `own`, in document order."""
    return [a for a in acts if a.kind in ("ACCUSE", "REPORT") and _code(a.actor) not in own
            and {_code(t) for t in a.targets} & own]


def _between_sides(verb: Token) -> bool:
    """'Serbia and Kosovo agreed…', 'agreed with Kyiv to…': a verb of two sides or more."""
    return any(c.dep_ == "nsubj" and c.conjuncts for c in tree.children(verb)) or \
        any(c.dep_ == "prep" and c.lower_ == "with" for c in tree.children(verb))


def _claim_taken_for_a_modifier(verb: Token) -> bool:
    """'…, a charge Ethiopia's foreign ministry rejected': the parser makes the claim noun a
    modifier of the relative clause's subject and hangs the clause on the word before the
    comma; the clause still answers a claim set in apposition."""
    if verb.dep_ != "relcl":
        return False
    subject = next((c for c in tree.children(verb) if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    first = subject.left_edge
    doc = verb.doc
    return first.i >= 2 and first.lower_ in ("a", "an") and doc[first.i - 1].text == "," and \
        doc[first.i + 1].lemma_.lower() in CLAIM_NOUNS and doc[first.i + 1].dep_ in ("amod", "compound", "nmod")


def _clause_of(token: Token) -> Token:
    """The verb whose clause a word is in (the word itself if it is one; the root of a
    sentence with no verb above the word)."""
    while token.pos_ not in ("VERB", "AUX") and token.head != token:  # (a root's head is a new,
        token = token.head                                             # equal Token, never itself)
    return token


def _no_grounds(clause: Token) -> bool:
    """'(said) the finding had no basis in fact': a claim said to have no grounds."""
    return clause.lemma_.lower() == "have" and \
        any(c.dep_ == "nsubj" and c.lemma_.lower() in CLAIM_NOUNS for c in tree.children(clause)) and \
        any(c.dep_ == "dobj" and c.lemma_.lower() in GROUNDS and
            any(d.dep_ == "det" and d.lower_ == "no" for d in tree.children(c)) for c in tree.children(clause))


def _claim_called_false(verb: Token) -> bool:
    """'(Somalia said) the accusation was false': a copula, said by someone, whose subject is a claim."""
    return verb.lemma_.lower() == "be" and verb.dep_ == "ccomp" and \
        any(c.dep_ == "nsubj" and c.lemma_.lower() in CLAIM_NOUNS for c in tree.children(verb))


def _conditional(trigger: Token) -> bool:
    return bool(_conditions(trigger))


def _latest_distinct(spans: list[Span], size: int, exclude: set) -> list[Span]:
    """The latest `size` actors of distinct codes among the spans, in text order (none if
    fewer are named)."""
    picked, codes = [], set()
    for span in reversed(spans):
        code = _code(span)
        if code and code not in codes and code not in exclude:
            codes.add(code)
            picked.append(span)
        if len(picked) == size:
            return picked[::-1]
    return []


def _is_state(span: Span) -> bool:
    code = _code(span)
    return bool(code) and len(code) == 3 and code.isupper() and code in ISO_CODES


def _says_a_clause(verb: Token) -> bool:
    """Does the verb take the clause that follows it as what is said ("fired back that the
    charges were lies", "hit back, saying…")? Only a "that" clause counts: the parser also hangs
    a trailing "officials said" or a free relative ("struck what it called…") on the verb."""
    if any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tree.children(verb)) and any(
            c.dep_ == "advcl" and c.lemma_.lower() == "say" for c in tree.children(verb)) and not any(
            c.dep_ in ("dobj", "prep") for c in tree.children(verb)):
        return True  # "hit back, saying the sanctions were illegal" (not "hit back at positions, saying…")
    return any(c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in tree.children(c))
               for c in tree.children(verb))


def _each_other(trigger: Token) -> bool:
    """'accused each other', 'blamed one another', 'each side accused the other', 'talks
    with each other': the act's object is the other of its (plural) actors."""
    objects = [c for c in tree.children(trigger) if c.dep_ in ("dobj", "dative")]
    objects += [o for c in tree.children(trigger) if c.dep_ == "prep" for o in tree.children(c) if o.dep_ == "pobj"]
    words = {"other": ("each", "the"), "another": ("one",), "one": ("another",)}  # (as parsed)
    return any(o.lower_ in words and any(d.lower_ in words[o.lower_] for d in tree.children(o)
                                         if d.dep_ in ("det", "nummod", "amod")) for o in objects)


def _subject_like(span: Span) -> bool:
    """A subject, or the actor word on one ("Israeli jets struck…")."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") or \
        root.dep_ in ("amod", "compound", "poss") and root.head.dep_ in ("nsubj", "nsubjpass")


def _agentive(span: Span) -> bool:
    """An actor that can be a pronoun's antecedent: a subject, possessor or indirect object
    ("gave Israel a letter backing its right…"), the actor modifier of a subject ("Israeli
    jets struck…, and they…"), or what a subject is of ("the leaders of A and B"), and
    their conjuncts."""
    root = span.root
    while root.dep_ == "conj":  # "Mali, Burkina Faso and Niger": as the first of them
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "dative"):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "from", "in") and \
            root.head.head.dep_ in ("nsubj", "nsubjpass"):
        return True  # "the rulers of Mali and Niger said they…": whom the subject stands for
    return root.dep_ in ("amod", "compound") and root.head.dep_ in ("nsubj", "nsubjpass")


def _wrong_to_come(word: Token) -> bool:
    """'any aggression would meet a response': a wrong named with "any" or "no" as the
    subject of a clause in the future or conditional."""
    return any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in tree.children(word)) and \
        word.dep_ in ("nsubj", "nsubjpass") and \
        any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX for a in tree.children(word.head))


def _speech_subject(verb: Token) -> Token | None:
    for child in tree.children(verb):
        if child.dep_ in ("nsubj", "csubj"):
            return child
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head != verb:
        return _speech_subject(verb.head)
    return None


def _called_as(word: Token, verb: Token) -> bool:
    """Is the word what the verb calls something: "called the move an attack", "described
    it as an attack", "the step was an attack"?"""
    if word.dep_ in ("oprd", "attr") and word.head == verb:
        return True
    return word.dep_ == "pobj" and word.head.lower_ == "as" and word.head.head in (verb, *verb.children)


def _standout(counts: Counter, exclude: set, least: int) -> str | None:
    """The most frequent code not in `exclude`, if it is frequent enough and not tied."""
    ranked = [(code, n) for code, n in counts.most_common() if code not in exclude]
    if not ranked or ranked[0][1] < least:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _relative_base(date: str | None) -> str | None:
    if not date:
        return None
    parts = date.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


def _military(item: Span) -> bool:
    entry = item._.item
    category = (getattr(entry, "category", "") or "").lower()
    return bool(category) and category not in ("goods", "energy", "money", "food", "civilian")


def _mention(span: Span, text: str) -> Mention:
    entry = actor_of(span)
    return Mention(text=text, start=span.start_char, end=span.end_char,
                   actor_id=entry.actor_id, country=getattr(entry, "country", None),
                   sector=getattr(entry, "sector", None), name=getattr(entry, "name", None))


def _rejects_a_claim(trigger: Token) -> bool:
    """'denied any role', 'dismissed the accusation', 'a charge Pakistan rejects', 'denied it'."""
    objects = [c for c in tree.children(trigger) if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.dep_ == "relcl":
        objects.append(trigger.head)
    return any(o.lemma_.lower() in CLAIM_NOUNS | ROLE_NOUNS or o.lower_ in ("it", "this", "them") for o in objects)


def _denied_claims(new: list[Event], before: list[Event], since: int, sentence: Span,
                   doc_id: str, claimed: set[int]) -> list[Event]:
    """'Iran denied any role', 'a charge Pakistan rejects': a side that rejects a claim made
    about it denies the act the claim alleged, the latest one alleged of it a few sentences
    back at most: one the side it answers made, else any when what it rejects is a claim
    (`claimed`: where such rejections are told)."""
    out = []
    for rejection in new:
        if rejection.type != "REJECT" or rejection.source is None:
            continue
        code = rejection.source.code
        if any(e.status == "denied" and e.source is not None and e.source.code == code for e in new + out):
            continue  # the denied act is told here ("denied sending troops")
        claims = [e for e in before if e.source is not None and e.source.code == code and e.status == "alleged"
                  and e.type not in ("REJECT", "ACCUSE") and e.span and e.span[0] >= since]
        answered = [e for e in claims if rejection.target is not None
                    and any(rejection.target.code in a.actors for a in e.attribution)]
        claims = answered or (claims if rejection.span and rejection.span[0] in claimed else [])
        if not claims:
            continue
        claim = claims[-1]
        target = claim.target.code if claim.target is not None else ""
        out.append(claim.model_copy(update={
            "event_id": Event.make_id(doc_id, sentence.start_char, rejection.span[0], claim.type, code, target),
            "sentence": rejection.sentence, "span": rejection.span, "trigger": rejection.trigger,
            "status": "denied", "negated": False,
            "attribution": [Attribution(text=rejection.trigger, actors=[code], stance="denies")]}))
    return out


def _unique(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for ev in events:
        if ev.event_id not in seen:
            seen.add(ev.event_id)
            out.append(ev)
    return out


def _names_a_time(prep: Token) -> bool:
    """Is the preposition's object a date or a time ("on Saturday", "at dawn")? Not if it
    names an actor: the tagger reads "at Kyiv overnight" as one time."""
    return any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME")
               and not any(s.start <= o.i < s.end for s in o.doc.spans.get("actors", []))
               for o in tree.children(prep))


def _objects(verb: Token) -> list[Token]:
    """A verb's objects (a participle's noun), and what a partitive object is part of
    ("accepted all of the terms"); in a relative clause, the antecedent of a relative pronoun
    object ("a retraction that Tokyo refused to give")."""
    objects = [c for c in tree.children(verb) if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects.append(verb.head)  # "talks sponsored by Riyadh": the noun the participle tells of
    # "a retraction that Takaichi has refused to give": the relative pronoun's antecedent
    clause = verb if verb.dep_ == "relcl" else verb.head if verb.dep_ == "xcomp" and verb.head.dep_ == "relcl" else None
    if clause is not None:
        objects = [clause.head if c.tag_ in ("WDT", "WP") else c for c in objects] or \
            ([clause.head] if any(c.tag_ in ("WDT", "WP") and c.dep_ == "dobj" for c in tree.children(clause)) else [])
    return objects + [o for c in objects if c.lemma_.lower() in PARTITIVES for p in tree.children(c)
                      if p.dep_ == "prep" and p.lower_ == "of" for o in tree.children(p) if o.dep_ == "pobj"]


def _rules_out(verb: Token) -> bool:
    """Is the verb "rule out"?"""
    return verb.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tree.children(verb))


def _doer_left_to_the_article(token: Token, meaning, args: Arguments) -> bool:
    """An act whose doer the sentence leaves out: a passive or bare-noun transfer or sanction
    ("were blacklisted"), or force told in the passive or by weapons that name no side ("two
    border guards were killed", "drones struck Port Sudan")."""
    if meaning.type in IMPLICIT_SOURCE:
        return is_passive(token) or token.pos_ in ("NOUN", "PROPN")
    return meaning.type == "ASSAULT" and (
        is_passive(token) or any(c.dep_ == "nsubj" and c.i in args.item_at for c in tree.children(token)))


def _prepositions(verb: Token) -> list[Token]:
    """The verb's prepositions, with those the parser hangs on its time phrase ("hit back within
    hours with sanctions": "with" on "hours")."""
    own = [p for p in tree.children(verb) if p.dep_ == "prep"]
    return own + [q for p in own for o in tree.children(p) if o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME")
                  for q in tree.children(o) if q.dep_ == "prep"]


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive: "to protest", "to apologise", "to leave"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tree.children(verb))


def _told_as_a_pair(verb: Token) -> bool:
    """Is the verb's subject a pair told as such: "each side", "both armies", "the two sides"
    (the words `_group` sizes a group of two by)?"""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in GROUP_NOUNS and any(
        NUMBER_WORDS.get(w.lower_) == 2 or w.lower_ == "each"
        for w in tree.children(c) if w.dep_ in ("det", "predet", "nummod"))
        for c in tree.children(verb))


def _of_its_own(noun: Token) -> bool:
    """'sanctions of their own', 'expulsions of its own', 'their own suspensions': an act
    like another's (not 'its own sanctions, including curbs on Iranian oil', which says
    whom they hit)."""
    children = tree.children(noun)
    return any(p.dep_ == "prep" and p.lower_ == "of" and o.dep_ == "pobj" and o.lower_ == "own"
               for p in children for o in tree.children(p)) or \
        any(c.dep_ == "amod" and c.lower_ == "own" for c in children) and \
        any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in children) and \
        not any(c.dep_ == "prep" for c in children)


def _echoed(f: Found, acts: list[Act], sentence: Span) -> list[Span]:
    """'The EU banned eight officials, and the US announced sanctions of its own': an act
    like another side's just before is aimed where that one was."""
    own = {_code(s) for s in f.sources}
    like = [a for a in acts if a.kind == f.meaning.type and a.at < f.trigger.i and a.targets
            and _code(a.actor) not in own and a.actor.start >= sentence.start - ANSWER_WINDOW]
    if not like or own & {_code(t) for t in like[-1].targets}:
        return []  # one's own measure against its author is an answer, not an echo
    return like[-1].targets


def _object_pronoun(verb: Token, pronouns: tuple[str, ...]) -> Token | None:
    """The verb's direct object when it is one of `pronouns` ("recognised him", "attacked it")."""
    return next((c for c in tree.children(verb) if c.dep_ == "dobj" and c.lower_ in pronouns), None)


def _addressed_by_a_pronoun(span: Span) -> bool:
    """'She told Tsai', 'he met Kim': the object of a clause whose subject is "she" or "he"."""
    root = span.root
    verb = root.head.head if root.dep_ == "pobj" else root.head
    return root.dep_ in ("dobj", "dative", "pobj") and any(
        c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in tree.children(verb))


def _disowns(verb: Token) -> bool:
    """'Ukraine had nothing to do with the blasts': its subject denies a part in an act."""
    return any(c.dep_ == "dobj" and c.lower_ == "nothing" and any(
        d.lemma_ == "do" and any(p.dep_ == "prep" and p.lower_ == "with" for p in tree.children(d))
        for d in tree.children(c)) for c in tree.children(verb))


def _matching(noun: Token) -> bool:
    """'A matching step', 'reciprocal measures', 'a move of its own': like one told before."""
    return _of_its_own(noun) or any(c.dep_ == "amod" and c.lower_ in MATCHING for c in tree.children(noun))


def _echoes(verb: Token) -> bool:
    """'followed suit', 'followed on October 12', 'did the same', 'did likewise', 'did so',
    'echoed the call': a verb that stands for an act told before (not "followed the talks",
    "was followed by")."""
    children = tree.children(verb)
    if verb.lemma_.lower() == "echo":  # whatever is echoed was said before
        return any(c.dep_ == "dobj" for c in children)
    objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "attr")
               and c.ent_type_ not in ("DATE", "TIME")]  # ("followed the same day")
    if verb.lemma_.lower() == "follow":
        if any(c.dep_ in ("agent", "auxpass", "prt") or c.dep_ == "prep" and c.lower_ in ("by", "with")
               for c in children):
            return False  # "was followed by", and "followed with bans of its own" names its act
        return not objects or [o.lower_ for o in objects] == ["suit"]
    return any(c.dep_ == "dobj" and c.lower_ == "same" for c in children) or (
        not objects and any(c.dep_ == "advmod" and c.lower_ in ("likewise", "so") for c in children))


def _cue_negated(word: Token) -> bool:
    """'harboured no hostile intent', 'were not a threat': a judging word denied, no judgement."""
    phrase = word.head if word.dep_ in ("amod", "compound") else word
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in tree.children(phrase)):
        return True
    clause = _clause_of(phrase)  # "were not a threat"; not "warned Kyiv not to torpedo talks with provocations"
    return clause.lemma_ == "be" and any(c.dep_ == "neg" for c in tree.children(clause))


def _into_the_sea(verb: Token) -> bool:
    """'Fired two missiles into the sea', 'launched a missile into the Sea of Japan': fire
    aimed at open water, at no one."""
    heads = [verb] + [c for c in tree.children(verb) if c.dep_ == "dobj"]  # the parser may hang "into" on the object
    aimed = [p for h in heads for p in tree.children(h) if p.dep_ == "prep" and p.lower_ in ("at", "on", "against", "into")
             and not _names_a_time(p)]  # "on Sunday"
    return bool(aimed) and all(
        p.lower_ == "into" and any(o.dep_ == "pobj" and o.lemma_.lower() in OPEN_WATERS for o in tree.children(p))
        for p in aimed)


def _reversed(meaning):
    """An act undone: a measure undone is a concession ("the lifting of sanctions"), force
    stopped a retreat from conflict ("halted its strikes", "the suspension of its
    operations"), a tie undone is a sanction ("the suspension of aid"). None for other acts."""
    if meaning.type in ("SANCTION", "COERCE"):
        return replace(meaning, type="CONCEDE")
    if meaning.type in ("ASSAULT", "MOBILIZE"):
        return replace(meaning, type="RETREAT")
    if meaning.type in TIES:
        return replace(meaning, type="SANCTION")
    return None


def _to_blame(verb: Token) -> Token | None:
    """'Russia was to blame', 'was highly likely to be to blame': the subject of the copula
    that 'to blame' completes (the one blamed), or None for any other use of the verb."""
    if verb.lemma_.lower() != "blame" or verb.dep_ != "xcomp" or verb.head.lemma_ != "be":
        return None
    node = verb.head
    for _ in range(4):
        subject = next((c for c in tree.children(node) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or node.dep_ not in ("xcomp", "acomp"):
            return subject
        node = node.head
    return None


def _blaming_verb(act: Token) -> Token | None:
    """The verb that lays an act on someone: "blamed the PKK for the attack", "the attack was
    blamed on Kyiv", "an attack Moscow blamed on Kyiv", "the destruction of the dam, which
    Ukraine blamed on Russia". None when no blame is laid."""
    if act.dep_ == "pobj" and act.head.lower_ == "for" and act.head.head.lemma_.lower() == "blame":
        return act.head.head
    if act.dep_ in ("dobj", "nsubjpass") and act.head.lemma_.lower() == "blame":
        return act.head
    # (the parser may hang the clause on the act's last noun: "the attack on the convoy, which…")
    holders = [act] + [o for p in tree.children(act) if p.dep_ == "prep"
                       for o in tree.children(p) if o.dep_ == "pobj"]
    return next((c for h in holders for c in tree.children(h)
                 if c.dep_ == "relcl" and c.lemma_.lower() == "blame"), None)


def _blame_laid(act: Token) -> Token | None:
    """The one a blaming verb lays an act on (its object, or the object of 'on'), or None."""
    verb = _blaming_verb(act)
    if verb is None:
        return None
    if act.dep_ == "pobj":  # "blamed the PKK for the attack", "the PKK was blamed for it"
        return next((c for c in tree.children(verb) if c.dep_ in ("dobj", "nsubjpass")), None)
    laid_on = [o for p in tree.children(verb) if p.dep_ == "prep" and p.lower_ == "on"
               for o in tree.children(p) if o.dep_ == "pobj"]
    if not laid_on and act.dep_ == "dobj":
        # the parser may hang "on" on the act: "blamed the bombing on the group", read as
        # a bombing of the group, is the bombing laid on it
        laid_on = [o for p in tree.children(act) if p.dep_ == "prep" and p.lower_ == "on"
                   for o in tree.children(p) if o.dep_ == "pobj"]
    return laid_on[0] if laid_on else None


def _clause_speaker(token: Token) -> Token | None:
    """The subject of the verb whose clause holds the token ("the leaders agreed that Russia
    was to blame": the leaders), or None."""
    node = token
    while node.dep_ not in ("ccomp", "ROOT") and node.head != node:
        node = node.head
    return _speech_subject(node.head) if node.dep_ == "ccomp" else None


def _a_test(trigger: Token) -> bool:
    """A weapons test ("tested a missile", "test-fired", "a nuclear test"): aimed at no one."""
    return trigger.lemma_.lower() == "test" or any(
        t.lower_ == "test" for t in trigger.doc[max(trigger.i - 2, 0):trigger.i])


def _acted_on(verb: Token) -> list[Token]:
    """Whom a verb acts on: its object, or the subject the parser gives a bare infinitive
    after it ("helped Israel shoot down the missiles")."""
    return [c for c in tree.children(verb) if c.dep_ in ("dobj", "nsubjpass")] + \
        [s for c in tree.children(verb) if c.dep_ == "ccomp" and not any(m.dep_ == "mark" for m in tree.children(c))
         for s in tree.children(c) if s.dep_ == "nsubj"]


def _will_not(verb: Token) -> bool:
    """'Will not', 'would not', 'will never': an act one says one is not going to do, outside
    a condition ("if Kyiv attacked, Moscow would not…" is a hypothesis)."""
    children = tree.children(verb)
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll", "shall") for c in children) and \
        any(c.dep_ == "neg" for c in children) and not _conditional(verb) and not any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children)


def _present_stance(verb: Token) -> bool:
    """A verb in the simple present: "does not recognise", "rejects" (a stance held now,
    not an act in the past that may be denied)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.tag_ in ("VBP", "VBZ") or verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ in ("does", "do") for c in tree.children(verb))


def _ruling_out(token: Token, failures: frozenset[str]) -> str | None:
    """Is the act what someone 'ruled out' or 'would not rule out' ("refused to rule out
    military action": a verb of failing is a negation)? None when no "rule out" governs it."""
    t = token
    for _ in range(4):
        if t.dep_ not in ("dobj", "pobj", "prep", "xcomp", "pcomp"):
            return None
        t = t.head
        if _rules_out(t):
            kept = any(c.dep_ == "neg" for c in tree.children(t)) or \
                t.dep_ == "xcomp" and t.head.lemma_.lower() in failures
            return "not ruled out" if kept else "ruled out"
    return None


def _vote_side(verb: Token) -> str | None:
    """'Voted against (it)' → "against"; 'voted for it', 'voted in favour' → "for"."""
    for child in tree.children(verb):
        if child.lower_ == "against" and child.dep_ in ("prep", "advmod", "prt"):
            return "against"
        if child.lower_ == "for" and child.dep_ == "prep":
            return "for"
        if child.lower_ == "in" and child.dep_ == "prep" and any(
                o.lower_ in ("favour", "favor") for o in tree.children(child)):
            return "for"
    return None
