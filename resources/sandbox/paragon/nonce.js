// The sandbox's nonce page: sets the flow's nonce cookie (the flow belongs to this browser
// profile), remembers the opener's origin for the passport page, and tells the opener (only at
// that origin) that the popup is ready; the SDK then sends the popup to the consent page.
'use strict';
(function () {
  const root = document.documentElement;
  sandboxLocalize({});
  const nonce = Array.from(crypto.getRandomValues(new Uint8Array(16)),
    function (byte) { return byte.toString(16).padStart(2, '0'); }).join('');
  document.cookie = 'paragon-sandbox-nonce=' + nonce + '; path=/; SameSite=Lax';
  let origin = '';
  try {
    origin = new URL(root.dataset.origin).origin;
  } catch (error) {
    origin = '';
  }
  if (origin && origin !== 'null') {
    sessionStorage.setItem('paragon-sandbox-opener-origin', origin);
    if (window.opener) {
      window.opener.postMessage({ type: 'oauth-nonce-loaded' }, origin);
    }
  }
})();
