// The sandbox's consent page: Allow or Deny goes on to the passport with the answer.
'use strict';
(function () {
  const root = document.documentElement;
  sandboxLocalize({ name: root.dataset.name });
  if (root.dataset.losesOpener === 'true') {
    // A fault (as a provider's page that isolates itself does): the popup can no longer report
    // back, and the SDK must learn the outcome by polling the sign-in's session.
    window.opener = null;
  }
  document.title = sandboxText('consentTitle', { name: root.dataset.name });
  function answer(value) {
    const next = new URL('/passport/oauth', window.location.href);
    next.searchParams.set('session', root.dataset.session);
    next.searchParams.set('answer', value);
    window.location.assign(next.toString());
  }
  document.getElementById('allow').addEventListener('click', function () { answer('allow'); });
  document.getElementById('deny').addEventListener('click', function () { answer('deny'); });
  document.getElementById('allow').focus();
})();
