"""Recovery codes only make sense next to an authenticator app: drop them with the last one.

Otherwise a user whose phone was removed by an administrator would still be asked
for a code at sign-in and could only answer with a recovery code.
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


@receiver(post_delete, sender=TOTPDevice, dispatch_uid="accounts_drop_orphan_recovery_codes")
def drop_orphan_recovery_codes(sender, instance, **kwargs):
    if not TOTPDevice.objects.filter(user_id=instance.user_id, confirmed=True).exists():
        StaticDevice.objects.filter(user_id=instance.user_id).delete()
