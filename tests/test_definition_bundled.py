"""The bundled definition: the source's 17 statements word for word, and its history."""

from __future__ import annotations

from compactscore.load.definition import bundled_path
from compactscore.models import Definition
from compactscore.periods import parse_period

# The 17 statements of the source scorecard, copied from it word for word.
SOURCE_STATEMENTS = [
    "The LSP has a shared vision of what a Thriving Sector would look like.",
    "The LSP is committed to implementing a resourced, unified plan for a Thriving "
    "Compact/Sector/Community which includes working together to tackle the local impact of "
    "the recession. The plan is updated in line with research findings.",
    "The LSP recognises NI7 as the Local Compact indicator: the Local Compact is used to "
    "measure the development of a thriving sector.",
    "The whole sector is involved in developing a thriving Compact, sector and community.",
    "Sector involvement in partnerships is characterised by influential participation and "
    "effective representation (especially for small groups).",
    "The sector has capacity to deliver and engage with local public bodies in policy "
    "processes, with skills development covering strategy and business planning, tendering, "
    "negotiating, marketing, using the Compact and public law.",
    "There is a growing trend for volunteering right across the community and for deploying "
    "volunteers right across the sector.",
    "The sector plays an active role in supporting engagement with, involvement of, and "
    "accountability to the community.",
    "Local people feel comfortable with and enabled by opportunities for civil participation "
    "(e.g. trusteeship, attending neighbourhood meetings, community involvement)",
    "Local groups work well with the council and other public bodies to achieve better "
    "outcomes for the community.",
    "The relationship between the sector and public bodies is good and improving, measured "
    "at least annually, and specific relationship-building initiatives are taken.",
    "Decisions by local public bodies and partnerships are Compact-proofed to ensure Compact "
    "compliance and that account is taken of the impact on the sector.",
    "Sector funding from local public bodies is sustainable and offers a grants/contracts "
    "mix; 3-year funding; payment in advance; full cost recovery and co-designed "
    "commissioning processes.",
    "The sector has effective networks and collaboration, with groups demonstrating a good "
    "understanding of when to co-operate or compete.",
    "The sector upholds its independence, which is well understood by public bodies.",
    "The sector is well led, governed and supported by adequate infrastructure.",
    "The sector and individual groups know their full value and show and grow their impact.",
]


def test_first_version_holds_the_source_statements_word_for_word(definition: Definition) -> None:
    statements = [indicator.statement for indicator in definition.in_force("1")]
    assert statements == SOURCE_STATEMENTS


def test_numbers_run_1_to_17_in_every_version(definition: Definition) -> None:
    for version in definition.version_names:
        assert [i.number for i in definition.in_force(version)] == list(range(1, 18))


def test_version_2_replaces_ni7_from_2011(definition: Definition) -> None:
    assert definition.version_for(parse_period("2010-11")) == "1"
    assert definition.version_for(parse_period("2011-12")) == "2"
    assert definition.version_for(parse_period("2010")) == "1"
    assert definition.version_for(parse_period("2011")) == "2"
    third = definition.in_force("2")[2]
    assert (third.id, third.replaces) == ("compact-measure", "ni7-compact-indicator")
    assert definition.lineage("compact-measure") == "ni7-compact-indicator"


def test_scale_and_themes_add_up_to_51(definition: Definition) -> None:
    assert definition.scale.labels == {
        0: "Not in place",
        1: "Early progress",
        2: "Good progress",
        3: "Fully in place",
    }
    per_theme = {theme.id: 0 for theme in definition.themes}
    for indicator in definition.in_force("2"):
        per_theme[indicator.theme] += definition.scale.max
    assert sum(per_theme.values()) == 51
    assert all(per_theme.values())


def test_the_bundled_file_names_no_email_address() -> None:
    assert "@" not in bundled_path().read_text(encoding="utf-8")


def test_every_indicator_has_at_least_two_discussion_prompts(definition: Definition) -> None:
    few = {i.id: len(i.prompts) for i in definition.indicators if len(i.prompts) < 2}
    assert few == {}
