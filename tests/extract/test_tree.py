"""The remembered children and subtrees are spaCy's own, and belong to one document only."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from entente.extract import tree


def _doc(words, heads, deps):
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_children_and_subtree_are_spacys():
    doc = _doc(["Iran", "sent", "drones", "to", "Russia"], [1, 1, 1, 1, 3],
               ["nsubj", "ROOT", "dobj", "prep", "pobj"])
    for token in doc:
        assert [t.i for t in tree.children(token)] == [t.i for t in token.children]
        assert [t.i for t in tree.subtree(token)] == [t.i for t in token.subtree]
    tree.forget()


def test_a_new_document_is_not_served_the_last_ones_tables():
    first = _doc(["Iran", "sent", "drones"], [1, 1, 1], ["nsubj", "ROOT", "dobj"])
    second = _doc(["drones", "arrived", "today"], [1, 1, 1], ["nsubj", "ROOT", "npadvmod"])
    assert [t.text for t in tree.children(first[1])] == ["Iran", "drones"]
    assert [t.text for t in tree.children(second[1])] == ["drones", "today"]
    assert [t.text for t in tree.subtree(second[1])] == ["drones", "arrived", "today"]
    tree.forget()
