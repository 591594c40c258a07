"""The page-template shortcuts of the build: names found without Jinja's code generator, and a page compiled from
the tree its checks parsed. Both must give what Jinja itself gives."""
import pytest
from jinja2 import Environment, meta

from mbc_guide.page_checks import undeclared_names
from mbc_guide.parsed_pages import ParsedPages, forget_compiled_pages

@pytest.fixture(autouse=True)
def no_compiled_pages():
    """Compiled pages are kept module-wide between builds: each test starts without any."""
    forget_compiled_pages()
    yield
    forget_compiled_pages()


PAGES = [
    "# Title\n\nPlain text, no template code.\n",
    '{{ options("her2-positive", "first") }}\n\n{{ urgent_symptoms("ild") }}\n',
    '{{ option(name) | safe }} and {{ page.meta.title }} {{ items[0] }}',
    "{% if show %}{{ shown }}{% else %}{{ other }}{% endif %}",
    '{{ key_fact("x", count=n + 1) }} {{ a and not b or c == d }}',
    # Pages that declare names: only the full analysis knows `x` and `i` are not from the context.
    "{% set x = 1 %}{{ x }} {{ y }}",
    "{% for i in things %}{{ i }} {{ loop.index }}{% endfor %}",
    "{% macro m(a) %}{{ a }}{{ b }}{% endmacro %}{{ m(1) }}",
    "{% with z = 2 %}{{ z }}{{ w }}{% endwith %}",
]


@pytest.mark.parametrize("source", PAGES)
def test_undeclared_names_match_jinja(source):
    tree = Environment().parse(source)
    assert undeclared_names(tree) == meta.find_undeclared_variables(Environment().parse(source))


def test_declared_names_are_not_reported():
    assert undeclared_names(Environment().parse("{% set x = 1 %}{{ x }} {{ y }}")) == {"y"}
    assert undeclared_names(Environment().parse('{{ options("a") }} {{ key_fact(b) }}')) == {"options", "key_fact", "b"}


def test_an_unknown_test_fails_as_in_jinja():
    """Tests (`is ...`) are left to Jinja's own analysis, which refuses an unknown one outside a condition."""
    from jinja2 import TemplateAssertionError

    source = "{{ x is nosuch }}"
    with pytest.raises(TemplateAssertionError):
        meta.find_undeclared_variables(Environment().parse(source))
    with pytest.raises(TemplateAssertionError):
        undeclared_names(Environment().parse(source))


def test_the_kept_tree_is_compiled_instead_of_the_text():
    environment = Environment()
    parsed = ParsedPages()
    parsed.install(environment)
    source = "Hello {{ name }}"
    # A different tree for the same text proves which one was compiled.
    parsed.keep("page.md", source, environment.parse("Kept {{ name }}"))
    assert environment.from_string(source).render(name="Ada") == "Kept Ada"
    # Used once: the next compile of the same text parses it.
    assert environment.from_string(source).render(name="Ada") == "Hello Ada"


def test_another_text_is_parsed_and_drops_the_kept_tree():
    environment = Environment()
    parsed = ParsedPages()
    parsed.install(environment)
    parsed.keep("one.md", "page one", environment.parse("Kept"))
    assert environment.from_string("page two {{ 1 + 1 }}").render() == "page two 2"
    assert environment.from_string("page one").render() == "page one"


def test_installed_once_per_environment():
    environment = Environment()
    parsed = ParsedPages()
    parsed.install(environment)
    wrapped = environment.from_string
    parsed.install(environment)
    assert environment.from_string is wrapped
    parsed.keep("x.md", "x", environment.parse("Kept"))
    assert environment.from_string("x").render() == "Kept"


def _build(page, source, kept_text, parsed=None):
    """One build's compile of one page: a new plugin (so a new ParsedPages) and a new environment, as MkDocs and
    mkdocs-macros make each build; `parsed` given: another edition of the same build."""
    environment = Environment()
    parsed = parsed or ParsedPages()
    parsed.install(environment)
    parsed.keep(page, source, environment.parse(kept_text))
    return environment.from_string(source).render()


def test_an_unchanged_page_reuses_last_builds_code():
    forget_compiled_pages()
    assert _build("a.md", "text", "first build") == "first build"
    # The next build's tree would compile to something else: the code of the last build is used instead.
    assert _build("a.md", "text", "second build") == "first build"
    # Another page with the same text, or the same page with new text, is compiled.
    assert _build("b.md", "text", "page b") == "page b"
    assert _build("a.md", "new text", "edited") == "edited"


def test_a_page_not_built_for_a_build_is_compiled_again():
    forget_compiled_pages()
    assert _build("a.md", "text", "first") == "first"
    _build("b.md", "other", "other")
    _build("c.md", "other", "other")  # two builds without a.md: its code is gone
    assert _build("a.md", "text", "compiled again") == "compiled again"
    forget_compiled_pages()
    assert _build("a.md", "text", "after forgetting") == "after forgetting"


def test_every_edition_of_the_last_build_is_reused():
    """Each edition renders with its own environment: the second one's install must not drop what the first
    compiled in the same build (it once did, and every rebuild with two editions compiled every page again)."""
    forget_compiled_pages()
    first_build = ParsedPages()
    assert _build("index.md", "English", "English page", first_build) == "English page"
    assert _build("ko/index.md", "Korean", "Korean page", first_build) == "Korean page"
    next_build = ParsedPages()
    assert _build("index.md", "English", "compiled again", next_build) == "English page"
    assert _build("ko/index.md", "Korean", "compiled again", next_build) == "Korean page"
