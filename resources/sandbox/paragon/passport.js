// The sandbox's passport page: tells the opener (only at the origin the nonce page was given)
// how the sign-in ended, as Paragon's passport does, then closes the popup.
'use strict';
(function () {
  const root = document.documentElement;
  sandboxLocalize({});
  const success = root.dataset.outcome === 'success';
  document.getElementById('said').textContent = sandboxText(success ? 'finished' : 'denied');
  const origin = sessionStorage.getItem('paragon-sandbox-opener-origin');
  if (window.opener && origin) {
    const message = success
      ? { type: 'oauth_success_callback',
          credential: { integrationId: root.dataset.integration,
                        payload: { sandboxCredentialId: root.dataset.credential } } }
      : { type: 'oauth_error_callback', error: 'access_denied',
          errorResponse: { error: 'access_denied',
                           error_description: 'The sandbox account\'s owner refused the sign-in.' },
          integrationId: root.dataset.integration };
    window.opener.postMessage(message, origin);
  }
  window.setTimeout(function () { window.close(); }, 300);
})();
