from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "secretariat.documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        # Registered here: ``audit`` sits below this app and cannot import it.
        from secretariat.audit.integrity import register_check
        from secretariat.documents.integrity import check_adopted_texts

        register_check(check_adopted_texts)
