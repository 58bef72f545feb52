"""A crafted admin POST never answers 500: every admin URL of the URL conf, as a superuser and each demo role.

The URLs and their arguments come from the every-URL isolation walk (`test_every_admin_url.py`): the
URL conf, not a hand-kept list, with each argument filled from a real record of ward A (Phường Bình
An) of the view's model. To every URL whose view takes a POST, as the superuser and as each of ward
A's demo roles (its own records: the requests reach the views' code, not only the ward guard) and
of ward B's (another ward's records: the guards), the test posts

- an empty body;
- a junk body: every field of the form the superuser sees there, plus the names views read by hand
  (`id`, `pk`, `action`, `next`, `parent_page`…), each set to text that is no valid value of anything;
- the superuser's form as shown, without its management keys (StreamField `-count`/`-type`/
  `-deleted`/`-order`, formset `-TOTAL_FORMS`/`-INITIAL_FORMS`…): what a hand-made request or a
  broken proxy sends.

A response of 500, or an exception the request raised and Django turned into a 500, fails the
test: a refused request must be a 400/403/404, a form error or a redirect. Each request runs in a
savepoint rolled back afterwards (a bare POST to a delete view deletes), so every role meets the
same records.

What is sent where (the cost): the superuser, who reaches every form, posts the three bodies to one
URL per (isolation sample key, view model), so each model's own form is posted (253 URLs); the roles
post to the isolation walk's sample (one URL per view class, kind, kind of record and viewset code:
171 URLs), ward A's roles the three bodies, ward B's the empty body (another ward's record is
refused before the body is read). On SQLite: 2 576 POSTs, about 60 s of CPU, plus the demo load
shared with the package. `EVERY_ADMIN_URL_FULL=1` posts to every URL (256; 4 662 POSTs with every
body from every role, about 120 s); it found nothing more once the rating add view was closed.
"""

import re
import time

import pytest
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

from congphuong.editorial.isolation import view_model

from .conftest import WARD_A_HOST, WARD_B_HOST, WARD_B_ROLES, account
from .forms import main_form_data
from .test_every_admin_url import (
    FULL,
    NOT_REQUESTED,
    UrlFiller,
    WardRecords,
    admin_patterns,
    sample_key,
    takes_post,
)

pytestmark = pytest.mark.ward_walk

WARD_A_ROLES = ("bientap", "lanhdao", "quantri", "khuyenhoc")
JUNK = "\u202e<x>'\"; 99999999999999999999 -1 0x1g ∅"
# Names views read from `request.POST` by hand, beyond the form's fields.
HAND_READ = (
    "id",
    "pk",
    "action",
    "next",
    "parent_page",
    "page",
    "q",
    "url",
    "link_text",
    "email",
    "file",
    "import_file",
    "input_format",
    "from_index",
    "to_index",
    "site",
    "collection",
    "title",
    "comment",
    "status",
)
MANAGEMENT = re.compile(
    r"(-count|-TOTAL_FORMS|-INITIAL_FORMS|-MIN_NUM_FORMS|-MAX_NUM_FORMS|-\d+-type|-\d+-deleted|-\d+-order|-\d+-id)$"
)


def _client(username, host):
    site = Site.objects.get(hostname=host)
    client = Client(raise_request_exception=False, HTTP_HOST=f"{host}:{site.port}")
    client.force_login(account(username))
    return client


def _superuser():
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    user = users.filter(is_superuser=True).first() or users.create_superuser("kiemtra_root", "root@example.vn", "x")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def bodies(form):
    """(label, body) of the crafted POSTs, from the fields of the form the superuser sees."""
    junk = {name: [JUNK] for name in (*form, *HAND_READ)}
    without_management = {name: values for name, values in form.items() if not MANAGEMENT.search(name)}
    found = [("empty", {}), ("junk", junk)]
    if without_management != form:
        found.append(("no management keys", without_management))
    return found


def crashed(response):
    return response.status_code >= 500 or getattr(response, "exc_info", None) is not None


def posts(username, label, roles_too):
    """Whether `username` sends the body `label` to this URL (see the module's docstring: the cost)."""
    if username == "superuser":
        return True
    if not roles_too:
        return False  # another model's copy of a view the roles already met
    return FULL or username not in WARD_B_ROLES or label == "empty"


def test_no_crafted_admin_post_is_a_500(wards):
    started = time.process_time()
    site_a, site_b = wards
    superuser = _superuser()
    clients = {"superuser": superuser}
    clients |= {username: _client(username, WARD_A_HOST) for username in WARD_A_ROLES}
    clients |= {username: _client(username, WARD_B_HOST) for username in WARD_B_ROLES}
    filler = UrlFiller(WardRecords(site_a, site_b))
    failures, sampled, sampled_for_roles, requests = [], set(), set(), 0
    for name, route, pattern in admin_patterns():
        if name in NOT_REQUESTED or not takes_post(pattern):
            continue
        for filled, subject in filler.variants(name, route, pattern):
            if filled is None:
                continue
            # The isolation walk's sample for the roles; plus the view's model for the superuser.
            base = sample_key(name, pattern, filled, subject)
            key = (base, view_model(pattern.callback))
            if key in sampled:
                continue
            sampled.add(key)
            roles_too = base not in sampled_for_roles
            sampled_for_roles.add(base)
            kwargs, _query = filled
            try:
                url = reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                continue  # the isolation walk reports it
            sid = transaction.savepoint()
            response = superuser.get(url)
            shown = response.status_code == 200 and not response.streaming
            form = main_form_data(response.content.decode("utf-8", "replace")) if shown else {}
            transaction.savepoint_rollback(sid)
            for label, body in bodies(form):
                for username, client in clients.items():
                    if not posts(username, label, roles_too):
                        continue
                    sid = transaction.savepoint()
                    try:
                        response = client.post(url, body)
                        requests += 1
                        if crashed(response):
                            exc = getattr(response, "exc_info", None)
                            failures.append((name, url, username, label, repr(exc[1]) if exc else response.status_code))
                    finally:
                        transaction.savepoint_rollback(sid)
    cpu = time.process_time() - started
    print(f"{len(sampled)} URLs ({len(sampled_for_roles)} for the roles), {requests} POSTs, {cpu:.0f} s of CPU")
    assert len(sampled) > 200 and len(sampled_for_roles) > 150  # the URL conf was walked
    assert requests > 1500
    assert failures == [], "\n".join(map(str, failures))
