"""Sources' publication dates in Korean on Korean pages (mbc_guide.korean_dates); the English as written on English
pages; a date the module cannot read stops the Korean build with one line naming data/sources.yaml."""
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from mbc_guide.cli import build_site
from mbc_guide.korean_dates import MONTHS, UnreadableDate, korean_published, published_in

REPO = Path(__file__).resolve().parents[1]

# One of each form found in data/sources.yaml, with the Korean a reader sees.
FORMS = {
    "2025": "2025년",
    "November 2025": "2025년 11월",
    "29 October 2025": "2025년 10월 29일",
    "9 January 2020": "2020년 1월 9일",
    "29 October 2025 (online)": "2025년 10월 29일(온라인)",
    "December 2021 (online)": "2021년 12월(온라인)",
    "20 October 2025 (event)": "2025년 10월 20일(행사)",
    "9 January 2020 (page last updated)": "2020년 1월 9일(페이지 최종 수정)",
    "7 August 2025 (online 1 June 2025)": "2025년 8월 7일(온라인 2025년 6월 1일)",
    "February 2020 (online December 2019)": "2020년 2월(온라인 2019년 12월)",
    "label revised March 2023": "2023년 3월(허가 정보 개정)",
    "label changes January 2024": "2024년 1월(허가 정보 변경)",
    "label updated 9 May 2011": "2011년 5월 9일(허가 정보 갱신)",
    "about 2019 to 2020": "2019~2020년경",
    "not stated": "날짜 없음",
    "date not stated": "날짜 없음",
    "undated": "날짜 없음",
}


def data_dates() -> list[str]:
    sources = yaml.safe_load((REPO / "data/sources.yaml").read_text(encoding="utf-8"))
    return sorted({str(source["published"]) for source in sources})


@pytest.mark.parametrize("english, korean", FORMS.items())
def test_each_form_is_written_the_korean_way(english, korean):
    assert korean_published(english) == korean


@pytest.mark.parametrize("english", data_dates())
def test_every_date_in_the_data_has_a_korean_form_keeping_its_years_and_days(english):
    korean = korean_published(english)
    assert not re.search(r"[A-Za-z]", korean)
    # Every year and day stays as written; the only numbers added are the months' numbers.
    months = [str(MONTHS[name]) for name in re.findall("|".join(MONTHS), english)]
    assert Counter(re.findall(r"\d+", korean)) == Counter(re.findall(r"\d+", english)) + Counter(months)


@pytest.mark.parametrize("unreadable", ["Oct 2025", "31 Octember 2025", "2025-10-29", "29 October 2025 (print)",
                                        "spring 2024", ""])
def test_a_form_the_module_cannot_read_is_refused_naming_it(unreadable):
    with pytest.raises(UnreadableDate, match=re.escape(repr(unreadable))):
        korean_published(unreadable)


def test_english_pages_print_the_date_as_the_data_writes_it():
    assert published_in("29 October 2025 (online)", "en") == "29 October 2025 (online)"
    assert published_in("Oct 2025", "en") == "Oct 2025"  # the English edition never needs the Korean form
    assert published_in("29 October 2025 (online)", "ko") == "2025년 10월 29일(온라인)"


def test_citations_and_source_lists_print_the_date_in_each_pages_language(built_site):
    korean = (built_site / "ko/her2-positive.html").read_text(encoding="utf-8")
    english = (built_site / "her2-positive.html").read_text(encoding="utf-8")
    assert "(Tolaney and others), 2025년 10월 29일(온라인)</a>" in korean
    assert "(Tolaney and others), 29 October 2025 (online)</a>" in english
    korean_sources = (built_site / "ko/sources.html").read_text(encoding="utf-8")
    assert "(online)" not in korean_sources and "not stated" not in korean_sources
    assert "2025년 8월 7일(온라인 2025년 6월 1일)" in korean_sources


def test_an_unreadable_date_stops_the_korean_build_with_one_line(tmp_path, capsys):
    from korean_site import korean_site_sources

    project = korean_site_sources(tmp_path)
    sources = project / "data/sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("published: 29 October 2025 (online)", "published: 29 Oct 2025 (online)", 1),
                       encoding="utf-8")
    line = text.splitlines().index("  published: 29 October 2025 (online)") + 1
    entry_id = re.findall(r"(?m)^- id: (\S+)$", "\n".join(text.splitlines()[:line]))[-1]
    assert build_site(project / "mkdocs.yml", project / "site") is None
    output = capsys.readouterr().err
    errors = [e for e in output.splitlines() if "cannot be written in Korean" in e]
    assert len(errors) == 1 and errors[0].startswith(
        f"data/sources.yaml:{line}: {entry_id}.published: the date '29 Oct 2025 (online)' cannot be written in Korean")
    assert "Traceback" not in output
