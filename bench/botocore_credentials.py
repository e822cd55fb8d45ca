#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""What `rolecall-cli credential-process --profile P` does, done by botocore: resolve the profile's
credentials with the AWS CLI's assume-role cache (~/.aws/cli/cache) and print credential_process JSON.
Usage: botocore_credentials.py PROFILE"""
import json
import os
import sys

import botocore.session
from botocore.credentials import JSONFileCache

session = botocore.session.Session(profile=sys.argv[1])
resolver = session.get_component("credential_provider")
cache = JSONFileCache(os.path.expanduser(os.path.join("~", ".aws", "cli", "cache")))
for name in ("assume-role", "assume-role-with-web-identity"):
    provider = resolver.get_provider(name)
    if provider is not None:
        provider.cache = cache
credentials = session.get_credentials()
frozen = credentials.get_frozen_credentials()
expiry = getattr(credentials, "_expiry_time", None)
print(json.dumps({"Version": 1, "AccessKeyId": frozen.access_key, "SecretAccessKey": frozen.secret_key,
                  "SessionToken": frozen.token, "Expiration": expiry.isoformat() if expiry else None}))
