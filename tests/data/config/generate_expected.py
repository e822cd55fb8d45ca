#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Computes tests/data/config/<case>/expected.json: what botocore sees in each case's `config` and
`credentials` files, and what Rolecall must produce beyond that.

    python3 tests/data/config/generate_expected.py           # rewrites every expected.json
    python3 tests/data/config/generate_expected.py --check   # verifies them, writes nothing

"botocore" is measured, never written by hand: botocore.session.Session() with AWS_CONFIG_FILE and
AWS_SHARED_CREDENTIALS_FILE pointing at the case files (full_config, available_profiles, and the
ConfigParseError when botocore refuses a file). For resolution cases, botocore's own credential
resolver (create_credential_resolver, AssumeRoleProvider and the profile providers) runs with every
side effect stubbed: AssumeRoleCredentialFetcher records the hop instead of calling STS, credential
providers return credentials labelled with the step that produced them, credential_source sources
return labelled credentials, no process runs, nothing touches the network. Walking the labelled
credentials from the profile back to its root gives botocore's chain.

"rolecall" holds what Rolecall adds, derived from "botocore" by the rules in core/profiles/profile.h
plus the hand-written facts in CASES below (diagnostics, error substrings, Rolecall-only rules):
  - for files botocore refuses, the profiles Rolecall still loads: botocore's own profile mapping
    over a lenient configparser (strict=False; BOM dropped; invalid UTF-8 replaced; lines before the
    first section, lines without a delimiter and empty keys skipped; nested lines without '='
    skipped), as core/config/inidocument.h documents;
  - diagnostics (file, line, severity) for every case;
  - per profile of a resolution case: kind, chain, steps (type, profile, whether it asks for MFA),
    errors (substrings), region.
"""
import argparse
import configparser
import io
import json
import os
import re
import sys
import tempfile

if not sys.flags.utf8_mode:
    # botocore opens the files with the locale's encoding; make that UTF-8 whatever the shell says.
    os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.argv])

import botocore  # noqa: E402
import botocore.configloader  # noqa: E402
import botocore.credentials as bc  # noqa: E402
import botocore.exceptions  # noqa: E402
import botocore.session  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
W, E = "warning", "error"

_KEYCHAIN_WHY = ("botocore runs the process; Rolecall recognises its own keychain line and reads the keys "
                 "directly (Step::Type::KeychainKeys, core/profiles/keychaincommand.h)")

# Hand-written facts per case. `about`: the one edge case. `diagnostics`: (file, line, severity)
# Rolecall reports. `resolve`: resolve every profile with botocore's credential chain. `errors`:
# per profile botocore refuses, substrings Rolecall's errors must contain (distinctive profile or
# key names, not wording). `rolecall_only`: per profile, a full expectation where Rolecall
# deliberately differs from botocore, with `why`.
CASES = {
    "01-default-then-profile-default": dict(
        about="[default] then [profile default]: the later section replaces the earlier one whole, "
        "keeping the first position", diagnostics=[("config", 5, W)]),
    "02-profile-default-then-default": dict(
        about="[profile default] then [default]: the later one wins, first position kept",
        diagnostics=[("config", 7, W)]),
    "03-bare-section-in-config": dict(
        about="a bare [dev] in the config file is not a profile", diagnostics=[("config", 4, W)]),
    "04-bare-section-in-credentials": dict(about="bare [name] sections in the credentials file are profiles"),
    "05-profile-prefix-in-credentials": dict(
        about="[profile dev] in the credentials file is a profile literally named 'profile dev'",
        diagnostics=[("credentials", 1, W)]),
    "06-quoted-profile-names": dict(
        about="shlex quoting in [profile \"my name\"], single quotes, escaped quotes, [profile \"default\"]"),
    "07-profile-with-two-names-ignored": dict(
        about="[profile a b], [profile \"a b\" c] and [profile] are not profiles",
        diagnostics=[("config", 1, W), ("config", 4, W), ("config", 7, W)]),
    "08-profiles-prefix-quirk": dict(
        about="botocore only checks startswith('profile'): [profiles x] is profile x, [profile-dev y] is "
        "profile y; [profilez] has one word and is ignored", diagnostics=[("config", 7, W)]),
    "09-sso-session-section": dict(about="[sso-session name] sections, one quoted"),
    "10-services-section-nested": dict(about="[services name] with nested sts = / s3 = sub-sections"),
    "11-full-line-comments": dict(about="# and ; full-line comments, also commented-out headers"),
    "12-indented-comments": dict(about="indented comment lines, also inside a nested block"),
    "13-inline-comment-kept": dict(about="text after a value that looks like a comment is part of the value"),
    "14-colon-delimiter": dict(about="':' as the key/value delimiter"),
    "15-first-delimiter-wins": dict(about="the first of '=' or ':' splits (a:b = c is key a)"),
    "16-whitespace-around-keys-values": dict(about="spaces and tabs around keys and values; keys with spaces"),
    "17-empty-values": dict(about="keys with empty values"),
    "18-mixed-case-keys": dict(about="keys are lower-cased"),
    "19-nested-subsection": dict(about="s3 = with indented keys: a nested dict, nested keys keep their case"),
    "20-multiline-continuation": dict(about="deeper-indented lines continue a value, joined with newlines"),
    "21-blank-line-in-continuation": dict(about="blank lines inside a continuation are kept, trailing ones dropped"),
    "22-duplicate-section": dict(
        about="a repeated [profile a]: botocore refuses the file; Rolecall merges, later values winning",
        diagnostics=[("config", 8, W), ("config", 9, W)]),
    "23-duplicate-key": dict(
        about="a repeated key (case-insensitively): botocore refuses; Rolecall keeps the last value",
        diagnostics=[("config", 4, W)]),
    "24-default-section-inheritance": dict(
        about="[DEFAULT] values apply to every section of the same file (sso-session included)"),
    "25-crlf-line-endings": dict(about="CRLF line endings, also in continuations and nested blocks"),
    "26-utf8-bom": dict(about="a UTF-8 byte order mark: botocore refuses the file", diagnostics=[("config", 1, W)]),
    "27-non-ascii-names-values": dict(about="non-ASCII profile names, keys and values"),
    "28-very-long-value": dict(about="a 100,000-character value on one line"),
    "29-no-trailing-newline": dict(about="files whose last line has no line ending"),
    "30-empty-files": dict(about="both files empty"),
    "31-only-comments": dict(about="files with nothing but comments and blank lines"),
    "32-text-before-first-section": dict(
        about="a setting before the first header: botocore refuses (MissingSectionHeaderError)",
        diagnostics=[("config", 1, E)]),
    "33-line-without-delimiter": dict(
        about="a line without '=' or ':': botocore refuses (ParsingError)", diagnostics=[("config", 3, E)]),
    "34-empty-key": dict(about="'= value' without a key: botocore refuses", diagnostics=[("config", 2, E)]),
    "35-invalid-utf8": dict(about="a Latin-1 byte in a UTF-8 file: botocore refuses (UnicodeDecodeError)",
                            diagnostics=[("config", 3, E)]),
    "36-credentials-override-config": dict(
        about="for a profile in both files the credentials file's values win; new keys are appended"),
    "37-credentials-only-profiles-appended": dict(
        about="profiles only the credentials file names come after the config file's, in file order"),
    "38-duplicate-default-section": dict(
        about="[DEFAULT] twice is not a duplicate section for configparser (only repeated keys would be)"),
    "39-lone-cr-line-endings": dict(about="classic Mac CR-only line endings: Python's universal newlines split them"),
    "40-section-header-trailing-text": dict(
        about="text after ']' is ignored, but the header runs to the LAST ']' on the line",
        diagnostics=[("config", 1, W), ("config", 4, W)]),
    "41-header-leading-whitespace": dict(
        about="an indented header is a header; [ profile z] does not start with 'profile'",
        diagnostics=[("config", 4, W)]),
    "42-nested-line-without-equals": dict(
        about="a nested line without '=': botocore refuses the file (ValueError in _parse_nested)",
        diagnostics=[("config", 3, E)]),
    "43-indented-header-is-a-value": dict(about="an indented [header] after a key is a continuation line"),
    "44-default-section-in-credentials": dict(
        about="[DEFAULT] in the credentials file applies to the credentials file's sections only"),
    "45-section-names-case-sensitive": dict(
        about="section names keep their case: [Default] and [PROFILE x] are not profiles in config",
        diagnostics=[("config", 1, W), ("config", 10, W)]),
    "46-backslash-in-quoted-name": dict(
        about="Python's shlex keeps a backslash before $ inside double quotes; unterminated quotes are ignored",
        diagnostics=[("config", 7, W)]),
    "47-duplicate-key-across-default-sections": dict(
        about="a key repeated in a second [DEFAULT]: that one configparser does refuse (DuplicateOptionError)",
        diagnostics=[("config", 7, W)]),
    # --- resolution ---
    "50-static-keys-config-vs-credentials": dict(about="static keys in config, in credentials, in both",
                                                 resolve=True),
    "51-role-chain-depth-3": dict(about="user keys -> dev -> admin -> audit (three role hops)", resolve=True),
    "52-self-source-profile-with-keys": dict(
        about="a role profile whose source_profile is itself and which holds keys", resolve=True),
    "53-source-profile-cycle": dict(about="cycle-a -> cycle-b -> cycle-a", resolve=True,
                                    errors={"cycle-a": ["cycle-a", "cycle-b"], "cycle-b": ["cycle-a", "cycle-b"]}),
    "54-self-source-profile-without-keys": dict(about="source_profile naming itself without keys is a cycle",
                                                resolve=True, errors={"self-loop": ["self-loop"]}),
    "55-missing-source-profile": dict(about="source_profile names a profile that does not exist", resolve=True,
                                      errors={"orphan": ["ghost-profile"]}),
    "56-role-without-source": dict(about="role_arn without source_profile or credential_source", resolve=True,
                                   errors={"lonely": ["source_profile", "credential_source"]}),
    "57-source-profile-and-credential-source": dict(
        about="role_arn with both source_profile and credential_source", resolve=True,
        errors={"both": ["source_profile", "credential_source"]}),
    "58-credential-source-valid": dict(about="credential_source Environment, EcsContainer, Ec2InstanceMetadata",
                                       resolve=True),
    "59-credential-source-invalid": dict(
        about="an unknown credential_source, and a valid one in the wrong case (botocore compares exactly)",
        resolve=True, errors={"bogus": ["BogusSource"], "lowercase": ["environment"]}),
    "60-web-identity": dict(about="role_arn + web_identity_token_file", resolve=True),
    "61-web-identity-wins-over-source-profile": dict(
        about="web_identity_token_file with role_arn and source_profile: botocore's AssumeRoleProvider skips "
        "the profile, web identity wins", resolve=True),
    "62-sso-profiles": dict(about="sso_session and legacy sso_start_url profiles, and a role sourced from SSO",
                            resolve=True),
    "63-credential-process": dict(about="credential_process, and a role sourced from it", resolve=True),
    "64-process-beats-config-keys": dict(about="credential_process and keys in the config file: process wins",
                                         resolve=True),
    "65-credentials-file-keys-beat-process": dict(
        about="credential_process in config, keys in the credentials file: the keys win", resolve=True),
    "66-include-profile": dict(
        about="aws-vault's include_profile: child takes region and source_profile from base", resolve=True,
        rolecall_only={
            "child": dict(kind="role", chain=["user", "child"], region="eu-west-1", errors=[],
                          steps=[("static_keys", "user", False), ("assume_role", "child", False)],
                          why="include_profile is aws-vault's extension; botocore ignores it and finds no "
                          "source for the role"),
        }),
    "67-mfa-on-first-role-hop": dict(
        about="mfa_serial on the first role hop becomes a GetSessionToken step (aws-vault's approach); later "
        "hops pass their own mfa_serial to AssumeRole; a key profile's own mfa_serial also asks for a session "
        "token", resolve=True),
    "68-duration-seconds-non-numeric": dict(
        about="duration_seconds that int() refuses: botocore drops it silently and still assumes the role",
        resolve=True),
    "69-source-profile-without-credentials": dict(
        about="source_profile names a profile with settings but no credentials", resolve=True,
        errors={"role": ["settings-only"]}),
    "70-source-profile-keys-beat-its-role": dict(
        about="a source profile holding keys AND role_arn is used through its keys, not its role", resolve=True),
    "71-web-identity-as-source": dict(about="a role sourced from a web-identity profile", resolve=True),
    "72-keys-split-across-files": dict(
        about="aws_access_key_id in config, aws_secret_access_key in credentials: botocore's config-file "
        "provider sees only half a key pair", resolve=True, errors={"split": ["aws_secret_access_key"]}),
    "73-keychain-credential-process": dict(
        about="Rolecall's own `rolecall-cli credential-process --profile X` line (any path, quoting, spacing, in "
        "either file): Rolecall reads X's keys from the keychain instead of starting itself; any other argument "
        "leaves it a process", resolve=True,
        rolecall_only={
            "user": dict(kind="static", chain=["user"], region="", errors=[],
                         steps=[("keychain_keys", "user", False), ("session_token", None, True)],
                         why=_KEYCHAIN_WHY + "; with mfa_serial the keys get a session token, as static keys do"),
            "admin": dict(kind="role", chain=["user", "admin"], region="", errors=[],
                          steps=[("keychain_keys", "user", False), ("session_token", None, True),
                                 ("assume_role", "admin", False)],
                          why=_KEYCHAIN_WHY),
            "quoted": dict(kind="static", chain=["quoted"], region="", errors=[],
                           steps=[("keychain_keys", "quoted", False)], why=_KEYCHAIN_WHY),
            "imported": dict(kind="static", chain=["imported"], region="", errors=[],
                             steps=[("keychain_keys", "imported", False)], why=_KEYCHAIN_WHY),
        }),
}

STEP_BY_SOURCE = {"Environment": "environment", "EcsContainer": "ecs_container",
                  "Ec2InstanceMetadata": "instance_metadata"}
AWS_ENV = ("AWS_", "BOTO_")


# ---------------------------------------------------------------------------------------------
# What botocore sees


def clean_environment(case_dir, home):
    for name in list(os.environ):
        if name.startswith(AWS_ENV):
            del os.environ[name]
    os.environ["HOME"] = home
    os.environ["AWS_CONFIG_FILE"] = os.path.join(case_dir, "config")
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(case_dir, "credentials")
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"


def settings_json(section):
    return {key: (dict(value) if isinstance(value, dict) else value) for key, value in section.items()}


def view_json(full):
    profiles = full.get("profiles", {})
    return {
        "profiles": list(profiles),
        "settings": {name: settings_json(values) for name, values in profiles.items()},
        # JSON objects have no order for the C++ side; the merged key order is checked from here.
        "key_order": {name: list(values) for name, values in profiles.items()},
        "sso_sessions": {name: settings_json(values) for name, values in full.get("sso_sessions", {}).items()},
        "services": {name: settings_json(values) for name, values in full.get("services", {}).items()},
    }


def botocore_view(case_dir):
    session = botocore.session.Session()
    try:
        full = session.full_config
        available = session.available_profiles
    except botocore.exceptions.ConfigParseError as error:
        cause = error.kwargs.get("error")
        return {"error": type(error).__name__, "cause": type(cause).__name__,
                "file": os.path.basename(error.kwargs.get("path", ""))}, None
    view = {"error": None, **view_json(full)}
    assert view["profiles"] == available
    return view, full


# ---------------------------------------------------------------------------------------------
# What Rolecall loads from a file botocore refuses: configparser's non-strict reading


def lenient_raw_parse(path):
    if not os.path.isfile(path):
        return None
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8-sig", errors="replace")
    lines = list(io.StringIO(text, newline=None))  # universal newlines, as open() reads
    parser = configparser.RawConfigParser(strict=False)
    # Lines before the first header are skipped (configparser would stop at the first one).
    for index, line in enumerate(lines):
        value = line.strip()
        if value.startswith(("#", ";")) or not value:
            continue
        if parser.SECTCRE.match(value):
            break
        lines[index] = "\n"
    try:
        parser.read_file(iter(lines), path)
    except configparser.ParsingError:
        pass  # non-fatal errors: configparser has read every other line already
    config = {}
    for section in parser.sections():
        config[section] = {}
        for option in parser.options(section):
            if option == "":
                continue  # '= value': Rolecall skips a setting without a name
            value = parser.get(section, option)
            if value.startswith("\n"):
                nested = {}
                for nested_line in value.splitlines():
                    nested_line = nested_line.strip()
                    if nested_line and "=" in nested_line:
                        key, nested_value = nested_line.split("=", 1)
                        nested[key.strip()] = nested_value.strip()
                value = nested
            config[section][option] = value
    return config


def lenient_full_config(case_dir):
    raw = lenient_raw_parse(os.path.join(case_dir, "config"))
    full = botocore.configloader.build_profile_map(raw) if raw is not None else {"profiles": {}}
    credentials = lenient_raw_parse(os.path.join(case_dir, "credentials"))
    for profile, values in (credentials or {}).items():  # as Session.full_config merges them
        if profile not in full["profiles"]:
            full["profiles"][profile] = values
        else:
            full["profiles"][profile].update(values)
    return full


# ---------------------------------------------------------------------------------------------
# How botocore resolves credentials, with every side effect stubbed


class Labelled(bc.Credentials):
    """Credentials standing for one root step of a chain."""

    def __init__(self, step):
        super().__init__("LABELLED", "LABELLED")
        self.step = step


class RecordingFetcher:
    """Replaces AssumeRoleCredentialFetcher: records the hop, never calls STS."""

    last = None

    def __init__(self, client_creator, source_credentials, role_arn, extra_args=None, mfa_prompter=None,
                 cache=None, expiry_window_seconds=None):
        self.profile = ROLE_STACK[-1]
        self.source = source_credentials
        self.role_arn = role_arn
        self.extra_args = dict(extra_args or {})
        RecordingFetcher.last = self

    def fetch_credentials(self):
        raise AssertionError("the generator never calls STS")


ROLE_STACK = []


def install_stubs():
    original_load_via_role = bc.AssumeRoleProvider._load_creds_via_assume_role

    def load_via_role(self, profile_name):
        ROLE_STACK.append(profile_name)
        try:
            credentials = original_load_via_role(self, profile_name)
        finally:
            ROLE_STACK.pop()
        credentials.hop = RecordingFetcher.last
        return credentials

    bc.AssumeRoleProvider._load_creds_via_assume_role = load_via_role
    bc.AssumeRoleCredentialFetcher = RecordingFetcher

    def relabel(cls, step_type, extra=lambda self: {}):
        original = cls.load

        def load(self):
            credentials = original(self)
            if credentials is None:
                return None
            return Labelled({"type": step_type, "profile": self._profile_name, **extra(self)})

        cls.load = load

    relabel(bc.SharedCredentialProvider, "static_keys", lambda self: {"file": "credentials"})
    relabel(bc.ConfigProvider, "static_keys", lambda self: {"file": "config"})
    relabel(bc.SSOProvider, "sso")
    relabel(bc.AssumeRoleWithWebIdentityProvider, "web_identity",
            lambda self: {"role_arn": self._get_config("role_arn")})

    def process_load(self):  # botocore's decision, without running the process
        if self._credential_process is None:
            return None
        return Labelled({"type": "process", "profile": self._profile_name})

    bc.ProcessProvider.load = process_load

    def source_credentials(self, source_name):
        self._get_provider(source_name)  # botocore's own lookup (raises for unknown names)
        return Labelled({"type": STEP_BY_SOURCE[source_name], "profile": ROLE_STACK[-1]})

    bc.CanonicalNameCredentialSourcer.source_credentials = source_credentials
    for cls in (bc.EnvProvider, bc.ContainerProvider, bc.InstanceMetadataProvider, bc.OriginalEC2Provider,
                bc.BotoProvider):
        cls.load = lambda self: None


def walk(credentials):
    steps = []
    while hasattr(credentials, "hop"):
        hop = credentials.hop
        step = {"type": "assume_role", "profile": hop.profile, "role_arn": hop.role_arn}
        for arg, key in (("SerialNumber", "mfa_serial"), ("DurationSeconds", "duration_seconds"),
                         ("ExternalId", "external_id"), ("RoleSessionName", "role_session_name")):
            if arg in hop.extra_args:
                step[key] = hop.extra_args[arg]
        steps.insert(0, step)
        credentials = hop.source
    assert isinstance(credentials, Labelled), credentials
    steps.insert(0, credentials.step)
    return steps


def botocore_resolve(profile):
    session = botocore.session.Session(profile=profile)
    resolver = bc.create_credential_resolver(session, cache={})
    try:
        credentials = resolver.load_credentials()
    except botocore.exceptions.BotoCoreError as error:
        return {"error": f"{type(error).__name__}: {error}"}
    if credentials is None:
        return {"error": None, "steps": []}
    return {"error": None, "steps": walk(credentials)}


# ---------------------------------------------------------------------------------------------
# Rolecall's rules on top (core/profiles/profile.h)


def documented_kind(settings, credentials_section):
    """ProfileResolver's kind rule, checked against botocore wherever botocore resolves."""
    if "role_arn" in settings and "web_identity_token_file" not in settings:
        if "credential_source" in settings and "source_profile" not in settings:
            return "credential_source"
        return "role"
    if "role_arn" in settings and "web_identity_token_file" in settings:
        return "web_identity"
    if "sso_session" in settings or "sso_start_url" in settings:
        return "sso"
    if "aws_access_key_id" in (credentials_section or {}):
        return "static"
    if "credential_process" in settings:
        return "process"
    if "aws_access_key_id" in settings:
        return "static"
    return "none"


def kind_of_steps(steps):
    if not steps:
        return "none"
    last = steps[-1]["type"]
    if last == "assume_role":
        return "credential_source" if steps[0]["type"] in STEP_BY_SOURCE.values() else "role"
    return {"static_keys": "static", "web_identity": "web_identity", "sso": "sso", "process": "process"}[last]


def rolecall_steps(steps, profiles):
    """botocore's steps with aws-vault's MFA rule: when the keys' profile or the first role hop from
    them has mfa_serial, a GetSessionToken step follows the keys and that hop assumes without MFA."""
    out = [(s["type"], s["profile"], False) for s in steps]
    for index, step in enumerate(steps[1:], start=1):
        if step["type"] == "assume_role" and "mfa_serial" in step:
            out[index] = ("assume_role", step["profile"], True)
    if steps and steps[0]["type"] == "static_keys":
        first_hop = out[1] if len(out) > 1 else None
        keys_mfa = "mfa_serial" in profiles.get(steps[0]["profile"], {})
        if keys_mfa or (first_hop and first_hop[2]):
            if first_hop:
                out[1] = (first_hop[0], first_hop[1], False)
            out.insert(1, ("session_token", None, True))
    return out


def chain_of(steps):
    chain = []
    for _, profile, _ in steps:
        if profile is not None and (not chain or chain[-1] != profile):
            chain.append(profile)
    return chain


def steps_json(steps):
    return [{"type": t, "profile": p, "mfa": m} for t, p, m in steps]


def resolution(case, spec, full, credentials_raw):
    evidence, expected = {}, {}
    for profile in full["profiles"]:
        settings = full["profiles"][profile]
        found = botocore_resolve(profile)
        evidence[profile] = found
        if profile in spec.get("rolecall_only", {}):
            only = dict(spec["rolecall_only"][profile])
            why = only.pop("why")
            only["steps"] = steps_json(only["steps"])
            expected[profile] = {**only, "rolecall_only": why}
            continue
        kind = documented_kind(settings, (credentials_raw or {}).get(profile))
        entry = {"kind": kind, "region": settings.get("region", "")}
        if found["error"] is None:
            if kind_of_steps(found["steps"]) != kind:
                sys.exit(f"{case}/{profile}: profile.h's kind rule says {kind}, botocore resolves "
                         f"{kind_of_steps(found['steps'])}")
            steps = rolecall_steps(found["steps"], full["profiles"])
            entry.update(chain=chain_of(steps) if steps else None, steps=steps_json(steps), errors=[])
            if any(step[0] == "session_token" for step in steps):
                entry["rolecall_only"] = ("aws-vault's MFA rule: GetSessionToken with MFA after the keys; botocore "
                                          "passes mfa_serial to the first AssumeRole (or ignores it on a key profile)")
        else:
            substrings = spec.get("errors", {}).get(profile)
            if not substrings:
                sys.exit(f"{case}/{profile}: botocore fails ({found['error']}); CASES needs error substrings")
            entry.update(chain=None, steps=None, errors=substrings)
        expected[profile] = entry
    for profile in spec.get("errors", {}):
        if evidence.get(profile, {}).get("error") is None and profile not in spec.get("rolecall_only", {}):
            sys.exit(f"{case}/{profile}: CASES expects errors but botocore resolves the profile")
    return evidence, expected


# ---------------------------------------------------------------------------------------------


def compute(case):
    case_dir = os.path.join(HERE, case)
    spec = CASES[case]
    with tempfile.TemporaryDirectory() as home:
        clean_environment(case_dir, home)
        view, full = botocore_view(case_dir)
        lenient = view_json(lenient_full_config(case_dir))
        if full is not None:
            # The lenient reading is configparser's; on a file botocore accepts it must agree exactly.
            for key, value in lenient.items():
                if view[key] != value:
                    sys.exit(f"{case}: the lenient reader disagrees with botocore on {key}")
        rolecall = {"diagnostics": [{"file": f, "line": n, "severity": s} for f, n, s in spec.get("diagnostics", [])]}
        if full is None:
            rolecall.update(lenient)
        botocore_part = dict(view)
        if spec.get("resolve"):
            if full is None:
                sys.exit(f"{case}: a resolution case needs files botocore accepts")
            credentials_raw = None
            credentials_path = os.path.join(case_dir, "credentials")
            if os.path.isfile(credentials_path):
                credentials_raw = botocore.configloader.raw_config_parse(credentials_path)
            botocore_part["resolve"], rolecall["resolve"] = resolution(case, spec, full, credentials_raw)
    return {"about": spec["about"], "botocore_version": botocore.__version__, "botocore": botocore_part,
            "rolecall": rolecall}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify expected.json, write nothing")
    args = parser.parse_args()
    install_stubs()
    directories = sorted(d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d)) and re.match(r"\d\d-", d))
    if set(directories) != set(CASES):
        sys.exit(f"case directories and CASES differ: {sorted(set(directories) ^ set(CASES))}")
    stale = []
    for case in directories:
        text = json.dumps(compute(case), indent=1, ensure_ascii=False, sort_keys=False) + "\n"
        path = os.path.join(HERE, case, "expected.json")
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if current != text:
            stale.append(case)
            if not args.check:
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
    if args.check and stale:
        sys.exit(f"stale expected.json (run without --check): {', '.join(stale)}")
    print(f"{len(directories)} cases, {'stale: ' + ', '.join(stale) if stale else 'all up to date'}")


if __name__ == "__main__":
    main()
