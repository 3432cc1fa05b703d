// The Paragon sandbox's portal. Paragon's SDK, in the parent page, sends UI_UPDATE messages with
// its context and the modal's state; the portal drives the SDK by SDK_FUNCTION_INVOCATION
// messages, as Paragon's own portal does: show the frame and open (updateContainerStyle, onOpen),
// start the sign-in (startOAuthFlow), close (updateContainerStyle, onClose). Only messages from
// the parent frame are heard. The context carries the user's token: nothing here shows it.
'use strict';
(function () {
  const body = document.body;
  const title = document.getElementById('title');
  const icon = document.getElementById('icon');
  const status = document.getElementById('status');
  const problem = document.getElementById('problem');
  const connectButton = document.getElementById('connect');
  const closeButton = document.getElementById('close');

  let parentOrigin = null; // learnt from the first UI_UPDATE
  let shownFor = null; // the integration type the portal is open for
  let state = null; // the last UI_UPDATE
  let calls = 0;
  let waiting = false;

  function invoke(type, parameters) {
    if (!parentOrigin) {
      return;
    }
    calls += 1;
    window.parent.postMessage(
      { messageType: 'SDK_FUNCTION_INVOCATION', type: type, parameters: parameters,
        id: 'sandbox-' + calls }, parentOrigin);
  }

  function typeOf(integration) {
    if (!integration) {
      return null;
    }
    if (integration.customIntegration && integration.customIntegration.slug) {
      return integration.customIntegration.slug;
    }
    return integration.type;
  }

  function credentialsOf(type) {
    const user = state && state.nextContext && state.nextContext.user;
    const entry = user && user.integrations && user.integrations[type];
    return (entry && Array.isArray(entry.allCredentials)) ? entry.allCredentials : [];
  }

  function draw() {
    const modal = (state && state.nextModalState) || {};
    const type = typeOf(modal.integration);
    if (!type) {
      return;
    }
    const name = modal.integration.name || type;
    document.title = sandboxText('portalTitle', { name: name });
    title.textContent = name;
    icon.src = '/cdn/integrations/' + encodeURIComponent(type) + '.svg';
    const count = credentialsOf(type).length;
    status.textContent = count > 0 ? sandboxText('connected', { count: count })
      : (waiting ? sandboxText('connecting') : sandboxText('notConnected'));
    status.classList.toggle('connected', count > 0);
    const error = modal.connectionError;
    problem.textContent = error
      ? sandboxText('problem', { message: String(error.message || error).slice(0, 300) }) : '';
    if (modal.selectedCredentialId) {
      connectButton.textContent = sandboxText('reconnect');
    } else {
      connectButton.textContent = sandboxText(count > 0 ? 'connectAnother' : 'connect');
    }
    closeButton.textContent = sandboxText(count > 0 ? 'done' : 'close');
  }

  function open(type) {
    shownFor = type;
    waiting = false;
    body.hidden = false;
    invoke('updateContainerStyle', [{ isModalShown: true }]);
    invoke('onOpen', []);
    draw();
    connectButton.focus();
  }

  function close() {
    if (!shownFor) {
      return;
    }
    shownFor = null;
    body.hidden = true;
    invoke('updateContainerStyle', [{ isModalShown: false }]);
    invoke('onClose', []);
  }

  function connect() {
    const modal = (state && state.nextModalState) || {};
    const type = typeOf(modal.integration);
    if (!type) {
      return;
    }
    waiting = true;
    draw();
    const options = Object.assign({}, modal.apiInstallationOptions || {});
    if (modal.selectedCredentialId) {
      options.selectedCredentialId = modal.selectedCredentialId;
    }
    invoke('startOAuthFlow', [type, options]);
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || !event.data || typeof event.data !== 'object') {
      return;
    }
    const data = event.data;
    if (data.messageType === 'UI_UPDATE') {
      parentOrigin = parentOrigin || event.origin;
      if (event.origin !== parentOrigin) {
        return;
      }
      state = data;
      const type = typeOf(data.nextModalState && data.nextModalState.integration);
      if (data.nextModalState && data.nextModalState.connectionError) {
        waiting = false;
      }
      if (type && type !== shownFor) {
        open(type);
      } else if (!type && shownFor) {
        shownFor = null;
        body.hidden = true;
      } else {
        const connected = type && credentialsOf(type).length > 0;
        const justConnected = connected && waiting;
        if (connected) {
          waiting = false;
        }
        draw();
        if (justConnected) {
          closeButton.focus(); // Done: what a person does next
        }
      }
    } else if (data.messageType === 'CONNECT_DESKTOP_APPEARANCE') {
      document.documentElement.dataset.theme = data.dark ? 'dark' : 'light';
    } else if (data.messageType === 'CONNECT_DESKTOP_SANDBOX_PRESS') {
      // Tests press the portal's buttons this way (clicks do not reach frames offscreen).
      const button = document.getElementById(String(data.id));
      if (button && button.tagName === 'BUTTON') {
        button.click();
      }
    }
  });

  // The frame is still hidden in the parent when the portal opens (the SDK shows it on
  // updateContainerStyle), so the focus above may not take: when the host page moves the
  // keyboard into this frame, it lands on the portal's first control, not on the page.
  window.addEventListener('focus', function () {
    if (shownFor && (!document.activeElement || document.activeElement === body)) {
      connectButton.focus();
    }
  });

  connectButton.addEventListener('click', connect);
  closeButton.addEventListener('click', close);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  sandboxLocalize({});
})();
