"""Loading a fixture or a backup (``loaddata``) saves every row with ``raw=True``, in an order where a
row's foreign keys may not be loaded yet. Every receiver of this project connected to a model signal
that ``loaddata`` sends must then leave the database alone: the receivers are found from the signals'
own registries for every installed model, so tomorrow's receiver is covered too.
"""

import pytest
from django.apps import apps
from django.db import connection
from django.db.models.signals import m2m_changed, post_init, post_save, pre_init, pre_save
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

PROJECT = "congphuong."


def _receivers(signal, sender):
    sync, async_ = signal._live_receivers(sender)
    return [*sync, *async_]


def project_receivers(signal):
    """(model, receiver) for every installed model and every receiver of ours it would call."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        for receiver in _receivers(signal, model):
            module = getattr(receiver, "__module__", "") or ""
            if module.startswith(PROJECT):
                found.append((model, receiver))
    return found


def test_the_enumeration_finds_our_receivers():
    """A guard for the test itself: an empty enumeration would make the tests below pass vacuously."""
    names = {receiver.__name__ for _model, receiver in project_receivers(post_save)}
    assert {"ward_assigned", "on_site_changed", "on_restriction_changed", "on_page_saved"} <= names
    assert project_receivers(pre_save) and project_receivers(m2m_changed)


@pytest.mark.parametrize("signal", [pre_save, post_save], ids=["pre_save", "post_save"])
def test_every_save_receiver_ignores_raw_saves(signal, django_capture_on_commit_callbacks):
    failures = []
    for model, receiver in project_receivers(signal):
        instance = model()
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks() as callbacks:
            try:
                receiver(
                    signal=signal,
                    sender=model,
                    instance=instance,
                    raw=True,
                    created=True,
                    update_fields=None,
                    using="default",
                )
            except Exception as error:  # noqa: BLE001 - reported with the receiver's name below
                failures.append(f"{receiver.__module__}.{receiver.__name__} for {model._meta.label}: {error!r}")
                continue
        if queries.captured_queries or callbacks:
            failures.append(
                f"{receiver.__module__}.{receiver.__name__} for {model._meta.label}: "
                f"{len(queries.captured_queries)} queries, {len(callbacks)} on_commit callbacks on a raw save"
            )
    assert failures == []


@pytest.mark.parametrize("signal", [pre_init, post_init, m2m_changed], ids=["pre_init", "post_init", "m2m_changed"])
def test_receivers_without_a_raw_flag_do_not_touch_the_database(signal):
    """``loaddata`` builds every row (pre_init/post_init) and sets many-to-many lists with ``.set()``
    (m2m_changed, no ``raw`` flag): our receivers of these may at most schedule a page-cache purge."""
    failures = []
    for model, receiver in project_receivers(signal):
        kwargs = {"signal": signal, "sender": model}
        if signal is m2m_changed:
            kwargs.update(instance=None, action="post_add", reverse=False, model=model, pk_set={1}, using="default")
        elif signal is post_init:
            kwargs.update(instance=model())
        else:
            kwargs.update(args=(), kwargs={})
        with CaptureQueriesContext(connection) as queries:
            receiver(**kwargs)
        if queries.captured_queries:
            failures.append(f"{receiver.__module__}.{receiver.__name__} for {model._meta.label}")
    assert failures == []
