"""Render a :class:`~plan_parser.diff.PlanDiff` or a :class:`~plan_parser.check.CheckResult`.

Formats: ``table`` (terminal, CJK-aware widths), ``json``, ``markdown``, ``csv``
(one row per indicator pair, or per finding) and ``html`` (one self-contained
page: inline CSS and an inline SVG chart, no script, nothing fetched).  Every
format is built from the same row records, so they cannot disagree.  ``lang``
picks the labels of ``table``, ``markdown``, ``csv`` and ``html``: ``en`` uses a
name's ``*_en`` where the plan has one and falls back to the Chinese.  ``json``
ignores it: it always carries both languages (``name`` and ``name_en`` …).  A
matched pair whose only difference is its name is shown as ``renamed`` (the name
change is listed among the changes for people to read; it is not counted as
``changed``).  ``only_changed`` drops what agrees (unchanged pairs,
agreeing findings); summary counts always describe the whole result.
"""
from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable

from .check import CHECKS, CheckResult, Figure, Finding
from .diff import Change, ItemPair, PlanDiff
from .render import markdown_table, pick, text_table, truncate

__all__ = ["FORMATS", "render_diff", "render_check"]

FORMATS = ("table", "json", "markdown", "csv", "html")

#: key → (English, Chinese); the levels 省/市/区/县 are their own Chinese label
_LABEL_PAIRS = {
    "diff_title": ("Plan diff", "规划对比"),
    "check_title": ("Plan consistency check", "规划一致性检查"),
    "left": ("left", "左"),
    "right": ("right", "右"),
    "status": ("status", "状态"),
    "match": ("match", "匹配"),
    "changes": ("changes", "变化"),
    "left_target": ("left target", "左目标"),
    "right_target": ("right target", "右目标"),
    "direction": ("direction", "方向"),
    "share": ("share", "比例"),
    "weaker": ("weaker", "较弱"),
    "check": ("check", "检查"),
    "note": ("note", "说明"),
    "indicators": ("Indicators", "指标"),
    "projects": ("Projects", "重点项目"),
    "sections": ("Headings", "章节标题"),
    "matched": ("matched", "匹配"),
    "changed": ("changed", "有变化"),
    "renamed": ("renamed", "更名"),
    "unchanged": ("unchanged", "无变化"),
    "only_left": ("only left", "仅左"),
    "only_right": ("only right", "仅右"),
    "agree": ("agree", "一致"),
    "disagree": ("disagree", "不一致"),
    "added": ("Projects added", "新增项目"),
    "dropped": ("Projects dropped", "删去项目"),
    "projects_changed": ("Projects changed", "改动项目"),
    "chart": ("Target changes (right against left, %)", "目标变化（右相对左，%）"),
    "no_chart": ("No target changed in a way that can be charted.", "没有可绘图的目标变化。"),
    "none": ("none", "无"),
    "name": ("indicator", "指标"),
    "baseline": ("baseline", "基数"),
    "target": ("target", "目标"),
    "actual": ("actual", "实际"),
    "attribute": ("attribute", "属性"),
    "line": ("line", "行"),
    "block": ("block", "块"),
    "column": ("column ", "专栏"),
    "left_baseline": ("left baseline", "左基数"),
    "right_baseline": ("right baseline", "右基数"),
    "省": ("province", "省"),
    "市": ("city", "市"),
    "区": ("district", "区"),
    "县": ("county", "县"),
    "stricter": ("stricter", "更严"),
    "looser": ("looser", "更松"),
    "notes": ("Notes", "备注"),
    "consistent": ("consistent", "一致"),
    "inconsistent": ("disagreements found", "发现不一致"),
}
LABELS = {"en": {k: v[0] for k, v in _LABEL_PAIRS.items()},
          "zh": {k: v[1] for k, v in _LABEL_PAIRS.items()}}


def _raw(q) -> str:
    """A quantity (object or dict) as written."""
    if q is None:
        return ""
    return q["raw"] if isinstance(q, dict) else q.raw


def _loc(loc: dict, lang: str) -> str:
    lab = LABELS[lang]
    if "line" in loc:
        return f"{lab['line']} {loc['line']}"
    if "block" in loc:
        return f"{lab['block']} {loc['block']}" + (f"/{loc['row']}" if "row" in loc else "")
    return ""


# -- diff rows ------------------------------------------------------------------------


def _item_label(item, lang: str) -> str:
    """``2#7 失业保险参保人数`` for an indicator, ``3#1 …`` for a project, ``2.3 …`` for a section."""
    if item is None:
        return ""
    if hasattr(item, "name"):
        return f"{item.column}#{item.seq} {pick(item.name, item.name_en, lang)}"
    if hasattr(item, "level"):
        number = str(item.chapter) if item.level == "chapter" else f"{item.chapter}.{item.number}"
        return f"{number} {pick(item.title, item.title_en, lang)}"
    return f"{item.column}#{item.seq} {pick(item.title, item.title_en, lang)}"


def _state(pair: ItemPair) -> str:
    """``changed`` (some field differs), ``renamed`` (only the name does), ``unchanged``, or the status."""
    if pair.status != "matched":
        return pair.status
    if pair.changes:
        return "changed"
    return "renamed" if pair.renamed else "unchanged"


def _shown_changes(pair: ItemPair) -> list[Change]:
    """The pair's changes as people read them: an indicator's rename first (``name: A→B``).

    A project's or heading's rename is already its ``title`` change."""
    if pair.renamed and hasattr(pair.left, "name") and not any(c.field == "name" for c in pair.changes):
        return [Change("name", pair.left.name, pair.right.name), *pair.changes]
    return pair.changes


def _change_text(change, lang: str) -> str:
    """``target: 650→9.2``; units are added when the two sides write different ones."""
    a, b = change.left, change.right
    units = isinstance(a, dict) and isinstance(b, dict) and a.get("unit") != b.get("unit")

    def show(v):
        if isinstance(v, dict):
            return v.get("raw", "") + (f" {v.get('unit') or ''}".rstrip() if units else "")
        return "" if v is None else str(v)
    return f"{LABELS[lang].get(change.field, change.field)}: {show(a)}→{show(b)}"


def _flag(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def pair_record(pair: ItemPair, lang: str) -> dict[str, str]:
    """Every column any format shows for one pair, as text; status and direction as codes."""
    target = next((c for c in pair.changes if c.field == "target"), None)
    shown = _shown_changes(pair)
    rec = {
        "status": _state(pair),
        "method": pair.match.method if pair.match else "",
        "score": f"{pair.match.score:.2f}" if pair.match else "",
        "left": _item_label(pair.left, lang),
        "right": _item_label(pair.right, lang),
        "changes": "; ".join(_change_text(c, lang) for c in shown),
        "changed_fields": " ".join(c.field for c in shown),
        "direction": (target.direction or "") if target else "",
        "share": "" if pair.share is None else f"{pair.share:g}",
        "weaker": _flag(pair.weaker),
    }
    for side in ("left", "right"):
        item = getattr(pair, side)
        for name in ("baseline", "target", "actual"):
            rec[f"{side}_{name}"] = _raw(getattr(item, name, None))
        rec[f"{side}_column"] = "" if item is None else str(getattr(item, "column", getattr(item, "chapter", "")))
        rec[f"{side}_seq"] = "" if item is None else str(getattr(item, "seq", getattr(item, "number", "")))
        rec[f"{side}_loc"] = "" if item is None else _loc(item.loc, lang)
    return rec


INDICATOR_VIEW = ["status", "match", "left", "right", "changes", "left_target", "right_target",
                  "direction", "share", "weaker"]
ITEM_VIEW = ["status", "match", "left", "right", "changes"]
CSV_INDICATOR_FIELDS = ["status", "method", "score", "left_column", "left_seq", "left", "right_column",
                        "right_seq", "right", "changed_fields", "changes", "left_baseline",
                        "right_baseline", "left_target", "right_target", "left_actual", "right_actual",
                        "direction", "share", "weaker", "left_loc", "right_loc"]


def _view(rec: dict[str, str], columns: list[str], lang: str) -> list[str]:
    """The columns of a record for people: codes (status, direction) put into words."""
    lab = LABELS[lang]
    rec = dict(rec, match=f"{rec['method']} {rec['score']}".strip(), status=lab[rec["status"]],
               direction=lab.get(rec.get("direction"), rec.get("direction", "")))
    return [rec.get(c, "") for c in columns]


def _pairs(pairs: list[ItemPair], only_changed: bool) -> list[ItemPair]:
    return [p for p in pairs if p.different] if only_changed else pairs


def _header(columns: list[str], lang: str) -> list[str]:
    return [LABELS[lang].get(c, c) for c in columns]


def _summary_line(diff: PlanDiff, lang: str) -> str:
    lab = LABELS[lang]
    return ", ".join(f"{lab[k]} {v}" for k, v in diff.summary.items())


def _side_line(side: dict, lang: str) -> str:
    title = pick(side.get("title"), side.get("title_en"), lang) or "?"
    region = pick(side.get("region"), side.get("region_en"), lang) or "?"
    level = LABELS[lang].get(side.get("level"), side.get("level")) or "?"
    return f"{title} ({region}, {level}, {side.get('period_start') or '?'}–{side.get('period_end') or '?'})"


def _diff_blocks(diff: PlanDiff, lang: str, only_changed: bool):
    """(heading, header, rows) for the three lists, shared by table and Markdown."""
    lab = LABELS[lang]
    for key, view in (("indicators", INDICATOR_VIEW), ("projects", ITEM_VIEW), ("sections", ITEM_VIEW)):
        rows = [_view(pair_record(p, lang), view, lang) for p in _pairs(getattr(diff, key), only_changed)]
        yield lab[key], _header(view, lang), rows


def diff_table(diff: PlanDiff, lang: str, only_changed: bool) -> str:
    lab = LABELS[lang]
    out = [f"{lab['left']}: {_side_line(diff.left, lang)}", f"{lab['right']}: {_side_line(diff.right, lang)}",
           f"{lab['indicators']}: {_summary_line(diff, lang)}"]
    for title, header, rows in _diff_blocks(diff, lang, only_changed):
        out += ["", f"{title} ({len(rows)})", text_table(header, rows) if rows else lab["none"]]
    return "\n".join(out)


def diff_markdown(diff: PlanDiff, lang: str, only_changed: bool) -> str:
    lab = LABELS[lang]
    out = [f"# {lab['diff_title']}", "", f"- **{lab['left']}**: {_side_line(diff.left, lang)}",
           f"- **{lab['right']}**: {_side_line(diff.right, lang)}", "",
           markdown_table(list(_header(list(diff.summary), lang)), [[str(v) for v in diff.summary.values()]])]
    for title, header, rows in _diff_blocks(diff, lang, only_changed):
        out += ["", f"## {title} ({len(rows)})", "", markdown_table(header, rows) if rows else lab["none"]]
    return "\n".join(out) + "\n"


def _csv(fields: list[str], records: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buf.getvalue()


def diff_csv(diff: PlanDiff, lang: str, only_changed: bool) -> str:
    return _csv(CSV_INDICATOR_FIELDS, [pair_record(p, lang) for p in _pairs(diff.indicators, only_changed)])


def diff_json(diff: PlanDiff, only_changed: bool) -> str:
    data = diff.to_dict()
    if only_changed:
        for key in ("indicators", "projects", "sections"):
            data[key] = [p.to_dict() for p in _pairs(getattr(diff, key), True)]
    return json.dumps(data, ensure_ascii=False, indent=2)


# -- HTML -----------------------------------------------------------------------------

_CSS = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei","PingFang SC",sans-serif;
margin:24px;color:#1f2328;background:#fff;line-height:1.45}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de}
.sides{font-size:14px;color:#57606a}.cards{display:flex;gap:12px;margin:16px 0}
.card{border:1px solid #d0d7de;border-radius:6px;padding:10px 16px;min-width:110px;text-align:center}
.card b{display:block;font-size:28px}.card span{font-size:13px;color:#57606a}
table{border-collapse:collapse;font-size:13px;width:100%}th,td{border:1px solid #d0d7de;padding:4px 6px;
text-align:left;vertical-align:top}th{background:#f6f8fa}
td:nth-child(-n+2),th{white-space:nowrap}
tr.changed td{background:#fff8c5}tr.renamed td{background:#ddf4ff}tr.only_left td{background:#ffebe9}tr.only_right td{background:#dafbe1}
tr.disagree td{background:#ffebe9}tr.agree td{background:#f6fff8}
.stricter{fill:#1a7f37}.looser{fill:#cf222e}.neutral{fill:#8c959f}svg text{font-size:12px}
ul{font-size:14px}
"""


def _esc(text) -> str:
    return html.escape("" if text is None else str(text))


def _html_table(header: list[str], rows: list[list[str]], classes: list[str]) -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in header)
    body = "".join(f'<tr class="{c}">' + "".join(f"<td>{_esc(x)}</td>" for x in r) + "</tr>"
                   for r, c in zip(rows, classes))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cards(counts: dict[str, int], lang: str) -> str:
    lab = LABELS[lang]
    return '<div class="cards">' + "".join(
        f'<div class="card" id="count-{k}"><b>{v}</b><span>{_esc(lab.get(k, k))}</span></div>'
        for k, v in counts.items()) + "</div>"


def _page(title: str, body: str, lang: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
            f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body>{body}</body></html>\n")


def target_bars(diff: PlanDiff) -> list[tuple[ItemPair, float]]:
    """Changed targets that can be drawn: both plain numbers in one base unit, left non-zero."""
    out = []
    for p in diff.indicators:
        change = next((c for c in p.changes if c.field == "target"), None)
        if change is None or not change.left or not change.right:
            continue
        a, b = change.left, change.right
        if a["kind"] == b["kind"] == "number" and a["base_unit"] == b["base_unit"] \
                and a["base_value"] and b["base_value"] is not None:
            out.append((p, (b["base_value"] - a["base_value"]) / abs(a["base_value"]) * 100))
    return out


def target_chart(diff: PlanDiff, lang: str) -> str:
    """An inline SVG bar chart: one bar per changed target, % change, coloured by direction."""
    bars = target_bars(diff)
    if not bars:
        return f"<p>{_esc(LABELS[lang]['no_chart'])}</p>"
    label_w, plot_w, row_h = 330, 520, 24
    scale = max(abs(v) for _p, v in bars) or 1.0
    zero = label_w + plot_w / 2
    height = row_h * len(bars) + 30
    parts = [f'<svg width="{label_w + plot_w + 20}" '
             f'height="{height}" role="img" aria-label="{_esc(LABELS[lang]["chart"])}">',
             f'<line x1="{zero}" y1="0" x2="{zero}" y2="{height - 20}" stroke="#57606a"/>']
    for n, (pair, pct) in enumerate(bars):
        y = n * row_h + 4
        width = abs(pct) / scale * (plot_w / 2 - 60)
        x = zero if pct >= 0 else zero - width
        direction = next(c.direction for c in pair.changes if c.field == "target") or "neutral"
        anchor, tx = ("start", zero + width + 4) if pct >= 0 else ("end", zero - width - 4)
        parts += [f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end">'
                  f"{_esc(truncate(_item_label(pair.left, lang), 48))}</text>",
                  f'<rect class="{direction}" x="{x:.1f}" y="{y}" width="{max(width, 1):.1f}" height="{row_h - 8}"/>',
                  f'<text x="{tx:.1f}" y="{y + 14}" text-anchor="{anchor}">{pct:+.1f}%</text>']
    parts.append(f'<text x="{zero}" y="{height - 4}" text-anchor="middle">0</text></svg>')
    return "".join(parts)


def diff_html(diff: PlanDiff, lang: str, only_changed: bool) -> str:
    lab = LABELS[lang]
    body = [f"<h1>{_esc(lab['diff_title'])}</h1>",
            f'<div class="sides"><div>{_esc(lab["left"])}: {_esc(_side_line(diff.left, lang))}</div>'
            f'<div>{_esc(lab["right"])}: {_esc(_side_line(diff.right, lang))}</div></div>',
            _cards(diff.summary, lang), f"<h2>{_esc(lab['chart'])}</h2>", target_chart(diff, lang)]
    side_by_side = ["status", "match", "left", "left_baseline", "left_target", "right", "right_baseline",
                    "right_target", "changes", "direction", "share", "weaker"]
    pairs = _pairs(diff.indicators, only_changed)
    body += [f"<h2>{_esc(lab['indicators'])} ({len(pairs)})</h2>",
             _html_table(_header(side_by_side, lang), [_view(pair_record(p, lang), side_by_side, lang) for p in pairs],
                         [_state(p) for p in pairs])]
    for key, status in (("dropped", "only_left"), ("added", "only_right")):
        items = [p.left or p.right for p in diff.projects if p.status == status]
        body.append(f"<h2>{_esc(lab[key])} ({len(items)})</h2><ul>"
                    + "".join(f"<li>{_esc(_item_label(i, lang))}</li>" for i in items) + "</ul>")
    for key, pairs in (("projects_changed", [p for p in diff.projects if p.changed]),
                       ("sections", _pairs(diff.sections, True))):
        body.append(f"<h2>{_esc(lab[key])} ({len(pairs)})</h2>"
                    + _html_table(_header(ITEM_VIEW, lang), [_view(pair_record(p, lang), ITEM_VIEW, lang) for p in pairs],
                                  [_state(p) for p in pairs]))
    return _page(lab["diff_title"], "".join(body), lang)


# -- check ------------------------------------------------------------------------------


def _figure_place(fig: Figure | None, lang: str) -> str:
    if fig is None:
        return ""
    lab = LABELS[lang]
    where = _loc(fig.loc, lang)
    if fig.kind == "cell":
        return f"{lab['column']}{fig.column}#{fig.seq} {lab.get(fig.field, fig.field)}, {where}"
    if lang == "zh":
        return f"第{fig.chapter}章" + (f"第{fig.section}节" if fig.section else "") + f", {where}"
    return f"ch. {fig.chapter}" + (f" § {fig.section}" if fig.section else "") + f", {where}"


def finding_record(f: Finding, lang: str) -> dict[str, str]:
    """Every column any format shows for one finding, as text; status as a code."""
    rec = {"check": f.check, "status": f.status, "method": f.match.method if f.match else "",
           "score": f"{f.match.score:.2f}" if f.match else "", "note": f.note or ""}
    for side in ("left", "right"):
        fig: Figure | None = getattr(f, side)
        rec[f"{side}_name"] = "" if fig is None else pick(fig.name, fig.name_en, lang)
        rec[f"{side}_value"] = _raw(fig.quantity) if fig else ""
        rec[f"{side}_location"] = _figure_place(fig, lang)
        rec[f"{side}_context"] = (fig.context or "") if fig else ""
        rec[side] = "" if fig is None else f"{rec[f'{side}_name']} = {rec[f'{side}_value']} ({rec[f'{side}_location']})"
    return rec


CHECK_VIEW = ["check", "status", "match", "left", "right", "note"]
CSV_CHECK_FIELDS = ["check", "status", "method", "score", "left_name", "left_value", "left_location",
                    "left_context", "right_name", "right_value", "right_location", "right_context", "note"]


def _findings(result: CheckResult, only_changed: bool) -> list[Finding]:
    return [f for f in result.findings if f.status != "agree"] if only_changed else result.findings


def _check_head(result: CheckResult, lang: str) -> list[str]:
    lab = LABELS[lang]
    verdict = lab["consistent"] if result.consistent else lab["inconsistent"]
    counts = ", ".join(f"{lab[k]} {v}" for k, v in result.summary.items())
    sides = [f"{k}: {lab['left']} = {v[0]}, {lab['right']} = {v[1]}" for k, v in CHECKS.items()]
    return [_side_line(result.plan, lang), f"{verdict}: {counts}", *sides,
            *(f"{lab['notes']}: {n}" for n in result.notes)]


def check_table(result: CheckResult, lang: str, only_changed: bool) -> str:
    rows = [_view(finding_record(f, lang), CHECK_VIEW, lang) for f in _findings(result, only_changed)]
    return "\n".join(_check_head(result, lang)) + "\n\n" + text_table(_header(CHECK_VIEW, lang), rows)


def check_markdown(result: CheckResult, lang: str, only_changed: bool) -> str:
    rows = [_view(finding_record(f, lang), CHECK_VIEW, lang) for f in _findings(result, only_changed)]
    head = _check_head(result, lang)
    return "\n".join([f"# {LABELS[lang]['check_title']}", "", *(f"- {h}" for h in head), "",
                      markdown_table(_header(CHECK_VIEW, lang), rows)]) + "\n"


def check_csv(result: CheckResult, lang: str, only_changed: bool) -> str:
    return _csv(CSV_CHECK_FIELDS, [finding_record(f, lang) for f in _findings(result, only_changed)])


def check_json(result: CheckResult, only_changed: bool) -> str:
    data = result.to_dict()
    data["findings"] = [f.to_dict() for f in _findings(result, only_changed)]
    return json.dumps(data, ensure_ascii=False, indent=2)


def check_html(result: CheckResult, lang: str, only_changed: bool) -> str:
    lab = LABELS[lang]
    findings = _findings(result, only_changed)
    head = _check_head(result, lang)
    body = [f"<h1>{_esc(lab['check_title'])}</h1>", f'<div class="sides">{_esc(head[0])}</div>',
            _cards(result.summary, lang), "<ul>" + "".join(f"<li>{_esc(h)}</li>" for h in head[1:]) + "</ul>",
            _html_table(_header(CHECK_VIEW, lang), [_view(finding_record(f, lang), CHECK_VIEW, lang) for f in findings],
                        [f.status for f in findings])]
    return _page(lab["check_title"], "".join(body), lang)


# -- entry points -------------------------------------------------------------------------

_DIFF: dict[str, Callable[..., str]] = {"table": diff_table, "markdown": diff_markdown, "csv": diff_csv,
                                        "html": diff_html}
_CHECK: dict[str, Callable[..., str]] = {"table": check_table, "markdown": check_markdown, "csv": check_csv,
                                         "html": check_html}


def render_diff(diff: PlanDiff, fmt: str = "table", *, lang: str = "zh", only_changed: bool = False) -> str:
    """The diff in one of :data:`FORMATS`."""
    if fmt == "json":
        return diff_json(diff, only_changed)
    return _DIFF[fmt](diff, lang, only_changed)


def render_check(result: CheckResult, fmt: str = "table", *, lang: str = "zh", only_changed: bool = False) -> str:
    """The check result in one of :data:`FORMATS`."""
    if fmt == "json":
        return check_json(result, only_changed)
    return _CHECK[fmt](result, lang, only_changed)
