"""A definition works out its indicators in force and lineages once, and a changed copy afresh."""

from __future__ import annotations

from pathlib import Path

from compactscore.load.definition import bundled_path, load_definition


def test_in_force_is_the_same_each_time_and_callers_cannot_spoil_it() -> None:
    definition = load_definition()
    first = definition.in_force("2")
    first.clear()
    again = definition.in_force("2")
    assert len(again) == 17
    assert [indicator.id for indicator in again][2] == "compact-measure"
    assert [indicator.id for indicator in definition.in_force("1")][2] == "ni7-compact-indicator"


def test_a_copy_with_other_indicators_works_them_out_again() -> None:
    definition = load_definition()
    assert len(definition.in_force("1")) == 17
    fewer = definition.model_copy(update={"indicators": definition.indicators[:5]})
    assert [i.id for i in fewer.in_force("1")] == [
        "shared-vision",
        "unified-plan",
        "ni7-compact-indicator",
        "whole-sector-involved",
    ]
    assert len(definition.in_force("1")) == 17


def test_lineage_follows_replacements() -> None:
    definition = load_definition()
    assert definition.lineage("compact-measure") == "ni7-compact-indicator"
    assert definition.lineage("compact-measure") == "ni7-compact-indicator"
    assert definition.lineage("shared-vision") == "shared-vision"


def test_every_lineage_at_once_is_each_indicator_s_own() -> None:
    definition = load_definition()
    assert definition.lineage("shared-vision") == "shared-vision"  # one worked out before
    every = definition.lineages()
    assert len(every) == len(definition.indicators) == 18
    assert every["compact-measure"] == "ni7-compact-indicator"
    assert every["ni7-compact-indicator"] == "ni7-compact-indicator"
    assert sum(key != value for key, value in every.items()) == 1  # only the replacement


def test_remembered_lookups_are_not_part_of_the_definitions_data() -> None:
    definition = load_definition()
    definition.in_force("2")
    fresh = load_definition(Path(bundled_path()))
    assert definition == fresh
    assert definition.model_dump() == fresh.model_dump()
    assert "lookups" not in definition.model_dump_json()
