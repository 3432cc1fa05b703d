/* The hostile modal (sandbox fault --hostile-modal): from inside the modal, try everything a
 * desktop host must refuse, and write what happened into #hostile-report as JSON. The ordinary
 * form stays usable, so a test can still complete the legitimate flow afterwards. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("config").textContent).hostile || {};
  var report = {};
  var out = document.createElement("pre");
  out.id = "hostile-report";
  out.hidden = true;
  document.body.appendChild(out);

  function set(key, value) {
    report[key] = value;
    out.textContent = JSON.stringify(report);
  }

  function attempt(key, promise) {
    set(key, "pending");
    try {
      promise.then(function () { set(key, "granted"); },
                   function (error) { set(key, "denied:" + (error && (error.name || error.code))); });
    } catch (error) {
      set(key, "denied:" + error.name);
    }
  }

  // A bridge to the host: nothing may be there.
  set("bridge", typeof window.qt === "undefined" && typeof window.QWebChannel === "undefined" ? "absent" : "present");

  // Permissions.
  attempt("camera", navigator.mediaDevices.getUserMedia({ video: true }));
  attempt("microphone", navigator.mediaDevices.getUserMedia({ audio: true }));
  // Without a position provider the request is never answered (the API's own timeout starts
  // only after permission): give up after a while, which is "not given" too.
  attempt("location", new Promise(function (resolve, reject) {
    navigator.geolocation.getCurrentPosition(resolve, reject, { timeout: 2000 });
    setTimeout(function () { reject({ name: "NoAnswer" }); }, 3000);
  }));
  set("notifications", "pending");
  Notification.requestPermission().then(function (answer) { set("notifications", answer); });
  attempt("clipboard", navigator.clipboard.readText());
  if (navigator.mediaDevices.getDisplayMedia)
    attempt("screen", navigator.mediaDevices.getDisplayMedia({ video: true }));

  // A download.
  var link = document.createElement("a");
  link.href = config.download_url;
  link.download = "secrets.txt";
  document.body.appendChild(link);
  link.click();
  set("download", "attempted");

  // Popups to refused places, and to a page with an invalid certificate.
  var popups = [["popup_javascript", "javascript:document.title='pwned'"],
                ["popup_file", "file:///etc/passwd"],
                ["popup_bad_certificate", config.tls_url]];
  popups.forEach(function (entry) {
    var opened = window.open(entry[1], entry[0], "popup,width=400,height=300");
    set(entry[0], opened ? "opened" : "blocked");
  });

  // A request to the invalid certificate from the page itself.
  set("fetch_bad_certificate", "pending");
  fetch(config.tls_url).then(function () { set("fetch_bad_certificate", "loaded"); },
                             function () { set("fetch_bad_certificate", "failed"); });

  // Top-level navigations, one after another: each refused one leaves us here.
  var places = ["file:///etc/passwd", "data:text/html,<h1>pwned</h1>", "connectdesktop-evil://x",
                "http://example.invalid/", "view-source:" + location.href];
  var index = 0;
  function next() {
    if (index >= places.length) {
      set("navigations", "done");
      return;
    }
    var place = places[index++];
    set("navigation_" + index, place);
    try {
      location.assign(place);
    } catch (error) {
      set("navigation_" + index, "threw:" + error.name);
    }
    setTimeout(next, 250);
  }
  setTimeout(next, 100);
})();
