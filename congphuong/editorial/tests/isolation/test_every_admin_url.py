"""Every admin URL, every role of ward B, ward A's records: nothing shown, nothing changed, nobody promoted.

The URLs come from the URL conf (Wagtail's viewsets, snippets, reports, API and our own views
register there), not from a hand-kept list: a viewset added tomorrow is requested the day it is
added. Each URL's arguments are filled from ward A's real records of the view's model (or, for a
view without a model, of the model its argument names); an argument this test cannot fill makes
it fail, so a new kind of URL gets a rule here rather than going unchecked.

For each URL and each demo role of ward B (editor, approver, site administrator, learning
officer) the test sends a GET and, when the view takes one, a POST with the fields a superuser's
form shows for that record (its `site` set to ward B: "move it to my ward"; on a form without a
record, `site` set to ward A: "create it in their ward"), plus `?phuong=`/`?site=` naming ward A.
Then:

- no response (HTML, JSON, CSV, XLSX) holds a name, title or file name of ward A (strings of
  ward A's rows that no row of ward B and no shared row holds);
- ward A's rows of every ward model (`membership.ward_models()`), its pages, its files and every
  account's flags and groups are as before.

Each URL's requests run in a savepoint rolled back afterwards, so one hole does not hide others.
"""

import contextlib
import html
import inspect
import io
import json
import os
import re
import time
import zipfile
from collections import defaultdict
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from wagtail.models import Page, Revision, Site

from congphuong.editorial.isolation import view_model
from congphuong.wards.membership import ward_lookup as ward_path
from congphuong.wards.membership import ward_models

from .conftest import WARD_B_ROLES, account
from .forms import main_form_data

pytestmark = pytest.mark.ward_walk

User = get_user_model()

# URL names not requested, each with its reason.
NOT_REQUESTED = {
    "wagtailadmin_logout": "signs the user out; no record",
    "wagtailadmin_error_test": "raises on purpose (the 500 page test)",
    "wagtailadmin_password_reset_confirm": "anonymous link from an e-mail; no ward record",
    # «Dịch» of a snippet (simple_translation): no snippet model here is translatable (TranslatableMixin),
    # so there is no record to name; the page's «Dịch» (submit_page_translation) is requested.
    "simple_translation:submit_snippet_translation": "no translatable snippet model in this project",
}
# Argument names that do not name a record (filled with a constant).
CONSTANT_ARGUMENTS = {
    "filter_spec": "original",
    "action_name": "approve",
    "revision_id_a": "earliest",
    "revision_id_b": "latest",
    "file_format": "xlsx",
    "session_id": 987654,  # an unknown editing session: Wagtail's ping starts one
}
PAGE_ARGUMENTS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "destination_id"}
QUERY = {"phuong": None, "site": None, "site_id": None}  # filled with ward A's id

# Views without a `model` whose `pk` names a record: the model, by URL name prefix.
PK_MODEL_BY_URL_NAME = {
    "learning_registration": "learning.Registration",
    "learning_self_assessment": "learning.Registration",
    "learning_evidence_upload": "learning.Registration",
    "learning_evidence": "learning.Registration",
    "learning_evidence_delete": "learning.Registration",
    "learning_quarter_review": "learning.Registration",
    "learning_council_score": "learning.Registration",
    "learning_decision_apply": "learning.RecognitionDecision",
    "learning_certificates": "learning.RecognitionDecision",
    "learning_criteria_new_version": "learning.CriteriaSet",
    "feedback_questions:attachment": "feedback.Question",
    "feedback_questions:note": "feedback.Question",
    "feedback_questions:approve": "feedback.Question",
    "feedback_questions:return": "feedback.Question",
    "feedback_questions:reopen": "feedback.Question",
    "wagtailadmin_api:documents:detail": "wagtaildocs.Document",
    "wagtailadmin_api:images:detail": "wagtailimages.Image",
    "wagtailadmin_api:pages:detail": "wagtailcore.Page",
    "wagtailadmin_api:pages:action": "wagtailcore.Page",
    "wagtaildocs_chooser:chosen": "wagtaildocs.Document",
    "wagtailimages_chooser:chosen": "wagtailimages.Image",
    "wagtailadmin_workflows:enable": "wagtailcore.Workflow",
    "wagtailadmin_workflows:edit_task": "wagtailcore.Task",
    "wagtailadmin_workflows:enable_task": "wagtailcore.Task",
    "wagtailadmin_pages:revisions_compare": "wagtailcore.Page",
    "wagtailadmin_editing_sessions:ping": "wagtailcore.Page",
}
ARGUMENT_MODELS = {
    "document_id": "wagtaildocs.Document",
    "doc_id": "wagtaildocs.Document",
    "image_id": "wagtailimages.Image",
    "collection_id": "wagtailcore.Collection",
    "redirect_id": "wagtailredirects.Redirect",
    "workflow_pk": "wagtailcore.Workflow",
    "uploaded_file_id": "wagtailcore.UploadedFile",
}


# --- The URL conf -------------------------------------------------------------------------------------


def admin_patterns():
    """(URL name with namespaces, route, pattern) of every admin URL."""

    def walk(patterns, route, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                spaces = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                yield from walk(pattern.url_patterns, route + str(pattern.pattern), spaces)
            else:
                full = route + str(pattern.pattern)
                if full.startswith("admin/") and pattern.name:
                    yield ":".join([*namespaces, pattern.name]), full, pattern

    return list(walk(get_resolver().url_patterns, "", []))


def argument_names(route):
    return re.findall(r"<(?:\w+:)?(\w+)>", route) + re.findall(r"\(\?P<(\w+)>", route)


# --- Ward A's records -----------------------------------------------------------------------------------


class WardRecords:
    """Ward A's records of any model, by the rule that makes them ward A's."""

    def __init__(self, site_a, site_b):
        from congphuong.editorial.models import WardCollection
        from congphuong.learning.models import WardFileCollection

        self.site_a, self.site_b = site_a, site_b
        self.root_a = site_a.root_page.path
        collections = [WardCollection.objects.get(site=site_a).collection]
        collections += [link.collection for link in WardFileCollection.objects.filter(site=site_a)]
        self.collection_paths = [collection.path for collection in collections]
        self.known_users = set(User.objects.values_list("pk", flat=True))
        from django.contrib.auth.models import Group

        self.ward_a_groups = set(Group.objects.filter(ward_role__site=site_a).values_list("pk", flat=True))

    def in_collections(self, queryset, field="collection__"):
        from django.db.models import Q

        condition = None
        for path in self.collection_paths:
            part = Q(**{f"{field}path__startswith": path})
            condition = part if condition is None else condition | part
        return queryset.filter(condition)

    def of(self, model, site=None):
        """Ward A's rows of `model` (of `site` when given), or None when `model` has no ward."""
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Collection

        site = site or self.site_a
        manager = model._default_manager
        if issubclass(model, Page):
            return manager.filter(path__startswith=site.root_page.path)
        if model is Site:
            return manager.filter(pk=site.pk)
        if model in (get_document_model(), get_image_model()):
            return self.in_collections(manager.all()) if site == self.site_a else None
        if model is Collection:
            return self.in_collections(manager.all(), field="") if site == self.site_a else None
        if model is User:
            return manager.filter(groups__ward_role__site=site).distinct()
        if model._meta.label == "auth.Group":
            return manager.filter(ward_role__site=site)
        path = ward_path(model)
        if path is None:
            return None
        kind, lookup = path
        if kind == "page":
            return manager.filter(**{f"{lookup}__path__startswith": site.root_page.path})
        return manager.filter(**{lookup: site}).distinct()

    def one(self, model):
        rows = self.of(model)
        if rows is None:
            return None
        if issubclass(model, Page):
            # A draft with revisions if there is one: the most telling record.
            rows = rows.exclude(depth__lte=2).order_by("live", "-latest_revision_id")
        return rows.order_by(*rows.query.order_by or ["pk"]).first()


# --- What must not change and must not be shown ---------------------------------------------------------


def ward_a_dump(records):
    """Every ward A row, as values, plus every account's flags and groups."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    dump = {}
    for model in ward_models():
        rows = records.of(model)
        if rows is not None:
            dump[model._meta.label] = list(rows.order_by("pk").values())
    dump["pages"] = list(Page.objects.filter(path__startswith=records.root_a).order_by("pk").values(*PAGE_STATE))
    for model in (get_document_model(), get_image_model()):
        dump[model._meta.label] = list(records.of(model).order_by("pk").values("pk", "title", "file", "collection"))
    dump["accounts"] = [account_state(user, records) for user in User.objects.order_by("pk")]
    return dump


def account_state(user, records):
    """Flags and groups of every account; e-mail and password too, but for the attackers' own
    (they may change theirs on their account page). An account made during the test (a ward B
    administrator may add its ward's cadres) counts only when it is privileged or in ward A."""
    groups = tuple(sorted(user.groups.values_list("pk", flat=True)))
    flags = (user.pk, user.is_superuser, user.is_staff, user.is_active, groups)
    if user.pk not in records.known_users:
        ward_a = set(groups) & records.ward_a_groups
        return flags if (user.is_superuser or user.is_staff or ward_a) else None
    return flags if user.username in WARD_B_ROLES else (*flags, user.email, user.password)


PAGE_STATE = (
    "pk",
    "title",
    "draft_title",
    "slug",
    "live",
    "has_unpublished_changes",
    "latest_revision_id",
    "path",
    "locked",
    "go_live_at",
    "expire_at",
)
TEXT_FIELDS = ("CharField", "TextField", "SlugField", "EmailField")
MIN_MARKER = 8


NOT_MARKERS = {"url_path", "path", "slug", "password"}  # addresses and hashes, not names


def strings_of(rows):
    found = set()
    for row in rows:
        for field in row._meta.concrete_fields:
            if field.name in NOT_MARKERS:
                continue
            if field.get_internal_type() in TEXT_FIELDS or field.get_internal_type() == "FileField":
                value = getattr(row, field.attname)
                value = str(getattr(value, "name", value) or "").strip()
                if field.get_internal_type() == "FileField":
                    value = value.rsplit("/", 1)[-1]
                if MIN_MARKER <= len(value) <= 120 and "\n" not in value:
                    found.add(value)
    return found


def ward_markers(records):
    """Strings of ward A's rows that neither ward B's rows nor shared rows hold."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    models = [*ward_models(), get_document_model(), get_image_model()]
    mine, theirs = set(), set()
    for model in models:
        rows = records.of(model)
        if rows is None:
            continue
        mine |= strings_of(rows)
        others = model._default_manager.exclude(pk__in=rows.values("pk"))
        theirs |= strings_of(others)
    for model in shared_models():
        theirs |= strings_of(model._default_manager.all())  # install-wide lists (a document sector)
    pages_a = Page.objects.filter(path__startswith=records.root_a, depth__gt=2)
    mine |= {title for title in pages_a.values_list("title", flat=True) if len(title) >= MIN_MARKER}
    theirs |= set(Page.objects.exclude(path__startswith=records.root_a).values_list("title", flat=True))
    for username in ("bientap", "lanhdao", "quantri", "khuyenhoc"):
        user = account(username)
        mine.add(user.get_full_name())
    for user in User.objects.exclude(username__in=("bientap", "lanhdao", "quantri", "khuyenhoc")):
        theirs.add(user.get_full_name())
    theirs |= set(Site.objects.values_list("site_name", flat=True))  # ward names are public
    markers = {value for value in mine - theirs if len(value) >= MIN_MARKER and not value.isdigit()}
    # A string that is part of a ward B string (or the reverse) proves nothing.
    return {value for value in markers if not any(value in other for other in theirs if len(other) > len(value))}


def shared_models():
    """Our models without a ward (install-wide lists every ward reads: sectors, topics…).

    Only the project's own apps: Wagtail's log entries and revisions copy ward A's titles, so
    their strings must stay markers; so do the search terms, gathered from every ward's pages.
    """
    from django.apps import apps
    from django.db import connection

    tables = set(connection.introspection.table_names())  # an app the test settings leave out
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("congphuong.")
        and model._meta.db_table in tables
        and ward_path(model) is None
        and not issubclass(model, Page)
        and model not in ward_models()
        and model._meta.label not in DERIVED_FROM_WARDS
    ]


DERIVED_FROM_WARDS = {"portal_search.SearchTerm"}


def readable(response):
    """The text a person (or a script) reads in `response`: HTML unescaped, JSON decoded, XLSX unzipped."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if content[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                return " ".join(
                    archive.read(name).decode("utf-8", "replace")
                    for name in archive.namelist()
                    if name.endswith(".xml")
                )
        except zipfile.BadZipFile:
            pass
    text = content.decode("utf-8", "replace")
    if "json" in kind:
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


# --- The requests ----------------------------------------------------------------------------------------


def takes_post(pattern):
    view_class = getattr(pattern.callback, "view_class", None)
    if view_class is None:
        return True  # a function view: it may
    return hasattr(view_class, "post") and "post" in view_class.http_method_names


class UrlFiller:
    def __init__(self, records):
        self.records = records
        self.page = records.one(Page)

    def model_for(self, name, pattern, argument):
        from django.apps import apps

        if argument in ARGUMENT_MODELS:
            return apps.get_model(ARGUMENT_MODELS[argument])
        if argument in PAGE_ARGUMENTS:
            return Page
        label = PK_MODEL_BY_URL_NAME.get(name)
        if label:
            return apps.get_model(label)
        return view_model(pattern.callback)

    def fill(self, name, route, pattern):
        """(kwargs, query) for the URL, or a reason it cannot be filled."""
        kwargs, query = {}, {}
        subject = None
        for argument in argument_names(route):
            if argument in CONSTANT_ARGUMENTS:
                kwargs[argument] = CONSTANT_ARGUMENTS[argument]
                continue
            if argument in ("app_label", "model_name", "app_name", "content_type_app_name", "content_type_model_name"):
                continue  # filled below with the subject's model
            if argument in ("action",):
                continue
            if argument in ("kind",):
                kwargs[argument] = self.kind_for(name)
                continue
            if argument in ("revision_id",):
                continue  # filled from the subject
            if argument in ("task_state_id", "workflow_state_id", "task_id"):
                continue  # filled from the subject's workflow
            if argument in ("evidence_pk",):
                continue
            if argument in ("pk", "object_id", *PAGE_ARGUMENTS, *ARGUMENT_MODELS):
                model = self.model_for(name, pattern, argument)
                if model is None:
                    return None, f"no model for <{argument}>"
                record = self.records.one(model)
                if record is None:
                    return None, f"no ward A record of {model._meta.label}"
                kwargs[argument] = record.pk
                subject = subject or record
                continue
            return None, f"unknown argument <{argument}>"
        names = argument_names(route)
        if subject is None and "task_id" in names:
            return None, "no ward A record of wagtailcore.Task (tasks are install-wide)"
        if subject is None and ({"app_label", "app_name", "content_type_app_name"} & set(names)):
            subject = self.page if "page" in name or "content_type_app_name" in names else None
            if subject is None:
                return None, "model chosen by the URL: see the bulk-action and settings tests below"
        if subject is not None:
            meta = subject.specific._meta if isinstance(subject, Page) else subject._meta
            for argument, value in (
                ("app_label", meta.app_label),
                ("model_name", meta.model_name),
                ("app_name", meta.app_label),
                ("content_type_app_name", meta.app_label),
                ("content_type_model_name", meta.model_name),
            ):
                if argument in names:
                    kwargs[argument] = value
            if "object_id" in names:
                kwargs["object_id"] = str(subject.pk)
            if "revision_id" in names:
                revision = Revision.objects.for_instance(subject).order_by("-pk").first()
                if revision is None:
                    return None, "no revision of the ward A record"
                kwargs["revision_id"] = revision.pk
            if {"task_state_id", "workflow_state_id", "task_id"} & set(names):
                state = self.workflow_state(subject)
                if state is None:
                    return None, "no workflow state of the ward A record"
                kwargs.setdefault("workflow_state_id", state.pk)
                if state.current_task_state is not None:
                    kwargs.setdefault("task_state_id", state.current_task_state.pk)
                    kwargs.setdefault("task_id", state.current_task_state.task_id)
                kwargs = {key: value for key, value in kwargs.items() if key in names}
                if set(kwargs) != set(names):
                    return None, "no task of the ward A record"
            if "evidence_pk" in names:
                evidence = subject.evidence.first() if hasattr(subject, "evidence") else None
                if evidence is None:
                    return None, "no evidence of the ward A dossier"
                kwargs["evidence_pk"] = evidence.pk
        query = dict.fromkeys(QUERY, self.records.site_a.pk)
        if subject is not None and "action" not in names:
            query["id"] = subject.pk
        return (kwargs, query), subject

    def variants(self, name, route, pattern):
        """[(filled or None, subject or reason)]: one per model for the URLs that name a model."""
        from django.apps import apps

        if name == "wagtail_bulk_action":
            from wagtail.admin.views.bulk_action.registry import bulk_action_registry

            bulk_action_registry._scan_for_bulk_actions()
            found = []
            for app_label, by_model in bulk_action_registry.actions.items():
                for model_name, actions in by_model.items():
                    model = apps.get_model(app_label, model_name)
                    record = self.records.one(model)
                    if record is None:
                        continue
                    for action in actions:
                        kwargs = {"app_label": app_label, "model_name": model_name, "action": action}
                        query = {"id": record.pk, "next": "/admin/"}
                        found.append(((kwargs, query), record))
            return found
        if name.startswith("wagtailsettings:"):
            from wagtail.contrib.settings.registry import registry as settings_registry

            found = []
            for model in settings_registry:
                record = (self.records.of(model) or model._default_manager.none()).first()
                if record is None:
                    continue
                kwargs = {"app_name": model._meta.app_label, "model_name": model._meta.model_name}
                if "pk" in argument_names(route):
                    kwargs["pk"] = record.pk
                found.append(((kwargs, dict.fromkeys(QUERY, self.records.site_a.pk)), record))
            return found
        return [self.fill(name, route, pattern)]

    def kind_for(self, name):
        if name == "learning_report":
            from congphuong.learning.reports import REPORT_KINDS

            return next(iter(REPORT_KINDS))
        if name == "learning_import_template":
            return "ho-gia-dinh"
        return "x"

    def workflow_state(self, subject):
        from wagtail.models import WorkflowState

        base = subject
        return (
            WorkflowState.objects.for_instance(base).order_by("-pk").first()
            if hasattr(WorkflowState.objects, "for_instance")
            else None
        )


@pytest.fixture
def world(wards):
    from congphuong.editorial.tests.isolation.test_holes import superuser_client

    site_a, site_b = wards
    superuser = superuser_client()  # before the records: the superuser is no attacker's work
    records = WardRecords(site_a, site_b)
    return {
        "records": records,
        "markers": ward_markers(records),
        "baseline": ward_a_dump(records),
        "superuser": superuser,
        "clients": {username: _client(username) for username in WARD_B_ROLES},
    }


def _client(username):
    # On ward B's own address, as its cadres work: a 404 page shows ward B's chrome, not ward A's.
    from .conftest import WARD_B_HOST

    site = Site.objects.get(hostname=WARD_B_HOST)
    client = Client(raise_request_exception=False, HTTP_HOST=f"{WARD_B_HOST}:{site.port}")
    client.force_login(account(username))
    return client


def _post_data(superuser, url, records, has_subject):
    response = superuser.get(url)
    shows_form = response.status_code == 200 and not response.streaming  # not a file download
    data = main_form_data(response.content.decode("utf-8", "replace")) if shows_form else {}
    if "site" in data or not has_subject:
        data["site"] = [str(records.site_b.pk if has_subject else records.site_a.pk)]
    data.setdefault("id", [])
    return data


def leaks(text, markers):
    return sorted(marker for marker in markers if marker in text)


def test_markers_and_records_come_from_the_demo(world):
    """The checks below mean something: ward A has records, names and files to leak."""
    markers = world["markers"]
    assert len(markers) > 50
    assert any("Bình An" in value or value for value in markers)
    assert len(world["baseline"]["learning.Citizen"]) > 5
    assert world["baseline"]["wagtaildocs.Document"]


def test_every_admin_url_keeps_ward_a_from_ward_b(world):
    started = time.process_time()
    filler = UrlFiller(world["records"])
    patterns = admin_patterns()
    assert len(patterns) > 300  # the URL conf was walked
    unfillable, leaked, changed, crashed, requested = [], defaultdict(list), [], [], 0
    sampled = set()
    for name, route, pattern in patterns:
        if name in NOT_REQUESTED:
            continue
        for filled, subject in filler.variants(name, route, pattern):
            if filled is None:
                if subject.startswith("unknown") or subject.startswith("no model"):
                    unfillable.append((name, route, subject))
                continue
            key = sample_key(name, pattern, filled, subject)
            if key in sampled:
                continue
            sampled.add(key)
            found = (unfillable, leaked, changed, crashed)
            requested += check_url(world, name, pattern, filled, subject, *found)
    cpu = time.process_time() - started
    print(f"{len(sampled)} URLs, {requested} requests, {cpu:.0f} s of CPU")  # shown with `pytest -s`
    report = {"unfillable": unfillable, "leaked": dict(leaked), "changed": changed, "crashed": crashed}
    assert requested > (1000 if FULL else 500)
    assert report == {"unfillable": [], "leaked": {}, "changed": [], "crashed": []}


FULL = os.environ.get("EVERY_ADMIN_URL_FULL") == "1"


def sample_key(name, pattern, filled, subject):
    """What makes a URL worth its own requests: its view's code, the kind of view, the kind of record.

    Wagtail builds the views of every snippet and model viewset from a few classes; one URL per
    (view class, view kind, kind of record) runs the same code as all of them, with the kind of
    record (ward field, learning assignment, or the model itself when it has no ward) deciding
    which rule scopes it, and the viewset's own methods the view was given (`viewset_code`).
    `EVERY_ADMIN_URL_FULL=1` requests every URL.

    Measured on SQLite, one process (CPU seconds of the walk, `time.process_time()`; on a free core
    the wall time is about the same, on the shared 2-core machine under load it was 5 to 13 min):
    the sample requests 264 of the 515 URLs (1 732 requests, about 90 s); the full walk all 515
    (3 060 requests, about 190 s). Both add about 65 s for migrating and loading the two demo
    wards, shared with every test that reads them (`demo_world`, congphuong/conftest.py). The full
    walk found nothing the sample did not.
    Before `viewset_code` the sample took 262 URLs: one snippet listing stood for all of them,
    though a ward snippet's listing is scoped by its viewset's `get_queryset`, not by the view class.
    """
    if FULL:
        return (name, str(filled))
    kwargs = filled[0]
    view = getattr(pattern.callback, "view_class", pattern.callback)
    kind = re.sub(r"_results$", "", name.rsplit(":", 1)[-1])
    if name == "wagtail_bulk_action":
        from wagtail.admin.views.bulk_action.registry import bulk_action_registry

        view = bulk_action_registry.get_bulk_action_class(kwargs["app_label"], kwargs["model_name"], kwargs["action"])
    model = subject.specific_class if isinstance(subject, Page) else type(subject) if subject is not None else None
    if model is None:
        record = None
    elif ward_path(model) is None:
        record = model._meta.label
    else:
        record = ("ward", model._meta.app_label == "learning", ward_path(model)[0])
    return (view, kind, record, tuple(sorted(kwargs)), viewset_code(pattern.callback))


def viewset_code(view_func):
    """The viewset's own methods a view was built with (a snippet listing's `queryset=viewset.get_queryset`).

    The same view class runs different code when its viewset hands it a method: a ward snippet's
    listing is scoped by `WardSnippetViewSet.get_queryset`, another snippet's by Wagtail's. Without
    this, one snippet listing stood for every other, and a ward model registered with a plain
    SnippetViewSet could list every ward's rows unrequested by the sample.
    """
    initkwargs = getattr(view_func, "view_initkwargs", None) or {}
    methods = [(name, value.__func__) for name, value in initkwargs.items() if inspect.ismethod(value)]
    return tuple(sorted(f"{name}={func.__module__}.{func.__qualname__}" for name, func in methods))


def check_url(world, name, pattern, filled, subject, unfillable, leaked, changed, crashed):
    """GET and POST one URL as each ward B role; returns the number of requests."""
    records, markers, baseline = world["records"], world["markers"], world["baseline"]
    requested = 0
    kwargs, query = filled
    try:
        url = reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        unfillable.append((name, str(pattern.pattern), f"cannot reverse with {kwargs}"))
        return 0
    post = takes_post(pattern)
    sid = transaction.savepoint()
    try:
        data = _post_data(world["superuser"], url, records, subject is not None) if post else None
        if post:
            # What the superuser's GET itself wrote (an export log entry…) is not the attackers' doing.
            transaction.savepoint_rollback(sid)
            sid = transaction.savepoint()
        for username, client in world["clients"].items():
            responses = [client.get(url, query)]
            if post:
                responses.append(client.post(f"{url}?{urlencode(query, doseq=True)}", data))
            requested += len(responses)
            for response in responses:
                if response.status_code >= 500:  # a refusal is a 403/404, never a crash
                    crashed.append((name, url, username, response.request["REQUEST_METHOD"], response.status_code))
                found = leaks(readable(response), markers)
                if found:
                    leaked[f"{name} {url}"].append((username, response.request["REQUEST_METHOD"], found[:3]))
        if post and ward_a_dump(records) != baseline:
            changed.append(f"{name} {url}")
    finally:
        transaction.savepoint_rollback(sid)
    return requested
