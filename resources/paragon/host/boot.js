// Connect Desktop's host page for Paragon's SDK, first script: runs before the SDK exists.
// 1. Takes the session's settings out of the page, so no later script finds them in the DOM.
// 2. Lets only Paragon's own origins' messages reach the SDK: its handler checks no origin, and
//    a provider's page in the OAuth popup can reach this window through window.opener. The
//    filter listens in the capture phase on window, before the SDK adds its own listener.
// 3. Gives the SDK's CommonJS bundle the `module` it assigns to.
// 4. Gives the page a localStorage that lasts as long as the page: the SDK keeps the user's state
//    there, the user token included, and a web profile that remembers sign-ins writes it to disk.
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

  const memory = new Map();
  const pageStorage = {
    getItem: function (key) {
      return memory.has(String(key)) ? memory.get(String(key)) : null;
    },
    setItem: function (key, value) { memory.set(String(key), String(value)); },
    removeItem: function (key) { memory.delete(String(key)); },
    clear: function () { memory.clear(); },
    key: function (index) {
      const keys = Array.from(memory.keys());
      return index >= 0 && index < keys.length ? keys[index] : null;
    },
    get length() { return memory.size; },
  };
  Object.defineProperty(window, 'localStorage', { value: pageStorage });
})();
