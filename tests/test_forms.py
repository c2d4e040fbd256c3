"""One parametrized test: every form of the reference plan yields the same plan.

Text in each encoding and line ending, the real .docx and each constructed Word
layout, government web pages in gb2312 and utf-8, and Markdown (see forms.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest

import forms
from plan_parser import load_plan
from reference_checks import check_reference_plan
from test_text_forms import TEXT_FORMS

ROOT = Path(__file__).resolve().parents[1]

FORMS = {
    **{f"txt {name}": (".txt", lambda make=make: make(forms.SAMPLE.read_text(encoding="utf-8")))
       for name, make in TEXT_FORMS.items()},
    "docx (real sample)": (".docx", lambda: (ROOT / "samples" / "tongliang_hrss_14th.docx").read_bytes()),
    **{f"docx {layout}": (".docx", lambda layout=layout: forms.docx_form(layout)) for layout in forms.DOCX_LAYOUTS},
    "html utf-8": (".html", lambda: forms.html_page("utf-8")),
    "html gb2312": (".htm", lambda: forms.html_page("gb2312")),
    "html saved as .txt": (".txt", lambda: forms.html_page("utf-8")),
    "markdown": (".md", forms.markdown),
    "markdown saved as .txt": (".txt", forms.markdown),
    "markdown with no extension": ("", forms.markdown),
    "pdf (LibreOffice print of the docx)": (".pdf", lambda: (ROOT / "samples" / "tongliang_hrss_14th.pdf").read_bytes()),
    "markdown with inline HTML": (".md", lambda: forms.markdown().replace(
        "——实施就业优先战略".encode(), "<p>——实施就业优先战略".encode(), 1)),
}


@pytest.mark.parametrize("form", FORMS)
def test_every_form_yields_the_reference_plan(form, tmp_path):
    suffix, make = FORMS[form]
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(make())
    plan = load_plan(path)
    check_reference_plan(plan)
    expected_format = {".txt": "txt", ".docx": "docx", ".html": "html", ".htm": "html", ".md": "md",
                       ".pdf": "pdf"}.get(suffix)
    if form == "html saved as .txt":
        expected_format = "html"  # sniffed from the content, not the extension
    if form.startswith("markdown"):
        expected_format = "md"  # by content when the extension lies or is missing
    assert plan.source.format == expected_format
    loc_key = "line" if expected_format in ("txt", "md") else "block"
    assert all(loc_key in i.loc for i in plan.indicators)
    assert all(loc_key in t.loc for t in plan.tasks)


def test_html_metadata_table_fills_meta_and_is_not_a_column(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(forms.html_page("gb2312"))
    plan = load_plan(path)
    assert plan.source.encoding in ("gb18030", "gb2312", "gbk")
    assert plan.meta.issuer == "重庆市铜梁区人民政府办公室"
    assert plan.meta.issued_date == "2022-07-04"
    assert len(plan.columns) == 7
    preamble = " ".join(b.text for b in plan.preamble)
    assert "当前位置" not in preamble and "网站标识码" not in preamble and "不是正文" not in preamble
