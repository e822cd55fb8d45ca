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
        <source>No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials).</source>
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
