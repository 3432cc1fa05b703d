<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ApiClient</name>
    <message>
        <source>attempt %1 of %2 failed, retrying: %3</source>
        <translation>échec de la tentative %1 sur %2, nouvel essai&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>ApiFailure</name>
    <message>
        <source>the server</source>
        <translation>Le serveur</translation>
    </message>
    <message>
        <source> The server said: “%1”.</source>
        <translation> Réponse du serveur&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source> (tried %n times)</source>
        <translation>
            <numerusform> (%n tentative)</numerusform>
            <numerusform> (%n tentatives)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot reach %1%2: %3. Check your network connection and the profile&apos;s address, then try again.</source>
        <translation>%1 est injoignable%2&#xa0;: %3. Vérifiez votre connexion réseau et l’adresse du profil, puis réessayez.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>aucune réponse</translation>
    </message>
    <message>
        <source>%1 did not answer in time%2. Try again; if it keeps happening, check the profile&apos;s address or your network.</source>
        <translation>%1 n’a pas répondu à temps%2. Réessayez&#xa0;; si le problème persiste, vérifiez l’adresse du profil ou votre réseau.</translation>
    </message>
    <message>
        <source>The answer from %1 could not be read (%2). The server may be misconfigured or not a Polytomic-compatible API; check the profile&apos;s address.</source>
        <translation>%1 a renvoyé une réponse illisible (%2). Le serveur est peut-être mal configuré ou n’est pas une API compatible Polytomic&#xa0;; vérifiez l’adresse du profil.</translation>
    </message>
    <message>
        <source>The request was stopped.</source>
        <translation>La requête a été interrompue.</translation>
    </message>
    <message>
        <source>%1 refused the API key (401).%2 Check the key in the profile&apos;s settings, or POLYTOMIC_API_KEY.</source>
        <translation>%1 a refusé la clé API (401).%2 Vérifiez la clé dans les paramètres du profil, ou POLYTOMIC_API_KEY.</translation>
    </message>
    <message>
        <source>The API key is not allowed to do this (403).%1 Ask an administrator of your organization for a key with access to connections.</source>
        <translation>La clé API n’est pas autorisée à effectuer cette action (403).%1 Demandez à un administrateur de votre organisation une clé donnant accès aux connexions.</translation>
    </message>
    <message>
        <source>%1 has no such resource (404).%2 Check the profile&apos;s address and API version.</source>
        <translation>%1 ne connaît pas cette ressource (404).%2 Vérifiez l’adresse et la version de l’API du profil.</translation>
    </message>
    <message>
        <source>An earlier attempt is still being processed (409).%1 Wait a moment and try again.</source>
        <translation>Une tentative précédente est encore en cours de traitement (409).%1 Patientez un instant, puis réessayez.</translation>
    </message>
    <message>
        <source>%1 refused the request (%2). Check the connection&apos;s details and try again.</source>
        <translation>%1 a refusé la requête (%2). Vérifiez les informations de la connexion, puis réessayez.</translation>
    </message>
    <message>
        <source>%1 refused the request: %2.</source>
        <translation>%1 a refusé la requête&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 had a problem (HTTP %2)%3.%4 Try again later; if it persists, contact the platform&apos;s support.</source>
        <translation>%1 a rencontré un problème (HTTP %2)%3.%4 Réessayez plus tard&#xa0;; si le problème persiste, contactez le support de la plateforme.</translation>
    </message>
    <message>
        <source>%1 answered with HTTP %2.%3</source>
        <translation>%1 a répondu avec le code HTTP %2.%3</translation>
    </message>
</context>
<context>
    <name>AppBackends</name>
    <message>
        <source>built-in sandbox on %1</source>
        <translation>sandbox intégrée sur %1</translation>
    </message>
    <message>
        <source>built-in sandbox</source>
        <translation>sandbox intégrée</translation>
    </message>
    <message>
        <source>Polytomic at %1</source>
        <translation>Polytomic sur %1</translation>
    </message>
    <message>
        <source>backend proxy at %1</source>
        <translation>proxy backend sur %1</translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation>La sandbox intégrée n’a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>No API key is stored for the profile “%1”.</source>
        <translation>Aucune clé API n’est enregistrée pour le profil «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The system keychain could not be read (%1).</source>
        <translation>Impossible de lire le trousseau du système (%1).</translation>
    </message>
    <message>
        <source>Enter the key in Settings → Profiles, or set the environment variable %1.</source>
        <translation>Saisissez la clé dans Paramètres → Profils, ou définissez la variable d’environnement %1.</translation>
    </message>
    <message>
        <source>built-in Paragon sandbox on %1</source>
        <translation>sandbox Paragon intégrée sur %1</translation>
    </message>
    <message>
        <source>built-in Paragon sandbox</source>
        <translation>sandbox Paragon intégrée</translation>
    </message>
    <message>
        <source>Paragon project %1, tokens signed here</source>
        <translation>projet Paragon %1, jetons signés ici</translation>
    </message>
    <message>
        <source>Paragon project %1, tokens from %2</source>
        <translation>projet Paragon %1, jetons fournis par %2</translation>
    </message>
    <message>
        <source>The built-in Paragon sandbox could not start: %1</source>
        <translation>La sandbox Paragon intégrée n’a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>No signing key is stored for the profile “%1”.</source>
        <translation>Aucune clé de signature n’est enregistrée pour le profil «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>connect-desktop: running as root, so the web engine&apos;s sandbox is off.</source>
        <translation>connect-desktop&#xa0;: exécution en tant que root, la sandbox du moteur web est donc désactivée.</translation>
    </message>
    <message>
        <source>Connect Desktop is already running; it takes it from here.</source>
        <translation>Connect Desktop est déjà en cours d’exécution&#xa0;; il prend le relais.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
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
        <translation>Le fichier du logo n’a pas pu être affiché.</translation>
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
        <translation>Traitement en cours</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>Unknown integration “%1”. This backend offers: %2.</source>
        <translation>Intégration inconnue «&#xa0;%1&#xa0;». Ce backend propose&#xa0;: %2.</translation>
    </message>
    <message>
        <source>“%1” is not among the integrations this company allows (Settings, Allowed integrations); add --all to check it anyway.</source>
        <translation>«&#xa0;%1&#xa0;» ne fait pas partie des intégrations que cette entreprise autorise (Paramètres, Intégrations autorisées)&#xa0;; ajoutez --all pour la tester quand même.</translation>
    </message>
    <message>
        <source>There is no integration to check: the backend lists none that this company allows (add --all to check every one).</source>
        <translation>Aucune intégration à tester&#xa0;: le backend n’en répertorie aucune que cette entreprise autorise (ajoutez --all pour les tester toutes).</translation>
    </message>
    <message>
        <source>Checking %1 integration(s) on %2 (%3), %4 at a time…</source>
        <translation>Test de %1 intégration(s) sur %2 (%3), %4 à la fois…</translation>
    </message>
    <message>
        <source>Connect Desktop check</source>
        <translation>Test de Connect Desktop</translation>
    </message>
    <message>
        <source>%1 refuses sign-in inside apps; a person would continue in the system browser.</source>
        <translation>%1 refuse l’identification dans les applications&#xa0;; une personne poursuivrait dans le navigateur du système.</translation>
    </message>
    <message>
        <source>The session ended before its page could be used.</source>
        <translation>La session s’est terminée avant que sa page soit utilisable.</translation>
    </message>
    <message>
        <source>Nothing usable came within the time allowed; try a longer --timeout, or look at the session&apos;s log in the History.</source>
        <translation>Rien d’utilisable n’est arrivé dans le délai imparti&#xa0;; essayez un --timeout plus long, ou consultez le journal de la session dans l’historique.</translation>
    </message>
    <message>
        <source>It failed without saying why.</source>
        <translation>La session a échoué sans indiquer pourquoi.</translation>
    </message>
    <message>
        <source>%1 %2: passed (request %3 ms, ready to type %4 ms)</source>
        <translation>%1 %2&#xa0;: réussi (requête&#xa0;: %3 ms, page prête pour la saisie&#xa0;: %4 ms)</translation>
    </message>
    <message>
        <source>%1 %2: failed (%3): %4</source>
        <translation>%1 %2&#xa0;: échec (%3)&#xa0;: %4</translation>
    </message>
    <message>
        <source>%1 of %2 passed, %3 failed, in %4 s.</source>
        <translation>%1 sur %2 réussies, %3 en échec, en %4 s.</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Intégration</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prête</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>the integrations could not be listed: %1</source>
        <translation>impossible de lister les intégrations&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>A connectdesktop: link is opened on its own, without other arguments.</source>
        <translation>Un lien connectdesktop: s’ouvre seul, sans autre argument.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Afficher la version.</translation>
    </message>
    <message>
        <source> (see connect-desktop --help)</source>
        <translation> (voir connect-desktop --help)</translation>
    </message>
    <message>
        <source>Use this language.</source>
        <translation>Utiliser cette langue.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 attend un nombre entier de %2 à %3, et non «&#xa0;%4&#xa0;».</translation>
    </message>
    <message>
        <source>Listen on this port (default: any free port).</source>
        <translation>Écouter sur ce port (par défaut&#xa0;: n’importe quel port libre).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Accept this API key (default: a random one, printed).</source>
        <translation>Accepter cette clé API (par défaut&#xa0;: une clé aléatoire, affichée).</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>CLÉ</translation>
    </message>
    <message>
        <source>SVG logo shown top left in the modal.</source>
        <translation>Logo SVG affiché en haut à gauche de la page de connexion.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>SVG logo for the dark theme.</source>
        <translation>Logo SVG pour le thème sombre.</translation>
    </message>
    <message>
        <source>Keep connections in this JSON file across restarts.</source>
        <translation>Conserver les connexions dans ce fichier JSON d’un redémarrage à l’autre.</translation>
    </message>
    <message>
        <source>Connect sessions expire after this many seconds (default 900).</source>
        <translation>Les sessions de connexion expirent après ce nombre de secondes (par défaut&#xa0;: 900).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>Fault: delay every API answer by MS milliseconds.</source>
        <translation>Panne simulée&#xa0;: retarder chaque réponse de l’API de MS millisecondes.</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Fault: failing API calls answer with this HTTP status (default 500).</source>
        <translation>Panne simulée&#xa0;: les appels d’API en échec répondent avec ce statut HTTP (par défaut&#xa0;: 500).</translation>
    </message>
    <message>
        <source>Fault: this fraction (0 to 1) of API calls fail.</source>
        <translation>Panne simulée&#xa0;: cette proportion (de 0 à 1) des appels d’API échoue.</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Fault: the first N API calls fail, then all succeed.</source>
        <translation>Panne simulée&#xa0;: les N premiers appels d’API échouent, puis tous réussissent.</translation>
    </message>
    <message>
        <source>Faults apply to API paths starting with this (default /api/).</source>
        <translation>Les pannes simulées s’appliquent aux chemins d’API qui commencent par ceci (par défaut&#xa0;: /api/).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <source>Seed for --fail-rate (default 1).</source>
        <translation>Graine pour --fail-rate (par défaut&#xa0;: 1).</translation>
    </message>
    <message>
        <source>Fault: failing API calls answer 200 with truncated JSON.</source>
        <translation>Panne simulée&#xa0;: les appels d’API en échec répondent 200 avec un JSON tronqué.</translation>
    </message>
    <message>
        <source>Fault: failing API calls close the connection without answering.</source>
        <translation>Panne simulée&#xa0;: les appels d’API en échec ferment la connexion sans répondre.</translation>
    </message>
    <message>
        <source>Fault: serve the modal page after MS milliseconds.</source>
        <translation>Panne simulée&#xa0;: servir la page de connexion après MS millisecondes.</translation>
    </message>
    <message>
        <source>Fault: the modal page is blank.</source>
        <translation>Panne simulée&#xa0;: la page de connexion est vide.</translation>
    </message>
    <message>
        <source>Fault: the OAuth popup loses its opener and cannot report back.</source>
        <translation>Panne simulée&#xa0;: la fenêtre pop-up OAuth perd sa fenêtre d’origine et ne peut pas transmettre le résultat.</translation>
    </message>
    <message>
        <source>Fault: OAuth popups in the app answer like a provider that refuses embedded sign-in (disallowed_useragent).</source>
        <translation>Panne simulée&#xa0;: dans l’application, les fenêtres pop-up OAuth répondent comme un fournisseur qui refuse l’identification dans un navigateur intégré (disallowed_useragent).</translation>
    </message>
    <message>
        <source>Fault: serve the modal over HTTPS with a certificate nobody trusts.</source>
        <translation>Panne simulée&#xa0;: servir la page de connexion en HTTPS avec un certificat auquel personne ne fait confiance.</translation>
    </message>
    <message>
        <source>Fault: the modal also tries what a host must refuse (file: pages, camera, downloads, a bad certificate, …).</source>
        <translation>Panne simulée&#xa0;: la page de connexion tente aussi ce qu’un hôte doit refuser (pages file:, caméra, téléchargements, certificat non valide, …).</translation>
    </message>
    <message>
        <source> (see connect-desktop sandbox --help)</source>
        <translation> (voir connect-desktop sandbox --help)</translation>
    </message>
    <message>
        <source>--fail-rate takes a fraction from 0 to 1, not &quot;%1&quot;.</source>
        <translation>--fail-rate attend une proportion de 0 à 1, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--fault-scope must be an API path starting with /api/.</source>
        <translation>--fault-scope doit être un chemin d’API commençant par /api/.</translation>
    </message>
    <message>
        <source>Choose one of --malformed-json and --drop-connection.</source>
        <translation>Choisissez soit --malformed-json, soit --drop-connection.</translation>
    </message>
    <message>
        <source>--api-key must not be empty.</source>
        <translation>--api-key ne doit pas être vide.</translation>
    </message>
    <message>
        <source>--lang takes a language code such as de, fr or ja, not &quot;%1&quot;.</source>
        <translation>--lang attend un code de langue comme de, fr ou ja, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Opens only the connect window for one session, prints its one result and exits: 0 completed, 1 failed, 2 bad usage or configuration, 3 cancelled.</source>
        <translation>Ouvre uniquement la fenêtre de connexion pour une session, affiche son unique résultat et quitte&#xa0;: 0 terminé, 1 échec, 2 utilisation ou configuration incorrecte, 3 annulé.</translation>
    </message>
    <message>
        <source>An integration to offer, by type id (repeatable: one goes straight to its form, several show a picker).</source>
        <translation>Une intégration à proposer, par identifiant de type (répétable&#xa0;: une seule mène directement à son formulaire, plusieurs affichent un sélecteur).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name of the connection to create (default: from the name template).</source>
        <translation>Nom de la connexion à créer (par défaut&#xa0;: d’après le modèle de nom).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Dark theme.</source>
        <translation>Thème sombre.</translation>
    </message>
    <message>
        <source>Light theme.</source>
        <translation>Thème clair.</translation>
    </message>
    <message>
        <source>Use this profile (by name or id; default: the active one).</source>
        <translation>Utiliser ce profil (par nom ou identifiant&#xa0;; par défaut&#xa0;: le profil actif).</translation>
    </message>
    <message>
        <source>A Polytomic-compatible API; the key comes from POLYTOMIC_API_KEY or the keychain.</source>
        <translation>Une API compatible Polytomic&#xa0;; la clé provient de POLYTOMIC_API_KEY ou du trousseau.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>A backend proxy that adds the key itself.</source>
        <translation>Un proxy backend qui ajoute lui-même la clé.</translation>
    </message>
    <message>
        <source>Print the result as one JSON object on stdout.</source>
        <translation>Afficher le résultat sous la forme d’un objet JSON sur stdout.</translation>
    </message>
    <message>
        <source>Use this language (de, fr, es, ja, ar, en).</source>
        <translation>Utiliser cette langue (de, fr, es, ja, ar, en).</translation>
    </message>
    <message>
        <source> (see connect-desktop connect --help)</source>
        <translation> (voir connect-desktop connect --help)</translation>
    </message>
    <message>
        <source>--integration needs a type id, such as postgresql.</source>
        <translation>--integration attend un identifiant de type, par exemple postgresql.</translation>
    </message>
    <message>
        <source>--name must not be empty.</source>
        <translation>--name ne doit pas être vide.</translation>
    </message>
    <message>
        <source>Choose one of --dark and --light.</source>
        <translation>Choisissez soit --dark, soit --light.</translation>
    </message>
    <message>
        <source>Choose one of --profile, --base-url and --proxy-url.</source>
        <translation>Choisissez une seule option parmi --profile, --base-url et --proxy-url.</translation>
    </message>
    <message>
        <source>--base-url must be a web address such as https://app.polytomic.com.</source>
        <translation>--base-url doit être une adresse web, par exemple https://app.polytomic.com.</translation>
    </message>
    <message>
        <source>--proxy-url must be a web address such as https://backend.example.com.</source>
        <translation>--proxy-url doit être une adresse web, par exemple https://backend.example.com.</translation>
    </message>
    <message>
        <source>Fault: the modal makes the attack NAME that a host must outlive (popups written while blank, dialogs, a popup flood, …; resources/sandbox/attacks.js).</source>
        <translation>Panne : le modal mène l’attaque NAME à laquelle un hôte doit survivre (popups écrites encore vides, boîtes de dialogue, avalanche de popups, … ; resources/sandbox/attacks.js).</translation>
    </message>
    <message>
        <source>--attack takes an attack&apos;s name (lower-case letters, digits and dashes), not &quot;%1&quot;.</source>
        <translation>--attack attend le nom d’une attaque (minuscules, chiffres et tirets), pas « %1 ».</translation>
    </message>
    <message>
        <source>--project-id takes letters, digits and dashes, not &quot;%1&quot;.</source>
        <translation>--project-id attend des lettres, des chiffres et des tirets, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--token-fault takes expired or forged, not &quot;%1&quot;.</source>
        <translation>--token-fault attend expired ou forged, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Runs a sandbox: a local server on 127.0.0.1 that speaks the Polytomic Connect API and serves its own modal, or with --platform paragon stands in for Paragon&apos;s services and portal. It prints its address and credentials, then serves until stopped (Ctrl+C).</source>
        <translation>Lance une sandbox&#xa0;: un serveur local sur 127.0.0.1 qui parle l’API de Polytomic Connect et sert sa propre page de connexion ou qui, avec --platform paragon, remplace les services et le portail de Paragon. Elle affiche son adresse et ses identifiants, puis reste active jusqu’à son arrêt (Ctrl+C).</translation>
    </message>
    <message>
        <source>The platform: polytomic (default) or paragon.</source>
        <translation>La plateforme&#xa0;: polytomic (par défaut) ou paragon.</translation>
    </message>
    <message>
        <source>Print the address and credentials as one JSON object on stdout.</source>
        <translation>Afficher l’adresse et les identifiants sous la forme d’un objet JSON sur stdout.</translation>
    </message>
    <message>
        <source>Paragon: the project&apos;s id (default: a fixed one).</source>
        <translation>Paragon&#xa0;: l’ID du projet (par défaut&#xa0;: un ID fixe).</translation>
    </message>
    <message>
        <source>Paragon fault: the token URL hands out expired or forged tokens.</source>
        <translation>Panne simulée Paragon&#xa0;: l’URL du jeton distribue des jetons expirés (expired) ou falsifiés (forged).</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>Paragon fault: Allow on the consent page ends in an OAuth error.</source>
        <translation>Panne simulée Paragon&#xa0;: «&#xa0;Autoriser&#xa0;» sur la page de consentement aboutit à une erreur OAuth.</translation>
    </message>
    <message>
        <source>Paragon fault: starting a sign-in answers this HTTP status.</source>
        <translation>Panne simulée Paragon&#xa0;: le démarrage d’une identification répond avec ce statut HTTP.</translation>
    </message>
    <message>
        <source>Paragon fault: new credentials stay PENDING.</source>
        <translation>Panne simulée Paragon&#xa0;: les nouveaux identifiants restent à l’état PENDING.</translation>
    </message>
    <message>
        <source>--platform takes polytomic or paragon, not &quot;%1&quot;.</source>
        <translation>--platform attend polytomic ou paragon, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--%1 is an option of Paragon&apos;s sandbox: add --platform paragon.</source>
        <translation>--%1 est une option de la sandbox Paragon&#xa0;: ajoutez --platform paragon.</translation>
    </message>
    <message>
        <source>The platform: polytomic or paragon. Without --profile, its built-in sandbox.</source>
        <translation>La plateforme&#xa0;: polytomic ou paragon. Sans --profile, c’est sa sandbox intégrée qui est utilisée.</translation>
    </message>
    <message>
        <source>--%1 is an option of Polytomic&apos;s sandbox only: leave it out, or leave out --platform paragon.</source>
        <translation>--%1 est une option de la sandbox Polytomic uniquement&#xa0;: retirez-la, ou retirez --platform paragon.</translation>
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
        <translation>Utilisation&#xa0;: connect-desktop [commande] [options]

Connecte des comptes à une plateforme de données via sa page de connexion.

Commandes&#xa0;:
  (aucune)   ouvrir la fenêtre principale
  connect    ouvrir uniquement la fenêtre de connexion, afficher l’unique résultat, quitter
  sandbox    lancer une sandbox intégrée (celle de Polytomic ou de Paragon) sur 127.0.0.1
  check      tester les intégrations&#xa0;: ouvrir la page de chacune en arrière-plan, sans rien connecter
  doctor     vérifier que cette machine est prête et indiquer ce qu’il faut corriger
  history    lister les dernières sessions et leurs résultats
  diagnostics  enregistrer une archive de diagnostic (zip, sans secrets) pour le support

Options&#xa0;:
  -h, --help     afficher cette aide (ou celle d’une commande&#xa0;: connect-desktop sandbox --help)
  -v, --version  afficher la version
  --lang CODE    utiliser cette langue (de, fr, es, ja, ar, en) au lieu de celle du système

Codes de sortie&#xa0;: 0 terminé, 1 échec, 2 utilisation ou configuration incorrecte, 3 annulé.
</translation>
    </message>
    <message>
        <source>Fault: the modal&apos;s address is a local port where nothing listens (it cannot load).</source>
        <translation>Panne simulée&#xa0;: l’adresse de la page de connexion est un port local où rien n’écoute (elle ne peut pas se charger).</translation>
    </message>
    <message>
        <source>Fault: every answer&apos;s Date header is S seconds off the real time (may be negative).</source>
        <translation>Panne simulée&#xa0;: l’en-tête Date de chaque réponse s’écarte de S secondes de l’heure réelle (S peut être négatif).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Choose one of --untrusted-modal and --unreachable-modal.</source>
        <translation>Choisissez soit --untrusted-modal, soit --unreachable-modal.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (see connect-desktop %2 --help).</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;» (voir connect-desktop %2 --help).</translation>
    </message>
    <message>
        <source>Lists the sessions the app kept (newest first): when, profile, integration, result and reason. Kept without secrets; their exchange logs are in --json.</source>
        <translation>Liste les sessions conservées par l’application (les plus récentes d’abord)&#xa0;: date, profil, intégration, résultat et motif. Elles sont conservées sans secrets&#xa0;; leurs journaux des échanges figurent dans --json.</translation>
    </message>
    <message>
        <source>Print one JSON object with every session, its timings and exchange log.</source>
        <translation>Afficher un objet JSON avec chaque session, ses durées et son journal des échanges.</translation>
    </message>
    <message>
        <source>Only the newest N sessions.</source>
        <translation>Uniquement les N sessions les plus récentes.</translation>
    </message>
    <message>
        <source>Only sessions of this integration (type id).</source>
        <translation>Uniquement les sessions de cette intégration (identifiant de type).</translation>
    </message>
    <message>
        <source>Only sessions that ended so: completed, cancelled or failed.</source>
        <translation>Uniquement les sessions qui se sont terminées ainsi&#xa0;: completed (terminée), cancelled (annulée) ou failed (échec).</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>RÉSULTAT</translation>
    </message>
    <message>
        <source>Only sessions of this profile (by name or id).</source>
        <translation>Uniquement les sessions de ce profil (par nom ou identifiant).</translation>
    </message>
    <message>
        <source>Forget every kept session.</source>
        <translation>Effacer toutes les sessions conservées.</translation>
    </message>
    <message>
        <source> (see connect-desktop history --help)</source>
        <translation> (voir connect-desktop history --help)</translation>
    </message>
    <message>
        <source>--outcome takes completed, cancelled or failed, not &quot;%1&quot;.</source>
        <translation>--outcome attend completed, cancelled ou failed, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--clear forgets every session: use it on its own.</source>
        <translation>--clear efface toutes les sessions&#xa0;: utilisez-la seule.</translation>
    </message>
    <message>
        <source>Smoke-tests integrations: for each one, opens a real session, loads its page hidden until a person could type, records the timings or what went wrong, and closes it without connecting anything. Exit 0 when every one passed, 1 when any failed, 2 for bad usage.</source>
        <translation>Teste rapidement les intégrations&#xa0;: pour chacune, ouvre une vraie session, charge sa page en arrière-plan jusqu’à ce qu’une personne puisse y saisir du texte, enregistre les durées ou ce qui a échoué, puis la ferme sans rien connecter. Code de sortie 0 quand toutes ont réussi, 1 quand l’une a échoué, 2 en cas d’utilisation incorrecte.</translation>
    </message>
    <message>
        <source>Check this integration (type id; repeatable). Default: every one the company allows, or every one the backend lists when none is set.</source>
        <translation>Tester cette intégration (identifiant de type&#xa0;; répétable). Par défaut&#xa0;: toutes celles que l’entreprise autorise, ou toutes celles que le backend répertorie si aucune n’est définie.</translation>
    </message>
    <message>
        <source>Check every integration the backend lists, allowed or not (for support staff).</source>
        <translation>Tester toutes les intégrations que le backend répertorie, autorisées ou non (pour l’équipe de support).</translation>
    </message>
    <message>
        <source>Run N sessions at once (1 to 8, default 2).</source>
        <translation>Lancer N sessions à la fois (de 1 à 8, par défaut&#xa0;: 2).</translation>
    </message>
    <message>
        <source>Give each page S seconds to become usable (default 30).</source>
        <translation>Laisser à chaque page S secondes pour devenir utilisable (par défaut&#xa0;: 30).</translation>
    </message>
    <message>
        <source>Print one JSON object with every row on stdout.</source>
        <translation>Afficher un objet JSON avec chaque ligne sur stdout.</translation>
    </message>
    <message>
        <source> (see connect-desktop check --help)</source>
        <translation> (voir connect-desktop check --help)</translation>
    </message>
    <message>
        <source>Checks whether this machine is ready: the web engine, the display, the keychain, the backend&apos;s address, proxies, certificates, the clock and the app&apos;s folders. Each line says what is wrong and what to do. Exit 0 when all is well, 1 when a problem was found.</source>
        <translation>Vérifie si cette machine est prête&#xa0;: le moteur web, l’affichage, le trousseau, l’adresse du backend, les proxys, les certificats, l’horloge et les dossiers de l’application. Chaque ligne indique ce qui ne va pas et ce qu’il faut faire. Code de sortie 0 quand tout va bien, 1 quand un problème a été trouvé.</translation>
    </message>
    <message>
        <source>Print one JSON object with every finding on stdout.</source>
        <translation>Afficher un objet JSON avec chaque constat sur stdout.</translation>
    </message>
    <message>
        <source> (see connect-desktop doctor --help)</source>
        <translation> (voir connect-desktop doctor --help)</translation>
    </message>
    <message>
        <source>Saves a diagnostics bundle (a zip file) for support: versions, the effective settings and profiles without any secret, the doctor&apos;s findings, the last sessions with their redacted exchange logs, and what the web engine refused or reported.</source>
        <translation>Enregistre une archive de diagnostic (un fichier zip) pour le support&#xa0;: les versions, les paramètres en vigueur et les profils sans aucun secret, les constats de doctor, les dernières sessions avec leurs journaux des échanges expurgés, et ce que le moteur web a refusé ou signalé.</translation>
    </message>
    <message>
        <source>Write the bundle to FILE (a .zip).</source>
        <translation>Écrire l’archive dans FICHIER (un .zip).</translation>
    </message>
    <message>
        <source>Only sessions of the last DURATION (e.g. 30m, 12h, 7d; default: every kept one).</source>
        <translation>Uniquement les sessions datant de moins de DURÉE (par exemple 30m, 12h, 7d&#xa0;; par défaut&#xa0;: toutes les sessions conservées).</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURÉE</translation>
    </message>
    <message>
        <source>Leave a part out (repeatable): system, settings, profiles, doctor, sessions, engine.</source>
        <translation>Exclure une partie (répétable)&#xa0;: system, settings, profiles, doctor, sessions, engine.</translation>
    </message>
    <message>
        <source>PART</source>
        <translation>PARTIE</translation>
    </message>
    <message>
        <source>The profile the doctor checks (by name or id; default: the active one).</source>
        <translation>Le profil que doctor vérifie (par nom ou identifiant&#xa0;; par défaut&#xa0;: le profil actif).</translation>
    </message>
    <message>
        <source> (see connect-desktop diagnostics --help)</source>
        <translation> (voir connect-desktop diagnostics --help)</translation>
    </message>
    <message>
        <source>Name the bundle&apos;s file with --output FILE.zip.</source>
        <translation>Indiquez le fichier de l’archive avec --output FICHIER.zip.</translation>
    </message>
    <message>
        <source>--output names a .zip file, such as diagnostics.zip.</source>
        <translation>--output attend un fichier .zip, par exemple diagnostics.zip.</translation>
    </message>
    <message>
        <source>--since takes a duration such as 30m, 12h or 7d, not &quot;%1&quot;.</source>
        <translation>--since attend une durée comme 30m, 12h ou 7d, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--without takes one of %1, not &quot;%2&quot;.</source>
        <translation>--without attend l’une des valeurs %1, et non «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: connect, sandbox, check, doctor, history, diagnostics (see connect-desktop --help).</source>
        <translation>Commande inconnue «&#xa0;%1&#xa0;». Commandes&#xa0;: connect, sandbox, check, doctor, history, diagnostics (voir connect-desktop --help).</translation>
    </message>
    <message>
        <source>The modal&apos;s address names this host instead of 127.0.0.1 (for rehearsing a proxy that resolves it).</source>
        <translation>L’adresse de la page de connexion désigne cet hôte au lieu de 127.0.0.1 (pour tester un proxy qui le résout).</translation>
    </message>
    <message>
        <source>--public-host takes a host name such as sandbox.test, not &quot;%1&quot;.</source>
        <translation>--public-host attend un nom d’hôte comme sandbox.test, et non «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>ConnectCommand</name>
    <message>
        <source>Unknown integration “%1”. This backend offers: %2.</source>
        <translation>Intégration inconnue «&#xa0;%1&#xa0;». Ce backend propose&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Connected %1 as “%2” (%3).</source>
        <translation>%1 connecté sous le nom «&#xa0;%2&#xa0;» (%3).</translation>
    </message>
    <message>
        <source>Cancelled: no connection was made.</source>
        <translation>Annulé&#xa0;: aucune connexion n’a été créée.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ConnectRequest</name>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 doit être une chaîne de caractères</translation>
    </message>
    <message>
        <source>dark must be true or false</source>
        <translation>dark doit valoir true ou false</translation>
    </message>
    <message>
        <source>whitelist must be a list of connection type ids</source>
        <translation>whitelist doit être une liste d’identifiants de types de connexion</translation>
    </message>
    <message>
        <source>name is required and must not be empty</source>
        <translation>name est obligatoire et ne doit pas être vide</translation>
    </message>
    <message>
        <source>redirect_url is required</source>
        <translation>redirect_url est obligatoire</translation>
    </message>
    <message>
        <source>redirect_url must be an absolute http or https URL</source>
        <translation>redirect_url doit être une URL http ou https absolue</translation>
    </message>
    <message>
        <source>connection must be a connection id (a uuid)</source>
        <translation>connection doit être un identifiant de connexion (un UUID)</translation>
    </message>
</context>
<context>
    <name>ConnectSession</name>
    <message>
        <source>The connect page did not load within %1 seconds. Check your connection, then Retry.</source>
        <translation>La page de connexion ne s’est pas chargée en %1 secondes. Vérifiez votre connexion réseau, puis cliquez sur Réessayer.</translation>
    </message>
    <message>
        <source>The browser did not come back within %1 minutes. Start again when you are ready.</source>
        <translation>Le navigateur n’est pas revenu dans les %1 minutes. Recommencez quand vous serez prêt.</translation>
    </message>
    <message>
        <source>The connect page could not be loaded from %1. Check your connection, then Retry.</source>
        <translation>La page de connexion n’a pas pu être chargée depuis %1. Vérifiez votre connexion réseau, puis cliquez sur Réessayer.</translation>
    </message>
    <message>
        <source>The connect page finished, but the connection could not be confirmed. %1</source>
        <translation>La page de connexion s’est terminée, mais la connexion n’a pas pu être confirmée. %1</translation>
    </message>
    <message>
        <source>The connection “%1” was saved but is %2%3. Reconnect it to try again.</source>
        <translation>La connexion «&#xa0;%1&#xa0;» a été enregistrée, mais son état est %2%3. Reconnectez-la pour réessayer.</translation>
    </message>
    <message>
        <source>The connection to %1 is not secure: its certificate is not valid (%2). Connect Desktop does not continue to pages with invalid certificates. Check the profile&apos;s address, or ask your IT team whether something intercepts secure connections on this network.</source>
        <translation>La connexion à %1 n’est pas sécurisée&#xa0;: son certificat n’est pas valide (%2). Connect Desktop ne poursuit pas vers des pages dont le certificat n’est pas valide. Vérifiez l’adresse du profil, ou demandez à votre service informatique si quelque chose intercepte les connexions sécurisées sur ce réseau.</translation>
    </message>
    <message>
        <source>The connect page stopped working (its process ended). Reload to try again.</source>
        <translation>La page de connexion a cessé de fonctionner (son processus s’est arrêté). Rechargez-la pour réessayer.</translation>
    </message>
    <message>
        <source>continuing in the system browser with a fresh session</source>
        <translation>poursuite dans le navigateur du système avec une nouvelle session</translation>
    </message>
    <message>
        <source>the page finished; asking %1 what happened</source>
        <translation>la page a terminé ; %1 est interrogé sur ce qui s’est passé</translation>
    </message>
    <message>
        <source>more console lines were not kept</source>
        <translation>les lignes de console suivantes n’ont pas été conservées</translation>
    </message>
</context>
<context>
    <name>ConnectSessionTicket</name>
    <message>
        <source>The server did not return a usable address for the connect modal.</source>
        <translation>Le serveur n’a pas renvoyé d’adresse utilisable pour la page de connexion.</translation>
    </message>
</context>
<context>
    <name>ConnectWebPage</name>
    <message>
        <source>notifications</source>
        <translation>notifications</translation>
    </message>
    <message>
        <source>location</source>
        <translation>localisation</translation>
    </message>
    <message>
        <source>microphone</source>
        <translation>micro</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>caméra</translation>
    </message>
    <message>
        <source>camera and microphone</source>
        <translation>caméra et micro</translation>
    </message>
    <message>
        <source>mouse lock</source>
        <translation>verrouillage du pointeur</translation>
    </message>
    <message>
        <source>screen capture</source>
        <translation>capture d’écran</translation>
    </message>
    <message>
        <source>a permission</source>
        <translation>une autorisation</translation>
    </message>
    <message>
        <source>file system access</source>
        <translation>accès au système de fichiers</translation>
    </message>
    <message>
        <source>registering a protocol handler</source>
        <translation>enregistrement d’un gestionnaire de protocole</translation>
    </message>
    <message>
        <source>a download</source>
        <translation>un téléchargement</translation>
    </message>
    <message>
        <source>an invalid certificate (%1)</source>
        <translation>un certificat non valide (%1)</translation>
    </message>
    <message>
        <source>going to %1: %2</source>
        <translation>navigation vers %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>a popup that could not load</source>
        <translation>une fenêtre pop-up qui n’a pas pu se charger</translation>
    </message>
    <message>
        <source>a popup that showed no web page</source>
        <translation>une fenêtre pop-up sans page web</translation>
    </message>
    <message numerus="yes">
        <source>a popup (%n already open)</source>
        <translation>
            <numerusform>une popup (%n déjà ouverte)</numerusform>
            <numerusform>une popup (%n déjà ouvertes)</numerusform>
        </translation>
    </message>
    <message>
        <source>a popup whose page did not load</source>
        <translation>une popup dont la page ne s’est pas chargée</translation>
    </message>
    <message>
        <source>a file chooser</source>
        <translation>un sélecteur de fichiers</translation>
    </message>
</context>
<context>
    <name>ConnectWindow</name>
    <message>
        <source>Preparing the connect page…</source>
        <translation>Préparation de la page de connexion…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Progression du chargement</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <source>Show what went over the wire (secrets hidden)</source>
        <translation>Afficher ce qui a transité sur le réseau (secrets masqués)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Continue in &amp;browser</source>
        <translation>Continuer dans le &amp;navigateur</translation>
    </message>
    <message>
        <source>Sign in with your system browser instead, for providers that refuse sign-in inside apps</source>
        <translation>S’identifier plutôt dans le navigateur du système, pour les fournisseurs qui refusent l’identification dans les applications</translation>
    </message>
    <message>
        <source>Not secure: the certificate of %1 is not valid (%2) and was accepted because this profile allows it. Do not enter real credentials.</source>
        <translation>Non sécurisé&#xa0;: le certificat de %1 n’est pas valide (%2) et a été accepté parce que ce profil l’autorise. Ne saisissez pas de vrais identifiants.</translation>
    </message>
    <message>
        <source>No browser could be started. Cancel, then try again once a default browser is set.</source>
        <translation>Aucun navigateur n’a pu être lancé. Annulez, puis réessayez une fois qu’un navigateur par défaut est configuré.</translation>
    </message>
    <message>
        <source>Support setting: this profile can continue past invalid certificates.</source>
        <translation>Réglage de support&#xa0;: ce profil peut poursuivre malgré des certificats non valides.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>Reconnecter %1</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>Connecter %1</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Connecter un compte</translation>
    </message>
    <message>
        <source>Connection “%1”</source>
        <translation>Connexion «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>New connection “%1”</source>
        <translation>Nouvelle connexion «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>The sign-in page (%1) does not allow signing in inside apps. Continue in your browser to finish.</source>
        <translation>La page d’identification (%1) n’autorise pas l’identification dans les applications. Continuez dans votre navigateur pour terminer.</translation>
    </message>
    <message>
        <source>Asking %1 for a secure connect page.</source>
        <translation>Demande d’une page de connexion sécurisée à %1.</translation>
    </message>
    <message>
        <source>Loading the connect page…</source>
        <translation>Chargement de la page de connexion…</translation>
    </message>
    <message>
        <source>The page stopped working</source>
        <translation>La page a cessé de fonctionner</translation>
    </message>
    <message>
        <source>The connect page closed unexpectedly. Reload it to carry on where you were.</source>
        <translation>La page de connexion s’est fermée de manière inattendue. Rechargez-la pour reprendre là où vous en étiez.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>The connect page could not be shown</source>
        <translation>La page de connexion n’a pas pu être affichée</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Continue &amp;anyway (not secure)</source>
        <translation>Continuer &amp;quand même (non sécurisé)</translation>
    </message>
    <message>
        <source>Continue in your browser</source>
        <translation>Continuer dans votre navigateur</translation>
    </message>
    <message>
        <source>Finish signing in in the browser window that opened. This window carries on when you are done.</source>
        <translation>Terminez l’identification dans la fenêtre du navigateur qui s’est ouverte. Cette fenêtre prendra le relais une fois que vous aurez terminé.</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Vérification de la connexion…</translation>
    </message>
    <message>
        <source>Asking %1 whether the connection was made.</source>
        <translation>Demande à %1 si la connexion a bien été créée.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Page address</source>
        <translation>Adresse de la page</translation>
    </message>
    <message>
        <source>Message from the page</source>
        <translation>Message de la page</translation>
    </message>
    <message>
        <source>Secure connection · %1</source>
        <translation>Connexion sécurisée · %1</translation>
    </message>
    <message>
        <source>This computer · %1</source>
        <translation>Cet ordinateur · %1</translation>
    </message>
    <message>
        <source>Not secure · %1</source>
        <translation>Non sécurisé · %1</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>la plateforme</translation>
    </message>
    <message>
        <source>This is no longer %1&apos;s connect page: the page is now at %2. Enter credentials only if you trust it, or press Esc to stop.</source>
        <translation>Ce n’est plus la page de connexion de %1 : la page se trouve maintenant sur %2. Ne saisissez d’identifiants que si vous lui faites confiance, ou appuyez sur Échap pour arrêter.</translation>
    </message>
    <message>
        <source>Message from the page (%1): %2</source>
        <translation>Message de la page (%1) : %2</translation>
    </message>
    <message>
        <source>The page (%1) asked “%2”. Connect Desktop answered Cancel; connect pages do not need such questions.</source>
        <translation>La page (%1) a demandé « %2 ». Connect Desktop a répondu Annuler ; les pages de connexion n’ont pas besoin de telles questions.</translation>
    </message>
    <message>
        <source>The page (%1) asked you to type something (“%2”). Connect Desktop does not pass typed text to pages this way: type only into the page&apos;s own fields.</source>
        <translation>La page (%1) vous a demandé de saisir quelque chose (« %2 »). Connect Desktop ne transmet pas de texte aux pages de cette façon : ne tapez que dans les champs de la page elle-même.</translation>
    </message>
    <message>
        <source>&amp;Hide messages from the page</source>
        <translation>&amp;Masquer les messages de la page</translation>
    </message>
    <message>
        <source>The sign-in page (%1) does not allow signing in inside apps, and this sign-in cannot move to your browser. Close this window; ask your administrator whether the account can be connected another way.</source>
        <translation>La page d’identification (%1) n’autorise pas l’identification dans les applications, et cette identification ne peut pas passer dans votre navigateur. Fermez cette fenêtre&#xa0;; demandez à votre administrateur si le compte peut être connecté d’une autre manière.</translation>
    </message>
    <message>
        <source>%1 · through proxy %2</source>
        <translation>%1 · via le proxy %2</translation>
    </message>
    <message>
        <source>%1, through the proxy %2 (Settings, Network)</source>
        <translation>%1, via le proxy %2 (Paramètres, Réseau)</translation>
    </message>
</context>
<context>
    <name>ConnectionTypeModel</name>
    <message>
        <source>%1 (%2) · signs in with your %1 account</source>
        <translation>%1 (%2) · identification avec votre compte %1</translation>
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
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Intégration</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Date de création</translation>
    </message>
    <message>
        <source>Your connections</source>
        <translation>Vos connexions</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Sign in again to refresh this connection&apos;s credentials</source>
        <translation>S’identifier à nouveau pour renouveler les identifiants de cette connexion</translation>
    </message>
    <message>
        <source>Remove this connection from the organization</source>
        <translation>Supprimer cette connexion de l’organisation</translation>
    </message>
    <message>
        <source>Loading your connections…</source>
        <translation>Chargement de vos connexions…</translation>
    </message>
    <message>
        <source>No connections yet. Pick an integration to connect one.</source>
        <translation>Aucune connexion pour l’instant. Choisissez une intégration pour en connecter une.</translation>
    </message>
    <message>
        <source>Reco&amp;nnect</source>
        <translation>&amp;Reconnecter</translation>
    </message>
</context>
<context>
    <name>DeepLink</name>
    <message>
        <source>The link is too long.</source>
        <translation>Le lien est trop long.</translation>
    </message>
    <message>
        <source>This is not a Connect Desktop link (connectdesktop://connect?integration=…).</source>
        <translation>Ce n’est pas un lien Connect Desktop (connectdesktop://connect?integration=…).</translation>
    </message>
    <message>
        <source>The link asks for “%1”, which Connect Desktop does not do.</source>
        <translation>Le lien demande «&#xa0;%1&#xa0;», ce que Connect Desktop ne fait pas.</translation>
    </message>
    <message>
        <source>The link has parts a Connect Desktop link never has.</source>
        <translation>Le lien contient des éléments qu’un lien Connect Desktop n’a jamais.</translation>
    </message>
    <message>
        <source>The link carries “%1”, which Connect Desktop does not accept from links.</source>
        <translation>Le lien contient «&#xa0;%1&#xa0;», que Connect Desktop n’accepte pas depuis un lien.</translation>
    </message>
    <message>
        <source>The link must name exactly one integration.</source>
        <translation>Le lien doit indiquer exactement une intégration.</translation>
    </message>
    <message>
        <source>The link&apos;s integration is not a valid integration id.</source>
        <translation>L’intégration du lien n’est pas un identifiant d’intégration valide.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsBundle</name>
    <message>
        <source>The app&apos;s, Qt&apos;s and Chromium&apos;s versions, the operating system and the display.</source>
        <translation>Les versions de l’application, de Qt et de Chromium, le système d’exploitation et l’affichage.</translation>
    </message>
    <message>
        <source>The settings in effect: yours, the machine&apos;s defaults and what is locked, without any secret.</source>
        <translation>Les paramètres en vigueur&#xa0;: les vôtres, les valeurs par défaut de la machine et ce qui est verrouillé, sans aucun secret.</translation>
    </message>
    <message>
        <source>Your profiles: names, platforms and addresses, without keys or credentials.</source>
        <translation>Vos profils&#xa0;: noms, plateformes et adresses, sans clés ni identifiants.</translation>
    </message>
    <message>
        <source>What the doctor found on this machine (the web engine, keychain, network, proxies, certificates, clock).</source>
        <translation>Ce que la vérification (doctor) a constaté sur cette machine (moteur web, trousseau, réseau, proxys, certificats, horloge).</translation>
    </message>
    <message>
        <source>The last sessions: their results, timings and exchange logs (already redacted), with the integrations and connection names they involved.</source>
        <translation>Les dernières sessions&#xa0;: leurs résultats, leurs durées et leurs journaux des échanges (déjà expurgés), avec les intégrations et les noms de connexions concernés.</translation>
    </message>
    <message>
        <source>What the web engine refused or reported in those sessions (navigations, permissions, dialogs, console errors).</source>
        <translation>Ce que le moteur web a refusé ou signalé pendant ces sessions (navigations, autorisations, boîtes de dialogue, erreurs de console).</translation>
    </message>
    <message>
        <source>Nothing was refused or reported.</source>
        <translation>Rien n’a été refusé ni signalé.</translation>
    </message>
    <message>
        <source>Could not create %1 (%2).</source>
        <translation>Impossible de créer %1 (%2).</translation>
    </message>
    <message>
        <source>Could not add %1 to the bundle (%2).</source>
        <translation>Impossible d’ajouter %1 à l’archive (%2).</translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>Impossible d’écrire %1 (%2).</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>Could not open %1 as a zip file.</source>
        <translation>Impossible d’ouvrir %1 comme fichier zip.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCommand</name>
    <message>
        <source>Running the doctor…</source>
        <translation>Vérification de la machine (doctor)…</translation>
    </message>
    <message>
        <source>Saved %1 with:</source>
        <translation>Archive %1 enregistrée avec&#xa0;:</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Parties exclues&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>System and versions</source>
        <translation>Système et versions</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>Doctor&apos;s findings</source>
        <translation>Constats de la vérification (doctor)</translation>
    </message>
    <message>
        <source>Sessions and exchange logs</source>
        <translation>Sessions et journaux des échanges</translation>
    </message>
    <message>
        <source>Web engine refusals and console</source>
        <translation>Refus du moteur web et console</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Save Diagnostics</source>
        <translation>Enregistrer un diagnostic</translation>
    </message>
    <message>
        <source>A diagnostics bundle helps support see what happened on this computer. It never holds keys, tokens or passwords. Choose what goes in; the text on the right is exactly what each part holds.</source>
        <translation>Une archive de diagnostic aide le support à comprendre ce qui s’est passé sur cet ordinateur. Elle ne contient jamais de clés, de jetons ni de mots de passe. Choisissez ce qu’elle contient&#xa0;; le texte de droite montre exactement le contenu de chaque partie.</translation>
    </message>
    <message>
        <source>Parts of the bundle</source>
        <translation>Parties de l’archive</translation>
    </message>
    <message>
        <source>Space ticks or clears a part</source>
        <translation>La touche Espace coche ou décoche une partie</translation>
    </message>
    <message>
        <source>&amp;Include:</source>
        <translation>&amp;Inclure&#xa0;:</translation>
    </message>
    <message>
        <source>Every kept session</source>
        <translation>Toutes les sessions conservées</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>La dernière heure</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>Les 24 dernières heures</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>Les 7 derniers jours</translation>
    </message>
    <message>
        <source>What the chosen part holds</source>
        <translation>Contenu de la partie choisie</translation>
    </message>
    <message>
        <source>&amp;Preview:</source>
        <translation>A&amp;perçu&#xa0;:</translation>
    </message>
    <message>
        <source>Running the doctor…</source>
        <translation>Vérification de la machine…</translation>
    </message>
    <message>
        <source>Sessions &amp;from:</source>
        <translation>Période des &amp;sessions&#xa0;:</translation>
    </message>
    <message>
        <source>The doctor found no problem.</source>
        <translation>La vérification n’a trouvé aucun problème.</translation>
    </message>
    <message numerus="yes">
        <source>The doctor found %n problem(s); they are in the bundle.</source>
        <translation>
            <numerusform>La vérification a trouvé %n problème&#xa0;; il figure dans l’archive.</numerusform>
            <numerusform>La vérification a trouvé %n problèmes&#xa0;; ils figurent dans l’archive.</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: this part will not be in the bundle.</source>
        <translation>Exclue&#xa0;: cette partie ne figurera pas dans l’archive.</translation>
    </message>
    <message>
        <source>The doctor is still running…</source>
        <translation>La vérification est toujours en cours…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Archive enregistrée dans %1.</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Fichiers zip (*.zip)</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>no proxy</source>
        <translation>aucun proxy</translation>
    </message>
    <message>
        <source>no proxy (%1 is in no_proxy)</source>
        <translation>aucun proxy (%1 figure dans no_proxy)</translation>
    </message>
    <message>
        <source>Some checks did not finish within %1 seconds.</source>
        <translation>Certaines vérifications ne se sont pas terminées dans le délai de %1 secondes.</translation>
    </message>
    <message>
        <source>Run the doctor again; if it stays so, the network or the web engine is stuck (see the lines above).</source>
        <translation>Relancez la vérification&#xa0;; si le problème persiste, le réseau ou le moteur web est bloqué (voir les lignes ci-dessus).</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>paramètres</translation>
    </message>
    <message>
        <source>data (history, web profiles)</source>
        <translation>données (historique, profils web)</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>cache</translation>
    </message>
    <message>
        <source>The app&apos;s folders are writable.</source>
        <translation>Les dossiers de l’application sont accessibles en écriture.</translation>
    </message>
    <message>
        <source>These folders cannot be written: %1.</source>
        <translation>Ces dossiers ne sont pas accessibles en écriture&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Give your user write access to them, or free some disk space.</source>
        <translation>Donnez à votre utilisateur l’accès en écriture à ces dossiers, ou libérez de l’espace disque.</translation>
    </message>
    <message>
        <source>No display (%1): windows are not shown; check, doctor and diagnostics work.</source>
        <translation>Aucun affichage (%1)&#xa0;: les fenêtres ne s’affichent pas&#xa0;; check, doctor et diagnostics fonctionnent.</translation>
    </message>
    <message>
        <source>Display: %1, web content drawn without the GPU.</source>
        <translation>Affichage&#xa0;: %1, contenu web rendu sans le GPU.</translation>
    </message>
    <message>
        <source>Display: %1.</source>
        <translation>Affichage&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The web engine started but could not show a page.</source>
        <translation>Le moteur web a démarré, mais n’a pas pu afficher de page.</translation>
    </message>
    <message>
        <source>Run the app from a terminal and read what QtWebEngineProcess prints; check that the qt6-webengine packages are complete.</source>
        <translation>Lancez l’application depuis un terminal et lisez ce qu’affiche QtWebEngineProcess&#xa0;; vérifiez que les paquets qt6-webengine sont complets.</translation>
    </message>
    <message>
        <source>The web engine runs pages (Qt WebEngine %1, Chromium %2; %3 ms).</source>
        <translation>Le moteur web exécute les pages (Qt WebEngine %1, Chromium %2&#xa0;; %3 ms).</translation>
    </message>
    <message>
        <source>The web engine shows pages but does not run their scripts.</source>
        <translation>Le moteur web affiche les pages, mais n’exécute pas leurs scripts.</translation>
    </message>
    <message>
        <source>Its sandbox is off because the app runs as root.</source>
        <translation>Sa sandbox est désactivée, car l’application s’exécute en tant que root.</translation>
    </message>
    <message>
        <source>Its sandbox is off (QTWEBENGINE_DISABLE_SANDBOX).</source>
        <translation>Sa sandbox est désactivée (QTWEBENGINE_DISABLE_SANDBOX).</translation>
    </message>
    <message>
        <source>Run the app as an ordinary user, so that web pages run in Chromium&apos;s sandbox.</source>
        <translation>Lancez l’application en tant qu’utilisateur ordinaire, pour que les pages web s’exécutent dans la sandbox de Chromium.</translation>
    </message>
    <message>
        <source>Unset QTWEBENGINE_DISABLE_SANDBOX unless this machine cannot run the sandbox.</source>
        <translation>Supprimez QTWEBENGINE_DISABLE_SANDBOX, sauf si cette machine ne peut pas exécuter la sandbox.</translation>
    </message>
    <message>
        <source>The OS keychain answers (this profile needs no secret).</source>
        <translation>Le trousseau du système répond (ce profil n’a besoin d’aucun secret).</translation>
    </message>
    <message>
        <source>The profile&apos;s secret is in the OS keychain.</source>
        <translation>Le secret du profil se trouve dans le trousseau du système.</translation>
    </message>
    <message>
        <source>The profile&apos;s secret comes from %1 (none is in the keychain).</source>
        <translation>Le secret du profil provient de %1 (il n’y en a aucun dans le trousseau).</translation>
    </message>
    <message>
        <source>The profile “%1” has no secret in the keychain.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» n’a aucun secret dans le trousseau.</translation>
    </message>
    <message>
        <source>Add it in Settings, Profiles, Edit.</source>
        <translation>Ajoutez-le dans Paramètres, Profils, Modifier.</translation>
    </message>
    <message>
        <source>Add it in Settings, Profiles, Edit, or set %1.</source>
        <translation>Ajoutez-le dans Paramètres, Profils, Modifier, ou définissez %1.</translation>
    </message>
    <message>
        <source>The OS keychain cannot be reached.</source>
        <translation>Le trousseau du système est inaccessible.</translation>
    </message>
    <message>
        <source>The profile “%1” cannot be opened.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>%1 is reached without encryption (http).</source>
        <translation>La connexion à %1 n’est pas chiffrée (http).</translation>
    </message>
    <message>
        <source>Use an https:// address for anything beyond this computer.</source>
        <translation>Utilisez une adresse https:// pour tout serveur autre que cet ordinateur.</translation>
    </message>
    <message>
        <source>%1 accepts the credential: %2 (%3 ms).</source>
        <translation>%1 accepte les identifiants&#xa0;: %2 (%3 ms).</translation>
    </message>
    <message>
        <source>%1 did not accept the request.</source>
        <translation>%1 n’a pas accepté la requête.</translation>
    </message>
    <message>
        <source>The name %1 does not resolve (%2).</source>
        <translation>Le nom %1 ne peut pas être résolu (%2).</translation>
    </message>
    <message>
        <source>Check the profile&apos;s address, your network connection, and your DNS or VPN.</source>
        <translation>Vérifiez l’adresse du profil, votre connexion réseau, ainsi que votre DNS ou votre VPN.</translation>
    </message>
    <message>
        <source>%1 does not answer through the proxy (%2).</source>
        <translation>%1 ne répond pas via le proxy (%2).</translation>
    </message>
    <message>
        <source>%1 resolves but does not answer (%2).</source>
        <translation>%1 est résolu, mais ne répond pas (%2).</translation>
    </message>
    <message>
        <source>Check that the address and port are right, and whether a firewall or proxy is in the way.</source>
        <translation>Vérifiez que l’adresse et le port sont corrects, et qu’aucun pare-feu ni proxy ne fait obstacle.</translation>
    </message>
    <message>
        <source>%1 resolves and answers (HTTP %2; %3 ms to resolve, %4 ms round trip).</source>
        <translation>%1 est résolu et répond (HTTP %2&#xa0;; résolution en %3 ms, aller-retour en %4 ms).</translation>
    </message>
    <message>
        <source>%1&apos;s certificate verifies for the API.</source>
        <translation>Le certificat de %1 est validé pour l’API.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate does not verify for the API: %2</source>
        <translation>Le certificat de %1 n’est pas validé pour l’API&#xa0;: %2</translation>
    </message>
    <message>
        <source>If your network inspects secure connections, ask IT for its certificate authority and add it to the system&apos;s trusted certificates.</source>
        <translation>Si votre réseau inspecte les connexions sécurisées, demandez son autorité de certification à votre service informatique et ajoutez-la aux certificats de confiance du système.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 seconds off %2&apos;s.</source>
        <translation>L’horloge de cet ordinateur présente un écart de %1 secondes avec celle de %2.</translation>
    </message>
    <message>
        <source>Set the clock automatically (NTP): tokens and sessions expire, and a wrong clock makes them look expired.</source>
        <translation>Réglez l’horloge automatiquement (NTP)&#xa0;: les jetons et les sessions expirent, et une horloge erronée les fait paraître expirés.</translation>
    </message>
    <message>
        <source>The clock agrees with %1&apos;s (within %2 s).</source>
        <translation>L’horloge concorde avec celle de %1 (à %2 s près).</translation>
    </message>
    <message>
        <source>%1 did not say its time; the clock was not compared.</source>
        <translation>%1 n’a pas indiqué son heure&#xa0;; l’horloge n’a pas été comparée.</translation>
    </message>
    <message>
        <source>The web engine could not reach %1, so its certificate was not checked there.</source>
        <translation>Le moteur web n’a pas pu joindre %1&#xa0;: son certificat n’a donc pas été vérifié par le moteur web.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate verifies for the web engine.</source>
        <translation>Le certificat de %1 est validé par le moteur web.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate does not verify for the web engine: %2</source>
        <translation>Le certificat de %1 n’est pas validé par le moteur web&#xa0;: %2</translation>
    </message>
    <message>
        <source>The web engine trusts the system&apos;s NSS store: if your network inspects secure connections, ask IT to add its certificate authority there.</source>
        <translation>Le moteur web se fie au magasin NSS du système&#xa0;: si votre réseau inspecte les connexions sécurisées, demandez à votre service informatique d’y ajouter son autorité de certification.</translation>
    </message>
    <message>
        <source>Both network stacks use %1 for %2.</source>
        <translation>Les deux piles réseau utilisent %1 pour %2.</translation>
    </message>
    <message>
        <source>The two network stacks differ for %1: the API client uses %2, the web engine %3.</source>
        <translation>Les deux piles réseau diffèrent pour %1&#xa0;: le client de l’API utilise %2, le moteur web %3.</translation>
    </message>
    <message>
        <source>Requests and pages would take different routes: set the proxy the same way for both (the environment&apos;s http_proxy/https_proxy, or none).</source>
        <translation>Les requêtes et les pages emprunteraient des chemins différents&#xa0;: configurez le proxy de la même façon pour les deux (http_proxy/https_proxy de l’environnement, ou aucun).</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>PROBLÈME</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>À faire&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>DoctorCommand</name>
    <message>
        <source>Checking the profile “%1”…</source>
        <translation>Vérification du profil «&#xa0;%1&#xa0;»…</translation>
    </message>
</context>
<context>
    <name>ExchangeLog</name>
    <message>
        <source>… (%1 characters in all)</source>
        <translation>… (%1 caractères en tout)</translation>
    </message>
    <message>
        <source>no more entries are recorded for this session (%1 already)</source>
        <translation>plus aucune entrée n’est enregistrée pour cette session (déjà %1)</translation>
    </message>
</context>
<context>
    <name>ExchangeLogView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Échanges</translation>
    </message>
    <message>
        <source>Copy every exchange as text (secrets are already hidden)</source>
        <translation>Copier tous les échanges sous forme de texte (les secrets sont déjà masqués)</translation>
    </message>
    <message>
        <source>web %1</source>
        <translation>web %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No exchanges yet</source>
        <translation>Aucun échange pour l’instant</translation>
    </message>
    <message>
        <source>Exchanges: %1</source>
        <translation>Échanges&#xa0;: %1</translation>
    </message>
    <message>
        <source>No exchanges were recorded</source>
        <translation>Aucun échange n’a été enregistré</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 est obligatoire.</translation>
    </message>
    <message>
        <source>%1 must be on or off.</source>
        <translation>%1 doit être activé ou désactivé.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 doit être un nombre.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 doit être compris entre %2 et %3.</translation>
    </message>
    <message>
        <source>%1 must be one of the listed choices.</source>
        <translation>%1 doit être l’un des choix proposés.</translation>
    </message>
    <message>
        <source>%1 must be an email address.</source>
        <translation>%1 doit être une adresse e-mail.</translation>
    </message>
    <message>
        <source>%1 must be a web address (https://…).</source>
        <translation>%1 doit être une adresse web (https://…).</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 doit être du texte.</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message numerus="yes">
        <source>Forgot %n session(s).</source>
        <translation>
            <numerusform>%n session effacée.</numerusform>
            <numerusform>%n sessions effacées.</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions are kept yet.</source>
        <translation>Aucune session n’est encore conservée.</translation>
    </message>
    <message>
        <source>No kept session matches.</source>
        <translation>Aucune session conservée ne correspond.</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Intégration</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Connection or reason</source>
        <translation>Connexion ou motif</translation>
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
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Copy &amp;Session</source>
        <translation>Copier la &amp;session</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;Integration:</source>
        <translation>&amp;Intégration&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>&amp;Résultat&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil&#xa0;:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Intégration</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Connection or reason</source>
        <translation>Connexion ou motif</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Sessions passées</translation>
    </message>
    <message>
        <source>The chosen session</source>
        <translation>La session choisie</translation>
    </message>
    <message>
        <source>Copy the chosen session&apos;s result and exchanges as text (secrets were never kept)</source>
        <translation>Copier le résultat et les échanges de la session choisie sous forme de texte (les secrets n’ont jamais été conservés)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>No sessions are kept yet. Each session you run from now on is listed here with its result and exchanges.</source>
        <translation>Aucune session n’est encore conservée. Chaque session que vous lancerez désormais figurera ici avec son résultat et ses échanges.</translation>
    </message>
    <message>
        <source>No kept session matches these filters.</source>
        <translation>Aucune session conservée ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>%1 on %2 (%3): %4</source>
        <translation>%1 sur %2 (%3)&#xa0;: %4</translation>
    </message>
    <message>
        <source>Connection “%1” (%2), id %3</source>
        <translation>Connexion «&#xa0;%1&#xa0;» (%2), identifiant %3</translation>
    </message>
    <message>
        <source>%1 %2 ms</source>
        <translation>%1 %2 ms</translation>
    </message>
    <message>
        <source>Timings: %1</source>
        <translation>Durées&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>IntegrationChooser</name>
    <message>
        <source>Choose an integration</source>
        <translation>Choisir une intégration</translation>
    </message>
    <message>
        <source>Which account do you want to connect to %1?</source>
        <translation>Quel compte voulez-vous connecter à %1&#xa0;?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>IntegrationPicker</name>
    <message>
        <source>Search integrations</source>
        <translation>Rechercher des intégrations</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Intégrations</translation>
    </message>
    <message>
        <source>Loading integrations…</source>
        <translation>Chargement des intégrations…</translation>
    </message>
    <message>
        <source>This backend offers no integrations.</source>
        <translation>Ce backend ne propose aucune intégration.</translation>
    </message>
    <message>
        <source>No integration matches “%1”.</source>
        <translation>Aucune intégration ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Showing 0 of %1</source>
        <translation>Affichage de 0 sur %1</translation>
    </message>
    <message>
        <source>Integrations: %1</source>
        <translation>Intégrations&#xa0;: %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>Affichage de %1 sur %2</translation>
    </message>
</context>
<context>
    <name>JsonEnvelope</name>
    <message>
        <source>The server&apos;s reply is not valid JSON (%1 at byte %2).</source>
        <translation>La réponse du serveur n’est pas un JSON valide (%1 à l’octet %2).</translation>
    </message>
    <message>
        <source>The server&apos;s reply has no &quot;data&quot; field.</source>
        <translation>La réponse du serveur n’a pas de champ «&#xa0;data&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>the key is not an RSA key</source>
        <translation>la clé n’est pas une clé RSA</translation>
    </message>
    <message>
        <source>not a JWT (three dot-separated parts)</source>
        <translation>ce n’est pas un JWT (trois parties séparées par des points)</translation>
    </message>
    <message>
        <source>not signed with RS256</source>
        <translation>non signé avec RS256</translation>
    </message>
    <message>
        <source>the signature does not match the key</source>
        <translation>la signature ne correspond pas à la clé</translation>
    </message>
    <message>
        <source>the payload is not a JSON object</source>
        <translation>la charge utile n’est pas un objet JSON</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
</context>
<context>
    <name>KeychainAccess</name>
    <message>
        <source>The system keychain could not be used (%1). Set the %2 environment variable instead.</source>
        <translation>Le trousseau du système n’a pas pu être utilisé (%1). Définissez plutôt la variable d’environnement %2.</translation>
    </message>
</context>
<context>
    <name>LogoCheck</name>
    <message>
        <source>The logo file is empty. Choose an SVG file.</source>
        <translation>Le fichier du logo est vide. Choisissez un fichier SVG.</translation>
    </message>
    <message>
        <source>The logo is larger than %1 KiB. Simplify it or export a smaller SVG.</source>
        <translation>Le logo dépasse %1 Kio. Simplifiez-le ou exportez un SVG plus petit.</translation>
    </message>
    <message>
        <source>The logo declares a DOCTYPE or entities; export it as plain SVG.</source>
        <translation>Le logo déclare un DOCTYPE ou des entités&#xa0;; exportez-le en SVG simple.</translation>
    </message>
    <message>
        <source>The logo refers to files or addresses outside itself; embed them or remove them.</source>
        <translation>Le logo fait référence à des fichiers ou des adresses externes&#xa0;; intégrez-les ou supprimez-les.</translation>
    </message>
    <message>
        <source>This is not an SVG image. Choose an .svg file.</source>
        <translation>Ce n’est pas une image SVG. Choisissez un fichier .svg.</translation>
    </message>
    <message>
        <source>The logo contains scripts or embedded web content, which are not allowed. Export it as plain SVG.</source>
        <translation>Le logo contient des scripts ou du contenu web intégré, ce qui n’est pas autorisé. Exportez-le en SVG simple.</translation>
    </message>
    <message>
        <source>The logo is not a well-formed SVG file (%1).</source>
        <translation>Le logo n’est pas un fichier SVG bien formé (%1).</translation>
    </message>
    <message>
        <source>no &lt;svg&gt; element</source>
        <translation>aucun élément &lt;svg&gt;</translation>
    </message>
    <message>
        <source>The logo cannot be drawn. Open it in an SVG editor and export it again.</source>
        <translation>Le logo ne peut pas être affiché. Ouvrez-le dans un éditeur SVG et exportez-le à nouveau.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>MachineSettings</name>
    <message>
        <source>“%1” is not a setting Connect Desktop knows; it is ignored.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un réglage connu de Connect Desktop&#xa0;; il est ignoré.</translation>
    </message>
    <message>
        <source>the theme must be system, light or dark.</source>
        <translation>le thème doit être system, light ou dark.</translation>
    </message>
    <message>
        <source>the kind must be polytomic, proxy or sandbox.</source>
        <translation>le type doit être polytomic, proxy ou sandbox.</translation>
    </message>
    <message>
        <source>unknown API version; known: %1.</source>
        <translation>version d’API inconnue&#xa0;; versions connues&#xa0;: %1.</translation>
    </message>
    <message>
        <source>the language must be a code such as de or fr_CA.</source>
        <translation>la langue doit être un code comme de ou fr_CA.</translation>
    </message>
    <message>
        <source>your organisation</source>
        <translation>votre organisation</translation>
    </message>
    <message>
        <source>Company backend</source>
        <translation>Backend de l’entreprise</translation>
    </message>
    <message>
        <source>the access must be direct, backend or sandbox.</source>
        <translation>l&apos;accès doit être direct, backend ou sandbox.</translation>
    </message>
    <message>
        <source>the base URL must be a web address such as %1.</source>
        <translation>l’URL de base doit être une adresse web, par exemple %1.</translation>
    </message>
    <message>
        <source>the platform must be one of: %1.</source>
        <translation>la plateforme doit être l’une des suivantes&#xa0;: %1.</translation>
    </message>
    <message>
        <source>the address must be a web address such as %1.</source>
        <translation>l’adresse doit être une adresse web comme %1.</translation>
    </message>
    <message>
        <source>the project ID may hold only letters, digits and hyphens.</source>
        <translation>l’ID du projet ne peut contenir que des lettres, des chiffres et des traits d’union.</translation>
    </message>
    <message>
        <source>the proxy must be system, none or manual.</source>
        <translation>le proxy doit être system, none ou manual.</translation>
    </message>
    <message>
        <source>the proxy address is not usable: %1</source>
        <translation>l’adresse du proxy n’est pas utilisable&#xa0;: %1</translation>
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
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Reload integrations and connections (%1)</source>
        <translation>Recharger les intégrations et les connexions (%1)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Find Integration</source>
        <translation>&amp;Rechercher une intégration</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil&#xa0;:</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>A local test server: nothing here touches a real account</source>
        <translation>Un serveur de test local&#xa0;: rien ici n’affecte un compte réel</translation>
    </message>
    <message>
        <source>Connect an &amp;integration</source>
        <translation>Connecter une &amp;intégration</translation>
    </message>
    <message>
        <source>Your &amp;connections</source>
        <translation>Vos &amp;connexions</translation>
    </message>
    <message>
        <source>Sandbox: a test server on this computer. Nothing you connect here reaches a real account.</source>
        <translation>Sandbox&#xa0;: un serveur de test sur cet ordinateur. Rien de ce que vous connectez ici n’atteint un compte réel.</translation>
    </message>
    <message>
        <source>%1 — Connect Desktop</source>
        <translation>%1 — Connect Desktop</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>“%1” could not be opened. %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas pu être ouvert. %2</translation>
    </message>
    <message>
        <source>Open &amp;Settings</source>
        <translation>&amp;Ouvrir les paramètres</translation>
    </message>
    <message>
        <source>Try &amp;Again</source>
        <translation>Réess&amp;ayer</translation>
    </message>
    <message>
        <source>Integrations appear once the profile opens.</source>
        <translation>Les intégrations s’affichent une fois le profil ouvert.</translation>
    </message>
    <message>
        <source>Connections appear once the profile opens.</source>
        <translation>Les connexions s’affichent une fois le profil ouvert.</translation>
    </message>
    <message>
        <source>None of the allowed integrations (%1) is offered by %2. Check the allowed integrations in the settings, or switch profile.</source>
        <translation>Aucune des intégrations autorisées (%1) n’est proposée par le backend actuel (%2). Vérifiez les intégrations autorisées dans les paramètres, ou changez de profil.</translation>
    </message>
    <message>
        <source>A link asked to connect “%1”. Finish or close the current connection first, then open the link again.</source>
        <translation>Un lien demande de connecter «&#xa0;%1&#xa0;». Terminez ou fermez d’abord la connexion en cours, puis ouvrez à nouveau le lien.</translation>
    </message>
    <message>
        <source>A link asked to connect “%1”, which is not among the integrations you can connect here.</source>
        <translation>Un lien demande de connecter «&#xa0;%1&#xa0;», qui ne fait pas partie des intégrations que vous pouvez connecter ici.</translation>
    </message>
    <message>
        <source>Checking the names of your connections…</source>
        <translation>Vérification des noms de vos connexions…</translation>
    </message>
    <message>
        <source>Connected %1 as “%2”.</source>
        <translation>%1 connecté sous le nom «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Connected %1 as “%2” (%3).</source>
        <translation>%1 connecté sous le nom «&#xa0;%2&#xa0;» (%3).</translation>
    </message>
    <message>
        <source>Cancelled: %1 was not connected.</source>
        <translation>Annulé&#xa0;: %1 n’a pas été connecté.</translation>
    </message>
    <message>
        <source>%1 was not connected (%2).</source>
        <translation>%1 n’a pas été connecté (%2).</translation>
    </message>
    <message>
        <source>%1 was not connected. %2</source>
        <translation>%1 n’a pas été connecté. %2</translation>
    </message>
    <message>
        <source>Try Again as “%1”</source>
        <translation>Réessayer avec le nom «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>Supprimer la connexion «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Anything that uses it stops working. This cannot be undone.</source>
        <translation>Tout ce qui l’utilise cessera de fonctionner. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Removing “%1”…</source>
        <translation>Suppression de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>“%1” could not be removed. %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas pu être supprimée. %2</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>«&#xa0;%1&#xa0;» a été supprimée.</translation>
    </message>
    <message>
        <source>The integrations could not be refreshed: %1</source>
        <translation>Les intégrations n’ont pas pu être actualisées : %1</translation>
    </message>
    <message>
        <source>Diagnostics saved to %1</source>
        <translation>Diagnostic enregistré dans %1</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>The last sessions: their results and exchanges</source>
        <translation>Les dernières sessions&#xa0;: leurs résultats et leurs échanges</translation>
    </message>
    <message>
        <source>Save &amp;Diagnostics…</source>
        <translation>Enregistrer un &amp;diagnostic…</translation>
    </message>
    <message>
        <source>Save a bundle for support: versions, settings and sessions, without secrets</source>
        <translation>Enregistrer une archive pour le support&#xa0;: versions, paramètres et sessions, sans secrets</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
</context>
<context>
    <name>MessagePage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>Réess&amp;ayer</translation>
    </message>
</context>
<context>
    <name>ModalHost</name>
    <message>
        <source>Connect page</source>
        <translation>Page de connexion</translation>
    </message>
    <message>
        <source>a message box (alert), not shown: “%1”</source>
        <translation>une boîte de message (alert), non affichée : « %1 »</translation>
    </message>
    <message>
        <source>a question (confirm), answered Cancel: “%1”</source>
        <translation>une question (confirm), réponse Annuler : « %1 »</translation>
    </message>
    <message>
        <source>a text prompt (prompt), answered with nothing: “%1”</source>
        <translation>une saisie de texte (prompt), sans réponse : « %1 »</translation>
    </message>
    <message>
        <source>a request to stay on the page (beforeunload), answered Leave</source>
        <translation>une demande de rester sur la page (beforeunload), réponse Quitter</translation>
    </message>
</context>
<context>
    <name>NavigationPolicy</name>
    <message>
        <source>the address is not valid</source>
        <translation>l’adresse n’est pas valide</translation>
    </message>
    <message>
        <source>about: pages other than about:blank are not allowed</source>
        <translation>les pages about: autres que about:blank ne sont pas autorisées</translation>
    </message>
    <message>
        <source>%1: addresses are not allowed; only web pages (https) are</source>
        <translation>les adresses %1: ne sont pas autorisées&#xa0;; seules les pages web (https) le sont</translation>
    </message>
    <message>
        <source>the address has no host</source>
        <translation>l’adresse n’a pas d’hôte</translation>
    </message>
    <message>
        <source>addresses with a user name or password are not allowed</source>
        <translation>les adresses contenant un nom d’utilisateur ou un mot de passe ne sont pas autorisées</translation>
    </message>
    <message>
        <source>plain http is allowed only to this computer; %1 must use https</source>
        <translation>le http non chiffré n’est autorisé que vers cet ordinateur&#xa0;; %1 doit utiliser https</translation>
    </message>
    <message>
        <source>only the session&apos;s own redirect may reach the app&apos;s port</source>
        <translation>seule la redirection propre à la session peut atteindre le port de l’application</translation>
    </message>
</context>
<context>
    <name>PageFileDialog</name>
    <message>
        <source>Files the page accepts (%1)</source>
        <translation>Fichiers acceptés par la page (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose a File for the Page</source>
        <translation>Choisir un fichier pour la page</translation>
    </message>
</context>
<context>
    <name>ParagonAttempt</name>
    <message>
        <source>Paragon&apos;s portal connects one integration at a time: choose one.</source>
        <translation>Le portail de Paragon connecte une seule intégration à la fois&#xa0;: choisissez-en une.</translation>
    </message>
    <message numerus="yes">
        <source>Paragon&apos;s portal connects one integration at a time, and %n were asked for: choose one.</source>
        <translation>
            <numerusform>Le portail de Paragon connecte une seule intégration à la fois, et %n a été demandée&#xa0;: choisissez-en une.</numerusform>
            <numerusform>Le portail de Paragon connecte une seule intégration à la fois, et %n ont été demandées&#xa0;: choisissez-en une.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paragon&apos;s project has no active integration “%1”.</source>
        <translation>Le projet Paragon n’a pas d’intégration active «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Could not open a local port for Paragon&apos;s portal page (%1).</source>
        <translation>Impossible d’ouvrir un port local pour la page du portail de Paragon (%1).</translation>
    </message>
    <message>
        <source>Paragon Connect Portal</source>
        <translation>Paragon Connect Portal</translation>
    </message>
    <message>
        <source>Paragon connected an account (credential %1)</source>
        <translation>Paragon a connecté un compte (identifiants %1)</translation>
    </message>
    <message>
        <source>The sign-in window could not open. Try again; if it keeps happening, ask your IT team whether pop-ups are blocked for Connect Desktop.</source>
        <translation>La fenêtre d’identification n’a pas pu s’ouvrir. Réessayez&#xa0;; si le problème persiste, demandez à votre service informatique si les fenêtres pop-up sont bloquées pour Connect Desktop.</translation>
    </message>
    <message numerus="yes">
        <source>The sign-in window did not finish in %n minutes. Connect again when you are ready to sign in.</source>
        <translation>
            <numerusform>L’identification dans la fenêtre n’a pas abouti en %n minute. Relancez la connexion quand vous serez prêt à vous identifier.</numerusform>
            <numerusform>L’identification dans la fenêtre n’a pas abouti en %n minutes. Relancez la connexion quand vous serez prêt à vous identifier.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paragon did not accept the user token (%1). Check the profile&apos;s project id and token URL or signing key.</source>
        <translation>Paragon n’a pas accepté le jeton d’utilisateur (%1). Vérifiez l’ID du projet du profil ainsi que l’URL du jeton ou la clé de signature.</translation>
    </message>
    <message>
        <source>Paragon&apos;s portal reported a problem: %1</source>
        <translation>Le portail de Paragon a signalé un problème&#xa0;: %1</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>aucun détail</translation>
    </message>
    <message>
        <source>Paragon&apos;s portal said the account was connected, but Paragon does not list it for this user. Connect again; if it keeps happening, contact the platform&apos;s support.</source>
        <translation>Le portail de Paragon a indiqué que le compte était connecté, mais Paragon ne le répertorie pas pour cet utilisateur. Connectez-le à nouveau&#xa0;; si le problème persiste, contactez le support de la plateforme.</translation>
    </message>
</context>
<context>
    <name>ParagonHttp</name>
    <message>
        <source>Paragon refused the user token.</source>
        <translation>Paragon a refusé le jeton d’utilisateur.</translation>
    </message>
    <message>
        <source>The answer from %1 is not JSON (%2). Check the profile&apos;s addresses.</source>
        <translation>La réponse de %1 n’est pas du JSON (%2). Vérifiez les adresses du profil.</translation>
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
        <translation>L’identification du compte n’est plus valide&#xa0;: reconnectez-le.</translation>
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
        <translation>Paragon a refusé le jeton d’utilisateur pour le projet %1. Vérifiez l’ID du projet du profil et la provenance de ses jetons (l’URL du jeton ou la clé de signature).</translation>
    </message>
    <message>
        <source>Paragon&apos;s list of integrations could not be read (not a list). Check the profile&apos;s service addresses.</source>
        <translation>Impossible de lire la liste des intégrations de Paragon (ce n’est pas une liste). Vérifiez les adresses des services du profil.</translation>
    </message>
    <message>
        <source>Paragon&apos;s user state could not be read (not an object). Check the profile&apos;s service addresses.</source>
        <translation>Impossible de lire l’état de l’utilisateur chez Paragon (ce n’est pas un objet). Vérifiez les adresses des services du profil.</translation>
    </message>
    <message>
        <source>This account is not in the list Paragon gave last. Refresh the list, then try again.</source>
        <translation>Ce compte ne figure pas dans la dernière liste fournie par Paragon. Actualisez la liste, puis réessayez.</translation>
    </message>
    <message numerus="yes">
        <source>project %1, a user with %n integration(s) connected</source>
        <translation>
            <numerusform>projet %1, un utilisateur avec %n intégration connectée</numerusform>
            <numerusform>projet %1, un utilisateur avec %n intégrations connectées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParagonSandbox</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 for any.</source>
        <translation>Impossible d’écouter sur 127.0.0.1:%1 (%2). Choisissez un autre port avec --port, ou 0 pour n’importe lequel.</translation>
    </message>
    <message>
        <source>Sync your %1 data (sandbox stand-in; nothing leaves this computer).</source>
        <translation>Synchronisez vos données %1 (substitut fourni par la sandbox&#xa0;; rien ne quitte cet ordinateur).</translation>
    </message>
    <message>
        <source>Connect your %1 account.</source>
        <translation>Connectez votre compte %1.</translation>
    </message>
    <message>
        <source>No project %1 in this sandbox; its project is %2.</source>
        <translation>Aucun projet %1 dans cette sandbox&#xa0;; son projet est %2.</translation>
    </message>
    <message>
        <source>No such credential</source>
        <translation>Identifiants introuvables</translation>
    </message>
    <message>
        <source>Unknown integrationId</source>
        <translation>integrationId inconnu</translation>
    </message>
    <message>
        <source>The sandbox refused to start the sign-in (a fault option).</source>
        <translation>La sandbox a refusé de démarrer l’identification (une option de panne simulée).</translation>
    </message>
    <message>
        <source>integrationId and oauthMetaKeyId are needed</source>
        <translation>integrationId et oauthMetaKeyId sont requis</translation>
    </message>
    <message>
        <source>Name the user: ?sub=USER_ID</source>
        <translation>Indiquez l’utilisateur&#xa0;: ?sub=USER_ID</translation>
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
        <translation>Clé API</translation>
    </message>
    <message>
        <source>Polytomic&apos;s API, with an API key kept in this computer&apos;s keychain.</source>
        <translation>L’API de Polytomic, avec une clé API conservée dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>URL de &amp;base&#xa0;:</translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation>&amp;Clé API&#xa0;:</translation>
    </message>
    <message>
        <source>Backend proxy</source>
        <translation>Proxy backend</translation>
    </message>
    <message>
        <source>Your backend adds the API key; the app never holds it.</source>
        <translation>Votre backend ajoute la clé API&#xa0;; l’application ne la détient jamais.</translation>
    </message>
    <message>
        <source>Your &amp;credential:</source>
        <translation>Vos &amp;identifiants&#xa0;:</translation>
    </message>
    <message>
        <source>Paragon</source>
        <translation>Paragon</translation>
    </message>
    <message>
        <source>Your backend (token URL)</source>
        <translation>Votre backend (URL du jeton)</translation>
    </message>
    <message>
        <source>Your backend signs a user token and answers the token URL with {&quot;token&quot;: &quot;…&quot;}.</source>
        <translation>Votre backend signe un jeton d’utilisateur et répond à l’URL du jeton par {&quot;token&quot;: &quot;…&quot;}.</translation>
    </message>
    <message>
        <source>&amp;Token URL:</source>
        <translation>URL du &amp;jeton&#xa0;:</translation>
    </message>
    <message>
        <source>Signing key (support staff)</source>
        <translation>Clé de signature (équipe de support)</translation>
    </message>
    <message>
        <source>The app signs short-lived user tokens for one user with the project&apos;s signing key.</source>
        <translation>L’application signe des jetons d’utilisateur de courte durée pour un utilisateur avec la clé de signature du projet.</translation>
    </message>
    <message>
        <source>&amp;Signing key (PEM):</source>
        <translation>Clé de &amp;signature (PEM)&#xa0;:</translation>
    </message>
    <message>
        <source>For support staff: the signing key stays in this computer&apos;s keychain. Never give it to end users.</source>
        <translation>Pour l’équipe de support&#xa0;: la clé de signature reste dans le trousseau de cet ordinateur. Ne la donnez jamais aux utilisateurs finaux.</translation>
    </message>
</context>
<context>
    <name>PolytomicAttempt</name>
    <message>
        <source>Could not open a local port for the sign-in to return to (%1).</source>
        <translation>Impossible d’ouvrir un port local pour le retour après l’identification (%1).</translation>
    </message>
</context>
<context>
    <name>PolytomicProvider</name>
    <message>
        <source>&quot;data&quot; is not a list</source>
        <translation>«&#xa0;data&#xa0;» n’est pas une liste</translation>
    </message>
    <message>
        <source>the connection has no id</source>
        <translation>la connexion n’a pas d’identifiant</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 chez %2</translation>
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
        <translation>Identification</translation>
    </message>
</context>
<context>
    <name>PreparingView</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
</context>
<context>
    <name>ProfileChoice</name>
    <message>
        <source>--base-url and --proxy-url are Polytomic&apos;s; for %1, name a profile with --profile (add one in the app&apos;s settings).</source>
        <translation>--base-url et --proxy-url sont propres à Polytomic&#xa0;; pour %1, indiquez un profil avec --profile (ajoutez-en un dans les paramètres de l’application).</translation>
    </message>
    <message>
        <source>Unknown profile “%1”. Profiles: %2 (add one in the app&apos;s settings).</source>
        <translation>Profil inconnu «&#xa0;%1&#xa0;». Profils&#xa0;: %2 (ajoutez-en un dans les paramètres de l’application).</translation>
    </message>
    <message>
        <source>The profile “%1” is a %2 profile, not %3.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» est un profil %2, et non %3.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Credential &amp;header:</source>
        <translation>&amp;En-tête des identifiants&#xa0;:</translation>
    </message>
    <message>
        <source>Re&amp;member sign-ins</source>
        <translation>&amp;Mémoriser les identifications</translation>
    </message>
    <message>
        <source>Allow continuing past an &amp;invalid certificate (support only)</source>
        <translation>A&amp;utoriser à poursuivre malgré un certificat non valide (support uniquement)</translation>
    </message>
    <message>
        <source>Edit Profile</source>
        <translation>Modifier le profil</translation>
    </message>
    <message>
        <source>Add Profile</source>
        <translation>Ajouter un profil</translation>
    </message>
    <message>
        <source>Keeps the cookies of sign-in pages in this profile&apos;s own folder, so providers remember you next time. Off: nothing of the web pages is kept once the app closes.</source>
        <translation>Conserve les cookies des pages d’identification dans le dossier propre à ce profil, pour que les fournisseurs vous reconnaissent la prochaine fois. Désactivé&#xa0;: rien des pages web n’est conservé après la fermeture de l’application.</translation>
    </message>
    <message>
        <source>Only for testing servers with self-made certificates. A page whose certificate is not valid may not be who it claims to be: anything typed into it can be read by others. Connect Desktop asks each time and shows a warning while such a page is open.</source>
        <translation>Uniquement pour tester des serveurs dotés de certificats auto-signés. Une page dont le certificat n’est pas valide n’est peut-être pas celle qu’elle prétend être&#xa0;: tout ce que vous y saisissez peut être lu par d’autres. Connect Desktop demande à chaque fois et affiche un avertissement tant qu’une telle page est ouverte.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>API &amp;version:</source>
        <translation>&amp;Version de l’API&#xa0;:</translation>
    </message>
    <message>
        <source>Web pages:</source>
        <translation>Pages web&#xa0;:</translation>
    </message>
    <message>
        <source>•••• stored in keychain</source>
        <translation>•••• enregistrée dans le trousseau</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored one.</source>
        <translation>Laissez vide pour conserver celle qui est enregistrée.</translation>
    </message>
    <message>
        <source>Optional: sent in the credential header</source>
        <translation>Facultatif&#xa0;: envoyé dans l’en-tête des identifiants</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>Collez la clé API</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never shown again.</source>
        <translation>Conservée dans le trousseau du système, jamais réaffichée.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>Profile Set by %1</source>
        <translation>Profil (défini par %1)</translation>
    </message>
    <message>
        <source>Choose Key &amp;File…</source>
        <translation>Choisir le &amp;fichier de clé…</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Paste the key (-----BEGIN PRIVATE KEY----- …), or choose its file</source>
        <translation>Collez la clé (-----BEGIN PRIVATE KEY----- …) ou choisissez son fichier</translation>
    </message>
    <message>
        <source>Only for an installation on your own servers. An empty field keeps the cloud&apos;s address.</source>
        <translation>Uniquement pour une installation sur vos propres serveurs. Un champ vide garde l’adresse du cloud.</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plateforme&#xa0;:</translation>
    </message>
    <message>
        <source>Pro&amp;ject ID:</source>
        <translation>I&amp;D du projet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>ID de l’uti&amp;lisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Choose the Signing Key</source>
        <translation>Choisir la clé de signature</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>Clés PEM (*.pem *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Se&amp;lf-hosted %1: its own service addresses</source>
        <translation>%1 auto-&amp;hébergé&#xa0;: ses propres adresses de services</translation>
    </message>
    <message>
        <source>This file is too large to be a signing key.</source>
        <translation>Ce fichier est trop volumineux pour être une clé de signature.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Le fichier n’a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>A project ID holds only letters, digits and hyphens.</source>
        <translation>Un ID de projet ne contient que des lettres, des chiffres et des traits d’union.</translation>
    </message>
    <message>
        <source>Enter a web address such as %1.</source>
        <translation>Saisissez une adresse web comme %1.</translation>
    </message>
    <message>
        <source>This key is protected by a passphrase. Save it without one first (openssl pkey -in key.pem -out plain.pem).</source>
        <translation>Cette clé est protégée par une phrase secrète. Enregistrez-la d’abord sans (openssl pkey -in key.pem -out plain.pem).</translation>
    </message>
    <message>
        <source>This is not an RSA private key in PEM form: it begins with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.</source>
        <translation>Ce n’est pas une clé privée RSA au format PEM&#xa0;: elle commence par -----BEGIN PRIVATE KEY----- ou -----BEGIN RSA PRIVATE KEY-----.</translation>
    </message>
    <message>
        <source>%1 must be a web address such as %2.</source>
        <translation>%1 doit être une adresse web comme %2.</translation>
    </message>
    <message>
        <source>Fill in “%1”.</source>
        <translation>Remplissez «&#xa0;%1&#xa0;».</translation>
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
        <translation>Choisissez un autre identifiant de profil&#xa0;; «&#xa0;%1&#xa0;» ne peut pas être utilisé.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>Choose one of the known API versions: %1.</source>
        <translation>Choisissez l’une des versions connues de l’API&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The address must be a web address such as %1.</source>
        <translation>L’adresse doit être une adresse web, par exemple %1.</translation>
    </message>
    <message>
        <source>Paragon sandbox</source>
        <translation>Sandbox Paragon</translation>
    </message>
    <message>
        <source>There is one sandbox profile per platform, and it is built in.</source>
        <translation>Il y a un profil sandbox par plateforme, et il est intégré.</translation>
    </message>
    <message>
        <source>%1 profiles cannot be of this kind; choose one of the kinds offered.</source>
        <translation>Les profils %1 ne peuvent pas être de ce type&#xa0;; choisissez l’un des types proposés.</translation>
    </message>
    <message>
        <source>Enter the %1 project ID (you find it in the %1 dashboard).</source>
        <translation>Saisissez l’ID du projet %1 (vous le trouverez dans le tableau de bord de %1).</translation>
    </message>
    <message>
        <source>The project ID may hold only letters, digits and hyphens, as in 3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.</source>
        <translation>L’ID du projet ne peut contenir que des lettres, des chiffres et des traits d’union, comme 3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.</translation>
    </message>
    <message>
        <source>Enter the ID of the user the tokens are signed for.</source>
        <translation>Saisissez l’ID de l’utilisateur pour qui les jetons sont signés.</translation>
    </message>
    <message>
        <source>%1 is not a service of %2.</source>
        <translation>%1 n’est pas un service de %2.</translation>
    </message>
    <message>
        <source>The address of %1 must be a web address such as %2.</source>
        <translation>L’adresse de %1 doit être une adresse web comme %2.</translation>
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
        <translation>Le backend avec lequel cette fenêtre communique</translation>
    </message>
    <message>
        <source>%1 (sandbox)</source>
        <translation>%1 (sandbox)</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>Défini par %1</translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>Type the proxy&apos;s address, such as proxy.example.com:3128.</source>
        <translation>Saisissez l’adresse du proxy, par exemple proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>This is not a proxy address: type host:port, such as proxy.example.com:3128.</source>
        <translation>Ce n’est pas une adresse de proxy&#xa0;: saisissez host:port, par exemple proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>The proxy must be http:// or socks5:// (both the API and the web pages use it).</source>
        <translation>Le proxy doit être http:// ou socks5:// (l’API comme les pages web l’utilisent).</translation>
    </message>
    <message>
        <source>Leave the user and password out of the address: they have fields of their own (the password is kept in the keychain).</source>
        <translation>N’indiquez ni l’utilisateur ni le mot de passe dans l’adresse&#xa0;: ils ont leurs propres champs (le mot de passe est conservé dans le trousseau).</translation>
    </message>
    <message>
        <source>Add the proxy&apos;s port, such as :3128 or :8080.</source>
        <translation>Ajoutez le port du proxy, par exemple :3128 ou :8080.</translation>
    </message>
    <message>
        <source>A proxy address has no path: type only host:port.</source>
        <translation>Une adresse de proxy n’a pas de chemin&#xa0;: saisissez uniquement host:port.</translation>
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
        <translation>Vous pouvez fermer cet onglet</translation>
    </message>
    <message>
        <source>Connect Desktop has what it needs and is finishing in its own window.</source>
        <translation>Connect Desktop a ce qu’il lui faut et termine dans sa propre fenêtre.</translation>
    </message>
</context>
<context>
    <name>SandboxCommand</name>
    <message>
        <source>connect-desktop sandbox: %1</source>
        <translation>connect-desktop sandbox&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connect sandbox listening on %1</source>
        <translation>Sandbox Connect à l’écoute sur %1</translation>
    </message>
    <message>
        <source>API key: %1</source>
        <translation>Clé API&#xa0;: %1</translation>
    </message>
    <message>
        <source>Try: curl -H &apos;Authorization: Bearer %1&apos; %2/api/connection_types</source>
        <translation>Essayez&#xa0;: curl -H &apos;Authorization: Bearer %1&apos; %2/api/connection_types</translation>
    </message>
    <message>
        <source>Stop it with Ctrl+C.</source>
        <translation>Arrêtez-la avec Ctrl+C.</translation>
    </message>
    <message>
        <source>Paragon sandbox listening on %1</source>
        <translation>Sandbox Paragon à l’écoute sur %1</translation>
    </message>
    <message>
        <source>Project id: %1</source>
        <translation>ID du projet&#xa0;: %1</translation>
    </message>
    <message>
        <source>Token URL: %1?sub=USER_ID</source>
        <translation>URL du jeton&#xa0;: %1?sub=USER_ID</translation>
    </message>
    <message>
        <source>Try: curl &apos;%1?sub=someone&apos;</source>
        <translation>Essayez&#xa0;: curl &apos;%1?sub=someone&apos;</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 for any free port.</source>
        <translation>Impossible d’écouter sur 127.0.0.1:%1 (%2). Choisissez un autre port avec --port, ou 0 pour n’importe quel port libre.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>Il n’y a rien à cette adresse.</translation>
    </message>
    <message>
        <source>invalid token (sandbox fault)</source>
        <translation>jeton non valide (panne simulée de la sandbox)</translation>
    </message>
    <message>
        <source>sandbox fault: forced status %1</source>
        <translation>panne simulée de la sandbox&#xa0;: statut forcé %1</translation>
    </message>
    <message>
        <source>Unknown API version &quot;%1&quot; in X-Polytomic-Version. Known versions: %2.</source>
        <translation>Version d’API inconnue «&#xa0;%1&#xa0;» dans X-Polytomic-Version. Versions connues&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Use POST to create a connect session.</source>
        <translation>Utilisez POST pour créer une session de connexion.</translation>
    </message>
    <message>
        <source>Idempotency-Key must be 8 to 255 characters of letters, digits, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Idempotency-Key doit comporter de 8 à 255 caractères parmi les lettres, les chiffres, &apos;_&apos; et &apos;-&apos;.</translation>
    </message>
    <message>
        <source>A request with this Idempotency-Key is still being processed. Retry after it finishes.</source>
        <translation>Une requête avec cette Idempotency-Key est encore en cours de traitement. Réessayez une fois qu’elle sera terminée.</translation>
    </message>
    <message>
        <source>Use GET or DELETE on a connection.</source>
        <translation>Utilisez GET ou DELETE sur une connexion.</translation>
    </message>
    <message>
        <source>No such API endpoint: %1</source>
        <translation>Point de terminaison d’API inexistant&#xa0;: %1</translation>
    </message>
    <message>
        <source>The request body is not a JSON object (%1).</source>
        <translation>Le corps de la requête n’est pas un objet JSON (%1).</translation>
    </message>
    <message>
        <source>found another JSON value</source>
        <translation>une autre valeur JSON a été trouvée</translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot;</source>
        <translation>type de connexion inconnu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot; in whitelist</source>
        <translation>type de connexion inconnu «&#xa0;%1&#xa0;» dans whitelist</translation>
    </message>
    <message>
        <source>connection %1 does not exist</source>
        <translation>la connexion %1 n’existe pas</translation>
    </message>
    <message>
        <source>name must be unique: a connection named &quot;%1&quot; already exists</source>
        <translation>name doit être unique&#xa0;: une connexion nommée «&#xa0;%1&#xa0;» existe déjà</translation>
    </message>
    <message>
        <source>connection %1 not found</source>
        <translation>connexion %1 introuvable</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Connecter un compte</translation>
    </message>
    <message>
        <source>This connect session has already finished.</source>
        <translation>Cette session de connexion est déjà terminée.</translation>
    </message>
    <message>
        <source>The form could not be read. Reload the page and try again.</source>
        <translation>Le formulaire n’a pas pu être lu. Rechargez la page et réessayez.</translation>
    </message>
    <message>
        <source>This integration is not offered in this session.</source>
        <translation>Cette intégration n’est pas proposée dans cette session.</translation>
    </message>
    <message>
        <source>Signing in to %1 was not completed. Click Sign in to try again.</source>
        <translation>L’identification auprès de %1 n’a pas abouti. Cliquez sur «&#xa0;S’identifier avec %1&#xa0;» pour réessayer.</translation>
    </message>
    <message>
        <source>Authentication failed %1 times. Start again from the app.</source>
        <translation>L’authentification a échoué %1 fois. Recommencez depuis l’application.</translation>
    </message>
    <message>
        <source>Authentication failed: %1 rejected these credentials. Check them and try again.</source>
        <translation>Échec de l’authentification&#xa0;: %1 a refusé ces identifiants. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>The connection being reconnected no longer exists.</source>
        <translation>La connexion en cours de reconnexion n’existe plus.</translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; already exists. Close this window and choose another name.</source>
        <translation>Une connexion nommée «&#xa0;%1&#xa0;» existe déjà. Fermez cette fenêtre et choisissez un autre nom.</translation>
    </message>
    <message>
        <source>sandbox: the first check of this connection failed</source>
        <translation>sandbox&#xa0;: la première vérification de cette connexion a échoué</translation>
    </message>
    <message>
        <source>Error 403: disallowed_useragent</source>
        <translation>Erreur 403&#xa0;: disallowed_useragent</translation>
    </message>
    <message>
        <source>This sign-in provider does not allow signing in from embedded browsers (sandbox imitation). Use a secure browser to continue.</source>
        <translation>Ce fournisseur d’identification n’autorise pas l’identification depuis des navigateurs intégrés (imitation par la sandbox). Utilisez un navigateur sécurisé pour continuer.</translation>
    </message>
    <message>
        <source>This integration does not sign in this way.</source>
        <translation>Cette intégration n’utilise pas ce mode d’identification.</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>S’identifier auprès de %1</translation>
    </message>
    <message>
        <source>This connect link is not valid</source>
        <translation>Ce lien de connexion n’est pas valide</translation>
    </message>
    <message>
        <source>Go back to the app and start connecting again.</source>
        <translation>Retournez dans l’application et recommencez la connexion.</translation>
    </message>
    <message>
        <source>This connect session has already been used</source>
        <translation>Cette session de connexion a déjà été utilisée</translation>
    </message>
    <message>
        <source>Each session works once. Go back to the app and start connecting again.</source>
        <translation>Chaque session ne fonctionne qu’une fois. Retournez dans l’application et recommencez la connexion.</translation>
    </message>
    <message>
        <source>This connect session has expired</source>
        <translation>Cette session de connexion a expiré</translation>
    </message>
    <message>
        <source>Sessions last %1 minutes. Go back to the app and start connecting again.</source>
        <translation>Les sessions durent %1 minutes. Retournez dans l’application et recommencez la connexion.</translation>
    </message>
    <message>
        <source>Sessions last %1 seconds. Go back to the app and start connecting again.</source>
        <translation>Les sessions durent %1 secondes. Retournez dans l’application et recommencez la connexion.</translation>
    </message>
    <message>
        <source>Connect sandbox</source>
        <translation>Sandbox Connect</translation>
    </message>
    <message>
        <source>This server speaks the Polytomic Connect API under /api/ and serves its own connect modal. Create a session with POST /api/connections/connect/ and open the redirect_url it returns.</source>
        <translation>Ce serveur parle l’API Polytomic Connect sous /api/ et sert sa propre page de connexion. Créez une session avec POST /api/connections/connect/ et ouvrez la redirect_url qu’elle renvoie.</translation>
    </message>
    <message>
        <source>%1 %2: cannot read it (%3).</source>
        <translation>%1 %2&#xa0;: impossible de lire le fichier (%3).</translation>
    </message>
    <message>
        <source>%1 %2: the file is larger than 256 KiB; use a smaller SVG.</source>
        <translation>%1 %2&#xa0;: le fichier dépasse 256 Kio&#xa0;; utilisez un SVG plus petit.</translation>
    </message>
    <message>
        <source>%1 %2: this is not an SVG image.</source>
        <translation>%1 %2&#xa0;: ce n’est pas une image SVG.</translation>
    </message>
</context>
<context>
    <name>SandboxStore</name>
    <message>
        <source>Cannot read the state file %1: %2.</source>
        <translation>Impossible de lire le fichier d’état %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The state file %1 is not a sandbox state file (%2). Move it away or choose another file with --state.</source>
        <translation>Le fichier d’état %1 n’est pas un fichier d’état de sandbox (%2). Déplacez-le ou choisissez un autre fichier avec --state.</translation>
    </message>
</context>
<context>
    <name>SessionHistory</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
    <message>
        <source>The session history in %1 could not be read (%2).</source>
        <translation>L’historique des sessions dans %1 n’a pas pu être lu (%2).</translation>
    </message>
    <message>
        <source>The session history was damaged; it was set aside as %1 and a new one was started.</source>
        <translation>L’historique des sessions était endommagé&#xa0;; il a été mis de côté sous le nom %1 et un nouvel historique a été commencé.</translation>
    </message>
    <message>
        <source>The session history in %1 is damaged and could not be set aside; it will be written anew.</source>
        <translation>L’historique des sessions dans %1 est endommagé et n’a pas pu être mis de côté&#xa0;; il sera recréé.</translation>
    </message>
    <message>
        <source>Could not write the session history to %1 (%2).</source>
        <translation>Impossible d’écrire l’historique des sessions dans %1 (%2).</translation>
    </message>
</context>
<context>
    <name>SessionResultView</name>
    <message>
        <source>Integration</source>
        <translation>Intégration</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>%1 is connected</source>
        <translation>%1 est connecté</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Nothing was connected.</source>
        <translation>Rien n’a été connecté.</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Connexion impossible</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Une erreur s’est produite (%1).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apparence</translation>
    </message>
    <message>
        <source>Connection &amp;names</source>
        <translation>&amp;Noms des connexions</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profils</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>The app&apos;s own logo</source>
        <translation>Le logo de l’application</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Choisir un logo</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>Images SVG (*.svg)</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo&#xa0;:</translation>
    </message>
    <message>
        <source>Logo for &amp;dark theme:</source>
        <translation>Logo pour le thème &amp;sombre&#xa0;:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Aperçu&#xa0;:</translation>
    </message>
    <message>
        <source>An SVG of at most %1 KB that refers to nothing outside itself. The dark variant is optional.</source>
        <translation>Un SVG de %1 Ko au maximum qui ne fait référence à rien d’extérieur. La variante sombre est facultative.</translation>
    </message>
    <message>
        <source>{integration} the integration&apos;s name, {id} its id, {date} today (yyyy-MM-dd), {time} the time (HH:mm). A name already in use gets “ (2)”, “ (3)”… added.</source>
        <translation>{integration} le nom de l’intégration, {id} son identifiant, {date} la date du jour (yyyy-MM-dd), {time} l’heure (HH:mm). Un nom déjà utilisé reçoit le suffixe «&#xa0;(2)&#xa0;», «&#xa0;(3)&#xa0;»…</translation>
    </message>
    <message>
        <source>Name &amp;template:</source>
        <translation>&amp;Modèle de nom&#xa0;:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Exemple&#xa0;:</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Clear &amp;Web Data</source>
        <translation>Effacer les données &amp;web</translation>
    </message>
    <message>
        <source>Sign out of every page this profile&apos;s connect pages signed in to: deletes their cookies, cache and stored data.</source>
        <translation>Fermer toutes les sessions ouvertes par les pages de connexion de ce profil&#xa0;: supprime leurs cookies, leur cache et leurs données enregistrées.</translation>
    </message>
    <message>
        <source>The web data of “%1” is cleared: its connect pages start signed out.</source>
        <translation>Les données web de «&#xa0;%1&#xa0;» ont été effacées&#xa0;: ses pages de connexion démarrent sans identification.</translation>
    </message>
    <message>
        <source>built-in sandbox</source>
        <translation>sandbox intégrée</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Its stored key is deleted from the keychain too.</source>
        <translation>Supprimer le profil «&#xa0;%1&#xa0;»&#xa0;? Sa clé enregistrée sera aussi supprimée du trousseau.</translation>
    </message>
    <message>
        <source>This file could not be drawn as an image.</source>
        <translation>Ce fichier n’a pas pu être affiché comme image.</translation>
    </message>
    <message>
        <source>Some settings are set by %1 for everyone on this computer and cannot be changed here.</source>
        <translation>Certains réglages sont définis par %1 pour tous les utilisateurs de cet ordinateur et ne peuvent pas être modifiés ici.</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>Défini par %1</translation>
    </message>
    <message>
        <source>A new language applies when Connect Desktop starts again.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de Connect Desktop.</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>Lan&amp;gue&#xa0;:</translation>
    </message>
    <message>
        <source>Every integration the backend offers</source>
        <translation>Toutes les intégrations proposées par le backend</translation>
    </message>
    <message>
        <source>Type ids separated by commas, such as hubspot, postgresql. With one, it opens straight away.</source>
        <translation>Identifiants de type séparés par des virgules, par exemple hubspot, postgresql. S’il n’y en a qu’un, l’intégration s’ouvre directement.</translation>
    </message>
    <message>
        <source>&amp;Allowed integrations:</source>
        <translation>&amp;Intégrations autorisées&#xa0;:</translation>
    </message>
    <message>
        <source>%1, set by %2</source>
        <translation>%1, défini par %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source> sessions</source>
        <translation> sessions</translation>
    </message>
    <message>
        <source>None (keep no history)</source>
        <translation>Aucune (ne conserver aucun historique)</translation>
    </message>
    <message>
        <source>Sessions to keep</source>
        <translation>Sessions à conserver</translation>
    </message>
    <message>
        <source>Each session&apos;s result, timings and exchange log are kept on this computer, without keys, tokens or passwords, for the History (View, History) and diagnostics bundles.</source>
        <translation>Le résultat, les durées et le journal des échanges de chaque session sont conservés sur cet ordinateur, sans clés, jetons ni mots de passe, pour l’historique (Affichage, Historique) et les archives de diagnostic.</translation>
    </message>
    <message>
        <source>&amp;Clear History…</source>
        <translation>&amp;Effacer l’historique…</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>Effacer l’historique</translation>
    </message>
    <message numerus="yes">
        <source>Forget the %n kept session(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Effacer %n session conservée&#xa0;? Cette action est irréversible.</numerusform>
            <numerusform>Effacer les %n sessions conservées&#xa0;? Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep the last:</source>
        <translation>&amp;Conserver les dernières&#xa0;:</translation>
    </message>
    <message>
        <source>No sessions are kept.</source>
        <translation>Aucune session n’est conservée.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) kept.</source>
        <translation>
            <numerusform>%n session conservée.</numerusform>
            <numerusform>%n sessions conservées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use the system&apos;s settings</source>
        <translation>Utiliser les réglages du système</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Aucun proxy</translation>
    </message>
    <message>
        <source>A proxy of its own</source>
        <translation>Un proxy propre à l’application</translation>
    </message>
    <message>
        <source>proxy.example.com:3128, or socks5://host:1080</source>
        <translation>proxy.example.com:3128 ou socks5://host:1080</translation>
    </message>
    <message>
        <source>None: the proxy asks for no sign-in</source>
        <translation>Aucun&#xa0;: le proxy ne demande pas d’identification</translation>
    </message>
    <message>
        <source>Kept in the keychain; leave empty to keep the stored one</source>
        <translation>Conservé dans le trousseau&#xa0;; laisser vide pour garder celui qui est enregistré</translation>
    </message>
    <message>
        <source>intranet.example.com, .corp.example.com</source>
        <translation>intranet.example.com, .corp.example.com</translation>
    </message>
    <message>
        <source>Proxy changes take effect when Connect Desktop starts again (the web engine takes its proxy once, at start).</source>
        <translation>Les modifications du proxy s’appliquent au prochain démarrage de Connect Desktop (le moteur web ne prend son proxy qu’une fois, au démarrage).</translation>
    </message>
    <message>
        <source>One proxy for the API and for the pages the app shows. This computer&apos;s own servers (127.0.0.1) are always reached directly.</source>
        <translation>Un seul proxy pour l’API et pour les pages affichées par l’application. Les serveurs de cet ordinateur (127.0.0.1) sont toujours joints directement.</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy&#xa0;:</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>A&amp;dresse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Bypass for:</source>
        <translation>&amp;Sans proxy pour&#xa0;:</translation>
    </message>
    <message>
        <source>Netw&amp;ork</source>
        <translation>&amp;Réseau</translation>
    </message>
    <message>
        <source>Reached directly by the API client. The web engine (Qt WebEngine 6.4) takes no bypass list: pages of these hosts still go through the proxy.</source>
        <translation>Le client de l’API joint ces hôtes directement. Le moteur web (Qt WebEngine 6.4) ne prend aucune liste d’exceptions&#xa0;: les pages de ces hôtes passent toujours par le proxy.</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>Healthy</source>
        <translation>Fonctionnelle</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Défaillante</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
</context>
<context>
    <name>UserTokenSource</name>
    <message>
        <source>The user token is not a JWT with a subject (sub) and an expiry (exp), which Paragon needs. Check what the token URL answers.</source>
        <translation>Le jeton d’utilisateur n’est pas un JWT avec un sujet (sub) et une expiration (exp), comme l’exige Paragon. Vérifiez ce que répond l’URL du jeton.</translation>
    </message>
    <message>
        <source>The user token has expired, or expires within a minute (at %1 UTC). Check the clocks of this computer and of the server that signs it.</source>
        <translation>Le jeton d’utilisateur a expiré ou expire dans moins d’une minute (expiration&#xa0;: %1 UTC). Vérifiez l’horloge de cet ordinateur et celle du serveur qui le signe.</translation>
    </message>
    <message>
        <source>The profile&apos;s signing key could not sign a user token (%1). Enter the project&apos;s RS256 private key again in Settings → Profiles.</source>
        <translation>La clé de signature du profil n’a pas pu signer de jeton d’utilisateur (%1). Saisissez à nouveau la clé privée RS256 du projet dans Paramètres → Profils.</translation>
    </message>
    <message>
        <source>The token URL at %1 refused to give a user token. Check the credential in the profile&apos;s settings.</source>
        <translation>L’URL du jeton sur %1 a refusé de fournir un jeton d’utilisateur. Vérifiez les identifiants dans les paramètres du profil.</translation>
    </message>
    <message>
        <source>The token URL at %1 did not answer {&quot;token&quot;: &quot;&lt;JWT&gt;&quot;}. Check the profile&apos;s token URL.</source>
        <translation>L’URL du jeton sur %1 n’a pas répondu par {&quot;token&quot;: &quot;&lt;JWT&gt;&quot;}. Vérifiez l’URL du jeton du profil.</translation>
    </message>
</context>
<context>
    <name>WebProfiles</name>
    <message>
        <source>The web data in %1 could not be deleted. Close Connect Desktop and delete that folder.</source>
        <translation>Les données web de %1 n’ont pas pu être supprimées. Fermez Connect Desktop et supprimez ce dossier.</translation>
    </message>
</context>
</TS>
