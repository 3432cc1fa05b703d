// Connect Desktop's host page for Paragon's SDK, first script: runs before the SDK exists.
// 1. Takes the session's settings out of the page, so no later script finds them in the DOM.
// 2. Lets only Paragon's own origins' messages reach the SDK: its handler checks no origin, and
//    a provider's page in the OAuth popup can reach this window through window.opener. The
//    filter listens in the capture phase on window, before the SDK adds its own listener.
// 3. Gives the SDK's CommonJS bundle the `module` it assigns to.
'use strict';
(function () {
  const element = document.getElementById('connect-desktop-config');
  let config = null;
  try {
    config = JSON.parse(element.textContent);
  } catch (e) {
    config = null;
  }
  element.remove();

  const allowed = new Set((config && config.allowedOrigins) || []);
  window.addEventListener('message', function (event) {
    if (!allowed.has(event.origin)) {
      event.stopImmediatePropagation();
    }
  }, true);

  let taken = false;
  Object.defineProperty(window, 'connectDesktopTakeConfig', {
    value: function () {
      if (taken) {
        return null;
      }
      taken = true;
      return config;
    },
  });
  window.module = { exports: {} };
})();
