/* Sandbox Connect modal: renders the type picker and a type's form, checks details with the sandbox server. */
(function () {
  "use strict";

  // All user-visible text, keyed by message id, so a later CONFIG.strings can localise it.
  // "{name}" placeholders are filled by t().
  const STRINGS = {
    brandWordmark: "Sandbox Connect",
    brandLogoAlt: "Logo",
    sandboxBadge: "Sandbox",
    close: "Close",
    footer: "Sandbox: nothing you enter here leaves this computer.",
    pickerTitle: "Connect an integration",
    pickerSubtitle: "Choose the service you want to connect.",
    searchLabel: "Search integrations",
    searchPlaceholder: "Search integrations",
    typeListLabel: "Integrations",
    noResults: "No integrations match “{query}”.",
    resultCountOne: "1 integration",
    resultCountMany: "{count} integrations",
    noTypes: "No integrations are available in this session. Close this window and check the allowed integrations.",
    back: "Back",
    backLabel: "Back to all integrations",
    formSubtitle: "Enter the details of your {type} account.",
    formSubtitleOAuth: "Sign in to {type} to connect your account.",
    formSubtitleOAuthExtra: "Fill in the details below, then sign in to {type}.",
    connectionName: "This connection will be saved as “{name}”.",
    reconnecting: "You are reconnecting “{name}”. Enter its details again to restore access.",
    optional: "Optional",
    choose: "Choose…",
    none: "None",
    show: "Show",
    hide: "Hide",
    showLabel: "Show {label}",
    hideLabel: "Hide {label}",
    connect: "Connect",
    testing: "Testing connection…",
    signIn: "Sign in with {type}",
    finishingSignIn: "Finishing sign-in…",
    finishing: "Finishing…",
    oauthWaiting: "Waiting for the sign-in window…",
    oauthWaitingText: "Finish signing in to {type} in the window that opened.",
    oauthShow: "Show sign-in window",
    oauthCancel: "Cancel sign-in",
    oauthBlocked: "The sign-in window was blocked. Allow pop-ups and try again.",
    oauthDenied: "Access was denied in the sign-in window. Try again, or close to cancel.",
    oauthClosed: "The sign-in window was closed before finishing.",
    oauthNoCode: "The sign-in window did not return a sign-in code. Try again.",
    errRequired: "{label} is required.",
    errRequiredChoice: "Choose a value for {label}.",
    errRequiredCheckbox: "Tick “{label}” to continue.",
    errNumber: "Enter a number.",
    errMin: "Enter a number of at least {min}.",
    errMax: "Enter a number of at most {max}.",
    errRange: "Enter a number from {min} to {max}.",
    errEmail: "Enter an email address such as name@example.com.",
    errUrl: "Enter a full web address starting with https:// or http://.",
    errSummaryOne: "One field needs attention.",
    errSummaryMany: "{count} fields need attention.",
    errRejected: "These details were not accepted. Check them and try again.",
    errHttp: "The sandbox could not check these details (HTTP {status}). Try again.",
    errNetwork: "The sandbox could not be reached. Check that it is still running, then try again.",
    errTimeout: "The sandbox took too long to answer. Try again.",
    errSession: "This connect session can no longer be used.",
    errConfig: "This page could not read its settings. Close it and start again.",
  };

  const SUBMIT_TIMEOUT_MS = 30000;
  const POPUP_POLL_MS = 500;
  // The popup may close a moment before its postMessage is delivered: wait this many polls
  // after seeing it closed before calling it "closed without finishing".
  const POPUP_CLOSED_GRACE_POLLS = 2;
  const OAUTH_MESSAGE_SOURCE = "connect-sandbox-oauth";
  const KNOWN_KINDS = ["text", "password", "number", "checkbox", "select", "textarea", "email", "url"];

  const strings = Object.assign({}, STRINGS);

  function t(id, params) {
    const template = Object.prototype.hasOwnProperty.call(strings, id) ? strings[id] : id;
    return String(template).replace(/\{(\w+)\}/g, (whole, key) =>
      params && params[key] !== undefined && params[key] !== null ? String(params[key]) : whole);
  }

  function $(id) {
    return document.getElementById(id);
  }

  // Builds an element. attrs: "text" sets textContent, "class" the class name, true sets an
  // empty attribute, false/null/undefined are skipped, anything else becomes an attribute.
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children || []) {
      if (child) node.append(child);
    }
    return node;
  }

  function setState(state) {
    document.body.dataset.state = state;
  }

  // ---- configuration ---------------------------------------------------------------------

  function readConfig() {
    try {
      const node = $("config");
      const parsed = JSON.parse(node ? node.textContent : "");
      return parsed && typeof parsed === "object" ? parsed : null;
    } catch (err) {
      return null;
    }
  }

  function normaliseField(raw) {
    if (!raw || typeof raw !== "object" || typeof raw.id !== "string" || raw.id === "") return null;
    const kind = KNOWN_KINDS.includes(raw.kind) ? raw.kind : "text";
    return {
      id: raw.id,
      label: typeof raw.label === "string" && raw.label ? raw.label : raw.id,
      kind: kind,
      required: raw.required === true,
      placeholder: typeof raw.placeholder === "string" ? raw.placeholder : null,
      help: typeof raw.help === "string" ? raw.help : null,
      default: raw.default,
      min: typeof raw.min === "number" ? raw.min : null,
      max: typeof raw.max === "number" ? raw.max : null,
      options: Array.isArray(raw.options) ? raw.options.filter((o) => o && o.value !== undefined) : [],
    };
  }

  function normaliseType(raw) {
    if (!raw || typeof raw !== "object" || typeof raw.id !== "string" || raw.id === "") return null;
    const form = raw.configurationForm && Array.isArray(raw.configurationForm.fields)
      ? raw.configurationForm.fields : [];
    return {
      id: raw.id,
      name: typeof raw.name === "string" && raw.name ? raw.name : raw.id,
      logoUrl: typeof raw.logo_url === "string" && raw.logo_url ? raw.logo_url : null,
      useOAuth: raw.use_oauth === true,
      fields: form.map(normaliseField).filter(Boolean),
    };
  }

  const config = readConfig();
  const app = {
    ok: config !== null && typeof config.base === "string",
    base: config && typeof config.base === "string" ? config.base.replace(/\/+$/, "") : "",
    mode: config && config.mode === "update" ? "update" : "create",
    connectionName: config && typeof config.name === "string" ? config.name : "",
    types: config && Array.isArray(config.types) ? config.types.map(normaliseType).filter(Boolean) : [],
    pickerShown: false,
    current: null, // the type whose form is shown
    busy: false,
    oauth: null, // {popup, type, configuration, timer, closedPolls}
    lastQuery: "",
  };

  if (config && config.strings && typeof config.strings === "object") {
    for (const [key, value] of Object.entries(config.strings)) {
      if (typeof value === "string") strings[key] = value;
    }
  }

  function findType(id) {
    return app.types.find((type) => type.id === id) || null;
  }

  // ---- page chrome -----------------------------------------------------------------------

  function currentTheme() {
    const attr = document.documentElement.dataset.theme;
    if (attr === "dark" || attr === "light") return attr;
    const theme = config && config.dark === true ? "dark" : "light";
    document.documentElement.dataset.theme = theme;
    return theme;
  }

  function setUpChrome() {
    const wordmark = $("brand-wordmark");
    const img = $("brand-logo");
    wordmark.textContent = t("brandWordmark");
    $("sandbox-badge").textContent = t("sandboxBadge");
    $("footer").textContent = t("footer");

    const logo = config && config.logo && typeof config.logo === "object" ? config.logo : {};
    const light = typeof logo.light === "string" && logo.light ? logo.light : null;
    const dark = typeof logo.dark === "string" && logo.dark ? logo.dark : null;
    // A dark-only logo is not shown on the light theme: it is likely light-coloured.
    const src = currentTheme() === "dark" ? dark || light : light;
    if (src) {
      img.addEventListener("error", () => {
        img.hidden = true;
        wordmark.hidden = false;
      });
      img.alt = t("brandLogoAlt");
      img.src = src;
      img.hidden = false;
      wordmark.hidden = true;
    }

    const close = $("close");
    close.setAttribute("aria-label", t("close"));
    close.title = t("close");
    close.addEventListener("click", onClose);
  }

  function onClose() {
    endOAuth(true);
    finishTo(app.base + "/close");
  }

  // A logo box: the type's logo image, or its initial when the image is missing or broken.
  function typeLogo(type, large) {
    const box = el("span", { class: large ? "type-logo large" : "type-logo", "aria-hidden": "true" });
    const initial = () => {
      box.replaceChildren(type.name.charAt(0).toUpperCase());
    };
    if (type.logoUrl) {
      const img = el("img", { src: type.logoUrl, alt: "", width: 32, height: 32, decoding: "async" });
      img.addEventListener("error", initial);
      box.append(img);
    } else {
      initial();
    }
    return box;
  }

  function showView(children) {
    const view = $("view");
    view.replaceChildren(...children);
    view.scrollTop = 0;
  }

  // ---- picker ----------------------------------------------------------------------------

  function renderPicker(focusTypeId) {
    app.current = null;
    app.pickerShown = true;

    const search = el("input", {
      id: "search",
      type: "search",
      class: "search-input",
      placeholder: t("searchPlaceholder"),
      autocomplete: "off",
      spellcheck: "false",
      "aria-controls": "type-list",
      "aria-describedby": "result-count",
    });
    const list = el("ul", { id: "type-list", class: "type-grid", "aria-label": t("typeListLabel") });
    for (const type of app.types) {
      const button = el("button", { type: "button", class: "type", "data-type-id": type.id }, [
        typeLogo(type, false),
        el("span", { class: "type-name", text: type.name }),
      ]);
      list.append(el("li", null, [button]));
    }
    const empty = el("p", { id: "no-results", class: "empty", hidden: true });
    const count = el("p", { id: "result-count", class: "sr-only", "aria-live": "polite" });

    showView([
      el("div", { class: "picker-head" }, [
        el("h1", { id: "picker-title", text: t("pickerTitle") }),
        el("p", { class: "subtitle", text: t("pickerSubtitle") }),
      ]),
      el("div", { class: "search-wrap", role: "search" }, [
        el("label", { for: "search", class: "sr-only", text: t("searchLabel") }),
        search,
      ]),
      list,
      empty,
      count,
    ]);

    search.value = app.lastQuery;
    search.addEventListener("input", () => filterTypes(search.value));
    search.addEventListener("keydown", onSearchKey);
    list.addEventListener("click", (event) => {
      const button = event.target.closest("button.type");
      if (button) chooseType(button.dataset.typeId);
    });
    list.addEventListener("keydown", onListKey);
    filterTypes(search.value);
    setState("picker");

    const target = focusTypeId ? list.querySelector(`button.type[data-type-id="${CSS.escape(focusTypeId)}"]`) : null;
    (target && !target.closest("li").hidden ? target : search).focus();
  }

  function matches(type, query) {
    if (!query) return true;
    const haystack = (type.name + " " + type.id + " " + type.id.replace(/_/g, " ")).toLowerCase();
    return query.split(/\s+/).every((word) => haystack.includes(word));
  }

  function filterTypes(value) {
    app.lastQuery = value;
    const query = value.trim().toLowerCase();
    let shown = 0;
    for (const button of document.querySelectorAll("#type-list button.type")) {
      const visible = matches(findType(button.dataset.typeId), query);
      button.closest("li").hidden = !visible;
      if (visible) shown += 1;
    }
    const empty = $("no-results");
    if (app.types.length === 0) {
      empty.textContent = t("noTypes");
      empty.hidden = false;
    } else {
      empty.textContent = t("noResults", { query: value.trim() });
      empty.hidden = shown > 0;
    }
    $("result-count").textContent =
      shown === 1 ? t("resultCountOne") : t("resultCountMany", { count: shown });
  }

  function visibleTypeButtons() {
    return Array.from(document.querySelectorAll("#type-list li:not([hidden]) button.type"));
  }

  function onSearchKey(event) {
    const buttons = visibleTypeButtons();
    if (event.key === "Enter") {
      event.preventDefault();
      if (buttons.length > 0) chooseType(buttons[0].dataset.typeId);
    } else if (event.key === "ArrowDown" && buttons.length > 0) {
      event.preventDefault();
      buttons[0].focus();
    }
  }

  function gridColumns(buttons) {
    if (buttons.length === 0) return 1;
    const top = buttons[0].getBoundingClientRect().top;
    let columns = 0;
    for (const button of buttons) {
      if (Math.abs(button.getBoundingClientRect().top - top) > 2) break;
      columns += 1;
    }
    return Math.max(columns, 1);
  }

  function onListKey(event) {
    const buttons = visibleTypeButtons();
    const index = buttons.indexOf(document.activeElement);
    if (index < 0) return;
    const columns = gridColumns(buttons);
    let next = null;
    switch (event.key) {
      case "ArrowRight": next = index + 1; break;
      case "ArrowLeft": next = index - 1; break;
      case "ArrowDown": next = index + columns; break;
      case "ArrowUp": next = index - columns; break;
      case "Home": next = 0; break;
      case "End": next = buttons.length - 1; break;
      default: return;
    }
    event.preventDefault();
    if (next < 0) {
      $("search").focus();
    } else {
      buttons[Math.min(next, buttons.length - 1)].focus();
    }
  }

  function chooseType(id) {
    const type = findType(id);
    if (type && !app.busy) renderForm(type);
  }

  // ---- form ------------------------------------------------------------------------------

  function renderForm(type) {
    app.current = type;
    const children = [];

    if (app.pickerShown) {
      const back = el("button", { id: "back", type: "button", class: "link-button", "aria-label": t("backLabel") }, [
        el("span", { "aria-hidden": "true", text: "←" }),
        el("span", { text: t("back") }),
      ]);
      back.addEventListener("click", () => {
        if (!app.busy) renderPicker(type.id);
      });
      children.push(back);
    }

    let subtitle = t("formSubtitle", { type: type.name });
    if (type.useOAuth) {
      subtitle = t(type.fields.length > 0 ? "formSubtitleOAuthExtra" : "formSubtitleOAuth", { type: type.name });
    }
    children.push(el("div", { class: "form-head" }, [
      typeLogo(type, true),
      el("div", null, [
        el("h1", { id: "form-title", tabindex: "-1", text: type.name }),
        el("p", { class: "subtitle", text: subtitle }),
      ]),
    ]));

    if (app.mode === "update") {
      children.push(el("p", { id: "reconnect-note", class: "note", text: t("reconnecting", { name: app.connectionName || type.name }) }));
    } else if (app.connectionName) {
      children.push(el("p", { id: "connection-name", class: "note", text: t("connectionName", { name: app.connectionName }) }));
    }

    const form = el("form", { id: "connect-form", novalidate: true, "aria-labelledby": "form-title", autocomplete: "off" });
    form.append(el("div", { id: "form-error", class: "form-error", role: "alert", tabindex: "-1" }));
    const fieldset = el("fieldset", { id: "fields", class: "fields" });
    for (const field of type.fields) fieldset.append(renderField(field));
    form.append(fieldset);

    const actions = el("div", { class: "actions" });
    if (type.useOAuth) {
      actions.append(el("button", { id: "oauth-signin", type: "submit", class: "button primary block" }, [
        el("span", { class: "spinner", hidden: true, "aria-hidden": "true" }),
        el("span", { class: "label", text: t("signIn", { type: type.name }) }),
      ]));
    } else {
      actions.append(el("button", { id: "submit", type: "submit", class: "button primary block" }, [
        el("span", { class: "spinner", hidden: true, "aria-hidden": "true" }),
        el("span", { class: "label", text: t("connect") }),
      ]));
    }
    form.append(actions);

    if (type.useOAuth) form.append(renderOAuthWaiting(type));

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      onSubmit();
    });
    children.push(form);

    showView(children);
    setState("form");

    const first = fieldset.querySelector("input, select, textarea");
    (first || $(type.useOAuth ? "oauth-signin" : "submit")).focus({ preventScroll: true });
  }

  function renderOAuthWaiting(type) {
    const show = el("button", { id: "oauth-focus", type: "button", class: "button secondary", text: t("oauthShow") });
    const cancel = el("button", { id: "oauth-cancel", type: "button", class: "button secondary", text: t("oauthCancel") });
    show.addEventListener("click", () => {
      if (app.oauth && app.oauth.popup && !app.oauth.popup.closed) app.oauth.popup.focus();
    });
    cancel.addEventListener("click", () => {
      endOAuth(true);
      returnToForm("", null);
    });
    return el("div", { id: "oauth-waiting", class: "waiting", role: "status", hidden: true }, [
      el("span", { class: "spinner large", "aria-hidden": "true" }),
      el("div", null, [
        el("p", { class: "waiting-title", text: t("oauthWaiting") }),
        el("p", { class: "waiting-text", text: t("oauthWaitingText", { type: type.name }) }),
        el("div", { class: "actions" }, [show, cancel]),
      ]),
    ]);
  }

  function renderField(field) {
    const controlId = "field-" + field.id;
    const helpId = "help-" + field.id;
    const errorId = "error-" + field.id;
    const describedBy = (field.help ? helpId + " " : "") + errorId;
    const wrapper = el("div", { class: "field field-" + field.kind, "data-field-id": field.id });

    const label = el("label", { for: controlId, id: "label-" + field.id, text: field.label });
    if (!field.required && field.kind !== "checkbox") {
      label.append(el("span", { class: "optional", text: t("optional") }));
    }

    const common = {
      id: controlId,
      name: field.id,
      required: field.required,
      "aria-required": field.required ? "true" : null,
      "aria-describedby": describedBy,
    };
    let control;
    let controlBox;

    switch (field.kind) {
      case "checkbox":
        control = el("input", Object.assign({ type: "checkbox" }, common));
        control.checked = field.default === true;
        controlBox = el("div", { class: "check-row" }, [control, label]);
        break;
      case "select":
        control = el("select", Object.assign({ class: "control" }, common));
        if (field.default === undefined || field.default === null) {
          control.append(el("option", { value: "", text: field.required ? t("choose") : t("none") }));
        }
        for (const option of field.options) {
          const value = String(option.value);
          const item = el("option", { value: value, text: typeof option.label === "string" ? option.label : value });
          if (field.default !== undefined && field.default !== null && String(field.default) === value) {
            item.selected = true;
          }
          control.append(item);
        }
        break;
      case "textarea":
        control = el("textarea", Object.assign({ class: "control", rows: 5, spellcheck: "false", placeholder: field.placeholder }, common));
        if (typeof field.default === "string") control.value = field.default;
        break;
      case "number":
        control = el("input", Object.assign({
          type: "number",
          class: "control",
          inputmode: "numeric",
          min: field.min,
          max: field.max,
          step: "any",
          placeholder: field.placeholder,
        }, common));
        if (typeof field.default === "number") control.value = String(field.default);
        break;
      case "password": {
        control = el("input", Object.assign({
          type: "password",
          class: "control",
          autocomplete: "off",
          spellcheck: "false",
          placeholder: field.placeholder,
        }, common));
        if (typeof field.default === "string") control.value = field.default;
        const reveal = el("button", {
          type: "button",
          class: "reveal",
          "aria-controls": controlId,
          "aria-pressed": "false",
          "aria-label": t("showLabel", { label: field.label }),
          text: t("show"),
        });
        reveal.addEventListener("click", () => {
          const showing = control.type === "text";
          control.type = showing ? "password" : "text";
          reveal.textContent = showing ? t("show") : t("hide");
          reveal.setAttribute("aria-pressed", showing ? "false" : "true");
          reveal.setAttribute("aria-label", t(showing ? "showLabel" : "hideLabel", { label: field.label }));
        });
        controlBox = el("div", { class: "with-action" }, [control, reveal]);
        break;
      }
      default: {
        const type = field.kind === "email" ? "email" : field.kind === "url" ? "url" : "text";
        control = el("input", Object.assign({
          type: type,
          class: "control",
          autocomplete: "off",
          spellcheck: "false",
          inputmode: field.kind === "url" ? "url" : field.kind === "email" ? "email" : null,
          placeholder: field.placeholder,
        }, common));
        if (field.default !== undefined && field.default !== null) control.value = String(field.default);
      }
    }

    if (field.kind === "checkbox") {
      wrapper.append(controlBox);
    } else {
      wrapper.append(label, controlBox || control);
    }
    if (field.help) wrapper.append(el("p", { id: helpId, class: "field-help", text: field.help }));
    wrapper.append(el("div", { id: errorId, class: "field-error", role: "alert" }));

    // Validate on blur; once a field shows an error, re-check it as the user corrects it.
    control.addEventListener("blur", () => {
      if (!app.busy) validateField(field);
    });
    control.addEventListener(field.kind === "checkbox" || field.kind === "select" ? "change" : "input", () => {
      if (control.getAttribute("aria-invalid") === "true") validateField(field);
    });
    return wrapper;
  }

  function controlFor(field) {
    return $("field-" + field.id);
  }

  // Returns the problem with a field's value as a sentence, or "" when it is acceptable.
  function fieldProblem(field) {
    const control = controlFor(field);
    if (!control) return "";
    const label = field.label;
    if (field.kind === "checkbox") {
      return field.required && !control.checked ? t("errRequiredCheckbox", { label: label }) : "";
    }
    if (field.kind === "number" && control.validity && control.validity.badInput) return t("errNumber");
    const raw = field.kind === "password" || field.kind === "textarea" ? control.value : control.value.trim();
    if (raw.trim() === "") {
      if (!field.required) return "";
      return t(field.kind === "select" ? "errRequiredChoice" : "errRequired", { label: label });
    }
    if (field.kind === "number") {
      const value = Number(raw);
      if (!Number.isFinite(value)) return t("errNumber");
      const tooLow = field.min !== null && value < field.min;
      const tooHigh = field.max !== null && value > field.max;
      if (tooLow || tooHigh) {
        if (field.min !== null && field.max !== null) return t("errRange", { min: field.min, max: field.max });
        return tooLow ? t("errMin", { min: field.min }) : t("errMax", { max: field.max });
      }
    }
    if (field.kind === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) return t("errEmail");
    if (field.kind === "url" && !isWebUrl(raw)) return t("errUrl");
    return "";
  }

  function isWebUrl(text) {
    try {
      const url = new URL(text);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
    } catch (err) {
      return false;
    }
  }

  function setFieldError(field, message) {
    const control = controlFor(field);
    const error = $("error-" + field.id);
    if (error) error.textContent = message;
    if (control) {
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }

  function validateField(field) {
    const problem = fieldProblem(field);
    setFieldError(field, problem);
    return problem === "";
  }

  // Validates every field; focuses the first bad one. Returns true when all are acceptable.
  function validateAll(type) {
    let firstBad = null;
    let bad = 0;
    for (const field of type.fields) {
      if (!validateField(field)) {
        bad += 1;
        if (!firstBad) firstBad = field;
      }
    }
    if (firstBad) {
      showFormError(bad === 1 ? t("errSummaryOne") : t("errSummaryMany", { count: bad }));
      controlFor(firstBad).focus();
      return false;
    }
    return true;
  }

  // The values to send: numbers as numbers, checkboxes as booleans, empty optional values left out.
  function collectConfiguration(type) {
    const configuration = {};
    for (const field of type.fields) {
      const control = controlFor(field);
      if (!control) continue;
      if (field.kind === "checkbox") {
        configuration[field.id] = control.checked;
        continue;
      }
      const keepSpaces = field.kind === "password" || field.kind === "textarea";
      const value = keepSpaces ? control.value : control.value.trim();
      if (value.trim() === "") continue;
      configuration[field.id] = field.kind === "number" ? Number(value) : value;
    }
    return configuration;
  }

  function showFormError(message) {
    const box = $("form-error");
    if (box) box.textContent = message || "";
  }

  // Puts the form in one of its modes: null (editable), "testing", "oauth" or "finishing".
  function setFormMode(mode) {
    const type = app.current;
    app.busy = mode !== null;
    const fieldset = $("fields");
    if (fieldset) fieldset.disabled = mode !== null;
    const back = $("back");
    if (back) back.disabled = mode !== null;

    const button = type ? $(type.useOAuth ? "oauth-signin" : "submit") : null;
    if (button) {
      const spinner = button.querySelector(".spinner");
      const label = button.querySelector(".label");
      const spinning = mode === "testing" || mode === "finishing";
      button.disabled = mode !== null;
      button.closest(".actions").hidden = mode === "oauth";
      spinner.hidden = !spinning;
      button.setAttribute("aria-busy", spinning ? "true" : "false");
      if (mode === "testing") label.textContent = type.useOAuth ? t("finishingSignIn") : t("testing");
      else if (mode === "finishing") label.textContent = t("finishing");
      else label.textContent = type.useOAuth ? t("signIn", { type: type.name }) : t("connect");
    }
    const waiting = $("oauth-waiting");
    if (waiting) waiting.hidden = mode !== "oauth";
  }

  // Back to an editable form, showing a message (if any) and focusing the field it is about.
  function returnToForm(message, fieldId) {
    setFormMode(null);
    setState(app.current ? "form" : "picker");
    showFormError(message);
    const field = app.current && fieldId ? app.current.fields.find((f) => f.id === fieldId) : null;
    if (field) {
      setFieldError(field, message);
      controlFor(field).focus();
    } else if (app.current) {
      const button = $(app.current.useOAuth ? "oauth-signin" : "submit");
      if (button) button.focus();
    }
  }

  function finishTo(url) {
    setState("finishing");
    setFormMode("finishing");
    app.busy = true;
    const view = $("view");
    if ("inert" in view) view.inert = true;
    location.assign(url);
  }

  // Only http(s) or relative URLs from the server are followed; anything else is "malformed".
  function safeFinishUrl(value) {
    if (typeof value !== "string" || value === "") return null;
    try {
      const url = new URL(value, location.href);
      if (/^(javascript|data|vbscript):$/i.test(url.protocol)) return null;
      return url.href;
    } catch (err) {
      return null;
    }
  }

  function onSubmit() {
    const type = app.current;
    if (!type || app.busy) return;
    showFormError("");
    if (!validateAll(type)) return;
    if (type.useOAuth) startOAuth(type);
    else submitDetails(type, collectConfiguration(type), null);
  }

  // ---- talking to the sandbox ------------------------------------------------------------

  async function submitDetails(type, configuration, oauthCode) {
    setFormMode("testing");
    setState("testing");
    const body = { type: type.id, configuration: configuration };
    if (oauthCode) body.oauth_code = oauthCode;

    const controller = typeof AbortController === "function" ? new AbortController() : null;
    const timer = controller ? setTimeout(() => controller.abort(), SUBMIT_TIMEOUT_MS) : 0;
    let status = 0;
    let data = null;
    try {
      const response = await fetch(app.base + "/submit", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        cache: "no-store",
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined,
      });
      status = response.status;
      try {
        data = await response.json();
      } catch (err) {
        data = null;
      }
    } catch (err) {
      clearTimeout(timer);
      returnToForm(err && err.name === "AbortError" ? t("errTimeout") : t("errNetwork"), null);
      return;
    }
    clearTimeout(timer);
    handleSubmitResponse(status, data && typeof data === "object" ? data : null);
  }

  function handleSubmitResponse(status, data) {
    const finishUrl = data ? safeFinishUrl(data.finish_url) : null;
    const message = data && typeof data.message === "string" && data.message ? data.message : "";

    if (status === 200 && finishUrl) {
      finishTo(finishUrl);
    } else if (status === 422 && data) {
      if (finishUrl) {
        // Too many attempts: the server ends the session.
        showFormError(message);
        finishTo(finishUrl);
      } else {
        returnToForm(message || t("errRejected"), typeof data.field === "string" ? data.field : null);
      }
    } else if (status === 410) {
      showFormError(message || t("errSession"));
      if (finishUrl) finishTo(finishUrl);
      else returnToForm(message || t("errSession"), null);
    } else {
      returnToForm(t("errHttp", { status: status }), null);
    }
  }

  // ---- OAuth popup -----------------------------------------------------------------------

  function startOAuth(type) {
    const configuration = collectConfiguration(type);
    endOAuth(false);
    let popup = null;
    try {
      const consent = app.base + "/oauth/" + encodeURIComponent(type.id);
      if (config.attack && config.attack.name === "oauth-loading-first") {
        // The common pattern of real portals (sandbox fault --attack oauth-loading-first): a
        // blank popup that says "Loading…" while the provider's address is worked out.
        popup = window.open("", "connect-oauth", "popup,width=500,height=600");
        if (popup) {
          popup.document.write("<!DOCTYPE html><title>Loading</title><p>Loading…</p>");
          popup.location.href = consent;
        }
      } else {
        popup = window.open(consent, "connect-oauth", "popup,width=500,height=600");
      }
    } catch (err) {
      popup = null;
    }
    if (!popup) {
      returnToForm(t("oauthBlocked"), null);
      return;
    }
    app.oauth = {
      popup: popup,
      type: type,
      configuration: configuration,
      closedPolls: 0,
      timer: setInterval(pollPopup, POPUP_POLL_MS),
    };
    setFormMode("oauth");
    setState("oauth");
    $("oauth-cancel").focus();
  }

  function endOAuth(closePopup) {
    const oauth = app.oauth;
    if (!oauth) return;
    app.oauth = null;
    clearInterval(oauth.timer);
    if (closePopup) {
      try {
        if (!oauth.popup.closed) oauth.popup.close();
      } catch (err) {
        // The popup is gone or unreachable; nothing to close.
      }
    }
  }

  function pollPopup() {
    const oauth = app.oauth;
    if (!oauth) return;
    let closed;
    try {
      closed = oauth.popup.closed;
    } catch (err) {
      closed = true;
    }
    if (!closed) {
      oauth.closedPolls = 0;
      return;
    }
    oauth.closedPolls += 1;
    if (oauth.closedPolls >= POPUP_CLOSED_GRACE_POLLS) {
      endOAuth(false);
      returnToForm(t("oauthClosed"), null);
    }
  }

  function onMessage(event) {
    if (event.origin !== location.origin) return;
    const data = event.data;
    if (!data || typeof data !== "object" || data.source !== OAUTH_MESSAGE_SOURCE) return;
    const oauth = app.oauth;
    if (!oauth) return;
    if (typeof data.type === "string" && data.type !== oauth.type.id) return;

    if (data.result === "allow") {
      endOAuth(true);
      if (typeof data.code === "string" && data.code !== "") {
        submitDetails(oauth.type, oauth.configuration, data.code);
      } else {
        returnToForm(t("oauthNoCode"), null);
      }
    } else if (data.result === "deny") {
      endOAuth(true);
      returnToForm(t("oauthDenied"), null);
    }
  }

  // ---- start -----------------------------------------------------------------------------

  function renderConfigError() {
    showView([el("div", { id: "form-error", class: "form-error", role: "alert", text: t("errConfig") })]);
    setState("form");
  }

  function start() {
    setUpChrome();
    window.addEventListener("message", onMessage);
    if (!app.ok) {
      renderConfigError();
      return;
    }
    const preselected = config.preselect ? findType(config.preselect) : null;
    if (preselected) renderForm(preselected);
    else if (app.types.length === 1) renderForm(app.types[0]);
    else renderPicker(null);
  }

  start();
})();
