<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Error</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Rolecall::Cli::Cli</name>
    <message>
        <source>Inline session policy (JSON) from a file.</source>
        <translation>Inline-Sitzungsrichtlinie (JSON) aus einer Datei.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>datei</translation>
    </message>
    <message>
        <source>Managed session policy ARN (repeatable, up to 10).</source>
        <translation>ARN einer verwalteten Sitzungsrichtlinie (wiederholbar, bis zu 10).</translation>
    </message>
    <message>
        <source>arn</source>
        <translation>arn</translation>
    </message>
    <message>
        <source>Session duration in seconds.</source>
        <translation>Sitzungsdauer in Sekunden.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>sekunden</translation>
    </message>
    <message>
        <source>Credential output: %1. Default: the AWS CLI&apos;s JSON.</source>
        <translation>Ausgabeformat der Anmeldeinformationen: %1. Standard: das JSON der AWS CLI.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>MFA device ARN or serial number.</source>
        <translation>ARN oder Seriennummer des MFA-Geräts.</translation>
    </message>
    <message>
        <source>Six-digit MFA code (asked for on a terminal when omitted).</source>
        <translation>Sechsstelliger MFA-Code (wird im Terminal abgefragt, wenn er fehlt).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Session tag KEY=VALUE (repeatable).</source>
        <translation>Sitzungs-Tag SCHLÜSSEL=WERT (wiederholbar).</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>schlüssel=wert</translation>
    </message>
    <message>
        <source>Show the caller&apos;s account, ARN and user id (GetCallerIdentity).</source>
        <translation>Konto, ARN und Benutzer-ID des Aufrufers anzeigen (GetCallerIdentity).</translation>
    </message>
    <message>
        <source>Assume a role (AssumeRole).</source>
        <translation>Eine Rolle übernehmen (AssumeRole).</translation>
    </message>
    <message>
        <source>ARN of the role to assume.</source>
        <translation>ARN der zu übernehmenden Rolle.</translation>
    </message>
    <message>
        <source>Role session name (default: rolecall-&lt;user&gt;).</source>
        <translation>Name der Rollensitzung (Standard: rolecall-&lt;benutzer&gt;).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>External ID the role&apos;s trust policy expects.</source>
        <translation>Externe ID, die die Vertrauensrichtlinie der Rolle erwartet.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Tag key that stays with chained roles (repeatable).</source>
        <translation>Tag-Schlüssel, der bei verketteten Rollen erhalten bleibt (wiederholbar).</translation>
    </message>
    <message>
        <source>key</source>
        <translation>schlüssel</translation>
    </message>
    <message>
        <source>Source identity to set on the session.</source>
        <translation>Quellidentität, die für die Sitzung gesetzt wird.</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>identität</translation>
    </message>
    <message>
        <source>Trusted context PROVIDER_ARN=ASSERTION (repeatable).</source>
        <translation>Vertrauenswürdiger Kontext PROVIDER_ARN=ASSERTION (wiederholbar).</translation>
    </message>
    <message>
        <source>arn=assertion</source>
        <translation>arn=assertion</translation>
    </message>
    <message>
        <source>Assume a role with a SAML assertion (AssumeRoleWithSAML; unsigned).</source>
        <translation>Eine Rolle mit einer SAML-Assertion übernehmen (AssumeRoleWithSAML; unsigniert).</translation>
    </message>
    <message>
        <source>ARN of the SAML identity provider.</source>
        <translation>ARN des SAML-Identitätsanbieters.</translation>
    </message>
    <message>
        <source>File with the base64 SAML response.</source>
        <translation>Datei mit der Base64-kodierten SAML-Antwort.</translation>
    </message>
    <message>
        <source>Assume a role with an OIDC token (AssumeRoleWithWebIdentity; unsigned).</source>
        <translation>Eine Rolle mit einem OIDC-Token übernehmen (AssumeRoleWithWebIdentity; unsigniert).</translation>
    </message>
    <message>
        <source>Role session name.</source>
        <translation>Name der Rollensitzung.</translation>
    </message>
    <message>
        <source>The web identity token.</source>
        <translation>Das Web-Identitätstoken.</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>File holding the web identity token.</source>
        <translation>Datei mit dem Web-Identitätstoken.</translation>
    </message>
    <message>
        <source>OAuth 2.0 provider (only for Login with Amazon, Facebook).</source>
        <translation>OAuth-2.0-Anbieter (nur für Login with Amazon, Facebook).</translation>
    </message>
    <message>
        <source>Get a session token, optionally with MFA (GetSessionToken).</source>
        <translation>Ein Sitzungstoken abrufen, optional mit MFA (GetSessionToken).</translation>
    </message>
    <message>
        <source>Get credentials for a federated user (GetFederationToken).</source>
        <translation>Anmeldeinformationen für einen Verbundbenutzer abrufen (GetFederationToken).</translation>
    </message>
    <message>
        <source>Name of the federated user.</source>
        <translation>Name des Verbundbenutzers.</translation>
    </message>
    <message>
        <source>Decode an encoded authorization failure message (DecodeAuthorizationMessage).</source>
        <translation>Eine kodierte Meldung über einen Autorisierungsfehler dekodieren (DecodeAuthorizationMessage).</translation>
    </message>
    <message>
        <source>Read the message from a file.</source>
        <translation>Die Meldung aus einer Datei lesen.</translation>
    </message>
    <message>
        <source>The whole AWS error text, the encoded blob, or - for stdin.</source>
        <translation>Der vollständige AWS-Fehlertext, der kodierte Blob oder - für stdin.</translation>
    </message>
    <message>
        <source>Show the account an access key belongs to (GetAccessKeyInfo).</source>
        <translation>Das Konto anzeigen, zu dem ein Zugriffsschlüssel gehört (GetAccessKeyInfo).</translation>
    </message>
    <message>
        <source>Access key ID (AKIA…/ASIA…).</source>
        <translation>Zugriffsschlüssel-ID (AKIA…/ASIA…).</translation>
    </message>
    <message>
        <source>AWS region (default: AWS_REGION, AWS_DEFAULT_REGION).</source>
        <translation>AWS-Region (Standard: AWS_REGION, AWS_DEFAULT_REGION).</translation>
    </message>
    <message>
        <source>region</source>
        <translation>region</translation>
    </message>
    <message>
        <source>STS endpoint URL (https://, or http:// to localhost).</source>
        <translation>URL des STS-Endpunkts (https:// oder http:// zu localhost).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Print JSON for scripts.</source>
        <translation>JSON für Skripte ausgeben.</translation>
    </message>
    <message>
        <source>Print diagnostics on stderr (never secrets).</source>
        <translation>Diagnosemeldungen auf stderr ausgeben (niemals Geheimnisse).</translation>
    </message>
    <message>
        <source>Show help.</source>
        <translation>Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Version anzeigen.</translation>
    </message>
    <message>
        <source>rolecall-cli: %1</source>
        <translation>rolecall-cli: %1</translation>
    </message>
    <message>
        <source>Try &apos;%1&apos;.</source>
        <translation>Versuchen Sie &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>AWS request ID: %1</source>
        <translation>AWS-Anfrage-ID: %1</translation>
    </message>
    <message>
        <source>Usage: rolecall-cli [global options] &lt;command&gt; [options]</source>
        <translation>Aufruf: rolecall-cli [globale Optionen] &lt;Befehl&gt; [Optionen]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Globale Optionen:</translation>
    </message>
    <message>
        <source>Show help; &apos;rolecall-cli &lt;command&gt; --help&apos; for a command.</source>
        <translation>Hilfe anzeigen; &apos;rolecall-cli &lt;Befehl&gt; --help&apos; für einen Befehl.</translation>
    </message>
    <message>
        <source>Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.</source>
        <translation>Die Anmeldeinformationen stammen aus AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY und AWS_SESSION_TOKEN.</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok, 1 AWS refused, 2 usage, 3 configuration, 4 network or TLS, 5 cancelled.</source>
        <translation>Exit-Codes: 0 OK, 1 von AWS abgelehnt, 2 Aufruffehler, 3 Konfiguration, 4 Netzwerk oder TLS, 5 abgebrochen.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;.</source>
        <translation>unbekannter Befehl &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Cannot read the %1 file %2: %3</source>
        <translation>Die %1-Datei %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>file %1 is larger than %2 bytes.</source>
        <translation>(Datei %1) ist größer als %2 Bytes.</translation>
    </message>
    <message>
        <source>must look like KEY=VALUE (got &quot;%1&quot;).</source>
        <translation>muss die Form SCHLÜSSEL=WERT haben (erhalten: „%1“).</translation>
    </message>
    <message>
        <source>must be a number of seconds.</source>
        <translation>muss eine Anzahl von Sekunden sein.</translation>
    </message>
    <message>
        <source>is required with --serial-number when there is no terminal to ask on.</source>
        <translation>ist mit --serial-number erforderlich, wenn kein Terminal für die Abfrage verfügbar ist.</translation>
    </message>
    <message>
        <source>MFA code for %1: </source>
        <translation>MFA-Code für %1: </translation>
    </message>
    <message>
        <source>MFA prompt</source>
        <translation>MFA-Abfrage</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Konto:       %1</translation>
    </message>
    <message>
        <source>ARN:     %1</source>
        <translation>ARN:         %1</translation>
    </message>
    <message>
        <source>User ID: %1</source>
        <translation>Benutzer-ID: %1</translation>
    </message>
    <message>
        <source>--role-arn is required.</source>
        <translation>--role-arn ist erforderlich.</translation>
    </message>
    <message>
        <source>--role-arn, --principal-arn and --assertion-file are required.</source>
        <translation>--role-arn, --principal-arn und --assertion-file sind erforderlich.</translation>
    </message>
    <message>
        <source>--role-arn and --session-name are required.</source>
        <translation>--role-arn und --session-name sind erforderlich.</translation>
    </message>
    <message>
        <source>give the token with --token or --token-file.</source>
        <translation>geben Sie das Token mit --token oder --token-file an.</translation>
    </message>
    <message>
        <source>--name is required.</source>
        <translation>--name ist erforderlich.</translation>
    </message>
    <message>
        <source>give the message as an argument, with --file, or - to read standard input.</source>
        <translation>geben Sie die Meldung als Argument, mit --file oder als - (Standardeingabe) an.</translation>
    </message>
    <message>
        <source>give exactly one access key ID.</source>
        <translation>geben Sie genau eine Zugriffsschlüssel-ID an.</translation>
    </message>
    <message>
        <source>must be one of %1 (got &quot;%2&quot;).</source>
        <translation>muss einer der Werte %1 sein (erhalten: „%2“).</translation>
    </message>
    <message>
        <source>List every profile with its kind, settings and credential chain.</source>
        <translation>Alle Profile mit Art, Einstellungen und Anmeldeinformationskette auflisten.</translation>
    </message>
    <message>
        <source>Get credentials for --profile: walks its chain (keys, MFA, roles).</source>
        <translation>Anmeldeinformationen für --profile abrufen: durchläuft dessen Kette (Schlüssel, MFA, Rollen).</translation>
    </message>
    <message>
        <source>Open the AWS console signed in as --profile.</source>
        <translation>Die AWS-Konsole öffnen, angemeldet als --profile.</translation>
    </message>
    <message>
        <source>Console URL to land on.</source>
        <translation>Konsolen-URL, die geöffnet werden soll.</translation>
    </message>
    <message>
        <source>Console service to land on (ec2, s3, iam, …).</source>
        <translation>Konsolendienst, der geöffnet werden soll (ec2, s3, iam, …).</translation>
    </message>
    <message>
        <source>Console session duration in seconds (900-43200).</source>
        <translation>Dauer der Konsolensitzung in Sekunden (900-43200).</translation>
    </message>
    <message>
        <source>Sign out of the current console session first.</source>
        <translation>Zuerst von der aktuellen Konsolensitzung abmelden.</translation>
    </message>
    <message>
        <source>Print the sign-in URL instead of opening a browser.</source>
        <translation>Die Anmelde-URL ausgeben, statt einen Browser zu öffnen.</translation>
    </message>
    <message>
        <source>Profile from ~/.aws/config or ~/.aws/credentials to use.</source>
        <translation>Zu verwendendes Profil aus ~/.aws/config oder ~/.aws/credentials.</translation>
    </message>
    <message>
        <source>Six-digit MFA code for the profile&apos;s chain (else asked on the terminal).</source>
        <translation>Sechsstelliger MFA-Code für die Kette des Profils (sonst Abfrage im Terminal).</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; does not exist. Run &apos;rolecall-cli profiles&apos; to list them.</source>
        <translation>Das Profil „%1“ existiert nicht. Führen Sie &apos;rolecall-cli profiles&apos; aus, um die Profile aufzulisten.</translation>
    </message>
    <message>
        <source>No AWS credentials found. Give --profile, set AWS_PROFILE, add a [default] profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
        <translation>Keine AWS-Anmeldeinformationen gefunden. Geben Sie --profile an, setzen Sie AWS_PROFILE, legen Sie ein Profil [default] an oder setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>PROFILE</source>
        <translation>PROFIL</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation>KONTO</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>CHAIN</source>
        <translation>KETTE</translation>
    </message>
    <message>
        <source> (MFA)</source>
        <translation> (MFA)</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>must be a number of seconds from 900 to 129600.</source>
        <translation>muss eine Anzahl von Sekunden zwischen 900 und 129600 sein.</translation>
    </message>
    <message>
        <source>must be a number of seconds from 900 to 43200.</source>
        <translation>muss eine Anzahl von Sekunden zwischen 900 und 43200 sein.</translation>
    </message>
    <message>
        <source>may be at most 3600 for %1: its role is assumed with the credentials of another role (role chaining), and AWS then allows a one-hour console session.</source>
        <translation>darf für %1 höchstens 3600 betragen: Die Rolle wird mit den Anmeldeinformationen einer anderen Rolle übernommen (Rollenverkettung), und AWS erlaubt dann nur eine einstündige Konsolensitzung.</translation>
    </message>
    <message>
        <source>Could not start the browser (%1). Use --print to get the sign-in URL.</source>
        <translation>Der Browser konnte nicht gestartet werden (%1). Verwenden Sie --print, um die Anmelde-URL zu erhalten.</translation>
    </message>
    <message>
        <source>Opened the AWS console for %1 (the sign-in link is valid for 15 minutes).</source>
        <translation>Die AWS-Konsole für %1 wurde geöffnet (der Anmeldelink ist 15 Minuten gültig).</translation>
    </message>
    <message>
        <source>may be at most 3600 for %1: its role is assumed with the credentials of another role (role chaining), and AWS allows one hour there.</source>
        <translation>darf für %1 höchstens 3600 betragen: Die Rolle wird mit den Anmeldeinformationen einer anderen Rolle übernommen (Rollenverkettung), und AWS erlaubt dabei höchstens eine Stunde.</translation>
    </message>
    <message>
        <source>Print only the profile names, one per line (for shell completion).</source>
        <translation>Nur die Profilnamen ausgeben, einen pro Zeile (für die Shell-Vervollständigung).</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n minute(s). It may be waiting for you to unlock it; unlock it and try again.</source>
        <translation>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Minute geantwortet. Möglicherweise wartet er darauf, dass Sie ihn entsperren; entsperren Sie ihn und versuchen Sie es erneut.</numerusform>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Minuten geantwortet. Möglicherweise wartet er darauf, dass Sie ihn entsperren; entsperren Sie ihn und versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Long-term keys in the OS keychain: add, import (from ~/.aws/credentials), remove, list.</source>
        <translation>Langfristige Schlüssel im Schlüsselbund des Betriebssystems: add, import (aus ~/.aws/credentials), remove, list.</translation>
    </message>
    <message>
        <source>add, import, remove or list.</source>
        <translation>add, import, remove oder list.</translation>
    </message>
    <message>
        <source>add: the access key ID (else asked for, or read from standard input). The secret is never a flag.</source>
        <translation>add: die Zugriffsschlüssel-ID (sonst abgefragt oder von der Standardeingabe gelesen). Der geheime Schlüssel wird nie als Option übergeben.</translation>
    </message>
    <message>
        <source>add: leave the config file alone (no credential_process line).</source>
        <translation>add: die Konfigurationsdatei nicht ändern (keine credential_process-Zeile).</translation>
    </message>
    <message>
        <source>import: also remove the plaintext keys from the credentials file and leave a credential_process line there.</source>
        <translation>import: außerdem die Klartextschlüssel aus der Anmeldeinformationsdatei entfernen und dort eine credential_process-Zeile hinterlassen.</translation>
    </message>
    <message>
        <source>import: every profile with plaintext keys in the credentials file.</source>
        <translation>import: jedes Profil mit Klartextschlüsseln in der Anmeldeinformationsdatei.</translation>
    </message>
    <message>
        <source>warning: ROLECALL_SECRET_STORE=memory: keys are kept in memory only, for tests; nothing persists.</source>
        <translation>Warnung: ROLECALL_SECRET_STORE=memory: Schlüssel werden nur im Arbeitsspeicher gehalten (für Tests); nichts wird dauerhaft gespeichert.</translation>
    </message>
    <message>
        <source>give one action: add, import, remove or list.</source>
        <translation>geben Sie eine Aktion an: add, import, remove oder list.</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;: use add, import, remove or list.</source>
        <translation>unbekannte Aktion &apos;%1&apos;: Verwenden Sie add, import, remove oder list.</translation>
    </message>
    <message>
        <source>give either --profile or --all.</source>
        <translation>geben Sie entweder --profile oder --all an.</translation>
    </message>
    <message>
        <source>keychain %1 needs --profile.</source>
        <translation>keychain %1 benötigt --profile.</translation>
    </message>
    <message>
        <source>Access key ID for %1: </source>
        <translation>Zugriffsschlüssel-ID für %1: </translation>
    </message>
    <message>
        <source>keychain add</source>
        <translation>keychain add</translation>
    </message>
    <message>
        <source>expected the access key ID on standard input.</source>
        <translation>die Zugriffsschlüssel-ID wurde auf der Standardeingabe erwartet.</translation>
    </message>
    <message>
        <source>must be 16 to 128 upper-case letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation>muss aus 16 bis 128 Großbuchstaben und Ziffern bestehen, z. B. AKIAIOSFODNN7EXAMPLE.</translation>
    </message>
    <message>
        <source>Secret access key for %1 (not shown): </source>
        <translation>Geheimer Zugriffsschlüssel für %1 (wird nicht angezeigt): </translation>
    </message>
    <message>
        <source>expected the secret access key on %1.</source>
        <translation>der geheime Zugriffsschlüssel wurde auf %1 erwartet.</translation>
    </message>
    <message>
        <source>the terminal</source>
        <translation>dem Terminal</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>der Standardeingabe</translation>
    </message>
    <message>
        <source>must be printable characters without spaces (as AWS issues them).</source>
        <translation>muss aus druckbaren Zeichen ohne Leerzeichen bestehen (wie von AWS ausgegeben).</translation>
    </message>
    <message>
        <source>Stored the keys of %1 (%2) in the keychain (%3).</source>
        <translation>Die Schlüssel von %1 (%2) wurden im Schlüsselbund (%3) gespeichert.</translation>
    </message>
    <message>
        <source>warning: %1:%2 still holds plaintext keys for %3, and the AWS CLI uses them before credential_process: remove them from that file.</source>
        <translation>Warnung: %1:%2 enthält noch Klartextschlüssel für %3, und die AWS CLI verwendet diese vor credential_process: Entfernen Sie sie aus dieser Datei.</translation>
    </message>
    <message>
        <source>note: %1 has a role_arn, so the AWS CLI assumes that role instead of using these keys directly; profiles that name %1 as source_profile with its own keys are the usual setup.</source>
        <translation>Hinweis: %1 hat role_arn gesetzt, daher übernimmt die AWS CLI diese Rolle, statt die Schlüssel direkt zu verwenden; üblicherweise hat %1 nur eigene Schlüssel, und andere Profile nennen %1 als source_profile.</translation>
    </message>
    <message>
        <source>%1:%2 already has credential_process = %3.</source>
        <translation>%1:%2 enthält bereits credential_process = %3.</translation>
    </message>
    <message>
        <source>warning: %1:%2 has another credential_process for %3, which the AWS CLI prefers to the config file&apos;s: change it to &apos;%4&apos; there.</source>
        <translation>Warnung: %1:%2 enthält ein anderes credential_process für %3, das die AWS CLI dem aus der Konfigurationsdatei vorzieht: Ändern Sie es dort in &apos;%4&apos;.</translation>
    </message>
    <message>
        <source>%1: %2 (credential_process = %3)</source>
        <translation>%1: %2 (credential_process = %3)</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>Geändert: %1</translation>
    </message>
    <message>
        <source>note: rolecall-cli is not on PATH, so the AWS CLI cannot run that credential_process yet.</source>
        <translation>Hinweis: rolecall-cli ist nicht im PATH, daher kann die AWS CLI dieses credential_process noch nicht ausführen.</translation>
    </message>
    <message>
        <source>No profile in %1 has plaintext keys: nothing to import.</source>
        <translation>Kein Profil in %1 hat Klartextschlüssel: Es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>Copied the keys of %1 (%2) from %3 into the keychain (%4) and read them back.</source>
        <translation>Die Schlüssel von %1 (%2) wurden aus %3 in den Schlüsselbund (%4) kopiert und zur Kontrolle zurückgelesen.</translation>
    </message>
    <message>
        <source>The plaintext keys are still in %1; run again with --replace to remove them and leave credential_process = %2 in their place.</source>
        <translation>Die Klartextschlüssel befinden sich noch in %1; führen Sie den Befehl erneut mit --replace aus, um sie zu entfernen und stattdessen credential_process = %2 einzutragen.</translation>
    </message>
    <message>
        <source>Changed %1: %2.</source>
        <translation>%1 geändert: %2.</translation>
    </message>
    <message>
        <source>note: %1:%2: credential_process of profile %3 still reads these keys; remove that line or add keys again.</source>
        <translation>Hinweis: %1:%2: credential_process von Profil %3 liest diese Schlüssel noch; entfernen Sie diese Zeile oder fügen Sie erneut Schlüssel hinzu.</translation>
    </message>
    <message>
        <source>Removed the keys of %1 from the keychain (%2).</source>
        <translation>Die Schlüssel von %1 wurden aus dem Schlüsselbund (%2) entfernt.</translation>
    </message>
    <message>
        <source>No keys of %1 were listed; removed any the keychain (%2) had.</source>
        <translation>Für %1 waren keine Schlüssel verzeichnet; eventuell im Schlüsselbund (%2) vorhandene wurden entfernt.</translation>
    </message>
    <message>
        <source>The chain of %1 needs a second MFA code (%2), and --mfa-code gives only one.</source>
        <translation>Die Kette von %1 benötigt einen zweiten MFA-Code (%2), aber --mfa-code liefert nur einen.</translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation>muss aus genau sechs Ziffern bestehen.</translation>
    </message>
    <message>
        <source>MFA code for %1 (%2): </source>
        <translation>MFA-Code für %1 (%2): </translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed: the Rolecall desktop app is not running and there is no terminal to ask on. Start the app, give --mfa-code, or set mfa_process.</source>
        <translation>Für %1 wird ein MFA-Code benötigt: Die Rolecall-Desktop-App läuft nicht, und es gibt kein Terminal für die Abfrage. Starten Sie die App, geben Sie --mfa-code an oder setzen Sie mfa_process.</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1: not an executable file</source>
        <translation>%1: keine ausführbare Datei</translation>
    </message>
    <message>
        <source>%1: permission denied</source>
        <translation>%1: Zugriff verweigert</translation>
    </message>
    <message>
        <source>%1: command not found</source>
        <translation>%1: Befehl nicht gefunden</translation>
    </message>
    <message>
        <source>Session duration in seconds (of the last role hop).</source>
        <translation>Sitzungsdauer in Sekunden (des letzten Rollenschritts).</translation>
    </message>
    <message>
        <source>Print --profile&apos;s credentials as credential_process JSON (Version 1) for the AWS CLI and SDKs; asks the desktop app first.</source>
        <translation>Die Anmeldeinformationen von --profile als credential_process-JSON (Version 1) für die AWS CLI und SDKs ausgeben; fragt zuerst die Desktop-App.</translation>
    </message>
    <message>
        <source>Run a command with --profile&apos;s credentials: exec --profile P [--server] -- CMD [ARGS…].</source>
        <translation>Einen Befehl mit den Anmeldeinformationen von --profile ausführen: exec --profile P [--server] -- CMD [ARGS…].</translation>
    </message>
    <message>
        <source>Serve the credentials from a loopback ECS-style endpoint that refreshes them while the command runs, instead of putting them in its environment.</source>
        <translation>Die Anmeldeinformationen über einen lokalen Endpunkt im ECS-Stil (Loopback) bereitstellen, der sie während der Laufzeit des Befehls erneuert, statt sie in dessen Umgebung zu setzen.</translation>
    </message>
    <message>
        <source>With --server: fetch new credentials when fewer than this many seconds remain (default %1).</source>
        <translation>Mit --server: neue Anmeldeinformationen abrufen, wenn weniger als so viele Sekunden verbleiben (Standard %1).</translation>
    </message>
    <message>
        <source>The command to run, after --, and its arguments.</source>
        <translation>Der auszuführende Befehl nach -- und seine Argumente.</translation>
    </message>
    <message>
        <source>rolecall-cli: warning: %1</source>
        <translation>rolecall-cli: Warnung: %1</translation>
    </message>
    <message>
        <source>--profile is required: credential_process = rolecall-cli credential-process --profile NAME.</source>
        <translation>--profile ist erforderlich: credential_process = rolecall-cli credential-process --profile NAME.</translation>
    </message>
    <message>
        <source>The credential chain of profile &quot;%1&quot; runs `rolecall-cli credential-process --profile %1` again: its credential_process (or one of its sources&apos;) points back at itself. Give the profile its own keys or a source_profile instead.</source>
        <translation>Die Anmeldeinformationskette des Profils „%1“ ruft erneut `rolecall-cli credential-process --profile %1` auf: Sein credential_process (oder das einer seiner Quellen) verweist auf sich selbst. Geben Sie dem Profil stattdessen eigene Schlüssel oder ein source_profile.</translation>
    </message>
    <message>
        <source>give the command to run after --, e.g. rolecall-cli exec --profile dev -- aws s3 ls.</source>
        <translation>geben Sie den auszuführenden Befehl nach -- an, z. B. rolecall-cli exec --profile dev -- aws s3 ls.</translation>
    </message>
    <message>
        <source>must be a number of seconds from 0 to 43200.</source>
        <translation>muss eine Anzahl von Sekunden zwischen 0 und 43200 sein.</translation>
    </message>
    <message>
        <source>--refresh-window needs --server.</source>
        <translation>--refresh-window erfordert --server.</translation>
    </message>
    <message>
        <source>The credential chain of profile &quot;%1&quot; runs rolecall-cli for the same profile again.</source>
        <translation>Die Anmeldeinformationskette des Profils „%1“ ruft rolecall-cli erneut für dasselbe Profil auf.</translation>
    </message>
    <message>
        <source>rolecall-cli: refreshing the credentials failed: %1</source>
        <translation>rolecall-cli: Erneuern der Anmeldeinformationen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>rolecall-cli: warning: the [default] profile has credentials of its own; AWS SDKs use them before the credentials endpoint.</source>
        <translation>rolecall-cli: Warnung: Das Profil [default] hat eigene Anmeldeinformationen; AWS SDKs verwenden diese vor dem Anmeldeinformations-Endpunkt.</translation>
    </message>
    <message>
        <source>rolecall-cli: %1: %2</source>
        <translation>rolecall-cli: %1: %2</translation>
    </message>
    <message>
        <source>Neither use nor keep cached sessions: always call STS.</source>
        <translation>Zwischengespeicherte Sitzungen weder verwenden noch speichern: STS immer aufrufen.</translation>
    </message>
    <message>
        <source>Write the session into the credentials file as [NAME] (a new name, or one holding an earlier session) instead of printing it.</source>
        <translation>Die Sitzung als [NAME] in die Anmeldeinformationsdatei schreiben (ein neuer Name oder einer mit einer früheren Sitzung), statt sie auszugeben.</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>rolecall-cli: cannot load its commands from %1 (%2). The installation is incomplete: reinstall Rolecall.</source>
        <translation>rolecall-cli: Die Befehle können nicht aus %1 geladen werden (%2). Die Installation ist unvollständig: Installieren Sie Rolecall neu.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Cli::CliMfaProvider</name>
    <message>
        <source>The chain of %1 needs a second MFA code (%2), and --mfa-code gives only one.</source>
        <translation>Die Kette von %1 benötigt einen zweiten MFA-Code (%2), aber --mfa-code liefert nur einen.</translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation>muss aus genau sechs Ziffern bestehen.</translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed and there is no terminal to ask on: give --mfa-code, set mfa_process, or run it from a terminal.</source>
        <translation>Für %1 wird ein MFA-Code benötigt, und es gibt kein Terminal für die Abfrage: Geben Sie --mfa-code an, setzen Sie mfa_process oder starten Sie den Befehl in einem Terminal.</translation>
    </message>
    <message>
        <source>MFA code for %1 (%2): </source>
        <translation>MFA-Code für %1 (%2): </translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Authz</name>
    <message>
        <source>Allowed: the policies allow this request.</source>
        <translation>Zugelassen: Die Richtlinien lassen diese Anfrage zu.</translation>
    </message>
    <message>
        <source>Explicit deny: a policy statement denies this request.</source>
        <translation>Explizite Verweigerung: Eine Richtlinienanweisung verweigert diese Anfrage.</translation>
    </message>
    <message>
        <source>Implicit deny: no policy statement allows this request.</source>
        <translation>Implizite Verweigerung: Keine Richtlinienanweisung lässt diese Anfrage zu.</translation>
    </message>
    <message>
        <source>the decoded message is not JSON: %1</source>
        <translation>die dekodierte Meldung ist kein JSON: %1</translation>
    </message>
    <message>
        <source>Principal: %1</source>
        <translation>Prinzipal: %1</translation>
    </message>
    <message>
        <source>Action:    %1</source>
        <translation>Aktion:    %1</translation>
    </message>
    <message>
        <source>Resource:  %1</source>
        <translation>Ressource: %1</translation>
    </message>
    <message>
        <source>Matched statements:</source>
        <translation>Zutreffende Anweisungen:</translation>
    </message>
    <message>
        <source>Failures: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Context keys:</source>
        <translation>Kontextschlüssel:</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Autostart</name>
    <message>
        <source>Cannot remove the autostart entry %1.</source>
        <translation>Der Autostart-Eintrag %1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot create the folder of the autostart entry %1.</source>
        <translation>Der Ordner für den Autostart-Eintrag %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot write the autostart entry %1: %2</source>
        <translation>Der Autostart-Eintrag %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Broker</name>
    <message>
        <source>The Rolecall desktop app gave an answer that cannot be read (%1). Update rolecall-cli and the app to the same version.</source>
        <translation>Die Rolecall-Desktop-App hat eine Antwort geliefert, die nicht gelesen werden kann (%1). Aktualisieren Sie rolecall-cli und die App auf dieselbe Version.</translation>
    </message>
    <message>
        <source>larger than %1 bytes</source>
        <translation>größer als %1 Bytes</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>The Rolecall desktop app refused the request (%1).</source>
        <translation>Die Rolecall-Desktop-App hat die Anfrage abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes; the broker reads no more.</source>
        <translation>Die Anfrage ist größer als %1 Bytes; der Broker liest nicht mehr als das.</translation>
    </message>
    <message>
        <source>The request is not one JSON object on one line.</source>
        <translation>Die Anfrage ist nicht genau ein JSON-Objekt in einer Zeile.</translation>
    </message>
    <message>
        <source>The request has no protocol version &quot;v&quot;.</source>
        <translation>Die Anfrage enthält keine Protokollversion („v“).</translation>
    </message>
    <message>
        <source>The request uses protocol version %1; this Rolecall speaks version %2. Update rolecall-cli and the app to the same version.</source>
        <translation>Die Anfrage verwendet Protokollversion %1; diese Rolecall-Version spricht Version %2. Aktualisieren Sie rolecall-cli und die App auf dieselbe Version.</translation>
    </message>
    <message>
        <source>The operation &quot;%1&quot; is unknown.</source>
        <translation>Die Operation „%1“ ist unbekannt.</translation>
    </message>
    <message>
        <source>The request names no profile.</source>
        <translation>Die Anfrage nennt kein Profil.</translation>
    </message>
    <message>
        <source>The format &quot;%1&quot; is unknown; the broker answers in &quot;process&quot; format.</source>
        <translation>Das Format „%1“ ist unbekannt; der Broker antwortet im Format „process“.</translation>
    </message>
    <message>
        <source>The request&apos;s duration is not a whole number of seconds.</source>
        <translation>Die Dauer in der Anfrage ist keine ganze Zahl von Sekunden.</translation>
    </message>
    <message>
        <source>The MFA request names no device (&quot;serial&quot;).</source>
        <translation>Die MFA-Anfrage nennt kein Gerät („serial“).</translation>
    </message>
    <message>
        <source>no credentials in it</source>
        <translation>sie enthält keine Anmeldeinformationen</translation>
    </message>
    <message>
        <source>The Rolecall desktop app answered with credentials that cannot be used: %1</source>
        <translation>Die Rolecall-Desktop-App hat mit unbrauchbaren Anmeldeinformationen geantwortet: %1</translation>
    </message>
    <message>
        <source>the MFA code is not six digits</source>
        <translation>der MFA-Code hat nicht sechs Ziffern</translation>
    </message>
    <message>
        <source>The broker directory %1 %2; Rolecall does not use it. Remove it or set XDG_RUNTIME_DIR to a private directory.</source>
        <translation>Das Broker-Verzeichnis %1 %2; Rolecall verwendet es nicht. Entfernen Sie es oder setzen Sie XDG_RUNTIME_DIR auf ein privates Verzeichnis.</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>is not a directory (or is a symbolic link)</source>
        <translation>ist kein Verzeichnis (oder ist ein symbolischer Link)</translation>
    </message>
    <message>
        <source>belongs to another user (uid %1)</source>
        <translation>gehört einem anderen Benutzer (UID %1)</translation>
    </message>
    <message>
        <source>is open to other users</source>
        <translation>ist für andere Benutzer zugänglich</translation>
    </message>
    <message>
        <source>cannot be made private (%1)</source>
        <translation>kann nicht auf den eigenen Benutzer beschränkt werden (%1)</translation>
    </message>
    <message>
        <source>cannot be created (%1)</source>
        <translation>kann nicht erstellt werden (%1)</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::BrokerClientJob</name>
    <message>
        <source>The Rolecall desktop app is not running (nothing answers at %1).</source>
        <translation>Die Rolecall-Desktop-App läuft nicht (unter %1 antwortet nichts).</translation>
    </message>
    <message>
        <source>The broker socket %1 is served by another user; Rolecall does not use it.</source>
        <translation>Der Broker-Socket %1 wird von einem anderen Benutzer bereitgestellt; Rolecall verwendet ihn nicht.</translation>
    </message>
    <message>
        <source>The Rolecall desktop app answered with more than %1 bytes.</source>
        <translation>Die Rolecall-Desktop-App hat mit mehr als %1 Bytes geantwortet.</translation>
    </message>
    <message>
        <source>The Rolecall desktop app closed the connection without an answer.</source>
        <translation>Die Rolecall-Desktop-App hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The connection to the Rolecall desktop app failed: %1</source>
        <translation>Die Verbindung zur Rolecall-Desktop-App ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The Rolecall desktop app did not answer within %1 s.</source>
        <translation>Die Rolecall-Desktop-App hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::BrokerServer</name>
    <message>
        <source>it is not a socket</source>
        <translation>ist kein Socket</translation>
    </message>
    <message>
        <source>it belongs to another user (uid %1)</source>
        <translation>gehört einem anderen Benutzer (UID %1)</translation>
    </message>
    <message>
        <source>This Rolecall app does not ask for MFA codes on behalf of other programs.</source>
        <translation>Diese Rolecall-App fragt keine MFA-Codes im Auftrag anderer Programme ab.</translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes; the broker reads no more.</source>
        <translation>Die Anfrage ist größer als %1 Bytes; der Broker liest nicht mehr als das.</translation>
    </message>
    <message>
        <source>The MFA code must be exactly six digits.</source>
        <translation>Der MFA-Code muss aus genau sechs Ziffern bestehen.</translation>
    </message>
    <message>
        <source>No complete request line arrived within %1 s.</source>
        <translation>Innerhalb von %1 s ist keine vollständige Anfragezeile eingegangen.</translation>
    </message>
    <message>
        <source>The Rolecall app did not answer within %1 s.</source>
        <translation>Die Rolecall-App hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>The broker is already listening at %1.</source>
        <translation>Der Broker lauscht bereits unter %1.</translation>
    </message>
    <message>
        <source>The broker socket path %1 is not absolute.</source>
        <translation>Der Pfad des Broker-Sockets %1 ist nicht absolut.</translation>
    </message>
    <message>
        <source>The broker socket path %1 is too long for a Unix socket; set XDG_RUNTIME_DIR to a shorter directory.</source>
        <translation>Der Pfad des Broker-Sockets %1 ist für einen Unix-Socket zu lang; setzen Sie XDG_RUNTIME_DIR auf ein Verzeichnis mit kürzerem Pfad.</translation>
    </message>
    <message>
        <source>Another Rolecall app already answers at %1; this one does not start a second broker.</source>
        <translation>Unter %1 antwortet bereits eine andere Rolecall-App; diese startet keinen zweiten Broker.</translation>
    </message>
    <message>
        <source>Cannot remove the stale broker socket %1: %2</source>
        <translation>Der verwaiste Broker-Socket %1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>%1 exists and %2; Rolecall leaves it alone and does not start its broker.</source>
        <translation>%1 existiert und %2; Rolecall lässt die Datei unverändert und startet seinen Broker nicht.</translation>
    </message>
    <message>
        <source>Cannot check the broker socket %1: %2</source>
        <translation>Der Broker-Socket %1 kann nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>The broker cannot listen at %1: %2</source>
        <translation>Der Broker kann nicht unter %1 lauschen: %2</translation>
    </message>
    <message>
        <source>The broker socket %1 could not be made private to this user; the broker does not start.</source>
        <translation>Der Broker-Socket %1 konnte nicht auf diesen Benutzer beschränkt werden; der Broker startet nicht.</translation>
    </message>
    <message>
        <source>The Rolecall app is busy with %1 other requests; try again.</source>
        <translation>Die Rolecall-App bearbeitet gerade %1 andere Anfragen; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Rolecall app knows no profile &quot;%1&quot;.</source>
        <translation>Die Rolecall-App kennt kein Profil „%1“.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::ConfigEdit</name>
    <message>
        <source>set %1 in [%2]</source>
        <translation>%1 in [%2] gesetzt</translation>
    </message>
    <message>
        <source>set %1.%2 in [%3]</source>
        <translation>%1.%2 in [%3] gesetzt</translation>
    </message>
    <message>
        <source>remove %1 from [%2]</source>
        <translation>%1 aus [%2] entfernt</translation>
    </message>
    <message>
        <source>add [%1]</source>
        <translation>[%1] hinzugefügt</translation>
    </message>
    <message>
        <source>remove [%1]</source>
        <translation>[%1] entfernt</translation>
    </message>
    <message>
        <source>rename [%1] to [%2]</source>
        <translation>[%1] in [%2] umbenannt</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::ConfigFile</name>
    <message>
        <source>%1 is not a regular file, so Rolecall does not read or write it.</source>
        <translation>%1 ist keine reguläre Datei, daher wird sie von Rolecall weder gelesen noch geschrieben.</translation>
    </message>
    <message>
        <source>Rolecall could not read %1: %2. Check the file&apos;s permissions.</source>
        <translation>Rolecall konnte %1 nicht lesen: %2. Prüfen Sie die Zugriffsrechte der Datei.</translation>
    </message>
    <message>
        <source>Rolecall could not create the folder %1. Check that you may write to %2.</source>
        <translation>Rolecall konnte den Ordner %1 nicht erstellen. Prüfen Sie, ob Sie in %2 schreiben dürfen.</translation>
    </message>
    <message>
        <source>%1 is read-only, so Rolecall did not change it. Make it writable (chmod u+w) if Rolecall should save there.</source>
        <translation>%1 ist schreibgeschützt, daher hat Rolecall die Datei nicht geändert. Machen Sie sie beschreibbar (chmod u+w), wenn Rolecall dort speichern soll.</translation>
    </message>
    <message>
        <source>Rolecall could not save %1: the folder %2, where its symbolic link points, does not exist.</source>
        <translation>Rolecall konnte %1 nicht speichern: Der Ordner %2, auf den der symbolische Link zeigt, existiert nicht.</translation>
    </message>
    <message>
        <source>Rolecall could not save %1: it could not create a temporary file in %2 (%3). Check that you may write to that folder. The file was not changed.</source>
        <translation>Rolecall konnte %1 nicht speichern: In %2 konnte keine temporäre Datei erstellt werden (%3). Prüfen Sie, ob Sie in diesen Ordner schreiben dürfen. Die Datei wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Rolecall could not set the permissions of the new %1 (%2). The file was not changed.</source>
        <translation>Rolecall konnte die Zugriffsrechte der neuen Datei %1 nicht setzen (%2). Die Datei wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Rolecall could not write %1 (%2). The file was not changed.</source>
        <translation>Rolecall konnte %1 nicht schreiben (%2). Die Datei wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Rolecall could not replace %1 (%2). The file was not changed.</source>
        <translation>Rolecall konnte %1 nicht ersetzen (%2). Die Datei wurde nicht geändert.</translation>
    </message>
    <message>
        <source>%1 was saved, but its permissions could not be kept. Check them (ls -l) and make the file readable only by you.</source>
        <translation>%1 wurde gespeichert, aber die Zugriffsrechte konnten nicht beibehalten werden. Prüfen Sie sie (ls -l) und machen Sie die Datei nur für Sie lesbar.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link in a loop (or a chain of more than %2 links). Fix the link, then try again.</source>
        <translation>%1 ist ein symbolischer Link in einer Schleife (oder in einer Kette von mehr als %2 Links). Korrigieren Sie den Link und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 kept changing while Rolecall was saving it. Nothing was saved; try again in a moment.</source>
        <translation>%1 hat sich während des Speicherns durch Rolecall fortlaufend geändert. Es wurde nichts gespeichert; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Another Rolecall process has been saving %1 for more than %2 seconds. Nothing was saved; try again in a moment.</source>
        <translation>Ein anderer Rolecall-Prozess speichert %1 seit mehr als %2 Sekunden. Es wurde nichts gespeichert; versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::ConfigWriter</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>There is no section [%1] in the file. It may have been removed or renamed; reload the file and try again.</source>
        <translation>Die Datei enthält keinen Abschnitt [%1]. Er wurde möglicherweise entfernt oder umbenannt; laden Sie die Datei neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A section name cannot be empty.</source>
        <translation>Ein Abschnittsname darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The section name &quot;%1&quot; contains a line break; a section header must fit on one line.</source>
        <translation>Der Abschnittsname „%1“ enthält einen Zeilenumbruch; eine Abschnittsüberschrift muss in eine Zeile passen.</translation>
    </message>
    <message>
        <source>A setting needs a name.</source>
        <translation>Eine Einstellung benötigt einen Namen.</translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; contains a line break; a setting must fit on one line.</source>
        <translation>Der Einstellungsname „%1“ enthält einen Zeilenumbruch; eine Einstellung muss in eine Zeile passen.</translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; starts or ends with white space, which the AWS CLI drops. Remove it.</source>
        <translation>Der Einstellungsname „%1“ beginnt oder endet mit Leerraum, den die AWS CLI entfernt. Entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; contains &quot;%2&quot;, which the AWS CLI reads as the end of the name. Choose a name without it.</source>
        <translation>Der Einstellungsname „%1“ enthält „%2“, was die AWS CLI als Ende des Namens liest. Wählen Sie einen Namen ohne dieses Zeichen.</translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; starts with &quot;%2&quot;, which makes the line a comment or a section header for the AWS CLI.</source>
        <translation>Der Einstellungsname „%1“ beginnt mit „%2“, wodurch die AWS CLI die Zeile als Kommentar oder Abschnittsüberschrift liest.</translation>
    </message>
    <message>
        <source>The value of %1 contains a line break. Values are written on one line; remove the line break.</source>
        <translation>Der Wert von %1 enthält einen Zeilenumbruch. Werte werden in eine Zeile geschrieben; entfernen Sie den Zeilenumbruch.</translation>
    </message>
    <message>
        <source>The value of %1 starts or ends with white space, which the AWS CLI drops. Remove it.</source>
        <translation>Der Wert von %1 beginnt oder endet mit Leerraum, den die AWS CLI entfernt. Entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>[%1] cannot be renamed to [%2]: a section [%2] already exists.</source>
        <translation>[%1] kann nicht in [%2] umbenannt werden: Ein Abschnitt [%2] existiert bereits.</translation>
    </message>
    <message>
        <source>A section [%1] already exists.</source>
        <translation>Ein Abschnitt [%1] existiert bereits.</translation>
    </message>
    <message>
        <source>%1 is given twice for the new section [%2].</source>
        <translation>%1 ist für den neuen Abschnitt [%2] doppelt angegeben.</translation>
    </message>
    <message>
        <source>The change would make the AWS CLI refuse the whole file: %1 The file was not changed.</source>
        <translation>Durch die Änderung würde die AWS CLI die gesamte Datei ablehnen: %1 Die Datei wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Rolecall stopped before saving because the result would not read back as intended (%1). The file was not changed; please report this.</source>
        <translation>Rolecall hat vor dem Speichern abgebrochen, weil sich das Ergebnis nicht wie beabsichtigt zurücklesen ließe (%1). Die Datei wurde nicht geändert; bitte melden Sie diesen Fehler.</translation>
    </message>
    <message>
        <source>[%1] was removed or renamed</source>
        <translation>[%1] wurde entfernt oder umbenannt</translation>
    </message>
    <message>
        <source>%1 in [%2] was changed</source>
        <translation>%1 in [%2] wurde geändert</translation>
    </message>
    <message>
        <source>[%1] was added</source>
        <translation>[%1] wurde hinzugefügt</translation>
    </message>
    <message>
        <source>[%1] was changed</source>
        <translation>[%1] wurde geändert</translation>
    </message>
    <message>
        <source>%1 was changed by another program after Rolecall read it: %2. Nothing was saved and the other change was kept; reload the file and make your change again.</source>
        <translation>%1 wurde von einem anderen Programm geändert, nachdem Rolecall die Datei gelesen hatte: %2. Es wurde nichts gespeichert und die andere Änderung blieb erhalten; laden Sie die Datei neu und nehmen Sie Ihre Änderung erneut vor.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::IniDocument</name>
    <message>
        <source>&quot;%1&quot; in the nested settings of %2 has no &apos;=&apos;; the AWS CLI refuses the whole file because of it.</source>
        <translation>„%1“ in den verschachtelten Einstellungen von %2 enthält kein &apos;=&apos;; deshalb lehnt die AWS CLI die gesamte Datei ab.</translation>
    </message>
    <message>
        <source>The file starts with a UTF-8 byte order mark. The AWS CLI cannot read such a file; save it without the mark (&quot;UTF-8&quot;, not &quot;UTF-8 with BOM&quot;).</source>
        <translation>Die Datei beginnt mit einer UTF-8-Bytereihenfolgemarkierung (BOM). Die AWS CLI kann eine solche Datei nicht lesen; speichern Sie sie ohne diese Markierung („UTF-8“, nicht „UTF-8 mit BOM“).</translation>
    </message>
    <message>
        <source>This line is not valid UTF-8; the AWS CLI refuses the whole file. Re-save the file as UTF-8.</source>
        <translation>Diese Zeile ist kein gültiges UTF-8; die AWS CLI lehnt die gesamte Datei ab. Speichern Sie die Datei erneut als UTF-8.</translation>
    </message>
    <message>
        <source>Section [%1] appears again (first at line %2). The AWS CLI refuses files with duplicate sections; Rolecall merges them, later values winning.</source>
        <translation>Abschnitt [%1] kommt erneut vor (zuerst in Zeile %2). Die AWS CLI lehnt Dateien mit doppelten Abschnitten ab; Rolecall führt sie zusammen, wobei spätere Werte Vorrang haben.</translation>
    </message>
    <message>
        <source>Text after the closing &apos;]&apos; of [%1] is ignored.</source>
        <translation>Text nach der schließenden Klammer &apos;]&apos; von [%1] wird ignoriert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; comes before the first [section] header and is ignored.</source>
        <translation>„%1“ steht vor der ersten [Abschnitt]-Überschrift und wird ignoriert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a &quot;key = value&quot; setting and is ignored.</source>
        <translation>„%1“ ist keine Einstellung der Form „Schlüssel = Wert“ und wird ignoriert.</translation>
    </message>
    <message>
        <source>A setting without a name (&quot;%1&quot;) is ignored.</source>
        <translation>Eine Einstellung ohne Namen („%1“) wird ignoriert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is set again in [%2]. The AWS CLI refuses files with duplicate keys; Rolecall uses the last value.</source>
        <translation>„%1“ wird in [%2] erneut gesetzt. Die AWS CLI lehnt Dateien mit doppelten Schlüsseln ab; Rolecall verwendet den letzten Wert.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::SharedConfig</name>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>[%1] is not read as a profile: write [profile NAME] with exactly one name (quote names with spaces).</source>
        <translation>[%1] wird nicht als Profil gelesen: Schreiben Sie [profile NAME] mit genau einem Namen (Namen mit Leerzeichen in Anführungszeichen setzen).</translation>
    </message>
    <message>
        <source>[%1] is not a profile in the config file, where profiles are written [profile %1]; the AWS CLI ignores it.</source>
        <translation>[%1] ist in der Konfigurationsdatei kein Profil, dort werden Profile als [profile %1] geschrieben; die AWS CLI ignoriert diesen Abschnitt.</translation>
    </message>
    <message>
        <source>[%1] needs exactly one name after the section type.</source>
        <translation>[%1] benötigt genau einen Namen nach dem Abschnittstyp.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is defined again here; this definition replaces the one at line %2.</source>
        <translation>Profil „%1“ wird hier erneut definiert; diese Definition ersetzt die in Zeile %2.</translation>
    </message>
    <message>
        <source>In the credentials file profiles are named without &quot;profile&quot;: this section is a profile called &quot;%1&quot;, not &quot;%2&quot;.</source>
        <translation>In der Anmeldeinformationsdatei werden Profile ohne „profile“ benannt: Dieser Abschnitt ist ein Profil namens „%1“, nicht „%2“.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Console</name>
    <message>
        <source>the federation endpoint setting</source>
        <translation>der Einstellung „Verbundendpunkt“</translation>
    </message>
    <message>
        <source>AWS publishes no console sign-in endpoint for the %1 partition. Set the federation endpoint in the settings or ROLECALL_FEDERATION_URL.</source>
        <translation>AWS veröffentlicht keinen Konsolen-Anmeldeendpunkt für die Partition %1. Legen Sie den Verbundendpunkt in den Einstellungen oder über ROLECALL_FEDERATION_URL fest.</translation>
    </message>
    <message>
        <source>There are no credentials to sign in with.</source>
        <translation>Es gibt keine Anmeldeinformationen für die Anmeldung.</translation>
    </message>
    <message>
        <source>The AWS console accepts only temporary credentials from a role or a federation token, not long-term access keys. Assume a role, or use a federation token.</source>
        <translation>Die AWS-Konsole akzeptiert nur temporäre Anmeldeinformationen aus einer Rolle oder einem Verbundtoken, keine langfristigen Zugriffsschlüssel. Übernehmen Sie eine Rolle oder verwenden Sie ein Verbundtoken.</translation>
    </message>
    <message>
        <source>The AWS console refuses credentials from GetSessionToken. Assume a role with them first, or use a federation token (GetFederationToken) instead.</source>
        <translation>Die AWS-Konsole lehnt Anmeldeinformationen aus GetSessionToken ab. Übernehmen Sie damit zuerst eine Rolle oder verwenden Sie stattdessen ein Verbundtoken (GetFederationToken).</translation>
    </message>
    <message>
        <source>must be between 900 and 43200 seconds (it is %1).</source>
        <translation>muss zwischen 900 und 43200 Sekunden liegen (aktuell %1).</translation>
    </message>
    <message>
        <source>may be at most 3600 seconds for a role assumed with role credentials (role chaining); it is %1.</source>
        <translation>darf für eine mit Rollen-Anmeldeinformationen übernommene Rolle (Rollenverkettung) höchstens 3600 Sekunden betragen; aktuell %1.</translation>
    </message>
    <message>
        <source>must be an https:// URL.</source>
        <translation>muss eine https://-URL sein.</translation>
    </message>
    <message>
        <source>the sign-in endpoint did not answer with JSON</source>
        <translation>der Anmeldeendpunkt hat nicht mit JSON geantwortet</translation>
    </message>
    <message>
        <source>the sign-in endpoint&apos;s answer has no SigninToken</source>
        <translation>die Antwort des Anmeldeendpunkts enthält kein SigninToken</translation>
    </message>
    <message>
        <source>AWS publishes no console address for the %1 partition.</source>
        <translation>AWS veröffentlicht keine Konsolenadresse für die Partition %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a console service name such as ec2 or s3.</source>
        <translation>„%1“ ist kein Konsolen-Dienstname wie ec2 oder s3.</translation>
    </message>
    <message>
        <source>%1: the sign-in endpoint refused the credentials (HTTP %2). They must come from AssumeRole or GetFederationToken and still be valid; a role assumed with role credentials allows a console session of at most one hour.</source>
        <translation>%1: Der Anmeldeendpunkt hat die Anmeldeinformationen abgelehnt (HTTP %2). Sie müssen aus AssumeRole oder GetFederationToken stammen und noch gültig sein; eine mit Rollen-Anmeldeinformationen übernommene Rolle erlaubt eine Konsolensitzung von höchstens einer Stunde.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ContainerCredentials</name>
    <message>
        <source>Container credentials</source>
        <translation>Container-Anmeldeinformationen</translation>
    </message>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (&quot;%1&quot;) does not make a valid URL; it should start with a slash.</source>
        <translation>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI („%1“) ergibt keine gültige URL; der Wert sollte mit einem Schrägstrich beginnen.</translation>
    </message>
    <message>
        <source>Neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set; this is not a container with a task role or Pod Identity.</source>
        <translation>Weder AWS_CONTAINER_CREDENTIALS_RELATIVE_URI noch AWS_CONTAINER_CREDENTIALS_FULL_URI ist gesetzt; dies ist kein Container mit Task-Rolle oder Pod Identity.</translation>
    </message>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_FULL_URI (&quot;%1&quot;) is not a valid http or https URL.</source>
        <translation>AWS_CONTAINER_CREDENTIALS_FULL_URI („%1“) ist keine gültige http- oder https-URL.</translation>
    </message>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_FULL_URI names the host &quot;%1&quot;. Over plain http only a loopback address or one of 169.254.170.2, 169.254.170.23, fd00:ec2::23 and localhost is allowed; use https for other hosts.</source>
        <translation>AWS_CONTAINER_CREDENTIALS_FULL_URI nennt den Host „%1“. Über unverschlüsseltes http sind nur eine Loopback-Adresse oder eine der Adressen 169.254.170.2, 169.254.170.23, fd00:ec2::23 und localhost zulässig; verwenden Sie für andere Hosts https.</translation>
    </message>
    <message>
        <source>The token file &quot;%1&quot; named by AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE does not exist.</source>
        <translation>Die in AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE angegebene Token-Datei „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names %1, which is not a regular file.</source>
        <translation>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE nennt %1, das keine reguläre Datei ist.</translation>
    </message>
    <message>
        <source>Cannot read the authorization token file %1: %2</source>
        <translation>Die Autorisierungstoken-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The authorization token file %1 is larger than %2 bytes.</source>
        <translation>Die Autorisierungstoken-Datei %1 ist größer als %2 Bytes.</translation>
    </message>
    <message>
        <source>The authorization token file %1 is empty.</source>
        <translation>Die Autorisierungstoken-Datei %1 ist leer.</translation>
    </message>
    <message>
        <source>AWS_CONTAINER_AUTHORIZATION_TOKEN is set but empty.</source>
        <translation>AWS_CONTAINER_AUTHORIZATION_TOKEN ist gesetzt, aber leer.</translation>
    </message>
    <message>
        <source>The container authorization token contains a line break, which is not allowed in an HTTP header. Remove it (a token file must not end with a newline).</source>
        <translation>Das Container-Autorisierungstoken enthält einen Zeilenumbruch, der in einem HTTP-Header nicht zulässig ist. Entfernen Sie ihn (eine Token-Datei darf nicht mit einem Zeilenumbruch enden).</translation>
    </message>
    <message>
        <source>The endpoint did not answer with JSON; check the URL in AWS_CONTAINER_CREDENTIALS_*_URI.</source>
        <translation>Der Endpunkt hat nicht mit JSON geantwortet; prüfen Sie die URL in AWS_CONTAINER_CREDENTIALS_*_URI.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ContainerServer</name>
    <message>
        <source>The request is too large.</source>
        <translation>Die Anfrage ist zu groß.</translation>
    </message>
    <message>
        <source>The request line is malformed.</source>
        <translation>Die Anfragezeile ist fehlerhaft.</translation>
    </message>
    <message>
        <source>A header line is malformed.</source>
        <translation>Eine Header-Zeile ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The Authorization header is missing or wrong.</source>
        <translation>Der Authorization-Header fehlt oder ist falsch.</translation>
    </message>
    <message>
        <source>Only GET is served.</source>
        <translation>Nur GET wird unterstützt.</translation>
    </message>
    <message>
        <source>Nothing is served at this path.</source>
        <translation>Unter diesem Pfad wird nichts bereitgestellt.</translation>
    </message>
    <message>
        <source>A GET request carries no body.</source>
        <translation>Eine GET-Anfrage hat keinen Body.</translation>
    </message>
    <message>
        <source>No complete request arrived in time.</source>
        <translation>Es ist nicht rechtzeitig eine vollständige Anfrage eingegangen.</translation>
    </message>
    <message>
        <source>The credentials endpoint is already running.</source>
        <translation>Der Anmeldeinformations-Endpunkt läuft bereits.</translation>
    </message>
    <message>
        <source>The credentials endpoint serves only temporary credentials (with a session token and an expiry), and these are long-term keys. Run without --server, or use a profile that assumes a role or gets a session token with MFA.</source>
        <translation>Der Anmeldeinformations-Endpunkt stellt nur temporäre Anmeldeinformationen bereit (mit Sitzungstoken und Ablaufzeit), dies sind aber langfristige Schlüssel. Führen Sie den Befehl ohne --server aus oder verwenden Sie ein Profil, das eine Rolle übernimmt oder ein Sitzungstoken mit MFA abruft.</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1: %1</source>
        <translation>kann nicht auf 127.0.0.1 lauschen: %1</translation>
    </message>
    <message>
        <source>The refresh gave long-term keys, which the endpoint does not serve.</source>
        <translation>Die Erneuerung hat langfristige Schlüssel geliefert, die der Endpunkt nicht bereitstellt.</translation>
    </message>
    <message>
        <source>The refresh gave credentials that expire within %1 s.</source>
        <translation>Die Erneuerung hat Anmeldeinformationen geliefert, die innerhalb von %1 s ablaufen.</translation>
    </message>
    <message>
        <source>No valid credentials.</source>
        <translation>Keine gültigen Anmeldeinformationen.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::AccessKeyQuery</name>
    <message>
        <source>This ARN names no account (S3 bucket ARNs, for example, have none).</source>
        <translation>Dieser ARN enthält kein Konto (S3-Bucket-ARNs zum Beispiel enthalten keines).</translation>
    </message>
    <message>
        <source>Enter an access key id (AKIA…, ASIA…), an ARN or a twelve-digit account id.</source>
        <translation>Geben Sie eine Zugriffsschlüssel-ID (AKIA…, ASIA…), einen ARN oder eine zwölfstellige Konto-ID ein.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::ProfileEditor</name>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Role ARN</source>
        <translation>Rollen-ARN</translation>
    </message>
    <message>
        <source>Source profile</source>
        <translation>Quellprofil</translation>
    </message>
    <message>
        <source>MFA device</source>
        <translation>MFA-Gerät</translation>
    </message>
    <message>
        <source>External ID</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Session name</source>
        <translation>Sitzungsname</translation>
    </message>
    <message>
        <source>Session tags</source>
        <translation>Sitzungs-Tags</translation>
    </message>
    <message>
        <source>Transitive tag keys</source>
        <translation>Transitive Tag-Schlüssel</translation>
    </message>
    <message>
        <source>Source identity</source>
        <translation>Quellidentität</translation>
    </message>
    <message>
        <source>Session policy ARNs</source>
        <translation>Sitzungsrichtlinien-ARNs</translation>
    </message>
    <message>
        <source>STS endpoint URL</source>
        <translation>STS-Endpunkt-URL</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>The profile name must fit on one line, without control characters.</source>
        <translation>Der Profilname muss in eine Zeile passen und darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The profile name must not start or end with a space.</source>
        <translation>Der Profilname darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>The AWS CLI could not read the profile name &quot;%1&quot; back; choose another.</source>
        <translation>Die AWS CLI könnte den Profilnamen „%1“ nicht korrekt zurücklesen; wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>Ein Profil namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>%1 is required: the profile whose credentials assume the role.</source>
        <translation>%1 ist erforderlich: das Profil, mit dessen Anmeldeinformationen die Rolle übernommen wird.</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein Profil namens „%1“.</translation>
    </message>
    <message>
        <source>A profile can name itself as its source only when it holds keys.</source>
        <translation>Ein Profil kann sich nur dann selbst als Quelle angeben, wenn es Schlüssel enthält.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 can be at most %2 seconds: the source profile is a role itself, and AWS limits chained role sessions to an hour.</source>
        <translation>%1 darf höchstens %2 Sekunden betragen: Das Quellprofil ist selbst eine Rolle, und AWS begrenzt verkettete Rollensitzungen auf eine Stunde.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; cannot be written as key=value,key2=value2 (no commas, no &quot;=&quot; in keys).</source>
        <translation>%1: „%2“ lässt sich nicht als key=value,key2=value2 schreiben (keine Kommas, kein „=“ in Schlüsseln).</translation>
    </message>
    <message>
        <source>%1 must look like eu-west-1 or us-gov-west-1.</source>
        <translation>%1 muss die Form eu-west-1 oder us-gov-west-1 haben.</translation>
    </message>
    <message>
        <source>%1 must be a full URL, such as https://sts.eu-west-1.amazonaws.com.</source>
        <translation>%1 muss eine vollständige URL sein, z. B. https://sts.eu-west-1.amazonaws.com.</translation>
    </message>
    <message>
        <source>%1 must use https (plain http only for 127.0.0.1 or localhost).</source>
        <translation>%1 muss https verwenden (unverschlüsseltes http nur für 127.0.0.1 oder localhost).</translation>
    </message>
    <message>
        <source>%1 is set in %2 (line %3), which wins over the config file; change it there.</source>
        <translation>%1 ist in %2 (Zeile %3) gesetzt, was Vorrang vor der Konfigurationsdatei hat; ändern Sie den Wert dort.</translation>
    </message>
    <message>
        <source>Access key ID must be 16 to 128 upper-case letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation>Die Zugriffsschlüssel-ID muss aus 16 bis 128 Großbuchstaben und Ziffern bestehen, z. B. AKIAIOSFODNN7EXAMPLE.</translation>
    </message>
    <message>
        <source>Secret access key must be printable characters without spaces, as AWS issues them.</source>
        <translation>Der geheime Zugriffsschlüssel muss aus druckbaren Zeichen ohne Leerzeichen bestehen, wie von AWS ausgegeben.</translation>
    </message>
    <message>
        <source>Stored the keys of %1 in the keychain and set credential_process in %2.</source>
        <translation>Die Schlüssel von %1 wurden im Schlüsselbund gespeichert und credential_process in %2 gesetzt.</translation>
    </message>
    <message>
        <source>Copied the keys of %1 into the keychain; they are still in %2.</source>
        <translation>Die Schlüssel von %1 wurden in den Schlüsselbund kopiert; sie befinden sich weiterhin in %2.</translation>
    </message>
    <message>
        <source>Moved the keys of %1 into the keychain; %2 now runs credential_process instead.</source>
        <translation>Die Schlüssel von %1 wurden in den Schlüsselbund verschoben; %2 verwendet stattdessen jetzt credential_process.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::SessionController</name>
    <message>
        <source>The profile &quot;%1&quot; no longer exists.</source>
        <translation>Das Profil „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>There is no active session for %1: assume it first.</source>
        <translation>Für %1 gibt es keine aktive Sitzung: Übernehmen Sie das Profil zuerst.</translation>
    </message>
    <message>
        <source>was not found: paste the whole error message that AWS returned, or just the encoded part.</source>
        <translation>wurde nicht gefunden: Fügen Sie die vollständige Fehlermeldung von AWS ein oder nur den kodierten Teil.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::SessionWatcher</name>
    <message>
        <source>Session expiring soon</source>
        <translation>Sitzung läuft bald ab</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Sitzung abgelaufen</translation>
    </message>
    <message>
        <source>The session of %1 has expired.</source>
        <translation>Die Sitzung von %1 ist abgelaufen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::Settings</name>
    <message>
        <source>The federation endpoint must be a full URL, such as https://signin.aws.amazon.com/federation.</source>
        <translation>Der Verbundendpunkt muss eine vollständige URL sein, z. B. https://signin.aws.amazon.com/federation.</translation>
    </message>
    <message>
        <source>The federation endpoint must use https (plain http only for 127.0.0.1 or localhost).</source>
        <translation>Der Verbundendpunkt muss https verwenden (unverschlüsseltes http nur für 127.0.0.1 oder localhost).</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::CredentialFlow</name>
    <message>
        <source>Profile %1: %2</source>
        <translation>Profil %1: %2</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has no credentials: it sets neither keys, a role, a credential_process, web identity nor SSO.</source>
        <translation>Das Profil „%1“ hat keine Anmeldeinformationen: Es legt weder Schlüssel, eine Rolle, credential_process, Web-Identität noch SSO fest.</translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed, and there is no way to ask for one here. Give it with --mfa-code, or set mfa_process.</source>
        <translation>Für %1 wird ein MFA-Code benötigt, der hier nicht abgefragt werden kann. Geben Sie ihn mit --mfa-code an oder setzen Sie mfa_process.</translation>
    </message>
    <message>
        <source>credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set.</source>
        <translation>credential_source = Environment, aber AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY sind nicht gesetzt.</translation>
    </message>
    <message>
        <source>credential_process of profile %1</source>
        <translation>credential_process von Profil %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; signs in with IAM Identity Center (SSO), which Rolecall does not support yet. Use `aws sso login` and the AWS CLI for it meanwhile.</source>
        <translation>Das Profil „%1“ meldet sich über IAM Identity Center (SSO) an, was Rolecall noch nicht unterstützt. Verwenden Sie dafür vorerst `aws sso login` und die AWS CLI.</translation>
    </message>
    <message>
        <source>must be at most 3600 for %1: it is assumed with the credentials of another role (role chaining), and AWS allows one hour there.</source>
        <translation>darf für %1 höchstens 3600 betragen: Die Rolle wird mit den Anmeldeinformationen einer anderen Rolle übernommen (Rollenverkettung), und AWS erlaubt dabei höchstens eine Stunde.</translation>
    </message>
    <message>
        <source>The keys of %1 are in the keychain, but no keychain is available here.</source>
        <translation>Die Schlüssel von %1 liegen im Schlüsselbund, aber hier ist kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <source>The keychain has no keys for %1. Add them with &apos;rolecall-cli keychain add --profile %1&apos;.</source>
        <translation>Der Schlüsselbund enthält keine Schlüssel für %1. Fügen Sie sie mit &apos;rolecall-cli keychain add --profile %1&apos; hinzu.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Endpoints</name>
    <message>
        <source>the endpoint URL option</source>
        <translation>der Option für die Endpunkt-URL</translation>
    </message>
    <message>
        <source>the profile&apos;s services section</source>
        <translation>dem services-Abschnitt des Profils</translation>
    </message>
    <message>
        <source>the profile&apos;s endpoint_url</source>
        <translation>der Einstellung endpoint_url des Profils</translation>
    </message>
    <message>
        <source>The endpoint URL from %1 is not a valid URL.</source>
        <translation>Die Endpunkt-URL aus %1 ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The endpoint URL from %1 uses plain http:// to %2. Rolecall sends credentials only over https://, or http:// to this computer (localhost).</source>
        <translation>Die Endpunkt-URL aus %1 verwendet unverschlüsseltes http:// zu %2. Rolecall sendet Anmeldeinformationen nur über https:// oder per http:// an diesen Computer (localhost).</translation>
    </message>
    <message>
        <source>The endpoint URL from %1 must start with https://.</source>
        <translation>Die Endpunkt-URL aus %1 muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid AWS region name.</source>
        <translation>„%1“ ist kein gültiger AWS-Regionsname.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::EnvironmentCredentials</name>
    <message>
        <source>Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set; set both, or neither.</source>
        <translation>Nur eine der Variablen AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY ist gesetzt; setzen Sie beide oder keine.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Error</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %2 Nothing was sent to AWS.</source>
        <translation>%1 %2 Es wurde nichts an AWS gesendet.</translation>
    </message>
    <message>
        <source>AWS refused the request with %1.</source>
        <translation>AWS hat die Anfrage mit %1 abgelehnt.</translation>
    </message>
    <message>
        <source>AWS refused the request with %1: %2</source>
        <translation>AWS hat die Anfrage mit %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>The service answered HTTP %1 without an error description. It is probably a temporary problem; try again in a moment.</source>
        <translation>Der Dienst hat mit HTTP %1 ohne Fehlerbeschreibung geantwortet. Vermutlich handelt es sich um ein vorübergehendes Problem; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The service answered HTTP %1 without an error description. Check the endpoint URL.</source>
        <translation>Der Dienst hat mit HTTP %1 ohne Fehlerbeschreibung geantwortet. Prüfen Sie die Endpunkt-URL.</translation>
    </message>
    <message>
        <source>Could not reach the endpoint (%1). Check your network connection, proxy settings and the endpoint URL.</source>
        <translation>Der Endpunkt ist nicht erreichbar (%1). Prüfen Sie Ihre Netzwerkverbindung, die Proxy-Einstellungen und die Endpunkt-URL.</translation>
    </message>
    <message numerus="yes">
        <source>No answer within %n second(s). The network or the endpoint may be slow or unreachable; try again.</source>
        <translation>
            <numerusform>Keine Antwort innerhalb von %n Sekunde. Das Netzwerk oder der Endpunkt ist möglicherweise langsam oder nicht erreichbar; versuchen Sie es erneut.</numerusform>
            <numerusform>Keine Antwort innerhalb von %n Sekunden. Das Netzwerk oder der Endpunkt ist möglicherweise langsam oder nicht erreichbar; versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The secure connection failed: %1. Rolecall never skips certificate checks; if you use a corporate proxy or a private endpoint, point ca_bundle or AWS_CA_BUNDLE at its CA certificate.</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen: %1. Rolecall überspringt niemals die Zertifikatsprüfung; wenn Sie einen Firmen-Proxy oder einen privaten Endpunkt verwenden, lassen Sie ca_bundle oder AWS_CA_BUNDLE auf dessen CA-Zertifikat verweisen.</translation>
    </message>
    <message>
        <source>The answer could not be read (%1). If you use a custom endpoint, check that it is an STS endpoint.</source>
        <translation>Die Antwort konnte nicht gelesen werden (%1). Wenn Sie einen benutzerdefinierten Endpunkt verwenden, prüfen Sie, ob es ein STS-Endpunkt ist.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Credentials from a role can assume another role for at most one hour (role chaining). Ask for 3600 seconds or less.</source>
        <translation>Mit den Anmeldeinformationen einer Rolle kann eine andere Rolle für höchstens eine Stunde übernommen werden (Rollenverkettung). Fordern Sie 3600 Sekunden oder weniger an.</translation>
    </message>
    <message>
        <source>The requested duration is longer than the role&apos;s maximum session duration. Ask for less, or raise the role&apos;s maximum in IAM.</source>
        <translation>Die angeforderte Dauer überschreitet die maximale Sitzungsdauer der Rolle. Fordern Sie weniger an oder erhöhen Sie das Maximum der Rolle in IAM.</translation>
    </message>
    <message>
        <source>The MFA code was wrong or already used. Wait for the next code and try again.</source>
        <translation>Der MFA-Code war falsch oder wurde bereits verwendet. Warten Sie auf den nächsten Code und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Check the role&apos;s trust policy, the role ARN, and whether the role requires MFA or an external ID.</source>
        <translation>Prüfen Sie die Vertrauensrichtlinie der Rolle, den Rollen-ARN und ob die Rolle MFA oder eine externe ID erfordert.</translation>
    </message>
    <message>
        <source>Your identity lacks permission for this action; check its IAM policies.</source>
        <translation>Ihrer Identität fehlt die Berechtigung für diese Aktion; prüfen Sie ihre IAM-Richtlinien.</translation>
    </message>
    <message>
        <source>The credentials used to sign have expired. Get fresh credentials and try again.</source>
        <translation>Die zum Signieren verwendeten Anmeldeinformationen sind abgelaufen. Rufen Sie neue Anmeldeinformationen ab und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The access key ID is not known to AWS: it may be deleted, inactive, or meant for another partition (China, GovCloud).</source>
        <translation>Die Zugriffsschlüssel-ID ist AWS nicht bekannt: Sie ist möglicherweise gelöscht, inaktiv oder für eine andere Partition bestimmt (China, GovCloud).</translation>
    </message>
    <message>
        <source>The secret access key does not match the access key ID, or the system clock is wrong.</source>
        <translation>Der geheime Zugriffsschlüssel passt nicht zur Zugriffsschlüssel-ID, oder die Systemuhr geht falsch.</translation>
    </message>
    <message>
        <source>The request was not signed completely. Check that credentials are configured.</source>
        <translation>Die Anfrage wurde nicht vollständig signiert. Prüfen Sie, ob Anmeldeinformationen konfiguriert sind.</translation>
    </message>
    <message>
        <source>Your system clock differs from AWS&apos;s. Synchronise the clock (NTP) and try again.</source>
        <translation>Ihre Systemuhr weicht von der Uhrzeit bei AWS ab. Synchronisieren Sie die Uhr (NTP) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>STS is not activated in this region for the account. Activate it in IAM (Account settings) or use another region.</source>
        <translation>STS ist in dieser Region für das Konto nicht aktiviert. Aktivieren Sie es in IAM (Kontoeinstellungen) oder verwenden Sie eine andere Region.</translation>
    </message>
    <message>
        <source>The session policy is not valid IAM policy JSON.</source>
        <translation>Die Sitzungsrichtlinie ist kein gültiges JSON für eine IAM-Richtlinie.</translation>
    </message>
    <message>
        <source>The session policies and tags are too large once packed. Use fewer or shorter ones.</source>
        <translation>Die Sitzungsrichtlinien und Tags sind nach dem Packen zu groß. Verwenden Sie weniger oder kürzere.</translation>
    </message>
    <message>
        <source>A parameter was rejected; check the values against the limits AWS documents.</source>
        <translation>Ein Parameter wurde abgelehnt; prüfen Sie die Werte anhand der von AWS dokumentierten Grenzwerte.</translation>
    </message>
    <message>
        <source>AWS is throttling requests. Wait a moment and try again.</source>
        <translation>AWS drosselt die Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The web identity token was rejected: check its issuer, audience and expiry.</source>
        <translation>Das Web-Identitätstoken wurde abgelehnt: Prüfen Sie Aussteller, Zielgruppe (Audience) und Ablaufzeit.</translation>
    </message>
    <message>
        <source>The identity provider&apos;s claim was rejected: check the role&apos;s trust policy conditions.</source>
        <translation>Der Claim des Identitätsanbieters wurde abgelehnt: Prüfen Sie die Bedingungen in der Vertrauensrichtlinie der Rolle.</translation>
    </message>
    <message>
        <source>AWS could not reach the identity provider. Try again shortly.</source>
        <translation>AWS konnte den Identitätsanbieter nicht erreichen. Versuchen Sie es in Kürze erneut.</translation>
    </message>
    <message>
        <source>The encoded message is not valid; paste the whole message, exactly as AWS returned it.</source>
        <translation>Die kodierte Meldung ist ungültig; fügen Sie die vollständige Meldung genau so ein, wie AWS sie zurückgegeben hat.</translation>
    </message>
    <message>
        <source>AWS had a temporary problem. Try again in a moment.</source>
        <translation>Bei AWS ist ein vorübergehendes Problem aufgetreten. Versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Export</name>
    <message>
        <source>bash / zsh exports</source>
        <translation>bash-/zsh-Exporte</translation>
    </message>
    <message>
        <source>fish</source>
        <translation>fish</translation>
    </message>
    <message>
        <source>PowerShell</source>
        <translation>PowerShell</translation>
    </message>
    <message>
        <source>Windows cmd</source>
        <translation>Windows cmd</translation>
    </message>
    <message>
        <source>.env file</source>
        <translation>.env-Datei</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>credential_process JSON</source>
        <translation>credential_process-JSON</translation>
    </message>
    <message>
        <source>credentials file block</source>
        <translation>Block für die Anmeldeinformationsdatei</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Export::SessionWriter</name>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>must start with a letter or digit and use only letters, digits and . _ @ + = , - (at most 128).</source>
        <translation>muss mit einem Buchstaben oder einer Ziffer beginnen und darf nur Buchstaben, Ziffern und . _ @ + = , - enthalten (höchstens 128).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a profile of the config file; writing keys for it into the credentials file would change what it does. Choose a new name, such as %1-session.</source>
        <translation>„%1“ ist ein Profil der Konfigurationsdatei; Schlüssel dafür in die Anmeldeinformationsdatei zu schreiben, würde sein Verhalten ändern. Wählen Sie einen neuen Namen, etwa %1-session.</translation>
    </message>
    <message>
        <source>[%1] in the credentials file has %2; Rolecall replaces only sessions it could have written. Choose another name.</source>
        <translation>[%1] in der Anmeldeinformationsdatei enthält %2; Rolecall ersetzt nur Sitzungen, die es selbst geschrieben haben könnte. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>[%1] in the credentials file holds long-term keys; writing a session there would lose them. Choose another name.</source>
        <translation>[%1] in der Anmeldeinformationsdatei enthält langfristige Schlüssel; eine Sitzung dorthin zu schreiben, würde sie überschreiben. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Anmeldeinformationen</translation>
    </message>
    <message>
        <source>are long-term keys; only temporary sessions are written to the credentials file.</source>
        <translation>sind langfristige Schlüssel; in die Anmeldeinformationsdatei werden nur temporäre Sitzungen geschrieben.</translation>
    </message>
    <message>
        <source>Wrote [%1] to %2, but could not make the file private (chmod 600 it).</source>
        <translation>[%1] wurde in %2 geschrieben, aber die Datei konnte nicht privat gemacht werden (führen Sie chmod 600 aus).</translation>
    </message>
    <message>
        <source>Wrote the session as [%1] to %2.</source>
        <translation>Die Sitzung wurde als [%1] in %2 geschrieben.</translation>
    </message>
    <message>
        <source>Wrote the session as [%1] to %2; it expires at %3.</source>
        <translation>Die Sitzung wurde als [%1] in %2 geschrieben; sie läuft um %3 ab.</translation>
    </message>
    <message>
        <source>The file was readable by others; it is now private (0600).</source>
        <translation>Die Datei war für andere lesbar; sie ist jetzt privat (0600).</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ImdsCredentials</name>
    <message>
        <source>EC2 instance metadata</source>
        <translation>EC2-Instance-Metadaten</translation>
    </message>
    <message>
        <source>%1 must be a positive whole number; it is &quot;%2&quot;.</source>
        <translation>%1 muss eine positive ganze Zahl sein; der Wert ist „%2“.</translation>
    </message>
    <message>
        <source>The instance metadata endpoint mode &quot;%1&quot; is not valid; use IPv4 or IPv6 (AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE / ec2_metadata_service_endpoint_mode).</source>
        <translation>Der Endpunktmodus „%1“ für Instance-Metadaten ist ungültig; verwenden Sie IPv4 oder IPv6 (AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE / ec2_metadata_service_endpoint_mode).</translation>
    </message>
    <message>
        <source>The instance metadata endpoint &quot;%1&quot; is not an http or https URL (AWS_EC2_METADATA_SERVICE_ENDPOINT / ec2_metadata_service_endpoint).</source>
        <translation>Der Instance-Metadaten-Endpunkt „%1“ ist keine http- oder https-URL (AWS_EC2_METADATA_SERVICE_ENDPOINT / ec2_metadata_service_endpoint).</translation>
    </message>
    <message>
        <source>Access to instance metadata is disabled by AWS_EC2_METADATA_DISABLED=true.</source>
        <translation>Der Zugriff auf Instance-Metadaten ist durch AWS_EC2_METADATA_DISABLED=true deaktiviert.</translation>
    </message>
    <message>
        <source>No IMDSv2 session token could be obtained, and IMDSv1 is disabled (AWS_EC2_METADATA_V1_DISABLED / ec2_metadata_v1_disabled).</source>
        <translation>Es konnte kein IMDSv2-Sitzungstoken abgerufen werden, und IMDSv1 ist deaktiviert (AWS_EC2_METADATA_V1_DISABLED / ec2_metadata_v1_disabled).</translation>
    </message>
    <message>
        <source>This instance has no IAM role attached (the metadata service lists no instance profile role).</source>
        <translation>Dieser Instance ist keine IAM-Rolle zugeordnet (der Metadatendienst listet keine Rolle eines Instance-Profils auf).</translation>
    </message>
    <message>
        <source>The metadata service listed no role for this instance.</source>
        <translation>Der Metadatendienst hat für diese Instance keine Rolle aufgeführt.</translation>
    </message>
    <message>
        <source>The metadata service gave &quot;%1&quot;, which is not an IAM role name.</source>
        <translation>Der Metadatendienst lieferte „%1“, was kein IAM-Rollenname ist.</translation>
    </message>
    <message>
        <source>The credentials of role %1 are not JSON.</source>
        <translation>Die Anmeldeinformationen der Rolle %1 sind kein JSON.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::MetadataService</name>
    <message>
        <source>The answer is larger than %1 bytes; this is not a credentials service.</source>
        <translation>Die Antwort ist größer als %1 Bytes; dies ist kein Anmeldeinformationsdienst.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The answer is not a JSON object; this is not a credentials service.</source>
        <translation>Die Antwort ist kein JSON-Objekt; dies ist kein Anmeldeinformationsdienst.</translation>
    </message>
    <message>
        <source>The service reported %1 instead of credentials.</source>
        <translation>Der Dienst meldete %1 statt Anmeldeinformationen.</translation>
    </message>
    <message>
        <source>The service reported %1 instead of credentials: %2</source>
        <translation>Der Dienst meldete %1 statt Anmeldeinformationen: %2</translation>
    </message>
    <message>
        <source>The answer lacks %1 (or it is not a non-empty string).</source>
        <translation>In der Antwort fehlt %1 (oder der Wert ist keine nicht leere Zeichenkette).</translation>
    </message>
    <message>
        <source>The Expiration &quot;%1&quot; is not an ISO 8601 timestamp.</source>
        <translation>Der Wert von Expiration („%1“) ist kein ISO-8601-Zeitstempel.</translation>
    </message>
    <message>
        <source>The service answered HTTP %1: %2</source>
        <translation>Der Dienst antwortete mit HTTP %1: %2</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Mfa</name>
    <message>
        <source>mfa_process</source>
        <translation>mfa_process</translation>
    </message>
    <message>
        <source>The mfa_process command is empty.</source>
        <translation>Der mfa_process-Befehl ist leer.</translation>
    </message>
    <message>
        <source>The mfa_process command could not be started: %1</source>
        <translation>Der mfa_process-Befehl konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The mfa_process command failed with exit code %1.</source>
        <translation>Der mfa_process-Befehl ist mit Exit-Code %1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The mfa_process command did not print a six-digit code.</source>
        <translation>Der mfa_process-Befehl hat keinen sechsstelligen Code ausgegeben.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::MfaBroker</name>
    <message>
        <source>An MFA code for %1 is needed (profile %2), and there is no way to ask for one here. Set mfa_process for the profile, or use a terminal or the Rolecall app.</source>
        <translation>Für %1 wird ein MFA-Code benötigt (Profil %2), der hier nicht abgefragt werden kann. Setzen Sie mfa_process für das Profil oder verwenden Sie ein Terminal oder die Rolecall-App.</translation>
    </message>
    <message>
        <source>MFA prompt for %1</source>
        <translation>MFA-Abfrage für %1</translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation>muss aus genau sechs Ziffern bestehen.</translation>
    </message>
    <message>
        <source>An MFA code is exactly six digits.</source>
        <translation>Ein MFA-Code besteht aus genau sechs Ziffern.</translation>
    </message>
    <message>
        <source>was already used; AWS takes each code once. Wait for the device to show a new code and try again.</source>
        <translation>wurde bereits verwendet; AWS akzeptiert jeden Code nur einmal. Warten Sie, bis das Gerät einen neuen Code anzeigt, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>That code was already used, and AWS takes each code once. Wait for the device to show the next one.</source>
        <translation>Dieser Code wurde bereits verwendet, und AWS akzeptiert jeden Code nur einmal. Warten Sie, bis das Gerät den nächsten anzeigt.</translation>
    </message>
    <message>
        <source>AWS refused the MFA code.</source>
        <translation>AWS hat den MFA-Code abgelehnt.</translation>
    </message>
    <message>
        <source>MFA code for %1</source>
        <translation>MFA-Code für %1</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Models::ProfileTreeModel</name>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>noch %n s</numerusform>
            <numerusform>noch %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min left</source>
        <translation>
            <numerusform>noch %n min</numerusform>
            <numerusform>noch %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation>noch %1 h %2 min</translation>
    </message>
    <message>
        <source>Other profiles</source>
        <translation>Weitere Profile</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Profiles without an account id</source>
        <translation>Profile ohne Konto-ID</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>MFA</source>
        <translation>MFA</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>needs MFA</source>
        <translation>erfordert MFA</translation>
    </message>
    <message>
        <source>session active, %1</source>
        <translation>Sitzung aktiv, %1</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Models::SessionsModel</name>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Session of %1, %2, auto-refresh %3</source>
        <translation>Sitzung von %1, %2, automatische Erneuerung %3</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Läuft ab: %1</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Auto-refresh</source>
        <translation>Auto-Erneuerung</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::NetworkErrors</name>
    <message>
        <source>The proxy server %1 failed (%2). Check HTTPS_PROXY, HTTP_PROXY and NO_PROXY, or the system&apos;s proxy settings.</source>
        <translation>Der Proxyserver %1 ist fehlgeschlagen (%2). Prüfen Sie HTTPS_PROXY, HTTP_PROXY und NO_PROXY oder die Proxy-Einstellungen des Systems.</translation>
    </message>
    <message>
        <source>The host could not be found (%1). Check the endpoint URL and region, your network connection and DNS.</source>
        <translation>Der Host wurde nicht gefunden (%1). Prüfen Sie Endpunkt-URL und Region, Ihre Netzwerkverbindung und DNS.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ProcessCredentials</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>a quotation mark is not closed</source>
        <translation>ein Anführungszeichen ist nicht geschlossen</translation>
    </message>
    <message>
        <source>it ends with a backslash that escapes nothing</source>
        <translation>sie endet mit einem Backslash, der nichts maskiert</translation>
    </message>
    <message>
        <source>The credential_process command printed something that is not JSON (%1 at offset %2). It must print only its JSON document on standard output; messages belong on standard error.</source>
        <translation>Der credential_process-Befehl hat etwas ausgegeben, das kein JSON ist (%1 an Position %2). Er darf auf der Standardausgabe nur sein JSON-Dokument ausgeben; Meldungen gehören in die Standardfehlerausgabe.</translation>
    </message>
    <message>
        <source>The credential_process command printed JSON that is not an object. It must print an object with Version, AccessKeyId and SecretAccessKey.</source>
        <translation>Der credential_process-Befehl hat JSON ausgegeben, das kein Objekt ist. Er muss ein Objekt mit Version, AccessKeyId und SecretAccessKey ausgeben.</translation>
    </message>
    <message>
        <source>The credential_process output has no Version key. Only Version 1 is supported.</source>
        <translation>Der Ausgabe von credential_process fehlt der Schlüssel Version. Nur Version 1 wird unterstützt.</translation>
    </message>
    <message>
        <source>(not a number)</source>
        <translation>(keine Zahl)</translation>
    </message>
    <message>
        <source>The credential_process output has the unsupported Version %1. Only Version 1 is supported.</source>
        <translation>Die Ausgabe von credential_process hat die nicht unterstützte Version %1. Nur Version 1 wird unterstützt.</translation>
    </message>
    <message>
        <source>The credential_process output lacks %1 (or it is not a non-empty string).</source>
        <translation>In der Ausgabe von credential_process fehlt %1 (oder der Wert ist keine nicht leere Zeichenkette).</translation>
    </message>
    <message>
        <source>The credential_process output has the Expiration &quot;%1&quot;, which is not an ISO 8601 timestamp such as 2024-05-01T12:00:00Z.</source>
        <translation>Die Ausgabe von credential_process enthält Expiration „%1“, was kein ISO-8601-Zeitstempel wie 2024-05-01T12:00:00Z ist.</translation>
    </message>
    <message>
        <source>The credential_process command returned credentials that expired at %1. Check the tool behind it (a stale cache, a clock that is off).</source>
        <translation>Der credential_process-Befehl hat Anmeldeinformationen geliefert, die bereits abgelaufen sind (%1). Prüfen Sie das dahinterstehende Tool (veralteter Cache, falsch gehende Uhr).</translation>
    </message>
    <message>
        <source>The credential_process command line cannot be read: %1. Quote arguments with spaces as a POSIX shell would.</source>
        <translation>Die credential_process-Befehlszeile kann nicht gelesen werden: %1. Setzen Sie Argumente mit Leerzeichen in Anführungszeichen, wie es eine POSIX-Shell erwartet.</translation>
    </message>
    <message>
        <source>The credential_process setting names no command.</source>
        <translation>Die Einstellung credential_process nennt keinen Befehl.</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; was not found in PATH. Install it, or give its full path.</source>
        <translation>Der credential_process-Befehl „%1“ wurde nicht im PATH gefunden. Installieren Sie ihn oder geben Sie seinen vollständigen Pfad an.</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; could not be started (%2). Check that it exists and is executable.</source>
        <translation>Der credential_process-Befehl „%1“ konnte nicht gestartet werden (%2). Prüfen Sie, ob er existiert und ausführbar ist.</translation>
    </message>
    <message numerus="yes">
        <source>The credential_process command &quot;%1&quot; did not finish within %n second(s) and was stopped. If it waits for input (a browser sign-in, a hardware key), complete that sooner.</source>
        <translation>
            <numerusform>Der credential_process-Befehl „%1“ wurde nicht innerhalb von %n Sekunde beendet und daher abgebrochen. Wenn er auf eine Eingabe wartet (Anmeldung im Browser, Hardwareschlüssel), schließen Sie diese schneller ab.</numerusform>
            <numerusform>Der credential_process-Befehl „%1“ wurde nicht innerhalb von %n Sekunden beendet und daher abgebrochen. Wenn er auf eine Eingabe wartet (Anmeldung im Browser, Hardwareschlüssel), schließen Sie diese schneller ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; printed more than %2 bytes and was stopped. It must print only its JSON document.</source>
        <translation>Der credential_process-Befehl „%1“ hat mehr als %2 Bytes ausgegeben und wurde abgebrochen. Er darf nur sein JSON-Dokument ausgeben.</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; crashed or was killed.</source>
        <translation>Der credential_process-Befehl „%1“ ist abgestürzt oder wurde beendet.</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; crashed or was killed: %2</source>
        <translation>Der credential_process-Befehl „%1“ ist abgestürzt oder wurde beendet: %2</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; failed with exit code %2 and no message.</source>
        <translation>Der credential_process-Befehl „%1“ ist mit Exit-Code %2 ohne Meldung fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; failed with exit code %2: %3</source>
        <translation>Der credential_process-Befehl „%1“ ist mit Exit-Code %2 fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Profiles::ProfileResolver</name>
    <message>
        <source>Access keys of %1</source>
        <translation>Zugriffsschlüssel von %1</translation>
    </message>
    <message>
        <source>Credentials from the environment (AWS_ACCESS_KEY_ID…)</source>
        <translation>Anmeldeinformationen aus der Umgebung (AWS_ACCESS_KEY_ID…)</translation>
    </message>
    <message>
        <source>Container credentials (ECS/EKS)</source>
        <translation>Container-Anmeldeinformationen (ECS/EKS)</translation>
    </message>
    <message>
        <source>EC2 instance role (IMDSv2)</source>
        <translation>EC2-Instance-Rolle (IMDSv2)</translation>
    </message>
    <message>
        <source>credential_process of %1</source>
        <translation>credential_process von %1</translation>
    </message>
    <message>
        <source>Assume %1 with the web identity token %2</source>
        <translation>%1 mit dem Web-Identitätstoken %2 übernehmen</translation>
    </message>
    <message>
        <source>IAM Identity Center (SSO) sign-in of %1</source>
        <translation>Anmeldung von %1 über IAM Identity Center (SSO)</translation>
    </message>
    <message>
        <source>Session token with MFA (%1)</source>
        <translation>Sitzungstoken mit MFA (%1)</translation>
    </message>
    <message>
        <source>Assume %1</source>
        <translation>%1 übernehmen</translation>
    </message>
    <message>
        <source>Assume %1 with MFA (%2)</source>
        <translation>%1 mit MFA übernehmen (%2)</translation>
    </message>
    <message>
        <source>include_profile loops: %1.</source>
        <translation>include_profile bildet eine Schleife: %1.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; included by &quot;%2&quot; does not exist.</source>
        <translation>Das von „%2“ eingebundene Profil „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>session_tags of &quot;%1&quot; must look like key1=value1,key2=value2.</source>
        <translation>session_tags von „%1“ muss die Form key1=value1,key2=value2 haben.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; contains both source_profile and credential_source.</source>
        <translation>Das Profil „%1“ enthält sowohl source_profile als auch credential_source.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has a role_arn but no source_profile or credential_source to assume it with.</source>
        <translation>Das Profil „%1“ hat role_arn, aber weder source_profile noch credential_source, um die Rolle zu übernehmen.</translation>
    </message>
    <message>
        <source>The credential source &quot;%1&quot; referenced in profile &quot;%2&quot; is not valid: use Environment, EcsContainer or Ec2InstanceMetadata.</source>
        <translation>Die im Profil „%2“ angegebene Anmeldeinformationsquelle „%1“ ist ungültig: Verwenden Sie Environment, EcsContainer oder Ec2InstanceMetadata.</translation>
    </message>
    <message>
        <source>The source_profile &quot;%1&quot; referenced in the profile &quot;%2&quot; does not exist.</source>
        <translation>Das im Profil „%2“ angegebene source_profile „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>The source_profile chain loops: %1.</source>
        <translation>Die source_profile-Kette bildet eine Schleife: %1.</translation>
    </message>
    <message>
        <source>The source profile &quot;%1&quot; must have credentials.</source>
        <translation>Das Quellprofil „%1“ muss Anmeldeinformationen haben.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has aws_access_key_id in %2 but aws_secret_access_key in %3; the AWS CLI needs both in the same file.</source>
        <translation>Das Profil „%1“ hat aws_access_key_id in %2, aber aws_secret_access_key in %3; die AWS CLI benötigt beide in derselben Datei.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has aws_secret_access_key but no aws_access_key_id.</source>
        <translation>Das Profil „%1“ hat aws_secret_access_key, aber kein aws_access_key_id.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has aws_access_key_id but no aws_secret_access_key.</source>
        <translation>Das Profil „%1“ hat aws_access_key_id, aber kein aws_secret_access_key.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; does not exist in the config or credentials file.</source>
        <translation>Das Profil „%1“ existiert weder in der Konfigurations- noch in der Anmeldeinformationsdatei.</translation>
    </message>
    <message>
        <source>The services section &quot;%1&quot; named by profile &quot;%2&quot; does not exist.</source>
        <translation>Der vom Profil „%2“ genannte services-Abschnitt „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>Access keys of %1 from the keychain</source>
        <translation>Zugriffsschlüssel von %1 aus dem Schlüsselbund</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::KeyStore</name>
    <message>
        <source>Cannot read the list of profiles with keys in the keychain, %1: %2</source>
        <translation>Die Liste der Profile mit Schlüsseln im Schlüsselbund (%1) kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The list of profiles with keys in the keychain, %1, is damaged. Delete it: the keys stay in the keychain, and &apos;rolecall-cli keychain add&apos; or &apos;import&apos; lists a profile again.</source>
        <translation>Die Liste der Profile mit Schlüsseln im Schlüsselbund (%1) ist beschädigt. Löschen Sie sie: Die Schlüssel bleiben im Schlüsselbund, und &apos;rolecall-cli keychain add&apos; oder &apos;import&apos; trägt ein Profil wieder in die Liste ein.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the list of keychain profiles.</source>
        <translation>Der Ordner %1 für die Liste der Schlüsselbund-Profile kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot write the list of keychain profiles %1: %2</source>
        <translation>Die Liste der Schlüsselbund-Profile %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot make %1 private (mode 0600): %2</source>
        <translation>%1 kann nicht auf den eigenen Benutzer beschränkt werden (Modus 0600): %2</translation>
    </message>
    <message>
        <source>need a profile name, an access key ID and a secret access key.</source>
        <translation>erfordern einen Profilnamen, eine Zugriffsschlüssel-ID und einen geheimen Zugriffsschlüssel.</translation>
    </message>
    <message>
        <source>The keys of profile %1 are no longer in the keychain (%2): something outside Rolecall deleted them. Add them again with &apos;rolecall-cli keychain add --profile %1&apos;.</source>
        <translation>Die Schlüssel von Profil %1 sind nicht mehr im Schlüsselbund (%2): Etwas außerhalb von Rolecall hat sie gelöscht. Fügen Sie sie mit &apos;rolecall-cli keychain add --profile %1&apos; erneut hinzu.</translation>
    </message>
    <message>
        <source>The keychain holds only part of the keys of profile %1. Add them again with &apos;rolecall-cli keychain add --profile %1&apos;.</source>
        <translation>Der Schlüsselbund enthält nur einen Teil der Schlüssel von Profil %1. Fügen Sie sie mit &apos;rolecall-cli keychain add --profile %1&apos; erneut hinzu.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::KeychainImport</name>
    <message>
        <source>[%1] in %2 has no aws_access_key_id and aws_secret_access_key: there is nothing to import.</source>
        <translation>[%1] in %2 enthält kein Paar aus aws_access_key_id und aws_secret_access_key: Es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>The keychain gave back other keys for %1 than were stored; nothing else was changed.</source>
        <translation>Der Schlüsselbund hat für %1 andere Schlüssel zurückgegeben als gespeichert wurden; sonst wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::KeychainSecretStore</name>
    <message>
        <source>Could not read %1 from the keychain</source>
        <translation>%1 konnte nicht aus dem Schlüsselbund gelesen werden</translation>
    </message>
    <message>
        <source>Could not store %1 in the keychain</source>
        <translation>%1 konnte nicht im Schlüsselbund gespeichert werden</translation>
    </message>
    <message>
        <source>Could not remove %1 from the keychain</source>
        <translation>%1 konnte nicht aus dem Schlüsselbund entfernt werden</translation>
    </message>
    <message>
        <source>The keychain failed (%1 of %2)</source>
        <translation>Fehler im Schlüsselbund (%1 von %2)</translation>
    </message>
    <message>
        <source>Check the login keychain in Keychain Access, or use memory-only mode.</source>
        <translation>Prüfen Sie den Schlüsselbund „Anmeldung“ in der Schlüsselbundverwaltung oder verwenden Sie den Modus „nur Arbeitsspeicher“.</translation>
    </message>
    <message>
        <source>Check the Windows Credential Manager, or use memory-only mode.</source>
        <translation>Prüfen Sie die Windows-Anmeldeinformationsverwaltung oder verwenden Sie den Modus „nur Arbeitsspeicher“.</translation>
    </message>
    <message>
        <source>Make sure a Secret Service provider such as gnome-keyring or KWallet is installed and running in this session (and that libsecret is installed), or use memory-only mode.</source>
        <translation>Stellen Sie sicher, dass ein Secret-Service-Anbieter wie gnome-keyring oder KWallet installiert ist und in dieser Sitzung läuft (und dass libsecret installiert ist), oder verwenden Sie den Modus „nur Arbeitsspeicher“.</translation>
    </message>
    <message numerus="yes">
        <source>no answer within %n second(s). The keychain may be waiting for you to unlock it; unlock it and try again.</source>
        <translation>
            <numerusform>keine Antwort innerhalb von %n Sekunde. Der Schlüsselbund wartet möglicherweise darauf, dass Sie ihn entsperren; entsperren Sie ihn und versuchen Sie es erneut.</numerusform>
            <numerusform>keine Antwort innerhalb von %n Sekunden. Der Schlüsselbund wartet möglicherweise darauf, dass Sie ihn entsperren; entsperren Sie ihn und versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation>Secret Service</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>keine Details</translation>
    </message>
    <message>
        <source>%1: no keychain found (%2). Install or enable a Secret Service provider such as gnome-keyring or KWallet, or use memory-only mode.</source>
        <translation>%1: kein Schlüsselbund gefunden (%2). Installieren oder aktivieren Sie einen Secret-Service-Anbieter wie gnome-keyring oder KWallet, oder verwenden Sie den Modus „nur Arbeitsspeicher“.</translation>
    </message>
    <message>
        <source>%1: the keyring is locked or access to it was denied (%2). Unlock it (your desktop&apos;s passwords and keys manager, or sign in again) and try again.</source>
        <translation>%1: Der Schlüsselbund ist gesperrt oder der Zugriff wurde verweigert (%2). Entsperren Sie ihn (über die Passwort- und Schlüsselverwaltung Ihrer Arbeitsumgebung oder durch erneutes Anmelden) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1: the keychain refused to delete the entry (%2). Unlock the keyring and try again.</source>
        <translation>%1: Der Schlüsselbund hat das Löschen des Eintrags verweigert (%2). Entsperren Sie den Schlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1: there is no such entry.</source>
        <translation>%1: Dieser Eintrag existiert nicht.</translation>
    </message>
    <message>
        <source>%1: QtKeychain does not support this keychain (%2). Use memory-only mode.</source>
        <translation>%1: QtKeychain unterstützt diesen Schlüsselbund nicht (%2). Verwenden Sie den Modus „nur Arbeitsspeicher“.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>The keychain did not give back what was stored in it (%1): it is not usable. Use memory-only mode.</source>
        <translation>Der Schlüsselbund hat nicht zurückgegeben, was darin gespeichert wurde (%1): Er ist nicht verwendbar. Verwenden Sie den Modus „nur Arbeitsspeicher“.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::MemorySecretStore</name>
    <message>
        <source>memory only</source>
        <translation>nur Arbeitsspeicher</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::SessionCache</name>
    <message>
        <source>The keychain did not answer within %1 seconds. Unlock it and try again.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 Sekunden geantwortet. Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>session cache</source>
        <translation>Sitzungs-Cache</translation>
    </message>
    <message>
        <source>session index</source>
        <translation>Sitzungsindex</translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the session index.</source>
        <translation>Der Ordner %1 für den Sitzungsindex konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Could not write the session index %1: %2</source>
        <translation>Der Sitzungsindex %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not make the session index %1 private to you (mode 0600).</source>
        <translation>Der Sitzungsindex %1 konnte nicht auf Ihren Benutzer beschränkt werden (Modus 0600).</translation>
    </message>
    <message>
        <source>The session has no cache key.</source>
        <translation>Die Sitzung hat keinen Cache-Schlüssel.</translation>
    </message>
    <message>
        <source>Only temporary credentials with an expiry are cached.</source>
        <translation>Nur temporäre Anmeldeinformationen mit Ablaufzeit werden zwischengespeichert.</translation>
    </message>
    <message>
        <source>The session has already expired.</source>
        <translation>Die Sitzung ist bereits abgelaufen.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Sts::Parsing</name>
    <message>
        <source>the XML is nested too deeply</source>
        <translation>das XML ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>malformed XML at line %1: %2</source>
        <translation>fehlerhaftes XML in Zeile %1: %2</translation>
    </message>
    <message>
        <source>the response is empty</source>
        <translation>die Antwort ist leer</translation>
    </message>
    <message>
        <source>expected %1Response, got &lt;%2&gt;</source>
        <translation>%1Response erwartet, &lt;%2&gt; erhalten</translation>
    </message>
    <message>
        <source>the response has no %1</source>
        <translation>die Antwort enthält kein %1</translation>
    </message>
    <message>
        <source>the credentials&apos; expiration &quot;%1&quot; is not a valid timestamp</source>
        <translation>die Ablaufzeit der Anmeldeinformationen („%1“) ist kein gültiger Zeitstempel</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Sts::StsClient</name>
    <message>
        <source>No AWS credentials to sign the request with. Choose a profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
        <translation>Keine AWS-Anmeldeinformationen zum Signieren der Anfrage. Wählen Sie ein Profil oder setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY.</translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation>die Antwort ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>Cannot read the CA bundle %1: %2</source>
        <translation>Das CA-Bundle %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The CA bundle %1 holds no PEM certificates.</source>
        <translation>Das CA-Bundle %1 enthält keine PEM-Zertifikate.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Sts::Validation</name>
    <message>
        <source>is required.</source>
        <translation>ist erforderlich.</translation>
    </message>
    <message>
        <source>must be %1 to %2 characters long (it is %3).</source>
        <translation>muss %1 bis %2 Zeichen lang sein (aktuell %3).</translation>
    </message>
    <message>
        <source>may contain only %1.</source>
        <translation>darf nur %1 enthalten.</translation>
    </message>
    <message>
        <source>letters, digits and + = , . @ _ -</source>
        <translation>Buchstaben, Ziffern und + = , . @ _ -</translation>
    </message>
    <message>
        <source>must be an ARN such as arn:aws:iam::123456789012:role/Name.</source>
        <translation>muss ein ARN sein, z. B. arn:aws:iam::123456789012:role/Name.</translation>
    </message>
    <message>
        <source>must be between %1 and %2 seconds (it is %3).</source>
        <translation>muss zwischen %1 und %2 Sekunden liegen (aktuell %3).</translation>
    </message>
    <message>
        <source>may list at most 10 managed policies (it lists %1).</source>
        <translation>darf höchstens 10 verwaltete Richtlinien enthalten (aktuell %1).</translation>
    </message>
    <message>
        <source>may contain only printable Latin-1 characters, tabs and line breaks.</source>
        <translation>darf nur druckbare Latin-1-Zeichen, Tabulatoren und Zeilenumbrüche enthalten.</translation>
    </message>
    <message>
        <source>must be at most 2048 characters (it is %1).</source>
        <translation>darf höchstens 2048 Zeichen lang sein (aktuell %1).</translation>
    </message>
    <message>
        <source>and the policy ARNs together must be at most 2048 characters (they are %1).</source>
        <translation>und die Richtlinien-ARNs dürfen zusammen höchstens 2048 Zeichen lang sein (aktuell %1).</translation>
    </message>
    <message>
        <source>may hold at most 50 tags (it holds %1).</source>
        <translation>darf höchstens 50 Tags enthalten (aktuell %1).</translation>
    </message>
    <message>
        <source>has a tag key that is not 1 to 128 characters long: &quot;%1&quot;.</source>
        <translation>enthält einen Tag-Schlüssel, der nicht 1 bis 128 Zeichen lang ist: „%1“.</translation>
    </message>
    <message>
        <source>has a value longer than 256 characters for tag &quot;%1&quot;.</source>
        <translation>enthält für das Tag „%1“ einen Wert, der länger als 256 Zeichen ist.</translation>
    </message>
    <message>
        <source>tag &quot;%1&quot; may contain only letters, digits, spaces and _ . : / = + - @.</source>
        <translation>(Tag „%1“) darf nur Buchstaben, Ziffern, Leerzeichen und _ . : / = + - @ enthalten.</translation>
    </message>
    <message>
        <source>has the key &quot;%1&quot; twice; tag keys are case-insensitive.</source>
        <translation>enthält den Schlüssel „%1“ doppelt; bei Tag-Schlüsseln wird die Groß-/Kleinschreibung nicht unterschieden.</translation>
    </message>
    <message>
        <source>letters, digits and + = / : , . @ _ -</source>
        <translation>Buchstaben, Ziffern und + = / : , . @ _ -</translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation>muss aus genau sechs Ziffern bestehen.</translation>
    </message>
    <message>
        <source>is required with a TokenCode (the MFA device&apos;s ARN or serial).</source>
        <translation>ist bei Angabe eines TokenCode erforderlich (ARN oder Seriennummer des MFA-Geräts).</translation>
    </message>
    <message>
        <source>is required with a SerialNumber: enter the six-digit MFA code.</source>
        <translation>ist bei Angabe einer SerialNumber erforderlich: Geben Sie den sechsstelligen MFA-Code ein.</translation>
    </message>
    <message>
        <source>may list at most 50 keys.</source>
        <translation>darf höchstens 50 Schlüssel enthalten.</translation>
    </message>
    <message>
        <source>names &quot;%1&quot;, which is not one of the session tags.</source>
        <translation>nennt „%1“, das keines der Sitzungs-Tags ist.</translation>
    </message>
    <message>
        <source>letters, digits and + = , . @ : / _ -</source>
        <translation>Buchstaben, Ziffern und + = , . @ : / _ -</translation>
    </message>
    <message>
        <source>must not start with &quot;aws:&quot;.</source>
        <translation>darf nicht mit „aws:“ beginnen.</translation>
    </message>
    <message>
        <source>may hold at most 5 contexts.</source>
        <translation>darf höchstens 5 Kontexte enthalten.</translation>
    </message>
    <message>
        <source>letters and digits</source>
        <translation>Buchstaben und Ziffern</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::TerminalMfaPrompter</name>
    <message>
        <source>Another MFA prompt is already open.</source>
        <translation>Eine andere MFA-Abfrage ist bereits geöffnet.</translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed, and there is no terminal to read it from.</source>
        <translation>Für %1 wird ein MFA-Code benötigt, aber es gibt kein Terminal, von dem er gelesen werden kann.</translation>
    </message>
    <message>
        <source>MFA code for %1 (%2): </source>
        <translation>MFA-Code für %1 (%2): </translation>
    </message>
    <message>
        <source>MFA code for %1</source>
        <translation>MFA-Code für %1</translation>
    </message>
    <message numerus="yes">
        <source>The last code of %1 was already used; waiting %n second(s) for the next one…
</source>
        <translation>
            <numerusform>Der letzte Code von %1 wurde bereits verwendet; nächster Code in %n Sekunde…
</numerusform>
            <numerusform>Der letzte Code von %1 wurde bereits verwendet; nächster Code in %n Sekunden…
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::WebIdentityToken</name>
    <message>
        <source>Web identity token</source>
        <translation>Web-Identitätstoken</translation>
    </message>
    <message>
        <source>No web identity token file is configured. Set web_identity_token_file in the profile or AWS_WEB_IDENTITY_TOKEN_FILE.</source>
        <translation>Es ist keine Web-Identitätstoken-Datei konfiguriert. Setzen Sie web_identity_token_file im Profil oder AWS_WEB_IDENTITY_TOKEN_FILE.</translation>
    </message>
    <message>
        <source>The token file %1 does not exist. Check web_identity_token_file or AWS_WEB_IDENTITY_TOKEN_FILE, and that the token is mounted.</source>
        <translation>Die Token-Datei %1 existiert nicht. Prüfen Sie web_identity_token_file bzw. AWS_WEB_IDENTITY_TOKEN_FILE und ob das Token eingehängt ist.</translation>
    </message>
    <message>
        <source>%1 is not a regular file; it cannot be a web identity token file.</source>
        <translation>%1 ist keine reguläre Datei und kann daher keine Web-Identitätstoken-Datei sein.</translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>Die Token-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The token file %1 is larger than %2 bytes; it is not a web identity token.</source>
        <translation>Die Token-Datei %1 ist größer als %2 Bytes; sie enthält kein Web-Identitätstoken.</translation>
    </message>
    <message>
        <source>The token file %1 is empty. The identity provider has not written a token yet.</source>
        <translation>Die Token-Datei %1 ist leer. Der Identitätsanbieter hat noch kein Token geschrieben.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::AboutDialog</name>
    <message>
        <source>About Rolecall</source>
        <translation>Über Rolecall</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Rolecall %1&lt;/h2&gt;&lt;p&gt;Switch AWS roles fast: profiles, MFA, temporary credentials and console sign-in.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br&gt;%4&lt;br&gt;QtKeychain %5&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Rolecall %1&lt;/h2&gt;&lt;p&gt;Schnell zwischen AWS-Rollen wechseln: Profile, MFA, temporäre Anmeldeinformationen und Konsolenanmeldung.&lt;/p&gt;&lt;p&gt;Lizenziert unter der Apache License 2.0.&lt;/p&gt;&lt;p&gt;Qt %2 (kompiliert mit %3)&lt;br&gt;%4&lt;br&gt;QtKeychain %5&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::AccessKeyDialog</name>
    <message>
        <source>Access key info</source>
        <translation>Zugriffsschlüssel-Info</translation>
    </message>
    <message>
        <source>Access key id or ARN</source>
        <translation>Zugriffsschlüssel-ID oder ARN</translation>
    </message>
    <message>
        <source>AKIA…, ASIA…, arn:aws:iam::123456789012:role/Name or 123456789012</source>
        <translation>AKIA…, ASIA…, arn:aws:iam::123456789012:role/Name oder 123456789012</translation>
    </message>
    <message>
        <source>&amp;Key id or ARN:</source>
        <translation>&amp;Schlüssel-ID oder ARN:</translation>
    </message>
    <message>
        <source>Profile to ask AWS with</source>
        <translation>Profil für die Abfrage bei AWS</translation>
    </message>
    <message>
        <source>A key id is looked up with GetAccessKeyInfo, signed as this profile</source>
        <translation>Eine Schlüssel-ID wird mit GetAccessKeyInfo nachgeschlagen, signiert mit diesem Profil</translation>
    </message>
    <message>
        <source>Ask &amp;with:</source>
        <translation>&amp;Abfragen mit:</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>&amp;Nachschlagen</translation>
    </message>
    <message>
        <source>Look up the account</source>
        <translation>Konto nachschlagen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Local &amp;profiles in this account:</source>
        <translation>Lokale &amp;Profile in diesem Konto:</translation>
    </message>
    <message>
        <source>Local profiles in this account</source>
        <translation>Lokale Profile in diesem Konto</translation>
    </message>
    <message>
        <source>Looking up a key id needs a profile to sign the request with; there is none.</source>
        <translation>Zum Nachschlagen einer Schlüssel-ID wird ein Profil zum Signieren der Anfrage benötigt; es ist keines vorhanden.</translation>
    </message>
    <message>
        <source>Asking AWS…</source>
        <translation>AWS wird abgefragt…</translation>
    </message>
    <message>
        <source>Account &lt;b&gt;%1&lt;/b&gt;. No local profile belongs to it.</source>
        <translation>Konto &lt;b&gt;%1&lt;/b&gt;. Kein lokales Profil gehört dazu.</translation>
    </message>
    <message numerus="yes">
        <source>Account &lt;b&gt;%1&lt;/b&gt;: %n local profile(s).</source>
        <translation>
            <numerusform>Konto &lt;b&gt;%1&lt;/b&gt;: %n lokales Profil.</numerusform>
            <numerusform>Konto &lt;b&gt;%1&lt;/b&gt;: %n lokale Profile.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::ConsoleMenu</name>
    <message>
        <source>Console home</source>
        <translation>Konsolen-Startseite</translation>
    </message>
    <message>
        <source>In the profile&apos;s region</source>
        <translation>In der Region des Profils</translation>
    </message>
    <message>
        <source>A service…</source>
        <translation>Dienst…</translation>
    </message>
    <message>
        <source>Open a console service</source>
        <translation>Konsolendienst öffnen</translation>
    </message>
    <message>
        <source>Service (ec2, s3, iam, cloudwatch, …):</source>
        <translation>Dienst (ec2, s3, iam, cloudwatch, …):</translation>
    </message>
    <message>
        <source>Sign out of the current console first</source>
        <translation>Zuerst von der aktuellen Konsole abmelden</translation>
    </message>
    <message>
        <source>&amp;Open console</source>
        <translation>K&amp;onsole öffnen</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::CopyMenu</name>
    <message>
        <source>&amp;Copy credentials as</source>
        <translation>Anmeldeinformationen &amp;kopieren als</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::DecodeDialog</name>
    <message>
        <source>Decode authorization message</source>
        <translation>Autorisierungsmeldung dekodieren</translation>
    </message>
    <message>
        <source>Profile to decode with</source>
        <translation>Profil zum Dekodieren</translation>
    </message>
    <message>
        <source>Decode &amp;with:</source>
        <translation>Dekodieren m&amp;it:</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <source>Paste the whole error, e.g. &quot;… Encoded authorization failure message: 4Fz…&quot;</source>
        <translation>Fügen Sie den vollständigen Fehler ein, z. B. „… Encoded authorization failure message: 4Fz…“</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Meldung:</translation>
    </message>
    <message>
        <source>&amp;Decode</source>
        <translation>&amp;Dekodieren</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Condition keys and values</source>
        <translation>Bedingungsschlüssel und -werte</translation>
    </message>
    <message>
        <source>Condition key</source>
        <translation>Bedingungsschlüssel</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Decoded JSON</source>
        <translation>Dekodiertes JSON</translation>
    </message>
    <message>
        <source>&amp;Copy JSON</source>
        <translation>JSON &amp;kopieren</translation>
    </message>
    <message>
        <source>Decoding…</source>
        <translation>Wird dekodiert…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Principal:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Prinzipal:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Action:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Aktion:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Resource:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Ressource:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Matched:&lt;/b&gt; %1 %2 — %3 on %4</source>
        <translation>&lt;b&gt;Zutreffend:&lt;/b&gt; %1 %2 — %3 für %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Failures:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Fehler:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::DetailsPane</name>
    <message>
        <source>Credential chain</source>
        <translation>Anmeldeinformationskette</translation>
    </message>
    <message>
        <source>Session state</source>
        <translation>Sitzungsstatus</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Problems in the config files</source>
        <translation>Probleme in den Konfigurationsdateien</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stops getting credentials for this profile</source>
        <translation>Bricht das Abrufen von Anmeldeinformationen für dieses Profil ab</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chain&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kette&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No profile selected</source>
        <translation>Kein Profil ausgewählt</translation>
    </message>
    <message>
        <source>Type to search; Enter assumes the selected profile.</source>
        <translation>Tippen Sie, um zu suchen; die Eingabetaste übernimmt das ausgewählte Profil.</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>needs MFA</source>
        <translation>erfordert MFA</translation>
    </message>
    <message>
        <source>This profile has no credentials.</source>
        <translation>Dieses Profil hat keine Anmeldeinformationen.</translation>
    </message>
    <message>
        <source>Role ARN</source>
        <translation>Rollen-ARN</translation>
    </message>
    <message>
        <source>Source profile</source>
        <translation>Quellprofil</translation>
    </message>
    <message>
        <source>Credential source</source>
        <translation>Anmeldeinformationsquelle</translation>
    </message>
    <message>
        <source>MFA device</source>
        <translation>MFA-Gerät</translation>
    </message>
    <message>
        <source>External ID</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <source>Session name</source>
        <translation>Sitzungsname</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Defined in</source>
        <translation>Definiert in</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems in the config files&lt;/b&gt;</source>
        <translation>&lt;b&gt;Probleme in den Konfigurationsdateien&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No active session</source>
        <translation>Keine aktive Sitzung</translation>
    </message>
    <message>
        <source>Session active: %1</source>
        <translation>Sitzung aktiv: %1</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::DialogActions</name>
    <message>
        <source>&amp;New role profile…</source>
        <translation>&amp;Neues Rollenprofil…</translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation>Profil &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>%1 is not a role profile; the editor edits role profiles. For keys, use Add IAM user or Import plaintext keys.</source>
        <translation>%1 ist kein Rollenprofil; der Editor bearbeitet nur Rollenprofile. Verwenden Sie für Schlüssel „IAM-Benutzer hinzufügen“ oder „Klartextschlüssel importieren“.</translation>
    </message>
    <message>
        <source>Add &amp;IAM user…</source>
        <translation>&amp;IAM-Benutzer hinzufügen…</translation>
    </message>
    <message>
        <source>Import &amp;plaintext keys…</source>
        <translation>Klartextschlüssel im&amp;portieren…</translation>
    </message>
    <message>
        <source>Unavailable: Rolecall has no OS keychain to store keys in (no Secret Service provider such as gnome-keyring or KWallet is running).</source>
        <translation>Nicht verfügbar: Rolecall hat keinen Schlüsselbund des Betriebssystems zum Speichern von Schlüsseln (es läuft kein Secret-Service-Anbieter wie gnome-keyring oder KWallet).</translation>
    </message>
    <message>
        <source>&amp;Decode authorization message…</source>
        <translation>&amp;Autorisierungsmeldung dekodieren…</translation>
    </message>
    <message>
        <source>Access &amp;key info…</source>
        <translation>&amp;Zugriffsschlüssel-Info…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation>%1 in %2 gespeichert.</translation>
    </message>
    <message>
        <source>&amp;About Rolecall</source>
        <translation>&amp;Über Rolecall</translation>
    </message>
    <message>
        <source>&amp;Write to credentials file as…</source>
        <translation>In Anmeldeinformationsdatei &amp;schreiben als…</translation>
    </message>
    <message>
        <source>%1 has no session to write: assume it first (Enter).</source>
        <translation>%1 hat keine Sitzung zum Schreiben: übernehmen Sie die Rolle zuerst (Eingabetaste).</translation>
    </message>
    <message>
        <source>Write to credentials file</source>
        <translation>In Anmeldeinformationsdatei schreiben</translation>
    </message>
    <message>
        <source>Write the session of %1 into %2 as the profile:</source>
        <translation>Die Sitzung von %1 in %2 schreiben als Profil:</translation>
    </message>
    <message>
        <source>Profile name for the written session</source>
        <translation>Profilname für die geschriebene Sitzung</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::GuiMfaPrompter</name>
    <message>
        <source>MFA</source>
        <translation>MFA</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::IamUserDialog</name>
    <message>
        <source>Add IAM user</source>
        <translation>IAM-Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>The keys go into the OS keychain, never into a file. The profile gets a credential_process line so the AWS CLI and SDKs can use them too.</source>
        <translation>Die Schlüssel werden im Schlüsselbund des Betriebssystems gespeichert, niemals in einer Datei. Das Profil erhält eine credential_process-Zeile, damit auch die AWS CLI und die SDKs sie verwenden können.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>&amp;Zugriffsschlüssel-ID:</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Geheimer Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>&amp;Region (optional):</source>
        <translation>&amp;Region (optional):</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>&amp;MFA device (optional):</source>
        <translation>&amp;MFA-Gerät (optional):</translation>
    </message>
    <message>
        <source>MFA device</source>
        <translation>MFA-Gerät</translation>
    </message>
    <message>
        <source>Storing the keys in the keychain… (it may ask you to unlock it)</source>
        <translation>Schlüssel werden im Schlüsselbund gespeichert… (möglicherweise müssen Sie ihn entsperren)</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::ImportKeysDialog</name>
    <message>
        <source>Import plaintext keys</source>
        <translation>Klartextschlüssel importieren</translation>
    </message>
    <message>
        <source>Copies a profile&apos;s keys from %1 into the OS keychain and reads them back.</source>
        <translation>Kopiert die Schlüssel eines Profils aus %1 in den Schlüsselbund des Betriebssystems und liest sie zur Kontrolle zurück.</translation>
    </message>
    <message>
        <source>Profile with plaintext keys</source>
        <translation>Profil mit Klartextschlüsseln</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>&amp;Remove them from the file and leave credential_process in their place</source>
        <translation>Aus der Datei &amp;entfernen und stattdessen credential_process eintragen</translation>
    </message>
    <message>
        <source>Remove the plaintext keys from the file</source>
        <translation>Klartextschlüssel aus der Datei entfernen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>No profile in %1 has plaintext keys: nothing to import.</source>
        <translation>Kein Profil in %1 hat Klartextschlüssel: Es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>Storing the keys in the keychain… (it may ask you to unlock it)</source>
        <translation>Schlüssel werden im Schlüsselbund gespeichert… (möglicherweise müssen Sie ihn entsperren)</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::MainWindow</name>
    <message>
        <source>Rolecall</source>
        <translation>Rolecall</translation>
    </message>
    <message>
        <source>Search profiles, accounts, roles, regions (Ctrl+F)</source>
        <translation>Profile, Konten, Rollen, Regionen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search profiles</source>
        <translation>Profile durchsuchen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Filters as you type; Enter assumes the best match</source>
        <translation>Filtert während der Eingabe; die Eingabetaste übernimmt den besten Treffer</translation>
    </message>
    <message>
        <source>Profiles by account</source>
        <translation>Profile nach Konto</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>%n Profil</numerusform>
            <numerusform>%n Profile</numerusform>
        </translation>
    </message>
    <message>
        <source>Assumed %1.</source>
        <translation>%1 übernommen.</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>&amp;Assume</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Get credentials for the selected profile (Enter)</source>
        <translation>Anmeldeinformationen für das ausgewählte Profil abrufen (Eingabetaste)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Erneuern</translation>
    </message>
    <message>
        <source>Get a fresh session (F5)</source>
        <translation>Neue Sitzung abrufen (F5)</translation>
    </message>
    <message>
        <source>&amp;Forget session</source>
        <translation>Sitzung &amp;vergessen</translation>
    </message>
    <message>
        <source>Toggle fa&amp;vourite</source>
        <translation>&amp;Favorit umschalten</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message numerus="yes">
        <source>Copied; the clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Kopiert; die Zwischenablage wird in %n Sekunde geleert.</numerusform>
            <numerusform>Kopiert; die Zwischenablage wird in %n Sekunden geleert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::MfaDialog</name>
    <message>
        <source>MFA code for %1</source>
        <translation>MFA-Code für %1</translation>
    </message>
    <message>
        <source>Enter the six-digit code of &lt;b&gt;%1&lt;/b&gt; for profile &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Geben Sie den sechsstelligen Code von &lt;b&gt;%1&lt;/b&gt; für das Profil &lt;b&gt;%2&lt;/b&gt; ein.</translation>
    </message>
    <message>
        <source>MFA code</source>
        <translation>MFA-Code</translation>
    </message>
    <message>
        <source>Six digits; the dialog submits on the sixth</source>
        <translation>Sechs Ziffern; der Dialog wird nach der sechsten automatisch abgeschickt</translation>
    </message>
    <message numerus="yes">
        <source>The last code was already used. Waiting for the next one: %n s.</source>
        <translation>
            <numerusform>Der letzte Code wurde bereits verwendet. Warten auf den nächsten: %n s.</numerusform>
            <numerusform>Der letzte Code wurde bereits verwendet. Warten auf den nächsten: %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::ProfileEditorDialog</name>
    <message>
        <source>New role profile</source>
        <translation>Neues Rollenprofil</translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation>Profil %1 bearbeiten</translation>
    </message>
    <message>
        <source>Saved to %1; every other line of the file stays as it is.</source>
        <translation>Wird in %1 gespeichert; alle anderen Zeilen der Datei bleiben unverändert.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <source>e.g. acme-prod-admin</source>
        <translation>z. B. acme-prod-admin</translation>
    </message>
    <message>
        <source>&amp;Role ARN:</source>
        <translation>&amp;Rollen-ARN:</translation>
    </message>
    <message>
        <source>&amp;Source profile:</source>
        <translation>&amp;Quellprofil:</translation>
    </message>
    <message>
        <source>&amp;MFA device:</source>
        <translation>&amp;MFA-Gerät:</translation>
    </message>
    <message>
        <source>E&amp;xternal ID:</source>
        <translation>E&amp;xterne ID:</translation>
    </message>
    <message>
        <source>only when the role&apos;s trust policy asks for one</source>
        <translation>nur wenn die Vertrauensrichtlinie der Rolle eine verlangt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>%1 to %2 seconds; empty: the app&apos;s default</source>
        <translation>%1 bis %2 Sekunden; leer: Standard der App</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>Re&amp;gion:</translation>
    </message>
    <message>
        <source>default: rolecall-&lt;user&gt;</source>
        <translation>Standard: rolecall-&lt;benutzer&gt;</translation>
    </message>
    <message>
        <source>Session &amp;tags:</source>
        <translation>Sitzungs-&amp;Tags:</translation>
    </message>
    <message>
        <source>Source &amp;identity:</source>
        <translation>Q&amp;uellidentität:</translation>
    </message>
    <message>
        <source>e.g. your user name</source>
        <translation>z. B. Ihr Benutzername</translation>
    </message>
    <message>
        <source>Session &amp;policy ARNs:</source>
        <translation>&amp;Sitzungsrichtlinien-ARNs:</translation>
    </message>
    <message>
        <source>STS &amp;endpoint URL:</source>
        <translation>STS-&amp;Endpunkt-URL:</translation>
    </message>
    <message>
        <source>the region&apos;s endpoint (leave empty)</source>
        <translation>Endpunkt der Region (leer lassen)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>%1 must look like key1=value1,key2=value2.</source>
        <translation>%1 muss die Form key1=value1,key2=value2 haben.</translation>
    </message>
    <message>
        <source>Sessi&amp;on name:</source>
        <translation>Sit&amp;zungsname:</translation>
    </message>
    <message>
        <source>Transiti&amp;ve tag keys:</source>
        <translation>Transiti&amp;ve Tag-Schlüssel:</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::SessionsDock</name>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation>Aktive Sitzungen</translation>
    </message>
    <message>
        <source>Active sessions with time left</source>
        <translation>Aktive Sitzungen mit Restzeit</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Erneuern</translation>
    </message>
    <message>
        <source>Refresh the selected session</source>
        <translation>Ausgewählte Sitzung erneuern</translation>
    </message>
    <message>
        <source>For&amp;get</source>
        <translation>&amp;Vergessen</translation>
    </message>
    <message>
        <source>Forget the selected session</source>
        <translation>Ausgewählte Sitzung vergessen</translation>
    </message>
    <message>
        <source>&amp;Auto-refresh</source>
        <translation>&amp;Automatisch erneuern</translation>
    </message>
    <message>
        <source>Refresh the selected session before it expires</source>
        <translation>Ausgewählte Sitzung vor Ablauf erneuern</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Erneuern (F5)</translation>
    </message>
    <message>
        <source>Forget (Delete)</source>
        <translation>Vergessen (Entf)</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default durations</source>
        <translation>Standarddauer</translation>
    </message>
    <message>
        <source>Role session duration in minutes</source>
        <translation>Dauer von Rollensitzungen in Minuten</translation>
    </message>
    <message>
        <source>Used for roles whose profile sets no duration_seconds; chained roles get at most an hour</source>
        <translation>Gilt für Rollen, deren Profil kein duration_seconds festlegt; verkettete Rollen erhalten höchstens eine Stunde</translation>
    </message>
    <message>
        <source>&amp;Role sessions:</source>
        <translation>&amp;Rollensitzungen:</translation>
    </message>
    <message>
        <source>MFA session token duration in minutes</source>
        <translation>Dauer von MFA-Sitzungstoken in Minuten</translation>
    </message>
    <message>
        <source>MFA &amp;session tokens:</source>
        <translation>MFA-&amp;Sitzungstoken:</translation>
    </message>
    <message>
        <source>Console session duration in minutes</source>
        <translation>Dauer von Konsolensitzungen in Minuten</translation>
    </message>
    <message>
        <source>&amp;Console sign-in:</source>
        <translation>&amp;Konsolenanmeldung:</translation>
    </message>
    <message>
        <source>Sessions and clipboard</source>
        <translation>Sitzungen und Zwischenablage</translation>
    </message>
    <message>
        <source>Clear c&amp;lipboard after:</source>
        <translation>&amp;Zwischenablage leeren nach:</translation>
    </message>
    <message>
        <source>&amp;Warn before expiry:</source>
        <translation>Vor Ablauf &amp;warnen:</translation>
    </message>
    <message>
        <source>Auto-refresh new sessions</source>
        <translation>Neue Sitzungen automatisch erneuern</translation>
    </message>
    <message>
        <source>The default for new sessions; the Sessions view switches it per session. Sessions that need MFA ask once, one at a time.</source>
        <translation>Standard für neue Sitzungen; in der Sitzungsansicht lässt sich das pro Sitzung umschalten. Sitzungen, die MFA erfordern, fragen einmal nach dem Code, eine nach der anderen.</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Browser command</source>
        <translation>Browser-Befehl</translation>
    </message>
    <message>
        <source>System default browser — or e.g. firefox -P work %u</source>
        <translation>Standardbrowser des Systems – oder z. B. firefox -P work %u</translation>
    </message>
    <message>
        <source>&amp;Browser command:</source>
        <translation>&amp;Browser-Befehl:</translation>
    </message>
    <message>
        <source>Federation endpoint override</source>
        <translation>Abweichender Verbundendpunkt</translation>
    </message>
    <message>
        <source>The partition&apos;s endpoint (leave empty)</source>
        <translation>Endpunkt der Partition (leer lassen)</translation>
    </message>
    <message>
        <source>&amp;Federation endpoint:</source>
        <translation>&amp;Verbundendpunkt:</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Takes effect when Rolecall starts again.</source>
        <translation>Wird beim nächsten Start von Rolecall wirksam.</translation>
    </message>
    <message>
        <source>Closing the window &amp;keeps Rolecall in the tray</source>
        <translation>Rolecall beim Schließen des Fensters in der Systemleiste &amp;halten</translation>
    </message>
    <message>
        <source>Close to tray</source>
        <translation>Beim Schließen in der Systemleiste bleiben</translation>
    </message>
    <message>
        <source>Start &amp;minimized</source>
        <translation>&amp;Minimiert starten</translation>
    </message>
    <message>
        <source>Start minimized</source>
        <translation>Minimiert starten</translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation>Diese Arbeitsumgebung hat keine Systemleiste.</translation>
    </message>
    <message>
        <source>Seconds before copied credentials are cleared</source>
        <translation>Sekunden, bis kopierte Anmeldeinformationen gelöscht werden</translation>
    </message>
    <message>
        <source>Minutes of warning before a session expires</source>
        <translation>Minuten Vorwarnung, bevor eine Sitzung abläuft</translation>
    </message>
    <message>
        <source>Refres&amp;h sessions before they expire</source>
        <translation>Sitzungen vor dem Ablauf erneuer&amp;n</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Spr&amp;ache:</translation>
    </message>
    <message>
        <source>Start Rolecall in the tray when I log &amp;in</source>
        <translation>Rolecall bei der Anmeldung &amp;im Infobereich starten</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Adds Rolecall to your desktop session&apos;s autostart programs.</source>
        <translation>Fügt Rolecall den Autostart-Programmen Ihrer Desktop-Sitzung hinzu.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::TrayIcon</name>
    <message>
        <source>Rolecall tray menu</source>
        <translation>Rolecall-Menü in der Systemleiste</translation>
    </message>
    <message>
        <source>Rolecall</source>
        <translation>Rolecall</translation>
    </message>
    <message>
        <source>&amp;Assume</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>&amp;Copy (env)</source>
        <translation>&amp;Kopieren (env)</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Vergessen</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation>Aktive Sitzungen</translation>
    </message>
    <message>
        <source>No active session</source>
        <translation>Keine aktive Sitzung</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation>Fenster &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message numerus="yes">
        <source>Rolecall — %n active session(s)</source>
        <translation>
            <numerusform>Rolecall — %n aktive Sitzung</numerusform>
            <numerusform>Rolecall — %n aktive Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open console</source>
        <translation>K&amp;onsole öffnen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Switch AWS roles fast.</source>
        <translation>Schnell zwischen AWS-Rollen wechseln.</translation>
    </message>
    <message>
        <source>User interface language (de, fr, en).</source>
        <translation>Sprache der Benutzeroberfläche (de, fr, en).</translation>
    </message>
    <message>
        <source>Quit after N milliseconds (smoke tests).</source>
        <translation>Nach N Millisekunden beenden (Smoke-Tests).</translation>
    </message>
    <message>
        <source>Command-line broker</source>
        <translation>Kommandozeilen-Broker</translation>
    </message>
</context>
</TS>
