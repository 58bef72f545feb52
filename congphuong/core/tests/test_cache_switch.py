"""One switch for the whole cache: CONGPHUONG_CACHE sets every layer, each layer's own variable wins."""

import os

from .settings_probe import read_settings

LAYERS = ("CONGPHUONG_PAGE_CACHE", "CONGPHUONG_CHROME_CACHE", "CONGPHUONG_FRAGMENT_CACHE", "SERVING_FAST_PATH")
LAYER_VARIABLES = (
    "CONGPHUONG_PAGE_CACHE",
    "CONGPHUONG_CHROME_CACHE",
    "CONGPHUONG_FRAGMENT_CACHE",
    "CONGPHUONG_FAST_PATH",
)


def _layers(*cases):
    """The layers' settings as each (settings module, environment) of `cases` reads them, in one new
    process (settings are read once per process; settings_probe.py)."""
    answers = read_settings(
        [(module, env, LAYERS) for module, env in cases], without={"CONGPHUONG_CACHE", *LAYER_VARIABLES}
    )
    assert all("values" in answer for answer in answers), answers
    return [answer["values"] for answer in answers]


def test_every_layer_is_on_by_default_and_off_with_the_one_switch():
    default, off = _layers(("congphuong.settings.dev", {}), ("congphuong.settings.dev", {"CONGPHUONG_CACHE": "0"}))
    assert set(default.values()) == {True}
    assert set(off.values()) == {False}


def test_a_layer_variable_overrides_the_one_switch():
    (layers,) = _layers(("congphuong.settings.dev", {"CONGPHUONG_CACHE": "0", "CONGPHUONG_PAGE_CACHE": "1"}))
    assert layers["CONGPHUONG_PAGE_CACHE"] is True
    assert layers["CONGPHUONG_FRAGMENT_CACHE"] is False


def test_the_suite_runs_every_layer_as_production_does():
    # The test settings add nothing of their own: the default `make test` caches as production does,
    # and the one switch turns every layer off there too.
    test, dev, test_off = _layers(
        ("congphuong.settings.test", {}),
        ("congphuong.settings.dev", {}),
        ("congphuong.settings.test", {"CONGPHUONG_CACHE": "0"}),
    )
    assert test == dev
    assert set(test.values()) == {True}
    assert set(test_off.values()) == {False}


def test_this_run_caches_as_its_environment_says(settings):
    """This very run of the suite: on unless CONGPHUONG_CACHE=0 (or a layer's variable) says otherwise;
    the tests that need a layer off switch it off themselves."""
    default = "0" if os.environ.get("CONGPHUONG_CACHE") == "0" else "1"
    for name, variable in zip(LAYERS, LAYER_VARIABLES, strict=True):
        assert getattr(settings, name) is (os.environ.get(variable, default) != "0"), name
