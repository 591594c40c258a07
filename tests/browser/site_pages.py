"""The pages the page-wise browser checks (accessibility, keyboard) visit, each its own test: every writer's page
of every edition, and in each edition a sample of the pages built from data (an index, options with and without
tabs, studies, the compare page with the most options). A new page or edition adds its tests by itself."""
from pathlib import Path

CONTENT = Path(__file__).resolve().parents[2] / "content"
# Where a language's pages live once the site has editions (content/en/, content/ko/): the default language's
# pages at the site's root, another language's under its code.
DEFAULT_LANGUAGE = "en"
GENERATED_SAMPLE = ["options/index.html", "options/tdxd-pertuzumab.html", "options/ribociclib-hormone.html",
                    "studies/destiny-breast09.html", "studies/destiny-breast12.html",
                    "compare/hr-positive-her2-negative.html"]


def _address(source: Path) -> str:
    parts = source.relative_to(CONTENT).with_suffix(".html").parts
    return "/".join(parts[1:] if parts[0] == DEFAULT_LANGUAGE else parts)


def _editions() -> list[str]:
    """'' for the default edition, then 'ko/' and so on for each other language folder (a two-letter code)."""
    if not (CONTENT / DEFAULT_LANGUAGE).is_dir():
        return [""]
    other = sorted(folder.name for folder in CONTENT.iterdir() if folder.is_dir() and len(folder.name) == 2
                   and folder.name.isalpha() and folder.name != DEFAULT_LANGUAGE)
    return [""] + [f"{code}/" for code in other]


PAGES = sorted(_address(source) for source in CONTENT.rglob("*.md")) + [
    edition + page for edition in _editions() for page in GENERATED_SAMPLE]


# A Korean page has the English page's templates, header, navigation and controls in the same places; its own words
# wrap most at the narrowest width. So the page-wise checks view another edition's page at the narrowest width only,
# and its home page at every width.
OTHER_EDITIONS = _editions()[1:]


def widths_for(path: str, widths: tuple[int, ...]) -> tuple[int, ...]:
    """The widths (in the order given) at which a page-wise check views the page."""
    edition = next((code for code in OTHER_EDITIONS if path.startswith(code)), None)
    if edition is None or path == f"{edition}index.html":
        return widths
    return (min(widths),)
