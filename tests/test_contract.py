"""The four descriptions of the contract — the model, the JSON Schema, docs/schema.md and the
DataFrames — must not drift apart.  Each test names the field that one of them lacks."""
from __future__ import annotations

import dataclasses
import json
import re
import typing
from importlib import resources
from pathlib import Path

import pytest

from plan_parser import model

SCHEMA = json.loads(resources.files("plan_parser").joinpath("schema/plan.schema.json").read_text("utf-8"))
DOCS = (Path(__file__).parents[1] / "docs" / "schema.md").read_text("utf-8")

#: schema ``$defs`` name → the model class it describes.
DEFS = {
    "quantity": model.Quantity, "source": model.Source, "meta": model.Meta,
    "text_block": model.TextBlock, "section": model.Section, "chapter": model.Chapter,
    "part": model.Part, "column": model.Column, "indicator": model.Indicator,
    "project": model.Project, "task": model.Task, "warning": model.ParseWarning,
}


def fields(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


@pytest.mark.parametrize("name", sorted(DEFS))
def test_schema_properties_are_the_model_fields(name):
    definition = SCHEMA["$defs"][name]
    assert set(definition["properties"]) == fields(DEFS[name])
    assert definition["additionalProperties"] is False


def test_schema_top_level_is_the_plan():
    assert set(SCHEMA["properties"]) == fields(model.Plan)
    assert SCHEMA["properties"]["schema_version"]["const"] == model.SCHEMA_VERSION


@pytest.mark.parametrize("definition, prop, literal", [
    ("quantity", "kind", model.QuantityKind),
    ("quantity", "comparator", model.Comparator),
    ("source", "format", model.SourceFormat),
    ("meta", "level", model.Level),
    ("column", "kind", model.ColumnKind),
    ("indicator", "attribute_code", model.AttributeCode),
])
def test_schema_enums_are_the_model_literals(definition, prop, literal):
    enum = SCHEMA["$defs"][definition]["properties"][prop]["enum"]
    assert {v for v in enum if v is not None} == set(typing.get_args(literal))


def test_schema_loc_keys_are_the_loc_type():
    assert set(SCHEMA["$defs"]["loc"]["properties"]) <= set(model.Loc.__annotations__)


@pytest.mark.parametrize("name", sorted(DEFS))
def test_docs_name_every_field(name):
    missing = sorted(f for f in fields(DEFS[name]) if not re.search(rf"`[^`]*\b{re.escape(f)}\b[^`]*`", DOCS))
    assert missing == [], f"docs/schema.md does not mention {name} fields {missing}"


def test_frames_carry_every_indicator_field():
    """Every scalar field of an indicator is a column of the indicators frame, and every
    Quantity field of every quantity role is a ``{role}_{field}`` column."""
    pytest.importorskip("pandas")
    from plan_parser.frames import FRAMES

    columns = set(FRAMES["indicators"])
    quantity_fields = fields(model.Quantity) - {"context"}
    for f in dataclasses.fields(model.Indicator):
        if f.name == "loc":
            continue
        if "Quantity" in str(f.type):
            missing = {q for q in quantity_fields if f"{f.name}_{q}" not in columns}
            assert not missing, f"indicators frame lacks {f.name}_* columns {sorted(missing)}"
        else:
            assert f.name in columns, f"indicators frame lacks {f.name}"


def test_old_warning_name_still_imports():
    assert model.Warning is model.ParseWarning


def test_docs_settings_lists_every_setting_with_its_default():
    """docs/settings.md's table names every Settings field with the value DEFAULTS has."""
    from plan_parser.settings import DEFAULTS, Settings

    text = (Path(__file__).parents[1] / "docs" / "settings.md").read_text("utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| ([^ |]+)", text, flags=re.M))
    for f in dataclasses.fields(Settings):
        assert f.name in rows, f"docs/settings.md does not list {f.name}"
        default = getattr(DEFAULTS, f.name)
        if default is None or isinstance(default, bool):
            assert rows[f.name] == str(default), f.name
        else:
            assert float(rows[f.name]) == default, f.name


@pytest.mark.parametrize("loc, text", [
    ({"line": 12}, "line 12"),
    ({"line": 12, "end_line": 15}, "line 12"),
    ({"block": 19}, "block 19"),
    ({"block": 19, "row": 3}, "block 19/3"),
    ({"page": 4, "block": 19, "row": 3}, "page 4 block 19/3"),   # a PDF table row: the page first
    (None, ""),
])
def test_one_location_formatter_for_every_view(loc, text):
    assert model.loc_text(loc) == text


def test_a_report_names_a_pdf_items_page():
    from plan_parser.report import _loc

    assert _loc({"page": 4, "block": 19, "row": 3}, "zh") == "页 4 块 19/3"
    assert _loc({"page": 4, "block": 19, "row": 3}, "en") == "page 4 block 19/3"


def test_a_continued_box_lists_its_own_rows_once_in_the_markdown_view():
    """专栏1 and 专栏1（续） share the number 1: each lists its own two rows (by ``table``), not all
    four twice.  The input is tests/data/diff/continued_column.md (constructed)."""
    from plan_parser import load_plan
    from plan_parser.render import plan_markdown

    plan = load_plan(Path(__file__).parent / "data" / "diff" / "continued_column.md")
    assert [(i.column, i.seq, i.table) for i in plan.indicators][:4] == [(1, 1, 0), (1, 2, 0), (1, 3, 1), (1, 4, 1)]
    text = plan_markdown(plan)
    for name in ("城镇新增就业人数", "城镇调查失业率", "失业保险参保人数", "基本养老保险参保率"):
        assert text.count(name) == 1, name
