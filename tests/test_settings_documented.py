from pathlib import Path

import pytest

from service import settings
from service.errors import ConfigError

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.env)
def test_settings_documented_in_readme(setting):
    assert f"| `{setting.env}` |" in README, f"{setting.env} is missing from README's Configuration table"


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.env)
def test_settings_have_help(setting):
    assert setting.help.strip().endswith((".", ")"))


@pytest.mark.parametrize("env, value, expected", [
    ("KGQA_QUERY_TIMEOUT", "2.5", 2.5),
    ("KGQA_QUERY_MAX_ROWS", "7", 7),
    ("KGQA_STORE", "/tmp/x", "/tmp/x"),
])
def test_settings_convert_environment(env, value, expected):
    field = next(s.field for s in settings.SETTINGS if s.env == env)
    assert getattr(settings.Settings.from_env(environ={env: value}), field) == expected


def test_settings_bad_value_names_the_variable():
    with pytest.raises(ConfigError, match="KGQA_QUERY_TIMEOUT"):
        settings.Settings.from_env(environ={"KGQA_QUERY_TIMEOUT": "soon"})
