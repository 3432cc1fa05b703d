<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ApiClient</name>
    <message>
        <source>attempt %1 of %2 failed, retrying: %3</source>
        <translation>el intento %1 de %2 falló, reintentando: %3</translation>
    </message>
</context>
<context>
    <name>ApiFailure</name>
    <message>
        <source>the server</source>
        <translation>El servidor</translation>
    </message>
    <message>
        <source> The server said: “%1”.</source>
        <translation> El servidor respondió: «%1».</translation>
    </message>
    <message numerus="yes">
        <source> (tried %n times)</source>
        <translation>
            <numerusform> (%n intento)</numerusform>
            <numerusform> (%n intentos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot reach %1%2: %3. Check your network connection and the profile&apos;s address, then try again.</source>
        <translation>%1 no es accesible%2: %3. Comprueba tu conexión de red y la dirección del perfil y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>%1 did not answer in time%2. Try again; if it keeps happening, check the profile&apos;s address or your network.</source>
        <translation>%1 no respondió a tiempo%2. Vuelve a intentarlo; si sigue ocurriendo, comprueba la dirección del perfil o tu red.</translation>
    </message>
    <message>
        <source>The answer from %1 could not be read (%2). The server may be misconfigured or not a Polytomic-compatible API; check the profile&apos;s address.</source>
        <translation>%1 envió una respuesta que no se pudo leer (%2). Es posible que el servidor esté mal configurado o que no sea una API compatible con Polytomic; comprueba la dirección del perfil.</translation>
    </message>
    <message>
        <source>The request was stopped.</source>
        <translation>Se detuvo la solicitud.</translation>
    </message>
    <message>
        <source>%1 refused the API key (401).%2 Check the key in the profile&apos;s settings, or POLYTOMIC_API_KEY.</source>
        <translation>%1 rechazó la clave de API (401).%2 Comprueba la clave en la configuración del perfil o POLYTOMIC_API_KEY.</translation>
    </message>
    <message>
        <source>The API key is not allowed to do this (403).%1 Ask an administrator of your organization for a key with access to connections.</source>
        <translation>La clave de API no tiene permiso para hacer esto (403).%1 Pide a un administrador de tu organización una clave con acceso a las conexiones.</translation>
    </message>
    <message>
        <source>%1 has no such resource (404).%2 Check the profile&apos;s address and API version.</source>
        <translation>%1 no tiene ese recurso (404).%2 Comprueba la dirección y la versión de la API del perfil.</translation>
    </message>
    <message>
        <source>An earlier attempt is still being processed (409).%1 Wait a moment and try again.</source>
        <translation>Todavía se está procesando un intento anterior (409).%1 Espera un momento y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>%1 refused the request (%2). Check the connection&apos;s details and try again.</source>
        <translation>%1 rechazó la solicitud (%2). Comprueba los datos de la conexión y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>%1 refused the request: %2.</source>
        <translation>%1 rechazó la solicitud: %2.</translation>
    </message>
    <message>
        <source>%1 had a problem (HTTP %2)%3.%4 Try again later; if it persists, contact the platform&apos;s support.</source>
        <translation>%1 tuvo un problema (HTTP %2)%3.%4 Vuelve a intentarlo más tarde; si persiste, contacta con el soporte de la plataforma.</translation>
    </message>
    <message>
        <source>%1 answered with HTTP %2.%3</source>
        <translation>%1 respondió con HTTP %2.%3</translation>
    </message>
</context>
<context>
    <name>AppBackends</name>
    <message>
        <source>built-in sandbox on %1</source>
        <translation>sandbox integrado en %1</translation>
    </message>
    <message>
        <source>built-in sandbox</source>
        <translation>sandbox integrado</translation>
    </message>
    <message>
        <source>Polytomic at %1</source>
        <translation>Polytomic en %1</translation>
    </message>
    <message>
        <source>backend proxy at %1</source>
        <translation>proxy de backend en %1</translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation>No se pudo iniciar el sandbox integrado: %1</translation>
    </message>
    <message>
        <source>No API key is stored for the profile “%1”.</source>
        <translation>No hay ninguna clave de API guardada para el perfil «%1».</translation>
    </message>
    <message>
        <source>The system keychain could not be read (%1).</source>
        <translation>No se pudo leer el llavero del sistema (%1).</translation>
    </message>
    <message>
        <source>Enter the key in Settings → Profiles, or set the environment variable %1.</source>
        <translation>Introduce la clave en Configuración → Perfiles o define la variable de entorno %1.</translation>
    </message>
    <message>
        <source>built-in Paragon sandbox on %1</source>
        <translation>sandbox de Paragon integrado en %1</translation>
    </message>
    <message>
        <source>built-in Paragon sandbox</source>
        <translation>sandbox de Paragon integrado</translation>
    </message>
    <message>
        <source>Paragon project %1, tokens signed here</source>
        <translation>proyecto de Paragon %1, tokens firmados aquí</translation>
    </message>
    <message>
        <source>Paragon project %1, tokens from %2</source>
        <translation>proyecto de Paragon %1, tokens de %2</translation>
    </message>
    <message>
        <source>The built-in Paragon sandbox could not start: %1</source>
        <translation>No se pudo iniciar el sandbox de Paragon integrado: %1</translation>
    </message>
    <message>
        <source>No signing key is stored for the profile “%1”.</source>
        <translation>No hay ninguna clave de firma guardada para el perfil «%1».</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>connect-desktop: running as root, so the web engine&apos;s sandbox is off.</source>
        <translation>connect-desktop: se está ejecutando como root, así que el sandbox del motor web está desactivado.</translation>
    </message>
    <message>
        <source>Connect Desktop is already running; it takes it from here.</source>
        <translation>Connect Desktop ya se está ejecutando y continuará desde ahí.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
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
        <translation>No se pudo dibujar el archivo del logotipo.</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>Procesando</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>Unknown integration “%1”. This backend offers: %2.</source>
        <translation>Integración desconocida «%1». Este backend ofrece: %2.</translation>
    </message>
    <message>
        <source>“%1” is not among the integrations this company allows (Settings, Allowed integrations); add --all to check it anyway.</source>
        <translation>«%1» no está entre las integraciones que permite esta empresa (Configuración, Integraciones permitidas); añade --all para comprobarla de todos modos.</translation>
    </message>
    <message>
        <source>There is no integration to check: the backend lists none that this company allows (add --all to check every one).</source>
        <translation>No hay ninguna integración que comprobar: el backend no lista ninguna de las que permite esta empresa (añade --all para comprobarlas todas).</translation>
    </message>
    <message>
        <source>Checking %1 integration(s) on %2 (%3), %4 at a time…</source>
        <translation>Comprobando integraciones (%1) en %2 (%3), %4 a la vez…</translation>
    </message>
    <message>
        <source>Connect Desktop check</source>
        <translation>Comprobación de Connect Desktop</translation>
    </message>
    <message>
        <source>%1 refuses sign-in inside apps; a person would continue in the system browser.</source>
        <translation>%1 rechaza el inicio de sesión dentro de aplicaciones; una persona continuaría en el navegador del sistema.</translation>
    </message>
    <message>
        <source>The session ended before its page could be used.</source>
        <translation>La sesión terminó antes de que su página se pudiera usar.</translation>
    </message>
    <message>
        <source>Nothing usable came within the time allowed; try a longer --timeout, or look at the session&apos;s log in the History.</source>
        <translation>No llegó nada utilizable en el tiempo permitido; prueba con un --timeout más largo o consulta el registro de la sesión en el Historial.</translation>
    </message>
    <message>
        <source>It failed without saying why.</source>
        <translation>Falló sin indicar el motivo.</translation>
    </message>
    <message>
        <source>%1 %2: passed (request %3 ms, ready to type %4 ms)</source>
        <translation>%1 %2: OK (solicitud %3 ms, lista para escribir en %4 ms)</translation>
    </message>
    <message>
        <source>%1 %2: failed (%3): %4</source>
        <translation>%1 %2: error (%3): %4</translation>
    </message>
    <message>
        <source>%1 of %2 passed, %3 failed, in %4 s.</source>
        <translation>%1 de %2 correctas, %3 con error, en %4 s.</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
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
        <translation>error</translation>
    </message>
    <message>
        <source>the integrations could not be listed: %1</source>
        <translation>no se pudieron listar las integraciones: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>A connectdesktop: link is opened on its own, without other arguments.</source>
        <translation>Un enlace connectdesktop: se abre solo, sin otros argumentos.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Mostrar esta ayuda.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Mostrar la versión.</translation>
    </message>
    <message>
        <source> (see connect-desktop --help)</source>
        <translation> (consulta connect-desktop --help)</translation>
    </message>
    <message>
        <source>Use this language.</source>
        <translation>Usar este idioma.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CÓDIGO</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 requiere un número entero de %2 a %3, no «%4».</translation>
    </message>
    <message>
        <source>Listen on this port (default: any free port).</source>
        <translation>Escuchar en este puerto (predeterminado: cualquier puerto libre).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Accept this API key (default: a random one, printed).</source>
        <translation>Aceptar esta clave de API (predeterminado: una aleatoria, que se muestra).</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>CLAVE</translation>
    </message>
    <message>
        <source>SVG logo shown top left in the modal.</source>
        <translation>Logotipo SVG que se muestra arriba a la izquierda en la página de conexión.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>SVG logo for the dark theme.</source>
        <translation>Logotipo SVG para el tema oscuro.</translation>
    </message>
    <message>
        <source>Keep connections in this JSON file across restarts.</source>
        <translation>Conservar las conexiones en este archivo JSON entre reinicios.</translation>
    </message>
    <message>
        <source>Connect sessions expire after this many seconds (default 900).</source>
        <translation>Las sesiones de conexión caducan tras este número de segundos (predeterminado: 900).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <source>Fault: delay every API answer by MS milliseconds.</source>
        <translation>Fallo simulado: retrasar cada respuesta de la API MS milisegundos.</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Fault: failing API calls answer with this HTTP status (default 500).</source>
        <translation>Fallo simulado: las llamadas a la API que fallan responden con este estado HTTP (predeterminado: 500).</translation>
    </message>
    <message>
        <source>Fault: this fraction (0 to 1) of API calls fail.</source>
        <translation>Fallo simulado: esta fracción (de 0 a 1) de las llamadas a la API falla.</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Fault: the first N API calls fail, then all succeed.</source>
        <translation>Fallo simulado: las primeras N llamadas a la API fallan y después todas funcionan.</translation>
    </message>
    <message>
        <source>Faults apply to API paths starting with this (default /api/).</source>
        <translation>Los fallos simulados se aplican a las rutas de la API que empiezan por esto (predeterminado: /api/).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>RUTA</translation>
    </message>
    <message>
        <source>Seed for --fail-rate (default 1).</source>
        <translation>Semilla para --fail-rate (predeterminado: 1).</translation>
    </message>
    <message>
        <source>Fault: failing API calls answer 200 with truncated JSON.</source>
        <translation>Fallo simulado: las llamadas a la API que fallan responden 200 con JSON truncado.</translation>
    </message>
    <message>
        <source>Fault: failing API calls close the connection without answering.</source>
        <translation>Fallo simulado: las llamadas a la API que fallan cierran la conexión sin responder.</translation>
    </message>
    <message>
        <source>Fault: serve the modal page after MS milliseconds.</source>
        <translation>Fallo simulado: servir la página de conexión tras MS milisegundos.</translation>
    </message>
    <message>
        <source>Fault: the modal page is blank.</source>
        <translation>Fallo simulado: la página de conexión está en blanco.</translation>
    </message>
    <message>
        <source>Fault: the OAuth popup loses its opener and cannot report back.</source>
        <translation>Fallo simulado: la ventana emergente de OAuth pierde la ventana que la abrió y no puede comunicar el resultado.</translation>
    </message>
    <message>
        <source>Fault: OAuth popups in the app answer like a provider that refuses embedded sign-in (disallowed_useragent).</source>
        <translation>Fallo simulado: las ventanas emergentes de OAuth de la aplicación responden como un proveedor que rechaza el inicio de sesión en navegadores integrados (disallowed_useragent).</translation>
    </message>
    <message>
        <source>Fault: serve the modal over HTTPS with a certificate nobody trusts.</source>
        <translation>Fallo simulado: servir la página de conexión por HTTPS con un certificado en el que nadie confía.</translation>
    </message>
    <message>
        <source>Fault: the modal also tries what a host must refuse (file: pages, camera, downloads, a bad certificate, …).</source>
        <translation>Fallo simulado: la página de conexión intenta además lo que un anfitrión debe rechazar (páginas file:, cámara, descargas, un certificado no válido, …).</translation>
    </message>
    <message>
        <source> (see connect-desktop sandbox --help)</source>
        <translation> (consulta connect-desktop sandbox --help)</translation>
    </message>
    <message>
        <source>--fail-rate takes a fraction from 0 to 1, not &quot;%1&quot;.</source>
        <translation>--fail-rate requiere una fracción de 0 a 1, no «%1».</translation>
    </message>
    <message>
        <source>--fault-scope must be an API path starting with /api/.</source>
        <translation>--fault-scope debe ser una ruta de la API que empiece por /api/.</translation>
    </message>
    <message>
        <source>Choose one of --malformed-json and --drop-connection.</source>
        <translation>Elige solo una de --malformed-json y --drop-connection.</translation>
    </message>
    <message>
        <source>--api-key must not be empty.</source>
        <translation>--api-key no puede estar vacío.</translation>
    </message>
    <message>
        <source>--lang takes a language code such as de, fr or ja, not &quot;%1&quot;.</source>
        <translation>--lang requiere un código de idioma como de, fr o ja, no «%1».</translation>
    </message>
    <message>
        <source>Opens only the connect window for one session, prints its one result and exits: 0 completed, 1 failed, 2 bad usage or configuration, 3 cancelled.</source>
        <translation>Abre solo la ventana de conexión para una sesión, muestra su único resultado y sale: 0 completado, 1 error, 2 uso o configuración incorrectos, 3 cancelado.</translation>
    </message>
    <message>
        <source>An integration to offer, by type id (repeatable: one goes straight to its form, several show a picker).</source>
        <translation>Una integración que ofrecer, por id. de tipo (se puede repetir: una va directamente a su formulario; varias muestran un selector).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name of the connection to create (default: from the name template).</source>
        <translation>Nombre de la conexión que se creará (predeterminado: según la plantilla de nombre).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>Dark theme.</source>
        <translation>Tema oscuro.</translation>
    </message>
    <message>
        <source>Light theme.</source>
        <translation>Tema claro.</translation>
    </message>
    <message>
        <source>Use this profile (by name or id; default: the active one).</source>
        <translation>Usar este perfil (por nombre o id.; predeterminado: el activo).</translation>
    </message>
    <message>
        <source>A Polytomic-compatible API; the key comes from POLYTOMIC_API_KEY or the keychain.</source>
        <translation>Una API compatible con Polytomic; la clave se toma de POLYTOMIC_API_KEY o del llavero.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>A backend proxy that adds the key itself.</source>
        <translation>Un proxy de backend que añade la clave por sí mismo.</translation>
    </message>
    <message>
        <source>Print the result as one JSON object on stdout.</source>
        <translation>Mostrar el resultado como un objeto JSON en stdout.</translation>
    </message>
    <message>
        <source>Use this language (de, fr, es, ja, ar, en).</source>
        <translation>Usar este idioma (de, fr, es, ja, ar, en).</translation>
    </message>
    <message>
        <source> (see connect-desktop connect --help)</source>
        <translation> (consulta connect-desktop connect --help)</translation>
    </message>
    <message>
        <source>--integration needs a type id, such as postgresql.</source>
        <translation>--integration requiere un id. de tipo, como postgresql.</translation>
    </message>
    <message>
        <source>--name must not be empty.</source>
        <translation>--name no puede estar vacío.</translation>
    </message>
    <message>
        <source>Choose one of --dark and --light.</source>
        <translation>Elige solo una de --dark y --light.</translation>
    </message>
    <message>
        <source>Choose one of --profile, --base-url and --proxy-url.</source>
        <translation>Elige solo una de --profile, --base-url y --proxy-url.</translation>
    </message>
    <message>
        <source>--base-url must be a web address such as https://app.polytomic.com.</source>
        <translation>--base-url debe ser una dirección web, como https://app.polytomic.com.</translation>
    </message>
    <message>
        <source>--proxy-url must be a web address such as https://backend.example.com.</source>
        <translation>--proxy-url debe ser una dirección web, como https://backend.example.com.</translation>
    </message>
    <message>
        <source>Fault: the modal makes the attack NAME that a host must outlive (popups written while blank, dialogs, a popup flood, …; resources/sandbox/attacks.js).</source>
        <translation>Fallo: el modal lanza el ataque NAME que un anfitrión debe resistir (ventanas emergentes escritas en blanco, diálogos, una avalancha de ventanas, …; resources/sandbox/attacks.js).</translation>
    </message>
    <message>
        <source>--attack takes an attack&apos;s name (lower-case letters, digits and dashes), not &quot;%1&quot;.</source>
        <translation>--attack espera el nombre de un ataque (minúsculas, cifras y guiones), no «%1».</translation>
    </message>
    <message>
        <source>--project-id takes letters, digits and dashes, not &quot;%1&quot;.</source>
        <translation>--project-id requiere letras, dígitos y guiones, no «%1».</translation>
    </message>
    <message>
        <source>--token-fault takes expired or forged, not &quot;%1&quot;.</source>
        <translation>--token-fault requiere expired o forged, no «%1».</translation>
    </message>
    <message>
        <source>Runs a sandbox: a local server on 127.0.0.1 that speaks the Polytomic Connect API and serves its own modal, or with --platform paragon stands in for Paragon&apos;s services and portal. It prints its address and credentials, then serves until stopped (Ctrl+C).</source>
        <translation>Ejecuta un sandbox: un servidor local en 127.0.0.1 que habla la API de Polytomic Connect y sirve su propia página de conexión o que, con --platform paragon, sustituye a los servicios y al portal de Paragon. Muestra su dirección y sus credenciales y sigue en marcha hasta que lo detengas (Ctrl+C).</translation>
    </message>
    <message>
        <source>The platform: polytomic (default) or paragon.</source>
        <translation>La plataforma: polytomic (predeterminada) o paragon.</translation>
    </message>
    <message>
        <source>Print the address and credentials as one JSON object on stdout.</source>
        <translation>Mostrar la dirección y las credenciales como un objeto JSON en stdout.</translation>
    </message>
    <message>
        <source>Paragon: the project&apos;s id (default: a fixed one).</source>
        <translation>Paragon: el ID del proyecto (predeterminado: uno fijo).</translation>
    </message>
    <message>
        <source>Paragon fault: the token URL hands out expired or forged tokens.</source>
        <translation>Fallo simulado de Paragon: la URL del token entrega tokens caducados (expired) o falsificados (forged).</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>TIPO</translation>
    </message>
    <message>
        <source>Paragon fault: Allow on the consent page ends in an OAuth error.</source>
        <translation>Fallo simulado de Paragon: «Permitir» en la página de consentimiento termina en un error de OAuth.</translation>
    </message>
    <message>
        <source>Paragon fault: starting a sign-in answers this HTTP status.</source>
        <translation>Fallo simulado de Paragon: al empezar un inicio de sesión se responde con este estado HTTP.</translation>
    </message>
    <message>
        <source>Paragon fault: new credentials stay PENDING.</source>
        <translation>Fallo simulado de Paragon: las credenciales nuevas se quedan en estado PENDING.</translation>
    </message>
    <message>
        <source>--platform takes polytomic or paragon, not &quot;%1&quot;.</source>
        <translation>--platform requiere polytomic o paragon, no «%1».</translation>
    </message>
    <message>
        <source>--%1 is an option of Paragon&apos;s sandbox: add --platform paragon.</source>
        <translation>--%1 es una opción del sandbox de Paragon: añade --platform paragon.</translation>
    </message>
    <message>
        <source>The platform: polytomic or paragon. Without --profile, its built-in sandbox.</source>
        <translation>La plataforma: polytomic o paragon. Sin --profile, se usa su sandbox integrado.</translation>
    </message>
    <message>
        <source>--%1 is an option of Polytomic&apos;s sandbox only: leave it out, or leave out --platform paragon.</source>
        <translation>--%1 es una opción solo del sandbox de Polytomic: quítala o quita --platform paragon.</translation>
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
        <translation>Uso: connect-desktop [comando] [opciones]

Conecta cuentas a una plataforma de datos a través de su página de conexión.

Comandos:
  (ninguno)  abrir la ventana principal
  connect    abrir solo la ventana de conexión, mostrar el único resultado y salir
  sandbox    ejecutar un sandbox integrado (el de Polytomic o el de Paragon) en 127.0.0.1
  check      probar rápidamente integraciones: abrir oculta la página de cada una, sin conectar nada
  doctor     comprobar si este equipo está listo e indicar qué corregir
  history    listar las últimas sesiones y sus resultados
  diagnostics  guardar un paquete de diagnóstico (zip, sin secretos) para el soporte

Opciones:
  -h, --help     mostrar esta ayuda (o la de un comando: connect-desktop sandbox --help)
  -v, --version  mostrar la versión
  --lang CÓDIGO  usar este idioma (de, fr, es, ja, ar, en) en lugar del idioma del sistema

Códigos de salida: 0 completado, 1 error, 2 uso o configuración incorrectos, 3 cancelado.
</translation>
    </message>
    <message>
        <source>Fault: the modal&apos;s address is a local port where nothing listens (it cannot load).</source>
        <translation>Fallo simulado: la dirección de la página de conexión es un puerto local en el que no escucha nada (no se puede cargar).</translation>
    </message>
    <message>
        <source>Fault: every answer&apos;s Date header is S seconds off the real time (may be negative).</source>
        <translation>Fallo simulado: el encabezado Date de cada respuesta difiere S segundos de la hora real (puede ser negativo).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Choose one of --untrusted-modal and --unreachable-modal.</source>
        <translation>Elige solo una de --untrusted-modal y --unreachable-modal.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (see connect-desktop %2 --help).</source>
        <translation>Argumento inesperado «%1» (consulta connect-desktop %2 --help).</translation>
    </message>
    <message>
        <source>Lists the sessions the app kept (newest first): when, profile, integration, result and reason. Kept without secrets; their exchange logs are in --json.</source>
        <translation>Muestra las sesiones que guardó la aplicación (primero las más recientes): cuándo, perfil, integración, resultado y motivo. Se guardan sin secretos; sus registros de intercambios se incluyen con --json.</translation>
    </message>
    <message>
        <source>Print one JSON object with every session, its timings and exchange log.</source>
        <translation>Mostrar un objeto JSON con todas las sesiones, sus tiempos y su registro de intercambios.</translation>
    </message>
    <message>
        <source>Only the newest N sessions.</source>
        <translation>Solo las N sesiones más recientes.</translation>
    </message>
    <message>
        <source>Only sessions of this integration (type id).</source>
        <translation>Solo las sesiones de esta integración (id. de tipo).</translation>
    </message>
    <message>
        <source>Only sessions that ended so: completed, cancelled or failed.</source>
        <translation>Solo las sesiones que terminaron así: completed, cancelled o failed.</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>RESULTADO</translation>
    </message>
    <message>
        <source>Only sessions of this profile (by name or id).</source>
        <translation>Solo las sesiones de este perfil (por nombre o id.).</translation>
    </message>
    <message>
        <source>Forget every kept session.</source>
        <translation>Olvidar todas las sesiones guardadas.</translation>
    </message>
    <message>
        <source> (see connect-desktop history --help)</source>
        <translation> (consulta connect-desktop history --help)</translation>
    </message>
    <message>
        <source>--outcome takes completed, cancelled or failed, not &quot;%1&quot;.</source>
        <translation>--outcome requiere completed, cancelled o failed, no «%1».</translation>
    </message>
    <message>
        <source>--clear forgets every session: use it on its own.</source>
        <translation>--clear olvida todas las sesiones: úsala sola.</translation>
    </message>
    <message>
        <source>Smoke-tests integrations: for each one, opens a real session, loads its page hidden until a person could type, records the timings or what went wrong, and closes it without connecting anything. Exit 0 when every one passed, 1 when any failed, 2 for bad usage.</source>
        <translation>Prueba rápidamente integraciones: para cada una, abre una sesión real, carga su página oculta hasta que una persona podría escribir, registra los tiempos o lo que salió mal y la cierra sin conectar nada. Sale con 0 cuando todas pasaron, 1 cuando alguna falló y 2 si el uso es incorrecto.</translation>
    </message>
    <message>
        <source>Check this integration (type id; repeatable). Default: every one the company allows, or every one the backend lists when none is set.</source>
        <translation>Comprobar esta integración (id. de tipo; se puede repetir). Predeterminado: todas las que permite la empresa o, si no hay ninguna definida, todas las que lista el backend.</translation>
    </message>
    <message>
        <source>Check every integration the backend lists, allowed or not (for support staff).</source>
        <translation>Comprobar todas las integraciones que lista el backend, permitidas o no (para el personal de soporte).</translation>
    </message>
    <message>
        <source>Run N sessions at once (1 to 8, default 2).</source>
        <translation>Ejecutar N sesiones a la vez (de 1 a 8; predeterminado: 2).</translation>
    </message>
    <message>
        <source>Give each page S seconds to become usable (default 30).</source>
        <translation>Dar a cada página S segundos para estar lista para usarse (predeterminado: 30).</translation>
    </message>
    <message>
        <source>Print one JSON object with every row on stdout.</source>
        <translation>Mostrar un objeto JSON con todas las filas en stdout.</translation>
    </message>
    <message>
        <source> (see connect-desktop check --help)</source>
        <translation> (consulta connect-desktop check --help)</translation>
    </message>
    <message>
        <source>Checks whether this machine is ready: the web engine, the display, the keychain, the backend&apos;s address, proxies, certificates, the clock and the app&apos;s folders. Each line says what is wrong and what to do. Exit 0 when all is well, 1 when a problem was found.</source>
        <translation>Comprueba si este equipo está listo: el motor web, la pantalla, el llavero, la dirección del backend, los proxies, los certificados, el reloj y las carpetas de la aplicación. Cada línea indica qué falla y qué hacer. Sale con 0 cuando todo está bien y con 1 cuando se encontró un problema.</translation>
    </message>
    <message>
        <source>Print one JSON object with every finding on stdout.</source>
        <translation>Mostrar un objeto JSON con todos los hallazgos en stdout.</translation>
    </message>
    <message>
        <source> (see connect-desktop doctor --help)</source>
        <translation> (consulta connect-desktop doctor --help)</translation>
    </message>
    <message>
        <source>Saves a diagnostics bundle (a zip file) for support: versions, the effective settings and profiles without any secret, the doctor&apos;s findings, the last sessions with their redacted exchange logs, and what the web engine refused or reported.</source>
        <translation>Guarda un paquete de diagnóstico (un archivo zip) para el soporte: las versiones, la configuración en vigor y los perfiles sin ningún secreto, los hallazgos del doctor, las últimas sesiones con sus registros de intercambios (con los secretos ocultos) y lo que el motor web rechazó o notificó.</translation>
    </message>
    <message>
        <source>Write the bundle to FILE (a .zip).</source>
        <translation>Escribir el paquete en ARCHIVO (un .zip).</translation>
    </message>
    <message>
        <source>Only sessions of the last DURATION (e.g. 30m, 12h, 7d; default: every kept one).</source>
        <translation>Solo las sesiones del último periodo DURACIÓN (p. ej., 30m, 12h o 7d; predeterminado: todas las guardadas).</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURACIÓN</translation>
    </message>
    <message>
        <source>Leave a part out (repeatable): system, settings, profiles, doctor, sessions, engine.</source>
        <translation>Dejar fuera una parte (se puede repetir): system, settings, profiles, doctor, sessions, engine.</translation>
    </message>
    <message>
        <source>PART</source>
        <translation>PARTE</translation>
    </message>
    <message>
        <source>The profile the doctor checks (by name or id; default: the active one).</source>
        <translation>El perfil que comprueba el doctor (por nombre o id.; predeterminado: el activo).</translation>
    </message>
    <message>
        <source> (see connect-desktop diagnostics --help)</source>
        <translation> (consulta connect-desktop diagnostics --help)</translation>
    </message>
    <message>
        <source>Name the bundle&apos;s file with --output FILE.zip.</source>
        <translation>Indica el archivo del paquete con --output ARCHIVO.zip.</translation>
    </message>
    <message>
        <source>--output names a .zip file, such as diagnostics.zip.</source>
        <translation>--output indica un archivo .zip, como diagnostics.zip.</translation>
    </message>
    <message>
        <source>--since takes a duration such as 30m, 12h or 7d, not &quot;%1&quot;.</source>
        <translation>--since requiere una duración como 30m, 12h o 7d, no «%1».</translation>
    </message>
    <message>
        <source>--without takes one of %1, not &quot;%2&quot;.</source>
        <translation>--without requiere uno de estos valores: %1; no «%2».</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: connect, sandbox, check, doctor, history, diagnostics (see connect-desktop --help).</source>
        <translation>Comando desconocido «%1». Comandos: connect, sandbox, check, doctor, history, diagnostics (consulta connect-desktop --help).</translation>
    </message>
    <message>
        <source>The modal&apos;s address names this host instead of 127.0.0.1 (for rehearsing a proxy that resolves it).</source>
        <translation>La dirección de la página de conexión usa este nombre de host en lugar de 127.0.0.1 (para ensayar con un proxy que lo resuelva).</translation>
    </message>
    <message>
        <source>--public-host takes a host name such as sandbox.test, not &quot;%1&quot;.</source>
        <translation>--public-host requiere un nombre de host como sandbox.test, no «%1».</translation>
    </message>
</context>
<context>
    <name>ConnectCommand</name>
    <message>
        <source>Unknown integration “%1”. This backend offers: %2.</source>
        <translation>Integración desconocida «%1». Este backend ofrece: %2.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Connected %1 as “%2” (%3).</source>
        <translation>%1 conectado como «%2» (%3).</translation>
    </message>
    <message>
        <source>Cancelled: no connection was made.</source>
        <translation>Cancelado: no se creó ninguna conexión.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
</context>
<context>
    <name>ConnectRequest</name>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 debe ser una cadena</translation>
    </message>
    <message>
        <source>dark must be true or false</source>
        <translation>dark debe ser true o false</translation>
    </message>
    <message>
        <source>whitelist must be a list of connection type ids</source>
        <translation>whitelist debe ser una lista de id. de tipos de conexión</translation>
    </message>
    <message>
        <source>name is required and must not be empty</source>
        <translation>name es obligatorio y no puede estar vacío</translation>
    </message>
    <message>
        <source>redirect_url is required</source>
        <translation>redirect_url es obligatorio</translation>
    </message>
    <message>
        <source>redirect_url must be an absolute http or https URL</source>
        <translation>redirect_url debe ser una URL http o https absoluta</translation>
    </message>
    <message>
        <source>connection must be a connection id (a uuid)</source>
        <translation>connection debe ser un id. de conexión (un UUID)</translation>
    </message>
</context>
<context>
    <name>ConnectSession</name>
    <message>
        <source>The connect page did not load within %1 seconds. Check your connection, then Retry.</source>
        <translation>La página de conexión no se cargó en %1 segundos. Comprueba tu conexión de red y pulsa Reintentar.</translation>
    </message>
    <message>
        <source>The browser did not come back within %1 minutes. Start again when you are ready.</source>
        <translation>El navegador no volvió en %1 minutos. Empieza de nuevo cuando estés listo.</translation>
    </message>
    <message>
        <source>The connect page could not be loaded from %1. Check your connection, then Retry.</source>
        <translation>No se pudo cargar la página de conexión desde %1. Comprueba tu conexión de red y pulsa Reintentar.</translation>
    </message>
    <message>
        <source>The connect page finished, but the connection could not be confirmed. %1</source>
        <translation>La página de conexión terminó, pero no se pudo confirmar la conexión. %1</translation>
    </message>
    <message>
        <source>The connection “%1” was saved but is %2%3. Reconnect it to try again.</source>
        <translation>La conexión «%1» se guardó, pero su estado es %2%3. Vuelve a conectarla para intentarlo de nuevo.</translation>
    </message>
    <message>
        <source>The connection to %1 is not secure: its certificate is not valid (%2). Connect Desktop does not continue to pages with invalid certificates. Check the profile&apos;s address, or ask your IT team whether something intercepts secure connections on this network.</source>
        <translation>La conexión con %1 no es segura: su certificado no es válido (%2). Connect Desktop no continúa a páginas con certificados no válidos. Comprueba la dirección del perfil o pregunta a tu equipo de TI si algo intercepta las conexiones seguras en esta red.</translation>
    </message>
    <message>
        <source>The connect page stopped working (its process ended). Reload to try again.</source>
        <translation>La página de conexión dejó de funcionar (su proceso terminó). Vuelve a cargarla para intentarlo de nuevo.</translation>
    </message>
    <message>
        <source>continuing in the system browser with a fresh session</source>
        <translation>continuando en el navegador del sistema con una sesión nueva</translation>
    </message>
    <message>
        <source>the page finished; asking %1 what happened</source>
        <translation>la página terminó; se pregunta a %1 qué ocurrió</translation>
    </message>
    <message>
        <source>more console lines were not kept</source>
        <translation>no se conservaron más líneas de la consola</translation>
    </message>
</context>
<context>
    <name>ConnectSessionTicket</name>
    <message>
        <source>The server did not return a usable address for the connect modal.</source>
        <translation>El servidor no devolvió una dirección utilizable para la página de conexión.</translation>
    </message>
</context>
<context>
    <name>ConnectWebPage</name>
    <message>
        <source>notifications</source>
        <translation>notificaciones</translation>
    </message>
    <message>
        <source>location</source>
        <translation>ubicación</translation>
    </message>
    <message>
        <source>microphone</source>
        <translation>micrófono</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>cámara</translation>
    </message>
    <message>
        <source>camera and microphone</source>
        <translation>cámara y micrófono</translation>
    </message>
    <message>
        <source>mouse lock</source>
        <translation>bloqueo del ratón</translation>
    </message>
    <message>
        <source>screen capture</source>
        <translation>captura de pantalla</translation>
    </message>
    <message>
        <source>a permission</source>
        <translation>un permiso</translation>
    </message>
    <message>
        <source>file system access</source>
        <translation>acceso al sistema de archivos</translation>
    </message>
    <message>
        <source>registering a protocol handler</source>
        <translation>registro de un controlador de protocolo</translation>
    </message>
    <message>
        <source>a download</source>
        <translation>una descarga</translation>
    </message>
    <message>
        <source>an invalid certificate (%1)</source>
        <translation>un certificado no válido (%1)</translation>
    </message>
    <message>
        <source>going to %1: %2</source>
        <translation>navegación a %1: %2</translation>
    </message>
    <message>
        <source>a popup that could not load</source>
        <translation>una ventana emergente que no se pudo cargar</translation>
    </message>
    <message>
        <source>a popup that showed no web page</source>
        <translation>una ventana emergente que no mostró ninguna página web</translation>
    </message>
    <message numerus="yes">
        <source>a popup (%n already open)</source>
        <translation>
            <numerusform>una ventana emergente (%n ya abierta)</numerusform>
            <numerusform>una ventana emergente (%n ya abiertas)</numerusform>
        </translation>
    </message>
    <message>
        <source>a popup whose page did not load</source>
        <translation>una ventana emergente cuya página no se cargó</translation>
    </message>
    <message>
        <source>a file chooser</source>
        <translation>un selector de archivos</translation>
    </message>
</context>
<context>
    <name>ConnectWindow</name>
    <message>
        <source>Preparing the connect page…</source>
        <translation>Preparando la página de conexión…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Progreso de carga</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Detalles</translation>
    </message>
    <message>
        <source>Show what went over the wire (secrets hidden)</source>
        <translation>Mostrar lo que se transmitió (con los secretos ocultos)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Continue in &amp;browser</source>
        <translation>Continuar en el &amp;navegador</translation>
    </message>
    <message>
        <source>Sign in with your system browser instead, for providers that refuse sign-in inside apps</source>
        <translation>Iniciar sesión con el navegador del sistema, para los proveedores que rechazan el inicio de sesión dentro de las aplicaciones</translation>
    </message>
    <message>
        <source>Not secure: the certificate of %1 is not valid (%2) and was accepted because this profile allows it. Do not enter real credentials.</source>
        <translation>No es seguro: el certificado de %1 no es válido (%2) y se aceptó porque este perfil lo permite. No introduzcas credenciales reales.</translation>
    </message>
    <message>
        <source>No browser could be started. Cancel, then try again once a default browser is set.</source>
        <translation>No se pudo abrir ningún navegador. Cancela y vuelve a intentarlo cuando haya un navegador predeterminado configurado.</translation>
    </message>
    <message>
        <source>Support setting: this profile can continue past invalid certificates.</source>
        <translation>Ajuste de soporte: este perfil puede continuar aunque los certificados no sean válidos.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Volver a conectar</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>Volver a conectar %1</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>Conectar %1</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Conectar una cuenta</translation>
    </message>
    <message>
        <source>Connection “%1”</source>
        <translation>Conexión «%1»</translation>
    </message>
    <message>
        <source>New connection “%1”</source>
        <translation>Nueva conexión «%1»</translation>
    </message>
    <message>
        <source>The sign-in page (%1) does not allow signing in inside apps. Continue in your browser to finish.</source>
        <translation>La página de inicio de sesión (%1) no permite iniciar sesión dentro de aplicaciones. Continúa en tu navegador para terminar.</translation>
    </message>
    <message>
        <source>Asking %1 for a secure connect page.</source>
        <translation>Solicitando a %1 una página de conexión segura.</translation>
    </message>
    <message>
        <source>Loading the connect page…</source>
        <translation>Cargando la página de conexión…</translation>
    </message>
    <message>
        <source>The page stopped working</source>
        <translation>La página dejó de funcionar</translation>
    </message>
    <message>
        <source>The connect page closed unexpectedly. Reload it to carry on where you were.</source>
        <translation>La página de conexión se cerró inesperadamente. Vuelve a cargarla para continuar donde lo dejaste.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Volver a cargar</translation>
    </message>
    <message>
        <source>The connect page could not be shown</source>
        <translation>No se pudo mostrar la página de conexión</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Continue &amp;anyway (not secure)</source>
        <translation>Continuar de &amp;todos modos (no es seguro)</translation>
    </message>
    <message>
        <source>Continue in your browser</source>
        <translation>Continúa en tu navegador</translation>
    </message>
    <message>
        <source>Finish signing in in the browser window that opened. This window carries on when you are done.</source>
        <translation>Termina de iniciar sesión en la ventana del navegador que se abrió. Esta ventana continuará cuando hayas terminado.</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Comprobando la conexión…</translation>
    </message>
    <message>
        <source>Asking %1 whether the connection was made.</source>
        <translation>Preguntando a %1 si se creó la conexión.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Page address</source>
        <translation>Dirección de la página</translation>
    </message>
    <message>
        <source>Message from the page</source>
        <translation>Mensaje de la página</translation>
    </message>
    <message>
        <source>Secure connection · %1</source>
        <translation>Conexión segura · %1</translation>
    </message>
    <message>
        <source>This computer · %1</source>
        <translation>Este equipo · %1</translation>
    </message>
    <message>
        <source>Not secure · %1</source>
        <translation>No es seguro · %1</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>la plataforma</translation>
    </message>
    <message>
        <source>This is no longer %1&apos;s connect page: the page is now at %2. Enter credentials only if you trust it, or press Esc to stop.</source>
        <translation>Esta ya no es la página de conexión de %1: la página está ahora en %2. Escriba credenciales solo si confía en ella, o pulse Esc para parar.</translation>
    </message>
    <message>
        <source>Message from the page (%1): %2</source>
        <translation>Mensaje de la página (%1): %2</translation>
    </message>
    <message>
        <source>The page (%1) asked “%2”. Connect Desktop answered Cancel; connect pages do not need such questions.</source>
        <translation>La página (%1) preguntó «%2». Connect Desktop respondió Cancelar; las páginas de conexión no necesitan esas preguntas.</translation>
    </message>
    <message>
        <source>The page (%1) asked you to type something (“%2”). Connect Desktop does not pass typed text to pages this way: type only into the page&apos;s own fields.</source>
        <translation>La página (%1) le pidió que escribiera algo («%2»). Connect Desktop no pasa texto a las páginas de esta forma: escriba solo en los campos de la propia página.</translation>
    </message>
    <message>
        <source>&amp;Hide messages from the page</source>
        <translation>&amp;Ocultar los mensajes de la página</translation>
    </message>
    <message>
        <source>The sign-in page (%1) does not allow signing in inside apps, and this sign-in cannot move to your browser. Close this window; ask your administrator whether the account can be connected another way.</source>
        <translation>La página de inicio de sesión (%1) no permite iniciar sesión dentro de aplicaciones, y este inicio de sesión no puede pasar a tu navegador. Cierra esta ventana; pregunta a tu administrador si la cuenta se puede conectar de otra forma.</translation>
    </message>
    <message>
        <source>%1 · through proxy %2</source>
        <translation>%1 · a través del proxy %2</translation>
    </message>
    <message>
        <source>%1, through the proxy %2 (Settings, Network)</source>
        <translation>%1, a través del proxy %2 (Configuración, Red)</translation>
    </message>
</context>
<context>
    <name>ConnectionTypeModel</name>
    <message>
        <source>%1 (%2) · signs in with your %1 account</source>
        <translation>%1 (%2) · inicia sesión con tu cuenta de %1</translation>
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
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Fecha de creación</translation>
    </message>
    <message>
        <source>Your connections</source>
        <translation>Tus conexiones</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Volver a conectar</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Sign in again to refresh this connection&apos;s credentials</source>
        <translation>Volver a iniciar sesión para renovar las credenciales de esta conexión</translation>
    </message>
    <message>
        <source>Remove this connection from the organization</source>
        <translation>Eliminar esta conexión de la organización</translation>
    </message>
    <message>
        <source>Loading your connections…</source>
        <translation>Cargando tus conexiones…</translation>
    </message>
    <message>
        <source>No connections yet. Pick an integration to connect one.</source>
        <translation>Todavía no hay conexiones. Elige una integración para conectar una.</translation>
    </message>
    <message>
        <source>Reco&amp;nnect</source>
        <translation>Volver a co&amp;nectar</translation>
    </message>
</context>
<context>
    <name>DeepLink</name>
    <message>
        <source>The link is too long.</source>
        <translation>El enlace es demasiado largo.</translation>
    </message>
    <message>
        <source>This is not a Connect Desktop link (connectdesktop://connect?integration=…).</source>
        <translation>Este no es un enlace de Connect Desktop (connectdesktop://connect?integration=…).</translation>
    </message>
    <message>
        <source>The link asks for “%1”, which Connect Desktop does not do.</source>
        <translation>El enlace pide «%1», algo que Connect Desktop no hace.</translation>
    </message>
    <message>
        <source>The link has parts a Connect Desktop link never has.</source>
        <translation>El enlace tiene partes que un enlace de Connect Desktop nunca tiene.</translation>
    </message>
    <message>
        <source>The link carries “%1”, which Connect Desktop does not accept from links.</source>
        <translation>El enlace incluye «%1», que Connect Desktop no acepta desde enlaces.</translation>
    </message>
    <message>
        <source>The link must name exactly one integration.</source>
        <translation>El enlace debe indicar exactamente una integración.</translation>
    </message>
    <message>
        <source>The link&apos;s integration is not a valid integration id.</source>
        <translation>La integración del enlace no es un id. de integración válido.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsBundle</name>
    <message>
        <source>The app&apos;s, Qt&apos;s and Chromium&apos;s versions, the operating system and the display.</source>
        <translation>Las versiones de la aplicación, de Qt y de Chromium, el sistema operativo y la pantalla.</translation>
    </message>
    <message>
        <source>The settings in effect: yours, the machine&apos;s defaults and what is locked, without any secret.</source>
        <translation>La configuración en vigor: la tuya, los valores predeterminados del equipo y lo que está bloqueado, sin ningún secreto.</translation>
    </message>
    <message>
        <source>Your profiles: names, platforms and addresses, without keys or credentials.</source>
        <translation>Tus perfiles: nombres, plataformas y direcciones, sin claves ni credenciales.</translation>
    </message>
    <message>
        <source>What the doctor found on this machine (the web engine, keychain, network, proxies, certificates, clock).</source>
        <translation>Lo que el doctor encontró en este equipo (el motor web, el llavero, la red, los proxies, los certificados, el reloj).</translation>
    </message>
    <message>
        <source>The last sessions: their results, timings and exchange logs (already redacted), with the integrations and connection names they involved.</source>
        <translation>Las últimas sesiones: sus resultados, tiempos y registros de intercambios (con los secretos ya ocultos), con las integraciones y los nombres de conexión implicados.</translation>
    </message>
    <message>
        <source>What the web engine refused or reported in those sessions (navigations, permissions, dialogs, console errors).</source>
        <translation>Lo que el motor web rechazó o notificó en esas sesiones (navegaciones, permisos, diálogos, errores de la consola).</translation>
    </message>
    <message>
        <source>Nothing was refused or reported.</source>
        <translation>No se rechazó ni se notificó nada.</translation>
    </message>
    <message>
        <source>Could not create %1 (%2).</source>
        <translation>No se pudo crear %1 (%2).</translation>
    </message>
    <message>
        <source>Could not add %1 to the bundle (%2).</source>
        <translation>No se pudo añadir %1 al paquete (%2).</translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>No se pudo escribir %1 (%2).</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
    <message>
        <source>Could not open %1 as a zip file.</source>
        <translation>No se pudo abrir %1 como archivo zip.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCommand</name>
    <message>
        <source>Running the doctor…</source>
        <translation>Ejecutando el doctor…</translation>
    </message>
    <message>
        <source>Saved %1 with:</source>
        <translation>Se guardó %1 con:</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Partes excluidas: %1</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>System and versions</source>
        <translation>Sistema y versiones</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <source>Doctor&apos;s findings</source>
        <translation>Hallazgos del doctor</translation>
    </message>
    <message>
        <source>Sessions and exchange logs</source>
        <translation>Sesiones y registros de intercambios</translation>
    </message>
    <message>
        <source>Web engine refusals and console</source>
        <translation>Rechazos del motor web y consola</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>Save Diagnostics</source>
        <translation>Guardar diagnóstico</translation>
    </message>
    <message>
        <source>A diagnostics bundle helps support see what happened on this computer. It never holds keys, tokens or passwords. Choose what goes in; the text on the right is exactly what each part holds.</source>
        <translation>Un paquete de diagnóstico ayuda al soporte a ver qué ocurrió en este equipo. Nunca contiene claves, tokens ni contraseñas. Elige qué incluir; el texto de la derecha es exactamente lo que contiene cada parte.</translation>
    </message>
    <message>
        <source>Parts of the bundle</source>
        <translation>Partes del paquete</translation>
    </message>
    <message>
        <source>Space ticks or clears a part</source>
        <translation>La barra espaciadora marca o desmarca una parte</translation>
    </message>
    <message>
        <source>&amp;Include:</source>
        <translation>&amp;Incluir:</translation>
    </message>
    <message>
        <source>Every kept session</source>
        <translation>Todas las sesiones guardadas</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>La última hora</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>Las últimas 24 horas</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>Los últimos 7 días</translation>
    </message>
    <message>
        <source>What the chosen part holds</source>
        <translation>Lo que contiene la parte elegida</translation>
    </message>
    <message>
        <source>&amp;Preview:</source>
        <translation>&amp;Vista previa:</translation>
    </message>
    <message>
        <source>Running the doctor…</source>
        <translation>Ejecutando el doctor…</translation>
    </message>
    <message>
        <source>Sessions &amp;from:</source>
        <translation>Sesiones &amp;de:</translation>
    </message>
    <message>
        <source>The doctor found no problem.</source>
        <translation>El doctor no encontró ningún problema.</translation>
    </message>
    <message numerus="yes">
        <source>The doctor found %n problem(s); they are in the bundle.</source>
        <translation>
            <numerusform>El doctor encontró %n problema; está en el paquete.</numerusform>
            <numerusform>El doctor encontró %n problemas; están en el paquete.</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: this part will not be in the bundle.</source>
        <translation>Excluida: esta parte no estará en el paquete.</translation>
    </message>
    <message>
        <source>The doctor is still running…</source>
        <translation>El doctor sigue en ejecución…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Archivos zip (*.zip)</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>no proxy</source>
        <translation>sin proxy</translation>
    </message>
    <message>
        <source>no proxy (%1 is in no_proxy)</source>
        <translation>sin proxy (%1 está en no_proxy)</translation>
    </message>
    <message>
        <source>Some checks did not finish within %1 seconds.</source>
        <translation>Algunas comprobaciones no terminaron en %1 segundos.</translation>
    </message>
    <message>
        <source>Run the doctor again; if it stays so, the network or the web engine is stuck (see the lines above).</source>
        <translation>Vuelve a ejecutar el doctor; si sigue igual, la red o el motor web están bloqueados (consulta las líneas anteriores).</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>configuración</translation>
    </message>
    <message>
        <source>data (history, web profiles)</source>
        <translation>datos (historial, perfiles web)</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>caché</translation>
    </message>
    <message>
        <source>The app&apos;s folders are writable.</source>
        <translation>Se puede escribir en las carpetas de la aplicación.</translation>
    </message>
    <message>
        <source>These folders cannot be written: %1.</source>
        <translation>No se puede escribir en estas carpetas: %1.</translation>
    </message>
    <message>
        <source>Give your user write access to them, or free some disk space.</source>
        <translation>Da a tu usuario permiso de escritura en ellas o libera espacio en el disco.</translation>
    </message>
    <message>
        <source>No display (%1): windows are not shown; check, doctor and diagnostics work.</source>
        <translation>Sin pantalla (%1): no se muestran ventanas; check, doctor y diagnostics funcionan.</translation>
    </message>
    <message>
        <source>Display: %1, web content drawn without the GPU.</source>
        <translation>Pantalla: %1, contenido web dibujado sin la GPU.</translation>
    </message>
    <message>
        <source>Display: %1.</source>
        <translation>Pantalla: %1.</translation>
    </message>
    <message>
        <source>The web engine started but could not show a page.</source>
        <translation>El motor web se inició, pero no pudo mostrar una página.</translation>
    </message>
    <message>
        <source>Run the app from a terminal and read what QtWebEngineProcess prints; check that the qt6-webengine packages are complete.</source>
        <translation>Ejecuta la aplicación desde un terminal y lee lo que muestra QtWebEngineProcess; comprueba que los paquetes qt6-webengine estén completos.</translation>
    </message>
    <message>
        <source>The web engine runs pages (Qt WebEngine %1, Chromium %2; %3 ms).</source>
        <translation>El motor web ejecuta páginas (Qt WebEngine %1, Chromium %2; %3 ms).</translation>
    </message>
    <message>
        <source>The web engine shows pages but does not run their scripts.</source>
        <translation>El motor web muestra páginas, pero no ejecuta sus scripts.</translation>
    </message>
    <message>
        <source>Its sandbox is off because the app runs as root.</source>
        <translation>Su sandbox está desactivado porque la aplicación se ejecuta como root.</translation>
    </message>
    <message>
        <source>Its sandbox is off (QTWEBENGINE_DISABLE_SANDBOX).</source>
        <translation>Su sandbox está desactivado (QTWEBENGINE_DISABLE_SANDBOX).</translation>
    </message>
    <message>
        <source>Run the app as an ordinary user, so that web pages run in Chromium&apos;s sandbox.</source>
        <translation>Ejecuta la aplicación como usuario normal para que las páginas web se ejecuten en el sandbox de Chromium.</translation>
    </message>
    <message>
        <source>Unset QTWEBENGINE_DISABLE_SANDBOX unless this machine cannot run the sandbox.</source>
        <translation>Elimina QTWEBENGINE_DISABLE_SANDBOX, salvo que este equipo no pueda ejecutar el sandbox.</translation>
    </message>
    <message>
        <source>The OS keychain answers (this profile needs no secret).</source>
        <translation>El llavero del sistema responde (este perfil no necesita ningún secreto).</translation>
    </message>
    <message>
        <source>The profile&apos;s secret is in the OS keychain.</source>
        <translation>El secreto del perfil está en el llavero del sistema.</translation>
    </message>
    <message>
        <source>The profile&apos;s secret comes from %1 (none is in the keychain).</source>
        <translation>El secreto del perfil procede de %1 (no hay ninguno en el llavero).</translation>
    </message>
    <message>
        <source>The profile “%1” has no secret in the keychain.</source>
        <translation>El perfil «%1» no tiene ningún secreto en el llavero.</translation>
    </message>
    <message>
        <source>Add it in Settings, Profiles, Edit.</source>
        <translation>Añádelo en Configuración, Perfiles, Editar.</translation>
    </message>
    <message>
        <source>Add it in Settings, Profiles, Edit, or set %1.</source>
        <translation>Añádelo en Configuración, Perfiles, Editar, o define %1.</translation>
    </message>
    <message>
        <source>The OS keychain cannot be reached.</source>
        <translation>No se puede acceder al llavero del sistema.</translation>
    </message>
    <message>
        <source>The profile “%1” cannot be opened.</source>
        <translation>No se puede abrir el perfil «%1».</translation>
    </message>
    <message>
        <source>%1 is reached without encryption (http).</source>
        <translation>Se accede a %1 sin cifrado (http).</translation>
    </message>
    <message>
        <source>Use an https:// address for anything beyond this computer.</source>
        <translation>Usa una dirección https:// para todo lo que esté fuera de este equipo.</translation>
    </message>
    <message>
        <source>%1 accepts the credential: %2 (%3 ms).</source>
        <translation>%1 acepta la credencial: %2 (%3 ms).</translation>
    </message>
    <message>
        <source>%1 did not accept the request.</source>
        <translation>%1 no aceptó la solicitud.</translation>
    </message>
    <message>
        <source>The name %1 does not resolve (%2).</source>
        <translation>El nombre %1 no se resuelve (%2).</translation>
    </message>
    <message>
        <source>Check the profile&apos;s address, your network connection, and your DNS or VPN.</source>
        <translation>Comprueba la dirección del perfil, tu conexión de red y tu DNS o VPN.</translation>
    </message>
    <message>
        <source>%1 does not answer through the proxy (%2).</source>
        <translation>%1 no responde a través del proxy (%2).</translation>
    </message>
    <message>
        <source>%1 resolves but does not answer (%2).</source>
        <translation>%1 se resuelve, pero no responde (%2).</translation>
    </message>
    <message>
        <source>Check that the address and port are right, and whether a firewall or proxy is in the way.</source>
        <translation>Comprueba que la dirección y el puerto sean correctos y si un cortafuegos o un proxy se interpone.</translation>
    </message>
    <message>
        <source>%1 resolves and answers (HTTP %2; %3 ms to resolve, %4 ms round trip).</source>
        <translation>%1 se resuelve y responde (HTTP %2; %3 ms para resolver, %4 ms de ida y vuelta).</translation>
    </message>
    <message>
        <source>%1&apos;s certificate verifies for the API.</source>
        <translation>El certificado de %1 se verifica para la API.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate does not verify for the API: %2</source>
        <translation>El certificado de %1 no se verifica para la API: %2</translation>
    </message>
    <message>
        <source>If your network inspects secure connections, ask IT for its certificate authority and add it to the system&apos;s trusted certificates.</source>
        <translation>Si tu red inspecciona las conexiones seguras, pide a tu equipo de TI su autoridad de certificación y añádela a los certificados de confianza del sistema.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 seconds off %2&apos;s.</source>
        <translation>El reloj de este equipo difiere %1 segundos del de %2.</translation>
    </message>
    <message>
        <source>Set the clock automatically (NTP): tokens and sessions expire, and a wrong clock makes them look expired.</source>
        <translation>Configura el reloj para que se ajuste automáticamente (NTP): los tokens y las sesiones caducan, y un reloj incorrecto hace que parezcan caducados.</translation>
    </message>
    <message>
        <source>The clock agrees with %1&apos;s (within %2 s).</source>
        <translation>El reloj coincide con el de %1 (con un margen de %2 s).</translation>
    </message>
    <message>
        <source>%1 did not say its time; the clock was not compared.</source>
        <translation>%1 no indicó su hora; no se comparó el reloj.</translation>
    </message>
    <message>
        <source>The web engine could not reach %1, so its certificate was not checked there.</source>
        <translation>El motor web no pudo acceder a %1, así que no se comprobó allí su certificado.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate verifies for the web engine.</source>
        <translation>El certificado de %1 se verifica para el motor web.</translation>
    </message>
    <message>
        <source>%1&apos;s certificate does not verify for the web engine: %2</source>
        <translation>El certificado de %1 no se verifica para el motor web: %2</translation>
    </message>
    <message>
        <source>The web engine trusts the system&apos;s NSS store: if your network inspects secure connections, ask IT to add its certificate authority there.</source>
        <translation>El motor web confía en el almacén NSS del sistema: si tu red inspecciona las conexiones seguras, pide a tu equipo de TI que añada allí su autoridad de certificación.</translation>
    </message>
    <message>
        <source>Both network stacks use %1 for %2.</source>
        <translation>Las dos pilas de red usan %1 para %2.</translation>
    </message>
    <message>
        <source>The two network stacks differ for %1: the API client uses %2, the web engine %3.</source>
        <translation>Las dos pilas de red difieren para %1: el cliente de la API usa %2 y el motor web, %3.</translation>
    </message>
    <message>
        <source>Requests and pages would take different routes: set the proxy the same way for both (the environment&apos;s http_proxy/https_proxy, or none).</source>
        <translation>Las solicitudes y las páginas seguirían rutas distintas: configura el proxy igual para ambas (http_proxy/https_proxy del entorno, o ninguno).</translation>
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
        <translation>aviso</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>PROBLEMA</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Qué hacer: %1</translation>
    </message>
</context>
<context>
    <name>DoctorCommand</name>
    <message>
        <source>Checking the profile “%1”…</source>
        <translation>Comprobando el perfil «%1»…</translation>
    </message>
</context>
<context>
    <name>ExchangeLog</name>
    <message>
        <source>… (%1 characters in all)</source>
        <translation>… (%1 caracteres en total)</translation>
    </message>
    <message>
        <source>no more entries are recorded for this session (%1 already)</source>
        <translation>no se registran más entradas en esta sesión (ya hay %1)</translation>
    </message>
</context>
<context>
    <name>ExchangeLogView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>C&amp;opiar</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Intercambios</translation>
    </message>
    <message>
        <source>Copy every exchange as text (secrets are already hidden)</source>
        <translation>Copiar todos los intercambios como texto (los secretos ya están ocultos)</translation>
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
        <translation>Todavía no hay intercambios</translation>
    </message>
    <message>
        <source>Exchanges: %1</source>
        <translation>Intercambios: %1</translation>
    </message>
    <message>
        <source>No exchanges were recorded</source>
        <translation>No se registró ningún intercambio</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 es obligatorio.</translation>
    </message>
    <message>
        <source>%1 must be on or off.</source>
        <translation>%1 debe estar activado o desactivado.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 debe ser un número.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 debe estar entre %2 y %3.</translation>
    </message>
    <message>
        <source>%1 must be one of the listed choices.</source>
        <translation>%1 debe ser una de las opciones de la lista.</translation>
    </message>
    <message>
        <source>%1 must be an email address.</source>
        <translation>%1 debe ser una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>%1 must be a web address (https://…).</source>
        <translation>%1 debe ser una dirección web (https://…).</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 debe ser texto.</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message numerus="yes">
        <source>Forgot %n session(s).</source>
        <translation>
            <numerusform>Se olvidó %n sesión.</numerusform>
            <numerusform>Se olvidaron %n sesiones.</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions are kept yet.</source>
        <translation>Todavía no hay sesiones guardadas.</translation>
    </message>
    <message>
        <source>No kept session matches.</source>
        <translation>Ninguna sesión guardada coincide.</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Connection or reason</source>
        <translation>Conexión o motivo</translation>
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
        <translation>Completada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Copy &amp;Session</source>
        <translation>Copiar &amp;sesión</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>&amp;Integration:</source>
        <translation>&amp;Integración:</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>&amp;Resultado:</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Perfil:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Connection or reason</source>
        <translation>Conexión o motivo</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Sesiones anteriores</translation>
    </message>
    <message>
        <source>The chosen session</source>
        <translation>La sesión elegida</translation>
    </message>
    <message>
        <source>Copy the chosen session&apos;s result and exchanges as text (secrets were never kept)</source>
        <translation>Copiar como texto el resultado y los intercambios de la sesión elegida (los secretos nunca se guardaron)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>No sessions are kept yet. Each session you run from now on is listed here with its result and exchanges.</source>
        <translation>Todavía no hay sesiones guardadas. Cada sesión que ejecutes a partir de ahora aparecerá aquí con su resultado y sus intercambios.</translation>
    </message>
    <message>
        <source>No kept session matches these filters.</source>
        <translation>Ninguna sesión guardada coincide con estos filtros.</translation>
    </message>
    <message>
        <source>%1 on %2 (%3): %4</source>
        <translation>%1 en %2 (%3): %4</translation>
    </message>
    <message>
        <source>Connection “%1” (%2), id %3</source>
        <translation>Conexión «%1» (%2), id. %3</translation>
    </message>
    <message>
        <source>%1 %2 ms</source>
        <translation>%1 %2 ms</translation>
    </message>
    <message>
        <source>Timings: %1</source>
        <translation>Tiempos: %1</translation>
    </message>
</context>
<context>
    <name>IntegrationChooser</name>
    <message>
        <source>Choose an integration</source>
        <translation>Elegir una integración</translation>
    </message>
    <message>
        <source>Which account do you want to connect to %1?</source>
        <translation>¿Qué cuenta quieres conectar a %1?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>IntegrationPicker</name>
    <message>
        <source>Search integrations</source>
        <translation>Buscar integraciones</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integraciones</translation>
    </message>
    <message>
        <source>Loading integrations…</source>
        <translation>Cargando integraciones…</translation>
    </message>
    <message>
        <source>This backend offers no integrations.</source>
        <translation>Este backend no ofrece ninguna integración.</translation>
    </message>
    <message>
        <source>No integration matches “%1”.</source>
        <translation>Ninguna integración coincide con «%1».</translation>
    </message>
    <message>
        <source>Showing 0 of %1</source>
        <translation>Mostrando 0 de %1</translation>
    </message>
    <message>
        <source>Integrations: %1</source>
        <translation>Integraciones: %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>Mostrando %1 de %2</translation>
    </message>
</context>
<context>
    <name>JsonEnvelope</name>
    <message>
        <source>The server&apos;s reply is not valid JSON (%1 at byte %2).</source>
        <translation>La respuesta del servidor no es un JSON válido (%1 en el byte %2).</translation>
    </message>
    <message>
        <source>The server&apos;s reply has no &quot;data&quot; field.</source>
        <translation>La respuesta del servidor no tiene el campo «data».</translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>the key is not an RSA key</source>
        <translation>la clave no es una clave RSA</translation>
    </message>
    <message>
        <source>not a JWT (three dot-separated parts)</source>
        <translation>no es un JWT (tres partes separadas por puntos)</translation>
    </message>
    <message>
        <source>not signed with RS256</source>
        <translation>no está firmado con RS256</translation>
    </message>
    <message>
        <source>the signature does not match the key</source>
        <translation>la firma no coincide con la clave</translation>
    </message>
    <message>
        <source>the payload is not a JSON object</source>
        <translation>la carga útil no es un objeto JSON</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
</context>
<context>
    <name>KeychainAccess</name>
    <message>
        <source>The system keychain could not be used (%1). Set the %2 environment variable instead.</source>
        <translation>No se pudo usar el llavero del sistema (%1). Define en su lugar la variable de entorno %2.</translation>
    </message>
</context>
<context>
    <name>LogoCheck</name>
    <message>
        <source>The logo file is empty. Choose an SVG file.</source>
        <translation>El archivo del logotipo está vacío. Elige un archivo SVG.</translation>
    </message>
    <message>
        <source>The logo is larger than %1 KiB. Simplify it or export a smaller SVG.</source>
        <translation>El logotipo ocupa más de %1 KiB. Simplifícalo o exporta un SVG más pequeño.</translation>
    </message>
    <message>
        <source>The logo declares a DOCTYPE or entities; export it as plain SVG.</source>
        <translation>El logotipo declara un DOCTYPE o entidades; expórtalo como SVG simple.</translation>
    </message>
    <message>
        <source>The logo refers to files or addresses outside itself; embed them or remove them.</source>
        <translation>El logotipo hace referencia a archivos o direcciones externos; incrústalos o elimínalos.</translation>
    </message>
    <message>
        <source>This is not an SVG image. Choose an .svg file.</source>
        <translation>Esto no es una imagen SVG. Elige un archivo .svg.</translation>
    </message>
    <message>
        <source>The logo contains scripts or embedded web content, which are not allowed. Export it as plain SVG.</source>
        <translation>El logotipo contiene scripts o contenido web incrustado, que no están permitidos. Expórtalo como SVG simple.</translation>
    </message>
    <message>
        <source>The logo is not a well-formed SVG file (%1).</source>
        <translation>El logotipo no es un archivo SVG bien formado (%1).</translation>
    </message>
    <message>
        <source>no &lt;svg&gt; element</source>
        <translation>no hay ningún elemento &lt;svg&gt;</translation>
    </message>
    <message>
        <source>The logo cannot be drawn. Open it in an SVG editor and export it again.</source>
        <translation>No se puede dibujar el logotipo. Ábrelo en un editor de SVG y vuelve a exportarlo.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>No se puede leer %1: %2.</translation>
    </message>
</context>
<context>
    <name>MachineSettings</name>
    <message>
        <source>“%1” is not a setting Connect Desktop knows; it is ignored.</source>
        <translation>«%1» no es un ajuste que Connect Desktop conozca; se ignora.</translation>
    </message>
    <message>
        <source>the theme must be system, light or dark.</source>
        <translation>el tema debe ser system, light o dark.</translation>
    </message>
    <message>
        <source>the kind must be polytomic, proxy or sandbox.</source>
        <translation>el tipo debe ser polytomic, proxy o sandbox.</translation>
    </message>
    <message>
        <source>unknown API version; known: %1.</source>
        <translation>versión de API desconocida; versiones conocidas: %1.</translation>
    </message>
    <message>
        <source>the language must be a code such as de or fr_CA.</source>
        <translation>el idioma debe ser un código como de o fr_CA.</translation>
    </message>
    <message>
        <source>your organisation</source>
        <translation>tu organización</translation>
    </message>
    <message>
        <source>Company backend</source>
        <translation>Backend de la empresa</translation>
    </message>
    <message>
        <source>the access must be direct, backend or sandbox.</source>
        <translation>el acceso debe ser direct, backend o sandbox.</translation>
    </message>
    <message>
        <source>the base URL must be a web address such as %1.</source>
        <translation>la URL base debe ser una dirección web, como %1.</translation>
    </message>
    <message>
        <source>the platform must be one of: %1.</source>
        <translation>la plataforma debe ser una de estas: %1.</translation>
    </message>
    <message>
        <source>the address must be a web address such as %1.</source>
        <translation>la dirección debe ser una dirección web como %1.</translation>
    </message>
    <message>
        <source>the project ID may hold only letters, digits and hyphens.</source>
        <translation>el ID del proyecto solo puede contener letras, dígitos y guiones.</translation>
    </message>
    <message>
        <source>the proxy must be system, none or manual.</source>
        <translation>el proxy debe ser system, none o manual.</translation>
    </message>
    <message>
        <source>the proxy address is not usable: %1</source>
        <translation>la dirección del proxy no se puede usar: %1</translation>
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
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Reload integrations and connections (%1)</source>
        <translation>Volver a cargar las integraciones y las conexiones (%1)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Find Integration</source>
        <translation>&amp;Buscar integración</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Perfil:</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>A local test server: nothing here touches a real account</source>
        <translation>Un servidor de pruebas local: nada de aquí afecta a una cuenta real</translation>
    </message>
    <message>
        <source>Connect an &amp;integration</source>
        <translation>Conectar una &amp;integración</translation>
    </message>
    <message>
        <source>Your &amp;connections</source>
        <translation>Tus &amp;conexiones</translation>
    </message>
    <message>
        <source>Sandbox: a test server on this computer. Nothing you connect here reaches a real account.</source>
        <translation>Sandbox: un servidor de pruebas en este equipo. Nada de lo que conectes aquí llega a una cuenta real.</translation>
    </message>
    <message>
        <source>%1 — Connect Desktop</source>
        <translation>%1 — Connect Desktop</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message>
        <source>“%1” could not be opened. %2</source>
        <translation>No se pudo abrir «%1». %2</translation>
    </message>
    <message>
        <source>Open &amp;Settings</source>
        <translation>A&amp;brir la configuración</translation>
    </message>
    <message>
        <source>Try &amp;Again</source>
        <translation>Volver a in&amp;tentarlo</translation>
    </message>
    <message>
        <source>Integrations appear once the profile opens.</source>
        <translation>Las integraciones aparecen cuando se abre el perfil.</translation>
    </message>
    <message>
        <source>Connections appear once the profile opens.</source>
        <translation>Las conexiones aparecen cuando se abre el perfil.</translation>
    </message>
    <message>
        <source>None of the allowed integrations (%1) is offered by %2. Check the allowed integrations in the settings, or switch profile.</source>
        <translation>El backend actual (%2) no ofrece ninguna de las integraciones permitidas (%1). Revisa las integraciones permitidas en la configuración o cambia de perfil.</translation>
    </message>
    <message>
        <source>A link asked to connect “%1”. Finish or close the current connection first, then open the link again.</source>
        <translation>Un enlace pidió conectar «%1». Termina o cierra primero la conexión actual y vuelve a abrir el enlace.</translation>
    </message>
    <message>
        <source>A link asked to connect “%1”, which is not among the integrations you can connect here.</source>
        <translation>Un enlace pidió conectar «%1», que no está entre las integraciones que puedes conectar aquí.</translation>
    </message>
    <message>
        <source>Checking the names of your connections…</source>
        <translation>Comprobando los nombres de tus conexiones…</translation>
    </message>
    <message>
        <source>Connected %1 as “%2”.</source>
        <translation>%1 conectado como «%2».</translation>
    </message>
    <message>
        <source>Connected %1 as “%2” (%3).</source>
        <translation>%1 conectado como «%2» (%3).</translation>
    </message>
    <message>
        <source>Cancelled: %1 was not connected.</source>
        <translation>Cancelado: %1 no se conectó.</translation>
    </message>
    <message>
        <source>%1 was not connected (%2).</source>
        <translation>%1 no se conectó (%2).</translation>
    </message>
    <message>
        <source>%1 was not connected. %2</source>
        <translation>%1 no se conectó. %2</translation>
    </message>
    <message>
        <source>Try Again as “%1”</source>
        <translation>Volver a intentarlo como «%1»</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Eliminar conexión</translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>¿Eliminar la conexión «%1»?</translation>
    </message>
    <message>
        <source>Anything that uses it stops working. This cannot be undone.</source>
        <translation>Todo lo que la usa dejará de funcionar. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Removing “%1”…</source>
        <translation>Eliminando «%1»…</translation>
    </message>
    <message>
        <source>“%1” could not be removed. %2</source>
        <translation>No se pudo eliminar «%1». %2</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>Se eliminó «%1».</translation>
    </message>
    <message>
        <source>The integrations could not be refreshed: %1</source>
        <translation>No se pudieron actualizar las integraciones: %1</translation>
    </message>
    <message>
        <source>Diagnostics saved to %1</source>
        <translation>Diagnóstico guardado en %1</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>The last sessions: their results and exchanges</source>
        <translation>Las últimas sesiones: sus resultados e intercambios</translation>
    </message>
    <message>
        <source>Save &amp;Diagnostics…</source>
        <translation>Guardar &amp;diagnóstico…</translation>
    </message>
    <message>
        <source>Save a bundle for support: versions, settings and sessions, without secrets</source>
        <translation>Guardar un paquete para el soporte: versiones, configuración y sesiones, sin secretos</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
</context>
<context>
    <name>MessagePage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>Volver a in&amp;tentarlo</translation>
    </message>
</context>
<context>
    <name>ModalHost</name>
    <message>
        <source>Connect page</source>
        <translation>Página de conexión</translation>
    </message>
    <message>
        <source>a message box (alert), not shown: “%1”</source>
        <translation>un cuadro de mensaje (alert), no mostrado: «%1»</translation>
    </message>
    <message>
        <source>a question (confirm), answered Cancel: “%1”</source>
        <translation>una pregunta (confirm), respondida con Cancelar: «%1»</translation>
    </message>
    <message>
        <source>a text prompt (prompt), answered with nothing: “%1”</source>
        <translation>una petición de texto (prompt), respondida sin texto: «%1»</translation>
    </message>
    <message>
        <source>a request to stay on the page (beforeunload), answered Leave</source>
        <translation>una petición de quedarse en la página (beforeunload), respondida con Salir</translation>
    </message>
</context>
<context>
    <name>NavigationPolicy</name>
    <message>
        <source>the address is not valid</source>
        <translation>la dirección no es válida</translation>
    </message>
    <message>
        <source>about: pages other than about:blank are not allowed</source>
        <translation>no se permiten páginas about: distintas de about:blank</translation>
    </message>
    <message>
        <source>%1: addresses are not allowed; only web pages (https) are</source>
        <translation>no se permiten direcciones %1:; solo páginas web (https)</translation>
    </message>
    <message>
        <source>the address has no host</source>
        <translation>la dirección no tiene host</translation>
    </message>
    <message>
        <source>addresses with a user name or password are not allowed</source>
        <translation>no se permiten direcciones con nombre de usuario o contraseña</translation>
    </message>
    <message>
        <source>plain http is allowed only to this computer; %1 must use https</source>
        <translation>http sin cifrar solo se permite hacia este equipo; %1 debe usar https</translation>
    </message>
    <message>
        <source>only the session&apos;s own redirect may reach the app&apos;s port</source>
        <translation>solo la redirección propia de la sesión puede llegar al puerto de la aplicación</translation>
    </message>
</context>
<context>
    <name>PageFileDialog</name>
    <message>
        <source>Files the page accepts (%1)</source>
        <translation>Archivos que acepta la página (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose a File for the Page</source>
        <translation>Elegir un archivo para la página</translation>
    </message>
</context>
<context>
    <name>ParagonAttempt</name>
    <message>
        <source>Paragon&apos;s portal connects one integration at a time: choose one.</source>
        <translation>El portal de Paragon conecta una sola integración cada vez: elige una.</translation>
    </message>
    <message numerus="yes">
        <source>Paragon&apos;s portal connects one integration at a time, and %n were asked for: choose one.</source>
        <translation>
            <numerusform>El portal de Paragon conecta una sola integración cada vez, y se pidió %n: elige una.</numerusform>
            <numerusform>El portal de Paragon conecta una sola integración cada vez, y se pidieron %n: elige una.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paragon&apos;s project has no active integration “%1”.</source>
        <translation>El proyecto de Paragon no tiene ninguna integración activa «%1».</translation>
    </message>
    <message>
        <source>Could not open a local port for Paragon&apos;s portal page (%1).</source>
        <translation>No se pudo abrir un puerto local para la página del portal de Paragon (%1).</translation>
    </message>
    <message>
        <source>Paragon Connect Portal</source>
        <translation>Paragon Connect Portal</translation>
    </message>
    <message>
        <source>Paragon connected an account (credential %1)</source>
        <translation>Paragon conectó una cuenta (credencial %1)</translation>
    </message>
    <message>
        <source>The sign-in window could not open. Try again; if it keeps happening, ask your IT team whether pop-ups are blocked for Connect Desktop.</source>
        <translation>No se pudo abrir la ventana de inicio de sesión. Vuelve a intentarlo; si sigue ocurriendo, pregunta a tu equipo de TI si las ventanas emergentes están bloqueadas para Connect Desktop.</translation>
    </message>
    <message numerus="yes">
        <source>The sign-in window did not finish in %n minutes. Connect again when you are ready to sign in.</source>
        <translation>
            <numerusform>La ventana de inicio de sesión no terminó en %n minuto. Vuelve a conectar cuando estés listo para iniciar sesión.</numerusform>
            <numerusform>La ventana de inicio de sesión no terminó en %n minutos. Vuelve a conectar cuando estés listo para iniciar sesión.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paragon did not accept the user token (%1). Check the profile&apos;s project id and token URL or signing key.</source>
        <translation>Paragon no aceptó el token de usuario (%1). Comprueba el ID del proyecto del perfil y la URL del token o la clave de firma.</translation>
    </message>
    <message>
        <source>Paragon&apos;s portal reported a problem: %1</source>
        <translation>El portal de Paragon informó de un problema: %1</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>sin detalles</translation>
    </message>
    <message>
        <source>Paragon&apos;s portal said the account was connected, but Paragon does not list it for this user. Connect again; if it keeps happening, contact the platform&apos;s support.</source>
        <translation>El portal de Paragon indicó que la cuenta se conectó, pero Paragon no la muestra para este usuario. Vuelve a conectarla; si sigue ocurriendo, contacta con el soporte de la plataforma.</translation>
    </message>
</context>
<context>
    <name>ParagonHttp</name>
    <message>
        <source>Paragon refused the user token.</source>
        <translation>Paragon rechazó el token de usuario.</translation>
    </message>
    <message>
        <source>The answer from %1 is not JSON (%2). Check the profile&apos;s addresses.</source>
        <translation>La respuesta de %1 no es JSON (%2). Comprueba las direcciones del perfil.</translation>
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
        <translation>El inicio de sesión de la cuenta ya no es válido: vuelve a conectarla.</translation>
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
        <translation>Paragon rechazó el token de usuario del proyecto %1. Comprueba el ID del proyecto del perfil y de dónde vienen sus tokens (la URL del token o la clave de firma).</translation>
    </message>
    <message>
        <source>Paragon&apos;s list of integrations could not be read (not a list). Check the profile&apos;s service addresses.</source>
        <translation>No se pudo leer la lista de integraciones de Paragon (no es una lista). Comprueba las direcciones de servicio del perfil.</translation>
    </message>
    <message>
        <source>Paragon&apos;s user state could not be read (not an object). Check the profile&apos;s service addresses.</source>
        <translation>No se pudo leer el estado del usuario en Paragon (no es un objeto). Comprueba las direcciones de servicio del perfil.</translation>
    </message>
    <message>
        <source>This account is not in the list Paragon gave last. Refresh the list, then try again.</source>
        <translation>Esta cuenta no está en la última lista que dio Paragon. Actualiza la lista y vuelve a intentarlo.</translation>
    </message>
    <message numerus="yes">
        <source>project %1, a user with %n integration(s) connected</source>
        <translation>
            <numerusform>proyecto %1, un usuario con %n integración conectada</numerusform>
            <numerusform>proyecto %1, un usuario con %n integraciones conectadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParagonSandbox</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 for any.</source>
        <translation>No se puede escuchar en 127.0.0.1:%1 (%2). Elige otro puerto con --port, o 0 para cualquiera.</translation>
    </message>
    <message>
        <source>Sync your %1 data (sandbox stand-in; nothing leaves this computer).</source>
        <translation>Sincroniza tus datos de %1 (simulación del sandbox; nada sale de este equipo).</translation>
    </message>
    <message>
        <source>Connect your %1 account.</source>
        <translation>Conecta tu cuenta de %1.</translation>
    </message>
    <message>
        <source>No project %1 in this sandbox; its project is %2.</source>
        <translation>No hay ningún proyecto %1 en este sandbox; su proyecto es %2.</translation>
    </message>
    <message>
        <source>No such credential</source>
        <translation>No existe esa credencial</translation>
    </message>
    <message>
        <source>Unknown integrationId</source>
        <translation>integrationId desconocido</translation>
    </message>
    <message>
        <source>The sandbox refused to start the sign-in (a fault option).</source>
        <translation>El sandbox se negó a empezar el inicio de sesión (una opción de fallo simulado).</translation>
    </message>
    <message>
        <source>integrationId and oauthMetaKeyId are needed</source>
        <translation>Se necesitan integrationId y oauthMetaKeyId</translation>
    </message>
    <message>
        <source>Name the user: ?sub=USER_ID</source>
        <translation>Indica el usuario: ?sub=USER_ID</translation>
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
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Polytomic&apos;s API, with an API key kept in this computer&apos;s keychain.</source>
        <translation>La API de Polytomic, con una clave de API guardada en el llavero de este equipo.</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>URL &amp;base:</translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation>&amp;Clave de API:</translation>
    </message>
    <message>
        <source>Backend proxy</source>
        <translation>Proxy de backend</translation>
    </message>
    <message>
        <source>Your backend adds the API key; the app never holds it.</source>
        <translation>Tu backend añade la clave de API; la app nunca la tiene.</translation>
    </message>
    <message>
        <source>Your &amp;credential:</source>
        <translation>Tu &amp;credencial:</translation>
    </message>
    <message>
        <source>Paragon</source>
        <translation>Paragon</translation>
    </message>
    <message>
        <source>Your backend (token URL)</source>
        <translation>Tu backend (URL del token)</translation>
    </message>
    <message>
        <source>Your backend signs a user token and answers the token URL with {&quot;token&quot;: &quot;…&quot;}.</source>
        <translation>Tu backend firma un token de usuario y responde a la URL del token con {&quot;token&quot;: &quot;…&quot;}.</translation>
    </message>
    <message>
        <source>&amp;Token URL:</source>
        <translation>URL del to&amp;ken:</translation>
    </message>
    <message>
        <source>Signing key (support staff)</source>
        <translation>Clave de firma (personal de soporte)</translation>
    </message>
    <message>
        <source>The app signs short-lived user tokens for one user with the project&apos;s signing key.</source>
        <translation>La app firma tokens de usuario de corta duración para un usuario con la clave de firma del proyecto.</translation>
    </message>
    <message>
        <source>&amp;Signing key (PEM):</source>
        <translation>Clave de &amp;firma (PEM):</translation>
    </message>
    <message>
        <source>For support staff: the signing key stays in this computer&apos;s keychain. Never give it to end users.</source>
        <translation>Para el personal de soporte: la clave de firma se queda en el llavero de este equipo. Nunca se la des a los usuarios finales.</translation>
    </message>
</context>
<context>
    <name>PolytomicAttempt</name>
    <message>
        <source>Could not open a local port for the sign-in to return to (%1).</source>
        <translation>No se pudo abrir un puerto local al que volver después del inicio de sesión (%1).</translation>
    </message>
</context>
<context>
    <name>PolytomicProvider</name>
    <message>
        <source>&quot;data&quot; is not a list</source>
        <translation>«data» no es una lista</translation>
    </message>
    <message>
        <source>the connection has no id</source>
        <translation>la conexión no tiene id.</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
</context>
<context>
    <name>PopupWindow</name>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>PreparingView</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
</context>
<context>
    <name>ProfileChoice</name>
    <message>
        <source>--base-url and --proxy-url are Polytomic&apos;s; for %1, name a profile with --profile (add one in the app&apos;s settings).</source>
        <translation>--base-url y --proxy-url son de Polytomic; para %1, indica un perfil con --profile (añade uno en la configuración de la aplicación).</translation>
    </message>
    <message>
        <source>Unknown profile “%1”. Profiles: %2 (add one in the app&apos;s settings).</source>
        <translation>Perfil desconocido «%1». Perfiles: %2 (añade uno en la configuración de la aplicación).</translation>
    </message>
    <message>
        <source>The profile “%1” is a %2 profile, not %3.</source>
        <translation>El perfil «%1» es un perfil de %2, no de %3.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Credential &amp;header:</source>
        <translation>&amp;Encabezado de credencial:</translation>
    </message>
    <message>
        <source>Re&amp;member sign-ins</source>
        <translation>&amp;Recordar los inicios de sesión</translation>
    </message>
    <message>
        <source>Allow continuing past an &amp;invalid certificate (support only)</source>
        <translation>&amp;Permitir continuar con un certificado no válido (solo para soporte)</translation>
    </message>
    <message>
        <source>Edit Profile</source>
        <translation>Editar perfil</translation>
    </message>
    <message>
        <source>Add Profile</source>
        <translation>Añadir perfil</translation>
    </message>
    <message>
        <source>Keeps the cookies of sign-in pages in this profile&apos;s own folder, so providers remember you next time. Off: nothing of the web pages is kept once the app closes.</source>
        <translation>Guarda las cookies de las páginas de inicio de sesión en la carpeta propia de este perfil, para que los proveedores te recuerden la próxima vez. Desactivado: no se conserva nada de las páginas web al cerrar la aplicación.</translation>
    </message>
    <message>
        <source>Only for testing servers with self-made certificates. A page whose certificate is not valid may not be who it claims to be: anything typed into it can be read by others. Connect Desktop asks each time and shows a warning while such a page is open.</source>
        <translation>Solo para probar servidores con certificados autofirmados. Una página cuyo certificado no es válido puede no ser quien dice ser: otras personas podrían leer todo lo que escribas en ella. Connect Desktop pregunta cada vez y muestra una advertencia mientras esa página esté abierta.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>API &amp;version:</source>
        <translation>&amp;Versión de la API:</translation>
    </message>
    <message>
        <source>Web pages:</source>
        <translation>Páginas web:</translation>
    </message>
    <message>
        <source>•••• stored in keychain</source>
        <translation>•••• guardada en el llavero</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored one.</source>
        <translation>Déjalo vacío para conservar la guardada.</translation>
    </message>
    <message>
        <source>Optional: sent in the credential header</source>
        <translation>Opcional: se envía en el encabezado de credencial</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>Pega la clave de API</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never shown again.</source>
        <translation>Se guarda en el llavero del sistema y no se vuelve a mostrar.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Ponle un nombre al perfil.</translation>
    </message>
    <message>
        <source>Profile Set by %1</source>
        <translation>Perfil (definido por %1)</translation>
    </message>
    <message>
        <source>Choose Key &amp;File…</source>
        <translation>Elegir &amp;archivo de clave…</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Paste the key (-----BEGIN PRIVATE KEY----- …), or choose its file</source>
        <translation>Pega la clave (-----BEGIN PRIVATE KEY----- …) o elige su archivo</translation>
    </message>
    <message>
        <source>Only for an installation on your own servers. An empty field keeps the cloud&apos;s address.</source>
        <translation>Solo para una instalación en tus propios servidores. Un campo vacío mantiene la dirección de la nube.</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>P&amp;lataforma:</translation>
    </message>
    <message>
        <source>Pro&amp;ject ID:</source>
        <translation>ID del pro&amp;yecto:</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>ID de &amp;usuario:</translation>
    </message>
    <message>
        <source>Choose the Signing Key</source>
        <translation>Elegir la clave de firma</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>Claves PEM (*.pem *.key);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Se&amp;lf-hosted %1: its own service addresses</source>
        <translation>%1 autoalo&amp;jado: sus propias direcciones de servicio</translation>
    </message>
    <message>
        <source>This file is too large to be a signing key.</source>
        <translation>Este archivo es demasiado grande para ser una clave de firma.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>No se pudo leer el archivo: %1</translation>
    </message>
    <message>
        <source>A project ID holds only letters, digits and hyphens.</source>
        <translation>Un ID de proyecto solo contiene letras, dígitos y guiones.</translation>
    </message>
    <message>
        <source>Enter a web address such as %1.</source>
        <translation>Escribe una dirección web como %1.</translation>
    </message>
    <message>
        <source>This key is protected by a passphrase. Save it without one first (openssl pkey -in key.pem -out plain.pem).</source>
        <translation>Esta clave está protegida con una frase de contraseña. Guárdala antes sin ella (openssl pkey -in key.pem -out plain.pem).</translation>
    </message>
    <message>
        <source>This is not an RSA private key in PEM form: it begins with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.</source>
        <translation>Esto no es una clave privada RSA en formato PEM: empieza por -----BEGIN PRIVATE KEY----- o -----BEGIN RSA PRIVATE KEY-----.</translation>
    </message>
    <message>
        <source>%1 must be a web address such as %2.</source>
        <translation>%1 debe ser una dirección web como %2.</translation>
    </message>
    <message>
        <source>Fill in “%1”.</source>
        <translation>Rellena «%1».</translation>
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
        <translation>Elige otro id. de perfil; no se puede usar «%1».</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Ponle un nombre al perfil.</translation>
    </message>
    <message>
        <source>Choose one of the known API versions: %1.</source>
        <translation>Elige una de las versiones conocidas de la API: %1.</translation>
    </message>
    <message>
        <source>The address must be a web address such as %1.</source>
        <translation>La dirección debe ser una dirección web, como %1.</translation>
    </message>
    <message>
        <source>Paragon sandbox</source>
        <translation>Sandbox de Paragon</translation>
    </message>
    <message>
        <source>There is one sandbox profile per platform, and it is built in.</source>
        <translation>Hay un perfil de sandbox por plataforma, y viene incluido.</translation>
    </message>
    <message>
        <source>%1 profiles cannot be of this kind; choose one of the kinds offered.</source>
        <translation>Los perfiles de %1 no pueden ser de este tipo; elige uno de los tipos ofrecidos.</translation>
    </message>
    <message>
        <source>Enter the %1 project ID (you find it in the %1 dashboard).</source>
        <translation>Escribe el ID del proyecto de %1 (lo encontrarás en el panel de %1).</translation>
    </message>
    <message>
        <source>The project ID may hold only letters, digits and hyphens, as in 3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.</source>
        <translation>El ID del proyecto solo puede contener letras, dígitos y guiones, como en 3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.</translation>
    </message>
    <message>
        <source>Enter the ID of the user the tokens are signed for.</source>
        <translation>Escribe el ID del usuario para el que se firman los tokens.</translation>
    </message>
    <message>
        <source>%1 is not a service of %2.</source>
        <translation>%1 no es un servicio de %2.</translation>
    </message>
    <message>
        <source>The address of %1 must be a web address such as %2.</source>
        <translation>La dirección de %1 debe ser una dirección web como %2.</translation>
    </message>
</context>
<context>
    <name>ProfileSwitcher</name>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>The backend this window talks to</source>
        <translation>El backend con el que se comunica esta ventana</translation>
    </message>
    <message>
        <source>%1 (sandbox)</source>
        <translation>%1 (sandbox)</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>Definido por %1</translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>Type the proxy&apos;s address, such as proxy.example.com:3128.</source>
        <translation>Escribe la dirección del proxy, como proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>This is not a proxy address: type host:port, such as proxy.example.com:3128.</source>
        <translation>Esta no es una dirección de proxy: escribe host:port, como proxy.example.com:3128.</translation>
    </message>
    <message>
        <source>The proxy must be http:// or socks5:// (both the API and the web pages use it).</source>
        <translation>El proxy debe ser http:// o socks5:// (lo usan tanto la API como las páginas web).</translation>
    </message>
    <message>
        <source>Leave the user and password out of the address: they have fields of their own (the password is kept in the keychain).</source>
        <translation>No incluyas el usuario ni la contraseña en la dirección: tienen sus propios campos (la contraseña se guarda en el llavero).</translation>
    </message>
    <message>
        <source>Add the proxy&apos;s port, such as :3128 or :8080.</source>
        <translation>Añade el puerto del proxy, como :3128 o :8080.</translation>
    </message>
    <message>
        <source>A proxy address has no path: type only host:port.</source>
        <translation>Una dirección de proxy no lleva ruta: escribe solo host:port.</translation>
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
        <translation>Puedes cerrar esta pestaña</translation>
    </message>
    <message>
        <source>Connect Desktop has what it needs and is finishing in its own window.</source>
        <translation>Connect Desktop ya tiene lo que necesita y está terminando en su propia ventana.</translation>
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
        <translation>Sandbox de Connect escuchando en %1</translation>
    </message>
    <message>
        <source>API key: %1</source>
        <translation>Clave de API: %1</translation>
    </message>
    <message>
        <source>Try: curl -H &apos;Authorization: Bearer %1&apos; %2/api/connection_types</source>
        <translation>Prueba: curl -H &apos;Authorization: Bearer %1&apos; %2/api/connection_types</translation>
    </message>
    <message>
        <source>Stop it with Ctrl+C.</source>
        <translation>Detenlo con Ctrl+C.</translation>
    </message>
    <message>
        <source>Paragon sandbox listening on %1</source>
        <translation>Sandbox de Paragon escuchando en %1</translation>
    </message>
    <message>
        <source>Project id: %1</source>
        <translation>ID del proyecto: %1</translation>
    </message>
    <message>
        <source>Token URL: %1?sub=USER_ID</source>
        <translation>URL del token: %1?sub=USER_ID</translation>
    </message>
    <message>
        <source>Try: curl &apos;%1?sub=someone&apos;</source>
        <translation>Prueba: curl &apos;%1?sub=someone&apos;</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 for any free port.</source>
        <translation>No se puede escuchar en 127.0.0.1:%1 (%2). Elige otro puerto con --port, o 0 para cualquier puerto libre.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>No hay nada en esta dirección.</translation>
    </message>
    <message>
        <source>invalid token (sandbox fault)</source>
        <translation>token no válido (fallo simulado del sandbox)</translation>
    </message>
    <message>
        <source>sandbox fault: forced status %1</source>
        <translation>fallo simulado del sandbox: estado forzado %1</translation>
    </message>
    <message>
        <source>Unknown API version &quot;%1&quot; in X-Polytomic-Version. Known versions: %2.</source>
        <translation>Versión de API desconocida «%1» en X-Polytomic-Version. Versiones conocidas: %2.</translation>
    </message>
    <message>
        <source>Use POST to create a connect session.</source>
        <translation>Usa POST para crear una sesión de conexión.</translation>
    </message>
    <message>
        <source>Idempotency-Key must be 8 to 255 characters of letters, digits, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Idempotency-Key debe tener de 8 a 255 caracteres entre letras, dígitos, &apos;_&apos; y &apos;-&apos;.</translation>
    </message>
    <message>
        <source>A request with this Idempotency-Key is still being processed. Retry after it finishes.</source>
        <translation>Todavía se está procesando una solicitud con este Idempotency-Key. Reintenta cuando termine.</translation>
    </message>
    <message>
        <source>Use GET or DELETE on a connection.</source>
        <translation>Usa GET o DELETE sobre una conexión.</translation>
    </message>
    <message>
        <source>No such API endpoint: %1</source>
        <translation>No existe ese punto de conexión de la API: %1</translation>
    </message>
    <message>
        <source>The request body is not a JSON object (%1).</source>
        <translation>El cuerpo de la solicitud no es un objeto JSON (%1).</translation>
    </message>
    <message>
        <source>found another JSON value</source>
        <translation>se encontró otro valor JSON</translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot;</source>
        <translation>tipo de conexión desconocido «%1»</translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot; in whitelist</source>
        <translation>tipo de conexión desconocido «%1» en whitelist</translation>
    </message>
    <message>
        <source>connection %1 does not exist</source>
        <translation>la conexión %1 no existe</translation>
    </message>
    <message>
        <source>name must be unique: a connection named &quot;%1&quot; already exists</source>
        <translation>name debe ser único: ya existe una conexión llamada «%1»</translation>
    </message>
    <message>
        <source>connection %1 not found</source>
        <translation>no se encontró la conexión %1</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Conectar una cuenta</translation>
    </message>
    <message>
        <source>This connect session has already finished.</source>
        <translation>Esta sesión de conexión ya terminó.</translation>
    </message>
    <message>
        <source>The form could not be read. Reload the page and try again.</source>
        <translation>No se pudo leer el formulario. Vuelve a cargar la página e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>This integration is not offered in this session.</source>
        <translation>Esta integración no se ofrece en esta sesión.</translation>
    </message>
    <message>
        <source>Signing in to %1 was not completed. Click Sign in to try again.</source>
        <translation>No se completó el inicio de sesión en %1. Haz clic en «Iniciar sesión con %1» para volver a intentarlo.</translation>
    </message>
    <message>
        <source>Authentication failed %1 times. Start again from the app.</source>
        <translation>La autenticación falló %1 veces. Vuelve a empezar desde la aplicación.</translation>
    </message>
    <message>
        <source>Authentication failed: %1 rejected these credentials. Check them and try again.</source>
        <translation>Error de autenticación: %1 rechazó estas credenciales. Compruébalas y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The connection being reconnected no longer exists.</source>
        <translation>La conexión que se estaba volviendo a conectar ya no existe.</translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; already exists. Close this window and choose another name.</source>
        <translation>Ya existe una conexión llamada «%1». Cierra esta ventana y elige otro nombre.</translation>
    </message>
    <message>
        <source>sandbox: the first check of this connection failed</source>
        <translation>sandbox: la primera comprobación de esta conexión falló</translation>
    </message>
    <message>
        <source>Error 403: disallowed_useragent</source>
        <translation>Error 403: disallowed_useragent</translation>
    </message>
    <message>
        <source>This sign-in provider does not allow signing in from embedded browsers (sandbox imitation). Use a secure browser to continue.</source>
        <translation>Este proveedor de inicio de sesión no permite iniciar sesión desde navegadores integrados (imitación del sandbox). Usa un navegador seguro para continuar.</translation>
    </message>
    <message>
        <source>This integration does not sign in this way.</source>
        <translation>Esta integración no inicia sesión de esta forma.</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Iniciar sesión en %1</translation>
    </message>
    <message>
        <source>This connect link is not valid</source>
        <translation>Este enlace de conexión no es válido</translation>
    </message>
    <message>
        <source>Go back to the app and start connecting again.</source>
        <translation>Vuelve a la aplicación y empieza a conectar de nuevo.</translation>
    </message>
    <message>
        <source>This connect session has already been used</source>
        <translation>Esta sesión de conexión ya se usó</translation>
    </message>
    <message>
        <source>Each session works once. Go back to the app and start connecting again.</source>
        <translation>Cada sesión funciona una sola vez. Vuelve a la aplicación y empieza a conectar de nuevo.</translation>
    </message>
    <message>
        <source>This connect session has expired</source>
        <translation>Esta sesión de conexión caducó</translation>
    </message>
    <message>
        <source>Sessions last %1 minutes. Go back to the app and start connecting again.</source>
        <translation>Las sesiones duran %1 minutos. Vuelve a la aplicación y empieza a conectar de nuevo.</translation>
    </message>
    <message>
        <source>Sessions last %1 seconds. Go back to the app and start connecting again.</source>
        <translation>Las sesiones duran %1 segundos. Vuelve a la aplicación y empieza a conectar de nuevo.</translation>
    </message>
    <message>
        <source>Connect sandbox</source>
        <translation>Sandbox de Connect</translation>
    </message>
    <message>
        <source>This server speaks the Polytomic Connect API under /api/ and serves its own connect modal. Create a session with POST /api/connections/connect/ and open the redirect_url it returns.</source>
        <translation>Este servidor habla la API de Polytomic Connect en /api/ y sirve su propia página de conexión. Crea una sesión con POST /api/connections/connect/ y abre la redirect_url que devuelve.</translation>
    </message>
    <message>
        <source>%1 %2: cannot read it (%3).</source>
        <translation>%1 %2: no se puede leer (%3).</translation>
    </message>
    <message>
        <source>%1 %2: the file is larger than 256 KiB; use a smaller SVG.</source>
        <translation>%1 %2: el archivo ocupa más de 256 KiB; usa un SVG más pequeño.</translation>
    </message>
    <message>
        <source>%1 %2: this is not an SVG image.</source>
        <translation>%1 %2: esto no es una imagen SVG.</translation>
    </message>
</context>
<context>
    <name>SandboxStore</name>
    <message>
        <source>Cannot read the state file %1: %2.</source>
        <translation>No se puede leer el archivo de estado %1: %2.</translation>
    </message>
    <message>
        <source>The state file %1 is not a sandbox state file (%2). Move it away or choose another file with --state.</source>
        <translation>El archivo de estado %1 no es un archivo de estado del sandbox (%2). Muévelo a otro sitio o elige otro archivo con --state.</translation>
    </message>
</context>
<context>
    <name>SessionHistory</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>No se pudo eliminar %1.</translation>
    </message>
    <message>
        <source>The session history in %1 could not be read (%2).</source>
        <translation>No se pudo leer el historial de sesiones de %1 (%2).</translation>
    </message>
    <message>
        <source>The session history was damaged; it was set aside as %1 and a new one was started.</source>
        <translation>El historial de sesiones estaba dañado; se apartó como %1 y se empezó uno nuevo.</translation>
    </message>
    <message>
        <source>The session history in %1 is damaged and could not be set aside; it will be written anew.</source>
        <translation>El historial de sesiones de %1 está dañado y no se pudo apartar; se escribirá de nuevo.</translation>
    </message>
    <message>
        <source>Could not write the session history to %1 (%2).</source>
        <translation>No se pudo escribir el historial de sesiones en %1 (%2).</translation>
    </message>
</context>
<context>
    <name>SessionResultView</name>
    <message>
        <source>Integration</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>%1 is connected</source>
        <translation>%1 está conectado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>No conectado</translation>
    </message>
    <message>
        <source>Nothing was connected.</source>
        <translation>No se conectó nada.</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>No se pudo conectar</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Algo salió mal (%1).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apariencia</translation>
    </message>
    <message>
        <source>Connection &amp;names</source>
        <translation>&amp;Nombres de conexión</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Perfiles</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>The app&apos;s own logo</source>
        <translation>El logotipo propio de la aplicación</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Elegir un logotipo</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>Imágenes SVG (*.svg)</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logotipo:</translation>
    </message>
    <message>
        <source>Logo for &amp;dark theme:</source>
        <translation>Logotipo para el tema &amp;oscuro:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Vista previa:</translation>
    </message>
    <message>
        <source>An SVG of at most %1 KB that refers to nothing outside itself. The dark variant is optional.</source>
        <translation>Un SVG de %1 KB como máximo que no haga referencia a nada externo. La variante oscura es opcional.</translation>
    </message>
    <message>
        <source>{integration} the integration&apos;s name, {id} its id, {date} today (yyyy-MM-dd), {time} the time (HH:mm). A name already in use gets “ (2)”, “ (3)”… added.</source>
        <translation>{integration} el nombre de la integración, {id} su id., {date} la fecha de hoy (yyyy-MM-dd), {time} la hora (HH:mm). A un nombre que ya está en uso se le añade « (2)», « (3)»…</translation>
    </message>
    <message>
        <source>Name &amp;template:</source>
        <translation>Planti&amp;lla de nombre:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Ejemplo:</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>Aña&amp;dir…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Eli&amp;minar</translation>
    </message>
    <message>
        <source>Clear &amp;Web Data</source>
        <translation>Borrar datos &amp;web</translation>
    </message>
    <message>
        <source>Sign out of every page this profile&apos;s connect pages signed in to: deletes their cookies, cache and stored data.</source>
        <translation>Cerrar la sesión en todas las páginas en las que iniciaron sesión las páginas de conexión de este perfil: elimina sus cookies, su caché y sus datos almacenados.</translation>
    </message>
    <message>
        <source>The web data of “%1” is cleared: its connect pages start signed out.</source>
        <translation>Se borraron los datos web de «%1»: sus páginas de conexión empiezan sin sesión iniciada.</translation>
    </message>
    <message>
        <source>built-in sandbox</source>
        <translation>sandbox integrado</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Eliminar perfil</translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Its stored key is deleted from the keychain too.</source>
        <translation>¿Eliminar el perfil «%1»? Su clave guardada también se borrará del llavero.</translation>
    </message>
    <message>
        <source>This file could not be drawn as an image.</source>
        <translation>Este archivo no se pudo dibujar como imagen.</translation>
    </message>
    <message>
        <source>Some settings are set by %1 for everyone on this computer and cannot be changed here.</source>
        <translation>Algunos ajustes los define %1 para todos los usuarios de este equipo y no se pueden cambiar aquí.</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>Definido por %1</translation>
    </message>
    <message>
        <source>A new language applies when Connect Desktop starts again.</source>
        <translation>El nuevo idioma se aplicará cuando Connect Desktop se vuelva a iniciar.</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Every integration the backend offers</source>
        <translation>Todas las integraciones que ofrece el backend</translation>
    </message>
    <message>
        <source>Type ids separated by commas, such as hubspot, postgresql. With one, it opens straight away.</source>
        <translation>Id. de tipo separados por comas, como hubspot, postgresql. Si hay solo uno, se abre directamente.</translation>
    </message>
    <message>
        <source>&amp;Allowed integrations:</source>
        <translation>&amp;Integraciones permitidas:</translation>
    </message>
    <message>
        <source>%1, set by %2</source>
        <translation>%1, definido por %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source> sessions</source>
        <translation> sesiones</translation>
    </message>
    <message>
        <source>None (keep no history)</source>
        <translation>Ninguna (no conservar historial)</translation>
    </message>
    <message>
        <source>Sessions to keep</source>
        <translation>Sesiones que conservar</translation>
    </message>
    <message>
        <source>Each session&apos;s result, timings and exchange log are kept on this computer, without keys, tokens or passwords, for the History (View, History) and diagnostics bundles.</source>
        <translation>El resultado, los tiempos y el registro de intercambios de cada sesión se guardan en este equipo, sin claves, tokens ni contraseñas, para el Historial (Ver, Historial) y los paquetes de diagnóstico.</translation>
    </message>
    <message>
        <source>&amp;Clear History…</source>
        <translation>&amp;Borrar historial…</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>Borrar historial</translation>
    </message>
    <message numerus="yes">
        <source>Forget the %n kept session(s)? This cannot be undone.</source>
        <translation>
            <numerusform>¿Olvidar %n sesión guardada? Esta acción no se puede deshacer.</numerusform>
            <numerusform>¿Olvidar %n sesiones guardadas? Esta acción no se puede deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep the last:</source>
        <translation>Conser&amp;var las últimas:</translation>
    </message>
    <message>
        <source>No sessions are kept.</source>
        <translation>No hay sesiones guardadas.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) kept.</source>
        <translation>
            <numerusform>%n sesión guardada.</numerusform>
            <numerusform>%n sesiones guardadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use the system&apos;s settings</source>
        <translation>Usar la configuración del sistema</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Sin proxy</translation>
    </message>
    <message>
        <source>A proxy of its own</source>
        <translation>Un proxy propio</translation>
    </message>
    <message>
        <source>proxy.example.com:3128, or socks5://host:1080</source>
        <translation>proxy.example.com:3128 o socks5://host:1080</translation>
    </message>
    <message>
        <source>None: the proxy asks for no sign-in</source>
        <translation>Ninguno: el proxy no pide iniciar sesión</translation>
    </message>
    <message>
        <source>Kept in the keychain; leave empty to keep the stored one</source>
        <translation>Se guarda en el llavero; déjala vacía para conservar la guardada</translation>
    </message>
    <message>
        <source>intranet.example.com, .corp.example.com</source>
        <translation>intranet.example.com, .corp.example.com</translation>
    </message>
    <message>
        <source>Proxy changes take effect when Connect Desktop starts again (the web engine takes its proxy once, at start).</source>
        <translation>Los cambios del proxy se aplicarán cuando Connect Desktop se vuelva a iniciar (el motor web toma su proxy una sola vez, al iniciarse).</translation>
    </message>
    <message>
        <source>One proxy for the API and for the pages the app shows. This computer&apos;s own servers (127.0.0.1) are always reached directly.</source>
        <translation>Un solo proxy para la API y para las páginas que muestra la aplicación. A los servidores propios de este equipo (127.0.0.1) siempre se accede directamente.</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>&amp;Bypass for:</source>
        <translation>Sin pr&amp;oxy para:</translation>
    </message>
    <message>
        <source>Netw&amp;ork</source>
        <translation>&amp;Red</translation>
    </message>
    <message>
        <source>Reached directly by the API client. The web engine (Qt WebEngine 6.4) takes no bypass list: pages of these hosts still go through the proxy.</source>
        <translation>El cliente de la API llega a estos hosts directamente. El motor web (Qt WebEngine 6.4) no admite una lista de exclusiones: las páginas de estos hosts siguen pasando por el proxy.</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>Healthy</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Con errores</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
</context>
<context>
    <name>UserTokenSource</name>
    <message>
        <source>The user token is not a JWT with a subject (sub) and an expiry (exp), which Paragon needs. Check what the token URL answers.</source>
        <translation>El token de usuario no es un JWT con un sujeto (sub) y una caducidad (exp), que es lo que Paragon necesita. Comprueba qué responde la URL del token.</translation>
    </message>
    <message>
        <source>The user token has expired, or expires within a minute (at %1 UTC). Check the clocks of this computer and of the server that signs it.</source>
        <translation>El token de usuario ha caducado o caduca en menos de un minuto (caducidad: %1 UTC). Comprueba los relojes de este equipo y del servidor que lo firma.</translation>
    </message>
    <message>
        <source>The profile&apos;s signing key could not sign a user token (%1). Enter the project&apos;s RS256 private key again in Settings → Profiles.</source>
        <translation>La clave de firma del perfil no pudo firmar un token de usuario (%1). Vuelve a introducir la clave privada RS256 del proyecto en Configuración → Perfiles.</translation>
    </message>
    <message>
        <source>The token URL at %1 refused to give a user token. Check the credential in the profile&apos;s settings.</source>
        <translation>La URL del token en %1 se negó a dar un token de usuario. Comprueba la credencial en la configuración del perfil.</translation>
    </message>
    <message>
        <source>The token URL at %1 did not answer {&quot;token&quot;: &quot;&lt;JWT&gt;&quot;}. Check the profile&apos;s token URL.</source>
        <translation>La URL del token en %1 no respondió con {&quot;token&quot;: &quot;&lt;JWT&gt;&quot;}. Comprueba la URL del token del perfil.</translation>
    </message>
</context>
<context>
    <name>WebProfiles</name>
    <message>
        <source>The web data in %1 could not be deleted. Close Connect Desktop and delete that folder.</source>
        <translation>No se pudieron eliminar los datos web de %1. Cierra Connect Desktop y elimina esa carpeta.</translation>
    </message>
</context>
</TS>
