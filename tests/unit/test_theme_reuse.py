"""The theme's work done once per process (theme_reuse.py): the listing of its files gives the same files MkDocs
adds itself, a file added to overrides/ while a preview runs is copied on the next build, a file of the site's own
still wins; its templates compile once."""
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from mbc_guide.rendering import TEMPLATE_CACHE
from mbc_guide.theme_reuse import theme_work_reused


def theme_files(config, kept: bool, files: Files | None = None) -> list[tuple[str, str]]:
    files = files or Files([])
    env = config.theme.get_env()
    if kept:
        with theme_work_reused():
            files.add_files_from_theme(env, config)
    else:
        files.add_files_from_theme(env, config)
    return [(file.src_uri, file.abs_src_path) for file in files]


def test_the_kept_listing_adds_what_mkdocs_adds_build_after_build(site_sources):
    config = load_config(config_file=str(site_sources / "mkdocs.yml"))
    own = theme_files(config, kept=False)
    assert any(path == "assets/images/favicon.svg" for path, _ in own)  # from overrides/
    assert any(path.startswith("assets/javascripts/bundle.") for path, _ in own)  # from Material
    assert theme_files(config, kept=True) == own
    assert theme_files(config, kept=True) == own


def test_a_file_added_to_overrides_is_listed_on_the_next_build(site_sources, project_copy):
    theme_files(load_config(config_file=str(site_sources / "mkdocs.yml")), kept=True)  # another project, same theme
    config = load_config(config_file=str(project_copy / "mkdocs.yml"))
    before = theme_files(config, kept=True)
    assert before == theme_files(config, kept=False)
    added = project_copy / "overrides" / "assets" / "images" / "added.svg"
    added.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    after = theme_files(config, kept=True)
    assert after == theme_files(config, kept=False)
    assert sorted(after) == sorted(before + [("assets/images/added.svg", str(added))])
    added.unlink()
    assert theme_files(config, kept=True) == before


def test_a_file_of_the_site_with_a_themes_path_is_kept_and_not_replaced(site_sources):
    config = load_config(config_file=str(site_sources / "mkdocs.yml"))
    site_favicon = File("assets/images/favicon.svg", config.docs_dir, config.site_dir, config.use_directory_urls)
    listed = theme_files(config, kept=True, files=Files([site_favicon]))
    assert [source for path, source in listed if path == "assets/images/favicon.svg"] == [site_favicon.abs_src_path]


def test_theme_environments_keep_compiled_templates_and_only_within(site_sources):
    config = load_config(config_file=str(site_sources / "mkdocs.yml"))
    with theme_work_reused():
        assert config.theme.get_env().bytecode_cache is TEMPLATE_CACHE
    assert config.theme.get_env().bytecode_cache is None


def test_a_project_file_that_overrides_one_of_materials_wins_as_in_mkdocs(project_copy):
    config = load_config(config_file=str(project_copy / "mkdocs.yml"))
    materials = dict(theme_files(config, kept=True))["assets/images/favicon.png"]
    assert "/material/" in materials
    override = project_copy / "overrides" / "assets" / "images" / "favicon.png"
    override.write_bytes(b"\x89PNG\r\n\x1a\n")
    listed = theme_files(config, kept=True)
    assert listed == theme_files(config, kept=False)
    assert dict(listed)["assets/images/favicon.png"] == str(override)
