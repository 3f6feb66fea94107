"""The PLOVER scorer on sentences of our own (no model)."""

from __future__ import annotations

import json
from pathlib import Path

from newsevents.evaluation.plover_suite import (
    GoldSentence, Prediction, actors_overlap, load_sentences, majority_predictions, metrics_of, predict, type_table,
)
from newsevents.model import Actor, Event, Evidence, Plover

GOLD = (
    GoldSentence("1", "PROTEST", "Farmers marched on the capital.", ("Farmers",), ()),
    GoldSentence("2", "FIGHT", "Troops shelled rebel positions.", ("Troops",), ("rebel positions",)),
    GoldSentence("3", "DEMAND", "The union demanded higher pay.", ("The union",), ()),
    GoldSentence("4", "AGREE", "The two parties agreed to talks.", ("parties",), ()),
)


def event(ptype: str | None, confidence: float = 0.8, actors: tuple[Actor, ...] = ()) -> Event:
    return Event(id="e", doc_id="d", event_type="Protests", sub_event_type="Peaceful protest", modality="asserted",
                 evidence=(Evidence(0, 5, "xxxxx"),), confidence=confidence,
                 plover=Plover(ptype) if ptype else None, actors=actors)


def test_predict_takes_the_most_confident_typed_event() -> None:
    assert predict([]) == Prediction(None, False)
    assert predict([event("PROTEST", 0.4), event("FIGHT", 0.9)]).type == "FIGHT"
    assert predict([event(None, 0.9), event("AGREE", 0.2)]).type == "AGREE"
    assert predict([event(None)]) == Prediction(None, True)


def test_metrics() -> None:
    farmers = (Actor("farmers", "actor1", "farmers", "Protesters"),)
    preds = [predict([event("PROTEST", actors=farmers)]), predict([event("ASSAULT")]),
             predict([event("PROTEST")]), Prediction(None, False)]
    figures = metrics_of(GOLD, preds)
    assert figures["coverage"] == 0.75  # DEMAND is not expressible
    assert figures["event_rate"] == 0.75
    assert abs(figures["accuracy_produced"] - 1 / 3) < 1e-9
    assert abs(figures["recall_expressible"] - 1 / 3) < 1e-9
    assert figures["inexpressible_event_rate"] == 1.0
    assert figures["source_overlap"] == 1.0
    table = type_table(GOLD, preds)
    assert table.rows[0][0] in {"PROTEST", "FIGHT", "DEMAND", "AGREE"}
    assert any(row[0] == "FIGHT" and row[-1] == "ASSAULT (1)" for row in table.rows)


def test_actor_overlap_is_by_word() -> None:
    assert actors_overlap(["the U.S. Army"], ["US"])
    assert not actors_overlap(["the police"], ["the army"])


def test_majority_baseline_uses_the_most_frequent_expressible_type() -> None:
    preds = majority_predictions(GOLD + (GoldSentence("5", "FIGHT", "x", (), ()),))
    assert {p.type for p in preds} == {"FIGHT"}


def test_load_sentences_skips_documentation_and_reads_shared_roles(tmp_path: Path) -> None:
    records = [
        {"id": "doc", "event": "DOCUMENT", "eventText": "about this file"},
        {"id": "s1", "event": "AGREE", "date": "2000-01-01", "text": "North and South agreed.",
         "source": [{"actorText": "North"}, {"actorText": "South"}], "target": "",
         "textInfo": {"markup": "(SRC/TAR: North) and (SRC/TAR: South) (EVT: agreed)."}},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    (sentence,) = load_sentences(path)
    assert sentence.sources == ("North", "South") and sentence.targets == ("North", "South")
