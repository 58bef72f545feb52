"""Deleting a household or a citizen keeps the yearly figures: their registrations stay,
with the subject's name replaced unless it stands on a signed recognition decision."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from .models import Citizen, Household, Registration


def _detach(registrations, label):
    registrations.filter(decision__isnull=True).update(subject_name=label, subject_removed=True)
    registrations.filter(decision__isnull=False).update(subject_removed=True)


@receiver(pre_delete, sender=Household)
def household_deleted(sender, instance, **kwargs):
    _detach(Registration.objects.filter(household=instance), "Hộ đã xóa khỏi sổ")


@receiver(pre_delete, sender=Citizen)
def citizen_deleted(sender, instance, **kwargs):
    _detach(Registration.objects.filter(citizen=instance), "Công dân đã xóa khỏi sổ")
