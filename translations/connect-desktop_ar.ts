<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>ApiClient</name>
    <message>
        <source>attempt %1 of %2 failed, retrying: %3</source>
        <translation>فشلت المحاولة %1 من %2، جارٍ إعادة المحاولة: %3</translation>
    </message>
</context>
<context>
    <name>ApiFailure</name>
    <message>
        <source>the server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <source> The server said: “%1”.</source>
        <translation> ردّ الخادم: «%1».</translation>
    </message>
    <message numerus="yes">
        <source> (tried %n times)</source>
        <translation>
            <numerusform> (بعد %n محاولة)</numerusform>
            <numerusform> (بعد محاولة واحدة)</numerusform>
            <numerusform> (بعد محاولتين)</numerusform>
            <numerusform> (بعد %n محاولات)</numerusform>
            <numerusform> (بعد %n محاولة)</numerusform>
            <numerusform> (بعد %n محاولة)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot reach %1%2: %3. Check your network connection and the profile&apos;s address, then try again.</source>
        <translation>تعذّر الوصول إلى %1%2: %3. تحقق من اتصال الشبكة ومن عنوان ملف التعريف، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>لا يوجد رد</translation>
    </message>
    <message>
        <source>%1 did not answer in time%2. Try again; if it keeps happening, check the profile&apos;s address or your network.</source>
        <translation>لم يردّ %1 في الوقت المحدد%2. حاول مرة أخرى؛ وإذا تكرر ذلك، فتحقق من عنوان ملف التعريف أو من شبكتك.</translation>
    </message>
    <message>
        <source>The answer from %1 could not be read (%2). The server may be misconfigured or not a Polytomic-compatible API; check the profile&apos;s address.</source>
        <translation>تعذّرت قراءة الرد الوارد من %1 (%2). ربما يكون الخادم مهيّأً بشكل خاطئ أو ليس واجهة API متوافقة مع Polytomic؛ تحقق من عنوان ملف التعريف.</translation>
    </message>
    <message>
        <source>The request was stopped.</source>
        <translation>تم إيقاف الطلب.</translation>
    </message>
    <message>
        <source>%1 refused the API key (401).%2 Check the key in the profile&apos;s settings, or POLYTOMIC_API_KEY.</source>
        <translation>رفض %1 مفتاح API (الرمز 401).%2 تحقق من المفتاح في إعدادات ملف التعريف، أو من POLYTOMIC_API_KEY.</translation>
    </message>
    <message>
        <source>The API key is not allowed to do this (403).%1 Ask an administrator of your organization for a key with access to connections.</source>
        <translation>مفتاح API غير مسموح له بتنفيذ هذا الإجراء (الرمز 403).%1 اطلب من أحد مسؤولي مؤسستك مفتاحًا يتيح الوصول إلى الاتصالات.</translation>
    </message>
    <message>
        <source>%1 has no such resource (404).%2 Check the profile&apos;s address and API version.</source>
        <translation>لا يحتوي %1 على هذا المورد (الرمز 404).%2 تحقق من عنوان ملف التعريف ومن إصدار API.</translation>
    </message>
    <message>
        <source>An earlier attempt is still being processed (409).%1 Wait a moment and try again.</source>
        <translation>لا تزال محاولة سابقة قيد المعالجة (الرمز 409).%1 انتظر لحظة ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>%1 refused the request (%2). Check the connection&apos;s details and try again.</source>
        <translation>رفض %1 الطلب (%2). تحقق من تفاصيل الاتصال ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>%1 refused the request: %2.</source>
        <translation>رفض %1 الطلب: %2.</translation>
    </message>
    <message>
        <source>%1 had a problem (HTTP %2)%3.%4 Try again later; if it persists, contact the platform&apos;s support.</source>
        <translation>واجه %1 مشكلة (HTTP %2)%3.%4 حاول مرة أخرى لاحقًا؛ وإذا استمرت المشكلة، فتواصل مع دعم المنصة.</translation>
    </message>
    <message>
        <source>%1 answered with HTTP %2.%3</source>
        <translation>ردّ %1 برمز HTTP %2.%3</translation>
    </message>
</context>
<context>
    <name>AppBackends</name>
    <message>
        <source>built-in sandbox on %1</source>
        <translation>البيئة التجريبية المدمجة على %1</translation>
    </message>
    <message>
        <source>built-in sandbox</source>
        <translation>البيئة التجريبية المدمجة</translation>
    </message>
    <message>
        <source>Polytomic at %1</source>
        <translation>منصة Polytomic على %1</translation>
    </message>
    <message>
        <source>backend proxy at %1</source>
        <translation>وكيل الواجهة الخلفية على %1</translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation>تعذّر تشغيل البيئة التجريبية المدمجة: %1</translation>
    </message>
    <message>
        <source>No API key is stored for the profile “%1”.</source>
        <translation>لا يوجد مفتاح API محفوظ لملف التعريف «%1».</translation>
    </message>
    <message>
        <source>The system keychain could not be read (%1).</source>
        <translation>تعذّرت قراءة سلسلة مفاتيح النظام (%1).</translation>
    </message>
    <message>
        <source>Enter the key in Settings → Profiles, or set the environment variable %1.</source>
        <translation>أدخل المفتاح في الإعدادات ← ملفات التعريف، أو عيّن متغير البيئة %1.</translation>
    </message>
    <message>
        <source>built-in Paragon sandbox on %1</source>
        <translation>البيئة التجريبية المدمجة لـ Paragon على %1</translation>
    </message>
    <message>
        <source>built-in Paragon sandbox</source>
        <translation>البيئة التجريبية المدمجة لـ Paragon</translation>
    </message>
    <message>
        <source>Paragon project %1, tokens signed here</source>
        <translation>مشروع Paragon %1، والرموز المميزة تُوقَّع هنا</translation>
    </message>
    <message>
        <source>Paragon project %1, tokens from %2</source>
        <translation>مشروع Paragon %1، والرموز المميزة من %2</translation>
    </message>
    <message>
        <source>The built-in Paragon sandbox could not start: %1</source>
        <translation>تعذّر تشغيل البيئة التجريبية المدمجة لـ Paragon: %1</translation>
    </message>
    <message>
        <source>No signing key is stored for the profile “%1”.</source>
        <translation>لا يوجد مفتاح توقيع محفوظ لملف التعريف «%1».</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>connect-desktop: running as root, so the web engine&apos;s sandbox is off.</source>
        <translation>connect-desktop: يعمل البرنامج بصلاحيات root، لذا فإن بيئة العزل (sandbox) الخاصة بمحرك الويب معطّلة.</translation>
    </message>
    <message>
        <source>Connect Desktop is already running; it takes it from here.</source>
        <translation>يعمل Connect Desktop بالفعل، وسيتولى المهمة من هنا.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>إخفاء</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>رسالة</translation>
    </message>
</context>
<context>
    <name>BrandLogo</name>
    <message>
        <source>Connect Desktop</source>
        <translation>Connect Desktop</translation>
    </message>
    <message>
        <source>The logo file could not be drawn.</source>
        <translation>تعذّر رسم ملف الشعار.</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>جارٍ العمل</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>Unknown integration “%1”. This backend offers: %2.</source>
        <translation>تكامل غير معروف «%1». تكاملات هذه الواجهة الخلفية: %2.</translation>
    </message>
    <message>
        <source>“%1” is not among the integrations this company allows (Settings, Allowed integrations); add --all to check it anyway.</source>
        <translation>التكامل «%1» ليس من التكاملات التي تسمح بها هذه الشركة (الإعدادات، التكاملات المسموح بها)؛ أضف --all لفحصه على أي حال.</translation>
    </message>
    <message>
        <source>There is no integration to check: the backend lists none that this company allows (add --all to check every one).</source>
        <translation>لا يوجد تكامل لفحصه: لا تُدرج الواجهة الخلفية أي تكامل تسمح به هذه الشركة (أضف --all لفحص كل التكاملات).</translation>
    </message>
    <message>
        <source>Checking %1 integration(s) on %2 (%3), %4 at a time…</source>
        <translation>جارٍ فحص التكاملات (العدد: %1) على %2 (%3)، بواقع %4 في آن واحد…</translation>
    </message>
    <message>
        <source>Connect Desktop check</source>
        <translation>فحص Connect Desktop</translation>
    </message>
    <message>
        <source>%1 refuses sign-in inside apps; a person would continue in the system browser.</source>
        <translation>يرفض %1 تسجيل الدخول داخل التطبيقات؛ كان المستخدم سيتابع في متصفح النظام.</translation>
    </message>
    <message>
        <source>The session ended before its page could be used.</source>
        <translation>انتهت الجلسة قبل أن يصبح بالإمكان استخدام صفحتها.</translation>
    </message>
    <message>
        <source>Nothing usable came within the time allowed; try a longer --timeout, or look at the session&apos;s log in the History.</source>
        <translation>لم يصل أي شيء قابل للاستخدام خلال الوقت المسموح؛ جرّب قيمة أطول لـ --timeout، أو راجع سجل تبادل الجلسة في نافذة «السجل».</translation>
    </message>
    <message>
        <source>It failed without saying why.</source>
        <translation>فشل دون ذكر السبب.</translation>
    </message>
    <message>
        <source>%1 %2: passed (request %3 ms, ready to type %4 ms)</source>
        <translation>%1 %2: نجح (الطلب %3 ملّي ثانية، الجاهزية للكتابة %4 ملّي ثانية)</translation>
    </message>
    <message>
        <source>%1 %2: failed (%3): %4</source>
        <translation>%1 %2: فشل (%3): %4</translation>
    </message>
    <message>
        <source>%1 of %2 passed, %3 failed, in %4 s.</source>
        <translation>نجح %1 من %2، وفشل %3، خلال %4 ثانية.</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>التكامل</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>الجاهزية</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 م.ث</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>نجح</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>the integrations could not be listed: %1</source>
        <translation>تعذّر سرد التكاملات: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>A connectdesktop: link is opened on its own, without other arguments.</source>
        <translation>يُفتح رابط connectdesktop: وحده، دون أي وسائط أخرى.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>عرض هذه المساعدة.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>عرض الإصدار.</translation>
    </message>
    <message>
        <source> (see connect-desktop --help)</source>
        <translation> (راجع connect-desktop --help)</translation>
    </message>
    <message>
        <source>Use this language.</source>
        <translation>استخدام هذه اللغة.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>يتطلب --%1 عددًا صحيحًا من %2 إلى %3، وليس «%4».</translation>
    </message>
    <message>
        <source>Listen on this port (default: any free port).</source>
        <translation>الاستماع على هذا المنفذ (الافتراضي: أي منفذ متاح).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Accept this API key (default: a random one, printed).</source>
        <translation>قبول مفتاح API هذا (الافتراضي: مفتاح عشوائي تتم طباعته).</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>KEY</translation>
    </message>
    <message>
        <source>SVG logo shown top left in the modal.</source>
        <translation>شعار SVG يُعرض أعلى اليسار في صفحة الاتصال.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>SVG logo for the dark theme.</source>
        <translation>شعار SVG للسمة الداكنة.</translation>
    </message>
    <message>
        <source>Keep connections in this JSON file across restarts.</source>
        <translation>الاحتفاظ بالاتصالات في ملف JSON هذا بين مرات إعادة التشغيل.</translation>
    </message>
    <message>
        <source>Connect sessions expire after this many seconds (default 900).</source>
        <translation>تنتهي صلاحية جلسات الاتصال بعد هذا العدد من الثواني (الافتراضي 900).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>Fault: delay every API answer by MS milliseconds.</source>
        <translation>عطل محاكى: تأخير كل رد من API بمقدار MS ملّي ثانية.</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Fault: failing API calls answer with this HTTP status (default 500).</source>
        <translation>عطل محاكى: تردّ استدعاءات API الفاشلة بحالة HTTP هذه (الافتراضي 500).</translation>
    </message>
    <message>
        <source>Fault: this fraction (0 to 1) of API calls fail.</source>
        <translation>عطل محاكى: تفشل هذه النسبة (من 0 إلى 1) من استدعاءات API.</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Fault: the first N API calls fail, then all succeed.</source>
        <translation>عطل محاكى: تفشل أول N من استدعاءات API، ثم تنجح جميعها.</translation>
    </message>
    <message>
        <source>Faults apply to API paths starting with this (default /api/).</source>
        <translation>تنطبق الأعطال المحاكاة على مسارات API التي تبدأ بهذه القيمة (الافتراضي /api/).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Seed for --fail-rate (default 1).</source>
        <translation>البذرة العشوائية لـ --fail-rate (الافتراضي 1).</translation>
    </message>
    <message>
        <source>Fault: failing API calls answer 200 with truncated JSON.</source>
        <translation>عطل محاكى: تردّ استدعاءات API الفاشلة بالرمز 200 مع JSON مبتور.</translation>
    </message>
    <message>
        <source>Fault: failing API calls close the connection without answering.</source>
        <translation>عطل محاكى: تغلق استدعاءات API الفاشلة الاتصال دون رد.</translation>
    </message>
    <message>
        <source>Fault: serve the modal page after MS milliseconds.</source>
        <translation>عطل محاكى: تقديم صفحة الاتصال بعد MS ملّي ثانية.</translation>
    </message>
    <message>
        <source>Fault: the modal page is blank.</source>
        <translation>عطل محاكى: صفحة الاتصال فارغة.</translation>
    </message>
    <message>
        <source>Fault: the OAuth popup loses its opener and cannot report back.</source>
        <translation>عطل محاكى: تفقد نافذة OAuth المنبثقة النافذة التي فتحتها ولا يمكنها إرسال النتيجة.</translation>
    </message>
    <message>
        <source>Fault: OAuth popups in the app answer like a provider that refuses embedded sign-in (disallowed_useragent).</source>
        <translation>عطل محاكى: تستجيب نوافذ OAuth المنبثقة داخل التطبيق كمزوّد يرفض تسجيل الدخول من المتصفحات المضمّنة (disallowed_useragent).</translation>
    </message>
    <message>
        <source>Fault: serve the modal over HTTPS with a certificate nobody trusts.</source>
        <translation>عطل محاكى: تقديم صفحة الاتصال عبر HTTPS بشهادة لا يثق بها أحد.</translation>
    </message>
    <message>
        <source>Fault: the modal also tries what a host must refuse (file: pages, camera, downloads, a bad certificate, …).</source>
        <translation>عطل محاكى: تحاول صفحة الاتصال أيضًا ما يجب على التطبيق المضيف رفضه (صفحات file:، والكاميرا، والتنزيلات، وشهادة غير صالحة، …).</translation>
    </message>
    <message>
        <source> (see connect-desktop sandbox --help)</source>
        <translation> (راجع connect-desktop sandbox --help)</translation>
    </message>
    <message>
        <source>--fail-rate takes a fraction from 0 to 1, not &quot;%1&quot;.</source>
        <translation>يتطلب --fail-rate نسبة من 0 إلى 1، وليس «%1».</translation>
    </message>
    <message>
        <source>--fault-scope must be an API path starting with /api/.</source>
        <translation>يجب أن يكون --fault-scope مسار API يبدأ بـ /api/.</translation>
    </message>
    <message>
        <source>Choose one of --malformed-json and --drop-connection.</source>
        <translation>اختر أحد الخيارين --malformed-json أو --drop-connection.</translation>
    </message>
    <message>
        <source>--api-key must not be empty.</source>
        <translation>يجب ألا يكون --api-key فارغًا.</translation>
    </message>
    <message>
        <source>--lang takes a language code such as de, fr or ja, not &quot;%1&quot;.</source>
        <translation>يتطلب --lang رمز لغة مثل de أو fr أو ja، وليس «%1».</translation>
    </message>
    <message>
        <source>Opens only the connect window for one session, prints its one result and exits: 0 completed, 1 failed, 2 bad usage or configuration, 3 cancelled.</source>
        <translation>يفتح نافذة الاتصال فقط لجلسة واحدة، ويطبع نتيجتها الوحيدة ثم يخرج: 0 اكتمل، 1 فشل، 2 استخدام أو إعداد غير صحيح، 3 أُلغي.</translation>
    </message>
    <message>
        <source>An integration to offer, by type id (repeatable: one goes straight to its form, several show a picker).</source>
        <translation>تكامل يُعرض، بمعرّف نوعه (قابل للتكرار: تكامل واحد يفتح نموذجه مباشرة، وعدة تكاملات تعرض قائمة اختيار).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name of the connection to create (default: from the name template).</source>
        <translation>اسم الاتصال المراد إنشاؤه (الافتراضي: من قالب الاسم).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Dark theme.</source>
        <translation>السمة الداكنة.</translation>
    </message>
    <message>
        <source>Light theme.</source>
        <translation>السمة الفاتحة.</translation>
    </message>
    <message>
        <source>Use this profile (by name or id; default: the active one).</source>
        <translation>استخدام ملف التعريف هذا (بالاسم أو المعرّف؛ الافتراضي: الملف النشط).</translation>
    </message>
    <message>
        <source>A Polytomic-compatible API; the key comes from POLYTOMIC_API_KEY or the keychain.</source>
        <translation>واجهة API متوافقة مع Polytomic؛ يؤخذ المفتاح من POLYTOMIC_API_KEY أو من سلسلة المفاتيح.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>A backend proxy that adds the key itself.</source>
        <translation>وكيل واجهة خلفية يضيف المفتاح بنفسه.</translation>
    </message>
    <message>
        <source>Print the result as one JSON object on stdout.</source>
        <translation>طباعة النتيجة ككائن JSON واحد على stdout.</translation>
    </message>
    <message>
        <source>Use this language (de, fr, es, ja, ar, en).</source>
        <translation>استخدام هذه اللغة (de, fr, es, ja, ar, en).</translation>
    </message>
    <message>
        <source> (see connect-desktop connect --help)</source>
        <translation> (راجع connect-desktop connect --help)</translation>
    </message>
    <message>
        <source>--integration needs a type id, such as postgresql.</source>
        <translation>يتطلب --integration معرّف نوع، مثل postgresql.</translation>
    </message>
    <message>
        <source>--name must not be empty.</source>
        <translation>يجب ألا يكون --name فارغًا.</translation>
    </message>
    <message>
        <source>Choose one of --dark and --light.</source>
        <translation>اختر أحد الخيارين --dark أو --light.</translation>
    </message>
    <message>
        <source>Choose one of --profile, --base-url and --proxy-url.</source>
        <translation>اختر خيارًا واحدًا فقط من --profile و--base-url و--proxy-url.</translation>
    </message>
    <message>
        <source>--base-url must be a web address such as https://app.polytomic.com.</source>
        <translation>يجب أن يكون --base-url عنوان ويب، مثل https://app.polytomic.com.</translation>
    </message>
    <message>
        <source>--proxy-url must be a web address such as https://backend.example.com.</source>
        <translation>يجب أن يكون --proxy-url عنوان ويب، مثل https://backend.example.com.</translation>
    </message>
    <message>
        <source>Fault: the modal makes the attack NAME that a host must outlive (popups written while blank, dialogs, a popup flood, …; resources/sandbox/attacks.js).</source>
        <translation>عطل: تنفّذ النافذة الهجوم NAME الذي يجب أن يصمد أمامه المضيف (نوافذ منبثقة يُكتب فيها وهي فارغة، مربعات حوار، سيل من النوافذ المنبثقة، …؛ resources/sandbox/attacks.js).</translation>
    </message>
    <message>
        <source>--attack takes an attack&apos;s name (lower-case letters, digits and dashes), not &quot;%1&quot;.</source>
        <translation>يأخذ --attack اسم هجوم (أحرف صغيرة وأرقام وشرطات)، وليس «%1».</translation>
    </message>
    <message>
        <source>--project-id takes letters, digits and dashes, not &quot;%1&quot;.</source>
        <translation>يتطلب --project-id أحرفًا وأرقامًا وشرطات، وليس «%1».</translation>
    </message>
    <message>
        <source>--token-fault takes expired or forged, not &quot;%1&quot;.</source>
        <translation>يتطلب --token-fault القيمة expired أو forged، وليس «%1».</translation>
    </message>
    <message>
        <source>Runs a sandbox: a local server on 127.0.0.1 that speaks the Polytomic Connect API and serves its own modal, or with --platform paragon stands in for Paragon&apos;s services and portal. It prints its address and credentials, then serves until stopped (Ctrl+C).</source>
        <translation>يشغّل بيئة تجريبية: خادمًا محليًا على 127.0.0.1 يتعامل بواجهة API الخاصة بـ Polytomic Connect ويقدّم صفحة الاتصال الخاصة به، أو يحلّ محل خدمات Paragon وبوابتها عند استخدام --platform paragon. يطبع عنوانه وبيانات الاعتماد، ثم يستمر في العمل حتى يتم إيقافه (Ctrl+C).</translation>
    </message>
    <message>
        <source>The platform: polytomic (default) or paragon.</source>
        <translation>المنصة: polytomic (الافتراضية) أو paragon.</translation>
    </message>
    <message>
        <source>Print the address and credentials as one JSON object on stdout.</source>
        <translation>طباعة العنوان وبيانات الاعتماد ككائن JSON واحد على stdout.</translation>
    </message>
    <message>
        <source>Paragon: the project&apos;s id (default: a fixed one).</source>
        <translation>خاص بـ Paragon: معرّف المشروع (الافتراضي: معرّف ثابت).</translation>
    </message>
    <message>
        <source>Paragon fault: the token URL hands out expired or forged tokens.</source>
        <translation>عطل محاكى في Paragon: يُصدر عنوان URL للرمز رموزًا مميزة منتهية الصلاحية (expired) أو مزوّرة (forged).</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <source>Paragon fault: Allow on the consent page ends in an OAuth error.</source>
        <translation>عطل محاكى في Paragon: يؤدي النقر على «سماح» في صفحة الموافقة إلى خطأ OAuth.</translation>
    </message>
    <message>
        <source>Paragon fault: starting a sign-in answers this HTTP status.</source>
        <translation>عطل محاكى في Paragon: يردّ بدء تسجيل الدخول بحالة HTTP هذه.</translation>
    </message>
    <message>
        <source>Paragon fault: new credentials stay PENDING.</source>
        <translation>عطل محاكى في Paragon: تبقى بيانات الاعتماد الجديدة في الحالة PENDING.</translation>
    </message>
    <message>
        <source>--platform takes polytomic or paragon, not &quot;%1&quot;.</source>
        <translation>يتطلب --platform القيمة polytomic أو paragon، وليس «%1».</translation>
    </message>
    <message>
        <source>--%1 is an option of Paragon&apos;s sandbox: add --platform paragon.</source>
        <translation>الخيار --%1 خاص بالبيئة التجريبية لـ Paragon: أضف --platform paragon.</translation>
    </message>
    <message>
        <source>The platform: polytomic or paragon. Without --profile, its built-in sandbox.</source>
        <translation>المنصة: polytomic أو paragon. من دون --profile، تُستخدم بيئتها التجريبية المدمجة.</translation>
    </message>
    <message>
        <source>--%1 is an option of Polytomic&apos;s sandbox only: leave it out, or leave out --platform paragon.</source>
        <translation>الخيار --%1 خاص بالبيئة التجريبية لـ Polytomic وحدها: احذفه، أو احذف --platform paragon.</translation>
    </message>
    <message>
        <source>Usage: connect-desktop [command] [options]

Connect accounts to a data platform through its connect modal.

Commands:
  (none)     open the main window
  connect    open only the connect window, print the one result, exit
  sandbox    run a built-in sandbox (Polytomic&apos;s or Paragon&apos;s) on 127.0.0.1
  check      smoke-test integrations: open each one&apos;s page hidden, connect nothing
  doctor     check that this machine is ready, and say what to fix
  history    list the last sessions and their results
  diagnostics  save a diagnostics bundle (zip, no secrets) for support

Options:
  -h, --help     show this help (or a command&apos;s: connect-desktop sandbox --help)
  -v, --version  show the version
  --lang CODE    use this language (de, fr, es, ja, ar, en) instead of the system&apos;s

Exit codes: 0 completed, 1 failed, 2 bad usage or configuration, 3 cancelled.
</source>
        <translation>الاستخدام: connect-desktop [أمر] [خيارات]

يربط الحسابات بمنصة بيانات عبر صفحة الاتصال الخاصة بها.

الأوامر:
  (بلا أمر)  فتح النافذة الرئيسية
  connect    فتح نافذة الاتصال فقط، وطباعة النتيجة الوحيدة، ثم الخروج
  sandbox    تشغيل بيئة تجريبية مدمجة (لـ Polytomic أو Paragon) على 127.0.0.1
  check      اختبار سريع للتكاملات: فتح صفحة كل منها بشكل مخفي دون ربط أي شيء
  doctor     التحقق من جاهزية هذا الجهاز، وبيان ما يجب إصلاحه
  history    سرد آخر الجلسات ونتائجها
  diagnostics  حفظ حزمة تشخيص (zip، دون أسرار) لفريق الدعم

الخيارات:
  -h, --help     عرض هذه المساعدة (أو مساعدة أمر ما: connect-desktop sandbox --help)
  -v, --version  عرض الإصدار
  --lang CODE    استخدام هذه اللغة (de، fr، es، ja، ar، en) بدلًا من لغة النظام

رموز الخروج: 0 اكتمل، 1 فشل، 2 استخدام أو إعداد غير صحيح، 3 أُلغي.
</translation>
    </message>
    <message>
        <source>Fault: the modal&apos;s address is a local port where nothing listens (it cannot load).</source>
        <translation>عطل محاكى: عنوان صفحة الاتصال منفذ محلي لا يستمع عليه أي شيء (فلا يمكن تحميلها).</translation>
    </message>
    <message>
        <source>Fault: every answer&apos;s Date header is S seconds off the real time (may be negative).</source>
        <translation>عطل محاكى: تنحرف الترويسة Date في كل رد بمقدار S ثانية عن الوقت الحقيقي (قد تكون القيمة سالبة).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Choose one of --untrusted-modal and --unreachable-modal.</source>
        <translation>اختر أحد الخيارين --untrusted-modal أو --unreachable-modal.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (see connect-desktop %2 --help).</source>
        <translation>وسيط غير متوقع «%1» (راجع connect-desktop %2 --help).</translation>
    </message>
    <message>
        <source>Lists the sessions the app kept (newest first): when, profile, integration, result and reason. Kept without secrets; their exchange logs are in --json.</source>
        <translation>يسرد الجلسات التي احتفظ بها التطبيق (الأحدث أولًا): الوقت، وملف التعريف، والتكامل، والنتيجة، والسبب. تُحفظ الجلسات دون أسرار؛ وتظهر سجلات التبادل الخاصة بها مع --json.</translation>
    </message>
    <message>
        <source>Print one JSON object with every session, its timings and exchange log.</source>
        <translation>طباعة كائن JSON واحد يضم كل جلسة وتوقيتاتها وسجل التبادل الخاص بها.</translation>
    </message>
    <message>
        <source>Only the newest N sessions.</source>
        <translation>أحدث N من الجلسات فقط.</translation>
    </message>
    <message>
        <source>Only sessions of this integration (type id).</source>
        <translation>جلسات هذا التكامل فقط (معرّف النوع).</translation>
    </message>
    <message>
        <source>Only sessions that ended so: completed, cancelled or failed.</source>
        <translation>الجلسات التي انتهت على هذا النحو فقط: completed أو cancelled أو failed.</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>OUTCOME</translation>
    </message>
    <message>
        <source>Only sessions of this profile (by name or id).</source>
        <translation>جلسات ملف التعريف هذا فقط (بالاسم أو المعرّف).</translation>
    </message>
    <message>
        <source>Forget every kept session.</source>
        <translation>مسح كل الجلسات المحفوظة.</translation>
    </message>
    <message>
        <source> (see connect-desktop history --help)</source>
        <translation> (راجع connect-desktop history --help)</translation>
    </message>
    <message>
        <source>--outcome takes completed, cancelled or failed, not &quot;%1&quot;.</source>
        <translation>يتطلب --outcome القيمة completed أو cancelled أو failed، وليس «%1».</translation>
    </message>
    <message>
        <source>--clear forgets every session: use it on its own.</source>
        <translation>يمسح --clear كل الجلسات: استخدمه وحده.</translation>
    </message>
    <message>
        <source>Smoke-tests integrations: for each one, opens a real session, loads its page hidden until a person could type, records the timings or what went wrong, and closes it without connecting anything. Exit 0 when every one passed, 1 when any failed, 2 for bad usage.</source>
        <translation>يُجري اختبارًا سريعًا للتكاملات: يفتح لكل تكامل جلسة حقيقية، ويحمّل صفحته بشكل مخفي حتى يصبح بإمكان المستخدم الكتابة فيها، ويسجّل التوقيتات أو ما حدث من خطأ، ثم يغلقها دون ربط أي شيء. رمز الخروج 0 عند نجاح الجميع، و1 عند فشل أي منها، و2 عند الاستخدام غير الصحيح.</translation>
    </message>
    <message>
        <source>Check this integration (type id; repeatable). Default: every one the company allows, or every one the backend lists when none is set.</source>
        <translation>فحص هذا التكامل (معرّف النوع؛ قابل للتكرار). الافتراضي: كل التكاملات التي تسمح بها الشركة، أو كل ما تُدرجه الواجهة الخلفية إذا لم يُحدَّد أي منها.</translation>
    </message>
    <message>
        <source>Check every integration the backend lists, allowed or not (for support staff).</source>
        <translation>فحص كل تكامل تُدرجه الواجهة الخلفية، سواء أكان مسموحًا به أم لا (لفريق الدعم).</translation>
    </message>
    <message>
        <source>Run N sessions at once (1 to 8, default 2).</source>
        <translation>تشغيل N من الجلسات في آن واحد (من 1 إلى 8، الافتراضي 2).</translation>
    </message>
    <message>
        <source>Give each page S seconds to become usable (default 30).</source>
        <translation>منح كل صفحة S ثانية لتصبح قابلة للاستخدام (الافتراضي 30).</translation>
    </message>
    <message>
        <source>Print one JSON object with every row on stdout.</source>
        <translation>طباعة كائن JSON واحد يضم كل الصفوف على stdout.</translation>
    </message>
    <message>
        <source> (see connect-desktop check --help)</source>
        <translation> (راجع connect-desktop check --help)</translation>
    </message>
    <message>
        <source>Checks whether this machine is ready: the web engine, the display, the keychain, the backend&apos;s address, proxies, certificates, the clock and the app&apos;s folders. Each line says what is wrong and what to do. Exit 0 when all is well, 1 when a problem was found.</source>
        <translation>يتحقق من جاهزية هذا الجهاز: محرك الويب، والشاشة، وسلسلة المفاتيح، وعنوان الواجهة الخلفية، والوكلاء، والشهادات، والساعة، ومجلدات التطبيق. يوضّح كل سطر ما الخطأ وما يجب فعله. رمز الخروج 0 عندما يكون كل شيء على ما يرام، و1 عند العثور على مشكلة.</translation>
    </message>
    <message>
        <source>Print one JSON object with every finding on stdout.</source>
        <translation>طباعة كائن JSON واحد يضم كل نتائج الفحص على stdout.</translation>
    </message>
    <message>
        <source> (see connect-desktop doctor --help)</source>
        <translation> (راجع connect-desktop doctor --help)</translation>
    </message>
    <message>
        <source>Saves a diagnostics bundle (a zip file) for support: versions, the effective settings and profiles without any secret, the doctor&apos;s findings, the last sessions with their redacted exchange logs, and what the web engine refused or reported.</source>
        <translation>يحفظ حزمة تشخيص (ملف zip) لفريق الدعم: الإصدارات، والإعدادات المطبّقة وملفات التعريف دون أي أسرار، ونتائج أداة الفحص (doctor)، وآخر الجلسات مع سجلات التبادل المنقّحة الخاصة بها، وما رفضه محرك الويب أو أبلغ عنه.</translation>
    </message>
    <message>
        <source>Write the bundle to FILE (a .zip).</source>
        <translation>كتابة الحزمة إلى FILE (ملف .zip).</translation>
    </message>
    <message>
        <source>Only sessions of the last DURATION (e.g. 30m, 12h, 7d; default: every kept one).</source>
        <translation>الجلسات الواقعة خلال آخر DURATION فقط (مثل 30m أو 12h أو 7d؛ الافتراضي: كل الجلسات المحفوظة).</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURATION</translation>
    </message>
    <message>
        <source>Leave a part out (repeatable): system, settings, profiles, doctor, sessions, engine.</source>
        <translation>استبعاد جزء (قابل للتكرار): system، settings، profiles، doctor، sessions، engine.</translation>
    </message>
    <message>
        <source>PART</source>
        <translation>PART</translation>
    </message>
    <message>
        <source>The profile the doctor checks (by name or id; default: the active one).</source>
        <translation>ملف التعريف الذي تفحصه أداة الفحص (بالاسم أو المعرّف؛ الافتراضي: الملف النشط).</translation>
    </message>
    <message>
        <source> (see connect-desktop diagnostics --help)</source>
        <translation> (راجع connect-desktop diagnostics --help)</translation>
    </message>
    <message>
        <source>Name the bundle&apos;s file with --output FILE.zip.</source>
        <translation>حدّد اسم ملف الحزمة باستخدام --output FILE.zip.</translation>
    </message>
    <message>
        <source>--output names a .zip file, such as diagnostics.zip.</source>
        <translation>يجب أن يحدد --output ملفًا بامتداد .zip، مثل diagnostics.zip.</translation>
    </message>
    <message>
        <source>--since takes a duration such as 30m, 12h or 7d, not &quot;%1&quot;.</source>
        <translation>يتطلب --since مدة مثل 30m أو 12h أو 7d، وليس «%1».</translation>
    </message>
    <message>
        <source>--without takes one of %1, not &quot;%2&quot;.</source>
        <translation>يتطلب --without إحدى القيم %1، وليس «%2».</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: connect, sandbox, check, doctor, history, diagnostics (see connect-desktop --help).</source>
        <translation>أمر غير معروف «%1». الأوامر: connect، sandbox، check، doctor، history، diagnostics (راجع connect-desktop --help).</translation>
    </message>
    <message>
        <source>The modal&apos;s address names this host instead of 127.0.0.1 (for rehearsing a proxy that resolves it).</source>
        <translation>يستخدم عنوان صفحة الاتصال اسم المضيف هذا بدلًا من 127.0.0.1 (للتدرّب على وكيل يحلّ هذا الاسم).</translation>
    </message>
    <message>
        <source>--public-host takes a host name such as sandbox.test, not &quot;%1&quot;.</source>
        <translation>يتطلب --public-host اسم مضيف مثل sandbox.test، وليس «%1».</translation>
    </message>
</context>
<context>
    <name>ConnectCommand</name>
    <message>
        <source>Unknown integration “%1”. This backend offers: %2.</source>
        <translation>تكامل غير معروف «%1». تكاملات هذه الواجهة الخلفية: %2.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <source>Connected %1 as “%2” (%3).</source>
        <translation>تم ربط %1 باسم «%2» (%3).</translation>
    </message>
    <message>
        <source>Cancelled: no connection was made.</source>
        <translation>أُلغي: لم يتم إنشاء أي اتصال.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>فشل: %1</translation>
    </message>
</context>
<context>
    <name>ConnectRequest</name>
    <message>
        <source>%1 must be a string</source>
        <translation>يجب أن يكون %1 سلسلة نصية</translation>
    </message>
    <message>
        <source>dark must be true or false</source>
        <translation>يجب أن تكون قيمة dark إما true أو false</translation>
    </message>
    <message>
        <source>whitelist must be a list of connection type ids</source>
        <translation>يجب أن يكون whitelist قائمة بمعرّفات أنواع الاتصال</translation>
    </message>
    <message>
        <source>name is required and must not be empty</source>
        <translation>الحقل name مطلوب ويجب ألا يكون فارغًا</translation>
    </message>
    <message>
        <source>redirect_url is required</source>
        <translation>الحقل redirect_url مطلوب</translation>
    </message>
    <message>
        <source>redirect_url must be an absolute http or https URL</source>
        <translation>يجب أن يكون redirect_url عنوان URL مطلقًا يبدأ بـ http أو https</translation>
    </message>
    <message>
        <source>connection must be a connection id (a uuid)</source>
        <translation>يجب أن يكون connection معرّف اتصال (UUID)</translation>
    </message>
</context>
<context>
    <name>ConnectSession</name>
    <message>
        <source>The connect page did not load within %1 seconds. Check your connection, then Retry.</source>
        <translation>لم يتم تحميل صفحة الاتصال خلال %1 ثانية. تحقق من اتصال الشبكة، ثم انقر على «إعادة المحاولة».</translation>
    </message>
    <message>
        <source>The browser did not come back within %1 minutes. Start again when you are ready.</source>
        <translation>لم يعد المتصفح خلال %1 دقيقة. ابدأ من جديد عندما تكون مستعدًا.</translation>
    </message>
    <message>
        <source>The connect page could not be loaded from %1. Check your connection, then Retry.</source>
        <translation>تعذّر تحميل صفحة الاتصال من %1. تحقق من اتصال الشبكة، ثم انقر على «إعادة المحاولة».</translation>
    </message>
    <message>
        <source>The connect page finished, but the connection could not be confirmed. %1</source>
        <translation>انتهت صفحة الاتصال، لكن تعذّر تأكيد الاتصال. %1</translation>
    </message>
    <message>
        <source>The connection “%1” was saved but is %2%3. Reconnect it to try again.</source>
        <translation>تم حفظ الاتصال «%1» لكن حالته %2%3. أعد ربطه للمحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>The connection to %1 is not secure: its certificate is not valid (%2). Connect Desktop does not continue to pages with invalid certificates. Check the profile&apos;s address, or ask your IT team whether something intercepts secure connections on this network.</source>
        <translation>الاتصال بـ %1 غير آمن: شهادته غير صالحة (%2). لا يتابع Connect Desktop إلى صفحات ذات شهادات غير صالحة. تحقق من عنوان ملف التعريف، أو اسأل فريق تقنية المعلومات إن كان هناك ما يعترض الاتصالات الآمنة على هذه الشبكة.</translation>
    </message>
    <message>
        <source>The connect page stopped working (its process ended). Reload to try again.</source>
        <translation>توقفت صفحة الاتصال عن العمل (انتهت عمليتها). أعد تحميلها للمحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>continuing in the system browser with a fresh session</source>
        <translation>المتابعة في متصفح النظام بجلسة جديدة</translation>
    </message>
    <message>
        <source>the page finished; asking %1 what happened</source>
        <translation>انتهت الصفحة؛ يُسأل %1 عمّا حدث</translation>
    </message>
    <message>
        <source>more console lines were not kept</source>
        <translation>لم يُحتفظ بمزيد من أسطر وحدة التحكم</translation>
    </message>
</context>
<context>
    <name>ConnectSessionTicket</name>
    <message>
        <source>The server did not return a usable address for the connect modal.</source>
        <translation>لم يُرجع الخادم عنوانًا صالحًا لصفحة الاتصال.</translation>
    </message>
</context>
<context>
    <name>ConnectWebPage</name>
    <message>
        <source>notifications</source>
        <translation>الإشعارات</translation>
    </message>
    <message>
        <source>location</source>
        <translation>الموقع</translation>
    </message>
    <message>
        <source>microphone</source>
        <translation>الميكروفون</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>الكاميرا</translation>
    </message>
    <message>
        <source>camera and microphone</source>
        <translation>الكاميرا والميكروفون</translation>
    </message>
    <message>
        <source>mouse lock</source>
        <translation>قفل مؤشر الماوس</translation>
    </message>
    <message>
        <source>screen capture</source>
        <translation>تسجيل الشاشة</translation>
    </message>
    <message>
        <source>a permission</source>
        <translation>إذن</translation>
    </message>
    <message>
        <source>file system access</source>
        <translation>الوصول إلى نظام الملفات</translation>
    </message>
    <message>
        <source>registering a protocol handler</source>
        <translation>تسجيل معالج بروتوكول</translation>
    </message>
    <message>
        <source>a download</source>
        <translation>تنزيل</translation>
    </message>
    <message>
        <source>an invalid certificate (%1)</source>
        <translation>شهادة غير صالحة (%1)</translation>
    </message>
    <message>
        <source>going to %1: %2</source>
        <translation>الانتقال إلى %1: %2</translation>
    </message>
    <message>
        <source>a popup that could not load</source>
        <translation>نافذة منبثقة تعذّر تحميلها</translation>
    </message>
    <message>
        <source>a popup that showed no web page</source>
        <translation>نافذة منبثقة لم تعرض أي صفحة ويب</translation>
    </message>
    <message numerus="yes">
        <source>a popup (%n already open)</source>
        <translation>
            <numerusform>نافذة منبثقة (%n مفتوحة بالفعل)</numerusform>
            <numerusform>نافذة منبثقة (واحدة مفتوحة بالفعل)</numerusform>
            <numerusform>نافذة منبثقة (اثنتان مفتوحتان بالفعل)</numerusform>
            <numerusform>نافذة منبثقة (%n مفتوحة بالفعل)</numerusform>
            <numerusform>نافذة منبثقة (%n مفتوحة بالفعل)</numerusform>
            <numerusform>نافذة منبثقة (%n مفتوحة بالفعل)</numerusform>
        </translation>
    </message>
    <message>
        <source>a popup whose page did not load</source>
        <translation>نافذة منبثقة لم تُحمَّل صفحتها</translation>
    </message>
    <message>
        <source>a file chooser</source>
        <translation>نافذة اختيار ملف</translation>
    </message>
</context>
<context>
    <name>ConnectWindow</name>
    <message>
        <source>Preparing the connect page…</source>
        <translation>جارٍ تجهيز صفحة الاتصال…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>تقدّم التحميل</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;التفاصيل</translation>
    </message>
    <message>
        <source>Show what went over the wire (secrets hidden)</source>
        <translation>عرض ما تم إرساله واستقباله (مع إخفاء الأسرار)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Continue in &amp;browser</source>
        <translation>المتابعة في المت&amp;صفح</translation>
    </message>
    <message>
        <source>Sign in with your system browser instead, for providers that refuse sign-in inside apps</source>
        <translation>تسجيل الدخول باستخدام متصفح النظام بدلًا من ذلك، للمزوّدين الذين يرفضون تسجيل الدخول داخل التطبيقات</translation>
    </message>
    <message>
        <source>Not secure: the certificate of %1 is not valid (%2) and was accepted because this profile allows it. Do not enter real credentials.</source>
        <translation>غير آمن: شهادة %1 غير صالحة (%2) وقد قُبلت لأن ملف التعريف هذا يسمح بذلك. لا تُدخل بيانات اعتماد حقيقية.</translation>
    </message>
    <message>
        <source>No browser could be started. Cancel, then try again once a default browser is set.</source>
        <translation>تعذّر تشغيل أي متصفح. ألغِ العملية، ثم حاول مرة أخرى بعد تعيين متصفح افتراضي.</translation>
    </message>
    <message>
        <source>Support setting: this profile can continue past invalid certificates.</source>
        <translation>إعداد للدعم الفني: يمكن لملف التعريف هذا المتابعة رغم الشهادات غير الصالحة.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>إعادة الربط</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>إعادة ربط %1</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>ربط %1</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>ربط حساب</translation>
    </message>
    <message>
        <source>Connection “%1”</source>
        <translation>الاتصال «%1»</translation>
    </message>
    <message>
        <source>New connection “%1”</source>
        <translation>اتصال جديد «%1»</translation>
    </message>
    <message>
        <source>The sign-in page (%1) does not allow signing in inside apps. Continue in your browser to finish.</source>
        <translation>لا تسمح صفحة تسجيل الدخول (%1) بتسجيل الدخول داخل التطبيقات. تابع في متصفحك لإكمال العملية.</translation>
    </message>
    <message>
        <source>Asking %1 for a secure connect page.</source>
        <translation>جارٍ طلب صفحة اتصال آمنة من %1.</translation>
    </message>
    <message>
        <source>Loading the connect page…</source>
        <translation>جارٍ تحميل صفحة الاتصال…</translation>
    </message>
    <message>
        <source>The page stopped working</source>
        <translation>توقفت الصفحة عن العمل</translation>
    </message>
    <message>
        <source>The connect page closed unexpectedly. Reload it to carry on where you were.</source>
        <translation>أُغلقت صفحة الاتصال بشكل غير متوقع. أعد تحميلها لتتابع من حيث توقفت.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>إعادة ال&amp;تحميل</translation>
    </message>
    <message>
        <source>The connect page could not be shown</source>
        <translation>تعذّر عرض صفحة الاتصال</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>إعادة ال&amp;محاولة</translation>
    </message>
    <message>
        <source>Continue &amp;anyway (not secure)</source>
        <translation>المتابعة على أ&amp;ي حال (غير آمن)</translation>
    </message>
    <message>
        <source>Continue in your browser</source>
        <translation>تابع في متصفحك</translation>
    </message>
    <message>
        <source>Finish signing in in the browser window that opened. This window carries on when you are done.</source>
        <translation>أكمل تسجيل الدخول في نافذة المتصفح التي فُتحت. ستتابع هذه النافذة عند انتهائك.</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>جارٍ التحقق من الاتصال…</translation>
    </message>
    <message>
        <source>Asking %1 whether the connection was made.</source>
        <translation>جارٍ سؤال %1 عمّا إذا كان الاتصال قد تم.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>Page address</source>
        <translation>عنوان الصفحة</translation>
    </message>
    <message>
        <source>Message from the page</source>
        <translation>رسالة من الصفحة</translation>
    </message>
    <message>
        <source>Secure connection · %1</source>
        <translation>اتصال آمن · %1</translation>
    </message>
    <message>
        <source>This computer · %1</source>
        <translation>هذا الحاسوب · %1</translation>
    </message>
    <message>
        <source>Not secure · %1</source>
        <translation>غير آمن · %1</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>المنصة</translation>
    </message>
    <message>
        <source>This is no longer %1&apos;s connect page: the page is now at %2. Enter credentials only if you trust it, or press Esc to stop.</source>
        <translation>لم تعد هذه صفحة الربط الخاصة بـ %1: الصفحة الآن على %2. لا تُدخل بيانات الاعتماد إلا إذا كنت تثق بها، أو اضغط Esc للإيقاف.</translation>
    </message>
    <message>
        <source>Message from the page (%1): %2</source>
        <translation>رسالة من الصفحة (%1): %2</translation>
    </message>
    <message>
        <source>The page (%1) asked “%2”. Connect Desktop answered Cancel; connect pages do not need such questions.</source>
        <translation>سألت الصفحة (%1) «%2». أجاب Connect Desktop بالإلغاء؛ لا تحتاج صفحات الربط إلى مثل هذه الأسئلة.</translation>
    </message>
    <message>
        <source>The page (%1) asked you to type something (“%2”). Connect Desktop does not pass typed text to pages this way: type only into the page&apos;s own fields.</source>
        <translation>طلبت الصفحة (%1) أن تكتب شيئًا («%2»). لا يمرّر Connect Desktop النص إلى الصفحات بهذه الطريقة: اكتب فقط في حقول الصفحة نفسها.</translation>
    </message>
    <message>
        <source>&amp;Hide messages from the page</source>
        <translation>إ&amp;خفاء رسائل الصفحة</translation>
    </message>
    <message>
        <source>The sign-in page (%1) does not allow signing in inside apps, and this sign-in cannot move to your browser. Close this window; ask your administrator whether the account can be connected another way.</source>
        <translation>لا تسمح صفحة تسجيل الدخول (%1) بتسجيل الدخول داخل التطبيقات، ولا يمكن نقل تسجيل الدخول هذا إلى متصفحك. أغلق هذه النافذة، واسأل المسؤول لديك عمّا إذا كان يمكن ربط الحساب بطريقة أخرى.</translation>
    </message>
    <message>
        <source>%1 · through proxy %2</source>
        <translation>%1 · عبر الوكيل %2</translation>
    </message>
    <message>
        <source>%1, through the proxy %2 (Settings, Network)</source>
        <translation>يتم الوصول إلى %1 عبر الوكيل %2 (الإعدادات ← الشبكة)</translation>
    </message>
</context>
<context>
    <name>ConnectionTypeModel</name>
    <message>
        <source>%1 (%2) · signs in with your %1 account</source>
        <translation>%1 (%2) · يسجّل الدخول بحسابك في %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ConnectionsView</name>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;إزالة…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>التكامل</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>تاريخ الإنشاء</translation>
    </message>
    <message>
        <source>Your connections</source>
        <translation>اتصالاتك</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>إعادة الربط</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>إزالة…</translation>
    </message>
    <message>
        <source>Sign in again to refresh this connection&apos;s credentials</source>
        <translation>سجّل الدخول مجددًا لتحديث بيانات اعتماد هذا الاتصال</translation>
    </message>
    <message>
        <source>Remove this connection from the organization</source>
        <translation>إزالة هذا الاتصال من المؤسسة</translation>
    </message>
    <message>
        <source>Loading your connections…</source>
        <translation>جارٍ تحميل اتصالاتك…</translation>
    </message>
    <message>
        <source>No connections yet. Pick an integration to connect one.</source>
        <translation>لا توجد اتصالات بعد. اختر تكاملًا لربطه.</translation>
    </message>
    <message>
        <source>Reco&amp;nnect</source>
        <translation>إعادة ال&amp;ربط</translation>
    </message>
</context>
<context>
    <name>DeepLink</name>
    <message>
        <source>The link is too long.</source>
        <translation>الرابط طويل جدًا.</translation>
    </message>
    <message>
        <source>This is not a Connect Desktop link (connectdesktop://connect?integration=…).</source>
        <translation>هذا ليس رابطًا لـ Connect Desktop (connectdesktop://connect?integration=…).</translation>
    </message>
    <message>
        <source>The link asks for “%1”, which Connect Desktop does not do.</source>
        <translation>يطلب الرابط «%1»، وهو ما لا يقوم به Connect Desktop.</translation>
    </message>
    <message>
        <source>The link has parts a Connect Desktop link never has.</source>
        <translation>يحتوي الرابط على أجزاء لا يحتويها رابط Connect Desktop أبدًا.</translation>
    </message>
    <message>
        <source>The link carries “%1”, which Connect Desktop does not accept from links.</source>
        <translation>يحمل الرابط «%1»، وهو ما لا يقبله Connect Desktop من الروابط.</translation>
    </message>
    <message>
        <source>The link must name exactly one integration.</source>
        <translation>يجب أن يحدد الرابط تكاملًا واحدًا بالضبط.</translation>
    </message>
    <message>
        <source>The link&apos;s integration is not a valid integration id.</source>
        <translation>تكامل الرابط ليس معرّف تكامل صالحًا.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsBundle</name>
    <message>
        <source>The app&apos;s, Qt&apos;s and Chromium&apos;s versions, the operating system and the display.</source>
        <translation>إصدارات التطبيق وQt وChromium، ونظام التشغيل، والشاشة.</translation>
    </message>
    <message>
        <source>The settings in effect: yours, the machine&apos;s defaults and what is locked, without any secret.</source>
        <translation>الإعدادات المطبّقة: إعداداتك، والإعدادات الافتراضية للجهاز، وما هو مقفل منها، دون أي أسرار.</translation>
    </message>
    <message>
        <source>Your profiles: names, platforms and addresses, without keys or credentials.</source>
        <translation>ملفات التعريف الخاصة بك: الأسماء والمنصات والعناوين، دون مفاتيح أو بيانات اعتماد.</translation>
    </message>
    <message>
        <source>What the doctor found on this machine (the web engine, keychain, network, proxies, certificates, clock).</source>
        <translation>ما وجدته أداة الفحص على هذا الجهاز (محرك الويب، وسلسلة المفاتيح، والشبكة، والوكلاء، والشهادات، والساعة).</translation>
    </message>
    <message>
        <source>The last sessions: their results, timings and exchange logs (already redacted), with the integrations and connection names they involved.</source>
        <translation>آخر الجلسات: نتائجها وتوقيتاتها وسجلات التبادل الخاصة بها (منقّحة مسبقًا)، مع التكاملات وأسماء الاتصالات المعنية بها.</translation>
    </message>
    <message>
        <source>What the web engine refused or reported in those sessions (navigations, permissions, dialogs, console errors).</source>
        <translation>ما رفضه محرك الويب أو أبلغ عنه في تلك الجلسات (عمليات التنقل، والأذونات، ومربعات الحوار، وأخطاء وحدة التحكم).</translation>
    </message>
    <message>
        <source>Nothing was refused or reported.</source>
        <translation>لم يُرفض أي شيء ولم يُبلَّغ عن أي شيء.</translation>
    </message>
    <message>
        <source>Could not create %1 (%2).</source>
        <translation>تعذّر إنشاء %1 (%2).</translation>
    </message>
    <message>
        <source>Could not add %1 to the bundle (%2).</source>
        <translation>تعذّرت إضافة %1 إلى الحزمة (%2).</translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>تعذّرت كتابة %1 (%2).</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>تعذّرت كتابة %1.</translation>
    </message>
    <message>
        <source>Could not open %1 as a zip file.</source>
        <translation>تعذّر فتح %1 كملف zip.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCommand</name>
    <message>
        <source>Running the doctor…</source>
        <translation>جارٍ تشغيل أداة الفحص…</translation>
    </message>
    <message>
        <source>Saved %1 with:</source>
        <translation>تم حفظ %1، ويتضمن:</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>مستبعد: %1</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>System and versions</source>
        <translation>النظام والإصدارات</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>ملفات التعريف</translation>
    </message>
    <message>
        <source>Doctor&apos;s findings</source>
        <translation>نتائج أداة الفحص</translation>
    </message>
    <message>
        <source>Sessions and exchange logs</source>
        <translation>الجلسات وسجلات التبادل</translation>
    </message>
    <message>
        <source>Web engine refusals and console</source>
        <translation>ما رفضه محرك الويب ووحدة التحكم</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;حفظ…</translation>
    </message>
    <message>
        <source>Save Diagnostics</source>
        <translation>حفظ بيانات التشخيص</translation>
    </message>
    <message>
        <source>A diagnostics bundle helps support see what happened on this computer. It never holds keys, tokens or passwords. Choose what goes in; the text on the right is exactly what each part holds.</source>
        <translation>تساعد حزمة التشخيص فريق الدعم على معرفة ما حدث على هذا الكمبيوتر. لا تحتوي أبدًا على مفاتيح أو رموز مميزة أو كلمات مرور. اختر ما يُضمَّن فيها؛ النص الظاهر على اليسار هو بالضبط ما يحتويه كل جزء.</translation>
    </message>
    <message>
        <source>Parts of the bundle</source>
        <translation>أجزاء الحزمة</translation>
    </message>
    <message>
        <source>Space ticks or clears a part</source>
        <translation>يحدد مفتاح المسافة جزءًا أو يلغي تحديده</translation>
    </message>
    <message>
        <source>&amp;Include:</source>
        <translation>&amp;تضمين:</translation>
    </message>
    <message>
        <source>Every kept session</source>
        <translation>كل الجلسات المحفوظة</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>آخر ساعة</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>آخر 24 ساعة</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <source>What the chosen part holds</source>
        <translation>ما يحتويه الجزء المحدد</translation>
    </message>
    <message>
        <source>&amp;Preview:</source>
        <translation>م&amp;عاينة:</translation>
    </message>
    <message>
        <source>Running the doctor…</source>
        <translation>جارٍ تشغيل أداة الفحص…</translation>
    </message>
    <message>
        <source>Sessions &amp;from:</source>
        <translation>الجلسات &amp;من:</translation>
    </message>
    <message>
        <source>The doctor found no problem.</source>
        <translation>لم تجد أداة الفحص أي مشكلة.</translation>
    </message>
    <message numerus="yes">
        <source>The doctor found %n problem(s); they are in the bundle.</source>
        <translation>
            <numerusform>وجدت أداة الفحص %n مشكلة؛ وهي مضمّنة في الحزمة.</numerusform>
            <numerusform>وجدت أداة الفحص مشكلة واحدة؛ وهي مضمّنة في الحزمة.</numerusform>
            <numerusform>وجدت أداة الفحص مشكلتين؛ وهما مضمّنتان في الحزمة.</numerusform>
            <numerusform>وجدت أداة الفحص %n مشكلات؛ وهي مضمّنة في الحزمة.</numerusform>
            <numerusform>وجدت أداة الفحص %n مشكلة؛ وهي مضمّنة في الحزمة.</numerusform>
            <numerusform>وجدت أداة الفحص %n مشكلة؛ وهي مضمّنة في الحزمة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: this part will not be in the bundle.</source>
        <translation>مستبعد: لن يُضمَّن هذا الجزء في الحزمة.</translation>
    </message>
    <message>
        <source>The doctor is still running…</source>
        <translation>لا تزال أداة الفحص قيد التشغيل…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>تم الحفظ في %1.</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>ملفات Zip (*.zip)</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>no proxy</source>
        <translation>بلا وكيل</translation>
    </message>
    <message>
        <source>no proxy (%1 is in no_proxy)</source>
        <translation>بلا وكيل (%1 مدرج في no_proxy)</translation>
    </message>
    <message>
        <source>Some checks did not finish within %1 seconds.</source>
        <translation>لم تنتهِ بعض عمليات الفحص خلال %1 ثانية.</translation>
    </message>
    <message>
        <source>Run the doctor again; if it stays so, the network or the web engine is stuck (see the lines above).</source>
        <translation>شغّل أداة الفحص مرة أخرى؛ وإذا استمر الأمر، فإن الشبكة أو محرك الويب عالق (راجع الأسطر أعلاه).</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>data (history, web profiles)</source>
        <translation>البيانات (السجل، وملفات تعريف الويب)</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>ذاكرة التخزين المؤقت</translation>
    </message>
    <message>
        <source>The app&apos;s folders are writable.</source>
        <translation>يمكن الكتابة في مجلدات التطبيق.</translation>
    </message>
    <message>
        <source>These folders cannot be written: %1.</source>
        <translation>تتعذّر الكتابة في هذه المجلدات: %1.</translation>
    </message>
    <message>
        <source>Give your user write access to them, or free some disk space.</source>
        <translation>امنح مستخدمك صلاحية الكتابة فيها، أو حرّر بعض المساحة على القرص.</translation>
    </message>
    <message>
        <source>No display (%1): windows are not shown; check, doctor and diagnostics work.</source>
        <translation>لا توجد شاشة (%1): لا تُعرض النوافذ؛ لكن الأوامر check وdoctor وdiagnostics تعمل.</translation>
    </message>
    <message>
        <source>Display: %1, web content drawn without the GPU.</source>
        <translation>الشاشة: %1، ويُرسم محتوى الويب دون وحدة معالجة الرسومات (GPU).</translation>
    </message>
    <message>
        <source>Display: %1.</source>
        <translation>الشاشة: %1.</translation>
    </message>
    <message>
        <source>The web engine started but could not show a page.</source>
        <translation>بدأ محرك الويب العمل لكنه لم يتمكن من عرض صفحة.</translation>
    </message>
    <message>
        <source>Run the app from a terminal and read what QtWebEngineProcess prints; check that the qt6-webengine packages are complete.</source>
        <translation>شغّل التطبيق من الطرفية واقرأ ما يطبعه QtWebEngineProcess؛ وتحقق من اكتمال حزم qt6-webengine.</translation>
    </message>
    <message>
        <source>The web engine runs pages (Qt WebEngine %1, Chromium %2; %3 ms).</source>
        <translation>يشغّل محرك الويب الصفحات (Qt WebEngine %1، وChromium %2؛ %3 ملّي ثانية).</translation>
    </message>
    <message>
        <source>The web engine shows pages but does not run their scripts.</source>
        <translation>يعرض محرك الويب الصفحات لكنه لا يشغّل نصوصها البرمجية.</translation>
    </message>
    <message>
        <source>Its sandbox is off because the app runs as root.</source>
        <translation>بيئة العزل (sandbox) الخاصة به معطّلة لأن التطبيق يعمل بصلاحيات root.</translation>
    </message>
    <message>
        <source>Its sandbox is off (QTWEBENGINE_DISABLE_SANDBOX).</source>
        <translation>بيئة العزل (sandbox) الخاصة به معطّلة (QTWEBENGINE_DISABLE_SANDBOX).</translation>
    </message>
    <message>
        <source>Run the app as an ordinary user, so that web pages run in Chromium&apos;s sandbox.</source>
        <translation>شغّل التطبيق كمستخدم عادي، حتى تعمل صفحات الويب داخل بيئة العزل الخاصة بـ Chromium.</translation>
    </message>
    <message>
        <source>Unset QTWEBENGINE_DISABLE_SANDBOX unless this machine cannot run the sandbox.</source>
        <translation>ألغِ تعيين QTWEBENGINE_DISABLE_SANDBOX ما لم يكن هذا الجهاز عاجزًا عن تشغيل بيئة العزل.</translation>
    </message>
    <message>
        <source>The OS keychain answers (this profile needs no secret).</source>
        <translation>تستجيب سلسلة مفاتيح النظام (لا يحتاج ملف التعريف هذا إلى سرّ).</translation>
    </message>
    <message>
        <source>The profile&apos;s secret is in the OS keychain.</source>
        <translation>سرّ ملف التعريف محفوظ في سلسلة مفاتيح النظام.</translation>
    </message>
    <message>
        <source>The profile&apos;s secret comes from %1 (none is in the keychain).</source>
        <translation>يأتي سرّ ملف التعريف من %1 (لا يوجد سرّ في سلسلة المفاتيح).</translation>
    </message>
    <message>
        <source>The profile “%1” has no secret in the keychain.</source>
        <translation>لا يوجد سرّ لملف التعريف «%1» في سلسلة المفاتيح.</translation>
    </message>
    <message>
        <source>Add it in Settings, Profiles, Edit.</source>
        <translation>أضفه في الإعدادات ← ملفات التعريف ← تعديل.</translation>
    </message>
    <message>
        <source>Add it in Settings, Profiles, Edit, or set %1.</source>
        <translation>أضفه في الإعدادات ← ملفات التعريف ← تعديل، أو عيّن %1.</translation>
    </message>
    <message>
        <source>The OS keychain cannot be reached.</source>
        <translation>يتعذّر الوصول إلى سلسلة مفاتيح النظام.</translation>
    </message>
    <message>
        <source>The profile “%1” cannot be opened.</source>
        <translation>يتعذّر فتح ملف التعريف «%1».</translation>
    </message>
    <message>
        <source>%1 is reached without encryption (http).</source>
        <translation>يتم الوصول إلى %1 دون تشفير (http).</translation>
    </message>
    <message>
        <source>Use an https:// address for anything beyond this computer.</source>
        <translation>استخدم عنوان https:// لكل ما هو خارج هذا الكمبيوتر.</translation>
    </message>
    <message>
        <source>%1 accepts the credential: %2 (%3 ms).</source>
        <translation>يقبل %1 بيانات الاعتماد: %2 (%3 ملّي ثانية).</translation>
    </message>
    <message>
        <source>%1 did not accept the request.</source>
        <translation>لم يقبل %1 الطلب.</translation>
    </message>
    <message>
        <source>The name %1 does not resolve (%2).</source>
        <translation>يتعذّر تحليل الاسم %1 (%2).</translation>
    </message>
    <message>
        <source>Check the profile&apos;s address, your network connection, and your DNS or VPN.</source>
        <translation>تحقق من عنوان ملف التعريف، ومن اتصال الشبكة، ومن إعدادات DNS أو VPN.</translation>
    </message>
    <message>
        <source>%1 does not answer through the proxy (%2).</source>
        <translation>لا يستجيب %1 عبر الوكيل (%2).</translation>
    </message>
    <message>
        <source>%1 resolves but does not answer (%2).</source>
        <translation>يُحلَّل اسم %1 لكنه لا يستجيب (%2).</translation>
    </message>
    <message>
        <source>Check that the address and port are right, and whether a firewall or proxy is in the way.</source>
        <translation>تحقق من صحة العنوان والمنفذ، ومما إذا كان جدار حماية أو وكيل يعترض الطريق.</translation>
    </message>
    <message>
        <source>%1 resolves and answers (HTTP %2; %3 ms to resolve, %4 ms round trip).</source>
        <translation>يُحلَّل اسم %1 ويستجيب (HTTP %2؛ %3 ملّي ثانية للتحليل، و%4 ملّي ثانية ذهابًا وإيابًا).</translation>
    </message>
    <message>
        <source>%1&apos;s certificate verifies for the API.</source>
        <translation>تم التحقق من شهادة %1 لواجهة API.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate does not verify for the API: %2</source>
        <translation>فشل التحقق من شهادة %1 لواجهة API: %2</translation>
    </message>
    <message>
        <source>If your network inspects secure connections, ask IT for its certificate authority and add it to the system&apos;s trusted certificates.</source>
        <translation>إذا كانت شبكتك تفحص الاتصالات الآمنة، فاطلب من فريق تقنية المعلومات جهة إصدار الشهادات الخاصة بها وأضفها إلى الشهادات الموثوق بها في النظام.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 seconds off %2&apos;s.</source>
        <translation>تنحرف ساعة هذا الكمبيوتر بمقدار %1 ثانية عن ساعة %2.</translation>
    </message>
    <message>
        <source>Set the clock automatically (NTP): tokens and sessions expire, and a wrong clock makes them look expired.</source>
        <translation>اضبط الساعة تلقائيًا (NTP): تنتهي صلاحية الرموز المميزة والجلسات، والساعة الخاطئة تجعلها تبدو منتهية الصلاحية.</translation>
    </message>
    <message>
        <source>The clock agrees with %1&apos;s (within %2 s).</source>
        <translation>تتوافق الساعة مع ساعة %1 (في حدود %2 ثانية).</translation>
    </message>
    <message>
        <source>%1 did not say its time; the clock was not compared.</source>
        <translation>لم يُفصح %1 عن وقته؛ لذا لم تتم مقارنة الساعة.</translation>
    </message>
    <message>
        <source>The web engine could not reach %1, so its certificate was not checked there.</source>
        <translation>تعذّر على محرك الويب الوصول إلى %1، لذا لم يتم التحقق من شهادته من خلاله.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate verifies for the web engine.</source>
        <translation>تم التحقق من شهادة %1 لمحرك الويب.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate does not verify for the web engine: %2</source>
        <translation>فشل التحقق من شهادة %1 لمحرك الويب: %2</translation>
    </message>
    <message>
        <source>The web engine trusts the system&apos;s NSS store: if your network inspects secure connections, ask IT to add its certificate authority there.</source>
        <translation>يثق محرك الويب بمخزن NSS الخاص بالنظام: إذا كانت شبكتك تفحص الاتصالات الآمنة، فاطلب من فريق تقنية المعلومات إضافة جهة إصدار الشهادات الخاصة بها إليه.</translation>
    </message>
    <message>
        <source>Both network stacks use %1 for %2.</source>
        <translation>يستخدم مكدّسا الشبكة كلاهما الإعداد نفسه لـ %2: %1.</translation>
    </message>
    <message>
        <source>The two network stacks differ for %1: the API client uses %2, the web engine %3.</source>
        <translation>يختلف مكدّسا الشبكة بالنسبة إلى %1: يستخدم عميل API ‏%2، ويستخدم محرك الويب %3.</translation>
    </message>
    <message>
        <source>Requests and pages would take different routes: set the proxy the same way for both (the environment&apos;s http_proxy/https_proxy, or none).</source>
        <translation>ستسلك الطلبات والصفحات مسارات مختلفة: اضبط الوكيل بالطريقة نفسها لكليهما (http_proxy/https_proxy في البيئة، أو بلا وكيل).</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>سليم</translation>
    </message>
    <message>
        <source>info</source>
        <translation>معلومة</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>تحذير</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>مشكلة</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>ما يجب فعله: %1</translation>
    </message>
</context>
<context>
    <name>DoctorCommand</name>
    <message>
        <source>Checking the profile “%1”…</source>
        <translation>جارٍ فحص ملف التعريف «%1»…</translation>
    </message>
</context>
<context>
    <name>ExchangeLog</name>
    <message>
        <source>… (%1 characters in all)</source>
        <translation>… (%1 حرفًا في المجموع)</translation>
    </message>
    <message>
        <source>no more entries are recorded for this session (%1 already)</source>
        <translation>لا تُسجَّل مدخلات أخرى لهذه الجلسة (%1 بالفعل)</translation>
    </message>
</context>
<context>
    <name>ExchangeLogView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;نسخ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>الطريقة</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>عنوان URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>المدة</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>عمليات التبادل</translation>
    </message>
    <message>
        <source>Copy every exchange as text (secrets are already hidden)</source>
        <translation>نسخ كل عمليات التبادل كنص (الأسرار مخفية بالفعل)</translation>
    </message>
    <message>
        <source>web %1</source>
        <translation>ويب %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ملّي ثانية</translation>
    </message>
    <message>
        <source>No exchanges yet</source>
        <translation>لا توجد عمليات تبادل بعد</translation>
    </message>
    <message>
        <source>Exchanges: %1</source>
        <translation>عمليات التبادل: %1</translation>
    </message>
    <message>
        <source>No exchanges were recorded</source>
        <translation>لم تُسجَّل أي عمليات تبادل</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>%1 is required.</source>
        <translation>الحقل %1 مطلوب.</translation>
    </message>
    <message>
        <source>%1 must be on or off.</source>
        <translation>يجب أن يكون %1 مفعّلًا أو معطّلًا.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>يجب أن يكون %1 رقمًا.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>يجب أن يكون %1 بين %2 و%3.</translation>
    </message>
    <message>
        <source>%1 must be one of the listed choices.</source>
        <translation>يجب أن يكون %1 أحد الخيارات المدرجة.</translation>
    </message>
    <message>
        <source>%1 must be an email address.</source>
        <translation>يجب أن يكون %1 عنوان بريد إلكتروني.</translation>
    </message>
    <message>
        <source>%1 must be a web address (https://…).</source>
        <translation>يجب أن يكون %1 عنوان ويب (https://…).</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>يجب أن يكون %1 نصًا.</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message numerus="yes">
        <source>Forgot %n session(s).</source>
        <translation>
            <numerusform>تم مسح %n جلسة.</numerusform>
            <numerusform>تم مسح جلسة واحدة.</numerusform>
            <numerusform>تم مسح جلستين.</numerusform>
            <numerusform>تم مسح %n جلسات.</numerusform>
            <numerusform>تم مسح %n جلسة.</numerusform>
            <numerusform>تم مسح %n جلسة.</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions are kept yet.</source>
        <translation>لا توجد جلسات محفوظة بعد.</translation>
    </message>
    <message>
        <source>No kept session matches.</source>
        <translation>لا توجد جلسة محفوظة مطابقة.</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>وقت الانتهاء</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>ملف التعريف</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>التكامل</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Connection or reason</source>
        <translation>الاتصال أو السبب</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 م.ث</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Completed</source>
        <translation>اكتمل</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Copy &amp;Session</source>
        <translation>نسخ الج&amp;لسة</translation>
    </message>
    <message>
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>&amp;Integration:</source>
        <translation>ال&amp;تكامل:</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>النتي&amp;جة:</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;ملف التعريف:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>وقت الانتهاء</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>ملف التعريف</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>التكامل</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>المدة</translation>
    </message>
    <message>
        <source>Connection or reason</source>
        <translation>الاتصال أو السبب</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>الجلسات السابقة</translation>
    </message>
    <message>
        <source>The chosen session</source>
        <translation>الجلسة المحددة</translation>
    </message>
    <message>
        <source>Copy the chosen session&apos;s result and exchanges as text (secrets were never kept)</source>
        <translation>نسخ نتيجة الجلسة المحددة وعمليات التبادل الخاصة بها كنص (لم يُحتفظ بالأسرار قط)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 ثانية</translation>
    </message>
    <message>
        <source>No sessions are kept yet. Each session you run from now on is listed here with its result and exchanges.</source>
        <translation>لا توجد جلسات محفوظة بعد. ستُدرج هنا كل جلسة تجريها من الآن فصاعدًا مع نتيجتها وعمليات التبادل الخاصة بها.</translation>
    </message>
    <message>
        <source>No kept session matches these filters.</source>
        <translation>لا توجد جلسة محفوظة تطابق عوامل التصفية هذه.</translation>
    </message>
    <message>
        <source>%1 on %2 (%3): %4</source>
        <translation>التكامل %1 على ملف التعريف %2 (%3): %4</translation>
    </message>
    <message>
        <source>Connection “%1” (%2), id %3</source>
        <translation>الاتصال «%1» (%2)، المعرّف %3</translation>
    </message>
    <message>
        <source>%1 %2 ms</source>
        <translation>%1 %2 ملّي ثانية</translation>
    </message>
    <message>
        <source>Timings: %1</source>
        <translation>التوقيتات: %1</translation>
    </message>
</context>
<context>
    <name>IntegrationChooser</name>
    <message>
        <source>Choose an integration</source>
        <translation>اختيار تكامل</translation>
    </message>
    <message>
        <source>Which account do you want to connect to %1?</source>
        <translation>ما الحساب الذي تريد ربطه بـ %1؟</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>IntegrationPicker</name>
    <message>
        <source>Search integrations</source>
        <translation>البحث في التكاملات</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>التكاملات</translation>
    </message>
    <message>
        <source>Loading integrations…</source>
        <translation>جارٍ تحميل التكاملات…</translation>
    </message>
    <message>
        <source>This backend offers no integrations.</source>
        <translation>لا تقدّم هذه الواجهة الخلفية أي تكاملات.</translation>
    </message>
    <message>
        <source>No integration matches “%1”.</source>
        <translation>لا يوجد تكامل يطابق «%1».</translation>
    </message>
    <message>
        <source>Showing 0 of %1</source>
        <translation>عرض 0 من %1</translation>
    </message>
    <message>
        <source>Integrations: %1</source>
        <translation>التكاملات: %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>عرض %1 من %2</translation>
    </message>
</context>
<context>
    <name>JsonEnvelope</name>
    <message>
        <source>The server&apos;s reply is not valid JSON (%1 at byte %2).</source>
        <translation>ردّ الخادم ليس JSON صالحًا (%1 عند البايت %2).</translation>
    </message>
    <message>
        <source>The server&apos;s reply has no &quot;data&quot; field.</source>
        <translation>لا يحتوي ردّ الخادم على الحقل «data».</translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>the key is not an RSA key</source>
        <translation>المفتاح ليس مفتاح RSA</translation>
    </message>
    <message>
        <source>not a JWT (three dot-separated parts)</source>
        <translation>ليس JWT (ثلاثة أجزاء مفصولة بنقاط)</translation>
    </message>
    <message>
        <source>not signed with RS256</source>
        <translation>غير موقّع باستخدام RS256</translation>
    </message>
    <message>
        <source>the signature does not match the key</source>
        <translation>التوقيع لا يطابق المفتاح</translation>
    </message>
    <message>
        <source>the payload is not a JSON object</source>
        <translation>الحمولة ليست كائن JSON</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>خطأ غير معروف</translation>
    </message>
</context>
<context>
    <name>KeychainAccess</name>
    <message>
        <source>The system keychain could not be used (%1). Set the %2 environment variable instead.</source>
        <translation>تعذّر استخدام سلسلة مفاتيح النظام (%1). عيّن متغير البيئة %2 بدلًا من ذلك.</translation>
    </message>
</context>
<context>
    <name>LogoCheck</name>
    <message>
        <source>The logo file is empty. Choose an SVG file.</source>
        <translation>ملف الشعار فارغ. اختر ملف SVG.</translation>
    </message>
    <message>
        <source>The logo is larger than %1 KiB. Simplify it or export a smaller SVG.</source>
        <translation>حجم الشعار أكبر من %1 KiB. بسّطه أو صدّر ملف SVG أصغر.</translation>
    </message>
    <message>
        <source>The logo declares a DOCTYPE or entities; export it as plain SVG.</source>
        <translation>يعلن الشعار عن DOCTYPE أو كيانات؛ صدّره كملف SVG عادي.</translation>
    </message>
    <message>
        <source>The logo refers to files or addresses outside itself; embed them or remove them.</source>
        <translation>يشير الشعار إلى ملفات أو عناوين خارجه؛ ضمّنها فيه أو أزلها.</translation>
    </message>
    <message>
        <source>This is not an SVG image. Choose an .svg file.</source>
        <translation>هذه ليست صورة SVG. اختر ملفًا بامتداد .svg.</translation>
    </message>
    <message>
        <source>The logo contains scripts or embedded web content, which are not allowed. Export it as plain SVG.</source>
        <translation>يحتوي الشعار على نصوص برمجية أو محتوى ويب مضمّن، وهذا غير مسموح. صدّره كملف SVG عادي.</translation>
    </message>
    <message>
        <source>The logo is not a well-formed SVG file (%1).</source>
        <translation>الشعار ليس ملف SVG سليم البنية (%1).</translation>
    </message>
    <message>
        <source>no &lt;svg&gt; element</source>
        <translation>لا يوجد عنصر &lt;svg&gt;</translation>
    </message>
    <message>
        <source>The logo cannot be drawn. Open it in an SVG editor and export it again.</source>
        <translation>يتعذّر رسم الشعار. افتحه في محرر SVG وصدّره مرة أخرى.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>تتعذّر قراءة %1: %2.</translation>
    </message>
</context>
<context>
    <name>MachineSettings</name>
    <message>
        <source>“%1” is not a setting Connect Desktop knows; it is ignored.</source>
        <translation>الإعداد «%1» غير معروف لـ Connect Desktop؛ سيتم تجاهله.</translation>
    </message>
    <message>
        <source>the theme must be system, light or dark.</source>
        <translation>يجب أن تكون السمة system أو light أو dark.</translation>
    </message>
    <message>
        <source>the kind must be polytomic, proxy or sandbox.</source>
        <translation>يجب أن يكون النوع polytomic أو proxy أو sandbox.</translation>
    </message>
    <message>
        <source>unknown API version; known: %1.</source>
        <translation>إصدار API غير معروف؛ الإصدارات المعروفة: %1.</translation>
    </message>
    <message>
        <source>the language must be a code such as de or fr_CA.</source>
        <translation>يجب أن تكون اللغة رمزًا مثل de أو fr_CA.</translation>
    </message>
    <message>
        <source>your organisation</source>
        <translation>مؤسستك</translation>
    </message>
    <message>
        <source>Company backend</source>
        <translation>الواجهة الخلفية للشركة</translation>
    </message>
    <message>
        <source>the access must be direct, backend or sandbox.</source>
        <translation>يجب أن يكون الوصول direct أو backend أو sandbox.</translation>
    </message>
    <message>
        <source>the base URL must be a web address such as %1.</source>
        <translation>يجب أن يكون عنوان URL الأساسي عنوان ويب، مثل %1.</translation>
    </message>
    <message>
        <source>the platform must be one of: %1.</source>
        <translation>يجب أن تكون المنصة إحدى القيم التالية: %1.</translation>
    </message>
    <message>
        <source>the address must be a web address such as %1.</source>
        <translation>يجب أن يكون العنوان عنوان ويب مثل %1.</translation>
    </message>
    <message>
        <source>the project ID may hold only letters, digits and hyphens.</source>
        <translation>لا يجوز أن يحتوي معرّف المشروع إلا على أحرف وأرقام وشرطات.</translation>
    </message>
    <message>
        <source>the proxy must be system, none or manual.</source>
        <translation>يجب أن يكون الوكيل system أو none أو manual.</translation>
    </message>
    <message>
        <source>the proxy address is not usable: %1</source>
        <translation>عنوان الوكيل غير صالح للاستخدام: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connect Desktop</source>
        <translation>Connect Desktop</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;تحديث</translation>
    </message>
    <message>
        <source>Reload integrations and connections (%1)</source>
        <translation>إعادة تحميل التكاملات والاتصالات (%1)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;الإعدادات…</translation>
    </message>
    <message>
        <source>&amp;Find Integration</source>
        <translation>&amp;بحث عن تكامل</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>ملف ال&amp;تعريف:</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>تجريبي</translation>
    </message>
    <message>
        <source>A local test server: nothing here touches a real account</source>
        <translation>خادم اختبار محلي: لا شيء هنا يمسّ حسابًا حقيقيًا</translation>
    </message>
    <message>
        <source>Connect an &amp;integration</source>
        <translation>ربط ت&amp;كامل</translation>
    </message>
    <message>
        <source>Your &amp;connections</source>
        <translation>&amp;اتصالاتك</translation>
    </message>
    <message>
        <source>Sandbox: a test server on this computer. Nothing you connect here reaches a real account.</source>
        <translation>البيئة التجريبية: خادم اختبار على هذا الكمبيوتر. لا يصل أي شيء تربطه هنا إلى حساب حقيقي.</translation>
    </message>
    <message>
        <source>%1 — Connect Desktop</source>
        <translation>%1 — Connect Desktop</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>جارٍ فتح %1…</translation>
    </message>
    <message>
        <source>“%1” could not be opened. %2</source>
        <translation>تعذّر فتح «%1». %2</translation>
    </message>
    <message>
        <source>Open &amp;Settings</source>
        <translation>فتح الإ&amp;عدادات</translation>
    </message>
    <message>
        <source>Try &amp;Again</source>
        <translation>حاول م&amp;جددًا</translation>
    </message>
    <message>
        <source>Integrations appear once the profile opens.</source>
        <translation>تظهر التكاملات بعد فتح ملف التعريف.</translation>
    </message>
    <message>
        <source>Connections appear once the profile opens.</source>
        <translation>تظهر الاتصالات بعد فتح ملف التعريف.</translation>
    </message>
    <message>
        <source>None of the allowed integrations (%1) is offered by %2. Check the allowed integrations in the settings, or switch profile.</source>
        <translation>لا تقدّم الواجهة الخلفية الحالية (%2) أيًّا من التكاملات المسموح بها (%1). تحقق من التكاملات المسموح بها في الإعدادات، أو بدّل ملف التعريف.</translation>
    </message>
    <message>
        <source>A link asked to connect “%1”. Finish or close the current connection first, then open the link again.</source>
        <translation>طلب رابطٌ ربط «%1». أكمل الاتصال الحالي أو أغلقه أولًا، ثم افتح الرابط مرة أخرى.</translation>
    </message>
    <message>
        <source>A link asked to connect “%1”, which is not among the integrations you can connect here.</source>
        <translation>طلب رابطٌ ربط «%1»، وهو ليس من التكاملات التي يمكنك ربطها هنا.</translation>
    </message>
    <message>
        <source>Checking the names of your connections…</source>
        <translation>جارٍ التحقق من أسماء اتصالاتك…</translation>
    </message>
    <message>
        <source>Connected %1 as “%2”.</source>
        <translation>تم ربط %1 باسم «%2».</translation>
    </message>
    <message>
        <source>Connected %1 as “%2” (%3).</source>
        <translation>تم ربط %1 باسم «%2» (%3).</translation>
    </message>
    <message>
        <source>Cancelled: %1 was not connected.</source>
        <translation>أُلغي: لم يتم ربط %1.</translation>
    </message>
    <message>
        <source>%1 was not connected (%2).</source>
        <translation>لم يتم ربط %1 (%2).</translation>
    </message>
    <message>
        <source>%1 was not connected. %2</source>
        <translation>لم يتم ربط %1. %2</translation>
    </message>
    <message>
        <source>Try Again as “%1”</source>
        <translation>المحاولة مجددًا باسم «%1»</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>إزالة الاتصال</translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>هل تريد إزالة الاتصال «%1»؟</translation>
    </message>
    <message>
        <source>Anything that uses it stops working. This cannot be undone.</source>
        <translation>سيتوقف كل ما يستخدمه عن العمل. لا يمكن التراجع عن هذا الإجراء.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Removing “%1”…</source>
        <translation>جارٍ إزالة «%1»…</translation>
    </message>
    <message>
        <source>“%1” could not be removed. %2</source>
        <translation>تعذّرت إزالة «%1». %2</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>تمت إزالة «%1».</translation>
    </message>
    <message>
        <source>The integrations could not be refreshed: %1</source>
        <translation>تعذّر تحديث التكاملات: %1</translation>
    </message>
    <message>
        <source>Diagnostics saved to %1</source>
        <translation>تم حفظ بيانات التشخيص في %1</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>ال&amp;سجل…</translation>
    </message>
    <message>
        <source>The last sessions: their results and exchanges</source>
        <translation>آخر الجلسات: نتائجها وعمليات التبادل الخاصة بها</translation>
    </message>
    <message>
        <source>Save &amp;Diagnostics…</source>
        <translation>حفظ بيانات ال&amp;تشخيص…</translation>
    </message>
    <message>
        <source>Save a bundle for support: versions, settings and sessions, without secrets</source>
        <translation>حفظ حزمة لفريق الدعم: الإصدارات والإعدادات والجلسات، دون أسرار</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
</context>
<context>
    <name>MessagePage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>حاول م&amp;جددًا</translation>
    </message>
</context>
<context>
    <name>ModalHost</name>
    <message>
        <source>Connect page</source>
        <translation>صفحة الاتصال</translation>
    </message>
    <message>
        <source>a message box (alert), not shown: “%1”</source>
        <translation>مربع رسالة (alert)، لم يُعرض: «%1»</translation>
    </message>
    <message>
        <source>a question (confirm), answered Cancel: “%1”</source>
        <translation>سؤال (confirm)، أُجيب بالإلغاء: «%1»</translation>
    </message>
    <message>
        <source>a text prompt (prompt), answered with nothing: “%1”</source>
        <translation>طلب نص (prompt)، أُجيب بلا شيء: «%1»</translation>
    </message>
    <message>
        <source>a request to stay on the page (beforeunload), answered Leave</source>
        <translation>طلب البقاء في الصفحة (beforeunload)، أُجيب بالمغادرة</translation>
    </message>
</context>
<context>
    <name>NavigationPolicy</name>
    <message>
        <source>the address is not valid</source>
        <translation>العنوان غير صالح</translation>
    </message>
    <message>
        <source>about: pages other than about:blank are not allowed</source>
        <translation>صفحات about: غير مسموح بها باستثناء about:blank</translation>
    </message>
    <message>
        <source>%1: addresses are not allowed; only web pages (https) are</source>
        <translation>عناوين %1: غير مسموح بها؛ المسموح فقط صفحات الويب (https)</translation>
    </message>
    <message>
        <source>the address has no host</source>
        <translation>العنوان لا يحتوي على مضيف</translation>
    </message>
    <message>
        <source>addresses with a user name or password are not allowed</source>
        <translation>العناوين التي تتضمن اسم مستخدم أو كلمة مرور غير مسموح بها</translation>
    </message>
    <message>
        <source>plain http is allowed only to this computer; %1 must use https</source>
        <translation>بروتوكول http غير المشفّر مسموح به فقط نحو هذا الكمبيوتر؛ يجب أن يستخدم %1 بروتوكول https</translation>
    </message>
    <message>
        <source>only the session&apos;s own redirect may reach the app&apos;s port</source>
        <translation>لا يُسمح بالوصول إلى منفذ التطبيق إلا لإعادة التوجيه الخاصة بالجلسة نفسها</translation>
    </message>
</context>
<context>
    <name>PageFileDialog</name>
    <message>
        <source>Files the page accepts (%1)</source>
        <translation>الملفات التي تقبلها الصفحة (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <source>Choose a File for the Page</source>
        <translation>اختيار ملف للصفحة</translation>
    </message>
</context>
<context>
    <name>ParagonAttempt</name>
    <message>
        <source>Paragon&apos;s portal connects one integration at a time: choose one.</source>
        <translation>تربط بوابة Paragon تكاملًا واحدًا في كل مرة: اختر تكاملًا واحدًا.</translation>
    </message>
    <message numerus="yes">
        <source>Paragon&apos;s portal connects one integration at a time, and %n were asked for: choose one.</source>
        <translation>
            <numerusform>تربط بوابة Paragon تكاملًا واحدًا في كل مرة، ولم يُطلب أي تكامل: اختر تكاملًا واحدًا.</numerusform>
            <numerusform>تربط بوابة Paragon تكاملًا واحدًا في كل مرة، وقد طُلب تكامل واحد: اختر تكاملًا واحدًا.</numerusform>
            <numerusform>تربط بوابة Paragon تكاملًا واحدًا في كل مرة، وقد طُلب تكاملان: اختر واحدًا منهما.</numerusform>
            <numerusform>تربط بوابة Paragon تكاملًا واحدًا في كل مرة، وقد طُلبت %n تكاملات: اختر واحدًا منها.</numerusform>
            <numerusform>تربط بوابة Paragon تكاملًا واحدًا في كل مرة، وقد طُلب %n تكاملًا: اختر واحدًا منها.</numerusform>
            <numerusform>تربط بوابة Paragon تكاملًا واحدًا في كل مرة، وقد طُلب %n تكامل: اختر واحدًا منها.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paragon&apos;s project has no active integration “%1”.</source>
        <translation>لا يحتوي مشروع Paragon على تكامل نشط باسم «%1».</translation>
    </message>
    <message>
        <source>Could not open a local port for Paragon&apos;s portal page (%1).</source>
        <translation>تعذّر فتح منفذ محلي لصفحة بوابة Paragon (%1).</translation>
    </message>
    <message>
        <source>Paragon Connect Portal</source>
        <translation>Paragon Connect Portal</translation>
    </message>
    <message>
        <source>Paragon connected an account (credential %1)</source>
        <translation>ربط Paragon حسابًا (بيانات الاعتماد %1)</translation>
    </message>
    <message>
        <source>The sign-in window could not open. Try again; if it keeps happening, ask your IT team whether pop-ups are blocked for Connect Desktop.</source>
        <translation>تعذّر فتح نافذة تسجيل الدخول. حاول مرة أخرى؛ وإذا تكرر ذلك، فاسأل فريق تقنية المعلومات إن كانت النوافذ المنبثقة محظورة على Connect Desktop.</translation>
    </message>
    <message numerus="yes">
        <source>The sign-in window did not finish in %n minutes. Connect again when you are ready to sign in.</source>
        <translation>
            <numerusform>لم يكتمل تسجيل الدخول في نافذته خلال %n دقيقة. أعد الربط عندما تكون مستعدًا لتسجيل الدخول.</numerusform>
            <numerusform>لم يكتمل تسجيل الدخول في نافذته خلال دقيقة واحدة. أعد الربط عندما تكون مستعدًا لتسجيل الدخول.</numerusform>
            <numerusform>لم يكتمل تسجيل الدخول في نافذته خلال دقيقتين. أعد الربط عندما تكون مستعدًا لتسجيل الدخول.</numerusform>
            <numerusform>لم يكتمل تسجيل الدخول في نافذته خلال %n دقائق. أعد الربط عندما تكون مستعدًا لتسجيل الدخول.</numerusform>
            <numerusform>لم يكتمل تسجيل الدخول في نافذته خلال %n دقيقة. أعد الربط عندما تكون مستعدًا لتسجيل الدخول.</numerusform>
            <numerusform>لم يكتمل تسجيل الدخول في نافذته خلال %n دقيقة. أعد الربط عندما تكون مستعدًا لتسجيل الدخول.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paragon did not accept the user token (%1). Check the profile&apos;s project id and token URL or signing key.</source>
        <translation>لم يقبل Paragon الرمز المميز للمستخدم (%1). تحقق من معرّف المشروع في ملف التعريف ومن عنوان URL للرمز أو مفتاح التوقيع.</translation>
    </message>
    <message>
        <source>Paragon&apos;s portal reported a problem: %1</source>
        <translation>أبلغت بوابة Paragon عن مشكلة: %1</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>لا توجد تفاصيل</translation>
    </message>
    <message>
        <source>Paragon&apos;s portal said the account was connected, but Paragon does not list it for this user. Connect again; if it keeps happening, contact the platform&apos;s support.</source>
        <translation>أفادت بوابة Paragon بأن الحساب رُبط، لكن Paragon لا يدرجه لهذا المستخدم. اربطه مجددًا؛ وإذا تكرر ذلك، فتواصل مع دعم المنصة.</translation>
    </message>
</context>
<context>
    <name>ParagonHttp</name>
    <message>
        <source>Paragon refused the user token.</source>
        <translation>رفض Paragon الرمز المميز للمستخدم.</translation>
    </message>
    <message>
        <source>The answer from %1 is not JSON (%2). Check the profile&apos;s addresses.</source>
        <translation>الرد الوارد من %1 ليس بتنسيق JSON (%2). تحقق من عناوين ملف التعريف.</translation>
    </message>
</context>
<context>
    <name>ParagonJson</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The account&apos;s sign-in is no longer valid: reconnect it.</source>
        <translation>لم يعد تسجيل الدخول إلى الحساب صالحًا: أعد ربطه.</translation>
    </message>
</context>
<context>
    <name>ParagonProvider</name>
    <message>
        <source>Paragon</source>
        <translation>Paragon</translation>
    </message>
    <message>
        <source>Paragon refused the user token for project %1. Check the profile&apos;s project id and where its tokens come from (the token URL, or the signing key).</source>
        <translation>رفض Paragon الرمز المميز للمستخدم في المشروع %1. تحقق من معرّف المشروع في ملف التعريف ومن مصدر رموزه المميزة (عنوان URL للرمز أو مفتاح التوقيع).</translation>
    </message>
    <message>
        <source>Paragon&apos;s list of integrations could not be read (not a list). Check the profile&apos;s service addresses.</source>
        <translation>تعذّرت قراءة قائمة تكاملات Paragon (ليست قائمة). تحقق من عناوين الخدمات في ملف التعريف.</translation>
    </message>
    <message>
        <source>Paragon&apos;s user state could not be read (not an object). Check the profile&apos;s service addresses.</source>
        <translation>تعذّرت قراءة حالة المستخدم لدى Paragon (ليست كائنًا). تحقق من عناوين الخدمات في ملف التعريف.</translation>
    </message>
    <message>
        <source>This account is not in the list Paragon gave last. Refresh the list, then try again.</source>
        <translation>هذا الحساب غير موجود في آخر قائمة قدّمها Paragon. حدّث القائمة، ثم حاول مرة أخرى.</translation>
    </message>
    <message numerus="yes">
        <source>project %1, a user with %n integration(s) connected</source>
        <translation>
            <numerusform>المشروع %1، مستخدم ليس لديه أي تكامل مربوط</numerusform>
            <numerusform>المشروع %1، مستخدم لديه تكامل واحد مربوط</numerusform>
            <numerusform>المشروع %1، مستخدم لديه تكاملان مربوطان</numerusform>
            <numerusform>المشروع %1، مستخدم لديه %n تكاملات مربوطة</numerusform>
            <numerusform>المشروع %1، مستخدم لديه %n تكاملًا مربوطًا</numerusform>
            <numerusform>المشروع %1، مستخدم لديه %n تكامل مربوط</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParagonSandbox</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 for any.</source>
        <translation>يتعذّر الاستماع على 127.0.0.1:%1 (%2). اختر منفذًا آخر باستخدام --port، أو 0 لأي منفذ.</translation>
    </message>
    <message>
        <source>Sync your %1 data (sandbox stand-in; nothing leaves this computer).</source>
        <translation>زامن بيانات %1 لديك (بديل من البيئة التجريبية؛ لا يغادر أي شيء هذا الكمبيوتر).</translation>
    </message>
    <message>
        <source>Connect your %1 account.</source>
        <translation>اربط حسابك في %1.</translation>
    </message>
    <message>
        <source>No project %1 in this sandbox; its project is %2.</source>
        <translation>لا يوجد مشروع %1 في هذه البيئة التجريبية؛ مشروعها هو %2.</translation>
    </message>
    <message>
        <source>No such credential</source>
        <translation>لا توجد بيانات اعتماد كهذه</translation>
    </message>
    <message>
        <source>Unknown integrationId</source>
        <translation>قيمة integrationId غير معروفة</translation>
    </message>
    <message>
        <source>The sandbox refused to start the sign-in (a fault option).</source>
        <translation>رفضت البيئة التجريبية بدء تسجيل الدخول (خيار عطل محاكى).</translation>
    </message>
    <message>
        <source>integrationId and oauthMetaKeyId are needed</source>
        <translation>يلزم تحديد integrationId وoauthMetaKeyId</translation>
    </message>
    <message>
        <source>Name the user: ?sub=USER_ID</source>
        <translation>حدّد المستخدم: ?sub=USER_ID</translation>
    </message>
</context>
<context>
    <name>PlatformTraits</name>
    <message>
        <source>Polytomic</source>
        <translation>Polytomic</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>مفتاح API</translation>
    </message>
    <message>
        <source>Polytomic&apos;s API, with an API key kept in this computer&apos;s keychain.</source>
        <translation>واجهة API الخاصة بـ Polytomic، مع مفتاح API محفوظ في سلسلة مفاتيح هذا الكمبيوتر.</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>عنوان URL ال&amp;أساسي:</translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation>&amp;مفتاح API:</translation>
    </message>
    <message>
        <source>Backend proxy</source>
        <translation>وكيل الواجهة الخلفية</translation>
    </message>
    <message>
        <source>Your backend adds the API key; the app never holds it.</source>
        <translation>تضيف الواجهة الخلفية لديك مفتاح API، ولا يحتفظ به التطبيق أبدًا.</translation>
    </message>
    <message>
        <source>Your &amp;credential:</source>
        <translation>بيانات ا&amp;عتمادك:</translation>
    </message>
    <message>
        <source>Paragon</source>
        <translation>Paragon</translation>
    </message>
    <message>
        <source>Your backend (token URL)</source>
        <translation>الواجهة الخلفية لديك (عنوان URL للرمز المميز)</translation>
    </message>
    <message>
        <source>Your backend signs a user token and answers the token URL with {&quot;token&quot;: &quot;…&quot;}.</source>
        <translation>تُوقّع الواجهة الخلفية لديك رمزًا مميزًا للمستخدم، وتجيب عن عنوان URL للرمز بـ {&quot;token&quot;: &quot;…&quot;}.</translation>
    </message>
    <message>
        <source>&amp;Token URL:</source>
        <translation>عنوان URL لل&amp;رمز:</translation>
    </message>
    <message>
        <source>Signing key (support staff)</source>
        <translation>مفتاح التوقيع (لفريق الدعم)</translation>
    </message>
    <message>
        <source>The app signs short-lived user tokens for one user with the project&apos;s signing key.</source>
        <translation>يُوقّع التطبيق رموزًا مميزة قصيرة الأجل لمستخدم واحد بمفتاح توقيع المشروع.</translation>
    </message>
    <message>
        <source>&amp;Signing key (PEM):</source>
        <translation>مفتاح التو&amp;قيع (PEM):</translation>
    </message>
    <message>
        <source>For support staff: the signing key stays in this computer&apos;s keychain. Never give it to end users.</source>
        <translation>لفريق الدعم: يبقى مفتاح التوقيع في سلسلة مفاتيح هذا الكمبيوتر. لا تعطه للمستخدمين النهائيين أبدًا.</translation>
    </message>
</context>
<context>
    <name>PolytomicAttempt</name>
    <message>
        <source>Could not open a local port for the sign-in to return to (%1).</source>
        <translation>تعذّر فتح منفذ محلي يعود إليه تسجيل الدخول (%1).</translation>
    </message>
</context>
<context>
    <name>PolytomicProvider</name>
    <message>
        <source>&quot;data&quot; is not a list</source>
        <translation>«data» ليست قائمة</translation>
    </message>
    <message>
        <source>the connection has no id</source>
        <translation>الاتصال ليس له معرّف</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 في %2</translation>
    </message>
</context>
<context>
    <name>PopupWindow</name>
    <message>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
</context>
<context>
    <name>PreparingView</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;إلغاء</translation>
    </message>
</context>
<context>
    <name>ProfileChoice</name>
    <message>
        <source>--base-url and --proxy-url are Polytomic&apos;s; for %1, name a profile with --profile (add one in the app&apos;s settings).</source>
        <translation>الخياران --base-url و--proxy-url خاصان بـ Polytomic؛ أما مع %1، فحدّد ملف تعريف باستخدام --profile (أضف ملفًا في إعدادات التطبيق).</translation>
    </message>
    <message>
        <source>Unknown profile “%1”. Profiles: %2 (add one in the app&apos;s settings).</source>
        <translation>ملف تعريف غير معروف «%1». ملفات التعريف: %2 (أضف ملفًا في إعدادات التطبيق).</translation>
    </message>
    <message>
        <source>The profile “%1” is a %2 profile, not %3.</source>
        <translation>ملف التعريف «%1» خاص بـ %2، وليس بـ %3.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Credential &amp;header:</source>
        <translation>&amp;ترويسة بيانات الاعتماد:</translation>
    </message>
    <message>
        <source>Re&amp;member sign-ins</source>
        <translation>تذكّر عمليات تسجيل ال&amp;دخول</translation>
    </message>
    <message>
        <source>Allow continuing past an &amp;invalid certificate (support only)</source>
        <translation>السماح بالمتابعة رغم وجود شهادة &amp;غير صالحة (للدعم الفني فقط)</translation>
    </message>
    <message>
        <source>Edit Profile</source>
        <translation>تعديل ملف التعريف</translation>
    </message>
    <message>
        <source>Add Profile</source>
        <translation>إضافة ملف تعريف</translation>
    </message>
    <message>
        <source>Keeps the cookies of sign-in pages in this profile&apos;s own folder, so providers remember you next time. Off: nothing of the web pages is kept once the app closes.</source>
        <translation>يحتفظ بملفات تعريف الارتباط (Cookies) الخاصة بصفحات تسجيل الدخول في مجلد خاص بملف التعريف هذا، حتى يتذكرك المزوّدون في المرة القادمة. عند التعطيل: لا يُحتفظ بأي شيء من صفحات الويب بعد إغلاق التطبيق.</translation>
    </message>
    <message>
        <source>Only for testing servers with self-made certificates. A page whose certificate is not valid may not be who it claims to be: anything typed into it can be read by others. Connect Desktop asks each time and shows a warning while such a page is open.</source>
        <translation>لاختبار الخوادم ذات الشهادات الذاتية التوقيع فقط. قد لا تكون الصفحة ذات الشهادة غير الصالحة هي ما تدّعيه: إذ يمكن للآخرين قراءة كل ما تكتبه فيها. يسأل Connect Desktop في كل مرة ويعرض تحذيرًا ما دامت هذه الصفحة مفتوحة.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;الاسم:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>ال&amp;نوع:</translation>
    </message>
    <message>
        <source>API &amp;version:</source>
        <translation>إ&amp;صدار API:</translation>
    </message>
    <message>
        <source>Web pages:</source>
        <translation>صفحات الويب:</translation>
    </message>
    <message>
        <source>•••• stored in keychain</source>
        <translation>•••• محفوظ في سلسلة المفاتيح</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored one.</source>
        <translation>اتركه فارغًا للإبقاء على المفتاح المحفوظ.</translation>
    </message>
    <message>
        <source>Optional: sent in the credential header</source>
        <translation>اختياري: يُرسل في ترويسة بيانات الاعتماد</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>ألصق مفتاح API</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never shown again.</source>
        <translation>يُحفظ في سلسلة مفاتيح النظام، ولن يُعرض مرة أخرى.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>أدخل اسمًا لملف التعريف.</translation>
    </message>
    <message>
        <source>Profile Set by %1</source>
        <translation>ملف التعريف (محدد بواسطة %1)</translation>
    </message>
    <message>
        <source>Choose Key &amp;File…</source>
        <translation>اختيار مل&amp;ف المفتاح…</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>تحذير</translation>
    </message>
    <message>
        <source>Paste the key (-----BEGIN PRIVATE KEY----- …), or choose its file</source>
        <translation>ألصق المفتاح (-----BEGIN PRIVATE KEY----- …) أو اختر ملفه</translation>
    </message>
    <message>
        <source>Only for an installation on your own servers. An empty field keeps the cloud&apos;s address.</source>
        <translation>فقط لتثبيت على خوادمك الخاصة. الحقل الفارغ يُبقي عنوان السحابة.</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>ا&amp;لمنصة:</translation>
    </message>
    <message>
        <source>Pro&amp;ject ID:</source>
        <translation>معرّف المشر&amp;وع:</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>معرّف المست&amp;خدم:</translation>
    </message>
    <message>
        <source>Choose the Signing Key</source>
        <translation>اختيار مفتاح التوقيع</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>مفاتيح PEM (*.pem *.key);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Se&amp;lf-hosted %1: its own service addresses</source>
        <translation>%1 مستضاف &amp;ذاتيًا: عناوين خدماته الخاصة</translation>
    </message>
    <message>
        <source>This file is too large to be a signing key.</source>
        <translation>هذا الملف أكبر من أن يكون مفتاح توقيع.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>تعذّرت قراءة الملف: %1</translation>
    </message>
    <message>
        <source>A project ID holds only letters, digits and hyphens.</source>
        <translation>لا يحتوي معرّف المشروع إلا على أحرف وأرقام وشرطات.</translation>
    </message>
    <message>
        <source>Enter a web address such as %1.</source>
        <translation>أدخل عنوان ويب مثل %1.</translation>
    </message>
    <message>
        <source>This key is protected by a passphrase. Save it without one first (openssl pkey -in key.pem -out plain.pem).</source>
        <translation>هذا المفتاح محمي بعبارة مرور. احفظه أولًا من دونها (openssl pkey -in key.pem -out plain.pem).</translation>
    </message>
    <message>
        <source>This is not an RSA private key in PEM form: it begins with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.</source>
        <translation>هذا ليس مفتاح RSA خاصًا بصيغة PEM: يبدأ المفتاح بـ -----BEGIN PRIVATE KEY----- أو -----BEGIN RSA PRIVATE KEY-----.</translation>
    </message>
    <message>
        <source>%1 must be a web address such as %2.</source>
        <translation>يجب أن يكون %1 عنوان ويب مثل %2.</translation>
    </message>
    <message>
        <source>Fill in “%1”.</source>
        <translation>املأ الحقل «%1».</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>Sandbox</source>
        <translation>البيئة التجريبية</translation>
    </message>
    <message>
        <source>Choose another profile id; &quot;%1&quot; cannot be used.</source>
        <translation>اختر معرّفًا آخر لملف التعريف؛ لا يمكن استخدام «%1».</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>أدخل اسمًا لملف التعريف.</translation>
    </message>
    <message>
        <source>Choose one of the known API versions: %1.</source>
        <translation>اختر أحد إصدارات API المعروفة: %1.</translation>
    </message>
    <message>
        <source>The address must be a web address such as %1.</source>
        <translation>يجب أن يكون العنوان عنوان ويب، مثل %1.</translation>
    </message>
    <message>
        <source>Paragon sandbox</source>
        <translation>البيئة التجريبية لـ Paragon</translation>
    </message>
    <message>
        <source>There is one sandbox profile per platform, and it is built in.</source>
        <translation>هناك ملف تعريف واحد للبيئة التجريبية لكل منصة، وهو مدمج.</translation>
    </message>
    <message>
        <source>%1 profiles cannot be of this kind; choose one of the kinds offered.</source>
        <translation>لا يمكن أن تكون ملفات تعريف %1 من هذا النوع؛ اختر أحد الأنواع المعروضة.</translation>
    </message>
    <message>
        <source>Enter the %1 project ID (you find it in the %1 dashboard).</source>
        <translation>أدخل معرّف مشروع %1 (تجده في لوحة معلومات %1).</translation>
    </message>
    <message>
        <source>The project ID may hold only letters, digits and hyphens, as in 3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.</source>
        <translation>لا يجوز أن يحتوي معرّف المشروع إلا على أحرف وأرقام وشرطات، مثل 3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.</translation>
    </message>
    <message>
        <source>Enter the ID of the user the tokens are signed for.</source>
        <translation>أدخل معرّف المستخدم الذي تُوقَّع الرموز المميزة له.</translation>
    </message>
    <message>
        <source>%1 is not a service of %2.</source>
        <translation>ليست %1 خدمة من خدمات %2.</translation>
    </message>
    <message>
        <source>The address of %1 must be a web address such as %2.</source>
        <translation>يجب أن يكون عنوان %1 عنوان ويب مثل %2.</translation>
    </message>
</context>
<context>
    <name>ProfileSwitcher</name>
    <message>
        <source>Profile</source>
        <translation>ملف التعريف</translation>
    </message>
    <message>
        <source>The backend this window talks to</source>
        <translation>الواجهة الخلفية التي تتواصل معها هذه النافذة</translation>
    </message>
    <message>
        <source>%1 (sandbox)</source>
        <translation>%1 (بيئة تجريبية)</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>محدد بواسطة %1</translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>Type the proxy&apos;s address, such as proxy.example.com:3128.</source>
        <translation>اكتب عنوان الوكيل، مثل proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>This is not a proxy address: type host:port, such as proxy.example.com:3128.</source>
        <translation>هذا ليس عنوان وكيل: اكتب host:port، مثل proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>The proxy must be http:// or socks5:// (both the API and the web pages use it).</source>
        <translation>يجب أن يكون الوكيل http:// أو socks5:// (إذ تستخدمه واجهة API وصفحات الويب كلتاهما).</translation>
    </message>
    <message>
        <source>Leave the user and password out of the address: they have fields of their own (the password is kept in the keychain).</source>
        <translation>لا تضمّن المستخدم وكلمة المرور في العنوان: لكل منهما حقل خاص به (تُحفظ كلمة المرور في سلسلة المفاتيح).</translation>
    </message>
    <message>
        <source>Add the proxy&apos;s port, such as :3128 or :8080.</source>
        <translation>أضف منفذ الوكيل، مثل :3128 أو :8080.</translation>
    </message>
    <message>
        <source>A proxy address has no path: type only host:port.</source>
        <translation>لا يتضمن عنوان الوكيل مسارًا: اكتب host:port فقط.</translation>
    </message>
</context>
<context>
    <name>RedirectListener</name>
    <message>
        <source>Connect Desktop</source>
        <translation>Connect Desktop</translation>
    </message>
    <message>
        <source>You can close this tab</source>
        <translation>يمكنك إغلاق علامة التبويب هذه</translation>
    </message>
    <message>
        <source>Connect Desktop has what it needs and is finishing in its own window.</source>
        <translation>حصل Connect Desktop على ما يحتاج إليه، ويُكمل العملية في نافذته الخاصة.</translation>
    </message>
</context>
<context>
    <name>SandboxCommand</name>
    <message>
        <source>connect-desktop sandbox: %1</source>
        <translation>connect-desktop sandbox: %1</translation>
    </message>
    <message>
        <source>Connect sandbox listening on %1</source>
        <translation>البيئة التجريبية لـ Connect تستمع على %1</translation>
    </message>
    <message>
        <source>API key: %1</source>
        <translation>مفتاح API: %1</translation>
    </message>
    <message>
        <source>Try: curl -H &apos;Authorization: Bearer %1&apos; %2/api/connection_types</source>
        <translation>جرّب: curl -H &apos;Authorization: Bearer %1&apos; %2/api/connection_types</translation>
    </message>
    <message>
        <source>Stop it with Ctrl+C.</source>
        <translation>أوقفها بالضغط على Ctrl+C.</translation>
    </message>
    <message>
        <source>Paragon sandbox listening on %1</source>
        <translation>البيئة التجريبية لـ Paragon تستمع على %1</translation>
    </message>
    <message>
        <source>Project id: %1</source>
        <translation>معرّف المشروع: %1</translation>
    </message>
    <message>
        <source>Token URL: %1?sub=USER_ID</source>
        <translation>عنوان URL للرمز: %1?sub=USER_ID</translation>
    </message>
    <message>
        <source>Try: curl &apos;%1?sub=someone&apos;</source>
        <translation>جرّب: curl &apos;%1?sub=someone&apos;</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 for any free port.</source>
        <translation>يتعذّر الاستماع على 127.0.0.1:%1 (%2). اختر منفذًا آخر باستخدام --port، أو 0 لأي منفذ متاح.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>غير موجود</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>لا يوجد شيء على هذا العنوان.</translation>
    </message>
    <message>
        <source>invalid token (sandbox fault)</source>
        <translation>رمز مميز غير صالح (عطل محاكى في البيئة التجريبية)</translation>
    </message>
    <message>
        <source>sandbox fault: forced status %1</source>
        <translation>عطل محاكى في البيئة التجريبية: حالة مفروضة %1</translation>
    </message>
    <message>
        <source>Unknown API version &quot;%1&quot; in X-Polytomic-Version. Known versions: %2.</source>
        <translation>إصدار API غير معروف «%1» في X-Polytomic-Version. الإصدارات المعروفة: %2.</translation>
    </message>
    <message>
        <source>Use POST to create a connect session.</source>
        <translation>استخدم POST لإنشاء جلسة اتصال.</translation>
    </message>
    <message>
        <source>Idempotency-Key must be 8 to 255 characters of letters, digits, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>يجب أن يتكون Idempotency-Key من 8 إلى 255 حرفًا من الحروف والأرقام و&apos;_&apos; و&apos;-&apos;.</translation>
    </message>
    <message>
        <source>A request with this Idempotency-Key is still being processed. Retry after it finishes.</source>
        <translation>لا يزال طلب بمفتاح Idempotency-Key هذا قيد المعالجة. أعد المحاولة بعد انتهائه.</translation>
    </message>
    <message>
        <source>Use GET or DELETE on a connection.</source>
        <translation>استخدم GET أو DELETE على الاتصال.</translation>
    </message>
    <message>
        <source>No such API endpoint: %1</source>
        <translation>لا توجد نقطة نهاية API بهذا المسار: %1</translation>
    </message>
    <message>
        <source>The request body is not a JSON object (%1).</source>
        <translation>نص الطلب ليس كائن JSON (%1).</translation>
    </message>
    <message>
        <source>found another JSON value</source>
        <translation>عُثر على قيمة JSON من نوع آخر</translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot;</source>
        <translation>نوع اتصال غير معروف «%1»</translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot; in whitelist</source>
        <translation>نوع اتصال غير معروف «%1» في whitelist</translation>
    </message>
    <message>
        <source>connection %1 does not exist</source>
        <translation>الاتصال %1 غير موجود</translation>
    </message>
    <message>
        <source>name must be unique: a connection named &quot;%1&quot; already exists</source>
        <translation>يجب أن يكون name فريدًا: يوجد بالفعل اتصال باسم «%1»</translation>
    </message>
    <message>
        <source>connection %1 not found</source>
        <translation>لم يُعثر على الاتصال %1</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>ربط حساب</translation>
    </message>
    <message>
        <source>This connect session has already finished.</source>
        <translation>انتهت جلسة الاتصال هذه بالفعل.</translation>
    </message>
    <message>
        <source>The form could not be read. Reload the page and try again.</source>
        <translation>تعذّرت قراءة النموذج. أعد تحميل الصفحة وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>This integration is not offered in this session.</source>
        <translation>هذا التكامل غير متاح في هذه الجلسة.</translation>
    </message>
    <message>
        <source>Signing in to %1 was not completed. Click Sign in to try again.</source>
        <translation>لم يكتمل تسجيل الدخول إلى %1. انقر على «تسجيل الدخول باستخدام %1» للمحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>Authentication failed %1 times. Start again from the app.</source>
        <translation>فشلت المصادقة %1 مرات. ابدأ من جديد من التطبيق.</translation>
    </message>
    <message>
        <source>Authentication failed: %1 rejected these credentials. Check them and try again.</source>
        <translation>فشلت المصادقة: رفض %1 بيانات الاعتماد هذه. تحقق منها وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The connection being reconnected no longer exists.</source>
        <translation>الاتصال الذي تجري إعادة ربطه لم يعد موجودًا.</translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; already exists. Close this window and choose another name.</source>
        <translation>يوجد بالفعل اتصال باسم «%1». أغلق هذه النافذة واختر اسمًا آخر.</translation>
    </message>
    <message>
        <source>sandbox: the first check of this connection failed</source>
        <translation>البيئة التجريبية: فشل الفحص الأول لهذا الاتصال</translation>
    </message>
    <message>
        <source>Error 403: disallowed_useragent</source>
        <translation>الخطأ 403: disallowed_useragent</translation>
    </message>
    <message>
        <source>This sign-in provider does not allow signing in from embedded browsers (sandbox imitation). Use a secure browser to continue.</source>
        <translation>لا يسمح مزوّد تسجيل الدخول هذا بتسجيل الدخول من المتصفحات المضمّنة (محاكاة من البيئة التجريبية). استخدم متصفحًا آمنًا للمتابعة.</translation>
    </message>
    <message>
        <source>This integration does not sign in this way.</source>
        <translation>هذا التكامل لا يسجّل الدخول بهذه الطريقة.</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>تسجيل الدخول إلى %1</translation>
    </message>
    <message>
        <source>This connect link is not valid</source>
        <translation>رابط الاتصال هذا غير صالح</translation>
    </message>
    <message>
        <source>Go back to the app and start connecting again.</source>
        <translation>ارجع إلى التطبيق وابدأ الربط من جديد.</translation>
    </message>
    <message>
        <source>This connect session has already been used</source>
        <translation>جلسة الاتصال هذه مستخدمة بالفعل</translation>
    </message>
    <message>
        <source>Each session works once. Go back to the app and start connecting again.</source>
        <translation>تعمل كل جلسة مرة واحدة فقط. ارجع إلى التطبيق وابدأ الربط من جديد.</translation>
    </message>
    <message>
        <source>This connect session has expired</source>
        <translation>انتهت صلاحية جلسة الاتصال هذه</translation>
    </message>
    <message>
        <source>Sessions last %1 minutes. Go back to the app and start connecting again.</source>
        <translation>تستمر الجلسات %1 دقيقة. ارجع إلى التطبيق وابدأ الربط من جديد.</translation>
    </message>
    <message>
        <source>Sessions last %1 seconds. Go back to the app and start connecting again.</source>
        <translation>تستمر الجلسات %1 ثانية. ارجع إلى التطبيق وابدأ الربط من جديد.</translation>
    </message>
    <message>
        <source>Connect sandbox</source>
        <translation>البيئة التجريبية لـ Connect</translation>
    </message>
    <message>
        <source>This server speaks the Polytomic Connect API under /api/ and serves its own connect modal. Create a session with POST /api/connections/connect/ and open the redirect_url it returns.</source>
        <translation>يتعامل هذا الخادم بواجهة Polytomic Connect API تحت /api/ ويقدّم صفحة الاتصال الخاصة به. أنشئ جلسة باستخدام POST /api/connections/connect/ وافتح redirect_url الذي تُرجعه.</translation>
    </message>
    <message>
        <source>%1 %2: cannot read it (%3).</source>
        <translation>%1 %2: تتعذّر قراءة الملف (%3).</translation>
    </message>
    <message>
        <source>%1 %2: the file is larger than 256 KiB; use a smaller SVG.</source>
        <translation>%1 %2: حجم الملف أكبر من 256 KiB؛ استخدم ملف SVG أصغر.</translation>
    </message>
    <message>
        <source>%1 %2: this is not an SVG image.</source>
        <translation>%1 %2: هذه ليست صورة SVG.</translation>
    </message>
</context>
<context>
    <name>SandboxStore</name>
    <message>
        <source>Cannot read the state file %1: %2.</source>
        <translation>تتعذّر قراءة ملف الحالة %1: %2.</translation>
    </message>
    <message>
        <source>The state file %1 is not a sandbox state file (%2). Move it away or choose another file with --state.</source>
        <translation>ملف الحالة %1 ليس ملف حالة للبيئة التجريبية (%2). انقله إلى مكان آخر أو اختر ملفًا آخر باستخدام --state.</translation>
    </message>
</context>
<context>
    <name>SessionHistory</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>تعذّرت إزالة %1.</translation>
    </message>
    <message>
        <source>The session history in %1 could not be read (%2).</source>
        <translation>تعذّرت قراءة سجل الجلسات في %1 (%2).</translation>
    </message>
    <message>
        <source>The session history was damaged; it was set aside as %1 and a new one was started.</source>
        <translation>كان سجل الجلسات تالفًا؛ فنُقل جانبًا باسم %1 وبُدئ سجل جديد.</translation>
    </message>
    <message>
        <source>The session history in %1 is damaged and could not be set aside; it will be written anew.</source>
        <translation>سجل الجلسات في %1 تالف وتعذّر نقله جانبًا؛ وستُعاد كتابته من جديد.</translation>
    </message>
    <message>
        <source>Could not write the session history to %1 (%2).</source>
        <translation>تعذّرت كتابة سجل الجلسات في %1 (%2).</translation>
    </message>
</context>
<context>
    <name>SessionResultView</name>
    <message>
        <source>Integration</source>
        <translation>التكامل</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>الاتصال</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>%1 is connected</source>
        <translation>تم ربط %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>Nothing was connected.</source>
        <translation>لم يتم ربط أي شيء.</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>تعذّر الربط</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>حدث خطأ ما (%1).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;المظهر</translation>
    </message>
    <message>
        <source>Connection &amp;names</source>
        <translation>أسماء الا&amp;تصالات</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;ملفات التعريف</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>اتباع النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>The app&apos;s own logo</source>
        <translation>شعار التطبيق الخاص به</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>اختيار شعار</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>صور SVG (*.svg)</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>ال&amp;سمة:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>ال&amp;شعار:</translation>
    </message>
    <message>
        <source>Logo for &amp;dark theme:</source>
        <translation>شعار للسمة ال&amp;داكنة:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>معاينة:</translation>
    </message>
    <message>
        <source>An SVG of at most %1 KB that refers to nothing outside itself. The dark variant is optional.</source>
        <translation>ملف SVG لا يتجاوز %1 كيلوبايت ولا يشير إلى أي شيء خارجه. الإصدار الداكن اختياري.</translation>
    </message>
    <message>
        <source>{integration} the integration&apos;s name, {id} its id, {date} today (yyyy-MM-dd), {time} the time (HH:mm). A name already in use gets “ (2)”, “ (3)”… added.</source>
        <translation>{integration} اسم التكامل، {id} معرّفه، {date} تاريخ اليوم (yyyy-MM-dd)، {time} الوقت (HH:mm). يُضاف إلى الاسم المستخدم مسبقًا « (2)»، « (3)»…</translation>
    </message>
    <message>
        <source>Name &amp;template:</source>
        <translation>&amp;قالب الاسم:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>مثال:</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>ملفات التعريف</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>إ&amp;ضافة…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>تع&amp;ديل…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>إ&amp;زالة</translation>
    </message>
    <message>
        <source>Clear &amp;Web Data</source>
        <translation>مسح بيانات ال&amp;ويب</translation>
    </message>
    <message>
        <source>Sign out of every page this profile&apos;s connect pages signed in to: deletes their cookies, cache and stored data.</source>
        <translation>تسجيل الخروج من كل صفحة سجّلت صفحات الاتصال الخاصة بملف التعريف هذا الدخول إليها: يحذف ملفات تعريف الارتباط (Cookies) وذاكرة التخزين المؤقت والبيانات المخزنة الخاصة بها.</translation>
    </message>
    <message>
        <source>The web data of “%1” is cleared: its connect pages start signed out.</source>
        <translation>تم مسح بيانات الويب لـ «%1»: ستبدأ صفحات الاتصال الخاصة به دون تسجيل دخول.</translation>
    </message>
    <message>
        <source>built-in sandbox</source>
        <translation>البيئة التجريبية المدمجة</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>إزالة ملف التعريف</translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Its stored key is deleted from the keychain too.</source>
        <translation>هل تريد إزالة ملف التعريف «%1»؟ سيُحذف مفتاحه المحفوظ من سلسلة المفاتيح أيضًا.</translation>
    </message>
    <message>
        <source>This file could not be drawn as an image.</source>
        <translation>تعذّر رسم هذا الملف كصورة.</translation>
    </message>
    <message>
        <source>Some settings are set by %1 for everyone on this computer and cannot be changed here.</source>
        <translation>بعض الإعدادات محددة بواسطة %1 لكل مستخدمي هذا الكمبيوتر، ولا يمكن تغييرها هنا.</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>محدد بواسطة %1</translation>
    </message>
    <message>
        <source>A new language applies when Connect Desktop starts again.</source>
        <translation>تُطبَّق اللغة الجديدة عند إعادة تشغيل Connect Desktop.</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>الل&amp;غة:</translation>
    </message>
    <message>
        <source>Every integration the backend offers</source>
        <translation>كل التكاملات التي تقدّمها الواجهة الخلفية</translation>
    </message>
    <message>
        <source>Type ids separated by commas, such as hubspot, postgresql. With one, it opens straight away.</source>
        <translation>معرّفات الأنواع مفصولة بفواصل، مثل hubspot, postgresql. إذا كان هناك معرّف واحد، فإنه يُفتح مباشرة.</translation>
    </message>
    <message>
        <source>&amp;Allowed integrations:</source>
        <translation>التكاملات الم&amp;سموح بها:</translation>
    </message>
    <message>
        <source>%1, set by %2</source>
        <translation>%1، محدد بواسطة %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>الس&amp;جل</translation>
    </message>
    <message>
        <source> sessions</source>
        <translation> جلسة</translation>
    </message>
    <message>
        <source>None (keep no history)</source>
        <translation>لا شيء (عدم الاحتفاظ بأي سجل)</translation>
    </message>
    <message>
        <source>Sessions to keep</source>
        <translation>الجلسات المراد الاحتفاظ بها</translation>
    </message>
    <message>
        <source>Each session&apos;s result, timings and exchange log are kept on this computer, without keys, tokens or passwords, for the History (View, History) and diagnostics bundles.</source>
        <translation>تُحفظ نتيجة كل جلسة وتوقيتاتها وسجل التبادل الخاص بها على هذا الكمبيوتر، دون مفاتيح أو رموز مميزة أو كلمات مرور، لاستخدامها في نافذة «السجل» (عرض ← السجل) وفي حزم التشخيص.</translation>
    </message>
    <message>
        <source>&amp;Clear History…</source>
        <translation>مسح السج&amp;ل…</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>مسح السجل</translation>
    </message>
    <message numerus="yes">
        <source>Forget the %n kept session(s)? This cannot be undone.</source>
        <translation>
            <numerusform>هل تريد مسح %n جلسة محفوظة؟ لا يمكن التراجع عن هذا الإجراء.</numerusform>
            <numerusform>هل تريد مسح الجلسة المحفوظة؟ لا يمكن التراجع عن هذا الإجراء.</numerusform>
            <numerusform>هل تريد مسح الجلستين المحفوظتين؟ لا يمكن التراجع عن هذا الإجراء.</numerusform>
            <numerusform>هل تريد مسح %n جلسات محفوظة؟ لا يمكن التراجع عن هذا الإجراء.</numerusform>
            <numerusform>هل تريد مسح %n جلسة محفوظة؟ لا يمكن التراجع عن هذا الإجراء.</numerusform>
            <numerusform>هل تريد مسح %n جلسة محفوظة؟ لا يمكن التراجع عن هذا الإجراء.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep the last:</source>
        <translation>الا&amp;حتفاظ بآخر:</translation>
    </message>
    <message>
        <source>No sessions are kept.</source>
        <translation>لا توجد جلسات محفوظة.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) kept.</source>
        <translation>
            <numerusform>لا توجد جلسات محفوظة.</numerusform>
            <numerusform>جلسة واحدة محفوظة.</numerusform>
            <numerusform>جلستان محفوظتان.</numerusform>
            <numerusform>%n جلسات محفوظة.</numerusform>
            <numerusform>%n جلسة محفوظة.</numerusform>
            <numerusform>%n جلسة محفوظة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use the system&apos;s settings</source>
        <translation>استخدام إعدادات النظام</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>بلا وكيل</translation>
    </message>
    <message>
        <source>A proxy of its own</source>
        <translation>وكيل خاص بالتطبيق</translation>
    </message>
    <message>
        <source>proxy.example.com:3128, or socks5://host:1080</source>
        <translation>proxy.example.com:3128 أو socks5://host:1080</translation>
    </message>
    <message>
        <source>None: the proxy asks for no sign-in</source>
        <translation>لا شيء: لا يطلب الوكيل تسجيل الدخول</translation>
    </message>
    <message>
        <source>Kept in the keychain; leave empty to keep the stored one</source>
        <translation>تُحفظ في سلسلة المفاتيح؛ اتركها فارغة للإبقاء على كلمة المرور المحفوظة</translation>
    </message>
    <message>
        <source>intranet.example.com, .corp.example.com</source>
        <translation>intranet.example.com, .corp.example.com</translation>
    </message>
    <message>
        <source>Proxy changes take effect when Connect Desktop starts again (the web engine takes its proxy once, at start).</source>
        <translation>تُطبَّق تغييرات الوكيل عند إعادة تشغيل Connect Desktop (إذ يأخذ محرك الويب إعداد الوكيل مرة واحدة عند بدء التشغيل).</translation>
    </message>
    <message>
        <source>One proxy for the API and for the pages the app shows. This computer&apos;s own servers (127.0.0.1) are always reached directly.</source>
        <translation>وكيل واحد لواجهة API وللصفحات التي يعرضها التطبيق. يتم الوصول دائمًا إلى الخوادم الخاصة بهذا الكمبيوتر (127.0.0.1) مباشرةً.</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>ال&amp;وكيل:</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>المست&amp;خدم:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;كلمة المرور:</translation>
    </message>
    <message>
        <source>&amp;Bypass for:</source>
        <translation>تجاو&amp;ز الوكيل لـ:</translation>
    </message>
    <message>
        <source>Netw&amp;ork</source>
        <translation>الش&amp;بكة</translation>
    </message>
    <message>
        <source>Reached directly by the API client. The web engine (Qt WebEngine 6.4) takes no bypass list: pages of these hosts still go through the proxy.</source>
        <translation>يصل عميل واجهة API إلى هذه المضيفات مباشرةً. لا يأخذ محرك الويب (Qt WebEngine 6.4) قائمة استثناءات، لذا تظل صفحات هذه المضيفات تمر عبر الوكيل.</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>Healthy</source>
        <translation>سليم</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>غير سليم</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>قيد الانتظار</translation>
    </message>
</context>
<context>
    <name>UserTokenSource</name>
    <message>
        <source>The user token is not a JWT with a subject (sub) and an expiry (exp), which Paragon needs. Check what the token URL answers.</source>
        <translation>الرمز المميز للمستخدم ليس JWT يتضمن الموضوع (sub) وتاريخ انتهاء الصلاحية (exp)، وهو ما يحتاجه Paragon. تحقق مما يجيب به عنوان URL للرمز.</translation>
    </message>
    <message>
        <source>The user token has expired, or expires within a minute (at %1 UTC). Check the clocks of this computer and of the server that signs it.</source>
        <translation>انتهت صلاحية الرمز المميز للمستخدم، أو ستنتهي خلال دقيقة (انتهاء الصلاحية: %1 UTC). تحقق من ساعتي هذا الكمبيوتر والخادم الذي يوقّعه.</translation>
    </message>
    <message>
        <source>The profile&apos;s signing key could not sign a user token (%1). Enter the project&apos;s RS256 private key again in Settings → Profiles.</source>
        <translation>تعذّر على مفتاح التوقيع في ملف التعريف توقيع رمز مميز للمستخدم (%1). أدخل المفتاح الخاص RS256 للمشروع مجددًا في الإعدادات ← ملفات التعريف.</translation>
    </message>
    <message>
        <source>The token URL at %1 refused to give a user token. Check the credential in the profile&apos;s settings.</source>
        <translation>رفض عنوان URL للرمز على %1 إعطاء رمز مميز للمستخدم. تحقق من بيانات الاعتماد في إعدادات ملف التعريف.</translation>
    </message>
    <message>
        <source>The token URL at %1 did not answer {&quot;token&quot;: &quot;&lt;JWT&gt;&quot;}. Check the profile&apos;s token URL.</source>
        <translation>لم يُجب عنوان URL للرمز على %1 بـ {&quot;token&quot;: &quot;&lt;JWT&gt;&quot;}. تحقق من عنوان URL للرمز في ملف التعريف.</translation>
    </message>
</context>
<context>
    <name>WebProfiles</name>
    <message>
        <source>The web data in %1 could not be deleted. Close Connect Desktop and delete that folder.</source>
        <translation>تعذّر حذف بيانات الويب في %1. أغلق Connect Desktop واحذف ذلك المجلد.</translation>
    </message>
</context>
</TS>
