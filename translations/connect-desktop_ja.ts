<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>ApiClient</name>
    <message>
        <source>attempt %1 of %2 failed, retrying: %3</source>
        <translation>試行 %1/%2 が失敗しました。再試行します: %3</translation>
    </message>
</context>
<context>
    <name>ApiFailure</name>
    <message>
        <source>the server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source> The server said: “%1”.</source>
        <translation>サーバーの応答: 「%1」。</translation>
    </message>
    <message numerus="yes">
        <source> (tried %n times)</source>
        <translation>
            <numerusform> (%n 回試行)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot reach %1%2: %3. Check your network connection and the profile&apos;s address, then try again.</source>
        <translation>%1 に接続できません%2: %3。ネットワーク接続とプロファイルのアドレスを確認してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>%1 did not answer in time%2. Try again; if it keeps happening, check the profile&apos;s address or your network.</source>
        <translation>%1 が時間内に応答しませんでした%2。もう一度お試しください。繰り返し発生する場合は、プロファイルのアドレスまたはネットワークを確認してください。</translation>
    </message>
    <message>
        <source>The answer from %1 could not be read (%2). The server may be misconfigured or not a Polytomic-compatible API; check the profile&apos;s address.</source>
        <translation>%1 からの応答を読み取れませんでした (%2)。サーバーの設定が誤っているか、Polytomic 互換の API ではない可能性があります。プロファイルのアドレスを確認してください。</translation>
    </message>
    <message>
        <source>The request was stopped.</source>
        <translation>リクエストは中止されました。</translation>
    </message>
    <message>
        <source>%1 refused the API key (401).%2 Check the key in the profile&apos;s settings, or POLYTOMIC_API_KEY.</source>
        <translation>%1 が API キーを拒否しました (401)。%2プロファイルの設定にあるキー、または POLYTOMIC_API_KEY を確認してください。</translation>
    </message>
    <message>
        <source>The API key is not allowed to do this (403).%1 Ask an administrator of your organization for a key with access to connections.</source>
        <translation>この API キーにはこの操作の権限がありません (403)。%1組織の管理者に、接続へのアクセス権があるキーを依頼してください。</translation>
    </message>
    <message>
        <source>%1 has no such resource (404).%2 Check the profile&apos;s address and API version.</source>
        <translation>%1 にそのリソースはありません (404)。%2プロファイルのアドレスと API バージョンを確認してください。</translation>
    </message>
    <message>
        <source>An earlier attempt is still being processed (409).%1 Wait a moment and try again.</source>
        <translation>前回の試行がまだ処理中です (409)。%1少し待ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>%1 refused the request (%2). Check the connection&apos;s details and try again.</source>
        <translation>%1 がリクエストを拒否しました (%2)。接続の詳細を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>%1 refused the request: %2.</source>
        <translation>%1 がリクエストを拒否しました: %2。</translation>
    </message>
    <message>
        <source>%1 had a problem (HTTP %2)%3.%4 Try again later; if it persists, contact the platform&apos;s support.</source>
        <translation>%1 で問題が発生しました (HTTP %2)%3。%4時間をおいてもう一度お試しください。解決しない場合は、プラットフォームのサポートにお問い合わせください。</translation>
    </message>
    <message>
        <source>%1 answered with HTTP %2.%3</source>
        <translation>%1 が HTTP %2 で応答しました。%3</translation>
    </message>
</context>
<context>
    <name>AppBackends</name>
    <message>
        <source>built-in sandbox on %1</source>
        <translation>%1 の内蔵サンドボックス</translation>
    </message>
    <message>
        <source>built-in sandbox</source>
        <translation>内蔵サンドボックス</translation>
    </message>
    <message>
        <source>Polytomic at %1</source>
        <translation>%1 の Polytomic</translation>
    </message>
    <message>
        <source>backend proxy at %1</source>
        <translation>%1 のバックエンドプロキシ</translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation>内蔵サンドボックスを起動できませんでした: %1</translation>
    </message>
    <message>
        <source>No API key is stored for the profile “%1”.</source>
        <translation>プロファイル「%1」の API キーが保存されていません。</translation>
    </message>
    <message>
        <source>The system keychain could not be read (%1).</source>
        <translation>システムのキーチェーンを読み取れませんでした (%1)。</translation>
    </message>
    <message>
        <source>Enter the key in Settings → Profiles, or set the environment variable %1.</source>
        <translation>[設定] → [プロファイル] でキーを入力するか、環境変数 %1 を設定してください。</translation>
    </message>
    <message>
        <source>built-in Paragon sandbox on %1</source>
        <translation>%1 の内蔵 Paragon サンドボックス</translation>
    </message>
    <message>
        <source>built-in Paragon sandbox</source>
        <translation>内蔵 Paragon サンドボックス</translation>
    </message>
    <message>
        <source>Paragon project %1, tokens signed here</source>
        <translation>Paragon プロジェクト %1、トークンはここで署名</translation>
    </message>
    <message>
        <source>Paragon project %1, tokens from %2</source>
        <translation>Paragon プロジェクト %1、トークンは %2 から取得</translation>
    </message>
    <message>
        <source>The built-in Paragon sandbox could not start: %1</source>
        <translation>内蔵 Paragon サンドボックスを起動できませんでした: %1</translation>
    </message>
    <message>
        <source>No signing key is stored for the profile “%1”.</source>
        <translation>プロファイル「%1」の署名鍵が保存されていません。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>connect-desktop: running as root, so the web engine&apos;s sandbox is off.</source>
        <translation>connect-desktop: root として実行しているため、Web エンジンのサンドボックスは無効です。</translation>
    </message>
    <message>
        <source>Connect Desktop is already running; it takes it from here.</source>
        <translation>Connect Desktop はすでに実行中です。以降はそちらで処理します。</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
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
        <translation>ロゴファイルを描画できませんでした。</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>ロゴ</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>処理中</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>Unknown integration “%1”. This backend offers: %2.</source>
        <translation>不明な連携サービス「%1」です。このバックエンドで利用できるもの: %2。</translation>
    </message>
    <message>
        <source>“%1” is not among the integrations this company allows (Settings, Allowed integrations); add --all to check it anyway.</source>
        <translation>「%1」は、この会社で許可された連携サービスに含まれていません (設定の「許可された連携サービス」)。それでも確認するには --all を追加してください。</translation>
    </message>
    <message>
        <source>There is no integration to check: the backend lists none that this company allows (add --all to check every one).</source>
        <translation>確認する連携サービスがありません: バックエンドの一覧に、この会社で許可された連携サービスがありません (すべてを確認するには --all を追加してください)。</translation>
    </message>
    <message>
        <source>Checking %1 integration(s) on %2 (%3), %4 at a time…</source>
        <translation>%2 (%3) で %1 件の連携サービスを確認しています (同時に %4 件)…</translation>
    </message>
    <message>
        <source>Connect Desktop check</source>
        <translation>Connect Desktop のチェック</translation>
    </message>
    <message>
        <source>%1 refuses sign-in inside apps; a person would continue in the system browser.</source>
        <translation>%1 はアプリ内でのサインインを拒否します。実際の利用者はシステムのブラウザーで続行することになります。</translation>
    </message>
    <message>
        <source>The session ended before its page could be used.</source>
        <translation>ページが使用可能になる前にセッションが終了しました。</translation>
    </message>
    <message>
        <source>Nothing usable came within the time allowed; try a longer --timeout, or look at the session&apos;s log in the History.</source>
        <translation>制限時間内にページが使用可能になりませんでした。--timeout を長くするか、履歴でセッションのログを確認してください。</translation>
    </message>
    <message>
        <source>It failed without saying why.</source>
        <translation>理由が示されないまま失敗しました。</translation>
    </message>
    <message>
        <source>%1 %2: passed (request %3 ms, ready to type %4 ms)</source>
        <translation>%1 %2: 成功 (要求 %3 ms、入力可能まで %4 ms)</translation>
    </message>
    <message>
        <source>%1 %2: failed (%3): %4</source>
        <translation>%1 %2: 失敗 (%3): %4</translation>
    </message>
    <message>
        <source>%1 of %2 passed, %3 failed, in %4 s.</source>
        <translation>%2 件中 %1 件が成功、%3 件が失敗 (%4 秒)。</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>連携サービス</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>入力可能</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>the integrations could not be listed: %1</source>
        <translation>連携サービスの一覧を取得できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>A connectdesktop: link is opened on its own, without other arguments.</source>
        <translation>connectdesktop: リンクは、他の引数なしで単独で開きます。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>バージョンを表示します。</translation>
    </message>
    <message>
        <source> (see connect-desktop --help)</source>
        <translation> (connect-desktop --help を参照)</translation>
    </message>
    <message>
        <source>Use this language.</source>
        <translation>この言語を使用します。</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 には %2 から %3 までの整数を指定してください (「%4」は無効です)。</translation>
    </message>
    <message>
        <source>Listen on this port (default: any free port).</source>
        <translation>このポートで待ち受けます (既定: 空いている任意のポート)。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Accept this API key (default: a random one, printed).</source>
        <translation>この API キーを受け付けます (既定: ランダムに生成して表示)。</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>SVG logo shown top left in the modal.</source>
        <translation>接続ページの左上に表示する SVG ロゴ。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>SVG logo for the dark theme.</source>
        <translation>ダークテーマ用の SVG ロゴ。</translation>
    </message>
    <message>
        <source>Keep connections in this JSON file across restarts.</source>
        <translation>再起動後も保持できるよう、接続をこの JSON ファイルに保存します。</translation>
    </message>
    <message>
        <source>Connect sessions expire after this many seconds (default 900).</source>
        <translation>接続セッションがこの秒数で期限切れになります (既定: 900)。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>Fault: delay every API answer by MS milliseconds.</source>
        <translation>擬似障害: すべての API 応答を MS ミリ秒遅らせます。</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Fault: failing API calls answer with this HTTP status (default 500).</source>
        <translation>擬似障害: 失敗させる API 呼び出しがこの HTTP ステータスで応答します (既定: 500)。</translation>
    </message>
    <message>
        <source>Fault: this fraction (0 to 1) of API calls fail.</source>
        <translation>擬似障害: API 呼び出しのうちこの割合 (0〜1) を失敗させます。</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Fault: the first N API calls fail, then all succeed.</source>
        <translation>擬似障害: 最初の N 回の API 呼び出しを失敗させ、以降はすべて成功させます。</translation>
    </message>
    <message>
        <source>Faults apply to API paths starting with this (default /api/).</source>
        <translation>擬似障害の対象を、これで始まる API パスに限定します (既定: /api/)。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>Seed for --fail-rate (default 1).</source>
        <translation>--fail-rate の乱数シード (既定: 1)。</translation>
    </message>
    <message>
        <source>Fault: failing API calls answer 200 with truncated JSON.</source>
        <translation>擬似障害: 失敗させる API 呼び出しが、途中で切れた JSON を 200 で返します。</translation>
    </message>
    <message>
        <source>Fault: failing API calls close the connection without answering.</source>
        <translation>擬似障害: 失敗させる API 呼び出しが、応答せずに接続を閉じます。</translation>
    </message>
    <message>
        <source>Fault: serve the modal page after MS milliseconds.</source>
        <translation>擬似障害: 接続ページを MS ミリ秒後に返します。</translation>
    </message>
    <message>
        <source>Fault: the modal page is blank.</source>
        <translation>擬似障害: 接続ページが空白になります。</translation>
    </message>
    <message>
        <source>Fault: the OAuth popup loses its opener and cannot report back.</source>
        <translation>擬似障害: OAuth ポップアップが呼び出し元を失い、結果を返せなくなります。</translation>
    </message>
    <message>
        <source>Fault: OAuth popups in the app answer like a provider that refuses embedded sign-in (disallowed_useragent).</source>
        <translation>擬似障害: アプリ内の OAuth ポップアップが、埋め込みブラウザーでのサインインを拒否するプロバイダーのように応答します (disallowed_useragent)。</translation>
    </message>
    <message>
        <source>Fault: serve the modal over HTTPS with a certificate nobody trusts.</source>
        <translation>擬似障害: 誰も信頼していない証明書を使って、接続ページを HTTPS で返します。</translation>
    </message>
    <message>
        <source>Fault: the modal also tries what a host must refuse (file: pages, camera, downloads, a bad certificate, …).</source>
        <translation>擬似障害: 接続ページが、ホストが拒否すべき操作 (file: ページ、カメラ、ダウンロード、無効な証明書など) も試みます。</translation>
    </message>
    <message>
        <source> (see connect-desktop sandbox --help)</source>
        <translation> (connect-desktop sandbox --help を参照)</translation>
    </message>
    <message>
        <source>--fail-rate takes a fraction from 0 to 1, not &quot;%1&quot;.</source>
        <translation>--fail-rate には 0 から 1 までの割合を指定してください (「%1」は無効です)。</translation>
    </message>
    <message>
        <source>--fault-scope must be an API path starting with /api/.</source>
        <translation>--fault-scope は /api/ で始まる API パスでなければなりません。</translation>
    </message>
    <message>
        <source>Choose one of --malformed-json and --drop-connection.</source>
        <translation>--malformed-json と --drop-connection のどちらか一方を選んでください。</translation>
    </message>
    <message>
        <source>--api-key must not be empty.</source>
        <translation>--api-key は空にできません。</translation>
    </message>
    <message>
        <source>--lang takes a language code such as de, fr or ja, not &quot;%1&quot;.</source>
        <translation>--lang には de、fr、ja などの言語コードを指定してください (「%1」は無効です)。</translation>
    </message>
    <message>
        <source>Opens only the connect window for one session, prints its one result and exits: 0 completed, 1 failed, 2 bad usage or configuration, 3 cancelled.</source>
        <translation>1 回のセッションの接続ウィンドウだけを開き、その結果を出力して終了します: 0 完了、1 失敗、2 使用法または設定の誤り、3 キャンセル。</translation>
    </message>
    <message>
        <source>An integration to offer, by type id (repeatable: one goes straight to its form, several show a picker).</source>
        <translation>提供する連携サービス (タイプ ID で指定。繰り返し指定可: 1 つならそのフォームを直接開き、複数なら選択画面を表示)。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name of the connection to create (default: from the name template).</source>
        <translation>作成する接続の名前 (既定: 名前のテンプレートから生成)。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Dark theme.</source>
        <translation>ダークテーマ。</translation>
    </message>
    <message>
        <source>Light theme.</source>
        <translation>ライトテーマ。</translation>
    </message>
    <message>
        <source>Use this profile (by name or id; default: the active one).</source>
        <translation>このプロファイルを使用します (名前または ID で指定。既定: 有効なプロファイル)。</translation>
    </message>
    <message>
        <source>A Polytomic-compatible API; the key comes from POLYTOMIC_API_KEY or the keychain.</source>
        <translation>Polytomic 互換の API。キーは POLYTOMIC_API_KEY またはキーチェーンから取得します。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>A backend proxy that adds the key itself.</source>
        <translation>キーを自身で付加するバックエンドプロキシ。</translation>
    </message>
    <message>
        <source>Print the result as one JSON object on stdout.</source>
        <translation>結果を 1 つの JSON オブジェクトとして stdout に出力します。</translation>
    </message>
    <message>
        <source>Use this language (de, fr, es, ja, ar, en).</source>
        <translation>この言語を使用します (de, fr, es, ja, ar, en)。</translation>
    </message>
    <message>
        <source> (see connect-desktop connect --help)</source>
        <translation> (connect-desktop connect --help を参照)</translation>
    </message>
    <message>
        <source>--integration needs a type id, such as postgresql.</source>
        <translation>--integration にはタイプ ID (例: postgresql) を指定してください。</translation>
    </message>
    <message>
        <source>--name must not be empty.</source>
        <translation>--name は空にできません。</translation>
    </message>
    <message>
        <source>Choose one of --dark and --light.</source>
        <translation>--dark と --light のどちらか一方を選んでください。</translation>
    </message>
    <message>
        <source>Choose one of --profile, --base-url and --proxy-url.</source>
        <translation>--profile、--base-url、--proxy-url のいずれか 1 つを選んでください。</translation>
    </message>
    <message>
        <source>--base-url must be a web address such as https://app.polytomic.com.</source>
        <translation>--base-url には https://app.polytomic.com のような Web アドレスを指定してください。</translation>
    </message>
    <message>
        <source>--proxy-url must be a web address such as https://backend.example.com.</source>
        <translation>--proxy-url には https://backend.example.com のような Web アドレスを指定してください。</translation>
    </message>
    <message>
        <source>Fault: the modal makes the attack NAME that a host must outlive (popups written while blank, dialogs, a popup flood, …; resources/sandbox/attacks.js).</source>
        <translation>障害: ホストが耐えるべき攻撃 NAME をモーダルが行います (空のうちに書き込まれるポップアップ、ダイアログ、大量のポップアップなど。resources/sandbox/attacks.js)。</translation>
    </message>
    <message>
        <source>--attack takes an attack&apos;s name (lower-case letters, digits and dashes), not &quot;%1&quot;.</source>
        <translation>--attack には攻撃の名前 (小文字、数字、ハイフン) を指定します。「%1」は使えません。</translation>
    </message>
    <message>
        <source>--project-id takes letters, digits and dashes, not &quot;%1&quot;.</source>
        <translation>--project-id には英字、数字、ハイフンを指定してください (「%1」は無効です)。</translation>
    </message>
    <message>
        <source>--token-fault takes expired or forged, not &quot;%1&quot;.</source>
        <translation>--token-fault には expired または forged を指定してください (「%1」は無効です)。</translation>
    </message>
    <message>
        <source>Runs a sandbox: a local server on 127.0.0.1 that speaks the Polytomic Connect API and serves its own modal, or with --platform paragon stands in for Paragon&apos;s services and portal. It prints its address and credentials, then serves until stopped (Ctrl+C).</source>
        <translation>サンドボックスを実行します。127.0.0.1 で動作するローカルサーバーで、Polytomic Connect の API に応答して独自の接続ページを提供します。--platform paragon を指定すると、Paragon のサービスとポータルの代わりになります。アドレスと認証情報を出力し、停止されるまで (Ctrl+C) 動作し続けます。</translation>
    </message>
    <message>
        <source>The platform: polytomic (default) or paragon.</source>
        <translation>プラットフォーム: polytomic (既定) または paragon。</translation>
    </message>
    <message>
        <source>Print the address and credentials as one JSON object on stdout.</source>
        <translation>アドレスと認証情報を 1 つの JSON オブジェクトとして stdout に出力します。</translation>
    </message>
    <message>
        <source>Paragon: the project&apos;s id (default: a fixed one).</source>
        <translation>Paragon: プロジェクトの ID (既定: 固定の ID)。</translation>
    </message>
    <message>
        <source>Paragon fault: the token URL hands out expired or forged tokens.</source>
        <translation>Paragon の擬似障害: トークン URL が期限切れ (expired) または偽造 (forged) のトークンを発行します。</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Paragon fault: Allow on the consent page ends in an OAuth error.</source>
        <translation>Paragon の擬似障害: 同意ページの [許可] が OAuth エラーになります。</translation>
    </message>
    <message>
        <source>Paragon fault: starting a sign-in answers this HTTP status.</source>
        <translation>Paragon の擬似障害: サインインの開始がこの HTTP ステータスで応答します。</translation>
    </message>
    <message>
        <source>Paragon fault: new credentials stay PENDING.</source>
        <translation>Paragon の擬似障害: 新しい認証情報が PENDING のままになります。</translation>
    </message>
    <message>
        <source>--platform takes polytomic or paragon, not &quot;%1&quot;.</source>
        <translation>--platform には polytomic または paragon を指定してください (「%1」は無効です)。</translation>
    </message>
    <message>
        <source>--%1 is an option of Paragon&apos;s sandbox: add --platform paragon.</source>
        <translation>--%1 は Paragon のサンドボックスのオプションです。--platform paragon を追加してください。</translation>
    </message>
    <message>
        <source>The platform: polytomic or paragon. Without --profile, its built-in sandbox.</source>
        <translation>プラットフォーム: polytomic または paragon。--profile を指定しない場合は、その内蔵サンドボックスを使用します。</translation>
    </message>
    <message>
        <source>--%1 is an option of Polytomic&apos;s sandbox only: leave it out, or leave out --platform paragon.</source>
        <translation>--%1 は Polytomic のサンドボックス専用のオプションです。このオプションを外すか、--platform paragon を外してください。</translation>
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
        <translation>使用法: connect-desktop [コマンド] [オプション]

データプラットフォームの接続ページを通じて、アカウントをそのプラットフォームに接続します。

コマンド:
  (なし)     メインウィンドウを開く
  connect    接続ウィンドウだけを開き、結果を 1 件出力して終了する
  sandbox    内蔵サンドボックス (Polytomic または Paragon) を 127.0.0.1 で実行する
  check      連携サービスのスモークテスト: 各ページを非表示で開き、何も接続しない
  doctor     このマシンの準備ができているかを確認し、修正すべき点を示す
  history    最近のセッションとその結果を一覧表示する
  diagnostics  サポート用の診断バンドル (zip、シークレットなし) を保存する

オプション:
  -h, --help     このヘルプを表示する (コマンドのヘルプ: connect-desktop sandbox --help)
  -v, --version  バージョンを表示する
  --lang コード  システムの言語の代わりにこの言語を使用する (de, fr, es, ja, ar, en)

終了コード: 0 完了、1 失敗、2 使用法または設定の誤り、3 キャンセル。
</translation>
    </message>
    <message>
        <source>Fault: the modal&apos;s address is a local port where nothing listens (it cannot load).</source>
        <translation>擬似障害: 接続ページのアドレスを、何も待ち受けていないローカルポートにします (読み込めなくなります)。</translation>
    </message>
    <message>
        <source>Fault: every answer&apos;s Date header is S seconds off the real time (may be negative).</source>
        <translation>擬似障害: すべての応答の Date ヘッダーを実際の時刻から S 秒ずらします (負の値も可)。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Choose one of --untrusted-modal and --unreachable-modal.</source>
        <translation>--untrusted-modal と --unreachable-modal のどちらか一方を選んでください。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (see connect-desktop %2 --help).</source>
        <translation>予期しない引数「%1」です (connect-desktop %2 --help を参照)。</translation>
    </message>
    <message>
        <source>Lists the sessions the app kept (newest first): when, profile, integration, result and reason. Kept without secrets; their exchange logs are in --json.</source>
        <translation>アプリが保持しているセッションを新しい順に一覧表示します: 日時、プロファイル、連携サービス、結果、理由。シークレットは保持されません。通信ログは --json で出力されます。</translation>
    </message>
    <message>
        <source>Print one JSON object with every session, its timings and exchange log.</source>
        <translation>すべてのセッションを、タイミングと通信ログとともに 1 つの JSON オブジェクトとして出力します。</translation>
    </message>
    <message>
        <source>Only the newest N sessions.</source>
        <translation>最新の N 件のセッションのみ。</translation>
    </message>
    <message>
        <source>Only sessions of this integration (type id).</source>
        <translation>この連携サービス (タイプ ID) のセッションのみ。</translation>
    </message>
    <message>
        <source>Only sessions that ended so: completed, cancelled or failed.</source>
        <translation>この結果で終わったセッションのみ: completed (完了)、cancelled (キャンセル)、failed (失敗)。</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Only sessions of this profile (by name or id).</source>
        <translation>このプロファイル (名前または ID で指定) のセッションのみ。</translation>
    </message>
    <message>
        <source>Forget every kept session.</source>
        <translation>保持されているすべてのセッションを消去します。</translation>
    </message>
    <message>
        <source> (see connect-desktop history --help)</source>
        <translation> (connect-desktop history --help を参照)</translation>
    </message>
    <message>
        <source>--outcome takes completed, cancelled or failed, not &quot;%1&quot;.</source>
        <translation>--outcome には completed、cancelled、failed のいずれかを指定してください (「%1」は無効です)。</translation>
    </message>
    <message>
        <source>--clear forgets every session: use it on its own.</source>
        <translation>--clear はすべてのセッションを消去します。他のオプションと組み合わせずに単独で使用してください。</translation>
    </message>
    <message>
        <source>Smoke-tests integrations: for each one, opens a real session, loads its page hidden until a person could type, records the timings or what went wrong, and closes it without connecting anything. Exit 0 when every one passed, 1 when any failed, 2 for bad usage.</source>
        <translation>連携サービスのスモークテストを行います。各連携サービスについて実際のセッションを開き、人が入力できる状態になるまでページを非表示で読み込み、タイミングまたは問題の内容を記録して、何も接続せずに閉じます。終了コード: すべて成功なら 0、1 つでも失敗すれば 1、使用法の誤りは 2。</translation>
    </message>
    <message>
        <source>Check this integration (type id; repeatable). Default: every one the company allows, or every one the backend lists when none is set.</source>
        <translation>この連携サービスを確認します (タイプ ID。繰り返し指定可)。既定: 会社が許可しているすべての連携サービス。許可の設定がない場合は、バックエンドの一覧にあるすべての連携サービス。</translation>
    </message>
    <message>
        <source>Check every integration the backend lists, allowed or not (for support staff).</source>
        <translation>許可の有無にかかわらず、バックエンドの一覧にあるすべての連携サービスを確認します (サポート担当者向け)。</translation>
    </message>
    <message>
        <source>Run N sessions at once (1 to 8, default 2).</source>
        <translation>N 件のセッションを同時に実行します (1〜8、既定: 2)。</translation>
    </message>
    <message>
        <source>Give each page S seconds to become usable (default 30).</source>
        <translation>各ページが使用可能になるまで S 秒待ちます (既定: 30)。</translation>
    </message>
    <message>
        <source>Print one JSON object with every row on stdout.</source>
        <translation>すべての行を 1 つの JSON オブジェクトとして stdout に出力します。</translation>
    </message>
    <message>
        <source> (see connect-desktop check --help)</source>
        <translation> (connect-desktop check --help を参照)</translation>
    </message>
    <message>
        <source>Checks whether this machine is ready: the web engine, the display, the keychain, the backend&apos;s address, proxies, certificates, the clock and the app&apos;s folders. Each line says what is wrong and what to do. Exit 0 when all is well, 1 when a problem was found.</source>
        <translation>このマシンの準備ができているかを確認します: Web エンジン、ディスプレイ、キーチェーン、バックエンドのアドレス、プロキシ、証明書、時計、アプリのフォルダー。各行に問題点と対処方法を示します。終了コード: すべて問題なければ 0、問題が見つかれば 1。</translation>
    </message>
    <message>
        <source>Print one JSON object with every finding on stdout.</source>
        <translation>すべての検出結果を 1 つの JSON オブジェクトとして stdout に出力します。</translation>
    </message>
    <message>
        <source> (see connect-desktop doctor --help)</source>
        <translation> (connect-desktop doctor --help を参照)</translation>
    </message>
    <message>
        <source>Saves a diagnostics bundle (a zip file) for support: versions, the effective settings and profiles without any secret, the doctor&apos;s findings, the last sessions with their redacted exchange logs, and what the web engine refused or reported.</source>
        <translation>サポート用の診断バンドル (zip ファイル) を保存します: バージョン、シークレットを除いた有効な設定とプロファイル、doctor の検出結果、最近のセッションとシークレットを伏せたその通信ログ、Web エンジンが拒否または報告した内容。</translation>
    </message>
    <message>
        <source>Write the bundle to FILE (a .zip).</source>
        <translation>バンドルを指定のファイル (.zip) に書き込みます。</translation>
    </message>
    <message>
        <source>Only sessions of the last DURATION (e.g. 30m, 12h, 7d; default: every kept one).</source>
        <translation>直近の指定期間 (例: 30m、12h、7d。既定: 保持されているすべて) のセッションのみ。</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Leave a part out (repeatable): system, settings, profiles, doctor, sessions, engine.</source>
        <translation>含めない部分を指定します (繰り返し指定可): system、settings、profiles、doctor、sessions、engine。</translation>
    </message>
    <message>
        <source>PART</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>The profile the doctor checks (by name or id; default: the active one).</source>
        <translation>doctor が確認するプロファイル (名前または ID で指定。既定: 有効なプロファイル)。</translation>
    </message>
    <message>
        <source> (see connect-desktop diagnostics --help)</source>
        <translation> (connect-desktop diagnostics --help を参照)</translation>
    </message>
    <message>
        <source>Name the bundle&apos;s file with --output FILE.zip.</source>
        <translation>--output FILE.zip でバンドルのファイル名を指定してください。</translation>
    </message>
    <message>
        <source>--output names a .zip file, such as diagnostics.zip.</source>
        <translation>--output には diagnostics.zip のような .zip ファイルを指定してください。</translation>
    </message>
    <message>
        <source>--since takes a duration such as 30m, 12h or 7d, not &quot;%1&quot;.</source>
        <translation>--since には 30m、12h、7d のような期間を指定してください (「%1」は無効です)。</translation>
    </message>
    <message>
        <source>--without takes one of %1, not &quot;%2&quot;.</source>
        <translation>--without には %1 のいずれかを指定してください (「%2」は無効です)。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: connect, sandbox, check, doctor, history, diagnostics (see connect-desktop --help).</source>
        <translation>不明なコマンド「%1」です。コマンド: connect、sandbox、check、doctor、history、diagnostics (connect-desktop --help を参照)。</translation>
    </message>
    <message>
        <source>The modal&apos;s address names this host instead of 127.0.0.1 (for rehearsing a proxy that resolves it).</source>
        <translation>接続ページのアドレスで、127.0.0.1 の代わりにこのホスト名を使用します (このホスト名を解決するプロキシを試すため)。</translation>
    </message>
    <message>
        <source>--public-host takes a host name such as sandbox.test, not &quot;%1&quot;.</source>
        <translation>--public-host には sandbox.test のようなホスト名を指定してください (「%1」は無効です)。</translation>
    </message>
</context>
<context>
    <name>ConnectCommand</name>
    <message>
        <source>Unknown integration “%1”. This backend offers: %2.</source>
        <translation>不明な連携サービス「%1」です。このバックエンドで利用できるもの: %2。</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Connected %1 as “%2” (%3).</source>
        <translation>%1 を「%2」として接続しました (%3)。</translation>
    </message>
    <message>
        <source>Cancelled: no connection was made.</source>
        <translation>キャンセルしました: 接続は作成されていません。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
</context>
<context>
    <name>ConnectRequest</name>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 は文字列でなければなりません</translation>
    </message>
    <message>
        <source>dark must be true or false</source>
        <translation>dark は true または false でなければなりません</translation>
    </message>
    <message>
        <source>whitelist must be a list of connection type ids</source>
        <translation>whitelist は接続タイプ ID のリストでなければなりません</translation>
    </message>
    <message>
        <source>name is required and must not be empty</source>
        <translation>name は必須で、空にはできません</translation>
    </message>
    <message>
        <source>redirect_url is required</source>
        <translation>redirect_url は必須です</translation>
    </message>
    <message>
        <source>redirect_url must be an absolute http or https URL</source>
        <translation>redirect_url は http または https の絶対 URL でなければなりません</translation>
    </message>
    <message>
        <source>connection must be a connection id (a uuid)</source>
        <translation>connection は接続 ID (UUID) でなければなりません</translation>
    </message>
</context>
<context>
    <name>ConnectSession</name>
    <message>
        <source>The connect page did not load within %1 seconds. Check your connection, then Retry.</source>
        <translation>接続ページが %1 秒以内に読み込まれませんでした。ネットワーク接続を確認してから、[再試行] をクリックしてください。</translation>
    </message>
    <message>
        <source>The browser did not come back within %1 minutes. Start again when you are ready.</source>
        <translation>ブラウザーが %1 分以内に戻りませんでした。準備ができたら、もう一度始めてください。</translation>
    </message>
    <message>
        <source>The connect page could not be loaded from %1. Check your connection, then Retry.</source>
        <translation>%1 から接続ページを読み込めませんでした。ネットワーク接続を確認してから、[再試行] をクリックしてください。</translation>
    </message>
    <message>
        <source>The connect page finished, but the connection could not be confirmed. %1</source>
        <translation>接続ページは完了しましたが、接続を確認できませんでした。%1</translation>
    </message>
    <message>
        <source>The connection “%1” was saved but is %2%3. Reconnect it to try again.</source>
        <translation>接続「%1」は保存されましたが、状態が %2%3 です。再接続して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The connection to %1 is not secure: its certificate is not valid (%2). Connect Desktop does not continue to pages with invalid certificates. Check the profile&apos;s address, or ask your IT team whether something intercepts secure connections on this network.</source>
        <translation>%1 への接続は安全ではありません: 証明書が無効です (%2)。Connect Desktop は、証明書が無効なページには進みません。プロファイルのアドレスを確認するか、このネットワークで安全な接続を傍受しているものがないか IT 部門にお問い合わせください。</translation>
    </message>
    <message>
        <source>The connect page stopped working (its process ended). Reload to try again.</source>
        <translation>接続ページが動作を停止しました (プロセスが終了しました)。再読み込みして、もう一度お試しください。</translation>
    </message>
    <message>
        <source>continuing in the system browser with a fresh session</source>
        <translation>新しいセッションでシステムのブラウザーに引き継いでいます</translation>
    </message>
    <message>
        <source>the page finished; asking %1 what happened</source>
        <translation>ページが終了しました。%1 に結果を問い合わせています</translation>
    </message>
    <message>
        <source>more console lines were not kept</source>
        <translation>これ以降のコンソール行は保持されていません</translation>
    </message>
</context>
<context>
    <name>ConnectSessionTicket</name>
    <message>
        <source>The server did not return a usable address for the connect modal.</source>
        <translation>サーバーから、接続ページ用の有効なアドレスが返されませんでした。</translation>
    </message>
</context>
<context>
    <name>ConnectWebPage</name>
    <message>
        <source>notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>location</source>
        <translation>位置情報</translation>
    </message>
    <message>
        <source>microphone</source>
        <translation>マイク</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <source>camera and microphone</source>
        <translation>カメラとマイク</translation>
    </message>
    <message>
        <source>mouse lock</source>
        <translation>マウスロック</translation>
    </message>
    <message>
        <source>screen capture</source>
        <translation>画面キャプチャ</translation>
    </message>
    <message>
        <source>a permission</source>
        <translation>アクセス許可</translation>
    </message>
    <message>
        <source>file system access</source>
        <translation>ファイルシステムへのアクセス</translation>
    </message>
    <message>
        <source>registering a protocol handler</source>
        <translation>プロトコルハンドラーの登録</translation>
    </message>
    <message>
        <source>a download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>an invalid certificate (%1)</source>
        <translation>無効な証明書 (%1)</translation>
    </message>
    <message>
        <source>going to %1: %2</source>
        <translation>%1 への移動: %2</translation>
    </message>
    <message>
        <source>a popup that could not load</source>
        <translation>読み込めなかったポップアップ</translation>
    </message>
    <message>
        <source>a popup that showed no web page</source>
        <translation>Web ページを表示しなかったポップアップ</translation>
    </message>
    <message numerus="yes">
        <source>a popup (%n already open)</source>
        <translation>
            <numerusform>ポップアップ (すでに %n 個開いています)</numerusform>
        </translation>
    </message>
    <message>
        <source>a popup whose page did not load</source>
        <translation>ページが読み込まれなかったポップアップ</translation>
    </message>
    <message>
        <source>a file chooser</source>
        <translation>ファイルの選択</translation>
    </message>
</context>
<context>
    <name>ConnectWindow</name>
    <message>
        <source>Preparing the connect page…</source>
        <translation>接続ページを準備しています…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>閉じる (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>読み込みの進行状況</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>詳細(&amp;D)</translation>
    </message>
    <message>
        <source>Show what went over the wire (secrets hidden)</source>
        <translation>送受信された内容を表示します (シークレットは非表示)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Continue in &amp;browser</source>
        <translation>ブラウザーで続行(&amp;B)</translation>
    </message>
    <message>
        <source>Sign in with your system browser instead, for providers that refuse sign-in inside apps</source>
        <translation>アプリ内でのサインインを拒否するプロバイダー向けに、代わりにシステムのブラウザーでサインインします</translation>
    </message>
    <message>
        <source>Not secure: the certificate of %1 is not valid (%2) and was accepted because this profile allows it. Do not enter real credentials.</source>
        <translation>安全ではありません: %1 の証明書は無効 (%2) ですが、このプロファイルで許可されているため受け入れられました。実際の認証情報は入力しないでください。</translation>
    </message>
    <message>
        <source>No browser could be started. Cancel, then try again once a default browser is set.</source>
        <translation>ブラウザーを起動できませんでした。キャンセルし、既定のブラウザーを設定してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Support setting: this profile can continue past invalid certificates.</source>
        <translation>サポート用の設定: このプロファイルでは、無効な証明書があっても続行できます。</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>再接続</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>%1 を再接続</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>%1 を接続</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>アカウントを接続</translation>
    </message>
    <message>
        <source>Connection “%1”</source>
        <translation>接続「%1」</translation>
    </message>
    <message>
        <source>New connection “%1”</source>
        <translation>新しい接続「%1」</translation>
    </message>
    <message>
        <source>The sign-in page (%1) does not allow signing in inside apps. Continue in your browser to finish.</source>
        <translation>サインインページ (%1) では、アプリ内でのサインインが許可されていません。ブラウザーで続行して完了してください。</translation>
    </message>
    <message>
        <source>Asking %1 for a secure connect page.</source>
        <translation>%1 に安全な接続ページを要求しています。</translation>
    </message>
    <message>
        <source>Loading the connect page…</source>
        <translation>接続ページを読み込んでいます…</translation>
    </message>
    <message>
        <source>The page stopped working</source>
        <translation>ページが動作を停止しました</translation>
    </message>
    <message>
        <source>The connect page closed unexpectedly. Reload it to carry on where you were.</source>
        <translation>接続ページが予期せず閉じました。再読み込みすると、中断したところから続行できます。</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>The connect page could not be shown</source>
        <translation>接続ページを表示できませんでした</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <source>Continue &amp;anyway (not secure)</source>
        <translation>このまま続行 (安全ではありません)(&amp;A)</translation>
    </message>
    <message>
        <source>Continue in your browser</source>
        <translation>ブラウザーで続行</translation>
    </message>
    <message>
        <source>Finish signing in in the browser window that opened. This window carries on when you are done.</source>
        <translation>開いたブラウザーウィンドウでサインインを完了してください。完了すると、このウィンドウで処理が続行されます。</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>接続を確認しています…</translation>
    </message>
    <message>
        <source>Asking %1 whether the connection was made.</source>
        <translation>接続が作成されたかどうかを %1 に確認しています。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>Page address</source>
        <translation>ページのアドレス</translation>
    </message>
    <message>
        <source>Message from the page</source>
        <translation>ページからのメッセージ</translation>
    </message>
    <message>
        <source>Secure connection · %1</source>
        <translation>安全な接続 · %1</translation>
    </message>
    <message>
        <source>This computer · %1</source>
        <translation>このコンピューター · %1</translation>
    </message>
    <message>
        <source>Not secure · %1</source>
        <translation>安全ではありません · %1</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <source>This is no longer %1&apos;s connect page: the page is now at %2. Enter credentials only if you trust it, or press Esc to stop.</source>
        <translation>これはもう %1 の接続ページではありません。ページは現在 %2 にあります。信頼できる場合にだけ認証情報を入力するか、Esc を押して中止してください。</translation>
    </message>
    <message>
        <source>Message from the page (%1): %2</source>
        <translation>ページ (%1) からのメッセージ: %2</translation>
    </message>
    <message>
        <source>The page (%1) asked “%2”. Connect Desktop answered Cancel; connect pages do not need such questions.</source>
        <translation>ページ (%1) が「%2」と尋ねました。Connect Desktop はキャンセルと回答しました。接続ページにこのような質問は必要ありません。</translation>
    </message>
    <message>
        <source>The page (%1) asked you to type something (“%2”). Connect Desktop does not pass typed text to pages this way: type only into the page&apos;s own fields.</source>
        <translation>ページ (%1) が入力を求めました (「%2」)。Connect Desktop はこの方法でページに文字を渡しません。ページ自身の欄にだけ入力してください。</translation>
    </message>
    <message>
        <source>&amp;Hide messages from the page</source>
        <translation>ページからのメッセージを隠す(&amp;H)</translation>
    </message>
    <message>
        <source>The sign-in page (%1) does not allow signing in inside apps, and this sign-in cannot move to your browser. Close this window; ask your administrator whether the account can be connected another way.</source>
        <translation>サインインページ (%1) では、アプリ内でのサインインが許可されていません。また、このサインインはブラウザーに移すことができません。このウィンドウを閉じて、アカウントを別の方法で接続できるか管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>%1 · through proxy %2</source>
        <translation>%1 · プロキシ %2 経由</translation>
    </message>
    <message>
        <source>%1, through the proxy %2 (Settings, Network)</source>
        <translation>%1、プロキシ %2 経由 ([設定] &gt; [ネットワーク])</translation>
    </message>
</context>
<context>
    <name>ConnectionTypeModel</name>
    <message>
        <source>%1 (%2) · signs in with your %1 account</source>
        <translation>%1 (%2) · %1 アカウントでサインイン</translation>
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
        <translation>削除(&amp;R)…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>連携サービス</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Your connections</source>
        <translation>接続一覧</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>再接続</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Sign in again to refresh this connection&apos;s credentials</source>
        <translation>もう一度サインインして、この接続の認証情報を更新します</translation>
    </message>
    <message>
        <source>Remove this connection from the organization</source>
        <translation>この接続を組織から削除します</translation>
    </message>
    <message>
        <source>Loading your connections…</source>
        <translation>接続を読み込んでいます…</translation>
    </message>
    <message>
        <source>No connections yet. Pick an integration to connect one.</source>
        <translation>まだ接続はありません。連携サービスを選んで接続してください。</translation>
    </message>
    <message>
        <source>Reco&amp;nnect</source>
        <translation>再接続(&amp;N)</translation>
    </message>
</context>
<context>
    <name>DeepLink</name>
    <message>
        <source>The link is too long.</source>
        <translation>リンクが長すぎます。</translation>
    </message>
    <message>
        <source>This is not a Connect Desktop link (connectdesktop://connect?integration=…).</source>
        <translation>Connect Desktop のリンクではありません (connectdesktop://connect?integration=…)。</translation>
    </message>
    <message>
        <source>The link asks for “%1”, which Connect Desktop does not do.</source>
        <translation>リンクが「%1」を要求していますが、Connect Desktop はこの操作を行いません。</translation>
    </message>
    <message>
        <source>The link has parts a Connect Desktop link never has.</source>
        <translation>リンクに、Connect Desktop のリンクにはない部分が含まれています。</translation>
    </message>
    <message>
        <source>The link carries “%1”, which Connect Desktop does not accept from links.</source>
        <translation>リンクに「%1」が含まれていますが、Connect Desktop はこれをリンクから受け付けません。</translation>
    </message>
    <message>
        <source>The link must name exactly one integration.</source>
        <translation>リンクでは連携サービスを 1 つだけ指定する必要があります。</translation>
    </message>
    <message>
        <source>The link&apos;s integration is not a valid integration id.</source>
        <translation>リンクの連携サービスが有効な連携サービス ID ではありません。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsBundle</name>
    <message>
        <source>The app&apos;s, Qt&apos;s and Chromium&apos;s versions, the operating system and the display.</source>
        <translation>アプリ、Qt、Chromium のバージョン、オペレーティングシステム、ディスプレイ。</translation>
    </message>
    <message>
        <source>The settings in effect: yours, the machine&apos;s defaults and what is locked, without any secret.</source>
        <translation>有効な設定: ユーザーの設定、このマシンの既定値、ロックされている項目 (シークレットは含みません)。</translation>
    </message>
    <message>
        <source>Your profiles: names, platforms and addresses, without keys or credentials.</source>
        <translation>プロファイル: 名前、プラットフォーム、アドレス (キーや認証情報は含みません)。</translation>
    </message>
    <message>
        <source>What the doctor found on this machine (the web engine, keychain, network, proxies, certificates, clock).</source>
        <translation>doctor がこのマシンで検出した内容 (Web エンジン、キーチェーン、ネットワーク、プロキシ、証明書、時計)。</translation>
    </message>
    <message>
        <source>The last sessions: their results, timings and exchange logs (already redacted), with the integrations and connection names they involved.</source>
        <translation>最近のセッション: 結果、タイミング、通信ログ (シークレットは伏せ済み)、および関係した連携サービスと接続名。</translation>
    </message>
    <message>
        <source>What the web engine refused or reported in those sessions (navigations, permissions, dialogs, console errors).</source>
        <translation>それらのセッションで Web エンジンが拒否または報告した内容 (ページ移動、権限、ダイアログ、コンソールのエラー)。</translation>
    </message>
    <message>
        <source>Nothing was refused or reported.</source>
        <translation>拒否または報告されたものはありません。</translation>
    </message>
    <message>
        <source>Could not create %1 (%2).</source>
        <translation>%1 を作成できませんでした (%2)。</translation>
    </message>
    <message>
        <source>Could not add %1 to the bundle (%2).</source>
        <translation>%1 をバンドルに追加できませんでした (%2)。</translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>%1 に書き込めませんでした (%2)。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 に書き込めませんでした。</translation>
    </message>
    <message>
        <source>Could not open %1 as a zip file.</source>
        <translation>%1 を zip ファイルとして開けませんでした。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCommand</name>
    <message>
        <source>Running the doctor…</source>
        <translation>doctor を実行しています…</translation>
    </message>
    <message>
        <source>Saved %1 with:</source>
        <translation>%1 を保存しました。内容:</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>除外: %1</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>System and versions</source>
        <translation>システムとバージョン</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Doctor&apos;s findings</source>
        <translation>doctor の検出結果</translation>
    </message>
    <message>
        <source>Sessions and exchange logs</source>
        <translation>セッションと通信ログ</translation>
    </message>
    <message>
        <source>Web engine refusals and console</source>
        <translation>Web エンジンの拒否とコンソール</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Save Diagnostics</source>
        <translation>診断情報の保存</translation>
    </message>
    <message>
        <source>A diagnostics bundle helps support see what happened on this computer. It never holds keys, tokens or passwords. Choose what goes in; the text on the right is exactly what each part holds.</source>
        <translation>診断バンドルは、このコンピューターで何が起きたかをサポートが把握するのに役立ちます。キー、トークン、パスワードが含まれることはありません。含める内容を選んでください。右側のテキストは、各部分に含まれる内容そのものです。</translation>
    </message>
    <message>
        <source>Parts of the bundle</source>
        <translation>バンドルの構成部分</translation>
    </message>
    <message>
        <source>Space ticks or clears a part</source>
        <translation>Space キーで部分のチェックを切り替えます</translation>
    </message>
    <message>
        <source>&amp;Include:</source>
        <translation>含める内容(&amp;I):</translation>
    </message>
    <message>
        <source>Every kept session</source>
        <translation>保持されているすべてのセッション</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>直近 1 時間</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>直近 24 時間</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>直近 7 日間</translation>
    </message>
    <message>
        <source>What the chosen part holds</source>
        <translation>選択した部分の内容</translation>
    </message>
    <message>
        <source>&amp;Preview:</source>
        <translation>プレビュー(&amp;P):</translation>
    </message>
    <message>
        <source>Running the doctor…</source>
        <translation>doctor を実行しています…</translation>
    </message>
    <message>
        <source>Sessions &amp;from:</source>
        <translation>セッションの期間(&amp;F):</translation>
    </message>
    <message>
        <source>The doctor found no problem.</source>
        <translation>doctor は問題を検出しませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>The doctor found %n problem(s); they are in the bundle.</source>
        <translation>
            <numerusform>doctor が %n 件の問題を検出しました。バンドルに含まれています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: this part will not be in the bundle.</source>
        <translation>除外: この部分はバンドルに含まれません。</translation>
    </message>
    <message>
        <source>The doctor is still running…</source>
        <translation>doctor はまだ実行中です…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>%1 に保存しました。</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Zip ファイル (*.zip)</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>no proxy</source>
        <translation>プロキシなし</translation>
    </message>
    <message>
        <source>no proxy (%1 is in no_proxy)</source>
        <translation>プロキシなし (%1 は no_proxy に含まれています)</translation>
    </message>
    <message>
        <source>Some checks did not finish within %1 seconds.</source>
        <translation>一部のチェックが %1 秒以内に終わりませんでした。</translation>
    </message>
    <message>
        <source>Run the doctor again; if it stays so, the network or the web engine is stuck (see the lines above).</source>
        <translation>doctor をもう一度実行してください。それでも変わらない場合は、ネットワークまたは Web エンジンが応答していません (上の行を参照)。</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>data (history, web profiles)</source>
        <translation>データ (履歴、Web プロファイル)</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>キャッシュ</translation>
    </message>
    <message>
        <source>The app&apos;s folders are writable.</source>
        <translation>アプリのフォルダーに書き込めます。</translation>
    </message>
    <message>
        <source>These folders cannot be written: %1.</source>
        <translation>次のフォルダーに書き込めません: %1。</translation>
    </message>
    <message>
        <source>Give your user write access to them, or free some disk space.</source>
        <translation>お使いのユーザーにこれらのフォルダーへの書き込み権限を与えるか、ディスクの空き容量を増やしてください。</translation>
    </message>
    <message>
        <source>No display (%1): windows are not shown; check, doctor and diagnostics work.</source>
        <translation>ディスプレイがありません (%1): ウィンドウは表示されません。check、doctor、diagnostics は動作します。</translation>
    </message>
    <message>
        <source>Display: %1, web content drawn without the GPU.</source>
        <translation>ディスプレイ: %1、Web コンテンツは GPU を使わずに描画されます。</translation>
    </message>
    <message>
        <source>Display: %1.</source>
        <translation>ディスプレイ: %1。</translation>
    </message>
    <message>
        <source>The web engine started but could not show a page.</source>
        <translation>Web エンジンは起動しましたが、ページを表示できませんでした。</translation>
    </message>
    <message>
        <source>Run the app from a terminal and read what QtWebEngineProcess prints; check that the qt6-webengine packages are complete.</source>
        <translation>ターミナルからアプリを実行して QtWebEngineProcess の出力を確認し、qt6-webengine パッケージがすべてそろっているか確認してください。</translation>
    </message>
    <message>
        <source>The web engine runs pages (Qt WebEngine %1, Chromium %2; %3 ms).</source>
        <translation>Web エンジンはページを実行できます (Qt WebEngine %1、Chromium %2。%3 ms)。</translation>
    </message>
    <message>
        <source>The web engine shows pages but does not run their scripts.</source>
        <translation>Web エンジンはページを表示しますが、そのスクリプトを実行しません。</translation>
    </message>
    <message>
        <source>Its sandbox is off because the app runs as root.</source>
        <translation>アプリが root として実行されているため、Web エンジンのサンドボックスが無効になっています。</translation>
    </message>
    <message>
        <source>Its sandbox is off (QTWEBENGINE_DISABLE_SANDBOX).</source>
        <translation>Web エンジンのサンドボックスが無効になっています (QTWEBENGINE_DISABLE_SANDBOX)。</translation>
    </message>
    <message>
        <source>Run the app as an ordinary user, so that web pages run in Chromium&apos;s sandbox.</source>
        <translation>Web ページが Chromium のサンドボックス内で実行されるよう、アプリを一般ユーザーとして実行してください。</translation>
    </message>
    <message>
        <source>Unset QTWEBENGINE_DISABLE_SANDBOX unless this machine cannot run the sandbox.</source>
        <translation>このマシンでサンドボックスを実行できない場合を除き、QTWEBENGINE_DISABLE_SANDBOX の設定を解除してください。</translation>
    </message>
    <message>
        <source>The OS keychain answers (this profile needs no secret).</source>
        <translation>OS のキーチェーンは応答しています (このプロファイルにシークレットは不要です)。</translation>
    </message>
    <message>
        <source>The profile&apos;s secret is in the OS keychain.</source>
        <translation>プロファイルのシークレットは OS のキーチェーンにあります。</translation>
    </message>
    <message>
        <source>The profile&apos;s secret comes from %1 (none is in the keychain).</source>
        <translation>プロファイルのシークレットは %1 から取得されます (キーチェーンにはありません)。</translation>
    </message>
    <message>
        <source>The profile “%1” has no secret in the keychain.</source>
        <translation>プロファイル「%1」のシークレットがキーチェーンにありません。</translation>
    </message>
    <message>
        <source>Add it in Settings, Profiles, Edit.</source>
        <translation>[設定] の [プロファイル] で [編集] を選んで追加してください。</translation>
    </message>
    <message>
        <source>Add it in Settings, Profiles, Edit, or set %1.</source>
        <translation>[設定] の [プロファイル] で [編集] を選んで追加するか、%1 を設定してください。</translation>
    </message>
    <message>
        <source>The OS keychain cannot be reached.</source>
        <translation>OS のキーチェーンにアクセスできません。</translation>
    </message>
    <message>
        <source>The profile “%1” cannot be opened.</source>
        <translation>プロファイル「%1」を開けません。</translation>
    </message>
    <message>
        <source>%1 is reached without encryption (http).</source>
        <translation>%1 には暗号化なし (http) で接続しています。</translation>
    </message>
    <message>
        <source>Use an https:// address for anything beyond this computer.</source>
        <translation>このコンピューター以外への接続には https:// のアドレスを使用してください。</translation>
    </message>
    <message>
        <source>%1 accepts the credential: %2 (%3 ms).</source>
        <translation>%1 は認証情報を受け付けました: %2 (%3 ms)。</translation>
    </message>
    <message>
        <source>%1 did not accept the request.</source>
        <translation>%1 はリクエストを受け付けませんでした。</translation>
    </message>
    <message>
        <source>The name %1 does not resolve (%2).</source>
        <translation>名前 %1 を解決できません (%2)。</translation>
    </message>
    <message>
        <source>Check the profile&apos;s address, your network connection, and your DNS or VPN.</source>
        <translation>プロファイルのアドレス、ネットワーク接続、DNS または VPN を確認してください。</translation>
    </message>
    <message>
        <source>%1 does not answer through the proxy (%2).</source>
        <translation>%1 がプロキシ経由で応答しません (%2)。</translation>
    </message>
    <message>
        <source>%1 resolves but does not answer (%2).</source>
        <translation>%1 は名前解決できますが、応答しません (%2)。</translation>
    </message>
    <message>
        <source>Check that the address and port are right, and whether a firewall or proxy is in the way.</source>
        <translation>アドレスとポートが正しいか、ファイアウォールやプロキシが妨げていないかを確認してください。</translation>
    </message>
    <message>
        <source>%1 resolves and answers (HTTP %2; %3 ms to resolve, %4 ms round trip).</source>
        <translation>%1 は名前解決でき、応答しています (HTTP %2。名前解決 %3 ms、往復 %4 ms)。</translation>
    </message>
    <message>
        <source>%1&apos;s certificate verifies for the API.</source>
        <translation>API クライアントで %1 の証明書を検証できました。</translation>
    </message>
    <message>
        <source>%1&apos;s certificate does not verify for the API: %2</source>
        <translation>API クライアントで %1 の証明書を検証できません: %2</translation>
    </message>
    <message>
        <source>If your network inspects secure connections, ask IT for its certificate authority and add it to the system&apos;s trusted certificates.</source>
        <translation>ネットワークで安全な接続が検査されている場合は、IT 部門にその認証局を問い合わせ、システムの信頼済み証明書に追加してください。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 seconds off %2&apos;s.</source>
        <translation>このコンピューターの時計は %2 の時計と %1 秒ずれています。</translation>
    </message>
    <message>
        <source>Set the clock automatically (NTP): tokens and sessions expire, and a wrong clock makes them look expired.</source>
        <translation>時計を自動で設定 (NTP) してください。トークンとセッションには有効期限があり、時計が狂っていると期限切れに見えてしまいます。</translation>
    </message>
    <message>
        <source>The clock agrees with %1&apos;s (within %2 s).</source>
        <translation>時計は %1 の時計と一致しています (誤差 %2 秒以内)。</translation>
    </message>
    <message>
        <source>%1 did not say its time; the clock was not compared.</source>
        <translation>%1 が時刻を返さなかったため、時計は比較していません。</translation>
    </message>
    <message>
        <source>The web engine could not reach %1, so its certificate was not checked there.</source>
        <translation>Web エンジンが %1 に接続できなかったため、Web エンジンでの証明書の確認は行っていません。</translation>
    </message>
    <message>
        <source>%1&apos;s certificate verifies for the web engine.</source>
        <translation>Web エンジンで %1 の証明書を検証できました。</translation>
    </message>
    <message>
        <source>%1&apos;s certificate does not verify for the web engine: %2</source>
        <translation>Web エンジンで %1 の証明書を検証できません: %2</translation>
    </message>
    <message>
        <source>The web engine trusts the system&apos;s NSS store: if your network inspects secure connections, ask IT to add its certificate authority there.</source>
        <translation>Web エンジンはシステムの NSS ストアを信頼します。ネットワークで安全な接続が検査されている場合は、その認証局を NSS ストアに追加するよう IT 部門に依頼してください。</translation>
    </message>
    <message>
        <source>Both network stacks use %1 for %2.</source>
        <translation>両方のネットワークスタックが %2 に %1 を使用しています。</translation>
    </message>
    <message>
        <source>The two network stacks differ for %1: the API client uses %2, the web engine %3.</source>
        <translation>%1 について 2 つのネットワークスタックの設定が異なります: API クライアントは %2、Web エンジンは %3 を使用しています。</translation>
    </message>
    <message>
        <source>Requests and pages would take different routes: set the proxy the same way for both (the environment&apos;s http_proxy/https_proxy, or none).</source>
        <translation>リクエストとページが異なる経路を通ることになります。両方に同じプロキシを設定してください (環境変数の http_proxy/https_proxy、またはプロキシなし)。</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>対処方法: %1</translation>
    </message>
</context>
<context>
    <name>DoctorCommand</name>
    <message>
        <source>Checking the profile “%1”…</source>
        <translation>プロファイル「%1」を確認しています…</translation>
    </message>
</context>
<context>
    <name>ExchangeLog</name>
    <message>
        <source>… (%1 characters in all)</source>
        <translation>… (全部で %1 文字)</translation>
    </message>
    <message>
        <source>no more entries are recorded for this session (%1 already)</source>
        <translation>このセッションではこれ以上記録しません (すでに %1 件)</translation>
    </message>
</context>
<context>
    <name>ExchangeLogView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>メソッド</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>通信</translation>
    </message>
    <message>
        <source>Copy every exchange as text (secrets are already hidden)</source>
        <translation>すべての通信をテキストとしてコピーします (シークレットはすでに非表示です)</translation>
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
        <translation>通信はまだありません</translation>
    </message>
    <message>
        <source>Exchanges: %1</source>
        <translation>通信: %1</translation>
    </message>
    <message>
        <source>No exchanges were recorded</source>
        <translation>記録された通信はありません</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 は必須です。</translation>
    </message>
    <message>
        <source>%1 must be on or off.</source>
        <translation>%1 はオンまたはオフでなければなりません。</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 は数値でなければなりません。</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 は %2 から %3 の範囲でなければなりません。</translation>
    </message>
    <message>
        <source>%1 must be one of the listed choices.</source>
        <translation>%1 は一覧の選択肢のいずれかでなければなりません。</translation>
    </message>
    <message>
        <source>%1 must be an email address.</source>
        <translation>%1 はメールアドレスでなければなりません。</translation>
    </message>
    <message>
        <source>%1 must be a web address (https://…).</source>
        <translation>%1 は Web アドレス (https://…) でなければなりません。</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 はテキストでなければなりません。</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message numerus="yes">
        <source>Forgot %n session(s).</source>
        <translation>
            <numerusform>%n 件のセッションを消去しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions are kept yet.</source>
        <translation>保持されているセッションはまだありません。</translation>
    </message>
    <message>
        <source>No kept session matches.</source>
        <translation>条件に一致する保持済みのセッションはありません。</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>終了日時</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>連携サービス</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Connection or reason</source>
        <translation>接続または理由</translation>
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
        <translation>完了</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Copy &amp;Session</source>
        <translation>セッションをコピー(&amp;S)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>&amp;Integration:</source>
        <translation>連携サービス(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>結果(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>プロファイル(&amp;P):</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>終了日時</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>連携サービス</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Connection or reason</source>
        <translation>接続または理由</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>過去のセッション</translation>
    </message>
    <message>
        <source>The chosen session</source>
        <translation>選択したセッション</translation>
    </message>
    <message>
        <source>Copy the chosen session&apos;s result and exchanges as text (secrets were never kept)</source>
        <translation>選択したセッションの結果と通信をテキストとしてコピーします (シークレットは保持されていません)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>No sessions are kept yet. Each session you run from now on is listed here with its result and exchanges.</source>
        <translation>保持されているセッションはまだありません。今後実行するセッションは、その結果と通信とともにここに表示されます。</translation>
    </message>
    <message>
        <source>No kept session matches these filters.</source>
        <translation>これらの条件に一致する保持済みのセッションはありません。</translation>
    </message>
    <message>
        <source>%1 on %2 (%3): %4</source>
        <translation>%2 (%3) の %1: %4</translation>
    </message>
    <message>
        <source>Connection “%1” (%2), id %3</source>
        <translation>接続「%1」 (%2)、ID %3</translation>
    </message>
    <message>
        <source>%1 %2 ms</source>
        <translation>%1 %2 ms</translation>
    </message>
    <message>
        <source>Timings: %1</source>
        <translation>タイミング: %1</translation>
    </message>
</context>
<context>
    <name>IntegrationChooser</name>
    <message>
        <source>Choose an integration</source>
        <translation>連携サービスを選択</translation>
    </message>
    <message>
        <source>Which account do you want to connect to %1?</source>
        <translation>%1 にどのアカウントを接続しますか？</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>IntegrationPicker</name>
    <message>
        <source>Search integrations</source>
        <translation>連携サービスを検索</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>連携サービス</translation>
    </message>
    <message>
        <source>Loading integrations…</source>
        <translation>連携サービスを読み込んでいます…</translation>
    </message>
    <message>
        <source>This backend offers no integrations.</source>
        <translation>このバックエンドには利用できる連携サービスがありません。</translation>
    </message>
    <message>
        <source>No integration matches “%1”.</source>
        <translation>「%1」に一致する連携サービスはありません。</translation>
    </message>
    <message>
        <source>Showing 0 of %1</source>
        <translation>%1 件中 0 件を表示</translation>
    </message>
    <message>
        <source>Integrations: %1</source>
        <translation>連携サービス: %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>%2 件中 %1 件を表示</translation>
    </message>
</context>
<context>
    <name>JsonEnvelope</name>
    <message>
        <source>The server&apos;s reply is not valid JSON (%1 at byte %2).</source>
        <translation>サーバーの応答が有効な JSON ではありません (バイト %2 で %1)。</translation>
    </message>
    <message>
        <source>The server&apos;s reply has no &quot;data&quot; field.</source>
        <translation>サーバーの応答に「data」フィールドがありません。</translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>the key is not an RSA key</source>
        <translation>鍵が RSA 鍵ではありません</translation>
    </message>
    <message>
        <source>not a JWT (three dot-separated parts)</source>
        <translation>JWT (ドットで区切られた 3 つの部分) ではありません</translation>
    </message>
    <message>
        <source>not signed with RS256</source>
        <translation>RS256 で署名されていません</translation>
    </message>
    <message>
        <source>the signature does not match the key</source>
        <translation>署名が鍵と一致しません</translation>
    </message>
    <message>
        <source>the payload is not a JSON object</source>
        <translation>ペイロードが JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>不明なエラー</translation>
    </message>
</context>
<context>
    <name>KeychainAccess</name>
    <message>
        <source>The system keychain could not be used (%1). Set the %2 environment variable instead.</source>
        <translation>システムのキーチェーンを使用できませんでした (%1)。代わりに環境変数 %2 を設定してください。</translation>
    </message>
</context>
<context>
    <name>LogoCheck</name>
    <message>
        <source>The logo file is empty. Choose an SVG file.</source>
        <translation>ロゴファイルが空です。SVG ファイルを選択してください。</translation>
    </message>
    <message>
        <source>The logo is larger than %1 KiB. Simplify it or export a smaller SVG.</source>
        <translation>ロゴが %1 KiB を超えています。簡略化するか、より小さい SVG を書き出してください。</translation>
    </message>
    <message>
        <source>The logo declares a DOCTYPE or entities; export it as plain SVG.</source>
        <translation>ロゴで DOCTYPE またはエンティティが宣言されています。プレーンな SVG として書き出してください。</translation>
    </message>
    <message>
        <source>The logo refers to files or addresses outside itself; embed them or remove them.</source>
        <translation>ロゴが外部のファイルまたはアドレスを参照しています。埋め込むか削除してください。</translation>
    </message>
    <message>
        <source>This is not an SVG image. Choose an .svg file.</source>
        <translation>SVG 画像ではありません。.svg ファイルを選択してください。</translation>
    </message>
    <message>
        <source>The logo contains scripts or embedded web content, which are not allowed. Export it as plain SVG.</source>
        <translation>ロゴにスクリプトまたは埋め込み Web コンテンツが含まれていますが、これらは使用できません。プレーンな SVG として書き出してください。</translation>
    </message>
    <message>
        <source>The logo is not a well-formed SVG file (%1).</source>
        <translation>ロゴが整形式の SVG ファイルではありません (%1)。</translation>
    </message>
    <message>
        <source>no &lt;svg&gt; element</source>
        <translation>&lt;svg&gt; 要素がありません</translation>
    </message>
    <message>
        <source>The logo cannot be drawn. Open it in an SVG editor and export it again.</source>
        <translation>ロゴを描画できません。SVG エディターで開いて、もう一度書き出してください。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 を読み取れません: %2。</translation>
    </message>
</context>
<context>
    <name>MachineSettings</name>
    <message>
        <source>“%1” is not a setting Connect Desktop knows; it is ignored.</source>
        <translation>「%1」は Connect Desktop が認識できる設定ではないため、無視されます。</translation>
    </message>
    <message>
        <source>the theme must be system, light or dark.</source>
        <translation>テーマは system、light、dark のいずれかでなければなりません。</translation>
    </message>
    <message>
        <source>the kind must be polytomic, proxy or sandbox.</source>
        <translation>種類は polytomic、proxy、sandbox のいずれかでなければなりません。</translation>
    </message>
    <message>
        <source>unknown API version; known: %1.</source>
        <translation>不明な API バージョンです。既知のバージョン: %1。</translation>
    </message>
    <message>
        <source>the language must be a code such as de or fr_CA.</source>
        <translation>言語は de や fr_CA のようなコードでなければなりません。</translation>
    </message>
    <message>
        <source>your organisation</source>
        <translation>ご利用の組織</translation>
    </message>
    <message>
        <source>Company backend</source>
        <translation>会社のバックエンド</translation>
    </message>
    <message>
        <source>the access must be direct, backend or sandbox.</source>
        <translation>アクセスは direct、backend、sandbox のいずれかでなければなりません。</translation>
    </message>
    <message>
        <source>the base URL must be a web address such as %1.</source>
        <translation>ベース URL は %1 のような Web アドレスでなければなりません。</translation>
    </message>
    <message>
        <source>the platform must be one of: %1.</source>
        <translation>プラットフォームは次のいずれかにしてください: %1。</translation>
    </message>
    <message>
        <source>the address must be a web address such as %1.</source>
        <translation>アドレスは %1 のような Web アドレスにしてください。</translation>
    </message>
    <message>
        <source>the project ID may hold only letters, digits and hyphens.</source>
        <translation>プロジェクト ID に使えるのは英字、数字、ハイフンだけです。</translation>
    </message>
    <message>
        <source>the proxy must be system, none or manual.</source>
        <translation>プロキシは system、none、manual のいずれかでなければなりません。</translation>
    </message>
    <message>
        <source>the proxy address is not usable: %1</source>
        <translation>プロキシのアドレスを使用できません: %1</translation>
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
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>Reload integrations and connections (%1)</source>
        <translation>連携サービスと接続を再読み込みします (%1)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Find Integration</source>
        <translation>連携サービスを検索(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>プロファイル(&amp;P):</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>サンドボックス</translation>
    </message>
    <message>
        <source>A local test server: nothing here touches a real account</source>
        <translation>ローカルのテストサーバーです。ここでの操作が実際のアカウントに影響することはありません</translation>
    </message>
    <message>
        <source>Connect an &amp;integration</source>
        <translation>連携サービスを接続(&amp;I)</translation>
    </message>
    <message>
        <source>Your &amp;connections</source>
        <translation>接続一覧(&amp;C)</translation>
    </message>
    <message>
        <source>Sandbox: a test server on this computer. Nothing you connect here reaches a real account.</source>
        <translation>サンドボックス: このコンピューター上のテストサーバーです。ここで接続したものが実際のアカウントに届くことはありません。</translation>
    </message>
    <message>
        <source>%1 — Connect Desktop</source>
        <translation>%1 — Connect Desktop</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>“%1” could not be opened. %2</source>
        <translation>「%1」を開けませんでした。%2</translation>
    </message>
    <message>
        <source>Open &amp;Settings</source>
        <translation>設定を開く(&amp;S)</translation>
    </message>
    <message>
        <source>Try &amp;Again</source>
        <translation>もう一度試す(&amp;A)</translation>
    </message>
    <message>
        <source>Integrations appear once the profile opens.</source>
        <translation>プロファイルが開くと、連携サービスが表示されます。</translation>
    </message>
    <message>
        <source>Connections appear once the profile opens.</source>
        <translation>プロファイルが開くと、接続が表示されます。</translation>
    </message>
    <message>
        <source>None of the allowed integrations (%1) is offered by %2. Check the allowed integrations in the settings, or switch profile.</source>
        <translation>許可された連携サービス (%1) は、現在のバックエンド (%2) ではいずれも提供されていません。設定で許可された連携サービスを確認するか、プロファイルを切り替えてください。</translation>
    </message>
    <message>
        <source>A link asked to connect “%1”. Finish or close the current connection first, then open the link again.</source>
        <translation>リンクから「%1」の接続が要求されました。現在の接続を完了するか閉じてから、もう一度リンクを開いてください。</translation>
    </message>
    <message>
        <source>A link asked to connect “%1”, which is not among the integrations you can connect here.</source>
        <translation>リンクから「%1」の接続が要求されましたが、これはここで接続できる連携サービスではありません。</translation>
    </message>
    <message>
        <source>Checking the names of your connections…</source>
        <translation>接続の名前を確認しています…</translation>
    </message>
    <message>
        <source>Connected %1 as “%2”.</source>
        <translation>%1 を「%2」として接続しました。</translation>
    </message>
    <message>
        <source>Connected %1 as “%2” (%3).</source>
        <translation>%1 を「%2」として接続しました (%3)。</translation>
    </message>
    <message>
        <source>Cancelled: %1 was not connected.</source>
        <translation>キャンセルしました: %1 は接続されていません。</translation>
    </message>
    <message>
        <source>%1 was not connected (%2).</source>
        <translation>%1 は接続されませんでした (%2)。</translation>
    </message>
    <message>
        <source>%1 was not connected. %2</source>
        <translation>%1 は接続されませんでした。%2</translation>
    </message>
    <message>
        <source>Try Again as “%1”</source>
        <translation>「%1」としてもう一度試す</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>接続の削除</translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>接続「%1」を削除しますか？</translation>
    </message>
    <message>
        <source>Anything that uses it stops working. This cannot be undone.</source>
        <translation>これを使用しているものはすべて動作しなくなります。この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Removing “%1”…</source>
        <translation>「%1」を削除しています…</translation>
    </message>
    <message>
        <source>“%1” could not be removed. %2</source>
        <translation>「%1」を削除できませんでした。%2</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>「%1」を削除しました。</translation>
    </message>
    <message>
        <source>The integrations could not be refreshed: %1</source>
        <translation>連携サービスを更新できませんでした: %1</translation>
    </message>
    <message>
        <source>Diagnostics saved to %1</source>
        <translation>診断情報を %1 に保存しました</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>履歴(&amp;H)…</translation>
    </message>
    <message>
        <source>The last sessions: their results and exchanges</source>
        <translation>最近のセッションとその結果、通信</translation>
    </message>
    <message>
        <source>Save &amp;Diagnostics…</source>
        <translation>診断情報を保存(&amp;D)…</translation>
    </message>
    <message>
        <source>Save a bundle for support: versions, settings and sessions, without secrets</source>
        <translation>サポート用のバンドルを保存します: バージョン、設定、セッション (シークレットは含みません)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
</context>
<context>
    <name>MessagePage</name>
    <message>
        <source>&amp;Try again</source>
        <translation>もう一度試す(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ModalHost</name>
    <message>
        <source>Connect page</source>
        <translation>接続ページ</translation>
    </message>
    <message>
        <source>a message box (alert), not shown: “%1”</source>
        <translation>メッセージボックス (alert)、表示せず: 「%1」</translation>
    </message>
    <message>
        <source>a question (confirm), answered Cancel: “%1”</source>
        <translation>質問 (confirm)、キャンセルと回答: 「%1」</translation>
    </message>
    <message>
        <source>a text prompt (prompt), answered with nothing: “%1”</source>
        <translation>テキスト入力 (prompt)、何も返さず: 「%1」</translation>
    </message>
    <message>
        <source>a request to stay on the page (beforeunload), answered Leave</source>
        <translation>ページに留まる要求 (beforeunload)、離れると回答</translation>
    </message>
</context>
<context>
    <name>NavigationPolicy</name>
    <message>
        <source>the address is not valid</source>
        <translation>アドレスが無効です</translation>
    </message>
    <message>
        <source>about: pages other than about:blank are not allowed</source>
        <translation>about:blank 以外の about: ページは許可されていません</translation>
    </message>
    <message>
        <source>%1: addresses are not allowed; only web pages (https) are</source>
        <translation>%1: アドレスは許可されていません。許可されるのは Web ページ (https) のみです</translation>
    </message>
    <message>
        <source>the address has no host</source>
        <translation>アドレスにホストがありません</translation>
    </message>
    <message>
        <source>addresses with a user name or password are not allowed</source>
        <translation>ユーザー名またはパスワードを含むアドレスは許可されていません</translation>
    </message>
    <message>
        <source>plain http is allowed only to this computer; %1 must use https</source>
        <translation>暗号化されていない http はこのコンピューターへの接続にのみ許可されています。%1 は https を使用する必要があります</translation>
    </message>
    <message>
        <source>only the session&apos;s own redirect may reach the app&apos;s port</source>
        <translation>アプリのポートに到達できるのは、このセッション自身のリダイレクトのみです</translation>
    </message>
</context>
<context>
    <name>PageFileDialog</name>
    <message>
        <source>Files the page accepts (%1)</source>
        <translation>ページが受け付けるファイル (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a File for the Page</source>
        <translation>ページに渡すファイルを選択</translation>
    </message>
</context>
<context>
    <name>ParagonAttempt</name>
    <message>
        <source>Paragon&apos;s portal connects one integration at a time: choose one.</source>
        <translation>Paragon のポータルで接続できる連携サービスは一度に 1 つだけです。1 つ選んでください。</translation>
    </message>
    <message numerus="yes">
        <source>Paragon&apos;s portal connects one integration at a time, and %n were asked for: choose one.</source>
        <translation>
            <numerusform>Paragon のポータルで接続できる連携サービスは一度に 1 つだけですが、%n 個が指定されました。1 つ選んでください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paragon&apos;s project has no active integration “%1”.</source>
        <translation>Paragon のプロジェクトに有効な連携サービス「%1」がありません。</translation>
    </message>
    <message>
        <source>Could not open a local port for Paragon&apos;s portal page (%1).</source>
        <translation>Paragon のポータルページ用のローカルポートを開けませんでした (%1)。</translation>
    </message>
    <message>
        <source>Paragon Connect Portal</source>
        <translation>Paragon Connect Portal</translation>
    </message>
    <message>
        <source>Paragon connected an account (credential %1)</source>
        <translation>Paragon がアカウントを接続しました (認証情報 %1)</translation>
    </message>
    <message>
        <source>The sign-in window could not open. Try again; if it keeps happening, ask your IT team whether pop-ups are blocked for Connect Desktop.</source>
        <translation>サインインウィンドウを開けませんでした。もう一度お試しください。繰り返し発生する場合は、Connect Desktop でポップアップがブロックされていないか IT 部門にお問い合わせください。</translation>
    </message>
    <message numerus="yes">
        <source>The sign-in window did not finish in %n minutes. Connect again when you are ready to sign in.</source>
        <translation>
            <numerusform>サインインウィンドウでの操作が %n 分以内に完了しませんでした。サインインの準備ができたら、もう一度接続してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paragon did not accept the user token (%1). Check the profile&apos;s project id and token URL or signing key.</source>
        <translation>Paragon がユーザートークンを受け付けませんでした (%1)。プロファイルのプロジェクト ID と、トークン URL または署名鍵を確認してください。</translation>
    </message>
    <message>
        <source>Paragon&apos;s portal reported a problem: %1</source>
        <translation>Paragon のポータルから問題が報告されました: %1</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>詳細なし</translation>
    </message>
    <message>
        <source>Paragon&apos;s portal said the account was connected, but Paragon does not list it for this user. Connect again; if it keeps happening, contact the platform&apos;s support.</source>
        <translation>Paragon のポータルではアカウントが接続されたと報告されましたが、Paragon ではこのユーザーのアカウントとして表示されません。もう一度接続してください。繰り返し発生する場合は、プラットフォームのサポートにお問い合わせください。</translation>
    </message>
</context>
<context>
    <name>ParagonHttp</name>
    <message>
        <source>Paragon refused the user token.</source>
        <translation>Paragon がユーザートークンを拒否しました。</translation>
    </message>
    <message>
        <source>The answer from %1 is not JSON (%2). Check the profile&apos;s addresses.</source>
        <translation>%1 からの応答が JSON ではありません (%2)。プロファイルのアドレスを確認してください。</translation>
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
        <translation>アカウントのサインインが無効になりました。再接続してください。</translation>
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
        <translation>Paragon がプロジェクト %1 のユーザートークンを拒否しました。プロファイルのプロジェクト ID と、トークンの取得元 (トークン URL または署名鍵) を確認してください。</translation>
    </message>
    <message>
        <source>Paragon&apos;s list of integrations could not be read (not a list). Check the profile&apos;s service addresses.</source>
        <translation>Paragon の連携サービスの一覧を読み取れませんでした (一覧ではありません)。プロファイルのサービスのアドレスを確認してください。</translation>
    </message>
    <message>
        <source>Paragon&apos;s user state could not be read (not an object). Check the profile&apos;s service addresses.</source>
        <translation>Paragon のユーザーの状態を読み取れませんでした (オブジェクトではありません)。プロファイルのサービスのアドレスを確認してください。</translation>
    </message>
    <message>
        <source>This account is not in the list Paragon gave last. Refresh the list, then try again.</source>
        <translation>このアカウントは、Paragon から最後に取得した一覧にありません。一覧を更新してから、もう一度お試しください。</translation>
    </message>
    <message numerus="yes">
        <source>project %1, a user with %n integration(s) connected</source>
        <translation>
            <numerusform>プロジェクト %1、%n 件の連携サービスを接続済みのユーザー</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParagonSandbox</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 for any.</source>
        <translation>127.0.0.1:%1 で待ち受けできません (%2)。--port で別のポートを選ぶか、0 を指定して任意のポートを使用してください。</translation>
    </message>
    <message>
        <source>Sync your %1 data (sandbox stand-in; nothing leaves this computer).</source>
        <translation>%1 のデータを同期します (サンドボックスによる代替。データがこのコンピューターの外に出ることはありません)。</translation>
    </message>
    <message>
        <source>Connect your %1 account.</source>
        <translation>%1 のアカウントを接続してください。</translation>
    </message>
    <message>
        <source>No project %1 in this sandbox; its project is %2.</source>
        <translation>このサンドボックスにプロジェクト %1 はありません。このサンドボックスのプロジェクトは %2 です。</translation>
    </message>
    <message>
        <source>No such credential</source>
        <translation>該当する認証情報がありません</translation>
    </message>
    <message>
        <source>Unknown integrationId</source>
        <translation>不明な integrationId</translation>
    </message>
    <message>
        <source>The sandbox refused to start the sign-in (a fault option).</source>
        <translation>サンドボックスがサインインの開始を拒否しました (擬似障害のオプション)。</translation>
    </message>
    <message>
        <source>integrationId and oauthMetaKeyId are needed</source>
        <translation>integrationId と oauthMetaKeyId が必要です</translation>
    </message>
    <message>
        <source>Name the user: ?sub=USER_ID</source>
        <translation>ユーザーを指定してください: ?sub=USER_ID</translation>
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
        <translation>API キー</translation>
    </message>
    <message>
        <source>Polytomic&apos;s API, with an API key kept in this computer&apos;s keychain.</source>
        <translation>Polytomic の API。API キーはこのコンピューターのキーチェーンに保存されます。</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>ベース URL(&amp;B):</translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation>API キー(&amp;Y):</translation>
    </message>
    <message>
        <source>Backend proxy</source>
        <translation>バックエンドプロキシ</translation>
    </message>
    <message>
        <source>Your backend adds the API key; the app never holds it.</source>
        <translation>API キーはバックエンドが付け加えます。アプリが保持することはありません。</translation>
    </message>
    <message>
        <source>Your &amp;credential:</source>
        <translation>認証情報(&amp;C):</translation>
    </message>
    <message>
        <source>Paragon</source>
        <translation>Paragon</translation>
    </message>
    <message>
        <source>Your backend (token URL)</source>
        <translation>バックエンド (トークン URL)</translation>
    </message>
    <message>
        <source>Your backend signs a user token and answers the token URL with {&quot;token&quot;: &quot;…&quot;}.</source>
        <translation>バックエンドがユーザートークンに署名し、トークン URL に {&quot;token&quot;: &quot;…&quot;} で応答します。</translation>
    </message>
    <message>
        <source>&amp;Token URL:</source>
        <translation>トークン URL(&amp;T):</translation>
    </message>
    <message>
        <source>Signing key (support staff)</source>
        <translation>署名鍵 (サポート担当者用)</translation>
    </message>
    <message>
        <source>The app signs short-lived user tokens for one user with the project&apos;s signing key.</source>
        <translation>アプリがプロジェクトの署名鍵で、1 人のユーザー用の有効期間の短いユーザートークンに署名します。</translation>
    </message>
    <message>
        <source>&amp;Signing key (PEM):</source>
        <translation>署名鍵 (PEM)(&amp;S):</translation>
    </message>
    <message>
        <source>For support staff: the signing key stays in this computer&apos;s keychain. Never give it to end users.</source>
        <translation>サポート担当者用: 署名鍵はこのコンピューターのキーチェーンに保存されます。エンドユーザーには絶対に渡さないでください。</translation>
    </message>
</context>
<context>
    <name>PolytomicAttempt</name>
    <message>
        <source>Could not open a local port for the sign-in to return to (%1).</source>
        <translation>サインイン後の戻り先となるローカルポートを開けませんでした (%1)。</translation>
    </message>
</context>
<context>
    <name>PolytomicProvider</name>
    <message>
        <source>&quot;data&quot; is not a list</source>
        <translation>「data」がリストではありません</translation>
    </message>
    <message>
        <source>the connection has no id</source>
        <translation>接続に ID がありません</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 の %1</translation>
    </message>
</context>
<context>
    <name>PopupWindow</name>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
</context>
<context>
    <name>PreparingView</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ProfileChoice</name>
    <message>
        <source>--base-url and --proxy-url are Polytomic&apos;s; for %1, name a profile with --profile (add one in the app&apos;s settings).</source>
        <translation>--base-url と --proxy-url は Polytomic 用です。%1 の場合は、--profile でプロファイルを指定してください (アプリの設定で追加できます)。</translation>
    </message>
    <message>
        <source>Unknown profile “%1”. Profiles: %2 (add one in the app&apos;s settings).</source>
        <translation>不明なプロファイル「%1」です。プロファイル: %2 (アプリの設定で追加できます)。</translation>
    </message>
    <message>
        <source>The profile “%1” is a %2 profile, not %3.</source>
        <translation>プロファイル「%1」は %2 のプロファイルで、%3 のプロファイルではありません。</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Credential &amp;header:</source>
        <translation>認証情報ヘッダー(&amp;H):</translation>
    </message>
    <message>
        <source>Re&amp;member sign-ins</source>
        <translation>サインインを記憶する(&amp;M)</translation>
    </message>
    <message>
        <source>Allow continuing past an &amp;invalid certificate (support only)</source>
        <translation>無効な証明書でも続行を許可する (サポート専用)(&amp;I)</translation>
    </message>
    <message>
        <source>Edit Profile</source>
        <translation>プロファイルの編集</translation>
    </message>
    <message>
        <source>Add Profile</source>
        <translation>プロファイルの追加</translation>
    </message>
    <message>
        <source>Keeps the cookies of sign-in pages in this profile&apos;s own folder, so providers remember you next time. Off: nothing of the web pages is kept once the app closes.</source>
        <translation>サインインページの Cookie をこのプロファイル専用のフォルダーに保存し、次回プロバイダーがあなたを記憶できるようにします。オフの場合: アプリを閉じると、Web ページのデータは何も保持されません。</translation>
    </message>
    <message>
        <source>Only for testing servers with self-made certificates. A page whose certificate is not valid may not be who it claims to be: anything typed into it can be read by others. Connect Desktop asks each time and shows a warning while such a page is open.</source>
        <translation>自己署名証明書を使うサーバーのテスト専用です。証明書が無効なページは、名乗っているとおりの相手ではない可能性があり、入力した内容を第三者に読み取られるおそれがあります。Connect Desktop は毎回確認し、そのようなページが開いている間は警告を表示します。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>API &amp;version:</source>
        <translation>API バージョン(&amp;V):</translation>
    </message>
    <message>
        <source>Web pages:</source>
        <translation>Web ページ:</translation>
    </message>
    <message>
        <source>•••• stored in keychain</source>
        <translation>•••• キーチェーンに保存済み</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored one.</source>
        <translation>保存済みのものを使い続ける場合は空のままにしてください。</translation>
    </message>
    <message>
        <source>Optional: sent in the credential header</source>
        <translation>省略可: 認証情報ヘッダーで送信されます</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>API キーを貼り付けてください</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never shown again.</source>
        <translation>システムのキーチェーンに保存され、二度と表示されません。</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>プロファイルに名前を付けてください。</translation>
    </message>
    <message>
        <source>Profile Set by %1</source>
        <translation>プロファイル (設定元: %1)</translation>
    </message>
    <message>
        <source>Choose Key &amp;File…</source>
        <translation>鍵ファイルを選択(&amp;F)…</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Paste the key (-----BEGIN PRIVATE KEY----- …), or choose its file</source>
        <translation>鍵 (-----BEGIN PRIVATE KEY----- …) を貼り付けるか、そのファイルを選択してください</translation>
    </message>
    <message>
        <source>Only for an installation on your own servers. An empty field keeps the cloud&apos;s address.</source>
        <translation>自社のサーバー上のインストール専用です。空欄のフィールドはクラウドのアドレスのままになります。</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>プラットフォーム(&amp;P):</translation>
    </message>
    <message>
        <source>Pro&amp;ject ID:</source>
        <translation>プロジェクト ID(&amp;J):</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>ユーザー ID(&amp;U):</translation>
    </message>
    <message>
        <source>Choose the Signing Key</source>
        <translation>署名鍵を選択</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM 鍵 (*.pem *.key);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Se&amp;lf-hosted %1: its own service addresses</source>
        <translation>セルフホストの %1: 独自のサービスのアドレス(&amp;L)</translation>
    </message>
    <message>
        <source>This file is too large to be a signing key.</source>
        <translation>このファイルは署名鍵にしては大きすぎます。</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>ファイルを読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>A project ID holds only letters, digits and hyphens.</source>
        <translation>プロジェクト ID に使えるのは英字、数字、ハイフンだけです。</translation>
    </message>
    <message>
        <source>Enter a web address such as %1.</source>
        <translation>%1 のような Web アドレスを入力してください。</translation>
    </message>
    <message>
        <source>This key is protected by a passphrase. Save it without one first (openssl pkey -in key.pem -out plain.pem).</source>
        <translation>この鍵はパスフレーズで保護されています。先にパスフレーズなしで保存してください (openssl pkey -in key.pem -out plain.pem)。</translation>
    </message>
    <message>
        <source>This is not an RSA private key in PEM form: it begins with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.</source>
        <translation>PEM 形式の RSA 秘密鍵ではありません。秘密鍵は -----BEGIN PRIVATE KEY----- または -----BEGIN RSA PRIVATE KEY----- で始まります。</translation>
    </message>
    <message>
        <source>%1 must be a web address such as %2.</source>
        <translation>%1 は %2 のような Web アドレスにしてください。</translation>
    </message>
    <message>
        <source>Fill in “%1”.</source>
        <translation>「%1」を入力してください。</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>Sandbox</source>
        <translation>サンドボックス</translation>
    </message>
    <message>
        <source>Choose another profile id; &quot;%1&quot; cannot be used.</source>
        <translation>別のプロファイル ID を選んでください。「%1」は使用できません。</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>プロファイルに名前を付けてください。</translation>
    </message>
    <message>
        <source>Choose one of the known API versions: %1.</source>
        <translation>既知の API バージョンから選んでください: %1。</translation>
    </message>
    <message>
        <source>The address must be a web address such as %1.</source>
        <translation>アドレスは %1 のような Web アドレスでなければなりません。</translation>
    </message>
    <message>
        <source>Paragon sandbox</source>
        <translation>Paragon サンドボックス</translation>
    </message>
    <message>
        <source>There is one sandbox profile per platform, and it is built in.</source>
        <translation>サンドボックスのプロファイルはプラットフォームごとに 1 つで、組み込みです。</translation>
    </message>
    <message>
        <source>%1 profiles cannot be of this kind; choose one of the kinds offered.</source>
        <translation>%1 のプロファイルはこの種類にできません。表示される種類から選んでください。</translation>
    </message>
    <message>
        <source>Enter the %1 project ID (you find it in the %1 dashboard).</source>
        <translation>%1 のプロジェクト ID を入力してください (%1 のダッシュボードにあります)。</translation>
    </message>
    <message>
        <source>The project ID may hold only letters, digits and hyphens, as in 3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.</source>
        <translation>プロジェクト ID に使えるのは英字、数字、ハイフンだけです (例: 3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c)。</translation>
    </message>
    <message>
        <source>Enter the ID of the user the tokens are signed for.</source>
        <translation>トークンの署名対象となるユーザーの ID を入力してください。</translation>
    </message>
    <message>
        <source>%1 is not a service of %2.</source>
        <translation>%1 は %2 のサービスではありません。</translation>
    </message>
    <message>
        <source>The address of %1 must be a web address such as %2.</source>
        <translation>%1 のアドレスは %2 のような Web アドレスにしてください。</translation>
    </message>
</context>
<context>
    <name>ProfileSwitcher</name>
    <message>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>The backend this window talks to</source>
        <translation>このウィンドウの通信先のバックエンド</translation>
    </message>
    <message>
        <source>%1 (sandbox)</source>
        <translation>%1 (サンドボックス)</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>設定元: %1</translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>Type the proxy&apos;s address, such as proxy.example.com:3128.</source>
        <translation>プロキシのアドレスを入力してください (例: proxy.example.com:3128)。</translation>
    </message>
    <message>
        <source>This is not a proxy address: type host:port, such as proxy.example.com:3128.</source>
        <translation>これはプロキシのアドレスではありません。host:port の形式で入力してください (例: proxy.example.com:3128)。</translation>
    </message>
    <message>
        <source>The proxy must be http:// or socks5:// (both the API and the web pages use it).</source>
        <translation>プロキシは http:// または socks5:// でなければなりません (API と Web ページの両方で使用されます)。</translation>
    </message>
    <message>
        <source>Leave the user and password out of the address: they have fields of their own (the password is kept in the keychain).</source>
        <translation>アドレスにユーザーとパスワードを含めないでください。それぞれ専用の欄があります (パスワードはキーチェーンに保存されます)。</translation>
    </message>
    <message>
        <source>Add the proxy&apos;s port, such as :3128 or :8080.</source>
        <translation>プロキシのポートを追加してください (例: :3128、:8080)。</translation>
    </message>
    <message>
        <source>A proxy address has no path: type only host:port.</source>
        <translation>プロキシのアドレスにパスは含められません。host:port だけを入力してください。</translation>
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
        <translation>このタブは閉じてかまいません</translation>
    </message>
    <message>
        <source>Connect Desktop has what it needs and is finishing in its own window.</source>
        <translation>Connect Desktop は必要な情報を受け取り、自身のウィンドウで処理を完了しています。</translation>
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
        <translation>Connect サンドボックスが %1 で待ち受けています</translation>
    </message>
    <message>
        <source>API key: %1</source>
        <translation>API キー: %1</translation>
    </message>
    <message>
        <source>Try: curl -H &apos;Authorization: Bearer %1&apos; %2/api/connection_types</source>
        <translation>試すには: curl -H &apos;Authorization: Bearer %1&apos; %2/api/connection_types</translation>
    </message>
    <message>
        <source>Stop it with Ctrl+C.</source>
        <translation>Ctrl+C で停止します。</translation>
    </message>
    <message>
        <source>Paragon sandbox listening on %1</source>
        <translation>Paragon サンドボックスが %1 で待ち受けています</translation>
    </message>
    <message>
        <source>Project id: %1</source>
        <translation>プロジェクト ID: %1</translation>
    </message>
    <message>
        <source>Token URL: %1?sub=USER_ID</source>
        <translation>トークン URL: %1?sub=USER_ID</translation>
    </message>
    <message>
        <source>Try: curl &apos;%1?sub=someone&apos;</source>
        <translation>試すには: curl &apos;%1?sub=someone&apos;</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 for any free port.</source>
        <translation>127.0.0.1:%1 で待ち受けできません (%2)。--port で別のポートを選ぶか、0 を指定して空いているポートを使用してください。</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>このアドレスには何もありません。</translation>
    </message>
    <message>
        <source>invalid token (sandbox fault)</source>
        <translation>無効なトークン (サンドボックスの擬似障害)</translation>
    </message>
    <message>
        <source>sandbox fault: forced status %1</source>
        <translation>サンドボックスの擬似障害: 強制ステータス %1</translation>
    </message>
    <message>
        <source>Unknown API version &quot;%1&quot; in X-Polytomic-Version. Known versions: %2.</source>
        <translation>X-Polytomic-Version の API バージョン「%1」は不明です。既知のバージョン: %2。</translation>
    </message>
    <message>
        <source>Use POST to create a connect session.</source>
        <translation>接続セッションを作成するには POST を使用してください。</translation>
    </message>
    <message>
        <source>Idempotency-Key must be 8 to 255 characters of letters, digits, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Idempotency-Key は、英字、数字、&apos;_&apos;、&apos;-&apos; からなる 8〜255 文字でなければなりません。</translation>
    </message>
    <message>
        <source>A request with this Idempotency-Key is still being processed. Retry after it finishes.</source>
        <translation>この Idempotency-Key のリクエストはまだ処理中です。完了してから再試行してください。</translation>
    </message>
    <message>
        <source>Use GET or DELETE on a connection.</source>
        <translation>接続には GET または DELETE を使用してください。</translation>
    </message>
    <message>
        <source>No such API endpoint: %1</source>
        <translation>該当する API エンドポイントはありません: %1</translation>
    </message>
    <message>
        <source>The request body is not a JSON object (%1).</source>
        <translation>リクエスト本文が JSON オブジェクトではありません (%1)。</translation>
    </message>
    <message>
        <source>found another JSON value</source>
        <translation>別の JSON 値が見つかりました</translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot;</source>
        <translation>不明な接続タイプ「%1」</translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot; in whitelist</source>
        <translation>whitelist 内の不明な接続タイプ「%1」</translation>
    </message>
    <message>
        <source>connection %1 does not exist</source>
        <translation>接続 %1 は存在しません</translation>
    </message>
    <message>
        <source>name must be unique: a connection named &quot;%1&quot; already exists</source>
        <translation>name は一意でなければなりません: 「%1」という名前の接続がすでに存在します</translation>
    </message>
    <message>
        <source>connection %1 not found</source>
        <translation>接続 %1 が見つかりません</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>アカウントを接続</translation>
    </message>
    <message>
        <source>This connect session has already finished.</source>
        <translation>この接続セッションはすでに終了しています。</translation>
    </message>
    <message>
        <source>The form could not be read. Reload the page and try again.</source>
        <translation>フォームを読み取れませんでした。ページを再読み込みして、もう一度お試しください。</translation>
    </message>
    <message>
        <source>This integration is not offered in this session.</source>
        <translation>この連携サービスは、このセッションでは提供されていません。</translation>
    </message>
    <message>
        <source>Signing in to %1 was not completed. Click Sign in to try again.</source>
        <translation>%1 へのサインインが完了していません。[%1 でサインイン] をクリックして、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Authentication failed %1 times. Start again from the app.</source>
        <translation>認証に %1 回失敗しました。アプリからやり直してください。</translation>
    </message>
    <message>
        <source>Authentication failed: %1 rejected these credentials. Check them and try again.</source>
        <translation>認証に失敗しました: %1 がこの認証情報を拒否しました。確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The connection being reconnected no longer exists.</source>
        <translation>再接続しようとしている接続はもう存在しません。</translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; already exists. Close this window and choose another name.</source>
        <translation>「%1」という名前の接続がすでに存在します。このウィンドウを閉じて、別の名前を選んでください。</translation>
    </message>
    <message>
        <source>sandbox: the first check of this connection failed</source>
        <translation>サンドボックス: この接続の初回チェックに失敗しました</translation>
    </message>
    <message>
        <source>Error 403: disallowed_useragent</source>
        <translation>エラー 403: disallowed_useragent</translation>
    </message>
    <message>
        <source>This sign-in provider does not allow signing in from embedded browsers (sandbox imitation). Use a secure browser to continue.</source>
        <translation>このサインインプロバイダーでは、埋め込みブラウザーからのサインインは許可されていません (サンドボックスによる再現)。続行するには、安全なブラウザーを使用してください。</translation>
    </message>
    <message>
        <source>This integration does not sign in this way.</source>
        <translation>この連携サービスはこの方法ではサインインしません。</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>%1 にサインイン</translation>
    </message>
    <message>
        <source>This connect link is not valid</source>
        <translation>この接続リンクは無効です</translation>
    </message>
    <message>
        <source>Go back to the app and start connecting again.</source>
        <translation>アプリに戻り、もう一度接続を始めてください。</translation>
    </message>
    <message>
        <source>This connect session has already been used</source>
        <translation>この接続セッションはすでに使用されています</translation>
    </message>
    <message>
        <source>Each session works once. Go back to the app and start connecting again.</source>
        <translation>各セッションは 1 回しか使用できません。アプリに戻り、もう一度接続を始めてください。</translation>
    </message>
    <message>
        <source>This connect session has expired</source>
        <translation>この接続セッションは期限切れです</translation>
    </message>
    <message>
        <source>Sessions last %1 minutes. Go back to the app and start connecting again.</source>
        <translation>セッションの有効期間は %1 分です。アプリに戻り、もう一度接続を始めてください。</translation>
    </message>
    <message>
        <source>Sessions last %1 seconds. Go back to the app and start connecting again.</source>
        <translation>セッションの有効期間は %1 秒です。アプリに戻り、もう一度接続を始めてください。</translation>
    </message>
    <message>
        <source>Connect sandbox</source>
        <translation>Connect サンドボックス</translation>
    </message>
    <message>
        <source>This server speaks the Polytomic Connect API under /api/ and serves its own connect modal. Create a session with POST /api/connections/connect/ and open the redirect_url it returns.</source>
        <translation>このサーバーは /api/ で Polytomic Connect API に対応し、独自の接続ページを提供します。POST /api/connections/connect/ でセッションを作成し、返された redirect_url を開いてください。</translation>
    </message>
    <message>
        <source>%1 %2: cannot read it (%3).</source>
        <translation>%1 %2: 読み取れません (%3)。</translation>
    </message>
    <message>
        <source>%1 %2: the file is larger than 256 KiB; use a smaller SVG.</source>
        <translation>%1 %2: ファイルが 256 KiB を超えています。より小さい SVG を使用してください。</translation>
    </message>
    <message>
        <source>%1 %2: this is not an SVG image.</source>
        <translation>%1 %2: SVG 画像ではありません。</translation>
    </message>
</context>
<context>
    <name>SandboxStore</name>
    <message>
        <source>Cannot read the state file %1: %2.</source>
        <translation>状態ファイル %1 を読み取れません: %2。</translation>
    </message>
    <message>
        <source>The state file %1 is not a sandbox state file (%2). Move it away or choose another file with --state.</source>
        <translation>状態ファイル %1 はサンドボックスの状態ファイルではありません (%2)。移動するか、--state で別のファイルを選んでください。</translation>
    </message>
</context>
<context>
    <name>SessionHistory</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 を削除できませんでした。</translation>
    </message>
    <message>
        <source>The session history in %1 could not be read (%2).</source>
        <translation>%1 のセッション履歴を読み取れませんでした (%2)。</translation>
    </message>
    <message>
        <source>The session history was damaged; it was set aside as %1 and a new one was started.</source>
        <translation>セッション履歴が破損していたため、%1 として退避し、新しい履歴を開始しました。</translation>
    </message>
    <message>
        <source>The session history in %1 is damaged and could not be set aside; it will be written anew.</source>
        <translation>%1 のセッション履歴は破損しており、退避できませんでした。新たに書き直されます。</translation>
    </message>
    <message>
        <source>Could not write the session history to %1 (%2).</source>
        <translation>セッション履歴を %1 に書き込めませんでした (%2)。</translation>
    </message>
</context>
<context>
    <name>SessionResultView</name>
    <message>
        <source>Integration</source>
        <translation>連携サービス</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>接続済み</translation>
    </message>
    <message>
        <source>%1 is connected</source>
        <translation>%1 に接続しました</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未接続</translation>
    </message>
    <message>
        <source>Nothing was connected.</source>
        <translation>何も接続されませんでした。</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>接続できませんでした</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>問題が発生しました (%1)。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外観(&amp;A)</translation>
    </message>
    <message>
        <source>Connection &amp;names</source>
        <translation>接続名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>プロファイル(&amp;P)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>The app&apos;s own logo</source>
        <translation>アプリ独自のロゴ</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>ロゴの選択</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>テーマ(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>ロゴ(&amp;L):</translation>
    </message>
    <message>
        <source>Logo for &amp;dark theme:</source>
        <translation>ダークテーマ用のロゴ(&amp;D):</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>プレビュー:</translation>
    </message>
    <message>
        <source>An SVG of at most %1 KB that refers to nothing outside itself. The dark variant is optional.</source>
        <translation>外部を何も参照しない、%1 KB 以下の SVG。ダーク版は省略可能です。</translation>
    </message>
    <message>
        <source>{integration} the integration&apos;s name, {id} its id, {date} today (yyyy-MM-dd), {time} the time (HH:mm). A name already in use gets “ (2)”, “ (3)”… added.</source>
        <translation>{integration} 連携サービスの名前、{id} その ID、{date} 今日の日付 (yyyy-MM-dd)、{time} 時刻 (HH:mm)。すでに使われている名前には「 (2)」「 (3)」… が付加されます。</translation>
    </message>
    <message>
        <source>Name &amp;template:</source>
        <translation>名前のテンプレート(&amp;T):</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>例:</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>追加(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Clear &amp;Web Data</source>
        <translation>Web データを消去(&amp;W)</translation>
    </message>
    <message>
        <source>Sign out of every page this profile&apos;s connect pages signed in to: deletes their cookies, cache and stored data.</source>
        <translation>このプロファイルの接続ページがサインインしたすべてのページからサインアウトします: Cookie、キャッシュ、保存データを削除します。</translation>
    </message>
    <message>
        <source>The web data of “%1” is cleared: its connect pages start signed out.</source>
        <translation>「%1」の Web データを消去しました。接続ページはサインアウトした状態で始まります。</translation>
    </message>
    <message>
        <source>built-in sandbox</source>
        <translation>内蔵サンドボックス</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>プロファイルの削除</translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Its stored key is deleted from the keychain too.</source>
        <translation>プロファイル「%1」を削除しますか？保存されているキーもキーチェーンから削除されます。</translation>
    </message>
    <message>
        <source>This file could not be drawn as an image.</source>
        <translation>このファイルを画像として描画できませんでした。</translation>
    </message>
    <message>
        <source>Some settings are set by %1 for everyone on this computer and cannot be changed here.</source>
        <translation>一部の設定は、このコンピューターのすべてのユーザーに対して %1 が設定しているため、ここでは変更できません。</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>設定元: %1</translation>
    </message>
    <message>
        <source>A new language applies when Connect Desktop starts again.</source>
        <translation>新しい言語は、Connect Desktop を再起動すると適用されます。</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>言語(&amp;N):</translation>
    </message>
    <message>
        <source>Every integration the backend offers</source>
        <translation>バックエンドが提供するすべての連携サービス</translation>
    </message>
    <message>
        <source>Type ids separated by commas, such as hubspot, postgresql. With one, it opens straight away.</source>
        <translation>タイプ ID をカンマ区切りで指定します (例: hubspot, postgresql)。1 つだけの場合は、すぐに開きます。</translation>
    </message>
    <message>
        <source>&amp;Allowed integrations:</source>
        <translation>許可された連携サービス(&amp;A):</translation>
    </message>
    <message>
        <source>%1, set by %2</source>
        <translation>%1 (設定元: %2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>履歴(&amp;H)</translation>
    </message>
    <message>
        <source> sessions</source>
        <translation> 件</translation>
    </message>
    <message>
        <source>None (keep no history)</source>
        <translation>なし (履歴を保持しない)</translation>
    </message>
    <message>
        <source>Sessions to keep</source>
        <translation>保持するセッション数</translation>
    </message>
    <message>
        <source>Each session&apos;s result, timings and exchange log are kept on this computer, without keys, tokens or passwords, for the History (View, History) and diagnostics bundles.</source>
        <translation>各セッションの結果、タイミング、通信ログは、キー、トークン、パスワードを除いてこのコンピューターに保存され、履歴 ([表示] &gt; [履歴]) と診断バンドルに使われます。</translation>
    </message>
    <message>
        <source>&amp;Clear History…</source>
        <translation>履歴を消去(&amp;C)…</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>履歴の消去</translation>
    </message>
    <message numerus="yes">
        <source>Forget the %n kept session(s)? This cannot be undone.</source>
        <translation>
            <numerusform>保持されている %n 件のセッションを消去しますか？この操作は元に戻せません。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep the last:</source>
        <translation>保持する件数(&amp;K):</translation>
    </message>
    <message>
        <source>No sessions are kept.</source>
        <translation>保持されているセッションはありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) kept.</source>
        <translation>
            <numerusform>%n 件のセッションを保持しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Use the system&apos;s settings</source>
        <translation>システムの設定を使用</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>プロキシなし</translation>
    </message>
    <message>
        <source>A proxy of its own</source>
        <translation>独自のプロキシ</translation>
    </message>
    <message>
        <source>proxy.example.com:3128, or socks5://host:1080</source>
        <translation>proxy.example.com:3128 または socks5://host:1080</translation>
    </message>
    <message>
        <source>None: the proxy asks for no sign-in</source>
        <translation>なし: プロキシでサインインは不要</translation>
    </message>
    <message>
        <source>Kept in the keychain; leave empty to keep the stored one</source>
        <translation>キーチェーンに保存されます。保存済みのものを使い続けるには空欄のままにします</translation>
    </message>
    <message>
        <source>intranet.example.com, .corp.example.com</source>
        <translation>intranet.example.com, .corp.example.com</translation>
    </message>
    <message>
        <source>Proxy changes take effect when Connect Desktop starts again (the web engine takes its proxy once, at start).</source>
        <translation>プロキシの変更は、Connect Desktop を再起動すると適用されます (Web エンジンはプロキシを起動時に一度だけ読み込みます)。</translation>
    </message>
    <message>
        <source>One proxy for the API and for the pages the app shows. This computer&apos;s own servers (127.0.0.1) are always reached directly.</source>
        <translation>API とアプリが表示するページの両方に使う 1 つのプロキシです。このコンピューター自身のサーバー (127.0.0.1) には常に直接接続します。</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>プロキシ(&amp;X):</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>アドレス(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Bypass for:</source>
        <translation>プロキシを使わない宛先(&amp;B):</translation>
    </message>
    <message>
        <source>Netw&amp;ork</source>
        <translation>ネットワーク(&amp;G)</translation>
    </message>
    <message>
        <source>Reached directly by the API client. The web engine (Qt WebEngine 6.4) takes no bypass list: pages of these hosts still go through the proxy.</source>
        <translation>API クライアントはこれらのホストに直接接続します。Web エンジン (Qt WebEngine 6.4) は除外リストを受け付けないため、これらのホストのページも引き続きプロキシを経由します。</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>Healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>異常</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>保留中</translation>
    </message>
</context>
<context>
    <name>UserTokenSource</name>
    <message>
        <source>The user token is not a JWT with a subject (sub) and an expiry (exp), which Paragon needs. Check what the token URL answers.</source>
        <translation>ユーザートークンが、Paragon に必要なサブジェクト (sub) と有効期限 (exp) を含む JWT ではありません。トークン URL の応答を確認してください。</translation>
    </message>
    <message>
        <source>The user token has expired, or expires within a minute (at %1 UTC). Check the clocks of this computer and of the server that signs it.</source>
        <translation>ユーザートークンの有効期限が切れているか、1 分以内に切れます (有効期限: %1 UTC)。このコンピューターと、トークンに署名するサーバーの時計を確認してください。</translation>
    </message>
    <message>
        <source>The profile&apos;s signing key could not sign a user token (%1). Enter the project&apos;s RS256 private key again in Settings → Profiles.</source>
        <translation>プロファイルの署名鍵でユーザートークンに署名できませんでした (%1)。[設定] → [プロファイル] で、プロジェクトの RS256 秘密鍵をもう一度入力してください。</translation>
    </message>
    <message>
        <source>The token URL at %1 refused to give a user token. Check the credential in the profile&apos;s settings.</source>
        <translation>%1 のトークン URL がユーザートークンの発行を拒否しました。プロファイルの設定で認証情報を確認してください。</translation>
    </message>
    <message>
        <source>The token URL at %1 did not answer {&quot;token&quot;: &quot;&lt;JWT&gt;&quot;}. Check the profile&apos;s token URL.</source>
        <translation>%1 のトークン URL が {&quot;token&quot;: &quot;&lt;JWT&gt;&quot;} の形式で応答しませんでした。プロファイルのトークン URL を確認してください。</translation>
    </message>
</context>
<context>
    <name>WebProfiles</name>
    <message>
        <source>The web data in %1 could not be deleted. Close Connect Desktop and delete that folder.</source>
        <translation>%1 内の Web データを削除できませんでした。Connect Desktop を閉じて、そのフォルダーを削除してください。</translation>
    </message>
</context>
</TS>
