<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ApiClient</name>
    <message>
        <source>attempt %1 of %2 failed, retrying: %3</source>
        <translation>Versuch %1 von %2 fehlgeschlagen, neuer Versuch: %3</translation>
    </message>
</context>
<context>
    <name>ApiFailure</name>
    <message>
        <source>the server</source>
        <translation>Der Server</translation>
    </message>
    <message>
        <source> The server said: “%1”.</source>
        <translation> Antwort des Servers: „%1“.</translation>
    </message>
    <message numerus="yes">
        <source> (tried %n times)</source>
        <translation>
            <numerusform> (%n Versuch)</numerusform>
            <numerusform> (%n Versuche)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot reach %1%2: %3. Check your network connection and the profile&apos;s address, then try again.</source>
        <translation>%1 ist nicht erreichbar%2: %3. Prüfen Sie Ihre Netzwerkverbindung und die Adresse des Profils und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>%1 did not answer in time%2. Try again; if it keeps happening, check the profile&apos;s address or your network.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet%2. Versuchen Sie es erneut; wenn das weiterhin passiert, prüfen Sie die Adresse des Profils oder Ihr Netzwerk.</translation>
    </message>
    <message>
        <source>The answer from %1 could not be read (%2). The server may be misconfigured or not a Polytomic-compatible API; check the profile&apos;s address.</source>
        <translation>%1 hat eine Antwort gesendet, die nicht gelesen werden konnte (%2). Der Server ist möglicherweise falsch konfiguriert oder keine Polytomic-kompatible API; prüfen Sie die Adresse des Profils.</translation>
    </message>
    <message>
        <source>The request was stopped.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 refused the API key (401).%2 Check the key in the profile&apos;s settings, or POLYTOMIC_API_KEY.</source>
        <translation>%1 hat den API-Schlüssel abgelehnt (401).%2 Prüfen Sie den Schlüssel in den Einstellungen des Profils oder POLYTOMIC_API_KEY.</translation>
    </message>
    <message>
        <source>The API key is not allowed to do this (403).%1 Ask an administrator of your organization for a key with access to connections.</source>
        <translation>Der API-Schlüssel ist dafür nicht berechtigt (403).%1 Bitten Sie einen Administrator Ihrer Organisation um einen Schlüssel mit Zugriff auf Verbindungen.</translation>
    </message>
    <message>
        <source>%1 has no such resource (404).%2 Check the profile&apos;s address and API version.</source>
        <translation>%1 kennt diese Ressource nicht (404).%2 Prüfen Sie die Adresse und die API-Version des Profils.</translation>
    </message>
    <message>
        <source>An earlier attempt is still being processed (409).%1 Wait a moment and try again.</source>
        <translation>Ein früherer Versuch wird noch verarbeitet (409).%1 Warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>%1 refused the request (%2). Check the connection&apos;s details and try again.</source>
        <translation>%1 hat die Anfrage abgelehnt (%2). Prüfen Sie die Angaben der Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 refused the request: %2.</source>
        <translation>%1 hat die Anfrage abgelehnt: %2.</translation>
    </message>
    <message>
        <source>%1 had a problem (HTTP %2)%3.%4 Try again later; if it persists, contact the platform&apos;s support.</source>
        <translation>%1 hatte ein Problem (HTTP %2)%3.%4 Versuchen Sie es später erneut; falls das Problem bestehen bleibt, wenden Sie sich an den Support der Plattform.</translation>
    </message>
    <message>
        <source>%1 answered with HTTP %2.%3</source>
        <translation>%1 hat mit HTTP %2 geantwortet.%3</translation>
    </message>
</context>
<context>
    <name>AppBackends</name>
    <message>
        <source>built-in sandbox on %1</source>
        <translation>integrierte Sandbox auf %1</translation>
    </message>
    <message>
        <source>built-in sandbox</source>
        <translation>integrierte Sandbox</translation>
    </message>
    <message>
        <source>Polytomic at %1</source>
        <translation>Polytomic auf %1</translation>
    </message>
    <message>
        <source>backend proxy at %1</source>
        <translation>Backend-Proxy auf %1</translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation>Die integrierte Sandbox konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>No API key is stored for the profile “%1”.</source>
        <translation>Für das Profil „%1“ ist kein API-Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>The system keychain could not be read (%1).</source>
        <translation>Der Schlüsselbund des Systems konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>Enter the key in Settings → Profiles, or set the environment variable %1.</source>
        <translation>Geben Sie den Schlüssel unter Einstellungen → Profile ein oder setzen Sie die Umgebungsvariable %1.</translation>
    </message>
    <message>
        <source>built-in Paragon sandbox on %1</source>
        <translation>integrierte Paragon-Sandbox auf %1</translation>
    </message>
    <message>
        <source>built-in Paragon sandbox</source>
        <translation>integrierte Paragon-Sandbox</translation>
    </message>
    <message>
        <source>Paragon project %1, tokens signed here</source>
        <translation>Paragon-Projekt %1, Tokens werden hier signiert</translation>
    </message>
    <message>
        <source>Paragon project %1, tokens from %2</source>
        <translation>Paragon-Projekt %1, Tokens von %2</translation>
    </message>
    <message>
        <source>The built-in Paragon sandbox could not start: %1</source>
        <translation>Die integrierte Paragon-Sandbox konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>No signing key is stored for the profile “%1”.</source>
        <translation>Für das Profil „%1“ ist kein Signaturschlüssel gespeichert.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>connect-desktop: running as root, so the web engine&apos;s sandbox is off.</source>
        <translation>connect-desktop: Ausführung als root, daher ist die Sandbox der Web-Engine deaktiviert.</translation>
    </message>
    <message>
        <source>Connect Desktop is already running; it takes it from here.</source>
        <translation>Connect Desktop läuft bereits und übernimmt ab hier.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>BrandLogo</name>
    <message>
        <source>Connect Desktop</source>
        <translation>Connect Desktop</translation>
    </message>
    <message>
        <source>The logo file could not be drawn.</source>
        <translation>Die Logodatei konnte nicht dargestellt werden.</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>Wird bearbeitet</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>Unknown integration “%1”. This backend offers: %2.</source>
        <translation>Unbekannte Integration „%1“. Dieses Backend bietet: %2.</translation>
    </message>
    <message>
        <source>“%1” is not among the integrations this company allows (Settings, Allowed integrations); add --all to check it anyway.</source>
        <translation>„%1“ gehört nicht zu den Integrationen, die diese Firma zulässt (Einstellungen, Zulässige Integrationen); fügen Sie --all hinzu, um sie trotzdem zu prüfen.</translation>
    </message>
    <message>
        <source>There is no integration to check: the backend lists none that this company allows (add --all to check every one).</source>
        <translation>Es gibt keine Integration zu prüfen: Das Backend führt keine auf, die diese Firma zulässt (fügen Sie --all hinzu, um alle zu prüfen).</translation>
    </message>
    <message>
        <source>Checking %1 integration(s) on %2 (%3), %4 at a time…</source>
        <translation>%1 Integration(en) werden auf %2 (%3) geprüft, jeweils %4 gleichzeitig…</translation>
    </message>
    <message>
        <source>Connect Desktop check</source>
        <translation>Prüfung durch Connect Desktop</translation>
    </message>
    <message>
        <source>%1 refuses sign-in inside apps; a person would continue in the system browser.</source>
        <translation>%1 lehnt die Anmeldung innerhalb von Apps ab; eine Person würde im Systembrowser fortfahren.</translation>
    </message>
    <message>
        <source>The session ended before its page could be used.</source>
        <translation>Die Sitzung wurde beendet, bevor ihre Seite verwendet werden konnte.</translation>
    </message>
    <message>
        <source>Nothing usable came within the time allowed; try a longer --timeout, or look at the session&apos;s log in the History.</source>
        <translation>Innerhalb der erlaubten Zeit kam nichts Verwendbares; versuchen Sie ein längeres --timeout oder sehen Sie sich das Protokoll der Sitzung im Verlauf an.</translation>
    </message>
    <message>
        <source>It failed without saying why.</source>
        <translation>Fehlgeschlagen, ohne Angabe eines Grundes.</translation>
    </message>
    <message>
        <source>%1 %2: passed (request %3 ms, ready to type %4 ms)</source>
        <translation>%1 %2: bestanden (Anfrage %3 ms, eingabebereit nach %4 ms)</translation>
    </message>
    <message>
        <source>%1 %2: failed (%3): %4</source>
        <translation>%1 %2: fehlgeschlagen (%3): %4</translation>
    </message>
    <message>
        <source>%1 of %2 passed, %3 failed, in %4 s.</source>
        <translation>%1 von %2 bestanden, %3 fehlgeschlagen, in %4 s.</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>the integrations could not be listed: %1</source>
        <translation>die Integrationen konnten nicht aufgelistet werden: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>A connectdesktop: link is opened on its own, without other arguments.</source>
        <translation>Ein connectdesktop:-Link wird allein geöffnet, ohne weitere Argumente.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source> (see connect-desktop --help)</source>
        <translation> (siehe connect-desktop --help)</translation>
    </message>
    <message>
        <source>Use this language.</source>
        <translation>Diese Sprache verwenden.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 erwartet eine ganze Zahl von %2 bis %3, nicht „%4“.</translation>
    </message>
    <message>
        <source>Listen on this port (default: any free port).</source>
        <translation>Auf diesem Port lauschen (Standard: ein beliebiger freier Port).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Accept this API key (default: a random one, printed).</source>
        <translation>Diesen API-Schlüssel akzeptieren (Standard: ein zufälliger, der ausgegeben wird).</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>SVG logo shown top left in the modal.</source>
        <translation>SVG-Logo oben links auf der Verbindungsseite.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>SVG logo for the dark theme.</source>
        <translation>SVG-Logo für das dunkle Farbschema.</translation>
    </message>
    <message>
        <source>Keep connections in this JSON file across restarts.</source>
        <translation>Verbindungen über Neustarts hinweg in dieser JSON-Datei speichern.</translation>
    </message>
    <message>
        <source>Connect sessions expire after this many seconds (default 900).</source>
        <translation>Verbindungssitzungen laufen nach so vielen Sekunden ab (Standard: 900).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>Fault: delay every API answer by MS milliseconds.</source>
        <translation>Fehlersimulation: jede API-Antwort um MS Millisekunden verzögern.</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Fault: failing API calls answer with this HTTP status (default 500).</source>
        <translation>Fehlersimulation: fehlschlagende API-Aufrufe antworten mit diesem HTTP-Status (Standard: 500).</translation>
    </message>
    <message>
        <source>Fault: this fraction (0 to 1) of API calls fail.</source>
        <translation>Fehlersimulation: dieser Anteil (0 bis 1) der API-Aufrufe schlägt fehl.</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Fault: the first N API calls fail, then all succeed.</source>
        <translation>Fehlersimulation: die ersten N API-Aufrufe schlagen fehl, danach gelingen alle.</translation>
    </message>
    <message>
        <source>Faults apply to API paths starting with this (default /api/).</source>
        <translation>Simulierte Fehler betreffen API-Pfade, die hiermit beginnen (Standard: /api/).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>Seed for --fail-rate (default 1).</source>
        <translation>Startwert für --fail-rate (Standard: 1).</translation>
    </message>
    <message>
        <source>Fault: failing API calls answer 200 with truncated JSON.</source>
        <translation>Fehlersimulation: fehlschlagende API-Aufrufe antworten mit 200 und abgeschnittenem JSON.</translation>
    </message>
    <message>
        <source>Fault: failing API calls close the connection without answering.</source>
        <translation>Fehlersimulation: fehlschlagende API-Aufrufe schließen die Verbindung ohne Antwort.</translation>
    </message>
    <message>
        <source>Fault: serve the modal page after MS milliseconds.</source>
        <translation>Fehlersimulation: die Verbindungsseite erst nach MS Millisekunden ausliefern.</translation>
    </message>
    <message>
        <source>Fault: the modal page is blank.</source>
        <translation>Fehlersimulation: die Verbindungsseite ist leer.</translation>
    </message>
    <message>
        <source>Fault: the OAuth popup loses its opener and cannot report back.</source>
        <translation>Fehlersimulation: das OAuth-Pop-up verliert sein öffnendes Fenster und kann kein Ergebnis zurückmelden.</translation>
    </message>
    <message>
        <source>Fault: OAuth popups in the app answer like a provider that refuses embedded sign-in (disallowed_useragent).</source>
        <translation>Fehlersimulation: OAuth-Pop-ups in der App antworten wie ein Anbieter, der die Anmeldung in eingebetteten Browsern ablehnt (disallowed_useragent).</translation>
    </message>
    <message>
        <source>Fault: serve the modal over HTTPS with a certificate nobody trusts.</source>
        <translation>Fehlersimulation: die Verbindungsseite über HTTPS mit einem Zertifikat ausliefern, dem niemand vertraut.</translation>
    </message>
    <message>
        <source>Fault: the modal also tries what a host must refuse (file: pages, camera, downloads, a bad certificate, …).</source>
        <translation>Fehlersimulation: die Verbindungsseite versucht zusätzlich, was eine Host-Anwendung verweigern muss (file:-Seiten, Kamera, Downloads, ein ungültiges Zertifikat, …).</translation>
    </message>
    <message>
        <source> (see connect-desktop sandbox --help)</source>
        <translation> (siehe connect-desktop sandbox --help)</translation>
    </message>
    <message>
        <source>--fail-rate takes a fraction from 0 to 1, not &quot;%1&quot;.</source>
        <translation>--fail-rate erwartet einen Anteil von 0 bis 1, nicht „%1“.</translation>
    </message>
    <message>
        <source>--fault-scope must be an API path starting with /api/.</source>
        <translation>--fault-scope muss ein API-Pfad sein, der mit /api/ beginnt.</translation>
    </message>
    <message>
        <source>Choose one of --malformed-json and --drop-connection.</source>
        <translation>Wählen Sie entweder --malformed-json oder --drop-connection.</translation>
    </message>
    <message>
        <source>--api-key must not be empty.</source>
        <translation>--api-key darf nicht leer sein.</translation>
    </message>
    <message>
        <source>--lang takes a language code such as de, fr or ja, not &quot;%1&quot;.</source>
        <translation>--lang erwartet einen Sprachcode wie de, fr oder ja, nicht „%1“.</translation>
    </message>
    <message>
        <source>Opens only the connect window for one session, prints its one result and exits: 0 completed, 1 failed, 2 bad usage or configuration, 3 cancelled.</source>
        <translation>Öffnet nur das Verbindungsfenster für eine Sitzung, gibt deren Ergebnis aus und beendet sich: 0 abgeschlossen, 1 fehlgeschlagen, 2 falscher Aufruf oder falsche Konfiguration, 3 abgebrochen.</translation>
    </message>
    <message>
        <source>An integration to offer, by type id (repeatable: one goes straight to its form, several show a picker).</source>
        <translation>Eine anzubietende Integration, per Typ-ID (wiederholbar: eine führt direkt zu ihrem Formular, mehrere zeigen eine Auswahl).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name of the connection to create (default: from the name template).</source>
        <translation>Name der zu erstellenden Verbindung (Standard: aus der Namensvorlage).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Dark theme.</source>
        <translation>Dunkles Farbschema.</translation>
    </message>
    <message>
        <source>Light theme.</source>
        <translation>Helles Farbschema.</translation>
    </message>
    <message>
        <source>Use this profile (by name or id; default: the active one).</source>
        <translation>Dieses Profil verwenden (per Name oder ID; Standard: das aktive).</translation>
    </message>
    <message>
        <source>A Polytomic-compatible API; the key comes from POLYTOMIC_API_KEY or the keychain.</source>
        <translation>Eine Polytomic-kompatible API; der Schlüssel stammt aus POLYTOMIC_API_KEY oder dem Schlüsselbund.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>A backend proxy that adds the key itself.</source>
        <translation>Ein Backend-Proxy, der den Schlüssel selbst hinzufügt.</translation>
    </message>
    <message>
        <source>Print the result as one JSON object on stdout.</source>
        <translation>Das Ergebnis als ein JSON-Objekt auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>Use this language (de, fr, es, ja, ar, en).</source>
        <translation>Diese Sprache verwenden (de, fr, es, ja, ar, en).</translation>
    </message>
    <message>
        <source> (see connect-desktop connect --help)</source>
        <translation> (siehe connect-desktop connect --help)</translation>
    </message>
    <message>
        <source>--integration needs a type id, such as postgresql.</source>
        <translation>--integration erwartet eine Typ-ID, zum Beispiel postgresql.</translation>
    </message>
    <message>
        <source>--name must not be empty.</source>
        <translation>--name darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Choose one of --dark and --light.</source>
        <translation>Wählen Sie entweder --dark oder --light.</translation>
    </message>
    <message>
        <source>Choose one of --profile, --base-url and --proxy-url.</source>
        <translation>Wählen Sie nur eine der Optionen --profile, --base-url und --proxy-url.</translation>
    </message>
    <message>
        <source>--base-url must be a web address such as https://app.polytomic.com.</source>
        <translation>--base-url muss eine Webadresse sein, zum Beispiel https://app.polytomic.com.</translation>
    </message>
    <message>
        <source>--proxy-url must be a web address such as https://backend.example.com.</source>
        <translation>--proxy-url muss eine Webadresse sein, zum Beispiel https://backend.example.com.</translation>
    </message>
    <message>
        <source>Fault: the modal makes the attack NAME that a host must outlive (popups written while blank, dialogs, a popup flood, …; resources/sandbox/attacks.js).</source>
        <translation>Fehler: Das Modal führt den Angriff NAME aus, den ein Host überstehen muss (leer beschriebene Popups, Dialoge, eine Popup-Flut, …; resources/sandbox/attacks.js).</translation>
    </message>
    <message>
        <source>--attack takes an attack&apos;s name (lower-case letters, digits and dashes), not &quot;%1&quot;.</source>
        <translation>--attack erwartet den Namen eines Angriffs (Kleinbuchstaben, Ziffern und Bindestriche), nicht „%1“.</translation>
    </message>
    <message>
        <source>--project-id takes letters, digits and dashes, not &quot;%1&quot;.</source>
        <translation>--project-id erwartet Buchstaben, Ziffern und Bindestriche, nicht „%1“.</translation>
    </message>
    <message>
        <source>--token-fault takes expired or forged, not &quot;%1&quot;.</source>
        <translation>--token-fault erwartet expired oder forged, nicht „%1“.</translation>
    </message>
    <message>
        <source>Runs a sandbox: a local server on 127.0.0.1 that speaks the Polytomic Connect API and serves its own modal, or with --platform paragon stands in for Paragon&apos;s services and portal. It prints its address and credentials, then serves until stopped (Ctrl+C).</source>
        <translation>Startet eine Sandbox: einen lokalen Server auf 127.0.0.1, der die API von Polytomic Connect spricht und eine eigene Verbindungsseite ausliefert oder mit --platform paragon die Dienste und das Portal von Paragon ersetzt. Er gibt seine Adresse und Zugangsdaten aus und läuft dann, bis er beendet wird (Strg+C).</translation>
    </message>
    <message>
        <source>The platform: polytomic (default) or paragon.</source>
        <translation>Die Plattform: polytomic (Standard) oder paragon.</translation>
    </message>
    <message>
        <source>Print the address and credentials as one JSON object on stdout.</source>
        <translation>Adresse und Zugangsdaten als ein JSON-Objekt auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>Paragon: the project&apos;s id (default: a fixed one).</source>
        <translation>Paragon: die ID des Projekts (Standard: eine feste ID).</translation>
    </message>
    <message>
        <source>Paragon fault: the token URL hands out expired or forged tokens.</source>
        <translation>Paragon-Fehlersimulation: die Token-URL gibt abgelaufene (expired) oder gefälschte (forged) Tokens aus.</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>Paragon fault: Allow on the consent page ends in an OAuth error.</source>
        <translation>Paragon-Fehlersimulation: „Zulassen“ auf der Zustimmungsseite endet mit einem OAuth-Fehler.</translation>
    </message>
    <message>
        <source>Paragon fault: starting a sign-in answers this HTTP status.</source>
        <translation>Paragon-Fehlersimulation: der Start einer Anmeldung antwortet mit diesem HTTP-Status.</translation>
    </message>
    <message>
        <source>Paragon fault: new credentials stay PENDING.</source>
        <translation>Paragon-Fehlersimulation: neue Zugangsdaten bleiben im Status PENDING.</translation>
    </message>
    <message>
        <source>--platform takes polytomic or paragon, not &quot;%1&quot;.</source>
        <translation>--platform erwartet polytomic oder paragon, nicht „%1“.</translation>
    </message>
    <message>
        <source>--%1 is an option of Paragon&apos;s sandbox: add --platform paragon.</source>
        <translation>--%1 ist eine Option der Paragon-Sandbox: Fügen Sie --platform paragon hinzu.</translation>
    </message>
    <message>
        <source>The platform: polytomic or paragon. Without --profile, its built-in sandbox.</source>
        <translation>Die Plattform: polytomic oder paragon. Ohne --profile wird ihre integrierte Sandbox verwendet.</translation>
    </message>
    <message>
        <source>--%1 is an option of Polytomic&apos;s sandbox only: leave it out, or leave out --platform paragon.</source>
        <translation>--%1 ist nur eine Option der Polytomic-Sandbox: Lassen Sie sie weg oder lassen Sie --platform paragon weg.</translation>
    </message>
    <message>
        <source>Usage: connect-desktop [command] [options]

Connect accounts to a data platform through its connect modal.

Commands:
  (none)     open the main window
  connect    open only the connect window, print the one result, exit
  sandbox    run a built-in sandbox (Polytomic&apos;s or Paragon&apos;s) on 127.0.0.1
  check      smoke-test integrations: open each one&apos;s page hidden, connect nothing
  doctor     check that this machine is ready, and say what to fix
  history    list the last sessions and their results
  diagnostics  save a diagnostics bundle (zip, no secrets) for support

Options:
  -h, --help     show this help (or a command&apos;s: connect-desktop sandbox --help)
  -v, --version  show the version
  --lang CODE    use this language (de, fr, es, ja, ar, en) instead of the system&apos;s

Exit codes: 0 completed, 1 failed, 2 bad usage or configuration, 3 cancelled.
</source>
        <translation>Aufruf: connect-desktop [Befehl] [Optionen]

Verbindet Konten über die Verbindungsseite einer Datenplattform mit dieser Plattform.

Befehle:
  (keiner)   öffnet das Hauptfenster
  connect    öffnet nur das Verbindungsfenster, gibt das eine Ergebnis aus und beendet sich
  sandbox    startet eine integrierte Sandbox (von Polytomic oder Paragon) auf 127.0.0.1
  check      testet Integrationen: öffnet die Seite jeder einzelnen verborgen, verbindet nichts
  doctor     prüft, ob dieser Computer bereit ist, und sagt, was zu beheben ist
  history    listet die letzten Sitzungen und ihre Ergebnisse auf
  diagnostics  speichert ein Diagnosepaket (ZIP, ohne Geheimnisse) für den Support

Optionen:
  -h, --help     zeigt diese Hilfe an (oder die eines Befehls: connect-desktop sandbox --help)
  -v, --version  zeigt die Version an
  --lang CODE    verwendet diese Sprache statt der des Systems (de, fr, es, ja, ar, en)

Exit-Codes: 0 abgeschlossen, 1 fehlgeschlagen, 2 falscher Aufruf oder falsche Konfiguration, 3 abgebrochen.
</translation>
    </message>
    <message>
        <source>Fault: the modal&apos;s address is a local port where nothing listens (it cannot load).</source>
        <translation>Fehlersimulation: die Adresse der Verbindungsseite ist ein lokaler Port, auf dem nichts lauscht (sie kann nicht geladen werden).</translation>
    </message>
    <message>
        <source>Fault: every answer&apos;s Date header is S seconds off the real time (may be negative).</source>
        <translation>Fehlersimulation: der Date-Header jeder Antwort weicht um S Sekunden von der tatsächlichen Zeit ab (auch negativ möglich).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Choose one of --untrusted-modal and --unreachable-modal.</source>
        <translation>Wählen Sie entweder --untrusted-modal oder --unreachable-modal.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (see connect-desktop %2 --help).</source>
        <translation>Unerwartetes Argument „%1“ (siehe connect-desktop %2 --help).</translation>
    </message>
    <message>
        <source>Lists the sessions the app kept (newest first): when, profile, integration, result and reason. Kept without secrets; their exchange logs are in --json.</source>
        <translation>Listet die von der App aufbewahrten Sitzungen auf (neueste zuerst): Zeitpunkt, Profil, Integration, Ergebnis und Grund. Sie werden ohne Geheimnisse aufbewahrt; ihre Vorgangsprotokolle stehen in --json.</translation>
    </message>
    <message>
        <source>Print one JSON object with every session, its timings and exchange log.</source>
        <translation>Ein JSON-Objekt mit allen Sitzungen, ihren Zeiten und Vorgangsprotokollen ausgeben.</translation>
    </message>
    <message>
        <source>Only the newest N sessions.</source>
        <translation>Nur die neuesten N Sitzungen.</translation>
    </message>
    <message>
        <source>Only sessions of this integration (type id).</source>
        <translation>Nur Sitzungen dieser Integration (Typ-ID).</translation>
    </message>
    <message>
        <source>Only sessions that ended so: completed, cancelled or failed.</source>
        <translation>Nur Sitzungen mit diesem Ausgang: completed (abgeschlossen), cancelled (abgebrochen) oder failed (fehlgeschlagen).</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>AUSGANG</translation>
    </message>
    <message>
        <source>Only sessions of this profile (by name or id).</source>
        <translation>Nur Sitzungen dieses Profils (per Name oder ID).</translation>
    </message>
    <message>
        <source>Forget every kept session.</source>
        <translation>Alle aufbewahrten Sitzungen löschen.</translation>
    </message>
    <message>
        <source> (see connect-desktop history --help)</source>
        <translation> (siehe connect-desktop history --help)</translation>
    </message>
    <message>
        <source>--outcome takes completed, cancelled or failed, not &quot;%1&quot;.</source>
        <translation>--outcome erwartet completed, cancelled oder failed, nicht „%1“.</translation>
    </message>
    <message>
        <source>--clear forgets every session: use it on its own.</source>
        <translation>--clear löscht alle Sitzungen: Verwenden Sie es ohne weitere Optionen.</translation>
    </message>
    <message>
        <source>Smoke-tests integrations: for each one, opens a real session, loads its page hidden until a person could type, records the timings or what went wrong, and closes it without connecting anything. Exit 0 when every one passed, 1 when any failed, 2 for bad usage.</source>
        <translation>Führt einen Schnelltest von Integrationen durch: Öffnet für jede eine echte Sitzung, lädt ihre Seite verborgen, bis eine Person etwas eingeben könnte, zeichnet die Zeiten oder den Fehler auf und schließt sie, ohne etwas zu verbinden. Exit-Code 0, wenn alle bestanden haben, 1, wenn eine fehlgeschlagen ist, 2 bei falschem Aufruf.</translation>
    </message>
    <message>
        <source>Check this integration (type id; repeatable). Default: every one the company allows, or every one the backend lists when none is set.</source>
        <translation>Diese Integration prüfen (Typ-ID; wiederholbar). Standard: alle, die die Firma zulässt, oder alle, die das Backend auflistet, wenn keine festgelegt sind.</translation>
    </message>
    <message>
        <source>Check every integration the backend lists, allowed or not (for support staff).</source>
        <translation>Alle Integrationen prüfen, die das Backend auflistet, ob zulässig oder nicht (für Support-Mitarbeitende).</translation>
    </message>
    <message>
        <source>Run N sessions at once (1 to 8, default 2).</source>
        <translation>N Sitzungen gleichzeitig ausführen (1 bis 8, Standard: 2).</translation>
    </message>
    <message>
        <source>Give each page S seconds to become usable (default 30).</source>
        <translation>Jeder Seite S Sekunden Zeit geben, bis sie verwendbar ist (Standard: 30).</translation>
    </message>
    <message>
        <source>Print one JSON object with every row on stdout.</source>
        <translation>Ein JSON-Objekt mit allen Zeilen auf stdout ausgeben.</translation>
    </message>
    <message>
        <source> (see connect-desktop check --help)</source>
        <translation> (siehe connect-desktop check --help)</translation>
    </message>
    <message>
        <source>Checks whether this machine is ready: the web engine, the display, the keychain, the backend&apos;s address, proxies, certificates, the clock and the app&apos;s folders. Each line says what is wrong and what to do. Exit 0 when all is well, 1 when a problem was found.</source>
        <translation>Prüft, ob dieser Computer bereit ist: die Web-Engine, die Anzeige, den Schlüsselbund, die Adresse des Backends, Proxys, Zertifikate, die Uhr und die Ordner der App. Jede Zeile nennt, was nicht stimmt und was zu tun ist. Exit-Code 0, wenn alles in Ordnung ist, 1, wenn ein Problem gefunden wurde.</translation>
    </message>
    <message>
        <source>Print one JSON object with every finding on stdout.</source>
        <translation>Ein JSON-Objekt mit allen Befunden auf stdout ausgeben.</translation>
    </message>
    <message>
        <source> (see connect-desktop doctor --help)</source>
        <translation> (siehe connect-desktop doctor --help)</translation>
    </message>
    <message>
        <source>Saves a diagnostics bundle (a zip file) for support: versions, the effective settings and profiles without any secret, the doctor&apos;s findings, the last sessions with their redacted exchange logs, and what the web engine refused or reported.</source>
        <translation>Speichert ein Diagnosepaket (eine ZIP-Datei) für den Support: Versionen, die geltenden Einstellungen und Profile ohne jedes Geheimnis, die Befunde der Systemprüfung (doctor), die letzten Sitzungen mit ihren geschwärzten Vorgangsprotokollen und was die Web-Engine verweigert oder gemeldet hat.</translation>
    </message>
    <message>
        <source>Write the bundle to FILE (a .zip).</source>
        <translation>Das Paket in DATEI schreiben (eine .zip-Datei).</translation>
    </message>
    <message>
        <source>Only sessions of the last DURATION (e.g. 30m, 12h, 7d; default: every kept one).</source>
        <translation>Nur Sitzungen aus der letzten DAUER (z. B. 30m, 12h, 7d; Standard: alle aufbewahrten).</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DAUER</translation>
    </message>
    <message>
        <source>Leave a part out (repeatable): system, settings, profiles, doctor, sessions, engine.</source>
        <translation>Einen Teil weglassen (wiederholbar): system, settings, profiles, doctor, sessions, engine.</translation>
    </message>
    <message>
        <source>PART</source>
        <translation>TEIL</translation>
    </message>
    <message>
        <source>The profile the doctor checks (by name or id; default: the active one).</source>
        <translation>Das Profil, das die Systemprüfung prüft (per Name oder ID; Standard: das aktive).</translation>
    </message>
    <message>
        <source> (see connect-desktop diagnostics --help)</source>
        <translation> (siehe connect-desktop diagnostics --help)</translation>
    </message>
    <message>
        <source>Name the bundle&apos;s file with --output FILE.zip.</source>
        <translation>Geben Sie die Datei für das Paket mit --output DATEI.zip an.</translation>
    </message>
    <message>
        <source>--output names a .zip file, such as diagnostics.zip.</source>
        <translation>--output erwartet eine .zip-Datei, zum Beispiel diagnostics.zip.</translation>
    </message>
    <message>
        <source>--since takes a duration such as 30m, 12h or 7d, not &quot;%1&quot;.</source>
        <translation>--since erwartet eine Dauer wie 30m, 12h oder 7d, nicht „%1“.</translation>
    </message>
    <message>
        <source>--without takes one of %1, not &quot;%2&quot;.</source>
        <translation>--without erwartet einen dieser Werte: %1, nicht „%2“.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: connect, sandbox, check, doctor, history, diagnostics (see connect-desktop --help).</source>
        <translation>Unbekannter Befehl „%1“. Befehle: connect, sandbox, check, doctor, history, diagnostics (siehe connect-desktop --help).</translation>
    </message>
    <message>
        <source>The modal&apos;s address names this host instead of 127.0.0.1 (for rehearsing a proxy that resolves it).</source>
        <translation>Die Adresse der Verbindungsseite nennt diesen Host statt 127.0.0.1 (zum Erproben eines Proxys, der ihn auflöst).</translation>
    </message>
    <message>
        <source>--public-host takes a host name such as sandbox.test, not &quot;%1&quot;.</source>
        <translation>--public-host erwartet einen Hostnamen wie sandbox.test, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>ConnectCommand</name>
    <message>
        <source>Unknown integration “%1”. This backend offers: %2.</source>
        <translation>Unbekannte Integration „%1“. Dieses Backend bietet: %2.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Connected %1 as “%2” (%3).</source>
        <translation>%1 als „%2“ verbunden (%3).</translation>
    </message>
    <message>
        <source>Cancelled: no connection was made.</source>
        <translation>Abgebrochen: Es wurde keine Verbindung hergestellt.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ConnectRequest</name>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>dark must be true or false</source>
        <translation>dark muss true oder false sein</translation>
    </message>
    <message>
        <source>whitelist must be a list of connection type ids</source>
        <translation>whitelist muss eine Liste von Verbindungstyp-IDs sein</translation>
    </message>
    <message>
        <source>name is required and must not be empty</source>
        <translation>name ist erforderlich und darf nicht leer sein</translation>
    </message>
    <message>
        <source>redirect_url is required</source>
        <translation>redirect_url ist erforderlich</translation>
    </message>
    <message>
        <source>redirect_url must be an absolute http or https URL</source>
        <translation>redirect_url muss eine absolute http- oder https-URL sein</translation>
    </message>
    <message>
        <source>connection must be a connection id (a uuid)</source>
        <translation>connection muss eine Verbindungs-ID (eine UUID) sein</translation>
    </message>
</context>
<context>
    <name>ConnectSession</name>
    <message>
        <source>The connect page did not load within %1 seconds. Check your connection, then Retry.</source>
        <translation>Die Verbindungsseite wurde nicht innerhalb von %1 Sekunden geladen. Prüfen Sie Ihre Netzwerkverbindung und wählen Sie dann „Wiederholen“.</translation>
    </message>
    <message>
        <source>The browser did not come back within %1 minutes. Start again when you are ready.</source>
        <translation>Der Browser hat sich nicht innerhalb von %1 Minuten zurückgemeldet. Beginnen Sie erneut, wenn Sie bereit sind.</translation>
    </message>
    <message>
        <source>The connect page could not be loaded from %1. Check your connection, then Retry.</source>
        <translation>Die Verbindungsseite konnte nicht von %1 geladen werden. Prüfen Sie Ihre Netzwerkverbindung und wählen Sie dann „Wiederholen“.</translation>
    </message>
    <message>
        <source>The connect page finished, but the connection could not be confirmed. %1</source>
        <translation>Die Verbindungsseite wurde abgeschlossen, aber die Verbindung konnte nicht bestätigt werden. %1</translation>
    </message>
    <message>
        <source>The connection “%1” was saved but is %2%3. Reconnect it to try again.</source>
        <translation>Die Verbindung „%1“ wurde gespeichert, hat aber den Status %2%3. Verbinden Sie sie erneut, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>The connection to %1 is not secure: its certificate is not valid (%2). Connect Desktop does not continue to pages with invalid certificates. Check the profile&apos;s address, or ask your IT team whether something intercepts secure connections on this network.</source>
        <translation>Die Verbindung zu %1 ist nicht sicher: Das Zertifikat ist ungültig (%2). Connect Desktop ruft keine Seiten mit ungültigen Zertifikaten auf. Prüfen Sie die Adresse des Profils oder fragen Sie Ihre IT-Abteilung, ob in diesem Netzwerk etwas sichere Verbindungen abfängt.</translation>
    </message>
    <message>
        <source>The connect page stopped working (its process ended). Reload to try again.</source>
        <translation>Die Verbindungsseite funktioniert nicht mehr (ihr Prozess wurde beendet). Laden Sie sie neu, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>continuing in the system browser with a fresh session</source>
        <translation>Fortsetzung im Systembrowser mit einer neuen Sitzung</translation>
    </message>
    <message>
        <source>the page finished; asking %1 what happened</source>
        <translation>die Seite ist fertig; %1 wird gefragt, was geschehen ist</translation>
    </message>
    <message>
        <source>more console lines were not kept</source>
        <translation>weitere Konsolenzeilen wurden nicht aufbewahrt</translation>
    </message>
</context>
<context>
    <name>ConnectSessionTicket</name>
    <message>
        <source>The server did not return a usable address for the connect modal.</source>
        <translation>Der Server hat keine verwendbare Adresse für die Verbindungsseite zurückgegeben.</translation>
    </message>
</context>
<context>
    <name>ConnectWebPage</name>
    <message>
        <source>notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>camera and microphone</source>
        <translation>Kamera und Mikrofon</translation>
    </message>
    <message>
        <source>mouse lock</source>
        <translation>Mauszeiger-Sperre</translation>
    </message>
    <message>
        <source>screen capture</source>
        <translation>Bildschirmaufnahme</translation>
    </message>
    <message>
        <source>a permission</source>
        <translation>eine Berechtigung</translation>
    </message>
    <message>
        <source>file system access</source>
        <translation>Dateisystemzugriff</translation>
    </message>
    <message>
        <source>registering a protocol handler</source>
        <translation>Registrieren eines Protokoll-Handlers</translation>
    </message>
    <message>
        <source>a download</source>
        <translation>ein Download</translation>
    </message>
    <message>
        <source>an invalid certificate (%1)</source>
        <translation>ein ungültiges Zertifikat (%1)</translation>
    </message>
    <message>
        <source>going to %1: %2</source>
        <translation>Navigation zu %1: %2</translation>
    </message>
    <message>
        <source>a popup that could not load</source>
        <translation>ein Pop-up, das nicht geladen werden konnte</translation>
    </message>
    <message>
        <source>a popup that showed no web page</source>
        <translation>ein Pop-up ohne Webseite</translation>
    </message>
    <message numerus="yes">
        <source>a popup (%n already open)</source>
        <translation>
            <numerusform>ein Popup (%n bereits offen)</numerusform>
            <numerusform>ein Popup (%n bereits offen)</numerusform>
        </translation>
    </message>
    <message>
        <source>a popup whose page did not load</source>
        <translation>ein Popup, dessen Seite nicht geladen wurde</translation>
    </message>
    <message>
        <source>a file chooser</source>
        <translation>eine Dateiauswahl</translation>
    </message>
</context>
<context>
    <name>ConnectWindow</name>
    <message>
        <source>Preparing the connect page…</source>
        <translation>Verbindungsseite wird vorbereitet…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Ladefortschritt</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Show what went over the wire (secrets hidden)</source>
        <translation>Anzeigen, was übertragen wurde (Geheimnisse ausgeblendet)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Continue in &amp;browser</source>
        <translation>Im &amp;Browser fortfahren</translation>
    </message>
    <message>
        <source>Sign in with your system browser instead, for providers that refuse sign-in inside apps</source>
        <translation>Stattdessen im Systembrowser anmelden – für Anbieter, die die Anmeldung in Apps ablehnen</translation>
    </message>
    <message>
        <source>Not secure: the certificate of %1 is not valid (%2) and was accepted because this profile allows it. Do not enter real credentials.</source>
        <translation>Nicht sicher: Das Zertifikat von %1 ist ungültig (%2) und wurde akzeptiert, weil dieses Profil es erlaubt. Geben Sie keine echten Zugangsdaten ein.</translation>
    </message>
    <message>
        <source>No browser could be started. Cancel, then try again once a default browser is set.</source>
        <translation>Es konnte kein Browser gestartet werden. Brechen Sie ab und versuchen Sie es erneut, sobald ein Standardbrowser festgelegt ist.</translation>
    </message>
    <message>
        <source>Support setting: this profile can continue past invalid certificates.</source>
        <translation>Support-Einstellung: Dieses Profil kann trotz ungültiger Zertifikate fortfahren.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Erneut verbinden</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>%1 erneut verbinden</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>%1 verbinden</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Konto verbinden</translation>
    </message>
    <message>
        <source>Connection “%1”</source>
        <translation>Verbindung „%1“</translation>
    </message>
    <message>
        <source>New connection “%1”</source>
        <translation>Neue Verbindung „%1“</translation>
    </message>
    <message>
        <source>The sign-in page (%1) does not allow signing in inside apps. Continue in your browser to finish.</source>
        <translation>Die Anmeldeseite (%1) erlaubt keine Anmeldung innerhalb von Apps. Fahren Sie in Ihrem Browser fort, um die Anmeldung abzuschließen.</translation>
    </message>
    <message>
        <source>Asking %1 for a secure connect page.</source>
        <translation>%1 wird um eine sichere Verbindungsseite gebeten.</translation>
    </message>
    <message>
        <source>Loading the connect page…</source>
        <translation>Verbindungsseite wird geladen…</translation>
    </message>
    <message>
        <source>The page stopped working</source>
        <translation>Die Seite funktioniert nicht mehr</translation>
    </message>
    <message>
        <source>The connect page closed unexpectedly. Reload it to carry on where you were.</source>
        <translation>Die Verbindungsseite wurde unerwartet geschlossen. Laden Sie sie neu, um dort weiterzumachen, wo Sie waren.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>The connect page could not be shown</source>
        <translation>Die Verbindungsseite konnte nicht angezeigt werden</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Continue &amp;anyway (not secure)</source>
        <translation>&amp;Trotzdem fortfahren (nicht sicher)</translation>
    </message>
    <message>
        <source>Continue in your browser</source>
        <translation>Im Browser fortfahren</translation>
    </message>
    <message>
        <source>Finish signing in in the browser window that opened. This window carries on when you are done.</source>
        <translation>Schließen Sie die Anmeldung im geöffneten Browserfenster ab. Dieses Fenster macht weiter, sobald Sie fertig sind.</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Verbindung wird geprüft…</translation>
    </message>
    <message>
        <source>Asking %1 whether the connection was made.</source>
        <translation>%1 wird gefragt, ob die Verbindung hergestellt wurde.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Page address</source>
        <translation>Adresse der Seite</translation>
    </message>
    <message>
        <source>Message from the page</source>
        <translation>Nachricht der Seite</translation>
    </message>
    <message>
        <source>Secure connection · %1</source>
        <translation>Sichere Verbindung · %1</translation>
    </message>
    <message>
        <source>This computer · %1</source>
        <translation>Dieser Computer · %1</translation>
    </message>
    <message>
        <source>Not secure · %1</source>
        <translation>Nicht sicher · %1</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>die Plattform</translation>
    </message>
    <message>
        <source>This is no longer %1&apos;s connect page: the page is now at %2. Enter credentials only if you trust it, or press Esc to stop.</source>
        <translation>Dies ist nicht mehr die Verbindungsseite von %1: Die Seite ist jetzt unter %2. Geben Sie Zugangsdaten nur ein, wenn Sie ihr vertrauen, oder drücken Sie Esc, um abzubrechen.</translation>
    </message>
    <message>
        <source>Message from the page (%1): %2</source>
        <translation>Nachricht der Seite (%1): %2</translation>
    </message>
    <message>
        <source>The page (%1) asked “%2”. Connect Desktop answered Cancel; connect pages do not need such questions.</source>
        <translation>Die Seite (%1) fragte „%2“. Connect Desktop hat mit Abbrechen geantwortet; Verbindungsseiten brauchen solche Fragen nicht.</translation>
    </message>
    <message>
        <source>The page (%1) asked you to type something (“%2”). Connect Desktop does not pass typed text to pages this way: type only into the page&apos;s own fields.</source>
        <translation>Die Seite (%1) bat Sie, etwas einzugeben („%2“). Connect Desktop gibt auf diese Weise keinen Text an Seiten weiter: Tippen Sie nur in die eigenen Felder der Seite.</translation>
    </message>
    <message>
        <source>&amp;Hide messages from the page</source>
        <translation>Nachrichten der Seite a&amp;usblenden</translation>
    </message>
    <message>
        <source>The sign-in page (%1) does not allow signing in inside apps, and this sign-in cannot move to your browser. Close this window; ask your administrator whether the account can be connected another way.</source>
        <translation>Die Anmeldeseite (%1) erlaubt keine Anmeldung innerhalb von Apps, und diese Anmeldung kann nicht in Ihren Browser wechseln. Schließen Sie dieses Fenster und fragen Sie Ihren Administrator, ob das Konto auf andere Weise verbunden werden kann.</translation>
    </message>
    <message>
        <source>%1 · through proxy %2</source>
        <translation>%1 · über Proxy %2</translation>
    </message>
    <message>
        <source>%1, through the proxy %2 (Settings, Network)</source>
        <translation>%1, über den Proxy %2 (Einstellungen, Netzwerk)</translation>
    </message>
</context>
<context>
    <name>ConnectionTypeModel</name>
    <message>
        <source>%1 (%2) · signs in with your %1 account</source>
        <translation>%1 (%2) · Anmeldung mit Ihrem %1-Konto</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ConnectionsView</name>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Your connections</source>
        <translation>Ihre Verbindungen</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Erneut verbinden</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Sign in again to refresh this connection&apos;s credentials</source>
        <translation>Erneut anmelden, um die Zugangsdaten dieser Verbindung zu erneuern</translation>
    </message>
    <message>
        <source>Remove this connection from the organization</source>
        <translation>Diese Verbindung aus der Organisation entfernen</translation>
    </message>
    <message>
        <source>Loading your connections…</source>
        <translation>Ihre Verbindungen werden geladen…</translation>
    </message>
    <message>
        <source>No connections yet. Pick an integration to connect one.</source>
        <translation>Noch keine Verbindungen. Wählen Sie eine Integration, um eine Verbindung herzustellen.</translation>
    </message>
    <message>
        <source>Reco&amp;nnect</source>
        <translation>Erneut ver&amp;binden</translation>
    </message>
</context>
<context>
    <name>DeepLink</name>
    <message>
        <source>The link is too long.</source>
        <translation>Der Link ist zu lang.</translation>
    </message>
    <message>
        <source>This is not a Connect Desktop link (connectdesktop://connect?integration=…).</source>
        <translation>Dies ist kein Link für Connect Desktop (connectdesktop://connect?integration=…).</translation>
    </message>
    <message>
        <source>The link asks for “%1”, which Connect Desktop does not do.</source>
        <translation>Der Link verlangt „%1“; das unterstützt Connect Desktop nicht.</translation>
    </message>
    <message>
        <source>The link has parts a Connect Desktop link never has.</source>
        <translation>Der Link enthält Bestandteile, die ein Link für Connect Desktop nie hat.</translation>
    </message>
    <message>
        <source>The link carries “%1”, which Connect Desktop does not accept from links.</source>
        <translation>Der Link enthält „%1“; das nimmt Connect Desktop von Links nicht an.</translation>
    </message>
    <message>
        <source>The link must name exactly one integration.</source>
        <translation>Der Link muss genau eine Integration nennen.</translation>
    </message>
    <message>
        <source>The link&apos;s integration is not a valid integration id.</source>
        <translation>Die Integration im Link ist keine gültige Integrations-ID.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsBundle</name>
    <message>
        <source>The app&apos;s, Qt&apos;s and Chromium&apos;s versions, the operating system and the display.</source>
        <translation>Die Versionen der App, von Qt und von Chromium, das Betriebssystem und die Anzeige.</translation>
    </message>
    <message>
        <source>The settings in effect: yours, the machine&apos;s defaults and what is locked, without any secret.</source>
        <translation>Die geltenden Einstellungen: Ihre eigenen, die Standardwerte des Computers und was gesperrt ist, ohne jedes Geheimnis.</translation>
    </message>
    <message>
        <source>Your profiles: names, platforms and addresses, without keys or credentials.</source>
        <translation>Ihre Profile: Namen, Plattformen und Adressen, ohne Schlüssel oder Zugangsdaten.</translation>
    </message>
    <message>
        <source>What the doctor found on this machine (the web engine, keychain, network, proxies, certificates, clock).</source>
        <translation>Was die Systemprüfung auf diesem Computer gefunden hat (Web-Engine, Schlüsselbund, Netzwerk, Proxys, Zertifikate, Uhr).</translation>
    </message>
    <message>
        <source>The last sessions: their results, timings and exchange logs (already redacted), with the integrations and connection names they involved.</source>
        <translation>Die letzten Sitzungen: ihre Ergebnisse, Zeiten und Vorgangsprotokolle (bereits geschwärzt), mit den beteiligten Integrationen und Verbindungsnamen.</translation>
    </message>
    <message>
        <source>What the web engine refused or reported in those sessions (navigations, permissions, dialogs, console errors).</source>
        <translation>Was die Web-Engine in diesen Sitzungen verweigert oder gemeldet hat (Navigationen, Berechtigungen, Dialoge, Konsolenfehler).</translation>
    </message>
    <message>
        <source>Nothing was refused or reported.</source>
        <translation>Es wurde nichts verweigert oder gemeldet.</translation>
    </message>
    <message>
        <source>Could not create %1 (%2).</source>
        <translation>%1 konnte nicht erstellt werden (%2).</translation>
    </message>
    <message>
        <source>Could not add %1 to the bundle (%2).</source>
        <translation>%1 konnte dem Paket nicht hinzugefügt werden (%2).</translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>%1 konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not open %1 as a zip file.</source>
        <translation>%1 konnte nicht als ZIP-Datei geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCommand</name>
    <message>
        <source>Running the doctor…</source>
        <translation>Die Systemprüfung läuft…</translation>
    </message>
    <message>
        <source>Saved %1 with:</source>
        <translation>%1 gespeichert mit:</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Weggelassen: %1</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>System and versions</source>
        <translation>System und Versionen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Doctor&apos;s findings</source>
        <translation>Befunde der Systemprüfung</translation>
    </message>
    <message>
        <source>Sessions and exchange logs</source>
        <translation>Sitzungen und Vorgangsprotokolle</translation>
    </message>
    <message>
        <source>Web engine refusals and console</source>
        <translation>Verweigerungen der Web-Engine und Konsole</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Save Diagnostics</source>
        <translation>Diagnosedaten speichern</translation>
    </message>
    <message>
        <source>A diagnostics bundle helps support see what happened on this computer. It never holds keys, tokens or passwords. Choose what goes in; the text on the right is exactly what each part holds.</source>
        <translation>Ein Diagnosepaket hilft dem Support zu sehen, was auf diesem Computer geschehen ist. Es enthält nie Schlüssel, Tokens oder Passwörter. Wählen Sie aus, was hineinkommt; der Text rechts zeigt genau, was jeder Teil enthält.</translation>
    </message>
    <message>
        <source>Parts of the bundle</source>
        <translation>Teile des Pakets</translation>
    </message>
    <message>
        <source>Space ticks or clears a part</source>
        <translation>Die Leertaste wählt einen Teil aus oder ab</translation>
    </message>
    <message>
        <source>&amp;Include:</source>
        <translation>&amp;Einschließen:</translation>
    </message>
    <message>
        <source>Every kept session</source>
        <translation>Alle aufbewahrten Sitzungen</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>What the chosen part holds</source>
        <translation>Inhalt des gewählten Teils</translation>
    </message>
    <message>
        <source>&amp;Preview:</source>
        <translation>&amp;Vorschau:</translation>
    </message>
    <message>
        <source>Running the doctor…</source>
        <translation>Die Systemprüfung läuft…</translation>
    </message>
    <message>
        <source>Sessions &amp;from:</source>
        <translation>&amp;Zeitraum der Sitzungen:</translation>
    </message>
    <message>
        <source>The doctor found no problem.</source>
        <translation>Die Systemprüfung hat kein Problem gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>The doctor found %n problem(s); they are in the bundle.</source>
        <translation>
            <numerusform>Die Systemprüfung hat %n Problem gefunden; es ist im Paket enthalten.</numerusform>
            <numerusform>Die Systemprüfung hat %n Probleme gefunden; sie sind im Paket enthalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: this part will not be in the bundle.</source>
        <translation>Weggelassen: Dieser Teil wird nicht im Paket enthalten sein.</translation>
    </message>
    <message>
        <source>The doctor is still running…</source>
        <translation>Die Systemprüfung läuft noch…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert unter %1.</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>ZIP-Dateien (*.zip)</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>no proxy</source>
        <translation>kein Proxy</translation>
    </message>
    <message>
        <source>no proxy (%1 is in no_proxy)</source>
        <translation>kein Proxy (%1 steht in no_proxy)</translation>
    </message>
    <message>
        <source>Some checks did not finish within %1 seconds.</source>
        <translation>Einige Prüfungen wurden nicht innerhalb von %1 Sekunden abgeschlossen.</translation>
    </message>
    <message>
        <source>Run the doctor again; if it stays so, the network or the web engine is stuck (see the lines above).</source>
        <translation>Führen Sie die Systemprüfung erneut aus; bleibt es dabei, hängt das Netzwerk oder die Web-Engine (siehe die Zeilen oben).</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>data (history, web profiles)</source>
        <translation>Daten (Verlauf, Webprofile)</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>The app&apos;s folders are writable.</source>
        <translation>Die Ordner der App sind beschreibbar.</translation>
    </message>
    <message>
        <source>These folders cannot be written: %1.</source>
        <translation>In diese Ordner kann nicht geschrieben werden: %1.</translation>
    </message>
    <message>
        <source>Give your user write access to them, or free some disk space.</source>
        <translation>Geben Sie Ihrem Benutzer Schreibzugriff darauf oder schaffen Sie freien Speicherplatz.</translation>
    </message>
    <message>
        <source>No display (%1): windows are not shown; check, doctor and diagnostics work.</source>
        <translation>Keine Anzeige (%1): Fenster werden nicht angezeigt; check, doctor und diagnostics funktionieren.</translation>
    </message>
    <message>
        <source>Display: %1, web content drawn without the GPU.</source>
        <translation>Anzeige: %1, Webinhalte werden ohne GPU dargestellt.</translation>
    </message>
    <message>
        <source>Display: %1.</source>
        <translation>Anzeige: %1.</translation>
    </message>
    <message>
        <source>The web engine started but could not show a page.</source>
        <translation>Die Web-Engine wurde gestartet, konnte aber keine Seite anzeigen.</translation>
    </message>
    <message>
        <source>Run the app from a terminal and read what QtWebEngineProcess prints; check that the qt6-webengine packages are complete.</source>
        <translation>Starten Sie die App in einem Terminal und lesen Sie, was QtWebEngineProcess ausgibt; prüfen Sie, ob die qt6-webengine-Pakete vollständig sind.</translation>
    </message>
    <message>
        <source>The web engine runs pages (Qt WebEngine %1, Chromium %2; %3 ms).</source>
        <translation>Die Web-Engine führt Seiten aus (Qt WebEngine %1, Chromium %2; %3 ms).</translation>
    </message>
    <message>
        <source>The web engine shows pages but does not run their scripts.</source>
        <translation>Die Web-Engine zeigt Seiten an, führt aber deren Skripte nicht aus.</translation>
    </message>
    <message>
        <source>Its sandbox is off because the app runs as root.</source>
        <translation>Die Sandbox der Web-Engine ist ausgeschaltet, weil die App als root läuft.</translation>
    </message>
    <message>
        <source>Its sandbox is off (QTWEBENGINE_DISABLE_SANDBOX).</source>
        <translation>Die Sandbox der Web-Engine ist ausgeschaltet (QTWEBENGINE_DISABLE_SANDBOX).</translation>
    </message>
    <message>
        <source>Run the app as an ordinary user, so that web pages run in Chromium&apos;s sandbox.</source>
        <translation>Führen Sie die App als normaler Benutzer aus, damit Webseiten in der Sandbox von Chromium laufen.</translation>
    </message>
    <message>
        <source>Unset QTWEBENGINE_DISABLE_SANDBOX unless this machine cannot run the sandbox.</source>
        <translation>Entfernen Sie QTWEBENGINE_DISABLE_SANDBOX, es sei denn, dieser Computer kann die Sandbox nicht ausführen.</translation>
    </message>
    <message>
        <source>The OS keychain answers (this profile needs no secret).</source>
        <translation>Der Schlüsselbund des Systems antwortet (dieses Profil benötigt kein Geheimnis).</translation>
    </message>
    <message>
        <source>The profile&apos;s secret is in the OS keychain.</source>
        <translation>Das Geheimnis des Profils ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>The profile&apos;s secret comes from %1 (none is in the keychain).</source>
        <translation>Das Geheimnis des Profils stammt aus %1 (im Schlüsselbund ist keines gespeichert).</translation>
    </message>
    <message>
        <source>The profile “%1” has no secret in the keychain.</source>
        <translation>Für das Profil „%1“ ist kein Geheimnis im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Add it in Settings, Profiles, Edit.</source>
        <translation>Fügen Sie es unter Einstellungen, Profile, Bearbeiten hinzu.</translation>
    </message>
    <message>
        <source>Add it in Settings, Profiles, Edit, or set %1.</source>
        <translation>Fügen Sie es unter Einstellungen, Profile, Bearbeiten hinzu oder setzen Sie %1.</translation>
    </message>
    <message>
        <source>The OS keychain cannot be reached.</source>
        <translation>Der Schlüsselbund des Systems ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The profile “%1” cannot be opened.</source>
        <translation>Das Profil „%1“ kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>%1 is reached without encryption (http).</source>
        <translation>%1 wird ohne Verschlüsselung erreicht (http).</translation>
    </message>
    <message>
        <source>Use an https:// address for anything beyond this computer.</source>
        <translation>Verwenden Sie für alles außerhalb dieses Computers eine https://-Adresse.</translation>
    </message>
    <message>
        <source>%1 accepts the credential: %2 (%3 ms).</source>
        <translation>%1 akzeptiert die Zugangsdaten: %2 (%3 ms).</translation>
    </message>
    <message>
        <source>%1 did not accept the request.</source>
        <translation>%1 hat die Anfrage nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The name %1 does not resolve (%2).</source>
        <translation>Der Name %1 lässt sich nicht auflösen (%2).</translation>
    </message>
    <message>
        <source>Check the profile&apos;s address, your network connection, and your DNS or VPN.</source>
        <translation>Prüfen Sie die Adresse des Profils, Ihre Netzwerkverbindung und Ihr DNS oder VPN.</translation>
    </message>
    <message>
        <source>%1 does not answer through the proxy (%2).</source>
        <translation>%1 antwortet nicht über den Proxy (%2).</translation>
    </message>
    <message>
        <source>%1 resolves but does not answer (%2).</source>
        <translation>%1 lässt sich auflösen, antwortet aber nicht (%2).</translation>
    </message>
    <message>
        <source>Check that the address and port are right, and whether a firewall or proxy is in the way.</source>
        <translation>Prüfen Sie, ob Adresse und Port stimmen und ob eine Firewall oder ein Proxy im Weg ist.</translation>
    </message>
    <message>
        <source>%1 resolves and answers (HTTP %2; %3 ms to resolve, %4 ms round trip).</source>
        <translation>%1 lässt sich auflösen und antwortet (HTTP %2; %3 ms für die Auflösung, %4 ms Umlaufzeit).</translation>
    </message>
    <message>
        <source>%1&apos;s certificate verifies for the API.</source>
        <translation>Das Zertifikat von %1 lässt sich für die API verifizieren.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate does not verify for the API: %2</source>
        <translation>Das Zertifikat von %1 lässt sich für die API nicht verifizieren: %2</translation>
    </message>
    <message>
        <source>If your network inspects secure connections, ask IT for its certificate authority and add it to the system&apos;s trusted certificates.</source>
        <translation>Wenn Ihr Netzwerk sichere Verbindungen überprüft, fragen Sie Ihre IT-Abteilung nach deren Zertifizierungsstelle und fügen Sie sie den vertrauenswürdigen Zertifikaten des Systems hinzu.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 seconds off %2&apos;s.</source>
        <translation>Die Uhr dieses Computers weicht um %1 Sekunden von der Uhr von %2 ab.</translation>
    </message>
    <message>
        <source>Set the clock automatically (NTP): tokens and sessions expire, and a wrong clock makes them look expired.</source>
        <translation>Lassen Sie die Uhr automatisch stellen (NTP): Tokens und Sitzungen laufen ab, und bei einer falschen Uhr wirken sie abgelaufen.</translation>
    </message>
    <message>
        <source>The clock agrees with %1&apos;s (within %2 s).</source>
        <translation>Die Uhr stimmt mit der Uhr von %1 überein (auf %2 s genau).</translation>
    </message>
    <message>
        <source>%1 did not say its time; the clock was not compared.</source>
        <translation>%1 hat keine Uhrzeit mitgeteilt; die Uhr wurde nicht verglichen.</translation>
    </message>
    <message>
        <source>The web engine could not reach %1, so its certificate was not checked there.</source>
        <translation>Die Web-Engine konnte %1 nicht erreichen, daher wurde das Zertifikat dort nicht geprüft.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate verifies for the web engine.</source>
        <translation>Das Zertifikat von %1 lässt sich für die Web-Engine verifizieren.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate does not verify for the web engine: %2</source>
        <translation>Das Zertifikat von %1 lässt sich für die Web-Engine nicht verifizieren: %2</translation>
    </message>
    <message>
        <source>The web engine trusts the system&apos;s NSS store: if your network inspects secure connections, ask IT to add its certificate authority there.</source>
        <translation>Die Web-Engine vertraut dem NSS-Speicher des Systems: Wenn Ihr Netzwerk sichere Verbindungen überprüft, bitten Sie Ihre IT-Abteilung, deren Zertifizierungsstelle dort hinzuzufügen.</translation>
    </message>
    <message>
        <source>Both network stacks use %1 for %2.</source>
        <translation>Beide Netzwerk-Stacks verwenden für %2 dasselbe: %1.</translation>
    </message>
    <message>
        <source>The two network stacks differ for %1: the API client uses %2, the web engine %3.</source>
        <translation>Die beiden Netzwerk-Stacks unterscheiden sich für %1: der API-Client verwendet %2, die Web-Engine %3.</translation>
    </message>
    <message>
        <source>Requests and pages would take different routes: set the proxy the same way for both (the environment&apos;s http_proxy/https_proxy, or none).</source>
        <translation>Anfragen und Seiten würden unterschiedliche Wege nehmen: Stellen Sie den Proxy für beide gleich ein (http_proxy/https_proxy der Umgebung oder keinen).</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>PROBLEM</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
</context>
<context>
    <name>DoctorCommand</name>
    <message>
        <source>Checking the profile “%1”…</source>
        <translation>Das Profil „%1“ wird geprüft…</translation>
    </message>
</context>
<context>
    <name>ExchangeLog</name>
    <message>
        <source>… (%1 characters in all)</source>
        <translation>… (insgesamt %1 Zeichen)</translation>
    </message>
    <message>
        <source>no more entries are recorded for this session (%1 already)</source>
        <translation>für diese Sitzung werden keine weiteren Einträge aufgezeichnet (bereits %1)</translation>
    </message>
</context>
<context>
    <name>ExchangeLogView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Copy every exchange as text (secrets are already hidden)</source>
        <translation>Alle Vorgänge als Text kopieren (Geheimnisse sind bereits ausgeblendet)</translation>
    </message>
    <message>
        <source>web %1</source>
        <translation>Web %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No exchanges yet</source>
        <translation>Noch keine Vorgänge</translation>
    </message>
    <message>
        <source>Exchanges: %1</source>
        <translation>Vorgänge: %1</translation>
    </message>
    <message>
        <source>No exchanges were recorded</source>
        <translation>Es wurden keine Vorgänge aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>%1 must be on or off.</source>
        <translation>%1 muss ein- oder ausgeschaltet sein.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 muss zwischen %2 und %3 liegen.</translation>
    </message>
    <message>
        <source>%1 must be one of the listed choices.</source>
        <translation>%1 muss einer der aufgeführten Werte sein.</translation>
    </message>
    <message>
        <source>%1 must be an email address.</source>
        <translation>%1 muss eine E-Mail-Adresse sein.</translation>
    </message>
    <message>
        <source>%1 must be a web address (https://…).</source>
        <translation>%1 muss eine Webadresse sein (https://…).</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 muss Text sein.</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message numerus="yes">
        <source>Forgot %n session(s).</source>
        <translation>
            <numerusform>%n Sitzung gelöscht.</numerusform>
            <numerusform>%n Sitzungen gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions are kept yet.</source>
        <translation>Es werden noch keine Sitzungen aufbewahrt.</translation>
    </message>
    <message>
        <source>No kept session matches.</source>
        <translation>Keine aufbewahrte Sitzung entspricht den Angaben.</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Connection or reason</source>
        <translation>Verbindung oder Grund</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Copy &amp;Session</source>
        <translation>&amp;Sitzung kopieren</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;Integration:</source>
        <translation>&amp;Integration:</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>&amp;Ergebnis:</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Connection or reason</source>
        <translation>Verbindung oder Grund</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Vergangene Sitzungen</translation>
    </message>
    <message>
        <source>The chosen session</source>
        <translation>Die gewählte Sitzung</translation>
    </message>
    <message>
        <source>Copy the chosen session&apos;s result and exchanges as text (secrets were never kept)</source>
        <translation>Ergebnis und Vorgänge der gewählten Sitzung als Text kopieren (Geheimnisse wurden nie aufbewahrt)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>No sessions are kept yet. Each session you run from now on is listed here with its result and exchanges.</source>
        <translation>Es werden noch keine Sitzungen aufbewahrt. Jede Sitzung, die Sie ab jetzt ausführen, wird hier mit ihrem Ergebnis und ihren Vorgängen aufgeführt.</translation>
    </message>
    <message>
        <source>No kept session matches these filters.</source>
        <translation>Keine aufbewahrte Sitzung entspricht diesen Filtern.</translation>
    </message>
    <message>
        <source>%1 on %2 (%3): %4</source>
        <translation>%1 auf %2 (%3): %4</translation>
    </message>
    <message>
        <source>Connection “%1” (%2), id %3</source>
        <translation>Verbindung „%1“ (%2), ID %3</translation>
    </message>
    <message>
        <source>%1 %2 ms</source>
        <translation>%1 %2 ms</translation>
    </message>
    <message>
        <source>Timings: %1</source>
        <translation>Zeiten: %1</translation>
    </message>
</context>
<context>
    <name>IntegrationChooser</name>
    <message>
        <source>Choose an integration</source>
        <translation>Integration wählen</translation>
    </message>
    <message>
        <source>Which account do you want to connect to %1?</source>
        <translation>Welches Konto möchten Sie mit %1 verbinden?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>IntegrationPicker</name>
    <message>
        <source>Search integrations</source>
        <translation>Integrationen durchsuchen</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <source>Loading integrations…</source>
        <translation>Integrationen werden geladen…</translation>
    </message>
    <message>
        <source>This backend offers no integrations.</source>
        <translation>Dieses Backend bietet keine Integrationen an.</translation>
    </message>
    <message>
        <source>No integration matches “%1”.</source>
        <translation>Keine Integration passt zu „%1“.</translation>
    </message>
    <message>
        <source>Showing 0 of %1</source>
        <translation>0 von %1 angezeigt</translation>
    </message>
    <message>
        <source>Integrations: %1</source>
        <translation>Integrationen: %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
</context>
<context>
    <name>JsonEnvelope</name>
    <message>
        <source>The server&apos;s reply is not valid JSON (%1 at byte %2).</source>
        <translation>Die Antwort des Servers ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>The server&apos;s reply has no &quot;data&quot; field.</source>
        <translation>Die Antwort des Servers hat kein Feld „data“.</translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>the key is not an RSA key</source>
        <translation>der Schlüssel ist kein RSA-Schlüssel</translation>
    </message>
    <message>
        <source>not a JWT (three dot-separated parts)</source>
        <translation>kein JWT (drei durch Punkte getrennte Teile)</translation>
    </message>
    <message>
        <source>not signed with RS256</source>
        <translation>nicht mit RS256 signiert</translation>
    </message>
    <message>
        <source>the signature does not match the key</source>
        <translation>die Signatur passt nicht zum Schlüssel</translation>
    </message>
    <message>
        <source>the payload is not a JSON object</source>
        <translation>die Nutzdaten sind kein JSON-Objekt</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>KeychainAccess</name>
    <message>
        <source>The system keychain could not be used (%1). Set the %2 environment variable instead.</source>
        <translation>Der Schlüsselbund des Systems konnte nicht verwendet werden (%1). Setzen Sie stattdessen die Umgebungsvariable %2.</translation>
    </message>
</context>
<context>
    <name>LogoCheck</name>
    <message>
        <source>The logo file is empty. Choose an SVG file.</source>
        <translation>Die Logodatei ist leer. Wählen Sie eine SVG-Datei.</translation>
    </message>
    <message>
        <source>The logo is larger than %1 KiB. Simplify it or export a smaller SVG.</source>
        <translation>Das Logo ist größer als %1 KiB. Vereinfachen Sie es oder exportieren Sie ein kleineres SVG.</translation>
    </message>
    <message>
        <source>The logo declares a DOCTYPE or entities; export it as plain SVG.</source>
        <translation>Das Logo deklariert einen DOCTYPE oder Entitäten; exportieren Sie es als einfaches SVG.</translation>
    </message>
    <message>
        <source>The logo refers to files or addresses outside itself; embed them or remove them.</source>
        <translation>Das Logo verweist auf Dateien oder Adressen außerhalb der Datei; betten Sie sie ein oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>This is not an SVG image. Choose an .svg file.</source>
        <translation>Dies ist kein SVG-Bild. Wählen Sie eine .svg-Datei.</translation>
    </message>
    <message>
        <source>The logo contains scripts or embedded web content, which are not allowed. Export it as plain SVG.</source>
        <translation>Das Logo enthält Skripte oder eingebettete Webinhalte, die nicht erlaubt sind. Exportieren Sie es als einfaches SVG.</translation>
    </message>
    <message>
        <source>The logo is not a well-formed SVG file (%1).</source>
        <translation>Das Logo ist keine wohlgeformte SVG-Datei (%1).</translation>
    </message>
    <message>
        <source>no &lt;svg&gt; element</source>
        <translation>kein &lt;svg&gt;-Element</translation>
    </message>
    <message>
        <source>The logo cannot be drawn. Open it in an SVG editor and export it again.</source>
        <translation>Das Logo kann nicht dargestellt werden. Öffnen Sie es in einem SVG-Editor und exportieren Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
</context>
<context>
    <name>MachineSettings</name>
    <message>
        <source>“%1” is not a setting Connect Desktop knows; it is ignored.</source>
        <translation>„%1“ ist keine Einstellung, die Connect Desktop kennt; sie wird ignoriert.</translation>
    </message>
    <message>
        <source>the theme must be system, light or dark.</source>
        <translation>das Farbschema muss system, light oder dark sein.</translation>
    </message>
    <message>
        <source>the kind must be polytomic, proxy or sandbox.</source>
        <translation>die Art muss polytomic, proxy oder sandbox sein.</translation>
    </message>
    <message>
        <source>unknown API version; known: %1.</source>
        <translation>unbekannte API-Version; bekannt sind: %1.</translation>
    </message>
    <message>
        <source>the language must be a code such as de or fr_CA.</source>
        <translation>die Sprache muss ein Code wie de oder fr_CA sein.</translation>
    </message>
    <message>
        <source>your organisation</source>
        <translation>Ihre Organisation</translation>
    </message>
    <message>
        <source>Company backend</source>
        <translation>Firmen-Backend</translation>
    </message>
    <message>
        <source>the access must be direct, backend or sandbox.</source>
        <translation>der Zugang muss direct, backend oder sandbox sein.</translation>
    </message>
    <message>
        <source>the base URL must be a web address such as %1.</source>
        <translation>die Basis-URL muss eine Webadresse sein, zum Beispiel %1.</translation>
    </message>
    <message>
        <source>the platform must be one of: %1.</source>
        <translation>die Plattform muss eine der folgenden sein: %1.</translation>
    </message>
    <message>
        <source>the address must be a web address such as %1.</source>
        <translation>die Adresse muss eine Webadresse wie %1 sein.</translation>
    </message>
    <message>
        <source>the project ID may hold only letters, digits and hyphens.</source>
        <translation>die Projekt-ID darf nur Buchstaben, Ziffern und Bindestriche enthalten.</translation>
    </message>
    <message>
        <source>the proxy must be system, none or manual.</source>
        <translation>der Proxy muss system, none oder manual sein.</translation>
    </message>
    <message>
        <source>the proxy address is not usable: %1</source>
        <translation>die Proxy-Adresse ist nicht verwendbar: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connect Desktop</source>
        <translation>Connect Desktop</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reload integrations and connections (%1)</source>
        <translation>Integrationen und Verbindungen neu laden (%1)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Find Integration</source>
        <translation>Integration &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>A local test server: nothing here touches a real account</source>
        <translation>Ein lokaler Testserver: Nichts hier wirkt sich auf ein echtes Konto aus</translation>
    </message>
    <message>
        <source>Connect an &amp;integration</source>
        <translation>&amp;Integration verbinden</translation>
    </message>
    <message>
        <source>Your &amp;connections</source>
        <translation>Ihre &amp;Verbindungen</translation>
    </message>
    <message>
        <source>Sandbox: a test server on this computer. Nothing you connect here reaches a real account.</source>
        <translation>Sandbox: ein Testserver auf diesem Computer. Nichts, was Sie hier verbinden, erreicht ein echtes Konto.</translation>
    </message>
    <message>
        <source>%1 — Connect Desktop</source>
        <translation>%1 — Connect Desktop</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>“%1” could not be opened. %2</source>
        <translation>„%1“ konnte nicht geöffnet werden. %2</translation>
    </message>
    <message>
        <source>Open &amp;Settings</source>
        <translation>Einstellungen ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Try &amp;Again</source>
        <translation>Erneut ve&amp;rsuchen</translation>
    </message>
    <message>
        <source>Integrations appear once the profile opens.</source>
        <translation>Integrationen erscheinen, sobald das Profil geöffnet ist.</translation>
    </message>
    <message>
        <source>Connections appear once the profile opens.</source>
        <translation>Verbindungen erscheinen, sobald das Profil geöffnet ist.</translation>
    </message>
    <message>
        <source>None of the allowed integrations (%1) is offered by %2. Check the allowed integrations in the settings, or switch profile.</source>
        <translation>Keine der zulässigen Integrationen (%1) wird vom aktuellen Backend angeboten (%2). Prüfen Sie die zulässigen Integrationen in den Einstellungen oder wechseln Sie das Profil.</translation>
    </message>
    <message>
        <source>A link asked to connect “%1”. Finish or close the current connection first, then open the link again.</source>
        <translation>Ein Link möchte „%1“ verbinden. Schließen Sie zuerst die aktuelle Verbindung ab oder brechen Sie sie ab und öffnen Sie den Link dann erneut.</translation>
    </message>
    <message>
        <source>A link asked to connect “%1”, which is not among the integrations you can connect here.</source>
        <translation>Ein Link möchte „%1“ verbinden, aber diese Integration gehört nicht zu denen, die Sie hier verbinden können.</translation>
    </message>
    <message>
        <source>Checking the names of your connections…</source>
        <translation>Die Namen Ihrer Verbindungen werden geprüft…</translation>
    </message>
    <message>
        <source>Connected %1 as “%2”.</source>
        <translation>%1 als „%2“ verbunden.</translation>
    </message>
    <message>
        <source>Connected %1 as “%2” (%3).</source>
        <translation>%1 als „%2“ verbunden (%3).</translation>
    </message>
    <message>
        <source>Cancelled: %1 was not connected.</source>
        <translation>Abgebrochen: %1 wurde nicht verbunden.</translation>
    </message>
    <message>
        <source>%1 was not connected (%2).</source>
        <translation>%1 wurde nicht verbunden (%2).</translation>
    </message>
    <message>
        <source>%1 was not connected. %2</source>
        <translation>%1 wurde nicht verbunden. %2</translation>
    </message>
    <message>
        <source>Try Again as “%1”</source>
        <translation>Erneut versuchen als „%1“</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>Die Verbindung „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Anything that uses it stops working. This cannot be undone.</source>
        <translation>Alles, was sie verwendet, funktioniert dann nicht mehr. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removing “%1”…</source>
        <translation>„%1“ wird entfernt…</translation>
    </message>
    <message>
        <source>“%1” could not be removed. %2</source>
        <translation>„%1“ konnte nicht entfernt werden. %2</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>„%1“ wurde entfernt.</translation>
    </message>
    <message>
        <source>The integrations could not be refreshed: %1</source>
        <translation>Die Integrationen konnten nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Diagnostics saved to %1</source>
        <translation>Diagnosedaten gespeichert unter %1</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>The last sessions: their results and exchanges</source>
        <translation>Die letzten Sitzungen: ihre Ergebnisse und Vorgänge</translation>
    </message>
    <message>
        <source>Save &amp;Diagnostics…</source>
        <translation>&amp;Diagnosedaten speichern…</translation>
    </message>
    <message>
        <source>Save a bundle for support: versions, settings and sessions, without secrets</source>
        <translation>Ein Paket für den Support speichern: Versionen, Einstellungen und Sitzungen, ohne Geheimnisse</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>MessagePage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>E&amp;rneut versuchen</translation>
    </message>
</context>
<context>
    <name>ModalHost</name>
    <message>
        <source>Connect page</source>
        <translation>Verbindungsseite</translation>
    </message>
    <message>
        <source>a message box (alert), not shown: “%1”</source>
        <translation>ein Meldungsfenster (alert), nicht angezeigt: „%1“</translation>
    </message>
    <message>
        <source>a question (confirm), answered Cancel: “%1”</source>
        <translation>eine Frage (confirm), mit Abbrechen beantwortet: „%1“</translation>
    </message>
    <message>
        <source>a text prompt (prompt), answered with nothing: “%1”</source>
        <translation>eine Texteingabe (prompt), ohne Text beantwortet: „%1“</translation>
    </message>
    <message>
        <source>a request to stay on the page (beforeunload), answered Leave</source>
        <translation>eine Bitte, auf der Seite zu bleiben (beforeunload), mit Verlassen beantwortet</translation>
    </message>
</context>
<context>
    <name>NavigationPolicy</name>
    <message>
        <source>the address is not valid</source>
        <translation>die Adresse ist ungültig</translation>
    </message>
    <message>
        <source>about: pages other than about:blank are not allowed</source>
        <translation>about:-Seiten außer about:blank sind nicht erlaubt</translation>
    </message>
    <message>
        <source>%1: addresses are not allowed; only web pages (https) are</source>
        <translation>%1:-Adressen sind nicht erlaubt, nur Webseiten (https)</translation>
    </message>
    <message>
        <source>the address has no host</source>
        <translation>die Adresse hat keinen Host</translation>
    </message>
    <message>
        <source>addresses with a user name or password are not allowed</source>
        <translation>Adressen mit Benutzername oder Passwort sind nicht erlaubt</translation>
    </message>
    <message>
        <source>plain http is allowed only to this computer; %1 must use https</source>
        <translation>unverschlüsseltes http ist nur zu diesem Computer erlaubt; %1 muss https verwenden</translation>
    </message>
    <message>
        <source>only the session&apos;s own redirect may reach the app&apos;s port</source>
        <translation>nur die eigene Weiterleitung der Sitzung darf den Port der App erreichen</translation>
    </message>
</context>
<context>
    <name>PageFileDialog</name>
    <message>
        <source>Files the page accepts (%1)</source>
        <translation>Dateien, die die Seite annimmt (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a File for the Page</source>
        <translation>Datei für die Seite auswählen</translation>
    </message>
</context>
<context>
    <name>ParagonAttempt</name>
    <message>
        <source>Paragon&apos;s portal connects one integration at a time: choose one.</source>
        <translation>Das Portal von Paragon verbindet immer nur eine Integration: Wählen Sie eine aus.</translation>
    </message>
    <message numerus="yes">
        <source>Paragon&apos;s portal connects one integration at a time, and %n were asked for: choose one.</source>
        <translation>
            <numerusform>Das Portal von Paragon verbindet immer nur eine Integration, angefordert wurde %n: Wählen Sie eine aus.</numerusform>
            <numerusform>Das Portal von Paragon verbindet immer nur eine Integration, angefordert wurden %n: Wählen Sie eine aus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paragon&apos;s project has no active integration “%1”.</source>
        <translation>Im Paragon-Projekt gibt es keine aktive Integration „%1“.</translation>
    </message>
    <message>
        <source>Could not open a local port for Paragon&apos;s portal page (%1).</source>
        <translation>Für die Portalseite von Paragon konnte kein lokaler Port geöffnet werden (%1).</translation>
    </message>
    <message>
        <source>Paragon Connect Portal</source>
        <translation>Paragon Connect Portal</translation>
    </message>
    <message>
        <source>Paragon connected an account (credential %1)</source>
        <translation>Paragon hat ein Konto verbunden (Zugangsdaten %1)</translation>
    </message>
    <message>
        <source>The sign-in window could not open. Try again; if it keeps happening, ask your IT team whether pop-ups are blocked for Connect Desktop.</source>
        <translation>Das Anmeldefenster konnte nicht geöffnet werden. Versuchen Sie es erneut; wenn das weiterhin passiert, fragen Sie Ihre IT-Abteilung, ob Pop-ups für Connect Desktop blockiert werden.</translation>
    </message>
    <message numerus="yes">
        <source>The sign-in window did not finish in %n minutes. Connect again when you are ready to sign in.</source>
        <translation>
            <numerusform>Die Anmeldung im Anmeldefenster wurde nicht innerhalb von %n Minute abgeschlossen. Starten Sie die Verbindung erneut, wenn Sie bereit zur Anmeldung sind.</numerusform>
            <numerusform>Die Anmeldung im Anmeldefenster wurde nicht innerhalb von %n Minuten abgeschlossen. Starten Sie die Verbindung erneut, wenn Sie bereit zur Anmeldung sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paragon did not accept the user token (%1). Check the profile&apos;s project id and token URL or signing key.</source>
        <translation>Paragon hat das Benutzer-Token nicht akzeptiert (%1). Prüfen Sie die Projekt-ID des Profils und die Token-URL bzw. den Signaturschlüssel.</translation>
    </message>
    <message>
        <source>Paragon&apos;s portal reported a problem: %1</source>
        <translation>Das Portal von Paragon hat ein Problem gemeldet: %1</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>keine Details</translation>
    </message>
    <message>
        <source>Paragon&apos;s portal said the account was connected, but Paragon does not list it for this user. Connect again; if it keeps happening, contact the platform&apos;s support.</source>
        <translation>Das Portal von Paragon hat gemeldet, dass das Konto verbunden wurde, aber Paragon führt es für diesen Benutzer nicht auf. Verbinden Sie es erneut; wenn das weiterhin passiert, wenden Sie sich an den Support der Plattform.</translation>
    </message>
</context>
<context>
    <name>ParagonHttp</name>
    <message>
        <source>Paragon refused the user token.</source>
        <translation>Paragon hat das Benutzer-Token abgelehnt.</translation>
    </message>
    <message>
        <source>The answer from %1 is not JSON (%2). Check the profile&apos;s addresses.</source>
        <translation>Die Antwort von %1 ist kein JSON (%2). Prüfen Sie die Adressen des Profils.</translation>
    </message>
</context>
<context>
    <name>ParagonJson</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The account&apos;s sign-in is no longer valid: reconnect it.</source>
        <translation>Die Anmeldung des Kontos ist nicht mehr gültig: Verbinden Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>ParagonProvider</name>
    <message>
        <source>Paragon</source>
        <translation>Paragon</translation>
    </message>
    <message>
        <source>Paragon refused the user token for project %1. Check the profile&apos;s project id and where its tokens come from (the token URL, or the signing key).</source>
        <translation>Paragon hat das Benutzer-Token für das Projekt %1 abgelehnt. Prüfen Sie die Projekt-ID des Profils und die Herkunft seiner Tokens (die Token-URL oder den Signaturschlüssel).</translation>
    </message>
    <message>
        <source>Paragon&apos;s list of integrations could not be read (not a list). Check the profile&apos;s service addresses.</source>
        <translation>Die Liste der Integrationen von Paragon konnte nicht gelesen werden (keine Liste). Prüfen Sie die Adressen der Dienste im Profil.</translation>
    </message>
    <message>
        <source>Paragon&apos;s user state could not be read (not an object). Check the profile&apos;s service addresses.</source>
        <translation>Der Benutzerstatus bei Paragon konnte nicht gelesen werden (kein Objekt). Prüfen Sie die Adressen der Dienste im Profil.</translation>
    </message>
    <message>
        <source>This account is not in the list Paragon gave last. Refresh the list, then try again.</source>
        <translation>Dieses Konto ist nicht in der Liste, die Paragon zuletzt geliefert hat. Aktualisieren Sie die Liste und versuchen Sie es dann erneut.</translation>
    </message>
    <message numerus="yes">
        <source>project %1, a user with %n integration(s) connected</source>
        <translation>
            <numerusform>Projekt %1, ein Benutzer mit %n verbundenen Integration</numerusform>
            <numerusform>Projekt %1, ein Benutzer mit %n verbundenen Integrationen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParagonSandbox</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 for any.</source>
        <translation>Auf 127.0.0.1:%1 kann nicht gelauscht werden (%2). Wählen Sie mit --port einen anderen Port oder 0 für einen beliebigen Port.</translation>
    </message>
    <message>
        <source>Sync your %1 data (sandbox stand-in; nothing leaves this computer).</source>
        <translation>Synchronisieren Sie Ihre Daten aus %1 (Nachbildung durch die Sandbox; nichts verlässt diesen Computer).</translation>
    </message>
    <message>
        <source>Connect your %1 account.</source>
        <translation>Verbinden Sie Ihr %1-Konto.</translation>
    </message>
    <message>
        <source>No project %1 in this sandbox; its project is %2.</source>
        <translation>Kein Projekt %1 in dieser Sandbox; ihr Projekt ist %2.</translation>
    </message>
    <message>
        <source>No such credential</source>
        <translation>Diese Zugangsdaten gibt es nicht</translation>
    </message>
    <message>
        <source>Unknown integrationId</source>
        <translation>Unbekannte integrationId</translation>
    </message>
    <message>
        <source>The sandbox refused to start the sign-in (a fault option).</source>
        <translation>Die Sandbox hat den Start der Anmeldung verweigert (eine Option zur Fehlersimulation).</translation>
    </message>
    <message>
        <source>integrationId and oauthMetaKeyId are needed</source>
        <translation>integrationId und oauthMetaKeyId sind erforderlich</translation>
    </message>
    <message>
        <source>Name the user: ?sub=USER_ID</source>
        <translation>Geben Sie den Benutzer an: ?sub=USER_ID</translation>
    </message>
</context>
<context>
    <name>PlatformTraits</name>
    <message>
        <source>Polytomic</source>
        <translation>Polytomic</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Polytomic&apos;s API, with an API key kept in this computer&apos;s keychain.</source>
        <translation>Die API von Polytomic, mit einem API-Schlüssel im Schlüsselbund dieses Computers.</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Backend proxy</source>
        <translation>Backend-Proxy</translation>
    </message>
    <message>
        <source>Your backend adds the API key; the app never holds it.</source>
        <translation>Ihr Backend fügt den API-Schlüssel hinzu; die App hat ihn nie.</translation>
    </message>
    <message>
        <source>Your &amp;credential:</source>
        <translation>Ihre &amp;Zugangsdaten:</translation>
    </message>
    <message>
        <source>Paragon</source>
        <translation>Paragon</translation>
    </message>
    <message>
        <source>Your backend (token URL)</source>
        <translation>Ihr Backend (Token-URL)</translation>
    </message>
    <message>
        <source>Your backend signs a user token and answers the token URL with {&quot;token&quot;: &quot;…&quot;}.</source>
        <translation>Ihr Backend signiert ein Benutzer-Token und beantwortet die Token-URL mit {&quot;token&quot;: &quot;…&quot;}.</translation>
    </message>
    <message>
        <source>&amp;Token URL:</source>
        <translation>&amp;Token-URL:</translation>
    </message>
    <message>
        <source>Signing key (support staff)</source>
        <translation>Signaturschlüssel (Support-Mitarbeitende)</translation>
    </message>
    <message>
        <source>The app signs short-lived user tokens for one user with the project&apos;s signing key.</source>
        <translation>Die App signiert kurzlebige Benutzer-Tokens für einen Benutzer mit dem Signaturschlüssel des Projekts.</translation>
    </message>
    <message>
        <source>&amp;Signing key (PEM):</source>
        <translation>Si&amp;gnaturschlüssel (PEM):</translation>
    </message>
    <message>
        <source>For support staff: the signing key stays in this computer&apos;s keychain. Never give it to end users.</source>
        <translation>Für Support-Mitarbeitende: Der Signaturschlüssel bleibt im Schlüsselbund dieses Computers. Geben Sie ihn nie an Endbenutzer weiter.</translation>
    </message>
</context>
<context>
    <name>PolytomicAttempt</name>
    <message>
        <source>Could not open a local port for the sign-in to return to (%1).</source>
        <translation>Für die Rückkehr nach der Anmeldung konnte kein lokaler Port geöffnet werden (%1).</translation>
    </message>
</context>
<context>
    <name>PolytomicProvider</name>
    <message>
        <source>&quot;data&quot; is not a list</source>
        <translation>„data“ ist keine Liste</translation>
    </message>
    <message>
        <source>the connection has no id</source>
        <translation>die Verbindung hat keine ID</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 bei %2</translation>
    </message>
</context>
<context>
    <name>PopupWindow</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmeldung</translation>
    </message>
</context>
<context>
    <name>PreparingView</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
</context>
<context>
    <name>ProfileChoice</name>
    <message>
        <source>--base-url and --proxy-url are Polytomic&apos;s; for %1, name a profile with --profile (add one in the app&apos;s settings).</source>
        <translation>--base-url und --proxy-url gelten nur für Polytomic; geben Sie für %1 mit --profile ein Profil an (fügen Sie eines in den Einstellungen der App hinzu).</translation>
    </message>
    <message>
        <source>Unknown profile “%1”. Profiles: %2 (add one in the app&apos;s settings).</source>
        <translation>Unbekanntes Profil „%1“. Profile: %2 (fügen Sie eines in den Einstellungen der App hinzu).</translation>
    </message>
    <message>
        <source>The profile “%1” is a %2 profile, not %3.</source>
        <translation>Das Profil „%1“ ist ein %2-Profil, kein %3-Profil.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Credential &amp;header:</source>
        <translation>&amp;Header für Zugangsdaten:</translation>
    </message>
    <message>
        <source>Re&amp;member sign-ins</source>
        <translation>Anmeldungen &amp;merken</translation>
    </message>
    <message>
        <source>Allow continuing past an &amp;invalid certificate (support only)</source>
        <translation>Fortfahren bei &amp;ungültigem Zertifikat erlauben (nur für Support)</translation>
    </message>
    <message>
        <source>Edit Profile</source>
        <translation>Profil bearbeiten</translation>
    </message>
    <message>
        <source>Add Profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Keeps the cookies of sign-in pages in this profile&apos;s own folder, so providers remember you next time. Off: nothing of the web pages is kept once the app closes.</source>
        <translation>Speichert die Cookies von Anmeldeseiten im eigenen Ordner dieses Profils, damit Anbieter Sie beim nächsten Mal wiedererkennen. Aus: Von den Webseiten wird nichts aufbewahrt, sobald die App geschlossen wird.</translation>
    </message>
    <message>
        <source>Only for testing servers with self-made certificates. A page whose certificate is not valid may not be who it claims to be: anything typed into it can be read by others. Connect Desktop asks each time and shows a warning while such a page is open.</source>
        <translation>Nur zum Testen von Servern mit selbst erstellten Zertifikaten. Eine Seite mit ungültigem Zertifikat ist möglicherweise nicht die, für die sie sich ausgibt: Alles, was Sie dort eingeben, können andere mitlesen. Connect Desktop fragt jedes Mal nach und zeigt eine Warnung, solange eine solche Seite geöffnet ist.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>API &amp;version:</source>
        <translation>API-&amp;Version:</translation>
    </message>
    <message>
        <source>Web pages:</source>
        <translation>Webseiten:</translation>
    </message>
    <message>
        <source>•••• stored in keychain</source>
        <translation>•••• im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored one.</source>
        <translation>Leer lassen, um den gespeicherten beizubehalten.</translation>
    </message>
    <message>
        <source>Optional: sent in the credential header</source>
        <translation>Optional: wird im Header für Zugangsdaten gesendet</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never shown again.</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert und nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Profile Set by %1</source>
        <translation>Profil (festgelegt von: %1)</translation>
    </message>
    <message>
        <source>Choose Key &amp;File…</source>
        <translation>Schlüssel&amp;datei wählen…</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Paste the key (-----BEGIN PRIVATE KEY----- …), or choose its file</source>
        <translation>Schlüssel einfügen (-----BEGIN PRIVATE KEY----- …) oder seine Datei wählen</translation>
    </message>
    <message>
        <source>Only for an installation on your own servers. An empty field keeps the cloud&apos;s address.</source>
        <translation>Nur für eine Installation auf Ihren eigenen Servern. Ein leeres Feld behält die Adresse der Cloud.</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <source>Pro&amp;ject ID:</source>
        <translation>Pro&amp;jekt-ID:</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>Benutzer-&amp;ID:</translation>
    </message>
    <message>
        <source>Choose the Signing Key</source>
        <translation>Signaturschlüssel wählen</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM-Schlüssel (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Se&amp;lf-hosted %1: its own service addresses</source>
        <translation>Se&amp;lbst gehostetes %1: eigene Adressen der Dienste</translation>
    </message>
    <message>
        <source>This file is too large to be a signing key.</source>
        <translation>Diese Datei ist zu groß für einen Signaturschlüssel.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Die Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>A project ID holds only letters, digits and hyphens.</source>
        <translation>Eine Projekt-ID enthält nur Buchstaben, Ziffern und Bindestriche.</translation>
    </message>
    <message>
        <source>Enter a web address such as %1.</source>
        <translation>Geben Sie eine Webadresse wie %1 ein.</translation>
    </message>
    <message>
        <source>This key is protected by a passphrase. Save it without one first (openssl pkey -in key.pem -out plain.pem).</source>
        <translation>Dieser Schlüssel ist mit einer Passphrase geschützt. Speichern Sie ihn zuerst ohne (openssl pkey -in key.pem -out plain.pem).</translation>
    </message>
    <message>
        <source>This is not an RSA private key in PEM form: it begins with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.</source>
        <translation>Das ist kein privater RSA-Schlüssel im PEM-Format: Er beginnt mit -----BEGIN PRIVATE KEY----- oder -----BEGIN RSA PRIVATE KEY-----.</translation>
    </message>
    <message>
        <source>%1 must be a web address such as %2.</source>
        <translation>%1 muss eine Webadresse wie %2 sein.</translation>
    </message>
    <message>
        <source>Fill in “%1”.</source>
        <translation>Füllen Sie „%1“ aus.</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Choose another profile id; &quot;%1&quot; cannot be used.</source>
        <translation>Wählen Sie eine andere Profil-ID; „%1“ kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Choose one of the known API versions: %1.</source>
        <translation>Wählen Sie eine der bekannten API-Versionen: %1.</translation>
    </message>
    <message>
        <source>The address must be a web address such as %1.</source>
        <translation>Die Adresse muss eine Webadresse sein, zum Beispiel %1.</translation>
    </message>
    <message>
        <source>Paragon sandbox</source>
        <translation>Paragon-Sandbox</translation>
    </message>
    <message>
        <source>There is one sandbox profile per platform, and it is built in.</source>
        <translation>Es gibt ein Sandbox-Profil pro Plattform, und es ist eingebaut.</translation>
    </message>
    <message>
        <source>%1 profiles cannot be of this kind; choose one of the kinds offered.</source>
        <translation>%1-Profile können nicht von dieser Art sein; wählen Sie eine der angebotenen Arten.</translation>
    </message>
    <message>
        <source>Enter the %1 project ID (you find it in the %1 dashboard).</source>
        <translation>Geben Sie die Projekt-ID von %1 ein (Sie finden sie im Dashboard von %1).</translation>
    </message>
    <message>
        <source>The project ID may hold only letters, digits and hyphens, as in 3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.</source>
        <translation>Die Projekt-ID darf nur Buchstaben, Ziffern und Bindestriche enthalten, wie in 3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.</translation>
    </message>
    <message>
        <source>Enter the ID of the user the tokens are signed for.</source>
        <translation>Geben Sie die ID des Benutzers ein, für den die Tokens signiert werden.</translation>
    </message>
    <message>
        <source>%1 is not a service of %2.</source>
        <translation>%1 ist kein Dienst von %2.</translation>
    </message>
    <message>
        <source>The address of %1 must be a web address such as %2.</source>
        <translation>Die Adresse von %1 muss eine Webadresse wie %2 sein.</translation>
    </message>
</context>
<context>
    <name>ProfileSwitcher</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>The backend this window talks to</source>
        <translation>Das Backend, mit dem dieses Fenster kommuniziert</translation>
    </message>
    <message>
        <source>%1 (sandbox)</source>
        <translation>%1 (Sandbox)</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>Festgelegt von: %1</translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>Type the proxy&apos;s address, such as proxy.example.com:3128.</source>
        <translation>Geben Sie die Adresse des Proxys ein, zum Beispiel proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>This is not a proxy address: type host:port, such as proxy.example.com:3128.</source>
        <translation>Dies ist keine Proxy-Adresse: Geben Sie host:port ein, zum Beispiel proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>The proxy must be http:// or socks5:// (both the API and the web pages use it).</source>
        <translation>Der Proxy muss http:// oder socks5:// sein (sowohl die API als auch die Webseiten verwenden ihn).</translation>
    </message>
    <message>
        <source>Leave the user and password out of the address: they have fields of their own (the password is kept in the keychain).</source>
        <translation>Lassen Sie Benutzer und Passwort in der Adresse weg: Dafür gibt es eigene Felder (das Passwort wird im Schlüsselbund aufbewahrt).</translation>
    </message>
    <message>
        <source>Add the proxy&apos;s port, such as :3128 or :8080.</source>
        <translation>Geben Sie den Port des Proxys an, zum Beispiel :3128 oder :8080.</translation>
    </message>
    <message>
        <source>A proxy address has no path: type only host:port.</source>
        <translation>Eine Proxy-Adresse hat keinen Pfad: Geben Sie nur host:port ein.</translation>
    </message>
</context>
<context>
    <name>RedirectListener</name>
    <message>
        <source>Connect Desktop</source>
        <translation>Connect Desktop</translation>
    </message>
    <message>
        <source>You can close this tab</source>
        <translation>Sie können diesen Tab schließen</translation>
    </message>
    <message>
        <source>Connect Desktop has what it needs and is finishing in its own window.</source>
        <translation>Connect Desktop hat alles, was es braucht, und schließt den Vorgang in seinem eigenen Fenster ab.</translation>
    </message>
</context>
<context>
    <name>SandboxCommand</name>
    <message>
        <source>connect-desktop sandbox: %1</source>
        <translation>connect-desktop sandbox: %1</translation>
    </message>
    <message>
        <source>Connect sandbox listening on %1</source>
        <translation>Connect-Sandbox lauscht auf %1</translation>
    </message>
    <message>
        <source>API key: %1</source>
        <translation>API-Schlüssel: %1</translation>
    </message>
    <message>
        <source>Try: curl -H &apos;Authorization: Bearer %1&apos; %2/api/connection_types</source>
        <translation>Zum Testen: curl -H &apos;Authorization: Bearer %1&apos; %2/api/connection_types</translation>
    </message>
    <message>
        <source>Stop it with Ctrl+C.</source>
        <translation>Beenden mit Strg+C.</translation>
    </message>
    <message>
        <source>Paragon sandbox listening on %1</source>
        <translation>Paragon-Sandbox lauscht auf %1</translation>
    </message>
    <message>
        <source>Project id: %1</source>
        <translation>Projekt-ID: %1</translation>
    </message>
    <message>
        <source>Token URL: %1?sub=USER_ID</source>
        <translation>Token-URL: %1?sub=USER_ID</translation>
    </message>
    <message>
        <source>Try: curl &apos;%1?sub=someone&apos;</source>
        <translation>Zum Testen: curl &apos;%1?sub=someone&apos;</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 for any free port.</source>
        <translation>Auf 127.0.0.1:%1 kann nicht gelauscht werden (%2). Wählen Sie mit --port einen anderen Port oder 0 für einen beliebigen freien Port.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>Unter dieser Adresse gibt es nichts.</translation>
    </message>
    <message>
        <source>invalid token (sandbox fault)</source>
        <translation>ungültiges Token (simulierter Sandbox-Fehler)</translation>
    </message>
    <message>
        <source>sandbox fault: forced status %1</source>
        <translation>simulierter Sandbox-Fehler: erzwungener Status %1</translation>
    </message>
    <message>
        <source>Unknown API version &quot;%1&quot; in X-Polytomic-Version. Known versions: %2.</source>
        <translation>Unbekannte API-Version „%1“ in X-Polytomic-Version. Bekannte Versionen: %2.</translation>
    </message>
    <message>
        <source>Use POST to create a connect session.</source>
        <translation>Verwenden Sie POST, um eine Verbindungssitzung zu erstellen.</translation>
    </message>
    <message>
        <source>Idempotency-Key must be 8 to 255 characters of letters, digits, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Idempotency-Key muss aus 8 bis 255 Zeichen bestehen: Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>A request with this Idempotency-Key is still being processed. Retry after it finishes.</source>
        <translation>Eine Anfrage mit diesem Idempotency-Key wird noch verarbeitet. Wiederholen Sie sie, wenn sie abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Use GET or DELETE on a connection.</source>
        <translation>Verwenden Sie GET oder DELETE für eine Verbindung.</translation>
    </message>
    <message>
        <source>No such API endpoint: %1</source>
        <translation>Diesen API-Endpunkt gibt es nicht: %1</translation>
    </message>
    <message>
        <source>The request body is not a JSON object (%1).</source>
        <translation>Der Anfragetext ist kein JSON-Objekt (%1).</translation>
    </message>
    <message>
        <source>found another JSON value</source>
        <translation>ein anderer JSON-Wert wurde gefunden</translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot;</source>
        <translation>unbekannter Verbindungstyp „%1“</translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot; in whitelist</source>
        <translation>unbekannter Verbindungstyp „%1“ in whitelist</translation>
    </message>
    <message>
        <source>connection %1 does not exist</source>
        <translation>Verbindung %1 existiert nicht</translation>
    </message>
    <message>
        <source>name must be unique: a connection named &quot;%1&quot; already exists</source>
        <translation>name muss eindeutig sein: Eine Verbindung namens „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>connection %1 not found</source>
        <translation>Verbindung %1 nicht gefunden</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Konto verbinden</translation>
    </message>
    <message>
        <source>This connect session has already finished.</source>
        <translation>Diese Verbindungssitzung ist bereits beendet.</translation>
    </message>
    <message>
        <source>The form could not be read. Reload the page and try again.</source>
        <translation>Das Formular konnte nicht gelesen werden. Laden Sie die Seite neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This integration is not offered in this session.</source>
        <translation>Diese Integration wird in dieser Sitzung nicht angeboten.</translation>
    </message>
    <message>
        <source>Signing in to %1 was not completed. Click Sign in to try again.</source>
        <translation>Die Anmeldung bei %1 wurde nicht abgeschlossen. Klicken Sie auf „Mit %1 anmelden“, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Authentication failed %1 times. Start again from the app.</source>
        <translation>Die Authentifizierung ist %1-mal fehlgeschlagen. Beginnen Sie in der App von vorn.</translation>
    </message>
    <message>
        <source>Authentication failed: %1 rejected these credentials. Check them and try again.</source>
        <translation>Authentifizierung fehlgeschlagen: %1 hat diese Zugangsdaten abgelehnt. Prüfen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The connection being reconnected no longer exists.</source>
        <translation>Die Verbindung, die erneut verbunden werden sollte, existiert nicht mehr.</translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; already exists. Close this window and choose another name.</source>
        <translation>Eine Verbindung namens „%1“ existiert bereits. Schließen Sie dieses Fenster und wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>sandbox: the first check of this connection failed</source>
        <translation>Sandbox: Die erste Prüfung dieser Verbindung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Error 403: disallowed_useragent</source>
        <translation>Fehler 403: disallowed_useragent</translation>
    </message>
    <message>
        <source>This sign-in provider does not allow signing in from embedded browsers (sandbox imitation). Use a secure browser to continue.</source>
        <translation>Dieser Anmeldeanbieter erlaubt keine Anmeldung aus eingebetteten Browsern (Nachahmung durch die Sandbox). Verwenden Sie einen sicheren Browser, um fortzufahren.</translation>
    </message>
    <message>
        <source>This integration does not sign in this way.</source>
        <translation>Diese Integration verwendet diese Art der Anmeldung nicht.</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>This connect link is not valid</source>
        <translation>Dieser Verbindungslink ist ungültig</translation>
    </message>
    <message>
        <source>Go back to the app and start connecting again.</source>
        <translation>Kehren Sie zur App zurück und beginnen Sie die Verbindung erneut.</translation>
    </message>
    <message>
        <source>This connect session has already been used</source>
        <translation>Diese Verbindungssitzung wurde bereits verwendet</translation>
    </message>
    <message>
        <source>Each session works once. Go back to the app and start connecting again.</source>
        <translation>Jede Sitzung funktioniert nur einmal. Kehren Sie zur App zurück und beginnen Sie die Verbindung erneut.</translation>
    </message>
    <message>
        <source>This connect session has expired</source>
        <translation>Diese Verbindungssitzung ist abgelaufen</translation>
    </message>
    <message>
        <source>Sessions last %1 minutes. Go back to the app and start connecting again.</source>
        <translation>Sitzungen sind %1 Minuten gültig. Kehren Sie zur App zurück und beginnen Sie die Verbindung erneut.</translation>
    </message>
    <message>
        <source>Sessions last %1 seconds. Go back to the app and start connecting again.</source>
        <translation>Sitzungen sind %1 Sekunden gültig. Kehren Sie zur App zurück und beginnen Sie die Verbindung erneut.</translation>
    </message>
    <message>
        <source>Connect sandbox</source>
        <translation>Connect-Sandbox</translation>
    </message>
    <message>
        <source>This server speaks the Polytomic Connect API under /api/ and serves its own connect modal. Create a session with POST /api/connections/connect/ and open the redirect_url it returns.</source>
        <translation>Dieser Server spricht die Polytomic-Connect-API unter /api/ und stellt eine eigene Verbindungsseite bereit. Erstellen Sie eine Sitzung mit POST /api/connections/connect/ und öffnen Sie die zurückgegebene redirect_url.</translation>
    </message>
    <message>
        <source>%1 %2: cannot read it (%3).</source>
        <translation>%1 %2: Die Datei kann nicht gelesen werden (%3).</translation>
    </message>
    <message>
        <source>%1 %2: the file is larger than 256 KiB; use a smaller SVG.</source>
        <translation>%1 %2: Die Datei ist größer als 256 KiB; verwenden Sie ein kleineres SVG.</translation>
    </message>
    <message>
        <source>%1 %2: this is not an SVG image.</source>
        <translation>%1 %2: Dies ist kein SVG-Bild.</translation>
    </message>
</context>
<context>
    <name>SandboxStore</name>
    <message>
        <source>Cannot read the state file %1: %2.</source>
        <translation>Die Zustandsdatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The state file %1 is not a sandbox state file (%2). Move it away or choose another file with --state.</source>
        <translation>Die Zustandsdatei %1 ist keine Sandbox-Zustandsdatei (%2). Verschieben Sie sie oder wählen Sie mit --state eine andere Datei.</translation>
    </message>
</context>
<context>
    <name>SessionHistory</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The session history in %1 could not be read (%2).</source>
        <translation>Der Sitzungsverlauf in %1 konnte nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>The session history was damaged; it was set aside as %1 and a new one was started.</source>
        <translation>Der Sitzungsverlauf war beschädigt; er wurde als %1 beiseitegelegt und ein neuer wurde begonnen.</translation>
    </message>
    <message>
        <source>The session history in %1 is damaged and could not be set aside; it will be written anew.</source>
        <translation>Der Sitzungsverlauf in %1 ist beschädigt und konnte nicht beiseitegelegt werden; er wird neu geschrieben.</translation>
    </message>
    <message>
        <source>Could not write the session history to %1 (%2).</source>
        <translation>Der Sitzungsverlauf konnte nicht in %1 geschrieben werden (%2).</translation>
    </message>
</context>
<context>
    <name>SessionResultView</name>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>%1 is connected</source>
        <translation>%1 ist verbunden</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Nothing was connected.</source>
        <translation>Es wurde nichts verbunden.</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Verbindung nicht möglich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Etwas ist schiefgelaufen (%1).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <source>Connection &amp;names</source>
        <translation>Verbindungs&amp;namen</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Systemeinstellung verwenden</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>The app&apos;s own logo</source>
        <translation>Das eigene Logo der App</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Logo auswählen</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <source>Logo for &amp;dark theme:</source>
        <translation>Logo für d&amp;unkles Farbschema:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Vorschau:</translation>
    </message>
    <message>
        <source>An SVG of at most %1 KB that refers to nothing outside itself. The dark variant is optional.</source>
        <translation>Ein SVG von höchstens %1 KB, das auf nichts außerhalb seiner selbst verweist. Die dunkle Variante ist optional.</translation>
    </message>
    <message>
        <source>{integration} the integration&apos;s name, {id} its id, {date} today (yyyy-MM-dd), {time} the time (HH:mm). A name already in use gets “ (2)”, “ (3)”… added.</source>
        <translation>{integration} der Name der Integration, {id} ihre ID, {date} das heutige Datum (yyyy-MM-dd), {time} die Uhrzeit (HH:mm). An einen bereits verwendeten Namen wird „ (2)“, „ (3)“ … angehängt.</translation>
    </message>
    <message>
        <source>Name &amp;template:</source>
        <translation>Namens&amp;vorlage:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Clear &amp;Web Data</source>
        <translation>&amp;Webdaten löschen</translation>
    </message>
    <message>
        <source>Sign out of every page this profile&apos;s connect pages signed in to: deletes their cookies, cache and stored data.</source>
        <translation>Von allen Seiten abmelden, bei denen die Verbindungsseiten dieses Profils angemeldet wurden: löscht deren Cookies, Cache und gespeicherte Daten.</translation>
    </message>
    <message>
        <source>The web data of “%1” is cleared: its connect pages start signed out.</source>
        <translation>Die Webdaten des Profils „%1“ wurden gelöscht: Seine Verbindungsseiten beginnen ohne Anmeldung.</translation>
    </message>
    <message>
        <source>built-in sandbox</source>
        <translation>integrierte Sandbox</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Its stored key is deleted from the keychain too.</source>
        <translation>Das Profil „%1“ entfernen? Sein gespeicherter Schlüssel wird auch aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>This file could not be drawn as an image.</source>
        <translation>Diese Datei konnte nicht als Bild dargestellt werden.</translation>
    </message>
    <message>
        <source>Some settings are set by %1 for everyone on this computer and cannot be changed here.</source>
        <translation>Einige Einstellungen sind für alle Benutzer dieses Computers festgelegt und können hier nicht geändert werden. Festgelegt von: %1.</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>Festgelegt von: %1</translation>
    </message>
    <message>
        <source>A new language applies when Connect Desktop starts again.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von Connect Desktop übernommen.</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Every integration the backend offers</source>
        <translation>Alle Integrationen, die das Backend anbietet</translation>
    </message>
    <message>
        <source>Type ids separated by commas, such as hubspot, postgresql. With one, it opens straight away.</source>
        <translation>Typ-IDs, durch Kommas getrennt, zum Beispiel hubspot, postgresql. Bei nur einer öffnet sie sich sofort.</translation>
    </message>
    <message>
        <source>&amp;Allowed integrations:</source>
        <translation>&amp;Zulässige Integrationen:</translation>
    </message>
    <message>
        <source>%1, set by %2</source>
        <translation>%1, festgelegt von: %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Ve&amp;rlauf</translation>
    </message>
    <message>
        <source> sessions</source>
        <translation> Sitzungen</translation>
    </message>
    <message>
        <source>None (keep no history)</source>
        <translation>Keine (keinen Verlauf aufbewahren)</translation>
    </message>
    <message>
        <source>Sessions to keep</source>
        <translation>Aufzubewahrende Sitzungen</translation>
    </message>
    <message>
        <source>Each session&apos;s result, timings and exchange log are kept on this computer, without keys, tokens or passwords, for the History (View, History) and diagnostics bundles.</source>
        <translation>Ergebnis, Zeiten und Vorgangsprotokoll jeder Sitzung werden ohne Schlüssel, Tokens oder Passwörter auf diesem Computer aufbewahrt, für den Verlauf (Ansicht, Verlauf) und für Diagnosepakete.</translation>
    </message>
    <message>
        <source>&amp;Clear History…</source>
        <translation>Verlauf lös&amp;chen…</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>Verlauf löschen</translation>
    </message>
    <message numerus="yes">
        <source>Forget the %n kept session(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Die %n aufbewahrte Sitzung löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>Die %n aufbewahrten Sitzungen löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep the last:</source>
        <translation>Die letzten &amp;aufbewahren:</translation>
    </message>
    <message>
        <source>No sessions are kept.</source>
        <translation>Es werden keine Sitzungen aufbewahrt.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) kept.</source>
        <translation>
            <numerusform>%n Sitzung aufbewahrt.</numerusform>
            <numerusform>%n Sitzungen aufbewahrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use the system&apos;s settings</source>
        <translation>Einstellungen des Systems verwenden</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <source>A proxy of its own</source>
        <translation>Eigener Proxy</translation>
    </message>
    <message>
        <source>proxy.example.com:3128, or socks5://host:1080</source>
        <translation>proxy.example.com:3128 oder socks5://host:1080</translation>
    </message>
    <message>
        <source>None: the proxy asks for no sign-in</source>
        <translation>Keiner: Der Proxy verlangt keine Anmeldung</translation>
    </message>
    <message>
        <source>Kept in the keychain; leave empty to keep the stored one</source>
        <translation>Wird im Schlüsselbund aufbewahrt; leer lassen, um das gespeicherte zu behalten</translation>
    </message>
    <message>
        <source>intranet.example.com, .corp.example.com</source>
        <translation>intranet.example.com, .corp.example.com</translation>
    </message>
    <message>
        <source>Proxy changes take effect when Connect Desktop starts again (the web engine takes its proxy once, at start).</source>
        <translation>Änderungen am Proxy werden beim nächsten Start von Connect Desktop übernommen (die Web-Engine übernimmt ihren Proxy nur einmal, beim Start).</translation>
    </message>
    <message>
        <source>One proxy for the API and for the pages the app shows. This computer&apos;s own servers (127.0.0.1) are always reached directly.</source>
        <translation>Ein Proxy für die API und für die Seiten, die die App anzeigt. Die eigenen Server dieses Computers (127.0.0.1) werden immer direkt erreicht.</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>Adre&amp;sse:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Bypass for:</source>
        <translation>&amp;Kein Proxy für:</translation>
    </message>
    <message>
        <source>Netw&amp;ork</source>
        <translation>N&amp;etzwerk</translation>
    </message>
    <message>
        <source>Reached directly by the API client. The web engine (Qt WebEngine 6.4) takes no bypass list: pages of these hosts still go through the proxy.</source>
        <translation>Der API-Client erreicht diese Hosts direkt. Die Web-Engine (Qt WebEngine 6.4) übernimmt keine Ausnahmeliste: Seiten dieser Hosts laufen weiterhin über den Proxy.</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>Healthy</source>
        <translation>Fehlerfrei</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
</context>
<context>
    <name>UserTokenSource</name>
    <message>
        <source>The user token is not a JWT with a subject (sub) and an expiry (exp), which Paragon needs. Check what the token URL answers.</source>
        <translation>Das Benutzer-Token ist kein JWT mit Subjekt (sub) und Ablaufzeit (exp), wie Paragon es benötigt. Prüfen Sie, was die Token-URL antwortet.</translation>
    </message>
    <message>
        <source>The user token has expired, or expires within a minute (at %1 UTC). Check the clocks of this computer and of the server that signs it.</source>
        <translation>Das Benutzer-Token ist abgelaufen oder läuft innerhalb einer Minute ab (Ablauf: %1 UTC). Prüfen Sie die Uhren dieses Computers und des Servers, der es signiert.</translation>
    </message>
    <message>
        <source>The profile&apos;s signing key could not sign a user token (%1). Enter the project&apos;s RS256 private key again in Settings → Profiles.</source>
        <translation>Der Signaturschlüssel des Profils konnte kein Benutzer-Token signieren (%1). Geben Sie den privaten RS256-Schlüssel des Projekts unter Einstellungen → Profile erneut ein.</translation>
    </message>
    <message>
        <source>The token URL at %1 refused to give a user token. Check the credential in the profile&apos;s settings.</source>
        <translation>Die Token-URL auf %1 hat die Ausgabe eines Benutzer-Tokens verweigert. Prüfen Sie die Zugangsdaten in den Einstellungen des Profils.</translation>
    </message>
    <message>
        <source>The token URL at %1 did not answer {&quot;token&quot;: &quot;&lt;JWT&gt;&quot;}. Check the profile&apos;s token URL.</source>
        <translation>Die Token-URL auf %1 hat nicht mit {&quot;token&quot;: &quot;&lt;JWT&gt;&quot;} geantwortet. Prüfen Sie die Token-URL des Profils.</translation>
    </message>
</context>
<context>
    <name>WebProfiles</name>
    <message>
        <source>The web data in %1 could not be deleted. Close Connect Desktop and delete that folder.</source>
        <translation>Die Webdaten in %1 konnten nicht gelöscht werden. Schließen Sie Connect Desktop und löschen Sie diesen Ordner.</translation>
    </message>
</context>
</TS>
