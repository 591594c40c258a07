"""What an option's card and page show, gathered from data: the study result that fits, side-effect rates of that
study, urgent boxes of its medicines, and the one time scale for every bar on a page."""
from __future__ import annotations

from collections.abc import Iterable

from .charts import years_scale
from .models import MEDIAN_MEASURES, Alert, SideEffectRate, Treatment, Trial
from .registry import Registry
from .summaries import HeadlineResult, headline_result

# A card lists at most this many side effects: hair loss and lung inflammation when counted, then the most common.
# Every rate is on the option's page and the study's page.
CARD_ROWS = 4
ALWAYS_ON_CARD = ("hair-loss", "ild")
NOT_ON_CARD = ("serious", "stopped-treatment")


def compared_result(registry: Registry, treatment: Treatment, shown_with: Iterable[Treatment] = ()) -> HeadlineResult | None:
    """The result to show for an option: from a study that compared it with an option shown beside it, when there
    is one (both then show that study's figures), else from the first study in which it was an arm."""
    others = {other.id for other in shown_with if other.id != treatment.id}
    for trial_id in treatment.trials:
        trial = registry.get("trials", trial_id)
        arms = {arm.treatment for arm in trial.arms}
        if trial.results and treatment.id in arms and arms & others:
            return HeadlineResult(trial, trial.results[0])
    return headline_result(registry, treatment)


def option_arm(trial: Trial, treatment: Treatment) -> str | None:
    return next((arm.id for arm in trial.arms if arm.treatment == treatment.id), None)


def side_effects_in(registry: Registry, trial: Trial, treatment: Treatment) -> list[SideEffectRate]:
    """Rates of a study that give a figure for this option's arm, but those kept for the study's page."""
    arm = option_arm(trial, treatment)
    return [rate for rate in registry.side_effect_rates(trial.id) if arm in rate.values and not rate.study_page_only]


def card_side_effects(registry: Registry, trial: Trial, treatment: Treatment) -> list[SideEffectRate]:
    arm = option_arm(trial, treatment)
    # Cards list side effects; an overall count and stopping treatment stay on the option's and the study's pages.
    rates = [rate for rate in side_effects_in(registry, trial, treatment)
             if rate.severity == "any" and rate.effect not in NOT_ON_CARD]
    always = [rate for rate in rates if rate.effect in ALWAYS_ON_CARD]
    common = sorted((rate for rate in rates if rate.effect not in ALWAYS_ON_CARD), key=lambda rate: -rate.values[arm].value)
    chosen = always + common[:max(0, CARD_ROWS - len(always))]
    return sorted(chosen, key=lambda rate: -rate.values[arm].value)


def alerts_for(registry: Registry, medicines: Iterable[str]) -> list[Alert]:
    """Every urgent box of these medicines, once each, in the order of data/alerts.yaml; then, where any medicine is
    given, those shown with every option (when to call emergency services)."""
    wanted = set(medicines)
    own = [alert for alert in registry.alerts.values() if wanted & set(alert.medicines)]
    return own + [alert for alert in registry.alerts.values() if wanted and alert.every_option and alert not in own]


def is_comparison(trial: Trial) -> bool:
    return trial.kind != "single_arm" and len(trial.arms) > 1


def time_scale(results: Iterable[HeadlineResult]) -> int | None:
    """Whole years that hold every time bar drawn from these results: one scale for a page."""
    months = [figure.value for shown in results if shown.result.measure in MEDIAN_MEASURES and is_comparison(shown.trial)
              for figure in shown.result.values.values()]
    return years_scale(max(months)) if months else None
