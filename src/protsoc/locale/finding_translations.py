"""The French and Arabic wording of validation's findings and hints (merged into translations.T).

Every message and hint of ``protsoc validate`` (validate/, and the problems registry/ reports while
reading a file) is a msgid here, with named placeholders that hold what is never translated:
record content, ids, file names, rule ids, field names, commands. Written to be read in context,
after the file name and the rule id: French as a Moroccan administration writes it, Arabic as its
Arabic correspondence does. tests/test_finding_language.py fails on a msgid of those modules
without both wordings, or on a wording whose placeholders differ from its msgid's.
"""

# msgid: (fr, ar); plurals (ngettext): the singular, then one string per plural form
FINDINGS = {
    # --- report labels ---------------------------------------------------------------------------
    "error": ("erreur", "خطأ"),
    "warning": ("avertissement", "تنبيه"),
    "valid": ("valide", "صالح"),
    "invalid": ("non valide", "غير صالح"),
    "{verdict}: {counts}": ("{verdict} : {counts}", "{verdict}: {counts}"),
    "{files}, {errors}, {warnings}": (
        "{files}, {errors}, {warnings}",
        "{files}، {errors}، {warnings}",
    ),
    "{count} file checked": (
        ("{count} fichier vérifié", "{count} de fichiers vérifiés", "{count} fichiers vérifiés"),
        (
            "لم يفحص أي ملف",
            "ملف واحد مفحوص",
            "ملفان مفحوصان",
            "{count} ملفات مفحوصة",
            "{count} ملفا مفحوصا",
            "{count} ملف مفحوص",
        ),
    ),
    "{count} error": (
        ("{count} erreur", "{count} d'erreurs", "{count} erreurs"),
        ("لا أخطاء", "خطأ واحد", "خطآن", "{count} أخطاء", "{count} خطأ", "{count} خطأ"),
    ),
    "{count} warning": (
        ("{count} avertissement", "{count} d'avertissements", "{count} avertissements"),
        (
            "لا تنبيهات",
            "تنبيه واحد",
            "تنبيهان",
            "{count} تنبيهات",
            "{count} تنبيها",
            "{count} تنبيه",
        ),
    ),
    # --- words inside messages -------------------------------------------------------------------
    " or ": (" ou ", " أو "),
    "the record": ("l'enregistrement", "السجل"),
    "text": ("du texte", "نصا"),
    "a whole number": ("un nombre entier", "عددا صحيحا"),
    "a number": ("un nombre", "عددا"),
    "true or false": ("true ou false", "true أو false"),
    "a mapping of fields": ("un ensemble de champs", "مجموعة حقول"),
    "a list": ("une liste", "قائمة"),
    "a mapping": ("un ensemble de champs", "مجموعة حقول"),
    "empty": ("vide", "فارغا"),
    "the boolean {value}": ("le booléen {value}", "القيمة المنطقية {value}"),
    "the number {value}": ("le nombre {value}", "العدد {value}"),
    "null (nothing)": ("null (rien)", "null (لا شيء)"),
    "base 60": ("base 60", "بالنظام الستيني"),
    "octal": ("octal", "بالنظام الثماني"),
    "not decimal": ("non décimal", "بغير النظام العشري"),
    "budget {number}": ("le budget {number}", "الميزانية {number}"),
    "ledger event {number}": (
        "l'opération {number} du registre",
        "العملية {number} من السجل المالي",
    ),
    "in the working tree": ("dans la copie de travail", "في نسخة العمل"),
    "by commit {commit}": ("par le commit {commit}", "بواسطة الإيداع {commit}"),
    " (after the merge base {base})": (
        " (après la base de fusion {base})",
        " (بعد قاعدة الدمج {base})",
    ),
    "the file is deleted or unreadable": (
        "le fichier est supprimé ou illisible",
        "الملف محذوف أو تتعذر قراءته",
    ),
    "its seal is removed": ("son scellé est supprimé", "أزيل ختمه"),
    "its seal was recomputed to match": (
        "son scellé a été recalculé pour correspondre",
        "أعيد حساب ختمه ليطابق المحتوى الجديد",
    ),
    "its seal no longer matches": ("son scellé ne correspond plus", "لم يعد ختمه مطابقا"),
    # --- identity --------------------------------------------------------------------------------
    "the record's id `{id}` does not match its file path (`{path_id}`)": (
        "l'identifiant `{id}` de l'enregistrement ne correspond pas au chemin de son fichier "
        "(`{path_id}`)",
        "معرف السجل `{id}` لا يطابق مسار ملفه (`{path_id}`)",
    ),
    "write `{path_id}` as the record's id, or rename the file to match its id": (
        "inscrivez `{path_id}` comme identifiant de l'enregistrement, ou renommez le fichier "
        "d'après son identifiant",
        "اكتب `{path_id}` معرفا للسجل، أو أعد تسمية الملف ليطابق معرفه",
    ),
    "`{name}` is not a meeting file name with a real date": (
        "`{name}` n'est pas un nom de fichier de réunion portant une date réelle",
        "`{name}` ليس اسم ملف اجتماع يحمل تاريخا صحيحا",
    ),
    (
        "name meeting files YYYY-MM-DD.yaml (or YYYY-MM-DD-2.yaml for a second meeting that day) "
        "with an existing date"
    ): (
        "nommez les fichiers de réunion AAAA-MM-JJ.yaml (ou AAAA-MM-JJ-2.yaml pour une deuxième "
        "réunion le même jour) avec une date qui existe",
        "تسمى ملفات الاجتماعات YYYY-MM-DD.yaml (أو YYYY-MM-DD-2.yaml لاجتماع ثان في اليوم نفسه) "
        "بتاريخ صحيح",
    ),
    "the meeting's date {date} differs from its file name ({file_date})": (
        "la date de la réunion, {date}, diffère de celle du nom de son fichier ({file_date})",
        "تاريخ الاجتماع {date} يختلف عن التاريخ الوارد في اسم ملفه ({file_date})",
    ),
    (
        "the file's name is the meeting's date: write {file_date} as the date in the record or, "
        "if {date} is right, rename the file {name}"
    ): (
        "le nom du fichier est la date de la réunion : inscrivez {file_date} comme date dans "
        "l'enregistrement ou, si {date} est la bonne date, renommez le fichier {name}",
        "اسم الملف هو تاريخ الاجتماع: اكتب {file_date} تاريخا في السجل، أو إن كان {date} هو "
        "التاريخ الصحيح فأعد تسمية الملف {name}",
    ),
    "the meeting is filed under {folder} but names committee `{committee}`": (
        "la réunion est classée sous {folder} mais indique le comité `{committee}`",
        "الاجتماع مصنف ضمن {folder} لكنه يذكر اللجنة `{committee}`",
    ),
    "move the file to {folder}, or correct the committee named in the record": (
        "déplacez le fichier dans {folder}, ou corrigez le comité indiqué dans l'enregistrement",
        "انقل الملف إلى {folder}، أو صحح اللجنة المذكورة في السجل",
    ),
    "`{list}` lists `{key}: {value}` more than once": (
        "`{list}` contient `{key}: {value}` plus d'une fois",
        "`{list}` يتضمن `{key}: {value}` أكثر من مرة",
    ),
    (
        "give each entry its own id, or merge the two entries (`protsoc remove …` removes an entry "
        "of a meeting)"
    ): (
        "donnez à chaque entrée son propre identifiant, ou fusionnez les deux entrées "
        "(`protsoc remove …` supprime une entrée d'une réunion)",
        "خصص لكل عنصر معرفا خاصا به، أو ادمج العنصرين (`protsoc remove …` يحذف عنصرا من اجتماع)",
    ),
    # --- references ------------------------------------------------------------------------------
    "parent committee `{committee}` does not exist": (
        "le comité de rattachement `{committee}` n'existe pas",
        "اللجنة الأم `{committee}` غير موجودة",
    ),
    "create the committee with `protsoc add committee`, or correct its parent committee": (
        "créez le comité avec `protsoc add committee`, ou corrigez son comité de rattachement",
        "أحدث اللجنة بالأمر `protsoc add committee`، أو صحح اللجنة الأم",
    ),
    "the chair `{chair}` is not one of the committee's member posts": (
        "la présidence `{chair}` n'est pas l'un des sièges de membres du comité",
        "الرئاسة `{chair}` ليست من مقاعد أعضاء اللجنة",
    ),
    "name as chair the member post whose role is chair": (
        "désignez comme présidence le siège de membre dont le rôle est chair",
        "عين للرئاسة مقعد العضو الذي صفته chair",
    ),
    "the chair `{chair}` has role `{role}`, not chair": (
        "la présidence `{chair}` a le rôle `{role}`, et non chair",
        "الرئاسة `{chair}` صفتها `{role}` وليست chair",
    ),
    "give that member post the role of chair": (
        "attribuez à ce siège de membre le rôle chair",
        "أسند إلى مقعد العضو هذا صفة chair",
    ),
    "`{field}: {value}` names no existing post": (
        "`{field}: {value}` ne désigne aucun siège existant",
        "`{field}: {value}` لا يشير إلى أي مقعد قائم",
    ),
    "use <committee-id>/<member-id> of an existing post": (
        "indiquez <comité>/<membre> d'un siège existant",
        "استعمل <اللجنة>/<العضو> لمقعد قائم",
    ),
    "committees are their own parents: {chain}": (
        "des comités sont rattachés à eux-mêmes : {chain}",
        "لجان ترتبط بنفسها: {chain}",
    ),
    "a committee's chain of parents must end at a committee with no parent": (
        "la chaîne de rattachement d'un comité doit aboutir à un comité sans rattachement",
        "يجب أن تنتهي سلسلة ارتباط اللجنة بلجنة غير مرتبطة بأي لجنة أخرى",
    ),
    "committee `{committee}` does not exist": (
        "le comité `{committee}` n'existe pas",
        "اللجنة `{committee}` غير موجودة",
    ),
    (
        "`protsoc list committee` shows the committees; create this one with `protsoc add "
        "committee`"
    ): (
        "`protsoc list committee` affiche les comités ; créez celui-ci avec "
        "`protsoc add committee`",
        "يعرض الأمر `protsoc list committee` اللجان؛ أحدث هذه اللجنة بالأمر "
        "`protsoc add committee`",
    ),
    (
        "attendance names `{member}`, who is neither a member post of `{committee}` nor a listed "
        "guest"
    ): (
        "la liste de présence mentionne `{member}`, qui n'est ni un siège de membre de "
        "`{committee}` ni un invité inscrit",
        "تذكر لائحة الحضور `{member}`، وهو ليس مقعد عضو في `{committee}` ولا ضيفا مسجلا",
    ),
    (
        "use a member post of the committee (`protsoc show {committee}`), or record the person as "
        "a guest with `protsoc add guest {meeting}`"
    ): (
        "indiquez un siège de membre du comité (`protsoc show {committee}`), ou inscrivez la "
        "personne comme invitée avec `protsoc add guest {meeting}`",
        "استعمل مقعد عضو في اللجنة (`protsoc show {committee}`)، أو سجل الشخص ضيفا بالأمر "
        "`protsoc add guest {meeting}`",
    ),
    "`{member}` is marked represented but not by whom": (
        "`{member}` est indiqué comme représenté, sans préciser par qui",
        "`{member}` مسجل على أنه ممثل دون بيان من مثله",
    ),
    "say who represented them: `protsoc set attendance {meeting} {member} --by NAME`": (
        "précisez qui l'a représenté : `protsoc set attendance {meeting} {member} --by NOM`",
        "بين من مثله: `protsoc set attendance {meeting} {member} --by الاسم`",
    ),
    "use a member id of the committee (or <committee-id>/<member-id>)": (
        "indiquez l'identifiant d'un membre du comité (ou <comité>/<membre>)",
        "استعمل معرف عضو في اللجنة (أو <اللجنة>/<العضو>)",
    ),
    "use a member id of the committee": (
        "indiquez l'identifiant d'un membre du comité",
        "استعمل معرف عضو في اللجنة",
    ),
    "decision {decision}: owner `{owner}` names no existing post": (
        "décision {decision} : le responsable `{owner}` ne désigne aucun siège existant",
        "القرار {decision}: الجهة المسؤولة `{owner}` لا تشير إلى أي مقعد قائم",
    ),
    (
        "name an existing post: `protsoc set decision {id} --owner POST` (a member id of this "
        "committee or <committee-id>/<member-id>)"
    ): (
        "désignez un siège existant : `protsoc set decision {id} --owner SIÈGE` (l'identifiant "
        "d'un membre de ce comité ou <comité>/<membre>)",
        "عين مقعدا قائما: `protsoc set decision {id} --owner المقعد` (معرف عضو في هذه اللجنة "
        "أو <اللجنة>/<العضو>)",
    ),
    "decision {decision}: agenda item `{item}` is not on the agenda": (
        "décision {decision} : le point `{item}` ne figure pas à l'ordre du jour",
        "القرار {decision}: النقطة `{item}` غير مدرجة في جدول الأعمال",
    ),
    ("name one of this meeting's agenda items: `protsoc set decision {id} --agenda-item item-N`"): (
        "indiquez l'un des points de l'ordre du jour de cette réunion : "
        "`protsoc set decision {id} --agenda-item item-N`",
        "عين إحدى نقط جدول أعمال هذا الاجتماع: `protsoc set decision {id} --agenda-item item-N`",
    ),
    "the minutes are approved by `{member}`, who is not a member post of `{committee}`": (
        "le procès-verbal est approuvé par `{member}`, qui n'est pas un siège de membre de "
        "`{committee}`",
        "صادق على المحضر `{member}`، وهو ليس مقعد عضو في `{committee}`",
    ),
    "the erratum amends `{meeting}`, which does not exist": (
        "l'erratum rectifie `{meeting}`, qui n'existe pas",
        "الاستدراك يصحح `{meeting}`، وهو اجتماع غير موجود",
    ),
    "give the id of the meeting whose minutes are corrected": (
        "indiquez l'identifiant de la réunion dont le procès-verbal est rectifié",
        "أدخل معرف الاجتماع الذي يصحح محضره",
    ),
    "decision `{decision}` does not exist": (
        "la décision `{decision}` n'existe pas",
        "القرار `{decision}` غير موجود",
    ),
    "give <meeting-id>/d<N> of a recorded decision (`protsoc decisions` lists them)": (
        "indiquez <réunion>/d<N> d'une décision enregistrée (`protsoc decisions` les liste)",
        "أدخل <الاجتماع>/d<N> لقرار مسجل (يعرضها الأمر `protsoc decisions`)",
    ),
    "give <meeting-id>/d<N> of a recorded decision": (
        "indiquez <réunion>/d<N> d'une décision enregistrée",
        "أدخل <الاجتماع>/d<N> لقرار مسجل",
    ),
    "give <meeting-id>/d<N> of the Steering Committee decision that launched it": (
        "indiquez <réunion>/d<N> de la décision du Comité de pilotage qui l'a lancée",
        "أدخل <الاجتماع>/d<N> لقرار اللجنة الوزارية للقيادة الذي أطلقه",
    ),
    "give <meeting-id>/d<N> of the decision the recommendation became": (
        "indiquez <réunion>/d<N> de la décision issue de la recommandation",
        "أدخل <الاجتماع>/d<N> للقرار الذي تحولت إليه التوصية",
    ),
    "owner `{owner}` names no existing post": (
        "le responsable `{owner}` ne désigne aucun siège existant",
        "الجهة المسؤولة `{owner}` لا تشير إلى أي مقعد قائم",
    ),
    "give the accountable post as <committee-id>/<member-id>": (
        "indiquez le siège responsable sous la forme <comité>/<membre>",
        "أدخل المقعد المسؤول بالصيغة <اللجنة>/<العضو>",
    ),
    "roadmap axis `{axis}` does not exist": (
        "l'axe `{axis}` de la feuille de route n'existe pas",
        "المحور `{axis}` من خارطة الطريق غير موجود",
    ),
    "use an axis id of the roadmap (`protsoc roadmap` lists them)": (
        "indiquez l'identifiant d'un axe de la feuille de route (`protsoc roadmap` les liste)",
        "استعمل معرف محور من خارطة الطريق (يعرضها الأمر `protsoc roadmap`)",
    ),
    "use the id of one of the roadmap's axes": (
        "indiquez l'identifiant de l'un des axes de la feuille de route",
        "استعمل معرف أحد محاور خارطة الطريق",
    ),
    "roadmap milestone `{milestone}` does not exist": (
        "le jalon `{milestone}` de la feuille de route n'existe pas",
        "المرحلة `{milestone}` من خارطة الطريق غير موجودة",
    ),
    "use a milestone id of the roadmap (`protsoc roadmap` lists them)": (
        "indiquez l'identifiant d'un jalon de la feuille de route (`protsoc roadmap` les liste)",
        "استعمل معرف مرحلة من خارطة الطريق (يعرضها الأمر `protsoc roadmap`)",
    ),
    "owner committee `{committee}` does not exist": (
        "le comité responsable `{committee}` n'existe pas",
        "اللجنة المسؤولة `{committee}` غير موجودة",
    ),
    "use a committee id (the Technical Committee keeps the national dashboard)": (
        "indiquez l'identifiant d'un comité (le Comité technique tient le tableau de bord "
        "national)",
        "استعمل معرف لجنة (تتولى اللجنة التقنية مسك لوحة القيادة الوطنية)",
    ),
    "mission `{mission}` does not exist": (
        "la mission `{mission}` n'existe pas",
        "المهمة `{mission}` غير موجودة",
    ),
    "give <committee-id>#<mission-id> of a mission listed in the committee's file": (
        "indiquez <comité>#<mission> d'une mission inscrite dans le fichier du comité",
        "أدخل <اللجنة>#<المهمة> لمهمة مدرجة في ملف اللجنة",
    ),
    # --- dates and meetings ----------------------------------------------------------------------
    "`{second}` ({second_date}) comes before `{first}` ({first_date})": (
        "`{second}` ({second_date}) précède `{first}` ({first_date})",
        "`{second}` ({second_date}) يسبق `{first}` ({first_date})",
    ),
    "`{second}` must be on or after `{first}`": (
        "`{second}` doit être égal ou postérieur à `{first}`",
        "يجب أن يكون `{second}` مساويا لـ `{first}` أو لاحقا له",
    ),
    "the meeting is marked held but its date {date} is after today ({today})": (
        "la réunion est indiquée comme tenue mais sa date, {date}, est postérieure à "
        "aujourd'hui ({today})",
        "الاجتماع مسجل على أنه انعقد لكن تاريخه {date} لاحق لتاريخ اليوم ({today})",
    ),
    "keep it planned until it has taken place: `protsoc set meeting {id} --status planned`": (
        "laissez-la prévue jusqu'à sa tenue : `protsoc set meeting {id} --status planned`",
        "أبقه مبرمجا إلى أن ينعقد: `protsoc set meeting {id} --status planned`",
    ),
    "minutes are approved for a meeting that is not marked held": (
        "le procès-verbal est approuvé pour une réunion qui n'est pas indiquée comme tenue",
        "تمت المصادقة على محضر اجتماع غير مسجل على أنه انعقد",
    ),
    "mark the meeting held first: `protsoc set meeting {id} --status held`": (
        "indiquez d'abord que la réunion s'est tenue : `protsoc set meeting {id} --status held`",
        "سجل أولا انعقاد الاجتماع: `protsoc set meeting {id} --status held`",
    ),
    "decision number {number} has id `{id}`; decisions are numbered d1, d2… in order": (
        "la décision n° {number} porte l'identifiant `{id}` ; les décisions sont numérotées d1, "
        "d2… dans l'ordre",
        "القرار رقم {number} معرفه `{id}`؛ ترقم القرارات d1 وd2… بالتتابع",
    ),
    "number it `{expected}` (before any action cites it)": (
        "numérotez-la `{expected}` (avant qu'une action ne la cite)",
        "رقمه `{expected}` (قبل أن يحيل إليه أي إجراء)",
    ),
    # --- follow-up -------------------------------------------------------------------------------
    "observation {number} is dated {date}, after today ({today})": (
        "la valeur n° {number} est datée du {date}, postérieure à aujourd'hui ({today})",
        "القيمة رقم {number} مؤرخة في {date}، وهو تاريخ لاحق لتاريخ اليوم ({today})",
    ),
    (
        "an observation records a value already reached: re-record it on the date the figure "
        "refers to (`protsoc remove observation {id} --date {date}`, then `protsoc add "
        "observation {id}`); an expected value is a target: `protsoc set indicator {id} --target "
        "VALUE --target-date DATE`"
    ): (
        "une valeur relevée est une valeur déjà atteinte : enregistrez-la de nouveau à la date "
        "à laquelle le chiffre se rapporte (`protsoc remove observation {id} --date {date}`, puis "
        "`protsoc add observation {id}`) ; une valeur attendue est une cible : "
        "`protsoc set indicator {id} --target VALEUR --target-date DATE`",
        "القيمة المسجلة قيمة تم بلوغها فعلا: أعد تسجيلها بالتاريخ الذي يعود إليه الرقم "
        "(`protsoc remove observation {id} --date {date}` ثم `protsoc add observation {id}`)؛ "
        "أما القيمة المنتظرة فهي هدف: `protsoc set indicator {id} --target القيمة --target-date "
        "التاريخ`",
    ),
    "observation {number} is dated {date}, before the indicator's valid_from ({start})": (
        "la valeur n° {number} est datée du {date}, avant la date de début de l'indicateur "
        "(valid_from : {start})",
        "القيمة رقم {number} مؤرخة في {date}، أي قبل تاريخ بدء العمل بالمؤشر (valid_from: {start})",
    ),
    (
        "re-record the value on its right date (`protsoc remove observation {id} --date {date}`, "
        "then `protsoc add observation {id}`), or move the indicator's start date back if the "
        "indicator existed then"
    ): (
        "enregistrez de nouveau la valeur à sa bonne date (`protsoc remove observation {id} "
        "--date {date}`, puis `protsoc add observation {id}`), ou avancez la date de début de "
        "l'indicateur s'il existait déjà",
        "أعد تسجيل القيمة بتاريخها الصحيح (`protsoc remove observation {id} --date {date}` ثم "
        "`protsoc add observation {id}`)، أو قدم تاريخ بدء العمل بالمؤشر إن كان قائما آنذاك",
    ),
    "observation {number} is dated {date}, after the indicator's valid_until ({end})": (
        "la valeur n° {number} est datée du {date}, après la date de fin de l'indicateur "
        "(valid_until : {end})",
        "القيمة رقم {number} مؤرخة في {date}، أي بعد تاريخ انتهاء العمل بالمؤشر (valid_until: "
        "{end})",
    ),
    (
        "re-record the value on its right date, or under the indicator that replaced this one "
        "(`protsoc remove observation {id} --date {date}`, then `protsoc add observation "
        "INDICATOR`)"
    ): (
        "enregistrez de nouveau la valeur à sa bonne date, ou sous l'indicateur qui a remplacé "
        "celui-ci (`protsoc remove observation {id} --date {date}`, puis "
        "`protsoc add observation INDICATEUR`)",
        "أعد تسجيل القيمة بتاريخها الصحيح، أو ضمن المؤشر الذي حل محل هذا المؤشر "
        "(`protsoc remove observation {id} --date {date}` ثم `protsoc add observation المؤشر`)",
    ),
    "observation {number} ({date}) comes after a later one ({later})": (
        "la valeur n° {number} ({date}) vient après une valeur plus récente ({later})",
        "القيمة رقم {number} ({date}) واردة بعد قيمة أحدث منها ({later})",
    ),
    "list observations oldest first": (
        "classez les valeurs de la plus ancienne à la plus récente",
        "رتب القيم من الأقدم إلى الأحدث",
    ),
    "{value} is not a percentage between 0 and 100": (
        "{value} n'est pas un pourcentage compris entre 0 et 100",
        "{value} ليست نسبة مئوية بين 0 و100",
    ),
    (
        "write the percentage itself (12.5 for 12.5 %), or change the indicator's measure if this "
        "is not a share"
    ): (
        "inscrivez le pourcentage lui-même (12.5 pour 12,5 %), ou changez la mesure de "
        "l'indicateur s'il ne s'agit pas d'une part",
        "اكتب النسبة المئوية نفسها (12.5 لنسبة 12,5٪)، أو غير طبيعة قياس المؤشر إن لم يكن نسبة",
    ),
    "{value} is not a count (a whole number, 0 or more)": (
        "{value} n'est pas un effectif (un nombre entier égal ou supérieur à 0)",
        "{value} ليس عددا (عددا صحيحا يساوي 0 أو يفوقه)",
    ),
    (
        "write counts in units as whole numbers (11.1 million -> 11100000), or change the "
        "indicator's measure to ratio or amount"
    ): (
        "inscrivez les effectifs en unités, en nombres entiers (11,1 millions -> 11100000), ou "
        "changez la mesure de l'indicateur en ratio ou amount",
        "اكتب الأعداد بالوحدات أعدادا صحيحة (11,1 مليون -> 11100000)، أو غير طبيعة قياس المؤشر "
        "إلى ratio أو amount",
    ),
    "the target's date {target} is not after the baseline's date {baseline}": (
        "la date de la cible, {target}, n'est pas postérieure à celle de la valeur de référence, "
        "{baseline}",
        "تاريخ الهدف {target} ليس لاحقا لتاريخ القيمة المرجعية {baseline}",
    ),
    (
        "a target is reached after the baseline is measured: correct one of the two dates with "
        "`protsoc set indicator {id} --target-date DATE` or `--baseline-date DATE`"
    ): (
        "une cible s'atteint après la mesure de la valeur de référence : corrigez l'une des deux "
        "dates avec `protsoc set indicator {id} --target-date DATE` ou `--baseline-date DATE`",
        "يبلغ الهدف بعد قياس القيمة المرجعية: صحح أحد التاريخين بالأمر "
        "`protsoc set indicator {id} --target-date التاريخ` أو `--baseline-date التاريخ`",
    ),
    "the action is at 100 % but its status is {status}": (
        "l'action est réalisée à 100 % mais son statut est {status}",
        "الإجراء منجز بنسبة 100٪ لكن وضعيته {status}",
    ),
    "update {number} is at 100 % but its status is {status}": (
        "le point d'avancement n° {number} est à 100 % mais son statut est {status}",
        "تحيين التقدم رقم {number} يفيد إنجازا بنسبة 100٪ لكن وضعيته {status}",
    ),
    (
        "if it is finished: `protsoc set action {id} --status done --completed-on YYYY-MM-DD`; if "
        "not, lower its progress: `protsoc set action {id} --progress N`"
    ): (
        "si elle est achevée : `protsoc set action {id} --status done --completed-on "
        "AAAA-MM-JJ` ; sinon, réduisez son avancement : `protsoc set action {id} --progress N`",
        "إن كان قد أنجز: `protsoc set action {id} --status done --completed-on YYYY-MM-DD`؛ "
        "وإلا فاخفض نسبة تقدمه: `protsoc set action {id} --progress N`",
    ),
    "the action is done but its progress is {progress} %": (
        "l'action est achevée mais son avancement est de {progress} %",
        "الإجراء منجز لكن نسبة تقدمه {progress}٪",
    ),
    "update {number} is done but its progress is {progress} %": (
        "le point d'avancement n° {number} indique l'action achevée mais à {progress} %",
        "تحيين التقدم رقم {number} يفيد أن الإجراء منجز لكن نسبة تقدمه {progress}٪",
    ),
    (
        "if it is finished: `protsoc set action {id} --progress 100`; if not, keep it in "
        "progress: `protsoc set action {id} --status in-progress`"
    ): (
        "si elle est achevée : `protsoc set action {id} --progress 100` ; sinon, laissez-la en "
        "cours : `protsoc set action {id} --status in-progress`",
        "إن كان قد أنجز: `protsoc set action {id} --progress 100`؛ وإلا فأبقه قيد التنفيذ: "
        "`protsoc set action {id} --status in-progress`",
    ),
    "`completed_on` is set but the status is {status}": (
        "une date d'achèvement (`completed_on`) est inscrite mais le statut est {status}",
        "تاريخ الإنجاز (`completed_on`) مدون لكن الوضعية {status}",
    ),
    (
        "if it is finished: `protsoc set action {id} --status done`; if not, remove its "
        "completion date"
    ): (
        "si elle est achevée : `protsoc set action {id} --status done` ; sinon, retirez sa date "
        "d'achèvement",
        "إن كان قد أنجز: `protsoc set action {id} --status done`؛ وإلا فاحذف تاريخ إنجازه",
    ),
    "`completed_on` ({date}) is after today ({today})": (
        "la date d'achèvement (`completed_on` : {date}) est postérieure à aujourd'hui ({today})",
        "تاريخ الإنجاز (`completed_on`: {date}) لاحق لتاريخ اليوم ({today})",
    ),
    (
        "record the completion on the day it happens (`protsoc set action {id} --completed-on "
        "YYYY-MM-DD`); the planned date is the action's due date"
    ): (
        "enregistrez l'achèvement le jour où il a lieu (`protsoc set action {id} --completed-on "
        "AAAA-MM-JJ`) ; la date prévue est l'échéance de l'action",
        "سجل الإنجاز يوم حصوله (`protsoc set action {id} --completed-on YYYY-MM-DD`)؛ أما "
        "التاريخ المرتقب فهو أجل تنفيذ الإجراء",
    ),
    (
        "the evaluator `{body}` manages the evaluated programme: the circular requires "
        "evaluations independent of the managing bodies"
    ): (
        "l'évaluateur `{body}` gère le programme évalué : la circulaire exige des évaluations "
        "indépendantes des organismes gestionnaires",
        "الجهة المقيمة `{body}` تدبر البرنامج موضوع التقييم: يشترط المنشور أن تكون التقييمات "
        "مستقلة عن الهيئات المدبرة",
    ),
    (
        "the evaluator `{evaluator}` belongs to `{body}`, which manages the evaluated programme: "
        "the circular requires evaluations independent of the managing bodies"
    ): (
        "l'évaluateur `{evaluator}` relève de `{body}`, qui gère le programme évalué : la "
        "circulaire exige des évaluations indépendantes des organismes gestionnaires",
        "الجهة المقيمة `{evaluator}` تابعة لـ `{body}` التي تدبر البرنامج موضوع التقييم: يشترط "
        "المنشور أن تكون التقييمات مستقلة عن الهيئات المدبرة",
    ),
    (
        "entrust the evaluation to a body that does not manage the programme (the General "
        "Inspectorate of Finance, another ministry's inspectorate, or a consultancy)"
    ): (
        "confiez l'évaluation à un organisme qui ne gère pas le programme (l'Inspection générale "
        "des finances, l'inspection d'un autre ministère ou un cabinet de conseil)",
        "أسند التقييم إلى جهة لا تدبر البرنامج (المفتشية العامة للمالية، أو مفتشية قطاع وزاري "
        "آخر، أو مكتب دراسات)",
    ),
    "`{decision}` is a decision of `{committee}`, not of the ministerial Steering Committee": (
        "`{decision}` est une décision de `{committee}`, et non du Comité ministériel de pilotage",
        "`{decision}` قرار صادر عن `{committee}` وليس عن اللجنة الوزارية للقيادة",
    ),
    "cite the Steering Committee decision that launched the evaluation": (
        "citez la décision du Comité de pilotage qui a lancé l'évaluation",
        "أحل إلى قرار اللجنة الوزارية للقيادة الذي أطلق التقييم",
    ),
    # --- finance ---------------------------------------------------------------------------------
    "programme `{programme}` does not exist": (
        "le programme `{programme}` n'existe pas",
        "البرنامج `{programme}` غير موجود",
    ),
    "use the id of an existing programme: {ids}": (
        "indiquez l'identifiant d'un programme existant : {ids}",
        "استعمل معرف برنامج قائم: {ids}",
    ),
    "add the programme first: `protsoc add programme`": (
        "ajoutez d'abord le programme : `protsoc add programme`",
        "أضف البرنامج أولا: `protsoc add programme`",
    ),
    (
        "use the id of an existing committee (a thematic committee; `protsoc list committee` "
        "lists them)"
    ): (
        "indiquez l'identifiant d'un comité existant (un comité thématique ; "
        "`protsoc list committee` les liste)",
        "استعمل معرف لجنة قائمة (لجنة موضوعاتية؛ يعرضها الأمر `protsoc list committee`)",
    ),
    "post `{post}` does not exist": (
        "le siège `{post}` n'existe pas",
        "المقعد `{post}` غير موجود",
    ),
    "give <committee-id>/<member-id> of an existing member post": (
        "indiquez <comité>/<membre> d'un siège de membre existant",
        "أدخل <اللجنة>/<العضو> لمقعد عضو قائم",
    ),
    "{what}: the amount {amount} has more than two decimals": (
        "{what} : le montant {amount} a plus de deux décimales",
        "{what}: المبلغ {amount} يتضمن أكثر من رقمين عشريين",
    ),
    (
        "amounts are kept in dirhams and centimes: round to two decimals as the accounting "
        "document does (e.g. 1250.50)"
    ): (
        "les montants sont tenus en dirhams et centimes : arrondissez à deux décimales comme la "
        "pièce comptable (p. ex. 1250.50)",
        "تمسك المبالغ بالدرهم والسنتيم: قربها إلى رقمين عشريين كما في الوثيقة المحاسبية "
        "(مثلا 1250.50)",
    ),
    "{what} is in {currency} without its exchange rate to MAD": (
        "{what} est en {currency} sans son taux de change en MAD",
        "{what} بعملة {currency} دون سعر صرفها بالدرهم (MAD)",
    ),
    "{what} is in {currency} without the date of its exchange rate": (
        "{what} est en {currency} sans la date de son taux de change",
        "{what} بعملة {currency} دون تاريخ سعر صرفها",
    ),
    (
        "give the exchange rate of the accounting document and its date (`--rate` and "
        "`--rate-date` of `protsoc add budget` or `protsoc add transaction`), or record the "
        "amount in MAD"
    ): (
        "indiquez le taux de change de la pièce comptable et sa date (`--rate` et `--rate-date` "
        "de `protsoc add budget` ou `protsoc add transaction`), ou inscrivez le montant en MAD",
        "أدخل سعر الصرف الوارد في الوثيقة المحاسبية وتاريخه (`--rate` و`--rate-date` في "
        "`protsoc add budget` أو `protsoc add transaction`)، أو سجل المبلغ بالدرهم (MAD)",
    ),
    (
        "budget {number} runs from {start} to {end}, which is not within fiscal year {year} "
        "(1 January to 31 December)"
    ): (
        "le budget {number} court du {start} au {end}, hors de l'exercice {year} (1er janvier "
        "au 31 décembre)",
        "الميزانية {number} تمتد من {start} إلى {end}، أي خارج السنة المالية {year} (من فاتح "
        "يناير إلى 31 دجنبر)",
    ),
    "a budget covers one fiscal year at most: split it into one budget per year": (
        "un budget couvre au plus un exercice : scindez-le en un budget par année",
        "لا تغطي الميزانية أكثر من سنة مالية واحدة: قسمها إلى ميزانية لكل سنة",
    ),
    "ledger event {number} corrects `{event}`, which is not an earlier event of this ledger": (
        "l'opération {number} du registre rectifie `{event}`, qui n'est pas une opération "
        "antérieure de ce registre",
        "العملية {number} من السجل المالي تصحح `{event}`، وهي ليست عملية سابقة في هذا السجل",
    ),
    (
        "give the id of the event being corrected; the ledger is append-only, so the correction "
        "comes after it"
    ): (
        "indiquez l'identifiant de l'opération rectifiée ; le registre ne fait que s'allonger, "
        "la rectification vient donc après elle",
        "أدخل معرف العملية المصححة؛ السجل المالي لا يقبل إلا الإضافة، لذا يأتي التصحيح بعدها",
    ),
    (
        "fiscal year {year}: commitments of {committed} MAD exceed the revised budget of {budget} "
        "MAD (by {excess} MAD)"
    ): (
        "exercice {year} : les engagements de {committed} MAD dépassent le budget révisé de "
        "{budget} MAD (de {excess} MAD)",
        "السنة المالية {year}: الالتزامات البالغة {committed} درهم تتجاوز الميزانية المعدلة "
        "البالغة {budget} درهم (بفارق {excess} درهم)",
    ),
    (
        "record the revised budget (`protsoc add budget … --kind revised`), or the decommitment "
        "that brings commitments back within it (`protsoc add transaction … --type "
        "decommitment`)"
    ): (
        "enregistrez le budget révisé (`protsoc add budget … --kind revised`), ou le "
        "désengagement qui ramène les engagements dans ses limites (`protsoc add transaction … "
        "--type decommitment`)",
        "سجل الميزانية المعدلة (`protsoc add budget … --kind revised`)، أو إلغاء الالتزام الذي "
        "يعيد الالتزامات إلى حدودها (`protsoc add transaction … --type decommitment`)",
    ),
    "payments of {paid} MAD exceed net commitments of {committed} MAD (by {excess} MAD)": (
        "les paiements de {paid} MAD dépassent les engagements nets de {committed} MAD (de "
        "{excess} MAD)",
        "الأداءات البالغة {paid} درهم تتجاوز صافي الالتزامات البالغ {committed} درهم (بفارق "
        "{excess} درهم)",
    ),
    (
        "a payment settles a commitment: record the missing commitment, or correct the payment "
        "with a new event (`protsoc add transaction … --corrects ID`)"
    ): (
        "un paiement solde un engagement : enregistrez l'engagement manquant, ou rectifiez le "
        "paiement par une nouvelle opération (`protsoc add transaction … --corrects ID`)",
        "الأداء يسدد التزاما: سجل الالتزام الناقص، أو صحح الأداء بعملية جديدة "
        "(`protsoc add transaction … --corrects المعرف`)",
    ),
    "ledger event {number} ({type}) is dated {date}, after today ({today})": (
        "l'opération {number} du registre ({type}) est datée du {date}, postérieure à "
        "aujourd'hui ({today})",
        "العملية {number} من السجل المالي ({type}) مؤرخة في {date}، وهو تاريخ لاحق لتاريخ "
        "اليوم ({today})",
    ),
    "record an event on the day of its accounting document; planned money goes in a budget": (
        "enregistrez une opération à la date de sa pièce comptable ; les crédits prévus vont "
        "dans un budget",
        "سجل العملية بتاريخ وثيقتها المحاسبية؛ أما الاعتمادات المرتقبة فمكانها الميزانية",
    ),
    "{what} names the source of funds `{source}`, which protsoc.yaml does not declare": (
        "{what} indique la source de financement `{source}`, que protsoc.yaml ne déclare pas",
        "{what} يذكر مصدر التمويل `{source}`، وهو غير مصرح به في protsoc.yaml",
    ),
    (
        "use a declared source of funds ({ids}), or declare this one in protsoc.yaml (id, kind, "
        "name)"
    ): (
        "indiquez une source de financement déclarée ({ids}), ou déclarez celle-ci dans "
        "protsoc.yaml (id, kind, name)",
        "استعمل مصدر تمويل مصرحا به ({ids})، أو صرح بهذا المصدر في protsoc.yaml (id، kind، name)",
    ),
    "declare the source of funds in protsoc.yaml (id, kind, name)": (
        "déclarez la source de financement dans protsoc.yaml (id, kind, name)",
        "صرح بمصدر التمويل في protsoc.yaml (id، kind، name)",
    ),
    "{what} is reported by `{post}`, which is no existing post": (
        "{what} est déclaré par `{post}`, qui n'est pas un siège existant",
        "{what} مصرح به من طرف `{post}`، وهو ليس مقعدا قائما",
    ),
    "give <committee-id>/<member-id> of the post that reported it": (
        "indiquez <comité>/<membre> du siège qui l'a déclaré",
        "أدخل <اللجنة>/<العضو> للمقعد الذي صرح به",
    ),
    # --- seals -----------------------------------------------------------------------------------
    "the minutes of {id} are approved but carry no seal": (
        "le procès-verbal de {id} est approuvé mais ne porte aucun scellé",
        "محضر {id} مصادق عليه لكنه لا يحمل أي ختم",
    ),
    (
        "approve minutes with `protsoc approve`, which seals them; if the seal was removed, "
        "restore it from the history (`protsoc history {id}`)"
    ): (
        "approuvez le procès-verbal avec `protsoc approve`, qui le scelle ; si le scellé a été "
        "supprimé, rétablissez-le depuis l'historique (`protsoc history {id}`)",
        "صادق على المحضر بالأمر `protsoc approve` الذي يختمه؛ وإذا أزيل الختم فاسترجعه من "
        "السجل التاريخي (`protsoc history {id}`)",
    ),
    (
        "the minutes of {id} no longer match their seal: the meeting record was edited after its "
        "minutes were approved"
    ): (
        "le procès-verbal de {id} ne correspond plus à son scellé : l'enregistrement de la "
        "réunion a été modifié après l'approbation du procès-verbal",
        "محضر {id} لم يعد مطابقا لختمه: عدل سجل الاجتماع بعد المصادقة على محضره",
    ),
    (
        "restore the approved content (`protsoc history {id}` shows the commits) and record the "
        "correction as an erratum: `protsoc amend {id} --reason …`"
    ): (
        "rétablissez le contenu approuvé (`protsoc history {id}` affiche les commits) et "
        "consignez la rectification dans un erratum : `protsoc amend {id} --reason …`",
        "استرجع المحتوى المصادق عليه (يعرض الأمر `protsoc history {id}` الإيداعات) وسجل "
        "التصحيح في استدراك: `protsoc amend {id} --reason …`",
    ),
    (
        "the minutes of {id}, approved and sealed by commit {commit}, were changed "
        "{where}{since}; {state}"
    ): (
        "le procès-verbal de {id}, approuvé et scellé par le commit {commit}, a été modifié "
        "{where}{since} ; {state}",
        "محضر {id}، المصادق عليه والمختوم بالإيداع {commit}، عدل {where}{since}؛ {state}",
    ),
    (
        "restore the approved content (`git show {commit}:{path}`); a correction is an erratum: "
        "`protsoc amend {id} --reason …`"
    ): (
        "rétablissez le contenu approuvé (`git show {commit}:{path}`) ; une rectification se "
        "fait par erratum : `protsoc amend {id} --reason …`",
        "استرجع المحتوى المصادق عليه (`git show {commit}:{path}`)؛ ويتم التصحيح عبر استدراك: "
        "`protsoc amend {id} --reason …`",
    ),
    "the approved minutes of {id}, sealed at {rev}, are deleted by this change": (
        "le procès-verbal approuvé de {id}, scellé à {rev}, est supprimé par cette modification",
        "هذا التغيير يحذف محضر {id} المصادق عليه والمختوم في {rev}",
    ),
    (
        "approved minutes are never deleted: restore the file (`git checkout {rev} -- {path}`); a "
        "correction is an erratum (`protsoc amend {id} --reason …`)"
    ): (
        "un procès-verbal approuvé n'est jamais supprimé : rétablissez le fichier "
        "(`git checkout {rev} -- {path}`) ; une rectification se fait par erratum "
        "(`protsoc amend {id} --reason …`)",
        "لا يحذف المحضر المصادق عليه أبدا: استرجع الملف (`git checkout {rev} -- {path}`)؛ "
        "ويتم التصحيح عبر استدراك (`protsoc amend {id} --reason …`)",
    ),
    (
        "the minutes of {id} were approved and sealed at {rev}; this change edits the approved "
        "content and removes their seal"
    ): (
        "le procès-verbal de {id} a été approuvé et scellé à {rev} ; cette modification en change "
        "le contenu approuvé et supprime son scellé",
        "محضر {id} مصادق عليه ومختوم في {rev}؛ وهذا التغيير يعدل محتواه المصادق عليه ويزيل ختمه",
    ),
    (
        "the minutes of {id} were approved and sealed at {rev}; this change edits the approved "
        "content and replaces their seal with a new one"
    ): (
        "le procès-verbal de {id} a été approuvé et scellé à {rev} ; cette modification en change "
        "le contenu approuvé et remplace son scellé par un nouveau",
        "محضر {id} مصادق عليه ومختوم في {rev}؛ وهذا التغيير يعدل محتواه المصادق عليه ويستبدل "
        "ختمه بختم جديد",
    ),
    # --- schemas copy ----------------------------------------------------------------------------
    "run `protsoc schemas sync --commit`: protsoc validates with its own schemas": (
        "lancez `protsoc schemas sync --commit` : protsoc valide avec ses propres schémas",
        "نفذ الأمر `protsoc schemas sync --commit`: يتحقق protsoc بمخططاته الخاصة",
    ),
    "the repository's copy of {name} differs from the schema protsoc validates with": (
        "la copie de {name} dans le dépôt diffère du schéma avec lequel protsoc valide",
        "نسخة {name} في المستودع تختلف عن المخطط الذي يتحقق به protsoc",
    ),
    "the repository's copy of {name} is missing: protsoc validates with its own": (
        "la copie de {name} manque dans le dépôt : protsoc valide avec la sienne",
        "نسخة {name} غير موجودة في المستودع: يتحقق protsoc بنسخته الخاصة",
    ),
    "the repository's copy of {name} is not one of protsoc's schemas": (
        "la copie de {name} dans le dépôt n'est pas l'un des schémas de protsoc",
        "نسخة {name} في المستودع ليست من مخططات protsoc",
    ),
    # --- text hygiene ----------------------------------------------------------------------------
    (
        "hidden bidirectional control {code} {name}: the text shown to reviewers differs from the "
        "text stored"
    ): (
        "caractère de contrôle bidirectionnel caché {code} {name} : le texte montré aux "
        "relecteurs diffère du texte enregistré",
        "رمز تحكم خفي في اتجاه الكتابة {code} {name}: النص المعروض على المراجعين يختلف عن النص "
        "المسجل",
    ),
    "delete the character; right-to-left layout is the renderer's job, not the data's": (
        "supprimez ce caractère ; la mise en page de droite à gauche relève de l'affichage, non "
        "des données",
        "احذف هذا الرمز؛ فعرض النص من اليمين إلى اليسار من شأن أداة العرض لا البيانات",
    ),
    (
        'control character {code} in the text (written as an escape such as "\\e" or "\\0"): '
        "terminals and other programs would obey it"
    ): (
        'caractère de contrôle {code} dans le texte (écrit sous forme d\'échappement, comme "\\e" '
        'ou "\\0") : les terminaux et d\'autres programmes lui obéiraient',
        'رمز تحكم {code} في النص (مكتوب بصيغة تهريب مثل "\\e" أو "\\0"): قد تنفذه الطرفيات '
        "وبرامج أخرى",
    ),
    "delete it; only tabs and line breaks may stand in text": (
        "supprimez-le ; seuls les tabulations et les sauts de ligne sont admis dans un texte",
        "احذفه؛ لا يقبل في النص إلا رمز الجدولة ورمز الانتقال إلى السطر",
    ),
    "invisible character {code} {name}": (
        "caractère invisible {code} {name}",
        "رمز غير مرئي {code} {name}",
    ),
    (
        "delete it: it breaks searching and comparing names (Babel's medium date formats insert "
        "U+200F; never copy them into records)"
    ): (
        "supprimez-le : il fausse la recherche et la comparaison des noms (les formats de date "
        "moyens de Babel insèrent U+200F ; ne les copiez jamais dans les enregistrements)",
        "احذفه: فهو يعطل البحث ومقارنة الأسماء (صيغ التاريخ المتوسطة في Babel تدرج U+200F؛ "
        "فلا تنسخها أبدا في السجلات)",
    ),
    (
        "Persian letter {name} «{shown}» in Arabic text; it looks like {arabic} but is a "
        "different character"
    ): (
        "lettre persane {name} «{shown}» dans un texte arabe ; elle ressemble à {arabic} mais "
        "c'est un autre caractère",
        "حرف فارسي {name} «{shown}» في نص عربي؛ يشبه {arabic} لكنه رمز مختلف",
    ),
    "replace «{shown}» with «{fixed}» ({arabic})": (
        "remplacez «{shown}» par «{fixed}» ({arabic})",
        "استبدل «{shown}» بـ «{fixed}» ({arabic})",
    ),
    "tatweel (U+0640 «ـ») stretches letters for display and breaks searching": (
        "le tatweel (U+0640 «ـ») étire les lettres à l'affichage et fausse la recherche",
        "التطويل (U+0640 «ـ») يمد الحروف عند العرض ويعطل البحث",
    ),
    "delete the tatweel characters": (
        "supprimez les caractères tatweel",
        "احذف رموز التطويل",
    ),
    "Arabic-Indic digits in a date or id: `{text}`": (
        "chiffres arabes orientaux dans une date ou un identifiant : `{text}`",
        "أرقام هندية في تاريخ أو معرف: `{text}`",
    ),
    (
        "write it with Western digits: `{western}` (Arabic documents still show Western digits in "
        "Morocco)"
    ): (
        "écrivez-le en chiffres occidentaux : `{western}` (au Maroc, les documents en arabe "
        "affichent aussi les chiffres occidentaux)",
        "اكتبه بالأرقام العربية المعتمدة في المغرب: `{western}` (تعرض الوثائق العربية بالمغرب "
        "هذه الأرقام)",
    ),
    # --- schema findings -------------------------------------------------------------------------
    "{where}: {detail}": ("{where} : {detail}", "{where}: {detail}"),
    "{where} lacks the required field `{field}`": (
        "il manque à {where} le champ obligatoire `{field}`",
        "ينقص {where} الحقل الإلزامي `{field}`",
    ),
    "add the field `{field}`; see its description in schemas/": (
        "ajoutez le champ `{field}` ; sa description figure dans schemas/",
        "أضف الحقل `{field}`؛ يرد وصفه في schemas/",
    ),
    "{where} has an unknown field `{field}`": (
        "{where} contient un champ inconnu `{field}`",
        "{where} يتضمن حقلا غير معروف `{field}`",
    ),
    "did you mean `{value}`?": ("vouliez-vous dire `{value}` ?", "هل تقصد `{value}`؟"),
    "allowed fields: {fields}": ("champs admis : {fields}", "الحقول المقبولة: {fields}"),
    "{where} should be {expected}": (
        "{where} devrait être {expected}",
        "ينبغي أن يكون {where} {expected}",
    ),
    "{where} should be {expected}, not {actual}": (
        "{where} devrait être {expected}, et non {actual}",
        "ينبغي أن يكون {where} {expected}، لا {actual}",
    ),
    "{where} must be {expected}, not {actual}": (
        "{where} doit valoir {expected}, et non {actual}",
        "يجب أن تكون قيمة {where} {expected}، لا {actual}",
    ),
    "write `{field}: {expected}`": ("écrivez `{field}: {expected}`", "اكتب `{field}: {expected}`"),
    "{where}: `{value}` is not one of the allowed values": (
        "{where} : `{value}` ne fait pas partie des valeurs admises",
        "{where}: `{value}` ليست من القيم المقبولة",
    ),
    "did you mean `{value}`? (allowed: {choices})": (
        "vouliez-vous dire `{value}` ? (valeurs admises : {choices})",
        "هل تقصد `{value}`؟ (القيم المقبولة: {choices})",
    ),
    "{where}: `{value}` is not a real calendar date": (
        "{where} : `{value}` n'est pas une date qui existe",
        "{where}: `{value}` ليس تاريخا صحيحا",
    ),
    "write an existing date as YYYY-MM-DD": (
        "écrivez une date qui existe, au format AAAA-MM-JJ",
        "اكتب تاريخا صحيحا بالصيغة YYYY-MM-DD",
    ),
    "{where}: `{value}` is not a valid {format}": (
        "{where} : `{value}` n'est pas au format {format} attendu",
        "{where}: `{value}` لا يوافق الصيغة {format}",
    ),
    "{where}: `{value}` does not have the expected form": (
        "{where} : `{value}` n'a pas la forme attendue",
        "{where}: `{value}` لا يوافق الصيغة المطلوبة",
    ),
    "{where}: {value} is below the minimum ({limit})": (
        "{where} : {value} est inférieur au minimum ({limit})",
        "{where}: {value} أقل من الحد الأدنى ({limit})",
    ),
    "{where}: {value} must be more than {limit}": (
        "{where} : {value} doit être supérieur à {limit}",
        "{where}: يجب أن تفوق {value} القيمة {limit}",
    ),
    "{where}: {value} is above the maximum ({limit})": (
        "{where} : {value} dépasse le maximum ({limit})",
        "{where}: {value} تتجاوز الحد الأقصى ({limit})",
    ),
    "{where}: {value} must be less than {limit}": (
        "{where} : {value} doit être inférieur à {limit}",
        "{where}: يجب أن تقل {value} عن {limit}",
    ),
    "{where} must list at least {count} item": (
        (
            "{where} doit comporter au moins {count} élément",
            "{where} doit comporter au moins {count} d'éléments",
            "{where} doit comporter au moins {count} éléments",
        ),
        (
            "يجب أن يتضمن {where} {count} عنصر على الأقل",
            "يجب أن يتضمن {where} عنصرا واحدا على الأقل",
            "يجب أن يتضمن {where} عنصرين على الأقل",
            "يجب أن يتضمن {where} {count} عناصر على الأقل",
            "يجب أن يتضمن {where} {count} عنصرا على الأقل",
            "يجب أن يتضمن {where} {count} عنصر على الأقل",
        ),
    ),
    "{where} must not be empty": (
        "{where} ne doit pas être vide",
        "يجب ألا يكون {where} فارغا",
    ),
    # --- reading a file --------------------------------------------------------------------------
    "the file is {size} bytes; a registry record may be at most {limit} bytes": (
        "le fichier fait {size} octets ; un enregistrement du registre ne peut dépasser {limit} "
        "octets",
        "حجم الملف {size} بايت؛ ولا يجوز أن يتجاوز سجل السجل العام {limit} بايت",
    ),
    "the file is more than {size} bytes; a registry record may be at most {limit} bytes": (
        "le fichier fait plus de {size} octets ; un enregistrement du registre ne peut dépasser "
        "{limit} octets",
        "حجم الملف يفوق {size} بايت؛ ولا يجوز أن يتجاوز سجل السجل العام {limit} بايت",
    ),
    "split the record, or check that the file is really a registry record": (
        "scindez l'enregistrement, ou vérifiez que le fichier est bien un enregistrement du "
        "registre",
        "قسم السجل، أو تحقق من أن الملف سجل من سجلات السجل العام فعلا",
    ),
    "the file is {what}, not a regular file; protsoc does not read it": (
        "le fichier est {what}, et non un fichier ordinaire ; protsoc ne le lit pas",
        "الملف عبارة عن {what} وليس ملفا عاديا؛ لا يقرؤه protsoc",
    ),
    "registry records are plain files: replace it by a copy of the record, or delete it": (
        "les enregistrements du registre sont des fichiers ordinaires : remplacez-le par une "
        "copie de l'enregistrement, ou supprimez-le",
        "سجلات السجل العام ملفات عادية: استبدله بنسخة من السجل أو احذفه",
    ),
    "a symbolic link": ("un lien symbolique", "رابط رمزي"),
    "a named pipe (FIFO)": ("un tube nommé (FIFO)", "أنبوب مسمى (FIFO)"),
    "a device": ("un périphérique", "جهاز طرفي"),
    "a socket": ("une socket", "مقبس اتصال (socket)"),
    "a folder": ("un dossier", "مجلد"),
    "not a regular file": ("autre chose qu'un fichier ordinaire", "شيء آخر غير الملف العادي"),
    "not a file in git": ("autre chose qu'un fichier dans git", "شيء آخر غير ملف في git"),
    "cannot read the file: {reason}": (
        "impossible de lire le fichier : {reason}",
        "تتعذر قراءة الملف: {reason}",
    ),
    "check the file's permissions": (
        "vérifiez les droits d'accès au fichier",
        "تحقق من صلاحيات الولوج إلى الملف",
    ),
    "the file is UTF-16; registry files must be UTF-8": (
        "le fichier est en UTF-16 ; les fichiers du registre doivent être en UTF-8",
        "الملف مرمز بـ UTF-16؛ ويجب أن تكون ملفات السجل مرمزة بـ UTF-8",
    ),
    "save the file as UTF-8 (without BOM)": (
        "enregistrez le fichier en UTF-8 (sans BOM)",
        "احفظ الملف بترميز UTF-8 (دون BOM)",
    ),
    "the file starts with a UTF-8 byte-order mark": (
        "le fichier commence par une marque d'ordre des octets (BOM) UTF-8",
        "يبدأ الملف بعلامة ترتيب البايتات (BOM) الخاصة بـ UTF-8",
    ),
    "save the file as UTF-8 without BOM": (
        "enregistrez le fichier en UTF-8 sans BOM",
        "احفظ الملف بترميز UTF-8 دون BOM",
    ),
    "byte {byte} is not valid UTF-8": (
        "l'octet {byte} n'est pas de l'UTF-8 valide",
        "البايت {byte} غير صالح في ترميز UTF-8",
    ),
    (
        "save the file as UTF-8; Arabic text typed in another encoding (e.g. Windows-1256) must "
        "be converted"
    ): (
        "enregistrez le fichier en UTF-8 ; un texte arabe saisi dans un autre codage (p. ex. "
        "Windows-1256) doit être converti",
        "احفظ الملف بترميز UTF-8؛ ويجب تحويل النص العربي المرقون بترميز آخر (مثلا Windows-1256)",
    ),
    "the file has Windows (CRLF) line ends": (
        "le fichier a des fins de ligne Windows (CRLF)",
        "نهايات الأسطر في الملف بصيغة Windows (CRLF)",
    ),
    "convert to LF line ends (git config core.autocrlf input)": (
        "convertissez les fins de ligne en LF (git config core.autocrlf input)",
        "حول نهايات الأسطر إلى LF (git config core.autocrlf input)",
    ),
    "the file holds no record": (
        "le fichier ne contient aucun enregistrement",
        "لا يتضمن الملف أي سجل",
    ),
    "write the record's fields, or delete the file": (
        "écrivez les champs de l'enregistrement, ou supprimez le fichier",
        "اكتب حقول السجل، أو احذف الملف",
    ),
    "a list or a mapping is used as a key; keys are field names": (
        "une liste ou un ensemble de champs est utilisé comme clé ; les clés sont des noms de "
        "champs",
        "استعملت قائمة أو مجموعة حقول مفتاحا؛ والمفاتيح أسماء حقول",
    ),
    "check the `?` or the brackets before the colon": (
        "vérifiez le `?` ou les crochets avant les deux-points",
        "تحقق من `?` أو الأقواس قبل النقطتين",
    ),
    "the key `{key}` is read by YAML as {type}, not as text": (
        "la clé `{key}` est lue par YAML comme {type}, et non comme du texte",
        "يقرأ YAML المفتاح `{key}` على أنه {type} لا على أنه نص",
    ),
    "quote it: {quoted}": (
        "mettez-la entre guillemets : {quoted}",
        "ضعه بين علامتي تنصيص: {quoted}",
    ),
    "`{value}` cannot be read as the tagged type `{type}`": (
        "`{value}` ne peut pas être lu comme le type balisé `{type}`",
        "تتعذر قراءة `{value}` على أنها من النوع الموسوم `{type}`",
    ),
    "remove the tag (the `!!...` before the value)": (
        "retirez la balise (le `!!...` devant la valeur)",
        "احذف الوسم (`!!...` قبل القيمة)",
    ),
    "remove the tag (the `!...` before the value)": (
        "retirez la balise (le `!...` devant la valeur)",
        "احذف الوسم (`!...` قبل القيمة)",
    ),
    "the unquoted `{text}` is read by YAML 1.1 as the number {value} ({base})": (
        "`{text}`, sans guillemets, est lu par YAML 1.1 comme le nombre {value} ({base})",
        "يقرأ YAML 1.1 القيمة `{text}` غير المحاطة بعلامتي تنصيص على أنها العدد {value} ({base})",
    ),
    (
        'quote it ("{text}") if it is a time or text; write the number in decimal digits without '
        "a leading zero if it is a number"
    ): (
        "mettez-le entre guillemets (\"{text}\") s'il s'agit d'une heure ou d'un texte ; "
        "s'il s'agit d'un nombre, écrivez-le en chiffres décimaux sans zéro initial",
        'ضعه بين علامتي تنصيص ("{text}") إن كان ساعة أو نصا؛ وإن كان عددا فاكتبه بالأرقام '
        "العشرية دون صفر في أوله",
    ),
    "`{text}` is read by YAML as not-a-number; registry numbers must be finite": (
        "`{text}` est lu par YAML comme « pas un nombre » (NaN) ; les nombres du registre "
        "doivent être finis",
        "يقرأ YAML القيمة `{text}` على أنها «ليست عددا» (NaN)؛ ويجب أن تكون أعداد السجل منتهية",
    ),
    "`{text}` is read by YAML as infinity; registry numbers must be finite": (
        "`{text}` est lu par YAML comme l'infini ; les nombres du registre doivent être finis",
        "يقرأ YAML القيمة `{text}` على أنها ما لا نهاية؛ ويجب أن تكون أعداد السجل منتهية",
    ),
    'write the number, or quote it ("{text}") if it is text': (
        "écrivez le nombre, ou mettez-le entre guillemets (\"{text}\") s'il s'agit d'un texte",
        'اكتب العدد، أو ضعه بين علامتي تنصيص ("{text}") إن كان نصا',
    ),
    (
        "the number `{number}` ({length} characters) is beyond what protsoc computes: registry "
        "numbers are at most {digits} digits (±{limit})"
    ): (
        "le nombre `{number}` ({length} caractères) dépasse ce que protsoc calcule : les nombres "
        "du registre ont au plus {digits} chiffres (±{limit})",
        "العدد `{number}` ({length} رمزا) يتجاوز ما يحتسبه protsoc: لا تتعدى أعداد السجل "
        "{digits} رقما (±{limit})",
    ),
    "check the value; a count is written in units, without separators": (
        "vérifiez la valeur ; un effectif s'écrit en unités, sans séparateurs",
        "تحقق من القيمة؛ يكتب العدد بالوحدات ودون فواصل",
    ),
    (
        "the key `{key}` appears twice in the same mapping (first on line {line}); YAML would "
        "silently keep only the last value"
    ): (
        "la clé `{key}` figure deux fois dans le même ensemble (d'abord à la ligne {line}) ; "
        "YAML ne garderait en silence que la dernière valeur",
        "المفتاح `{key}` وارد مرتين في المجموعة نفسها (أول مرة في السطر {line})؛ وسيحتفظ YAML "
        "دون تنبيه بالقيمة الأخيرة وحدها",
    ),
    "keep one of the two values and delete the other line": (
        "gardez l'une des deux valeurs et supprimez l'autre ligne",
        "احتفظ بإحدى القيمتين واحذف السطر الآخر",
    ),
    "the value is empty; write the text, or delete the line if the field is optional": (
        "la valeur est vide ; écrivez le texte, ou supprimez la ligne si le champ est facultatif",
        "القيمة فارغة؛ اكتب النص، أو احذف السطر إن كان الحقل اختياريا",
    ),
    'YAML 1.1 reads the unquoted `{text}` as {type}; quote it ("{text}") to keep it as text': (
        "YAML 1.1 lit `{text}`, sans guillemets, comme {type} ; mettez-le entre guillemets "
        '("{text}") pour le garder comme texte',
        "يقرأ YAML 1.1 القيمة `{text}` غير المحاطة بعلامتي تنصيص على أنها {type}؛ ضعها بين "
        'علامتي تنصيص ("{text}") لتبقى نصا',
    ),
    "the control character {code} is not allowed in a YAML file": (
        "le caractère de contrôle {code} n'est pas admis dans un fichier YAML",
        "رمز التحكم {code} غير مقبول في ملف YAML",
    ),
    "delete it (it is invisible in most editors; it often comes from copying out of a PDF)": (
        "supprimez-le (il est invisible dans la plupart des éditeurs ; il provient souvent d'un "
        "copier-coller depuis un PDF)",
        "احذفه (لا يظهر في أغلب المحررات؛ وكثيرا ما يأتي من النسخ من ملف PDF)",
    ),
    "lists and mappings are nested more than {depth} levels deep": (
        "les listes et ensembles de champs sont imbriqués sur plus de {depth} niveaux",
        "القوائم ومجموعات الحقول متداخلة في أكثر من {depth} مستوى",
    ),
    "a registry record nests a few levels; check the brackets and the indentation here": (
        "un enregistrement du registre n'a que quelques niveaux : vérifiez ici les crochets et "
        "l'indentation",
        "لا يتداخل سجل السجل العام إلا في مستويات قليلة؛ تحقق هنا من الأقواس والإزاحة",
    ),
    "YAML anchors, aliases and merge keys (&, *, <<) are not allowed in registry records": (
        "les ancres, alias et clés de fusion YAML (&, *, <<) ne sont pas admis dans les "
        "enregistrements du registre",
        "المراسي والأسماء المستعارة ومفاتيح الدمج في YAML (&، *، <<) غير مقبولة في سجلات "
        "السجل العام",
    ),
    "write the value out in full; a record must read the same to every reviewer": (
        "écrivez la valeur en entier ; un enregistrement doit se lire de la même façon pour tout "
        "relecteur",
        "اكتب القيمة كاملة؛ يجب أن يقرأ كل مراجع السجل بالطريقة نفسها",
    ),
    (
        "the YAML tag `{tag}` is not allowed; records hold only text, numbers, booleans, lists "
        "and mappings"
    ): (
        "la balise YAML `{tag}` n'est pas admise ; les enregistrements ne contiennent que des "
        "textes, nombres, booléens, listes et ensembles de champs",
        "الوسم `{tag}` في YAML غير مقبول؛ لا تتضمن السجلات إلا نصوصا وأعدادا وقيما منطقية "
        "وقوائم ومجموعات حقول",
    ),
    "a tab character is used for indentation; YAML allows only spaces there": (
        "une tabulation sert à l'indentation ; YAML n'y admet que des espaces",
        "استعمل رمز الجدولة للإزاحة؛ ولا يقبل YAML فيها إلا المسافات",
    ),
    "replace the tab with spaces (two per level, as in the other records)": (
        "remplacez la tabulation par des espaces (deux par niveau, comme dans les autres "
        "enregistrements)",
        "استبدل رمز الجدولة بمسافات (اثنتان لكل مستوى، كما في باقي السجلات)",
    ),
    "the file holds more than one YAML document (a `---` separator)": (
        "le fichier contient plus d'un document YAML (un séparateur `---`)",
        "يتضمن الملف أكثر من وثيقة YAML واحدة (فاصل `---`)",
    ),
    "keep one record per file": (
        "gardez un seul enregistrement par fichier",
        "احتفظ بسجل واحد في كل ملف",
    ),
    "not valid YAML: {reason}": ("YAML non valide : {reason}", "صيغة YAML غير صالحة: {reason}"),
    "check the indentation and quoting on this line and the one above": (
        "vérifiez l'indentation et les guillemets de cette ligne et de celle du dessus",
        "تحقق من الإزاحة وعلامات التنصيص في هذا السطر والسطر الذي قبله",
    ),
    ("a record must be a YAML mapping of fields (key: value), not a list or a single value"): (
        "un enregistrement doit être un ensemble de champs YAML (clé: valeur), et non une liste "
        "ou une valeur isolée",
        "يجب أن يكون السجل مجموعة حقول YAML (مفتاح: قيمة)، لا قائمة ولا قيمة منفردة",
    ),
    "start the file with the record's fields, e.g. `id: …`": (
        "commencez le fichier par les champs de l'enregistrement, p. ex. `id: …`",
        "ابدأ الملف بحقول السجل، مثلا `id: …`",
    ),
    "this YAML file is not part of the registry layout and is not checked": (
        "ce fichier YAML ne fait pas partie de l'organisation du registre et n'est pas vérifié",
        "ملف YAML هذا لا يندرج ضمن بنية السجل ولا يخضع للتحقق",
    ),
    (
        "move it to committees/, meetings/<committee>/, or roadmap/…; records use the .yaml "
        "extension (not .yml)"
    ): (
        "déplacez-le dans committees/, meetings/<comité>/ ou roadmap/… ; les enregistrements "
        "portent l'extension .yaml (et non .yml)",
        "انقله إلى committees/ أو meetings/<اللجنة>/ أو roadmap/…؛ وامتداد السجلات .yaml "
        "(وليس .yml)",
    ),
}
