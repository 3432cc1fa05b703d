// Connect Desktop's host page for Paragon's SDK: constructs the SDK with the profile's
// environments, authenticates the user, opens the portal for the session's integration, and
// reports what happens to the app by the page's own channel (a same-origin request carrying the
// session's secret; frames of other origins can neither read the secret nor send with this
// origin). What is reported is built here field by field: the SDK's callbacks carry the user's
// token, which never goes back to the app this way.
'use strict';
(function () {
  const config = window.connectDesktopTakeConfig();
  if (!config) {
    return;
  }
  const secret = config.secret;
  delete config.secret;

  function report(kind, fields) {
    const body = JSON.stringify(Object.assign({ kind: kind }, fields || {}));
    return fetch('report', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Connect-Desktop-Session': secret },
      body: body,
      keepalive: true,
      credentials: 'omit',
    }).catch(function () {});
  }

  function messageOf(error) {
    if (!error) {
      return '';
    }
    return String(error.message || error).slice(0, 500);
  }

  // The SDK's named errors, as codes the app explains.
  function codeOf(error) {
    const name = (error && error.name) || '';
    const text = messageOf(error);
    if (name === 'OAuthBlockedError' || /popup was blocked/i.test(text)) return 'popup_blocked';
    if (name === 'OAuthTimeoutError' || /timed? ?out/i.test(text)) return 'oauth_timeout';
    if (name === 'IntegrationNotFoundError' || /not found/i.test(text)) return 'unknown_integration';
    if (name === 'UserNotAuthenticatedError' || /unauthori[sz]ed|expired|authenticate/i.test(text)) {
      return 'token_refused';
    }
    return 'portal_error';
  }

  document.documentElement.dataset.theme = config.dark ? 'dark' : 'light';
  if (config.language) {
    document.documentElement.lang = config.language;
  }

  const Sdk = window.module.exports && window.module.exports.default;
  if (typeof Sdk !== 'function') {
    report('error', { code: 'sdk_missing', message: 'Paragon SDK did not load.' });
    return;
  }

  let sdk;
  try {
    sdk = new Sdk(config.environments, { skipBootstrapWithLastKnownState: true });
  } catch (error) {
    report('error', { code: 'sdk_failed', message: messageOf(error) });
    return;
  }

  // The portal's frame learns the app's appearance once it has loaded.
  const frameOrigin = new URL(config.environments.CONNECT_PUBLIC_URL).origin;
  function tellAppearance() {
    const frame = document.querySelector('#paragon-connect-frame-container iframe');
    if (frame && frame.contentWindow) {
      frame.contentWindow.postMessage(
        { messageType: 'CONNECT_DESKTOP_APPEARANCE', dark: !!config.dark }, frameOrigin);
    }
  }
  const frame = document.querySelector('#paragon-connect-frame-container iframe');
  if (frame) {
    frame.setAttribute('title', config.frameTitle || 'Paragon Connect Portal');
    frame.addEventListener('load', tellAppearance);
  }

  // While the portal is open it is all this page shows: the keyboard goes into its frame as it
  // opens and whenever the page itself gets the focus (the app focuses its view only once the
  // page says the portal is shown), so the portal's own first control takes keys at once.
  let portalShown = false;
  function focusPortal() {
    const shown = document.querySelector('#paragon-connect-frame-container iframe');
    if (portalShown && shown && document.activeElement !== shown) {
      shown.focus();
    }
  }
  window.addEventListener('focus', focusPortal);

  const installed = new Set();
  let ended = false;

  function onInstall(event) {
    const credentialId = (event && event.credentialId) || '';
    const key = (event && event.integrationType) + '/' + credentialId;
    if (installed.has(key)) {
      return;
    }
    installed.add(key);
    report('installed', {
      integration: (event && event.integrationType) || config.integration,
      credentialId: credentialId,
    });
  }

  async function freshToken() {
    const answer = await fetch('token', {
      method: 'POST',
      headers: { 'X-Connect-Desktop-Session': secret },
      credentials: 'omit',
    });
    const json = await answer.json();
    if (!json.token) {
      throw new Error(json.error || 'no token');
    }
    return json.token;
  }

  // When the token expires (its exp claim, read as the SDK reads it), in milliseconds; 0 if unknown.
  function expiryOf(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const padded = part + '==='.slice((part.length + 3) % 4);
      const exp = Number(JSON.parse(atob(padded)).exp);
      return exp > 0 ? exp * 1000 : 0;
    } catch (error) {
      return 0;
    }
  }

  // A person may stay in the portal longer than a token lives: a minute before it expires, the
  // SDK is given a fresh one (a request it makes with an expired token logs it out).
  function renewBefore(expiry) {
    if (!expiry) {
      return;
    }
    const wait = Math.max(1000, expiry - Date.now() - 60000);
    setTimeout(async function () {
      if (ended) {
        return;
      }
      try {
        const token = await freshToken();
        await sdk.authenticate(config.projectId, token);
        renewBefore(expiryOf(token));
      } catch (error) {
        // The next call of the SDK says what went wrong.
      }
    }, wait);
  }

  async function authenticate() {
    try {
      await sdk.authenticate(config.projectId, config.token);
    } catch (error) {
      // An expired or refused token: one fresh one from the app, then give up.
      config.token = await freshToken();
      await sdk.authenticate(config.projectId, config.token);
    }
    renewBefore(expiryOf(config.token));
    config.token = null;
  }

  async function run() {
    try {
      await authenticate();
    } catch (error) {
      report('error', { code: 'token_refused', message: messageOf(error) });
      return;
    }
    const options = {
      oauthTimeout: config.oauthTimeoutMs,
      onOpen: function () {
        portalShown = true;
        report('shown');
        tellAppearance();
        focusPortal();
      },
      onSuccess: onInstall,
      onInstall: onInstall,
      onClose: function () {
        portalShown = false;
        if (!ended) {
          ended = true;
          report('closed');
        }
      },
      onError: function (error) {
        report('error', { code: codeOf(error), message: messageOf(error) });
      },
    };
    if (config.credentialId) {
      options.selectedCredentialId = config.credentialId;
    } else {
      options.allowMultipleCredentials = true;
    }
    sdk.connect(config.integration, options).catch(function (error) {
      report('error', { code: codeOf(error), message: messageOf(error) });
    });
  }

  run();
})();
