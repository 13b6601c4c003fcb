"""The French and Arabic wording of protsoc's prompts and messages (source of the .po catalogues).

Regenerate the catalogues after changing messages (the extraction command, in
protsoc/kernel/i18n.py, covers clerk/, cli/, validate/ and the registry modules that word
findings), then:
    python src/protsoc/locale/translations.py
Messages missing here stay in English (gettext falls back to the msgid).
Plurals (ngettext) are keyed by the singular and give a tuple per language, one string per form
of Babel's plural rule: French three (0 and 1; whole millions, "de"; others), Arabic six (0, 1,
2, 3-10, 11-99, 100 and more).
"""

from protsoc.locale.finding_translations import FINDINGS
from protsoc.locale.review_translations import REVIEW

# msgid: (fr, ar)
T = {
    # prompts
    "Action": ("Action", "الإجراء"),
    "Action (Arabic)": ("Action (en arabe)", "الإجراء (بالعربية)"),
    "Agenda item (Arabic)": ("Point de l'ordre du jour (en arabe)", "نقطة جدول الأعمال (بالعربية)"),
    "Approving member post": ("Membre qui approuve", "العضو المصادق"),
    "Attendance": ("Présence", "الحضور"),
    "Cadence rule (none, or N/PERIOD/MODE such as 1/P6M/rolling)": (
        "Règle de périodicité (none, ou N/PÉRIODE/MODE, p. ex. 1/P6M/rolling)",
        "قاعدة دورية الاجتماعات (none أو N/PERIOD/MODE مثل 1/P6M/rolling)",
    ),
    "Committee": ("Comité", "اللجنة"),
    "Committee id (e.g. working-group-rsu)": (
        "Identifiant du comité (p. ex. working-group-rsu)",
        "معرف اللجنة (مثلا working-group-rsu)",
    ),
    "Committee that keeps it": ("Comité qui le tient", "اللجنة التي تتولى تحيينه"),
    "Date (YYYY-MM-DD)": ("Date (AAAA-MM-JJ)", "التاريخ (YYYY-MM-DD)"),
    "Decision (<committee>/<YYYY-MM-DD>/d<N>)": (
        "Décision (<comité>/<AAAA-MM-JJ>/d<N>)",
        "القرار (<اللجنة>/<YYYY-MM-DD>/d<N>)",
    ),
    "Decision (Arabic)": ("Décision (en arabe)", "القرار (بالعربية)"),
    "Due date (YYYY-MM-DD)": ("Échéance (AAAA-MM-JJ)", "أجل التنفيذ (YYYY-MM-DD)"),
    "Evaluation id": ("Identifiant de l'évaluation", "معرف التقييم"),
    "Evaluator id (e.g. igf)": (
        "Identifiant de l'évaluateur (p. ex. igf)",
        "معرف الجهة المقيمة (مثلا igf)",
    ),
    "Evaluator kind": ("Type d'évaluateur", "نوع الجهة المقيمة"),
    "Evaluator's name (Arabic)": ("Nom de l'évaluateur (en arabe)", "اسم الجهة المقيمة (بالعربية)"),
    "Full name (Arabic)": ("Nom complet (en arabe)", "الاسم الكامل (بالعربية)"),
    "Guest's name": ("Nom de l'invité", "اسم الضيف"),
    "Indicator": ("Indicateur", "المؤشر"),
    "Indicator id": ("Identifiant de l'indicateur", "معرف المؤشر"),
    "Kind": ("Type", "النوع"),
    "Measure": ("Mesure", "طبيعة القياس"),
    "Meeting (<committee>/<YYYY-MM-DD>)": (
        "Réunion (<comité>/<AAAA-MM-JJ>)",
        "الاجتماع (<اللجنة>/<YYYY-MM-DD>)",
    ),
    "Member post": ("Siège de membre", "مقعد العضو"),
    "Member posts (separated by spaces)": (
        "Sièges de membres (séparés par des espaces)",
        "مقاعد الأعضاء (مفصولة بمسافات)",
    ),
    "Name (Arabic)": ("Nom (en arabe)", "الاسم (بالعربية)"),
    "Owner post": ("Responsable (siège)", "الجهة المسؤولة (المقعد)"),
    "Place": ("Lieu", "المكان"),
    "Report date (YYYY-MM-DD)": ("Date du rapport (AAAA-MM-JJ)", "تاريخ التقرير (YYYY-MM-DD)"),
    "Reference (or next)": ("Référence (ou next)", "رقم الإرسال (أو next)"),
    "Post id (e.g. sg-interior)": (
        "Identifiant du siège (p. ex. sg-interior)",
        "معرف المقعد (مثلا sg-interior)",
    ),
    "Priority (1 = first)": ("Priorité (1 = la première)", "الأولوية (1 = الأولى)"),
    "Progress (%)": ("Avancement (%)", "نسبة التقدم (%)"),
    "Qualifier": ("Qualificatif", "الصيغة"),
    "Represented by": ("Représenté par", "ممثل من طرف"),
    "Role": ("Rôle", "الصفة"),
    "Scope (Arabic)": ("Périmètre (en arabe)", "نطاق التقييم (بالعربية)"),
    "Since (YYYY-MM-DD)": ("Depuis (AAAA-MM-JJ)", "ابتداء من (YYYY-MM-DD)"),
    "Source document": ("Document source", "الوثيقة المصدر"),
    "Start time (HH:MM)": ("Heure de début (HH:MM)", "ساعة البدء (HH:MM)"),
    "Status": ("Statut", "الحالة"),
    "Title (Arabic)": ("Titre (en arabe)", "العنوان (بالعربية)"),
    "Title of the post (Arabic)": ("Intitulé du siège (en arabe)", "تسمية المقعد (بالعربية)"),
    "Unit (Arabic)": ("Unité (en arabe)", "الوحدة (بالعربية)"),
    "Value": ("Valeur", "القيمة"),
    "Enter to skip": ("Entrée pour passer", "اضغط Enter للتجاوز"),
    "choose one of: {choices}": ("choisissez parmi : {choices}", "اختر واحدا مما يلي: {choices}"),
    # reports
    "wrote {path}": ("écrit : {path}", "تم تسجيل {path}"),
    "committed {sha}: {message}": ("commit {sha} : {message}", "تم الإيداع {sha}: {message}"),
    "committed {sha}": ("commit {sha}", "تم الإيداع {sha}"),
    "on the new branch {branch}": ("sur la nouvelle branche {branch}", "على الفرع الجديد {branch}"),
    "approvals {count}: the minutes are approved and sealed": (
        "approbations {count} : le procès-verbal est approuvé et scellé",
        "المصادقات {count}: تمت المصادقة على المحضر وختمه",
    ),
    "approvals {count}: the minutes stay draft": (
        "approbations {count} : le procès-verbal reste à l'état de projet",
        "المصادقات {count}: يبقى المحضر مشروعا",
    ),
    "created the git repository {path}": ("dépôt git créé : {path}", "تم إنشاء مستودع git {path}"),
    "wrote {count} files under {path} ({committees} committees)": (
        "{count} fichiers écrits dans {path} ({committees} comités)",
        "تم تسجيل {count} ملفا في {path} ({committees} لجان)",
    ),
    "kept the existing {path}": (
        "fichier existant conservé : {path}",
        "تم الإبقاء على الملف الموجود {path}",
    ),
    "minutes: {status}; approvals {count}/{needed} ({rule}); may approve: {who}": (
        "procès-verbal : {status} ; approbations {count}/{needed} ({rule}) ; peuvent approuver : "
        "{who}",
        "المحضر: {status}؛ المصادقات {count}/{needed} ({rule})؛ يحق لهم المصادقة: {who}",
    ),
    "actions: {actions}": ("actions : {actions}", "الإجراءات: {actions}"),
    # errors and hints
    "{what} is required": ("{what} est obligatoire", "{what} مطلوب"),
    "give it as an option, or run on a terminal to be asked": (
        "donnez-le en option, ou lancez la commande dans un terminal pour qu'elle vous le demande",
        "أدخله كخيار، أو شغل الأمر في طرفية ليطلبه منك",
    ),
    "{what} {value!r} is not a valid id": (
        "{what} {value!r} n'est pas un identifiant valide",
        "{what} {value!r} ليس معرفا صالحا",
    ),
    "ids are lowercase ASCII letters, digits and hyphens (e.g. sg-interior); they name files, so "
    "'/', '..', spaces and other characters are refused": (
        "les identifiants sont en lettres ASCII minuscules, chiffres et tirets (p. ex. "
        "sg-interior) ; ils nomment des fichiers : '/', '..', les espaces et autres caractères "
        "sont refusés",
        "المعرفات حروف لاتينية صغيرة وأرقام وشرطات (مثلا sg-interior)؛ وهي أسماء ملفات، لذا ترفض "
        "'/' و'..' والمسافات وغيرها",
    ),
    "{what} {value!r} is not a real date": (
        "{what} {value!r} n'est pas une date réelle",
        "{what} {value!r} ليس تاريخا صحيحا",
    ),
    "{what} {value!r} is outside the years protsoc computes with": (
        "{what} {value!r} est hors des années que protsoc sait calculer",
        "{what} {value!r} خارج السنوات التي يحسب بها protsoc",
    ),
    "give a date from {first}-01-01 to {last}-12-31": (
        "donnez une date du {first}-01-01 au {last}-12-31",
        "أعط تاريخا بين {first}-01-01 و{last}-12-31",
    ),
    "write an existing date as YYYY-MM-DD, e.g. 2025-02-28": (
        "écrivez une date existante au format AAAA-MM-JJ, p. ex. 2025-02-28",
        "اكتب تاريخا موجودا بصيغة YYYY-MM-DD، مثلا 2025-02-28",
    ),
    "{what} {value!r} is not a time": (
        "{what} {value!r} n'est pas une heure",
        "{what} {value!r} ليس توقيتا صحيحا",
    ),
    "write it as HH:MM on the 24-hour clock, e.g. 10:30": (
        "écrivez-la HH:MM sur 24 heures, p. ex. 10:30",
        "اكتبه بصيغة HH:MM على 24 ساعة، مثلا 10:30",
    ),
    "{what} {value!r} is not one of the allowed values": (
        "{what} {value!r} ne fait pas partie des valeurs permises",
        "{what} {value!r} ليس من القيم المسموح بها",
    ),
    "use one of: {choices}": ("utilisez l'une de : {choices}", "استعمل إحدى القيم: {choices}"),
    "unknown committee {id!r}": ("comité inconnu {id!r}", "لجنة غير معروفة {id!r}"),
    "known committees: {known}": ("comités connus : {known}", "اللجان المعروفة: {known}"),
    "{value!r} is not a meeting id": (
        "{value!r} n'est pas un identifiant de réunion",
        "{value!r} ليس معرف اجتماع",
    ),
    "give it as <committee>/<YYYY-MM-DD>, e.g. technical/2025-03-10": (
        "donnez-le sous la forme <comité>/<AAAA-MM-JJ>, p. ex. technical/2025-03-10",
        "أدخله بصيغة <اللجنة>/<YYYY-MM-DD>، مثلا technical/2025-03-10",
    ),
    "no meeting {id}": ("aucune réunion {id}", "لا يوجد اجتماع {id}"),
    "{member!r} is not a member post of {committee}": (
        "{member!r} n'est pas un siège de membre de {committee}",
        "{member!r} ليس مقعد عضو في {committee}",
    ),
    "member posts of {committee}: {posts}": (
        "sièges de membres de {committee} : {posts}",
        "مقاعد أعضاء {committee}: {posts}",
    ),
    "{committee} already has a meeting on {date}: {ids}": (
        "{committee} a déjà une réunion le {date} : {ids}",
        "للجنة {committee} اجتماع مسجل بتاريخ {date}: {ids}",
    ),
    "nothing is overwritten; for a second meeting that day, add --same-day": (
        "rien n'est écrasé ; pour une deuxième réunion le même jour, ajoutez --same-day",
        "لا يتم الكتابة فوق أي سجل؛ لاجتماع ثان في اليوم نفسه أضف --same-day",
    ),
    "{kind} {id} already exists": ("{kind} {id} existe déjà", "{kind} {id} موجود مسبقا"),
    "nothing is overwritten: use `protsoc set …` to change it, or choose another id": (
        "rien n'est écrasé : utilisez `protsoc set …` pour le modifier, ou choisissez un autre "
        "identifiant",
        "لا يتم الكتابة فوق أي سجل: استعمل `protsoc set …` لتعديله، أو اختر معرفا آخر",
    ),
    "{member} did not attend {id}, so cannot approve its minutes": (
        "{member} n'a pas assisté à {id} et ne peut donc pas en approuver le procès-verbal",
        "{member} لم يحضر {id}، فلا يمكنه المصادقة على محضره",
    ),
    "{member} is a guest of {id}, not a member of {committee}": (
        "{member} est un invité de {id}, pas un membre de {committee}",
        "{member} ضيف في {id}، وليس عضوا في {committee}",
    ),
    "only the committee's members approve its minutes": (
        "seuls les membres du comité approuvent son procès-verbal",
        "لا يصادق على محضر اللجنة إلا أعضاؤها",
    ),
    "{member} has already approved the minutes of {id}": (
        "{member} a déjà approuvé le procès-verbal de {id}",
        "سبق لـ{member} أن صادق على محضر {id}",
    ),
    "each member approves once": (
        "chaque membre approuve une seule fois",
        "يصادق كل عضو مرة واحدة",
    ),
    "the minutes of {id} are approved and sealed": (
        "le procès-verbal de {id} est approuvé et scellé",
        "محضر {id} مصادق عليه ومختوم",
    ),
    "approved minutes are not edited; corrections go through an erratum": (
        "un procès-verbal approuvé n'est pas modifié ; les corrections passent par un erratum",
        "لا يعدل المحضر المصادق عليه؛ تتم التصحيحات عبر استدراك",
    ),
    "{id} is not marked held (status: {status})": (
        "{id} n'est pas marquée tenue (statut : {status})",
        "{id} غير مسجل كاجتماع منعقد (الحالة: {status})",
    ),
    "the change would make the registry invalid; nothing was written": (
        "la modification rendrait le registre invalide ; rien n'a été écrit",
        "هذا التعديل سيجعل السجل غير صالح؛ لم يكتب أي شيء",
    ),
    "fix the values given (see the findings above) and run the command again": (
        "corrigez les valeurs données (voir ci-dessus) et relancez la commande",
        "صحح القيم المدخلة (انظر الملاحظات أعلاه) ثم أعد تشغيل الأمر",
    ),
    "another protsoc command is writing to this registry": (
        "une autre commande protsoc écrit dans ce registre",
        "أمر protsoc آخر يكتب في هذا السجل حاليا",
    ),
    "wait for it to finish, then run the command again": (
        "attendez qu'elle se termine, puis relancez la commande",
        "انتظر حتى ينتهي ثم أعد تشغيل الأمر",
    ),
    "git does not know who you are (user.name and user.email are not set)": (
        "git ne sait pas qui vous êtes (user.name et user.email ne sont pas définis)",
        "لا يعرف git هويتك (user.name وuser.email غير محددين)",
    ),
    "HEAD is detached (no branch is checked out)": (
        "HEAD est détachée (aucune branche n'est extraite)",
        "HEAD منفصل (لا يوجد فرع نشط)",
    ),
    "other changes are already staged: {files}": (
        "d'autres modifications sont déjà indexées : {files}",
        "توجد تعديلات أخرى مهيأة للإيداع: {files}",
    ),
    "files this command must change have uncommitted changes: {files}": (
        "des fichiers que cette commande doit modifier ont des changements non commités : {files}",
        "الملفات التي يجب أن يعدلها هذا الأمر تحتوي على تعديلات غير مودعة: {files}",
    ),
    "{path} is not inside a git repository": (
        "{path} n'est pas dans un dépôt git",
        "{path} ليس داخل مستودع git",
    ),
    "{path} already holds a registry": (
        "{path} contient déjà un registre",
        "{path} يحتوي على سجل مسبقا",
    ),
    "init never overwrites a registry; use protsoc add/set to change it": (
        "init n'écrase jamais un registre ; utilisez protsoc add/set pour le modifier",
        "لا يكتب init فوق سجل موجود؛ استعمل protsoc add/set لتعديله",
    ),
    "nothing to change": ("rien à modifier", "لا يوجد ما يعدل"),
    "the committee": ("le comité", "اللجنة"),
    "the member": ("le membre", "العضو"),
    "the meeting is required": ("la réunion est obligatoire", "الاجتماع مطلوب"),
    "the six committees of the circular": (
        "les six comités de la circulaire",
        "اللجان الست للمنشور",
    ),
    "none yet": ("aucun pour l'instant", "لا شيء بعد"),
    "nobody yet": ("personne pour l'instant", "لا أحد بعد"),
    "under the rule {rule}, only members who attended approve (attended: {who}); record attendance "
    "first with `protsoc add attendance`": (
        "selon la règle {rule}, seuls les membres présents approuvent (présents : {who}) ; "
        "enregistrez d'abord la présence avec `protsoc add attendance`",
        "حسب القاعدة {rule}، لا يصادق إلا الأعضاء الحاضرون (الحاضرون: {who})؛ سجل الحضور أولا "
        "بـ`protsoc add attendance`",
    ),
    "add it with `protsoc add meeting {committee} --date …`; recent meetings: {known}": (
        "ajoutez-la avec `protsoc add meeting {committee} --date …` ; réunions récentes : {known}",
        "أضفه بـ`protsoc add meeting {committee} --date …`؛ آخر الاجتماعات: {known}",
    ),
    "set it held first: protsoc set meeting {id} --status held": (
        "marquez-la d'abord tenue : protsoc set meeting {id} --status held",
        "سجله أولا كاجتماع منعقد: protsoc set meeting {id} --status held",
    ),
    "a meeting on {date} cannot be held yet (today is {today})": (
        "une réunion du {date} ne peut pas encore être tenue (nous sommes le {today})",
        "لا يمكن أن يكون اجتماع {date} قد انعقد بعد (اليوم {today})",
    ),
    "{member}'s attendance at {id} is already recorded": (
        "la présence de {member} à {id} est déjà enregistrée",
        "حضور {member} في {id} مسجل مسبقا",
    ),
    "--by is required with --status represented": (
        "--by est obligatoire avec --status represented",
        "الخيار --by مطلوب مع --status represented",
    ),
    "give who represented the member": ("indiquez qui a représenté le membre", "حدد من مثل العضو"),
    "the post {member} of {committee} was not in office on {date}": (
        "le siège {member} de {committee} n'existait pas le {date}",
        "المقعد {member} في {committee} لم يكن قائما بتاريخ {date}",
    ),
    "commit or discard those changes first, so that the commit holds only this step": (
        "commitez ou annulez d'abord ces changements, pour que le commit ne contienne que cette "
        "étape",
        "أودع هذه التعديلات أو تخل عنها أولا، حتى لا يتضمن الإيداع إلا هذه الخطوة",
    ),
    "the repository is in the middle of {what}": (
        "le dépôt est au milieu d'une opération ({what})",
        "المستودع في منتصف عملية ({what})",
    ),
    "finish it (or abort it) with git, then run the command again": (
        "terminez-la (ou annulez-la) avec git, puis relancez la commande",
        "أتممها (أو ألغها) بواسطة git ثم أعد تشغيل الأمر",
    ),
    "finish it with `{finish}` or abort it with `{abort}`, then run the command again": (
        "terminez-la avec `{finish}` ou annulez-la avec `{abort}`, puis relancez la commande",
        "أتممها بالأمر `{finish}` أو ألغها بالأمر `{abort}` ثم أعد تشغيل الأمر",
    ),
    "git's index is locked: {path} exists": (
        "l'index de git est verrouillé : {path} existe",
        "فهرس git مقفل: الملف {path} موجود",
    ),
    "another git command is running, or one was killed and left its lock; if no git command is "
    "running, remove it: rm -f '{path}'": (
        "une autre commande git est en cours, ou l'une d'elles a été tuée et a laissé son verrou ; "
        "si aucune commande git ne tourne, supprimez-le : rm -f '{path}'",
        "أمر git آخر قيد التشغيل، أو أوقف أحدها قسرا وترك قفله؛ إن لم يكن أي أمر git قيد التشغيل "
        "فاحذفه: rm -f '{path}'",
    ),
    "the branch {name} already exists": (
        "la branche {name} existe déjà",
        "الفرع {name} موجود مسبقا",
    ),
    "{path} is a file, not a folder": (
        "{path} est un fichier, pas un dossier",
        "{path} ملف وليس مجلدا",
    ),
    # protsoc collect: the reporting workbooks (issue 17)
    "give exactly one of --owner, --committee and --all": (
        "donnez une seule des options --owner, --committee et --all",
        "حدد خيارا واحدا فقط من --owner و--committee و--all",
    ),
    "a template is made for one reporting body": (
        "un modèle est établi pour un seul organisme déclarant",
        "تعد الاستمارة لجهة واحدة مكلفة بالتقرير",
    ),
    "{body} has no open action and no indicator to report on": (
        "{body} n'a ni action en cours ni indicateur à déclarer",
        "ليس لدى {body} أي إجراء مفتوح ولا مؤشر للتقرير عنه",
    ),
    "check the post or committee id (protsoc decisions, protsoc dashboard)": (
        "vérifiez l'identifiant du siège ou du comité (protsoc decisions, protsoc dashboard)",
        "تحقق من معرف المقعد أو اللجنة (protsoc decisions وprotsoc dashboard)",
    ),
    "--lang {lang!r}: a template is in Arabic or French": (
        "--lang {lang!r} : un modèle est en arabe ou en français",
        "--lang {lang!r}: تكون الاستمارة بالعربية أو بالفرنسية",
    ),
    "use --lang ar or --lang fr": (
        "utilisez --lang ar ou --lang fr",
        "استعمل --lang ar أو --lang fr",
    ),
    "sheet {sheet}: {problem}": ("feuille {sheet} : {problem}", "الورقة {sheet}: {problem}"),
    "sheet {sheet}, row {row}: {problem}": (
        "feuille {sheet}, ligne {row} : {problem}",
        "الورقة {sheet}، الصف {row}: {problem}",
    ),
    # the financial sheet of the reporting workbook
    "{value!r} is not an amount": ("{value!r} n'est pas un montant", "{value!r} ليس مبلغا"),
    "{value!r} is written with an exponent: write the amount in full, in dirhams and centimes "
    "(e.g. 1250000,50)": (
        "{value!r} est écrit avec un exposant : écrivez le montant en entier, en dirhams et "
        "centimes (p. ex. 1250000,50)",
        "{value!r} مكتوب بصيغة أسية: اكتب المبلغ كاملا بالدرهم والسنتيم (مثلا 1250000,50)",
    ),
    "{value!r} is negative: an amount is positive; to reduce a commitment, record a decommitment": (
        "{value!r} est négatif : un montant est positif ; pour réduire un engagement, "
        "enregistrez un désengagement",
        "{value!r} مبلغ سالب: يكون المبلغ موجبا دائما، ولتخفيض التزام سجل عملية إلغاء التزام",
    ),
    "{value!r} is not an amount: digits, one decimal comma or point, spaces between thousands "
    "(e.g. 1 250 000,50)": (
        "{value!r} n'est pas un montant : des chiffres, une virgule ou un point décimal, des "
        "espaces entre les milliers (p. ex. 1 250 000,50)",
        "{value!r} ليس مبلغا: أرقام، وفاصلة أو نقطة عشرية واحدة، ومسافات بين الآلاف "
        "(مثلا 1 250 000,50)",
    ),
    "{value!r} has more than two decimals: amounts are kept in centimes": (
        "{value!r} a plus de deux décimales : les montants sont tenus au centime",
        "{value!r} يتضمن أكثر من رقمين بعد الفاصلة: تضبط المبالغ بالسنتيم",
    ),
    "the amount is zero: leave the row empty instead": (
        "le montant est nul : laissez plutôt la ligne vide",
        "المبلغ يساوي صفرا: اترك السطر فارغا",
    ),
    "«{column}» is missing: a financial event needs its type, amount, date and source of funds": (
        "«{column}» manque : une opération financière a besoin de son type, de son montant, de "
        "sa date et de sa source de financement",
        "خانة «{column}» فارغة: تتطلب كل عملية مالية نوعها ومبلغها وتاريخها ومصدر تمويلها",
    ),
    "the date {date} is in the future: record money already committed, paid or spent": (
        "la date {date} est dans le futur : n'enregistrez que les sommes déjà engagées, payées "
        "ou dépensées",
        "التاريخ {date} لم يحل بعد: لا تسجل إلا المبالغ التي تم الالتزام بها أو أداؤها أو "
        "صرفها فعلا",
    ),
    "the source of funds {value!r} is not declared in protsoc.yaml (declared: {known})": (
        "la source de financement {value!r} n'est pas déclarée dans protsoc.yaml (sources "
        "déclarées : {known})",
        "مصدر التمويل {value!r} غير مصرح به في protsoc.yaml (المصادر المصرح بها: {known})",
    ),
    "{id} has no owner to report its money: give it an owner (protsoc set) first": (
        "{id} n'a pas de responsable pour en déclarer les finances : désignez d'abord son "
        "responsable (protsoc set)",
        "لا توجد جهة مسؤولة عن {id} للتصريح بمعطياته المالية: حدد الجهة المسؤولة أولا "
        "(protsoc set)",
    ),
    "conflict: {id} changed since the template was made (now, for {year}: committed "
    "{committed}, paid {paid}, spent {spent}; the workbook showed {shown} and adds a {type} of "
    "{amount}); nothing is overwritten": (
        "conflit : {id} a changé depuis l'établissement de la fiche (à ce jour, pour {year} : "
        "engagé {committed}, payé {paid}, dépensé {spent} ; la fiche indiquait {shown} et ajoute "
        "l'opération « {type} » de {amount}) ; rien n'est écrasé",
        "تعارض: تغير {id} بعد إعداد الاستمارة (حاليا، برسم سنة {year}: الالتزامات {committed}، "
        "الأداءات {paid}، النفقات {spent}؛ وكانت الاستمارة تبين {shown} وتضيف عملية «{type}» "
        "بمبلغ {amount})؛ لم يغير أي شيء",
    ),
    "the date {date} is not in the fiscal year {year} of this row: report it on the row of its "
    "own year": (
        "la date {date} n'est pas dans l'exercice {year} de cette ligne : déclarez l'opération "
        "sur la ligne de son exercice",
        "التاريخ {date} لا يدخل في السنة المالية {year} الخاصة بهذا السطر: صرح بالعملية في سطر "
        "سنتها المالية",
    ),
    "commitment": ("engagement", "التزام"),
    "decommitment": ("désengagement", "إلغاء التزام"),
    "payment": ("paiement", "أداء"),
    "expenditure": ("dépense", "نفقة"),
    # budget types and statuses (governance/finance.code_word, with the ledger's event types)
    "original": ("initial", "أصلية"),
    "revised": ("révisé", "معدلة"),
    "indicative": ("indicatif", "تقديرية"),
    "committed": ("voté", "مصادق عليها"),
    "with a financial sheet: {count} programmes and actions": (
        "avec une feuille financière : {count} programmes et actions",
        "مع ورقة مالية: {count} من البرامج والإجراءات",
    ),
    "no programme or action {id}": (
        "aucun programme ni action {id}",
        "لا يوجد برنامج أو إجراء {id}",
    ),
    "{id} is both a programme and an action": (
        "{id} est à la fois un programme et une action",
        "{id} برنامج وإجراء في آن واحد",
    ),
    "sheet {sheet}, row {row}, column {column}: {problem}": (
        "feuille {sheet}, ligne {row}, colonne {column} : {problem}",
        "الورقة {sheet}، الصف {row}، العمود {column}: {problem}",
    ),
    "{count} problem(s) in the workbook; nothing was written": (
        "{count} problème(s) dans le classeur ; rien n'a été écrit",
        "عدد المشاكل في المصنف: {count}؛ لم يكتب أي شيء",
    ),
    "correct those cells and import the workbook again": (
        "corrigez ces cellules et importez de nouveau le classeur",
        "صحح هذه الخانات ثم استورد المصنف من جديد",
    ),
    "{name} has no sheet of actions or indicators ({names})": (
        "{name} n'a pas de feuille d'actions ou d'indicateurs ({names})",
        "لا يحتوي {name} على ورقة للإجراءات أو للمؤشرات ({names})",
    ),
    "import a workbook made by `protsoc collect template`": (
        "importez un classeur établi par `protsoc collect template`",
        "استورد مصنفا أعد بالأمر `protsoc collect template`",
    ),
    "missing columns: {names}": ("colonnes manquantes : {names}", "أعمدة ناقصة: {names}"),
    "duplicated columns: {names}": ("colonnes en double : {names}", "أعمدة مكررة: {names}"),
    "columns protsoc does not know (renamed?): {names}": (
        "colonnes inconnues de protsoc (renommées ?) : {names}",
        "أعمدة لا يعرفها protsoc (هل غير اسمها؟): {names}",
    ),
    "the cell shows the error {error}{formula}": (
        "la cellule affiche l'erreur {error}{formula}",
        "تعرض الخانة الخطأ {error}{formula}",
    ),
    "the cell holds a formula ({formula}) without a computed value": (
        "la cellule contient une formule ({formula}) sans valeur calculée",
        "تحتوي الخانة على صيغة ({formula}) دون قيمة محسوبة",
    ),
    "{value!r} is not a number": ("{value!r} n'est pas un nombre", "{value!r} ليس عددا"),
    "{value!r} is not a number protsoc can keep": (
        "{value!r} n'est pas un nombre que protsoc peut conserver",
        "{value!r} ليس عددا يمكن لprotsoc حفظه",
    ),
    "{value!r} is not a date: write YYYY-MM-DD or DD/MM/YYYY": (
        "{value!r} n'est pas une date : écrivez AAAA-MM-JJ ou JJ/MM/AAAA",
        "{value!r} ليس تاريخا: اكتبه بصيغة YYYY-MM-DD أو DD/MM/YYYY",
    ),
    "{value!r} is not one of: {choices}": (
        "{value!r} n'est pas une des valeurs : {choices}",
        "{value!r} ليست من القيم المقبولة: {choices}",
    ),
    "the text is not acceptable (NUL character, or over 2000 characters)": (
        "le texte n'est pas acceptable (caractère NUL, ou plus de 2000 caractères)",
        "النص غير مقبول (حرف NUL أو أكثر من 2000 حرف)",
    ),
    "a filled row without its id and version token: rows are added only by protsoc (ask the "
    "secretariat for a new template)": (
        "une ligne remplie sans son identifiant ni son jeton de version : seules les lignes "
        "écrites par protsoc sont lues (demandez un nouveau modèle au secrétariat)",
        "صف مملوء دون معرفه ورمز نسخته: لا تقرأ إلا الصفوف التي كتبها protsoc "
        "(اطلب استمارة جديدة من الكتابة)",
    ),
    "{value} is not a whole percentage from 0 to 100": (
        "{value} n'est pas un pourcentage entier de 0 à 100",
        "{value} ليست نسبة مئوية صحيحة من 0 إلى 100",
    ),
    "a note or date without a new status or progress": (
        "une note ou une date sans nouveau statut ni avancement",
        "ملاحظة أو تاريخ دون وضعية جديدة ولا نسبة إنجاز",
    ),
    "the new value is missing (the row has a date, qualifier or source)": (
        "la nouvelle valeur manque (la ligne a une date, un qualificatif ou une source)",
        "القيمة الجديدة ناقصة (في الصف تاريخ أو وصف أو مصدر)",
    ),
    "no action {id} in the registry": (
        "pas d'action {id} dans le registre",
        "لا يوجد إجراء {id} في السجل",
    ),
    "the report date {date} is in the future": (
        "la date du rapport {date} est dans le futur",
        "تاريخ التقرير {date} في المستقبل",
    ),
    "conflict: action {id} changed since the template was made (now {now}; the workbook says "
    "{wanted}); nothing is overwritten": (
        "conflit : l'action {id} a changé depuis l'établissement du modèle (maintenant {now} ; "
        "le classeur dit {wanted}) ; rien n'est écrasé",
        "تعارض: تغير الإجراء {id} بعد إعداد الاستمارة (حاليا {now}؛ وفي المصنف {wanted})؛ "
        "لا يستبدل أي شيء",
    ),
    "no indicator {id} in the registry": (
        "pas d'indicateur {id} dans le registre",
        "لا يوجد مؤشر {id} في السجل",
    ),
    "conflict: indicator {id} already has {value} on {date} (the workbook says {wanted}); nothing "
    "is overwritten": (
        "conflit : l'indicateur {id} a déjà {value} au {date} (le classeur dit {wanted}) ; "
        "rien n'est écrasé",
        "تعارض: للمؤشر {id} قيمة {value} بتاريخ {date} (وفي المصنف {wanted})؛ لا يستبدل أي شيء",
    ),
    "conflict: indicator {id} changed since the template was made (now {now} on {date}; the "
    "workbook says {wanted}); nothing is overwritten": (
        "conflit : l'indicateur {id} a changé depuis l'établissement du modèle (maintenant {now} "
        "au {date} ; le classeur dit {wanted}) ; rien n'est écrasé",
        "تعارض: تغير المؤشر {id} بعد إعداد الاستمارة (حاليا {now} بتاريخ {date}؛ وفي المصنف "
        "{wanted})؛ لا يستبدل أي شيء",
    ),
    "open it in LibreOffice or Excel and save it as .xlsx, or run: soffice --headless --convert-to "
    "xlsx '{name}'": (
        "ouvrez-le dans LibreOffice ou Excel et enregistrez-le en .xlsx, ou lancez : "
        "soffice --headless --convert-to xlsx '{name}'",
        "افتحه في LibreOffice أو Excel واحفظه بصيغة .xlsx، أو نفذ: "
        "soffice --headless --convert-to xlsx '{name}'",
    ),
    "cannot be read ({error})": ("ne peut pas être lu ({error})", "تتعذر قراءته ({error})"),
    "is {size} MB, more than the {limit} MB a reporting workbook needs": (
        "fait {size} Mo, plus que les {limit} Mo d'un classeur de suivi",
        "حجمه {size} ميغابايت، أكثر من {limit} ميغابايت التي يحتاجها مصنف التتبع",
    ),
    "send only the sheets of the template": (
        "n'envoyez que les feuilles du modèle",
        "أرسل أوراق الاستمارة فقط",
    ),
    "is an old Excel (.xls) file, not .xlsx": (
        "est un ancien fichier Excel (.xls), pas un .xlsx",
        "ملف Excel قديم (.xls) وليس .xlsx",
    ),
    "is a macro-enabled or binary workbook": (
        "est un classeur avec macros ou binaire",
        "مصنف بوحدات ماكرو أو مصنف ثنائي",
    ),
    "save it as a plain .xlsx": ("enregistrez-le en .xlsx simple", "احفظه بصيغة .xlsx عادية"),
    "is not an .xlsx workbook": ("n'est pas un classeur .xlsx", "ليس مصنفا بصيغة .xlsx"),
    "is an OpenDocument (.ods) spreadsheet, not .xlsx": (
        "est un classeur OpenDocument (.ods), pas un .xlsx",
        "جدول OpenDocument (.ods) وليس .xlsx",
    ),
    "is a damaged zip file": ("est un fichier zip endommagé", "ملف zip تالف"),
    "has {count} parts: too many for a workbook": (
        "a {count} parties : trop pour un classeur",
        "يتكون من {count} جزءا: أكثر مما يحتاجه مصنف",
    ),
    "contains macros; protsoc never reads a workbook that can run code": (
        "contient des macros ; protsoc ne lit jamais un classeur qui peut exécuter du code",
        "يحتوي على وحدات ماكرو؛ لا يقرأ protsoc أبدا مصنفا يمكنه تشغيل برمجيات",
    ),
    "save it as a plain .xlsx (without macros) and send it again": (
        "enregistrez-le en .xlsx simple (sans macros) et renvoyez-le",
        "احفظه بصيغة .xlsx عادية (دون وحدات ماكرو) وأرسله من جديد",
    ),
    "links to other files (external links)": (
        "renvoie à d'autres fichiers (liaisons externes)",
        "يحيل إلى ملفات أخرى (روابط خارجية)",
    ),
    "in the spreadsheet, break the links (keep the values) and save it again": (
        "dans le tableur, rompez les liaisons (en gardant les valeurs) et enregistrez de nouveau",
        "في برنامج الجداول، اقطع الروابط (مع الإبقاء على القيم) ثم احفظه من جديد",
    ),
    "would unpack to more than a reporting workbook holds (a zip bomb?)": (
        "se décompresserait en plus que ce que contient un classeur de suivi (bombe zip ?)",
        "سيفك إلى أكثر مما يحتويه مصنف تتبع (قنبلة zip؟)",
    ),
    "send the template as it was filled, with nothing added": (
        "renvoyez le modèle tel qu'il a été rempli, sans ajout",
        "أرسل الاستمارة كما ملئت دون أي إضافة",
    ),
    "cannot be read as a workbook ({error})": (
        "ne peut pas être lu comme un classeur ({error})",
        "تتعذر قراءته كمصنف ({error})",
    ),
    "sheet {sheet!r} has more than {limit} rows": (
        "la feuille {sheet!r} a plus de {limit} lignes",
        "في الورقة {sheet!r} أكثر من {limit} صف",
    ),
    "{path}: the template is written as .xlsx": (
        "{path} : le modèle est écrit en .xlsx",
        "{path}: تكتب الاستمارة بصيغة .xlsx",
    ),
    "give -o NAME.xlsx": ("donnez -o NOM.xlsx", "حدد -o NAME.xlsx"),
    "wrote {path}: {actions} actions, {indicators} indicators for {body}": (
        "écrit {path} : {actions} actions, {indicators} indicateurs pour {body}",
        "كتب {path}: {actions} إجراء و{indicators} مؤشر لفائدة {body}",
    ),
    "nothing to do: every row is empty or imported already": (
        "rien à faire : chaque ligne est vide ou déjà importée",
        "لا شيء للقيام به: كل الصفوف فارغة أو سبق استيرادها",
    ),
    "dry run: nothing was written ({count} records would change)": (
        "essai à blanc : rien n'a été écrit ({count} enregistrements changeraient)",
        "تجربة دون كتابة: لم يكتب أي شيء (سيتغير {count} سجل)",
    ),
    "{path} is not a folder of CSV files": (
        "{path} n'est pas un dossier de fichiers CSV",
        "{path} ليس مجلدا لملفات CSV",
    ),
    "give the folder written by `protsoc collect template --format csv`": (
        "donnez le dossier écrit par `protsoc collect template --format csv`",
        "حدد المجلد الذي كتبه الأمر `protsoc collect template --format csv`",
    ),
    "is not UTF-8 text": ("n'est pas du texte UTF-8", "ليس نصا بترميز UTF-8"),
    "save it as CSV UTF-8 from the spreadsheet": (
        "enregistrez-le au format CSV UTF-8 depuis le tableur",
        "احفظه بصيغة CSV UTF-8 من برنامج الجداول",
    ),
    # corrections (protsoc set/remove/move/undo)
    "Agenda item": ("Point de l'ordre du jour", "نقطة جدول الأعمال"),
    "Guest": ("Invité", "الضيف"),
    "Decision (<meeting-id>/d<N>)": ("Décision (<réunion>/d<N>)", "القرار (<الاجتماع>/d<N>)"),
    "present": ("présent", "حاضر"),
    "represented": ("représenté", "ممثَّل"),
    "excused": ("excusé", "معتذر"),
    "absent": ("absent", "غائب"),
    "{id} has no agenda item {value}": (
        "l'ordre du jour de {id} ne comporte pas de point {value}",
        "لا يتضمن جدول أعمال {id} النقطة {value}",
    ),
    "no attendance of {value} is recorded at {id}": (
        "aucune présence de {value} n'est enregistrée pour {id}",
        "لم يسجل أي حضور لـ{value} في {id}",
    ),
    "{id} has no guest {value}": (
        "{id} ne compte pas d'invité {value}",
        "لا يوجد ضيف {value} في {id}",
    ),
    "{id} has no decision {value}": (
        "{id} ne comporte pas de décision {value}",
        "لا يتضمن {id} القرار {value}",
    ),
    "those it has: {known}": ("identifiants existants : {known}", "الموجود منها: {known}"),
    "{what} cannot be removed: {records} still refer to it": (
        "impossible de supprimer {what} : des enregistrements y font encore référence ({records})",
        "تعذر حذف {what} بسبب إحالات قائمة في: {records}",
    ),
    "agenda item {item} of {id}": (
        "le point {item} de l'ordre du jour de {id}",
        "النقطة {item} من جدول أعمال {id}",
    ),
    "attach those decisions to another item first: protsoc set decision {ref} --agenda-item ITEM": (
        "rattachez d'abord ces décisions à un autre point : "
        "protsoc set decision {ref} --agenda-item ITEM",
        "اربط هذه القرارات أولا بنقطة أخرى: protsoc set decision {ref} --agenda-item ITEM",
    ),
    "agenda item {item} of {id} changed: {changes}": (
        "point {item} de l'ordre du jour de {id} modifié : {changes}",
        "تم تعديل النقطة {item} من جدول أعمال {id}: {changes}",
    ),
    "agenda item {item} removed from {id}; the other items keep their ids": (
        "le point {item} est retiré de l'ordre du jour de {id} ; "
        "les autres points gardent leur numéro",
        "تم حذف النقطة {item} من جدول أعمال {id}؛ وتحتفظ النقاط الأخرى بأرقامها",
    ),
    "the attendance of {member} at {id}": (
        "la présence de {member} à {id}",
        "حضور {member} في {id}",
    ),
    "the approval of the minutes by {member}": (
        "l'approbation du procès-verbal par {member}",
        "مصادقة {member} على المحضر",
    ),
    (
        "an approval stands on the attendance it was given with; correct the status instead: "
        "protsoc set attendance {id} {member} --status …"
    ): (
        "une approbation repose sur la présence enregistrée ; corrigez plutôt le statut : "
        "protsoc set attendance {id} {member} --status …",
        "تقوم المصادقة على الحضور المسجل؛ صحح الحالة بدلا من ذلك: "
        "protsoc set attendance {id} {member} --status …",
    ),
    "the attendance of {member} at {id} is removed": (
        "la présence de {member} à {id} est supprimée",
        "تم حذف حضور {member} في {id}",
    ),
    "the attendance of {member} at {id} is now {status}": (
        "présence de {member} à {id} : désormais {status}",
        "أصبحت حالة حضور {member} في {id}: {status}",
    ),
    "nothing to change: the attendance of {member} at {id} is already {status}": (
        "rien à modifier : la présence de {member} à {id} est déjà enregistrée comme {status}",
        "لا يوجد ما يعدل: حضور {member} في {id} مسجل أصلا بحالة: {status}",
    ),
    "nothing to change: agenda item {item} of {id} already says so": (
        "rien à modifier : le point {item} de l'ordre du jour de {id} porte déjà ces valeurs",
        "لا يوجد ما يعدل: النقطة {item} من جدول أعمال {id} تتضمن هذه القيم أصلا",
    ),
    "nothing to change: guest {guest} of {id} already says so": (
        "rien à modifier : l'invité {guest} de {id} porte déjà ces valeurs",
        "لا يوجد ما يعدل: بيانات الضيف {guest} في {id} مطابقة أصلا",
    ),
    "nothing to change: decision {ref} already says so": (
        "rien à modifier : la décision {ref} porte déjà ces valeurs",
        "لا يوجد ما يعدل: القرار {ref} يتضمن هذه القيم أصلا",
    ),
    "nothing to change: indicator {id} already says so": (
        "rien à modifier : l'indicateur {id} porte déjà ces valeurs",
        "لا يوجد ما يعدل: المؤشر {id} يتضمن هذه القيم أصلا",
    ),
    "nothing to change: {id} already says so": (
        "rien à modifier : {id} porte déjà ces valeurs",
        "لا يوجد ما يعدل: {id} يتضمن هذه القيم أصلا",
    ),
    "nothing to change: {id} is already on {date}": (
        "rien à modifier : {id} est déjà fixée au {date}",
        "لا يوجد ما يعدل: تاريخ {id} هو أصلا {date}",
    ),
    "guest {guest} of {id}": ("l'invité {guest} de {id}", "الضيف {guest} في {id}"),
    "guest {guest} of {id} changed: {changes}": (
        "invité {guest} de {id} modifié : {changes}",
        "تم تعديل بيانات الضيف {guest} في {id}: {changes}",
    ),
    "guest {guest} removed from {id}": (
        "l'invité {guest} est retiré de {id}",
        "تم حذف الضيف {guest} من {id}",
    ),
    "remove the guest's attendance first: protsoc remove attendance {id} {guest}": (
        "supprimez d'abord la présence de l'invité : protsoc remove attendance {id} {guest}",
        "احذف أولا حضور الضيف: protsoc remove attendance {id} {guest}",
    ),
    "the attendance of {id}": ("la liste de présence de {id}", "لائحة الحضور في {id}"),
    "decision {ref}": ("la décision {ref}", "القرار {ref}"),
    "decision {ref} changed: {changes}": (
        "décision {ref} modifiée : {changes}",
        "تم تعديل القرار {ref}: {changes}",
    ),
    "decision {ref} removed; the other decisions keep their numbers": (
        "la décision {ref} est supprimée ; les autres décisions gardent leur numéro",
        "تم حذف القرار {ref}؛ وتحتفظ القرارات الأخرى بأرقامها",
    ),
    "remove or correct those records first (an action: protsoc remove action ID)": (
        "supprimez ou corrigez d'abord ces enregistrements (une action : protsoc remove action ID)",
        "احذف هذه السجلات أو صححها أولا (بالنسبة للإجراء: protsoc remove action ID)",
    ),
    "indicator {id} changed: {changes}": (
        "indicateur {id} modifié : {changes}",
        "تم تعديل المؤشر {id}: {changes}",
    ),
    "the target needs a value and a date": (
        "la cible exige une valeur et une date",
        "يجب أن تتضمن القيمة المستهدفة رقما وتاريخا",
    ),
    "the baseline needs a value and a date": (
        "la situation de référence exige une valeur et une date",
        "يجب أن تتضمن القيمة المرجعية رقما وتاريخا",
    ),
    "give --{what} VALUE and {option} YYYY-MM-DD": (
        "indiquez --{what} VALEUR et {option} AAAA-MM-JJ",
        "أدخل --{what} VALUE و{option} YYYY-MM-DD",
    ),
    "{what} is not a reference number": (
        "{what} n'est pas un numéro de référence",
        "{what} ليس رقما مرجعيا صالحا",
    ),
    "give it as the register writes it (e.g. 12/2024), or next to draw one": (
        "donnez-le tel que le registre du courrier l'écrit (p. ex. 12/2024), ou next pour "
        "prendre le numéro suivant",
        "اكتبه كما هو مدون في سجل الصادر (مثلا 12/2024)، أو next لأخذ الرقم الموالي",
    ),
    "give a number (e.g. 3/2026) or next": (
        "donnez un numéro (p. ex. 3/2026) ou next",
        "أدخل رقما (مثلا 3/2026) أو next",
    ),
    "give at least one of {options}": (
        "indiquez au moins l'une des options {options}",
        "أدخل خيارا واحدا على الأقل من: {options}",
    ),
    "no indicator {id}": ("aucun indicateur {id}", "لا يوجد مؤشر {id}"),
    "list them with `protsoc list indicators`": (
        "consultez la liste avec `protsoc list indicators`",
        "اعرض قائمتها بـ`protsoc list indicators`",
    ),
    "{id} has no observation on {date}": (
        "{id} n'a pas de valeur au {date}",
        "لا توجد قيمة للمؤشر {id} بتاريخ {date}",
    ),
    "the observation of {id} on {date} is removed": (
        "la valeur de {id} au {date} est supprimée",
        "تم حذف قيمة المؤشر {id} بتاريخ {date}",
    ),
    "action {id} removed (its file {path} is deleted)": (
        "action {id} supprimée (son fichier {path} est effacé)",
        "تم حذف الإجراء {id} (وحذف ملفه {path})",
    ),
    "no action {id}": ("aucune action {id}", "لا يوجد إجراء {id}"),
    "list them with `protsoc list actions`": (
        "consultez la liste avec `protsoc list actions`",
        "اعرض قائمتها بـ`protsoc list actions`",
    ),
    "deleted {path}": ("supprimé : {path}", "تم حذف {path}"),
    "{id} moved to {date} (now {new_id})": (
        "{id} déplacée au {date} (désormais {new_id})",
        "تم نقل {id} إلى {date} (أصبح معرفه {new_id})",
    ),
    "{id} moved to {date} (now {new_id}); references rewritten in: {records}": (
        "{id} déplacée au {date} (désormais {new_id}) ; références mises à jour dans : {records}",
        "تم نقل {id} إلى {date} (أصبح معرفه {new_id})؛ وتم تحيين الإحالات في: {records}",
    ),
    "nothing is overwritten; move that meeting first, or choose another date": (
        "rien n'est écrasé ; déplacez d'abord cette réunion, ou choisissez une autre date",
        "لا يمحى أي شيء؛ انقل ذلك الاجتماع أولا أو اختر تاريخا آخر",
    ),
    "{id} is an erratum: it is filed next to the meeting it amends": (
        "{id} est un erratum : il est classé avec la réunion qu'il rectifie",
        "{id} استدراك: يحفظ إلى جانب الاجتماع الذي يصححه",
    ),
    "an erratum keeps the date of its original; correct its content instead": (
        "un erratum garde la date de l'original ; corrigez plutôt son contenu",
        "يحتفظ الاستدراك بتاريخ الأصل؛ صحح مضمونه بدلا من ذلك",
    ),
    "set it planned first: protsoc set meeting {id} --status planned": (
        "remettez-la d'abord au statut prévu : protsoc set meeting {id} --status planned",
        "أرجعه أولا إلى حالة «مبرمج»: protsoc set meeting {id} --status planned",
    ),
    (
        "approved minutes are not edited; correct them with an erratum: protsoc amend {id} "
        '--reason "…"'
    ): (
        "un procès-verbal approuvé n'est pas modifié ; rectifiez-le par un erratum : "
        'protsoc amend {id} --reason "…"',
        'لا يعدل المحضر المصادق عليه؛ صححه عبر استدراك: protsoc amend {id} --reason "…"',
    ),
    (
        "the commit must hold only this step. See the changes: git -C {top} status --short -- "
        "{files} && git -C {top} diff HEAD -- {files}; keep them: git -C {top} add -- {files} "
        '&& git -C {top} commit -m "…" -- {files}; or discard them: git -C {top} restore '
        "--source=HEAD --staged --worktree -- {files} (a new file: rm it). Then run the command "
        "again."
    ): (
        "le commit ne doit contenir que cette étape. Voir les modifications : "
        "git -C {top} status --short -- {files} && git -C {top} diff HEAD -- {files} ; "
        'les garder : git -C {top} add -- {files} && git -C {top} commit -m "…" -- {files} ; '
        "ou les abandonner : git -C {top} restore --source=HEAD --staged --worktree -- {files} "
        "(un nouveau fichier : supprimez-le avec rm). Relancez ensuite la commande.",
        "يجب ألا يتضمن الإيداع إلا هذه الخطوة. لعرض التعديلات: "
        "git -C {top} status --short -- {files} && git -C {top} diff HEAD -- {files}؛ "
        'للاحتفاظ بها: git -C {top} add -- {files} && git -C {top} commit -m "…" -- {files}؛ '
        "أو للتخلي عنها: git -C {top} restore --source=HEAD --staged --worktree -- {files} "
        "(وإن كان ملفا جديدا فاحذفه بـrm). ثم أعد تشغيل الأمر.",
    ),
    "the last commit ({sha} {subject}) was not made by a protsoc command": (
        "le dernier commit ({sha} {subject}) n'a pas été fait par une commande protsoc",
        "الإيداع الأخير ({sha} {subject}) لم يتم بأمر من protsoc",
    ),
    "protsoc undoes only its own last step; to undo another commit, use git revert {sha}": (
        "protsoc n'annule que sa propre dernière étape ; pour annuler un autre commit : "
        "git revert {sha}",
        "لا يلغي protsoc إلا آخر خطوة قام بها؛ لإلغاء إيداع آخر استعمل git revert {sha}",
    ),
    "the last commit ({sha}) is the repository's first or a merge": (
        "le dernier commit ({sha}) est le premier du dépôt ou une fusion",
        "الإيداع الأخير ({sha}) هو أول إيداع في المستودع أو عملية دمج",
    ),
    "there is no single step before it to go back to": (
        "il n'y a pas d'étape unique à laquelle revenir",
        "لا توجد خطوة واحدة سابقة يمكن الرجوع إليها",
    ),
    "there is nothing to undo: the repository has no commit": (
        "rien à annuler : le dépôt ne contient aucun commit",
        "لا يوجد ما يلغى: المستودع لا يتضمن أي إيداع",
    ),
    "the work tree has uncommitted changes: {files}": (
        "le dossier de travail contient des modifications non commitées : {files}",
        "يحتوي مجلد العمل على تعديلات غير مودعة: {files}",
    ),
    (
        "undo must not mix with work in progress. See them: git -C {top} status; commit them, "
        "or discard them (git -C {top} restore --staged --worktree -- FILE), then run protsoc "
        "undo again"
    ): (
        "l'annulation ne doit pas se mêler à un travail en cours. Pour les voir : "
        "git -C {top} status ; commitez-les ou abandonnez-les "
        "(git -C {top} restore --staged --worktree -- FICHIER), puis relancez protsoc undo",
        "يجب ألا يختلط الإلغاء بعمل جار. لعرض التعديلات: git -C {top} status؛ "
        "أودعها أو تخل عنها (git -C {top} restore --staged --worktree -- FILE) "
        "ثم أعد تشغيل protsoc undo",
    ),
    "undone: {subject} ({sha}); files restored: {files}": (
        "annulé : {subject} ({sha}) ; fichiers rétablis : {files}",
        "تم الإلغاء: {subject} ({sha})؛ الملفات المسترجعة: {files}",
    ),
    "git could not undo {sha}: {error}": (
        "git n'a pas pu annuler {sha} : {error}",
        "تعذر على git إلغاء {sha}: {error}",
    ),
    (
        "under the rule {rule}, only members who attended approve (attended: {who}); record the "
        "attendance with `protsoc add attendance`, or correct it with `protsoc set attendance "
        "{id} {member} --status present`"
    ): (
        "selon la règle {rule}, seuls les membres présents approuvent (présents : {who}) ; "
        "enregistrez la présence avec `protsoc add attendance`, ou corrigez-la avec "
        "`protsoc set attendance {id} {member} --status present`",
        "حسب القاعدة {rule}، لا يصادق إلا الأعضاء الحاضرون (الحاضرون: {who})؛ "
        "سجل الحضور بـ`protsoc add attendance` أو صححه بـ"
        "`protsoc set attendance {id} {member} --status present`",
    ),
    # search
    "{count} match": (
        ("{count} résultat", "{count} de résultats", "{count} résultats"),
        (
            "لا توجد أي نتيجة",
            "نتيجة واحدة",
            "نتيجتان",
            "{count} نتائج",
            "{count} نتيجة",
            "{count} نتيجة",
        ),
    ),
    # the official start of a Hijri month
    "Hijri month (e.g. 1446-09)": ("Mois hégirien (p. ex. 1446-09)", "الشهر الهجري (مثلا 1446-09)"),
    "Official first day (YYYY-MM-DD)": (
        "Premier jour officiel (AAAA-MM-JJ)",
        "فاتح الشهر الرسمي (YYYY-MM-DD)",
    ),
    "Source (the announcement)": ("Source (le communiqué)", "المصدر (البلاغ)"),
    "{what} {value!r} is not a Hijri month": (
        "{what} {value!r} n'est pas un mois hégirien",
        "{what} {value!r} ليس شهرا هجريا",
    ),
    "give the Hijri year and month, e.g. 1446-09 for Ramadan 1446": (
        "indiquez l'année et le mois hégiriens, p. ex. 1446-09 pour ramadan 1446",
        "أدخل السنة والشهر الهجريين، مثلا 1446-09 لشهر رمضان 1446",
    ),
    "--source is required: cite the announcement of the month's start": (
        "--source est obligatoire : citez le communiqué annonçant le début du mois",
        "الخيار --source إلزامي: اذكر البلاغ الذي أعلن بداية الشهر",
    ),
    (
        'the Ministry of Habous and Islamic Affairs announces the sighting; e.g. --source "بلاغ '
        'وزارة الأوقاف والشؤون الإسلامية"'
    ): (
        "le ministère des Habous et des Affaires islamiques annonce l'observation du croissant ; "
        'p. ex. --source "بلاغ وزارة الأوقاف والشؤون الإسلامية"',
        "تعلن وزارة الأوقاف والشؤون الإسلامية نتيجة مراقبة الهلال؛ "
        'مثلا --source "بلاغ وزارة الأوقاف والشؤون الإسلامية"',
    ),
    "{date} is not the start of Hijri month {year}-{month:02d} (computed: {computed})": (
        "le {date} n'est pas le début du mois hégirien {year}-{month:02d} (calculé : {computed})",
        "{date} ليس فاتح الشهر الهجري {year}-{month:02d} (حسب الحساب: {computed})",
    ),
    "check the year and month: an official start is a day or two from the computed one": (
        "vérifiez l'année et le mois : le début officiel est à un jour ou deux du début calculé",
        "تحقق من السنة والشهر: لا يبعد الفاتح الرسمي عن المحسوب إلا بيوم أو يومين",
    ),
    "nothing to change: Hijri month {year}-{month:02d} already starts on {date}": (
        "rien à modifier : le mois hégirien {year}-{month:02d} commence déjà le {date}",
        "لا يوجد ما يعدل: فاتح الشهر الهجري {year}-{month:02d} مسجل أصلا بتاريخ {date}",
    ),
    "Hijri month {year}-{month:02d} starts officially on {date}": (
        "le mois hégirien {year}-{month:02d} commence officiellement le {date}",
        "فاتح الشهر الهجري {year}-{month:02d} رسميا هو {date}",
    ),
    # prompts that check each answer
    "{answer!r} begins several choices: {choices}": (
        "{answer!r} est le début de plusieurs choix : {choices}",
        "{answer!r} بداية لعدة اختيارات: {choices}",
    ),
    "{answer!r} is not one of the choices; did you mean {choice}?": (
        "{answer!r} ne figure pas parmi les choix ; vouliez-vous dire {choice} ?",
        "{answer!r} ليس من بين الاختيارات؛ هل تقصد {choice}؟",
    ),
    "your answers are kept: run the same command again and press Enter to accept each one": (
        "vos réponses sont conservées : relancez la même commande et appuyez sur Entrée "
        "pour reprendre chacune",
        "تم الاحتفاظ بأجوبتك: أعد تشغيل الأمر نفسه واضغط Enter لقبول كل جواب",
    ),
    "the minutes of {id} are not approved yet": (
        "le procès-verbal de {id} n'est pas encore approuvé",
        "محضر {id} لم تتم المصادقة عليه بعد",
    ),
    (
        "draft minutes are corrected by command (protsoc set "
        "decision|agenda-item|attendance|guest, protsoc remove …, protsoc move meeting {id} "
        "--date …); an erratum is only for approved minutes"
    ): (
        "un projet de procès-verbal se corrige par commande (protsoc set "
        "decision|agenda-item|attendance|guest, protsoc remove …, protsoc move meeting {id} "
        "--date …) ; l'erratum est réservé aux procès-verbaux approuvés",
        "يصحح مشروع المحضر بالأوامر (protsoc set decision|agenda-item|attendance|guest، "
        "protsoc remove …، protsoc move meeting {id} --date …)؛ ولا يلجأ إلى الاستدراك إلا "
        "في المحاضر المصادق عليها",
    ),
    # the labels of every refusal
    "error:": ("erreur :", "خطأ:"),
    "hint:": ("conseil :", "إرشاد:"),
    "no record with id {id!r}": (
        "aucun enregistrement ne porte l'identifiant {id!r}",
        "لا يوجد أي سجل بالمعرف {id!r}",
    ),
    "meetings are <committee>/<YYYY-MM-DD>, decisions <meeting>/d<N>; see `protsoc list KIND`": (
        "une réunion s'écrit <comité>/<AAAA-MM-JJ>, une décision <réunion>/d<N> ; "
        "voir `protsoc list KIND`",
        "يكتب معرف الاجتماع <اللجنة>/<YYYY-MM-DD> ومعرف القرار <الاجتماع>/d<N>؛ "
        "انظر `protsoc list KIND`",
    ),
    # every command in the clerk's language: reports, refusals and hints of cli/ and clerk/
    # counts (ngettext): French 0-1 / whole millions / others; Arabic 0 / 1 / 2 / 3-10 /
    # 11-99 / 100 and more
    "{count} file": (
        ("{count} fichier", "{count} de fichiers", "{count} fichiers"),
        ("{count} ملف", "ملف واحد", "ملفين", "{count} ملفات", "{count} ملفا", "{count} ملف"),
    ),
    "{count} page": (
        ("{count} page", "{count} de pages", "{count} pages"),
        ("{count} صفحة", "صفحة واحدة", "صفحتين", "{count} صفحات", "{count} صفحة", "{count} صفحة"),
    ),
    "{count} record": (
        ("{count} enregistrement", "{count} d'enregistrements", "{count} enregistrements"),
        ("{count} سجل", "سجل واحد", "سجلان", "{count} سجلات", "{count} سجلا", "{count} سجل"),
    ),
    "{count} committee": (
        ("{count} comité", "{count} de comités", "{count} comités"),
        ("{count} لجنة", "لجنة واحدة", "لجنتين", "{count} لجان", "{count} لجنة", "{count} لجنة"),
    ),
    "{count} committee with review teams": (
        (
            "{count} comité doté d'équipes de relecture",
            "{count} de comités dotés d'équipes de relecture",
            "{count} comités dotés d'équipes de relecture",
        ),
        (
            "لا توجد أي لجنة لها فرق مراجعة",
            "لجنة واحدة لها فرق مراجعة",
            "لجنتان لهما فرق مراجعة",
            "{count} لجان لها فرق مراجعة",
            "{count} لجنة لها فرق مراجعة",
            "{count} لجنة لها فرق مراجعة",
        ),
    ),
    "{count} action": (
        ("{count} action", "{count} d'actions", "{count} actions"),
        (
            "{count} إجراء",
            "إجراء واحد",
            "إجراءين",
            "{count} إجراءات",
            "{count} إجراء",
            "{count} إجراء",
        ),
    ),
    "{count} late action": (
        ("{count} action en retard", "{count} d'actions en retard", "{count} actions en retard"),
        (
            "لا يوجد أي إجراء متأخر",
            "إجراء واحد متأخر",
            "إجراءان متأخران",
            "{count} إجراءات متأخرة",
            "{count} إجراء متأخرا",
            "{count} إجراء متأخر",
        ),
    ),
    "{count} indicator": (
        ("{count} indicateur", "{count} d'indicateurs", "{count} indicateurs"),
        ("{count} مؤشر", "مؤشر واحد", "مؤشرين", "{count} مؤشرات", "{count} مؤشرا", "{count} مؤشر"),
    ),
    "{count} milestone": (
        ("{count} jalon", "{count} de jalons", "{count} jalons"),
        (
            "{count} مرحلة",
            "مرحلة واحدة",
            "مرحلتان",
            "{count} مراحل",
            "{count} مرحلة",
            "{count} مرحلة",
        ),
    ),
    "{count} day late": (
        ("{count} jour de retard", "{count} de jours de retard", "{count} jours de retard"),
        (
            "بدون تأخير",
            "متأخر بيوم واحد",
            "متأخر بيومين",
            "متأخر بـ{count} أيام",
            "متأخر بـ{count} يوما",
            "متأخر بـ{count} يوم",
        ),
    ),
    "{count} day left": (
        ("{count} jour restant", "{count} de jours restants", "{count} jours restants"),
        (
            "لم يبق أي يوم",
            "بقي يوم واحد",
            "بقي يومان",
            "بقيت {count} أيام",
            "بقي {count} يوما",
            "بقي {count} يوم",
        ),
    ),
    "due today": ("dû aujourd'hui", "مستحق اليوم"),
    "due soon = next meeting due within {count} day": (
        (
            "échéance proche = prochaine réunion due dans {count} jour",
            "échéance proche = prochaine réunion due dans {count} de jours",
            "échéance proche = prochaine réunion due dans {count} jours",
        ),
        (
            "قرب الأجل = الاجتماع المقبل مستحق اليوم",
            "قرب الأجل = الاجتماع المقبل مستحق خلال يوم واحد",
            "قرب الأجل = الاجتماع المقبل مستحق خلال يومين",
            "قرب الأجل = الاجتماع المقبل مستحق خلال {count} أيام",
            "قرب الأجل = الاجتماع المقبل مستحق خلال {count} يوما",
            "قرب الأجل = الاجتماع المقبل مستحق خلال {count} يوم",
        ),
    ),
    "period {start} to {end}: {held} of {required} required held meeting": (
        (
            "période du {start} au {end} : {held} réunion tenue sur {required} requise",
            "période du {start} au {end} : {held} réunions tenues sur {required} requises",
            "période du {start} au {end} : {held} réunions tenues sur {required} requises",
        ),
        (
            "الفترة من {start} إلى {end}: انعقد {held} من أصل {required} اجتماع مطلوب",
            "الفترة من {start} إلى {end}: انعقد {held} من أصل اجتماع واحد مطلوب",
            "الفترة من {start} إلى {end}: انعقد {held} من أصل اجتماعين مطلوبين",
            "الفترة من {start} إلى {end}: انعقد {held} من أصل {required} اجتماعات مطلوبة",
            "الفترة من {start} إلى {end}: انعقد {held} من أصل {required} اجتماعا مطلوبا",
            "الفترة من {start} إلى {end}: انعقد {held} من أصل {required} اجتماع مطلوب",
        ),
    ),
    "dry run: nothing was written ({count} record would change)": (
        (
            "simulation : rien n'a été écrit ({count} enregistrement serait modifié)",
            "simulation : rien n'a été écrit ({count} d'enregistrements seraient modifiés)",
            "simulation : rien n'a été écrit ({count} enregistrements seraient modifiés)",
        ),
        (
            "تجربة: لم يكتب أي شيء (لن يتغير أي سجل)",
            "تجربة: لم يكتب أي شيء (سيتغير سجل واحد)",
            "تجربة: لم يكتب أي شيء (سيتغير سجلان)",
            "تجربة: لم يكتب أي شيء (ستتغير {count} سجلات)",
            "تجربة: لم يكتب أي شيء (سيتغير {count} سجلا)",
            "تجربة: لم يكتب أي شيء (سيتغير {count} سجل)",
        ),
    ),
    "has {count} part: too many for a workbook": (
        (
            "compte {count} partie : trop pour un classeur",
            "compte {count} de parties : trop pour un classeur",
            "compte {count} parties : trop pour un classeur",
        ),
        (
            "يضم {count} جزء: وهذا أكثر مما يحتمله مصنف",
            "يضم جزءا واحدا: وهذا أكثر مما يحتمله مصنف",
            "يضم جزأين: وهذا أكثر مما يحتمله مصنف",
            "يضم {count} أجزاء: وهذا أكثر مما يحتمله مصنف",
            "يضم {count} جزءا: وهذا أكثر مما يحتمله مصنف",
            "يضم {count} جزء: وهذا أكثر مما يحتمله مصنف",
        ),
    ),
    "{count} sealed minutes checked against history": (
        (
            "{count} procès-verbal scellé vérifié dans l'historique",
            "{count} de procès-verbaux scellés vérifiés dans l'historique",
            "{count} procès-verbaux scellés vérifiés dans l'historique",
        ),
        (
            "لم يتحقق من أي محضر مختوم في تاريخ git",
            "تم التحقق من محضر مختوم واحد في تاريخ git",
            "تم التحقق من محضرين مختومين في تاريخ git",
            "تم التحقق من {count} محاضر مختومة في تاريخ git",
            "تم التحقق من {count} محضرا مختوما في تاريخ git",
            "تم التحقق من {count} محضر مختوم في تاريخ git",
        ),
    ),
    "{count} changed": (
        ("{count} modifié", "{count} de modifiés", "{count} modifiés"),
        (
            "لم يعدل أي منها",
            "عدل واحد منها",
            "عدل اثنان منها",
            "عدلت {count} منها",
            "عدل {count} منها",
            "عدل {count} منها",
        ),
    ),
    "{count} indicator: {stale} stale, {no_data} without data, {no_target} without target": (
        (
            "{count} indicateur : {stale} non à jour, {no_data} sans donnée, "
            "{no_target} sans cible",
            "{count} d'indicateurs : {stale} non à jour, {no_data} sans donnée, "
            "{no_target} sans cible",
            "{count} indicateurs : {stale} non à jour, {no_data} sans donnée, "
            "{no_target} sans cible",
        ),
        (
            "لا يوجد أي مؤشر",
            "مؤشر واحد: {stale} غير محين، {no_data} بدون معطيات، {no_target} بدون قيمة مستهدفة",
            "مؤشران: {stale} غير محينة، {no_data} بدون معطيات، {no_target} بدون قيمة مستهدفة",
            "{count} مؤشرات: {stale} غير محينة، {no_data} بدون معطيات، "
            "{no_target} بدون قيمة مستهدفة",
            "{count} مؤشرا: {stale} غير محينة، {no_data} بدون معطيات، "
            "{no_target} بدون قيمة مستهدفة",
            "{count} مؤشر: {stale} غير محينة، {no_data} بدون معطيات، {no_target} بدون قيمة مستهدفة",
        ),
    ),
    (
        "{count} decision: {late} late, {without_plan} without action plan, {done} done "
        "({late_actions}) as of {date}"
    ): (
        (
            "{count} décision : {late} en retard, {without_plan} sans plan d'action, "
            "{done} réalisée ({late_actions}) au {date}",
            "{count} de décisions : {late} en retard, {without_plan} sans plan d'action, "
            "{done} réalisées ({late_actions}) au {date}",
            "{count} décisions : {late} en retard, {without_plan} sans plan d'action, "
            "{done} réalisées ({late_actions}) au {date}",
        ),
        (
            "لا يوجد أي قرار في {date}",
            "قرار واحد: {late} متأخر، {without_plan} بدون خطة عمل، {done} منجز "
            "({late_actions}) في {date}",
            "قراران: {late} متأخرة، {without_plan} بدون خطة عمل، {done} منجزة "
            "({late_actions}) في {date}",
            "{count} قرارات: {late} متأخرة، {without_plan} بدون خطة عمل، {done} منجزة "
            "({late_actions}) في {date}",
            "{count} قرارا: {late} متأخرة، {without_plan} بدون خطة عمل، {done} منجزة "
            "({late_actions}) في {date}",
            "{count} قرار: {late} متأخرة، {without_plan} بدون خطة عمل، {done} منجزة "
            "({late_actions}) في {date}",
        ),
    ),
    # the reports' plain lines
    "{verdict}: {files}, {errors}, {warnings}": (
        "{verdict} : {files}, {errors}, {warnings}",
        "{verdict}: {files}، {errors}، {warnings}",
    ),
    "intact": ("intact", "سليم"),
    "broken": ("rompu", "مخترق"),
    "{verdict}: {sealed}, {changed} since approval": (
        "{verdict} : {sealed}, {changed} depuis l'approbation",
        "{verdict}: {sealed}، {changed} بعد المصادقة",
    ),
    "Meeting cadence as of {date}": (
        "Périodicité des réunions au {date}",
        "دورية الاجتماعات في {date}",
    ),
    ", evaluated since {date}": (", évaluée depuis le {date}", "، مقيمة ابتداء من {date}"),
    "rule:": ("règle :", "القاعدة:"),
    "source:": ("source :", "المصدر:"),
    "judged from {date}": ("jugée à partir du {date}", "تقيم المطابقة ابتداء من {date}"),
    "dissolved on {date}": ("dissous le {date}", "حلت بتاريخ {date}"),
    "last held: {meeting}; next due: {date} ({days})": (
        "dernière réunion tenue : {meeting} ; prochaine due : {date} ({days})",
        "آخر اجتماع منعقد: {meeting}؛ الاجتماع المقبل مستحق في: {date} ({days})",
    ),
    "none recorded": ("aucune enregistrée", "لا شيء مسجل"),
    "breach": ("manquement", "إخلال"),
    "no held meeting since {start}: due by {deadline}, {late} on {end} (still open)": (
        "aucune réunion tenue depuis le {start} : due au plus tard le {deadline}, "
        "{late} au {end} (toujours ouvert)",
        "لم ينعقد أي اجتماع منذ {start}: كان مستحقا قبل {deadline}، {late} في {end} "
        "(ولا يزال قائما)",
    ),
    "gap {start} to {end}: due by {deadline}, held {late}": (
        "intervalle du {start} au {end} : due au plus tard le {deadline}, tenue avec {late}",
        "الفاصل من {start} إلى {end}: كان مستحقا قبل {deadline}، وانعقد {late}",
    ),
    "{records}; meetings tracked since {date}": (
        "{records} ; réunions suivies depuis le {date}",
        "{records}؛ تتبع الاجتماعات منذ {date}",
    ),
    "unknown": ("inconnue", "غير معروف"),
    "the registry has {errors} in {files} ({names}); status needs valid records": (
        "le registre contient {errors} dans {files} ({names}) ; status a besoin "
        "d'enregistrements valides",
        "في السجل {errors} في {files} ({names})؛ ويحتاج الأمر status إلى سجلات صالحة",
    ),
    "run `protsoc validate` to see them and fix them": (
        "lancez `protsoc validate` pour les voir et les corriger",
        "شغل `protsoc validate` لعرضها وتصحيحها",
    ),
    "; ≈ about, > more than, ≥ at least, < less than": (
        " ; ≈ environ, > plus de, ≥ au moins, < moins de",
        "؛ ≈ حوالي، > أكثر من، ≥ على الأقل، < أقل من",
    ),
    "{judged}; source: {source}": ("{judged} ; source : {source}", "{judged}؛ المصدر: {source}"),
    "{count} programme; no budget or ledger event recorded (protsoc finance)": (
        (
            "{count} programme ; aucun budget ni aucune opération enregistrés (protsoc finance)",
            "{count} de programmes ; aucun budget ni aucune opération enregistrés "
            "(protsoc finance)",
            "{count} programmes ; aucun budget ni aucune opération enregistrés (protsoc finance)",
        ),
        (
            "لا يوجد أي برنامج؛ لم تسجل أي ميزانية ولا أي عملية مالية (protsoc finance)",
            "برنامج واحد؛ لم تسجل أي ميزانية ولا أي عملية مالية (protsoc finance)",
            "برنامجان؛ لم تسجل أي ميزانية ولا أي عملية مالية (protsoc finance)",
            "{count} برامج؛ لم تسجل أي ميزانية ولا أي عملية مالية (protsoc finance)",
            "{count} برنامجا؛ لم تسجل أي ميزانية ولا أي عملية مالية (protsoc finance)",
            "{count} برنامج؛ لم تسجل أي ميزانية ولا أي عملية مالية (protsoc finance)",
        ),
    ),
    (
        "{count} programme: committed {committed} MAD, paid {paid} MAD; {not_reported} not "
        "reported for {period} (protsoc finance)"
    ): (
        (
            "{count} programme : engagé {committed} MAD, payé {paid} MAD ; {not_reported} "
            "sans déclaration pour {period} (protsoc finance)",
            "{count} de programmes : engagé {committed} MAD, payé {paid} MAD ; {not_reported} "
            "sans déclaration pour {period} (protsoc finance)",
            "{count} programmes : engagé {committed} MAD, payé {paid} MAD ; {not_reported} "
            "sans déclaration pour {period} (protsoc finance)",
        ),
        (
            "لا يوجد أي برنامج:"
            " الملتزم به {committed} درهم، المؤدى {paid} درهم؛ "
            "{not_reported} دون تصريح برسم {period} (protsoc finance)",
            "برنامج واحد:"
            " الملتزم به {committed} درهم، المؤدى {paid} درهم؛ "
            "{not_reported} دون تصريح برسم {period} (protsoc finance)",
            "برنامجان:"
            " الملتزم به {committed} درهم، المؤدى {paid} درهم؛ "
            "{not_reported} دون تصريح برسم {period} (protsoc finance)",
            "{count} برامج:"
            " الملتزم به {committed} درهم، المؤدى {paid} درهم؛ "
            "{not_reported} دون تصريح برسم {period} (protsoc finance)",
            "{count} برنامجا:"
            " الملتزم به {committed} درهم، المؤدى {paid} درهم؛ "
            "{not_reported} دون تصريح برسم {period} (protsoc finance)",
            "{count} برنامج:"
            " الملتزم به {committed} درهم، المؤدى {paid} درهم؛ "
            "{not_reported} دون تصريح برسم {period} (protsoc finance)",
        ),
    ),
    "unknown document {document!r}": (
        "document inconnu {document!r}",
        "وثيقة غير معروفة {document!r}",
    ),
    (
        "use `protsoc render minutes MEETING` or `protsoc render convocation MEETING`; the "
        "follow-up report is `protsoc report`"
    ): (
        "utilisez `protsoc render minutes RÉUNION` ou `protsoc render convocation RÉUNION` ; le "
        "rapport de suivi s'obtient avec `protsoc report`",
        "استعمل `protsoc render minutes MEETING` أو `protsoc render convocation MEETING`؛ "
        "أما تقرير التتبع فيعد بـ`protsoc report`",
    ),
    "{path} is in sync with protsoc's schemas": (
        "{path} est conforme aux schémas de protsoc",
        "{path} مطابق لمخططات protsoc",
    ),
    "removed {path}": ("supprimé : {path}", "تم حذف {path}"),
    "{answer!r} is not a whole number": (
        "{answer!r} n'est pas un nombre entier",
        "{answer!r} ليس عددا صحيحا",
    ),
    "interrupted": ("interrompu", "تم الإيقاف"),
    "cannot use {path}: {reason}": (
        "impossible d'utiliser {path} : {reason}",
        "تعذر استعمال {path}: {reason}",
    ),
    "cannot go on: {reason}": ("impossible de continuer : {reason}", "تعذرت المتابعة: {reason}"),
    "protsoc hit an internal error": (
        "protsoc a rencontré une erreur interne",
        "وقع خطأ داخلي في protsoc",
    ),
    (
        "(a bug, not your data). The details are in {log}; please attach that file when you "
        "report it."
    ): (
        "(une anomalie du logiciel, pas de vos données). Le détail est dans {log} ; merci de "
        "joindre ce fichier à votre signalement.",
        "(خلل في البرنامج وليس في معطياتك). التفاصيل في {log}؛ المرجو إرفاق هذا الملف عند "
        "التبليغ عن الخلل.",
    ),
    "warning:": ("avertissement :", "تنبيه:"),
    "no committee records secretariat.review_teams: no CODEOWNERS needed": (
        "aucun comité n'indique secretariat.review_teams : pas besoin de CODEOWNERS",
        "لا توجد أي لجنة تحدد secretariat.review_teams: لا حاجة إلى CODEOWNERS",
    ),
    "no indicators in the national dashboard as of {date}": (
        "aucun indicateur dans le tableau de bord national au {date}",
        "لا يوجد أي مؤشر في لوحة القيادة الوطنية في {date}",
    ),
    "stale:": ("non à jour :", "غير محين:"),
    "{id} ({frequency}): a value was due by {date}": (
        "{id} ({frequency}) : une valeur était attendue au plus tard le {date}",
        "{id} ({frequency}): كانت قيمة جديدة مستحقة قبل {date}",
    ),
    "no {status} decisions recorded as of {date}": (
        "aucune décision au statut {status} enregistrée au {date}",
        "لا يوجد أي قرار بالحالة {status} مسجل في {date}",
    ),
    "no decisions or recommendations recorded as of {date}": (
        "aucune décision ni recommandation enregistrée au {date}",
        "لا يوجد أي قرار أو توصية مسجلة في {date}",
    ),
    "action {id} carries out no recorded decision": (
        "l'action {id} ne met en œuvre aucune décision enregistrée",
        "الإجراء {id} لا ينفذ أي قرار مسجل",
    ),
    "held meetings with no decision recorded: {meetings}": (
        "réunions tenues sans décision enregistrée : {meetings}",
        "اجتماعات منعقدة دون أي قرار مسجل: {meetings}",
    ),
    "financial follow-up as of {date} (amounts in MAD)": (
        "suivi financier au {date} (montants en MAD)",
        "التتبع المالي في {date} (المبالغ بالدرهم)",
    ),
    "nothing recorded for this selection": (
        "rien n'est enregistré pour cette sélection",
        "لا يوجد أي شيء مسجل لهذا الاختيار",
    ),
    "not reported for {period}": ("non déclaré pour {period}", "لم يصرح به برسم {period}"),
    "every programme and action with a budget reported for {period}": (
        "chaque programme et chaque action dotés d'un budget ont été déclarés pour {period}",
        "تم التصريح برسم {period} بكل برنامج وإجراء له ميزانية",
    ),
    "mobilised resources": ("ressources mobilisées", "الموارد المعبأة"),
    "guiding principles": ("principes directeurs", "المبادئ التوجيهية"),
    "not recorded:": ("non enregistré :", "غير مسجل:"),
    "{items} (no source gives them yet)": (
        "{items} (aucune source ne les donne encore)",
        "{items} (لا يذكرها أي مصدر بعد)",
    ),
    "wrote {path}: {meetings} and {reminders} ({new} new, {updated} updated, {withdrawn} "
    "withdrawn)": (
        "{path} écrit : {meetings} et {reminders} ({new} nouveaux, {updated} mis à jour, "
        "{withdrawn} retirés)",
        "تم تسجيل {path}: {meetings} و{reminders} (جديدة: {new}، محينة: {updated}، "
        "مسحوبة: {withdrawn})",
    ),
    "{count} meeting": (
        ("{count} réunion", "{count} de réunions", "{count} réunions"),
        (
            "{count} اجتماع",
            "اجتماع واحد",
            "اجتماعين",
            "{count} اجتماعات",
            "{count} اجتماعا",
            "{count} اجتماع",
        ),
    ),
    "{count} due-date reminder": (
        (
            "{count} rappel d'échéance",
            "{count} de rappels d'échéance",
            "{count} rappels d'échéance",
        ),
        (
            "{count} تذكير بالأجل",
            "تذكير واحد بالأجل",
            "تذكيرين بالأجل",
            "{count} تذكيرات بالأجل",
            "{count} تذكيرا بالأجل",
            "{count} تذكير بالأجل",
        ),
    ),
    (
        "erratum {erratum} amends {meeting}; next: correct it by command (protsoc set "
        "meeting|agenda-item|attendance|guest|decision {erratum} …, protsoc remove …), then "
        "approve it: protsoc approve {erratum} --by MEMBER"
    ): (
        "l'erratum {erratum} modifie {meeting} ; ensuite : corrigez-le par commande (protsoc set "
        "meeting|agenda-item|attendance|guest|decision {erratum} …, protsoc remove …), puis "
        "approuvez-le : protsoc approve {erratum} --by MEMBRE",
        "الاستدراك {erratum} يعدل {meeting}؛ الخطوة التالية: صححه بالأوامر (protsoc set "
        "meeting|agenda-item|attendance|guest|decision {erratum} …، protsoc remove …)، ثم "
        "صادق عليه: protsoc approve {erratum} --by MEMBER",
    ),
    "unknown --format {value!r}": (
        "--format {value!r} inconnu",
        "قيمة --format غير معروفة: {value!r}",
    ),
    "{what} {value!r} is not a date": (
        "{what} {value!r} n'est pas une date",
        "{what} {value!r} ليس تاريخا",
    ),
    "write it as YYYY-MM-DD, e.g. 2026-11-22": (
        "écrivez-la au format AAAA-MM-JJ, p. ex. 2026-11-22",
        "اكتبه بصيغة YYYY-MM-DD، مثلا 2026-11-22",
    ),
    "{committed} of {budget}": ("{committed} sur {budget}", "{committed} من أصل {budget}"),
    (
        "the Technical Committee turns every decision into an action plan: "
        "`protsoc add action DECISION --title … --owner … --due …`"
    ): (
        "le Comité technique traduit chaque décision en plan d'action : "
        "`protsoc add action DÉCISION --title … --owner … --due …`",
        "تحول اللجنة التقنية كل قرار إلى خطة عمل: "
        "`protsoc add action DECISION --title … --owner … --due …`",
    ),
    "late:": ("en retard :", "متأخر:"),
    "nothing late": ("aucun retard", "لا يوجد أي تأخير"),
    (
        "no evaluations recorded (the Steering Committee launches them; record one with "
        "`protsoc add evaluation` when a source reports it)"
    ): (
        "aucune évaluation enregistrée (le Comité de pilotage les lance ; enregistrez-en une avec "
        "`protsoc add evaluation` quand une source la rapporte)",
        "لا يوجد أي تقييم مسجل (تطلقها اللجنة التوجيهية؛ سجل التقييم بـ`protsoc add evaluation` "
        "عندما يرد في مصدر)",
    ),
    "no programmes recorded (record one with `protsoc add programme`)": (
        "aucun programme enregistré (enregistrez-en un avec `protsoc add programme`)",
        "لا يوجد أي برنامج مسجل (سجل البرنامج بـ`protsoc add programme`)",
    ),
    "wrote {files} under {path} ({committees})": (
        "{files} écrits dans {path} ({committees})",
        "تم تسجيل {files} في {path} ({committees})",
    ),
    "wrote {pages} and {files} to {folder} ({languages}; data archive {archive})": (
        "{pages} et {files} écrits dans {folder} ({languages} ; archive des données {archive})",
        "تم تسجيل {pages} و{files} في {folder} ({languages}؛ أرشيف المعطيات {archive})",
    ),
    "Amiri not found: install fonts-hosny-amiri": (
        "police Amiri introuvable : installez fonts-hosny-amiri",
        "لم يعثر على خط Amiri: ثبت الحزمة fonts-hosny-amiri",
    ),
    "wrote {path} ({committees})": (
        "{path} écrit ({committees})",
        "تم تسجيل {path} ({committees})",
    ),
    "{path} is up to date ({committees})": (
        "{path} est à jour ({committees})",
        "{path} محين ({committees})",
    ),
    "wrote {path}: {actions}, {indicators} for {body}": (
        "{path} écrit : {actions}, {indicators} pour {body}",
        "تم تسجيل {path}: {actions} و{indicators} لفائدة {body}",
    ),
    "CI and pre-commit install {requirement} ({why})": (
        "la CI et pre-commit installent {requirement} ({why})",
        "تثبت CI وpre-commit الحزمة {requirement} ({why})",
    ),
    "no committees": ("aucun comité", "بدون لجان"),
    # refusals and hints of the clerk's commands
    "--by is only for --status represented": (
        "--by ne s'emploie qu'avec --status represented",
        "لا يستعمل --by إلا مع --status represented",
    ),
    "--cadence is required": ("--cadence est obligatoire", "--cadence مطلوب"),
    "--install takes one pip requirement, without quotes or $: {spec!r}": (
        "--install prend une seule exigence pip, sans guillemets ni $ : {spec!r}",
        "يقبل --install متطلبا واحدا لـpip، دون علامات تنصيص أو $: {spec!r}",
    ),
    "--managed-by NAME (after =)": ("--managed-by NOM (après =)", "--managed-by الاسم (بعد =)"),
    "--name names one person: give one member post with it": (
        "--name désigne une seule personne : donnez un seul siège de membre avec",
        "يسمي --name شخصا واحدا: أعط معه مقعد عضو واحدا",
    ),
    "--owner is required (the decision names no owner)": (
        "--owner est obligatoire (la décision ne désigne aucun responsable)",
        "--owner مطلوب (لا يحدد القرار أي جهة مسؤولة)",
    ),
    "--priority must be 1 or more": (
        "--priority doit valoir 1 ou plus",
        "يجب أن تكون قيمة --priority مساوية لـ1 أو أكثر",
    ),
    "1 is the first question by priority": (
        "1 désigne la première question par ordre de priorité",
        "1 هي أولى النقط حسب الأولوية",
    ),
    "--reported-by is required": ("--reported-by est obligatoire", "--reported-by مطلوب"),
    "--since is required with --title or --holder": (
        "--since est obligatoire avec --title ou --holder",
        "--since مطلوب مع --title أو --holder",
    ),
    "--source is required for an observation": (
        "--source est obligatoire pour une observation",
        "--source مطلوب لكل قيمة مسجلة",
    ),
    "--tracking-start takes a date YYYY-MM-DD, not {value}": (
        "--tracking-start prend une date AAAA-MM-JJ, pas {value}",
        "يقبل --tracking-start تاريخا بصيغة YYYY-MM-DD، وليس {value}",
    ),
    "--value is required": ("--value est obligatoire", "--value مطلوب"),
    "--year is required": ("--year est obligatoire", "--year مطلوب"),
    "add --kind KIND": ("ajoutez --kind TYPE", "أضف --kind النوع"),
    "add it first with `protsoc add agenda-item {id} TEXT`": (
        "ajoutez-le d'abord avec `protsoc add agenda-item {id} TEXTE`",
        "أضفها أولا بـ`protsoc add agenda-item {id} TEXT`",
    ),
    "add it with --status planned, and `protsoc set meeting … --status held` afterwards": (
        "ajoutez-la avec --status planned, puis `protsoc set meeting … --status held` ensuite",
        "أضفه بـ--status planned، ثم `protsoc set meeting … --status held` بعد انعقاده",
    ),
    "an amount in {currency} needs --rate": (
        "un montant en {currency} exige --rate",
        "يتطلب مبلغ بعملة {currency} الخيار --rate",
    ),
    "cannot list {kind!r}": ("impossible de lister {kind!r}", "لا يمكن سرد {kind!r}"),
    "list one of: committees, members, meetings, decisions, actions, indicators, evaluations": (
        "listez l'un de : committees, members, meetings, decisions, actions, indicators, "
        "evaluations",
        "اسرد أحد الأنواع التالية: committees، members، meetings، decisions، actions، "
        "indicators، evaluations",
    ),
    "cannot tell where CI should install protsoc from: {why}": (
        "impossible de savoir d'où la CI doit installer protsoc : {why}",
        "تعذر تحديد المصدر الذي يجب أن تثبت منه CI أداة protsoc: {why}",
    ),
    "check out a branch first": ("placez-vous d'abord sur une branche", "انتقل إلى فرع أولا"),
    "check out a branch first (git switch main), or give --branch NAME": (
        "placez-vous d'abord sur une branche (git switch main), ou donnez --branch NOM",
        "انتقل إلى فرع أولا (git switch main)، أو أعط --branch الاسم",
    ),
    "check the post's since/until dates (protsoc show {committee})": (
        "vérifiez les dates de début et de fin du siège (protsoc show {committee})",
        "تحقق من تاريخي بداية المقعد ونهايته (protsoc show {committee})",
    ),
    "choose another --id": ("choisissez un autre --id", "اختر --id آخر"),
    "choose another name, or switch to it with git and run without --branch": (
        "choisissez un autre nom, ou passez-y avec git et relancez sans --branch",
        "اختر اسما آخر، أو انتقل إليه بـgit وأعد التشغيل بدون --branch",
    ),
    "cite the document the figure comes from": (
        "citez le document d'où vient le chiffre",
        "اذكر الوثيقة التي أخذ منها الرقم",
    ),
    (
        "commit or unstage them first (git restore --staged FILE): protsoc commits only the "
        "files it changes"
    ): (
        "commitez-les ou retirez-les de l'index d'abord (git restore --staged FICHIER) : protsoc "
        "ne commite que les fichiers qu'il modifie",
        "أودعها أو أخرجها من التهيئة أولا (git restore --staged FILE): لا يودع protsoc إلا "
        "الملفات التي يعدلها",
    ),
    "commit or unstage them first: init commits only its own files": (
        "commitez-les ou retirez-les de l'index d'abord : init ne commite que ses propres fichiers",
        "أودعها أو أخرجها من التهيئة أولا: لا يودع init إلا ملفاته",
    ),
    "declared: {known}": ("déclarées : {known}", "المصادر المصرح بها: {known}"),
    "drop --commit": ("retirez --commit", "احذف --commit"),
    "fix the repository with git, then run the command again": (
        "réparez le dépôt avec git, puis relancez la commande",
        "أصلح المستودع بـgit، ثم أعد تشغيل الأمر",
    ),
    "git is not installed": ("git n'est pas installé", "git غير مثبت"),
    "git {command} failed: {error}": (
        "git {command} a échoué : {error}",
        "فشل git {command}: {error}",
    ),
    "give --status and/or --progress": (
        "donnez --status et/ou --progress",
        "أعط --status أو --progress أو كليهما",
    ),
    "give --title and --since, --holder and --since, or --until": (
        "donnez --title et --since, --holder et --since, ou --until",
        "أعط --title مع --since، أو --holder مع --since، أو --until",
    ),
    "give <committee-id>/<member-id>": ("donnez <comité>/<membre>", "أعط <اللجنة>/<العضو>"),
    "give <member-id> or <committee-id>/<member-id>": (
        "donnez <membre> ou <comité>/<membre>",
        "أعط <العضو> أو <اللجنة>/<العضو>",
    ),
    "give `none`, or N/PERIOD[/MODE] such as 1/P6M/rolling": (
        "donnez `none`, ou N/PÉRIODE[/MODE] comme 1/P6M/rolling",
        "أعط `none` أو N/PERIOD[/MODE] مثل 1/P6M/rolling",
    ),
    (
        "give `none`, or N/PERIOD[/MODE]: N ≥ 1, PERIOD one of {periods}, MODE calendar or "
        "rolling (e.g. 1/P6M/rolling)"
    ): (
        "donnez `none`, ou N/PÉRIODE[/MODE] : N ≥ 1, PÉRIODE parmi {periods}, MODE calendar ou "
        "rolling (p. ex. 1/P6M/rolling)",
        "أعط `none` أو N/PERIOD[/MODE]: N ≥ 1، وPERIOD إحدى القيم {periods}، وMODE إما calendar "
        "أو rolling (مثلا 1/P6M/rolling)",
    ),
    "give a --since after the current one's start": (
        "donnez un --since postérieur au début de l'actuel",
        "أعط --since لاحقا لبداية الحالي",
    ),
    "give a date up to today": (
        "donnez une date qui ne dépasse pas aujourd'hui",
        "أعط تاريخا لا يتجاوز اليوم",
    ),
    "give a whole number from 0 to 100": (
        "donnez un nombre entier de 0 à 100",
        "أعط عددا صحيحا من 0 إلى 100",
    ),
    "give at least one member post": (
        "donnez au moins un siège de membre",
        "أعط مقعد عضو واحدا على الأقل",
    ),
    "give at least one of --status, --time, --end-time, --place, --kind, --number": (
        "donnez au moins l'un de --status, --time, --end-time, --place, --kind, --number",
        "أعط واحدا على الأقل من --status و--time و--end-time و--place و--kind و--number",
    ),
    "give it as <meeting-id>/d<N>, e.g. technical/2025-03-10/d1": (
        "donnez-la sous la forme <réunion>/d<N>, p. ex. technical/2025-03-10/d1",
        "أدخله بصيغة <الاجتماع>/d<N>، مثلا technical/2025-03-10/d1",
    ),
    (
        "give it: --install 'protsoc==VERSION' (a package index) or --install 'protsoc @ "
        "git+https://FORGE/protsoc.git@COMMIT'"
    ): (
        "donnez-la : --install 'protsoc==VERSION' (un index de paquets) ou --install 'protsoc @ "
        "git+https://FORGE/protsoc.git@COMMIT'",
        "حدده: --install 'protsoc==VERSION' (فهرس حزم) أو --install 'protsoc @ "
        "git+https://FORGE/protsoc.git@COMMIT'",
    ),
    "give the date the member approved the minutes": (
        "donnez la date à laquelle le membre a approuvé le procès-verbal",
        "أعط تاريخ مصادقة العضو على المحضر",
    ),
    "give the dirhams per unit of the currency, e.g. --rate 10.85 --rate-date 2025-03-01": (
        "donnez le nombre de dirhams par unité de la devise, p. ex. --rate 10.85 "
        "--rate-date 2025-03-01",
        "أعط عدد الدراهم مقابل وحدة العملة، مثلا --rate 10.85 --rate-date 2025-03-01",
    ),
    "give the figure in the indicator's unit (e.g. 11100000)": (
        "donnez le chiffre dans l'unité de l'indicateur (p. ex. 11100000)",
        "أعط الرقم بوحدة المؤشر (مثلا 11100000)",
    ),
    "give the first day of the new title or holder": (
        "donnez le premier jour du nouvel intitulé ou du nouveau titulaire",
        "أعط أول يوم للتسمية الجديدة أو لشاغل المقعد الجديد",
    ),
    "give the fiscal year, e.g. 2025": (
        "donnez l'exercice budgétaire, p. ex. 2025",
        "أعط السنة المالية، مثلا 2025",
    ),
    "give the id of the event being corrected (t1, t2, …)": (
        "donnez l'identifiant de l'opération corrigée (t1, t2, …)",
        "أعط معرف العملية المصححة (t1، t2، …)",
    ),
    "give the post that reported the event, as <committee-id>/<member-id>": (
        "donnez le siège qui a déclaré l'opération, sous la forme <comité>/<membre>",
        "أعط المقعد الذي صرح بالعملية بصيغة <اللجنة>/<العضو>",
    ),
    "init never overwrites files; choose an empty folder": (
        "init n'écrase jamais de fichiers ; choisissez un dossier vide",
        "لا يكتب init فوق أي ملف أبدا؛ اختر مجلدا فارغا",
    ),
    "install git (e.g. apt-get install git), or run without --commit": (
        "installez git (p. ex. apt-get install git), ou lancez sans --commit",
        "ثبت git (مثلا apt-get install git)، أو شغل الأمر بدون --commit",
    ),
    "it was installed from the local folder {url}, which CI cannot fetch": (
        "il a été installé depuis le dossier local {url}, que la CI ne peut pas récupérer",
        "تم تثبيته من المجلد المحلي {url}، الذي لا تستطيع CI جلبه",
    ),
    "its direct_url.json cannot be read": (
        "son direct_url.json est illisible",
        "تعذرت قراءة ملفه direct_url.json",
    ),
    "list them with `protsoc list decisions`": (
        "listez-les avec `protsoc list decisions`",
        "اعرضها بـ`protsoc list decisions`",
    ),
    "list them with `protsoc programmes` and `protsoc list actions`": (
        "listez-les avec `protsoc programmes` et `protsoc list actions`",
        "اعرضها بـ`protsoc programmes` و`protsoc list actions`",
    ),
    "no decision {id}": ("aucune décision {id}", "لا يوجد قرار {id}"),
    "nothing is overwritten; one value per date": (
        "rien n'est écrasé ; une valeur par date",
        "لا يتم الكتابة فوق أي قيمة؛ قيمة واحدة لكل تاريخ",
    ),
    "nothing is overwritten; see it with `protsoc show {id}`": (
        "rien n'est écrasé ; consultez-le avec `protsoc show {id}`",
        "لا يتم الكتابة فوق أي سجل؛ اطلع عليه بـ`protsoc show {id}`",
    ),
    "nothing was written; please report this bug": (
        "rien n'a été écrit ; merci de signaler cette anomalie",
        "لم يكتب أي شيء؛ المرجو التبليغ عن هذا الخلل",
    ),
    "posts are never reused: use `protsoc set member` to change it, or choose another id": (
        "un siège n'est jamais réutilisé : utilisez `protsoc set member` pour le modifier, ou "
        "choisissez un autre identifiant",
        "لا يعاد استعمال المقاعد أبدا: استعمل `protsoc set member` لتعديله، أو اختر معرفا آخر",
    ),
    "programme": ("programme", "البرنامج"),
    "protsoc is not installed as a distribution": (
        "protsoc n'est pas installé comme distribution",
        "protsoc غير مثبت كحزمة توزيع",
    ),
    "registry numbers are at most {digits} digits": (
        "les nombres du registre ont au plus {digits} chiffres",
        "لا تتجاوز أرقام السجل {digits} خانة",
    ),
    "resolve them and commit, then run the command again": (
        "résolvez-les et commitez, puis relancez la commande",
        "احسمها وأودعها، ثم أعد تشغيل الأمر",
    ),
    "retype the text": ("retapez le texte", "أعد كتابة النص"),
    "run `git init` there (or `protsoc init`), or leave out --commit": (
        "lancez-y `git init` (ou `protsoc init`), ou retirez --commit",
        "شغل هناك `git init` (أو `protsoc init`)، أو احذف --commit",
    ),
    "run protsoc validate": ("lancez protsoc validate", "شغل protsoc validate"),
    (
        'run: git config --global user.name "Your Name" && git config --global user.email '
        "you@example.org"
    ): (
        'lancez : git config --global user.name "Votre Nom" && git config --global user.email '
        "vous@example.org",
        'شغل: git config --global user.name "Your Name" && git config --global user.email '
        "you@example.org",
    ),
    "see its decisions with `protsoc show {id}`": (
        "voyez ses décisions avec `protsoc show {id}`",
        "اطلع على قراراته بـ`protsoc show {id}`",
    ),
    "set it held on or after the meeting's date": (
        "marquez-la tenue le jour de la réunion ou après",
        "سجله منعقدا في تاريخ الاجتماع أو بعده",
    ),
    "set it to a number of seconds between 0 and 86400, e.g. 10, or unset it": (
        "donnez-lui un nombre de secondes entre 0 et 86400, p. ex. 10, ou supprimez-la",
        "أعطه عددا من الثواني بين 0 و86400، مثلا 10، أو احذفه",
    ),
    "the action's title (--title)": ("l'intitulé de l'action (--title)", "عنوان الإجراء (--title)"),
    "the agenda item's text": ("le texte du point de l'ordre du jour", "نص نقطة جدول الأعمال"),
    "the decision's text": ("le texte de la décision", "نص القرار"),
    "the guest's name": ("le nom de l'invité", "اسم الضيف"),
    "use letters, digits, '-', '/' (e.g. clerk/technical-2025-03-10)": (
        "utilisez des lettres, des chiffres, '-', '/' (p. ex. clerk/technical-2025-03-10)",
        "استعمل حروفا وأرقاما و'-' و'/' (مثلا clerk/technical-2025-03-10)",
    ),
    "write it as YYYY-MM-DD": ("écrivez-la au format AAAA-MM-JJ", "اكتبه بصيغة YYYY-MM-DD"),
    "write the amount in MAD with a dot, e.g. 1250000.50": (
        "écrivez le montant en MAD avec un point, p. ex. 1250000.50",
        "اكتب المبلغ بالدرهم مع نقطة عشرية، مثلا 1250000.50",
    ),
    "write the number with Western digits and a dot, in units (11100000, not 11.1 million)": (
        "écrivez le nombre en chiffres occidentaux avec un point, en unités (11100000, pas "
        "11.1 millions)",
        "اكتب العدد بالأرقام الغربية مع نقطة عشرية، بالوحدات (11100000، وليس 11.1 مليون)",
    ),
    "the action": ("l'action", "الإجراء"),
    "the approval date {date} is before the meeting ({meeting})": (
        "la date d'approbation {date} est antérieure à la réunion ({meeting})",
        "تاريخ المصادقة {date} سابق للاجتماع ({meeting})",
    ),
    "the approval date {date} is in the future": (
        "la date d'approbation {date} est dans le futur",
        "تاريخ المصادقة {date} لم يحل بعد",
    ),
    "the committee id": ("l'identifiant du comité", "معرف اللجنة"),
    "the current {what} starts on {start}, after {since}": (
        "{what} actuel commence le {start}, après le {since}",
        "{what} الحالي يبدأ في {start}، أي بعد {since}",
    ),
    "the decision is required": ("la décision est obligatoire", "القرار مطلوب"),
    "the evaluation id": ("l'identifiant de l'évaluation", "معرف التقييم"),
    "the indicator": ("l'indicateur", "المؤشر"),
    "the indicator id": ("l'identifiant de l'indicateur", "معرف المؤشر"),
    "the member id": ("l'identifiant du membre", "معرف العضو"),
    "the name (--name)": ("le nom (--name)", "الاسم (--name)"),
    "the past is never rewritten; add a new post instead": (
        "le passé n'est jamais réécrit ; ajoutez plutôt un nouveau siège",
        "لا يعاد كتابة الماضي أبدا؛ أضف مقعدا جديدا بدلا من ذلك",
    ),
    "the post {member} already ended on {until}": (
        "le siège {member} a déjà pris fin le {until}",
        "انتهى المقعد {member} مسبقا بتاريخ {until}",
    ),
    "the programme id": ("l'identifiant du programme", "معرف البرنامج"),
    "the programme or action": ("le programme ou l'action", "البرنامج أو الإجراء"),
    "the registry shipped with protsoc does not validate: {details}": (
        "le registre livré avec protsoc n'est pas valide : {details}",
        "السجل المرفق بـprotsoc غير صالح: {details}",
    ),
    "the repository has unresolved conflicts: {files}": (
        "le dépôt a des conflits non résolus : {files}",
        "في المستودع تعارضات لم تحسم: {files}",
    ),
    "the source of funds {id!r} is not declared in protsoc.yaml": (
        "la source de financement {id!r} n'est pas déclarée dans protsoc.yaml",
        "مصدر التمويل {id!r} غير مصرح به في protsoc.yaml",
    ),
    "the title (--title)": ("l'intitulé (--title)", "العنوان (--title)"),
    "{committee} already has a member post {member}": (
        "{committee} a déjà un siège de membre {member}",
        "للجنة {committee} مقعد عضو {member} مسبقا",
    ),
    "{id!r} names several records: {kinds}": (
        "{id!r} désigne plusieurs enregistrements : {kinds}",
        "{id!r} يدل على عدة سجلات: {kinds}",
    ),
    "{id!r} would be written outside the registry": (
        "{id!r} serait écrit hors du registre",
        "{id!r} سيكتب خارج السجل",
    ),
    "{id} already has a guest {guest}": (
        "{id} a déjà un invité {guest}",
        "للاجتماع {id} ضيف {guest} مسجل مسبقا",
    ),
    "{id} already has an observation on {date}": (
        "{id} a déjà une valeur au {date}",
        "للمؤشر {id} قيمة مسجلة مسبقا بتاريخ {date}",
    ),
    "{id} has no agenda item {item}": (
        "{id} n'a pas de point {item} à l'ordre du jour",
        "لا توجد في جدول أعمال {id} نقطة {item}",
    ),
    "{id} has no ledger event {event}": (
        "{id} n'a pas d'opération {event}",
        "لا توجد في سجل عمليات {id} عملية {event}",
    ),
    "{meeting} has no decision {decision}": (
        "{meeting} n'a pas de décision {decision}",
        "لا يوجد في {meeting} قرار {decision}",
    ),
    "{member} was not in office on {date}": (
        "{member} n'était pas en fonction le {date}",
        "لم يكن {member} يشغل المقعد بتاريخ {date}",
    ),
    "{name!r} is not a valid branch name": (
        "{name!r} n'est pas un nom de branche valide",
        "{name!r} ليس اسم فرع صالحا",
    ),
    "{path} already exists": ("{path} existe déjà", "{path} موجود مسبقا"),
    "{path} cannot be read": ("{path} est illisible", "تعذرت قراءة {path}"),
    "{path} is not in a git repository": (
        "{path} n'est pas dans un dépôt git",
        "{path} ليس داخل مستودع git",
    ),
    "{root} is not a registry": ("{root} n'est pas un registre", "{root} ليس سجلا"),
    "{value!r} is not a decision reference": (
        "{value!r} n'est pas une référence de décision",
        "{value!r} ليس مرجع قرار",
    ),
    "{variable}={value!r} is not a number of seconds": (
        "{variable}={value!r} n'est pas un nombre de secondes",
        "{variable}={value!r} ليس عددا من الثواني",
    ),
    "{what} holds a NUL character": (
        "{what} contient un caractère NUL",
        "{what} يحتوي على حرف NUL",
    ),
    "{what} {value!r} is beyond what protsoc computes": (
        "{what} {value!r} dépasse ce que protsoc sait calculer",
        "{what} {value!r} يتجاوز ما يستطيع protsoc حسابه",
    ),
    "{what} {value!r} is not a cadence rule": (
        "{what} {value!r} n'est pas une règle de périodicité",
        "{what} {value!r} ليس قاعدة دورية صحيحة",
    ),
    "{what} {value!r} is not a number": (
        "{what} {value!r} n'est pas un nombre",
        "{what} {value!r} ليس عددا",
    ),
    "{what} {value!r} is not a post": (
        "{what} {value!r} n'est pas un siège",
        "{what} {value!r} ليس مقعدا",
    ),
    "{what} {value!r} must name its committee": (
        "{what} {value!r} doit nommer son comité",
        "{what} {value!r} يجب أن يتضمن اسم لجنته",
    ),
    "{what} {value} is not a percentage": (
        "{what} {value} n'est pas un pourcentage",
        "{what} {value} ليس نسبة مئوية",
    ),
}
# Each msgid is worded in one place: a second wording here would be silently overridden.
_TWICE = sorted(
    (T.keys() & FINDINGS.keys()) | (T.keys() & REVIEW.keys()) | (FINDINGS.keys() & REVIEW.keys())
)
if _TWICE:
    raise ValueError(f"worded in two of the translation files: {_TWICE}")
T.update(FINDINGS)  # validation's findings and hints: protsoc/locale/finding_translations.py
T.update(REVIEW)  # what a change does (diff, history, dry run): locale/review_translations.py


def build() -> None:
    from typing import Any

    from pathlib import Path

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po

    here = Path(__file__).resolve().parent
    template = read_po((here / "protsoc.pot").open("rb"))
    for index, language in enumerate(("fr", "ar")):
        catalog = read_po((here / "protsoc.pot").open("rb"), locale=language)
        catalog.fuzzy = False
        for message in template:
            # A plural message (ngettext) is looked up by its singular; its wording is a tuple
            # per language with one string per plural form (French 2, Arabic 6).
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            if key and key in T:
                wording: Any = T[key][index]  # a string, or one string per plural form
                catalog[message.id].string = wording
        folder = here / language / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "protsoc.po").open("wb") as stream:
            write_po(stream, catalog, omit_header=False, width=100)
        with (folder / "protsoc.mo").open("wb") as stream:
            write_mo(stream, catalog)


if __name__ == "__main__":
    build()
