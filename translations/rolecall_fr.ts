<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Error</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Rolecall::Cli::Cli</name>
    <message>
        <source>Inline session policy (JSON) from a file.</source>
        <translation>Politique de session en ligne (JSON) lue dans un fichier.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Managed session policy ARN (repeatable, up to 10).</source>
        <translation>ARN d&apos;une politique de session gérée (répétable, 10 au maximum).</translation>
    </message>
    <message>
        <source>arn</source>
        <translation>arn</translation>
    </message>
    <message>
        <source>Session duration in seconds.</source>
        <translation>Durée de la session en secondes.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Credential output: %1. Default: the AWS CLI&apos;s JSON.</source>
        <translation>Format de sortie des informations d&apos;identification&#xa0;: %1. Par défaut&#xa0;: le JSON de l&apos;AWS CLI.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>MFA device ARN or serial number.</source>
        <translation>ARN ou numéro de série du dispositif MFA.</translation>
    </message>
    <message>
        <source>Six-digit MFA code (asked for on a terminal when omitted).</source>
        <translation>Code MFA à six chiffres (demandé dans le terminal s&apos;il est omis).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Session tag KEY=VALUE (repeatable).</source>
        <translation>Balise de session CLÉ=VALEUR (répétable).</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>clé=valeur</translation>
    </message>
    <message>
        <source>Show the caller&apos;s account, ARN and user id (GetCallerIdentity).</source>
        <translation>Afficher le compte, l&apos;ARN et l&apos;ID utilisateur de l&apos;appelant (GetCallerIdentity).</translation>
    </message>
    <message>
        <source>Assume a role (AssumeRole).</source>
        <translation>Assumer un rôle (AssumeRole).</translation>
    </message>
    <message>
        <source>ARN of the role to assume.</source>
        <translation>ARN du rôle à assumer.</translation>
    </message>
    <message>
        <source>Role session name (default: rolecall-&lt;user&gt;).</source>
        <translation>Nom de session du rôle (par défaut&#xa0;: rolecall-&lt;utilisateur&gt;).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>External ID the role&apos;s trust policy expects.</source>
        <translation>ID externe attendu par la politique d&apos;approbation du rôle.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Tag key that stays with chained roles (repeatable).</source>
        <translation>Clé de balise conservée lors du chaînage de rôles (répétable).</translation>
    </message>
    <message>
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message>
        <source>Source identity to set on the session.</source>
        <translation>Identité source à définir pour la session.</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>identité</translation>
    </message>
    <message>
        <source>Trusted context PROVIDER_ARN=ASSERTION (repeatable).</source>
        <translation>Contexte approuvé PROVIDER_ARN=ASSERTION (répétable).</translation>
    </message>
    <message>
        <source>arn=assertion</source>
        <translation>arn=assertion</translation>
    </message>
    <message>
        <source>Assume a role with a SAML assertion (AssumeRoleWithSAML; unsigned).</source>
        <translation>Assumer un rôle avec une assertion SAML (AssumeRoleWithSAML&#xa0;; requête non signée).</translation>
    </message>
    <message>
        <source>ARN of the SAML identity provider.</source>
        <translation>ARN du fournisseur d&apos;identité SAML.</translation>
    </message>
    <message>
        <source>File with the base64 SAML response.</source>
        <translation>Fichier contenant la réponse SAML en base64.</translation>
    </message>
    <message>
        <source>Assume a role with an OIDC token (AssumeRoleWithWebIdentity; unsigned).</source>
        <translation>Assumer un rôle avec un jeton OIDC (AssumeRoleWithWebIdentity&#xa0;; requête non signée).</translation>
    </message>
    <message>
        <source>Role session name.</source>
        <translation>Nom de session du rôle.</translation>
    </message>
    <message>
        <source>The web identity token.</source>
        <translation>Le jeton d&apos;identité web.</translation>
    </message>
    <message>
        <source>token</source>
        <translation>jeton</translation>
    </message>
    <message>
        <source>File holding the web identity token.</source>
        <translation>Fichier contenant le jeton d&apos;identité web.</translation>
    </message>
    <message>
        <source>OAuth 2.0 provider (only for Login with Amazon, Facebook).</source>
        <translation>Fournisseur OAuth 2.0 (uniquement pour Login with Amazon et Facebook).</translation>
    </message>
    <message>
        <source>Get a session token, optionally with MFA (GetSessionToken).</source>
        <translation>Obtenir un jeton de session, avec MFA si besoin (GetSessionToken).</translation>
    </message>
    <message>
        <source>Get credentials for a federated user (GetFederationToken).</source>
        <translation>Obtenir des informations d&apos;identification pour un utilisateur fédéré (GetFederationToken).</translation>
    </message>
    <message>
        <source>Name of the federated user.</source>
        <translation>Nom de l&apos;utilisateur fédéré.</translation>
    </message>
    <message>
        <source>Decode an encoded authorization failure message (DecodeAuthorizationMessage).</source>
        <translation>Décoder un message d&apos;échec d&apos;autorisation encodé (DecodeAuthorizationMessage).</translation>
    </message>
    <message>
        <source>Read the message from a file.</source>
        <translation>Lire le message dans un fichier.</translation>
    </message>
    <message>
        <source>The whole AWS error text, the encoded blob, or - for stdin.</source>
        <translation>Le texte complet de l&apos;erreur AWS, le bloc encodé, ou - pour l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>Show the account an access key belongs to (GetAccessKeyInfo).</source>
        <translation>Afficher le compte auquel appartient une clé d&apos;accès (GetAccessKeyInfo).</translation>
    </message>
    <message>
        <source>Access key ID (AKIA…/ASIA…).</source>
        <translation>ID de clé d&apos;accès (AKIA…/ASIA…).</translation>
    </message>
    <message>
        <source>AWS region (default: AWS_REGION, AWS_DEFAULT_REGION).</source>
        <translation>Région AWS (par défaut&#xa0;: AWS_REGION, AWS_DEFAULT_REGION).</translation>
    </message>
    <message>
        <source>region</source>
        <translation>région</translation>
    </message>
    <message>
        <source>STS endpoint URL (https://, or http:// to localhost).</source>
        <translation>URL du point de terminaison STS (https://, ou http:// vers localhost).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Print JSON for scripts.</source>
        <translation>Produire une sortie JSON pour les scripts.</translation>
    </message>
    <message>
        <source>Print diagnostics on stderr (never secrets).</source>
        <translation>Afficher des diagnostics sur stderr (jamais de secrets).</translation>
    </message>
    <message>
        <source>Show help.</source>
        <translation>Afficher l&apos;aide.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Afficher la version.</translation>
    </message>
    <message>
        <source>rolecall-cli: %1</source>
        <translation>rolecall-cli&#xa0;: %1</translation>
    </message>
    <message>
        <source>Try &apos;%1&apos;.</source>
        <translation>Essayez &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>AWS request ID: %1</source>
        <translation>ID de requête AWS&#xa0;: %1</translation>
    </message>
    <message>
        <source>Usage: rolecall-cli [global options] &lt;command&gt; [options]</source>
        <translation>Utilisation&#xa0;: rolecall-cli [options globales] &lt;commande&gt; [options]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes&#xa0;:</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Options globales&#xa0;:</translation>
    </message>
    <message>
        <source>Show help; &apos;rolecall-cli &lt;command&gt; --help&apos; for a command.</source>
        <translation>Afficher l&apos;aide&#xa0;; &apos;rolecall-cli &lt;commande&gt; --help&apos; pour l&apos;aide d&apos;une commande.</translation>
    </message>
    <message>
        <source>Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.</source>
        <translation>Les informations d&apos;identification proviennent de AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY et AWS_SESSION_TOKEN.</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok, 1 AWS refused, 2 usage, 3 configuration, 4 network or TLS, 5 cancelled.</source>
        <translation>Codes de sortie&#xa0;: 0 succès, 1 refus d&apos;AWS, 2 utilisation incorrecte, 3 configuration, 4 réseau ou TLS, 5 annulation.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;.</source>
        <translation>commande inconnue &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Cannot read the %1 file %2: %3</source>
        <translation>Impossible de lire le fichier %1 %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>file %1 is larger than %2 bytes.</source>
        <translation>le fichier %1 dépasse %2 octets.</translation>
    </message>
    <message>
        <source>must look like KEY=VALUE (got &quot;%1&quot;).</source>
        <translation>doit être de la forme CLÉ=VALEUR (reçu&#xa0;: «&#xa0;%1&#xa0;»).</translation>
    </message>
    <message>
        <source>must be a number of seconds.</source>
        <translation>doit être un nombre de secondes.</translation>
    </message>
    <message>
        <source>is required with --serial-number when there is no terminal to ask on.</source>
        <translation>est obligatoire avec --serial-number lorsqu&apos;aucun terminal ne permet de le demander.</translation>
    </message>
    <message>
        <source>MFA code for %1: </source>
        <translation>Code MFA pour %1&#xa0;: </translation>
    </message>
    <message>
        <source>MFA prompt</source>
        <translation>Saisie du code MFA</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Compte&#xa0;:         %1</translation>
    </message>
    <message>
        <source>ARN:     %1</source>
        <translation>ARN&#xa0;:            %1</translation>
    </message>
    <message>
        <source>User ID: %1</source>
        <translation>ID utilisateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>--role-arn is required.</source>
        <translation>--role-arn est obligatoire.</translation>
    </message>
    <message>
        <source>--role-arn, --principal-arn and --assertion-file are required.</source>
        <translation>--role-arn, --principal-arn et --assertion-file sont obligatoires.</translation>
    </message>
    <message>
        <source>--role-arn and --session-name are required.</source>
        <translation>--role-arn et --session-name sont obligatoires.</translation>
    </message>
    <message>
        <source>give the token with --token or --token-file.</source>
        <translation>indiquez le jeton avec --token ou --token-file.</translation>
    </message>
    <message>
        <source>--name is required.</source>
        <translation>--name est obligatoire.</translation>
    </message>
    <message>
        <source>give the message as an argument, with --file, or - to read standard input.</source>
        <translation>indiquez le message en argument, avec --file, ou - pour lire l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>give exactly one access key ID.</source>
        <translation>indiquez exactement un ID de clé d&apos;accès.</translation>
    </message>
    <message>
        <source>must be one of %1 (got &quot;%2&quot;).</source>
        <translation>doit être l&apos;une des valeurs %1 (reçu&#xa0;: «&#xa0;%2&#xa0;»).</translation>
    </message>
    <message>
        <source>List every profile with its kind, settings and credential chain.</source>
        <translation>Lister tous les profils avec leur type, leurs paramètres et leur chaîne d&apos;informations d&apos;identification.</translation>
    </message>
    <message>
        <source>Get credentials for --profile: walks its chain (keys, MFA, roles).</source>
        <translation>Obtenir les informations d&apos;identification de --profile en parcourant sa chaîne (clés, MFA, rôles).</translation>
    </message>
    <message>
        <source>Open the AWS console signed in as --profile.</source>
        <translation>Ouvrir la console AWS connectée en tant que --profile.</translation>
    </message>
    <message>
        <source>Console URL to land on.</source>
        <translation>URL de la console à ouvrir.</translation>
    </message>
    <message>
        <source>Console service to land on (ec2, s3, iam, …).</source>
        <translation>Service de la console à ouvrir (ec2, s3, iam, …).</translation>
    </message>
    <message>
        <source>Console session duration in seconds (900-43200).</source>
        <translation>Durée de la session de console en secondes (900-43200).</translation>
    </message>
    <message>
        <source>Sign out of the current console session first.</source>
        <translation>Se déconnecter d&apos;abord de la session de console en cours.</translation>
    </message>
    <message>
        <source>Print the sign-in URL instead of opening a browser.</source>
        <translation>Afficher l&apos;URL de connexion au lieu d&apos;ouvrir un navigateur.</translation>
    </message>
    <message>
        <source>Profile from ~/.aws/config or ~/.aws/credentials to use.</source>
        <translation>Profil de ~/.aws/config ou ~/.aws/credentials à utiliser.</translation>
    </message>
    <message>
        <source>Six-digit MFA code for the profile&apos;s chain (else asked on the terminal).</source>
        <translation>Code MFA à six chiffres pour la chaîne du profil (sinon demandé dans le terminal).</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; does not exist. Run &apos;rolecall-cli profiles&apos; to list them.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» n&apos;existe pas. Exécutez &apos;rolecall-cli profiles&apos; pour lister les profils.</translation>
    </message>
    <message>
        <source>No AWS credentials found. Give --profile, set AWS_PROFILE, add a [default] profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
        <translation>Aucune information d&apos;identification AWS trouvée. Indiquez --profile, définissez AWS_PROFILE, ajoutez un profil [default] ou définissez AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>PROFILE</source>
        <translation>PROFIL</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation>COMPTE</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>RÉGION</translation>
    </message>
    <message>
        <source>CHAIN</source>
        <translation>CHAÎNE</translation>
    </message>
    <message>
        <source> (MFA)</source>
        <translation> (MFA)</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>must be a number of seconds from 900 to 129600.</source>
        <translation>doit être un nombre de secondes entre 900 et 129600.</translation>
    </message>
    <message>
        <source>must be a number of seconds from 900 to 43200.</source>
        <translation>doit être un nombre de secondes entre 900 et 43200.</translation>
    </message>
    <message>
        <source>may be at most 3600 for %1: its role is assumed with the credentials of another role (role chaining), and AWS then allows a one-hour console session.</source>
        <translation>ne peut pas dépasser 3600 pour %1&#xa0;: son rôle est assumé avec les informations d&apos;identification d&apos;un autre rôle (chaînage de rôles), et AWS n&apos;autorise alors qu&apos;une session de console d&apos;une heure.</translation>
    </message>
    <message>
        <source>Could not start the browser (%1). Use --print to get the sign-in URL.</source>
        <translation>Impossible de lancer le navigateur (%1). Utilisez --print pour obtenir l&apos;URL de connexion.</translation>
    </message>
    <message>
        <source>Opened the AWS console for %1 (the sign-in link is valid for 15 minutes).</source>
        <translation>Console AWS ouverte pour %1 (le lien de connexion est valable 15 minutes).</translation>
    </message>
    <message>
        <source>may be at most 3600 for %1: its role is assumed with the credentials of another role (role chaining), and AWS allows one hour there.</source>
        <translation>ne peut pas dépasser 3600 pour %1&#xa0;: son rôle est assumé avec les informations d&apos;identification d&apos;un autre rôle (chaînage de rôles), et AWS n&apos;autorise alors qu&apos;une heure.</translation>
    </message>
    <message>
        <source>Print only the profile names, one per line (for shell completion).</source>
        <translation>Afficher uniquement les noms des profils, un par ligne (pour la complétion du shell).</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>trousseau</translation>
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n minute(s). It may be waiting for you to unlock it; unlock it and try again.</source>
        <translation>
            <numerusform>Le trousseau n&apos;a pas répondu dans un délai de %n minute. Il attend peut-être que vous le déverrouilliez&#xa0;; déverrouillez-le et réessayez.</numerusform>
            <numerusform>Le trousseau n&apos;a pas répondu dans un délai de %n minutes. Il attend peut-être que vous le déverrouilliez&#xa0;; déverrouillez-le et réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <source>Long-term keys in the OS keychain: add, import (from ~/.aws/credentials), remove, list.</source>
        <translation>Clés à long terme dans le trousseau du système&#xa0;: add (ajouter), import (importer depuis ~/.aws/credentials), remove (supprimer), list (lister).</translation>
    </message>
    <message>
        <source>add, import, remove or list.</source>
        <translation>add, import, remove ou list.</translation>
    </message>
    <message>
        <source>add: the access key ID (else asked for, or read from standard input). The secret is never a flag.</source>
        <translation>add&#xa0;: l&apos;ID de clé d&apos;accès (sinon demandé, ou lu sur l&apos;entrée standard). La clé secrète n&apos;est jamais passée en option.</translation>
    </message>
    <message>
        <source>add: leave the config file alone (no credential_process line).</source>
        <translation>add&#xa0;: ne pas modifier le fichier de configuration (pas de ligne credential_process).</translation>
    </message>
    <message>
        <source>import: also remove the plaintext keys from the credentials file and leave a credential_process line there.</source>
        <translation>import&#xa0;: supprimer aussi les clés en clair du fichier credentials et y laisser une ligne credential_process.</translation>
    </message>
    <message>
        <source>import: every profile with plaintext keys in the credentials file.</source>
        <translation>import&#xa0;: tous les profils ayant des clés en clair dans le fichier credentials.</translation>
    </message>
    <message>
        <source>warning: ROLECALL_SECRET_STORE=memory: keys are kept in memory only, for tests; nothing persists.</source>
        <translation>avertissement&#xa0;: ROLECALL_SECRET_STORE=memory&#xa0;: les clés sont conservées en mémoire uniquement, pour les tests&#xa0;; rien n&apos;est enregistré durablement.</translation>
    </message>
    <message>
        <source>give one action: add, import, remove or list.</source>
        <translation>indiquez une action&#xa0;: add, import, remove ou list.</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;: use add, import, remove or list.</source>
        <translation>action inconnue &apos;%1&apos;&#xa0;: utilisez add, import, remove ou list.</translation>
    </message>
    <message>
        <source>give either --profile or --all.</source>
        <translation>indiquez soit --profile, soit --all.</translation>
    </message>
    <message>
        <source>keychain %1 needs --profile.</source>
        <translation>keychain %1 nécessite --profile.</translation>
    </message>
    <message>
        <source>Access key ID for %1: </source>
        <translation>ID de clé d&apos;accès pour %1&#xa0;: </translation>
    </message>
    <message>
        <source>keychain add</source>
        <translation>keychain add</translation>
    </message>
    <message>
        <source>expected the access key ID on standard input.</source>
        <translation>l&apos;ID de clé d&apos;accès était attendu sur l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>must be 16 to 128 upper-case letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation>doit comporter de 16 à 128 lettres majuscules et chiffres, comme AKIAIOSFODNN7EXAMPLE.</translation>
    </message>
    <message>
        <source>Secret access key for %1 (not shown): </source>
        <translation>Clé d&apos;accès secrète pour %1 (masquée)&#xa0;: </translation>
    </message>
    <message>
        <source>expected the secret access key on %1.</source>
        <translation>la clé d&apos;accès secrète était attendue sur %1.</translation>
    </message>
    <message>
        <source>the terminal</source>
        <translation>le terminal</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>l&apos;entrée standard</translation>
    </message>
    <message>
        <source>must be printable characters without spaces (as AWS issues them).</source>
        <translation>ne doit contenir que des caractères imprimables, sans espaces (tels qu&apos;AWS les émet).</translation>
    </message>
    <message>
        <source>Stored the keys of %1 (%2) in the keychain (%3).</source>
        <translation>Clés de %1 (%2) enregistrées dans le trousseau (%3).</translation>
    </message>
    <message>
        <source>warning: %1:%2 still holds plaintext keys for %3, and the AWS CLI uses them before credential_process: remove them from that file.</source>
        <translation>avertissement&#xa0;: %1:%2 contient encore des clés en clair pour %3, et l&apos;AWS CLI les utilise avant credential_process&#xa0;: supprimez-les de ce fichier.</translation>
    </message>
    <message>
        <source>note: %1 has a role_arn, so the AWS CLI assumes that role instead of using these keys directly; profiles that name %1 as source_profile with its own keys are the usual setup.</source>
        <translation>remarque&#xa0;: %1 a un role_arn&#xa0;; l&apos;AWS CLI assume donc ce rôle au lieu d&apos;utiliser directement ces clés. La configuration habituelle&#xa0;: un profil %1 avec ses propres clés, désigné comme source_profile par d&apos;autres profils.</translation>
    </message>
    <message>
        <source>%1:%2 already has credential_process = %3.</source>
        <translation>%1:%2 contient déjà credential_process = %3.</translation>
    </message>
    <message>
        <source>warning: %1:%2 has another credential_process for %3, which the AWS CLI prefers to the config file&apos;s: change it to &apos;%4&apos; there.</source>
        <translation>avertissement&#xa0;: %1:%2 contient un autre credential_process pour %3, que l&apos;AWS CLI préfère à celui du fichier de configuration&#xa0;: remplacez-le par &apos;%4&apos; dans ce fichier.</translation>
    </message>
    <message>
        <source>%1: %2 (credential_process = %3)</source>
        <translation>%1&#xa0;: %2 (credential_process = %3)</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>Modifié&#xa0;: %1</translation>
    </message>
    <message>
        <source>note: rolecall-cli is not on PATH, so the AWS CLI cannot run that credential_process yet.</source>
        <translation>remarque&#xa0;: rolecall-cli n&apos;est pas dans le PATH&#xa0;; l&apos;AWS CLI ne peut donc pas encore exécuter ce credential_process.</translation>
    </message>
    <message>
        <source>No profile in %1 has plaintext keys: nothing to import.</source>
        <translation>Aucun profil de %1 n&apos;a de clés en clair&#xa0;: rien à importer.</translation>
    </message>
    <message>
        <source>Copied the keys of %1 (%2) from %3 into the keychain (%4) and read them back.</source>
        <translation>Clés de %1 (%2) copiées de %3 vers le trousseau (%4), puis relues.</translation>
    </message>
    <message>
        <source>The plaintext keys are still in %1; run again with --replace to remove them and leave credential_process = %2 in their place.</source>
        <translation>Les clés en clair sont toujours dans %1&#xa0;; relancez avec --replace pour les supprimer et mettre credential_process = %2 à leur place.</translation>
    </message>
    <message>
        <source>Changed %1: %2.</source>
        <translation>%1 modifié&#xa0;: %2.</translation>
    </message>
    <message>
        <source>note: %1:%2: credential_process of profile %3 still reads these keys; remove that line or add keys again.</source>
        <translation>remarque&#xa0;: %1:%2&#xa0;: le credential_process du profil %3 lit encore ces clés&#xa0;; supprimez cette ligne ou ajoutez de nouveau les clés.</translation>
    </message>
    <message>
        <source>Removed the keys of %1 from the keychain (%2).</source>
        <translation>Clés de %1 supprimées du trousseau (%2).</translation>
    </message>
    <message>
        <source>No keys of %1 were listed; removed any the keychain (%2) had.</source>
        <translation>Aucune clé de %1 n&apos;était répertoriée&#xa0;; celles que le trousseau (%2) contenait éventuellement ont été supprimées.</translation>
    </message>
    <message>
        <source>The chain of %1 needs a second MFA code (%2), and --mfa-code gives only one.</source>
        <translation>La chaîne de %1 nécessite un second code MFA (%2), et --mfa-code n&apos;en fournit qu&apos;un.</translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation>doit comporter exactement six chiffres.</translation>
    </message>
    <message>
        <source>MFA code for %1 (%2): </source>
        <translation>Code MFA pour %1 (%2)&#xa0;: </translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed: the Rolecall desktop app is not running and there is no terminal to ask on. Start the app, give --mfa-code, or set mfa_process.</source>
        <translation>Un code MFA est nécessaire pour %1&#xa0;: l&apos;application de bureau Rolecall n&apos;est pas lancée et aucun terminal ne permet de le demander. Lancez l&apos;application, indiquez --mfa-code ou définissez mfa_process.</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1&#xa0;: fichier introuvable</translation>
    </message>
    <message>
        <source>%1: not an executable file</source>
        <translation>%1&#xa0;: n&apos;est pas un fichier exécutable</translation>
    </message>
    <message>
        <source>%1: permission denied</source>
        <translation>%1&#xa0;: permission refusée</translation>
    </message>
    <message>
        <source>%1: command not found</source>
        <translation>%1&#xa0;: commande introuvable</translation>
    </message>
    <message>
        <source>Session duration in seconds (of the last role hop).</source>
        <translation>Durée de la session en secondes (du dernier rôle de la chaîne).</translation>
    </message>
    <message>
        <source>Print --profile&apos;s credentials as credential_process JSON (Version 1) for the AWS CLI and SDKs; asks the desktop app first.</source>
        <translation>Afficher les informations d&apos;identification de --profile au format JSON credential_process (Version 1) pour l&apos;AWS CLI et les SDK&#xa0;; interroge d&apos;abord l&apos;application de bureau.</translation>
    </message>
    <message>
        <source>Run a command with --profile&apos;s credentials: exec --profile P [--server] -- CMD [ARGS…].</source>
        <translation>Exécuter une commande avec les informations d&apos;identification de --profile&#xa0;: exec --profile P [--server] -- CMD [ARGS…].</translation>
    </message>
    <message>
        <source>Serve the credentials from a loopback ECS-style endpoint that refreshes them while the command runs, instead of putting them in its environment.</source>
        <translation>Fournir les informations d&apos;identification via un point de terminaison local de type ECS, qui les renouvelle pendant l&apos;exécution de la commande, au lieu de les placer dans son environnement.</translation>
    </message>
    <message>
        <source>With --server: fetch new credentials when fewer than this many seconds remain (default %1).</source>
        <translation>Avec --server&#xa0;: obtenir de nouvelles informations d&apos;identification lorsqu&apos;il reste moins que ce nombre de secondes (par défaut %1).</translation>
    </message>
    <message>
        <source>The command to run, after --, and its arguments.</source>
        <translation>La commande à exécuter, après --, et ses arguments.</translation>
    </message>
    <message>
        <source>rolecall-cli: warning: %1</source>
        <translation>rolecall-cli&#xa0;: avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>--profile is required: credential_process = rolecall-cli credential-process --profile NAME.</source>
        <translation>--profile est obligatoire&#xa0;: credential_process = rolecall-cli credential-process --profile NOM.</translation>
    </message>
    <message>
        <source>The credential chain of profile &quot;%1&quot; runs `rolecall-cli credential-process --profile %1` again: its credential_process (or one of its sources&apos;) points back at itself. Give the profile its own keys or a source_profile instead.</source>
        <translation>La chaîne d&apos;informations d&apos;identification du profil «&#xa0;%1&#xa0;» exécute à nouveau `rolecall-cli credential-process --profile %1`&#xa0;: son credential_process (ou celui de l&apos;une de ses sources) pointe vers lui-même. Donnez plutôt au profil ses propres clés ou un source_profile.</translation>
    </message>
    <message>
        <source>give the command to run after --, e.g. rolecall-cli exec --profile dev -- aws s3 ls.</source>
        <translation>indiquez la commande à exécuter après --, par exemple rolecall-cli exec --profile dev -- aws s3 ls.</translation>
    </message>
    <message>
        <source>must be a number of seconds from 0 to 43200.</source>
        <translation>doit être un nombre de secondes entre 0 et 43200.</translation>
    </message>
    <message>
        <source>--refresh-window needs --server.</source>
        <translation>--refresh-window nécessite --server.</translation>
    </message>
    <message>
        <source>The credential chain of profile &quot;%1&quot; runs rolecall-cli for the same profile again.</source>
        <translation>La chaîne d&apos;informations d&apos;identification du profil «&#xa0;%1&#xa0;» exécute à nouveau rolecall-cli pour le même profil.</translation>
    </message>
    <message>
        <source>rolecall-cli: refreshing the credentials failed: %1</source>
        <translation>rolecall-cli&#xa0;: le renouvellement des informations d&apos;identification a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>rolecall-cli: warning: the [default] profile has credentials of its own; AWS SDKs use them before the credentials endpoint.</source>
        <translation>rolecall-cli&#xa0;: avertissement&#xa0;: le profil [default] a ses propres informations d&apos;identification&#xa0;; les SDK AWS les utilisent avant le point de terminaison des informations d&apos;identification.</translation>
    </message>
    <message>
        <source>rolecall-cli: %1: %2</source>
        <translation>rolecall-cli&#xa0;: %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Neither use nor keep cached sessions: always call STS.</source>
        <translation>Ne pas utiliser ni conserver les sessions en cache&#xa0;: toujours appeler STS.</translation>
    </message>
    <message>
        <source>Write the session into the credentials file as [NAME] (a new name, or one holding an earlier session) instead of printing it.</source>
        <translation>Écrire la session dans le fichier d&apos;informations d&apos;identification sous [NOM] (un nouveau nom, ou un nom contenant une session précédente) au lieu de l&apos;afficher.</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>rolecall-cli: cannot load its commands from %1 (%2). The installation is incomplete: reinstall Rolecall.</source>
        <translation>rolecall-cli : impossible de charger ses commandes depuis %1 (%2). L&apos;installation est incomplète : réinstallez Rolecall.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Cli::CliMfaProvider</name>
    <message>
        <source>The chain of %1 needs a second MFA code (%2), and --mfa-code gives only one.</source>
        <translation>La chaîne de %1 nécessite un second code MFA (%2), et --mfa-code n&apos;en fournit qu&apos;un.</translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation>doit comporter exactement six chiffres.</translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed and there is no terminal to ask on: give --mfa-code, set mfa_process, or run it from a terminal.</source>
        <translation>Un code MFA est nécessaire pour %1 et aucun terminal ne permet de le demander&#xa0;: indiquez --mfa-code, définissez mfa_process ou lancez la commande depuis un terminal.</translation>
    </message>
    <message>
        <source>MFA code for %1 (%2): </source>
        <translation>Code MFA pour %1 (%2)&#xa0;: </translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Authz</name>
    <message>
        <source>Allowed: the policies allow this request.</source>
        <translation>Autorisé&#xa0;: les politiques autorisent cette requête.</translation>
    </message>
    <message>
        <source>Explicit deny: a policy statement denies this request.</source>
        <translation>Refus explicite&#xa0;: une instruction de politique refuse cette requête.</translation>
    </message>
    <message>
        <source>Implicit deny: no policy statement allows this request.</source>
        <translation>Refus implicite&#xa0;: aucune instruction de politique n&apos;autorise cette requête.</translation>
    </message>
    <message>
        <source>the decoded message is not JSON: %1</source>
        <translation>le message décodé n&apos;est pas du JSON&#xa0;: %1</translation>
    </message>
    <message>
        <source>Principal: %1</source>
        <translation>Principal&#xa0;:  %1</translation>
    </message>
    <message>
        <source>Action:    %1</source>
        <translation>Action&#xa0;:     %1</translation>
    </message>
    <message>
        <source>Resource:  %1</source>
        <translation>Ressource&#xa0;:  %1</translation>
    </message>
    <message>
        <source>Matched statements:</source>
        <translation>Instructions correspondantes&#xa0;:</translation>
    </message>
    <message>
        <source>Failures: %1</source>
        <translation>Échecs&#xa0;: %1</translation>
    </message>
    <message>
        <source>Context keys:</source>
        <translation>Clés de contexte&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Autostart</name>
    <message>
        <source>Cannot remove the autostart entry %1.</source>
        <translation>Impossible de supprimer l&apos;entrée de démarrage automatique %1.</translation>
    </message>
    <message>
        <source>Cannot create the folder of the autostart entry %1.</source>
        <translation>Impossible de créer le dossier de l&apos;entrée de démarrage automatique %1.</translation>
    </message>
    <message>
        <source>Cannot write the autostart entry %1: %2</source>
        <translation>Impossible d&apos;écrire l&apos;entrée de démarrage automatique %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Broker</name>
    <message>
        <source>The Rolecall desktop app gave an answer that cannot be read (%1). Update rolecall-cli and the app to the same version.</source>
        <translation>L&apos;application de bureau Rolecall a renvoyé une réponse illisible (%1). Mettez rolecall-cli et l&apos;application à la même version.</translation>
    </message>
    <message>
        <source>larger than %1 bytes</source>
        <translation>dépasse %1 octets</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>The Rolecall desktop app refused the request (%1).</source>
        <translation>L&apos;application de bureau Rolecall a refusé la requête (%1).</translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes; the broker reads no more.</source>
        <translation>La requête dépasse %1 octets&#xa0;; le broker n&apos;en lit pas davantage.</translation>
    </message>
    <message>
        <source>The request is not one JSON object on one line.</source>
        <translation>La requête n&apos;est pas un objet JSON unique sur une seule ligne.</translation>
    </message>
    <message>
        <source>The request has no protocol version &quot;v&quot;.</source>
        <translation>La requête n&apos;indique pas de version de protocole «&#xa0;v&#xa0;».</translation>
    </message>
    <message>
        <source>The request uses protocol version %1; this Rolecall speaks version %2. Update rolecall-cli and the app to the same version.</source>
        <translation>La requête utilise la version %1 du protocole&#xa0;; cette version de Rolecall utilise la version %2. Mettez rolecall-cli et l&apos;application à la même version.</translation>
    </message>
    <message>
        <source>The operation &quot;%1&quot; is unknown.</source>
        <translation>L&apos;opération «&#xa0;%1&#xa0;» est inconnue.</translation>
    </message>
    <message>
        <source>The request names no profile.</source>
        <translation>La requête n&apos;indique aucun profil.</translation>
    </message>
    <message>
        <source>The format &quot;%1&quot; is unknown; the broker answers in &quot;process&quot; format.</source>
        <translation>Le format «&#xa0;%1&#xa0;» est inconnu&#xa0;; le broker répond au format «&#xa0;process&#xa0;».</translation>
    </message>
    <message>
        <source>The request&apos;s duration is not a whole number of seconds.</source>
        <translation>La durée de la requête n&apos;est pas un nombre entier de secondes.</translation>
    </message>
    <message>
        <source>The MFA request names no device (&quot;serial&quot;).</source>
        <translation>La requête MFA n&apos;indique aucun dispositif («&#xa0;serial&#xa0;»).</translation>
    </message>
    <message>
        <source>no credentials in it</source>
        <translation>aucune information d&apos;identification dans la réponse</translation>
    </message>
    <message>
        <source>The Rolecall desktop app answered with credentials that cannot be used: %1</source>
        <translation>L&apos;application de bureau Rolecall a renvoyé des informations d&apos;identification inutilisables&#xa0;: %1</translation>
    </message>
    <message>
        <source>the MFA code is not six digits</source>
        <translation>le code MFA ne comporte pas six chiffres</translation>
    </message>
    <message>
        <source>The broker directory %1 %2; Rolecall does not use it. Remove it or set XDG_RUNTIME_DIR to a private directory.</source>
        <translation>Le répertoire du broker %1 %2&#xa0;; Rolecall ne l&apos;utilise pas. Supprimez-le ou définissez XDG_RUNTIME_DIR sur un répertoire privé.</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>est illisible (%1)</translation>
    </message>
    <message>
        <source>is not a directory (or is a symbolic link)</source>
        <translation>n&apos;est pas un répertoire (ou est un lien symbolique)</translation>
    </message>
    <message>
        <source>belongs to another user (uid %1)</source>
        <translation>appartient à un autre utilisateur (uid %1)</translation>
    </message>
    <message>
        <source>is open to other users</source>
        <translation>est accessible aux autres utilisateurs</translation>
    </message>
    <message>
        <source>cannot be made private (%1)</source>
        <translation>ne peut pas être rendu privé (%1)</translation>
    </message>
    <message>
        <source>cannot be created (%1)</source>
        <translation>ne peut pas être créé (%1)</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::BrokerClientJob</name>
    <message>
        <source>The Rolecall desktop app is not running (nothing answers at %1).</source>
        <translation>L&apos;application de bureau Rolecall n&apos;est pas lancée (rien ne répond sur %1).</translation>
    </message>
    <message>
        <source>The broker socket %1 is served by another user; Rolecall does not use it.</source>
        <translation>Le socket du broker %1 est servi par un autre utilisateur&#xa0;; Rolecall ne l&apos;utilise pas.</translation>
    </message>
    <message>
        <source>The Rolecall desktop app answered with more than %1 bytes.</source>
        <translation>L&apos;application de bureau Rolecall a répondu avec plus de %1 octets.</translation>
    </message>
    <message>
        <source>The Rolecall desktop app closed the connection without an answer.</source>
        <translation>L&apos;application de bureau Rolecall a fermé la connexion sans répondre.</translation>
    </message>
    <message>
        <source>The connection to the Rolecall desktop app failed: %1</source>
        <translation>La connexion à l&apos;application de bureau Rolecall a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The Rolecall desktop app did not answer within %1 s.</source>
        <translation>L&apos;application de bureau Rolecall n&apos;a pas répondu dans un délai de %1 s.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::BrokerServer</name>
    <message>
        <source>it is not a socket</source>
        <translation>ce n&apos;est pas un socket</translation>
    </message>
    <message>
        <source>it belongs to another user (uid %1)</source>
        <translation>il appartient à un autre utilisateur (uid %1)</translation>
    </message>
    <message>
        <source>This Rolecall app does not ask for MFA codes on behalf of other programs.</source>
        <translation>Cette application Rolecall ne demande pas de codes MFA pour le compte d&apos;autres programmes.</translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes; the broker reads no more.</source>
        <translation>La requête dépasse %1 octets&#xa0;; le broker n&apos;en lit pas davantage.</translation>
    </message>
    <message>
        <source>The MFA code must be exactly six digits.</source>
        <translation>Le code MFA doit comporter exactement six chiffres.</translation>
    </message>
    <message>
        <source>No complete request line arrived within %1 s.</source>
        <translation>Aucune ligne de requête complète n&apos;est arrivée dans un délai de %1 s.</translation>
    </message>
    <message>
        <source>The Rolecall app did not answer within %1 s.</source>
        <translation>L&apos;application Rolecall n&apos;a pas répondu dans un délai de %1 s.</translation>
    </message>
    <message>
        <source>The broker is already listening at %1.</source>
        <translation>Le broker écoute déjà sur %1.</translation>
    </message>
    <message>
        <source>The broker socket path %1 is not absolute.</source>
        <translation>Le chemin du socket du broker %1 n&apos;est pas absolu.</translation>
    </message>
    <message>
        <source>The broker socket path %1 is too long for a Unix socket; set XDG_RUNTIME_DIR to a shorter directory.</source>
        <translation>Le chemin du socket du broker %1 est trop long pour un socket Unix&#xa0;; définissez XDG_RUNTIME_DIR sur un répertoire plus court.</translation>
    </message>
    <message>
        <source>Another Rolecall app already answers at %1; this one does not start a second broker.</source>
        <translation>Une autre application Rolecall répond déjà sur %1&#xa0;; celle-ci ne démarre pas de second broker.</translation>
    </message>
    <message>
        <source>Cannot remove the stale broker socket %1: %2</source>
        <translation>Impossible de supprimer l&apos;ancien socket du broker %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 exists and %2; Rolecall leaves it alone and does not start its broker.</source>
        <translation>%1 existe, mais %2&#xa0;; Rolecall n&apos;y touche pas et ne démarre pas son broker.</translation>
    </message>
    <message>
        <source>Cannot check the broker socket %1: %2</source>
        <translation>Impossible de vérifier le socket du broker %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The broker cannot listen at %1: %2</source>
        <translation>Le broker ne peut pas écouter sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The broker socket %1 could not be made private to this user; the broker does not start.</source>
        <translation>Le socket du broker %1 n&apos;a pas pu être réservé à cet utilisateur&#xa0;; le broker ne démarre pas.</translation>
    </message>
    <message>
        <source>The Rolecall app is busy with %1 other requests; try again.</source>
        <translation>L&apos;application Rolecall traite déjà %1 autres requêtes&#xa0;; réessayez.</translation>
    </message>
    <message>
        <source>The Rolecall app knows no profile &quot;%1&quot;.</source>
        <translation>L&apos;application Rolecall ne connaît aucun profil «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::ConfigEdit</name>
    <message>
        <source>set %1 in [%2]</source>
        <translation>définition de %1 dans [%2]</translation>
    </message>
    <message>
        <source>set %1.%2 in [%3]</source>
        <translation>définition de %1.%2 dans [%3]</translation>
    </message>
    <message>
        <source>remove %1 from [%2]</source>
        <translation>suppression de %1 dans [%2]</translation>
    </message>
    <message>
        <source>add [%1]</source>
        <translation>ajout de [%1]</translation>
    </message>
    <message>
        <source>remove [%1]</source>
        <translation>suppression de [%1]</translation>
    </message>
    <message>
        <source>rename [%1] to [%2]</source>
        <translation>renommage de [%1] en [%2]</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::ConfigFile</name>
    <message>
        <source>%1 is not a regular file, so Rolecall does not read or write it.</source>
        <translation>%1 n&apos;est pas un fichier ordinaire&#xa0;; Rolecall ne le lit ni ne l&apos;écrit.</translation>
    </message>
    <message>
        <source>Rolecall could not read %1: %2. Check the file&apos;s permissions.</source>
        <translation>Rolecall n&apos;a pas pu lire %1&#xa0;: %2. Vérifiez les permissions du fichier.</translation>
    </message>
    <message>
        <source>Rolecall could not create the folder %1. Check that you may write to %2.</source>
        <translation>Rolecall n&apos;a pas pu créer le dossier %1. Vérifiez que vous avez le droit d&apos;écrire dans %2.</translation>
    </message>
    <message>
        <source>%1 is read-only, so Rolecall did not change it. Make it writable (chmod u+w) if Rolecall should save there.</source>
        <translation>%1 est en lecture seule&#xa0;; Rolecall ne l&apos;a donc pas modifié. Rendez-le accessible en écriture (chmod u+w) si Rolecall doit pouvoir y enregistrer.</translation>
    </message>
    <message>
        <source>Rolecall could not save %1: the folder %2, where its symbolic link points, does not exist.</source>
        <translation>Rolecall n&apos;a pas pu enregistrer %1&#xa0;: le dossier %2, vers lequel pointe son lien symbolique, n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Rolecall could not save %1: it could not create a temporary file in %2 (%3). Check that you may write to that folder. The file was not changed.</source>
        <translation>Rolecall n&apos;a pas pu enregistrer %1&#xa0;: impossible de créer un fichier temporaire dans %2 (%3). Vérifiez que vous avez le droit d&apos;écrire dans ce dossier. Le fichier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>Rolecall could not set the permissions of the new %1 (%2). The file was not changed.</source>
        <translation>Rolecall n&apos;a pas pu définir les permissions du nouveau fichier %1 (%2). Le fichier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>Rolecall could not write %1 (%2). The file was not changed.</source>
        <translation>Rolecall n&apos;a pas pu écrire %1 (%2). Le fichier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>Rolecall could not replace %1 (%2). The file was not changed.</source>
        <translation>Rolecall n&apos;a pas pu remplacer %1 (%2). Le fichier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>%1 was saved, but its permissions could not be kept. Check them (ls -l) and make the file readable only by you.</source>
        <translation>%1 a été enregistré, mais ses permissions n&apos;ont pas pu être conservées. Vérifiez-les (ls -l) et rendez le fichier lisible par vous seul.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link in a loop (or a chain of more than %2 links). Fix the link, then try again.</source>
        <translation>%1 est un lien symbolique qui boucle (ou une chaîne de plus de %2 liens). Corrigez le lien, puis réessayez.</translation>
    </message>
    <message>
        <source>%1 kept changing while Rolecall was saving it. Nothing was saved; try again in a moment.</source>
        <translation>%1 n&apos;a cessé d&apos;être modifié pendant que Rolecall l&apos;enregistrait. Rien n&apos;a été enregistré&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Another Rolecall process has been saving %1 for more than %2 seconds. Nothing was saved; try again in a moment.</source>
        <translation>Un autre processus Rolecall enregistre %1 depuis plus de %2 secondes. Rien n&apos;a été enregistré&#xa0;; réessayez dans un instant.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::ConfigWriter</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>There is no section [%1] in the file. It may have been removed or renamed; reload the file and try again.</source>
        <translation>Le fichier ne contient pas de section [%1]. Elle a peut-être été supprimée ou renommée&#xa0;; rechargez le fichier et réessayez.</translation>
    </message>
    <message>
        <source>A section name cannot be empty.</source>
        <translation>Un nom de section ne peut pas être vide.</translation>
    </message>
    <message>
        <source>The section name &quot;%1&quot; contains a line break; a section header must fit on one line.</source>
        <translation>Le nom de section «&#xa0;%1&#xa0;» contient un saut de ligne&#xa0;; un en-tête de section doit tenir sur une seule ligne.</translation>
    </message>
    <message>
        <source>A setting needs a name.</source>
        <translation>Un paramètre doit avoir un nom.</translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; contains a line break; a setting must fit on one line.</source>
        <translation>Le nom de paramètre «&#xa0;%1&#xa0;» contient un saut de ligne&#xa0;; un paramètre doit tenir sur une seule ligne.</translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; starts or ends with white space, which the AWS CLI drops. Remove it.</source>
        <translation>Le nom de paramètre «&#xa0;%1&#xa0;» commence ou se termine par des espaces, que l&apos;AWS CLI supprime. Retirez-les.</translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; contains &quot;%2&quot;, which the AWS CLI reads as the end of the name. Choose a name without it.</source>
        <translation>Le nom de paramètre «&#xa0;%1&#xa0;» contient «&#xa0;%2&#xa0;», que l&apos;AWS CLI interprète comme la fin du nom. Choisissez un nom qui n&apos;en contient pas.</translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; starts with &quot;%2&quot;, which makes the line a comment or a section header for the AWS CLI.</source>
        <translation>Le nom de paramètre «&#xa0;%1&#xa0;» commence par «&#xa0;%2&#xa0;», ce qui fait de la ligne un commentaire ou un en-tête de section pour l&apos;AWS CLI.</translation>
    </message>
    <message>
        <source>The value of %1 contains a line break. Values are written on one line; remove the line break.</source>
        <translation>La valeur de %1 contient un saut de ligne. Les valeurs sont écrites sur une seule ligne&#xa0;; supprimez le saut de ligne.</translation>
    </message>
    <message>
        <source>The value of %1 starts or ends with white space, which the AWS CLI drops. Remove it.</source>
        <translation>La valeur de %1 commence ou se termine par des espaces, que l&apos;AWS CLI supprime. Retirez-les.</translation>
    </message>
    <message>
        <source>[%1] cannot be renamed to [%2]: a section [%2] already exists.</source>
        <translation>Impossible de renommer [%1] en [%2]&#xa0;: une section [%2] existe déjà.</translation>
    </message>
    <message>
        <source>A section [%1] already exists.</source>
        <translation>Une section [%1] existe déjà.</translation>
    </message>
    <message>
        <source>%1 is given twice for the new section [%2].</source>
        <translation>%1 est indiqué deux fois pour la nouvelle section [%2].</translation>
    </message>
    <message>
        <source>The change would make the AWS CLI refuse the whole file: %1 The file was not changed.</source>
        <translation>Cette modification amènerait l&apos;AWS CLI à refuser tout le fichier&#xa0;: %1 Le fichier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>Rolecall stopped before saving because the result would not read back as intended (%1). The file was not changed; please report this.</source>
        <translation>Rolecall s&apos;est arrêté avant l&apos;enregistrement, car le résultat ne se relirait pas comme prévu (%1). Le fichier n&apos;a pas été modifié&#xa0;; veuillez signaler ce problème.</translation>
    </message>
    <message>
        <source>[%1] was removed or renamed</source>
        <translation>[%1] a été supprimée ou renommée</translation>
    </message>
    <message>
        <source>%1 in [%2] was changed</source>
        <translation>%1 a été modifié dans [%2]</translation>
    </message>
    <message>
        <source>[%1] was added</source>
        <translation>[%1] a été ajoutée</translation>
    </message>
    <message>
        <source>[%1] was changed</source>
        <translation>[%1] a été modifiée</translation>
    </message>
    <message>
        <source>%1 was changed by another program after Rolecall read it: %2. Nothing was saved and the other change was kept; reload the file and make your change again.</source>
        <translation>%1 a été modifié par un autre programme après sa lecture par Rolecall&#xa0;: %2. Rien n&apos;a été enregistré et l&apos;autre modification a été conservée&#xa0;; rechargez le fichier et refaites votre modification.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::IniDocument</name>
    <message>
        <source>&quot;%1&quot; in the nested settings of %2 has no &apos;=&apos;; the AWS CLI refuses the whole file because of it.</source>
        <translation>«&#xa0;%1&#xa0;» dans les paramètres imbriqués de %2 n&apos;a pas de «&#xa0;=&#xa0;»&#xa0;; l&apos;AWS CLI refuse tout le fichier à cause de cela.</translation>
    </message>
    <message>
        <source>The file starts with a UTF-8 byte order mark. The AWS CLI cannot read such a file; save it without the mark (&quot;UTF-8&quot;, not &quot;UTF-8 with BOM&quot;).</source>
        <translation>Le fichier commence par une marque d&apos;ordre d&apos;octets (BOM) UTF-8. L&apos;AWS CLI ne peut pas lire un tel fichier&#xa0;; enregistrez-le sans cette marque («&#xa0;UTF-8&#xa0;», et non «&#xa0;UTF-8 avec BOM&#xa0;»).</translation>
    </message>
    <message>
        <source>This line is not valid UTF-8; the AWS CLI refuses the whole file. Re-save the file as UTF-8.</source>
        <translation>Cette ligne n&apos;est pas de l&apos;UTF-8 valide&#xa0;; l&apos;AWS CLI refuse tout le fichier. Enregistrez de nouveau le fichier en UTF-8.</translation>
    </message>
    <message>
        <source>Section [%1] appears again (first at line %2). The AWS CLI refuses files with duplicate sections; Rolecall merges them, later values winning.</source>
        <translation>La section [%1] apparaît de nouveau (première occurrence à la ligne %2). L&apos;AWS CLI refuse les fichiers contenant des sections en double&#xa0;; Rolecall les fusionne, les dernières valeurs l&apos;emportant.</translation>
    </message>
    <message>
        <source>Text after the closing &apos;]&apos; of [%1] is ignored.</source>
        <translation>Le texte qui suit le «&#xa0;]&#xa0;» fermant de [%1] est ignoré.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; comes before the first [section] header and is ignored.</source>
        <translation>«&#xa0;%1&#xa0;» précède le premier en-tête [section] et est ignoré.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a &quot;key = value&quot; setting and is ignored.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un paramètre «&#xa0;clé = valeur&#xa0;» et est ignoré.</translation>
    </message>
    <message>
        <source>A setting without a name (&quot;%1&quot;) is ignored.</source>
        <translation>Un paramètre sans nom («&#xa0;%1&#xa0;») est ignoré.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is set again in [%2]. The AWS CLI refuses files with duplicate keys; Rolecall uses the last value.</source>
        <translation>«&#xa0;%1&#xa0;» est de nouveau défini dans [%2]. L&apos;AWS CLI refuse les fichiers contenant des clés en double&#xa0;; Rolecall utilise la dernière valeur.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::SharedConfig</name>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Impossible de lire le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>[%1] is not read as a profile: write [profile NAME] with exactly one name (quote names with spaces).</source>
        <translation>[%1] n&apos;est pas lu comme un profil&#xa0;: écrivez [profile NOM] avec exactement un nom (mettez entre guillemets les noms contenant des espaces).</translation>
    </message>
    <message>
        <source>[%1] is not a profile in the config file, where profiles are written [profile %1]; the AWS CLI ignores it.</source>
        <translation>[%1] n&apos;est pas un profil dans le fichier de configuration, où les profils s&apos;écrivent [profile %1]&#xa0;; l&apos;AWS CLI l&apos;ignore.</translation>
    </message>
    <message>
        <source>[%1] needs exactly one name after the section type.</source>
        <translation>[%1] nécessite exactement un nom après le type de section.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is defined again here; this definition replaces the one at line %2.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» est de nouveau défini ici&#xa0;; cette définition remplace celle de la ligne %2.</translation>
    </message>
    <message>
        <source>In the credentials file profiles are named without &quot;profile&quot;: this section is a profile called &quot;%1&quot;, not &quot;%2&quot;.</source>
        <translation>Dans le fichier credentials, les profils sont nommés sans «&#xa0;profile&#xa0;»&#xa0;: cette section est un profil appelé «&#xa0;%1&#xa0;», et non «&#xa0;%2&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Console</name>
    <message>
        <source>the federation endpoint setting</source>
        <translation>le paramètre du point de terminaison de fédération</translation>
    </message>
    <message>
        <source>AWS publishes no console sign-in endpoint for the %1 partition. Set the federation endpoint in the settings or ROLECALL_FEDERATION_URL.</source>
        <translation>AWS ne publie aucun point de terminaison de connexion à la console pour la partition %1. Définissez le point de terminaison de fédération dans les paramètres ou dans ROLECALL_FEDERATION_URL.</translation>
    </message>
    <message>
        <source>There are no credentials to sign in with.</source>
        <translation>Aucune information d&apos;identification ne permet de se connecter.</translation>
    </message>
    <message>
        <source>The AWS console accepts only temporary credentials from a role or a federation token, not long-term access keys. Assume a role, or use a federation token.</source>
        <translation>La console AWS n&apos;accepte que des informations d&apos;identification temporaires issues d&apos;un rôle ou d&apos;un jeton de fédération, et non des clés d&apos;accès à long terme. Assumez un rôle ou utilisez un jeton de fédération.</translation>
    </message>
    <message>
        <source>The AWS console refuses credentials from GetSessionToken. Assume a role with them first, or use a federation token (GetFederationToken) instead.</source>
        <translation>La console AWS refuse les informations d&apos;identification issues de GetSessionToken. Assumez d&apos;abord un rôle avec celles-ci, ou utilisez plutôt un jeton de fédération (GetFederationToken).</translation>
    </message>
    <message>
        <source>must be between 900 and 43200 seconds (it is %1).</source>
        <translation>doit se situer entre 900 et 43200 secondes (valeur actuelle&#xa0;: %1).</translation>
    </message>
    <message>
        <source>may be at most 3600 seconds for a role assumed with role credentials (role chaining); it is %1.</source>
        <translation>ne peut pas dépasser 3600 secondes pour un rôle assumé avec les informations d&apos;identification d&apos;un rôle (chaînage de rôles)&#xa0;; valeur actuelle&#xa0;: %1.</translation>
    </message>
    <message>
        <source>must be an https:// URL.</source>
        <translation>doit être une URL https://.</translation>
    </message>
    <message>
        <source>the sign-in endpoint did not answer with JSON</source>
        <translation>le point de terminaison de connexion n&apos;a pas répondu en JSON</translation>
    </message>
    <message>
        <source>the sign-in endpoint&apos;s answer has no SigninToken</source>
        <translation>la réponse du point de terminaison de connexion ne contient pas de SigninToken</translation>
    </message>
    <message>
        <source>AWS publishes no console address for the %1 partition.</source>
        <translation>AWS ne publie aucune adresse de console pour la partition %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a console service name such as ec2 or s3.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de service de la console, comme ec2 ou s3.</translation>
    </message>
    <message>
        <source>%1: the sign-in endpoint refused the credentials (HTTP %2). They must come from AssumeRole or GetFederationToken and still be valid; a role assumed with role credentials allows a console session of at most one hour.</source>
        <translation>%1&#xa0;: le point de terminaison de connexion a refusé les informations d&apos;identification (HTTP %2). Elles doivent provenir d&apos;AssumeRole ou de GetFederationToken et être encore valides&#xa0;; un rôle assumé avec les informations d&apos;identification d&apos;un rôle n&apos;autorise qu&apos;une session de console d&apos;une heure au maximum.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ContainerCredentials</name>
    <message>
        <source>Container credentials</source>
        <translation>Informations d&apos;identification du conteneur</translation>
    </message>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (&quot;%1&quot;) does not make a valid URL; it should start with a slash.</source>
        <translation>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI («&#xa0;%1&#xa0;») ne forme pas une URL valide&#xa0;; la valeur doit commencer par une barre oblique.</translation>
    </message>
    <message>
        <source>Neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set; this is not a container with a task role or Pod Identity.</source>
        <translation>Ni AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ni AWS_CONTAINER_CREDENTIALS_FULL_URI ne sont définies&#xa0;; il ne s&apos;agit pas d&apos;un conteneur avec un rôle de tâche ou Pod Identity.</translation>
    </message>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_FULL_URI (&quot;%1&quot;) is not a valid http or https URL.</source>
        <translation>AWS_CONTAINER_CREDENTIALS_FULL_URI («&#xa0;%1&#xa0;») n&apos;est pas une URL http ou https valide.</translation>
    </message>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_FULL_URI names the host &quot;%1&quot;. Over plain http only a loopback address or one of 169.254.170.2, 169.254.170.23, fd00:ec2::23 and localhost is allowed; use https for other hosts.</source>
        <translation>AWS_CONTAINER_CREDENTIALS_FULL_URI désigne l&apos;hôte «&#xa0;%1&#xa0;». En http simple, seuls une adresse de bouclage ou l&apos;un des hôtes 169.254.170.2, 169.254.170.23, fd00:ec2::23 et localhost sont autorisés&#xa0;; utilisez https pour les autres hôtes.</translation>
    </message>
    <message>
        <source>The token file &quot;%1&quot; named by AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE does not exist.</source>
        <translation>Le fichier de jeton «&#xa0;%1&#xa0;» désigné par AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE n&apos;existe pas.</translation>
    </message>
    <message>
        <source>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names %1, which is not a regular file.</source>
        <translation>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE désigne %1, qui n&apos;est pas un fichier ordinaire.</translation>
    </message>
    <message>
        <source>Cannot read the authorization token file %1: %2</source>
        <translation>Impossible de lire le fichier de jeton d&apos;autorisation %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The authorization token file %1 is larger than %2 bytes.</source>
        <translation>Le fichier de jeton d&apos;autorisation %1 dépasse %2 octets.</translation>
    </message>
    <message>
        <source>The authorization token file %1 is empty.</source>
        <translation>Le fichier de jeton d&apos;autorisation %1 est vide.</translation>
    </message>
    <message>
        <source>AWS_CONTAINER_AUTHORIZATION_TOKEN is set but empty.</source>
        <translation>AWS_CONTAINER_AUTHORIZATION_TOKEN est définie mais vide.</translation>
    </message>
    <message>
        <source>The container authorization token contains a line break, which is not allowed in an HTTP header. Remove it (a token file must not end with a newline).</source>
        <translation>Le jeton d&apos;autorisation du conteneur contient un saut de ligne, ce qui n&apos;est pas autorisé dans un en-tête HTTP. Supprimez-le (un fichier de jeton ne doit pas se terminer par un saut de ligne).</translation>
    </message>
    <message>
        <source>The endpoint did not answer with JSON; check the URL in AWS_CONTAINER_CREDENTIALS_*_URI.</source>
        <translation>Le point de terminaison n&apos;a pas répondu en JSON&#xa0;; vérifiez l&apos;URL dans AWS_CONTAINER_CREDENTIALS_*_URI.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ContainerServer</name>
    <message>
        <source>The request is too large.</source>
        <translation>La requête est trop volumineuse.</translation>
    </message>
    <message>
        <source>The request line is malformed.</source>
        <translation>La ligne de requête est mal formée.</translation>
    </message>
    <message>
        <source>A header line is malformed.</source>
        <translation>Une ligne d&apos;en-tête est mal formée.</translation>
    </message>
    <message>
        <source>The Authorization header is missing or wrong.</source>
        <translation>L&apos;en-tête Authorization est absent ou incorrect.</translation>
    </message>
    <message>
        <source>Only GET is served.</source>
        <translation>Seule la méthode GET est prise en charge.</translation>
    </message>
    <message>
        <source>Nothing is served at this path.</source>
        <translation>Rien n&apos;est servi à ce chemin.</translation>
    </message>
    <message>
        <source>A GET request carries no body.</source>
        <translation>Une requête GET ne comporte pas de corps.</translation>
    </message>
    <message>
        <source>No complete request arrived in time.</source>
        <translation>Aucune requête complète n&apos;est arrivée à temps.</translation>
    </message>
    <message>
        <source>The credentials endpoint is already running.</source>
        <translation>Le point de terminaison des informations d&apos;identification est déjà en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>The credentials endpoint serves only temporary credentials (with a session token and an expiry), and these are long-term keys. Run without --server, or use a profile that assumes a role or gets a session token with MFA.</source>
        <translation>Le point de terminaison des informations d&apos;identification ne fournit que des informations d&apos;identification temporaires (avec un jeton de session et une date d&apos;expiration), or il s&apos;agit ici de clés à long terme. Exécutez sans --server, ou utilisez un profil qui assume un rôle ou obtient un jeton de session avec MFA.</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1: %1</source>
        <translation>impossible d&apos;écouter sur 127.0.0.1&#xa0;: %1</translation>
    </message>
    <message>
        <source>The refresh gave long-term keys, which the endpoint does not serve.</source>
        <translation>Le renouvellement a fourni des clés à long terme, que le point de terminaison ne sert pas.</translation>
    </message>
    <message>
        <source>The refresh gave credentials that expire within %1 s.</source>
        <translation>Le renouvellement a fourni des informations d&apos;identification qui expirent dans moins de %1 s.</translation>
    </message>
    <message>
        <source>No valid credentials.</source>
        <translation>Aucune information d&apos;identification valide.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::AccessKeyQuery</name>
    <message>
        <source>This ARN names no account (S3 bucket ARNs, for example, have none).</source>
        <translation>Cet ARN n&apos;indique aucun compte (les ARN de compartiments S3, par exemple, n&apos;en ont pas).</translation>
    </message>
    <message>
        <source>Enter an access key id (AKIA…, ASIA…), an ARN or a twelve-digit account id.</source>
        <translation>Saisissez un ID de clé d&apos;accès (AKIA…, ASIA…), un ARN ou un ID de compte à douze chiffres.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::ProfileEditor</name>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>Role ARN</source>
        <translation>ARN du rôle</translation>
    </message>
    <message>
        <source>Source profile</source>
        <translation>Profil source</translation>
    </message>
    <message>
        <source>MFA device</source>
        <translation>Dispositif MFA</translation>
    </message>
    <message>
        <source>External ID</source>
        <translation>ID externe</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Session name</source>
        <translation>Nom de session</translation>
    </message>
    <message>
        <source>Session tags</source>
        <translation>Balises de session</translation>
    </message>
    <message>
        <source>Transitive tag keys</source>
        <translation>Clés de balise transitives</translation>
    </message>
    <message>
        <source>Source identity</source>
        <translation>Identité source</translation>
    </message>
    <message>
        <source>Session policy ARNs</source>
        <translation>ARN des politiques de session</translation>
    </message>
    <message>
        <source>STS endpoint URL</source>
        <translation>URL du point de terminaison STS</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>The profile name must fit on one line, without control characters.</source>
        <translation>Le nom du profil doit tenir sur une seule ligne, sans caractères de contrôle.</translation>
    </message>
    <message>
        <source>The profile name must not start or end with a space.</source>
        <translation>Le nom du profil ne doit pas commencer ni se terminer par une espace.</translation>
    </message>
    <message>
        <source>The AWS CLI could not read the profile name &quot;%1&quot; back; choose another.</source>
        <translation>L&apos;AWS CLI ne pourrait pas relire le nom de profil «&#xa0;%1&#xa0;»&#xa0;; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>Un profil nommé «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1&#xa0;: champ obligatoire.</translation>
    </message>
    <message>
        <source>%1 is required: the profile whose credentials assume the role.</source>
        <translation>%1&#xa0;: champ obligatoire (le profil dont les informations d&apos;identification assument le rôle).</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>Aucun profil ne s&apos;appelle «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>A profile can name itself as its source only when it holds keys.</source>
        <translation>Un profil ne peut se désigner lui-même comme source que s&apos;il contient des clés.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 can be at most %2 seconds: the source profile is a role itself, and AWS limits chained role sessions to an hour.</source>
        <translation>%1&#xa0;: %2 secondes au maximum, car le profil source est lui-même un rôle et AWS limite à une heure les sessions de rôles chaînés.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; cannot be written as key=value,key2=value2 (no commas, no &quot;=&quot; in keys).</source>
        <translation>%1&#xa0;: «&#xa0;%2&#xa0;» ne peut pas s&apos;écrire sous la forme key=value,key2=value2 (pas de virgules, pas de «&#xa0;=&#xa0;» dans les clés).</translation>
    </message>
    <message>
        <source>%1 must look like eu-west-1 or us-gov-west-1.</source>
        <translation>%1&#xa0;: doit être de la forme eu-west-1 ou us-gov-west-1.</translation>
    </message>
    <message>
        <source>%1 must be a full URL, such as https://sts.eu-west-1.amazonaws.com.</source>
        <translation>%1&#xa0;: doit être une URL complète, comme https://sts.eu-west-1.amazonaws.com.</translation>
    </message>
    <message>
        <source>%1 must use https (plain http only for 127.0.0.1 or localhost).</source>
        <translation>%1&#xa0;: doit utiliser https (http simple uniquement pour 127.0.0.1 ou localhost).</translation>
    </message>
    <message>
        <source>%1 is set in %2 (line %3), which wins over the config file; change it there.</source>
        <translation>%1 est défini dans %2 (ligne %3), qui l&apos;emporte sur le fichier de configuration&#xa0;; modifiez-le à cet endroit.</translation>
    </message>
    <message>
        <source>Access key ID must be 16 to 128 upper-case letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation>L&apos;ID de clé d&apos;accès doit comporter de 16 à 128 lettres majuscules et chiffres, comme AKIAIOSFODNN7EXAMPLE.</translation>
    </message>
    <message>
        <source>Secret access key must be printable characters without spaces, as AWS issues them.</source>
        <translation>La clé d&apos;accès secrète ne doit contenir que des caractères imprimables, sans espaces, tels qu&apos;AWS les émet.</translation>
    </message>
    <message>
        <source>Stored the keys of %1 in the keychain and set credential_process in %2.</source>
        <translation>Clés de %1 enregistrées dans le trousseau et credential_process défini dans %2.</translation>
    </message>
    <message>
        <source>Copied the keys of %1 into the keychain; they are still in %2.</source>
        <translation>Clés de %1 copiées dans le trousseau&#xa0;; elles se trouvent toujours dans %2.</translation>
    </message>
    <message>
        <source>Moved the keys of %1 into the keychain; %2 now runs credential_process instead.</source>
        <translation>Clés de %1 déplacées dans le trousseau&#xa0;; %2 exécute désormais credential_process à la place.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::SessionController</name>
    <message>
        <source>The profile &quot;%1&quot; no longer exists.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» n&apos;existe plus.</translation>
    </message>
    <message>
        <source>There is no active session for %1: assume it first.</source>
        <translation>Aucune session active pour %1&#xa0;: assumez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>was not found: paste the whole error message that AWS returned, or just the encoded part.</source>
        <translation>est introuvable&#xa0;: collez le message d&apos;erreur complet renvoyé par AWS, ou seulement la partie encodée.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::SessionWatcher</name>
    <message>
        <source>Session expiring soon</source>
        <translation>Session sur le point d&apos;expirer</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Session expirée</translation>
    </message>
    <message>
        <source>The session of %1 has expired.</source>
        <translation>La session de %1 a expiré.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::Settings</name>
    <message>
        <source>The federation endpoint must be a full URL, such as https://signin.aws.amazon.com/federation.</source>
        <translation>Le point de terminaison de fédération doit être une URL complète, comme https://signin.aws.amazon.com/federation.</translation>
    </message>
    <message>
        <source>The federation endpoint must use https (plain http only for 127.0.0.1 or localhost).</source>
        <translation>Le point de terminaison de fédération doit utiliser https (http simple uniquement pour 127.0.0.1 ou localhost).</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::CredentialFlow</name>
    <message>
        <source>Profile %1: %2</source>
        <translation>Profil %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has no credentials: it sets neither keys, a role, a credential_process, web identity nor SSO.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» n&apos;a pas d&apos;informations d&apos;identification&#xa0;: il ne définit ni clés, ni rôle, ni credential_process, ni identité web, ni SSO.</translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed, and there is no way to ask for one here. Give it with --mfa-code, or set mfa_process.</source>
        <translation>Un code MFA est nécessaire pour %1, et il est impossible de le demander ici. Indiquez-le avec --mfa-code ou définissez mfa_process.</translation>
    </message>
    <message>
        <source>credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set.</source>
        <translation>credential_source = Environment, mais AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY ne sont pas définies.</translation>
    </message>
    <message>
        <source>credential_process of profile %1</source>
        <translation>credential_process du profil %1</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; signs in with IAM Identity Center (SSO), which Rolecall does not support yet. Use `aws sso login` and the AWS CLI for it meanwhile.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» se connecte avec IAM Identity Center (SSO), que Rolecall ne prend pas encore en charge. En attendant, utilisez `aws sso login` et l&apos;AWS CLI pour ce profil.</translation>
    </message>
    <message>
        <source>must be at most 3600 for %1: it is assumed with the credentials of another role (role chaining), and AWS allows one hour there.</source>
        <translation>ne peut pas dépasser 3600 pour %1&#xa0;: il est assumé avec les informations d&apos;identification d&apos;un autre rôle (chaînage de rôles), et AWS n&apos;autorise alors qu&apos;une heure.</translation>
    </message>
    <message>
        <source>The keys of %1 are in the keychain, but no keychain is available here.</source>
        <translation>Les clés de %1 sont dans le trousseau, mais aucun trousseau n&apos;est disponible ici.</translation>
    </message>
    <message>
        <source>The keychain has no keys for %1. Add them with &apos;rolecall-cli keychain add --profile %1&apos;.</source>
        <translation>Le trousseau ne contient aucune clé pour %1. Ajoutez-les avec &apos;rolecall-cli keychain add --profile %1&apos;.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Endpoints</name>
    <message>
        <source>the endpoint URL option</source>
        <translation>l&apos;option d&apos;URL du point de terminaison</translation>
    </message>
    <message>
        <source>the profile&apos;s services section</source>
        <translation>la section services du profil</translation>
    </message>
    <message>
        <source>the profile&apos;s endpoint_url</source>
        <translation>l&apos;endpoint_url du profil</translation>
    </message>
    <message>
        <source>The endpoint URL from %1 is not a valid URL.</source>
        <translation>L&apos;URL du point de terminaison issue de %1 n&apos;est pas une URL valide.</translation>
    </message>
    <message>
        <source>The endpoint URL from %1 uses plain http:// to %2. Rolecall sends credentials only over https://, or http:// to this computer (localhost).</source>
        <translation>L&apos;URL du point de terminaison issue de %1 utilise http:// simple vers %2. Rolecall n&apos;envoie des informations d&apos;identification que via https://, ou via http:// vers cet ordinateur (localhost).</translation>
    </message>
    <message>
        <source>The endpoint URL from %1 must start with https://.</source>
        <translation>L&apos;URL du point de terminaison issue de %1 doit commencer par https://.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid AWS region name.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de région AWS valide.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::EnvironmentCredentials</name>
    <message>
        <source>Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set; set both, or neither.</source>
        <translation>Une seule des variables AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY est définie&#xa0;; définissez les deux, ou aucune.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Error</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 %2 Nothing was sent to AWS.</source>
        <translation>%1 %2 Rien n&apos;a été envoyé à AWS.</translation>
    </message>
    <message>
        <source>AWS refused the request with %1.</source>
        <translation>AWS a refusé la requête avec %1.</translation>
    </message>
    <message>
        <source>AWS refused the request with %1: %2</source>
        <translation>AWS a refusé la requête avec %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The service answered HTTP %1 without an error description. It is probably a temporary problem; try again in a moment.</source>
        <translation>Le service a répondu HTTP %1 sans description d&apos;erreur. Il s&apos;agit probablement d&apos;un problème temporaire&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The service answered HTTP %1 without an error description. Check the endpoint URL.</source>
        <translation>Le service a répondu HTTP %1 sans description d&apos;erreur. Vérifiez l&apos;URL du point de terminaison.</translation>
    </message>
    <message>
        <source>Could not reach the endpoint (%1). Check your network connection, proxy settings and the endpoint URL.</source>
        <translation>Impossible de joindre le point de terminaison (%1). Vérifiez votre connexion réseau, vos paramètres de proxy et l&apos;URL du point de terminaison.</translation>
    </message>
    <message numerus="yes">
        <source>No answer within %n second(s). The network or the endpoint may be slow or unreachable; try again.</source>
        <translation>
            <numerusform>Aucune réponse dans un délai de %n seconde. Le réseau ou le point de terminaison est peut-être lent ou injoignable&#xa0;; réessayez.</numerusform>
            <numerusform>Aucune réponse dans un délai de %n secondes. Le réseau ou le point de terminaison est peut-être lent ou injoignable&#xa0;; réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <source>The secure connection failed: %1. Rolecall never skips certificate checks; if you use a corporate proxy or a private endpoint, point ca_bundle or AWS_CA_BUNDLE at its CA certificate.</source>
        <translation>La connexion sécurisée a échoué&#xa0;: %1. Rolecall ne contourne jamais la vérification des certificats&#xa0;; si vous utilisez un proxy d&apos;entreprise ou un point de terminaison privé, faites pointer ca_bundle ou AWS_CA_BUNDLE vers son certificat d&apos;autorité de certification.</translation>
    </message>
    <message>
        <source>The answer could not be read (%1). If you use a custom endpoint, check that it is an STS endpoint.</source>
        <translation>La réponse est illisible (%1). Si vous utilisez un point de terminaison personnalisé, vérifiez qu&apos;il s&apos;agit bien d&apos;un point de terminaison STS.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Credentials from a role can assume another role for at most one hour (role chaining). Ask for 3600 seconds or less.</source>
        <translation>Les informations d&apos;identification d&apos;un rôle ne peuvent assumer un autre rôle que pour une heure au maximum (chaînage de rôles). Demandez 3600 secondes ou moins.</translation>
    </message>
    <message>
        <source>The requested duration is longer than the role&apos;s maximum session duration. Ask for less, or raise the role&apos;s maximum in IAM.</source>
        <translation>La durée demandée dépasse la durée de session maximale du rôle. Demandez moins, ou augmentez ce maximum pour le rôle dans IAM.</translation>
    </message>
    <message>
        <source>The MFA code was wrong or already used. Wait for the next code and try again.</source>
        <translation>Le code MFA était incorrect ou déjà utilisé. Attendez le code suivant et réessayez.</translation>
    </message>
    <message>
        <source>Check the role&apos;s trust policy, the role ARN, and whether the role requires MFA or an external ID.</source>
        <translation>Vérifiez la politique d&apos;approbation du rôle, l&apos;ARN du rôle, et si le rôle exige MFA ou un ID externe.</translation>
    </message>
    <message>
        <source>Your identity lacks permission for this action; check its IAM policies.</source>
        <translation>Votre identité n&apos;a pas l&apos;autorisation d&apos;effectuer cette action&#xa0;; vérifiez ses politiques IAM.</translation>
    </message>
    <message>
        <source>The credentials used to sign have expired. Get fresh credentials and try again.</source>
        <translation>Les informations d&apos;identification utilisées pour signer ont expiré. Obtenez-en de nouvelles et réessayez.</translation>
    </message>
    <message>
        <source>The access key ID is not known to AWS: it may be deleted, inactive, or meant for another partition (China, GovCloud).</source>
        <translation>L&apos;ID de clé d&apos;accès est inconnu d&apos;AWS&#xa0;: la clé a peut-être été supprimée ou désactivée, ou elle est destinée à une autre partition (Chine, GovCloud).</translation>
    </message>
    <message>
        <source>The secret access key does not match the access key ID, or the system clock is wrong.</source>
        <translation>La clé d&apos;accès secrète ne correspond pas à l&apos;ID de clé d&apos;accès, ou l&apos;horloge du système est incorrecte.</translation>
    </message>
    <message>
        <source>The request was not signed completely. Check that credentials are configured.</source>
        <translation>La requête n&apos;a pas été entièrement signée. Vérifiez que des informations d&apos;identification sont configurées.</translation>
    </message>
    <message>
        <source>Your system clock differs from AWS&apos;s. Synchronise the clock (NTP) and try again.</source>
        <translation>L&apos;horloge de votre système diffère de celle d&apos;AWS. Synchronisez l&apos;horloge (NTP) et réessayez.</translation>
    </message>
    <message>
        <source>STS is not activated in this region for the account. Activate it in IAM (Account settings) or use another region.</source>
        <translation>STS n&apos;est pas activé dans cette région pour ce compte. Activez-le dans IAM (Paramètres du compte) ou utilisez une autre région.</translation>
    </message>
    <message>
        <source>The session policy is not valid IAM policy JSON.</source>
        <translation>La politique de session n&apos;est pas un JSON de politique IAM valide.</translation>
    </message>
    <message>
        <source>The session policies and tags are too large once packed. Use fewer or shorter ones.</source>
        <translation>Les politiques et balises de session sont trop volumineuses une fois compressées. Utilisez-en moins, ou des plus courtes.</translation>
    </message>
    <message>
        <source>A parameter was rejected; check the values against the limits AWS documents.</source>
        <translation>Un paramètre a été rejeté&#xa0;; comparez les valeurs aux limites documentées par AWS.</translation>
    </message>
    <message>
        <source>AWS is throttling requests. Wait a moment and try again.</source>
        <translation>AWS limite le débit des requêtes. Patientez un instant et réessayez.</translation>
    </message>
    <message>
        <source>The web identity token was rejected: check its issuer, audience and expiry.</source>
        <translation>Le jeton d&apos;identité web a été rejeté&#xa0;: vérifiez son émetteur, son audience et son expiration.</translation>
    </message>
    <message>
        <source>The identity provider&apos;s claim was rejected: check the role&apos;s trust policy conditions.</source>
        <translation>La revendication du fournisseur d&apos;identité a été rejetée&#xa0;: vérifiez les conditions de la politique d&apos;approbation du rôle.</translation>
    </message>
    <message>
        <source>AWS could not reach the identity provider. Try again shortly.</source>
        <translation>AWS n&apos;a pas pu joindre le fournisseur d&apos;identité. Réessayez sous peu.</translation>
    </message>
    <message>
        <source>The encoded message is not valid; paste the whole message, exactly as AWS returned it.</source>
        <translation>Le message encodé n&apos;est pas valide&#xa0;; collez le message complet, exactement tel qu&apos;AWS l&apos;a renvoyé.</translation>
    </message>
    <message>
        <source>AWS had a temporary problem. Try again in a moment.</source>
        <translation>AWS a rencontré un problème temporaire. Réessayez dans un instant.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Export</name>
    <message>
        <source>bash / zsh exports</source>
        <translation>Exports bash / zsh</translation>
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
        <translation>cmd Windows</translation>
    </message>
    <message>
        <source>.env file</source>
        <translation>Fichier .env</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>credential_process JSON</source>
        <translation>JSON credential_process</translation>
    </message>
    <message>
        <source>credentials file block</source>
        <translation>Bloc du fichier credentials</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Export::SessionWriter</name>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>must start with a letter or digit and use only letters, digits and . _ @ + = , - (at most 128).</source>
        <translation>doit commencer par une lettre ou un chiffre et ne contenir que des lettres, des chiffres et . _ @ + = , - (128 au plus).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a profile of the config file; writing keys for it into the credentials file would change what it does. Choose a new name, such as %1-session.</source>
        <translation>«&#xa0;%1&#xa0;» est un profil du fichier de configuration&#xa0;; y écrire des clés dans le fichier d&apos;informations d&apos;identification changerait son comportement. Choisissez un nouveau nom, par exemple %1-session.</translation>
    </message>
    <message>
        <source>[%1] in the credentials file has %2; Rolecall replaces only sessions it could have written. Choose another name.</source>
        <translation>[%1] dans le fichier d&apos;informations d&apos;identification contient %2&#xa0;; Rolecall ne remplace que les sessions qu&apos;il a pu écrire. Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>[%1] in the credentials file holds long-term keys; writing a session there would lose them. Choose another name.</source>
        <translation>[%1] dans le fichier d&apos;informations d&apos;identification contient des clés à long terme&#xa0;; y écrire une session les effacerait. Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Informations d&apos;identification</translation>
    </message>
    <message>
        <source>are long-term keys; only temporary sessions are written to the credentials file.</source>
        <translation>sont des clés à long terme&#xa0;; seules les sessions temporaires sont écrites dans le fichier d&apos;informations d&apos;identification.</translation>
    </message>
    <message>
        <source>Wrote [%1] to %2, but could not make the file private (chmod 600 it).</source>
        <translation>[%1] a été écrit dans %2, mais le fichier n&apos;a pas pu être rendu privé (exécutez chmod 600).</translation>
    </message>
    <message>
        <source>Wrote the session as [%1] to %2.</source>
        <translation>Session écrite sous [%1] dans %2.</translation>
    </message>
    <message>
        <source>Wrote the session as [%1] to %2; it expires at %3.</source>
        <translation>Session écrite sous [%1] dans %2&#xa0;; elle expire à %3.</translation>
    </message>
    <message>
        <source>The file was readable by others; it is now private (0600).</source>
        <translation>Le fichier était lisible par d&apos;autres&#xa0;; il est maintenant privé (0600).</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ImdsCredentials</name>
    <message>
        <source>EC2 instance metadata</source>
        <translation>Métadonnées d&apos;instance EC2</translation>
    </message>
    <message>
        <source>%1 must be a positive whole number; it is &quot;%2&quot;.</source>
        <translation>%1 doit être un nombre entier positif&#xa0;; valeur actuelle&#xa0;: «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>The instance metadata endpoint mode &quot;%1&quot; is not valid; use IPv4 or IPv6 (AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE / ec2_metadata_service_endpoint_mode).</source>
        <translation>Le mode de point de terminaison des métadonnées d&apos;instance «&#xa0;%1&#xa0;» n&apos;est pas valide&#xa0;; utilisez IPv4 ou IPv6 (AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE / ec2_metadata_service_endpoint_mode).</translation>
    </message>
    <message>
        <source>The instance metadata endpoint &quot;%1&quot; is not an http or https URL (AWS_EC2_METADATA_SERVICE_ENDPOINT / ec2_metadata_service_endpoint).</source>
        <translation>Le point de terminaison des métadonnées d&apos;instance «&#xa0;%1&#xa0;» n&apos;est pas une URL http ou https (AWS_EC2_METADATA_SERVICE_ENDPOINT / ec2_metadata_service_endpoint).</translation>
    </message>
    <message>
        <source>Access to instance metadata is disabled by AWS_EC2_METADATA_DISABLED=true.</source>
        <translation>L&apos;accès aux métadonnées d&apos;instance est désactivé par AWS_EC2_METADATA_DISABLED=true.</translation>
    </message>
    <message>
        <source>No IMDSv2 session token could be obtained, and IMDSv1 is disabled (AWS_EC2_METADATA_V1_DISABLED / ec2_metadata_v1_disabled).</source>
        <translation>Aucun jeton de session IMDSv2 n&apos;a pu être obtenu, et IMDSv1 est désactivé (AWS_EC2_METADATA_V1_DISABLED / ec2_metadata_v1_disabled).</translation>
    </message>
    <message>
        <source>This instance has no IAM role attached (the metadata service lists no instance profile role).</source>
        <translation>Aucun rôle IAM n&apos;est attaché à cette instance (le service de métadonnées ne liste aucun rôle de profil d&apos;instance).</translation>
    </message>
    <message>
        <source>The metadata service listed no role for this instance.</source>
        <translation>Le service de métadonnées n&apos;a listé aucun rôle pour cette instance.</translation>
    </message>
    <message>
        <source>The metadata service gave &quot;%1&quot;, which is not an IAM role name.</source>
        <translation>Le service de métadonnées a renvoyé «&#xa0;%1&#xa0;», qui n&apos;est pas un nom de rôle IAM.</translation>
    </message>
    <message>
        <source>The credentials of role %1 are not JSON.</source>
        <translation>Les informations d&apos;identification du rôle %1 ne sont pas au format JSON.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::MetadataService</name>
    <message>
        <source>The answer is larger than %1 bytes; this is not a credentials service.</source>
        <translation>La réponse dépasse %1 octets&#xa0;; il ne s&apos;agit pas d&apos;un service d&apos;informations d&apos;identification.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The answer is not a JSON object; this is not a credentials service.</source>
        <translation>La réponse n&apos;est pas un objet JSON&#xa0;; il ne s&apos;agit pas d&apos;un service d&apos;informations d&apos;identification.</translation>
    </message>
    <message>
        <source>The service reported %1 instead of credentials.</source>
        <translation>Le service a signalé %1 au lieu de fournir des informations d&apos;identification.</translation>
    </message>
    <message>
        <source>The service reported %1 instead of credentials: %2</source>
        <translation>Le service a signalé %1 au lieu de fournir des informations d&apos;identification&#xa0;: %2</translation>
    </message>
    <message>
        <source>The answer lacks %1 (or it is not a non-empty string).</source>
        <translation>Il manque %1 dans la réponse (ou la valeur n&apos;est pas une chaîne non vide).</translation>
    </message>
    <message>
        <source>The Expiration &quot;%1&quot; is not an ISO 8601 timestamp.</source>
        <translation>L&apos;Expiration «&#xa0;%1&#xa0;» n&apos;est pas un horodatage ISO 8601.</translation>
    </message>
    <message>
        <source>The service answered HTTP %1: %2</source>
        <translation>Le service a répondu HTTP %1&#xa0;: %2</translation>
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
        <translation>La commande mfa_process est vide.</translation>
    </message>
    <message>
        <source>The mfa_process command could not be started: %1</source>
        <translation>La commande mfa_process n&apos;a pas pu être lancée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The mfa_process command failed with exit code %1.</source>
        <translation>La commande mfa_process a échoué avec le code de sortie %1.</translation>
    </message>
    <message>
        <source>The mfa_process command did not print a six-digit code.</source>
        <translation>La commande mfa_process n&apos;a pas affiché de code à six chiffres.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::MfaBroker</name>
    <message>
        <source>An MFA code for %1 is needed (profile %2), and there is no way to ask for one here. Set mfa_process for the profile, or use a terminal or the Rolecall app.</source>
        <translation>Un code MFA est nécessaire pour %1 (profil %2), et il est impossible de le demander ici. Définissez mfa_process pour le profil, ou utilisez un terminal ou l&apos;application Rolecall.</translation>
    </message>
    <message>
        <source>MFA prompt for %1</source>
        <translation>Saisie du code MFA pour %1</translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation>doit comporter exactement six chiffres.</translation>
    </message>
    <message>
        <source>An MFA code is exactly six digits.</source>
        <translation>Un code MFA comporte exactement six chiffres.</translation>
    </message>
    <message>
        <source>was already used; AWS takes each code once. Wait for the device to show a new code and try again.</source>
        <translation>a déjà été utilisé&#xa0;; AWS n&apos;accepte chaque code qu&apos;une fois. Attendez que le dispositif affiche un nouveau code et réessayez.</translation>
    </message>
    <message>
        <source>That code was already used, and AWS takes each code once. Wait for the device to show the next one.</source>
        <translation>Ce code a déjà été utilisé, et AWS n&apos;accepte chaque code qu&apos;une fois. Attendez que le dispositif affiche le suivant.</translation>
    </message>
    <message>
        <source>AWS refused the MFA code.</source>
        <translation>AWS a refusé le code MFA.</translation>
    </message>
    <message>
        <source>MFA code for %1</source>
        <translation>Code MFA pour %1</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Models::ProfileTreeModel</name>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>%n s restante</numerusform>
            <numerusform>%n s restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min left</source>
        <translation>
            <numerusform>%n min restante</numerusform>
            <numerusform>%n min restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation>%1 h %2 min restantes</translation>
    </message>
    <message>
        <source>Other profiles</source>
        <translation>Autres profils</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Profiles without an account id</source>
        <translation>Profils sans ID de compte</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Compte %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
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
        <translation>MFA requise</translation>
    </message>
    <message>
        <source>session active, %1</source>
        <translation>session active, %1</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Models::SessionsModel</name>
    <message>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Session of %1, %2, auto-refresh %3</source>
        <translation>Session de %1, %2, renouvellement automatique %3</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Expire le %1</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Auto-refresh</source>
        <translation>Renouvellement auto</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::NetworkErrors</name>
    <message>
        <source>The proxy server %1 failed (%2). Check HTTPS_PROXY, HTTP_PROXY and NO_PROXY, or the system&apos;s proxy settings.</source>
        <translation>Le serveur proxy %1 a échoué (%2). Vérifiez HTTPS_PROXY, HTTP_PROXY et NO_PROXY, ou les paramètres de proxy du système.</translation>
    </message>
    <message>
        <source>The host could not be found (%1). Check the endpoint URL and region, your network connection and DNS.</source>
        <translation>L&apos;hôte est introuvable (%1). Vérifiez l&apos;URL du point de terminaison et la région, votre connexion réseau et le DNS.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ProcessCredentials</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>a quotation mark is not closed</source>
        <translation>un guillemet n&apos;est pas fermé</translation>
    </message>
    <message>
        <source>it ends with a backslash that escapes nothing</source>
        <translation>elle se termine par une barre oblique inverse qui n&apos;échappe rien</translation>
    </message>
    <message>
        <source>The credential_process command printed something that is not JSON (%1 at offset %2). It must print only its JSON document on standard output; messages belong on standard error.</source>
        <translation>La commande credential_process a affiché une sortie qui n&apos;est pas du JSON (%1 à la position %2). Elle ne doit afficher que son document JSON sur la sortie standard&#xa0;; les messages vont sur la sortie d&apos;erreur.</translation>
    </message>
    <message>
        <source>The credential_process command printed JSON that is not an object. It must print an object with Version, AccessKeyId and SecretAccessKey.</source>
        <translation>La commande credential_process a affiché du JSON qui n&apos;est pas un objet. Elle doit afficher un objet avec Version, AccessKeyId et SecretAccessKey.</translation>
    </message>
    <message>
        <source>The credential_process output has no Version key. Only Version 1 is supported.</source>
        <translation>La sortie de credential_process n&apos;a pas de clé Version. Seule la Version 1 est prise en charge.</translation>
    </message>
    <message>
        <source>(not a number)</source>
        <translation>(pas un nombre)</translation>
    </message>
    <message>
        <source>The credential_process output has the unsupported Version %1. Only Version 1 is supported.</source>
        <translation>La sortie de credential_process indique la Version %1, non prise en charge. Seule la Version 1 est prise en charge.</translation>
    </message>
    <message>
        <source>The credential_process output lacks %1 (or it is not a non-empty string).</source>
        <translation>Il manque %1 dans la sortie de credential_process (ou la valeur n&apos;est pas une chaîne non vide).</translation>
    </message>
    <message>
        <source>The credential_process output has the Expiration &quot;%1&quot;, which is not an ISO 8601 timestamp such as 2024-05-01T12:00:00Z.</source>
        <translation>La sortie de credential_process indique l&apos;Expiration «&#xa0;%1&#xa0;», qui n&apos;est pas un horodatage ISO 8601 tel que 2024-05-01T12:00:00Z.</translation>
    </message>
    <message>
        <source>The credential_process command returned credentials that expired at %1. Check the tool behind it (a stale cache, a clock that is off).</source>
        <translation>La commande credential_process a renvoyé des informations d&apos;identification expirées depuis %1. Vérifiez l&apos;outil sous-jacent (cache obsolète, horloge déréglée).</translation>
    </message>
    <message>
        <source>The credential_process command line cannot be read: %1. Quote arguments with spaces as a POSIX shell would.</source>
        <translation>La ligne de commande de credential_process est illisible&#xa0;: %1. Mettez entre guillemets les arguments contenant des espaces, comme dans un shell POSIX.</translation>
    </message>
    <message>
        <source>The credential_process setting names no command.</source>
        <translation>Le paramètre credential_process n&apos;indique aucune commande.</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; was not found in PATH. Install it, or give its full path.</source>
        <translation>La commande credential_process «&#xa0;%1&#xa0;» est introuvable dans le PATH. Installez-la ou indiquez son chemin complet.</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; could not be started (%2). Check that it exists and is executable.</source>
        <translation>La commande credential_process «&#xa0;%1&#xa0;» n&apos;a pas pu être lancée (%2). Vérifiez qu&apos;elle existe et qu&apos;elle est exécutable.</translation>
    </message>
    <message numerus="yes">
        <source>The credential_process command &quot;%1&quot; did not finish within %n second(s) and was stopped. If it waits for input (a browser sign-in, a hardware key), complete that sooner.</source>
        <translation>
            <numerusform>La commande credential_process «&#xa0;%1&#xa0;» ne s&apos;est pas terminée dans un délai de %n seconde et a été arrêtée. Si elle attend une action (connexion dans un navigateur, clé matérielle), effectuez-la plus rapidement.</numerusform>
            <numerusform>La commande credential_process «&#xa0;%1&#xa0;» ne s&apos;est pas terminée dans un délai de %n secondes et a été arrêtée. Si elle attend une action (connexion dans un navigateur, clé matérielle), effectuez-la plus rapidement.</numerusform>
        </translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; printed more than %2 bytes and was stopped. It must print only its JSON document.</source>
        <translation>La commande credential_process «&#xa0;%1&#xa0;» a affiché plus de %2 octets et a été arrêtée. Elle ne doit afficher que son document JSON.</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; crashed or was killed.</source>
        <translation>La commande credential_process «&#xa0;%1&#xa0;» a planté ou a été tuée.</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; crashed or was killed: %2</source>
        <translation>La commande credential_process «&#xa0;%1&#xa0;» a planté ou a été tuée&#xa0;: %2</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; failed with exit code %2 and no message.</source>
        <translation>La commande credential_process «&#xa0;%1&#xa0;» a échoué avec le code de sortie %2, sans message.</translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; failed with exit code %2: %3</source>
        <translation>La commande credential_process «&#xa0;%1&#xa0;» a échoué avec le code de sortie %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Profiles::ProfileResolver</name>
    <message>
        <source>Access keys of %1</source>
        <translation>Clés d&apos;accès de %1</translation>
    </message>
    <message>
        <source>Credentials from the environment (AWS_ACCESS_KEY_ID…)</source>
        <translation>Informations d&apos;identification de l&apos;environnement (AWS_ACCESS_KEY_ID…)</translation>
    </message>
    <message>
        <source>Container credentials (ECS/EKS)</source>
        <translation>Informations d&apos;identification du conteneur (ECS/EKS)</translation>
    </message>
    <message>
        <source>EC2 instance role (IMDSv2)</source>
        <translation>Rôle d&apos;instance EC2 (IMDSv2)</translation>
    </message>
    <message>
        <source>credential_process of %1</source>
        <translation>credential_process de %1</translation>
    </message>
    <message>
        <source>Assume %1 with the web identity token %2</source>
        <translation>Assumer %1 avec le jeton d&apos;identité web %2</translation>
    </message>
    <message>
        <source>IAM Identity Center (SSO) sign-in of %1</source>
        <translation>Connexion IAM Identity Center (SSO) de %1</translation>
    </message>
    <message>
        <source>Session token with MFA (%1)</source>
        <translation>Jeton de session avec MFA (%1)</translation>
    </message>
    <message>
        <source>Assume %1</source>
        <translation>Assumer %1</translation>
    </message>
    <message>
        <source>Assume %1 with MFA (%2)</source>
        <translation>Assumer %1 avec MFA (%2)</translation>
    </message>
    <message>
        <source>include_profile loops: %1.</source>
        <translation>include_profile forme une boucle&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; included by &quot;%2&quot; does not exist.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» inclus par «&#xa0;%2&#xa0;» n&apos;existe pas.</translation>
    </message>
    <message>
        <source>session_tags of &quot;%1&quot; must look like key1=value1,key2=value2.</source>
        <translation>Les session_tags de «&#xa0;%1&#xa0;» doivent être de la forme key1=value1,key2=value2.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; contains both source_profile and credential_source.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» contient à la fois source_profile et credential_source.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has a role_arn but no source_profile or credential_source to assume it with.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» a un role_arn, mais ni source_profile ni credential_source pour l&apos;assumer.</translation>
    </message>
    <message>
        <source>The credential source &quot;%1&quot; referenced in profile &quot;%2&quot; is not valid: use Environment, EcsContainer or Ec2InstanceMetadata.</source>
        <translation>La source d&apos;informations d&apos;identification «&#xa0;%1&#xa0;» référencée dans le profil «&#xa0;%2&#xa0;» n&apos;est pas valide&#xa0;: utilisez Environment, EcsContainer ou Ec2InstanceMetadata.</translation>
    </message>
    <message>
        <source>The source_profile &quot;%1&quot; referenced in the profile &quot;%2&quot; does not exist.</source>
        <translation>Le source_profile «&#xa0;%1&#xa0;» référencé dans le profil «&#xa0;%2&#xa0;» n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The source_profile chain loops: %1.</source>
        <translation>La chaîne de source_profile forme une boucle&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The source profile &quot;%1&quot; must have credentials.</source>
        <translation>Le profil source «&#xa0;%1&#xa0;» doit avoir des informations d&apos;identification.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has aws_access_key_id in %2 but aws_secret_access_key in %3; the AWS CLI needs both in the same file.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» a aws_access_key_id dans %2 mais aws_secret_access_key dans %3&#xa0;; l&apos;AWS CLI exige les deux dans le même fichier.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has aws_secret_access_key but no aws_access_key_id.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» a aws_secret_access_key mais pas aws_access_key_id.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has aws_access_key_id but no aws_secret_access_key.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» a aws_access_key_id mais pas aws_secret_access_key.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; does not exist in the config or credentials file.</source>
        <translation>Le profil «&#xa0;%1&#xa0;» n&apos;existe ni dans le fichier config ni dans le fichier credentials.</translation>
    </message>
    <message>
        <source>The services section &quot;%1&quot; named by profile &quot;%2&quot; does not exist.</source>
        <translation>La section services «&#xa0;%1&#xa0;» désignée par le profil «&#xa0;%2&#xa0;» n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Access keys of %1 from the keychain</source>
        <translation>Clés d&apos;accès de %1 issues du trousseau</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::KeyStore</name>
    <message>
        <source>Cannot read the list of profiles with keys in the keychain, %1: %2</source>
        <translation>Impossible de lire la liste des profils dont les clés sont dans le trousseau, %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The list of profiles with keys in the keychain, %1, is damaged. Delete it: the keys stay in the keychain, and &apos;rolecall-cli keychain add&apos; or &apos;import&apos; lists a profile again.</source>
        <translation>La liste des profils dont les clés sont dans le trousseau, %1, est endommagée. Supprimez-la&#xa0;: les clés restent dans le trousseau, et &apos;rolecall-cli keychain add&apos; ou &apos;import&apos; ajoute de nouveau un profil à la liste.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the list of keychain profiles.</source>
        <translation>Impossible de créer le dossier %1 pour la liste des profils du trousseau.</translation>
    </message>
    <message>
        <source>Cannot write the list of keychain profiles %1: %2</source>
        <translation>Impossible d&apos;écrire la liste des profils du trousseau %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot make %1 private (mode 0600): %2</source>
        <translation>Impossible de rendre %1 privé (mode 0600)&#xa0;: %2</translation>
    </message>
    <message>
        <source>need a profile name, an access key ID and a secret access key.</source>
        <translation>un nom de profil, un ID de clé d&apos;accès et une clé d&apos;accès secrète sont nécessaires.</translation>
    </message>
    <message>
        <source>The keys of profile %1 are no longer in the keychain (%2): something outside Rolecall deleted them. Add them again with &apos;rolecall-cli keychain add --profile %1&apos;.</source>
        <translation>Les clés du profil %1 ne sont plus dans le trousseau (%2)&#xa0;: un élément extérieur à Rolecall les a supprimées. Ajoutez-les de nouveau avec &apos;rolecall-cli keychain add --profile %1&apos;.</translation>
    </message>
    <message>
        <source>The keychain holds only part of the keys of profile %1. Add them again with &apos;rolecall-cli keychain add --profile %1&apos;.</source>
        <translation>Le trousseau ne contient qu&apos;une partie des clés du profil %1. Ajoutez-les de nouveau avec &apos;rolecall-cli keychain add --profile %1&apos;.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::KeychainImport</name>
    <message>
        <source>[%1] in %2 has no aws_access_key_id and aws_secret_access_key: there is nothing to import.</source>
        <translation>[%1] dans %2 n&apos;a ni aws_access_key_id ni aws_secret_access_key&#xa0;: il n&apos;y a rien à importer.</translation>
    </message>
    <message>
        <source>The keychain gave back other keys for %1 than were stored; nothing else was changed.</source>
        <translation>Le trousseau a renvoyé pour %1 des clés différentes de celles enregistrées&#xa0;; rien d&apos;autre n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::KeychainSecretStore</name>
    <message>
        <source>Could not read %1 from the keychain</source>
        <translation>Impossible de lire %1 dans le trousseau</translation>
    </message>
    <message>
        <source>Could not store %1 in the keychain</source>
        <translation>Impossible d&apos;enregistrer %1 dans le trousseau</translation>
    </message>
    <message>
        <source>Could not remove %1 from the keychain</source>
        <translation>Impossible de supprimer %1 du trousseau</translation>
    </message>
    <message>
        <source>The keychain failed (%1 of %2)</source>
        <translation>Échec du trousseau (%1 de %2)</translation>
    </message>
    <message>
        <source>Check the login keychain in Keychain Access, or use memory-only mode.</source>
        <translation>Vérifiez le trousseau «&#xa0;session&#xa0;» dans Trousseaux d&apos;accès, ou utilisez le mode mémoire seule.</translation>
    </message>
    <message>
        <source>Check the Windows Credential Manager, or use memory-only mode.</source>
        <translation>Vérifiez le Gestionnaire d&apos;identification Windows, ou utilisez le mode mémoire seule.</translation>
    </message>
    <message>
        <source>Make sure a Secret Service provider such as gnome-keyring or KWallet is installed and running in this session (and that libsecret is installed), or use memory-only mode.</source>
        <translation>Assurez-vous qu&apos;un fournisseur Secret Service tel que gnome-keyring ou KWallet est installé et en cours d&apos;exécution dans cette session (et que libsecret est installé), ou utilisez le mode mémoire seule.</translation>
    </message>
    <message numerus="yes">
        <source>no answer within %n second(s). The keychain may be waiting for you to unlock it; unlock it and try again.</source>
        <translation>
            <numerusform>pas de réponse dans un délai de %n seconde. Le trousseau attend peut-être que vous le déverrouilliez&#xa0;; déverrouillez-le et réessayez.</numerusform>
            <numerusform>pas de réponse dans un délai de %n secondes. Le trousseau attend peut-être que vous le déverrouilliez&#xa0;; déverrouillez-le et réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>Trousseau macOS</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Gestionnaire d&apos;identification Windows</translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation>Secret Service</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>aucun détail</translation>
    </message>
    <message>
        <source>%1: no keychain found (%2). Install or enable a Secret Service provider such as gnome-keyring or KWallet, or use memory-only mode.</source>
        <translation>%1&#xa0;: aucun trousseau trouvé (%2). Installez ou activez un fournisseur Secret Service tel que gnome-keyring ou KWallet, ou utilisez le mode mémoire seule.</translation>
    </message>
    <message>
        <source>%1: the keyring is locked or access to it was denied (%2). Unlock it (your desktop&apos;s passwords and keys manager, or sign in again) and try again.</source>
        <translation>%1&#xa0;: le trousseau est verrouillé ou son accès a été refusé (%2). Déverrouillez-le (avec le gestionnaire de mots de passe et de clés de votre bureau, ou en vous reconnectant) et réessayez.</translation>
    </message>
    <message>
        <source>%1: the keychain refused to delete the entry (%2). Unlock the keyring and try again.</source>
        <translation>%1&#xa0;: le trousseau a refusé de supprimer l&apos;entrée (%2). Déverrouillez le trousseau et réessayez.</translation>
    </message>
    <message>
        <source>%1: there is no such entry.</source>
        <translation>%1&#xa0;: cette entrée n&apos;existe pas.</translation>
    </message>
    <message>
        <source>%1: QtKeychain does not support this keychain (%2). Use memory-only mode.</source>
        <translation>%1&#xa0;: QtKeychain ne prend pas en charge ce trousseau (%2). Utilisez le mode mémoire seule.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The keychain did not give back what was stored in it (%1): it is not usable. Use memory-only mode.</source>
        <translation>Le trousseau n&apos;a pas restitué ce qui y avait été enregistré (%1)&#xa0;: il est inutilisable. Utilisez le mode mémoire seule.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::MemorySecretStore</name>
    <message>
        <source>memory only</source>
        <translation>mémoire seule</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::SessionCache</name>
    <message>
        <source>The keychain did not answer within %1 seconds. Unlock it and try again.</source>
        <translation>Le trousseau n&apos;a pas répondu dans un délai de %1 secondes. Déverrouillez-le et réessayez.</translation>
    </message>
    <message>
        <source>session cache</source>
        <translation>cache de sessions</translation>
    </message>
    <message>
        <source>session index</source>
        <translation>index des sessions</translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the session index.</source>
        <translation>Impossible de créer le dossier %1 pour l&apos;index des sessions.</translation>
    </message>
    <message>
        <source>Could not write the session index %1: %2</source>
        <translation>Impossible d&apos;écrire l&apos;index des sessions %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not make the session index %1 private to you (mode 0600).</source>
        <translation>Impossible de rendre l&apos;index des sessions %1 accessible à vous seul (mode 0600).</translation>
    </message>
    <message>
        <source>The session has no cache key.</source>
        <translation>La session n&apos;a pas de clé de cache.</translation>
    </message>
    <message>
        <source>Only temporary credentials with an expiry are cached.</source>
        <translation>Seules les informations d&apos;identification temporaires avec une date d&apos;expiration sont mises en cache.</translation>
    </message>
    <message>
        <source>The session has already expired.</source>
        <translation>La session a déjà expiré.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Sts::Parsing</name>
    <message>
        <source>the XML is nested too deeply</source>
        <translation>le XML est trop profondément imbriqué</translation>
    </message>
    <message>
        <source>malformed XML at line %1: %2</source>
        <translation>XML mal formé à la ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the response is empty</source>
        <translation>la réponse est vide</translation>
    </message>
    <message>
        <source>expected %1Response, got &lt;%2&gt;</source>
        <translation>%1Response attendu, &lt;%2&gt; reçu</translation>
    </message>
    <message>
        <source>the response has no %1</source>
        <translation>la réponse ne contient pas de %1</translation>
    </message>
    <message>
        <source>the credentials&apos; expiration &quot;%1&quot; is not a valid timestamp</source>
        <translation>l&apos;expiration «&#xa0;%1&#xa0;» des informations d&apos;identification n&apos;est pas un horodatage valide</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Sts::StsClient</name>
    <message>
        <source>No AWS credentials to sign the request with. Choose a profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
        <translation>Aucune information d&apos;identification AWS pour signer la requête. Choisissez un profil, ou définissez AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY.</translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation>la réponse dépasse %1 octets</translation>
    </message>
    <message>
        <source>Cannot read the CA bundle %1: %2</source>
        <translation>Impossible de lire le bundle d&apos;autorités de certification %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The CA bundle %1 holds no PEM certificates.</source>
        <translation>Le bundle d&apos;autorités de certification %1 ne contient aucun certificat PEM.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Sts::Validation</name>
    <message>
        <source>is required.</source>
        <translation>est obligatoire.</translation>
    </message>
    <message>
        <source>must be %1 to %2 characters long (it is %3).</source>
        <translation>doit comporter de %1 à %2 caractères (actuellement %3).</translation>
    </message>
    <message>
        <source>may contain only %1.</source>
        <translation>ne peut contenir que %1.</translation>
    </message>
    <message>
        <source>letters, digits and + = , . @ _ -</source>
        <translation>des lettres, des chiffres et + = , . @ _ -</translation>
    </message>
    <message>
        <source>must be an ARN such as arn:aws:iam::123456789012:role/Name.</source>
        <translation>doit être un ARN tel que arn:aws:iam::123456789012:role/Name.</translation>
    </message>
    <message>
        <source>must be between %1 and %2 seconds (it is %3).</source>
        <translation>doit se situer entre %1 et %2 secondes (valeur actuelle&#xa0;: %3).</translation>
    </message>
    <message>
        <source>may list at most 10 managed policies (it lists %1).</source>
        <translation>peut lister au maximum 10 politiques gérées (%1 actuellement).</translation>
    </message>
    <message>
        <source>may contain only printable Latin-1 characters, tabs and line breaks.</source>
        <translation>ne peut contenir que des caractères Latin-1 imprimables, des tabulations et des sauts de ligne.</translation>
    </message>
    <message>
        <source>must be at most 2048 characters (it is %1).</source>
        <translation>ne doit pas dépasser 2048 caractères (actuellement %1).</translation>
    </message>
    <message>
        <source>and the policy ARNs together must be at most 2048 characters (they are %1).</source>
        <translation>et les ARN de politiques ne doivent pas dépasser 2048 caractères au total (actuellement %1).</translation>
    </message>
    <message>
        <source>may hold at most 50 tags (it holds %1).</source>
        <translation>peut contenir au maximum 50 balises (actuellement %1).</translation>
    </message>
    <message>
        <source>has a tag key that is not 1 to 128 characters long: &quot;%1&quot;.</source>
        <translation>contient une clé de balise dont la longueur n&apos;est pas comprise entre 1 et 128 caractères&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>has a value longer than 256 characters for tag &quot;%1&quot;.</source>
        <translation>contient une valeur de plus de 256 caractères pour la balise «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>tag &quot;%1&quot; may contain only letters, digits, spaces and _ . : / = + - @.</source>
        <translation>contient la balise «&#xa0;%1&#xa0;», qui ne peut contenir que des lettres, des chiffres, des espaces et _ . : / = + - @.</translation>
    </message>
    <message>
        <source>has the key &quot;%1&quot; twice; tag keys are case-insensitive.</source>
        <translation>contient deux fois la clé «&#xa0;%1&#xa0;»&#xa0;; les clés de balise ne sont pas sensibles à la casse.</translation>
    </message>
    <message>
        <source>letters, digits and + = / : , . @ _ -</source>
        <translation>des lettres, des chiffres et + = / : , . @ _ -</translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation>doit comporter exactement six chiffres.</translation>
    </message>
    <message>
        <source>is required with a TokenCode (the MFA device&apos;s ARN or serial).</source>
        <translation>est obligatoire avec un TokenCode (l&apos;ARN ou le numéro de série du dispositif MFA).</translation>
    </message>
    <message>
        <source>is required with a SerialNumber: enter the six-digit MFA code.</source>
        <translation>est obligatoire avec un SerialNumber&#xa0;: saisissez le code MFA à six chiffres.</translation>
    </message>
    <message>
        <source>may list at most 50 keys.</source>
        <translation>peut lister au maximum 50 clés.</translation>
    </message>
    <message>
        <source>names &quot;%1&quot;, which is not one of the session tags.</source>
        <translation>désigne «&#xa0;%1&#xa0;», qui ne fait pas partie des balises de session.</translation>
    </message>
    <message>
        <source>letters, digits and + = , . @ : / _ -</source>
        <translation>des lettres, des chiffres et + = , . @ : / _ -</translation>
    </message>
    <message>
        <source>must not start with &quot;aws:&quot;.</source>
        <translation>ne doit pas commencer par «&#xa0;aws:&#xa0;».</translation>
    </message>
    <message>
        <source>may hold at most 5 contexts.</source>
        <translation>peut contenir au maximum 5 contextes.</translation>
    </message>
    <message>
        <source>letters and digits</source>
        <translation>des lettres et des chiffres</translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::TerminalMfaPrompter</name>
    <message>
        <source>Another MFA prompt is already open.</source>
        <translation>Une autre saisie de code MFA est déjà ouverte.</translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed, and there is no terminal to read it from.</source>
        <translation>Un code MFA est nécessaire pour %1, et aucun terminal ne permet de le lire.</translation>
    </message>
    <message>
        <source>MFA code for %1 (%2): </source>
        <translation>Code MFA pour %1 (%2)&#xa0;: </translation>
    </message>
    <message>
        <source>MFA code for %1</source>
        <translation>Code MFA pour %1</translation>
    </message>
    <message numerus="yes">
        <source>The last code of %1 was already used; waiting %n second(s) for the next one…
</source>
        <translation>
            <numerusform>Le dernier code de %1 a déjà été utilisé&#xa0;; attente du suivant pendant %n seconde…
</numerusform>
            <numerusform>Le dernier code de %1 a déjà été utilisé&#xa0;; attente du suivant pendant %n secondes…
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::WebIdentityToken</name>
    <message>
        <source>Web identity token</source>
        <translation>Jeton d&apos;identité web</translation>
    </message>
    <message>
        <source>No web identity token file is configured. Set web_identity_token_file in the profile or AWS_WEB_IDENTITY_TOKEN_FILE.</source>
        <translation>Aucun fichier de jeton d&apos;identité web n&apos;est configuré. Définissez web_identity_token_file dans le profil ou AWS_WEB_IDENTITY_TOKEN_FILE.</translation>
    </message>
    <message>
        <source>The token file %1 does not exist. Check web_identity_token_file or AWS_WEB_IDENTITY_TOKEN_FILE, and that the token is mounted.</source>
        <translation>Le fichier de jeton %1 n&apos;existe pas. Vérifiez web_identity_token_file ou AWS_WEB_IDENTITY_TOKEN_FILE, et que le jeton est bien monté.</translation>
    </message>
    <message>
        <source>%1 is not a regular file; it cannot be a web identity token file.</source>
        <translation>%1 n&apos;est pas un fichier ordinaire&#xa0;; ce ne peut pas être un fichier de jeton d&apos;identité web.</translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>Impossible de lire le fichier de jeton %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The token file %1 is larger than %2 bytes; it is not a web identity token.</source>
        <translation>Le fichier de jeton %1 dépasse %2 octets&#xa0;; ce n&apos;est pas un jeton d&apos;identité web.</translation>
    </message>
    <message>
        <source>The token file %1 is empty. The identity provider has not written a token yet.</source>
        <translation>Le fichier de jeton %1 est vide. Le fournisseur d&apos;identité n&apos;a pas encore écrit de jeton.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::AboutDialog</name>
    <message>
        <source>About Rolecall</source>
        <translation>À propos de Rolecall</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Rolecall %1&lt;/h2&gt;&lt;p&gt;Switch AWS roles fast: profiles, MFA, temporary credentials and console sign-in.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br&gt;%4&lt;br&gt;QtKeychain %5&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Rolecall %1&lt;/h2&gt;&lt;p&gt;Changez de rôle AWS en un instant&#xa0;: profils, MFA, informations d&apos;identification temporaires et connexion à la console.&lt;/p&gt;&lt;p&gt;Distribué sous licence Apache 2.0.&lt;/p&gt;&lt;p&gt;Qt %2 (compilé avec %3)&lt;br&gt;%4&lt;br&gt;QtKeychain %5&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::AccessKeyDialog</name>
    <message>
        <source>Access key info</source>
        <translation>Informations sur la clé d&apos;accès</translation>
    </message>
    <message>
        <source>Access key id or ARN</source>
        <translation>ID de clé d&apos;accès ou ARN</translation>
    </message>
    <message>
        <source>AKIA…, ASIA…, arn:aws:iam::123456789012:role/Name or 123456789012</source>
        <translation>AKIA…, ASIA…, arn:aws:iam::123456789012:role/Name ou 123456789012</translation>
    </message>
    <message>
        <source>&amp;Key id or ARN:</source>
        <translation>ID de &amp;clé ou ARN&#xa0;:</translation>
    </message>
    <message>
        <source>Profile to ask AWS with</source>
        <translation>Profil utilisé pour interroger AWS</translation>
    </message>
    <message>
        <source>A key id is looked up with GetAccessKeyInfo, signed as this profile</source>
        <translation>Les ID de clé sont recherchés avec GetAccessKeyInfo, en signant la requête avec ce profil</translation>
    </message>
    <message>
        <source>Ask &amp;with:</source>
        <translation>Interroger &amp;avec&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Look up the account</source>
        <translation>Rechercher le compte</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Local &amp;profiles in this account:</source>
        <translation>&amp;Profils locaux de ce compte&#xa0;:</translation>
    </message>
    <message>
        <source>Local profiles in this account</source>
        <translation>Profils locaux de ce compte</translation>
    </message>
    <message>
        <source>Looking up a key id needs a profile to sign the request with; there is none.</source>
        <translation>La recherche d&apos;un ID de clé nécessite un profil pour signer la requête&#xa0;; il n&apos;y en a aucun.</translation>
    </message>
    <message>
        <source>Asking AWS…</source>
        <translation>Interrogation d&apos;AWS…</translation>
    </message>
    <message>
        <source>Account &lt;b&gt;%1&lt;/b&gt;. No local profile belongs to it.</source>
        <translation>Compte &lt;b&gt;%1&lt;/b&gt;. Aucun profil local ne lui appartient.</translation>
    </message>
    <message numerus="yes">
        <source>Account &lt;b&gt;%1&lt;/b&gt;: %n local profile(s).</source>
        <translation>
            <numerusform>Compte &lt;b&gt;%1&lt;/b&gt;&#xa0;: %n profil local.</numerusform>
            <numerusform>Compte &lt;b&gt;%1&lt;/b&gt;&#xa0;: %n profils locaux.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::ConsoleMenu</name>
    <message>
        <source>Console home</source>
        <translation>Accueil de la console</translation>
    </message>
    <message>
        <source>In the profile&apos;s region</source>
        <translation>Dans la région du profil</translation>
    </message>
    <message>
        <source>A service…</source>
        <translation>Un service…</translation>
    </message>
    <message>
        <source>Open a console service</source>
        <translation>Ouvrir un service de la console</translation>
    </message>
    <message>
        <source>Service (ec2, s3, iam, cloudwatch, …):</source>
        <translation>Service (ec2, s3, iam, cloudwatch, …)&#xa0;:</translation>
    </message>
    <message>
        <source>Sign out of the current console first</source>
        <translation>Se déconnecter d&apos;abord de la console en cours</translation>
    </message>
    <message>
        <source>&amp;Open console</source>
        <translation>Ou&amp;vrir la console</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::CopyMenu</name>
    <message>
        <source>&amp;Copy credentials as</source>
        <translation>&amp;Copier les informations d&apos;identification au format</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::DecodeDialog</name>
    <message>
        <source>Decode authorization message</source>
        <translation>Décoder un message d&apos;autorisation</translation>
    </message>
    <message>
        <source>Profile to decode with</source>
        <translation>Profil utilisé pour le décodage</translation>
    </message>
    <message>
        <source>Decode &amp;with:</source>
        <translation>Décoder &amp;avec&#xa0;:</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Message d&apos;erreur</translation>
    </message>
    <message>
        <source>Paste the whole error, e.g. &quot;… Encoded authorization failure message: 4Fz…&quot;</source>
        <translation>Collez l&apos;erreur complète, par ex. «&#xa0;… Encoded authorization failure message: 4Fz…&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Message&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Decode</source>
        <translation>&amp;Décoder</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Condition keys and values</source>
        <translation>Clés de condition et valeurs</translation>
    </message>
    <message>
        <source>Condition key</source>
        <translation>Clé de condition</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Decoded JSON</source>
        <translation>JSON décodé</translation>
    </message>
    <message>
        <source>&amp;Copy JSON</source>
        <translation>&amp;Copier le JSON</translation>
    </message>
    <message>
        <source>Decoding…</source>
        <translation>Décodage…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Principal:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Principal&#xa0;:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Action:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Action&#xa0;:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Resource:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Ressource&#xa0;:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Matched:&lt;/b&gt; %1 %2 — %3 on %4</source>
        <translation>&lt;b&gt;Correspondance&#xa0;:&lt;/b&gt; %1 %2 — %3 sur %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Failures:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Échecs&#xa0;:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::DetailsPane</name>
    <message>
        <source>Credential chain</source>
        <translation>Chaîne d&apos;informations d&apos;identification</translation>
    </message>
    <message>
        <source>Session state</source>
        <translation>État de la session</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Problems in the config files</source>
        <translation>Problèmes dans les fichiers de configuration</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stops getting credentials for this profile</source>
        <translation>Arrête l&apos;obtention des informations d&apos;identification pour ce profil</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chain&lt;/b&gt;</source>
        <translation>&lt;b&gt;Chaîne&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No profile selected</source>
        <translation>Aucun profil sélectionné</translation>
    </message>
    <message>
        <source>Type to search; Enter assumes the selected profile.</source>
        <translation>Tapez pour rechercher&#xa0;; Entrée assume le profil sélectionné.</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>compte %1</translation>
    </message>
    <message>
        <source>needs MFA</source>
        <translation>MFA requise</translation>
    </message>
    <message>
        <source>This profile has no credentials.</source>
        <translation>Ce profil n&apos;a pas d&apos;informations d&apos;identification.</translation>
    </message>
    <message>
        <source>Role ARN</source>
        <translation>ARN du rôle</translation>
    </message>
    <message>
        <source>Source profile</source>
        <translation>Profil source</translation>
    </message>
    <message>
        <source>Credential source</source>
        <translation>Source des informations d&apos;identification</translation>
    </message>
    <message>
        <source>MFA device</source>
        <translation>Dispositif MFA</translation>
    </message>
    <message>
        <source>External ID</source>
        <translation>ID externe</translation>
    </message>
    <message>
        <source>Session name</source>
        <translation>Nom de session</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>Defined in</source>
        <translation>Défini dans</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems in the config files&lt;/b&gt;</source>
        <translation>&lt;b&gt;Problèmes dans les fichiers de configuration&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No active session</source>
        <translation>Aucune session active</translation>
    </message>
    <message>
        <source>Session active: %1</source>
        <translation>Session active&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::DialogActions</name>
    <message>
        <source>&amp;New role profile…</source>
        <translation>&amp;Nouveau profil de rôle…</translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation>&amp;Modifier le profil…</translation>
    </message>
    <message>
        <source>%1 is not a role profile; the editor edits role profiles. For keys, use Add IAM user or Import plaintext keys.</source>
        <translation>%1 n&apos;est pas un profil de rôle&#xa0;; l&apos;éditeur ne modifie que les profils de rôle. Pour les clés, utilisez Ajouter un utilisateur IAM ou Importer des clés en clair.</translation>
    </message>
    <message>
        <source>Add &amp;IAM user…</source>
        <translation>Ajouter un utilisateur &amp;IAM…</translation>
    </message>
    <message>
        <source>Import &amp;plaintext keys…</source>
        <translation>Im&amp;porter des clés en clair…</translation>
    </message>
    <message>
        <source>Unavailable: Rolecall has no OS keychain to store keys in (no Secret Service provider such as gnome-keyring or KWallet is running).</source>
        <translation>Indisponible&#xa0;: Rolecall ne dispose d&apos;aucun trousseau du système pour y enregistrer des clés (aucun fournisseur Secret Service tel que gnome-keyring ou KWallet n&apos;est en cours d&apos;exécution).</translation>
    </message>
    <message>
        <source>&amp;Decode authorization message…</source>
        <translation>&amp;Décoder un message d&apos;autorisation…</translation>
    </message>
    <message>
        <source>Access &amp;key info…</source>
        <translation>Informations sur la &amp;clé d&apos;accès…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation>%1 enregistré dans %2.</translation>
    </message>
    <message>
        <source>&amp;About Rolecall</source>
        <translation>À &amp;propos de Rolecall</translation>
    </message>
    <message>
        <source>&amp;Write to credentials file as…</source>
        <translation>Écrire &amp;dans le fichier d&apos;identification sous…</translation>
    </message>
    <message>
        <source>%1 has no session to write: assume it first (Enter).</source>
        <translation>%1 n&apos;a pas de session à écrire&#xa0;: assumez-le d&apos;abord (Entrée).</translation>
    </message>
    <message>
        <source>Write to credentials file</source>
        <translation>Écrire dans le fichier d&apos;identification</translation>
    </message>
    <message>
        <source>Write the session of %1 into %2 as the profile:</source>
        <translation>Écrire la session de %1 dans %2 sous le profil&#xa0;:</translation>
    </message>
    <message>
        <source>Profile name for the written session</source>
        <translation>Nom du profil de la session écrite</translation>
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
        <translation>Ajouter un utilisateur IAM</translation>
    </message>
    <message>
        <source>The keys go into the OS keychain, never into a file. The profile gets a credential_process line so the AWS CLI and SDKs can use them too.</source>
        <translation>Les clés sont enregistrées dans le trousseau du système, jamais dans un fichier. Le profil reçoit une ligne credential_process afin que l&apos;AWS CLI et les SDK puissent aussi les utiliser.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nom du profil&#xa0;:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>ID de clé d&apos;&amp;accès&#xa0;:</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>ID de clé d&apos;accès</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>Clé d&apos;accès &amp;secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Clé d&apos;accès secrète</translation>
    </message>
    <message>
        <source>&amp;Region (optional):</source>
        <translation>&amp;Région (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>&amp;MFA device (optional):</source>
        <translation>Dispositif &amp;MFA (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <source>MFA device</source>
        <translation>Dispositif MFA</translation>
    </message>
    <message>
        <source>Storing the keys in the keychain… (it may ask you to unlock it)</source>
        <translation>Enregistrement des clés dans le trousseau… (il peut vous demander de le déverrouiller)</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::ImportKeysDialog</name>
    <message>
        <source>Import plaintext keys</source>
        <translation>Importer des clés en clair</translation>
    </message>
    <message>
        <source>Copies a profile&apos;s keys from %1 into the OS keychain and reads them back.</source>
        <translation>Copie les clés d&apos;un profil de %1 vers le trousseau du système, puis les relit.</translation>
    </message>
    <message>
        <source>Profile with plaintext keys</source>
        <translation>Profil ayant des clés en clair</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remove them from the file and leave credential_process in their place</source>
        <translation>&amp;Supprimer les clés du fichier et mettre credential_process à leur place</translation>
    </message>
    <message>
        <source>Remove the plaintext keys from the file</source>
        <translation>Supprimer les clés en clair du fichier</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>No profile in %1 has plaintext keys: nothing to import.</source>
        <translation>Aucun profil de %1 n&apos;a de clés en clair&#xa0;: rien à importer.</translation>
    </message>
    <message>
        <source>Storing the keys in the keychain… (it may ask you to unlock it)</source>
        <translation>Enregistrement des clés dans le trousseau… (il peut vous demander de le déverrouiller)</translation>
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
        <translation>Rechercher des profils, comptes, rôles, régions (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search profiles</source>
        <translation>Rechercher des profils</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Filters as you type; Enter assumes the best match</source>
        <translation>Filtre au fil de la saisie&#xa0;; Entrée assume le meilleur résultat</translation>
    </message>
    <message>
        <source>Profiles by account</source>
        <translation>Profils par compte</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>%n profil</numerusform>
            <numerusform>%n profils</numerusform>
        </translation>
    </message>
    <message>
        <source>Assumed %1.</source>
        <translation>Profil %1 assumé.</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>&amp;Assume</source>
        <translation>&amp;Assumer</translation>
    </message>
    <message>
        <source>Get credentials for the selected profile (Enter)</source>
        <translation>Obtenir les informations d&apos;identification du profil sélectionné (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Renouveler</translation>
    </message>
    <message>
        <source>Get a fresh session (F5)</source>
        <translation>Obtenir une nouvelle session (F5)</translation>
    </message>
    <message>
        <source>&amp;Forget session</source>
        <translation>&amp;Oublier la session</translation>
    </message>
    <message>
        <source>Toggle fa&amp;vourite</source>
        <translation>Ajouter/retirer des &amp;favoris</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message numerus="yes">
        <source>Copied; the clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Copié&#xa0;; le presse-papiers sera vidé dans %n seconde.</numerusform>
            <numerusform>Copié&#xa0;; le presse-papiers sera vidé dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::MfaDialog</name>
    <message>
        <source>MFA code for %1</source>
        <translation>Code MFA pour %1</translation>
    </message>
    <message>
        <source>Enter the six-digit code of &lt;b&gt;%1&lt;/b&gt; for profile &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Saisissez le code à six chiffres de &lt;b&gt;%1&lt;/b&gt; pour le profil &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>MFA code</source>
        <translation>Code MFA</translation>
    </message>
    <message>
        <source>Six digits; the dialog submits on the sixth</source>
        <translation>Six chiffres&#xa0;; la boîte de dialogue valide dès le sixième</translation>
    </message>
    <message numerus="yes">
        <source>The last code was already used. Waiting for the next one: %n s.</source>
        <translation>
            <numerusform>Le dernier code a déjà été utilisé. Attente du suivant&#xa0;: %n s.</numerusform>
            <numerusform>Le dernier code a déjà été utilisé. Attente du suivant&#xa0;: %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::ProfileEditorDialog</name>
    <message>
        <source>New role profile</source>
        <translation>Nouveau profil de rôle</translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation>Modifier le profil %1</translation>
    </message>
    <message>
        <source>Saved to %1; every other line of the file stays as it is.</source>
        <translation>Enregistré dans %1&#xa0;; toutes les autres lignes du fichier restent inchangées.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nom du profil&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. acme-prod-admin</source>
        <translation>par ex. acme-prod-admin</translation>
    </message>
    <message>
        <source>&amp;Role ARN:</source>
        <translation>ARN du &amp;rôle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Source profile:</source>
        <translation>Profil &amp;source&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;MFA device:</source>
        <translation>Dispositif &amp;MFA&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;xternal ID:</source>
        <translation>ID e&amp;xterne&#xa0;:</translation>
    </message>
    <message>
        <source>only when the role&apos;s trust policy asks for one</source>
        <translation>uniquement si la politique d&apos;approbation du rôle en exige un</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>%1 to %2 seconds; empty: the app&apos;s default</source>
        <translation>De %1 à %2 secondes&#xa0;; vide&#xa0;: valeur par défaut de l&apos;application</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Durée&#xa0;:</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>Ré&amp;gion&#xa0;:</translation>
    </message>
    <message>
        <source>default: rolecall-&lt;user&gt;</source>
        <translation>par défaut&#xa0;: rolecall-&lt;utilisateur&gt;</translation>
    </message>
    <message>
        <source>Session &amp;tags:</source>
        <translation>&amp;Balises de session&#xa0;:</translation>
    </message>
    <message>
        <source>Source &amp;identity:</source>
        <translation>Identité sour&amp;ce&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. your user name</source>
        <translation>par ex. votre nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Session &amp;policy ARNs:</source>
        <translation>ARN des &amp;politiques de session&#xa0;:</translation>
    </message>
    <message>
        <source>STS &amp;endpoint URL:</source>
        <translation>&amp;URL du point de terminaison STS&#xa0;:</translation>
    </message>
    <message>
        <source>the region&apos;s endpoint (leave empty)</source>
        <translation>le point de terminaison de la région (laisser vide)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>%1 must look like key1=value1,key2=value2.</source>
        <translation>%1&#xa0;: doit être de la forme key1=value1,key2=value2.</translation>
    </message>
    <message>
        <source>Sessi&amp;on name:</source>
        <translation>N&amp;om de session&#xa0;:</translation>
    </message>
    <message>
        <source>Transiti&amp;ve tag keys:</source>
        <translation>Clés de balise transiti&amp;ves&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::SessionsDock</name>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation>Sessions actives</translation>
    </message>
    <message>
        <source>Active sessions with time left</source>
        <translation>Sessions actives et temps restant</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Renouveler</translation>
    </message>
    <message>
        <source>Refresh the selected session</source>
        <translation>Renouveler la session sélectionnée</translation>
    </message>
    <message>
        <source>For&amp;get</source>
        <translation>&amp;Oublier</translation>
    </message>
    <message>
        <source>Forget the selected session</source>
        <translation>Oublier la session sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Auto-refresh</source>
        <translation>Renouvellement &amp;auto</translation>
    </message>
    <message>
        <source>Refresh the selected session before it expires</source>
        <translation>Renouveler la session sélectionnée avant son expiration</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Renouveler (F5)</translation>
    </message>
    <message>
        <source>Forget (Delete)</source>
        <translation>Oublier (Suppr)</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
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
        <translation>Durées par défaut</translation>
    </message>
    <message>
        <source>Role session duration in minutes</source>
        <translation>Durée des sessions de rôle en minutes</translation>
    </message>
    <message>
        <source>Used for roles whose profile sets no duration_seconds; chained roles get at most an hour</source>
        <translation>Utilisée pour les rôles dont le profil ne définit pas duration_seconds&#xa0;; les rôles chaînés sont limités à une heure</translation>
    </message>
    <message>
        <source>&amp;Role sessions:</source>
        <translation>Sessions de &amp;rôle&#xa0;:</translation>
    </message>
    <message>
        <source>MFA session token duration in minutes</source>
        <translation>Durée des jetons de session MFA en minutes</translation>
    </message>
    <message>
        <source>MFA &amp;session tokens:</source>
        <translation>&amp;Jetons de session MFA&#xa0;:</translation>
    </message>
    <message>
        <source>Console session duration in minutes</source>
        <translation>Durée des sessions de console en minutes</translation>
    </message>
    <message>
        <source>&amp;Console sign-in:</source>
        <translation>Connexion à la &amp;console&#xa0;:</translation>
    </message>
    <message>
        <source>Sessions and clipboard</source>
        <translation>Sessions et presse-papiers</translation>
    </message>
    <message>
        <source>Clear c&amp;lipboard after:</source>
        <translation>&amp;Vider le presse-papiers après&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Warn before expiry:</source>
        <translation>&amp;Avertir avant l&apos;expiration&#xa0;:</translation>
    </message>
    <message>
        <source>Auto-refresh new sessions</source>
        <translation>Renouvellement automatique des nouvelles sessions</translation>
    </message>
    <message>
        <source>The default for new sessions; the Sessions view switches it per session. Sessions that need MFA ask once, one at a time.</source>
        <translation>Valeur par défaut pour les nouvelles sessions&#xa0;; la vue Sessions permet de la changer pour chaque session. Les sessions qui nécessitent MFA demandent le code une seule fois, l&apos;une après l&apos;autre.</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Browser command</source>
        <translation>Commande du navigateur</translation>
    </message>
    <message>
        <source>System default browser — or e.g. firefox -P work %u</source>
        <translation>Navigateur par défaut du système — ou par ex. firefox -P work %u</translation>
    </message>
    <message>
        <source>&amp;Browser command:</source>
        <translation>Commande du &amp;navigateur&#xa0;:</translation>
    </message>
    <message>
        <source>Federation endpoint override</source>
        <translation>Point de terminaison de fédération personnalisé</translation>
    </message>
    <message>
        <source>The partition&apos;s endpoint (leave empty)</source>
        <translation>Le point de terminaison de la partition (laisser vide)</translation>
    </message>
    <message>
        <source>&amp;Federation endpoint:</source>
        <translation>Point de terminaison de &amp;fédération&#xa0;:</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Takes effect when Rolecall starts again.</source>
        <translation>Prend effet au prochain démarrage de Rolecall.</translation>
    </message>
    <message>
        <source>Closing the window &amp;keeps Rolecall in the tray</source>
        <translation>La fermeture de la fenêtre &amp;garde Rolecall dans la zone de notification</translation>
    </message>
    <message>
        <source>Close to tray</source>
        <translation>Réduire dans la zone de notification à la fermeture</translation>
    </message>
    <message>
        <source>Start &amp;minimized</source>
        <translation>&amp;Démarrer réduit</translation>
    </message>
    <message>
        <source>Start minimized</source>
        <translation>Démarrer réduit</translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation>Ce bureau n&apos;a pas de zone de notification.</translation>
    </message>
    <message>
        <source>Seconds before copied credentials are cleared</source>
        <translation>Secondes avant l&apos;effacement des informations d&apos;identification copiées</translation>
    </message>
    <message>
        <source>Minutes of warning before a session expires</source>
        <translation>Minutes d&apos;avertissement avant l&apos;expiration d&apos;une session</translation>
    </message>
    <message>
        <source>Refres&amp;h sessions before they expire</source>
        <translation>Actualiser les sessions avant leur e&amp;xpiration</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>La&amp;ngue&#xa0;:</translation>
    </message>
    <message>
        <source>Start Rolecall in the tray when I log &amp;in</source>
        <translation>Démarrer Rolecall dans la zone de notification à l&apos;&amp;ouverture de session</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Démarrer à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Adds Rolecall to your desktop session&apos;s autostart programs.</source>
        <translation>Ajoute Rolecall aux programmes lancés au démarrage de votre session.</translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::TrayIcon</name>
    <message>
        <source>Rolecall tray menu</source>
        <translation>Menu de Rolecall dans la zone de notification</translation>
    </message>
    <message>
        <source>Rolecall</source>
        <translation>Rolecall</translation>
    </message>
    <message>
        <source>&amp;Assume</source>
        <translation>&amp;Assumer</translation>
    </message>
    <message>
        <source>&amp;Copy (env)</source>
        <translation>&amp;Copier (env)</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Oublier</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Récents</translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation>Sessions actives</translation>
    </message>
    <message>
        <source>No active session</source>
        <translation>Aucune session active</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation>Afficher la &amp;fenêtre</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message numerus="yes">
        <source>Rolecall — %n active session(s)</source>
        <translation>
            <numerusform>Rolecall — %n session active</numerusform>
            <numerusform>Rolecall — %n sessions actives</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open console</source>
        <translation>Ou&amp;vrir la console</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Switch AWS roles fast.</source>
        <translation>Changez de rôle AWS en un instant.</translation>
    </message>
    <message>
        <source>User interface language (de, fr, en).</source>
        <translation>Langue de l&apos;interface (de, fr, en).</translation>
    </message>
    <message>
        <source>Quit after N milliseconds (smoke tests).</source>
        <translation>Quitter après N millisecondes (tests de fumée).</translation>
    </message>
    <message>
        <source>Command-line broker</source>
        <translation>Broker pour la ligne de commande</translation>
    </message>
</context>
</TS>
