"""Every built page is valid HTML: the Nu HTML checker (vnu, from package.json) reports no error."""
import re
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# "file:/.../site/glossary.html":77.5-77.102: error: message
GNU_LINE = re.compile(r'^"file:(?P<path>[^"]+)":(?P<line>\d+)\.\d+-\d+\.\d+: error: (?P<message>.*)$')


def test_every_page_passes_the_nu_html_checker(built_site):
    assert VNU_JAR.exists(), "the Nu HTML checker is missing: run `make setup` (npm ci installs vnu-jar)"
    assert shutil.which("java"), "Java is missing: run `make setup` (it installs default-jre-headless)"
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 16, f"expected every page and handout, found {len(pages)} HTML files"
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", *map(str, pages)],
                            capture_output=True, text=True, timeout=300)
    errors = []
    for line in result.stderr.splitlines():
        match = GNU_LINE.match(line)
        if match:
            page = Path(match["path"]).relative_to(built_site)
            errors.append(f"{page}:{match['line']}: {match['message']}")
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
    assert result.returncode == 0, f"the checker failed without reporting a page:\n{result.stderr}"
