"""plan_parser: Chinese five-year plans as clean, bilingual, structured data.

    >>> from plan_parser import load_plan
    >>> plan = load_plan("samples/tongliang_hrss_14th.txt")
    >>> plan.meta.region
    '铜梁区'

Importing the package is cheap: readers, jieba and pandas load on first use.
"""
from __future__ import annotations

from .errors import PlanParseError
from .model import Plan, Quantity

__all__ = ["load_plan", "add_english", "diff_plans", "read_plans", "check_plan", "compare_plans", "Plan",
           "Quantity", "PlanParseError", "Settings"]
__version__ = "0.1.0"

_LAZY = {
    "load_plan": ("plan_parser.api", "load_plan"),
    "add_english": ("plan_parser.api", "add_english"),
    "Settings": ("plan_parser.settings", "Settings"),
    "diff_plans": ("plan_parser.diff", "diff_plans"),
    "read_plans": ("plan_parser.frames", "read_plans"),
    "check_plan": ("plan_parser.check", "check_plan"),
    "compare_plans": ("plan_parser.compare", "compare_plans"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'plan_parser' has no attribute {name!r}")
