/* The attacking modal (sandbox fault --attack NAME): one attack a desktop host must outlive,
 * run from the modal (or from the small attack page, /attack/page?run=NAME, in a popup or a
 * frame of another origin). The modal's form stays usable, so a session can still end as a
 * person would end it. When the attack has been made, <html data-attack="made"> says so; some
 * attacks write what the page got back into data-attack-answer. */
var connectDesktopAttack = (function () {
  "use strict";

  function made(answer) {
    document.documentElement.dataset.attack = "made";
    if (answer !== undefined)
      document.documentElement.dataset.attackAnswer = String(answer);
    // For scripts that watch the sandbox's request log (tests/e2e/hostile_e2e.sh).
    try {
      navigator.sendBeacon("/attack/made?run=" + encodeURIComponent(current));
    } catch (error) {}
    // A frame's attack is made once the frame says so.
    if (window.parent !== window)
      window.parent.postMessage({ attackMade: answer === undefined ? "" : String(answer) }, "*");
  }

  // An attack made by a frame of another origin: made when the frame says it is.
  function inFrame(context, name) {
    window.addEventListener("message", function (event) {
      if (event.data && typeof event.data.attackMade === "string")
        made(event.data.attackMade || undefined);
    });
    var frame = document.createElement("iframe");
    frame.src = page(context, name, true);
    frame.style.cssText = "width:10px;height:10px;border:0";
    document.body.appendChild(frame);
  }

  // The small attack page on this server, on the peer origin (localhost rather than
  // 127.0.0.1: another origin and another site) or on this one.
  function page(context, name, peer) {
    return (peer ? context.peer : "") + "/attack/page?run=" + encodeURIComponent(name);
  }

  function writeLater(popup, write) {
    // As pages do: write into the new window once window.open has returned it.
    if (!popup)
      return made("null");
    write(popup);
    made("opened");
  }

  var current = "";

  var attacks = {
    // Popups whose first, blank document gets content (Qt WebEngine 6.4.2 crashes on these
    // when the popup has a view).
    "popup-javascript-title": function () {
      made(window.open('javascript:document.title="x"') ? "opened" : "null");
    },
    "popup-javascript-title-named": function () {
      made(window.open('javascript:document.title="x"', "attack", "popup,width=400,height=300")
        ? "opened" : "null");
    },
    "popup-javascript-string": function () {
      made(window.open('javascript:"<h1>x</h1>"') ? "opened" : "null");
    },
    "popup-write": function () {
      writeLater(window.open(""), function (w) { w.document.write("<h1>x</h1>"); });
    },
    "popup-innerhtml": function () {
      writeLater(window.open(""), function (w) { w.document.body.innerHTML = "<h1>x</h1>"; });
    },
    "form-blank-javascript": function () {
      var form = document.createElement("form");
      form.target = "_blank";
      form.action = 'javascript:"x"';
      form.method = "get";
      document.body.appendChild(form);
      form.submit();
      made();
    },
    // The same from a popup (a web page of this server, which then opens a javascript: URL)
    // and from a frame of another origin.
    "popup-then-javascript": function (context) {
      made(window.open(page(context, "popup-javascript-string", false), "attack-opener",
                       "popup,width=400,height=300") ? "opened" : "null");
    },
    "frame-javascript-popup": function (context) {
      inFrame(context, "popup-javascript-string");
    },
    // The common OAuth pattern: a blank popup that says "Loading…", then the provider.
    "oauth-loading-first": function () {
      // Done by the modal itself (modal.js, startOAuth): its OAuth popup opens this way.
      made();
    },
    // Held before: keep holding.
    "popup-noopener": function (context) {
      window.open(page(context, "none", false), "_blank", "noopener");
      made();
    },
    "popup-javascript-1": function () {
      made(window.open("javascript:1") ? "opened" : "null");
    },
    // JavaScript dialogs.
    "alert": function () {
      made();
      alert("Your session has expired. Call +1 555 0100.");
    },
    "confirm": function () {
      made(confirm("Delete all connections?"));
    },
    "prompt": function () {
      made(prompt("Enter your Polytomic API key", "pk_"));
    },
    "alert-loop": function () {
      made();
      for (;;)
        alert("again");
    },
    "popup-beforeunload": function (context) {
      made(window.open(page(context, "beforeunload", false), "attack-stay",
                       "popup,width=400,height=300") ? "opened" : "null");
    },
    "beforeunload": function () {
      window.addEventListener("beforeunload", function (event) {
        event.preventDefault();
        event.returnValue = "stay";
        return "stay";
      });
      // Chromium asks only of a page the person has used; a script's click does not count,
      // and neither does nothing: the test types into it first.
      var input = document.createElement("input");
      input.id = "stay";
      document.body.appendChild(input);
      made();
    },
    // What pages may do to the modal's own document and the top frame.
    "top-javascript": function () {
      made();
      location = 'javascript:"<h1 id=replaced>replaced</h1><script>document.title=\\"replaced\\"<\/script>"';
    },
    "frame-top-navigation": function (context) {
      inFrame(context, "navigate-top");
    },
    "navigate-top": function (context) {
      // Every way a script has to send the top frame elsewhere, none with a gesture.
      var away = context.peer + "/attack/page?run=none";
      var tries = [
        function () { top.location = away; },
        function () { top.location.replace(away); },
        function () { window.open(away, "_top"); },
        function () {
          var link = document.createElement("a");
          link.href = away;
          link.target = "_top";
          document.body.appendChild(link);
          link.click();
        },
        function () {
          var form = document.createElement("form");
          form.action = away;
          form.target = "_top";
          form.method = "get";
          document.body.appendChild(form);
          form.submit();
        },
      ];
      tries.forEach(function (attempt) { try { attempt(); } catch (error) {} });
      // Had one worked, this frame would be gone with the page it was in.
      setTimeout(function () { made("attempted"); }, 500);
    },
    "leave-platform": function (context) {
      made();
      location = context.peer + "/attack/page?run=none";
    },
    "popup-flood": function (context) {
      var opened = 0;
      for (var i = 0; i < 20; i++) {
        if (window.open(page(context, "none", false), "flood" + i, "popup,width=300,height=300"))
          opened += 1;
      }
      made(opened);
    },
    // The redirect, by ways the web view does not count as a navigation of the top frame.
    "redirect-subresources": function (context) {
      var image = new Image();
      image.src = context.redirect + "&sandbox_result=connected";
      fetch(context.redirect + "&sandbox_result=connected", { mode: "no-cors" })
        .then(function () { made("fetched"); }, function (error) { made("fetch:" + error.name); });
    },
    "redirect-huge-query": function (context) {
      made();
      location = context.redirect + "&sandbox_result=closed&junk=" + "x".repeat(1500000);
    },
    "busy-loop": function () {
      made();
      document.title = "busy";
      setTimeout(function () { for (;;) {} }, 100);
    },
    // For the command line and a real display: dialogs that would block a headless run, then
    // the modal closes itself (the session ends cancelled)...
    "dialogs-then-close": function (context) {
      alert("An alert");
      var answers = [confirm("A question"), prompt("Enter your Polytomic API key")];
      made(answers.join(","));
      location = context.redirect + "&sandbox_result=closed";
    },
    // ... and a button the person presses (a real gesture) that opens a blank popup written
    // into, and the OAuth pattern: a popup that says "Loading…", then goes to a web page.
    "clicked-popups": function (context) {
      var button = document.createElement("button");
      button.id = "attack-button";
      button.type = "button";
      button.textContent = "Open the popups";
      button.style.cssText = "position:fixed;top:8px;right:8px;z-index:9";
      button.addEventListener("click", function () {
        var written = window.open("", "attack-written", "popup,width=320,height=240");
        if (written)
          written.document.write("<h1>written</h1>");
        var loading = window.open("", "attack-loading", "popup,width=420,height=320");
        if (loading) {
          loading.document.write("<p>Loading…</p>");
          loading.location.href = page(context, "none", false);
        }
        made("clicked");
      });
      document.body.appendChild(button);
      button.focus();
    },
    // The clipboard: a copy without the person's gesture must not reach the system clipboard; one
    // made in the handler of their key press or click may, as in a browser (tst_hostilepages).
    "copy-without-gesture": function () {
      document.addEventListener("copy", function (event) {
        event.clipboardData.setData("text/plain", "copied without a gesture");
        event.preventDefault();
      });
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) {}
      made(copied ? "copied" : "refused");
    },
    "copy-on-click": function () {
      document.addEventListener("copy", function (event) {
        event.clipboardData.setData("text/plain", "copied on the person's click");
        event.preventDefault();
      });
      var button = document.createElement("button");
      button.id = "attack-button";
      button.type = "button";
      button.textContent = "Copy";
      button.addEventListener("click", function () {
        made(document.execCommand("copy") ? "copied" : "refused");
      });
      document.body.appendChild(button);
      button.focus();
      document.documentElement.dataset.attack = "ready";
    },
    // A file the person drops on the page: the page reads it, as it would one they chose.
    "drop-file": function () {
      document.addEventListener("dragover", function (event) { event.preventDefault(); });
      document.addEventListener("drop", function (event) {
        event.preventDefault();
        var file = event.dataTransfer.files[0];
        if (!file)
          return made("no file");
        file.text().then(function (text) { made(text); });
      });
      document.documentElement.dataset.attack = "ready";
    },
    // A file input the person uses: the app asks them in a dialog of the connect window's own.
    "file-input": function () {
      var input = document.createElement("input");
      input.id = "attack-file";
      input.type = "file";
      input.accept = ".txt,application/json";
      input.addEventListener("change", function () {
        var file = input.files[0];
        if (!file)
          return made("no file");
        file.text().then(function (text) { made(text); });
      });
      document.body.appendChild(input);
      input.focus();
      document.documentElement.dataset.attack = "ready";
    },
    // Memory: the page allocates until its renderer can give no more.
    "exhaust-memory": function () {
      made();
      document.title = "allocating";
      var kept = [];
      setTimeout(function grow() {
        for (var i = 0; i < 100000; i++)
          kept.push({ index: i, text: "x" + i + kept.length });
        setTimeout(grow, 0);
      }, 0);
    },
    "none": function () { made(); },
  };

  return function run(name, context) {
    var attack = attacks[name];
    if (!attack) {
      document.documentElement.dataset.attack = "unknown";
      return;
    }
    current = name;
    // After the page has shown its form: the session counts as in the modal first.
    setTimeout(function () { attack(context || {}); }, 50);
  };
})();
