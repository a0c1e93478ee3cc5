from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignaturesConfig(AppConfig):
    name = "secretariat.signatures"
    verbose_name = _("Signatures")

    def ready(self) -> None:
        # Registered here: ``audit`` sits below this app and cannot import it.
        from secretariat.audit.integrity import register_check
        from secretariat.signatures.integrity import check_signatures

        register_check(check_signatures)
