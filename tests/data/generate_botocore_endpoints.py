#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Records the STS endpoint and signing region botocore picks for each region and setting, so
tst_endpoints can check Rolecall resolves exactly the same.
Run: python3 tests/data/generate_botocore_endpoints.py > tests/data/botocore-sts-endpoints.json"""
import json
import re

import botocore.session
from botocore.config import Config

REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-east-1", "ap-southeast-2", "ca-central-1",
           "il-central-1", "me-south-1", "sa-east-1", "cn-north-1", "cn-northwest-1", "us-gov-west-1",
           "us-gov-east-1", "us-iso-east-1", "us-isob-east-1"]


class Stop(Exception):
    pass


def resolve(region, legacy, fips, dualstack):
    session = botocore.session.get_session()
    session.set_credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    session.set_config_variable("sts_regional_endpoints", "legacy" if legacy else "regional")
    client = session.create_client("sts", region_name=region,
                                   config=Config(use_fips_endpoint=fips, use_dualstack_endpoint=dualstack))
    seen = {}

    def capture(request, **_):
        seen["url"] = request.url
        seen["auth"] = request.headers["Authorization"].decode()
        raise Stop()

    client.meta.events.register("before-send", capture)
    try:
        client.get_caller_identity()
    except Stop:
        pass
    signing_region = re.search(r"Credential=[^/]+/\d+/([^/]+)/", seen["auth"]).group(1)
    return {"region": region, "legacy": legacy, "fips": fips, "dualstack": dualstack,
            "url": seen["url"], "signingRegion": signing_region}


cases = [resolve(r, legacy, fips, ds) for r in REGIONS for legacy in (False, True)
         for fips in (False, True) for ds in (False, True)]
print(json.dumps({"generatedBy": "tests/data/generate_botocore_endpoints.py", "cases": cases}, indent=1))
