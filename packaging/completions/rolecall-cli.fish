# SPDX-License-Identifier: Apache-2.0
# fish completion for rolecall-cli
set -l commands whoami assume-role assume-role-with-saml assume-role-with-web-identity session-token \
    federation-token decode-message access-key-info profiles assume console keychain credential-process exec

complete -c rolecall-cli -f
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a whoami -d 'Show the caller (GetCallerIdentity)'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a assume-role -d 'Assume a role'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a assume-role-with-saml -d 'Assume a role with SAML'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a assume-role-with-web-identity -d 'Assume a role with an OIDC token'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a session-token -d 'Session token, optionally with MFA'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a federation-token -d 'Federated user credentials'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a decode-message -d 'Decode an authorization failure message'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a access-key-info -d 'Account of an access key'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a profiles -d 'List profiles and their chains'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a assume -d 'Credentials for a profile'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a console -d 'Open the AWS console signed in'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a keychain -d 'Keys in the OS keychain'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a credential-process -d 'credential_process output'
complete -c rolecall-cli -n "not __fish_seen_subcommand_from $commands" -a exec -d 'Run a command with credentials'

complete -c rolecall-cli -l profile -x -a '(rolecall-cli profiles --names 2>/dev/null)' -d 'Profile'
complete -c rolecall-cli -l mfa-code -x -d 'Six-digit MFA code'
complete -c rolecall-cli -l region -x -d 'AWS region'
complete -c rolecall-cli -l endpoint-url -x -d 'STS endpoint URL'
complete -c rolecall-cli -l json -d 'JSON output'
complete -c rolecall-cli -l debug -d 'Diagnostics on stderr'
complete -c rolecall-cli -l help -d 'Show help'
complete -c rolecall-cli -l version -d 'Show the version'
complete -c rolecall-cli -l format -x -a 'env fish powershell cmd dotenv json process ini' -d 'Credential output'
complete -c rolecall-cli -l duration -x -d 'Duration in seconds'
complete -c rolecall-cli -n '__fish_seen_subcommand_from keychain' -a 'add import remove list'
complete -c rolecall-cli -n '__fish_seen_subcommand_from decode-message' -l file -r -F
complete -c rolecall-cli -n '__fish_seen_subcommand_from console' -l service -x -d 'Console service'
complete -c rolecall-cli -n '__fish_seen_subcommand_from console' -l print -d 'Print the sign-in URL'
complete -c rolecall-cli -n '__fish_seen_subcommand_from console' -l logout-first -d 'Sign out first'
complete -c rolecall-cli -n '__fish_seen_subcommand_from exec' -l server -d 'Serve credentials on a local endpoint'
