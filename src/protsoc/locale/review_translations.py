"""The French and Arabic wording of the review's sentences (``protsoc diff``, ``history``,
``collect import --dry-run``): what a change does, record by record.

Merged into ``translations.T`` (each msgid is worded in one place only). Record content, ids,
field names and status codes stay as they are in the record: the reader types or greps them.
French avoids participles that would have to agree with the record's gender ("ajout", not
"ajouté(e)"); Arabic uses the verbal noun (إضافة، حذف) the same way.
"""

# msgid: (fr, ar); plural messages (ngettext) are keyed by the singular, one string per form.
REVIEW = {
    # record labels and subjects
    "meeting {id}": ("réunion {id}", "الاجتماع {id}"),
    "committee {id}": ("comité {id}", "اللجنة {id}"),
    "indicator {id}": ("indicateur {id}", "المؤشر {id}"),
    "action {id}": ("action {id}", "الإجراء {id}"),
    "evaluation {id}": ("évaluation {id}", "التقييم {id}"),
    "programme {id}": ("programme {id}", "البرنامج {id}"),
    "file {id}": ("fichier {id}", "الملف {id}"),
    "registry manifest": ("manifeste du registre", "البيان العام للسجل"),
    "roadmap": ("feuille de route", "خارطة الطريق"),
    "decision {id}": ("décision {id}", "القرار {id}"),
    "agenda item {id}": ("point de l'ordre du jour {id}", "نقطة جدول الأعمال {id}"),
    "member {id}": ("siège {id}", "المقعد {id}"),
    "{record}: attendance of {member}": (
        "{record} : présence de {member}",
        "{record}: حضور {member}",
    ),
    "{record}: {list} entry {key}": (
        "{record} : {list}, entrée {key}",
        "{record}: {list}، العنصر {key}",
    ),
    "{subject}: {field}": ("{subject} : {field}", "{subject}: {field}"),
    ", ": (", ", "، "),
    # counts
    "{count} decision": (
        ("{count} décision", "{count} de décisions", "{count} décisions"),
        (
            "لا قرارات",
            "قرار واحد",
            "قراران",
            "{count} قرارات",
            "{count} قرارا",
            "{count} قرار",
        ),
    ),
    "{count} member": (
        ("{count} membre", "{count} de membres", "{count} membres"),
        ("لا أحد من الأعضاء", "عضو واحد", "عضوان", "{count} أعضاء", "{count} عضوا", "{count} عضو"),
    ),
    "{count} member post": (
        ("{count} siège", "{count} de sièges", "{count} sièges"),
        ("لا مقاعد", "مقعد واحد", "مقعدان", "{count} مقاعد", "{count} مقعدا", "{count} مقعد"),
    ),
    "{count} observation": (
        ("{count} valeur", "{count} de valeurs", "{count} valeurs"),
        (
            "لا قيم مسجلة",
            "قيمة مسجلة واحدة",
            "قيمتان مسجلتان",
            "{count} قيم مسجلة",
            "{count} قيمة مسجلة",
            "{count} قيمة مسجلة",
        ),
    ),
    "{count} approval": (
        ("{count} approbation", "{count} d'approbations", "{count} approbations"),
        (
            "لا مصادقات",
            "مصادقة واحدة",
            "مصادقتان",
            "{count} مصادقات",
            "{count} مصادقة",
            "{count} مصادقة",
        ),
    ),
    "{count} entry": (
        ("{count} entrée", "{count} d'entrées", "{count} entrées"),
        ("لا عناصر", "عنصر واحد", "عنصران", "{count} عناصر", "{count} عنصرا", "{count} عنصر"),
    ),
    "{count} added": (
        ("{count} ajout", "{count} d'ajouts", "{count} ajouts"),
        (
            "لا عناصر مضافة",
            "عنصر مضاف واحد",
            "عنصران مضافان",
            "{count} عناصر مضافة",
            "{count} عنصرا مضافا",
            "{count} عنصر مضاف",
        ),
    ),
    "{count} removed": (
        ("{count} retrait", "{count} de retraits", "{count} retraits"),
        (
            "لا عناصر محذوفة",
            "عنصر محذوف واحد",
            "عنصران محذوفان",
            "{count} عناصر محذوفة",
            "{count} عنصرا محذوفا",
            "{count} عنصر محذوف",
        ),
    ),
    "{changes} ({entries} now)": (
        "{changes} ({entries} désormais)",
        "{changes} (أصبح العدد: {entries})",
    ),
    "reordered": ("ordre modifié", "تغير الترتيب"),
    # values
    "about {value}": ("environ {value}", "حوالي {value}"),
    "more than {value}": ("plus de {value}", "أكثر من {value}"),
    "less than {value}": ("moins de {value}", "أقل من {value}"),
    "at least {value}": ("au moins {value}", "{value} على الأقل"),
    "{value} million": ("{value} millions", "{value} مليون"),
    "{value} billion": ("{value} milliards", "{value} مليار"),
    "no reason given": ("sans motif indiqué", "دون ذكر السبب"),
    "no status": ("sans statut", "دون حالة"),
    "no kind": ("sans type", "دون نوع"),
    "no role": ("sans rôle", "دون صفة"),
    "no title": ("sans intitulé", "دون صفة"),
    "removed": ("supprimé", "محذوف"),
    "not a mapping of fields": ("n'est pas une liste de champs", "ليس مجموعة حقول"),
    # files and records
    "file {path} added (not a registry record)": (
        "ajout du fichier {path} (hors enregistrements du registre)",
        "إضافة الملف {path} (ليس من سجلات السجل)",
    ),
    "file {path} removed (not a registry record)": (
        "suppression du fichier {path} (hors enregistrements du registre)",
        "حذف الملف {path} (ليس من سجلات السجل)",
    ),
    "file {path} renamed (not a registry record)": (
        "fichier {path} renommé (hors enregistrements du registre)",
        "إعادة تسمية الملف {path} (ليس من سجلات السجل)",
    ),
    "file {path} changed (not a registry record)": (
        "fichier {path} modifié (hors enregistrements du registre)",
        "تعديل الملف {path} (ليس من سجلات السجل)",
    ),
    "{record}: the new version cannot be read ({error}); see `protsoc validate`": (
        "{record} : la nouvelle version est illisible ({error}) ; voir `protsoc validate`",
        "{record}: تتعذر قراءة الصيغة الجديدة ({error})؛ انظر `protsoc validate`",
    ),
    "{record}: repaired (the previous version could not be read as a record)": (
        "{record} : réparé (la version précédente n'était pas lisible comme enregistrement)",
        "{record}: تم إصلاحه (تعذرت قراءة الصيغة السابقة كسجل)",
    ),
    "{old} renamed to {new} (file {old_path} -> {new_path})": (
        "{old} devient {new} (fichier {old_path} -> {new_path})",
        "{old} أصبح {new} (الملف {old_path} -> {new_path})",
    ),
    "{record}: file moved from {old_path} to {new_path}": (
        "{record} : fichier déplacé de {old_path} vers {new_path}",
        "{record}: نقل الملف من {old_path} إلى {new_path}",
    ),
    "{record}: re-formatted only (same content)": (
        "{record} : mise en forme seule (contenu identique)",
        "{record}: تغيير في الشكل فقط (المضمون نفسه)",
    ),
    "{record} removed, although its minutes were approved": (
        "suppression : {record}, dont le procès-verbal était approuvé",
        "حذف {record} رغم أن محضره مصادق عليه",
    ),
    "{record} removed (committees are ended with `ended:`, not deleted)": (
        "suppression : {record} (un comité prend fin par `ended:`, il n'est pas supprimé)",
        "حذف {record} (تنهى اللجنة بـ `ended:` ولا تحذف)",
    ),
    "{subject} added": ("ajout : {subject}", "إضافة {subject}"),
    "{subject} added ({summary})": ("ajout : {subject} ({summary})", "إضافة {subject} ({summary})"),
    "{subject} removed": ("suppression : {subject}", "حذف {subject}"),
    "{field} set to {value}": ("{field} : fixé à {value}", "{field}: حددت قيمته في {value}"),
    "{field} removed (was {value})": (
        "{field} : supprimé (valait {value})",
        "{field}: حذف (كانت قيمته {value})",
    ),
    "{field}: {change}": ("{field} : {change}", "{field}: {change}"),
    "{field} changed from {old} to {new}": (
        "{field} : {old} devient {new}",
        "{field}: تغير من {old} إلى {new}",
    ),
    # meetings and minutes
    "erratum {id} added: corrects the minutes of {amends} (reason: {reason})": (
        "ajout de l'erratum {id} : il corrige le procès-verbal de {amends} (motif : {reason})",
        "إضافة الاستدراك {id}: يصحح محضر {amends} (السبب: {reason})",
    ),
    "erratum {id} added: corrects the minutes of {amends} (reason: {reason}, approved)": (
        "ajout de l'erratum {id} : il corrige le procès-verbal de {amends} "
        "(motif : {reason}, approuvé)",
        "إضافة الاستدراك {id}: يصحح محضر {amends} (السبب: {reason}، مصادق عليه)",
    ),
    "minutes approved by {members}, sealed": (
        "procès-verbal approuvé par {members}, scellé",
        "محضر صادق عليه {members}، مختوم",
    ),
    "minutes approved by {members}, not sealed": (
        "procès-verbal approuvé par {members}, non scellé",
        "محضر صادق عليه {members}، غير مختوم",
    ),
    "approved minutes of {meeting} edited after approval": (
        "procès-verbal approuvé de {meeting} modifié après son approbation",
        "تعديل محضر {meeting} بعد المصادقة عليه",
    ),
    "approved minutes of {meeting} edited after approval: the content no longer matches its seal (a correction must be an erratum: `protsoc amend`)": (  # noqa: E501
        "procès-verbal approuvé de {meeting} modifié après son approbation : le contenu ne "
        "correspond plus à son sceau (une correction passe par un erratum : `protsoc amend`)",
        "تعديل محضر {meeting} بعد المصادقة عليه: لم يعد المضمون مطابقا لختمه (يتم التصحيح "
        "باستدراك: `protsoc amend`)",
    ),
    "approved minutes of {meeting} edited and sealed again (the approved content changed; a correction must be an erratum: `protsoc amend`)": (  # noqa: E501
        "procès-verbal approuvé de {meeting} modifié puis scellé à nouveau (le contenu approuvé "
        "a changé ; une correction passe par un erratum : `protsoc amend`)",
        "تعديل محضر {meeting} المصادق عليه ثم ختمه من جديد (تغير المضمون المصادق عليه؛ يتم "
        "التصحيح باستدراك: `protsoc amend`)",
    ),
    "approved minutes of {meeting} edited and their seal removed": (
        "procès-verbal approuvé de {meeting} modifié et son sceau retiré",
        "تعديل محضر {meeting} المصادق عليه وحذف ختمه",
    ),
    "approved minutes of {meeting}: their seal removed (same content, no longer sealed; `protsoc verify-seals` still compares it with what was approved)": (  # noqa: E501
        "procès-verbal approuvé de {meeting} : sceau retiré (même contenu, plus scellé ; "
        "`protsoc verify-seals` le compare toujours à ce qui a été approuvé)",
        "محضر {meeting} المصادق عليه: حذف ختمه (المضمون نفسه لكنه لم يعد مختوما؛ ما زال "
        "`protsoc verify-seals` يقارنه بما تمت المصادقة عليه)",
    ),
    "minutes of {meeting} approved by {members} (sealed)": (
        "procès-verbal de {meeting} approuvé par {members} (scellé)",
        "المصادقة على محضر {meeting} من طرف {members} (مختوم)",
    ),
    "minutes of {meeting} approved by {members} (not sealed)": (
        "procès-verbal de {meeting} approuvé par {members} (non scellé)",
        "المصادقة على محضر {meeting} من طرف {members} (غير مختوم)",
    ),
    "minutes of {meeting} approved by {members} on {date} (sealed)": (
        "procès-verbal de {meeting} approuvé par {members} le {date} (scellé)",
        "المصادقة على محضر {meeting} من طرف {members} بتاريخ {date} (مختوم)",
    ),
    "minutes of {meeting} approved by {members} on {date} (not sealed)": (
        "procès-verbal de {meeting} approuvé par {members} le {date} (non scellé)",
        "المصادقة على محضر {meeting} من طرف {members} بتاريخ {date} (غير مختوم)",
    ),
    "minutes of {meeting} no longer approved (status {status})": (
        "le procès-verbal de {meeting} n'est plus approuvé (statut {status})",
        "لم يعد محضر {meeting} مصادقا عليه (الحالة {status})",
    ),
    "minutes of {meeting}: approval by {members} recorded ({count} so far)": (
        "procès-verbal de {meeting} : approbation de {members} enregistrée ({count} à ce jour)",
        "محضر {meeting}: تسجيل مصادقة {members} ({count} إلى حد الآن)",
    ),
    "minutes of {meeting}: approval by {members} recorded on {dates} ({count} so far)": (
        "procès-verbal de {meeting} : approbation de {members} enregistrée le {dates} "
        "({count} à ce jour)",
        "محضر {meeting}: تسجيل مصادقة {members} بتاريخ {dates} ({count} إلى حد الآن)",
    ),
    "minutes of {meeting}: approval by {members} removed": (
        "procès-verbal de {meeting} : approbation de {members} retirée",
        "محضر {meeting}: حذف مصادقة {members}",
    ),
    # indicators
    "{count}, latest {date} = {value}": (
        "{count}, dernière au {date} = {value}",
        "{count}، آخرها بتاريخ {date} = {value}",
    ),
    "{record}: observations: {change}": (
        "{record} : valeurs : {change}",
        "{record}: القيم المسجلة: {change}",
    ),
    "{record}: new observation {date} = {value}": (
        "{record} : nouvelle valeur au {date} = {value}",
        "{record}: قيمة جديدة بتاريخ {date} = {value}",
    ),
    "{record}: new observation {date} = {value} ({change} since {previous})": (
        "{record} : nouvelle valeur au {date} = {value} ({change} depuis le {previous})",
        "{record}: قيمة جديدة بتاريخ {date} = {value} ({change} منذ {previous})",
    ),
    "{record}: observation {date} changed from {old} to {new}": (
        "{record} : la valeur du {date} passe de {old} à {new}",
        "{record}: تغيرت القيمة المسجلة بتاريخ {date} من {old} إلى {new}",
    ),
    "{record}: observation {date}: details changed ({fields})": (
        "{record} : valeur du {date} : détails modifiés ({fields})",
        "{record}: القيمة المسجلة بتاريخ {date}: تغيرت التفاصيل ({fields})",
    ),
    "{record}: observation {date} removed (was {value})": (
        "{record} : valeur du {date} supprimée (elle valait {value})",
        "{record}: حذف القيمة المسجلة بتاريخ {date} (كانت {value})",
    ),
    # committee members
    "committee {id}: members: {change}": (
        "comité {id} : membres : {change}",
        "اللجنة {id}: الأعضاء: {change}",
    ),
    "{member} added ({role}, {title})": (
        "ajout : {member} ({role}, {title})",
        "إضافة {member} ({role}، {title})",
    ),
    "{member} removed (posts are ended with `until:`, never deleted; meetings may still name it)": (  # noqa: E501
        "suppression : {member} (un siège prend fin par `until:`, il n'est jamais supprimé ; "
        "des réunions peuvent encore le citer)",
        "حذف {member} (ينهى المقعد بـ `until:` ولا يحذف أبدا؛ قد تذكره اجتماعات سابقة)",
    ),
    "{member}: post ended on {date}": (
        "{member} : fin du siège le {date}",
        "{member}: انتهى المقعد بتاريخ {date}",
    ),
    "{member}: title changed to {value}": (
        "{member} : nouvel intitulé {value}",
        "{member}: صفة جديدة {value}",
    ),
    "{member}: title changed since {date} to {value}": (
        "{member} : nouvel intitulé {value} depuis le {date}",
        "{member}: صفة جديدة {value} ابتداء من {date}",
    ),
    "{member}: title changed (attested {date}) to {value}": (
        "{member} : nouvel intitulé {value} (attesté le {date})",
        "{member}: صفة جديدة {value} (ثابتة بتاريخ {date})",
    ),
    "{member}: new holder {value}": (
        "{member} : nouveau titulaire {value}",
        "{member}: شاغل جديد {value}",
    ),
    "{member}: new holder {value} since {date}": (
        "{member} : nouveau titulaire {value} depuis le {date}",
        "{member}: شاغل جديد {value} ابتداء من {date}",
    ),
    "{member}: new holder {value} (attested {date})": (
        "{member} : nouveau titulaire {value} (attesté le {date})",
        "{member}: شاغل جديد {value} (ثابت بتاريخ {date})",
    ),
    "{member}: title {value} ends on {date}": (
        "{member} : l'intitulé {value} prend fin le {date}",
        "{member}: تنتهي الصفة {value} بتاريخ {date}",
    ),
    "{member}: holder {value} ends on {date}": (
        "{member} : le titulaire {value} quitte le siège le {date}",
        "{member}: ينتهي شغل {value} للمقعد بتاريخ {date}",
    ),
    "{member}: title {value}: {fields} changed": (
        "{member} : intitulé {value} : {fields} modifié",
        "{member}: الصفة {value}: تغير {fields}",
    ),
    "{member}: holder {value}: {fields} changed": (
        "{member} : titulaire {value} : {fields} modifié",
        "{member}: الشاغل {value}: تغير {fields}",
    ),
    "{member}: title {value} removed (the past is kept: close it with `until:` instead)": (
        "{member} : intitulé {value} supprimé (le passé se garde : clôturez-le par `until:`)",
        "{member}: حذف الصفة {value} (يحتفظ بالماضي: أنهها بـ `until:` بدل حذفها)",
    ),
    "{member}: holder {value} removed (the past is kept: close it with `until:` instead)": (
        "{member} : titulaire {value} supprimé (le passé se garde : clôturez-le par `until:`)",
        "{member}: حذف الشاغل {value} (يحتفظ بالماضي: أنهه بـ `until:` بدل حذفه)",
    ),
    # money
    "{record}: revised budget rose by {change} to {total}": (
        "{record} : le budget révisé augmente de {change}, à {total}",
        "{record}: ارتفعت الميزانية المعدلة بـ {change} لتبلغ {total}",
    ),
    "{record}: revised budget fell by {change} to {total}": (
        "{record} : le budget révisé baisse de {change}, à {total}",
        "{record}: انخفضت الميزانية المعدلة بـ {change} لتبلغ {total}",
    ),
    "{record}: commitments rose by {change} to {total}": (
        "{record} : les engagements augmentent de {change}, à {total}",
        "{record}: ارتفع الالتزام بـ {change} ليبلغ {total}",
    ),
    "{record}: commitments fell by {change} to {total}": (
        "{record} : les engagements baissent de {change}, à {total}",
        "{record}: انخفض الالتزام بـ {change} ليبلغ {total}",
    ),
    "{record}: payments rose by {change} to {total}": (
        "{record} : les paiements augmentent de {change}, à {total}",
        "{record}: ارتفع الأداء بـ {change} ليبلغ {total}",
    ),
    "{record}: payments fell by {change} to {total}": (
        "{record} : les paiements baissent de {change}, à {total}",
        "{record}: انخفض الأداء بـ {change} ليبلغ {total}",
    ),
    "{record}: spending rose by {change} to {total}": (
        "{record} : les dépenses augmentent de {change}, à {total}",
        "{record}: ارتفع الإنفاق بـ {change} ليبلغ {total}",
    ),
    "{record}: spending fell by {change} to {total}": (
        "{record} : les dépenses baissent de {change}, à {total}",
        "{record}: انخفض الإنفاق بـ {change} ليبلغ {total}",
    ),
    "{amount} MAD": ("{amount} MAD", "{amount} درهم"),
    # appended to the commitment and payment sentences above
    " (commitment rate {rate})": (" (taux d'engagement {rate})", " (نسبة الالتزام {rate})"),
    " (payment rate {rate})": (" (taux de paiement {rate})", " (نسبة الأداء {rate})"),
    "{record}: ledger event {id} ({type} of {date}) removed; the ledger is append-only: record a correction as a new event": (  # noqa: E501
        "{record} : opération {id} ({type} du {date}) supprimée ; le journal ne fait que "
        "s'allonger : enregistrez une correction comme une nouvelle opération",
        "{record}: حذف العملية {id} ({type} بتاريخ {date})؛ السجل المالي لا يقبل إلا الإضافة: "
        "سجل التصحيح كعملية جديدة",
    ),
    "{record}: ledger event {id} ({type} of {date}) edited; the ledger is append-only: record a correction as a new event": (  # noqa: E501
        "{record} : opération {id} ({type} du {date}) modifiée ; le journal ne fait que "
        "s'allonger : enregistrez une correction comme une nouvelle opération",
        "{record}: تعديل العملية {id} ({type} بتاريخ {date})؛ السجل المالي لا يقبل إلا الإضافة: "
        "سجل التصحيح كعملية جديدة",
    ),
    "{record}: {type} of {amount} on {date} recorded ({id})": (
        "{record} : opération enregistrée, {type} de {amount} le {date} ({id})",
        "{record}: تسجيل {type} بمبلغ {amount} بتاريخ {date} ({id})",
    ),
    "{record}: {type} of {amount} on {date} recorded ({id}, correcting {corrects})": (
        "{record} : opération enregistrée, {type} de {amount} le {date} ({id}, corrige {corrects})",
        "{record}: تسجيل {type} بمبلغ {amount} بتاريخ {date} ({id}، تصحيحا لـ {corrects})",
    ),
    "{record}: budget {id} ({year}) removed; a revision is a new budget of type revised": (
        "{record} : budget {id} ({year}) supprimé ; une révision est un nouveau budget de type "
        "revised",
        "{record}: حذف الميزانية {id} ({year})؛ المراجعة ميزانية جديدة من نوع revised",
    ),
    "{record}: budget {id} ({year}) edited; a revision is a new budget of type revised": (
        "{record} : budget {id} ({year}) modifié ; une révision est un nouveau budget de type "
        "revised",
        "{record}: تعديل الميزانية {id} ({year})؛ المراجعة ميزانية جديدة من نوع revised",
    ),
    "{record}: {type} budget for {year} set at {amount} ({status}, {source})": (
        "{record} : budget {type} de {year} fixé à {amount} ({status}, {source})",
        "{record}: تحديد ميزانية {year} ({type}) في {amount} ({status}، {source})",
    ),
    # the report's frame (text and pull-request comment)
    "registry changes from {base} ({commit}) to {head}:": (
        "changements du registre de {base} ({commit}) à {head} :",
        "تغييرات السجل من {base} ({commit}) إلى {head}:",
    ),
    "merge-base with the default branch": (
        "base commune avec la branche par défaut",
        "الأساس المشترك مع الفرع الافتراضي",
    ),
    "working tree": ("copie de travail", "نسخة العمل"),
    "this branch's working tree": ("copie de travail de cette branche", "نسخة العمل لهذا الفرع"),
    "no change to the registry": ("aucun changement du registre", "لا تغيير في السجل"),
    "No change to the registry.": ("Aucun changement du registre.", "لا تغيير في السجل."),
    "protsoc: what this change does": (
        "protsoc : ce que fait ce changement",
        "protsoc: ما يحدثه هذا التغيير",
    ),
    "Compared with {base} ({commit}) → {head}.": (
        "Comparé à {base} ({commit}) → {head}.",
        "مقارنة مع {base} ({commit}) ← {head}.",
    ),
    "{count} change needs particular attention (marked ⚠️ below).": (
        (
            "{count} changement demande une attention particulière (marqué ⚠️ ci-dessous).",
            "{count} de changements demandent une attention particulière (marqués ⚠️ ci-dessous).",
            "{count} changements demandent une attention particulière (marqués ⚠️ ci-dessous).",
        ),
        (
            "لا تغيير يستدعي انتباها خاصا.",
            "تغيير واحد يستدعي انتباها خاصا (عليه العلامة ⚠️ أدناه).",
            "تغييران يستدعيان انتباها خاصا (عليهما العلامة ⚠️ أدناه).",
            "{count} تغييرات تستدعي انتباها خاصا (عليها العلامة ⚠️ أدناه).",
            "{count} تغييرا تستدعي انتباها خاصا (عليها العلامة ⚠️ أدناه).",
            "{count} تغيير تستدعي انتباها خاصا (عليها العلامة ⚠️ أدناه).",
        ),
    ),
    "Meetings": ("Réunions", "الاجتماعات"),
    "Committees": ("Comités", "اللجان"),
    "Indicators": ("Indicateurs", "المؤشرات"),
    "Actions": ("Actions", "الإجراءات"),
    "Evaluations": ("Évaluations", "التقييمات"),
    "Programmes": ("Programmes", "البرامج"),
    "Roadmap": ("Feuille de route", "خارطة الطريق"),
    "Registry manifest": ("Manifeste du registre", "البيان العام للسجل"),
    "Other files": ("Autres fichiers", "ملفات أخرى"),
    "… and {count} more (run `protsoc diff` to see them all)": (
        "… et {count} autres (lancez `protsoc diff` pour tout voir)",
        "… و{count} غيرها (نفذ `protsoc diff` لرؤيتها كلها)",
    ),
    "generated by `protsoc diff --format md`": (
        "produit par `protsoc diff --format md`",
        "أنشأه `protsoc diff --format md`",
    ),
    # history
    "history of {id} ({path}), newest first:": (
        "historique de {id} ({path}), du plus récent au plus ancien :",
        "تاريخ {id} ({path})، من الأحدث إلى الأقدم:",
    ),
    "renamed: {old} -> {new}": ("renommé : {old} -> {new}", "إعادة تسمية: {old} -> {new}"),
    # the validation table of the pull-request comment
    "Validation": ("Validation", "التحقق"),
    "file": ("fichier", "الملف"),
    "rule": ("règle", "القاعدة"),
    "finding": ("constat", "الملاحظة"),
    "valid (with warnings)": ("valide (avec avertissements)", "صالح (مع تنبيهات)"),
    "`protsoc validate --changed-since`: valid ({checked}, no findings).": (
        "`protsoc validate --changed-since` : valide ({checked}, aucun constat).",
        "`protsoc validate --changed-since`: صالح ({checked}، دون ملاحظات).",
    ),
    "{count} changed file checked": (
        (
            "{count} fichier modifié vérifié",
            "{count} de fichiers modifiés vérifiés",
            "{count} fichiers modifiés vérifiés",
        ),
        (
            "لم يفحص أي ملف معدل",
            "فحص ملف معدل واحد",
            "فحص ملفين معدلين",
            "فحص {count} ملفات معدلة",
            "فحص {count} ملفا معدلا",
            "فحص {count} ملف معدل",
        ),
    ),
    "{message} — hint: {hint}": ("{message} — conseil : {hint}", "{message} — توجيه: {hint}"),
    "{verdict}: {counts} ({checked}).": (
        "{verdict} : {counts} ({checked}).",
        "{verdict}: {counts} ({checked}).",
    ),
    "… and {count} more findings (run `protsoc validate --changed-since` to see them all)": (
        "… et {count} autres constats (lancez `protsoc validate --changed-since` pour tout voir)",
        "… و{count} ملاحظات أخرى (نفذ `protsoc validate --changed-since` لرؤيتها كلها)",
    ),
}
