<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Rolecall::Cli::Cli</name>
    <message>
        <source>Inline session policy (JSON) from a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed session policy ARN (repeatable, up to 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session duration in seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential output: %1. Default: the AWS CLI&apos;s JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA device ARN or serial number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six-digit MFA code (asked for on a terminal when omitted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session tag KEY=VALUE (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the caller&apos;s account, ARN and user id (GetCallerIdentity).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assume a role (AssumeRole).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARN of the role to assume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role session name (default: rolecall-&lt;user&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External ID the role&apos;s trust policy expects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag key that stays with chained roles (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source identity to set on the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted context PROVIDER_ARN=ASSERTION (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arn=assertion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assume a role with a SAML assertion (AssumeRoleWithSAML; unsigned).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARN of the SAML identity provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File with the base64 SAML response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assume a role with an OIDC token (AssumeRoleWithWebIdentity; unsigned).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role session name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web identity token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the web identity token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth 2.0 provider (only for Login with Amazon, Facebook).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a session token, optionally with MFA (GetSessionToken).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get credentials for a federated user (GetFederationToken).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the federated user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decode an encoded authorization failure message (DecodeAuthorizationMessage).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the message from a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole AWS error text, the encoded blob, or - for stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the account an access key belongs to (GetAccessKeyInfo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key ID (AKIA…/ASIA…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS region (default: AWS_REGION, AWS_DEFAULT_REGION).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STS endpoint URL (https://, or http:// to localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON for scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print diagnostics on stderr (never secrets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolecall-cli: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS request ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: rolecall-cli [global options] &lt;command&gt; [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show help; &apos;rolecall-cli &lt;command&gt; --help&apos; for a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit codes: 0 ok, 1 AWS refused, 2 usage, 3 configuration, 4 network or TLS, 5 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the %1 file %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file %1 is larger than %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must look like KEY=VALUE (got &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required with --serial-number when there is no terminal to ask on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA code for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARN:     %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--role-arn is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--role-arn, --principal-arn and --assertion-file are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--role-arn and --session-name are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the token with --token or --token-file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the message as an argument, with --file, or - to read standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one access key ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of %1 (got &quot;%2&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every profile with its kind, settings and credential chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get credentials for --profile: walks its chain (keys, MFA, roles).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the AWS console signed in as --profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console URL to land on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console service to land on (ec2, s3, iam, …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console session duration in seconds (900-43200).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of the current console session first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the sign-in URL instead of opening a browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile from ~/.aws/config or ~/.aws/credentials to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six-digit MFA code for the profile&apos;s chain (else asked on the terminal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; does not exist. Run &apos;rolecall-cli profiles&apos; to list them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AWS credentials found. Give --profile, set AWS_PROFILE, add a [default] profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROFILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REGION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHAIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (MFA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number of seconds from 900 to 129600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number of seconds from 900 to 43200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may be at most 3600 for %1: its role is assumed with the credentials of another role (role chaining), and AWS then allows a one-hour console session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the browser (%1). Use --print to get the sign-in URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the AWS console for %1 (the sign-in link is valid for 15 minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may be at most 3600 for %1: its role is assumed with the credentials of another role (role chaining), and AWS allows one hour there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print only the profile names, one per line (for shell completion).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n minute(s). It may be waiting for you to unlock it; unlock it and try again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Long-term keys in the OS keychain: add, import (from ~/.aws/credentials), remove, list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add, import, remove or list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add: the access key ID (else asked for, or read from standard input). The secret is never a flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add: leave the config file alone (no credential_process line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: also remove the plaintext keys from the credentials file and leave a credential_process line there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: every profile with plaintext keys in the credentials file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: ROLECALL_SECRET_STORE=memory: keys are kept in memory only, for tests; nothing persists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give one action: add, import, remove or list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;: use add, import, remove or list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --profile or --all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain %1 needs --profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key ID for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the access key ID on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 16 to 128 upper-case letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret access key for %1 (not shown): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the secret access key on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be printable characters without spaces (as AWS issues them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the keys of %1 (%2) in the keychain (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1:%2 still holds plaintext keys for %3, and the AWS CLI uses them before credential_process: remove them from that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: %1 has a role_arn, so the AWS CLI assumes that role instead of using these keys directly; profiles that name %1 as source_profile with its own keys are the usual setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2 already has credential_process = %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1:%2 has another credential_process for %3, which the AWS CLI prefers to the config file&apos;s: change it to &apos;%4&apos; there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (credential_process = %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: rolecall-cli is not on PATH, so the AWS CLI cannot run that credential_process yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile in %1 has plaintext keys: nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the keys of %1 (%2) from %3 into the keychain (%4) and read them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plaintext keys are still in %1; run again with --replace to remove them and leave credential_process = %2 in their place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: %1:%2: credential_process of profile %3 still reads these keys; remove that line or add keys again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the keys of %1 from the keychain (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keys of %1 were listed; removed any the keychain (%2) had.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain of %1 needs a second MFA code (%2), and --mfa-code gives only one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA code for %1 (%2): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed: the Rolecall desktop app is not running and there is no terminal to ask on. Start the app, give --mfa-code, or set mfa_process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not an executable file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: command not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session duration in seconds (of the last role hop).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print --profile&apos;s credentials as credential_process JSON (Version 1) for the AWS CLI and SDKs; asks the desktop app first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a command with --profile&apos;s credentials: exec --profile P [--server] -- CMD [ARGS…].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the credentials from a loopback ECS-style endpoint that refreshes them while the command runs, instead of putting them in its environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --server: fetch new credentials when fewer than this many seconds remain (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run, after --, and its arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolecall-cli: warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--profile is required: credential_process = rolecall-cli credential-process --profile NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential chain of profile &quot;%1&quot; runs `rolecall-cli credential-process --profile %1` again: its credential_process (or one of its sources&apos;) points back at itself. Give the profile its own keys or a source_profile instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the command to run after --, e.g. rolecall-cli exec --profile dev -- aws s3 ls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number of seconds from 0 to 43200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--refresh-window needs --server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential chain of profile &quot;%1&quot; runs rolecall-cli for the same profile again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolecall-cli: refreshing the credentials failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolecall-cli: warning: the [default] profile has credentials of its own; AWS SDKs use them before the credentials endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolecall-cli: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither use nor keep cached sessions: always call STS.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Cli::CliMfaProvider</name>
    <message>
        <source>The chain of %1 needs a second MFA code (%2), and --mfa-code gives only one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed and there is no terminal to ask on: give --mfa-code, set mfa_process, or run it from a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA code for %1 (%2): </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Authz</name>
    <message>
        <source>Allowed: the policies allow this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit deny: a policy statement denies this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implicit deny: no policy statement allows this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the decoded message is not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched statements:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context keys:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Autostart</name>
    <message>
        <source>Cannot remove the autostart entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder of the autostart entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the autostart entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Broker</name>
    <message>
        <source>The Rolecall desktop app gave an answer that cannot be read (%1). Update rolecall-cli and the app to the same version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Rolecall desktop app refused the request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes; the broker reads no more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is not one JSON object on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has no protocol version &quot;v&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request uses protocol version %1; this Rolecall speaks version %2. Update rolecall-cli and the app to the same version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation &quot;%1&quot; is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request names no profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The format &quot;%1&quot; is unknown; the broker answers in &quot;process&quot; format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request&apos;s duration is not a whole number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MFA request names no device (&quot;serial&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no credentials in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Rolecall desktop app answered with credentials that cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the MFA code is not six digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker directory %1 %2; Rolecall does not use it. Remove it or set XDG_RUNTIME_DIR to a private directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a directory (or is a symbolic link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>belongs to another user (uid %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is open to other users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be made private (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be created (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::BrokerClientJob</name>
    <message>
        <source>The Rolecall desktop app is not running (nothing answers at %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker socket %1 is served by another user; Rolecall does not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Rolecall desktop app answered with more than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Rolecall desktop app closed the connection without an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the Rolecall desktop app failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Rolecall desktop app did not answer within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::BrokerServer</name>
    <message>
        <source>it is not a socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it belongs to another user (uid %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Rolecall app does not ask for MFA codes on behalf of other programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes; the broker reads no more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MFA code must be exactly six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complete request line arrived within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Rolecall app did not answer within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker is already listening at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker socket path %1 is not absolute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker socket path %1 is too long for a Unix socket; set XDG_RUNTIME_DIR to a shorter directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Rolecall app already answers at %1; this one does not start a second broker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the stale broker socket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists and %2; Rolecall leaves it alone and does not start its broker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot check the broker socket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker cannot listen at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker socket %1 could not be made private to this user; the broker does not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Rolecall app is busy with %1 other requests; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Rolecall app knows no profile &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::ConfigEdit</name>
    <message>
        <source>set %1 in [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set %1.%2 in [%3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove %1 from [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename [%1] to [%2]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::ConfigFile</name>
    <message>
        <source>%1 is not a regular file, so Rolecall does not read or write it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolecall could not read %1: %2. Check the file&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolecall could not create the folder %1. Check that you may write to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only, so Rolecall did not change it. Make it writable (chmod u+w) if Rolecall should save there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolecall could not save %1: the folder %2, where its symbolic link points, does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolecall could not save %1: it could not create a temporary file in %2 (%3). Check that you may write to that folder. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolecall could not set the permissions of the new %1 (%2). The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolecall could not write %1 (%2). The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolecall could not replace %1 (%2). The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was saved, but its permissions could not be kept. Check them (ls -l) and make the file readable only by you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a symbolic link in a loop (or a chain of more than %2 links). Fix the link, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kept changing while Rolecall was saving it. Nothing was saved; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::ConfigWriter</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no section [%1] in the file. It may have been removed or renamed; reload the file and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A section name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The section name &quot;%1&quot; contains a line break; a section header must fit on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A setting needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; contains a line break; a setting must fit on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; starts or ends with white space, which the AWS CLI drops. Remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; contains &quot;%2&quot;, which the AWS CLI reads as the end of the name. Choose a name without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting name &quot;%1&quot; starts with &quot;%2&quot;, which makes the line a comment or a section header for the AWS CLI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of %1 contains a line break. Values are written on one line; remove the line break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of %1 starts or ends with white space, which the AWS CLI drops. Remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] cannot be renamed to [%2]: a section [%2] already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A section [%1] already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is given twice for the new section [%2].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change would make the AWS CLI refuse the whole file: %1 The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolecall stopped before saving because the result would not read back as intended (%1). The file was not changed; please report this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] was removed or renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in [%2] was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] was added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed by another program after Rolecall read it: %2. Nothing was saved and the other change was kept; reload the file and make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::IniDocument</name>
    <message>
        <source>&quot;%1&quot; in the nested settings of %2 has no &apos;=&apos;; the AWS CLI refuses the whole file because of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file starts with a UTF-8 byte order mark. The AWS CLI cannot read such a file; save it without the mark (&quot;UTF-8&quot;, not &quot;UTF-8 with BOM&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is not valid UTF-8; the AWS CLI refuses the whole file. Re-save the file as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section [%1] appears again (first at line %2). The AWS CLI refuses files with duplicate sections; Rolecall merges them, later values winning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text after the closing &apos;]&apos; of [%1] is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; comes before the first [section] header and is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a &quot;key = value&quot; setting and is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A setting without a name (&quot;%1&quot;) is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is set again in [%2]. The AWS CLI refuses files with duplicate keys; Rolecall uses the last value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Config::SharedConfig</name>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] is not read as a profile: write [profile NAME] with exactly one name (quote names with spaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] is not a profile in the config file, where profiles are written [profile %1]; the AWS CLI ignores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] needs exactly one name after the section type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is defined again here; this definition replaces the one at line %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the credentials file profiles are named without &quot;profile&quot;: this section is a profile called &quot;%1&quot;, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Console</name>
    <message>
        <source>the federation endpoint setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS publishes no console sign-in endpoint for the %1 partition. Set the federation endpoint in the settings or ROLECALL_FEDERATION_URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no credentials to sign in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AWS console accepts only temporary credentials from a role or a federation token, not long-term access keys. Assume a role, or use a federation token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AWS console refuses credentials from GetSessionToken. Assume a role with them first, or use a federation token (GetFederationToken) instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 900 and 43200 seconds (it is %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may be at most 3600 seconds for a role assumed with role credentials (role chaining); it is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in endpoint did not answer with JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in endpoint&apos;s answer has no SigninToken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS publishes no console address for the %1 partition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a console service name such as ec2 or s3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the sign-in endpoint refused the credentials (HTTP %2). They must come from AssumeRole or GetFederationToken and still be valid; a role assumed with role credentials allows a console session of at most one hour.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ContainerCredentials</name>
    <message>
        <source>Container credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (&quot;%1&quot;) does not make a valid URL; it should start with a slash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set; this is not a container with a task role or Pod Identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_FULL_URI (&quot;%1&quot;) is not a valid http or https URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS_CONTAINER_CREDENTIALS_FULL_URI names the host &quot;%1&quot;. Over plain http only a loopback address or one of 169.254.170.2, 169.254.170.23, fd00:ec2::23 and localhost is allowed; use https for other hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token file &quot;%1&quot; named by AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names %1, which is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the authorization token file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authorization token file %1 is larger than %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authorization token file %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS_CONTAINER_AUTHORIZATION_TOKEN is set but empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container authorization token contains a line break, which is not allowed in an HTTP header. Remove it (a token file must not end with a newline).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint did not answer with JSON; check the URL in AWS_CONTAINER_CREDENTIALS_*_URI.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ContainerServer</name>
    <message>
        <source>The request is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request line is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A header line is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Authorization header is missing or wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only GET is served.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is served at this path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A GET request carries no body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complete request arrived in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials endpoint is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials endpoint serves only temporary credentials (with a session token and an expiry), and these are long-term keys. Run without --server, or use a profile that assumes a role or gets a session token with MFA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refresh gave long-term keys, which the endpoint does not serve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refresh gave credentials that expire within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No valid credentials.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::AccessKeyQuery</name>
    <message>
        <source>This ARN names no account (S3 bucket ARNs, for example, have none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an access key id (AKIA…, ASIA…), an ARN or a twelve-digit account id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::ProfileEditor</name>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transitive tag keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session policy ARNs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STS endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name must fit on one line, without control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name must not start or end with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AWS CLI could not read the profile name &quot;%1&quot; back; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required: the profile whose credentials assume the role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile can name itself as its source only when it holds keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can be at most %2 seconds: the source profile is a role itself, and AWS limits chained role sessions to an hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; cannot be written as key=value,key2=value2 (no commas, no &quot;=&quot; in keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must look like eu-west-1 or us-gov-west-1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a full URL, such as https://sts.eu-west-1.amazonaws.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must use https (plain http only for 127.0.0.1 or localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set in %2 (line %3), which wins over the config file; change it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key ID must be 16 to 128 upper-case letters and digits, like AKIAIOSFODNN7EXAMPLE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret access key must be printable characters without spaces, as AWS issues them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the keys of %1 in the keychain and set credential_process in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the keys of %1 into the keychain; they are still in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved the keys of %1 into the keychain; %2 now runs credential_process instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::SessionController</name>
    <message>
        <source>The profile &quot;%1&quot; no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no active session for %1: assume it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was not found: paste the whole error message that AWS returned, or just the encoded part.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::SessionWatcher</name>
    <message>
        <source>Session expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session of %1 has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Controllers::Settings</name>
    <message>
        <source>The federation endpoint must be a full URL, such as https://signin.aws.amazon.com/federation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The federation endpoint must use https (plain http only for 127.0.0.1 or localhost).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::CredentialFlow</name>
    <message>
        <source>Profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has no credentials: it sets neither keys, a role, a credential_process, web identity nor SSO.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed, and there is no way to ask for one here. Give it with --mfa-code, or set mfa_process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential_process of profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; signs in with IAM Identity Center (SSO), which Rolecall does not support yet. Use `aws sso login` and the AWS CLI for it meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 3600 for %1: it is assumed with the credentials of another role (role chaining), and AWS allows one hour there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys of %1 are in the keychain, but no keychain is available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain has no keys for %1. Add them with &apos;rolecall-cli keychain add --profile %1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Endpoints</name>
    <message>
        <source>the endpoint URL option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile&apos;s services section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile&apos;s endpoint_url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint URL from %1 is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint URL from %1 uses plain http:// to %2. Rolecall sends credentials only over https://, or http:// to this computer (localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint URL from %1 must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid AWS region name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::EnvironmentCredentials</name>
    <message>
        <source>Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set; set both, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Error</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 Nothing was sent to AWS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS refused the request with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS refused the request with %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered HTTP %1 without an error description. It is probably a temporary problem; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered HTTP %1 without an error description. Check the endpoint URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the endpoint (%1). Check your network connection, proxy settings and the endpoint URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No answer within %n second(s). The network or the endpoint may be slow or unreachable; try again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The secure connection failed: %1. Rolecall never skips certificate checks; if you use a corporate proxy or a private endpoint, point ca_bundle or AWS_CA_BUNDLE at its CA certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer could not be read (%1). If you use a custom endpoint, check that it is an STS endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials from a role can assume another role for at most one hour (role chaining). Ask for 3600 seconds or less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requested duration is longer than the role&apos;s maximum session duration. Ask for less, or raise the role&apos;s maximum in IAM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MFA code was wrong or already used. Wait for the next code and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the role&apos;s trust policy, the role ARN, and whether the role requires MFA or an external ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your identity lacks permission for this action; check its IAM policies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials used to sign have expired. Get fresh credentials and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access key ID is not known to AWS: it may be deleted, inactive, or meant for another partition (China, GovCloud).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret access key does not match the access key ID, or the system clock is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not signed completely. Check that credentials are configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your system clock differs from AWS&apos;s. Synchronise the clock (NTP) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STS is not activated in this region for the account. Activate it in IAM (Account settings) or use another region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session policy is not valid IAM policy JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session policies and tags are too large once packed. Use fewer or shorter ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A parameter was rejected; check the values against the limits AWS documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS is throttling requests. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web identity token was rejected: check its issuer, audience and expiry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider&apos;s claim was rejected: check the role&apos;s trust policy conditions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS could not reach the identity provider. Try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encoded message is not valid; paste the whole message, exactly as AWS returned it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS had a temporary problem. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Export</name>
    <message>
        <source>bash / zsh exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PowerShell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows cmd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.env file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential_process JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credentials file block</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ImdsCredentials</name>
    <message>
        <source>EC2 instance metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a positive whole number; it is &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instance metadata endpoint mode &quot;%1&quot; is not valid; use IPv4 or IPv6 (AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE / ec2_metadata_service_endpoint_mode).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instance metadata endpoint &quot;%1&quot; is not an http or https URL (AWS_EC2_METADATA_SERVICE_ENDPOINT / ec2_metadata_service_endpoint).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to instance metadata is disabled by AWS_EC2_METADATA_DISABLED=true.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No IMDSv2 session token could be obtained, and IMDSv1 is disabled (AWS_EC2_METADATA_V1_DISABLED / ec2_metadata_v1_disabled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This instance has no IAM role attached (the metadata service lists no instance profile role).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metadata service listed no role for this instance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metadata service gave &quot;%1&quot;, which is not an IAM role name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials of role %1 are not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::MetadataService</name>
    <message>
        <source>The answer is larger than %1 bytes; this is not a credentials service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is not a JSON object; this is not a credentials service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service reported %1 instead of credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service reported %1 instead of credentials: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer lacks %1 (or it is not a non-empty string).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Expiration &quot;%1&quot; is not an ISO 8601 timestamp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Mfa</name>
    <message>
        <source>mfa_process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mfa_process command is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mfa_process command could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mfa_process command failed with exit code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mfa_process command did not print a six-digit code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::MfaBroker</name>
    <message>
        <source>An MFA code for %1 is needed (profile %2), and there is no way to ask for one here. Set mfa_process for the profile, or use a terminal or the Rolecall app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA prompt for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An MFA code is exactly six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was already used; AWS takes each code once. Wait for the device to show a new code and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code was already used, and AWS takes each code once. Wait for the device to show the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS refused the MFA code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA code for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Models::ProfileTreeModel</name>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles without an account id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs MFA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session active, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Models::SessionsModel</name>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session of %1, %2, auto-refresh %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::ProcessCredentials</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quotation mark is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it ends with a backslash that escapes nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process command printed something that is not JSON (%1 at offset %2). It must print only its JSON document on standard output; messages belong on standard error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process command printed JSON that is not an object. It must print an object with Version, AccessKeyId and SecretAccessKey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process output has no Version key. Only Version 1 is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not a number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process output has the unsupported Version %1. Only Version 1 is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process output lacks %1 (or it is not a non-empty string).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process output has the Expiration &quot;%1&quot;, which is not an ISO 8601 timestamp such as 2024-05-01T12:00:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process command returned credentials that expired at %1. Check the tool behind it (a stale cache, a clock that is off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process command line cannot be read: %1. Quote arguments with spaces as a POSIX shell would.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process setting names no command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; was not found in PATH. Install it, or give its full path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; could not be started (%2). Check that it exists and is executable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The credential_process command &quot;%1&quot; did not finish within %n second(s) and was stopped. If it waits for input (a browser sign-in, a hardware key), complete that sooner.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; printed more than %2 bytes and was stopped. It must print only its JSON document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; crashed or was killed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; crashed or was killed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; failed with exit code %2 and no message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential_process command &quot;%1&quot; failed with exit code %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Profiles::ProfileResolver</name>
    <message>
        <source>Access keys of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials from the environment (AWS_ACCESS_KEY_ID…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container credentials (ECS/EKS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EC2 instance role (IMDSv2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential_process of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assume %1 with the web identity token %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IAM Identity Center (SSO) sign-in of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session token with MFA (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assume %1 with MFA (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>include_profile loops: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; included by &quot;%2&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session_tags of &quot;%1&quot; must look like key1=value1,key2=value2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; contains both source_profile and credential_source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has a role_arn but no source_profile or credential_source to assume it with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential source &quot;%1&quot; referenced in profile &quot;%2&quot; is not valid: use Environment, EcsContainer or Ec2InstanceMetadata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source_profile &quot;%1&quot; referenced in the profile &quot;%2&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source_profile chain loops: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source profile &quot;%1&quot; must have credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has aws_access_key_id in %2 but aws_secret_access_key in %3; the AWS CLI needs both in the same file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has aws_secret_access_key but no aws_access_key_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has aws_access_key_id but no aws_secret_access_key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; does not exist in the config or credentials file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The services section &quot;%1&quot; named by profile &quot;%2&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access keys of %1 from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::KeyStore</name>
    <message>
        <source>Cannot read the list of profiles with keys in the keychain, %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of profiles with keys in the keychain, %1, is damaged. Delete it: the keys stay in the keychain, and &apos;rolecall-cli keychain add&apos; or &apos;import&apos; lists a profile again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the list of keychain profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the list of keychain profiles %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make %1 private (mode 0600): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>need a profile name, an access key ID and a secret access key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys of profile %1 are no longer in the keychain (%2): something outside Rolecall deleted them. Add them again with &apos;rolecall-cli keychain add --profile %1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain holds only part of the keys of profile %1. Add them again with &apos;rolecall-cli keychain add --profile %1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::KeychainImport</name>
    <message>
        <source>[%1] in %2 has no aws_access_key_id and aws_secret_access_key: there is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain gave back other keys for %1 than were stored; nothing else was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::KeychainSecretStore</name>
    <message>
        <source>Could not read %1 from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store %1 in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1 from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain failed (%1 of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the login keychain in Keychain Access, or use memory-only mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the Windows Credential Manager, or use memory-only mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make sure a Secret Service provider such as gnome-keyring or KWallet is installed and running in this session (and that libsecret is installed), or use memory-only mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>no answer within %n second(s). The keychain may be waiting for you to unlock it; unlock it and try again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no keychain found (%2). Install or enable a Secret Service provider such as gnome-keyring or KWallet, or use memory-only mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the keyring is locked or access to it was denied (%2). Unlock it (your desktop&apos;s passwords and keys manager, or sign in again) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the keychain refused to delete the entry (%2). Unlock the keyring and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no such entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: QtKeychain does not support this keychain (%2). Use memory-only mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not give back what was stored in it (%1): it is not usable. Use memory-only mode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Secrets::MemorySecretStore</name>
    <message>
        <source>memory only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::SessionCache</name>
    <message>
        <source>The keychain did not answer within %1 seconds. Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the session index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the session index %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make the session index %1 private to you (mode 0600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has no cache key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only temporary credentials with an expiry are cached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has already expired.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Sts::Parsing</name>
    <message>
        <source>the XML is nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed XML at line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1Response, got &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response has no %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the credentials&apos; expiration &quot;%1&quot; is not a valid timestamp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Sts::StsClient</name>
    <message>
        <source>No AWS credentials to sign the request with. Choose a profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the CA bundle %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA bundle %1 holds no PEM certificates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::Sts::Validation</name>
    <message>
        <source>is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1 to %2 characters long (it is %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may contain only %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letters, digits and + = , . @ _ -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an ARN such as arn:aws:iam::123456789012:role/Name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between %1 and %2 seconds (it is %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may list at most 10 managed policies (it lists %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may contain only printable Latin-1 characters, tabs and line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 2048 characters (it is %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and the policy ARNs together must be at most 2048 characters (they are %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may hold at most 50 tags (it holds %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a tag key that is not 1 to 128 characters long: &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a value longer than 256 characters for tag &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag &quot;%1&quot; may contain only letters, digits, spaces and _ . : / = + - @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has the key &quot;%1&quot; twice; tag keys are case-insensitive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letters, digits and + = / : , . @ _ -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be exactly six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required with a TokenCode (the MFA device&apos;s ARN or serial).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required with a SerialNumber: enter the six-digit MFA code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may list at most 50 keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names &quot;%1&quot;, which is not one of the session tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letters, digits and + = , . @ : / _ -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not start with &quot;aws:&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may hold at most 5 contexts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letters and digits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::TerminalMfaPrompter</name>
    <message>
        <source>Another MFA prompt is already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An MFA code for %1 is needed, and there is no terminal to read it from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA code for %1 (%2): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA code for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The last code of %1 was already used; waiting %n second(s) for the next one…
</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rolecall::Core::WebIdentityToken</name>
    <message>
        <source>Web identity token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No web identity token file is configured. Set web_identity_token_file in the profile or AWS_WEB_IDENTITY_TOKEN_FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token file %1 does not exist. Check web_identity_token_file or AWS_WEB_IDENTITY_TOKEN_FILE, and that the token is mounted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file; it cannot be a web identity token file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token file %1 is larger than %2 bytes; it is not a web identity token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token file %1 is empty. The identity provider has not written a token yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::AboutDialog</name>
    <message>
        <source>About Rolecall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Rolecall %1&lt;/h2&gt;&lt;p&gt;Switch AWS roles fast: profiles, MFA, temporary credentials and console sign-in.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br&gt;%4&lt;br&gt;QtKeychain %5&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::AccessKeyDialog</name>
    <message>
        <source>Access key info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key id or ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AKIA…, ASIA…, arn:aws:iam::123456789012:role/Name or 123456789012</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key id or ARN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile to ask AWS with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key id is looked up with GetAccessKeyInfo, signed as this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local &amp;profiles in this account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local profiles in this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up a key id needs a profile to sign the request with; there is none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking AWS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &lt;b&gt;%1&lt;/b&gt;. No local profile belongs to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Account &lt;b&gt;%1&lt;/b&gt;: %n local profile(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::ConsoleMenu</name>
    <message>
        <source>Open &amp;console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the profile&apos;s region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a console service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service (ec2, s3, iam, cloudwatch, …):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of the current console first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::CopyMenu</name>
    <message>
        <source>&amp;Copy credentials as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::DecodeDialog</name>
    <message>
        <source>Decode authorization message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile to decode with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decode &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the whole error, e.g. &quot;… Encoded authorization failure message: 4Fz…&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition keys and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoded JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Principal:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Action:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Resource:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Matched:&lt;/b&gt; %1 %2 — %3 on %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Failures:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::DetailsPane</name>
    <message>
        <source>Credential chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the config files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops getting credentials for this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Chain&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search; Enter assumes the selected profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs MFA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile has no credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defined in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems in the config files&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session active: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::DialogActions</name>
    <message>
        <source>&amp;New role profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a role profile; the editor edits role profiles. For keys, use Add IAM user or Import plaintext keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;IAM user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;plaintext keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unavailable: Rolecall has no OS keychain to store keys in (no Secret Service provider such as gnome-keyring or KWallet is running).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decode authorization message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;key info…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::GuiMfaPrompter</name>
    <message>
        <source>MFA</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::IamUserDialog</name>
    <message>
        <source>Add IAM user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys go into the OS keychain, never into a file. The profile gets a credential_process line so the AWS CLI and SDKs can use them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;MFA device (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the keys in the keychain… (it may ask you to unlock it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::ImportKeysDialog</name>
    <message>
        <source>Import plaintext keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies a profile&apos;s keys from %1 into the OS keychain and reads them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile with plaintext keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove them from the file and leave credential_process in their place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the plaintext keys from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile in %1 has plaintext keys: nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the keys in the keychain… (it may ask you to unlock it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::MainWindow</name>
    <message>
        <source>Rolecall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search profiles, accounts, roles, regions (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters as you type; Enter assumes the best match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles by account</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Assumed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get credentials for the selected profile (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a fresh session (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle fa&amp;vourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied; the clipboard is cleared in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::MfaDialog</name>
    <message>
        <source>MFA code for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the six-digit code of &lt;b&gt;%1&lt;/b&gt; for profile &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six digits; the dialog submits on the sixth</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The last code was already used. Waiting for the next one: %n s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::ProfileEditorDialog</name>
    <message>
        <source>New role profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1; every other line of the file stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. acme-prod-admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role ARN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;MFA device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xternal ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only when the role&apos;s trust policy asks for one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 seconds; empty: the app&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: rolecall-&lt;user&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trans&amp;itive tag keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source &amp;identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. your user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;policy ARNs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STS &amp;endpoint URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the region&apos;s endpoint (leave empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must look like key1=value1,key2=value2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::SessionsDock</name>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active sessions with time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the selected session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For&amp;get</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the selected session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the selected session before it expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default durations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role session duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for roles whose profile sets no duration_seconds; chained roles get at most an hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role sessions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA session token duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFA &amp;session tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console session duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Console sign-in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions and clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear copied credentials after seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear c&amp;lipboard after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn before expiry, minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warn before expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh sessions before they expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh new sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default for new sessions; the Sessions view switches it per session. Sessions that need MFA ask once, one at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default browser — or e.g. firefox -P work %u</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browser command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federation endpoint override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partition&apos;s endpoint (leave empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Federation endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect when Rolecall starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window &amp;keeps Rolecall in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close to tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;minimized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start minimized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rolecall::Ui::TrayIcon</name>
    <message>
        <source>Rolecall tray menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolecall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy (env)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rolecall — %n active session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Switch AWS roles fast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language (de, fr, en).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit after N milliseconds (smoke tests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command-line broker</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
