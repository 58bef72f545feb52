"""Deleting a household or a citizen keeps the yearly figures: their registrations stay,
with the subject's name replaced unless it stands on a signed recognition decision.
A ward's private file collection is made with its first assignment and goes with the ward."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Site

from .models import Citizen, Household, HouseholdTombstone, Registration, WardAssignment, WardFileCollection


def _detach(registrations, label):
    registrations.filter(decision__isnull=True).update(subject_name=label, subject_removed=True)
    registrations.filter(decision__isnull=False).update(subject_removed=True)


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
