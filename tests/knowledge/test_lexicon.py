"""The trigger lexicon's loader: object-dependent meanings are read and checked."""

from __future__ import annotations

import pytest

from entente.errors import KnowledgeError
from entente.knowledge.lexicon import load_lexicon


def test_an_object_can_retype_a_trigger():
    lexicon = load_lexicon()
    assert "demand" in lexicon.retyped_by_object["meet"]["concede"]
    assert lexicon.trigger("concede", "VERB").type == "CONCEDE"


def test_a_preposition_can_retype_a_trigger():
    lexicon = load_lexicon()
    assert "behind" in lexicon.retyped_by_preposition["rally"]["stand"]
    assert lexicon.trigger("stand", "VERB").type == "SUPPORT"


@pytest.mark.parametrize("table, entry, named", [
    ("retyped_by_object", "meet: {surrender_to: [demand]}", "surrender_to"),
    ("retyped_by_preposition", "rally: {back_up: [behind]}", "retyped_by_preposition.rally"),
])
def test_a_retyping_to_no_known_verb_is_refused(tmp_path, table, entry, named):
    (tmp_path / "triggers.yaml").write_text(
        f"schema_version: 1\n{table}:\n  {entry}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=named):
        load_lexicon([tmp_path])
