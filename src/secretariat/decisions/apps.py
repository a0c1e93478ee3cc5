from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "secretariat.decisions"
    verbose_name = _("Decisions")

    def ready(self) -> None:
        # Registered here: ``audit`` sits below this app and cannot import it.
        from secretariat.audit.integrity import register_check
        from secretariat.decisions.integrity import check_positions_and_outcomes

        register_check(check_positions_and_outcomes)
