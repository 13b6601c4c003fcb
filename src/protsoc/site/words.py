"""The site's own words in Arabic and French, and how each language writes dates and numbers.

Arabic dates go through documents/arabic.py (Babel ``ar_MA``: Moroccan month names, Western
digits), French dates through Babel ``fr_MA``; numbers are written one way in both languages and
in the documents (kernel/numbers.py: «4 000 000», «3.8»).
Record text is never translated: a record without a French wording is shown in Arabic, marked
``lang="ar" dir="rtl"`` (see ``pages.record_text``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Any

from protsoc.documents import arabic
from protsoc.kernel import dates, numbers

LANGUAGES = ("ar", "fr")
DIRECTION = {"ar": "rtl", "fr": "ltr"}
LANGUAGE_NAME = {"ar": "العربية", "fr": "Français"}
FRENCH_LOCALE = "fr_MA"

# key: (Arabic, French)
_WORDS: dict[str, tuple[str, str]] = {
    "site_title": (
        "لوحة القيادة الوطنية للحماية الاجتماعية",
        "Tableau de bord national de la protection sociale",
    ),
    "kingdom": ("المملكة المغربية", "Royaume du Maroc"),
    "skip": ("الانتقال إلى المحتوى", "Aller au contenu"),
    "menu": ("القائمة الرئيسية", "Menu principal"),
    "home": ("الرئيسية", "Accueil"),
    "indicators": ("المؤشرات", "Indicateurs"),
    "committees": ("اللجان", "Comités"),
    "meetings": ("الاجتماعات", "Réunions"),
    "decisions": ("القرارات وتتبعها", "Décisions et suivi"),
    "roadmap": ("خارطة الطريق", "Feuille de route"),
    "evaluations": ("التقييمات", "Évaluations"),
    "data": ("المعطيات المفتوحة", "Données ouvertes"),
    "search": ("البحث", "Recherche"),
    "as_of": ("الوضعية بتاريخ", "Situation au"),
    "cadence": ("انتظام الاجتماعات", "Régularité des réunions"),
    "committee": ("اللجنة", "Comité"),
    "rule": ("القاعدة", "Règle"),
    "status": ("الوضعية", "État"),
    "last_meeting": ("آخر اجتماع", "Dernière réunion"),
    "next_due": ("الاجتماع المقبل قبل", "Prochaine réunion avant le"),
    "follow_up": ("تتبع القرارات", "Suivi des décisions"),
    "open": ("مفتوحة", "ouvertes"),
    "late": ("متأخرة", "en retard"),
    "done": ("منجزة", "réalisées"),
    "latest_value": ("آخر قيمة", "Dernière valeur"),
    "change": ("التغير", "Évolution"),
    "freshness": ("التحيين", "Actualité"),
    "target": ("الهدف", "Cible"),
    "date": ("التاريخ", "Date"),
    "value": ("القيمة", "Valeur"),
    "as_reported": ("كما وردت في المصدر", "Telle que publiée"),
    "source": ("المصدر", "Source"),
    "sources": ("المصادر", "Sources"),
    "unit": ("الوحدة", "Unité"),
    "owner": ("الجهة المكلفة", "Responsable"),
    "axis": ("المحور", "Axe"),
    "direction": ("الاتجاه المرغوب", "Sens souhaité"),
    "frequency": ("دورية التحيين", "Périodicité"),
    "note": ("ملاحظة", "Note"),
    "metadata": ("البيانات الوصفية", "Métadonnées"),
    "chart": ("المبيان", "Graphique"),
    "table": ("جدول المعطيات", "Tableau des données"),
    "downloads": ("التحميل", "Téléchargements"),
    "last_updated": ("آخر تحديث", "Dernière mise à jour"),
    "members": ("الأعضاء", "Membres"),
    "post": ("الصفة", "Fonction"),
    "role": ("الدور", "Rôle"),
    "holder": ("الشاغل", "Titulaire"),
    "agenda": ("جدول الأعمال", "Ordre du jour"),
    "attendance": ("الحضور", "Présence"),
    "minutes": ("المحضر", "Procès-verbal"),
    "minutes_approved": ("محضر مصادق عليه", "Procès-verbal approuvé"),
    "minutes_pdf": ("المحضر بصيغة PDF", "Procès-verbal en PDF (en arabe)"),
    "minutes_not_published": (
        "لم يصادق على المحضر بعد: لا ينشر إلا المحضر المصادق عليه.",
        "Procès-verbal non encore approuvé : seuls les procès-verbaux approuvés sont publiés.",
    ),
    "decision": ("القرار", "Décision"),
    "due": ("الأجل", "Échéance"),
    "progress": ("نسبة الإنجاز", "Avancement"),
    "actions": ("مخطط العمل", "Plan d'action"),
    "action": ("الإجراء", "Action"),
    "no_plan": ("دون مخطط عمل", "Sans plan d'action"),
    "milestones": ("المراحل", "Jalons"),
    "planned": ("التاريخ المبرمج", "Date prévue"),
    "actual": ("تاريخ الإنجاز", "Date de réalisation"),
    "resources": ("الموارد", "Ressources"),
    "amount": ("المبلغ", "Montant"),
    "evaluator": ("الجهة المقيمة", "Évaluateur"),
    "independent": ("مستقلة", "Indépendant"),
    "not_independent": ("غير مستقلة", "Non indépendant"),
    "scope": ("النطاق", "Périmètre"),
    "none_yet": ("لا شيء مسجل بعد.", "Rien n'est encore enregistré."),
    "search_label": ("ابحث في اللوحة", "Rechercher dans le tableau de bord"),
    "search_button": ("بحث", "Rechercher"),
    "search_hint": (
        "يتجاهل البحث الحركات والتطويل وأشكال الألف والياء.",
        "La recherche ignore les voyelles brèves, le tatweel et les formes de l'alif et du ya.",
    ),
    "search_needs_js": (
        "يتطلب البحث تفعيل جافاسكريبت؛ كل الصفحات متاحة من القائمة.",
        "La recherche nécessite JavaScript ; toutes les pages restent accessibles par le menu.",
    ),
    "data_intro": (
        "كل معطيات اللوحة متاحة للتحميل بصيغتي JSON وCSV، مع مخطط JSON Schema موثق ومرقم الإصدار.",
        "Toutes les données du tableau de bord sont téléchargeables en JSON et CSV, avec un schéma "
        "JSON Schema documenté et versionné.",
    ),
    "archive": ("أرشيف كل المعطيات", "Archive de toutes les données"),
    "schema": ("المخطط", "Schéma"),
    "file": ("الملف", "Fichier"),
    "description": ("الوصف", "Description"),
    "generated": (
        "أنشئت هذه الصفحات آليا من سجل الحكامة المحفوظ في git.",
        "Pages générées automatiquement à partir du registre de gouvernance tenu dans git.",
    ),
    "language": ("اللغة", "Langue"),
    "held": ("الاجتماعات المنعقدة", "Réunions tenues"),
    "all_meetings": ("كل الاجتماعات", "Toutes les réunions"),
    "kind": ("النوع", "Nature"),
    "place": ("المكان", "Lieu"),
    "chair": ("الرئاسة", "Présidence"),
    "yes": ("نعم", "oui"),
    "no": ("لا", "non"),
    "target_met": ("الهدف محقق", "Cible atteinte"),
    "target_line": ("الخط المتقطع: الهدف", "Trait pointillé : la cible"),
    "days_late": ("أيام التأخر", "Jours de retard"),
    "back_to_indicators": ("كل المؤشرات", "Tous les indicateurs"),
    "previous": ("القيمة السابقة", "Valeur précédente"),
    "results": ("النتائج", "Résultats"),
    "page": ("الصفحة", "Page"),
    "on_date": ("بتاريخ", "au"),
    "scrollable_table": ("جدول قابل للتمرير", "Tableau défilant"),
    "see_table": ("المعطيات نفسها في جدول", "Les mêmes données en tableau"),
    "programmes": ("البرامج وتتبعها المالي", "Programmes et suivi financier"),
    "programme": ("البرنامج", "Programme"),
    "finance": ("التتبع المالي", "Suivi financier"),
    "original_budget": ("الميزانية الأولية", "Budget initial"),
    "revised_budget": ("الميزانية المعدلة", "Budget révisé"),
    "committed": ("الالتزامات", "Engagements"),
    "paid": ("الأداءات", "Paiements"),
    "spent": ("النفقات المنجزة", "Dépenses réalisées"),
    "commitment_rate": ("نسبة الالتزام", "Taux d'engagement"),
    "payment_rate": ("نسبة الأداء", "Taux de paiement"),
    "execution_rate": ("نسبة التنفيذ", "Taux d'exécution"),
    "year": ("السنة المالية", "Exercice"),
    "in_dirhams": (
        "المبالغ بالدرهم. نسبة الالتزام = الالتزامات الصافية / الميزانية المعدلة؛ نسبة الأداء = "
        "الأداءات / الالتزامات الصافية؛ نسبة التنفيذ = الأداءات / الميزانية المعدلة.",
        "Montants en dirhams. Taux d'engagement = engagements nets / budget révisé\u00a0; "
        "taux de paiement = paiements / engagements nets\u00a0; "
        "taux d'exécution = paiements / budget révisé.",
    ),
    "no_finance": (
        "لا يتضمن السجل أي رقم مالي لهذا البرنامج: "
        "لم تذكر المصادر ميزانية ولا التزامات ولا أداءات.",
        "Aucun montant n'est enregistré pour ce programme\u00a0: "
        "les sources ne donnent ni budget, ni engagement, ni paiement.",
    ),
    "no_finance_at_all": (
        "لا يتضمن السجل أي رقم مالي: لم تذكر المصادر ميزانية ولا التزامات ولا أداءات لأي برنامج.",
        "Aucun montant n'est enregistré\u00a0: les sources ne donnent ni budget, ni engagement, ni "
        "paiement pour aucun programme.",
    ),
    "managing_bodies": ("الهيئات المكلفة بالتدبير", "Organismes gestionnaires"),
    "legal_basis": ("السند القانوني", "Base légale"),
    "start": ("تاريخ الانطلاق", "Lancement"),
    "linked_indicators": ("المؤشرات المرتبطة", "Indicateurs liés"),
    "linked_actions": ("الإجراءات المرتبطة", "Actions liées"),
    "linked_evaluations": ("التقييمات المرتبطة", "Évaluations liées"),
}

CADENCE_STATUS = {
    "compliant": ("مطابقة", "conforme"),
    "due-soon": ("اجتماع مرتقب قريبا", "réunion attendue sous peu"),
    "breach": ("غير مطابقة", "non conforme"),
    "no-rule": ("دون دورية محددة", "sans périodicité fixée"),
    "unknown": ("تعذر تقييم القاعدة", "règle non évaluable"),
}
FRESHNESS = {
    "fresh": ("محينة", "à jour"),
    "stale": ("تحتاج إلى تحيين", "à actualiser"),
    "no-frequency": ("دون دورية محددة", "sans périodicité"),
    "no-data": ("لا معطيات", "aucune donnée"),
}
TREND = {
    "better": ("في تحسن", "en amélioration"),
    "worse": ("في تراجع", "en recul"),
    "unchanged": ("مستقر", "stable"),
}
QUALIFIER = {
    "exact": ("", ""),
    "about": ("حوالي", "environ"),
    "more-than": ("أكثر من", "plus de"),
    "less-than": ("أقل من", "moins de"),
    "at-least": ("على الأقل", "au moins"),
}
DECISION_STATE = {
    "open": ("مفتوح", "ouverte"),
    "late": ("متأخر", "en retard"),
    "done": ("منجز", "réalisée"),
}
DECISION_KIND = {"decision": ("قرار", "décision"), "recommendation": ("توصية", "recommandation")}
ACTION_STATUS = {
    "not-started": ("لم يشرع فيه", "non entamée"),
    "in-progress": ("في طور الإنجاز", "en cours"),
    "done": ("منجز", "réalisée"),
    "blocked": ("متعثر", "bloquée"),
    "dropped": ("متخلى عنه", "abandonnée"),
}
MILESTONE_STATE = {
    "reached": ("محققة", "atteint"),
    "reached-late": ("محققة بتأخر", "atteint en retard"),
    "late": ("متأخرة", "en retard"),
    "planned": ("مبرمجة", "prévu"),
    "undated": ("غير مؤرخة", "non daté"),
}
EVALUATION_STATUS = {
    "planned": ("مبرمج", "programmée"),
    "ongoing": ("جار", "en cours"),
    "report-submitted": ("قدم التقرير", "rapport remis"),
    "closed": ("انتهى", "clôturée"),
}
MEETING_STATUS = {
    "planned": ("مبرمج", "prévue"),
    "convened": ("وجهت الدعوة", "convoquée"),
    "held": ("منعقد", "tenue"),
    "cancelled": ("ملغى", "annulée"),
    "postponed": ("مؤجل", "reportée"),
}
COMMITTEE_KIND = {
    "ministerial": ("وزارية", "ministériel"),
    "technical": ("تقنية", "technique"),
    "thematic": ("موضوعاتية", "thématique"),
    "working-group": ("مجموعة عمل", "groupe de travail"),
}
ROLE = {
    "chair": ("الرئيس", "président"),
    "member": ("عضو", "membre"),
    "secretariat": ("الكتابة", "secrétariat"),
    "rapporteur": ("المقرر", "rapporteur"),
}
DIRECTION_WORDS = {
    "higher": ("الأعلى أفضل", "plus haut, mieux c'est"),
    "lower": ("الأدنى أفضل", "plus bas, mieux c'est"),
}
_PERIOD_FR = {
    "P1Y": ("année civile", "an"),
    "P6M": ("semestre civil", "6 mois"),
    "P3M": ("trimestre civil", "3 mois"),
    "P1M": ("mois civil", "mois"),
}


# French sets a no-break space before «:»; Arabic does not.
COLON = {"ar": ":", "fr": "\u00a0:"}


def word(key: str, lang: str) -> str:
    """The site's wording of ``key`` in ``lang``."""
    arabic_words, french_words = _WORDS[key]
    return arabic_words if lang == "ar" else french_words


def pick(table: dict[str, tuple[str, str]], key: Any, lang: str) -> str:
    """A status word from one of the tables above; an unknown status shows as stored."""
    pair = table.get(str(key or ""))
    if pair is None:
        return "" if key is None else str(key)
    return pair[0] if lang == "ar" else pair[1]


# Pages repeat the same few hundred dates and values thousands of times (a 2,000-meeting
# registry: 85,000 calls); Babel's formatting costs tens of microseconds each.
@functools.lru_cache(maxsize=65536)
def date(value: Any, lang: str) -> str:
    """«26 نونبر 2024» / «26 novembre 2024»; empty for a missing date."""
    day = value if isinstance(value, dt.date) else dates.parse(value)
    if day is None:
        return ""
    if lang == "ar":
        return arabic.date_long(day)
    from babel.dates import format_date

    # French writes the first of the month «1er» (Babel prints «1»).
    pattern = "d'er' MMMM y" if day.day == 1 else "d MMMM y"
    return str(format_date(day, pattern, locale=FRENCH_LOCALE))


@functools.lru_cache(maxsize=65536)
def number(value: Any, lang: str) -> str:
    """«4 000 000», «3.8»: the same digits in both languages and in the documents
    (kernel/numbers.py); ``lang`` is kept for the callers' symmetry with the other words."""
    if value is None:
        return ""
    return numbers.grouped(value)


@functools.lru_cache(maxsize=4096)
def month_year(value: dt.date, lang: str) -> str:
    """«نونبر 2024» / «novembre 2024»: the date ticks of a chart (fr_MA abbreviates both juin
    and juillet «jui.»)."""
    if lang == "ar":
        return arabic.month_year(value)
    from babel.dates import format_date

    return str(format_date(value, "MMMM y", locale=FRENCH_LOCALE))


def chart_words(lang: str) -> Any:
    """The words of an indicator chart on ``lang`` pages (documents/charts.py draws it)."""
    from protsoc.documents import charts

    def qualifier(observation: Any) -> str:
        words = QUALIFIER.get(str(observation.get("qualifier")), ("", ""))
        return words[0] if lang == "ar" else words[1]

    if lang == "ar":
        return dataclasses.replace(charts.ARABIC_WORDS, qualifier=qualifier)
    return charts.ChartWords(
        month_year=lambda day: month_year(day, lang),
        number=lambda value: number(round(value, 2), lang),
        value=lambda value: number(value, lang),
        target=word("target", lang) + COLON[lang] + " ",
        rtl=False,
        qualifier=qualifier,
    )


def amount(value: Any, lang: str) -> str:
    """An amount in MAD as governance/finance.py gives it (a decimal string), centimes shown,
    the same in both languages (kernel/numbers.py): «1 250 000.50»; «—» when none is recorded."""
    from decimal import Decimal

    if value is None:
        return "—"
    return numbers.money(Decimal(str(value)))


def rate(value: Any, lang: str) -> str:
    """A rate as governance/finance.py gives it («0.8750») as a percentage to a tenth of a point:
    «87.5%» / «87.5 %»; «—» when there is nothing to divide by."""
    from decimal import ROUND_HALF_UP, Decimal

    if value is None:
        return "—"
    points = (Decimal(str(value)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return measure(points, "percentage", lang)


def measure(value: Any, measure_kind: str, lang: str) -> str:
    """A value in its measure: a percentage gets «%» (records keep 0-100)."""
    if value is None:
        return ""
    shown = number(value, lang)
    if measure_kind == "percentage":
        return f"{shown}%" if lang == "ar" else f"{shown}\u202f%"
    return shown


def signed(value: Any, measure_kind: str, lang: str) -> str:
    """A change with its sign: «+1.200» / «−3,5»."""
    if value is None:
        return ""
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return sign + measure(abs(value), measure_kind, lang)


def count(value: int, noun: str, lang: str) -> str:
    """«3 اجتماعات» / «3 réunions»: Arabic plurals through documents/arabic.py's six forms."""
    if lang == "ar":
        return arabic.count(value, _ARABIC_NOUNS.get(noun, noun))
    singular, plural = _FRENCH_NOUNS[noun]
    return f"{number(value, lang)} {singular if value < 2 else plural}"


# Nouns the documents never count (documents/arabic.py's NOUNS hold theirs).
_ARABIC_NOUNS: dict[str, Any] = {
    "programme": arabic.Noun("برنامج واحد", "برنامجان", "برامج", "برنامجا", "برنامج", "لا برنامج"),
}

_FRENCH_NOUNS = {
    "meeting": ("réunion", "réunions"),
    "member": ("membre", "membres"),
    "decision": ("décision", "décisions"),
    "recommendation": ("recommandation", "recommandations"),
    "action": ("action", "actions"),
    "item": ("point", "points"),
    "day": ("jour", "jours"),
    "indicator": ("indicateur", "indicateurs"),
    "programme": ("programme", "programmes"),
}


def cadence_rule(rule: Any, arabic_words: str, lang: str) -> str:
    """A cadence rule in words; French is written here (governance/cadence words it in Arabic
    and English only)."""
    if lang == "ar":
        return arabic_words
    if not isinstance(rule, dict) or rule.get("none"):
        return "sans périodicité fixée"
    count_, per, mode = rule.get("min_meetings", 1), rule.get("per", "P1Y"), rule.get("mode")
    calendar, rolling = _PERIOD_FR.get(str(per), (str(per), str(per)))
    meetings = "1 réunion" if count_ == 1 else f"{count_} réunions"
    if mode == "rolling":
        return (
            f"au moins {meetings} tous les {rolling} (glissant)"
            if rolling != "an"
            else (f"au moins {meetings} par période glissante d'un an")
        )
    return f"au moins {meetings} par {calendar}"
