"""Macros module: registers the guide's macros. The logic lives in the mbc_guide package."""
from pathlib import Path


def define_env(env):
    plugins = getattr(env.conf, "plugins", None)
    if plugins is not None:  # MkDocs: the mbc-guide plugin loaded and checked the data
        plugins["mbc-guide"].register_macros(env)
        return
    # Zensical has no MkDocs plugins: register the same macros directly.
    from mbc_guide.page_macros import SiteFacts
    from mbc_guide.standalone import register_macros

    root = Path(env.conf.get("root_dir", "."))
    site = SiteFacts(name=env.conf.get("site_name", ""), url=env.conf.get("site_url", ""))
    register_macros(env, root, site, env.page.path if env.page else "")
