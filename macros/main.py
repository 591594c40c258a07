"""mkdocs-macros module: registers the guide's macros. The logic lives in the mbc_guide package."""


def define_env(env):
    env.conf.plugins["mbc-guide"].register_macros(env)
