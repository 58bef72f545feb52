from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from wagtail.models import AbstractGroupApprovalTask

from congphuong.wards import roles

from .rules import approval_refusal, must_not_approve


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """A group approval step whose members cannot approve what they wrote or submitted,
    nor anything of a ward they are not a leader of.

    For content that belongs to a ward (a page under a ward's home page, a snippet
    with a `site` field) only members of this task's groups *linked to that ward*
    (`WardRoleGroup`) may act; a group without a ward link approves only content
    that belongs to no ward. Superusers act everywhere (still bound by four-eyes).
    """

    def _ward_groups_of_user(self, user):
        cache_attr = "_four_eyes_ward_groups"
        cache = getattr(user, cache_attr, None)
        if cache is None:
            cache = {}
            setattr(user, cache_attr, cache)
        if self.pk not in cache:
            rows = self.groups.filter(user=user).values_list("pk", "ward_role__site_id")
            cache[self.pk] = list(rows)
        return cache[self.pk]

    def is_ward_leader(self, obj, user) -> bool:
        """Whether `user` may moderate `obj` on this step as far as its ward is concerned."""
        from congphuong.wards.membership import ward_of

        if user.is_superuser:
            return True
        site_id = ward_of(obj)
        memberships = self._ward_groups_of_user(user)
        if site_id is None:
            return bool(memberships)
        return any(ward == site_id for _, ward in memberships)

    def user_can_access_editor(self, obj, user):
        return user.is_superuser or self.is_ward_leader(obj, user)

    def locked_for_user(self, obj, user):
        return not (user.is_superuser or self.is_ward_leader(obj, user))

    def user_can_lock(self, obj, user):
        return self.is_ward_leader(obj, user)

    def get_actions(self, obj, user):
        if must_not_approve(obj, user) or not self.is_ward_leader(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The action views already check get_actions(); this guards every other caller, and checks
        # what get_actions() cannot show: the size of the approver's own review edits.
        from .publishing import FourEyesRefusal
        from .rules import NOT_WARD_LEADER_MESSAGE

        obj = task_state.workflow_state.content_object
        if action_name in ("approve", "reject") and not self.is_ward_leader(obj, user):
            raise PermissionDenied(NOT_WARD_LEADER_MESSAGE)
        if action_name != "approve":
            return super().on_action(task_state, user, action_name, **kwargs)
        refusal = approval_refusal(obj, user, workflow_state=task_state.workflow_state)
        if refusal:
            raise FourEyesRefusal(refusal)
        # One transaction: a publication refused further down leaves the task waiting, not approved.
        with transaction.atomic():
            log_review_edits(obj, task_state, user)
            return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """Only the states of the user's wards (the "Chờ duyệt" panel and the workflow report)."""
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        allowed = [
            state.pk
            for state in states.select_related("workflow_state")
            if self.is_ward_leader(state.workflow_state.content_object, user)
        ]
        return states.filter(pk__in=allowed)

    @classmethod
    def get_description(cls):
        return (
            "Thành viên các nhóm được chọn phê duyệt nội dung của phường mình; "
            "không ai được tự duyệt nội dung của mình."
        )

    class Meta:
        verbose_name = "Bước duyệt bốn mắt"
        verbose_name_plural = "Bước duyệt bốn mắt"


def log_review_edits(obj, task_state, user):
    """Put the reviewers' corrections since the submission on the record, with their diff."""
    from wagtail.log_actions import log

    from .rules import review_edit_diff, review_edit_size

    submitted = task_state.revision
    latest = obj.get_latest_revision()
    if submitted is None or latest is None or latest.pk == submitted.pk:
        return
    changes = review_edit_diff(submitted, latest)
    if not changes:
        return
    editors = sorted(
        {str(revision.user) for revision in obj.revisions.filter(created_at__gt=submitted.created_at) if revision.user}
    )
    log(
        instance=obj,
        action="congphuong.review_edit",
        user=user,
        revision=latest,
        data={
            "submitted_revision": submitted.pk,
            "approved_revision": latest.pk,
            "editors": editors,
            "changed_characters": review_edit_size(changes),
            "changes": [
                {"field": field, "before": before[:2000], "after": after[:2000], "changed": changed}
                for field, before, after, changed in changes
            ],
        },
    )


class WardRoleGroup(models.Model):
    """Which ward (Site) and which editorial role a Wagtail group stands for.

    `congphuong.editorial.roles.ensure_roles()` creates one group per ward and role
    ("Biên tập viên – Phường Bình An" …) and records it here, so rules can ask
    "is this user a leader of *this* ward" without parsing group names.
    """

    EDITOR = roles.EDITOR_KEY
    APPROVER = roles.APPROVER_KEY
    SITE_ADMIN = roles.SITE_ADMIN_KEY
    ROLE_CHOICES = [(roles.ROLE_KEYS[name], name) for name in roles.WARD_ROLES]

    group = models.OneToOneField(Group, verbose_name="Nhóm", on_delete=models.CASCADE, related_name="ward_role")
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Phường", on_delete=models.CASCADE, related_name="ward_role_groups"
    )
    role = models.CharField("Vai trò", max_length=20, choices=ROLE_CHOICES)

    class Meta:
        verbose_name = "Nhóm vai trò của phường"
        verbose_name_plural = "Nhóm vai trò của phường"
        constraints = [models.UniqueConstraint(fields=["site", "role"], name="unique_role_group_per_ward")]

    def __str__(self):
        return self.group.name


class WardCollection(models.Model):
    """The image/document collection of one ward; only that ward's groups get rights on it."""

    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name="Phường", on_delete=models.CASCADE, related_name="ward_collection"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", verbose_name="Thư mục", on_delete=models.CASCADE, related_name="ward"
    )

    class Meta:
        verbose_name = "Thư mục ảnh, tài liệu của phường"
        verbose_name_plural = "Thư mục ảnh, tài liệu của phường"

    def __str__(self):
        return self.collection.name
