"""Meeting-cadence rules of the committees.

A rule reads "at least N held meetings per period", in calendar mode (every calendar
year/half-year/quarter/month) or rolling mode (no gap longer than the period).
"""

from __future__ import annotations

from typing import Any

_PERIOD_EN = {"P1Y": ("year", "12 months"), "P6M": ("half-year", "6 months"),
              "P3M": ("quarter", "3 months"), "P1M": ("month", "1 month")}
_PERIOD_AR = {"P1Y": ("سنة ميلادية", "اثني عشر شهرا"), "P6M": ("نصف سنة ميلادية", "ستة أشهر"),
              "P3M": ("ربع سنة ميلادية", "ثلاثة أشهر"), "P1M": ("شهر ميلادي", "شهر")}


def describe(rule: Any) -> dict[str, str]:
    """The rule in words, in English and Arabic."""
    if not isinstance(rule, dict) or rule.get("none"):
        return {"en": "no rule", "ar": "دون دورية محددة"}
    count, per, mode = rule.get("min_meetings", 1), rule.get("per", "P1Y"), rule.get("mode", "calendar")
    calendar_en, rolling_en = _PERIOD_EN.get(per, (per, per))
    calendar_ar, rolling_ar = _PERIOD_AR.get(per, (per, per))
    meetings_en = "1 meeting" if count == 1 else f"{count} meetings"
    meetings_ar = "اجتماع واحد" if count == 1 else ("اجتماعان" if count == 2 else f"{count} اجتماعات")
    if mode == "rolling":
        return {"en": f"at least {meetings_en} every {rolling_en} (rolling)",
                "ar": f"{meetings_ar} على الأقل كل {rolling_ar}"}
    return {"en": f"at least {meetings_en} per calendar {calendar_en}",
            "ar": f"{meetings_ar} على الأقل في كل {calendar_ar}"}
