"""Actor mentions: dictionary phrases, role phrases and named entities, resolved to codes.

The spaCy component `entente_actors` writes `doc.spans["actors"]`; each span carries the
resolved entry in `span._.actor` (see `entente.knowledge.actors.ActorEntry`). People are
resolved with the document date: a minister speaks for a state only while in office.
"""

from __future__ import annotations

import calendar
import re

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from entente.extract.sentences import DASHES, DATELINE_WORDS
from entente.knowledge.actors import BODY_KINDS, ActorDictionary, load_actors, out_of_office, phrase_key
from entente.knowledge.places import Places, load_places
from entente.values import parse_calendar_date

if not Span.has_extension("actor"):
    Span.set_extension("actor", default=None)
if not Doc.has_extension("date"):
    Doc.set_extension("date", default=None)  # the document's publication date, ISO

# How many (name, date) resolutions the actor component keeps before starting afresh.
RESOLVED_CACHE = 50_000
# A year written out ("2018"): a date that names one sets the year of the dates after it.
_A_YEAR = re.compile(r"\b(19|20)\d\d\b")
# Words that follow a family name without being another's name ("Ferdinand Marcos Jr"), and
# month and day names the model may take into a name ("January Marcos").
NAME_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name, *calendar.day_name) if w)
# How far back (in tokens) "the rebels" looks for the armed group it refers to.
GROUP_ANAPHOR_REACH = 150
# "Their country" as the subject of what a speaker says: the speaker's state (the nouns, and
# the possessives that make them the speaker's own).
COUNTRY_NOUNS = ("country", "nation")
OWNING_PRONOUNS = ("their", "its", "his", "her", "our")


def _case_sensitive(phrase: str) -> bool:
    """Short all-capital aliases ('US', 'UN', 'EU') must not match 'us' or 'un'."""
    letters = [c for c in phrase if c.isalpha()]
    return len(letters) <= 4 and phrase.upper() == phrase


class ActorMatcher:
    """Finds actor mentions; one instance per pipeline, built from the actor dictionary."""

    def __init__(self, nlp: Language, actors: ActorDictionary, places: Places | None = None):
        self.actors = actors
        self.places = places
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[str, object] = {}
        exact, folded = {}, {}
        for phrase, entry in actors.phrases():
            key = phrase.lower()
            self.entries.setdefault(key, entry)
            target = exact if _case_sensitive(phrase) else folded
            target.setdefault(phrase, nlp.make_doc(phrase))
        for matcher, phrases in ((self.exact, exact), (self.folded, folded)):
            for start in range(0, len(phrases), 5000):
                batch = list(phrases.values())[start:start + 5000]
                matcher.add("ACTOR", batch)
        self.roles = {n.lower() for n in (*actors.role_nouns, *actors.office_nouns)}
        self.seat_sharers = {state.actor_id for state in actors.shared_metonyms.values()}
        self._resolved: dict[tuple[str, str | None], object] = {}  # (text, date) → entry or None
        self.role_starts = {nlp.make_doc(n)[0].lower_ for n in self.roles if n}  # as spaCy splits them
        self.style_words = frozenset(w for words in actors.state_styles.values() for w in words)
        self.context_names = PhraseMatcher(nlp.vocab, attr="ORTH")  # "the North": see _in_context
        self._entries: dict[int, object] = {}  # the current call's span entries (see `_entry`)
        self._doc_text = ""  # the current call's document text
        if actors.in_context:
            self.context_names.add("ACTOR", [nlp.make_doc(phrase) for phrase in actors.in_context])

    def __call__(self, doc: Doc) -> Doc:
        self._entries = {}
        self._doc_text = doc.text  # (`Doc.text` joins every token anew on each read)
        spans = [doc[s:e] for _, s, e in self.exact(doc)] + [doc[s:e] for _, s, e in self.folded(doc)]
        # "America" in "South America", "Mexico" in "New Mexico": a place the model names as a
        # whole, with words before the state's name, is not that state ("the" alone is no such
        # word: "the Solomon Islands" is the state)
        ents = list(doc.ents)  # (Doc.ents walks every token: once per document)
        # (a place the model names as a list is read item by item: "the Dominican Republic and
        # Uruguay" names both)
        place_at = {i: p for e in ents if e.label_ in ("LOC", "GPE") for p in _listed_places(e)
                    for i in range(p.start, p.end)}
        spans = [s for s in spans if not ((p := place_at.get(s.start)) is not None and p.start < s.start
                                          and s.end <= p.end and p.text.lower() not in self.entries
                                          and not _the_name(p, s))]
        # "David Morrison" is not Scott Morrison: a known surname inside another's name
        person_at = {i: e for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
        namesakes = [s for s in spans if self._namesake(s, person_at)]
        spans = filter_spans([s for s in spans if s not in namesakes])
        # "Bashar al-Jaafari … Jaafari accused Ankara": the bare name, told after the
        # namesake, is still that other person
        others = {s[-1].lower_: s.start for s in namesakes}
        taken = {i for span in spans for i in range(span.start, span.end)}
        spans += [ent for ent in ents if ent.label_ in ("GPE", "ORG", "NORP", "PERSON")
                  and not taken.intersection(range(ent.start, ent.end))]
        found = []
        named: dict[str, object] = {}  # surname → the person named in full earlier
        told = _ToldDates(ents, doc._.date)
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            if _dateline(span, self._doc_text) or self._located_only(span):
                continue
            entry = self._resolve(span, doc._.date)
            if out_of_office(entry) and (then := told.before(span.start)):
                # "In March 2019, Mike Pompeo accused…" in a 2024 article: in office then
                entry = self._resolve(span, then) or entry
            if getattr(entry, "kind", None) == "person" and len(span) == 1 and \
                    others.get(span[0].lower_, span.start) < span.start and span[0].lower_ not in named:
                continue
            if entry is None and span.label_ == "PERSON" and self._text(span).lower() in named:
                entry = named[self._text(span).lower()][1]  # a surname the model tags as a person
            if entry is not None:
                if getattr(entry, "kind", None) == "person" and len(span) > 1:
                    named.setdefault(span[-1].text.lower(), (span.start, entry))
                    if span[0].pos_ == "PROPN":  # family name first: "Qin Gang … Qin said"
                        named.setdefault(span[0].text.lower(), (span.start, entry))
                span = self._with_role(span, entry)
                if not _former(span):
                    found.append(span)
        # "Prime Minister Shehbaz Sharif … Sharif thanked Trump": a surname after the full name
        # refers back to that person, even where the model tags no entity
        covered = {i for span in found for i in range(span.start, span.end)}
        if named:  # (token attributes read as arrays: building every Token object is slow)
            lowers, tags = doc.to_array("LOWER"), doc.to_array("POS")
            by_hash = {hash_string(surname): first for surname, first in named.items()}
            for i in numpy.flatnonzero(numpy.isin(lowers, list(by_hash)) & (tags == PROPN)).tolist():
                start, entry = by_hash[int(lowers[i])]
                # a name of its own ("Kim Hong-kyun" after "Kim Jong Un") is someone else
                alone = i + 1 == len(doc) or tags[i + 1] != PROPN
                if i not in covered and i > start and alone:
                    found.append(self._with_role(doc[i:i + 1], entry))
        found = self._shared_seats(found)
        found = self._owned_bodies(found)
        found += self._in_context(doc, found)
        found += self._group_anaphors(doc, found)
        found += self._role_anaphors(doc, found)
        found += self._document_anaphors(doc, found)
        found += self._body_anaphors(doc, found)
        found += self._state_anaphors(doc, found)
        found += self._titled_strangers(doc, ents, found)
        found += self._national_strangers(doc, ents, found)
        found += self._speakers_country(doc, found)
        actors = filter_spans(found)
        doc.spans["actors"] = actors
        doc.spans["places"] = self._places(doc, ents, {i for span in actors for i in range(span.start, span.end)})
        self._entries = {}
        return doc

    def _namesake(self, span: Span, person_at: dict[int, Span]) -> bool:
        """A known person's name inside a longer name the model tags as a person, with a given
        name of another initial before it ("David Morrison" is not Scott Morrison, "Bashar
        al-Jaafari" not Ibrahim al-Jaafari),
        another name after it ("Abdul Ghani Baradar" is not Ashraf Ghani) or joined to another
        family name ("Zaghari-Ratcliffe"): someone else of that name. Words of address
        ("Sheikh", "Crown Prince"), titles, months and a second known name ("Putin-Erdogan")
        are no such sign."""
        name = person_at.get(span.start)
        entry = self.entries.get(span.text.lower()) if name is not None and span.end <= name.end else None
        if getattr(entry, "kind", None) != "person":
            return False
        doc, i = span.doc, span.start
        words = [w.lower() for w in entry.name.split()]
        initials = {w[0] for w in words if w != span.text.lower()}

        def a_name(token) -> bool:  # a capitalised proper noun that is no title, month or day
            return token.tag_ == "NNP" and token.is_alpha and token.is_title and \
                token.lower_ not in self.actors.honorifics and token.lower_ not in self.role_starts and \
                token.lower_ not in CALENDAR_WORDS

        if i > name.start:
            before = doc[i - 1]
            if before.text == "-" and i - 2 >= name.start and not before.whitespace_ and \
                    not doc[i - 2].whitespace_ and doc[i - 2].is_alpha and doc[i - 2].lower_ not in self.entries:
                return True
            if a_name(before) and before.lower_[0] not in initials:
                return True
        if span.end < name.end:
            after = doc[span.end]
            if a_name(after) and after.lower_ not in NAME_SUFFIXES and after.lower_ not in words:
                return True
        return False

    def _located_only(self, span: Span) -> bool:
        """'The US-based cleric', 'a London-based monitor': a place where someone is based,
        not a state they act for (but 'Tehran-based firms' are Iran's: `based_for`)."""
        doc, end = span.doc, span.end
        if end + 1 >= len(doc) or doc[end].text != "-" or doc[end + 1].lower_ != "based" or \
                span[-1].whitespace_ or doc[end].whitespace_:
            return False
        head = doc[end + 1].head
        return head.i > end + 1 and head.lower_ not in self.actors.based_for

    def _text(self, span: Span) -> str:
        """A span's text, cut from the document's (`Span.text` builds a Token object per word)."""
        return self._doc_text[span.start_char:span.end_char]

    def _entry(self, span: Span):
        """`span._.actor`, read once per span: each read builds an extension object, and the
        anaphor passes below read every actor span again."""
        key = id(span)  # (the spans stay alive in `found` for the whole call)
        if key not in self._entries:
            self._entries[key] = span._.actor
        return self._entries[key]

    def _set_entry(self, span: Span, entry) -> None:
        span._.actor = entry
        self._entries[id(span)] = entry

    def _group_anaphors(self, doc: Doc, found: list[Span]) -> list[Span]:
        """'The rebels', 'the group': the armed group named last before, within a few sentences."""
        groups = sorted((s for s in found if getattr(self._entry(s), "kind", None) == "armed_group"),
                        key=lambda s: s.start)
        if not groups:
            return []
        out = []
        for token in _definite_nouns(doc, found, self.actors.group_anaphors, (NOUN,), ("amod", "compound")):
            before = [g for g in groups if g.end <= token.i and token.i - g.end <= GROUP_ANAPHOR_REACH]
            if before:
                span = Span(doc, token.i, token.i + 1, label=before[-1].label_)
                self._set_entry(span, self._entry(before[-1]))
                out.append(span)
        return out

    def _in_context(self, doc: Doc, found: list[Span]) -> list[Span]:
        """'The North' is North Korea in an article that names North Korea (states.yaml in_context)."""
        named = {getattr(self._entry(s), "actor_id", None) for s in found}
        covered = {i for span in found for i in range(span.start, span.end)}
        out = []
        for _, start, end in self.context_names(doc):
            entry = self.actors.in_context[doc[start:end].text]
            if entry.actor_id in named and not covered.intersection(range(start, end)):
                out.append(self._with_role(doc[start:end], entry))
        return out

    def _role_anaphors(self, doc: Doc, found: list[Span]) -> list[Span]:
        """'Mali's junta … the junta': a definite role noun refers back to the state whose role
        of that name was told last before ("Mali's junta", "the Malian junta", "the junta in
        Bamako")."""
        owned = []  # (position of the role noun, the noun, its state's entry)
        for span in found:
            entry = self._entry(span)
            if getattr(entry, "kind", None) == "state":
                role = self._role_of(span.root)
                if role is not None:
                    owned.append((role.i, role.lower_, entry))
            elif getattr(entry, "kind", None) == "person" and entry.country and \
                    (state := self.actors.state(entry.country)) is not None:
                # "the junta of Colonel Assimi Goita", "Goita's junta": the state he leads
                role = self._role_of(span.root, led=True)
                if role is not None:
                    owned.append((role.i, role.lower_, state))
        if not owned:
            return []
        out = []
        for token in _definite_nouns(doc, found, self.actors.role_anaphors, (NOUN,), ("amod", "compound", "poss")):
            if any(c.dep_ == "prep" for c in token.children):
                continue  # "the junta in Niamey" names its own state
            before = [e for i, word, e in owned if i < token.i and word == token.lower_]
            if before:
                span = Span(doc, token.i, token.i + 1, label="GPE")
                self._set_entry(span, _with_sector(before[-1], "government"))
                out.append(span)
        return out

    def _document_anaphors(self, doc: Doc, found: list[Span]) -> list[Span]:
        """'The council adopted Resolution 2216. The text demands…': a definite document as the
        subject of a verb speaks for whoever adopted or issued a document just before (the
        subject of "adopted", "issued", "voted to…", in that sentence or the two before)."""
        documents = [t for t in _definite_nouns(doc, found, self.actors.document_anaphors, (NOUN,),
                                                ("amod", "compound", "poss"))
                     if t.dep_ == "nsubj" and not any(c.dep_ in ("poss", "prep", "amod", "compound") for c in t.children)]
        if not documents:
            return []
        # a subject's actor: the subject itself ("the council") or its modifier ("ASEAN ministers")
        by_root = {(span.root.head.i if span.root.dep_ in ("nmod", "compound", "amod", "poss") else span.root.i): span
                   for span in found}
        out = []
        for token in documents:
            sentence = token.sent
            window_start = sentence.start
            for _ in range(2):
                if window_start > 0:
                    window_start = doc[window_start - 1].sent.start
            authors = [by_root[c.i] for verb in doc[window_start:token.i]
                       if verb.pos_ == "VERB" and verb.lemma_.lower() in self.actors.adopting_verbs
                       and not any(c.dep_ == "prep" and c.lower_ == "against" or c.dep_ == "neg" for c in verb.children)
                       for c in verb.children if c.dep_ == "nsubj" and c.i in by_root]
            if authors:
                span = Span(doc, token.i, token.i + 1, label=authors[-1].label_)
                self._set_entry(span, self._entry(authors[-1]))
                out.append(span)
        return out

    def _role_of(self, name: Token, led: bool = False) -> Token | None:
        """The role noun a state's name owns: itself ("the Malian junta"), its head after a
        possessive or modifier ("Mali's junta"), or after "in" ("the junta in Bamako"); or one
        a leader's name owns (`led`: "Goita's junta", "the junta of Colonel Assimi Goita")."""
        words = self.actors.role_anaphors
        if led:
            if name.dep_ == "pobj" and name.head.lower_ == "of" and name.head.head.lower_ in words:
                return name.head.head
            return name.head if name.dep_ == "poss" and name.head.lower_ in words else None
        if name.lower_ in words:
            return name
        if name.dep_ in ("poss", "amod", "compound") and name.head.lower_ in words:
            return name.head
        if name.dep_ == "pobj" and name.head.lower_ == "in" and name.head.head.lower_ in words and \
                name.head.head.lower_ not in self.actors.posted_abroad:
            return name.head.head
        return None

    def _body_anaphors(self, doc: Doc, found: list[Span]) -> list[Span]:
        """'The agency', 'the alliance', 'the Treasury': the body (international, or a state's)
        named last before (or referred back to), within a few sentences, when its names hold
        that word ("the bloc": whatever its names, `any_body_anaphors`)."""
        bodies = sorted((s for s in found if getattr(self._entry(s), "kind", None) in BODY_KINDS), key=lambda s: s.start)
        states = self._subject_states(found)  # whose "the foreign ministry" is, where no body is named
        if not bodies and not states:
            return []
        out = []
        covered = {i for span in found for i in range(span.start, span.end)}
        # ("Iran's atomic energy agency" is not the IAEA)
        members = self.actors.member_anaphors
        for token in _definite_nouns(doc, found, self.actors.body_anaphors | members.keys(), (NOUN, PROPN),
                                     ("amod", "compound", "poss")):
            if any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.i in covered
                                                                 for o in c.children)
                   for c in token.children):
                continue  # "the Permanent Council of the OAS": its own owner is named
            word = members.get(token.lower_, token.lower_)  # "the judges": the court's
            holders = [b for b in bodies if b.end <= token.i and word in self._body_words(self._entry(b))]
            before = [b for b in holders if token.i - b.end <= GROUP_ANAPHOR_REACH] + [
                b for b in bodies if b.end <= token.i and token.i - b.end <= GROUP_ANAPHOR_REACH
                and word in self.actors.any_body_anaphors]
            if not before and len({self._entry(b).actor_id for b in holders}) == 1:
                before = holders  # the only court the story has named, however long ago
            if before:
                latest = max(before, key=lambda b: b.start)
                span = Span(doc, token.i, token.i + 1, label=latest.label_)
                self._set_entry(span, self._entry(latest))
                out.append(span)
                bodies.append(span)  # a chain: "the board … the board"
            elif token.lower_ in self.actors.state_body_anaphors and not _owned(token, covered) and (
                    span := self._for_state_in_view(doc, states, token.i, token.i + 1)) is not None:
                out.append(span)
        return out

    def _body_words(self, entry) -> frozenset[str]:
        """The words of a body's names: a court's own (kept apart when it shares its code), else its code's."""
        words = self.actors.body_words
        return words.get(entry.name) or words.get(entry.actor_id, frozenset())

    def _speakers_country(self, doc: Doc, found: list[Span]) -> list[Span]:
        """'Chadian officials say their country will keep cooperating with France': "their
        country" (or "his", "her", "its", "our"), the subject of what a speaker says, is the
        speaker's state."""
        nouns = numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), [hash_string(w) for w in COUNTRY_NOUNS]))
        if not len(nouns):  # (read from an array: a Token object for every word is slow)
            return []
        by_token = {i: span for span in found for i in range(span.start, span.end)}
        out = []
        for token in (doc[i] for i in nouns.tolist()):
            if token.dep_ not in ("nsubj", "nsubjpass") or token.i in by_token or \
                    not any(c.dep_ == "poss" and c.lower_ in OWNING_PRONOUNS for c in token.children):
                continue
            clause = token.head
            if clause.dep_ != "ccomp" or clause.head == clause:
                continue
            speakers = [by_token[c.i] for c in clause.head.children if c.dep_ == "nsubj" and c.i in by_token]
            codes = {getattr(self._entry(s), "country", None) for s in speakers}
            if len(codes) != 1 or None in codes or (state := self.actors.state(codes.pop())) is None:
                continue
            span = Span(doc, token.i, token.i + 1, label="GPE")
            self._set_entry(span, state)
            out.append(span)
        return out

    def _subject_states(self, found: list[Span]) -> list[Span]:
        """The states named as subjects, in order: those an unowned "the foreign ministry" or
        an unknown holder of a bare title may belong to."""
        return sorted((s for s in found if getattr(self._entry(s), "kind", None) == "state"
                       and s.root.dep_ in ("nsubj", "nsubjpass")), key=lambda s: s.start)

    def _titled_strangers(self, doc: Doc, ents: list[Span], found: list[Span]) -> list[Span]:
        """'Turkey recalled its envoy. Deputy Prime Minister Numan Kurtulmus said…': a person the
        dictionary does not know, under a government title that names no state, speaks for the
        state last named as a subject, as "the foreign ministry" does (`state_titles`)."""
        states = self._subject_states(found)
        if not states:
            return []
        covered = {i for span in found for i in range(span.start, span.end)}
        out = []
        for ent in ents:
            if ent.label_ != "PERSON" or covered.intersection(range(ent.start, ent.end)):
                continue
            start = self._title_start(doc, ent.start)
            if start is None:
                continue
            before = doc[start - 1] if start > 0 else None
            if before is not None and (start - 1 in covered or before.tag_ == "POS" or (
                    before.dep_ in ("compound", "amod", "nmod") and start <= before.head.i < ent.end)):
                continue  # a title with its own owner ("Turkish", "China's"), or one we do not
                #           know ("Infrastructure Minister", "shadow foreign secretary", "former")
            span = self._for_state_in_view(doc, states, start, ent.end)
            if span is not None:
                out.append(span)
        return out

    def _national_strangers(self, doc: Doc, ents: list[Span], found: list[Span]) -> list[Span]:
        """'North Korea detained American student Otto Warmbier … sentenced Warmbier': a
        private person the dictionary does not know, introduced by a state's name or adjective
        ("US student", "Canadian businessman", "Russian arms dealer"), stands for that state,
        at first mention and when named again (in full or by surname), as news coding of
        detentions and releases has it."""
        covered = {i for span in found for i in range(span.start, span.end)}
        state_at = {i: span for span in found if getattr(self._entry(span), "kind", None) == "state"
                    for i in range(span.start, span.end)}
        out, by_name, by_surname = [], {}, {}
        for ent in ents:
            if ent.label_ != "PERSON" or covered.intersection(range(ent.start, ent.end)):
                continue
            words = tuple(t.lower_ for t in ent)
            entry = by_name.get(words) or (by_surname.get(words[0]) if len(words) == 1 else None)
            if entry is None:
                i = ent.start - 1  # back over lower-case nouns: "US student", "American pastor"
                while i >= 0 and ent.start - i <= 4 and i not in state_at and doc[i].is_lower and \
                        doc[i].pos_ in ("NOUN", "ADJ") and doc[i].lower_ not in self.actors.acting_nouns:
                    i -= 1
                state = state_at.get(i)
                if state is None or i == ent.start - 1 and state[0].pos_ == "PROPN" and not \
                        getattr(self._entry(state), "adjective", False):
                    continue  # not "Canada Michael Kovrig", a list or a dateline
                entry = self._entry(state).model_copy(update={"kind": "person", "sector": None, "name": ent.text,
                                                             "adjective": False, "office": "citizen"})
                by_name[words] = entry
                by_surname.setdefault(words[-1], entry)  # "… Warmbier said"
            span = Span(doc, ent.start, ent.end, label=entry.actor_id)
            self._set_entry(span, entry)
            out.append(span)
        if not by_name:
            return out
        # the surname alone later, where the model tags no person ("sentenced Warmbier")
        taken = covered | {i for span in out for i in range(span.start, span.end)}
        first = {surname: min(s.start for s in out if s[-1].lower_ == surname)
                 for surname in {words[-1] for words in by_name}}
        # (read from arrays, as for the known surnames in `__call__`: a Token object for every word is slow)
        lowers, tags = doc.to_array("LOWER"), doc.to_array("POS")
        for i in numpy.flatnonzero(numpy.isin(lowers, [hash_string(s) for s in first]) & (tags == PROPN)).tolist():
            surname = doc[i].lower_
            if i not in taken and i > first[surname] and not (i + 1 < len(doc) and tags[i + 1] == PROPN):
                span = Span(doc, i, i + 1, label=by_surname[surname].actor_id)
                self._set_entry(span, by_surname[surname])
                out.append(span)
        return out

    def _for_state_in_view(self, doc: Doc, states: list[Span], start: int, end: int) -> Span | None:
        """The words start…end as the government of the state last named as a subject before
        them, within a few sentences (`_subject_states`), or None when there is none."""
        owner = [s for s in states if s.end <= start and start - s.end <= GROUP_ANAPHOR_REACH]
        if not owner:
            return None
        span = Span(doc, start, end, label=owner[-1].label_)
        self._set_entry(span, _with_sector(self._entry(owner[-1]), "government"))
        return span

    def _title_start(self, doc: Doc, end: int) -> int | None:
        """Where a government title right before position `end` starts ("Deputy Prime
        Minister", "Foreign Minister"), or None."""
        for width in (3, 2, 1):
            start = end - width
            # (written as a title: "Foreign Minister X", not "shadow foreign secretary X")
            if start >= 0 and all(t.text[:1].isupper() for t in doc[start:end]) and \
                    self._text(doc[start:end]).lower() in self.actors.state_titles:
                for rank in (2, 1):  # "First Deputy", "Deputy", "Vice"
                    if start - rank >= 0 and self._text(doc[start - rank:start]).lower() in self.actors.title_ranks:
                        return start - rank
                return start
        return None

    def _state_anaphors(self, doc: Doc, found: list[Span]) -> list[Span]:
        """'The kingdom', 'the emirate', 'the island': the state named last before, within a
        few sentences, that goes by that style (states.yaml `styles`)."""
        styles = self.actors.state_styles
        states = sorted((s for s in found if getattr(self._entry(s), "actor_id", None) in styles
                         and getattr(self._entry(s), "kind", None) == "state"), key=lambda s: s.start)
        if not states:
            return []
        out = []
        for token in _definite_nouns(doc, found, self.style_words, (NOUN, PROPN), ("amod", "compound", "poss")):
            before = [s for s in states if s.end <= token.i and token.i - s.end <= GROUP_ANAPHOR_REACH
                      and token.lower_ in styles[self._entry(s).actor_id]]
            if before:
                span = Span(doc, token.i, token.i + 1, label=before[-1].label_)
                self._set_entry(span, self._entry(before[-1]))
                out.append(span)
        return out

    def _owned_bodies(self, found: list[Span]) -> list[Span]:
        """'Iraq's National Security Council', 'the Congress of New Caledonia': a state body
        under another state's possessive, or of another state, is that state's body of the
        name, acting for it in the same sector."""
        state_at = {s.root.i: s for s in found if getattr(self._entry(s), "kind", None) == "state"}
        for span in found:
            entry = self._entry(span)
            if getattr(entry, "kind", None) != "state_body":
                continue
            owners = [c for c in span.root.children if c.dep_ == "poss"] + [
                o for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == span.end
                for o in c.children if o.dep_ == "pobj"]
            owner = next((state_at[c.i] for c in owners if c.i in state_at), None)
            if owner is not None and self._entry(owner).actor_id != entry.country:
                owned = self._entry(owner)
                self._set_entry(span, _with_sector(owned, entry.sector) if entry.sector else owned)
        return found

    def _shared_seats(self, found: list[Span]) -> list[Span]:
        """'Brussels' is the EU, except in an article that names Belgium: there it is Belgium."""
        named = {getattr(self._entry(s), "actor_id", None) for s in found}
        if not named & self.seat_sharers:
            return found
        for span in found:
            state = self.actors.shared_metonyms.get(phrase_key(span.text))
            if state is not None and state.actor_id in named:
                self._set_entry(span, state)
        return found

    def _places(self, doc: Doc, ents: list[Span], taken: set[int]) -> list[Span]:
        """Cities and regions the model names, with the state they lie in ("Kharkiv" -> UKR):
        where force can fall, never who acts (`doc.spans["places"]`, apart from the actors)."""
        if self.places is None:
            return []
        found = []
        # the small model often calls an unfamiliar city a person or an organisation, or
        # nothing at all ("captured Goma", "struck Odesa"): proper names count too
        candidates = [e for e in ents if e.label_ in ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP")]
        named = {i for e in ents for i in range(e.start, e.end)}
        candidates += [doc[i:i + 1] for i in numpy.flatnonzero(doc.to_array("POS") == PROPN).tolist()
                       if i not in named]
        for ent in candidates:
            if taken.intersection(range(ent.start, ent.end)):
                continue
            code = self.places.state_of(ent.text)
            state = self.actors.state(code) if code is not None else None
            if state is not None:
                span = Span(doc, ent.start, ent.end, label=code)
                span._.actor = state
                found.append(span)
        return found

    def _resolve(self, span: Span, date: str | None):
        text = self._text(span)
        key = (text, date)
        if key not in self._resolved:  # names recur in every article: each read once per date
            if len(self._resolved) > RESOLVED_CACHE:
                self._resolved.clear()
            self._resolved[key] = self._resolve_text(text, date)
        return self._resolved[key]

    def _resolve_text(self, text: str, date: str | None):
        entry = self.entries.get(text.lower())
        if entry is None:
            entry = self.actors.resolve(text, date)
        elif getattr(entry, "kind", None) == "person":
            entry = self.actors.resolve(text, date) or entry
        return self.actors.as_of(entry, date) if entry is not None else None

    def _with_role(self, span: Span, entry) -> Span:
        """Extend 'Iranian' to 'Iranian officials' and take the role's sector."""
        doc = span.doc
        end = span.end
        sector, apart = None, False
        for width in (3, 2, 1) if end < len(doc) and doc[end].lower_ in self.role_starts else ():
            words = doc[end:end + width]
            phrase = self._text(words).lower()
            if len(words) == width and phrase in self.roles:
                sector = self.actors.role(phrase) or "government"
                apart = phrase in self.actors.coded_apart
                end += width
                break
        out = Span(doc, span.start, end, label=entry.actor_id)
        out._.actor = entry if sector is None else _with_sector(entry, sector, apart)
        return out


def _definite_nouns(doc: Doc, found: list[Span], words: frozenset[str], tags: tuple[int, ...],
                    modifier_deps: tuple[str, ...]):
    """The nouns among `words` that "the" introduces and no actor names or modifies ("the
    rebels", not "the Houthi rebels"): those that may refer back to an actor named before.
    A capitalised one that names whose someone is needs no "the" ("a Commission spokesman")."""
    covered = {i for span in found for i in range(span.start, span.end)}
    lowers, pos = doc.to_array("LOWER"), doc.to_array("POS")
    wanted = numpy.isin(lowers, [hash_string(word) for word in words]) & numpy.isin(pos, tags)
    for i in numpy.flatnonzero(wanted).tolist():
        token = doc[i]
        named_owner = token.dep_ == "compound" and token.is_title and i > 0 and doc[i - 1].pos_ != "PROPN" \
            and token.head.pos_ == "NOUN" and token.head.i > i
        if i not in covered and (named_owner or any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)) \
                and not any(c.dep_ in modifier_deps and c.i in covered for c in token.children):
            yield token


def _former(span: Span) -> bool:
    """'Ban Ki-moon, a former South Korean foreign minister': a title someone held before
    speaks for nobody now (a name keeps its own dated offices)."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "former" and span[-1].pos_ == "NOUN"


def _owned(noun, covered: set[int]) -> bool:
    """Does a body noun name its own owner or name ("the Houthi-run health ministry", "the
    foreign ministry in Minsk", "the Ministry of Defence")? Then it refers to no state named before."""
    return any(c.dep_ == "prep" and c.lower_ in ("of", "in") or
               c.dep_ in ("amod", "compound", "npadvmod", "nmod") and any(t.i in covered for t in c.subtree)
               for c in noun.children)


class _ToldDates:
    """The time a story is told at, at a point of the document: the latest calendar date
    stated before it ("In March 2019", "on June 24"; not "last week", which is told from the
    document's date). Read only when asked: for a person out of office on the document's date."""

    def __init__(self, ents: list[Span], date: str | None):
        self.ents, self.date, self.dates = ents, date, None

    def before(self, start: int) -> str | None:
        if self.date is None:
            return None
        if self.dates is None:
            # a date without its year is in the year the story last named ("seized on Nov 25,
            # 2018 … on Nov 26, Haley called it…" in a 2019 article), else the document's
            self.dates, anchor = [], self.date
            for e in self.ents:
                if e.label_ == "DATE" and (parsed := parse_calendar_date(e.text, relative_to=anchor)):
                    self.dates.append((e.end, parsed[0]))
                    if _A_YEAR.search(e.text):
                        anchor = parsed[0]
        return next((iso for end, iso in reversed(self.dates) if end <= start), None)


def _dateline(span: Span, doc_text: str) -> bool:
    """'LONDON - Russia has received…', 'JERUSALEM/CAIRO, Oct 30 -': the places a story is
    filed from act in nothing. They are in capitals, open their line, and a dash follows
    within a few words."""
    text = doc_text[span.start_char:span.end_char]
    if not text.isupper() or len(text) < 3:  # "EU, US agree - sources" is a headline
        return False
    doc = span.doc
    start = span.start  # back to the line's start, but no further than a dateline can reach
    while start > 0 and span.start - start <= DATELINE_WORDS and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    if span.start - start > DATELINE_WORDS or any(t.is_alpha and not t.is_upper for t in doc[start:span.start]):
        return False
    return any(t.text in DASHES for t in doc[span.end:start + DATELINE_WORDS])


def _with_sector(entry, sector: str, apart: bool = False):
    """The entry acting in a sector; in one coded apart from its state ("the Georgian
    opposition"), an actor of its own: GEO_OPPOSITION, with no state."""
    country = getattr(entry, "country", None)
    if apart and country:
        return entry.model_copy(update={"sector": sector, "actor_id": f"{country}_{sector.upper()}",
                                        "country": None, "kind": "collective",
                                        "name": f"{entry.name} {sector}"})
    try:
        return entry.model_copy(update={"sector": sector})
    except AttributeError:  # a dataclass entry
        from dataclasses import replace
        return replace(entry, sector=sector)


@Language.factory("entente_actors", default_config={})
def make_actor_matcher(nlp: Language, name: str) -> ActorMatcher:
    return ActorMatcher(nlp, load_actors(), load_places())


def _listed_places(place: Span) -> list[Span]:
    """The items of a place the model names as one ("Peru, Chile and Uruguay"), split at the
    commas and conjunctions; a place of one item is itself."""
    cuts = [t.i for t in place if t.lower_ in (",", "and", "or")]
    if not cuts:
        return [place]
    bounds = zip([place.start] + [c + 1 for c in cuts], cuts + [place.end])
    return [place.doc[start:end] for start, end in bounds if start < end]


def _the_name(place: Span, name: Span) -> bool:
    """The model's place is "the" and the state's name, nothing more ("the Solomon Islands")."""
    return place.start + 1 == name.start and place.end == name.end and place[0].lower_ == "the"

