"""A ward's learning files (decision files, evidence kept as Wagtail documents) stay in that ward.

Each ward has a private document collection, "Hồ sơ xã hội học tập – <ward>"
(`WardFileCollection`), a child of Root. No group holds a right on it (the editorial
groups' rights sit on the ward's public collection); `WardDocumentPermissionPolicy`, the
policy of the document model, grants them from the learning rules instead:

- list, choose and upload files there: a user who may add or change recognition
  decisions (or change dossiers) and is assigned to the ward ("Phân công phường");
  edit and delete them: one who may change decisions (an uploader, their own files);
- download them (/tai-lieu/…): a user of the ward who may view decisions or dossiers;
  anyone else gets 404, and every download is written to the export log.

A decision's file must be one of its own ward's private files (`RecognitionDecision.clean`).
Collections under a private collection count as part of it.
"""

from django.http import Http404
from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from congphuong.wards.membership import ward_of_collection

from . import access

COLLECTION_PREFIX = "Hồ sơ xã hội học tập"
CACHE_ATTR = "_learning_file_collections"

# Document action → the learning permissions that grant it in the user's wards.
UPLOAD_PERMISSIONS = (
    "learning.add_recognitiondecision",
    "learning.change_recognitiondecision",
    "learning.change_registration",
)
ACTION_PERMISSIONS = {
    "add": UPLOAD_PERMISSIONS,
    "choose": UPLOAD_PERMISSIONS,
    # Edit and delete any file of the ward (else only one's own uploads, as everywhere in Wagtail).
    "change": ("learning.change_recognitiondecision",),
}
DOWNLOAD_PERMISSIONS = ("learning.view_recognitiondecision", "learning.view_registration")


def collection_name(site) -> str:
    from congphuong.editorial.roles import ward_name

    return f"{COLLECTION_PREFIX} – {ward_name(site)}"[:255]


def ensure_collection(site) -> Collection:
    """The ward's private collection, created on first use."""
    from .models import WardFileCollection

    link = WardFileCollection.objects.filter(site=site).select_related("collection").first()
    if link is not None:
        return link.collection
    collection = Collection.get_first_root_node().add_child(name=collection_name(site))
    WardFileCollection.objects.create(site=site, collection=collection)
    return collection


def ensure_collections():
    """Every ward's private collection (run by `ensure_learning_roles()`, so by `setup_roles` and the demo)."""
    from wagtail.models import Site

    for site in Site.objects.exclude(learning_files__isnull=False):
        ensure_collection(site)


def _private_paths(user=None) -> list[tuple[str, int]]:
    """(collection path, ward id) of every ward's private collection; cached on the user for the request."""
    cached = getattr(user, CACHE_ATTR, None) if user is not None else None
    if cached is None:
        from .models import WardFileCollection

        cached = list(WardFileCollection.objects.values_list("collection__path", "site_id"))
        if user is not None:
            setattr(user, CACHE_ATTR, cached)
    return cached


def private_ward_of(collection, user=None) -> int | None:
    """The ward whose *private* collection `collection` is (or lies under), else None (a public file)."""
    return ward_of_collection(collection, among=_private_paths(user))


def _has_any(user, permissions) -> bool:
    return user.is_active and user.is_authenticated and any(user.has_perm(name) for name in permissions)


def allows(user, site_id, actions) -> bool:
    """Whether `user` may do one of `actions` (add, choose) on the private files of ward `site_id`."""
    permissions = {name for action in actions for name in ACTION_PERMISSIONS.get(action, ())}
    return _has_any(user, permissions) and access.may_see_site(user, site_id)


def may_download(user, site_id) -> bool:
    return _has_any(user, DOWNLOAD_PERMISSIONS) and access.may_see_site(user, site_id)


def allowed_collections(user, actions):
    """The private collections (and their sub-collections) where `user` may do one of `actions`."""
    if not _has_any(user, {name for action in actions for name in ACTION_PERMISSIONS.get(action, ())}):
        return Collection.objects.none()
    found = Collection.objects.none()
    for path, site_id in _private_paths(user):
        if access.may_see_site(user, site_id):
            found |= Collection.objects.filter(path__startswith=path)
    return found


def private_collections(user=None):
    found = Collection.objects.none()
    for path, _site_id in _private_paths(user):
        found |= Collection.objects.filter(path__startswith=path)
    return found


class WardDocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's document policy, with every ward's private learning collection ruled by `allows()`.

    Group rights (even on Root) never reach a private collection; the learning rules do.
    Only the two lookups everything else goes through are changed.
    """

    def _check_perm(self, user, actions, collection=None):
        if collection is not None and user.is_active and user.is_authenticated and not user.is_superuser:
            site_id = private_ward_of(collection, user)
            if site_id is not None:
                return allows(user, site_id, actions)
        if super()._check_perm(user, actions, collection):
            return True
        # "May this user add / choose a document at all?": yes when a private collection lets them.
        return collection is None and any(allows(user, site_id, actions) for _path, site_id in _private_paths(user))

    def _collections_with_perm(self, user, actions):
        by_groups = super()._collections_with_perm(user, actions).exclude(pk__in=private_collections(user))
        return by_groups | allowed_collections(user, actions)


def document_policy():
    from wagtail.documents import get_document_model_string

    return WardDocumentPermissionPolicy(
        get_document_model_string(), auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
    )


def serve_private_document(document, request):
    """`before_serve_document` hook: a ward's private file only for that ward's learning users, logged.

    Wagtail then serves it as any document (no-sniff, CSP); the serving policy marks answers to a
    signed-in reader private, so no shared cache keeps it.
    """
    site_id = private_ward_of(document.collection, request.user)
    if site_id is None:
        return None  # an ordinary document
    if not may_download(request.user, site_id):
        raise Http404("Không tìm thấy tệp.")
    from wagtail.models import Site

    from .audit import log_export

    log_export(
        request, f"Tệp hồ sơ: {document.title}", document.file_extension[:10] or "tep", 1, Site.objects.get(pk=site_id)
    )
    return None
