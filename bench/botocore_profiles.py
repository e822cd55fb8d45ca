#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""botocore doing what `rolecall-cli profiles --json` does: load both files (AWS_CONFIG_FILE,
AWS_SHARED_CREDENTIALS_FILE) and print every profile with its settings as JSON."""
import json
import sys

import botocore.session

session = botocore.session.Session()
profiles = session.full_config["profiles"]
json.dump([{"name": name, "settings": profiles[name]} for name in session.available_profiles], sys.stdout)
