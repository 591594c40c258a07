"""A preview rebuild reuses the pages an edit did not change, and its site is byte for byte that of a full build."""
import subprocess
import sys
from pathlib import Path

import jinja2

from korean_site import korean_site_sources
from mbc_guide.preview import PreviewBuilder

FRESH_BUILD = ("import sys; from pathlib import Path; from mbc_guide.preview import PreviewBuilder; "
               "sys.exit(0 if PreviewBuilder(Path(sys.argv[1]), Path(sys.argv[2]))() else 1)")


def files_in(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def full_build(project: Path) -> dict[str, bytes]:
    """The same project built by a new process, as the first build of a preview (nothing to reuse)."""
    site = project / "fresh" / "site"
    subprocess.run([sys.executable, "-c", FRESH_BUILD, str(project / "mkdocs.yml"), str(site)], check=True,
                   capture_output=True)
    return files_in(site)


def rebuilt_differences(project: Path, builder: PreviewBuilder) -> list[str]:
    preview, fresh = files_in(builder.site_dir), full_build(project)
    return sorted(name for name in preview.keys() | fresh.keys() if preview.get(name) != fresh.get(name))


def test_a_data_edit_rebuilds_the_pages_that_show_it_and_the_site_equals_a_full_build(project_copy, capsys,
                                                                                       monkeypatch):
    builder = PreviewBuilder(project_copy / "mkdocs.yml", project_copy / "preview" / "site")
    assert builder() is True
    pages = len(list(builder.site_dir.rglob("*.html")))
    glossary = project_copy / "data" / "glossary.yaml"
    glossary.write_text(glossary.read_text().replace("Cancer that has spread", "Cancer that has really spread", 1))
    compiled, compile_template = [], jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda *args, **kwargs: compiled.append(args[1]) or
                        compile_template(*args, **kwargs))
    assert builder() is True, capsys.readouterr().err
    assert compiled == [], "no page's text changed: each page's compiled template is the last build's (parsed_pages)"
    showing = [path for path in builder.site_dir.rglob("*.html") if "Cancer that has really spread" in path.read_text()]
    assert showing, "the edited definition reaches the pages that use the term"
    assert 0 < builder.reuse.reused["written"] <= pages - len(showing)
    assert rebuilt_differences(project_copy, builder) == []


def test_a_component_or_title_edit_rebuilds_every_page_and_the_site_equals_a_full_build(project_copy, capsys):
    builder = PreviewBuilder(project_copy / "mkdocs.yml", project_copy / "preview" / "site")
    assert builder() is True
    component = project_copy / "overrides" / "components" / "glossary.html"
    component.write_text(component.read_text() + "\n<!-- edited -->\n")
    assert builder() is True, capsys.readouterr().err
    assert builder.reuse.reused == {"rendered": 0, "converted": 0, "written": 0}
    page = next((project_copy / "content").rglob("about.md"))  # its title is in the front matter and heading
    page.write_text(page.read_text().replace("About this site", "About this guide"))
    assert builder() is True, capsys.readouterr().err
    assert builder.reuse.reused["written"] == 0, "every page shows the new title in its navigation"
    assert rebuilt_differences(project_copy, builder) == []


def test_a_korean_edit_reruns_the_macros_of_korean_pages_only_and_the_site_equals_a_full_build(tmp_path, capsys):
    """A translator's edit (data/ko/) leaves the English edition's data, pages and settings as they were: its pages'
    macros and checks are not run again; every Korean page's are, and both editions equal a new build's."""
    project = korean_site_sources(tmp_path)
    builder = PreviewBuilder(project / "mkdocs.yml", project / "preview" / "site")
    assert builder() is True, capsys.readouterr().err
    english = len(list((project / "content" / "en").rglob("*.md")))
    glossary = project / "data" / "ko" / "glossary.yaml"
    glossary.write_text(glossary.read_text().replace("다른 곳으로 퍼진 것을 말합니다.", "다른 곳으로 퍼진 것을 뜻합니다.", 1))
    assert builder() is True, capsys.readouterr().err
    showing = [path for path in builder.site_dir.rglob("*.html") if "다른 곳으로 퍼진 것을 뜻합니다." in path.read_text()]
    assert showing and all(path.relative_to(builder.site_dir).parts[0] == "ko" for path in showing)
    korean_pages = len(list((builder.site_dir / "ko").rglob("*.html")))
    english_pages = len(list(builder.site_dir.rglob("*.html"))) - korean_pages
    assert english < builder.reuse.reused["rendered"] <= english_pages, "the English pages only, written and generated"
    assert rebuilt_differences(project, builder) == []
