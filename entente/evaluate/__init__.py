"""Evaluation: score extracted events against gold articles and two public benchmarks.

Pure functions that return data (dataclasses) and print nothing; `entente eval` formats them.

- `gold`: the project's own gold articles, scored by the rules of eval/README.md;
- `petrarch`: PETRARCH's unit tests and real-news (GSR) records;
- `plover`: the PLOVER gold-standard example sentences.
"""

from entente.evaluate.common import Extractor, Part, SystemEventView
from entente.evaluate.common import load_records as load_petrarch
from entente.evaluate.common import load_records as load_plover
from entente.evaluate.gold import (
    DocScore, FalseEvent, GoldDoc, GoldEvent, Miss, PairScore, Report,
    event_matches, load_gold, load_gold_dir, load_system_jsonl, score_documents,
)
from entente.evaluate.petrarch import (
    ActorDictionary, PetrarchFailure, PetrarchReport, load_actor_dictionary, score_petrarch,
)
from entente.evaluate.plover import PloverFailure, PloverReport, score_plover

__all__ = [
    "ActorDictionary", "DocScore", "Extractor", "FalseEvent", "GoldDoc", "GoldEvent", "Miss",
    "PairScore", "Part", "PetrarchFailure", "PetrarchReport", "PloverFailure", "PloverReport",
    "Report", "SystemEventView", "event_matches", "load_actor_dictionary", "load_gold",
    "load_gold_dir", "load_petrarch", "load_plover", "load_system_jsonl", "score_documents",
    "score_petrarch", "score_plover",
]
