// The words of the Paragon sandbox's pages (portal, consent, popup pages) in the app's languages.
// Each page calls sandboxText(id, values) and sandboxLocalize(): elements with data-text get
// their text, the document its language and direction. navigator.language picks the language.
'use strict';
(function () {
  const STRINGS = {
    en: {
      portalTitle: '{name} — Paragon sandbox',
      standIn: 'This is the Paragon sandbox, a stand-in for Paragon\'s Connect Portal on this computer. No real account is involved.',
      connect: 'Connect',
      connectAnother: 'Connect another account',
      reconnect: 'Reconnect',
      close: 'Close',
      done: 'Done',
      notConnected: 'Not connected yet.',
      connected: 'Connected: {count} account(s).',
      connecting: 'Waiting for the sign-in window…',
      problem: 'The sign-in did not finish: {message}',
      consentTitle: 'Sandbox sign-in for {name}',
      consentAsk: 'Allow Connect Desktop to use your sandbox account at {name}?',
      allow: 'Allow',
      deny: 'Deny',
      preparing: 'Preparing the sign-in…',
      finished: 'The sign-in is finished. This window closes by itself; if it does not, close it.',
      denied: 'The sign-in was refused. This window closes by itself; if it does not, close it.',
    },
    de: {
      portalTitle: '{name} — Paragon-Sandbox',
      standIn: 'Dies ist die Paragon-Sandbox, ein Ersatz für Paragons Connect Portal auf diesem Computer. Es ist kein echtes Konto beteiligt.',
      connect: 'Verbinden',
      connectAnother: 'Weiteres Konto verbinden',
      reconnect: 'Erneut verbinden',
      close: 'Schließen',
      done: 'Fertig',
      notConnected: 'Noch nicht verbunden.',
      connected: 'Verbunden: {count} Konto/Konten.',
      connecting: 'Warten auf das Anmeldefenster …',
      problem: 'Die Anmeldung wurde nicht abgeschlossen: {message}',
      consentTitle: 'Sandbox-Anmeldung für {name}',
      consentAsk: 'Darf Connect Desktop Ihr Sandbox-Konto bei {name} verwenden?',
      allow: 'Zulassen',
      deny: 'Ablehnen',
      preparing: 'Die Anmeldung wird vorbereitet …',
      finished: 'Die Anmeldung ist abgeschlossen. Dieses Fenster schließt sich von selbst; sonst schließen Sie es.',
      denied: 'Die Anmeldung wurde abgelehnt. Dieses Fenster schließt sich von selbst; sonst schließen Sie es.',
    },
    fr: {
      portalTitle: '{name} — sandbox Paragon',
      standIn: 'Ceci est la sandbox Paragon, qui remplace le Connect Portal de Paragon sur cet ordinateur. Aucun vrai compte n’est concerné.',
      connect: 'Connecter',
      connectAnother: 'Connecter un autre compte',
      reconnect: 'Reconnecter',
      close: 'Fermer',
      done: 'Terminé',
      notConnected: 'Pas encore connecté.',
      connected: 'Connecté : {count} compte(s).',
      connecting: 'En attente de la fenêtre d’identification…',
      problem: 'L’identification n’a pas abouti : {message}',
      consentTitle: 'Identification de la sandbox auprès de {name}',
      consentAsk: 'Autoriser Connect Desktop à utiliser votre compte de la sandbox chez {name} ?',
      allow: 'Autoriser',
      deny: 'Refuser',
      preparing: 'Préparation de l’identification…',
      finished: 'L’identification est terminée. Cette fenêtre se ferme d’elle-même ; sinon, fermez-la.',
      denied: 'L’identification a été refusée. Cette fenêtre se ferme d’elle-même ; sinon, fermez-la.',
    },
    es: {
      portalTitle: '{name} — sandbox de Paragon',
      standIn: 'Este es el sandbox de Paragon, que sustituye al Connect Portal de Paragon en este equipo. No interviene ninguna cuenta real.',
      connect: 'Conectar',
      connectAnother: 'Conectar otra cuenta',
      reconnect: 'Volver a conectar',
      close: 'Cerrar',
      done: 'Listo',
      notConnected: 'Aún no conectado.',
      connected: 'Conectado: {count} cuenta(s).',
      connecting: 'Esperando la ventana de inicio de sesión…',
      problem: 'El inicio de sesión no terminó: {message}',
      consentTitle: 'Inicio de sesión del sandbox en {name}',
      consentAsk: '¿Permitir que Connect Desktop use tu cuenta del sandbox en {name}?',
      allow: 'Permitir',
      deny: 'Denegar',
      preparing: 'Preparando el inicio de sesión…',
      finished: 'El inicio de sesión ha terminado. Esta ventana se cierra sola; si no, ciérrala.',
      denied: 'Se rechazó el inicio de sesión. Esta ventana se cierra sola; si no, ciérrala.',
    },
    ja: {
      portalTitle: '{name} — Paragon サンドボックス',
      standIn: 'これは Paragon サンドボックスです。このコンピューター上で Paragon の Connect Portal の代わりを務めます。実際のアカウントは使われません。',
      connect: '接続',
      connectAnother: '別のアカウントを接続',
      reconnect: '再接続',
      close: '閉じる',
      done: '完了',
      notConnected: 'まだ接続されていません。',
      connected: '接続済み: {count} 件のアカウント。',
      connecting: 'サインイン ウィンドウを待っています…',
      problem: 'サインインが完了しませんでした: {message}',
      consentTitle: '{name} へのサンドボックス サインイン',
      consentAsk: 'Connect Desktop に {name} のサンドボックス アカウントの使用を許可しますか?',
      allow: '許可',
      deny: '拒否',
      preparing: 'サインインを準備しています…',
      finished: 'サインインが完了しました。このウィンドウは自動的に閉じます。閉じない場合は閉じてください。',
      denied: 'サインインは拒否されました。このウィンドウは自動的に閉じます。閉じない場合は閉じてください。',
    },
    ar: {
      portalTitle: '{name} — بيئة Paragon التجريبية',
      standIn: 'هذه بيئة Paragon التجريبية، بديل محلي لبوابة Connect من Paragon على هذا الحاسوب. لا يُستخدم أي حساب حقيقي.',
      connect: 'اتصال',
      connectAnother: 'ربط حساب آخر',
      reconnect: 'إعادة الاتصال',
      close: 'إغلاق',
      done: 'تم',
      notConnected: 'غير متصل بعد.',
      connected: 'متصل: {count} حساب.',
      connecting: 'في انتظار نافذة تسجيل الدخول…',
      problem: 'لم يكتمل تسجيل الدخول: {message}',
      consentTitle: 'تسجيل دخول تجريبي إلى {name}',
      consentAsk: 'هل تسمح لـ Connect Desktop باستخدام حسابك التجريبي في {name}؟',
      allow: 'سماح',
      deny: 'رفض',
      preparing: 'جارٍ تحضير تسجيل الدخول…',
      finished: 'اكتمل تسجيل الدخول. تُغلق هذه النافذة تلقائيًا؛ وإن لم تُغلق فأغلقها.',
      denied: 'رُفض تسجيل الدخول. تُغلق هذه النافذة تلقائيًا؛ وإن لم تُغلق فأغلقها.',
    },
  };
  const wanted = String(navigator.language || 'en').toLowerCase().split(/[-_]/)[0];
  const language = STRINGS[wanted] ? wanted : 'en';

  window.sandboxText = function (id, values) {
    let text = STRINGS[language][id] || STRINGS.en[id] || id;
    Object.keys(values || {}).forEach(function (key) {
      text = text.split('{' + key + '}').join(String(values[key]));
    });
    return text;
  };

  window.sandboxLocalize = function (values) {
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
    document.querySelectorAll('[data-text]').forEach(function (element) {
      element.textContent = window.sandboxText(element.dataset.text, values);
    });
  };
})();
