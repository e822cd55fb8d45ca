#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a config and a credentials file with N profiles (default 5,000) the way large
organisations have them: IAM users with MFA in the credentials file, and role profiles chained
from them (some two hops deep). Usage: generate_profiles.py DIR [N]"""
import os
import sys

out = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
users = max(1, total // 5)
roles = total - users - 1
os.makedirs(out, exist_ok=True)
config = ["[default]", "region = us-east-1", ""]
credentials = []
for i in range(users):
    credentials += [f"[user{i}]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
                    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""]
    config += [f"[profile user{i}]", "region = eu-west-1",
               f"mfa_serial = arn:aws:iam::{100000000000 + i}:mfa/user{i}", ""]
for i in range(roles):
    source = f"user{i % users}" if i < roles * 3 // 4 else f"role{i - roles * 3 // 4}"
    config += [f"[profile role{i}]", f"role_arn = arn:aws:iam::{200000000000 + i}:role/Role{i}",
               f"source_profile = {source}", "region = us-west-2", "duration_seconds = 3600",
               "# generated", ""]
with open(os.path.join(out, "config"), "w") as f:
    f.write("\n".join(config))
with open(os.path.join(out, "credentials"), "w") as f:
    f.write("\n".join(credentials))
