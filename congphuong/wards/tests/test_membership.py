"""One answer to "which wards does this user work for" and "which ward is this in" (wards/membership.py)."""

import ast
from pathlib import Path

import pytest
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupPagePermission, Page

from congphuong.documents.models import DraftComment
from congphuong.documents.tests.factories import (
    DraftCommentFactory,
    DraftDocumentPageFactory,
    DraftIndexPageFactory,
)
from congphuong.editorial.models import WardCollection, WardRoleGroup
from congphuong.editorial.roles import ensure_roles
from congphuong.editorial.tests.factories import make_user
from congphuong.feedback.models import Question
from congphuong.feedback.tests.factories import QuestionFactory
from congphuong.learning.models import WardFileCollection
from congphuong.wards import membership, roles
from congphuong.wards.tests.factories import HomePageFactory, make_ward

pytestmark = pytest.mark.django_db

PACKAGE = Path(__file__).resolve().parents[2]


@pytest.fixture
def wards(db):
    a = make_ward(hostname="phuong-a.test", name="Phường An Khánh", default=True)
    b = make_ward(hostname="phuong-b.test", name="Phường Bình Trưng")
    groups = ensure_roles([a.root_page, b.root_page]).by_site
    return {"a": a, "b": b, "groups_a": groups[a.pk], "groups_b": groups[b.pk]}


def test_a_users_wards_come_from_the_role_groups_per_role(wards):
    a, b = wards["a"], wards["b"]
    user = make_user("hai_phuong", wards["groups_a"][roles.EDITOR], wards["groups_b"][roles.SITE_ADMIN])
    assert membership.ward_ids(user) == {a.pk, b.pk}
    assert membership.ward_ids(user, [roles.SITE_ADMIN]) == {b.pk}
    assert membership.ward_ids(user, [roles.APPROVER]) == set()
    assert membership.may_act_in(user, a.pk) and not membership.may_act_in(user, a.pk, [roles.SITE_ADMIN])
    assert membership.administered_ward_ids(user) == {b.pk}
    assert membership.has_role(user, [roles.EDITOR]) and not membership.has_role(user, [roles.APPROVER])
    assert list(membership.ward_sites(user)) == [a, b]
    assert set(membership.members([a.pk])) == {user}
    assert set(membership.members([a.pk], [roles.SITE_ADMIN])) == set()

    user.is_active = False
    assert membership.ward_ids(user) == set() and not membership.may_act_in(user, a.pk)
    boss = make_user("quantri_he_thong", is_superuser=True)
    assert membership.ward_ids(boss) is None and membership.may_act_in(boss, b.pk)


def test_a_users_groups_are_read_once_per_request_user_and_again_after_a_change(wards, django_assert_num_queries):
    """Every rule that asks for a role (who may unlock accounts, who manages notices, who must use 2FA)
    reads the user's groups from one query kept on the request's user; a membership change, a group
    renamed or a role group added in between is seen at once."""
    from congphuong.notices.permissions import is_notice_admin

    user = make_user("bientap_a", wards["groups_a"][roles.EDITOR])
    with django_assert_num_queries(1):
        assert membership.has_role(user, [roles.EDITOR]) and not membership.has_role(user, [roles.SITE_ADMIN])
        assert not is_notice_admin(user) and not membership.has_role(user, ["Nhóm tự lập"])
    wards["groups_a"][roles.SITE_ADMIN].user_set.add(user)
    assert membership.has_role(user, [roles.SITE_ADMIN]) and not is_notice_admin(user)  # a ward's, not the install's
    own = Group.objects.create(name="Tổ công nghệ thông tin")
    user.groups.add(own)
    assert membership.has_role(user, ["Tổ công nghệ thông tin"])
    own.name = "Tổ chuyển đổi số"
    own.save()
    assert membership.has_role(user, ["Tổ chuyển đổi số"]) and not membership.has_role(user, ["Tổ công nghệ thông tin"])
    Group.objects.get_or_create(name=roles.SITE_ADMIN)[0].user_set.add(user)  # the install-wide group
    assert is_notice_admin(user)
    own.delete()
    assert not membership.has_role(user, ["Tổ chuyển đổi số"])


def test_page_permissions_alone_make_no_ward_member(wards):
    """The source of truth is the role group: a hand-made group holding page rights is in no ward."""
    group = Group.objects.create(name="Nhóm tự lập")
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=wards["a"].root_page, permission=Permission.objects.get(codename=codename)
        )
    user = make_user("tu_lap", group)
    assert membership.ward_ids(user) == set()
    assert list(membership.ward_sites(user)) == []
    question = QuestionFactory(site=wards["a"])
    assert not membership.scope(Question.objects.all(), user).filter(pk=question.pk).exists()


def test_the_ward_of_a_page_the_deepest_site_wins(wards):
    a = wards["a"]
    inner_home = HomePageFactory(parent=a.root_page, title="Phường Con")
    inner = make_ward_site(inner_home, "phuong-con.test")
    below_a = HomePageFactory(parent=a.root_page, title="Tin tức")
    below_inner = HomePageFactory(parent=inner_home, title="Thông báo")
    assert membership.ward_of(below_a) == a.pk
    assert membership.ward_of(below_inner) == inner.pk
    assert membership.ward_of(Page.get_first_root_node()) is None
    assert membership.ward_of(a) == a.pk

    # The same answer inside a query (the ward's name beside each row of a listing).
    named = dict(
        Page.objects.filter(pk__in=[below_a.pk, below_inner.pk, a.root_page_id])
        .annotate(ward=membership.ward_name_of_page("path"))
        .values_list("pk", "ward")
    )
    assert named == {below_a.pk: a.site_name, below_inner.pk: inner.site_name, a.root_page_id: a.site_name}


def make_ward_site(home, hostname):
    from wagtail.models import Site

    return Site.objects.create(hostname=hostname, root_page=home, site_name=home.title)


def test_the_ward_of_files_collections_and_records(wards):
    a, b = wards["a"], wards["b"]
    # Every model tying a collection to a ward is found in the model registry.
    assert {WardCollection, WardFileCollection} <= set(membership.collection_link_models())
    sub = WardCollection.objects.get(site=a).collection.add_child(name="Ảnh hội nghị")
    image = wagtail_factories.ImageFactory(collection=sub)
    document = wagtail_factories.DocumentFactory(collection=WardFileCollection.objects.get(site=b).collection)
    shared = wagtail_factories.DocumentFactory(collection=Collection.get_first_root_node())
    # Collections are kept sorted by name: an insertion moves the paths of the others, so read them back.
    for item in (sub, image, document, shared):
        item.refresh_from_db()
    assert membership.ward_of(sub) == a.pk
    assert membership.ward_of(image) == a.pk
    assert membership.ward_of(document) == b.pk  # the learning society's private files of ward B
    assert membership.ward_of(shared) is None

    question = QuestionFactory(site=b)
    assert membership.ward_of(question) == b.pk
    assert membership.ward_lookup(DraftComment) == (membership.PAGE, "draft")
    drafts = DraftIndexPageFactory(parent=a.root_page)
    comment = DraftCommentFactory(draft=DraftDocumentPageFactory(parent=drafts))
    assert membership.ward_of(comment) == a.pk


def test_records_are_scoped_to_the_users_wards(wards):
    a, b = wards["a"], wards["b"]
    mine, theirs = QuestionFactory(site=a), QuestionFactory(site=b)
    editor = make_user("bientap_a", wards["groups_a"][roles.EDITOR])
    assert set(membership.scope(Question.objects.all(), editor)) == {mine}
    assert theirs not in membership.scope(Question.objects.all(), editor)


def test_the_learning_assignment_is_its_own_dimension(wards):
    from congphuong.learning.models import Household, WardAssignment

    a, b = wards["a"], wards["b"]
    officer = make_user("khuyenhoc_b", Group.objects.get_or_create(name=roles.LEARNING_OFFICER)[0])
    WardAssignment.objects.create(user=officer, site=b)
    assert membership.dimension_of(Household).name == "Phân công phường"
    assert membership.ward_ids(officer) == set()  # no editorial role group
    assert membership.user_ward_ids(officer, Household) == {b.pk}  # the learning records follow the assignment
    assert membership.user_ward_ids(officer, Question) == set()
    assert membership.some_ward_ids(officer) == {b.pk}  # the admin's branding: the one ward they work for
    assert a.pk not in membership.user_ward_ids(officer, Household)


def _string_constants(tree):
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


def test_role_names_are_spelled_only_in_wards_roles():
    """A group name is a constant of `congphuong.wards.roles`, whatever module names it."""
    names = set(roles.WARD_ROLES) | {roles.LEARNING_OFFICER, roles.LEARNING_NATIONAL_ADMIN}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[-2:] == ("wards", "roles.py") or "tests" in relative.parts or "migrations" in relative.parts:
            continue
        for node in _string_constants(ast.parse(path.read_text(encoding="utf-8"))):
            if node.value in names:
                found.append(f"{relative}:{node.lineno} {node.value!r}")
    assert found == []


def test_the_role_groups_use_the_role_keys():
    assert dict(WardRoleGroup.ROLE_CHOICES) == {key: name for name, key in roles.ROLE_KEYS.items()}


def test_answers_are_kept_for_the_request_until_a_membership_changes(wards, django_assert_num_queries):
    a, b = wards["a"], wards["b"]
    user = make_user("bientap_doi_phuong", wards["groups_a"][roles.EDITOR])
    assert membership.ward_ids(user) == {a.pk}
    with django_assert_num_queries(0):  # a list checking each row asks once
        assert membership.may_act_in(user, a.pk) and not membership.may_act_in(user, b.pk)
    wards["groups_b"][roles.EDITOR].user_set.add(user)  # from the group's side, as the admin's group form does
    assert membership.ward_ids(user) == {a.pk, b.pk}
    user.groups.remove(wards["groups_a"][roles.EDITOR])
    assert membership.ward_ids(user) == {b.pk}
    WardRoleGroup.objects.filter(group=wards["groups_b"][roles.EDITOR]).delete()
    assert membership.ward_ids(user) == set()
