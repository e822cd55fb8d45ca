# SPDX-License-Identifier: Apache-2.0
# bash completion for rolecall-cli
_rolecall_cli()
{
    local cur prev words cword
    _init_completion || return

    local commands="whoami assume-role assume-role-with-saml assume-role-with-web-identity session-token
        federation-token decode-message access-key-info profiles assume console keychain credential-process exec"
    local global="--profile --mfa-code --region --endpoint-url --json --debug --help --version"
    local formats="env fish powershell cmd dotenv json process ini"

    case "$prev" in
        --profile)
            COMPREPLY=($(compgen -W "$(rolecall-cli profiles --names 2>/dev/null)" -- "$cur"))
            return ;;
        --format)
            COMPREPLY=($(compgen -W "$formats" -- "$cur"))
            return ;;
        --policy-file|--assertion-file|--token-file|--file)
            _filedir
            return ;;
        --region|--endpoint-url|--mfa-code|--duration|--role-arn|--session-name|--external-id|--serial-number|\
        --token-code|--policy-arn|--tag|--name|--service|--destination|--access-key-id)
            return ;;
    esac

    local command="" i
    for ((i = 1; i < cword; i++)); do
        case "${words[i]}" in
            --profile|--mfa-code|--region|--endpoint-url) ((i++)) ;;
            -*) ;;
            *) command="${words[i]}"; break ;;
        esac
    done

    if [[ -z "$command" ]]; then
        COMPREPLY=($(compgen -W "$commands $global" -- "$cur"))
        return
    fi
    if [[ "$command" == exec ]] && [[ " ${words[*]} " == *" -- "* ]]; then
        _command_offset $((cword))
        return
    fi
    local options
    case "$command" in
        assume-role) options="--role-arn --session-name --duration --external-id --serial-number --token-code
            --policy-file --policy-arn --tag --transitive-tag-key --source-identity --provided-context --format" ;;
        assume-role-with-saml) options="--role-arn --principal-arn --assertion-file --duration --policy-file
            --policy-arn --format" ;;
        assume-role-with-web-identity) options="--role-arn --session-name --token --token-file --provider-id
            --duration --policy-file --policy-arn --format" ;;
        session-token) options="--duration --serial-number --token-code --format" ;;
        federation-token) options="--name --policy-file --policy-arn --duration --tag --format" ;;
        decode-message) options="--file" ;;
        profiles) options="--names" ;;
        assume) options="--duration --format" ;;
        console) options="--destination --service --duration --logout-first --print" ;;
        keychain) options="add import remove list --access-key-id --replace --all --no-config" ;;
        credential-process) options="--duration" ;;
        exec) options="--server --" ;;
    esac
    COMPREPLY=($(compgen -W "$options $global" -- "$cur"))
}
complete -F _rolecall_cli rolecall-cli
