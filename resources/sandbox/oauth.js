/* Sandbox Connect mock OAuth consent popup: grants or denies, then reports to the modal that opened it. */
(function () {
  "use strict";

  // All user-visible text, keyed by message id (see modal.js for the same convention).
  const STRINGS = {
    wordmark: "{type} sign-in (mock)",
    sandboxBadge: "Sandbox",
    title: "Sandbox Connect wants to access your {type} account",
    subtitle: "It will be able to:",
    scopeProfile: "See your {type} user name and email address",
    scopeRead: "Read records, such as contacts, companies and custom objects",
    scopeWrite: "Create and update records you choose to sync",
    scopeOffline: "Keep this access until you disconnect it",
    allow: "Allow",
    deny: "Deny",
    closeWindow: "Close window",
    finePrint: "This is a mock sign-in page served by the sandbox. No real account is used.",
    working: "Signing in…",
    doneAllow: "Signed in. This window will close; if it does not, close it yourself.",
    doneDeny: "Access denied. This window will close; if it does not, close it yourself.",
    errLostOpener: "This window lost its link to the page that opened it, so it cannot finish signing in. Close this window and try again.",
    errGrant: "The sandbox could not grant access (HTTP {status}). Try again.",
    errGrantNetwork: "The sandbox could not be reached. Try again.",
    errConfig: "This page could not read its settings. Close this window and try again.",
  };

  const MESSAGE_SOURCE = "connect-sandbox-oauth";

  function readConfig() {
    try {
      const parsed = JSON.parse(document.getElementById("config").textContent);
      return parsed && typeof parsed === "object" ? parsed : null;
    } catch (err) {
      return null;
    }
  }

  const config = readConfig();
  const strings = Object.assign({}, STRINGS);
  if (config && config.strings && typeof config.strings === "object") {
    for (const [key, value] of Object.entries(config.strings)) {
      if (typeof value === "string") strings[key] = value;
    }
  }

  // Test fault "an OAuth popup that loses its opener": sever the link before anything else.
  if (config && config.lose_opener === true) {
    try {
      window.opener = null;
    } catch (err) {
      // Assigning opener is allowed in browsers; ignore engines that refuse.
    }
  }

  function t(id, params) {
    return String(strings[id] || id).replace(/\{(\w+)\}/g, (whole, key) =>
      params && params[key] !== undefined ? String(params[key]) : whole);
  }

  function $(id) {
    return document.getElementById(id);
  }

  function setState(state) {
    document.body.dataset.state = state;
  }

  const type = config && config.type && typeof config.type.id === "string" ? config.type : null;
  const base = config && typeof config.base === "string" ? config.base.replace(/\/+$/, "") : "";
  const typeName = type && typeof type.name === "string" && type.name ? type.name : type ? type.id : "";
  const allow = $("allow");
  const deny = $("deny");
  let busy = false;

  function render() {
    $("provider-wordmark").textContent = t("wordmark", { type: typeName });
    $("sandbox-badge").textContent = t("sandboxBadge");
    $("consent-title").textContent = t("title", { type: typeName });
    $("consent-subtitle").textContent = t("subtitle");
    $("fine-print").textContent = t("finePrint");
    allow.textContent = t("allow");
    deny.textContent = t("deny");
    $("close-window").textContent = t("closeWindow");

    const logo = $("provider-logo");
    const initial = () => logo.replaceChildren(typeName.charAt(0).toUpperCase());
    if (type && typeof type.logo_url === "string" && type.logo_url) {
      const img = document.createElement("img");
      img.alt = "";
      img.addEventListener("error", initial);
      img.src = type.logo_url;
      logo.replaceChildren(img);
    } else {
      initial();
    }

    const scopes = $("scopes");
    for (const id of ["scopeProfile", "scopeRead", "scopeWrite", "scopeOffline"]) {
      const item = document.createElement("li");
      item.textContent = t(id, { type: typeName });
      scopes.append(item);
    }
  }

  function showStatus(text, spinning) {
    const status = $("status");
    status.replaceChildren();
    if (spinning) {
      const spinner = document.createElement("span");
      spinner.className = "spinner";
      spinner.setAttribute("aria-hidden", "true");
      status.append(spinner);
    }
    if (text) status.append(text);
  }

  function showError(message, final) {
    busy = final;
    setState("error");
    showStatus("", false);
    $("error").textContent = message;
    allow.disabled = final;
    deny.disabled = final;
    $("consent-actions").hidden = final;
    $("close-window").hidden = !final;
    $(final ? "close-window" : "allow").focus();
  }

  function loseOpener() {
    showError(t("errLostOpener"), true);
  }

  // Sends the result to the modal and closes; stays open with an error if the modal is unreachable.
  function report(result, code) {
    const opener = window.opener;
    if (!opener) {
      loseOpener();
      return;
    }
    const message = { source: MESSAGE_SOURCE, type: type.id, result: result };
    if (code) message.code = code;
    try {
      opener.postMessage(message, location.origin);
    } catch (err) {
      loseOpener();
      return;
    }
    setState("done");
    showStatus(t(result === "allow" ? "doneAllow" : "doneDeny"), false);
    window.close();
  }

  async function onAllow() {
    if (busy) return;
    busy = true;
    setState("working");
    $("error").textContent = "";
    allow.disabled = true;
    deny.disabled = true;
    showStatus(t("working"), true);

    let code = null;
    try {
      const response = await fetch(base + "/oauth/" + encodeURIComponent(type.id) + "/grant", {
        method: "POST",
        cache: "no-store",
        credentials: "same-origin",
      });
      let data = null;
      try {
        data = await response.json();
      } catch (err) {
        data = null;
      }
      if (response.ok && data && typeof data.code === "string" && data.code !== "") {
        code = data.code;
      } else {
        const message = data && typeof data.message === "string" && data.message ? data.message : t("errGrant", { status: response.status });
        showError(message, false);
        return;
      }
    } catch (err) {
      showError(t("errGrantNetwork"), false);
      return;
    }
    report("allow", code);
  }

  function onDeny() {
    if (busy) return;
    busy = true;
    $("error").textContent = "";
    report("deny", null);
  }

  if (!type || !base) {
    setState("error");
    $("error").textContent = t("errConfig");
    allow.disabled = true;
    deny.disabled = true;
    return;
  }

  render();
  allow.addEventListener("click", onAllow);
  deny.addEventListener("click", onDeny);
  $("close-window").addEventListener("click", () => window.close());
  setState("consent");
  allow.focus();
})();
