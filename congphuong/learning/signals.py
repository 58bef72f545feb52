"""Deleting a household or a citizen keeps the yearly figures: their registrations stay,
with the subject's name replaced unless it stands on a signed recognition decision.
A ward's private file collection is made with its first assignment and goes with the ward."""

from django.db import IntegrityError, transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Site

from congphuong.organisation.models import Quarter

from .models import (
    Award,
    Citizen,
    Household,
    HouseholdTombstone,
    LearningQuarter,
    LearningSocietyPage,
    NameConsent,
    Registration,
    WardAssignment,
    WardFileCollection,
)


def _detach(registrations, label):
    registrations.filter(decision__isnull=True).update(subject_name=label, subject_removed=True)
    registrations.filter(decision__isnull=False).update(subject_removed=True)


@receiver(post_save, sender=Quarter, dispatch_uid="learning_follow_quarter_name")
def quarter_renamed(sender, instance, raw=False, **kwargs):
    """A khu phố renamed in the ward's list (published) is renamed in the programme's registry too."""
    if raw or (kwargs.get("update_fields") is not None and "name" not in kwargs["update_fields"]):
        return  # saving a draft revision writes only its bookkeeping fields, not the name readers see
    # The stored name: the instance in memory may carry a draft's name.
    name = Quarter.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    if name is None:
        return
    try:
        with transaction.atomic():
            LearningQuarter.objects.filter(quarter=instance).exclude(name=name).update(name=name)
    except IntegrityError:
        pass  # another registry row already has that name: the officer merges them; the link stays


@receiver(pre_delete, sender=Household)
def household_deleted(sender, instance, **kwargs):
    _detach(Registration.objects.filter(household=instance), "Hộ đã xóa khỏi sổ")
    # The household still counts in the denominators of the years before today (see stats).
    HouseholdTombstone.objects.create(
        site_id=instance.site_id,
        quarter_id=instance.quarter_id,
        deleted_on=timezone.localdate(),
        removed_on=instance.removed_on if instance.removed else None,
        member_birth_years=sorted(instance.members.values_list("birth_year", flat=True)),
    )


@receiver(pre_delete, sender=Citizen)
def citizen_deleted(sender, instance, **kwargs):
    _detach(Registration.objects.filter(citizen=instance), "Công dân đã xóa khỏi sổ")


@receiver(post_save, sender=WardAssignment)
def ward_assigned(sender, instance, created, raw=False, **kwargs):
    # The ward's private file collection exists before its staff first attach a decision file.
    # Not while loading a fixture or a backup (raw): the Site may not be loaded yet, and the
    # collection and its link are rows of the same dump.
    if created and not raw:
        from .files import ensure_collection

        ensure_collection(instance.site)


@receiver(pre_delete, sender=Site)
def ward_deleted(sender, instance, **kwargs):
    # The ward's learning data goes with it (site foreign keys cascade): so do its private files.
    link = WardFileCollection.objects.filter(site=instance).select_related("collection").first()
    if link is not None:
        link.collection.delete()  # its documents and the link cascade


@receiver([post_save, post_delete], sender=NameConsent, dispatch_uid="learning_purge_consent")
@receiver([post_save, post_delete], sender=Award, dispatch_uid="learning_purge_award")
def purge_public_pages(sender, instance, raw=False, **kwargs):
    """A consent given or withdrawn, or an award changed: the ward's public learning pages are
    purged at once, in every layer. The model tag (serving/signals.py) already drops our page
    cache entries; the page's tree tag also sends its URLs to a CDN purge (serving/frontend.py)."""
    if raw:
        return
    from congphuong.serving.signals import purge_later
    from congphuong.serving.tags import tree_tag

    site_id = getattr(instance, "site_id", None)
    pages = LearningSocietyPage.objects.all()
    site = Site.objects.filter(pk=site_id).select_related("root_page").first() if site_id else None
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    purge_later({tree_tag(path) for path in pages.values_list("path", flat=True)})
