<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
        <source>Your AWS profiles will appear here.</source>
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
</context>
</TS>
